package generate

import (
	"strings"
	"testing"

	"factdrill/questions/generate/prose"
)

// TestLowerIn checks that lowerIn answers as a lookup of the lower-cased
// word does, for ASCII, non-ASCII and long words.
func TestLowerIn(t *testing.T) {
	m := map[string]int{"the": 1, "élan": 2, "straße": 3, strings.Repeat("a", 40): 4, "": 5}
	for _, w := range []string{"the", "The", "THE", "then", "Élan", "ÉLAN", "STRASSE", "Straße", strings.Repeat("A", 40), strings.Repeat("A", 32), "", "İ", "x\xffy"} {
		if got, want := lowerIn(m, w), m[strings.ToLower(w)]; got != want {
			t.Errorf("lowerIn(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestWordCount checks wordCount against strings.Fields.
func TestWordCount(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "tab\tand\nnewline", "no\u00a0break"} {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestAppendFields checks appendFields against strings.Fields, and that it
// keeps what dst held.
func TestAppendFields(t *testing.T) {
	for _, s := range []string{"", "  ", "one", " two  words ", "tab\tand\nnewline"} {
		got := appendFields([]string{"x"}, s)
		want := append([]string{"x"}, strings.Fields(s)...)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestPlainOrNormal checks that plainOrNormal, given a string's plain form,
// answers as prose.Normalize does, with and without apostrophes.
func TestPlainOrNormal(t *testing.T) {
	for _, s := range []string{"", "The Rolling Stones", "Ireland's", "the King's Men", "rock 'n' roll", "Ørsted — A/S", "O’Neill"} {
		if got, want := plainOrNormal(s, prose.Plain(s)), prose.Normalize(s); got != want {
			t.Errorf("plainOrNormal(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestSLemma checks the bases sLemma tries, in order, for a verb in -s.
func TestSLemma(t *testing.T) {
	for _, c := range []struct {
		w, want string
		ok      bool
	}{
		{"runs", "run", true}, {"carries", "carry", true}, {"watches", "watch", true},
		{"is", "", false}, {"glass", "", false}, {"run", "", false},
	} {
		if got, ok := sLemma(c.w); got != c.want || ok != c.ok {
			t.Errorf("sLemma(%q) = %q, %v, want %q, %v", c.w, got, ok, c.want, c.ok)
		}
	}
}

// TestSpans checks that spans leaves out a bracketed aside of two words or
// more, keeps a short gloss, and appends to what out held.
func TestSpans(t *testing.T) {
	c := &clause{toks: prose.Tokenize("The Normans (Norman: Nourmands) came from RCP (b) lands.")}
	got := c.spans([][2]int{{9, 9}}, 0, len(c.toks))
	want := [][2]int{{9, 9}, {0, 2}, {7, len(c.toks)}}
	if len(got) != len(want) {
		t.Fatalf("spans = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("spans = %v, want %v", got, want)
		}
	}
}

// TestSplitNameAppends checks that splitName appends the person and the
// place of "King Charles III of West Francia" to what out held.
func TestSplitNameAppends(t *testing.T) {
	toks := prose.Tokenize("King Charles III of West Francia")
	got := splitName([]mention{{a: 9, b: 9}}, toks, 0, len(toks))
	want := []mention{{a: 9, b: 9}, {a: 0, b: 3}, {a: 4, b: 6}}
	if len(got) != len(want) {
		t.Fatalf("splitName = %v, want %v", got, want)
	}
	for i := range want {
		if got[i].a != want[i].a || got[i].b != want[i].b {
			t.Fatalf("splitName = %v, want %v", got, want)
		}
	}
}

// TestWordList checks that a filtered list answers as its map does: for
// every word in it, for the empty word, and for the words of a text and
// their near misses, which the filter must pass to the map or turn away
// only when they are surely not there.
func TestWordList(t *testing.T) {
	m := map[string]int{"the": 1, "élan": 2, "": 3, "a": 4, "was": 5, "were": 6}
	l := listOf(m)
	words := []string{"", "a", "b", "the", "thee", "The", "élan", "elan", "was", "wax", "were", "wore", "x\xffy"}
	for _, w := range strings.Fields(strings.ToLower(seedText(t))) {
		words = append(words, w, w+"s", w[1:])
	}
	for w := range m {
		words = append(words, w)
	}
	for _, w := range words {
		gotV, gotOK := l.get(w)
		wantV, wantOK := m[w]
		if gotV != wantV || gotOK != wantOK {
			t.Errorf("get(%q) = %d, %v; want %d, %v", w, gotV, gotOK, wantV, wantOK)
		}
		if got := l.has(w); got != wantV {
			t.Errorf("has(%q) = %d, want %d", w, got, wantV)
		}
	}
	// The lists built at start answer as theirs do for every word of theirs.
	for w := range auxiliaries {
		if !auxiliaryList.has(w) {
			t.Errorf("auxiliaryList.has(%q) = false", w)
		}
	}
	for w, b := range pastToBase {
		if got, ok := pastList.get(w); !ok || got != b {
			t.Errorf("pastList.get(%q) = %q, %v; want %q, true", w, got, ok, b)
		}
	}
}
