package render

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// fixSVG post-processes Graphviz's SVG: it drops the blank labels of
// unnamed nodes, names the fonts with Helvetica's metrics (Arial,
// Liberation Sans, Nimbus Sans) before the generic sans-serif, which
// viewers often map to a wider font, lifts the edge labels
// (liftEdgeLabels) and the names set outside circles (haloOutsideNames),
// places them where they cover nothing (placeLabels) and turns
// protectBackslashes' placeholders back into backslashes.
func fixSVG(svg []byte) []byte {
	svg = dropBlankText(svg)
	svg = bytes.ReplaceAll(svg, []byte(`font-family="Helvetica,sans-Serif"`), []byte(`font-family="Helvetica,Arial,'Liberation Sans','Nimbus Sans',sans-serif"`))
	svg = liftEdgeLabels(svg)
	svg = haloOutsideNames(svg)
	svg = placeLabels(svg)
	if bytes.Contains(svg, []byte(placeholder)) || bytes.Contains(svg, []byte("&#57344;")) {
		svg = bytes.ReplaceAll(svg, []byte(placeholder), []byte(`\`))
		svg = bytes.ReplaceAll(svg, []byte("&#57344;"), []byte(`\`))
	}
	return svg
}

// haloOutsideNames sets every name that DOT put beside its circle (the
// <text> elements of a node group of class "outside", see plan.outside)
// centred under the circle, 2 points below it, keeping the lines' own
// spacing. Graphviz places xlabels wherever they overlap least, often
// nearer another circle than their own; placeLabels then moves each to
// the first free place touching its own circle. The names are then lifted above every circle
// and line, as liftEdgeLabels lifts edge labels: each goes, with a white
// halo under each line, into a group <g id="name-<node id>"
// class="node-name"> at the end of the drawing (the page's script treats
// a click on it as one on the node). placeLabels fits the picture to the
// moved names. SVG without such groups is returned unchanged.
func haloOutsideNames(svg []byte) []byte {
	end := bytes.LastIndex(svg, []byte("</g>\n</svg>"))
	if end < 0 || !bytes.Contains(svg, []byte(` outside">`)) {
		return svg
	}
	var body, names bytes.Buffer
	body.Grow(len(svg))
	var group [][]byte // lines of the current outside node group
	var id []byte      // its id attribute, as Graphviz escaped it
	depth := 0         // <g> depth inside it; 0 outside
	for _, line := range bytes.SplitAfter(svg[:end], []byte("\n")) {
		if depth == 0 {
			if !bytes.HasPrefix(line, []byte("<g id=")) {
				body.Write(line)
				continue
			}
			if m := outsideGroup.FindSubmatch(line); m != nil {
				depth, group, id = 1, [][]byte{line}, m[1]
				continue
			}
			body.Write(line)
			continue
		}
		depth += bytes.Count(line, []byte("<g ")) + bytes.Count(line, []byte("<g>"))
		depth -= bytes.Count(line, []byte("</g>"))
		group = append(group, line)
		if depth > 0 {
			continue
		}
		rest, texts := placeBelow(group)
		for _, l := range rest {
			body.Write(l)
		}
		if len(texts) > 0 {
			names.WriteString(`<g id="name-`)
			names.Write(id)
			names.WriteString("\" class=\"node-name\">\n")
			for _, l := range texts {
				names.Write(l)
			}
			names.WriteString("</g>\n")
		}
	}
	if names.Len() > 0 {
		body.WriteString("<g id=\"node-names\" class=\"node-names\">\n")
		body.Write(names.Bytes())
		body.WriteString("</g>\n")
	}
	body.Write(svg[end:])
	// placeLabels moves the names again and fits the picture to them.
	return body.Bytes()
}

var (
	// outsideGroup matches the line that opens a node group of class
	// "outside" (also "node added outside" and the like in diff maps) and
	// captures its id.
	outsideGroup = regexp.MustCompile(`^<g id="([^"]*)" class="node(?: [a-z]+)* outside">`)
	ellipseAttrs = regexp.MustCompile(`<ellipse [^>]*cx="(-?[0-9.]+)" cy="(-?[0-9.]+)" rx="[0-9.]+" ry="([0-9.]+)"`)
	textXY       = regexp.MustCompile(` x="(-?[0-9.]+)" y="(-?[0-9.]+)"`)
	textSize     = regexp.MustCompile(` font-size="([0-9.]+)"`)
	textBody     = regexp.MustCompile(`>([^<]*)</text>`)
	svgHeader    = regexp.MustCompile(`<svg width="([0-9.]+)pt" height="([0-9.]+)pt"\s+viewBox="([-0-9.]+) ([-0-9.]+) ([0-9.]+) ([0-9.]+)"`)
	graphOrigin  = regexp.MustCompile(`(<g id="graph0" class="graph" transform="[^"]*translate\()(-?[0-9.]+) (-?[0-9.]+)\)`)
	background   = regexp.MustCompile(`(?m)^(<polygon fill="[^"]*" stroke="[^"]*" points=")(-?[0-9.]+),(-?[0-9.]+) (-?[0-9.]+),(-?[0-9.]+) (-?[0-9.]+),(-?[0-9.]+) (-?[0-9.]+),(-?[0-9.]+) (-?[0-9.]+),(-?[0-9.]+)"`)
)

// placeBelow takes the text lines out of one outside node group and
// moves them under its ellipse, each preceded by its halo; it returns the
// group without them and the moved lines (placeLabels then finds each
// name its final place). A group without an ellipse is returned as it is.
func placeBelow(group [][]byte) (rest, texts [][]byte) {
	var cx, cy, ry float64
	found := false
	for _, l := range group {
		if m := ellipseAttrs.FindSubmatch(l); m != nil {
			cx, cy, ry, found = atofB(m[1]), atofB(m[2]), atofB(m[3]), true
			break
		}
	}
	if !found {
		return group, nil
	}
	var dx, dy float64
	first := true
	for _, l := range group {
		m := textXY.FindSubmatch(l)
		if !bytes.HasPrefix(l, []byte("<text ")) || m == nil {
			rest = append(rest, l)
			continue
		}
		x, y := atofB(m[1]), atofB(m[2])
		fs := 14.0
		if f := textSize.FindSubmatch(l); f != nil {
			fs = atofB(f[1])
		}
		if first {
			// Baseline of the first line: its cap height (0.72 em for
			// Helvetica) under the circle's bottom plus 2 points.
			dx, dy, first = cx-x, cy+ry+2+0.72*fs-y, false
		}
		x, y = x+dx, y+dy
		l = textXY.ReplaceAll(l, []byte(` x="`+num2(x)+`" y="`+num2(y)+`"`))
		l = bytes.Replace(l, []byte(`text-anchor="start"`), []byte(`text-anchor="middle"`), 1)
		l = bytes.Replace(l, []byte(`text-anchor="end"`), []byte(`text-anchor="middle"`), 1)
		texts = append(texts, halo(l), l)
	}
	return rest, texts
}

func atofB(b []byte) float64 {
	f, _ := strconv.ParseFloat(string(b), 64)
	return f
}

// num2 formats an SVG coordinate with at most two decimals.
func num2(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// dropBlankText removes every line that is a <text> element of one space:
// the label of an unnamed node (Graphviz draws the node's name for an
// empty label, so DOT writes " "). It scans lines rather than running a
// regular expression over the whole drawing, which took 20 ms of a
// 2 MB SVG (1,000 characters).
func dropBlankText(svg []byte) []byte {
	if !bytes.Contains(svg, []byte("> </text>\n")) {
		return svg
	}
	out := make([]byte, 0, len(svg))
	for len(svg) > 0 {
		i := bytes.IndexByte(svg, '\n')
		line := svg
		if i >= 0 {
			line = svg[:i+1]
		}
		svg = svg[len(line):]
		if bytes.HasPrefix(line, []byte("<text ")) && bytes.HasSuffix(line, []byte("> </text>\n")) &&
			bytes.IndexByte(line[:len(line)-len("> </text>\n")], '>') < 0 {
			continue
		}
		out = append(out, line...)
	}
	return out
}

// liftEdgeLabels moves the edge labels of a Graphviz SVG drawing above
// everything else and gives each a white halo.
//
// With outputorder=edgesfirst Graphviz draws an edge's label together with
// its line, under the nodes and under every edge drawn later, so a label
// can vanish behind a circle or be crossed by a line. liftEdgeLabels takes
// each <text> element out of every <g class="edge"> group and appends it,
// inside <g id="label-<edge id>" class="edge-label">, to one group at the
// end of the drawing, preceded by a copy drawn in white with a white
// 4-point stroke. The copy is a halo made of plain SVG attributes, so it
// shows the same in browsers, rsvg-convert and illustration programs
// (CSS paint-order is not needed).
//
// It relies on the layout of Graphviz's SVG writer: one element per line,
// every edge in a <g … class="edge"> group, the drawing closed by
// "</g>\n</svg>". SVG that does not look like that is returned unchanged.
func liftEdgeLabels(svg []byte) []byte {
	end := bytes.LastIndex(svg, []byte("</g>\n</svg>"))
	if end < 0 {
		return svg
	}
	var body, labels bytes.Buffer
	body.Grow(len(svg))
	depth := 0     // <g> depth inside the current edge group; 0 outside
	var id []byte  // the current edge group's id attribute value
	found := false // whether this edge group's labels have been opened
	for _, line := range bytes.SplitAfter(svg[:end], []byte("\n")) {
		if depth == 0 {
			if !bytes.HasPrefix(line, []byte("<g id=")) {
				body.Write(line)
				continue
			}
			if m := edgeGroup.FindSubmatch(line); m != nil {
				depth, id, found = 1, m[1], false
			}
			body.Write(line)
			continue
		}
		if bytes.HasPrefix(line, []byte("<text ")) {
			if !found {
				if labels.Len() > 0 {
					labels.WriteString("</g>\n")
				}
				labels.WriteString(`<g id="label-`)
				labels.Write(id)
				labels.WriteString("\" class=\"edge-label\">\n")
				found = true
			}
			labels.Write(halo(line))
			labels.Write(line)
			continue
		}
		depth += bytes.Count(line, []byte("<g ")) + bytes.Count(line, []byte("<g>"))
		depth -= bytes.Count(line, []byte("</g>"))
		body.Write(line)
	}
	if labels.Len() == 0 {
		return svg
	}
	body.WriteString("<g id=\"edge-labels\" class=\"edge-labels\">\n")
	body.Write(labels.Bytes())
	body.WriteString("</g>\n</g>\n")
	body.Write(svg[end:])
	return body.Bytes()
}

var (
	// edgeGroup matches the line that opens an edge's group and captures
	// its id, as Graphviz writes it (already escaped for XML).
	edgeGroup = regexp.MustCompile(`^<g id="([^"]*)" class="edge(?: [a-z]+)*">`)
	// fillAttr matches a fill attribute.
	fillAttr = regexp.MustCompile(` fill="[^"]*"`)
)

// halo returns a copy of a one-line <text> element drawn in white with a
// wide white outline, to be placed under the original.
func halo(text []byte) []byte {
	const attrs = ` stroke="white" stroke-width="4" stroke-linejoin="round"`
	h := fillAttr.ReplaceAll(text, []byte(` fill="white"`))
	if !fillAttr.Match(text) {
		h = bytes.Replace(h, []byte("<text "), []byte(`<text fill="white" `), 1)
	}
	return bytes.Replace(h, []byte("<text "), []byte("<text"+attrs+" "), 1)
}
