package quiz

import (
	"math"
	"strings"
	"testing"

	"factdrill/questions"
)

func truth(b bool) *bool { return &b }

var (
	mcSingle = questions.Question{Kind: questions.MultipleChoice, Stem: "Who?", Choices: []questions.Choice{
		{Text: "Grant", Feedback: "No."}, {Text: "Jefferson", Weight: -50}, {Text: "no one", Weight: 100, Feedback: "Yes."}}}
	mcMulti = questions.Question{Kind: questions.MultipleChoice, Multiple: true, Stem: "Which?", Choices: []questions.Choice{
		{Text: "a", Weight: 50}, {Text: "b", Weight: 50}, {Text: "c", Weight: -100}, {Text: "d"}}}
	tf    = questions.Question{Kind: questions.TrueFalse, Stem: "Sky is blue.", Truth: true, FalseFeedback: "It is."}
	short = questions.Question{Kind: questions.ShortAnswer, Stem: "Who led it?", Answers: []questions.Choice{
		{Text: "Alexander Shlyapnikov", Weight: 100}, {Text: "Shlyapnikov", Weight: 100}, {Text: "Shlyap*", Weight: 50, Feedback: "Spelling."}}}
	cloze = questions.Question{Kind: questions.Cloze, Stem: "Kollontai spoke in " + questions.Blank + ".", Answers: []questions.Choice{{Text: "July 1921", Weight: 100}}}
	num   = questions.Question{Kind: questions.Numerical, Stem: "Born?", Numbers: []questions.Number{{Value: 1822, Weight: 100}, {Value: 1822, Tolerance: 2, Weight: 50}}}
	pi    = questions.Question{Kind: questions.Numerical, Stem: "Pi?", Numbers: []questions.Number{{Value: 3.14, Tolerance: 0.005, Weight: 100}, {Any: true, Feedback: "Think of a circle."}}}
	match = questions.Question{Kind: questions.Matching, Stem: "Match.", Pairs: []questions.Pair{{Prompt: "Canada", Answer: "Ottawa"}, {Prompt: "Italy", Answer: "Rome"}, {Prompt: "Japan", Answer: "Tokyo"}, {Answer: "Paris"}}}
	essay = questions.Question{Kind: questions.Essay, Stem: "Discuss."}
	cased = questions.Question{Kind: questions.ShortAnswer, Stem: "Symbol of iron?", CaseSensitive: true, Answers: []questions.Choice{{Text: "Fe", Weight: 100}}}
	dist  = questions.Question{Kind: questions.Numerical, Stem: "How far?", Numbers: []questions.Number{{Value: 5000, Tolerance: 1, Weight: 100}},
		Units: []questions.Unit{{Name: "m", Multiplier: 1}, {Name: "km", Multiplier: 0.001}}, UnitPenalty: 20}
	price = questions.Question{Kind: questions.Numerical, Stem: "Price?", Numbers: []questions.Number{{Value: 5, Weight: 100}},
		Units: []questions.Unit{{Name: "$", Multiplier: 1}, {Name: "¢", Multiplier: 100}}, UnitsLeft: true}
)

var gradeTests = []struct {
	name   string
	q      questions.Question
	a      Answer
	want   float64
	graded bool
}{
	{"SingleRight", mcSingle, Answer{Choices: []int{2}}, 1, true},
	{"SingleWrong", mcSingle, Answer{Choices: []int{0}}, 0, true},
	{"SingleNegative", mcSingle, Answer{Choices: []int{1}}, -0.5, true},
	{"SingleTwoPicksCountsFirst", mcSingle, Answer{Choices: []int{0, 2}}, 0, true},
	{"SingleOutOfRange", mcSingle, Answer{Choices: []int{7}}, 0, true},
	{"SingleNone", mcSingle, Answer{}, 0, true},
	{"MultiBothRight", mcMulti, Answer{Choices: []int{0, 1}}, 1, true},
	{"MultiHalf", mcMulti, Answer{Choices: []int{0}}, 0.5, true},
	{"MultiHalfPlusNeutral", mcMulti, Answer{Choices: []int{0, 3}}, 0.5, true},
	{"MultiNegativeClampedAtZero", mcMulti, Answer{Choices: []int{0, 2}}, 0, true},
	{"MultiAllTicked", mcMulti, Answer{Choices: []int{0, 1, 2, 3}}, 0, true},
	{"MultiDuplicateIndexCountsOnce", mcMulti, Answer{Choices: []int{0, 0}}, 0.5, true},
	{"TrueFalseRight", tf, Answer{True: truth(true)}, 1, true},
	{"TrueFalseWrong", tf, Answer{True: truth(false)}, 0, true},
	{"TrueFalseNone", tf, Answer{}, 0, true},
	{"ShortExact", short, Answer{Text: "Alexander Shlyapnikov"}, 1, true},
	{"ShortSurname", short, Answer{Text: "shlyapnikov"}, 1, true},
	{"ShortCaseSpacePunct", short, Answer{Text: "  ALEXANDER   shlyapnikov! "}, 1, true},
	{"ShortWildcard", short, Answer{Text: "Shlyapnikoff"}, 0.5, true},
	{"ShortWrong", short, Answer{Text: "Lenin"}, 0, true},
	{"ShortEmpty", short, Answer{Text: "  "}, 0, true},
	{"ClozeRight", cloze, Answer{Text: "july 1921"}, 1, true},
	{"NumericalExact", num, Answer{Text: "1822"}, 1, true},
	{"NumericalClose", num, Answer{Text: "1823.5"}, 0.5, true},
	{"NumericalOutside", num, Answer{Text: "1830"}, 0, true},
	{"NumericalNotANumber", num, Answer{Text: "eighteen"}, 0, true},
	{"NumericalDecimalComma", pi, Answer{Text: "3,143"}, 1, true},
	{"NumericalAnyOther", pi, Answer{Text: "4"}, 0, true},
	{"MatchingAll", match, Answer{Matches: []string{"Ottawa", "Rome", "Tokyo"}}, 1, true},
	{"MatchingTwoOfThree", match, Answer{Matches: []string{"Ottawa", "Paris", "Tokyo"}}, 2.0 / 3, true},
	{"MatchingShortAnswerList", match, Answer{Matches: []string{"Ottawa"}}, 1.0 / 3, true},
	{"Essay", essay, Answer{Text: "Long text."}, 0, false},
	{"CaseSensitiveRight", cased, Answer{Text: " Fe "}, 1, true},
	{"CaseSensitiveWrongCase", cased, Answer{Text: "FE"}, 0, true},
	{"UnitBase", dist, Answer{Text: "5000 m"}, 1, true},
	{"UnitConverted", dist, Answer{Text: "5km"}, 1, true},
	{"UnitConvertedOutside", dist, Answer{Text: "5.1 km"}, 0, true},
	{"UnitMissingPenalised", dist, Answer{Text: "5000"}, 0.8, true},
	{"UnitUnknown", dist, Answer{Text: "5 miles"}, 0, true},
	{"UnitLeftOptional", price, Answer{Text: "¢ 500"}, 1, true},
	{"UnitLeftMissingNoPenalty", price, Answer{Text: "5"}, 1, true},
}

func TestGradeAnswer(t *testing.T) {
	for _, tt := range gradeTests {
		t.Run(tt.name, func(t *testing.T) {
			g := GradeAnswer(tt.q, tt.a)
			if math.Abs(g.Fraction-tt.want) > 1e-9 || g.Graded != tt.graded {
				t.Fatalf("GradeAnswer(%s, %+v) = fraction %v graded %v, want %v graded %v", tt.q.Name(), tt.a, g.Fraction, g.Graded, tt.want, tt.graded)
			}
		})
	}
}

func TestGradeAnswer_Feedback(t *testing.T) {
	g := GradeAnswer(mcSingle, Answer{Choices: []int{2}})
	if len(g.Feedback) != 1 || g.Feedback[0] != "Yes." {
		t.Fatalf("feedback = %q, want [Yes.]", g.Feedback)
	}
	g = GradeAnswer(pi, Answer{Text: "4"})
	if len(g.Feedback) != 1 || g.Feedback[0] != "Think of a circle." {
		t.Fatalf("numerical 'any other' feedback = %q, want [Think of a circle.]", g.Feedback)
	}
	g = GradeAnswer(pi, Answer{Text: "0"})
	if len(g.Feedback) != 1 || g.Feedback[0] != "Think of a circle." {
		t.Fatalf("numerical 'any other' feedback for 0 = %q, want [Think of a circle.]", g.Feedback)
	}
	g = GradeAnswer(tf, Answer{True: truth(false)})
	if len(g.Feedback) != 1 || g.Feedback[0] != "It is." {
		t.Fatalf("true/false feedback = %q, want [It is.]", g.Feedback)
	}
}

var normalizeTests = []struct{ in, want string }{
	{"  Lénine!", "lenine"},
	{"Lenine", "lenine"},
	{"ZOYA   Shadurskaia", "zoya shadurskaia"},
	{"Miners’ Union", "miners union"},
	{"U.S.", "us"},
	{"e\u0301te\u0301", "ete"}, // decomposed accents
	{"185 votes, against 49", "185 votes against 49"},
	{"Łódź", "lodz"},
	{"Shlyap*", "shlyap*"},
	{"", ""},
}

func TestNormalize(t *testing.T) {
	for _, tt := range normalizeTests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var numberReadingsTests = []struct {
	in   string
	want []float64
}{
	{"1822", []float64{1822}},
	{" -3.14 ", []float64{-3.14}},
	{"3,14", []float64{3.14}},
	{"1,000", []float64{1000, 1}},
	{"3,143", []float64{3143, 3.143}},
	{"0,125", []float64{0.125}},
	{"1,000.5", []float64{1000.5}},
	{"1,000,000", []float64{1000000}},
	{"1 000", []float64{1000}},
	{"2.5e3", []float64{2500}},
	{"−2", []float64{-2}},
	{"abc", nil},
	{"", nil},
	{"NaN", nil},
	{"Inf", nil},
}

func TestNumberReadings(t *testing.T) {
	for _, tt := range numberReadingsTests {
		got := NumberReadings(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("NumberReadings(%q) = %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-12 {
				t.Errorf("NumberReadings(%q) = %v, want %v", tt.in, got, tt.want)
			}
		}
	}
}

func TestMatchText(t *testing.T) {
	for _, tt := range []struct {
		answer, pattern string
		want            bool
	}{
		{"abc", "abc", true},
		{"abc", "a*", true},
		{"abc", "*c", true},
		{"abc", "a*c", true},
		{"abc", "a*b*c", true},
		{"ac", "a*b*c", false},
		{"abd", "a*c", false},
		{"a", "a*a", false},
	} {
		if got := MatchText(tt.answer, tt.pattern); got != tt.want {
			t.Errorf("MatchText(%q, %q) = %v, want %v", tt.answer, tt.pattern, got, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	var s Score
	for _, g := range []Grade{
		{Fraction: 1, Graded: true},
		{Fraction: 0.5, Graded: true},
		{Fraction: 0, Graded: false}, // an essay
		{Fraction: 0, Graded: true},
	} {
		s.Add(g)
	}
	if s.Points != 1.5 || s.Max != 3 || s.Right != 1 || s.Percent() != 50 {
		t.Fatalf("score = %+v (%d%%), want 1.5 of 3, 1 right, 50%%", s, s.Percent())
	}
	var neg Score
	neg.Add(Grade{Fraction: -0.5, Graded: true})
	if neg.Points != -0.5 || neg.Percent() != 0 {
		t.Fatalf("score after a negative mark = %+v (%d%%), want -0.5 points, 0%%", neg, neg.Percent())
	}
	if (Score{}).Percent() != 0 {
		t.Fatal("empty score percent != 0")
	}
}

func TestAnswerText(t *testing.T) {
	for _, tt := range []struct {
		q           questions.Question
		a           Answer
		given, want string
	}{
		{mcSingle, Answer{Choices: []int{0}}, "Grant", "no one"},
		{mcMulti, Answer{Choices: []int{0, 3}}, "a; d", "a; b"},
		{tf, Answer{True: truth(false)}, "False", "True"},
		{short, Answer{Text: " Lenin "}, "Lenin", "Alexander Shlyapnikov or Shlyapnikov"},
		{num, Answer{Text: "1820"}, "1820", "1822"},
		{match, Answer{Matches: []string{"Rome", "", "Tokyo"}}, "Canada → Rome; Japan → Tokyo", "Canada → Ottawa; Italy → Rome; Japan → Tokyo"},
	} {
		if got := AnswerText(tt.q, tt.a); got != tt.given {
			t.Errorf("AnswerText(%s, %+v) = %q, want %q", tt.q.Name(), tt.a, got, tt.given)
		}
		if got := RightAnswerText(tt.q); got != tt.want {
			t.Errorf("RightAnswerText(%s) = %q, want %q", tt.q.Name(), got, tt.want)
		}
	}
}

func TestGradeAnswer_CombinedFeedback(t *testing.T) {
	q := mcMulti
	q.CorrectFeedback, q.PartialFeedback, q.IncorrectFeedback, q.Feedback = "All right.", "Partly.", "Wrong.", "General."
	for _, tt := range []struct {
		a    Answer
		want []string
	}{
		{Answer{Choices: []int{0, 1}}, []string{"All right.", "General."}},
		{Answer{Choices: []int{0}}, []string{"Partly.", "General."}},
		{Answer{Choices: []int{2}}, []string{"Wrong.", "General."}},
		{Answer{}, []string{"Wrong.", "General."}},
	} {
		g := GradeAnswer(q, tt.a)
		if strings.Join(g.Feedback, "|") != strings.Join(tt.want, "|") {
			t.Errorf("GradeAnswer(%+v).Feedback = %q, want %q", tt.a, g.Feedback, tt.want)
		}
	}
}

func TestScore_Weighted(t *testing.T) {
	heavy := mcSingle
	heavy.Mark = 3
	var s Score
	marked := &Manual{Fraction: 0.5, Comment: "Half of it."}
	for _, it := range []struct {
		q        questions.Question
		answered bool
		g        Grade
		manual   *Manual
	}{
		{heavy, true, GradeAnswer(heavy, Answer{Choices: []int{2}}), nil},              // 3 of 3
		{tf, true, GradeAnswer(tf, Answer{True: truth(false)}), nil},                   // 0 of 1
		{essay, true, GradeAnswer(essay, Answer{Text: "Long."}), nil},                  // pending, of 1
		{essay, true, GradeAnswer(essay, Answer{Text: "Long."}), marked},               // 0.5 of 1
		{essay, false, GradeAnswer(essay, Answer{}), nil},                              // 0 of 1, not pending
		{short, true, GradeAnswer(short, Answer{Text: "Lenin"}), &Manual{1, "", true}}, // 1 of 1
		{questions.Question{Kind: questions.Description}, false, GradeAnswer(questions.Question{Kind: questions.Description}, Answer{}), nil},
	} {
		s.AddWeighted(Effective(it.q, it.answered, it.g, it.manual, true), Weight(it.q))
	}
	if want := (Score{Points: 4.5, Max: 8, Right: 2, Pending: 1}); s != want {
		t.Errorf("score = %+v, want %+v", s, want)
	}
	if !s.NeedsGrading() || s.Percent() != 56 {
		t.Errorf("score %+v: needs grading %v, %d%%; want true, 56%%", s, s.NeedsGrading(), s.Percent())
	}
	// Without a teacher (self-study) an essay is left out of the score.
	var self Score
	self.AddWeighted(Effective(essay, true, GradeAnswer(essay, Answer{Text: "Long."}), nil, false), 1)
	if self != (Score{}) {
		t.Errorf("a self-study essay counts %+v, want nothing", self)
	}
}
