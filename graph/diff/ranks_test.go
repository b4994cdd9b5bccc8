package diff

import (
	"slices"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// TestSharedRanks checks competition ("1224") ranks against values worked
// by hand, as scipy.stats.rankdata(-v, method="min") gives them.
func TestSharedRanks(t *testing.T) {
	tests := []struct {
		name string
		ids  []string
		v    []float64
		want []int
	}{
		{"no ties", []string{"a", "b", "c"}, []float64{1, 3, 2}, []int{3, 1, 2}},
		{"1224", []string{"a", "b", "c", "d"}, []float64{6, 4, 4, 4}, []int{1, 2, 2, 2}},
		// ids in reverse order must not change a shared rank.
		{"tie ordered by id", []string{"z", "y", "x", "w"}, []float64{4, 4, 6, 1}, []int{2, 2, 1, 4}},
		{"all tied", []string{"a", "b", "c"}, []float64{0, 0, 0}, []int{1, 1, 1}},
		// 0.1+0.2 and 0.3 differ in the last bit; RankKey makes them tie.
		{"float noise ties", []string{"a", "b", "c"}, []float64{0.1 + 0.2, 0.3, 1}, []int{2, 2, 1}},
		{"two groups", []string{"a", "b", "c", "d", "e"}, []float64{2, 1, 2, 1, 3}, []int{2, 4, 2, 4, 1}},
		{"empty", nil, nil, []int{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := &graph.Graph{}
			for _, id := range tc.ids {
				g.Nodes = append(g.Nodes, graph.Node{ID: id})
			}
			if got := SharedRanks(g, tc.v); !slices.Equal(got, tc.want) {
				t.Errorf("SharedRanks(%v) = %v, want %v", tc.v, got, tc.want)
			}
		})
	}
}

// TestTiesAreNotMoves is issue 7's case: a star (hub 4; a, b, c, d 1)
// becomes a chain a–b–c–d–e (b, c, d 2; a, e 1). b, c and d tie in the
// chain, so they share first place; a falls from joint second to joint
// fourth, shared with the entrant e. The old summary narrated the id order
// of the tie ("b rises from third to first place; c rises from fourth to
// second …").
func TestTiesAreNotMoves(t *testing.T) {
	star := mk("star", []string{"hub-a:1", "hub-b:1", "hub-c:1", "hub-d:1"})
	chain := mk("chain", []string{"a-b:1", "b-c:1", "c-d:1", "d-e:1"})
	r, err := Compare(star, chain)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int{"a": {2, 4}, "b": {2, 1}, "c": {2, 1}, "d": {2, 1}}
	for _, row := range r.Ranks {
		w, ok := want[row.ID]
		if !ok || row.RankA == nil || row.RankB == nil {
			continue
		}
		if *row.RankA != w[0] || *row.RankB != w[1] || *row.Delta != w[1]-w[0] {
			t.Errorf("%s: rank %d → %d (delta %d), want %d → %d", row.ID, *row.RankA, *row.RankB, *row.Delta, w[0], w[1])
		}
	}
	wantSummary := "E enters. HUB leaves. A falls from joint second to joint fourth place; " +
		"B, C and D rise from joint second to joint first place. " +
		"A new tie joins A and B (1); a new tie joins B and C (1); a new tie joins C and D (1)."
	if r.Summary != wantSummary {
		t.Errorf("summary =\n%s\nwant\n%s", r.Summary, wantSummary)
	}

	// Reordering a tie (both sides: x and y tie at 3, z 0) is no move,
	// whatever the ids: y–x swapped for x–y with a third character added
	// far below.
	a := mk("a", []string{"x-y:3"}, "z")
	b := mk("b", []string{"y-x:3", "z-w:1"})
	r, err = Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range r.Ranks {
		if row.Delta != nil && (row.ID == "x" || row.ID == "y") && *row.Delta != 0 {
			t.Errorf("%s: delta %d; a tie that stays a tie is no move", row.ID, *row.Delta)
		}
	}
}
