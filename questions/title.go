package questions

import (
	"strings"
	"unicode/utf8"
)

// MaxTitleLen is the longest set title kept, in characters. A title taken
// from somewhere else (a file name, a document's first heading, a
// category of an imported file) may be longer: ShortTitle cuts it.
const MaxTitleLen = 200

// ShortTitle returns title with its runs of spaces made one, cut to at
// most MaxTitleLen characters: at the last space of the kept part when
// there is one near its end, with an ellipsis to show it was cut.
func ShortTitle(title string) string {
	return Shorten(strings.Join(strings.Fields(title), " "), MaxTitleLen)
}

// Shorten cuts s to at most n characters (n > 1), at the last space of
// the kept part when there is one in its last fifth, ending it with an
// ellipsis; s of n characters or fewer is returned as it is.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, count := 0, 0
	for i := range s {
		if count == n-1 {
			cut = i
			break
		}
		count++
	}
	kept := s[:cut]
	if sp := strings.LastIndexByte(kept, ' '); sp > 0 && utf8.RuneCountInString(kept[sp:]) <= n/5 {
		kept = kept[:sp]
	}
	return strings.TrimRight(kept, " ") + "…"
}
