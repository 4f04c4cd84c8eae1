package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"factdrill/db"
)

// TestFlashcardsOfAssignedQuiz checks that a class member cannot read the
// answers of an assigned quiz through the set's flashcards before taking
// it (on main, /sets/ID/study?show=1 showed every answer): the study page
// and the answers are refused with a reason until the student is done
// with the quiz, or the teacher opens the flashcards.
func TestFlashcardsOfAssignedQuiz(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	// Teacher A's second set, assigned with two attempts.
	setID, err := w.store.CreateDraftSet(ctx, w.teacherA.ID, testSet)
	if err != nil {
		t.Fatal(err)
	}
	w.store.SetPublished(ctx, w.teacherA.ID, setID, true)
	assign, err := w.store.Assign(ctx, w.teacherA.ID, w.classA.ID, setID, db.QuizSettings{Feedback: db.FeedbackAfter, MaxAttempts: 2})
	if err != nil {
		t.Fatal(err)
	}
	study := fmt.Sprintf("/sets/%d/study", setID)
	closed := func(when string) {
		t.Helper()
		for _, path := range []string{study, study + "?show=1", study + "?show=1&mode=ahead"} {
			r := w.sA.get(path)
			if r.status != http.StatusForbidden || strings.Contains(r.body, "Paris") {
				t.Errorf("%s: GET %s = %d (answer shown: %v), want 403 without the answers", when, path, r.status, strings.Contains(r.body, "Paris"))
			}
			mustContain(t, path, r.body, "once you have handed in your attempts")
		}
		if r := w.sA.post(study, url.Values{"rating": {"3"}, "card": {"1"}, "reps": {"0"}}); r.status == http.StatusSeeOther {
			t.Errorf("%s: a flashcard answer was taken", when)
		}
		mustContain(t, "class page", w.sA.get(fmt.Sprintf("/classes/%d", w.classA.ID)).body, `data-testid="flashcards-later"`)
	}
	closed("before the quiz")
	take := func() {
		t.Helper()
		a := attemptOf(t, w.sA.post(fmt.Sprintf("/assignments/%d/attempts", assign), nil))
		closed("during the quiz")
		if r := w.sA.post(fmt.Sprintf("/attempts/%d/finish", a), nil); r.status != http.StatusSeeOther {
			t.Fatalf("finish = %d", r.status)
		}
	}
	take()
	closed("with an attempt left")
	take()
	if r := w.sA.get(study + "?show=1"); r.status != http.StatusOK {
		t.Errorf("after every attempt: GET %s?show=1 = %d, want 200", study, r.status)
	}

	// The teacher may open them before the quiz is done.
	newcomer := w.env.browser()
	newcomer.join(w.classA, "Newcomer")
	if r := newcomer.get(study); r.status != http.StatusForbidden {
		t.Fatalf("a newcomer before the quiz = %d, want 403", r.status)
	}
	r := w.tA.post(fmt.Sprintf("/teacher/assignments/%d/flashcards", assign), url.Values{"open": {"1"}})
	if r.status != http.StatusSeeOther || !strings.Contains(r.location, "notice=flashcards-open") {
		t.Fatalf("open the flashcards = %d to %q", r.status, r.location)
	}
	mustContain(t, "class page", w.tA.get(fmt.Sprintf("/teacher/classes/%d", w.classA.ID)).body, "open now", "close until done")
	if r := newcomer.get(study + "?show=1"); r.status != http.StatusOK {
		t.Errorf("a newcomer once the teacher opened the flashcards = %d, want 200", r.status)
	}

	// A co-teacher of the class sees them open and may close them; a
	// teacher of another class may not.
	toggle := fmt.Sprintf("/teacher/assignments/%d/flashcards", assign)
	if r := w.tB.post(toggle, nil); r.status != http.StatusNotFound {
		t.Errorf("another class's teacher closing the flashcards = %d, want 404", r.status)
	}
	if _, err := w.store.ShareClass(ctx, w.teacherA.ID, w.classA.ID, w.teacherB.Name); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "co-teacher's class page", w.tB.get(fmt.Sprintf("/teacher/classes/%d", w.classA.ID)).body, "open now")
	if r := w.tB.post(toggle, nil); r.status != http.StatusSeeOther || !strings.Contains(r.location, "notice=flashcards-closed") {
		t.Errorf("the co-teacher closing the flashcards = %d to %q, want 303 to the class page", r.status, r.location)
	}
	if r := newcomer.get(study); r.status != http.StatusForbidden {
		t.Errorf("a newcomer once the co-teacher closed the flashcards = %d, want 403", r.status)
	}
}
