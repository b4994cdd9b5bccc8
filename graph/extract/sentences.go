package extract

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
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
//
// One pass over the bytes finds both the line breaks and the terminal
// marks: it skips 8 bytes at a time while none of them can begin either,
// jumps to the first that may (stopMask), and looks at it through
// sentenceByte.
func splitSentences(text string, ru *rules, ms []Mention) []Span {
	// About one sentence per 100 bytes of prose; the guess only saves
	// copies of a growing slice.
	out := make([]Span, 0, len(text)/100+1)
	mi := 0
	ls, cur := 0, 0 // start of the line, of the current unit
	for i := 0; i < len(text); {
		for i+8 <= len(text) {
			if m := stopMask(load64(text, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3 // the first byte to look at
				break
			}
			i += 8
		}
		if i >= len(text) {
			break
		}
		switch sentenceByte[text[i]] {
		case 0:
			i++
			continue
		case sbTerminal:
		case sbBreak, sbC2, sbE2:
			if n := breakLen(text, i); n > 0 {
				out = appendTrimmed(out, text, cur, i)
				i += n
				ls, cur = i, i
				continue
			}
			if text[i] != 0xE2 || !strings.HasPrefix(text[i:], ellipsis) {
				i++
				continue
			}
		}
		i, cur, out = splitAt(text, ls, cur, i, ru, ms, &mi, out)
	}
	return appendTrimmed(out, text, cur, len(text))
}

// splitAt reads the run of terminal marks that begins at text[i] in the
// line that begins at ls, and decides whether the unit that begins at cur
// ends after it. It returns where to read on and the start of the current
// unit (m and m when the unit ended, the end of the run and cur when not),
// and out with the ended unit appended.
func splitAt(text string, ls, cur, i int, ru *rules, ms []Mention, mi *int, out []Span) (int, int, []Span) {
	c := text[i]
	// Run of terminal marks. A line break never begins with one of their
	// bytes, so the run stays inside the line.
	j, marks := i, 0
	for j < len(text) {
		if b := text[j]; b == '.' || b == '!' || b == '?' {
			j++
		} else if strings.HasPrefix(text[j:], ellipsis) {
			j += len(ellipsis)
		} else {
			break
		}
		marks++
	}
	// Closing quotes and brackets (none is, or decodes across, a line
	// break).
	k := j
	for k < len(text) {
		r, sz := rune(text[k]), 1
		if r >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(text[k:])
		}
		if !isCloser(r) {
			break
		}
		k += sz
	}
	if k >= len(text) || breakLen(text, k) > 0 {
		return j, cur, out // the line ends here anyway
	}
	if !spaceAt(text, k) {
		return j, cur, out
	}
	m := k
	for m < len(text) && breakLen(text, m) == 0 {
		r, sz := rune(text[m]), 1
		if r >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(text[m:])
		}
		if !unicode.IsSpace(r) {
			break
		}
		m += sz
	}
	if m >= len(text) || breakLen(text, m) > 0 {
		return j, cur, out
	}
	if r := text[m]; r < utf8.RuneSelf {
		if !('A' <= r && r <= 'Z' || '0' <= r && r <= '9' || asciiOpener[r]) {
			return j, cur, out
		}
	} else if r, _ := utf8.DecodeRuneInString(text[m:]); !unicode.IsUpper(r) && !unicode.IsTitle(r) && !unicode.IsDigit(r) && !isOpener(r) {
		return j, cur, out
	}
	if marks == 1 && c == '.' && !ru.periodEnds(text, ls, j-1, m) {
		return j, cur, out
	}
	// Never end a unit inside a mention: none may span [k, m).
	for *mi < len(ms) && ms[*mi].End <= k {
		*mi++
	}
	if *mi < len(ms) && ms[*mi].Start < m {
		return j, cur, out
	}
	return m, m, appendTrimmed(out, text, cur, k)
}

// spaceAt reports whether a whitespace character begins at text[k].
func spaceAt(text string, k int) bool {
	if c := text[k]; c < utf8.RuneSelf {
		return c == ' ' || '\t' <= c && c <= '\r'
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	return unicode.IsSpace(r)
}

// asciiOpener marks the ASCII characters for which isOpener is true.
var asciiOpener = func() (t [utf8.RuneSelf]bool) {
	for c := range rune(utf8.RuneSelf) {
		t[c] = isOpener(c)
	}
	return t
}()

// breakLen returns the length of the line break that begins at text[i]
// (as nextLineBreak reads them), or 0.
func breakLen(text string, i int) int {
	switch text[i] {
	case '\n', '\v', '\f':
		return 1
	case '\r':
		if i+1 < len(text) && text[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2: // U+0085 NEL
		if i+1 < len(text) && text[i+1] == 0x85 {
			return 2
		}
	case 0xE2: // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// Classes of sentenceByte.
const (
	sbTerminal = 1 + iota // . ! ?
	sbBreak               // \n \v \f \r
	sbC2                  // may begin U+0085
	sbE2                  // may begin U+2028, U+2029 or "…"
)

// sentenceByte classes the bytes that may begin a line break or a
// terminal mark; other bytes are 0.
var sentenceByte = func() (t [256]uint8) {
	t['.'], t['!'], t['?'] = sbTerminal, sbTerminal, sbTerminal
	t['\n'], t['\v'], t['\f'], t['\r'] = sbBreak, sbBreak, sbBreak, sbBreak
	t[0xC2], t[0xE2] = sbC2, sbE2
	return t
}()

// load64 returns the 8 bytes at text[i:] (i+8 <= len(text)) as a
// little-endian word, in one load: the bytes are read through a read-only
// view of the string, never written.
func load64(text string, i int) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(text), len(text))[i : i+8])
}

// SWAR constants: one byte repeated.
const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// byteMask has the top bit of each byte of w that is c set, and no other
// bit below the lowest such byte (the "haszero" test of Anderson's Bit
// Twiddling Hacks on w XOR c…c: a borrow may mark bytes above a true one,
// never below, so the lowest marked byte is exact).
func byteMask(w uint64, c byte) uint64 {
	x := w ^ (lo8 * uint64(c))
	return (x - lo8) &^ x & hi8
}

// breakMask marks (top bit) the bytes of w below 0x0E (\n, \v, \f, \r and
// other controls) and at least 0xC0 (0xC2, 0xE2 and other lead bytes):
// those that may begin a line break. The lowest marked byte is exact (see
// byteMask; the test of the top two bits is exact for every byte).
func breakMask(w uint64) uint64 {
	return (w-lo8*0x0E)&^w&hi8 | w&(w<<1)&hi8
}

// stopMask marks the bytes of w that splitSentences must look at: those
// of breakMask and . ! ?. Its lowest marked byte is the first such byte of
// w; no byte below it needs looking at.
func stopMask(w uint64) uint64 {
	return breakMask(w) | byteMask(w, '.') | byteMask(w, '!') | byteMask(w, '?')
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
			if m := breakMask(load64(text, i)); m != 0 {
				i += bits.TrailingZeros64(m) >> 3 // the first byte that may
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

// lineBreakByte marks the bytes that may begin a line break.
var lineBreakByte [256]bool

func init() {
	for _, c := range []byte{'\n', '\v', '\f', '\r', 0xC2, 0xE2} {
		lineBreakByte[c] = true
	}
}

// periodEnds reports whether the single "." at text[dot], followed by
// whitespace and a capitalised word at text[next], ends a sentence. ls is
// the start of the line.
func (ru *rules) periodEnds(text string, ls, dot, next int) bool {
	ts := tokenStart(text, ls, dot)
	tok := trimNonWordLeft(text[ts:dot])
	if tok == "" {
		return true
	}
	if mayEnd, ok := lookupLower(ru.abbrev, tok); ok {
		return mayEnd
	}
	if isInitials(tok) {
		return false
	}
	if isOrdinalNumber(tok) {
		if ru.months[wordAt(text, next, len(text))] {
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
			if ord, _ := lookupLower(ru.ordinalPrev, prev); ord {
				return false
			}
		}
	}
	return true
}

// trimNonWordLeft is strings.TrimLeftFunc(s, not isWordRune).
func trimNonWordLeft(s string) string {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiWord[c] {
				return s[i:]
			}
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			return s[i:]
		}
		i += sz
	}
	return ""
}

// lookupLower returns m[strings.ToLower(key)], without allocating for a
// short ASCII key.
func lookupLower(m map[string]bool, key string) (bool, bool) {
	var buf [24]byte
	if len(key) > len(buf) {
		v, ok := m[strings.ToLower(key)]
		return v, ok
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		if c >= utf8.RuneSelf {
			v, ok := m[strings.ToLower(key)]
			return v, ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	v, ok := m[string(buf[:len(key)])]
	return v, ok
}

// tokenStart returns the start of the run of non-space characters that
// ends at text[end], not before ls.
func tokenStart(text string, ls, end int) int {
	p := end
	for p > ls {
		if c := text[p-1]; c < utf8.RuneSelf {
			if c == ' ' || '\t' <= c && c <= '\r' {
				break
			}
			p--
			continue
		}
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
