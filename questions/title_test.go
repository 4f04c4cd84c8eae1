package questions

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShortTitle(t *testing.T) {
	long := strings.Repeat("word ", 100)
	cases := []struct {
		in, want string
	}{
		{"Capitals", "Capitals"},
		{"  Capitals   of \t Europe ", "Capitals of Europe"},
		{strings.Repeat("x", MaxTitleLen), strings.Repeat("x", MaxTitleLen)},
		{strings.Repeat("x", MaxTitleLen+1), strings.Repeat("x", MaxTitleLen-1) + "…"},
		{long, strings.TrimSpace(strings.Repeat("word ", 39)) + "…"},
		{strings.Repeat("é", 2_000_000), strings.Repeat("é", MaxTitleLen-1) + "…"},
	}
	for _, c := range cases {
		got := ShortTitle(c.in)
		if got != c.want {
			t.Errorf("ShortTitle(%.40q…) = %q, want %q", c.in, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > MaxTitleLen || !utf8.ValidString(got) {
			t.Errorf("ShortTitle(%.40q…) has %d characters (valid UTF-8: %v), want at most %d", c.in, n, utf8.ValidString(got), MaxTitleLen)
		}
	}
}
