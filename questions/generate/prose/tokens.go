package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind tells words, numbers and punctuation apart.
type Kind uint8

const (
	Word   Kind = iota
	Number      // starts with a digit: "1920", "30,000", "10th", "1050s"
	Punct
)

// A Token is a word, number or punctuation mark of a sentence, with its byte
// span in the sentence.
type Token struct {
	Text       string
	Lower      string
	Start, End int
	Kind       Kind
	Cap        bool // begins with an upper-case letter
}

func (t Token) Is(words ...string) bool {
	for _, w := range words {
		if t.Lower == w {
			return true
		}
	}
	return false
}

// Tokenize splits a sentence into tokens. Words keep inner apostrophes and
// hyphens ("d'Aulps", "co-signed"), dotted abbreviations ("U.S.", "St.") and
// the plural possessive apostrophe ("Workers'"); "'s" is a token of its own.
// Numbers keep their grouping and decimals ("30,000", "3.5").
func Tokenize(s string) []Token { return AppendTokens(make([]Token, 0, len(s)/5+1), s) }

// AppendTokens appends the tokens of a sentence to toks, as Tokenize cuts
// them, and returns the longer slice.
func AppendTokens(toks []Token, s string) []Token {
	return appendTokens(toks, s, ToLower(s))
}

// appendTokens is AppendTokens given the sentence in lower case.
func appendTokens(toks []Token, s, low string) []Token {
	// One lower-case copy of the sentence serves every token, when lower
	// case keeps every byte where it was (it does for ASCII and most text).
	sameLen := len(low) == len(s)
	add := func(start, end int, kind Kind) {
		t := s[start:end]
		lt := t
		if sameLen {
			lt = low[start:end]
		} else {
			lt = strings.ToLower(t)
		}
		c := t[0]
		upper := c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf && unicode.IsUpper(FirstRune(t))
		toks = append(toks, Token{Text: t, Lower: lt, Start: start, End: end, Kind: kind, Cap: upper})
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ':
			i += size
		case unicode.IsDigit(r):
			j := i + size
			for j < len(s) {
				c := s[j]
				if c >= '0' && c <= '9' {
					j++
				} else if (c == ',' || c == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
					j++
				} else {
					break
				}
			}
			// Suffixes: "10th", "1050s", "3rd", "5km".
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += sz
			}
			add(i, j, Number)
			i = j
		case unicode.IsLetter(r):
			j := wordEnd(s, i)
			// An abbreviation keeps its period: "St.", "Gen.", "U.S.".
			if j < len(s) && s[j] == '.' {
				w := ToLower(s[i:j])
				if abbreviations[w] && !(digitAbbrevs[w] && !followedByDigit(s, j+1)) ||
					strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r) {
					j++
				}
			}
			// The plural possessive: "Workers' Opposition".
			if j+1 < len(s) && s[j] == '\'' && s[j-1] == 's' && s[j+1] == ' ' {
				j++
			}
			add(i, j, Word)
			i = j
		case r == '\'' && i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S') && (i+2 == len(s) || !isLetterAt(s, i+2)) && i > 0 && s[i-1] != ' ':
			add(i, i+2, Word)
			i += 2
		default:
			add(i, i+size, Punct)
			i += size
		}
	}
	return toks
}

// wordEnd returns the end of the word starting at s[i]: letters, digits and
// marks, joined by inner apostrophes, hyphens and (in acronyms) periods.
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		if c := s[j]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			j++ // most of a word: an ASCII letter or digit, read without decoding
			continue
		} else if c < utf8.RuneSelf && c != '-' && c != '\'' && c != '.' {
			return j // most ends of a word: a space or a mark no word runs over
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			j += size
		case r == '-' && isLetterOrDigitAt(s, j+size) && j > i:
			j += size
		case r == '\'' && j > i && isLetterAt(s, j+1) && !(s[j+1] == 's' && !isLetterAt(s, j+2)):
			j += size
		case r == '.' && j > i && isLetterAt(s, j+1) && j+2 < len(s) && s[j+2] == '.' && utf8.RuneCountInString(s[i:j]) <= 2:
			// "U.S.", "e.g.": a letter, a period, a letter, a period.
			j += size
		default:
			return j
		}
	}
	return j
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isLetterOrDigitAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func followedByDigit(s string, i int) bool {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i < len(s) && s[i] >= '0' && s[i] <= '9'
}

// IsWord reports whether the token is a word (not a number or a mark).
func (t Token) IsWord() bool { return t.Kind == Word && t.Text != "'s" }

// AllCaps reports whether a word is an acronym: two or more letters, most of
// them capitals ("RCP", "VTsSPS", "NEP").
func (t Token) AllCaps() bool {
	up, low := 0, 0
	for _, r := range t.Text {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
	}
	return up >= 2 && up > low
}

// Roman reports whether a word is a Roman numeral used in names ("II", "VII").
func (t Token) Roman() bool {
	if t.Text == "" || len(t.Text) > 6 {
		return false
	}
	for _, r := range t.Text {
		if !strings.ContainsRune("IVXL", r) {
			return false
		}
	}
	return true
}
