package metrics

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/relgraph/relgraph/graph/generate"
)

func BenchmarkCompute(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			g := generate.BarabasiAlbert(n, 3, rand.New(rand.NewPCG(1, 1)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				Compute(g)
			}
		})
	}
}
