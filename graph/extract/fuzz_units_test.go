package extract_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/roster"
)

// FuzzExtractModes runs Extract with every unit, coreference mode and the
// speech layer on arbitrary text (the seed roster, or the English test
// roster): nothing may panic, and every graph must validate, have
// 1 ≤ weight = len(units), and evidence spans inside their texts.
func FuzzExtractModes(f *testing.F) {
	seed := loadSeedRoster(f)
	en, _ := parseRoster(f, "test-en", englishRosterJSON)
	rosters := []*roster.Roster{seed, en}
	for _, s := range []string{
		"",
		"## Szene 1\nLUKAS. Wo ist Achim?\nKathrin: Er kommt.\n\n## Szene 2\nAchim\n",
		"„Wo ist Lukas?“, fragt Kathrin. Er sagt: „Hier, Mutter!“ Sein Vater Friedrich lacht.",
		"Chapter I.]\n\nMr. Darcy said “Jane,” to her.\r\n\r\nCHAPTER II.\nHe left.",
		"Der Junge und seinen Vater. Sie, ihr, ihm. Er.",
		"INT. KLINIK\n„\n“\n",
		"Lukas geht. " + strings.Repeat("Es regnet lange, ä. ", 80) + "Kathrin und Lukas. " + strings.Repeat("Ö ", 400) + "Achim.",
		"ANNA. „" + strings.Repeat("Lukas sagt viel ", 100) + "“ sagt Kathrin.",
	} {
		for i := range rosters {
			for mode := range uint8(10) {
				f.Add(s, uint8(i), mode)
			}
		}
	}
	units := []extract.UnitSpec{{Kind: extract.UnitSentence}, {Kind: extract.UnitParagraph}, {Kind: extract.UnitScene}, {Kind: extract.UnitWindow, N: 1}, {Kind: extract.UnitWindow, N: 15}}
	f.Fuzz(func(t *testing.T, text string, which, mode uint8) {
		opt := extract.Options{Roster: rosters[int(which)%len(rosters)], Unit: units[int(mode)%len(units)], Coref: extract.Coref(int(mode/5) % 3)}
		if mode%7 == 6 {
			opt.Unit, opt.Layer = extract.UnitSpec{}, extract.LayerSpeech
		}
		g, _, err := extract.Extract(text, opt)
		if !utf8.ValidString(text) {
			if err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Validate(); err != nil {
			t.Fatal(err)
		}
		for _, e := range g.Edges {
			if e.Weight < 1 || int(e.Weight) != len(e.Units) {
				t.Fatalf("%s–%s weight %v, %d units", e.Source, e.Target, e.Weight, len(e.Units))
			}
			for _, ev := range e.Evidence {
				n := utf8.RuneCountInString(ev.Text)
				for _, m := range ev.Mentions {
					if m.Start < 0 || m.End > n || m.Start >= m.End {
						t.Fatalf("span %v outside %d code points of %q", m, n, ev.Text)
					}
				}
			}
		}
	})
}

// FuzzParseTEI: arbitrary bytes never make ParseTEI or ExtractTEI panic.
func FuzzParseTEI(f *testing.F) {
	f.Add([]byte(smallTEI))
	f.Add([]byte("<TEI><text><body><div><sp who=\"# #a\"/></div></body></text></TEI>"))
	f.Add([]byte("<TEI><teiHeader><person xml:id=\"a\"><persName>A"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, _, err := extract.ExtractTEI("f.xml", data, extract.Options{})
		if err != nil {
			return
		}
		if err := g.Validate(); err != nil {
			t.Fatal(err)
		}
	})
}
