package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

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
		return nil, indexedField(data, err)
	}
	if err := g.Validate(); err != nil {
		return nil, fmt.Errorf("%s: field %w", name, err)
	}
	g.Canonicalize()
	return &g, nil
}

// indexedField puts the array indices into the field of a type error of
// jsonx.Decode: encoding/json names a bad value by its keys only
// ("edges.weight"), so the message says "field edges[1].weight", as the
// other errors of the reader do. The document decoded as graph.Graph up to
// the error, which is decoded again to learn where it is (only when
// reading failed). Other errors are returned unchanged.
func indexedField(data []byte, err error) error {
	var typ *json.UnmarshalTypeError
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if e := json.Unmarshal(data, new(graph.Graph)); !errors.As(e, &typ) || typ.Field == "" {
		return err
	}
	p := valuePath(data, typ.Offset)
	if p == "" || p == typ.Field {
		return err
	}
	msg := strings.Replace(err.Error(), "field "+typ.Field+":", "field "+p+":", 1)
	return errors.New(msg)
}

// valuePath returns the path of the JSON value of data that ends at or
// after byte offset off — keys joined by ".", array elements as "[i]"
// ("edges[1].weight") — or "" when data has no value there. data is valid
// JSON up to off.
func valuePath(data []byte, off int64) string {
	type level struct {
		array bool
		index int    // array: elements before the current one
		key   string // object: key of the current member
		isKey bool   // object: the next token is a key
	}
	var stack []level
	path := func() string {
		var b strings.Builder
		for _, l := range stack {
			if l.array {
				fmt.Fprintf(&b, "[%d]", l.index)
			} else {
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(l.key)
			}
		}
		return b.String()
	}
	// next moves the innermost level past the value just read.
	next := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				stack[n-1].isKey = true
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		n := len(stack)
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:n-1]
			next()
			continue
		}
		if n > 0 && !stack[n-1].array && stack[n-1].isKey {
			stack[n-1].key, _ = tok.(string)
			stack[n-1].isKey = false
			continue
		}
		p := path()
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, level{array: d == '[', isKey: d == '{'})
		} else {
			next()
		}
		if dec.InputOffset() >= off {
			return p
		}
	}
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
