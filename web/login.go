package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

func (s *Server) loginShow(w http.ResponseWriter, r *http.Request) error {
	if teacherOf(r).ID != 0 {
		redirect(w, r, "/teacher")
		return nil
	}
	m := views.LoginPage{Page: views.Page{Title: "Teacher login"}, Next: safeNext(r.URL.Query().Get("next"))}
	switch r.URL.Query().Get("notice") {
	case "logged-out":
		m.Notice = "You are logged out."
	case "password-set":
		m.Notice = "Your new password is set: log in with it."
	}
	s.render(w, r, views.LoginView(m))
	return nil
}

// login checks a teacher's name and password. Whatever is wrong, the
// answer is the same; failures slow down further tries (see
// loginLimits), counted before the password is checked. A login gives
// the browser a new session, and a device cookie that keeps others'
// failures from slowing this browser's logins.
func (s *Server) login(w http.ResponseWriter, r *http.Request) error {
	f, errs, err := readForm(r, loginFormOf)
	if err != nil {
		return err
	}
	again := func(status int, errs views.FieldErrors) error {
		m := views.LoginPage{Page: views.Page{Title: "Teacher login"}, Name: f.Name, Next: f.Next, Errors: errs}
		s.renderStatus(w, r, status, views.LoginView(m))
		return nil
	}
	if len(errs) > 0 {
		return again(http.StatusUnprocessableEntity, errs)
	}
	ctx := r.Context()
	limits := loginLimits(f.Name, addressKey(r), s.knownDevice(r, f.Name))
	tries, wait, err := s.store.Take(ctx, limits...)
	if err != nil {
		return err
	}
	if wait > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Round(time.Second)/time.Second)+1))
		return again(http.StatusTooManyRequests, views.FieldErrors{"": fmt.Sprintf("Too many failed tries. Please wait %s and try again.", waitText(wait))})
	}
	tc, err := s.store.Authenticate(ctx, f.Name, f.Password)
	if errors.Is(err, questions.ErrUnauthorized) {
		return again(http.StatusUnauthorized, views.FieldErrors{"": questions.ErrorMessage(err)})
	}
	if errors.Is(err, db.ErrDisabled) {
		// The password was right: not a guess, so the try does not count.
		s.releaseTries(r, tries)
		return again(http.StatusForbidden, views.FieldErrors{"": questions.ErrorMessage(err)})
	}
	if err != nil {
		// Not the teacher's failure (the server was too busy to check):
		// the try does not count.
		s.releaseTries(r, tries)
		if questions.ErrorCode(err) == questions.CodeUnavailable {
			w.Header().Set("Retry-After", "5")
			return again(http.StatusServiceUnavailable, views.FieldErrors{"": questions.ErrorMessage(err)})
		}
		return err
	}
	if err := s.store.Forget(ctx, forgetOnSuccess(limits)...); err != nil {
		return err
	}
	if err := s.rememberDevice(w, r, f.Name); err != nil {
		return err
	}
	// The browser's learner, if it has one, carries over.
	if err := s.startSession(w, r, learnerOf(r), tc); err != nil {
		return err
	}
	next := f.Next
	if next == "" {
		next = "/teacher?notice=logged-in"
	}
	redirect(w, r, next)
	return nil
}

// safeNext keeps a post-login destination only if it is a teacher page of
// this site, so that a link cannot send a teacher elsewhere.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/teacher") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return ""
	}
	return next
}

func waitText(d time.Duration) string {
	if d < time.Minute {
		return views.Plural(int(d.Seconds())+1, "second")
	}
	return views.Plural(int(d.Minutes())+1, "minute")
}

// logout ends the browser's session on the server, whoever is logged in.
func (s *Server) logout(w http.ResponseWriter, r *http.Request) error {
	if err := s.endSession(w, r); err != nil {
		return err
	}
	redirect(w, r, "/login?notice=logged-out")
	return nil
}

// errSetupLink answers a setup link that is unknown, used or expired.
var errSetupLink = questions.Errorf(questions.CodeNotFound, "%s", "This setup link is not valid: it has been used, it has expired, or a teacher account exists already. "+
	"Restart the server for a new link while no teacher exists, or run `factdrill teacher add NAME`.")

func (s *Server) setupShow(w http.ResponseWriter, r *http.Request) error {
	token := r.PathValue("token")
	if err := s.store.CheckSetupToken(r.Context(), token); err != nil {
		if errors.Is(err, questions.ErrNotFound) {
			return errSetupLink
		}
		return err
	}
	s.render(w, r, views.SetupView(views.SetupPage{Page: views.Page{Title: "Create the first teacher account"}, Token: token}))
	return nil
}

// setup spends the setup link: it creates the first teacher and logs them
// in.
func (s *Server) setup(w http.ResponseWriter, r *http.Request) error {
	f, errs, err := readForm(r, setupFormOf)
	if err != nil {
		return err
	}
	token := r.PathValue("token")
	if err := s.store.CheckSetupToken(r.Context(), token); err != nil {
		if errors.Is(err, questions.ErrNotFound) {
			return errSetupLink
		}
		return err
	}
	if len(errs) > 0 {
		m := views.SetupPage{Page: views.Page{Title: "Create the first teacher account"}, Token: token, Name: f.Name, Errors: errs}
		s.renderStatus(w, r, http.StatusUnprocessableEntity, views.SetupView(m))
		return nil
	}
	tc, err := s.store.SetupFirstTeacher(r.Context(), token, f.Name, f.Password)
	if errors.Is(err, questions.ErrNotFound) {
		return errSetupLink
	}
	if err != nil {
		return err
	}
	if err := s.startSession(w, r, learnerOf(r), tc); err != nil {
		return err
	}
	redirect(w, r, "/teacher?notice=welcome")
	return nil
}
