package extract_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/roster"
)

// FuzzExtract runs Extract, ExtractReader (which must give the same
// graph), Sentences and FindMentions on arbitrary text with one of three
// rosters (the seed's, the German test roster with its
// odd forms and Exclude phrases, the English one) and checks that nothing
// panics and every result keeps its invariants. Crashers are kept in
// testdata/fuzz/FuzzExtract and replayed by every `go test`.
func FuzzExtract(f *testing.F) {
	seed := loadSeedRoster(f)
	de, _ := parseRoster(f, "test-de", testRosterJSON)
	en, _ := parseRoster(f, "test-en", englishRosterJSON)
	rosters := []*roster.Roster{seed, de, en}

	for _, s := range []string{
		"",
		"Dr. Achim Kreutzer und Kathrin. Lukas’ Vater Friedrich!",
		"Am 3. Mai kam Lukas. Am 3.5.2024 ging Kathrin. Im 19. Jahrhundert, z. B. Achim, u. a. Friedrich.",
		"„Wo ist Lukas?“ Kathrin weint.\r\nAchims Rede\u2028Friedrichs Zug",
		"Ju\u0308rgen und Lukas\u0301 und Kathrin-Sorge",
		"Lukas\xffKathrin",
		"Bei Yahoo! Inc arbeitet Kathrin. Eduard (Ede) und Berg, Anna Berg.",
		"In aller Freundschaft mit Lukas in der Lukas-Klinik im Sankt Lukas.",
		"Mr. Darcy’s letter to Mr. Bennet. The Bennets' house; James' hat.",
		"Dr.\u00a0Kreutzer  und  Dr.\nKreutzer … Dann etc. Dann usw. Dann",
		"\uFEFF. . . ! ? …",
	} {
		for i := range rosters {
			f.Add(s, uint8(i))
		}
	}
	f.Add(readFile(f, "../../data/episodes/e01.txt"), uint8(0))

	f.Fuzz(func(t *testing.T, text string, which uint8) {
		r := rosters[int(which)%len(rosters)]
		lang := r.Lang

		// The stages never panic, even on invalid UTF-8.
		checkSentences(t, text, extract.Sentences(text, lang))
		ms := extract.FindMentions(text, r)

		g, _, err := extract.Extract(text, extract.Options{Roster: r})
		if !utf8.ValidString(text) {
			if err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Validate(); err != nil {
			t.Fatal(err)
		}

		// Streamed with the smallest chunks: the same graph.
		restore := extract.SetChunkSize(1)
		gs, _, err := extract.ExtractReader(strings.NewReader(text), extract.Options{Roster: r})
		restore()
		if err != nil {
			t.Fatal(err)
		}
		if a, b := graphJSON(t, gs), graphJSON(t, g); a != b {
			t.Fatalf("ExtractReader's graph differs from Extract's:\n%s", firstDiff(a, b))
		}

		// Mentions: ordered, disjoint, each a whole word of the NFC text.
		nfc := norm.NFC.String(text)
		prev := 0
		for _, m := range ms {
			if m.Start < prev || m.End <= m.Start || m.End > len(nfc) {
				t.Fatalf("mention %+v out of order (previous end %d)", m, prev)
			}
			prev = m.End
			if before, _ := utf8.DecodeLastRuneInString(nfc[:m.Start]); m.Start > 0 && isWord(before) {
				t.Fatalf("mention %+v %q starts inside a word", m, nfc[m.Start:m.End])
			}
			if after, _ := utf8.DecodeRuneInString(nfc[m.End:]); m.End < len(nfc) && isWord(after) {
				t.Fatalf("mention %+v %q ends inside a word", m, nfc[m.Start:m.End])
			}
		}

		// Nodes count every mention.
		total := 0
		for _, n := range g.Nodes {
			if n.Mentions <= 0 {
				t.Fatalf("node %s with %d mentions", n.ID, n.Mentions)
			}
			total += n.Mentions
		}
		if total != len(ms) {
			t.Fatalf("nodes count %d mentions, FindMentions finds %d", total, len(ms))
		}

		// Edges: weight = units, ascending, in range; evidence = the first
		// units, quoted from the text as Extract reads it: NFC, its soft line
		// wraps joined (UnwrapLines; crasher d2de12c5af459861).
		unwrapped := extract.UnwrapLines(nfc)
		for _, e := range g.Edges {
			if e.Weight != float64(len(e.Units)) {
				t.Fatalf("edge %s–%s weight %v with %d units", e.Source, e.Target, e.Weight, len(e.Units))
			}
			for i, u := range e.Units {
				if u < 1 || u > g.Episode.Units || (i > 0 && u <= e.Units[i-1]) {
					t.Fatalf("edge %s–%s units %v (of %d)", e.Source, e.Target, e.Units, g.Episode.Units)
				}
			}
			if len(e.Evidence) > extract.DefaultMaxEvidence || len(e.Evidence) != min(len(e.Units), extract.DefaultMaxEvidence) {
				t.Fatalf("edge %s–%s: %d evidence for %d units", e.Source, e.Target, len(e.Evidence), len(e.Units))
			}
			for i, ev := range e.Evidence {
				if ev.Unit != e.Units[i] || !strings.Contains(unwrapped, ev.Text) || strings.ContainsAny(ev.Text, "\n\r") {
					t.Fatalf("edge %s–%s evidence %d: unit %d text %q", e.Source, e.Target, i, ev.Unit, ev.Text)
				}
			}
		}
		checkEvidence(t, g, r)
	})
}

// isWord is the package's definition of a word character.
func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}
