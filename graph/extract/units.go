package extract

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// UnitKind is the kind of interaction unit.
type UnitKind int

// The unit kinds of Options.Unit.
const (
	UnitSentence  UnitKind = iota // one interaction per sentence naming both
	UnitWindow                    // one per pair of mentions at most N tokens apart
	UnitParagraph                 // one per paragraph naming both
	UnitScene                     // one per scene naming both
	UnitTEI                       // one per TEI <div> in which both speak (ExtractTEI)
)

// UnitSpec is a parsed --unit value.
type UnitSpec struct {
	Kind UnitKind
	// N is the window size in tokens (words) for UnitWindow.
	N int
}

// MaxWindow bounds the window size N of "window:N", in tokens.
const MaxWindow = 10000

// ParseUnit parses "sentence", "window:N" (1 ≤ N ≤ MaxWindow),
// "paragraph", "scene" or "tei". The empty string is "sentence".
func ParseUnit(s string) (UnitSpec, error) {
	switch s {
	case "", "sentence":
		return UnitSpec{Kind: UnitSentence}, nil
	case "paragraph":
		return UnitSpec{Kind: UnitParagraph}, nil
	case "scene":
		return UnitSpec{Kind: UnitScene}, nil
	case "tei":
		return UnitSpec{Kind: UnitTEI}, nil
	}
	if rest, ok := strings.CutPrefix(s, "window:"); ok {
		n, err := strconv.Atoi(rest)
		if err != nil || n < 1 || n > MaxWindow {
			return UnitSpec{}, fmt.Errorf("unit %q: window size must be a whole number from 1 to %d", s, MaxWindow)
		}
		return UnitSpec{Kind: UnitWindow, N: n}, nil
	}
	return UnitSpec{}, fmt.Errorf("unit %q: want sentence, window:N, paragraph, scene or tei", s)
}

// String returns the value of graph.Episode.Unit: "sentence", "window:15", ….
func (u UnitSpec) String() string {
	switch u.Kind {
	case UnitWindow:
		return "window:" + strconv.Itoa(u.N)
	case UnitParagraph:
		return "paragraph"
	case UnitScene:
		return "scene"
	case UnitTEI:
		return "tei"
	}
	return "sentence"
}

// line is a line of a text: [start, end) without its line break; next is
// the offset after the break (-1 for the last line).
type line struct{ start, end, next int }

// lines calls f for every line of text; f returns false to stop.
func lines(text string, f func(l line) bool) {
	for start := 0; ; {
		end, next := nextLineBreak(text, start)
		if !f(line{start, end, next}) || next < 0 {
			return
		}
		start = next
	}
}

func blank(s string) bool { return strings.TrimFunc(s, isTrimmed) == "" }

// hasBlankLine reports whether text has a blank line between two lines
// that are not blank (a paragraph break).
func hasBlankLine(text string) bool {
	seenText, gap, found := false, false, false
	lines(text, func(l line) bool {
		if blank(text[l.start:l.end]) {
			gap = seenText
			return true
		}
		if gap {
			found = true
			return false
		}
		seenText = true
		return true
	})
	return found
}

// Paragraphs splits text into paragraph units: a paragraph ends at a blank
// line (a line of only whitespace); in a text that has no blank line
// between two lines of text (such as the seed synopses) each line break
// ends a paragraph. Spans are trimmed of surrounding whitespace, empty ones
// dropped, in text order.
func Paragraphs(text string) []Span { return paragraphs(text, hasBlankLine(text), false) }

// paragraphs implements Paragraphs; byBlank tells whether the whole text
// (of which text may be a part) has a blank line between two lines, lf
// that every line break of text is a "\n" (unwrapLF).
func paragraphs(text string, byBlank, lf bool) []Span {
	if byBlank && lf {
		return paragraphsLF(text)
	}
	var out []Span
	if !byBlank {
		lines(text, func(l line) bool {
			out = appendTrimmed(out, text, l.start, l.end)
			return true
		})
		return out
	}
	cur := 0
	lines(text, func(l line) bool {
		if blank(text[l.start:l.end]) {
			out = appendTrimmed(out, text, cur, l.start)
			cur = l.end
		}
		if l.next < 0 {
			out = appendTrimmed(out, text, cur, len(text))
		}
		return true
	})
	return out
}

// paragraphsLF is paragraphs(text, true, true): the lines are found with
// strings.IndexByte, the blank ones (blankLine) end paragraphs.
func paragraphsLF(text string) []Span {
	var out []Span
	cur := 0
	for start := 0; ; {
		end := len(text)
		if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
			end = start + i
		}
		if blankLine(text[start:end]) {
			out = appendTrimmed(out, text, cur, start)
			cur = end
		}
		if end == len(text) {
			return appendTrimmed(out, text, cur, len(text))
		}
		start = end + 1
	}
}

// Scene headings: a Markdown heading ("# …" to "###### …", as ezlinavis
// reads scenes), or a short line (at most maxHeading bytes) that opens
// with a scene or act word and a number ("Szene 3", "Scene 3", "Scene
// 12A", "Akt II", "Act 1", "Auftritt 2"), a number and such a word ("3.
// Szene", "II. Akt"), a German ordinal and such a word ("Erster
// Auftritt", "Zweite Szene", "Einundzwanzigster Auftritt"), each followed
// by what headingRest allows, or a screenplay slugline ("INT.", "EXT.",
// "INT./EXT.", "I/E").
var (
	sceneWord = `(?:szene|scene|auftritt|aufzug|akt|act|scena|bild)`
	ordinalDE = `(?:erst|zweit|dritt|viert|fünft|sechst|siebent|siebt|acht|neunt|zehnt|elft|zwölft|dreizehnt|vierzehnt|fünfzehnt|sechzehnt|siebzehnt|achtzehnt|neunzehnt|` +
		`(?:(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?(?:zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)st|hundertst|letzt)(?:e|er|es|en)`
	number      = `(?:\d+[a-z]?|[ivxlc]+)` // "12A": screenplays number inserted scenes so
	ordinalRE   = lazyRegexp(`(?i)^` + ordinalDE + `$`)
	sceneRE     = lazyRegexp(`(?i)^(?:` + sceneWord + `\s+` + number + `\b|` + number + `\.\s*` + sceneWord + `\b|` + ordinalDE + `\s+` + sceneWord + `\b)`)
	slugRE      = lazyRegexp(`^(?:INT\.|EXT\.|INT\./EXT\.|EXT\./INT\.|I/E[\s.])`)
	markdownRE  = lazyRegexp(`^#{1,6}\s+\S`)
	chapterRE   = lazyRegexp(`(?i)^\[?(?:chapter|kapitel|book|buch|teil|part)\s+` + number + `\b`)
	ordChapRE   = lazyRegexp(`(?i)^(?:` + ordinalDE + `\s+(?:kapitel|teil|buch)\b|` + number + `\.\s*(?:kapitel|teil|buch)\b)`)
	markdown1RE = lazyRegexp(`^#\s+\S`)
)

// maxHeading is the longest line, in bytes, read as a scene or chapter
// heading (other than a Markdown one).
const maxHeading = 80

// IsSceneHeading reports whether a line (surrounding whitespace ignored)
// is a scene heading by the rules above.
func IsSceneHeading(l string) bool {
	l = strings.TrimFunc(l, isTrimmed)
	if l == "" {
		return false
	}
	if l[0] == '#' {
		return markdownRE().MatchString(l)
	}
	if len(l) > maxHeading || !headingStart(l, sceneWords) {
		return false // the regular expressions cannot match: skip them
	}
	if m := sceneRE().FindStringIndex(l); m != nil {
		return headingRest(l[m[1]:])
	}
	return slugRE().MatchString(l)
}

// headingRest reports whether rest, the part of a line after its heading
// words ("Szene 3", "Erster Auftritt", "Chapter I"), lets the line be a
// heading rather than a sentence that opens with those words ("Szene 3
// zeigt Ben im Garten.", "Akt 2 beginnt mit einem Streit."):
//   - nothing, or only closing punctuation (".", ":", "]", ")");
//   - a title after ".", ":", ";", "," or a dash ("Szene 3: Im Garten",
//     "Erster Auftritt. Emilia, Claudia.", "Act 1 – The Ball");
//   - at most four words without such a mark whose lower-case words
//     are all articles, prepositions or "und"/"and" (headingGlue) and,
//     if there is one, the line does not end in ".", "!", "?" or "…"
//     ("Szene 3 Im Garten", "Szene 3 im Garten", "Akt I Szene 2",
//     "Zweite Szene Emilia. Der Prinz.", "Scene 4 at the Ball"): another
//     lower-case word there is a verb, and the line a sentence.
func headingRest(rest string) bool {
	r := strings.TrimLeft(rest, " \t\u00a0")
	if r == "" || strings.Trim(r, ".:]) \t") == "" {
		return true
	}
	for _, sep := range []string{".", ":", ";", ",", "-", "–", "—", "]", ")"} {
		if strings.HasPrefix(r, sep) {
			return true
		}
	}
	if r == rest {
		return false // "Scene 3x": the heading words run on into a word
	}
	words := strings.Fields(r)
	if len(words) > 4 {
		return false
	}
	sentenceEnd := strings.ContainsAny(r[len(r)-1:], ".!?") || strings.HasSuffix(r, "…")
	for _, w := range words {
		first, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(first) && (sentenceEnd || !headingGlue[strings.TrimRight(w, ".!?…")]) {
			return false
		}
	}
	return true
}

// headingGlue are the lower-case words a heading's title may hold
// without a separator: articles, prepositions, "und", "and".
var headingGlue = set("der", "die", "das", "des", "dem", "den", "ein", "eine", "einem", "einer", "im", "in", "am", "an", "auf",
	"bei", "beim", "vor", "hinter", "nach", "zum", "zur", "und", "the", "a", "at", "on", "of", "near", "and")

// Words that may open a heading (lower-case), besides numbers and German
// ordinals.
var (
	sceneWords   = set("szene", "scene", "auftritt", "aufzug", "akt", "act", "scena", "bild", "int", "ext", "i")
	chapterWords = set("chapter", "kapitel", "book", "buch", "teil", "part")
	ordinalStems = []string{"erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebent", "siebt", "acht", "neunt", "zehnt",
		"elft", "zwölft", "dreizehnt", "vierzehnt", "fünfzehnt", "sechzehnt", "siebzehnt", "achtzehnt", "neunzehnt", "zwanzigst",
		"dreißigst", "dreissigst", "vierzigst", "fünfzigst", "sechzigst", "siebzigst", "achtzigst", "neunzigst", "hundertst", "letzt"}
)

// headingStart is a cheap filter before the heading expressions: the
// line's first word (after an opening "[") is one of words, a number in
// digits or Roman numerals, or starts like a German ordinal.
func headingStart(l string, words map[string]bool) bool {
	l = strings.TrimPrefix(l, "[")
	e := wordEnd(l, 0)
	if e == 0 || e > 32 {
		return false
	}
	w := strings.ToLower(l[:e])
	if words[w] || strings.Trim(w, "0123456789") == "" || strings.Trim(w, "ivxlc") == "" {
		return true
	}
	for _, st := range ordinalStems {
		if strings.HasPrefix(w, st) {
			return true
		}
	}
	return strings.Contains(w, "und") && ordinalRE().MatchString(w) // "einundzwanzigster"
}

// IsChapterHeading reports whether a line is a chapter heading: a
// level-one Markdown heading ("# …"), or a short line that opens with
// Chapter, Kapitel, Book, Buch, Part or Teil and a number in digits or
// Roman numerals ("Chapter I.", "CHAPTER XII.", "Kapitel 3"; Project
// Gutenberg's "[Illustration: … Chapter I.]" line ends so), or with a
// German ordinal or a number and Kapitel, Teil or Buch ("Erstes Kapitel",
// "3. Kapitel").
func IsChapterHeading(l string) bool {
	l = strings.TrimFunc(l, isTrimmed)
	if l == "" {
		return false
	}
	if l[0] == '#' {
		return markdown1RE().MatchString(l)
	}
	if len(l) > maxHeading || !headingStart(l, chapterWords) {
		return false
	}
	for _, re := range []*regexp.Regexp{chapterRE(), ordChapRE()} {
		if m := re.FindStringIndex(l); m != nil && headingRest(l[m[1]:]) {
			return true
		}
	}
	return false
}

// Section is a part of a text that begins with a heading.
type Section struct {
	// Heading is the heading line trimmed of whitespace and of brackets
	// around it ("Chapter I.]" → "Chapter I."); "" for the text before the
	// first heading.
	Heading string
	// Span is the byte range of the section in the text, heading included.
	Span
}

// Sections splits text at the lines for which isHeading is true. The text
// before the first heading is a section with an empty Heading when it is
// not blank; a heading that follows another with only blank lines between
// them ("Erster Akt" then "Erste Szene") opens no section of its own: the
// two headings begin one section, whose Heading is the first. Sections
// cover the text without gaps, in order.
func Sections(text string, isHeading func(string) bool) []Section {
	var out []Section
	cur := Section{}
	inHeading := false // only headings and blank lines since cur began
	lines(text, func(l line) bool {
		s := text[l.start:l.end]
		switch {
		case blank(s):
		case isHeading(s):
			if !inHeading {
				cur.End = l.start
				if cur.Heading != "" || !blank(text[cur.Start:cur.End]) {
					out = append(out, cur)
				}
				cur = Section{Heading: headingText(s), Span: Span{Start: l.start}}
				inHeading = true
			}
		default:
			inHeading = false
		}
		return true
	})
	cur.End = len(text)
	if cur.Heading != "" || !blank(text[cur.Start:cur.End]) {
		out = append(out, cur)
	}
	return out
}

// HeadingTitle returns a Section's Heading as a title: without the
// Markdown marks of an ATX heading, opening and closing ("## Akt 2" and
// "## Akt 2 ##" → "Akt 2"); other headings are returned as they are.
func HeadingTitle(h string) string {
	if !markdownRE().MatchString(h) {
		return h
	}
	t := strings.TrimSpace(strings.TrimLeft(h, "#"))
	if c := strings.TrimRight(t, "#"); c != t && (c == "" || strings.HasSuffix(c, " ") || strings.HasSuffix(c, "\t")) {
		t = strings.TrimSpace(c) // a closing sequence must follow a space (CommonMark)
	}
	if t == "" {
		return h
	}
	return t
}

// headingText trims a heading line of whitespace and brackets.
func headingText(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return isTrimmed(r) || r == '[' || r == ']' })
}

// Scenes splits text into scene units (Sections at IsSceneHeading lines),
// trimmed; a text without headings is one scene.
func Scenes(text string) []Span {
	var out []Span
	for _, s := range Sections(text, IsSceneHeading) {
		out = appendTrimmed(out, text, s.Start, s.End)
	}
	return out
}

// speakerLabels marks the mentions that are speaker labels of a printed
// play: a name mention (not a resolved one) that opens its line (only
// spaces and tabs before it) and is followed by "." or ":" and then
// whitespace or the end of the text ("EMILIA.", "Der Prinz. Wo …",
// "Anna: Komm!"), or that is followed by a parenthesis ("Battista
// (eiligst.) …") or fills its line alone ("Der Prinz"); and whose line
// follows a blank line, a scene heading, a line ending a sentence (. ! ? …
// or a closing quote or bracket; not a title such as "Mr."), or nothing. The last condition keeps a hard-wrapped
// novel's "…, said\nElizabeth. She …" from reading as a label.
//
// Two printed forms name several speakers or set the label in parentheses,
// and count too, under the same line conditions: a joint label, names
// joined by ", " and " und " / " and " / " & " ("Kater und Kätzin. Der
// alberne Tropf!": both speak), and a stage direction that is nothing but
// names joined as in a joint label ("(Bauern unter der Linde.)" before
// their song; "(Anna und Ben.)"). It returns nil when there is none.
func speakerLabels(text string, ms []Mention) []bool {
	var out []bool
	mark := func(i, j int) {
		if out == nil {
			out = make([]bool, len(ms))
		}
		for k := i; k <= j; k++ {
			out[k] = true
		}
	}
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if m.Resolved != "" {
			continue
		}
		if p, ok := parenOpen(text, m.Start); ok {
			// "(Anna.)", "(Anna und Ben.)", "(Anna, Ben.)"; not "(Anna. Ben.)",
			// which in Lessing's Emilia Galotti lists who is on stage, not
			// who speaks.
			j := i
			for j+1 < len(ms) && ms[j+1].Resolved == "" && jointSep(text[ms[j].End:ms[j+1].Start]) {
				j++
			}
			if parenClose(text, ms[j].End) && afterBreak(text, p) {
				mark(i, j)
				i = j
			}
			continue
		}
		if !labelStart(text, m.Start) || !afterBreak(text, m.Start) {
			continue
		}
		// A joint label: the chain of names joined by separators, the last
		// one ending as a label.
		j := i
		for j+1 < len(ms) && ms[j+1].Resolved == "" && jointSep(text[ms[j].End:ms[j+1].Start]) {
			j++
		}
		for ; j >= i; j-- {
			if labelEnd(text, ms[j].End) {
				mark(i, j)
				i = j
				break
			}
		}
	}
	return out
}

// jointSep reports whether s joins two names of a joint speaker label:
// ", ", " und ", " and ", " & ", " u. " (spaces and tabs only around them).
func jointSep(s string) bool {
	t := strings.Trim(s, " \t")
	switch t {
	case ",", "und", "and", "&", "u.", ", und", ", and":
		return t == "," && strings.HasPrefix(s, ",") || s != t
	}
	return false
}

// parenOpen reports whether text[p] follows "(" that opens its line (only
// spaces and tabs before it, and between it and p), and returns the
// position of the "(".
func parenOpen(text string, p int) (int, bool) {
	q := p
	for q > 0 && (text[q-1] == ' ' || text[q-1] == '\t') {
		q--
	}
	if q == 0 || text[q-1] != '(' || !atLineStart(text, q-1) {
		return 0, false
	}
	return q - 1, true
}

// parenClose reports whether text[e:] is an optional "." and then ")" and
// the line end (spaces and tabs allowed).
func parenClose(text string, e int) bool {
	rest := strings.TrimLeft(text[e:], " \t")
	rest = strings.TrimPrefix(rest, ".")
	if !strings.HasPrefix(rest, ")") {
		return false
	}
	rest = strings.TrimLeft(rest[1:], " \t")
	return rest == "" || rest[0] == '\n' || rest[0] == '\r'
}

// labelEnd reports whether a speaker label can end at text[e]: the line
// ends there (spaces and tabs allowed), a stage direction in parentheses
// follows after a space ("Battista (eiligst.)"), or "." or ":" follows
// and then whitespace or the end of the text. A form ending in "." ("Dr.") holds
// the period itself.
func labelEnd(text string, e int) bool {
	e = skipBold(text, e)
	rest := strings.TrimLeft(text[e:], " \t")
	if rest == "" || rest[0] == '\n' || rest[0] == '\r' || (rest[0] == '(' && len(rest) < len(text)-e && stageWords(rest)) {
		return true
	}
	switch {
	case e < len(text) && (text[e] == '.' || text[e] == ':'):
		e = skipBold(text, e+1)
	case e > 0 && text[e-1] == '.':
	default:
		return false
	}
	return e >= len(text) || text[e] == ' ' || text[e] == '\t' || text[e] == '\n' || text[e] == '\r'
}

// skipBold returns the position after Markdown emphasis marks ("**",
// "__", "*", "_") at text[e], or e: "**Clara:** Wo ist Anna?" is a label.
func skipBold(text string, e int) int {
	for e < len(text) && (text[e] == '*' || text[e] == '_') {
		e++
	}
	return e
}

// stageWords reports whether the parenthesis opening rest holds a word (a
// stage direction, "(eiligst.)", "(zu Ferdinand)"), not only digits or
// signs ("Kathrin (45) arbeitet …" is prose).
func stageWords(rest string) bool {
	end := strings.IndexAny(rest, ")\n")
	if end < 0 {
		end = len(rest)
	}
	return strings.IndexFunc(rest[1:end], unicode.IsLetter) >= 0
}

// labelStart reports whether only spaces, tabs and Markdown emphasis
// marks stand between the start of the line and text[p].
func labelStart(text string, p int) bool {
	for p > 0 && (text[p-1] == '*' || text[p-1] == '_') {
		p--
	}
	return atLineStart(text, p)
}

// afterBreak reports whether the line holding text[p] is the first, or
// follows a blank line or one whose last non-space character ends a
// sentence or a quotation (a "." after a title, an abbreviation or an
// initial does not), or a scene heading.
func afterBreak(text string, p int) bool {
	// Back to the line start, then over the line break.
	for p > 0 && text[p-1] != '\n' && text[p-1] != '\r' {
		p--
	}
	if p > 0 && (text[p-1] == '\n' || text[p-1] == '\r') {
		p--
		if p > 0 && text[p-1] == '\r' && text[p] == '\n' {
			p--
		}
	}
	prev := strings.TrimRightFunc(text[:p], func(r rune) bool { return r == ' ' || r == '\t' })
	if prev == "" || prev[len(prev)-1] == '\n' || prev[len(prev)-1] == '\r' {
		return true
	}
	line := prev
	if i := strings.LastIndexAny(prev, "\n\r"); i >= 0 {
		line = prev[i+1:]
	}
	if IsSceneHeading(line) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(prev)
	if r == '.' {
		// Not after a title or abbreviation ("… with Mr.\nDarcy.").
		tok := strings.TrimSuffix(line[tokenStart(line, 0, len(line)):], ".")
		tok = strings.TrimLeftFunc(tok, func(r rune) bool { return !isWordRune(r) })
		l := strings.ToLower(tok)
		if _, ok := abbrevDE[l]; ok {
			return false
		}
		if _, ok := abbrevEN[l]; ok {
			return false
		}
		return !isInitials(tok)
	}
	return r == '!' || r == '?' || r == '…' || r == ':' || isCloser(r) || r == '—' || r == '–'
}

// atLineStart reports whether only spaces and tabs stand between the
// start of the line and text[p].
func atLineStart(text string, p int) bool {
	for p > 0 {
		switch text[p-1] {
		case ' ', '\t':
			p--
		case '\n', '\r':
			return true
		default:
			return false
		}
	}
	return true
}

// lazyRegexp compiles expr on first use, so that a command that reads no
// text (rank, render, …) does not pay for it at start.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
