package centrality

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// rankGraph: a (strength 5), b (strength 5), c (strength 4), d (1), e (0).
// a and b tie on strength and are told apart by id.
func rankGraph() *graph.Graph {
	g := build([]string{"e", "d", "c", "b", "a"},
		edge{"a", "b", 3}, edge{"a", "c", 2}, edge{"b", "c", 1}, edge{"b", "d", 1})
	g.Nodes[0].Name = "Anna"
	g.Episode.ID = "e01"
	return g
}

func ids(r *Ranking) []string {
	var out []string
	for _, row := range r.Rows {
		out = append(out, row.ID)
	}
	return out
}

func TestRankOrder(t *testing.T) {
	for _, c := range []struct {
		name string
		opt  Options
		want []string
	}{
		// Strength 5, 5, 3, 1, 0: a and b tie and go in id order.
		{"default by strength", Options{}, []string{"a", "b", "c", "d", "e"}},
		// Degree: b 3; a, c 2; d 1; e 0.
		{"by degree", Options{By: "degree"}, []string{"b", "a", "c", "d", "e"}},
		{"top 2", Options{By: "degree", Top: 2}, []string{"b", "a"}},
		{"top beyond n", Options{Top: 10}, []string{"a", "b", "c", "d", "e"}},
		// Unit betweenness: b alone joins d to the rest; everyone else 0,
		// in id order.
		{"by betweenness, not listed", Options{By: "betweenness", Measures: []string{"degree"}, Distance: Unit},
			[]string{"b", "a", "c", "d", "e"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Rank(rankGraph(), c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(r); !slices.Equal(got, c.want) {
				t.Errorf("order %v, want %v", got, c.want)
			}
			for i, row := range r.Rows {
				if row.Rank != i+1 {
					t.Errorf("row %d has rank %d", i, row.Rank)
				}
				if _, ok := row.Values[r.By]; !ok {
					t.Errorf("row %s lacks the By value", row.ID)
				}
			}
		})
	}
}

// TestRankNoiseTies: the two ends of a path are symmetric; their
// betweenness (0) and closeness must tie exactly and fall back to id order,
// even where summation order could leave floating-point noise.
func TestRankNoiseTies(t *testing.T) {
	if RankKey(0.1+0.2) != RankKey(0.3) {
		t.Errorf("RankKey(0.1+0.2) = %v, RankKey(0.3) = %v", RankKey(0.1+0.2), RankKey(0.3))
	}
	g := build([]string{"z", "m", "a"}, edge{"a", "m", 1}, edge{"m", "z", 1})
	r, err := Rank(g, Options{By: "closeness", Distance: Unit})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(r); !slices.Equal(got, []string{"m", "a", "z"}) {
		t.Errorf("order %v", got)
	}
}

func TestRankErrors(t *testing.T) {
	for _, c := range []struct {
		opt  Options
		want []string // substrings of the error
	}{
		{Options{By: "fame"}, []string{`"fame"`, "degree, strength, betweenness"}},
		{Options{Measures: []string{"degree", "fame"}}, []string{`"fame"`, "pagerank, katz, clustering, clustering_weighted, coreness"}},
		{Options{Measures: []string{"degree", "degree"}}, []string{`"degree"`, "twice"}},
		{Options{Distance: Distance(3)}, []string{"Distance(3)", "inverse, unit"}},
		{Options{Top: -1}, []string{"-1"}},
	} {
		_, err := Rank(rankGraph(), c.opt)
		if err == nil {
			t.Errorf("Rank(%+v) succeeded, want error", c.opt)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Rank(%+v) error %q lacks %q", c.opt, err, w)
			}
		}
	}
}

// TestRankingJSON compares the whole document with the DESIGN.md layout:
// fixed key order, measures in Measures order, integral values as integers.
func TestRankingJSON(t *testing.T) {
	r, err := Rank(rankGraph(), Options{Measures: []string{"strength", "degree", "betweenness"}, Normalized: true, Distance: Unit, Top: 3})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	// Betweenness (unit, normalised ×2/(4·3)): b lies on d–a and d–c → 2/6.
	want := `{"format":"relgraph/ranking@1","graph":"e01","by":"strength","distance":"unit","normalized":true,` +
		`"measures":["strength","degree","betweenness"],"rows":[` +
		`{"rank":1,"id":"a","name":"Anna","strength":5,"degree":2,"betweenness":0},` +
		`{"rank":2,"id":"b","name":"b","strength":5,"degree":3,"betweenness":0.3333333333333333},` +
		`{"rank":3,"id":"c","name":"c","strength":3,"degree":2,"betweenness":0}]}`
	if string(got) != want {
		t.Errorf("JSON\n got %s\nwant %s", got, want)
	}
	var v map[string]any
	if err := json.Unmarshal(got, &v); err != nil {
		t.Errorf("output is not valid JSON: %v", err)
	}
}

func TestRankEmptyGraph(t *testing.T) {
	r, err := Rank(&graph.Graph{}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"format":"relgraph/ranking@1","graph":"graph","by":"strength","distance":"inverse","normalized":false,` +
		`"measures":["degree","strength","betweenness","closeness","harmonic","eigenvector","pagerank"],"rows":[]}`
	if string(got) != want {
		t.Errorf("JSON\n got %s\nwant %s", got, want)
	}
}

// TestRankReferenceTop checks the ranking by each measure on asoiaf book 1
// against the order of the NetworkX reference values (ties by id), for the
// first ten rows.
func TestRankReferenceTop(t *testing.T) {
	if len(referenceFiles(t)) == 0 {
		return
	}
	g, ref := loadReference(t, sharedData+"/asoiaf/reference/asoiaf-book1.json")
	keys := map[string]string{
		"degree": "degree", "strength": "strength", "betweenness": "betweenness_weighted_exact",
		"closeness": "closeness_weighted", "harmonic": "harmonic_weighted",
		"eigenvector": "eigenvector_weighted", "pagerank": "pagerank_weighted",
	}
	for _, m := range AllMeasures {
		r, err := Rank(g, Options{By: m, Normalized: true, Top: 10})
		if err != nil {
			t.Fatal(err)
		}
		want := make([]string, len(g.Nodes))
		for i, n := range g.Nodes {
			want[i] = n.ID
		}
		val := func(id string) float64 { return RankKey(ref.PerNode[id][keys[m]].(float64)) }
		slices.SortStableFunc(want, func(a, b string) int {
			if va, vb := val(a), val(b); va != vb {
				if va > vb {
					return -1
				}
				return 1
			}
			return strings.Compare(a, b)
		})
		if got := ids(r); !slices.Equal(got, want[:10]) {
			t.Errorf("by %s: %v, reference order %v", m, got, want[:10])
		}
	}
}
