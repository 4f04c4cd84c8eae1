package web

import (
	"fmt"
	"net/http"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
	"factdrill/views"
)

// classCreate makes a class with a fresh join code.
func (t *teacherSite) classCreate(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	if err := r.ParseForm(); err != nil {
		t.fail(w, r, err)
		return
	}
	name := r.PostForm.Get("name")
	c, err := t.store.CreateClass(r.Context(), tc.ID, name)
	if questions.ErrorCode(err) == questions.CodeInvalid {
		m, err := t.homeModel(r, tc)
		if err != nil {
			t.fail(w, r, err)
			return
		}
		m.ClassName, m.Error = name, questions.ErrorMessage(err)
		t.renderStatus(w, r, http.StatusUnprocessableEntity, views.TeacherHomeView(m))
		return
	}
	if err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d?notice=class-made", c.ID))
}

// classShow is a class's page for its teacher: join code, assignments and
// results.
func (t *teacherSite) classShow(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	m, err := t.classModel(r, tc, id)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	t.render(w, r, views.ClassView(m))
}

func (t *teacherSite) classModel(r *http.Request, tc db.Teacher, id int64) (views.ClassPage, error) {
	ctx := r.Context()
	res, err := t.store.ClassResults(ctx, tc.ID, id)
	if err != nil {
		return views.ClassPage{}, err
	}
	m := views.ClassPage{TeacherPage: t.tpage(r, tc, res.Class.Name, ""), Class: classRow(res.Class), JoinURL: siteURL(r) + "/join"}
	assigned := map[int64]bool{}
	for _, a := range res.Assignments {
		assigned[a.SetID] = true
		m.Assignments = append(m.Assignments, views.AssignmentRow{ID: a.ID, SetID: a.SetID, SetTitle: a.SetTitle, Questions: a.Questions,
			Published: a.Published, Draw: a.Draw, Shuffle: a.Shuffle, MaxAttempts: a.MaxAttempts, Feedback: a.Feedback})
	}
	for _, st := range res.Students {
		row := views.ResultRow{LearnerID: st.Learner.ID, Name: st.Learner.DisplayName(), Member: st.Member}
		for _, c := range st.Cells {
			cell := views.ResultCell{Attempts: c.Attempts}
			if c.Finished > 0 {
				cell.Best, cell.Last, cell.Time = fmt.Sprintf("%d%%", c.Best), fmt.Sprintf("%d%%", c.Last), takenText(c.LastTime)
			}
			row.Cells = append(row.Cells, cell)
		}
		m.Results = append(m.Results, row)
	}
	sets, err := t.store.AssignableSets(ctx, tc.ID)
	if err != nil {
		return m, err
	}
	for _, s := range sets {
		if !assigned[s.ID] {
			title := s.Title
			if !s.Published {
				title += " (draft)"
			}
			m.Sets = append(m.Sets, views.SetOption{ID: s.ID, Title: title})
		}
	}
	return m, nil
}

// siteURL is the address the request came to, for links to show students.
func siteURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// takenText writes a time taken the way a results table shows it.
func takenText(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm %02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%dh %02dm", int(d.Hours()), int(d.Minutes())%60)
}

func (t *teacherSite) classRename(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err == nil {
		err = r.ParseForm()
	}
	if err == nil {
		err = t.store.RenameClass(r.Context(), tc.ID, id, r.PostForm.Get("name"))
	}
	if err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d?notice=renamed", id))
}

func (t *teacherSite) classDelete(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err == nil {
		err = t.store.DeleteClass(r.Context(), tc.ID, id)
	}
	if err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, "/teacher?notice=class-gone")
}

// classAssign gives the class a set with quiz settings.
func (t *teacherSite) classAssign(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		t.fail(w, r, err)
		return
	}
	var q db.QuizSettings
	setID, err := formInt(r, "set", 0)
	if err == nil {
		q.Draw, err = formInt(r, "draw", 0)
	}
	if err == nil {
		q.MaxAttempts, err = formInt(r, "attempts", 0)
	}
	q.Shuffle = r.PostForm.Get("shuffle") == "1"
	q.Feedback = r.PostForm.Get("feedback")
	if q.Feedback == "" {
		q.Feedback = db.FeedbackAfter
	}
	if err == nil {
		_, err = t.store.Assign(r.Context(), tc.ID, id, int64(setID), q)
	}
	if questions.ErrorCode(err) == questions.CodeInvalid {
		m, err2 := t.classModel(r, tc, id)
		if err2 != nil {
			t.fail(w, r, err2)
			return
		}
		m.Error = questions.ErrorMessage(err)
		t.renderStatus(w, r, http.StatusUnprocessableEntity, views.ClassView(m))
		return
	}
	if err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d?notice=assigned", id))
}

// classUnassign takes a set away from a class.
func (t *teacherSite) classUnassign(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	a, err := t.store.Assignment(r.Context(), tc.ID, id)
	if err == nil {
		err = t.store.Unassign(r.Context(), tc.ID, id)
	}
	if err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d?notice=unassigned", a.ClassID))
}

// classStudent is one student's attempts in the class, with every answer.
func (t *teacherSite) classStudent(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	lid, err := pathID(r, "learner")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	c, attempts, err := t.store.ClassAttempts(r.Context(), tc.ID, id, lid)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	l, err := t.store.Learner(r.Context(), lid)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	m := views.StudentPage{TeacherPage: t.tpage(r, tc, l.DisplayName(), ""), ClassID: c.ID, ClassName: c.Name, LearnerID: lid, Name: l.DisplayName()}
	classes, err := t.store.LearnerClasses(r.Context(), lid)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	for _, lc := range classes {
		m.Member = m.Member || lc.ID == c.ID
	}
	for i := len(attempts) - 1; i >= 0; i-- {
		a := attempts[i]
		sa := views.StudentAttempt{ID: a.ID, SetTitle: a.SetTitle, Started: a.StartedAt, Finished: a.Finished(),
			Percent: a.Score.Percent(), Right: a.Score.Right, Max: int(a.Score.Max)}
		if a.Finished() {
			sa.Duration = takenText(a.FinishedAt.Sub(a.StartedAt))
		}
		for _, resp := range a.Responses {
			q := resp.Question.Question
			item := views.ResultItem{Question: q, Answered: resp.Answered, Grade: resp.Grade()}
			sa.Answers = append(sa.Answers, views.StudentAnswer{Number: resp.Position + 1, Stem: stemText(q),
				Given: quiz.AnswerText(q, resp.Answer), Right: quiz.RightAnswerText(q), Verdict: views.Verdict(item), Class: views.ResultClass(item)})
		}
		m.Attempts = append(m.Attempts, sa)
	}
	t.render(w, r, views.StudentView(m))
}

// classRemoveStudent takes a student out of the class; their results stay.
func (t *teacherSite) classRemoveStudent(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	lid, err := pathID(r, "learner")
	if err == nil {
		err = t.store.RemoveMember(r.Context(), tc.ID, id, lid)
	}
	if err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d?notice=removed", id))
}
