package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/relgraph/relgraph/graph"
)

// svgDoc is what a test reads back from an SVG: the id and class of every
// <g> element and the text of every <text> element, decoded from XML.
type svgDoc struct {
	class  map[string]string // class keyed by the id of a <g> element
	texts  []string
	hrefs  []string // xlink:title of every <a>
	titles []string // text of every <title>
}

func parseSVG(t testing.TB, svg []byte) svgDoc {
	t.Helper()
	d := svgDoc{class: map[string]string{}}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var inText bool
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "g":
				var id, class string
				for _, a := range tok.Attr {
					switch a.Name.Local {
					case "id":
						id = a.Value
					case "class":
						class = a.Value
					}
				}
				d.class[id] = class
			case "a":
				for _, a := range tok.Attr {
					if a.Name.Local == "title" {
						d.hrefs = append(d.hrefs, a.Value)
					}
				}
			case "text", "title":
				inText = true
				text.Reset()
			}
		case xml.CharData:
			if inText {
				text.Write(tok)
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "text":
				inText = false
				d.texts = append(d.texts, text.String())
			case "title":
				inText = false
				d.titles = append(d.titles, text.String())
			}
		}
	}
	return d
}

func renderSVG(t testing.TB, g *graph.Graph, opt Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(t.Context(), DOT(g, opt), FormatSVG, &b); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return b.Bytes()
}

func TestRenderSVG(t *testing.T) {
	for _, c := range []struct {
		name string
		g    *graph.Graph
		opt  Options
	}{
		{"small", smallGraph(), Options{Size: smallSize, SizeBy: "strength"}},
		{"cast", castGraph(), Options{}},
		{"gen", genGraph(25, 2, 5), Options{EdgeLabels: EdgeLabelsWeight}},
	} {
		t.Run(c.name, func(t *testing.T) {
			svg := renderSVG(t, c.g, c.opt)
			d := parseSVG(t, svg)
			texts := strings.Join(d.texts, "\n")
			for _, n := range c.g.Nodes {
				if got := d.class["node-"+n.ID]; got != "node" {
					t.Errorf("no <g id=%q class=\"node\"> (got class %q)", "node-"+n.ID, got)
				}
				for _, line := range wrapName(n.Label()) {
					if !strings.Contains(texts, line) {
						t.Errorf("node label line %q not drawn", line)
					}
				}
			}
			for _, e := range c.g.Edges {
				id := EdgeID(e.Source, e.Target)
				if got := d.class[id]; got != "edge" {
					t.Errorf("no <g id=%q class=\"edge\"> (got class %q)", id, got)
				}
				label := e.Relation
				if c.opt.EdgeLabels == EdgeLabelsWeight {
					label = quantity(e.Weight)
				}
				if label != "" && d.class["label-"+id] != "edge-label" {
					t.Errorf("edge %s: label %q not lifted into <g id=%q>", id, label, "label-"+id)
				}
			}
			if c.g.Episode.Title != "" && !strings.Contains(texts, c.g.Episode.Title) {
				t.Errorf("title %q not drawn", c.g.Episode.Title)
			}
		})
	}
}

// TestRenderSVGText checks the text of the hand-made graph literally: umlauts
// as UTF-8 (Graphviz writes them as they are, not as entities), and quotes,
// backslashes and '&' as typed.
func TestRenderSVGText(t *testing.T) {
	svg := renderSVG(t, smallGraph(), Options{Size: smallSize, SizeBy: "strength"})
	if !bytes.Contains(svg, []byte(">Jürgen</text>")) {
		t.Error(`SVG lacks ">Jürgen</text>" in UTF-8`)
	}
	d := parseSVG(t, svg)
	texts := strings.Join(d.texts, "\n")
	for _, want := range []string{"Jürgen", "Weiß", `Lukas "der`, `Kleine"`, `C:\Users\Jürgen\`, "Ömer", "&auml; Co", `Onkel\Neffe`, "enge Freunde", "Lukas sucht seinen Vater", "circle size: strength (0–6) · line width: interactions (1–4)"} {
		if !strings.Contains(texts, want) {
			t.Errorf("SVG text lacks %q; texts:\n%s", want, texts)
		}
	}
	if got := d.class[`node-back\slash`]; got != "node" {
		t.Errorf(`node with id back\slash: class %q, want node`, got)
	}
	if got := d.class["node-ömer & co"]; got != "node" {
		t.Errorf(`node with id "ömer & co": class %q, want node`, got)
	}
	tips := strings.Join(d.hrefs, "\n")
	for _, want := range []string{
		"Dr. Achim Kreutzer – Jürgen Weiß: weight 4\nAchim und Jürgen trinken Kaffee, bevor \"die Schicht\" beginnt.\nJürgen ruft Achim an.\n(+2 more)",
		"Jürgen Weiß\nmentions: 3\nstrength: 6",
		"C:\\Users\\Jürgen\\ – Lukas \"der Kleine\": weight 1",
		"Ömer &auml; Co\nmentions: 2",
	} {
		if !strings.Contains(tips, want) {
			t.Errorf("tooltips lack %q; tooltips:\n%s", want, tips)
		}
	}
}

func TestRenderEmpty(t *testing.T) {
	d := parseSVG(t, renderSVG(t, &graph.Graph{}, Options{}))
	if len(d.texts) != 1 || d.texts[0] != "Character network" {
		t.Errorf("empty graph drew %q, want only the title", d.texts)
	}
}

func TestRenderDeterministic(t *testing.T) {
	g := genGraph(20, 2, 9)
	opt := Options{Size: strength(g), SizeBy: "strength"}
	a, b := renderSVG(t, g, opt), renderSVG(t, g, opt)
	if !bytes.Equal(a, b) {
		t.Error("two renders of the same DOT differ")
	}
	// A different seed is a different layout.
	opt.Seed = 2
	if bytes.Equal(a, renderSVG(t, g, opt)) {
		t.Error("seed 2 gave the same svgDoc as seed 1")
	}
}

// TestRenderConcurrent runs Render from several goroutines; with -race it
// checks that the package-level lock keeps go-graphviz to one caller.
func TestRenderConcurrent(t *testing.T) {
	graphs := []*graph.Graph{smallGraph(), castGraph(), genGraph(12, 2, 4), {}}
	want := make([][]byte, len(graphs))
	for i, g := range graphs {
		want[i] = renderSVG(t, g, Options{})
	}
	const workers = 6
	var wg sync.WaitGroup
	errs := make(chan error, workers*len(graphs))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range graphs {
				i := (k + w) % len(graphs)
				var b bytes.Buffer
				if err := Render(context.Background(), DOT(graphs[i], Options{}), FormatSVG, &b); err != nil {
					errs <- err
					continue
				}
				if !bytes.Equal(b.Bytes(), want[i]) {
					errs <- fmt.Errorf("graph %d: concurrent render differs from serial one", i)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRenderErrors(t *testing.T) {
	good := DOT(castGraph(), Options{})
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	if err := Render(canceled, good, FormatSVG, &b); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled context: err = %v, want context.Canceled", err)
	}
	if b.Len() != 0 {
		t.Errorf("canceled render wrote %d bytes", b.Len())
	}
	for _, bad := range []string{
		"",
		"this is not DOT",
		"graph {",
		`graph { a -- }`,
		`digraph { a -> b [label=<unclosed] }`,
		"graph { layout=\"nosuchengine\"; a -- b }",
		"graph { a [shape=circle,, ] }",
		"\x00\xff\xfe",
	} {
		b.Reset()
		err := Render(context.Background(), []byte(bad), FormatSVG, &b)
		if err == nil {
			t.Errorf("Render(%q) = nil error, want one (wrote %q)", bad, b.String())
		} else if msg := err.Error(); !strings.HasPrefix(msg, "render: ") || strings.Contains(msg, "\n") {
			t.Errorf("Render(%q) error %q: want one line with the render: prefix", bad, msg)
		}
	}
	b.Reset()
	if err := Render(context.Background(), []byte("graph { a }\x00"), FormatSVG, &b); err == nil || !strings.Contains(err.Error(), "NUL byte at offset 11") {
		t.Errorf("DOT with a NUL byte: err = %v, want it named", err)
	}
	// Graphviz still works after the failures.
	b.Reset()
	if err := Render(context.Background(), good, FormatSVG, &b); err != nil || b.Len() == 0 {
		t.Errorf("render after failures: %v (%d bytes)", err, b.Len())
	}
	if err := Render(context.Background(), good, FormatHTML, &b); err == nil || !strings.Contains(err.Error(), "render.HTML") {
		t.Errorf("html from DOT: err = %v, want one pointing to render.HTML", err)
	}
	if err := Render(context.Background(), good, Format("gif"), &b); err == nil {
		t.Error("unknown format: nil error")
	}
	b.Reset()
	if err := Render(context.Background(), good, FormatDOT, &b); err != nil || !bytes.Equal(b.Bytes(), good) {
		t.Errorf("dot format: err %v, output equal to input %v", err, bytes.Equal(b.Bytes(), good))
	}
}

func TestFormats(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Format
		ok   bool
	}{
		{"svg", FormatSVG, true}, {"SVG", FormatSVG, true}, {"png", FormatPNG, true},
		{"dot", FormatDOT, true}, {"gv", FormatDOT, true}, {"html", FormatHTML, true}, {"HTM", FormatHTML, true}, {"pdf", "", false}, {"", "", false},
	} {
		got, err := ParseFormat(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
	for _, c := range []struct {
		path string
		want Format
		ok   bool
	}{
		{"out/e01.svg", FormatSVG, true}, {"MAP.PNG", FormatPNG, true}, {"a.b/c.dot", FormatDOT, true},
		{"x.gv", FormatDOT, true}, {"m.html", FormatHTML, true}, {"map", "", false}, {"map.jpg", "", false}, {"dir.svg/map", "", false},
	} {
		got, err := FormatFromPath(c.path)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("FormatFromPath(%q) = %q, %v; want %q, ok %v", c.path, got, err, c.want, c.ok)
		}
		if err != nil && !strings.Contains(err.Error(), c.path) {
			t.Errorf("FormatFromPath(%q) error %q does not name the file", c.path, err)
		}
	}
}

func TestLiftEdgeLabels(t *testing.T) {
	in := `<svg>
<g id="graph0" class="graph">
<text x="1">Title</text>
<!-- a&#45;&#45;b -->
<g id="edge&#45;a&#45;&#45;b" class="edge">
<title>a&#45;&#45;b</title>
<g id="a_edge&#45;a&#45;&#45;b"><a xlink:title="tip">
<path d="M0,0"/>
</a>
</g>
<text x="2" fill="#4d4d4d">Freunde</text>
</g>
<g id="edge2" class="edge">
<path d="M1,1"/>
</g>
<g id="node1" class="node">
<text x="3">Anna</text>
</g>
</g>
</svg>
`
	want := `<svg>
<g id="graph0" class="graph">
<text x="1">Title</text>
<!-- a&#45;&#45;b -->
<g id="edge&#45;a&#45;&#45;b" class="edge">
<title>a&#45;&#45;b</title>
<g id="a_edge&#45;a&#45;&#45;b"><a xlink:title="tip">
<path d="M0,0"/>
</a>
</g>
</g>
<g id="edge2" class="edge">
<path d="M1,1"/>
</g>
<g id="node1" class="node">
<text x="3">Anna</text>
</g>
<g id="edge-labels" class="edge-labels">
<g id="label-edge&#45;a&#45;&#45;b" class="edge-label">
<text stroke="white" stroke-width="4" stroke-linejoin="round" x="2" fill="white">Freunde</text>
<text x="2" fill="#4d4d4d">Freunde</text>
</g>
</g>
</g>
</svg>
`
	if got := string(liftEdgeLabels([]byte(in))); got != want {
		t.Errorf("liftEdgeLabels:\n%s\nwant:\n%s", got, want)
	}
	// Without edge labels, or without Graphviz's layout, nothing changes.
	for _, s := range []string{"<svg></svg>", strings.Replace(in, `<text x="2" fill="#4d4d4d">Freunde</text>`+"\n", "", 1)} {
		if got := string(liftEdgeLabels([]byte(s))); got != s {
			t.Errorf("liftEdgeLabels changed %q into %q", s, got)
		}
	}
	if got, want := string(halo([]byte(`<text x="1">a</text>`))), `<text stroke="white" stroke-width="4" stroke-linejoin="round" fill="white" x="1">a</text>`; got != want {
		t.Errorf("halo without fill = %s, want %s", got, want)
	}
}

// TestTiming logs how long the first Render (which makes the Graphviz
// context) and a later one take. Set RENDER_TIMING=1 to run it; the
// WebAssembly compilation itself happens at package init, before any test.
func TestTiming(t *testing.T) {
	if os.Getenv("RENDER_TIMING") == "" {
		t.Skip("RENDER_TIMING not set")
	}
	mu.Lock()
	fresh := gv == nil
	mu.Unlock()
	dot := DOT(castGraph(), Options{})
	start := time.Now()
	if err := Render(t.Context(), dot, FormatSVG, io.Discard); err != nil {
		t.Fatal(err)
	}
	first := time.Since(start)
	start = time.Now()
	if err := Render(t.Context(), dot, FormatSVG, io.Discard); err != nil {
		t.Fatal(err)
	}
	t.Logf("first Render (new context: %v) %v, second %v", fresh, first, time.Since(start))
}
