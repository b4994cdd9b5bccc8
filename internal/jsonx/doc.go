// Package jsonx provides JSON decoding of files with errors that name the
// file, the line and column of a syntax error, and the JSON field of a
// type error.
package jsonx
