package questions

import (
	"errors"
	"strings"
	"testing"
)

var detectFormatTests = []struct {
	name string
	data string
	want FileFormat
}{
	{"week1.gift", "anything", FileGIFT},
	{"week1.GIFT", "Q,A", FileGIFT},
	{"quiz.aiken", "Q\nA) a", FileAiken},
	{"terms.csv", "a\tb", FileCSV},
	{"terms.tsv", "a,b", FileTSV},
	{"terms.tab", "a\tb", FileTSV},
	{"gift.txt", "::Title::Q?{T}", FileGIFT},
	{"gift-category.txt", "$CATEGORY: x\n\nQ?{=a ~b}", FileGIFT},
	{"gift-blocks.txt", "\uFEFFWho?{=a =b}", FileGIFT},
	{"gift-truefalse.txt", "The sky is blue. { TRUE }", FileGIFT},
	{"aiken.txt", "Capital?\nA) Paris\nB) Rome\nANSWER: A\n", FileAiken},
	{"anki.txt", "#separator:tab\n#html:true\nq\ta\n", FileAnki},
	{"anki-notetype.txt", "#notetype column:1\nBasic\tq\ta\n", FileAnki},
	{"anki-tags.txt", "tags:one two\nq;a\n", FileAnki},
	{"anki-plain.txt", "dog\tHund\ncat\tKatze\n", FileAnki},
	{"upload", "dog\tHund\ncat\tKatze\n", FileTSV},
	{"upload", "dog,Hund\ncat,Katze\n", FileCSV},
	{"prose.txt", "Rome, the capital, is old.\nParis, too.\n", ""},
	{"prose.txt", "Just some text { with a brace.", ""},
	{"empty.txt", "", ""},
}

func TestDetectFormat(t *testing.T) {
	for _, tt := range detectFormatTests {
		if got := DetectFormat(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("DetectFormat(%q, %q) = %q, want %q", tt.name, tt.data, got, tt.want)
		}
	}
}

var readTests = []struct {
	name  string
	data  string
	title string
	kinds []Kind
}{
	{"dir/sub/week_3.gift", "Q?{T}\n\nR?{#1}", "week 3", []Kind{TrueFalse, Numerical}},
	{`C:\quizzes\capitals.txt`, "Capital?\nA) Paris\nB) Rome\nANSWER: A\n", "capitals", []Kind{MultipleChoice}},
	{"terms.csv", "question,answer\ndog,Hund\n", "terms", []Kind{ShortAnswer}},
	{"terms.tsv", "dog\tHund\n", "terms", []Kind{ShortAnswer}},
	{"deck.txt", "#separator:tab\n{{c1::Paris}} is in France.\t\n", "deck", []Kind{Cloze}},
	{".gift", "Q?{}", "Imported questions", []Kind{Essay}},
}

func TestRead(t *testing.T) {
	for _, tt := range readTests {
		set, err := Read(tt.name, []byte(tt.data))
		if err != nil {
			t.Errorf("Read(%q) = %v", tt.name, err)
			continue
		}
		var kinds []Kind
		for _, q := range set.Questions {
			kinds = append(kinds, q.Kind)
		}
		if set.Title != tt.title || !strings.HasPrefix(set.Origin, "imported from ") || strings.ContainsAny(set.Origin, `/\`) || !equalKinds(kinds, tt.kinds) {
			t.Errorf("Read(%q) = title %q, origin %q, kinds %v; want title %q, kinds %v", tt.name, set.Title, set.Origin, kinds, tt.title, tt.kinds)
		}
	}
}

func equalKinds(a, b []Kind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

var readRefusedTests = []struct {
	name string
	file string
	data string
	want string // the whole error
}{
	{"UnknownFormat", "notes.txt", "Some prose, with commas.", "notes.txt: cannot tell the file's format; expected GIFT"},
	{"UnknownFormatLatin1", "notes.txt", "Caf\xe9 cr\xe8me", "notes.txt:1:4: invalid UTF-8 (byte 0xE9)"},
	{"UnknownFormatEmpty", "notes.txt", "", "notes.txt: the file is empty"},
	{"UnknownFormatBinary", "photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF", "photo.jpg:1:5: the file is not text"},
	{"Empty", "q.gift", " \n\t\n", "q.gift: the file is empty; expected questions"},
	{"CommentsOnly", "q.gift", "// nothing\n// here\n", "q.gift: no questions found"},
	{"Binary", "q.gift", "Q?{T}\n\nab\x00cd", "q.gift:3:3: the file is not text (it holds a NUL byte here); expected a UTF-8 text file"},
	{"UTF16", "q.gift", "\xff\xfeQ\x00?\x00", "q.gift: the file is UTF-16 text; save it as UTF-8 and upload it again"},
	{"Latin1", "q.gift", "Caf\xe9?{T}\n\n\xe0 bient\xf4t?{F}", "q.gift:1:4: invalid UTF-8 (byte 0xE9); save the file as UTF-8\nq.gift:3:1: invalid UTF-8 (byte 0xE0); save the file as UTF-8"},
	{"TooBig", "q.gift", strings.Repeat("Q?{T}\n\n", MaxFileSize/7+1), "q.gift: the file is 10485762 bytes; the limit is 10485760 bytes (10 MiB)"},
	{"TooBigUnknown", "q", strings.Repeat("x", MaxFileSize+1), "q: the file is 10485761 bytes; the limit is 10485760 bytes (10 MiB)"},
}

func TestRead_Refused(t *testing.T) {
	for _, tt := range readRefusedTests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Read(tt.file, []byte(tt.data))
			var list ErrorList
			if !errors.As(err, &list) || !strings.HasPrefix(err.Error(), tt.want) || len(set.Questions) > 0 {
				t.Fatalf("Read(%q) = %d questions, %v; want %q", tt.file, len(set.Questions), err, tt.want)
			}
		})
	}
}

func TestRead_TooManyQuestions(t *testing.T) {
	for _, file := range []struct{ name, question string }{
		{"q.gift", "Q?{T}\n\n"},
		{"q.aiken", "Q?\nA) a\nB) b\nANSWER: A\n"},
		{"q.csv", "q,a\n"},
		{"q.txt", "#separator:tab\nq\ta\n"},
	} {
		data := strings.Repeat(file.question, MaxQuestions+1)
		if file.name == "q.txt" {
			data = "#separator:tab\n" + strings.Repeat("q\ta\n", MaxQuestions+1)
		}
		_, err := Read(file.name, []byte(data))
		if err == nil || !strings.Contains(err.Error(), "the file has more than 5000 questions; the limit is 5000") {
			t.Errorf("Read(%s with %d questions) = %v, want the limit named", file.name, MaxQuestions+1, err)
		}
	}
}

func TestRead_TooManyProblems(t *testing.T) {
	_, err := Read("q.gift", []byte(strings.Repeat("a = b\n", 500)))
	list, ok := err.(ErrorList)
	if !ok || len(list) != maxErrors+1 || !strings.Contains(list[maxErrors].Msg, "too many problems; stopped after 100") {
		t.Fatalf("Read(500 broken lines) = %d problems, want %d and a last one saying it stopped", len(list), maxErrors+1)
	}
}

var fileErrorTests = []struct {
	err  FileError
	want string
}{
	{FileError{File: "a.gift", Line: 3, Col: 7, Msg: "unescaped ="}, "a.gift:3:7: unescaped ="},
	{FileError{File: "a.gift", Line: 3, Msg: "no answer"}, "a.gift:3: no answer"},
	{FileError{File: "a.gift", Msg: "the file is empty"}, "a.gift: the file is empty"},
}

func TestFileError_Error(t *testing.T) {
	for _, tt := range fileErrorTests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%#v.Error() = %q, want %q", tt.err, got, tt.want)
		}
	}
	list := ErrorList{fileErrorTests[0].err, fileErrorTests[2].err}
	if got, want := list.Error(), "a.gift:3:7: unescaped =\na.gift: the file is empty"; got != want {
		t.Errorf("ErrorList.Error() = %q, want %q", got, want)
	}
}
