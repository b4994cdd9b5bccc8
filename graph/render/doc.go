// Package render provides relationship maps of a character network: DOT
// writes a *graph.Graph as Graphviz DOT; SVG lays DOT out and draws it
// with github.com/goccy/go-graphviz (Graphviz compiled to WebAssembly);
// PNG rasterises that SVG; HTML writes a self-contained interactive page;
// DiffDOT and DiffHTML draw what changed between two graphs. It is the
// only relgraph package that imports go-graphviz.
//
// DOT is plain Go, deterministic and golden-tested: the same graph and
// Options give byte-identical text. It keeps graph-wide settings, per-node
// style and per-edge style apart.
//
// # Style
//
//   - Layout: neato with a fixed seed (start) and overlap removal, edges
//     under the nodes; sfdp above 300 characters. Options.Layout picks
//     another. Overlaps: prism for small maps (scaling with sfdp), ortho
//     for big ones (see Big maps): go-graphviz's Graphviz lacks GTS, and
//     its fallback for prism takes minutes at 1,000 characters.
//   - Size: a circle's diameter grows with the square root of a measure
//     (Options.Size), from 0.7 in (0.3 in when only some characters are
//     named, and in big and diff maps) to 1.4 in. In small maps a named
//     circle is never narrower than its name: a name that does not fit is
//     set smaller (down to 8 pt) before the circle grows. Names are
//     measured with Liberation Sans, whose widths are Helvetica's (the
//     only sans-serif Graphviz in WebAssembly has metrics for), with 12 %
//     to spare for a wider viewer font.
//   - Width: an interaction's line grows with the square root of its
//     weight, from 1 pt (smallest weight) to 8 pt (largest).
//   - Labels: the roster's relation (or the weight) on edges, centred on
//     the edge's own line on a white plate with a white halo, where it
//     covers no name, other label or circle (else left out, and a note
//     under the map says how many are shown; see placeLabels); Top and MinWeight drop characters and
//     interactions (MinWeight keeps only characters with a tie of at
//     least that weight: loners go too).
//   - Legend: title, episode and unit, what size and width show (with
//     their ranges), what was pruned or thinned, and a swatch per colour.
//
// # Big maps
//
// A map of more than 40 drawn characters is drawn for reading at a
// glance, the way pprof prunes and scales big profiles, with no flag
// needed (asoiaf book 1, 187 characters and 684 interactions, or Les
// Misérables, 77 and 254, read at screen width):
//
//   - Names for the 40 most prominent characters only (Options.Labels),
//     the others unnamed dots with their name in the tooltip.
//   - Names beside the circles, not inside, so a circle shows only its
//     measure: below, else above, right, left or on a diagonal, in the
//     first place that covers no other name, label or circle, the biggest
//     circles first; a name with no free place is left out and the legend
//     says how many are shown (see placeLabels); the font grows with the map and with the circle (11·k to
//     16.5·k points, k = √n/6 within [1, 2]: see outsideFont), so names
//     stay legible when a big picture is fitted to a screen. They are
//     drawn above every circle and line with a white halo.
//   - Dense maps draw only the heaviest interactions, about 2.5 per
//     character, plus each character's strongest, so none is left without
//     a line; the others still pull in the layout (invisible edges) and
//     the legend says how many are drawn (Options.MaxEdges; see thin).
//   - Overlap removal by overlap=ortho (any engine), which keeps the
//     circles' order: the Voronoi fallback of prism spreads book 1 over
//     6,300 × 6,600 points with its leaves flung to the edges (ortho:
//     2,400 × 2,300), and sfdp's scaling spreads Les Misérables over
//     17,000 points. ortho costs more at 1,000 characters (2.9 s with
//     sfdp against 0.7 s for scaling; see bench/render.sh).
//
// Diff maps always set names beside fixed circles, placed as on big maps,
// so a circle shows the strength its legend names, never a name's length;
// small diff maps remove overlaps by scaling (overlap=scale).
//
// # Colours
//
// Fills come from Paul Tol's colour-blind-safe "light" palette (seven
// colours) and its pale grey. With Options.ColorBy "community" (the
// command line's default) each community is one colour, chosen so a
// community keeps its colour from episode to episode even though
// community numbers change: communities are taken largest first; each
// prefers the colour that the 64-bit FNV-1a hash of its anchor picks —
// the member id with the smallest hash, a MinHash of the member set, so
// two episodes' communities that share a fraction J of their members
// (Jaccard) prefer the same colour with probability J, and a newcomer
// changes it only if its own hash is smaller than every old member's —
// and a community whose colour a larger one holds takes the next free
// colour in palette order. Communities of one character, those beyond the
// seventh and characters without a community are pale grey. A character's
// colour changes only when its community does, or when a larger community
// claims the colour. "attribute:NAME" uses the same rule with the
// attribute's value as the anchor (stable for good); "id" hashes each
// character's own id (stable, but neighbours may share a colour); "none"
// is one colour.
//
// # Ids, tooltips and escaping
//
// Every node carries the SVG id NodeID(id) ("node-<id>") and every edge
// EdgeID(source, target); both escape '%' and a '-' at either end of an
// id or next to another '-', so that no two characters or pairs share an
// id. A node's tooltip gives its name, its rank and measures when
// Options.Measures has them (else the size measure), its mentions when the
// graph counts them, and its community; an edge's the pair, its weight
// and its first three evidence sentences, then "(+k more)".
//
// Text is written so that it shows as typed: escStrings with \" and \\,
// HTML-like labels as HTML, '&' as "&amp;". Graphviz expands \G, \N and
// the other object escapes even in HTML-like labels and tooltips, so
// SVG replaces every literal backslash by a private-use placeholder before
// Graphviz reads the DOT and puts it back afterwards (node <title>s
// included).
//
// # Formats
//
// PNG: go-graphviz's own PNG renderer drops edges and node shapes, and
// pure-Go SVG rasterisers draw no text, so PNG reads the part of SVG that
// Graphviz writes and draws it with github.com/tdewolff/canvas, setting
// text in the embedded Liberation Sans.
//
// HTML: one file with the SVG, the data as JSON and a small script: pan
// and zoom, search, a panel with a character's measures and strongest
// ties or an edge's evidence, and the ranking table. Nothing is fetched;
// names and sentences become page text, never markup.
//
// # Concurrency and cost
//
// Calls into go-graphviz are serialised behind one package-level mutex.
// Importing this package compiles Graphviz's WebAssembly module
// (go-graphviz does it in an init function; wazero keeps a compilation
// cache under os.TempDir()/go-graphviz, so only the first run on a machine
// pays the full cost: about 0.6 s on two cores, against 0.04 s with the
// cache). Neato renders of a cast take milliseconds; see BenchmarkRender
// and bench/render.sh. sfdp keeps random state in the WebAssembly module
// that no attribute reseeds, so its output is the same in every process,
// but a second sfdp layout in one process may differ.
package render
