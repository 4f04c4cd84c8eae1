package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// Feedback settings of an assignment.
const (
	// FeedbackAfter shows the right answers once the attempt is finished.
	FeedbackAfter = "after"
	// FeedbackDuring shows whether each answer is right as soon as it is
	// saved, and the right answers again at the end.
	FeedbackDuring = "during"
)

// QuizSettings are how a class takes an assigned set.
type QuizSettings struct {
	// Draw is the number of questions drawn at random for each attempt;
	// 0 (or more than the set has) asks them all.
	Draw int
	// Shuffle asks the questions in a new random order in each attempt.
	Shuffle bool
	// MaxAttempts is the number of attempts a student may make; 0 is no
	// limit.
	MaxAttempts int
	// Feedback is FeedbackAfter or FeedbackDuring.
	Feedback string
}

// Problems says, for each setting out of range, what is wrong with it, by
// the name forms give it ("draw", "attempts", "feedback"); nil if all are
// fine.
func (q QuizSettings) Problems() map[string]string {
	p := map[string]string{}
	if q.Draw < 0 || q.Draw > 10000 {
		p["draw"] = "the number of questions drawn must be between 0 (all) and 10000"
	}
	if q.MaxAttempts < 0 || q.MaxAttempts > 1000 {
		p["attempts"] = "the attempts allowed must be between 0 (no limit) and 1000"
	}
	if q.Feedback != FeedbackAfter && q.Feedback != FeedbackDuring {
		p["feedback"] = fmt.Sprintf("feedback is shown %q or %q", FeedbackAfter, FeedbackDuring)
	}
	if len(p) == 0 {
		return nil
	}
	return p
}

// Check is Problems as one invalid-input error, naming the first problem.
func (q QuizSettings) Check() error {
	p := q.Problems()
	for _, f := range []string{"draw", "attempts", "feedback"} {
		if msg, ok := p[f]; ok {
			return invalid("%s", msg)
		}
	}
	return nil
}

// Assignment is a set given to a class, with its quiz settings.
type Assignment struct {
	ID        int64
	ClassID   int64
	SetID     int64
	SetTitle  string
	Questions int  // in the set
	Published bool // the set's state: an unpublished set cannot be taken
	QuizSettings
	CreatedAt time.Time
}

const assignmentSelect = `SELECT g.id, g.class_id, g.set_id, s.title, (SELECT count(*) FROM set_questions sq WHERE sq.set_id = s.id),
	s.published, g.draw, g.shuffle, g.max_attempts, g.feedback, g.created_at
	FROM assignments g JOIN sets s ON s.id = g.set_id JOIN classes c ON c.id = g.class_id`

func scanAssignment(row scanner) (Assignment, error) {
	var a Assignment
	err := row.Scan(&a.ID, &a.ClassID, &a.SetID, &a.SetTitle, &a.Questions, &a.Published,
		&a.Draw, &a.Shuffle, &a.MaxAttempts, &a.Feedback, &a.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Assignment{}, questions.ErrNotFound
	}
	a.CreatedAt = a.CreatedAt.UTC()
	return a, err
}

func queryAssignments(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]Assignment, error) {
	return queryAll(ctx, tx, scanAssignment, assignmentSelect+where, args...)
}

// Assign gives the teacher's class a set: one of the teacher's own, or a
// published set of no teacher's. Assigning a set again changes its
// settings.
func (s *Store) Assign(ctx context.Context, teacherID, classID, setID int64, q QuizSettings) (int64, error) {
	now := s.now()
	if err := q.Check(); err != nil {
		return 0, fmt.Errorf("db: assign: %w", err)
	}
	var id int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		var ok int
		err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM classes c WHERE c.id = ? AND `+teaches+`) *
			(SELECT count(*) FROM sets WHERE id = ? AND (owner_id = ? OR (owner_id IS NULL AND published = 1)))`,
			classID, teacherID, setID, teacherID).Scan(&ok)
		if err != nil {
			return err
		}
		if ok == 0 {
			return questions.ErrNotFound
		}
		return tx.QueryRowContext(ctx, `INSERT INTO assignments (class_id, set_id, draw, shuffle, max_attempts, feedback, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (class_id, set_id) DO UPDATE SET draw = excluded.draw, shuffle = excluded.shuffle,
				max_attempts = excluded.max_attempts, feedback = excluded.feedback
			RETURNING id`, classID, setID, q.Draw, q.Shuffle, q.MaxAttempts, q.Feedback, now.UTC()).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("db: assign set %d to class %d: %w", setID, classID, err)
	}
	return id, nil
}

// Assignment returns one of the teacher's assignments.
func (s *Store) Assignment(ctx context.Context, teacherID, id int64) (Assignment, error) {
	return read(ctx, s, fmt.Sprintf("assignment %d", id), func(tx *sql.Tx) (Assignment, error) {
		return scanAssignment(tx.QueryRowContext(ctx, assignmentSelect+" WHERE g.id = ? AND "+teaches, id, teacherID))
	})
}

// Unassign takes a set away from the teacher's class, with the attempts
// made for it.
func (s *Store) Unassign(ctx context.Context, teacherID, assignmentID int64) error {
	return s.deleteWithAttempts(ctx, fmt.Sprintf("unassign %d", assignmentID), "a.assignment_id = ?", []any{assignmentID},
		`DELETE FROM assignments WHERE id = ? AND class_id IN (SELECT class_id FROM class_teachers WHERE teacher_id = ?)`, assignmentID, teacherID)
}

// ClassAssignments lists the sets assigned to the teacher's class, in the
// order they were assigned.
func (s *Store) ClassAssignments(ctx context.Context, teacherID, classID int64) ([]Assignment, error) {
	return read(ctx, s, fmt.Sprintf("assignments of class %d", classID), func(tx *sql.Tx) ([]Assignment, error) {
		return queryAssignments(ctx, tx, " WHERE g.class_id = ? AND "+teaches+" ORDER BY g.id", classID, teacherID)
	})
}

// LearnerAssignment is an assigned set as the student sees it, with how
// far they are with it.
type LearnerAssignment struct {
	Assignment
	ClassName string
	// Used counts the learner's attempts, Finished those handed in.
	Used, Finished int
	// OpenID is the learner's unfinished attempt, 0 for none.
	OpenID int64
	// Best is the best percentage of a finished attempt, -1 for none.
	Best int
}

// Left is the number of attempts the learner may still start; -1 is no
// limit.
func (a LearnerAssignment) Left() int {
	if a.MaxAttempts == 0 {
		return -1
	}
	return max(0, a.MaxAttempts-a.Used)
}

// LearnerAssignments lists what the classes the learner joined have been
// given, with the learner's progress. With classID non-zero, only that
// class's; a class the learner is not in gives questions.ErrNotFound.
func (s *Store) LearnerAssignments(ctx context.Context, learnerID, classID int64) ([]LearnerAssignment, error) {
	var out []LearnerAssignment
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		if classID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM class_members WHERE class_id = ? AND learner_id = ?", classID, learnerID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return questions.ErrNotFound
			}
		}
		as, err := queryAssignments(ctx, tx, ` JOIN class_members m ON m.class_id = g.class_id
			WHERE m.learner_id = ? AND (? = 0 OR g.class_id = ?) ORDER BY g.class_id, g.id`, learnerID, classID, classID)
		if err != nil {
			return err
		}
		for _, a := range as {
			la := LearnerAssignment{Assignment: a, Best: -1}
			if err := tx.QueryRowContext(ctx, "SELECT name FROM classes WHERE id = ?", a.ClassID).Scan(&la.ClassName); err != nil {
				return err
			}
			rows, err := tx.QueryContext(ctx, `SELECT id, finished_at IS NOT NULL, coalesce(score, 0), coalesce(max_score, 0)
				FROM attempts WHERE assignment_id = ? AND learner_id = ? ORDER BY id`, a.ID, learnerID)
			if err != nil {
				return err
			}
			for rows.Next() {
				var (
					id       int64
					finished bool
					points   float64
					maxScore float64
				)
				if err := rows.Scan(&id, &finished, &points, &maxScore); err != nil {
					rows.Close()
					return err
				}
				la.Used++
				if !finished {
					la.OpenID = id
					continue
				}
				la.Finished++
				la.Best = max(la.Best, quiz.Score{Points: points, Max: maxScore}.Percent())
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			out = append(out, la)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("db: assignments of learner %d: %w", learnerID, err)
	}
	return out, nil
}

// StartClassAttempt returns the learner's open attempt for the assignment,
// or starts one by the assignment's settings: Draw questions drawn at
// random (all when Draw is 0), in the set's order unless Shuffle. A
// learner outside the class, or a set not published, gives questions.ErrNotFound;
// no attempts left gives an invalid-input error saying so.
func (s *Store) StartClassAttempt(ctx context.Context, learnerID, assignmentID int64) (Attempt, error) {
	now := s.now()
	var id int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = startClassAttempt(ctx, tx, learnerID, assignmentID, now)
		return err
	})
	if err != nil {
		return Attempt{}, fmt.Errorf("db: start class attempt: %w", err)
	}
	return s.Attempt(ctx, learnerID, id)
}

// startClassAttempt is StartClassAttempt in tx; it returns the attempt's id.
func startClassAttempt(ctx context.Context, tx *sql.Tx, learnerID, assignmentID int64, now time.Time) (int64, error) {
	var id int64
	a, err := scanAssignment(tx.QueryRowContext(ctx, assignmentSelect+` JOIN class_members m ON m.class_id = g.class_id
		WHERE g.id = ? AND m.learner_id = ?`, assignmentID, learnerID))
	if err != nil {
		return 0, err
	}
	if !a.Published {
		return 0, questions.ErrNotFound
	}
	var used int
	err = tx.QueryRowContext(ctx, `SELECT count(*), coalesce(max(CASE WHEN finished_at IS NULL THEN id END), 0)
		FROM attempts WHERE assignment_id = ? AND learner_id = ?`, assignmentID, learnerID).Scan(&used, &id)
	if err != nil || id != 0 {
		return id, err
	}
	if a.MaxAttempts > 0 && used >= a.MaxAttempts {
		return 0, invalid("you have used all %d attempts at this quiz", a.MaxAttempts)
	}
	qs, err := setVersionsTx(ctx, tx, a.SetID)
	if err != nil {
		return 0, err
	}
	return insertAttemptTx(ctx, tx, learnerID, a.SetID, assignmentID, drawQuestions(qs, a.Draw, a.Shuffle), now)
}

// drawQuestions picks n of ids at random (all for n of 0 or more than
// there are), keeping their order unless shuffle.
func drawQuestions[T any](ids []T, n int, shuffle bool) []T {
	idx := make([]int, len(ids))
	for i := range idx {
		idx[i] = i
	}
	if n > 0 && n < len(ids) {
		rand.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		idx = idx[:n]
		if !shuffle {
			slices.Sort(idx)
		}
	} else if shuffle {
		rand.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	}
	out := make([]T, len(idx))
	for i, k := range idx {
		out[i] = ids[k]
	}
	return out
}
