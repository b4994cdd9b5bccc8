// Package progress provides a progress bar on standard error for runs
// over many files or episodes — only when that stream is a terminal, so
// logs, pipes and tests stay clean. It wraps github.com/schollz/progressbar/v3.
//
// Use:
//
//	bar := progress.New(os.Stderr, len(files), "converting")
//	defer bar.Finish()
//	for _, f := range files {
//		bar.Describe(f)
//		…
//		bar.Add(1)
//	}
//
// A Bar on a writer that is not a terminal, or with RELGRAPH_NO_PROGRESS
// set or TERM=dumb, does nothing. The bar is cleared when finished, so
// the lines a command prints after it are not interleaved with it.
package progress
