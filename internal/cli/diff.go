package cli

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph/diff"
)

type diffOptions struct {
	inputOptions
	s      Streams
	Format string
	Output string
}

func newDiffCmd(s Streams) *cobra.Command {
	o := &diffOptions{s: s}
	c := &cobra.Command{
		Use:   "diff GRAPH_A GRAPH_B",
		Short: "Show what changed between two episodes",
		Long: `Diff compares graph A (before) with graph B (after), matching characters by
id: characters added and removed; interactions added, removed and changed
in weight (delta = B − A, relative = delta / A); and each character's rank
by strength in A and B (a negative rank delta means the character moved up).

CSV output has one row per edge change: change, source, target, weight_a,
weight_b, delta, relative.`,
		Example: `  relgraph diff out/e01.json out/e02.json
  relgraph diff data/episodes/e01.txt data/episodes/e02.txt --format json -o out/e01--e02.diff.json`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error { return o.run(args[0], args[1]) },
	}
	o.inputOptions.addFlags(c.Flags())
	c.Flags().StringVar(&o.Format, "format", "", "output format: table, json or csv (default from -o's extension, else table)")
	c.Flags().StringVarP(&o.Output, "output", "o", "", "write to `FILE` (default or \"-\": standard output)")
	return c
}

func (o *diffOptions) run(pathA, pathB string) error {
	format, err := dataFormat(o.Format, o.Output)
	if err != nil {
		return err
	}
	if pathA == "-" && pathB == "-" {
		return usagef("only one of GRAPH_A and GRAPH_B can be standard input")
	}
	a, err := o.loadGraph(pathA, o.s)
	if err != nil {
		return err
	}
	b, err := o.loadGraph(pathB, o.s)
	if err != nil {
		return err
	}
	r, err := diff.Compare(a, b)
	if err != nil {
		return err
	}
	return writeOutput(o.Output, []string{pathA, pathB}, o.s.Out, func(w io.Writer) error {
		return writeDiff(w, format, r)
	})
}

func writeDiff(w io.Writer, format string, r *diff.Result) error {
	switch format {
	case "json":
		return writeJSON(w, r)
	case "csv":
		return diffEdgeTable(r, exact, exact).writeCSV(w)
	}
	names := map[string]string{}
	for _, row := range r.Ranks {
		names[row.ID] = row.Name
	}
	list := func(ids []string) string {
		if len(ids) == 0 {
			return "–"
		}
		parts := make([]string, len(ids))
		for i, id := range ids {
			parts[i] = id
			if n := names[id]; n != "" && n != id {
				parts[i] = fmt.Sprintf("%s (%s)", id, n)
			}
		}
		return strings.Join(parts, ", ")
	}
	fmt.Fprintf(w, "%s → %s: %d → %d characters, %d → %d edges\n\n", r.A.ID, r.B.ID, r.A.Nodes, r.B.Nodes, r.A.Edges, r.B.Edges)
	fmt.Fprintf(w, "Characters\n  added:    %s\n  removed:  %s\n  kept:     %s\n\n", list(r.Nodes.Added), list(r.Nodes.Removed), list(r.Nodes.Kept))
	fmt.Fprintln(w, "Edges")
	et := diffEdgeTable(r, num, percent)
	if len(et.rows) == 0 {
		fmt.Fprintln(w, "  no changes")
	} else if err := et.writeText(w); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nRanks by strength (rank delta < 0: moved up)")
	rows := slices.Clone(r.Ranks)
	rankOr := func(p *int) int {
		if p == nil {
			return 1 << 30
		}
		return *p
	}
	slices.SortStableFunc(rows, func(x, y diff.RankRow) int {
		return cmp.Or(cmp.Compare(rankOr(x.RankB), rankOr(y.RankB)), cmp.Compare(rankOr(x.RankA), rankOr(y.RankA)))
	})
	rt := &table{header: []string{"id", "name", "rank_a", "rank_b", "delta"}}
	opt := func(p *int) string {
		if p == nil {
			return "–"
		}
		return strconv.Itoa(*p)
	}
	for _, row := range rows {
		d := opt(row.Delta)
		if row.Delta != nil && *row.Delta > 0 {
			d = "+" + d
		}
		rt.add(row.ID, row.Name, opt(row.RankA), opt(row.RankB), d)
	}
	return rt.writeText(w)
}

// percent formats a relative change for a text table to one decimal:
// -0.5 → "-50%", -5/6 → "-83.3%".
func percent(v float64) string {
	return strconv.FormatFloat(math.Round(1000*v)/10, 'f', -1, 64) + "%"
}

// diffEdgeTable has one row per edge change; f formats the weights and
// deltas, rel the relative change.
func diffEdgeTable(r *diff.Result, f, rel func(float64) string) *table {
	t := &table{header: []string{"change", "source", "target", "weight_a", "weight_b", "delta", "relative"}}
	for _, e := range r.Edges.Added {
		t.add("added", e.Source, e.Target, "", f(e.Weight), f(e.Weight), "")
	}
	for _, e := range r.Edges.Removed {
		t.add("removed", e.Source, e.Target, f(e.Weight), "", f(-e.Weight), rel(-1))
	}
	for _, e := range r.Edges.Changed {
		t.add("changed", e.Source, e.Target, f(e.WeightA), f(e.WeightB), f(e.Delta), rel(e.Relative))
	}
	return t
}
