package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// Values of Options.EdgeLabels.
const (
	// EdgeLabelsRelation labels an edge with the roster's relation label
	// (e.g. "Mutter/Sohn"), and leaves edges without one unlabelled.
	EdgeLabelsRelation = "relation"
	// EdgeLabelsWeight labels every edge with its weight.
	EdgeLabelsWeight = "weight"
	// EdgeLabelsNone draws no edge labels.
	EdgeLabelsNone = "none"
)

// Layouts lists the Graphviz layout engines Options.Layout accepts.
var Layouts = []string{"circo", "dot", "fdp", "neato", "osage", "sfdp", "twopi"}

// Options controls how DOT draws a graph. The zero value is ready to use.
type Options struct {
	// Title is the headline at the top of the map. Empty means the
	// episode's title, else its id, else "Character network". A smaller
	// line under it names the episode id and the interaction unit, and one
	// more line tells what circle size and line width show. No date or
	// time is written, so output is deterministic.
	Title string

	// Size is the measure that sets each node's circle, keyed by node id
	// (e.g. strength or a centrality). The diameter runs from 0.7 in for
	// the smallest value among the graph's nodes to 1.4 in for the largest,
	// linearly in the square root of the value (1.05 in for all when the
	// values are all equal). A node missing from Size, or with a negative
	// or non-finite value, is drawn at the smallest size. Nil draws every
	// circle 1 in wide. The caller computes it, so render does not depend
	// on the centrality package.
	Size map[string]float64

	// SizeBy names the measure in Size (e.g. "strength"); it is shown in
	// the legend line and in node tooltips. Empty with a non-nil Size
	// shows "size".
	SizeBy string

	// Layout is the Graphviz layout engine, one of Layouts; empty means
	// "neato". It is written as the graph's layout attribute, which Render
	// follows.
	Layout string

	// Seed seeds the layout (Graphviz's start attribute), so the same
	// graph is laid out the same way every time; 0 means 1.
	Seed int

	// EdgeLabels chooses edge labels: EdgeLabelsRelation (the default when
	// empty), EdgeLabelsWeight or EdgeLabelsNone.
	EdgeLabels string
}

// Check reports whether the options are valid: a known Layout and
// EdgeLabels value. DOT panics on options Check rejects, so a command
// that takes them from flags should call Check first.
func (o Options) Check() error {
	if o.Layout != "" && !slices.Contains(Layouts, o.Layout) {
		return fmt.Errorf("render: unknown layout %q (want one of %s)", o.Layout, strings.Join(Layouts, ", "))
	}
	switch o.EdgeLabels {
	case "", EdgeLabelsRelation, EdgeLabelsWeight, EdgeLabelsNone:
	default:
		return fmt.Errorf("render: unknown edge labels %q (want relation, weight or none)", o.EdgeLabels)
	}
	return nil
}

// DOT returns g as an undirected Graphviz graph (a directed one, with
// arrows, when g.Directed), styled as a relationship map. Nodes and edges
// are written in the order of g.Nodes and g.Edges, which Canonicalize
// sorts, so the same graph and options always give the same bytes.
//
// The graph is laid out by neato with a fixed seed, node overlaps removed
// (overlap=false) with a margin of 10 points around each circle and its
// label, and edges drawn under the nodes (outputorder=edgesfirst). Edges
// are routed around circles (splines=true) when the graph has at most 100
// edges, and drawn straight above that, where neato's router takes
// seconds. Each edge asks neato for a length (len) of both radii plus a
// gap from 1.9 in for the weakest interaction down to 1.2 in for the
// strongest, so close characters sit closer and labels have room.
//
// Each node gets id "node-<id>" and each edge "edge-<source>--<target>":
// they become the element ids of the SVG. A node's tooltip gives its name,
// mentions and size measure; an edge's gives "Name A – Name B: weight N",
// then the first evidence sentence (shortened to 240 characters) and
// "(+k more)" when more units made the edge.
//
// DOT panics if opt fails Check. An empty graph gives a valid graph that
// only has its title.
func DOT(g *graph.Graph, opt Options) []byte {
	if err := opt.Check(); err != nil {
		panic(err.Error())
	}
	layout := cmp.Or(opt.Layout, "neato")
	seed := opt.Seed
	if seed == 0 {
		seed = 1
	}
	edgeLabels := cmp.Or(opt.EdgeLabels, EdgeLabelsRelation)

	var b bytes.Buffer
	kind, op := "graph", "--"
	if g.Directed {
		kind, op = "digraph", "->"
	}
	fmt.Fprintf(&b, "%s %s {\n", kind, quoteID(g.Name()))

	// Graph-wide settings.
	splines := "true"
	if len(g.Edges) > maxSplineEdges {
		splines = "line"
	}
	fmt.Fprintf(&b, "\tgraph [layout=%s, start=%d, overlap=false, sep=\"+10\", esep=\"+4\", splines=%s,\n", quote(layout), seed, splines)
	fmt.Fprintf(&b, "\t\toutputorder=edgesfirst, pad=\"0.7,0.4\", bgcolor=\"white\", charset=\"UTF-8\",\n")
	fmt.Fprintf(&b, "\t\tfontname=%s, fontsize=%d, fontcolor=%s, labelloc=t, labeljust=c,\n", quote(fontName), titleFontSize, quote(textColour))
	fmt.Fprintf(&b, "\t\tlabel=%s];\n", titleLabel(g, opt, edgeLabels))
	fmt.Fprintf(&b, "\tnode [shape=circle, fixedsize=shape, style=filled, penwidth=1.2, fontname=%s, fontsize=%d, fontcolor=%s];\n",
		quote(fontName), nodeFontSize, quote(textColour))
	fmt.Fprintf(&b, "\tedge [color=%s, fontname=%s, fontsize=%d, fontcolor=%s",
		quote(edgeColour), quote(fontName), edgeFontSize, quote(edgeTextColour))
	if g.Directed {
		b.WriteString(", arrowsize=0.7")
	}
	b.WriteString("];\n")

	// Nodes.
	lo, hi := sizeRange(g, opt.Size)
	fills := nodeColours(g, opt.Size)
	diameter := make(map[string]float64, len(g.Nodes))
	sizeBy := cmp.Or(opt.SizeBy, "size")
	for _, n := range g.Nodes {
		d := plainDiameter
		tip := []string{n.Label(), "mentions: " + strconv.Itoa(n.Mentions)}
		if opt.Size != nil {
			v, ok := opt.Size[n.ID]
			if !ok || !(v >= 0) || math.IsInf(v, 0) {
				v = lo
			}
			d = sqrtScale(v, lo, hi, minDiameter, maxDiameter, (minDiameter+maxDiameter)/2)
			if x, ok := opt.Size[n.ID]; ok {
				tip = append(tip, sizeBy+": "+quantity(x))
			}
		}
		diameter[n.ID] = d
		fill := fills[n.ID]
		fmt.Fprintf(&b, "\t%s [id=%s, label=%s, width=%s, height=%s, fillcolor=%s, color=%s, tooltip=%s];\n",
			quoteID(n.ID), quote("node-"+n.ID), lines(wrapName(n.Label())...), num(d), num(d),
			quote(fill), quote(strokeColour(fill)), lines(tip...))
	}

	// Edges.
	names := make(map[string]string, len(g.Nodes))
	for _, n := range g.Nodes {
		names[n.ID] = n.Label()
	}
	name := func(id string) string {
		if s, ok := names[id]; ok {
			return s
		}
		return id
	}
	wlo, whi := weightRange(g)
	for _, e := range g.Edges {
		w := e.Weight
		if !(w > 0) || math.IsInf(w, 0) { // invalid (Validate rejects it): draw it thinnest
			w = wlo
		}
		pen := sqrtScale(w, wlo, whi, minPenWidth, maxPenWidth, plainPenWidth)
		gap := sqrtScale(w, wlo, whi, maxGap, minGap, (minGap+maxGap)/2)
		length := gap + (radius(diameter, e.Source) + radius(diameter, e.Target))
		fmt.Fprintf(&b, "\t%s %s %s [id=%s, penwidth=%s, len=%s", quoteID(e.Source), op, quoteID(e.Target),
			quote("edge-"+e.Source+"--"+e.Target), num(pen), num(length))
		var label string
		switch edgeLabels {
		case EdgeLabelsRelation:
			label = e.Relation
		case EdgeLabelsWeight:
			label = quantity(e.Weight)
		}
		if label != "" {
			fmt.Fprintf(&b, ", label=%s", edgeLabel(label, pen))
		}
		tip := []string{name(e.Source) + " – " + name(e.Target) + ": weight " + quantity(e.Weight)}
		if len(e.Evidence) > 0 {
			tip = append(tip, oneLine(e.Evidence[0].Text, maxEvidenceRunes))
			if k := max(len(e.Units), len(e.Evidence)) - 1; k > 0 {
				tip = append(tip, fmt.Sprintf("(+%d more)", k))
			}
		}
		fmt.Fprintf(&b, ", tooltip=%s];\n", lines(tip...))
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// radius returns half the diameter of node id, or of a plain node when
// id is not in the graph.
func radius(diameter map[string]float64, id string) float64 {
	if d, ok := diameter[id]; ok {
		return d / 2
	}
	return plainDiameter / 2
}

// sizeRange returns the smallest and largest usable (finite, non-negative)
// value of size over g's nodes; 0, 0 when there is none.
func sizeRange(g *graph.Graph, size map[string]float64) (lo, hi float64) {
	first := true
	for _, n := range g.Nodes {
		v, ok := size[n.ID]
		if !ok || !(v >= 0) || math.IsInf(v, 0) {
			continue
		}
		if first {
			lo, hi, first = v, v, false
		}
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

// weightRange returns the smallest and largest positive finite edge weight.
func weightRange(g *graph.Graph) (lo, hi float64) {
	first := true
	for _, e := range g.Edges {
		v := e.Weight
		if !(v > 0) || math.IsInf(v, 0) {
			continue
		}
		if first {
			lo, hi, first = v, v, false
		}
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

// titleLabel returns the graph label as a Graphviz HTML-like label
// (https://graphviz.org/doc/info/shapes.html#html): the headline in bold,
// then a grey line naming episode and unit, then a legend line. Text in an
// HTML-like label is escaped as HTML, not as an escString.
func titleLabel(g *graph.Graph, opt Options, edgeLabels string) string {
	ep := g.Episode
	head := opt.Title
	if head == "" {
		head = cmp.Or(ep.Title, ep.ID, "Character network")
	}
	var about []string
	if ep.ID != "" && ep.ID != head {
		about = append(about, "episode "+ep.ID)
	}
	if u := unitText(ep.Unit); u != "" {
		about = append(about, u)
	}
	var legend []string
	if opt.Size != nil {
		legend = append(legend, "circle size: "+cmp.Or(opt.SizeBy, "size"))
	}
	if len(g.Edges) > 0 {
		legend = append(legend, "line width: interactions")
		if edgeLabels == EdgeLabelsWeight {
			legend = append(legend, "edge labels: interactions")
		}
	}
	var b strings.Builder
	b.WriteString("<<b>")
	b.WriteString(htmlText(head))
	b.WriteString("</b>")
	for _, l := range [][]string{about, legend} {
		if len(l) == 0 {
			continue
		}
		fmt.Fprintf(&b, `<br/><font point-size="%d" color="%s">%s</font>`,
			noteFontSize, noteColour, htmlText(strings.Join(l, " · ")))
	}
	b.WriteString(">")
	return b.String()
}

// edgeLabel returns an edge label as an HTML-like label: the text in a
// one-cell table whose padding is half the line width plus 2 points.
// Neato sets an edge label as an external label that touches the middle
// of the edge with a corner or side, so without the padding a wide line
// would run over the text.
func edgeLabel(text string, penWidth float64) string {
	pad := int(math.Ceil(penWidth/2)) + 2
	return fmt.Sprintf(`<<table border="0" cellborder="0" cellspacing="0" cellpadding="%d"><tr><td>%s</td></tr></table>>`,
		pad, htmlText(text))
}

// unitText describes an interaction unit ("sentence", "window:15") for the
// subtitle.
func unitText(unit string) string {
	switch {
	case unit == "":
		return ""
	case strings.HasPrefix(unit, "window:"):
		return "interactions: names at most " + strings.TrimPrefix(unit, "window:") + " words apart"
	default:
		return "interactions counted per " + unit
	}
}

// htmlText escapes s for the text of an HTML-like label, on one line.
func htmlText(s string) string {
	return html.EscapeString(strings.Join(strings.Fields(s), " "))
}
