package extract

// Reference implementations: the sentence splitter and the line joiner as
// they were before they were rewritten for speed (one pass over the bytes,
// 8-byte skips, no per-call allocations). The tests of perf_test.go check
// that the rewrites give the same output on random texts.

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

func terminalByteRef(c byte) bool { return c == '.' || c == '!' || c == '?' || c == 0xE2 }

// splitSentencesRef implements Sentences. ms, sorted by Start and
// non-overlapping, are mentions inside which no unit may end.
func splitSentencesRef(text string, ru *rules, ms []Mention) []Span {
	var out []Span
	mi := 0
	start := 0
	for {
		end, next := nextLineBreak(text, start)
		out = splitLineRef(text, start, end, ru, ms, &mi, out)
		if next < 0 {
			return out
		}
		start = next
	}
}

// splitLineRef appends the units of the line text[ls:le] to out.
func splitLineRef(text string, ls, le int, ru *rules, ms []Mention, mi *int, out []Span) []Span {
	cur := ls
	for i := ls; i < le; {
		c := text[i]
		if !terminalByteRef(c) || (c == 0xE2 && !strings.HasPrefix(text[i:le], ellipsis)) {
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
		if marks == 1 && c == '.' && !periodEndsRef(ru, text, ls, j-1, m, le) {
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

// periodEndsRef reports whether the single "." at text[dot], followed by
// whitespace and a capitalised word at text[next], ends a sentence. ls and
// le bound the line.
func periodEndsRef(ru *rules, text string, ls, dot, next, le int) bool {
	ts := tokenStartRef(text, ls, dot)
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
			prev := strings.TrimFunc(text[tokenStartRef(text, ls, p):p], func(r rune) bool { return !isWordRune(r) })
			if ru.ordinalPrev[strings.ToLower(prev)] {
				return false
			}
		}
	}
	return true
}

// tokenStartRef returns the start of the run of non-space characters that
// ends at text[end], not before ls.
func tokenStartRef(text string, ls, end int) int {
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

// unwrapRef is UnwrapLines for a text known to have paragraph breaks (or a
// part of one that ends after a blank line: the streaming reader unwraps
// each chunk so, and the pieces join to the unwrapped whole).
func unwrapRef(text string) string {
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
		curStands := blankLine(cur) || isWrapHeading(cur, nil)
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
