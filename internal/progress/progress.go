package progress

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Bar counts finished steps out of a total. The zero Bar and a nil *Bar
// are silent; all methods are safe to call on them.
type Bar struct {
	bar *progressbar.ProgressBar
}

// IsTerminal reports whether w is a terminal (an *os.File whose
// descriptor is a TTY).
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Enabled reports whether a bar would be drawn on w: w is a terminal,
// TERM is not "dumb" and RELGRAPH_NO_PROGRESS is unset.
func Enabled(w io.Writer) bool {
	return IsTerminal(w) && os.Getenv("TERM") != "dumb" && os.Getenv("RELGRAPH_NO_PROGRESS") == ""
}

// New returns a bar of total steps labelled description, drawn on w when
// Enabled(w), else a silent one. A total below 2 is never drawn: one step
// needs no bar.
func New(w io.Writer, total int, description string) *Bar {
	if total < 2 || !Enabled(w) {
		return &Bar{}
	}
	return &Bar{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(description),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionEnableColorCodes(os.Getenv("NO_COLOR") == ""),
	)}
}

// Active reports whether the bar is drawn.
func (b *Bar) Active() bool { return b != nil && b.bar != nil }

// Add marks n more steps done.
func (b *Bar) Add(n int) {
	if b.Active() {
		_ = b.bar.Add(n)
	}
}

// Describe changes the label, e.g. to the file being worked on.
func (b *Bar) Describe(description string) {
	if b.Active() {
		b.bar.Describe(description)
	}
}

// Finish completes and clears the bar.
func (b *Bar) Finish() {
	if b.Active() {
		_ = b.bar.Finish()
	}
}
