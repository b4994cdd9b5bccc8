package formats

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// Attribute types shared by the typed formats (GEXF, GraphML). Numbers are
// held as float64 in graph.Node.Attributes, as encoding/json decodes them,
// so a value reads back the same from every format.
const (
	typeString = "string"
	typeBool   = "boolean"
	typeLong   = "long"
	typeDouble = "double"
)

// column is one attribute declared for nodes or edges: its name and the
// type that holds every value written under it.
type column struct {
	name string
	typ  string
}

// nodeColumns returns the node attribute names of g, sorted, each with the
// narrowest type that holds all its values: boolean, long (all whole
// numbers), double (all numbers), else string (mixed kinds, strings,
// lists and objects, which are written as JSON text).
func nodeColumns(g *graph.Graph, reserved ...string) []column {
	kinds := map[string]string{}
	for _, n := range g.Nodes {
		for k, v := range n.Attributes {
			if slices.Contains(reserved, k) {
				continue
			}
			kinds[k] = widen(kinds[k], kindOf(v))
		}
	}
	cols := make([]column, 0, len(kinds))
	for k, t := range kinds {
		cols = append(cols, column{k, t})
	}
	slices.SortFunc(cols, func(a, b column) int { return strings.Compare(a.name, b.name) })
	return cols
}

// appendAttrCells appends to row one cell per column of cols: the text of
// n's value under the column's name (valueText), "" where n has none.
func appendAttrCells(row []string, n graph.Node, cols []column) []string {
	for _, col := range cols {
		if v, ok := n.Attributes[col.name]; ok {
			row = append(row, valueText(v))
		} else {
			row = append(row, "")
		}
	}
	return row
}

func kindOf(v any) string {
	switch x := v.(type) {
	case bool:
		return typeBool
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return typeLong
		}
		return typeDouble
	case int:
		return typeLong
	case int64:
		return typeLong
	case float32:
		return typeDouble
	}
	return typeString
}

func widen(have, next string) string {
	switch {
	case have == "" || have == next:
		return next
	case (have == typeLong && next == typeDouble) || (have == typeDouble && next == typeLong):
		return typeDouble
	}
	return typeString
}

// valueText writes an attribute value as text: booleans as true/false,
// numbers as formatNumber does, strings as they are, anything else as
// compact JSON.
func valueText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return formatNumber(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float32:
		return formatNumber(float64(x))
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// parseTyped decodes text declared with a GEXF or GraphML type. Integer
// and real types become float64; unknown types (liststring, anyURI, …)
// stay strings.
func parseTyped(typ, text string) (any, error) {
	switch strings.ToLower(typ) {
	case "boolean", "bool":
		switch strings.ToLower(strings.TrimSpace(text)) {
		case "true", "1":
			return true, nil
		case "false", "0":
			return false, nil
		}
		return nil, fmt.Errorf("%q: want true or false", text)
	case "int", "integer", "long", "short", "byte":
		v, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%q: want an integer", text)
		}
		return float64(v), nil
	case "float", "double":
		v, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
		if err != nil {
			return nil, fmt.Errorf("%q: want a number", text)
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			// encoding/json cannot write NaN or ±Inf; keep the text.
			return strings.TrimSpace(text), nil
		}
		return v, nil
	}
	return text, nil
}

// unitsText writes an edge's unit list as a JSON array ("[2,5,9]"), the
// form every text-attribute format uses for it.
func unitsText(units []int) string {
	b, _ := json.Marshal(units)
	return string(b)
}

// parseUnits reads a unit list written by unitsText, or a list of
// integers separated by commas or spaces.
func parseUnits(s string) ([]int, error) {
	s = strings.TrimSpace(s)
	var units []int
	if strings.HasPrefix(s, "[") {
		if err := json.Unmarshal([]byte(s), &units); err != nil {
			return nil, fmt.Errorf("units %q: want a JSON array of unit numbers", s)
		}
	} else {
		for f := range strings.FieldsFuncSeq(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
			u, err := strconv.Atoi(f)
			if err != nil {
				return nil, fmt.Errorf("units %q: %q is not a unit number", s, f)
			}
			units = append(units, u)
		}
	}
	for _, u := range units {
		if u < 1 {
			return nil, fmt.Errorf("units %q: unit numbers count from 1", s)
		}
	}
	return units, nil
}

// evidenceText writes an edge's evidence as compact JSON, as in relgraph
// JSON; "" when there is none.
func evidenceText(ev []graph.Evidence) string {
	if len(ev) == 0 {
		return ""
	}
	b, _ := json.Marshal(ev)
	return string(b)
}

func parseEvidence(s string) ([]graph.Evidence, error) {
	var ev []graph.Evidence
	if err := json.Unmarshal([]byte(s), &ev); err != nil {
		return nil, fmt.Errorf("evidence: want the JSON array relgraph writes: %v", err)
	}
	return ev, nil
}

// Reserved attribute names that typed formats map to fields of the model
// rather than to Node.Attributes.
const (
	attrName     = "name"
	attrMentions = "mentions"
	attrWeight   = "weight"
	attrRelation = "relation"
	attrUnits    = "units"
	attrEvidence = "evidence"
)

// episodeAttrs lists the graph-level attributes that carry graph.Episode
// in GraphML and GML, in writing order.
var episodeAttrs = []string{"episode_id", "episode_title", "episode_source", "unit", "units"}

// episodeValues returns the episode's non-empty graph-level attributes.
func episodeValues(ep graph.Episode) map[string]any {
	m := map[string]any{}
	for k, v := range map[string]string{"episode_id": ep.ID, "episode_title": ep.Title, "episode_source": ep.Source, "unit": ep.Unit} {
		if v != "" {
			m[k] = v
		}
	}
	if ep.Units != 0 {
		m["units"] = float64(ep.Units)
	}
	return m
}

// setEpisode sets one graph-level attribute on ep; it reports whether the
// key is an episode attribute.
func setEpisode(ep *graph.Episode, key string, v any) bool {
	s := valueText(v)
	switch key {
	case "episode_id":
		ep.ID = s
	case "episode_title":
		ep.Title = s
	case "episode_source":
		ep.Source = s
	case "unit":
		ep.Unit = s
	case "units":
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return false
		}
		ep.Units = n
	default:
		return false
	}
	return true
}

// setMentions stores a "mentions" attribute in n.Mentions when it is a
// non-negative whole number, else as an ordinary attribute.
func setMentions(n *graph.Node, v any) {
	if f, ok := v.(float64); ok && f >= 0 && f == math.Trunc(f) && f < 1<<31 {
		n.Mentions = int(f)
		return
	}
	if s, ok := v.(string); ok {
		if i, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && i >= 0 {
			n.Mentions = i
			return
		}
	}
	setAttr(n, attrMentions, v)
}

func setAttr(n *graph.Node, k string, v any) {
	if n.Attributes == nil {
		n.Attributes = map[string]any{}
	}
	n.Attributes[k] = v
}

// edgeExtra applies an edge attribute that the model keeps (relation,
// units, evidence); it reports whether key was one of them.
func edgeExtra(e *graph.Edge, key string, v any) (bool, error) {
	switch key {
	case attrRelation, "label":
		e.Relation = valueText(v)
	case attrUnits:
		u, err := parseUnits(valueText(v))
		if err != nil {
			return true, err
		}
		e.Units = u
	case attrEvidence:
		ev, err := parseEvidence(valueText(v))
		if err != nil {
			return true, err
		}
		e.Evidence = ev
	default:
		return false, nil
	}
	return true, nil
}
