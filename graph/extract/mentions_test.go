package extract_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/roster"
)

// testRosterJSON is a German roster for the mention tests: the seed's
// characters, names ending in x and z, two Bergs sharing the alias "Berg",
// Luka (whose genitive is spelt like Lukas), a name typed with a combining
// diaeresis, a form that starts with a bracket, a form with "!" inside, and
// Exclude phrases that contain a name.
const testRosterJSON = `{
  "format": "relgraph/roster@1",
  "lang": "de",
  "characters": [
    {"id": "achim", "name": "Dr. Achim Kreutzer", "aliases": ["Achim", "Kreutzer", "Achim Kreutzer"], "titles": ["Dr."]},
    {"id": "kathrin", "name": "Dr. Kathrin Globisch", "aliases": ["Kathrin", "Globisch"], "titles": ["Dr."]},
    {"id": "lukas", "name": "Lukas"},
    {"id": "luka", "name": "Luka"},
    {"id": "juergen", "name": "Ju\u0308rgen"},
    {"id": "max", "name": "Max"},
    {"id": "fritz", "name": "Fritz"},
    {"id": "anna", "name": "Anna Berg", "aliases": ["Anna", "Berg"]},
    {"id": "ben", "name": "Ben Berg", "aliases": ["Ben", "Berg"]},
    {"id": "ede", "name": "Eduard", "aliases": ["(Ede)"]},
    {"id": "yahoo", "name": "Yahoo! Inc"}
  ],
  "exclude": ["In aller Freundschaft", "Lukas-Klinik", "Sankt Lukas"]
}`

// englishRosterJSON is a small English roster for the possessive rules.
const englishRosterJSON = `{
  "format": "relgraph/roster@1",
  "lang": "en",
  "characters": [
    {"id": "darcy", "name": "Fitzwilliam Darcy", "aliases": ["Darcy"], "titles": ["Mr."]},
    {"id": "bennet", "name": "Mr. Bennet", "aliases": ["Bennet"]},
    {"id": "james", "name": "James"}
  ]
}`

func parseRoster(t testing.TB, name, js string) (*roster.Roster, []string) {
	t.Helper()
	r, warnings, err := roster.Parse(name, []byte(js), "")
	if err != nil {
		t.Fatalf("roster.Parse(%s): %v", name, err)
	}
	return r, warnings
}

// m is a wanted mention: the character id and the exact text of the span.
type m struct{ id, text string }

func mentionsOf(text string, ms []extract.Mention) []m {
	var out []m
	for _, x := range ms {
		out = append(out, m{x.ID, text[x.Start:x.End]})
	}
	return out
}

func TestFindMentions(t *testing.T) {
	de, _ := parseRoster(t, "test-de", testRosterJSON)
	en, _ := parseRoster(t, "test-en", englishRosterJSON)
	tests := []struct {
		name string
		r    *roster.Roster
		text string
		want []m
	}{
		// Longest match first.
		{"full name with title is one mention", de, "Dr. Achim Kreutzer lacht.", []m{{"achim", "Dr. Achim Kreutzer"}}},
		{"title + surname (roster title × alias)", de, "Dr. Kreutzer lacht.", []m{{"achim", "Dr. Kreutzer"}}},
		{"alias pair, then surname alone", de, "Achim Kreutzer und Kreutzer", []m{{"achim", "Achim Kreutzer"}, {"achim", "Kreutzer"}}},
		{"two names side by side stay two", de, "Als Kathrin und Achim Lukas finden", []m{{"kathrin", "Kathrin"}, {"achim", "Achim"}, {"lukas", "Lukas"}}},
		{"falls back to a shorter form", de, "Achim Kreutzerei", []m{{"achim", "Achim"}}},

		// German genitive.
		{"genitive s", de, "Kathrins Sorge", []m{{"kathrin", "Kathrins"}}},
		{"Achims is a genitive", de, "Achims Rede", []m{{"achim", "Achims"}}},
		{"genitive of a multi-word form", de, "Dr. Kreutzers Rede", []m{{"achim", "Dr. Kreutzers"}}},
		{"genitive of the full name", de, "Dr. Achim Kreutzers Rede", []m{{"achim", "Dr. Achim Kreutzers"}}},
		{"Lukas’ (typographic apostrophe excluded from the span)", de, "Lukas’ Vater", []m{{"lukas", "Lukas"}}},
		{"Lukas' (ASCII apostrophe excluded from the span)", de, "Lukas' Vater", []m{{"lukas", "Lukas"}}},
		{"Max’ (ends in x)", de, "Max’ Hund", []m{{"max", "Max"}}},
		{"Fritz' (ends in z)", de, "Fritz' Hund", []m{{"fritz", "Fritz"}}},
		{"no genitive s after s, x, z", de, "Lukass Maxs Fritzs", nil},
		{"a form beats a genitive of the same length (Lukas, not Luka + s)", de, "Lukas kommt", []m{{"lukas", "Lukas"}}},
		{"genitive of Luka", de, "Lukas Vater und Luka", []m{{"lukas", "Lukas"}, {"luka", "Luka"}}},

		// Whole words.
		{"Lukasz is another name", de, "Lukasz kommt", nil},
		{"Kathrina is another name", de, "Kathrina kommt", nil},
		{"Achimsen is another name", de, "Achimsen kommt", nil},
		{"s + more letters is no genitive", de, "Kathrinsen", nil},
		{"name inside a word", de, "Sachsenklinik Bergbau Maxima", nil},
		{"digits are word characters", de, "Lukas2 2Lukas", nil},
		{"accent after the name (NFC ś)", de, "Lukas\u0301 kommt", nil},
		{"hyphen is a word boundary", de, "Kathrin-Sorge und Eisenbahn-Lukas", []m{{"kathrin", "Kathrin"}, {"lukas", "Lukas"}}},
		{"case-sensitive", de, "LUKAS und lukas", nil},

		// Spaces inside forms.
		{"no-break space inside a form", de, "Dr.\u00a0Kreutzer lacht", []m{{"achim", "Dr.\u00a0Kreutzer"}}},
		{"two spaces inside a form", de, "Dr.  Achim kommt", []m{{"achim", "Dr.  Achim"}}},
		{"a line break never joins a form", de, "Dr.\nKreutzer", []m{{"achim", "Kreutzer"}}},

		// Exclude phrases.
		{"excluded phrase containing a name", de, "Die Lukas-Klinik ruft Lukas.", []m{{"lukas", "Lukas"}}},
		{"excluded two-word phrase", de, "Im Sankt Lukas wartet Lukas", []m{{"lukas", "Lukas"}}},
		{"series title", de, "In aller Freundschaft mit Kathrin", []m{{"kathrin", "Kathrin"}}},

		// Ambiguous alias: "Berg" is claimed by anna and ben and matches neither.
		{"ambiguous alias matches nobody", de, "Berg kommt. Anna Berg geht. Ben lacht.", []m{{"anna", "Anna Berg"}, {"ben", "Ben"}}},

		// Unicode normalisation: the roster spells Jürgen with U+0308.
		{"NFC text, NFD roster", de, "Jürgen kommt", []m{{"juergen", "Jürgen"}}},
		{"NFD text, NFD roster (offsets in the NFC text)", de, "Ju\u0308rgen kommt", []m{{"juergen", "Jürgen"}}},
		{"NFD genitive", de, "Ju\u0308rgens Hund", []m{{"juergen", "Jürgens"}}},

		// Odd forms.
		{"form starting with a bracket", de, "Eduard (Ede) kommt", []m{{"ede", "Eduard"}, {"ede", "(Ede)"}}},
		{"form containing an exclamation mark", de, "Bei Yahoo! Inc arbeitet Kathrin", []m{{"yahoo", "Yahoo! Inc"}, {"kathrin", "Kathrin"}}},

		// English possessives.
		{"en: 's", en, "Darcy's letter", []m{{"darcy", "Darcy"}}},
		{"en: ’s after a title form", en, "Mr. Darcy’s letter", []m{{"darcy", "Mr. Darcy"}}},
		{"en: plural possessive s'", en, "the Bennets' house", []m{{"bennet", "Bennets"}}},
		{"en: plural possessive s’", en, "the Bennets’ house", []m{{"bennet", "Bennets"}}},
		{"en: James' (name ending in s)", en, "James' hat", []m{{"james", "James"}}},
		{"en: no bare s in English", en, "the Darcys came", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := extract.FindMentions(tc.text, tc.r)
			got := mentionsOf(norm.NFC.String(tc.text), ms)
			if !slices.Equal(got, tc.want) {
				t.Errorf("FindMentions(%q)\n got %v\nwant %v", tc.text, got, tc.want)
			}
		})
	}
}

func TestAmbiguousAliasWarning(t *testing.T) {
	// roster.Parse reports the shared alias; FindMentions then ignores it.
	_, warnings := parseRoster(t, "test-de", testRosterJSON)
	want := `test-de: name or alias "Berg" is claimed by anna, ben; it matches none of them`
	if !slices.Contains(warnings, want) {
		t.Errorf("warnings %q, want one %q", warnings, want)
	}
}

// TestFindMentionsLargeRoster checks that a roster of hundreds of
// characters finds exactly the names planted in a text.
func TestFindMentionsLargeRoster(t *testing.T) {
	r := generatedRoster(t, 500)
	var b strings.Builder
	var want []m
	for i := 0; i < 500; i += 7 {
		fmt.Fprintf(&b, "Heute trifft %s die Person %s. ", first(i), last(i+1))
		want = append(want, m{id(i), first(i)}, m{id(i + 1), last(i + 1)})
	}
	got := mentionsOf(b.String(), extract.FindMentions(b.String(), r))
	if !slices.Equal(got, want) {
		t.Errorf("got %d mentions, want %d\n got %v\nwant %v", len(got), len(want), got, want)
	}
}

// overlapRosterJSON has forms whose first words overlap and nest: "Anna"
// is a prefix of "Annabelle", "nabel" lies inside "Annabelle" and ends
// before it, "Anna Lena" extends "Anna", "ANNEMARIE" ends with "MARIE".
// The automaton that finds candidate places reports all of them
// (ahocorasick_lib_test.go); these cases check that a shorter form never
// hides a longer one and that no place inside a word is taken.
const overlapRosterJSON = `{
  "format": "relgraph/roster@1",
  "lang": "de",
  "characters": [
    {"id": "annabelle", "name": "Annabelle"},
    {"id": "anna", "name": "Anna"},
    {"id": "annalena", "name": "Anna Lena"},
    {"id": "belle", "name": "Belle"},
    {"id": "nabel", "name": "nabel"},
    {"id": "annemarie", "name": "ANNEMARIE"},
    {"id": "marie", "name": "MARIE"}
  ]
}`

func TestFindMentionsOverlappingForms(t *testing.T) {
	r, _ := parseRoster(t, "overlap", overlapRosterJSON)
	for _, tc := range []struct {
		text string
		want []m // by the package rules: whole words, longest form first
	}{
		{"Annabelle und Anna.", []m{{"annabelle", "Annabelle"}, {"anna", "Anna"}}},
		{"Anna Lena, Anna, Annabelle", []m{{"annalena", "Anna Lena"}, {"anna", "Anna"}, {"annabelle", "Annabelle"}}},
		{"Annabelles Hut, Annas Hut", []m{{"annabelle", "Annabelles"}, {"anna", "Annas"}}},
		{"Annabellen und Annan", nil},
		{"der nabel, Belle", []m{{"nabel", "nabel"}, {"belle", "Belle"}}},
		{"ANNEMARIE, MARIE, XANNEMARIE", []m{{"annemarie", "ANNEMARIE"}, {"marie", "MARIE"}}},
		{"Anna\nLena", []m{{"anna", "Anna"}}},
	} {
		got := mentionsOf(tc.text, extract.FindMentions(tc.text, r))
		if !slices.Equal(got, tc.want) {
			t.Errorf("FindMentions(%q)\n got %v\nwant %v", tc.text, got, tc.want)
		}
	}
}

// TestFindMentionsBlocks checks that scanning a text in small blocks (cut
// after line breaks) finds the same mentions as in one block.
func TestFindMentionsBlocks(t *testing.T) {
	de, _ := parseRoster(t, "test-de", testRosterJSON)
	text := strings.Repeat("Dr. Achim Kreutzer und Kathrin.\nLukas’ Vater, Eduard (Ede)\n\nJu\u0308rgen, In aller Freundschaft, Lukas-Klinik, Achims Rede. ", 50)
	want := extract.FindMentions(text, de)
	if len(want) < 300 {
		t.Fatalf("%d mentions: the text should have 350", len(want))
	}
	for _, size := range []int{1, 7, 100, 1000} {
		restore := extract.SetScanBlock(size)
		got := extract.FindMentions(text, de)
		restore()
		if !slices.Equal(got, want) {
			t.Errorf("blocks of %d: %d mentions, want %d", size, len(got), len(want))
		}
	}
}
