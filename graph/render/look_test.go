package render

import (
	"bytes"
	"context"
	"os"
	"testing"
)

// TestWriteLook writes SVG drawings for a person to look at when
// RENDER_LOOK names a file prefix, e.g.
//
//	RENDER_LOOK=/tmp/render-check go test -run TestWriteLook ./graph/render/
//
// It writes <prefix>.svg (castGraph) and <prefix>-small.svg (smallGraph).
func TestWriteLook(t *testing.T) {
	prefix := os.Getenv("RENDER_LOOK")
	if prefix == "" {
		t.Skip("RENDER_LOOK not set")
	}
	for suffix, g := range map[string]func() ([]byte, error){
		".svg": func() ([]byte, error) {
			g := castGraph()
			return svg(t, DOT(g, Options{Size: strength(g), SizeBy: "strength"}))
		},
		"-small.svg": func() ([]byte, error) {
			return svg(t, DOT(smallGraph(), Options{Size: smallSize, SizeBy: "strength"}))
		},
	} {
		out, err := g()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(prefix+suffix, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func svg(t testing.TB, dot []byte) ([]byte, error) {
	t.Helper()
	var b bytes.Buffer
	err := Render(context.Background(), dot, FormatSVG, &b)
	return b.Bytes(), err
}
