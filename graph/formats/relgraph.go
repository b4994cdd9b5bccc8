package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/internal/jsonx"
)

// file is the on-disk shape of a relgraph graph: the model plus its format tag.
type file struct {
	Format string `json:"format"`
	graph.Graph
}

// ReadJSON decodes a relgraph/graph@1 document. name is used in errors,
// which give the line and column of a syntax error or the JSON field of a
// bad value (e.g. "edges[2].target: unknown node"). The graph is validated
// and returned in canonical order.
func ReadJSON(name string, data []byte) (*graph.Graph, error) {
	var head struct {
		Format any `json:"format"`
	}
	if err := jsonx.Decode(name, data, &head); err != nil {
		return nil, err
	}
	if head.Format != graph.FormatID {
		if head.Format == nil {
			return nil, fmt.Errorf("%s: field format: missing, want %q", name, graph.FormatID)
		}
		return nil, fmt.Errorf("%s: field format: got %v, want %q", name, head.Format, graph.FormatID)
	}
	var g graph.Graph
	if err := jsonx.Decode(name, data, &g); err != nil {
		return nil, err
	}
	if err := g.Validate(); err != nil {
		return nil, fmt.Errorf("%s: field %w", name, err)
	}
	g.Canonicalize()
	return &g, nil
}

// WriteJSON writes g as an indented relgraph/graph@1 document followed by a
// newline. Nodes and edges are written in canonical order; empty lists are
// written as [] rather than null.
func WriteJSON(w io.Writer, g *graph.Graph) error {
	c := *g
	c.Nodes = append([]graph.Node{}, g.Nodes...)
	c.Edges = append([]graph.Edge{}, g.Edges...)
	c.Canonicalize()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(file{Format: graph.FormatID, Graph: c}); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// readRelgraph is ReadJSON for Read. relgraph JSON is relgraph's own
// format and is read strictly: a duplicate edge or a self-loop is an
// error naming the field, not a warning.
func readRelgraph(name string, data []byte) (*graph.Graph, []string, error) {
	g, err := ReadJSON(name, data)
	return g, nil, err
}
