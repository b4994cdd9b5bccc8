package extract_test

import (
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/relgraph/relgraph/graph/extract"
)

const speechRoster = `{"format": "relgraph/roster@1", "lang": "%s", "characters": [
	{"id": "anna", "name": "Anna", "aliases": ["ANNA"], "gender": "f"},
	{"id": "ben", "name": "Ben", "aliases": ["BEN"], "gender": "m"},
	{"id": "cleo", "name": "Cleo", "aliases": ["CLEO"], "gender": "f"},
	{"id": "elizabeth", "name": "Elizabeth", "aliases": ["Lizzy"], "gender": "f"},
	{"id": "mr_bennet", "name": "Mr. Bennet", "gender": "m"}]}`

// TestSpeechLayer: directed edges from speakers, worked by hand.
func TestSpeechLayer(t *testing.T) {
	for _, tc := range []struct {
		name, lang, text string
		units            int
		want             map[string][]int // "source→target": speeches
	}{
		{"German quotations", "de",
			// 1: „Wo ist Ben?“ – ", fragt Anna" follows: Anna speaks, names Ben.
			// 2: „Hier, Anna!“ – "Ben antwortet:" precedes: Ben speaks, names Anna.
			//    (It also answers speech 1: Anna, already named.)
			// 3: „Komm“ – Cleo speaks (", sagt Cleo"), names nobody, and
			//    answers Ben (speech 2, one paragraph back).
			// 4: „Gut.“ – no verb of saying near: not attributed.
			"„Wo ist Ben?“, fragt Anna. Ben antwortet: „Hier, Anna!“\n„Komm“, sagt Cleo.\nDann „Gut.“",
			3, map[string][]int{"anna→ben": {1}, "ben→anna": {2}, "cleo→ben": {3}}},
		{"English quotations", "en",
			// 1: “Lizzy,” said Mr. Bennet – Mr. Bennet speaks to Lizzy.
			// 2: “you are right.” – no name before the verb in its frame.
			"“Lizzy,” said Mr. Bennet, “you are right.”",
			1, map[string][]int{"mr_bennet→elizabeth": {1}}},
		{"printed play", "de",
			// Scene 1: ANNA speaks (1), names Ben and Cleo; BEN speaks (2).
			// Present: Anna, Ben. Cleo is only talked about.
			// Scene 2: CLEO alone (3): nobody to address.
			"## Szene 1\nANNA. Ben, komm. Cleo schläft.\nBEN. Ja.\n## Szene 2\nCLEO. Hallo.\n",
			3, map[string][]int{"anna→ben": {1}, "anna→cleo": {1}, "ben→anna": {2}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := parseRoster(t, tc.lang, fmt.Sprintf(speechRoster, tc.lang))
			g, _, err := extract.Extract(tc.text, extract.Options{Roster: r, Layer: extract.LayerSpeech})
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
				}
			}
			if !maps.EqualFunc(got, tc.want, slices.Equal) {
				t.Errorf("edges %v, want %v", got, tc.want)
			}
			if !g.Directed || g.Episode.Unit != "speech" || g.Episode.Units != tc.units {
				t.Errorf("directed %v, episode %+v, want %d speeches", g.Directed, g.Episode, tc.units)
			}
		})
	}
	r, _ := parseRoster(t, "de", fmt.Sprintf(speechRoster, "de"))
	if _, _, err := extract.Extract("x", extract.Options{Roster: r, Layer: "gossip"}); err == nil {
		t.Error("unknown layer: no error")
	}
	if _, _, err := extract.Extract("x", extract.Options{Roster: r, Layer: extract.LayerSpeech, Unit: extract.UnitSpec{Kind: extract.UnitScene}}); err == nil {
		t.Error("speech layer with a unit: no error")
	}
}
