// Command relgraph turns the text of serial narratives — TV episodes, novel
// chapters, plays — into weighted character-relationship graphs, ranks
// characters by centrality, draws relationship maps with Graphviz and shows
// what changed between episodes.
//
// Usage:
//
//	relgraph COMMAND [flags] [args...]
//
// The commands are:
//
//	extract EPISODE        build a graph from an episode text or a TEI play
//	rank GRAPH             rank characters by centrality (strength, betweenness, …)
//	render GRAPH           draw a relationship map (SVG, PNG, interactive HTML, DOT)
//	diff GRAPH_A GRAPH_B   show what changed between two episodes
//	series [GRAPH...]      follow the characters through a series of episodes
//	stats GRAPH            whole-graph figures (density, diameter, clustering, …)
//	communities GRAPH      groups of characters who interact among themselves
//	explain GRAPH A B      the text evidence of the edge between two characters
//	convert IN OUT         convert a graph between file formats (--out-dir: many)
//	report                 extract, rank, draw and diff every episode of the roster
//	eval EXTRACTED GOLD    score an extracted graph against a gold network
//	roster suggest TEXT    propose characters for a roster from a text
//	generate               write seeded synthetic graphs for benchmarks
//	completion SHELL       print a bash, zsh, fish or powershell completion script
//	docs man|markdown DIR  write a man page or Markdown page for every command
//
// "relgraph help COMMAND" (or "relgraph COMMAND --help") lists a command's
// flags with examples; "relgraph --version" prints the module version.
//
// # Graphs and formats
//
// A GRAPH argument is a graph file in any readable format, an episode text
// (.txt, .md) that is extracted on the fly with the roster (--roster,
// default data/characters.json), or "-" for standard input. The format is
// chosen by the file's extension, else by its content; --from names it
// explicitly (and convert's --to names the output format). Readable formats: relgraph JSON (relgraph/graph@1),
// node-link JSON (NetworkX, D3), CSV edge lists (Gephi, ezlinavis, DraCor;
// a node table with --nodes or beside X-edges.csv as X-nodes.csv), GEXF
// (Gephi), GraphML (yEd, Cytoscape, NetworkX), GML (NetworkX, igraph),
// Graphviz DOT, Pajek .net and the Stanford GraphBase .dat co-appearance
// files. convert also writes Neo4j import CSV (a nodes file and a
// relationships file).
//
// Outputs go to standard output or to -o FILE, whose extension chooses the
// output format unless --format says otherwise; a file is written
// atomically, so a failed run leaves no partial output. Tables are aligned
// and coloured only on a terminal.
//
// # Examples
//
// Extract the graphs of the two episodes of the sample series and show the
// three most central characters of the first (run from the repository
// root):
//
//	$ relgraph extract data/episodes/e01.txt -o out/e01.json
//	$ relgraph extract data/episodes/e02.txt -o out/e02.json
//	$ relgraph rank out/e01.json --by betweenness --top 3
//
// Commands read "-" as standard input, so they chain without temporary
// files; here the ids of the top three characters by betweenness:
//
//	$ relgraph extract data/episodes/e01.txt | relgraph rank - --by betweenness --top 3 --format csv | cut -d, -f2
//	id
//	lukas
//	achim
//	friedrich
//
// The most central character of each episode, one line per episode:
//
//	$ for f in out/e*.json; do relgraph rank "$f" --top 1 --format csv | tail -n 1 | cut -d, -f2; done
//
// Draw a map with relgraph's built-in Graphviz, or hand the DOT to a native
// Graphviz layout program:
//
//	$ relgraph render out/e01.json -o out/e01.svg
//	$ relgraph render out/e01.json --format dot | sfdp -Tsvg > out/e01-sfdp.svg
//
// What changed between two episodes, as plain-language sentences picked out
// of the JSON diff with jq:
//
//	$ relgraph diff out/e01.json out/e02.json --format json | jq -r .summary
//
// Open other tools' networks and write what their tools read: a book of A
// Song of Ice and Fire (CSV with a bare-CR line end, its node table found
// beside it) for Gephi, the Les Misérables chapters of Part 1 from Knuth's
// Stanford GraphBase file as GML, and a directory of GEXF files:
//
//	$ relgraph convert ../shared/data/asoiaf/asoiaf-book1-edges.csv book1.gexf
//	$ relgraph convert ../shared/data/lesmis/jean.dat - --chapters 1. --to gml | head
//	$ relgraph convert --to gexf --out-dir gexf/ ../shared/data/starwars/*.json
//
// Every command accepts every readable format, so no conversion is needed
// to rank or to find groups: the five characters of the first book with the
// highest PageRank, and the sizes of the Louvain communities of Les
// Misérables, largest first:
//
//	$ relgraph rank ../shared/data/asoiaf/asoiaf-book1-edges.csv --by pagerank --top 5
//	$ relgraph communities ../shared/data/lesmis/miserables.json --format csv |
//		awk -F, 'NR > 1 { n[$3]++ } END { for (c in n) print n[c], c }' | sort -rn
//
// A play in TEI (DraCor) needs no roster: its speakers are the characters.
// The Star Wars episodes (node-link JSON) as a series, the story so far:
//
//	$ relgraph extract ../shared/data/gerdracor/buechner-woyzeck.xml --unit tei -o woyzeck.json
//	$ relgraph series ../shared/data/starwars/starwars-episode-[1-6]-interactions.json --mode cumulative --format csv -o sw.csv
//
// # Exit status
//
// relgraph exits 0 on success, 1 on an error (a missing or malformed input
// file — the message names the file and the line, XML element or field —
// or a failed write), and 2 on a usage error (an unknown command or flag,
// a wrong number of arguments, a bad flag value). Warnings (a duplicate
// edge summed, a self-loop dropped) go to standard error and do not change
// the exit status.
//
// # Environment
//
//	NO_COLOR               no colour in tables and the progress bar
//	TERM=dumb              no colour and no progress bar
//	RELGRAPH_NO_PROGRESS   no progress bar on runs over many files
//	RELGRAPH_DEBUG         print the stack of an internal error
//	SOURCE_DATE_EPOCH      the date written into generated man pages
//
// The man pages ("relgraph docs man DIR") and Markdown pages ("relgraph docs
// markdown DIR") are generated from the same command definitions as
// --help.
package main
