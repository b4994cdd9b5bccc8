package extract_test

import (
	"fmt"
	"strings"

	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/roster"
)

// Coreference on two sentences: "Er" goes to the most recent man of the
// previous sentence, "seinen Vater" through the roster's parent
// relationship, "sie" to the most recent woman.
func ExampleAllMentions() {
	r, _, err := roster.Parse("cast.json", []byte(`{"format": "relgraph/roster@1", "lang": "de",
		"characters": [{"id": "kathrin", "name": "Kathrin", "gender": "f"},
		               {"id": "lukas", "name": "Lukas", "gender": "m"},
		               {"id": "friedrich", "name": "Friedrich", "gender": "m"}],
		"relationships": [{"source": "friedrich", "target": "lukas", "type": "parent"}]}`), "")
	if err != nil {
		panic(err)
	}
	text := "Kathrin ruft Lukas. Er sucht seinen Vater, doch sie wartet."
	ms, _, err := extract.AllMentions(text, extract.Options{Roster: r, Coref: extract.CorefRoles})
	if err != nil {
		panic(err)
	}
	for _, m := range ms {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-7s %-9s %s", text[m.Start:m.End], m.ID, m.Resolved)))
	}
	// Output:
	// Kathrin kathrin
	// Lukas   lukas
	// Er      lukas     pronoun
	// seinen  lukas     pronoun
	// Vater   friedrich role
	// sie     kathrin   pronoun
}

// The window unit counts each pair of mentions at most N tokens apart
// once. Tokens, numbered from 1: Lukas 1, und 2, Kathrin 3, dann 4, Lukas
// 5, mit 6, Achim 7. Lukas–Kathrin twice (1–3, 3–5), Lukas–Achim once
// (5–7); Kathrin–Achim are 4 tokens apart. A unit is the later mention's
// token.
func ExampleExtract_window() {
	r, _, err := roster.Parse("cast.json", []byte(`{"format": "relgraph/roster@1", "lang": "de",
		"characters": [{"id": "kathrin", "name": "Kathrin"}, {"id": "lukas", "name": "Lukas"}, {"id": "achim", "name": "Achim"}]}`), "")
	if err != nil {
		panic(err)
	}
	u, _ := extract.ParseUnit("window:2")
	g, _, err := extract.Extract("Lukas und Kathrin, dann Lukas mit Achim.", extract.Options{Roster: r, Unit: u})
	if err != nil {
		panic(err)
	}
	for _, e := range g.Edges {
		fmt.Println(e.Source, e.Target, e.Weight, e.Units)
	}
	fmt.Println(g.Episode.Unit, g.Episode.Units)
	// Output:
	// achim lukas 1 [7]
	// kathrin lukas 2 [3 5]
	// window:2 7
}
