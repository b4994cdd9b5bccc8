// Command render times relgraph's Graphviz (go-graphviz, WebAssembly) on
// a seeded generated graph, for bench/render.sh, which times Debian's
// native sfdp on the same DOT.
//
//	go run ./bench/render -nodes 1000 -edges 5000 -dot /tmp/g.dot -runs 3
//	go run ./bench/render -in /tmp/g.dot -runs 1 -o /tmp/go.svg
//	go run ./bench/render -in /tmp/g.dot -phases 3
//
// Without -in it generates the graph (every interaction drawn), writes its
// DOT to -dot (-overlap replaces the overlap attribute, e.g. "scale"),
// lays it out -runs times with render.SVG and prints one line per run and
// the median, in seconds. With -in it reads that DOT file instead and
// generates nothing, so that a timed process does what `sfdp -Tsvg FILE`
// does; -o writes the last SVG. -phases N times each step inside
// go-graphviz instead (start, parse, node walk, layout, layout + SVG,
// layout + plain, render.SVG end to end), N times each, printing medians;
// -cpuprofile writes a CPU profile of the timed runs.
package main
