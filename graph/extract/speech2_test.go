package extract_test

import (
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/roster"
)

// speechEnRoster is a small English roster after Pride and Prejudice:
// "Miss Bingley" (Caroline) outmatches "Bingley" (Charles) by length.
const speechEnRoster = `{"format": "relgraph/roster@1", "lang": "en", "characters": [
	{"id": "caroline", "name": "Caroline Bingley", "aliases": ["Miss Bingley"], "gender": "f"},
	{"id": "charles", "name": "Charles Bingley", "aliases": ["Bingley"], "gender": "m"},
	{"id": "elizabeth", "name": "Elizabeth", "gender": "f"},
	{"id": "jane", "name": "Jane", "gender": "f"},
	{"id": "darcy", "name": "Fitzwilliam Darcy", "aliases": ["Darcy"], "titles": ["Mr."], "gender": "m"}]}`

// speechCase is a text read by the speech layer and the edges wanted.
type speechCase struct {
	name, text string
	r          *roster.Roster
	units      int              // speeches
	want       map[string][]int // "source→target": speeches
}

// speechCases are worked by hand (the comments give the reading).
func speechCases(t testing.TB) []speechCase {
	t.Helper()
	en, _ := parseRoster(t, "en.json", speechEnRoster)
	de, _ := parseRoster(t, "de.json", strings.ReplaceAll(speechRoster, "%s", "de"))
	data, err := os.ReadFile("../../data/characters.json")
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := parseRoster(t, "characters.json", string(data))
	return []speechCase{
		{"hard-wrapped prose", // the tester's text
			// 1: said Miss⏎Bingley: the lines are joined, so the speaker is
			//    Caroline ("Miss Bingley"), not Charles ("Bingley"); "to
			//    Elizabeth" names the addressee.
			// 2: Elizabeth replies to the previous speaker, Caroline.
			"\"I do not like her at all,\" said Miss\nBingley to Elizabeth when they were\nalone.\n\n\"Nor I,\" replied Elizabeth.\n",
			en, 2, map[string][]int{"caroline→elizabeth": {1}, "elizabeth→caroline": {2}}},
		{"play with blank lines keeps its labels",
			// The blank line after the heading would make the lines soft
			// wraps; the labels keep them: ANNA speaks (1), names and
			// addresses Ben; BEN speaks (2) to Anna.
			"## Szene 1\n\nANNA. Ben, komm\nschnell.\nBEN. Ja.\n",
			de, 2, map[string][]int{"anna→ben": {1}, "ben→anna": {2}}},
		{"German addressee (seed roster)",
			// 1: Friedrich asks, names Lukas.
			// 2: "sagt Achim zu Kathrin": Kathrin is addressed, not
			//    Friedrich (the previous speaker).
			// 3: "Kathrin sagt zu Dr. Kreutzer:": Kathrin to Achim.
			"„Wo ist Lukas?“, fragt Friedrich.\n„Das glaube ich nicht“, sagt Achim zu Kathrin.\nKathrin sagt zu Dr. Kreutzer: „Doch.“\n",
			seed, 3, map[string][]int{"friedrich→lukas": {1}, "achim→kathrin": {2}, "kathrin→achim": {3}}},
		{"English addressee and split quotations",
			// 1: “…,” cried Elizabeth, “…”: one speech of Elizabeth, whose
			//    second part names Bingley (the roster's Charles).
			// 2: “…,” returned Darcy to Jane: to Jane, not to Elizabeth.
			// 3: “…,” said Jane. “…”: the second quotation continues Jane's
			//    speech and names Mr. Darcy; Jane also replies to Darcy.
			// 4: “Yes,” said Jane.  5: “No,” said Elizabeth: the second
			//    quotation has an attribution of its own, so two speeches;
			//    4 replies to Jane herself (no edge), 5 to Jane.
			"“Then I shall go,” cried Elizabeth, “and find Bingley.”\n\n" +
				"“You are too kind,” returned Darcy to Jane.\n\n" +
				"“Not at all,” said Jane. “Mr. Darcy knows it.”\n\n" +
				"“Yes,” said Jane. “No,” said Elizabeth.\n",
			en, 5, map[string][]int{"elizabeth→charles": {1}, "darcy→jane": {2}, "jane→darcy": {3}, "elizabeth→jane": {5}}},
		{"other name between quotations",
			// 1: “Go,” said Jane to Elizabeth; the next quotation follows
			//    a sentence naming Darcy, so it does not continue the
			//    speech, and it has no attribution of its own.
			"“Go,” said Jane to Elizabeth, and Darcy left. “Now.”\n",
			en, 1, map[string][]int{"jane→elizabeth": {1}}},
	}
}

// TestSpeechRules: hard-wrapped prose, explicit addressees, split
// quotations; ExtractReader gives Extract's graph.
func TestSpeechRules(t *testing.T) {
	for _, tc := range speechCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			opt := extract.Options{Roster: tc.r, Layer: extract.LayerSpeech, Episode: graph.Episode{ID: "x"}}
			g, _, err := extract.Extract(tc.text, opt)
			if err != nil {
				t.Fatal(err)
			}
			if err := g.Validate(); err != nil {
				t.Fatal(err)
			}
			got := map[string][]int{}
			for _, e := range g.Edges {
				got[e.Source+"→"+e.Target] = e.Units
				for _, ev := range e.Evidence {
					if len(ev.Mentions) == 0 {
						t.Errorf("%s→%s unit %d: no mention spans in %q", e.Source, e.Target, ev.Unit, ev.Text)
					}
					checkSpans(t, ev)
				}
			}
			if !maps.EqualFunc(got, tc.want, slices.Equal) {
				t.Errorf("edges %v, want %v", got, tc.want)
			}
			if g.Episode.Units != tc.units {
				t.Errorf("%d speeches, want %d", g.Episode.Units, tc.units)
			}
			rg, _, err := extract.ExtractReader(strings.NewReader(tc.text), opt)
			if err != nil {
				t.Fatal(err)
			}
			if a, b := graphJSON(t, rg), graphJSON(t, g); a != b {
				t.Errorf("ExtractReader's graph differs from Extract's:\n%s", firstDiff(a, b))
			}
		})
	}
}

// checkSpans checks that every mention span of ev lies in its text and
// covers a name (its first code point is a capital letter).
func checkSpans(t *testing.T, ev graph.Evidence) {
	t.Helper()
	runes := []rune(ev.Text)
	for _, m := range ev.Mentions {
		if m.Start < 0 || m.End > len(runes) || m.Start >= m.End || !strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZ", runes[m.Start]) {
			t.Errorf("unit %d: span %v does not cover a name of %q", ev.Unit, m, ev.Text)
		}
	}
}

// TestSpeechHardWrapEvidence: the evidence of wrapped prose has no line
// break, and the speech sits in one evidence text with its attribution.
func TestSpeechHardWrapEvidence(t *testing.T) {
	tc := speechCases(t)[0]
	g, _, err := extract.Extract(tc.text, extract.Options{Roster: tc.r, Layer: extract.LayerSpeech})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{ // the texts, joined by hand
		"caroline→elizabeth": "\"I do not like her at all,\" said Miss Bingley to Elizabeth",
		"elizabeth→caroline": "\"Nor I,\" replied Elizabeth",
	}
	for _, e := range g.Edges {
		if len(e.Evidence) != 1 || e.Evidence[0].Text != want[e.Source+"→"+e.Target] {
			t.Errorf("%s→%s: evidence %+v, want %q", e.Source, e.Target, e.Evidence, want[e.Source+"→"+e.Target])
		}
	}
}

// TestSpeechCRLF: a CRLF text gives the graph of its LF twin byte for
// byte (evidence texts and spans included), in prose and in a play, with
// a play speech long enough to be cut (MaxEvidenceText) and a lone CR.
func TestSpeechCRLF(t *testing.T) {
	cases := speechCases(t)
	long := "## Szene 1\n\nANNA. Ben, hör zu.\n" + strings.Repeat("Cleo kommt heute nicht mehr, sagt sie.\n", 40) + "BEN. Ja, Anna.\n"
	cases = append(cases, speechCase{name: "long play speech", text: long, r: cases[1].r})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opt := extract.Options{Roster: tc.r, Layer: extract.LayerSpeech, Episode: graph.Episode{ID: "x"}}
			lf, _, err := extract.Extract(tc.text, opt)
			if err != nil {
				t.Fatal(err)
			}
			for _, eol := range []string{"\r\n", "\r"} {
				g, _, err := extract.Extract(strings.ReplaceAll(tc.text, "\n", eol), opt)
				if err != nil {
					t.Fatal(err)
				}
				if a, b := graphJSON(t, g), graphJSON(t, lf); a != b {
					t.Errorf("%q text: graph differs from the LF text's:\n%s", eol, firstDiff(a, b))
				}
			}
		})
	}
}

// TestSpeechNovelMentions: on Pride and Prejudice the speech layer finds
// the mentions the co-occurrence layer finds (both join the hard-wrapped
// lines, so "Mrs.⏎Bennet" is a mention), and its evidence has no line
// break.
func TestSpeechNovelMentions(t *testing.T) {
	data, err := os.ReadFile(novelPath)
	if err != nil {
		t.Skipf("novel not available (%v): the test needs ../shared beside the repository", err)
	}
	r, _ := parseRoster(t, "pride-roster.json", readFile(t, "testdata/pride-roster.json"))
	counts := func(layer string) (map[string]int, *graph.Graph) {
		g, _, err := extract.Extract(string(data), extract.Options{Roster: r, Layer: layer})
		if err != nil {
			t.Fatal(err)
		}
		c := map[string]int{}
		for _, n := range g.Nodes {
			c[n.ID] = n.Mentions
		}
		return c, g
	}
	co, _ := counts(extract.LayerCooccurrence)
	sp, g := counts(extract.LayerSpeech)
	if !maps.Equal(sp, co) {
		t.Errorf("speech layer mentions %v, co-occurrence layer %v", sp, co)
	}
	for _, e := range g.Edges {
		for _, ev := range e.Evidence {
			if strings.ContainsAny(ev.Text, "\r\n") {
				t.Errorf("%s→%s unit %d: a line break in %q", e.Source, e.Target, ev.Unit, ev.Text)
			}
		}
	}
}

// FuzzSpeechCRLF checks the speech layer on any text: a valid graph, spans
// inside their evidence, and the graph of the CRLF twin equal to the LF
// text's (DESIGN: CRLF is handled silently).
func FuzzSpeechCRLF(f *testing.F) {
	for _, tc := range speechCases(f) {
		f.Add(tc.text, uint8(0))
	}
	f.Add("## Szene 1\n\nANNA. „Ben“, sagt Cleo zu Anna, „komm.“\nBEN. Ja.\n", uint8(1))
	f.Add("„Wo?“, fragt Anna zu\nBen. „Hier“, sagt Ben zu Cleo.\n\n„Ja“, sagt Cleo.", uint8(1))
	en, _ := parseRoster(f, "en.json", speechEnRoster)
	de, _ := parseRoster(f, "de.json", strings.ReplaceAll(speechRoster, "%s", "de"))
	rosters := []*roster.Roster{en, de}
	f.Fuzz(func(t *testing.T, text string, which uint8) {
		if !utf8.ValidString(text) || strings.Contains(text, "\r") {
			return
		}
		opt := extract.Options{Roster: rosters[int(which)%len(rosters)], Layer: extract.LayerSpeech, Coref: extract.Coref(int(which/2) % 3)}
		lf, _, err := extract.Extract(text, opt)
		if err != nil {
			t.Fatal(err)
		}
		if err := lf.Validate(); err != nil {
			t.Fatal(err)
		}
		for _, e := range lf.Edges {
			for _, ev := range e.Evidence {
				n := utf8.RuneCountInString(ev.Text)
				for _, m := range ev.Mentions {
					if m.Start < 0 || m.End > n || m.Start >= m.End {
						t.Fatalf("span %v outside %d code points of %q", m, n, ev.Text)
					}
				}
			}
		}
		crlf, _, err := extract.Extract(strings.ReplaceAll(text, "\n", "\r\n"), opt)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := graphJSON(t, crlf), graphJSON(t, lf); a != b {
			t.Fatalf("the CRLF text's graph differs from the LF text's:\n%s", firstDiff(a, b))
		}
	})
}
