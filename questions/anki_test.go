package questions

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

var readAnkiTests = []struct {
	name string
	in   string
	want []Question
}{
	{"Export", "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n" +
		"f(a1\tBasic\tGeography::Europe\tCapital of <b>France</b>?\tParis&nbsp;<br>\tgeo europe\n" +
		"Q)x2\tCloze\tGeography\t{{c1::Paris}} is the capital of {{c2::France::country}}.\t<i>Since 508.</i>\t\n", []Question{
		{Kind: ShortAnswer, ID: "f(a1", Format: HTML, Category: "Geography::Europe", Tags: []string{"geo", "europe"},
			Stem: "Capital of <b>France</b>?", Answers: []Choice{{Text: "Paris", Weight: 100}}},
		{Kind: Cloze, ID: "Q)x2-c1", Format: HTML, Category: "Geography", Feedback: "<i>Since 508.</i>",
			Stem: Blank + " is the capital of France.", Answers: []Choice{{Text: "Paris", Weight: 100}}},
		{Kind: Cloze, ID: "Q)x2-c2", Format: HTML, Category: "Geography", Feedback: "<i>Since 508.</i>",
			Stem: "Paris is the capital of " + Blank + " (country).", Answers: []Choice{{Text: "France", Weight: 100}}},
	}},
	{"OldExportTagsThirdColumn", "dog\tHund\tgerman animals\ncat\tKatze\t\n", []Question{
		{Kind: ShortAnswer, Tags: []string{"german", "animals"}, Stem: "dog", Answers: []Choice{{Text: "Hund", Weight: 100}}},
		{Kind: ShortAnswer, Stem: "cat", Answers: []Choice{{Text: "Katze", Weight: 100}}},
	}},
	{"ClozeByContentRepeatedNumber", "tags:lang\n#separator:Semicolon\n# a comment\n{{c2::b}} then {{c1::a}} and {{c1::a2}};extra\n", []Question{
		{Kind: Cloze, Tags: []string{"lang"}, Feedback: "extra", Stem: "b then " + Blank + " and a2", Answers: []Choice{{Text: "a", Weight: 100}}},
		{Kind: Cloze, Tags: []string{"lang"}, Feedback: "extra", Stem: "b then a and " + Blank, Answers: []Choice{{Text: "a2", Weight: 100}}},
		{Kind: Cloze, Tags: []string{"lang"}, Feedback: "extra", Stem: Blank + " then a and a2", Answers: []Choice{{Text: "b", Weight: 100}}},
	}},
	{"HTMLGuessedAndQuoted", "#separator:tab\n\"Line one<br>line \"\"two\"\"\"\t&lt;b&gt; &amp; more\n", []Question{
		{Kind: ShortAnswer, Format: HTML, Stem: "Line one<br>line \"two\"", Answers: []Choice{{Text: "<b> & more", Weight: 100}}},
	}},
	{"PlainWithBlankAndColumns", "#separator:,\n#html:false\n#columns:Front,Back,Tags\n#notetype:Basic\nThe capital is _____.,Paris <b>,x\n", []Question{
		{Kind: Cloze, Tags: []string{"x"}, Stem: "The capital is _____.", Answers: []Choice{{Text: "Paris <b>", Weight: 100}}},
	}},
}

func TestReadAnki(t *testing.T) {
	for _, tt := range readAnkiTests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := ReadAnki("deck.txt", strings.NewReader(tt.in))
			if err != nil {
				t.Fatalf("ReadAnki(%q) = %v", tt.in, err)
			}
			if !reflect.DeepEqual(set.Questions, tt.want) {
				t.Errorf("ReadAnki(%q):\n got %s\nwant %s", tt.in, jsonText(set.Questions), jsonText(tt.want))
			}
		})
	}
}

func TestReadAnki_Title(t *testing.T) {
	set, err := ReadAnki("deck.txt", strings.NewReader("#separator:tab\n#deck:French verbs\nêtre\tto be\n"))
	if err != nil || set.Title != "French verbs" {
		t.Fatalf("ReadAnki with #deck: = %q, %v; want the title %q", set.Title, err, "French verbs")
	}
}

var readAnkiErrorTests = []struct {
	name string
	in   string
	want []string
}{
	{"ClozeWithoutDeletion", "#separator:tab\n#notetype:Cloze\nNo deletion here\textra\n", []string{"3:1: this cloze note has no deletion"}},
	{"BadHeaders", "#separator:weird\n#html:maybe\n#tags column:zero\nq\ta\n", []string{
		"1:1: unknown separator \"weird\"",
		"2:1: #html: expects true or false",
		"3:1: #tags column: expects a column number",
	}},
	{"EmptyBack", "#separator:tab\nfront\t\n", []string{"2:1: short answer question has no accepted answer"}},
	{"OpenQuote", "#separator:tab\nq\ta\n\"never\nclosed\ta\n", []string{"3:1: this quoted field is never closed"}},
}

func TestReadAnki_Error(t *testing.T) {
	for _, tt := range readAnkiErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, "ReadAnki", tt.in, tt.want, func() (Set, error) {
				return ReadAnki("d.txt", strings.NewReader(tt.in))
			})
		})
	}
}

var writeAnkiTests = []struct {
	name string
	set  Set
	want string
}{
	{"Plain", Set{Title: "Capitals", Questions: []Question{
		{Kind: ShortAnswer, Stem: "Capital of France?", Answers: []Choice{{Text: "Paris", Weight: 100}, {Text: "paris", Weight: 100}}, Tags: []string{"geo", "two words"}},
		{Kind: Cloze, Stem: "In " + Blank + " it began.\nSee \"notes\".", Answers: []Choice{{Text: "1920", Weight: 100}}, Feedback: "#1"},
		{Kind: MultipleChoice, Stem: "Pick", Choices: []Choice{{Text: "a"}, {Text: "b", Weight: 100}}},
		{Kind: Essay, Stem: "Discuss."},
	}}, "#separator:tab\n#html:false\n#deck:Capitals\n#notetype column:1\n#tags column:4\n" +
		"# factdrill left out 1 of the set's questions, which Anki cannot hold as notes\n" +
		"# question 4 (essay) “Discuss.”: an essay has no answer to learn\n" +
		"Basic\tCapital of France?\tParis\tgeo two_words\n" +
		"Cloze\t\"In {{c1::1920}} it began.\nSee \"\"notes\"\".\"\t\"#1\"\t\n" +
		"Basic\t\"Pick\n\nA) a\nB) b\"\tb\t\n"},
	{"HTML", Set{Questions: []Question{
		{Kind: ShortAnswer, Format: HTML, ID: "g1", Category: "Deck", Stem: "<b>Capital</b>?", Answers: []Choice{{Text: "A & B", Weight: 100}}},
		{Kind: TrueFalse, Stem: "1 < 2", Truth: true},
	}}, "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n" +
		"g1\tBasic\tDeck\t<b>Capital</b>?\tA &amp; B\n" +
		"\tBasic\t\t1 &lt; 2\tTrue\n"},
}

func TestWriteAnki(t *testing.T) {
	for _, tt := range writeAnkiTests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteAnki(&b, tt.set); err != nil {
				t.Fatalf("WriteAnki = %v", err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("WriteAnki wrote\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestWriteAnki_LeftOut reads back a file whose comments say what was left
// out: the comments are not notes.
func TestWriteAnki_LeftOut(t *testing.T) {
	set := writeAnkiTests[0].set
	var b bytes.Buffer
	if err := WriteAnki(&b, set); err != nil {
		t.Fatal(err)
	}
	back, err := ReadAnki("back.txt", &b)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Questions) != len(set.Questions)-1 {
		t.Errorf("read back %d questions, want %d (all but the essay)", len(back.Questions), len(set.Questions)-1)
	}
	want := []string{"question 4 (essay) “Discuss.”: an essay has no answer to learn"}
	if got := LeftOutOfCards(set); !reflect.DeepEqual(got, want) {
		t.Errorf("LeftOutOfCards = %q, want %q", got, want)
	}
	described := Set{Questions: []Question{{Kind: Description, Title: "Intro", Stem: "Read this first."}}}
	if got := LeftOutOfCards(described); len(got) != 1 || !strings.Contains(got[0], "question 1 (description) “Intro”: a description asks nothing") {
		t.Errorf("LeftOutOfCards(description) = %q", got)
	}
}

// TestWriteAnki_RoundTrip writes what Anki holds and reads it back.
func TestWriteAnki_RoundTrip(t *testing.T) {
	for _, tt := range readAnkiTests {
		set, err := ReadAnki("deck.txt", strings.NewReader(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		checkAnkiRoundTrip(t, set)
	}
}

func checkAnkiRoundTrip(t *testing.T, set Set) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteAnki(&b, set); err != nil {
		t.Fatalf("WriteAnki = %v", err)
	}
	back, err := ReadAnki("back.txt", bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("ReadAnki of what WriteAnki wrote = %v\nwritten:\n%s", err, b.String())
	}
	want := make([]Question, len(set.Questions))
	for i, q := range set.Questions {
		want[i] = ankiCanonical(q)
	}
	if !reflect.DeepEqual(back.Questions, want) {
		t.Fatalf("read back\n got %s\nwant %s\nwritten:\n%s", jsonText(back.Questions), jsonText(want), b.String())
	}
}

// ankiCanonical is a question that ReadAnki gave, as Anki holds it: a cloze
// that cannot be written as {{c1::…}} becomes a Basic note, without feedback.
func ankiCanonical(q Question) Question {
	if q.Kind == Cloze && len(q.Answers) > 0 {
		before, after, _ := strings.Cut(q.Stem, Blank)
		if !clozeSafe(before, after, q.Answers[0].Text) {
			q.Feedback = ""
		}
	}
	return q
}

// FuzzReadAnki reads anything without panicking; what it reads validates,
// survives a GIFT round trip, and is written and read back as Anki holds it.
func FuzzReadAnki(f *testing.F) {
	for _, tt := range readAnkiTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range readAnkiErrorTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := ReadAnki("fuzz.txt", bytes.NewReader(data))
		if err != nil {
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("ReadAnki error %T %v, want an ErrorList", err, err)
			}
			return
		}
		checkReadSet(t, set)
		checkAnkiRoundTrip(t, set)
	})
}
