package generate

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

func seedText(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../../cmd/factdrill/seed/workers-opposition.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkSet checks what every generated set promises: valid questions, a
// source on each that is a sentence of the cleaned document at its
// offset, multiple choice with one right option among four.
func checkSet(t *testing.T, doc string, set questions.Set) {
	t.Helper()
	if err := set.Validate(); err != nil {
		t.Fatalf("Validate() = %v", err)
	}
	d := analyzed(t, doc)
	for i, q := range set.Questions {
		if q.Source == nil {
			t.Errorf("question %d %q has no source", i+1, q.Stem)
			continue
		}
		s := q.Source
		if s.Index < 0 || s.Index >= len(d.sents) || d.sents[s.Index].text != s.Sentence {
			t.Errorf("question %d: source %d %q is not sentence %d of the document", i+1, s.Index, s.Sentence, s.Index)
		}
		if s.Offset < 0 || s.Offset+len(s.Sentence) > len(d.text) || d.text[s.Offset:s.Offset+len(s.Sentence)] != s.Sentence {
			t.Errorf("question %d: source %q is not at offset %d of the cleaned text", i+1, s.Sentence, s.Offset)
		}
		if q.Kind == questions.MultipleChoice {
			if len(q.Choices) != 4 || len(q.RightChoices()) != 1 || q.Choices[q.RightChoices()[0]].Weight != 100 {
				t.Errorf("question %d %q has choices %v, want 4 with one worth 100%%", i+1, q.Stem, q.Choices)
			}
		}
		for _, a := range q.Answers {
			if a.Weight <= 0 {
				t.Errorf("question %d %q accepts %q for %v%%, want a positive weight", i+1, q.Stem, a.Text, a.Weight)
			}
		}
	}
}

// TestGenerate_Seed checks the built-in set: at least 15 valid questions of
// at least three kinds, each with its source.
func TestGenerate_Seed(t *testing.T) {
	doc := seedText(t)
	set, rep, err := GenerateWithReport(doc, Options{Origin: "generated from workers-opposition.txt"})
	if err != nil {
		t.Fatal(err)
	}
	checkSet(t, doc, set)
	if n := len(set.Questions); n < 15 {
		t.Errorf("the seed set has %d questions, want at least 15", n)
	}
	if len(rep.Kinds) < 3 {
		t.Errorf("the seed set has kinds %v, want at least three", rep.Kinds)
	}
	if set.Title != "Workers' Opposition" || set.Origin != "generated from workers-opposition.txt" {
		t.Errorf("title, origin = %q, %q, want the document's heading and the origin given", set.Title, set.Origin)
	}
	// The key of a multiple-choice question is not always in the same place.
	places := map[int]bool{}
	for _, q := range set.Questions {
		if q.Kind == questions.MultipleChoice {
			places[q.RightChoices()[0]] = true
		}
	}
	if len(places) < 2 {
		t.Errorf("the right option is always at %v, want it shuffled", places)
	}
	// No stem starts with a pronoun left unresolved.
	for _, q := range set.Questions {
		first := strings.ToLower(strings.Fields(q.Stem)[0])
		if anaphoricStarts[first] {
			t.Errorf("question %q starts with %q", q.Stem, first)
		}
	}
}

// TestGenerate_Deterministic checks that the same document and options
// give the same set.
func TestGenerate_Deterministic(t *testing.T) {
	doc := seedText(t)
	a, err := Generate(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		b, err := Generate(doc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("run %d gave a different set", i+2)
		}
	}
}

func TestGenerate_Options(t *testing.T) {
	doc := seedText(t)
	t.Run("N", func(t *testing.T) {
		set, err := Generate(doc, Options{N: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(set.Questions) != 5 {
			t.Errorf("N=5 gave %d questions, want 5", len(set.Questions))
		}
	})
	t.Run("Kinds", func(t *testing.T) {
		for _, k := range GeneratedKinds {
			set, err := Generate(doc, Options{Kinds: []questions.Kind{k}})
			if err != nil {
				t.Fatalf("Kinds=%s: %v", k, err)
			}
			for _, q := range set.Questions {
				if q.Kind != k {
					t.Errorf("Kinds=%s gave a %s question %q", k, q.Kind, q.Stem)
				}
			}
			checkSet(t, doc, set)
		}
	})
	t.Run("BadKind", func(t *testing.T) {
		if _, err := Generate(doc, Options{Kinds: []questions.Kind{questions.Essay}}); !errors.Is(err, ErrKind) {
			t.Errorf("Kinds=essay: err = %v, want ErrKind", err)
		}
	})
	t.Run("Title", func(t *testing.T) {
		set, _ := Generate(doc, Options{N: 3, Title: "Week 3"})
		if set.Title != "Week 3" {
			t.Errorf("title = %q, want %q", set.Title, "Week 3")
		}
	})
	t.Run("Progress", func(t *testing.T) {
		var calls [][2]int
		_, err := Generate(doc, Options{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
		if err != nil {
			t.Fatal(err)
		}
		if len(calls) < 2 {
			t.Fatalf("progress was called %d times, want several", len(calls))
		}
		for i, c := range calls {
			if c[0] > c[1] || i > 0 && c[0] < calls[i-1][0] {
				t.Errorf("progress call %d = %v after %v, want done rising to total", i, c, calls[max(0, i-1)])
			}
		}
		if last := calls[len(calls)-1]; last[0] != last[1] {
			t.Errorf("last progress call = %v, want done == total", last)
		}
	})
}

func TestGenerate_Errors(t *testing.T) {
	for _, doc := range []string{"", "   \n\n  "} {
		if _, err := Generate(doc, Options{}); !errors.Is(err, ErrNoText) {
			t.Errorf("Generate(%q) err = %v, want ErrNoText", doc, err)
		}
	}
	if _, err := Generate("hello there. nothing here.", Options{}); !errors.Is(err, ErrNoQuestions) {
		t.Errorf("Generate of a text without facts: err = %v, want ErrNoQuestions", err)
	}
}

// TestGenerate_DefaultSize checks that a longer document gets a larger set.
func TestGenerate_DefaultSize(t *testing.T) {
	for _, tt := range []struct{ words, min, max int }{{100, 3, 5}, {800, 20, 30}, {20000, 100, 200}} {
		if n := defaultCount(tt.words); n < tt.min || n > tt.max {
			t.Errorf("defaultCount(%d) = %d, want %d to %d", tt.words, n, tt.min, tt.max)
		}
	}
}

// TestGenerate_Markdown checks a Markdown document end to end: headings,
// lists and emphasis are read as text.
func TestGenerate_Markdown(t *testing.T) {
	doc := "# The Normans\n\n" +
		"The **Normans** were the people who in the 10th and 11th centuries gave their name to *Normandy*.\n\n" +
		"- In 1066, Duke William II of Normandy conquered England.\n" +
		"- King Malcolm III of Scotland married Margaret in 1070.\n\n" +
		"William invaded Scotland in 1072, riding as far as Abernethy.\n"
	set, err := Generate(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkSet(t, doc, set)
	for _, q := range set.Questions {
		if strings.ContainsAny(q.Stem, "*#") {
			t.Errorf("question %q keeps Markdown syntax", q.Stem)
		}
	}
}

// FuzzGenerate checks that no input makes the generator panic or write an
// invalid question.
func FuzzGenerate(f *testing.F) {
	f.Add("# Workers' Opposition\n\nThe faction formed in 1920.[4] It grew.\n\n- Shlyapnikov led it.")
	f.Add("<p title=\"a>b\">The faction formed in 1920.</p><table><tr><td>1</td></tr></table>")
	f.Add("In 753 BC Rome was founded. Julius Caesar, a Roman general, crossed the Rubicon in 49 BC.")
	f.Add("Photosynthesis is the process by which plants make sugar. Chlorophyll is a pigment that absorbs light.")
	f.Fuzz(func(t *testing.T, doc string) {
		set, err := Generate(doc, Options{})
		if err != nil {
			return
		}
		if err := set.Validate(); err != nil {
			t.Errorf("Generate(%q) wrote an invalid set: %v", doc, err)
		}
	})
}

// answerType classifies an option the way the generator typed it: a date
// of some form, a number, or the type of the document's entity of that
// name.
func answerType(d *document, s string) string {
	toks := prose.Tokenize("in " + s)
	var st docStats
	if ms := findMentions(toks, &st); len(ms) == 1 && ms[0].a == 1 && ms[0].b == len(toks) {
		switch ms[0].typ {
		case eDate:
			return "date" + string(rune('0'+ms[0].date.kind))
		case eNumber:
			return "number"
		}
	}
	if _, err := strconvAtof(s); err == nil {
		return "number"
	}
	for _, e := range d.ents {
		r := e.root()
		if r.display() == s || r.short() == s {
			return typeNames[r.typ]
		}
		for _, f := range r.forms {
			if f == s {
				return typeNames[r.typ]
			}
		}
	}
	for _, t := range d.terms {
		if t.text == s {
			return "term"
		}
	}
	if countries[strings.ToLower(s)] {
		return typeNames[ePlace]
	}
	return "unknown"
}

func strconvAtof(s string) (float64, error) {
	return strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
}

// TestGenerate_DistractorTypes checks that every distractor has its key's
// type: a person for a person, a date of the same form for a date, a
// number for a number.
func TestGenerate_DistractorTypes(t *testing.T) {
	docs := []string{seedText(t)}
	docs = append(docs, squadParagraphs(t)...)
	n := 0
	for _, doc := range docs {
		set, err := Generate(doc, Options{})
		if err != nil {
			continue
		}
		d := analyzed(t, doc)
		for _, q := range set.Questions {
			if q.Kind != questions.MultipleChoice {
				continue
			}
			key := q.Choices[q.RightChoices()[0]].Text
			want := answerType(d, key)
			for _, c := range q.Choices {
				if got := answerType(d, c.Text); got != want {
					t.Errorf("%q: option %q is a %s, the key %q a %s", q.Stem, c.Text, got, key, want)
				}
				// A one-word name option the text also writes in lower
				// case is a common word ("Works"), not a name.
				if low := strings.ToLower(c.Text); c.Weight == 0 && low != c.Text && !strings.Contains(c.Text, " ") && containsLower(doc, low) {
					t.Errorf("%q: option %q is a word the text writes in lower case", q.Stem, c.Text)
				}
			}
			n++
		}
	}
	if n < 10 {
		t.Errorf("checked %d multiple-choice questions, want at least 10", n)
	}
}

// containsLower reports whether text has w, all in lower case, as a word.
func containsLower(text, w string) bool {
	for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) {
		if f == w {
			return true
		}
	}
	return false
}

// TestGenerate_PercentOptions checks that no option for a share is over a
// hundred per cent.
func TestGenerate_PercentOptions(t *testing.T) {
	doc := "Dhaka\n\nThe literacy rate of the city is estimated at 92.3%. About 81% of the people are Muslims. " +
		"Unemployment stood at 19% in 2005. The city grew by 4.2% a year. Hindus are 9.7% of the population."
	set, err := Generate(doc, Options{Kinds: []questions.Kind{questions.MultipleChoice}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, q := range set.Questions {
		for _, c := range q.Choices {
			if v, ok := strings.CutSuffix(c.Text, "%"); ok {
				n++
				if f, err := strconv.ParseFloat(v, 64); err == nil && f > 100 {
					t.Errorf("%q offers %q", q.Stem, c.Text)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no percentage offered as an option")
	}
}

// TestAcceptedAnswers_GivenName checks that a given name alone is never an
// accepted answer for a person whose full name the text gives.
func TestAcceptedAnswers_GivenName(t *testing.T) {
	d := analyzed(t, "Economics\n\nAdam Smith was born in Kirkcaldy in 1723. Adam took up the chair of moral philosophy in 1752. "+
		"In 1776 Adam Smith published The Wealth of Nations.")
	n := 0
	for _, s := range d.sents {
		for _, m := range s.ments {
			if m.typ != ePerson || m.ent == nil || m.text != "Adam Smith" {
				continue
			}
			n++
			for _, a := range acceptedAnswers(m, d) {
				if a == "Adam" {
					t.Errorf("the answers for %q accept the given name %q alone: %q", m.text, a, acceptedAnswers(m, d))
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("Adam Smith was not read as a person")
	}
}

// TestCommonWordForm checks which one-word forms of a name are too
// common a word to accept as its answer.
func TestCommonWordForm(t *testing.T) {
	d := analyzed(t, "Presidents\n\nGrant lived in the White House in 1870. Grant built a house in Galena early in 1872. Alfred S. Brown met Grant in 1871. Their children watched Children of Earth.")
	for _, tt := range []struct {
		form, key string
		typ       etype
		want      bool
	}{
		{"House", "White House", ePlace, true},  // "a house"
		{"House", "White House", ePerson, true}, // a kind of building, whatever its type
		{"Children", "Children of Earth", eWork, true},
		{"Brown", "Alfred S. Brown", ePerson, false},
		{"Early", "Jubal A. Early", ePerson, false}, // a surname, however common a word
		{"House", "House", ePlace, false},           // the key as written
		{"White House", "the White House", ePlace, false},
	} {
		if got := d.commonWordForm(tt.form, mention{text: tt.key, typ: tt.typ}); got != tt.want {
			t.Errorf("commonWordForm(%q, %q) = %v, want %v", tt.form, tt.key, got, tt.want)
		}
	}
}

// TestGenerate_DateForms checks that a date written otherwise than the
// options would be ("June 28 1940" without its comma, "nineteenth
// century") is not the key of a multiple-choice item, where its form would
// give it away.
func TestGenerate_DateForms(t *testing.T) {
	doc := "Romania\n\nOn June 28 1940, Romania received a Soviet ultimatum. On July 4, 1940, the government resigned. " +
		"On August 30, 1940, the Second Vienna Award was signed. On September 6, 1940, King Carol abdicated. " +
		"In the nineteenth century, the principalities united. The first railway opened on October 31, 1869."
	set, err := Generate(doc, Options{Kinds: []questions.Kind{questions.MultipleChoice}})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range set.Questions {
		key := q.Choices[q.RightChoices()[0]].Text
		if key == "June 28 1940" || key == "nineteenth century" {
			t.Errorf("%q: the key %q is written otherwise than its options %v", q.Stem, key, q.Choices)
		}
	}
	if len(set.Questions) == 0 {
		t.Error("no multiple-choice item from dates written in one form")
	}
}

// TestGenerate_Pronouns checks that a sentence starting with a pronoun is
// asked about only with the pronoun resolved, and that a demonstrative
// start ("This confrontation ...") is not asked about at all.
func TestGenerate_Pronouns(t *testing.T) {
	doc := "In 1041 Edward the Confessor returned from exile in Normandy. " +
		"He appointed Robert of Jumièges archbishop of Canterbury in 1051. " +
		"This confrontation led to the exile of Earl Godwin in 1051."
	set, err := Generate(doc, Options{N: 20})
	if err != nil {
		t.Fatal(err)
	}
	resolved := false
	for _, q := range set.Questions {
		low := strings.ToLower(q.Stem)
		if strings.HasPrefix(low, "he ") || strings.HasPrefix(low, "this ") || strings.Contains(low, " this confrontation") {
			t.Errorf("question %q leans on an earlier sentence", q.Stem)
		}
		if q.Source.Index == 1 && strings.Contains(q.Stem, "Edward the Confessor") {
			resolved = true
		}
	}
	if !resolved {
		t.Errorf("no question from %q names Edward the Confessor; want \"He\" resolved", "He appointed Robert of Jumièges ...")
	}
}

// TestGenerateContext_Cancel checks that generation stops with the
// context's error, before it starts and part way through a long document.
func TestGenerateContext_Cancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := GenerateContext(ctx, seedText(t), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("GenerateContext with a cancelled context: err = %v, want context.Canceled", err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	_, _, err := GenerateContext(ctx, proseDoc(t, 200<<10), Options{Progress: func(done, total int) {
		if calls++; calls == 3 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("GenerateContext cancelled after the third progress call: err = %v, want context.Canceled", err)
	}
}

// TestGenerate_LongSentence checks that a sentence too long to ask about
// gives no item, while the names in it still serve as distractors.
func TestGenerate_LongSentence(t *testing.T) {
	long := strings.Repeat("Shlyapnikov and Kollontai and Lutovinov met Lenin, ", maxSentenceTokens/8) + "and they parted."
	set, err := Generate(long+"\n\n"+seedText(t), Options{N: 40})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range set.Questions {
		if q.Source.Index == 0 {
			t.Errorf("question %q comes from the over-long first sentence", q.Stem)
		}
	}
}
