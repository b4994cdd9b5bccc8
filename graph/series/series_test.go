package series

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
	"github.com/relgraph/relgraph/graph/formats"
)

// ep builds episode id from "a-b:w" specs plus isolated ids.
func ep(id string, edges []string, isolated ...string) *graph.Graph {
	g := &graph.Graph{Episode: graph.Episode{ID: id}}
	seen := map[string]bool{}
	node := func(n string) {
		if !seen[n] {
			seen[n] = true
			g.Nodes = append(g.Nodes, graph.Node{ID: n, Name: strings.ToUpper(n)})
		}
	}
	for _, e := range edges {
		pair, weight, _ := strings.Cut(e, ":")
		a, b, _ := strings.Cut(pair, "-")
		var w float64
		fmt.Sscan(weight, &w)
		node(a)
		node(b)
		g.Edges = append(g.Edges, graph.Edge{Source: a, Target: b, Weight: w})
	}
	for _, n := range isolated {
		node(n)
	}
	g.Canonicalize()
	return g
}

// edgeMap renders a graph's edges as "a-b:w" sorted, weights to 5 digits.
func edgeMap(g *graph.Graph) string {
	var s []string
	for _, e := range g.Edges {
		a, b := e.Source, e.Target
		if a > b {
			a, b = b, a
		}
		s = append(s, fmt.Sprintf("%s-%s:%.5g", a, b, e.Weight))
	}
	slices.Sort(s)
	return strings.Join(s, " ")
}

func nodeIDs(g *graph.Graph) string {
	var s []string
	for _, n := range g.Nodes {
		s = append(s, n.ID)
	}
	slices.Sort(s)
	return strings.Join(s, ",")
}

func TestParseMode(t *testing.T) {
	for in, want := range map[string]string{"": "episodes", "episodes": "episodes", "cumulative": "cumulative", "window:3": "window:3", "smoothed": "smoothed"} {
		m, err := ParseMode(in)
		if err != nil || m.String() != want {
			t.Errorf("ParseMode(%q) = %v, %v; want %s", in, m, err, want)
		}
	}
	for _, bad := range []string{"window", "window:0", "window:-1", "window:x", "cumul"} {
		if _, err := ParseMode(bad); err == nil {
			t.Errorf("ParseMode(%q) accepted", bad)
		}
	}
}

// handSeries: e1 a–b 2, a–c 2; e2 a–c 3 (b absent); e3 a–b 1.
func handSeries() []*graph.Graph {
	return []*graph.Graph{
		ep("e1", []string{"a-b:2", "a-c:2"}),
		ep("e2", []string{"a-c:3"}),
		ep("e3", []string{"a-b:1"}),
	}
}

func frames(eps []*graph.Graph, m Mode) []*graph.Graph {
	var out []*graph.Graph
	Frames(eps, m, func(_ int, g *graph.Graph) bool { out = append(out, g); return true })
	return out
}

// TestFrames checks each mode on handSeries, worked by hand.
func TestFrames(t *testing.T) {
	// Smoothed, episode e2 (t = 1): a–b is active in e1 (w 2) and e3 (w 1).
	// Back: O⁻ = s_a(e2) + s_b(e2) = 3 + 0 = 3, D(e1) = s_a + s_b = 4 + 2 = 6
	//   → 2·e^(−0.5) = 1.2131. Forward: O⁺ = 3, D(e3) = 1 + 1 = 2 →
	//   1·e^(−1.5) = 0.22313. Smoothed = max = 1.2131.
	// a–c is active in e1 and e2 only: nothing in e3 (after its last activation).
	tests := []struct {
		mode         Mode
		edges, nodes []string
	}{
		{Mode{Kind: Episodes}, []string{"a-b:2 a-c:2", "a-c:3", "a-b:1"}, []string{"a,b,c", "a,c", "a,b"}},
		{Mode{Kind: Cumulative}, []string{"a-b:2 a-c:2", "a-b:2 a-c:5", "a-b:3 a-c:5"}, []string{"a,b,c", "a,b,c", "a,b,c"}},
		{Mode{Kind: Window, K: 2}, []string{"a-b:2 a-c:2", "a-b:2 a-c:5", "a-b:1 a-c:3"}, []string{"a,b,c", "a,b,c", "a,b,c"}},
		{Mode{Kind: Window, K: 1}, []string{"a-b:2 a-c:2", "a-c:3", "a-b:1"}, []string{"a,b,c", "a,c", "a,b"}},
		{Mode{Kind: Smoothed}, []string{"a-b:2 a-c:2", fmt.Sprintf("a-b:%.5g a-c:3", 2*math.Exp(-0.5)), "a-b:1"}, []string{"a,b,c", "a,b,c", "a,b"}},
	}
	for _, tc := range tests {
		fs := frames(handSeries(), tc.mode)
		for i, g := range fs {
			if got := edgeMap(g); got != tc.edges[i] {
				t.Errorf("%v frame %d edges = %q, want %q", tc.mode, i, got, tc.edges[i])
			}
			if got := nodeIDs(g); got != tc.nodes[i] {
				t.Errorf("%v frame %d nodes = %q, want %q", tc.mode, i, got, tc.nodes[i])
			}
			if g.Name() != handSeries()[i].Name() {
				t.Errorf("%v frame %d named %q", tc.mode, i, g.Name())
			}
		}
	}
}

// TestSmoothedPersistence: a tie whose two characters are both absent
// between its activations keeps its full weight (nothing pulls them
// apart); when only others interact, the tie fades by e per anchoring
// episode's worth of interactions (here: a–b 2 in e1, D = 4; in e2 a meets
// c with 4 → O⁻ = 4 → 2/e; forward from e3 (a–b 2, D = 4): O⁺ = 4 → 2/e).
func TestSmoothedPersistence(t *testing.T) {
	eps := []*graph.Graph{ep("e1", []string{"a-b:2"}), ep("e2", []string{"x-y:5"}), ep("e3", []string{"a-b:2"})}
	if got := edgeMap(frames(eps, Mode{Kind: Smoothed})[1]); got != "a-b:2 x-y:5" {
		t.Errorf("absent pair: %q, want a-b:2 x-y:5", got)
	}
	eps[1] = ep("e2", []string{"a-c:4"})
	if got, want := edgeMap(frames(eps, Mode{Kind: Smoothed})[1]), fmt.Sprintf("a-b:%.5g a-c:4", 2/math.E); got != want {
		t.Errorf("fading pair: %q, want %q", got, want)
	}
}

// TestRunEpisodes checks Run's values and ranks against centrality.Rank,
// measure by measure, on the Star Wars episodes when present, else on a
// generated series.
func TestRunMatchesRank(t *testing.T) {
	eps := starWars(t, false)
	if eps == nil {
		eps = generate(3, 6, 10, 30, 60)
	}
	err := Run(eps, Options{Diffs: true}, func(f *Frame) error {
		g := f.Graph
		for _, m := range centrality.AllMeasures {
			rk, err := centrality.Rank(g, centrality.Options{By: m, Normalized: true})
			if err != nil {
				return err
			}
			idx := g.NodeIndex()
			for _, row := range rk.Rows {
				i := idx[row.ID]
				if f.Ranks[m][i] != row.Rank {
					t.Errorf("%s %s %s: rank %d, centrality.Rank %d", g.Name(), m, row.ID, f.Ranks[m][i], row.Rank)
				}
				if math.Abs(f.Values[m][i]-row.Values[m]) > 1e-12 {
					t.Errorf("%s %s %s: %v, centrality.Rank %v", g.Name(), m, row.ID, f.Values[m][i], row.Values[m])
				}
			}
		}
		if (f.Index == 0) != (f.Diff == nil) {
			t.Errorf("frame %d: diff %v", f.Index, f.Diff != nil)
		}
		if rows := f.Rows(); len(rows) != len(g.Nodes)*len(centrality.AllMeasures) || rows[0].Rank != 1 {
			t.Errorf("frame %d: %d rows", f.Index, len(rows))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestIncrementalCumulative compares the incremental cumulative path
// (growing graph, warm-started PageRank and power-iteration eigenvector)
// with the general path (a new graph per episode, package centrality's
// kernels) on a generated series and on Star Wars.
func TestIncrementalCumulative(t *testing.T) {
	series := map[string][]*graph.Graph{"generated": generate(7, 120, 20, 60, 300)}
	if sw := starWars(t, false); sw != nil {
		series["starwars"] = sw
	}
	ms := []string{"degree", "strength", "pagerank", "eigenvector"}
	for name, eps := range series {
		var fast, slow []*Frame
		if err := Run(eps, Options{Mode: Mode{Kind: Cumulative}, Measures: ms}, func(f *Frame) error { fast = append(fast, f); return nil }); err != nil {
			t.Fatal(err)
		}
		if err := Run(eps, Options{Mode: Mode{Kind: Cumulative}, Measures: ms, Graphs: true}, func(f *Frame) error { slow = append(slow, f); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(fast) != len(eps) || len(slow) != len(eps) {
			t.Fatalf("%s: %d and %d frames for %d episodes", name, len(fast), len(slow), len(eps))
		}
		var worst float64
		for i := range fast {
			a, b := fast[i], slow[i]
			if a.Graph.Edges != nil || len(b.Graph.Edges) != a.Ties {
				t.Fatalf("%s frame %d: fast path carries %d edges, counts %d; slow has %d", name, i, len(a.Graph.Edges), a.Ties, len(b.Graph.Edges))
			}
			ib := b.Graph.NodeIndex()
			for _, m := range ms {
				for j, n := range a.Graph.Nodes {
					k := ib[n.ID]
					d := math.Abs(a.Values[m][j] - b.Values[m][k])
					worst = max(worst, d)
					if d > 1e-9 {
						t.Errorf("%s frame %d %s %s: %v, centrality %v", name, i, m, n.ID, a.Values[m][j], b.Values[m][k])
					}
				}
			}
		}
		t.Logf("%s: largest difference %.3g", name, worst)
	}
}

// starWars reads episodes 1–7 of ../shared/data/starwars with
// formats.Read, or skips (returns nil unless must) when the shared data
// is absent.
func starWars(t *testing.T, must bool) []*graph.Graph {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "data", "starwars")
	if _, err := os.Stat(dir); err != nil {
		if must {
			t.Skipf("shared data not found at %s (a checkout of the shared test data beside the repository): %v", dir, err)
		}
		return nil
	}
	var eps []*graph.Graph
	for i := 1; i <= 7; i++ {
		name := filepath.Join(dir, fmt.Sprintf("starwars-episode-%d-interactions.json", i))
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		g, _, err := formats.Read(name, data, formats.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		g.Episode.ID = fmt.Sprintf("episode-%d", i)
		eps = append(eps, g)
	}
	return eps
}

// TestStarWarsCast checks the series view of the saga against the data
// files: the characters who first appear in episode 4 and those who
// vanish after episode 3, computed from the files' node names, and a few
// names read in the JSON by hand (LUKE, LEIA, HAN and TARKIN have no node
// before episode 4; PADME, QUI-GON, COUNT DOOKU and MACE WINDU none after
// episode 3; OBI-WAN is in 1–6).
func TestStarWarsCast(t *testing.T) {
	eps := starWars(t, true)
	// From the files: node names per episode.
	names := make([]map[string]bool, len(eps))
	dir := filepath.Join("..", "..", "..", "shared", "data", "starwars")
	for i := range eps {
		var doc struct {
			Nodes []struct{ Name string } `json:"nodes"`
		}
		data, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("starwars-episode-%d-interactions.json", i+1)))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		names[i] = map[string]bool{}
		for _, n := range doc.Nodes {
			names[i][n.Name] = true
		}
	}
	var firstIn4, goneAfter3 []string
	for n := range names[3] {
		if !names[0][n] && !names[1][n] && !names[2][n] {
			firstIn4 = append(firstIn4, n)
		}
	}
	for i := range 3 {
		for n := range names[i] {
			if !names[3][n] && !names[4][n] && !names[5][n] && !names[6][n] && !slices.Contains(goneAfter3, n) {
				goneAfter3 = append(goneAfter3, n)
			}
		}
	}
	slices.Sort(firstIn4)
	slices.Sort(goneAfter3)

	// From the series: first and last episode of each character.
	tl := NewTimeline("strength", len(eps))
	if err := Run(eps, Options{Measures: []string{"strength"}}, func(f *Frame) error { return tl.Add(f) }); err != nil {
		t.Fatal(err)
	}
	var gotFirst4, gotGone []string
	for _, id := range tl.IDs {
		v := tl.Values[id]
		first, last := -1, -1
		for t, x := range v {
			if !math.IsNaN(x) {
				if first < 0 {
					first = t
				}
				last = t
			}
		}
		if first == 3 {
			gotFirst4 = append(gotFirst4, tl.Names[id])
		}
		if last <= 2 {
			gotGone = append(gotGone, tl.Names[id])
		}
	}
	slices.Sort(gotFirst4)
	slices.Sort(gotGone)
	if !slices.Equal(gotFirst4, firstIn4) {
		t.Errorf("first in episode 4: series %q, files %q", gotFirst4, firstIn4)
	}
	if !slices.Equal(gotGone, goneAfter3) {
		t.Errorf("gone after episode 3: series %q, files %q", gotGone, goneAfter3)
	}
	for _, n := range []string{"LUKE", "LEIA", "HAN", "TARKIN"} {
		if !slices.Contains(gotFirst4, n) {
			t.Errorf("%s should first appear in episode 4", n)
		}
	}
	for _, n := range []string{"PADME", "QUI-GON", "COUNT DOOKU", "MACE WINDU"} {
		if !slices.Contains(gotGone, n) {
			t.Errorf("%s should vanish after episode 3", n)
		}
	}
	if slices.Contains(gotGone, "OBI-WAN") || slices.Contains(gotFirst4, "OBI-WAN") {
		t.Error("OBI-WAN is in episodes 1–6")
	}
	if len(firstIn4) != 13 {
		t.Logf("note: %d characters first in episode 4", len(firstIn4))
	}
}

// TestPlots draws the three plots of a generated series in both formats:
// SVG documents, PNG images that decode, the same bytes on a second run.
func TestPlots(t *testing.T) {
	eps := generate(5, 12, 8, 20, 40)
	tl := NewTimeline("strength", len(eps))
	if err := Run(eps, Options{Measures: []string{"strength"}}, func(f *Frame) error { return tl.Add(f) }); err != nil {
		t.Fatal(err)
	}
	draw := func(kind, format string) []byte {
		var b bytes.Buffer
		var err error
		switch kind {
		case "lines":
			err = PlotLines(&b, tl, 8, "strength", format)
		case "heatmap":
			err = PlotHeatmap(&b, tl, 10, "rank", format)
		case "counts":
			err = PlotCounts(&b, tl, "cast", format)
		}
		if err != nil {
			t.Fatalf("%s %s: %v", kind, format, err)
		}
		return b.Bytes()
	}
	for _, kind := range []string{"lines", "heatmap", "counts"} {
		svg := draw(kind, "svg")
		if !bytes.Contains(svg, []byte("<svg")) {
			t.Errorf("%s: not an SVG document", kind)
		}
		if !bytes.Equal(svg, draw(kind, "svg")) {
			t.Errorf("%s: SVG differs between runs", kind)
		}
		img, err := png.Decode(bytes.NewReader(draw(kind, "png")))
		if err != nil {
			t.Errorf("%s: PNG: %v", kind, err)
		} else if img.Bounds().Dx() < 500 {
			t.Errorf("%s: PNG only %d pixels wide", kind, img.Bounds().Dx())
		}
	}
	if err := PlotLines(&bytes.Buffer{}, tl, 3, "", "gif"); err == nil {
		t.Error("gif accepted")
	}
}

// TestColours: a character's colour depends on its id alone; characters
// sharing a colour get distinct line styles.
func TestColours(t *testing.T) {
	ids := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i"}
	cs, styles := Colours(ids)
	for i, id := range ids {
		c, _ := Colours([]string{id})
		if c[0] != cs[i] {
			t.Errorf("%s: colour depends on the other characters", id)
		}
		for j := range i {
			if cs[j] == cs[i] && styles[j] == styles[i] {
				t.Errorf("%s and %s share colour and style", ids[j], id)
			}
		}
	}
}
