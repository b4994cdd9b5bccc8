package render

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// BenchmarkDOT writes seeded generated graphs of several sizes as DOT.
func BenchmarkDOT(b *testing.B) {
	for _, n := range []int{10, 50, 200} {
		g := genGraph(n, 3, 1)
		opt := Options{Size: strength(g), SizeBy: "strength"}
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			for b.Loop() {
				DOT(g, opt)
			}
		})
	}
}

// BenchmarkRender lays out and draws SVG: the e01 cast and seeded
// generated graphs. The Graphviz context is made before the timer starts,
// so this is the cost of one render, not of the first.
func BenchmarkRender(b *testing.B) {
	cast := castGraph()
	cases := []struct {
		name string
		dot  []byte
	}{{"cast", DOT(cast, Options{Size: strength(cast), SizeBy: "strength"})}}
	for _, n := range []int{20, 50} {
		g := genGraph(n, 3, 1)
		cases = append(cases, struct {
			name string
			dot  []byte
		}{fmt.Sprintf("nodes=%d", n), DOT(g, Options{Size: strength(g), SizeBy: "strength"})})
	}
	if err := Render(b.Context(), cases[0].dot, FormatSVG, io.Discard); err != nil {
		b.Fatal(err)
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := Render(b.Context(), c.dot, FormatSVG, &buf); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
