package wasm

// [relgraph patch] Lazy loading of the WebAssembly module.
//
// Upstream compiles and instantiates graphviz.wasm in this package's init(),
// so every program importing go-graphviz pays for it at start (about 50 ms
// with a warm compilation cache, about 0.5 s cold). Here the work runs once,
// on first use: every entry point of packages cgraph, cdt, gvc and graphviz
// calls Load, and WasmModule.ExportedFunction (through which every call into
// the module goes) calls ensureLoaded as a safety net.

import (
	"context"
	"sync"
	"sync/atomic"
)

var (
	loadOnce sync.Once
	// loaded is set by load as soon as the module is instantiated, before
	// the enum values are read and the hooks run, so that their calls
	// through ExportedFunction do not re-enter loadOnce.
	loaded    atomic.Bool
	loadHooks []func(context.Context) error
)

// Load compiles (or takes from the compilation cache under
// os.TempDir()/go-graphviz) and instantiates the Graphviz module, binds the
// enum values and runs the hooks registered with OnLoad. It does so once;
// later calls return at once, and concurrent first calls wait for the first
// to finish. Like upstream's init, it panics when the module cannot be
// instantiated.
func Load() {
	loadOnce.Do(load)
}

// ensureLoaded loads the module unless load has instantiated it already.
func ensureLoaded() {
	if !loaded.Load() {
		Load()
	}
}

// OnLoad registers fn to run at the end of Load, in registration order. It
// is for package init functions (which run before any Load) of packages
// that used to call into the module from their own init; an error panics,
// as it did there.
func OnLoad(fn func(context.Context) error) {
	loadHooks = append(loadHooks, fn)
}

func runLoadHooks(ctx context.Context) {
	for _, fn := range loadHooks {
		if err := fn(ctx); err != nil {
			panic(err)
		}
	}
}
