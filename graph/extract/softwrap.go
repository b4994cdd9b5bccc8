package extract

import (
	"strings"
	"unicode/utf8"
	"unsafe"
)

// UnwrapLines joins the hard-wrapped lines of a text whose paragraphs are
// separated by blank lines, as Project Gutenberg books and most e-texts
// are: inside such a text a single line break is a soft wrap, not the end
// of a sentence, so it becomes a space. A line break is kept where either
// line is blank (a paragraph break) or is a heading (IsChapterHeading,
// IsSceneHeading, a Markdown "#" line), so headings still stand alone.
// A text without any blank line — such as the seed synopsis, one
// paragraph per line — is returned unchanged: there every line break ends
// a paragraph and so a sentence.
//
// Extract applies it for the sentence, window and paragraph units (not for
// scene units and the speech layer, which read speaker labels and headings
// line by line). Offsets that Extract reports refer to the unwrapped text,
// which is also the text of the evidence.
func UnwrapLines(text string) string {
	text, _ = unwrapLines(text)
	return text
}

// unwrapLines is UnwrapLines, and reports whether every line break of the
// result is known to be a "\n" (false when unsure: a text without blank
// lines is returned unread).
func unwrapLines(text string) (string, bool) {
	if !hasBlankLine(text) {
		return text, false
	}
	return unwrapLF(text)
}

// unwrap is UnwrapLines for a text known to have paragraph breaks (or a
// part of one that ends after a blank line: the streaming reader unwraps
// each chunk so, and the pieces join to the unwrapped whole).
func unwrap(text string) string {
	out, _ := unwrapLF(text)
	return out
}

// unwrapLF is unwrap, and reports too whether every line break of the
// result is a "\n" (as every line break of most texts is): then its lines
// can be found with strings.IndexByte (paragraphs).
func unwrapLF(text string) (string, bool) {
	if text == "" {
		return "", true
	}
	// Rewritten in place in a copy: a soft break "\n" becomes " " (as
	// long), so the lines stay where they are and are copied only after a
	// longer break ("\r\n") was replaced.
	out := []byte(text)
	j := 0 // write position
	lf := true
	prevEnd, prevNext := 0, 0
	prevStands := false       // the previous line is blank or a heading
	seen := map[string]bool{} // headingWord's answers by first word
	for start := 0; ; {
		end, next := nextLineBreak(text, start)
		cur := text[start:end]
		curStands := lineStands(cur, seen)
		if start > 0 {
			if prevStands || curStands {
				j += copy(out[j:], text[prevEnd:prevNext]) // keep the break as written
				lf = lf && prevNext-prevEnd == 1 && text[prevEnd] == '\n'
			} else {
				out[j] = ' '
				j++
			}
		}
		if j != start {
			copy(out[j:], cur)
		}
		j += len(cur)
		if next < 0 {
			break
		}
		prevEnd, prevNext, prevStands = end, next, curStands
		start = next
	}
	return unsafe.String(&out[0], j), lf // out is not written again
}

// lineStands reports whether the line l is blank or a heading
// (isWrapHeading): whether it stands alone in UnwrapLines. A line that
// begins with a visible ASCII character is neither blank nor changed at its
// start by strings.TrimSpace, so its first word is read without trimming,
// and only a line whose first word may open a heading is trimmed.
//
// seen keeps the answers of headingStart by first word (see headingWord).
func lineStands(l string, seen map[string]bool) bool {
	if l == "" || l[0] <= ' ' || l[0] >= utf8.RuneSelf {
		return blankLine(l) || isWrapHeading(l, seen)
	}
	if l[0] == '#' {
		return true
	}
	if !headingWord(l, seen) {
		return false
	}
	t := strings.TrimSpace(l)
	return IsChapterHeading(t) || IsSceneHeading(t)
}

// blankLine is blank(l): every character of l is whitespace (isTrimmed),
// read from the start, so that a line of text is rejected at its first
// character.
func blankLine(l string) bool {
	for i := 0; i < len(l); {
		if c := l[i]; c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				return false
			}
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(l[i:])
		if !isTrimmed(r) {
			return false
		}
		i += sz
	}
	return true
}

// isWrapHeading reports whether a line stands alone in UnwrapLines: a
// Markdown "#" line or a chapter or scene heading. Most lines of prose
// fail the cheap test of their first word (headingWord) and never reach
// the heading expressions.
func isWrapHeading(l string, seen map[string]bool) bool {
	t := strings.TrimSpace(l)
	if t == "" {
		return false
	}
	if t[0] == '#' {
		return true
	}
	if !headingWord(t, seen) {
		return false
	}
	return IsChapterHeading(t) || IsSceneHeading(t)
}

// headingWord is headingStart(l, sceneWords) || headingStart(l,
// chapterWords) (the first word of l, after an opening "[", may open a
// scene or chapter heading), quick for most lines: a line whose first
// byte opens no scene or chapter word, number or German ordinal
// (headingInitial), or whose first two ASCII bytes open none (headingPair,
// unless the word may be a compound ordinal such as "einundzwanzigste"),
// is none without lower-casing it.
//
// headingStart looks at the first word only, so its answers are kept in
// seen (if not nil), keyed on that word: a text's lines open with a few
// hundred words, and the cheap tests above leave some of them to it many
// times ("Elizabeth", "But").
func headingWord(l string, seen map[string]bool) bool {
	l = strings.TrimPrefix(l, "[")
	if l == "" || !headingInitial[l[0]] {
		return false
	}
	if c := l[0]; c < utf8.RuneSelf {
		if len(l) == 1 || l[1] < utf8.RuneSelf && !asciiWord[l[1]] {
			return headingSingle[c] // a word of one byte
		}
		if asciiWord[l[1]] && !headingPair[lowerASCII(c)&0x7F][lowerASCII(l[1])&0x7F] && !hasUnd(l) {
			return false // a word of two or more ASCII bytes that opens no heading
		}
	} else if r, _ := utf8.DecodeRuneInString(l); !isWordRune(r) {
		return false // no word: a quotation mark, a dash
	}
	w := l[:wordEnd(l, 0)]
	if v, ok := seen[w]; ok {
		return v
	}
	v, ok := asciiHeadingWord(w)
	if !ok {
		v = headingStart(l, sceneWords) || headingStart(l, chapterWords)
	}
	if seen != nil && len(w) <= 64 {
		seen[w] = v
	}
	return v
}

// headingSingle marks the bytes c for which the one-byte word c opens a
// heading (headingStart): a digit, a Roman numeral letter, a one-letter
// scene or chapter word ("I"), in either case.
var headingSingle = func() (t [utf8.RuneSelf]bool) {
	for c := range byte(utf8.RuneSelf) {
		if asciiWord[c] {
			l := string(rune(c))
			t[c] = headingStart(l, sceneWords) || headingStart(l, chapterWords)
		}
	}
	return t
}()

// asciiHeadingWord answers headingStart(w, sceneWords) ||
// headingStart(w, chapterWords) for the first word w of a line without
// allocating, when w is ASCII and holds no "und" (ok false otherwise: ask
// headingStart): at most 32 bytes, and lower-cased a scene or chapter
// word, all digits, all Roman numeral letters, or beginning with a German
// ordinal stem. TestHeadingWordSameAsHeadingStart holds it to headingStart.
func asciiHeadingWord(w string) (v, ok bool) {
	if w == "" || len(w) > 32 {
		return false, true
	}
	var buf [32]byte
	digits, roman := true, true
	for i := 0; i < len(w); i++ {
		c := lowerASCII(w[i])
		if c >= utf8.RuneSelf {
			return false, false
		}
		buf[i] = c
		digits = digits && '0' <= c && c <= '9'
		roman = roman && strings.IndexByte("ivxlc", c) >= 0
	}
	lw := unsafe.String(&buf[0], len(w)) // a view of buf, which is not written again
	if strings.Contains(lw, "und") {
		return false, false
	}
	if digits || roman || sceneWords[lw] || chapterWords[lw] {
		return true, true
	}
	for _, st := range ordinalStems {
		if strings.HasPrefix(lw, st) {
			return true, true
		}
	}
	return false, true
}

// hasUnd reports whether the first word of l holds "und" in any case: it
// may be a compound German ordinal ("einundzwanzigste", ordinalRE), which
// headingPair does not list. A word with a byte ≥ 0x80 counts as one
// that may (headingStart decides).
func hasUnd(l string) bool {
	for i := 0; i < len(l); i++ {
		c := l[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if !asciiWord[c] {
			return false
		}
		if c|0x20 == 'd' && i >= 2 && l[i-1]|0x20 == 'n' && l[i-2]|0x20 == 'u' {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases an ASCII letter; other bytes are returned as
// they are.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// headingPair[a][b] is true when a word that headingWord accepts may begin
// with the lower-case ASCII bytes a, b: the first two bytes of a scene or
// chapter word or of a German ordinal stem, two digits or two Roman
// numeral letters. A word of two or more bytes that begins otherwise is no
// heading word (a filter before the rest of headingWord).
var headingPair = func() (t [128][128]bool) {
	add := func(w string) {
		if len(w) >= 2 && w[0] < utf8.RuneSelf && w[1] < utf8.RuneSelf {
			t[w[0]][w[1]] = true
		}
	}
	for _, words := range []map[string]bool{sceneWords, chapterWords, set(ordinalStems...)} {
		for w := range words {
			add(w)
		}
	}
	for _, class := range []string{"0123456789", "ivxlc"} {
		for i := range len(class) {
			for j := range len(class) {
				add(class[i:i+1] + class[j:j+1])
			}
		}
	}
	return t
}()

// headingInitial marks the bytes that may begin a word headingWord
// accepts: digits, the first letters (either case) of the scene and
// chapter words, of the Roman numerals and of the ordinal stems, and every
// non-ASCII byte (left to headingStart).
var headingInitial = func() (t [256]bool) {
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, words := range []map[string]bool{sceneWords, chapterWords, set("i", "v", "x", "l", "c"), set(ordinalStems...)} {
		for w := range words {
			if c := w[0]; c < utf8.RuneSelf {
				t[c] = true
				t[c-'a'+'A'] = true
			}
		}
	}
	return t
}()
