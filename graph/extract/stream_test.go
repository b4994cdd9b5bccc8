package extract_test

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/formats"
	"github.com/relgraph/relgraph/graph/roster"
)

// streamCase is a text and a roster to extract in memory and streamed.
type streamCase struct {
	name string
	text string
	r    *roster.Roster
	// small texts are also read one byte at a time and with every unit
	// and coreference mode; large ones with fewer combinations.
	small bool
}

// streamCases collects the test inputs: the seed episodes, the texts of
// the fuzz seeds and corpus with the three fuzz rosters, crafted texts for
// the edges of chunking (CRLF, CR, BOM, NFD, long lines, headings, no
// blank line), and, when ../shared is there, Pride and Prejudice and a
// printed GerDraCor play.
func streamCases(t *testing.T) []streamCase {
	seed := loadSeedRoster(t)
	de, _ := parseRoster(t, "test-de", testRosterJSON)
	en, _ := parseRoster(t, "test-en", englishRosterJSON)
	var cs []streamCase
	add := func(name, text string, r *roster.Roster) {
		cs = append(cs, streamCase{name, text, r, len(text) < 20000})
	}
	for _, e := range []string{"e01", "e02"} {
		text := readFile(t, "../../data/episodes/"+e+".txt")
		add(e, text, seed)
		add(e+"-crlf", strings.ReplaceAll(text, "\n", "\r\n"), seed)
		add(e+"-cr", strings.ReplaceAll(text, "\n", "\r"), seed)
		add(e+"-bom-paragraphs", "\uFEFF"+strings.ReplaceAll(text, "\n", "\n\n"), seed)
		add(e+"-wrapped", wrap(strings.ReplaceAll(text, "\n", "\n\n"), 40), seed)
		add(e+"-scenes", "# Szene 1\n\n"+strings.Replace(strings.ReplaceAll(text, "\n", "\n\n"), ". ", ".\n\nSzene 2\nErster Auftritt\n\n", 3), seed)
	}
	fuzzTexts := []string{
		"",
		"\n\n  \n",
		"Dr. Achim Kreutzer und Kathrin. Lukas’ Vater Friedrich!",
		"Am 3. Mai kam Lukas. Am 3.5.2024 ging Kathrin. Im 19. Jahrhundert, z. B. Achim, u. a. Friedrich.",
		"„Wo ist Lukas?“ Kathrin weint.\r\nAchims Rede\u2028Friedrichs Zug",
		"Ju\u0308rgen und Lukas\u0301 und Kathrin-Sorge\n\nJu\u0308rgen und Max.",
		"Bei Yahoo! Inc arbeitet Kathrin. Eduard (Ede) und Berg, Anna Berg.",
		"In aller Freundschaft mit Lukas in der Lukas-Klinik im Sankt Lukas.\n\nIn aller\nFreundschaft Lukas und Achim.",
		"Mr. Darcy’s letter to Mr. Bennet. The Bennets' house; James' hat.\n\nMr.\nDarcy and James.",
		"Dr.\u00a0Kreutzer  und  Dr.\nKreutzer … Dann etc. Dann usw. Dann",
		"\uFEFF. . . ! ? …",
		"Kathrin\nAchim\u2028\v0",
		"Lukas\n\nKathrin\n\n\n\nAchim Kathrin\v\nLukas\f\n\nAnna\u2029\n\nBen Anna",
		"Lukas und Kathrin.\n\nLukas\xffKathrin",
	}
	if dir := "testdata/fuzz/FuzzExtract"; true {
		files, _ := filepath.Glob(dir + "/*")
		for _, f := range files {
			data := readFile(t, f)
			for _, l := range strings.Split(data, "\n") {
				if q, ok := strings.CutPrefix(l, "string("); ok {
					if s, err := strconv.Unquote(strings.TrimSuffix(q, ")")); err == nil {
						fuzzTexts = append(fuzzTexts, s)
					}
				}
			}
		}
	}
	for i, text := range fuzzTexts {
		for j, r := range []*roster.Roster{seed, de, en} {
			add("fuzz"+strconv.Itoa(i)+"-"+strconv.Itoa(j), text, r)
		}
	}
	// A line longer than the reader's buffer, and an invalid byte far in.
	long := strings.Repeat("Lukas sieht Kathrin an. ", 5000)
	add("long-line", "Achim.\n\n"+long+"\n\nAchim und Lukas.", seed)
	add("invalid-late", strings.Repeat("Lukas und Kathrin.\n\n", 3000)+"Achim \xc3( und Lukas.\n", seed)
	add("no-blank-line", strings.Repeat("Lukas und Kathrin.\nAchim.\n", 2000), seed)

	if data, err := os.ReadFile(novelPath); err == nil {
		pride, _, err := roster.Load("testdata/pride-roster.json")
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, streamCase{name: "pride", text: string(data), r: pride})
		small, _ := parseRoster(t, "pride-small", strings.Replace(prideRosterJSON, `"lang": "en",`, "", 1))
		cs = append(cs, streamCase{name: "pride-detect", text: string(data), r: small})
	} else {
		t.Logf("Pride and Prejudice not available (%v): the test runs without it", err)
	}
	if data, err := os.ReadFile(gerdracor + "lessing-emilia-galotti.xml"); err == nil {
		play, err := extract.ParseTEI("emilia", data)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, streamCase{name: "emilia-print", text: printPlay(t, data), r: castRoster(t, play)})
	} else {
		t.Logf("GerDraCor not available (%v): the test runs without the printed play", err)
	}
	return cs
}

// wrap hard-wraps every line of text at about width bytes (at spaces), as
// an e-text is.
func wrap(text string, width int) string {
	var b strings.Builder
	for i, l := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := 0
		for j, w := range strings.Split(l, " ") {
			if j > 0 {
				if n+len(w) > width {
					b.WriteByte('\n')
					n = 0
				} else {
					b.WriteByte(' ')
				}
			}
			b.WriteString(w)
			n += len(w) + 1
		}
	}
	return b.String()
}

// graphJSON is the relgraph JSON of g, as the CLI writes it.
func graphJSON(t *testing.T, g *graph.Graph) string {
	t.Helper()
	var b bytes.Buffer
	if err := formats.WriteJSON(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestExtractReaderSameGraph checks that ExtractReader gives Extract's
// graph byte for byte, its warnings and its errors, on every input of
// streamCases, for every unit of plain text, coreference mode and
// evidence setting, with chunks as small as possible (every place where a
// chunk may end is used), middling and of the default size, and with a
// reader that returns one byte at a time.
func TestExtractReaderSameGraph(t *testing.T) {
	units := []string{"sentence", "paragraph", "scene", "window:1", "window:15", "window:300"}
	corefs := []extract.Coref{extract.CorefNone, extract.CorefPronouns, extract.CorefRoles}
	for _, tc := range streamCases(t) {
		for _, unit := range units {
			for _, coref := range corefs {
				for _, maxEv := range []int{0, -1, 2} {
					if !tc.small && (maxEv != 0 || (coref == extract.CorefPronouns)) {
						continue
					}
					if testing.Short() && !tc.small && coref != extract.CorefNone {
						continue
					}
					u, err := extract.ParseUnit(unit)
					if err != nil {
						t.Fatal(err)
					}
					opt := extract.Options{Roster: tc.r, Unit: u, Coref: coref, MaxEvidence: maxEv,
						Episode: graph.Episode{ID: "x", Source: tc.name}}
					name := tc.name + "/" + unit + "/" + coref.String() + "/ev" + strconv.Itoa(maxEv)
					want, wantWarn, wantErr := extract.Extract(tc.text, opt)
					sizes := []int{1, 4096, extract.ChunkSize}
					if !tc.small {
						sizes = []int{1} // every place where a chunk may end
					}
					for _, size := range sizes {
						readers := []func() io.Reader{func() io.Reader { return strings.NewReader(tc.text) }}
						if tc.small && size == 1 {
							readers = append(readers, func() io.Reader { return iotest.OneByteReader(strings.NewReader(tc.text)) })
						}
						for ri, rd := range readers {
							restore := extract.SetChunkSize(size)
							got, gotWarn, gotErr := extract.ExtractReader(rd(), opt)
							restore()
							where := name + "/chunk" + strconv.Itoa(size) + "/reader" + strconv.Itoa(ri)
							if (gotErr == nil) != (wantErr == nil) || (gotErr != nil && gotErr.Error() != wantErr.Error()) {
								t.Fatalf("%s: error %v, Extract's %v", where, gotErr, wantErr)
							}
							if wantErr != nil {
								continue
							}
							if strings.Join(gotWarn, "\n") != strings.Join(wantWarn, "\n") {
								t.Fatalf("%s: warnings %q, Extract's %q", where, gotWarn, wantWarn)
							}
							if g, w := graphJSON(t, got), graphJSON(t, want); g != w {
								t.Fatalf("%s: graph differs from Extract's:\n%s", where, firstDiff(g, w))
							}
						}
					}
				}
			}
		}
	}
}

// firstDiff shows where two strings part, with some context.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-300)
	return "streamed: …" + a[lo:min(len(a), i+300)] + "\nExtract:  …" + b[lo:min(len(b), i+300)]
}

// TestExtractReaderSpeech checks the speech layer (read whole, then
// Extract) and the option errors.
func TestExtractReaderSpeech(t *testing.T) {
	seed := loadSeedRoster(t)
	text := readFile(t, "../../data/episodes/e01.txt")
	opt := extract.Options{Roster: seed, Layer: extract.LayerSpeech, Coref: extract.CorefPronouns}
	want, _, err := extract.Extract(text, opt)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := extract.ExtractReader(strings.NewReader(text), opt)
	if err != nil {
		t.Fatal(err)
	}
	if graphJSON(t, got) != graphJSON(t, want) {
		t.Fatal("speech layer: streamed graph differs")
	}
	for _, bad := range []extract.Options{
		{},
		{Roster: seed, Unit: extract.UnitSpec{Kind: extract.UnitTEI}},
		{Roster: seed, Unit: extract.UnitSpec{Kind: extract.UnitWindow, N: 0}},
		{Roster: seed, Layer: "speech", Unit: extract.UnitSpec{Kind: extract.UnitScene}},
		{Roster: seed, Lang: "fr"},
	} {
		_, _, err1 := extract.Extract("Lukas\xff", bad)
		_, _, err2 := extract.ExtractReader(strings.NewReader("Lukas\xff"), bad)
		if err1 == nil || err2 == nil || err1.Error() != err2.Error() {
			t.Errorf("options %+v: ExtractReader error %v, Extract's %v", bad, err2, err1)
		}
	}
	// A reading error is returned as it is.
	_, _, err = extract.ExtractReader(iotest.ErrReader(io.ErrUnexpectedEOF), extract.Options{Roster: seed})
	if err != io.ErrUnexpectedEOF {
		t.Errorf("reading error: got %v", err)
	}
}

// TestExtractReaderRandom builds random texts from pieces that matter to
// the chunk rules (blank lines, headings, speaker labels, names, pronouns,
// descriptors, CRLF and other line breaks, quotations, NFD letters) and
// compares ExtractReader with Extract for every unit and coreference mode,
// with the smallest chunks.
func TestExtractReaderRandom(t *testing.T) {
	seed := loadSeedRoster(t)
	pieces := []string{
		"Lukas", "Kathrin", "Achim", "Friedrich", "Dr. Kreutzer", " ", " ", " ", "und", "sagt", "er", "sie", "ihn", "ihr",
		"seinen Vater", "der Junge", ". ", "! ", "? ", "„Komm!“", ", ", "\n", "\n", "\n\n", "\r\n", "\r\n\r\n", "\n \n",
		"\nSzene 2\n", "\n# Erster Akt\n", "\nErster Auftritt\n\n", "\nLUKAS. ", "\nKathrin: ", "\u2028", "\v", "\uFEFF",
		"Ju\u0308rgen", "Chapter I.\n", "Mr.", "z. B.", "…", "Lukas’", "Kathrins",
	}
	rng := rand.New(rand.NewPCG(7, 8))
	units := []string{"sentence", "paragraph", "scene", "window:3"}
	corefs := []extract.Coref{extract.CorefNone, extract.CorefPronouns, extract.CorefRoles}
	n := 300
	if testing.Short() {
		n = 50
	}
	for round := range n {
		var b strings.Builder
		for range rng.IntN(200) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		for _, unit := range units {
			u, _ := extract.ParseUnit(unit)
			for _, coref := range corefs {
				opt := extract.Options{Roster: seed, Unit: u, Coref: coref}
				want, wantWarn, wantErr := extract.Extract(text, opt)
				restore := extract.SetChunkSize(1)
				got, gotWarn, gotErr := extract.ExtractReader(strings.NewReader(text), opt)
				restore()
				if (gotErr == nil) != (wantErr == nil) {
					t.Fatalf("round %d %s/%s: error %v, Extract's %v\ntext %q", round, unit, coref, gotErr, wantErr, text)
				}
				if wantErr != nil {
					continue
				}
				if strings.Join(gotWarn, "\n") != strings.Join(wantWarn, "\n") {
					t.Fatalf("round %d %s/%s: warnings %q, Extract's %q\ntext %q", round, unit, coref, gotWarn, wantWarn, text)
				}
				if g, w := graphJSON(t, got), graphJSON(t, want); g != w {
					t.Fatalf("round %d %s/%s: graph differs\n%s\ntext %q", round, unit, coref, firstDiff(g, w), text)
				}
			}
		}
	}
}
