package web

import (
	"fmt"
	"net/http"
)

// attemptStart starts a quiz on a set, or resumes the learner's open one.
func (s *Server) attemptStart(w http.ResponseWriter, r *http.Request) {
	setID, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.store.StartAttempt(r.Context(), l.ID, setID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d", a.ID, a.Position+1))
}

// attemptShow sends the learner to where the attempt stands: the question
// they were on, or the result.
func (s *Server) attemptShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lid, err := s.learnerID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	a, err := s.store.Attempt(r.Context(), lid, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if a.Finished() {
		redirect(w, r, fmt.Sprintf("/attempts/%d/result", id))
		return
	}
	redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d", id, a.Position+1))
}
