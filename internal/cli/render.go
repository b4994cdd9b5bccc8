package cli

import (
	"context"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
	"github.com/relgraph/relgraph/graph/render"
)

type renderOptions struct {
	inputOptions
	s          Streams
	Output     string
	Format     string
	SizeBy     string
	Layout     string
	Seed       int
	EdgeLabels string
}

func newRenderCmd(s Streams) *cobra.Command {
	o := &renderOptions{s: s}
	c := &cobra.Command{
		Use:   "render GRAPH",
		Short: "Draw a relationship map (SVG or DOT)",
		Long: `Render draws the graph with Graphviz (compiled into relgraph; no system
Graphviz needed). Node size grows with --size-by, pen width with the edge
weight; edges are labelled with the roster's relation; every node and edge
has a stable SVG id and a tooltip (an edge's tooltip gives its weight and
its first evidence sentence). The layout is neato with a fixed seed, so the
same input always gives the same picture.

The format comes from --format or the extension of -o: svg or dot. PNG is
refused: the embedded Graphviz drops edges in PNG; convert the SVG instead
(e.g. rsvg-convert out/e01.svg -o out/e01.png).`,
		Example: `  relgraph render out/e01.json -o out/e01.svg
  relgraph render data/episodes/e01.txt --size-by betweenness -o out/e01.svg
  relgraph render out/e01.json --format dot | less`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return o.run(cmd.Context(), args[0]) },
	}
	o.inputOptions.addFlags(c.Flags())
	f := c.Flags()
	f.StringVarP(&o.Output, "output", "o", "", "write to `FILE` (default or \"-\": standard output)")
	f.StringVar(&o.Format, "format", "", "svg or dot (default from -o's extension, else svg)")
	f.StringVar(&o.SizeBy, "size-by", "strength", "measure that sizes the nodes: "+strings.Join(centrality.AllMeasures, ", "))
	f.StringVar(&o.Layout, "layout", "neato", "Graphviz layout engine: "+strings.Join(render.Layouts, ", "))
	f.IntVar(&o.Seed, "seed", 1, "layout seed")
	f.StringVar(&o.EdgeLabels, "edge-labels", "relation", "edge labels: relation, weight or none")
	return c
}

func (o *renderOptions) run(ctx context.Context, path string) error {
	var format render.Format
	var err error
	switch {
	case o.Format != "":
		format, err = render.ParseFormat(o.Format)
	case o.Output != "" && o.Output != "-":
		format, err = render.FormatFromPath(o.Output)
	default:
		format = render.Format("svg")
	}
	if err != nil {
		return usageError{err}
	}
	if format == render.FormatPNG {
		return usageError{render.ErrPNG}
	}
	if !slices.Contains(render.Layouts, o.Layout) {
		return usagef("--layout: %q is not one of %s", o.Layout, strings.Join(render.Layouts, ", "))
	}
	if err := (render.Options{EdgeLabels: o.EdgeLabels}).Check(); err != nil {
		return usagef("--edge-labels: %q is not one of relation, weight, none", o.EdgeLabels)
	}
	g, err := o.loadGraph(path, o.s)
	if err != nil {
		return err
	}
	dot, err := o.dot(g)
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	return writeOutput(o.Output, []string{path}, o.s.Out, func(w io.Writer) error {
		return render.Render(ctx, dot, format, w)
	})
}

func (o *renderOptions) dot(g *graph.Graph) ([]byte, error) {
	rk, err := centrality.Rank(g, centrality.Options{By: o.SizeBy, Measures: []string{o.SizeBy}, Normalized: true})
	if err != nil {
		return nil, usagef("--size-by: %v", err)
	}
	size := make(map[string]float64, len(rk.Rows))
	for _, r := range rk.Rows {
		size[r.ID] = r.Values[o.SizeBy]
	}
	return render.DOT(g, render.Options{Size: size, SizeBy: o.SizeBy, Layout: o.Layout, Seed: o.Seed, EdgeLabels: o.EdgeLabels}), nil
}
