// Package metrics provides whole-graph figures of an undirected character
// network: the per-play set that DraCor reports (size, edges, density,
// diameter, average path length, average clustering, average degree,
// maximum degree and who has it, connected components) plus transitivity,
// degree assortativity and the size of the largest component.
//
// # Conventions
//
// The graph is read as package centrality reads it: self-loops, edges with
// an unknown end and edges whose weight is not a positive finite number are
// ignored, parallel edges count once. Every figure here ignores weights:
// degrees count neighbours, and diameter and average path length count hops,
// as DraCor and NetworkX report them.
//
// A figure that is undefined for a graph — the diameter of a disconnected
// graph, the density of a graph with fewer than two nodes, the
// assortativity of a graph whose edge ends all have the same degree — is a
// nil pointer in Stats, null in JSON and "n/a" in tables, never a made-up
// number. Where NetworkX returns 0 for such a case (density, transitivity)
// the difference is stated on the field.
//
// The values are checked against NetworkX 2.8.8 (testdata/expected.json,
// written by testdata/make_expected.py) on every graph of ../shared/data and
// on small degenerate graphs.
package metrics
