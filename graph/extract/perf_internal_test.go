package extract

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/relgraph/relgraph/graph/roster"
)

// perfPieces are the pieces random texts are made of: words, the
// abbreviations, ordinals and months of both language packs, terminal
// marks, quotes and brackets, every kind of whitespace and line break, and
// broken UTF-8.
var perfPieces = []string{
	"a", "lukas", "Lukas", "Dr", "Mr", "Mrs", "z", "B", "u.a", "U.S", "usw", "etc", "e.g", "Vitamin C",
	"3", "19", "3.5", "3.5.2024", "2020", "Mai", "May", "am", "im", "der", "Ölaf", "ǅemal", "ärger", "É",
	".", ".", ".", "!", "?", "?!", "...", "…", ". ", "! ", "? ", "… ",
	"“", "”", "„", "‘", "’", "\"", "'", "»", "«", "(", ")", "[", "]", "¿", "¡",
	" ", " ", " ", "  ", "\t", "\u00a0", "\u2009", "\u3000",
	"\n", "\n\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029", "\n \n",
	"\xc2", "\xe2\x80", "\xe2", "\xff", "\uFEFF", "\u200B",
	"# Kapitel 1", "Chapter I.", "Erste Szene", "Szene 3", "CHAPTER XII.", "[Chapter 2]", "INT. ROOM", "II. Akt",
}

func randomText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(perfPieces[rng.IntN(len(perfPieces))])
	}
	return b.String()
}

// randomMentions returns sorted, non-overlapping spans of text.
func randomMentions(rng *rand.Rand, text string) []Mention {
	var ms []Mention
	for p := 0; p < len(text); {
		p += rng.IntN(40)
		if p >= len(text) {
			break
		}
		e := min(len(text), p+1+rng.IntN(12))
		ms = append(ms, Mention{ID: "x", Start: p, End: e})
		p = e
	}
	return ms
}

// TestSplitSentencesSameAsRef compares the one-pass sentence splitter with
// the line-by-line reference (ref_internal_test.go) on random texts, with
// and without mentions, under both language packs.
func TestSplitSentencesSameAsRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	for i := range 20000 {
		text := randomText(rng, 1+rng.IntN(60))
		var ms []Mention
		if i%2 == 1 {
			ms = randomMentions(rng, text)
		}
		for _, ru := range []*rules{rulesDE, rulesEN} {
			got, want := splitSentences(text, ru, ms), splitSentencesRef(text, ru, ms)
			if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Fatalf("splitSentences(%q, english=%v, %v)\n got %v\nwant %v", text, ru.english, ms, got, want)
			}
		}
	}
}

// TestSplitSentencesNovelSameAsRef compares them on Pride and Prejudice,
// joined and not.
func TestSplitSentencesNovelSameAsRef(t *testing.T) {
	data, err := os.ReadFile("../../../shared/data/novels/pride-and-prejudice/1342-0.txt")
	if err != nil {
		t.Skipf("novel not available (%v): the test needs ../shared beside the repository", err)
	}
	for _, text := range []string{string(data), UnwrapLines(string(data))} {
		for _, ru := range []*rules{rulesDE, rulesEN} {
			if got, want := splitSentences(text, ru, nil), splitSentencesRef(text, ru, nil); !slices.Equal(got, want) {
				t.Fatalf("english=%v: %d sentences, reference %d", ru.english, len(got), len(want))
			}
		}
	}
}

// TestStopMask checks the 8-byte tests of splitSentences (stopMask) and
// nextLineBreak (breakMask) against the byte tables: the lowest marked byte
// of a word is never after the first byte that must be looked at, and is
// one that the mask is meant to mark.
func TestStopMask(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 300000 {
		var b [8]byte
		for i := range b {
			b[i] = byte(32 + rng.IntN(95)) // printable ASCII
			if rng.IntN(8) == 0 {
				b[i] = byte(rng.IntN(256))
			}
		}
		s := string(b[:])
		for _, tc := range []struct {
			name   string
			mask   func(uint64) uint64
			needed func(c byte) bool
		}{
			{"stopMask", stopMask, func(c byte) bool { return sentenceByte[c] != 0 }},
			{"breakMask", breakMask, func(c byte) bool { return lineBreakByte[c] }},
		} {
			first := 8
			for i, c := range b {
				if tc.needed(c) {
					first = i
					break
				}
			}
			m := tc.mask(load64(s, 0))
			low := bits.TrailingZeros64(m) >> 3
			if low > first {
				t.Fatalf("%s(%q): lowest marked byte %d, but byte %d must be looked at", tc.name, s, low, first)
			}
			if low < 8 {
				c := b[low]
				if !(c < 0x0E || c >= 0xC0 || tc.name == "stopMask" && (c == '.' || c == '!' || c == '?')) {
					t.Fatalf("%s(%q): byte %d (%#x) marked", tc.name, s, low, c)
				}
			}
		}
	}
}

// BenchmarkSplitSentencesVsRef times the sentence splitter and its
// reference on the joined novel.
func BenchmarkSplitSentencesVsRef(b *testing.B) {
	data, err := os.ReadFile("../../../shared/data/novels/pride-and-prejudice/1342-0.txt")
	if err != nil {
		b.Skipf("novel not available (%v)", err)
	}
	text := UnwrapLines(string(data))
	for _, f := range []struct {
		name  string
		split func(string, *rules, []Mention) []Span
	}{{"onepass", splitSentences}, {"ref", splitSentencesRef}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				f.split(text, rulesEN, nil)
			}
		})
	}
}

// BenchmarkUnwrapVsRef times the line joiner and its reference on the
// novel.
func BenchmarkUnwrapVsRef(b *testing.B) {
	data, err := os.ReadFile("../../../shared/data/novels/pride-and-prejudice/1342-0.txt")
	if err != nil {
		b.Skipf("novel not available (%v)", err)
	}
	text := string(data)
	for _, f := range []struct {
		name   string
		unwrap func(string) string
	}{{"new", unwrap}, {"ref", unwrapRef}} {
		b.Run(f.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				f.unwrap(text)
			}
		})
	}
}

// TestIsNFC compares isNFC with norm.NFC.IsNormalString on random texts of
// ASCII, composed and decomposed letters, lone combining marks and Hangul
// jamo (which compose too), at every length around the 8-byte skips and
// the 16-byte ASCII runs.
func TestIsNFC(t *testing.T) {
	pieces := []string{"a", "u", "e", "A", "abcdefgh", "abcdefghijklmnopq", " ", ".", "ü", "u\u0308", "\u0308", "\u0301",
		"e\u0301", "é", "\u0323\u0307", "\u0307\u0323", "Å", "A\u030a", "\u212b", "\u1100", "\u1161", "\u11a8", "가",
		"“", "”", "’", "\u00a0", "…", "ﬁ", "\u2000", "\u2001", "\u2002", "´", "¨", "\u00b4\u0301", "\u2018\u0301", "\u0344", "\u0958", "क\u093c", "\u0f73", "\u2126", "K"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := isNFC(s), norm.NFC.IsNormalString(s); got != want {
			t.Fatalf("isNFC(%+q) = %v, norm.NFC.IsNormalString %v", s, got, want)
		}
	}
}

// TestIsWordRunePunctuation checks the quick answer of isWordRune for
// General Punctuation (U+2000–U+206F) against the Unicode tables.
func TestIsWordRunePunctuation(t *testing.T) {
	for r := rune(0x2000); r <= 0x206F; r++ {
		if want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r); isWordRune(r) != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, !want, want)
		}
	}
}

// TestUnwrapSameAsRef compares the line joiner with its reference on
// random texts (headings, blank lines, every line break) and the novel.
func TestUnwrapSameAsRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	texts := []string{}
	if data, err := os.ReadFile("../../../shared/data/novels/pride-and-prejudice/1342-0.txt"); err == nil {
		texts = append(texts, string(data))
	}
	for range 20000 {
		texts = append(texts, randomText(rng, 1+rng.IntN(40)))
	}
	for _, text := range texts {
		if got, want := unwrap(text), unwrapRef(text); got != want {
			t.Fatalf("unwrap(%q)\n = %q\nwant %q", text, got, want)
		}
	}
}

// TestParagraphsLFSameAsLines checks the flag of unwrapLF (true only when
// every line break of the result is "\n") and compares paragraphsLF with
// paragraphs read line by line, on random texts and their unwrapping.
func TestParagraphsLFSameAsLines(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	checked := 0
	lfPieces := []string{"\n", "\n\n", "\n \n", "Lukas ging.", " ", "\t", "Szene 2", "# Kapitel", "\u00a0", "“Ja”", "x"}
	for i := range 20000 {
		var text string
		if i%2 == 0 {
			text = randomText(rng, 1+rng.IntN(40))
		} else {
			var b strings.Builder
			for range 1 + rng.IntN(30) {
				b.WriteString(lfPieces[rng.IntN(len(lfPieces))])
			}
			text = b.String()
		}
		un, lf := unwrapLF(text)
		if lf {
			checked++
			lines(un, func(l line) bool {
				if l.next >= 0 && (l.next-l.end != 1 || un[l.end] != '\n') {
					t.Fatalf("unwrapLF(%q): lf, but %q is a line break", text, un[l.end:l.next])
				}
				return true
			})
			if got, want := paragraphsLF(un), paragraphs(un, true, false); !slices.Equal(got, want) {
				t.Fatalf("paragraphsLF(%q) = %v, line by line %v", un, got, want)
			}
		}
	}
	if checked < 5000 {
		t.Fatalf("only %d of 20000 texts were read as \\n-only", checked)
	}
}

// compactRosterJSON has first words that begin with ASCII capitals and
// with multi-byte letters (Ölaf, Élise, Ærø), names nested in others
// (Anna, Annabelle, Anna Lena; Bo, Bob), one-letter names (Q, Ö), titles,
// a leading separator
// ("(Ede)") and an Exclude phrase: the candidate words of scanWords must
// find what the automaton over the whole text finds.
const compactRosterJSON = `{
  "format": "relgraph/roster@1",
  "lang": "de",
  "characters": [
    {"id": "anna", "name": "Anna", "aliases": ["Anna Lena"]},
    {"id": "annabelle", "name": "Annabelle"},
    {"id": "bo", "name": "Bo"},
    {"id": "bob", "name": "Bob", "titles": ["Dr."]},
    {"id": "olaf", "name": "Ölaf Ärger", "aliases": ["Ölaf"]},
    {"id": "elise", "name": "Élise", "aliases": ["Ærø"]},
    {"id": "ede", "name": "Eduard", "aliases": ["(Ede)"]},
    {"id": "kathrin", "name": "Kathrin", "titles": ["Frau"]},
    {"id": "q", "name": "Q", "aliases": ["Ö"]}
  ],
  "exclude": ["Bo Bob", "In aller Freundschaft"]
}`

// TestScanWordsSameAsWholeText compares the mentions found through the
// candidate words (scanWords) with those of the automaton over the whole
// text, on random texts, in blocks of several sizes, and on the novel.
func TestScanWordsSameAsWholeText(t *testing.T) {
	small, _, err := roster.Parse("compact", []byte(compactRosterJSON), "")
	if err != nil {
		t.Fatal(err)
	}
	rosters := []*roster.Roster{small}
	if pride, _, err := roster.Load("testdata/pride-roster.json"); err == nil {
		rosters = append(rosters, pride)
	}
	pieces := []string{"Anna", "Annabelle", "Anna Lena", "Anna  Lena", "Bo", "Bob", "Bobs", "Bo Bob", "Dr. Bob", "Dr.Bob",
		"Ölaf", "Ölafs", "Ölaf Ärger", "Élise", "Ærø", "(Ede)", "Ede", "Eduard", "Frau Kathrin", "Kathrins", "In aller Freundschaft",
		"Elizabeth", "Mr. Darcy", "Mrs. Bennet", "Jane’s", "Bennets’", "Lizzy", "Miss Bingley", "Lady Catherine",
		" ", " ", ", ", ". ", "\n", "\n\n", "-", "’", "“", "x", "xAnna", "ÄAnna", "über", "É", "\xc3", "\xff", "A", "Z", "Q", "Qu", "Ö", "Öl", "Q.", "Q’"}
	rng := rand.New(rand.NewPCG(15, 16))
	var texts []string
	for range 3000 {
		texts = append(texts, randomTextOf(rng, pieces, 1+rng.IntN(60)))
	}
	if data, err := os.ReadFile("../../../shared/data/novels/pride-and-prejudice/1342-0.txt"); err == nil {
		texts = append(texts, string(data))
	}
	found := 0
	for _, r := range rosters {
		for _, english := range []bool{false, true} {
			m := newMatcher(r, english)
			if !m.forms.upperHeads {
				t.Fatalf("roster %v: first words are not all capitals: the test does not test scanWords", m.ids)
			}
			for _, text := range texts {
				for _, block := range []int{1 << 20, 5, 64} {
					old := scanBlock
					scanBlock = block
					got := m.find(text)
					scanCompact = false
					want := m.find(text)
					scanCompact = true
					scanBlock = old
					if !slices.Equal(got, want) {
						t.Fatalf("find(%q), blocks of %d: candidate words give %v, whole text %v", text, block, got, want)
					}
					found += len(want)
				}
			}
		}
	}
	if found < 10000 {
		t.Fatalf("only %d mentions found: the texts should name many", found)
	}
	t.Logf("%d mentions compared", found)
}

func randomTextOf(rng *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// BenchmarkFindCompact times the matcher on the novel with its cast, with
// the candidate words of scanWords and with the automaton over the whole
// text.
func BenchmarkFindCompact(b *testing.B) {
	data, err := os.ReadFile("../../../shared/data/novels/pride-and-prejudice/1342-0.txt")
	if err != nil {
		b.Skipf("novel not available (%v)", err)
	}
	r, _, err := roster.Load("testdata/pride-roster.json")
	if err != nil {
		b.Fatal(err)
	}
	text := UnwrapLines(string(data))
	m := newMatcher(r, true)
	for _, compact := range []bool{true, false} {
		b.Run(fmt.Sprint("compact=", compact), func(b *testing.B) {
			scanCompact = compact
			defer func() { scanCompact = true }()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				m.find(text)
			}
		})
	}
}

// TestHeadingWordSameAsHeadingStart compares the quick test of the first
// word with headingStart on words that open headings, words that nearly do
// and prose, in several cases and after "[".
func TestHeadingWordSameAsHeadingStart(t *testing.T) {
	words := []string{"Szene", "Scene", "Auftritt", "Aufzug", "Akt", "Act", "Scena", "Bild", "INT", "EXT", "I",
		"Chapter", "Kapitel", "Book", "Buch", "Teil", "Part", "3", "12", "12A", "IV", "xii", "Erster", "Zweite", "Dritter",
		"Einundzwanzigster", "EINUNDZWANZIGSTE", "zweiundzwanzigsten", "Fünfte", "fünfundzwanzigste", "Letzte", "Hundertste",
		"Und", "und", "Elizabeth", "The", "She", "It", "a", "Ärger", "Über", "“Yes", "’Tis", "_Pride_", "Mr.", "Ex", "Int",
		"Actually", "Acts", "3", "V", "v", "x", "Q", "q", "A", "“", "—", "É", "Bilder", "Chapters", "Dreißigste", "Dreissigste", "Vierzigster", "Sechste", "Siebte", "Siebente"}
	seen := map[string]bool{}
	for _, w := range words {
		for _, rest := range []string{"", " 3", ". Szene", " wohl", ".", "’s", "-Akt"} {
			for _, l := range []string{w + rest, strings.ToLower(w) + rest, strings.ToUpper(w) + rest, "[" + w + rest} {
				want := headingStart(l, sceneWords) || headingStart(l, chapterWords)
				if got := headingWord(l, nil); got != want {
					t.Errorf("headingWord(%q) = %v, headingStart %v", l, got, want)
				}
				if got := headingWord(l, seen); got != want {
					t.Errorf("headingWord(%q) = %v, headingStart %v", l, got, want)
				}
			}
		}
	}
}

// TestHeadingWordNovelSameAsHeadingStart compares headingWord with
// headingStart on the first word of every line of the novel.
func TestHeadingWordNovelSameAsHeadingStart(t *testing.T) {
	data, err := os.ReadFile("../../../shared/data/novels/pride-and-prejudice/1342-0.txt")
	if err != nil {
		t.Skipf("novel not available (%v): the test needs ../shared beside the repository", err)
	}
	text := string(data)
	seen := map[string]bool{}
	lines(text, func(l line) bool {
		c := strings.TrimSpace(text[l.start:l.end])
		want := headingStart(c, sceneWords) || headingStart(c, chapterWords)
		if got := headingWord(c, seen); got != want {
			t.Errorf("headingWord(%q) = %v, headingStart %v", c, got, want)
		}
		return true
	})
}

// TestBlankLine compares blankLine with blank on lines of whitespace of
// every kind, text and broken UTF-8.
func TestBlankLine(t *testing.T) {
	pieces := []string{" ", "\t", "\v", "\f", "\r", "\u0085", "\u00a0", "\u2028", "\u3000", "\uFEFF", "\u200B", "\u200C", "x", "“", "\xff", "\xe2\x80"}
	rng := rand.New(rand.NewPCG(17, 18))
	for range 20000 {
		l := randomTextOf(rng, pieces, rng.IntN(6))
		if got, want := blankLine(l), blank(l); got != want {
			t.Fatalf("blankLine(%+q) = %v, blank %v", l, got, want)
		}
	}
}

// TestRuneCount compares runeCount with utf8.RuneCountInString on random
// texts with multi-byte letters and broken UTF-8.
func TestRuneCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	for range 20000 {
		s := randomText(rng, rng.IntN(30))
		if got, want := runeCount(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("runeCount(%+q) = %d, want %d", s, got, want)
		}
	}
}
