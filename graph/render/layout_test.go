package render

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"testing"
)

// circles returns the circles of an SVG map, keyed by node element id:
// centre and radius in points.
func circles(t *testing.T, svg []byte) map[string][3]float64 {
	t.Helper()
	re := regexp.MustCompile(`(?s)<g id="(node[^"]*)" class="node[^"]*">.*?<ellipse [^>]*?cx="([-0-9.]+)" cy="([-0-9.]+)" rx="([0-9.]+)"`)
	out := map[string][3]float64{}
	for _, m := range re.FindAllSubmatch(svg, -1) {
		var c [3]float64
		for i := range c {
			f, err := strconv.ParseFloat(string(m[i+2]), 64)
			if err != nil {
				t.Fatal(err)
			}
			c[i] = f
		}
		out[string(m[1])] = c
	}
	return out
}

// TestOverlapRemovalEveryEngine: whatever the engine, no two circles of a
// map overlap (README, "Layout": overlap removal applies to every
// engine), in a small map (overlap=false, prism) and a big one (ortho;
// scale for twopi), and twopi's big map keeps the proportions of twopi's
// own layout (ortho squashed asoiaf book 1 into 2572×4054 pt, and a
// 60-character Barabási–Albert graph from a ratio of 1.00 to 0.77).
func TestOverlapRemovalEveryEngine(t *testing.T) {
	for _, size := range []int{20, 60} {
		g := genGraph(size, 3, 5)
		for _, layout := range Layouts {
			if layout == "circo" && testing.Short() {
				continue // seconds at 60 characters
			}
			t.Run(layout+"/"+strconv.Itoa(size), func(t *testing.T) {
				svg := renderSVG(t, g, Options{Size: strength(g), SizeBy: "strength", Layout: layout})
				cs := circles(t, svg)
				if len(cs) != size {
					t.Fatalf("%d circles, want %d", len(cs), size)
				}
				var ids []string
				for id := range cs {
					ids = append(ids, id)
				}
				bad := 0
				for i, a := range ids {
					for _, b := range ids[i+1:] {
						ca, cb := cs[a], cs[b]
						if d := math.Hypot(ca[0]-cb[0], ca[1]-cb[1]); d < ca[2]+cb[2]-0.5 {
							if bad++; bad <= 3 {
								t.Errorf("%s and %s overlap: centres %.1f pt apart, radii %.1f + %.1f", a, b, d, ca[2], cb[2])
							}
						}
					}
				}
				if layout == "twopi" && size > autoLabels {
					// The same DOT without overlap removal: twopi's own rings.
					dot := DOT(g, Options{Size: strength(g), SizeBy: "strength", Layout: layout})
					raw := bytes.Replace(dot, []byte("overlap=scale"), []byte("overlap=true"), 1)
					if bytes.Equal(raw, dot) {
						t.Fatal("twopi's DOT has no overlap=scale")
					}
					var rawSVG bytes.Buffer
					if err := Render(t.Context(), raw, FormatSVG, &rawSVG); err != nil {
						t.Fatal(err)
					}
					got, want := aspect(cs), aspect(circles(t, rawSVG.Bytes()))
					if math.Abs(got/want-1) > 0.02 {
						t.Errorf("twopi's circles span a ratio of %.3f, its own layout %.3f: squashed", got, want)
					}
				}
			})
		}
	}
}

// aspect returns the width over the height of the box around the circle
// centres cs.
func aspect(cs map[string][3]float64) float64 {
	lox, hix, loy, hiy := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, c := range cs {
		lox, hix = min(lox, c[0]), max(hix, c[0])
		loy, hiy = min(loy, c[1]), max(hiy, c[1])
	}
	return (hix - lox) / (hiy - loy)
}
