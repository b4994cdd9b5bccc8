package wasm

// [relgraph patch] Tests of the lazy loading (lazy.go).

import (
	"sync"
	"testing"
)

// enums lists every enum variable that load binds from the module
// (generated from the assignments at the end of load in bind.go).
var enums = []struct {
	name string
	get  func() int
}{
	{"GRAPH", func() int { return int(GRAPH) }},
	{"NODE", func() int { return int(NODE) }},
	{"OUT_EDGE", func() int { return int(OUT_EDGE) }},
	{"IN_EDGE", func() int { return int(IN_EDGE) }},
	{"EDGE", func() int { return int(EDGE) }},
	{"WARN", func() int { return int(WARN) }},
	{"ERR", func() int { return int(ERR) }},
	{"MAX", func() int { return int(MAX) }},
	{"PREV", func() int { return int(PREV) }},
	{"IMAGE_TYPE_NULL", func() int { return int(IMAGE_TYPE_NULL) }},
	{"IMAGE_TYPE_BMP", func() int { return int(IMAGE_TYPE_BMP) }},
	{"IMAGE_TYPE_GIF", func() int { return int(IMAGE_TYPE_GIF) }},
	{"IMAGE_TYPE_PNG", func() int { return int(IMAGE_TYPE_PNG) }},
	{"IMAGE_TYPE_JPEG", func() int { return int(IMAGE_TYPE_JPEG) }},
	{"IMAGE_TYPE_PDF", func() int { return int(IMAGE_TYPE_PDF) }},
	{"IMAGE_TYPE_PS", func() int { return int(IMAGE_TYPE_PS) }},
	{"IMAGE_TYPE_EPS", func() int { return int(IMAGE_TYPE_EPS) }},
	{"IMAGE_TYPE_SVG", func() int { return int(IMAGE_TYPE_SVG) }},
	{"IMAGE_TYPE_XML", func() int { return int(IMAGE_TYPE_XML) }},
	{"IMAGE_TYPE_RIFF", func() int { return int(IMAGE_TYPE_RIFF) }},
	{"IMAGE_TYPE_WEBP", func() int { return int(IMAGE_TYPE_WEBP) }},
	{"IMAGE_TYPE_ICO", func() int { return int(IMAGE_TYPE_ICO) }},
	{"IMAGE_TYPE_TIFF", func() int { return int(IMAGE_TYPE_TIFF) }},
	{"ROOTGRAPH_OBJTYPE", func() int { return int(ROOTGRAPH_OBJTYPE) }},
	{"CLUSTER_OBJTYPE", func() int { return int(CLUSTER_OBJTYPE) }},
	{"NODE_OBJTYPE", func() int { return int(NODE_OBJTYPE) }},
	{"EDGE_OBJTYPE", func() int { return int(EDGE_OBJTYPE) }},
	{"MAP_RECTANGLE", func() int { return int(MAP_RECTANGLE) }},
	{"MAP_CIRCLE", func() int { return int(MAP_CIRCLE) }},
	{"MAP_POLYGON", func() int { return int(MAP_POLYGON) }},
	{"EMIT_GDRAW", func() int { return int(EMIT_GDRAW) }},
	{"EMIT_CDRAW", func() int { return int(EMIT_CDRAW) }},
	{"EMIT_TDRAW", func() int { return int(EMIT_TDRAW) }},
	{"EMIT_HDRAW", func() int { return int(EMIT_HDRAW) }},
	{"EMIT_GLABEL", func() int { return int(EMIT_GLABEL) }},
	{"EMIT_CLABEL", func() int { return int(EMIT_CLABEL) }},
	{"EMIT_TLABEL", func() int { return int(EMIT_TLABEL) }},
	{"EMIT_HLABEL", func() int { return int(EMIT_HLABEL) }},
	{"EMIT_NDRAW", func() int { return int(EMIT_NDRAW) }},
	{"EMIT_EDRAW", func() int { return int(EMIT_EDRAW) }},
	{"EMIT_NLABEL", func() int { return int(EMIT_NLABEL) }},
	{"EMIT_ELABEL", func() int { return int(EMIT_ELABEL) }},
	{"EMIT_SORTED", func() int { return int(EMIT_SORTED) }},
	{"EMIT_COLORS", func() int { return int(EMIT_COLORS) }},
	{"EMIT_CLUSTERS_LAST", func() int { return int(EMIT_CLUSTERS_LAST) }},
	{"EMIT_PREORDER", func() int { return int(EMIT_PREORDER) }},
	{"EMIT_EDGE_SORTED", func() int { return int(EMIT_EDGE_SORTED) }},
	{"DEVICE_DOES_PAGES", func() int { return int(DEVICE_DOES_PAGES) }},
	{"DEVICE_DOES_LAYERS", func() int { return int(DEVICE_DOES_LAYERS) }},
	{"DEVICE_EVENTS", func() int { return int(DEVICE_EVENTS) }},
	{"DEVICE_DOES_TRUECOLOR", func() int { return int(DEVICE_DOES_TRUECOLOR) }},
	{"DEVICE_BINARY_FORMAT", func() int { return int(DEVICE_BINARY_FORMAT) }},
	{"DEVICE_COMPRESSED_FORMAT", func() int { return int(DEVICE_COMPRESSED_FORMAT) }},
	{"DEVICE_NO_WRITER", func() int { return int(DEVICE_NO_WRITER) }},
	{"RENDER_Y_GOES_DOWN", func() int { return int(RENDER_Y_GOES_DOWN) }},
	{"RENDER_DOES_TRANSFORM", func() int { return int(RENDER_DOES_TRANSFORM) }},
	{"RENDER_DOES_LABELS", func() int { return int(RENDER_DOES_LABELS) }},
	{"RENDER_DOES_MAPS", func() int { return int(RENDER_DOES_MAPS) }},
	{"RENDER_DOES_MAP_RECTANGLE", func() int { return int(RENDER_DOES_MAP_RECTANGLE) }},
	{"RENDER_DOES_MAP_CIRCLE", func() int { return int(RENDER_DOES_MAP_CIRCLE) }},
	{"RENDER_DOES_MAP_POLYGON", func() int { return int(RENDER_DOES_MAP_POLYGON) }},
	{"RENDER_DOES_MAP_ELLIPSE", func() int { return int(RENDER_DOES_MAP_ELLIPSE) }},
	{"RENDER_DOES_MAP_BSPLINE", func() int { return int(RENDER_DOES_MAP_BSPLINE) }},
	{"RENDER_DOES_TOOLTIPS", func() int { return int(RENDER_DOES_TOOLTIPS) }},
	{"RENDER_DOES_TARGETS", func() int { return int(RENDER_DOES_TARGETS) }},
	{"RENDER_DOES_Z", func() int { return int(RENDER_DOES_Z) }},
	{"RENDER_NO_WHITE_BG", func() int { return int(RENDER_NO_WHITE_BG) }},
	{"LAYOUT_NOT_REQUIRED", func() int { return int(LAYOUT_NOT_REQUIRED) }},
	{"OUTPUT_NOT_REQUIRED", func() int { return int(OUTPUT_NOT_REQUIRED) }},
	{"PEN_NONE", func() int { return int(PEN_NONE) }},
	{"PEN_DASHED", func() int { return int(PEN_DASHED) }},
	{"PEN_DOTTED", func() int { return int(PEN_DOTTED) }},
	{"PEN_SOLID", func() int { return int(PEN_SOLID) }},
	{"FILL_NONE", func() int { return int(FILL_NONE) }},
	{"FILL_SOLID", func() int { return int(FILL_SOLID) }},
	{"FILL_LINEAR", func() int { return int(FILL_LINEAR) }},
	{"FILL_RADIAL", func() int { return int(FILL_RADIAL) }},
	{"FONT_REGULAR", func() int { return int(FONT_REGULAR) }},
	{"FONT_BOLD", func() int { return int(FONT_BOLD) }},
	{"FONT_ITALIC", func() int { return int(FONT_ITALIC) }},
	{"LABEL_PLAIN", func() int { return int(LABEL_PLAIN) }},
	{"LABEL_HTML", func() int { return int(LABEL_HTML) }},
	{"HSVA_DOUBLE", func() int { return int(HSVA_DOUBLE) }},
	{"RGBA_BYTE", func() int { return int(RGBA_BYTE) }},
	{"RGBA_WORD", func() int { return int(RGBA_WORD) }},
	{"RGBA_DOUBLE", func() int { return int(RGBA_DOUBLE) }},
	{"COLOR_STRING", func() int { return int(COLOR_STRING) }},
	{"COLOR_INDEX", func() int { return int(COLOR_INDEX) }},
	{"API_RENDER", func() int { return int(API_RENDER) }},
	{"API_LAYOUT", func() int { return int(API_LAYOUT) }},
	{"API_TEXTLAYOUT", func() int { return int(API_TEXTLAYOUT) }},
	{"API_DEVICE", func() int { return int(API_DEVICE) }},
	{"API_LOADIMAGE", func() int { return int(API_LOADIMAGE) }},
}

// TestLazyEnumDefaults checks that the compiled-in values of the enum
// variables equal the values the module reports. Packages cgraph and gvc
// copy some of them into their own variables when they are initialised,
// which is now before the module is loaded: they must not change on load.
func TestLazyEnumDefaults(t *testing.T) {
	if loaded.Load() {
		t.Fatal("module loaded before first use")
	}
	before := make([]int, len(enums))
	for i, e := range enums {
		before[i] = e.get()
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() { defer wg.Done(); Load() }()
	}
	wg.Wait()
	if !loaded.Load() {
		t.Fatal("Load did not load the module")
	}
	for i, e := range enums {
		if got := e.get(); got != before[i] {
			t.Errorf("%s: compiled-in %d, module says %d", e.name, before[i], got)
		}
	}
}
