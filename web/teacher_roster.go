package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/a-h/templ"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

// rosterPageSize is how many students a page of a roster lists.
const rosterPageSize = 50

// rosterShow is a class's students for its teachers.
func (s *Server) rosterShow(w http.ResponseWriter, r *http.Request, id int64) error {
	m, err := s.rosterModel(r, id)
	if err != nil {
		return err
	}
	s.render(w, r, views.RosterView(m))
	return nil
}

// rosterAgain shows the roster page again with what was typed and its
// problems, changed by fill.
func (s *Server) rosterAgain(w http.ResponseWriter, r *http.Request, id int64, fill func(*views.RosterPage)) error {
	return s.invalid(w, r, func() (templ.Component, error) {
		m, err := s.rosterModel(r, id)
		fill(&m)
		return views.RosterView(m), err
	})
}

func (s *Server) rosterModel(r *http.Request, id int64) (views.RosterPage, error) {
	ctx, tc := r.Context(), teacherOf(r)
	c, err := s.store.Class(ctx, tc.ID, id)
	if err != nil {
		return views.RosterPage{}, err
	}
	m := views.RosterPage{TeacherPage: s.tpage(r, "Students of "+c.Name, ""), ClassID: c.ID, ClassName: c.Name,
		Owner: c.TeacherID == tc.ID, OwnerName: c.Owner, Open: c.Open, JoinCode: db.FormatJoinCode(c.JoinCode),
		SiteURL: siteURL(r), Errors: views.FieldErrors{}}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	m.Pager = views.NewPager(page, rosterPageSize, c.Members, m.URL(), r.URL.Query())
	members, total, err := s.store.ClassMembers(ctx, tc.ID, id, db.Page{Offset: m.Pager.Offset(), Size: m.Pager.Size})
	if err != nil {
		return m, err
	}
	m.Pager = views.NewPager(page, rosterPageSize, total, m.URL(), r.URL.Query())
	for _, mb := range members {
		m.Members = append(m.Members, rosterMember(mb))
	}
	dups, err := s.store.DuplicateMembers(ctx, tc.ID, id)
	if err != nil {
		return m, err
	}
	for _, g := range dups {
		var row []views.RosterMember
		for _, mb := range g {
			row = append(row, rosterMember(mb))
		}
		m.Duplicates = append(m.Duplicates, row)
	}
	m.Teachers, err = s.classTeachers(r, id)
	return m, err
}

func (s *Server) classTeachers(r *http.Request, classID int64) ([]views.ClassTeacherRow, error) {
	ts, err := s.store.ClassTeachers(r.Context(), teacherOf(r).ID, classID)
	var out []views.ClassTeacherRow
	for _, t := range ts {
		out = append(out, views.ClassTeacherRow{ID: t.ID, Name: t.Name, Owner: t.Owner})
	}
	return out, err
}

func rosterMember(m db.Member) views.RosterMember {
	v := views.RosterMember{ID: m.ID, Name: m.DisplayName(), SchoolID: m.SchoolID, Email: m.Email, Rostered: m.Rostered, Joined: m.JoinedAt}
	if m.Rostered {
		v.Code = db.FormatResumeCode(m.ResumeCode)
	}
	return v
}

// rosterAdd adds one student to the roster.
func (s *Server) rosterAdd(w http.ResponseWriter, r *http.Request, id int64) error {
	f, errs, err := readForm(r, rosterFormOf)
	if err != nil {
		return err
	}
	again := func(errs views.FieldErrors) error {
		return s.rosterAgain(w, r, id, func(m *views.RosterPage) {
			m.Add, m.Errors = views.RosterMember{Name: f.Name, SchoolID: f.SchoolID, Email: f.Email}, errs
		})
	}
	if len(errs) > 0 {
		return again(errs)
	}
	_, err = s.store.AddToRoster(r.Context(), teacherOf(r).ID, id, []db.RosterEntry{f.RosterEntry})
	var re db.RosterError
	if errors.As(err, &re) {
		return again(rosterFieldErrors(re))
	}
	if err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d/roster?notice=student-added", id))
	return nil
}

// rosterFieldErrors puts a form's roster problems beside their fields.
func rosterFieldErrors(re db.RosterError) views.FieldErrors {
	errs := views.FieldErrors{}
	for _, p := range re {
		if errs[p.Field] == "" {
			errs[p.Field] = p.Message
		}
	}
	return errs
}

// rosterUpload adds the students of a roster file, all or none: a file
// with any problem is refused with each problem at its line.
func (s *Server) rosterUpload(w http.ResponseWriter, r *http.Request, id int64) error {
	name, data, err := formFile(r, "file", db.MaxRosterFile)
	refuse := func(problems ...string) error {
		return s.rosterAgain(w, r, id, func(m *views.RosterPage) { m.UploadName, m.UploadProblems = name, problems })
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		name = "The file"
		return refuse(fmt.Sprintf("The file is larger than %d KiB.", db.MaxRosterFile>>10))
	case errors.Is(err, http.ErrMissingFile) || (err == nil && len(data) == 0):
		name = "Nothing"
		return refuse("Choose a roster file to upload.")
	case err != nil:
		return badRequest("The upload could not be read; please try again.")
	}
	entries, err := db.ReadRoster(data)
	if err == nil {
		_, err = s.store.AddToRoster(r.Context(), teacherOf(r).ID, id, entries)
	}
	var re db.RosterError
	if errors.As(err, &re) {
		var problems []string
		for i, p := range re {
			if i == maxProblemsShown {
				break
			}
			problems = append(problems, rosterProblemText(p))
		}
		return refuse(problems...)
	}
	if err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d/roster?notice=roster-added", id))
	return nil
}

// rosterProblemText is a roster problem with its line and field.
func rosterProblemText(p db.RosterProblem) string {
	field := map[string]string{db.RosterName: "name", db.RosterSchoolID: "school ID", db.RosterEmail: "email"}[p.Field]
	switch {
	case p.Line > 0 && field != "":
		return fmt.Sprintf("Line %d, %s: %s", p.Line, field, p.Message)
	case p.Line > 0:
		return fmt.Sprintf("Line %d: %s", p.Line, p.Message)
	}
	return p.Message
}

// rosterTemplate downloads the roster file to fill in.
func (s *Server) rosterTemplate(w http.ResponseWriter, r *http.Request) error {
	download(w, "text/csv; charset=utf-8", "roster-template.csv", []byte(db.RosterTemplate))
	return nil
}

// signInCards is the printable sheet of the class's sign-in cards.
func (s *Server) signInCards(w http.ResponseWriter, r *http.Request, id int64) error {
	ctx, tc := r.Context(), teacherOf(r)
	c, err := s.store.Class(ctx, tc.ID, id)
	if err != nil {
		return err
	}
	members, _, err := s.store.ClassMembers(ctx, tc.ID, id, db.All)
	if err != nil {
		return err
	}
	m := views.SignInSheet{TeacherPage: s.tpage(r, "Sign-in cards for "+c.Name, ""), ClassID: c.ID, ClassName: c.Name, SiteURL: siteURL(r)}
	for _, mb := range members {
		if !mb.Rostered {
			m.SelfJoined++
			continue
		}
		m.Cards = append(m.Cards, views.SignInCard{Name: mb.DisplayName(), Code: db.FormatResumeCode(mb.ResumeCode)})
	}
	s.render(w, r, views.SignInSheetView(m))
	return nil
}

// classJoining opens a class to joining with its code, or keeps it to
// its roster.
func (s *Server) classJoining(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	open := f.Get("open") == "1"
	if err := s.store.SetClassOpen(r.Context(), teacherOf(r).ID, id, open); err != nil {
		return err
	}
	notice := "closed"
	if open {
		notice = "opened"
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d/roster?notice=%s", id, notice))
	return nil
}

// classMerge merges one student of the class into another.
func (s *Server) classMerge(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	into, err1 := strconv.ParseInt(f.Get("into"), 10, 64)
	from, err2 := strconv.ParseInt(f.Get("from"), 10, 64)
	if err1 != nil || err2 != nil {
		return badRequest("Choose the two students to merge.")
	}
	if _, err := s.store.MergeLearners(r.Context(), teacherOf(r).ID, id, into, from); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d/students/%d?notice=merged", id, into))
	return nil
}

// studentCodeReset gives a rostered student a new sign-in code.
func (s *Server) studentCodeReset(w http.ResponseWriter, r *http.Request, id int64) error {
	lid, err := pathID(r, "learner")
	if err != nil {
		return err
	}
	if _, err := s.store.ResetSignInCode(r.Context(), teacherOf(r).ID, id, lid); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d/students/%d?notice=code-reset", id, lid))
	return nil
}

// studentDetails changes a rostered student's name, school id and email.
func (s *Server) studentDetails(w http.ResponseWriter, r *http.Request, id int64) error {
	lid, err := pathID(r, "learner")
	if err != nil {
		return err
	}
	f, errs, err := readForm(r, rosterFormOf)
	if err != nil {
		return err
	}
	if len(errs) == 0 {
		err = s.store.UpdateRosterEntry(r.Context(), teacherOf(r).ID, id, lid, f.RosterEntry)
		var re db.RosterError
		if errors.As(err, &re) {
			errs, err = rosterFieldErrors(re), nil
		}
		if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return s.invalid(w, r, func() (templ.Component, error) {
			m, err := s.studentModel(r, id, lid)
			if m.Roster != nil {
				m.Roster.Name, m.Roster.SchoolID, m.Roster.Email, m.Roster.Errors = f.Name, f.SchoolID, f.Email, errs
			}
			return views.StudentView(m), err
		})
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d/students/%d?notice=details-saved", id, lid))
	return nil
}

// classShare shares the owner's class with another teacher.
func (s *Server) classShare(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	name := f.Get("name")
	_, err = s.store.ShareClass(r.Context(), teacherOf(r).ID, id, name)
	if questions.ErrorCode(err) == questions.CodeInvalid {
		return s.rosterAgain(w, r, id, func(m *views.RosterPage) {
			m.ShareName, m.Errors = name, views.FieldErrors{"share": questions.ErrorMessage(err)}
		})
	}
	if err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d/roster?notice=shared", id))
	return nil
}

// classUnshare takes a co-teacher off a class (or lets one leave it).
func (s *Server) classUnshare(w http.ResponseWriter, r *http.Request, id int64) error {
	tid, err := pathID(r, "teacher")
	if err != nil {
		return err
	}
	tc := teacherOf(r)
	if err := s.store.UnshareClass(r.Context(), tc.ID, id, tid); err != nil {
		return err
	}
	if tid == tc.ID {
		redirect(w, r, "/teacher?notice=left-class")
		return nil
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d/roster?notice=unshared", id))
	return nil
}

// rosterSummary is what a class's page says of its students.
func (s *Server) rosterSummary(r *http.Request, res db.ClassResults) (views.ClassRosterSummary, error) {
	c := res.Class
	m := views.ClassRosterSummary{ClassID: c.ID, Open: c.Open, Members: c.Members, Rostered: c.Rostered}
	for _, st := range res.Students {
		who := views.RosterName{ID: st.Learner.ID, Name: st.Learner.DisplayName()}
		if st.Learner.SchoolID == "" {
			m.NoSchoolID = append(m.NoSchoolID, who)
		}
		if st.Learner.Email == "" {
			m.NoMail = append(m.NoMail, who)
		}
	}
	dups, err := s.store.DuplicateMembers(r.Context(), teacherOf(r).ID, c.ID)
	if err != nil {
		return m, err
	}
	m.Duplicates = len(dups)
	m.Teachers, err = s.classTeachers(r, c.ID)
	return m, err
}

// studentRoster adds to a student's page their place on the roster: their
// code and details if rostered, and the others who may be merged in.
func (s *Server) studentRoster(r *http.Request, m *views.StudentPage) error {
	ctx, tc := r.Context(), teacherOf(r)
	mb, err := s.store.ClassMember(ctx, tc.ID, m.ClassID, m.LearnerID)
	if err != nil {
		return err
	}
	if mb.Rostered {
		m.Roster = &views.StudentRoster{ClassID: m.ClassID, LearnerID: mb.ID, Name: mb.Name, SchoolID: mb.SchoolID, Email: mb.Email,
			Code: db.FormatResumeCode(mb.ResumeCode)}
	}
	others, _, err := s.store.ClassMembers(ctx, tc.ID, m.ClassID, db.All)
	for _, o := range others {
		if o.ID != mb.ID {
			m.Others = append(m.Others, rosterMember(o))
		}
	}
	return err
}
