package main

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"github.com/goccy/go-graphviz"
	"github.com/goccy/go-graphviz/gvc"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/render"
)

// phases times, in one process, each step of what render.SVG does with
// dot: starting Graphviz (compiling or loading the WebAssembly module and
// instantiating it), parsing the DOT, the layout alone, writing SVG from
// the layout, and relgraph's own work around it (building the DOT from g,
// and render.SVG end to end, which adds the post-processing). Each step
// after the start runs runs times; the median is printed.
func phases(g *graph.Graph, opt render.Options, dot []byte, layout string, runs int) error {
	ctx := context.Background()
	t0 := time.Now()
	c, err := gvc.New(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	fmt.Printf("phase start (wasm compile or cache load + instantiate): %.3f s\n", time.Since(t0).Seconds())
	med := func(name string, f func() error) error {
		var ts []time.Duration
		for range runs {
			s := time.Now()
			if err := f(); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			ts = append(ts, time.Since(s))
		}
		sortDurations(ts)
		fmt.Printf("phase %s: median %.3f s (of %d)\n", name, ts[len(ts)/2].Seconds(), runs)
		return nil
	}
	if g != nil {
		if err := med("build DOT (render.DOT)", func() error { render.DOT(g, opt); return nil }); err != nil {
			return err
		}
	}
	if err := med("parse DOT", func() error {
		pg, err := graphviz.ParseBytes(dot)
		if err != nil {
			return err
		}
		return pg.Close()
	}); err != nil {
		return err
	}
	// go-graphviz's ParseBytes walks every node after Graphviz read the
	// DOT (setupNodeLabelIfEmpty: FirstNode, NextNode, Label per node);
	// this times one such walk on a parsed graph.
	pg, err := graphviz.ParseBytes(dot)
	if err != nil {
		return err
	}
	if err := med("walk nodes as ParseBytes does", func() error {
		n, err := pg.FirstNode()
		for err == nil && n != nil {
			_ = n.Label()
			n, err = pg.NextNode(n)
		}
		return err
	}); err != nil {
		return err
	}
	pg.Close()
	for _, format := range []string{"", "svg", "plain"} {
		name := "layout only"
		if format != "" {
			name = "layout + " + format
		}
		if err := med(name, func() error {
			pg, err := graphviz.ParseBytes(dot)
			if err != nil {
				return err
			}
			defer pg.Close()
			if err := c.Layout(ctx, pg, layout); err != nil {
				return err
			}
			if format != "" {
				var buf bytes.Buffer
				if err := c.RenderData(ctx, pg, format, &buf); err != nil {
					return err
				}
			}
			return c.FreeLayout(ctx, pg)
		}); err != nil {
			return err
		}
	}
	return med("render.SVG end to end", func() error {
		_, err := render.SVG(ctx, dot)
		return err
	})
}

func sortDurations(ts []time.Duration) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j] < ts[j-1]; j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}
