package formats

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
)

// CSV edge lists, as Gephi, ezlinavis and DraCor write them.
//
// The header names the columns, case-insensitively: the source is
// "Source" (or From, Node1, Id1, Src, Character1), the target "Target" (or
// To, Node2, Id2, Dst, Character2), the weight "Weight" (or Value, Count,
// N; default 1 per row). "Type" says Directed or Undirected per row
// (a file of only directed rows is a directed graph); "Label" or
// "Relation" is the relation; "Units" a list of unit numbers. Other
// columns (Id, book, …) are not kept. The delimiter (comma, semicolon, tab
// or |) is taken from the header line; a UTF-8 byte order mark is skipped;
// lines may end in LF, CRLF or a bare CR (the asoiaf files).
//
// A node table (ReadOptions.Nodes, "--nodes FILE", or "X-nodes.csv"
// beside "X-edges.csv") has an "Id" column and optionally "Label" (the
// name); other columns become string attributes. With a node table every
// edge must name a listed node; without one the nodes are the edge ends.

var (
	csvSource = []string{"source", "from", "node1", "id1", "src", "character1", "source id"}
	csvTarget = []string{"target", "to", "node2", "id2", "dst", "character2", "target id"}
	csvWeight = []string{"weight", "value", "count", "n"}
)

// csvLayout is the column positions found in an edge list header (-1 when
// absent) and its delimiter.
type csvLayout struct {
	comma                                  rune
	source, target, weight, typ, rel, unit int
	cols                                   int // fields of the header line
}

// csvHeader finds the columns of an edge list in its header line.
func csvHeader(line string) (csvLayout, error) {
	line = strings.TrimPrefix(line, "\ufeff")
	l := csvLayout{comma: sniffDelimiter(line), source: -1, target: -1, weight: -1, typ: -1, rel: -1, unit: -1}
	r := csv.NewReader(strings.NewReader(line))
	r.Comma = l.comma
	r.LazyQuotes = true
	cols, err := r.Read()
	if err != nil {
		return l, err
	}
	l.cols = len(cols)
	for i, c := range cols {
		c = strings.ToLower(strings.TrimSpace(c))
		set := func(p *int) {
			if *p < 0 {
				*p = i
			}
		}
		switch {
		case slices.Contains(csvSource, c):
			set(&l.source)
		case slices.Contains(csvTarget, c):
			set(&l.target)
		case slices.Contains(csvWeight, c):
			set(&l.weight)
		case c == "type":
			set(&l.typ)
		case c == "label" || c == "relation":
			set(&l.rel)
		case c == "units":
			set(&l.unit)
		}
	}
	if l.source < 0 || l.target < 0 {
		return l, fmt.Errorf("header %q: want a Source and a Target column (or From/To, Node1/Node2, Id1/Id2)", line)
	}
	return l, nil
}

// sniffDelimiter returns the most frequent of , ; tab | in line (comma on
// a tie or when none occurs).
func sniffDelimiter(line string) rune {
	best, n := ',', strings.Count(line, ",")
	for _, c := range []rune{';', '\t', '|'} {
		if k := strings.Count(line, string(c)); k > n {
			best, n = c, k
		}
	}
	return best
}

// csvRecords reads all records of a CSV file after BOM and line-end
// normalisation; the record's line number comes with it.
func csvRecords(name string, data []byte, comma rune) ([][]string, []int, error) {
	if err := checkUTF8(name, normalizeNewlines(data)); err != nil {
		return nil, nil, err
	}
	data = normalizeNewlines(bytes.TrimPrefix(data, bom))
	if recs, lines, ok := splitPlainCSV(data, comma); ok {
		return recs, lines, nil
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	// One record a line, give or take blank and quoted multi-line ones.
	size := bytes.Count(data, []byte{'\n'}) + 1
	recs := make([][]string, 0, size)
	lines := make([]int, 0, size)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, fmt.Errorf("%s:%d:%d: invalid CSV: %v", name, pe.Line, pe.Column, pe.Err)
			}
			return nil, nil, fmt.Errorf("%s: %v", name, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		recs = append(recs, rec)
		lines = append(lines, line)
	}
	return recs, lines, nil
}

// plainCSV reports whether data (UTF-8, lines ending in LF) can be split
// without encoding/csv's parser: it holds no double quote and comma is
// not a space character. Then a CSV record is a line, split at each comma,
// with leading white space (unicode.IsSpace) cut from each field, as
// encoding/csv does with TrimLeadingSpace. (encoding/csv, which allocates
// a string and a slice per record, took a quarter of `relgraph rank` on a
// 100,000-line edge list.)
func plainCSV(data []byte, comma rune) bool {
	return bytes.IndexByte(data, '"') < 0 && !unicode.IsSpace(comma) && comma != utf8.RuneError
}

// walkPlainCSV calls yield with each record of text (see plainCSV) and its
// line number, skipping empty lines and lines of one blank field, as
// csvRecords does, until yield returns false. rec is valid only during
// the call (its slice is reused); its strings share text's memory.
func walkPlainCSV(text, sep string, yield func(rec []string, line int) bool) {
	var fields []string
	for line := 1; text != ""; line++ {
		row := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			row, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if row == "" {
			continue
		}
		fields = fields[:0]
		for {
			f, rest, more := strings.Cut(row, sep)
			fields = append(fields, strings.TrimLeftFunc(f, unicode.IsSpace))
			if !more {
				break
			}
			row = rest
		}
		if len(fields) == 1 && strings.TrimSpace(fields[0]) == "" {
			continue
		}
		if !yield(fields, line) {
			return
		}
	}
}

// splitPlainCSV returns the records and line numbers csvRecords would
// return for data, when plainCSV allows (ok is false otherwise).
// FuzzSplitPlainCSV checks that both agree.
func splitPlainCSV(data []byte, comma rune) (recs [][]string, lines []int, ok bool) {
	if !plainCSV(data, comma) {
		return nil, nil, false
	}
	text := string(data)
	sep := string(comma)
	nl := strings.Count(text, "\n") + 1
	all := make([]string, 0, strings.Count(text, sep)+nl)
	recs = make([][]string, 0, nl)
	lines = make([]int, 0, nl)
	walkPlainCSV(text, sep, func(rec []string, line int) bool {
		start := len(all)
		all = append(all, rec...)
		recs = append(recs, all[start:len(all):len(all)])
		lines = append(lines, line)
		return true
	})
	return recs, lines, true
}

// csvTable is the data rows of an edge list (after its header): split
// line by line on demand when plainCSV allows, else all records read by
// csvRecords.
type csvTable struct {
	plain     bool
	text, sep string
	recs      [][]string // without plain; recs[0] is the header
	lines     []int      // line of each of recs
	// size is at least the number of data rows.
	size int
}

// csvEdgeTable reads the rows of an edge list as csvRecords would.
func csvEdgeTable(name string, data []byte, comma rune) (*csvTable, error) {
	if err := checkUTF8(name, normalizeNewlines(data)); err != nil {
		return nil, err
	}
	clean := normalizeNewlines(bytes.TrimPrefix(data, bom))
	if plainCSV(clean, comma) {
		return &csvTable{plain: true, text: string(clean), sep: string(comma), size: bytes.Count(clean, []byte{'\n'}) + 1}, nil
	}
	recs, lines, err := csvRecords(name, data, comma)
	if err != nil {
		return nil, err
	}
	return &csvTable{recs: recs, lines: lines, size: len(recs)}, nil
}

// rows calls yield with each data row and its line number until yield
// returns false; rec is valid only during the call.
func (t *csvTable) rows(yield func(rec []string, line int) bool) {
	if !t.plain {
		for i := 1; i < len(t.recs); i++ {
			if !yield(t.recs[i], t.lines[i]) {
				return
			}
		}
		return
	}
	header := true
	walkPlainCSV(t.text, t.sep, func(rec []string, line int) bool {
		if header {
			header = false
			return true
		}
		return yield(rec, line)
	})
}

// ReadCSV decodes a CSV edge list, with the node table opt.Nodes when
// given (see the mapping above). Errors name the file, the line and the
// column.
func ReadCSV(name string, data []byte, opt ReadOptions) (*graph.Graph, []string, error) {
	clean := normalizeNewlines(bytes.TrimPrefix(data, bom))
	if len(bytes.TrimSpace(clean)) == 0 {
		return nil, nil, fmt.Errorf("%s: empty file, want a CSV header (Source,Target,Weight)", name)
	}
	layout, err := csvHeader(firstLine(clean))
	if err != nil {
		return nil, nil, fmt.Errorf("%s:1: %v", name, err)
	}
	t, err := csvEdgeTable(name, data, layout.comma)
	if err != nil {
		return nil, nil, err
	}
	// First without the map of node pairs (the common case: no edge twice,
	// no bad row); when a pair repeats or a row is bad, again with it, so
	// that merged weights, warnings and errors are exactly those of the
	// line-by-line reading.
	if g, warns, err := readCSVEdges(name, t, layout, opt, true); err == nil && g != nil {
		return g, warns, nil
	}
	return readCSVEdges(name, t, layout, opt, false)
}

// readCSVEdges builds the graph of the rows of an edge list. With
// deferPairs the builder does not look for repeated pairs as it goes; then
// it returns a nil graph and a nil error when some pair repeats, and the
// caller reads again without deferPairs.
func readCSVEdges(name string, t *csvTable, layout csvLayout, opt ReadOptions, deferPairs bool) (*graph.Graph, []string, error) {
	b := newBuilder(name, opt.Nodes == nil)
	b.deferPairs = deferPairs
	// An edge list of m rows has at most m edges; its nodes are usually
	// far fewer, and the node map grows when needed.
	b.grow(min(t.size, 1<<12), t.size)
	if opt.Nodes != nil {
		nname := opt.NodesName
		if nname == "" {
			nname = "nodes.csv"
		}
		if err := readCSVNodes(b, nname, opt.Nodes); err != nil {
			return nil, nil, err
		}
	}
	// A file whose rows all say Directed is a directed graph.
	if layout.typ >= 0 {
		rows, directed := 0, 0
		t.rows(func(rec []string, _ int) bool {
			rows++
			if layout.typ < len(rec) && strings.EqualFold(strings.TrimSpace(rec[layout.typ]), "directed") {
				directed++
			}
			return true
		})
		switch directed {
		case 0:
		case rows:
			b.g.Directed = true
		default:
			b.warns.add("directed", fmt.Sprintf("%s: %d of %d rows are directed: all are read as undirected", name, directed, rows))
		}
	}
	need := max(layout.source, layout.target)
	var err error
	t.rows(func(rec []string, line int) bool {
		err = csvEdge(b, name, rec, line, layout, need)
		return err == nil
	})
	if err != nil {
		return nil, nil, err
	}
	if deferPairs && b.repeatedPair() {
		return nil, nil, nil
	}
	return b.finish()
}

// extraFields reports whether rec has a non-empty field beyond the cols
// columns of the header (cols 0: no header to compare with). Empty ones
// ("a,b,1,", as some spreadsheets write) are allowed.
func extraFields(rec []string, cols int) bool {
	if cols <= 0 || len(rec) <= cols {
		return false
	}
	for _, f := range rec[cols:] {
		if strings.TrimSpace(f) != "" {
			return true
		}
	}
	return false
}

// csvEdge adds the edge of the data row rec at line to b.
func csvEdge(b *builder, name string, rec []string, line int, layout csvLayout, need int) error {
	if len(rec) <= need {
		return fmt.Errorf("%s:%d: %d fields, want at least %d (source and target)", name, line, len(rec), need+1)
	}
	if extraFields(rec, layout.cols) {
		return fmt.Errorf("%s:%d: %d fields, but the header names %d columns", name, line, len(rec), layout.cols)
	}
	e := graph.Edge{Source: strings.TrimSpace(rec[layout.source]), Target: strings.TrimSpace(rec[layout.target]), Weight: 1}
	if e.Source == "" || e.Target == "" {
		return fmt.Errorf("%s:%d: empty source or target", name, line)
	}
	if layout.weight >= 0 {
		if layout.weight >= len(rec) || strings.TrimSpace(rec[layout.weight]) == "" {
			return fmt.Errorf("%s:%d: column %d (weight): missing", name, line, layout.weight+1)
		}
		w, err := parseWeight(rec[layout.weight])
		if err != nil {
			return fmt.Errorf("%s:%d: column %d: %v", name, line, layout.weight+1, err)
		}
		e.Weight = w
	}
	if layout.rel >= 0 && layout.rel < len(rec) {
		e.Relation = rec[layout.rel]
	}
	if layout.unit >= 0 && layout.unit < len(rec) && strings.TrimSpace(rec[layout.unit]) != "" {
		u, err := parseUnits(rec[layout.unit])
		if err != nil {
			return fmt.Errorf("%s:%d: column %d: %v", name, line, layout.unit+1, err)
		}
		e.Units = u
	}
	_, err := b.addEdgeAt(e, atLine(line))
	return err
}

// readCSVNodes reads a node table (Id, Label, …) into b.
func readCSVNodes(b *builder, name string, data []byte) error {
	clean := normalizeNewlines(bytes.TrimPrefix(data, bom))
	if len(bytes.TrimSpace(clean)) == 0 {
		return fmt.Errorf("%s: empty node table, want a header with an Id column", name)
	}
	comma := sniffDelimiter(firstLine(clean))
	recs, lines, err := csvRecords(name, data, comma)
	if err != nil {
		return err
	}
	header := recs[0]
	find := func(names ...string) int {
		for _, want := range names {
			for i, h := range header {
				if strings.EqualFold(strings.TrimSpace(h), want) {
					return i
				}
			}
		}
		return -1
	}
	idCol := find("id", "node", "name")
	if idCol < 0 {
		return fmt.Errorf("%s:1: header %q: want an Id column", name, strings.Join(header, string(comma)))
	}
	labelCol := find("label")
	if labelCol < 0 && !strings.EqualFold(strings.TrimSpace(header[idCol]), "name") {
		labelCol = find("name")
	}
	for i, rec := range recs[1:] {
		line := lines[i+1]
		if idCol >= len(rec) {
			return fmt.Errorf("%s:%d: %d fields, want at least %d (Id)", name, line, len(rec), idCol+1)
		}
		n := graph.Node{ID: strings.TrimSpace(rec[idCol])}
		if labelCol >= 0 && labelCol < len(rec) && rec[labelCol] != n.ID {
			n.Name = rec[labelCol]
		}
		for j, v := range rec {
			if j == idCol || j == labelCol || j >= len(header) || v == "" {
				continue
			}
			k := strings.TrimSpace(header[j])
			if strings.EqualFold(k, attrMentions) {
				setMentions(&n, v)
				continue
			}
			setAttr(&n, k, v)
		}
		if err := b.addNode(n, fmt.Sprintf("line %d", line)); err != nil {
			return err
		}
	}
	return nil
}

// NodesBeside returns the node table that goes with a Gephi-style edge
// list: "X-nodes.csv" for "X-edges.csv" (any case of "edges"), or "" when
// path is not named like that.
func NodesBeside(path string) string {
	dir, base := filepath.Split(path)
	lower := strings.ToLower(base)
	for _, suffix := range []string{"-edges.csv", "_edges.csv", ".edges.csv"} {
		if strings.HasSuffix(lower, suffix) {
			cut := len(base) - len(suffix)
			return dir + base[:cut] + suffix[:1] + "nodes.csv"
		}
	}
	return ""
}

// WriteCSV writes g's edges as a Gephi edge list:
// Source,Target,Type,Weight and Label (the relation) when any edge has
// one; Units (space-separated) when any edge has them. Nodes are not in
// it: WriteCSVNodes writes the node table, which Gephi imports first.
func WriteCSV(w io.Writer, g *graph.Graph) error {
	c := canonicalCopy(g)
	hasRel := slices.ContainsFunc(c.Edges, func(e graph.Edge) bool { return e.Relation != "" })
	hasUnits := slices.ContainsFunc(c.Edges, func(e graph.Edge) bool { return len(e.Units) > 0 })
	cw := csv.NewWriter(w)
	header := []string{"Source", "Target", "Type", "Weight"}
	if hasRel {
		header = append(header, "Label")
	}
	if hasUnits {
		header = append(header, "Units")
	}
	cw.Write(header)
	typ := "Undirected"
	if c.Directed {
		typ = "Directed"
	}
	for _, e := range c.Edges {
		row := []string{e.Source, e.Target, typ, formatNumber(e.Weight)}
		if hasRel {
			row = append(row, e.Relation)
		}
		if hasUnits {
			us := make([]string, len(e.Units))
			for i, u := range e.Units {
				us[i] = fmt.Sprint(u)
			}
			row = append(row, strings.Join(us, " "))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSVNodes writes g's node table: Id,Label (the name, or the id when
// there is none), Mentions when any node has some, then one column per
// attribute in name order.
func WriteCSVNodes(w io.Writer, g *graph.Graph) error {
	c := canonicalCopy(g)
	cols := nodeColumns(c, attrMentions)
	hasMentions := slices.ContainsFunc(c.Nodes, func(n graph.Node) bool { return n.Mentions != 0 })
	header := []string{"Id", "Label"}
	if hasMentions {
		header = append(header, "Mentions")
	}
	for _, col := range cols {
		header = append(header, col.name)
	}
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	cw.Write(header)
	for _, n := range c.Nodes {
		row := []string{n.ID, n.Label()}
		if hasMentions {
			row = append(row, fmt.Sprint(n.Mentions))
		}
		row = appendAttrCells(row, n, cols)
		cw.Write(row)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
