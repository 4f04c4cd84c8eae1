package web

import (
	"fmt"
	"net/http"
	"slices"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

// attemptQuestion shows question n (counting from 1) of an attempt, with
// the answer already given, if any.
func (s *Server) attemptQuestion(w http.ResponseWriter, r *http.Request) error {
	st, id, n, err := s.attemptStep(r)
	if err != nil {
		return err
	}
	switch {
	case st.Attempt.Finished():
		redirect(w, r, fmt.Sprintf("/attempts/%d/result?notice=finished", id))
	case st.Attempt.Feedback == db.FeedbackDuring && st.Response.Answered:
		// Checked already: the answer stands (see attemptFeedback).
		redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d/feedback", id, n))
	default:
		s.render(w, r, views.QuestionView(questionPage(r, st, nil)))
	}
	return nil
}

// attemptStep reads the attempt id and question number of the path, and
// that question of the learner's attempt.
func (s *Server) attemptStep(r *http.Request) (db.Step, int64, int, error) {
	id, n, err := attemptPosition(r)
	if err != nil {
		return db.Step{}, 0, 0, err
	}
	st, err := s.store.AttemptQuestion(r.Context(), learnerOf(r).ID, id, n-1)
	return st, id, n, err
}

func questionPage(r *http.Request, st db.Step, errs views.FieldErrors) views.QuestionPage {
	a, q := st.Attempt, st.Response.Question.Question
	return views.QuestionPage{
		Page:         views.Page{Title: fmt.Sprintf("Question %d of %d", st.Response.Position+1, a.Count), Notice: noticeText(r)},
		AttemptID:    a.ID,
		SetTitle:     a.SetTitle,
		Number:       st.Response.Position + 1,
		Count:        a.Count,
		Answered:     st.Answered,
		Question:     q,
		Answer:       st.Response.Answer,
		MatchOptions: matchOptions(q),
		Errors:       errs,
	}
}

// matchOptions lists a matching question's answers sorted, so that their
// order gives nothing away.
func matchOptions(q questions.Question) []string {
	if q.Kind != questions.Matching {
		return nil
	}
	opts := q.MatchAnswers()
	slices.Sort(opts)
	return opts
}
