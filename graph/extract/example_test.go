package extract_test

import (
	"encoding/json"
	"fmt"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/roster"
)

func ExampleExtract() {
	r, _, err := roster.Parse("characters.json", []byte(`{
	  "format": "relgraph/roster@1", "lang": "de",
	  "characters": [
	    {"id": "achim", "name": "Dr. Achim Kreutzer", "aliases": ["Achim", "Kreutzer"], "titles": ["Dr."]},
	    {"id": "kathrin", "name": "Kathrin", "gender": "f"},
	    {"id": "lukas", "name": "Lukas"}
	  ],
	  "relationships": [{"source": "kathrin", "target": "lukas", "type": "parent", "label": "Mutter/Sohn"}]
	}`), "")
	if err != nil {
		panic(err)
	}
	text := "Am 3. Mai ruft Kathrin bei Dr. Kreutzer an. Kathrins Sohn Lukas ist krank.\n" +
		"Dr. Achim Kreutzer untersucht Lukas’ Bauch, z. B. mit Ultraschall."
	g, warnings, err := extract.Extract(text, extract.Options{Roster: r, Episode: graph.Episode{ID: "demo"}})
	if err != nil {
		panic(err)
	}
	fmt.Println(g.Episode.Unit, g.Episode.Units, warnings)
	for _, n := range g.Nodes {
		fmt.Printf("%s: %d mentions\n", n.ID, n.Mentions)
	}
	for _, e := range g.Edges {
		fmt.Printf("%s–%s weight %v units %v %q\n", e.Source, e.Target, e.Weight, e.Units, e.Relation)
	}
	ev := g.Edges[0].Evidence[0]
	spans, _ := json.Marshal(ev.Mentions) // code points of ev.Text
	fmt.Printf("%d %q %s\n", ev.Unit, ev.Text, spans)
	// Output:
	// sentence 3 []
	// achim: 2 mentions
	// kathrin: 2 mentions
	// lukas: 2 mentions
	// achim–kathrin weight 1 units [1] ""
	// achim–lukas weight 1 units [3] ""
	// kathrin–lukas weight 1 units [2] "Mutter/Sohn"
	// 1 "Am 3. Mai ruft Kathrin bei Dr. Kreutzer an." [[15,22],[27,39]]
}
