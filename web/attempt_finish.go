package web

import (
	"fmt"
	"net/http"

	"factdrill/db"
	"factdrill/views"
)

// attemptFinishConfirm asks before handing in, listing unanswered and
// flagged questions.
func (s *Server) attemptFinishConfirm(w http.ResponseWriter, r *http.Request, id int64) error {
	st, err := s.store.AttemptQuestion(r.Context(), learnerOf(r).ID, id, 0)
	if err != nil {
		return err
	}
	if st.Attempt.Overdue(s.now()) {
		return s.submitOverdue(w, r, id)
	}
	if st.Attempt.Finished() {
		redirect(w, r, fmt.Sprintf("/attempts/%d/result", id))
		return nil
	}
	m := views.FinishPage{Page: s.page(r, "Finish the quiz?", ""), AttemptID: id, SetTitle: st.Attempt.SetTitle, Count: st.Attempt.Count}
	for _, p := range st.Marks.Positions(db.Unanswered, 0, st.Marks.Len()) {
		m.Unanswered = append(m.Unanswered, p+1)
	}
	for _, p := range st.Marks.Positions(db.Flagged, 0, st.Marks.Len()) {
		m.Flagged = append(m.Flagged, p+1)
	}
	s.render(w, r, views.FinishView(m))
	return nil
}

// attemptFinish hands the attempt in and shows the result.
func (s *Server) attemptFinish(w http.ResponseWriter, r *http.Request, id int64) error {
	if _, err := s.store.FinishAttempt(r.Context(), learnerOf(r).ID, id); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/attempts/%d/result", id))
	return nil
}
