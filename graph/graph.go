package graph

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// FormatID is the value of the "format" field of a relgraph graph file.
const FormatID = "relgraph/graph@1"

// Graph is a character network. Nodes are kept sorted by ID and edges by
// (Source, Target) after Canonicalize; readers and extractors call it, so
// every Graph handed to a writer is in canonical order and output is
// deterministic.
type Graph struct {
	// Episode describes where the graph came from.
	Episode Episode `json:"episode"`
	// Directed is true only for graphs made by a speech layer (source speaks
	// to or about target). All graphs built by v0 are undirected.
	Directed bool `json:"directed"`
	// Nodes are the characters, sorted by ID.
	Nodes []Node `json:"nodes"`
	// Edges are the interactions, sorted by (Source, Target). In an
	// undirected graph Source < Target.
	Edges []Edge `json:"edges"`
}

// Episode describes the text or file a Graph was built from.
type Episode struct {
	// ID is the episode id from the roster, or the file's base name.
	ID string `json:"id,omitempty"`
	// Title is the human title of the episode, if known.
	Title string `json:"title,omitempty"`
	// Source is the path of the text the graph was extracted from.
	Source string `json:"source,omitempty"`
	// Unit names the interaction unit: "sentence", "paragraph", "window:15", ….
	Unit string `json:"unit,omitempty"`
	// Units is the number of units in the text (a count, not an index).
	Units int `json:"units,omitempty"`
}

// Node is a character.
type Node struct {
	// ID is the stable identifier from the roster (e.g. "kathrin").
	ID string `json:"id"`
	// Name is the display name (e.g. "Dr. Kathrin Globisch").
	Name string `json:"name,omitempty"`
	// Mentions counts how often the character is named in the text.
	Mentions int `json:"mentions,omitempty"`
	// Attributes are free key/value pairs (gender, role, …) keyed by name.
	Attributes map[string]any `json:"attributes,omitempty"`
}

// Label returns the node's Name, or its ID when it has no name.
func (n Node) Label() string {
	if n.Name != "" {
		return n.Name
	}
	return n.ID
}

// Edge is an interaction between two characters.
type Edge struct {
	Source string `json:"source"`
	Target string `json:"target"`
	// Weight counts interactions (units in which both occur). It is a
	// similarity: path measures use 1/Weight as a distance.
	Weight float64 `json:"weight"`
	// Relation is the roster's label for the pair (e.g. "Mutter/Sohn").
	Relation string `json:"relation,omitempty"`
	// Units lists every unit (1-based, ascending) that made the edge.
	Units []int `json:"units,omitempty"`
	// Evidence keeps the text of at most --max-evidence of Units.
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Evidence is the text of one unit that made an edge.
type Evidence struct {
	// Unit is the 1-based unit number.
	Unit int `json:"unit"`
	// Text is the unit's text.
	Text string `json:"text"`
	// Mentions are the spans of the two characters' mentions in Text.
	Mentions []Mention `json:"mentions,omitempty"`
}

// Mention is a span [Start, End) in Unicode code points of an evidence text.
// Resolved is empty for a name match, or "pronoun" / "role" for a mention
// found by coreference. It encodes as [s, e] or as
// {"span": [s, e], "resolved": "…"}.
type Mention struct {
	Start, End int
	Resolved   string
}

// MarshalJSON implements json.Marshaler.
func (m Mention) MarshalJSON() ([]byte, error) {
	if m.Resolved == "" {
		return json.Marshal([2]int{m.Start, m.End})
	}
	return json.Marshal(struct {
		Span     [2]int `json:"span"`
		Resolved string `json:"resolved"`
	}{[2]int{m.Start, m.End}, m.Resolved})
}

// UnmarshalJSON implements json.Unmarshaler.
func (m *Mention) UnmarshalJSON(b []byte) error {
	var pair []int
	if err := json.Unmarshal(b, &pair); err == nil {
		if len(pair) != 2 {
			return fmt.Errorf("mention: want [start, end], got %d numbers", len(pair))
		}
		*m = Mention{Start: pair[0], End: pair[1]}
		return nil
	}
	var obj struct {
		Span     []int  `json:"span"`
		Resolved string `json:"resolved"`
	}
	if err := json.Unmarshal(b, &obj); err != nil {
		return fmt.Errorf("mention: want [start, end] or {\"span\": [start, end], \"resolved\": …}")
	}
	if len(obj.Span) != 2 {
		return fmt.Errorf("mention: span wants [start, end], got %d numbers", len(obj.Span))
	}
	*m = Mention{Start: obj.Span[0], End: obj.Span[1], Resolved: obj.Resolved}
	return nil
}

// Canonicalize puts an undirected graph's edge ends in id order, sorts nodes
// by ID and edges by (Source, Target), and sorts each edge's units. It does
// not merge duplicates; Validate reports them.
func (g *Graph) Canonicalize() {
	if !g.Directed {
		for i := range g.Edges {
			e := &g.Edges[i]
			if e.Source > e.Target {
				e.Source, e.Target = e.Target, e.Source
			}
		}
	}
	// Readers of sorted files hand over items already in order: the check
	// is one comparison per item, the sort about log2(n). Only a strictly
	// ascending slice skips the sort (with equal keys the unstable sort
	// might reorder them).
	byID := func(a, b Node) int { return cmp.Compare(a.ID, b.ID) }
	if !strictlySorted(g.Nodes, byID) {
		slices.SortFunc(g.Nodes, byID)
	}
	byEnds := func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	}
	if !strictlySorted(g.Edges, byEnds) {
		slices.SortFunc(g.Edges, byEnds)
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		if len(e.Units) > 1 && !slices.IsSorted(e.Units) {
			slices.Sort(e.Units)
		}
		if len(e.Evidence) > 1 {
			slices.SortFunc(e.Evidence, func(a, b Evidence) int { return cmp.Compare(a.Unit, b.Unit) })
		}
	}
}

// strictlySorted reports whether every element of s compares below the
// next.
func strictlySorted[T any](s []T, cmp func(a, b T) int) bool {
	for i := 1; i < len(s); i++ {
		if cmp(s[i-1], s[i]) >= 0 {
			return false
		}
	}
	return true
}

// Validate checks that node ids are non-empty, unique and free of control
// characters, that every edge joins two distinct known nodes with a weight
// in [MinWeight, MaxWeight], and that no pair of nodes has two edges. Errors name the offending field as a JSON
// path, e.g. `edges[3].target`.
func (g *Graph) Validate() error {
	seen := make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		if why := badID(n.ID); why != "" {
			return fmt.Errorf("nodes[%d].id: %s", i, why)
		}
		if strings.ContainsRune(n.Name, 0) {
			return fmt.Errorf("nodes[%d].name: contains a NUL character", i)
		}
		if j, dup := seen[n.ID]; dup {
			return fmt.Errorf("nodes[%d].id: duplicate id %q (also nodes[%d])", i, n.ID, j)
		}
		seen[n.ID] = i
	}
	// A pair is keyed on its ends' positions in g.Nodes (ordered when
	// directed, smaller first when not), which hashes faster than the ids.
	pairs := make(map[uint64]int, len(g.Edges))
	for i, e := range g.Edges {
		si, ok := seen[e.Source]
		if !ok {
			return fmt.Errorf("edges[%d].source: unknown node %q", i, e.Source)
		}
		ti, ok := seen[e.Target]
		if !ok {
			return fmt.Errorf("edges[%d].target: unknown node %q", i, e.Target)
		}
		if e.Source == e.Target {
			return fmt.Errorf("edges[%d]: self-loop on %q", i, e.Source)
		}
		if !(e.Weight >= MinWeight && e.Weight <= MaxWeight) {
			return fmt.Errorf("edges[%d].weight: %v is outside [%g, %g] (a missing weight reads as 0)", i, e.Weight, MinWeight, MaxWeight)
		}
		if strings.ContainsRune(e.Relation, 0) {
			return fmt.Errorf("edges[%d].relation: contains a NUL character", i)
		}
		if !g.Directed && si > ti {
			si, ti = ti, si
		}
		p := uint64(uint32(si))<<32 | uint64(uint32(ti))
		if j, dup := pairs[p]; dup {
			return fmt.Errorf("edges[%d]: duplicate edge %s–%s (also edges[%d])", i, e.Source, e.Target, j)
		}
		pairs[p] = i
	}
	return nil
}

// MinWeight and MaxWeight bound an edge weight. Weights count interactions
// (possibly normalised to rates), so the bounds only keep 1/weight
// distances and sums of weights finite and exact enough: a weight of 1e308
// would overflow a strength, one of 1e-320 an inverse distance.
const (
	MinWeight = 1e-9
	MaxWeight = 1e12
)

// badID reports why s cannot be a node id, or "" when it can: ids must be
// non-empty and free of control characters (a NUL cannot pass through
// Graphviz, a line break breaks CSV and tables).
func badID(s string) string {
	if s == "" {
		return "empty id"
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Sprintf("id %q contains the control character %U", s, r)
		}
	}
	return ""
}

// NodeIndex returns a map from node ID to its position in g.Nodes.
func (g *Graph) NodeIndex() map[string]int {
	idx := make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		idx[n.ID] = i
	}
	return idx
}

// Node returns the node with the given id and whether it exists.
func (g *Graph) Node(id string) (Node, bool) {
	for _, n := range g.Nodes {
		if n.ID == id {
			return n, true
		}
	}
	return Node{}, false
}

// Name returns a short name for the graph: its episode id, or "graph".
func (g *Graph) Name() string {
	if g.Episode.ID != "" {
		return g.Episode.ID
	}
	return "graph"
}
