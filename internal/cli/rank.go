package cli

import (
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
	"github.com/relgraph/relgraph/graph/formats"
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
	// Edges ranks edges by edge betweenness instead of characters.
	Edges bool
	// Bootstrap is the number of resampled graphs (0: no intervals);
	// Seed seeds them.
	Bootstrap int
	Seed      uint64
	// KatzAlpha is Katz's attenuation factor (0: 0.85/λmax).
	KatzAlpha float64

	changed func(flag string) bool
}

func newRankCmd(s Streams) *cobra.Command {
	o := &rankOptions{s: s}
	c := &cobra.Command{
		Use:   "rank GRAPH",
		Short: "Rank characters by centrality",
		Long: `Rank prints one row per character with its centrality measures, sorted by
--by (descending; ties broken by id). Rank is the position in that order,
1..n without gaps. --top N keeps the first N rows of that order, so a tie
at row N is cut by id: characters with the same value as row N may be
left out (compare row N's value with the full table, or use --top 0).

Measures (NetworkX conventions, so values can be checked against it):
  degree               number of distinct neighbours (a count)
  strength             sum of incident edge weights (a count of interactions)
  betweenness          share of shortest paths through the character,
                       ×2/((n-1)(n-2)) when normalized (Brandes 2001)
  closeness            (r-1)/Σd × (r-1)/(n-1) over the r reachable characters
                       (Wasserman–Faust scaling on disconnected graphs)
  harmonic             Σ 1/d over the other characters, not normalised
  eigenvector          leading eigenvector of the weighted adjacency, unit length
  pagerank             weighted PageRank, damping 0.85
  katz                 Katz centrality, α = 0.85/λmax (--katz-alpha), β = 1,
                       weighted, unit length
  clustering           share of pairs of neighbours who interact (unweighted)
  clustering_weighted  Onnela's weighted clustering (weights / largest weight)
  coreness             core number: largest k of a k-core holding the character

--measures takes a comma-separated list, or "all" for every measure; the
default is the first seven.

Path measures (betweenness, closeness, harmonic) treat weights as
similarities: with --distance inverse (default) an edge of weight w has
length 1/w; with --distance unit every edge has length 1.

--edges ranks the interactions instead: one row per edge with source,
target, weight and edge betweenness (the share of shortest paths using the
edge, ×2/(n(n-1)) when normalized), sorted by betweenness.

--bootstrap N resamples the units (sentences, scenes) the graph was
extracted from, N times with replacement (seeded by --seed), recomputes
every measure and adds a 95% percentile interval to each value
(<measure>_low, <measure>_high) and to the rank (rank_low = best,
rank_high = worst). It needs a graph whose edges list their units, as
relgraph extract writes them. If Kathrin's rank interval is 1–1 and
Lukas's 2–4, "Kathrin is the most central" survives the noise of the text.
N must be at least 100 (1000 advised): a percentile interval's ends are the
2.5% and 97.5% points of the resamples, and with fewer than about 40 they
are just the smallest and largest resample. The full graph's value is
printed beside its interval, which may not contain it (a skewed measure).`,
		Example: `  relgraph rank out/e01.json
  relgraph rank data/episodes/e01.txt --by betweenness --top 3
  relgraph rank out/e01.json --measures all --format csv -o out/e01-rank.csv
  relgraph rank out/e01.json --edges --top 5
  relgraph rank out/e01.json --bootstrap 1000 --seed 1 --measures strength,betweenness`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.changed = cmd.Flags().Changed
			return o.run(args[0])
		},
	}
	o.inputOptions.addFlags(c.Flags())
	f := c.Flags()
	f.StringVar(&o.By, "by", "strength", "measure to sort by: "+strings.Join(centrality.EveryMeasure, ", "))
	f.StringVar(&o.Measures, "measures", strings.Join(centrality.AllMeasures, ","), "comma-separated `LIST` of measures to show, or \"all\" for every measure")
	f.IntVar(&o.Top, "top", 0, "show only the first `N` rows (0 = all; a tie at row N is cut by id)")
	f.StringVar(&o.Format, "format", "", "output format: table, json or csv (default from -o's extension, else table)")
	f.StringVar(&o.Distance, "distance", "inverse", "edge length for path measures: inverse (1/weight) or unit (1)")
	f.BoolVar(&o.Normalized, "normalized", true, "normalise betweenness by 2/((n-1)(n-2)) (edge betweenness by 2/(n(n-1)))")
	f.StringVarP(&o.Output, "output", "o", "", "write to `FILE` (default or \"-\": standard output)")
	f.BoolVar(&o.Edges, "edges", false, "rank edges by edge betweenness (source, target, weight, betweenness)")
	f.IntVar(&o.Bootstrap, "bootstrap", 0, "add 95% intervals from `N` resamples of the graph's units (0 = none; at least 100, 1000 advised)")
	f.Uint64Var(&o.Seed, "seed", 1, "random seed of --bootstrap")
	f.Float64Var(&o.KatzAlpha, "katz-alpha", 0, "Katz attenuation factor α, below 1/λmax (0 = 0.85/λmax)")
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
	if o.Bootstrap < 0 {
		return centrality.Options{}, usagef("--bootstrap: %d is negative", o.Bootstrap)
	}
	if o.Bootstrap > 0 && o.Bootstrap < centrality.MinBootstrapSamples {
		return centrality.Options{}, usagef("--bootstrap: %d resamples are too few for 95%% percentile intervals: give at least %d (1000 advised), or 0 for none", o.Bootstrap, centrality.MinBootstrapSamples)
	}
	if o.KatzAlpha < 0 || math.IsNaN(o.KatzAlpha) || math.IsInf(o.KatzAlpha, 0) {
		return centrality.Options{}, usagef("--katz-alpha: %v is not a positive number (0 = default)", o.KatzAlpha)
	}
	changed := o.changed
	if changed == nil {
		changed = func(string) bool { return false }
	}
	if o.Edges {
		for _, fl := range []string{"by", "measures", "bootstrap", "katz-alpha"} {
			if changed(fl) {
				return centrality.Options{}, usagef("--%s does not apply to --edges (edges are ranked by edge betweenness)", fl)
			}
		}
	}
	if changed("seed") && o.Bootstrap == 0 {
		return centrality.Options{}, usagef("--seed applies only with --bootstrap N")
	}
	var ms []string
	switch strings.TrimSpace(o.Measures) {
	case "":
		return centrality.Options{}, usagef("--measures: empty (give a comma-separated list, or all)")
	case "all":
		ms = centrality.EveryMeasure
	default:
		for _, m := range strings.Split(o.Measures, ",") {
			ms = append(ms, strings.TrimSpace(m))
		}
	}
	if changed("katz-alpha") && !o.Edges && strings.TrimSpace(o.By) != "katz" && !strings.Contains(","+strings.Join(ms, ",")+",", ",katz,") {
		return centrality.Options{}, usagef("--katz-alpha applies only when katz is among --measures (or --by katz)")
	}
	return centrality.Options{By: o.By, Measures: ms, Distance: d, Normalized: o.Normalized, Top: o.Top, KatzAlpha: o.KatzAlpha}, nil
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
	if o.Bootstrap == 0 {
		defer relaxGC(path, o.From)()
	}
	if write, ok, err := o.rankPlainCSV(path, opt, format); ok {
		if err != nil {
			return rankError(err)
		}
		return writeOutput(o.Output, []string{path}, o.s.Out, write)
	}
	g, err := o.loadGraph(path, o.s)
	if err != nil {
		return err
	}
	if o.Edges {
		er, err := centrality.RankEdges(g, opt)
		if err != nil {
			return usageError{err}
		}
		return writeOutput(o.Output, []string{path}, o.s.Out, func(w io.Writer) error {
			return writeEdgeRanking(w, format, g, er)
		})
	}
	var rk *centrality.Ranking
	if o.Bootstrap > 0 {
		// Validate the options first, so that a bad measure is a usage
		// error and a graph without units a run error.
		if _, err := centrality.Rank(&graph.Graph{}, opt); err != nil {
			return usageError{err}
		}
		rk, err = centrality.Bootstrap(g, opt, centrality.BootstrapOptions{Samples: o.Bootstrap, Seed: o.Seed})
		if err != nil {
			return fmt.Errorf("%s: %w", displayPath(path), katzError(err))
		}
	} else {
		rk, err = centrality.Rank(g, opt)
		if err != nil {
			return rankError(err)
		}
	}
	return writeOutput(o.Output, []string{path}, o.s.Out, func(w io.Writer) error {
		return writeRanking(w, format, g, rk)
	})
}

// rankError is the command's error for an error of centrality.Rank: a run
// error for a Katz α too large for the graph (katzError), else a usage
// error (a bad measure or option).
func rankError(err error) error {
	if strings.Contains(err.Error(), "Katz alpha") {
		return katzError(err)
	}
	return usageError{err}
}

// katzError explains a Katz α at or above 1/λmax. It is a run error (exit
// 1), not a usage error: the bound depends on the graph read, so the same
// --katz-alpha suits one graph and not another; an α that is no positive
// number at all is a usage error of options. Other errors pass unchanged.
func katzError(err error) error {
	if !strings.Contains(err.Error(), "Katz alpha") {
		return err
	}
	return fmt.Errorf("--katz-alpha: %w; the bound depends on this graph (λmax is the largest eigenvalue of its weighted adjacency matrix): give a smaller α, or omit --katz-alpha for 0.85/λmax", err)
}

// rankPlainCSV ranks a CSV edge list without building a graph.Graph
// (formats.ReadCSVEdgeList, centrality.RankEdgeList) when that gives what
// loadGraph and centrality.Rank would: a plain CSV file named by path
// (.csv or .tsv, no --from but csv, no --nodes or node table beside it, no
// --chapters; see ReadCSVEdgeList for the file), ranked without --edges or
// --bootstrap. Then ok is true and it returns the function that writes the
// ranking in format (as writeRanking would, naming the graph as loadGraph
// names it: fileGraphName), or Rank's error. Otherwise (also when the file
// cannot be read: loadGraph then reports it) ok is false and the caller
// takes the general path. On er-10000 (100,000 edges) this reads the file
// in a third of the time and memory of the general path; CSV output is
// written from the ranking's columns (centrality.RankEdgeListColumns), with
// no Row per node (docs/performance.md).
func (o *rankOptions) rankPlainCSV(path string, opt centrality.Options, format string) (write func(io.Writer) error, ok bool, err error) {
	if o.Edges || o.Bootstrap != 0 || path == "-" || o.From != "" && o.From != formats.CSV ||
		o.Nodes != "" || o.Chapters != "" || o.MaxEvidence < 0 {
		return nil, false, nil
	}
	if f, err := formats.FormatFromPath(path); err != nil || f != formats.CSV {
		return nil, false, nil
	}
	if beside := formats.NodesBeside(path); beside != "" {
		if _, err := os.Stat(beside); err == nil {
			return nil, false, nil
		}
	}
	data, err := readInput(path, o.s.In)
	if err != nil {
		return nil, false, nil
	}
	el, ok := formats.ReadCSVEdgeList(data)
	if !ok {
		return nil, false, nil
	}
	g := &graph.Graph{Episode: graph.Episode{ID: fileGraphName(path)}}
	cel := &centrality.EdgeList{Name: g.Name(), IDs: el.IDs, Source: el.Source, Target: el.Target, Weight: el.Weight}
	if format == "csv" {
		cols, err := centrality.RankEdgeListColumns(cel, opt)
		if err != nil {
			return nil, true, err
		}
		return func(w io.Writer) error { return writeRankColumnsCSV(w, cel.IDs, cols) }, true, nil
	}
	rk, err := centrality.RankEdgeList(cel, opt)
	if err != nil {
		return nil, true, err
	}
	return func(w io.Writer) error { return writeRanking(w, format, g, rk) }, true, nil
}

// writeRankColumnsCSV writes the ranking cols of the nodes ids (an edge
// list's: each node's name is its id) as CSV, the same bytes as
// writeRanking writes for the equivalent Ranking (no bootstrap).
func writeRankColumnsCSV(w io.Writer, ids []string, cols *centrality.RankColumns) error {
	vals := make([][]float64, len(cols.Measures)) // by column: values by node
	for c, m := range cols.Measures {
		vals[c] = cols.Values[m]
	}
	b := appendCSVRecord(make([]byte, 0, 32+len(cols.Order)*(24+24*len(vals))), append([]string{"rank", "id", "name"}, cols.Measures...))
	for r, i := range cols.Order {
		b = strconv.AppendInt(b, int64(r+1), 10)
		at := len(b) // the comma before the id, then the id
		b = append(b, ',')
		b = appendCSVField(b, ids[i])
		b = append(b, b[at:]...) // the name: the same field again
		for _, v := range vals {
			b = append(b, ',')
			b = appendExact(b, v[i])
		}
		b = append(b, '\n')
	}
	_, err := w.Write(b)
	return err
}

// measureText formats a measure for a text table: counts (degree,
// strength, coreness) as integers where they are whole, every other measure
// with four decimals, so a column lines up.
func measureText(measure string, v float64) string {
	switch measure {
	case "degree", "strength", "coreness":
		return num(v)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "n/a"
	}
	return strconv.FormatFloat(v, 'f', 4, 64)
}

// writeRanking writes a ranking as a table, JSON or CSV. With bootstrap
// intervals, CSV has the columns of Ranking.Columns and a table shows
// "value [low, high]" per measure and a "ranks" column "best–worst".
func writeRanking(w io.Writer, format string, g *graph.Graph, rk *centrality.Ranking) error {
	if format == "json" {
		return writeJSON(w, rk)
	}
	if format == "csv" {
		// Straight into one buffer, as table.writeCSV would write the
		// cells (numbers never need quotes): no string per cell.
		cols := rk.Columns()
		b := appendCSVRecord(make([]byte, 0, 32+len(rk.Rows)*(24+24*len(cols))), append([]string{"rank", "id", "name"}, cols...))
		for _, r := range rk.Rows {
			b = strconv.AppendInt(b, int64(r.Rank), 10)
			b = append(b, ',')
			at := len(b) - 1 // the comma before the id
			b = appendCSVField(b, r.ID)
			if r.Name == r.ID {
				// A node without a name (every node of an edge list):
				// the same field again, not encoded twice.
				b = append(b, b[at:]...)
			} else {
				b = append(b, ',')
				b = appendCSVField(b, r.Name)
			}
			for _, m := range cols {
				b = append(b, ',')
				switch m {
				case "rank_low":
					b = strconv.AppendInt(b, int64(r.RankLow), 10)
				case "rank_high":
					b = strconv.AppendInt(b, int64(r.RankHigh), 10)
				default:
					b = appendExact(b, r.Values[m])
				}
			}
			b = append(b, '\n')
		}
		_, err := w.Write(b)
		return err
	}
	if len(rk.Rows) == 0 {
		_, err := fmt.Fprintf(w, "%s: no characters\n", g.Name())
		return err
	}
	header := []string{"rank"}
	if rk.Bootstrap != nil {
		header = append(header, "95% ranks")
	}
	t := &table{header: append(append(header, "id", "name"), rk.Measures...)}
	for _, r := range rk.Rows {
		cells := []string{strconv.Itoa(r.Rank)}
		if rk.Bootstrap != nil {
			cells = append(cells, fmt.Sprintf("%d–%d", r.RankLow, r.RankHigh))
		}
		cells = append(cells, r.ID, r.Name)
		for _, m := range rk.Measures {
			c := measureText(m, r.Values[m])
			if rk.Bootstrap != nil {
				c += " [" + measureText(m, r.Values[m+"_low"]) + ", " + measureText(m, r.Values[m+"_high"]) + "]"
			}
			cells = append(cells, c)
		}
		t.add(cells...)
	}
	if err := t.writeText(w); err != nil {
		return err
	}
	if bs := rk.Bootstrap; bs != nil {
		_, err := fmt.Fprintf(w, "95%% intervals from %d resamples of %d units (seed %d)\n", bs.Samples, bs.Units, bs.Seed)
		return err
	}
	return nil
}

// writeEdgeRanking writes an edge ranking as a table, JSON or CSV (columns
// rank, source, target, weight, betweenness).
func writeEdgeRanking(w io.Writer, format string, g *graph.Graph, er *centrality.EdgeRanking) error {
	if format == "json" {
		return writeJSON(w, er)
	}
	t := &table{header: []string{"rank", "source", "target", "weight", "betweenness"}}
	for _, r := range er.Rows {
		if format == "csv" {
			t.add(strconv.Itoa(r.Rank), r.Source, r.Target, exact(r.Weight), exact(r.Betweenness))
		} else {
			t.add(strconv.Itoa(r.Rank), r.Source, r.Target, num(r.Weight), measureText("betweenness", r.Betweenness))
		}
	}
	if format == "csv" {
		return t.writeCSV(w)
	}
	if len(er.Rows) == 0 {
		_, err := fmt.Fprintf(w, "%s: no edges\n", g.Name())
		return err
	}
	return t.writeText(w)
}
