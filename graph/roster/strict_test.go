package roster

import (
	"strings"
	"testing"
)

// TestParseStrict: what encoding/json accepts silently is an error naming
// the file, position and field (issue 4, tester's report: a misspelt
// "alias" lost the aliases; a top-level "relationship" lost the
// relationships; invalid UTF-8 and repeated keys loaded).
func TestParseStrict(t *testing.T) {
	const head = `{"format": "relgraph/roster@1", `
	tests := []struct{ name, json, want string }{
		{"misspelt alias", head + `"characters": [{"id": "a", "name": "Anna", "alias": ["An"]}]}`,
			`r.json:1:76: field characters[0].alias: unknown field (did you mean "aliases"?)`},
		{"top-level relationship", head + `"characters": [{"id": "a", "name": "Anna"}], "relationship": []}`,
			`field relationship: unknown field (did you mean "relationships"?)`},
		{"unrelated top-level field", head + `"characters": [{"id": "a", "name": "Anna"}], "foo": 1}`,
			`field foo: unknown field (allowed here: "characters", "episodes", "exclude", "format", "lang", "relationships", "series"; free-form data belongs in a character's "attributes")`},
		{"field differing in case", head + `"characters": [{"id": "a", "Name": "Anna"}]}`,
			`field characters[0].Name: unknown field (did you mean "name"?)`},
		{"unknown relationship field", head + `"characters": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], "relationships": [{"source": "a", "target": "b", "type": "friend", "kind": "x"}]}`,
			`field relationships[0].kind: unknown field`},
		{"unknown episode field", head + `"characters": [{"id": "a", "name": "A"}], "episodes": [{"id": "e1", "file": "e1.txt", "titel": "x"}]}`,
			`field episodes[0].titel: unknown field (did you mean "title"?)`},
		{"duplicate key", head + `"characters": [{"id": "a", "name": "Anna", "name": "Ben"}]}`,
			`r.json:1:76: field characters[0].name: duplicate key "name" in one object`},
		{"duplicate key in attributes", head + `"characters": [{"id": "a", "name": "Anna", "attributes": {"x": 1, "x": 2}}]}`,
			`field characters[0].attributes.x: duplicate key "x"`},
		{"duplicate top-level key", head + `"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}]}`,
			`field format: duplicate key`},
		{"invalid UTF-8 in a name", head + "\"characters\": [{\"id\": \"a\", \"name\": \"Ann\xffa\"}]}",
			`r.json:1:72: field characters[0].name: invalid UTF-8 (byte 0xff at byte offset 71)`},
		{"invalid UTF-8 in a key", head + "\"characters\": [{\"id\": \"a\", \"n\xc3me\": \"A\"}]}",
			`field characters[0]: invalid UTF-8 (byte 0xc3`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Parse("r.json", []byte(tc.json), "")
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestParseStrictAccepts: a byte order mark, free-form attributes (any
// keys, nested objects) and every documented field load.
func TestParseStrictAccepts(t *testing.T) {
	in := "\xef\xbb\xbf" + `{"format": "relgraph/roster@1", "series": "S", "lang": "de",
	"characters": [{"id": "a", "name": "Dr. Anna Berg", "aliases": ["Anna"], "gender": "f", "titles": ["Dr."],
	  "descriptors": ["die Ärztin"], "attributes": {"role": "Ärztin", "anything": {"nested": [1, {"alias": true}]}}},
	  {"id": "b", "name": "Ben"}],
	"relationships": [{"source": "a", "target": "b", "type": "parent", "label": "Mutter/Sohn"}],
	"exclude": ["In aller Freundschaft"],
	"episodes": [{"id": "e1", "title": "T", "file": "e1.txt", "note": "n"}]}`
	r, _, err := Parse("r.json", []byte(in), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Characters[0].Attributes["anything"]; got == nil {
		t.Errorf("attributes.anything lost: %v", r.Characters[0].Attributes)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"alias", "aliases", 2}, {"", "abc", 3}, {"titel", "title", 2}, {"gender", "gender", 0}, {"ä", "a", 1}} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
