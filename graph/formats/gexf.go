package formats

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// GEXF (https://gexf.net, version 1.3) is Gephi's format.
//
// Mapping: a node's label is graph.Node.Name (written only when the node
// has a name; a label equal to the id reads back as no name); the node
// attribute "mentions" is Node.Mentions, the others Node.Attributes with
// their GEXF types (boolean, long, double, string; numbers read as
// float64). An edge's weight is the XML weight attribute (default 1), its
// label the relation; the edge attributes "units" and "evidence" hold
// Edge.Units and Edge.Evidence as JSON text. The episode is kept in
// <meta><description> as "relgraph/episode {json}". Other edge attributes
// are dropped with a warning (the model keeps none). Attribute values with
// a start or end (dynamic GEXF) and spells are ignored: a dynamic file
// reads as its static graph.

const (
	gexfNS           = "http://gexf.net/1.3"
	gexfEpisodeTag   = "relgraph/episode "
	gexfXMLHeader    = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	gexfRootOpenTail = ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n"
)

// ReadGEXF decodes a GEXF document (versions 1.1 to 1.3). Errors name the
// file, the line and the element.
func ReadGEXF(name string, data []byte) (*graph.Graph, []string, error) {
	root, ge, err := parseGraphXML(name, data, "gexf")
	if err != nil {
		return nil, nil, err
	}
	b := newBuilder(name, false)
	switch t, _ := ge.attr("defaultedgetype"); t {
	case "", "undirected":
	case "directed":
		b.g.Directed = true
	case "mutual":
	default:
		return nil, nil, fmt.Errorf("%s: %s: defaultedgetype %q: want directed, undirected or mutual", name, ge.where(), t)
	}
	if meta := root.child("meta"); meta != nil {
		if d := meta.child("description"); d != nil {
			if js, ok := strings.CutPrefix(strings.TrimSpace(d.text.String()), gexfEpisodeTag); ok {
				if err := json.Unmarshal([]byte(js), &b.g.Episode); err != nil {
					return nil, nil, fmt.Errorf("%s: %s: relgraph episode: %v", name, d.where(), err)
				}
			}
		}
	}
	// Attribute declarations by class, keyed by attribute id.
	decl := map[string]map[string]gexfAttr{"node": {}, "edge": {}}
	for _, as := range ge.all("attributes") {
		class, _ := as.attr("class")
		if decl[class] == nil {
			continue // graph-level or unknown classes carry nothing we keep
		}
		for _, a := range as.all("attribute") {
			id, ok := a.attr("id")
			if !ok {
				return nil, nil, fmt.Errorf("%s: %s: missing id", name, a.where())
			}
			title, _ := a.attr("title")
			if title == "" {
				title = id
			}
			typ, _ := a.attr("type")
			ga := gexfAttr{title: title, typ: typ}
			if def := a.child("default"); def != nil {
				v, err := parseTyped(typ, def.text.String())
				if err != nil {
					return nil, nil, fmt.Errorf("%s: %s: default %v", name, def.where(), err)
				}
				ga.def = v
			}
			decl[class][id] = ga
		}
	}
	values := func(el *element, class string) (map[string]any, error) {
		out := map[string]any{}
		for _, d := range decl[class] {
			if d.def != nil {
				out[d.title] = d.def
			}
		}
		avs := el.child("attvalues")
		if avs == nil {
			return out, nil
		}
		for _, av := range avs.all("attvalue") {
			if isDynamic(av) {
				continue
			}
			id, ok := av.attr("for")
			if !ok {
				id, ok = av.attr("id") // GEXF 1.1
			}
			if !ok {
				return nil, fmt.Errorf("%s: %s: missing for", name, av.where())
			}
			d, ok := decl[class][id]
			if !ok {
				return nil, fmt.Errorf("%s: %s: for=%q names no declared %s attribute", name, av.where(), id, class)
			}
			text, _ := av.attr("value")
			v, err := parseTyped(d.typ, text)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: attribute %s: %v", name, av.where(), d.title, err)
			}
			out[d.title] = v
		}
		return out, nil
	}
	if nodes := ge.child("nodes"); nodes != nil {
		for _, ne := range nodes.all("node") {
			id, ok := ne.attr("id")
			if !ok {
				return nil, nil, fmt.Errorf("%s: %s: missing id", name, ne.where())
			}
			n := graph.Node{ID: id}
			if l, _ := ne.attr("label"); l != id {
				n.Name = l
			}
			vals, err := values(ne, "node")
			if err != nil {
				return nil, nil, err
			}
			for _, k := range slices.Sorted(maps.Keys(vals)) {
				if k == attrMentions {
					setMentions(&n, vals[k])
				} else {
					setAttr(&n, k, vals[k])
				}
			}
			if err := b.addNode(n, ne.where()+fmt.Sprintf(" id=%q", id)); err != nil {
				return nil, nil, err
			}
		}
	}
	if edges := ge.child("edges"); edges != nil {
		for _, ee := range edges.all("edge") {
			where := ee.where()
			if id, ok := ee.attr("id"); ok {
				where += fmt.Sprintf(" id=%q", id)
			}
			src, ok1 := ee.attr("source")
			tgt, ok2 := ee.attr("target")
			if !ok1 || !ok2 {
				return nil, nil, fmt.Errorf("%s: %s: want both source and target", name, where)
			}
			e := graph.Edge{Source: src, Target: tgt, Weight: 1}
			if ws, ok := ee.attr("weight"); ok {
				w, err := parseWeight(ws)
				if err != nil {
					return nil, nil, fmt.Errorf("%s: %s: %v", name, where, err)
				}
				e.Weight = w
			}
			if t, _ := ee.attr("type"); t == "directed" && !b.g.Directed {
				b.warns.add("directed", fmt.Sprintf("%s: %s: a directed edge in an undirected graph is read as undirected", name, where))
			}
			e.Relation, _ = ee.attr("label")
			vals, err := values(ee, "edge")
			if err != nil {
				return nil, nil, err
			}
			for _, k := range slices.Sorted(maps.Keys(vals)) {
				kept, err := edgeExtra(&e, k, vals[k])
				if err != nil {
					return nil, nil, fmt.Errorf("%s: %s: %v", name, where, err)
				}
				if !kept && k != attrWeight {
					b.dropEdgeAttr(k)
				}
			}
			if _, err := b.addEdge(e, where); err != nil {
				return nil, nil, err
			}
		}
	}
	return b.finish()
}

type gexfAttr struct {
	title, typ string
	def        any
}

func isDynamic(e *element) bool {
	for _, k := range []string{"start", "end", "startopen", "endopen"} {
		if _, ok := e.attrs[k]; ok {
			return true
		}
	}
	return false
}

// WriteGEXF writes g as a static GEXF 1.3 document (see ReadGEXF for the
// mapping). Attributes are declared in name order with ids 0, 1, …;
// nodes and edges come in canonical order; no date is written, so the same
// graph gives the same bytes.
func WriteGEXF(w io.Writer, g *graph.Graph) error {
	c := canonicalCopy(g)
	bw := bufio.NewWriter(w)
	bw.WriteString(gexfXMLHeader)
	bw.WriteString(`<gexf xmlns="` + gexfNS + `"` + gexfRootOpenTail)
	writeGEXFMeta(bw, c.Episode, "")
	fmt.Fprintf(bw, "  <graph defaultedgetype=\"%s\" mode=\"static\">\n", edgeType(c.Directed))
	nodeCols := nodeColumns(c, attrMentions)
	hasMentions := slices.ContainsFunc(c.Nodes, func(n graph.Node) bool { return n.Mentions != 0 })
	if hasMentions {
		nodeCols = append([]column{{attrMentions, typeLong}}, nodeCols...)
	}
	edgeCols := edgeColumns(c)
	writeGEXFDecl(bw, "node", "static", nodeCols, 0)
	writeGEXFDecl(bw, "edge", "static", edgeCols, len(nodeCols))
	bw.WriteString("    <nodes>\n")
	for _, n := range c.Nodes {
		vals := nodeValues(n, hasMentions)
		writeGEXFNode(bw, n, vals, nodeCols, 0, "")
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	for i, e := range c.Edges {
		fmt.Fprintf(bw, "      <edge id=\"%d\" source=\"%s\" target=\"%s\" weight=\"%s\"", i, xmlEscape(e.Source), xmlEscape(e.Target), formatNumber(e.Weight))
		if e.Relation != "" {
			fmt.Fprintf(bw, " label=\"%s\"", xmlEscape(e.Relation))
		}
		vals := edgeValues(e)
		if len(vals) == 0 {
			bw.WriteString(" />\n")
			continue
		}
		bw.WriteString(">\n        <attvalues>\n")
		for j, col := range edgeCols {
			if v, ok := vals[col.name]; ok {
				fmt.Fprintf(bw, "          <attvalue for=\"%d\" value=\"%s\" />\n", len(nodeCols)+j, xmlEscape(v))
			}
		}
		bw.WriteString("        </attvalues>\n      </edge>\n")
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

func edgeType(directed bool) string {
	if directed {
		return "directed"
	}
	return "undirected"
}

func writeGEXFMeta(bw *bufio.Writer, ep graph.Episode, extra string) {
	bw.WriteString("  <meta>\n    <creator>relgraph</creator>\n")
	if ep != (graph.Episode{}) || extra != "" {
		desc := extra
		if ep != (graph.Episode{}) {
			js, _ := json.Marshal(ep)
			desc = gexfEpisodeTag + string(js)
		}
		fmt.Fprintf(bw, "    <description>%s</description>\n", xmlEscape(desc))
	}
	bw.WriteString("  </meta>\n")
}

func writeGEXFDecl(bw *bufio.Writer, class, mode string, cols []column, first int) {
	if len(cols) == 0 {
		return
	}
	fmt.Fprintf(bw, "    <attributes class=\"%s\" mode=\"%s\">\n", class, mode)
	for i, col := range cols {
		fmt.Fprintf(bw, "      <attribute id=\"%d\" title=\"%s\" type=\"%s\" />\n", first+i, xmlEscape(col.name), col.typ)
	}
	bw.WriteString("    </attributes>\n")
}

// writeGEXFNode writes a node with its attribute values (by column name)
// and, when spells is not empty, its spells element.
func writeGEXFNode(bw *bufio.Writer, n graph.Node, vals map[string]string, cols []column, first int, spells string) {
	fmt.Fprintf(bw, "      <node id=\"%s\"", xmlEscape(n.ID))
	if n.Name != "" {
		fmt.Fprintf(bw, " label=\"%s\"", xmlEscape(n.Name))
	}
	if len(vals) == 0 && spells == "" {
		bw.WriteString(" />\n")
		return
	}
	bw.WriteString(">\n")
	if len(vals) > 0 {
		bw.WriteString("        <attvalues>\n")
		for i, col := range cols {
			if v, ok := vals[col.name]; ok {
				fmt.Fprintf(bw, "          <attvalue for=\"%d\" value=\"%s\" />\n", first+i, xmlEscape(v))
			}
		}
		bw.WriteString("        </attvalues>\n")
	}
	bw.WriteString(spells)
	bw.WriteString("      </node>\n")
}

// nodeValues returns the text of a node's attributes by name, with
// mentions when the graph has any.
func nodeValues(n graph.Node, withMentions bool) map[string]string {
	vals := make(map[string]string, len(n.Attributes)+1)
	for k, v := range n.Attributes {
		if k != attrMentions || !withMentions {
			vals[k] = valueText(v)
		}
	}
	if withMentions {
		vals[attrMentions] = formatNumber(float64(n.Mentions))
	}
	return vals
}

// edgeColumns are the edge attributes written besides weight and relation:
// units and evidence, when any edge has them.
func edgeColumns(g *graph.Graph) []column {
	var cols []column
	if slices.ContainsFunc(g.Edges, func(e graph.Edge) bool { return len(e.Units) > 0 }) {
		cols = append(cols, column{attrUnits, typeString})
	}
	if slices.ContainsFunc(g.Edges, func(e graph.Edge) bool { return len(e.Evidence) > 0 }) {
		cols = append(cols, column{attrEvidence, typeString})
	}
	return cols
}

func edgeValues(e graph.Edge) map[string]string {
	vals := map[string]string{}
	if len(e.Units) > 0 {
		vals[attrUnits] = unitsText(e.Units)
	}
	if len(e.Evidence) > 0 {
		vals[attrEvidence] = evidenceText(e.Evidence)
	}
	return vals
}

// canonicalCopy returns a shallow copy of g with its own node and edge
// slices in canonical order.
func canonicalCopy(g *graph.Graph) *graph.Graph {
	c := *g
	c.Nodes = append([]graph.Node{}, g.Nodes...)
	c.Edges = append([]graph.Edge{}, g.Edges...)
	c.Canonicalize()
	return &c
}

// WriteGEXFDynamic writes a dynamic GEXF 1.3 document of a series:
// episodes[i] is time step i+1 (timeformat "integer"). Every node and edge
// of any episode appears once, with one <spell start="k" end="k"/> per
// episode k it occurs in. A node's label and static attributes come from
// its first episode; its mentions, and an edge's weight, are dynamic
// attribute values per episode (attribute ids "mentions" and "weight"),
// and the static XML weight is the sum over all episodes, so a reader
// that ignores time sees the whole series. The dynamic attribute
// "episode" carries each step's episode id (graph.Name), and
// <meta><description> lists them ("episodes: 1=e01 2=e02 …").
//
// Gephi shows the episodes on its timeline; NetworkX read_gexf reads the
// spells as (start, end) tuples. Episodes may be directed or not; the
// series is directed only if all are.
func WriteGEXFDynamic(w io.Writer, episodes []*graph.Graph) error {
	if len(episodes) == 0 {
		return fmt.Errorf("gexf: no episodes to write")
	}
	type nodeInfo struct {
		node     graph.Node
		steps    []int
		mentions []int
	}
	type edgeInfo struct {
		e       graph.Edge
		steps   []int
		weights []float64
	}
	nodes := map[string]*nodeInfo{}
	edges := map[[2]string]*edgeInfo{}
	directed := true
	labels := make([]string, len(episodes))
	for i, g := range episodes {
		step := i + 1
		labels[i] = fmt.Sprintf("%d=%s", step, g.Name())
		directed = directed && g.Directed
		for _, n := range g.Nodes {
			ni := nodes[n.ID]
			if ni == nil {
				ni = &nodeInfo{node: n}
				nodes[n.ID] = ni
			}
			ni.steps = append(ni.steps, step)
			ni.mentions = append(ni.mentions, n.Mentions)
		}
	}
	for i, g := range episodes {
		step := i + 1
		for _, e := range g.Edges {
			k := [2]string{e.Source, e.Target}
			if !directed && k[0] > k[1] {
				k[0], k[1] = k[1], k[0]
			}
			ei := edges[k]
			if ei == nil {
				ei = &edgeInfo{e: graph.Edge{Source: k[0], Target: k[1], Relation: e.Relation}}
				edges[k] = ei
			}
			if n := len(ei.steps); n > 0 && ei.steps[n-1] == step {
				// A duplicate within one episode (only in an invalid or
				// directed-read-as-undirected graph): add to its weight.
				ei.weights[n-1] += e.Weight
			} else {
				ei.steps = append(ei.steps, step)
				ei.weights = append(ei.weights, e.Weight)
			}
			ei.e.Weight += e.Weight
		}
	}
	all := &graph.Graph{Directed: directed}
	for _, ni := range nodes {
		all.Nodes = append(all.Nodes, ni.node)
	}
	for _, ei := range edges {
		all.Edges = append(all.Edges, ei.e)
	}
	all.Canonicalize()

	bw := bufio.NewWriter(w)
	bw.WriteString(gexfXMLHeader)
	bw.WriteString(`<gexf xmlns="` + gexfNS + `"` + gexfRootOpenTail)
	writeGEXFMeta(bw, graph.Episode{}, "episodes: "+strings.Join(labels, " "))
	fmt.Fprintf(bw, "  <graph defaultedgetype=\"%s\" mode=\"dynamic\" timeformat=\"integer\" start=\"1\" end=\"%d\">\n", edgeType(directed), len(episodes))
	nodeCols := nodeColumns(all, attrMentions)
	writeGEXFDecl(bw, "node", "static", nodeCols, 0)
	bw.WriteString("    <attributes class=\"node\" mode=\"dynamic\">\n" +
		"      <attribute id=\"mentions\" title=\"mentions\" type=\"long\" />\n" +
		"      <attribute id=\"episode\" title=\"episode\" type=\"string\" />\n" +
		"    </attributes>\n" +
		"    <attributes class=\"edge\" mode=\"dynamic\">\n" +
		"      <attribute id=\"weight\" title=\"weight\" type=\"double\" />\n" +
		"      <attribute id=\"episode\" title=\"episode\" type=\"string\" />\n" +
		"    </attributes>\n")
	stepSpells := func(steps []int, indent string) string {
		var sb strings.Builder
		sb.WriteString(indent + "<spells>\n")
		for _, s := range steps {
			fmt.Fprintf(&sb, "%s  <spell start=\"%d\" end=\"%d\" />\n", indent, s, s)
		}
		sb.WriteString(indent + "</spells>\n")
		return sb.String()
	}
	dynValues := func(id string, steps []int, text func(i int) string, indent string) string {
		var sb strings.Builder
		for i, s := range steps {
			fmt.Fprintf(&sb, "%s<attvalue for=\"%s\" value=\"%s\" start=\"%d\" end=\"%d\" />\n", indent, id, xmlEscape(text(i)), s, s)
		}
		return sb.String()
	}
	bw.WriteString("    <nodes>\n")
	for _, n := range all.Nodes {
		ni := nodes[n.ID]
		fmt.Fprintf(bw, "      <node id=\"%s\"", xmlEscape(n.ID))
		if n.Name != "" {
			fmt.Fprintf(bw, " label=\"%s\"", xmlEscape(n.Name))
		}
		bw.WriteString(">\n        <attvalues>\n")
		vals := nodeValues(n, false)
		for i, col := range nodeCols {
			if v, ok := vals[col.name]; ok {
				fmt.Fprintf(bw, "          <attvalue for=\"%d\" value=\"%s\" />\n", i, xmlEscape(v))
			}
		}
		// Mentions are written only for episodes that counted them (a
		// graph from node-link or CSV has none; 0 means unknown there).
		var mSteps []int
		var mVals []int
		for i, s := range ni.steps {
			if ni.mentions[i] > 0 {
				mSteps, mVals = append(mSteps, s), append(mVals, ni.mentions[i])
			}
		}
		bw.WriteString(dynValues("mentions", mSteps, func(i int) string { return fmt.Sprint(mVals[i]) }, "          "))
		bw.WriteString(dynValues("episode", ni.steps, func(i int) string { return episodes[ni.steps[i]-1].Name() }, "          "))
		bw.WriteString("        </attvalues>\n")
		bw.WriteString(stepSpells(ni.steps, "        "))
		bw.WriteString("      </node>\n")
	}
	bw.WriteString("    </nodes>\n    <edges>\n")
	for i, e := range all.Edges {
		ei := edges[[2]string{e.Source, e.Target}]
		fmt.Fprintf(bw, "      <edge id=\"%d\" source=\"%s\" target=\"%s\" weight=\"%s\"", i, xmlEscape(e.Source), xmlEscape(e.Target), formatNumber(e.Weight))
		if e.Relation != "" {
			fmt.Fprintf(bw, " label=\"%s\"", xmlEscape(e.Relation))
		}
		bw.WriteString(">\n        <attvalues>\n")
		bw.WriteString(dynValues("weight", ei.steps, func(i int) string { return formatNumber(ei.weights[i]) }, "          "))
		bw.WriteString(dynValues("episode", ei.steps, func(i int) string { return episodes[ei.steps[i]-1].Name() }, "          "))
		bw.WriteString("        </attvalues>\n")
		bw.WriteString(stepSpells(ei.steps, "        "))
		bw.WriteString("      </edge>\n")
	}
	bw.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}
