package jsonx

import (
	"strings"
	"testing"
)

func TestPosition(t *testing.T) {
	data := []byte("ab\nÄöc\nx")
	tests := []struct {
		off       int64
		line, col int
	}{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {7, 2, 3}, {9, 3, 1}, {99, 3, 2}, {-1, 1, 1},
	}
	for _, tc := range tests {
		if l, c := Position(data, tc.off); l != tc.line || c != tc.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d (columns count code points)", tc.off, l, c, tc.line, tc.col)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	var v struct {
		N int `json:"n"`
	}
	tests := []struct{ in, want string }{
		{"", "f.json: empty file"},
		{"{\n  \"n\": x}", "f.json:2:8: invalid JSON"},
		{`{"n": "seven"}`, "f.json:1:14: field n: got JSON string, want a number (int)"},
		{`{"n": 1`, "f.json:1:8: invalid JSON: unexpected end of file"},
		{`{"n": 1} {}`, "f.json:1:10: unexpected data after the JSON value"},
	}
	for _, tc := range tests {
		err := Decode("f.json", []byte(tc.in), &v)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Decode(%q) = %v, want %q", tc.in, err, tc.want)
		}
	}
}
