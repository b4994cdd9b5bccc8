// Package diff provides the comparison of two character graphs — typically
// two episodes of a series: characters added, removed and kept; interactions
// added, removed and changed in weight (with the absolute and relative
// change); every measure of every kept character before and after; the
// change of each character's rank by strength; four similarity scores of the
// two graphs; and a short plain-language summary. One Result feeds the
// table, JSON and CSV outputs.
//
// Characters are matched by id (the default) or by display name
// (Options.Match = "name"), for two graphs whose ids differ. With
// Options.Normalize every weight is divided by the number of units (e.g.
// sentences) of its episode, so a long and a short episode compare fairly.
package diff
