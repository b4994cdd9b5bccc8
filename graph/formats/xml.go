package formats

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// element is one XML element of a parsed document: its local name, its
// attributes by local name, its child elements, its character data and the
// line it starts on (for errors).
type element struct {
	name     string
	attrs    map[string]string
	children []*element
	text     strings.Builder
	line     int
}

func (e *element) attr(name string) (string, bool) {
	v, ok := e.attrs[name]
	return v, ok
}

// child returns the first child element with the local name, or nil.
func (e *element) child(name string) *element {
	for _, c := range e.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// all returns the child elements with the local name.
func (e *element) all(name string) []*element {
	var out []*element
	for _, c := range e.children {
		if c.name == name {
			out = append(out, c)
		}
	}
	return out
}

// maxXMLDepth bounds element nesting; graph files nest a handful deep.
const maxXMLDepth = 64

// parseXML reads a whole XML document into a tree. It never expands
// entities beyond XML's five predefined ones and never fetches anything:
// a DOCTYPE that declares entities is refused, and an undefined entity
// reference is an error (encoding/xml in strict mode). Documents in
// UTF-8, ISO-8859-1 or Windows-1252 are accepted. Errors name the file and
// the line.
// parseGraphXML parses a GEXF or GraphML document whose root element is
// rootName and returns the root and its first <graph> child; a wrong root
// or a missing <graph> is an error naming the file and line.
func parseGraphXML(name string, data []byte, rootName string) (root, ge *element, err error) {
	if root, err = parseXML(name, data); err != nil {
		return nil, nil, err
	}
	if root.name != rootName {
		return nil, nil, fmt.Errorf("%s: line %d: root element <%s>, want <%s>", name, root.line, root.name, rootName)
	}
	if ge = root.child("graph"); ge == nil {
		return nil, nil, fmt.Errorf("%s: line %d: <%s> has no <graph> element", name, root.line, rootName)
	}
	return root, ge, nil
}

func parseXML(name string, data []byte) (*element, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "iso-8859-1", "latin1", "latin-1", "iso8859-1":
			return charmap.ISO8859_1.NewDecoder().Reader(input), nil
		case "windows-1252", "cp1252":
			return charmap.Windows1252.NewDecoder().Reader(input), nil
		}
		return nil, fmt.Errorf("unsupported encoding %q (want UTF-8)", label)
	}
	var root *element
	var stack []*element
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				if strings.Contains(se.Msg, "unexpected EOF") {
					return nil, fmt.Errorf("%s:%d: XML ends early (truncated file?): %s", name, se.Line, se.Msg)
				}
				return nil, fmt.Errorf("%s:%d: invalid XML: %s", name, se.Line, se.Msg)
			}
			return nil, fmt.Errorf("%s:%d: invalid XML: %v", name, line, err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return nil, fmt.Errorf("%s:%d: DOCTYPE declares entities; relgraph never expands or fetches XML entities", name, line)
			}
		case xml.StartElement:
			if len(stack) >= maxXMLDepth {
				return nil, fmt.Errorf("%s:%d: XML nested deeper than %d elements", name, line, maxXMLDepth)
			}
			line, _ = d.InputPos()
			e := &element{name: t.Name.Local, attrs: make(map[string]string, len(t.Attr)), line: line}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				e.attrs[a.Name.Local] = a.Value
			}
			if len(stack) == 0 {
				if root != nil {
					return nil, fmt.Errorf("%s:%d: a second root element <%s>", name, line, t.Name.Local)
				}
				root = e
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, e)
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("%s: no XML element (empty or truncated file)", name)
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("%s: XML ends inside <%s> (truncated file?)", name, stack[len(stack)-1].name)
	}
	return root, nil
}

// xmlRoot returns the local name of the first element in head, or "".
func xmlRoot(head []byte) string {
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local
		}
	}
}

// xmlEscape escapes s for XML character data and attribute values.
func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		case '\n':
			b.WriteString("&#10;")
		case '\r':
			b.WriteString("&#13;")
		case '\t':
			b.WriteString("&#9;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// where names an element for errors: "<edge> at line 12".
func (e *element) where() string {
	return fmt.Sprintf("line %d: <%s>", e.line, e.name)
}
