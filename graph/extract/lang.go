package extract

import (
	"strings"

	"github.com/relgraph/relgraph/graph/roster"
)

// Pack is the language pack of one language: what the sentence splitter,
// the name matcher and coreference need to know about it.
type Pack struct {
	// Code is "de" or "en".
	Code string
	// Quotes are the pairs of opening and closing quotation marks of the
	// language, most usual first ("„" "“" in German).
	Quotes [][2]string
	// Pronouns maps a personal or possessive pronoun, lower-case, to what
	// it can refer to.
	Pronouns map[string]Pronoun
	// Kinship maps a kinship or role noun that follows a possessive
	// pronoun ("seinen Vater", "her sister") to the roster relationship it
	// names, seen from the possessor.
	Kinship map[string]Kin
	// PluralCues are words (lower-case) that make a plural subject or
	// possessor of their clause ("beide", "Eltern", "alle"): a feminine
	// possessive that is also the plural one (German "ihr", "ihre", …)
	// after such a word in the same clause is read as plural and left
	// unresolved ("dass beide Eltern ihn auf ihre Weise lieben").
	PluralCues map[string]bool
	// ClauseWords (lower-case) open a new clause even without a comma
	// ("Kathrin kommt, doch …", "… but she …").
	ClauseWords map[string]bool
	// Conjunctions (lower-case) open a new clause unless they join two
	// names ("Kathrin zu helfen und sie zu unterstützen" is two clauses,
	// "Lukas und Achim" one phrase).
	Conjunctions map[string]bool
	// Prepositions (lower-case): a name after one ("mit Friedrich",
	// perhaps with an article between) is not its sentence's subject.
	Prepositions map[string]bool
	// Articles (lower-case) may stand between a preposition and a noun.
	Articles map[string]bool
	// NotNouns (lower-case) are words that cannot follow a possessive
	// determiner, so English "her" before one is the object case ("told
	// her the news", "liked her and …").
	NotNouns map[string]bool

	rules   *rules    // abbreviations, months and ordinals of the sentence splitter
	longest int       // the longest pronoun, in bytes
	first   [256]bool // first bytes of the pronouns, lower- and upper-case
}

func init() {
	for _, p := range []*Pack{packDE, packEN} {
		for w := range p.Pronouns {
			p.longest = max(p.longest, len(w))
			p.first[w[0]] = true
			p.first[capitalise(w)[0]] = true
		}
	}
}

// Pronoun is an entry of a pronoun table.
type Pronoun struct {
	// Gender is the roster gender of the characters it can refer to: "m",
	// "f" or "x". German "sein" refers to masculine (or neuter)
	// possessors, "ihr" to feminine (or plural) ones.
	Gender string
	// Plural pronouns ("ihnen", "they" when not used for one character)
	// are listed so that they are known, and never resolved: relgraph has
	// no group characters.
	Plural bool
	// Possessive is true for possessive determiners ("seinen", "her"),
	// which may open a kinship phrase.
	Possessive bool
	// Reflexive pronouns ("himself", "herself") refer to the subject of
	// their own clause, so the clause rule of resolution does not apply to
	// them; "hers" is read the same way ("she kept hers").
	Reflexive bool
	// Nominative pronouns (English "he", "she", "they") may refer to a
	// character named earlier in their own clause ("Elizabeth said she
	// was tired"): the clause rule of resolution is for the object case.
	// German "er" and "sie" are not marked: German sets a comma before
	// every subordinate clause, so a clause cut at punctuation holds one
	// subject.
	Nominative bool
}

// Kin is the relationship a kinship noun names, from the possessor to the
// character meant: Rel is "parent" (the character is a parent of the
// possessor), "child" (the possessor is a parent of the character), or a
// roster relationship type ("sibling", "partner", "ex-partner", "friend",
// "colleague"); Gender is the character's gender.
type Kin struct {
	Rel    string
	Gender string
}

func pronouns(gender string, possessive, plural bool, words ...string) map[string]Pronoun {
	m := make(map[string]Pronoun, len(words))
	for _, w := range words {
		m[w] = Pronoun{Gender: gender, Possessive: possessive, Plural: plural}
	}
	return m
}

// nominative marks the pronouns of m as Nominative.
func nominative(m map[string]Pronoun) map[string]Pronoun {
	for w, p := range m {
		p.Nominative = true
		m[w] = p
	}
	return m
}

// reflexive marks the pronouns of m as Reflexive.
func reflexive(m map[string]Pronoun) map[string]Pronoun {
	for w, p := range m {
		p.Reflexive = true
		m[w] = p
	}
	return m
}

func merge[K comparable, V any](ms ...map[K]V) map[K]V {
	out := map[K]V{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

func kin(rel, gender string, words ...string) map[string]Kin {
	m := make(map[string]Kin, len(words))
	for _, w := range words {
		m[w] = Kin{Rel: rel, Gender: gender}
	}
	return m
}

// The language packs. German "sie" is feminine singular or plural, and is
// read as feminine singular; "Sie" and "Ihr…" inside a sentence are the
// formal address and never resolved (see resolvable). "es" is left out: it
// is mostly the expletive ("es regnet"). English "they", "them", "their"
// refer to a character of gender "x" only (singular they); otherwise they
// are plural.
var (
	packDE = &Pack{
		Code:   "de",
		Quotes: [][2]string{{"„", "“"}, {"»", "«"}, {"«", "»"}, {"‚", "‘"}, {"\"", "\""}, {"'", "'"}},
		Pronouns: merge(
			pronouns("m", false, false, "er", "ihn", "ihm"),
			pronouns("m", true, false, "sein", "seine", "seinen", "seinem", "seiner", "seines"),
			pronouns("f", false, false, "sie"),
			pronouns("f", true, false, "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"),
			pronouns("", false, true, "ihnen"),
		),
		ClauseWords:  set("aber", "doch", "denn", "sondern", "jedoch"),
		Conjunctions: set("und", "oder", "sowie"),
		Prepositions: set("mit", "von", "vom", "zu", "zum", "zur", "bei", "beim", "nach", "für", "über", "an", "am", "auf", "aus", "gegen", "ohne", "um", "durch", "unter", "vor", "hinter", "neben", "zwischen", "seit", "wegen", "trotz", "während", "gegenüber", "außer"),
		Articles:     set("der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines", "seinem", "seinen", "seiner", "ihrem", "ihren", "ihrer"),
		PluralCues:   set("beide", "beiden", "alle", "allen", "eltern", "geschwister", "kinder", "leute", "wir", "zwei", "drei", "paar", "ehepaar", "familie"),
		Kinship: merge(
			kin("parent", "m", "Vater", "Vaters"),
			kin("parent", "f", "Mutter"),
			kin("child", "m", "Sohn", "Sohnes", "Sohns"),
			kin("child", "f", "Tochter"),
			kin("sibling", "m", "Bruder", "Bruders"),
			kin("sibling", "f", "Schwester"),
			kin("partner", "m", "Mann", "Mannes", "Ehemann", "Ehemannes", "Ehemanns"),
			kin("partner", "f", "Frau", "Ehefrau"),
			kin("ex-partner", "m", "Exmann", "Exmannes", "Exmanns"),
			kin("ex-partner", "f", "Exfrau"),
			kin("friend", "m", "Freund", "Freundes"),
			kin("friend", "f", "Freundin"),
			kin("colleague", "m", "Kollege", "Kollegen"),
			kin("colleague", "f", "Kollegin"),
		),
		rules: rulesDE,
	}
	packEN = &Pack{
		Code:   "en",
		Quotes: [][2]string{{"“", "”"}, {"‘", "’"}, {"\"", "\""}, {"'", "'"}},
		Pronouns: merge(
			nominative(pronouns("m", false, false, "he")),
			pronouns("m", false, false, "him"),
			reflexive(pronouns("m", false, false, "himself")),
			pronouns("m", true, false, "his"),
			nominative(pronouns("f", false, false, "she")),
			reflexive(pronouns("f", false, false, "herself", "hers")),
			pronouns("f", true, false, "her"),
			nominative(pronouns("x", false, false, "they")),
			pronouns("x", false, false, "them"),
			reflexive(pronouns("x", false, false, "themself")),
			pronouns("x", true, false, "their"),
		),
		ClauseWords:  set("but", "yet"),
		Conjunctions: set("and", "or"),
		Prepositions: set("with", "to", "from", "by", "at", "for", "of", "about", "on", "in", "into", "after", "before", "without", "towards", "toward", "against", "behind", "beside", "between", "near", "like", "than", "upon", "among", "through", "under", "over"),
		Articles:     set("the", "a", "an", "his", "her", "their"),
		NotNouns:     set("the", "a", "an", "to", "and", "that", "in", "on", "at", "for", "with", "from", "by", "of", "as", "so", "if", "but", "or", "again", "very", "too", "up", "down", "out", "off", "away", "back", "now", "then", "when", "what", "how", "why", "not", "into", "about", "all", "this", "it", "his", "my", "your", "our", "their", "would", "could", "should", "was", "is", "had", "has", "be", "been", "once", "there", "here", "over", "under", "through", "before", "after", "herself", "himself", "nothing", "something", "everything", "some", "any", "no", "more", "most", "much", "well", "still", "yet", "just", "only", "even", "ever", "never", "always"),
		Kinship: merge(
			kin("parent", "m", "father"),
			kin("parent", "f", "mother"),
			kin("child", "m", "son"),
			kin("child", "f", "daughter"),
			kin("sibling", "m", "brother"),
			kin("sibling", "f", "sister"),
			kin("partner", "m", "husband"),
			kin("partner", "f", "wife"),
			kin("friend", "", "friend"),
			kin("colleague", "", "colleague"),
		),
		rules: rulesEN,
	}
)

// Language returns the pack of a language tag ("de", "en", "de-AT",
// "en_GB", case-insensitive), or nil when relgraph has none.
func Language(tag string) *Pack {
	switch roster.LangCode(tag) {
	case "de":
		return packDE
	case "en":
		return packEN
	}
	return nil
}

// detectSample is how much of a text DetectLanguage reads, in bytes.
const detectSample = 64 << 10

// Function words counted by DetectLanguage: frequent, short and not words
// of the other language.
var (
	detectDE = set("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "sich", "mit", "auf", "dem", "den", "zu", "ich", "sie", "er", "es", "von", "im")
	detectEN = set("the", "and", "of", "to", "is", "was", "not", "a", "his", "her", "with", "that", "it", "he", "she", "you", "in", "had", "be", "for")
)

// DetectLanguage guesses whether text is German or English: it counts the
// lower-case occurrences of 20 frequent function words of each language
// (detectDE, detectEN) in the first 64 KiB and returns the language with
// more; "de" on a tie (also for a text with none), as relgraph's first
// material is German.
func DetectLanguage(text string) string {
	if len(text) > detectSample {
		text = text[:detectSample]
	}
	de, en := 0, 0
	wordStarts(text, func(p, q int) int {
		w := text[p:q]
		if detectDE[w] {
			de++
		}
		if detectEN[w] {
			en++
		}
		return q
	})
	if en > de {
		return "en"
	}
	return "de"
}

// langOf returns the pack chosen by Options.Lang, else the roster's lang,
// else by DetectLanguage, and the rule that chose it.
func langOf(optLang, rosterLang, text string) (*Pack, string, bool) {
	for _, l := range []string{optLang, rosterLang} {
		if l != "" {
			p := Language(l)
			return p, l, p != nil
		}
	}
	if strings.TrimSpace(text) == "" {
		return packDE, "de", true
	}
	return Language(DetectLanguage(text)), "", true
}
