package web

import (
	"errors"
	"net/http"

	"factdrill/questions"
	"factdrill/views"
)

// errSetupLink answers a setup link that is unknown, used or expired.
var errSetupLink = questions.Errorf(questions.CodeNotFound, "%s", "This setup link is not valid: it has been used, it has expired, or a teacher account exists already. "+
	"Restart the server for a new link while no teacher exists, or run `factdrill teacher add NAME`.")

func (t *teacherSite) setupShow(w http.ResponseWriter, r *http.Request) {
	token := r.PathValue("token")
	if err := t.store.CheckSetupToken(r.Context(), token); err != nil {
		if errors.Is(err, questions.ErrNotFound) {
			err = errSetupLink
		}
		t.fail(w, r, err)
		return
	}
	t.render(w, r, views.SetupView(views.SetupPage{Page: views.Page{Title: "Create the first teacher account"}, Token: token}))
}

// setup spends the setup link: it creates the first teacher and logs them
// in.
func (t *teacherSite) setup(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		t.fail(w, r, err)
		return
	}
	token, name := r.PathValue("token"), r.PostForm.Get("name")
	password := r.PostForm.Get("password")
	again := func(msg string) {
		m := views.SetupPage{Page: views.Page{Title: "Create the first teacher account"}, Token: token, Name: name, Error: msg}
		t.renderStatus(w, r, http.StatusUnprocessableEntity, views.SetupView(m))
	}
	if password != r.PostForm.Get("password2") {
		if err := t.store.CheckSetupToken(r.Context(), token); err != nil {
			t.fail(w, r, errSetupLink)
			return
		}
		again("The two passwords are not the same.")
		return
	}
	tc, err := t.store.SetupFirstTeacher(r.Context(), token, name, password)
	switch {
	case questions.ErrorCode(err) == questions.CodeInvalid:
		again(questions.ErrorMessage(err))
		return
	case errors.Is(err, questions.ErrNotFound):
		t.fail(w, r, errSetupLink)
		return
	case err != nil:
		t.fail(w, r, err)
		return
	}
	if err := t.startTeacherSession(w, r, tc.ID); err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, "/teacher?notice=welcome")
}
