package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestEveryCommandHasAnExample walks the whole command tree — including
// commands added later — and fails for any runnable command whose --help
// would show no example. Every example must start with "relgraph", so it
// can be pasted into a shell.
func TestEveryCommandHasAnExample(t *testing.T) {
	root := NewRootCmd(Streams{In: strings.NewReader(""), Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}})
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" {
			return
		}
		n++
		if c.Runnable() {
			if strings.TrimSpace(c.Example) == "" {
				t.Errorf("%q has no Example in its --help", c.CommandPath())
			}
			for _, line := range strings.Split(c.Example, "\n") {
				if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "relgraph ") && !strings.HasPrefix(l, "source <(relgraph") && !strings.HasPrefix(l, "#") {
					t.Errorf("%q: example line %q does not start with relgraph", c.CommandPath(), l)
				}
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if n < 5 {
		t.Fatalf("walked only %d commands", n)
	}
}
