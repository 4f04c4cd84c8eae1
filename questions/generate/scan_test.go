package generate

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"factdrill/questions/generate/prose"
)

// The hand scans that stand in for regular expressions and strings of
// searches on hot paths must agree with what they replace, on the cases that made the rule
// and on random strings of the characters that matter (invalid UTF-8
// included).
func TestScans_AgreeWithRegexps(t *testing.T) {
	scans := []struct {
		name string
		ref  func(string) bool // what the scan stands in for
		scan func(string) bool
		seen []string
		abc  []string // the characters random cases are drawn from
	}{
		{"runTogether", regexp.MustCompile(`\p{Ll}\p{Ll}\.\p{Lu}\p{Ll}`).MatchString, runTogether,
			[]string{"of present-day Romania.The first", "the U.S. Army", "Node.js", "e.g. This", "éé.Éé", "a.Bc", "ab.Bc", "ab.BC", "ab.B", "ab.", ".Ab"},
			[]string{"a", "b", "A", "é", "É", ".", " ", "\xc3", "\x80", "ß", "Ω", "1"}},
		{"pageCitation", regexp.MustCompile(`\b[A-Z][A-Za-z]+, \d{1,4} [A-Z_][a-z_]`).MatchString, pageCitation,
			[]string{"McCoy, 360 The Senate", "Fuess, 346 Former Brigadier", "Fuess, 34567 Former", "F, 3 The", "xFuess, 3 The", "1Ab, 3 Th", "éAb, 3 Th", "Ab, 3 T", "Ab, 3 Tx", "Ab, 3 _x", "Ab, 3 A_", "Ab,  3 Ab"},
			[]string{"a", "A", "Ab", ", ", ", 1 ", ", 12 Ab", ",", " ", "1", "_", "é", "\xc3", "\x80"}},
		{"untidy", func(s string) bool {
			for _, f := range []string{" ,", ",,", " .", "(", "  ", "?", ",."} {
				if strings.Contains(s, f) {
					return true
				}
			}
			return false
		}, untidy,
			[]string{"a , b", "a,, b", "a .", "(", "a  b", "why?", "a,.", "a, b.", "", " ", ","},
			[]string{"a", " ", ",", ".", "(", "?", "é"}},
		{"residueWord", func(s string) bool {
			low := strings.ToLower(s)
			for _, w := range residueWords {
				if strings.Contains(low, w) {
					return true
				}
			}
			return false
		}, residueWord,
			[]string{"See HTTP://x", "Retrieved 2 May", "WIKIPEDIA", "wi\u212Aipedia", "the Article", "(Left)", "et Al", "ibid", " ibid"},
			[]string{"http", "HTTP", "Wiki", "pedia", "et", " ", "al", "AL", "[edit]", "(left)", "\u212A", "İ", "x", "."}},
		{"gluedSource", func(s string) bool {
			for _, f := range strings.Fields(s) {
				if gluedWords(f) {
					return true
				}
			}
			return false
		}, gluedSource,
			[]string{"White House portraitWhile he", "McCoy", "iPhone", "abc Def", "abc\u00a0Def", "abc\u0085Def"},
			[]string{"a", "b", "c", "D", "É", "é", " ", "\t", "\u00a0", "\u0085", "\xc3", "1"}},
		{"referenceIn", referenceEntry.MatchString, referenceIn,
			[]string{"Gaines, Kevin (2006) American Africans in Ghana", "(Adam Curtis, BBC Two, 22 June 1992)", "Gaines, Kevin (1499)", "Gaines, Kevin (2106)", "in 2006) and", ")", "1999)", ""},
			[]string{"Gaines, Kevin", " (", "(", "1999)", "2006)", "1499)", "2100)", "19)", "Adam Curtis, ", "BBC Two", ", 22 June ", ")", " A.", "x", "é"}},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, sc := range scans {
		cases := sc.seen
		alphabet := sc.abc
		cases = appendRandom(cases, rng, alphabet, 200000, 12)
		matched := 0
		for _, s := range cases {
			want := sc.ref(s)
			if want {
				matched++
			}
			if got := sc.scan(s); got != want {
				t.Errorf("%s(%q) = %v, the rule it stands for says %v", sc.name, s, got, want)
			}
		}
		if matched < 100 {
			t.Errorf("%s: only %d cases match; the random cases test too little", sc.name, matched)
		}
	}
}

// outerWords agrees with the first and last of strings.Fields.
func TestOuterWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "b", " ", "\t", "\u00a0", "\u0085", "\u2003", "\xc3", "é"}
	cases := []string{"", " ", "a", " a ", "miss storer", "king  john ", "\u00a0a\u2003b\u0085"}
	cases = appendRandom(cases, rng, alphabet, 100000, 8)
	for _, s := range cases {
		first, last, several := outerWords(s)
		w := strings.Fields(s)
		var wf, wl string
		if len(w) > 0 {
			wf, wl = w[0], w[len(w)-1]
		}
		if first != wf || last != wl || several != (len(w) >= 2) {
			t.Errorf("outerWords(%q) = %q, %q, %v; strings.Fields gives %q", s, first, last, several, w)
		}
	}
}

// letterRuns yields what strings.FieldsFunc cuts at runes that are neither
// letters nor digits, and hasDigit agrees with strings.ContainsAny.
func TestLetterRunsAndHasDigit(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := []string{"a", "B", "1", " ", ",", "'", "é", "\xc3", "\u00a0", "²"}
	cases := []string{"", "Where was Curie born?", "a", " a,b ", "Curie's 2nd"}
	cases = appendRandom(cases, rng, alphabet, 100000, 8)
	for _, s := range cases {
		want := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		got := slices.Collect(letterRuns(s))
		if !slices.Equal(got, want) {
			t.Errorf("letterRuns(%q) = %q, strings.FieldsFunc gives %q", s, got, want)
		}
		if got, want := hasDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
			t.Errorf("hasDigit(%q) = %v, want %v", s, got, want)
		}
	}
}

// appendRandom appends n random strings of up to most pieces of alphabet.
func appendRandom(cases []string, rng *rand.Rand, alphabet []string, n, most int) []string {
	for range n {
		var b []byte
		for range rng.IntN(most) {
			b = append(b, alphabet[rng.IntN(len(alphabet))]...)
		}
		cases = append(cases, string(b))
	}
	return cases
}

// TestNameKeySpaced checks that the key read in place from a single-spaced
// name is the one cut from its words.
func TestNameKeySpaced(t *testing.T) {
	slow := func(s string) string {
		f := strings.Fields(strings.ToLower(s))
		for len(f) > 1 && (f[0] == "the" || personTitles[f[0]]) {
			f = f[1:]
		}
		if n := len(f); n > 0 {
			f[n-1] = strings.TrimSuffix(strings.TrimSuffix(f[n-1], "'s"), "'")
		}
		return strings.Join(f, " ")
	}
	for _, s := range []string{"Marie Curie", "King Henry VIII's", "the Queen", "The King of Spain", "Workers'",
		"Duke", "the duke Wellington", "'s", "x 's", "Ada  Lovelace", " Ada", "Ada\tLovelace", "Émile Zola", "", "the"} {
		if got, want := nameKey(s), slow(s); got != want {
			t.Errorf("nameKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestFieldsInPlace checks the word counts and last words read in place
// against strings.Fields.
func TestFieldsInPlace(t *testing.T) {
	for _, s := range []string{"", " ", "Ada", " Ada Lovelace ", "a b c d e f", "Ada\u00a0Lovelace", "x\ty\n", "one  two\u2003three\u00a0"} {
		f := strings.Fields(s)
		for n := 1; n <= 5; n++ {
			if got, want := fieldsUpTo(s, n), min(n, len(f)); got != want {
				t.Errorf("fieldsUpTo(%q, %d) = %d, want %d", s, n, got, want)
			}
		}
		want := ""
		if len(f) > 0 {
			want = f[len(f)-1]
		}
		if got := lastField(s); got != want {
			t.Errorf("lastField(%q) = %q, want %q", s, got, want)
		}
		if len(f) > 0 {
			want = f[0]
		}
		if got := firstField(s); got != want {
			t.Errorf("firstField(%q) = %q, want %q", s, got, want)
		}
		if got := fieldsUpTo(s, len(s)+1); got != len(f) {
			t.Errorf("fieldsUpTo(%q, all) = %d, want %d", s, got, len(f))
		}
	}
}

// TestNoGaps checks which runs of tokens are written together.
func TestNoGaps(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{{"Chad", true}, {"Chad's", true}, {"U.S.-based", true}, {"New Zealand", false}, {"Chad ,", false}} {
		if got := noGaps(prose.Tokenize(c.s)); got != c.want {
			t.Errorf("noGaps(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestDoubleSpace(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{" ", false},
		{"  ", true},
		{"a  b", true},
		{"ab  c", true},
		{"a b c", false},
		{"abc ", false},
		{"abc  ", true},
		{"  abc", true},
		{"a b  ", true},
	}
	for _, tt := range tests {
		if got := doubleSpace(tt.s); got != tt.want {
			t.Errorf("doubleSpace(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
