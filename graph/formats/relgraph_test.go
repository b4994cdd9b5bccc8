package formats

import (
	"bytes"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

func sample() *graph.Graph {
	return &graph.Graph{
		Episode: graph.Episode{ID: "e01", Title: "Test", Source: "e01.txt", Unit: "sentence", Units: 3},
		Nodes: []graph.Node{
			{ID: "ben", Name: "Ben", Mentions: 2},
			{ID: "anna", Name: "Dr. Anna Berg", Mentions: 3, Attributes: map[string]any{"gender": "f"}},
			{ID: "carl", Name: "Carl"},
		},
		Edges: []graph.Edge{{
			Source: "ben", Target: "anna", Weight: 2, Relation: "Mutter/Sohn", Units: []int{3, 1},
			Evidence: []graph.Evidence{{Unit: 1, Text: "Anna sieht Ben.", Mentions: []graph.Mention{{Start: 0, End: 4}, {Start: 11, End: 14, Resolved: "pronoun"}}}},
		}},
	}
}

// TestRoundTrip: write, read, write gives the same bytes, in canonical order.
func TestRoundTrip(t *testing.T) {
	var first bytes.Buffer
	if err := WriteJSON(&first, sample()); err != nil {
		t.Fatal(err)
	}
	g, err := ReadJSON("x.json", first.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if g.Nodes[0].ID != "anna" || g.Edges[0].Source != "anna" || g.Edges[0].Units[0] != 1 {
		t.Errorf("not canonical: %+v", g)
	}
	var second bytes.Buffer
	if err := WriteJSON(&second, g); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Errorf("round trip changed the bytes:\n%s\n---\n%s", first.String(), second.String())
	}
	compact := strings.Join(strings.Fields(first.String()), "")
	for _, want := range []string{`"format":"relgraph/graph@1"`, `"weight":2,`, `{"span":[11,14],"resolved":"pronoun"}`, `"mentions":[[0,4],`} {
		if !strings.Contains(compact, want) {
			t.Errorf("output lacks %s:\n%s", want, first.String())
		}
	}
}

func TestWriteEmptyGraphHasEmptyLists(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, &graph.Graph{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"nodes": []`) || !strings.Contains(buf.String(), `"edges": []`) {
		t.Errorf("empty graph output:\n%s", buf.String())
	}
}

func TestReadJSONErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"syntax", "{\n\"format\": \"relgraph/graph@1\",\n\"nodes\": [}\n", "g.json:3:11: invalid JSON"},
		{"no format", `{"nodes": []}`, "field format: missing"},
		{"other format", `{"format": "relgraph/roster@1"}`, `field format: got relgraph/roster@1`},
		{"unknown target", `{"format": "relgraph/graph@1", "nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "b", "weight": 1}]}`, `field edges[0].target: unknown node "b"`},
		{"self-loop", `{"format": "relgraph/graph@1", "nodes": [{"id": "a"}], "edges": [{"source": "a", "target": "a", "weight": 1}]}`, "edges[0]: self-loop"},
		{"zero weight", `{"format": "relgraph/graph@1", "nodes": [{"id": "a"}, {"id": "b"}], "edges": [{"source": "a", "target": "b", "weight": 0}]}`, "edges[0].weight"},
		{"duplicate node", `{"format": "relgraph/graph@1", "nodes": [{"id": "a"}, {"id": "a"}]}`, `nodes[1].id: duplicate id "a"`},
		{"reversed duplicate edge", `{"format": "relgraph/graph@1", "nodes": [{"id": "a"}, {"id": "b"}], "edges": [{"source": "a", "target": "b", "weight": 1}, {"source": "b", "target": "a", "weight": 1}]}`, "edges[1]: duplicate edge"},
		{"bad mention", `{"format": "relgraph/graph@1", "nodes": [{"id": "a"}, {"id": "b"}], "edges": [{"source": "a", "target": "b", "weight": 1, "evidence": [{"unit": 1, "text": "x", "mentions": [[1, 2, 3]]}]}]}`, "mention"},
		{"weight as string", `{"format": "relgraph/graph@1", "nodes": [{"id": "a"}, {"id": "b"}], "edges": [{"source": "a", "target": "b", "weight": "3"}]}`, "field edges[0].weight: got JSON string"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadJSON("g.json", []byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
