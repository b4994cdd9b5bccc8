package render

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/diff"
)

// DiffOptions controls how DiffDOT draws the comparison of two graphs.
// The zero value is ready to use.
type DiffOptions struct {
	// Title is the headline; empty means "<A> → <B>" from the episode
	// titles or ids.
	Title string
	// Layout is the Graphviz layout engine, one of Layouts; empty means
	// neato (sfdp above 300 characters).
	Layout string
	// Seed seeds the layout; 0 means 1.
	Seed int
	// Labels is how many characters are named, as in Options.Labels (by
	// their larger strength in A or B).
	Labels int
}

// The colours of a diff map: Paul Tol's "vibrant" teal and orange
// (https://personal.sron.nl/~pault/#sec:qualitative), which colour-blind
// readers tell apart, for what B added and what it removed; greys for
// what stayed.
const (
	addedColour     = "#009988" // teal: lines and outlines of what B added
	addedFill       = "#B8E6DF" // a light teal fill for added characters
	removedColour   = "#EE7733" // orange: what B removed (dashed)
	removedFill     = "#FFFFFF"
	keptFill        = "#EEEEEE"
	keptStroke      = "#8C8C8C"
	unchangedColour = "#C8C8C8" // edges of equal weight in A and B
	changedColour   = "#555555" // edges whose weight changed
)

// union is the union of two graphs with what DiffDOT needs per node and
// edge.
type union struct {
	g      *graph.Graph        // union: B's node and edge data where present, else A's
	status map[string]string   // node id → "added", "removed", "kept"
	edges  map[[2]string]uEdge // (source, target) → status and weights
	strA   map[string]float64  // strength in A, keyed by node id
	strB   map[string]float64  // strength in B
	rank   map[string][2]*int  // rank by strength in A and B, keyed by node id
}

// uEdge is an edge of the union: its status ("added", "removed",
// "changed", "unchanged") and its weights in A and B (0 where absent).
type uEdge struct {
	status string
	wa, wb float64
}

func edgeKey(directed bool, s, t string) [2]string {
	if !directed && s > t {
		s, t = t, s
	}
	return [2]string{s, t}
}

// newUnion builds the union of a and b classified by d.
func newUnion(a, b *graph.Graph, d *diff.Result) *union {
	u := &union{status: map[string]string{}, edges: map[[2]string]uEdge{}, rank: map[string][2]*int{},
		strA: strengths(a), strB: strengths(b)}
	directed := a.Directed && b.Directed
	u.g = &graph.Graph{Episode: b.Episode, Directed: directed}
	nodes := map[string]graph.Node{}
	for _, n := range a.Nodes {
		nodes[n.ID] = n
	}
	for _, n := range b.Nodes {
		nodes[n.ID] = n
	}
	mark := func(ids []string, s string) {
		for _, id := range ids {
			u.status[id] = s
			n, ok := nodes[id]
			if !ok {
				n = graph.Node{ID: id}
			}
			u.g.Nodes = append(u.g.Nodes, n)
		}
	}
	mark(d.Nodes.Kept, "kept")
	mark(d.Nodes.Added, "added")
	mark(d.Nodes.Removed, "removed")
	for _, r := range d.Ranks {
		u.rank[r.ID] = [2]*int{r.RankA, r.RankB}
	}
	edges := map[[2]string]graph.Edge{}
	wa := map[[2]string]float64{}
	for _, e := range a.Edges {
		k := edgeKey(directed, e.Source, e.Target)
		edges[k] = e
		wa[k] = e.Weight
	}
	wb := map[[2]string]float64{}
	for _, e := range b.Edges {
		k := edgeKey(directed, e.Source, e.Target)
		edges[k] = e
		wb[k] = e.Weight
	}
	// Status and weights come from d, so the map says what the diff's
	// table says (normalised weights too); edges in both graphs that d
	// does not list kept their weight.
	for _, e := range d.Edges.Added {
		u.edges[edgeKey(directed, e.Source, e.Target)] = uEdge{status: "added", wb: e.Weight}
	}
	for _, e := range d.Edges.Removed {
		u.edges[edgeKey(directed, e.Source, e.Target)] = uEdge{status: "removed", wa: e.Weight}
	}
	for _, e := range d.Edges.Changed {
		u.edges[edgeKey(directed, e.Source, e.Target)] = uEdge{status: "changed", wa: e.WeightA, wb: e.WeightB}
	}
	for k, e := range edges {
		if u.status[k[0]] == "" || u.status[k[1]] == "" {
			continue // an end the diff does not know
		}
		ue, listed := u.edges[k]
		if !listed {
			_, inA := wa[k]
			_, inB := wb[k]
			if !inA || !inB {
				continue // not in d: drawn only from d's lists
			}
			ue = uEdge{status: "unchanged", wa: wa[k], wb: wb[k]}
			u.edges[k] = ue
		}
		e.Source, e.Target = k[0], k[1]
		e.Weight = max(ue.wa, ue.wb)
		u.g.Edges = append(u.g.Edges, e)
	}
	// Listed edges whose ends are not in a or b by these ids.
	for k, ue := range u.edges {
		if _, ok := edges[k]; !ok && u.status[k[0]] != "" && u.status[k[1]] != "" {
			u.g.Edges = append(u.g.Edges, graph.Edge{Source: k[0], Target: k[1], Weight: max(ue.wa, ue.wb)})
		}
	}
	u.g.Canonicalize()
	return u
}

// DiffDOT returns a diff map as DOT: the union of graphs a (before) and b
// (after), classified by d (diff.Compare(a, b)). Characters and
// interactions that b added are drawn in teal; those it removed in orange
// with dashed outlines and lines; interactions whose weight changed are
// dark grey and labelled with the change (+k or −k); everything else is
// light grey. Circle size shows the character's strength (the larger of
// A and B), line width the larger weight; a kept character whose rank by
// strength changed has the change under its name ("rank 3 → 1"; the shared
// ranks of diff.RankRow, so a tie ordered differently is no change). The
// legend says which colour is which. Tooltips give both weights and ranks;
// ids are NodeID and EdgeID as in DOT. Same input, same bytes.
//
// DiffDOT panics if opt.Layout is not one of Layouts.
func DiffDOT(a, b *graph.Graph, d *diff.Result, opt DiffOptions) []byte {
	u := newUnion(a, b, d)
	p := diffPlan(u, opt)
	var buf bytes.Buffer
	writeHeader(&buf, p, opt.Seed, diffTitle(a, b, u, p, opt))
	// Overlap removal: writeHeader asks small maps for prism
	// (overlap=false), whose fallback in go-graphviz's build (no GTS)
	// left the circles of HAN, LEIA, C-3PO and CHEWBACCA on top of each
	// other in the Star Wars IV → V diff, whose names sit outside small
	// circles. Scaling (overlap=scale) separates them and leaves room for
	// the names; big diff maps keep ortho.
	if h := buf.Bytes(); bytes.Contains(h, []byte("overlap=false,")) {
		buf = *bytes.NewBuffer(bytes.Replace(h, []byte("overlap=false,"), []byte("overlap=scale,"), 1))
	}
	op := "--"
	if u.g.Directed {
		op = "->"
	}
	for _, n := range u.g.Nodes {
		st := u.status[n.ID]
		fill, stroke, style, pen, font := keptFill, keptStroke, "filled", 1.2, textColour
		switch st {
		case "added":
			fill, stroke, pen = addedFill, addedColour, 2.5
		case "removed":
			fill, stroke, style, pen, font = removedFill, removedColour, `"filled,dashed"`, 2.5, noteColour
		}
		ranks := u.rank[n.ID]
		ls := wrapName(n.Label())
		if ranks[0] != nil && ranks[1] != nil && *ranks[0] != *ranks[1] {
			ls = append(ls, fmt.Sprintf("rank %d → %d", *ranks[0], *ranks[1]))
		}
		label := p.nodeLabel(n.ID, ls)
		tip := []string{n.Label() + ": " + map[string]string{"added": "added in " + b.Name(), "removed": "only in " + a.Name(), "kept": "in both"}[st],
			"strength: " + quantity(u.strA[n.ID]) + " → " + quantity(u.strB[n.ID]),
			"rank by strength: " + rankText(ranks[0]) + " → " + rankText(ranks[1])}
		dd := p.diameter[n.ID]
		fmt.Fprintf(&buf, "\t%s [id=%s, class=%s, %s, width=%s, height=%s, style=%s, fillcolor=%s, color=%s, penwidth=%s, fontcolor=%s%s, tooltip=%s];\n",
			quoteID(n.ID), quote(NodeID(n.ID)), quote(p.nodeClass(n.ID, st)), label, num(dd), num(dd), style, quote(fill), quote(stroke), num(pen), quote(font), p.fontAttr(n.ID), lines(tip...))
	}
	for _, e := range u.g.Edges {
		ue := u.edges[edgeKey(u.g.Directed, e.Source, e.Target)]
		pen, length := p.edgeStyle(e.Source, e.Target, e.Weight)
		colour, style, label, labelColour := unchangedColour, "solid", "", ""
		switch ue.status {
		case "added":
			colour, label, labelColour = addedColour, "+"+quantity(ue.wb), addedColour
		case "removed":
			colour, style, label, labelColour = removedColour, "dashed", "−"+quantity(ue.wa), removedColour
		case "changed":
			colour, label = changedColour, signed(ue.wb-ue.wa)
			labelColour = addedColour
			if ue.wb < ue.wa {
				labelColour = removedColour
			}
		}
		fmt.Fprintf(&buf, "\t%s %s %s [id=%s, class=%s, color=%s, style=%s, penwidth=%s, len=%s",
			quoteID(e.Source), op, quoteID(e.Target), quote(EdgeID(e.Source, e.Target)), quote(ue.status),
			quote(colour), style, num(pen), num(length))
		if label != "" {
			fmt.Fprintf(&buf, ", label=%s", edgeLabel(label, pen, labelColour))
		}
		what := "weight " + quantity(ue.wa) + " → " + quantity(ue.wb) + " (" + ue.status + ")"
		fmt.Fprintf(&buf, ", tooltip=%s];\n", lines(edgeTooltip(p.name(e.Source), p.name(e.Target), e, what)...))
	}
	buf.WriteString("}\n")
	return buf.Bytes()
}

// diffPlan sizes and names the union's nodes: size by the larger strength
// in A or B, no colours (DiffDOT sets them).
func diffPlan(u *union, opt DiffOptions) *plan {
	size := make(map[string]float64, len(u.g.Nodes))
	for _, n := range u.g.Nodes {
		size[n.ID] = max(u.strA[n.ID], u.strB[n.ID])
	}
	o := Options{Size: size, SizeBy: "strength", ColorBy: ColorNone, Layout: opt.Layout, Seed: opt.Seed, Labels: opt.Labels, MaxEdges: -1}
	if err := o.Check(); err != nil {
		panic(err.Error())
	}
	return newPlan(u.g, o, true)
}

// diffTitle is the legend of a diff map: headline, sizes, and one swatch
// per kind of change with its count.
func diffTitle(a, b *graph.Graph, u *union, p *plan, opt DiffOptions) string {
	head := opt.Title
	if head == "" {
		head = cmp.Or(a.Episode.Title, a.Name()) + " → " + cmp.Or(b.Episode.Title, b.Name())
	}
	count := func(s string) (nodes, edges int) {
		for _, st := range u.status {
			if st == s {
				nodes++
			}
		}
		for _, e := range u.edges {
			if e.status == s {
				edges++
			}
		}
		return
	}
	note := int(math.Round(noteFontSize * p.headScale))
	var t strings.Builder
	t.WriteString(`<<table border="0" cellborder="0" cellspacing="0" cellpadding="1">`)
	fmt.Fprintf(&t, `<tr><td><b>%s</b></td></tr>`, htmlText(head))
	fmt.Fprintf(&t, `<tr><td><font point-size="%d" color="%s">%s</font></td></tr>`, note, noteColour,
		htmlText(fmt.Sprintf("what changed from %s to %s · circle size: strength (the larger of both) · line width: interactions", a.Name(), b.Name())))
	t.WriteString(`<tr><td><table border="0" cellborder="0" cellspacing="3" cellpadding="1"><tr>`)
	swatch := func(fill, line, text string) {
		fmt.Fprintf(&t, `<td fixedsize="true" width="%d" height="%d" bgcolor="%s" border="2" color="%s"></td>`, note+1, note+1, fill, line)
		fmt.Fprintf(&t, `<td align="left"><font point-size="%d" color="%s">%s</font></td>`, note, line, htmlText(text))
	}
	an, ae := count("added")
	rn, re := count("removed")
	kn, _ := count("kept")
	_, ce := count("changed")
	_, ue := count("unchanged")
	swatch(addedFill, addedColour, fmt.Sprintf("added in %s: %s, %s (+weight)", b.Name(), plural(an, "character"), plural(ae, "interaction")))
	swatch(removedFill, removedColour, fmt.Sprintf("removed, dashed: %s, %s (−weight)", plural(rn, "character"), plural(re, "interaction")))
	t.WriteString("</tr><tr>")
	swatch(keptFill, changedColour, fmt.Sprintf("weight changed: %s (+k / −k)", plural(ce, "interaction")))
	swatch(keptFill, keptStroke, fmt.Sprintf("in both: %s; unchanged: %s", plural(kn, "character"), plural(ue, "interaction")))
	t.WriteString("</tr></table></td></tr></table>>")
	return t.String()
}

// plural writes "1 character", "2 characters".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// rankText writes a rank, or "–" when there is none.
func rankText(r *int) string {
	if r == nil {
		return "–"
	}
	return strconv.Itoa(*r)
}

// signed writes a change with its sign: "+2", "−3" (a minus sign).
func signed(x float64) string {
	if x < 0 {
		return "−" + quantity(-x)
	}
	return "+" + quantity(x)
}

// DiffHTML writes the interactive page of a diff map (see HTML and
// DiffDOT): the union drawn by DiffDOT, and a table of every character
// with its rank and strength in A and B and the change.
func DiffHTML(ctx context.Context, a, b *graph.Graph, d *diff.Result, opt DiffOptions, w io.Writer) error {
	if opt.Layout != "" && !slices.Contains(Layouts, opt.Layout) {
		return fmt.Errorf("render: unknown layout %q (want one of %s)", opt.Layout, strings.Join(Layouts, ", "))
	}
	u := newUnion(a, b, d)
	p := diffPlan(u, opt)
	svg, err := SVG(ctx, DiffDOT(a, b, d, opt))
	if err != nil {
		return err
	}
	t := Table{By: "strength in " + b.Name(), Measures: []string{"rank_a", "rank_b", "strength_a", "strength_b"}}
	rankOf := func(r *int) float64 {
		if r == nil {
			return math.NaN()
		}
		return float64(*r)
	}
	ids := make([]string, 0, len(u.g.Nodes))
	for _, n := range u.g.Nodes {
		ids = append(ids, n.ID)
	}
	slices.SortFunc(ids, func(x, y string) int {
		rx, ry := rankOf(u.rank[x][1]), rankOf(u.rank[y][1])
		if math.IsNaN(rx) {
			rx = math.Inf(1)
		}
		if math.IsNaN(ry) {
			ry = math.Inf(1)
		}
		return cmp.Or(cmp.Compare(rx, ry), cmp.Compare(x, y))
	})
	for i, id := range ids {
		r := u.rank[id]
		sa, sb := u.strA[id], u.strB[id]
		if u.status[id] == "added" {
			sa = math.NaN()
		}
		if u.status[id] == "removed" {
			sb = math.NaN()
		}
		t.Rows = append(t.Rows, TableRow{Rank: i + 1, ID: id, Values: []float64{rankOf(r[0]), rankOf(r[1]), sa, sb}})
	}
	fill := make(map[string]string, len(u.status))
	for id, st := range u.status {
		fill[id] = map[string]string{"added": addedFill, "removed": removedColour, "kept": keptFill}[st]
	}
	p.colours.fill = fill
	title := opt.Title
	if title == "" {
		title = a.Name() + " → " + b.Name()
	}
	return writePage(u.g, p, svg, title, t, nil, w)
}
