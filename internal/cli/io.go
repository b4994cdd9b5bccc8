package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/formats"
	"github.com/relgraph/relgraph/graph/roster"
	"github.com/relgraph/relgraph/internal/atomicfile"
)

// defaultRoster is the roster used when --roster is not given.
const defaultRoster = "data/characters.json"

// inputOptions are the flags shared by every command that reads a GRAPH.
type inputOptions struct {
	// Roster is the characters.json used to extract episode texts.
	Roster string
	// MaxEvidence is the number of evidence sentences kept per edge.
	MaxEvidence int

	roster *roster.Roster // loaded lazily, once
}

func (o *inputOptions) addFlags(c interface {
	StringVar(*string, string, string, string)
	IntVar(*int, string, int, string)
}) {
	c.StringVar(&o.Roster, "roster", defaultRoster, "roster (characters.json) used to extract episode texts")
	c.IntVar(&o.MaxEvidence, "max-evidence", 20, "evidence sentences kept per edge when extracting (0 = none)")
}

// loadRoster reads the roster once and prints its warnings.
func (o *inputOptions) loadRoster(errOut io.Writer) (*roster.Roster, error) {
	if o.roster != nil {
		return o.roster, nil
	}
	r, warnings, err := roster.Load(o.Roster)
	if errors.Is(err, fs.ErrNotExist) && o.Roster == defaultRoster {
		return nil, fmt.Errorf("%w (run relgraph from the project directory, or give --roster FILE)", err)
	}
	if err != nil {
		return nil, err
	}
	warn(errOut, warnings...)
	o.roster = r
	return r, nil
}

// loadGraph reads a GRAPH argument: a relgraph JSON file, an episode text
// (.txt, .md, .text) extracted with the roster, or "-" for standard input
// (JSON when it starts with "{", else text).
func (o *inputOptions) loadGraph(path string, s Streams) (*graph.Graph, error) {
	var data []byte
	var err error
	name := path
	if path == "-" {
		name = "<stdin>"
		data, err = io.ReadAll(s.In)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	if o.MaxEvidence < 0 {
		return nil, usagef("--max-evidence: %d is negative", o.MaxEvidence)
	}
	kind := fileKind(path, data)
	switch kind {
	case "json":
		g, err := formats.ReadJSON(name, data)
		if err == nil && g.Directed {
			warn(s.ErrOut, name+": the graph is directed; relgraph reads every edge as undirected (source and target joined)")
		}
		return g, err
	case "text":
		return o.extractText(name, path, data, s.ErrOut)
	}
	return nil, fmt.Errorf("%s: unknown file type %q (want a relgraph graph .json, or an episode text .txt or .md)", name, filepath.Ext(path))
}

// fileKind tells a graph file from an episode text by extension, or by
// content for standard input.
func fileKind(path string, data []byte) string {
	if path == "-" {
		// A JSON object opens with { and then a key or }; a text may start
		// with "{" too ("{Lukas} trifft Kathrin.").
		rest, ok := bytes.CutPrefix(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), []byte("{"))
		if rest = bytes.TrimSpace(rest); ok && (bytes.HasPrefix(rest, []byte(`"`)) || bytes.HasPrefix(rest, []byte("}"))) {
			return "json"
		}
		return "text"
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".txt", ".md", ".text", ".markdown":
		return "text"
	}
	return ""
}

func (o *inputOptions) extractText(name, path string, data []byte, errOut io.Writer) (*graph.Graph, error) {
	r, err := o.loadRoster(errOut)
	if err != nil {
		return nil, err
	}
	ep := graph.Episode{ID: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), Source: filepath.ToSlash(path)}
	if path == "-" {
		ep = graph.Episode{ID: "stdin", Source: "-"}
	} else if e, ok := r.Episode(path); ok {
		ep.ID, ep.Title = e.ID, e.Title
	}
	maxEv := o.MaxEvidence
	if maxEv == 0 {
		maxEv = -1 // extract.Options: negative keeps none, 0 means the default
	}
	g, warnings, err := extract.Extract(string(data), extract.Options{Roster: r, MaxEvidence: maxEv, Episode: ep})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, w := range warnings {
		warn(errOut, name+": "+w)
	}
	return g, nil
}

func warn(w io.Writer, msgs ...string) {
	for _, m := range msgs {
		fmt.Fprintf(w, "relgraph: warning: %s\n", m)
	}
}

// writeOutput writes to path through a temporary file, or to stdout when
// path is "" or "-". inputs are files that must not be overwritten.
func writeOutput(path string, inputs []string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	return atomicfile.Write(path, inputs, write)
}
