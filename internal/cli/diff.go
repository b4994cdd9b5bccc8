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

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/diff"
)

// displayPath names a GRAPH argument in messages ("-" is standard input).
func displayPath(p string) string {
	if p == "-" {
		return "<stdin>"
	}
	return p
}

type diffOptions struct {
	inputOptions
	s      Streams
	Format string
	Output string
	// Normalize divides weights by each episode's number of units.
	Normalize bool
	// Match is "id" or "name": how characters of A and B are paired.
	Match string
	// Map is the file of the diff map (svg, png, html or dot by
	// extension); "" draws none.
	Map string
}

func newDiffCmd(s Streams) *cobra.Command {
	o := &diffOptions{s: s}
	c := &cobra.Command{
		Use:   "diff GRAPH_A GRAPH_B",
		Short: "Show what changed between two episodes",
		Long: `Diff compares graph A (before) with graph B (after): a plain-language
summary; characters added, removed and kept; interactions added, removed
and changed in weight (delta = B − A, relative = delta / A, so −75% means
the tie lost three quarters of its weight); each character's rank by
strength in A and B (a negative rank delta means the character moved up);
every measure of every kept character in A and B; and four similarity
scores: node_jaccard and edge_jaccard (shared / all), weighted_jaccard
(Σ min weight / Σ max weight over all edges, graph-tool's similarity) and
strength_spearman (rank correlation of the kept characters' strength;
null when undefined).

Characters are matched by id (--match id), or by display name when the
two files use different ids (--match name). --normalize divides every
weight by the number of units (sentences, scenes) of its episode, so a long
and a short episode compare fairly; a graph without a unit count is an
error then.

CSV output has one row per edge change: change, source, target, weight_a,
weight_b, delta, relative. JSON is the relgraph/diff@1 document.`,
		Example: `  relgraph diff out/e01.json out/e02.json
  relgraph diff data/episodes/e01.txt data/episodes/e02.txt --format json -o out/e01--e02.diff.json
  relgraph diff old.json new.json --match name --normalize`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error { return o.run(args[0], args[1]) },
	}
	o.inputOptions.addFlags(c.Flags())
	c.Flags().StringVar(&o.Format, "format", "", "output format: table, json or csv (default from -o's extension, else table)")
	c.Flags().StringVarP(&o.Output, "output", "o", "", "write to `FILE` (default or \"-\": standard output)")
	c.Flags().BoolVar(&o.Normalize, "normalize", false, "divide weights by each episode's number of units (interactions per unit)")
	c.Flags().StringVar(&o.Match, "match", "id", "pair characters by id or by name")
	c.Flags().StringVar(&o.Map, "map", "", "also draw the diff map to `FILE` (.svg, .png, .html or .dot): union of both graphs, added in teal, removed in orange (dashed), changed weights labelled +k/−k")
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
	if o.Match != "id" && o.Match != "name" {
		return usagef("--match: %q is not one of id, name", o.Match)
	}
	if err := o.checkMap(); err != nil {
		return err
	}
	a, err := o.loadGraph(pathA, o.s)
	if err != nil {
		return err
	}
	b, err := o.loadGraph(pathB, o.s)
	if err != nil {
		return err
	}
	if o.Normalize {
		for _, x := range []struct {
			path string
			g    *graph.Graph
		}{{pathA, a}, {pathB, b}} {
			if x.g.Episode.Units <= 0 {
				return fmt.Errorf("%s: field episode.units: missing or 0; --normalize divides weights by the number of units of each episode", displayPath(x.path))
			}
		}
	}
	r, err := diff.CompareWith(a, b, diff.Options{Normalize: o.Normalize, Match: o.Match})
	if err != nil {
		return err
	}
	if err := o.writeMap(a, b, r, pathA, pathB); err != nil {
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
	fmt.Fprintf(w, "%s → %s: %d → %d characters, %d → %d edges", r.A.ID, r.B.ID, r.A.Nodes, r.B.Nodes, r.A.Edges, r.B.Edges)
	if r.Normalized {
		fmt.Fprintf(w, " (weights per unit: %d → %d units)", r.A.Units, r.B.Units)
	}
	if r.Match == "name" {
		fmt.Fprint(w, " (matched by name)")
	}
	fmt.Fprintf(w, "\n\n%s\n\n", wrap(r.Summary, 78))
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
	if err := rt.writeText(w); err != nil {
		return err
	}
	if len(r.Measures) > 0 {
		fmt.Fprintln(w, "\nMeasures of kept characters (delta = b − a)")
		mt := &table{header: []string{"id", "measure", "a", "b", "delta"}}
		for _, m := range r.Measures {
			mt.add(m.ID, m.Measure, num(m.A), num(m.B), signed(m.Delta))
		}
		if err := mt.writeText(w); err != nil {
			return err
		}
	}
	sim := func(p *float64) string {
		if p == nil {
			return "n/a"
		}
		return strconv.FormatFloat(*p, 'f', 4, 64)
	}
	s := r.Similarity
	_, err := fmt.Fprintf(w, "\nSimilarity\n  node_jaccard       %s\n  edge_jaccard       %s\n  weighted_jaccard   %s\n  strength_spearman  %s\n",
		sim(s.NodeJaccard), sim(s.EdgeJaccard), sim(s.WeightedJaccard), sim(s.StrengthSpearman))
	return err
}

// signed formats a change for a text table: "+2", "-0.5000", and "0" for
// whatever prints as zero.
func signed(v float64) string {
	s := num(v)
	if strings.Trim(s, "-0.") == "" {
		return "0" // zero, −0, or noise that rounds to 0.0000
	}
	if v > 0 {
		return "+" + s
	}
	return s
}

// wrap breaks s into lines of at most width bytes at spaces (a longer
// word stays whole on its own line).
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, word := range strings.Fields(s) {
		switch {
		case n == 0:
		case n+1+len(word) > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
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
