package web

import (
	"errors"
	"net/http"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

func (s *Server) resumeShow(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, views.ResumeView(views.ResumePage{Page: s.page(r, "Sign in with your code", "me")}))
	return nil
}

// resume moves this browser to the learner whose resume code was typed.
// Tries are limited per address, so codes cannot be guessed quickly.
func (s *Server) resume(w http.ResponseWriter, r *http.Request) error {
	f, errs, err := readForm(r, resumeFormOf)
	if err != nil {
		return err
	}
	again := func(status int, errs views.FieldErrors) error {
		m := views.ResumePage{Page: s.page(r, "Sign in with your code", "me"), Code: f.Code, Errors: errs}
		s.renderStatus(w, r, status, views.ResumeView(m))
		return nil
	}
	if ok, err := s.resumes.Take(r.Context(), clientKey(r)); err != nil || !ok {
		if err != nil {
			return err
		}
		return again(http.StatusTooManyRequests, views.FieldErrors{"code": "Too many tries. Please wait a minute and try again."})
	}
	if len(errs) > 0 {
		return again(http.StatusUnprocessableEntity, errs)
	}
	l, err := s.store.LearnerByResumeCode(r.Context(), f.Code)
	if errors.Is(err, questions.ErrNotFound) {
		return again(http.StatusUnprocessableEntity, views.FieldErrors{"code": "No learner has this code. Check it on your card or your other device."})
	}
	if err != nil {
		return err
	}
	if err := s.startSession(w, r, l, db.Teacher{}); err != nil {
		return err
	}
	redirect(w, r, "/?notice=resumed")
	return nil
}
