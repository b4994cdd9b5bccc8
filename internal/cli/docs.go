package cli

import (
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

func newDocsCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "docs man|markdown DIR",
		Short: "Write man pages or Markdown pages for every command",
		Long: `Docs writes one page per command into DIR (created if missing): man pages
in section 1 (relgraph.1, relgraph-rank.1, …) or Markdown (relgraph.md,
relgraph_rank.md, …), generated from the same text as --help.

The man pages' date is $SOURCE_DATE_EPOCH when set, else the commit time
of the build, else the current month.`,
		Example: `  relgraph docs man /usr/local/share/man/man1 && man relgraph-rank
  relgraph docs markdown docs/cli`,
		ValidArgs: []string{"man", "markdown"},
		Args: cobra.MatchAll(cobra.ExactArgs(2), func(_ *cobra.Command, args []string) error {
			if args[0] != "man" && args[0] != "markdown" {
				return fmt.Errorf("docs: %q is not one of man, markdown", args[0])
			}
			return nil
		}),
		RunE: func(c *cobra.Command, args []string) error {
			root := c.Root()
			root.DisableAutoGenTag = true // no generation date in the pages
			dir := args[1]
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			if args[0] == "markdown" {
				return doc.GenMarkdownTree(root, dir)
			}
			hdr := &doc.GenManHeader{Title: "RELGRAPH", Section: "1", Source: "relgraph " + version(), Manual: "relgraph manual"}
			if os.Getenv("SOURCE_DATE_EPOCH") == "" {
				if t, ok := buildTime(); ok {
					hdr.Date = &t
				}
			}
			return doc.GenManTree(root, hdr, dir)
		},
	}
}

// buildTime returns the commit time stamped into the binary by the Go
// toolchain (vcs.time), if any.
func buildTime() (time.Time, bool) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return time.Time{}, false
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.time" {
			if t, err := time.Parse(time.RFC3339, s.Value); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}
