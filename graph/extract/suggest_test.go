package extract_test

import (
	"slices"
	"testing"

	"github.com/relgraph/relgraph/graph/extract"
)

// TestSuggestSeed: with a roster that knows only Lukas, e01 read by hand
// gives three candidates: Kathrin (11 times, "Dr. Kathrin Globisch"),
// Achim (6, "Dr. Achim Kreutzer") and Friedrich (6, "sein Vater
// Friedrich"). The many capitalised nouns (Krankenhaus, Sohn, Vater, …)
// have no cue; "Vater" before "fragt" follows "seinen" and is a noun.
func TestSuggestSeed(t *testing.T) {
	r, _ := parseRoster(t, "r", `{"format": "relgraph/roster@1", "lang": "de", "characters": [{"id": "lukas", "name": "Lukas"}], "exclude": ["In aller Freundschaft"]}`)
	cs, err := extract.Suggest(readFile(t, "../../data/episodes/e01.txt"), extract.Options{Roster: r}, 0)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		name  string
		count int
		cues  []string
		unit  int
	}
	want := []row{
		{"Kathrin", 11, []string{"title"}, 4},
		{"Achim", 6, []string{"title"}, 2},
		{"Friedrich", 6, []string{"apposition"}, 15},
	}
	if len(cs) != len(want) {
		t.Fatalf("%d candidates %+v, want %d", len(cs), cs, len(want))
	}
	for i, w := range want {
		c := cs[i]
		if c.Name != w.name || c.Count != w.count || !slices.Equal(c.Cues, w.cues) || c.Unit != w.unit {
			t.Errorf("candidate %d: %+v, want %+v", i, c, w)
		}
	}
	// The full roster leaves nothing to suggest.
	cs, _ = extract.Suggest(readFile(t, "../../data/episodes/e01.txt"), extract.Options{Roster: loadSeedRoster(t)}, 0)
	if len(cs) != 0 {
		t.Errorf("with the seed roster: %+v", cs)
	}
}

func TestSuggestCues(t *testing.T) {
	de := `Ein Mann namens Otto kommt. Schwester Greta hilft. „Komm!“, ruft Paul. Der Park ist leer. Otto geht.`
	cs, err := extract.Suggest(de, extract.Options{Lang: "de"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, c := range cs {
		got[c.Name] = c.Cues
	}
	want := map[string][]string{"Otto": {"named"}, "Greta": {"title"}, "Paul": {"speech"}}
	if len(got) != len(want) {
		t.Errorf("candidates %v, want %v", got, want)
	}
	for k, v := range want {
		if !slices.Equal(got[k], v) {
			t.Errorf("%s: cues %v, want %v", k, got[k], v)
		}
	}
	// English: capitalised words not opening a sentence, twice.
	en := `Then Harriet came in. She saw Harriet and Tom. The End.`
	cs, _ = extract.Suggest(en, extract.Options{Lang: "en"}, 0)
	if len(cs) != 1 || cs[0].Name != "Harriet" || cs[0].Count != 2 {
		t.Errorf("English: %+v, want Harriet (2); Tom once and The, End are not", cs)
	}
	if _, err := extract.Suggest("a\xffb", extract.Options{}, 0); err == nil {
		t.Error("invalid UTF-8: no error")
	}
}
