package web

import (
	"errors"
	"factdrill/questions"
	"net/http"
	"strconv"
)

// studyUndo takes back the learner's last flashcard answer in the set and
// shows that card again.
func (s *Server) studyUndo(w http.ResponseWriter, r *http.Request) {
	setID, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, err)
		return
	}
	mode := studyMode(r.PostForm.Get("mode"))
	lid, err := s.learnerID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if lid == 0 {
		redirect(w, r, studyURL(setID, mode, "nothing-to-undo"))
		return
	}
	qid, err := s.store.UndoReview(r.Context(), lid, setID)
	if errors.Is(err, questions.ErrNotFound) || errors.Is(err, questions.ErrConflict) {
		redirect(w, r, studyURL(setID, mode, "nothing-to-undo"))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	redirect(w, r, studyURL(setID, mode, "undone", "card", strconv.FormatInt(qid, 10)))
}
