package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/relgraph/relgraph/internal/progress"
)

// dataFormats are the --format values of commands that print data.
var dataFormats = []string{"table", "json", "csv"}

// dataFormat returns the output format: the flag if set, else the output
// file's extension (.json, .csv), else "table".
func dataFormat(flag, out string) (string, error) {
	if flag != "" {
		if !slices.Contains(dataFormats, flag) {
			return "", usagef("--format: %q is not one of %s", flag, strings.Join(dataFormats, ", "))
		}
		return flag, nil
	}
	switch ext := strings.ToLower(filepath.Ext(out)); ext {
	case ".json":
		return "json", nil
	case ".csv":
		return "csv", nil
	case "", ".txt", ".text", ".table":
		return "table", nil
	default:
		return "", usagef("-o %s: cannot tell the format from %q (use .json, .csv or .txt, or --format)", out, ext)
	}
}

// table is rows of cells under a header, written as an aligned text table
// or as CSV (RFC 4180, header first).
type table struct {
	header []string
	rows   [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// writeText writes the table with its columns aligned. On a terminal
// that allows colour (see useColor) the header line is bold; elsewhere the
// output is plain text, the same bytes on every run.
func (t *table) writeText(w io.Writer) error {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(t.header, "\t"))
	for _, r := range t.rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	out := buf.Bytes()
	if useColor(w) {
		// Colour is applied after alignment: escape codes would count as
		// width inside tabwriter.
		head, rest, _ := bytes.Cut(out, []byte("\n"))
		out = slices.Concat([]byte(ansiBold), head, []byte(ansiReset+"\n"), rest)
	}
	_, err := w.Write(out)
	return err
}

// ANSI SGR sequences for the few styles relgraph uses.
const (
	ansiBold  = "\x1b[1m"
	ansiReset = "\x1b[0m"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool { return progress.IsTerminal(w) }

// useColor reports whether to colour output written to w: only on a
// terminal, never when NO_COLOR is set and not empty
// (https://no-color.org) or TERM is "dumb".
func useColor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return isTerminal(w)
}

// writeCSV writes the table as CSV, the same bytes as encoding/csv's
// Writer (see appendCSVRecord), in one Write.
func (t *table) writeCSV(w io.Writer) error {
	size := 0
	for _, r := range t.rows {
		for _, c := range r {
			size += len(c) + 1
		}
	}
	b := appendCSVRecord(make([]byte, 0, size+256), t.header)
	for _, r := range t.rows {
		b = appendCSVRecord(b, r)
	}
	_, err := w.Write(b)
	return err
}

// appendCSVRecord appends the fields of one record and a line feed to b,
// as encoding/csv's Writer with its defaults (Comma ',', UseCRLF false)
// writes them (TestAppendCSVRecord compares both). Building the text in
// one buffer saves the per-field calls through bufio of csv.Writer; with
// strconv.Append* for numbers it avoids a string per cell.
func appendCSVRecord(b []byte, fields []string) []byte {
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCSVField(b, f)
	}
	return append(b, '\n')
}

// appendCSVField appends one CSV field to b, quoted when encoding/csv's
// Writer would quote it (fieldNeedsQuotes: a comma, double quote, CR or
// LF, a leading white-space character, or the field `\.`), with double
// quotes doubled; CR and LF inside quotes are kept as they are.
func appendCSVField(b []byte, f string) []byte {
	if !csvNeedsQuotes(f) {
		return append(b, f...)
	}
	b = append(b, '"')
	for {
		i := strings.IndexByte(f, '"')
		if i < 0 {
			b = append(b, f...)
			break
		}
		b = append(b, f[:i+1]...)
		b = append(b, '"')
		f = f[i+1:]
	}
	return append(b, '"')
}

// csvNeedsQuotes is encoding/csv's Writer.fieldNeedsQuotes for Comma ','.
func csvNeedsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` {
		return true
	}
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case '\n', '\r', '"', ',':
			return true
		}
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}

// writeJSON writes v as indented JSON without HTML escaping, plus a newline.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// num formats a value for a text table: integers without decimals, other
// values with four decimals, NaN as "n/a".
func num(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "n/a"
	case v == math.Trunc(v) && math.Abs(v) < 1e15:
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 4, 64)
}

// exact formats a value for CSV: the shortest representation that reads
// back to the same float64.
func exact(v float64) string {
	return string(appendExact(nil, v))
}

// appendExact appends exact(v) to b.
func appendExact(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return b
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}
