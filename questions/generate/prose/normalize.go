package prose

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plain is normalize without possessives, for finding a name in a text
// that writes "Shlyapnikov's".
func Plain(s string) string {
	// Most text has no apostrophe, and without one none of the
	// replacements below applies: skip their five scans.
	if strings.IndexByte(s, '\'') < 0 {
		return Normalize(s)
	}
	s = strings.ReplaceAll(s, "'s ", " ")
	s = strings.TrimSuffix(s, "'s")
	s = strings.ReplaceAll(s, "'s,", ",")
	s = strings.ReplaceAll(s, "'s.", ".")
	s = strings.ReplaceAll(s, "' ", " ")
	return Normalize(s)
}

// Normalize is SQuAD's answer normalisation: lower case, no punctuation,
// no articles, single spaces. Hyphens, dashes and slashes separate words.
func Normalize(s string) string {
	// The words are built in a buffer on the stack when they fit: the
	// string returned is the only allocation.
	var stack [256]byte
	var b []byte
	if len(s) <= len(stack) {
		b = stack[:0]
	} else {
		b = make([]byte, 0, len(s))
	}
	word := 0 // start of the current word in b
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch m := asciiNorm[c]; {
			case m > ' ': // a letter or a digit, in lower case
				if len(b) == word && word > 0 {
					b = append(b, ' ')
					word++
				}
				b = append(b, m)
				// The rest of the word's ASCII letters and digits, without
				// going back through the switch for each.
				for i < len(s) && s[i] < utf8.RuneSelf && asciiNorm[s[i]] > ' ' {
					b = append(b, asciiNorm[s[i]])
					i++
				}
			case m == ' ':
				b = endWord(b, word)
				word = len(b)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(b) == word && word > 0 {
				b = append(b, ' ')
				word++
			}
			b = utf8.AppendRune(b, unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '–' || r == '—':
			b = endWord(b, word)
			word = len(b)
		}
	}
	b = endWord(b, word)
	return string(b)
}

// endWord ends the word that starts at b[word:]: an article goes, with
// the space before it.
func endWord(b []byte, word int) []byte {
	if w := b[word:]; string(w) == "a" || string(w) == "an" || string(w) == "the" {
		b = b[:word]
		if len(b) > 0 {
			b = b[:len(b)-1] // the space before it
		}
	}
	return b
}

// asciiNorm is what Normalize makes of an ASCII byte: a letter in lower
// case, a digit, a space for a byte that ends a word, or 0 for a mark it
// drops.
var asciiNorm = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			t[c] = byte(c)
		case c >= 'A' && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '/':
			t[c] = ' '
		}
	}
	return t
}()

// ContainsWord reports whether needle occurs in hay at word boundaries.
func ContainsWord(hay, needle string) bool {
	if needle == "" {
		return false
	}
	for i := 0; ; {
		k := strings.Index(hay[i:], needle)
		if k < 0 {
			return false
		}
		k += i
		before := k == 0 || !isWordRune(lastRune(hay[:k]))
		after := k+len(needle) == len(hay) || !isWordRune(FirstRune(hay[k+len(needle):]))
		if before && after {
			return true
		}
		i = k + 1
		if i >= len(hay) {
			return false
		}
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] < 0x80 || s[i] >= 0xC0 {
			r := []rune(s[i:])
			return r[0]
		}
	}
	return 0
}

// WordCount counts the words of s separated by spaces, tabs and line
// breaks. It reads eight bytes at a time: every stem is counted, some
// more than once.
func WordCount(s string) int {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	// byteIs marks with 0x80 the bytes of w equal to c (the exact form of
	// the test for a zero byte: no carry crosses from one byte to the next).
	byteIs := func(w uint64, c byte) uint64 {
		x := w ^ ones*uint64(c)
		return ^((x&^high + ^uint64(high)) | x | ^uint64(high)) & high
	}
	n := 0
	before := uint64(0x80) // the byte before s[0] counts as a space
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		sp := byteIs(w, ' ') | byteIs(w, '\n') | byteIs(w, '\t')
		// A word starts at each byte that is no space after one that is.
		n += bits.OnesCount64(^sp & high & (sp<<8 | before))
		before = sp >> 56
	}
	in := before == 0
	for ; i < len(s); i++ {
		sp := s[i] == ' ' || s[i] == '\n' || s[i] == '\t'
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// EditDistance is the Levenshtein distance between two short strings.
func EditDistance(a, b string) int { return editDistance(a, b, -1) }

// WithinEdits reports whether EditDistance(a, b) <= k, stopping as soon
// as every way through is dearer: most pairs of names compared differ
// from their first letters.
func WithinEdits(a, b string, k int) bool { return editDistance(a, b, k) <= k }

// editDistance is EditDistance, or more than bound once the distance is
// sure to be (a row's least cost never falls in the rows after it); a
// negative bound is none.
func editDistance(a, b string, bound int) int {
	ra, rb := []rune(a), []rune(b)
	var buf [2][64]int
	var prev, cur []int
	if len(rb) < 64 {
		prev, cur = buf[0][:len(rb)+1], buf[1][:len(rb)+1]
	} else {
		prev, cur = make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		least := i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
			least = min(least, c)
		}
		if bound >= 0 && least > bound {
			return bound + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// ToLower is strings.ToLower, quicker on ASCII text (most text): one pass
// that lowers as it reads, into a buffer on the stack when the text is
// short, where strings.ToLower reads the text twice and writes it a byte
// at a time.
func ToLower(s string) string {
	var stack [256]byte
	var b []byte
	if len(s) <= len(stack) {
		b = stack[:len(s)]
	} else {
		b = make([]byte, len(s))
	}
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		b[i] = c
	}
	if !upper {
		return s
	}
	return string(b)
}
