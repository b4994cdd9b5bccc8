package render

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	// line under it names the episode id and the interaction unit, and the
	// legend under that tells what circle size, line width and colour
	// show. No date or time is written, so output is deterministic.
	Title string

	// Size is the measure that sets each node's circle, keyed by node id
	// (e.g. strength or a centrality). The diameter runs from 0.7 in (0.3
	// in when only some characters are named, see Labels) for the smallest
	// value among the drawn nodes to 1.4 in for the largest, linearly in
	// the square root of the value (1.05 in for all when the values are
	// all equal); in a map of at most 40 characters a named circle is
	// never narrower than its name needs (see fitDiameter), while bigger
	// maps and diff maps set names under the circles, whose size then
	// shows the measure alone. A node missing from Size, or with a negative or
	// non-finite value, is drawn at the smallest size. Nil draws every
	// circle 1 in wide. The caller computes it, so render does not depend
	// on the centrality package. Size also orders characters for Top and
	// Labels (strength when Size is nil).
	Size map[string]float64

	// SizeBy names the measure in Size (e.g. "strength"); it is shown in
	// the legend and in node tooltips. Empty with a non-nil Size shows
	// "size".
	SizeBy string

	// ColorBy chooses the fill colours: ColorCommunity, ColorID,
	// ColorNone or ColorAttributePrefix+NAME. Empty means ColorCommunity
	// when Communities is set, else ColorID. See the package doc for the
	// rule that keeps colours stable across episodes.
	ColorBy string

	// Communities is the community of each character, keyed by node id
	// (numbers as relgraph/communities@1 gives them; any distinct ints
	// work). Characters missing from it are drawn pale grey.
	Communities map[string]int

	// Layout is the Graphviz layout engine, one of Layouts; empty means
	// neato, or sfdp when more than 300 characters are drawn. It is
	// written as the graph's layout attribute, which Render follows.
	Layout string

	// Seed seeds the layout (Graphviz's start attribute), so the same
	// graph is laid out the same way every time; 0 means 1.
	Seed int

	// EdgeLabels chooses edge labels: EdgeLabelsRelation (the default when
	// empty), EdgeLabelsWeight or EdgeLabelsNone.
	EdgeLabels string

	// Top keeps only the Top most prominent characters (by Size, else by
	// strength; ties by id) and the interactions among them; 0 keeps all.
	Top int

	// MinWeight drops interactions of weight below MinWeight and keeps
	// only the characters that still have an interaction: those left
	// without one by it, and those that had none to begin with (loners);
	// 0 keeps all. See prune.
	MinWeight float64

	// Labels is how many characters are named on the map, the most
	// prominent first; the others are unnamed dots whose name is in the
	// tooltip. 0 names all when at most 40 characters are drawn, else the
	// 40 most prominent; a negative value names all.
	Labels int

	// MaxEdges caps the interactions drawn: those of weight ≥ w for the
	// smallest w that keeps at most MaxEdges, plus each character's
	// strongest, so no character loses its last line (the legend says
	// so). 0 means 2.5 per drawn character when more than 40 characters
	// are drawn and all in smaller maps; a negative value draws all.
	// Unlike MinWeight it drops no character.
	MaxEdges int

	// Measures are the measures each node's tooltip lists, one line each
	// in the order of Measures.Measures, after "rank k of n by By" (see
	// nodeTooltip); the caller computes them (relgraph render: the
	// default measures of rank on the whole graph, before Top and
	// MinWeight). Empty Rows show Size alone.
	Measures Table
}

// Check reports whether the options are valid: a known Layout, ColorBy
// and EdgeLabels value, and no negative Top or MinWeight. DOT panics on
// options Check rejects, so a command that takes them from flags should
// call Check first.
func (o Options) Check() error {
	if o.Layout != "" && !slices.Contains(Layouts, o.Layout) {
		return fmt.Errorf("render: unknown layout %q (want one of %s)", o.Layout, strings.Join(Layouts, ", "))
	}
	switch o.EdgeLabels {
	case "", EdgeLabelsRelation, EdgeLabelsWeight, EdgeLabelsNone:
	default:
		return fmt.Errorf("render: unknown edge labels %q (want relation, weight or none)", o.EdgeLabels)
	}
	switch {
	case o.ColorBy == "", o.ColorBy == ColorCommunity, o.ColorBy == ColorID, o.ColorBy == ColorNone:
	case strings.HasPrefix(o.ColorBy, ColorAttributePrefix) && len(o.ColorBy) > len(ColorAttributePrefix):
	default:
		return fmt.Errorf("render: unknown colouring %q (want community, id, none or attribute:NAME)", o.ColorBy)
	}
	if o.ColorBy == ColorCommunity && o.Communities == nil {
		return errors.New("render: colouring by community needs Options.Communities")
	}
	if o.Top < 0 {
		return fmt.Errorf("render: top %d is negative", o.Top)
	}
	if !(o.MinWeight >= 0) || math.IsInf(o.MinWeight, 0) {
		return fmt.Errorf("render: minimum weight %v is not a finite number ≥ 0", o.MinWeight)
	}
	return nil
}

// DOT returns g as an undirected Graphviz graph (a directed one, with
// arrows, when g.Directed), styled as a relationship map. Nodes and edges
// are written in the order of g.Nodes and g.Edges, which Canonicalize
// sorts, so the same graph and options always give the same bytes.
//
// The graph is laid out by neato (sfdp above 300 characters, or
// Options.Layout) with a fixed seed, node overlaps removed (prism, or
// scaling for sfdp; ortho above 40 characters: see writeHeader) with a
// margin of 10 points around each circle, and edges drawn under the nodes
// (outputorder=edgesfirst). Above 40 characters names go under the
// circles and dense maps draw only their heaviest interactions (see the
// package doc, "Big maps"). Edges
// are routed around circles (splines=true) when the graph has at most 100
// edges, and drawn straight above that, where neato's router takes
// seconds. Each edge asks neato for a length (len) of both radii plus a
// gap from 1.9 in for the weakest interaction down to 1.2 in for the
// strongest, so close characters sit closer and labels have room.
//
// Each node gets the id NodeID(id) and each edge EdgeID(source, target):
// they become the element ids of the SVG. A node's tooltip gives its name
// and measures (see nodeTooltip); an edge's gives "Name A – Name B: weight N",
// then the first three evidence sentences (each shortened to 240
// characters) and "(+k more)" when more units made the edge.
//
// Text is escaped so that it shows as typed: see quote and htmlText.
//
// DOT panics if opt fails Check. An empty graph gives a valid graph that
// only has its title.
func DOT(g *graph.Graph, opt Options) []byte {
	if err := opt.Check(); err != nil {
		panic(err.Error())
	}
	p := newPlan(g, opt, false)
	edgeLabels := cmp.Or(opt.EdgeLabels, EdgeLabelsRelation)

	var b bytes.Buffer
	writeHeader(&b, p, opt.Seed, titleLabel(p, opt, edgeLabels))
	op := "--"
	if g.Directed {
		op = "->"
	}

	// Nodes.
	sizeBy := cmp.Or(opt.SizeBy, "size")
	for _, n := range p.g.Nodes {
		tip := p.nodeTooltip(n, opt, sizeBy)
		label := p.nodeLabel(n.ID, wrapName(n.Label()))
		d := p.diameter[n.ID]
		fill := p.colours.fill[n.ID]
		if c := p.nodeClass(n.ID); c != "" {
			label += ", class=" + quote(c)
		}
		fmt.Fprintf(&b, "\t%s [id=%s, %s, width=%s, height=%s, fillcolor=%s, color=%s%s, tooltip=%s];\n",
			quoteID(n.ID), quote(NodeID(n.ID)), label, num(d), num(d),
			quote(fill), quote(strokeColour(fill)), p.fontAttr(n.ID), lines(tip...))
	}

	// Edges.
	for i, e := range p.g.Edges {
		pen, length := p.edgeStyle(e.Source, e.Target, e.Weight)
		if p.hidden[i] {
			// Laid out, not drawn: see thin.
			fmt.Fprintf(&b, "\t%s %s %s [style=invis, len=%s];\n", quoteID(e.Source), op, quoteID(e.Target), num(length))
			continue
		}
		fmt.Fprintf(&b, "\t%s %s %s [id=%s, penwidth=%s, len=%s", quoteID(e.Source), op, quoteID(e.Target),
			quote(EdgeID(e.Source, e.Target)), num(pen), num(length))
		var label string
		switch edgeLabels {
		case EdgeLabelsRelation:
			label = e.Relation
		case EdgeLabelsWeight:
			label = quantity(e.Weight)
		}
		if label != "" {
			fmt.Fprintf(&b, ", label=%s", edgeLabel(label, pen, ""))
		}
		fmt.Fprintf(&b, ", tooltip=%s];\n", lines(edgeTooltip(p.name(e.Source), p.name(e.Target), e, "weight "+quantity(e.Weight))...))
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// writeHeader writes the opening line and the graph-wide, node and edge
// defaults.
func writeHeader(b *bytes.Buffer, p *plan, seed int, label string) {
	if seed == 0 {
		seed = 1
	}
	kind := "graph"
	if p.g.Directed {
		kind = "digraph"
	}
	fmt.Fprintf(b, "%s %s {\n", kind, quoteID(p.full.Name()))
	splines := "true"
	if len(p.g.Edges) > maxSplineEdges {
		splines = "line"
	}
	// Overlap removal. Maps of more than autoLabels characters, whatever
	// the engine: overlap=ortho, which moves circles apart while keeping
	// their left-right and top-bottom order, so the map keeps its shape
	// and stays compact. go-graphviz's Graphviz is built without GTS, so
	// prism (overlap=false) falls back to a Voronoi method that spreads
	// asoiaf book 1 (187 characters, neato) over 6311×6618 pt with its
	// leaves flung to the edges (ortho: 2363×2282) and takes minutes at
	// 1,000 characters (170 s against 1 s with scale, bench/render.sh);
	// scaling (overlap=scale) spreads Les Misérables with sfdp over
	// 17,000 pt. ortho costs 2.9 s at 1,000 characters and 5,000
	// interactions with sfdp (scale: 0.7 s), the price of a map that is
	// 5,700 pt wide instead of 17,000. Small maps: prism (neato and the
	// others), scale (sfdp). twopi, whatever the size: scale, the one
	// method that keeps its rings round (ortho squashed asoiaf book 1 into
	// a 2572×4054 pt upright rectangle, prism into a shapeless cloud).
	overlap := "false"
	switch {
	case p.layout == "twopi":
		overlap = "scale"
	case len(p.g.Nodes) > autoLabels:
		overlap = "ortho"
	case p.layout == "sfdp":
		overlap = "scale"
	}
	fmt.Fprintf(b, "\tgraph [layout=%s, start=%d, overlap=%s, sep=\"+10\", esep=\"+4\", splines=%s,\n", quote(p.layout), seed, overlap, splines)
	fmt.Fprintf(b, "\t\toutputorder=edgesfirst, pad=\"0.5,0.4\", bgcolor=\"white\", charset=\"UTF-8\",\n")
	fmt.Fprintf(b, "\t\tfontname=%s, fontsize=%d, fontcolor=%s, labelloc=t, labeljust=c,\n", quote(fontName), int(math.Round(titleFontSize*p.headScale)), quote(textColour))
	fmt.Fprintf(b, "\t\tlabel=%s];\n", label)
	fmt.Fprintf(b, "\tnode [shape=circle, fixedsize=shape, style=filled, penwidth=1.2, fontname=%s, fontsize=%d, fontcolor=%s];\n",
		quote(fontName), nodeFontSize, quote(textColour))
	// Edge labels grow with a big map as its names do (k = √n/6 within
	// [1, 2], see outsideFont), so a weight stays legible when the
	// picture is fitted to a screen.
	efs := edgeFontSize * min(max(math.Sqrt(float64(len(p.g.Nodes)))/6, 1), 2)
	fmt.Fprintf(b, "\tedge [color=%s, fontname=%s, fontsize=%s, fontcolor=%s",
		quote(edgeColour), quote(fontName), num(math.Round(efs*2)/2), quote(edgeTextColour))
	if p.g.Directed {
		b.WriteString(", arrowsize=0.7")
	}
	b.WriteString("];\n")
}

// nodeLabel returns the label attributes of node id whose name has the
// lines ls: `label=" "` for an unnamed node; the name inside the circle
// (label=…); or, when names go beside the circles, a blank label and the
// name as xlabel. Callers add the class "outside" to such nodes (see
// nodeClass), which fixSVG gives a white halo.
func (p *plan) nodeLabel(id string, ls []string) string {
	switch {
	case !p.named[id]:
		return `label=" "`
	case p.outside:
		return `label=" ", xlabel=` + lines(ls...)
	}
	return "label=" + lines(ls...)
}

// nodeClass returns the SVG class of node id with the given classes:
// "outside" is added when its name is set beside the circle.
func (p *plan) nodeClass(id string, classes ...string) string {
	if p.named[id] && p.outside {
		classes = append(classes, "outside")
	}
	return strings.Join(classes, " ")
}

// fontAttr returns ", fontsize=N" for a node whose name is set smaller
// than nodeFontSize, else "".
func (p *plan) fontAttr(id string) string {
	if fs, ok := p.fontSize[id]; ok {
		return ", fontsize=" + num(fs)
	}
	return ""
}

// name returns the display name of node id, or the id.
func (p *plan) name(id string) string {
	if s, ok := p.names[id]; ok {
		return s
	}
	return id
}

// edgeStyle returns the pen width (points) and neato length (inches) of
// an edge of weight w between source and target.
func (p *plan) edgeStyle(source, target string, w float64) (pen, length float64) {
	if !(w > 0) || math.IsInf(w, 0) { // invalid (Validate rejects it): draw it thinnest
		w = p.wlo
	}
	pen = sqrtScale(w, p.wlo, p.whi, minPenWidth, maxPenWidth, plainPenWidth)
	gap := sqrtScale(w, p.wlo, p.whi, maxGap, minGap, (minGap+maxGap)/2) * p.gapScale
	return pen, gap + radius(p.diameter, source) + radius(p.diameter, target)
}

// maxTooltipEvidence is how many evidence sentences an edge tooltip quotes.
const maxTooltipEvidence = 3

// edgeTooltip returns the lines of an edge's tooltip: "A – B: <what>",
// the first three evidence sentences, and "(+k more)" for the other units.
func edgeTooltip(a, b string, e graph.Edge, what string) []string {
	tip := []string{a + " – " + b + ": " + what}
	shown := 0
	for _, ev := range e.Evidence {
		if shown == maxTooltipEvidence {
			break
		}
		tip = append(tip, oneLine(ev.Text, maxEvidenceRunes))
		shown++
	}
	if shown > 0 {
		if k := max(len(e.Units), len(e.Evidence)) - shown; k > 0 {
			tip = append(tip, fmt.Sprintf("(+%d more)", k))
		}
	}
	return tip
}

// radius returns half the diameter of node id, or of a plain node when
// id is not in the graph.
func radius(diameter map[string]float64, id string) float64 {
	if d, ok := diameter[id]; ok {
		return d / 2
	}
	return plainDiameter / 2
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
// (https://graphviz.org/doc/info/shapes.html#html): a table with the
// headline in bold, a grey line naming episode and unit, the legend lines
// (what circle size and line width show, with their ranges; what was
// pruned) and a row of colour swatches. Text in an HTML-like label is
// escaped by htmlText.
func titleLabel(p *plan, opt Options, edgeLabels string) string {
	ep := p.full.Episode
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
	if opt.Size != nil && len(p.g.Nodes) > 0 {
		legend = append(legend, fmt.Sprintf("circle size: %s (%s)", cmp.Or(opt.SizeBy, "size"), span(p.lo, p.hi)))
	}
	if len(p.g.Edges) > 0 {
		legend = append(legend, fmt.Sprintf("line width: interactions (%s)", span(p.wlo, p.whi)))
		if edgeLabels == EdgeLabelsWeight {
			legend = append(legend, "edge labels: interactions")
		}
	}
	var notes []string
	if p.pruneNote != "" {
		notes = append(notes, p.pruneNote)
	}
	if p.thinNote != "" {
		notes = append(notes, p.thinNote)
	}
	if k := countTrue(p.named); k < len(p.order) {
		by := "strength"
		if opt.Size != nil {
			by = cmp.Or(opt.SizeBy, "size")
		}
		notes = append(notes, fmt.Sprintf("names shown for the %s with the highest %s", plural(k, "character"), by))
	}
	note := int(math.Round(noteFontSize * p.headScale))
	var b strings.Builder
	b.WriteString(`<<table border="0" cellborder="0" cellspacing="0" cellpadding="1">`)
	fmt.Fprintf(&b, `<tr><td><b>%s</b></td></tr>`, htmlText(head))
	for _, l := range [][]string{about, legend, notes} {
		if len(l) == 0 {
			continue
		}
		fmt.Fprintf(&b, `<tr><td><font point-size="%d" color="%s">%s</font></td></tr>`,
			note, noteColour, htmlText(strings.Join(l, " · ")))
	}
	if len(p.colours.legend) > 0 {
		b.WriteString(swatches(p.colours, note))
	}
	b.WriteString("</table>>")
	return b.String()
}

// swatchesPerRow is how many colour swatches one legend row holds.
const swatchesPerRow = 3

// swatches returns the table rows of the colour legend: "colour:
// <what>", then up to four swatches per row, each a small square in the
// colour with its text.
func swatches(c colouring, size int) string {
	var b strings.Builder
	b.WriteString(`<tr><td><table border="0" cellborder="0" cellspacing="2" cellpadding="1">`)
	for i, e := range c.legend {
		if i%swatchesPerRow == 0 {
			if i > 0 {
				b.WriteString("</tr>")
			}
			b.WriteString("<tr>")
			if i == 0 {
				fmt.Fprintf(&b, `<td align="right"><font point-size="%d" color="%s">%s</font></td>`, size, noteColour, htmlText(c.title+":"))
			} else {
				b.WriteString("<td></td>")
			}
		}
		fmt.Fprintf(&b, `<td fixedsize="true" width="%d" height="%d" bgcolor="%s" border="1" color="%s"></td>`, size+1, size+1, e.colour, strokeColour(e.colour))
		fmt.Fprintf(&b, `<td align="left"><font point-size="%d" color="%s">%s</font></td>`, size, noteColour, htmlText(e.text))
		// Room for a viewer's font up to 20 % wider than Helvetica.
		fmt.Fprintf(&b, `<td fixedsize="true" width="%d" height="1"></td>`, int(math.Ceil(0.2*textWidth(e.text, float64(size), false)))+6)
	}
	b.WriteString("</tr></table></td></tr>")
	return b.String()
}

// span formats a range "lo–hi", or one value when they are equal.
func span(lo, hi float64) string {
	if lo == hi {
		return quantity(lo)
	}
	return quantity(lo) + "–" + quantity(hi)
}

func countTrue(m map[string]bool) int {
	k := 0
	for _, v := range m {
		if v {
			k++
		}
	}
	return k
}

// edgeLabel returns an edge label as an HTML-like label: the text in a
// one-cell table whose padding is half the line width plus 2 points.
// Neato sets an edge label as an external label that touches the middle
// of the edge with a corner or side, so without the padding a wide line
// would run over the text. colour, when not empty, colours the text.
func edgeLabel(text string, penWidth float64, colour string) string {
	pad := int(math.Ceil(penWidth/2)) + 2
	t := htmlText(text)
	if colour != "" {
		t = fmt.Sprintf(`<font color="%s">%s</font>`, colour, t)
	}
	return fmt.Sprintf(`<<table border="0" cellborder="0" cellspacing="0" cellpadding="%d"><tr><td>%s</td></tr></table>>`,
		pad, t)
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

// htmlText escapes s for the text of an HTML-like label, on one line:
// runs of white space become one space, <, >, &, ' and " become entities,
// and a backslash becomes "&#92;". Graphviz expands \G, \N and the other
// object escapes even inside HTML-like labels, and even when the
// backslash is written as an entity; Render therefore replaces "&#92;"
// (and the escString "\\") by a private placeholder before Graphviz
// reads the DOT and puts the backslash back in the SVG (see
// protectBackslashes). Control characters become spaces.
func htmlText(s string) string {
	s = html.EscapeString(strings.Join(strings.Fields(s), " "))
	s = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.ReplaceAll(s, `\`, "&#92;")
}
