package formats

import (
	"bytes"
	"cmp"
	"runtime"
	"slices"
	"strings"
)

// EdgeList is a CSV edge list as numbers: the nodes (ids ascending) and
// one entry per edge, as ReadCSVEdgeList returns it.
type EdgeList struct {
	// IDs are the node ids (trimmed, as ReadCSV keeps them), strictly
	// ascending: the order of graph.Graph.Nodes after ReadCSV.
	IDs []string
	// Source, Target and Weight are the edges in file order: the
	// positions in IDs of the two ends (Source < Target) and the weight.
	Source, Target []int32
	Weight         []float64
}

// ReadCSVEdgeList reads a CSV edge list straight into an EdgeList, for
// commands that only analyse the graph (relgraph rank): no graph.Graph,
// no record per edge. It handles the plain case only and reports ok =
// false for anything else, where the caller reads the file with ReadCSV
// instead (which gives the same graph, or the exact error or warning):
// a row of Type Directed, a Label/Relation or Units column, a double quote, an
// empty header, a row with too few fields, an empty end, a missing or bad
// weight, a bad node id, a self-loop or a pair of nodes on two rows. When
// ok, the EdgeList has exactly the nodes, ends and weights of ReadCSV's
// graph (in canonical order, ReadCSV would issue no warning), and a node
// table (ReadOptions.Nodes) is not involved: callers use this only
// without one.
func ReadCSVEdgeList(data []byte) (el *EdgeList, ok bool) {
	clean := normalizeNewlines(bytes.TrimPrefix(data, bom))
	if len(bytes.TrimSpace(clean)) == 0 {
		return nil, false
	}
	layout, err := csvHeader(firstLine(clean))
	if err != nil || layout.rel >= 0 || layout.unit >= 0 {
		return nil, false
	}
	if !plainCSV(clean, layout.comma) || checkUTF8("", clean) != nil {
		return nil, false
	}
	text := string(clean)
	var ids []string
	var src, tgt []int32
	var w []float64
	if mid := splitPoint(text); mid > 0 && runtime.GOMAXPROCS(0) > 1 {
		// Two halves of the rows side by side, each with its own node
		// numbering; the second half's nodes are then renumbered into the
		// first's. The result does not depend on the split: the nodes are
		// sorted by id below and the edges keep the file's order.
		r0, r1 := newEdgeListReader(layout, mid), newEdgeListReader(layout, len(text)-mid)
		done := make(chan bool)
		go func() { done <- r1.read(text[mid:], false) }()
		ok0 := r0.read(text[:mid], true)
		if ok1 := <-done; !ok0 || !ok1 {
			return nil, false
		}
		to := make([]int32, len(r1.ids)) // r1's node numbers → r0's
		for i, id := range r1.ids {
			j, seen := r0.idx[id]
			if !seen {
				j = int32(len(r0.ids))
				r0.ids = append(r0.ids, id)
			}
			to[i] = j
		}
		for k := range r1.src {
			r1.src[k], r1.tgt[k] = to[r1.src[k]], to[r1.tgt[k]]
		}
		ids = r0.ids
		src, tgt, w = append(r0.src, r1.src...), append(r0.tgt, r1.tgt...), append(r0.w, r1.w...)
	} else {
		r := newEdgeListReader(layout, len(text))
		if !r.read(text, true) {
			return nil, false
		}
		ids, src, tgt, w = r.ids, r.src, r.tgt, r.w
	}
	if len(ids) > 1<<31-1 {
		return nil, false
	}
	// Number the nodes in id order, and put each edge's smaller end first.
	order := make([]int32, len(ids))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(ids[a], ids[b]) })
	sorted := make([]string, len(ids))
	pos := make([]int32, len(ids))
	for r, i := range order {
		sorted[r] = ids[i]
		pos[i] = int32(r)
	}
	for k := range src {
		a, b := pos[src[k]], pos[tgt[k]]
		src[k], tgt[k] = min(a, b), max(a, b)
	}
	if repeatedPair(len(ids), src, tgt) {
		return nil, false
	}
	return &EdgeList{IDs: sorted, Source: src, Target: tgt, Weight: w}, true
}

// splitPoint returns the start of the line nearest the middle of text, or
// 0 when text is too short to be worth reading in two halves (below 256
// KB: about 20,000 lines of an edge list, half a millisecond of reading).
func splitPoint(text string) int {
	if len(text) < 256<<10 {
		return 0
	}
	i := strings.IndexByte(text[len(text)/2:], '\n')
	if i < 0 {
		return 0
	}
	return len(text)/2 + i + 1
}

// edgeListReader reads rows of a plain CSV edge list (see
// ReadCSVEdgeList) into node numbers of its own.
type edgeListReader struct {
	layout csvLayout
	need   int              // the highest column a row must have
	idx    map[string]int32 // node id → number
	ids    []string         // node ids by number (order of first appearance)
	// src, tgt and w are the edges read, in file order.
	src, tgt []int32
	w        []float64
	last     string // the source looked up last, and its number
	lastI    int32
}

// newEdgeListReader returns a reader for about size bytes of rows.
func newEdgeListReader(layout csvLayout, size int) *edgeListReader {
	// An edge list line is at least 6 bytes; 14 is typical
	// ("n0000,n1729,8\n"): a guess that rarely regrows.
	rows := size/12 + 1
	return &edgeListReader{
		layout: layout, need: max(layout.source, layout.target),
		idx: make(map[string]int32, min(rows, 1<<12)),
		src: make([]int32, 0, rows), tgt: make([]int32, 0, rows), w: make([]float64, 0, rows),
	}
}

// read reads the rows of text, skipping its first record when header;
// false when a row is one ReadCSVEdgeList leaves to ReadCSV.
func (r *edgeListReader) read(text string, header bool) bool {
	ok := true
	walkPlainCSV(text, string(r.layout.comma), func(rec []string, _ int) bool {
		if header {
			header = false
			return true
		}
		ok = r.row(rec)
		return ok
	})
	return ok
}

// row adds the edge of one data row; false when the row is one
// ReadCSVEdgeList leaves to ReadCSV. The checks are those of csvEdge and
// builder.addEdgeAt.
func (r *edgeListReader) row(rec []string) bool {
	l := r.layout
	if len(rec) <= r.need || extraFields(rec, l.cols) {
		return false
	}
	// A Directed row makes a directed graph or a warning (readCSVEdges).
	if l.typ >= 0 && l.typ < len(rec) && strings.EqualFold(strings.TrimSpace(rec[l.typ]), "directed") {
		return false
	}
	s, t := strings.TrimSpace(rec[l.source]), strings.TrimSpace(rec[l.target])
	if s == "" || t == "" {
		return false
	}
	weight := 1.0
	if l.weight >= 0 {
		if l.weight >= len(rec) {
			return false
		}
		var err error
		if weight, err = parseWeight(rec[l.weight]); err != nil {
			return false
		}
	}
	si := r.lastI
	if s != r.last || r.last == "" {
		var good bool
		if si, good = r.end(s); !good {
			return false
		}
		r.last, r.lastI = s, si
	}
	ti, good := r.end(t)
	if !good || si == ti {
		return false
	}
	r.src, r.tgt, r.w = append(r.src, si), append(r.tgt, ti), append(r.w, weight)
	return true
}

// end returns the number of the node id, adding it when new; false when
// the id is one ReadCSV refuses.
func (r *edgeListReader) end(id string) (int32, bool) {
	if i, ok := r.idx[id]; ok {
		return i, true
	}
	if checkID(id) != nil {
		return 0, false
	}
	i := int32(len(r.ids))
	r.idx[id] = i
	r.ids = append(r.ids, id)
	return i, true
}

// repeatedPair reports whether two entries join the same pair (src[k],
// tgt[k]) of the n nodes, in O(n + len(src)): the entries are bucketed by
// their first node, then each bucket's second nodes are marked.
func repeatedPair(n int, src, tgt []int32) bool {
	start := make([]int32, n+1)
	for _, a := range src {
		start[a+1]++
	}
	for i := range n {
		start[i+1] += start[i]
	}
	next := slices.Clone(start[:n])
	second := make([]int32, len(src))
	for k, a := range src {
		second[next[a]] = tgt[k]
		next[a]++
	}
	mark := next // reused: mark[j] = 1 + the first node whose bucket holds j
	clear(mark)
	for a := range n {
		for _, j := range second[start[a]:start[a+1]] {
			if mark[j] == int32(a)+1 {
				return true
			}
			mark[j] = int32(a) + 1
		}
	}
	return false
}
