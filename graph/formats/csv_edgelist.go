package formats

import (
	"bytes"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
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
// without one. The IDs share data's memory (no copy of the file is made):
// the caller must not modify data while it uses them.
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
	// A view of clean, not a copy: data is not modified from here on, and
	// the ids below are substrings of it (see the doc comment).
	text := unsafe.String(&clean[0], len(clean))
	var ids []string
	var src, tgt []int32
	var w []float64
	if mid := splitPoint(text); mid > 0 && runtime.GOMAXPROCS(0) > 1 {
		// Two halves of the rows side by side, each with its own node
		// numbering; the second half's nodes are then renumbered into the
		// first's. The result does not depend on the split: the nodes are
		// sorted by id below and the edges keep the file's order.
		// r0's edge arrays have room for the whole file's, so that r1's
		// are appended in place (the room not used is never touched).
		r0, r1 := newEdgeListReader(layout, len(text)), newEdgeListReader(layout, len(text)-mid)
		done := make(chan bool)
		go func() { done <- r1.read(text[mid:], false) }()
		ok0 := r0.read(text[:mid], true)
		if ok1 := <-done; !ok0 || !ok1 {
			return nil, false
		}
		to := make([]int32, len(r1.ids)) // r1's node numbers → r0's
		for i, id := range r1.ids {
			to[i] = r0.idx.lookup(id, r0.ids)
			if to[i] < 0 {
				to[i] = int32(len(r0.ids))
				r0.idx.add(id, to[i])
				r0.ids = append(r0.ids, id)
			}
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
	// (Sorting the (id, number) pairs themselves, side by side in memory,
	// rather than numbers that point into ids.)
	type numbered struct {
		id  string
		num int32
	}
	order := make([]numbered, len(ids))
	for i, id := range ids {
		order[i] = numbered{id, int32(i)}
	}
	slices.SortFunc(order, func(a, b numbered) int { return strings.Compare(a.id, b.id) })
	sorted := make([]string, len(ids))
	pos := make([]int32, len(ids))
	for r, e := range order {
		sorted[r] = e.id
		pos[e.num] = int32(r)
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
	need   int      // the highest column a row must have
	idx    idTable  // node id → number
	ids    []string // node ids by number (order of first appearance)
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
	// Capacity beyond what is used costs address space only: the runtime
	// takes large arrays from fresh, zeroed pages and nothing touches them.
	// So the edge arrays are sized for the guess and the id array for the
	// most nodes that many rows can name; the id table (written all over)
	// starts small and grows.
	rows := size/12 + 1
	return &edgeListReader{
		layout: layout, need: max(layout.source, layout.target),
		idx: newIDTable(min(rows, 1<<12)),
		ids: make([]string, 0, 2*rows),
		src: make([]int32, 0, rows), tgt: make([]int32, 0, rows), w: make([]float64, 0, rows),
	}
}

// read reads the rows of text, skipping its first record when header;
// false when a row is one ReadCSVEdgeList leaves to ReadCSV. It splits
// the rows as walkPlainCSV does; a line of printable ASCII without spaces
// (the usual "n0000,n1729,8"), split at the comma in the same pass that
// finds its end, needs none of walkPlainCSV's trimming.
func (r *edgeListReader) read(text string, header bool) bool {
	sep := string(r.layout.comma)
	if r.layout.comma >= utf8.RuneSelf {
		ok := true
		walkPlainCSV(text, sep, func(rec []string, _ int) bool {
			if header {
				header = false
				return true
			}
			ok = r.row(rec)
			return ok
		})
		return ok
	}
	comma := byte(r.layout.comma)
	fields := make([]string, 0, 8)
	for text != "" {
		fields = fields[:0]
		plain, start, i := true, 0, 0
		for ; i < len(text); i++ {
			b := text[i]
			if b == '\n' {
				break
			}
			if b == comma {
				fields = append(fields, text[start:i])
				start = i + 1
			} else if b <= ' ' || b >= utf8.RuneSelf-1 {
				plain = false
			}
		}
		line := text[:i]
		fields = append(fields, text[start:i])
		text = text[min(i+1, len(text)):]
		if line == "" {
			continue
		}
		if !plain {
			// As walkPlainCSV: fields cut of leading white space, and a
			// line of one blank field skipped.
			fields = fields[:0]
			for {
				f, rest, more := strings.Cut(line, sep)
				fields = append(fields, strings.TrimLeftFunc(f, unicode.IsSpace))
				if !more {
					break
				}
				line = rest
			}
			if len(fields) == 1 && strings.TrimSpace(fields[0]) == "" {
				continue
			}
		}
		if header {
			header = false
			continue
		}
		if !r.row(fields) {
			return false
		}
	}
	return true
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
	if i := r.idx.lookup(id, r.ids); i >= 0 {
		return i, true
	}
	if checkID(id) != nil {
		return 0, false
	}
	i := int32(len(r.ids))
	r.idx.add(id, i)
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

// idTable maps node ids to their numbers (the positions in the reader's
// ids slice), by open addressing with linear probing: in place of a
// map[string]int32, whose lookups were a seventh of `relgraph rank` on a
// 100,000-edge list. An id of at most 7 bytes is its own key (its bytes
// and length packed into a uint64), so finding it compares no strings; a
// longer id's key is a 64-bit FNV-1a hash with the top byte set, and a
// match is confirmed against the id itself.
type idTable struct {
	// slots holds the ids' keys and numbers side by side (one cache line
	// read per probe); key 0 marks a free slot.
	slots []idSlot
	used  int    // slots taken
	mask  uint64 // len(slots) - 1, a power of two minus one
	shift uint   // 64 - log2(len(slots))
}

// idSlot is a slot of an idTable: an id's key and its number.
type idSlot struct {
	key uint64
	num int32
}

// newIDTable returns a table for n ids before it grows.
func newIDTable(n int) idTable {
	size := 16
	for 3*n > 2*size {
		size *= 2
	}
	return makeIDTable(size)
}

// makeIDTable returns an empty table of size slots, a power of two.
func makeIDTable(size int) idTable {
	return idTable{slots: make([]idSlot, size), mask: uint64(size - 1), shift: uint(64 - bits.TrailingZeros(uint(size)))}
}

// idKey returns id's key (never 0) and whether the key is the id itself
// (no string comparison needed on a match).
func idKey(id string) (key uint64, exact bool) {
	if len(id) <= 7 {
		key = uint64(len(id)+1) << 56
		for i := 0; i < len(id); i++ {
			key |= uint64(id[i]) << (8 * i)
		}
		return key, true
	}
	h := uint64(14695981039346656037) // FNV-1a 64 (Fowler, Noll, Vo)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint64(id[i])) * 1099511628211
	}
	return h | 0xff<<56, false
}

// slot returns the first slot to probe for key (Fibonacci hashing: the
// top log2(len(slots)) bits of key times 2⁶⁴/φ, which depend on every bit
// of key).
func (t *idTable) slot(key uint64) uint64 {
	return key * 0x9e3779b97f4a7c15 >> t.shift
}

// lookup returns id's number, or -1 when id is not in the table; ids are
// the ids by number, to confirm a hashed key.
func (t *idTable) lookup(id string, ids []string) int32 {
	key, exact := idKey(id)
	for s := t.slot(key); ; s = (s + 1) & t.mask {
		switch e := &t.slots[s]; {
		case e.key == 0:
			return -1
		case e.key == key && (exact || ids[e.num] == id):
			return e.num
		}
	}
}

// add puts id, not yet in the table, in with the number num, growing
// the table to keep it at most three quarters full (linear probing then
// takes at most 2.5 probes on average to find an id, 8.5 to miss; Knuth,
// TAOCP vol. 3, 6.4).
func (t *idTable) add(id string, num int32) {
	if 4*(t.used+1) > 3*len(t.slots) {
		old, used := t.slots, t.used
		*t = makeIDTable(2 * len(old))
		t.used = used
		for _, e := range old {
			if e.key != 0 {
				t.put(e.key, e.num)
			}
		}
	}
	key, _ := idKey(id)
	t.put(key, num)
	t.used++
}

// put stores key and num in the first free slot from key's.
func (t *idTable) put(key uint64, num int32) {
	s := t.slot(key)
	for t.slots[s].key != 0 {
		s = (s + 1) & t.mask
	}
	t.slots[s] = idSlot{key, num}
}
