package extract

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph/roster"
)

// Coref is the coreference mode of Options.Coref.
type Coref int

// The coreference modes.
const (
	CorefNone     Coref = iota // names only
	CorefPronouns              // also personal and possessive pronouns
	CorefRoles                 // also kinship nouns and roster descriptors
)

// ParseCoref parses "none" (or ""), "pronouns" or "roles".
func ParseCoref(s string) (Coref, error) {
	switch s {
	case "", "none":
		return CorefNone, nil
	case "pronouns":
		return CorefPronouns, nil
	case "roles":
		return CorefRoles, nil
	}
	return 0, fmt.Errorf("coref %q: want none, pronouns or roles", s)
}

func (c Coref) String() string {
	switch c {
	case CorefPronouns:
		return "pronouns"
	case CorefRoles:
		return "roles"
	}
	return "none"
}

// Values of Mention.Resolved.
const (
	ResolvedPronoun = "pronoun"
	ResolvedRole    = "role"
)

// referent is a character mentioned in a sentence, in text order.
type referent struct {
	char   int    // index into matcher.ids
	gender string // roster gender
	pos    int    // byte offset of the mention in the text
	// subject is false for a mention that cannot be its sentence's
	// subject: after a preposition ("mit Friedrich"), a genitive
	// ("Kathrins Tochter"), a possessive determiner.
	subject bool
}

// resolver resolves pronouns, kinship phrases and descriptors.
type resolver struct {
	text   string
	m      *matcher
	pack   *Pack
	mode   Coref
	gender []string // by character index
	rels   []roster.Relationship
	index  map[string]int // id → character index
	desc   *trie          // descriptors and their capitalised variants (roles)
	names  []Mention      // the name mentions of the text being resolved, by Start
	prev   []referent     // the referents of the sentence before the next one
}

func newResolver(text string, m *matcher, r *roster.Roster, pack *Pack, mode Coref) *resolver {
	rs := &resolver{text: text, m: m, pack: pack, mode: mode, rels: r.Relationships,
		gender: make([]string, len(m.ids)), index: make(map[string]int, len(m.ids))}
	for i, id := range m.ids {
		rs.index[id] = i
	}
	for _, c := range r.Characters {
		if i, ok := rs.index[c.ID]; ok {
			rs.gender[i] = c.Gender
		}
	}
	if mode == CorefRoles {
		rs.desc = newTrie()
		for i, id := range m.ids {
			for _, d := range r.Descriptors(id) {
				rs.desc.add(d, i)
				if up := capitalise(d); up != d {
					rs.desc.add(up, i)
				}
			}
		}
		rs.desc.sort()
	}
	return rs
}

// capitalise upper-cases the first letter of s ("der Junge" → "Der Junge").
func capitalise(s string) string {
	r, sz := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[sz:]
}

// resolve returns the mentions found by coreference in the sentences
// (spans in text order), ordered by Start; they overlap no name mention.
// names are the name mentions, ordered. The referents of the sentence
// before the first are rs.prev (nil at the start of a text); those of the
// last sentence are left in rs.prev, so that a text read in chunks
// (ExtractReader) resolves as the whole text does.
func (rs *resolver) resolve(sentences []Span, names []Mention) []Mention {
	var out []Mention
	prev, cur := rs.prev, []referent(nil)
	defer func() { rs.prev = prev }()
	rs.names = names
	ni := 0
	name := func(m Mention) referent {
		c := rs.index[m.ID]
		return referent{c, rs.gender[c], m.Start, !rs.afterPreposition(m.Start) && !rs.genitive(m.Start, m.End)}
	}
	var buf []match
	for _, s := range sentences {
		cur = cur[:0:0]
		first := true // the next word is the first of the sentence
		text := rs.text
		p := s.Start
		for p < s.End {
			// Skip to the next word start.
			if c := text[p]; c < utf8.RuneSelf {
				if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
					p++
					continue
				}
			} else if r, sz := utf8.DecodeRuneInString(text[p:]); !isWordRune(r) {
				p += sz
				continue
			}
			q := wordEnd(text, p)
			// Names before or at p enter the list of referents.
			for ni < len(names) && names[ni].Start <= p {
				if names[ni].End > s.Start {
					cur = append(cur, name(names[ni]))
				}
				ni++
			}
			if ni > 0 && names[ni-1].End > p {
				p, first = names[ni-1].End, false // inside a name
				// A genitive name and a kinship noun: "Kathrins Sohn",
				// "Lukas’ Mutter", "Elizabeth's father".
				if rs.mode == CorefRoles && !cur[len(cur)-1].subject && rs.genitive(names[ni-1].Start, names[ni-1].End) {
					limit := s.End
					if ni < len(names) {
						limit = min(limit, names[ni].Start)
					}
					if ks, ke, k, ok := rs.kinNoun(p+possessiveSuffix(text, p), limit); ok {
						if c := rs.kinTarget(rs.index[names[ni-1].ID], k); c >= 0 {
							out = append(out, Mention{ID: rs.m.ids[c], Start: ks, End: ke, Resolved: ResolvedRole})
							cur = append(cur, referent{c, rs.gender[c], ks, !rs.afterPreposition(names[ni-1].Start)})
							p = ke
						}
					}
				}
				continue
			}
			nextName := len(text)
			if ni < len(names) {
				nextName = names[ni].Start
			}
			w := text[p:q]
			initial := first
			pr, isPr := rs.pronoun(w, func() bool { return first || afterOpener(text, s.Start, p) })
			first = false
			isPr = isPr && !pr.Plural
			if isPr && pr.Possessive {
				switch rs.determiner(w, p, q, s.End) {
				case notPronoun:
					isPr = false // "ehrlich sein.": the verb
				case objectCase:
					pr.Possessive = false // "sagt ihr, dass …", "liked her."
				}
			}
			if isPr && pr.Possessive && rs.pack.Code == "de" && pr.Gender == "f" && rs.pluralBefore(cur, s.Start, p) {
				isPr = false // "ihre" after "beide Eltern", "Lukas und Achim": the plural possessive
			}
			// A possessive and a kinship noun: "seinen Vater", "her sister".
			if isPr && pr.Possessive && rs.mode == CorefRoles {
				if ks, ke, k, ok := rs.kinNoun(q, min(s.End, nextName)); ok {
					if who, c := rs.kinAntecedent(cur, prev, pr.Gender, k); who >= 0 {
						out = append(out,
							Mention{ID: rs.m.ids[who], Start: p, End: q, Resolved: ResolvedPronoun},
							Mention{ID: rs.m.ids[c], Start: ks, End: ke, Resolved: ResolvedRole})
						cur = append(cur, referent{who, rs.gender[who], p, false}, referent{c, rs.gender[c], ks, !rs.afterPreposition(p)})
						p = ke
						continue
					}
				}
			}
			// A roster descriptor ("der Junge", "des Jungen").
			if rs.desc != nil {
				buf = rs.m.candidates(rs.desc, text, p, q, p, false, buf[:0])
				best := -1
				for i, c := range buf {
					if c.end <= s.End && c.end <= nextName && (best < 0 || c.end > buf[best].end) {
						best = i
					}
				}
				if best >= 0 {
					c := buf[best]
					out = append(out, Mention{ID: rs.m.ids[c.char], Start: c.start, End: c.end, Resolved: ResolvedRole})
					cur = append(cur, referent{c.char, rs.gender[c.char], c.start, !rs.afterPreposition(c.start)})
					p = c.end
					continue
				}
			}
			if isPr {
				clause := -1 // a personal pronoun is not its own clause's earlier character
				if !pr.Possessive && !pr.Reflexive && !pr.Nominative {
					clause = rs.clauseStart(s.Start, p)
				}
				who := rs.antecedent(cur, prev, pr.Gender, clause)
				if initial && !pr.Possessive {
					who = rs.continued(prev, pr.Gender, who)
				}
				if who >= 0 {
					out = append(out, Mention{ID: rs.m.ids[who], Start: p, End: q, Resolved: ResolvedPronoun})
					cur = append(cur, referent{who, rs.gender[who], p, !pr.Possessive && !rs.afterPreposition(p)})
				}
			}
			p = q
		}
		// Names at the end of the sentence.
		for ni < len(names) && names[ni].Start < s.End {
			cur = append(cur, name(names[ni]))
			ni++
		}
		prev = cur
	}
	return out
}

// antecedent returns the character of the most recent referent of the
// gender in the current sentence, else in the previous one, or -1.
// Referents of the current sentence at or after clause (a byte offset; -1
// for none) are passed over: a personal pronoun does not refer to a
// character named earlier in its own clause — were they the same, the
// text would say "sich", "himself" (Chomsky's binding principle B, read
// on clauses cut at punctuation: "Kathrins Sorge wächst, doch Dr. Winter
// beruhigt sie": sie is Kathrin, not Dr. Winter).
func (rs *resolver) antecedent(cur, prev []referent, gender string, clause int) int {
	var inClause []int // characters named in the clause: never the referent
	if clause >= 0 {
		for _, r := range cur {
			if r.pos >= clause {
				inClause = append(inClause, r.char)
			}
		}
	}
	for _, list := range [][]referent{cur, prev} {
		for i := len(list) - 1; i >= 0; i-- {
			if slices.Contains(inClause, list[i].char) {
				continue
			}
			if list[i].gender == gender {
				return list[i].char
			}
		}
	}
	return -1
}

// kinAntecedent returns the possessor of a possessive + kinship noun and
// the character the noun names: the most recent referent of the gender,
// in the current sentence and then the previous one, for whom the roster
// relationships name exactly one such kin (kinTarget). "Mia ruft ihre
// Mutter an. Ihr Bruder …": Ihr is Mia, whose brother the roster knows,
// though her mother is the more recent woman. Both are -1 when no
// referent has such kin.
func (rs *resolver) kinAntecedent(cur, prev []referent, gender string, k Kin) (who, c int) {
	for _, list := range [][]referent{cur, prev} {
		for i := len(list) - 1; i >= 0; i-- {
			if list[i].gender != gender {
				continue
			}
			if c := rs.kinTarget(list[i].char, k); c >= 0 {
				return list[i].char, c
			}
		}
	}
	return -1, -1
}

// continued returns the character that a sentence-initial personal
// pronoun continues: the first referent of the gender in the previous
// sentence (in German and English main clauses, usually its subject), or
// fallback when there is none. This is the centering preference of Grosz,
// Joshi and Weinstein (1995, "Centering: a framework for modeling the
// local coherence of discourse"): the subject of an utterance ranks first
// among the centers the next one may continue. "Lukas … macht sich auf
// die Suche nach seinem Vater. Er geht …": Er is Lukas, not the more
// recent father.
func (rs *resolver) continued(prev []referent, gender string, fallback int) int {
	for _, r := range prev {
		if r.gender == gender && r.subject {
			return r.char
		}
	}
	return fallback
}

// clauseStart returns the start of the clause holding text[p]: just after
// the last ",", ";", ":" or dash between the sentence start ss and p, or
// the last word of Pack.ClauseWords ("aber", "doch", "but") or of
// Pack.Conjunctions ("und", "and") that does not join two names, or ss.
func (rs *resolver) clauseStart(ss, p int) int {
	cs := ss
	if i := strings.LastIndexAny(rs.text[ss:p], ",;:–—"); i >= 0 {
		_, sz := utf8.DecodeRuneInString(rs.text[ss+i:])
		cs = ss + i + sz
	}
	for i := p; i > cs; {
		j := i
		for j > cs && !isWordRuneBefore(rs.text, j) {
			j--
		}
		e := j
		for j > cs && isWordRuneBefore(rs.text, j) {
			j--
		}
		if e == j {
			break
		}
		lw := strings.ToLower(rs.text[j:e])
		if rs.pack.ClauseWords[lw] {
			return e
		}
		// "und", "and", … join clauses ("Kathrin zu helfen und sie zu
		// unterstützen"), unless they join two names ("Lukas und Achim").
		if rs.pack.Conjunctions[lw] && !(rs.nameAt(nextWord(rs.text, e)) && rs.nameEndsAt(j)) {
			return e
		}
		i = j
	}
	return cs
}

// isWordRuneBefore reports whether the rune ending at text[i] is a word rune.
func isWordRuneBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isWordRune(r)
}

// pluralBefore reports whether the clause holding text[p] (from the
// sentence start ss or the last "," ";" ":" before p) makes a plural
// possessor before p: a plural cue word (Pack.PluralCues), or two
// characters joined by a coordinating word ("Lukas und Achim").
func (rs *resolver) pluralBefore(cur []referent, ss, p int) bool {
	cs := ss
	if i := strings.LastIndexAny(rs.text[ss:p], ",;:"); i >= 0 {
		cs = ss + i + 1
	}
	words := strings.FieldsFunc(rs.text[cs:p], func(r rune) bool { return !isWordRune(r) })
	and := false
	for _, w := range words {
		lw := strings.ToLower(w)
		if rs.pack.PluralCues[lw] {
			return true
		}
		and = and || lw == "und" || lw == "and" || lw == "sowie"
	}
	if !and {
		return false
	}
	first := -1
	for _, r := range cur {
		if r.pos >= cs && r.pos < p {
			if first >= 0 && r.char != first {
				return true
			}
			first = r.char
		}
	}
	return false
}

// Cases of a possessive-looking word (determiner).
const (
	possessiveCase = iota // a determiner: "sein Vater", "her sister"
	objectCase            // a personal pronoun in the object case: "sagt ihr, dass", "liked her."
	notPronoun            // not a pronoun: the German verb "sein" ("will ehrlich sein.")
)

// determiner reads a possessive of the pronoun table at text[p:q] by what
// follows it (before the sentence end se): German bare "sein" followed by
// punctuation or the sentence end, or after "zu", is the verb; bare "ihr"
// (German) and "her" (English) so followed, or "her" followed by a word of
// Pack.NotNouns ("the", "to", "and", …), are the object case.
func (rs *resolver) determiner(w string, p, q, se int) int {
	lw := strings.ToLower(w)
	if lw != "sein" && lw != "ihr" && lw != "her" {
		return possessiveCase
	}
	next := q
	for next < se && (rs.text[next] == ' ' || rs.text[next] == '\t' || rs.text[next] == '\n' || rs.text[next] == '\r') {
		next++
	}
	word := next < se && wordAfter(rs.text, next)
	if lw == "sein" {
		if !word || rs.wordBefore(p) == "zu" {
			return notPronoun
		}
		return possessiveCase
	}
	if !word {
		return objectCase
	}
	if lw == "her" && rs.pack.NotNouns[strings.ToLower(rs.text[next:wordEnd(rs.text, next)])] {
		return objectCase
	}
	return possessiveCase
}

// wordBefore returns the word (lower-case) that ends before text[p], with
// only spaces between, or "".
func (rs *resolver) wordBefore(p int) string {
	e := p
	for e > 0 && (rs.text[e-1] == ' ' || rs.text[e-1] == '\t') {
		e--
	}
	s := e
	for s > 0 && isWordRuneBefore(rs.text, s) {
		_, sz := utf8.DecodeLastRuneInString(rs.text[:s])
		s -= sz
	}
	return strings.ToLower(rs.text[s:e])
}

// afterPreposition reports whether the mention at text[p] follows a
// preposition of the pack ("mit Friedrich", "with Darcy"), perhaps with an
// article between ("mit dem Jungen").
func (rs *resolver) afterPreposition(p int) bool {
	w := rs.wordBefore(p)
	if rs.pack.Articles[w] {
		e := p
		for e > 0 && (rs.text[e-1] == ' ' || rs.text[e-1] == '\t') {
			e--
		}
		w = rs.wordBefore(e - len(w))
	}
	return rs.pack.Prepositions[w]
}

// genitive reports whether the name mention text[s:e] is a genitive or
// possessive that qualifies a noun: it ends in "'s", "’s", "s'" or "s’",
// or, in German, in "s" before a capitalised word that is no name
// ("Kathrins Tochter").
func (rs *resolver) genitive(s, e int) bool {
	t := rs.text[s:e]
	for _, suf := range []string{"'s", "’s", "s'", "s’"} {
		if strings.HasSuffix(t, suf) {
			return true
		}
	}
	if possessiveSuffix(rs.text, e) > 0 {
		return true
	}
	if rs.pack.Code != "de" || !strings.HasSuffix(t, "s") || e >= len(rs.text) || rs.text[e] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rs.text[e+1:])
	return unicode.IsUpper(r) && !rs.nameAt(e+1)
}

// possessiveSuffix returns the length of an English possessive ending
// that follows a name mention ending at text[e] outside its span ("'s",
// "’s"), or 0.
func possessiveSuffix(text string, e int) int {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasPrefix(text[e:], suf) && !wordAfter(text, e+len(suf)) {
			return len(suf)
		}
	}
	// An apostrophe alone after a name ending in s, ß, x or z ("Lukas’
	// Mutter", "Lukas' mother").
	if r, _ := utf8.DecodeLastRuneInString(text[:e]); strings.ContainsRune("sßxzSXZ", r) {
		for _, suf := range []string{"'", "’"} {
			if strings.HasPrefix(text[e:], suf) && !wordAfter(text, e+len(suf)) {
				return len(suf)
			}
		}
	}
	return 0
}

// nameEndsAt reports whether a name mention ends at text[p], spaces
// allowed between.
func (rs *resolver) nameEndsAt(p int) bool {
	for p > 0 && (rs.text[p-1] == ' ' || rs.text[p-1] == '\t') {
		p--
	}
	i, _ := slices.BinarySearchFunc(rs.names, p, func(m Mention, p int) int { return m.Start - p })
	return i > 0 && rs.names[i-1].End == p
}

// nextWord returns the position of the first non-space byte at or after p.
func nextWord(text string, p int) int {
	for p < len(text) && (text[p] == ' ' || text[p] == '\t') {
		p++
	}
	return p
}

// nameAt reports whether a name mention starts at text[p].
func (rs *resolver) nameAt(p int) bool {
	_, ok := slices.BinarySearchFunc(rs.names, p, func(m Mention, p int) int { return m.Start - p })
	return ok
}

// pronoun looks w up in the pronoun table: lower-case, or capitalised as
// the first word of a sentence or of a quotation (sentenceStart, called
// only for a capitalised word). A
// capitalised pronoun elsewhere is the German formal address ("Sie",
// "Ihr") or a name, and is not resolved.
func (rs *resolver) pronoun(w string, sentenceStart func() bool) (Pronoun, bool) {
	if len(w) > rs.pack.longest || !rs.pack.first[w[0]] {
		return Pronoun{}, false
	}
	if pr, ok := rs.pack.Pronouns[w]; ok {
		return pr, true
	}
	r, sz := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || !sentenceStart() {
		return Pronoun{}, false
	}
	lw := string(unicode.ToLower(r)) + w[sz:]
	if lw == w || strings.ToLower(w) != lw {
		return Pronoun{}, false
	}
	pr, ok := rs.pack.Pronouns[lw]
	return pr, ok
}

// afterOpener reports whether the word at p follows an opening quotation
// mark (spaces allowed between), inside the sentence starting at ss.
func afterOpener(text string, ss, p int) bool {
	for p > ss {
		r, sz := utf8.DecodeLastRuneInString(text[ss:p])
		if r == ' ' {
			p -= sz
			continue
		}
		return isOpener(r)
	}
	return false
}

// kinNoun reads the word after the possessive ending at q (one run of
// spaces between) and looks it up in the kinship table. The word must end
// before limit.
func (rs *resolver) kinNoun(q, limit int) (start, end int, k Kin, ok bool) {
	p := q
	for p < limit && (rs.text[p] == ' ' || rs.text[p] == '\t') {
		p++
	}
	if p == q || p >= limit || !wordAfter(rs.text, p) {
		return 0, 0, Kin{}, false
	}
	e := wordEnd(rs.text, p)
	if e > limit {
		return 0, 0, Kin{}, false
	}
	k, ok = rs.pack.Kinship[rs.text[p:e]]
	return p, e, k, ok
}

// kinTarget returns the one character that the roster relationships make
// the kin k of character c (by type and gender), or -1 when none or
// several do.
func (rs *resolver) kinTarget(c int, k Kin) int {
	id := rs.m.ids[c]
	found := -1
	for _, rel := range rs.rels {
		other := ""
		switch {
		case k.Rel == "parent" && rel.Type == "parent" && rel.Target == id:
			other = rel.Source
		case k.Rel == "child" && rel.Type == "parent" && rel.Source == id:
			other = rel.Target
		case k.Rel == rel.Type && k.Rel != "parent" && rel.Source == id:
			other = rel.Target
		case k.Rel == rel.Type && k.Rel != "parent" && rel.Target == id:
			other = rel.Source
		}
		if other == "" {
			continue
		}
		o, ok := rs.index[other]
		if !ok || (k.Gender != "" && rs.gender[o] != k.Gender) || o == found {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = o
	}
	return found
}

// mergeMentions merges two lists ordered by Start and mutually
// non-overlapping.
func mergeMentions(a, b []Mention) []Mention {
	if len(b) == 0 {
		return a
	}
	out := make([]Mention, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if a[i].Start < b[j].Start {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return append(append(out, a[i:]...), b[j:]...)
}

// AllMentions returns the mentions Extract counts in text with opt (names,
// and with opt.Coref the mentions resolved by coreference, marked in
// Resolved), ordered by Start, and the sentence spans; offsets are bytes
// of the NFC text without a leading byte order mark. Errors are those of
// Extract.
func AllMentions(text string, opt Options) ([]Mention, []Span, error) {
	r := opt.Roster
	if r == nil {
		return nil, nil, fmt.Errorf("extract: Options.Roster is nil")
	}
	if err := CheckUTF8(text); err != nil {
		return nil, nil, err
	}
	text = nfcText(text)
	pack, tag, ok := langOf(opt.Lang, r.Lang, text)
	if !ok {
		return nil, nil, fmt.Errorf("extract: unknown language %q (want \"de\" or \"en\")", tag)
	}
	m := newMatcher(r, pack.Code == "en")
	mentions := m.find(text)
	sentences := splitSentences(text, pack.rules, mentions)
	if opt.Coref != CorefNone && len(mentions) > 0 {
		mentions = mergeMentions(mentions, newResolver(text, m, r, pack, opt.Coref).resolve(sentences, mentions))
	}
	return mentions, sentences, nil
}
