package generate

import (
	"reflect"
	"testing"

	"factdrill/questions/generate/prose"
)

// Stems of one sentence share the storage of their tokens, and the next
// sentence reuses it: each stem's tokens stay its own until then, and
// are those Tokenize cuts.
func TestStemOf_SharedTokens(t *testing.T) {
	cache := map[string]*stemInfo{}
	nextSentence(cache)
	stems := [][]string{
		{"Kollontai co-signed the Blank in 1921.", "Who co-signed the letter in 1921?", "Kollontai co-signed the letter in Blank."},
		{"The Workers' Opposition's theses were rejected.", "The Blank were rejected at the congress of 1921 in Moscow."},
	}
	var storage *prose.Token // where the storage the last sentence's stems shared begins
	for n, sentence := range stems {
		var infos []*stemInfo
		for _, s := range sentence {
			infos = append(infos, stemOf(s, cache))
		}
		// The first stem's tokens lie where the last sentence's ended up:
		// the storage is reused, not asked for anew.
		if n > 0 && &infos[0].toks[0] != storage {
			t.Errorf("sentence %d: the first stem's tokens are not in the storage the sentence before left", n)
		}
		for i, s := range sentence {
			if got, want := infos[i].toks, prose.Tokenize(s); !reflect.DeepEqual(got, want) {
				t.Errorf("stemOf(%q).toks = %v, want %v", s, got, want)
			}
			if stemOf(s, cache) != infos[i] {
				t.Errorf("stemOf(%q) again is not the cached entry", s)
			}
		}
		storage = &cache[stemTokens].toks[0]
		nextSentence(cache)
		if len(cache) != 1 || len(cache[stemTokens].toks) != 0 {
			t.Errorf("after nextSentence the cache holds %d entries and %d tokens, want only the empty storage", len(cache), len(cache[stemTokens].toks))
		}
	}
	// A cache without the storage works as before.
	plain := map[string]*stemInfo{}
	if got, want := stemOf("He wrote it.", plain).toks, prose.Tokenize("He wrote it."); !reflect.DeepEqual(got, want) {
		t.Errorf("stemOf without storage = %v, want %v", got, want)
	}
}
