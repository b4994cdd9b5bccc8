package render

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// pngOf rasterises svg at scale and decodes the image.
func pngOf(t *testing.T, svg []byte, scale float64) image.Image {
	t.Helper()
	var b bytes.Buffer
	if err := PNG(svg, scale, &b); err != nil {
		t.Fatalf("PNG: %v", err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatalf("decoding the PNG: %v", err)
	}
	return img
}

var (
	translateRe = regexp.MustCompile(`class="graph" transform="scale\(1 1\) rotate\(0\) translate\(([-\d.]+) ([-\d.]+)\)"`)
	ellipseRe   = regexp.MustCompile(`<ellipse fill="(#[0-9a-f]{6})" stroke="[^"]*"(?: stroke-width="[^"]*")? cx="([-\d.]+)" cy="([-\d.]+)" rx="([-\d.]+)"`)
	pathRe      = regexp.MustCompile(`<path fill="none" stroke="[^"]*"(?: stroke-width="[^"]*")?(?: stroke-opacity="[^"]*")? d="M([-\d.]+),([-\d.]+)C([-\d.]+),([-\d.]+) ([-\d.]+),([-\d.]+) ([-\d.]+),([-\d.]+)`)
	textRe      = regexp.MustCompile(`<text text-anchor="(start|middle)" x="([-\d.]+)" y="([-\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]+)</text>`)
)

func atof(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }

// mapper turns SVG user coordinates into PNG pixels.
type mapper struct{ tx, ty, scale float64 }

func newMapper(t *testing.T, svg []byte, scale float64) mapper {
	m := translateRe.FindSubmatch(svg)
	if m == nil {
		t.Fatal("no graph transform in the SVG")
	}
	return mapper{atof(string(m[1])), atof(string(m[2])), scale}
}

func (m mapper) px(x, y float64) (int, int) {
	return int(math.Round((x + m.tx) * m.scale)), int(math.Round((y + m.ty) * m.scale))
}

func near(c color.Color, hex string, tol int) bool {
	v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	r, g, b, _ := c.RGBA()
	d := func(x uint32, y uint64) bool { return math.Abs(float64(x>>8)-float64(y)) <= float64(tol) }
	return d(r, v>>16&0xff) && d(g, v>>8&0xff) && d(b, v&0xff)
}

func dark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return (r>>8)+(g>>8)+(b>>8) < 3*140
}

// TestPNGPixels draws the e01 cast and checks the pixels where Graphviz's
// SVG puts things: every circle's fill inside it, every edge's line at
// a tenth of its first Bézier segment, dark text pixels where every
// label is, and white paper in the corner.
func TestPNGPixels(t *testing.T) {
	g := castGraph()
	svg := renderSVG(t, g, Options{Size: strength(g), SizeBy: "strength"})
	const scale = 2
	img := pngOf(t, svg, scale)
	m := newMapper(t, svg, scale)
	w, _ := strconv.ParseFloat(regexp.MustCompile(`<svg width="(\d+)pt"`).FindStringSubmatch(string(svg))[1], 64)
	if got := img.Bounds().Dx(); math.Abs(float64(got)-w*scale) > 2 {
		t.Errorf("PNG is %d px wide, want %v (%v pt × %v)", got, w*scale, w, scale)
	}
	if !near(img.At(2, 2), "#ffffff", 0) {
		t.Errorf("corner pixel %v, want white", img.At(2, 2))
	}
	circles := ellipseRe.FindAllStringSubmatch(string(svg), -1)
	if len(circles) != len(g.Nodes) {
		t.Fatalf("%d ellipses in the SVG, want %d", len(circles), len(g.Nodes))
	}
	for _, c := range circles {
		// Inside the circle, above the name.
		x, y := m.px(atof(c[2]), atof(c[3])-0.75*atof(c[4]))
		if !near(img.At(x, y), c[1], 3) {
			t.Errorf("circle filled %s: pixel (%d, %d) is %v", c[1], x, y, img.At(x, y))
		}
	}
	paths := pathRe.FindAllStringSubmatch(string(svg), -1)
	if len(paths) != len(g.Edges) {
		t.Fatalf("%d edge paths, want %d", len(paths), len(g.Edges))
	}
	for _, p := range paths {
		var v [8]float64
		for i := range v {
			v[i] = atof(p[i+1])
		}
		// Cubic Bézier at t = 1/10, (729 P0 + 243 P1 + 27 P2 + P3) / 1000:
		// the middle is where placeLabels sets the edge's label.
		bx := (729*v[0] + 243*v[2] + 27*v[4] + v[6]) / 1000
		by := (729*v[1] + 243*v[3] + 27*v[5] + v[7]) / 1000
		x, y := m.px(bx, by)
		if near(img.At(x, y), "#ffffff", 40) {
			t.Errorf("edge line missing: pixel (%d, %d) on the path %s is %v", x, y, p[0][:40], img.At(x, y))
		}
	}
	texts := textRe.FindAllStringSubmatch(string(svg), -1)
	if len(texts) < len(g.Nodes)+4 {
		t.Fatalf("only %d texts in the SVG", len(texts))
	}
	for _, tx := range texts {
		size := atof(tx[4])
		width := textWidth(tx[5], size, false)
		x0 := atof(tx[2])
		if tx[1] == "middle" {
			x0 -= width / 2
		}
		y := atof(tx[3])
		n := 0
		for yy := y - 0.7*size; yy <= y; yy += 0.5 {
			for xx := x0; xx <= x0+width; xx += 0.5 {
				if dark(img.At(m.px(xx, yy))) {
					n++
				}
			}
		}
		if n < len([]rune(tx[5])) {
			t.Errorf("text %q: %d dark pixels in its box, want text", tx[5], n)
		}
	}
}

// TestPNGShapes checks a hand-made SVG: a dashed line, a filled polygon,
// an ellipse with opacity and bold text with umlauts, at scale 1.
func TestPNGShapes(t *testing.T) {
	svg := []byte(`<svg width="100pt" height="50pt" viewBox="0.00 0.00 100.00 50.00" xmlns="http://www.w3.org/2000/svg">
<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(0 50)">
<polygon fill="white" stroke="none" points="0,0 0,-50 100,-50 100,0 0,0"/>
<polygon fill="#ff0000" stroke="none" points="0,0 0,-10 10,-10 10,0 0,0"/>
<path fill="none" stroke="#0000ff" stroke-width="4" stroke-dasharray="5,5" d="M20,-5C40,-5 60,-5 80,-5"/>
<ellipse fill="#00ff00" fill-opacity="0.5" stroke="none" cx="90" cy="-40" rx="5" ry="5"/>
<text text-anchor="start" x="20" y="-30" font-weight="bold" font-size="14.00">ÄÖÜ</text>
</g>
</svg>`)
	img := pngOf(t, svg, 1)
	if b := img.Bounds(); b.Dx() != 100 || b.Dy() != 50 {
		t.Fatalf("size %v, want 100×50", b)
	}
	if !near(img.At(5, 45), "#ff0000", 2) {
		t.Errorf("red square: %v", img.At(5, 45))
	}
	// Dashes of 5 pt from x = 20: drawn at 22, gap at 27.
	if !near(img.At(22, 45), "#0000ff", 60) || !near(img.At(27, 45), "#ffffff", 10) {
		t.Errorf("dashed line: %v at 22, %v at 27", img.At(22, 45), img.At(27, 45))
	}
	// Half-transparent green on white, blended in linear light: a light
	// green, neither white nor full green.
	if c := img.At(90, 10); near(c, "#ffffff", 10) || near(c, "#00ff00", 10) {
		t.Errorf("half-transparent ellipse: %v", c)
	}
	n := 0
	for y := 10; y < 22; y++ {
		for x := 20; x < 50; x++ {
			if dark(img.At(x, y)) {
				n++
			}
		}
	}
	if n < 40 {
		t.Errorf("bold text: %d dark pixels", n)
	}
}

func TestPNGDeterministicAndErrors(t *testing.T) {
	svg := renderSVG(t, smallGraph(), Options{Size: smallSize})
	var a, b bytes.Buffer
	if err := PNG(svg, 1.5, &a); err != nil {
		t.Fatal(err)
	}
	if err := PNG(svg, 1.5, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two PNGs of the same SVG differ")
	}
	for _, bad := range []string{"", "not xml", "<html></html>", `<svg width="10pt" height="10pt"><g>`, `<svg width="-1pt" height="1pt"></svg>`,
		`<svg width="10pt" height="10pt"><path d="M 1 1 Q"/></svg>`, `<svg width="10pt" height="10pt"><g transform="skewX(3)"></g></svg>`} {
		if err := PNG([]byte(bad), 1, &a); err == nil || !strings.HasPrefix(err.Error(), "render: png") {
			t.Errorf("PNG(%q): err = %v, want a render: png error", bad, err)
		}
	}
	if err := PNG(svg, 0, &a); err == nil {
		t.Error("scale 0 accepted")
	}
	if err := PNG([]byte(`<svg width="100000pt" height="100000pt"></svg>`), 1, &a); err == nil || !strings.Contains(err.Error(), "megapixels") {
		t.Errorf("huge PNG: err = %v", err)
	}
	// 8000 × 8000 points at 2 px/pt would be 256 megapixels: drawn at the
	// largest scale under 60 megapixels instead (about 0.968 px/pt).
	var big bytes.Buffer
	if err := PNG([]byte(`<svg width="8000pt" height="8000pt" viewBox="0 0 8000 8000"></svg>`), 2, &big); err != nil {
		t.Fatalf("big PNG: %v", err)
	}
	cfg, err := png.DecodeConfig(&big)
	if err != nil {
		t.Fatal(err)
	}
	if px := cfg.Width * cfg.Height; px > maxPNGPixels || cfg.Width < 7700 {
		t.Errorf("big PNG is %d × %d, want about 7746 × 7746 (under %d pixels)", cfg.Width, cfg.Height, maxPNGPixels)
	}
}

// TestRenderPNG: Render draws PNG through SVG.
func TestRenderPNG(t *testing.T) {
	var b bytes.Buffer
	if err := Render(t.Context(), DOT(castGraph(), Options{}), FormatPNG, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\x89PNG\r\n\x1a\n")) {
		t.Error("Render png did not write a PNG")
	}
}
