package extract_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/extract"
)

// edgeSummary is "source–target:weight" for compact comparisons.
func edgeSummary(g *graph.Graph) []string {
	var out []string
	for _, e := range g.Edges {
		out = append(out, e.Source+"–"+e.Target+":"+strings.Repeat("|", int(e.Weight)))
	}
	return out
}

func TestExtractRules(t *testing.T) {
	de, _ := parseRoster(t, "test-de", testRosterJSON)
	tests := []struct {
		name     string
		text     string
		units    int
		mentions map[string]int
		edges    []string // source–target:weight in tally marks
	}{
		{"a character twice in a unit adds nothing more",
			"Lukas sieht Lukas und Kathrin.", 1,
			map[string]int{"lukas": 2, "kathrin": 1}, []string{"kathrin–lukas:|"}},
		{"one character alone: a node, no self-loop",
			"Lukas und Lukas.", 1, map[string]int{"lukas": 2}, nil},
		{"each unit adds 1 per pair",
			"Lukas trifft Kathrin. Kathrin trifft Lukas. Lukas geht.", 3,
			map[string]int{"lukas": 3, "kathrin": 2}, []string{"kathrin–lukas:||"}},
		{"three characters make three pairs",
			"Achim, Kathrin und Lukas.", 1,
			map[string]int{"achim": 1, "kathrin": 1, "lukas": 1},
			[]string{"achim–kathrin:|", "achim–lukas:|", "kathrin–lukas:|"}},
		{"a line break separates units", "Lukas\nKathrin", 2,
			map[string]int{"lukas": 1, "kathrin": 1}, nil},
		{"no unit ends inside a mention (Yahoo! Inc)",
			"Kathrin arbeitet bei Yahoo! Inc seit Jahren.", 1,
			map[string]int{"kathrin": 1, "yahoo": 1}, []string{"kathrin–yahoo:|"}},
		{"excluded phrase names nobody",
			"Kathrin arbeitet in der Lukas-Klinik.", 1,
			map[string]int{"kathrin": 1}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, _, err := extract.Extract(tc.text, extract.Options{Roster: de})
			if err != nil {
				t.Fatal(err)
			}
			if err := g.Validate(); err != nil {
				t.Fatal(err)
			}
			if g.Episode.Units != tc.units {
				t.Errorf("units %d, want %d", g.Episode.Units, tc.units)
			}
			got := map[string]int{}
			for _, n := range g.Nodes {
				got[n.ID] = n.Mentions
			}
			if !mapsEqual(got, tc.mentions) {
				t.Errorf("mentions %v, want %v", got, tc.mentions)
			}
			if es := edgeSummary(g); !slices.Equal(es, tc.edges) {
				t.Errorf("edges %v, want %v", es, tc.edges)
			}
			checkEvidence(t, g, de)
		})
	}
	// The Yahoo case splits in two without the mentions.
	if n := len(extract.Sentences("Kathrin arbeitet bei Yahoo! Inc seit Jahren.", "de")); n != 2 {
		t.Errorf("Sentences: %d units, want 2 (the break Extract suppresses)", n)
	}
}

func TestExtractEmpty(t *testing.T) {
	r := loadSeedRoster(t)
	for _, tc := range []struct {
		name, text, warning string
		units               int
	}{
		{"empty", "", "no text", 0},
		{"whitespace", " \n\t\r\n \u00a0", "no text", 0},
		{"byte order mark only", "\uFEFF\n", "no text", 0},
		{"no roster name", "Ein Tag im Krankenhaus. Niemand kommt.", "no character of the roster is mentioned", 2},
		{"only the excluded title", "In aller Freundschaft", "no character of the roster is mentioned", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, warnings, err := extract.Extract(tc.text, extract.Options{Roster: r, Episode: graph.Episode{ID: "e9"}})
			if err != nil {
				t.Fatal(err)
			}
			if len(warnings) != 1 || !strings.Contains(warnings[0], tc.warning) {
				t.Errorf("warnings %q, want one containing %q", warnings, tc.warning)
			}
			if g.Nodes == nil || g.Edges == nil || len(g.Nodes) != 0 || len(g.Edges) != 0 {
				t.Errorf("graph %+v, want empty (non-nil) nodes and edges", g)
			}
			if g.Episode.ID != "e9" || g.Episode.Unit != "sentence" || g.Episode.Units != tc.units {
				t.Errorf("episode %+v, want id e9, unit sentence, %d units", g.Episode, tc.units)
			}
			b, _ := json.Marshal(g)
			if !strings.Contains(string(b), `"nodes":[]`) {
				t.Errorf("JSON %s: want \"nodes\":[]", b)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	r := loadSeedRoster(t)
	for _, tc := range []struct {
		name string
		text string
		opt  extract.Options
		want string
	}{
		{"invalid UTF-8", "Lukas\xffkommt", extract.Options{Roster: r}, "invalid UTF-8 at byte offset 5 (line 1, column 6)"},
		// Line 2 starts at byte 8 (after "Kathrin\n"); "ü" is two bytes but one column.
		{"invalid UTF-8 on line 2", "Kathrin\nüb\xc3(", extract.Options{Roster: r}, "invalid UTF-8 at byte offset 11 (line 2, column 3)"},
		{"invalid UTF-8 after CR line ends", "Kathrin\rAchim\r\nüb\xc3(", extract.Options{Roster: r}, "invalid UTF-8 at byte offset 18 (line 3, column 3)"},
		{"nil roster", "Lukas", extract.Options{}, "Options.Roster is nil"},
		{"unknown language", "Lukas", extract.Options{Roster: r, Lang: "fr"}, `unknown language "fr"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, _, err := extract.Extract(tc.text, tc.opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) || g != nil {
				t.Errorf("Extract(%q) = %v, %v; want error containing %q", tc.text, g, err, tc.want)
			}
		})
	}
}

func TestExtractMaxEvidence(t *testing.T) {
	r := loadSeedRoster(t)
	text := strings.Repeat("Lukas und Kathrin. ", 25)
	for _, tc := range []struct {
		max, want int
	}{
		{0, 20}, // default
		{-1, 0}, // none
		{1, 1},
		{30, 25}, // all units
	} {
		g, _, err := extract.Extract(text, extract.Options{Roster: r, MaxEvidence: tc.max})
		if err != nil {
			t.Fatal(err)
		}
		e := g.Edges[0]
		if e.Weight != 25 || len(e.Units) != 25 || len(e.Evidence) != tc.want {
			t.Errorf("MaxEvidence %d: weight %v, %d units, %d evidence; want 25, 25, %d", tc.max, e.Weight, len(e.Units), len(e.Evidence), tc.want)
		}
		for i, ev := range e.Evidence {
			if ev.Unit != i+1 {
				t.Errorf("MaxEvidence %d: evidence %d is unit %d, want the first units in order", tc.max, i, ev.Unit)
			}
		}
	}
}

// TestExtractNormalisation: the seed typed in NFD and with CRLF line ends
// gives the same graph as the file, with NFC evidence.
func TestExtractNormalisation(t *testing.T) {
	r := loadSeedRoster(t)
	text := readFile(t, "../../data/episodes/e01.txt")
	want, _, err := extract.Extract(text, extract.Options{Roster: r})
	if err != nil {
		t.Fatal(err)
	}
	for name, variant := range map[string]string{
		"NFD":  norm.NFD.String(text),
		"CRLF": strings.ReplaceAll(text, "\n", "\r\n"),
	} {
		if variant == text {
			t.Fatalf("%s: variant equals the text", name)
		}
		got, _, err := extract.Extract(variant, extract.Options{Roster: r})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: graph differs from the file's", name)
		}
	}
}

func TestExtractDeterministic(t *testing.T) {
	r := loadSeedRoster(t)
	text := readFile(t, "../../data/episodes/e01.txt") + "\n" + readFile(t, "../../data/episodes/e02.txt")
	var first []byte
	for i := range 5 {
		g, w, err := extract.Extract(text, extract.Options{Roster: r})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(struct {
			G *graph.Graph
			W []string
		}{g, w})
		if i == 0 {
			first = b
		} else if string(b) != string(first) {
			t.Fatal("two runs differ")
		}
	}
}

// TestExtractAttributesCopied: changing a node's attributes leaves the
// roster alone, nested values included.
func TestExtractAttributesCopied(t *testing.T) {
	r, _ := parseRoster(t, "attr", `{"format": "relgraph/roster@1", "characters": [
		{"id": "a", "name": "Anna", "gender": "f", "attributes": {"role": "Ärztin", "tags": ["x"], "more": {"k": 1}}},
		{"id": "b", "name": "Ben", "attributes": {"gender": "from attributes"}},
		{"id": "c", "name": "Carl"}]}`)
	g, _, err := extract.Extract("Anna, Ben und Carl.", extract.Options{Roster: r})
	if err != nil {
		t.Fatal(err)
	}
	a, b, c := g.Nodes[0], g.Nodes[1], g.Nodes[2]
	if a.Attributes["gender"] != "f" || a.Attributes["role"] != "Ärztin" {
		t.Errorf("a: %v", a.Attributes)
	}
	if b.Attributes["gender"] != "from attributes" {
		t.Errorf("b: %v (no roster gender: the attribute stays)", b.Attributes)
	}
	if c.Attributes != nil {
		t.Errorf("c: %v, want no attributes", c.Attributes)
	}
	a.Attributes["role"] = "changed"
	a.Attributes["tags"].([]any)[0] = "changed"
	a.Attributes["more"].(map[string]any)["k"] = "changed"
	ra, _ := r.Character("a")
	if _, ok := ra.Attributes["gender"]; ok || ra.Attributes["role"] != "Ärztin" ||
		ra.Attributes["tags"].([]any)[0] != "x" || ra.Attributes["more"].(map[string]any)["k"] != float64(1) {
		t.Errorf("roster attributes changed: %v", ra.Attributes)
	}
}

func TestExtractWarnings(t *testing.T) {
	// Both characters are only "Berg": no form is left for either.
	r, rw := parseRoster(t, "bergs", `{"format": "relgraph/roster@1", "characters": [
		{"id": "b2", "name": "Berg"}, {"id": "b1", "name": "Berg"}, {"id": "c", "name": "Carl"}]}`)
	if len(rw) != 1 {
		t.Errorf("roster warnings %q, want one", rw)
	}
	_, warnings, err := extract.Extract("Berg und Carl.", extract.Options{Roster: r})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`character "b1" has no name form left (all are ambiguous); it is never matched`,
		`character "b2" has no name form left (all are ambiguous); it is never matched`,
	}
	if !slices.Equal(warnings, want) {
		t.Errorf("warnings\n got %q\nwant %q", warnings, want)
	}
}

func TestExtractEnglish(t *testing.T) {
	en, _ := parseRoster(t, "test-en", englishRosterJSON)
	text := "Mr. Darcy’s letter reached Mr. Bennet. The Bennets' house was quiet. James' hat lay there, e.g. near Darcy."
	g, _, err := extract.Extract(text, extract.Options{Roster: en})
	if err != nil {
		t.Fatal(err)
	}
	// Units: 1 "Mr. Darcy’s letter reached Mr. Bennet." (darcy, bennet);
	// 2 "The Bennets' house was quiet." (bennet); 3 "James' hat lay there,
	// e.g. near Darcy." (james, darcy; e.g. ends nothing).
	if g.Episode.Units != 3 {
		t.Errorf("units %d, want 3", g.Episode.Units)
	}
	if es := edgeSummary(g); !slices.Equal(es, []string{"bennet–darcy:|", "darcy–james:|"}) {
		t.Errorf("edges %v", es)
	}
	checkEvidence(t, g, en)
	// Without the mentions and with the German list, "Mr." ends a sentence.
	if n := len(extract.Sentences(text, "de")); n != 5 {
		t.Errorf("Sentences(de): %d units, want 5 (a break after each \"Mr.\")", n)
	}
}
