package questions

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

var readCSVTests = []struct {
	name string
	file string
	in   string
	want []Question
}{
	{"QuizletTabs", "capitals.tsv", "France\tParis\nItaly, the country\tRome\n", []Question{
		{Kind: ShortAnswer, Stem: "France", Answers: []Choice{{Text: "Paris", Weight: 100}}},
		{Kind: ShortAnswer, Stem: "Italy, the country", Answers: []Choice{{Text: "Rome", Weight: 100}}},
	}},
	{"Commas", "capitals.csv", "France,Paris\n\"Italy, the country\",\"Rome\"\r\n\n", []Question{
		{Kind: ShortAnswer, Stem: "France", Answers: []Choice{{Text: "Paris", Weight: 100}}},
		{Kind: ShortAnswer, Stem: "Italy, the country", Answers: []Choice{{Text: "Rome", Weight: 100}}},
	}},
	{"SemicolonsWithDecimalCommas", "pi.csv", "Pi to two places;3,14\nE to two places;2,72\n", []Question{
		{Kind: ShortAnswer, Stem: "Pi to two places", Answers: []Choice{{Text: "3,14", Weight: 100}}},
		{Kind: ShortAnswer, Stem: "E to two places", Answers: []Choice{{Text: "2,72", Weight: 100}}},
	}},
	{"TabsInCSVFile", "export.csv", "Term, with comma\tDefinition, also\nb\tc\n", []Question{
		{Kind: ShortAnswer, Stem: "Term, with comma", Answers: []Choice{{Text: "Definition, also", Weight: 100}}},
		{Kind: ShortAnswer, Stem: "b", Answers: []Choice{{Text: "c", Weight: 100}}},
	}},
	{"QuotedLineBreaksAndQuotes", "q.csv", "question,answer\n\"Say \"\"hello\"\"\nin French\",bonjour | salut\n", []Question{
		{Kind: ShortAnswer, Stem: "Say \"hello\"\nin French", Answers: []Choice{{Text: "bonjour", Weight: 100}, {Text: "salut", Weight: 100}}},
	}},
	{"UnquotedQuotes", "q.tsv", "\"Hello\" he said\t5\" screen\n", []Question{
		{Kind: ShortAnswer, Stem: "\"Hello\" he said", Answers: []Choice{{Text: "5\" screen", Weight: 100}}},
	}},
	{"HeaderAnyOrder", "q.csv", "Tags,Explanation,Options,Correct Answer,Question\n\"geo, europe\",Since 508.,Lyon | Paris | Nice,Paris,Capital of France?\n", []Question{{
		Kind: MultipleChoice, Stem: "Capital of France?", Feedback: "Since 508.", Tags: []string{"geo", "europe"},
		Choices: []Choice{{Text: "Lyon"}, {Text: "Paris", Weight: 100}, {Text: "Nice"}},
	}}},
	{"AnswerByLetterAndMultiple", "q.csv", "question,answer,choices\nPrime?,C,4|6|7\nEven?,4 | 6,4|6|7\n", []Question{
		{Kind: MultipleChoice, Stem: "Prime?", Choices: []Choice{{Text: "4"}, {Text: "6"}, {Text: "7", Weight: 100}}},
		{Kind: MultipleChoice, Stem: "Even?", Multiple: true, Choices: []Choice{{Text: "4", Weight: 50}, {Text: "6", Weight: 50}, {Text: "7"}}},
	}},
	{"ClozeAndEscapes", "q.csv", "The capital of France is _____.,Paris\nPipe?,a\\|b | c\\\\d\n", []Question{
		{Kind: Cloze, Stem: "The capital of France is _____.", Answers: []Choice{{Text: "Paris", Weight: 100}}},
		{Kind: ShortAnswer, Stem: "Pipe?", Answers: []Choice{{Text: "a|b", Weight: 100}, {Text: "c\\d", Weight: 100}}},
	}},
	{"NoHeaderFiveColumns", "q.csv", "Capital?,Paris,Paris|Lyon,Since 508.,geo\n", []Question{{
		Kind: MultipleChoice, Stem: "Capital?", Feedback: "Since 508.", Tags: []string{"geo"},
		Choices: []Choice{{Text: "Paris", Weight: 100}, {Text: "Lyon"}},
	}}},
}

func TestReadCSV(t *testing.T) {
	for _, tt := range readCSVTests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := ReadCSV(tt.file, strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ReadCSV(%s, %q) = %v", tt.file, tt.in, err)
			}
			if !reflect.DeepEqual(set.Questions, tt.want) {
				t.Errorf("ReadCSV(%s, %q):\n got %s\nwant %s", tt.file, tt.in, jsonText(set.Questions), jsonText(tt.want))
			}
		})
	}
}

var readCSVErrorTests = []struct {
	name string
	in   string
	want []string
}{
	{"UnknownColumn", "question,answer,notes\nq,a,n\n", []string{"1:17: unknown column \"notes\"; the columns are question, answer, choices, feedback and tags"}},
	{"NoAnswerColumn", "question,choices\nq,a|b\n", []string{"1:1: the header row names no answer column"}},
	{"TwoQuestionColumns", "question,term,answer\nq,t,a\n", []string{"1:10: a second question column (\"term\")"}},
	{"AnswerNotAChoice", "question,answer,choices\nQ?,Pariss,Paris|Lyon\n", []string{"2:4: the answer \"Pariss\" is not one of the choices"}},
	{"EmptyAnswer", "Q1,a\nQ2,\n", []string{"2:1: short answer question has no accepted answer"}},
	{"EmptyQuestion", "question,answer\n,a\n", []string{"2:1: short answer question has no text"}},
	{"OneChoice", "question,answer,choices\nQ?,a,a\n", []string{"2:1: multiple choice question has 1 options; it needs at least 2"}},
	{"RowTooWide", "question,answer\nq,a,extra\n", []string{"2:5: this row has more columns than the 2 that the header row names"}},
	{"RowTooWideNoHeader", "q,a,b|c,d,e,f\n", []string{"1:13: this row has more columns than the 5 that a file without a header row may have"}},
	{"OpenQuote", "q,a\nq2,\"never\nclosed\n", []string{"2:4: this quoted field is never closed"}},
	{"NoSeparator", "just one column\nand another\n", []string{"q.csv: cannot find the column separator"}},
}

func TestReadCSV_Error(t *testing.T) {
	for _, tt := range readCSVErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			if strings.HasPrefix(tt.want[0], "q.csv:") {
				_, err := ReadCSV("q.csv", strings.NewReader(tt.in))
				if err == nil || !strings.HasPrefix(err.Error(), tt.want[0]) {
					t.Fatalf("ReadCSV(%q) = %v, want %q", tt.in, err, tt.want[0])
				}
				return
			}
			checkProblems(t, "ReadCSV", tt.in, tt.want, func() (Set, error) {
				return ReadCSV("q.csv", strings.NewReader(tt.in))
			})
		})
	}
}

var writeCSVTests = []struct {
	name string
	qs   []Question
	want string
}{
	{"ShortAnswerAndChoice", []Question{
		{Kind: ShortAnswer, Title: "lost", Stem: "Who?", Answers: []Choice{{Text: "no one", Weight: 100}, {Text: "a|b", Weight: 100}, {Text: "partial", Weight: 50}}},
		{Kind: MultipleChoice, Stem: "Capital, of France?", Choices: []Choice{{Text: "Lyon"}, {Text: "Paris", Weight: 100}}, Tags: []string{"geo", "two words"}},
	}, "question,answer,choices,tags\r\nWho?,no one | a\\|b,,\r\n\"Capital, of France?\",Paris,Lyon | Paris,geo two_words\r\n"},
	{"OtherKinds", []Question{
		{Kind: TrueFalse, Stem: "Sky is blue.", Truth: true, Feedback: "Mostly."},
		{Kind: Numerical, Stem: "Pi?", Numbers: []Number{{Value: 3.14, Tolerance: 0.01, Weight: 100}, {Any: true}}},
		{Kind: Matching, Stem: "Match.", Pairs: []Pair{{"Canada", "Ottawa"}, {"Italy", "Rome"}, {"", "Paris"}}},
		{Kind: Essay, Stem: "Discuss."},
		{Kind: Description, Stem: "Read."},
	}, "question,answer,choices,feedback\r\nSky is blue.,True,True | False,Mostly.\r\nPi?,3.14,,\r\nCanada,Ottawa,,\r\nItaly,Rome,,\r\n"},
	{"Formulas", []Question{
		{Kind: ShortAnswer, Stem: hostileName, Answers: []Choice{{Text: "=1+1", Weight: 100}}},
		{Kind: Numerical, Stem: "@SUM(A1)?", Numbers: []Number{{Value: -5, Weight: 100}}},
	}, "question,answer\r\n\"Bob;'=cmd|' /C calc'!A0;x\",'=1+1\r\n'@SUM(A1)?,'-5\r\n"},
}

func TestWriteCSV(t *testing.T) {
	for _, tt := range writeCSVTests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteCSV(&b, Set{Title: "T", Questions: tt.qs}); err != nil {
				t.Fatalf("WriteCSV = %v", err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("WriteCSV wrote\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestWriteCSV_Formulas writes texts a spreadsheet would run, and reads
// back the texts as they were.
func TestWriteCSV_Formulas(t *testing.T) {
	var qs []Question
	for _, tt := range neutraliseCSVTests {
		if strings.TrimSpace(tt.in) == tt.in && tt.in != "" && !strings.ContainsAny(tt.in, "\t\r|\\") {
			qs = append(qs, Question{Kind: ShortAnswer, Stem: tt.in, Answers: []Choice{{Text: tt.in, Weight: 100}}, Feedback: tt.in})
		}
	}
	checkCSVRoundTrip(t, Set{Title: "T", Questions: qs})
}

// TestWriteCSV_RoundTrip writes the kinds CSV holds and reads them back.
func TestWriteCSV_RoundTrip(t *testing.T) {
	var qs []Question
	for _, tt := range readCSVTests {
		qs = append(qs, tt.want...)
	}
	checkCSVRoundTrip(t, Set{Title: "T", Questions: qs})
}

func checkCSVRoundTrip(t *testing.T, set Set) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCSV(&b, set); err != nil {
		t.Fatalf("WriteCSV = %v", err)
	}
	back, err := ReadCSV("back.csv", bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("ReadCSV of what WriteCSV wrote = %v\nwritten:\n%s", err, b.String())
	}
	if !reflect.DeepEqual(back.Questions, set.Questions) {
		t.Fatalf("read back\n got %s\nwant %s\nwritten:\n%s", jsonText(back.Questions), jsonText(set.Questions), b.String())
	}
}

// FuzzReadCSV reads anything without panicking; what it reads validates,
// survives a GIFT round trip, and is written and read back unchanged.
func FuzzReadCSV(f *testing.F) {
	for _, tt := range readCSVTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range readCSVErrorTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := ReadCSV("fuzz.csv", bytes.NewReader(data))
		if err != nil {
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("ReadCSV error %T %v, want an ErrorList", err, err)
			}
			return
		}
		checkReadSet(t, set)
		checkCSVRoundTrip(t, set)
	})
}
