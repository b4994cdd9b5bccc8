// Package extract provides the extraction of a character network from a
// narrative text: text → sentence units → name mentions → co-occurrence
// interactions → *graph.Graph.
//
// Extract is the whole pipeline; Sentences and FindMentions are its two
// stages, exported so that callers and tests can look at each.
//
// # Text
//
// The text must be valid UTF-8 (Extract reports the byte offset, line and
// column of the first invalid byte). It is normalised to Unicode NFC
// (golang.org/x/text/unicode/norm) before anything else, so "Ju\u0308rgen"
// and "Jürgen" are the same name; every offset Extract and FindMentions
// report refers to the NFC text, which is also the text of the evidence.
//
// # Sentence units
//
// Sentences splits a text into sentence units (the interaction unit of
// Extract, numbered from 1 in text order):
//
//   - A line break (\n, \r, \r\n, \v, \f, U+0085, U+2028, U+2029) always ends a
//     unit: a sentence never spans lines. Each line of a synopsis is a
//     paragraph. (Hard-wrapped texts such as Project Gutenberg books therefore
//     give one unit per line or shorter.)
//   - Inside a line a unit ends after a run of terminal marks (. ! ? …, e.g.
//     "?!" or "...") and any closing quotes or brackets (” “ ’ ‘ " ' » « › ‹ ) ]
//     }), when whitespace follows and then an uppercase letter, a digit or an
//     opening quote or bracket („ “ ” " ‚ ‘ ' » « › ‹ ( [ { ¿ ¡). A terminal
//     followed directly by a letter or digit ("3.5.2024", "z.B.Lukas") or by
//     a lowercase word ("„Hilfe!“ rief er", "am 3. mai") never ends a unit.
//   - No unit ends at a single "." after an abbreviation of the language's
//     list (compared case-insensitively, spaces removed): German Dr., Prof.,
//     Hr., Hrn., Fr., St., Nr., z. B., u. a., d. h., bzw., ca., evtl., ggf.,
//     vgl., sog., inkl., Mio., … and English Mr., Mrs., Ms., Dr., Prof.,
//     St., Jr., Sr., Capt., Rev., e.g., i.e., cf., vs., … (abbrevDE and
//     abbrevEN in sentences.go). Titles and these abbreviations never end a
//     sentence. The exceptions are "usw.", "usf." and "etc.": they often
//     close a sentence, so after them the ordinary rule applies ("…, Ärzte
//     usw. Dann kam Lukas." is two units; "usw. waren da" is one).
//   - No unit ends at a single "." after a single letter or dotted letters
//     (initials and short forms: "A. Müller", "z. B.", "u.a.", "U.S."), so
//     "Vitamin C. Danach …" is not split either.
//   - No unit ends at a single "." after an ordinal: a number of one to
//     three digits, or a day.month date such as "3.5", when the next word is
//     a month name ("am 3. Mai", "3. Okt.") or, in German, when the word
//     before the number is an article or a contracted preposition (am, im,
//     vom, zum, zur, beim, der, die, das, den, dem, des: "im 19. Jahrhundert",
//     "der 2. Weltkrieg"). Any other number ends the sentence when a
//     capitalised word follows: "Das Zimmer war Nr. 3. Danach …", "seit
//     2020. Dann …" and a full date "am 3.5.2024. Danach …" are split.
//   - Extract, which knows the mentions, never ends a unit inside a name
//     mention (a roster form such as "Yahoo! Inc" would otherwise be cut).
//
// Units are trimmed of surrounding whitespace (and U+FEFF, U+200B); empty
// units are dropped.
//
// # Mentions
//
// FindMentions finds the roster's forms (roster.Roster.Forms: names,
// aliases and title+alias, with ambiguous forms already removed by the
// roster) in the text:
//
//   - Matching is case-sensitive: names are capitalised in German and
//     English, and German common nouns being capitalised too is the roster's
//     business (a form that is also a common noun, such as "Winter", will
//     match the noun).
//   - Whole words only: the character before a mention and the character
//     after it must not be a letter, digit or combining mark. "Lukasz",
//     "Kathrina" and "Achimsen" name nobody.
//   - A hyphen is a word boundary: "Kathrin-Sorge" and "Lukas-Fan" mention
//     Kathrin and Lukas. A double name is matched whole only when it is a
//     form of the roster.
//   - Between two words of a form, a run of whitespace matches any run of
//     spaces, tabs or no-break spaces of the text ("Dr.\u00a0Kreutzer",
//     "Dr.  Kreutzer"), but never a line break; other characters must be
//     there as the form has them ("Dr.Kreutzer" is not "Dr. Kreutzer").
//   - Longest match first, non-overlapping, left to right: at each word
//     start the longest form that matches is taken and the scan resumes
//     after it, so "Dr. Achim Kreutzer" is one mention, not three.
//   - Possessives (lang "de"): a form + "s" is the genitive ("Kathrins",
//     "Achims", "Dr. Kreutzers"); the mention covers the name and the "s".
//     Forms ending in s, ß, x or z take no "s"; their genitive is written
//     with an apostrophe ("Lukas’", "Lukas'"), which is not a letter and
//     so already ends the word: the mention is "Lukas", without the
//     apostrophe. (English lang "en"): "Darcy's" / "Darcy’s" is matched as
//     "Darcy" (the apostrophe ends the word) and the plural possessive
//     "Bennets'" / "Bennets’" as "Bennets" (name + "s", apostrophe
//     excluded); a bare name + "s" is not a mention in English.
//     So the text of a mention is always a form, or a form + "s".
//   - The roster's Exclude phrases (e.g. the series title "In aller
//     Freundschaft") are found first, as whole words and case-sensitively;
//     no mention may overlap one.
//
// Matching is linear in the text and does not grow with the number of
// forms: the forms are kept in a trie whose steps are words (and the
// separators between them), the text is scanned once, and at each word start
// one map look-up per word of the longest form that could match there is
// made — one for the many words that begin no form, and no more for the
// hundreds of forms that may share a title such as "Mr.".
//
// # Graph
//
// Each unit adds 1 to the weight of every pair of distinct characters it
// mentions (a character named twice in a unit adds nothing more; there are
// no self-loops). Nodes are the characters that are mentioned at least once,
// with Mentions = the number of their mentions in the whole text, the
// roster Name, and the roster attributes plus "gender" (deep copies, never
// shared with the roster). Edges have Source < Target by id, the roster's
// relation label, every unit in ascending order, and evidence for the first
// MaxEvidence units: the unit's text and the spans of the two characters'
// mentions in it, in Unicode code points of that text, in text order.
package extract
