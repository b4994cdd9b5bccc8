package render

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
)

// Sizes, in inches for nodes and points for lines, and fonts.
const (
	// minDiameter and maxDiameter bound a node's circle, in inches. With
	// Options.Size the diameter runs from minDiameter for the smallest
	// measure to maxDiameter for the largest, linearly in the square root
	// of the measure; without it every circle is plainDiameter wide.
	minDiameter   = 0.7
	maxDiameter   = 1.4
	plainDiameter = 1.0

	// minPenWidth and maxPenWidth bound an edge's line width, in points:
	// minPenWidth for the smallest weight in the graph, maxPenWidth for the
	// largest, linearly in the square root of the weight. When every edge
	// has the same weight, each is plainPenWidth wide.
	minPenWidth   = 1.0
	maxPenWidth   = 8.0
	plainPenWidth = 2.0

	// minGap and maxGap bound the room neato tries to leave between the
	// outlines of two linked circles, in inches (the edge's len attribute
	// is the gap plus both radii): maxGap for the smallest weight, minGap
	// for the largest, so close characters sit closer. The room keeps edge
	// labels clear of the circles.
	minGap = 1.2
	maxGap = 1.9

	// maxSplineEdges is the largest number of edges for which DOT asks
	// neato to route edges around the circles (splines=true); larger graphs
	// get straight lines (splines=line). The router's cost grows steeply;
	// one render with go-graphviz 0.2.10 on a 2-core machine, splines=true
	// against straight lines: 20 characters and 49 interactions 33 ms (all
	// of it), 50 and 134 0.5 s against 32 ms, 100 and 289 9 s against
	// 0.16 s, 200 and 587 20 s against 0.6 s.
	maxSplineEdges = 100

	// fontName is the one family Graphviz (without system fonts, in wasm)
	// has built-in width metrics for besides Times and Courier. A list such
	// as "Helvetica,Arial,sans-serif" is not recognised and falls back to
	// Times metrics, which are narrower: titles and names then overflow
	// their boxes. SVG viewers map Helvetica to Arial or Liberation Sans.
	fontName      = "Helvetica"
	nodeFontSize  = 11
	edgeFontSize  = 10
	titleFontSize = 18
	noteFontSize  = 10

	textColour     = "#1a1a1a"
	edgeColour     = "#7a7a7acc" // grey, a little transparent so crossings show
	edgeTextColour = "#4d4d4d"
	noteColour     = "#595959"

	// wrapAt is the length, in characters, above which a node label of
	// several words is broken into two lines.
	wrapAt = 10

	// maxEvidenceRunes caps the evidence sentence quoted in an edge
	// tooltip; a longer one is cut at a word and ends in "…".
	maxEvidenceRunes = 240
)

// palette is Paul Tol's "light" qualitative scheme, made for filled cells
// with dark text and distinct for colour-blind readers
// (https://personal.sron.nl/~pault/#sec:qualitative), without its pale
// grey (kept for "no data") and its olive (a muddy fill that is hard to
// tell from pear).
var palette = [...]string{
	"#77AADD", // light blue
	"#EE8866", // orange
	"#EEDD88", // light yellow
	"#FFAABB", // pink
	"#99DDFF", // light cyan
	"#44BB99", // mint
	"#BBCC33", // pear
}

// fillColour returns the palette colour for a node id, picked by the
// 32-bit FNV-1a hash of the id, so a character keeps its colour in every
// graph it appears in.
func fillColour(id string) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	return palette[h.Sum32()%uint32(len(palette))]
}

// nodeColours gives every node of g its fill colour: the one fillColour
// picks for its id, unless a more prominent node of the same graph (larger
// size value, then smaller id) already has it; then the next palette colour
// that is still free. So the leading characters keep their colour in every
// episode, and no two characters of one map share a colour while the
// palette lasts (7 colours; beyond that colours repeat).
func nodeColours(g *graph.Graph, size map[string]float64) map[string]string {
	order := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		order[i] = n.ID
	}
	slices.SortStableFunc(order, func(a, b string) int {
		return cmp.Or(cmp.Compare(size[b], size[a]), cmp.Compare(a, b))
	})
	used := make(map[string]bool, len(palette))
	out := make(map[string]string, len(order))
	for _, id := range order {
		c := fillColour(id)
		if len(used) < len(palette) {
			k := slices.Index(palette[:], c)
			for used[palette[k]] {
				k = (k + 1) % len(palette)
			}
			c = palette[k]
		}
		used[c] = true
		out[id] = c
	}
	return out
}

// strokeColour returns a darker shade (65 % of each channel) of a
// "#RRGGBB" colour, for a node's outline.
func strokeColour(fill string) string {
	v, err := strconv.ParseUint(fill[1:], 16, 32)
	if err != nil {
		panic("render: bad palette colour " + fill)
	}
	dark := func(shift uint) uint64 { return uint64(math.Round(float64(v>>shift&0xff) * 0.65)) }
	return fmt.Sprintf("#%02X%02X%02X", dark(16), dark(8), dark(0))
}

// sqrtScale maps v in [lo, hi] to [outLo, outHi] linearly in the square
// root: outLo + (outHi-outLo)·(√v−√lo)/(√hi−√lo). Values are clamped to
// [lo, hi] first. When lo == hi it returns plain.
func sqrtScale(v, lo, hi, outLo, outHi, plain float64) float64 {
	if !(hi > lo) {
		return plain
	}
	v = min(max(v, lo), hi)
	t := (math.Sqrt(v) - math.Sqrt(lo)) / (math.Sqrt(hi) - math.Sqrt(lo))
	return outLo + (outHi-outLo)*t
}

// num formats a DOT number (inches or points) with at most three decimals
// and no trailing zeros.
func num(x float64) string {
	s := strconv.FormatFloat(x, 'f', 3, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// quantity formats a count or measure for people: integers without
// decimals, other values with four significant digits.
func quantity(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', 0, 64)
	}
	s := strconv.FormatFloat(x, 'g', 4, 64)
	if strings.ContainsRune(s, 'e') && math.Abs(x) >= 1 {
		s = strconv.FormatFloat(x, 'f', 2, 64)
	}
	return s
}

// quote returns s as a DOT double-quoted string.
//
// The DOT language (https://graphviz.org/doc/info/lang.html) has one escape
// in a double-quoted string, \" for a quote. But every attribute this
// package writes text into (label, tooltip, id) is an escString
// (https://graphviz.org/docs/attr-types/escString/), in which a backslash
// starts an escape: \n, \l and \r end a line, \N, \G, \E, \T, \H and \L
// expand to object names, and \\ is one backslash. So a literal backslash
// is written \\ and a literal quote \". Node names are not escStrings and
// are written by quoteID.
//
// Two more rewrites keep the text literal through Graphviz: '&' becomes
// "&amp;", because Graphviz decodes HTML entities in labels (a name
// containing "&auml;" would otherwise show as "ä"), and a line break or any
// other control character becomes a space. Labels that need a line break
// use lines, which joins quoted lines with \n.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	b.WriteString(escape(s))
	b.WriteByte('"')
	return b.String()
}

// quoteID returns a node id as a DOT double-quoted string. A node's name
// is not an escString, so only the quote needs escaping (\"), and a
// backslash is written as it is, except where it would be read as part of
// an escape: before a quote or at the end of the string it is doubled.
// (Graphviz then keeps both backslashes in the name; such an id is still
// read back as one node, and its label and SVG id, written by quote, are
// exact.) Control characters become spaces, as in quote.
func quoteID(id string) string {
	var b strings.Builder
	b.Grow(len(id) + 2)
	b.WriteByte('"')
	for i, r := range id {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			if rest := id[i+1:]; rest == "" || rest[0] == '"' {
				b.WriteString(`\\`)
			} else {
				b.WriteByte('\\')
			}
		case r == utf8.RuneError, unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// escape is quote without the surrounding quotes.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '&':
			b.WriteString("&amp;")
		case r == utf8.RuneError, unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lines returns the lines as one DOT quoted escString, each line escaped
// and the lines joined with \n (centred lines).
func lines(ls ...string) string {
	for i := range ls {
		ls[i] = escape(ls[i])
	}
	return `"` + strings.Join(ls, `\n`) + `"`
}

// wrapName breaks a display name of more than wrapAt characters that has
// spaces into two lines, at the space that makes the longer line shortest.
func wrapName(name string) []string {
	if utf8.RuneCountInString(name) <= wrapAt {
		return []string{name}
	}
	best, bestLen := -1, 0
	for i, r := range name {
		if r != ' ' {
			continue
		}
		l := max(utf8.RuneCountInString(name[:i]), utf8.RuneCountInString(name[i+1:]))
		if best < 0 || l < bestLen {
			best, bestLen = i, l
		}
	}
	if best < 0 {
		return []string{name}
	}
	return []string{strings.TrimSpace(name[:best]), strings.TrimSpace(name[best+1:])}
}

// oneLine collapses runs of white space (line breaks included) to single
// spaces and cuts the text to at most n runes at a word, adding "…".
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	rs := []rune(s)[:n]
	cut := string(rs)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
