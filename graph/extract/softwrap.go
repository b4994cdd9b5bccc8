package extract

import "strings"

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
	heading := func(l string) bool {
		t := strings.TrimSpace(l)
		return strings.HasPrefix(t, "#") || IsChapterHeading(t) || IsSceneHeading(t)
	}
	var b strings.Builder
	b.Grow(len(text))
	var prev line
	first := true
	lines(text, func(l line) bool {
		if !first {
			p, cur := text[prev.start:prev.end], text[l.start:l.end]
			if blank(p) || blank(cur) || heading(p) || heading(cur) {
				b.WriteString(text[prev.end:prev.next]) // keep the break as written
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(text[l.start:l.end])
		prev, first = l, false
		return true
	})
	return b.String()
}
