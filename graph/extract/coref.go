package extract

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

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
// names are the name mentions, ordered.
func (rs *resolver) resolve(sentences []Span, names []Mention) []Mention {
	var out []Mention
	var prev, cur []referent
	ni := 0
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
					cur = append(cur, referent{rs.index[names[ni].ID], rs.gender[rs.index[names[ni].ID]], names[ni].Start})
				}
				ni++
			}
			if ni > 0 && names[ni-1].End > p {
				p, first = names[ni-1].End, false // inside a name
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
			if isPr && pr.Possessive && rs.pack.PluralCues != nil && rs.pluralBefore(s.Start, p) {
				if _, also := rs.pack.Pronouns[strings.ToLower(w)]; also && rs.pack.Code == "de" && pr.Gender == "f" {
					isPr = false // "ihre" after "beide Eltern": the plural possessive
				}
			}
			// A possessive and a kinship noun: "seinen Vater", "her sister".
			if isPr && pr.Possessive && rs.mode == CorefRoles {
				if ks, ke, k, ok := rs.kinNoun(q, min(s.End, nextName)); ok {
					if who := rs.antecedent(cur, prev, pr.Gender, -1); who >= 0 {
						if c := rs.kinTarget(who, k); c >= 0 {
							out = append(out,
								Mention{ID: rs.m.ids[who], Start: p, End: q, Resolved: ResolvedPronoun},
								Mention{ID: rs.m.ids[c], Start: ks, End: ke, Resolved: ResolvedRole})
							cur = append(cur, referent{who, rs.gender[who], p}, referent{c, rs.gender[c], ks})
							p = ke
							continue
						}
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
					cur = append(cur, referent{c.char, rs.gender[c.char], c.start})
					p = c.end
					continue
				}
			}
			if isPr {
				clause := -1 // a personal pronoun is not its own clause's earlier character
				if !pr.Possessive && !pr.Reflexive {
					clause = clauseStart(text, s.Start, p)
				}
				who := rs.antecedent(cur, prev, pr.Gender, clause)
				if initial && !pr.Possessive {
					who = rs.continued(prev, pr.Gender, who)
				}
				if who >= 0 {
					out = append(out, Mention{ID: rs.m.ids[who], Start: p, End: q, Resolved: ResolvedPronoun})
					cur = append(cur, referent{who, rs.gender[who], p})
				}
			}
			p = q
		}
		// Names at the end of the sentence.
		for ni < len(names) && names[ni].Start < s.End {
			cur = append(cur, referent{rs.index[names[ni].ID], rs.gender[rs.index[names[ni].ID]], names[ni].Start})
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
	for li, list := range [][]referent{cur, prev} {
		for i := len(list) - 1; i >= 0; i-- {
			if li == 0 && clause >= 0 && list[i].pos >= clause {
				continue
			}
			if list[i].gender == gender {
				return list[i].char
			}
		}
	}
	return -1
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
		if r.gender == gender {
			return r.char
		}
	}
	return fallback
}

// clauseStart returns the start of the clause holding text[p]: just after
// the last ",", ";", ":" or dash between the sentence start ss and p, or ss.
func clauseStart(text string, ss, p int) int {
	if i := strings.LastIndexAny(text[ss:p], ",;:–—"); i >= 0 {
		_, sz := utf8.DecodeRuneInString(text[ss+i:])
		return ss + i + sz
	}
	return ss
}

// pluralBefore reports whether a plural cue word (Pack.PluralCues) stands
// between the start of the clause holding text[p] (the sentence start, or
// the last ",", ";" or ":" before p) and p.
func (rs *resolver) pluralBefore(ss, p int) bool {
	cs := ss
	if i := strings.LastIndexAny(rs.text[ss:p], ",;:"); i >= 0 {
		cs = ss + i + 1
	}
	for _, w := range strings.FieldsFunc(rs.text[cs:p], func(r rune) bool { return !isWordRune(r) }) {
		if rs.pack.PluralCues[strings.ToLower(w)] {
			return true
		}
	}
	return false
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
	text = normText(text)
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

// normText drops a leading byte order mark and normalises text to NFC.
func normText(text string) string {
	text = strings.TrimPrefix(text, "\uFEFF")
	if !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
	}
	return text
}
