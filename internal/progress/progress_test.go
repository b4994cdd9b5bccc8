package progress

import (
	"bytes"
	"os"
	"testing"
)

// TestSilentWhenNotATerminal: a buffer, a pipe or a regular file never
// gets a bar, so logs and tests stay clean.
func TestSilentWhenNotATerminal(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, 10, "steps")
	if b.Active() {
		t.Fatal("bar active on a bytes.Buffer")
	}
	for range 10 {
		b.Describe("x")
		b.Add(1)
	}
	b.Finish()
	if buf.Len() != 0 {
		t.Errorf("wrote %q", buf.String())
	}
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) || New(f, 10, "x").Active() {
		t.Error("a regular file counted as a terminal")
	}
	var nilBar *Bar
	nilBar.Add(1) // must not panic
	nilBar.Finish()
}

// TestDrawsOnTerminal checks the bar on a real terminal when the test
// has one (go test -v from a shell); under CI it skips.
func TestDrawsOnTerminal(t *testing.T) {
	tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("skipping: no terminal: %v", err)
	}
	defer tty.Close()
	if !IsTerminal(tty) {
		t.Skip("skipping: /dev/tty is not a terminal")
	}
	t.Setenv("RELGRAPH_NO_PROGRESS", "")
	t.Setenv("TERM", "xterm")
	b := New(tty, 3, "test")
	if !b.Active() {
		t.Fatal("no bar on a terminal")
	}
	b.Add(3)
	b.Finish()
	t.Setenv("RELGRAPH_NO_PROGRESS", "1")
	if New(tty, 3, "test").Active() {
		t.Error("RELGRAPH_NO_PROGRESS did not silence the bar")
	}
}
