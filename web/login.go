package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"factdrill/questions"
	"factdrill/views"
)

func (t *teacherSite) loginShow(w http.ResponseWriter, r *http.Request) {
	if _, ok, err := t.teacher(r); err != nil {
		t.fail(w, r, err)
		return
	} else if ok {
		redirect(w, r, "/teacher")
		return
	}
	m := views.LoginPage{Page: views.Page{Title: "Teacher login"}, Next: safeNext(r.URL.Query().Get("next"))}
	if r.URL.Query().Get("notice") == "logged-out" {
		m.Notice = "You are logged out."
	}
	t.render(w, r, views.LoginView(m))
}

// login checks a teacher's name and password. Whatever is wrong, the
// answer is the same; failures slow down further tries (see
// loginThrottle). A login gives the browser a new session token.
func (t *teacherSite) login(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		t.fail(w, r, err)
		return
	}
	name, password := r.PostForm.Get("name"), r.PostForm.Get("password")
	next := safeNext(r.PostForm.Get("next"))
	again := func(status int, msg string) {
		m := views.LoginPage{Page: views.Page{Title: "Teacher login"}, Name: name, Next: next, Error: msg}
		t.renderStatus(w, r, status, views.LoginView(m))
	}
	addr := clientKey(r)
	if wait := t.logins.wait(name, addr); wait > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Round(time.Second)/time.Second)+1))
		again(http.StatusTooManyRequests, fmt.Sprintf("Too many failed tries. Please wait %s and try again.", waitText(wait)))
		return
	}
	tc, err := t.store.Authenticate(r.Context(), name, password)
	if errors.Is(err, questions.ErrUnauthorized) {
		t.logins.failed(name, addr)
		again(http.StatusUnauthorized, "The name or the password is not right.")
		return
	}
	if err != nil {
		t.fail(w, r, err)
		return
	}
	t.logins.succeeded(name, addr)
	if err := t.startTeacherSession(w, r, tc.ID); err != nil {
		t.fail(w, r, err)
		return
	}
	if next == "" {
		next = "/teacher?notice=logged-in"
	}
	redirect(w, r, next)
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
		return fmt.Sprintf("%d seconds", int(d.Seconds())+1)
	}
	return fmt.Sprintf("%d minutes", int(d.Minutes())+1)
}

// logout ends the browser's session on the server, whoever is logged in.
func (t *teacherSite) logout(w http.ResponseWriter, r *http.Request) {
	if err := t.endSession(w, r); err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, "/login?notice=logged-out")
}
