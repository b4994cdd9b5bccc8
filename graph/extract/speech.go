package extract

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
)

// Layers of Options.Layer.
const (
	LayerCooccurrence = "cooccurrence" // undirected: characters named in one unit
	LayerSpeech       = "speech"       // directed: who speaks to or about whom
)

// ParseLayer checks a --layer value; "" is LayerCooccurrence.
func ParseLayer(s string) (string, error) {
	switch s {
	case "", LayerCooccurrence:
		return LayerCooccurrence, nil
	case LayerSpeech:
		return LayerSpeech, nil
	}
	return "", fmt.Errorf("layer %q: want cooccurrence or speech", s)
}

// Verbs of saying for speaker attribution (the suggest cues use the same).
var sayVerbs = map[string]map[string]bool{"de": sayDE, "en": sayEN}

// speech is one attributed speech: the speaker's mention index, the byte
// span of what is said, and the evidence span.
type speech struct {
	speaker  int  // index into the mentions
	body     Span // what is said
	evidence Span // the text kept as evidence (speaker and body)
	scene    int  // scene index (plays), -1 for prose
	par      int  // paragraph index (prose)
}

// replyParagraphs is how far back, in paragraphs, the previous speech of
// a prose dialogue may lie for a speech to answer it.
const replyParagraphs = 2

// runSpeech builds the directed speech graph: each speech adds 1 to the
// edge from its speaker to every other character it names, and, in a
// play, to every other speaker of its scene (whom it addresses). Units are
// the speeches, numbered from 1 in text order.
func (b *builder) runSpeech(text string, pack *Pack, mentions []Mention) int {
	byID := make(map[string]int, len(b.m.ids))
	for i, id := range b.m.ids {
		byID[id] = i
	}
	chars := make([]int, len(mentions))
	for i, mn := range mentions {
		chars[i] = byID[mn.ID]
		b.count[chars[i]]++
	}
	var speeches []speech
	var present []map[int]bool // per scene: the characters with a speaker label
	if labels := speakerLabels(text, mentions); labels != nil {
		speeches, present = playSpeeches(text, mentions, labels, chars)
	} else {
		speeches = proseSpeeches(text, pack, mentions)
	}
	for k, sp := range speeches {
		unit := k + 1
		who := chars[sp.speaker]
		targets := map[int]bool{}
		var order []int
		add := func(c int) {
			if c != who && !targets[c] {
				targets[c] = true
				order = append(order, c)
			}
		}
		for i := firstAt(mentions, sp.body.Start); i < len(mentions) && mentions[i].Start < sp.body.End; i++ {
			if mentions[i].End <= sp.body.End {
				add(chars[i])
			}
		}
		if sp.scene >= 0 {
			for c := range present[sp.scene] {
				add(c)
			}
		} else if k > 0 && sp.par-speeches[k-1].par <= replyParagraphs {
			add(chars[speeches[k-1].speaker]) // a reply addresses the previous speaker
		}
		if len(order) == 0 {
			continue
		}
		var ev string
		var spans []graph.Mention
		if sp.evidence.End-sp.evidence.Start > MaxEvidenceText {
			// A long speech: its first MaxEvidenceText bytes, cut at a space.
			e := sp.evidence.Start + MaxEvidenceText
			for !utf8.RuneStart(text[e]) {
				e--
			}
			if i := strings.LastIndexAny(text[sp.evidence.Start:e], " \t\n"); i > 0 {
				e = sp.evidence.Start + i
			}
			sp.evidence.End = e
		}
		if b.maxEv >= 0 {
			ev = strings.Clone(text[sp.evidence.Start:sp.evidence.End])
		}
		for _, c := range order {
			e := b.edge(who, c)
			e.units = append(e.units, unit)
			if b.maxEv < 0 || len(e.evidence) >= b.maxEv {
				continue
			}
			spans = spans[:0:0]
			for i := firstAt(mentions, sp.evidence.Start); i < len(mentions) && mentions[i].Start < sp.evidence.End; i++ {
				if m := mentions[i]; m.End <= sp.evidence.End && (chars[i] == c || i == sp.speaker) {
					spans = append(spans, cpSpan(text, sp.evidence.Start, m))
				}
			}
			e.evidence = append(e.evidence, graph.Evidence{Unit: unit, Text: ev, Mentions: spans})
		}
	}
	return len(speeches)
}

// playSpeeches reads a printed play: a speech runs from the end of its
// speaker label to the next label or scene heading; the scenes are the
// Sections at scene headings, and the speakers of a scene are present in
// it.
func playSpeeches(text string, ms []Mention, labels []bool, chars []int) ([]speech, []map[int]bool) {
	secs := Sections(text, IsSceneHeading)
	present := make([]map[int]bool, len(secs))
	var out []speech
	si := 0
	for i, m := range ms {
		if !labels[i] {
			continue
		}
		for si+1 < len(secs) && secs[si].End <= m.Start {
			si++
		}
		if present[si] == nil {
			present[si] = map[int]bool{}
		}
		present[si][chars[i]] = true
		end := secs[si].End
		for j := i + 1; j < len(ms); j++ {
			if labels[j] {
				end = min(end, ms[j].Start)
				break
			}
		}
		body := Span{m.End, end}
		ev := trimSpan(text, Span{m.Start, end})
		out = append(out, speech{speaker: i, body: body, evidence: ev, scene: si})
	}
	return out, present
}

func trimSpan(text string, s Span) Span {
	t := appendTrimmed(nil, text, s.Start, s.End)
	if len(t) == 0 {
		return Span{s.Start, s.Start}
	}
	return t[0]
}

// proseSpeeches finds direct speech in quotation marks and attributes it
// to a named speaker next to a verb of saying, in the same paragraph:
// after the quotation ("„…“, sagt Lukas", "“…,” said Elizabeth", "“…,”
// Elizabeth said": a verb of saying and a name, in either order, within
// the first six words after the closing mark) or before it ("Lukas fragt:
// „…“", "Elizabeth replied, “…”": the last name before a verb of saying
// among the last six words before the opening mark). A quotation with no
// such speaker is not attributed. A speech also addresses the speaker of
// the attributed speech before it, when that one is at most
// replyParagraphs paragraphs back (a reply in a dialogue).
func proseSpeeches(text string, pack *Pack, ms []Mention) []speech {
	say := sayVerbs[pack.Code]
	var out []speech
	for pi, par := range Paragraphs(text) {
		quotes := quotations(text, par, pack)
		for qi, q := range quotes {
			// The frames: up to the neighbouring quotations.
			after := Span{q.End, par.End}
			if qi+1 < len(quotes) {
				after.End = quotes[qi+1].Start
			}
			before := Span{par.Start, q.Start}
			if qi > 0 {
				before.Start = quotes[qi-1].End
			}
			if sp, ok := speakerAfter(text, after, ms, say); ok {
				out = append(out, speech{speaker: sp, body: q, evidence: Span{q.Start, ms[sp].End}, scene: -1, par: pi})
				continue
			}
			if sp, ok := speakerBefore(text, before, ms, say); ok {
				out = append(out, speech{speaker: sp, body: q, evidence: Span{ms[sp].Start, q.End}, scene: -1, par: pi})
			}
		}
	}
	return out
}

// quotations returns the spans of the quotations in par: from an opening
// mark of the pack to its closing mark (the marks included), not nested.
// English single quotes are left out (they are apostrophes too).
func quotations(text string, par Span, pack *Pack) []Span {
	var out []Span
	none := map[string]bool{} // closing marks absent from the rest of par
	for p := par.Start; p < par.End; {
		r, sz := utf8.DecodeRuneInString(text[p:])
		closing := ""
		for _, q := range pack.Quotes {
			if q[0] == string(r) && !(pack.Code == "en" && q[0] == "'") && !(pack.Code == "de" && (q[0] == "'" || q[0] == "‚")) {
				closing = q[1]
				break
			}
		}
		if closing == "" || none[closing] {
			p += sz
			continue
		}
		end := strings.Index(text[p+sz:par.End], closing)
		if end < 0 {
			none[closing] = true
			p += sz
			continue
		}
		e := p + sz + end + len(closing)
		out = append(out, Span{p, e})
		p = e
	}
	return out
}

// frameWords returns the word spans of text[f], at most n, from the start
// (fromEnd false) or the end.
func frameWords(text string, f Span, n int, fromEnd bool) []Span {
	// n words fit in far fewer bytes; a long frame is cut first.
	if limit := 40 * n; f.End-f.Start > limit {
		if fromEnd {
			f.Start = f.End - limit
			for f.Start < f.End && !utf8.RuneStart(text[f.Start]) {
				f.Start++
			}
		} else {
			f.End = f.Start + limit
			for f.End > f.Start && !utf8.RuneStart(text[f.End]) {
				f.End--
			}
		}
	}
	var ws []Span
	wordStarts(text[f.Start:f.End], func(p, q int) int {
		ws = append(ws, Span{f.Start + p, f.Start + q})
		return q
	})
	if len(ws) > n {
		if fromEnd {
			ws = ws[len(ws)-n:]
		} else {
			ws = ws[:n]
		}
	}
	return ws
}

// speakerAfter finds "…“, sagt Lukas" / "…,” Elizabeth said".
func speakerAfter(text string, f Span, ms []Mention, say map[string]bool) (int, bool) {
	ws := frameWords(text, f, 6, false)
	verb := false
	for _, w := range ws {
		if say[text[w.Start:w.End]] {
			verb = true
		}
	}
	if !verb {
		return 0, false
	}
	limit := f.End
	if len(ws) > 0 {
		limit = ws[len(ws)-1].End
	}
	for i := firstAt(ms, f.Start); i < len(ms) && ms[i].Start < limit; i++ {
		if ms[i].End <= limit && ms[i].Resolved != ResolvedRole {
			return i, true
		}
	}
	return 0, false
}

// speakerBefore finds "Lukas fragt: „…“".
func speakerBefore(text string, f Span, ms []Mention, say map[string]bool) (int, bool) {
	ws := frameWords(text, f, 6, true)
	verbAt := -1
	for _, w := range ws {
		if say[text[w.Start:w.End]] {
			verbAt = w.Start
		}
	}
	if verbAt < 0 {
		return 0, false
	}
	best := -1
	for i := firstAt(ms, f.Start); i < len(ms) && ms[i].Start < verbAt; i++ {
		if ms[i].End <= verbAt && ms[i].Resolved != ResolvedRole {
			best = i
		}
	}
	return best, best >= 0
}

// firstAt returns the index of the first mention starting at or after p.
func firstAt(ms []Mention, p int) int {
	return sort.Search(len(ms), func(i int) bool { return ms[i].Start >= p })
}
