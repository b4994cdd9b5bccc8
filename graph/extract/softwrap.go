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
	if !hasBlankLine(text) {
		return text
	}
	return unwrap(text)
}

// unwrap is UnwrapLines for a text known to have paragraph breaks (or a
// part of one that ends after a blank line: the streaming reader unwraps
// each chunk so, and the pieces join to the unwrapped whole).
func unwrap(text string) string {
	if text == "" {
		return ""
	}
	// Rewritten in place in a copy: a soft break "\n" becomes " " (as
	// long), so the lines stay where they are and are copied only after a
	// longer break ("\r\n") was replaced.
	out := []byte(text)
	j := 0 // write position
	var prev line
	prevStands, first := false, true // prevStands: the previous line is blank or a heading
	lines(text, func(l line) bool {
		cur := text[l.start:l.end]
		curStands := blankLine(cur) || isWrapHeading(cur)
		if !first {
			if prevStands || curStands {
				j += copy(out[j:], text[prev.end:prev.next]) // keep the break as written
			} else {
				out[j] = ' '
				j++
			}
		}
		if j != l.start {
			copy(out[j:], cur)
		}
		j += len(cur)
		prev, prevStands, first = l, curStands, false
		return true
	})
	return unsafe.String(&out[0], j) // out is not written again
}

// blankLine is blank, quick for a line that starts with a visible ASCII
// character.
func blankLine(l string) bool {
	if l != "" && l[0] > ' ' && l[0] < utf8.RuneSelf {
		return false
	}
	return blank(l)
}

// isWrapHeading reports whether a line stands alone in UnwrapLines: a
// Markdown "#" line or a chapter or scene heading. Most lines of prose
// fail the cheap test of their first word (headingWord) and never reach
// the heading expressions.
func isWrapHeading(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" {
		return false
	}
	if t[0] == '#' {
		return true
	}
	if !headingWord(t) {
		return false
	}
	return IsChapterHeading(t) || IsSceneHeading(t)
}

// headingWord is true for every line for which headingStart(l,
// sceneWords) or headingStart(l, chapterWords) is: its first word (after
// an opening "[") is at most 16 bytes and, lower-cased, a scene or
// chapter word, a number in digits or Roman numerals, or begins like a
// German ordinal. It lower-cases ASCII words without allocating.
func headingWord(l string) bool {
	l = strings.TrimPrefix(l, "[")
	if l == "" || !headingInitial[l[0]] {
		return false
	}
	e := wordEnd(l, 0)
	if e == 0 || e > 16 {
		return false
	}
	var buf [16]byte
	w := buf[:e]
	for i := range e {
		c := l[i]
		if c >= utf8.RuneSelf {
			return headingStart(l, sceneWords) || headingStart(l, chapterWords)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		w[i] = c
	}
	if headingWordKey[w[0]]&(1<<len(w)) != 0 && (sceneWords[string(w)] || chapterWords[string(w)]) ||
		allBytesIn(w, "0123456789") || allBytesIn(w, "ivxlc") {
		return true
	}
	for _, st := range ordinalsByInitial[w[0]] {
		if len(w) >= len(st) && string(w[:len(st)]) == st {
			return true
		}
	}
	return false
}

// headingWordKey has bit n of entry c set when a scene or chapter word of
// n bytes begins with byte c: a filter before the map look-ups.
var headingWordKey = func() (t [256]uint32) {
	for _, words := range []map[string]bool{sceneWords, chapterWords} {
		for w := range words {
			t[w[0]] |= 1 << len(w)
		}
	}
	return t
}()

// ordinalsByInitial groups ordinalStems by their first byte.
var ordinalsByInitial = func() (t [256][]string) {
	for _, st := range ordinalStems {
		t[st[0]] = append(t[st[0]], st)
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

// allBytesIn reports whether every byte of w is one of set's.
func allBytesIn(w []byte, set string) bool {
	for _, c := range w {
		if strings.IndexByte(set, c) < 0 {
			return false
		}
	}
	return true
}
