package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph/centrality"
)

// TestRankPlainCSV checks that `relgraph rank` on a plain CSV edge list,
// which rankPlainCSV ranks without a graph.Graph, prints the same bytes
// as the general path (the same file read from standard input with --from
// csv, which rankPlainCSV leaves alone), for every measure and format
// whose output does not name the input.
func TestRankPlainCSV(t *testing.T) {
	dir := t.TempDir()
	gen := filepath.Join(dir, "ba-300.csv")
	if code := Run([]string{"generate", "--model", "ba", "--nodes", "300", "--m", "3", "--seed", "4", "-o", gen},
		Streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}); code != 0 {
		t.Fatalf("generate: exit %d", code)
	}
	small := filepath.Join(dir, "small.csv")
	// Spaces, a Type column, a second component, an id CSV output quotes
	// (`\.`): all within what rankPlainCSV reads itself.
	if err := os.WriteFile(small, []byte("Source,Target,Type,Weight\nb, a ,Undirected,2\n a,c,Undirected,1.5\n\\.,y,Undirected,1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	quoted := filepath.Join(dir, "quoted.csv")
	if err := os.WriteFile(quoted, []byte("source,target,weight\n\"b,1\",a,2\na,c,1.5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for file, plain := range map[string]bool{gen: true, small: true, quoted: false} {
		o := &rankOptions{s: Streams{In: strings.NewReader("")}}
		if _, ok, _ := o.rankPlainCSV(file, centrality.Options{}, "csv"); ok != plain {
			t.Errorf("rankPlainCSV(%s): ok = %v, want %v", filepath.Base(file), ok, plain)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{
			{"--measures", "all", "--by", "pagerank", "--format", "csv"},
			{"--measures", "eigenvector", "--by", "eigenvector", "--format", "csv", "--top", "5"},
			{"--measures", "pagerank,degree", "--by", "degree", "--format", "csv"},
			{"--format", "table", "--by", "betweenness", "--distance", "unit"},
			{"--measures", "katz", "--katz-alpha", "0.9"}, // too large: the same error
			{"--measures", "fame"}, // the same usage error
		} {
			var fastOut, fastErr, slowOut, slowErr bytes.Buffer
			fastCode := Run(append([]string{"rank", file}, args...), Streams{In: strings.NewReader(""), Out: &fastOut, ErrOut: &fastErr})
			slowCode := Run(append([]string{"rank", "-", "--from", "csv"}, args...), Streams{In: bytes.NewReader(data), Out: &slowOut, ErrOut: &slowErr})
			if fastCode != slowCode || fastOut.String() != slowOut.String() || fastErr.String() != slowErr.String() {
				t.Errorf("rank %s %v: file exit %d, stdin exit %d\nfile stdout:\n%s\nstdin stdout:\n%s\nfile stderr: %s\nstdin stderr: %s",
					filepath.Base(file), args, fastCode, slowCode, head(fastOut.String()), head(slowOut.String()), fastErr.String(), slowErr.String())
			}
		}
	}
}

// head is the first lines of s, for messages.
func head(s string) string {
	lines := strings.SplitAfter(s, "\n")
	return strings.Join(lines[:min(len(lines), 6)], "")
}
