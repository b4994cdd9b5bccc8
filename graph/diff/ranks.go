package diff

import (
	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
)

// SharedRanks returns the competition ("1224") rank of every node of g by
// the values v (indexed like g.Nodes; the result is indexed like g.Nodes
// too): 1 for the highest value, and nodes whose values tie share the best
// rank of their group, the next group's rank skipping the places they fill
// — strengths 6, 4, 4, 4, 1 rank 1, 2, 2, 2, 5 (scipy.stats.rankdata(−v,
// method="min"), SQL RANK()). Values tie when their centrality.RankKey is
// equal (equal to 12 significant digits), the rule by which
// centrality.Rank groups ties before ordering them by id.
//
// These are the ranks of RankRow, the summary and the diff map: a
// character's rank does not depend on the id order that breaks a tie, so a
// tie broken differently in A and B is not a move.
func SharedRanks(g *graph.Graph, v []float64) []int {
	order := Ranks(g, v) // 1..n, ties consecutive (ordered by id within a tie)
	byPos := make([]int, len(order))
	for i, r := range order {
		byPos[r-1] = i
	}
	out := make([]int, len(order))
	for p, i := range byPos {
		if p > 0 && centrality.RankKey(v[i]) == centrality.RankKey(v[byPos[p-1]]) {
			out[i] = out[byPos[p-1]]
			continue
		}
		out[i] = p + 1
	}
	return out
}

// tied reports whether rank k is shared: count maps a rank of one side
// (RankRow.RankA or RankB) to the number of characters holding it.
func tied(count map[int]int, k int) bool { return count[k] > 1 }
