package jsonx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Decode unmarshals data into v. A failure is returned as
// "NAME:LINE:COL: message" for syntax errors and "NAME: field F: message"
// for values of the wrong type. Unknown fields are allowed (the schemas let
// writers add fields).
func Decode(name string, data []byte, v any) error {
	// A UTF-8 byte order mark, as Windows editors write it, is not JSON.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return fmt.Errorf("%s: empty file, want a JSON object", name)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		return Wrap(name, data, err)
	}
	if dec.More() {
		line, col := Position(data, dec.InputOffset())
		return fmt.Errorf("%s:%d:%d: unexpected data after the JSON value", name, line, col)
	}
	return nil
}

// Wrap turns an error from encoding/json about data into one that names
// the file and the position or field.
func Wrap(name string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		// Offset counts the bytes read, the offending one included.
		line, col := Position(data, max(syn.Offset-1, 0))
		return fmt.Errorf("%s:%d:%d: invalid JSON: %v", name, line, col, syn)
	case errors.As(err, &typ):
		line, col := Position(data, typ.Offset)
		field := typ.Field
		if field == "" {
			field = "(top level)"
		}
		return fmt.Errorf("%s:%d:%d: field %s: got JSON %s, want %s", name, line, col, field, typ.Value, jsonKind(typ.Type.Kind().String()))
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := Position(data, int64(len(data)))
		return fmt.Errorf("%s:%d:%d: invalid JSON: unexpected end of file", name, line, col)
	}
	return fmt.Errorf("%s: %w", name, err)
}

func jsonKind(k string) string {
	switch k {
	case "struct", "map":
		return "an object"
	case "slice", "array":
		return "an array"
	case "string":
		return "a string"
	case "bool":
		return "a boolean"
	case "int", "int64", "int32", "float64", "float32", "uint", "uint64":
		return "a number (" + k + ")"
	}
	return k
}

// Position converts a byte offset in data to a 1-based line and a 1-based
// column counted in Unicode code points.
func Position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	if offset < 0 {
		offset = 0
	}
	before := data[:offset]
	line = 1 + bytes.Count(before, []byte{'\n'})
	start := bytes.LastIndexByte(before, '\n') + 1
	col = 1 + utf8.RuneCount(before[start:])
	return line, col
}
