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

// joinShow asks for a class's join code and the student's name.
func (s *Server) joinShow(w http.ResponseWriter, r *http.Request) error {
	l := learnerOf(r)
	m, err := s.joinPage(r, joinForm{Code: r.URL.Query().Get("code"), Name: l.Name}, nil)
	if err != nil {
		return err
	}
	s.render(w, r, views.JoinView(m))
	return nil
}

func (s *Server) joinPage(r *http.Request, f joinForm, errs views.FieldErrors) (views.JoinPage, error) {
	m := views.JoinPage{Page: s.page(r, "Classes", "classes"), Code: f.Code, Name: f.Name, Errors: errs}
	l := learnerOf(r)
	if l.ID == 0 {
		return m, nil
	}
	classes, err := s.store.LearnerClasses(r.Context(), l.ID)
	for _, c := range classes {
		m.Classes = append(m.Classes, views.ClassLink{ID: c.ID, Name: c.Name})
	}
	return m, err
}

// join makes the browser's learner (a new one on first use) a member of
// the class and gives them the name typed. Wrong codes are limited per
// address, so codes cannot be guessed quickly, while a whole class joining
// at once from one school address is never slowed: only wrong codes count.
func (s *Server) join(w http.ResponseWriter, r *http.Request) error {
	f, errs, err := readForm(r, joinFormOf)
	if err != nil {
		return err
	}
	again := func(status int, errs views.FieldErrors) error {
		m, err := s.joinPage(r, f, errs)
		if err != nil {
			return err
		}
		s.renderStatus(w, r, status, views.JoinView(m))
		return nil
	}
	ctx := r.Context()
	tries, wait, err := s.store.Take(ctx, codeLimit("join", addressKey(r), wrongJoinCodes))
	if err != nil {
		return err
	}
	if wait > 0 {
		w.Header().Set("Retry-After", fmt.Sprint(int(wait.Round(time.Second)/time.Second)+1))
		return again(http.StatusTooManyRequests, views.FieldErrors{"": "Too many wrong codes. Please wait a minute and try again."})
	}
	if len(errs) > 0 {
		s.releaseTries(r, tries)
		return again(http.StatusUnprocessableEntity, errs)
	}
	class, err := s.store.ClassByJoinCode(ctx, f.Code)
	if errors.Is(err, questions.ErrNotFound) {
		return again(http.StatusUnprocessableEntity, views.FieldErrors{"code": "No class has this code. Check it with your teacher."})
	}
	s.releaseTries(r, tries)
	if err != nil {
		return err
	}
	// A class kept to its roster is refused before a learner is made for
	// nothing (the store refuses it too).
	if !class.Open && learnerOf(r).ID == 0 {
		return again(http.StatusForbidden, views.FieldErrors{"code": questions.ErrorMessage(db.ErrRosterOnly)})
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		return err
	}
	c, err := s.store.JoinClass(ctx, l.ID, f.Code, f.Name)
	switch {
	case errors.Is(err, db.ErrRosterOnly):
		return again(http.StatusForbidden, views.FieldErrors{"code": questions.ErrorMessage(err)})
	case errors.Is(err, db.ErrOnRoster):
		return again(http.StatusConflict, views.FieldErrors{"name": questions.ErrorMessage(err)})
	case err != nil:
		return err
	}
	redirect(w, r, fmt.Sprintf("/classes/%d", c.ID))
	return nil
}

// classStudentShow is a class seen by one of its students; anyone else
// gets 404.
func (s *Server) classStudentShow(w http.ResponseWriter, r *http.Request, id int64) error {
	l := learnerOf(r)
	as, err := s.store.LearnerAssignments(r.Context(), l.ID, id)
	if err != nil {
		return err
	}
	classes, err := s.store.LearnerClasses(r.Context(), l.ID)
	if err != nil {
		return err
	}
	open, err := s.store.FlashcardsOpen(r.Context(), l.ID)
	if err != nil {
		return err
	}
	m := views.StudentClassPage{Page: s.page(r, "Class", "classes")}
	for _, c := range classes {
		if c.ID == id {
			m.ClassName, m.Title = c.Name, c.Name
		}
	}
	for _, a := range as {
		sa := studentAssignment(a, s.now())
		sa.FlashcardsOpen = open[a.SetID]
		m.Assignments = append(m.Assignments, sa)
	}
	s.render(w, r, views.StudentClassView(m))
	return nil
}

// studentAssignment is an assigned quiz as its student sees it at now.
func studentAssignment(a db.LearnerAssignment, now time.Time) views.StudentAssignment {
	sa := views.StudentAssignment{ID: a.ID, ClassID: a.ClassID, SetID: a.SetID, SetTitle: a.SetTitle, ClassName: a.ClassName,
		Questions: a.Questions, Left: a.Left(), Used: a.Used, Best: a.Best, BestPending: a.BestPending, Published: a.Published,
		Opens: a.Opens, Closes: a.Closes, Due: a.Due, Deadline: a.OpenDeadline,
		NotYet: !a.Opens.IsZero() && now.Before(a.Opens), Closed: !a.Closes.IsZero() && !now.Before(a.Closes)}
	if a.TimeLimit > 0 {
		sa.TimeLimit = a.TimeLimit + a.Extra.Time
	}
	if a.Draw > 0 && a.Draw < a.Questions {
		sa.Questions = a.Draw
	}
	if a.OpenID != 0 {
		sa.OpenURL = fmt.Sprintf("/attempts/%d", a.OpenID)
	}
	return sa
}
