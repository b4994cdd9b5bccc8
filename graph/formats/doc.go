// Package formats provides the readers and writers of graph files, one file
// per format with reader and writer side by side, and Read and Write,
// which pick the format by name, file extension or content.
//
// # Formats
//
//	name      extensions     read  write  tools
//	json      .json          yes   yes    relgraph's own (relgraph/graph@1, DESIGN.md)
//	nodelink  .json          yes   yes    NetworkX node_link_data, D3 (nodes + links/edges)
//	csv       .csv .tsv      yes   yes    Gephi, ezlinavis, DraCor edge lists (+ node table)
//	gexf      .gexf          yes   yes    Gephi (GEXF 1.3; WriteGEXFDynamic for series)
//	graphml   .graphml       yes   yes    yEd, Cytoscape, NetworkX, igraph
//	gml       .gml           yes   yes    NetworkX, igraph
//	dot       .dot .gv       yes   yes    Graphviz (parsed with gonum's DOT grammar)
//	pajek     .net .paj      yes   yes    Pajek, igraph, NetworkX
//	sgb       .dat           yes   no     Knuth's Stanford GraphBase (jean.dat, …)
//	neo4j     (two .csv)     no    yes    neo4j-admin database import (WriteNeo4j)
//
// A ".json" file is relgraph JSON when it has a "format" key and node-link
// JSON otherwise. Without a known extension (standard input) Sniff looks
// at the content. Each format's file documents its mapping to
// graph.Graph: which attribute carries the name, mentions, relation,
// units and evidence, and what a format cannot keep.
//
// # Import rules (all readers but relgraph JSON, which is strict)
//
//   - A duplicate edge (the same pair twice; in undirected input a
//     reversed pair is the same edge) is merged: weights are summed,
//     units merged, and a warning names the line or element.
//   - A self-loop is dropped with a warning.
//   - An edge naming a node the file does not declare is an error, except
//     in edge lists (CSV without a node table), whose nodes are the ends.
//   - A weight must be a finite number in [graph.MinWeight,
//     graph.MaxWeight]; zero, negative, NaN or text is an error.
//   - Ids are always strings: "007", "1e3" and "true" stay as written.
//   - Attribute numbers are float64, as encoding/json decodes them, and a
//     whole number is written as an integer, so an integer weight or
//     attribute stays an integer in every format.
//   - XML is parsed without expanding entities or fetching anything: a
//     DOCTYPE declaring entities is refused.
//
// Errors name the file and the line (or XML element, or JSON field) and
// say what was expected; warnings, one string each, do the same. At most
// five warnings of one kind are listed, then their count.
//
// # Round trips
//
// relgraph JSON, GEXF, GraphML and GML keep node ids, names, mentions,
// attributes (with their types; GML writes booleans as 1/0 like NetworkX
// and lists them in relgraph_booleans),
// isolated nodes, weights, relations, units and evidence (the last two as
// JSON text in the XML formats and GML), and the episode. Node-link JSON
// and DOT keep the same. CSV keeps edges, weights, relations and units,
// and with its node table names, mentions and attributes (as strings).
// Pajek keeps ids and weights only.
package formats
