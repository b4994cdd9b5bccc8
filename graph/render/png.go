package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"
)

// DefaultPNGScale is the PNG resolution Render uses: 2 pixels per point
// (144 dpi), sharp on high-density screens and enough for print at
// column width.
const DefaultPNGScale = 2.0

// maxPNGPixels bounds the size of a PNG (width × height), so a huge graph
// gives an error instead of exhausting memory: 60 megapixels, 240 MB of
// RGBA.
const maxPNGPixels = 60_000_000

// minPNGScale is the smallest scale (pixels per point) PNG lowers a scale
// to, to fit maxPNGPixels.
const minPNGScale = 0.5

// PNG rasterises an SVG drawing made by SVG (Graphviz's SVG as relgraph
// post-processes it) and writes it to w as a PNG image of scale pixels per
// point, on the drawing's white background. A drawing that would exceed 60
// megapixels at that scale is drawn at the largest scale that fits (at
// least 0.5 pixels per point; beyond that PNG returns an error).
//
// go-graphviz's own PNG renderer drops edges and node shapes, and general
// pure-Go SVG rasterisers draw no text, so PNG reads the small part of SVG
// that Graphviz writes — <g transform>, <polygon>, <polyline>, <ellipse>,
// <path>, <text> with fill, stroke, opacity, dashes, font size, weight and
// anchor — and draws it with github.com/tdewolff/canvas, setting text in
// the embedded Liberation Sans (metric-compatible with the Helvetica that
// Graphviz measured the labels with). Links and tooltips are dropped.
// Elements it does not know are skipped; a malformed document is an
// error. The same SVG and scale always give the same bytes.
func PNG(svg []byte, scale float64, w io.Writer) error {
	if !(scale > 0) || scale > 20 {
		return fmt.Errorf("render: png: scale %v outside (0, 20] pixels per point", scale)
	}
	d, err := parseDrawing(svg)
	if err != nil {
		return err
	}
	if px := d.width * scale * d.height * scale; px > maxPNGPixels {
		// A big map (a few hundred characters) is drawn at the largest
		// scale that fits the pixel budget rather than refused; below
		// minPNGScale the picture would be unreadable, so that is an error.
		fit := scale * math.Sqrt(maxPNGPixels/px) * 0.999
		if fit < minPNGScale {
			return fmt.Errorf("render: png: %.0f × %.0f points needs more than %d megapixels even at %.1f pixels per point; draw svg",
				d.width, d.height, maxPNGPixels/1_000_000, minPNGScale)
		}
		scale = fit
	}
	fontsPNGOnce.Do(loadPNGFonts)
	if fontsPNGErr != nil {
		return fontsPNGErr
	}
	img, err := rasterise(d, scale)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
		return fmt.Errorf("render: png: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// rasterise draws d at scale pixels per point. A panic inside canvas is
// returned as an error.
func rasterise(d *drawing, scale float64) (img *image.RGBA, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("render: png: drawing failed: %v", r)
		}
	}()
	c := canvas.New(d.width, d.height)
	for _, op := range d.ops {
		op(c)
	}
	return rasterizer.Draw(c, canvas.DPMM(scale), canvas.DefaultColorSpace), nil
}

var (
	fontsPNGOnce sync.Once
	fontsPNGErr  error
	pngFamily    *canvas.FontFamily
)

func loadPNGFonts() {
	// Settling stroke outlines (removing their self-overlaps with boolean
	// path operations) panics on glyph outlines in this version of canvas;
	// the rasteriser fills with the non-zero rule, for which an unsettled
	// outline gives the same pixels. Set once, before the first drawing.
	canvas.FastStroke = true
	f := canvas.NewFontFamily("Liberation Sans")
	if err := f.LoadFont(liberationsansregular.TTF, 0, canvas.FontRegular); err != nil {
		fontsPNGErr = fmt.Errorf("render: png: font: %w", err)
		return
	}
	if err := f.LoadFont(liberationsansbold.TTF, 0, canvas.FontBold); err != nil {
		fontsPNGErr = fmt.Errorf("render: png: font: %w", err)
		return
	}
	pngFamily = f
}

// drawing is a parsed SVG: its size in points and the drawing operations
// in document order. Canvas units are points; y grows upwards in canvas
// and downwards in SVG, so every coordinate goes through toCanvas.
type drawing struct {
	width, height float64
	ops           []func(*canvas.Canvas)
}

// affine is an SVG transform: x' = a·x + c·y + e, y' = b·x + d·y + f.
type affine struct{ a, b, c, d, e, f float64 }

var identity = affine{1, 0, 0, 1, 0, 0}

// then returns the transform that applies q first, then m.
func (m affine) then(q affine) affine {
	return affine{
		m.a*q.a + m.c*q.b, m.b*q.a + m.d*q.b,
		m.a*q.c + m.c*q.d, m.b*q.c + m.d*q.d,
		m.a*q.e + m.c*q.f + m.e, m.b*q.e + m.d*q.f + m.f,
	}
}

func (m affine) apply(x, y float64) (float64, float64) {
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

// scale is the factor by which m stretches lengths (stroke widths, font
// sizes): the square root of its determinant's magnitude.
func (m affine) scale() float64 { return math.Sqrt(math.Abs(m.a*m.d - m.b*m.c)) }

func (m affine) matrix() canvas.Matrix {
	return canvas.Matrix{{m.a, m.c, m.e}, {m.b, m.d, m.f}}
}

// parseTransform reads the transform functions Graphviz writes: scale,
// rotate (degrees) and translate, applied right to left.
func parseTransform(s string) (affine, error) {
	m := identity
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		open := strings.IndexByte(s, '(')
		end := strings.IndexByte(s, ')')
		if open < 0 || end < open {
			return m, fmt.Errorf("bad transform %q", s)
		}
		name := strings.TrimSpace(s[:open])
		args, err := numbers(s[open+1 : end])
		if err != nil {
			return m, err
		}
		var q affine
		switch {
		case name == "scale" && len(args) == 1:
			q = affine{args[0], 0, 0, args[0], 0, 0}
		case name == "scale" && len(args) == 2:
			q = affine{args[0], 0, 0, args[1], 0, 0}
		case name == "translate" && len(args) == 1:
			q = affine{1, 0, 0, 1, args[0], 0}
		case name == "translate" && len(args) == 2:
			q = affine{1, 0, 0, 1, args[0], args[1]}
		case name == "rotate" && len(args) == 1:
			sin, cos := math.Sincos(args[0] * math.Pi / 180)
			q = affine{cos, sin, -sin, cos, 0, 0}
		case name == "matrix" && len(args) == 6:
			q = affine{args[0], args[1], args[2], args[3], args[4], args[5]}
		default:
			return m, fmt.Errorf("unsupported transform %q", s[:end+1])
		}
		m = m.then(q)
		s = strings.TrimLeft(s[end+1:], " ,")
	}
	return m, nil
}

// numbers parses a list of numbers separated by spaces or commas.
func numbers(s string) ([]float64, error) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' })
	out := make([]float64, len(f))
	for i, x := range f {
		v, err := strconv.ParseFloat(x, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("bad number %q", x)
		}
		out[i] = v
	}
	return out, nil
}

// style is the inherited presentation state of an SVG element.
type style struct {
	fill, stroke         string
	fillOp, strokeOp     float64
	strokeWidth          float64
	dashes               string
	fontSize             float64
	bold                 bool
	anchor               string
	roundJoin, roundCaps bool
}

var errNotSVG = errors.New("render: png: not an SVG drawing")

// parseDrawing reads svg into drawing operations.
func parseDrawing(svg []byte) (*drawing, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	type frame struct {
		m     affine
		st    style
		skip  bool // inside <title> and the like
		isTxt bool
	}
	var stack []frame
	d := &drawing{}
	var flip affine // SVG user space → canvas (y up)
	var text strings.Builder
	var textFrame frame
	var textX, textY float64
	seenSVG := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("render: png: reading svg: %w", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Name.Local] = a.Value
			}
			var parent frame
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			} else {
				parent = frame{m: identity, st: style{fill: "black", stroke: "none", fillOp: 1, strokeOp: 1, strokeWidth: 1, fontSize: 14, anchor: "start"}}
			}
			f := parent
			f.isTxt = false
			if tok.Name.Local == "svg" && !seenSVG {
				seenSVG = true
				w, h, vb, err := svgSize(attr)
				if err != nil {
					return nil, err
				}
				d.width, d.height = w, h
				// viewBox → points, then flip y.
				view := affine{w / vb[2], 0, 0, h / vb[3], -vb[0] * w / vb[2], -vb[1] * h / vb[3]}
				flip = affine{1, 0, 0, -1, 0, h}.then(view)
				f.m = flip
			}
			if !seenSVG {
				return nil, errNotSVG
			}
			if t, ok := attr["transform"]; ok {
				q, err := parseTransform(t)
				if err != nil {
					return nil, fmt.Errorf("render: png: %v", err)
				}
				f.m = f.m.then(q)
			}
			applyStyle(&f.st, attr)
			switch tok.Name.Local {
			case "title", "desc", "metadata", "defs", "style", "script":
				f.skip = true
			}
			if !f.skip {
				if op, err := shapeOp(tok.Name.Local, attr, f.m, f.st); err != nil {
					return nil, fmt.Errorf("render: png: <%s>: %v", tok.Name.Local, err)
				} else if op != nil {
					d.ops = append(d.ops, op)
				}
				if tok.Name.Local == "text" {
					f.isTxt = true
					text.Reset()
					textFrame = f
					textX, _ = strconv.ParseFloat(attr["x"], 64)
					textY, _ = strconv.ParseFloat(attr["y"], 64)
				}
			}
			stack = append(stack, f)
		case xml.CharData:
			if len(stack) > 0 && stack[len(stack)-1].isTxt {
				text.Write(tok)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, errNotSVG
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if top.isTxt && tok.Name.Local == "text" {
				if op := textOp(text.String(), textX, textY, textFrame.m, textFrame.st); op != nil {
					d.ops = append(d.ops, op)
				}
			}
		}
	}
	if !seenSVG || d.width <= 0 || d.height <= 0 {
		return nil, errNotSVG
	}
	return d, nil
}

// svgSize returns the width and height of the root element in points and
// its viewBox (x, y, width, height; the size itself when absent).
func svgSize(attr map[string]string) (w, h float64, vb [4]float64, err error) {
	length := func(s string) (float64, error) {
		s = strings.TrimSpace(s)
		unit := 1.0
		switch {
		case strings.HasSuffix(s, "pt"):
			s = s[:len(s)-2]
		case strings.HasSuffix(s, "px"):
			s, unit = s[:len(s)-2], 0.75
		case strings.HasSuffix(s, "in"):
			s, unit = s[:len(s)-2], 72
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || !(v > 0) || math.IsInf(v, 0) {
			return 0, fmt.Errorf("render: png: bad svg size %q", s)
		}
		return v * unit, nil
	}
	if w, err = length(attr["width"]); err != nil {
		return
	}
	if h, err = length(attr["height"]); err != nil {
		return
	}
	vb = [4]float64{0, 0, w, h}
	if s, ok := attr["viewBox"]; ok {
		v, e := numbers(s)
		if e != nil || len(v) != 4 || !(v[2] > 0) || !(v[3] > 0) {
			return 0, 0, vb, fmt.Errorf("render: png: bad viewBox %q", s)
		}
		copy(vb[:], v)
	}
	return
}

// applyStyle updates st with the presentation attributes in attr.
func applyStyle(st *style, attr map[string]string) {
	if v, ok := attr["fill"]; ok {
		st.fill = v
		st.fillOp = 1
	}
	if v, ok := attr["stroke"]; ok {
		st.stroke = v
		st.strokeOp = 1
	}
	if v, err := strconv.ParseFloat(attr["fill-opacity"], 64); err == nil {
		st.fillOp = v
	}
	if v, err := strconv.ParseFloat(attr["stroke-opacity"], 64); err == nil {
		st.strokeOp = v
	}
	if v, err := strconv.ParseFloat(attr["stroke-width"], 64); err == nil && v >= 0 {
		st.strokeWidth = v
	}
	if v, ok := attr["stroke-dasharray"]; ok {
		st.dashes = v
	}
	if v, err := strconv.ParseFloat(strings.TrimSuffix(attr["font-size"], "px"), 64); err == nil && v > 0 {
		st.fontSize = v
	}
	if v, ok := attr["font-weight"]; ok {
		st.bold = v == "bold" || v == "bolder" || v >= "600" && v <= "999"
	}
	if v, ok := attr["text-anchor"]; ok {
		st.anchor = v
	}
	if v, ok := attr["stroke-linejoin"]; ok {
		st.roundJoin = v == "round"
	}
	if v, ok := attr["stroke-linecap"]; ok {
		st.roundCaps = v == "round"
	}
}

// paint returns the canvas style for st under transform m.
func paint(st style, m affine) canvas.Style {
	s := canvas.DefaultStyle
	s.Fill = canvas.Paint{}
	if c, ok := parseColour(st.fill, st.fillOp); ok {
		s.Fill = canvas.Paint{Color: premul(c)}
	}
	if c, ok := parseColour(st.stroke, st.strokeOp); ok && st.strokeWidth > 0 {
		s.Stroke = canvas.Paint{Color: premul(c)}
		s.StrokeWidth = st.strokeWidth * m.scale()
	}
	if st.roundJoin {
		s.StrokeJoiner = canvas.RoundJoin
	}
	if st.roundCaps {
		s.StrokeCapper = canvas.RoundCap
	}
	if st.dashes != "" && st.dashes != "none" {
		// canvas measures dashes in stroke widths, SVG in user units.
		if ds, err := numbers(st.dashes); err == nil && len(ds) > 0 && s.StrokeWidth > 0 {
			for i := range ds {
				ds[i] *= m.scale() / s.StrokeWidth
			}
			s.Dashes = ds
		}
	}
	return s
}

// shapeOp returns the drawing operation of a shape element, or nil for
// other elements.
func shapeOp(name string, attr map[string]string, m affine, st style) (func(*canvas.Canvas), error) {
	var p *canvas.Path
	switch name {
	case "polygon", "polyline":
		pts, err := numbers(attr["points"])
		if err != nil || len(pts)%2 != 0 {
			return nil, fmt.Errorf("bad points %q", attr["points"])
		}
		if len(pts) < 4 {
			return nil, nil
		}
		p = &canvas.Path{}
		p.MoveTo(pts[0], pts[1])
		for i := 2; i < len(pts); i += 2 {
			p.LineTo(pts[i], pts[i+1])
		}
		if name == "polygon" {
			p.Close()
		} else {
			st.fill = "none"
		}
	case "ellipse", "circle":
		v := func(k string) float64 { x, _ := strconv.ParseFloat(attr[k], 64); return x }
		rx, ry := v("rx"), v("ry")
		if name == "circle" {
			rx, ry = v("r"), v("r")
		}
		if !(rx > 0) || !(ry > 0) {
			return nil, nil
		}
		p = canvas.Ellipse(rx, ry).Translate(v("cx"), v("cy"))
	case "path":
		var err error
		if p, err = canvas.ParseSVGPath(attr["d"]); err != nil {
			return nil, fmt.Errorf("bad path data: %v", err)
		}
	default:
		return nil, nil
	}
	s := paint(st, m)
	if !s.HasFill() && !s.HasStroke() {
		return nil, nil
	}
	p = p.Transform(m.matrix())
	return func(c *canvas.Canvas) { c.RenderPath(p, s, canvas.Identity) }, nil
}

// textOp returns the drawing operation of a <text> element: its glyph
// outlines, filled and, for a halo, stroked.
func textOp(s string, x, y float64, m affine, st style) func(*canvas.Canvas) {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	fill, fok := parseColour(st.fill, st.fillOp)
	if !fok {
		return nil
	}
	size := st.fontSize * m.scale()
	return func(c *canvas.Canvas) {
		weight := canvas.FontRegular
		if st.bold {
			weight = canvas.FontBold
		}
		// Canvas units are points here but canvas takes font sizes in
		// points of a millimetre-based page: convert.
		face := pngFamily.Face(size*72/25.4, fill, weight)
		p, adv, err := face.ToPath(s)
		if err != nil {
			return
		}
		tx, ty := m.apply(x, y)
		switch st.anchor {
		case "middle":
			tx -= adv / 2
		case "end":
			tx -= adv
		}
		p = p.Translate(tx, ty)
		sty := paint(st, affine{1, 0, 0, 1, 0, 0})
		sty.Fill = canvas.Paint{Color: premul(fill)}
		if sty.HasStroke() {
			sty.StrokeWidth = st.strokeWidth * m.scale()
		}
		c.RenderPath(p, sty, canvas.Identity)
	}
}

// parseColour reads the colours Graphviz writes: "#rgb", "#rrggbb",
// "#rrggbbaa", and the names white, black, none and transparent, with an
// opacity from 0 to 1. Other names draw black.
func parseColour(s string, opacity float64) (color.NRGBA, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	alpha := func(a uint8) uint8 { return uint8(math.Round(float64(a) * min(max(opacity, 0), 1))) }
	switch s {
	case "", "none", "transparent":
		return color.NRGBA{}, false
	case "white":
		return color.NRGBA{255, 255, 255, alpha(255)}, true
	case "black":
		return color.NRGBA{0, 0, 0, alpha(255)}, true
	}
	if strings.HasPrefix(s, "#") {
		h := s[1:]
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) == 6 {
			h += "ff"
		}
		if v, err := strconv.ParseUint(h, 16, 32); err == nil && len(h) == 8 {
			a := alpha(uint8(v))
			if a == 0 {
				return color.NRGBA{}, false
			}
			return color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), a}, true
		}
	}
	return color.NRGBA{0, 0, 0, alpha(255)}, true
}

// premul converts a straight-alpha colour to canvas's premultiplied one.
func premul(c color.NRGBA) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}
