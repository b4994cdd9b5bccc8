package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Streams are the standard streams a command reads and writes.
type Streams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// usageError marks an error of the command line (exit code 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// Exit codes.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// Run executes relgraph with args (without the program name) and returns the
// exit code: 0 on success, 1 when the run fails, 2 for bad usage. Errors are
// printed to s.ErrOut as "relgraph: …". A panic is caught and reported as an
// internal error with exit code 1 rather than a stack trace.
func Run(args []string, s Streams) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(s.ErrOut, "relgraph: internal error: %v\n(please report this with the command you ran)\n", p)
			if os.Getenv("RELGRAPH_DEBUG") != "" {
				s.ErrOut.Write(debug.Stack())
			}
			code = ExitError
		}
	}()
	root := NewRootCmd(s)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	fmt.Fprintf(s.ErrOut, "relgraph: %v\n", err)
	var ue usageError
	// cobra reports an unknown verb with an untyped error.
	if errors.As(err, &ue) || strings.HasPrefix(err.Error(), "unknown command ") {
		fmt.Fprintf(s.ErrOut, "Run 'relgraph --help' for usage.\n")
		return ExitUsage
	}
	return ExitError
}

// NewRootCmd builds the relgraph command tree writing to s.
func NewRootCmd(s Streams) *cobra.Command {
	root := &cobra.Command{
		Use:   "relgraph",
		Short: "Character-relationship graphs from the text of serial narratives",
		Long: `relgraph turns the text of serial narratives — TV episodes, novel chapters,
plays — into weighted character-relationship graphs, ranks characters by
centrality, draws relationship maps with Graphviz and shows what changed
between episodes.

A GRAPH argument is a relgraph graph file (.json) or an episode text
(.txt, .md) that is extracted on the fly with --roster.`,
		Example: `  relgraph report                               # the whole series in data/
  relgraph extract data/episodes/e01.txt -o out/e01.json
  relgraph rank out/e01.json --by betweenness --top 3
  relgraph render out/e01.json -o out/e01.svg
  relgraph diff out/e01.json out/e02.json --format json`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.ErrOut)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.CompletionOptions.DisableDefaultCmd = true
	root.AddCommand(
		newConvertCmd(s), newCompletionCmd(s), newDocsCmd(s), // issue 3
		newExtractCmd(s),
		newRankCmd(s),
		newRenderCmd(s),
		newDiffCmd(s),
		newReportCmd(s),
		newSeriesCmd(s), // issue 7
		newEvalCmd(s),
		newExplainCmd(s), newRosterCmd(s), // issue 4
		newStatsCmd(s),
		newCommunitiesCmd(s),
		newGenerateCmd(s),
	)
	for _, c := range root.Commands() {
		c.Args = usageArgs(c.Args)
	}
	return root
}

// usageArgs wraps a cobra argument validator so that its errors are usage
// errors (exit code 2).
func usageArgs(v cobra.PositionalArgs) cobra.PositionalArgs {
	if v == nil {
		return nil
	}
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// buildVersion, when set at link time (go build -ldflags "-X
// github.com/relgraph/relgraph/internal/cli.buildVersion=v1.2.3"), is the
// version --version prints.
var buildVersion string

// version returns the module version: buildVersion, else the version the
// Go toolchain stamped (a tag, or a pseudo-version from the commit when
// built with go install or in a VCS checkout), else "devel" with the
// commit and "+dirty" when known.
func version() string {
	if buildVersion != "" {
		return buildVersion
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	v, dirty := "devel", ""
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			v += " " + s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "+dirty"
		}
	}
	return v + dirty
}
