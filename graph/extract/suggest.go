package extract

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph/roster"
)

// Candidate is a name that may belong to a character missing from the
// roster.
type Candidate struct {
	// Name is the form the text uses most often ("Kathrin"; ties go to the
	// longer form). A name is a run of capitalised words written with single
	// spaces or hyphens between them ("Gerd Hoffmann", "Ilse-Marie",
	// "Müller-Lüdenscheidt"), titles left out.
	Name string
	// Forms are the forms counted for the candidate, longest first, then
	// alphabetical: the full name and the single words of it that occur
	// alone ("Kathrin Globisch", "Kathrin"). A single word is counted with
	// a longer name only when one longer candidate contains it.
	Forms []string
	// Count is the number of occurrences of the forms outside the roster's
	// mentions.
	Count int
	// Cues are the kinds of evidence seen, sorted: "apposition" ("sein
	// Vater Friedrich"), "capitalised" (English: capitalised and not the
	// first word of a sentence or of a quotation), "named" ("namens X",
	// "called X"), "speech" (before or after a verb of saying: "X sagt",
	// "said X"), "title" ("Dr. X", "Frau X", "Prof. Dr. med. X", "Mr. X").
	Cues []string
	// Titles are the titles seen before it ("Dr.", "Frau"), sorted.
	Titles []string
	// Example is the first sentence in which a cue was seen, and Unit its
	// 1-based sentence number.
	Example string
	Unit    int
}

// Verbs of saying, for the speech cue.
var (
	sayDE = set("sagt", "sagte", "fragt", "fragte", "antwortet", "antwortete", "ruft", "rief", "meint", "meinte",
		"erklärt", "erklärte", "erwidert", "erwiderte", "flüstert", "flüsterte", "schreit", "schrie", "murmelt", "murmelte", "spricht", "sprach")
	sayEN = set("said", "says", "asked", "asks", "replied", "replies", "cried", "answered", "whispered", "exclaimed",
		"added", "continued", "observed", "returned", "shouted", "muttered")
	namedWords = set("namens", "genannt", "called", "named")
	// Capitalised English words that are not names.
	stopEN = set("I", "The", "A", "An", "And", "But", "Or", "If", "In", "On", "At", "Of", "To", "It", "He", "She", "They",
		"We", "You", "His", "Her", "Their", "My", "Your", "Our", "This", "That", "These", "Those", "What", "When", "Where",
		"Why", "How", "Who", "Which", "Yes", "No", "Oh", "Not", "There", "Here", "So", "As", "For", "With", "By", "From",
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "God", "Heaven", "Lord", "Sir", "Madam",
		"Chapter", "CHAPTER", "Mr", "Mrs", "Miss", "Ms", "Dr", "Lady", "Colonel", "Captain")
	// Lower-case abbreviations that stand between titles ("Prof. Dr. med.
	// Ernst Brandt", "Dr. rer. nat. Anna Berg"), without their period.
	titleAbbrevs = set("med", "dent", "vet", "rer", "nat", "pol", "oec", "phil", "jur", "theol", "habil", "h", "c", "mult", "ing")
)

// maxNameWords is the most words a candidate name has ("Anna Maria
// Berg-Schulz"): longer runs of capitalised words are titles of works,
// headings or German noun lists, and are cut.
const maxNameWords = 4

// Suggest lists the candidate characters of text that the roster (which
// may be nil) does not name, by the cues of Candidate: in German, where
// every noun is capitalised, only a name seen at least once with a title
// (titles may be stacked: "Prof. Dr. med. Ernst Brandt"), after
// "namens"/"genannt", in apposition after a kinship noun of the language
// pack, or next to a verb of saying is a candidate; in English also a
// capitalised name that does not open a sentence or a quotation and is
// not a function word, title, weekday or month, seen at least twice. A
// word that opens a sentence or a quotation ("she added, “Very well”")
// has no cue from the word before it, and is left out of a longer name
// when its lower-case form occurs in the text or it is never capitalised
// inside a sentence ("Als Kathrin …", "Then Harriet …" → "Kathrin",
// "Harriet").
// A word after an article or possessive is a noun, not a name.
//
// Never candidates: words inside the roster's mentions and Exclude
// phrases, and a name all of whose words are words of the roster's
// names or aliases, compared case-insensitively, also with an ending
// "s", "es" or "'s" ("Bennet", "Bennets", "Lucas", "De Bourgh" with
// "Lady Catherine de Bourgh" in the roster). Candidates are sorted by
// Count (descending), then Name; at most top are returned (all when
// top ≤ 0). opt.Lang chooses the language as for Extract.
func Suggest(text string, opt Options, top int) ([]Candidate, error) {
	cands, _, err := SuggestLang(text, opt, top)
	return cands, err
}

// SuggestLang is Suggest that also returns the language used ("de" or
// "en": opt.Lang, else the roster's, else detected from the text).
func SuggestLang(text string, opt Options, top int) ([]Candidate, string, error) {
	r := opt.Roster
	if r == nil {
		r = &roster.Roster{Format: roster.FormatID}
	}
	if err := CheckUTF8(text); err != nil {
		return nil, "", err
	}
	text = nfcText(text)
	pack, tag, ok := langOf(opt.Lang, r.Lang, text)
	if !ok {
		return nil, "", fmt.Errorf("extract: unknown language %q (want \"de\" or \"en\")", tag)
	}
	english := pack.Code == "en"
	m := newMatcher(r, english)
	names := m.find(text)
	var masks []Span
	if !m.exclude.empty() {
		masks = m.excluded(text)
	}
	for _, n := range names {
		masks = append(masks, Span{n.Start, n.End})
	}
	slices.SortFunc(masks, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	sentences := splitSentences(text, pack.rules, names)
	say := sayDE
	if english {
		say = sayEN
	}
	rosterWords := rosterWordSet(r)
	lower := lowerWords(text)

	type acc struct {
		Candidate
		cues, titles map[string]bool
		words        []string // the words of Name
		forms        []form   // single words counted with Name
	}
	found := map[string]*acc{}
	get := func(name string, words []string) *acc {
		a := found[name]
		if a == nil {
			a = &acc{Candidate: Candidate{Name: name}, cues: map[string]bool{}, titles: map[string]bool{}, words: words}
			found[name] = a
		}
		return a
	}
	// Words seen capitalised inside a sentence, not after an opening
	// quotation mark: only these may open a longer name at the start of a
	// sentence ("Elizabeth Bennet said", not "Then Harriet came").
	var words []sword
	midCap := map[string]bool{}
	for _, sp := range sentences {
		words = sentenceWords(text, sp, words[:0])
		for i, w := range words {
			if i > 0 && capitalised(w.w) && !afterOpener(text, sp.Start, w.s) {
				midCap[w.w] = true
			}
		}
	}
	for si, sp := range sentences {
		words = sentenceWords(text, sp, words[:0])
		for i := 0; i < len(words); {
			w := words[i]
			if !nameStart(pack, w.w, english) || masked(masks, w.s, w.e) {
				i++
				continue
			}
			initial := i == 0 || afterOpener(text, sp.Start, w.s)
			// An ordinary word opening a sentence ("Dann fragt", "Having
			// said"): it is written in lower case elsewhere, or never
			// capitalised inside a sentence.
			common := initial && (lower[strings.ToLower(w.w)] || !midCap[w.w])
			// A noun after an article or a possessive ("seinen Vater
			// fragt", "the Park", "der Patient Gerd Hoffmann") is not a
			// name; kinship nouns never are.
			nounPhrase := i > 0 && isDeterminer(pack, words[i-1].w)
			j := i + 1
			for j < len(words) && j-i < maxNameWords && nameGap(text[words[j-1].e:words[j].s]) &&
				nameStart(pack, words[j].w, english) && !say[words[j].w] && !masked(masks, words[j].s, words[j].e) {
				j++
			}
			// The first word of a run is a noun after an article, and a
			// word that any sentence may open with ("Als", "Then") at the
			// start of a sentence or quotation: the name is the rest.
			if j-i > 1 && (nounPhrase && !english || common) {
				i++
				continue
			}
			start, run := i, words[i:j]
			i = j
			parts := make([]string, len(run))
			for k, x := range run {
				parts[k] = x.w
			}
			name := text[run[0].s:run[len(run)-1].e]
			if english && len(run) == 1 && stopEN[name] || allRosterWords(parts, rosterWords) {
				continue
			}
			var cues []string
			var titles []string
			first, k := run[0], start
			if k > 0 && !nounPhrase && !initial {
				prev := words[k-1]
				gap := text[prev.e:first.s]
				switch {
				case isTitle(prev.w, gap) || titleAbbrevs[prev.w] && strings.HasPrefix(gap, "."):
					titles = titleStack(text, words[:k], first.s)
					if len(titles) > 0 {
						cues = append(cues, "title")
					}
				case namedWords[prev.w] && strings.TrimSpace(gap) == "":
					cues = append(cues, "named")
				case isKinNoun(pack, prev.w) && strings.TrimSpace(gap) == "" && k > 1 && isDeterminer(pack, words[k-2].w):
					cues = append(cues, "apposition")
				case say[prev.w]:
					cues = append(cues, "speech")
				}
			}
			if !nounPhrase && !(common && len(run) == 1) && j < len(words) && say[words[j].w] && strings.TrimSpace(text[run[len(run)-1].e:words[j].s]) == "" {
				cues = append(cues, "speech")
			}
			if english && !initial && !nounPhrase && !stopEN[first.w] && !rulesEN.months[first.w] {
				cues = append(cues, "capitalised")
			}
			a := get(name, parts)
			a.Count++
			for _, c := range cues {
				a.cues[c] = true
			}
			for _, t := range titles {
				a.titles[t] = true
			}
			if len(cues) > 0 && a.Example == "" {
				a.Example, a.Unit = text[sp.Start:sp.End], si+1
			}
		}
	}
	// A single word that occurs alone and inside exactly one longer name
	// is counted with that name ("Kathrin" with "Kathrin Globisch").
	into := map[string][]string{} // single word → longer names containing it
	for name, a := range found {
		if len(a.words) > 1 {
			for _, w := range a.words {
				if _, ok := found[w]; ok && !slices.Contains(into[w], name) {
					into[w] = append(into[w], name)
				}
			}
		}
	}
	for w, longer := range into {
		if len(longer) != 1 {
			continue
		}
		a, b := found[w], found[longer[0]]
		b.forms = append(b.forms, form{w, a.Count})
		b.Count += a.Count
		for c := range a.cues {
			b.cues[c] = true
		}
		for t := range a.titles {
			b.titles[t] = true
		}
		if a.Example != "" && (b.Example == "" || a.Unit < b.Unit) {
			b.Example, b.Unit = a.Example, a.Unit
		}
		delete(found, w)
	}
	var out []Candidate
	for _, a := range found {
		strong := len(a.cues) > 1 || (len(a.cues) == 1 && !a.cues["capitalised"])
		if !strong && !(a.cues["capitalised"] && a.Count >= 2) {
			continue
		}
		for c := range a.cues {
			a.Cues = append(a.Cues, c)
		}
		slices.Sort(a.Cues)
		for t := range a.titles {
			a.Titles = append(a.Titles, t)
		}
		slices.Sort(a.Titles)
		a.Name, a.Forms = pickName(a.Name, a.Count, a.forms)
		out = append(out, a.Candidate)
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Name, b.Name))
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out, pack.Code, nil
}

// sword is a word of a sentence: text[s:e] == w.
type sword struct {
	s, e int
	w    string
}

// sentenceWords appends the words of text[sp] to buf. Two words joined by
// one hyphen ("Ilse-Marie", "Müller-Lüdenscheidt", "Lüdenscheidt-Nord")
// are one word when the second starts with an upper-case letter.
func sentenceWords(text string, sp Span, buf []sword) []sword {
	for p := sp.Start; p < sp.End; {
		r, sz := utf8.DecodeRuneInString(text[p:])
		if !isWordRune(r) {
			p += sz
			continue
		}
		q := wordEnd(text, p)
		for q < sp.End {
			h, hs := utf8.DecodeRuneInString(text[q:])
			if h != '-' && h != '\u2010' && h != '\u2011' {
				break
			}
			n, _ := utf8.DecodeRuneInString(text[q+hs:])
			if !unicode.IsUpper(n) {
				break
			}
			q = wordEnd(text, q+hs)
		}
		buf = append(buf, sword{p, q, text[p:q]})
		p = q
	}
	return buf
}

// nameStart reports whether w may be a word of a name: capitalised, not
// a kinship noun, a title or (English) a function word.
func nameStart(p *Pack, w string, english bool) bool {
	return capitalised(w) && !isKinNoun(p, w) && !isTitleWord(w) && !(english && stopEN[w])
}

func isTitleWord(w string) bool {
	return slices.Contains(roster.TitleWords, w) || slices.Contains(roster.TitleWords, w+".")
}

// nameGap reports whether the text between two words lets them be one
// name: one space or no-break space.
func nameGap(g string) bool { return g == " " || g == "\u00a0" }

// titleStack returns the titles of roster.TitleWords in the run of titles
// and title abbreviations that ends words, right before the name starting
// at byte nameAt ("Prof. Dr. med. Ernst" → "Dr.", "Prof."), each with its
// period, sorted; nil when the run holds none.
func titleStack(text string, words []sword, nameAt int) []string {
	var titles []string
	next := nameAt
	for k := len(words) - 1; k >= 0; k-- {
		w := words[k]
		gap := text[w.e:next]
		next = w.s
		switch {
		case isTitle(w.w, gap):
			titles = append(titles, w.w+strings.TrimRight(gap, " \u00a0"))
			continue
		case titleAbbrevs[w.w] && strings.HasPrefix(gap, ".") && strings.TrimSpace(gap[1:]) == "":
			continue
		}
		break
	}
	slices.Sort(titles)
	return titles
}

// form is a form of a candidate and the number of its occurrences.
type form struct {
	s     string
	count int
}

// pickName returns the candidate's display name — the most frequent form,
// ties to the longer, then to the first alphabetically — and its forms, longest first. name is the
// candidate's own (longest) form, seen count minus the merged forms'
// counts.
func pickName(name string, count int, merged []form) (string, []string) {
	own := count
	for _, f := range merged {
		own -= f.count
	}
	all := append([]form{{name, own}}, merged...)
	best := all[0]
	for _, f := range all[1:] {
		if f.count > best.count || f.count == best.count && (len(f.s) > len(best.s) || len(f.s) == len(best.s) && f.s < best.s) {
			best = f
		}
	}
	slices.SortFunc(all, func(a, b form) int {
		return cmp.Or(cmp.Compare(len(b.s), len(a.s)), strings.Compare(a.s, b.s))
	})
	forms := make([]string, len(all))
	for i, f := range all {
		forms[i] = f.s
	}
	return best.s, forms
}

// rosterWordSet returns the words of the roster's names and aliases,
// lower-cased (the words of hyphenated names both whole and split).
func rosterWordSet(r *roster.Roster) map[string]bool {
	set := map[string]bool{}
	for _, c := range r.Characters {
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			n = nfcText(n)
			for _, w := range sentenceWords(n, Span{0, len(n)}, nil) {
				set[strings.ToLower(w.w)] = true
				for _, part := range strings.FieldsFunc(w.w, func(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }) {
					set[strings.ToLower(part)] = true
				}
			}
		}
	}
	return set
}

// allRosterWords reports whether every word of a name is a roster word,
// also with an ending "s", "es" or "'s"/"’s" removed (plurals and
// genitives: "Bennets", "Lucases", "Kathrins").
func allRosterWords(parts []string, set map[string]bool) bool {
	if len(set) == 0 {
		return false
	}
	for _, p := range parts {
		l := strings.ToLower(p)
		if set[l] {
			continue
		}
		ok := false
		for _, suf := range []string{"s", "es", "'s", "’s"} {
			if b, cut := strings.CutSuffix(l, suf); cut && set[b] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// lowerWords returns the set of words of text that start with a
// lower-case letter: a capitalised word whose lower-case form is in it
// is an ordinary word at the start of a sentence ("Als", "Then").
func lowerWords(text string) map[string]bool {
	set := map[string]bool{}
	wordStarts(text, func(p, q int) int {
		r, _ := utf8.DecodeRuneInString(text[p:])
		if unicode.IsLower(r) {
			set[text[p:q]] = true
		}
		return q
	})
	return set
}

// capitalised reports whether w starts with an upper-case letter and has
// a lower-case one after it: "Anna", not "A", "ARD" or "anna".
func capitalised(w string) bool {
	r, sz := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || len(w) == sz {
		return false
	}
	return strings.IndexFunc(w[sz:], unicode.IsLower) >= 0
}

// isTitle reports whether w followed by gap is a title of roster.TitleWords
// ("Dr" + ". ", "Frau" + " ").
func isTitle(w, gap string) bool {
	g := strings.TrimRight(gap, " \u00a0\t")
	for _, t := range roster.TitleWords {
		if t == w+g && strings.TrimSpace(gap) == strings.TrimSpace(g) && gap != g {
			return true
		}
	}
	return false
}

func isKinNoun(p *Pack, w string) bool {
	_, ok := p.Kinship[w]
	return ok
}

// isDeterminer reports whether w is a possessive pronoun or article that
// opens an apposition ("sein Vater Friedrich", "der Vater Friedrich").
func isDeterminer(p *Pack, w string) bool {
	if pr, ok := p.Pronouns[strings.ToLower(w)]; ok && pr.Possessive {
		return true
	}
	switch strings.ToLower(w) {
	case "der", "die", "das", "des", "dem", "den", "the", "your", "my", "our", "a", "an":
		return true
	}
	return false
}
