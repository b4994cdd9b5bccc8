package cli

import (
	"bytes"
	"encoding/csv"
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

func (t *table) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.header); err != nil {
		return err
	}
	if err := cw.WriteAll(t.rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
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
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
