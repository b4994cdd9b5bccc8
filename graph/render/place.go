package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html"
	"math"
	"regexp"
	"slices"
)

// Label placement.
//
// placeLabels runs after liftEdgeLabels and haloOutsideNames have moved
// every edge label into a <g class="edge-label"> group and every name set
// outside its circle into a <g class="node-name"> group at the end of the
// drawing. It then places them so that no label covers another label,
// another circle or the legend, in the spirit of the greedy candidate
// placement of Christensen, Marks and Shieber ("An empirical study of
// algorithms for point-feature label placement", ACM TOG 14(3), 1995)
// without its optimisation step, so the result is deterministic:
//
//   - Names first, the largest circle first (circle size is the map's size
//     measure, so this is the order of centrality; ties by larger font,
//     then by the order of the drawing, which is the order of node ids).
//     Each name tries eight places touching its circle: below, above,
//     right, left, then below-right, below-left, above-right, above-left,
//     and takes the first whose box meets no placed label, no other
//     circle and no legend text, and does not rise above the top of the
//     picture. A name with no free place is left out.
//   - Edge labels next, the widest line first (then drawing order): each
//     is centred on its own drawn line at 1/2 of its length, else at 2/5,
//     3/5, 3/10, 7/10, 1/5 or 4/5, so a label always sits on the edge it
//     names; one with no free place is left out.
//
// Text boxes are measured with Helvetica's advance widths (textWidth),
// 3 % wider for viewer fonts, 0.8 em above and 0.25 em below the baseline,
// plus the 2-point halo all round.
//
// How many names and edge labels were left out is told in the legend:
// the note "names shown for the N characters …" becomes "names shown for
// K of the N characters …"; otherwise a grey note is set under the map.
// Finally the picture is fitted to what it holds: it grows to hold every
// label (and that note) with a margin, the bottom margin is set to
// Graphviz's pad, and a gap of more than legendGap between the legend and
// the map (left by names that Graphviz placed above circles) is closed by
// moving the legend down and cutting the top.

// legendGap is the largest gap, in points, kept between the legend and
// the top of the map.
const legendGap = 24

// Margins, in points, kept around the map when the picture grows: those
// of the pad Graphviz is given (pad="0.5,0.4" in writeHeader).
const (
	padX = 36.0
	padY = 28.8
)

// rect is an axis-aligned box in the drawing's coordinates (x right, y
// down), in points.
type rect struct{ x0, y0, x1, y1 float64 }

func (a rect) overlaps(b rect) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a rect) union(b rect) rect {
	return rect{min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1)}
}

func (a rect) shift(dx, dy float64) rect { return rect{a.x0 + dx, a.y0 + dy, a.x1 + dx, a.y1 + dy} }

// disc is a node's circle: centre and radius in points.
type disc struct{ cx, cy, r float64 }

// hits reports whether the circle and the box share an area (touching
// does not count).
func (c disc) hits(b rect) bool {
	dx := max(b.x0-c.cx, 0, c.cx-b.x1)
	dy := max(b.y0-c.cy, 0, c.cy-b.y1)
	return dx*dx+dy*dy < c.r*c.r-1e-9
}

func (c disc) box() rect { return rect{c.cx - c.r, c.cy - c.r, c.cx + c.r, c.cy + c.r} }

// textEl is one <text> line of a label: its source line, baseline origin,
// font size, anchor and box.
type textEl struct {
	line []byte
	x, y float64
	box  rect
}

// label is a group of text lines placed as one block.
type label struct {
	open  []byte   // the <g …> line that opens the label's group
	owner string   // the id of the node or edge it names, as escaped in the SVG
	texts []textEl // halo and text lines
	box   rect     // union of the text boxes
	fs    float64  // largest font size
	drop  bool
	plate bool // draw a white box under it (edge labels, set on their line)
	dx    float64
	dy    float64
}

var (
	nameGroupOpen = regexp.MustCompile(`^<g id="name-([^"]*)" class="node-name">`)
	edgeLabelOpen = regexp.MustCompile(`^<g id="label-([^"]*)" class="edge-label">`)
	nodeGroupOpen = regexp.MustCompile(`^<g id="([^"]*)" class="node(?: [^"]*)?">`)
	pathD         = regexp.MustCompile(`<path [^>]*d="([^"]*)"`)
	strokeWidth   = regexp.MustCompile(` stroke-width="([0-9.]+)"`)
	anchorAttr    = regexp.MustCompile(` text-anchor="([a-z]+)"`)
	numberRE      = regexp.MustCompile(`-?[0-9]+(?:\.[0-9]+)?`)
	polygonPoints = regexp.MustCompile(`<polygon [^>]*points="([^"]*)"`)
)

// parseText returns the text element of one <text> line, or false.
func parseText(line []byte) (textEl, bool) {
	m := textXY.FindSubmatch(line)
	b := textBody.FindSubmatch(line)
	if m == nil || b == nil {
		return textEl{}, false
	}
	x, y := atofB(m[1]), atofB(m[2])
	fs := 14.0
	if f := textSize.FindSubmatch(line); f != nil {
		fs = atofB(f[1])
	}
	bold := bytes.Contains(line, []byte(`font-weight="bold"`))
	w := textWidth(html.UnescapeString(string(b[1])), fs, bold)*1.03 + 4
	x0 := x - 2
	if a := anchorAttr.FindSubmatch(line); a != nil {
		switch string(a[1]) {
		case "middle":
			x0 = x - w/2
		case "end":
			x0 = x - w + 2
		}
	}
	return textEl{line: line, x: x, y: y, box: rect{x0, y - 0.8*fs - 2, x0 + w, y + 0.25*fs + 2}}, true
}

// polyline samples a Graphviz edge path ("M x,y C x,y x,y x,y …") into
// points, 12 per cubic segment.
func polyline(d []byte) [][2]float64 {
	nums := numberRE.FindAll(d, -1)
	if len(nums) < 4 {
		return nil
	}
	var p [][2]float64
	for i := 0; i+1 < len(nums); i += 2 {
		p = append(p, [2]float64{atofB(nums[i]), atofB(nums[i+1])})
	}
	out := [][2]float64{p[0]}
	for i := 1; i+2 < len(p); i += 3 {
		a, b, c, e := p[i-1], p[i], p[i+1], p[i+2]
		for k := 1; k <= 12; k++ {
			t := float64(k) / 12
			u := 1 - t
			x := u*u*u*a[0] + 3*u*u*t*b[0] + 3*u*t*t*c[0] + t*t*t*e[0]
			y := u*u*u*a[1] + 3*u*u*t*b[1] + 3*u*t*t*c[1] + t*t*t*e[1]
			out = append(out, [2]float64{x, y})
		}
	}
	return out
}

// along returns the point at fraction f of the polyline's length.
func along(p [][2]float64, f float64) (x, y float64) {
	total := 0.0
	for i := 1; i < len(p); i++ {
		total += math.Hypot(p[i][0]-p[i-1][0], p[i][1]-p[i-1][1])
	}
	want := f * total
	for i := 1; i < len(p); i++ {
		l := math.Hypot(p[i][0]-p[i-1][0], p[i][1]-p[i-1][1])
		if want <= l && l > 0 {
			t := want / l
			return p[i-1][0] + t*(p[i][0]-p[i-1][0]), p[i-1][1] + t*(p[i][1]-p[i-1][1])
		}
		want -= l
	}
	last := p[len(p)-1]
	return last[0], last[1]
}

// edgeFractions are the places along its line an edge label tries, as
// fractions of the line's length.
var edgeFractions = []float64{0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8}

// placeLabels places the names and edge labels of an SVG drawing as the
// comment above describes. SVG without the groups that liftEdgeLabels and
// haloOutsideNames write is returned unchanged.
func placeLabels(svg []byte) []byte {
	end := bytes.LastIndex(svg, []byte("</g>\n</svg>"))
	if end < 0 || (!bytes.Contains(svg, []byte(`class="node-name">`)) && !bytes.Contains(svg, []byte(`class="edge-label">`))) {
		return svg
	}
	lines := bytes.SplitAfter(svg[:end], []byte("\n"))

	// Pass 1: circles, edge lines, legend, labels.
	circles := map[string]disc{} // node group id → circle
	var circleOrder []string
	paths := map[string][][2]float64{} // edge group id → sampled line
	pens := map[string]float64{}       // edge group id → line width
	var legend []rect                  // boxes of the legend's texts and swatches
	legendIdx := map[int]bool{}        // line index → part of the legend
	content := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	var names, edgeLabels []*label
	var cur *label
	depth := 0
	var group string // id of the node or edge group being read
	bgSeen, inGraph := false, false
	for i, l := range lines {
		if cur != nil {
			if bytes.HasPrefix(l, []byte("</g>")) {
				cur = nil
				continue
			}
			if t, ok := parseText(l); ok {
				cur.texts = append(cur.texts, t)
			}
			continue
		}
		if m := nameGroupOpen.FindSubmatch(l); m != nil {
			cur = &label{open: l, owner: string(m[1])}
			names = append(names, cur)
			continue
		}
		if m := edgeLabelOpen.FindSubmatch(l); m != nil {
			cur = &label{open: l, owner: string(m[1]), plate: true}
			edgeLabels = append(edgeLabels, cur)
			continue
		}
		if depth == 0 {
			if bytes.HasPrefix(l, []byte(`<g id="graph0"`)) {
				inGraph = true
				continue
			}
			if m := edgeGroup.FindSubmatch(l); m != nil {
				group, depth = string(m[1]), 1
				continue
			}
			if m := nodeGroupOpen.FindSubmatch(l); m != nil {
				group, depth = string(m[1]), 1
				continue
			}
			if !inGraph {
				continue
			}
			if bytes.HasPrefix(l, []byte("<polygon ")) && !bgSeen {
				bgSeen = true
				continue
			}
			if t, ok := parseText(l); ok && bytes.HasPrefix(l, []byte("<text ")) {
				legend = append(legend, t.box)
				legendIdx[i] = true
			} else if m := polygonPoints.FindSubmatch(l); m != nil {
				if b, ok := pointsBox(m[1]); ok {
					legend = append(legend, b)
					legendIdx[i] = true
				}
			}
			continue
		}
		depth += bytes.Count(l, []byte("<g ")) + bytes.Count(l, []byte("<g>"))
		depth -= bytes.Count(l, []byte("</g>"))
		if m := ellipseAttrs.FindSubmatch(l); m != nil {
			if _, ok := circles[group]; !ok {
				r := atofB(m[3])
				if rx := rxAttr.FindSubmatch(l); rx != nil {
					r = max(r, atofB(rx[1]))
				}
				c := disc{atofB(m[1]), atofB(m[2]), r}
				circles[group] = c
				circleOrder = append(circleOrder, group)
				content = content.union(c.box())
			}
		}
		if m := pathD.FindSubmatch(l); m != nil {
			if p := polyline(m[1]); len(p) > 1 {
				if _, ok := paths[group]; !ok {
					paths[group] = p
					if s := strokeWidth.FindSubmatch(l); s != nil {
						pens[group] = atofB(s[1])
					}
				}
				for _, q := range p {
					content = content.union(rect{q[0], q[1], q[0], q[1]})
				}
			}
		}
	}
	for _, lb := range append(slices.Clone(names), edgeLabels...) {
		for i, t := range lb.texts {
			if i == 0 {
				lb.box = t.box
			}
			lb.box = lb.box.union(t.box)
			lb.fs = max(lb.fs, t.box.y1-t.box.y0)
		}
		if len(lb.texts) == 0 {
			lb.drop = true
		}
	}
	top := math.Inf(-1)
	if bg := background.FindSubmatch(svg); bg != nil {
		top = atofB(bg[5])
	}

	// Pass 2: placement.
	var placed []rect
	free := func(b rect, own ...string) bool {
		if b.y0 < top {
			return false
		}
		for _, p := range placed {
			if p.overlaps(b) {
				return false
			}
		}
		for _, l := range legend {
			if l.overlaps(b) {
				return false
			}
		}
		for _, id := range circleOrder {
			if slices.Contains(own, id) {
				continue
			}
			if circles[id].hits(b) {
				return false
			}
		}
		return true
	}
	order := slices.Clone(names)
	slices.SortStableFunc(order, func(a, b *label) int {
		return cmp.Or(cmp.Compare(circles[b.owner].r, circles[a.owner].r), cmp.Compare(b.fs, a.fs))
	})
	namesShown := 0
	for _, lb := range order {
		c, ok := circles[lb.owner]
		if lb.drop || !ok {
			lb.drop = true
			continue
		}
		w, h := lb.box.x1-lb.box.x0, lb.box.y1-lb.box.y0
		d := c.r * math.Sqrt2 / 2
		// Top-left corners of the candidate boxes.
		cands := [][2]float64{
			{c.cx - w/2, c.cy + c.r},     // below
			{c.cx - w/2, c.cy - c.r - h}, // above
			{c.cx + c.r, c.cy - h/2},     // right
			{c.cx - c.r - w, c.cy - h/2}, // left
			{c.cx + d, c.cy + d},         // below right
			{c.cx - d - w, c.cy + d},     // below left
			{c.cx + d, c.cy - d - h},     // above right
			{c.cx - d - w, c.cy - d - h}, // above left
		}
		lb.drop = true
		for _, k := range cands {
			b := rect{k[0], k[1], k[0] + w, k[1] + h}
			if free(b, lb.owner) {
				lb.dx, lb.dy, lb.drop = k[0]-lb.box.x0, k[1]-lb.box.y0, false
				placed = append(placed, b)
				namesShown++
				break
			}
		}
	}
	eorder := slices.Clone(edgeLabels)
	slices.SortStableFunc(eorder, func(a, b *label) int { return cmp.Compare(pens[b.owner], pens[a.owner]) })
	edgeShown := 0
	for _, lb := range eorder {
		p, ok := paths[lb.owner]
		if lb.drop || !ok {
			lb.drop = true
			continue
		}
		w, h := lb.box.x1-lb.box.x0, lb.box.y1-lb.box.y0
		lb.drop = true
		for _, f := range edgeFractions {
			x, y := along(p, f)
			b := rect{x - w/2, y - h/2, x + w/2, y + h/2}
			if free(b) {
				lb.dx, lb.dy, lb.drop = b.x0-lb.box.x0, b.y0-lb.box.y0, false
				placed = append(placed, b)
				edgeShown++
				break
			}
		}
	}
	for _, b := range placed {
		content = content.union(b)
	}

	// Pass 3: the legend note, or a note under the map.
	var footnote string
	namesDropped, edgesDropped := len(names)-namesShown, len(edgeLabels)-edgeShown
	noteFS := 14.0
	for i := range lines {
		if legendIdx[i] && bytes.Contains(lines[i], []byte(`fill="`+noteColour+`"`)) {
			if f := textSize.FindSubmatch(lines[i]); f != nil {
				noteFS = atofB(f[1])
			}
			if namesDropped > 0 {
				if l, ok := rewriteNamesNote(lines[i], namesShown); ok {
					lines[i] = l
					namesDropped = 0
				}
			}
		}
	}
	var parts []string
	if namesDropped > 0 {
		parts = append(parts, fmt.Sprintf("names shown: %d of %d (the others had no free place beside their circle)", namesShown, len(names)))
	}
	if edgesDropped > 0 {
		parts = append(parts, fmt.Sprintf("edge labels shown: %d of %d (the others had no free place on their line)", edgeShown, len(edgeLabels)))
	}
	for i, s := range parts {
		if i > 0 {
			footnote += " · "
		}
		footnote += s
	}

	// Pass 4: the legend's place and the picture's extent.
	bg := background.FindSubmatch(svg)
	if bg == nil || math.IsInf(content.y1, -1) {
		return writeLabels(svg, lines, end, names, edgeLabels, legendIdx, 0, 0, "")
	}
	x0, y1 := atofB(bg[2]), atofB(bg[5])
	cx := (content.x0 + content.x1) / 2
	var noteLine string
	if footnote != "" {
		y := content.y1 + 6 + 0.8*noteFS
		noteLine = fmt.Sprintf("<text text-anchor=\"middle\" x=\"%s\" y=\"%s\" font-family=\"%s\" font-size=\"%s\" fill=\"%s\">%s</text>\n",
			num2(cx), num2(y), svgFontFamily, num2(noteFS), noteColour, html.EscapeString(footnote))
		w := textWidth(footnote, noteFS, false)*1.03 + 4
		content = content.union(rect{cx - w/2, y - 0.8*noteFS, cx + w/2, y + 0.25*noteFS})
	}
	width := content.x1 - content.x0
	var dx, dy float64
	if len(legend) > 0 {
		lb := legend[0]
		for _, b := range legend {
			lb = lb.union(b)
		}
		if gap := content.y0 - lb.y1; gap > legendGap {
			dy = math.Floor(gap - legendGap)
		}
		dx = math.Round((cx-(lb.x0+lb.x1)/2)*100) / 100
		width = max(width, lb.x1-lb.x0)
	}
	// The new background, in graph coordinates.
	box := rect{cx - width/2 - padX, y1 + dy, cx + width/2 + padX, content.y1 + padY}
	if box.x0 == x0 && box.y0 == y1 && dx == 0 && dy == 0 && box.x1 == atofB(bg[6]) && box.y1 == atofB(bg[3]) {
		return writeLabels(svg, lines, end, names, edgeLabels, legendIdx, 0, 0, noteLine)
	}
	return refit(writeLabels(svg, lines, end, names, edgeLabels, legendIdx, dx, dy, noteLine), box)
}

// writeLabels writes the drawing's lines with the labels moved (and the
// dropped ones left out), the legend moved by (dx, dy), and note (a whole
// <text> line, or "") at the end.
func writeLabels(svg []byte, lines [][]byte, end int, names, edgeLabels []*label, legendIdx map[int]bool, dx, dy float64, note string) []byte {
	var body bytes.Buffer
	body.Grow(len(svg) + 256)
	byOpen := map[string]*label{}
	for _, lb := range append(slices.Clone(names), edgeLabels...) {
		byOpen[string(lb.open)] = lb
	}
	var cur *label
	for i, l := range lines {
		if cur != nil {
			if bytes.HasPrefix(l, []byte("</g>")) {
				if !cur.drop {
					body.Write(l)
				}
				cur = nil
				continue
			}
			if !cur.drop {
				body.Write(moveText(l, cur.dx, cur.dy))
			}
			continue
		}
		if lb, ok := byOpen[string(l)]; ok {
			cur = lb
			if !lb.drop {
				body.Write(l)
				if lb.plate {
					// A white plate, 1 point inside the halo, so the line
					// the label sits on does not show between its letters.
					b := lb.box.shift(lb.dx, lb.dy)
					b = rect{b.x0 + 1, b.y0 + 1, b.x1 - 1, b.y1 - 1}
					fmt.Fprintf(&body, "<polygon fill=\"white\" stroke=\"none\" points=\"%s,%s %s,%s %s,%s %s,%s %s,%s\"/>\n",
						num2(b.x0), num2(b.y0), num2(b.x1), num2(b.y0), num2(b.x1), num2(b.y1), num2(b.x0), num2(b.y1), num2(b.x0), num2(b.y0))
				}
			}
			continue
		}
		if legendIdx[i] && (dx != 0 || dy != 0) {
			l = moveLegendLine(l, dx, dy)
		}
		body.Write(l)
	}
	body.WriteString(note)
	body.Write(svg[end:])
	return body.Bytes()
}

// svgFontFamily is the font-family fixSVG gives every text.
const svgFontFamily = "Helvetica,Arial,'Liberation Sans','Nimbus Sans',sans-serif"

// refit sets the picture's background to box (in graph coordinates)
// and its size, viewBox and origin to match. SVG without Graphviz's
// header, origin and background is returned unchanged.
func refit(svg []byte, box rect) []byte {
	bg := background.FindSubmatch(svg)
	size := svgHeader.FindSubmatch(svg)
	origin := graphOrigin.FindSubmatch(svg)
	if bg == nil || size == nil || origin == nil {
		return svg
	}
	// Whole points, so width and height in points equal the viewBox's
	// (Graphviz draws at scale 1: a viewBox unit is a point).
	box.x0, box.y0 = round2(box.x0), round2(box.y0)
	vw, vh := math.Ceil(box.x1-box.x0), math.Ceil(box.y1-box.y0)
	box.x1, box.y1 = box.x0+vw, box.y0+vh
	svg = svgHeader.ReplaceAll(svg, []byte(fmt.Sprintf(`<svg width="%spt" height="%spt"
 viewBox="%s %s %s %s"`, num2(vw), num2(vh), string(size[3]), string(size[4]), num2(vw), num2(vh))))
	svg = graphOrigin.ReplaceAll(svg, []byte(`${1}`+num2(-box.x0)+" "+num2(-box.y0)+")"))
	nx0, ny0, nx2, ny1 := num2(box.x0), num2(box.y1), num2(box.x1), num2(box.y0)
	loc := background.FindSubmatchIndex(svg)
	repl := fmt.Sprintf(`%s%s,%s %s,%s %s,%s %s,%s %s,%s"`, bg[1], nx0, ny0, nx0, ny1, nx2, ny1, nx2, ny0, nx0, ny0)
	return append(svg[:loc[0]:loc[0]], append([]byte(repl), svg[loc[1]:]...)...)
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

var rxAttr = regexp.MustCompile(` rx="([0-9.]+)"`)

// pointsBox returns the bounding box of a points attribute.
func pointsBox(pts []byte) (rect, bool) {
	nums := numberRE.FindAll(pts, -1)
	if len(nums) < 2 {
		return rect{}, false
	}
	b := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for i := 0; i+1 < len(nums); i += 2 {
		x, y := atofB(nums[i]), atofB(nums[i+1])
		b = b.union(rect{x, y, x, y})
	}
	return b, true
}

// moveText moves one <text> line by (dx, dy).
func moveText(l []byte, dx, dy float64) []byte {
	m := textXY.FindSubmatch(l)
	if m == nil {
		return l
	}
	x, y := atofB(m[1])+dx, atofB(m[2])+dy
	return textXY.ReplaceAll(l, []byte(` x="`+num2(x)+`" y="`+num2(y)+`"`))
}

// moveLegendLine moves a legend <text> or <polygon> line by (dx, dy).
func moveLegendLine(l []byte, dx, dy float64) []byte {
	if bytes.HasPrefix(l, []byte("<text ")) {
		return moveText(l, dx, dy)
	}
	m := polygonPoints.FindSubmatchIndex(l)
	if m == nil {
		return l
	}
	pts := l[m[2]:m[3]]
	var b bytes.Buffer
	for i, pair := range bytes.Fields(pts) {
		if i > 0 {
			b.WriteByte(' ')
		}
		xy := bytes.SplitN(pair, []byte(","), 2)
		if len(xy) != 2 {
			b.Write(pair)
			continue
		}
		b.WriteString(num2(atofB(xy[0]) + dx))
		b.WriteByte(',')
		b.WriteString(num2(atofB(xy[1]) + dy))
	}
	out := append([]byte{}, l[:m[2]]...)
	out = append(out, b.Bytes()...)
	return append(out, l[m[3]:]...)
}

// namesNote matches the legend note on names that titleLabel writes.
var namesNote = regexp.MustCompile(`names shown for the ([0-9]+) characters with the highest ([^<·]*)`)

// rewriteNamesNote turns "names shown for the N characters with the
// highest M" into "names shown for K of the N characters with the
// highest M", re-centring the line.
func rewriteNamesNote(l []byte, shown int) ([]byte, bool) {
	loc := namesNote.FindSubmatchIndex(l)
	if loc == nil {
		return l, false
	}
	t, ok := parseText(l)
	if !ok {
		return l, false
	}
	centre := (t.box.x0 + t.box.x1) / 2
	repl := fmt.Sprintf("names shown for %d of the %s characters with the highest %s", shown, l[loc[2]:loc[3]], bytes.TrimSpace(l[loc[4]:loc[5]]))
	out := append([]byte{}, l[:loc[0]]...)
	out = append(out, repl...)
	out = append(out, l[loc[1]:]...)
	out = anchorAttr.ReplaceAll(out, []byte(` text-anchor="middle"`))
	m := textXY.FindSubmatch(out)
	return textXY.ReplaceAll(out, []byte(` x="`+num2(centre)+`" y="`+string(m[2])+`"`)), true
}
