package web

import (
	"errors"
	"net/http"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

func (s *Server) resumeShow(w http.ResponseWriter, r *http.Request) {
	l, _, err := s.learner(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, views.ResumeView(views.ResumePage{Page: s.page(r, "Continue on this device", "me", l)}))
}

// resume moves this browser to the learner whose resume code was typed.
// Tries are rate-limited per address, so codes cannot be guessed quickly.
func (s *Server) resume(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, err)
		return
	}
	code := r.PostForm.Get("code")
	again := func(status int, msg string) {
		l, _, _ := s.learner(r)
		m := views.ResumePage{Page: s.page(r, "Continue on this device", "me", l), Code: code, Error: msg}
		s.renderStatus(w, r, status, views.ResumeView(m))
	}
	if !s.resumeLimit.allow(clientKey(r)) {
		again(http.StatusTooManyRequests, "Too many tries. Please wait a minute and try again.")
		return
	}
	if db.NormalizeResumeCode(code) == "" {
		again(http.StatusUnprocessableEntity, "A resume code has 8 letters and digits, like ABCD-1234.")
		return
	}
	l, err := s.store.LearnerByResumeCode(r.Context(), code)
	if errors.Is(err, questions.ErrNotFound) {
		again(http.StatusUnprocessableEntity, "No learner has this code. Check it on your other device.")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.startSession(w, r, l.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	redirect(w, r, "/?notice=resumed")
}
