package web

import (
	"net/http"

	"factdrill/db"
	"factdrill/views"

	"github.com/a-h/templ"
)

// meShow is the learner's page: name, resume code and attempts.
func (s *Server) meShow(w http.ResponseWriter, r *http.Request) error {
	m, err := s.mePage(r, nameForm{Name: learnerOf(r).Name}, nil)
	if err != nil {
		return err
	}
	s.render(w, r, views.MeView(m))
	return nil
}

func (s *Server) mePage(r *http.Request, f nameForm, errs views.FieldErrors) (views.MePage, error) {
	l := learnerOf(r)
	m := views.MePage{Page: s.page(r, "Your progress", "me"), Name: f.Name, Errors: errs}
	if l.ID == 0 {
		return m, nil
	}
	m.ResumeCode = db.FormatResumeCode(l.ResumeCode)
	attempts, err := s.store.LearnerAttempts(r.Context(), l.ID)
	for _, a := range attempts {
		m.Attempts = append(m.Attempts, attemptCard(a))
	}
	return m, err
}

// meName saves the learner's display name, making the learner if this is
// their first step.
func (s *Server) meName(w http.ResponseWriter, r *http.Request) error {
	f, errs, err := readForm(r, nameFormOf)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return s.invalid(w, r, func() (templ.Component, error) {
			m, err := s.mePage(r, f, errs)
			return views.MeView(m), err
		})
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		return err
	}
	if err := s.store.RenameLearner(r.Context(), l.ID, f.Name); err != nil {
		return err
	}
	redirect(w, r, "/me?notice=name-saved")
	return nil
}
