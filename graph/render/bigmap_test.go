package render

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
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
	num := func(s string) float64 {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	ellipse := regexp.MustCompile(`(?s)<g id="(node[^"]*)" class="node outside">.*?<ellipse [^>]*cx="([-0-9.]+)" cy="([-0-9.]+)" rx="[0-9.]+" ry="([0-9.]+)"`)
	name := regexp.MustCompile(`(?s)<g id="name-(node[^"]*)" class="node-name">\n<text [^>]*x="([-0-9.]+)" y="([-0-9.]+)"`)
	bg := regexp.MustCompile(`<polygon fill="white" stroke="none" points="[-0-9.]+,([-0-9.]+) `).FindStringSubmatch(svg)
	if bg == nil {
		t.Fatal("no background polygon")
	}
	bottom := num(bg[1])
	circles := map[string][3]float64{}
	for _, m := range ellipse.FindAllStringSubmatch(svg, -1) {
		circles[m[1]] = [3]float64{num(m[2]), num(m[3]), num(m[4])}
	}
	names := name.FindAllStringSubmatch(svg, -1)
	if len(names) != autoLabels || len(circles) != autoLabels {
		t.Fatalf("%d lifted names and %d outside circles, want %d", len(names), len(circles), autoLabels)
	}
	for _, m := range names {
		c, ok := circles[m[1]]
		x, y := num(m[2]), num(m[3])
		if !ok || x != c[0] || y <= c[1]+c[2] || y > c[1]+c[2]+40 || y > bottom {
			t.Errorf("%s: name at (%v, %v), circle at (%v, %v) r %v, picture bottom %v", m[1], x, y, c[0], c[1], c[2], bottom)
		}
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

// TestGrowForNames checks that the picture grows to hold names moved past
// its background: 6 pt on the left, 10 on the right, 16 at the bottom.
func TestGrowForNames(t *testing.T) {
	svg := []byte(`<svg width="208pt" height="108pt"
 viewBox="0.00 0.00 208.00 108.00" xmlns="http://www.w3.org/2000/svg">
<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 104)">
<polygon fill="white" stroke="none" points="-4,4 -4,-100 200,-100 200,4 -4,4"/>
</g>
</svg>
`)
	e := extent{set: true, minX: -10, maxX: 210, maxY: 20}
	got := string(e.grow(svg))
	for _, want := range []string{`<svg width="224pt" height="124pt"`, `viewBox="0.00 0.00 224 124"`,
		`translate(10 104)`, `points="-10,20 -10,-100 210,-100 210,20 -10,20"`} {
		if !strings.Contains(got, want) {
			t.Errorf("grown SVG lacks %s:\n%s", want, got)
		}
	}
	// Names inside the background change nothing.
	in := extent{set: true, minX: 0, maxX: 100, maxY: 0}
	if string(in.grow(svg)) != string(svg) {
		t.Error("grow changed an SVG whose names fit")
	}
}
