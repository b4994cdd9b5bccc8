package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"relgraph": func() {
			os.Exit(Run(os.Args[1:], Streams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}))
		},
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script. Each
// script starts in a work directory holding a copy of the project's data/
// (roster and episodes), so "relgraph report" runs as it does for a user.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			return os.CopyFS(filepath.Join(env.WorkDir, "data"), os.DirFS(filepath.Join("..", "..", "data")))
		},
	})
}
