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

// Candidate is a word that may name a character missing from the roster.
type Candidate struct {
	// Name is the word as the text writes it ("Friedrich").
	Name string
	// Count is the number of its occurrences as a capitalised whole word
	// outside the roster's mentions.
	Count int
	// Cues are the kinds of evidence seen, sorted: "apposition" ("sein
	// Vater Friedrich"), "capitalised" (English: capitalised and not the
	// first word of a sentence), "named" ("namens X", "called X"),
	// "speech" (before or after a verb of saying: "X sagt", "said X"),
	// "title" ("Dr. X", "Frau X", "Mr. X").
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
)

// Suggest lists the candidate characters of text that the roster (which
// may have no characters' forms matching) does not name, by the cues of
// Candidate: in German, where every noun is capitalised, only a word seen
// at least once with a title, after "namens"/"genannt", in apposition
// after a kinship noun of the language pack, or next to a verb of saying
// is a candidate; in English also a capitalised word that does not open a
// sentence and is not a function word, title, weekday or month, seen at
// least twice. Words inside the roster's mentions and Exclude phrases are
// never candidates. Candidates are sorted by Count (descending), then
// Name; at most top are returned (all when top ≤ 0). opt.Lang chooses the
// language as for Extract.
func Suggest(text string, opt Options, top int) ([]Candidate, error) {
	r := opt.Roster
	if r == nil {
		r = &roster.Roster{Format: roster.FormatID}
	}
	if err := CheckUTF8(text); err != nil {
		return nil, err
	}
	text = normText(text)
	pack, tag, ok := langOf(opt.Lang, r.Lang, text)
	if !ok {
		return nil, fmt.Errorf("extract: unknown language %q (want \"de\" or \"en\")", tag)
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
	type acc struct {
		Candidate
		cues, titles map[string]bool
	}
	found := map[string]*acc{}
	get := func(w string) *acc {
		a := found[w]
		if a == nil {
			a = &acc{Candidate: Candidate{Name: w}, cues: map[string]bool{}, titles: map[string]bool{}}
			found[w] = a
		}
		return a
	}
	type word struct {
		s, e int
		w    string
	}
	var words []word
	for si, sp := range sentences {
		words = words[:0]
		for p := sp.Start; p < sp.End; {
			r, sz := utf8.DecodeRuneInString(text[p:])
			if !isWordRune(r) {
				p += sz
				continue
			}
			q := wordEnd(text, p)
			words = append(words, word{p, q, text[p:q]})
			p = q
		}
		for i, w := range words {
			if !capitalised(w.w) || masked(masks, w.s, w.e) {
				continue
			}
			// A noun after an article or a possessive ("seinen Vater
			// fragt", "the Park") is not a name; kinship nouns never are.
			if isKinNoun(pack, w.w) {
				continue
			}
			nounPhrase := i > 0 && isDeterminer(pack, words[i-1].w)
			var cues []string
			if i > 0 && !nounPhrase {
				prev := words[i-1]
				gap := text[prev.e:w.s]
				switch {
				case isTitle(prev.w, gap):
					cues = append(cues, "title")
					get(w.w).titles[prev.w+strings.TrimRight(gap, " \u00a0")] = true
				case namedWords[prev.w] && strings.TrimSpace(gap) == "":
					cues = append(cues, "named")
				case isKinNoun(pack, prev.w) && strings.TrimSpace(gap) == "" && i > 1 && isDeterminer(pack, words[i-2].w):
					cues = append(cues, "apposition")
				case say[prev.w]:
					cues = append(cues, "speech")
				}
			}
			if !nounPhrase && i+1 < len(words) && say[words[i+1].w] && strings.TrimSpace(text[w.e:words[i+1].s]) == "" {
				cues = append(cues, "speech")
			}
			if english && i > 0 && !nounPhrase && !stopEN[w.w] && !rulesEN.months[w.w] && !afterOpener(text, sp.Start, w.s) {
				cues = append(cues, "capitalised")
			}
			if english && stopEN[w.w] || slices.Contains(roster.TitleWords, w.w) || slices.Contains(roster.TitleWords, w.w+".") {
				continue
			}
			a := get(w.w)
			a.Count++
			for _, c := range cues {
				a.cues[c] = true
			}
			if len(cues) > 0 && a.Example == "" {
				a.Example, a.Unit = text[sp.Start:sp.End], si+1
			}
		}
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
		out = append(out, a.Candidate)
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Name, b.Name))
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out, nil
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
	case "der", "die", "das", "des", "dem", "den", "the":
		return true
	}
	return false
}
