package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/diff"
)

// diffPair is castGraph (e01) and a follow-up: friedrich leaves, hannah
// arrives, kathrin–lukas drops from 6 to 1, achim–kathrin stays at 4.
func diffPair(t *testing.T) (a, b *graph.Graph, d *diff.Result) {
	t.Helper()
	a = castGraph()
	b = &graph.Graph{
		Episode: graph.Episode{ID: "e02", Title: "Nachsorge", Unit: "sentence"},
		Nodes: []graph.Node{{ID: "achim", Name: "Dr. Achim Kreutzer"}, {ID: "hannah", Name: "Dr. Hannah Winter"},
			{ID: "kathrin", Name: "Dr. Kathrin Globisch"}, {ID: "lukas", Name: "Lukas"}},
		Edges: []graph.Edge{
			{Source: "achim", Target: "kathrin", Weight: 4, Relation: "enge Freunde"},
			{Source: "kathrin", Target: "lukas", Weight: 1, Relation: "Mutter/Sohn"},
			{Source: "hannah", Target: "lukas", Weight: 3, Evidence: []graph.Evidence{{Unit: 2, Text: "Hannah untersucht Lukas."}}},
		},
	}
	b.Canonicalize()
	d, err := diff.Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	return a, b, d
}

func TestDiffDOT(t *testing.T) {
	a, b, d := diffPair(t)
	dot := string(DiffDOT(a, b, d, DiffOptions{}))
	line := func(prefix string) string {
		for _, l := range strings.Split(dot, "\n") {
			if strings.HasPrefix(l, "\t"+prefix) {
				return l
			}
		}
		t.Fatalf("no line %s in\n%s", prefix, dot)
		return ""
	}
	for _, c := range []struct{ prefix, want string }{
		{`"hannah" [`, `class="added outside"`},
		{`"hannah" [`, `color="` + addedColour + `"`},
		{`"friedrich" [`, `class="removed outside"`},
		{`"friedrich" [`, `style="filled,dashed"`},
		{`"kathrin" [`, `class="kept outside"`},
		{`"hannah" -- "lukas" [`, `class="added", color="` + addedColour + `"`},
		{`"hannah" -- "lukas" [`, `<td><font color="` + addedColour + `">+3</font></td>`},
		{`"friedrich" -- "lukas" [`, `class="removed", color="` + removedColour + `", style=dashed`},
		{`"friedrich" -- "lukas" [`, `>−3</font>`},
		{`"kathrin" -- "lukas" [`, `class="changed", color="` + changedColour + `"`},
		{`"kathrin" -- "lukas" [`, `<font color="` + removedColour + `">−5</font>`},
		{`"kathrin" -- "lukas" [`, `weight 6 → 1 (changed)`},
		{`"achim" -- "kathrin" [`, `class="unchanged", color="` + unchangedColour + `"`},
		{`"achim" -- "lukas" [`, `class="removed"`},
	} {
		if l := line(c.prefix); !strings.Contains(l, c.want) {
			t.Errorf("%s lacks %s:\n%s", c.prefix, c.want, l)
		}
	}
	if l := line(`"achim" -- "kathrin" [`); strings.Contains(l, "label=") {
		t.Errorf("unchanged edge is labelled: %s", l)
	}
	// The legend counts each kind.
	for _, want := range []string{"added in e02: 1 character, 1 interaction (+weight)",
		"removed, dashed: 1 character, 3 interactions (−weight)",
		"weight changed: 1 interaction (+k / −k)", "in both: 3 characters; unchanged: 1 interaction",
		"Lukas sucht seinen Vater → Nachsorge"} {
		if !strings.Contains(dot, want) {
			t.Errorf("legend lacks %q", want)
		}
	}
	if !bytes.Equal(DiffDOT(a, b, d, DiffOptions{}), []byte(dot)) {
		t.Error("DiffDOT is not deterministic")
	}
	// It draws.
	svg := renderSVG2(t, []byte(dot))
	p := parseSVG(t, svg)
	if p.class[NodeID("hannah")] != "node added outside" || p.class[EdgeID("friedrich", "lukas")] != "edge removed" {
		t.Errorf("classes: hannah %q, friedrich–lukas %q", p.class[NodeID("hannah")], p.class[EdgeID("friedrich", "lukas")])
	}
	var page bytes.Buffer
	if err := DiffHTML(t.Context(), a, b, d, DiffOptions{}, &page); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"measures":["rank_a","rank_b","strength_a","strength_b"]`, `"id":"friedrich"`, "Hannah untersucht Lukas."} {
		if !strings.Contains(page.String(), want) {
			t.Errorf("diff page lacks %s", want)
		}
	}
}

func renderSVG2(t *testing.T, dot []byte) []byte {
	t.Helper()
	svg, err := SVG(t.Context(), dot)
	if err != nil {
		t.Fatal(err)
	}
	return svg
}

// TestDiffMapSizeIsStrength checks that a diff map's circles show what
// its legend says, strength, and not the length of a name: two characters
// of equal strength get equal circles however long their names, and the
// names (with the rank change) are set beside the circles as xlabels.
func TestDiffMapSizeIsStrength(t *testing.T) {
	long := "Dr. Maximiliane von Hohenzollern-Sigmaringen"
	mk := func(id string, w float64) *graph.Graph {
		g := &graph.Graph{Episode: graph.Episode{ID: id, Unit: "sentence"},
			Nodes: []graph.Node{{ID: "hub", Name: "Hub"}, {ID: "jo", Name: "Jo"}, {ID: "max", Name: long}, {ID: "ann", Name: "Ann"}},
			Edges: []graph.Edge{{Source: "hub", Target: "jo", Weight: 2}, {Source: "hub", Target: "max", Weight: 2},
				{Source: "ann", Target: "hub", Weight: w}}}
		g.Canonicalize()
		return g
	}
	a, b := mk("a", 1), mk("b", 9)
	d, err := diff.Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	dot := string(DiffDOT(a, b, d, DiffOptions{}))
	width := func(id string) string {
		for _, l := range strings.Split(dot, "\n") {
			if strings.HasPrefix(l, "\t\""+id+"\" [") {
				_, rest, _ := strings.Cut(l, " width=")
				w, _, _ := strings.Cut(rest, ",")
				if !strings.Contains(l, `label=" ", xlabel=`) {
					t.Errorf("%s: name not set beside the circle: %s", id, l)
				}
				return w
			}
		}
		t.Fatalf("no node %s in\n%s", id, dot)
		return ""
	}
	// jo and max: strength 2 in both graphs.
	if wj, wm := width("jo"), width("max"); wj != wm {
		t.Errorf("equal strength, different circles: jo %s in, max (long name) %s in", wj, wm)
	}
	// ann grows from 1 to 9: the largest strength after hub's 13.
	if wa, wj := width("ann"), width("jo"); !(wa > wj) {
		t.Errorf("ann (strength 9) circle %s in is not larger than jo's (strength 2) %s in", wa, wj)
	}
	// In the drawing too: the circles of jo and max have the same radius,
	// and max's name is there, outside.
	svg := string(renderSVG2(t, []byte(dot)))
	rx := func(id string) string {
		_, rest, ok := strings.Cut(svg, `<g id="`+strings.ReplaceAll(NodeID(id), "-", "&#45;")+`"`)
		if !ok {
			t.Fatalf("no node group %s", id)
		}
		_, rest, _ = strings.Cut(rest, ` rx="`)
		r, _, _ := strings.Cut(rest, `"`)
		return r
	}
	if rj, rm := rx("jo"), rx("max"); rj != rm {
		t.Errorf("SVG radii differ: jo %s, max %s", rj, rm)
	}
	if !strings.Contains(svg, "Hohenzollern") {
		t.Error("the long name is not drawn")
	}
}
