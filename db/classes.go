package db

import (
	"context"
	"database/sql"
	"errors"
	"factdrill/questions"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Class is a teacher's class: the students who joined it with its code,
// and the sets assigned to it.
type Class struct {
	ID        int64
	TeacherID int64
	Name      string
	// JoinCode is what students type to join: six characters of the
	// resume code's alphabet, shown as "ABC-123".
	JoinCode string
	// Open is true when students may join with the join code; false when
	// only the teachers add them, to the roster.
	Open bool
	// Owner is the name of the teacher who made the class (TeacherID),
	// who alone may delete or share it.
	Owner   string
	Members int
	// Rostered counts the members the teachers added to the roster.
	Rostered  int
	Assigned  int
	CreatedAt time.Time
}

// teaches is the SQL condition that a teacher (its one argument) teaches
// the class c: owns it, or has had it shared with them.
const teaches = "c.id IN (SELECT class_id FROM class_teachers WHERE teacher_id = ?)"

// joinCodeLen is the length of a join code: 30 bits, with the guessing of
// codes slowed by the web layer's rate limit, and nothing but a place in a
// class to win by a guess.
const joinCodeLen = 6

// NormalizeJoinCode turns a join code as typed into its stored form (see
// normalizeCode); "" for text that cannot be a code.
func NormalizeJoinCode(s string) string { return normalizeCode(s, joinCodeLen) }

// FormatJoinCode shows a stored join code in two groups of three.
func FormatJoinCode(code string) string {
	if len(code) != joinCodeLen {
		return code
	}
	return code[:3] + "-" + code[3:]
}

// MaxClassNameLen is the longest class name, in characters.
const MaxClassNameLen = 80

// CleanClassName trims a class name as typed and checks it: not empty, at
// most MaxClassNameLen characters of valid text, no control characters.
func CleanClassName(name string) (string, error) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return "", invalid("the class needs a name")
	}
	if len([]rune(name)) > MaxClassNameLen {
		return "", invalid("the name is longer than %d characters", MaxClassNameLen)
	}
	if !utf8.ValidString(name) {
		return "", invalid("the name is not valid text")
	}
	for _, r := range name {
		if r < ' ' || r == 0x7f {
			return "", invalid("the name has a control character")
		}
	}
	return name, nil
}

// CreateClass makes a class for the teacher with a fresh join code.
func (s *Store) CreateClass(ctx context.Context, teacherID int64, name string) (Class, error) {
	now := s.now()
	name, err := CleanClassName(name)
	if err != nil {
		return Class{}, fmt.Errorf("db: create class: %w", err)
	}
	c := Class{TeacherID: teacherID, Name: name, CreatedAt: now.UTC()}
	err = s.inWrite(ctx, func(tx *sql.Tx) error {
		// A code taken (by now, or by a class made meanwhile on another
		// server) inserts nothing, and another is drawn.
		for {
			c.JoinCode = newCode(joinCodeLen)
			err := tx.QueryRowContext(ctx, `INSERT INTO classes (teacher_id, name, join_code, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (join_code) DO NOTHING RETURNING id, open`, teacherID, name, c.JoinCode, now.UTC()).Scan(&c.ID, &c.Open)
			if err == nil {
				break
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO class_teachers (class_id, teacher_id, role, added_at) VALUES (?, ?, 'owner', ?)",
			c.ID, teacherID, now.UTC())
		return err
	})
	if err != nil {
		return Class{}, fmt.Errorf("db: create class: %w", err)
	}
	return c, nil
}

const classSelect = `SELECT c.id, c.teacher_id, c.name, c.join_code, c.open, c.created_at,
	(SELECT t.name FROM teachers t WHERE t.id = c.teacher_id),
	(SELECT count(*) FROM class_members m WHERE m.class_id = c.id),
	(SELECT count(*) FROM class_members m WHERE m.class_id = c.id AND m.rostered = 1),
	(SELECT count(*) FROM assignments a WHERE a.class_id = c.id)
	FROM classes c`

func scanClass(row scanner) (Class, error) {
	var c Class
	err := row.Scan(&c.ID, &c.TeacherID, &c.Name, &c.JoinCode, &c.Open, &c.CreatedAt, &c.Owner, &c.Members, &c.Rostered, &c.Assigned)
	if errors.Is(err, sql.ErrNoRows) {
		return Class{}, questions.ErrNotFound
	}
	c.CreatedAt = c.CreatedAt.UTC()
	return c, err
}

func queryClasses(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]Class, error) {
	return queryAll(ctx, tx, scanClass, classSelect+where, args...)
}

// TeacherClasses lists the classes the teacher teaches (their own and
// those shared with them) by name.
func (s *Store) TeacherClasses(ctx context.Context, teacherID int64) ([]Class, error) {
	return read(ctx, s, fmt.Sprintf("classes of teacher %d", teacherID), func(tx *sql.Tx) ([]Class, error) {
		return queryClasses(ctx, tx, " WHERE "+teaches+" ORDER BY c.name, c.id", teacherID)
	})
}

// Class returns a class the teacher teaches, with the given id; a class
// of other teachers' gives questions.ErrNotFound, as a missing one does.
func (s *Store) Class(ctx context.Context, teacherID, id int64) (Class, error) {
	return read(ctx, s, fmt.Sprintf("class %d", id), func(tx *sql.Tx) (Class, error) {
		return scanClass(tx.QueryRowContext(ctx, classSelect+" WHERE c.id = ? AND "+teaches, id, teacherID))
	})
}

// RenameClass renames the teacher's class.
func (s *Store) RenameClass(ctx context.Context, teacherID, id int64, name string) error {
	name, err := CleanClassName(name)
	if err != nil {
		return fmt.Errorf("db: rename class: %w", err)
	}
	return s.changeOne(ctx, fmt.Sprintf("rename class %d", id), "UPDATE classes SET name = ? WHERE id = ? AND teacher_id = ?", name, id, teacherID)
}

// DeleteClass deletes the teacher's class with its memberships,
// assignments and the attempts made for them.
func (s *Store) DeleteClass(ctx context.Context, teacherID, id int64) error {
	return s.deleteWithAttempts(ctx, fmt.Sprintf("delete class %d", id),
		"a.assignment_id IN (SELECT g.id FROM assignments g WHERE g.class_id = ?)", []any{id},
		"DELETE FROM classes WHERE id = ? AND teacher_id = ?", id, teacherID)
}

// Errors of joining a class with its code.
var (
	// ErrRosterOnly refuses a join to a class kept to its roster.
	ErrRosterOnly = questions.Errorf(questions.CodeForbidden, "this class is joined with the personal sign-in code your teacher gives you, not with the class code")
	// ErrOnRoster refuses a join under the name of a rostered student.
	ErrOnRoster = questions.Errorf(questions.CodeConflict, "a student with this name is on the class's roster: if that is you, sign in with the code your teacher gave you")
)

// JoinClass makes the learner a member of the class whose join code is
// code (as typed), and names the learner name unless it is empty. An
// unknown code gives questions.ErrNotFound; joining twice is not an
// error. A class kept to its roster refuses anyone not on it
// (ErrRosterOnly); a name that a student the teachers rostered has is
// refused (ErrOnRoster), since that student has a code to sign in with.
// A name that a student who joined by themselves has is let in: the two
// show to the teachers as possible duplicates (DuplicateMembers), whom they
// may merge.
func (s *Store) JoinClass(ctx context.Context, learnerID int64, code, name string) (Class, error) {
	now := s.now()
	name, err := CleanName(name)
	if err != nil {
		return Class{}, fmt.Errorf("db: join class: %w", err)
	}
	code = NormalizeJoinCode(code)
	if code == "" {
		return Class{}, fmt.Errorf("db: join class: %w", questions.ErrNotFound)
	}
	var c Class
	err = s.inWrite(ctx, func(tx *sql.Tx) error {
		var err error
		if c, err = scanClass(tx.QueryRowContext(ctx, classSelect+" WHERE c.join_code = ?", code)); err != nil {
			return err
		}
		if err := lockClassTx(ctx, tx, c.ID); err != nil {
			return err
		}
		var member int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM class_members WHERE class_id = ? AND learner_id = ?", c.ID, learnerID).Scan(&member); err != nil {
			return err
		}
		if !c.Open && member == 0 {
			return ErrRosterOnly
		}
		rostered, err := memberNames(ctx, tx, c.ID, true)
		if err != nil {
			return err
		}
		if id, ok := rostered[nameKey(name)]; ok && name != "" && id != learnerID {
			return ErrOnRoster
		}
		if name != "" {
			if _, err := tx.ExecContext(ctx, "UPDATE learners SET name = ? WHERE id = ?", name, learnerID); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO class_members (class_id, learner_id, joined_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
			c.ID, learnerID, now.UTC())
		return err
	})
	if err != nil {
		return Class{}, fmt.Errorf("db: join class: %w", err)
	}
	return c, nil
}

// LearnerClasses lists the classes the learner has joined.
func (s *Store) LearnerClasses(ctx context.Context, learnerID int64) ([]Class, error) {
	return read(ctx, s, fmt.Sprintf("classes of learner %d", learnerID), func(tx *sql.Tx) ([]Class, error) {
		return queryClasses(ctx, tx, " JOIN class_members m ON m.class_id = c.id WHERE m.learner_id = ? ORDER BY m.joined_at", learnerID)
	})
}

// RemoveMember takes a learner out of a class the teacher teaches; their
// attempts stay in the results.
func (s *Store) RemoveMember(ctx context.Context, teacherID, classID, learnerID int64) error {
	return s.changeOne(ctx, fmt.Sprintf("remove learner %d from class %d", learnerID, classID), `DELETE FROM class_members
		WHERE learner_id = ? AND class_id = (SELECT c.id FROM classes c WHERE c.id = ? AND `+teaches+`)`, learnerID, classID, teacherID)
}

// ClassByJoinCode returns the class whose join code is code, as typed.
func (s *Store) ClassByJoinCode(ctx context.Context, code string) (Class, error) {
	code = NormalizeJoinCode(code)
	if code == "" {
		return Class{}, fmt.Errorf("db: join code: %w", questions.ErrNotFound)
	}
	return read(ctx, s, "join code", func(tx *sql.Tx) (Class, error) {
		return scanClass(tx.QueryRowContext(ctx, classSelect+" WHERE c.join_code = ?", code))
	})
}
