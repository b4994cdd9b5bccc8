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
	to       int  // index into the mentions of the explicit addressee, -1 for none
	body     Span // what is said
	evidence Span // the text kept as evidence (speaker and body)
	scene    int  // scene index (plays), -1 for prose
	par      int  // paragraph index (prose)
}

// addresseeWords are the prepositions that name the addressee after a
// verb of saying or its speaker ("sagt Achim zu Kathrin", "returned Darcy
// to Jane"), by language code.
var addresseeWords = map[string]string{"de": "zu", "en": "to"}

// speechUnwraps reports whether the speech layer joins the hard-wrapped
// lines of text (UnwrapLines) before reading it: when the text, as it is,
// has no speaker labels (speakerLabels over the roster's mentions). A
// printed play keeps its lines, since a label is a name at the start of a
// line; prose is unwrapped as for the other units, so that a name or an
// attribution run over a wrap ("said Miss⏎Bingley") is read whole.
// Unwrapping only joins a line to the one before it, so it makes no label
// a play would lose. An unknown language reports false (Extract then
// fails on it).
func speechUnwraps(text string, opt Options) bool {
	if !hasBlankLine(text) {
		return false // UnwrapLines would return it unchanged
	}
	pack, _, ok := langOf(opt.Lang, opt.Roster.Lang, text)
	if !ok {
		return false
	}
	return speakerLabels(text, newMatcher(opt.Roster, pack.Code == "en").find(text)) == nil
}

// replyParagraphs is how far back, in paragraphs, the previous speech of
// a prose dialogue may lie for a speech to answer it.
const replyParagraphs = 2

// runSpeech builds the directed speech graph: each speech adds 1 to the
// edge from its speaker to every other character it names and to whom it
// addresses: in a play every other speaker of its scene; in prose the
// explicit addressee ("sagt Achim zu Kathrin"), else the speaker of the
// previous speech when it replies to that. Units are the speeches,
// numbered from 1 in text order. Evidence texts have their line breaks
// written "\n" (a CRLF text gives the evidence of its LF twin).
func (b *builder) runSpeech(text string, pack *Pack, mentions []Mention) int {
	chars := b.characters(mentions) // character index of each mention
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
		switch {
		case sp.scene >= 0:
			for c := range present[sp.scene] {
				add(c)
			}
		case sp.to >= 0 && chars[sp.to] != who:
			add(chars[sp.to]) // an explicit addressee: no guess from the turns
		case k > 0 && sp.par-speeches[k-1].par <= replyParagraphs:
			add(chars[speeches[k-1].speaker]) // a reply addresses the previous speaker
		}
		if len(order) == 0 {
			continue
		}
		var ev speechEvidence
		if b.maxEv >= 0 {
			ev = newSpeechEvidence(text, sp.evidence)
		}
		for _, c := range order {
			e := b.edge(who, c)
			e.units = append(e.units, unit)
			if b.maxEv < 0 || len(e.evidence) >= b.maxEv {
				continue
			}
			var spans []graph.Mention
			for i := firstAt(mentions, sp.evidence.Start); i < len(mentions) && mentions[i].Start < sp.evidence.End; i++ {
				if m := mentions[i]; chars[i] == c || i == sp.speaker {
					if s, ok := ev.span(m); ok {
						spans = append(spans, s)
					}
				}
			}
			e.evidence = append(e.evidence, graph.Evidence{Unit: unit, Text: ev.text, Mentions: spans})
		}
	}
	return len(speeches)
}

// speechEvidence is the evidence text of a speech: text[span] (whose line
// breaks are "\n": Extract reads CRLF and CR as LF, lfText), cut after its
// first MaxEvidenceText bytes (at a space) when longer.
type speechEvidence struct {
	text  string
	start int
}

func newSpeechEvidence(text string, span Span) speechEvidence {
	ev := speechEvidence{text: text[span.Start:span.End], start: span.Start}
	if len(ev.text) > MaxEvidenceText {
		// A long speech: its first MaxEvidenceText bytes, cut at a space.
		e := MaxEvidenceText
		for !utf8.RuneStart(ev.text[e]) {
			e--
		}
		if i := strings.LastIndexAny(ev.text[:e], " \t\n"); i > 0 {
			e = i
		}
		ev.text = ev.text[:e]
	}
	ev.text = strings.Clone(ev.text)
	return ev
}

// span returns the span of the mention m in the evidence text, in code
// points; false when m is not wholly inside it.
func (ev speechEvidence) span(m Mention) (graph.Mention, bool) {
	s, e := m.Start-ev.start, m.End-ev.start
	if s < 0 || e > len(ev.text) {
		return graph.Mention{}, false
	}
	a := utf8.RuneCountInString(ev.text[:s])
	return graph.Mention{Start: a, End: a + utf8.RuneCountInString(ev.text[s:e]), Resolved: m.Resolved}, true
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
// such speaker is not attributed.
//
// The preposition of addresseeWords right after the speaker's name or a
// verb of saying, followed by a name, names the addressee ("sagt Achim zu
// Kathrin", "returned Darcy to Jane", "Lukas sagt zu Kathrin: „…“").
//
// A quotation attributed by the words after it continues in the next
// quotations of the paragraph ("“Then I shall go,” cried Elizabeth, “and
// find Bingley.”") while the text between names nobody but the speaker
// and addressee and the next quotation has no verb of saying among the
// six words after it (an attribution of its own): they are one speech.
func proseSpeeches(text string, pack *Pack, ms []Mention) []speech {
	say := sayVerbs[pack.Code]
	to := addresseeWords[pack.Code]
	var out []speech
	for pi, par := range Paragraphs(text) {
		quotes := quotations(text, par, pack)
		// frame returns the text after quotes[qi], up to the next quotation.
		after := func(qi int) Span {
			f := Span{quotes[qi].End, par.End}
			if qi+1 < len(quotes) {
				f.End = quotes[qi+1].Start
			}
			return f
		}
		for qi := 0; qi < len(quotes); qi++ {
			q := quotes[qi]
			before := Span{par.Start, q.Start}
			if qi > 0 {
				before.Start = quotes[qi-1].End
			}
			if a, ok := speakerAfter(text, after(qi), ms, say, to); ok {
				sp := speech{speaker: a.speaker, to: a.to, body: q, evidence: Span{q.Start, ms[a.speaker].End}, scene: -1, par: pi}
				if a.to >= 0 {
					sp.evidence.End = max(sp.evidence.End, ms[a.to].End)
				}
				for qi+1 < len(quotes) && continues(text, after(qi), after(qi+1), ms, a, say) {
					qi++
					sp.body.End = quotes[qi].End
					sp.evidence.End = max(sp.evidence.End, quotes[qi].End)
				}
				out = append(out, sp)
				continue
			}
			if a, ok := speakerBefore(text, before, ms, say, to); ok {
				out = append(out, speech{speaker: a.speaker, to: a.to, body: q, evidence: Span{ms[a.speaker].Start, q.End}, scene: -1, par: pi})
			}
		}
	}
	return out
}

// attribution is the speaker of a quotation and its explicit addressee:
// indexes into the mentions, to -1 for none.
type attribution struct{ speaker, to int }

// continues reports whether the quotation after the gap continues the
// speech attributed to a by the words in gap: the gap names no one else,
// and the words after the next quotation (next) hold no verb of saying.
func continues(text string, gap, next Span, ms []Mention, a attribution, say map[string]bool) bool {
	for i := firstAt(ms, gap.Start); i < len(ms) && ms[i].Start < gap.End; i++ {
		if i != a.speaker && i != a.to {
			return false
		}
	}
	for _, w := range frameWords(text, next, 6, false) {
		if say[text[w.Start:w.End]] {
			return false
		}
	}
	return true
}

// addressee returns the mention right after "zu"/"to" (the word to) at p,
// with only spaces and tabs between, within f: "… zu Kathrin".
func addressee(text string, f Span, ms []Mention, p int, to string) int {
	skip := func(p int) int {
		for p < f.End && (text[p] == ' ' || text[p] == '\t') {
			p++
		}
		return p
	}
	p = skip(p)
	if to == "" || !strings.HasPrefix(text[p:f.End], to) {
		return -1
	}
	q := p + len(to)
	if q == f.End || (text[q] != ' ' && text[q] != '\t') {
		return -1
	}
	q = skip(q)
	if i := firstAt(ms, q); i < len(ms) && ms[i].Start == q && ms[i].End <= f.End {
		return i
	}
	return -1
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

// speakerAfter finds "…“, sagt Lukas" / "…,” Elizabeth said", and the
// addressee of "…“, sagt Achim zu Kathrin" / "…,” Darcy said to Jane".
func speakerAfter(text string, f Span, ms []Mention, say map[string]bool, to string) (attribution, bool) {
	ws := frameWords(text, f, 6, false)
	var verbs []int // the ends of the verbs of saying
	for _, w := range ws {
		if say[text[w.Start:w.End]] {
			verbs = append(verbs, w.End)
		}
	}
	if len(verbs) == 0 {
		return attribution{}, false
	}
	limit := f.End
	if len(ws) > 0 {
		limit = ws[len(ws)-1].End
	}
	for i := firstAt(ms, f.Start); i < len(ms) && ms[i].Start < limit; i++ {
		if ms[i].End <= limit && ms[i].Resolved != ResolvedRole {
			a := attribution{speaker: i, to: addressee(text, f, ms, ms[i].End, to)}
			for _, v := range verbs {
				if a.to < 0 {
					a.to = addressee(text, f, ms, v, to)
				}
			}
			return a, true
		}
	}
	return attribution{}, false
}

// speakerBefore finds "Lukas fragt: „…“", and the addressee of "Lukas
// sagt zu Kathrin: „…“".
func speakerBefore(text string, f Span, ms []Mention, say map[string]bool, to string) (attribution, bool) {
	ws := frameWords(text, f, 6, true)
	verb := Span{-1, -1}
	for _, w := range ws {
		if say[text[w.Start:w.End]] {
			verb = w
		}
	}
	if verb.Start < 0 {
		return attribution{}, false
	}
	best := -1
	for i := firstAt(ms, f.Start); i < len(ms) && ms[i].Start < verb.Start; i++ {
		if ms[i].End <= verb.Start && ms[i].Resolved != ResolvedRole {
			best = i
		}
	}
	if best < 0 {
		return attribution{}, false
	}
	return attribution{speaker: best, to: addressee(text, f, ms, verb.End, to)}, true
}

// firstAt returns the index of the first mention starting at or after p.
func firstAt(ms []Mention, p int) int {
	return sort.Search(len(ms), func(i int) bool { return ms[i].Start >= p })
}
