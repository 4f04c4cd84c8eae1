package web

import (
	"fmt"
	"net/http"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
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
	case st.Attempt.Overdue(s.now()):
		return s.submitOverdue(w, r, id)
	case st.Attempt.Feedback == db.FeedbackDuring && st.Response.Answered:
		// Checked already: the answer stands (see attemptFeedback).
		redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d/feedback", id, n))
	default:
		s.render(w, r, views.QuestionView(s.questionPage(r, st, nil)))
	}
	return nil
}

// submitOverdue hands in the learner's attempt whose time is up, with what
// was saved by its deadline, and shows its result: the submission on
// access that backs up the server's sweep (db.Store.SubmitOverdue).
func (s *Server) submitOverdue(w http.ResponseWriter, r *http.Request, id int64) error {
	if _, err := s.store.FinishAttempt(r.Context(), learnerOf(r).ID, id); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/attempts/%d/result", id))
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

func (s *Server) questionPage(r *http.Request, st db.Step, errs views.FieldErrors) views.QuestionPage {
	a, q := st.Attempt, st.Response.Question.Question
	m := views.QuestionPage{
		Page:      s.page(r, fmt.Sprintf("Question %d of %d", st.Response.Position+1, a.Count), ""),
		AttemptID: a.ID,
		SetTitle:  a.SetTitle,
		Number:    st.Response.Position + 1,
		Count:     a.Count,
		Nav:       navigatorOf(st.Marks, st.Response.Position+1, r.URL.Query().Get("show")),
		Flagged:   st.Response.Flagged,
		Question:  q,
		Answer:    st.Response.Answer,
		Timer:     views.Timer{Deadline: a.Deadline, Now: s.now()},
		Errors:    errs,
	}
	switch q.Kind {
	case questions.MultipleChoice:
		m.Choices = quiz.ChoicesShown(q, st.Response.Options)
	case questions.Matching:
		m.MatchOptions = quiz.MatchAnswersShown(q, st.Response.Options)
	}
	return m
}
