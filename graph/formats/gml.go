package formats

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// GML (Himsolt, "GML: A portable Graph File Format", 1997) as NetworkX
// and igraph write it.
//
// Mapping: a node's key is its "label" (NetworkX writes the node id
// there), else its "name" (igraph), else its numeric "id"; its "name",
// when the label is the key, is graph.Node.Name; "mentions" is
// Node.Mentions; other scalar keys are attributes (integers and reals
// become float64, strings stay strings; a repeated key becomes a list;
// nested lists such as "graphics" are skipped). Edges refer to nodes by
// their GML "id"; "weight" (default 1) is Edge.Weight, "relation" (or
// "label") its relation, "units" and "evidence" JSON text; other edge keys
// are dropped with a warning. Graph-level episode_id, episode_title,
// episode_source, unit and units are graph.Episode. Strings are ASCII
// with HTML character entities (&#233;, &quot;, &amp;) for everything
// else, as NetworkX expects. GML has no booleans: true and false are
// written as 1 and 0, as NetworkX does, and the graph-level key
// relgraph_booleans lists those attributes so that relgraph reads them
// back as booleans (NetworkX reads 1 and 0).

// gmlBoolAttrs is the graph-level key listing the node attributes that
// hold booleans (written as 1 and 0), so relgraph reads them back as
// booleans; other GML readers see an ordinary graph attribute.
const gmlBoolAttrs = "relgraph_booleans"

var (
	gmlStart = regexp.MustCompile(`^(?:\s*(?:#[^\n]*\n|Creator\s+"[^"]*"|Version\s+\S+))*\s*graph\s*\[`)
	gmlKey   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// gmlValue is a parsed GML value: a number, a string or a list of
// key/value pairs.
type gmlValue struct {
	num    float64
	isNum  bool
	isInt  bool
	str    string
	isStr  bool
	list   []gmlPair
	isList bool
}

type gmlPair struct {
	key  string
	val  gmlValue
	line int
}

type gmlParser struct {
	name  string
	data  []byte
	pos   int
	line  int
	depth int
}

const maxGMLDepth = 32

func (p *gmlParser) errf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", p.name, p.line, fmt.Sprintf(format, args...))
}

// skip passes white space and # comments.
func (p *gmlParser) skip() {
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '\n':
			p.line++
			p.pos++
		case c == ' ' || c == '\t' || c == '\r':
			p.pos++
		case c == '#':
			for p.pos < len(p.data) && p.data[p.pos] != '\n' {
				p.pos++
			}
		default:
			return
		}
	}
}

// parseList reads key/value pairs up to "]" (inner) or the end (top).
func (p *gmlParser) parseList(inner bool, openLine int) ([]gmlPair, error) {
	var out []gmlPair
	for {
		p.skip()
		if p.pos >= len(p.data) {
			if inner {
				return nil, p.errf("file ends inside the [ … ] list opened on line %d (truncated file?)", openLine)
			}
			return out, nil
		}
		if p.data[p.pos] == ']' {
			if !inner {
				return nil, p.errf("unexpected ]")
			}
			p.pos++
			return out, nil
		}
		start := p.pos
		for p.pos < len(p.data) && (isGMLKeyByte(p.data[p.pos]) || (p.pos > start && p.data[p.pos] >= '0' && p.data[p.pos] <= '9')) {
			p.pos++
		}
		if p.pos == start {
			return nil, p.errf("want a key, got %q", string(p.data[p.pos:min(p.pos+10, len(p.data))]))
		}
		key := string(p.data[start:p.pos])
		line := p.line
		p.skip()
		v, err := p.parseValue()
		if err != nil {
			return nil, err
		}
		out = append(out, gmlPair{key: key, val: v, line: line})
	}
}

func isGMLKeyByte(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func (p *gmlParser) parseValue() (gmlValue, error) {
	if p.pos >= len(p.data) {
		return gmlValue{}, p.errf("file ends where a value was expected (truncated file?)")
	}
	switch c := p.data[p.pos]; {
	case c == '[':
		if p.depth >= maxGMLDepth {
			return gmlValue{}, p.errf("lists nested deeper than %d", maxGMLDepth)
		}
		p.pos++
		p.depth++
		l, err := p.parseList(true, p.line)
		p.depth--
		return gmlValue{list: l, isList: true}, err
	case c == '"':
		p.pos++
		start, line := p.pos, p.line
		for p.pos < len(p.data) && p.data[p.pos] != '"' {
			if p.data[p.pos] == '\n' {
				p.line++
			}
			p.pos++
		}
		if p.pos >= len(p.data) {
			p.line = line
			return gmlValue{}, p.errf("string not closed (truncated file?)")
		}
		s := string(p.data[start:p.pos])
		p.pos++
		return gmlValue{str: html.UnescapeString(s), isStr: true}, nil
	default:
		start := p.pos
		for p.pos < len(p.data) && !strings.ContainsRune(" \t\r\n[]\"#", rune(p.data[p.pos])) {
			p.pos++
		}
		tok := string(p.data[start:p.pos])
		if i, err := strconv.ParseInt(tok, 10, 64); err == nil {
			return gmlValue{num: float64(i), isNum: true, isInt: true}, nil
		}
		switch strings.ToUpper(strings.TrimPrefix(tok, "+")) {
		case "INF":
			return gmlValue{num: math.Inf(1), isNum: true}, nil
		case "-INF":
			return gmlValue{num: math.Inf(-1), isNum: true}, nil
		case "NAN":
			return gmlValue{num: math.NaN(), isNum: true}, nil
		}
		f, err := strconv.ParseFloat(tok, 64)
		if err != nil || tok == "" {
			return gmlValue{}, p.errf("value %q: want a number, a \"string\" or a [ list ]", tok)
		}
		return gmlValue{num: f, isNum: true}, nil
	}
}

// any converts a scalar to the attribute value the model keeps.
func (v gmlValue) any() any {
	if v.isStr {
		return v.str
	}
	return v.num
}

func (v gmlValue) text() string {
	if v.isStr {
		return v.str
	}
	if v.isNum {
		return formatNumber(v.num)
	}
	return ""
}

// ReadGML decodes a GML document. Errors name the file and the line.
func ReadGML(name string, data []byte) (*graph.Graph, []string, error) {
	if err := checkUTF8(name, data); err != nil {
		return nil, nil, err
	}
	p := &gmlParser{name: name, data: data, line: 1}
	top, err := p.parseList(false, 0)
	if err != nil {
		return nil, nil, err
	}
	var gl *gmlPair
	for i := range top {
		if top[i].key == "graph" {
			if !top[i].val.isList {
				return nil, nil, fmt.Errorf("%s:%d: graph: want a [ … ] list", name, top[i].line)
			}
			gl = &top[i]
			break
		}
	}
	if gl == nil {
		return nil, nil, fmt.Errorf("%s: no \"graph [ … ]\" (not a GML file?)", name)
	}
	b := newBuilder(name, false)
	for _, kv := range gl.val.list {
		if kv.key == "directed" && kv.val.isNum && kv.val.num == 1 {
			b.g.Directed = true
		}
	}
	gmlIDs := map[string]string{} // GML node id (as text) → relgraph id
	type pending struct {
		pairs []gmlPair
		line  int
	}
	var nodes, edges []pending
	boolAttrs := map[string]bool{} // node attributes written as 1/0 for booleans
	for _, kv := range gl.val.list {
		switch kv.key {
		case "node", "edge":
			if !kv.val.isList {
				return nil, nil, fmt.Errorf("%s:%d: %s: want a [ … ] list", name, kv.line, kv.key)
			}
			if kv.key == "node" {
				nodes = append(nodes, pending{kv.val.list, kv.line})
			} else {
				edges = append(edges, pending{kv.val.list, kv.line})
			}
		case gmlBoolAttrs:
			for _, k := range strings.Fields(kv.val.text()) {
				boolAttrs[k] = true
			}
		default:
			if !kv.val.isList {
				setEpisode(&b.g.Episode, kv.key, kv.val.any())
			}
		}
	}
	for _, nd := range nodes {
		attrs := map[string]gmlValue{}
		multi := map[string][]any{}
		for _, kv := range nd.pairs {
			if kv.val.isList {
				continue // graphics and other nested lists
			}
			if _, seen := attrs[kv.key]; seen {
				if multi[kv.key] == nil {
					multi[kv.key] = []any{attrs[kv.key].any()}
				}
				multi[kv.key] = append(multi[kv.key], kv.val.any())
				continue
			}
			attrs[kv.key] = kv.val
		}
		gid, ok := attrs["id"]
		where := fmt.Sprintf("line %d: node", nd.line)
		if !ok {
			return nil, nil, fmt.Errorf("%s:%d: node without id", name, nd.line)
		}
		var n graph.Node
		nameUsed := false
		switch {
		case attrs["label"].isStr:
			n.ID = attrs["label"].str
		case attrs["name"].isStr:
			n.ID = attrs["name"].str
			nameUsed = true
		default:
			n.ID = gid.text()
		}
		if _, dup := gmlIDs[gid.text()]; dup {
			return nil, nil, fmt.Errorf("%s:%d: duplicate node id %s", name, nd.line, gid.text())
		}
		gmlIDs[gid.text()] = n.ID
		for _, k := range sortedKeys(attrs) {
			v := attrs[k]
			switch {
			case k == "id" || k == "label":
			case k == attrName && !nameUsed:
				n.Name = v.text()
			case k == attrName:
			case multi[k] != nil:
				setAttr(&n, k, multi[k])
			case k == attrMentions:
				setMentions(&n, v.any())
			case boolAttrs[k] && v.isNum && (v.num == 0 || v.num == 1):
				setAttr(&n, k, v.num == 1)
			default:
				if v.isNum && (math.IsNaN(v.num) || math.IsInf(v.num, 0)) {
					setAttr(&n, k, v.text())
				} else {
					setAttr(&n, k, v.any())
				}
			}
		}
		if err := b.addNode(n, where); err != nil {
			return nil, nil, err
		}
	}
	for _, ed := range edges {
		where := fmt.Sprintf("line %d: edge", ed.line)
		e := graph.Edge{Weight: 1}
		var haveS, haveT bool
		relKey := "label"
		for _, kv := range ed.pairs {
			if kv.key == attrRelation {
				relKey = attrRelation
			}
		}
		for _, kv := range ed.pairs {
			if kv.val.isList {
				continue
			}
			switch kv.key {
			case "source", "target":
				id, ok := gmlIDs[kv.val.text()]
				if !ok {
					return nil, nil, fmt.Errorf("%s:%d: edge %s %s: no node has this id", name, kv.line, kv.key, kv.val.text())
				}
				if kv.key == "source" {
					e.Source, haveS = id, true
				} else {
					e.Target, haveT = id, true
				}
			case attrWeight:
				if !kv.val.isNum {
					return nil, nil, fmt.Errorf("%s:%d: weight %q: want a number", name, kv.line, kv.val.text())
				}
				if err := checkWeight(kv.val.num); err != nil {
					return nil, nil, fmt.Errorf("%s:%d: %v", name, kv.line, err)
				}
				e.Weight = kv.val.num
			case relKey:
				e.Relation = kv.val.text()
			case attrUnits, attrEvidence:
				if _, err := edgeExtra(&e, kv.key, kv.val.text()); err != nil {
					return nil, nil, fmt.Errorf("%s:%d: %v", name, kv.line, err)
				}
			case "id", "label", attrRelation:
			default:
				b.dropEdgeAttr(kv.key)
			}
		}
		if !haveS || !haveT {
			return nil, nil, fmt.Errorf("%s:%d: edge: want both source and target", name, ed.line)
		}
		if _, err := b.addEdge(e, where); err != nil {
			return nil, nil, err
		}
	}
	return b.finish()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// WriteGML writes g as GML the way NetworkX does: node ids 0, 1, … in
// canonical order with the relgraph id as label. Attribute names must be
// GML keys (a letter or _, then letters, digits or _); another name is an
// error, as is a reserved key (id, label, source, target) used as an
// attribute name.
func WriteGML(w io.Writer, g *graph.Graph) error {
	c := canonicalCopy(g)
	cols := nodeColumns(c, attrName, attrMentions)
	for _, col := range cols {
		if !gmlKey.MatchString(col.name) {
			return fmt.Errorf("gml: node attribute %q is not a GML key (a letter or _, then letters, digits or _)", col.name)
		}
		switch col.name {
		case "id", "label", "source", "target", "graph", "node", "edge":
			return fmt.Errorf("gml: node attribute %q clashes with a GML structure key", col.name)
		}
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("graph [\n")
	fmt.Fprintf(bw, "  directed %d\n", map[bool]int{false: 0, true: 1}[c.Directed])
	ep := episodeValues(c.Episode)
	for _, k := range episodeAttrs {
		if v, ok := ep[k]; ok {
			fmt.Fprintf(bw, "  %s %s\n", k, gmlScalar(v))
		}
	}
	var bools []string
	for _, col := range cols {
		if col.typ == typeBool {
			bools = append(bools, col.name)
		}
	}
	if len(bools) > 0 {
		fmt.Fprintf(bw, "  %s %s\n", gmlBoolAttrs, gmlString(strings.Join(bools, " ")))
	}
	index := make(map[string]int, len(c.Nodes))
	for i, n := range c.Nodes {
		index[n.ID] = i
		fmt.Fprintf(bw, "  node [\n    id %d\n    label %s\n", i, gmlString(n.ID))
		if n.Name != "" {
			fmt.Fprintf(bw, "    name %s\n", gmlString(n.Name))
		}
		if n.Mentions != 0 {
			fmt.Fprintf(bw, "    mentions %d\n", n.Mentions)
		}
		for _, col := range cols {
			if v, ok := n.Attributes[col.name]; ok {
				fmt.Fprintf(bw, "    %s %s\n", col.name, gmlScalar(v))
			}
		}
		bw.WriteString("  ]\n")
	}
	for _, e := range c.Edges {
		fmt.Fprintf(bw, "  edge [\n    source %d\n    target %d\n    weight %s\n", index[e.Source], index[e.Target], gmlNumber(e.Weight))
		if e.Relation != "" {
			fmt.Fprintf(bw, "    relation %s\n", gmlString(e.Relation))
		}
		if len(e.Units) > 0 {
			fmt.Fprintf(bw, "    units %s\n", gmlString(unitsText(e.Units)))
		}
		if len(e.Evidence) > 0 {
			fmt.Fprintf(bw, "    evidence %s\n", gmlString(evidenceText(e.Evidence)))
		}
		bw.WriteString("  ]\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// gmlScalar writes an attribute value: numbers bare, booleans as 1 or 0,
// everything else as a string.
func gmlScalar(v any) string {
	switch x := v.(type) {
	case bool:
		if x {
			return "1"
		}
		return "0"
	case float64:
		return gmlNumber(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	}
	return gmlString(valueText(v))
}

// gmlNumber writes a number NetworkX's GML reader accepts: a whole number
// as an integer, any other with a decimal point.
func gmlNumber(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NAN"
	case math.IsInf(v, 1):
		return "+INF"
	case math.IsInf(v, -1):
		return "-INF"
	}
	s := formatNumber(v)
	if strings.ContainsAny(s, ".") || !strings.ContainsAny(s, "eE") {
		return s
	}
	i := strings.IndexAny(s, "eE")
	return s[:i] + ".0" + s[i:]
}

// gmlString quotes s as a GML string: printable ASCII stays, ", & and
// everything else become HTML character entities.
func gmlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString("&quot;")
		case r == '&':
			b.WriteString("&amp;")
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "&#%d;", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
