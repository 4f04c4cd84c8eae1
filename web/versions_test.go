package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"factdrill/db"
	"factdrill/questions"
)

// fourCapitals is a set of four graded questions, each with one right
// answer a student can read off its stem.
var fourCapitals = questions.Set{
	Title: "Four capitals",
	Questions: []questions.Question{
		{Kind: questions.MultipleChoice, Stem: "Capital of France?", Choices: []questions.Choice{{Text: "Lyon"}, {Text: "Paris", Weight: 100}, {Text: "Nice"}}},
		{Kind: questions.TrueFalse, Stem: "Rome is the capital of Italy.", Truth: true},
		{Kind: questions.ShortAnswer, Stem: "Capital of Japan?", Answers: []questions.Choice{{Text: "Tokyo", Weight: 100}}},
		{Kind: questions.Numerical, Stem: "How many states has the U.S.?", Numbers: []questions.Number{{Value: 50, Weight: 100}}},
	},
}

// editForm is the set editor's form for qs as stored, unchanged, with
// the questions keep says ticked.
func editForm(title string, qs []db.StoredQuestion, keep func(i int) bool) url.Values {
	form := url.Values{"title": {title}, "count": {fmt.Sprint(len(qs))}, "publish": {"1"}}
	for i, q := range qs {
		p := fmt.Sprintf("q%d-", i)
		if keep(i) {
			form.Set(p+"keep", "1")
		}
		form.Set(p+"stem", q.Stem)
		for k, c := range q.Choices {
			form.Add(p+"choice", c.Text)
			if c.Weight > 0 {
				form.Add(p+"right", fmt.Sprint(k))
			}
		}
		form.Set(p+"truth", fmt.Sprint(q.Truth))
		var lines []string
		for _, a := range q.Answers {
			lines = append(lines, a.Text)
		}
		form.Set(p+"answers", strings.Join(lines, "\n"))
		if len(q.Numbers) > 0 {
			form.Set(p+"number", fmt.Sprint(q.Numbers[0].Value))
			form.Set(p+"tolerance", fmt.Sprint(q.Numbers[0].Tolerance))
		}
		var pairs []string
		for _, pr := range q.Pairs {
			pairs = append(pairs, pr.Prompt+" = "+pr.Answer)
		}
		form.Set(p+"pairs", strings.Join(pairs, "\n"))
	}
	return form
}

// answerAsShown reads question n of the attempt as the student sees it
// and answers it right, as a student who knows the answers would: by its
// stem. It returns the stem shown.
func answerAsShown(t *testing.T, b *browser, attemptID int64, n int, byStem map[string]questions.Question) string {
	t.Helper()
	qURL := fmt.Sprintf("/attempts/%d/questions/%d", attemptID, n)
	page := b.get(qURL)
	if page.status != http.StatusOK {
		t.Fatalf("GET %s = %d", qURL, page.status)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page.body))
	if err != nil {
		t.Fatal(err)
	}
	var shown string
	for stem := range byStem {
		if strings.Contains(doc.Find("form").Text(), stem) {
			shown = stem
		}
	}
	if shown == "" {
		t.Fatalf("question %d shows none of the set's stems\n%s", n, page.body)
	}
	form := rightForm(byStem[shown])
	form.Set("nav", "next")
	if r := b.post(qURL, form); r.status != http.StatusSeeOther {
		t.Fatalf("answer question %d = %d\n%s", n, r.status, r.body)
	}
	return shown
}

// TestEditDuringAttempt is issue 14's third defect: a student answers
// question 1; the teacher removes question 2 and saves; the student
// answers the rest right. The attempt keeps the questions it showed, so
// the student scores 100% and each answer is stored against the question
// it was given to.
func TestEditDuringAttempt(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	setID, err := w.store.CreateDraftSet(ctx, w.teacherA.ID, fourCapitals)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.store.SetPublished(ctx, w.teacherA.ID, setID, true); err != nil {
		t.Fatal(err)
	}
	g, err := w.store.Assign(ctx, w.teacherA.ID, w.classA.ID, setID, db.QuizSettings{Feedback: db.FeedbackAfter})
	if err != nil {
		t.Fatal(err)
	}
	byStem := map[string]questions.Question{}
	for _, q := range fourCapitals.Questions {
		byStem[q.Stem] = q
	}
	attemptID := attemptOf(t, w.sA.post(fmt.Sprintf("/assignments/%d/attempts", g), nil))
	shown := []string{answerAsShown(t, w.sA, attemptID, 1, byStem)}

	_, qs, err := w.store.TeacherSet(ctx, w.teacherA.ID, setID)
	if err != nil {
		t.Fatal(err)
	}
	r := w.tA.post(fmt.Sprintf("/teacher/sets/%d/edit", setID), editForm(fourCapitals.Title, qs, func(i int) bool { return i != 1 }))
	if r.status != http.StatusSeeOther {
		t.Fatalf("save the set without question 2 = %d\n%s", r.status, r.body)
	}
	if _, now, _ := w.store.TeacherSet(ctx, w.teacherA.ID, setID); len(now) != 3 {
		t.Fatalf("after the edit the set has %d questions, want 3", len(now))
	}
	// The teacher is told which open attempts keep the old version.
	page := w.tA.get(fmt.Sprintf("/teacher/sets/%d", setID))
	mustContain(t, "set page after the edit", page.body, `data-testid="stale-attempts"`, "Student A")

	for n := 2; n <= 4; n++ {
		shown = append(shown, answerAsShown(t, w.sA, attemptID, n, byStem))
	}
	if r := w.sA.post(fmt.Sprintf("/attempts/%d/finish", attemptID), nil); r.status != http.StatusSeeOther {
		t.Fatalf("finish = %d", r.status)
	}
	a, rs, err := w.store.Responses(ctx, w.learnerA, attemptID)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Score.Percent(); got != 100 {
		t.Errorf("score = %d%%, want 100%%: every question was answered right", got)
	}
	if len(rs) != 4 {
		t.Fatalf("the attempt has %d questions after the edit, want the 4 it started with", len(rs))
	}
	for i, resp := range rs {
		if resp.Question.Stem != shown[i] || resp.Question.ID != qs[i].ID || !resp.Answered || !resp.Grade().Right() {
			t.Errorf("response %d: question %d %q answered=%v right=%v; want question %d %q, answered right",
				i+1, resp.Question.ID, resp.Question.Stem, resp.Answered, resp.Grade().Right(), qs[i].ID, shown[i])
		}
	}
}
