package roster_test

import (
	"fmt"

	"github.com/relgraph/relgraph/graph/roster"
)

// Load a roster from memory (roster.Load reads the same from a file):
// Parse validates it, derives the forms that name each character — name,
// aliases, title + name and title + surname, sorted — and warns about a
// form two characters claim, which then names neither of them.
func ExampleParse() {
	data := []byte(`{
	  "format": "relgraph/roster@1",
	  "lang": "de",
	  "characters": [
	    {"id": "anna", "name": "Anna Berg", "aliases": ["Anna", "Berg"], "titles": ["Dr."]},
	    {"id": "ben", "name": "Ben Berg", "aliases": ["Ben", "Berg"]}
	  ],
	  "relationships": [{"source": "anna", "target": "ben", "type": "sibling", "label": "Geschwister"}]
	}`)
	r, warnings, err := roster.Parse("characters.json", data, "")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range r.Characters {
		fmt.Printf("%s: %q\n", c.ID, r.Forms(c.ID))
	}
	fmt.Println(r.Ambiguous())
	fmt.Println(warnings)
	label, _ := r.Relation("ben", "anna")
	fmt.Println(label)
	// Output:
	// anna: ["Anna" "Anna Berg" "Dr. Anna" "Dr. Anna Berg" "Dr. Berg"]
	// ben: ["Ben" "Ben Berg"]
	// [Berg]
	// [characters.json: name or alias "Berg" is claimed by anna, ben; it matches none of them]
	// Geschwister
}

// A malformed roster is an error naming the file and the field.
func ExampleParse_error() {
	data := []byte(`{"format": "relgraph/roster@1", "characters": [{"id": "anna"}]}`)
	_, _, err := roster.Parse("characters.json", data, "")
	fmt.Println(err)
	// Output:
	// characters.json: field characters[0].name: missing or empty for "anna"
}
