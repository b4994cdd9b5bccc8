package cli

import (
	"io"
	"math"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph/extract"
)

type evalOptions struct {
	inputOptions
	s      Streams
	Format string
	Output string
}

func newEvalCmd(s Streams) *cobra.Command {
	o := &evalOptions{s: s}
	c := &cobra.Command{
		Use:   "eval EXTRACTED GOLD",
		Short: "Score an extracted graph against a gold network",
		Long: `Eval compares the graph EXTRACTED with the gold network GOLD (each a graph
file, or an episode text extracted with --roster) and prints:

  precision    TP / (TP + FP): share of extracted edges that the gold has
  recall       TP / (TP + FN): share of gold edges that were extracted
  f1           2TP / (2TP + FP + FN)
  spearman     rank correlation of the weights on the union of both edge
               sets (an edge missing from one graph weighs 0 there; ties
               get their average rank)
  pearson      linear correlation of the same weights
  node_recall  share of gold characters present in EXTRACTED (by id)

Edges are compared by presence as unordered pairs of node ids (direction is
ignored). An undefined value (nothing to divide by, a constant weight list)
is null in JSON, empty in CSV and n/a in the table. Also given: tp, fp, fn,
pairs (the union's size), gold_nodes and found_nodes. JSON is the
relgraph/eval@1 document; CSV columns are its keys.`,
		Example: `  relgraph extract play.xml --unit tei -o gold.json
  relgraph extract play.txt --roster cast.json --unit scene -o scene.json
  relgraph eval scene.json gold.json
  relgraph eval scene.json gold.json --format json`,
		Args: cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error { return o.run(args[0], args[1]) },
	}
	o.inputOptions.addFlags(c.Flags())
	c.Flags().StringVar(&o.Format, "format", "", "output format: table, json or csv (default from -o's extension, else table)")
	c.Flags().StringVarP(&o.Output, "output", "o", "", "write to `FILE` (default or \"-\": standard output)")
	return c
}

// evalDoc is the relgraph/eval@1 document. Undefined values are null.
type evalDoc struct {
	Format     string   `json:"format"`
	Extracted  string   `json:"extracted"`
	Gold       string   `json:"gold"`
	Precision  *float64 `json:"precision"`
	Recall     *float64 `json:"recall"`
	F1         *float64 `json:"f1"`
	Spearman   *float64 `json:"spearman"`
	Pearson    *float64 `json:"pearson"`
	NodeRecall *float64 `json:"node_recall"`
	TP         int      `json:"tp"`
	FP         int      `json:"fp"`
	FN         int      `json:"fn"`
	Pairs      int      `json:"pairs"`
	GoldNodes  int      `json:"gold_nodes"`
	FoundNodes int      `json:"found_nodes"`
}

func orNull(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func (o *evalOptions) run(pathX, pathG string) error {
	format, err := dataFormat(o.Format, o.Output)
	if err != nil {
		return err
	}
	if pathX == "-" && pathG == "-" {
		return usagef("only one of EXTRACTED and GOLD can be standard input")
	}
	x, err := o.loadGraph(pathX, o.s)
	if err != nil {
		return err
	}
	g, err := o.loadGraph(pathG, o.s)
	if err != nil {
		return err
	}
	sc := extract.Evaluate(x, g)
	doc := evalDoc{
		Format: "relgraph/eval@1", Extracted: displayPath(pathX), Gold: displayPath(pathG),
		Precision: orNull(sc.Precision), Recall: orNull(sc.Recall), F1: orNull(sc.F1),
		Spearman: orNull(sc.Spearman), Pearson: orNull(sc.Pearson), NodeRecall: orNull(sc.NodeRecall),
		TP: sc.TP, FP: sc.FP, FN: sc.FN, Pairs: sc.Pairs, GoldNodes: sc.GoldNodes, FoundNodes: sc.FoundNodes,
	}
	return writeOutput(o.Output, []string{pathX, pathG, o.Roster}, o.s.Out, func(w io.Writer) error {
		switch format {
		case "json":
			return writeJSON(w, doc)
		}
		keys := []string{"precision", "recall", "f1", "spearman", "pearson", "node_recall", "tp", "fp", "fn", "pairs", "gold_nodes", "found_nodes"}
		vals := []float64{sc.Precision, sc.Recall, sc.F1, sc.Spearman, sc.Pearson, sc.NodeRecall,
			float64(sc.TP), float64(sc.FP), float64(sc.FN), float64(sc.Pairs), float64(sc.GoldNodes), float64(sc.FoundNodes)}
		if format == "csv" {
			t := table{header: append([]string{"extracted", "gold"}, keys...)}
			row := []string{doc.Extracted, doc.Gold}
			for _, v := range vals {
				row = append(row, exact(v))
			}
			t.add(row...)
			return t.writeCSV(w)
		}
		// The table is one measure per line, easier to read than one wide row.
		t := table{header: []string{"measure", "value"}}
		t.add("extracted", doc.Extracted)
		t.add("gold", doc.Gold)
		for i, k := range keys {
			t.add(k, num(vals[i]))
		}
		return t.writeText(w)
	})
}
