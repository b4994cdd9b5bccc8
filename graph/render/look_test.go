package render

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// TestWriteLook writes drawings for a person to look at when RENDER_LOOK
// names a file prefix, e.g.
//
//	RENDER_LOOK=/tmp/render-check go test -run TestWriteLook ./graph/render/
//
// It writes <prefix>.svg and .png (castGraph), <prefix>-small.svg and
// .png (smallGraph) and <prefix>-gen.svg and .png (a generated graph of
// 60 characters, names for the 40 most prominent).
func TestWriteLook(t *testing.T) {
	prefix := os.Getenv("RENDER_LOOK")
	if prefix == "" {
		t.Skip("RENDER_LOOK not set")
	}
	gen := genGraph(60, 2, 3)
	for suffix, dot := range map[string][]byte{
		"":       DOT(castGraph(), Options{Size: strength(castGraph()), SizeBy: "strength"}),
		"-small": DOT(smallGraph(), Options{Size: smallSize, SizeBy: "strength"}),
		"-gen":   DOT(gen, Options{Size: strength(gen), SizeBy: "strength", ColorBy: ColorCommunity, Communities: fakeCommunities(gen, 5)}),
	} {
		svg, err := SVG(context.Background(), dot)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(prefix+suffix+".svg", svg, 0o644); err != nil {
			t.Fatal(err)
		}
		var png bytes.Buffer
		if err := PNG(svg, DefaultPNGScale, &png); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(prefix+suffix+".png", png.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fakeCommunities puts the i-th node of g into community i·k/n + 1, so
// communities are runs of consecutive ids.
func fakeCommunities(g *graph.Graph, k int) map[string]int {
	m := map[string]int{}
	for i, n := range g.Nodes {
		m[n.ID] = i*k/len(g.Nodes) + 1
	}
	return m
}
