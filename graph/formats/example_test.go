package formats_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/formats"
)

// Read a Gephi edge list with its node table; the reversed duplicate row
// is summed and reported.
func ExampleRead() {
	edges := "Source,Target,Type,Weight\rAnna,Ben,Undirected,3\rBen,Anna,Undirected,1\r" // bare CR line ends
	nodes := "Id,Label\nAnna,Anna Berg\nBen,Ben Berg\nCara,Cara Lonely\n"
	g, warnings, err := formats.Read("book-edges.csv", []byte(edges), formats.ReadOptions{Nodes: []byte(nodes), NodesName: "book-nodes.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range g.Nodes {
		fmt.Println(n.ID, n.Name)
	}
	for _, e := range g.Edges {
		fmt.Println(e.Source, "–", e.Target, e.Weight)
	}
	fmt.Println(strings.Join(warnings, "\n"))
	// Output:
	// Anna Anna Berg
	// Ben Ben Berg
	// Cara Cara Lonely
	// Anna – Ben 4
	// book-edges.csv: line 3: duplicate edge Anna–Ben: weights summed to 4
}

// Read part 1 of an SGB co-appearance file: weight = chapters shared.
func ExampleReadSGB() {
	dat := "AA Anna, a student\nBB Ben\n\n1.1:AA,BB;AA,BB\n1.2:AA,BB\n2.1:AA,BB\n"
	g, _, err := formats.ReadSGB("mini.dat", []byte(dat), formats.ReadOptions{Chapters: "1."})
	if err != nil {
		fmt.Println(err)
		return
	}
	e := g.Edges[0]
	fmt.Println(g.Nodes[0].Name, e.Source, e.Target, e.Weight, e.Units, g.Episode.Units)
	// Output: Anna AA BB 2 [1 2] 2
}

// Write a graph as GML, the way NetworkX writes it.
func ExampleWrite() {
	g := &graph.Graph{
		Nodes: []graph.Node{{ID: "007", Name: "Bond"}, {ID: "m"}},
		Edges: []graph.Edge{{Source: "007", Target: "m", Weight: 3}},
	}
	if err := formats.Write(os.Stdout, g, formats.GML); err != nil {
		fmt.Println(err)
	}
	// Output:
	// graph [
	//   directed 0
	//   node [
	//     id 0
	//     label "007"
	//     name "Bond"
	//   ]
	//   node [
	//     id 1
	//     label "m"
	//   ]
	//   edge [
	//     source 0
	//     target 1
	//     weight 3
	//   ]
	// ]
}

// Tell a format from a file name, or from the content.
func ExampleFormatFromPath() {
	f, _ := formats.FormatFromPath("miserables.graphml")
	fmt.Println(f, formats.Sniff([]byte("*Vertices 3\n")))
	// Output: graphml pajek
}

// Write a series of episodes as one dynamic GEXF for Gephi's timeline.
func ExampleWriteGEXFDynamic() {
	e1 := &graph.Graph{Episode: graph.Episode{ID: "e01"}, Nodes: []graph.Node{{ID: "a"}, {ID: "b"}}, Edges: []graph.Edge{{Source: "a", Target: "b", Weight: 2}}}
	e2 := &graph.Graph{Episode: graph.Episode{ID: "e02"}, Nodes: []graph.Node{{ID: "a"}, {ID: "b"}}}
	var sb strings.Builder
	if err := formats.WriteGEXFDynamic(&sb, []*graph.Graph{e1, e2}); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(sb.String(), "\n") {
		if strings.Contains(line, "<edge ") || strings.Contains(line, "<description>") {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// <description>episodes: 1=e01 2=e02</description>
	// <edge id="0" source="a" target="b" weight="2">
}

// Write the two files neo4j-admin database import reads.
func ExampleWriteNeo4j() {
	g := &graph.Graph{Nodes: []graph.Node{{ID: "a", Name: "Anna"}, {ID: "b"}}, Edges: []graph.Edge{{Source: "a", Target: "b", Weight: 2, Units: []int{1, 4}}}}
	nodes, rels := formats.Neo4jPaths("out/series.csv")
	fmt.Println(nodes, rels)
	if err := formats.WriteNeo4j(os.Stdout, os.Stdout, g); err != nil {
		fmt.Println(err)
	}
	// Output:
	// out/series-nodes.csv out/series-relationships.csv
	// id:ID(Character),name,mentions:long,:LABEL
	// a,Anna,0,Character
	// b,b,0,Character
	// :START_ID(Character),:END_ID(Character),weight:long,relation,units:long[],:TYPE
	// a,b,2,,1;4,INTERACTS_WITH
}
