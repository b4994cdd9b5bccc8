package formats

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	dotparse "gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"

	"github.com/relgraph/relgraph/graph"
)

// DOT (https://graphviz.org/doc/info/lang.html), parsed with gonum's DOT
// grammar (gonum.org/v1/gonum/graph/formats/dot); the mapping to the
// model is ours.
//
// Reading: the first graph of the file; "digraph" makes it directed. A
// node's "label" is graph.Node.Name, "mentions" Node.Mentions, other
// attributes are attributes: an unquoted numeral becomes a number, an
// unquoted true or false a boolean, anything else a string. An edge's
// "weight" (default 1) is Edge.Weight, "label" (or "relation") its
// relation, "units" and "evidence" JSON text; edge chains (a -- b -- c)
// and subgraph ends ({a b} -- c) are expanded. Graph attributes
// episode_id, episode_title, episode_source, unit and units are
// graph.Episode. Default attribute statements (node [...], edge [...])
// are ignored. Writing: every id and string quoted (\" and \\ escaped),
// numbers and booleans bare, so the reader gets back the same types. This
// is a data format; `relgraph render --format dot` writes the styled DOT
// of a map instead.

var dotStart = regexp.MustCompile(`(?is)^(?:\s*(?://[^\n]*|#[^\n]*|/\*.*?\*/))*\s*(?:strict\s+)?(?:di)?graph\b`)

// ReadDOT decodes the first graph of a DOT file. Syntax errors name the
// file and, where gonum's parser reports one, the line and column.
func ReadDOT(name string, data []byte) (g *graph.Graph, warns []string, err error) {
	if err := checkUTF8(name, data); err != nil {
		return nil, nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			g, warns, err = nil, nil, fmt.Errorf("%s: invalid DOT: %v", name, p)
		}
	}()
	file, err := dotparse.ParseBytes(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: invalid DOT: %v", name, err)
	}
	if len(file.Graphs) == 0 {
		return nil, nil, fmt.Errorf("%s: no graph in the DOT file", name)
	}
	src := file.Graphs[0]
	b := newBuilder(name, false)
	b.g.Directed = src.Directed
	type nodeRec struct {
		n     graph.Node
		attrs []*ast.Attr
	}
	var order []string
	nodes := map[string]*nodeRec{}
	touch := func(id string) *nodeRec {
		id = dotUnquote(id)
		r := nodes[id]
		if r == nil {
			r = &nodeRec{n: graph.Node{ID: id}}
			nodes[id] = r
			order = append(order, id)
		}
		return r
	}
	type edgeRec struct {
		from, to string
		attrs    []*ast.Attr
		n        int
	}
	var edges []edgeRec
	var ends func(v ast.Vertex) []string
	var walk func(stmts []ast.Stmt) []string
	ends = func(v ast.Vertex) []string {
		switch v := v.(type) {
		case *ast.Node:
			touch(v.ID)
			return []string{dotUnquote(v.ID)}
		case *ast.Subgraph:
			return walk(v.Stmts)
		}
		return nil
	}
	// walk visits statements and returns the nodes they mention.
	walk = func(stmts []ast.Stmt) []string {
		var seen []string
		for _, st := range stmts {
			switch st := st.(type) {
			case *ast.NodeStmt:
				r := touch(st.Node.ID)
				r.attrs = append(r.attrs, st.Attrs...)
				seen = append(seen, r.n.ID)
			case *ast.EdgeStmt:
				from := ends(st.From)
				seen = append(seen, from...)
				for to := st.To; to != nil; to = to.To {
					next := ends(to.Vertex)
					seen = append(seen, next...)
					for _, f := range from {
						for _, t := range next {
							edges = append(edges, edgeRec{from: f, to: t, attrs: st.Attrs, n: len(edges) + 1})
						}
					}
					from = next
				}
			case *ast.Attr:
				setEpisode(&b.g.Episode, dotUnquote(st.Key), dotValue(st.Val))
			case *ast.AttrStmt:
				if st.Kind == ast.GraphKind {
					for _, a := range st.Attrs {
						setEpisode(&b.g.Episode, dotUnquote(a.Key), dotValue(a.Val))
					}
				}
			case *ast.Subgraph:
				seen = append(seen, walk(st.Stmts)...)
			}
		}
		return seen
	}
	walk(src.Stmts)
	for _, id := range order {
		r := nodes[id]
		for _, a := range r.attrs {
			k, v := dotUnquote(a.Key), dotValue(a.Val)
			switch k {
			case "label":
				r.n.Name = valueText(v)
			case attrMentions:
				setMentions(&r.n, v)
			default:
				setAttr(&r.n, k, v)
			}
		}
		if err := b.addNode(r.n, fmt.Sprintf("node %q", id)); err != nil {
			return nil, nil, err
		}
	}
	for _, er := range edges {
		where := fmt.Sprintf("edge %d (%s–%s)", er.n, er.from, er.to)
		e := graph.Edge{Source: er.from, Target: er.to, Weight: 1}
		for _, a := range er.attrs {
			k, v := dotUnquote(a.Key), dotValue(a.Val)
			switch k {
			case attrWeight:
				w, err := parseWeight(valueText(v))
				if err != nil {
					return nil, nil, fmt.Errorf("%s: %s: %v", name, where, err)
				}
				e.Weight = w
			case "label", attrRelation, attrUnits, attrEvidence:
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

// dotUnquote removes DOT quotes: "a\"b" → a"b, "a\\b" → a\b.
func dotUnquote(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	if t, err := strconv.Unquote(s); err == nil {
		return t
	}
	inner := s[1 : len(s)-1]
	return strings.NewReplacer(`\"`, `"`, `\\`, `\`, "\\\n", "").Replace(inner)
}

var dotNumeral = regexp.MustCompile(`^[-]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)$`)

// dotValue types an attribute value: an unquoted numeral is a number, an
// unquoted true/false a boolean, the rest a string.
func dotValue(s string) any {
	if strings.HasPrefix(s, `"`) {
		return dotUnquote(s)
	}
	if dotNumeral.MatchString(s) {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
	}
	switch s {
	case "true":
		return true
	case "false":
		return false
	}
	return s
}

// dotQuote quotes s as a DOT string.
func dotQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`).Replace(s) + `"`
}

// dotAttrValue writes a value so that dotValue reads back its type.
func dotAttrValue(v any) string {
	switch x := v.(type) {
	case bool:
		return strconv.FormatBool(x)
	case float64:
		s := formatNumber(x)
		if dotNumeral.MatchString(s) {
			return s
		}
		return dotQuote(s)
	case int:
		return strconv.Itoa(x)
	}
	return dotQuote(valueText(v))
}

// WriteDOT writes g as a DOT data file (see ReadDOT for the mapping):
// graph attributes for the episode, nodes in canonical order with label,
// mentions and attributes sorted by name, then edges with weight, label
// (the relation), units and evidence.
func WriteDOT(w io.Writer, g *graph.Graph) error {
	c := canonicalCopy(g)
	bw := bufio.NewWriter(w)
	kw, op := "graph", "--"
	if c.Directed {
		kw, op = "digraph", "->"
	}
	fmt.Fprintf(bw, "strict %s %s {\n", kw, dotQuote(c.Name()))
	ep := episodeValues(c.Episode)
	for _, k := range episodeAttrs {
		if v, ok := ep[k]; ok {
			fmt.Fprintf(bw, "\t%s=%s\n", k, dotAttrValue(v))
		}
	}
	for _, n := range c.Nodes {
		var attrs []string
		if n.Name != "" {
			attrs = append(attrs, "label="+dotQuote(n.Name))
		}
		if n.Mentions != 0 {
			attrs = append(attrs, fmt.Sprintf("mentions=%d", n.Mentions))
		}
		keys := slices.Sorted(mapsKeys(n.Attributes))
		for _, k := range keys {
			if k == "label" || (k == attrMentions && n.Mentions != 0) {
				continue
			}
			attrs = append(attrs, dotQuote(k)+"="+dotAttrValue(n.Attributes[k]))
		}
		fmt.Fprintf(bw, "\t%s", dotQuote(n.ID))
		if len(attrs) > 0 {
			fmt.Fprintf(bw, " [%s]", strings.Join(attrs, " "))
		}
		bw.WriteString("\n")
	}
	for _, e := range c.Edges {
		attrs := []string{"weight=" + formatNumber(e.Weight)}
		if e.Relation != "" {
			attrs = append(attrs, "label="+dotQuote(e.Relation))
		}
		if len(e.Units) > 0 {
			attrs = append(attrs, "units="+dotQuote(unitsText(e.Units)))
		}
		if len(e.Evidence) > 0 {
			attrs = append(attrs, "evidence="+dotQuote(evidenceText(e.Evidence)))
		}
		fmt.Fprintf(bw, "\t%s %s %s [%s]\n", dotQuote(e.Source), op, dotQuote(e.Target), strings.Join(attrs, " "))
	}
	bw.WriteString("}\n")
	return bw.Flush()
}
