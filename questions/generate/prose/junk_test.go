package prose

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// The words looksLikeListEntry asks for before editedWork and publisherAt
// run turn away no sentence either would match, on the cases that made
// the patterns and on random strings of their pieces.
func TestListEntry_WordsBeforePatterns(t *testing.T) {
	checks := []struct {
		name      string
		ref, fast func(s string) bool
		seen      []string
		abc       []string
	}{
		{"editedWork",
			func(s string) bool { return editedWork.MatchString(s) },
			func(s string) bool { return editedBy(strings.ToLower(s)) && editedWork.MatchString(s) },
			[]string{"On the Forces of Nature, edited by W. Crookes, Chatto & Windus, 1873", "It was founded by him in 1873.", "TRANSLATED BY Smith, 1901.", "reviſed by Smith 1901"},
			[]string{"edited", "Edited", "transla", "ted", "illu", "strated", "compiled", "revi", "s", "ſ", "ed", " by", " by ", "By", " ", "1873", "2001", "1499", ").", ".", "x"}},
		{"publisherAt",
			func(s string) bool { return publisherAt.MatchString(s) },
			func(s string) bool {
				return containsAny(s, "Press, ", "Publishers, ", "Publishing, ", "Books, ") && publisherAt.MatchString(s)
			},
			[]string{"University Of Chicago Press, Chicago the Amur tiger", "Penguin Books, London and", "The Press, he said"},
			[]string{"University ", "Chicago ", "Press", "Press, ", "Books, ", "Publishers, ", "Publishing, ", ", ", " ", "the", "a", "Ab"}},
		{"pagesYear",
			func(s string) bool { return strings.Contains(s, ", ") && pagesYear.MatchString(s) },
			func(s string) bool { return digitRange(s) && strings.Contains(s, ", ") && pagesYear.MatchString(s) },
			[]string{"Journal of Physics, 229-269, 1784", "Journal, 229–269, 2001.", "a well-known, 1-2 man", "9-"},
			[]string{", ", ", 229", "-269", "–269", ", 1784", ", 2001", ", 1499", "1", "-", "–", " ", "x", "\xe2"}},
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for _, c := range checks {
		cases := c.seen
		for range 100000 {
			cases = append(cases, randomString(rng, c.abc, 10))
		}
		matched := 0
		for _, s := range cases {
			want := c.ref(s)
			if want {
				matched++
			}
			if got := c.fast(s); got != want {
				t.Errorf("%s with its words first on %q = %v, the pattern alone %v", c.name, s, got, want)
			}
		}
		if matched < 50 {
			t.Errorf("%s: only %d cases match; the random cases test too little", c.name, matched)
		}
	}
}

// hasMathSymbol agrees with strings.ContainsAny, on ASCII and other text.
func TestHasMathSymbol(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	abc := []string{"a", "1", " ", "+", "=", "^", "<", ">", "−", "×", "÷", "±", "→", "⇌", "≤", "≥", "é", "\xe2", "\x88", "-", "*"}
	cases := []string{"", "2H", "SO4", "2−", "a+b"}
	for range 50000 {
		cases = append(cases, randomString(rng, abc, 6))
	}
	for _, s := range cases {
		if got, want := hasMathSymbol(s), strings.ContainsAny(s, mathSymbols); got != want {
			t.Errorf("hasMathSymbol(%q) = %v, strings.ContainsAny says %v", s, got, want)
		}
	}
}

// collapseSpaces, which reads ASCII without decoding it, agrees with the
// same rule read rune by rune, invalid UTF-8 included.
func TestCollapseSpaces(t *testing.T) {
	byRunes := func(s string) string {
		var b strings.Builder
		space := false
		for _, r := range s {
			if unicode.IsSpace(r) {
				space = b.Len() > 0
				continue
			}
			if space && !strings.ContainsRune(",.;:!?)]", r) {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
		return b.String()
	}
	rng := rand.New(rand.NewPCG(13, 14))
	abc := []string{"a", " ", "  ", "\t", "\n", "\u00a0", "\u0085", "\u2003", ",", ".", ")", "]", "(", "é", "\xc3", "\x80", "\xff"}
	cases := []string{"", " ", "Lutovinov , secretary", "  a  b  "}
	for range 50000 {
		cases = append(cases, randomString(rng, abc, 12))
	}
	for _, s := range cases {
		if got, want := collapseSpaces(s), byRunes(s); got != want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", s, got, want)
		}
	}
}

// randomString joins up to most-1 pieces of abc drawn at random.
func randomString(rng *rand.Rand, abc []string, most int) string {
	var b strings.Builder
	for range rng.IntN(most) {
		b.WriteString(abc[rng.IntN(len(abc))])
	}
	return b.String()
}

// TestPairSet checks that a pairSet's contains answers as strings.Contains
// does: for strings in the text, strings one byte off, the empty string,
// single bytes and strings longer than the text.
func TestPairSet(t *testing.T) {
	text := "the painting (left) was retrieved on 5 may; isbn 0-19 — ſ"
	var p pairSet
	p.add(text)
	subs := []string{"", "t", "z", "the", "the painting", "(left)", "(right)", "retrieved on", "isbn", "issn", "ſ", "—", " 0-19 ", text, text + "x", "x" + text}
	for i := 0; i+1 < len(text); i++ {
		subs = append(subs, text[i:i+2], text[i:min(len(text), i+5)], text[i:i+1]+"q")
	}
	for _, sub := range subs {
		if got, want := p.contains(text, sub), strings.Contains(text, sub); got != want {
			t.Errorf("contains(%q) = %v, want %v", sub, got, want)
		}
	}
}
