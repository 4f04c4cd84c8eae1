package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"factdrill/db"
	"factdrill/questions"
)

// editorForms are questions of every kind as the editor posts them, with
// the question each must store.
var editorForms = []struct {
	form url.Values
	want questions.Question
}{
	{url.Values{"kind": {"multiple_choice"}, "stem": {"Capital of Peru?"}, "title": {"Peru"}, "tags": {"americas, capitals"},
		"mark": {"2"}, "numbering": {"ABCD"}, "keep_order": {"1"},
		"answer-text": {"Lima", "Cusco", "", "Quito"}, "answer-weight": {"100", "0", "", "-25"}, "answer-feedback": {"Yes.", "The Inca capital.", "", "Ecuador's."},
		"correct_feedback": {"Well done."}, "feedback": {"Lima since 1535."}},
		questions.Question{Kind: questions.MultipleChoice, Title: "Peru", Stem: "Capital of Peru?", Tags: []string{"americas", "capitals"}, Mark: 2,
			Numbering: "ABCD", KeepOrder: true, Choices: []questions.Choice{{Text: "Lima", Weight: 100, Feedback: "Yes."},
				{Text: "Cusco", Feedback: "The Inca capital."}, {Text: "Quito", Weight: -25, Feedback: "Ecuador's."}},
			CorrectFeedback: "Well done.", Feedback: "Lima since 1535."}},
	{url.Values{"kind": {"true_false"}, "stem": {"Rome is in Italy."}, "truth": {"true"}, "true_feedback": {"Right."}, "false_feedback": {"It is."}},
		questions.Question{Kind: questions.TrueFalse, Stem: "Rome is in Italy.", Truth: true, TrueFeedback: "Right.", FalseFeedback: "It is."}},
	{url.Values{"kind": {"short_answer"}, "stem": {"Capital of Japan?"}, "case_sensitive": {"1"},
		"answer-text": {"Tokyo", "Edo"}, "answer-weight": {"100", "50"}, "answer-feedback": {"", "Its old name."}},
		questions.Question{Kind: questions.ShortAnswer, Stem: "Capital of Japan?", CaseSensitive: true,
			Answers: []questions.Choice{{Text: "Tokyo", Weight: 100}, {Text: "Edo", Weight: 50, Feedback: "Its old name."}}}},
	{url.Values{"kind": {"cloze"}, "stem": {"The capital of Kenya is _____."}, "answer-text": {"Nairobi"}, "answer-weight": {"100"}, "answer-feedback": {""}},
		questions.Question{Kind: questions.Cloze, Stem: "The capital of Kenya is _____.", Answers: []questions.Choice{{Text: "Nairobi", Weight: 100}}}},
	{url.Values{"kind": {"numerical"}, "stem": {"Height of the Eiffel Tower?"},
		"number-value": {"330", "300", "*"}, "number-tolerance": {"5", "0,5", ""}, "number-weight": {"100", "50", "0"}, "number-feedback": {"", "Before its antenna.", "No."},
		"unit-name": {"m", "km"}, "unit-multiplier": {"1", "0.001"}, "unit_penalty": {"10"}},
		questions.Question{Kind: questions.Numerical, Stem: "Height of the Eiffel Tower?",
			Numbers: []questions.Number{{Value: 330, Tolerance: 5, Weight: 100}, {Value: 300, Tolerance: 0.5, Weight: 50, Feedback: "Before its antenna."}, {Any: true, Feedback: "No."}},
			Units:   []questions.Unit{{Name: "m", Multiplier: 1}, {Name: "km", Multiplier: 0.001}}, UnitPenalty: 10}},
	{url.Values{"kind": {"matching"}, "stem": {"Match the countries."}, "pair-prompt": {"Canada", "Peru", ""}, "pair-answer": {"Ottawa", "Lima", "Quito"}},
		questions.Question{Kind: questions.Matching, Stem: "Match the countries.",
			Pairs: []questions.Pair{{Prompt: "Canada", Answer: "Ottawa"}, {Prompt: "Peru", Answer: "Lima"}, {Answer: "Quito"}}}},
	{url.Values{"kind": {"essay"}, "stem": {"Describe a capital."}, "min_words": {"50"}, "max_words": {"300"}, "response_template": {"The capital of"}, "grader_info": {"Look for a reason."}},
		questions.Question{Kind: questions.Essay, Stem: "Describe a capital.", MinWords: 50, MaxWords: 300, ResponseTemplate: "The capital of", GraderInfo: "Look for a reason."}},
	{url.Values{"kind": {"description"}, "stem": {"Part two: Asia."}},
		questions.Question{Kind: questions.Description, Stem: "Part two: Asia."}},
}

// TestQuestionEditor_EveryKind writes a question of each kind through the
// editor, with every field it has, and reads each back from the store; then
// edits one.
func TestQuestionEditor_EveryKind(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	for _, c := range editorForms {
		r := w.tA.post(fmt.Sprintf("/teacher/sets/%d/questions", w.setA), c.form)
		if r.status != http.StatusSeeOther {
			t.Fatalf("writing a %s = %d\n%s", c.want.Kind, r.status, r.body)
		}
		qid := questionOf(t, r.location)
		got, _, err := w.store.SetQuestion(ctx, w.teacherA.ID, w.setA, qid)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Question, c.want) {
			t.Errorf("%s stored as\n%+v\nwant\n%+v", c.want.Kind, got.Question, c.want)
		}
		// The editor shows it back as it was typed.
		page := w.tA.get(fmt.Sprintf("/teacher/sets/%d/questions/%d/edit", w.setA, qid))
		if page.status != http.StatusOK {
			t.Fatalf("editor of the %s = %d", c.want.Kind, page.status)
		}
		mustContain(t, "editor of the "+string(c.want.Kind), page.body, c.form.Get("stem"))
	}
	_, qs, total, err := w.store.SetQuestionsPage(ctx, w.teacherA.ID, w.setA, "", db.All)
	if err != nil || total != len(testSet.Questions)+len(editorForms) {
		t.Fatalf("set A has %d questions, %v", total, err)
	}
	// An edit of the multiple choice: a new option, a weight, feedback.
	mc := qs[len(testSet.Questions)]
	form := editorForms[0].form
	edit := url.Values{}
	for k, v := range form {
		edit[k] = v
	}
	edit["answer-text"] = []string{"Lima", "Cusco", "Quito", "Arequipa"}
	edit["answer-weight"] = []string{"100", "0", "-50", "0"}
	edit["answer-feedback"] = []string{"Yes!", "The Inca capital.", "Ecuador's.", "Peru's second city."}
	if r := w.tA.post(fmt.Sprintf("/teacher/sets/%d/questions/%d", w.setA, mc.ID), edit); r.status != http.StatusSeeOther {
		t.Fatalf("saving the edit = %d\n%s", r.status, r.body)
	}
	got, _, _ := w.store.SetQuestion(ctx, w.teacherA.ID, w.setA, mc.ID)
	if got.Version != 2 || len(got.Choices) != 4 || got.Choices[0].Feedback != "Yes!" || got.Choices[2].Weight != -50 {
		t.Errorf("after the edit: version %d, options %+v", got.Version, got.Choices)
	}
}

var questionPath = regexp.MustCompile(`#q(\d+)$`)

func questionOf(t *testing.T, location string) int64 {
	t.Helper()
	m := questionPath.FindStringSubmatch(location)
	if m == nil {
		t.Fatalf("redirect to %q names no question", location)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// TestQuestionEditor_Refused: a question that a file reader would refuse
// is refused with the reader's message, nothing stored; a field that is
// not a number says so.
func TestQuestionEditor_Refused(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	before := len(testSet.Questions)
	for _, c := range []struct {
		form url.Values
		msg  string
	}{
		{url.Values{"kind": {"multiple_choice"}, "stem": {"Capital of Peru?"}, "answer-text": {"Lima", "Cusco"}, "answer-weight": {"0", "0"}},
			"Multiple choice question has no right option (no option has a positive weight)."},
		{url.Values{"kind": {"multiple_choice"}, "stem": {"Capital of Peru?"}, "answer-text": {"Lima", "Cusco"}, "answer-weight": {"100", "lots"}},
			`Option 2, weight: "lots" is not a number.`},
		{url.Values{"kind": {"cloze"}, "stem": {"No blank here."}, "answer-text": {"x"}, "answer-weight": {"100"}},
			"Cloze question has no blank (_____) in its text."},
		{url.Values{"kind": {"numerical"}, "stem": {"How many?"}, "number-value": {"5"}, "number-tolerance": {"-1"}, "number-weight": {"100"}},
			"Number 5 has a negative tolerance -1."},
		{url.Values{"kind": {"matching"}, "stem": {"Match."}, "pair-prompt": {"Canada"}, "pair-answer": {"Ottawa"}},
			"Matching question has 1 prompts; it needs at least 2."},
	} {
		r := w.tA.post(fmt.Sprintf("/teacher/sets/%d/questions", w.setA), c.form)
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("%v = %d, want 422", c.form, r.status)
			continue
		}
		problems := texts(doc(t, r), `[data-testid="question-problems"] li`)
		if !containsString(problems, c.msg) {
			t.Errorf("%v: problems %q, want %q", c.form, problems, c.msg)
		}
		mustContain(t, "the form shown again", r.body, html(c.form.Get("stem")))
	}
	if _, _, total, _ := w.store.SetQuestionsPage(ctx, w.teacherA.ID, w.setA, "", db.All); total != before {
		t.Errorf("after refused questions the set has %d, want %d", total, before)
	}
	// More rows: the form comes back with what was typed and more empty rows.
	r := w.tA.post(fmt.Sprintf("/teacher/sets/%d/questions", w.setA), url.Values{"kind": {"short_answer"}, "stem": {"Capital?"},
		"answer-text": {"Lima"}, "answer-weight": {"100"}, "more": {"1"}})
	if n := doc(t, r).Find(`[data-testid="answer-text"]`).Length(); r.status != http.StatusOK || n != 4 {
		t.Errorf("more rows = %d with %d answer rows, want 200 with 4", r.status, n)
	}
}

func containsString(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

func html(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// TestQuestionBank_ReuseAndEdit: a question of one set, put in another
// from the bank, is one question: the editor says it is in both sets and
// shown in an attempt, and an edit shows in both.
func TestQuestionBank_ReuseAndEdit(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	other, err := w.store.CreateDraftSet(ctx, w.teacherA.ID, questions.Set{Title: "Revision", Questions: []questions.Question{editorForms[1].want}})
	if err != nil {
		t.Fatal(err)
	}
	bank := doc(t, w.tA.get("/teacher/bank?q=tokyo"))
	items := bank.Find(`[data-testid="bank-item"]`)
	if items.Length() != 1 {
		t.Fatalf("bank search for tokyo found %d questions, want 1\n%s", items.Length(), bank.Text())
	}
	qid, _ := items.Find(`input[name="question"]`).Attr("value")
	if r := w.tA.post("/teacher/bank/reuse", url.Values{"question": {qid}, "set": {itoa(other)}}); r.status != http.StatusSeeOther {
		t.Fatalf("reuse = %d\n%s", r.status, r.body)
	}
	id, _ := strconv.ParseInt(qid, 10, 64)
	// Student A's finished attempt at set A showed the question.
	page := doc(t, w.tA.get(fmt.Sprintf("/teacher/sets/%d/questions/%s/edit", other, qid)))
	use := strings.Join(strings.Fields(page.Find(`[data-testid="question-use"]`).Text()), " ")
	for _, want := range []string{"In 2 sets", "Capitals", "Revision", "Shown in 1 attempt"} {
		if !strings.Contains(use, want) {
			t.Errorf("where the question is used: %q, want %q in it", use, want)
		}
	}
	form := url.Values{"stem": {"Today the capital of Japan is _____."}, "answer-text": {"Tokyo"}, "answer-weight": {"100"}, "answer-feedback": {""}}
	if r := w.tA.post(fmt.Sprintf("/teacher/sets/%d/questions/%s", other, qid), form); r.status != http.StatusSeeOther {
		t.Fatalf("edit = %d\n%s", r.status, r.body)
	}
	for _, set := range []int64{w.setA, other} {
		q, _, err := w.store.SetQuestion(ctx, w.teacherA.ID, set, id)
		if err != nil || q.Stem != "Today the capital of Japan is _____." {
			t.Errorf("the question in set %d = %q, %v; want the edit", set, q.Stem, err)
		}
	}
}

// TestSetEditor_LargeSet is issue 14's item 12: a set of 5,000 questions
// saved unchanged in the editor was refused (413: the form passed the
// 1 MB limit). The editor holds a page of the set; saving it is accepted,
// and changes only what the page shows.
func TestSetEditor_LargeSet(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	set := questions.Set{Title: "Large"}
	for i := range questions.MaxQuestions {
		set.Questions = append(set.Questions, questions.Question{Kind: questions.MultipleChoice, Stem: fmt.Sprintf("Question %d: which of these is right, the first or one of the others?", i),
			Choices: []questions.Choice{{Text: "The first option", Weight: 100}, {Text: "The second option"}, {Text: "The third option"}, {Text: "The fourth option"}}})
	}
	id, err := w.store.CreateDraftSet(ctx, w.teacherA.ID, set)
	if err != nil {
		t.Fatal(err)
	}
	editPath := fmt.Sprintf("/teacher/sets/%d/edit", id)
	r := w.tA.get(editPath + "?page=3")
	if r.status != http.StatusOK {
		t.Fatalf("editor = %d", r.status)
	}
	page := doc(t, r)
	if n := page.Find(`[data-testid="edit-item"]`).Length(); n != editPageSize {
		t.Errorf("the editor shows %d questions, want a page of %d", n, editPageSize)
	}
	form := formValues(page.Find(`[data-testid="edit-form"]`))
	form.Set("publish", "0")
	body := form.Encode()
	if len(body) >= int(DefaultConfig().MaxBodyBytes) {
		t.Fatalf("the editor's form is %d bytes, over the %d limit", len(body), DefaultConfig().MaxBodyBytes)
	}
	// A change on the page: question 101 gets a new stem.
	form.Set("q100-stem", "Question 100, changed.")
	if r := w.tA.post(editPath, form); r.status != http.StatusSeeOther {
		t.Fatalf("saving the editor's page of a %d-question set = %d, want 303\n%.2000s", questions.MaxQuestions, r.status, r.body)
	}
	_, qs, total, err := w.store.SetQuestionsPage(ctx, w.teacherA.ID, id, "", db.Page{Offset: 99, Size: 3})
	if err != nil || total != questions.MaxQuestions {
		t.Fatalf("after saving: %d questions, %v", total, err)
	}
	if qs[1].Stem != "Question 100, changed." || qs[0].Version != 1 || qs[2].Version != 1 {
		t.Errorf("after saving: %q (v%d), %q (v%d), %q (v%d); want only question 101 changed", qs[0].Stem, qs[0].Version, qs[1].Stem, qs[1].Version, qs[2].Stem, qs[2].Version)
	}
	// The set's page holds a page of it too.
	sp := doc(t, w.tA.get(fmt.Sprintf("/teacher/sets/%d?page=100", id)))
	if n := sp.Find(`[data-testid="set-question"]`).Length(); n != setPageSize {
		t.Errorf("the set's last page shows %d questions, want %d", n, setPageSize)
	}
}

// formValues are the values a browser would post for a form: its inputs,
// checked boxes and radios, textareas and selects.
func formValues(f *goquery.Selection) url.Values {
	v := url.Values{}
	f.Find("input, textarea, select").Each(func(_ int, s *goquery.Selection) {
		name, ok := s.Attr("name")
		if !ok {
			return
		}
		switch {
		case goquery.NodeName(s) == "textarea":
			v.Add(name, s.Text())
		case goquery.NodeName(s) == "select":
			val, _ := s.Find("option[selected]").Attr("value")
			v.Add(name, val)
		default:
			typ, _ := s.Attr("type")
			val, _ := s.Attr("value")
			if (typ == "checkbox" || typ == "radio") && s.AttrOr("checked", "-") == "-" {
				return
			}
			if typ == "submit" {
				return
			}
			v.Add(name, val)
		}
	})
	return v
}

// TestSetPage_EveryQuestionOnce pages through a set's page, a search in
// it, a class's roster and the teacher's sets: each item shows once.
func TestSetPage_EveryQuestionOnce(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	set := questions.Set{Title: "Paged"}
	for i := range 123 {
		set.Questions = append(set.Questions, questions.Question{Kind: questions.TrueFalse, Stem: fmt.Sprintf("Statement %d.", i), Truth: true})
	}
	id, err := w.store.CreateDraftSet(ctx, w.teacherA.ID, set)
	if err != nil {
		t.Fatal(err)
	}
	var entries []db.RosterEntry
	for i := range 137 {
		entries = append(entries, db.RosterEntry{Name: fmt.Sprintf("Student %03d", i)})
	}
	if _, err := w.store.AddToRoster(ctx, w.teacherA.ID, w.classA.ID, entries); err != nil {
		t.Fatal(err)
	}
	for i := range 44 {
		if _, err := w.store.CreateDraftSet(ctx, w.teacherA.ID, questions.Set{Title: fmt.Sprintf("Set %02d", i), Questions: testSet.Questions[:1]}); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		path, item string
		want       int
	}{
		{fmt.Sprintf("/teacher/sets/%d", id), `[data-testid="set-question"] .stem`, 123},
		{fmt.Sprintf("/teacher/sets/%d?q=statement+1", id), `[data-testid="set-question"] .stem`, 1 + 10 + 23}, // 1, 10-19, 100-122
		{fmt.Sprintf("/teacher/classes/%d/roster", w.classA.ID), `[data-testid="roster-row"] th`, 137 + 1},
		{"/teacher", `[data-testid="my-sets"] tbody th > a`, 1 + 1 + 44},    // Capitals, Paged and the 44
		{"/teacher?sets=set+1", `[data-testid="my-sets"] tbody th > a`, 14}, // titles with "set" and "1" in them: 01, 10-19, 21, 31, 41
	} {
		seen := map[string]int{}
		var order []string
		next := c.path
		for pages := 0; next != ""; pages++ {
			if pages > 10 {
				t.Fatalf("%s: more than 10 pages", c.path)
			}
			d := doc(t, w.tA.get(next))
			for _, s := range texts(d, c.item) {
				seen[s]++
				order = append(order, s)
			}
			next, _ = d.Find(`[data-testid="pager"] [data-testid="next"]`).First().Attr("href")
		}
		if len(order) != c.want || len(seen) != c.want {
			t.Errorf("%s: %d items over the pages (%d different), want %d", c.path, len(order), len(seen), c.want)
		}
		for s, n := range seen {
			if n != 1 {
				t.Errorf("%s: %q shown %d times", c.path, s, n)
			}
		}
	}
}
