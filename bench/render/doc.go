// Command render times relgraph's Graphviz (go-graphviz, WebAssembly) on
// a seeded generated graph, for bench/render.sh, which times Debian's
// native sfdp on the same DOT.
//
//	go run ./bench/render -nodes 1000 -edges 5000 -dot /tmp/g.dot -runs 3
//
// It writes the DOT to -dot, lays it out -runs times with render.SVG and
// prints one line per run and the median, in seconds.
package main
