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

// auditPageSize is how many audit log lines a page shows.
const auditPageSize = 50

// adminShow is the admins' page: the teachers' accounts and the audit log.
// Another teacher gets 403 (the store says who is an admin).
func (s *Server) adminShow(w http.ResponseWriter, r *http.Request) error {
	m, err := s.adminModel(r)
	if err != nil {
		return err
	}
	s.render(w, r, views.AdminView(m))
	return nil
}

func (s *Server) adminModel(r *http.Request) (views.AdminPage, error) {
	ctx, tc := r.Context(), teacherOf(r)
	m := views.AdminPage{TeacherPage: s.tpage(r, "Teachers", "admin"), Errors: views.FieldErrors{}}
	ts, err := s.store.TeacherAccounts(ctx, tc.ID)
	if err != nil {
		return m, err
	}
	for _, t := range ts {
		m.Teachers = append(m.Teachers, views.TeacherAccountRow{ID: t.ID, Name: t.Name, Admin: t.Admin, Disabled: t.Disabled,
			Self: t.ID == tc.ID, Classes: t.Classes, Sets: t.Sets, Created: t.CreatedAt})
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	m.AuditPager = views.NewPager(page, auditPageSize, 0, "/teacher/admin", r.URL.Query())
	entries, total, err := s.store.AuditLog(ctx, tc.ID, db.Page{Offset: (max(page, 1) - 1) * auditPageSize, Size: auditPageSize})
	m.AuditPager = views.NewPager(page, auditPageSize, total, "/teacher/admin", r.URL.Query())
	for _, e := range entries {
		m.Audit = append(m.Audit, views.AuditRow{At: e.At, Actor: e.Actor, Action: e.Action, Target: e.Target, Detail: e.Detail})
	}
	return m, err
}

// adminLink shows the admins' page with a one-time link just made: shown
// once, in the answer to the POST that made it, and never stored.
func (s *Server) adminLink(w http.ResponseWriter, r *http.Request, path, token, what string) error {
	m, err := s.adminModel(r)
	if err != nil {
		return err
	}
	m.Link, m.LinkFor = siteURL(r)+path+token, what
	s.render(w, r, views.AdminView(m))
	return nil
}

// adminInvite makes an invitation link.
func (s *Server) adminInvite(w http.ResponseWriter, r *http.Request) error {
	f, errs, err := readForm(r, inviteFormOf)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return s.invalid(w, r, func() (templ.Component, error) {
			m, err := s.adminModel(r)
			m.Note, m.Errors = f.Note, errs
			return views.AdminView(m), err
		})
	}
	token, err := s.store.CreateInvitation(r.Context(), teacherOf(r).ID, f.Note)
	if err != nil {
		return err
	}
	what := "An invitation for a new teacher"
	if note, _ := db.CleanName(f.Note); note != "" {
		what = "An invitation for " + note
	}
	return s.adminLink(w, r, "/invite/", token, what)
}

// adminAccount runs an admin's action on a teacher's account, then goes
// back to the admins' page with notice. An action refused as invalid
// (disabling oneself) is shown there.
func (s *Server) adminAccount(act func(r *http.Request, adminID, teacherID int64) error, notice string) handler {
	return withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
		err := act(r, teacherOf(r).ID, id)
		if questions.ErrorCode(err) == questions.CodeInvalid {
			return s.invalid(w, r, func() (templ.Component, error) {
				m, merr := s.adminModel(r)
				m.Errors[""] = questions.ErrorMessage(err)
				return views.AdminView(m), merr
			})
		}
		if err != nil {
			return err
		}
		redirect(w, r, "/teacher/admin?notice="+notice)
		return nil
	})
}

func (s *Server) adminDisable() handler {
	return s.adminAccount(func(r *http.Request, admin, id int64) error {
		return s.store.SetTeacherDisabled(r.Context(), admin, id, true)
	}, "disabled")
}

func (s *Server) adminEnable() handler {
	return s.adminAccount(func(r *http.Request, admin, id int64) error {
		return s.store.SetTeacherDisabled(r.Context(), admin, id, false)
	}, "enabled")
}

func (s *Server) adminMakeAdmin() handler {
	return s.adminAccount(func(r *http.Request, admin, id int64) error {
		return s.store.SetTeacherAdmin(r.Context(), admin, id, true)
	}, "admin-made")
}

func (s *Server) adminRevokeAdmin() handler {
	return s.adminAccount(func(r *http.Request, admin, id int64) error {
		return s.store.SetTeacherAdmin(r.Context(), admin, id, false)
	}, "admin-revoked")
}

// adminPasswordLink makes a one-time link with which a teacher sets a
// new password.
func (s *Server) adminPasswordLink(w http.ResponseWriter, r *http.Request, id int64) error {
	ctx, tc := r.Context(), teacherOf(r)
	t, err := s.store.TeacherAccount(ctx, tc.ID, id)
	if err != nil {
		return err
	}
	token, err := s.store.CreateResetLink(ctx, tc.ID, id)
	if err != nil {
		return err
	}
	return s.adminLink(w, r, "/password/", token, "A link for "+t.Name+" to set a new password")
}

// teacherLink returns the live one-time link of the path's token, of the
// kind wanted (an invitation or a password link); anything else is the
// store's not-found error, which says what to do.
func (s *Server) teacherLink(r *http.Request, invite bool) (string, db.TeacherLink, error) {
	token := r.PathValue("token")
	l, err := s.store.TeacherLink(r.Context(), token)
	if err == nil && l.Invite != invite {
		err = fmt.Errorf("web: teacher link: %w", questions.Errorf(questions.CodeNotFound, "this link is not valid here"))
	}
	return token, l, err
}

func (s *Server) inviteShow(w http.ResponseWriter, r *http.Request) error {
	token, l, err := s.teacherLink(r, true)
	if err != nil {
		return err
	}
	s.render(w, r, views.InviteView(views.InvitePage{Page: views.Page{Title: "Make your teacher account"}, Token: token, Note: l.Note}))
	return nil
}

// inviteAccept spends an invitation: the teacher's account is made and
// they are logged in.
func (s *Server) inviteAccept(w http.ResponseWriter, r *http.Request) error {
	f, errs, err := readForm(r, setupFormOf)
	if err != nil {
		return err
	}
	token, l, err := s.teacherLink(r, true)
	if err != nil {
		return err
	}
	again := func(errs views.FieldErrors) error {
		m := views.InvitePage{Page: views.Page{Title: "Make your teacher account"}, Token: token, Note: l.Note, Name: f.Name, Errors: errs}
		s.renderStatus(w, r, http.StatusUnprocessableEntity, views.InviteView(m))
		return nil
	}
	if len(errs) > 0 {
		return again(errs)
	}
	tc, err := s.store.AcceptInvitation(r.Context(), token, f.Name, f.Password)
	if questions.ErrorCode(err) == questions.CodeInvalid {
		return again(views.FieldErrors{"name": questions.ErrorMessage(err)})
	}
	if err != nil {
		return err
	}
	if err := s.startSession(w, r, learnerOf(r), tc); err != nil {
		return err
	}
	redirect(w, r, "/teacher?notice=joined-staff")
	return nil
}

func (s *Server) passwordShow(w http.ResponseWriter, r *http.Request) error {
	token, l, err := s.teacherLink(r, false)
	if err != nil {
		return err
	}
	s.render(w, r, views.PasswordView(views.PasswordPage{Page: views.Page{Title: "A new password"}, Token: token, Teacher: l.Teacher.Name}))
	return nil
}

// passwordSet spends a password link: the teacher's new password is set
// and every login of theirs ended; they log in again.
func (s *Server) passwordSet(w http.ResponseWriter, r *http.Request) error {
	f, errs, err := readForm(r, passwordFormOf)
	if err != nil {
		return err
	}
	token, l, err := s.teacherLink(r, false)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		m := views.PasswordPage{Page: views.Page{Title: "A new password"}, Token: token, Teacher: l.Teacher.Name, Errors: errs}
		s.renderStatus(w, r, http.StatusUnprocessableEntity, views.PasswordView(m))
		return nil
	}
	if _, err := s.store.ResetPassword(r.Context(), token, f.Password); err != nil {
		return err
	}
	if teacherOf(r).ID == l.Teacher.ID {
		// This browser's login was one of those ended.
		if err := s.startSession(w, r, learnerOf(r), db.Teacher{}); err != nil && !errors.Is(err, questions.ErrNotFound) {
			return err
		}
	}
	redirect(w, r, "/login?notice=password-set")
	return nil
}
