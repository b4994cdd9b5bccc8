package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/ pictures from the current code")

// TestDocsMap keeps the README's picture honest: docs/e01.svg must be what
// "relgraph render data/episodes/e01.txt" draws today. Regenerate with
// go test ./internal/cli -run TestDocsMap -update.
func TestDocsMap(t *testing.T) {
	root := filepath.Join("..", "..")
	out := filepath.Join(t.TempDir(), "e01.svg")
	var stderr bytes.Buffer
	code := Run([]string{"render", filepath.Join(root, "data", "episodes", "e01.txt"),
		"--roster", filepath.Join(root, "data", "characters.json"), "-o", out},
		Streams{In: bytes.NewReader(nil), Out: &bytes.Buffer{}, ErrOut: &stderr})
	if code != 0 {
		t.Fatalf("render exited %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(root, "docs", "e01.svg")
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
		t.Errorf("docs/e01.svg is out of date: run go test ./internal/cli -run TestDocsMap -update")
	}
}
