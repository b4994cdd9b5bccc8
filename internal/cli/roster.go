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
		Long: `Suggest reads a text (.txt, .md, "-" for standard input) and lists names
that may belong to characters missing from the roster, with their counts, the
cues seen and an example sentence. A name is a run of capitalised words
("Gerd Hoffmann", "Ilse-Marie", "Herr Müller-Lüdenscheidt" → Müller-Lüdenscheidt);
its words seen alone are counted with it ("Kathrin" with "Dr. Kathrin Globisch")
and listed under forms; the name shown is the form the text uses most.

German capitalises every noun, so capital letters alone are no signal: a
German candidate needs a cue at least once — a title before it (Dr., Prof.,
Frau, Herr, Schwester, Pfleger, …; stacked: "Prof. Dr. med. Ernst Brandt"),
"namens X" or "genannt X", an
apposition after a kinship noun ("sein Vater Friedrich"), or a verb of saying
next to it ("X sagt", "fragt X"). In English a capitalised word that does not
open a sentence or a quotation and is not a function word, title, weekday or
month counts too when seen twice (places come up as well: it is a list to
read). A word opening a sentence or a quotation ("she added, “Very well”") is
taken for an ordinary word when it is written in lower case elsewhere or never
capitalised inside a sentence.
Never candidates: the roster's mentions and exclude phrases, and a name all of
whose words are words of the roster's names or aliases, also with a plural or
genitive ending ("Bennet", "Bennets", "Lucas" when "Charlotte Lucas" is a
roster name).

--skeleton FILE writes a roster (relgraph/roster@1) with the roster's
characters, if --roster was given, and one character per candidate (id from
the name, name = its longest form, the other forms as aliases, the titles
seen, gender unknown) to fill in; its "lang" is the language used (--lang,
else the roster's, else detected from the text).`,
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
	Forms   []string `json:"forms"`
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
	if start, ok := xmlStart(data); ok {
		return usagef("%s is XML (it starts with %q), not a text: roster suggest reads plain text; extract a TEI play with relgraph extract --unit tei", name, start)
	}
	// The default roster is optional here: without it every name is new.
	var r *roster.Roster
	if o.rosterGiven || fileExists(o.Roster) {
		if r, err = o.loadRoster(o.s.ErrOut); err != nil {
			return err
		}
	}
	cands, lang, err := extract.SuggestLang(string(data), extract.Options{Roster: r, Lang: o.Lang}, o.Top)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	rows := make([]suggestRow, len(cands))
	for i, c := range cands {
		rows[i] = suggestRow{Name: c.Name, Forms: c.Forms, Count: c.Count, Cues: c.Cues, Titles: c.Titles, Unit: c.Unit, Example: c.Example}
	}
	inputs := []string{path, o.Roster}
	if o.Skeleton != "" {
		if err := writeOutput(o.Skeleton, inputs, o.s.Out, func(w io.Writer) error { return writeSkeleton(w, r, lang, cands) }); err != nil {
			return err
		}
	}
	return writeOutput(o.Output, inputs, o.s.Out, func(w io.Writer) error {
		switch format {
		case "json":
			return writeJSON(w, map[string]any{"format": "relgraph/suggest@1", "text": name, "candidates": rows})
		}
		t := table{header: []string{"name", "count", "cues", "titles", "unit", "example", "forms"}}
		for _, r := range rows {
			ex := r.Example
			if format == "table" && len([]rune(ex)) > 80 {
				ex = string([]rune(ex)[:79]) + "…"
			}
			t.add(r.Name, strconv.Itoa(r.Count), strings.Join(r.Cues, " "), strings.Join(r.Titles, " "), strconv.Itoa(r.Unit), ex, strings.Join(r.Forms, "; "))
		}
		if format == "csv" {
			return t.writeCSV(w)
		}
		return t.writeText(w)
	})
}

// xmlStart reports whether data, after a byte order mark and white
// space, opens as an XML document or a TEI play ("<?xml", "<TEI", any
// case), and returns that opening. Text commands use it on standard input,
// which has no file extension to tell XML by.
func xmlStart(data []byte) (string, bool) {
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	for _, p := range []string{"<?xml", "<TEI"} {
		if len(head) >= len(p) && strings.EqualFold(string(head[:len(p)]), p) {
			return string(head[:len(p)]), true
		}
	}
	return "", false
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, fs.ErrNotExist)
}

// writeSkeleton writes a roster with r's characters (if any) and one
// character per candidate: id = the candidate's name lower-cased, letters
// and digits only (umlauts kept), made unique with a number; name = its
// longest form, aliases = its other forms; titles as seen. lang is the
// language the candidates were found in. Gender is left for the user.
func writeSkeleton(w io.Writer, r *roster.Roster, lang string, cands []extract.Candidate) error {
	out := roster.Roster{Format: roster.FormatID, Lang: lang}
	taken := map[string]bool{}
	if r != nil {
		out.Series, out.Characters, out.Relationships, out.Exclude = r.Series, r.Characters, r.Relationships, r.Exclude
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
		name, aliases := c.Name, []string(nil)
		if len(c.Forms) > 0 {
			name, aliases = c.Forms[0], c.Forms[1:]
		}
		if len(aliases) == 0 {
			aliases = nil
		}
		out.Characters = append(out.Characters, roster.Character{ID: id, Name: name, Aliases: aliases, Titles: titles})
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
