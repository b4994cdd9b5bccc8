// Package formats provides the readers and writers of graph files, one file
// per format with reader and writer side by side. v0 knows relgraph's own
// JSON ("relgraph/graph@1", see DESIGN.md).
package formats
