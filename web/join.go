package web

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"factdrill/db"
	"factdrill/questions"
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
// the class and gives them the name typed. Wrong codes are limited per
// address (see joinGuard), so codes cannot be guessed quickly, while a
// whole class joining at once from one school address is never slowed.
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
	addr := clientKey(r)
	if !t.joins.ok(addr) {
		again(http.StatusTooManyRequests, "Too many wrong codes. Please wait a minute and try again.")
		return
	}
	if db.NormalizeJoinCode(code) == "" {
		again(http.StatusUnprocessableEntity, "A class code has 6 letters and digits, like ABC-123.")
		return
	}
	clean, err := db.CleanName(name)
	switch {
	case questions.ErrorCode(err) == questions.CodeInvalid:
		again(http.StatusUnprocessableEntity, questions.ErrorMessage(err))
		return
	case err != nil:
		t.fail(w, r, err)
		return
	case clean == "":
		again(http.StatusUnprocessableEntity, "Type your name, so that your teacher knows whose results these are.")
		return
	}
	if _, err := t.store.ClassByJoinCode(r.Context(), code); errors.Is(err, questions.ErrNotFound) {
		t.joins.failed(addr)
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
	c, err := t.store.JoinClass(r.Context(), l.ID, code, clean)
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
		t.fail(w, r, questions.ErrNotFound)
		return
	}
	a, err := t.store.StartClassAttempt(r.Context(), lid, id)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d", a.ID, a.Position+1))
}

// joinGuard counts wrong join codes per address: after maxWrongJoins in a
// minute, that address may not try again until the minute has passed.
// Right codes are not counted.
type joinGuard struct {
	mu    sync.Mutex
	now   func() time.Time
	fails map[string][]time.Time
}

const maxWrongJoins = 20

func newJoinGuard(now func() time.Time) *joinGuard {
	return &joinGuard{now: now, fails: map[string][]time.Time{}}
}

// recent drops failures older than a minute; the caller holds mu.
func (g *joinGuard) recent(addr string) []time.Time {
	now := g.now()
	kept := g.fails[addr][:0]
	for _, t := range g.fails[addr] {
		if now.Sub(t) < time.Minute {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		delete(g.fails, addr)
		return nil
	}
	g.fails[addr] = kept
	return kept
}

// ok reports whether addr may try a code now.
func (g *joinGuard) ok(addr string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.recent(addr)) < maxWrongJoins
}

// failed records a wrong code from addr.
func (g *joinGuard) failed(addr string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.fails) > 10000 {
		for a := range g.fails {
			g.recent(a)
		}
	}
	g.fails[addr] = append(g.recent(addr), g.now())
}
