package db

import (
	"cmp"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"factdrill/questions"
	"fmt"
	"strings"
	"time"
)

// Teacher is a teacher's account. The password hash never leaves the
// store.
type Teacher struct {
	ID   int64
	Name string
	// Admin is true for a teacher who manages the other teachers'
	// accounts (the first teacher is one).
	Admin     bool
	CreatedAt time.Time
}

// errBadLogin is the one answer to a login that fails, whether the name is
// unknown or the password wrong, so that a login form does not tell which
// names exist. It is a questions.ErrUnauthorized.
var errBadLogin = questions.Errorf(questions.CodeUnauthorized, "the name or the password is not right")

// CleanTeacherName trims a teacher's login name and checks it like a
// learner's display name (see CleanName); it may not be empty.
func CleanTeacherName(name string) (string, error) {
	name, err := CleanName(name)
	if err != nil {
		return "", err
	}
	if name == "" {
		return "", invalid("the name is empty")
	}
	return name, nil
}

// CreateTeacher adds a teacher account. A name already taken (whatever
// its case) is an invalid input.
func (s *Store) CreateTeacher(ctx context.Context, name, password string) (Teacher, error) {
	return s.addTeacher(ctx, "create teacher", name, password, func(*sql.Tx) error { return nil }, nil)
}

// addTeacher checks a new teacher's name and password, hashes the
// password (slow: outside the transaction), and stores the teacher in a
// transaction that first runs check, and then after (when not nil).
func (s *Store) addTeacher(ctx context.Context, what, name, password string, check func(*sql.Tx) error, after func(*sql.Tx, Teacher) error) (Teacher, error) {
	now := s.now()
	name, err := CleanTeacherName(name)
	if err == nil {
		err = CheckNewPassword(password)
	}
	if err != nil {
		return Teacher{}, fmt.Errorf("db: %s: %w", what, err)
	}
	var hash string
	if err := s.hashing(ctx, func() { hash = hashPassword(password) }); err != nil {
		return Teacher{}, fmt.Errorf("db: %s: %w", what, err)
	}
	var t Teacher
	err = s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := check(tx); err != nil {
			return err
		}
		var err error
		if t, err = s.insertTeacher(ctx, tx, name, hash, now); err != nil || after == nil {
			return err
		}
		return after(tx, t)
	})
	if err != nil {
		return Teacher{}, fmt.Errorf("db: %s: %w", what, err)
	}
	return t, nil
}

func (s *Store) insertTeacher(ctx context.Context, tx *sql.Tx, name, hash string, now time.Time) (Teacher, error) {
	// Names are unique whatever their case (a unique index on each
	// engine): a name taken, even by a teacher made at this very moment
	// on another server, inserts nothing. The first teacher is an admin:
	// someone must be able to invite the others. On PostgreSQL two
	// teachers made at once on an empty site would each see no other
	// teacher under READ COMMITTED and both be admins: the lock makes the
	// second wait for the first's commit, and its insert (a statement of
	// its own, so with a fresh snapshot) then sees the first. Teachers
	// are made rarely, so one lock for all of them costs nothing.
	if err := s.lockNames(ctx, tx, "new teacher"); err != nil {
		return Teacher{}, err
	}
	var (
		id    int64
		admin bool
	)
	err := tx.QueryRowContext(ctx, `INSERT INTO teachers (name, password_hash, created_at, admin)
		VALUES (?, ?, ?, CASE WHEN EXISTS (SELECT 1 FROM teachers) THEN 0 ELSE 1 END)
		ON CONFLICT DO NOTHING RETURNING id, admin`,
		name, hash, now.UTC()).Scan(&id, &admin)
	if errors.Is(err, sql.ErrNoRows) {
		return Teacher{}, invalid("a teacher named %q already exists", name)
	}
	if err != nil {
		return Teacher{}, err
	}
	// Whoever made the first teacher, the setup link is spent.
	if _, err := tx.ExecContext(ctx, "DELETE FROM setup_tokens"); err != nil {
		return Teacher{}, err
	}
	return Teacher{ID: id, Name: name, Admin: admin, CreatedAt: now.UTC()}, nil
}

// SetTeacherPassword changes a teacher's password and ends their logins
// everywhere.
func (s *Store) SetTeacherPassword(ctx context.Context, name, password string) error {
	if err := CheckNewPassword(password); err != nil {
		return fmt.Errorf("db: set password: %w", err)
	}
	var hash string
	if err := s.hashing(ctx, func() { hash = hashPassword(password) }); err != nil {
		return fmt.Errorf("db: set password: %w", err)
	}
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, "SELECT id FROM teachers WHERE lower(name) = lower(?)", strings.TrimSpace(name)).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return questions.ErrNotFound
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE teachers SET password_hash = ? WHERE id = ?", hash, id); err != nil {
			return err
		}
		return endTeacherLogins(ctx, tx, id)
	})
	if err != nil {
		return fmt.Errorf("db: set password of %q: %w", name, err)
	}
	return nil
}

// ErrDisabled refuses the login of a teacher whose account an admin
// disabled; it is told only to someone who gave the right password.
var ErrDisabled = questions.Errorf(questions.CodeForbidden, "this account is disabled: ask an admin of this site to enable it")

// Authenticate returns the teacher whose name and password these are, or
// questions.ErrUnauthorized; a disabled account, ErrDisabled (told only
// to someone who gave the right password). A password longer than any a
// teacher can have is refused before anything is looked up; an unknown
// name is checked against a stand-in hash, with the same work under the
// same budget as a real one (see hashing), so that neither tells which
// names exist by the time it takes. With the budget full, it gives an
// error of code questions.CodeUnavailable.
func (s *Store) Authenticate(ctx context.Context, name, password string) (Teacher, error) {
	if len(password) > MaxPasswordLen {
		return Teacher{}, errBadLogin
	}
	var (
		t        Teacher
		hash     string
		disabled bool
	)
	name = strings.Join(strings.Fields(name), " ")
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, "SELECT id, name, password_hash, created_at, admin, disabled_at IS NOT NULL FROM teachers WHERE lower(name) = lower(?)", name).
			Scan(&t.ID, &t.Name, &hash, &t.CreatedAt, &t.Admin, &disabled)
	})
	known := err == nil
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	if err != nil {
		return Teacher{}, fmt.Errorf("db: authenticate: %w", err)
	}
	var right bool
	err = s.hashing(ctx, func() {
		if known {
			right = checkPassword(hash, password)
		} else {
			checkPassword(dummyHash(), password)
		}
	})
	switch {
	case err != nil:
		return Teacher{}, fmt.Errorf("db: authenticate: %w", err)
	case !right:
		return Teacher{}, errBadLogin
	case disabled:
		return Teacher{}, ErrDisabled
	}
	t.CreatedAt = t.CreatedAt.UTC()
	return t, nil
}

// TeacherCount says how many teacher accounts there are.
func (s *Store) TeacherCount(ctx context.Context) (int, error) {
	var n int
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM teachers").Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("db: count teachers: %w", err)
	}
	return n, nil
}

// CreateSetupToken returns a new one-time token for creating the first
// teacher, valid for ttl; any earlier token stops working. Once a teacher
// exists there is no setup: it gives questions.ErrConflict.
func (s *Store) CreateSetupToken(ctx context.Context, ttl time.Duration) (string, error) {
	now := s.now()
	var b [32]byte
	rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM teachers").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return conflict("a teacher account exists already")
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM setup_tokens"); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (?, ?, ?)",
			hashToken(token), now.UTC(), now.Add(ttl).UTC())
		return err
	})
	if err != nil {
		return "", fmt.Errorf("db: create setup token: %w", err)
	}
	return token, nil
}

func setupTokenValid(ctx context.Context, tx *sql.Tx, token string, now time.Time) error {
	var expires time.Time
	err := tx.QueryRowContext(ctx, "SELECT expires_at FROM setup_tokens WHERE token_hash = ?", hashToken(token)).Scan(&expires)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !now.Before(expires)) {
		return questions.ErrNotFound
	}
	return err
}

// CheckSetupToken reports whether token is a live setup token
// (questions.ErrNotFound if it is unknown, used or expired).
func (s *Store) CheckSetupToken(ctx context.Context, token string) error {
	now := s.now()
	err := s.inRead(ctx, func(tx *sql.Tx) error { return setupTokenValid(ctx, tx, token, now) })
	if err != nil {
		return fmt.Errorf("db: setup token: %w", err)
	}
	return nil
}

// SetupFirstTeacher spends a setup token to create the first teacher.
// An unknown, used or expired token gives questions.ErrNotFound.
func (s *Store) SetupFirstTeacher(ctx context.Context, token, name, password string) (Teacher, error) {
	return s.addTeacher(ctx, "setup", name, password, func(tx *sql.Tx) error {
		// The token is spent first, by a delete that counts: of two
		// setups with one token at once (on two servers), the second
		// waits for the first, then finds nothing to delete.
		res, err := tx.ExecContext(ctx, "DELETE FROM setup_tokens WHERE token_hash = ? AND expires_at > ?", hashToken(token), s.now().UTC())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmp.Or(err, error(questions.ErrNotFound))
		}
		return nil
	}, nil)
}
