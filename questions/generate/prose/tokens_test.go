package prose

import (
	"reflect"
	"testing"
)

var tokenizeTests = []struct {
	s    string
	want []string
}{
	{"Kollontai co-signed the letter.", []string{"Kollontai", "co-signed", "the", "letter", "."}},
	{"The Workers' Opposition's theses", []string{"The", "Workers'", "Opposition", "'s", "theses"}},
	{"30,000 men and 3.5 ships in the 1050s", []string{"30,000", "men", "and", "3.5", "ships", "in", "the", "1050s"}},
	{"St. Petersburg and the U.S. Senate", []string{"St.", "Petersburg", "and", "the", "U.S.", "Senate"}},
	{"Pierre d'Aulps, No. 5", []string{"Pierre", "d'Aulps", ",", "No.", "5"}},
	{"He said no. Then", []string{"He", "said", "no", ".", "Then"}},
	{"No. 5 won", []string{"No.", "5", "won"}},
}

func TestTokenize(t *testing.T) {
	for _, tt := range tokenizeTests {
		var got []string
		for _, tok := range Tokenize(tt.s) {
			got = append(got, tok.Text)
			if tt.s[tok.Start:tok.End] != tok.Text {
				t.Errorf("Tokenize(%q): token %q has span [%d,%d) = %q", tt.s, tok.Text, tok.Start, tok.End, tt.s[tok.Start:tok.End])
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// AppendTokens leaves what toks held and adds the tokens Tokenize cuts.
func TestAppendTokens(t *testing.T) {
	var toks []Token
	var want []Token
	for _, tt := range tokenizeTests {
		toks = AppendTokens(toks, tt.s)
		want = append(want, Tokenize(tt.s)...)
	}
	if !reflect.DeepEqual(toks, want) {
		t.Errorf("AppendTokens one sentence after another = %v, want %v", toks, want)
	}
}

func TestToken_Kinds(t *testing.T) {
	toks := Tokenize("RCP met VII times in 1920 .")
	if !toks[0].AllCaps() || toks[1].AllCaps() {
		t.Errorf("AllCaps: RCP %v, met %v; want true, false", toks[0].AllCaps(), toks[1].AllCaps())
	}
	if !toks[2].Roman() || toks[3].Roman() {
		t.Errorf("Roman: VII %v, times %v; want true, false", toks[2].Roman(), toks[3].Roman())
	}
	if toks[5].Kind != Number || toks[6].Kind != Punct || toks[4].Kind != Word || !toks[0].Cap || toks[1].Cap {
		t.Errorf("kinds and capitals wrong: %+v", toks)
	}
	if !toks[1].Is("went", "met") || toks[1].Is("went") {
		t.Errorf("Is: %q", toks[1].Text)
	}
}

func TestContainsWord(t *testing.T) {
	// Each pair is a text and a word it holds as a word.
	holds := [][2]string{{"lutovinov and kollontai", "kollontai"}, {"in 1920 they", "1920"}, {"île de france", "île"}}
	// And these it does not: part of a longer word, or nothing.
	lacks := [][2]string{{"lutovinovs", "lutovinov"}, {"the 1920s", "1920"}, {"anything", ""}}
	for _, p := range holds {
		if !ContainsWord(p[0], p[1]) {
			t.Errorf("ContainsWord(%q, %q) = false, want true", p[0], p[1])
		}
	}
	for _, p := range lacks {
		if ContainsWord(p[0], p[1]) {
			t.Errorf("ContainsWord(%q, %q) = true, want false", p[0], p[1])
		}
	}
}

func TestPlainAndWordCount(t *testing.T) {
	if got, want := Plain("Shlyapnikov's theses, the Workers' group"), "shlyapnikov theses workers group"; got != want {
		t.Errorf("Plain = %q, want %q", got, want)
	}
	if got := WordCount("  one two\tthree\nfour "); got != 4 {
		t.Errorf("WordCount = %d, want 4", got)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"yuri", "yury", 1}, {"kiselyov", "kiselev", 2}, {"", "abc", 3}, {"salai", "salaino", 2}, {"é", "e", 1}} {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
