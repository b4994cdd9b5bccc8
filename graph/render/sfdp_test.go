package render

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sfdpDOT returns the DOT of a generated map big enough for sfdp.
func sfdpDOT() []byte {
	g := genGraph(320, 2, 11)
	return DOT(g, Options{Size: strength(g), SizeBy: "strength"})
}

// TestSFDPChild renders sfdpDOT once to $RENDER_SFDP_OUT; it is run by
// TestSFDPDeterministic as a separate process.
func TestSFDPChild(t *testing.T) {
	out := os.Getenv("RENDER_SFDP_OUT")
	if out == "" {
		t.Skip("run by TestSFDPDeterministic")
	}
	if err := os.WriteFile(out, renderSVG2(t, sfdpDOT()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSFDPDeterministic: a big map laid out by sfdp gives the same bytes
// in every process. (Graphviz's sfdp keeps random state in the
// WebAssembly module that no attribute reseeds, so a second sfdp layout
// in the same process may differ: each relgraph command draws one map.)
func TestSFDPDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("sfdp layouts of 320 characters skipped with -short")
	}
	dot := string(sfdpDOT())
	if !strings.Contains(dot, `layout="sfdp"`) || !strings.Contains(dot, "overlap=ortho") {
		t.Fatalf("320 characters: not sfdp with overlap=ortho")
	}
	var outs [][]byte
	for i := range 2 {
		out := filepath.Join(t.TempDir(), "map.svg")
		cmd := exec.Command(os.Args[0], "-test.run=^TestSFDPChild$")
		cmd.Env = append(os.Environ(), "RENDER_SFDP_OUT="+out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("child %d: %v\n%s", i, err, b)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b)
	}
	if len(outs[0]) == 0 || !bytes.Equal(outs[0], outs[1]) {
		t.Error("two processes drew different sfdp maps of the same DOT")
	}
}
