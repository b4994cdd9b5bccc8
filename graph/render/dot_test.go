package render

import (
	"bytes"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenCases are the DOT golden files under testdata/.
var goldenCases = []struct {
	name string
	g    func() *graph.Graph
	opt  Options
}{
	{"small", smallGraph, Options{Size: smallSize, SizeBy: "strength"}},
	{"small-weight", smallGraph, Options{EdgeLabels: EdgeLabelsWeight, Title: "Eigener Titel", Seed: 7}},
	{"cast", castGraph, Options{Size: strength(castGraph()), SizeBy: "strength"}},
	{"empty", func() *graph.Graph { return &graph.Graph{} }, Options{}},
	{"empty-episode", func() *graph.Graph {
		return &graph.Graph{Episode: graph.Episode{ID: "e02", Unit: "window:15"}}
	}, Options{EdgeLabels: EdgeLabelsNone, Layout: "fdp"}},
}

func TestDOTGolden(t *testing.T) {
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			got := DOT(c.g(), c.opt)
			path := filepath.Join("testdata", c.name+".dot")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("DOT differs from %s (go test -update rewrites it):\n%s", path, lineDiff(string(want), string(got)))
			}
		})
	}
}

// lineDiff reports the first line where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n- " + wl + "\n+ " + gl
		}
	}
	return "(no line differs)"
}

func TestDOTDeterministic(t *testing.T) {
	for _, c := range goldenCases {
		a := DOT(c.g(), c.opt)
		b := DOT(c.g(), c.opt)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two calls gave different DOT", c.name)
		}
	}
	g := genGraph(60, 3, 1)
	opt := Options{Size: strength(g), SizeBy: "strength"}
	if !bytes.Equal(DOT(g, opt), DOT(g, opt)) {
		t.Error("generated graph: two calls gave different DOT")
	}
}

func TestDOTStructure(t *testing.T) {
	g := smallGraph()
	dot := string(DOT(g, Options{Size: smallSize, SizeBy: "strength"}))
	for _, want := range []string{
		"graph \"e01\" {\n",
		`layout="neato", start=1, overlap=false`,
		`splines=true`,
		`outputorder=edgesfirst`,
		`charset="UTF-8"`,
		`"jürgen" [id="node-jürgen", label="Jürgen\nWeiß"`,
		// An id with a backslash: written \\ everywhere (Render turns it into
		// a placeholder that Graphviz leaves alone, then back).
		`"back\\slash" [id="node-back\\slash", label="C:\\Users\\Jürgen\\"`,
		`"lukas" [id="node-lukas", label="Lukas \"der\nKleine\""`,
		`label="Ömer\n&amp;auml; Co"`,
		`"achim" -- "jürgen" [id="edge-achim--jürgen", penwidth=8,`,
		`"back\\slash" -- "lukas" [id="edge-back\\slash--lukas", penwidth=1,`,
		// The first three evidence sentences (here both kept), then the
		// count of the other units (4 units − 2 shown).
		`tooltip="Dr. Achim Kreutzer – Jürgen Weiß: weight 4\nAchim und Jürgen trinken Kaffee, bevor \"die Schicht\" beginnt.\nJürgen ruft Achim an.\n(+2 more)"`,
		`tooltip="Jürgen Weiß\nmentions: 3\nstrength: 6"`,
		`<td>enge Freunde</td>`,
		`<td>Onkel&#92;Neffe</td>`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %s\n%s", want, dot)
		}
	}
	// The edge without a relation has no label.
	for _, line := range strings.Split(dot, "\n") {
		if strings.Contains(line, `"back\\slash" -- "lukas"`) && strings.Contains(line, "label=") {
			t.Errorf("edge without relation has a label: %s", line)
		}
	}
	if strings.Count(dot, "{") != strings.Count(dot, "}") {
		t.Errorf("unbalanced braces:\n%s", dot)
	}
}

func TestDOTEdgeLabels(t *testing.T) {
	g := smallGraph()
	for _, c := range []struct {
		mode string
		want []string
		not  []string
	}{
		{"", []string{"<td>enge Freunde</td>"}, []string{"<td>4</td>"}},
		{EdgeLabelsRelation, []string{"<td>enge Freunde</td>"}, []string{"<td>4</td>"}},
		{EdgeLabelsWeight, []string{"<td>4</td>", "<td>1</td>", "<td>2</td>", "edge labels: interactions"}, []string{"enge Freunde</td>"}},
		{EdgeLabelsNone, nil, []string{"<td>enge Freunde</td>", "<td>4</td>"}},
	} {
		dot := string(DOT(g, Options{EdgeLabels: c.mode}))
		for _, w := range c.want {
			if !strings.Contains(dot, w) {
				t.Errorf("EdgeLabels %q: DOT lacks %s", c.mode, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(dot, n) {
				t.Errorf("EdgeLabels %q: DOT has %s", c.mode, n)
			}
		}
	}
}

func TestDOTSizes(t *testing.T) {
	g := smallGraph()
	width := func(dot, id string) float64 {
		t.Helper()
		for _, line := range strings.Split(dot, "\n") {
			if strings.HasPrefix(line, "\t"+quoteID(id)+" [") {
				_, rest, _ := strings.Cut(line, "width=")
				w, _, _ := strings.Cut(rest, ",")
				v, err := strconv.ParseFloat(w, 64)
				if err != nil {
					t.Fatalf("node %s: width %q", id, w)
				}
				return v
			}
		}
		t.Fatalf("no node %s", id)
		return 0
	}
	dot := string(DOT(g, Options{Size: smallSize}))
	// jürgen has the largest strength (6): the largest circle.
	if w := width(dot, "jürgen"); w != maxDiameter {
		t.Errorf("largest node width %v, want %v", w, maxDiameter)
	}
	// ömer & co has the smallest (0): 0.7 in, or just as wide as its
	// two-line name needs (fitDiameter at the smallest font).
	want := max(minDiameter, fitDiameter(wrapName("Ömer &auml; Co"), fitFont(wrapName("Ömer &auml; Co"), minDiameter)))
	if w := width(dot, "ömer & co"); math.Abs(w-want) > 0.001 {
		t.Errorf("smallest node width %v, want %v", w, want)
	}
	// Circles grow with the square root of the measure: achim (4) lies
	// between, at 0.7 + 0.7·√4/√6 unless its name needs more.
	if w, want := width(dot, "achim"), minDiameter+(maxDiameter-minDiameter)*math.Sqrt(4)/math.Sqrt(6); math.Abs(w-want) > 0.001 {
		t.Errorf("achim width %v, want %v", w, want)
	}
	// A node missing from Size, or with a bad value, is drawn smallest.
	bad := map[string]float64{"achim": 4, "jürgen": 9, "lukas": math.NaN(), "back\\slash": -1}
	dot = string(DOT(g, Options{Size: bad}))
	for _, id := range []string{"lukas", `back\slash`} {
		ls := wrapName(map[string]string{"lukas": `Lukas "der Kleine"`, `back\slash`: `C:\Users\Jürgen\`}[id])
		want := max(minDiameter, fitDiameter(ls, fitFont(ls, minDiameter)))
		if w := width(dot, id); math.Abs(w-want) > 0.001 {
			t.Errorf("%s: width %v, want the smallest %v", id, w, want)
		}
	}
	// No Size: every node the same, unless a name needs more.
	dot = string(DOT(g, Options{}))
	if w := width(dot, "achim"); w != plainDiameter {
		t.Errorf("plain width %v, want %v", w, plainDiameter)
	}
	if strings.Contains(dot, "circle size") {
		t.Error("legend names a circle size without Options.Size")
	}
}

// TestFitDiameter: a named circle holds its name; names are set smaller
// rather than the circle grown, down to minNodeFontSize.
func TestFitDiameter(t *testing.T) {
	ls := []string{"Dr. Kathrin", "Globisch"}
	if fs := fitFont(ls, 2); fs != nodeFontSize {
		t.Errorf("fitFont in a 2 in circle = %v, want %v", fs, nodeFontSize)
	}
	d := fitDiameter(ls, nodeFontSize)
	// "Dr. Kathrin" in Helvetica, from Adobe's Helvetica AFM (widths per
	// 1000 em): D 722 + r 333 + . 278 + space 278 + K 667 + a 556 + t 278 +
	// h 556 + r 333 + i 222 + n 556 = 4779, so 52.569 pt at 11 pt;
	// Liberation Sans has the same advance widths. The block is that ×
	// 1.12 by 2 × 11 × 1.15 pt, plus 6 pt.
	if w := textWidth("Dr. Kathrin", 11, false); math.Abs(w-52.569) > 0.01 {
		t.Errorf("textWidth(Dr. Kathrin, 11) = %.3f pt, want 52.569", w)
	}
	want := (math.Hypot(textWidth("Dr. Kathrin", 11, false)*1.12, 2*11*1.15) + 6) / 72
	if math.Abs(d-want) > 1e-12 {
		t.Errorf("fitDiameter = %v, want %v", d, want)
	}
	if fs := fitFont(ls, d*0.8); fs >= nodeFontSize || fs < minNodeFontSize || fitDiameter(ls, fs) > d*0.8+1e-9 {
		t.Errorf("fitFont in a smaller circle = %v: want a smaller size that fits", fs)
	}
	if fs := fitFont(ls, 0.1); fs != minNodeFontSize {
		t.Errorf("fitFont in a tiny circle = %v, want the floor %v", fs, minNodeFontSize)
	}
}

func TestDOTSplines(t *testing.T) {
	for _, c := range []struct {
		g    *graph.Graph
		want string
	}{
		{castGraph(), "splines=true"},
		{genGraph(60, 3, 1), "splines=line"}, // more than maxSplineEdges edges
	} {
		if dot := string(DOT(c.g, Options{})); !strings.Contains(dot, c.want) {
			t.Errorf("%d edges: DOT lacks %s", len(c.g.Edges), c.want)
		}
	}
}

func TestDOTBadWeights(t *testing.T) {
	g := castGraph()
	g.Edges[0].Weight = math.NaN()
	g.Edges[1].Weight = -3
	g.Edges[2].Weight = math.Inf(1)
	dot := string(DOT(g, Options{}))
	if strings.Contains(dot, "penwidth=NaN") || strings.Contains(dot, "len=NaN") || strings.Contains(dot, "Inf,") {
		t.Errorf("invalid weights leak into attributes:\n%s", dot)
	}
}

func TestDOTDirected(t *testing.T) {
	g := castGraph()
	g.Directed = true
	dot := string(DOT(g, Options{}))
	if !strings.HasPrefix(dot, "digraph ") || !strings.Contains(dot, `"achim" -> "kathrin"`) || strings.Contains(dot, " -- ") {
		t.Errorf("directed graph not written as digraph:\n%s", dot)
	}
}

func TestDOTPanicsOnBadOptions(t *testing.T) {
	for _, opt := range []Options{{EdgeLabels: "names"}, {Layout: "spring"}} {
		if err := opt.Check(); err == nil {
			t.Errorf("Check(%+v) = nil, want an error", opt)
		}
		func() {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.HasPrefix(s, "render: ") {
					t.Errorf("DOT(%+v) panicked with %v, want a render: message", opt, r)
				}
			}()
			DOT(smallGraph(), opt)
		}()
	}
	if err := (Options{Layout: "fdp", EdgeLabels: EdgeLabelsNone}).Check(); err != nil {
		t.Errorf("Check of good options: %v", err)
	}
}

func TestQuote(t *testing.T) {
	for _, c := range []struct{ in, quote, quoteID string }{
		{"kathrin", `"kathrin"`, `"kathrin"`},
		{"Jürgen Weiß", `"Jürgen Weiß"`, `"Jürgen Weiß"`},
		{`say "hi"`, `"say \"hi\""`, `"say \"hi\""`},
		{`a\b`, `"a\\b"`, `"a\\b"`},
		{`ends\`, `"ends\\"`, `"ends\\"`},
		{`a\"b`, `"a\\\"b"`, `"a\\\"b"`},
		{`\N`, `"\\N"`, `"\\N"`},
		{"two\nlines\ttab", `"two lines tab"`, `"two lines tab"`},
		{"A & B &auml;", `"A &amp; B &amp;auml;"`, `"A & B &auml;"`},
		{"", `""`, `""`},
		{"bad\xffbyte", `"bad byte"`, `"bad byte"`},
	} {
		if got := quote(c.in); got != c.quote {
			t.Errorf("quote(%q) = %s, want %s", c.in, got, c.quote)
		}
		if got := quoteID(c.in); got != c.quoteID {
			t.Errorf("quoteID(%q) = %s, want %s", c.in, got, c.quoteID)
		}
	}
	if got, want := lines(`a\b`, `"c"`), `"a\\b\n\"c\""`; got != want {
		t.Errorf("lines = %s, want %s", got, want)
	}
	if got, want := htmlText("A <b> & \"c\"\n d"), "A &lt;b&gt; &amp; &#34;c&#34; d"; got != want {
		t.Errorf("htmlText = %s, want %s", got, want)
	}
}

func TestWrapName(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"Lukas", []string{"Lukas"}},
		{"Friedrich", []string{"Friedrich"}},
		{"Dr. Achim Kreutzer", []string{"Dr. Achim", "Kreutzer"}},
		{"Dr. Kathrin Globisch", []string{"Dr. Kathrin", "Globisch"}},
		{"Jürgen Weiß", []string{"Jürgen", "Weiß"}},
		{"Rumpelstilzchenhausen", []string{"Rumpelstilzchenhausen"}},
		{"Mme.Thenardier", []string{"Mme.", "Thenardier"}},
		{"Mlle.Gillenormand", []string{"Mlle.", "Gillenormand"}},
		{"A.B.", []string{"A.B."}},
		{"Lukas \"der Kleine\"", []string{"Lukas \"der", "Kleine\""}},
	} {
		got := wrapName(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrapName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestOneLine(t *testing.T) {
	if got := oneLine("a\n\tb  c", 100); got != "a b c" {
		t.Errorf("oneLine collapses space: got %q", got)
	}
	long := strings.Repeat("wort ", 100)
	got := oneLine(long, 30)
	if !strings.HasSuffix(got, "…") || len([]rune(got)) > 31 || strings.Contains(got, "wor…") {
		t.Errorf("oneLine(long, 30) = %q, want ≤ 30 runes cut at a word plus …", got)
	}
}

func TestSqrtScale(t *testing.T) {
	for _, c := range []struct{ v, lo, hi, want float64 }{
		{1, 1, 9, 1},   // smallest → outLo
		{9, 1, 9, 8},   // largest → outHi
		{4, 1, 9, 4.5}, // √4 is halfway between √1 and √9
		{0, 1, 9, 1},   // clamped below
		{16, 1, 9, 8},  // clamped above
		{5, 5, 5, 2},   // lo == hi → plain
	} {
		if got := sqrtScale(c.v, c.lo, c.hi, 1, 8, 2); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("sqrtScale(%v, %v, %v) = %v, want %v", c.v, c.lo, c.hi, got, c.want)
		}
	}
}

func TestStrokeColour(t *testing.T) {
	if got := strokeColour("#FFAABB"); got != "#A66F7A" {
		t.Errorf("strokeColour(#FFAABB) = %s, want #A66F7A (65 %%)", got)
	}
}

func TestQuantity(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want string
	}{{4, "4"}, {0, "0"}, {2.5, "2.5"}, {0.123456, "0.1235"}, {12345.678, "12345.68"}, {0.00012, "0.00012"}} {
		if got := quantity(c.in); got != c.want {
			t.Errorf("quantity(%v) = %s, want %s", c.in, got, c.want)
		}
	}
}
