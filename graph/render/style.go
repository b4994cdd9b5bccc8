package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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

	// minDotDiameter is the smallest circle, in inches, when only some
	// characters are named (Options.Labels): unnamed characters are dots
	// from minDotDiameter up, named ones at least as wide as their name.
	minDotDiameter = 0.3

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
	fontName     = "Helvetica"
	nodeFontSize = 11
	// minNodeFontSize is the smallest size a name is shrunk to so that it
	// fits its circle (see fitFont).
	minNodeFontSize = 8
	edgeFontSize    = 10
	titleFontSize   = 18
	noteFontSize    = 10

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
// is written \\ and a literal quote \". (Graphviz 12 still expands "\\G"
// in tooltips; Render's placeholder for \\ keeps such text literal: see
// protectBackslashes.) Node names are not escStrings and are written by
// quoteID.
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
// is not an escString: the DOT lexer only reads \" as a quote and keeps
// other backslashes as they are. quoteID writes a quote as \" and every
// backslash as \\, which Render turns into a placeholder before Graphviz
// reads the DOT and back into one backslash in the SVG, so the node's
// <title> shows the id exactly (see protectBackslashes). Control
// characters become spaces, as in quote.
func quoteID(id string) string {
	var b strings.Builder
	b.Grow(len(id) + 2)
	b.WriteByte('"')
	for _, r := range id {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
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

// wrapName breaks a display name of more than wrapAt characters into two
// lines, at the break that makes the longer line shortest: at a space, or
// after a full stop followed by a letter ("Mme.Thenardier" → "Mme.",
// "Thenardier"). A name without such a break stays on one line.
func wrapName(name string) []string {
	if utf8.RuneCountInString(name) <= wrapAt {
		return []string{name}
	}
	best, bestLen, skip := -1, 0, 0
	for i, r := range name {
		cut, next := -1, 0
		switch {
		case r == ' ':
			cut, next = i, i+1
		case r == '.' && i+1 < len(name):
			if nr, _ := utf8.DecodeRuneInString(name[i+1:]); unicode.IsLetter(nr) {
				cut, next = i+1, i+1
			}
		}
		if cut < 0 {
			continue
		}
		l := max(utf8.RuneCountInString(name[:cut]), utf8.RuneCountInString(name[next:]))
		if best < 0 || l < bestLen {
			best, bestLen, skip = cut, l, next
		}
	}
	if best < 0 {
		return []string{name}
	}
	return []string{strings.TrimSpace(name[:best]), strings.TrimSpace(name[skip:])}
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
