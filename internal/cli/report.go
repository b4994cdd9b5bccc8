package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
	"github.com/relgraph/relgraph/graph/diff"
	"github.com/relgraph/relgraph/graph/formats"
	"github.com/relgraph/relgraph/graph/render"
	"github.com/relgraph/relgraph/graph/series"
)

type reportOptions struct {
	inputOptions
	s      Streams
	OutDir string
}

func newReportCmd(s Streams) *cobra.Command {
	o := &reportOptions{s: s}
	c := &cobra.Command{
		Use:   "report",
		Short: "Extract, rank, draw and diff every episode of the roster",
		Long: `Report is the main job. It reads the roster (default data/characters.json)
and, for every episode it lists, in order:
  - extracts the episode text to OUT/<episode>.json,
  - draws the relationship map OUT/<episode>.svg,
  - prints the episode's ranking;
then, for each pair of consecutive episodes, prints the diff and writes it
to OUT/<a>--<b>.diff.json; and last the series view of all episodes: the
size of each and every character's rank by strength in each, written with
the long table to OUT/series.csv and plotted as OUT/series-lines.svg,
OUT/series-heatmap.svg and OUT/series-counts.svg. OUT is --out-dir
(default out).`,
		Example: `  relgraph report
  relgraph report --roster series/characters.json --out-dir build`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return o.run(cmd.Context()) },
	}
	o.inputOptions.addFlags(c.Flags())
	c.Flags().StringVar(&o.OutDir, "out-dir", "out", "directory for the graphs, maps and diffs")
	return c
}

func (o *reportOptions) run(ctx context.Context) error {
	if ctx == nil {
		ctx = context.Background()
	}
	r, err := o.loadRoster(o.s.ErrOut)
	if err != nil {
		return err
	}
	if len(r.Episodes) == 0 {
		return fmt.Errorf("%s: field episodes: no episodes listed, nothing to report", o.Roster)
	}
	if err := os.MkdirAll(o.OutDir, 0o755); err != nil {
		return fmt.Errorf("--out-dir: %w", err)
	}
	// Nothing the report reads may be overwritten by what it writes.
	inputs := []string{o.Roster}
	for _, e := range r.Episodes {
		inputs = append(inputs, r.EpisodePath(e))
	}
	graphs := make([]*graph.Graph, 0, len(r.Episodes))
	for i, e := range r.Episodes {
		path := r.EpisodePath(e)
		g, err := o.loadGraph(path, o.s)
		if err != nil {
			return err
		}
		graphs = append(graphs, g)
		base := filepath.Join(o.OutDir, e.ID)
		if err := writeOutput(base+".json", inputs, nil, func(w io.Writer) error { return formats.WriteJSON(w, g) }); err != nil {
			return err
		}
		ro := defaultMapOptions()
		dot, err := ro.dot(g)
		if err != nil {
			return err
		}
		if err := writeOutput(base+".svg", inputs, nil, func(w io.Writer) error { return render.Render(ctx, dot, render.Format("svg"), w) }); err != nil {
			return err
		}
		rk, err := centrality.Rank(g, centrality.Options{Normalized: true})
		if err != nil {
			return err
		}
		if i > 0 {
			fmt.Fprintln(o.s.Out)
		}
		title := e.ID
		if e.Title != "" {
			title += ": " + e.Title
		}
		fmt.Fprintf(o.s.Out, "== %s ==\n%d sentences, %d characters, %d edges → %s.json, %s.svg\n\n",
			title, g.Episode.Units, len(g.Nodes), len(g.Edges), base, base)
		if err := writeRanking(o.s.Out, "table", g, rk); err != nil {
			return err
		}
	}
	if err := o.diffs(graphs, inputs); err != nil {
		return err
	}
	return o.seriesView(graphs, inputs)
}

// seriesView prints the series view of all episodes and writes its long
// table and plots.
func (o *reportOptions) seriesView(graphs []*graph.Graph, inputs []string) error {
	v := seriesView{Mode: series.Mode{Kind: series.Episodes}, Plot: "strength", Plots: true, Inputs: inputs}
	path := filepath.Join(o.OutDir, "series.csv")
	err := writeOutput(path, inputs, nil, func(w io.Writer) error {
		return v.run(graphs, o.s.ErrOut, func(h seriesHeader) (seriesSink, error) { return newSeriesSink(w, "csv", h) })
	})
	if err != nil {
		return err
	}
	tl := v.timeline
	for _, p := range []struct {
		name string
		draw func(io.Writer) error
	}{
		{"lines", func(w io.Writer) error { return series.PlotLines(w, tl, 8, "strength by episode", "svg") }},
		{"heatmap", func(w io.Writer) error { return series.PlotHeatmap(w, tl, 16, "rank by strength", "svg") }},
		{"counts", func(w io.Writer) error { return series.PlotCounts(w, tl, "characters and ties per episode", "svg") }},
	} {
		if err := writeOutput(filepath.Join(o.OutDir, "series-"+p.name+".svg"), inputs, nil, p.draw); err != nil {
			return err
		}
	}
	fmt.Fprintf(o.s.Out, "\n== series: %d episodes, rank by strength (%s, %s-*.svg) ==\n", len(graphs), path, filepath.Join(o.OutDir, "series"))
	return writeSeriesView(o.s.Out, tl)
}

func (o *reportOptions) diffs(graphs []*graph.Graph, inputs []string) error {
	for i := 1; i < len(graphs); i++ {
		a, b := graphs[i-1], graphs[i]
		d, err := diff.Compare(a, b)
		if err != nil {
			return err
		}
		path := filepath.Join(o.OutDir, a.Name()+"--"+b.Name()+".diff.json")
		if err := writeOutput(path, inputs, nil, func(w io.Writer) error { return writeJSON(w, d) }); err != nil {
			return err
		}
		fmt.Fprintf(o.s.Out, "\n== diff %s → %s (%s) ==\n", a.Name(), b.Name(), path)
		if err := writeDiff(o.s.Out, "table", d); err != nil {
			return err
		}
	}
	return nil
}
