// Package render provides relationship maps of a character network: it
// writes a *graph.Graph as Graphviz DOT text (DOT) and lays out and draws
// DOT as SVG (Render) with github.com/goccy/go-graphviz, Graphviz compiled
// to WebAssembly. It is the only relgraph package that imports go-graphviz.
//
// The two steps are apart on purpose. DOT is plain Go, deterministic and
// golden-tested: the same graph and Options give byte-identical text. It
// keeps graph-wide settings, per-node style and per-edge style apart:
//
//   - the map is undirected ("graph"; "digraph" with arrows for a directed
//     speech graph), laid out by neato with a fixed
//     seed (start=1) and overlap removal, edges drawn under the nodes and
//     routed around them (straight above 100 edges, where routing is slow);
//   - a character is a circle filled with a colour picked by an FNV-1a hash
//     of its id from Paul Tol's colour-blind-safe "light" palette, so a
//     character keeps its colour across episodes; the circle's diameter
//     grows with the square root of a caller-supplied measure (Options.Size);
//   - an interaction's line width grows with the square root of its weight;
//     its tooltip names the pair, the weight and the first evidence
//     sentence; its label (the roster's relation, by default) is drawn on
//     top of everything with a white halo.
//
// Every node and edge carries a stable SVG id ("node-<id>",
// "edge-<source>--<target>") and a tooltip, so a page can script the map.
//
// Render is safe for concurrent use: go-graphviz is not, so every call into
// it is serialised behind one package-level mutex. The Graphviz context is
// made on the first Render and reused. Importing this package compiles
// Graphviz's WebAssembly module (go-graphviz does it in an init function;
// wazero keeps a compilation cache under os.TempDir()/go-graphviz, so only
// the first run on a machine pays the full cost: about 0.8 s on two cores,
// against 0.04 s with the cache). A render of a small cast then takes a
// few milliseconds; see BenchmarkRender.
//
// PNG is not drawn: go-graphviz v0.2.10's own PNG renderer drops edges and
// node shapes, so Render returns an error for FormatPNG that says to render
// SVG and convert it (rsvg-convert map.svg -o map.png).
package render
