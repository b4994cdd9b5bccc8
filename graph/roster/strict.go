package roster

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/relgraph/relgraph/internal/jsonx"
)

// schema is the set of fields an object of the roster may have. A nil
// *schema is free-form (attributes, or a value that is not an object): its
// keys are not checked, though duplicates still are.
type schema struct {
	fields map[string]*schema // field name → schema of its value (nil: a scalar or free-form)
	elem   *schema            // for an array: the schema of its elements
}

func obj(fields map[string]*schema) *schema { return &schema{fields: fields} }
func arrayOf(s *schema) *schema             { return &schema{elem: s} }

// rosterSchema lists the fields of relgraph/roster@1 (DESIGN.md, "The
// roster"; README "The roster"). characters[].attributes is free-form.
var rosterSchema = obj(map[string]*schema{
	"format": nil, "series": nil, "lang": nil,
	"characters": arrayOf(obj(map[string]*schema{
		"id": nil, "name": nil, "aliases": nil, "gender": nil, "titles": nil, "descriptors": nil, "attributes": nil,
	})),
	"relationships": arrayOf(obj(map[string]*schema{"source": nil, "target": nil, "type": nil, "label": nil})),
	"exclude":       nil,
	"episodes":      arrayOf(obj(map[string]*schema{"id": nil, "title": nil, "file": nil, "note": nil})),
})

// checkStrict checks what encoding/json lets pass in a roster file: bytes
// that are not UTF-8 (json.Unmarshal turns them into U+FFFD silently),
// unknown fields (a misspelt "alias" would lose the aliases; a field name
// differing only in case, which encoding/json would accept, counts as
// unknown) and a key repeated in one object (the last value would win
// silently), in attributes too. data has no byte order mark. The error is
// "NAME:LINE:COL: field PATH: …", PATH as in validation messages
// ("characters[0].alias"). A syntax error is left to jsonx.Decode: it
// returns nil then.
func checkStrict(name string, data []byte) error {
	w := walker{name: name, data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	w.dec.UseNumber()
	err := w.value("", rosterSchema)
	if _, syntax := err.(walkSyntax); syntax {
		return nil
	}
	return err
}

// walkSyntax marks a decoder error of the walk: the data is not JSON.
type walkSyntax struct{ error }

type walker struct {
	name string
	data []byte
	dec  *json.Decoder
	prev int64 // offset up to which the data was checked for UTF-8
}

// token reads the next token, checking that the bytes read for it are
// UTF-8; path names the value being read in the error.
func (w *walker) token(path string) (json.Token, int64, error) {
	start := w.prev
	tok, err := w.dec.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, 0, walkSyntax{err}
	}
	end := w.dec.InputOffset()
	if seg := w.data[start:end]; !utf8.Valid(seg) {
		off := start + int64(invalidAt(seg))
		line, col := jsonx.Position(w.data, off)
		return nil, 0, fmt.Errorf("%s:%d:%d: field %s: invalid UTF-8 (byte 0x%02x at byte offset %d); save the file as UTF-8",
			w.name, line, col, fieldName(path), w.data[off], off)
	}
	w.prev = end
	return tok, end, nil
}

// invalidAt returns the offset of the first byte of s that does not start
// a valid UTF-8 sequence.
func invalidAt(s []byte) int {
	for i := 0; i < len(s); {
		r, sz := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && sz == 1 {
			return i
		}
		i += sz
	}
	return 0
}

func fieldName(path string) string {
	if path == "" {
		return "(top level)"
	}
	return path
}

// value walks one JSON value at path with schema s.
func (w *walker) value(path string, s *schema) error {
	tok, _, err := w.token(path)
	if err != nil {
		return err
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return nil // a scalar
	}
	switch d {
	case '[':
		var elem *schema
		if s != nil {
			elem = s.elem
		}
		for i := 0; w.dec.More(); i++ {
			if err := w.value(fmt.Sprintf("%s[%d]", path, i), elem); err != nil {
				return err
			}
		}
	case '{':
		var fields map[string]*schema
		if s != nil && s.elem == nil {
			fields = s.fields
		}
		seen := map[string]bool{}
		for w.dec.More() {
			keyStart := w.prev
			tok, _, err := w.token(path)
			if err != nil {
				return err
			}
			key, _ := tok.(string)
			p := key
			if path != "" {
				p = path + "." + key
			}
			line, col := jsonx.Position(w.data, keyStart+int64(leadingSpace(w.data[keyStart:])))
			if seen[key] {
				return fmt.Errorf("%s:%d:%d: field %s: duplicate key %q in one object (the first value would be lost)", w.name, line, col, p, key)
			}
			seen[key] = true
			var sub *schema
			if fields != nil {
				var known bool
				sub, known = fields[key]
				if !known {
					return fmt.Errorf("%s:%d:%d: field %s: unknown field%s", w.name, line, col, p, didYouMean(key, fields))
				}
			}
			if err := w.value(p, sub); err != nil {
				return err
			}
		}
	}
	_, _, err = w.token(path) // the closing delimiter
	return err
}

// leadingSpace returns the number of JSON whitespace and separator bytes
// (",", ":") at the start of b, so that a key's position is its quote.
func leadingSpace(b []byte) int {
	i := 0
	for i < len(b) && strings.IndexByte(" \t\r\n,:", b[i]) >= 0 {
		i++
	}
	return i
}

// didYouMean returns ` (did you mean "F"?)` for the known field closest to
// key — equal but for case, one a prefix of the other, or at most two
// edits apart — and the list of allowed fields otherwise.
func didYouMean(key string, fields map[string]*schema) string {
	names := make([]string, 0, len(fields))
	for f := range fields {
		names = append(names, f)
	}
	slices.Sort(names)
	best, bestD := "", 3
	lk := strings.ToLower(key)
	for _, f := range names {
		d := editDistance(lk, f)
		if lk == f {
			d = 0
		} else if len(lk) >= 3 && (strings.HasPrefix(f, lk) || strings.HasPrefix(lk, f)) && d > 1 {
			d = 1
		}
		if d < bestD {
			best, bestD = f, d
		}
	}
	if best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", n)
	}
	return " (allowed here: " + strings.Join(quoted, ", ") + "; free-form data belongs in a character's \"attributes\")"
}

// editDistance is the Levenshtein distance of a and b counted in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
