package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
)

// reassign changes the settings of class A's assignment of set A to q.
func (w *world) reassign(t *testing.T, q db.QuizSettings) {
	t.Helper()
	if q.Feedback == "" {
		q.Feedback = db.FeedbackAfter
	}
	if _, err := w.store.UpdateAssignment(context.Background(), w.teacherA.ID, w.assignA, q); err != nil {
		t.Fatal(err)
	}
}

// startA starts a class attempt of student A at set A, and returns its id.
func (w *world) startA(t *testing.T) int64 {
	t.Helper()
	return attemptOf(t, w.sA.post(fmt.Sprintf("/assignments/%d/attempts", w.assignA), nil))
}

// positionOf finds where the attempt shows the question with the stem.
func (w *world) positionOf(t *testing.T, attemptID int64, stem string) int {
	t.Helper()
	_, rs, err := w.store.Responses(context.Background(), w.learnerA, attemptID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Question.Stem == stem {
			return r.Position + 1
		}
	}
	t.Fatalf("attempt %d has no question %q", attemptID, stem)
	return 0
}

// TestReviewRules_NothingEarly checks issue 10's promise that right
// answers never reach the page before the rules allow: during the
// attempt (checked answer by answer) and right after it, with the rules
// holding them back, neither the question page, the checked answer's page
// nor the result holds the right answer, the feedback or the source
// sentence; once the quiz closes, the result shows them.
func TestReviewRules_NothingEarly(t *testing.T) {
	w := newWorld(t)
	closes := w.clock.now().Add(time.Hour)
	// During: the mark only. Right after: the mark only. After closing:
	// everything.
	show := quiz.ReviewRules(0).
		With(quiz.During, quiz.Reveal{Mark: true}).
		With(quiz.After, quiz.Reveal{Mark: true}).
		With(quiz.Closed, quiz.Reveal{Mark: true, Right: true, Feedback: true, Source: true})
	w.reassign(t, db.QuizSettings{Feedback: db.FeedbackDuring, Closes: closes, Hide: quiz.AllReview &^ show})
	id := w.startA(t)
	cloze := testSet.Questions[2] // right answer Tokyo, with a source sentence
	n := w.positionOf(t, id, cloze.Stem)
	secret := []string{"Tokyo", cloze.Source.Sentence, "Right answer"}
	noSecret := func(what, body string) {
		t.Helper()
		for _, s := range secret {
			if strings.Contains(body, s) {
				t.Errorf("%s holds %q, which the review rules hold back", what, s)
			}
		}
	}
	qURL := fmt.Sprintf("/attempts/%d/questions/%d", id, n)
	page := w.sA.get(qURL)
	if page.status != http.StatusOK {
		t.Fatalf("question page = %d", page.status)
	}
	noSecret("the question page", page.body)
	r := w.sA.post(qURL, url.Values{"text": {"Kyoto"}, "nav": {"next"}})
	if r.location != qURL+"/feedback" {
		t.Fatalf("answer = %d to %q, want the checked answer's page", r.status, r.location)
	}
	fb := w.sA.get(r.location)
	noSecret("the checked answer's page", fb.body)
	mustContain(t, "the checked answer's page", fb.body, "Wrong", "Kyoto")

	w.sA.post(fmt.Sprintf("/attempts/%d/finish", id), nil)
	res := w.sA.get(fmt.Sprintf("/attempts/%d/result", id))
	noSecret("the result right after", res.body)
	mustContain(t, "the result right after", res.body, `data-testid="score"`)

	w.clock.add(2 * time.Hour)
	res = w.sA.get(fmt.Sprintf("/attempts/%d/result", id))
	mustContain(t, "the result after closing", res.body, "Tokyo", cloze.Source.Sentence, "Right answer")
}

// TestReviewRules_MarkHidden: without the mark, the result page shows the
// answers given and no score or verdict.
func TestReviewRules_MarkHidden(t *testing.T) {
	w := newWorld(t)
	w.reassign(t, db.QuizSettings{Hide: quiz.ReviewRules(0).With(quiz.After, quiz.Reveal{Mark: true, Right: true, Feedback: true, Source: true})})
	id := w.startA(t)
	w.sA.post(fmt.Sprintf("/attempts/%d/finish", id), nil)
	res := w.sA.get(fmt.Sprintf("/attempts/%d/result", id))
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(res.body))
	if doc.Find(`[data-testid="score"], [data-testid="verdict"], [data-testid="right"], [data-testid="source"]`).Length() != 0 {
		t.Errorf("with everything held back right after, the result shows marks or answers:\n%s", res.body)
	}
	mustContain(t, "result", res.body, `data-testid="score-hidden"`, "Your answers are handed in")
}

// TestNumericalNotANumber: "100x" in a numerical question is refused with
// a message beside the field, what was typed stays, and nothing is saved.
func TestNumericalNotANumber(t *testing.T) {
	w := newWorld(t)
	id := w.startA(t)
	n := w.positionOf(t, id, testSet.Questions[4].Stem)
	r := w.sA.post(fmt.Sprintf("/attempts/%d/questions/%d", id, n), url.Values{"text": {"100x"}, "nav": {"next"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a numerical answer of 100x = %d, want 422", r.status)
	}
	mustContain(t, "refused answer", r.body, "“100x” is not a number", "Nothing was saved", `value="100x"`, `aria-invalid="true"`)
	if st, _ := w.store.AttemptQuestion(context.Background(), w.learnerA, id, n-1); st.Response.Answered {
		t.Error("the refused answer was saved")
	}
	if r := w.sA.post(fmt.Sprintf("/attempts/%d/questions/%d", id, n), url.Values{"text": {"fifty"}, "nav": {"next"}}); r.status != http.StatusSeeOther {
		t.Fatalf("a number in words = %d, want it saved", r.status)
	}
	if st, _ := w.store.AttemptQuestion(context.Background(), w.learnerA, id, n-1); !st.Response.Grade().Right() {
		t.Errorf("fifty for 50 = %+v, want right", st.Response.Grade())
	}
}

// TestTimeLimit_Handler: the question page shows the time left and the
// deadline; an answer after the deadline is refused and the attempt is
// handed in with what was saved, which the result says.
func TestTimeLimit_Handler(t *testing.T) {
	w := newWorld(t)
	w.reassign(t, db.QuizSettings{TimeLimit: 10 * time.Minute})
	id := w.startA(t)
	page := w.sA.get(fmt.Sprintf("/attempts/%d/questions/1", id))
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(page.body))
	timer := doc.Find(`[data-testid="timer"]`)
	deadline := w.clock.now().Add(10 * time.Minute).UTC()
	if timer.Length() != 1 || timer.AttrOr("data-deadline", "") != deadline.Format(time.RFC3339) {
		t.Fatalf("timer = %q, want one with deadline %s", timer.AttrOr("data-deadline", ""), deadline)
	}
	if live := timer.Find(`[aria-live="polite"]`); live.Length() != 1 {
		t.Error("the timer has no polite live region for screen readers")
	}
	mustContain(t, "timer", timer.Text(), "10 min", deadline.Format("15:04")+" UTC")
	w.sA.post(fmt.Sprintf("/attempts/%d/questions/1", id), rightForm(firstQuestion(t, w, id)))
	w.clock.add(10*time.Minute + time.Second)
	r := w.sA.post(fmt.Sprintf("/attempts/%d/questions/2", id), url.Values{"truth": {"true"}, "nav": {"next"}})
	if r.status != http.StatusSeeOther || r.location != fmt.Sprintf("/attempts/%d/result", id) {
		t.Fatalf("an answer after the deadline = %d to %q, want the result", r.status, r.location)
	}
	res := w.sA.get(r.location)
	mustContain(t, "result after the deadline", res.body, `data-testid="time-up"`)
	a, rs, _ := w.store.Responses(context.Background(), w.learnerA, id)
	if !a.Finished() || a.FinishedBy != db.FinishedByDeadline || !rs[0].Answered || rs[1].Answered {
		t.Errorf("after the deadline: %+v; want finished by the deadline with only the first answer", a)
	}
}

func firstQuestion(t *testing.T, w *world, id int64) questions.Question {
	t.Helper()
	st, err := w.store.AttemptQuestion(context.Background(), w.learnerA, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	return st.Response.Question.Question
}

// TestTimeLimit_LazySubmit: an attempt left open past its deadline is
// handed in when its page is next asked for.
func TestTimeLimit_LazySubmit(t *testing.T) {
	w := newWorld(t)
	w.reassign(t, db.QuizSettings{TimeLimit: 5 * time.Minute})
	id := w.startA(t)
	w.clock.add(6 * time.Minute)
	r := w.sA.get(fmt.Sprintf("/attempts/%d/questions/1", id))
	if r.status != http.StatusSeeOther || r.location != fmt.Sprintf("/attempts/%d/result", id) {
		t.Fatalf("the question page past the deadline = %d to %q, want the result", r.status, r.location)
	}
	if a, _ := w.store.Attempt(context.Background(), w.learnerA, id); a.FinishedBy != db.FinishedByDeadline {
		t.Errorf("attempt = %+v, want handed in by its deadline", a)
	}
}

// TestShuffledOptionsPage: the question page lists the options in the
// attempt's order, each posting its own index; answering by that index is
// right whatever the order.
func TestShuffledOptionsPage(t *testing.T) {
	w := newWorld(t)
	id := w.startA(t)
	n := w.positionOf(t, id, testSet.Questions[0].Stem)
	st, _ := w.store.AttemptQuestion(context.Background(), w.learnerA, id, n-1)
	page := w.sA.get(fmt.Sprintf("/attempts/%d/questions/%d", id, n))
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(page.body))
	var values []string
	doc.Find(`.options input[name="choice"]`).Each(func(_ int, s *goquery.Selection) { values = append(values, s.AttrOr("value", "")) })
	var want []string
	for _, i := range quiz.ChoicesShown(st.Response.Question.Question, st.Response.Options) {
		want = append(want, fmt.Sprint(i))
	}
	if strings.Join(values, ",") != strings.Join(want, ",") || len(values) != 3 {
		t.Fatalf("the page lists options %v, want the attempt's order %v", values, want)
	}
	w.sA.post(fmt.Sprintf("/attempts/%d/questions/%d", id, n), url.Values{"choice": {"1"}, "nav": {"next"}})
	if st, _ := w.store.AttemptQuestion(context.Background(), w.learnerA, id, n-1); !st.Response.Grade().Right() {
		t.Errorf("Paris by its own index is graded %+v", st.Response.Grade())
	}
}

// TestClaimRight: in self-study the result offers "I was right" on a
// wrong answer, which counts it right; a class quiz offers nothing.
func TestClaimRight(t *testing.T) {
	w := newWorld(t)
	id := w.attemptOpen // student A's self-study attempt at the public set
	w.sA.post(fmt.Sprintf("/attempts/%d/questions/1", id), url.Values{"choice": {"0"}, "nav": {"next"}})
	w.sA.post(fmt.Sprintf("/attempts/%d/finish", id), nil)
	res := w.sA.get(fmt.Sprintf("/attempts/%d/result", id))
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(res.body))
	claim := doc.Find(`#q1 form.claim`)
	if claim.Length() != 1 {
		t.Fatalf("the wrong answer has no 'I was right' button:\n%s", res.body)
	}
	r := w.sA.post(claim.AttrOr("action", ""), nil)
	if r.status != http.StatusSeeOther {
		t.Fatalf("claim = %d", r.status)
	}
	res = w.sA.get(strings.Split(r.location, "#")[0])
	mustContain(t, "result after the claim", res.body, "Right, as you said", "counts as right, as you said")
	class := w.sA.get(fmt.Sprintf("/attempts/%d/result", w.attemptDone))
	if strings.Contains(class.body, `data-testid="claim"`) {
		t.Error("a class quiz's result offers 'I was right'")
	}
}

// TestTryAgain: "Try again" appears only while an attempt is left.
func TestTryAgain(t *testing.T) {
	w := newWorld(t)
	w.reassign(t, db.QuizSettings{MaxAttempts: 2}) // student A used one
	id := w.startA(t)
	w.sA.post(fmt.Sprintf("/attempts/%d/finish", id), nil)
	if res := w.sA.get(fmt.Sprintf("/attempts/%d/result", w.attemptDone)); strings.Contains(res.body, `data-testid="try-again"`) {
		t.Error("the result offers Try again after the last allowed attempt")
	}
	w.reassign(t, db.QuizSettings{MaxAttempts: 3})
	if res := w.sA.get(fmt.Sprintf("/attempts/%d/result", w.attemptDone)); !strings.Contains(res.body, `data-testid="try-again"`) {
		t.Error("the result does not offer Try again with an attempt left")
	}
}

// TestDueDates: the class page and the home page show a quiz's due date
// and time limit; before it opens it cannot be started.
func TestDueDates(t *testing.T) {
	w := newWorld(t)
	now := w.clock.now()
	due := now.Add(48 * time.Hour)
	w.reassign(t, db.QuizSettings{TimeLimit: 20 * time.Minute, Opens: now.Add(time.Hour), Due: due, Closes: due.Add(time.Hour)})
	class := w.sA.get(fmt.Sprintf("/classes/%d", w.classA.ID))
	mustContain(t, "class page", class.body, `data-testid="due"`, due.Format("Mon 2 Jan 2006, 15:04")+" UTC", "20 minutes to answer", `data-testid="not-yet"`)
	if strings.Contains(class.body, `data-testid="start-class-quiz"`) {
		t.Error("a quiz not open yet offers Start")
	}
	if r := w.sA.post(fmt.Sprintf("/assignments/%d/attempts", w.assignA), nil); r.status != http.StatusBadRequest {
		t.Errorf("starting before the quiz opens = %d, want 400", r.status)
	}
	w.clock.add(2 * time.Hour)
	class = w.sA.get(fmt.Sprintf("/classes/%d", w.classA.ID))
	mustContain(t, "class page once open", class.body, `data-testid="start-class-quiz"`)
	// Student A has finished an attempt; a newcomer has the quiz to do.
	newcomer := w.browser()
	newcomer.join(w.classA, "Newcomer")
	home := newcomer.get("/")
	mustContain(t, "home page", home.body, `data-testid="home-due"`, "Capitals", "Class of Teacher A", "due", due.Format("Mon 2 Jan 2006, 15:04"))
	if strings.Contains(w.sA.get("/").body, `data-testid="home-due"`) {
		t.Error("the home page shows a due date for a quiz the student has finished")
	}
	// Extra time for this student shows in their time limit.
	if err := w.store.SetOverride(context.Background(), w.teacherA.ID, w.assignA, w.learnerA, db.Override{Time: 10 * time.Minute}); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "class page with extra time", w.sA.get(fmt.Sprintf("/classes/%d", w.classA.ID)).body, "30 minutes to answer")
}

// longAttempt starts student A's attempt at a new public set of 120
// short answers ("Word 7?", answered "word7") and returns its id.
func longAttempt(t *testing.T, w *world) int64 {
	t.Helper()
	set := questions.Set{Title: "Long"}
	for i := range 120 {
		set.Questions = append(set.Questions, questions.Question{Kind: questions.ShortAnswer, Stem: fmt.Sprintf("Word %d?", i+1),
			Answers: []questions.Choice{{Text: fmt.Sprintf("word%d", i+1), Weight: 100}}})
	}
	setID, err := w.store.CreateSet(context.Background(), set, "")
	if err != nil {
		t.Fatal(err)
	}
	return attemptOf(t, w.sA.post(fmt.Sprintf("/sets/%d/attempts", setID), nil))
}

// TestLongQuizNavigator: the question page of a long quiz lists the block
// of 50 questions it is in, with the way to the blocks either side and to
// the next question without an answer.
func TestLongQuizNavigator(t *testing.T) {
	w := newWorld(t)
	id := longAttempt(t, w)
	w.sA.post(fmt.Sprintf("/attempts/%d/questions/60", id), url.Values{"text": {"word60"}, "nav": {"goto-60"}})
	page := w.sA.get(fmt.Sprintf("/attempts/%d/questions/60", id))
	doc, _ := goquery.NewDocumentFromReader(strings.NewReader(page.body))
	nav := doc.Find(`[data-testid="qnav"]`)
	var first, last string
	items := nav.Find("ol button")
	first, last = items.First().AttrOr("value", ""), items.Last().AttrOr("value", "")
	if items.Length() != 50 || first != "goto-51" || last != "goto-100" {
		t.Errorf("the navigator lists %d questions, %s to %s; want 50, goto-51 to goto-100", items.Length(), first, last)
	}
	for sel, want := range map[string]string{`[data-testid="qnav-prev"]`: "goto-1", `[data-testid="qnav-next"]`: "goto-101",
		`[data-testid="qnav-unanswered"]`: "goto-61"} {
		if got := nav.Find(sel).AttrOr("value", ""); got != want {
			t.Errorf("%s = %q, want %q", sel, got, want)
		}
	}
	mustContain(t, "navigator", nav.Text(), "51–100 of 120", "119 left")
	// Going to the next block saves the answer typed, as every
	// navigation button does.
	r := w.sA.post(fmt.Sprintf("/attempts/%d/questions/60", id), url.Values{"text": {"word60"}, "nav": {"goto-101"}})
	if r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, "/questions/101") {
		t.Errorf("goto-101 = %d to %q", r.status, r.location)
	}
}

// TestQuestionFlags: a student flags questions for review with the box on
// the question page (saved with the answer, by whichever button), lists
// the flagged or the unanswered in the navigator without script, and the
// teacher sees the flags in the student's attempt.
func TestQuestionFlags(t *testing.T) {
	w := newWorld(t)
	id := longAttempt(t, w)
	q := func(n int, query string) string { return fmt.Sprintf("/attempts/%d/questions/%d%s", id, n, query) }
	nav := func(path string) (*goquery.Selection, []string) {
		t.Helper()
		page := w.sA.get(path)
		if page.status != http.StatusOK {
			t.Fatalf("GET %s = %d", path, page.status)
		}
		doc, _ := goquery.NewDocumentFromReader(strings.NewReader(page.body))
		var listed []string
		doc.Find(`[data-testid="qnav"] ol button`).Each(func(_ int, b *goquery.Selection) {
			listed = append(listed, strings.TrimPrefix(b.AttrOr("value", ""), "goto-"))
		})
		return doc.Selection, listed
	}

	// Flag 5 (unanswered) and 60 (answered), moving on with the button.
	for _, c := range []struct {
		n    int
		form url.Values
	}{
		{5, url.Values{"text": {""}, "flag": {"1"}, "flag-shown": {"1"}, "nav": {"goto-7"}}},
		{60, url.Values{"text": {"word60"}, "flag": {"1"}, "flag-shown": {"1"}, "nav": {"next"}}},
	} {
		if r := w.sA.post(q(c.n, ""), c.form); r.status != http.StatusSeeOther {
			t.Fatalf("POST question %d = %d", c.n, r.status)
		}
	}
	doc, _ := nav(q(5, ""))
	if doc.Find(`[data-testid="flag"]`).AttrOr("checked", "none") == "none" {
		t.Error("question 5's box is not ticked after flagging it")
	}
	doc, _ = nav(q(7, ""))
	if b := doc.Find(`[data-testid="qnav"] button[value="goto-5"]`); b.AttrOr("data-flagged", "none") == "none" ||
		!strings.Contains(b.AttrOr("aria-label", ""), "flagged") {
		t.Errorf("question 5 in the navigator is not marked flagged: %v", b.Nodes)
	}

	// The flagged list, chosen with its button: the same question, that
	// list, kept by the buttons that move.
	r := w.sA.post(q(7, ""), url.Values{"text": {""}, "flag-shown": {"1"}, "nav": {"show-flagged"}})
	if r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, q(7, "?show=flagged")) {
		t.Fatalf("show-flagged = %d to %q, want question 7 with the flagged listed", r.status, r.location)
	}
	doc, listed := nav(q(7, "?show=flagged"))
	if strings.Join(listed, ",") != "5,60" || doc.Find(`[data-testid="qnav-show-flagged"]`).AttrOr("aria-pressed", "") != "true" {
		t.Errorf("the flagged list = %v (pressed %q), want 5 and 60", listed, doc.Find(`[data-testid="qnav-show-flagged"]`).AttrOr("aria-pressed", ""))
	}
	if r := w.sA.post(q(7, "?show=flagged"), url.Values{"text": {""}, "flag-shown": {"1"}, "nav": {"goto-60"}}); !strings.HasSuffix(r.location, q(60, "?show=flagged")) {
		t.Errorf("goto-60 from the flagged list = %q, want question 60 still listing the flagged", r.location)
	}

	// The unanswered list leaves out 60, the one answered: its second
	// page, where 55 is, runs from 51 to 101.
	_, listed = nav(q(55, "?show=unanswered"))
	if len(listed) != 50 || listed[0] != "51" || slices.Contains(listed, "60") || listed[49] != "101" {
		t.Errorf("the second page of the unanswered = %v, want 51 to 101 without 60", listed)
	}

	// Unticking the box takes the flag off; a form without the box (an
	// older page) leaves flags alone.
	w.sA.post(q(60, ""), url.Values{"text": {"word60"}, "flag-shown": {"1"}, "nav": {"stay"}})
	w.sA.post(q(5, ""), url.Values{"text": {""}, "nav": {"stay"}})
	doc, listed = nav(q(1, "?show=flagged"))
	if strings.Join(listed, ",") != "5" {
		t.Errorf("flagged after unticking 60 = %v, want 5 alone", listed)
	}
	w.sA.post(q(5, ""), url.Values{"text": {""}, "flag-shown": {"1"}, "nav": {"stay"}})
	if doc, listed = nav(q(1, "?show=flagged")); len(listed) != 0 || doc.Find(`[data-testid="qnav-empty"]`).Length() != 1 {
		t.Errorf("flagged after unticking both = %v, want none and a note saying so", listed)
	}

	// In a class quiz, the teacher sees what the student flagged.
	cid := attemptOf(t, w.sA.post(fmt.Sprintf("/assignments/%d/attempts", w.assignA), nil))
	w.sA.post(fmt.Sprintf("/attempts/%d/questions/1", cid), url.Values{"choice": {"1"}, "flag": {"1"}, "flag-shown": {"1"}, "nav": {"next"}})
	w.sA.post(fmt.Sprintf("/attempts/%d/finish", cid), nil)
	page := w.tA.get(fmt.Sprintf("/teacher/classes/%d/students/%d", w.classA.ID, w.learnerA))
	tdoc, _ := goquery.NewDocumentFromReader(strings.NewReader(page.body))
	if n := tdoc.Find(`[data-testid="flagged"]`).Length(); n != 1 {
		t.Errorf("the teacher's view of the student shows %d flags, want 1", n)
	}
}
