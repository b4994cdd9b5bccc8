package extract_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph/extract"
)

// The coreference readings below apply the rules of the package
// documentation by hand, sentence by sentence, to the seed episodes: a
// pronoun goes to the most recent character of its gender in the same
// sentence, else in the previous one (names and earlier resolved mentions
// both count as "mentioned"), never to one named earlier in its own clause
// if it is a personal (not possessive, not reflexive) pronoun; a personal pronoun that opens its sentence
// continues the first character of its gender in the previous sentence
// (its subject, as centering theory has it); "sie" is feminine, "ihr…"
// feminine unless a plural cue ("beide", "Eltern", …) stands before it in
// its clause, "sein…" masculine; "es" and plural "ihnen" are never
// resolved. With roles, a
// possessive + kinship noun goes through the roster relationships, and
// the roster descriptors ("der Junge", "des Jungen", "sein Vater", …)
// name their character.
//
// Where the rule and a careful reader disagree, the test asserts the rule
// and the comment says what a reader would say: these cases are the known
// limits of recency-based resolution.

// corefReading is one sentence's resolved mentions, as "surface→id".
type corefReading map[int][]string

// e01Pronouns is e01 with --coref pronouns (sentences without pronouns
// that resolve are left out).
var e01Pronouns = corefReading{
	3:  {"Er→achim", "seinen→achim", "seiner→achim"}, // previous sentence: Achim
	4:  {"ihre→kathrin", "ihren→kathrin"},
	6:  {"er→lukas", "seinen→lukas", "ihm→lukas", "er→lukas"}, // the last "er" (…dass er gestorben sei) is really the father: recency picks Lukas
	7:  {"sie→kathrin"},                                       // from sentence 6
	9:  {"sein→lukas"},
	11: {"seine→achim", "er→achim"},
	12: {"Sie→kathrin", "ihm→achim", "ihre→kathrin"}, // "Sie" opens the sentence: not the formal address
	13: {"sie→kathrin"},
	14: {"seinem→lukas"},
	15: {"Er→lukas", "sein→lukas"},   // sentence-initial "Er" continues the first man of 14 (its subject)
	17: {"seinen→lukas", "er→lukas"}, // "warum er nicht … geblieben ist" is the father: recency picks Lukas
	18: {"er→lukas"},
	20: {"ihm→lukas"},
	21: {"ihn→lukas"}, // "beide Eltern … auf ihre Weise": "ihre" after the plural cue "beide" is plural, left unresolved
	25: {"Er→friedrich", "er→friedrich", "seinem→friedrich"},
}

// e01Roles is e01 with --coref roles.
var e01Roles = corefReading{
	3:  {"Er→achim", "seinen→achim", "seiner→achim"},                                     // "seinen Kollegen": Achim has no male colleague in the roster
	4:  {"ihre→kathrin", "ihren→kathrin", "Sohn→lukas"},                                  // Kathrin's male child
	6:  {"er→lukas", "seinen→lukas", "Vater→friedrich", "ihm→friedrich", "er→friedrich"}, // "ihm" is Lukas really; "er" now correctly the father
	7:  {"sie→kathrin"},
	8:  {"des Jungen→lukas"}, // descriptor
	9:  {"sein→lukas", "Vater→friedrich"},
	10: {"den Jungen→lukas"},
	11: {"seine→achim", "er→achim"},
	12: {"Sie→kathrin", "ihm→achim", "ihre→kathrin"},
	13: {"sie→kathrin"},
	14: {"seinem→lukas", "Vater→friedrich"},
	15: {"Er→lukas", "sein→lukas", "Vater→friedrich"}, // "Er" continues the subject of 14 (Lukas), not its more recent "seinem Vater"; then "sein Vater" is Lukas's father
	17: {"seinen→lukas", "Vater→friedrich", "er→friedrich"},
	18: {"er→lukas"},
	19: {"der Junge→lukas"},
	20: {"ihm→lukas"},
	21: {"ihn→lukas"},
	25: {"Er→friedrich", "er→friedrich", "seinem→friedrich", "Sohn→lukas"},
}

// e02Pronouns is e02 with --coref pronouns. Every resolved pronoun stands
// in a sentence that names its character already, so the weights are those
// of --coref none.
var e02Pronouns = corefReading{
	4:  {"sie→kathrin"}, // "Kathrins Sorge wächst, doch Dr. Winter beruhigt sie": Dr. Winter is named in sie's own clause, so the most recent woman before it
	5:  {"er→lukas", "ihr→hannah", "seinem→lukas"},
	6:  {"ihr→kathrin", "ihrer→kathrin"},
	9:  {"seine→achim"},
	10: {"ihren→hannah"},
}

// e02Roles adds "seinem Vater" (Lukas's father) to e02Pronouns.
var e02Roles = corefReading{
	4:  {"sie→kathrin"},
	5:  {"er→lukas", "ihr→hannah", "seinem→lukas", "Vater→friedrich"},
	6:  {"ihr→kathrin", "ihrer→kathrin"},
	9:  {"seine→achim"},
	10: {"ihren→hannah"},
}

// corefWeights are the edges each reading gives: the sentences whose names
// and resolved mentions include both characters (checked against the
// readings by TestSeedCoref itself before the code is asked).
var corefWeights = map[string]map[string][]int{
	"e01/pronouns": {
		"achim–kathrin":     {11, 12, 13, 19, 22},
		"achim–lukas":       {12, 19, 22},
		"friedrich–kathrin": {20, 26},
		"friedrich–lukas":   {15, 16, 18, 20, 26},
		"kathrin–lukas":     {6, 7, 12, 19, 20, 22, 26},
	},
	"e01/roles": {
		"achim–kathrin":     {11, 12, 13, 19, 22},
		"achim–lukas":       {12, 19, 22},
		"friedrich–kathrin": {6, 20, 26},
		"friedrich–lukas":   {6, 9, 14, 15, 16, 17, 18, 20, 25, 26},
		"kathrin–lukas":     {4, 6, 7, 8, 12, 19, 20, 22, 26},
	},
	"e02/pronouns": {
		"achim–hannah":   {2, 8},
		"achim–kathrin":  {6, 9},
		"hannah–kathrin": {4},
		"hannah–lukas":   {3, 5, 10},
		"kathrin–lukas":  {7},
	},
	"e02/roles": {
		"achim–hannah":     {2, 8},
		"achim–kathrin":    {6, 9},
		"friedrich–hannah": {5},
		"friedrich–lukas":  {5},
		"hannah–kathrin":   {4},
		"hannah–lukas":     {3, 5, 10},
		"kathrin–lukas":    {7},
	},
}

func TestSeedCoref(t *testing.T) {
	r := loadSeedRoster(t)
	for _, tc := range []struct {
		name    string
		file    string
		hand    handGraph
		mode    extract.Coref
		reading corefReading
	}{
		{"e01/pronouns", "../../data/episodes/e01.txt", e01Hand, extract.CorefPronouns, e01Pronouns},
		{"e01/roles", "../../data/episodes/e01.txt", e01Hand, extract.CorefRoles, e01Roles},
		{"e02/pronouns", "../../data/episodes/e02.txt", e02Hand, extract.CorefPronouns, e02Pronouns},
		{"e02/roles", "../../data/episodes/e02.txt", e02Hand, extract.CorefRoles, e02Roles},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := readFile(t, tc.file)
			// The reading's own arithmetic: names of the hand reading plus
			// the resolved characters, pairs per sentence.
			want := corefWeights[tc.name]
			derived := map[string][]int{}
			for i, u := range tc.hand.units {
				chars := map[string]bool{}
				for id := range u.names {
					chars[id] = true
				}
				for _, s := range tc.reading[i+1] {
					_, id, _ := strings.Cut(s, "→")
					chars[id] = true
				}
				ids := slices.Sorted(maps.Keys(chars))
				for k, a := range ids {
					for _, b := range ids[k+1:] {
						derived[a+"–"+b] = append(derived[a+"–"+b], i+1)
					}
				}
			}
			if !maps.EqualFunc(derived, want, slices.Equal) {
				t.Fatalf("hand reading: the sentences give %v, the weights written are %v", derived, want)
			}

			ms, sentences, err := extract.AllMentions(text, extract.Options{Roster: r, Coref: tc.mode})
			if err != nil {
				t.Fatal(err)
			}
			got := corefReading{}
			si := 0
			for _, m := range ms {
				for sentences[si].End <= m.Start {
					si++
				}
				if m.Resolved == "" {
					continue
				}
				if m.Resolved != extract.ResolvedPronoun && m.Resolved != extract.ResolvedRole {
					t.Errorf("mention %q resolved as %q", text[m.Start:m.End], m.Resolved)
				}
				got[si+1] = append(got[si+1], text[m.Start:m.End]+"→"+m.ID)
			}
			for i := range len(sentences) {
				if !slices.Equal(got[i+1], tc.reading[i+1]) {
					t.Errorf("sentence %d: resolved %q, hand reading %q", i+1, got[i+1], tc.reading[i+1])
				}
			}

			g, _, err := extract.Extract(text, extract.Options{Roster: r, Coref: tc.mode})
			if err != nil {
				t.Fatal(err)
			}
			gotEdges := map[string][]int{}
			for _, e := range g.Edges {
				gotEdges[e.Source+"–"+e.Target] = e.Units
				if e.Weight != float64(len(e.Units)) {
					t.Errorf("%s–%s weight %v, %d units", e.Source, e.Target, e.Weight, len(e.Units))
				}
			}
			if !maps.EqualFunc(gotEdges, want, slices.Equal) {
				t.Errorf("edges %v\nhand reading %v", gotEdges, want)
			}
			// Resolved mentions are marked in the evidence.
			marked := 0
			for _, e := range g.Edges {
				for _, ev := range e.Evidence {
					runes := []rune(ev.Text)
					for _, sp := range ev.Mentions {
						if sp.Resolved != "" {
							marked++
							if s := string(runes[sp.Start:sp.End]); !strings.Contains(fmt.Sprint(tc.reading[ev.Unit]), s+"→") {
								t.Errorf("unit %d: resolved span %q not in the reading %q", ev.Unit, s, tc.reading[ev.Unit])
							}
						}
					}
				}
			}
			if marked == 0 {
				t.Error("no evidence span is marked as resolved")
			}
		})
	}
}

// TestSeedCorefNoneUnchanged: --coref none is the default and gives the
// graph of the hand reading in seed_test.go.
func TestSeedCorefNoneUnchanged(t *testing.T) {
	r := loadSeedRoster(t)
	text := readFile(t, "../../data/episodes/e01.txt")
	a, _, _ := extract.Extract(text, extract.Options{Roster: r})
	b, _, _ := extract.Extract(text, extract.Options{Roster: r, Coref: extract.CorefNone, Unit: extract.UnitSpec{Kind: extract.UnitSentence}})
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Error("explicit defaults differ from the zero Options")
	}
}

// TestCorefRules covers the pronoun rules on small texts.
func TestCorefRules(t *testing.T) {
	de, _ := parseRoster(t, "de", `{"format": "relgraph/roster@1", "lang": "de", "characters": [
		{"id": "anna", "name": "Anna", "gender": "f"},
		{"id": "ben", "name": "Ben", "gender": "m"},
		{"id": "cleo", "name": "Cleo"},
		{"id": "dora", "name": "Dora", "gender": "f"},
		{"id": "emil", "name": "Emil", "gender": "m"},
		{"id": "jonas", "name": "Jonas", "gender": "m"}],
		"relationships": [{"source": "dora", "target": "jonas", "type": "parent"}, {"source": "anna", "target": "ben", "type": "parent"}, {"source": "dora", "target": "ben", "type": "sibling"}]}`)
	en, _ := parseRoster(t, "en", `{"format": "relgraph/roster@1", "lang": "en", "characters": [
		{"id": "anna", "name": "Anna", "gender": "f"},
		{"id": "ben", "name": "Ben", "gender": "m"},
		{"id": "sam", "name": "Sam", "gender": "x"},
		{"id": "cleo", "name": "Cleo", "gender": "f"}],
		"relationships": [{"source": "anna", "target": "ben", "type": "partner"}]}`)
	tests := []struct {
		name string
		text string
		mode extract.Coref
		en   bool
		want []string // resolved mentions in order
	}{
		{"gender picks the antecedent", "Anna trifft Ben. Er lacht, sie nicht.", extract.CorefPronouns, false, []string{"Er→ben", "sie→anna"}},
		{"only the previous sentence", "Anna kommt. Es regnet. Sie lacht.", extract.CorefPronouns, false, nil},
		{"unknown gender never resolves", "Cleo kommt. Sie lacht.", extract.CorefPronouns, false, nil},
		{"formal Sie mid-sentence is not resolved", "Anna sagt: Kommen Sie mit.", extract.CorefPronouns, false, nil},
		{"capitalised after an opening quote", "Ben nickt. Anna ruft: „Er kommt!“", extract.CorefPronouns, false, []string{"Er→ben"}},
		{"plural ihnen is never resolved", "Anna hilft ihnen.", extract.CorefPronouns, false, nil},
		{"none resolves nothing", "Anna trifft Ben. Er lacht.", extract.CorefNone, false, nil},
		{"kinship through the roster", "Ben wartet. Sein Vater kommt nicht, seine Mutter schon.", extract.CorefRoles, false, []string{"Sein→ben", "seine→ben", "Mutter→anna"}},
		{"sibling by gender", "Ben ruft seine Schwester.", extract.CorefRoles, false, []string{"seine→ben", "Schwester→dora"}},
		{"kinship only with roles", "Ben ruft seine Schwester.", extract.CorefPronouns, false, []string{"seine→ben"}},
		{"English he/her", "Anna met Ben. He smiled at her.", extract.CorefPronouns, true, []string{"He→ben", "her→anna"}},
		{"English singular they for gender x", "Sam came in. They sat down.", extract.CorefPronouns, true, []string{"They→sam"}},
		{"English kinship", "Anna waited for her husband.", extract.CorefRoles, true, []string{"her→anna", "husband→ben"}},
		{"sentence-initial pronoun continues the subject", "Ben sucht Dora und Anna. Sie lacht.", extract.CorefPronouns, false, []string{"Sie→dora"}},
		{"mid-sentence pronoun takes the most recent", "Ben sucht Dora und Anna, doch sie lacht.", extract.CorefPronouns, false, []string{"sie→anna"}},
		{"not a character of its own clause", "Annas Sorge wächst, doch Dora beruhigt sie.", extract.CorefPronouns, false, []string{"sie→anna"}},
		{"possessives may name their clause's subject", "Dora ruft ihre Katze.", extract.CorefPronouns, false, []string{"ihre→dora"}},
		{"ihr after a plural cue stays plural", "Ben weiß, dass beide Eltern ihre Arbeit lieben.", extract.CorefPronouns, false, nil},
		{"English reflexives bind in their clause", "Anna met Ben. Ben blamed himself.", extract.CorefPronouns, true, []string{"himself→ben"}},
		{"English object pronoun skips its clause", "Ben met Anna. Anna thanked him.", extract.CorefPronouns, true, []string{"him→ben"}},
		{"English subject pronoun may be its clause's character", "Cleo left early. Anna said she was tired.", extract.CorefPronouns, true, []string{"she→anna"}},
		{"English her as object", "Cleo smiled. Anna liked her.", extract.CorefPronouns, true, []string{"her→cleo"}},
		{"English her as object before the", "Cleo came. Anna told her the news.", extract.CorefPronouns, true, []string{"her→cleo"}},
		{"English her as determiner", "Anna came. Ben met her brother.", extract.CorefPronouns, true, []string{"her→anna"}},
		{"German sein as a verb", "Ben ruft an. Anna will ehrlich sein.", extract.CorefPronouns, false, nil},
		{"German zu sein", "Ben lacht. Anna scheint froh zu sein, sein Hund auch.", extract.CorefPronouns, false, []string{"sein→ben"}},
		{"German ihr as dative object", "Dora lacht. Anna sagt ihr, dass sie gehen muss.", extract.CorefPronouns, false, []string{"ihr→dora", "sie→dora"}},
		{"two pronouns of one clause differ", "Emil sagt Ben, dass er ihn liebt.", extract.CorefPronouns, false, []string{"er→ben", "ihn→emil"}},
		{"coordinated names make ihre plural", "Dora spielt. Ben und Anna holen ihre Jacken.", extract.CorefPronouns, false, nil},
		{"und opens a clause", "Anna kommt und Dora beruhigt sie.", extract.CorefPronouns, false, []string{"sie→anna"}},
		{"a genitive is no subject", "Annas Tochter Dora lacht. Sie ist froh.", extract.CorefPronouns, false, []string{"Sie→dora"}},
		{"genitive name and kinship", "Annas Sohn lacht. Bens Schwester auch.", extract.CorefRoles, false, []string{"Sohn→ben", "Schwester→dora"}},
		{"genitive name and kinship needs roles", "Annas Sohn lacht.", extract.CorefPronouns, false, nil},
		{"English possessive name and kinship", "Ben's wife smiled.", extract.CorefRoles, true, []string{"wife→anna"}},
		{"apostrophe genitive and kinship", "Jonas’ Mutter ruft.", extract.CorefRoles, false, []string{"Mutter→dora"}},
		{"the possessor whose kin the roster knows", "Ben trifft Dora und Anna. Ihr Bruder lacht.", extract.CorefRoles, false, []string{"Ihr→dora", "Bruder→ben"}},
		{"a prepositional object is no subject", "Nach dem Streit mit Emil geht Ben heim. Er ist traurig.", extract.CorefPronouns, false, []string{"Er→ben"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := de
			if tc.en {
				r = en
			}
			ms, _, err := extract.AllMentions(tc.text, extract.Options{Roster: r, Coref: tc.mode})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range ms {
				if m.Resolved != "" {
					got = append(got, tc.text[m.Start:m.End]+"→"+m.ID)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("resolved %q, want %q", got, tc.want)
			}
		})
	}
}
