package web

import (
	"fmt"
	"net/http"

	"factdrill/db"
	"factdrill/quiz"
	"factdrill/views"
)

// classFeedback shows, in an attempt whose assignment gives feedback
// during the attempt, whether the answer to question n is right, with the
// right answer and its source, before the student goes on. In any other
// attempt it leads back to the question.
func (t *teacherSite) classFeedback(w http.ResponseWriter, r *http.Request) {
	id, n, err := attemptPosition(r)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	l, _, err := t.learner(r)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	st, err := t.store.AttemptQuestion(r.Context(), l.ID, id, n-1)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	a, resp := st.Attempt, st.Response
	if a.Feedback != db.FeedbackDuring || !resp.Answered {
		redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d", id, n))
		return
	}
	q := resp.Question.Question
	m := views.FeedbackPage{
		Page:      t.page(r, fmt.Sprintf("Question %d of %d", n, a.Count), "sets", l),
		AttemptID: id, SetTitle: a.SetTitle, Count: a.Count,
		Item: views.ResultItem{Number: n, Question: q, Answered: true, Given: quiz.AnswerText(q, resp.Answer),
			Right: quiz.RightAnswerText(q), Grade: resp.Grade()},
		NextURL: fmt.Sprintf("/attempts/%d/questions/%d", id, n+1),
		Last:    n == a.Count,
	}
	if m.Last {
		m.NextURL = fmt.Sprintf("/attempts/%d/finish", id)
	}
	t.render(w, r, views.FeedbackView(m))
}
