package cli

import (
	"os"
	"runtime/debug"

	"github.com/relgraph/relgraph/graph/formats"
)

// Garbage-collection policy for short runs on small graphs.
//
// A `relgraph rank` of a graph file of a few megabytes allocates a few
// tens of megabytes in all and exits within a tenth of a second; with the
// collector's defaults (GOGC=100 from a 4 MB heap) it spends several
// collections on that, and more page faults, on a process whose memory the
// kernel takes back at exit anyway. (er-10000, 1.4 MB, read into a
// graph.Graph: 11,000 page faults and 57 ms of user time with the default,
// 7,900 and 39 ms without collection; see docs/performance.md.)
//
// So for a graph file (an extension relgraph reads as a graph, and no
// --from text) of at most smallGraphBytes, without --bootstrap (which
// allocates per resample), relaxGC switches the proportional collector off
// and sets a soft memory limit of smallGraphHeap instead: the collector
// runs only if the heap ever reaches that limit. Such a file's graph and
// the working memory of any measure on it stay below a quarter of the
// limit (about 30 MB for a 2 MB edge list, 65 MB with --edges' per-block
// edge arrays), so live data never crowds the limit (no run of
// back-to-back collections), and peak memory stays bounded by it. Larger
// files, standard input, texts and runs where GOGC or GOMEMLIMIT is set
// keep the runtime's defaults (or the user's settings).
const (
	smallGraphBytes = 2 << 20   // input size up to which relaxGC applies
	smallGraphHeap  = 256 << 20 // soft memory limit instead of GOGC
)

// relaxGC applies the policy above for the input file path read as
// format from ("" = by extension, "text" = an episode text), and returns
// the function that restores the previous settings, for the command to
// defer: the settings are the process's, and tests run commands
// in-process.
func relaxGC(path, from string) (restore func()) {
	restore = func() {}
	if path == "-" || from == "text" || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return restore
	}
	if _, err := formats.FormatFromPath(path); err != nil {
		return restore
	}
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() || st.Size() > smallGraphBytes {
		return restore
	}
	limit := debug.SetMemoryLimit(smallGraphHeap)
	percent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}
