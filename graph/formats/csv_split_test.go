package formats

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// encodingCSV is what csvRecords does with encoding/csv (its slow path):
// the reference splitPlainCSV must agree with.
func encodingCSV(data []byte, comma rune) ([][]string, []int, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var recs [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return recs, lines, nil
		}
		if err != nil {
			return nil, nil, err
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		recs = append(recs, rec)
		lines = append(lines, line)
	}
}

// checkSplit compares splitPlainCSV with encoding/csv on data.
func checkSplit(t *testing.T, data []byte, comma rune) {
	t.Helper()
	recs, lines, ok := splitPlainCSV(data, comma)
	if !ok {
		if !bytes.ContainsRune(data, '"') && comma != '\t' && comma != ' ' && comma != utf8.RuneError {
			t.Errorf("%q: fast path refused", data)
		}
		return
	}
	wantRecs, wantLines, err := encodingCSV(data, comma)
	if err != nil {
		t.Fatalf("%q: encoding/csv: %v, fast path accepted it", data, err)
	}
	if len(recs) == 0 && len(wantRecs) == 0 {
		return
	}
	if !reflect.DeepEqual(recs, wantRecs) || !reflect.DeepEqual(lines, wantLines) {
		t.Errorf("%q (comma %q):\nfast     %q %v\nencoding %q %v", data, comma, recs, lines, wantRecs, wantLines)
	}
}

func TestSplitPlainCSV(t *testing.T) {
	for _, c := range []struct {
		data  string
		comma rune
	}{
		{"source,target,weight\na,b,1\nb,c,2\n", ','},
		{"source,target,weight\na,b,1\nb,c,2", ','}, // no final newline
		{"s,t\n\n\na,b\n\n", ','},                   // empty lines keep the numbering
		{"s,t\n   \n\t\na,b\n", ','},                // blank lines are skipped
		{"s, t\n  a ,  b  \n", ','},                 // leading space cut, trailing kept
		{"s,t\na,,b\n,\n,,\n", ','},                 // empty fields
		{"s,t\na,\u00a0b\n", ','},                   // Unicode space
		{"s;t;w\na;b;1\n", ';'},
		{"s|t\na|b|c|d\n", '|'},
		{"s,t\na,b,\n", ','},
		{"s,t\na, \n", ','},
		{"s,t\nä,ö\n", ','},
		{"", ','},
		{"\n\n", ','},
		{"s\tt\na\t\tb\n", '\t'}, // refused: tab is a space
		{"s,t\n\"a\",b\n", ','},  // refused: quotes
	} {
		checkSplit(t, []byte(c.data), c.comma)
	}
}

// FuzzSplitPlainCSV checks splitPlainCSV against encoding/csv on arbitrary
// UTF-8 text with LF line ends (what csvRecords passes it).
func FuzzSplitPlainCSV(f *testing.F) {
	for _, s := range []string{"source,target,weight\na,b,1\n", "s;t\n x; y\n\n", "a,,b\n ,\n", "a|b\n"} {
		f.Add(s, uint8(0))
	}
	commas := []rune{',', ';', '|'}
	f.Fuzz(func(t *testing.T, s string, c uint8) {
		data := normalizeNewlines([]byte(s))
		if !utf8.Valid(data) {
			return
		}
		checkSplit(t, data, commas[int(c)%len(commas)])
	})
}

// TestReadCSVDeferredPairs checks that ReadCSV (which splits plain files
// itself and first reads without the map of node pairs, see readCSVEdges)
// gives the same graph, warnings and error as reading encoding/csv's
// records line by line with the map, on files with and without repeated
// pairs, self-loops, bad rows and a Type column.
func TestReadCSVDeferredPairs(t *testing.T) {
	for _, data := range []string{
		"source,target,weight\na,b,1\nb,c,2\nc,a,3\n",
		"source,target,weight\na,b,1\nb,a,2\n",                        // repeated pair, other order
		"source,target,weight\na,b,1\nc,d,1\na,b,4\n",                 // repeated pair
		"source,target,weight\na,a,1\na,b,1\n",                        // self-loop
		"source,target,weight\na,b,1\nb,c,x\n",                        // bad weight
		"source,target,weight\na,b,1e12\nb,a,1\n",                     // summed weight too large
		"source,target,weight\na,b,1\na,b,1e12\nc,d,zz\n",             // overflow before a bad row
		"source,target,weight\na,b,1\nc,d,zz\na,b,1e12\n",             // bad row before an overflow
		"Source,Target,Type,Weight\na,b,Directed,1\nb,a,Directed,2\n", // directed: two edges
		"Source,Target,Type,Weight\na,b,Directed,1\nb,a,Undirected,2\n",
		"source,target\n\"a\",b\nb,\"a\"\n", // quoted: encoding/csv
		"Source,Target,Type\n\na,b,Directed\n\n  \nb,c,Directed\n",
		"source,target\na,b\nshort\n",
		"source;target;weight\na;b;2\nb; c;3.5\n",
	} {
		b := []byte(data)
		got, gotWarns, gotErr := ReadCSV("x.csv", b, ReadOptions{})
		layout, err := csvHeader(firstLine(b))
		if err != nil {
			t.Fatal(err)
		}
		// The reference: encoding/csv's records, read line by line with
		// the map of pairs.
		recs, lines, err := encodingCSV(normalizeNewlines(b), layout.comma)
		if err != nil {
			t.Fatal(err)
		}
		ref := &csvTable{recs: recs, lines: lines, size: len(recs)}
		want, wantWarns, wantErr := readCSVEdges("x.csv", ref, layout, ReadOptions{}, false)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) || !reflect.DeepEqual(gotWarns, wantWarns) {
			t.Errorf("%q:\ngot  %+v %q %v\nwant %+v %q %v", data, got, gotWarns, gotErr, want, wantWarns, wantErr)
		}
		if got != nil {
			if err := got.Validate(); err != nil {
				t.Errorf("%q: the graph read fails Validate: %v", data, err)
			}
		}
	}
}
