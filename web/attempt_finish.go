package web

import (
	"fmt"
	"net/http"

	"factdrill/views"
)

// attemptFinishConfirm asks before handing in, listing unanswered questions.
func (s *Server) attemptFinishConfirm(w http.ResponseWriter, r *http.Request) {
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
	st, err := s.store.AttemptQuestion(r.Context(), lid, id, 0)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if st.Attempt.Finished() {
		redirect(w, r, fmt.Sprintf("/attempts/%d/result", id))
		return
	}
	m := views.FinishPage{Page: views.Page{Title: "Finish the quiz?"}, AttemptID: id, SetTitle: st.Attempt.SetTitle, Count: st.Attempt.Count}
	for i, done := range st.Answered {
		if !done {
			m.Unanswered = append(m.Unanswered, i+1)
		}
	}
	s.render(w, r, views.FinishView(m))
}

// attemptFinish hands the attempt in and shows the result.
func (s *Server) attemptFinish(w http.ResponseWriter, r *http.Request) {
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
	if _, err := s.store.FinishAttempt(r.Context(), lid, id); err != nil {
		s.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/attempts/%d/result", id))
}
