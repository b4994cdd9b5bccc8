package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/internal/jsonx"
)

// Node-link JSON, as NetworkX (node_link_data) and D3 write it:
// {"directed": …, "graph": {…}, "nodes": [{…}], "links" or "edges": [{…}]}.
//
// Nodes: the id is "id" (a string, or a number kept as its text, so
// "007" and 7 stay apart); without "id" it is "name" (D3 and the Star Wars
// and miserables.json files). With an "id", "name" (else "label") is
// graph.Node.Name. "mentions" is Node.Mentions; every other key is an
// attribute.
//
// Links: "source" and "target" are node ids (strings, or numbers matched
// against numeric ids), or, when the nodes have no "id", indexes into
// "nodes" (numbers) or names (strings). D3 after a simulation has run
// stores the node object itself; that works too. The weight is "weight",
// else "value", else 1; "relation" (else "label") is the relation,
// "units" and "evidence" as in relgraph JSON. Other link keys are dropped
// with a warning.

// ReadNodeLink decodes node-link JSON. Errors name the file and the line
// and column (syntax) or the JSON field (e.g. "links[3].source").
func ReadNodeLink(name string, data []byte) (*graph.Graph, []string, error) {
	var top map[string]json.RawMessage
	if err := jsonx.Decode(name, data, &top); err != nil {
		return nil, nil, err
	}
	b := newBuilder(name, false)
	fieldErr := func(field string, format string, args ...any) error {
		return fmt.Errorf("%s: field %s: %s", name, field, fmt.Sprintf(format, args...))
	}
	decode := func(field string, raw json.RawMessage, v any) error {
		d := json.NewDecoder(bytes.NewReader(raw))
		d.UseNumber()
		if err := d.Decode(v); err != nil {
			return fieldErr(field, "%v", err)
		}
		return nil
	}
	if raw, ok := top["directed"]; ok {
		if err := decode("directed", raw, &b.g.Directed); err != nil {
			return nil, nil, err
		}
	}
	if raw, ok := top["graph"]; ok && string(raw) != "null" {
		var ga map[string]any
		if err := decode("graph", raw, &ga); err == nil {
			for k, v := range ga {
				setEpisode(&b.g.Episode, k, jsonValue(v))
			}
		}
	}
	rawNodes, ok := top["nodes"]
	if !ok {
		return nil, nil, fieldErr("nodes", "missing (node-link JSON has \"nodes\" and \"links\" or \"edges\")")
	}
	var nodes []map[string]any
	if err := decode("nodes", rawNodes, &nodes); err != nil {
		return nil, nil, fieldErr("nodes", "want an array of objects")
	}
	hasIDs := len(nodes) > 0
	for _, n := range nodes {
		if _, ok := n["id"]; !ok {
			hasIDs = false
		}
	}
	order := make([]string, len(nodes)) // node index → id
	for i, obj := range nodes {
		field := fmt.Sprintf("nodes[%d]", i)
		var n graph.Node
		var used []string
		if hasIDs {
			id, err := idText(obj["id"])
			if err != nil {
				return nil, nil, fieldErr(field+".id", "%v", err)
			}
			n.ID = id
			used = append(used, "id")
			for _, k := range []string{"name", "label"} {
				if s, ok := obj[k].(string); ok {
					n.Name = s
					used = append(used, k)
					break
				}
			}
		} else {
			s, ok := obj["name"].(string)
			if !ok {
				return nil, nil, fieldErr(field, "want an \"id\" or a \"name\" string")
			}
			n.ID = s
			used = append(used, "name")
		}
		for _, k := range slices.Sorted(mapsKeys(obj)) {
			if slices.Contains(used, k) {
				continue
			}
			if k == attrMentions {
				setMentions(&n, jsonValue(obj[k]))
				continue
			}
			setAttr(&n, k, jsonValue(obj[k]))
		}
		if err := b.addNode(n, "field "+field); err != nil {
			return nil, nil, err
		}
		order[i] = n.ID
	}
	linksKey := "links"
	rawLinks, ok := top["links"]
	if !ok {
		linksKey = "edges"
		rawLinks, ok = top["edges"]
	}
	var links []map[string]any
	if ok && string(rawLinks) != "null" {
		if err := decode(linksKey, rawLinks, &links); err != nil {
			return nil, nil, fieldErr(linksKey, "want an array of objects")
		}
	}
	endpoint := func(field string, v any) (string, error) {
		if obj, ok := v.(map[string]any); ok { // D3 after simulation
			if hasIDs {
				v = obj["id"]
			} else if idx, ok := obj["index"]; ok {
				v = idx
			} else {
				v = obj["name"]
			}
		}
		switch x := v.(type) {
		case string:
			if b.node(x) == nil {
				return "", fieldErr(field, "unknown node %q", x)
			}
			return x, nil
		case json.Number:
			if hasIDs {
				if b.node(x.String()) == nil {
					return "", fieldErr(field, "unknown node id %s", x)
				}
				return x.String(), nil
			}
			i, err := strconv.Atoi(x.String())
			if err != nil || i < 0 || i >= len(order) {
				return "", fieldErr(field, "%s is not a node index (0..%d)", x, len(order)-1)
			}
			return order[i], nil
		case nil:
			return "", fieldErr(field, "missing")
		}
		return "", fieldErr(field, "want a node id or index")
	}
	dropped := map[string]bool{}
	for i, l := range links {
		field := fmt.Sprintf("%s[%d]", linksKey, i)
		var e graph.Edge
		var err error
		if e.Source, err = endpoint(field+".source", l["source"]); err != nil {
			return nil, nil, err
		}
		if e.Target, err = endpoint(field+".target", l["target"]); err != nil {
			return nil, nil, err
		}
		e.Weight = 1
		wkey := ""
		for _, k := range []string{"weight", "value"} {
			if _, ok := l[k]; ok {
				wkey = k
				break
			}
		}
		if wkey != "" {
			num, ok := l[wkey].(json.Number)
			if !ok {
				return nil, nil, fieldErr(field+"."+wkey, "want a number, got %s", jsonText(l[wkey]))
			}
			w, err := parseWeight(num.String())
			if err != nil {
				return nil, nil, fieldErr(field+"."+wkey, "%v", err)
			}
			e.Weight = w
		}
		relKey := attrRelation
		if _, ok := l[attrRelation]; !ok {
			relKey = "label"
		}
		for _, k := range slices.Sorted(mapsKeys(l)) {
			v := l[k]
			switch k {
			case "source", "target", wkey, "key":
			case relKey:
				s, ok := v.(string)
				if !ok {
					return nil, nil, fieldErr(field+"."+k, "want a string")
				}
				e.Relation = s
			case attrUnits, attrEvidence:
				raw, _ := json.Marshal(v)
				var err error
				if k == attrUnits {
					err = json.Unmarshal(raw, &e.Units)
					if err == nil && slices.ContainsFunc(e.Units, func(u int) bool { return u < 1 }) {
						err = fmt.Errorf("unit numbers count from 1")
					}
				} else {
					err = json.Unmarshal(raw, &e.Evidence)
				}
				if err != nil {
					return nil, nil, fieldErr(field+"."+k, "%v", err)
				}
			default:
				if !dropped[k] {
					dropped[k] = true
					b.warns.add("dropped", fmt.Sprintf("%s: field %s.%s: link attribute not kept (relgraph edges keep weight, relation, units and evidence)", name, field, k))
				}
			}
		}
		if _, err := b.addEdge(e, "field "+field); err != nil {
			return nil, nil, err
		}
	}
	return b.finish()
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// idText returns a node id: a string as it is, a number as its JSON text.
func idText(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	}
	return "", fmt.Errorf("want a string or a number, got %s", jsonText(v))
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// jsonValue converts json.Number (from UseNumber) to float64, recursively,
// so attributes hold what encoding/json would decode.
func jsonValue(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		if err != nil || math.IsInf(f, 0) {
			return x.String()
		}
		return f
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = jsonValue(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = jsonValue(e)
		}
		return out
	}
	return v
}

// orderedObject is a JSON object written with its keys in the given order.
type orderedObject struct {
	keys []string
	vals []any
}

func (o *orderedObject) set(k string, v any) {
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
}

// MarshalJSON implements json.Marshaler.
func (o orderedObject) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		buf.Write(kb)
		buf.WriteByte(':')
		vb, err := marshalNoEscape(o.vals[i])
		if err != nil {
			return nil, err
		}
		buf.Write(vb)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// WriteNodeLink writes g as node-link JSON that D3 and NetworkX read:
// {"directed", "multigraph": false, "graph": {episode_id, …}, "nodes":
// [{"id", "name", "mentions", attributes…}], "links": [{"source", "target",
// "weight", "relation", "units", "evidence"}]}, links by node id. NetworkX
// 3.4 and later read it with node_link_graph(data, edges="links").
func WriteNodeLink(w io.Writer, g *graph.Graph) error {
	c := canonicalCopy(g)
	var top orderedObject
	top.set("directed", c.Directed)
	top.set("multigraph", false)
	var ga orderedObject
	ep := episodeValues(c.Episode)
	for _, k := range episodeAttrs {
		if v, ok := ep[k]; ok {
			ga.set(k, v)
		}
	}
	top.set("graph", ga)
	nodes := make([]orderedObject, 0, len(c.Nodes))
	for _, n := range c.Nodes {
		var o orderedObject
		o.set("id", n.ID)
		if n.Name != "" {
			o.set("name", n.Name)
		}
		if n.Mentions != 0 {
			o.set(attrMentions, n.Mentions)
		}
		for _, k := range slices.Sorted(mapsKeys(n.Attributes)) {
			switch k {
			case "id", "name", attrMentions:
				if k != attrMentions || n.Mentions != 0 {
					continue
				}
			}
			o.set(k, n.Attributes[k])
		}
		nodes = append(nodes, o)
	}
	top.set("nodes", nodes)
	links := make([]orderedObject, 0, len(c.Edges))
	for _, e := range c.Edges {
		var o orderedObject
		o.set("source", e.Source)
		o.set("target", e.Target)
		o.set("weight", json.Number(formatNumber(e.Weight)))
		if e.Relation != "" {
			o.set(attrRelation, e.Relation)
		}
		if len(e.Units) > 0 {
			o.set(attrUnits, e.Units)
		}
		if len(e.Evidence) > 0 {
			o.set(attrEvidence, e.Evidence)
		}
		links = append(links, o)
	}
	top.set("links", links)
	compact, err := marshalNoEscape(top)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, compact, "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = w.Write(out.Bytes())
	return err
}
