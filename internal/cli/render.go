package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
	"github.com/relgraph/relgraph/graph/community"
	"github.com/relgraph/relgraph/graph/diff"
	"github.com/relgraph/relgraph/graph/render"
)

// mapOptions are the flags that style a map; render and diff --map share
// them.
type mapOptions struct {
	Title      string
	SizeBy     string
	ColorBy    string
	Layout     string
	Seed       int
	EdgeLabels string
	Top        int
	MinWeight  float64
	Labels     int
	MaxEdges   int
	Scale      float64
}

func (o *mapOptions) addFlags(c *cobra.Command, withColour bool) {
	f := c.Flags()
	f.StringVar(&o.Title, "title", "", "headline of the map (default: the episode title)")
	f.StringVar(&o.SizeBy, "size-by", "strength", "measure that sizes the circles: "+strings.Join(centrality.EveryMeasure, ", "))
	if withColour {
		f.StringVar(&o.ColorBy, "color-by", "community", "fill colours: community (Louvain, --seed), id (stable per character), none, or attribute:NAME")
	}
	f.StringVar(&o.Layout, "layout", "auto", "Graphviz layout: auto (neato; sfdp above 300 characters), "+strings.Join(render.Layouts, ", "))
	f.IntVar(&o.Seed, "seed", 1, "seed of the layout and of the community detection")
	f.StringVar(&o.EdgeLabels, "edge-labels", "relation", "edge labels: relation, weight or none")
	f.IntVar(&o.Top, "top", 0, "keep only the `N` most central characters (by --size-by; 0 = all)")
	f.Float64Var(&o.MinWeight, "min-weight", 0, "drop interactions lighter than `W`, and characters left with none (loners too)")
	f.IntVar(&o.Labels, "labels", 0, "name only the `N` most central characters (0 = all up to 40, else 40; -1 = all)")
	f.IntVar(&o.MaxEdges, "max-edges", 0, "draw at most about `N` interactions, the heaviest and each character's strongest (0 = all up to 40 characters, else 2.5 per character; -1 = all)")
	f.Float64Var(&o.Scale, "scale", render.DefaultPNGScale, "PNG pixels per point (2 = 144 dpi)")
}

// check validates the flags and returns the render options without the
// per-graph parts (Size, Communities).
func (o *mapOptions) check() (render.Options, error) {
	opt := render.Options{Title: o.Title, SizeBy: o.SizeBy, ColorBy: o.ColorBy, Seed: o.Seed,
		EdgeLabels: o.EdgeLabels, Top: o.Top, MinWeight: o.MinWeight, Labels: o.Labels, MaxEdges: o.MaxEdges}
	if !slices.Contains(centrality.EveryMeasure, o.SizeBy) {
		return opt, usagef("--size-by: %q is not one of %s", o.SizeBy, strings.Join(centrality.EveryMeasure, ", "))
	}
	if o.Layout != "auto" {
		if !slices.Contains(render.Layouts, o.Layout) {
			return opt, usagef("--layout: %q is not one of auto, %s", o.Layout, strings.Join(render.Layouts, ", "))
		}
		opt.Layout = o.Layout
	}
	if o.Top < 0 {
		return opt, usagef("--top: %d is negative", o.Top)
	}
	if !(o.MinWeight >= 0) || math.IsInf(o.MinWeight, 0) {
		return opt, usagef("--min-weight: %v is not a number ≥ 0", o.MinWeight)
	}
	if !(o.Scale > 0) || o.Scale > 20 {
		return opt, usagef("--scale: %v is not in (0, 20]", o.Scale)
	}
	if o.Seed < 0 {
		return opt, usagef("--seed: %d is negative", o.Seed)
	}
	if o.Labels < -1 {
		return opt, usagef("--labels: %d is not -1 (all), 0 (automatic) or a positive count", o.Labels)
	}
	if o.MaxEdges < -1 {
		return opt, usagef("--max-edges: %d is not -1 (all), 0 (automatic) or a positive count", o.MaxEdges)
	}
	if o.ColorBy == render.ColorCommunity {
		opt.Communities = map[string]int{} // filled per graph; set so Check passes
	}
	if err := opt.Check(); err != nil {
		switch {
		case o.EdgeLabels != "relation" && o.EdgeLabels != "weight" && o.EdgeLabels != "none":
			return opt, usagef("--edge-labels: %q is not one of relation, weight, none", o.EdgeLabels)
		default:
			return opt, usagef("--color-by: %q is not one of community, id, none, attribute:NAME", o.ColorBy)
		}
	}
	return opt, nil
}

// sizeAndCommunities fills opt's per-graph parts for g: the --size-by
// measure, the measures of node tooltips (the default measures of rank
// and the size measure, computed once on the whole graph) and, for
// --color-by community, Louvain communities seeded with --seed. It
// returns the ranking by the size measure with those measures, for
// tables.
func (o *mapOptions) sizeAndCommunities(g *graph.Graph, opt *render.Options) (*centrality.Ranking, error) {
	measures := slices.Clone(centrality.AllMeasures)
	if !slices.Contains(measures, o.SizeBy) {
		measures = append(measures, o.SizeBy)
	}
	rk, err := centrality.Rank(g, centrality.Options{By: o.SizeBy, Measures: measures, Normalized: true})
	if err != nil {
		return nil, err
	}
	opt.Size = make(map[string]float64, len(rk.Rows))
	for _, r := range rk.Rows {
		opt.Size[r.ID] = r.Values[o.SizeBy]
	}
	opt.Measures = rankTable(rk)
	if opt.ColorBy == render.ColorCommunity {
		res, err := community.Detect(g, community.Options{Seed: uint64(o.Seed)})
		if err != nil {
			return nil, fmt.Errorf("communities: %w", err)
		}
		opt.Communities = make(map[string]int, len(g.Nodes))
		for _, c := range res.Communities {
			for _, id := range c.Members {
				opt.Communities[id] = c.ID
			}
		}
	}
	return rk, nil
}

// table turns a ranking into the table of an HTML page.
func rankTable(rk *centrality.Ranking) render.Table {
	t := render.Table{By: rk.By, Measures: rk.Measures}
	for _, r := range rk.Rows {
		row := render.TableRow{Rank: r.Rank, ID: r.ID}
		for _, m := range rk.Measures {
			row.Values = append(row.Values, r.Values[m])
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

type renderOptions struct {
	inputOptions
	mapOptions
	s      Streams
	Output string
	Format string
}

func newRenderCmd(s Streams) *cobra.Command {
	o := &renderOptions{s: s}
	c := &cobra.Command{
		Use:   "render GRAPH",
		Short: "Draw a relationship map (SVG, PNG, interactive HTML or DOT)",
		Long: `Render draws the graph with Graphviz (compiled into relgraph; no system
Graphviz needed). Circle size grows with --size-by (square-root scale),
line width with the number of interactions (square root, 1 to 8 points);
colours show communities (Louvain, seeded) from Paul Tol's colour-blind-safe
palette, chosen so a community keeps its colour across episodes; edges are
labelled with the roster's relation. A legend tells what size, width and
colour show. Every node and edge has a stable SVG id and a tooltip: a
character's gives its rank, the measures of relgraph rank, its community
and (when the graph counts them) its mentions; an edge's its weight and
first three evidence sentences.

The layout is neato with a fixed seed (sfdp above 300 characters), so the
same input always gives the same bytes. Maps of more than 40 characters
are drawn for reading at a glance, as pprof draws big profiles: names only
for the 40 most central (--labels), set beside the circles and larger for
the more central, with a font that grows with the map; in dense maps only
the heaviest interactions are drawn, 2.5 per character, plus each
character's strongest (--max-edges; the others still shape the layout);
circles pushed apart keeping their order (overlap=ortho). --top keeps only
the most central characters, --min-weight only ties of at least that
weight (characters without one go, loners included). Above 300 characters
relgraph suggests --top. --layout circo is slow on big maps (minutes at
190 characters): relgraph warns above 100.

The format comes from --format or the extension of -o: svg, png (drawn by
relgraph from the SVG, --scale pixels per point), html (one self-contained
interactive page: pan, zoom, search, measures, evidence, ranking table) or
dot.`,
		Example: `  relgraph render out/e01.json -o out/e01.svg
  relgraph render out/e01.json -o out/e01.png --scale 3
  relgraph render out/e01.json -o out/e01.html
  relgraph render data/episodes/e01.txt --size-by betweenness --color-by id -o out/e01.svg
  relgraph render big.json --top 60 --min-weight 3 --labels 30 -o big.svg
  relgraph render big.json --labels -1 --max-edges -1 -o everything.svg
  relgraph render out/e01.json --format dot | less`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return o.run(cmd.Context(), args[0]) },
	}
	o.inputOptions.addFlags(c.Flags())
	o.mapOptions.addFlags(c, true)
	f := c.Flags()
	f.StringVarP(&o.Output, "output", "o", "", "write to `FILE` (default or \"-\": standard output)")
	f.StringVar(&o.Format, "format", "", "svg, png, html or dot (default from -o's extension, else svg)")
	return c
}

// mapFormat returns the format named by flag, else by the extension of
// out, else SVG.
func mapFormat(flag, out string) (render.Format, error) {
	var format render.Format
	var err error
	switch {
	case flag != "":
		format, err = render.ParseFormat(flag)
	case out != "" && out != "-":
		format, err = render.FormatFromPath(out)
	default:
		format = render.FormatSVG
	}
	if err != nil {
		return "", usageError{err}
	}
	return format, nil
}

func (o *renderOptions) run(ctx context.Context, path string) error {
	format, err := mapFormat(o.Format, o.Output)
	if err != nil {
		return err
	}
	opt, err := o.check()
	if err != nil {
		return err
	}
	g, err := o.loadGraph(path, o.s)
	if err != nil {
		return err
	}
	rk, err := o.sizeAndCommunities(g, &opt)
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if n := drawnCharacters(g, opt); n > crowdedMap && opt.Top == 0 {
		warn(o.s.ErrOut, fmt.Sprintf("%d characters on one map: names are shown for the %d most central only; --top %d draws a clearer map", n, render.AutoLabels, suggestTop))
	}
	warnMap(o.s.ErrOut, g, opt)
	return writeMap(ctx, o.Output, []string{path}, o.s.Out, format, o.Scale, func(ctx context.Context, w io.Writer) error {
		return render.HTML(ctx, g, opt, rankTable(rk), w)
	}, func() []byte { return render.DOT(g, opt) })
}

// crowdedMap is the number of drawn characters above which render
// suggests --top: where the layout turns to sfdp and 40 names are lost
// among hundreds of dots. suggestTop is the --top it suggests.
const (
	crowdedMap = 300
	suggestTop = 150
)

// slowCirco is the number of drawn characters above which render warns
// that --layout circo is slow: circo's cost grows steeply with size
// (embedded Graphviz on the 2-core development machine: see
// docs/performance.md, "Maps").
const slowCirco = 100

// warnMap warns on w about flags that draw a poor or slow map of g: a
// --color-by attribute that no character has (every circle would be grey)
// and --layout circo on a big map.
func warnMap(w io.Writer, g *graph.Graph, opt render.Options) {
	if attr, ok := strings.CutPrefix(opt.ColorBy, render.ColorAttributePrefix); ok {
		has := false
		for _, n := range g.Nodes {
			if v, ok := n.Attributes[attr]; ok && v != nil {
				has = true
				break
			}
		}
		if !has {
			warn(w, fmt.Sprintf("--color-by %s: no character has the attribute %q, so every circle is grey", opt.ColorBy, attr))
		}
	}
	n := drawnCharacters(g, opt)
	if opt.Top > 0 {
		n = min(n, opt.Top)
	}
	if opt.Layout == "circo" && n > slowCirco {
		warn(w, fmt.Sprintf("--layout circo on %d characters may take minutes (asoiaf book 1, 187 characters: about 140 s); neato (the default) or sfdp take about a second", n))
	}
}

// drawnCharacters returns how many characters of g a map with opt draws
// after --min-weight (--top is not set when it is asked).
func drawnCharacters(g *graph.Graph, opt render.Options) int {
	if opt.MinWeight <= 0 {
		return len(g.Nodes)
	}
	has := map[string]bool{}
	for _, e := range g.Edges {
		if e.Weight >= opt.MinWeight {
			has[e.Source], has[e.Target] = true, true
		}
	}
	return len(has)
}

// writeMap writes a map in format: the DOT itself, SVG or PNG drawn from
// it, or the page that html writes. dot is called only for the formats
// that need it (the page builds its own), and Graphviz lays the map out
// once whatever the format.
func writeMap(ctx context.Context, out string, inputs []string, stdout io.Writer, format render.Format, scale float64,
	html func(context.Context, io.Writer) error, dot func() []byte) error {
	return writeOutput(out, inputs, stdout, func(w io.Writer) error {
		switch format {
		case render.FormatHTML:
			return html(ctx, w)
		case render.FormatPNG:
			svg, err := render.SVG(ctx, dot())
			if err != nil {
				return err
			}
			return render.PNG(svg, scale, w)
		}
		return render.Render(ctx, dot(), format, w)
	})
}

// defaultMapOptions are the map flags' defaults, for commands that draw
// maps without taking the flags (report).
func defaultMapOptions() mapOptions {
	return mapOptions{SizeBy: "strength", ColorBy: render.ColorCommunity, Layout: "auto", Seed: 1,
		EdgeLabels: render.EdgeLabelsRelation, Scale: render.DefaultPNGScale}
}

// dot returns the DOT of g's map with these options.
func (o *mapOptions) dot(g *graph.Graph) ([]byte, error) {
	opt, err := o.check()
	if err != nil {
		return nil, err
	}
	if _, err := o.sizeAndCommunities(g, &opt); err != nil {
		return nil, err
	}
	return render.DOT(g, opt), nil
}

// checkMap validates diff's --map before any work is done.
func (o *diffOptions) checkMap() error {
	if o.Map == "" {
		return nil
	}
	if o.Map == "-" {
		return usagef("--map: give a file name (.svg, .png, .html or .dot)")
	}
	if _, err := render.FormatFromPath(o.Map); err != nil {
		return usagef("--map: %v", err)
	}
	if o.Match == "name" {
		return usagef("--map: the diff map matches characters by id; it cannot be drawn with --match name")
	}
	if o.Map == o.Output {
		return usagef("--map: %s is also the -o file", o.Map)
	}
	return nil
}

// writeMap draws diff's --map, if asked for: DiffDOT of a and b as d
// classifies them, in the format of the file's extension.
func (o *diffOptions) writeMap(a, b *graph.Graph, d *diff.Result, pathA, pathB string) error {
	if o.Map == "" {
		return nil
	}
	format, err := render.FormatFromPath(o.Map)
	if err != nil {
		return usagef("--map: %v", err)
	}
	ctx := context.Background()
	var opt render.DiffOptions
	if untitled(a) || untitled(b) {
		opt.Title = mapSide(a, pathA) + " → " + mapSide(b, pathB)
	}
	return writeMap(ctx, o.Map, []string{pathA, pathB}, nil, format, render.DefaultPNGScale, func(ctx context.Context, w io.Writer) error {
		return render.DiffHTML(ctx, a, b, d, opt, w)
	}, func() []byte { return render.DiffDOT(a, b, d, opt) })
}

// untitled reports whether g has neither an episode title nor an id, so a
// diff map would call it "graph".
func untitled(g *graph.Graph) bool { return g.Episode.Title == "" && g.Episode.ID == "" }

// mapSide names one side of a diff map's headline: the episode title,
// else its id, else the file name without its extension ("standard
// input" for "-").
func mapSide(g *graph.Graph, path string) string {
	if !untitled(g) {
		return cmp.Or(g.Episode.Title, g.Episode.ID)
	}
	if path == "" || path == "-" {
		return "standard input"
	}
	base := filepath.Base(path)
	if stem := strings.TrimSuffix(base, filepath.Ext(base)); stem != "" {
		return stem
	}
	return base
}
