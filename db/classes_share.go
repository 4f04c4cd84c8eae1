package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"factdrill/questions"
)

// A class's owner may share it with co-teachers: a co-teacher sees and
// does what the owner does with the class (its roster, results, exports,
// assignments, merges) except delete, rename or share it, and sees
// nothing else of the owner's: not their other classes, nor their sets
// beyond the titles and questions the class's results show.

// ClassTeacher is one of the teachers of a class.
type ClassTeacher struct {
	Teacher
	// Owner is true for the teacher who made the class.
	Owner   bool
	AddedAt time.Time
}

// ClassTeachers lists the teachers of a class the teacher teaches, the
// owner first.
func (s *Store) ClassTeachers(ctx context.Context, teacherID, classID int64) ([]ClassTeacher, error) {
	return read(ctx, s, fmt.Sprintf("teachers of class %d", classID), func(tx *sql.Tx) ([]ClassTeacher, error) {
		if _, err := taughtClass(ctx, tx, teacherID, classID); err != nil {
			return nil, err
		}
		return queryAll(ctx, tx, func(row scanner) (ClassTeacher, error) {
			var t ClassTeacher
			err := row.Scan(&t.ID, &t.Name, &t.Owner, &t.AddedAt)
			t.AddedAt = t.AddedAt.UTC()
			return t, err
		}, `SELECT t.id, t.name, ct.role = 'owner', ct.added_at FROM class_teachers ct JOIN teachers t ON t.id = ct.teacher_id
			WHERE ct.class_id = ? ORDER BY ct.role = 'owner' DESC, lower(t.name)`, classID)
	})
}

// ownedClass returns the class if the teacher owns it; else
// questions.ErrNotFound.
func ownedClass(ctx context.Context, tx *sql.Tx, teacherID, classID int64) (Class, error) {
	return scanClass(tx.QueryRowContext(ctx, classSelect+" WHERE c.id = ? AND c.teacher_id = ?", classID, teacherID))
}

// ShareClass shares the owner's class with the teacher named name (as
// they log in, whatever its case). An unknown or disabled name is an
// invalid input, so that the form can say so; sharing twice is not an
// error.
func (s *Store) ShareClass(ctx context.Context, ownerID, classID int64, name string) (Teacher, error) {
	now := s.now()
	var t Teacher
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		c, err := ownedClass(ctx, tx, ownerID, classID)
		if err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, "SELECT id, name FROM teachers WHERE lower(name) = lower(?) AND disabled_at IS NULL",
			strings.Join(strings.Fields(name), " ")).Scan(&t.ID, &t.Name)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return invalid("no teacher is called %q here: type the name they log in with", strings.TrimSpace(name))
		case err != nil:
			return err
		case t.ID == ownerID:
			return invalid("the class is yours already")
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO class_teachers (class_id, teacher_id, role, added_at) VALUES (?, ?, 'co', ?)
			ON CONFLICT (class_id, teacher_id) DO NOTHING`, classID, t.ID, now.UTC())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		return audit(ctx, tx, ownerID, AuditShare, fmt.Sprintf("class %s with %s", c.Name, t.Name), "", now)
	})
	if err != nil {
		return Teacher{}, fmt.Errorf("db: share class %d: %w", classID, err)
	}
	return t, nil
}

// UnshareClass takes a co-teacher off a class: its owner may take anyone
// off, and a co-teacher may leave.
func (s *Store) UnshareClass(ctx context.Context, teacherID, classID, coTeacherID int64) error {
	now := s.now()
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		c, err := taughtClass(ctx, tx, teacherID, classID)
		if err != nil {
			return err
		}
		if c.TeacherID != teacherID && coTeacherID != teacherID {
			return questions.ErrNotFound
		}
		name, err := teacherName(ctx, tx, coTeacherID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM class_teachers WHERE class_id = ? AND teacher_id = ? AND role = 'co'", classID, coTeacherID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmpErr(err, questions.ErrNotFound)
		}
		return audit(ctx, tx, teacherID, AuditUnshare, fmt.Sprintf("class %s with %s", c.Name, name), "", now)
	})
	if err != nil {
		return fmt.Errorf("db: unshare class %d: %w", classID, err)
	}
	return nil
}
