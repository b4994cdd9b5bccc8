package render_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/render"
)

func ExampleDOT() {
	g := &graph.Graph{
		Episode: graph.Episode{ID: "e01", Title: "Lukas sucht seinen Vater", Unit: "sentence"},
		Nodes: []graph.Node{
			{ID: "kathrin", Name: "Dr. Kathrin Globisch", Mentions: 9},
			{ID: "lukas", Name: "Lukas", Mentions: 8},
		},
		Edges: []graph.Edge{{Source: "kathrin", Target: "lukas", Weight: 6, Relation: "Mutter/Sohn"}},
	}
	dot := render.DOT(g, render.Options{Size: map[string]float64{"kathrin": 6, "lukas": 6}, SizeBy: "strength"})
	// Print the per-node and per-edge lines, which carry the style.
	for _, line := range strings.Split(string(dot), "\n") {
		if strings.HasPrefix(line, "\t\"") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// "kathrin" [id="node-kathrin", label="Dr. Kathrin\nGlobisch", width=1.05, height=1.05, fillcolor="#EE8866", color="#9B5842", tooltip="Dr. Kathrin Globisch\nmentions: 9\nstrength: 6"];
	// "lukas" [id="node-lukas", label="Lukas", width=1.05, height=1.05, fillcolor="#FFAABB", color="#A66F7A", tooltip="Lukas\nmentions: 8\nstrength: 6"];
	// "kathrin" -- "lukas" [id="edge-kathrin--lukas", penwidth=2, len=2.6, label=<<table border="0" cellborder="0" cellspacing="0" cellpadding="3"><tr><td>Mutter/Sohn</td></tr></table>>, tooltip="Dr. Kathrin Globisch – Lukas: weight 6"];
}

func ExampleRender() {
	g := &graph.Graph{Nodes: []graph.Node{{ID: "a", Name: "Jürgen"}, {ID: "b", Name: "Anna"}},
		Edges: []graph.Edge{{Source: "a", Target: "b", Weight: 1}}}
	var svg bytes.Buffer
	if err := render.Render(context.Background(), render.DOT(g, render.Options{}), render.FormatSVG, &svg); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(svg.String(), ">Jürgen</text>"))
	// Output: true
}

func ExampleFormatFromPath() {
	for _, path := range []string{"out/e01.svg", "out/e01.PNG", "out/e01.gv", "out/e01.jpg"} {
		f, err := render.FormatFromPath(path)
		fmt.Println(f, err)
	}
	// Output:
	// svg <nil>
	// png <nil>
	// dot <nil>
	//  render: out/e01.jpg: unknown extension ".jpg" (want .svg, .png, .html or .dot)
}
