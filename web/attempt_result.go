package web

import (
	"fmt"
	"net/http"

	"factdrill/quiz"
	"factdrill/views"
)

// attemptResult shows a finished attempt: the score, and for each question
// the answer given, the right answer and the sentence it came from.
func (s *Server) attemptResult(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l, _, err := s.learner(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, rs, err := s.store.Responses(r.Context(), l.ID, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !a.Finished() {
		redirect(w, r, fmt.Sprintf("/attempts/%d/finish", id))
		return
	}
	m := views.ResultPage{
		Page:      s.page(r, "Result: "+a.SetTitle, "sets", l),
		AttemptID: a.ID, SetID: a.SetID, SetTitle: a.SetTitle, Score: a.Score, Finished: a.FinishedAt,
	}
	for _, resp := range rs {
		q := resp.Question.Question
		m.Items = append(m.Items, views.ResultItem{
			Number:   resp.Position + 1,
			Question: q,
			Answered: resp.Answered,
			Given:    quiz.AnswerText(q, resp.Answer),
			Right:    quiz.RightAnswerText(q),
			Grade:    resp.Grade(),
		})
	}
	s.render(w, r, views.ResultView(m))
}
