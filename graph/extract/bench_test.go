package extract_test

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/roster"
)

// novelPath is Pride and Prejudice (Project Gutenberg #1342, 738 KB) in the
// shared data beside the repository.
const novelPath = "../../../shared/data/novels/pride-and-prejudice/1342-0.txt"

// prideRosterJSON is a small English roster of the novel's main characters.
// "Miss Bennet" is Jane, the eldest sister, as the novel uses it; "Miss
// Bingley" (Caroline) outmatches "Bingley" (Charles) by length.
const prideRosterJSON = `{
  "format": "relgraph/roster@1",
  "lang": "en",
  "characters": [
    {"id": "elizabeth", "name": "Elizabeth Bennet", "aliases": ["Elizabeth", "Lizzy", "Eliza", "Miss Elizabeth", "Miss Eliza", "Miss Elizabeth Bennet"]},
    {"id": "jane", "name": "Jane Bennet", "aliases": ["Jane", "Miss Bennet"]},
    {"id": "darcy", "name": "Fitzwilliam Darcy", "aliases": ["Darcy"], "titles": ["Mr."]},
    {"id": "bingley", "name": "Charles Bingley", "aliases": ["Bingley"], "titles": ["Mr."]},
    {"id": "caroline", "name": "Caroline Bingley", "aliases": ["Miss Bingley", "Caroline"]},
    {"id": "wickham", "name": "George Wickham", "aliases": ["Wickham"], "titles": ["Mr."]},
    {"id": "lydia", "name": "Lydia Bennet", "aliases": ["Lydia"]},
    {"id": "collins", "name": "William Collins", "aliases": ["Collins"], "titles": ["Mr."]},
    {"id": "charlotte", "name": "Charlotte Lucas", "aliases": ["Charlotte", "Miss Lucas"]},
    {"id": "catherine", "name": "Lady Catherine de Bourgh", "aliases": ["Lady Catherine"]},
    {"id": "mr_bennet", "name": "Mr. Bennet"},
    {"id": "mrs_bennet", "name": "Mrs. Bennet"}
  ],
  "relationships": [
    {"source": "elizabeth", "target": "jane", "type": "sibling", "label": "sisters"},
    {"source": "mr_bennet", "target": "elizabeth", "type": "parent"}
  ]
}`

func readNovel(b *testing.B) string {
	data, err := os.ReadFile(novelPath)
	if err != nil {
		b.Skipf("novel not available (%v): the benchmark needs ../shared beside the repository", err)
	}
	return string(data)
}

// BenchmarkExtract is the whole pipeline on the novel with a 12-character
// roster (53 forms).
func BenchmarkExtract(b *testing.B) {
	text := readNovel(b)
	r, _ := parseRoster(b, "pride", prideRosterJSON)
	benchExtract(b, text, r)
}

// BenchmarkExtractLargeRoster adds 500 generated characters (4,500 forms,
// a thousand of them behind the title "Mr.") to the novel's roster: the
// cost per byte should stay close to BenchmarkExtract's.
func BenchmarkExtractLargeRoster(b *testing.B) {
	text := readNovel(b)
	var pride struct {
		Characters []roster.Character `json:"characters"`
	}
	if err := json.Unmarshal([]byte(prideRosterJSON), &pride); err != nil {
		b.Fatal(err)
	}
	r := generatedRoster(b, 500, pride.Characters...)
	r.Lang = "en"
	benchExtract(b, text, r)
}

func benchExtract(b *testing.B, text string, r *roster.Roster) {
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		g, _, err := extract.Extract(text, extract.Options{Roster: r})
		if err != nil {
			b.Fatal(err)
		}
		if len(g.Edges) == 0 {
			b.Fatal("no edges")
		}
	}
	g, _, _ := extract.Extract(text, extract.Options{Roster: r})
	b.ReportMetric(float64(g.Episode.Units), "units")
	b.ReportMetric(float64(len(g.Edges)), "edges")
}

func BenchmarkSentences(b *testing.B) {
	text := readNovel(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		extract.Sentences(text, "en")
	}
}

func BenchmarkFindMentions(b *testing.B) {
	text := readNovel(b)
	r, _ := parseRoster(b, "pride", prideRosterJSON)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		extract.FindMentions(text, r)
	}
}

// Generated characters: c000 "Fi<abc> La<abc>" with aliases first and last
// name and titles Dr., Prof., Mr. (9 forms each); <abc> spells i in three
// syllables, so every name is distinct.
var syllables = []string{"ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "be", "da", "fe", "gu"}

func spell(i int) string {
	return syllables[i%12] + syllables[i/12%12] + syllables[i/144%12]
}
func first(i int) string { return "Fi" + spell(i) }
func last(i int) string  { return "La" + spell(i) }
func id(i int) string    { return fmt.Sprintf("c%03d", i) }

// generatedRoster returns a roster of n generated characters plus extra.
func generatedRoster(t testing.TB, n int, extra ...roster.Character) *roster.Roster {
	t.Helper()
	chars := extra
	for i := range n {
		chars = append(chars, roster.Character{
			ID: id(i), Name: first(i) + " " + last(i),
			Aliases: []string{first(i), last(i)},
			Titles:  []string{"Dr.", "Prof.", "Mr."},
		})
	}
	js, err := json.Marshal(roster.Roster{Format: roster.FormatID, Lang: "de", Characters: chars})
	if err != nil {
		t.Fatal(err)
	}
	r, _ := parseRoster(t, "generated", string(js))
	return r
}

// BenchmarkExtractUnits is the whole pipeline on the novel with its cast
// (testdata/pride-roster.json: 41 characters, 100 name forms) for each
// unit and coreference mode and the speech layer, in memory (Extract) and
// for some, streamed (ExtractReader, "-stream"). MB/s is bytes of the
// novel per second; MB/cpu-s per CPU second of the process.
func BenchmarkExtractUnits(b *testing.B) {
	text := readNovel(b)
	r, _, err := roster.Load("testdata/pride-roster.json")
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		unit   string
		coref  extract.Coref
		stream bool // ExtractReader from a strings.Reader
	}{
		{"sentence", "sentence", extract.CorefNone, false},
		{"paragraph", "paragraph", extract.CorefNone, false},
		{"scene", "scene", extract.CorefNone, false},
		{"window15", "window:15", extract.CorefNone, false},
		{"sentence-pronouns", "sentence", extract.CorefPronouns, false},
		{"sentence-roles", "sentence", extract.CorefRoles, false},
		{"paragraph-roles", "paragraph", extract.CorefRoles, false},
		{"speech-pronouns", "speech", extract.CorefPronouns, false},
		{"sentence-stream", "sentence", extract.CorefNone, true},
		{"paragraph-stream", "paragraph", extract.CorefNone, true},
		{"window15-stream", "window:15", extract.CorefNone, true},
		{"sentence-roles-stream", "sentence", extract.CorefRoles, true},
	} {
		opt := extract.Options{Roster: r, Coref: tc.coref}
		if tc.unit == "speech" {
			opt.Layer = extract.LayerSpeech
		} else if opt.Unit, err = extract.ParseUnit(tc.unit); err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			var g *graph.Graph
			cpu0, n := cpuSeconds(), 0
			for b.Loop() {
				if tc.stream {
					g, _, err = extract.ExtractReader(strings.NewReader(text), opt)
				} else {
					g, _, err = extract.Extract(text, opt)
				}
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			// MB per CPU second (all threads, GC included): less noisy
			// than MB/s on a shared machine; with GOMAXPROCS=1 it is the
			// one-core throughput.
			if cpu := cpuSeconds() - cpu0; cpu > 0 {
				b.ReportMetric(float64(len(text))*float64(n)/1e6/cpu, "MB/cpu-s")
			}
			b.ReportMetric(float64(g.Episode.Units), "units")
			b.ReportMetric(float64(len(g.Edges)), "edges")
		})
	}
}

// repeatReader reads text n times over without holding n copies.
type repeatReader struct {
	text string
	n    int
	off  int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	k := copy(p, r.text[r.off:])
	if r.off += k; r.off == len(r.text) {
		r.off, r.n = 0, r.n-1
	}
	return k, nil
}

// peakHeap runs f while sampling the bytes of live and not yet collected
// heap objects (runtime/metrics) every half millisecond, with the garbage
// collector's target lowered to 10 % (GOGC=10) so that the samples stay
// close to the live heap; it returns the highest sample, in MB.
func peakHeap(f func()) float64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(500 * time.Microsecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	f()
	read()
	close(done)
	<-stopped
	return float64(peak.Load()) / 1e6
}

// BenchmarkExtractMemory extracts the novel repeated 1, 4, 16 and 64 times
// (0.74, 3.0, 11.8 and 47.2 MB) with its cast, sentence units, in memory
// (Extract: the text is a string) and streamed (ExtractReader from a
// reader that repeats the novel), and reports the peak heap
// ("peak-heap-MB", see peakHeap), the size of the graph's JSON
// ("graph-MB") and the unit numbers its edges list ("edge-units"). Run
// with -benchtime 1x. Streamed, the peak heap should grow only with the
// graph: the unit numbers of every edge are kept (graph.Edge.Units, the
// weight's evidence), the evidence texts are capped (DefaultMaxEvidence
// per edge).
func BenchmarkExtractMemory(b *testing.B) {
	text := readNovel(b)
	r, _, err := roster.Load("testdata/pride-roster.json")
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range []int{1, 4, 16, 64} {
		for _, mode := range []string{"memory", "stream"} {
			b.Run(fmt.Sprintf("x%d/%s", k, mode), func(b *testing.B) {
				b.SetBytes(int64(k * len(text)))
				var g *graph.Graph
				var peak float64
				for b.Loop() {
					var err error
					peak = peakHeap(func() {
						if mode == "stream" {
							g, _, err = extract.ExtractReader(&repeatReader{text: text, n: k}, extract.Options{Roster: r})
							return
						}
						g, _, err = extract.Extract(strings.Repeat(text, k), extract.Options{Roster: r})
					})
					if err != nil {
						b.Fatal(err)
					}
				}
				js, err := json.Marshal(g)
				if err != nil {
					b.Fatal(err)
				}
				units := 0
				for _, e := range g.Edges {
					units += len(e.Units)
				}
				b.ReportMetric(peak, "peak-heap-MB")
				b.ReportMetric(float64(len(js))/1e6, "graph-MB")
				b.ReportMetric(float64(units), "edge-units")
			})
		}
	}
}
