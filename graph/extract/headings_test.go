package extract_test

import (
	"testing"

	"github.com/relgraph/relgraph/graph/extract"
)

// TestHeadingRules: the cases of the tester's report on issue 4 (prose
// lines read as headings; ordinals above 20 and "Scene 12A" missed) and
// the heading forms of printed plays and screenplays that must stay
// headings. A line is a heading when the heading words end it, are
// followed by a title after ".", ":", a comma or a dash, or by at most
// four words whose lower-case words are articles, prepositions or
// "und"/"and" — and none at all when the line ends like a sentence.
func TestHeadingRules(t *testing.T) {
	tests := []struct {
		line        string
		scene, chap bool
	}{
		// Prose that opens with heading words: a verb follows the number.
		{"Szene 3 zeigt Ben im Garten mit Clara.", false, false},
		{"Akt 2 beginnt mit einem Streit zwischen Anna und Ben.", false, false},
		{"Akt 2 beginnt mit einem Streit …", false, false},
		{"Scene 3 shows Ben in the garden.", false, false},
		{"Erste Szene war lang.", false, false},
		{"3. Szene spielt im Park.", false, false},
		{"Kapitel 3 erzählt von Lukas.", false, false},
		{"Chapter 2 is shorter.", false, false},
		{"Szene 3 Ben kommt herein und setzt sich.", false, false},
		{"Szene 3b zeigt Ben.", false, false},
		{"Akt 2/3", false, false},
		// Headings.
		{"Szene 3", true, false},
		{"Szene 3.", true, false},
		{"Szene 3: Im Garten", true, false},
		{"Szene 3 – Im Garten", true, false},
		{"Szene 3 Im Garten", true, false},
		{"Szene 3 im Garten", true, false},
		{"Scene 4 at the Ball", true, false},
		{"Szene 3 im Garten.", false, false},
		{"Szene 3 Im Garten.", true, false},
		{"Zweite Szene Emilia. Der Prinz.", true, false},
		{"Szene 3 Ben Anna Clara Paul Max", false, false},
		{"Akt I Szene 2", true, false},
		{"Erster Auftritt. Emilia. Claudia.", true, false},
		{"Zweiter Aufzug", true, false},
		{"Einundzwanzigster Auftritt", true, false},
		{"Zweiundzwanzigster Auftritt.", true, false},
		{"Dreißigster Auftritt", true, false},
		{"Siebenundneunzigste Szene", true, false},
		{"Scene 12A", true, false},
		{"SCENE 12A.", true, false},
		{"INT. KRANKENHAUS - TAG", true, false},
		{"## Akt 2", true, false},
		{"Chapter I.", false, true},
		{"Chapter I. Down the Rabbit-Hole", false, true},
		{"CHAPTER XII.", false, true},
		{"Chapter I.]", false, true},
		{"Kapitel 3: Die Reise", false, true},
		{"Einundzwanzigstes Kapitel", false, true},
		{"3. Kapitel", false, true},
	}
	for _, tc := range tests {
		if got := extract.IsSceneHeading(tc.line); got != tc.scene {
			t.Errorf("IsSceneHeading(%q) = %v, want %v", tc.line, got, tc.scene)
		}
		if got := extract.IsChapterHeading(tc.line); got != tc.chap {
			t.Errorf("IsChapterHeading(%q) = %v, want %v", tc.line, got, tc.chap)
		}
	}
}

// TestHeadingTitle: --split titles drop the Markdown marks (CommonMark
// ATX headings: opening #s, and a closing sequence after a space).
func TestHeadingTitle(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"## Akt 2", "Akt 2"},
		{"# Erster Akt", "Erster Akt"},
		{"### Szene 3 ###", "Szene 3"},
		{"## C#", "C#"},
		{"Szene 3", "Szene 3"},
		{"Chapter I.", "Chapter I."},
		{"#hashtag", "#hashtag"},
	} {
		if got := extract.HeadingTitle(tc.in); got != tc.want {
			t.Errorf("HeadingTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestScenesProse: a prose line that opens with "Szene 3" does not split
// the text.
func TestScenesProse(t *testing.T) {
	text := "Szene 3 zeigt Ben im Garten mit Clara.\nAkt 2 beginnt mit einem Streit.\n"
	secs := extract.Sections(text, extract.IsSceneHeading)
	if len(secs) != 1 || secs[0].Heading != "" {
		t.Errorf("Sections = %+v, want one section without heading", secs)
	}
}
