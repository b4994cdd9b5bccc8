// Package graph provides relgraph's model of a character network: a Graph of
// characters (Node) joined by weighted interactions (Edge) that keep the
// units and the text evidence they came from.
//
// The model mirrors the "relgraph/graph@1" JSON schema of DESIGN.md. Every
// reader of a graph file or an episode text ends in a Graph, and every
// writer, measure and picture starts from one.
//
// Conventions:
//   - Undirected graphs store each edge once with Source < Target by id.
//   - Weight counts interactions (a similarity, not a distance).
//   - Units are numbered from 1, in text order.
//   - Mention offsets are [start, end) in Unicode code points of the evidence text.
package graph
