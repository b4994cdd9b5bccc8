package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph/metrics"
)

type statsOptions struct {
	inputOptions
	s      Streams
	Format string
	Output string
}

func newStatsCmd(s Streams) *cobra.Command {
	o := &statsOptions{s: s}
	c := &cobra.Command{
		Use:   "stats GRAPH",
		Short: "Print whole-graph figures (size, density, diameter, …)",
		Long: `Stats prints the figures DraCor reports for a play, and a few more:

  nodes, edges           characters, and pairs who interact
  density                edges / possible pairs (n/a below two characters)
  diameter               longest shortest path, in hops (n/a if disconnected)
  average_path_length    mean shortest path over pairs, in hops (n/a if
                         disconnected)
  average_clustering     mean local clustering (0 for fewer than 2 neighbours)
  transitivity           3 × triangles / connected triples (n/a without triples)
  average_degree         2 × edges / nodes
  max_degree             largest degree, and max_degree_ids who have it
  connected_components   number of components (an isolated character is one)
  largest_component      characters in the largest component
  assortativity          degree assortativity (Newman 2003; n/a when undefined)

Weights are ignored here: paths count hops, as DraCor and NetworkX report
them. Undefined figures are "n/a" in a table and null in JSON (relgraph/
stats@1), never a made-up number. CSV has one header line (the JSON keys)
and one line of values; max_degree_ids are joined by ";".`,
		Example: `  relgraph stats out/e01.json
  relgraph stats data/episodes/e01.txt --format json
  relgraph stats out/e01.json -o out/e01-stats.csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return o.run(args[0]) },
	}
	o.inputOptions.addFlags(c.Flags())
	f := c.Flags()
	f.StringVar(&o.Format, "format", "", "output format: table, json or csv (default from -o's extension, else table)")
	f.StringVarP(&o.Output, "output", "o", "", "write to `FILE` (default or \"-\": standard output)")
	return c
}

func (o *statsOptions) run(path string) error {
	format, err := dataFormat(o.Format, o.Output)
	if err != nil {
		return err
	}
	g, err := o.loadGraph(path, o.s)
	if err != nil {
		return err
	}
	st := metrics.Compute(g)
	return writeOutput(o.Output, []string{path}, o.s.Out, func(w io.Writer) error {
		return writeStats(w, format, st)
	})
}

// writeStats writes the figures as a two-column table (figure, value), as
// one CSV record under a header of JSON keys, or as JSON.
func writeStats(w io.Writer, format string, st *metrics.Stats) error {
	if format == "json" {
		return writeJSON(w, st)
	}
	fields := st.Fields()
	cell := func(v any, csv bool) string {
		switch x := v.(type) {
		case nil:
			if csv {
				return ""
			}
			return "n/a"
		case int:
			return strconv.Itoa(x)
		case float64:
			if csv {
				return exact(x)
			}
			return strconv.FormatFloat(x, 'f', 4, 64)
		case []string:
			if csv {
				return strings.Join(x, ";")
			}
			return strings.Join(x, ", ")
		}
		return fmt.Sprint(v)
	}
	if format == "csv" {
		t := &table{}
		var row []string
		for _, f := range fields {
			t.header = append(t.header, f.Key)
			row = append(row, cell(f.Value, true))
		}
		t.add(row...)
		return t.writeCSV(w)
	}
	t := &table{header: []string{"figure", "value"}}
	for _, f := range fields {
		t.add(f.Key, cell(f.Value, false))
	}
	if _, err := fmt.Fprintf(w, "%s\n", st.Graph); err != nil {
		return err
	}
	return t.writeText(w)
}
