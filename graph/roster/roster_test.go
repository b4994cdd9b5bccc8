package roster

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLoadProjectRoster loads the project's own data/characters.json and
// checks what the issue asks of it: the four characters of the seed with
// stable ids, the stated relationships, and episodes that exist.
func TestLoadProjectRoster(t *testing.T) {
	r, warnings, err := Load(filepath.Join("..", "..", "data", "characters.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %q", warnings)
	}
	for _, id := range []string{"achim", "kathrin", "lukas", "friedrich"} {
		if _, ok := r.Character(id); !ok {
			t.Errorf("character %q missing", id)
		}
	}
	for _, c := range []struct{ a, b, want string }{
		{"kathrin", "lukas", "Mutter/Sohn"},
		{"lukas", "friedrich", "Vater/Sohn"},
		{"kathrin", "friedrich", "getrennte Eltern"},
		{"achim", "kathrin", "enge Freunde"},
	} {
		if got, _ := r.Relation(c.a, c.b); got != c.want {
			t.Errorf("Relation(%s, %s) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
	if _, ok := r.Relation("achim", "lukas"); ok {
		t.Error("achim–lukas has no relationship in the roster")
	}
	if len(r.Episodes) < 2 {
		t.Fatalf("want at least two episodes, got %d", len(r.Episodes))
	}
	// "Dr. Kreutzer" comes from title "Dr." + alias "Kreutzer".
	if forms := r.Forms("achim"); !slices.Contains(forms, "Dr. Kreutzer") || !slices.Contains(forms, "Dr. Achim Kreutzer") {
		t.Errorf("Forms(achim) = %q, want title forms", forms)
	}
}

func TestParseErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "e1.txt"), []byte("Anna."), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, json, want string
	}{
		{"syntax error has line and column", "{\n  \"format\": \"relgraph/roster@1\",\n  \"characters\": [,]\n}", "r.json:3:18: invalid JSON"},
		{"truncated", `{"format": "relgraph/roster@1", "characters": [`, "r.json:1:48: invalid JSON"},
		{"empty file", "  \n", "r.json: empty file"},
		{"wrong type names the field", `{"format": "relgraph/roster@1", "characters": [{"id": 7, "name": "A"}]}`, "field characters.id"},
		{"missing format", `{"characters": [{"id": "a", "name": "A"}]}`, "field format: missing"},
		{"wrong format", `{"format": "relgraph/graph@1", "characters": [{"id": "a", "name": "A"}]}`, `field format: got "relgraph/graph@1"`},
		{"no characters", `{"format": "relgraph/roster@1"}`, "field characters: no characters"},
		{"missing id", `{"format": "relgraph/roster@1", "characters": [{"name": "A"}]}`, "field characters[0].id: missing"},
		{"missing name", `{"format": "relgraph/roster@1", "characters": [{"id": "a"}]}`, "field characters[0].name: missing"},
		{"duplicate id", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]}`, `field characters[1].id: duplicate id "a" (also characters[0])`},
		{"bad gender", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A", "gender": "w"}]}`, "field characters[0].gender"},
		{"unknown relationship source", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}], "relationships": [{"source": "zz", "target": "a", "type": "friend"}]}`, `field relationships[0].source: unknown character id "zz"`},
		{"unknown relationship target", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}], "relationships": [{"source": "a", "target": "b", "type": "friend"}]}`, `field relationships[0].target: unknown character id "b"`},
		{"bad relationship type", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], "relationships": [{"source": "a", "target": "b", "type": "lover"}]}`, "field relationships[0].type"},
		{"missing episode file", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}], "episodes": [{"id": "e1", "file": "e1.txt"}, {"id": "e2", "file": "nope.txt"}]}`, "field episodes[1].file: episode file"},
		{"duplicate episode id", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}], "episodes": [{"id": "e1", "file": "e1.txt"}, {"id": "e1", "file": "e1.txt"}]}`, "field episodes[1].id: duplicate"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Parse("r.json", []byte(tc.json), dir)
			if err == nil {
				t.Fatalf("no error, want one containing %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

// TestAmbiguousAlias: an alias claimed by two characters matches neither
// and is reported once as a warning.
func TestAmbiguousAlias(t *testing.T) {
	src := `{"format": "relgraph/roster@1", "characters": [
		{"id": "anna", "name": "Anna Berg", "aliases": ["Anna", "Berg"], "titles": ["Dr."]},
		{"id": "ben", "name": "Ben Berg", "aliases": ["Ben", "Berg"]}]}`
	r, warnings, err := Parse("r.json", []byte(src), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `name or alias "Berg" is claimed by anna, ben`) {
		t.Errorf("warnings = %q", warnings)
	}
	if got := r.Ambiguous(); !slices.Equal(got, []string{"Berg"}) {
		t.Errorf("Ambiguous() = %q", got)
	}
	if got, want := r.Forms("anna"), []string{"Anna", "Anna Berg", "Dr. Anna", "Dr. Anna Berg", "Dr. Berg"}; !slices.Equal(got, want) {
		t.Errorf("Forms(anna) = %q, want %q", got, want)
	}
	if got, want := r.Forms("ben"), []string{"Ben", "Ben Berg"}; !slices.Equal(got, want) {
		t.Errorf("Forms(ben) = %q, want %q", got, want)
	}
}

// TestFormsNFC: forms are NFC-normalised, so a name typed with a combining
// diaeresis equals the precomposed one.
func TestFormsNFC(t *testing.T) {
	src := "{\"format\": \"relgraph/roster@1\", \"characters\": [{\"id\": \"j\", \"name\": \"Ju\u0308rgen\"}]}"
	r, _, err := Parse("r.json", []byte(src), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Forms("j"); !slices.Equal(got, []string{"J\u00fcrgen"}) {
		t.Errorf("Forms = %q, want precomposed Jürgen", got)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, _, err := Load(filepath.Join(t.TempDir(), "characters.json"))
	if err == nil || !strings.Contains(err.Error(), "characters.json") {
		t.Errorf("err = %v, want one naming the file", err)
	}
}

func TestParseRejectsUnsafeOrEmptyStrings(t *testing.T) {
	tests := []struct{ name, json, want string }{
		{"episode id with a path", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}], "episodes": [{"id": "../evil", "file": "e.txt"}]}`, "field episodes[0].id: \"../evil\" contains a path separator"},
		{"episode id dot-dot", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}], "episodes": [{"id": "..", "file": "e.txt"}]}`, "is not a file name"},
		{"hidden episode id", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}], "episodes": [{"id": ".e1", "file": "e.txt"}]}`, "starts with a dot"},
		{"empty title", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A", "titles": [""]}]}`, "field characters[0].titles[0]: empty string"},
		{"empty exclude", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}], "exclude": [" "]}`, "field exclude[0]: empty string"},
		{"title as alias", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A", "titles": ["Dr."], "aliases": ["Dr."]}]}`, "field characters[0].aliases[0]: \"Dr.\" is one of the character's titles"},
		{"punctuation-only alias", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A", "aliases": ["–"]}]}`, "field characters[0].aliases[0]: \"–\" has no letter or digit"},
		{"punctuation-only name", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "..."}]}`, "field characters[0].name: \"...\" has no letter or digit"},
		{"punctuation-only descriptor", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A", "descriptors": ["?!"]}]}`, "field characters[0].descriptors[0]"},
		{"punctuation-only exclude", `{"format": "relgraph/roster@1", "characters": [{"id": "a", "name": "A"}], "exclude": ["--"]}`, "field exclude[0]: \"--\" has no letter or digit"},
		{"unsupported lang", `{"format": "relgraph/roster@1", "lang": "fr", "characters": [{"id": "a", "name": "A"}]}`, "field lang: \"fr\" is not a supported language"},
		{"lang variant is fine", `{"format": "relgraph/roster@1", "lang": "de-AT", "characters": [{"id": "a", "name": "A"}]}`, ""},
		{"BOM is fine", "\xef\xbb\xbf{\"format\": \"relgraph/roster@1\", \"characters\": [{\"id\": \"a\", \"name\": \"A\"}]}", ""},
	}
	for _, tc := range tests {
		_, _, err := Parse("r.json", []byte(tc.json), "")
		if tc.want == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestTitlesAndDescriptors: titles combine with the name and the surname
// (the issue: "titles combine with surnames"), and a descriptor listed for
// two characters resolves to neither and is reported.
func TestTitlesAndDescriptors(t *testing.T) {
	src := `{"format": "relgraph/roster@1", "characters": [
		{"id": "anna", "name": "Frau Anna Berg", "titles": ["Frau", "Dr."], "descriptors": ["die Ärztin", "der Ärztin", "die Mutter"]},
		{"id": "eva", "name": "Eva", "titles": ["Schwester"], "descriptors": ["die Mutter", "die  Schwester"]}]}`
	r, warnings, err := Parse("r.json", []byte(src), "")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Dr. Anna Berg", "Dr. Berg", "Frau Anna Berg", "Frau Berg"}; !slices.Equal(r.Forms("anna"), want) {
		t.Errorf("Forms(anna) = %q, want %q", r.Forms("anna"), want)
	}
	// "Eva" has no surname: only title + name.
	if want := []string{"Eva", "Schwester Eva"}; !slices.Equal(r.Forms("eva"), want) {
		t.Errorf("Forms(eva) = %q, want %q", r.Forms("eva"), want)
	}
	if want := []string{"der Ärztin", "die Ärztin"}; !slices.Equal(r.Descriptors("anna"), want) {
		t.Errorf("Descriptors(anna) = %q, want %q", r.Descriptors("anna"), want)
	}
	if want := []string{"die Schwester"}; !slices.Equal(r.Descriptors("eva"), want) {
		t.Errorf("Descriptors(eva) = %q, want %q (whitespace collapsed, shared one removed)", r.Descriptors("eva"), want)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `descriptor "die Mutter" is listed for anna, eva`) {
		t.Errorf("warnings = %q", warnings)
	}
}

// TestTitleNotDoubled: an alias that already carries a title does not get
// it twice ("Dr. Dr. B").
func TestTitleNotDoubled(t *testing.T) {
	r, _, err := Parse("r.json", []byte(`{"format": "relgraph/roster@1", "characters": [{"id": "b", "name": "Bea Berg", "titles": ["Dr."], "aliases": ["Dr. B", "Bea"]}]}`), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Forms("b") {
		if strings.HasPrefix(f, "Dr. Dr.") {
			t.Errorf("form %q doubles the title (forms %q)", f, r.Forms("b"))
		}
	}
	if !slices.Contains(r.Forms("b"), "Dr. B") || !slices.Contains(r.Forms("b"), "Dr. Bea") {
		t.Errorf("forms %q, want \"Dr. B\" and \"Dr. Bea\"", r.Forms("b"))
	}
}
