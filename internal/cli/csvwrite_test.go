package cli

import (
	"bytes"
	"encoding/csv"
	"math"
	"strings"
	"testing"
)

// csvReference is what encoding/csv's Writer writes for records: the
// output appendCSVRecord must reproduce byte for byte.
func csvReference(t testing.TB, records ...[]string) []byte {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	if err := cw.WriteAll(records); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestAppendCSVRecord(t *testing.T) {
	// Fields that exercise every rule of encoding/csv's fieldNeedsQuotes
	// and its quoting loop (Go's encoding/csv/writer.go).
	for _, rec := range [][]string{
		{"rank", "id", "name", "pagerank"},
		{"1", "kathrin", "Dr. Kathrin Globisch", "0.125"},
		{""},
		{"", ""},
		{`\.`},
		{`\.x`, `x\.`},
		{"a,b", `say "hi"`, "two\nlines", "cr\rhere", "crlf\r\nend"},
		{" lead", "\tlead", "\u00a0nbsp", "\u3000ideographic", "trail "},
		{`"`, `""`, `a"b"c`},
		{"Ünïcödé", "名前", "😀"},
		{"\xff\xfe invalid utf-8"},
	} {
		got := appendCSVRecord(nil, rec)
		if want := csvReference(t, rec); !bytes.Equal(got, want) {
			t.Errorf("appendCSVRecord(%q) = %q, encoding/csv writes %q", rec, got, want)
		}
	}
}

func FuzzAppendCSVRecord(f *testing.F) {
	for _, s := range []string{"", "a", `\.`, " x", "a,b", `q"q`, "l\nl", "c\rc", "\u2028"} {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		rec := []string{a, b}
		if got, want := appendCSVRecord(nil, rec), csvReference(t, rec); !bytes.Equal(got, want) {
			t.Errorf("appendCSVRecord(%q) = %q, encoding/csv writes %q", rec, got, want)
		}
	})
}

func TestTableWriteCSV(t *testing.T) {
	tb := &table{header: []string{"id", "name", "value"}}
	tb.add("a", "Anna, the elder", "1")
	tb.add("b", `"Bo"`, "")
	tb.add("c", " C", "2.5")
	var got bytes.Buffer
	if err := tb.writeCSV(&got); err != nil {
		t.Fatal(err)
	}
	want := csvReference(t, append([][]string{tb.header}, tb.rows...)...)
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("writeCSV = %q, encoding/csv writes %q", got.Bytes(), want)
	}
}

func TestAppendExact(t *testing.T) {
	// exact's contract: strconv's shortest 'g' form, empty for NaN and ±Inf.
	for _, c := range []struct {
		v    float64
		want string
	}{
		{0, "0"}, {1, "1"}, {0.1, "0.1"}, {1.0 / 3, "0.3333333333333333"}, {1e-7, "1e-07"},
		{2.5e21, "2.5e+21"}, {-0.25, "-0.25"}, {math.NaN(), ""}, {math.Inf(1), ""}, {math.Inf(-1), ""},
	} {
		if got := string(appendExact([]byte("x,"), c.v)); got != "x,"+c.want {
			t.Errorf("appendExact(%v) = %q, want %q", c.v, strings.TrimPrefix(got, "x,"), c.want)
		}
	}
}
