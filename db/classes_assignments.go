package db

import (
	"cmp"
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

// Feedback settings of an assignment: its question behaviour, as Moodle
// calls it.
const (
	// FeedbackAfter marks the answers once the attempt is finished
	// (Moodle's deferred feedback): answers may change until then.
	FeedbackAfter = "after"
	// FeedbackDuring checks each answer as soon as it is saved, showing
	// what the review rules allow during the attempt, and the answer
	// stands (Moodle's immediate feedback).
	FeedbackDuring = "during"
)

// QuizSettings are how a class takes an assigned set. The zero value of
// each field is the usual choice: all questions in the set's order,
// options shuffled, no limits, feedback at the end, everything shown
// once the attempt is finished.
type QuizSettings struct {
	// Draw is the number of questions drawn at random for each attempt;
	// 0 (or more than the set has) asks them all.
	Draw int
	// Shuffle asks the questions in a new random order in each attempt.
	Shuffle bool
	// KeepOptionOrder shows every question's options in the written
	// order; by default each attempt shuffles them (see quiz.OptionOrder).
	KeepOptionOrder bool
	// MaxAttempts is the number of attempts a student may make; 0 is no
	// limit.
	MaxAttempts int
	// Feedback is FeedbackAfter or FeedbackDuring.
	Feedback string
	// TimeLimit is how long an attempt may last; 0 is no limit.
	TimeLimit time.Duration
	// Opens and Closes bound when attempts may be started and answered
	// (zero: no bound); Due is the date students are told (zero: none).
	Opens, Closes, Due time.Time
	// Hide is what the review rules hold back: Review is everything else.
	Hide quiz.ReviewRules
}

// Review is what the settings' review rules show.
func (q QuizSettings) Review() quiz.ReviewRules { return quiz.AllReview &^ q.Hide }

// MaxTimeLimit is the longest time limit an assignment may have.
const MaxTimeLimit = 24 * time.Hour

// Problems says, for each setting out of range, what is wrong with it, by
// the name forms give it ("draw", "attempts", "feedback", "time_limit",
// "closes", "due"); nil if all are fine.
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
	if q.TimeLimit < 0 || q.TimeLimit > MaxTimeLimit {
		p["time_limit"] = "the time limit must be between 0 (none) and 24 hours"
	}
	if !q.Opens.IsZero() && !q.Closes.IsZero() && !q.Closes.After(q.Opens) {
		p["closes"] = "the quiz must close after it opens"
	}
	if !q.Due.IsZero() && !q.Opens.IsZero() && q.Due.Before(q.Opens) {
		p["due"] = "the due date must not be before the quiz opens"
	}
	if q.Hide&^quiz.AllReview != 0 {
		p["review"] = "unknown review rules"
	}
	if len(p) == 0 {
		return nil
	}
	return p
}

// Check is Problems as one invalid-input error, naming the first problem.
func (q QuizSettings) Check() error {
	p := q.Problems()
	for _, f := range []string{"draw", "attempts", "feedback", "time_limit", "closes", "due", "review"} {
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

// OpenAt reports whether attempts may be started and answered at now.
func (a Assignment) OpenAt(now time.Time) bool {
	return (a.Opens.IsZero() || !now.Before(a.Opens)) && (a.Closes.IsZero() || now.Before(a.Closes))
}

const assignmentSelect = `SELECT g.id, g.class_id, g.set_id, s.title, (SELECT count(*) FROM set_questions sq WHERE sq.set_id = s.id),
	s.published, g.draw, g.shuffle, g.keep_option_order, g.max_attempts, g.feedback, g.time_limit, g.opens_at, g.closes_at, g.due_at,
	g.review_hide, g.created_at
	FROM assignments g JOIN sets s ON s.id = g.set_id JOIN classes c ON c.id = g.class_id`

func scanAssignment(row scanner) (Assignment, error) {
	var (
		a                  Assignment
		limit              int64
		opens, closes, due sql.NullTime
		hide               int64
	)
	err := row.Scan(&a.ID, &a.ClassID, &a.SetID, &a.SetTitle, &a.Questions, &a.Published,
		&a.Draw, &a.Shuffle, &a.KeepOptionOrder, &a.MaxAttempts, &a.Feedback, &limit, &opens, &closes, &due, &hide, &a.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Assignment{}, questions.ErrNotFound
	}
	a.TimeLimit = time.Duration(limit) * time.Second
	a.Opens, a.Closes, a.Due = timeOf(opens), timeOf(closes), timeOf(due)
	a.Hide = quiz.ReviewRules(hide)
	a.CreatedAt = a.CreatedAt.UTC()
	return a, err
}

func queryAssignments(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]Assignment, error) {
	return queryAll(ctx, tx, scanAssignment, assignmentSelect+where, args...)
}

// settingsArgs are the settings as the assignments table's columns take
// them: draw, shuffle, keep_option_order, max_attempts, feedback,
// time_limit, opens_at, closes_at, due_at, review_hide.
func settingsArgs(q QuizSettings) []any {
	return []any{q.Draw, boolInt(q.Shuffle), boolInt(q.KeepOptionOrder), q.MaxAttempts, q.Feedback, int64(q.TimeLimit / time.Second),
		nullTime(q.Opens), nullTime(q.Closes), nullTime(q.Due), int(q.Hide)}
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
		if err := tx.QueryRowContext(ctx, `INSERT INTO assignments (class_id, set_id, draw, shuffle, keep_option_order, max_attempts, feedback,
				time_limit, opens_at, closes_at, due_at, review_hide, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (class_id, set_id) DO UPDATE SET draw = excluded.draw, shuffle = excluded.shuffle,
				keep_option_order = excluded.keep_option_order, max_attempts = excluded.max_attempts, feedback = excluded.feedback,
				time_limit = excluded.time_limit, opens_at = excluded.opens_at, closes_at = excluded.closes_at, due_at = excluded.due_at,
				review_hide = excluded.review_hide
			RETURNING id`, append(append([]any{classID, setID}, settingsArgs(q)...), now.UTC())...).Scan(&id); err != nil {
			return err
		}
		_, err = moveDeadlinesTx(ctx, tx, id, 0, now)
		return err
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
	// OpenID is the learner's unfinished attempt, 0 for none, and
	// OpenDeadline its deadline (zero: none).
	OpenID       int64
	OpenDeadline time.Time
	// Best is the best percentage of a finished attempt, -1 for none;
	// BestPending is set when an answer of that attempt waits for a mark.
	Best        int
	BestPending bool
	// Extra is what the teacher gave this learner beyond the settings.
	Extra Override
}

// Left is the number of attempts the learner may still start; -1 is no
// limit.
func (a LearnerAssignment) Left() int {
	if a.MaxAttempts == 0 {
		return -1
	}
	return max(0, a.MaxAttempts+a.Extra.Attempts-a.Used)
}

// CanStart reports whether the learner may start (or go on with) an
// attempt at now: the quiz is published and open, and an attempt is open
// or left.
func (a LearnerAssignment) CanStart(now time.Time) bool {
	return a.Published && a.OpenAt(now) && (a.OpenID != 0 || a.Left() != 0)
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
		var err error
		out, err = learnerAssignmentsTx(ctx, tx, learnerID, " AND (? = 0 OR g.class_id = ?)", classID, classID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("db: assignments of learner %d: %w", learnerID, err)
	}
	return out, nil
}

// LearnerAssignment returns one assignment of a class the learner is in,
// with the learner's progress; questions.ErrNotFound for another.
func (s *Store) LearnerAssignment(ctx context.Context, learnerID, assignmentID int64) (LearnerAssignment, error) {
	return read(ctx, s, fmt.Sprintf("assignment %d of learner %d", assignmentID, learnerID), func(tx *sql.Tx) (LearnerAssignment, error) {
		las, err := learnerAssignmentsTx(ctx, tx, learnerID, " AND g.id = ?", assignmentID)
		if err == nil && len(las) == 0 {
			err = questions.ErrNotFound
		}
		if err != nil {
			return LearnerAssignment{}, err
		}
		return las[0], nil
	})
}

// learnerAssignmentsTx reads the assignments of the learner's classes
// that also meet and (SQL on assignments g), with the learner's progress.
func learnerAssignmentsTx(ctx context.Context, tx *sql.Tx, learnerID int64, and string, args ...any) ([]LearnerAssignment, error) {
	as, err := queryAssignments(ctx, tx, ` JOIN class_members m ON m.class_id = g.class_id
		WHERE m.learner_id = ?`+and+` ORDER BY g.class_id, g.id`, append([]any{learnerID}, args...)...)
	if err != nil {
		return nil, err
	}
	type row struct {
		id          int64
		finished    bool
		points, max float64
		pending     int
		deadline    sql.NullTime
	}
	scan := func(r scanner) (row, error) {
		var x row
		err := r.Scan(&x.id, &x.finished, &x.points, &x.max, &x.pending, &x.deadline)
		return x, err
	}
	var out []LearnerAssignment
	for _, a := range as {
		la := LearnerAssignment{Assignment: a, Best: -1}
		if err := tx.QueryRowContext(ctx, "SELECT name FROM classes WHERE id = ?", a.ClassID).Scan(&la.ClassName); err != nil {
			return nil, err
		}
		if la.Extra, err = overrideTx(ctx, tx, a.ID, learnerID); err != nil {
			return nil, err
		}
		rows, err := queryAll(ctx, tx, scan, `SELECT id, finished_at IS NOT NULL, coalesce(score, 0), coalesce(max_score, 0), pending, deadline
			FROM attempts WHERE assignment_id = ? AND learner_id = ? ORDER BY id`, a.ID, learnerID)
		if err != nil {
			return nil, err
		}
		for _, x := range rows {
			la.Used++
			if !x.finished {
				la.OpenID, la.OpenDeadline = x.id, timeOf(x.deadline)
				continue
			}
			la.Finished++
			if p := (quiz.Score{Points: x.points, Max: x.max}).Percent(); p > la.Best || (p == la.Best && x.pending == 0) {
				la.Best, la.BestPending = p, x.pending > 0
			}
		}
		out = append(out, la)
	}
	return out, nil
}

// Override is what a teacher gives one student beyond an assignment's
// settings: extra time on each attempt, and extra attempts.
type Override struct {
	Time     time.Duration
	Attempts int
}

// MaxExtraTime is the most extra time a student may be given.
const MaxExtraTime = 24 * time.Hour

func overrideTx(ctx context.Context, tx *sql.Tx, assignmentID, learnerID int64) (Override, error) {
	var (
		o    Override
		secs int64
	)
	err := tx.QueryRowContext(ctx, "SELECT extra_time, extra_attempts FROM assignment_overrides WHERE assignment_id = ? AND learner_id = ?",
		assignmentID, learnerID).Scan(&secs, &o.Attempts)
	if errors.Is(err, sql.ErrNoRows) {
		return Override{}, nil
	}
	o.Time = time.Duration(secs) * time.Second
	return o, err
}

// SetOverride gives a student of the teacher's class extra time on each
// attempt and extra attempts at the assignment (zero for none). An open
// attempt's deadline moves with the extra time.
func (s *Store) SetOverride(ctx context.Context, teacherID, assignmentID, learnerID int64, o Override) error {
	now := s.now()
	if o.Time < 0 || o.Time > MaxExtraTime || o.Attempts < 0 || o.Attempts > 1000 {
		return fmt.Errorf("db: override: %w", invalid("extra time must be between 0 and 24 hours, and extra attempts between 0 and 1000"))
	}
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM assignments g JOIN classes c ON c.id = g.class_id
			WHERE g.id = ? AND `+teaches+` AND (EXISTS (SELECT 1 FROM class_members m WHERE m.class_id = g.class_id AND m.learner_id = ?)
				OR EXISTS (SELECT 1 FROM attempts a WHERE a.assignment_id = g.id AND a.learner_id = ?))`,
			assignmentID, teacherID, learnerID, learnerID).Scan(&n)
		if err != nil {
			return err
		}
		if n == 0 {
			return questions.ErrNotFound
		}
		if o == (Override{}) {
			_, err = tx.ExecContext(ctx, "DELETE FROM assignment_overrides WHERE assignment_id = ? AND learner_id = ?", assignmentID, learnerID)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO assignment_overrides (assignment_id, learner_id, extra_time, extra_attempts) VALUES (?, ?, ?, ?)
				ON CONFLICT (assignment_id, learner_id) DO UPDATE SET extra_time = excluded.extra_time, extra_attempts = excluded.extra_attempts`,
				assignmentID, learnerID, int64(o.Time/time.Second), o.Attempts)
		}
		if err != nil {
			return err
		}
		_, err = moveDeadlinesTx(ctx, tx, assignmentID, learnerID, now)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: override of assignment %d for learner %d: %w", assignmentID, learnerID, err)
	}
	return nil
}

// Overrides returns the extra time and attempts each student of the
// assignment has, by learner.
func (s *Store) Overrides(ctx context.Context, teacherID, assignmentID int64) (map[int64]Override, error) {
	return read(ctx, s, fmt.Sprintf("overrides of assignment %d", assignmentID), func(tx *sql.Tx) (map[int64]Override, error) {
		out := map[int64]Override{}
		_, err := queryAll(ctx, tx, func(row scanner) (int64, error) {
			var (
				lid  int64
				secs int64
				o    Override
			)
			err := row.Scan(&lid, &secs, &o.Attempts)
			o.Time = time.Duration(secs) * time.Second
			out[lid] = o
			return lid, err
		}, `SELECT o.learner_id, o.extra_time, o.extra_attempts FROM assignment_overrides o
			JOIN assignments g ON g.id = o.assignment_id JOIN classes c ON c.id = g.class_id
			WHERE o.assignment_id = ? AND `+teaches, assignmentID, teacherID)
		return out, err
	})
}

// deadlineOf is when an attempt started at started ends: after the time
// limit and the learner's extra time, or when the quiz closes, whichever
// comes first; zero for neither.
func deadlineOf(a Assignment, extra Override, started time.Time) time.Time {
	var d time.Time
	if a.TimeLimit > 0 {
		d = started.Add(a.TimeLimit + extra.Time)
	}
	if !a.Closes.IsZero() && (d.IsZero() || a.Closes.Before(d)) {
		d = a.Closes
	}
	return d
}

// moveDeadlinesTx sets the deadline of the open attempts at the
// assignment (of one learner, or of all for learnerID 0) by its settings
// as they now are, and returns how many moved. A deadline moved into the
// past becomes now: the attempt is submitted with what was saved, and no
// answer given in time is lost.
func moveDeadlinesTx(ctx context.Context, tx *sql.Tx, assignmentID, learnerID int64, now time.Time) (int, error) {
	a, err := scanAssignment(tx.QueryRowContext(ctx, assignmentSelect+" WHERE g.id = ?", assignmentID))
	if err != nil {
		return 0, err
	}
	type open struct {
		id, learner int64
		started     time.Time
		deadline    sql.NullTime
	}
	opens, err := queryAll(ctx, tx, func(row scanner) (open, error) {
		var o open
		err := row.Scan(&o.id, &o.learner, &o.started, &o.deadline)
		return o, err
	}, "SELECT id, learner_id, started_at, deadline FROM attempts WHERE assignment_id = ? AND finished_at IS NULL AND (? = 0 OR learner_id = ?)",
		assignmentID, learnerID, learnerID)
	if err != nil {
		return 0, err
	}
	moved := 0
	for _, o := range opens {
		extra, err := overrideTx(ctx, tx, assignmentID, o.learner)
		if err != nil {
			return 0, err
		}
		d := deadlineOf(a, extra, o.started.UTC())
		if !d.IsZero() && d.Before(now) {
			d = now.UTC()
		}
		if d.Equal(timeOf(o.deadline)) {
			continue
		}
		if _, err := tx.ExecContext(ctx, "UPDATE attempts SET deadline = ? WHERE id = ? AND finished_at IS NULL", nullTime(d), o.id); err != nil {
			return 0, err
		}
		moved++
	}
	return moved, nil
}

// AssignmentChange says what saving an assignment's settings did to the
// attempts made at it.
type AssignmentChange struct {
	// Attempts counts the attempts made so far, Open those in progress.
	Attempts, Open int
	// DeadlinesMoved counts the open attempts whose deadline changed.
	DeadlinesMoved int
}

// UpdateAssignment changes the settings of the teacher's assignment. The
// questions drawn, their order, the options' order and the feedback
// setting apply to attempts started from now on; the time limit and the
// dates also move the deadlines of open attempts; the review rules apply
// at once to every attempt; the attempts allowed decide who may start
// another.
func (s *Store) UpdateAssignment(ctx context.Context, teacherID, id int64, q QuizSettings) (AssignmentChange, error) {
	now := s.now()
	if err := q.Check(); err != nil {
		return AssignmentChange{}, fmt.Errorf("db: update assignment %d: %w", id, err)
	}
	var ch AssignmentChange
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE assignments SET draw = ?, shuffle = ?, keep_option_order = ?, max_attempts = ?, feedback = ?,
			time_limit = ?, opens_at = ?, closes_at = ?, due_at = ?, review_hide = ?
			WHERE id = ? AND class_id IN (SELECT class_id FROM class_teachers WHERE teacher_id = ?)`, append(settingsArgs(q), id, teacherID)...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmp.Or(err, error(questions.ErrNotFound))
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(CASE WHEN finished_at IS NULL THEN 1 ELSE 0 END), 0)
			FROM attempts WHERE assignment_id = ?`, id).Scan(&ch.Attempts, &ch.Open); err != nil {
			return err
		}
		ch.DeadlinesMoved, err = moveDeadlinesTx(ctx, tx, id, 0, now)
		return err
	})
	if err != nil {
		return AssignmentChange{}, fmt.Errorf("db: update assignment %d: %w", id, err)
	}
	return ch, nil
}

// AttemptCount returns how many attempts have been made at the teacher's
// assignment, and by how many students: what removing it deletes.
func (s *Store) AttemptCount(ctx context.Context, teacherID, id int64) (attempts, students int, err error) {
	type counts struct{ attempts, students int }
	c, err := read(ctx, s, fmt.Sprintf("attempts at assignment %d", id), func(tx *sql.Tx) (counts, error) {
		var c counts
		err := tx.QueryRowContext(ctx, `SELECT count(a.id), count(DISTINCT a.learner_id) FROM assignments g JOIN classes c ON c.id = g.class_id
			LEFT JOIN attempts a ON a.assignment_id = g.id WHERE g.id = ? AND `+teaches+` GROUP BY g.id`, id, teacherID).Scan(&c.attempts, &c.students)
		if errors.Is(err, sql.ErrNoRows) {
			return c, questions.ErrNotFound
		}
		return c, err
	})
	return c.attempts, c.students, err
}

// StartClassAttempt returns the learner's open attempt for the assignment,
// or starts one by the assignment's settings: Draw questions drawn at
// random (all when Draw is 0), in the set's order unless Shuffle, options
// shuffled unless kept in order, a deadline by the time limit (with the
// learner's extra time) and the close date. A learner outside the class,
// or a set not published, gives questions.ErrNotFound; a quiz not open
// yet or closed, or no attempts left, an invalid-input error saying so.
func (s *Store) StartClassAttempt(ctx context.Context, learnerID, assignmentID int64) (Attempt, error) {
	now := s.now()
	var id int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.startClassAttempt(ctx, tx, learnerID, assignmentID, now)
		return err
	})
	if err != nil {
		return Attempt{}, fmt.Errorf("db: start class attempt: %w", err)
	}
	return s.Attempt(ctx, learnerID, id)
}

// startClassAttempt is StartClassAttempt in tx; it returns the attempt's id.
func (s *Store) startClassAttempt(ctx context.Context, tx *sql.Tx, learnerID, assignmentID int64, now time.Time) (int64, error) {
	// The attempts used are counted, and a new one inserted, by one
	// writer for the learner at a time: the limit holds across servers.
	if err := lockLearnerTx(ctx, tx, learnerID); err != nil {
		return 0, err
	}
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
	switch {
	case !a.Opens.IsZero() && now.Before(a.Opens):
		return 0, invalid("this quiz opens on %s UTC", a.Opens.Format("2 Jan 2006 at 15:04"))
	case !a.Closes.IsZero() && !now.Before(a.Closes):
		return 0, invalid("this quiz closed on %s UTC", a.Closes.Format("2 Jan 2006 at 15:04"))
	}
	extra, err := overrideTx(ctx, tx, assignmentID, learnerID)
	if err != nil {
		return 0, err
	}
	if a.MaxAttempts > 0 && used >= a.MaxAttempts+extra.Attempts {
		return 0, invalid("you have used all %d attempts at this quiz", a.MaxAttempts+extra.Attempts)
	}
	qs, err := setVersionsTx(ctx, tx, a.SetID)
	if err != nil {
		return 0, err
	}
	return s.insertAttemptTx(ctx, tx, newAttempt{
		learnerID: learnerID, setID: a.SetID, assignmentID: assignmentID, questions: drawQuestions(qs, a.Draw, a.Shuffle),
		shuffleOptions: !a.KeepOptionOrder, deadline: deadlineOf(a, extra, now), feedback: a.Feedback, now: now,
	})
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
