package web

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

func (s *Server) resumeShow(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, views.ResumeView(views.ResumePage{Page: s.page(r, "Sign in with your code", "me")}))
	return nil
}

// resume moves this browser to the learner whose resume code was typed.
// Wrong codes are limited per address (in the database, so across
// servers), so that codes cannot be guessed quickly, while right ones are
// never slowed: a whole class behind one school address can resume at
// once.
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
	tries, wait, err := s.store.Take(r.Context(), codeLimit("resume", addressKey(r), resumeTries))
	if err != nil {
		return err
	}
	if wait > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Round(time.Second)/time.Second)+1))
		return again(http.StatusTooManyRequests, views.FieldErrors{"code": "Too many wrong codes. Please wait a minute and try again."})
	}
	if len(errs) > 0 {
		s.releaseTries(r, tries) // not a code at all: no guess
		return again(http.StatusUnprocessableEntity, errs)
	}
	l, err := s.store.LearnerByResumeCode(r.Context(), f.Code)
	if errors.Is(err, questions.ErrNotFound) {
		return again(http.StatusUnprocessableEntity, views.FieldErrors{"code": "No learner has this code. Check it on your card or your other device."})
	}
	s.releaseTries(r, tries)
	if err != nil {
		return err
	}
	if err := s.startSession(w, r, l, db.Teacher{}); err != nil {
		return err
	}
	redirect(w, r, "/?notice=resumed")
	return nil
}
