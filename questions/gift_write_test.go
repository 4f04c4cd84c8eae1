package questions

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var writeGIFTTests = []struct {
	name string
	q    Question
	want string
}{
	{"MultipleChoice", Question{Kind: MultipleChoice, Title: "Capital", ID: "q1", Tags: []string{"geo"}, Stem: "Capital of France?", Feedback: "Since 508.",
		Choices: []Choice{{Text: "Lyon", Feedback: "No."}, {Text: "Paris", Weight: 100}}},
		"// [id:q1] [tag:geo]\n::Capital::Capital of France?{\n\t~Lyon#No.\n\t=Paris\n\t####Since 508.\n}\n\n"},
	{"MultipleAnswers", Question{Kind: MultipleChoice, Multiple: true, Stem: "Continents?",
		Choices: []Choice{{Text: "Africa", Weight: 50}, {Text: "Asia", Weight: 50}, {Text: "Paris", Weight: -100}}},
		"Continents?{\n\t~%50%Africa\n\t~%50%Asia\n\t~%-100%Paris\n}\n\n"},
	{"TrueFalse", Question{Kind: TrueFalse, Stem: "The sky is blue.", Truth: true, TrueFeedback: "Yes.", FalseFeedback: "Look up."},
		"The sky is blue.{TRUE#Look up.#Yes.}\n\n"},
	{"TrueFalseRightFeedbackOnly", Question{Kind: TrueFalse, Stem: "Two is odd.", TrueFeedback: "", FalseFeedback: "Right."},
		"Two is odd.{FALSE##Right.}\n\n"},
	{"Cloze", Question{Kind: Cloze, Stem: "In " + Blank + " it began.", Answers: []Choice{{Text: "1920", Weight: 100}, {Text: "'20", Weight: 50}}},
		"In {\n\t=1920\n\t=%50%'20\n} it began.\n\n"},
	{"ClozeBlankLast", Question{Kind: Cloze, Stem: "It began in " + Blank, Answers: []Choice{{Text: "1920", Weight: 100}}},
		"It began in _____{\n\t=1920\n}\n\n"},
	{"Numerical", Question{Kind: Numerical, Stem: "Pi?", Numbers: []Number{{Value: 3.14, Tolerance: 0.01, Weight: 100}}},
		"Pi?{#3.14:0.01}\n\n"},
	{"NumericalAnswers", Question{Kind: Numerical, Stem: "Born?", Numbers: []Number{{Value: 1822, Weight: 100}, {Value: 1822, Tolerance: 2, Weight: 50, Feedback: "Close."}, {Any: true, Feedback: "No."}}},
		"Born?{#\n\t=1822\n\t=%50%1822:2#Close.\n\t~#No.\n}\n\n"},
	{"Matching", Question{Kind: Matching, Format: HTML, Stem: "Match <b>capitals</b>.", Pairs: []Pair{{"Canada", "Ottawa"}, {"Italy", "Rome"}, {"", "Paris"}}},
		"[html]Match <b>capitals</b>.{\n\t=Canada -> Ottawa\n\t=Italy -> Rome\n\t= -> Paris\n}\n\n"},
	{"EssayAndEscapes", Question{Kind: Essay, Stem: "Explain 1+1=2 {in sets}: #1 ~ \\(x\\)\nTwo lines.", Feedback: "See p. 3"},
		"Explain 1+1\\=2 \\{in sets\\}\\: \\#1 \\~ \\\\(x\\\\)\\nTwo lines.{####See p. 3}\n\n"},
	{"Description", Question{Kind: Description, Stem: "// Read this.", Category: "week 1"},
		"$CATEGORY: week 1\n\n::::// Read this.\n\n"},
	{"ArrowInShortAnswer", Question{Kind: ShortAnswer, Stem: "Arrow?", Answers: []Choice{{Text: "->", Weight: 100, Feedback: "yes"}}},
		"Arrow?{\n\t->#yes\n}\n\n"},
	{"TextsThatLookLikeSyntax", Question{Kind: MultipleChoice, Stem: "[html] is a tag", Choices: []Choice{{Text: "%50", Weight: 100}, {Text: "[markdown]"}}},
		"[plain][html] is a tag{\n\t=%100%%50\n\t~[plain][markdown]\n}\n\n"},
}

func TestWriteGIFT(t *testing.T) {
	for _, tt := range writeGIFTTests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteGIFT(&b, Set{Title: "T", Questions: []Question{tt.q}}); err != nil {
				t.Fatalf("WriteGIFT = %v", err)
			}
			if got := b.String(); got != tt.want {
				t.Errorf("WriteGIFT wrote\n%s\nwant\n%s", got, tt.want)
			}
			back, err := ReadGIFT("t.gift", &b)
			if err != nil {
				t.Fatalf("ReadGIFT of what WriteGIFT wrote = %v", err)
			}
			want := giftCanonical(tt.q)
			if len(back.Questions) != 1 || !reflect.DeepEqual(back.Questions[0], want) {
				t.Errorf("read back\n got %s\nwant %s", jsonText(back.Questions), jsonText(want))
			}
		})
	}
}

var writeGIFTErrorTests = []struct {
	name string
	q    Question
	want string
}{
	{"DescriptionFeedback", Question{Kind: Description, Stem: "Read.", Feedback: "x"}, "question 2 (Read.): GIFT cannot hold feedback on a description"},
	{"ArrowInPrompt", Question{Kind: Matching, Stem: "M", Pairs: []Pair{{"a->b", "c"}, {"d", "e"}}}, "GIFT cannot hold -> in a matching prompt"},
	{"ArrowInShortAnswer", Question{Kind: ShortAnswer, Stem: "S", Answers: []Choice{{Text: "a->b", Weight: 100}, {Text: "c", Weight: 50}}}, "GIFT cannot hold -> in a short answer"},
	{"AnyNotLast", Question{Kind: Numerical, Stem: "N", Numbers: []Number{{Any: true}, {Value: 1, Weight: 100}}}, "GIFT holds one answer for any other number"},
	{"UnknownKind", Question{Kind: "poem", Stem: "P"}, `unknown kind "poem"`},
}

func TestWriteGIFT_Error(t *testing.T) {
	for _, tt := range writeGIFTErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := WriteGIFT(&b, Set{Title: "T", Questions: []Question{{Kind: Essay, Stem: "fine"}, tt.q}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("WriteGIFT = %v, want an error containing %q", err, tt.want)
			}
			if b.Len() != 0 {
				t.Errorf("WriteGIFT wrote %q before failing, want nothing", b.String())
			}
		})
	}
}

// TestWriteGIFT_Fixtures writes back every question of the GIFT fixtures and
// reads it again.
func TestWriteGIFT_Fixtures(t *testing.T) {
	files, _ := filepath.Glob("testdata/gift/*/*.gift")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		set, err := ReadGIFT(file, bytes.NewReader(data))
		if err != nil {
			continue // the invalid fixtures
		}
		checkGIFTRoundTrip(t, file, set)
	}
}

// checkGIFTRoundTrip writes a set that ReadGIFT gave and checks that reading
// it back gives the same questions.
func checkGIFTRoundTrip(t *testing.T, name string, set Set) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteGIFT(&b, set); err != nil {
		t.Fatalf("%s: WriteGIFT = %v", name, err)
	}
	back, err := ReadGIFT(name, bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("%s: ReadGIFT of what WriteGIFT wrote = %v\nwritten:\n%s", name, err, b.String())
	}
	if !reflect.DeepEqual(back.Questions, set.Questions) {
		t.Fatalf("%s: read back\n got %s\nwant %s\nwritten:\n%s", name, jsonText(back.Questions), jsonText(set.Questions), b.String())
	}
}

// giftCanonical is a question as GIFT holds it: what WriteGIFT loses (see
// its comment) taken away.
func giftCanonical(q Question) Question {
	text := func(s string) string {
		return trimText(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s))
	}
	q.Title = strings.Join(strings.Fields(q.Title), " ")
	q.ID = cleanLabel(q.ID)
	var tags []string
	for _, t := range q.Tags {
		if t = cleanLabel(t); t != "" && !contains(tags, t) {
			tags = append(tags, t)
		}
	}
	q.Tags = tags
	q.Category = cleanLabel(q.Category)
	q.Source = nil
	q.Stem = text(q.Stem)
	if q.Format == "" && hasFormatTag(q.Stem) {
		q.Format = Plain
	}
	q.Feedback = text(q.Feedback)
	q.TrueFeedback, q.FalseFeedback = text(q.TrueFeedback), text(q.FalseFeedback)
	choices := func(cs []Choice) []Choice {
		if cs == nil {
			return nil
		}
		out := make([]Choice, len(cs))
		for i, c := range cs {
			out[i] = Choice{Text: text(c.Text), Weight: c.Weight, Feedback: text(c.Feedback)}
		}
		return out
	}
	q.Choices, q.Answers = choices(q.Choices), choices(q.Answers)
	if q.Numbers != nil {
		ns := make([]Number, len(q.Numbers))
		for i, n := range q.Numbers {
			n.Feedback = text(n.Feedback)
			if n.Any {
				n.Value, n.Tolerance = 0, 0
			}
			ns[i] = n
		}
		q.Numbers = ns
	}
	if q.Pairs != nil {
		ps := make([]Pair, len(q.Pairs))
		for i, p := range q.Pairs {
			ps[i] = Pair{Prompt: text(p.Prompt), Answer: text(p.Answer)}
		}
		q.Pairs = ps
	}
	if q.Kind == ShortAnswer && q.InPlace() {
		q.Kind = Cloze
	}
	return q
}

// FuzzReadGIFT reads anything without panicking, and checks that what it
// reads it also writes back and reads again unchanged.
func FuzzReadGIFT(f *testing.F) {
	files, _ := filepath.Glob("testdata/gift/*/*.gift")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, tt := range readGIFTTests {
		f.Add([]byte(tt.in))
	}
	for _, tt := range readGIFTErrorTests {
		f.Add([]byte(tt.in))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := ReadGIFT("fuzz.gift", bytes.NewReader(data))
		if err != nil {
			if _, ok := err.(ErrorList); !ok {
				t.Fatalf("ReadGIFT error %T %v, want an ErrorList", err, err)
			}
			return
		}
		for i, q := range set.Questions {
			if err := q.Validate(); err != nil {
				t.Fatalf("question %d does not validate: %v", i+1, err)
			}
		}
		checkGIFTRoundTrip(t, "fuzz.gift", set)
	})
}

// FuzzGIFTRoundTrip builds a set of every kind from the fuzzer's bytes and
// checks that writing then reading it gives the same set.
func FuzzGIFTRoundTrip(f *testing.F) {
	f.Add([]byte("\x00abc\x01def\x02ghi\x03jkl\x04mno\x05pqr\x06stu\x07vwx"))
	f.Add([]byte("\x02\x10\x20\x30\x40\x50\x60\x70\x80\x90\xa0\xb0\xc0\xd0\xe0\xf0"))
	f.Add([]byte("\x05\x05\x05\x05\x05\x05\x05\x05\x05\x05\x05\x05\x05\x05\x05\x05\x05\x05"))
	f.Add([]byte("\x03\x41\x42\x43\x44\x45\x46\x47\x48\x49\x4a\x4b\x4c\x4d\x4e\x4f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g := &setGen{data: data}
		var set Set
		for len(g.data) > 0 && len(set.Questions) < 8 {
			q := giftCanonical(g.question())
			if q.Validate() != nil || giftWritable(q) != nil {
				continue
			}
			set.Questions = append(set.Questions, q)
		}
		if len(set.Questions) == 0 {
			return
		}
		checkGIFTRoundTrip(t, "fuzz.gift", set)
	})
}

// setGen makes questions from a fuzzer's bytes.
type setGen struct{ data []byte }

func (g *setGen) byte() byte {
	if len(g.data) == 0 {
		return 0
	}
	b := g.data[0]
	g.data = g.data[1:]
	return b
}

// genTokens are what generated texts are made of: letters, and everything
// that means something to one format or another.
var genTokens = []string{
	"a", "b", "Paris", " ", "  ", "\n", "\t", "\r\n", "\\", "~", "=", "#", "####", "{", "}", ":", "::", "%", "%50%",
	"->", "-", ">", Blank, "_", "[html]", "[plain]", "[", "]", "\\n", "//", "$CATEGORY:", "T", "TRUE", "é", "数",
	"\"", "'", ",", ";", "|", "\\|", "{{c1::", "}}", "<b>", "&amp;", "*", "1", "0.5", "-3",
}

func (g *setGen) text() string {
	var b strings.Builder
	for n := int(g.byte() % 6); n > 0; n-- {
		b.WriteString(genTokens[int(g.byte())%len(genTokens)])
	}
	return b.String()
}

var genWeights = []float64{100, 0, 50, -100, 33.33333, 25, 75, 100.0 / 3, -50, 12.5}

func (g *setGen) weight() float64 { return genWeights[int(g.byte())%len(genWeights)] }

func (g *setGen) question() Question {
	kind := Kinds[int(g.byte())%len(Kinds)]
	formats := []Format{"", Plain, HTML, Markdown, Moodle}
	q := Question{Kind: kind, Title: g.text(), Stem: g.text(), Format: formats[int(g.byte())%len(formats)]}
	if g.byte()%2 == 0 {
		q.ID, q.Tags, q.Category = g.text(), []string{g.text(), g.text()}, g.text()
	}
	if g.byte()%3 == 0 {
		q.Stem += Blank + g.text()
	}
	if kind != Description {
		q.Feedback = g.text()
	}
	n := 1 + int(g.byte()%4)
	switch kind {
	case MultipleChoice:
		q.Multiple = g.byte()%2 == 0
		for i := 0; i < n+1; i++ {
			q.Choices = append(q.Choices, Choice{Text: g.text() + string(rune('A'+i)), Weight: g.weight(), Feedback: g.text()})
		}
	case ShortAnswer, Cloze:
		for i := 0; i < n; i++ {
			q.Answers = append(q.Answers, Choice{Text: g.text() + "x", Weight: g.weight(), Feedback: g.text()})
		}
	case TrueFalse:
		q.Truth = g.byte()%2 == 0
		q.TrueFeedback, q.FalseFeedback = g.text(), g.text()
	case Numerical:
		for i := 0; i < n; i++ {
			num := Number{Value: float64(int8(g.byte())) / 4, Tolerance: float64(g.byte()%8) / 8, Weight: g.weight(), Feedback: g.text()}
			if i == n-1 && g.byte()%2 == 0 {
				num = Number{Any: true, Feedback: num.Feedback}
			}
			q.Numbers = append(q.Numbers, num)
		}
	case Matching:
		for i := 0; i < n+1; i++ {
			prompt := g.text() + string(rune('a'+i))
			if g.byte()%5 == 0 {
				prompt = ""
			}
			q.Pairs = append(q.Pairs, Pair{Prompt: prompt, Answer: g.text() + "z"})
		}
	}
	return q
}
