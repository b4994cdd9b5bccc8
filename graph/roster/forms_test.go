package roster

import (
	"slices"
	"testing"
)

// TestFormsApostrophe: a name typed with ' also matches the typographic
// ’ and the other way round (issue 4: "O'Brien" missed "O’Brien").
func TestFormsApostrophe(t *testing.T) {
	r, _, err := Parse("r.json", []byte(`{"format": "relgraph/roster@1", "characters": [
		{"id": "ob", "name": "Sean O'Brien", "titles": ["Mr."]}, {"id": "da", "name": "D’Arcy"}]}`), "")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Mr. O'Brien", "Mr. O’Brien", "Mr. Sean O'Brien", "Mr. Sean O’Brien", "Sean O'Brien", "Sean O’Brien"}
	if got := r.Forms("ob"); !slices.Equal(got, want) {
		t.Errorf("Forms(ob) = %q, want %q", got, want)
	}
	if got, want := r.Forms("da"), []string{"D'Arcy", "D’Arcy"}; !slices.Equal(got, want) {
		t.Errorf("Forms(da) = %q, want %q", got, want)
	}
}

// TestNameNFC: a display name typed with a combining character is written
// composed (NFC), as the text is read.
func TestNameNFC(t *testing.T) {
	r, _, err := Parse("r.json", []byte(`{"format": "relgraph/roster@1", "characters": [{"id": "j", "name": "Ju\u0308rgen"}]}`), "")
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Characters[0].Name; got != "J\u00fcrgen" {
		t.Errorf("name %q, want the composed %q", got, "J\u00fcrgen")
	}
}
