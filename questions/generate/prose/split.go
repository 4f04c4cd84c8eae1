package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitSentences returns the byte spans [start, end) of the sentences of a
// paragraph. A sentence ends at ".", "!" or "?" (with any closing quotes or
// brackets) followed by a space and a capital, a digit or an opening quote,
// except after an abbreviation ("St.", "Gen.", "U.S."), an initial
// ("Aleksei S. Kiselyov"), or inside brackets or a short quotation.
func SplitSentences(s string) [][2]int {
	var out [][2]int
	start := 0
	depth, parenAt := 0, 0
	inQuote, quoteAt := false, 0
	emit := func(end int) {
		if t := strings.TrimSpace(s[start:end]); t != "" {
			lead := len(s[start:end]) - len(strings.TrimLeft(s[start:end], " "))
			out = append(out, [2]int{start + lead, start + lead + len(t)})
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[':
			if depth == 0 {
				parenAt = i
			}
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '"':
			inQuote = !inQuote
			quoteAt = i
		case '.', '!', '?':
			j := i
			for j < len(s) && (s[j] == '.' || s[j] == '!' || s[j] == '?') {
				j++
			}
			k := j
			for k < len(s) && strings.IndexByte(`"')]`, s[k]) >= 0 {
				switch s[k] {
				case '"':
					inQuote = !inQuote
				case ')', ']':
					if depth > 0 {
						depth--
					}
				}
				k++
			}
			if k < len(s) && s[k] != ' ' {
				i = k - 1
				continue
			}
			n := k
			for n < len(s) && s[n] == ' ' {
				n++
			}
			if n >= len(s) {
				i = n
				continue
			}
			if !isBoundary(s, i, j, n) ||
				depth > 0 && i-parenAt < 200 ||
				inQuote && i-quoteAt < 300 {
				i = k - 1
				continue
			}
			emit(k)
			start, depth, inQuote = n, 0, false
			i = n - 1
		}
	}
	emit(len(s))
	return out
}

// isBoundary decides whether the punctuation s[i:j] ends a sentence, given
// that the next word starts at n.
func isBoundary(s string, i, j, n int) bool {
	next, _ := utf8.DecodeRuneInString(s[n:])
	if next == '"' || next == '\'' || next == '(' || next == '[' {
		if n+1 < len(s) {
			next, _ = utf8.DecodeRuneInString(s[n+1:])
		}
	}
	if unicode.IsLower(next) {
		return false
	}
	if !unicode.IsUpper(next) && !unicode.IsDigit(next) {
		return false
	}
	if s[i] != '.' || j-i > 1 {
		return true
	}
	ws := i
	for ws > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:ws])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		ws -= size
	}
	w := s[ws:i]
	if w == "" {
		return true
	}
	lw := strings.ToLower(w)
	starter := sentenceStarters[strings.ToLower(nextWord(s[n:]))]
	switch {
	case unicode.IsDigit(next) && digitAbbrevs[lw]:
		return false
	case abbreviations[lw] && !digitAbbrevs[lw]:
		return finalAbbrevs[lw] && starter
	case utf8.RuneCountInString(w) == 1 && unicode.IsUpper(FirstRune(w)):
		// An initial, unless a new sentence plainly starts: "Richard I. The".
		return starter && (w == "I" || ws == 0 || !unicode.IsUpper(lastLetterBefore(s, ws)))
	case strings.Contains(w, "."):
		// A dotted acronym ("U.S.") ends a sentence only before a starter.
		return starter
	}
	return true
}

// nextWord returns the letters at the start of s, after an opening quote.
func nextWord(s string) string {
	s = strings.TrimLeft(s, `"'([`)
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// lastLetterBefore returns the first letter of the word before s[i:].
func lastLetterBefore(s string, i int) rune {
	t := strings.TrimRight(s[:i], " ")
	k := strings.LastIndexByte(t, ' ')
	return FirstRune(t[k+1:])
}
