package roster

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/relgraph/relgraph/internal/jsonx"
)

// FormatID is the value of the "format" field of a roster file.
const FormatID = "relgraph/roster@1"

// Roster is a parsed and validated characters.json.
type Roster struct {
	Format        string         `json:"format"`
	Series        string         `json:"series,omitempty"`
	Lang          string         `json:"lang,omitempty"`
	Characters    []Character    `json:"characters"`
	Relationships []Relationship `json:"relationships,omitempty"`
	// Exclude lists phrases that never match a character (e.g. the series
	// title "In aller Freundschaft").
	Exclude  []string     `json:"exclude,omitempty"`
	Episodes []EpisodeRef `json:"episodes,omitempty"`

	// Path is the file the roster was read from ("" when parsed from memory).
	Path string `json:"-"`
	// Dir is the directory that episode file paths are relative to.
	Dir string `json:"-"`

	forms       map[string][]string // character id → match forms, ambiguous ones removed
	descriptors map[string][]string // character id → descriptors, shared ones removed
	ambiguous   []string            // forms claimed by two or more characters, sorted
}

// Character is one entry of the roster.
type Character struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Aliases are other names the text uses: first name, surname, nickname.
	Aliases []string `json:"aliases,omitempty"`
	// Gender is "m", "f" or "x" (or empty).
	Gender string `json:"gender,omitempty"`
	// Titles combine with aliases, with the name and with the surname (the
	// last word of the name, titles left out): title "Dr." and name "Anna
	// Berg" also match "Dr. Anna Berg" and "Dr. Berg".
	Titles []string `json:"titles,omitempty"`
	// Descriptors are noun phrases naming the character, each declined
	// form listed ("der Junge", "des Jungen", "dem Jungen", "den Jungen").
	// They are matched only by coreference (--coref roles), never as names.
	Descriptors []string `json:"descriptors,omitempty"`
	// Attributes are free key/value pairs copied onto the graph node.
	Attributes map[string]any `json:"attributes,omitempty"`
}

// Relationship is a typed tie the roster states between two characters.
type Relationship struct {
	Source string `json:"source"`
	Target string `json:"target"`
	// Type is one of RelationshipTypes; for "parent" Source is a parent of Target.
	Type string `json:"type"`
	// Label is free text shown on maps ("Mutter/Sohn").
	Label string `json:"label,omitempty"`
}

// EpisodeRef names an episode text of the series.
type EpisodeRef struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
	// File is relative to the roster's directory.
	File string `json:"file"`
	// Note is free text (e.g. that an episode was written for illustration).
	Note string `json:"note,omitempty"`
}

// RelationshipTypes are the valid values of relationships[].type.
var RelationshipTypes = []string{"parent", "sibling", "partner", "ex-partner", "friend", "colleague", "other"}

// Genders are the valid values of characters[].gender.
var Genders = []string{"m", "f", "x"}

// Load reads and validates the roster at path. Warnings (such as an alias
// claimed by two characters) are returned beside a valid roster; an error
// names the file and the line and column or the field.
func Load(path string) (*Roster, []string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("roster: %w", err)
	}
	r, warnings, err := Parse(path, data, filepath.Dir(path))
	if err != nil {
		return nil, nil, err
	}
	return r, warnings, nil
}

// Parse decodes and validates roster JSON. name is used in messages; dir is
// the directory that episode files are relative to ("" skips the check that
// they exist). A UTF-8 byte order mark is skipped. Besides syntax and type
// errors, it rejects what encoding/json would let pass: a field the schema
// does not have ("alias" for "aliases", with a did-you-mean hint; free-form
// data belongs in a character's "attributes"), a key repeated in one
// object, and bytes that are not UTF-8; each error names the file, line,
// column and field ("r.json:3:5: field characters[0].alias: unknown field
// (did you mean "aliases"?)").
func Parse(name string, data []byte, dir string) (*Roster, []string, error) {
	var r Roster
	if err := jsonx.Decode(name, data, &r); err != nil {
		return nil, nil, err
	}
	// encoding/json accepts unknown fields, repeated keys and bytes that
	// are not UTF-8 silently; a roster must not (checkStrict).
	if err := checkStrict(name, bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))); err != nil {
		return nil, nil, err
	}
	r.Path, r.Dir = name, dir
	if err := r.validate(name, dir); err != nil {
		return nil, nil, err
	}
	// Display names as they will be written (node names, maps): NFC, so a
	// name typed with combining characters comes out composed.
	for i := range r.Characters {
		r.Characters[i].Name = norm.NFC.String(r.Characters[i].Name)
	}
	warnings := r.buildForms(name)
	return &r, warnings, nil
}

func (r *Roster) validate(name, dir string) error {
	fail := func(field, format string, args ...any) error {
		return fmt.Errorf("%s: field %s: %s", name, field, fmt.Sprintf(format, args...))
	}
	if r.Format != FormatID {
		if r.Format == "" {
			return fail("format", "missing, want %q", FormatID)
		}
		return fail("format", "got %q, want %q", r.Format, FormatID)
	}
	if len(r.Characters) == 0 {
		return fail("characters", "no characters (want at least one {\"id\", \"name\"})")
	}
	ids := make(map[string]int, len(r.Characters))
	for i, c := range r.Characters {
		f := fmt.Sprintf("characters[%d]", i)
		if strings.TrimSpace(c.ID) == "" {
			return fail(f+".id", "missing or empty")
		}
		if j, dup := ids[c.ID]; dup {
			return fail(f+".id", "duplicate id %q (also characters[%d])", c.ID, j)
		}
		ids[c.ID] = i
		if strings.TrimSpace(c.Name) == "" {
			return fail(f+".name", "missing or empty for %q", c.ID)
		}
		if c.Gender != "" && !slices.Contains(Genders, c.Gender) {
			return fail(f+".gender", "%q is not one of %s", c.Gender, strings.Join(Genders, ", "))
		}
		for _, l := range []struct {
			field string
			list  []string
		}{{"aliases", c.Aliases}, {"titles", c.Titles}, {"descriptors", c.Descriptors}} {
			for k, a := range l.list {
				if strings.TrimSpace(a) == "" {
					return fail(fmt.Sprintf("%s.%s[%d]", f, l.field, k), "empty string")
				}
			}
		}
		for _, l := range []struct {
			field string
			list  []string
		}{{"name", []string{c.Name}}, {"aliases", c.Aliases}, {"titles", c.Titles}, {"descriptors", c.Descriptors}} {
			for k, a := range l.list {
				if !hasWordRune(a) {
					field := fmt.Sprintf("%s.%s[%d]", f, l.field, k)
					if l.field == "name" {
						field = f + ".name"
					}
					return fail(field, "%q has no letter or digit: it would match punctuation, not a name", a)
				}
			}
		}
		for k, a := range c.Aliases {
			if slices.Contains(c.Titles, strings.TrimSpace(a)) {
				return fail(fmt.Sprintf("%s.aliases[%d]", f, k), "%q is one of the character's titles, not a name", a)
			}
		}
	}
	for i, rel := range r.Relationships {
		f := fmt.Sprintf("relationships[%d]", i)
		if _, ok := ids[rel.Source]; !ok {
			return fail(f+".source", "unknown character id %q", rel.Source)
		}
		if _, ok := ids[rel.Target]; !ok {
			return fail(f+".target", "unknown character id %q", rel.Target)
		}
		if rel.Source == rel.Target {
			return fail(f, "a relationship of %q with itself", rel.Source)
		}
		if !slices.Contains(RelationshipTypes, rel.Type) {
			return fail(f+".type", "%q is not one of %s", rel.Type, strings.Join(RelationshipTypes, ", "))
		}
	}
	for k, x := range r.Exclude {
		if strings.TrimSpace(x) == "" {
			return fail(fmt.Sprintf("exclude[%d]", k), "empty string")
		}
		if !hasWordRune(x) {
			return fail(fmt.Sprintf("exclude[%d]", k), "%q has no letter or digit", x)
		}
	}
	if r.Lang != "" && LangCode(r.Lang) == "" {
		return fail("lang", "%q is not a supported language (want \"de\" or \"en\", or a variant such as \"de-AT\", \"en_GB\")", r.Lang)
	}
	epIDs := make(map[string]int, len(r.Episodes))
	for i, e := range r.Episodes {
		f := fmt.Sprintf("episodes[%d]", i)
		if strings.TrimSpace(e.ID) == "" {
			return fail(f+".id", "missing or empty")
		}
		if j, dup := epIDs[e.ID]; dup {
			return fail(f+".id", "duplicate episode id %q (also episodes[%d])", e.ID, j)
		}
		if why := unsafeFileName(e.ID); why != "" {
			return fail(f+".id", "%q %s: episode ids name output files (OUT/<id>.json)", e.ID, why)
		}
		epIDs[e.ID] = i
		if strings.TrimSpace(e.File) == "" {
			return fail(f+".file", "missing or empty")
		}
		if dir != "" {
			p := r.EpisodePath(e)
			st, err := os.Stat(p)
			switch {
			case errors.Is(err, os.ErrNotExist):
				return fail(f+".file", "episode file %s does not exist", p)
			case err != nil:
				return fail(f+".file", "%v", err)
			case st.IsDir():
				return fail(f+".file", "%s is a directory, want a text file", p)
			}
		}
	}
	return nil
}

// unsafeFileName says why an episode id cannot be used as a file name in
// an output directory, or returns "".
func unsafeFileName(id string) string {
	switch {
	case id == "." || id == "..":
		return "is not a file name"
	case strings.ContainsAny(id, `/\:`):
		return "contains a path separator"
	case strings.HasPrefix(id, "."):
		return "starts with a dot"
	}
	for _, r := range id {
		if unicode.IsControl(r) {
			return "contains a control character"
		}
	}
	return ""
}

// apostrophes turns typed apostrophes into typographic ones.
var apostrophes = strings.NewReplacer("'", "’")

// buildForms collects each character's match forms (name, aliases, and
// every title followed by an alias or the name), NFC-normalised and
// de-duplicated; a form with an apostrophe is listed with ' and with ’
// ("O'Brien", "O’Brien"). A form claimed by two or more characters is removed from
// all of them and reported as a warning.
func (r *Roster) buildForms(name string) []string {
	owners := map[string][]string{}
	per := make(map[string][]string, len(r.Characters))
	for _, c := range r.Characters {
		set := map[string]bool{}
		add := func(s string) {
			s = norm.NFC.String(strings.Join(strings.Fields(s), " "))
			if s != "" {
				set[s] = true
				// The apostrophe typed (') and the typographic one (’)
				// are the same in a name: "O'Brien" matches "O’Brien".
				if strings.ContainsAny(s, "'’") {
					set[apostrophes.Replace(s)] = true
					set[strings.ReplaceAll(s, "’", "'")] = true
				}
			}
		}
		add(c.Name)
		for _, a := range c.Aliases {
			add(a)
		}
		core, surname := nameParts(c.Name, c.Titles)
		for _, t := range c.Titles {
			for _, a := range c.Aliases {
				if strings.HasPrefix(a, t+" ") {
					continue // "Dr. B" with title "Dr." is a form already, not "Dr. Dr. B"
				}
				add(t + " " + a)
			}
			if core != "" {
				add(t + " " + core)
			}
			if surname != "" {
				add(t + " " + surname)
			}
		}
		forms := make([]string, 0, len(set))
		for s := range set {
			forms = append(forms, s)
		}
		slices.Sort(forms)
		per[c.ID] = forms
		for _, s := range forms {
			owners[s] = append(owners[s], c.ID)
		}
	}
	var warnings []string
	r.forms = make(map[string][]string, len(per))
	for id, forms := range per {
		kept := forms[:0:0]
		for _, s := range forms {
			if len(owners[s]) == 1 {
				kept = append(kept, s)
			}
		}
		r.forms[id] = kept
	}
	for s, ids := range owners {
		if len(ids) > 1 {
			r.ambiguous = append(r.ambiguous, s)
			slices.Sort(ids)
			warnings = append(warnings, fmt.Sprintf("%s: name or alias %q is claimed by %s; it matches none of them", name, s, strings.Join(ids, ", ")))
		}
	}
	slices.Sort(r.ambiguous)
	warnings = append(warnings, r.buildDescriptors(name)...)
	slices.Sort(warnings)
	return warnings
}

// buildDescriptors collects each character's descriptors, normalised as
// forms are; a descriptor listed for two or more characters is removed
// from all of them and reported.
func (r *Roster) buildDescriptors(name string) []string {
	owners := map[string][]string{}
	per := make(map[string][]string, len(r.Characters))
	for _, c := range r.Characters {
		var list []string
		for _, d := range c.Descriptors {
			d = norm.NFC.String(strings.Join(strings.Fields(d), " "))
			if d == "" || slices.Contains(list, d) {
				continue
			}
			list = append(list, d)
			owners[d] = append(owners[d], c.ID)
		}
		slices.Sort(list)
		per[c.ID] = list
	}
	r.descriptors = make(map[string][]string, len(per))
	var warnings []string
	for id, list := range per {
		kept := list[:0:0]
		for _, d := range list {
			if len(owners[d]) == 1 {
				kept = append(kept, d)
			}
		}
		r.descriptors[id] = kept
	}
	for d, ids := range owners {
		if len(ids) > 1 {
			slices.Sort(ids)
			warnings = append(warnings, fmt.Sprintf("%s: descriptor %q is listed for %s; it resolves to none of them", name, d, strings.Join(ids, ", ")))
		}
	}
	return warnings
}

// Descriptors returns the character's descriptors (noun phrases such as
// "der Junge", "des Jungen"), NFC-normalised with whitespace collapsed,
// sorted, without those listed for two or more characters. They are
// matched only by coreference (extract's --coref roles), never as names.
func (r *Roster) Descriptors(id string) []string {
	if r.forms == nil {
		r.buildForms(r.Path)
	}
	return r.descriptors[id]
}

// nameParts returns the name without leading title words (the character's
// titles, or any of TitleWords) and its last word, the surname, when the
// name has two or more words after the titles ("Dr. Anna Berg" → "Anna
// Berg", "Berg"; "Lukas" → "Lukas", "").
func nameParts(name string, titles []string) (core, surname string) {
	words := strings.Fields(name)
	for len(words) > 0 && (slices.Contains(titles, words[0]) || isTitleWord(words[0])) {
		words = words[1:]
	}
	if len(words) == 0 {
		return "", ""
	}
	core = strings.Join(words, " ")
	if len(words) >= 2 {
		surname = words[len(words)-1]
	}
	return core, surname
}

// TitleWords are the titles and forms of address that relgraph knows in
// German and English. A character's titles need not come from this list;
// it is used to strip titles off names and to find candidate names.
var TitleWords = []string{
	"Dr.", "Prof.", "Frau", "Herr", "Fräulein", "Schwester", "Pfleger", "Oberarzt", "Oberärztin",
	"Mr.", "Mrs.", "Ms.", "Miss", "Sir", "Lady", "Lord", "Captain", "Colonel",
}

func isTitleWord(w string) bool { return slices.Contains(TitleWords, w) }

// hasWordRune reports whether s contains a letter or a digit.
func hasWordRune(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// LangCode returns "de" or "en" for a supported language tag ("de",
// "de-AT", "en_GB", case-insensitive), and "" for any other.
func LangCode(tag string) string {
	l := strings.ToLower(strings.TrimSpace(tag))
	for _, code := range []string{"de", "en"} {
		if l == code || strings.HasPrefix(l, code+"-") || strings.HasPrefix(l, code+"_") {
			return code
		}
	}
	return ""
}

// Forms returns the strings that name the character with the given id in a
// text: its name, aliases and title+alias combinations, NFC-normalised,
// each with an apostrophe both as ' and as ’, sorted, without the ambiguous ones (see Ambiguous).
func (r *Roster) Forms(id string) []string {
	if r.forms == nil {
		r.buildForms(r.Path)
	}
	return r.forms[id]
}

// Ambiguous returns the forms claimed by two or more characters, sorted.
// They match no character.
func (r *Roster) Ambiguous() []string {
	if r.forms == nil {
		r.buildForms(r.Path)
	}
	return r.ambiguous
}

// Character returns the character with the given id.
func (r *Roster) Character(id string) (Character, bool) {
	for _, c := range r.Characters {
		if c.ID == id {
			return c, true
		}
	}
	return Character{}, false
}

// Relation returns the label of the roster relationship between a and b
// in either direction (its Label, or its Type when it has no label), and
// whether there is one. With several relationships for a pair, labels are
// joined with "; " in roster order.
func (r *Roster) Relation(a, b string) (string, bool) {
	var labels []string
	for _, rel := range r.Relationships {
		if (rel.Source == a && rel.Target == b) || (rel.Source == b && rel.Target == a) {
			l := cmp.Or(rel.Label, rel.Type)
			if !slices.Contains(labels, l) {
				labels = append(labels, l)
			}
		}
	}
	return strings.Join(labels, "; "), len(labels) > 0
}

// EpisodePath returns the path of an episode's text, relative to the
// roster's directory unless it is absolute.
func (r *Roster) EpisodePath(e EpisodeRef) string {
	if filepath.IsAbs(e.File) || r.Dir == "" {
		return e.File
	}
	return filepath.Join(r.Dir, e.File)
}

// Episode returns the roster's episode whose file is path (compared after
// cleaning both), or whose id is path.
func (r *Roster) Episode(path string) (EpisodeRef, bool) {
	abs, _ := filepath.Abs(path)
	for _, e := range r.Episodes {
		p, _ := filepath.Abs(r.EpisodePath(e))
		if p == abs || e.ID == path {
			return e, true
		}
	}
	return EpisodeRef{}, false
}
