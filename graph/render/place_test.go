package render

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/diff"
	"github.com/relgraph/relgraph/graph/formats"
)

// geometry is what a drawing shows, in graph coordinates: circles keyed
// by node group id, the glyph boxes of names keyed by node group id and
// of edge labels keyed by edge group id, edge lines keyed by edge group
// id, and the background.
type geometry struct {
	circles    map[string]disc
	names      map[string]rect
	edgeLabels map[string]rect
	paths      map[string][][2]float64
	bg         rect
}

var (
	testGroup = regexp.MustCompile(`^<g id="([^"]*)" class="(node|edge)(?: [a-z]+)*">`)
	testLabel = regexp.MustCompile(`^<g id="(name|label)-([^"]*)" class="(?:node-name|edge-label)">`)
)

// svgGeometry reads a drawing made by SVG. Label boxes are the text boxes
// of parseText without their 2-point halo margin.
func svgGeometry(t *testing.T, svg []byte) geometry {
	t.Helper()
	g := geometry{circles: map[string]disc{}, names: map[string]rect{}, edgeLabels: map[string]rect{}, paths: map[string][][2]float64{}}
	bg := background.FindSubmatch(svg)
	if bg == nil {
		t.Fatal("no background polygon")
	}
	g.bg = rect{atofB(bg[2]), atofB(bg[5]), atofB(bg[6]), atofB(bg[3])}
	var group, kind string
	var target map[string]rect
	for _, l := range bytes.Split(svg, []byte("\n")) {
		if m := testGroup.FindSubmatch(l); m != nil {
			group, kind, target = string(m[1]), string(m[2]), nil
			continue
		}
		if m := testLabel.FindSubmatch(l); m != nil {
			group, target = string(m[2]), g.names
			if string(m[1]) == "label" {
				target = g.edgeLabels
			}
			continue
		}
		if target != nil && bytes.HasPrefix(l, []byte("</g>")) {
			target = nil
			continue
		}
		if target != nil {
			if tx, ok := parseText(l); ok && !bytes.Contains(l, []byte(`stroke="white"`)) {
				b := rect{tx.box.x0 + 2, tx.box.y0 + 2, tx.box.x1 - 2, tx.box.y1 - 2}
				if old, ok := target[group]; ok {
					b = b.union(old)
				}
				target[group] = b
			}
			continue
		}
		if m := ellipseAttrs.FindSubmatch(l); m != nil && kind == "node" {
			g.circles[group] = disc{atofB(m[1]), atofB(m[2]), atofB(m[3])}
		}
		if m := pathD.FindSubmatch(l); m != nil && kind == "edge" {
			g.paths[group] = polyline(m[1])
		}
	}
	return g
}

// checkPlacement checks the label rule of placeLabels on a drawing: no
// two labels overlap; no name covers a circle other than its own, and
// each touches its own (within 3 points); no edge label covers a circle,
// and each is centred on its own line (within 1 point); every label lies
// inside the picture.
func checkPlacement(t *testing.T, what string, svg []byte) geometry {
	t.Helper()
	g := svgGeometry(t, svg)
	type item struct {
		id   string
		edge bool
		box  rect
	}
	var all []item
	for id, b := range g.names {
		all = append(all, item{id, false, b})
	}
	for id, b := range g.edgeLabels {
		all = append(all, item{id, true, b})
	}
	for i, a := range all {
		if a.box.x0 < g.bg.x0 || a.box.x1 > g.bg.x1 || a.box.y0 < g.bg.y0 || a.box.y1 > g.bg.y1 {
			t.Errorf("%s: label of %s %v lies outside the picture %v", what, a.id, a.box, g.bg)
		}
		for _, b := range all[i+1:] {
			if a.box.overlaps(b.box) {
				t.Errorf("%s: labels of %s %v and %s %v overlap", what, a.id, a.box, b.id, b.box)
			}
		}
		for id, c := range g.circles {
			if !a.edge && id == a.id {
				continue
			}
			// 0.5 pt of slack for the two decimals of the coordinates.
			if (disc{c.cx, c.cy, c.r - 0.5}).hits(a.box) {
				t.Errorf("%s: label of %s %v covers the circle of %s %v", what, a.id, a.box, id, c)
			}
		}
		if a.edge {
			p, ok := g.paths[a.id]
			if !ok {
				t.Errorf("%s: label of %s has no line", what, a.id)
				continue
			}
			cx, cy := (a.box.x0+a.box.x1)/2, (a.box.y0+a.box.y1)/2
			if d := distToPolyline(cx, cy, p); d > 1 {
				t.Errorf("%s: label of %s is centred %.1f pt away from its line", what, a.id, d)
			}
		} else {
			c := g.circles[a.id]
			dx := max(a.box.x0-c.cx, 0, c.cx-a.box.x1)
			dy := max(a.box.y0-c.cy, 0, c.cy-a.box.y1)
			if d := math.Hypot(dx, dy) - c.r; d > 3 {
				t.Errorf("%s: name of %s is %.1f pt away from its circle", what, a.id, d)
			}
		}
	}
	return g
}

func distToPolyline(x, y float64, p [][2]float64) float64 {
	best := math.Inf(1)
	for i := 1; i < len(p); i++ {
		ax, ay, bx, by := p[i-1][0], p[i-1][1], p[i][0], p[i][1]
		l2 := (bx-ax)*(bx-ax) + (by-ay)*(by-ay)
		s := 0.0
		if l2 > 0 {
			s = min(max(((x-ax)*(bx-ax)+(y-ay)*(by-ay))/l2, 0), 1)
		}
		best = min(best, math.Hypot(x-ax-s*(bx-ax), y-ay-s*(by-ay)))
	}
	return best
}

var namesNoteCount = regexp.MustCompile(`names shown for (?:([0-9]+) of )?the ([0-9]+) characters`)

func TestLabelPlacementBigMap(t *testing.T) {
	g := genGraph(60, 3, 2)
	for _, labels := range []string{EdgeLabelsWeight, EdgeLabelsRelation} {
		svg := renderSVG2(t, DOT(g, Options{Size: strength(g), SizeBy: "strength", EdgeLabels: labels}))
		geo := checkPlacement(t, "gen 60 "+labels, svg)
		if len(geo.names) == 0 || len(geo.edgeLabels) == 0 {
			t.Fatalf("%s: %d names and %d edge labels drawn", labels, len(geo.names), len(geo.edgeLabels))
		}
		// The legend tells how many names are shown.
		m := namesNoteCount.FindSubmatch(svg)
		if m == nil {
			t.Fatalf("%s: no note on names in the legend", labels)
		}
		shown, _ := strconv.Atoi(string(m[2]))
		if len(m[1]) > 0 {
			shown, _ = strconv.Atoi(string(m[1]))
		}
		if shown != len(geo.names) {
			t.Errorf("%s: legend says %d names shown, the map has %d", labels, shown, len(geo.names))
		}
		// Weight labels only on drawn edges: every label has its line
		// (checkPlacement), and dropped ones are counted under the map.
		total := bytes.Count(DOT(g, Options{Size: strength(g), SizeBy: "strength", EdgeLabels: labels}), []byte(", label=<<table"))
		if total != len(geo.edgeLabels) && !bytes.Contains(svg, fmt.Appendf(nil, "edge labels shown: %d of %d", len(geo.edgeLabels), total)) {
			t.Errorf("%s: %d of %d edge labels drawn and no note says so", labels, len(geo.edgeLabels), total)
		}
	}
}

func TestLabelPlacementSmallMaps(t *testing.T) {
	g := castGraph()
	svg := renderSVG2(t, DOT(g, Options{Size: strength(g), SizeBy: "strength"}))
	geo := checkPlacement(t, "cast", svg)
	if len(geo.edgeLabels) == 0 {
		t.Error("cast: no relation labels drawn")
	}
	a, b, d := diffPair(t)
	svg = renderSVG2(t, DiffDOT(a, b, d, DiffOptions{}))
	geo = checkPlacement(t, "diff", svg)
	if len(geo.names) != len(geo.circles) {
		t.Errorf("diff: %d of %d names drawn", len(geo.names), len(geo.circles))
	}
	// Circles of a diff map do not overlap.
	checkCirclesApart(t, "diff", geo)
}

func checkCirclesApart(t *testing.T, what string, geo geometry) {
	t.Helper()
	for i, a := range geo.circles {
		for j, b := range geo.circles {
			if i < j && math.Hypot(a.cx-b.cx, a.cy-b.cy) < a.r+b.r {
				t.Errorf("%s: circles of %s and %s overlap", what, i, j)
			}
		}
	}
}

// TestLabelPlacementShared checks the maps the tester found faults in:
// Les Misérables (docs/lesmis.svg), Network of Thrones book 1 and the Star
// Wars IV → V diff.
func TestLabelPlacementShared(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("../shared/data is absent: %v", err)
	}
	for _, f := range []string{"lesmis/miserables.json", "asoiaf/asoiaf-book1-edges.csv"} {
		g, err := readShared(filepath.Join(shared, f))
		if err != nil {
			t.Skipf("%s: %v", f, err)
		}
		for _, labels := range []string{EdgeLabelsRelation, EdgeLabelsWeight} {
			svg := renderSVG2(t, DOT(g, Options{Size: strength(g), SizeBy: "strength", EdgeLabels: labels}))
			checkPlacement(t, f+" "+labels, svg)
		}
	}
	a, err := readShared(filepath.Join(shared, "starwars/starwars-episode-4-interactions-allCharacters.json"))
	if err != nil {
		t.Skip(err)
	}
	b, err := readShared(filepath.Join(shared, "starwars/starwars-episode-5-interactions-allCharacters.json"))
	if err != nil {
		t.Skip(err)
	}
	d, err := diff.Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	svg := renderSVG2(t, DiffDOT(a, b, d, DiffOptions{}))
	checkCirclesApart(t, "star wars diff", checkPlacement(t, "star wars diff", svg))
}

func readShared(path string) (*graph.Graph, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	g, _, err := formats.Read(path, data, formats.ReadOptions{})
	return g, err
}

// TestLabelPlacementLayouts checks the label rule under every layout
// engine, on an undirected and a directed graph, and that placing the
// labels of one drawing twice gives the same bytes.
func TestLabelPlacementLayouts(t *testing.T) {
	for _, directed := range []bool{false, true} {
		g := genGraph(50, 2, 7)
		g.Directed = directed
		for _, layout := range Layouts {
			if layout == "osage" {
				continue // packs clusters, no edges to label
			}
			opt := Options{Size: strength(g), SizeBy: "strength", EdgeLabels: EdgeLabelsWeight, Layout: layout}
			what := fmt.Sprintf("%s directed=%v", layout, directed)
			var raw bytes.Buffer
			if err := draw(t.Context(), DOT(g, opt), &raw); err != nil {
				t.Fatal(err)
			}
			// Placement is deterministic: the same drawing gives the same
			// bytes. (Graphviz's own fdp and sfdp layouts can differ
			// between runs in one process, so the drawing is made once.)
			svg := fixSVG(bytes.Clone(raw.Bytes()))
			if again := fixSVG(bytes.Clone(raw.Bytes())); !bytes.Equal(svg, again) {
				t.Errorf("%s: placing the labels twice gives different bytes", what)
			}
			checkPlacement(t, what, svg)
		}
	}
}
