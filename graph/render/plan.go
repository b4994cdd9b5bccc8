package render

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// plan is everything DOT, DiffDOT and HTML decide before writing: the
// pruned graph, each node's measure, diameter, colour and whether it is
// named, and what the legend says.
type plan struct {
	g         *graph.Graph       // the graph drawn (pruned copy, or the input)
	full      *graph.Graph       // the input graph
	size      map[string]float64 // usable size value keyed by node id; nil without Options.Size
	lo, hi    float64            // range of size over the drawn nodes
	named     map[string]bool    // node ids drawn with their name
	diameter  map[string]float64 // inches, keyed by node id
	fontSize  map[string]float64 // points, keyed by node id, where not nodeFontSize
	colours   colouring
	order     []string // node ids, most prominent first
	names     map[string]string
	layout    string
	wlo, whi  float64 // range of the drawn edges' weights
	pruneNote string  // "showing 40 of 77 characters …", or ""
	// headScale multiplies the font sizes of title and legend, so they
	// stay readable beside a large map: √n/4 for n drawn characters,
	// within [1, 2.5].
	headScale float64
	// gapScale shrinks the room between linked circles in larger maps,
	// where most edges are unlabelled and long edges spread the map
	// thin: √(20/n) for n drawn characters, within [0.4, 1].
	gapScale float64
	// outside is whether names are set beside the circles (Graphviz
	// xlabels) rather than inside them: in big maps (more than autoLabels
	// characters drawn) and in diff maps. Circles then show only the size
	// measure and never grow with a name.
	outside bool
	// hidden holds the indices into g.Edges of the interactions that a
	// dense big map leaves out of the drawing but keeps in the layout
	// (see thin); nil when all are drawn.
	hidden map[int]bool
	// thinWeight is the w of thin: interactions of at least this weight
	// are drawn.
	thinWeight float64
	// thinNote is the legend's note on interactions left out by the
	// automatic thinning of dense big maps (see thin), or "".
	thinNote string
	// mentions is whether the input graph carries mention counts (some
	// node has Mentions > 0); without, tooltips and pages leave the
	// count out rather than show a false 0.
	mentions bool
	// rows is Options.Measures.Rows keyed by node id.
	rows map[string]TableRow
}

// autoLabels is how many characters are named when Options.Labels is 0
// and the map has more than autoLabels characters; maps of more than
// autoLabels characters are big maps (names beside the circles, thinned
// edges, overlap=ortho).
const autoLabels = 40

// AutoLabels is how many characters a map of more than AutoLabels
// characters names by default (Options.Labels 0).
const AutoLabels = autoLabels

// sfdpAbove is the number of characters above which the default layout
// is sfdp instead of neato.
const sfdpAbove = 300

// maxEdgesPerNode is how many interactions per drawn character a big map
// shows at most when Options.MaxEdges is 0 (see thin).
const maxEdgesPerNode = 2.5

// newPlan prunes g and decides each node's style. opt has passed Check.
// outside forces names beside the circles (diff maps); big maps set them
// there anyway.
func newPlan(g *graph.Graph, opt Options, outside bool) *plan {
	p := &plan{full: g, names: make(map[string]string, len(g.Nodes)), mentions: hasMentions(g),
		rows: make(map[string]TableRow, len(opt.Measures.Rows))}
	for _, n := range g.Nodes {
		p.names[n.ID] = n.Label()
	}
	for _, r := range opt.Measures.Rows {
		p.rows[r.ID] = r
	}
	// Prominence: the size measure, else strength; ties by id.
	rankBy := opt.Size
	if rankBy == nil {
		rankBy = strengths(g)
	}
	value := func(id string) float64 {
		v, ok := rankBy[id]
		if !ok || !(v >= 0) || math.IsInf(v, 0) {
			return -1
		}
		return v
	}
	prominence := func(a, b string) int {
		return cmp.Or(cmp.Compare(value(b), value(a)), cmp.Compare(a, b))
	}
	p.g = prune(g, opt.Top, opt.MinWeight, prominence)
	if len(p.g.Nodes) != len(g.Nodes) || len(p.g.Edges) != len(g.Edges) {
		var why []string
		if opt.Top > 0 && opt.Top < len(g.Nodes) {
			by := "strength"
			if opt.Size != nil {
				by = cmp.Or(opt.SizeBy, "size")
			}
			why = append(why, fmt.Sprintf("the %d with the highest %s", opt.Top, by))
		}
		if opt.MinWeight > 0 {
			why = append(why, "interactions of weight ≥ "+quantity(opt.MinWeight))
		}
		p.pruneNote = fmt.Sprintf("showing %d of %d characters and %d of %d interactions (%s)",
			len(p.g.Nodes), len(g.Nodes), len(p.g.Edges), len(g.Edges), strings.Join(why, ", "))
	}

	big := len(p.g.Nodes) > autoLabels
	p.outside = outside || big
	maxEdges := opt.MaxEdges
	if maxEdges == 0 && big {
		maxEdges = int(maxEdgesPerNode * float64(len(p.g.Nodes)))
	}
	if maxEdges > 0 && len(p.g.Edges) > maxEdges {
		p.hidden, p.thinWeight = thin(p.g, maxEdges)
	}
	if len(p.hidden) > 0 {
		p.thinNote = fmt.Sprintf("lines: %d of %d interactions (weight ≥ %s, and each character's strongest)",
			len(p.g.Edges)-len(p.hidden), len(p.g.Edges), quantity(p.thinWeight))
	}

	for _, n := range p.g.Nodes {
		p.order = append(p.order, n.ID)
	}
	slices.SortFunc(p.order, prominence)

	// Names: all, or the most prominent.
	labels := opt.Labels
	switch {
	case labels < 0:
		labels = len(p.order)
	case labels == 0 && len(p.order) > autoLabels:
		labels = autoLabels
	case labels == 0:
		labels = len(p.order)
	}
	p.named = make(map[string]bool, len(p.order))
	for i, id := range p.order {
		p.named[id] = i < labels
	}

	// Sizes.
	if opt.Size != nil {
		p.size = make(map[string]float64, len(p.g.Nodes))
		first := true
		for _, n := range p.g.Nodes {
			v, ok := opt.Size[n.ID]
			if !ok || !(v >= 0) || math.IsInf(v, 0) {
				continue
			}
			p.size[n.ID] = v
			if first {
				p.lo, p.hi, first = v, v, false
			}
			p.lo, p.hi = min(p.lo, v), max(p.hi, v)
		}
	}
	dmin := minDiameter
	if labels < len(p.order) || p.outside {
		dmin = minDotDiameter
	}
	p.diameter = make(map[string]float64, len(p.g.Nodes))
	p.fontSize = map[string]float64{}
	for _, n := range p.g.Nodes {
		d := plainDiameter
		if p.size != nil {
			v, ok := p.size[n.ID]
			if !ok {
				v = p.lo
			}
			d = sqrtScale(v, p.lo, p.hi, dmin, maxDiameter, (minDiameter+maxDiameter)/2)
		} else if labels < len(p.order) && !p.named[n.ID] {
			d = minDotDiameter
		}
		if p.named[n.ID] && p.outside {
			p.fontSize[n.ID] = outsideFont(d, dmin, len(p.g.Nodes))
		} else if p.named[n.ID] {
			ls := wrapName(n.Label())
			fs := fitFont(ls, d)
			d = max(d, fitDiameter(ls, fs))
			if fs != nodeFontSize {
				p.fontSize[n.ID] = fs
			}
		}
		p.diameter[n.ID] = d
	}

	mode := opt.ColorBy
	if mode == "" {
		mode = ColorID
		if opt.Communities != nil {
			mode = ColorCommunity
		}
	}
	p.colours = colourNodes(p.g, mode, opt.Communities, prominence, func(id string) string { return p.names[id] })

	p.layout = opt.Layout
	if p.layout == "" {
		p.layout = "neato"
		if len(p.g.Nodes) > sfdpAbove {
			p.layout = "sfdp"
		}
	}
	p.wlo, p.whi = weightRange(p.g)
	p.headScale = min(max(math.Sqrt(float64(len(p.g.Nodes)))/4, 1), 2.5)
	p.gapScale = 1
	if n := len(p.g.Nodes); n > 20 {
		p.gapScale = max(math.Sqrt(20/float64(n)), 0.4)
	}
	return p
}

// outsideFont returns the font size, in points (to half a point), of a
// name set beside a circle of diameter d inches (the smallest circle being
// dmin): from nodeFontSize·k for the smallest circle to 1.5·nodeFontSize·k
// for the largest (1.4 in), linearly in the diameter, where k = √n/6
// within [1, 2] for n drawn characters. So names grow with the map — a
// 190-character map is some 33 in wide and its names are set at 22 to 33
// points, which read as 11 to 16 would on a small map when the picture is
// fitted to a screen — and the most prominent characters have the largest
// names, as pprof sets its heaviest functions larger.
func outsideFont(d, dmin float64, n int) float64 {
	k := min(max(math.Sqrt(float64(n))/6, 1), 2)
	t := 0.0
	if maxDiameter > dmin {
		t = min(max((d-dmin)/(maxDiameter-dmin), 0), 1)
	}
	return math.Round(nodeFontSize*k*(1+0.5*t)*2) / 2
}

// thin picks the interactions of g that a dense map draws: at most about
// maxEdges of them, those of weight ≥ w for the smallest w that keeps at
// most maxEdges, and besides each character's strongest interaction
// (ties: the first in g.Edges), so no character is left without a line.
// It returns the indices into g.Edges of the others, which DOT keeps in
// the layout as invisible edges (so communities stay together), and w.
// Weights that are not positive and finite count as 0.
func thin(g *graph.Graph, maxEdges int) (hidden map[int]bool, w float64) {
	ws := make([]float64, len(g.Edges))
	for i, e := range g.Edges {
		ws[i] = finite(e.Weight)
	}
	slices.Sort(ws)
	slices.Reverse(ws)
	// The weight of the maxEdges-th heaviest edge; when edges of exactly
	// that weight run past maxEdges, w is the next heavier weight.
	w = ws[maxEdges-1]
	if maxEdges < len(ws) && ws[maxEdges] == w {
		if i := slices.IndexFunc(ws, func(x float64) bool { return x <= w }); i > 0 {
			w = ws[i-1]
		}
	}
	strongest := map[string]int{}
	for i, e := range g.Edges {
		for _, id := range []string{e.Source, e.Target} {
			if j, ok := strongest[id]; !ok || finite(e.Weight) > finite(g.Edges[j].Weight) {
				strongest[id] = i
			}
		}
	}
	keep := map[int]bool{}
	for _, i := range strongest {
		keep[i] = true
	}
	hidden = map[int]bool{}
	for i, e := range g.Edges {
		if !keep[i] && finite(e.Weight) < w {
			hidden[i] = true
		}
	}
	return hidden, w
}

// finite returns w when it is positive and finite, else 0.
func finite(w float64) float64 {
	if w > 0 && !math.IsInf(w, 0) {
		return w
	}
	return 0
}

// fitDiameter returns the diameter, in inches, of the smallest circle
// that holds the lines of a node label set at size points, with room for
// a viewer's font 12 % wider than Helvetica and 3 points of margin: the
// diagonal of the text block.
func fitDiameter(lines []string, size float64) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, textWidth(l, size, false))
	}
	w *= 1.12
	h := float64(len(lines)) * size * 1.15
	return (math.Hypot(w, h) + 6) / 72
}

// fitFont returns the font size, in points, at which the label lines fit
// a circle of d inches: nodeFontSize when they fit, else smaller, down to
// minNodeFontSize (then the circle grows instead). So the circles keep
// showing the size measure and long names are set a little smaller.
func fitFont(lines []string, d float64) float64 {
	at := fitDiameter(lines, nodeFontSize)
	if at <= d {
		return nodeFontSize
	}
	// fitDiameter is 6/72 in plus a part proportional to the size.
	fs := nodeFontSize * (d - 6.0/72) / (at - 6.0/72)
	fs = math.Floor(fs*2) / 2 // half points, so DOT stays short
	return max(fs, minNodeFontSize)
}

// prune returns g with at most top characters (the first by prominence;
// top ≤ 0 keeps all) and without interactions lighter than minWeight
// (≤ 0 keeps all). With minWeight > 0 a character is kept only if it has
// at least one interaction of weight ≥ minWeight among the kept
// characters: "--min-weight 3" reads as "the ties of weight 3 or more",
// so a character that loses all its interactions to minWeight goes, and
// so does one that had none in g (a loner is no tie either). Without
// minWeight loners stay. g itself is returned when nothing is dropped.
func prune(g *graph.Graph, top int, minWeight float64, prominence func(a, b string) int) *graph.Graph {
	if (top <= 0 || top >= len(g.Nodes)) && minWeight <= 0 {
		return g
	}
	keep := make(map[string]bool, len(g.Nodes))
	ids := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[i] = n.ID
	}
	slices.SortFunc(ids, prominence)
	if top > 0 && top < len(ids) {
		ids = ids[:top]
	}
	for _, id := range ids {
		keep[id] = true
	}
	out := &graph.Graph{Episode: g.Episode, Directed: g.Directed}
	left := map[string]int{}
	for _, e := range g.Edges {
		if !keep[e.Source] || !keep[e.Target] {
			continue
		}
		if minWeight > 0 && !(e.Weight >= minWeight) {
			continue
		}
		out.Edges = append(out.Edges, e)
		left[e.Source]++
		left[e.Target]++
	}
	for _, n := range g.Nodes {
		if !keep[n.ID] {
			continue
		}
		if minWeight > 0 && left[n.ID] == 0 {
			continue
		}
		out.Nodes = append(out.Nodes, n)
	}
	return out
}

// strengths returns the sum of incident (finite, positive) weights of each
// node of g, keyed by node id.
func strengths(g *graph.Graph) map[string]float64 {
	s := make(map[string]float64, len(g.Nodes))
	for _, n := range g.Nodes {
		s[n.ID] = 0
	}
	for _, e := range g.Edges {
		if e.Weight > 0 && !math.IsInf(e.Weight, 0) {
			s[e.Source] += e.Weight
			s[e.Target] += e.Weight
		}
	}
	return s
}

// NodeID returns the SVG element id of the character with id id:
// "node-" + idPart(id), escaped as EdgeID escapes each end, so "-e" gives
// "node-%2De" and "e-" "node-e%2D" (README, "Ids and tooltips"); idPart
// is one-to-one, so two characters never share an element id.
func NodeID(id string) string { return "node-" + idPart(id) }

// EdgeID returns the SVG element id of the interaction source–target:
// "edge-" + idPart(source) + "--" + idPart(target). idPart writes '%' as
// "%25" and a '-' that starts or ends the id or touches another '-' as
// "%2D", so neither part contains "--" nor starts or ends with '-': the
// first "--" after the prefix is always the separator, and two different
// pairs never share an id: source "a--b" with target "c" gives
// "edge-a%2D%2Db--c", source "a" with target "b--c" "edge-a--b%2D%2Dc".
func EdgeID(source, target string) string {
	return "edge-" + idPart(source) + "--" + idPart(target)
}

func idPart(id string) string {
	if !strings.ContainsAny(id, "-%") {
		return id
	}
	var b strings.Builder
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c == '%':
			b.WriteString("%25")
		case c == '-' && (i == 0 || i == len(id)-1 || id[i-1] == '-' || id[i+1] == '-'):
			b.WriteString("%2D")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// hasMentions reports whether g carries mention counts: whether any node
// has Mentions > 0. Graphs read from files without them (Les Misérables,
// the asoiaf CSVs, node-link files whose count is under another key) have
// 0 everywhere, which is no count at all.
func hasMentions(g *graph.Graph) bool {
	for _, n := range g.Nodes {
		if n.Mentions > 0 {
			return true
		}
	}
	return false
}

// nodeTooltip returns the lines of the tooltip of node n: its name;
// "rank k of N by By" when Options.Measures ranks it (N = rows ranked);
// "mentions: k" when the graph has mention counts (see hasMentions); one
// line "measure: value" per column of Options.Measures (non-finite values
// as "–"), else, without Measures, the size measure sizeBy alone; and
// "community: k" when Options.Communities places n.
func (p *plan) nodeTooltip(n graph.Node, opt Options, sizeBy string) []string {
	tip := []string{n.Label()}
	r, ranked := p.rows[n.ID]
	if ranked && r.Rank > 0 && opt.Measures.By != "" {
		tip = append(tip, fmt.Sprintf("rank %d of %d by %s", r.Rank, len(opt.Measures.Rows), opt.Measures.By))
	}
	if p.mentions {
		tip = append(tip, "mentions: "+strconv.Itoa(n.Mentions))
	}
	switch {
	case ranked:
		for i, m := range opt.Measures.Measures {
			v := "–"
			if i < len(r.Values) && !math.IsNaN(r.Values[i]) && !math.IsInf(r.Values[i], 0) {
				v = quantity(r.Values[i])
			}
			tip = append(tip, m+": "+v)
		}
	default:
		if x, ok := opt.Size[n.ID]; ok {
			tip = append(tip, sizeBy+": "+quantity(x))
		}
	}
	if k, ok := opt.Communities[n.ID]; ok {
		tip = append(tip, "community: "+strconv.Itoa(k))
	}
	return tip
}
