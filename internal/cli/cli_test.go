package cli

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// bomjson FILE writes a graph file that starts with a UTF-8 byte
			// order mark.
			"bomjson": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: bomjson file")
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte("\ufeff"+`{"format": "relgraph/graph@1", "nodes": [{"id": "a"}, {"id": "b"}], "edges": [{"source": "a", "target": "b", "weight": 2}]}`), 0o644))
			},
			// latin1 FILE writes a text in ISO-8859-1 (invalid UTF-8), which
			// a txtar archive cannot hold.
			"latin1": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: latin1 file")
				}
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte("Kathrin \xe9t\xe9 Lukas.\n"), 0o644))
			},
			// exits N CMD ARGS… runs CMD like exec and checks that it exits
			// with status N.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) < 2 {
					ts.Fatalf("usage: exits N command [args...]")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exits: %v", err)
				}
				got := 0
				if err := ts.Exec(args[1], args[2:]...); err != nil {
					var ee *exec.ExitError
					if !errors.As(err, &ee) {
						ts.Fatalf("exits: %v", err)
					}
					got = ee.ExitCode()
				}
				if got != want {
					ts.Fatalf("exit status %d, want %d", got, want)
				}
			},
		},
		Setup: func(env *testscript.Env) error {
			return os.CopyFS(filepath.Join(env.WorkDir, "data"), os.DirFS(filepath.Join("..", "..", "data")))
		},
	})
}
