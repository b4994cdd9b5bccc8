package formats

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// checkEdgeList checks ReadCSVEdgeList on data against ReadCSV, the
// reader it must agree with: when it reports ok, ReadCSV gives a graph
// without warnings whose nodes are el.IDs and whose edges are el's,
// weight for weight; when ReadCSV gives that, ok must be true for the
// plain files named in wantOK.
func checkEdgeList(t *testing.T, name string, data []byte, wantOK bool) {
	t.Helper()
	el, ok := ReadCSVEdgeList(data)
	if ok != wantOK {
		t.Fatalf("%s: ReadCSVEdgeList ok = %v, want %v", name, ok, wantOK)
	}
	if !ok {
		if el != nil {
			t.Fatalf("%s: an edge list with ok = false", name)
		}
		return
	}
	g, warns, err := ReadCSV(name, data, ReadOptions{})
	if err != nil || len(warns) > 0 || g.Directed {
		t.Fatalf("%s: ReadCSVEdgeList accepted a file ReadCSV reads with err %v, warnings %q, directed %v", name, err, warns, g.Directed)
	}
	ids := make([]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[i] = n.ID
	}
	if !slices.Equal(el.IDs, ids) {
		t.Fatalf("%s: ids %q, ReadCSV's nodes %q", name, el.IDs, ids)
	}
	if len(el.Source) != len(g.Edges) || len(el.Target) != len(g.Edges) || len(el.Weight) != len(g.Edges) {
		t.Fatalf("%s: %d/%d/%d edge entries, ReadCSV has %d edges", name, len(el.Source), len(el.Target), len(el.Weight), len(g.Edges))
	}
	want := map[[2]string]float64{}
	for _, e := range g.Edges {
		want[[2]string{e.Source, e.Target}] = e.Weight
	}
	for k := range el.Source {
		s, d := el.Source[k], el.Target[k]
		if s >= d {
			t.Fatalf("%s: edge %d has ends %d ≥ %d", name, k, s, d)
		}
		key := [2]string{el.IDs[s], el.IDs[d]}
		w, ok := want[key]
		if !ok || w != el.Weight[k] {
			t.Fatalf("%s: edge %s–%s weight %v, ReadCSV has %v (present %v)", name, key[0], key[1], el.Weight[k], w, ok)
		}
		delete(want, key)
	}
}

func TestReadCSVEdgeList(t *testing.T) {
	for _, c := range []struct {
		name, data string
		ok         bool
	}{
		// Plain edge lists: read directly.
		{"plain", "source,target,weight\nb,a,2\na,c,1.5\nc,d,3\n", true},
		{"no weight column", "Source,Target\nx,y\ny,z\n", true},
		{"gephi names, semicolons", "Source;Target;Weight\nAnna;Bob;4\n", true},
		{"bom crlf blank lines", "\ufeffsource,target,weight\r\n\r\na,b,1\r\nb,c,2\r\n", true},
		{"spaces around", "source, target, weight\n a , b , 2 \n", true},
		{"extra columns", "Id,Source,Target,Weight,book\n0,a,b,1,1\n1,b,c,2,1\n", true},
		{"header only", "source,target,weight\n", true},
		{"unicode ids", "source,target\nÄnne,Zoë\n", true},
		// Anything ReadCSV would warn about, refuse or read otherwise: the
		// general path.
		{"empty", "", false},
		{"no source column", "a,b,c\n1,2,3\n", false},
		{"undirected type column", "Source,Target,Type,Weight\na,b,Undirected,1\nb,c,,2\n", true},
		{"directed rows", "Source,Target,Type,Weight\na,b,Directed,1\nb,c,Directed,2\n", false},
		{"one directed row", "Source,Target,Type,Weight\na,b,Undirected,1\nb,c, directed ,2\n", false},
		{"label column", "Source,Target,Label\na,b,friend\n", false},
		{"units column", "Source,Target,Units\na,b,1 2\n", false},
		{"quotes", "source,target\n\"a,1\",b\n", false},
		{"self-loop", "source,target\na,a\na,b\n", false},
		{"repeated pair", "source,target,weight\na,b,1\nb,a,2\n", false},
		{"too few fields", "source,target,weight\na\n", false},
		{"empty end", "source,target\na, \n", false},
		{"missing weight", "source,target,weight\na,b\n", false},
		{"empty weight", "source,target,weight\na,b,\n", false},
		{"bad weight", "source,target,weight\na,b,x\n", false},
		{"zero weight", "source,target,weight\na,b,0\n", false},
		{"control character", "source,target\na\x01,b\n", false},
		{"invalid utf-8", "source,target\na\xff,b\n", false},
	} {
		t.Run(c.name, func(t *testing.T) { checkEdgeList(t, c.name+".csv", []byte(c.data), c.ok) })
	}
}

// TestReadCSVEdgeListShared reads every CSV edge list of ../shared/data
// both ways; the plain ones must agree with ReadCSV.
func TestReadCSVEdgeListShared(t *testing.T) {
	needShared(t)
	files, err := filepath.Glob(filepath.Join(sharedData, "*", "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if !strings.Contains(strings.ToLower(filepath.Base(f)), "edges") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, ok := ReadCSVEdgeList(data)
		if ok {
			n++
		}
		checkEdgeList(t, f, data, ok)
	}
	t.Logf("%d of the shared edge lists are plain", n)
}

func FuzzReadCSVEdgeList(f *testing.F) {
	for _, s := range []string{"source,target,weight\nb,a,2\na,c,1.5\n", "Source;Target\nx;y\n", "source,target\na,a\n", "s,t\n",
		"source, target ,weight\n é,b, 2\n  \n\t,\nb\x7f,c,1\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, ok := ReadCSVEdgeList(data); ok {
			checkEdgeList(t, "fuzz.csv", data, true)
		}
	})
}

// TestReadCSVEdgeListLarge covers the two-halves reading of files over
// splitPoint's threshold: the result agrees with ReadCSV and with the
// one-pass reading (GOMAXPROCS 1), and a row left to ReadCSV in the
// second half, or a pair repeated across the halves, is noticed.
func TestReadCSVEdgeListLarge(t *testing.T) {
	base := erCSV(t, 10000, 100000)
	if splitPoint(string(base)) == 0 {
		t.Fatalf("%d bytes: below splitPoint's threshold, the test covers nothing", len(base))
	}
	// The first row, "n0000,n…", repeated reversed at the end.
	first := strings.SplitN(string(base), "\n", 3)[1]
	f := strings.Split(first, ",")
	for _, c := range []struct {
		name, tail string
		ok         bool
	}{
		{"as generated", "", true},
		{"new nodes at the end", "zz1,zz2,4\nzz2,n0005,1\n", true},
		{"pair repeated across halves", f[1] + "," + f[0] + ",3\n", false},
		{"self-loop at the end", "n0007,n0007,1\n", false},
		{"bad weight at the end", "zz1,zz2,heavy\n", false},
	} {
		data := append(slices.Clip(base), c.tail...)
		checkEdgeList(t, c.name, data, c.ok)
		if !c.ok {
			continue
		}
		two, _ := ReadCSVEdgeList(data)
		old := runtime.GOMAXPROCS(1)
		one, _ := ReadCSVEdgeList(data)
		runtime.GOMAXPROCS(old)
		if !reflect.DeepEqual(one, two) {
			t.Errorf("%s: the two-halves reading differs from the one-pass reading", c.name)
		}
	}
}

// TestIDTable checks the id table against a map on ids that stress it:
// short ids that differ only in their last byte (the packed keys), ids of
// 7 and 8 bytes (the two kinds of key), long ids, and enough of them to
// make the table grow several times from its smallest size.
func TestIDTable(t *testing.T) {
	var ids []string
	want := map[string]int32{}
	t1 := newIDTable(1)
	for i := range 5000 {
		for _, id := range []string{
			fmt.Sprintf("abcdef%c", rune('!'+i%90)) + strings.Repeat("x", i/90),
			fmt.Sprintf("n%d", i),
			fmt.Sprintf("a long node id number %d", i),
		} {
			if _, seen := want[id]; seen {
				continue
			}
			if got := t1.lookup(id, ids); got != -1 {
				t.Fatalf("lookup(%q) before add = %d, want -1", id, got)
			}
			want[id] = int32(len(ids))
			t1.add(id, int32(len(ids)))
			ids = append(ids, id)
		}
	}
	for id, n := range want {
		if got := t1.lookup(id, ids); got != n {
			t.Fatalf("lookup(%q) = %d, want %d", id, got, n)
		}
	}
	for _, id := range []string{"", "n", "n5000", "abcdef ", "a long node id number 5000"} {
		if got := t1.lookup(id, ids); got != -1 {
			t.Errorf("lookup(%q) of an absent id = %d, want -1", id, got)
		}
	}
	if t1.used != len(ids) || 4*t1.used > 3*len(t1.slots) {
		t.Errorf("table of %d slots holds %d ids (want %d, at most 3/4 full)", len(t1.slots), t1.used, len(ids))
	}
}
