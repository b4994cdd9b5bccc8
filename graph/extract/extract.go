package extract

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

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
	text = nfcText(text)
	lf := false // every line break of text is known to be a "\n"
	if (!speechLayer || speechUnwraps(text, opt)) && opt.Unit.Kind != UnitScene {
		text, lf = unwrapLines(text)
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
		units = paragraphs(text, hasBlankLine(text), lf)
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

// nfcText drops a leading byte order mark, normalises text to NFC and
// its line ends to "\n" (lfText), checking NFC first with isNFC.
func nfcText(text string) string {
	text = strings.TrimPrefix(text, "\uFEFF")
	if !isNFC(text) {
		text = norm.NFC.String(text)
	}
	return lfText(text)
}

// lfText writes every "\r\n" and every lone "\r" of text as "\n", so that a
// text with CRLF (Windows) or CR line ends gives the graph, evidence and
// offsets of its LF copy. Offsets in errors about invalid UTF-8 are taken
// before, on the bytes as read.
func lfText(text string) string {
	if strings.IndexByte(text, '\r') < 0 {
		return text
	}
	return strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
}

// isNFC reports norm.NFC.IsNormalString(text) for valid UTF-8, quicker on
// a mostly ASCII text: it skips ASCII 8 bytes at a time and asks the norm
// package only about the stretches that hold other characters, each with
// the ASCII character before it (which may compose with what follows, as
// "u" + U+0308 does) and ending before a run of 16 ASCII bytes. That is
// exact because there is an NFC boundary before every ASCII character: it
// is a starter, and no composition has it as its second character
// (Unicode Standard Annex #15), so the stretches are normalised
// independently.
func isNFC(text string) bool {
	const asciiRun = 16
	for i := 0; i < len(text); {
		for i+8 <= len(text) && load64(text, i)&hi8 == 0 {
			i += 8
		}
		for i < len(text) && text[i] < utf8.RuneSelf {
			i++
		}
		if i >= len(text) {
			return true
		}
		if r, sz := utf8.DecodeRuneInString(text[i:]); r < rune(len(nfcInert)) && nfcInert[r] {
			i += sz // a segment of its own, and normalised
			continue
		}
		a := max(i-1, 0)
		j := i
		for j < len(text) {
			if text[j] >= utf8.RuneSelf {
				j++
				continue
			}
			k := j
			for k < len(text) && k-j < asciiRun && text[k] < utf8.RuneSelf {
				k++
			}
			if k-j >= asciiRun || k == len(text) {
				break
			}
			j = k
		}
		if !norm.NFC.IsNormalString(text[a:j]) {
			return false
		}
		i = j
	}
	return true
}

// nfcInert marks the characters of Latin-1 and General Punctuation
// (U+0080–U+00FF, U+2000–U+206F: quotes, dashes, "…", no-break spaces)
// that are NFC-normal and have an NFC boundary before and after them, so
// that isNFC can pass them without asking the norm package: the quotes and
// dashes of most texts.
var nfcInert = func() (t [0x2070]bool) {
	for _, rg := range [][2]rune{{0x80, 0xFF}, {0x2000, 0x206F}} {
		for r := rg[0]; r <= rg[1]; r++ {
			s := string(r)
			p := norm.NFC.PropertiesString(s)
			t[r] = norm.NFC.IsNormalString(s) && p.CCC() == 0 && p.BoundaryBefore() && p.BoundaryAfter()
		}
	}
	return t
}()

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
		if r == '\n' || (r == '\r' && (i+1 == len(text) || text[i+1] != '\n')) {
			line, col = line+1, 1
		} else {
			col++
		}
		i += sz
	}
	return nil // not reached
}

// lineBreaks counts the line breaks of text as checkUTF8 does: "\n", "\r\n"
// and a lone "\r".
func lineBreaks(text string) int {
	n := strings.Count(text, "\n")
	if strings.IndexByte(text, '\r') >= 0 {
		n += strings.Count(text, "\r") - strings.Count(text, "\r\n")
	}
	return n
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

	// spans is the free tail of a block of evidence spans: the spans of
	// one evidence are appended after the spans handed out before
	// (keepSpans), so that evidence does not cost an allocation each.
	spans []graph.Mention

	byID     map[string]int // character id → index into m.ids (characters)
	count    []int          // mentions per character
	lastUnit []int          // the last unit that mentioned the character
	edges    map[[2]int]int // (a, b) with a < b → index into acc (more than denseEdges characters)
	dense    []int32        // a·n + b → index into acc + 1 (at most denseEdges characters)
	acc      []edgeAcc
}

type edgeAcc struct {
	a, b     int
	units    []int
	evidence []graph.Evidence
}

// characters returns the character index (into b.m.ids) of each mention
// and adds the mentions to b.count. The id index is built once per builder
// (a streamed text calls this once per chunk).
func (b *builder) characters(mentions []Mention) []int {
	if b.byID == nil {
		b.byID = make(map[string]int, len(b.m.ids))
		for i, id := range b.m.ids {
			b.byID[id] = i
		}
	}
	chars := make([]int, len(mentions))
	for i, mn := range mentions {
		chars[i] = b.byID[mn.ID]
		b.count[chars[i]]++
	}
	return chars
}

// run walks the units and their mentions.
func (b *builder) run(units []Span, mentions []Mention) {
	chars := b.characters(mentions) // character index of each mention
	var present []int               // distinct characters of the unit, in first-mention order
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
					b.addEvidence(e, b.excerpt(unit, u, mentions[first:mi], byChar[a], byChar[c]))
					continue
				}
				if cps == nil {
					cps = codePointSpans(b.text, u.Start, mentions[first:mi])
					unitText = strings.Clone(b.text[u.Start:u.End])
				}
				spans := b.spans[len(b.spans):len(b.spans)]
				for k, ch := range chars[first:mi] {
					if labelled && !b.labels[first+k] {
						continue
					}
					if ch == a || ch == c {
						spans = append(spans, cps[k])
					}
				}
				spans = b.keepSpans(spans)
				b.addEvidence(e, graph.Evidence{Unit: unit, Text: unitText, Mentions: spans})
			}
		}
	}
}

// addEvidence appends ev to the evidence of e, growing the list to at
// most b.maxEv entries (never more than are kept).
func (b *builder) addEvidence(e *edgeAcc, ev graph.Evidence) {
	if len(e.evidence) == cap(e.evidence) && b.maxEv > 0 {
		n := min(b.maxEv, max(4, 2*cap(e.evidence)))
		e.evidence = slices.Grow(e.evidence, n-len(e.evidence))
	}
	e.evidence = append(e.evidence, ev)
}

// spanBlock is the number of evidence spans allocated at once.
const spanBlock = 1024

// keepSpans returns spans, appended at the end of b.spans (or, if longer
// than what is left there, in an allocation of their own: append moved
// them), capped so that a later append to them copies, and moves b.spans
// past them. nil stays nil, as an evidence without spans has none.
func (b *builder) keepSpans(spans []graph.Mention) []graph.Mention {
	if len(spans) == 0 {
		return nil
	}
	free := b.spans[len(b.spans):cap(b.spans)]
	if len(free) > 0 && &free[0] == &spans[0] {
		b.spans = b.spans[:len(b.spans)+len(spans)]
	} else if cap(b.spans)-len(b.spans) < spanBlock/4 {
		b.spans = make([]graph.Mention, 0, spanBlock)
	}
	return spans[:len(spans):len(spans)]
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
	spans = append(spans, b.spansIn(right, runeCount(b.text[left.Start:left.End])+utf8.RuneCountInString(gap), ms, both)...)
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
//
// The mentions are in text order, so code points are counted once, from
// one mention to the next.
func (b *builder) spansIn(sp Span, off int, ms []Mention, idx []int) []graph.Mention {
	spans := b.spans[len(b.spans):len(b.spans)]
	pos, cp := sp.Start, off // code point cp is at byte pos
	for _, k := range idx {
		mn := ms[k]
		if mn.Start < sp.Start || mn.End > sp.End {
			continue
		}
		if mn.Start < pos { // not in order (never for mentions of one text)
			m := cpSpan(b.text, sp.Start, mn)
			spans = append(spans, graph.Mention{Start: m.Start + off, End: m.End + off, Resolved: m.Resolved})
			continue
		}
		cp += runeCount(b.text[pos:mn.Start])
		s := cp
		cp += runeCount(b.text[mn.Start:mn.End])
		pos = mn.End
		spans = append(spans, graph.Mention{Start: s, End: cp, Resolved: mn.Resolved})
	}
	return b.keepSpans(spans)
}

// edge returns the accumulator of the pair a < b, creating it.
func (b *builder) edge(a, c int) *edgeAcc {
	n := len(b.count)
	if n <= denseEdges {
		// A table of n·n entries (index + 1; 0: no edge yet) instead of
		// the map, for the rosters of most texts.
		if b.dense == nil {
			b.dense = make([]int32, n*n)
		}
		k := &b.dense[a*n+c]
		if *k == 0 {
			b.acc = append(b.acc, edgeAcc{a: a, b: c})
			*k = int32(len(b.acc))
		}
		return &b.acc[*k-1]
	}
	k := [2]int{a, c}
	i, ok := b.edges[k]
	if !ok {
		i = len(b.acc)
		b.edges[k] = i
		b.acc = append(b.acc, edgeAcc{a: a, b: c})
	}
	return &b.acc[i]
}

// denseEdges is the largest number of characters for which builder.edge
// keeps its pairs in a table (256·256 entries, 256 KiB) rather than a map.
const denseEdges = 256

// codePointSpans converts the byte spans of ms, ordered and inside the unit
// starting at byte start, to code-point spans relative to the unit.
func codePointSpans(text string, start int, ms []Mention) []graph.Mention {
	out := make([]graph.Mention, len(ms))
	pos, cp := start, 0
	for i, m := range ms {
		cp += runeCount(text[pos:m.Start])
		s := cp
		cp += runeCount(text[m.Start:m.End])
		out[i] = graph.Mention{Start: s, End: cp, Resolved: m.Resolved}
		pos = m.End
	}
	return out
}

// runeCount is utf8.RuneCountInString(s) (an invalid byte counts as one
// rune), quicker on ASCII: 8 bytes at a time while none has its top bit.
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if i+8 <= len(s) && load64(s, i)&hi8 == 0 {
			n, i = n+8, i+8
			continue
		}
		if s[i] < utf8.RuneSelf {
			n, i = n+1, i+1
			continue
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		n, i = n+1, i+sz
	}
	return n
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
	// In the order of g.Canonicalize (ids are sorted, so index order is
	// id order), which then finds the edges sorted.
	// The pairs are sorted as keys a·n + b (n characters), not moved.
	n := len(b.m.ids)
	keys := make([]int, len(b.acc))
	for i, e := range b.acc {
		keys[i] = e.a*n + e.b
	}
	order := make([]int, len(b.acc))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Compare(keys[x], keys[y]) })
	g.Edges = slices.Grow(g.Edges, len(b.acc))
	for _, i := range order {
		e := &b.acc[i]
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
