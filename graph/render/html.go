package render

import (
	"bytes"
	"cmp"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"regexp"

	"github.com/relgraph/relgraph/graph"
)

// Table is the ranking shown beside the map of an HTML page: one row per
// character with its measures.
type Table struct {
	// By is the measure the rows are ranked by (e.g. "strength").
	By string
	// Measures names the columns, in order.
	Measures []string
	// Rows are in rank order; Values[i] is the value of Measures[i].
	// Characters of the graph missing from Rows are listed without rank
	// or values.
	Rows []TableRow
}

// TableRow is one character of a Table.
type TableRow struct {
	Rank   int
	ID     string
	Values []float64
}

//go:embed page/page.css
var pageCSS string

//go:embed page/page.js
var pageJS string

// pageData is the JSON the page script reads.
type pageData struct {
	Title    string     `json:"title"`
	By       string     `json:"by"`
	Unit     string     `json:"unit"`
	Directed bool       `json:"directed"`
	Measures []string   `json:"measures"`
	Nodes    []pageNode `json:"nodes"`
	Edges    []pageEdge `json:"edges"`
}

type pageNode struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	SVG       string     `json:"svg"`
	Colour    string     `json:"colour"`
	Mentions  *int       `json:"mentions,omitempty"`  // nil when the graph has no mention counts
	Community *int       `json:"community,omitempty"` // nil when not coloured by community or a loner
	Rank      int        `json:"rank,omitempty"`
	Values    []*float64 `json:"values"`
}

type pageEdge struct {
	SVG      string         `json:"svg"`
	Source   string         `json:"source"`
	Target   string         `json:"target"`
	Weight   float64        `json:"weight"`
	Relation string         `json:"relation,omitempty"`
	Units    int            `json:"units"`
	Evidence []pageEvidence `json:"evidence"`
}

type pageEvidence struct {
	Unit int    `json:"unit"`
	Text string `json:"text"`
}

// HTML writes an interactive page of g to w: one self-contained HTML file
// (styles, script, data and the SVG map inline; nothing is fetched) with
// the map drawn as DOT(g, opt) and SVG draw it, pan and zoom (wheel, drag,
// buttons), a search box that highlights matching characters, a panel
// that shows a clicked character's measures and strongest ties or a
// clicked line's evidence sentences (all the evidence the graph keeps),
// and the ranking table t beside the map (sortable; a click on a row
// selects the character). Only the characters drawn (after Options.Top
// and MinWeight) are listed. An empty t lists Options.Measures. A
// clicked character's panel gives its rank, mentions (only when the graph
// has mention counts), community and every measure of t.
//
// Names and sentences reach the page as JSON (with <, > and & escaped, so
// no text can close the script element) and are put into the page as
// text, never as markup. The same input gives the same bytes.
func HTML(ctx context.Context, g *graph.Graph, opt Options, t Table, w io.Writer) error {
	if err := opt.Check(); err != nil {
		return err
	}
	if len(t.Measures) == 0 && len(t.Rows) == 0 {
		t = opt.Measures
	}
	p := newPlan(g, opt, false)
	svg, err := SVG(ctx, DOT(g, opt))
	if err != nil {
		return err
	}
	return writePage(p.g, p, svg, cmp.Or(opt.Title, g.Episode.Title, g.Episode.ID, "Character network"), t, opt.Communities, w)
}

// writePage writes the page of the drawn graph g (planned by p, drawn as
// svg) with the table t.
func writePage(g *graph.Graph, p *plan, svg []byte, title string, t Table, communities map[string]int, w io.Writer) error {
	data := pageData{
		Title: title,
		By:    t.By, Unit: cmp.Or(g.Episode.Unit, "unit"), Directed: g.Directed,
		Measures: t.Measures,
		Nodes:    []pageNode{}, Edges: []pageEdge{},
	}
	if data.Measures == nil {
		data.Measures = []string{}
	}
	rows := make(map[string]TableRow, len(t.Rows))
	for _, r := range t.Rows {
		rows[r.ID] = r
	}
	for _, n := range g.Nodes {
		pn := pageNode{ID: n.ID, Name: n.Label(), SVG: NodeID(n.ID), Colour: p.colours.fill[n.ID],
			Values: make([]*float64, len(t.Measures))}
		if p.mentions {
			pn.Mentions = &n.Mentions
		}
		if k, ok := communities[n.ID]; ok {
			pn.Community = &k
		}
		if r, ok := rows[n.ID]; ok {
			pn.Rank = r.Rank
			for i := range pn.Values {
				if i < len(r.Values) && !math.IsNaN(r.Values[i]) && !math.IsInf(r.Values[i], 0) {
					v := r.Values[i]
					pn.Values[i] = &v
				}
			}
		}
		data.Nodes = append(data.Nodes, pn)
	}
	for _, e := range g.Edges {
		pe := pageEdge{SVG: EdgeID(e.Source, e.Target), Source: e.Source, Target: e.Target, Weight: e.Weight,
			Relation: e.Relation, Units: max(len(e.Units), len(e.Evidence)), Evidence: []pageEvidence{}}
		if math.IsNaN(pe.Weight) || math.IsInf(pe.Weight, 0) {
			pe.Weight = 0
		}
		for _, ev := range e.Evidence {
			pe.Evidence = append(pe.Evidence, pageEvidence{ev.Unit, ev.Text})
		}
		data.Edges = append(data.Edges, pe)
	}
	js, err := json.Marshal(data) // escapes <, > and & as \u003c …
	if err != nil {
		return fmt.Errorf("render: html: %w", err)
	}
	var b bytes.Buffer
	htitle := html.EscapeString(data.Title)
	b.WriteString("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s – relgraph</title>\n<style>\n%s</style>\n</head>\n<body>\n<div id=\"app\">\n", htitle, pageCSS)
	fmt.Fprintf(&b, "<header><h1>%s</h1><input id=\"search\" type=\"search\" placeholder=\"Search a character\" aria-label=\"Search a character\" autocomplete=\"off\"><span id=\"hits\"></span>", htitle)
	b.WriteString("<button id=\"zoom-in\" title=\"Zoom in\">+</button><button id=\"zoom-out\" title=\"Zoom out\">−</button><button id=\"zoom-reset\" title=\"Show all\">⟲</button></header>\n")
	b.WriteString("<main id=\"map\">\n")
	b.Write(inlineSVG(svg))
	b.WriteString("</main>\n<div id=\"split\" role=\"separator\" aria-orientation=\"vertical\" aria-label=\"Resize the side panel\" tabindex=\"0\" title=\"Drag to resize\"></div>\n<aside>\n<div id=\"panel\" aria-live=\"polite\"></div>\n")
	b.WriteString("<table class=\"rank\"><thead><tr></tr></thead><tbody></tbody></table>\n")
	b.WriteString("<footer>Made with relgraph. Drag to pan, wheel or buttons to zoom, Esc clears the search; drag the bar left of this panel to resize it.</footer>\n</aside>\n</div>\n")
	fmt.Fprintf(&b, "<script type=\"application/json\" id=\"relgraph-data\">%s</script>\n", js)
	fmt.Fprintf(&b, "<script>\n%s</script>\n</body>\n</html>\n", pageJS)
	_, err = w.Write(b.Bytes())
	return err
}

// svgProlog matches what precedes the <svg> element in Graphviz's output:
// the XML declaration, the DOCTYPE and comments.
var svgProlog = regexp.MustCompile(`(?s)\A.*?(<svg[\s>])`)

// inlineSVG returns svg without its XML prolog, for inclusion in HTML.
func inlineSVG(svg []byte) []byte {
	return svgProlog.ReplaceAll(svg, []byte("$1"))
}
