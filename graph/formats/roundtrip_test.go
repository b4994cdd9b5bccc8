package formats

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// rich is a graph that exercises every field a lossless format must keep:
// ids that look like numbers, booleans or markup, names with non-ASCII
// letters and quotes, typed attributes, an isolated character, integer and
// fractional weights, relations, units, evidence and the episode.
func rich() *graph.Graph {
	g := &graph.Graph{
		Episode: graph.Episode{ID: "e01", Title: "Lukas sucht „seinen“ Vater", Source: "episodes/e01.txt", Unit: "sentence", Units: 27},
		Nodes: []graph.Node{
			{ID: "007", Name: "James Bond", Mentions: 7, Attributes: map[string]any{"gender": "m", "age": float64(42), "height": 1.83, "agent": true}},
			{ID: "true", Name: "Zoë \"Z\" O'Neill & <Co>", Mentions: 1, Attributes: map[string]any{"gender": "f", "age": float64(31), "height": 1.6, "agent": false}},
			{ID: "1e3", Attributes: map[string]any{"gender": "x"}},
			{ID: "isolated one"},
			{ID: "Kathrin", Name: "Dr. Kathrin Globisch", Mentions: 12},
		},
		Edges: []graph.Edge{
			{Source: "007", Target: "true", Weight: 3, Relation: "Mutter/Sohn", Units: []int{2, 5, 9},
				Evidence: []graph.Evidence{{Unit: 2, Text: "Bond trifft „Zoë“.", Mentions: []graph.Mention{{Start: 0, End: 4}, {Start: 13, End: 16, Resolved: "pronoun"}}}}},
			{Source: "007", Target: "1e3", Weight: 0.25},
			{Source: "Kathrin", Target: "true", Weight: 1000000},
		},
	}
	g.Canonicalize()
	return g
}

// TestLosslessRoundTrips: write rich() in each lossless format, read it
// back, and get the same graph; writing it again gives the same bytes.
func TestLosslessRoundTrips(t *testing.T) {
	for _, format := range []string{JSON, NodeLink, GEXF, GraphML, GML, DOT} {
		t.Run(format, func(t *testing.T) {
			want := rich()
			var first bytes.Buffer
			if err := Write(&first, want, format); err != nil {
				t.Fatal(err)
			}
			got, warns, err := Read("g."+ext(format), first.Bytes(), ReadOptions{From: format})
			if err != nil {
				t.Fatalf("%v\n%s", err, first.String())
			}
			if len(warns) > 0 {
				t.Errorf("warnings: %q", warns)
			}
			if !reflect.DeepEqual(got, want) {
				gj, _ := json.MarshalIndent(got, "", " ")
				wj, _ := json.MarshalIndent(want, "", " ")
				t.Errorf("round trip changed the graph:\n got %s\nwant %s\nfile:\n%s", gj, wj, first.String())
			}
			var second bytes.Buffer
			if err := Write(&second, got, format); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("second write differs:\n%s\n---\n%s", first.String(), second.String())
			}
		})
	}
}

func ext(format string) string {
	switch format {
	case NodeLink:
		return "json"
	case Pajek:
		return "net"
	}
	return format
}

// TestCSVRoundTrip: the edge list with its node table keeps ids, names,
// mentions, weights, relations and units; attributes come back as text.
func TestCSVRoundTrip(t *testing.T) {
	g := rich()
	var edges, nodes bytes.Buffer
	if err := WriteCSV(&edges, g); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSVNodes(&nodes, g); err != nil {
		t.Fatal(err)
	}
	got, _, err := Read("x-edges.csv", edges.Bytes(), ReadOptions{Nodes: nodes.Bytes(), NodesName: "x-nodes.csv"})
	if err != nil {
		t.Fatalf("%v\n%s\n%s", err, edges.String(), nodes.String())
	}
	if len(got.Nodes) != len(g.Nodes) || len(got.Edges) != len(g.Edges) {
		t.Fatalf("got %d nodes, %d edges; want %d, %d", len(got.Nodes), len(got.Edges), len(g.Nodes), len(g.Edges))
	}
	for i, n := range got.Nodes {
		w := g.Nodes[i]
		if n.ID != w.ID || n.Name != w.Name || n.Mentions != w.Mentions {
			t.Errorf("node %d = %+v, want %+v", i, n, w)
		}
		for k, v := range w.Attributes {
			if n.Attributes[k] != valueText(v) {
				t.Errorf("node %s attribute %s = %#v, want %q", n.ID, k, n.Attributes[k], valueText(v))
			}
		}
	}
	for i, e := range got.Edges {
		w := g.Edges[i]
		if e.Source != w.Source || e.Target != w.Target || e.Weight != w.Weight || e.Relation != w.Relation || !reflect.DeepEqual(e.Units, w.Units) {
			t.Errorf("edge %d = %+v, want %+v", i, e, w)
		}
	}
}

// TestPajekRoundTrip: Pajek keeps ids (isolated ones too) and weights.
func TestPajekRoundTrip(t *testing.T) {
	g := rich()
	var buf bytes.Buffer
	if err := WritePajek(&buf, g); err != nil {
		t.Fatal(err)
	}
	got, _, err := Read("g.net", buf.Bytes(), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range got.Nodes {
		if n.ID != g.Nodes[i].ID {
			t.Errorf("node %d = %q, want %q", i, n.ID, g.Nodes[i].ID)
		}
	}
	if len(got.Edges) != len(g.Edges) {
		t.Fatalf("%d edges, want %d", len(got.Edges), len(g.Edges))
	}
	for i, e := range got.Edges {
		w := g.Edges[i]
		if e.Source != w.Source || e.Target != w.Target || e.Weight != w.Weight {
			t.Errorf("edge %d = %v, want %v", i, e, w)
		}
	}
}

// TestIntegerWeightsStayIntegers: whole weights are written without a
// decimal point or exponent in every format.
func TestIntegerWeightsStayIntegers(t *testing.T) {
	g := rich()
	for _, format := range WriteFormats() {
		if format == Neo4j {
			continue
		}
		var buf bytes.Buffer
		if err := Write(&buf, g, format); err != nil {
			t.Fatal(format, err)
		}
		s := buf.String()
		for _, bad := range []string{"1e+06", "1000000.0", "3.0"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s output has %q:\n%s", format, bad, s)
			}
		}
		if !strings.Contains(s, "1000000") || !strings.Contains(s, "0.25") {
			t.Errorf("%s output lacks a weight:\n%s", format, s)
		}
	}
}
