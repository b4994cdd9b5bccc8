package formats

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
)

// Format names, as --from and --to take them.
const (
	JSON     = "json"     // relgraph/graph@1 (DESIGN.md)
	NodeLink = "nodelink" // node-link JSON as NetworkX and D3 write it
	CSV      = "csv"      // edge list (Gephi, ezlinavis, DraCor), optional node table
	GEXF     = "gexf"     // GEXF 1.3 (Gephi)
	GraphML  = "graphml"  // GraphML with typed attributes (yEd, Cytoscape, NetworkX)
	GML      = "gml"      // GML as NetworkX and igraph write it
	DOT      = "dot"      // Graphviz DOT (gonum's encoding)
	Pajek    = "pajek"    // Pajek .net
	SGB      = "sgb"      // Stanford GraphBase co-appearance .dat (read only)
	Neo4j    = "neo4j"    // neo4j-admin database import CSV (write only, two files)
)

// readers maps a format name to its reader. SGB needs the options, the
// others only the data.
var readers = map[string]func(name string, data []byte, opt ReadOptions) (*graph.Graph, []string, error){
	JSON: func(name string, data []byte, _ ReadOptions) (*graph.Graph, []string, error) {
		return readRelgraph(name, data)
	},
	NodeLink: func(name string, data []byte, _ ReadOptions) (*graph.Graph, []string, error) {
		return ReadNodeLink(name, data)
	},
	CSV: ReadCSV,
	GEXF: func(name string, data []byte, _ ReadOptions) (*graph.Graph, []string, error) {
		return ReadGEXF(name, data)
	},
	GraphML: func(name string, data []byte, _ ReadOptions) (*graph.Graph, []string, error) {
		return ReadGraphML(name, data)
	},
	GML: func(name string, data []byte, _ ReadOptions) (*graph.Graph, []string, error) {
		return ReadGML(name, data)
	},
	DOT: func(name string, data []byte, _ ReadOptions) (*graph.Graph, []string, error) {
		return ReadDOT(name, data)
	},
	Pajek: func(name string, data []byte, _ ReadOptions) (*graph.Graph, []string, error) {
		return ReadPajek(name, data)
	},
	SGB: ReadSGB,
}

// writers maps a format name to its single-stream writer. Neo4j writes two
// files and has its own entry point, WriteNeo4j.
var writers = map[string]func(io.Writer, *graph.Graph) error{
	JSON:     WriteJSON,
	NodeLink: WriteNodeLink,
	CSV:      WriteCSV,
	GEXF:     WriteGEXF,
	GraphML:  WriteGraphML,
	GML:      WriteGML,
	DOT:      WriteDOT,
	Pajek:    WritePajek,
}

// Formats returns the names of all formats, sorted. ReadFormats and
// WriteFormats say which of them can be read and written.
func Formats() []string {
	return []string{CSV, DOT, GEXF, GML, GraphML, JSON, Neo4j, NodeLink, Pajek, SGB}
}

// ReadFormats returns the names of the formats Read understands, sorted.
func ReadFormats() []string {
	return slices.Sorted(func(yield func(string) bool) {
		for k := range readers {
			if !yield(k) {
				return
			}
		}
	})
}

// WriteFormats returns the names of the formats Write (and, for neo4j,
// WriteNeo4j) can write, sorted.
func WriteFormats() []string {
	return []string{CSV, DOT, GEXF, GML, GraphML, JSON, Neo4j, NodeLink, Pajek}
}

// extensions maps a lower-case file extension to a format. ".json" is
// "json" here; Read tells relgraph JSON from node-link JSON by content.
var extensions = map[string]string{
	".json":    JSON,
	".csv":     CSV,
	".tsv":     CSV,
	".gexf":    GEXF,
	".graphml": GraphML,
	".gml":     GML,
	".dot":     DOT,
	".gv":      DOT,
	".net":     Pajek,
	".paj":     Pajek,
	".dat":     SGB,
}

// FormatFromPath returns the format named by path's extension (see the
// table in the package doc). A ".json" file is reported as "json"; Read
// looks at the content to tell relgraph JSON from node-link JSON. It fails
// for an extension no format uses.
func FormatFromPath(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if f, ok := extensions[ext]; ok {
		return f, nil
	}
	if ext == "" {
		return "", fmt.Errorf("%s: no file extension to tell the graph format from (give --from %s)", path, strings.Join(ReadFormats(), "|"))
	}
	return "", fmt.Errorf("%s: unknown graph file extension %q (known: %s; or give --from)", path, ext, strings.Join(knownExtensions(), ", "))
}

func knownExtensions() []string {
	return slices.Sorted(func(yield func(string) bool) {
		for k := range extensions {
			if !yield(k) {
				return
			}
		}
	})
}

// ReadOptions tune Read.
type ReadOptions struct {
	// From names the format ("json", "nodelink", "csv", …); empty means
	// by the extension of the name passed to Read, then by content.
	From string
	// Nodes is an optional CSV node table (Id, Label, … columns) for a CSV
	// edge list; NodesName names it in errors.
	Nodes     []byte
	NodesName string
	// Chapters selects the chapters of an SGB file whose name starts with
	// this prefix (e.g. "1." for part 1 of Les Misérables); empty = all.
	Chapters string
}

// Read decodes a graph file. The format is opt.From, else the one named by
// name's extension, else (no or an unknown extension, e.g. standard input)
// the one Sniff finds in data; a ".json" file is relgraph JSON when its
// "format" is "relgraph/graph@1" and node-link JSON otherwise.
//
// The graph is validated and in canonical order. Every reader merges
// duplicate edges by summing their weights, treats a reversed duplicate in
// undirected input as the same edge, and drops self-loops; each of these
// is reported in the returned warnings, which name the file and the line
// or element. Errors name the file and the line (or XML element, or JSON
// field) and say what was expected.
func Read(name string, data []byte, opt ReadOptions) (*graph.Graph, []string, error) {
	format := opt.From
	if format == "" {
		ext := strings.ToLower(filepath.Ext(name))
		if f, ok := extensions[ext]; ok {
			format = f
		} else if format = Sniff(data); format == "" {
			return nil, nil, fmt.Errorf("%s: cannot tell the graph format from the content (give --from %s)", name, strings.Join(ReadFormats(), "|"))
		}
	}
	if format == JSON {
		format = sniffJSON(data)
	}
	read, ok := readers[format]
	if !ok {
		if format == Neo4j {
			return nil, nil, fmt.Errorf("%s: the neo4j format is write-only", name)
		}
		return nil, nil, fmt.Errorf("%s: unknown format %q (readable: %s)", name, format, strings.Join(ReadFormats(), ", "))
	}
	return read(name, data, opt)
}

// Write encodes g in the named format (see Formats). Output is
// deterministic: nodes and edges in canonical order, attributes sorted by
// name. "neo4j" writes two files; use WriteNeo4j.
func Write(w io.Writer, g *graph.Graph, format string) error {
	if format == Neo4j {
		return fmt.Errorf("the neo4j format writes two files (nodes and relationships): use WriteNeo4j")
	}
	write, ok := writers[format]
	if !ok {
		return fmt.Errorf("unknown format %q (writable: %s)", format, strings.Join(WriteFormats(), ", "))
	}
	return write(w, g)
}

// Sniff guesses a graph format from the start of data: "json" or
// "nodelink" for a JSON object, "gexf" or "graphml" for XML with that root
// element, "gml", "dot", "pajek", "sgb", or "csv" when the first line is a
// header naming a source and a target column. It returns "" when none
// fits (for example a plain text).
func Sniff(data []byte) string {
	data = bytes.TrimPrefix(data, bom)
	head := data[:min(len(data), 4096)]
	t := bytes.TrimSpace(head)
	switch {
	case len(t) == 0:
		return ""
	case t[0] == '{':
		// A JSON object opens with { and then a key or }; a text may start
		// with "{" too ("{Lukas} trifft Kathrin.").
		rest := bytes.TrimSpace(t[1:])
		if bytes.HasPrefix(rest, []byte(`"`)) || bytes.HasPrefix(rest, []byte("}")) {
			return sniffJSON(data)
		}
		return ""
	case t[0] == '<':
		switch xmlRoot(head) {
		case "gexf":
			return GEXF
		case "graphml":
			return GraphML
		}
		return ""
	}
	first := firstLine(t)
	lower := strings.ToLower(first)
	switch {
	case strings.HasPrefix(lower, "*vertices"), strings.HasPrefix(lower, "*network"):
		return Pajek
	case gmlStart.Match(t):
		return GML
	case dotStart.Match(t):
		return DOT
	case strings.HasPrefix(first, "* File ") && bytes.Contains(head, []byte("Stanford GraphBase")):
		return SGB
	}
	if _, err := csvHeader(first); err == nil {
		return CSV
	}
	return ""
}

var bom = []byte("\xef\xbb\xbf")

// sniffJSON tells relgraph JSON from node-link JSON: relgraph JSON has
// "format": "relgraph/graph@1" (or any "format" key, so that the relgraph
// reader explains a wrong one); node-link JSON has "nodes" and no "format".
func sniffJSON(data []byte) string {
	if bytes.Contains(data[:min(len(data), 1<<16)], []byte(`"format"`)) {
		return JSON
	}
	if bytes.Contains(data, []byte(`"nodes"`)) {
		return NodeLink
	}
	return JSON
}

func firstLine(b []byte) string {
	if i := bytes.IndexAny(b, "\r\n"); i >= 0 {
		b = b[:i]
	}
	return string(b)
}

// checkUTF8 returns an error naming the line of the first byte sequence
// that is not UTF-8.
func checkUTF8(name string, data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Errorf("%s:%d: invalid UTF-8 (byte 0x%02x); save the file as UTF-8", name, line, data[i])
		}
		if data[i] == '\n' {
			line++
		}
		i += size
	}
	return nil
}

// normalizeNewlines turns CRLF and bare CR (old Mac files, as the asoiaf
// CSVs) into LF.
func normalizeNewlines(data []byte) []byte {
	if !bytes.Contains(data, []byte{'\r'}) {
		return data
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(data, []byte("\r"), []byte("\n"))
}

// parseWeight parses an edge weight: a finite number in
// [graph.MinWeight, graph.MaxWeight].
func parseWeight(s string) (float64, error) {
	t := strings.TrimSpace(s)
	// Fast path for the common small whole numbers ("1".."999999999999999"):
	// exact in a float64, the same value ParseFloat gives.
	if n := len(t); n > 0 && n <= 15 {
		v := 0
		for i := 0; i < n; i++ {
			c := t[i]
			if c < '0' || c > '9' {
				v = -1
				break
			}
			v = v*10 + int(c-'0')
		}
		if v >= 0 {
			w := float64(v)
			return w, checkWeight(w)
		}
	}
	w, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, fmt.Errorf("weight %q: want a number", s)
	}
	return w, checkWeight(w)
}

func checkWeight(w float64) error {
	switch {
	case math.IsNaN(w) || math.IsInf(w, 0):
		return fmt.Errorf("weight %v: want a finite number", w)
	case w <= 0:
		return fmt.Errorf("weight %v: want a positive number", w)
	case w < graph.MinWeight || w > graph.MaxWeight:
		return fmt.Errorf("weight %v: outside [%g, %g]", w, graph.MinWeight, graph.MaxWeight)
	}
	return nil
}

// formatNumber writes a number as an integer when it is whole (so an
// integer weight stays an integer in every format), else in the shortest
// form that reads back to the same float64.
func formatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// builder collects nodes and edges while a reader walks a file, merging
// duplicate edges and dropping self-loops with warnings.
type builder struct {
	name string
	// dropped holds the edge attributes already reported as not kept.
	dropped map[string]bool
	g       graph.Graph
	// idx maps a node id to its position in g.Nodes.
	idx map[string]int
	// pairs maps an edge's key to its position in g.Edges. The key is the
	// two ends' positions in g.Nodes (see pairKey): ordered when directed,
	// smaller first when undirected.
	pairs map[uint64]int
	// keys is the pairKey of each edge of g.Edges, in the same order.
	keys []uint64
	// ids is each node's id as added, in the order of g.Nodes: finish
	// checks that readers left the ids (and so keys) as they were.
	ids []string
	// directed is g.Directed when the first edge was added; turned is set
	// when a later edge saw another value (the keys then mix two rules).
	directed, turned bool
	// deferPairs leaves pairs empty: a repeated pair is added as a second
	// edge, and the reader must call repeatedPair at the end and read the
	// file again without deferPairs when it reports one (see ReadCSV).
	deferPairs bool
	// lastID and lastIdx are the node id end looked up last and its
	// position: edge lists often repeat the source on consecutive lines.
	lastID  string
	lastIdx int
	// autoNodes adds nodes named by edges only (edge lists); otherwise an
	// unknown end is an error.
	autoNodes bool
	warns     warnings
}

func newBuilder(name string, autoNodes bool) *builder {
	return &builder{name: name, idx: map[string]int{}, pairs: map[uint64]int{}, autoNodes: autoNodes}
}

// grow makes room for about nodes more nodes and edges more edges, so
// that readers which know their size up front (CSV: one edge per line) do
// not regrow the maps and slices as they go.
func (b *builder) grow(nodes, edges int) {
	if len(b.idx) == 0 {
		b.idx = make(map[string]int, nodes)
	}
	if len(b.pairs) == 0 && !b.deferPairs {
		b.pairs = make(map[uint64]int, edges)
	}
	b.g.Nodes = slices.Grow(b.g.Nodes, nodes)
	b.ids = slices.Grow(b.ids, nodes)
	b.g.Edges = slices.Grow(b.g.Edges, edges)
	b.keys = slices.Grow(b.keys, edges)
}

// pos says where in a file an item comes from, for errors and warnings:
// "line N" when line > 0, else desc (e.g. `node "x"`, `field edges[3]`).
// It is formatted only when a message needs it.
type pos struct {
	line int
	desc string
}

func (p pos) String() string {
	if p.line > 0 {
		return "line " + strconv.Itoa(p.line)
	}
	return p.desc
}

// atLine is the position "line n".
func atLine(n int) pos { return pos{line: n} }

// addNode adds a node; a repeated id is an error naming where.
func (b *builder) addNode(n graph.Node, where string) error {
	_, err := b.addNodeAt(n, pos{desc: where})
	return err
}

// addNodeAt adds a node and returns its position in b.g.Nodes; a repeated
// id is an error naming where.
func (b *builder) addNodeAt(n graph.Node, where pos) (int, error) {
	if err := checkID(n.ID); err != nil {
		return 0, fmt.Errorf("%s: %s: node id: %v", b.name, where, err)
	}
	if _, dup := b.idx[n.ID]; dup {
		return 0, fmt.Errorf("%s: %s: duplicate node id %q", b.name, where, n.ID)
	}
	i := len(b.g.Nodes)
	b.idx[n.ID] = i
	b.g.Nodes = append(b.g.Nodes, n)
	b.ids = append(b.ids, n.ID)
	return i, nil
}

// node returns the node with id, or nil.
func (b *builder) node(id string) *graph.Node {
	if i, ok := b.idx[id]; ok {
		return &b.g.Nodes[i]
	}
	return nil
}

// addEdge adds an edge or merges it into an existing one. It returns the
// edge (nil when a self-loop was dropped). where names the line or
// element in errors and warnings.
func (b *builder) addEdge(e graph.Edge, where string) (*graph.Edge, error) {
	return b.addEdgeAt(e, pos{desc: where})
}

// end returns the position in b.g.Nodes of the node id, adding it when
// the builder adds nodes named by edges; field ("source" or "target")
// and where name it in errors.
func (b *builder) end(id, field string, where pos) (int, error) {
	if id == b.lastID && id != "" {
		return b.lastIdx, nil
	}
	if i, ok := b.idx[id]; ok {
		b.lastID, b.lastIdx = id, i
		return i, nil
	}
	if !b.autoNodes {
		return 0, fmt.Errorf("%s: %s: %s %q is not a declared node", b.name, where, field, id)
	}
	return b.addNodeAt(graph.Node{ID: id}, where)
}

// pairKey is the key of the edge between the nodes at positions i and j
// of b.g.Nodes in b.pairs: i then j when the graph is directed, the
// smaller first when not.
func (b *builder) pairKey(i, j int) uint64 {
	if !b.g.Directed && i > j {
		i, j = j, i
	}
	return uint64(uint32(i))<<32 | uint64(uint32(j))
}

// addEdgeAt is addEdge with where as a pos, formatted only when a message
// is written.
func (b *builder) addEdgeAt(e graph.Edge, where pos) (*graph.Edge, error) {
	si, err := b.end(e.Source, "source", where)
	if err != nil {
		return nil, err
	}
	ti, err := b.end(e.Target, "target", where)
	if err != nil {
		return nil, err
	}
	if err := checkWeight(e.Weight); err != nil {
		return nil, fmt.Errorf("%s: %s: %v", b.name, where, err)
	}
	if si == ti {
		b.warns.add("self-loop", fmt.Sprintf("%s: %s: self-loop on %q dropped (relgraph graphs have none)", b.name, where, e.Source))
		return nil, nil
	}
	if len(b.g.Edges) == 0 {
		b.directed = b.g.Directed
	} else if b.g.Directed != b.directed {
		b.turned = true
	}
	// The edge keeps the nodes' own id strings (equal to e's): one copy
	// of each id in memory, and comparisons of the same id (valid,
	// Canonicalize) see the same pointer and skip the bytes.
	e.Source, e.Target = b.g.Nodes[si].ID, b.g.Nodes[ti].ID
	key := b.pairKey(si, ti)
	if b.deferPairs {
		b.keys = append(b.keys, key)
		b.g.Edges = append(b.g.Edges, e)
		return &b.g.Edges[len(b.g.Edges)-1], nil
	}
	if i, dup := b.pairs[key]; dup {
		// The ends as the message names them: sorted when undirected.
		k0, k1 := e.Source, e.Target
		if !b.g.Directed && k0 > k1 {
			k0, k1 = k1, k0
		}
		old := &b.g.Edges[i]
		old.Weight += e.Weight
		if old.Weight > graph.MaxWeight {
			return nil, fmt.Errorf("%s: %s: summed weight of %s–%s exceeds %g", b.name, where, k0, k1, graph.MaxWeight)
		}
		if old.Relation == "" {
			old.Relation = e.Relation
		}
		old.Units = mergeUnits(old.Units, e.Units)
		old.Evidence = append(old.Evidence, e.Evidence...)
		b.warns.add("duplicate", fmt.Sprintf("%s: %s: duplicate edge %s–%s: weights summed to %s", b.name, where, k0, k1, formatNumber(old.Weight)))
		return old, nil
	}
	b.pairs[key] = len(b.g.Edges)
	b.keys = append(b.keys, key)
	b.g.Edges = append(b.g.Edges, e)
	return &b.g.Edges[len(b.g.Edges)-1], nil
}

// repeatedPair reports whether two edges of b.g.Edges join the same pair
// of nodes (the same key), in O(nodes + edges) (the package function
// repeatedPair on the keys' two halves).
func (b *builder) repeatedPair() bool {
	src := make([]int32, len(b.keys))
	tgt := make([]int32, len(b.keys))
	for k, key := range b.keys {
		src[k], tgt[k] = int32(key>>32), int32(uint32(key))
	}
	return repeatedPair(len(b.g.Nodes), src, tgt)
}

func mergeUnits(a, b []int) []int {
	if len(b) == 0 {
		return a
	}
	out := append(append([]int{}, a...), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// finish validates the graph and returns it in canonical order.
func (b *builder) finish() (*graph.Graph, []string, error) {
	g := &b.g
	if !b.valid() {
		if err := g.Validate(); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", b.name, err)
		}
	}
	g.Canonicalize()
	return g, b.warns.list(), nil
}

// valid reports whether b.g is sure to pass graph.Validate, from what the
// builder checked as it went, without Validate's maps: every node was added
// by addNodeAt (checkID, no repeated id) with the id it still has; every
// edge was added by addEdgeAt (known distinct ends, weight in range, no
// repeated pair) and still joins the nodes of its key, the graph's
// direction is unchanged; no name or relation holds a NUL. When it
// reports false, finish calls Validate, for its exact error.
func (b *builder) valid() bool {
	g := &b.g
	if len(b.ids) != len(g.Nodes) || len(b.keys) != len(g.Edges) || len(b.pairs) != len(g.Edges) && !b.deferPairs {
		return false
	}
	if len(g.Edges) > 0 && (b.directed != g.Directed || b.turned) {
		return false
	}
	for i := range g.Nodes {
		n := &g.Nodes[i]
		if n.ID != b.ids[i] || strings.IndexByte(n.Name, 0) >= 0 {
			return false
		}
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		k := b.keys[i]
		a, c := g.Nodes[k>>32].ID, g.Nodes[uint32(k)].ID
		same := e.Source == a && e.Target == c || !g.Directed && e.Source == c && e.Target == a
		if !same || a == c || !(e.Weight >= graph.MinWeight && e.Weight <= graph.MaxWeight) || strings.IndexByte(e.Relation, 0) >= 0 {
			return false
		}
	}
	return true
}

// checkID rejects ids that graph.Validate would refuse, so readers can
// name the line.
func checkID(id string) error {
	if id == "" {
		return fmt.Errorf("empty")
	}
	for _, r := range id {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			return fmt.Errorf("%q contains the control character %U", id, r)
		}
	}
	return nil
}

// warnings collects warnings, keeping the first maxWarnings of each kind
// and counting the rest.
type warnings struct {
	msgs  []string
	count map[string]int
	kinds []string
}

const maxWarnings = 5

// dropEdgeAttr warns, once per attribute name k, that an edge attribute
// of a foreign format is not kept.
func (b *builder) dropEdgeAttr(k string) {
	if b.dropped[k] {
		return
	}
	if b.dropped == nil {
		b.dropped = map[string]bool{}
	}
	b.dropped[k] = true
	b.warns.add("dropped", fmt.Sprintf("%s: edge attribute %q not kept (relgraph edges keep weight, relation, units and evidence)", b.name, k))
}

func (w *warnings) add(kind, msg string) {
	if w.count == nil {
		w.count = map[string]int{}
	}
	if w.count[kind] == 0 {
		w.kinds = append(w.kinds, kind)
	}
	w.count[kind]++
	if w.count[kind] <= maxWarnings {
		w.msgs = append(w.msgs, msg)
	}
}

func (w *warnings) list() []string {
	out := w.msgs
	for _, k := range w.kinds {
		if n := w.count[k]; n > maxWarnings {
			out = append(out, fmt.Sprintf("… and %d more %s warnings", n-maxWarnings, k))
		}
	}
	return out
}
