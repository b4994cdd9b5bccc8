package extract_test

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/extract"
)

func edgeUnits(g *graph.Graph) map[string][]int {
	out := map[string][]int{}
	for _, e := range g.Edges {
		out[e.Source+"–"+e.Target] = e.Units
	}
	return out
}

// TestSeedParagraphs: e01 has no blank line, so each of its four lines is
// a paragraph. By the hand reading of seed_test.go: line 1 (sentences 1–3)
// names Achim only; line 2 (4–10) Kathrin and Lukas; line 3 (11–21) and
// line 4 (22–27) all four.
func TestSeedParagraphs(t *testing.T) {
	r := loadSeedRoster(t)
	g, _, err := extract.Extract(readFile(t, "../../data/episodes/e01.txt"), extract.Options{Roster: r, Unit: extract.UnitSpec{Kind: extract.UnitParagraph}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]int{
		"achim–friedrich":   {3, 4},
		"achim–kathrin":     {3, 4},
		"achim–lukas":       {3, 4},
		"friedrich–kathrin": {3, 4},
		"friedrich–lukas":   {3, 4},
		"kathrin–lukas":     {2, 3, 4},
	}
	if got := edgeUnits(g); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("edges %v, hand reading %v", got, want)
	}
	if g.Episode.Unit != "paragraph" || g.Episode.Units != 4 {
		t.Errorf("episode unit %q units %d, want paragraph 4", g.Episode.Unit, g.Episode.Units)
	}
}

// TestSeedWindow: e02 read by hand as tokens (runs of letters and digits,
// numbered from 0; "3." is the token "3", "z. B." two tokens). The
// mentions, as (first token, last token): Achim (15,17) "Dr. Achim
// Kreutzer", Hannah (31,33) "Dr. Hannah Winter", Hannah 39, Lukas 44,
// Kathrin 50 "Kathrins", Hannah (54,55) "Dr. Winter", Lukas 71 "Lukas’",
// Hannah 74, Achim 88, Kathrin 91, Kathrin 103, Lukas 113, Achim 119,
// Hannah 121, Kathrin 138, Achim 140, Hannah 147, Lukas 153; 160 tokens.
// The distance of a pair is the later mention's first token minus the
// earlier one's last token; the unit is the later mention's first token + 1.
func TestSeedWindow(t *testing.T) {
	r := loadSeedRoster(t)
	text := readFile(t, "../../data/episodes/e02.txt")
	for _, tc := range []struct {
		n    int
		want map[string][]int
	}{
		// Distance ≤ 5: Hannah 39–Lukas 44 (5), Kathrin 50–Hannah 54 (4),
		// Lukas 71–Hannah 74 (3), Achim 88–Kathrin 91 (3), Achim
		// 119–Hannah 121 (2), Kathrin 138–Achim 140 (2).
		{5, map[string][]int{
			"achim–hannah":   {122},
			"achim–kathrin":  {92, 141},
			"hannah–kathrin": {55},
			"hannah–lukas":   {45, 75},
		}},
		// Distance ≤ 15 adds, e.g., Achim 17–Hannah 31 (14) at 32, and
		// Lukas 44 with both Hannah 33 (11) and Hannah 39 (5): two
		// interactions in unit 45 — each pair of mentions counts once.
		{15, map[string][]int{
			"achim–hannah":   {32, 89, 122, 148},
			"achim–kathrin":  {92, 104, 141},
			"achim–lukas":    {120, 154},
			"hannah–kathrin": {51, 55, 148},
			"hannah–lukas":   {45, 45, 55, 75, 122, 154},
			"kathrin–lukas":  {51, 114, 154},
		}},
	} {
		g, _, err := extract.Extract(text, extract.Options{Roster: r, Unit: extract.UnitSpec{Kind: extract.UnitWindow, N: tc.n}})
		if err != nil {
			t.Fatal(err)
		}
		if got := edgeUnits(g); !maps.EqualFunc(got, tc.want, slices.Equal) {
			t.Errorf("window:%d: edges %v\nhand reading %v", tc.n, got, tc.want)
		}
		if g.Episode.Unit != "window:"+strconv.Itoa(tc.n) || g.Episode.Units != 160 {
			t.Errorf("window:%d: episode unit %q units %d, want 160 tokens", tc.n, g.Episode.Unit, g.Episode.Units)
		}
		for _, e := range g.Edges {
			if e.Weight != float64(len(e.Units)) {
				t.Errorf("%s–%s weight %v for %d units", e.Source, e.Target, e.Weight, len(e.Units))
			}
			// Evidence: the text from the earlier mention to the later
			// one, both spans inside it, the first at 0.
			for _, ev := range e.Evidence {
				runes := []rune(ev.Text)
				if len(ev.Mentions) != 2 || ev.Mentions[0].Start != 0 || ev.Mentions[1].End != len(runes) {
					t.Errorf("%s–%s unit %d: evidence %q spans %v", e.Source, e.Target, ev.Unit, ev.Text, ev.Mentions)
				}
			}
		}
	}
	// The Achim 17–Hannah 31 evidence, by hand.
	g, _, _ := extract.Extract(text, extract.Options{Roster: r, Unit: extract.UnitSpec{Kind: extract.UnitWindow, N: 15}})
	for _, e := range g.Edges {
		if e.Source == "achim" && e.Target == "hannah" {
			ev := e.Evidence[0]
			want := "Dr. Achim Kreutzer leitet nun die neue Abteilung und stellt dem Team eine neue Kollegin vor: Dr. Hannah Winter"
			if ev.Unit != 32 || ev.Text != want || ev.Mentions[0] != (graph.Mention{Start: 0, End: 18}) || ev.Mentions[1] != (graph.Mention{Start: 93, End: 110}) {
				t.Errorf("evidence %+v, want unit 32 %q [0,18) [93,110)", ev, want)
			}
		}
	}
}

func TestParseUnit(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{"", "sentence", ""}, {"sentence", "sentence", ""}, {"window:15", "window:15", ""},
		{"paragraph", "paragraph", ""}, {"scene", "scene", ""}, {"tei", "tei", ""},
		{"window:0", "", "window size"}, {"window:x", "", "window size"}, {"window:-3", "", "window size"},
		{"chapter", "", "want sentence, window:N"},
	} {
		u, err := extract.ParseUnit(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseUnit(%q) error %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || u.String() != tc.want {
			t.Errorf("ParseUnit(%q) = %v, %v; want %s", tc.in, u, err, tc.want)
		}
	}
}

// TestParagraphs: blank lines separate paragraphs when the text has any;
// else every line is one. Hard-wrapped lines stay in one paragraph.
func TestParagraphs(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"no blank line: one per line", "Eins.\nZwei.\r\nDrei.", []string{"Eins.", "Zwei.", "Drei."}},
		{"blank lines", "Eins\nweiter.\n\n  \nZwei\nnoch.\n\nDrei.\n", []string{"Eins\nweiter.", "Zwei\nnoch.", "Drei."}},
		{"CRLF blank line", "Eins\r\nweiter.\r\n\r\nZwei.", []string{"Eins\r\nweiter.", "Zwei."}},
		{"leading and trailing blank lines only: one per line", "\n\nEins.\nZwei.\n\n", []string{"Eins.", "Zwei."}},
	} {
		var got []string
		for _, s := range extract.Paragraphs(tc.text) {
			got = append(got, tc.text[s.Start:s.End])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestPrideParagraphs: Pride and Prejudice is hard-wrapped with blank
// lines between paragraphs; a paragraph unit spans its wrapped lines. The
// novel's opening sentence is wrapped over two lines.
func TestPrideParagraphs(t *testing.T) {
	data, err := os.ReadFile(novelPath)
	if err != nil {
		t.Skipf("novel not available (%v): the test needs ../shared beside the repository", err)
	}
	text := string(data)
	ps := extract.Paragraphs(text)
	first := "It is a truth universally acknowledged, that a single man in possession\nof a good fortune must be in want of a wife."
	found := false
	for _, p := range ps {
		if text[p.Start:p.End] == first {
			found = true
		}
	}
	if !found {
		t.Errorf("no paragraph is the opening sentence %q", first)
	}
	lines := strings.Count(text, "\n")
	if len(ps) >= lines/2 {
		t.Errorf("%d paragraphs for %d lines: blank lines were not read as the paragraph breaks", len(ps), lines)
	}
}

func TestHeadings(t *testing.T) {
	scene := []string{"# Szene 1", "## Im Park", "Szene 3", "SCENE 2.", "Scene II", "Erster Auftritt.", "Zweite Szene", "3. Szene", "II. Akt", "INT. KRANKENHAUS - TAG", "EXT. PARK – NACHT", "Act 1"}
	notScene := []string{"Szene", "Die Szene war lang.", "Interessant.", "Zwei Szenen später kam Lukas.", "#hashtag", strings.Repeat("Szene 3 ", 20)}
	for _, l := range scene {
		if !extract.IsSceneHeading(l) {
			t.Errorf("IsSceneHeading(%q) = false", l)
		}
	}
	for _, l := range notScene {
		if extract.IsSceneHeading(l) {
			t.Errorf("IsSceneHeading(%q) = true", l)
		}
	}
	chapter := []string{"Chapter I.", "CHAPTER XII.", "Chapter I.]", "Kapitel 3", "Erstes Kapitel", "3. Kapitel", "# Der Anfang"}
	notChapter := []string{"Heading to Chapter I.                 1", "Chapter", "chapters I read", "## Szene 1"}
	for _, l := range chapter {
		if !extract.IsChapterHeading(l) {
			t.Errorf("IsChapterHeading(%q) = false", l)
		}
	}
	for _, l := range notChapter {
		if extract.IsChapterHeading(l) {
			t.Errorf("IsChapterHeading(%q) = true", l)
		}
	}
}

func TestSections(t *testing.T) {
	text := "Vorwort mit Anna.\n\n# Erster Akt\n\n## Erste Szene\nAnna und Ben.\n## Zweite Szene\nBen allein.\n"
	secs := extract.Sections(text, extract.IsSceneHeading)
	var heads, bodies []string
	for _, s := range secs {
		heads = append(heads, s.Heading)
		bodies = append(bodies, strings.TrimSpace(text[s.Start:s.End]))
	}
	// The act heading and the first scene heading open one section.
	if want := []string{"", "# Erster Akt", "## Zweite Szene"}; !slices.Equal(heads, want) {
		t.Errorf("headings %q, want %q", heads, want)
	}
	if want := []string{"Vorwort mit Anna.", "# Erster Akt\n\n## Erste Szene\nAnna und Ben.", "## Zweite Szene\nBen allein."}; !slices.Equal(bodies, want) {
		t.Errorf("sections %q, want %q", bodies, want)
	}
	// Sections cover the text.
	if secs[0].Start != 0 || secs[len(secs)-1].End != len(text) {
		t.Errorf("sections %v do not cover [0,%d)", secs, len(text))
	}
	for i := 1; i < len(secs); i++ {
		if secs[i].Start != secs[i-1].End {
			t.Errorf("gap between sections %d and %d", i-1, i)
		}
	}
}

// TestSceneUnits: a scene names both characters → one interaction.
func TestSceneUnits(t *testing.T) {
	r, _ := parseRoster(t, "de", testRosterJSON)
	text := "## Szene 1\nLukas sitzt im Park.\nKathrin kommt.\n\n## Szene 2\nAchim.\n## Szene 3\nLukas ruft Achim.\n"
	g, _, err := extract.Extract(text, extract.Options{Roster: r, Unit: extract.UnitSpec{Kind: extract.UnitScene}})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]int{"achim–lukas": {3}, "kathrin–lukas": {1}}
	if got := edgeUnits(g); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("edges %v, want %v", got, want)
	}
	if g.Episode.Units != 3 || g.Episode.Unit != "scene" {
		t.Errorf("episode %+v", g.Episode)
	}
}

// TestSpeakerLabels: in a scene with speaker labels, being a speaker is
// being present; a character only talked about is not on stage. A scene
// without labels counts every name.
func TestSpeakerLabels(t *testing.T) {
	r, _ := parseRoster(t, "de", testRosterJSON)
	text := "## Szene 1\nLUKAS. Wo ist Achim?\nKathrin: Im Dienst.\n" +
		"## Szene 2\nAchim\nLukas kommt gleich. Dr. Kreutzer.\n" +
		"## Szene 3\nAchim trifft Kathrin.\n" +
		"## Szene 4\nKathrin sprach mit\nAchim. Dann mit Dr.\nKreutzer.\n"
	r.Characters[2].Aliases = append(r.Characters[2].Aliases, "LUKAS")
	r2, _ := parseRoster(t, "de", mustJSON(t, r))
	g, _, err := extract.Extract(text, extract.Options{Roster: r2, Unit: extract.UnitSpec{Kind: extract.UnitScene}})
	if err != nil {
		t.Fatal(err)
	}
	// Scene 1: speakers Lukas, Kathrin (Achim talked about). Scene 2:
	// speaker Achim alone ("Achim" fills its line; "Dr. Kreutzer." opens
	// no line). Scene 3: no labels, both names count. Scene 4: hard-wrapped
	// prose, "Achim." and "Kreutzer." open lines that follow no sentence
	// end ("mit", the title "Dr."): no labels, both count.
	want := map[string][]int{"achim–kathrin": {3, 4}, "kathrin–lukas": {1}}
	if got := edgeUnits(g); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("edges %v, want %v", got, want)
	}
}

// TestLabelForms: Markdown bold labels count; a parenthesis of digits
// after a name ("Kathrin (45) arbeitet …") is prose, not a stage direction.
func TestLabelForms(t *testing.T) {
	r, _ := parseRoster(t, "de", testRosterJSON)
	text := "# Szene 1\n**Kathrin:** Wo ist Lukas?\n**Max:** Weg.\n" +
		"# Szene 2\nKathrin (45) arbeitet in der Notaufnahme.\nLukas wird eingeliefert, Max wartet.\n"
	g, _, err := extract.Extract(text, extract.Options{Roster: r, Unit: extract.UnitSpec{Kind: extract.UnitScene}})
	if err != nil {
		t.Fatal(err)
	}
	// Scene 1: speakers Kathrin and Max (Lukas talked about). Scene 2: no
	// label, every name counts.
	want := map[string][]int{"kathrin–max": {1, 2}, "kathrin–lukas": {2}, "lukas–max": {2}}
	if got := edgeUnits(g); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("edges %v, want %v", got, want)
	}
}

// TestJointAndStageLabels: a joint label names several speakers, a stage
// direction that is only a name is a label, and neither rule fires in
// running text.
func TestJointAndStageLabels(t *testing.T) {
	r, _ := parseRoster(t, "de", testRosterJSON)
	text := "## Szene 1\nMax und Fritz. Wir gehen!\nLukas. Geht nur.\n" +
		"## Szene 2\n(Kathrin.)\nSingt ein Lied von Achim.\nLukas: Schön.\n" +
		"## Szene 3\nAnna, Max & Fritz. Hallo!\nKathrin. Ja?\n" +
		"## Szene 4\nLukas. Achim und Kathrin sind fort.\n(Achim tritt auf.)\n" +
		"## Szene 5\nMax und Fritz gehen. Lukas und Kathrin bleiben.\n" +
		"## Szene 6\nLukas. Wer kommt?\n(Anna und Max.)\n(Fritz. Kathrin.)\n"
	g, _, err := extract.Extract(text, extract.Options{Roster: r, Unit: extract.UnitSpec{Kind: extract.UnitScene}})
	if err != nil {
		t.Fatal(err)
	}
	// Scene 1: the joint label "Max und Fritz." and Lukas speak. Scene 2:
	// "(Kathrin.)" and Lukas speak; Achim is sung about. Scene 3: Anna,
	// Max and Fritz jointly, and Kathrin. Scene 4: Lukas alone speaks
	// ("Achim und Kathrin" do not open a label line; "(Achim tritt auf.)"
	// is more than a name). Scene 5: no label, every name counts. Scene 6:
	// Lukas, and the joint direction "(Anna und Max.)"; "(Fritz. Kathrin.)"
	// lists who is on stage (as in Emilia Galotti), not who speaks.
	want := map[string][]int{
		"fritz–lukas": {1, 5}, "lukas–max": {1, 5, 6}, "fritz–max": {1, 3, 5},
		"kathrin–lukas": {2, 5},
		"anna–fritz":    {3}, "anna–max": {3, 6}, "anna–kathrin": {3}, "fritz–kathrin": {3, 5}, "kathrin–max": {3, 5},
		"anna–lukas": {6},
	}
	if got := edgeUnits(g); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("edges %v,\nwant  %v", got, want)
	}
}

func TestLanguage(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Der Junge und die Mutter sind nicht im Haus.", "de"},
		{"The boy and his mother were not in the house.", "en"},
		{"Lukas. Kathrin.", "de"}, // no function word: the tie goes to German
		{"", "de"},
	} {
		if got := extract.DetectLanguage(tc.text); got != tc.want {
			t.Errorf("DetectLanguage(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
	if extract.Language("de-AT").Code != "de" || extract.Language("EN_gb").Code != "en" || extract.Language("fr") != nil {
		t.Error("Language tags")
	}
	// A roster without lang and an English text: English rules apply
	// ("Mr." ends no sentence).
	r, _ := parseRoster(t, "nolang", `{"format": "relgraph/roster@1", "characters": [{"id": "d", "name": "Darcy", "titles": ["Mr."]}, {"id": "e", "name": "Elizabeth"}]}`)
	g, _, err := extract.Extract("Elizabeth looked at Mr. Darcy and the others.", extract.Options{Roster: r})
	if err != nil || len(g.Edges) != 1 || g.Episode.Units != 1 {
		t.Errorf("detected English: %v units, %v edges, err %v", g.Episode.Units, len(g.Edges), err)
	}
	if _, _, err := extract.Extract("x", extract.Options{Roster: r, Lang: "fr"}); err == nil || !strings.Contains(err.Error(), `unknown language "fr"`) {
		t.Errorf("lang fr: err %v", err)
	}
}

// TestBOMAndCRLF: a byte order mark and CRLF line ends change nothing.
func TestBOMAndCRLF(t *testing.T) {
	r := loadSeedRoster(t)
	text := readFile(t, "../../data/episodes/e01.txt")
	// With a heading and a blank line, so that scenes and hard-wrap
	// joining see line ends too.
	text = "## Szene 1\n\n" + text
	for _, tc := range []struct {
		unit  string
		coref extract.Coref
	}{{"sentence", extract.CorefNone}, {"paragraph", extract.CorefNone}, {"scene", extract.CorefNone}, {"window:15", extract.CorefPronouns}, {"sentence", extract.CorefRoles}} {
		u, _ := extract.ParseUnit(tc.unit)
		opt := extract.Options{Roster: r, Unit: u, Coref: tc.coref}
		a, _, _ := extract.Extract(text, opt)
		for name, variant := range map[string]string{
			"BOM+CRLF": "\uFEFF" + strings.ReplaceAll(text, "\n", "\r\n"),
			"CR":       strings.ReplaceAll(text, "\n", "\r"),
		} {
			b, _, err := extract.Extract(variant, opt)
			if err != nil {
				t.Fatal(err)
			}
			if mustJSON(t, a) != mustJSON(t, b) {
				t.Errorf("%s, %s/%s: the graph differs from the LF text's", name, tc.unit, tc.coref)
			}
			c, _, err := extract.ExtractReader(strings.NewReader(variant), opt)
			if err != nil {
				t.Fatal(err)
			}
			if mustJSON(t, a) != mustJSON(t, c) {
				t.Errorf("%s, %s/%s, streamed: the graph differs from the LF text's", name, tc.unit, tc.coref)
			}
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestLongUnitExcerpt: a unit longer than MaxEvidenceText keeps an excerpt
// around the closest mentions of the two characters, not the whole unit.
func TestLongUnitExcerpt(t *testing.T) {
	r, _ := parseRoster(t, "de", testRosterJSON)
	filler := strings.Repeat("Es regnet lange im Park. ", 60) // 1,500 bytes
	text := "Lukas geht. " + filler + "Dann kommt Kathrin zu Lukas. " + filler
	g, _, err := extract.Extract(text, extract.Options{Roster: r, Unit: extract.UnitSpec{Kind: extract.UnitParagraph}})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Edges) != 1 || len(g.Edges[0].Evidence) != 1 {
		t.Fatalf("edges %+v", g.Edges)
	}
	ev := g.Edges[0].Evidence[0]
	if len(ev.Text) > extract.MaxEvidenceText || !strings.Contains(ev.Text, "Dann kommt Kathrin zu Lukas.") {
		t.Errorf("excerpt of %d bytes: %q", len(ev.Text), ev.Text)
	}
	runes := []rune(ev.Text)
	var got []string
	for _, m := range ev.Mentions {
		got = append(got, string(runes[m.Start:m.End]))
	}
	if !slices.Equal(got, []string{"Kathrin", "Lukas"}) {
		t.Errorf("mentions %q, want the closest pair Kathrin, Lukas", got)
	}
}

// TestLongUnitFarApart: when the closest mentions are far apart, each is
// kept with its context and the two parts are joined by " … ".
func TestLongUnitFarApart(t *testing.T) {
	r, _ := parseRoster(t, "de", testRosterJSON)
	filler := strings.Repeat("Es regnet lange im Park. ", 60)
	text := "Lukas geht. " + filler + "Dann kommt Kathrin."
	g, _, err := extract.Extract(text, extract.Options{Roster: r, Unit: extract.UnitSpec{Kind: extract.UnitParagraph}})
	if err != nil {
		t.Fatal(err)
	}
	ev := g.Edges[0].Evidence[0]
	runes := []rune(ev.Text)
	var got []string
	for _, m := range ev.Mentions {
		got = append(got, string(runes[m.Start:m.End]))
	}
	if !strings.Contains(ev.Text, " … ") || len(ev.Text) > extract.MaxEvidenceText || !slices.Equal(got, []string{"Lukas", "Kathrin"}) {
		t.Errorf("evidence %q mentions %q", ev.Text, got)
	}
	if !strings.HasPrefix(ev.Text, "Lukas geht.") || !strings.HasSuffix(ev.Text, "Dann kommt Kathrin.") {
		t.Errorf("evidence %q: want the start with Lukas and the end with Kathrin", ev.Text)
	}
}
