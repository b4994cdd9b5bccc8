package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/formats"
	"github.com/relgraph/relgraph/graph/roster"
)

type extractOptions struct {
	inputOptions
	s Streams
	// Output is the -o file ("" or "-" for standard output), or the
	// directory with --split.
	Output string
	// Unit is the --unit value: sentence, window:N, paragraph, scene, tei.
	Unit string
	// Lang is the --lang value: de, en, or "" (roster, else detected).
	Lang string
	// Coref is the --coref value: none, pronouns, roles.
	Coref string
	// Split is the --split value: "", chapter or scene.
	Split string
	// Layer is the --layer value: cooccurrence or speech.
	Layer string
	// MergeLabels is --merge-labels: with --unit tei, speakers printed
	// under one label are one character (extract.Play.MergeLabels).
	MergeLabels bool

	rosterGiven bool // --roster was on the command line
}

func newExtractCmd(s Streams) *cobra.Command {
	o := &extractOptions{s: s}
	c := &cobra.Command{
		Use:   "extract EPISODE",
		Short: "Extract a character graph from an episode text or a TEI play",
		Long: `Extract reads an episode text (.txt or .md; "-" for standard input), finds the
roster's characters by name, alias and title (longest match first, German
genitives and English possessives included) and writes the graph as relgraph
JSON: one node per mentioned character, one edge per pair of characters that
interact, weighted by the number of interactions, with the unit numbers and
evidence text (--max-evidence units per edge).

Interaction units (--unit):
  sentence    (default) one interaction per sentence naming both
  window:N    one per pair of mentions at most N tokens (words) apart, each
              pair of mentions counted once (the Network-of-Thrones rule, N=15)
  paragraph   one per paragraph; a paragraph ends at a blank line, or at
              every line break in a text without blank lines
  scene       one per scene; scenes begin at headings: Markdown #…######,
              "Szene 3", "Scene 3", "Erster Auftritt", "2. Akt", INT./EXT.
  tei         a DraCor TEI play (.xml): one per <div> with <sp> children in
              which both speak; characters are the who ids; without --roster
              the cast comes from the TEI particDesc. --merge-labels makes
              speakers printed under one label one character ("Stimme" for
              nine DraCor ids in Faust): the network a printed text can reach

--lang de|en chooses the language pack (abbreviations, possessives, pronoun
and kinship tables); the default is the roster's lang, else the language
detected from the text's function words.

--coref pronouns resolves personal and possessive pronouns (er, sie, ihm,
seinen, he, her, …) to the most recent character of that gender in the same
or the previous sentence; --coref roles also resolves kinship nouns through
the roster relationships ("seinen Vater" after Lukas: Lukas's male parent)
and the roster's descriptors ("der Junge"). Resolved mentions are marked in
the evidence as {"span": [s, e], "resolved": "pronoun"|"role"}.

--layer speech makes a directed graph of who speaks to or about whom: direct
speech in quotation marks („…“ »…« “…” "…") is attributed to a name next to
a verb of saying just after or before it ("„…“, sagt Lukas", "Lukas fragt:
„…“", "“…,” said Elizabeth"); in a printed play a speech runs from its
speaker label ("EMILIA.") to the next. Each speech adds 1 to the edge from
its speaker to every character it names and to whom it addresses: in a play
every other speaker of its scene, in prose the speaker of the previous speech
(at most two paragraphs back). Units are the speeches.

--split chapter|scene writes one graph per chapter (Chapter I., Kapitel 3,
# heading) or scene to the directory -o DIR, named <episode>-01.json, …
(-00 is the text before the first heading), and prints their paths.`,
		Example: `  relgraph extract data/episodes/e01.txt -o out/e01.json
  relgraph extract data/episodes/e01.txt --coref roles --unit paragraph
  relgraph extract novel.txt --roster cast.json --lang en --unit window:15
  relgraph extract novel.txt --roster cast.json --split chapter -o out/chapters
  relgraph extract play.xml --unit tei -o play.json
  relgraph extract --roster my/characters.json chapter3.txt | jq '.edges[0]'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.rosterGiven = cmd.Flags().Changed("roster")
			return o.run(args[0])
		},
	}
	o.inputOptions.addFlags(c.Flags())
	f := c.Flags()
	f.StringVarP(&o.Output, "output", "o", "", "write the graph to `FILE` (default or \"-\": standard output); with --split, the directory")
	f.StringVar(&o.Unit, "unit", "sentence", "interaction `unit`: sentence, window:N, paragraph, scene or tei")
	f.StringVar(&o.Lang, "lang", "", "language `de|en` (default: the roster's, else detected from the text)")
	f.StringVar(&o.Coref, "coref", "none", "coreference: none, pronouns or roles")
	f.StringVar(&o.Split, "split", "", "write one graph per `chapter|scene` to the directory -o DIR")
	f.StringVar(&o.Layer, "layer", "cooccurrence", "cooccurrence (undirected) or speech (directed: who speaks to or about whom)")
	f.BoolVar(&o.MergeLabels, "merge-labels", false, "with --unit tei: one character for the speakers printed under one label")
	return c
}

func (o *extractOptions) run(path string) error {
	unit, err := extract.ParseUnit(o.Unit)
	if err != nil {
		return usagef("--unit: %v", err)
	}
	coref, err := extract.ParseCoref(o.Coref)
	if err != nil {
		return usagef("--coref: %v", err)
	}
	layer, err := extract.ParseLayer(o.Layer)
	if err != nil {
		return usagef("--layer: %v", err)
	}
	if layer == extract.LayerSpeech && unit.Kind != extract.UnitSentence {
		return usagef("--layer speech counts speeches: it takes no --unit %s", unit)
	}
	if o.Lang != "" && extract.Language(o.Lang) == nil {
		return usagef("--lang: %q is not one of de, en", o.Lang)
	}
	if o.MaxEvidence < 0 {
		return usagef("--max-evidence: %d is negative", o.MaxEvidence)
	}
	switch o.Split {
	case "", "chapter", "scene":
	default:
		return usagef("--split: %q is not one of chapter, scene", o.Split)
	}
	if o.Split != "" {
		if o.Output == "" || o.Output == "-" {
			return usagef("--split %s writes one file per %s: give the directory with -o DIR", o.Split, o.Split)
		}
		if unit.Kind == extract.UnitTEI {
			return usagef("--split does not apply to --unit tei (a TEI play is already divided)")
		}
	} else if ext := strings.ToLower(filepath.Ext(o.Output)); o.Output != "" && o.Output != "-" && ext != ".json" {
		return usagef("-o %s: extract writes relgraph JSON; give a .json file name", o.Output)
	}
	if o.MergeLabels && unit.Kind != extract.UnitTEI {
		return usagef("--merge-labels reads the speaker labels of a TEI play: use it with --unit tei")
	}
	if o.From != "" && o.From != "text" {
		return usagef("--from %s: extract reads an episode text, or a TEI play with --unit tei; convert graph files with relgraph convert", o.From)
	}
	if o.Nodes != "" || o.Chapters != "" {
		return usagef("--nodes and --chapters are for graph files; extract reads an episode text")
	}
	fromText := o.From == "text"
	if unit.Kind != extract.UnitTEI && !fromText && fileKind(path, nil) == "json" {
		return usagef("extract wants an episode text (.txt, .md), got the graph file %s", path)
	}
	if unit.Kind != extract.UnitTEI && !fromText && strings.EqualFold(filepath.Ext(path), ".xml") {
		return usagef("%s is XML: extract a TEI play with --unit tei", path)
	}

	if unit.Kind != extract.UnitTEI && path != "-" && !fromText && fileKind(path, nil) != "text" {
		return fmt.Errorf("%s: unknown file type %q (want an episode text .txt or .md, or a TEI play .xml with --unit tei)", path, filepath.Ext(path))
	}
	name := path
	if path == "-" {
		name = "<stdin>"
	}
	// A plain text without --split is streamed (extract.ExtractReader):
	// memory holds the graph and its evidence, not the text. A TEI play
	// and a text to split are read whole.
	var data []byte
	if unit.Kind == extract.UnitTEI || o.Split != "" {
		if data, err = readInput(path, o.s.In); err != nil {
			return err
		}
		if start, ok := xmlStart(data); ok && path == "-" && unit.Kind != extract.UnitTEI {
			return usagef("<stdin> is XML (it starts with %q): extract a TEI play with --unit tei", start)
		}
	}
	maxEv := o.MaxEvidence
	if maxEv == 0 {
		maxEv = -1 // extract.Options: negative keeps none, 0 means the default
	}
	ep := graph.Episode{ID: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), Source: filepath.ToSlash(path)}
	if path == "-" {
		ep = graph.Episode{ID: "stdin", Source: "-"}
	}
	inputs := []string{path, o.Roster}

	if unit.Kind == extract.UnitTEI {
		var r *roster.Roster
		if o.rosterGiven {
			if r, err = o.loadRoster(o.s.ErrOut); err != nil {
				return err
			}
		}
		play, err := extract.ParseTEI(name, data)
		if err != nil {
			return err
		}
		if o.MergeLabels {
			play.MergeLabels()
		}
		g, warnings, err := extract.ExtractPlay(play, extract.Options{Roster: r, MaxEvidence: maxEv, Episode: ep})
		if err != nil {
			return err
		}
		for _, w := range warnings {
			warn(o.s.ErrOut, name+": "+w)
		}
		return writeOutput(o.Output, inputs, o.s.Out, func(w io.Writer) error { return formats.WriteJSON(w, g) })
	}

	r, err := o.loadRoster(o.s.ErrOut)
	if err != nil {
		return err
	}
	if path != "-" {
		if e, ok := r.Episode(path); ok {
			ep.ID, ep.Title = e.ID, e.Title
		}
	}
	opt := extract.Options{Roster: r, Lang: o.Lang, Unit: unit, Coref: coref, Layer: layer, MaxEvidence: maxEv, Episode: ep}
	if o.Split == "" {
		var in io.Reader
		if path != "-" {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			in = f
		} else {
			br := bufio.NewReader(o.s.In)
			head, _ := br.Peek(64)
			if start, ok := xmlStart(head); ok {
				return usagef("<stdin> is XML (it starts with %q): extract a TEI play with --unit tei", start)
			}
			in = br
		}
		g, warnings, err := extract.ExtractReader(in, opt)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, w := range warnings {
			warn(o.s.ErrOut, name+": "+w)
		}
		return writeOutput(o.Output, inputs, o.s.Out, func(w io.Writer) error { return formats.WriteJSON(w, g) })
	}
	return o.split(name, string(data), opt, inputs)
}

// extractOne extracts text and prints the warnings.
func (o *extractOptions) extractOne(name, text string, opt extract.Options) (*graph.Graph, error) {
	g, warnings, err := extract.Extract(text, opt)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, w := range warnings {
		warn(o.s.ErrOut, name+": "+w)
	}
	return g, nil
}

// split writes one graph per chapter or scene of text to the directory
// o.Output: <episode>-00.json for the text before the first heading (when
// it is not blank), then <episode>-01.json, … in text order, with the
// heading as the episode title. The numbers have at least two digits, more
// when there are 100 sections or more. The paths are printed to stdout.
func (o *extractOptions) split(name, text string, opt extract.Options, inputs []string) error {
	if err := extract.CheckUTF8(text); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	isHeading := extract.IsChapterHeading
	if o.Split == "scene" {
		isHeading = extract.IsSceneHeading
	}
	secs := extract.Sections(text, isHeading)
	headed := 0
	for _, s := range secs {
		if s.Heading != "" {
			headed++
		}
	}
	if headed == 0 {
		warn(o.s.ErrOut, fmt.Sprintf("%s: no %s heading found: the whole text is one %s", name, o.Split, o.Split))
	}
	if err := os.MkdirAll(o.Output, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", o.Output, err)
	}
	width := max(2, len(fmt.Sprint(len(secs))))
	base, title := opt.Episode.ID, opt.Episode.Title
	n := 0
	for _, s := range secs {
		if s.Heading != "" || headed == 0 {
			n++
		}
		id := fmt.Sprintf("%s-%0*d", base, width, n)
		sopt := opt
		sopt.Episode.ID = id
		sopt.Episode.Title = extract.HeadingTitle(s.Heading)
		if s.Heading == "" && title != "" {
			sopt.Episode.Title = title
		}
		g, err := o.extractOne(fmt.Sprintf("%s (%s %s)", name, o.Split, id), text[s.Start:s.End], sopt)
		if err != nil {
			return err
		}
		out := filepath.Join(o.Output, id+".json")
		if err := writeOutput(out, inputs, o.s.Out, func(w io.Writer) error { return formats.WriteJSON(w, g) }); err != nil {
			return err
		}
		fmt.Fprintln(o.s.Out, filepath.ToSlash(out))
	}
	return nil
}
