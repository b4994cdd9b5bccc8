package render

import (
	"sync"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Text is measured, and PNGs are drawn, with Liberation Sans (SIL Open
// Font License 1.1, embedded by codeberg.org/go-fonts/liberation), whose
// advance widths equal Helvetica's and Arial's: the widths Graphviz
// assumes for fontname "Helvetica" and those of the fonts an SVG viewer
// substitutes for it.
var (
	fontsOnce          sync.Once
	sansFont, boldFont *sfnt.Font
)

func loadFonts() {
	fontsOnce.Do(func() {
		var err error
		if sansFont, err = sfnt.Parse(liberationsansregular.TTF); err != nil {
			panic("render: embedded font: " + err.Error())
		}
		if boldFont, err = sfnt.Parse(liberationsansbold.TTF); err != nil {
			panic("render: embedded font: " + err.Error())
		}
	})
}

// textWidth returns the advance width of s, in points, set in Liberation
// Sans (bold when bold is true) at size points, without kerning. A rune
// the font lacks counts as wide as "M".
func textWidth(s string, size float64, bold bool) float64 {
	loadFonts()
	f := sansFont
	if bold {
		f = boldFont
	}
	var buf sfnt.Buffer
	upem := fixed.Int26_6(f.UnitsPerEm())
	var total fixed.Int26_6
	for _, r := range s {
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			gi, _ = f.GlyphIndex(&buf, 'M')
		}
		// At ppem = units per em, advances come back in font units.
		adv, err := f.GlyphAdvance(&buf, gi, upem, font.HintingNone)
		if err != nil {
			continue
		}
		total += adv
	}
	return float64(total) / float64(f.UnitsPerEm()) * size
}
