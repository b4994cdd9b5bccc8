package roster

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to Parse. The property: Parse never
// panics; it returns either an error (and no roster) or a roster whose
// every character has a non-empty id and name, whose ids are unique, and
// whose forms, descriptors and relations can be queried. Run it with
//
//	go test ./graph/roster -run '^$' -fuzz '^FuzzParse$' -fuzztime 60s
//
// Crashers are kept under testdata/fuzz/FuzzParse/ and replayed by every
// plain `go test`.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("..", "..", "data", "characters.json")); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		`{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "Anna Berg", "titles": ["Dr."]}]}`,
		`{"format": "relgraph/roster@1", "lang": "de", "characters": [{"id": "a", "name": "A", "aliases": ["X"]}, {"id": "b", "name": "B", "aliases": ["X"], "descriptors": ["der Junge"]}], "relationships": [{"source": "a", "target": "b", "type": "parent"}], "exclude": ["X Y"]}`,
		`{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}], "episodes": [{"id": "e1", "file": "../e1.txt"}]}`,
		`{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]}`,
		`{"characters": [`,
		"\ufeff{}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, warnings, err := Parse("fuzz.json", data, "")
		if err != nil {
			if r != nil || warnings != nil {
				t.Fatal("roster or warnings returned with an error")
			}
			if !strings.Contains(err.Error(), "fuzz.json") {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, c := range r.Characters {
			if c.ID == "" || c.Name == "" {
				t.Fatalf("character without id or name accepted: %+v", c)
			}
			if seen[c.ID] {
				t.Fatalf("duplicate id %q accepted", c.ID)
			}
			seen[c.ID] = true
			for _, form := range r.Forms(c.ID) {
				if slices.Contains(r.Ambiguous(), form) {
					t.Fatalf("ambiguous form %q kept for %q", form, c.ID)
				}
			}
			r.Descriptors(c.ID)
			if _, ok := r.Character(c.ID); !ok {
				t.Fatalf("Character(%q) not found", c.ID)
			}
		}
		for _, rel := range r.Relationships {
			if _, ok := r.Relation(rel.Source, rel.Target); !ok {
				t.Fatalf("relationship %+v not found by Relation", rel)
			}
		}
		for _, e := range r.Episodes {
			r.EpisodePath(e)
		}
	})
}
