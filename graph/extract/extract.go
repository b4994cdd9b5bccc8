package extract

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/roster"
)

// DefaultMaxEvidence is the number of evidence units kept per edge when
// Options.MaxEvidence is 0.
const DefaultMaxEvidence = 20

// Unit is the value of graph.Episode.Unit for graphs made with the
// default unit.
const Unit = "sentence"

// Options configures Extract.
type Options struct {
	// Roster holds the characters, their name forms, the relationships and
	// the Exclude phrases. Required.
	Roster *roster.Roster
	// Lang is "de" or "en" (case-insensitive; "de-AT", "en_GB" and the like
	// are accepted). It chooses the language pack (Pack): the abbreviation
	// and month lists of the sentence splitter, the possessive rules of
	// name matching and the pronoun and kinship tables of coreference.
	// Empty means Roster.Lang, and when that is empty too the language
	// DetectLanguage finds in the text.
	Lang string
	// Unit is the interaction unit; the zero value is sentences. UnitTEI
	// is not a unit of plain text: use ExtractTEI.
	Unit UnitSpec
	// Coref selects coreference resolution; the zero value is none.
	Coref Coref
	// Layer is LayerCooccurrence ("" too) or LayerSpeech: a directed graph
	// of who speaks to or about whom, whose units are the speeches (Unit
	// must be the default then).
	Layer string
	// MaxEvidence is the number of units per edge whose text is kept as
	// evidence (the first ones in text order). 0 means DefaultMaxEvidence;
	// a negative value keeps none.
	MaxEvidence int
	// Episode is copied into the graph. The caller sets ID, Title and
	// Source; Extract sets Unit (Options.Unit.String()) and Units (the
	// number of units of the text: sentences, paragraphs, scenes, tokens
	// for a window, or the speeches of the speech layer).
	Episode graph.Episode
}

// Extract builds the co-occurrence graph of text: each unit adds 1 to the
// weight of every pair of distinct characters it mentions (a window: each
// pair of mentions close enough adds 1); with Options.Layer LayerSpeech it
// builds the directed speech graph instead. The rules for units, mentions,
// coreference, speeches and the graph are in the package documentation.
//
// Warnings (sorted, deterministic) report an empty text, a text that
// mentions no character, and characters that no form can match; they never
// make an error. The error is non-nil only when Options is unusable
// (no roster, unknown language, the TEI unit) or text is not valid UTF-8;
// it then names the byte offset, line and column of the first bad byte,
// and the caller adds the file name.
func Extract(text string, opt Options) (*graph.Graph, []string, error) {
	r := opt.Roster
	speechLayer, err := checkOptions(opt)
	if err != nil {
		return nil, nil, err
	}
	if err := CheckUTF8(text); err != nil {
		return nil, nil, err
	}
	text = normText(text)
	if (!speechLayer || speechUnwraps(text, opt)) && opt.Unit.Kind != UnitScene {
		text = UnwrapLines(text)
	}
	pack, tag, ok := langOf(opt.Lang, r.Lang, text)
	if !ok {
		return nil, nil, fmt.Errorf("extract: unknown language %q (want \"de\" or \"en\")", tag)
	}
	english := pack.Code == "en"
	maxEv := opt.MaxEvidence
	if maxEv == 0 {
		maxEv = DefaultMaxEvidence
	}

	g := &graph.Graph{Episode: opt.Episode, Nodes: []graph.Node{}, Edges: []graph.Edge{}}
	g.Episode.Unit, g.Episode.Units = opt.Unit.String(), 0
	if speechLayer {
		g.Directed, g.Episode.Unit = true, "speech"
	}

	var warnings []string
	m := newMatcher(r, english)
	for _, id := range m.ids {
		if len(r.Forms(id)) == 0 {
			warnings = append(warnings, fmt.Sprintf("character %q has no name form left (all are ambiguous); it is never matched", id))
		}
	}
	if strings.TrimFunc(text, isTrimmed) == "" {
		warnings = append(warnings, "empty graph: no text (the text is empty or only whitespace)")
		slices.Sort(warnings)
		return g, warnings, nil
	}

	mentions := m.find(text)
	var sentences []Span
	if opt.Unit.Kind == UnitSentence || (opt.Coref != CorefNone && len(mentions) > 0) {
		sentences = splitSentences(text, pack.rules, mentions)
	}
	if opt.Coref != CorefNone && len(mentions) > 0 {
		mentions = mergeMentions(mentions, newResolver(text, m, r, pack, opt.Coref).resolve(sentences, mentions))
	}
	var units []Span
	switch opt.Unit.Kind {
	case UnitSentence:
		units = sentences
		if !speechLayer {
			g.Episode.Units = len(units)
		}
	case UnitParagraph:
		units = Paragraphs(text)
		g.Episode.Units = len(units)
	case UnitScene:
		units = Scenes(text)
		g.Episode.Units = len(units)
	case UnitWindow:
		g.Episode.Units = countWords(text)
	}
	if len(mentions) == 0 {
		warnings = append(warnings, "empty graph: no character of the roster is mentioned in the text")
		slices.Sort(warnings)
		return g, warnings, nil
	}

	b := builder{
		text:     text,
		m:        m,
		r:        r,
		maxEv:    maxEv,
		count:    make([]int, len(m.ids)),
		lastUnit: make([]int, len(m.ids)),
		edges:    map[[2]int]int{},
	}
	if opt.Unit.Kind == UnitScene {
		b.labels = speakerLabels(text, mentions)
	}
	if speechLayer {
		g.Episode.Units = b.runSpeech(text, pack, mentions)
	} else if opt.Unit.Kind == UnitWindow {
		b.runWindow(opt.Unit.N, mentions)
	} else {
		b.run(units, mentions)
	}
	b.fill(g)
	g.Canonicalize()
	slices.Sort(warnings)
	return g, warnings, nil
}

// checkOptions returns the errors of Options that Extract and
// ExtractReader report before reading the text, and whether the layer is
// the speech layer.
func checkOptions(opt Options) (speechLayer bool, err error) {
	if opt.Roster == nil {
		return false, errors.New("extract: Options.Roster is nil")
	}
	if opt.Unit.Kind == UnitTEI {
		return false, errors.New("extract: the tei unit reads TEI XML; use ExtractTEI")
	}
	if opt.Unit.Kind == UnitWindow && (opt.Unit.N < 1 || opt.Unit.N > MaxWindow) {
		return false, fmt.Errorf("extract: window size %d is outside [1, %d]", opt.Unit.N, MaxWindow)
	}
	layer, err := ParseLayer(opt.Layer)
	if err != nil {
		return false, fmt.Errorf("extract: %w", err)
	}
	speechLayer = layer == LayerSpeech
	if speechLayer && opt.Unit.Kind != UnitSentence {
		return false, fmt.Errorf("extract: the speech layer counts speeches; it takes no unit %q", opt.Unit)
	}
	return speechLayer, nil
}

// CheckUTF8 returns an error naming the byte offset, line and column of
// the first invalid UTF-8 byte of text, or nil.
func CheckUTF8(text string) error { return checkUTF8(text, 0, 1) }

// checkUTF8 is CheckUTF8 for a part of a text that starts at byte offset
// off, at the beginning of line number line.
func checkUTF8(text string, off, line int) error {
	if utf8.ValidString(text) {
		return nil
	}
	col := 1
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && sz == 1 {
			return fmt.Errorf("invalid UTF-8 at byte offset %d (line %d, column %d)", off+i, line, col)
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += sz
	}
	return nil // not reached
}

// builder accumulates the graph of one text. Characters are indices into
// m.ids, which is sorted, so a < b by index means a < b by id.
type builder struct {
	text  string
	m     *matcher
	r     *roster.Roster
	maxEv int // < 0: no evidence
	// unitBase is added to the unit numbers of run: the number of units
	// of the text before b.text (ExtractReader; 0 for Extract).
	unitBase int

	// labels marks the mentions that are speaker labels (scene units
	// only; nil otherwise): a unit that has any counts only those.
	labels []bool

	count    []int          // mentions per character
	lastUnit []int          // the last unit that mentioned the character
	edges    map[[2]int]int // (a, b) with a < b → index into acc
	acc      []edgeAcc
}

type edgeAcc struct {
	a, b     int
	units    []int
	evidence []graph.Evidence
}

// run walks the units and their mentions.
func (b *builder) run(units []Span, mentions []Mention) {
	byID := make(map[string]int, len(b.m.ids))
	for i, id := range b.m.ids {
		byID[id] = i
	}
	chars := make([]int, len(mentions)) // character index of each mention
	for i, mn := range mentions {
		chars[i] = byID[mn.ID]
		b.count[chars[i]]++
	}
	var present []int // distinct characters of the unit, in first-mention order
	mi := 0
	for ui, u := range units {
		unit := b.unitBase + ui + 1
		// Mentions never cross unit ends, and units leave out only
		// whitespace, so each mention lies inside one unit.
		for mi < len(mentions) && mentions[mi].Start < u.Start {
			mi++
		}
		first := mi
		present = present[:0]
		labelled := false // the unit has speaker labels: only they make presence
		if b.labels != nil {
			for k := mi; k < len(mentions) && mentions[k].Start < u.End; k++ {
				labelled = labelled || b.labels[k]
			}
		}
		for ; mi < len(mentions) && mentions[mi].Start < u.End; mi++ {
			if labelled && !b.labels[mi] {
				continue
			}
			if c := chars[mi]; b.lastUnit[c] != unit {
				b.lastUnit[c] = unit
				present = append(present, c)
			}
		}
		if len(present) < 2 {
			continue
		}
		slices.Sort(present)
		var cps []graph.Mention // code-point spans of the unit's mentions, computed once
		var unitText string
		var byChar map[int][]int // long units: character → its counted mentions (indices)
		for i, a := range present {
			for _, c := range present[i+1:] {
				e := b.edge(a, c)
				e.units = append(e.units, unit)
				if b.maxEv < 0 || len(e.evidence) >= b.maxEv {
					continue
				}
				if u.End-u.Start > MaxEvidenceText {
					if byChar == nil {
						byChar = map[int][]int{}
						for k, ch := range chars[first:mi] {
							if !labelled || b.labels[first+k] {
								byChar[ch] = append(byChar[ch], k)
							}
						}
					}
					e.evidence = append(e.evidence, b.excerpt(unit, u, mentions[first:mi], byChar[a], byChar[c]))
					continue
				}
				if cps == nil {
					cps = codePointSpans(b.text, u.Start, mentions[first:mi])
					unitText = strings.Clone(b.text[u.Start:u.End])
				}
				var spans []graph.Mention
				for k, ch := range chars[first:mi] {
					if labelled && !b.labels[first+k] {
						continue
					}
					if ch == a || ch == c {
						spans = append(spans, cps[k])
					}
				}
				e.evidence = append(e.evidence, graph.Evidence{Unit: unit, Text: unitText, Mentions: spans})
			}
		}
	}
}

// MaxEvidenceText is the longest unit, in bytes, whose whole text is kept
// as evidence; a longer unit (a paragraph, a scene) is represented by an
// excerpt: the closest mentions of the two characters with up to
// excerptContext bytes of text on either side, cut at spaces; when those
// two mentions are far apart, each with its context, joined by " … ".
const MaxEvidenceText = 1000

const excerptContext = 150

// excerpt returns the evidence of a pair of characters in the long unit
// u: ms are the unit's mentions, la and lc the indices (ascending) of the
// two characters' counted mentions.
func (b *builder) excerpt(unit int, u Span, ms []Mention, la, lc []int) graph.Evidence {
	// The closest pair, one mention of each, by a merge of the two lists.
	x, y, best := -1, -1, -1
	for i, j := 0, 0; i < len(la) && j < len(lc); {
		p, q := la[i], lc[j]
		if p > q {
			p, q = q, p
		}
		if d := ms[q].Start - ms[p].End; best < 0 || d < best {
			x, y, best = p, q, d
		}
		if la[i] < lc[j] {
			i++
		} else {
			j++
		}
	}
	if x < 0 {
		return graph.Evidence{Unit: unit}
	}
	both := mergeSorted(la, lc)
	if ms[y].Start-ms[x].End <= MaxEvidenceText-2*excerptContext {
		sp := b.around(u, ms[x].Start, ms[y].End)
		return graph.Evidence{Unit: unit, Text: strings.Clone(b.text[sp.Start:sp.End]), Mentions: b.spansIn(sp, 0, ms, both)}
	}
	// Far apart: the two mentions with their context, joined by " … ".
	const gap = " … "
	left, right := b.around(u, ms[x].Start, ms[x].End), b.around(u, ms[y].Start, ms[y].End)
	left.End = min(left.End, right.Start)
	text := b.text[left.Start:left.End] + gap + b.text[right.Start:right.End]
	spans := b.spansIn(left, 0, ms, both)
	spans = append(spans, b.spansIn(right, utf8.RuneCountInString(b.text[left.Start:left.End]+gap), ms, both)...)
	return graph.Evidence{Unit: unit, Text: text, Mentions: spans}
}

// mergeSorted merges two ascending lists of distinct indices.
func mergeSorted(a, c []int) []int {
	out := make([]int, 0, len(a)+len(c))
	i, j := 0, 0
	for i < len(a) && j < len(c) {
		if a[i] < c[j] {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, c[j])
			j++
		}
	}
	return append(append(out, a[i:]...), c[j:]...)
}

// around returns [s, e) widened by up to excerptContext bytes on either
// side inside u, cut at spaces and trimmed.
func (b *builder) around(u Span, s0, e0 int) Span {
	s := max(u.Start, s0-excerptContext)
	e := min(u.End, e0+excerptContext)
	for s < s0 && !utf8.RuneStart(b.text[s]) {
		s++
	}
	for e > e0 && e < len(b.text) && !utf8.RuneStart(b.text[e]) {
		e--
	}
	if s > u.Start {
		if i := strings.IndexAny(b.text[s:s0], " \t\n"); i >= 0 {
			s += i
		}
	}
	if e < u.End {
		if i := strings.LastIndexAny(b.text[e0:e], " \t\n"); i >= 0 {
			e = e0 + i
		}
	}
	return trimSpan(b.text, Span{s, e})
}

// spansIn returns the code-point spans, shifted by off, of the mentions
// ms[k] (k in idx, ascending) that lie inside sp.
func (b *builder) spansIn(sp Span, off int, ms []Mention, idx []int) []graph.Mention {
	var spans []graph.Mention
	for _, k := range idx {
		if ms[k].Start >= sp.Start && ms[k].End <= sp.End {
			m := cpSpan(b.text, sp.Start, ms[k])
			m.Start, m.End = m.Start+off, m.End+off
			spans = append(spans, m)
		}
	}
	return spans
}

// edge returns the accumulator of the pair a < b, creating it.
func (b *builder) edge(a, c int) *edgeAcc {
	k := [2]int{a, c}
	i, ok := b.edges[k]
	if !ok {
		i = len(b.acc)
		b.edges[k] = i
		b.acc = append(b.acc, edgeAcc{a: a, b: c})
	}
	return &b.acc[i]
}

// codePointSpans converts the byte spans of ms, ordered and inside the unit
// starting at byte start, to code-point spans relative to the unit.
func codePointSpans(text string, start int, ms []Mention) []graph.Mention {
	out := make([]graph.Mention, len(ms))
	pos, cp := start, 0
	for i, m := range ms {
		cp += utf8.RuneCountInString(text[pos:m.Start])
		s := cp
		cp += utf8.RuneCountInString(text[m.Start:m.End])
		out[i] = graph.Mention{Start: s, End: cp, Resolved: m.Resolved}
		pos = m.End
	}
	return out
}

// fill writes the nodes and edges into g.
func (b *builder) fill(g *graph.Graph) {
	chars := make(map[string]roster.Character, len(b.r.Characters))
	for _, c := range b.r.Characters {
		chars[c.ID] = c
	}
	for i, id := range b.m.ids {
		if b.count[i] == 0 {
			continue
		}
		c := chars[id]
		n := graph.Node{ID: id, Name: c.Name, Mentions: b.count[i]}
		if len(c.Attributes) > 0 || c.Gender != "" {
			n.Attributes = make(map[string]any, len(c.Attributes)+1)
			for k, v := range c.Attributes {
				n.Attributes[k] = deepCopy(v)
			}
			if c.Gender != "" {
				n.Attributes["gender"] = c.Gender
			}
		}
		g.Nodes = append(g.Nodes, n)
	}
	for _, e := range b.acc {
		src, dst := b.m.ids[e.a], b.m.ids[e.b]
		rel, _ := b.r.Relation(src, dst)
		g.Edges = append(g.Edges, graph.Edge{
			Source:   src,
			Target:   dst,
			Weight:   float64(len(e.units)),
			Relation: rel,
			Units:    e.units,
			Evidence: e.evidence,
		})
	}
}

// deepCopy copies the maps and slices of a decoded JSON value, so a node
// never shares mutable state with the roster.
func deepCopy(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[k] = deepCopy(x)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, x := range v {
			s[i] = deepCopy(x)
		}
		return s
	}
	return v
}
