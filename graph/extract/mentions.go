package extract

import (
	"cmp"
	"maps"
	"math"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	ac "github.com/coregx/ahocorasick"
	"golang.org/x/text/unicode/norm"

	"github.com/relgraph/relgraph/graph/roster"
)

// Mention is one occurrence of a character's name in a text: the
// character's roster id and the byte range [Start, End) of the name in the
// (NFC-normalised) text.
type Mention struct {
	ID         string
	Start, End int
	// Resolved is "" for a name, or ResolvedPronoun / ResolvedRole for a
	// mention found by coreference (Options.Coref).
	Resolved string
}

// FindMentions returns the mentions of the roster's characters in text,
// ordered by Start and non-overlapping, by the rules of the package
// documentation (whole words, longest match first, possessives, Exclude
// phrases masked). The possessive rules follow r.Lang ("en" English,
// otherwise German).
//
// Offsets are bytes of the NFC normalisation of text; that is text itself
// when text is already NFC (the usual case; check with
// norm.NFC.IsNormalString). Invalid UTF-8 does not panic.
func FindMentions(text string, r *roster.Roster) []Mention {
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	return newMatcher(r, rulesFor(r.Lang).english).find(text)
}

// A form is read as tokens: an optional leading separator, words (runs of
// word runes) joined by separators (runs of other runes, whitespace runs
// read as one space), and an optional trailing separator:
// "Dr. Achim Kreutzer" is "Dr" ". " "Achim" " " "Kreutzer"; "(Ede)" is
// lead "(", "Ede", trail ")".
//
// The trie has one edge per (separator, word) step, so a walk from a word
// start does one map look-up per word of the longest form that could match
// there, whatever the number of forms, and forms sharing a title ("Mr",
// "Dr") cost nothing extra.
//
// Which word starts to walk from is found by an Aho–Corasick automaton
// (github.com/coregx/ahocorasick) over the distinct first words of the
// forms, independent of the number of forms: it reports every place where
// a first word occurs (trie.scan), and only those that are word starts are
// walked. When every first word begins with an ASCII capital or a
// multi-byte letter, as names do, the automaton is not run over the whole
// text but over its candidate words (trie.scanWords): the words whose
// first two bytes may begin a first word, found 8 bytes at a time, copied
// one after the other; elsewhere it reads every byte of the text. The
// library's own tests are in ahocorasick_lib_test.go: they show why the
// matcher asks for all overlapping occurrences (FindAllOverlapping)
// instead of iterating Find, which in v0.3.1 can skip an occurrence in
// either match mode.

// trie indexes forms word by word.
type trie struct {
	root   map[string]int32 // first word (no leading separator) → child of the root
	next   map[tkey]int32   // (node, separator, word) → child node, for the other steps
	nodes  []tnode          // nodes[0] is the root
	leads  []string         // distinct leading separators of forms, longest first
	maxSep int              // longest (normalised) separator inside a form, in bytes

	// A cheap filter before the root look-up: the first bytes and the
	// lengths (capped at 63) of the words in root.
	first [256]bool
	lens  uint64

	// heads holds the first word of every form (after its leading
	// separator, if any); starts finds their occurrences in a text. Built
	// by sort, nil when there is no form (or the library failed to build it:
	// scan then visits every word start).
	heads  map[string]bool
	starts *ac.Automaton

	// headFirst marks the first bytes of the words in heads. When all are
	// ASCII capitals or lead bytes of multi-byte characters (upperHeads),
	// scan hands the automaton only the words that begin with one of them
	// (candidateWords); highHeads tells that some are lead bytes.
	headFirst             [256]bool
	upperHeads, highHeads bool
	// headPair has bit b of headPair[a] set when a word in heads begins
	// with the bytes a, b, or is the one byte a (then every b is set).
	headPair [256][4]uint64
	// Buffers of scanWords, kept for the next block or text (a trie is
	// used by one goroutine: the matcher of one Extract or ExtractReader).
	words   []byte
	at, off []int32 // offsets from the block's start, in text and in words
	hit     []bool
}

type tkey struct {
	node      int32
	sep, word string
}

type tnode struct {
	ends  []term // forms whose last word is this node's
	inner bool   // the node has children
}

type term struct {
	trail string // the form's trailing separator
	char  int    // index into matcher.ids; -1 for an Exclude phrase
	form  string
}

func newTrie() *trie {
	return &trie{root: map[string]int32{}, next: map[tkey]int32{}, nodes: make([]tnode, 1), heads: map[string]bool{}}
}

// add indexes form. A form without any word rune is never matched.
func (t *trie) add(form string, char int) {
	lead, rest := splitNonWord(form)
	w, rest := splitWord(rest)
	if w == "" {
		return
	}
	node := t.child(0, lead, w)
	t.heads[w] = true
	var trail string
	for rest != "" {
		var sep string
		sep, rest = splitNonWord(rest)
		if rest == "" {
			trail = sep
			break
		}
		sep = normSep(sep)
		t.maxSep = max(t.maxSep, len(sep))
		w, rest = splitWord(rest)
		node = t.child(node, sep, w)
	}
	t.nodes[node].ends = append(t.nodes[node].ends, term{trail: trail, char: char, form: form})
	if lead != "" && !slices.Contains(t.leads, lead) {
		t.leads = append(t.leads, lead)
	}
}

func (t *trie) child(node int32, sep, word string) int32 {
	if c, ok := t.step(node, sep, word); ok {
		return c
	}
	c := int32(len(t.nodes))
	t.nodes = append(t.nodes, tnode{})
	t.nodes[node].inner = true
	if node == 0 && sep == "" {
		t.root[word] = c
		t.first[word[0]] = true
		t.lens |= 1 << min(len(word), 63)
	} else {
		t.next[tkey{node, sep, word}] = c
	}
	return c
}

// step returns the child of node along (sep, word).
func (t *trie) step(node int32, sep, word string) (int32, bool) {
	if node == 0 && sep == "" {
		if !t.first[word[0]] || t.lens&(1<<min(len(word), 63)) == 0 {
			return 0, false
		}
		c, ok := t.root[word]
		return c, ok
	}
	c, ok := t.next[tkey{node, sep, word}]
	return c, ok
}

// sort makes the order of look-ups independent of the roster's order, and
// builds the automaton of the first words. It must be called after the
// last add and before scan.
func (t *trie) sort() {
	t.starts = nil
	if len(t.heads) > 0 {
		// Sorted for determinism; FindAllOverlapping reports every
		// occurrence whatever the order.
		t.starts = automaton(slices.Sorted(maps.Keys(t.heads)))
	}
	t.headFirst, t.upperHeads, t.highHeads = [256]bool{}, true, false
	t.headPair = [256][4]uint64{}
	for w := range t.heads {
		c := w[0]
		t.headFirst[c] = true
		if len(w) == 1 {
			t.headPair[c] = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		} else {
			t.headPair[c][w[1]>>6] |= 1 << (w[1] & 63)
		}
		switch {
		case c >= 0xC0:
			t.highHeads = true
		case c < 'A' || c > 'Z':
			t.upperHeads = false
		}
	}
	for i := range t.nodes {
		slices.SortFunc(t.nodes[i].ends, func(a, b term) int {
			return cmp.Or(strings.Compare(a.form, b.form), cmp.Compare(a.char, b.char))
		})
	}
	slices.SortFunc(t.leads, func(a, b string) int { return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b)) })
}

// automata caches the automata of the word lists (sorted, joined by NUL)
// that automaton was asked for: a process that extracts many texts with
// one roster (ExtractReader's chunks, --split, the benchmarks) builds the
// automaton once. An *ac.Automaton is only read by FindAllOverlapping, so
// it may be shared between goroutines. The cache is emptied when it holds
// maxAutomata lists.
var automata struct {
	sync.Mutex
	m map[string]*ac.Automaton
}

const maxAutomata = 64

// automaton returns the Aho–Corasick automaton of the sorted words, or nil
// when the library cannot build it (it fails only without patterns; scan
// then visits every word start).
func automaton(words []string) *ac.Automaton {
	key := strings.Join(words, "\x00")
	automata.Lock()
	a, ok := automata.m[key]
	automata.Unlock()
	if ok {
		return a
	}
	a, err := ac.NewBuilder().AddStrings(words).Build()
	if err != nil {
		return nil
	}
	automata.Lock()
	if automata.m == nil || len(automata.m) >= maxAutomata {
		automata.m = map[string]*ac.Automaton{}
	}
	automata.m[key] = a
	automata.Unlock()
	return a
}

func (t *trie) empty() bool { return len(t.nodes) == 1 }

// scan calls f, in text order, at every word start p of text where the
// first word of a form (after its leading separator) occurs (as a prefix
// of the word text[p:q]: the walk decides whether a form matches there); f
// returns where to continue (at least q). The occurrences come from the
// automaton, all of them, overlapping ones included; those inside a word
// are skipped. Before the calls of f for a block of the text, reserve (if
// not nil) is told how many occurrences the block has: at most that many
// calls of f follow.
func (t *trie) scan(text string, f func(p, q int) int, reserve func(n int)) {
	if t.starts == nil {
		if len(t.heads) > 0 {
			wordStarts(text, f)
		}
		return
	}
	// Block by block, each ending after a "\n" (no first word holds one),
	// so that the list of occurrences stays small in a long text.
	pos := 0
	for bs := 0; bs < len(text); {
		be := len(text)
		if bs+scanBlock < len(text) {
			if i := strings.IndexByte(text[bs+scanBlock:], '\n'); i >= 0 {
				be = bs + scanBlock + i + 1
			}
		}
		block := text[bs:be]
		if t.upperHeads && scanCompact && be-bs <= math.MaxInt32 { // offsets fit int32
			pos = t.scanWords(text, bs, be, pos, f, reserve)
			bs = be
			continue
		}
		// A read-only view of the block, not a copy: the library only reads
		// the haystack.
		ms := t.starts.FindAllOverlapping(unsafe.Slice(unsafe.StringData(block), len(block)))
		// The library reports occurrences by their end; most are in order
		// of their start too. Sorted in place, by start only (f reads no
		// more).
		if !slices.IsSortedFunc(ms, byStart) {
			slices.SortFunc(ms, byStart)
		}
		if reserve != nil {
			reserve(len(ms))
		}
		for i, m := range ms {
			p := bs + m.Start
			if p < pos || (i > 0 && m.Start == ms[i-1].Start) || wordBefore(text, p) {
				continue
			}
			pos = f(p, wordEnd(text, p))
		}
		bs = be
	}
}

// scanCompact enables the candidate words of scanWords; tests turn it off
// to compare with the automaton over the whole text.
var scanCompact = true

// scanWords is scan for the block text[bs:be] when every first word
// begins with an ASCII capital or a multi-byte character (upperHeads), as
// names do: an occurrence of a first word at a word start lies inside the
// word that begins there, so the automaton is run over those words only —
// the words of the block that begin with a byte of headFirst, each followed
// by a NUL (no first word holds one) — instead of the whole block. The
// occurrences that begin a word are the word starts of scan; pos is where
// the previous f returned, and the new one is returned.
func (t *trie) scanWords(text string, bs, be, pos int, f func(p, q int) int, reserve func(n int)) int {
	if t.words == nil {
		// A first guess for prose (names are a few per cent of it); the
		// buffers grow when it is short and are kept for the next block.
		t.words = make([]byte, 0, (be-bs)/16)
		t.at = make([]int32, 0, (be-bs)/64)
		t.off = make([]int32, 0, (be-bs)/64)
	}
	words := t.words[:0] // the candidate words, each + NUL
	at := t.at[:0]       // at[i]: offset of the i-th word in text[bs:]
	off := t.off[:0]     // off[i]: its offset in words
	candidateWords(text, bs, be, &t.headFirst, &t.headPair, t.highHeads, func(p, q int) {
		at = append(at, int32(p-bs))
		off = append(off, int32(len(words)))
		words = append(words, text[p:q]...)
		words = append(words, 0)
	})
	t.words, t.at, t.off = words, at, off
	if len(words) == 0 {
		return pos
	}
	ms := t.starts.FindAllOverlapping(words)
	// The occurrences come by their end, so word by word; one that begins
	// at the start of word k marks it.
	hit := slices.Grow(t.hit[:0], len(at))[:len(at)]
	clear(hit)
	t.hit = hit
	k, hits := 0, 0
	for _, m := range ms {
		for k+1 < len(off) && int(off[k+1]) <= m.Start {
			k++
		}
		if int(off[k]) == m.Start && !hit[k] {
			hit[k] = true
			hits++
		}
	}
	if reserve != nil {
		reserve(hits)
	}
	for i, a := range at {
		if p := bs + int(a); hit[i] && p >= pos {
			pos = f(p, wordEnd(text, p))
		}
	}
	return pos
}

// candidateWords calls f, in text order, with every word text[p:q] of
// text[bs:be] (p is a word start: no word rune ends at p; q is wordEnd)
// whose first byte is marked in first and whose first two bytes are marked
// in pair (as trie.headPair: a word of one byte has all its second bytes
// marked), where every byte marked in first is an ASCII capital or, when
// high, a lead byte (≥ 0xC0). It skips 8 bytes at a time while none is a
// capital (nor, when high, ≥ 0xC0), with the "hasbetween" test of
// Anderson's Bit Twiddling Hacks, which is exact for every byte.
//
// Every word that begins with a first word of a form is passed: the first
// word lies inside it (it is made of word runes), so the word's first two
// bytes are the first word's, or the first word is one byte long.
func candidateWords(text string, bs, be int, first *[256]bool, pair *[256][4]uint64, high bool, f func(p, q int)) {
	var highMask uint64
	if high {
		highMask = hi8
	}
	for i := bs; i < be; {
		for i+8 <= be {
			w := load64(text, i)
			x := w & (lo8 * 0x7F)
			// Bytes in ('A'-1, 'Z'+1), top bit clear: the capitals.
			m := (lo8*(127+'Z'+1) - x) &^ w & (x + lo8*(127-('A'-1))) & hi8
			// Bytes ≥ 0xC0 (lead bytes).
			m |= w & (w << 1) & highMask
			if m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		if i >= be {
			return
		}
		c := text[i]
		if !first[c] {
			i++
			continue
		}
		if i+1 < be {
			if d := text[i+1]; pair[c][d>>6]&(1<<(d&63)) == 0 {
				i++ // no first word begins so (nor is one byte long)
				continue
			}
		}
		if wordBefore(text, i) {
			i++
			continue
		}
		q := wordEnd(text, i)
		if q == i { // a lead byte of no word rune
			i++
			continue
		}
		f(i, q)
		i = q
	}
}

func byStart(a, b ac.Match) int { return cmp.Compare(a.Start, b.Start) }

// scanBlock is the size from which scan cuts a text into blocks, in bytes.
var scanBlock = 1 << 20

// splitWord splits s after its leading run of word runes.
func splitWord(s string) (word, rest string) {
	i := wordEnd(s, 0)
	return s[:i], s[i:]
}

// splitNonWord splits s before its first word rune.
func splitNonWord(s string) (sep, rest string) {
	for i, r := range s {
		if isWordRune(r) {
			return s[:i], s[i:]
		}
	}
	return s, ""
}

// normSep replaces each run of whitespace in sep by one space.
func normSep(sep string) string {
	var b strings.Builder
	space := false
	for _, r := range sep {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// readSep reads the separator of text starting at pos (after a word) up to
// the next word start ws, normalised as normSep does. It fails at a line
// break, at the end of the text, and when the separator is longer than
// maxLen, since then no form can continue.
func readSep(text string, pos, maxLen int) (sep string, ws int, ok bool) {
	n, space, plain := 0, false, true
	i := pos
	for i < len(text) {
		r, sz := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(text[i:])
		}
		if isWordRune(r) {
			break
		}
		switch {
		case isLineBreak(r):
			return "", 0, false
		case unicode.IsSpace(r):
			if space || r != ' ' {
				plain = false
			}
			if !space {
				n++
			}
			space = true
		default:
			n += sz
			space = false
		}
		if n > maxLen {
			return "", 0, false
		}
		i += sz
	}
	if i == pos || i >= len(text) {
		return "", 0, false
	}
	sep = text[pos:i]
	if !plain {
		sep = normSep(sep)
	}
	return sep, i, true
}

func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// matcher finds the mentions of a roster's characters.
type matcher struct {
	ids     []string // character ids, sorted; term.char indexes them
	forms   *trie
	exclude *trie
	english bool // possessive rules of English instead of German
}

// newMatcher indexes the forms of r's characters and r's Exclude phrases
// (NFC-normalised, whitespace collapsed, as the roster does for forms).
func newMatcher(r *roster.Roster, english bool) *matcher {
	m := &matcher{forms: newTrie(), exclude: newTrie(), english: english}
	for _, c := range r.Characters {
		m.ids = append(m.ids, c.ID)
	}
	slices.Sort(m.ids)
	m.ids = slices.Compact(m.ids)
	for i, id := range m.ids {
		for _, f := range r.Forms(id) {
			m.forms.add(f, i)
		}
	}
	for _, e := range r.Exclude {
		m.exclude.add(norm.NFC.String(strings.Join(strings.Fields(e), " ")), -1)
	}
	m.forms.sort()
	m.exclude.sort()
	return m
}

// isWordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if 0x2000 <= r && r <= 0x206F {
		// General Punctuation (dashes, quotes, "…", spaces, format
		// characters) has no letter, digit or mark: a quick answer for the
		// punctuation of most texts (TestIsWordRunePunctuation).
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// wordAfter reports whether a word rune starts at text[i].
func wordAfter(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// wordBefore reports whether a word rune ends at text[i].
func wordBefore(text string, i int) bool {
	if i <= 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isWordRune(r)
}

// asciiWord marks the ASCII bytes that are word runes (letters, digits);
// bytes ≥ 0x80 are false and decoded as runes.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// wordEnd returns the end of the run of word runes starting at text[i].
func wordEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if asciiWord[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, sz := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += sz
	}
	return i
}

// takesGenitiveS reports whether a German form takes the genitive "s": it
// ends in a letter other than s, ß, x, z.
func takesGenitiveS(form string) bool {
	r, _ := utf8.DecodeLastRuneInString(form)
	if !unicode.IsLetter(r) {
		return false
	}
	switch unicode.ToLower(r) {
	case 's', 'ß', 'x', 'z':
		return false
	}
	return true
}

// genitive reports whether text[e:] continues the form ending at e with a
// possessive "s" that belongs to the mention, and the mention's end.
// German: "s" then a non-word rune ("Kathrins"), for forms that take it.
// English: "s" then an apostrophe ("Bennets'").
func (m *matcher) genitive(text string, e int, form string) (int, bool) {
	if e >= len(text) || text[e] != 's' {
		return 0, false
	}
	if m.english {
		if strings.HasPrefix(text[e+1:], "'") || strings.HasPrefix(text[e+1:], "’") {
			return e + 1, true
		}
		return 0, false
	}
	if !takesGenitiveS(form) || wordAfter(text, e+1) {
		return 0, false
	}
	return e + 1, true
}

// match is a candidate mention found by a walk.
type match struct {
	start, end int
	char       int
	genitive   bool // the last word was matched as form + "s"
}

// walk follows the trie from the word text[ws:we], reached through the
// leading separator lead, and appends every form that matches at start
// (with its trailing separator, a word boundary or a possessive "s" after
// it) to out. Exclude phrases (possessive false) need a word boundary.
func (m *matcher) walk(t *trie, text string, start int, lead string, ws, we int, possessive bool, out []match) []match {
	node, sep := int32(0), lead
	for {
		w := text[ws:we]
		if possessive && len(w) > 1 && w[len(w)-1] == 's' {
			// The word is a form's last word + genitive "s" ("Kathrins").
			if c, ok := t.step(node, sep, w[:len(w)-1]); ok {
				for _, tm := range t.nodes[c].ends {
					if tm.trail != "" {
						continue
					}
					if e, ok := m.genitive(text, we-1, tm.form); ok {
						out = append(out, match{start, e, tm.char, true})
					}
				}
			}
		}
		c, ok := t.step(node, sep, w)
		if !ok {
			return out
		}
		node = c
		for _, tm := range t.nodes[node].ends {
			if !strings.HasPrefix(text[we:], tm.trail) {
				continue
			}
			e := we + len(tm.trail)
			if !wordAfter(text, e) {
				out = append(out, match{start, e, tm.char, false})
			} else if possessive {
				if e, ok := m.genitive(text, e, tm.form); ok {
					out = append(out, match{start, e, tm.char, true})
				}
			}
		}
		if !t.nodes[node].inner {
			return out
		}
		if sep, ws, ok = readSep(text, we, t.maxSep); !ok {
			return out
		}
		we = wordEnd(text, ws)
	}
}

// candidates appends the forms of t that match at the word start p (the
// word is text[p:q]), also those that begin with a leading separator ending
// at p and starting at or after from.
func (m *matcher) candidates(t *trie, text string, p, q, from int, possessive bool, out []match) []match {
	out = m.walk(t, text, p, "", p, q, possessive, out)
	for _, lead := range t.leads {
		s := p - len(lead)
		if s >= from && text[s:p] == lead && !wordBefore(text, s) {
			out = m.walk(t, text, s, lead, p, q, possessive, out)
		}
	}
	return out
}

// masked reports whether [s, e) overlaps one of the sorted, disjoint spans.
func masked(spans []Span, s, e int) bool {
	if len(spans) == 0 {
		return false
	}
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > s })
	return i < len(spans) && spans[i].Start < e
}

// wordStarts calls f at every word start of text; f returns where to
// continue (at least the end q of the word text[p:q]).
func wordStarts(text string, f func(p, q int) int) {
	for p := 0; p < len(text); {
		c := text[p]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				p++
				continue
			}
		} else if r, sz := utf8.DecodeRuneInString(text[p:]); !isWordRune(r) {
			p += sz
			continue
		}
		// Words are skipped whole and matches end before a non-word rune,
		// so p is a word start.
		p = f(p, wordEnd(text, p))
	}
}

// find returns the mentions in the NFC text, ordered and non-overlapping:
// at each word start the longest unmasked candidate wins (an exact form
// before a genitive of the same length), and the scan resumes after it.
func (m *matcher) find(text string) []Mention {
	if m.forms.empty() {
		return nil
	}
	var masks []Span
	if !m.exclude.empty() {
		masks = m.excluded(text)
	}
	var out []Mention
	var buf []match
	from := 0 // end of the last mention
	m.forms.scan(text, func(p, q int) int {
		buf = m.candidates(m.forms, text, p, q, from, true, buf[:0])
		best := -1
		for i, c := range buf {
			if masked(masks, c.start, c.end) {
				continue
			}
			if best < 0 || longer(c, buf[best]) {
				best = i
			}
		}
		if best < 0 {
			return q
		}
		c := buf[best]
		out = append(out, Mention{ID: m.ids[c.char], Start: c.start, End: c.end})
		from = c.end
		return max(c.end, q)
	}, func(n int) { out = slices.Grow(out, n) })
	return out
}

// longer reports whether a is preferred to b: longer, or as long and not
// a genitive while b is.
func longer(a, b match) bool {
	if la, lb := a.end-a.start, b.end-b.start; la != lb {
		return la > lb
	}
	return !a.genitive && b.genitive
}

// excluded returns the sorted, merged spans of all occurrences of the
// Exclude phrases in text (whole words).
func (m *matcher) excluded(text string) []Span {
	var spans []Span
	var buf []match
	m.exclude.scan(text, func(p, q int) int {
		buf = m.candidates(m.exclude, text, p, q, 0, false, buf[:0])
		for _, c := range buf {
			spans = append(spans, Span{c.start, c.end})
		}
		return q // occurrences may overlap: look at every word
	}, nil)
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	merged := spans[:0]
	for _, s := range spans {
		if n := len(merged); n > 0 && s.Start <= merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, s.End)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}
