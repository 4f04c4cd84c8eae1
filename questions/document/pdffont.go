package document

import (
	"strconv"
	"strings"
	"unicode/utf16"
)

// font turns the codes of a text string into characters and widths.
type font struct {
	twoByte   bool  // Type0 fonts without a ToUnicode codespace: 2-byte codes
	codeLens  []int // code lengths from the ToUnicode codespace ranges
	toUnicode map[uint32]string
	encoding  [256]rune
	widths    map[uint32]float64 // glyph widths in 1/1000 of the size
	dw        float64            // default width
	unmapped  bool               // a code had no character
}

// unmappedFonts counts the fonts that drew codes with no character.
func (f *pdfFile) unmappedFonts() int {
	n := 0
	for _, fn := range f.fonts {
		if fn.unmapped {
			n++
		}
	}
	return n
}

// glyph is one code of a string with its character(s) and width.
type glyph struct {
	text  string
	width float64 // in 1/1000 of the font size
	space bool    // the single-byte code 32, which takes word spacing
}

func (f *pdfFile) loadFont(v any) *font {
	d := f.dict(v)
	fn := &font{widths: map[uint32]float64{}, dw: 500}
	fn.encoding = winAnsi
	if d == nil {
		return fn
	}
	sub := f.resolve(d["Subtype"])
	if sub == name("Type0") {
		fn.twoByte = true
		fn.dw = 1000
		if desc := f.array(d["DescendantFonts"]); len(desc) > 0 {
			dd := f.dict(desc[0])
			if w, ok := f.resolve(dd["DW"]).(float64); ok {
				fn.dw = w
			}
			fn.cidWidths(f, f.array(dd["W"]))
		}
	} else {
		first := int(f.num(d["FirstChar"]))
		for i, w := range f.array(d["Widths"]) {
			if i > 65536 {
				break
			}
			fn.widths[uint32(first+i)] = f.num(w)
		}
		if fd := f.dict(d["FontDescriptor"]); fd != nil {
			if mw := f.num(fd["MissingWidth"]); mw > 0 {
				fn.dw = mw
			}
			// A symbolic font with no encoding of its own draws by the
			// encoding inside its program (math symbols, dingbats):
			// reading its codes as Latin text would invent letters.
			if int(f.num(fd["Flags"]))&4 != 0 && d["Encoding"] == nil && d["ToUnicode"] == nil {
				fn.encoding = [256]rune{}
			}
		}
		fn.simpleEncoding(f, d["Encoding"])
	}
	if s, ok := f.resolve(d["ToUnicode"]).(*stream); ok {
		if data, err := f.decode(s); err == nil {
			fn.parseCMap(data)
		}
	}
	return fn
}

func (fn *font) cidWidths(f *pdfFile, w []any) {
	for i := 0; i+1 < len(w) && len(fn.widths) < 1<<16; {
		first := uint32(f.num(w[i]))
		if list, ok := f.resolve(w[i+1]).([]any); ok {
			for k, x := range list {
				fn.widths[first+uint32(k)] = f.num(x)
			}
			i += 2
			continue
		}
		if i+2 >= len(w) {
			return
		}
		last, width := uint32(f.num(w[i+1])), f.num(w[i+2])
		for c := first; c <= last && c-first < 1<<16; c++ {
			fn.widths[c] = width
		}
		i += 3
	}
}

func (fn *font) simpleEncoding(f *pdfFile, v any) {
	switch e := f.resolve(v).(type) {
	case name:
		fn.encoding = baseEncoding(e)
	case dict:
		if b, ok := f.resolve(e["BaseEncoding"]).(name); ok {
			fn.encoding = baseEncoding(b)
		}
		code := 0
		for _, x := range f.array(e["Differences"]) {
			switch x := f.resolve(x).(type) {
			case float64:
				code = int(x)
			case name:
				if code >= 0 && code < 256 {
					if r := glyphRune(string(x)); r != 0 {
						fn.encoding[code] = r
					}
				}
				code++
			}
		}
	}
}

func baseEncoding(n name) [256]rune {
	if n == "StandardEncoding" {
		return standard
	}
	return winAnsi
}

// parseCMap reads a ToUnicode CMap: codespace ranges, bfchar and bfrange.
func (fn *font) parseCMap(data []byte) {
	fn.toUnicode = map[uint32]string{}
	lx := &lexer{data: data}
	var stack []any
	for n := 0; n < 1<<20; n++ {
		t := lx.token()
		if t == nil {
			return
		}
		k, ok := t.(keyword)
		if !ok {
			stack = append(stack, t)
			continue
		}
		switch k {
		case "[":
			var arr []any
			for {
				x := lx.token()
				if x == nil || x == keyword("]") {
					break
				}
				arr = append(arr, x)
			}
			stack = append(stack, arr)
			continue
		case "endcodespacerange":
			for i := 0; i+1 < len(stack); i += 2 {
				if b, ok := stack[i].([]byte); ok && len(b) > 0 && len(b) <= 4 {
					fn.codeLens = append(fn.codeLens, len(b))
				}
			}
		case "endbfchar":
			for i := 0; i+1 < len(stack); i += 2 {
				src, ok1 := stack[i].([]byte)
				dst, ok2 := stack[i+1].([]byte)
				if ok1 && ok2 && len(src) <= 4 {
					fn.toUnicode[codeOf(src)] = utf16be(dst)
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(stack); i += 3 {
				lo, ok1 := stack[i].([]byte)
				hi, ok2 := stack[i+1].([]byte)
				if !ok1 || !ok2 || len(lo) > 4 || len(hi) > 4 {
					continue
				}
				a, b := codeOf(lo), codeOf(hi)
				if b < a || b-a > 1<<16 {
					continue
				}
				switch dst := stack[i+2].(type) {
				case []byte:
					base := []rune(utf16be(dst))
					for c := a; c <= b && len(base) > 0; c++ {
						r := append([]rune{}, base...)
						r[len(r)-1] += rune(c - a)
						fn.toUnicode[c] = string(r)
					}
				case []any:
					for j, x := range dst {
						if s, ok := x.([]byte); ok && a+uint32(j) <= b {
							fn.toUnicode[a+uint32(j)] = utf16be(s)
						}
					}
				}
			}
		}
		stack = stack[:0]
	}
}

func codeOf(b []byte) uint32 {
	var c uint32
	for _, x := range b {
		c = c<<8 | uint32(x)
	}
	return c
}

func utf16be(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// glyphs splits a string into codes and decodes them.
func (fn *font) glyphs(s []byte) []glyph {
	var out []glyph
	for i := 0; i < len(s); {
		n := 1
		if fn.twoByte {
			n = 2
		}
		if len(fn.codeLens) > 0 {
			// The shortest codespace length that fits; CMaps of simple
			// fonts are 1 byte, of CID fonts 2.
			n = fn.codeLens[0]
			for _, l := range fn.codeLens {
				if _, ok := fn.toUnicode[codeOf(s[i:min(i+l, len(s))])]; ok {
					n = l
					break
				}
			}
		}
		n = min(n, len(s)-i)
		code := codeOf(s[i : i+n])
		g := glyph{width: fn.dw, space: n == 1 && code == 32}
		if w, ok := fn.widths[code]; ok {
			g.width = w
		}
		if t, ok := fn.toUnicode[code]; ok {
			g.text = t
		} else if !fn.twoByte && code < 256 {
			if r := fn.encoding[code]; r != 0 {
				g.text = string(r)
			}
		}
		if g.text == "" && !(n == 1 && code < 32) {
			fn.unmapped = true
		}
		out = append(out, g)
		i += n
	}
	return out
}

// winAnsi is Windows code page 1252, the encoding of most simple fonts.
var winAnsi = func() (e [256]rune) {
	for i := 32; i < 256; i++ {
		e[i] = rune(i)
	}
	high := "€\x00‚ƒ„…†‡ˆ‰Š‹Œ\x00Ž\x00\x00‘’“”•–—˜™š›œ\x00žŸ"
	for i, r := range []rune(high) {
		e[0x80+i] = r
	}
	e[0x7f] = 0
	e[0xad] = '-'
	return e
}()

// standard is Adobe's StandardEncoding: ASCII with curly quotes, and its
// own upper half (the characters that matter in text).
var standard = func() (e [256]rune) {
	for i := 32; i < 127; i++ {
		e[i] = rune(i)
	}
	e['\''] = '’'
	e['`'] = '‘'
	for code, r := range map[int]rune{0xa1: '¡', 0xa2: '¢', 0xa3: '£', 0xa5: '¥', 0xa7: '§', 0xa9: '\'', 0xaa: '“',
		0xab: '«', 0xae: 'ﬁ', 0xaf: 'ﬂ', 0xb1: '–', 0xb2: '†', 0xb3: '‡', 0xb4: '·', 0xb6: '¶', 0xb7: '•', 0xb9: '”',
		0xba: '»', 0xbc: '…', 0xbf: '¿', 0xd0: '—', 0xe1: 'Æ', 0xe8: 'Ł', 0xe9: 'Ø', 0xea: 'Œ', 0xf1: 'æ', 0xf5: 'ı',
		0xf8: 'ł', 0xf9: 'ø', 0xfa: 'œ', 0xfb: 'ß'} {
		e[code] = r
	}
	return e
}()

// glyphRune maps the glyph names of /Differences to characters: uniXXXX
// and uXXXX names, single letters and the common names of Latin text.
func glyphRune(g string) rune {
	if i := strings.IndexByte(g, '.'); i > 0 {
		g = g[:i] // a variant: a.sc, one.oldstyle
	}
	if len(g) == 1 {
		return rune(g[0])
	}
	if strings.HasPrefix(g, "uni") && len(g) >= 7 {
		if v, err := strconv.ParseUint(g[3:7], 16, 32); err == nil {
			return rune(v)
		}
	}
	if strings.HasPrefix(g, "u") && len(g) >= 5 && len(g) <= 7 {
		if v, err := strconv.ParseUint(g[1:], 16, 32); err == nil {
			return rune(v)
		}
	}
	if r, ok := glyphNames[g]; ok {
		return r
	}
	// Accented Latin letters: a base letter and an accent name.
	for accent, combos := range accents {
		if base, ok := strings.CutSuffix(g, accent); ok && len(base) == 1 {
			if i := strings.IndexByte(combos[0], base[0]); i >= 0 {
				return []rune(combos[1])[i]
			}
		}
	}
	return 0
}

var glyphNames = map[string]rune{
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$', "percent": '%',
	"ampersand": '&', "quotesingle": '\'', "quoteright": '’', "quoteleft": '‘', "parenleft": '(', "parenright": ')',
	"asterisk": '*', "plus": '+', "comma": ',', "hyphen": '-', "minus": '−', "period": '.', "slash": '/',
	"zero": '0', "one": '1', "two": '2', "three": '3', "four": '4', "five": '5', "six": '6', "seven": '7',
	"eight": '8', "nine": '9', "colon": ':', "semicolon": ';', "less": '<', "equal": '=', "greater": '>',
	"question": '?', "at": '@', "bracketleft": '[', "backslash": '\\', "bracketright": ']', "asciicircum": '^',
	"underscore": '_', "grave": '`', "braceleft": '{', "bar": '|', "braceright": '}', "asciitilde": '~',
	"quotedblleft": '“', "quotedblright": '”', "quotesinglbase": '‚', "quotedblbase": '„', "endash": '–',
	"emdash": '—', "bullet": '•', "ellipsis": '…', "fi": 'ﬁ', "fl": 'ﬂ', "ff": 'ﬀ', "ffi": 'ﬃ', "ffl": 'ﬄ',
	"degree": '°', "copyright": '©', "registered": '®', "trademark": '™', "section": '§', "paragraph": '¶',
	"dagger": '†', "daggerdbl": '‡', "germandbls": 'ß', "ae": 'æ', "AE": 'Æ', "oe": 'œ', "OE": 'Œ',
	"oslash": 'ø', "Oslash": 'Ø', "guillemotleft": '«', "guillemotright": '»', "periodcentered": '·',
	"multiply": '×', "divide": '÷', "plusminus": '±', "mu": 'µ', "Euro": '€', "sterling": '£', "yen": '¥',
	"cent": '¢', "nbspace": '\u00a0', "exclamdown": '¡', "questiondown": '¿', "dotlessi": 'ı',
}

// accents lists, for each accent name, the base letters and their
// accented forms.
var accents = map[string][2]string{
	"acute":      {"aeiouyAEIOUYcnszCNSZ", "áéíóúýÁÉÍÓÚÝćńśźĆŃŚŹ"},
	"grave":      {"aeiouAEIOU", "àèìòùÀÈÌÒÙ"},
	"circumflex": {"aeiouAEIOU", "âêîôûÂÊÎÔÛ"},
	"dieresis":   {"aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"},
	"tilde":      {"anoANO", "ãñõÃÑÕ"},
	"ring":       {"aAuU", "åÅůŮ"},
	"cedilla":    {"cCsS", "çÇşŞ"},
	"caron":      {"cszrenCSZREN", "čšžřěňČŠŽŘĚŇ"},
}
