package web

import (
	"net/http"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

// meShow is the learner's page: name, resume code and attempts.
func (s *Server) meShow(w http.ResponseWriter, r *http.Request) {
	l, ok, err := s.learner(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m := views.MePage{Page: s.page(r, "Your progress", "me", l)}
	if ok {
		m.Name = l.Name
		m.ResumeCode = db.FormatResumeCode(l.ResumeCode)
		attempts, err := s.store.LearnerAttempts(r.Context(), l.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, a := range attempts {
			m.Attempts = append(m.Attempts, attemptCard(a))
		}
	}
	s.render(w, r, views.MeView(m))
}

// meName saves the learner's display name, making the learner if this is
// their first step.
func (s *Server) meName(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, err)
		return
	}
	name := r.PostForm.Get("name")
	if _, err := db.CleanName(name); err != nil {
		if questions.ErrorCode(err) != questions.CodeInvalid {
			s.fail(w, r, err)
			return
		}
		l, _, err2 := s.learner(r)
		if err2 != nil {
			s.fail(w, r, err2)
			return
		}
		m := views.MePage{Page: s.page(r, "Your progress", "me", l), Name: name, NameError: questions.ErrorMessage(err)}
		if l.ID != 0 {
			m.ResumeCode = db.FormatResumeCode(l.ResumeCode)
		}
		s.renderStatus(w, r, http.StatusUnprocessableEntity, views.MeView(m))
		return
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.store.RenameLearner(r.Context(), l.ID, name); err != nil {
		s.fail(w, r, err)
		return
	}
	redirect(w, r, "/me?notice=name-saved")
}
