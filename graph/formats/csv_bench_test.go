package formats

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/relgraph/relgraph/graph/generate"
)

// erCSV returns the bytes `relgraph generate --model er --nodes n --edges e
// --seed 1` writes: a source,target,weight header and one line per edge,
// integer weights 1–10.
func erCSV(tb testing.TB, n, e int) []byte {
	tb.Helper()
	g := generate.ErdosRenyi(n, e, rand.New(rand.NewPCG(1, 0)))
	var buf bytes.Buffer
	buf.WriteString("source,target,weight\n")
	for _, ed := range g.Edges {
		fmt.Fprintf(&buf, "%s,%s,%s\n", ed.Source, ed.Target, formatNumber(ed.Weight))
	}
	return buf.Bytes()
}

// BenchmarkReadCSV reads the CSV edge list of a 10,000-node,
// 100,000-edge random graph (er-10000 of bench/compare.sh), which is what
// `relgraph rank` does before computing anything.
func BenchmarkReadCSV(b *testing.B) {
	data := erCSV(b, 10000, 100000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		g, _, err := ReadCSV("er-10000.csv", data, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(g.Edges) != 100000 {
			b.Fatalf("%d edges, want 100000", len(g.Edges))
		}
	}
}

// BenchmarkReadCSVEdgeList reads the same file as BenchmarkReadCSV
// straight into an EdgeList, as `relgraph rank` does with a plain CSV
// edge list.
func BenchmarkReadCSVEdgeList(b *testing.B) {
	data := erCSV(b, 10000, 100000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		el, ok := ReadCSVEdgeList(data)
		if !ok || len(el.Source) != 100000 {
			b.Fatalf("ok %v, want 100000 edges", ok)
		}
	}
}
