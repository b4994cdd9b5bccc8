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
	// FormatPNG is refused for now; see ErrPNG.
	FormatPNG Format = "png"
	// FormatDOT is the DOT text itself, not laid out.
	FormatDOT Format = "dot"
)

// ErrPNG is returned by Render for FormatPNG. go-graphviz v0.2.10's PNG
// renderer drops edges and node shapes (its SVG is right), so relgraph
// draws no PNG itself until it can rasterise its own SVG.
var ErrPNG = errors.New("render: png: go-graphviz's PNG renderer drops edges; render svg and convert with rsvg-convert")

// ParseFormat returns the Format named s ("svg", "png" or "dot", any case;
// "gv" is taken for "dot").
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "svg":
		return FormatSVG, nil
	case "png":
		return FormatPNG, nil
	case "dot", "gv":
		return FormatDOT, nil
	}
	return "", fmt.Errorf("render: unknown format %q (want svg, png or dot)", s)
}

// FormatFromPath returns the Format named by the extension of path
// (.svg, .png, .dot or .gv, any case).
func FormatFromPath(path string) (Format, error) {
	ext := filepath.Ext(path)
	if ext == "" {
		return "", fmt.Errorf("render: %s: no extension to tell the format from (want .svg, .png or .dot)", path)
	}
	f, err := ParseFormat(ext[1:])
	if err != nil {
		return "", fmt.Errorf("render: %s: unknown extension %q (want .svg, .png or .dot)", path, ext)
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
// FormatSVG writes the SVG drawing, with edge labels lifted above nodes
// and lines and given a white halo (see liftEdgeLabels). FormatDOT copies
// dot to w unchanged, without a layout. FormatPNG returns ErrPNG. DOT that
// Graphviz cannot read, or cannot lay out, gives an error, never a panic.
//
// Render is safe for concurrent use; calls run one at a time. ctx is
// checked before the work starts and once more before it is handed to
// Graphviz; a layout already running is not interrupted, since a
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
	case FormatPNG:
		return ErrPNG
	case FormatSVG:
	default:
		return fmt.Errorf("render: unknown format %q (want svg, png or dot)", f)
	}
	// Graphviz reads DOT as a C string and keeps only its last error
	// message, so input it would see as empty is refused here: it would
	// otherwise fail with the message of an earlier, unrelated failure.
	if len(bytes.TrimSpace(dot)) == 0 {
		return errors.New("render: reading DOT: empty input")
	}
	if i := bytes.IndexByte(dot, 0); i >= 0 {
		return fmt.Errorf("render: reading DOT: NUL byte at offset %d", i)
	}
	var buf bytes.Buffer
	if err := draw(ctx, dot, &buf); err != nil {
		return err
	}
	_, err := w.Write(liftEdgeLabels(buf.Bytes()))
	return err
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
