package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// TestThin checks which interactions a dense map draws. Weights (desc):
// a–b 10, a–c 8, b–c 6, c–d 2, d–e 1, a–d 1. Expected values follow the
// rule in thin's doc comment: w is the weight of the maxEdges-th heaviest
// edge, raised to the next heavier weight when equal edges run past
// maxEdges; each character's strongest edge is drawn anyway (d: c–d, e:
// d–e).
func TestThin(t *testing.T) {
	g := &graph.Graph{Nodes: []graph.Node{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "e"}},
		Edges: []graph.Edge{{Source: "a", Target: "b", Weight: 10}, {Source: "a", Target: "c", Weight: 8},
			{Source: "a", Target: "d", Weight: 1}, {Source: "b", Target: "c", Weight: 6},
			{Source: "c", Target: "d", Weight: 2}, {Source: "d", Target: "e", Weight: 1}}}
	pair := func(i int) string { return g.Edges[i].Source + g.Edges[i].Target }
	for _, c := range []struct {
		max    int
		w      float64
		hidden string // hidden pairs, in g.Edges order
	}{
		{1, 10, "ad bc"}, // a–b; strongest of c: a–c, of d: c–d, of e: d–e
		{3, 6, "ad"},
		{4, 2, "ad"},
		{5, 2, "ad"}, // the 5th and 6th heaviest both weigh 1: w rises to 2
		{6, 1, ""},
	} {
		hidden, w := thin(g, c.max)
		var got []string
		for i := range g.Edges {
			if hidden[i] {
				got = append(got, pair(i))
			}
		}
		if w != c.w || strings.Join(got, " ") != c.hidden {
			t.Errorf("thin(max %d) = hidden %v, w %v; want %q, %v", c.max, got, w, c.hidden, c.w)
		}
	}
}

// TestBigMapDOT checks the defaults for a map of more than 40
// characters: names beside the circles (xlabel, class outside) for the
// 40 most prominent only, overlap=ortho, at most 2.5 drawn interactions
// per character with the rest invisible, and the legend saying so;
// MaxEdges -1 draws all.
func TestBigMapDOT(t *testing.T) {
	g := genGraph(60, 4, 1)
	dot := string(DOT(g, Options{Size: strength(g), SizeBy: "strength"}))
	if n := strings.Count(dot, `, xlabel=`); n != autoLabels {
		t.Errorf("%d xlabels, want %d", n, autoLabels)
	}
	if n := strings.Count(dot, `class="outside"`); n != autoLabels {
		t.Errorf("%d nodes of class outside, want %d", n, autoLabels)
	}
	if !strings.Contains(dot, "overlap=ortho") {
		t.Error("big map without overlap=ortho")
	}
	drawn := strings.Count(dot, " [id=\"edge-")
	invis := strings.Count(dot, "[style=invis")
	if drawn+invis != len(g.Edges) || drawn > 150+60 || invis == 0 {
		t.Errorf("%d drawn and %d invisible edges of %d (at most about 150 drawn)", drawn, invis, len(g.Edges))
	}
	if !strings.Contains(dot, fmt.Sprintf("lines: %d of %d interactions (weight ≥ ", drawn, len(g.Edges))) {
		t.Error("legend does not say which interactions are drawn")
	}
	all := string(DOT(g, Options{Size: strength(g), SizeBy: "strength", MaxEdges: -1}))
	if strings.Contains(all, "style=invis") || strings.Contains(all, "lines: ") {
		t.Error("MaxEdges -1 still thins")
	}
	// Circles follow the size measure only: two characters of equal
	// strength have equal circles whatever their names.
	p := newPlan(g, Options{Size: strength(g), SizeBy: "strength"}, false)
	s := strength(g)
	for _, a := range p.order {
		for _, b := range p.order {
			if s[a] == s[b] && p.diameter[a] != p.diameter[b] {
				t.Fatalf("%s and %s: strength %v, diameters %v and %v", a, b, s[a], p.diameter[a], p.diameter[b])
			}
		}
	}
	// Same graph, same bytes: DOT and the drawing (names moved, picture
	// grown) alike.
	if again := string(DOT(g, Options{Size: strength(g), SizeBy: "strength"})); again != dot {
		t.Error("big-map DOT is not deterministic")
	}
	if a, b := renderSVG2(t, []byte(dot)), renderSVG2(t, []byte(dot)); string(a) != string(b) {
		t.Error("big-map SVG is not deterministic")
	}
	// Equal weights: no w keeps fewer, so all are drawn and the legend
	// says nothing about lines.
	flat := genGraph(60, 4, 1)
	for i := range flat.Edges {
		flat.Edges[i].Weight = 2
	}
	if f := string(DOT(flat, Options{})); strings.Contains(f, "style=invis") || strings.Contains(f, "lines: ") {
		t.Error("equal weights: edges thinned or a thinning note")
	}
	// A small map keeps names inside and draws every edge.
	small := string(DOT(castGraph(), Options{}))
	if strings.Contains(small, "xlabel") || strings.Contains(small, "invis") || strings.Contains(small, "ortho") {
		t.Error("a 4-character map uses big-map defaults")
	}
}

// TestNamesUnderCircles renders a big map and checks that every name is
// centred under its own circle, lifted into the node-names group, and
// inside the picture's background.
func TestNamesUnderCircles(t *testing.T) {
	g := genGraph(60, 3, 2)
	// A name with markup, quotes, an ampersand and a backslash escape,
	// on the most prominent character, so it is named.
	g.Nodes[0].Name = `<i>Jörg</i> & "Q" \G`
	size := strength(g)
	size[g.Nodes[0].ID] = 1e6
	svg := string(renderSVG2(t, DOT(g, Options{Size: size, SizeBy: "strength"})))
	doc := parseSVG(t, []byte(svg)) // well-formed XML
	if !slices.Contains(doc.texts, "<i>Jörg</i>") || !slices.Contains(doc.texts, `& "Q" \G`) {
		t.Errorf("the hostile name is not drawn as typed (two lines); texts: %q", doc.texts[:8])
	}
	// Names sit beside their own circles, over no other circle or name
	// (see place_test.go); some may be left out for want of room.
	geo := checkPlacement(t, "gen 60", []byte(svg))
	if len(geo.names) > autoLabels || len(geo.names) < autoLabels*3/4 {
		t.Errorf("%d names drawn, want at most %d and at least %d", len(geo.names), autoLabels, autoLabels*3/4)
	}
	if i, j := strings.Index(svg, `<g id="node-names"`), strings.LastIndex(svg, `class="node outside"`); i < j {
		t.Error("names are not drawn after every circle")
	}
}

func TestOutsideFont(t *testing.T) {
	// k = √n/6 within [1, 2]; size from 11·k (smallest circle) to
	// 16.5·k (largest), in half points.
	for _, c := range []struct {
		d    float64
		n    int
		want float64
	}{
		{minDotDiameter, 10, 11}, {maxDiameter, 10, 16.5},
		{minDotDiameter, 81, 16.5}, {maxDiameter, 81, 25},
		{minDotDiameter, 400, 22}, {maxDiameter, 400, 33},
	} {
		if got := outsideFont(c.d, minDotDiameter, c.n); got != c.want {
			t.Errorf("outsideFont(%v, n %d) = %v, want %v", c.d, c.n, got, c.want)
		}
	}
}

// TestRefit checks that refit sets the background, size, viewBox and
// origin to a box: here 10 pt wider on the left, 6 on the right, 20 lower
// at the bottom and cut by 30 at the top, whole points in size.
func TestRefit(t *testing.T) {
	svg := []byte(`<svg width="208pt" height="108pt"
 viewBox="0.00 0.00 208.00 108.00" xmlns="http://www.w3.org/2000/svg">
<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 104)">
<polygon fill="white" stroke="none" points="-4,4 -4,-100 200,-100 200,4 -4,4"/>
</g>
</svg>
`)
	got := string(refit(svg, rect{-14, -70, 205.5, 24}))
	for _, want := range []string{`<svg width="220pt" height="94pt"`, `viewBox="0.00 0.00 220 94"`,
		`translate(14 70)`, `points="-14,24 -14,-70 206,-70 206,24 -14,24"`} {
		if !strings.Contains(got, want) {
			t.Errorf("refitted SVG lacks %s:\n%s", want, got)
		}
	}
}
