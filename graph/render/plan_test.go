package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

func TestEdgeID(t *testing.T) {
	for _, c := range []struct{ s, t, want string }{
		{"achim", "kathrin", "edge-achim--kathrin"},
		{"a-b", "c", "edge-a-b--c"},
		{"a--b", "c", "edge-a%2D%2Db--c"},
		{"a", "b--c", "edge-a--b%2D%2Dc"},
		{"-a", "b-", "edge-%2Da--b%2D"},
		{"50%", "x", "edge-50%25--x"},
		{`back\slash`, "ü", `edge-back\slash--ü`},
	} {
		if got := EdgeID(c.s, c.t); got != c.want {
			t.Errorf("EdgeID(%q, %q) = %q, want %q", c.s, c.t, got, c.want)
		}
	}
	// No two pairs of a set of awkward ids share an id.
	ids := []string{"a", "b", "c", "a-", "-b", "a--b", "b--c", "a-b", "b-c", "%2D", "-", "--", "%"}
	seen := map[string][2]string{}
	for _, s := range ids {
		for _, u := range ids {
			id := EdgeID(s, u)
			if p, dup := seen[id]; dup {
				t.Errorf("EdgeID(%q, %q) = EdgeID(%q, %q) = %q", s, u, p[0], p[1], id)
			}
			seen[id] = [2]string{s, u}
		}
	}
}

func TestPrune(t *testing.T) {
	g := castGraph() // strengths: kathrin 11, lukas 11, achim 6, friedrich 4
	s := strength(g)
	top := string(DOT(g, Options{Size: s, SizeBy: "strength", Top: 2}))
	for _, want := range []string{`"kathrin" [`, `"lukas" [`, `"kathrin" -- "lukas"`, "showing 2 of 4 characters and 1 of 5 interactions (the 2 with the highest strength)"} {
		if !strings.Contains(top, want) {
			t.Errorf("Top 2: DOT lacks %s", want)
		}
	}
	for _, not := range []string{`"achim" [`, `"friedrich" [`} {
		if strings.Contains(top, not) {
			t.Errorf("Top 2: DOT has %s", not)
		}
	}
	// Weights: achim–kathrin 4, kathrin–lukas 6, achim–lukas 2,
	// friedrich–lukas 3, friedrich–kathrin 1. MinWeight 3 keeps three
	// edges; nobody is left alone.
	mw := string(DOT(g, Options{MinWeight: 3}))
	if n := strings.Count(mw, " -- "); n != 3 {
		t.Errorf("MinWeight 3: %d edges, want 3", n)
	}
	// MinWeight 5 leaves only kathrin–lukas: achim and friedrich go.
	p := newPlan(g, Options{MinWeight: 5}, false)
	if len(p.g.Nodes) != 2 || len(p.g.Edges) != 1 || !strings.Contains(p.pruneNote, "interactions of weight ≥ 5") {
		t.Errorf("MinWeight 5: %d nodes, %d edges, note %q", len(p.g.Nodes), len(p.g.Edges), p.pruneNote)
	}
	// smallGraph: "ömer & co" has no interaction at all, back\slash only
	// one of weight 1. MinWeight 2 drops both (no tie of weight ≥ 2; see
	// prune); without MinWeight the loner stays, and Top keeps it when
	// it is among the top.
	small := newPlan(smallGraph(), Options{MinWeight: 2}, false)
	if slicesHasNode(small.g, "ömer & co") || slicesHasNode(small.g, `back\slash`) || len(small.g.Nodes) != 3 {
		t.Errorf("MinWeight 2 on smallGraph kept %v", small.g.Nodes)
	}
	if all := newPlan(smallGraph(), Options{}, false); !slicesHasNode(all.g, "ömer & co") {
		t.Error("without MinWeight the loner ömer & co was dropped")
	}
	if top := newPlan(smallGraph(), Options{Top: 5, Labels: -1}, false); !slicesHasNode(top.g, "ömer & co") {
		t.Error("Top 5 of 5 dropped the loner ömer & co")
	}
	// The input is not changed.
	if len(g.Nodes) != 4 || len(g.Edges) != 5 {
		t.Error("pruning changed the input graph")
	}
}

func slicesHasNode(g *graph.Graph, id string) bool {
	for _, n := range g.Nodes {
		if n.ID == id {
			return true
		}
	}
	return false
}

func TestLabelsAndLayout(t *testing.T) {
	g := genGraph(60, 2, 3)
	s := strength(g)
	count := func(p *plan) int { return countTrue(p.named) }
	if p := newPlan(g, Options{Size: s}, false); count(p) != autoLabels {
		t.Errorf("60 characters: %d named, want %d", count(p), autoLabels)
	}
	if p := newPlan(g, Options{Size: s, Labels: -1}, false); count(p) != 60 {
		t.Errorf("Labels -1: %d named, want 60", count(p))
	}
	p := newPlan(g, Options{Size: s, Labels: 5}, false)
	if count(p) != 5 {
		t.Errorf("Labels 5: %d named", count(p))
	}
	// The named are the five of highest strength.
	for _, id := range p.order[:5] {
		if !p.named[id] {
			t.Errorf("%s (strength %v) is among the top 5 but unnamed", id, s[id])
		}
	}
	dot := string(DOT(g, Options{Size: s, SizeBy: "strength", Labels: 5}))
	if !strings.Contains(dot, "names shown for the 5 characters with the highest strength") {
		t.Error("legend does not say that only some characters are named")
	}
	if !strings.Contains(dot, `label=" "`) {
		t.Error("unnamed characters have a label")
	}
	// Layout: neato, sfdp above 300 characters, or as asked.
	if p := newPlan(genGraph(300, 1, 1), Options{}, false); p.layout != "neato" {
		t.Errorf("300 characters: layout %s", p.layout)
	}
	if p := newPlan(genGraph(301, 1, 1), Options{}, false); p.layout != "sfdp" {
		t.Errorf("301 characters: layout %s, want sfdp", p.layout)
	}
	if p := newPlan(genGraph(301, 1, 1), Options{Layout: "fdp"}, false); p.layout != "fdp" {
		t.Errorf("Layout fdp: %s", p.layout)
	}
	if p := newPlan(genGraph(400, 1, 1), Options{Top: 100}, false); p.layout != "neato" {
		t.Errorf("400 characters pruned to 100: layout %s, want neato", p.layout)
	}
}

// TestEscapingThroughGraphviz: text with Graphviz escapes (\G, \N, \E,
// \L), quotes, backslashes, '<' and '&' is drawn as typed in titles,
// names, edge labels, tooltips and node <title>s.
func TestEscapingThroughGraphviz(t *testing.T) {
	g := &graph.Graph{
		Episode: graph.Episode{ID: `ep\N`, Title: `Folge \G: <b>"Ärger"</b> & \\ \E`},
		Nodes: []graph.Node{
			{ID: `q"x\`, Name: `Anna \N "A" <i>`},
			{ID: `a\"b`, Name: `B\L & &amp;`},
		},
		Edges: []graph.Edge{{Source: `a\"b`, Target: `q"x\`, Weight: 2, Relation: `\T <&> \\`,
			Evidence: []graph.Evidence{{Unit: 1, Text: `Er sagt \G und "\N".`}}}},
	}
	g.Canonicalize()
	svg := renderSVG(t, g, Options{})
	d := parseSVG(t, svg)
	texts := strings.Join(d.texts, "\n")
	for _, want := range []string{`Folge \G: <b>"Ärger"</b> & \\ \E`, "Anna \\N\n\"A\" <i>", "B\\L &\n&amp;", `\T <&> \\`, `episode ep\N`} {
		if !strings.Contains(texts, want) {
			t.Errorf("SVG text lacks %q; texts:\n%s", want, texts)
		}
	}
	tips := strings.Join(d.hrefs, "\n")
	for _, want := range []string{`Anna \N "A" <i>`, `B\L & &amp; – Anna \N "A" <i>: weight 2`, `Er sagt \G und "\N".`} {
		if !strings.Contains(tips, want) {
			t.Errorf("tooltips lack %q; tooltips:\n%s", want, tips)
		}
	}
	for _, id := range []string{NodeID(`q"x\`), NodeID(`a\"b`), EdgeID(`a\"b`, `q"x\`)} {
		if d.class[id] == "" {
			t.Errorf("no element with id %q; ids: %v", id, d.class)
		}
	}
	titles := strings.Join(d.titles, "\n")
	for _, want := range []string{`q"x\`, `a\"b`} {
		if !strings.Contains(titles+"\n", "\n"+want+"\n") && !strings.HasPrefix(titles, want+"\n") {
			t.Errorf("no node <title> %q; titles:\n%s", want, titles)
		}
	}
	if strings.Contains(string(svg), placeholder) {
		t.Error("a backslash placeholder is left in the SVG")
	}
}

func TestProtectBackslashes(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`label="a\\b"`, "label=\"a" + placeholder + "b\""},
		{`label=<a&#92;G>`, "label=<a" + placeholder + "G>"},
		{`"x\\\"y"`, "\"x" + placeholder + "\\\"y\""},
		{`"\n\N"`, `"\n\N"`},
		{"keep " + placeholder, "keep \uFFFD"},
	} {
		if got := string(protectBackslashes([]byte(c.in))); got != c.want {
			t.Errorf("protectBackslashes(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	s := fmt.Sprint(string(fixSVG([]byte("<svg><text>a" + placeholder + "b</text>\n</svg>"))))
	if s != `<svg><text>a\b</text>`+"\n</svg>" {
		t.Errorf("fixSVG: %q", s)
	}
}
