package formats

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"github.com/relgraph/relgraph/graph"
)

// The Stanford GraphBase co-appearance files (Knuth, The Stanford
// GraphBase, 1993: anna.dat, david.dat, homer.dat, huck.dat, jean.dat).
//
// Layout: "*" lines are comments; then one line per character, "XX
// description" (a two-character code, a space, a description with TeX
// accents such as F\'elix); a blank line; then one line per chapter,
// "NAME:AA,BB;CC,DD,EE" where ";" separates the cliques of characters who
// meet in that chapter, "NAME" alone a chapter without encounters, and a
// line starting "&:" continues the previous chapter.
//
// Graph: every listed character is a node (id = code; name = the
// description up to its first comma, TeX accents turned into Unicode; the
// whole description is the attribute "description"). Two characters are
// joined when they share a clique in some chapter, and the weight is the
// number of chapters in which they do: a pair in two cliques of one chapter
// counts once. This is the convention of the reference values
// (../shared/data/README.md); Newman's miserables.json counts cliques
// instead (its total weight is 820 against 765). The units are the
// chapters, numbered 1.. in file order among the selected ones, and each
// edge lists the chapters that made it.
//
// ReadOptions.Chapters selects the chapters whose name starts with a
// prefix: "1." is part 1 of Les Misérables (chapters 1.1.1 …), and
// several prefixes may be given separated by commas ("1.,2.").

// ReadSGB decodes an SGB .dat file. Errors name the file and the line.
func ReadSGB(name string, data []byte, opt ReadOptions) (*graph.Graph, []string, error) {
	if !utf8.Valid(data) {
		// The GraphBase files are ASCII; an 8-bit file is read as Latin-1.
		data, _ = charmap.ISO8859_1.NewDecoder().Bytes(data)
	}
	data = normalizeNewlines(data)
	var prefixes []string
	for p := range strings.SplitSeq(opt.Chapters, ",") {
		if p = strings.TrimSpace(p); p != "" {
			prefixes = append(prefixes, p)
		}
	}
	b := newBuilder(name, false)
	inHeader := true
	chapters := 0 // selected chapters so far
	selected := false
	type pairKey [2]string
	var inChapter map[pairKey]bool // pairs already counted in this chapter
	seenHeader := false
	for i, line := range bytes.Split(data, []byte("\n")) {
		ln := i + 1
		s := strings.TrimRight(string(line), " \t")
		if strings.HasPrefix(s, "*") {
			continue
		}
		if inHeader {
			if strings.TrimSpace(s) == "" {
				if seenHeader {
					inHeader = false
				}
				continue
			}
			seenHeader = true
			if len(s) < 2 || (len(s) > 2 && s[2] != ' ') || strings.ContainsAny(s[:2], ",;: ") {
				return nil, nil, fmt.Errorf("%s:%d: %q: want a character line \"XX description\" (two-character code) or a blank line before the chapters", name, ln, s)
			}
			code, desc := s[:2], ""
			if len(s) > 3 {
				desc = texToUnicode(s[3:])
			}
			n := graph.Node{ID: code}
			if desc != "" {
				n.Name, _, _ = strings.Cut(desc, ",")
				n.Attributes = map[string]any{"description": desc}
			}
			if err := b.addNode(n, fmt.Sprintf("line %d", ln)); err != nil {
				return nil, nil, err
			}
			continue
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		chapter, rest, _ := strings.Cut(s, ":")
		if chapter == "&" {
			if inChapter == nil {
				return nil, nil, fmt.Errorf("%s:%d: continuation line \"&:\" before any chapter", name, ln)
			}
		} else {
			selected = len(prefixes) == 0 || slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(chapter, p) })
			inChapter = map[pairKey]bool{}
			if selected {
				chapters++
			}
		}
		for clique := range strings.SplitSeq(rest, ";") {
			if clique == "" {
				continue
			}
			codes := strings.Split(clique, ",")
			for _, c := range codes {
				if b.node(c) == nil {
					return nil, nil, fmt.Errorf("%s:%d: chapter %s: %q is not a listed character", name, ln, chapter, c)
				}
			}
			if !selected {
				continue
			}
			for x := range codes {
				for y := x + 1; y < len(codes); y++ {
					k := pairKey{codes[x], codes[y]}
					if k[0] == k[1] {
						continue
					}
					if k[0] > k[1] {
						k[0], k[1] = k[1], k[0]
					}
					if inChapter[k] {
						continue
					}
					inChapter[k] = true
					if _, err := b.addEdgeQuiet(graph.Edge{Source: k[0], Target: k[1], Weight: 1, Units: []int{chapters}}); err != nil {
						return nil, nil, fmt.Errorf("%s:%d: %v", name, ln, err)
					}
				}
			}
		}
	}
	if !seenHeader {
		return nil, nil, fmt.Errorf("%s: no character lines (not an SGB .dat file?)", name)
	}
	if len(prefixes) > 0 && chapters == 0 {
		return nil, nil, fmt.Errorf("%s: no chapter starts with %s", name, strings.Join(prefixes, " or "))
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	b.g.Episode = graph.Episode{ID: base, Source: filepath.ToSlash(name), Unit: "chapter", Units: chapters}
	if len(prefixes) > 0 {
		b.g.Episode.Title = "chapters " + strings.Join(prefixes, ", ") + "*"
	}
	return b.finish()
}

// addEdgeQuiet adds 1 to the pair's weight and merges units without a
// duplicate warning: in an SGB file repeated pairs are the data.
func (b *builder) addEdgeQuiet(e graph.Edge) (*graph.Edge, error) {
	// b.pairs is keyed on node positions (builder.pairKey); an edge
	// given as target–source of an undirected pair goes to addEdge, as
	// when pairs was keyed on the ends in sorted order.
	si, sok := b.idx[e.Source]
	ti, tok := b.idx[e.Target]
	if sok && tok && (b.g.Directed || e.Source <= e.Target) {
		if i, ok := b.pairs[b.pairKey(si, ti)]; ok {
			old := &b.g.Edges[i]
			old.Weight += e.Weight
			old.Units = mergeUnits(old.Units, e.Units)
			return old, nil
		}
	}
	return b.addEdge(e, "")
}

// texAccents maps a TeX accent command to the Unicode combining mark.
var texAccents = map[byte]rune{'\'': '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307', 'c': '\u0327'}

// texToUnicode turns TeX accents (\'e, \`e, \^o, \"u, \~n, \c c, {\'e})
// into composed Unicode (NFC); other backslashes are kept.
func texToUnicode(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+2 < len(s)+1 && i+1 < len(s) {
			if mark, ok := texAccents[s[i+1]]; ok {
				j := i + 2
				if s[i+1] == 'c' {
					if j < len(s) && s[j] == ' ' {
						j++
					} else {
						out.WriteByte(s[i])
						continue
					}
				}
				if j < len(s) && s[j] == '{' && j+2 < len(s) && s[j+2] == '}' {
					out.WriteByte(s[j+1])
					out.WriteRune(mark)
					i = j + 2
					continue
				}
				if j < len(s) {
					r, size := utf8.DecodeRuneInString(s[j:])
					out.WriteRune(r)
					out.WriteRune(mark)
					i = j + size - 1
					continue
				}
			}
		}
		out.WriteByte(s[i])
	}
	return norm.NFC.String(out.String())
}
