package cli

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
)

type rankOptions struct {
	inputOptions
	s          Streams
	By         string
	Measures   string
	Top        int
	Format     string
	Distance   string
	Normalized bool
	Output     string
}

func newRankCmd(s Streams) *cobra.Command {
	o := &rankOptions{s: s}
	c := &cobra.Command{
		Use:   "rank GRAPH",
		Short: "Rank characters by centrality",
		Long: `Rank prints one row per character with its centrality measures, sorted by
--by (descending; ties broken by id). Rank is the position in that order,
1..n without gaps.

Measures (NetworkX conventions, so values can be checked against it):
  degree       number of distinct neighbours (a count)
  strength     sum of incident edge weights (a count of interactions)
  betweenness  share of shortest paths through the character, ×2/((n-1)(n-2))
               when normalized (Brandes 2001)
  closeness    (r-1)/Σd × (r-1)/(n-1) over the r reachable characters
               (Wasserman–Faust scaling on disconnected graphs)
  harmonic     Σ 1/d over the other characters, not normalised
  eigenvector  leading eigenvector of the weighted adjacency, unit length
  pagerank     weighted PageRank, damping 0.85

Path measures (betweenness, closeness, harmonic) treat weights as
similarities: with --distance inverse (default) an edge of weight w has
length 1/w; with --distance unit every edge has length 1.`,
		Example: `  relgraph rank out/e01.json
  relgraph rank data/episodes/e01.txt --by betweenness --top 3
  relgraph rank out/e01.json --measures degree,strength --format csv -o out/e01-rank.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return o.run(args[0]) },
	}
	o.inputOptions.addFlags(c.Flags())
	f := c.Flags()
	f.StringVar(&o.By, "by", "strength", "measure to sort by: "+strings.Join(centrality.AllMeasures, ", "))
	f.StringVar(&o.Measures, "measures", "all", "comma-separated `LIST` of measures to show, or \"all\"")
	f.IntVar(&o.Top, "top", 0, "show only the first `N` rows (0 = all)")
	f.StringVar(&o.Format, "format", "", "output format: table, json or csv (default from -o's extension, else table)")
	f.StringVar(&o.Distance, "distance", "inverse", "edge length for path measures: inverse (1/weight) or unit (1)")
	f.BoolVar(&o.Normalized, "normalized", true, "normalise betweenness by 2/((n-1)(n-2))")
	f.StringVarP(&o.Output, "output", "o", "", "write to `FILE` (default or \"-\": standard output)")
	return c
}

func (o *rankOptions) options() (centrality.Options, error) {
	d, err := centrality.ParseDistance(o.Distance)
	if err != nil {
		return centrality.Options{}, usagef("--distance: %v", err)
	}
	if o.Top < 0 {
		return centrality.Options{}, usagef("--top: %d is negative", o.Top)
	}
	var ms []string
	if strings.TrimSpace(o.Measures) == "" {
		return centrality.Options{}, usagef("--measures: empty (give a comma-separated list, or all)")
	}
	if o.Measures != "all" {
		for _, m := range strings.Split(o.Measures, ",") {
			ms = append(ms, strings.TrimSpace(m))
		}
	}
	return centrality.Options{By: o.By, Measures: ms, Distance: d, Normalized: o.Normalized, Top: o.Top}, nil
}

func (o *rankOptions) run(path string) error {
	format, err := dataFormat(o.Format, o.Output)
	if err != nil {
		return err
	}
	opt, err := o.options()
	if err != nil {
		return err
	}
	g, err := o.loadGraph(path, o.s)
	if err != nil {
		return err
	}
	rk, err := centrality.Rank(g, opt)
	if err != nil {
		return usageError{err}
	}
	return writeOutput(o.Output, []string{path}, o.s.Out, func(w io.Writer) error {
		return writeRanking(w, format, g, rk)
	})
}

// measureText formats a measure for a text table: counts (degree,
// strength) as integers where they are whole, every other measure with four
// decimals, so a column lines up.
func measureText(measure string, v float64) string {
	switch measure {
	case "degree", "strength":
		return num(v)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	return strconv.FormatFloat(v, 'f', 4, 64)
}

// writeRanking writes a ranking as a table, JSON or CSV.
func writeRanking(w io.Writer, format string, g *graph.Graph, rk *centrality.Ranking) error {
	if format == "json" {
		return writeJSON(w, rk)
	}
	t := &table{header: append([]string{"rank", "id", "name"}, rk.Measures...)}
	for _, r := range rk.Rows {
		cells := []string{strconv.Itoa(r.Rank), r.ID, r.Name}
		for _, m := range rk.Measures {
			if format == "csv" {
				cells = append(cells, exact(r.Values[m]))
			} else {
				cells = append(cells, measureText(m, r.Values[m]))
			}
		}
		t.add(cells...)
	}
	if format == "csv" {
		return t.writeCSV(w)
	}
	if len(rk.Rows) == 0 {
		_, err := fmt.Fprintf(w, "%s: no characters\n", g.Name())
		return err
	}
	return t.writeText(w)
}
