// Command relgraph turns episode texts into character-relationship graphs,
// ranks characters, draws relationship maps and diffs episodes.
// Run "relgraph --help" for the commands.
package main

import (
	"os"

	"github.com/relgraph/relgraph/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Streams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}))
}
