package extract_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/roster"
)

var writePlays = flag.String("write-plays", "", "write each play's print text and cast roster to this directory (for docs/extraction.md)")

// printPlay renders the <body> of a TEI play as it reads in print: each
// <head> as a Markdown heading line ("## Erster Auftritt."), each
// <speaker> label as printed ("Der Prinz.", a period added where the TEI
// has none) opening the first line of its speech, speeches (<p>, <l>,
// <ab>) one line each, stage directions (<stage>) in parentheses on their
// own lines.
func printPlay(t testing.TB, data []byte) string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var out strings.Builder
	type block struct {
		name string
		text strings.Builder
	}
	var blocks []*block
	inBody := false
	label := "" // the speaker label waiting for its speech
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "body":
				inBody = true
			case "sp":
				if label != "" {
					out.WriteString(label + "\n")
					label = ""
				}
			case "head", "speaker", "p", "l", "ab", "stage":
				if inBody {
					blocks = append(blocks, &block{name: x.Name.Local})
				}
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "body":
				inBody = false
			case "head", "speaker", "p", "l", "ab", "stage":
				if !inBody || len(blocks) == 0 {
					break
				}
				b := blocks[len(blocks)-1]
				blocks = blocks[:len(blocks)-1]
				s := strings.Join(strings.Fields(b.text.String()), " ")
				if s == "" {
					break
				}
				if b.name != "speaker" && b.name != "head" && label != "" {
					// The label opens the speech's first line, as in print.
					out.WriteString(label + " ")
					label = ""
				}
				switch b.name {
				case "head":
					out.WriteString("\n## " + s + "\n\n")
				case "stage":
					out.WriteString("(" + strings.Trim(s, "()") + ")\n")
				case "speaker":
					// Print sets a label apart (small capitals, a period);
					// TEI often drops the period: put it back.
					label = s
					if !strings.ContainsAny(s[len(s)-1:], ".:") {
						label += "."
					}
				default:
					out.WriteString(s + "\n")
				}
			}
		case xml.CharData:
			if len(blocks) > 0 {
				blocks[len(blocks)-1].text.Write(x)
			}
		}
	}
	return out.String()
}

// castRoster is the roster made from a play's cast list: the particDesc
// persons (id, name = persName, gender from sex), each with the speaker
// labels printed for it (Play.Labels) as aliases.
func castRoster(t testing.TB, play *extract.Play) *roster.Roster {
	t.Helper()
	// A cast entry with an article ("Die Kätzin") is also printed without
	// it ("Kater und Kätzin."), as a reader writing the roster knows; the
	// bare form is added where no other entry claims it.
	bare := func(name string) string {
		for _, art := range []string{"Der ", "Die ", "Das ", "Ein ", "Eine "} {
			if rest, ok := strings.CutPrefix(name, art); ok {
				return rest
			}
		}
		return ""
	}
	claimed := map[string]int{}
	for _, ps := range play.Persons {
		claimed[ps.Name] += 2
		for _, l := range play.Labels[ps.ID] {
			claimed[l] += 2
		}
		if rest := bare(ps.Name); rest != "" {
			claimed[rest]++
		}
	}
	var persons []roster.Character
	for _, ps := range play.Persons {
		c := roster.Character{ID: ps.ID, Name: ps.Name, Gender: map[string]string{"MALE": "m", "FEMALE": "f"}[ps.Sex]}
		forms := play.Labels[ps.ID]
		if rest := bare(ps.Name); rest != "" && claimed[rest] == 1 {
			forms = append(slices.Clone(forms), rest)
		}
		for _, l := range forms {
			if l != c.Name && !slices.Contains(c.Aliases, l) {
				c.Aliases = append(c.Aliases, l)
			}
		}
		persons = append(persons, c)
	}
	js, err := json.Marshal(roster.Roster{Format: roster.FormatID, Lang: "de", Characters: persons})
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := roster.Parse("cast.json", js, "")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestPlaysPrintEval is the measurement of docs/extraction.md: each GerDraCor
// play is printed as plain text (printPlay), extracted with the cast
// roster by sentence and by scene, and scored against its TEI co-presence
// network (ExtractPlay) at two resolutions: DraCor's ids, and the
// characters print can tell apart (MergeLabels: ids printed under one
// label are one character, in the gold network and in the cast roster).
// The targets are a mean F1 ≥ 0.95 and a mean weight Spearman ≥
// 0.9 by scene; the test asserts them at the printed resolution and logs
// the table: run with -v.
func TestPlaysPrintEval(t *testing.T) {
	plays := []string{"buechner-woyzeck", "goethe-faust-eine-tragoedie", "lessing-emilia-galotti", "schiller-kabale-und-liebe"}
	type sum struct{ f1, rho float64 }
	sums := map[string]*sum{"ids": {}, "labels": {}}
	t.Logf("%-30s %-7s %-9s %5s %9s %6s %6s %6s %8s", "play", "gold", "unit", "edges", "precision", "recall", "f1", "rho", "pearson")
	for _, p := range plays {
		data, err := os.ReadFile(gerdracor + p + ".xml")
		if err != nil {
			t.Skipf("GerDraCor not available (%v): the test needs ../shared beside the repository", err)
		}
		text := printPlay(t, data)
		if *writePlays != "" {
			if err := os.WriteFile(filepath.Join(*writePlays, p+".md"), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for _, res := range []string{"ids", "labels"} {
			play, err := extract.ParseTEI(p, data)
			if err != nil {
				t.Fatal(err)
			}
			suffix := "-cast.json"
			if res == "labels" {
				play.MergeLabels()
				suffix = "-cast-labels.json"
			}
			gold, _, err := extract.ExtractPlay(play, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			r := castRoster(t, play)
			if *writePlays != "" {
				js, _ := json.MarshalIndent(r, "", "  ")
				if err := os.WriteFile(filepath.Join(*writePlays, p+suffix), append(js, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for _, unit := range []string{"sentence", "scene"} {
				u, _ := extract.ParseUnit(unit)
				g, _, err := extract.Extract(text, extract.Options{Roster: r, Unit: u})
				if err != nil {
					t.Fatal(err)
				}
				s := extract.Evaluate(g, gold)
				t.Logf("%-30s %-7s %-9s %5d %9.4f %6.4f %6.4f %6.4f %8.4f", p, res, unit, len(g.Edges), s.Precision, s.Recall, s.F1, s.Spearman, s.Pearson)
				if unit != "scene" {
					continue
				}
				sums[res].f1 += s.F1
				sums[res].rho += s.Spearman
				// By scene, speaker labels make presence: nobody who is
				// only talked about is put on stage.
				if s.Precision < 0.95 {
					t.Errorf("%s, %s: scene precision %.4f, want ≥ 0.95", p, res, s.Precision)
				}
				// Where every printed label names one cast entry (Emilia
				// Galotti) the extraction is the gold network.
				if p == "lessing-emilia-galotti" && (s.F1 != 1 || math.Abs(s.Spearman-1) > 1e-12) {
					t.Errorf("%s, %s: scene F1 %.4f Spearman %.4f, want the gold network", p, res, s.F1, s.Spearman)
				}
			}
		}
	}
	for _, res := range []string{"ids", "labels"} {
		mF1, mRho := sums[res].f1/float64(len(plays)), sums[res].rho/float64(len(plays))
		t.Logf("scene, gold by %s: mean F1 %.4f, mean Spearman %.4f (the issue's targets: 0.95, 0.9)", res, mF1, mRho)
		if res == "labels" && (mF1 < 0.95 || mRho < 0.9) {
			t.Errorf("scene, gold by printed labels: mean F1 %.4f, Spearman %.4f; want ≥ 0.95 and ≥ 0.9", mF1, mRho)
		}
	}
}
