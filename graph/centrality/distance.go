package centrality

import (
	"fmt"
	"strings"
)

// Distance says how long an edge is for the shortest-path measures
// (Betweenness, Closeness and Harmonic).
type Distance int

const (
	// Inverse makes an edge of weight w as long as 1/w: characters who
	// interact often are close. It is relgraph's default (--distance inverse).
	Inverse Distance = iota
	// Unit makes every edge one hop long, ignoring weights
	// (--distance unit); path lengths are hop counts.
	Unit
)

// String returns "inverse" or "unit", the spelling ParseDistance accepts.
func (d Distance) String() string {
	switch d {
	case Inverse:
		return "inverse"
	case Unit:
		return "unit"
	}
	return fmt.Sprintf("Distance(%d)", int(d))
}

// valid reports whether d is one of the declared constants.
func (d Distance) valid() bool { return d == Inverse || d == Unit }

// ParseDistance returns the Distance named by s: "inverse" or "unit"
// (case and surrounding space ignored). Any other value is an error that
// names it and lists the valid ones.
func ParseDistance(s string) (Distance, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "inverse":
		return Inverse, nil
	case "unit":
		return Unit, nil
	}
	return 0, fmt.Errorf("centrality: unknown distance %q (valid: inverse, unit)", s)
}

// MarshalText implements encoding.TextMarshaler ("inverse" or "unit").
func (d Distance) MarshalText() ([]byte, error) {
	if !d.valid() {
		return nil, fmt.Errorf("centrality: invalid %v", d)
	}
	return []byte(d.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseDistance.
func (d *Distance) UnmarshalText(b []byte) error {
	v, err := ParseDistance(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// mustValid panics on a Distance that is not one of the constants: passing
// one is a programming error.
func (d Distance) mustValid() {
	if !d.valid() {
		panic(fmt.Sprintf("centrality: invalid %v (want Inverse or Unit)", d))
	}
}
