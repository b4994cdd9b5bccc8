package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
)

// countWords returns the number of tokens (runs of word runes) of text.
func countWords(text string) int {
	n := 0
	wordStarts(text, func(_, q int) int { n++; return q })
	return n
}

// tokenRanges returns, for each mention, the 0-based index of its first
// token and of its last token. Mentions are ordered and non-overlapping.
func tokenRanges(text string, ms []Mention) (first, last []int) {
	first, last = make([]int, len(ms)), make([]int, len(ms))
	// Boundaries in ascending order: Start and End of each mention. The
	// number of words starting before a boundary is its token count.
	bi, k := 0, 0
	bound := func(i int) int {
		if i%2 == 0 {
			return ms[i/2].Start
		}
		return ms[i/2].End
	}
	record := func(i, count int) {
		if i%2 == 0 {
			first[i/2] = count
		} else {
			last[i/2] = count - 1
		}
	}
	wordStarts(text, func(p, q int) int {
		for bi < 2*len(ms) && bound(bi) <= p {
			record(bi, k)
			bi++
		}
		k++
		return q
	})
	for ; bi < 2*len(ms); bi++ {
		record(bi, k)
	}
	return first, last
}

// runWindow counts one interaction for every pair of mentions of two
// different characters whose distance is at most n tokens: the distance
// is the token index of the later mention's first word minus that of the
// earlier mention's last word (adjacent names are 1 apart). Each pair of
// mentions is looked at exactly once, as (earlier, later), so it counts
// once however many sliding windows would contain both. The unit of the
// interaction is the 1-based token number of the later mention's first
// word; its evidence text runs from the start of the earlier mention to
// the end of the later one.
func (b *builder) runWindow(n int, mentions []Mention) {
	chars := b.characters(mentions) // character index of each mention
	first, last := tokenRanges(b.text, mentions)
	lo := 0
	for j := range mentions {
		for lo < j && first[j]-last[lo] > n {
			lo++
		}
		for i := lo; i < j; i++ {
			a, c := chars[i], chars[j]
			if a == c {
				continue
			}
			if a > c {
				a, c = c, a
			}
			e := b.edge(a, c)
			unit := first[j] + 1
			e.units = append(e.units, unit)
			if b.maxEv < 0 || len(e.evidence) >= b.maxEv {
				continue
			}
			s, end := mentions[i].Start, mentions[j].End
			spans := []graph.Mention{cpSpan(b.text, s, mentions[i]), cpSpan(b.text, s, mentions[j])}
			e.evidence = append(e.evidence, graph.Evidence{Unit: unit, Text: strings.Clone(b.text[s:end]), Mentions: spans})
		}
	}
}

// cpSpan returns the code-point span of m relative to the byte offset s.
func cpSpan(text string, s int, m Mention) graph.Mention {
	a := utf8.RuneCountInString(text[s:m.Start])
	return graph.Mention{Start: a, End: a + utf8.RuneCountInString(text[m.Start:m.End]), Resolved: m.Resolved}
}
