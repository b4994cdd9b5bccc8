package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestDocsStarWars keeps the README's series pictures honest:
// docs/starwars-lines.svg and docs/starwars-heatmap.svg must be what
// "relgraph series" draws today from the Star Wars episodes I–VII of
// ../shared/data (Evelina Gabasova, CC BY 4.0), each copied as I.json …
// VII.json so that the episodes are labelled by their numerals.
// Regenerate with go test ./internal/cli -run TestDocsStarWars -update.
func TestDocsStarWars(t *testing.T) {
	root := filepath.Join("..", "..")
	src := filepath.Join(root, "..", "shared", "data", "starwars")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("shared data not found at %s (a checkout of the shared test data beside the repository): %v", src, err)
	}
	dir := t.TempDir()
	args := []string{"series", "--measures", "strength", "--plot-dir", filepath.Join(dir, "plots"), "-o", filepath.Join(dir, "sw.csv")}
	for i, num := range []string{"I", "II", "III", "IV", "V", "VI", "VII"} {
		data, err := os.ReadFile(filepath.Join(src, fmt.Sprintf("starwars-episode-%d-interactions.json", i+1)))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, num+".json")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	var stderr bytes.Buffer
	if code := Run(args, Streams{In: bytes.NewReader(nil), Out: &bytes.Buffer{}, ErrOut: &stderr}); code != 0 {
		t.Fatalf("series exited %d: %s", code, stderr.String())
	}
	for _, name := range []string{"lines", "heatmap"} {
		got, err := os.ReadFile(filepath.Join(dir, "plots", name+".svg"))
		if err != nil {
			t.Fatal(err)
		}
		doc := filepath.Join(root, "docs", "starwars-"+name+".svg")
		if *update {
			if err := os.WriteFile(doc, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(doc)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date: run go test ./internal/cli -run TestDocsStarWars -update", doc)
		}
	}
}
