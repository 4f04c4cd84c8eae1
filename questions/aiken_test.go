package questions

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

var readAikenTests = []struct {
	name string
	in   string
	want []Question
}{
	{"Moodle", "What is the capital of France?\nA) Lyon\nB) Paris\nC) Nice\nANSWER: B\n", []Question{{
		Kind: MultipleChoice, Stem: "What is the capital of France?",
		Choices: []Choice{{Text: "Lyon"}, {Text: "Paris", Weight: 100}, {Text: "Nice"}},
	}}},
	{"DotsBlankLinesAndNoSpace", "\n  Which is a prime?  \n\nA. 4\nB.6\nC)7\n\nANSWER: C\n\nAnd an even one?\nA) 3\nB) 8\nanswer: b\n", []Question{
		{Kind: MultipleChoice, Stem: "Which is a prime?", Choices: []Choice{{Text: "4"}, {Text: "6"}, {Text: "7", Weight: 100}}},
		{Kind: MultipleChoice, Stem: "And an even one?", Choices: []Choice{{Text: "3"}, {Text: "8", Weight: 100}}},
	}},
	{"CRLFAndStrayCharacters", "-\r\nQ?\r\nA) yes\r\nB) no\r\nANSWER: A\r\n*\r\n", []Question{{
		Kind: MultipleChoice, Stem: "Q?", Choices: []Choice{{Text: "yes", Weight: 100}, {Text: "no"}},
	}}},
	{"TextIsPlain", "Is <b> a tag & more?\nA) Yes <b>\nB) No\nANSWER: A", []Question{{
		Kind: MultipleChoice, Stem: "Is <b> a tag & more?", Choices: []Choice{{Text: "Yes <b>", Weight: 100}, {Text: "No"}},
	}}},
}

func TestReadAiken(t *testing.T) {
	for _, tt := range readAikenTests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := ReadAiken("quiz.txt", strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ReadAiken(%q) = %v", tt.in, err)
			}
			if !reflect.DeepEqual(set.Questions, tt.want) {
				t.Errorf("ReadAiken(%q):\n got %s\nwant %s", tt.in, jsonText(set.Questions), jsonText(tt.want))
			}
			if set.Title != "quiz" || set.Origin != "imported from quiz.txt" {
				t.Errorf("ReadAiken: title %q, origin %q; want %q, %q", set.Title, set.Origin, "quiz", "imported from quiz.txt")
			}
		})
	}
}

var readAikenErrorTests = []struct {
	name string
	in   string
	want []string // "LINE:COL: start of the message"
}{
	{"Moodle'sErrors", "A question with too few answers\nA) Only answer\nANSWER: A\n\nA) Question not started\n\nANSWER: Question not started\n\nA good question\nA) Correct\nB) Incorrect\nANSWER: A\n\nA question started but not finished\nA) Correct-ish\nB) Incorrect-ish\n\nA second good question\nA)Incorrect (No space)\nB)Correct (No space)\nANSWER: B", []string{
		"1:1: multiple choice question has 1 options; it needs at least 2",
		"5:1: an option with no question before it",
		"7:1: an ANSWER: line with no question before it",
		"18:1: the question on line 14 has no ANSWER: line",
	}},
	{"TwoLineQuestion", "What is\nthe capital?\nA) Paris\nB) Rome\nANSWER: A", []string{"2:1: the question on line 1 has no options: a question is one line"}},
	{"LowercaseOptions", "Capital?\na) Paris\nb) Rome\nANSWER: A", []string{
		"2:1: the question on line 1 has no options: a question is one line, then its options A) B) …, then ANSWER: and a letter; options start with a capital letter, as A)",
		"3:1: the question on line 2 has no options",
		"4:1: ANSWER: A names no option: the question on line 3 has none",
	}},
	{"OptionsOutOfOrder", "Q?\nA) a\nC) c\nANSWER: A", []string{"3:1: expected option B) here, found C)"}},
	{"AnswerOutOfRange", "Q?\nA) a\nB) b\nANSWER: D", []string{"4:1: ANSWER: D names no option; the options go from A to B"}},
	{"AnswerNotALetter", "Q?\nA) a\nB) b\nANSWER: A or B", []string{"4:1: expected one letter after ANSWER:, such as ANSWER: B; found \"ANSWER: A or B\""}},
	{"NoAnswerAtEnd", "Q?\nA) a\nB) b\n", []string{"4:1: the question on line 1 has no ANSWER: line"}},
	{"DuplicateOptions", "Q?\nA) a\nB) a\nANSWER: A", []string{"1:1: option \"a\" appears twice"}},
}

func TestReadAiken_Error(t *testing.T) {
	for _, tt := range readAikenErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, "ReadAiken", tt.in, tt.want, func() (Set, error) {
				return ReadAiken("q.txt", strings.NewReader(tt.in))
			})
		})
	}
}

// checkProblems runs a reader on a broken file and checks that it returns
// no questions and the problems wanted, each "LINE:COL: start of message".
func checkProblems(t *testing.T, reader, in string, want []string, read func() (Set, error)) {
	t.Helper()
	set, err := read()
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("%s(%q) = %d questions, %v; want problems %q", reader, in, len(set.Questions), err, want)
	}
	if len(set.Questions) != 0 {
		t.Errorf("%s(%q) refused the file but returned %d questions", reader, in, len(set.Questions))
	}
	if len(list) != len(want) {
		t.Fatalf("%s(%q) problems:\n%v\nwant %d: %q", reader, in, err, len(want), want)
	}
	for i, e := range list {
		if got := fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg); !strings.HasPrefix(got, want[i]) {
			t.Errorf("%s(%q) problem %d = %q, want it to start %q", reader, in, i+1, got, want[i])
		}
	}
}

// FuzzReadAiken reads anything without panicking; what it reads validates
// and survives a GIFT round trip.
func FuzzReadAiken(f *testing.F) {
	for _, tt := range readAikenTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range readAikenErrorTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := ReadAiken("fuzz.txt", bytes.NewReader(data))
		if err != nil {
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("ReadAiken error %T %v, want an ErrorList", err, err)
			}
			return
		}
		checkReadSet(t, set)
	})
}

// checkReadSet checks a set a reader returned: every question validates, and
// GIFT, which holds every kind, writes it and reads it back as GIFT holds it.
func checkReadSet(t *testing.T, set Set) {
	t.Helper()
	for i, q := range set.Questions {
		if err := q.Validate(); err != nil {
			t.Fatalf("question %d does not validate: %v", i+1, err)
		}
		if giftWritable(q) != nil {
			return
		}
	}
	var b bytes.Buffer
	if err := WriteGIFT(&b, set); err != nil {
		t.Fatalf("WriteGIFT = %v", err)
	}
	back, err := ReadGIFT("back.gift", &b)
	if err != nil {
		t.Fatalf("ReadGIFT of what WriteGIFT wrote = %v", err)
	}
	want := make([]Question, len(set.Questions))
	for i, q := range set.Questions {
		want[i] = giftCanonical(q)
	}
	if !reflect.DeepEqual(back.Questions, want) {
		t.Fatalf("GIFT round trip:\n got %s\nwant %s", jsonText(back.Questions), jsonText(want))
	}
}
