package web

import (
	"errors"
	"fmt"
	"net/http"

	"factdrill/db"
	"factdrill/views"
)

// joinShow asks for a class's join code and the student's name.
func (t *teacherSite) joinShow(w http.ResponseWriter, r *http.Request) {
	l, _, err := t.learner(r)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	m := views.JoinPage{Page: t.page(r, "Classes", "classes", l), Code: r.URL.Query().Get("code"), Name: l.Name}
	if l.ID != 0 {
		classes, err := t.store.LearnerClasses(r.Context(), l.ID)
		if err != nil {
			t.fail(w, r, err)
			return
		}
		for _, c := range classes {
			m.Classes = append(m.Classes, views.ClassLink{ID: c.ID, Name: c.Name})
		}
	}
	t.render(w, r, views.JoinView(m))
}

// join makes the browser's learner (a new one on first use) a member of
// the class and gives them the name typed. Tries are rate-limited per
// address, so codes cannot be guessed quickly.
func (t *teacherSite) join(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		t.fail(w, r, err)
		return
	}
	code, name := r.PostForm.Get("code"), r.PostForm.Get("name")
	again := func(status int, msg string) {
		l, _, _ := t.learner(r)
		m := views.JoinPage{Page: t.page(r, "Classes", "classes", l), Code: code, Name: name, Error: msg}
		t.renderStatus(w, r, status, views.JoinView(m))
	}
	if !t.joins.allow(clientKey(r)) {
		again(http.StatusTooManyRequests, "Too many tries. Please wait a minute and try again.")
		return
	}
	if db.NormalizeJoinCode(code) == "" {
		again(http.StatusUnprocessableEntity, "A class code has 6 letters and digits, like ABC-123.")
		return
	}
	clean, err := db.CleanName(name)
	var inv *db.InvalidError
	switch {
	case errors.As(err, &inv):
		again(http.StatusUnprocessableEntity, capitalize(inv.Reason.Error())+".")
		return
	case err != nil:
		t.fail(w, r, err)
		return
	case clean == "":
		again(http.StatusUnprocessableEntity, "Type your name, so that your teacher knows whose results these are.")
		return
	}
	if _, err := t.store.ClassByJoinCode(r.Context(), code); errors.Is(err, db.ErrNotFound) {
		again(http.StatusUnprocessableEntity, "No class has this code. Check it with your teacher.")
		return
	} else if err != nil {
		t.fail(w, r, err)
		return
	}
	l, err := t.ensureLearner(w, r)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	c, err := t.store.JoinClass(r.Context(), l.ID, code, clean, t.now())
	if err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/classes/%d", c.ID))
}

// classStudentShow is a class seen by one of its students; anyone else
// gets 404.
func (t *teacherSite) classStudentShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	l, _, err := t.learner(r)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	as, err := t.store.LearnerAssignments(r.Context(), l.ID, id)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	classes, err := t.store.LearnerClasses(r.Context(), l.ID)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	m := views.StudentClassPage{Page: t.page(r, "Class", "classes", l)}
	for _, c := range classes {
		if c.ID == id {
			m.ClassName, m.Title = c.Name, c.Name
		}
	}
	for _, a := range as {
		sa := views.StudentAssignment{ID: a.ID, SetID: a.SetID, SetTitle: a.SetTitle, Questions: a.Questions, Left: a.Left(), Used: a.Used, Best: a.Best, Published: a.Published}
		if a.Draw > 0 && a.Draw < a.Questions {
			sa.Questions = a.Draw
		}
		if a.OpenID != 0 {
			sa.OpenURL = fmt.Sprintf("/attempts/%d", a.OpenID)
		}
		m.Assignments = append(m.Assignments, sa)
	}
	t.render(w, r, views.StudentClassView(m))
}

// classAttemptStart starts (or resumes) the student's attempt at an
// assigned set, by the assignment's settings.
func (t *teacherSite) classAttemptStart(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	lid, err := t.learnerID(r)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	if lid == 0 {
		// Only members start class quizzes, and a member has a learner.
		t.fail(w, r, db.ErrNotFound)
		return
	}
	a, err := t.store.StartClassAttempt(r.Context(), lid, id, t.now())
	if err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d", a.ID, a.Position+1))
}
