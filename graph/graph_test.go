package graph

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestMentionJSON(t *testing.T) {
	tests := []struct {
		m    Mention
		json string
	}{
		{Mention{Start: 0, End: 4}, `[0,4]`},
		{Mention{Start: 3, End: 5, Resolved: "pronoun"}, `{"span":[3,5],"resolved":"pronoun"}`},
	}
	for _, tc := range tests {
		b, err := json.Marshal(tc.m)
		if err != nil || string(b) != tc.json {
			t.Errorf("Marshal(%+v) = %s, %v; want %s", tc.m, b, err, tc.json)
		}
		var back Mention
		if err := json.Unmarshal([]byte(tc.json), &back); err != nil || back != tc.m {
			t.Errorf("Unmarshal(%s) = %+v, %v", tc.json, back, err)
		}
	}
	for _, bad := range []string{`[1]`, `[1,2,3]`, `{"span":[1]}`, `"x"`} {
		var m Mention
		if err := json.Unmarshal([]byte(bad), &m); err == nil {
			t.Errorf("Unmarshal(%s) succeeded", bad)
		}
	}
}

func TestCanonicalize(t *testing.T) {
	g := &Graph{
		Nodes: []Node{{ID: "b"}, {ID: "a"}, {ID: "c"}},
		Edges: []Edge{
			{Source: "c", Target: "a", Weight: 1, Units: []int{9, 2}},
			{Source: "b", Target: "a", Weight: 1, Evidence: []Evidence{{Unit: 5}, {Unit: 1}}},
		},
	}
	g.Canonicalize()
	if g.Nodes[0].ID != "a" || g.Nodes[2].ID != "c" {
		t.Errorf("nodes not sorted: %v", g.Nodes)
	}
	if e := g.Edges[0]; e.Source != "a" || e.Target != "b" || e.Evidence[0].Unit != 1 {
		t.Errorf("edge 0 = %+v, want a–b with evidence sorted", e)
	}
	if e := g.Edges[1]; e.Source != "a" || e.Target != "c" || e.Units[0] != 2 {
		t.Errorf("edge 1 = %+v, want a–c with units sorted", e)
	}
}

func TestValidate(t *testing.T) {
	nodes := []Node{{ID: "a"}, {ID: "b"}}
	tests := []struct {
		name string
		g    Graph
		want string
	}{
		{"ok", Graph{Nodes: nodes, Edges: []Edge{{Source: "a", Target: "b", Weight: 2}}}, ""},
		{"empty id", Graph{Nodes: []Node{{ID: ""}}}, "nodes[0].id: empty id"},
		{"duplicate id", Graph{Nodes: []Node{{ID: "a"}, {ID: "a"}}}, "nodes[1].id: duplicate"},
		{"unknown source", Graph{Nodes: nodes, Edges: []Edge{{Source: "x", Target: "b", Weight: 1}}}, "edges[0].source: unknown node"},
		{"self-loop", Graph{Nodes: nodes, Edges: []Edge{{Source: "a", Target: "a", Weight: 1}}}, "self-loop"},
		{"negative weight", Graph{Nodes: nodes, Edges: []Edge{{Source: "a", Target: "b", Weight: -1}}}, "edges[0].weight"},
		{"reversed duplicate", Graph{Nodes: nodes, Edges: []Edge{{Source: "a", Target: "b", Weight: 1}, {Source: "b", Target: "a", Weight: 1}}}, "edges[1]: duplicate edge"},
		{"directed reverse is another edge", Graph{Directed: true, Nodes: nodes, Edges: []Edge{{Source: "a", Target: "b", Weight: 1}, {Source: "b", Target: "a", Weight: 1}}}, ""},
	}
	for _, tc := range tests {
		err := tc.g.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}
