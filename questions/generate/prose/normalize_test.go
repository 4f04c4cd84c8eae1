package prose

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// normalizeTests follow SQuAD's normalisation.
var normalizeTests = [][2]string{
	{"The Normans", "normans"}, {"  the   Battle of Hastings.", "battle of hastings"}, {"Workers' Opposition", "workers opposition"},
	{"an apple a day", "apple day"}, {"Île-de-France", "île de france"}, {"30,000", "30000"}, {"Norse–Gaels", "norse gaels"},
	{"the end of the 1920s", "end of 1920s"}, {"Theatre", "theatre"},
}

func TestNormalize(t *testing.T) {
	for _, tt := range normalizeTests {
		if got := Normalize(tt[0]); got != tt[1] {
			t.Errorf("normalize(%q) = %q, want %q", tt[0], got, tt[1])
		}
	}
}

// normalizeWords is Normalize said plainly: cut at the separators, keep
// the letters and digits of each piece in lower case, drop the empty
// pieces and the articles, join with single spaces.
func normalizeWords(s string) string {
	var words []string
	var cur []rune
	flush := func() {
		if w := string(cur); w != "" && w != "a" && w != "an" && w != "the" {
			words = append(words, w)
		}
		cur = cur[:0]
	}
	for _, r := range s {
		ascii := r < utf8.RuneSelf
		switch {
		case ascii && strings.ContainsRune(" \t\n-/", r) || !ascii && (unicode.IsSpace(r) || r == '–' || r == '—'):
			flush()
		case ascii && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') || !ascii && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			cur = append(cur, unicode.ToLower(r))
		}
	}
	flush()
	return strings.Join(words, " ")
}

// Normalize, which works on bytes in one pass, agrees with the plain
// statement of what it does, on random strings of the characters that
// matter (invalid UTF-8 and strings longer than its stack buffer
// included); Plain without an apostrophe is Normalize.
func TestNormalize_AgreesWithWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	abc := []string{"a", "an", "the", "The", "A", "x", "É", "é", "1", " ", "  ", "\t", "\n", "\r", "-", "/", "–", "—", "\u00a0", "\u0085", ".", ",", "'", "'s", "\xc3", "\x80", "İ", "ß", "Ω"}
	for n := range 20000 {
		s := randomString(rng, abc, 12+n%300)
		if got, want := Normalize(s), normalizeWords(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
		if !strings.Contains(s, "'") {
			if got, want := Plain(s), Normalize(s); got != want {
				t.Fatalf("Plain(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// ToLower agrees with strings.ToLower, on ASCII and other text, short
// and longer than its stack buffer.
func TestToLower(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	abc := []string{"a", "Z", "A", "z", "@", "[", "`", "{", "1", " ", "É", "é", "İ", "\u212a", "\xc3", "ß"}
	cases := []string{"", "the", "The Normans", strings.Repeat("Ab", 200), strings.Repeat("ab", 200)}
	for n := range 20000 {
		letters := abc
		if n%2 == 0 {
			letters = abc[:10] // ASCII only
		}
		cases = append(cases, randomString(rng, letters, 8+n%400))
	}
	for _, s := range cases {
		if got, want := ToLower(s), strings.ToLower(s); got != want {
			t.Fatalf("ToLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// WordCount, which reads eight bytes at a time, counts what
// strings.FieldsFunc cuts at spaces, tabs and line breaks.
func TestWordCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	abc := []string{"a", "b", " ", "  ", "\t", "\n", "\r", "\x00", "\x80", "é", "!", "\x20\x01", "\x09\xff", "\x0a\x0b"}
	cases := []string{"", " ", "a", "The Normans were in Normandy.", "  eight  words  and  some  more  here  now  x  "}
	for n := range 50000 {
		cases = append(cases, randomString(rng, abc, 4+n%60))
	}
	for _, s := range cases {
		want := len(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }))
		if got := WordCount(s); got != want {
			t.Fatalf("WordCount(%q) = %d, want %d", s, got, want)
		}
	}
}
