package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
	"factdrill/views"

	"github.com/a-h/templ"
)

// classCreate makes a class with a fresh join code.
func (s *Server) classCreate(w http.ResponseWriter, r *http.Request) error {
	f, errs, err := readForm(r, classFormOf)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return s.invalid(w, r, func() (templ.Component, error) {
			m, err := s.homeModel(r, f, errs)
			return views.TeacherHomeView(m), err
		})
	}
	c, err := s.store.CreateClass(r.Context(), teacherOf(r).ID, f.Name)
	if err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d?notice=class-made", c.ID))
	return nil
}

// classShow is a class's page for its teacher: join code, assignments and
// results.
func (s *Server) classShow(w http.ResponseWriter, r *http.Request, id int64) error {
	m, err := s.classModel(r, id, nil)
	if err != nil {
		return err
	}
	s.render(w, r, views.ClassView(m))
	return nil
}

// classAgain shows the class's page again with the problems of one of its
// forms.
func (s *Server) classAgain(w http.ResponseWriter, r *http.Request, id int64, errs views.FieldErrors, rename string) error {
	return s.invalid(w, r, func() (templ.Component, error) {
		m, err := s.classModel(r, id, errs)
		if rename != "" {
			m.Rename = rename
		}
		return views.ClassView(m), err
	})
}

func (s *Server) classModel(r *http.Request, id int64, errs views.FieldErrors) (views.ClassPage, error) {
	ctx, tc := r.Context(), teacherOf(r)
	res, err := s.store.ClassResults(ctx, tc.ID, id)
	if err != nil {
		return views.ClassPage{}, err
	}
	m := views.ClassPage{TeacherPage: s.tpage(r, res.Class.Name, ""), Class: classRow(res.Class), JoinURL: siteURL(r) + "/join",
		Rename: res.Class.Name, Errors: errs, Owner: res.Class.TeacherID == tc.ID,
		AssignForm: views.QuizSettingsForm{Draw: "0", Attempts: "0", TimeLimit: "0"}}
	if m.Roster, err = s.rosterSummary(r, res); err != nil {
		return m, err
	}
	flashcards, err := s.store.AssignmentFlashcards(ctx, tc.ID, id)
	if err != nil {
		return views.ClassPage{}, err
	}
	assigned := map[int64]bool{}
	for _, a := range res.Assignments {
		assigned[a.SetID] = true
		m.Assignments = append(m.Assignments, views.AssignmentRow{ID: a.ID, SetID: a.SetID, SetTitle: a.SetTitle, Questions: a.Questions,
			Published: a.Published, Draw: a.Draw, Shuffle: a.Shuffle, MaxAttempts: a.MaxAttempts, Feedback: a.Feedback,
			TimeLimit: a.TimeLimit, Due: a.Due, Closes: a.Closes,
			FlashcardsOpen: flashcards[a.ID]})
	}
	for _, st := range res.Students {
		row := views.ResultRow{LearnerID: st.Learner.ID, Name: st.Learner.DisplayName(), Member: st.Member}
		for _, c := range st.Cells {
			cell := views.ResultCell{Attempts: c.Attempts, Pending: c.Pending}
			if c.Finished > 0 {
				cell.Best, cell.Last, cell.Time = fmt.Sprintf("%d%%", c.Best), fmt.Sprintf("%d%%", c.Last), takenText(c.LastTime)
			}
			row.Cells = append(row.Cells, cell)
		}
		m.Results = append(m.Results, row)
	}
	sets, err := s.store.AssignableSets(ctx, tc.ID)
	for _, set := range sets {
		if !assigned[set.ID] {
			title := set.Title
			if !set.Published {
				title += " (draft)"
			}
			m.Sets = append(m.Sets, views.SetOption{ID: set.ID, Title: title})
		}
	}
	return m, err
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

func (s *Server) classRename(w http.ResponseWriter, r *http.Request, id int64) error {
	f, errs, err := readForm(r, classFormOf)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return s.classAgain(w, r, id, errs, f.Name)
	}
	if err := s.store.RenameClass(r.Context(), teacherOf(r).ID, id, f.Name); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d?notice=renamed", id))
	return nil
}

func (s *Server) classDelete(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	if f.Get("confirm") != "yes" {
		return s.invalid(w, r, func() (templ.Component, error) {
			m, err := s.classModel(r, id, views.FieldErrors{"confirm": errUnconfirmed})
			return views.ClassView(m), err
		})
	}
	if err := s.store.DeleteClass(r.Context(), teacherOf(r).ID, id); err != nil {
		return err
	}
	redirect(w, r, "/teacher?notice=class-gone")
	return nil
}

// errUnconfirmed refuses a deletion whose "Yes, delete" box was not
// ticked: nothing is deleted.
const errUnconfirmed = "Tick the box to confirm; nothing was deleted."

// classAssign gives the class a set with quiz settings.
func (s *Server) classAssign(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := readAssignForm(r)
	if err != nil {
		return err
	}
	if errs := f.check(); len(errs) > 0 {
		return s.invalid(w, r, func() (templ.Component, error) {
			m, err := s.classModel(r, id, errs)
			m.AssignForm = f.Form
			return views.ClassView(m), err
		})
	}
	if _, err := s.store.Assign(r.Context(), teacherOf(r).ID, id, f.SetID, f.Settings); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d?notice=assigned", id))
	return nil
}

// classFlashcards opens an assignment's flashcards to the class before
// its students are done with the quiz (open=1), or closes them until then.
func (s *Server) classFlashcards(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	tc, open := teacherOf(r), f.Get("open") == "1"
	a, err := s.store.Assignment(r.Context(), tc.ID, id)
	if err != nil {
		return err
	}
	if err := s.store.SetAssignmentFlashcards(r.Context(), tc.ID, id, open); err != nil {
		return err
	}
	notice := map[bool]string{true: "flashcards-open", false: "flashcards-closed"}[open]
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d?notice=%s", a.ClassID, notice))
	return nil
}

// classUnassign takes a set away from a class. An assignment with
// attempts goes only on a second request that names how many attempts go
// with it (confirm=N): the first shows the question.
func (s *Server) classUnassign(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	tc, ctx := teacherOf(r), r.Context()
	a, err := s.store.Assignment(ctx, tc.ID, id)
	if err != nil {
		return err
	}
	attempts, students, err := s.store.AttemptCount(ctx, tc.ID, id)
	if err != nil {
		return err
	}
	if attempts > 0 && f.Get("confirm") != strconv.Itoa(attempts) {
		c, err := s.store.Class(ctx, tc.ID, a.ClassID)
		if err != nil {
			return err
		}
		s.render(w, r, views.RemoveAssignmentView(views.RemoveAssignmentPage{
			TeacherPage: s.tpage(r, "Remove "+a.SetTitle+"?", ""), ID: a.ID, ClassID: a.ClassID, ClassName: c.Name,
			SetTitle: a.SetTitle, Attempts: attempts, Students: students,
		}))
		return nil
	}
	if err := s.store.Unassign(ctx, tc.ID, id); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d?notice=unassigned", a.ClassID))
	return nil
}

// classStudent is one student's attempts in the class, with every answer.
func (s *Server) classStudent(w http.ResponseWriter, r *http.Request, id int64) error {
	lid, err := pathID(r, "learner")
	if err != nil {
		return err
	}
	m, err := s.studentModel(r, id, lid)
	if err != nil {
		return err
	}
	s.render(w, r, views.StudentView(m))
	return nil
}

// studentModel is one student's page in the class.
func (s *Server) studentModel(r *http.Request, id, lid int64) (views.StudentPage, error) {
	ctx := r.Context()
	c, attempts, err := s.store.ClassAttempts(ctx, teacherOf(r).ID, id, lid)
	if err != nil {
		return views.StudentPage{}, err
	}
	l, err := s.store.Learner(ctx, lid)
	if err != nil {
		return views.StudentPage{}, err
	}
	m := views.StudentPage{TeacherPage: s.tpage(r, l.DisplayName(), ""), ClassID: c.ID, ClassName: c.Name, LearnerID: lid, Name: l.DisplayName()}
	classes, err := s.store.LearnerClasses(ctx, lid)
	if err != nil {
		return m, err
	}
	for _, lc := range classes {
		m.Member = m.Member || lc.ID == c.ID
	}
	if m.Member {
		if err := s.studentRoster(r, &m); err != nil {
			return m, err
		}
	}
	for i := len(attempts) - 1; i >= 0; i-- {
		a := attempts[i]
		sa := views.StudentAttempt{ID: a.ID, SetTitle: a.SetTitle, Started: a.StartedAt, Finished: a.Finished(), Pending: a.Score.Pending,
			Percent: a.Score.Percent(), Right: a.Score.Right, Max: int(a.Score.Max)}
		if a.Finished() {
			sa.Duration = takenText(a.FinishedAt.Sub(a.StartedAt))
		}
		for _, resp := range a.Responses {
			q := resp.Question.Question
			item := views.ResultItem{Question: q, Answered: resp.Answered, Grade: resp.Grade()}
			an := views.StudentAnswer{Number: resp.Position + 1, Stem: stemText(q),
				Given: quiz.AnswerText(q, resp.Answer), Right: quiz.RightAnswerText(q), Verdict: views.Verdict(item), Class: views.ResultClass(item),
				Shown: shownOptions(q, resp.Options, resp.Answer), Flagged: resp.Flagged}
			if item.Grade.Manual != nil {
				an.Comment = item.Grade.Manual.Comment
			}
			if a.Finished() && resp.Answered && q.Kind != questions.Description {
				an.MarkURL = views.GradingAnswerURL(a.SetID, resp.Question.ID, a.ID, resp.Position)
			}
			sa.Answers = append(sa.Answers, an)
		}
		m.Attempts = append(m.Attempts, sa)
	}
	return m, nil
}

// classRemoveStudent takes a student out of the class; their results stay.
func (s *Server) classRemoveStudent(w http.ResponseWriter, r *http.Request, id int64) error {
	lid, err := pathID(r, "learner")
	if err != nil {
		return err
	}
	if err := s.store.RemoveMember(r.Context(), teacherOf(r).ID, id, lid); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d?notice=removed", id))
	return nil
}
