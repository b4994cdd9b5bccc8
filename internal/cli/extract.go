package cli

import (
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph/formats"
)

type extractOptions struct {
	inputOptions
	s Streams
	// Output is the -o file ("" or "-" for standard output).
	Output string
}

func newExtractCmd(s Streams) *cobra.Command {
	o := &extractOptions{s: s}
	c := &cobra.Command{
		Use:   "extract EPISODE",
		Short: "Extract a character graph from an episode text",
		Long: `Extract reads an episode text (.txt or .md; "-" for standard input), splits
it into sentences, finds the roster's characters by name, alias and title
(longest match first, German genitives included) and writes the graph as
relgraph JSON: one node per mentioned character, one edge per pair of
characters named in the same sentence, weighted by the number of such
sentences, with the sentence numbers and evidence text.`,
		Example: `  relgraph extract data/episodes/e01.txt -o out/e01.json
  relgraph extract --roster my/characters.json chapter3.txt | jq '.edges[0]'`,
		Args: cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error { return o.run(args[0]) },
	}
	o.inputOptions.addFlags(c.Flags())
	c.Flags().StringVarP(&o.Output, "output", "o", "", "write the graph to `FILE` (default or \"-\": standard output)")
	return c
}

func (o *extractOptions) run(path string) error {
	if fileKind(path, nil) == "json" {
		return usagef("extract wants an episode text (.txt, .md), got the graph file %s", path)
	}
	if ext := strings.ToLower(filepath.Ext(o.Output)); o.Output != "" && o.Output != "-" && ext != ".json" {
		return usagef("-o %s: extract writes relgraph JSON; give a .json file name", o.Output)
	}
	g, err := o.loadGraph(path, o.s)
	if err != nil {
		return err
	}
	return writeOutput(o.Output, []string{path, o.Roster}, o.s.Out, func(w io.Writer) error { return formats.WriteJSON(w, g) })
}
