package extract_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/relgraph/relgraph/graph/extract"
)

// sentenceTexts returns the texts of the units of text.
func sentenceTexts(text, lang string) []string {
	var out []string
	for _, s := range extract.Sentences(text, lang) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	// Each case names the rule of the package documentation it checks.
	tests := []struct {
		name string
		lang string
		text string
		want []string
	}{
		// Plain terminal marks.
		{"period", "de", "Lukas kommt. Er lacht.", []string{"Lukas kommt.", "Er lacht."}},
		{"question and exclamation", "de", "Wo ist er? Lukas sucht ihn! Kathrin hilft.",
			[]string{"Wo ist er?", "Lukas sucht ihn!", "Kathrin hilft."}},
		{"runs of marks", "de", "Was?! Wirklich?", []string{"Was?!", "Wirklich?"}},
		{"ellipsis character", "de", "Er wartete … Dann kam Lukas.", []string{"Er wartete …", "Dann kam Lukas."}},
		{"three periods", "de", "Er wartete... Dann kam Lukas.", []string{"Er wartete...", "Dann kam Lukas."}},
		{"lowercase after period: no sentence start", "de", "Er kam an. dann ging er.", []string{"Er kam an. dann ging er."}},
		{"no space after period", "de", "Siehe www.example.org. Dann kam er.", []string{"Siehe www.example.org.", "Dann kam er."}},
		{"digit starts the next sentence", "de", "Das Jahr war vorbei. 2024 begann.", []string{"Das Jahr war vorbei.", "2024 begann."}},
		{"closing bracket", "de", "(Siehe oben.) Dann kam er.", []string{"(Siehe oben.)", "Dann kam er."}},

		// Quotes: „…“ and »…«; the closing quote stays with its sentence.
		{"German quotes", "de", "„Wo ist mein Vater?“ Lukas weint. „Hilfe!“, rief er.",
			[]string{"„Wo ist mein Vater?“", "Lukas weint.", "„Hilfe!“, rief er."}},
		{"opening quote starts a sentence", "de", "Er ging. „Komm zurück!“ rief Kathrin.",
			[]string{"Er ging.", "„Komm zurück!“ rief Kathrin."}},
		{"quote inside a sentence", "de", "Er sagte: „Komm.“ Dann ging er.", []string{"Er sagte: „Komm.“", "Dann ging er."}},
		{"guillemets", "de", "»Wer ist da?« Lukas öffnet.", []string{"»Wer ist da?«", "Lukas öffnet."}},

		// Abbreviations: titles and mid-sentence abbreviations never end a sentence.
		{"Dr. before a name", "de", "Dr. Achim Kreutzer kommt. Er lacht.", []string{"Dr. Achim Kreutzer kommt.", "Er lacht."}},
		{"Prof. Dr., Hr., Fr.", "de", "Prof. Dr. Berg operiert. Hr. Meier und Fr. Schulz warten.",
			[]string{"Prof. Dr. Berg operiert.", "Hr. Meier und Fr. Schulz warten."}},
		{"Hrn. and St.", "de", "Er sprach mit Hrn. Berg in St. Georg. Dort ist es ruhig.",
			[]string{"Er sprach mit Hrn. Berg in St. Georg.", "Dort ist es ruhig."}},
		{"z. B. before a capitalised word", "de", "Es gibt Fälle, z. B. Lukas und Kathrin. Dann ging er.",
			[]string{"Es gibt Fälle, z. B. Lukas und Kathrin.", "Dann ging er."}},
		{"z.B. without space", "de", "Es gibt Fälle, z.B. Lukas. Dann ging er.",
			[]string{"Es gibt Fälle, z.B. Lukas.", "Dann ging er."}},
		{"u. a.", "de", "Die Ärzte, u. a. Kathrin, kommen.", []string{"Die Ärzte, u. a. Kathrin, kommen."}},
		{"d. h.", "de", "Das Ergebnis kam, d. h. Kathrin war erleichtert.", []string{"Das Ergebnis kam, d. h. Kathrin war erleichtert."}},
		{"bzw., ca., evtl., ggf., vgl.", "de", "Kathrin bzw. Lukas bringen ca. 30 Gäste, evtl. Achim, ggf. Friedrich. Vgl. Kapitel 3 und Anhang B.",
			[]string{"Kathrin bzw. Lukas bringen ca. 30 Gäste, evtl. Achim, ggf. Friedrich.", "Vgl. Kapitel 3 und Anhang B."}},
		{"Nr. before a number", "de", "Zimmer Nr. 5 ist frei.", []string{"Zimmer Nr. 5 ist frei."}},
		{"usw. may end a sentence", "de", "Er kaufte Äpfel, Birnen usw. Dann ging er.", []string{"Er kaufte Äpfel, Birnen usw.", "Dann ging er."}},
		{"usw. before a lowercase word", "de", "Äpfel, Birnen usw. waren teuer.", []string{"Äpfel, Birnen usw. waren teuer."}},
		{"etc. may end a sentence", "de", "Äpfel etc. Dann ging er.", []string{"Äpfel etc.", "Dann ging er."}},

		// Initials and single letters.
		{"initials", "de", "A. Müller kam. B. Schmidt ging.", []string{"A. Müller kam.", "B. Schmidt ging."}},
		{"single letter (documented trade-off)", "de", "Er nahm Vitamin C. Danach schlief er.", []string{"Er nahm Vitamin C. Danach schlief er."}},

		// Numbers.
		{"am 3. Mai", "de", "Am 3. Mai kam Lukas. Er blieb.", []string{"Am 3. Mai kam Lukas.", "Er blieb."}},
		{"3. Okt. (abbreviated month)", "de", "Bis 3. Okt. bleibt er.", []string{"Bis 3. Okt. bleibt er."}},
		{"im 19. Jahrhundert (ordinal after im)", "de", "Im 19. Jahrhundert lebte er.", []string{"Im 19. Jahrhundert lebte er."}},
		{"der 2. Klasse (ordinal after der)", "de", "Er ist in der 2. Klasse.", []string{"Er ist in der 2. Klasse."}},
		{"number then capitalised non-month: sentence end", "de", "Er zählte bis 3. Danach ging er.", []string{"Er zählte bis 3.", "Danach ging er."}},
		{"Nr. 3 at a sentence end", "de", "Siehe Nr. 3. Danach kam Lukas.", []string{"Siehe Nr. 3.", "Danach kam Lukas."}},
		{"a year is not an ordinal", "de", "Er lebt dort seit 2020. Dann zog er um.", []string{"Er lebt dort seit 2020.", "Dann zog er um."}},
		{"full date inside a sentence", "de", "Am 3.5.2024 kam er. Dann ging er.", []string{"Am 3.5.2024 kam er.", "Dann ging er."}},
		{"full date at a sentence end", "de", "Das war am 3.5.2024. Danach kam Lukas.", []string{"Das war am 3.5.2024.", "Danach kam Lukas."}},
		{"decimal number", "de", "Es waren 3.5 Tage. Dann kam er.", []string{"Es waren 3.5 Tage.", "Dann kam er."}},

		// Lines.
		{"newline ends a unit", "de", "Kathrin kommt\nLukas geht", []string{"Kathrin kommt", "Lukas geht"}},
		{"newline after Dr. still ends the unit", "de", "Dr.\nKreutzer", []string{"Dr.", "Kreutzer"}},
		{"CRLF and blank lines, trimmed", "de", "A kam.\r\n\r\n  B ging.  ", []string{"A kam.", "B ging."}},
		{"CR alone", "de", "Eins\rZwei", []string{"Eins", "Zwei"}},
		{"Unicode line and paragraph separators", "de", "Eins\u2028Zwei\u2029Drei\u0085Vier", []string{"Eins", "Zwei", "Drei", "Vier"}},
		{"empty", "de", "", nil},
		{"whitespace only", "de", "  \n\t\n ", nil},
		{"byte order mark trimmed", "de", "\uFEFFLukas kam.", []string{"Lukas kam."}},
		{"no-break space after period", "de", "Er kam.\u00a0Dann ging er.", []string{"Er kam.", "Dann ging er."}},

		// English.
		{"en: Mr. and Mrs.", "en", "Mr. Darcy arrived. Mrs. Bennet was pleased.", []string{"Mr. Darcy arrived.", "Mrs. Bennet was pleased."}},
		{"en: Dr., Ms., St.", "en", "Dr. Watson and Ms. Hudson met St. John. They left.",
			[]string{"Dr. Watson and Ms. Hudson met St. John.", "They left."}},
		{"en: e.g. and i.e.", "en", "It was big, e.g. London. Her sister, i.e. Jane, smiled.",
			[]string{"It was big, e.g. London.", "Her sister, i.e. Jane, smiled."}},
		{"en: etc. may end a sentence", "en", "He bought apples, pears, etc. Then he left.", []string{"He bought apples, pears, etc.", "Then he left."}},
		{"en: curly quotes", "en", "“Are you sure?” Elizabeth asked. “Yes!” said Jane.",
			[]string{"“Are you sure?”", "Elizabeth asked.", "“Yes!” said Jane."}},
		{"en: initials", "en", "J. R. R. Tolkien wrote it.", []string{"J. R. R. Tolkien wrote it."}},
		{"en: a number ends a sentence (no German ordinal rule)", "en", "See chapter 3. It begins.", []string{"See chapter 3.", "It begins."}},
		{"en: German abbreviation not in the English list", "en", "He met Hr. Berg.", []string{"He met Hr.", "Berg."}},
		{"en-GB is English", "en-GB", "Mr. Darcy arrived.", []string{"Mr. Darcy arrived."}},
		{"de-AT is German", "de-AT", "Er kam am 3. Mai.", []string{"Er kam am 3. Mai."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := sentenceTexts(tc.text, tc.lang)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("Sentences(%q, %q)\n got %q\nwant %q", tc.text, tc.lang, got, tc.want)
			}
		})
	}
}

// checkSentences checks the invariants of Sentences' result for any text:
// ordered, disjoint, non-empty, trimmed spans without line breaks.
func checkSentences(t *testing.T, text string, spans []extract.Span) {
	t.Helper()
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %d %v out of order or empty (previous end %d, len %d)", i, s, prev, len(text))
		}
		u := text[s.Start:s.End]
		r, _ := utf8.DecodeRuneInString(u)
		l, _ := utf8.DecodeLastRuneInString(u)
		if unicode.IsSpace(r) || unicode.IsSpace(l) {
			t.Fatalf("span %d %q is not trimmed", i, u)
		}
		if strings.ContainsAny(u, "\n\r\v\f\u0085\u2028\u2029") {
			t.Fatalf("span %d %q spans a line break", i, u)
		}
		prev = s.End
	}
}
