package extract

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// nextLineBreakRef is nextLineBreak without the 8-byte skip: byte by byte.
func nextLineBreakRef(text string, from int) (end, next int) {
	for i := from; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n', '\v', '\f':
			return i, i + 1
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				return i, i + 2
			}
			return i, i + 1
		case 0xC2:
			if i+1 < len(text) && text[i+1] == 0x85 {
				return i, i + 2
			}
		case 0xE2:
			if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
				return i, i + 3
			}
		}
	}
	return len(text), -1
}

// TestNextLineBreakSkip compares nextLineBreak with the byte-by-byte
// reference on random texts made of pieces that are, or nearly are, line
// breaks, multi-byte letters and plain ASCII, from every offset.
func TestNextLineBreakSkip(t *testing.T) {
	pieces := []string{"a", "bcdefghij", " ", "\t", "\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029",
		"\u00a0", "ä", "’", "“", "…", "\xc2", "\xe2\x80", "\x0d", "\x0e", "\x7f", "\xff", strings.Repeat("x", 17)}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		for from := range len(text) + 1 {
			e1, n1 := nextLineBreak(text, from)
			e2, n2 := nextLineBreakRef(text, from)
			if e1 != e2 || n1 != n2 {
				t.Fatalf("nextLineBreak(%q, %d) = %d, %d; byte by byte %d, %d", text, from, e1, n1, e2, n2)
			}
		}
	}
}

// BenchmarkNextLineBreak reads the lines of the novel with nextLineBreak
// and with the byte-by-byte reference.
func BenchmarkNextLineBreak(b *testing.B) {
	data, err := os.ReadFile("../../../shared/data/novels/pride-and-prejudice/1342-0.txt")
	if err != nil {
		b.Skipf("novel not available (%v)", err)
	}
	text := string(data)
	for _, bc := range []struct {
		name string
		f    func(string, int) (int, int)
	}{{"skip", nextLineBreak}, {"bytewise", nextLineBreakRef}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				for p := 0; p >= 0; {
					_, p = bc.f(text, p)
				}
			}
		})
	}
}
