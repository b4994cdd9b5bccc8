// Package community provides community detection on undirected, weighted
// character networks — Louvain modularity optimisation and label
// propagation — and the modularity of a partition.
//
// The graph is read as package centrality reads it: self-loops, edges with
// an unknown end and edges whose weight is not a positive finite number are
// ignored; parallel edges are merged by summing their weights. Weights are
// similarities (interaction counts): a community is a group of characters
// who interact with each other more than their strengths would predict.
//
// Both methods are randomised and take a seed (math/rand/v2's PCG): the same
// graph, method, seed and resolution give the same communities on every run
// and machine. Communities are numbered 1, 2, … by size, largest first, ties
// by their first member id; members are sorted by id; every node, isolated
// ones included, is in exactly one community.
//
// Modularity is checked against NetworkX 2.8.8 (testdata/expected.json,
// written by testdata/make_expected.py) and gonum's community.Q; Louvain's
// modularity is compared with NetworkX's and igraph's Louvain on the shared
// graphs.
package community
