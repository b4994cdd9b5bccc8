package extract

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/roster"
)

// ChunkSize is the size, in bytes of input, from which ExtractReader
// processes the text read so far as one chunk, at the next place where a
// chunk may end.
const ChunkSize = 256 << 10

// chunkSize is ChunkSize; tests make it small.
var chunkSize = ChunkSize

// ExtractReader is Extract for a text read from rd: the same graph, byte
// for byte, and the same warnings and errors (an invalid UTF-8 byte is
// reported with its byte offset, line and column in the whole input), but
// the text is read and processed in chunks of about ChunkSize bytes, so
// that memory holds the graph, its evidence and one chunk, not the text.
//
// A chunk ends only where no unit, mention or rule of Extract looks
// across: after a blank line (a paragraph break) for the sentence,
// paragraph and window units, before a heading that opens a scene for the
// scene unit; it ends after a "\n", so that line ends, UTF-8 sequences and
// NFC normalisation never straddle it. What crosses it is carried: the
// unit and token counts (unit numbers are those of the whole text), for
// --coref the characters of the last sentence (the antecedents of the next
// sentence's pronouns), for a window the mentions of the last N tokens
// with their text (the evidence of a pair runs from one to the other).
//
// Some texts are held whole, since a rule of Extract looks at all of it:
//   - for the sentence, paragraph and window units, a text without a blank
//     line between two lines of text: whether it has one decides whether
//     line breaks are soft wraps (UnwrapLines) or paragraph ends, so
//     reading waits for the first such blank line (at once in a book,
//     never in the seed synopses, which are small);
//   - for the scene unit, one scene (a text without headings is one);
//   - the speech layer: whether the text is a play (has speaker labels)
//     decides how speeches are read, so ExtractReader reads it all and
//     calls Extract.
//
// Without Options.Lang and roster lang, the language is detected from the
// first 64 KiB of the text, as Extract does; chunks wait until that much
// is read. Errors reading rd are returned as they are.
func ExtractReader(rd io.Reader, opt Options) (*graph.Graph, []string, error) {
	speechLayer, err := checkOptions(opt)
	if err != nil {
		return nil, nil, err
	}
	r := opt.Roster
	var pack *Pack
	for _, l := range []string{opt.Lang, r.Lang} {
		if l != "" {
			pack = Language(l)
			break
		}
	}
	if speechLayer || (pack == nil && (opt.Lang != "" || r.Lang != "")) {
		// The speech layer, or an unknown language: Extract decides (and
		// reports an invalid UTF-8 byte before the language, as it does).
		data, err := io.ReadAll(rd)
		if err != nil {
			return nil, nil, err
		}
		return Extract(string(data), opt)
	}

	s := &streamer{opt: opt, r: r, scene: opt.Unit.Kind == UnitScene, line: 1, first: true}
	if pack != nil {
		s.setLang(pack)
	}
	br := bufio.NewReaderSize(rd, 64<<10)
	// pending is the input read and not yet processed: room for a chunk
	// and the block read after it, so that it need not grow in a book.
	pending := make([]byte, 0, chunkSize+128<<10)
	cut := -1 // the last place in pending where a chunk may end
	for {
		var eof bool
		if s.scene || !s.decided {
			// Line by line: the lines decide where chunks may end.
			seg, err := br.ReadSlice('\n')
			if err == bufio.ErrBufferFull { // a line longer than the buffer
				pending = append(pending, seg...)
				continue
			}
			if eof = err == io.EOF; err != nil && !eof {
				return nil, nil, err
			}
			// pending[ls:] is a whole line now (or the rest of the input).
			ls := len(pending)
			for ls > 0 && pending[ls-1] != '\n' {
				ls--
			}
			pending = append(pending, seg...)
			if c := s.examine(pending, ls); c > 0 {
				cut = c
			}
		} else {
			// Paragraph breaks are known to be there: read blocks, and
			// look for a blank line only when a chunk is due.
			n := len(pending)
			pending = slices.Grow(pending, 64<<10)[:n+64<<10]
			k, err := io.ReadFull(br, pending[n:])
			pending = pending[:n+k]
			if eof = err == io.EOF || err == io.ErrUnexpectedEOF; err != nil && !eof {
				return nil, nil, err
			}
			if len(pending) >= chunkSize {
				cut = lastBlankLine(pending)
			}
		}
		if eof {
			if err := s.chunk(pending, true); err != nil {
				return nil, nil, err
			}
			break
		}
		if cut >= chunkSize && (s.scene || s.decided) {
			if err := s.chunk(pending[:cut], false); err != nil {
				return nil, nil, err
			}
			pending = append(pending[:0], pending[cut:]...)
			cut = -1
		}
	}
	return s.finish()
}

// streamer holds the state of ExtractReader between chunks.
type streamer struct {
	opt   Options
	r     *roster.Roster
	scene bool // scene units: chunks are whole scenes, lines are not unwrapped

	// Input.
	off   int  // byte offset of the next chunk in the input
	line  int  // its line number (from 1)
	first bool // no chunk processed yet: a byte order mark may lead

	// Paragraph breaks (not scene units), as hasBlankLine reads them.
	decided, byBlank bool // a blank line between two lines of text was read
	seenText, gap    bool

	// Scene headings, as Sections reads them.
	inHeading bool

	// Language: chunks wait in held until it is known.
	pack    *Pack
	held    []heldText
	heldLen int

	m       *matcher
	index   map[string]int // character id → index into m.ids
	b       builder
	units   int  // units so far
	names   int  // name mentions so far
	anyText bool // a chunk was not blank
	carry   []referent

	// Window units: the mentions of the last N tokens (text offsets into
	// tail, which runs from the first of them to the end of the text
	// processed so far) and the tokens so far.
	tail   string
	pend   []wmention
	tokens int
}

// wmention is a mention kept for the window of the next chunk.
type wmention struct {
	Mention
	char        int
	first, last int // token indices in the whole text
}

// setLang fixes the language pack and builds the matcher.
func (s *streamer) setLang(p *Pack) {
	s.pack = p
	s.m = newMatcher(s.r, p.Code == "en")
	s.index = make(map[string]int, len(s.m.ids))
	for i, id := range s.m.ids {
		s.index[id] = i
	}
	maxEv := s.opt.MaxEvidence
	if maxEv == 0 {
		maxEv = DefaultMaxEvidence
	}
	s.b = builder{m: s.m, r: s.r, maxEv: maxEv, count: make([]int, len(s.m.ids)),
		lastUnit: make([]int, len(s.m.ids)), edges: map[[2]int]int{}}
}

// examine reads the line pending[ls:] (with its "\n", if any) and returns
// a place where a chunk may end that the line makes (> 0), or 0: the end
// of the line when it ends in a blank line (sentence, paragraph and window
// units), or its start when it opens a scene (scene units). A line of the
// package (lines) ends at other breaks too (\r, \v, \f, U+0085, U+2028,
// U+2029); the line here is read as those lines.
func (s *streamer) examine(pending []byte, ls int) int {
	if ls == len(pending) {
		return 0
	}
	// A view, not a copy: pending does not change while seg is read.
	seg := unsafe.String(&pending[ls], len(pending)-ls)
	cut, k := 0, 0
	lines(seg, func(l line) bool {
		if l.next < 0 && l.start == len(seg) && l.start > 0 {
			return false // the empty rest after the final break
		}
		t := seg[l.start:l.end]
		isBlank := blank(t)
		if s.scene {
			switch {
			case isBlank:
			case IsSceneHeading(t):
				if !s.inHeading && k == 0 && ls > 0 {
					cut = ls // a scene opens at this line
				}
				s.inHeading = true
			default:
				s.inHeading = false
			}
		} else {
			if isBlank {
				s.gap = s.seenText
			} else {
				if s.gap {
					s.decided, s.byBlank = true, true
				}
				s.seenText = true
			}
			if isBlank && l.next == len(seg) && seg[len(seg)-1] == '\n' {
				cut = len(pending) // after a blank line
			}
		}
		k++
		return true
	})
	return cut
}

// lastBlankLine returns the end of the last line of b that ends in "\n"
// and holds only whitespace (a blank line; pending starts at a line start),
// or -1.
func lastBlankLine(b []byte) int {
	end := len(b)
	for {
		i := bytes.LastIndexByte(b[:end], '\n')
		if i < 0 {
			return -1
		}
		j := bytes.LastIndexByte(b[:i], '\n') + 1
		if j < i && blank(unsafe.String(&b[j], i-j)) || j == i {
			return i + 1
		}
		end = j
		if end == 0 {
			return -1
		}
	}
}

// chunk processes the input raw (the whole rest of it when last).
//
// raw is read through a view, not copied: the text kept (in units,
// evidence, the window's tail) is the copy that normalisation or line
// joining makes, or a copy made here when neither does.
func (s *streamer) chunk(raw []byte, last bool) error {
	if len(raw) == 0 {
		raw = nil
	}
	var view string // raw as a string; raw is not written while view is read
	if len(raw) > 0 {
		view = unsafe.String(&raw[0], len(raw))
	}
	if err := checkUTF8(view, s.off, s.line); err != nil {
		return err
	}
	s.off += len(raw)
	s.line += lineBreaks(view)
	text := view
	if s.first {
		text = strings.TrimPrefix(text, "\uFEFF")
		s.first = false
	}
	if !isNFC(text) {
		text = norm.NFC.String(text)
	}
	text = lfText(text) // chunks end after a "\n": a "\r\n" is never cut
	lf := false         // every line break of text is a "\n"
	if !s.scene && s.byBlank {
		text, lf = unwrapLF(text) // a copy
	}
	if text != "" && len(raw) > 0 && uintptr(unsafe.Pointer(unsafe.StringData(text)))-uintptr(unsafe.Pointer(&raw[0])) < uintptr(len(raw)) {
		text = strings.Clone(text) // still the view (or a part of it)
	}
	if s.pack == nil {
		s.held = append(s.held, heldText{text, lf})
		s.heldLen += len(text)
		if s.heldLen < detectSample && !last {
			return nil
		}
		var all strings.Builder
		for _, h := range s.held {
			all.WriteString(h.text)
		}
		s.setLang(Language(DetectLanguage(all.String())))
		held := s.held
		s.held = nil
		for _, h := range held {
			s.run(h.text, h.lf)
		}
		return nil
	}
	s.run(text, lf)
	return nil
}

// heldText is a processed chunk that waits for the language.
type heldText struct {
	text string
	lf   bool
}

// run adds the units of the processed chunk text to the graph; lf tells
// that every line break of text is a "\n".
func (s *streamer) run(text string, lf bool) {
	if !s.anyText && strings.TrimFunc(text, isTrimmed) != "" {
		s.anyText = true
	}
	ms := s.m.find(text)
	s.names += len(ms)
	kind := s.opt.Unit.Kind
	coref := s.opt.Coref != CorefNone
	var sentences []Span
	if kind == UnitSentence || coref {
		sentences = splitSentences(text, s.pack.rules, ms)
	}
	if coref {
		ms = s.resolve(text, sentences, ms)
	}
	var units []Span
	switch kind {
	case UnitSentence:
		units = sentences
	case UnitParagraph:
		units = paragraphs(text, s.byBlank, lf)
	case UnitScene:
		units = Scenes(text)
	case UnitWindow:
		s.window(text, ms)
		return
	}
	s.b.text, s.b.labels, s.b.unitBase = text, nil, s.units
	if kind == UnitScene {
		s.b.labels = speakerLabels(text, ms)
	}
	s.b.run(units, ms)
	s.units += len(units)
}

// resolve runs coreference over the chunk's sentences, continuing from the
// referents of the previous chunk's last sentence (s.carry, the resolver's
// own state), and returns names and resolved mentions merged.
func (s *streamer) resolve(text string, sentences []Span, names []Mention) []Mention {
	rs := newResolver(text, s.m, s.r, s.pack, s.opt.Coref)
	rs.prev = s.carry
	res := rs.resolve(sentences, names)
	if len(sentences) > 0 {
		s.carry = rs.prev
	}
	if len(res) == 0 {
		return names
	}
	return mergeMentions(names, res)
}

// window counts the window interactions of the chunk's mentions, with the
// mentions kept from before (runWindow, continued across chunks).
func (s *streamer) window(text string, ms []Mention) {
	n := s.opt.Unit.N
	first, last := tokenRanges(text, ms)
	off := len(s.tail)
	w := s.tail + text
	all := s.pend
	np := len(all)
	for i, mn := range ms {
		c := s.index[mn.ID]
		s.b.count[c]++
		mn.Start, mn.End = mn.Start+off, mn.End+off
		all = append(all, wmention{Mention: mn, char: c, first: first[i] + s.tokens, last: last[i] + s.tokens})
	}
	lo := 0
	for j := np; j < len(all); j++ {
		for lo < j && all[j].first-all[lo].last > n {
			lo++
		}
		for i := lo; i < j; i++ {
			a, c := all[i].char, all[j].char
			if a == c {
				continue
			}
			if a > c {
				a, c = c, a
			}
			e := s.b.edge(a, c)
			unit := all[j].first + 1
			e.units = append(e.units, unit)
			if s.b.maxEv < 0 || len(e.evidence) >= s.b.maxEv {
				continue
			}
			st, end := all[i].Start, all[j].End
			spans := []graph.Mention{cpSpan(w, st, all[i].Mention), cpSpan(w, st, all[j].Mention)}
			e.evidence = append(e.evidence, graph.Evidence{Unit: unit, Text: strings.Clone(w[st:end]), Mentions: spans})
		}
	}
	s.tokens += countWords(text)
	s.units = s.tokens
	// Keep the mentions a later one can still reach: its first token is
	// at least s.tokens.
	k := 0
	for k < len(all) && s.tokens-all[k].last > n {
		k++
	}
	if k == len(all) {
		s.tail, s.pend = "", s.pend[:0]
		return
	}
	cut := all[k].Start
	s.tail = strings.Clone(w[cut:])
	s.pend = slices.Clone(all[k:])
	for i := range s.pend {
		s.pend[i].Start -= cut
		s.pend[i].End -= cut
	}
}

// finish builds the graph and the warnings as Extract does.
func (s *streamer) finish() (*graph.Graph, []string, error) {
	if s.pack == nil { // an empty input
		s.setLang(Language(DetectLanguage("")))
	}
	g := &graph.Graph{Episode: s.opt.Episode, Nodes: []graph.Node{}, Edges: []graph.Edge{}}
	g.Episode.Unit, g.Episode.Units = s.opt.Unit.String(), 0
	var warnings []string
	for _, id := range s.m.ids {
		if len(s.r.Forms(id)) == 0 {
			warnings = append(warnings, fmt.Sprintf("character %q has no name form left (all are ambiguous); it is never matched", id))
		}
	}
	if !s.anyText {
		warnings = append(warnings, "empty graph: no text (the text is empty or only whitespace)")
		slices.Sort(warnings)
		return g, warnings, nil
	}
	g.Episode.Units = s.units
	if s.names == 0 {
		warnings = append(warnings, "empty graph: no character of the roster is mentioned in the text")
		slices.Sort(warnings)
		return g, warnings, nil
	}
	s.b.fill(g)
	g.Canonicalize()
	slices.Sort(warnings)
	return g, warnings, nil
}
