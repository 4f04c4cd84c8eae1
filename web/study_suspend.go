package web

import (
	"net/http"
	"strconv"
)

// studySuspend takes the card shown out of the learner's study of the set,
// until they restore it.
func (s *Server) studySuspend(w http.ResponseWriter, r *http.Request) {
	setID, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, err)
		return
	}
	card, err := strconv.ParseInt(r.PostForm.Get("card"), 10, 64)
	if err != nil || card <= 0 {
		s.fail(w, r, badRequest("The request does not say which card to suspend."))
		return
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.store.SuspendCard(r.Context(), l.ID, setID, card, true); err != nil {
		s.fail(w, r, err)
		return
	}
	redirect(w, r, studyURL(setID, studyMode(r.PostForm.Get("mode")), "suspended"))
}

// studyUnsuspend puts every suspended card of the set back into study.
func (s *Server) studyUnsuspend(w http.ResponseWriter, r *http.Request) {
	setID, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, err)
		return
	}
	lid, err := s.learnerID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if lid != 0 {
		if _, err := s.store.UnsuspendAll(r.Context(), lid, setID); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	redirect(w, r, studyURL(setID, studyMode(r.PostForm.Get("mode")), "restored"))
}
