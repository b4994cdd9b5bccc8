package extract_test

import (
	"testing"

	"github.com/relgraph/relgraph/graph/extract"
)

func TestUnwrapLines(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"no blank line: unchanged (the seed's one paragraph per line)", "Lukas geht.\nKathrin bleibt.\n", "Lukas geht.\nKathrin bleibt.\n"},
		{"wrapped paragraph joined", "Mr.\nDarcy walked off; and Elizabeth\nremained.\n\nNext one.", "Mr. Darcy walked off; and Elizabeth remained.\n\nNext one."},
		{"CRLF", "a b\r\nc d\r\n\r\ne f", "a b c d\r\n\r\ne f"},
		{"headings stand alone", "Chapter I.\nIt is a truth\nuniversally acknowledged.\n\n# Szene 2\nAnna kommt.", "Chapter I.\nIt is a truth universally acknowledged.\n\n# Szene 2\nAnna kommt."},
		{"blank line with spaces", "x\n  \ny\nz", "x\n  \ny z"},
	}
	for _, tc := range tests {
		if got := extract.UnwrapLines(tc.in); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestExtractJoinsWrappedLines: in a hard-wrapped text a title and a name
// split across a line break are one mention, and a sentence spanning lines
// is one unit (the bug a tester found in Pride and Prejudice: "Mr.⏎Darcy").
func TestExtractJoinsWrappedLines(t *testing.T) {
	r, _ := parseRoster(t, "pp", `{"format": "relgraph/roster@1", "lang": "en", "characters": [
		{"id": "darcy", "name": "Fitzwilliam Darcy", "aliases": ["Darcy"], "titles": ["Mr."]},
		{"id": "elizabeth", "name": "Elizabeth Bennet", "aliases": ["Elizabeth"]}]}`)
	text := "Elizabeth's spirits soon rising to playfulness again, she wanted Mr.\nDarcy to account for his having ever fallen in love with her.\n\nThe end."
	g, _, err := extract.Extract(text, extract.Options{Roster: r})
	if err != nil {
		t.Fatal(err)
	}
	if g.Episode.Units != 2 || len(g.Edges) != 1 || g.Edges[0].Weight != 1 {
		t.Fatalf("units %d, edges %+v: want 2 units and darcy–elizabeth 1", g.Episode.Units, g.Edges)
	}
	ev := g.Edges[0].Evidence[0]
	if want := "Elizabeth's spirits soon rising to playfulness again, she wanted Mr. Darcy to account for his having ever fallen in love with her."; ev.Text != want {
		t.Errorf("evidence %q, want the whole sentence on one line", ev.Text)
	}
	if m := ev.Mentions[1]; string([]rune(ev.Text)[m.Start:m.End]) != "Mr. Darcy" {
		t.Errorf("second mention %q, want \"Mr. Darcy\"", string([]rune(ev.Text)[m.Start:m.End]))
	}
}
