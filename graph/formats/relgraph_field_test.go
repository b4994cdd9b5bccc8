package formats

import (
	"fmt"
	"strings"
	"testing"
)

// TestReadJSONFieldIndex: a value of the wrong JSON type is named with its
// array indices, as the reader's other errors are ("edges[1].target: …").
// Issue 5/7: a weight given as a string said "field edges.weight". The
// line:column is encoding/json's offset (after the bad value).
func TestReadJSONFieldIndex(t *testing.T) {
	doc := func(nodes, edges string) string {
		return fmt.Sprintf(`{"format": "relgraph/graph@1", "episode": {"id": "x"}, "nodes": %s, "edges": %s}`, nodes, edges)
	}
	ab := `[{"id": "a"}, {"id": "b"}, {"id": "c"}]`
	tests := []struct{ name, in, want string }{
		{"string weight, second edge",
			doc(ab, `[{"source": "a", "target": "b", "weight": 1}, {"source": "a", "target": "c", "weight": "2"}]`),
			"field edges[1].weight: got JSON string, want a number (float64)"},
		{"string weight, first edge",
			doc(ab, `[{"source": "a", "target": "b", "weight": "1"}]`),
			"field edges[0].weight: got JSON string"},
		{"number id, third node",
			doc(`[{"id": "a"}, {"id": "b"}, {"id": 3}]`, `[]`),
			"field nodes[2].id: got JSON number, want a string"},
		{"unit inside a list",
			doc(ab, `[{"source": "a", "target": "b", "weight": 1}, {"source": "b", "target": "c", "weight": 1, "units": [4, 5, "6"]}]`),
			"field edges[1].units[2]: got JSON string"},
		{"evidence unit",
			doc(ab, `[{"source": "a", "target": "b", "weight": 1, "evidence": [{"unit": 1, "text": "t"}, {"unit": true, "text": "u"}]}]`),
			"field edges[0].evidence[1].unit: got JSON bool"},
		// Keys only: the message stays encoding/json's.
		{"episode units",
			`{"format": "relgraph/graph@1", "episode": {"id": "x", "units": "ten"}, "nodes": [], "edges": []}`,
			"field episode.units: got JSON string"},
		{"edges not a list",
			doc(ab, `{"source": "a"}`),
			"field edges: got JSON object, want an array"},
		// Multi-line input: position and index both right.
		{"multi-line",
			"{\"format\": \"relgraph/graph@1\",\n \"nodes\": [{\"id\": \"a\"}, {\"id\": \"b\"}],\n \"edges\": [\n  {\"source\": \"a\", \"target\": \"b\", \"weight\": 1},\n  {\"source\": \"b\", \"target\": \"a\", \"weight\": [2]}]}",
			"f.json:5:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadJSON("f.json", []byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ReadJSON: %v\nwant it to contain %q", err, tc.want)
			}
		})
	}
	// The bad value's position in the multi-line case is in edges[1].
	_, err := ReadJSON("f.json", []byte(tests[len(tests)-1].in))
	if err == nil || !strings.Contains(err.Error(), "field edges[1].weight: got JSON array") {
		t.Errorf("multi-line: %v", err)
	}
}

// TestValuePath checks the path of the value at an offset on a hand-made
// document: offsets are those just after each value.
func TestValuePath(t *testing.T) {
	data := []byte(`{"a": [1, {"b": [true, "x"]}], "c": {"d": null}}`)
	for _, tc := range []struct {
		after string // the value's text, unique in data
		want  string
	}{
		{`1`, "a[0]"},
		{`true`, "a[1].b[0]"},
		{`"x"`, "a[1].b[1]"},
		{`null`, "c.d"},
	} {
		off := int64(strings.Index(string(data), tc.after) + len(tc.after))
		if got := valuePath(data, off); got != tc.want {
			t.Errorf("valuePath after %s = %q, want %q", tc.after, got, tc.want)
		}
	}
	if got := valuePath([]byte(`[1, 2`), 99); got != "" {
		t.Errorf("past the end of truncated data: %q, want \"\"", got)
	}
}
