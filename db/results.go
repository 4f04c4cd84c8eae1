package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// ClassResults is a class's results: for each student, their attempts at
// each assigned set.
type ClassResults struct {
	Class       Class
	Assignments []Assignment
	Students    []StudentResults
}

// StudentResults is one student's row of a class's results. Cells line up
// with the class's Assignments.
type StudentResults struct {
	Learner Learner
	// Member is false for a student removed from the class who has
	// attempts in it.
	Member bool
	Cells  []ResultCell
}

// ResultCell is how one student did on one assigned set.
type ResultCell struct {
	Attempts int // started, finished or not
	Finished int
	// Best and Last are the percentages of the best and the latest
	// finished attempt; -1 when none is finished.
	Best, Last int
	// LastTime is how long the latest finished attempt took.
	LastTime time.Duration
	LastAt   time.Time
	// Pending counts the finished attempts with an answer waiting for a
	// mark; BestPending is set when the best one is among them.
	Pending     int
	BestPending bool
}

// ClassResults returns the results of the teacher's class.
func (s *Store) ClassResults(ctx context.Context, teacherID, classID int64) (ClassResults, error) {
	var res ClassResults
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		res, err = classResults(ctx, tx, teacherID, classID)
		return err
	})
	if err != nil {
		return ClassResults{}, fmt.Errorf("db: results of class %d: %w", classID, err)
	}
	return res, nil
}

// AllClassResults returns the results of every class of the teacher, or
// of every class at all for teacherID 0 (the command line's view); with a
// join code, only that class's.
func (s *Store) AllClassResults(ctx context.Context, teacherID int64, joinCode string) ([]ClassResults, error) {
	var out []ClassResults
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		code := ""
		if joinCode != "" {
			if code = NormalizeJoinCode(joinCode); code == "" {
				return questions.ErrNotFound
			}
		}
		cs, err := queryClasses(ctx, tx, " WHERE (? = 0 OR "+teaches+") AND (? = '' OR c.join_code = ?) ORDER BY c.name, c.id",
			teacherID, teacherID, code, code)
		if err != nil {
			return err
		}
		if code != "" && len(cs) == 0 {
			return questions.ErrNotFound
		}
		for _, c := range cs {
			r, err := classResults(ctx, tx, c.TeacherID, c.ID)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("db: results: %w", err)
	}
	return out, nil
}

func classResults(ctx context.Context, tx *sql.Tx, teacherID, classID int64) (ClassResults, error) {
	var (
		res ClassResults
		err error
	)
	if res.Class, err = scanClass(tx.QueryRowContext(ctx, classSelect+" WHERE c.id = ? AND "+teaches, classID, teacherID)); err != nil {
		return res, err
	}
	if res.Assignments, err = queryAssignments(ctx, tx, " WHERE g.class_id = ? ORDER BY g.id", classID); err != nil {
		return res, err
	}
	col := map[int64]int{}
	for i, a := range res.Assignments {
		col[a.ID] = i
	}
	// The members, and anyone with an attempt in the class who left it.
	rows, err := tx.QueryContext(ctx, `SELECT l.id, l.name, l.resume_code, l.school_id, l.email, l.created_at,
		EXISTS (SELECT 1 FROM class_members m WHERE m.class_id = ? AND m.learner_id = l.id)
		FROM learners l WHERE l.id IN (SELECT learner_id FROM class_members WHERE class_id = ?
			UNION SELECT a.learner_id FROM attempts a JOIN assignments g ON g.id = a.assignment_id WHERE g.class_id = ?)
		ORDER BY l.name = '', lower(l.name), l.id`, classID, classID, classID)
	if err != nil {
		return res, err
	}
	row := map[int64]int{}
	for rows.Next() {
		var st StudentResults
		if err := rows.Scan(&st.Learner.ID, &st.Learner.Name, &st.Learner.ResumeCode, &st.Learner.SchoolID, &st.Learner.Email,
			&st.Learner.CreatedAt, &st.Member); err != nil {
			rows.Close()
			return res, err
		}
		st.Cells = make([]ResultCell, len(res.Assignments))
		for i := range st.Cells {
			st.Cells[i] = ResultCell{Best: -1, Last: -1}
		}
		row[st.Learner.ID] = len(res.Students)
		res.Students = append(res.Students, st)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return res, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT a.learner_id, a.assignment_id, a.started_at, a.finished_at, coalesce(a.score, 0), coalesce(a.max_score, 0),
		a.pending FROM attempts a JOIN assignments g ON g.id = a.assignment_id WHERE g.class_id = ? ORDER BY a.id`, classID)
	if err != nil {
		return res, err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			lid, gid       int64
			started        time.Time
			finished       sql.NullTime
			points, maxPts float64
			pending        int
		)
		if err := rows.Scan(&lid, &gid, &started, &finished, &points, &maxPts, &pending); err != nil {
			return res, err
		}
		r, ok1 := row[lid]
		c, ok2 := col[gid]
		if !ok1 || !ok2 {
			continue
		}
		cell := &res.Students[r].Cells[c]
		cell.Attempts++
		if !finished.Valid {
			continue
		}
		p := scorePercent(points, maxPts)
		cell.Finished++
		if pending > 0 {
			cell.Pending++
		}
		if p > cell.Best || (p == cell.Best && pending == 0) {
			cell.Best, cell.BestPending = p, pending > 0
		}
		cell.Last = p
		cell.LastAt = finished.Time.UTC()
		cell.LastTime = finished.Time.Sub(started)
	}
	return res, rows.Err()
}

// AttemptDetail is a finished or open attempt with every answer in it, for
// the teacher's view of a student and the detailed export.
type AttemptDetail struct {
	Attempt
	Learner   Learner
	ClassName string
	Responses []Response
}

// ClassAttempts returns the attempts made in the teacher's class with
// their answers, oldest first; with learnerID non-zero, only that
// student's (questions.ErrNotFound if they have none and are not a member).
func (s *Store) ClassAttempts(ctx context.Context, teacherID, classID, learnerID int64) (Class, []AttemptDetail, error) {
	var (
		c   Class
		out []AttemptDetail
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		if c, err = scanClass(tx.QueryRowContext(ctx, classSelect+" WHERE c.id = ? AND "+teaches, classID, teacherID)); err != nil {
			return err
		}
		out, err = s.classAttempts(ctx, tx, c, learnerID, 0, All)
		if err == nil && learnerID != 0 && len(out) == 0 {
			var n int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM class_members WHERE class_id = ? AND learner_id = ?", classID, learnerID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return questions.ErrNotFound
			}
		}
		return err
	})
	if err != nil {
		return Class{}, nil, fmt.Errorf("db: attempts in class %d: %w", classID, err)
	}
	return c, out, nil
}

// classBatch is how many attempts EachClassAttempt reads at a time.
const classBatch = 100

// EachClassAttempt calls fn with each attempt made in the teacher's class
// and its answers, oldest first, reading classBatch attempts at a time
// (each batch in a read transaction of its own): what a download of a
// class's answers streams, holding one batch, never the class. An attempt
// made meanwhile may come at the end; none comes twice. It stops at fn's
// first error and returns it.
func (s *Store) EachClassAttempt(ctx context.Context, teacherID, classID int64, fn func(AttemptDetail) error) error {
	for after := int64(0); ; {
		batch, err := read(ctx, s, fmt.Sprintf("attempts in class %d", classID), func(tx *sql.Tx) ([]AttemptDetail, error) {
			c, err := scanClass(tx.QueryRowContext(ctx, classSelect+" WHERE c.id = ? AND "+teaches, classID, teacherID))
			if err != nil {
				return nil, err
			}
			return s.classAttempts(ctx, tx, c, 0, after, Page{Size: classBatch})
		})
		if err != nil {
			return err
		}
		for _, d := range batch {
			if err := fn(d); err != nil {
				return err
			}
		}
		if len(batch) < classBatch {
			return nil
		}
		after = batch[len(batch)-1].ID
	}
}

// classAttempts reads the attempts in class c (of learnerID alone when it
// is not 0) after the attempt numbered after, in order, a page of them.
func (s *Store) classAttempts(ctx context.Context, tx *sql.Tx, c Class, learnerID, after int64, page Page) ([]AttemptDetail, error) {
	lim, largs := page.limit()
	out, err := queryAll(ctx, tx, func(row scanner) (AttemptDetail, error) {
		a, err := scanAttempt(row)
		return AttemptDetail{Attempt: a, ClassName: c.Name}, err
	}, attemptSelect+` JOIN assignments g ON g.id = a.assignment_id
		WHERE g.class_id = ? AND (? = 0 OR a.learner_id = ?) AND a.id > ? ORDER BY a.id`+lim, append([]any{c.ID, learnerID, learnerID, after}, largs...)...)
	if err != nil {
		return nil, err
	}
	for i := range out {
		d := &out[i]
		if d.Learner, err = scanLearner(tx.QueryRowContext(ctx, learnerSelect+" WHERE id = ?", d.LearnerID)); err != nil {
			return nil, err
		}
		if d.Finished() {
			if d.Score.Right, err = rightCount(ctx, tx, d.ID); err != nil {
				return nil, err
			}
		}
		if d.Responses, err = s.responses(ctx, tx, d.Attempt); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func scorePercent(points, max float64) int {
	return quiz.Score{Points: points, Max: max}.Percent()
}
