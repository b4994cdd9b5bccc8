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
// has none) opening the first line of its
// speech, speeches (<p>, <l>, <ab>) one line each, stage directions
// (<stage>) in parentheses on their own lines. It also returns the roster made from the cast: the
// particDesc persons (id, name = persName, gender from sex), each with the
// speaker labels printed for it as aliases (trailing "." ":" "," dropped).
func printPlay(t testing.TB, data []byte) (string, *roster.Roster) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	var out strings.Builder
	type block struct {
		name string
		text strings.Builder
	}
	var blocks []*block
	inBody := false
	var who []string
	labels := map[string][]string{}
	var persons []roster.Character
	var person *roster.Character
	var persName *strings.Builder
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
			attr := func(n string) string {
				for _, a := range x.Attr {
					if a.Name.Local == n {
						return a.Value
					}
				}
				return ""
			}
			switch x.Name.Local {
			case "body":
				inBody = true
			case "person", "personGrp":
				g := map[string]string{"MALE": "m", "FEMALE": "f"}[attr("sex")]
				persons = append(persons, roster.Character{ID: attr("id"), Gender: g})
				person = &persons[len(persons)-1]
			case "persName", "name":
				if person != nil && person.Name == "" {
					persName = &strings.Builder{}
				}
			case "sp":
				who = strings.Fields(strings.ReplaceAll(attr("who"), "#", ""))
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
			case "person", "personGrp":
				person = nil
			case "persName", "name":
				if persName != nil && person != nil {
					person.Name = strings.Join(strings.Fields(persName.String()), " ")
					persName = nil
				}
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
					if len(who) == 1 {
						l := strings.TrimRight(s, ".:, ")
						if l != "" && !slices.Contains(labels[who[0]], l) {
							labels[who[0]] = append(labels[who[0]], l)
						}
					}
				default:
					out.WriteString(s + "\n")
				}
			}
		case xml.CharData:
			if persName != nil {
				persName.Write(x)
			}
			if len(blocks) > 0 {
				blocks[len(blocks)-1].text.Write(x)
			}
		}
	}
	for i := range persons {
		for _, l := range labels[persons[i].ID] {
			if l != persons[i].Name {
				persons[i].Aliases = append(persons[i].Aliases, l)
			}
		}
	}
	js, err := json.Marshal(roster.Roster{Format: roster.FormatID, Lang: "de", Characters: persons})
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := roster.Parse("cast.json", js, "")
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), r
}

// TestPlaysPrintEval is the measurement of docs/extraction.md: each GerDraCor
// play is printed as plain text (printPlay), extracted with the cast
// roster by sentence and by scene, and scored against its TEI co-presence
// network (ExtractTEI). The targets are a mean F1 ≥ 0.95 and a
// mean weight Spearman ≥ 0.9; the test asserts what the printed text
// allows (see below) and logs the table: run with -v.
func TestPlaysPrintEval(t *testing.T) {
	plays := []string{"buechner-woyzeck", "goethe-faust-eine-tragoedie", "lessing-emilia-galotti", "schiller-kabale-und-liebe"}
	var sumF1, sumRho float64
	t.Logf("%-30s %-9s %5s %9s %6s %6s %6s %8s", "play", "unit", "edges", "precision", "recall", "f1", "rho", "pearson")
	for _, p := range plays {
		data, err := os.ReadFile(gerdracor + p + ".xml")
		if err != nil {
			t.Skipf("GerDraCor not available (%v): the test needs ../shared beside the repository", err)
		}
		gold, _, err := extract.ExtractTEI(p, data, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		text, r := printPlay(t, data)
		if *writePlays != "" {
			if err := os.WriteFile(filepath.Join(*writePlays, p+".md"), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			js, _ := json.MarshalIndent(r, "", "  ")
			if err := os.WriteFile(filepath.Join(*writePlays, p+"-cast.json"), append(js, '\n'), 0o644); err != nil {
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
			t.Logf("%-30s %-9s %5d %9.4f %6.4f %6.4f %6.4f %8.4f", p, unit, len(g.Edges), s.Precision, s.Recall, s.F1, s.Spearman, s.Pearson)
			if unit != "scene" {
				continue
			}
			sumF1 += s.F1
			sumRho += s.Spearman
			// By scene, speaker labels make presence: nobody who is only
			// talked about is put on stage (precision), and where every
			// printed label names one cast entry (Emilia Galotti) the
			// extraction is the gold network. Labels that several cast
			// entries share ("Kammerdiener" for five DraCor characters in
			// Kabale und Liebe, "Stimme" in Faust, "ANDRE" in Woyzeck)
			// match none of them, by the roster's rule, and cost recall.
			if s.Precision < 0.95 {
				t.Errorf("%s: scene precision %.4f, want ≥ 0.95", p, s.Precision)
			}
			if p == "lessing-emilia-galotti" && (s.F1 != 1 || math.Abs(s.Spearman-1) > 1e-12) {
				t.Errorf("%s: scene F1 %.4f Spearman %.4f, want the gold network", p, s.F1, s.Spearman)
			}
		}
	}
	mF1, mRho := sumF1/float64(len(plays)), sumRho/float64(len(plays))
	t.Logf("scene: mean F1 %.4f, mean Spearman %.4f (the issue's targets: 0.95, 0.9)", mF1, mRho)
}
