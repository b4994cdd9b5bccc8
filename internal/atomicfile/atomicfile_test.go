package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesOnlyOnSuccess(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.txt")
	if err := Write(p, nil, func(w io.Writer) error { _, err := io.WriteString(w, "one"); return err }); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(p, nil, func(w io.Writer) error { io.WriteString(w, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want boom", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "one" {
		t.Errorf("file = %q after a failed write, want the old content", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestWriteRefusesInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	os.WriteFile(in, []byte("keep"), 0o644)
	err := Write(filepath.Join(dir, ".", "in.json"), []string{in}, func(w io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "refusing to overwrite the input") {
		t.Errorf("err = %v", err)
	}
	if b, _ := os.ReadFile(in); string(b) != "keep" {
		t.Errorf("input changed to %q", b)
	}
}

func TestWriteUnwritableDir(t *testing.T) {
	err := Write(filepath.Join(t.TempDir(), "missing", "x.svg"), nil, func(w io.Writer) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "x.svg") {
		t.Errorf("err = %v, want one naming the file", err)
	}
}
