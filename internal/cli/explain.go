package cli

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph"
)

type explainOptions struct {
	inputOptions
	s      Streams
	Format string
	Output string
}

func newExplainCmd(s Streams) *cobra.Command {
	o := &explainOptions{s: s}
	o.directedOK = true // each direction is shown as it is
	c := &cobra.Command{
		Use:   "explain GRAPH A B",
		Short: "Show the text evidence of the edge between two characters",
		Long: `Explain prints why GRAPH has an edge between the characters A and B (ids,
or display names, case-insensitive): its weight, relation and units, and the
text of every unit kept as evidence with both characters' mentions
highlighted — bold on a terminal (underlined: found by coreference), else
[name] for a name and {pronoun} for a mention found by coreference. Units
whose text was not kept (--max-evidence at extraction) are listed by number.

In a directed graph (extract --layer speech) A → B and B → A are two edges,
shown one after the other (A → B first) with their own weights and
evidence; a direction without an edge is named.

--format json prints the edge as in the graph file; --format csv one row per
evidence unit: unit, text, highlighted.`,
		Example: `  relgraph explain out/e01.json kathrin lukas
  relgraph explain data/episodes/e01.txt Kathrin Friedrich
  relgraph explain out/e01.json lukas achim --format json`,
		Args: cobra.ExactArgs(3),
		RunE: func(_ *cobra.Command, args []string) error { return o.run(args[0], args[1], args[2]) },
	}
	o.inputOptions.addFlags(c.Flags())
	c.Flags().StringVar(&o.Format, "format", "", "output format: table, json or csv (default from -o's extension, else table)")
	c.Flags().StringVarP(&o.Output, "output", "o", "", "write to `FILE` (default or \"-\": standard output)")
	return c
}

// findNode returns the id of the node whose id, or else whose name, is
// arg (case-insensitive).
func findNode(g *graph.Graph, arg string) (string, error) {
	for _, n := range g.Nodes {
		if n.ID == arg {
			return n.ID, nil
		}
	}
	var found []string
	for _, n := range g.Nodes {
		if strings.EqualFold(n.ID, arg) || strings.EqualFold(n.Name, arg) {
			found = append(found, n.ID)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return "", fmt.Errorf("no character %q in the graph", arg)
	}
	return "", fmt.Errorf("%q names several characters: %s (give an id)", arg, strings.Join(found, ", "))
}

func (o *explainOptions) run(path, a, b string) error {
	format, err := dataFormat(o.Format, o.Output)
	if err != nil {
		return err
	}
	g, err := o.loadGraph(path, o.s)
	if err != nil {
		return err
	}
	name := displayPath(path)
	ida, err := findNode(g, a)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	idb, err := findNode(g, b)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if ida == idb {
		return usagef("A and B are the same character %q", ida)
	}
	var edges []graph.Edge // A → B before B → A in a directed graph
	for _, pair := range [][2]string{{ida, idb}, {idb, ida}} {
		for _, e := range g.Edges {
			if e.Source == pair[0] && e.Target == pair[1] {
				edges = append(edges, e)
			}
		}
	}
	if len(edges) == 0 {
		return fmt.Errorf("%s: no edge between %s and %s (they never interact)", name, ida, idb)
	}
	return writeOutput(o.Output, []string{path, o.Roster}, o.s.Out, func(w io.Writer) error {
		switch format {
		case "json":
			return writeJSON(w, edges)
		case "csv":
			t := table{header: []string{"source", "target", "unit", "text", "highlighted"}}
			for _, e := range edges {
				for _, ev := range e.Evidence {
					t.add(e.Source, e.Target, strconv.Itoa(ev.Unit), ev.Text, highlight(ev, false))
				}
			}
			return t.writeCSV(w)
		}
		color := o.Output == "" && useColor(w)
		for i, e := range edges {
			if i > 0 {
				fmt.Fprintln(w)
			}
			writeExplanation(w, g, e, color)
		}
		if g.Directed && len(edges) == 1 {
			fmt.Fprintf(w, "\nno edge %s → %s (the graph is directed: each direction is an edge of its own)\n", edges[0].Target, edges[0].Source)
		}
		return nil
	})
}

// writeExplanation prints one edge and its evidence as text.
func writeExplanation(w io.Writer, g *graph.Graph, e graph.Edge, color bool) {
	arrow := "–"
	if g.Directed {
		arrow = "→"
	}
	label := func(id string) string {
		if n, ok := g.Node(id); ok && n.Name != "" && n.Name != id {
			return n.Name + " (" + id + ")"
		}
		return id
	}
	fmt.Fprintf(w, "%s %s %s: weight %s", label(e.Source), arrow, label(e.Target), num(e.Weight))
	if e.Relation != "" {
		fmt.Fprintf(w, ", relation %s", e.Relation)
	}
	unit := g.Episode.Unit
	if unit == "" {
		unit = "unit"
	}
	fmt.Fprintln(w)
	if len(e.Units) > 0 {
		fmt.Fprintf(w, "%s units: %s\n", unit, joinUnits(e.Units))
	}
	kept := map[int]bool{}
	for _, ev := range e.Evidence {
		kept[ev.Unit] = true
		fmt.Fprintf(w, "\n[%d] %s\n", ev.Unit, highlight(ev, color))
	}
	var missing []int
	for _, u := range e.Units {
		if !kept[u] && !slices.Contains(missing, u) {
			missing = append(missing, u)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(w, "\nno text kept for units %s (raise --max-evidence when extracting)\n", joinUnits(missing))
	}
	if len(e.Evidence) == 0 && len(e.Units) == 0 {
		fmt.Fprintln(w, "the graph keeps no units or evidence for this edge")
	}
}

func joinUnits(us []int) string {
	s := make([]string, len(us))
	for i, u := range us {
		s[i] = strconv.Itoa(u)
	}
	return strings.Join(s, ", ")
}

// highlight marks the mention spans (code points) of ev.Text: bold (a name)
// or underlined (resolved by coreference) with ANSI, else [name] and
// {resolved}. Spans out of range or overlapping are skipped.
func highlight(ev graph.Evidence, color bool) string {
	runes := []rune(ev.Text)
	var b strings.Builder
	pos := 0
	for _, m := range ev.Mentions {
		if m.Start < pos || m.End > len(runes) || m.Start >= m.End {
			continue
		}
		b.WriteString(string(runes[pos:m.Start]))
		open, close := "[", "]"
		switch {
		case color && m.Resolved != "":
			open, close = "\x1b[4m", ansiReset
		case color:
			open, close = ansiBold, ansiReset
		case m.Resolved != "":
			open, close = "{", "}"
		}
		b.WriteString(open + string(runes[m.Start:m.End]) + close)
		pos = m.End
	}
	b.WriteString(string(runes[pos:]))
	return b.String()
}
