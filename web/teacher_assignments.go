package web

import (
	"fmt"
	"net/http"
	"time"

	"github.com/a-h/templ"

	"factdrill/db"
	"factdrill/views"
)

// assignmentEditShow is an assignment's own page: every setting, what a
// change does to the attempts already made, and extra time and attempts
// for each student.
func (s *Server) assignmentEditShow(w http.ResponseWriter, r *http.Request, id int64) error {
	m, err := s.assignmentModel(r, id)
	if err != nil {
		return err
	}
	s.render(w, r, views.AssignmentEditView(m))
	return nil
}

// assignmentModel is the assignment's page, its form filled from the
// stored settings.
func (s *Server) assignmentModel(r *http.Request, id int64) (views.AssignmentEditPage, error) {
	ctx, tc := r.Context(), teacherOf(r)
	a, err := s.store.Assignment(ctx, tc.ID, id)
	if err != nil {
		return views.AssignmentEditPage{}, err
	}
	res, err := s.store.ClassResults(ctx, tc.ID, a.ClassID)
	if err != nil {
		return views.AssignmentEditPage{}, err
	}
	overrides, err := s.store.Overrides(ctx, tc.ID, id)
	if err != nil {
		return views.AssignmentEditPage{}, err
	}
	m := views.AssignmentEditPage{
		TeacherPage: s.tpage(r, a.SetTitle+" for "+res.Class.Name, ""), ID: a.ID, ClassID: a.ClassID, ClassName: res.Class.Name,
		SetTitle: a.SetTitle, Questions: a.Questions, Form: quizSettingsForm(a.QuizSettings), Errors: views.FieldErrors{}, Now: s.now(),
	}
	col := -1
	for i, g := range res.Assignments {
		if g.ID == id {
			col = i
		}
	}
	for _, st := range res.Students {
		if col >= 0 {
			m.Attempts += st.Cells[col].Attempts
			m.Open += st.Cells[col].Attempts - st.Cells[col].Finished
		}
		if !st.Member {
			continue
		}
		o := overrides[st.Learner.ID]
		m.Students = append(m.Students, views.OverrideRow{LearnerID: st.Learner.ID, Name: st.Learner.DisplayName(),
			ExtraMinutes: int(o.Time.Minutes()), ExtraAttempts: o.Attempts})
	}
	return m, nil
}

// assignmentEdit saves an assignment's settings (see
// db.Store.UpdateAssignment for what a change does to attempts made).
func (s *Server) assignmentEdit(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	typedWrong := views.FieldErrors{}
	q, form := readQuizSettings(f, typedWrong)
	form.Full = true
	if errs := settingsProblems(q, typedWrong); len(errs) > 0 {
		return s.invalid(w, r, func() (templ.Component, error) {
			m, err := s.assignmentModel(r, id)
			m.Form, m.Errors = form, errs
			m.Errors[""] = "Nothing was saved: see the messages below."
			return views.AssignmentEditView(m), err
		})
	}
	ch, err := s.store.UpdateAssignment(r.Context(), teacherOf(r).ID, id, q)
	if err != nil {
		return err
	}
	notice := "assignment-saved"
	if ch.DeadlinesMoved > 0 {
		notice = "assignment-saved-moved"
	}
	redirect(w, r, fmt.Sprintf("/teacher/assignments/%d/edit?notice=%s", id, notice))
	return nil
}

// assignmentOverride gives one student of the class extra minutes on each
// attempt and extra attempts.
func (s *Server) assignmentOverride(w http.ResponseWriter, r *http.Request, id int64) error {
	lid, err := pathID(r, "learner")
	if err != nil {
		return err
	}
	f, err := postForm(r)
	if err != nil {
		return err
	}
	errs := views.FieldErrors{}
	minutes, _ := formInt(f, "minutes", 0, errs)
	attempts, _ := formInt(f, "attempts", 0, errs)
	if len(errs) > 0 {
		return badRequest("Extra minutes and attempts are whole numbers.")
	}
	o := db.Override{Time: time.Duration(minutes) * time.Minute, Attempts: attempts}
	if err := s.store.SetOverride(r.Context(), teacherOf(r).ID, id, lid, o); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/assignments/%d/edit?notice=extra-saved#extra-title", id))
	return nil
}
