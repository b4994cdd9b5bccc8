// Package series provides the view of a whole series of character graphs —
// the episodes of a season, the books of a saga: one graph per episode
// (Frames) under one of four modes, the measures and ranks of every
// character in every episode (Run), as a long table, and plots of them
// (PlotLines, PlotHeatmap, PlotCounts).
//
// # Modes
//
//   - episodes (the default): each episode's own graph.
//   - cumulative: the sum of episodes 1..t (the story so far): a tie's
//     weight is its interactions up to episode t; a character stays once
//     seen.
//   - window:K: the sum of the last K episodes t−K+1..t (fewer at the
//     start), so old ties fade out after K episodes.
//   - smoothed: narrative smoothing after X. Bost, V. Labatut, S. Gueye and
//     G. Linarès, "Narrative smoothing: dynamic conversational network for
//     the analysis of TV series plots", ASONAM 2016, pp. 1111–1118,
//     doi:10.1109/ASONAM.2016.7752379, arXiv:1602.07811. Their idea: a
//     relationship shown at some point and again later does not vanish while
//     the narrative turns to other storylines in between; it persists,
//     fading as the two characters interact with others and reviving as
//     their next interaction approaches. The paper works at the level of
//     scenes and speech turns; relgraph applies it to episodes, with the
//     exact rule below (our adaptation, not the paper's formula).
//
// # The smoothing rule
//
// Let w_ij(t) be the weight of the tie i–j in episode t (0 when absent),
// s_i(t) the strength of i in episode t, and t1 < t2 two consecutive
// episodes in which i–j is active (w > 0). In an episode t1 < t < t2 the
// smoothed weight is
//
//	ŵ_ij(t) = max( w_ij(t1)·exp(−O⁻(t)/D(t1)), w_ij(t2)·exp(−O⁺(t)/D(t2)) )
//
// where O⁻(t) = Σ_{u=t1+1..t} (s_i(u) + s_j(u)) is what i and j did with
// other characters since the last activation, O⁺(t) = Σ_{u=t..t2−1}
// (s_i(u) + s_j(u)) what they do with others until the next one, and
// D(a) = s_i(a) + s_j(a) their activity in the anchoring episode a. So one
// anchoring episode's worth of interactions with others divides the tie by
// e; a tie whose characters are both absent in between persists at full
// weight. In an active episode ŵ_ij(t) = w_ij(t); before the first and
// after the last activation the tie does not exist. The rule is invariant
// under scaling all weights (so normalised weights smooth alike). A
// smoothed frame holds the characters of episode t and those of its
// smoothed ties.
//
// # Frames and determinism
//
// Frame graphs of the episodes mode are the inputs themselves. The other
// modes build new graphs whose nodes and edges come in order of first
// appearance in the series (deterministic; call Canonicalize for sorted
// order); a character's name is the one of its latest episode. Run
// computes the frames' measures in parallel and hands them to its callback
// in episode order, so results do not depend on scheduling.
package series
