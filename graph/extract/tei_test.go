package extract_test

import (
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph/extract"
)

const gerdracor = "../../../shared/data/gerdracor/"

// TestTEIReference reproduces the DraCor co-presence networks of the four
// GerDraCor plays of ../shared/data exactly: the node set, the edges and
// their weights of reference/<play>.json (edge_list, per_node; built with
// NetworkX by ../shared/tools/reference_values.py: "weight = #div segments
// (with sp children) where both speak"), and the labels (persName).
func TestTEIReference(t *testing.T) {
	plays := []struct {
		name         string
		unattributed int // <sp> without who (data/README.md: four in Woyzeck)
	}{
		{"buechner-woyzeck", 4},
		{"goethe-faust-eine-tragoedie", 0},
		{"lessing-emilia-galotti", 0},
		{"schiller-kabale-und-liebe", 0},
	}
	for _, p := range plays {
		t.Run(p.name, func(t *testing.T) {
			data, err := os.ReadFile(gerdracor + p.name + ".xml")
			if err != nil {
				t.Skipf("GerDraCor not available (%v): the test needs ../shared beside the repository", err)
			}
			refData, err := os.ReadFile(gerdracor + "reference/" + p.name + ".json")
			if err != nil {
				t.Fatal(err)
			}
			var ref struct {
				EdgeList [][3]any `json:"edge_list"`
				PerNode  map[string]struct {
					Label string `json:"label"`
				} `json:"per_node"`
			}
			if err := json.Unmarshal(refData, &ref); err != nil {
				t.Fatal(err)
			}
			g, warnings, err := extract.ExtractTEI(p.name+".xml", data, extract.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := g.Validate(); err != nil {
				t.Fatal(err)
			}
			if p.unattributed > 0 {
				if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "4 <sp> without a who attribute") {
					t.Errorf("warnings %q, want one about %d <sp> without who", warnings, p.unattributed)
				}
			} else if len(warnings) != 0 {
				t.Errorf("warnings %q", warnings)
			}
			wantNodes := slices.Sorted(maps.Keys(ref.PerNode))
			var gotNodes []string
			for _, n := range g.Nodes {
				gotNodes = append(gotNodes, n.ID)
				if n.Name != ref.PerNode[n.ID].Label {
					t.Errorf("node %s: name %q, reference label %q", n.ID, n.Name, ref.PerNode[n.ID].Label)
				}
			}
			if !slices.Equal(gotNodes, wantNodes) {
				t.Errorf("nodes %v\nreference %v", gotNodes, wantNodes)
			}
			want := map[string]float64{}
			for _, e := range ref.EdgeList {
				a, b := e[0].(string), e[1].(string)
				if a > b {
					a, b = b, a
				}
				want[a+"–"+b] = e[2].(float64)
			}
			got := map[string]float64{}
			for _, e := range g.Edges {
				got[e.Source+"–"+e.Target] = e.Weight
				if len(e.Units) != int(e.Weight) {
					t.Errorf("%s–%s: weight %v, %d units", e.Source, e.Target, e.Weight, len(e.Units))
				}
			}
			if !maps.Equal(got, want) {
				for k, w := range want {
					if got[k] != w {
						t.Errorf("edge %s: weight %v, reference %v", k, got[k], w)
					}
				}
				for k, w := range got {
					if _, ok := want[k]; !ok {
						t.Errorf("edge %s (weight %v) not in the reference", k, w)
					}
				}
			}
			if g.Episode.Unit != "tei" || g.Episode.Units == 0 || g.Episode.Title == "" {
				t.Errorf("episode %+v", g.Episode)
			}
		})
	}
}

const smallTEI = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Ein  Stück</title></titleStmt></fileDesc>
    <profileDesc><particDesc><listPerson>
      <person xml:id="anna" sex="FEMALE"><persName>Anna</persName></person>
      <person xml:id="ben" sex="MALE"><persName>Ben</persName></person>
      <personGrp xml:id="chor"><name>Der Chor</name></personGrp>
    </listPerson></particDesc></profileDesc></teiHeader>
  <text><front><div><sp who="#anna"><p>Prolog im front: no unit.</p></sp><sp who="#ben"/></div></front>
  <body>
    <div type="act"><head>Erster Akt</head>
      <div type="scene"><head>Erste Szene</head>
        <sp who="#anna"><speaker>ANNA.</speaker><p>Ben!</p></sp>
        <sp who="#ben #chor"><speaker>BEN UND CHOR.</speaker><p>Ja!</p></sp>
        <sp><speaker>[??].</speaker><p>Wer?</p></sp>
      </div>
      <div type="scene"><head>Zweite Szene</head>
        <stage>Anna allein.</stage>
        <sp who="#anna"><p>Allein.</p></sp>
      </div>
    </div>
    <div type="act"><head>Zweiter Akt</head>
      <sp who="#anna"><p>Hier.</p></sp><sp who="#ben"><p>Da.</p></sp>
    </div>
  </body></text>
</TEI>`

// TestTEIRules: units are body divs with sp children (the act div with
// only scene divs inside is none; the front is not the body), who lists
// several speakers, an sp without who speaks for nobody.
func TestTEIRules(t *testing.T) {
	g, warnings, err := extract.ExtractTEI("small.xml", []byte(smallTEI), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Units: 1 Erste Szene (anna, ben, chor), 2 Zweite Szene (anna), 3
	// Zweiter Akt (anna, ben).
	want := map[string][]int{"anna–ben": {1, 3}, "anna–chor": {1}, "ben–chor": {1}}
	if got := edgeUnits(g); !maps.EqualFunc(got, want, slices.Equal) {
		t.Errorf("edges %v, want %v", got, want)
	}
	if g.Episode.Units != 3 || g.Episode.Title != "Ein Stück" {
		t.Errorf("episode %+v", g.Episode)
	}
	mentions := map[string]int{}
	for _, n := range g.Nodes {
		mentions[n.ID] = n.Mentions
	}
	if want := map[string]int{"anna": 3, "ben": 2, "chor": 1}; !maps.Equal(mentions, want) {
		t.Errorf("speeches %v, want %v", mentions, want)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "1 <sp> without a who attribute (lines 15)") {
		t.Errorf("warnings %q", warnings)
	}
	// Evidence: "head: names" with the two names' spans.
	ev := g.Edges[0].Evidence[0]
	if ev.Text != "Erste Szene: Anna, Ben, Der Chor" || ev.Mentions[0].Start != 13 || ev.Mentions[0].End != 17 || ev.Mentions[1].Start != 19 || ev.Mentions[1].End != 22 {
		t.Errorf("evidence %+v", ev)
	}

	// With a roster, who ids are roster ids; unknown ones are left out.
	r, _ := parseRoster(t, "r", `{"format": "relgraph/roster@1", "characters": [{"id": "anna", "name": "Anna A."}, {"id": "ben", "name": "Ben B."}],
		"relationships": [{"source": "anna", "target": "ben", "type": "sibling", "label": "Geschwister"}]}`)
	g, warnings, err = extract.ExtractTEI("small.xml", []byte(smallTEI), extract.Options{Roster: r})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Edges) != 1 || g.Edges[0].Relation != "Geschwister" || g.Nodes[0].Name != "Anna A." {
		t.Errorf("with roster: %+v", g)
	}
	if !slices.ContainsFunc(warnings, func(w string) bool { return strings.Contains(w, "speakers not in the roster are left out: chor") }) {
		t.Errorf("warnings %q", warnings)
	}
}

func TestTEIErrors(t *testing.T) {
	for _, tc := range []struct{ name, data, want string }{
		{"not TEI", `<?xml version="1.0"?><html><body/></html>`, "x.xml:1: not a TEI document: the root element is <html>, want <TEI>"},
		{"syntax error", "<TEI>\n<text>\n</TEI>", "x.xml:3: invalid XML"},
		{"empty", "", "x.xml: not a TEI document: no root element"},
		{"plain text", "Lukas trifft Kathrin.", "x.xml: not a TEI document"},
	} {
		_, _, err := extract.ExtractTEI("x.xml", []byte(tc.data), extract.Options{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestMergeLabels merges speakers that print under one label, as a
// hand-made play shows: two servants both printed "Diener." (with and
// without the period), a third printed "Diener" and "Alter Diener", so all
// three are one character; Anna, printed "Anna", and the joint speech of
// Anna and Karl ("Beide.", two who ids: no label) stay apart.
func TestMergeLabels(t *testing.T) {
	const tei = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><profileDesc><particDesc><listPerson>
<person xml:id="anna" sex="FEMALE"><persName>Anna</persName></person>
<person xml:id="karl" sex="MALE"><persName>Karl</persName></person>
<person xml:id="diener_1" sex="MALE"><persName>Erster Diener</persName></person>
<person xml:id="diener_2" sex="MALE"><persName>Zweiter Diener</persName></person>
<person xml:id="diener_3" sex="UNKNOWN"><persName>Alter Diener</persName></person>
</listPerson></particDesc></profileDesc></teiHeader>
<text><body>
<div type="scene"><head>Erste Szene</head>
<sp who="#anna"><speaker>Anna.</speaker><p>Wo ist Karl?</p></sp>
<sp who="#diener_1"><speaker>Diener.</speaker><p>Im Garten.</p></sp>
</div>
<div type="scene"><head>Zweite Szene</head>
<sp who="#karl"><speaker>Karl</speaker><p>Hier bin ich.</p></sp>
<sp who="#diener_2"><speaker>Diener</speaker><p>Der Wagen wartet.</p></sp>
<sp who="#anna #karl"><speaker>Beide.</speaker><p>Wir kommen.</p></sp>
</div>
<div type="scene"><head>Dritte Szene</head>
<sp who="#diener_3"><speaker>Alter Diener.</speaker><p>Ach.</p></sp>
<sp who="#diener_3"><speaker>Diener.</speaker><p>Ach ja.</p></sp>
<sp who="#anna"><speaker>Anna.</speaker><p>Still!</p></sp>
</div>
</body></text></TEI>`
	play, err := extract.ParseTEI("t.xml", []byte(tei))
	if err != nil {
		t.Fatal(err)
	}
	wantLabels := map[string][]string{"anna": {"Anna"}, "karl": {"Karl"}, "diener_1": {"Diener"}, "diener_2": {"Diener"}, "diener_3": {"Alter Diener", "Diener"}}
	if !maps.EqualFunc(play.Labels, wantLabels, slices.Equal) {
		t.Errorf("Labels = %v, want %v", play.Labels, wantLabels)
	}
	merged := play.MergeLabels()
	if want := map[string]string{"diener_2": "diener_1", "diener_3": "diener_1"}; !maps.Equal(merged, want) {
		t.Errorf("MergeLabels = %v, want %v", merged, want)
	}
	want := []extract.Person{{ID: "anna", Name: "Anna", Sex: "FEMALE"}, {ID: "karl", Name: "Karl", Sex: "MALE"}, {ID: "diener_1", Name: "Diener", Sex: ""}}
	if !slices.Equal(play.Persons, want) {
		t.Errorf("Persons = %v, want %v", play.Persons, want)
	}
	g, _, err := extract.ExtractPlay(play, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range g.Edges {
		got = append(got, e.Source+"-"+e.Target+":"+strings.Repeat("|", int(e.Weight)))
	}
	// Scene 1: anna, diener_1; scene 2: karl, diener_1 (was diener_2), anna;
	// scene 3: diener_1 (was diener_3), anna.
	if w := []string{"anna-diener_1:|||", "anna-karl:|", "diener_1-karl:|"}; !slices.Equal(got, w) {
		t.Errorf("edges = %v, want %v", got, w)
	}
	for _, n := range g.Nodes {
		if n.ID == "diener_1" && n.Mentions != 4 {
			t.Errorf("diener_1 has %d speeches, want 4 (1 + 1 + 2)", n.Mentions)
		}
	}
	if again := play.MergeLabels(); len(again) != 0 {
		t.Errorf("a second MergeLabels merged %v, want nothing", again)
	}
}
