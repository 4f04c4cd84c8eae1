package views

import (
	"io/fs"
	"testing"

	"factdrill/questions"
)

// TestSamples reads the sample question files the upload page offers:
// each must import as the kinds it shows.
func TestSamples(t *testing.T) {
	for name, want := range map[string][]questions.Kind{
		"samples/questions.gift": {questions.MultipleChoice, questions.TrueFalse, questions.ShortAnswer, questions.Numerical,
			questions.Numerical, questions.Matching, questions.MultipleChoice, questions.MultipleChoice, questions.Essay},
		"samples/questions.csv": {questions.MultipleChoice, questions.ShortAnswer, questions.Cloze, questions.MultipleChoice, questions.ShortAnswer},
	} {
		data, err := fs.ReadFile(Static, name)
		if err != nil {
			t.Fatal(err)
		}
		set, err := questions.Read(name, data)
		if err != nil {
			t.Fatalf("%s does not import: %v", name, err)
		}
		if len(set.Questions) != len(want) {
			t.Fatalf("%s has %d questions, want %d", name, len(set.Questions), len(want))
		}
		for i, q := range set.Questions {
			if q.Kind != want[i] {
				t.Errorf("%s: question %d (%s) is %s, want %s", name, i+1, q.Name(), q.Kind, want[i])
			}
		}
	}
}
