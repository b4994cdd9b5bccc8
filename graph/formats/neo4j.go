package formats

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// Neo4j bulk import CSV, as `neo4j-admin database import full` reads it
// (https://neo4j.com/docs/operations-manual/current/tools/neo4j-admin/neo4j-admin-import/):
// a nodes file and a relationships file with typed headers. Write only.
//
// Nodes: id:ID(Character), name, mentions:long, one column per attribute
// (boolean, long, double or string, as nodeColumns types them; lists and
// objects as JSON text), :LABEL = Character. Relationships:
// :START_ID(Character), :END_ID(Character), weight:long or weight:double,
// relation, units:long[] (";"-separated), :TYPE = INTERACTS_WITH. An
// undirected edge is written once, source < target; Cypher can match it
// without direction: MATCH (a)-[r:INTERACTS_WITH]-(b).

// Neo4jLabel and Neo4jType are the node label and relationship type the
// import files carry.
const (
	Neo4jLabel = "Character"
	Neo4jType  = "INTERACTS_WITH"
)

// Neo4jPaths returns the two files WriteNeo4j's callers write for an
// output path: "BASE-nodes.csv" and "BASE-relationships.csv", where BASE
// is out without a ".csv" extension.
func Neo4jPaths(out string) (nodes, rels string) {
	base := out
	if strings.EqualFold(filepath.Ext(base), ".csv") {
		base = base[:len(base)-len(filepath.Ext(base))]
	}
	return base + "-nodes.csv", base + "-relationships.csv"
}

// WriteNeo4j writes g's nodes file to nodes and its relationships file to
// rels (see the mapping above). The import command is then
//
//	neo4j-admin database import full --nodes=BASE-nodes.csv --relationships=BASE-relationships.csv DBNAME
func WriteNeo4j(nodes, rels io.Writer, g *graph.Graph) error {
	c := canonicalCopy(g)
	cols := nodeColumns(c, attrName, attrMentions)
	header := []string{"id:ID(" + Neo4jLabel + ")", "name", "mentions:long"}
	for _, col := range cols {
		if strings.ContainsAny(col.name, ":,\"") {
			return fmt.Errorf("neo4j: attribute name %q contains : , or \", which the import header cannot hold", col.name)
		}
		t := map[string]string{typeBool: "boolean", typeLong: "long", typeDouble: "double", typeString: "string"}[col.typ]
		header = append(header, col.name+":"+t)
	}
	header = append(header, ":LABEL")
	nw := csv.NewWriter(nodes)
	nw.Write(header)
	for _, n := range c.Nodes {
		row := []string{n.ID, n.Label(), fmt.Sprint(n.Mentions)}
		row = appendAttrCells(row, n, cols)
		row = append(row, Neo4jLabel)
		nw.Write(row)
	}
	nw.Flush()
	if err := nw.Error(); err != nil {
		return err
	}
	wtype := "long"
	if slices.ContainsFunc(c.Edges, func(e graph.Edge) bool { return kindOf(e.Weight) != typeLong }) {
		wtype = "double"
	}
	rw := csv.NewWriter(rels)
	rw.Write([]string{":START_ID(" + Neo4jLabel + ")", ":END_ID(" + Neo4jLabel + ")", "weight:" + wtype, "relation", "units:long[]", ":TYPE"})
	for _, e := range c.Edges {
		us := make([]string, len(e.Units))
		for i, u := range e.Units {
			us[i] = fmt.Sprint(u)
		}
		rw.Write([]string{e.Source, e.Target, formatNumber(e.Weight), e.Relation, strings.Join(us, ";"), Neo4jType})
	}
	rw.Flush()
	return rw.Error()
}
