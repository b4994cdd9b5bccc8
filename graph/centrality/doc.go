// Package centrality provides node centrality measures and rankings for an
// undirected, weighted *graph.Graph: degree, strength, betweenness,
// closeness, harmonic, eigenvector, PageRank, Katz, local clustering
// (plain and Onnela-weighted) and core number, plus edge betweenness and
// bootstrap intervals for rankings. They are computed by the package's own
// kernels over a compressed sparse row (CSR) copy of the graph and checked
// against NetworkX reference values and gonum.
//
// # Conventions
//
// Every measure function returns a []float64 indexed like g.Nodes (position
// i holds the value of g.Nodes[i]). The graph is expected in canonical form
// (graph.Graph.Canonicalize and Validate): undirected, edge weights positive
// and finite. The kernels do not panic on graphs that break those rules;
// they read them as follows, and say so nowhere else:
//
//   - a self-loop is ignored (it lies on no shortest path, and NetworkX would
//     otherwise count it twice in degree and strength);
//   - an edge whose weight is not a positive finite number, or whose end is
//     not in g.Nodes, is ignored;
//   - two edges between the same pair are merged into one whose weight is
//     the sum of theirs (the rule the reference values use);
//   - g.Directed is not consulted: every edge is read as undirected.
//
// Edge weights count interactions, so they are similarities. Measures built
// on shortest paths (betweenness, closeness, harmonic) take a Distance: the
// default Inverse makes an edge of weight w as long as 1/w, so frequent
// partners are close; Unit makes every edge one hop long. Distances are
// therefore either hop counts or sums of 1/weight, never weights.
//
// Normalisation follows NetworkX, so that the values can be compared with
// the reference files in ../shared/data/*/reference/: betweenness
// optionally × 2/((n−1)(n−2)), closeness with the Wasserman–Faust factor on
// disconnected graphs, harmonic unnormalised, eigenvector with unit
// Euclidean norm, PageRank summing to 1.
//
// # Differences from gonum
//
// gonum.org/v1/gonum/graph/network offers some of these measures; this
// package deliberately differs where gonum's conventions would surprise a
// reader of NetworkX output (each difference is pinned by a test):
// gonum's undirected betweenness counts every pair twice (ours counts
// s<t once); its closeness is 1/Σd with +Inf for an isolated node (ours is
// the Wasserman–Faust form with 0); its PageRank starts from an unseeded
// random vector (ours from the uniform vector, so runs are bit-identical);
// its simple graphs panic on a self-loop (ours ignore it); and it has no
// eigenvector centrality. Its weighted betweenness and closeness need
// all-pairs shortest paths (O(n²) memory); ours run one single-source
// search per node over a compact adjacency array.
//
// # Determinism
//
// Results depend only on g, never on map iteration order, scheduling or
// GOMAXPROCS: path measures split the sources into a fixed number of
// blocks that are summed in block order, whether or not they run in
// parallel.
//
// Rank orders the nodes by one measure and returns a Ranking, whose JSON
// form is the "relgraph/ranking@1" document of DESIGN.md. Bootstrap adds
// 95% intervals by resampling the interaction units of an extracted graph.
// RankEdges orders the edges by edge betweenness
// ("relgraph/edge-ranking@1").
//
// # Values without shared references
//
// Katz, clustering, clustering_weighted, coreness, triangles and edge
// betweenness are checked against NetworkX values kept in
// testdata/expected.json, written by testdata/make_expected.py (Debian
// python3-networkx 2.8.8).
package centrality
