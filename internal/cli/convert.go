package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/formats"
	"github.com/relgraph/relgraph/internal/atomicfile"
	"github.com/relgraph/relgraph/internal/progress"
)

type convertOptions struct {
	inputOptions
	s      Streams
	To     string
	OutDir string
}

func newConvertCmd(s Streams) *cobra.Command {
	o := &convertOptions{s: s}
	c := &cobra.Command{
		Use:   "convert IN OUT | convert --to FORMAT --out-dir DIR IN...",
		Short: "Convert a graph between file formats",
		Long: `Convert reads a graph in any format relgraph reads and writes it in another.

Formats (--from and --to; by default from the file extension, and for IN
from the content when the extension says nothing):
  json      .json      relgraph JSON (relgraph/graph@1)
  nodelink  .json      node-link JSON (NetworkX node_link_data, D3); IN is told
                       apart from relgraph JSON by content, OUT needs --to nodelink
  csv       .csv .tsv  edge list Source,Target,Type,Weight (Gephi, ezlinavis,
                       DraCor); OUT named X-edges.csv also gets X-nodes.csv
  gexf      .gexf      GEXF 1.3 (Gephi)
  graphml   .graphml   GraphML with typed attributes (yEd, Cytoscape, NetworkX)
  gml       .gml       GML (NetworkX, igraph)
  dot       .dot .gv   Graphviz DOT (data, not a styled map: see render)
  pajek     .net       Pajek (ids and weights only)
  sgb       .dat       Stanford GraphBase co-appearances (read only;
                       --chapters selects chapters, e.g. "1." for part 1)
  neo4j                neo4j-admin import CSV (write only): OUT is a base
                       name, written as OUT-nodes.csv and OUT-relationships.csv
  text      .txt .md   an episode text, extracted with --roster (read only)

relgraph JSON, GEXF, GraphML, GML, node-link JSON and DOT keep ids, names,
mentions, typed attributes, isolated characters, weights (an integer stays
an integer), relations, units and evidence. On import, duplicate edges are
summed and self-loops dropped, each with a warning.

IN "-" reads standard input; OUT "-" writes standard output (as relgraph
JSON unless --to says otherwise). With --out-dir, every IN is written to
DIR/<name>.<ext of --to>, with a progress bar on a terminal.`,
		Example: `  relgraph convert out/e01.json out/e01.gexf
  relgraph convert ../shared/data/asoiaf/asoiaf-book1-edges.csv book1.graphml
  relgraph convert ../shared/data/lesmis/jean.dat part1.json --chapters 1.
  relgraph convert miserables.json - --to gml | head
  relgraph convert out/e01.json out/e01 --to neo4j     # out/e01-nodes.csv, out/e01-relationships.csv
  relgraph convert --to gexf --out-dir gexf/ ../shared/data/starwars/*.json`,
		RunE: func(_ *cobra.Command, args []string) error { return o.run(args) },
		Args: func(_ *cobra.Command, args []string) error {
			if o.OutDir != "" {
				if len(args) == 0 {
					return fmt.Errorf("convert --out-dir DIR wants at least one IN file")
				}
				return nil
			}
			if len(args) != 2 {
				return fmt.Errorf("convert wants IN and OUT (or --to FORMAT --out-dir DIR IN...), got %d argument(s)", len(args))
			}
			return nil
		},
	}
	o.inputOptions.addFlags(c.Flags())
	c.Flags().StringVar(&o.To, "to", "", "output format: "+strings.Join(formats.WriteFormats(), ", ")+" (default: from OUT's extension)")
	c.Flags().StringVar(&o.OutDir, "out-dir", "", "write each IN to `DIR` in the --to format")
	return c
}

func (o *convertOptions) outFormat(out string) (string, error) {
	if o.To != "" {
		if !slices.Contains(formats.WriteFormats(), o.To) {
			return "", usagef("--to: %q is not one of %s", o.To, strings.Join(formats.WriteFormats(), ", "))
		}
		return o.To, nil
	}
	if out == "-" {
		return formats.JSON, nil
	}
	f, err := formats.FormatFromPath(out)
	if err != nil {
		// FormatFromPath speaks of reading (--from); for OUT the flag is --to.
		return "", usagef("OUT %s", strings.Replace(err.Error(), "or give --from", "or give --to", 1))
	}
	if f == formats.SGB {
		return "", usagef("OUT %s: the SGB format is read only (give --to)", out)
	}
	return f, nil
}

func (o *convertOptions) run(args []string) error {
	if o.OutDir != "" {
		return o.runMany(args)
	}
	in, out := args[0], args[1]
	format, err := o.outFormat(out)
	if err != nil {
		return err
	}
	if format == formats.Neo4j && out == "-" {
		return usagef("--to neo4j writes two files: give OUT as a base name, not -")
	}
	g, err := o.loadGraph(in, o.s)
	if err != nil {
		return err
	}
	return o.write(g, in, out, format)
}

// write writes g to out in format. inputs (the GRAPH file and any node
// table) are never overwritten.
func (o *convertOptions) write(g *graph.Graph, in, out, format string) error {
	inputs := []string{in}
	if o.Nodes != "" {
		inputs = append(inputs, o.Nodes)
	} else if beside := formats.NodesBeside(in); beside != "" {
		inputs = append(inputs, beside)
	}
	switch format {
	case formats.Neo4j:
		nodes, rels := formats.Neo4jPaths(out)
		// WriteNeo4j writes both streams in one pass; each file is then
		// written atomically from its buffer.
		var nb, rb strings.Builder
		if err := formats.WriteNeo4j(&nb, &rb, g); err != nil {
			return err
		}
		if err := atomicfile.Write(nodes, inputs, func(w io.Writer) error { _, err := io.WriteString(w, nb.String()); return err }); err != nil {
			return err
		}
		return atomicfile.Write(rels, inputs, func(w io.Writer) error { _, err := io.WriteString(w, rb.String()); return err })
	case formats.CSV:
		if nodes := formats.NodesBeside(out); nodes != "" {
			if err := atomicfile.Write(nodes, inputs, func(w io.Writer) error { return formats.WriteCSVNodes(w, g) }); err != nil {
				return err
			}
		} else if lost := csvLoses(g); lost != "" {
			name := out
			if out == "-" {
				name = "standard output"
			}
			warn(o.s.ErrOut, fmt.Sprintf("%s: an edge list does not keep %s; name the output X-edges.csv to write X-nodes.csv too", name, lost))
		}
	case formats.Pajek:
		warn(o.s.ErrOut, out+": Pajek keeps ids and weights only (names, attributes, relations and units are dropped)")
	}
	return writeOutput(out, inputs, o.s.Out, func(w io.Writer) error { return formats.Write(w, g, format) })
}

// csvLoses says what an edge list without its node table would lose.
func csvLoses(g *graph.Graph) string {
	deg := map[string]bool{}
	for _, e := range g.Edges {
		deg[e.Source], deg[e.Target] = true, true
	}
	var lost []string
	if slices.ContainsFunc(g.Nodes, func(n graph.Node) bool { return !deg[n.ID] }) {
		lost = append(lost, "isolated characters")
	}
	if slices.ContainsFunc(g.Nodes, func(n graph.Node) bool { return n.Name != "" || len(n.Attributes) > 0 || n.Mentions != 0 }) {
		lost = append(lost, "names, mentions or attributes")
	}
	return strings.Join(lost, " or ")
}

// runMany converts every IN into --out-dir, keeping its base name.
func (o *convertOptions) runMany(ins []string) error {
	if o.To == "" {
		return usagef("--out-dir needs --to FORMAT")
	}
	format, err := o.outFormat("")
	if err != nil {
		return err
	}
	if slices.Contains(ins, "-") {
		return usagef("--out-dir: standard input (-) has no name to write under")
	}
	if err := os.MkdirAll(o.OutDir, 0o755); err != nil {
		return err
	}
	ext := map[string]string{formats.JSON: ".json", formats.NodeLink: ".json", formats.CSV: "-edges.csv", formats.GEXF: ".gexf",
		formats.GraphML: ".graphml", formats.GML: ".gml", formats.DOT: ".dot", formats.Pajek: ".net", formats.Neo4j: ""}[format]
	seen := map[string]string{}
	bar := progress.New(o.s.ErrOut, len(ins), "converting")
	defer bar.Finish()
	for _, in := range ins {
		base := filepath.Base(in)
		base = strings.TrimSuffix(base, filepath.Ext(base))
		if format == formats.CSV {
			base = strings.TrimSuffix(base, "-edges")
		}
		out := filepath.Join(o.OutDir, base+ext)
		if prev, dup := seen[out]; dup {
			return usagef("%s and %s would both be written to %s", prev, in, out)
		}
		seen[out] = in
		bar.Describe(filepath.Base(in))
		g, err := o.loadGraph(in, o.s)
		if err != nil {
			return err
		}
		if err := o.write(g, in, out, format); err != nil {
			return err
		}
		bar.Add(1)
	}
	return nil
}
