package formats

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// Pajek .net (Batagelj and Mrvar, Pajek manual, "*Vertices", "*Edges",
// "*Arcs" sections).
//
// Reading: "*Vertices N" then lines "i label [x y z] …" (the label, quoted
// or not, is the node id; a vertex not listed has its number as id);
// "*Edges" lines "i j [w]" (w defaults to 1); "*Arcs" makes the graph
// directed; "*Edgeslist"/"*Arcslist" lines "i j k …" join i to each
// other vertex. "%" starts a comment line; "*Network" names the graph
// (the episode id). "*Matrix" is refused. Writing: ids as quoted labels
// (a " in an id becomes '), weights as numbers; names, attributes,
// relations and units are not kept — Pajek has no place for them.

// maxPajekVertices bounds "*Vertices N": a 20-byte file must not make
// relgraph allocate a graph of millions of characters.
const maxPajekVertices = 1 << 20

// ReadPajek decodes a Pajek .net file. Errors name the file and the line.
func ReadPajek(name string, data []byte) (*graph.Graph, []string, error) {
	if err := checkUTF8(name, normalizeNewlines(data)); err != nil {
		return nil, nil, err
	}
	data = normalizeNewlines(data)
	b := newBuilder(name, false)
	section := ""
	var ids []string // vertex number - 1 → id
	type rawEdge struct {
		e    graph.Edge
		line int
	}
	var edges []rawEdge
	vertex := func(tok string, ln int) (string, error) {
		i, err := strconv.Atoi(tok)
		if err != nil || i < 1 || i > len(ids) {
			return "", fmt.Errorf("%s:%d: vertex %q: want a number 1..%d", name, ln, tok, len(ids))
		}
		return ids[i-1], nil
	}
	for i, line := range strings.Split(string(data), "\n") {
		ln := i + 1
		s := strings.TrimSpace(strings.TrimPrefix(line, "\ufeff"))
		if s == "" || strings.HasPrefix(s, "%") {
			continue
		}
		if strings.HasPrefix(s, "*") {
			f := strings.Fields(s)
			switch kw := strings.ToLower(f[0]); kw {
			case "*network":
				b.g.Episode.ID = strings.Trim(strings.TrimSpace(s[len(f[0]):]), `"`)
				section = ""
			case "*vertices":
				if len(f) < 2 {
					return nil, nil, fmt.Errorf("%s:%d: *Vertices: want the number of vertices", name, ln)
				}
				n, err := strconv.Atoi(f[1])
				if err != nil || n < 0 {
					return nil, nil, fmt.Errorf("%s:%d: *Vertices %q: want a count", name, ln, f[1])
				}
				if n > maxPajekVertices {
					return nil, nil, fmt.Errorf("%s:%d: *Vertices %d: more than %d vertices", name, ln, n, maxPajekVertices)
				}
				if ids != nil {
					return nil, nil, fmt.Errorf("%s:%d: a second *Vertices section", name, ln)
				}
				ids = make([]string, n)
				for j := range ids {
					ids[j] = strconv.Itoa(j + 1)
				}
				section = "vertices"
			case "*edges", "*arcs", "*edgeslist", "*arcslist":
				if ids == nil {
					return nil, nil, fmt.Errorf("%s:%d: %s before *Vertices", name, ln, f[0])
				}
				if strings.HasPrefix(kw, "*arcs") {
					b.g.Directed = true
				}
				section = kw[1:]
			default:
				return nil, nil, fmt.Errorf("%s:%d: section %s is not supported (want *Vertices, *Edges, *Arcs, *Edgeslist or *Arcslist)", name, ln, f[0])
			}
			continue
		}
		switch section {
		case "vertices":
			num, rest, _ := strings.Cut(s, " ")
			if t := strings.IndexAny(s, " \t"); t >= 0 {
				num, rest = s[:t], strings.TrimSpace(s[t:])
			}
			k, err := strconv.Atoi(num)
			if err != nil || k < 1 || k > len(ids) {
				return nil, nil, fmt.Errorf("%s:%d: vertex number %q: want 1..%d", name, ln, num, len(ids))
			}
			label := rest
			if strings.HasPrefix(rest, `"`) {
				end := strings.IndexByte(rest[1:], '"')
				if end < 0 {
					return nil, nil, fmt.Errorf("%s:%d: label not closed with \"", name, ln)
				}
				label = rest[1 : 1+end]
			} else if f := strings.Fields(rest); len(f) > 0 {
				label = f[0]
			}
			if label != "" {
				ids[k-1] = label
			}
		case "edges", "arcs":
			f := strings.Fields(s)
			if len(f) < 2 {
				return nil, nil, fmt.Errorf("%s:%d: want \"from to [weight]\"", name, ln)
			}
			src, err := vertex(f[0], ln)
			if err != nil {
				return nil, nil, err
			}
			tgt, err := vertex(f[1], ln)
			if err != nil {
				return nil, nil, err
			}
			e := graph.Edge{Source: src, Target: tgt, Weight: 1}
			if len(f) > 2 {
				w, err := parseWeight(f[2])
				if err != nil {
					return nil, nil, fmt.Errorf("%s:%d: %v", name, ln, err)
				}
				e.Weight = w
			}
			edges = append(edges, rawEdge{e, ln})
		case "edgeslist", "arcslist":
			f := strings.Fields(s)
			src, err := vertex(f[0], ln)
			if err != nil {
				return nil, nil, err
			}
			for _, t := range f[1:] {
				tgt, err := vertex(t, ln)
				if err != nil {
					return nil, nil, err
				}
				edges = append(edges, rawEdge{graph.Edge{Source: src, Target: tgt, Weight: 1}, ln})
			}
		default:
			return nil, nil, fmt.Errorf("%s:%d: data before *Vertices", name, ln)
		}
	}
	if ids == nil {
		return nil, nil, fmt.Errorf("%s: no *Vertices section (not a Pajek .net file?)", name)
	}
	for i, id := range ids {
		if err := b.addNode(graph.Node{ID: id}, fmt.Sprintf("vertex %d", i+1)); err != nil {
			return nil, nil, err
		}
	}
	for _, re := range edges {
		if _, err := b.addEdge(re.e, fmt.Sprintf("line %d", re.line)); err != nil {
			return nil, nil, err
		}
	}
	return b.finish()
}

// WritePajek writes g as a Pajek .net file: *Vertices with the ids as
// quoted labels in canonical order, then *Edges (or *Arcs) "i j weight".
func WritePajek(w io.Writer, g *graph.Graph) error {
	c := canonicalCopy(g)
	bw := bufio.NewWriter(w)
	if id := c.Episode.ID; id != "" {
		fmt.Fprintf(bw, "*Network %s\n", strings.ReplaceAll(id, "\n", " "))
	}
	fmt.Fprintf(bw, "*Vertices %d\n", len(c.Nodes))
	index := make(map[string]int, len(c.Nodes))
	for i, n := range c.Nodes {
		index[n.ID] = i + 1
		fmt.Fprintf(bw, "%d \"%s\"\n", i+1, strings.ReplaceAll(n.ID, `"`, "'"))
	}
	if c.Directed {
		bw.WriteString("*Arcs\n")
	} else {
		bw.WriteString("*Edges\n")
	}
	for _, e := range c.Edges {
		fmt.Fprintf(bw, "%d %d %s\n", index[e.Source], index[e.Target], formatNumber(e.Weight))
	}
	return bw.Flush()
}
