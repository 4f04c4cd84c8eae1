package quiz

import (
	"math/rand/v2"
	"slices"
	"testing"

	"factdrill/questions"
)

func TestFixedOption(t *testing.T) {
	for text, want := range map[string]bool{
		"All of the above": true, "none of these.": true, "All the above": true, "Neither of the above": true,
		"Both A and B": true, "A and B": true, "a & c": true, "Neither A nor B": true,
		"Paris": false, "All roads lead to Rome": false, "None": false, "Above the clouds": false, "Anyone": false,
	} {
		if got := FixedOption(text); got != want {
			t.Errorf("FixedOption(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestOptionOrder(t *testing.T) {
	q := questions.Question{Kind: questions.MultipleChoice, Stem: "?", Choices: []questions.Choice{
		{Text: "Lenin", Weight: 100}, {Text: "Trotsky"}, {Text: "Stalin"}, {Text: "Bukharin"}, {Text: "All of the above"}}}
	rng := rand.New(rand.NewPCG(1, 2))
	firsts := map[int]int{}
	for range 200 {
		o := OptionOrder(q, true, rng)
		if !o.Valid(5) {
			t.Fatalf("OptionOrder = %v, not an order of 5", o)
		}
		if o[4] != 4 {
			t.Fatalf("OptionOrder = %v: 'All of the above' moved", o)
		}
		firsts[o[0]]++
	}
	if len(firsts) != 4 || firsts[0] > 100 {
		t.Errorf("over 200 attempts the first option shown was %v; want each of the 4 free options, the key not mostly first", firsts)
	}
	for _, tt := range []struct {
		name    string
		q       questions.Question
		shuffle bool
	}{
		{"NoShuffle", q, false},
		{"KeepOrder", func() questions.Question { k := q; k.KeepOrder = true; return k }(), true},
		{"TrueFalse", tf, true},
	} {
		if o := OptionOrder(tt.q, tt.shuffle, rng); o != nil {
			t.Errorf("%s: OptionOrder = %v, want nil (the order the page shows by itself)", tt.name, o)
		}
	}
	m := OptionOrder(match, true, rng)
	if !m.Valid(len(match.MatchAnswers())) {
		t.Errorf("matching order = %v", m)
	}
	if got := MatchAnswersShown(match, m); len(got) != 4 || !slices.Contains(got, "Paris") {
		t.Errorf("MatchAnswersShown = %v", got)
	}
	if got := MatchAnswersShown(match, nil); !slices.IsSorted(got) {
		t.Errorf("MatchAnswersShown without an order = %v, want sorted", got)
	}
}

func TestCarry(t *testing.T) {
	older := questions.Question{Kind: questions.MultipleChoice, Choices: []questions.Choice{{Text: "a"}, {Text: "b", Weight: 100}, {Text: "c"}}}
	newer := questions.Question{Kind: questions.MultipleChoice, Choices: []questions.Choice{{Text: "c"}, {Text: "b", Weight: 100}, {Text: "d"}}}
	if got := CarryAnswer(older, newer, Answer{Choices: []int{1}}); !slices.Equal(got.Choices, []int{1}) {
		t.Errorf("CarryAnswer(b) = %v, want [1]", got.Choices)
	}
	if got := CarryAnswer(older, newer, Answer{Choices: []int{0, 2}}); !slices.Equal(got.Choices, []int{0}) {
		t.Errorf("CarryAnswer(a, c) = %v, want [0]: a is gone, c is now first", got.Choices)
	}
	if got := CarryOrder(older, newer, Options{2, 0, 1}); !slices.Equal(got, Options{0, 1, 2}) {
		t.Errorf("CarryOrder = %v, want c, b, then the new d", got)
	}
	if got := CarryOrder(older, newer, nil); got != nil {
		t.Errorf("CarryOrder(nil) = %v", got)
	}
}
