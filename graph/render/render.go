package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"
)

// Format is an output format of Render.
type Format string

// The formats Render writes.
const (
	// FormatSVG is a laid-out SVG drawing.
	FormatSVG Format = "svg"
	// FormatPNG is the SVG drawing rasterised by relgraph (see PNG), at
	// DefaultPNGScale pixels per point.
	FormatPNG Format = "png"
	// FormatDOT is the DOT text itself, not laid out.
	FormatDOT Format = "dot"
	// FormatHTML is an interactive page; Render cannot make it from DOT
	// alone: use HTML.
	FormatHTML Format = "html"
)

// ParseFormat returns the Format named s ("svg", "png", "html" or "dot",
// any case; "gv" is taken for "dot", "htm" for "html").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "svg":
		return FormatSVG, nil
	case "png":
		return FormatPNG, nil
	case "dot", "gv":
		return FormatDOT, nil
	case "html", "htm":
		return FormatHTML, nil
	}
	return "", fmt.Errorf("render: unknown format %q (want svg, png, html or dot)", s)
}

// FormatFromPath returns the Format named by the extension of path
// (.svg, .png, .html, .htm, .dot or .gv, any case).
func FormatFromPath(path string) (Format, error) {
	ext := filepath.Ext(path)
	if ext == "" {
		return "", fmt.Errorf("render: %s: no extension to tell the format from (want .svg, .png, .html or .dot)", path)
	}
	f, err := ParseFormat(ext[1:])
	if err != nil {
		return "", fmt.Errorf("render: %s: unknown extension %q (want .svg, .png, .html or .dot)", path, ext)
	}
	return f, nil
}

// mu serialises every call into go-graphviz, which shares one WebAssembly
// module between all its instances and is not safe for concurrent use.
// It also guards gv.
var mu sync.Mutex

// gv is the Graphviz context, made by the first Render that needs it and
// kept for the life of the program.
var gv *graphviz.Graphviz

// Render lays out dot and writes it to w in format f. The layout engine is
// the graph's layout attribute (neato when it has none); DOT sets it.
//
// FormatSVG writes the SVG drawing, post-processed by fixSVG (edge labels
// lifted above nodes and lines with a white halo; backslashes restored).
// FormatPNG rasterises that SVG with PNG at DefaultPNGScale. FormatDOT
// copies dot to w unchanged, without a layout. FormatHTML is refused: the
// page needs the graph, see HTML. DOT that Graphviz cannot read, or cannot
// lay out, gives an error, never a panic.
//
// Render is safe for concurrent use; calls into Graphviz run one at a
// time. ctx is checked before the work starts and once more before it is
// handed to Graphviz; a layout already running is not interrupted, since a
// WebAssembly call cut short would leave go-graphviz's shared module
// unusable. Output goes to w only after the drawing is complete.
func Render(ctx context.Context, dot []byte, f Format, w io.Writer) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	switch f {
	case FormatDOT:
		_, err := w.Write(dot)
		return err
	case FormatSVG, FormatPNG:
	case FormatHTML:
		return errors.New("render: html needs the graph: use render.HTML")
	default:
		return fmt.Errorf("render: unknown format %q (want svg, png or dot)", f)
	}
	svg, err := SVG(ctx, dot)
	if err != nil {
		return err
	}
	if f == FormatPNG {
		return PNG(svg, DefaultPNGScale, w)
	}
	_, err = w.Write(svg)
	return err
}

// SVG lays out dot and returns the SVG drawing, post-processed as Render
// describes.
func SVG(ctx context.Context, dot []byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	// Graphviz reads DOT as a C string and keeps only its last error
	// message, so input it would see as empty is refused here: it would
	// otherwise fail with the message of an earlier, unrelated failure.
	if len(bytes.TrimSpace(dot)) == 0 {
		return nil, errors.New("render: reading DOT: empty input")
	}
	if i := bytes.IndexByte(dot, 0); i >= 0 {
		return nil, fmt.Errorf("render: reading DOT: NUL byte at offset %d", i)
	}
	var buf bytes.Buffer
	if err := draw(ctx, protectBackslashes(dot), &buf); err != nil {
		return nil, err
	}
	return fixSVG(buf.Bytes()), nil
}

// placeholder stands for a literal backslash while Graphviz reads the
// DOT: U+E000, the first code point of Unicode's private use area.
const placeholder = "\uE000"

// protectBackslashes returns dot with every literal backslash that DOT
// writes — `\\` in a quoted string and "&#92;" in an HTML-like label —
// replaced by placeholder, so that Graphviz neither expands `\G`-like
// sequences (it does, in tooltips and HTML-like labels, even when written
// as entities) nor doubles backslashes in node names. A placeholder
// already in dot becomes U+FFFD. fixSVG turns placeholders back into
// backslashes. Single backslashes (\n, \", \N …) are left to Graphviz.
func protectBackslashes(dot []byte) []byte {
	if !bytes.Contains(dot, []byte(`\\`)) && !bytes.Contains(dot, []byte("&#")) && !bytes.Contains(dot, []byte(placeholder)) {
		return dot
	}
	s := strings.ReplaceAll(string(dot), placeholder, "\uFFFD")
	s = strings.NewReplacer(`\\`, placeholder, "&#92;", placeholder, "&#x5C;", placeholder, "&#x5c;", placeholder).Replace(s)
	return []byte(s)
}

// draw lays out dot and writes SVG to buf, holding mu.
func draw(ctx context.Context, dot []byte, buf *bytes.Buffer) (err error) {
	mu.Lock()
	defer mu.Unlock()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("render: %w", err)
	}
	defer func() {
		// go-graphviz panics inside some of its host callbacks; report
		// that as an error.
		if r := recover(); r != nil {
			err = fmt.Errorf("render: graphviz failed: %v", r)
		}
	}()
	// Graphviz runs to the end once started: see Render.
	wctx := context.WithoutCancel(ctx)
	if gv == nil {
		g, err := graphviz.New(wctx)
		if err != nil {
			return fmt.Errorf("render: starting graphviz: %w", err)
		}
		gv = g
	}
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return fmt.Errorf("render: reading DOT: %s", oneLine(err.Error(), 300))
	}
	if g == nil {
		return errors.New("render: reading DOT: graphviz read no graph")
	}
	defer func() {
		if cerr := g.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("render: %w", cerr)
		}
	}()
	layout := g.GetStr("layout")
	if layout == "" {
		layout = "neato"
	}
	if !slices.Contains(Layouts, layout) {
		return fmt.Errorf("render: unknown layout %q (want one of %s)", layout, strings.Join(Layouts, ", "))
	}
	gv.SetLayout(graphviz.Layout(layout))
	if err := gv.Render(wctx, g, graphviz.SVG, buf); err != nil {
		return fmt.Errorf("render: drawing svg: %s", oneLine(err.Error(), 300))
	}
	if buf.Len() == 0 {
		return errors.New("render: drawing svg: graphviz wrote nothing")
	}
	return nil
}
