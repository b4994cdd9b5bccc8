package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
	"github.com/relgraph/relgraph/graph/diff"
	"github.com/relgraph/relgraph/graph/formats"
	"github.com/relgraph/relgraph/graph/series"
	"github.com/relgraph/relgraph/internal/progress"
)

// SeriesFormat is the value of the "format" field of a series document.
const SeriesFormat = "relgraph/series@1"

type seriesOptions struct {
	inputOptions
	s Streams
	// Mode is episodes, cumulative, window:K or smoothed.
	Mode string
	// Measures is the comma-separated list of measures (all when empty).
	Measures string
	// Distance is the path measures' edge length: inverse or unit.
	Distance string
	Format   string
	Output   string
	// GEXF is a file for the dynamic GEXF of the frames.
	GEXF string
	// PlotDir is a directory for the plots; PlotFormat svg or png;
	// PlotMeasure the measure drawn; Top the characters drawn.
	PlotDir     string
	PlotFormat  string
	PlotMeasure string
	Top         int
	// DiffDir is a directory for the diff of every consecutive pair.
	DiffDir string
}

func newSeriesCmd(s Streams) *cobra.Command {
	o := &seriesOptions{s: s}
	c := &cobra.Command{
		Use:   "series [GRAPH…]",
		Short: "Follow the characters through a series of episodes",
		Long: `Series measures every character in every episode of a series: the graphs
given in order (any readable format: relgraph JSON, node-link JSON such as
the Star Wars files, episode texts, …), or without arguments the episodes
of the roster. Output is a long table, one row per episode, character and
measure: episode, id, name, measure, value, rank (1 = highest in that
episode; ties broken by id). JSON wraps the rows in a relgraph/series@1
document with the episodes' sizes.

--mode picks the graph of each episode:
  episodes     each episode's own graph (default)
  cumulative   the story so far: the sum of episodes 1..t
  window:K     the sum of the last K episodes
  smoothed     narrative smoothing after Bost et al. 2016: a tie persists
               between two episodes in which it is active, fading as its two
               characters interact with others (exact rule: go doc
               ./graph/series)

--gexf FILE writes a dynamic GEXF (one spell per episode) for Gephi's
timeline; --plot-dir DIR draws three plots (--plot-format svg or png):
DIR/lines.EXT (--plot-measure of the --top characters over the episodes),
DIR/heatmap.EXT (their rank in every episode) and DIR/counts.EXT
(characters and ties per episode). --diff-dir DIR writes the diff of every
consecutive pair of frames as DIR/<a>--<b>.diff.json.`,
		Example: `  relgraph series                                   # the roster's episodes
  relgraph series ep1.json ep2.json ep3.json --format csv -o series.csv
  relgraph series sw/starwars-episode-*-interactions.json --mode cumulative --plot-dir plots
  relgraph series out/*.json --mode smoothed --gexf series.gexf`,
		RunE: func(_ *cobra.Command, args []string) error { return o.run(args) },
	}
	f := c.Flags()
	o.inputOptions.addFlags(f)
	f.StringVar(&o.Mode, "mode", "episodes", "graph of each episode: episodes, cumulative, window:K or smoothed")
	f.StringVar(&o.Measures, "measures", "", "comma-separated measures (default all: "+strings.Join(centrality.AllMeasures, ",")+")")
	f.StringVar(&o.Distance, "distance", "inverse", "edge length for path measures: inverse (1/weight) or unit (1)")
	f.StringVar(&o.Format, "format", "", "output format: table, json or csv (default from -o's extension, else table)")
	f.StringVarP(&o.Output, "output", "o", "", "write the long table to `FILE` (default or \"-\": standard output)")
	f.StringVar(&o.GEXF, "gexf", "", "write a dynamic GEXF of the frames to `FILE`")
	f.StringVar(&o.PlotDir, "plot-dir", "", "draw lines, heatmap and counts plots into `DIR`")
	f.StringVar(&o.PlotFormat, "plot-format", "svg", "plot format: svg or png")
	f.StringVar(&o.PlotMeasure, "plot-measure", "strength", "measure drawn in the plots")
	f.IntVar(&o.Top, "top", 8, "characters drawn in the line plot (the heat map shows twice as many)")
	f.StringVar(&o.DiffDir, "diff-dir", "", "write the diff of every consecutive pair of frames into `DIR`")
	return c
}

func (o *seriesOptions) run(args []string) error {
	format, err := dataFormat(o.Format, o.Output)
	if err != nil {
		return err
	}
	mode, err := series.ParseMode(o.Mode)
	if err != nil {
		return usagef("--mode: %v", strings.TrimPrefix(err.Error(), "series: "))
	}
	var measures []string
	if o.Measures != "" {
		measures = strings.Split(o.Measures, ",")
	}
	if _, err := diff.MeasureNames(diff.Options{Measures: measures}); err != nil {
		return usagef("--measures: %v", strings.TrimPrefix(err.Error(), "diff: "))
	}
	dist, err := centrality.ParseDistance(o.Distance)
	if err != nil {
		return usagef("--distance: %v", err)
	}
	if !slices.Contains(series.PlotFormats, o.PlotFormat) {
		return usagef("--plot-format: %q is not one of svg, png", o.PlotFormat)
	}
	if o.PlotDir != "" && !slices.Contains(cmpOr(measures, centrality.AllMeasures), o.PlotMeasure) {
		return usagef("--plot-measure: %q is not among the measures computed (%s)", o.PlotMeasure, strings.Join(cmpOr(measures, centrality.AllMeasures), ", "))
	}
	if o.Top < 1 {
		return usagef("--top: %d is not a positive number", o.Top)
	}
	if slices.Contains(args, "-") && len(args) > 1 {
		return usagef("standard input (-) can only be the one GRAPH")
	}
	eps, inputs, err := o.loadSeries(args)
	if err != nil {
		return err
	}
	v := seriesView{Mode: mode, Measures: measures, Distance: dist, Plot: o.PlotMeasure, Plots: o.PlotDir != "",
		GEXF: o.GEXF != "", DiffDir: o.DiffDir, Inputs: inputs}
	write := func(w io.Writer) error {
		return v.run(eps, o.s.ErrOut, func(h seriesHeader) (seriesSink, error) { return newSeriesSink(w, format, h) })
	}
	if err := writeOutput(o.Output, inputs, o.s.Out, write); err != nil {
		return err
	}
	return v.writeExtras(o.GEXF, o.PlotDir, o.PlotFormat, o.Top)
}

func cmpOr(a, b []string) []string {
	if len(a) > 0 {
		return a
	}
	return b
}

// loadSeries reads the GRAPH arguments, or the roster's episodes when
// there are none. A graph without an episode id is named after its file.
func (o *seriesOptions) loadSeries(args []string) ([]*graph.Graph, []string, error) {
	paths := args
	var inputs []string
	if len(args) == 0 {
		r, err := o.loadRoster(o.s.ErrOut)
		if err != nil {
			return nil, nil, err
		}
		if len(r.Episodes) == 0 {
			return nil, nil, fmt.Errorf("%s: field episodes: no episodes listed, and no GRAPH given", o.Roster)
		}
		inputs = append(inputs, o.Roster)
		paths = nil
		for _, e := range r.Episodes {
			paths = append(paths, r.EpisodePath(e))
		}
	}
	bar := progress.New(o.s.ErrOut, len(paths), "reading")
	defer bar.Finish()
	eps := make([]*graph.Graph, 0, len(paths))
	seen := map[string]string{}
	for _, p := range paths {
		g, err := o.loadGraph(p, o.s)
		if err != nil {
			return nil, nil, err
		}
		if g.Episode.ID == "" && p != "-" {
			g.Episode.ID = strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		}
		if other, dup := seen[g.Name()]; dup {
			return nil, nil, fmt.Errorf("%s: episode %q is also the episode of %s (each episode needs its own id)", p, g.Name(), other)
		}
		seen[g.Name()] = p
		eps = append(eps, g)
		inputs = append(inputs, p)
		bar.Add(1)
	}
	return eps, inputs, nil
}

// seriesView runs a series and keeps what the GEXF and plots need.
type seriesView struct {
	Mode     series.Mode
	Measures []string
	Distance centrality.Distance
	Plot     string
	Plots    bool
	GEXF     bool
	DiffDir  string
	Inputs   []string

	timeline *series.Timeline
	frames   []*graph.Graph
}

// seriesHeader is what a sink needs before the rows.
type seriesHeader struct {
	Mode     string
	Measures []string
	Episodes int
}

// seriesSink receives the frames in order and writes the long table.
type seriesSink interface {
	frame(f *series.Frame) error
	close() error
}

func (v *seriesView) run(eps []*graph.Graph, errOut io.Writer, sink func(seriesHeader) (seriesSink, error)) error {
	measures, _ := diff.MeasureNames(diff.Options{Measures: v.Measures})
	out, err := sink(seriesHeader{Mode: v.Mode.String(), Measures: measures, Episodes: len(eps)})
	if err != nil {
		return err
	}
	if v.Plots {
		v.timeline = series.NewTimeline(v.Plot, len(eps))
	}
	if v.DiffDir != "" {
		if err := os.MkdirAll(v.DiffDir, 0o755); err != nil {
			return fmt.Errorf("--diff-dir: %w", err)
		}
	}
	bar := progress.New(errOut, len(eps), "measuring "+v.Mode.String())
	defer bar.Finish()
	opt := series.Options{Mode: v.Mode, Measures: v.Measures, Distance: v.Distance, Diffs: v.DiffDir != "", Graphs: v.GEXF,
		Progress: func(int, int) { bar.Add(1) }}
	err = series.Run(eps, opt, func(f *series.Frame) error {
		if v.timeline != nil {
			if err := v.timeline.Add(f); err != nil {
				return err
			}
		}
		if v.GEXF {
			g := *f.Graph
			g.Nodes, g.Edges = slices.Clone(g.Nodes), slices.Clone(g.Edges)
			g.Canonicalize()
			v.frames = append(v.frames, &g)
		}
		if f.Diff != nil {
			path := filepath.Join(v.DiffDir, f.Diff.A.ID+"--"+f.Diff.B.ID+".diff.json")
			if err := writeOutput(path, v.Inputs, nil, func(w io.Writer) error { return writeJSON(w, f.Diff) }); err != nil {
				return err
			}
		}
		return out.frame(f)
	})
	if err != nil {
		return err
	}
	return out.close()
}

// writeExtras writes the GEXF and the plots after the table.
func (v *seriesView) writeExtras(gexf, plotDir, plotFormat string, top int) error {
	if gexf != "" {
		if err := writeOutput(gexf, v.Inputs, nil, func(w io.Writer) error { return formats.WriteGEXFDynamic(w, v.frames) }); err != nil {
			return err
		}
	}
	if plotDir == "" {
		return nil
	}
	if err := os.MkdirAll(plotDir, 0o755); err != nil {
		return fmt.Errorf("--plot-dir: %w", err)
	}
	tl := v.timeline
	what := fmt.Sprintf(" (%s)", v.Mode)
	for _, p := range []struct {
		name string
		draw func(io.Writer) error
	}{
		{"lines", func(w io.Writer) error {
			return series.PlotLines(w, tl, top, fmt.Sprintf("%s of the top %d characters%s", tl.Measure, top, what), plotFormat)
		}},
		{"heatmap", func(w io.Writer) error {
			return series.PlotHeatmap(w, tl, 2*top, fmt.Sprintf("rank by %s%s", tl.Measure, what), plotFormat)
		}},
		{"counts", func(w io.Writer) error {
			return series.PlotCounts(w, tl, "characters and ties per episode"+what, plotFormat)
		}},
	} {
		path := filepath.Join(plotDir, p.name+"."+plotFormat)
		if err := writeOutput(path, v.Inputs, nil, p.draw); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	return nil
}

// newSeriesSink writes the long table as CSV, JSON or an aligned table.
func newSeriesSink(w io.Writer, format string, h seriesHeader) (seriesSink, error) {
	switch format {
	case "csv":
		t := &table{header: []string{"episode", "id", "name", "measure", "value", "rank"}}
		if err := t.writeCSV(w); err != nil {
			return nil, err
		}
		return &csvSink{w: w}, nil
	case "json":
		ms, _ := json.Marshal(h.Measures)
		fmt.Fprintf(w, "{\n  \"format\": %q,\n  \"mode\": %q,\n  \"measures\": %s,\n  \"rows\": [", SeriesFormat, h.Mode, ms)
		return &jsonSink{w: w}, nil
	}
	return &tableSink{w: w}, nil
}

type csvSink struct{ w io.Writer }

func (s *csvSink) frame(f *series.Frame) error {
	t := &table{}
	for _, r := range f.Rows() {
		t.add(r.Episode, r.ID, r.Name, r.Measure, exact(r.Value), strconv.Itoa(r.Rank))
	}
	var b bytes.Buffer
	if err := t.writeCSV(&b); err != nil {
		return err
	}
	// writeCSV writes the (empty) header line first: drop it.
	_, rest, _ := bytes.Cut(b.Bytes(), []byte("\n"))
	_, err := s.w.Write(rest)
	return err
}

func (s *csvSink) close() error { return nil }

// jsonSink streams the relgraph/series@1 document: rows, then the
// episodes' sizes.
type jsonSink struct {
	w        io.Writer
	n        int
	episodes []seriesEpisode
}

type seriesEpisode struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	Nodes int    `json:"nodes"`
	Edges int    `json:"edges"`
}

func (s *jsonSink) frame(f *series.Frame) error {
	var b bytes.Buffer
	for _, r := range f.Rows() {
		if s.n > 0 {
			b.WriteByte(',')
		}
		s.n++
		row, err := json.Marshal(r)
		if err != nil {
			return err
		}
		b.WriteString("\n    ")
		b.Write(row)
	}
	s.episodes = append(s.episodes, seriesEpisode{ID: f.Graph.Name(), Title: f.Graph.Episode.Title, Nodes: len(f.Graph.Nodes), Edges: f.Ties})
	_, err := s.w.Write(b.Bytes())
	return err
}

func (s *jsonSink) close() error {
	eps, err := json.MarshalIndent(s.episodes, "  ", "  ")
	if err != nil {
		return err
	}
	if s.n > 0 {
		fmt.Fprint(s.w, "\n  ")
	}
	_, err = fmt.Fprintf(s.w, "],\n  \"episodes\": %s\n}\n", eps)
	return err
}

// tableSink prints each episode's rows as an aligned table under a
// heading.
type tableSink struct {
	w io.Writer
	n int
}

func (s *tableSink) frame(f *series.Frame) error {
	if s.n > 0 {
		fmt.Fprintln(s.w)
	}
	s.n++
	fmt.Fprintf(s.w, "== %s: %d characters, %d ties ==\n", f.Graph.Name(), len(f.Graph.Nodes), f.Ties)
	t := &table{header: []string{"measure", "rank", "id", "name", "value"}}
	for _, r := range f.Rows() {
		t.add(r.Measure, strconv.Itoa(r.Rank), r.ID, r.Name, num(r.Value))
	}
	return t.writeText(s.w)
}

func (s *tableSink) close() error { return nil }

// writeSeriesView prints the series view of report: the size of every
// episode and the rank by strength of every character in each (– when
// absent), best overall first.
func writeSeriesView(w io.Writer, tl *series.Timeline) error {
	header := append([]string{"id", "name"}, tl.Episodes...)
	t := &table{header: header}
	row := func(label string, v []int) {
		cells := []string{label, ""}
		for _, x := range v {
			cells = append(cells, strconv.Itoa(x))
		}
		t.add(cells...)
	}
	row("characters", tl.Nodes)
	row("ties", tl.Edges)
	for _, id := range tl.Top(len(tl.IDs)) {
		cells := []string{id, tl.Names[id]}
		for _, r := range tl.Ranks[id][:len(tl.Episodes)] {
			if r == 0 {
				cells = append(cells, "–")
			} else {
				cells = append(cells, strconv.Itoa(r))
			}
		}
		t.add(cells...)
	}
	return t.writeText(w)
}
