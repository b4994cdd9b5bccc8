package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
	// From names the format of GRAPH arguments ("text" or one of
	// formats.ReadFormats); empty = by extension, then by content.
	From string
	// Nodes is a CSV node table for a CSV edge list GRAPH.
	Nodes string
	// Chapters selects the chapters of an SGB .dat GRAPH by prefix.
	Chapters string

	roster *roster.Roster // loaded lazily, once
	// directedOK: the command reads a directed graph's edges as they are
	// (explain), so loadGraph does not warn that it joins them.
	directedOK bool
}

func (o *inputOptions) addFlags(c interface {
	StringVar(*string, string, string, string)
	IntVar(*int, string, int, string)
}) {
	c.StringVar(&o.Roster, "roster", defaultRoster, "roster (characters.json) used to extract episode texts")
	c.IntVar(&o.MaxEvidence, "max-evidence", 20, "evidence sentences kept per edge when extracting (0 = none)")
	c.StringVar(&o.From, "from", "", "format of GRAPH: text, "+strings.Join(formats.ReadFormats(), ", ")+" (default: by extension, then content)")
	c.StringVar(&o.Nodes, "nodes", "", "CSV node table (Id,Label,…) for a CSV edge list GRAPH (default: X-nodes.csv beside X-edges.csv)")
	c.StringVar(&o.Chapters, "chapters", "", "for an SGB .dat GRAPH: only chapters starting with this prefix, e.g. \"1.\" (comma-separated list)")
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

// loadGraph reads a GRAPH argument: a graph file in any format
// graph/formats reads (relgraph or node-link JSON, CSV edge list, GEXF,
// GraphML, GML, DOT, Pajek, SGB .dat), an episode text (.txt, .md, .text,
// .markdown) extracted with the roster, or "-" for standard input. The
// format is --from, else the file's extension, else the content (a text
// when no graph format fits). A CSV edge list "X-edges.csv" takes its
// node table from --nodes or from "X-nodes.csv" beside it.
// readInput reads the file at path whole, or in when path is "-".
func readInput(path string, in io.Reader) ([]byte, error) {
	if path == "-" {
		return io.ReadAll(in)
	}
	return os.ReadFile(path)
}

func (o *inputOptions) loadGraph(path string, s Streams) (*graph.Graph, error) {
	if o.MaxEvidence < 0 {
		return nil, usagef("--max-evidence: %d is negative", o.MaxEvidence)
	}
	if o.From != "" && o.From != "text" && !slices.Contains(formats.ReadFormats(), o.From) {
		return nil, usagef("--from: %q is not one of text, %s", o.From, strings.Join(formats.ReadFormats(), ", "))
	}
	name := path
	if path == "-" {
		name = "<stdin>"
	}
	data, err := readInput(path, s.In)
	if err != nil {
		return nil, err
	}
	format := o.From
	if format == "" {
		switch fileKind(path, data) {
		case "text":
			format = "text"
		case "json", "graph":
			format, _ = formats.FormatFromPath(path)
			if path == "-" {
				format = formats.Sniff(data)
			}
		default:
			if format = formats.Sniff(data); format == "" {
				return nil, fmt.Errorf("%s: unknown file type %q (want a graph file — %s — or an episode text .txt or .md; or give --from)", name, filepath.Ext(path), strings.Join(graphExtensions, " "))
			}
		}
	}
	if format == "text" {
		return o.extractText(name, path, data, s.ErrOut)
	}
	opt := formats.ReadOptions{From: format, Chapters: o.Chapters}
	if format == formats.JSON && path != "-" {
		opt.From = "" // relgraph or node-link JSON, told apart by content
	}
	if format == formats.CSV {
		nodes := o.Nodes
		if nodes == "" && path != "-" {
			if beside := formats.NodesBeside(path); beside != "" {
				if _, err := os.Stat(beside); err == nil {
					nodes = beside
				}
			}
		}
		if nodes != "" {
			if opt.Nodes, err = os.ReadFile(nodes); err != nil {
				return nil, err
			}
			opt.NodesName = nodes
		}
	} else if o.Nodes != "" {
		return nil, usagef("--nodes: a node table goes with a CSV edge list, and %s is %s", name, format)
	}
	if o.Chapters != "" && format != formats.SGB {
		return nil, usagef("--chapters: selects chapters of a Stanford GraphBase .dat file, and %s is %s", name, format)
	}
	g, warnings, err := formats.Read(name, data, opt)
	if err != nil {
		return nil, err
	}
	warn(s.ErrOut, warnings...)
	ownJSON := format == formats.JSON && formats.Sniff(data) == formats.JSON
	if g.Episode.ID == "" && path != "-" && !ownJSON {
		// Name a foreign graph after its file, as extracted episodes are
		// named. (relgraph JSON says what it is called, or is unnamed on
		// purpose.)
		g.Episode.ID = fileGraphName(path)
		if g.Episode.Source == "" {
			g.Episode.Source = filepath.ToSlash(path)
		}
	}
	if g.Directed && !o.directedOK {
		warn(s.ErrOut, name+": the graph is directed; relgraph reads every edge as undirected (source and target joined)")
	}
	return g, nil
}

// fileGraphName is the name of a foreign graph read from path, as
// extracted episodes are named: "asoiaf-book1-edges.csv" → "asoiaf-book1".
func fileGraphName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return strings.TrimSuffix(strings.TrimSuffix(base, "-edges"), "_edges")
}

// graphExtensions lists the graph file extensions for error messages.
var graphExtensions = []string{".json", ".csv", ".tsv", ".gexf", ".graphml", ".gml", ".dot", ".gv", ".net", ".dat"}

// fileKind tells a graph file from an episode text: "json" for .json,
// "graph" for the other graph file extensions, "text" for an episode
// text, "" when the extension says nothing. For standard input ("-") it
// looks at the content: "json" for a JSON object, "graph" for another
// graph format, else "text".
func fileKind(path string, data []byte) string {
	if path == "-" {
		switch formats.Sniff(data) {
		case "":
			return "text"
		case formats.JSON, formats.NodeLink:
			return "json"
		}
		return "graph"
	}
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".json":
		return "json"
	case ".txt", ".md", ".text", ".markdown":
		return "text"
	default:
		if _, err := formats.FormatFromPath(path); err == nil {
			return "graph"
		}
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
