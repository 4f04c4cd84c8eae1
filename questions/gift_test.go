package questions

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

var readGIFTTests = []struct {
	name string
	in   string
	want []Question
}{
	{"MultipleChoice", "Who's buried in Grant's tomb?{~Grant ~Jefferson =no one#Right!####He is buried with his wife.}", []Question{{
		Kind: MultipleChoice, Stem: "Who's buried in Grant's tomb?", Feedback: "He is buried with his wife.",
		Choices: []Choice{{Text: "Grant"}, {Text: "Jefferson"}, {Text: "no one", Weight: 100, Feedback: "Right!"}},
	}}},
	{"MultipleAnswers", "Which are continents?{\n~%50%Africa\n~%50%Asia\n~%-100%China\n}", []Question{{
		Kind: MultipleChoice, Multiple: true, Stem: "Which are continents?",
		Choices: []Choice{{Text: "Africa", Weight: 50}, {Text: "Asia", Weight: 50}, {Text: "China", Weight: -100}},
	}}},
	{"DecimalWeights", "Pick three.{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}", []Question{{
		Kind: MultipleChoice, Multiple: true, Stem: "Pick three.",
		Choices: []Choice{{Text: "a", Weight: 33.33333}, {Text: "b", Weight: 33.33333}, {Text: "c", Weight: 33.33333}, {Text: "d", Weight: -100}},
	}}},
	{"TildeEquals", "Q?{~=right ~wrong}", []Question{{
		Kind: MultipleChoice, Stem: "Q?", Choices: []Choice{{Text: "right", Weight: 100}, {Text: "wrong"}},
	}}},
	{"SeveralEqualsIsSingleAnswer", "Seasons?{=spring =summer ~easter}", []Question{{
		Kind: MultipleChoice, Stem: "Seasons?", Choices: []Choice{{Text: "spring", Weight: 100}, {Text: "summer", Weight: 100}, {Text: "easter"}},
	}}},
	{"MissingWordMultipleChoice", "Grant is {~buried =entombed ~living} in Grant's tomb.", []Question{{
		Kind: MultipleChoice, Stem: "Grant is " + Blank + " in Grant's tomb.",
		Choices: []Choice{{Text: "buried"}, {Text: "entombed", Weight: 100}, {Text: "living"}},
	}}},
	{"TrueFalse", "The sun rises in the east.{T}\n\nThe sun rises in the west.{FALSE}", []Question{
		{Kind: TrueFalse, Stem: "The sun rises in the east.", Truth: true},
		{Kind: TrueFalse, Stem: "The sun rises in the west."},
	}},
	{"TrueFalseFeedback", "Grant is buried in Grant's tomb.{TRUE#you said false#you said true}\n\nNo one is.{F#you said true}", []Question{
		{Kind: TrueFalse, Stem: "Grant is buried in Grant's tomb.", Truth: true, FalseFeedback: "you said false", TrueFeedback: "you said true"},
		{Kind: TrueFalse, Stem: "No one is.", TrueFeedback: "you said true"},
	}},
	{"TrueFalseIsCaseSensitive", "Is it?{True}", []Question{{
		Kind: ShortAnswer, Stem: "Is it?", Answers: []Choice{{Text: "True", Weight: 100}},
	}}},
	{"ShortAnswer", "Who's buried in Grant's tomb?{=no one =%50%nobody#close ~%0%x}\n\nOne?{One}", []Question{
		{Kind: MultipleChoice, Stem: "Who's buried in Grant's tomb?", Choices: []Choice{{Text: "no one", Weight: 100}, {Text: "nobody", Weight: 50, Feedback: "close"}, {Text: "x"}}},
		{Kind: ShortAnswer, Stem: "One?", Answers: []Choice{{Text: "One", Weight: 100}}},
	}},
	{"ShortAnswerWeights", "Jesus was from {\n=Nazareth#Yes!\n=%75%Nazereth#Misspelled.\n=%25%Bethlehem\n}.", []Question{{
		Kind: Cloze, Stem: "Jesus was from " + Blank + ".",
		Answers: []Choice{{Text: "Nazareth", Weight: 100, Feedback: "Yes!"}, {Text: "Nazereth", Weight: 75, Feedback: "Misspelled."}, {Text: "Bethlehem", Weight: 25}},
	}}},
	{"ClozeBlankFirst", "{=Asia} is the largest continent.", []Question{{
		Kind: Cloze, Stem: Blank + " is the largest continent.", Answers: []Choice{{Text: "Asia", Weight: 100}},
	}}},
	{"ClozeTypedBlank", "_____ is the largest continent.{=%100%Asia#}", []Question{{
		Kind: Cloze, Stem: Blank + " is the largest continent.", Answers: []Choice{{Text: "Asia", Weight: 100}},
	}}},
	{"Numerical", "Pi?{#3.1415:0.0005}\n\nFrom 1 to 5?{#1..5}\n\nRange {#3.141..3.142}.\n\nNegative?{#-1}", []Question{
		{Kind: Numerical, Stem: "Pi?", Numbers: []Number{{Value: 3.1415, Tolerance: 0.0005, Weight: 100}}},
		{Kind: Numerical, Stem: "From 1 to 5?", Numbers: []Number{{Value: 3, Tolerance: 2, Weight: 100}}},
		{Kind: Numerical, Stem: "Range " + Blank + ".", Numbers: []Number{{Value: 3.1415, Tolerance: 0.0005, Weight: 100}}},
		{Kind: Numerical, Stem: "Negative?", Numbers: []Number{{Value: -1, Weight: 100}}},
	}},
	{"NumericalAnswers", "When was Grant born?{#\n=1822:0#Right\n=%50%1822:2#Close\n~#Wrong\n####Ohio}", []Question{{
		Kind: Numerical, Stem: "When was Grant born?", Feedback: "Ohio",
		Numbers: []Number{{Value: 1822, Weight: 100, Feedback: "Right"}, {Value: 1822, Tolerance: 2, Weight: 50, Feedback: "Close"}, {Any: true, Feedback: "Wrong"}},
	}}},
	{"Matching", "Match the capitals.{\n=Canada -> Ottawa\n=Italy->Rome\n= -> Paris\n}", []Question{{
		Kind: Matching, Stem: "Match the capitals.", Pairs: []Pair{{"Canada", "Ottawa"}, {"Italy", "Rome"}, {"", "Paris"}},
	}}},
	{"EssayAndDescription", "Read this first.\n\nDiscuss.{}\n\nExplain.{####Mention the war.}", []Question{
		{Kind: Description, Stem: "Read this first."},
		{Kind: Essay, Stem: "Discuss."},
		{Kind: Essay, Stem: "Explain.", Feedback: "Mention the war."},
	}},
	{"TitleCommentsCategory", "$CATEGORY: $course$/top/Week 1: intro\n\n// question: 3  name: Q3\n// [id:q-3] [tag:geo] [tag:europe]\n::Q\\:3::Capital of Italy?{=Rome}\n\n$CATEGORY:\n\nUncategorized.{T}", []Question{
		{Kind: ShortAnswer, Title: "Q:3", ID: "q-3", Tags: []string{"geo", "europe"}, Category: "$course$/top/Week 1: intro", Stem: "Capital of Italy?", Answers: []Choice{{Text: "Rome", Weight: 100}}},
		{Kind: TrueFalse, Stem: "Uncategorized.", Truth: true},
	}},
	{"CommentInsideQuestion", "Who?{\n// a comment between options\n=Lenin\n// and after\n~Stalin}\n// trailing comment", []Question{{
		Kind: MultipleChoice, Stem: "Who?", Choices: []Choice{{Text: "Lenin", Weight: 100}, {Text: "Stalin"}},
	}}},
	{"Escapes", `Which is 1\=1 \{set\} \#3 \~ a\:b \\ \(x\)?\nNew line.{=a\=b\#c ~\{\}}`, []Question{{
		Kind: MultipleChoice, Stem: "Which is 1=1 {set} #3 ~ a:b \\ \\(x\\)?\nNew line.",
		Choices: []Choice{{Text: "a=b#c", Weight: 100}, {Text: "{}"}},
	}}},
	{"SingleColonInStem", "Note: pick one.{=a ~b}", []Question{{
		Kind: MultipleChoice, Stem: "Note: pick one.", Choices: []Choice{{Text: "a", Weight: 100}, {Text: "b"}},
	}}},
	{"PlainLinesTrimmed", "Match the countries\n    with their capitals.{\n  =a#first line\n     second line\n  ~b\n}", []Question{{
		Kind: MultipleChoice, Stem: "Match the countries\nwith their capitals.",
		Choices: []Choice{{Text: "a", Weight: 100, Feedback: "first line\nsecond line"}, {Text: "b"}},
	}}},
	{"HTMLKeepsLines", "::Code::[html]<pre>\n    x \\= 1\n</pre>{\n=[plain]one\n~two# [html]<b>no</b>\n}", []Question{{
		Kind: MultipleChoice, Title: "Code", Format: HTML, Stem: "<pre>\n    x = 1\n</pre>",
		Choices: []Choice{{Text: "one", Weight: 100}, {Text: "two", Feedback: "<b>no</b>"}},
	}}},
	{"MarkdownAndMoodle", "[markdown]Is **this** bold?{T}\n\n[moodle]Plain enough.{F}", []Question{
		{Kind: TrueFalse, Format: Markdown, Stem: "Is **this** bold?", Truth: true},
		{Kind: TrueFalse, Format: Moodle, Stem: "Plain enough."},
	}},
	{"CRLFAndBOM", "\uFEFF// comment\r\nQ1?{T}\r\n\r\nQ2?{\r\n=a\r\n~b\r\n}\r\n", []Question{
		{Kind: TrueFalse, Stem: "Q1?", Truth: true},
		{Kind: MultipleChoice, Stem: "Q2?", Choices: []Choice{{Text: "a", Weight: 100}, {Text: "b"}}},
	}},
	{"PercentText", "Discount?{=%50 off ~half}", []Question{{
		Kind: MultipleChoice, Stem: "Discount?", Choices: []Choice{{Text: "%50 off", Weight: 100}, {Text: "half"}},
	}}},
}

func TestReadGIFT(t *testing.T) {
	for _, tt := range readGIFTTests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := ReadGIFT("week_3.gift", strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ReadGIFT(%q) = %v", tt.in, err)
			}
			if set.Title != "week 3" || set.Origin != "imported from week_3.gift" {
				t.Errorf("ReadGIFT(%q): title %q, origin %q; want %q, %q", tt.in, set.Title, set.Origin, "week 3", "imported from week_3.gift")
			}
			if !reflect.DeepEqual(set.Questions, tt.want) {
				t.Errorf("ReadGIFT(%q) questions:\n got %s\nwant %s", tt.in, jsonText(set.Questions), jsonText(tt.want))
			}
		})
	}
}

var readGIFTErrorTests = []struct {
	name string
	in   string
	want []string // "LINE:COL: part of the message", one for each problem
}{
	{"UnclosedBlockAtEnd", "Q?{=a ~b", []string{"1:9: the answer block opened at 1:3 is not closed; expected } before the end of the file"}},
	{"UnclosedBlockBeforeBlankLine", "Q?{=a\n\nNext?{T}", []string{"1:6: the answer block opened at 1:3 is not closed; expected } before the blank line"}},
	{"UnclosedTitle", "::Title Q?{T}", []string{"1:1: the title is not closed"}},
	{"DoubleColonInStem", ":Title:: Q?{T}", []string{"1:7: unescaped :: in the question text"}},
	{"EqualsInStem", "1+1=2 {T}", []string{"1:4: unescaped = in the question text; write \\= for a literal ="}},
	{"HashAndTildeInStem", "C# or ~C?{T}", []string{"1:2: unescaped #", "1:7: unescaped ~"}},
	{"SecondBlock", "A {=a} and {=b}.", []string{"1:12: a second answer block", "1:13: unescaped =", "1:15: } without a matching {"}},
	{"StrayClosingBrace", "A } b", []string{"1:3: } without a matching {"}},
	{"BraceInsideBlock", "Q?{=a { ~b}", []string{"1:7: unescaped { inside an answer block"}},
	{"ColonInOption", "Q?{=http://x ~b}", []string{"1:9: unescaped : in an option"}},
	{"HashInFeedback", "Q?{=a#no # here ~b}", []string{"1:10: unescaped # in feedback"}},
	{"TextBeforeFirstOption", "Q?{\nright\n~wrong}", []string{"3:1: the answer block begins with \"right\" (line 2), which is not an option"}},
	{"TextBeforeFirstPair", "Match.{x =a -> b =c -> d}", []string{"1:10: the answer block begins with \"x\" (line 1), which is not a pair"}},
	{"PairWithoutArrow", "Match.{=a -> b =c}", []string{"1:16: a matching pair has no ->"}},
	{"TrueFalseThreeFeedbacks", "Q.{T#a#b#c}", []string{"1:9: a true/false question takes at most two feedbacks"}},
	{"BadNumber", "N?{#abc}", []string{"1:5: expected a number, such as 1822, 3.14:0.01 or 1..5; found \"abc\""}},
	{"BadTolerance", "N?{#3:x}", []string{"1:5: expected a number"}},
	{"BackwardsRange", "N?{#5..1}", []string{"1:5: the range 5..1 is backwards"}},
	{"AnyNotLast", "N?{#~#no =3}", []string{"1:10: the ~ answer (any other number) must come last"}},
	{"AnyWithNumber", "N?{#=3 ~4#no}", []string{"1:9: in a numerical question ~ stands for any other number"}},
	{"MalformedWeight", "Q?{~%1.2.3%a =b}", []string{"1:5: the weight %1.2.3% is not a number"}},
	{"CategoryWithoutBlankLine", "$CATEGORY: x\nQ?{T}", []string{"2:1: a $CATEGORY line must be followed by a blank line"}},
	{"NoRightOption", "Q?{~a ~b}", []string{"1:1: multiple choice question has no right option"}},
	{"OneOption", "// only one\n::T::Q?{=a ~}", []string{"2:1: option 2 is empty"}},
	{"WeightsShort", "Q?{~%50%a ~%25%b ~c}", []string{"1:1: the right options' weights add up to 75%; they must add up to 100%"}},
	{"MatchingOnePair", "Match.{=a -> b}", []string{"1:1: matching question has 1 prompts; it needs at least 2"}},
	{"NoNumber", "N?{#}", []string{"1:1: numerical question has no accepted number"}},
	{"EveryQuestion", "A {=a\n\nB?{~x ~y}\n\nC = {T}", []string{
		"1:6: the answer block opened at 1:3 is not closed",
		"3:1: multiple choice question has no right option",
		"5:3: unescaped = in the question text",
	}},
}

func TestReadGIFT_Error(t *testing.T) {
	for _, tt := range readGIFTErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := ReadGIFT("q.gift", strings.NewReader(tt.in))
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("ReadGIFT(%q) = %d questions, %v; want problems %q", tt.in, len(set.Questions), err, tt.want)
			}
			if len(set.Questions) != 0 {
				t.Errorf("ReadGIFT(%q) refused the file but returned %d questions", tt.in, len(set.Questions))
			}
			if len(list) != len(tt.want) {
				t.Fatalf("ReadGIFT(%q) problems:\n%v\nwant %d: %q", tt.in, err, len(tt.want), tt.want)
			}
			for i, e := range list {
				if got := fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg); !strings.HasPrefix(got, tt.want[i]) {
					t.Errorf("ReadGIFT(%q) problem %d = %q, want it to start %q", tt.in, i+1, got, tt.want[i])
				}
				if e.File != "q.gift" {
					t.Errorf("problem %d names file %q, want %q", i+1, e.File, "q.gift")
				}
			}
		})
	}
}

// TestReadGIFT_Category checks that a file holding nothing but a category is
// refused, since it has no questions.
func TestReadGIFT_Category(t *testing.T) {
	_, err := ReadGIFT("c.gift", strings.NewReader("$CATEGORY: tom/dick\n\n// nothing else\n"))
	if err == nil || !strings.Contains(err.Error(), "c.gift: no questions found") {
		t.Fatalf("ReadGIFT(category only) = %v, want %q", err, "c.gift: no questions found")
	}
}
