package cli

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/community"
)

type communitiesOptions struct {
	inputOptions
	s          Streams
	Method     string
	Seed       uint64
	Resolution float64
	Format     string
	Output     string
}

func newCommunitiesCmd(s Streams) *cobra.Command {
	o := &communitiesOptions{s: s}
	c := &cobra.Command{
		Use:   "communities GRAPH",
		Short: "Find groups of characters who interact among themselves",
		Long: `Communities partitions the characters into groups that interact more with
each other than their numbers of interactions would predict.

Methods:
  louvain            Louvain modularity optimisation (Blondel et al. 2008),
                     best of up to 10 seeded runs on small graphs;
                     --resolution γ > 1 gives more, smaller groups
  label-propagation  weighted label propagation (Raghavan et al. 2007)

Modularity Q = Σ_c [in_c/2m − γ (tot_c/2m)²] of the result is printed (n/a
for a graph without edges). Both methods are randomised: --seed fixes the
result, so the same graph and flags give the same groups on every run.
Groups are numbered by size, largest first, then by their first member;
members are sorted by id; an isolated character is a group of one.

JSON is the relgraph/communities@1 document; CSV has one row per character
(id, name, community), ready for a Gephi node table.`,
		Example: `  relgraph communities out/e01.json
  relgraph communities graph.json --resolution 1.5 --seed 7 --format json
  relgraph communities graph.json --method label-propagation -o groups.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return o.run(args[0]) },
	}
	o.inputOptions.addFlags(c.Flags())
	f := c.Flags()
	f.StringVar(&o.Method, "method", community.Louvain, "method: "+strings.Join(community.Methods, " or "))
	f.Uint64Var(&o.Seed, "seed", 1, "random seed")
	f.Float64Var(&o.Resolution, "resolution", 1, "modularity resolution γ > 0 (larger: smaller groups)")
	f.StringVar(&o.Format, "format", "", "output format: table, json or csv (default from -o's extension, else table)")
	f.StringVarP(&o.Output, "output", "o", "", "write to `FILE` (default or \"-\": standard output)")
	return c
}

func (o *communitiesOptions) run(path string) error {
	format, err := dataFormat(o.Format, o.Output)
	if err != nil {
		return err
	}
	if !(o.Resolution > 0) || math.IsInf(o.Resolution, 1) {
		return usagef("--resolution: %v is not a positive number", o.Resolution)
	}
	opt := community.Options{Method: o.Method, Seed: o.Seed, Resolution: o.Resolution}
	if _, err := community.Detect(&graph.Graph{}, opt); err != nil {
		return usagef("--method: %v", err)
	}
	g, err := o.loadGraph(path, o.s)
	if err != nil {
		return err
	}
	r, err := community.Detect(g, opt)
	if err != nil {
		return err
	}
	return writeOutput(o.Output, []string{path}, o.s.Out, func(w io.Writer) error {
		return writeCommunities(w, format, g, r)
	})
}

// writeCommunities writes the partition as a table (one line per
// community), CSV (one row per character) or JSON.
func writeCommunities(w io.Writer, format string, g *graph.Graph, r *community.Result) error {
	if format == "json" {
		return writeJSON(w, r)
	}
	names := make(map[string]string, len(g.Nodes))
	for _, n := range g.Nodes {
		names[n.ID] = n.Label()
	}
	if format == "csv" {
		t := &table{header: []string{"id", "name", "community"}}
		for _, c := range r.Communities {
			for _, m := range c.Members {
				t.add(m, names[m], strconv.Itoa(c.ID))
			}
		}
		return t.writeCSV(w)
	}
	q := "n/a"
	if !math.IsNaN(r.Modularity) {
		q = strconv.FormatFloat(r.Modularity, 'f', 4, 64)
		if q == "-0.0000" {
			q = "0.0000" // round-off below the shown digits
		}
	}
	// The resolution is Louvain's; label propagation does not use it, so
	// it is named there only when it changes the modularity shown.
	gamma := strconv.FormatFloat(r.Resolution, 'g', -1, 64)
	how := r.Method + ", seed " + strconv.FormatUint(r.Seed, 10) + ", resolution " + gamma
	if r.Method != community.Louvain {
		how = r.Method + ", seed " + strconv.FormatUint(r.Seed, 10)
		if r.Resolution != 1 {
			how += "; modularity at resolution " + gamma
		}
	}
	noun := "communities"
	if len(r.Communities) == 1 {
		noun = "community"
	}
	if _, err := fmt.Fprintf(w, "%s: %d %s, modularity %s (%s)\n", r.Graph, len(r.Communities), noun, q, how); err != nil {
		return err
	}
	if len(r.Communities) == 0 {
		return nil
	}
	t := &table{header: []string{"community", "size", "members"}}
	for _, c := range r.Communities {
		ms := make([]string, len(c.Members))
		for i, m := range c.Members {
			ms[i] = names[m]
		}
		t.add(strconv.Itoa(c.ID), strconv.Itoa(len(c.Members)), strings.Join(ms, ", "))
	}
	return t.writeText(w)
}
