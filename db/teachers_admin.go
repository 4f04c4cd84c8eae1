package db

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"factdrill/questions"
)

// Teachers are managed from the web by admins: the first teacher is one,
// and an admin invites teachers with one-time links, disables and enables
// accounts, makes other admins and gives a teacher a one-time link to set
// a new password (an admin never learns a password). Each of these is
// logged in the audit log in the transaction that does it.

// TeacherAccount is a teacher as the admins' page lists them.
type TeacherAccount struct {
	Teacher
	Admin    bool
	Disabled bool
	// Classes and Sets count what the teacher owns.
	Classes, Sets int
}

// LinkTTL is how long an invitation or password link works.
const LinkTTL = 7 * 24 * time.Hour

// Kinds of one-time teacher link.
const (
	linkInvite = "invite"
	linkReset  = "reset"
)

// errNotAdmin refuses an admin's action to anyone else.
var errNotAdmin = questions.Errorf(questions.CodeForbidden, "only an admin may manage teachers")

// errBadLink answers a link that is unknown, used or expired.
var errBadLink = questions.Errorf(questions.CodeNotFound, "this link is not valid: it has been used, it has expired, or it was never made. Ask an admin for a new one")

// isAdmin returns nil if the teacher is an admin whose account is not
// disabled, else errNotAdmin.
func isAdmin(ctx context.Context, tx *sql.Tx, teacherID int64) error {
	return checkAdmin(ctx, tx, teacherID, "")
}

// lockAdmin is isAdmin for a write transaction: it locks the admin's row
// until tx ends, so that what tx then does stays an admin's act. Two
// admins taking the role from (or disabling) each other at once on two
// servers take turns, and the second is no longer an admin: one always
// remains, as with SQLite's one writer.
func lockAdmin(ctx context.Context, tx *sql.Tx, teacherID int64) error {
	return checkAdmin(ctx, tx, teacherID, forUpdate)
}

func checkAdmin(ctx context.Context, tx *sql.Tx, teacherID int64, lock string) error {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM teachers WHERE id = ? AND admin = 1 AND disabled_at IS NULL"+lock, teacherID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return errNotAdmin
	}
	return err
}

// newToken returns 256 random bits, base16.
func newToken() string {
	var b [32]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// TeacherAccounts lists every teacher account, by name, for an admin.
func (s *Store) TeacherAccounts(ctx context.Context, adminID int64) ([]TeacherAccount, error) {
	var out []TeacherAccount
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		if err := isAdmin(ctx, tx, adminID); err != nil {
			return err
		}
		var err error
		out, err = queryAll(ctx, tx, func(row scanner) (TeacherAccount, error) {
			var t TeacherAccount
			err := row.Scan(&t.ID, &t.Name, &t.CreatedAt, &t.Admin, &t.Disabled, &t.Classes, &t.Sets)
			t.CreatedAt = t.CreatedAt.UTC()
			return t, err
		}, `SELECT t.id, t.name, t.created_at, t.admin, t.disabled_at IS NOT NULL,
			(SELECT count(*) FROM classes c WHERE c.teacher_id = t.id),
			(SELECT count(*) FROM sets s WHERE s.owner_id = t.id)
			FROM teachers t ORDER BY lower(t.name), t.id`)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("db: teacher accounts: %w", err)
	}
	return out, nil
}

// TeacherAccount returns one teacher's account, for an admin.
func (s *Store) TeacherAccount(ctx context.Context, adminID, teacherID int64) (TeacherAccount, error) {
	ts, err := s.TeacherAccounts(ctx, adminID)
	if err != nil {
		return TeacherAccount{}, err
	}
	for _, t := range ts {
		if t.ID == teacherID {
			return t, nil
		}
	}
	return TeacherAccount{}, fmt.Errorf("db: teacher account %d: %w", teacherID, questions.ErrNotFound)
}

// IsAdmin reports whether the teacher is an admin (and not disabled).
func (s *Store) IsAdmin(ctx context.Context, teacherID int64) (bool, error) {
	var ok bool
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		err := isAdmin(ctx, tx, teacherID)
		ok = err == nil
		if errors.Is(err, errNotAdmin) {
			return nil
		}
		return err
	})
	if err != nil {
		return false, fmt.Errorf("db: is teacher %d an admin: %w", teacherID, err)
	}
	return ok, nil
}

// createLink stores a one-time link of kind for the teacher (0 for an
// invitation) and returns its token.
func createLink(ctx context.Context, tx *sql.Tx, kind string, teacherID, adminID int64, note string, now time.Time) (string, error) {
	token := newToken()
	var teacher any
	if teacherID != 0 {
		teacher = teacherID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO teacher_links (token_hash, kind, teacher_id, created_by, note, created_at, expires_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, hashToken(token), kind, teacher, adminID, note, now.UTC(), now.Add(LinkTTL).UTC())
	return token, err
}

// MaxNoteLen bounds the note an admin writes on an invitation.
const MaxNoteLen = 200

// CreateInvitation makes a one-time link that creates a teacher account,
// valid for LinkTTL, and returns its token. note says whom it is for (it
// is shown on the invitation page and in the log).
func (s *Store) CreateInvitation(ctx context.Context, adminID int64, note string) (string, error) {
	now := s.now()
	note, err := CleanName(note)
	if err != nil || len([]rune(note)) > MaxNoteLen {
		return "", fmt.Errorf("db: invite: %w", invalid("the note is not a name of at most %d characters", MaxNameLen))
	}
	var token string
	err = s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := lockAdmin(ctx, tx, adminID); err != nil {
			return err
		}
		var err error
		if token, err = createLink(ctx, tx, linkInvite, 0, adminID, note, now); err != nil {
			return err
		}
		target := "a new teacher"
		if note != "" {
			target = note
		}
		return audit(ctx, tx, adminID, AuditInvite, target, "link valid for 7 days", now)
	})
	if err != nil {
		return "", fmt.Errorf("db: invite: %w", err)
	}
	return token, nil
}

// TeacherLink is a live one-time link: an invitation (Teacher zero) or a
// password reset for Teacher.
type TeacherLink struct {
	Invite  bool
	Note    string
	Teacher Teacher
	Expires time.Time
}

func linkTx(ctx context.Context, tx *sql.Tx, token string, now time.Time) (TeacherLink, error) {
	var (
		l       TeacherLink
		kind    string
		teacher sql.NullInt64
		name    sql.NullString
	)
	err := tx.QueryRowContext(ctx, `SELECT k.kind, k.note, k.expires_at, k.teacher_id, t.name FROM teacher_links k
		LEFT JOIN teachers t ON t.id = k.teacher_id WHERE k.token_hash = ? AND k.used_at IS NULL AND k.expires_at > ?`,
		hashToken(token), now.UTC()).Scan(&kind, &l.Note, &l.Expires, &teacher, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return TeacherLink{}, errBadLink
	}
	l.Invite, l.Teacher = kind == linkInvite, Teacher{ID: teacher.Int64, Name: name.String}
	l.Expires = l.Expires.UTC()
	return l, err
}

// TeacherLink returns the live one-time link of token; a link unknown,
// used or expired gives a not-found error saying so.
func (s *Store) TeacherLink(ctx context.Context, token string) (TeacherLink, error) {
	now := s.now()
	return read(ctx, s, "teacher link", func(tx *sql.Tx) (TeacherLink, error) { return linkTx(ctx, tx, token, now) })
}

// spendLink marks the link of token used, if it is a live link of kind.
func spendLink(ctx context.Context, tx *sql.Tx, token, kind string, now time.Time) (TeacherLink, error) {
	l, err := linkTx(ctx, tx, token, now)
	if err != nil {
		return l, err
	}
	if l.Invite != (kind == linkInvite) {
		return TeacherLink{}, errBadLink
	}
	res, err := tx.ExecContext(ctx, "UPDATE teacher_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", now.UTC(), hashToken(token))
	if err != nil {
		return l, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return l, cmpErr(err, errBadLink)
	}
	return l, nil
}

// cmpErr is err, or alt when err is nil.
func cmpErr(err, alt error) error {
	if err != nil {
		return err
	}
	return alt
}

// AcceptInvitation spends an invitation to create a teacher account with
// the name and password chosen.
func (s *Store) AcceptInvitation(ctx context.Context, token, name, password string) (Teacher, error) {
	var note string
	t, err := s.addTeacher(ctx, "accept invitation", name, password, func(tx *sql.Tx) error {
		l, err := spendLink(ctx, tx, token, linkInvite, s.now())
		note = l.Note
		return err
	}, func(tx *sql.Tx, t Teacher) error {
		detail := ""
		if note != "" {
			detail = "invited as " + note
		}
		return audit(ctx, tx, t.ID, AuditInviteAccepted, t.Name, detail, s.now())
	})
	return t, err
}

// CreateResetLink makes a one-time link with which a teacher sets a new
// password, valid for LinkTTL, and returns its token. Their current
// password keeps working until the link is used.
func (s *Store) CreateResetLink(ctx context.Context, adminID, teacherID int64) (string, error) {
	now := s.now()
	var token string
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := lockAdmin(ctx, tx, adminID); err != nil {
			return err
		}
		name, err := teacherName(ctx, tx, teacherID)
		if err != nil {
			return err
		}
		if token, err = createLink(ctx, tx, linkReset, teacherID, adminID, "", now); err != nil {
			return err
		}
		return audit(ctx, tx, adminID, AuditResetLink, name, "link valid for 7 days", now)
	})
	if err != nil {
		return "", fmt.Errorf("db: password link for teacher %d: %w", teacherID, err)
	}
	return token, nil
}

func teacherName(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, "SELECT name FROM teachers WHERE id = ?", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return "", questions.ErrNotFound
	}
	return name, err
}

// ResetPassword spends a password link: the teacher's password becomes
// password, and their logins everywhere end. The hash is made within the
// hashing budget (see hashing); the caller checks the link first, which
// costs nothing.
func (s *Store) ResetPassword(ctx context.Context, token, password string) (Teacher, error) {
	now := s.now()
	if err := CheckNewPassword(password); err != nil {
		return Teacher{}, fmt.Errorf("db: reset password: %w", err)
	}
	var hash string
	if err := s.hashing(ctx, func() { hash = hashPassword(password) }); err != nil {
		return Teacher{}, fmt.Errorf("db: reset password: %w", err)
	}
	var t Teacher
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		l, err := spendLink(ctx, tx, token, linkReset, now)
		if err != nil {
			return err
		}
		t = l.Teacher
		if _, err := tx.ExecContext(ctx, "UPDATE teachers SET password_hash = ? WHERE id = ?", hash, t.ID); err != nil {
			return err
		}
		if err := endTeacherLogins(ctx, tx, t.ID); err != nil {
			return err
		}
		return audit(ctx, tx, t.ID, AuditPasswordReset, t.Name, "with a link from an admin", now)
	})
	if err != nil {
		return Teacher{}, fmt.Errorf("db: reset password: %w", err)
	}
	return t, nil
}

// endTeacherLogins logs the teacher out of every session.
func endTeacherLogins(ctx context.Context, tx *sql.Tx, teacherID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE sessions SET teacher_id = NULL, teacher_seen_at = NULL,
		teacher_idle_seconds = NULL, teacher_ends_at = NULL WHERE teacher_id = ?`, teacherID)
	return err
}

// SetTeacherDisabled disables a teacher's account (they are logged out
// everywhere and cannot log in; their sets and classes stay) or enables it
// again. An admin cannot disable themselves, so that one admin always
// remains.
func (s *Store) SetTeacherDisabled(ctx context.Context, adminID, teacherID int64, disabled bool) error {
	now := s.now()
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := lockAdmin(ctx, tx, adminID); err != nil {
			return err
		}
		if disabled && adminID == teacherID {
			return invalid("you cannot disable your own account")
		}
		name, err := teacherName(ctx, tx, teacherID)
		if err != nil {
			return err
		}
		action, at := AuditEnable, any(nil)
		if disabled {
			action, at = AuditDisable, now.UTC()
		}
		res, err := tx.ExecContext(ctx, "UPDATE teachers SET disabled_at = ? WHERE id = ? AND CASE WHEN disabled_at IS NULL THEN 1 ELSE 0 END = ?", at, teacherID, boolInt(disabled))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			// Already as asked: nothing to do, nothing to log.
			return err
		}
		if disabled {
			if err := endTeacherLogins(ctx, tx, teacherID); err != nil {
				return err
			}
		}
		return audit(ctx, tx, adminID, action, name, "", now)
	})
	if err != nil {
		return fmt.Errorf("db: disable teacher %d: %w", teacherID, err)
	}
	return nil
}

// SetTeacherAdmin makes a teacher an admin, or no longer one. An admin
// cannot take the role from themselves, so that one admin always remains.
func (s *Store) SetTeacherAdmin(ctx context.Context, adminID, teacherID int64, admin bool) error {
	now := s.now()
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := lockAdmin(ctx, tx, adminID); err != nil {
			return err
		}
		if !admin && adminID == teacherID {
			return invalid("you cannot stop being an admin yourself: another admin can")
		}
		name, err := teacherName(ctx, tx, teacherID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "UPDATE teachers SET admin = ? WHERE id = ? AND admin <> ?", boolInt(admin), teacherID, boolInt(admin))
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		action := AuditRevokeAdmin
		if admin {
			action = AuditMakeAdmin
		}
		return audit(ctx, tx, adminID, action, name, "", now)
	})
	if err != nil {
		return fmt.Errorf("db: admin role of teacher %d: %w", teacherID, err)
	}
	return nil
}
