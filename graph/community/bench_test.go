package community

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/relgraph/relgraph/graph/generate"
)

func benchDetect(b *testing.B, method string) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			g := generate.BarabasiAlbert(n, 5, rand.New(rand.NewPCG(1, 1)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Detect(g, Options{Method: method, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkLouvain(b *testing.B)          { benchDetect(b, Louvain) }
func BenchmarkLabelPropagation(b *testing.B) { benchDetect(b, LabelPropagation) }
