package quiz

import (
	"math"
	"slices"
	"testing"

	"factdrill/questions"
)

var itemQuestions = []questions.Question{
	// 0: a good item: the strong students get it right.
	{Kind: questions.MultipleChoice, Stem: "Good?", Choices: []questions.Choice{{Text: "key", Weight: 100}, {Text: "d1"}, {Text: "d2"}}},
	// 1: a misleading item: the strong students pick the distractor.
	{Kind: questions.MultipleChoice, Stem: "Bad?", Choices: []questions.Choice{{Text: "key", Weight: 100}, {Text: "trap"}},
		Source: &questions.Source{Sentence: "A sentence.", Index: 2}},
	// 2: true/false, answered by all.
	{Kind: questions.TrueFalse, Stem: "True?", Truth: true},
	// 3: typed answers.
	{Kind: questions.ShortAnswer, Stem: "Capital?", Answers: []questions.Choice{{Text: "Paris", Weight: 100}}},
	// 4: not graded.
	{Kind: questions.Essay, Stem: "Write."},
}

func itemPick(q, c int, right bool) ItemAnswer {
	f := 0.0
	if right {
		f = 1
	}
	return ItemAnswer{Question: q, Answered: true, Answer: Answer{Choices: []int{c}}, Fraction: f}
}

func itemTF(v, right bool) ItemAnswer {
	f := 0.0
	if right {
		f = 1
	}
	return ItemAnswer{Question: 2, Answered: true, Answer: Answer{True: &v}, Fraction: f}
}

func itemTyped(s string, right bool) ItemAnswer {
	f := 0.0
	if right {
		f = 1
	}
	return ItemAnswer{Question: 3, Answered: true, Answer: Answer{Text: s}, Fraction: f}
}

// Six students, strongest first: question 0 follows their strength,
// question 1 goes against it, and the wrong option of question 1 is the
// most chosen.
var itemAttempts = [][]ItemAnswer{
	{itemPick(0, 0, true), itemPick(1, 1, false), itemTF(true, true), itemTyped("Paris", true), {Question: 4, Answered: true, Answer: Answer{Text: "essay"}}},
	{itemPick(0, 0, true), itemPick(1, 1, false), itemTF(true, true), itemTyped(" paris ", true)},
	{itemPick(0, 0, true), itemPick(1, 1, false), itemTF(true, true), itemTyped("Lyon", false)},
	{itemPick(0, 1, false), itemPick(1, 1, false), itemTF(true, true), itemTyped("Lyon", false)},
	{itemPick(0, 2, false), itemPick(1, 0, true), itemTF(false, false), {Question: 3}},
	{itemPick(0, 1, false), itemPick(1, 0, true), itemTF(false, false), itemTyped("Nice", false)},
}

func TestAnalyzeItems(t *testing.T) {
	st := AnalyzeItems(itemQuestions, itemAttempts)
	if len(st) != len(itemQuestions) {
		t.Fatalf("got %d stats, want %d", len(st), len(itemQuestions))
	}
	near := func(got, want float64) bool { return math.Abs(got-want) < 1e-3 }

	good := st[0]
	if good.N != 6 || !near(good.Facility, 0.5) || good.Discrimination < 0.5 || len(good.Flags) != 0 {
		t.Errorf("good item = %+v, want N 6, facility 0.5, discrimination > 0.5, no flags", good)
	}
	if counts := []int{good.Options[0].Count, good.Options[1].Count, good.Options[2].Count}; !slices.Equal(counts, []int{3, 2, 1}) {
		t.Errorf("good item option counts = %v, want [3 2 1]", counts)
	}

	bad := st[1]
	if !bad.Generated || bad.Discrimination >= 0 || !bad.Misleads() ||
		!slices.Contains(bad.Flags, FlagNegative) || !slices.Contains(bad.Flags, FlagDistractor) {
		t.Errorf("misleading item = %+v, want generated, negative discrimination, both misleading flags", bad)
	}

	// Question 2 against the rest, by hand: marks 1 1 1 1 0 0; the means
	// of questions 0, 1 and 3 are 2/3 2/3 1/3 0 1/3 1/3; r = 0.1111 /
	// sqrt(1.3333 × 0.3148) = 0.1715.
	if !near(st[2].Discrimination, 0.1715) {
		t.Errorf("true/false discrimination = %.4f, want 0.1715", st[2].Discrimination)
	}

	short := st[3]
	if short.Blank != 1 || short.Answered != 5 || len(short.Options) != 3 ||
		short.Options[0] != (OptionCount{Text: "Paris", Key: true, Count: 2}) || short.Options[1] != (OptionCount{Text: "Lyon", Count: 2}) {
		t.Errorf("typed answers = %+v (blank %d), want Paris×2 (key), Lyon×2, Nice×1 and 1 blank", short.Options, short.Blank)
	}
	if st[4].N != 0 || st[4].Flags != nil {
		t.Errorf("the essay = %+v, want it left out", st[4])
	}
}

func TestAnalyzeItems_FewResponses(t *testing.T) {
	st := AnalyzeItems(itemQuestions, itemAttempts[:2])
	for _, s := range st {
		if s.Flags != nil {
			t.Errorf("question %d flagged %v on 2 attempts, want no flags below %d", s.Question, s.Flags, MinItemResponses)
		}
		if !math.IsNaN(s.Discrimination) {
			t.Errorf("question %d discrimination %v on 2 attempts, want NaN", s.Question, s.Discrimination)
		}
	}
}

func TestAnalyzeItems_Drawn(t *testing.T) {
	// Attempts that drew different questions: each is analysed over the
	// attempts that asked it.
	attempts := [][]ItemAnswer{
		{itemPick(0, 0, true), itemTF(true, true)},
		{itemPick(0, 1, false)},
		{itemTF(false, false), itemTyped("Paris", true)},
	}
	st := AnalyzeItems(itemQuestions, attempts)
	if st[0].N != 2 || st[1].N != 0 || st[2].N != 2 || st[3].N != 1 {
		t.Errorf("N = %d %d %d %d, want 2 0 2 1", st[0].N, st[1].N, st[2].N, st[3].N)
	}
	if !math.IsNaN(st[1].Discrimination) || st[1].Facility != 0 {
		t.Errorf("a question never asked = %+v", st[1])
	}
}

// TestItemSums_TakeAway: sums that an attempt was added to and taken
// from again (as a store does when a mark changes) give the statistics
// of the attempts without it.
func TestItemSums_TakeAway(t *testing.T) {
	sums := make([]ItemSums, len(itemQuestions))
	extra := []ItemAnswer{itemPick(0, 2, false), itemPick(1, 0, true), itemTF(false, false), itemTyped("Marseille", false)}
	for _, att := range append(slices.Clone(itemAttempts), extra) {
		for _, tl := range TallyAttempt(itemQuestions, att) {
			sums[tl.Question].Add(tl, 1)
		}
	}
	for _, tl := range TallyAttempt(itemQuestions, extra) {
		sums[tl.Question].Add(tl, -1)
	}
	got, want := AnalyzeSums(itemQuestions, sums), AnalyzeItems(itemQuestions, itemAttempts)
	for i := range want {
		g, w := got[i], want[i]
		if g.N != w.N || g.Blank != w.Blank || math.Abs(g.Facility-w.Facility) > 1e-9 || !slices.Equal(g.Options, w.Options) ||
			!slices.Equal(g.Flags, w.Flags) || (math.IsNaN(w.Discrimination) != math.IsNaN(g.Discrimination)) ||
			(!math.IsNaN(w.Discrimination) && math.Abs(g.Discrimination-w.Discrimination) > 1e-9) {
			t.Errorf("question %d after taking an attempt away: %+v, want %+v", i, g, w)
		}
	}
	if _, ok := sums[3].Options[Normalize("Marseille")]; ok {
		t.Error("a typed answer taken away is still counted")
	}
}
