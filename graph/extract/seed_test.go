package extract_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/roster"
)

// The seed tests below come from reading the episode texts by hand,
// sentence by sentence, before running the code. Only names count: a
// pronoun ("Er", "sie", "ihm"), a kinship phrase ("seinen Vater", "ihren
// Sohn", "Mutter und Sohn") or a role ("der Junge", "des Jungen") names
// nobody, because v0 resolves no coreference. The series title "In aller
// Freundschaft" is an Exclude phrase of the roster.

// handUnit is one sentence of an episode as read by hand.
type handUnit struct {
	start string         // the first words of the sentence, as in the text
	names map[string]int // character id → number of times the sentence names them
}

// handGraph is what a hand reading says Extract must return.
type handGraph struct {
	units    []handUnit
	mentions map[string]int // node id → mentions (sum of the units' counts)
	edges    []handEdge     // sorted by (source, target)
}

type handEdge struct {
	source, target string
	units          []int  // the sentences naming both (weight = len(units))
	relation       string // from characters.json relationships
}

// e01Hand is the reading of data/episodes/e01.txt (the seed synopsis: four
// lines, 27 sentences).
var e01Hand = handGraph{
	units: []handUnit{
		// Line 1.
		/* 1 */ {"An einem ruhigen Morgen", nil}, // "die Ärzte und Krankenschwestern": nobody by name
		/* 2 */ {"Dr. Achim Kreutzer, der gerade", map[string]int{"achim": 1}}, // "Dr. Achim Kreutzer" is one mention
		/* 3 */ {"Er beschließt, mit seinen Kollegen", nil}, // "Er" = Achim, a pronoun: not counted
		// Line 2.
		/* 4 */ {"Unterdessen, in der Notaufnahme, steht Dr. Kathrin Globisch", map[string]int{"kathrin": 1}}, // "ihren Sohn": not a name
		/* 5 */ {"Ein kleiner Junge namens Lukas", map[string]int{"lukas": 1}},
		/* 6 */ {"Lukas ist der einzige Sohn von Kathrin", map[string]int{"lukas": 1, "kathrin": 2}}, // "Lukas", "Kathrin" twice ("von Kathrin", "dem Kathrin ihm erzählt"); "seinen Vater" not counted
		/* 7 */ {"Als sie Lukas untersucht, stellt Kathrin fest", map[string]int{"lukas": 1, "kathrin": 1}}, // "sie" = Kathrin, pronoun
		/* 8 */ {"Allerdings bleibt der Schmerz des Jungen", map[string]int{"kathrin": 1}}, // "des Jungen" = Lukas, role: not counted
		/* 9 */ {"Ein Gespräch zwischen Mutter und Sohn", map[string]int{"lukas": 1}}, // "Mutter und Sohn", "sein Vater": not counted
		/* 10 */ {"Diese Wahrheit verwirrt", nil}, // "den Jungen": not counted
		// Line 3.
		/* 11 */ {"In der Zwischenzeit bereitet sich Achim", map[string]int{"achim": 1, "kathrin": 1}}, // "Achim", "von Kathrin"
		/* 12 */ {"Sie teilt ihm ihre Sorgen um Lukas", map[string]int{"lukas": 1, "achim": 1}}, // "Sie" = Kathrin, "ihm" = Achim: pronouns; "Lukas", "bittet Achim"
		/* 13 */ {"Als enger Freund schlägt Achim vor, Kathrin", map[string]int{"achim": 1, "kathrin": 1}},
		/* 14 */ {"Lukas, der sich vor der Wahrheit", map[string]int{"lukas": 1}}, // "seinem Vater": not counted
		/* 15 */ {"Er geht zu einer Eisenbahnmodell-Ausstellung", map[string]int{"friedrich": 1}}, // "Er" = Lukas: pronoun; "sein Vater Friedrich": the name counts
		/* 16 */ {"Dort trifft Lukas erstmals auf Friedrich", map[string]int{"lukas": 1, "friedrich": 1}},
		/* 17 */ {"Die beiden sprechen miteinander", map[string]int{"lukas": 1}}, // "als Lukas seinen Vater fragt": only Lukas by name
		/* 18 */ {"Friedrich, voller Bedauern", map[string]int{"friedrich": 1, "lukas": 1}},
		/* 19 */ {"Als Kathrin und Achim Lukas finden", map[string]int{"kathrin": 1, "achim": 1, "lukas": 1}}, // "Achim Lukas" is two names; "der Junge" not counted
		/* 20 */ {"Zu Hause entscheidet Kathrin, mit Lukas", map[string]int{"kathrin": 1, "lukas": 1, "friedrich": 1}}, // "Trennung von Friedrich"
		/* 21 */ {"Obwohl es schmerzhaft ist, beginnt Lukas", map[string]int{"lukas": 1}}, // "beide Eltern": not counted
		// Line 4.
		/* 22 */ {"Am Ende der Episode", map[string]int{"kathrin": 1, "lukas": 1, "achim": 1}}, // "erscheinen Kathrin und Lukas zusammen mit Achim"
		/* 23 */ {"Die warme Atmosphäre der Feier", nil},
		/* 24 */ {"Auch Friedrich kommt", map[string]int{"friedrich": 1}},
		/* 25 */ {"Er weiß, dass er Zeit und Geduld", nil}, // "Er" = Friedrich, "seinem Sohn" = Lukas: not counted
		/* 26 */ {"Die Serie endet mit einem Bild von Lukas, Kathrin und Friedrich", map[string]int{"lukas": 1, "kathrin": 1, "friedrich": 1}},
		/* 27 */ {"In aller Freundschaft ist nicht nur", nil}, // the series title (Exclude); "die Familie": nobody
	},
	// achim: sentences 2, 11, 12, 13, 19, 22 = 6.
	// friedrich: 15, 16, 18, 20, 24, 26 = 6.
	// kathrin: 4, 6 (twice), 7, 8, 11, 13, 19, 20, 22, 26 = 11.
	// lukas: 5, 6, 7, 9, 12, 14, 16, 17, 18, 19, 20, 21, 22, 26 = 14.
	mentions: map[string]int{"achim": 6, "friedrich": 6, "kathrin": 11, "lukas": 14},
	edges: []handEdge{
		{"achim", "kathrin", []int{11, 13, 19, 22}, "enge Freunde"},
		{"achim", "lukas", []int{12, 19, 22}, ""}, // no roster relationship
		{"friedrich", "kathrin", []int{20, 26}, "getrennte Eltern"},
		{"friedrich", "lukas", []int{16, 18, 20, 26}, "Vater/Sohn"},
		{"kathrin", "lukas", []int{6, 7, 19, 20, 22, 26}, "Mutter/Sohn"},
		// achim–friedrich: never in one sentence (no edge).
	},
}

// e02Hand is the reading of data/episodes/e02.txt (the illustrative
// follow-up: four lines, 10 sentences). Friedrich does not appear; Dr.
// Hannah Winter is new.
var e02Hand = handGraph{
	units: []handUnit{
		// Line 1.
		/* 1 */ {"Am 3. Mai, drei Wochen nach dem Fest", nil}, // "3. Mai" is an ordinal date: no sentence end
		/* 2 */ {"Dr. Achim Kreutzer leitet nun", map[string]int{"achim": 1, "hannah": 1}}, // "Dr. Achim Kreutzer", "Dr. Hannah Winter": one mention each
		// Line 2.
		/* 3 */ {"Hannah übernimmt die Nachsorge von Lukas", map[string]int{"hannah": 1, "lukas": 1}},
		/* 4 */ {"Kathrins Sorge wächst, doch Dr. Winter", map[string]int{"kathrin": 1, "hannah": 1}}, // genitive "Kathrins"; title+surname "Dr. Winter"; "z. B." ends nothing
		/* 5 */ {"Lukas’ Vertrauen zu Hannah", map[string]int{"lukas": 1, "hannah": 1}}, // genitive "Lukas’"; "er", "ihr", "seinem Vater": not counted
		// Line 3.
		/* 6 */ {"Achim bemerkt, dass Kathrin", map[string]int{"achim": 1, "kathrin": 1}},
		/* 7 */ {"Kathrin nimmt das Angebot an", map[string]int{"kathrin": 1, "lukas": 1}},
		/* 8 */ {"Am Abend sitzen Achim und Hannah", map[string]int{"achim": 1, "hannah": 1}}, // "u. a." ends nothing
		// Line 4.
		/* 9 */ {"Kathrin dankt Achim", map[string]int{"kathrin": 1, "achim": 1}},
		/* 10 */ {"Hannah schreibt in ihren Bericht", map[string]int{"hannah": 1, "lukas": 1}},
	},
	// achim: 2, 6, 8, 9 = 4. hannah: 2, 3, 4, 5, 8, 10 = 6.
	// kathrin: 4, 6, 7, 9 = 4. lukas: 3, 5, 7, 10 = 4.
	mentions: map[string]int{"achim": 4, "hannah": 6, "kathrin": 4, "lukas": 4},
	edges: []handEdge{
		{"achim", "hannah", []int{2, 8}, "Kollegen"},
		{"achim", "kathrin", []int{6, 9}, "enge Freunde"},
		{"hannah", "kathrin", []int{4}, ""},
		{"hannah", "lukas", []int{3, 5, 10}, ""},
		{"kathrin", "lukas", []int{7}, "Mutter/Sohn"},
	},
}

func loadSeedRoster(t testing.TB) *roster.Roster {
	t.Helper()
	r, _, err := roster.Load("../../data/characters.json")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSeedEpisodes(t *testing.T) {
	r := loadSeedRoster(t)
	for _, tc := range []struct {
		file string
		hand handGraph
	}{
		{"../../data/episodes/e01.txt", e01Hand},
		{"../../data/episodes/e02.txt", e02Hand},
	} {
		t.Run(tc.file, func(t *testing.T) {
			text := readFile(t, tc.file)
			checkHandReading(t, tc.hand)
			g, warnings, err := extract.Extract(text, extract.Options{Roster: r, Episode: graph.Episode{ID: "x", Source: tc.file}})
			if err != nil {
				t.Fatal(err)
			}
			if len(warnings) != 0 {
				t.Errorf("warnings: %q", warnings)
			}
			if err := g.Validate(); err != nil {
				t.Fatal(err)
			}

			// Units: the sentence starts of the hand reading.
			units := extract.Sentences(text, "de")
			if g.Episode.Units != len(tc.hand.units) || len(units) != len(tc.hand.units) {
				t.Fatalf("units: graph %d, Sentences %d, hand reading %d", g.Episode.Units, len(units), len(tc.hand.units))
			}
			if g.Episode.Unit != "sentence" || g.Episode.ID != "x" || g.Episode.Source != tc.file {
				t.Errorf("episode %+v", g.Episode)
			}
			ms := extract.FindMentions(text, r)
			for i, u := range units {
				s := text[u.Start:u.End]
				if !strings.HasPrefix(s, tc.hand.units[i].start) {
					t.Errorf("unit %d is %q, hand reading starts %q", i+1, s, tc.hand.units[i].start)
				}
				got := map[string]int{}
				for _, mn := range ms {
					if mn.Start >= u.Start && mn.End <= u.End {
						got[mn.ID]++
					}
				}
				if !mapsEqual(got, tc.hand.units[i].names) {
					t.Errorf("unit %d %q: mentions %v, hand reading %v", i+1, s, got, tc.hand.units[i].names)
				}
			}

			// Nodes: names, mention counts, attributes from the roster.
			var ids []string
			for _, n := range g.Nodes {
				ids = append(ids, n.ID)
				c, _ := r.Character(n.ID)
				if n.Mentions != tc.hand.mentions[n.ID] {
					t.Errorf("node %s: %d mentions, hand reading %d", n.ID, n.Mentions, tc.hand.mentions[n.ID])
				}
				if n.Name != c.Name || n.Attributes["gender"] != c.Gender || n.Attributes["role"] != c.Attributes["role"] {
					t.Errorf("node %s: name %q attributes %v, roster %q %q %v", n.ID, n.Name, n.Attributes, c.Name, c.Gender, c.Attributes)
				}
			}
			if want := sortedKeys(tc.hand.mentions); !slices.Equal(ids, want) {
				t.Errorf("nodes %v, hand reading %v", ids, want)
			}

			// Edges: weight, units, relation; evidence for all (≤ 20) units.
			if len(g.Edges) != len(tc.hand.edges) {
				t.Errorf("%d edges, hand reading %d", len(g.Edges), len(tc.hand.edges))
			}
			for i := range min(len(g.Edges), len(tc.hand.edges)) {
				e, w := g.Edges[i], tc.hand.edges[i]
				if e.Source != w.source || e.Target != w.target || e.Weight != float64(len(w.units)) ||
					!slices.Equal(e.Units, w.units) || e.Relation != w.relation {
					t.Errorf("edge %d: %s–%s weight %v units %v relation %q\n hand reading %s–%s weight %d units %v relation %q",
						i, e.Source, e.Target, e.Weight, e.Units, e.Relation, w.source, w.target, len(w.units), w.units, w.relation)
				}
				if len(e.Evidence) != len(e.Units) {
					t.Errorf("edge %s–%s: %d evidence, want one per unit (%d)", e.Source, e.Target, len(e.Evidence), len(e.Units))
				}
				for k, ev := range e.Evidence {
					if ev.Unit != e.Units[k] || ev.Text != text[units[ev.Unit-1].Start:units[ev.Unit-1].End] {
						t.Errorf("edge %s–%s evidence %d: unit %d text %q", e.Source, e.Target, k, ev.Unit, ev.Text)
					}
					// Both characters, each as often as the hand reading names them.
					want := tc.hand.units[ev.Unit-1].names[e.Source] + tc.hand.units[ev.Unit-1].names[e.Target]
					if len(ev.Mentions) != want {
						t.Errorf("edge %s–%s unit %d: %d mention spans, hand reading %d", e.Source, e.Target, ev.Unit, len(ev.Mentions), want)
					}
				}
			}
			checkEvidence(t, g, r)
		})
	}
}

// checkHandReading checks the hand reading against itself: node mentions
// are the sums of the sentence counts, and each edge's units are the
// sentences naming both ends. A slip in the arithmetic fails here, apart
// from any code.
func checkHandReading(t *testing.T, h handGraph) {
	t.Helper()
	sum := map[string]int{}
	pairs := map[[2]string][]int{}
	for i, u := range h.units {
		ids := sortedKeys(u.names)
		for k, a := range ids {
			sum[a] += u.names[a]
			for _, b := range ids[k+1:] {
				pairs[[2]string{a, b}] = append(pairs[[2]string{a, b}], i+1)
			}
		}
	}
	if !mapsEqual(sum, h.mentions) {
		t.Errorf("hand reading: mention sums %v, written %v", sum, h.mentions)
	}
	if len(pairs) != len(h.edges) {
		t.Errorf("hand reading: %d pairs in the sentences, %d edges written", len(pairs), len(h.edges))
	}
	for _, e := range h.edges {
		if got := pairs[[2]string{e.source, e.target}]; !slices.Equal(got, e.units) {
			t.Errorf("hand reading: %s–%s sentences %v, written %v", e.source, e.target, got, e.units)
		}
	}
}

// checkEvidence checks every evidence span: inside the evidence text, in
// order, and the code-point slice it names is a form of the edge's source
// or target, possibly followed by the genitive "s" (whitespace runs read
// as one space, as forms match them).
func checkEvidence(t testing.TB, g *graph.Graph, r *roster.Roster) {
	t.Helper()
	for _, e := range g.Edges {
		forms := append(slices.Clone(r.Forms(e.Source)), r.Forms(e.Target)...)
		for _, ev := range e.Evidence {
			runes := []rune(ev.Text)
			prev := 0
			for _, sp := range ev.Mentions {
				if sp.Start < prev || sp.End <= sp.Start || sp.End > len(runes) {
					t.Fatalf("edge %s–%s unit %d: span %v outside %d code points or out of order", e.Source, e.Target, ev.Unit, sp, len(runes))
				}
				prev = sp.End
				s := strings.Join(strings.Fields(string(runes[sp.Start:sp.End])), " ")
				if !slices.Contains(forms, s) && !slices.Contains(forms, strings.TrimSuffix(s, "s")) {
					t.Errorf("edge %s–%s unit %d: span %v is %q, not a form of either (%q)", e.Source, e.Target, ev.Unit, sp, s, forms)
				}
			}
			if len(ev.Mentions) < 2 {
				t.Errorf("edge %s–%s unit %d: %d mention spans, want at least 2", e.Source, e.Target, ev.Unit, len(ev.Mentions))
			}
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func sortedKeys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestSeedEvidenceOffsets spells out one evidence entry of the seed: unit 6
// "Lukas ist der einzige Sohn von Kathrin, doch … von dem Kathrin ihm …",
// whose spans were counted by hand in code points.
func TestSeedEvidenceOffsets(t *testing.T) {
	r := loadSeedRoster(t)
	g, _, err := extract.Extract(readFile(t, "../../data/episodes/e01.txt"), extract.Options{Roster: r, MaxEvidence: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Edges {
		if e.Source != "kathrin" || e.Target != "lukas" {
			continue
		}
		ev := e.Evidence
		// "Lukas" = [0,5); "Lukas ist der einzige Sohn von " is 31 code
		// points, so "Kathrin" = [31,38); the second "Kathrin" follows
		// ", doch er ist immer neugierig auf seinen Vater, von dem " (56
		// code points) at 38+56 = 94: [94,101).
		want := []graph.Mention{{Start: 0, End: 5}, {Start: 31, End: 38}, {Start: 94, End: 101}}
		if len(ev) != 1 || ev[0].Unit != 6 || !slices.Equal(ev[0].Mentions, want) {
			t.Errorf("kathrin–lukas evidence %+v, want unit 6 spans %v", ev, want)
		}
		return
	}
	t.Fatal("no kathrin–lukas edge")
}

// TestSeedEvidenceCodePoints uses a unit with umlauts before the names, so
// bytes and code points differ: e02 unit 4 "Kathrins Sorge wächst, doch Dr.
// Winter …": "Kathrins" = [0,8); "Kathrins Sorge wächst, doch " is 28 code
// points (29 bytes), so "Dr. Winter" = [28,38).
func TestSeedEvidenceCodePoints(t *testing.T) {
	r := loadSeedRoster(t)
	g, _, err := extract.Extract(readFile(t, "../../data/episodes/e02.txt"), extract.Options{Roster: r})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Edges {
		if e.Source == "hannah" && e.Target == "kathrin" {
			want := []graph.Mention{{Start: 0, End: 8}, {Start: 28, End: 38}}
			if len(e.Evidence) != 1 || !slices.Equal(e.Evidence[0].Mentions, want) {
				t.Errorf("hannah–kathrin evidence %+v, want spans %v", e.Evidence, want)
			}
			if n := utf8.RuneCountInString(e.Evidence[0].Text); n >= len(e.Evidence[0].Text) {
				t.Errorf("unit 4 should contain multi-byte characters")
			}
			return
		}
	}
	t.Fatal("no hannah–kathrin edge")
}
