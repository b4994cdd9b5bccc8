package render

import (
	"bytes"
	"regexp"
)

// fixSVG post-processes Graphviz's SVG: it drops the blank labels of
// unnamed nodes, names the fonts with Helvetica's metrics (Arial,
// Liberation Sans, Nimbus Sans) before the generic sans-serif, which
// viewers often map to a wider font, lifts the edge labels (liftEdgeLabels) and turns protectBackslashes' placeholders back into
// backslashes.
func fixSVG(svg []byte) []byte {
	svg = blankText.ReplaceAll(svg, nil)
	svg = bytes.ReplaceAll(svg, []byte(`font-family="Helvetica,sans-Serif"`), []byte(`font-family="Helvetica,Arial,'Liberation Sans','Nimbus Sans',sans-serif"`))
	svg = liftEdgeLabels(svg)
	if bytes.Contains(svg, []byte(placeholder)) || bytes.Contains(svg, []byte("&#57344;")) {
		svg = bytes.ReplaceAll(svg, []byte(placeholder), []byte(`\`))
		svg = bytes.ReplaceAll(svg, []byte("&#57344;"), []byte(`\`))
	}
	return svg
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
	// blankText matches a line with a <text> element of one space: the
	// label of an unnamed node (Graphviz draws the node's name for an
	// empty label, so DOT writes " ").
	blankText = regexp.MustCompile(`(?m)^<text [^>\n]*> </text>\n`)
	// edgeGroup matches the line that opens an edge's group and captures
	// its id, as Graphviz writes it (already escaped for XML).
	edgeGroup = regexp.MustCompile(`^<g id="([^"]*)" class="edge">`)
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
