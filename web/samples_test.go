package web

import (
	"testing"

	"factdrill/questions"
)

// TestSamples: the sample files read without a problem, and the GIFT one
// has a question of every kind.
func TestSamples(t *testing.T) {
	for _, name := range []string{"sample.gift", "sample.csv"} {
		data, err := samples.ReadFile("samples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		set, err := questions.Read(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if name == "sample.gift" {
			kinds := map[questions.Kind]bool{}
			for _, q := range set.Questions {
				kinds[q.Kind] = true
			}
			for _, k := range questions.Kinds {
				if !kinds[k] {
					t.Errorf("sample.gift has no %s question", k.Label())
				}
			}
		}
		if len(set.Questions) < 5 {
			t.Errorf("%s has %d questions", name, len(set.Questions))
		}
	}
}
