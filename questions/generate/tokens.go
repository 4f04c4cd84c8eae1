package generate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind tells words, numbers and punctuation apart.
type tokKind uint8

const (
	tWord tokKind = iota
	tNum          // starts with a digit: "1920", "30,000", "10th", "1050s"
	tPunct
)

// A token is a word, number or punctuation mark of a sentence, with its byte
// span in the sentence.
type token struct {
	text       string
	lower      string
	start, end int
	kind       tokKind
	cap        bool // begins with an upper-case letter
}

func (t token) is(words ...string) bool {
	for _, w := range words {
		if t.lower == w {
			return true
		}
	}
	return false
}

// tokenize splits a sentence into tokens. Words keep inner apostrophes and
// hyphens ("d'Aulps", "co-signed"), dotted abbreviations ("U.S.", "St.") and
// the plural possessive apostrophe ("Workers'"); "'s" is a token of its own.
// Numbers keep their grouping and decimals ("30,000", "3.5").
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	add := func(start, end int, kind tokKind) {
		t := s[start:end]
		toks = append(toks, token{text: t, lower: strings.ToLower(t), start: start, end: end, kind: kind, cap: unicode.IsUpper(firstRune(t))})
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
			add(i, j, tNum)
			i = j
		case unicode.IsLetter(r):
			j := wordEnd(s, i)
			// An abbreviation keeps its period: "St.", "Gen.", "U.S.".
			if j < len(s) && s[j] == '.' {
				w := strings.ToLower(s[i:j])
				if abbreviations[w] && !(digitAbbrevs[w] && !followedByDigit(s, j+1)) ||
					strings.Contains(w, ".") || utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r) {
					j++
				}
			}
			// The plural possessive: "Workers' Opposition".
			if j+1 < len(s) && s[j] == '\'' && s[j-1] == 's' && s[j+1] == ' ' {
				j++
			}
			add(i, j, tWord)
			i = j
		case r == '\'' && i+1 < len(s) && (s[i+1] == 's' || s[i+1] == 'S') && (i+2 == len(s) || !isLetterAt(s, i+2)) && i > 0 && s[i-1] != ' ':
			add(i, i+2, tWord)
			i += 2
		default:
			add(i, i+size, tPunct)
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

// isWord reports whether the token is a word (not a number or a mark).
func (t token) isWord() bool { return t.kind == tWord && t.text != "'s" }

// allCaps reports whether a word is an acronym: two or more letters, most of
// them capitals ("RCP", "VTsSPS", "NEP").
func (t token) allCaps() bool {
	up, low := 0, 0
	for _, r := range t.text {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
	}
	return up >= 2 && up > low
}

// roman reports whether a word is a Roman numeral used in names ("II", "VII").
func (t token) roman() bool {
	if t.text == "" || len(t.text) > 6 {
		return false
	}
	for _, r := range t.text {
		if !strings.ContainsRune("IVXL", r) {
			return false
		}
	}
	return true
}

// joinTokens rebuilds text from tokens toks[a:b] of sentence s, keeping the
// original spacing.
func joinTokens(s string, toks []token, a, b int) string {
	if a >= b {
		return ""
	}
	return s[toks[a].start:toks[b-1].end]
}
