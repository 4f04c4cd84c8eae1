package views

import "time"

// TeacherAccountRow is a teacher on the admins' page.
type TeacherAccountRow struct {
	ID            int64
	Name          string
	Admin         bool
	Disabled      bool
	Self          bool
	Classes, Sets int
	Created       time.Time
}

// AuditRow is one line of the audit log.
type AuditRow struct {
	At                            time.Time
	Actor, Action, Target, Detail string
}

// AdminPage is the teachers' accounts for an admin: invitations, the
// accounts and what can be done to them, and the audit log.
type AdminPage struct {
	TeacherPage
	Teachers []TeacherAccountRow
	// Link is a one-time link just made, shown once: LinkFor says what
	// it is for.
	Link, LinkFor string
	Note          string
	Errors        FieldErrors // "note", and "" for an action refused
	Audit         []AuditRow
	AuditPager    Pager
}

// InvitePage is an invitation to make a teacher account.
type InvitePage struct {
	Page
	Token, Note, Name string
	Errors            FieldErrors
}

// PasswordPage sets a teacher's new password from an admin's link.
type PasswordPage struct {
	Page
	Token, Teacher string
	Errors         FieldErrors
}
