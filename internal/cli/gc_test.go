package cli

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// gcPercent returns the current GOGC percentage without changing it.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestRelaxGC(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: relaxGC leaves the collector alone (the user's setting)")
	}
	dir := t.TempDir()
	small := filepath.Join(dir, "g.csv")
	big := filepath.Join(dir, "big.csv")
	text := filepath.Join(dir, "e01.txt")
	for _, f := range []struct {
		path string
		size int
	}{{small, 100}, {big, smallGraphBytes + 1}, {text, 100}} {
		if err := os.WriteFile(f.path, make([]byte, f.size), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before, limit := gcPercent(), debug.SetMemoryLimit(-1)
	for _, c := range []struct {
		path, from string
		relaxed    bool
	}{
		{small, "", true},
		{small, "csv", true},
		{small, "text", false}, // an episode text, whatever its name
		{big, "", false},
		{text, "", false},
		{"-", "", false},
		{filepath.Join(dir, "missing.csv"), "", false},
	} {
		restore := relaxGC(c.path, c.from)
		got := gcPercent() < 0 && debug.SetMemoryLimit(-1) == smallGraphHeap
		restore()
		if got != c.relaxed {
			t.Errorf("relaxGC(%s, %q): collector off with a %d MB limit = %v, want %v", filepath.Base(c.path), c.from, smallGraphHeap>>20, got, c.relaxed)
		}
		if gcPercent() != before || debug.SetMemoryLimit(-1) != limit {
			t.Errorf("relaxGC(%s, %q): restore left GOGC %d, limit %d (want %d, %d)", filepath.Base(c.path), c.from, gcPercent(), debug.SetMemoryLimit(-1), before, limit)
		}
	}
}
