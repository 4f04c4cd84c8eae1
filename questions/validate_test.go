package questions

import (
	"strings"
	"testing"
)

var validateTests = []struct {
	name string
	q    Question
	want string // substring of the error; "" means valid
}{
	{"MultipleChoice", Question{Kind: MultipleChoice, Stem: "Capital of France?", Choices: []Choice{{Text: "Paris", Weight: 100}, {Text: "Lyon"}}}, ""},
	{"MultipleChoiceOneOption", Question{Kind: MultipleChoice, Stem: "Q?", Choices: []Choice{{Text: "a", Weight: 100}}}, "at least 2"},
	{"MultipleChoiceNoRight", Question{Kind: MultipleChoice, Stem: "Q?", Choices: []Choice{{Text: "a"}, {Text: "b"}}}, "no right option"},
	{"MultipleChoiceDuplicate", Question{Kind: MultipleChoice, Stem: "Q?", Choices: []Choice{{Text: "a", Weight: 100}, {Text: "a"}}}, "appears twice"},
	{"MultipleAnswers", Question{Kind: MultipleChoice, Multiple: true, Stem: "Q?", Choices: []Choice{{Text: "a", Weight: 33.33333}, {Text: "b", Weight: 33.33333}, {Text: "c", Weight: 33.33333}, {Text: "d", Weight: -100}}}, ""},
	{"MultipleAnswersShort", Question{Kind: MultipleChoice, Multiple: true, Stem: "Q?", Choices: []Choice{{Text: "a", Weight: 50}, {Text: "b", Weight: 25}}}, "add up to 75%"},
	{"SingleBelow100", Question{Kind: MultipleChoice, Stem: "Q?", Choices: []Choice{{Text: "a", Weight: 50}, {Text: "b"}}}, "no option is worth 100%"},
	{"WeightOutOfRange", Question{Kind: MultipleChoice, Stem: "Q?", Choices: []Choice{{Text: "a", Weight: 100}, {Text: "b", Weight: -150}}}, "weights go from"},
	{"TrueFalse", Question{Kind: TrueFalse, Stem: "The sky is blue.", Truth: true}, ""},
	{"EmptyStem", Question{Kind: TrueFalse, Stem: "  "}, "has no text"},
	{"ShortAnswer", Question{Kind: ShortAnswer, Stem: "Who?", Answers: []Choice{{Text: "Lenin", Weight: 100}}}, ""},
	{"ShortAnswerNone", Question{Kind: ShortAnswer, Stem: "Who?"}, "no accepted answer"},
	{"ShortAnswerPartialOnly", Question{Kind: ShortAnswer, Stem: "Who?", Answers: []Choice{{Text: "x", Weight: 50}}}, "worth 100%"},
	{"Cloze", Question{Kind: Cloze, Stem: "In " + Blank + " the group appeared.", Answers: []Choice{{Text: "1920", Weight: 100}}}, ""},
	{"ClozeNoBlank", Question{Kind: Cloze, Stem: "In 1920 the group appeared.", Answers: []Choice{{Text: "1920", Weight: 100}}}, "no blank"},
	{"TwoBlanks", Question{Kind: Cloze, Stem: Blank + " and " + Blank, Answers: []Choice{{Text: "x", Weight: 100}}}, "2 blanks"},
	{"Numerical", Question{Kind: Numerical, Stem: "Pi?", Numbers: []Number{{Value: 3.14, Tolerance: 0.01, Weight: 100}}}, ""},
	{"NumericalNegativeTolerance", Question{Kind: Numerical, Stem: "Pi?", Numbers: []Number{{Value: 3.14, Tolerance: -1, Weight: 100}}}, "negative tolerance"},
	{"Matching", Question{Kind: Matching, Stem: "Match.", Pairs: []Pair{{Prompt: "Canada", Answer: "Ottawa"}, {Prompt: "Italy", Answer: "Rome"}, {Answer: "Paris"}}}, ""},
	{"MatchingOnePrompt", Question{Kind: Matching, Stem: "Match.", Pairs: []Pair{{Prompt: "Canada", Answer: "Ottawa"}}}, "at least 2"},
	{"Essay", Question{Kind: Essay, Stem: "Discuss."}, ""},
	{"Description", Question{Kind: Description, Stem: "Read this."}, ""},
	{"UnknownKind", Question{Kind: "poem", Stem: "x"}, "unknown kind"},
	{"UnknownFormat", Question{Kind: Essay, Stem: "x", Format: "rtf"}, "unknown text format"},
	{"Numbering", Question{Kind: Essay, Stem: "x", Numbering: "ABCD"}, ""},
	{"UnknownNumbering", Question{Kind: Essay, Stem: "x", Numbering: "αβγ"}, "unknown option numbering"},
	{"NegativeMark", Question{Kind: Essay, Stem: "x", Mark: -1}, "the mark -1"},
	{"Penalty", Question{Kind: Essay, Stem: "x", Penalty: ptr(33.33333)}, ""},
	{"PenaltyTooBig", Question{Kind: Essay, Stem: "x", Penalty: ptr(150.0)}, "penalty 150%"},
	{"CombinedFeedback", Question{Kind: Matching, Stem: "Match.", Pairs: []Pair{{Prompt: "a", Answer: "1"}, {Prompt: "b", Answer: "2"}}, PartialFeedback: "Nearly."}, ""},
	{"CombinedFeedbackOnShortAnswer", Question{Kind: ShortAnswer, Stem: "Who?", Answers: []Choice{{Text: "x", Weight: 100}}, CorrectFeedback: "Yes"}, "feedback for right, partly right"},
	{"Units", Question{Kind: Numerical, Stem: "How far?", Numbers: []Number{{Value: 5000, Weight: 100}}, Units: []Unit{{Name: "m", Multiplier: 1}, {Name: "km", Multiplier: 0.001}}, UnitPenalty: 10}, ""},
	{"UnitsOnEssay", Question{Kind: Essay, Stem: "x", Units: []Unit{{Name: "m", Multiplier: 1}}}, "cannot have units"},
	{"UnitTwice", Question{Kind: Numerical, Stem: "How far?", Numbers: []Number{{Value: 5, Weight: 100}}, Units: []Unit{{Name: "m", Multiplier: 1}, {Name: "m", Multiplier: 2}}}, "appears twice"},
	{"UnitZero", Question{Kind: Numerical, Stem: "How far?", Numbers: []Number{{Value: 5, Weight: 100}}, Units: []Unit{{Name: "m", Multiplier: 0}}}, "multiplier 0"},
	{"UnitPenalty", Question{Kind: Numerical, Stem: "How far?", Numbers: []Number{{Value: 5, Weight: 100}}, UnitPenalty: 101}, "unit penalty 101%"},
	{"WordLimits", Question{Kind: Essay, Stem: "x", MinWords: 10, MaxWords: 20}, ""},
	{"WordLimitsReversed", Question{Kind: Essay, Stem: "x", MinWords: 30, MaxWords: 20}, "reversed"},
	{"LongHint", Question{Kind: Essay, Stem: "x", Hints: []Hint{{Text: strings.Repeat("h", MaxTextLen+1)}}}, "the limit is"},
}

func ptr[T any](v T) *T { return &v }

func TestQuestion_Validate(t *testing.T) {
	for _, tt := range validateTests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.q.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tt.want != "" && err == nil:
				t.Fatalf("Validate() = nil, want error containing %q", tt.want)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Fatalf("Validate() = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestSet_Validate(t *testing.T) {
	s := Set{Title: "T", Questions: []Question{{Kind: Essay, Stem: "ok"}, {Kind: ShortAnswer, Stem: "Who?"}}}
	err := s.Validate()
	if err == nil || !strings.Contains(err.Error(), "question 2 (Who?)") {
		t.Fatalf("Validate() = %v, want an error naming question 2", err)
	}
	if err := (Set{Title: "T"}).Validate(); err == nil || !strings.Contains(err.Error(), "no questions") {
		t.Fatalf("Validate() of an empty set = %v, want 'no questions'", err)
	}
}

func TestQuestion_StemParts(t *testing.T) {
	q := Question{Stem: "In " + Blank + " it began."}
	b, a := q.StemParts()
	if b != "In " || a != " it began." || !q.InPlace() {
		t.Fatalf("StemParts(%q) = %q, %q", q.Stem, b, a)
	}
}
