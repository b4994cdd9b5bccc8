package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"golang.org/x/text/unicode/norm"

	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/roster"
)

func newRosterCmd(s Streams) *cobra.Command {
	c := &cobra.Command{
		Use:     "roster",
		Short:   "Work with the roster (characters.json)",
		Long:    `Roster groups the commands that help build a roster: "roster suggest".`,
		Example: `  relgraph roster suggest data/episodes/e01.txt --roster my/characters.json`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return usagef("roster wants a subcommand: suggest (see relgraph roster --help)")
		},
	}
	c.AddCommand(newRosterSuggestCmd(s))
	return c
}

type rosterSuggestOptions struct {
	inputOptions
	s        Streams
	Format   string
	Output   string
	Lang     string
	Top      int
	Skeleton string

	rosterGiven bool
}

func newRosterSuggestCmd(s Streams) *cobra.Command {
	o := &rosterSuggestOptions{s: s}
	c := &cobra.Command{
		Use:   "suggest TEXT",
		Short: "List candidate characters that the roster does not name",
		Long: `Suggest reads a text (.txt, .md, "-" for standard input) and lists words that
may name characters missing from the roster, with their counts, the cues
seen and an example sentence.

German capitalises every noun, so capital letters alone are no signal: a
German candidate needs a cue at least once — a title before it (Dr., Prof.,
Frau, Herr, Schwester, Pfleger, …), "namens X" or "genannt X", an
apposition after a kinship noun ("sein Vater Friedrich"), or a verb of saying
next to it ("X sagt", "fragt X"). In English a capitalised word that does not
open a sentence and is not a function word, title, weekday or month counts
too when seen twice (places come up as well: it is a list to read).
Words inside the roster's names and exclude phrases are never candidates.

--skeleton FILE writes a roster (relgraph/roster@1) with the roster's
characters, if --roster was given, and one character per candidate (id from
the name, gender unknown) to fill in.`,
		Example: `  relgraph roster suggest data/episodes/e01.txt
  relgraph roster suggest novel.txt --lang en --top 30 --format csv
  relgraph roster suggest chapter1.txt --skeleton characters.json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.rosterGiven = cmd.Flags().Changed("roster")
			return o.run(args[0])
		},
	}
	o.inputOptions.addFlags(c.Flags())
	f := c.Flags()
	f.StringVar(&o.Format, "format", "", "output format: table, json or csv (default from -o's extension, else table)")
	f.StringVarP(&o.Output, "output", "o", "", "write to `FILE` (default or \"-\": standard output)")
	f.StringVar(&o.Lang, "lang", "", "language `de|en` (default: the roster's, else detected from the text)")
	f.IntVar(&o.Top, "top", 0, "list at most `N` candidates (0: all)")
	f.StringVar(&o.Skeleton, "skeleton", "", "also write a roster skeleton with the candidates to `FILE`")
	return c
}

// suggestRow is one candidate in JSON and CSV.
type suggestRow struct {
	Name    string   `json:"name"`
	Count   int      `json:"count"`
	Cues    []string `json:"cues"`
	Titles  []string `json:"titles,omitempty"`
	Unit    int      `json:"unit"`
	Example string   `json:"example"`
}

func (o *rosterSuggestOptions) run(path string) error {
	format, err := dataFormat(o.Format, o.Output)
	if err != nil {
		return err
	}
	if o.Lang != "" && extract.Language(o.Lang) == nil {
		return usagef("--lang: %q is not one of de, en", o.Lang)
	}
	if o.Top < 0 {
		return usagef("--top: %d is negative", o.Top)
	}
	if fileKind(path, nil) != "text" && path != "-" {
		return usagef("roster suggest wants a text (.txt, .md), got %s", path)
	}
	name := displayPath(path)
	data, err := readInput(path, o.s.In)
	if err != nil {
		return err
	}
	// The default roster is optional here: without it every name is new.
	var r *roster.Roster
	if o.rosterGiven || fileExists(o.Roster) {
		if r, err = o.loadRoster(o.s.ErrOut); err != nil {
			return err
		}
	}
	cands, err := extract.Suggest(string(data), extract.Options{Roster: r, Lang: o.Lang}, o.Top)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	rows := make([]suggestRow, len(cands))
	for i, c := range cands {
		rows[i] = suggestRow{Name: c.Name, Count: c.Count, Cues: c.Cues, Titles: c.Titles, Unit: c.Unit, Example: c.Example}
	}
	inputs := []string{path, o.Roster}
	if o.Skeleton != "" {
		if err := writeOutput(o.Skeleton, inputs, o.s.Out, func(w io.Writer) error { return writeSkeleton(w, r, o.Lang, cands) }); err != nil {
			return err
		}
	}
	return writeOutput(o.Output, inputs, o.s.Out, func(w io.Writer) error {
		switch format {
		case "json":
			return writeJSON(w, map[string]any{"format": "relgraph/suggest@1", "text": name, "candidates": rows})
		}
		t := table{header: []string{"name", "count", "cues", "titles", "unit", "example"}}
		for _, r := range rows {
			ex := r.Example
			if format == "table" && len([]rune(ex)) > 80 {
				ex = string([]rune(ex)[:79]) + "…"
			}
			t.add(r.Name, strconv.Itoa(r.Count), strings.Join(r.Cues, " "), strings.Join(r.Titles, " "), strconv.Itoa(r.Unit), ex)
		}
		if format == "csv" {
			return t.writeCSV(w)
		}
		return t.writeText(w)
	})
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, fs.ErrNotExist)
}

// writeSkeleton writes a roster with r's characters (if any) and one
// character per candidate: id = the name lower-cased, letters and digits
// only (umlauts kept), made unique with a number; name = the candidate;
// titles as seen. Gender and aliases are left for the user.
func writeSkeleton(w io.Writer, r *roster.Roster, lang string, cands []extract.Candidate) error {
	out := roster.Roster{Format: roster.FormatID, Lang: lang}
	taken := map[string]bool{}
	if r != nil {
		out.Series, out.Characters, out.Relationships, out.Exclude = r.Series, r.Characters, r.Relationships, r.Exclude
		if out.Lang == "" {
			out.Lang = r.Lang
		}
		for _, c := range r.Characters {
			taken[c.ID] = true
		}
	}
	for _, c := range cands {
		base := slug(c.Name)
		id := base
		for n := 2; taken[id]; n++ {
			id = base + strconv.Itoa(n)
		}
		taken[id] = true
		var titles []string
		for _, t := range c.Titles {
			titles = append(titles, strings.TrimSpace(t))
		}
		out.Characters = append(out.Characters, roster.Character{ID: id, Name: c.Name, Titles: titles})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// slug returns name lower-cased with only letters and digits, or "c".
func slug(name string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(strings.ToLower(name)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "c"
	}
	return b.String()
}
