package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Sentences splits text into sentence units by the rules of the package
// documentation and returns their byte spans in text order, trimmed of
// surrounding whitespace, empty ones dropped. lang selects the abbreviation
// and month lists: "en" (or "en-…") for English, anything else German.
// Invalid UTF-8 does not panic; invalid bytes are ordinary characters.
func Sentences(text, lang string) []Span {
	return splitSentences(text, rulesFor(lang), nil)
}

// rules are the language-specific lists of the sentence splitter.
type rules struct {
	// abbrev holds abbreviations without their final "." and without
	// spaces, lower-cased: "dr", "z.b". The value is true for those that may
	// end a sentence (usw., etc.).
	abbrev map[string]bool
	// months are month names and their abbreviations, capitalised.
	months map[string]bool
	// ordinalPrev are lower-case words that, before a number, make it an
	// ordinal ("im 19. Jahrhundert"). Empty for English.
	ordinalPrev map[string]bool
	// english is true for the English rules.
	english bool
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// abbrevDE and abbrevEN list abbreviations after which a single "." ends
// no sentence (keys as in rules.abbrev). Single letters and dotted letters
// ("z. B." is "z" + "B", "u.a.") are covered by the initials rule and need
// no entry, but the common ones are listed for clarity.
var (
	abbrevDE = map[string]bool{
		// titles and forms of address
		"dr": false, "prof": false, "hr": false, "hrn": false, "fr": false,
		"dipl": false, "ing": false, "med": false, "jun": false, "sen": false,
		// places, numbers, references
		"st": false, "nr": false, "str": false, "abs": false, "bd": false,
		"jh": false, "mio": false, "mrd": false, "tel": false, "fa": false,
		// mid-sentence abbreviations
		"z.b": false, "u.a": false, "d.h": false, "o.ä": false, "u.ä": false,
		"v.a": false, "z.t": false, "u.u": false, "bzw": false, "ca": false,
		"evtl": false, "ggf": false, "vgl": false, "sog": false, "inkl": false,
		"zzgl": false, "bzgl": false, "bspw": false, "ggü": false, "ebd": false,
		"mind": false,
		// may close a sentence
		"usw": true, "usf": true, "etc": true,
	}
	abbrevEN = map[string]bool{
		"mr": false, "mrs": false, "ms": false, "messrs": false, "dr": false,
		"prof": false, "st": false, "jr": false, "sr": false, "capt": false,
		"col": false, "gen": false, "lt": false, "rev": false, "sgt": false,
		"hon": false, "gov": false, "mt": false,
		"e.g": false, "i.e": false, "cf": false, "vs": false, "viz": false,
		"etc": true,
	}
	monthsDE = set("Januar", "Jänner", "Februar", "Feber", "März", "April", "Mai", "Juni",
		"Juli", "August", "September", "Oktober", "November", "Dezember",
		"Jan", "Feb", "Mär", "Mrz", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez")
	monthsEN = set("January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
	ordinalPrevDE = set("am", "im", "vom", "zum", "zur", "beim", "der", "die", "das", "den", "dem", "des")

	rulesDE = &rules{abbrev: abbrevDE, months: monthsDE, ordinalPrev: ordinalPrevDE}
	rulesEN = &rules{abbrev: abbrevEN, months: monthsEN, english: true}
)

// rulesFor returns the rules of lang: English for "en" and "en-…", German
// otherwise.
func rulesFor(lang string) *rules {
	if isEnglish(lang) {
		return rulesEN
	}
	return rulesDE
}

func isEnglish(lang string) bool {
	l := strings.ToLower(lang)
	return l == "en" || strings.HasPrefix(l, "en-") || strings.HasPrefix(l, "en_")
}

// splitSentences implements Sentences. ms, sorted by Start and
// non-overlapping, are mentions inside which no unit may end.
func splitSentences(text string, ru *rules, ms []Mention) []Span {
	var out []Span
	mi := 0
	start := 0
	for {
		end, next := nextLineBreak(text, start)
		out = splitLine(text, start, end, ru, ms, &mi, out)
		if next < 0 {
			return out
		}
		start = next
	}
}

// nextLineBreak returns the offset of the first line break at or after
// from (len(text) if none) and the offset after it (-1 if none).
func nextLineBreak(text string, from int) (end, next int) {
	for i := from; i < len(text); i++ {
		// Skip 8 bytes at a time while none is below 0x0E (\n, \v, \f, \r)
		// or at least 0xC0 (0xC2, 0xE2): tests on a 64-bit word, the
		// "has less than" and top-two-bits tricks of Anderson's Bit
		// Twiddling Hacks.
		for i+8 <= len(text) {
			w := uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
				uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
			if (w-0x0E0E0E0E0E0E0E0E)&^w&0x8080808080808080|w&(w<<1)&0x8080808080808080 != 0 {
				break
			}
			i += 8
		}
		if i >= len(text) {
			break
		}
		c := text[i]
		if !lineBreakByte[c] {
			continue
		}
		switch c {
		case '\n', '\v', '\f':
			return i, i + 1
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				return i, i + 2
			}
			return i, i + 1
		case 0xC2: // U+0085 NEL
			if i+1 < len(text) && text[i+1] == 0x85 {
				return i, i + 2
			}
		case 0xE2: // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
			if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
				return i, i + 3
			}
		}
	}
	return len(text), -1
}

const ellipsis = "…"

// lineBreakByte and terminalByte mark the bytes that may begin a line
// break or a terminal mark.
var lineBreakByte, terminalByte [256]bool

func init() {
	for _, c := range []byte{'\n', '\v', '\f', '\r', 0xC2, 0xE2} {
		lineBreakByte[c] = true
	}
	for _, c := range []byte{'.', '!', '?', 0xE2} {
		terminalByte[c] = true
	}
}

// splitLine appends the units of the line text[ls:le] to out.
func splitLine(text string, ls, le int, ru *rules, ms []Mention, mi *int, out []Span) []Span {
	cur := ls
	for i := ls; i < le; {
		c := text[i]
		if !terminalByte[c] || (c == 0xE2 && !strings.HasPrefix(text[i:le], ellipsis)) {
			i++
			continue
		}
		// Run of terminal marks.
		j, marks := i, 0
		for j < le {
			if b := text[j]; b == '.' || b == '!' || b == '?' {
				j++
			} else if strings.HasPrefix(text[j:le], ellipsis) {
				j += len(ellipsis)
			} else {
				break
			}
			marks++
		}
		// Closing quotes and brackets.
		k := j
		for k < le {
			r, sz := utf8.DecodeRuneInString(text[k:le])
			if !isCloser(r) {
				break
			}
			k += sz
		}
		i = j
		if k >= le {
			continue // the line ends here anyway
		}
		if r, _ := utf8.DecodeRuneInString(text[k:le]); !unicode.IsSpace(r) {
			continue
		}
		m := k
		for m < le {
			r, sz := utf8.DecodeRuneInString(text[m:le])
			if !unicode.IsSpace(r) {
				break
			}
			m += sz
		}
		if m >= le {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[m:le])
		if !unicode.IsUpper(r) && !unicode.IsTitle(r) && !unicode.IsDigit(r) && !isOpener(r) {
			continue
		}
		if marks == 1 && c == '.' && !ru.periodEnds(text, ls, j-1, m, le) {
			continue
		}
		// Never end a unit inside a mention: none may span [k, m).
		for *mi < len(ms) && ms[*mi].End <= k {
			*mi++
		}
		if *mi < len(ms) && ms[*mi].Start < m {
			continue
		}
		out = appendTrimmed(out, text, cur, k)
		cur, i = m, m
	}
	return appendTrimmed(out, text, cur, le)
}

// periodEnds reports whether the single "." at text[dot], followed by
// whitespace and a capitalised word at text[next], ends a sentence. ls and
// le bound the line.
func (ru *rules) periodEnds(text string, ls, dot, next, le int) bool {
	ts := tokenStart(text, ls, dot)
	tok := strings.TrimLeftFunc(text[ts:dot], func(r rune) bool { return !isWordRune(r) })
	if tok == "" {
		return true
	}
	if mayEnd, ok := ru.abbrev[strings.ToLower(tok)]; ok {
		return mayEnd
	}
	if isInitials(tok) {
		return false
	}
	if isOrdinalNumber(tok) {
		if ru.months[wordAt(text, next, le)] {
			return false
		}
		if len(ru.ordinalPrev) > 0 {
			// The word before the number.
			p := ts
			for p > ls {
				r, sz := utf8.DecodeLastRuneInString(text[ls:p])
				if !unicode.IsSpace(r) {
					break
				}
				p -= sz
			}
			prev := strings.TrimFunc(text[tokenStart(text, ls, p):p], func(r rune) bool { return !isWordRune(r) })
			if ru.ordinalPrev[strings.ToLower(prev)] {
				return false
			}
		}
	}
	return true
}

// tokenStart returns the start of the run of non-space characters that
// ends at text[end], not before ls.
func tokenStart(text string, ls, end int) int {
	p := end
	for p > ls {
		r, sz := utf8.DecodeLastRuneInString(text[ls:p])
		if unicode.IsSpace(r) {
			break
		}
		p -= sz
	}
	return p
}

// wordAt returns the run of letters at text[i:le].
func wordAt(text string, i, le int) string {
	j := i
	for j < le {
		r, sz := utf8.DecodeRuneInString(text[j:le])
		if !unicode.IsLetter(r) {
			break
		}
		j += sz
	}
	return text[i:j]
}

// isInitials reports whether tok is a single letter or single letters
// joined by dots: "A", "z.B", "U.S".
func isInitials(tok string) bool {
	letter := false // the previous rune was a letter
	for _, r := range tok {
		switch {
		case r == '.':
			if !letter {
				return false
			}
			letter = false
		case unicode.IsLetter(r):
			if letter {
				return false
			}
			letter = true
		default:
			return false
		}
	}
	return letter
}

// isOrdinalNumber reports whether tok can be an ordinal before ".": one to
// three ASCII digits ("3", "19"), or a day.month date ("3.5", "03.05").
func isOrdinalNumber(tok string) bool {
	day, month, ok := strings.Cut(tok, ".")
	if !digits(day, 1, 3) {
		return false
	}
	return !ok || (len(day) <= 2 && digits(month, 1, 2))
}

func digits(s string, minLen, maxLen int) bool {
	if len(s) < minLen || len(s) > maxLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isCloser(r rune) bool {
	switch r {
	case '”', '“', '’', '‘', '"', '\'', '»', '«', '›', '‹', ')', ']', '}':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '„', '“', '”', '"', '‚', '‘', '\'', '»', '«', '›', '‹', '(', '[', '{', '¿', '¡':
		return true
	}
	return false
}

// isTrimmed reports whether r is removed from the ends of a unit.
func isTrimmed(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B'
}

// appendTrimmed appends text[s:e] trimmed of whitespace, unless empty.
func appendTrimmed(out []Span, text string, s, e int) []Span {
	for s < e {
		c := text[s]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			s++
			continue
		}
		r, sz := utf8.DecodeRuneInString(text[s:e])
		if !isTrimmed(r) {
			break
		}
		s += sz
	}
	for e > s {
		c := text[e-1]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			e--
			continue
		}
		r, sz := utf8.DecodeLastRuneInString(text[s:e])
		if !isTrimmed(r) {
			break
		}
		e -= sz
	}
	if s < e {
		out = append(out, Span{s, e})
	}
	return out
}
