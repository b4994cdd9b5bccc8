// Package extract provides the extraction of a character network from a
// narrative text: text → units → name mentions (and, on request, mentions
// resolved by coreference) → co-occurrence interactions → *graph.Graph;
// the co-presence network of a DraCor TEI play (ExtractTEI); and the
// evaluation of an extracted network against a gold one (Evaluate).
//
// Extract is the whole pipeline; Sentences, Paragraphs, Scenes,
// FindMentions and AllMentions are its stages, exported so that callers
// and tests can look at each.
//
// # Text
//
// The text must be valid UTF-8 (Extract reports the byte offset, line and
// column of the first invalid byte). It is normalised to Unicode NFC
// (golang.org/x/text/unicode/norm) before anything else, so "Ju\u0308rgen"
// and "Jürgen" are the same name; every offset Extract and FindMentions
// report refers to the NFC text, which is also the text of the evidence.
//
// A leading byte order mark is dropped and CRLF line ends are line breaks
// like LF: both are handled silently.
//
// # Languages
//
// Options.Lang ("de" or "en") chooses the language pack (Pack, Language):
// abbreviations and month names for sentence splitting, the possessive
// rules of name matching, quotation marks („…“ »…« «…» "…" '…' in German,
// “…” ‘…’ "…" '…' in English), and the pronoun and kinship tables of
// coreference. When Lang is empty the roster's lang is used, and when that
// is empty too DetectLanguage decides: it counts 20 frequent function
// words of each language ("der", "und", "nicht", … / "the", "and", "of",
// …) in the first 64 KiB of the text and takes the language with more,
// German on a tie.
//
// # Units
//
// Options.Unit chooses the interaction unit; Episode.Unit of the graph
// names it ("sentence", "window:15", "paragraph", "scene", "tei") and
// Episode.Units counts the units of the text (tokens for a window). Units
// are numbered from 1 in text order.
//
//   - sentence (the default): the sentence units below.
//   - paragraph: a paragraph ends at a blank line (a line of only
//     whitespace). A text that has no blank line between two lines of text,
//     such as the seed synopses, has one paragraph per line (Paragraphs).
//     Hard-wrapped Project Gutenberg texts therefore get true paragraphs.
//   - scene: a scene begins at a heading line (IsSceneHeading): a Markdown
//     heading "#" to "######" (as ezlinavis reads scenes), or a line of at
//     most 80 bytes opening with a scene or act word and a number ("Szene
//     3", "Scene 3", "Akt II", "Auftritt 2"), a number and such a word ("3.
//     Szene"), a German ordinal and such a word ("Erster Auftritt", "Zweite
//     Szene"), or a screenplay slugline ("INT.", "EXT."). A heading right
//     after another (blank lines between) opens no new scene ("Erster Akt"
//     then "Erste Szene"). The text before the first heading is a scene when
//     it is not blank (Sections, Scenes). In a scene that has speaker
//     labels — a name at the start of a line followed by "." or ":" and
//     whitespace, by a parenthesis, or by the end of the line ("EMILIA.",
//     "Der Prinz. Wo …", "Anna: Komm!") — only the labels count: in a
//     printed play, being a speaker of a scene is being present in it, so
//     a character only talked about is not on stage. A scene without labels
//     counts every mention.
//   - window:N: one interaction for every pair of mentions of two different
//     characters at most N tokens apart. Tokens are runs of letters, digits
//     and combining marks ("z. B." is two, "Dr. Achim Kreutzer" three); the
//     distance of two mentions is the index of the later one's first token
//     minus that of the earlier one's last token (adjacent names are 1
//     apart). Windows cross sentence and line ends. Each pair of mentions is
//     looked at once, as (earlier, later), so it counts once however many
//     sliding windows contain both: this is the Network-of-Thrones rule
//     (N = 15) without its double counting. The unit of an interaction is
//     the 1-based number of the later mention's first token, so an edge's
//     Units may repeat a number (Lukas 44 with Hannah 33 and with Hannah 39
//     in e02 are two interactions at token 45); its evidence text runs from
//     the earlier mention to the later one.
//   - tei: not a unit of plain text; see ExtractTEI.
//
// Sections splits a text at chapter headings (IsChapterHeading: "Chapter
// I.", "CHAPTER XII.", "Kapitel 3", "Erstes Kapitel", "# …") or scene
// headings, for one graph per chapter or scene (relgraph extract --split).
//
// # Sentence units
//
// Sentences splits a text into sentence units:
//
//   - A line break (\n, \r, \r\n, \v, \f, U+0085, U+2028, U+2029) always ends a
//     unit: a sentence never spans lines. Each line of a synopsis is a
//     paragraph. Extract first joins hard-wrapped lines (UnwrapLines): in a
//     text whose paragraphs are separated by blank lines, such as a Project
//     Gutenberg book, a single line break is a soft wrap and becomes a space,
//     so sentences and names ("Mr.⏎Darcy") that run over a wrap stay whole.
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
// forms: an Aho–Corasick automaton (github.com/coregx/ahocorasick) over
// the forms' first words finds every place where one occurs — searching
// only the text's candidate words (those whose first two bytes may begin
// a first word) when every first word begins with an ASCII capital or a
// multi-byte letter, as names do, and every byte otherwise; at those that
// are word starts the forms are read on
// through a trie whose steps are words (and the separators between them),
// one map look-up per word of the longest form that could match there, no
// more for the hundreds of forms that may share a title such as "Mr.".
//
// Roster descriptors ("der Junge") are never matched as names; coreference
// uses them (roles).
//
// # Coreference
//
// Options.Coref (AllMentions shows the result) adds mentions found by
// rule-based coreference, marked Resolved ("pronoun" or "role"; in the
// evidence {"span": [s, e], "resolved": …}); the default, none, adds none.
//
//   - pronouns: a personal or possessive pronoun of the language pack (de:
//     er, ihn, ihm, sein…, sie, ihr…; en: he, him, his, himself, she, her,
//     hers, herself, and they, them, their for a character of gender "x")
//     refers to the most recent character of its gender, looking back
//     through the mentions of its sentence, then of the previous sentence
//     (names and earlier resolved mentions alike). Three refinements, each
//     from a classic of the field, read on the surface without a parser.
//     (1) A personal pronoun that opens its sentence ("Er geht …")
//     continues the first character of its gender in the previous
//     sentence that can be its subject (not after a preposition, "mit
//     Friedrich"; not a genitive, "Kathrins Tochter") — the preferred
//     center of centering theory (Grosz, Joshi & Weinstein 1995) — not the
//     most recent one ("Lukas … sucht seinen Vater. Er geht …": Lukas). (2) A personal pronoun in the object case never refers to a
//     character of its own clause, since the text would then say "sich"
//     or "himself" (binding principle B): "Kathrins Sorge wächst, doch Dr.
//     Winter beruhigt sie": sie is Kathrin; in "Emil sagt Ben, dass er ihn
//     liebt" er and ihn differ. A clause is cut at "," ";" ":" a dash, a
//     word of Pack.ClauseWords ("aber", "doch", "but") or of
//     Pack.Conjunctions ("und", "and") unless it joins two names ("Lukas
//     und Achim"). English subject pronouns ("Elizabeth said she was
//     tired") and reflexives are exempt; German "er" and "sie" are not,
//     as German punctuation sets a comma before every subordinate clause.
//     (3) A possessive-looking word is read by what follows: German bare
//     "sein" before punctuation or after "zu" is the verb ("will ehrlich
//     sein."), bare "ihr" before punctuation and English "her" before
//     punctuation or a word of Pack.NotNouns ("told her the news") are
//     the object case; "ihr…" after a plural cue of its clause
//     (Pack.PluralCues: "beide", "Eltern", …) or two names joined by "und"
//     is the plural possessive and left alone. The gender is the roster's: a character without one is never the
//     referent. German "sie" and "ihr…" are otherwise read as feminine
//     singular (they are also plural); "es" is left out (mostly
//     expletive), plural "ihnen" is never resolved. A
//     capitalised pronoun counts only as the first word of a sentence or
//     after an opening quotation mark: elsewhere "Sie", "Ihr" are the
//     formal address. Pronouns inside a name are not read.
//
//   - roles: pronouns as above, plus kinship phrases and descriptors. A
//     possessive followed by a kinship noun of the pack ("seinen Vater",
//     "ihr Sohn", "her sister") resolves the possessive first, then the noun
//     through the roster relationships: Vater/Mutter, father/mother is the
//     possessor's parent of that gender (a "parent" relationship with the
//     possessor as target), Sohn/Tochter, son/daughter the child, Bruder/
//     Schwester the sibling, Mann/Frau, husband/wife the partner, Exmann/
//     Exfrau the ex-partner, Freund/Freundin the friend, Kollege/Kollegin
//     the colleague — when exactly one character fits; the noun is then a
//     "role" mention and the possessive a "pronoun" one. The possessor is
//     the most recent character of the possessive's gender for whom the
//     roster names such kin ("Ben trifft Dora und Anna. Ihr Bruder …": Dora,
//     Ben's sister, not Anna). A genitive name before a kinship noun
//     ("Kathrins Sohn", "Lukas’ Mutter", "Elizabeth's father") resolves the
//     noun the same way. Otherwise, and for
//     any other phrase, a roster descriptor of a character ("der Junge",
//     "des Jungen"; also with a capital first letter at a sentence start)
//     makes a "role" mention of it, longest first.
//
// Resolution is by recency, gender and sentence position only, with no parser: the seed
// tests spell out, sentence by sentence, where it goes right and where a
// reader would disagree.
//
// # Graph
//
// Each unit adds 1 to the weight of every pair of distinct characters it
// mentions (a character named twice in a unit adds nothing more; there are
// no self-loops); a window adds 1 per pair of mentions. Nodes are the
// characters that are mentioned at least once, with Mentions = the number
// of their mentions in the whole text (resolved ones included), the
// roster Name, and the roster attributes plus "gender" (deep copies, never
// shared with the roster). Edges have Source < Target by id, the roster's
// relation label, every unit in ascending order, and evidence for the first
// MaxEvidence units: the unit's number and text and the spans of the two
// characters' mentions in it, in Unicode code points of that text, in text
// order. A unit longer than MaxEvidenceText (1,000 bytes: a long paragraph,
// a scene) is kept as an excerpt instead, so that a graph file does not
// hold a whole scene per edge: the closest pair of mentions of the two
// characters with up to 150 bytes on either side, cut at spaces; a long
// speech (speech layer) is cut after its first 1,000 bytes.
//
// # Speech layer
//
// With Options.Layer = LayerSpeech the graph is directed (Directed true,
// Episode.Unit "speech"): source speaks to or about target, and the units
// are the speeches, numbered from 1.
//
//   - In a printed play (the text has speaker labels, as for scene units)
//     a speech runs from its label to the next label or scene heading. Its
//     speaker is present in the scene, and each speech adds 1 to the edges
//     from its speaker to the other speakers of the scene (whom it
//     addresses) and to every character it names; a character only talked
//     about gets an edge, but is not on stage.
//   - Otherwise the text is prose, and its hard-wrapped lines are joined
//     first (UnwrapLines, as for the other layers), so that a name or an
//     attribution run over a wrap ("said Miss⏎Bingley") is read whole; a
//     play keeps its lines, since its labels open lines. Direct speech is
//     text in quotation marks of the language pack (German „…“ »…« «…»
//     "…", English “…” "…"; single quotes are left out: they double as
//     apostrophes) within one paragraph. It is
//     attributed to the first name among the six words after its closing
//     mark when a verb of saying is among them ("„…“, sagt Lukas", "“…,”
//     said Elizabeth", "“…,” Elizabeth said"), else to the last name before
//     a verb of saying among the six words before its opening mark ("Lukas
//     fragt: „…“"). Resolved pronouns count as names there (with Coref).
//     "zu" / "to" and a name right after the speaker's name or the verb
//     name the addressee ("sagt Achim zu Kathrin", "returned Darcy to
//     Jane", "Lukas sagt zu Kathrin: „…“"). A quotation attributed by the
//     words after it goes on in the next quotations of the paragraph
//     ("“Then I shall go,” cried Elizabeth, “and find Bingley.”"), one
//     speech, while the text between names no one else and the next
//     quotation is not followed by a verb of saying (an attribution of its
//     own). An unattributed quotation is no speech. Each speech adds 1 to
//     the edges from its speaker to every character it names and to its
//     explicit addressee, or, without one, to the speaker of the previous
//     speech when that lies at most two paragraphs back (a reply in a
//     dialogue addresses whom it answers).
//
// The evidence of a speech is its text (with the attribution) and the
// speaker's and the target's mentions; its line breaks are written "\n",
// so a CRLF text has the evidence of its LF twin.
//
// # TEI plays
//
// ExtractTEI reads a DraCor TEI play (encoding/xml) and builds the DraCor
// co-presence network: a unit is a <div> of the <body> with <sp>
// children, the characters of a unit are the who ids of those <sp> ("#a
// #b" is two speakers), and an edge's weight is the number of units in
// which both speak. <sp> without who (four in Büchner's Woyzeck, printed
// "[??].") speak for nobody and are reported as a warning. Without a
// roster the characters come from the particDesc. The four GerDraCor plays
// of ../shared/data give exactly their reference networks (tei_test.go).
//
// # Evaluation
//
// Evaluate scores an extracted graph against a gold one: precision,
// recall and F1 of edges by presence, Spearman and Pearson correlation of
// the weights on the union of both edge sets (a missing edge weighs 0),
// and node recall (see Scores).
//
// # Limits
//
// Extract holds the whole text in memory (as a string) while it is
// extracted; ExtractReader reads it in chunks and holds the graph, its
// evidence and one chunk (see there for the texts it must hold whole).
// Memory beyond that grows with the graph and the evidence kept (every
// edge lists all its units), not with the number of forms.
package extract
