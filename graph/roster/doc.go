// Package roster provides loading and validation of a series roster
// (characters.json, format "relgraph/roster@1"): the characters with their
// names, aliases and titles, the relationships between them, phrases that
// must never match, and the list of episode files.
//
// The schema is documented in DESIGN.md and README.md. Only
// characters[].id and characters[].name are required.
package roster
