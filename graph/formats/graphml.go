package formats

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// GraphML (http://graphml.graphdrawing.org) with typed attributes, as
// yEd, Cytoscape and NetworkX write it.
//
// Mapping: <key attr.name="…" attr.type="…"> declares an attribute for
// nodes, edges or the graph; <default> values apply. A node's "name" (or,
// failing that, "label") is graph.Node.Name, "mentions" is Node.Mentions,
// the rest Node.Attributes (numbers as float64). An edge's "weight"
// (any case; default 1) is Edge.Weight, "relation" (or "label") its
// relation, "units" and "evidence" JSON text. The graph's
// episode_id, episode_title, episode_source, unit and units are
// graph.Episode. Keys without attr.name (yEd's graphics) are skipped;
// other edge attributes are dropped with a warning. Only the first <graph>
// is read; nested graphs and hyperedges are refused.

const graphmlNS = "http://graphml.graphdrawing.org/xmlns"

type graphmlKey struct {
	name, typ string
	def       any
}

// ReadGraphML decodes a GraphML document. Errors name the file, the line
// and the element.
func ReadGraphML(name string, data []byte) (*graph.Graph, []string, error) {
	root, ge, err := parseGraphXML(name, data, "graphml")
	if err != nil {
		return nil, nil, err
	}
	b := newBuilder(name, false)
	switch d, _ := ge.attr("edgedefault"); d {
	case "", "undirected":
	case "directed":
		b.g.Directed = true
	default:
		return nil, nil, fmt.Errorf("%s: %s: edgedefault %q: want directed or undirected", name, ge.where(), d)
	}
	// keys by id; a key "for" all applies to every domain.
	keys := map[string]map[string]graphmlKey{"node": {}, "edge": {}, "graph": {}}
	for _, k := range root.all("key") {
		id, ok := k.attr("id")
		if !ok {
			return nil, nil, fmt.Errorf("%s: %s: missing id", name, k.where())
		}
		an, ok := k.attr("attr.name")
		if !ok {
			continue // yfiles graphics and other extension keys
		}
		typ, _ := k.attr("attr.type")
		if typ == "" {
			typ = typeString
		}
		gk := graphmlKey{name: an, typ: typ}
		if def := k.child("default"); def != nil {
			v, err := parseTyped(typ, def.text.String())
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %s: default %v", name, def.where(), err)
			}
			gk.def = v
		}
		dom, _ := k.attr("for")
		switch dom {
		case "node", "edge", "graph":
			keys[dom][id] = gk
		case "all", "":
			for _, m := range keys {
				m[id] = gk
			}
		}
	}
	values := func(el *element, dom string) (map[string]any, error) {
		out := map[string]any{}
		for _, k := range keys[dom] {
			if k.def != nil {
				out[k.name] = k.def
			}
		}
		for _, d := range el.all("data") {
			id, ok := d.attr("key")
			if !ok {
				return nil, fmt.Errorf("%s: %s: missing key", name, d.where())
			}
			k, ok := keys[dom][id]
			if !ok {
				continue // an extension key without attr.name, or an undeclared one
			}
			v, err := parseTyped(k.typ, d.text.String())
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %s %v", name, d.where(), k.name, err)
			}
			out[k.name] = v
		}
		return out, nil
	}
	gv, err := values(ge, "graph")
	if err != nil {
		return nil, nil, err
	}
	for k, v := range gv {
		setEpisode(&b.g.Episode, k, v)
	}
	for _, c := range ge.children {
		switch c.name {
		case "hyperedge":
			return nil, nil, fmt.Errorf("%s: %s: hyperedges are not supported", name, c.where())
		case "node":
			id, ok := c.attr("id")
			if !ok {
				return nil, nil, fmt.Errorf("%s: %s: missing id", name, c.where())
			}
			if c.child("graph") != nil {
				return nil, nil, fmt.Errorf("%s: %s: nested graphs are not supported", name, c.where())
			}
			vals, err := values(c, "node")
			if err != nil {
				return nil, nil, err
			}
			n := graph.Node{ID: id}
			nameKey := ""
			if _, ok := vals[attrName]; ok {
				nameKey = attrName
			} else if _, ok := vals["label"]; ok {
				nameKey = "label"
			}
			for _, k := range slices.Sorted(maps.Keys(vals)) {
				switch {
				case k == nameKey:
					n.Name = valueText(vals[k])
				case k == attrMentions:
					setMentions(&n, vals[k])
				default:
					setAttr(&n, k, vals[k])
				}
			}
			if err := b.addNode(n, c.where()+fmt.Sprintf(" id=%q", id)); err != nil {
				return nil, nil, err
			}
		}
	}
	for _, c := range ge.all("edge") {
		where := c.where()
		src, ok1 := c.attr("source")
		tgt, ok2 := c.attr("target")
		if !ok1 || !ok2 {
			return nil, nil, fmt.Errorf("%s: %s: want both source and target", name, where)
		}
		if d, ok := c.attr("directed"); ok && d == "true" && !b.g.Directed {
			b.warns.add("directed", fmt.Sprintf("%s: %s: a directed edge in an undirected graph is read as undirected", name, where))
		}
		vals, err := values(c, "edge")
		if err != nil {
			return nil, nil, err
		}
		e := graph.Edge{Source: src, Target: tgt, Weight: 1}
		relKey := attrRelation
		if _, ok := vals[attrRelation]; !ok {
			relKey = "label"
		}
		for _, k := range slices.Sorted(maps.Keys(vals)) {
			v := vals[k]
			switch {
			case strings.EqualFold(k, attrWeight):
				w, err := parseWeight(valueText(v))
				if err != nil {
					return nil, nil, fmt.Errorf("%s: %s: %v", name, where, err)
				}
				e.Weight = w
			case k == relKey:
				e.Relation = valueText(v)
			case k == attrUnits || k == attrEvidence:
				if _, err := edgeExtra(&e, k, v); err != nil {
					return nil, nil, fmt.Errorf("%s: %s: %v", name, where, err)
				}
			default:
				b.dropEdgeAttr(k)
			}
		}
		if _, err := b.addEdge(e, where); err != nil {
			return nil, nil, err
		}
	}
	return b.finish()
}

// WriteGraphML writes g as GraphML with typed keys: graph keys for the
// episode, node keys name (string), mentions (long) and one per attribute
// (boolean, long, double or string, see nodeColumns), edge keys weight
// (long when every weight is whole, else double), relation, units and
// evidence. Keys are numbered d0, d1, … in that order; output is
// deterministic.
func WriteGraphML(w io.Writer, g *graph.Graph) error {
	c := canonicalCopy(g)
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	bw.WriteString(`<graphml xmlns="` + graphmlNS + `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	next := 0
	key := func(dom, name, typ string) string {
		id := fmt.Sprintf("d%d", next)
		next++
		fmt.Fprintf(bw, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\" />\n", id, dom, xmlEscape(name), typ)
		return id
	}
	ep := episodeValues(c.Episode)
	graphKeys := map[string]string{}
	for _, k := range episodeAttrs {
		if v, ok := ep[k]; ok {
			graphKeys[k] = key("graph", k, map[bool]string{true: typeLong, false: typeString}[kindOf(v) == typeLong])
		}
	}
	var nameKey, mentionsKey string
	if slices.ContainsFunc(c.Nodes, func(n graph.Node) bool { return n.Name != "" }) {
		nameKey = key("node", attrName, typeString)
	}
	if slices.ContainsFunc(c.Nodes, func(n graph.Node) bool { return n.Mentions != 0 }) {
		mentionsKey = key("node", attrMentions, typeLong)
	}
	cols := nodeColumns(c, attrName, attrMentions)
	colKeys := make([]string, len(cols))
	for i, col := range cols {
		colKeys[i] = key("node", col.name, col.typ)
	}
	wtype := typeLong
	if slices.ContainsFunc(c.Edges, func(e graph.Edge) bool { return kindOf(e.Weight) != typeLong }) {
		wtype = typeDouble
	}
	weightKey := key("edge", attrWeight, wtype)
	var relKey, unitsKey, evKey string
	if slices.ContainsFunc(c.Edges, func(e graph.Edge) bool { return e.Relation != "" }) {
		relKey = key("edge", attrRelation, typeString)
	}
	for _, col := range edgeColumns(c) {
		if col.name == attrUnits {
			unitsKey = key("edge", attrUnits, typeString)
		} else {
			evKey = key("edge", attrEvidence, typeString)
		}
	}
	fmt.Fprintf(bw, "  <graph id=\"G\" edgedefault=\"%s\">\n", edgeType(c.Directed))
	for _, k := range episodeAttrs {
		if id, ok := graphKeys[k]; ok {
			fmt.Fprintf(bw, "    <data key=\"%s\">%s</data>\n", id, xmlEscape(valueText(ep[k])))
		}
	}
	data := func(indent, id, text string) {
		fmt.Fprintf(bw, "%s<data key=\"%s\">%s</data>\n", indent, id, xmlEscape(text))
	}
	for _, n := range c.Nodes {
		var lines []func()
		if nameKey != "" && n.Name != "" {
			lines = append(lines, func() { data("      ", nameKey, n.Name) })
		}
		if mentionsKey != "" {
			lines = append(lines, func() { data("      ", mentionsKey, fmt.Sprint(n.Mentions)) })
		}
		for i, col := range cols {
			if v, ok := n.Attributes[col.name]; ok {
				lines = append(lines, func() { data("      ", colKeys[i], valueText(v)) })
			}
		}
		fmt.Fprintf(bw, "    <node id=\"%s\"", xmlEscape(n.ID))
		if len(lines) == 0 {
			bw.WriteString(" />\n")
			continue
		}
		bw.WriteString(">\n")
		for _, l := range lines {
			l()
		}
		bw.WriteString("    </node>\n")
	}
	for _, e := range c.Edges {
		fmt.Fprintf(bw, "    <edge source=\"%s\" target=\"%s\">\n", xmlEscape(e.Source), xmlEscape(e.Target))
		data("      ", weightKey, formatNumber(e.Weight))
		if relKey != "" && e.Relation != "" {
			data("      ", relKey, e.Relation)
		}
		if unitsKey != "" && len(e.Units) > 0 {
			data("      ", unitsKey, unitsText(e.Units))
		}
		if evKey != "" && len(e.Evidence) > 0 {
			data("      ", evKey, evidenceText(e.Evidence))
		}
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}
