package render

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// smallMeasures is a measures table for smallGraph as relgraph render
// passes it (Options.Measures). The values are test input, not computed:
// nodeTooltip only formats them (quantity: integers bare, others to four
// significant digits); NaN shows as "–".
func smallMeasures() Table {
	return Table{By: "strength", Measures: []string{"degree", "strength", "betweenness"}, Rows: []TableRow{
		{Rank: 1, ID: "jürgen", Values: []float64{2, 6, 0.6666666}},
		{Rank: 2, ID: "achim", Values: []float64{1, 4, 0}},
		{Rank: 3, ID: "lukas", Values: []float64{2, 3, 0.5}},
		{Rank: 4, ID: "back\\slash", Values: []float64{1, 1, nan()}},
		{Rank: 5, ID: "ömer & co", Values: []float64{0, 0, 0}},
	}}
}

func nan() float64 { var z float64; return z / z }

// tooltipOf returns the tooltip attribute of node id in dot, unquoted
// only as far as DOT's escString ("\n" stays as written).
func tooltipOf(t *testing.T, dot []byte, id string) string {
	t.Helper()
	re := regexp.MustCompile(`(?m)^\t` + regexp.QuoteMeta(quoteID(id)) + ` \[.*, tooltip="((?:[^"\\]|\\.)*)"\];$`)
	m := re.FindSubmatch(dot)
	if m == nil {
		t.Fatalf("no node %s with a tooltip in\n%s", id, dot)
	}
	return string(m[1])
}

// TestNodeTooltip: a node's tooltip gives its rank and every measure of
// Options.Measures and its community; "mentions" only when the graph has
// mention counts (Les Misérables, the asoiaf CSVs and node-link files such
// as Star Wars have none: a "mentions: 0" there was false).
func TestNodeTooltip(t *testing.T) {
	noMentions := smallGraph()
	for i := range noMentions.Nodes {
		noMentions.Nodes[i].Mentions = 0
	}
	comm := map[string]int{"jürgen": 2, "achim": 2, "lukas": 1}
	for _, c := range []struct {
		name string
		g    *graph.Graph
		opt  Options
		id   string
		want string
	}{
		{"measures, mentions and community", smallGraph(),
			Options{Size: smallSize, SizeBy: "strength", Measures: smallMeasures(), Communities: comm, ColorBy: ColorCommunity},
			"jürgen", `Jürgen Weiß\nrank 1 of 5 by strength\nmentions: 3\ndegree: 2\nstrength: 6\nbetweenness: 0.6667\ncommunity: 2`},
		{"no mention data: no mentions line", noMentions,
			Options{Size: smallSize, SizeBy: "strength", Measures: smallMeasures(), Communities: comm, ColorBy: ColorCommunity},
			"lukas", `Lukas \"der Kleine\"\nrank 3 of 5 by strength\ndegree: 2\nstrength: 3\nbetweenness: 0.5\ncommunity: 1`},
		{"non-finite measure, no community", noMentions,
			Options{Size: smallSize, SizeBy: "strength", Measures: smallMeasures()},
			"back\\slash", `C:\\Users\\Jürgen\\\nrank 4 of 5 by strength\ndegree: 1\nstrength: 1\nbetweenness: –`},
		{"without Measures: the size measure", smallGraph(), Options{Size: smallSize, SizeBy: "pagerank"},
			"achim", `Dr. Achim Kreutzer\nmentions: 5\npagerank: 4`},
		{"without Measures or mentions: the name", noMentions, Options{},
			"achim", `Dr. Achim Kreutzer`},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := tooltipOf(t, DOT(c.g, c.opt), c.id); got != c.want {
				t.Errorf("tooltip of %s:\n got %s\nwant %s", c.id, got, c.want)
			}
		})
	}
}

// TestNodeTooltipInSVG: the measures reach the SVG's tooltips (xlink:title)
// through Graphviz.
func TestNodeTooltipInSVG(t *testing.T) {
	g := smallGraph()
	d := parseSVG(t, renderSVG(t, g, Options{Size: smallSize, SizeBy: "strength", Measures: smallMeasures()}))
	want := "Jürgen Weiß\nrank 1 of 5 by strength\nmentions: 3\ndegree: 2\nstrength: 6\nbetweenness: 0.6667"
	for _, h := range d.hrefs {
		if h == want {
			return
		}
	}
	t.Errorf("no tooltip %q; tooltips:\n%s", want, strings.Join(d.hrefs, "\n--\n"))
}

// TestNodeID: node ids follow the rule of EdgeID's parts (README, "Ids
// and tooltips"): a '-' at either end of an id or next to another '-' is
// written %2D, '%' as %25.
func TestNodeID(t *testing.T) {
	for _, c := range []struct{ id, want string }{
		{"e", "node-e"},
		{"-e", "node-%2De"},
		{"e-", "node-e%2D"},
		{"a-b", "node-a-b"},
		{"a--b", "node-a%2D%2Db"},
		{"-", "node-%2D"},
		{"50%", "node-50%25"},
		{"%2D", "node-%252D"},
		{"jürgen", "node-jürgen"},
	} {
		if got := NodeID(c.id); got != c.want {
			t.Errorf("NodeID(%q) = %q, want %q", c.id, got, c.want)
		}
	}
	// Through Graphviz: ids "-e", "e-" and "e" give three distinct elements.
	g := &graph.Graph{Episode: graph.Episode{ID: "ids"},
		Nodes: []graph.Node{{ID: "-e"}, {ID: "e"}, {ID: "e-"}},
		Edges: []graph.Edge{{Source: "-e", Target: "e-", Weight: 1}, {Source: "e", Target: "e-", Weight: 2}}}
	g.Canonicalize()
	d := parseSVG(t, renderSVG(t, g, Options{}))
	for _, id := range []string{"node-%2De", "node-e%2D", "node-e", "edge-%2De--e%2D", "edge-e--e%2D"} {
		if _, ok := d.class[id]; !ok {
			t.Errorf("no element with id %q; ids: %v", id, d.class)
		}
	}
	for id := range d.class {
		if strings.HasPrefix(id, "node--") || strings.HasSuffix(id, "-") {
			t.Errorf("element id %q has an unescaped '-' at an end of the character id", id)
		}
	}
}

// TestLegendPlural: one named character is "1 character".
func TestLegendPlural(t *testing.T) {
	dot := string(DOT(smallGraph(), Options{Labels: 1}))
	if !strings.Contains(dot, "names shown for the 1 character with the highest strength") {
		t.Errorf("legend lacks the singular; DOT:\n%s", dot)
	}
	if dot := string(DOT(smallGraph(), Options{Labels: 2})); !strings.Contains(dot, "names shown for the 2 characters with") {
		t.Errorf("legend lacks the plural; DOT:\n%s", dot)
	}
}

// pageJSON returns the data of an HTML page.
func pageJSON(t *testing.T, page []byte) pageData {
	t.Helper()
	m := regexp.MustCompile(`<script type="application/json" id="relgraph-data">(.*)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatal("page has no data script")
	}
	var d pageData
	if err := json.Unmarshal(m[1], &d); err != nil {
		t.Fatalf("page data: %v", err)
	}
	return d
}

// TestHTMLPageMeasures: the page's data carries mentions only when the
// graph has them, communities (1 and up, as graph/community numbers them;
// 0 too) and every measure of the table.
func TestHTMLPageMeasures(t *testing.T) {
	comm := map[string]int{"jürgen": 0, "achim": 2}
	opt := Options{Size: smallSize, SizeBy: "strength", Communities: comm, ColorBy: ColorCommunity}
	d := pageJSON(t, writeHTML(t, smallGraph(), opt, smallMeasures()))
	byID := map[string]pageNode{}
	for _, n := range d.Nodes {
		byID[n.ID] = n
	}
	j := byID["jürgen"]
	if j.Mentions == nil || *j.Mentions != 3 || j.Community == nil || *j.Community != 0 || j.Rank != 1 {
		t.Errorf("jürgen: mentions %v, community %v, rank %d; want 3, 0, 1", j.Mentions, j.Community, j.Rank)
	}
	if l := byID["lukas"]; l.Community != nil {
		t.Errorf("lukas has community %d, want none", *l.Community)
	}
	if got := strings.Join(d.Measures, ","); got != "degree,strength,betweenness" {
		t.Errorf("measures %s", got)
	}

	g := smallGraph()
	for i := range g.Nodes {
		g.Nodes[i].Mentions = 0
	}
	page := writeHTML(t, g, Options{Size: smallSize, SizeBy: "strength"}, smallMeasures())
	if strings.Contains(string(pageDataText(t, page)), `"mentions"`) {
		t.Error("a graph without mention counts has mentions in the page data")
	}
}

func pageDataText(t *testing.T, page []byte) []byte {
	t.Helper()
	m := regexp.MustCompile(`<script type="application/json" id="relgraph-data">(.*)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatal("page has no data script")
	}
	return m[1]
}
