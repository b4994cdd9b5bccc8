package extract

import (
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

// Unit is the value of graph.Episode.Unit for graphs made by Extract.
const Unit = "sentence"

// Options configures Extract.
type Options struct {
	// Roster holds the characters, their name forms, the relationships and
	// the Exclude phrases. Required.
	Roster *roster.Roster
	// Lang is "de" or "en" (case-insensitive; "de-AT", "en_GB" and the like
	// are accepted). It chooses the abbreviation and month lists of the
	// sentence splitter and the possessive rules of name matching. Empty
	// means Roster.Lang, and "de" when that is empty too.
	Lang string
	// MaxEvidence is the number of units per edge whose text is kept as
	// evidence (the first ones in text order). 0 means DefaultMaxEvidence;
	// a negative value keeps none.
	MaxEvidence int
	// Episode is copied into the graph. The caller sets ID, Title and
	// Source; Extract sets Unit ("sentence") and Units (the number of
	// sentence units of the text).
	Episode graph.Episode
}

// Extract builds the co-occurrence graph of text: each sentence unit adds 1
// to the weight of every pair of distinct characters it mentions. The rules
// for units, mentions and the graph are in the package documentation.
//
// Warnings (sorted, deterministic) report an empty text, a text that
// mentions no character, and characters that no form can match; they never
// make an error. The error is non-nil only when Options is unusable
// (no roster, unknown language) or text is not valid UTF-8; it then names
// the byte offset, line and column of the first bad byte, and the caller
// adds the file name.
func Extract(text string, opt Options) (*graph.Graph, []string, error) {
	r := opt.Roster
	if r == nil {
		return nil, nil, errors.New("extract: Options.Roster is nil")
	}
	lang := opt.Lang
	if lang == "" {
		lang = r.Lang
	}
	var english bool
	switch l := strings.ToLower(lang); {
	case l == "" || l == "de" || strings.HasPrefix(l, "de-") || strings.HasPrefix(l, "de_"):
	case isEnglish(l):
		english = true
	default:
		return nil, nil, fmt.Errorf("extract: unknown language %q (want \"de\" or \"en\")", lang)
	}
	if err := checkUTF8(text); err != nil {
		return nil, nil, err
	}
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	maxEv := opt.MaxEvidence
	if maxEv == 0 {
		maxEv = DefaultMaxEvidence
	}

	g := &graph.Graph{Episode: opt.Episode, Nodes: []graph.Node{}, Edges: []graph.Edge{}}
	g.Episode.Unit, g.Episode.Units = Unit, 0

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
	ru := rulesDE
	if english {
		ru = rulesEN
	}
	units := splitSentences(text, ru, mentions)
	g.Episode.Units = len(units)
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
	b.run(units, mentions)
	b.fill(g)
	g.Canonicalize()
	slices.Sort(warnings)
	return g, warnings, nil
}

// checkUTF8 returns an error naming the first invalid byte of text.
func checkUTF8(text string) error {
	if utf8.ValidString(text) {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && sz == 1 {
			return fmt.Errorf("invalid UTF-8 at byte offset %d (line %d, column %d)", i, line, col)
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
		unit := ui + 1
		// Mentions never cross unit ends, and units leave out only
		// whitespace, so each mention lies inside one unit.
		for mi < len(mentions) && mentions[mi].Start < u.Start {
			mi++
		}
		first := mi
		present = present[:0]
		for ; mi < len(mentions) && mentions[mi].Start < u.End; mi++ {
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
		for i, a := range present {
			for _, c := range present[i+1:] {
				e := b.edge(a, c)
				e.units = append(e.units, unit)
				if b.maxEv < 0 || len(e.evidence) >= b.maxEv {
					continue
				}
				if cps == nil {
					cps = codePointSpans(b.text, u.Start, mentions[first:mi])
					unitText = strings.Clone(b.text[u.Start:u.End])
				}
				var spans []graph.Mention
				for k, ch := range chars[first:mi] {
					if ch == a || ch == c {
						spans = append(spans, cps[k])
					}
				}
				e.evidence = append(e.evidence, graph.Evidence{Unit: unit, Text: unitText, Mentions: spans})
			}
		}
	}
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
		out[i] = graph.Mention{Start: s, End: cp}
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
