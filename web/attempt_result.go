package web

import (
	"fmt"
	"net/http"

	"factdrill/db"
	"factdrill/quiz"
	"factdrill/views"
)

// attemptResult shows a finished attempt: the score, and for each question
// the answer given, the right answer and the sentence it came from.
func (s *Server) attemptResult(w http.ResponseWriter, r *http.Request, id int64) error {
	l := learnerOf(r)
	a, rs, err := s.store.Responses(r.Context(), l.ID, id)
	if err != nil {
		return err
	}
	if !a.Finished() {
		redirect(w, r, fmt.Sprintf("/attempts/%d/finish", id))
		return nil
	}
	m := views.ResultPage{
		Page:      s.page(r, "Result: "+a.SetTitle, "sets"),
		AttemptID: a.ID, SetID: a.SetID, SetTitle: a.SetTitle, Score: a.Score, Finished: a.FinishedAt,
	}
	for _, resp := range rs {
		m.Items = append(m.Items, resultItem(resp))
	}
	s.render(w, r, views.ResultView(m))
	return nil
}

// resultItem is a response as result pages show it.
func resultItem(resp db.Response) views.ResultItem {
	q := resp.Question.Question
	return views.ResultItem{
		Number:   resp.Position + 1,
		Question: q,
		Answered: resp.Answered,
		Given:    quiz.AnswerText(q, resp.Answer),
		Right:    quiz.RightAnswerText(q),
		Grade:    resp.Grade(),
	}
}

// attemptFeedback shows, in an attempt whose assignment gives feedback
// during the attempt, whether the answer to question n is right, with the
// right answer and its source, before the student goes on. In any other
// attempt it leads back to the question.
func (s *Server) attemptFeedback(w http.ResponseWriter, r *http.Request) error {
	st, id, n, err := s.attemptStep(r)
	if err != nil {
		return err
	}
	a := st.Attempt
	if a.Feedback != db.FeedbackDuring || !st.Response.Answered {
		redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d", id, n))
		return nil
	}
	m := views.FeedbackPage{
		Page:      s.page(r, fmt.Sprintf("Question %d of %d", n, a.Count), "sets"),
		AttemptID: id, SetTitle: a.SetTitle, Count: a.Count,
		Item:    resultItem(st.Response),
		NextURL: fmt.Sprintf("/attempts/%d/questions/%d", id, n+1),
		Last:    n == a.Count,
	}
	if m.Last {
		m.NextURL = fmt.Sprintf("/attempts/%d/finish", id)
	}
	s.render(w, r, views.FeedbackView(m))
	return nil
}
