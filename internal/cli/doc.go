// Package cli provides relgraph's command-line interface: one cobra command
// per verb, each with an options struct and a run function that takes
// injected streams, so behaviour is tested apart from flag parsing.
package cli
