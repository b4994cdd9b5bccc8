package render

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// Values of Options.ColorBy. An attribute is named "attribute:NAME".
const (
	// ColorCommunity fills each character with the colour of its community
	// (Options.Communities). It is the default when Communities is set.
	ColorCommunity = "community"
	// ColorID fills each character with a colour picked by a hash of its
	// id alone (as loov/goda colours packages): the same character has the
	// same colour in every map, but two characters of one map may share
	// one. It is the default when Communities is nil.
	ColorID = "id"
	// ColorNone fills every character with one colour.
	ColorNone = "none"
	// ColorAttributePrefix, followed by an attribute name, colours
	// characters by the value of that node attribute (e.g.
	// "attribute:gender").
	ColorAttributePrefix = "attribute:"
)

// palette is Paul Tol's "light" qualitative scheme, made for filled cells
// with dark text and distinct for colour-blind readers
// (https://personal.sron.nl/~pault/#sec:qualitative), without its pale
// grey (otherColour, kept for "no group") and its olive (a muddy fill that
// is hard to tell from pear). The order is Tol's.
var palette = [...]string{
	"#77AADD", // light blue
	"#EE8866", // orange
	"#EEDD88", // light yellow
	"#FFAABB", // pink
	"#99DDFF", // light cyan
	"#44BB99", // mint
	"#BBCC33", // pear
}

const (
	// otherColour is Tol's pale grey: characters alone in their community,
	// communities beyond the palette, and characters without the attribute.
	otherColour = "#DDDDDD"
	// plainColour fills every character under ColorNone (Tol's light blue).
	plainColour = "#77AADD"
)

// hash64 is the 64-bit FNV-1a hash of s.
func hash64(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// idColour returns the palette colour that the 64-bit FNV-1a hash of key
// picks (hash mod 7).
func idColour(key string) string {
	return palette[hash64(key)%uint64(len(palette))]
}

// legendEntry is one coloured swatch of the legend.
type legendEntry struct {
	colour string
	text   string
}

// group is a set of characters that share a colour.
type group struct {
	key     string   // community number or attribute value
	members []string // node ids, most prominent first
	anchor  string   // the string whose hash picks the preferred colour
}

// colouring is the fill colour of every node, keyed by node id, and the
// legend that explains them (empty for ColorID and ColorNone).
type colouring struct {
	fill   map[string]string
	legend []legendEntry
	title  string // what the colours show, e.g. "community"
}

// colourNodes colours the nodes of g (already pruned) by opt.ColorBy.
// prominence orders characters (larger first, ties by id); names gives the
// display names for the legend.
//
// Communities and attribute values are coloured by one rule (see the
// package doc): groups are taken largest first (ties by key); each
// prefers the palette colour hashed from a key that does not depend on the
// episode — for an attribute its value, for a community the member id
// with the smallest 64-bit FNV-1a hash (a MinHash of the member set, so
// two episodes' communities with Jaccard similarity J prefer the same
// colour with probability J) — and takes the next colour in palette order
// when a larger group already holds it. Groups of one character,
// groups beyond the seven colours and characters without a value are pale
// grey.
func colourNodes(g *graph.Graph, mode string, communities map[string]int, prominence func(a, b string) int, names func(string) string) colouring {
	c := colouring{fill: make(map[string]string, len(g.Nodes))}
	switch {
	case mode == ColorNone:
		for _, n := range g.Nodes {
			c.fill[n.ID] = plainColour
		}
		return c
	case mode == ColorID:
		for _, n := range g.Nodes {
			c.fill[n.ID] = idColour(n.ID)
		}
		return c
	}
	byKey := map[string]*group{}
	var ungrouped []string
	attr, isAttr := strings.CutPrefix(mode, ColorAttributePrefix)
	for _, n := range g.Nodes {
		var key string
		ok := false
		if isAttr {
			if v, found := n.Attributes[attr]; found && v != nil {
				key, ok = fmt.Sprint(v), true
				ok = key != ""
			}
		} else if k, found := communities[n.ID]; found {
			key, ok = fmt.Sprint(k), true
		}
		if !ok {
			ungrouped = append(ungrouped, n.ID)
			continue
		}
		gr := byKey[key]
		if gr == nil {
			gr = &group{key: key}
			byKey[key] = gr
		}
		gr.members = append(gr.members, n.ID)
	}
	groups := make([]*group, 0, len(byKey))
	for _, gr := range byKey {
		slices.SortFunc(gr.members, prominence)
		if isAttr {
			gr.anchor = gr.key
		} else {
			gr.anchor = slices.MinFunc(gr.members, func(a, b string) int {
				return cmp.Or(cmp.Compare(hash64(a), hash64(b)), cmp.Compare(a, b))
			})
		}
		groups = append(groups, gr)
	}
	slices.SortFunc(groups, func(a, b *group) int {
		return cmp.Or(cmp.Compare(len(b.members), len(a.members)), cmp.Compare(a.anchor, b.anchor))
	})
	if isAttr {
		c.title = attr
	} else {
		c.title = "community"
	}
	used := map[string]bool{}
	var other []string
	others := 0
	for _, gr := range groups {
		if len(used) == len(palette) || (!isAttr && len(gr.members) == 1) {
			other = append(other, gr.members...)
			others++
			continue
		}
		k := int(hash64(gr.anchor) % uint64(len(palette)))
		for used[palette[k]] {
			k = (k + 1) % len(palette)
		}
		col := palette[k]
		used[col] = true
		for _, id := range gr.members {
			c.fill[id] = col
		}
		text := memberList(gr.members, names)
		if isAttr {
			text = fmt.Sprintf("%s (%d)", gr.key, len(gr.members))
		}
		c.legend = append(c.legend, legendEntry{col, text})
	}
	for _, id := range append(other, ungrouped...) {
		c.fill[id] = otherColour
	}
	switch {
	case isAttr && len(other)+len(ungrouped) > 0:
		text := fmt.Sprintf("no %s (%d)", attr, len(ungrouped))
		if len(other) > 0 {
			text = fmt.Sprintf("other values and no %s (%d)", attr, len(other)+len(ungrouped))
		}
		c.legend = append(c.legend, legendEntry{otherColour, text})
	case !isAttr && len(other)+len(ungrouped) > 0:
		c.legend = append(c.legend, legendEntry{otherColour, fmt.Sprintf("smaller communities and loners (%d)", len(other)+len(ungrouped))})
	}
	return c
}

// memberList names the first three members of a group and counts the
// rest: "Valjean, Javert, Fantine +9".
func memberList(ids []string, names func(string) string) string {
	const show = 3
	var parts []string
	for i, id := range ids {
		if i == show {
			break
		}
		parts = append(parts, names(id))
	}
	s := strings.Join(parts, ", ")
	if len(ids) > show {
		s += fmt.Sprintf(" +%d", len(ids)-show)
	}
	return s
}
