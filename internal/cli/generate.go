package cli

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/formats"
	"github.com/relgraph/relgraph/graph/generate"
	"github.com/relgraph/relgraph/internal/atomicfile"
)

type generateOptions struct {
	s      Streams
	Model  string
	Nodes  int
	M      int
	Edges  int
	Seed   uint64
	Format string
	Output string
	// Episode series mode.
	Episodes int
	Cast     string
	Pool     int
}

func newGenerateCmd(s Streams) *cobra.Command {
	o := &generateOptions{s: s}
	c := &cobra.Command{
		Use:   "generate",
		Short: "Write seeded synthetic graphs for benchmarks and tests",
		Long: `Generate writes seeded synthetic graphs: the same flags give the same bytes.

One graph (--model):
  ba  Barabási–Albert preferential attachment: a star of --m + 1 nodes, then
      every new node joins --m distinct earlier nodes chosen in proportion
      to their degree (as NetworkX's barabasi_albert_graph); --nodes × --m
      edges minus --m × (--m + 1)
  er  Erdős–Rényi G(n, m): --edges distinct pairs of --nodes nodes chosen
      uniformly
Sizes are limited so that a graph fits in memory (about 380 bytes per
edge): --nodes ≤ 10,000,000 and at most 10,000,000 edges (--edges for er,
--m × (--nodes − --m) for ba); --episodes ≤ 1,000,000, --cast MAX ≤
100,000, --pool ≤ 10,000,000. Larger values are usage errors (exit 2).
Nodes are n0, n1, … (zero-padded so that ids sort like numbers); every edge
gets an integer weight from 1 to 10, uniformly. The output is CSV with the
header source,target,weight (every tool reads it; a node without edges is
not in it), or a relgraph graph with --format json or -o FILE.json.

An episode series (--episodes N): N graphs, one file per episode,
DIR/e0001.json, DIR/e0002.json, … (relgraph/graph@1; lexical order is
episode order, so "relgraph series DIR/*.json" reads them in order). A
pool of --pool characters c0001, c0002, … has Zipf-like popularity
(character i weighs 1/i^0.8), so leads recur and minor characters come and
go. Each episode draws its cast size uniformly from --cast MIN:MAX and the
cast by popularity without replacement; then 3 scenes per cast member,
each with that member and 1 to 4 more drawn by popularity, each pair of a
scene interacting once. Edges list their scenes as units (episode.unit "scene"),
so rank --bootstrap and diff --normalize work on them. Episode i draws from
PCG(seed, i): an episode does not change when --episodes grows.`,
		Example: `  relgraph generate --model ba --nodes 2000 --m 5 --seed 1 -o ba-2000.csv
  relgraph generate --model er --nodes 10000 --edges 100000 --seed 1 -o er.csv
  relgraph generate --model ba --nodes 100 --m 2 --format json
  relgraph generate --episodes 1000 --cast 50:200 --pool 2000 --seed 1 -o series/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return o.run(cmd.Flags().Changed) },
	}
	f := c.Flags()
	f.StringVar(&o.Model, "model", "", "random graph model: ba (Barabási–Albert) or er (Erdős–Rényi)")
	f.IntVar(&o.Nodes, "nodes", 0, "number of nodes `N`")
	f.IntVar(&o.M, "m", 0, "ba: edges from each new node `M`")
	f.IntVar(&o.Edges, "edges", 0, "er: number of edges `E`")
	f.Uint64Var(&o.Seed, "seed", 1, "random seed")
	f.StringVar(&o.Format, "format", "", "one graph: csv or json (default from -o's extension, else csv)")
	f.StringVarP(&o.Output, "output", "o", "", "write to `FILE` (one graph; default standard output) or DIR (--episodes)")
	f.IntVar(&o.Episodes, "episodes", 0, "write a series of `N` episode graphs into the -o directory")
	f.StringVar(&o.Cast, "cast", "50:200", "--episodes: characters per episode, `MIN:MAX`")
	f.IntVar(&o.Pool, "pool", 2000, "--episodes: characters in the whole series")
	return c
}

func (o *generateOptions) run(changed func(string) bool) error {
	if o.Episodes != 0 || changed("episodes") {
		for _, fl := range []string{"model", "nodes", "m", "edges", "format"} {
			if changed(fl) {
				return usagef("--%s does not apply to --episodes", fl)
			}
		}
		return o.runEpisodes()
	}
	for _, fl := range []string{"cast", "pool"} {
		if changed(fl) {
			return usagef("--%s applies only with --episodes", fl)
		}
	}
	format := o.Format
	if format == "" {
		format = "csv"
		if strings.EqualFold(filepath.Ext(o.Output), ".json") {
			format = "json"
		}
	}
	if format != "csv" && format != "json" {
		return usagef("--format: %q is not one of csv, json", o.Format)
	}
	var g *graph.Graph
	rng := rand.New(rand.NewPCG(o.Seed, 0))
	switch o.Model {
	case "ba":
		if changed("edges") {
			return usagef("--edges applies to --model er; ba takes --m")
		}
		if err := generate.CheckBarabasiAlbert(o.Nodes, o.M); err != nil {
			return usageError{err}
		}
		g = generate.BarabasiAlbert(o.Nodes, o.M, rng)
	case "er":
		if changed("m") {
			return usagef("--m applies to --model ba; er takes --edges")
		}
		if err := generate.CheckErdosRenyi(o.Nodes, o.Edges); err != nil {
			return usageError{err}
		}
		g = generate.ErdosRenyi(o.Nodes, o.Edges, rng)
	case "":
		return usagef("give --model ba|er for one graph, or --episodes N for a series")
	default:
		return usagef("--model: %q is not one of ba, er", o.Model)
	}
	g.Episode = graph.Episode{ID: fmt.Sprintf("%s-%d-seed%d", o.Model, o.Nodes, o.Seed), Source: "relgraph generate"}
	return writeOutput(o.Output, nil, o.s.Out, func(w io.Writer) error {
		if format == "json" {
			return formats.WriteJSON(w, g)
		}
		return writeEdgeCSV(w, g)
	})
}

// writeEdgeCSV writes g's edges as source,target,weight.
func writeEdgeCSV(w io.Writer, g *graph.Graph) error {
	t := &table{header: []string{"source", "target", "weight"}}
	for _, e := range g.Edges {
		t.add(e.Source, e.Target, exact(e.Weight))
	}
	return t.writeCSV(w)
}

// Limits of --episodes: a cast of maxCast makes 3 × maxCast scenes of up
// to 10 pairs each (300,000 scene pairs, about 100 MB), and each episode
// is written on its own, so only the number of files bounds --episodes.
const (
	maxEpisodes = 1_000_000
	maxCast     = 100_000
)

// runEpisodes writes the episode series.
func (o *generateOptions) runEpisodes() error {
	if o.Episodes < 1 || o.Episodes > maxEpisodes {
		return usagef("--episodes: %d, want 1 to %d", o.Episodes, maxEpisodes)
	}
	if o.Output == "" || o.Output == "-" {
		return usagef("--episodes writes one file per episode: give -o DIR")
	}
	lo, hi, ok := strings.Cut(o.Cast, ":")
	cmin, err1 := strconv.Atoi(strings.TrimSpace(lo))
	cmax, err2 := strconv.Atoi(strings.TrimSpace(hi))
	if !ok || err1 != nil || err2 != nil || cmin < 2 || cmax < cmin || cmax > maxCast {
		return usagef("--cast: %q, want MIN:MAX with 2 ≤ MIN ≤ MAX ≤ %d (e.g. 50:200)", o.Cast, maxCast)
	}
	if o.Pool < cmax {
		return usagef("--pool %d is smaller than the largest cast %d", o.Pool, cmax)
	}
	if o.Pool > generate.MaxNodes {
		return usagef("--pool %d: at most %d characters", o.Pool, generate.MaxNodes)
	}
	if st, err := os.Stat(o.Output); err == nil && !st.IsDir() {
		return fmt.Errorf("%s: exists and is not a directory", o.Output)
	}
	if err := os.MkdirAll(o.Output, 0o755); err != nil {
		return err
	}
	ids := generate.NodeIDs("c", o.Pool, 1)
	pop := make([]float64, o.Pool)
	for i := range pop {
		pop[i] = 1 / math.Pow(float64(i+1), 0.8)
	}
	width := max(4, len(strconv.Itoa(o.Episodes)))
	for ep := 1; ep <= o.Episodes; ep++ {
		rng := rand.New(rand.NewPCG(o.Seed, uint64(ep)))
		g := episodeGraph(rng, ids, pop, cmin, cmax)
		id := fmt.Sprintf("e%0*d", width, ep)
		g.Episode = graph.Episode{ID: id, Title: fmt.Sprintf("Episode %d", ep), Source: "relgraph generate", Unit: "scene", Units: g.Episode.Units}
		path := filepath.Join(o.Output, id+".json")
		if err := atomicfile.Write(path, nil, func(w io.Writer) error { return formats.WriteJSON(w, g) }); err != nil {
			return err
		}
	}
	fmt.Fprintf(o.s.ErrOut, "relgraph: wrote %d episodes to %s\n", o.Episodes, o.Output)
	return nil
}

// episodeGraph draws one episode: the cast by popularity without
// replacement (Efraimidis–Spirakis keys log(u)/w, the largest k win), then
// 3 scenes per cast member, each with that member and 1 to 4 more drawn by
// popularity.
func episodeGraph(rng *rand.Rand, ids []string, pop []float64, cmin, cmax int) *graph.Graph {
	k := cmin + rng.IntN(cmax-cmin+1)
	type keyed struct {
		key float64
		i   int
	}
	keys := make([]keyed, len(pop))
	for i, w := range pop {
		keys[i] = keyed{math.Log(1-rng.Float64()) / w, i}
	}
	slices.SortFunc(keys, func(a, b keyed) int { return cmp.Or(cmp.Compare(b.key, a.key), cmp.Compare(a.i, b.i)) })
	cast := make([]int, k)
	for i := range cast {
		cast[i] = keys[i].i
	}
	slices.Sort(cast)
	cum := make([]float64, k)
	var s float64
	for i, c := range cast {
		s += pop[c]
		cum[i] = s
	}
	g := &graph.Graph{}
	for _, c := range cast {
		g.Nodes = append(g.Nodes, graph.Node{ID: ids[c], Name: "Character " + strings.TrimLeft(ids[c][1:], "0")})
	}
	type pair struct{ a, b int }
	edges := map[pair]*graph.Edge{}
	scenes := 3 * k
	members := make([]int, 0, 5)
	for scene := 1; scene <= scenes; scene++ {
		size := min(2+rng.IntN(4), k) // a cast of 2–4 fills smaller scenes
		// Every cast member anchors three scenes; the others come by
		// popularity.
		members = append(members[:0], (scene-1)%k)
		for len(members) < size {
			j, _ := slices.BinarySearch(cum, rng.Float64()*s)
			j = min(j, k-1)
			if !slices.Contains(members, j) {
				members = append(members, j)
			}
		}
		for x := range members {
			for y := x + 1; y < len(members); y++ {
				a, b := min(members[x], members[y]), max(members[x], members[y])
				e := edges[pair{a, b}]
				if e == nil {
					e = &graph.Edge{Source: ids[cast[a]], Target: ids[cast[b]]}
					edges[pair{a, b}] = e
				}
				e.Weight++
				e.Units = append(e.Units, scene)
			}
		}
	}
	for _, e := range edges {
		g.Edges = append(g.Edges, *e)
	}
	g.Episode.Units = scenes
	g.Canonicalize()
	return g
}
