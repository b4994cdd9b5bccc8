package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestDocsPictures keeps the README's other maps honest: each docs/
// picture must be what its command draws today. Regenerate with
// go test ./internal/cli -run TestDocsPictures -update. Pictures made
// from ../shared/data are skipped when it is absent. (Pictures of the
// Network-of-Thrones data, licensed non-commercial, are never kept.)
func TestDocsPictures(t *testing.T) {
	root := filepath.Join("..", "..")
	shared := filepath.Join(root, "..", "shared", "data")
	roster := filepath.Join(root, "data", "characters.json")
	for _, c := range []struct {
		doc    string
		shared bool
		args   []string
	}{
		{"e01--e02.diff.svg", false, []string{"diff", filepath.Join(root, "data", "episodes", "e01.txt"),
			filepath.Join(root, "data", "episodes", "e02.txt"), "--roster", roster}},
		{"lesmis.svg", true, []string{"render", filepath.Join(shared, "lesmis", "miserables.json"),
			"--title", "Les Misérables", "--size-by", "strength"}},
		{"starwars-4.svg", true, []string{"render", filepath.Join(shared, "starwars", "starwars-episode-4-interactions-allCharacters.json"),
			"--title", "Star Wars: Episode IV – A New Hope"}},
	} {
		t.Run(c.doc, func(t *testing.T) {
			if c.shared {
				if _, err := os.Stat(shared); err != nil {
					t.Skipf("../shared/data is absent: %v", err)
				}
			}
			out := filepath.Join(t.TempDir(), c.doc)
			args := append(c.args, "-o", out)
			if c.args[0] == "diff" {
				args = append(c.args, "--map", out)
			}
			var stderr bytes.Buffer
			if code := Run(args, Streams{In: bytes.NewReader(nil), Out: &bytes.Buffer{}, ErrOut: &stderr}); code != 0 {
				t.Fatalf("relgraph %v exited %d: %s", args, code, stderr.String())
			}
			got, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			doc := filepath.Join(root, "docs", c.doc)
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
				t.Errorf("docs/%s is out of date: run go test ./internal/cli -run TestDocsPictures -update", c.doc)
			}
		})
	}
}
