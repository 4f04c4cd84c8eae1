package web

import (
	"fmt"
	"net/http"
)

// attemptStart starts a quiz on a set, or resumes the learner's open one.
func (s *Server) attemptStart(w http.ResponseWriter, r *http.Request, setID int64) error {
	l, err := s.ensureLearner(w, r)
	if err != nil {
		return err
	}
	a, err := s.store.StartAttempt(r.Context(), l.ID, setID)
	if err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d", a.ID, a.Position+1))
	return nil
}

// attemptShow sends the learner to where the attempt stands: the question
// they were on, or the result.
func (s *Server) attemptShow(w http.ResponseWriter, r *http.Request, id int64) error {
	a, err := s.store.Attempt(r.Context(), learnerOf(r).ID, id)
	if err != nil {
		return err
	}
	if a.Finished() || a.Overdue(s.now()) {
		redirect(w, r, fmt.Sprintf("/attempts/%d/result", id))
	} else {
		redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d", id, a.Position+1))
	}
	return nil
}

// classAttemptStart starts (or resumes) the student's attempt at an
// assigned set, by the assignment's settings. Only members start class
// quizzes, and a member has a learner: anyone else gets 404.
func (s *Server) classAttemptStart(w http.ResponseWriter, r *http.Request, id int64) error {
	a, err := s.store.StartClassAttempt(r.Context(), learnerOf(r).ID, id)
	if err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d", a.ID, a.Position+1))
	return nil
}
