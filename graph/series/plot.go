package series

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"image/color"
	"io"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Timeline is one measure of every character over the episodes of a
// series, gathered from Frames by Add, plus the size of each frame: what
// the plots draw.
type Timeline struct {
	// Measure is the measure gathered.
	Measure string
	// Episodes are the episode names (graph.Graph.Name), in order.
	Episodes []string
	// Nodes and Edges count the characters and ties of each frame.
	Nodes, Edges []int
	// IDs lists the characters in order of first appearance.
	IDs []string
	// Names maps a character id to its latest display name.
	Names map[string]string
	// Values maps a character id to its value in each episode (NaN where
	// the character is not in the frame); Ranks likewise to its rank (0
	// where absent).
	Values map[string][]float64
	Ranks  map[string][]int
}

// NewTimeline returns an empty Timeline of measure m for a series of n
// episodes.
func NewTimeline(m string, n int) *Timeline {
	return &Timeline{Measure: m, Episodes: make([]string, 0, n), Names: map[string]string{},
		Values: map[string][]float64{}, Ranks: map[string][]int{}}
}

// Add records frame f, which must be the next one (f.Index = number of
// frames added so far) and hold tl.Measure.
func (tl *Timeline) Add(f *Frame) error {
	if f.Index != len(tl.Episodes) {
		return fmt.Errorf("series: timeline: frame %d added after %d frames", f.Index, len(tl.Episodes))
	}
	vals, ok := f.Values[tl.Measure]
	if !ok {
		return fmt.Errorf("series: timeline: frame %d has no measure %q", f.Index, tl.Measure)
	}
	t := f.Index
	total := cap(tl.Episodes)
	tl.Episodes = append(tl.Episodes, f.Graph.Name())
	tl.Nodes = append(tl.Nodes, len(f.Graph.Nodes))
	tl.Edges = append(tl.Edges, f.Ties)
	for i, n := range f.Graph.Nodes {
		v, ok := tl.Values[n.ID]
		if !ok {
			v = make([]float64, total)
			for k := range v {
				v[k] = math.NaN()
			}
			tl.Values[n.ID] = v
			tl.Ranks[n.ID] = make([]int, total)
			tl.IDs = append(tl.IDs, n.ID)
		}
		if t >= len(v) { // more frames than announced
			grow := func(s []float64) []float64 {
				for len(s) <= t {
					s = append(s, math.NaN())
				}
				return s
			}
			v = grow(v)
			tl.Values[n.ID] = v
			r := tl.Ranks[n.ID]
			tl.Ranks[n.ID] = append(r, make([]int, len(v)-len(r))...)
		}
		v[t] = vals[i]
		tl.Ranks[n.ID][t] = f.Ranks[tl.Measure][i]
		tl.Names[n.ID] = n.Label()
	}
	return nil
}

// Top returns the ids of the n characters with the largest sum of values
// over the episodes (absences count 0), ties broken by id.
func (tl *Timeline) Top(n int) []string {
	sums := make(map[string]float64, len(tl.IDs))
	for id, v := range tl.Values {
		for _, x := range v {
			if !math.IsNaN(x) {
				sums[id] += x
			}
		}
	}
	ids := slices.Clone(tl.IDs)
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(sums[b], sums[a]), cmp.Compare(a, b)) })
	return ids[:min(n, len(ids))]
}

// palette is the maps' palette (Paul Tol's "light" scheme without its grey
// and olive, https://personal.sron.nl/~pault/#sec:qualitative), so a
// character has the same colour in the plots as in the relationship maps.
var tolLight = []color.NRGBA{
	{0x77, 0xAA, 0xDD, 0xFF}, {0xEE, 0x88, 0x66, 0xFF}, {0xEE, 0xDD, 0x88, 0xFF}, {0xFF, 0xAA, 0xBB, 0xFF},
	{0x99, 0xDD, 0xFF, 0xFF}, {0x44, 0xBB, 0x99, 0xFF}, {0xBB, 0xCC, 0x33, 0xFF},
}

// Colours returns each id's colour as the maps' ColorID rule picks it: the
// palette entry that the 64-bit FNV-1a hash of the id selects (hash mod
// 7), so a character has the same colour in every plot and map. Where
// ids share a colour, style[i] counts the earlier ids of that colour
// (0 for the first), for the line plot to tell them apart by dashes.
func Colours(ids []string) (cols []color.NRGBA, style []int) {
	cols = make([]color.NRGBA, len(ids))
	style = make([]int, len(ids))
	used := make([]int, len(tolLight))
	for i, id := range ids {
		h := fnv.New64a()
		h.Write([]byte(id))
		k := int(h.Sum64() % uint64(len(tolLight)))
		cols[i] = tolLight[k]
		style[i] = used[k]
		used[k]++
	}
	return cols, style
}

// dashes are the line styles of characters sharing a colour: solid,
// dashed, dotted, dash-dot.
var dashes = [][]vg.Length{nil, {vg.Points(5), vg.Points(3)}, {vg.Points(1.5), vg.Points(2)}, {vg.Points(6), vg.Points(2), vg.Points(1.5), vg.Points(2)}}

// darker returns c with each channel at 65 %, the maps' outline shade,
// which reads better than the pale fill as a line on white.
func darker(c color.NRGBA) color.NRGBA {
	d := func(x uint8) uint8 { return uint8(math.Round(float64(x) * 0.65)) }
	return color.NRGBA{d(c.R), d(c.G), d(c.B), 0xFF}
}

// episodeTicks labels the x axis with episode names, thinned to about 20
// labels.
type episodeTicks []string

func (e episodeTicks) Ticks(lo, hi float64) []plot.Tick {
	step := max(1, (len(e)+19)/20)
	var ts []plot.Tick
	for i, name := range e {
		label := ""
		if i%step == 0 {
			label = name
		}
		if float64(i) >= lo && float64(i) <= hi {
			ts = append(ts, plot.Tick{Value: float64(i), Label: label})
		}
	}
	return ts
}

// Plot formats are "svg" and "png".
var PlotFormats = []string{"svg", "png"}

func save(p *plot.Plot, w io.Writer, format string, width, height vg.Length) error {
	if !slices.Contains(PlotFormats, format) {
		return fmt.Errorf("series: plot format %q (valid: svg, png)", format)
	}
	wt, err := p.WriterTo(width, height, format)
	if err != nil {
		return err
	}
	_, err = wt.WriteTo(w)
	return err
}

// PlotLines draws the measure of the top n characters (Timeline.Top) over
// the episodes, one line per character in its map colour (Colours; dashed
// or dotted when an earlier line has the colour); a character absent from
// an episode breaks its line there. format is "svg" or "png".
func PlotLines(w io.Writer, tl *Timeline, n int, title, format string) error {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "episode"
	p.Y.Label.Text = tl.Measure
	p.X.Tick.Marker = episodeTicks(tl.Episodes)
	p.X.Tick.Label.Rotation = math.Pi / 4
	p.X.Tick.Label.XAlign = draw.XRight
	p.X.Min, p.X.Max = -0.5, float64(max(len(tl.Episodes)-1, 0))+0.5
	p.Legend.Top = true
	p.Legend.Left = false
	p.Add(plotter.NewGrid())
	top := tl.Top(n)
	cols, styles := Colours(top)
	for i, id := range top {
		v := tl.Values[id]
		col := darker(cols[i])
		var run plotter.XYs
		first := true
		flush := func() error {
			if len(run) == 0 {
				return nil
			}
			l, s, err := plotter.NewLinePoints(run)
			if err != nil {
				return err
			}
			l.Color = col
			l.Width = vg.Points(1.6)
			l.Dashes = dashes[styles[i]%len(dashes)]
			s.Color = col
			s.Shape = draw.CircleGlyph{}
			s.Radius = vg.Points(2)
			p.Add(l, s)
			if first {
				p.Legend.Add(tl.Names[id], l, s)
				first = false
			}
			run = nil
			return nil
		}
		for t, x := range v[:len(tl.Episodes)] {
			if math.IsNaN(x) {
				if err := flush(); err != nil {
					return err
				}
				continue
			}
			run = append(run, plotter.XY{X: float64(t), Y: x})
		}
		if err := flush(); err != nil {
			return err
		}
	}
	return save(p, w, format, 8*vg.Inch, 4.5*vg.Inch)
}

// rankGrid is the heat map's grid: column = episode, row = character (best
// at the top), value = rank (NaN when absent).
type rankGrid struct {
	ranks [][]float64 // [row][episode]
}

func (g rankGrid) Dims() (c, r int) {
	if len(g.ranks) == 0 {
		return 0, 0
	}
	return len(g.ranks[0]), len(g.ranks)
}
func (g rankGrid) Z(c, r int) float64 { return g.ranks[len(g.ranks)-1-r][c] }
func (g rankGrid) X(c int) float64    { return float64(c) }
func (g rankGrid) Y(r int) float64    { return float64(r) }

type nameTicks []string // bottom row first

func (t nameTicks) Ticks(lo, hi float64) []plot.Tick {
	var ts []plot.Tick
	for i, name := range t {
		ts = append(ts, plot.Tick{Value: float64(i), Label: name})
	}
	return ts
}

// PlotHeatmap draws the rank of the top n characters in every episode:
// one row per character (best overall at the top), dark for rank 1 and
// light for low ranks, grey where the character is absent; the title
// tells the scale. Ranks above 20 share the lightest shade.
func PlotHeatmap(w io.Writer, tl *Timeline, n int, title, format string) error {
	top := tl.Top(n)
	if len(top) == 0 || len(tl.Episodes) == 0 {
		return fmt.Errorf("series: heat map of an empty series")
	}
	g := rankGrid{ranks: make([][]float64, len(top))}
	maxRank := 1.0
	for i, id := range top {
		row := make([]float64, len(tl.Episodes))
		for t := range row {
			if r := tl.Ranks[id][t]; r > 0 {
				row[t] = math.Min(float64(r), 20)
				maxRank = math.Max(maxRank, row[t])
			} else {
				row[t] = math.NaN()
			}
		}
		g.ranks[i] = row
	}
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "episode"
	p.X.Tick.Marker = episodeTicks(tl.Episodes)
	p.X.Tick.Label.Rotation = math.Pi / 4
	p.X.Tick.Label.XAlign = draw.XRight
	names := make(nameTicks, len(top))
	for i, id := range top {
		names[len(top)-1-i] = tl.Names[id]
	}
	p.Y.Tick.Marker = names
	pal := rankPalette{n: 32}
	h := plotter.NewHeatMap(g, pal)
	h.Min, h.Max = 1, math.Max(maxRank, 2)
	h.NaN = color.NRGBA{0xEE, 0xEE, 0xEE, 0xFF}
	p.Add(h)
	p.Title.Text = title + fmt.Sprintf(" — dark: rank 1, light: rank %d+, grey: absent", int(h.Max))
	height := vg.Length(max(3.0, 1.2+0.22*float64(len(top)))) * vg.Inch
	return save(p, w, format, 8*vg.Inch, height)
}

// rankPalette runs from dark blue (rank 1) to pale yellow (last rank):
// a sequential scale, readable in grey print.
type rankPalette struct{ n int }

func (p rankPalette) Colors() []color.Color {
	out := make([]color.Color, p.n)
	from := [3]float64{0x1B, 0x3A, 0x6B}
	to := [3]float64{0xF7, 0xF4, 0xC8}
	for i := range out {
		t := float64(i) / float64(p.n-1)
		c := func(k int) uint8 { return uint8(math.Round(from[k] + (to[k]-from[k])*t)) }
		out[i] = color.NRGBA{c(0), c(1), c(2), 0xFF}
	}
	return out
}

var _ palette.Palette = rankPalette{}

// PlotCounts draws the number of characters and of ties in every frame.
func PlotCounts(w io.Writer, tl *Timeline, title, format string) error {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "episode"
	p.Y.Label.Text = "count"
	p.X.Tick.Marker = episodeTicks(tl.Episodes)
	p.X.Tick.Label.Rotation = math.Pi / 4
	p.X.Tick.Label.XAlign = draw.XRight
	p.Add(plotter.NewGrid())
	p.Legend.Top = true
	p.Legend.Left = true
	for i, s := range []struct {
		name string
		v    []int
	}{{"characters", tl.Nodes}, {"ties", tl.Edges}} {
		xy := make(plotter.XYs, len(s.v))
		for t, x := range s.v {
			xy[t] = plotter.XY{X: float64(t), Y: float64(x)}
		}
		l, pts, err := plotter.NewLinePoints(xy)
		if err != nil {
			return err
		}
		col := darker(tolLight[i*5]) // blue and mint
		l.Color, pts.Color = col, col
		l.Width = vg.Points(1.6)
		pts.Shape = draw.CircleGlyph{}
		pts.Radius = vg.Points(2)
		p.Add(l, pts)
		p.Legend.Add(s.name, l, pts)
	}
	p.Y.Min = 0
	return save(p, w, format, 8*vg.Inch, 4*vg.Inch)
}
