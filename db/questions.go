package db

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"factdrill/questions"
)

// A question is stored as an identity (questions: the owner and the
// current version), immutable versions (question_versions: the JSON of
// questions.Question) and its places in sets (set_questions). Cards,
// reviews and responses refer to the identity, so that a learner's
// schedule survives an edit; an attempt pins the version of each question
// it showed (attempt_questions), so that an edit never changes, reorders
// or orphans an answer already given. A version is never updated: saving
// a changed question makes a new one and moves the identity to it.

// questionBody is the JSON a version stores for q.
func questionBody(q questions.Question) (string, error) {
	b, err := json.Marshal(q)
	return string(b), err
}

// decodeQuestion reads a version's body.
func decodeQuestion(versionID int64, body string) (questions.Question, error) {
	var q questions.Question
	if err := json.Unmarshal([]byte(body), &q); err != nil {
		return q, fmt.Errorf("question version %d: %w", versionID, err)
	}
	return q, nil
}

// newQuestionTx stores q as a new question of owner (nil for none), with
// q as its version 1, and returns the question's id.
func newQuestionTx(ctx context.Context, tx *sql.Tx, owner any, q questions.Question, now time.Time) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, "INSERT INTO questions (owner_id, created_at, updated_at) VALUES (?, ?, ?) RETURNING id",
		owner, now.UTC(), now.UTC()).Scan(&id)
	if err != nil {
		return 0, err
	}
	return id, newVersionTx(ctx, tx, id, 1, q, now)
}

// newVersionTx stores q as version number of the question and makes it
// the question's current version.
func newVersionTx(ctx context.Context, tx *sql.Tx, questionID int64, number int, q questions.Question, now time.Time) error {
	body, err := questionBody(q)
	if err != nil {
		return err
	}
	var vid int64
	err = tx.QueryRowContext(ctx, `INSERT INTO question_versions (question_id, number, kind, body, created_at)
		VALUES (?, ?, ?, ?, ?) RETURNING id`, questionID, number, string(q.Kind), body, now.UTC()).Scan(&vid)
	if err != nil {
		return err
	}
	if _, err = tx.ExecContext(ctx, "UPDATE questions SET version_id = ?, updated_at = ? WHERE id = ?", vid, now.UTC(), questionID); err != nil {
		return err
	}
	return indexQuestionTx(ctx, tx, questionID, q)
}

// reviseQuestionTx saves q as the question's content: a new version if q
// differs from the current one, nothing otherwise. It reports whether a
// version was made.
func reviseQuestionTx(ctx context.Context, tx *sql.Tx, questionID int64, q questions.Question, now time.Time) (bool, error) {
	var (
		vid    int64
		number int
		body   string
	)
	// A question may be in several sets, edited at once: its row is
	// locked so that each new version takes the next number.
	if err := tx.QueryRowContext(ctx, "SELECT id FROM questions WHERE id = ?"+forUpdate, questionID).Scan(&vid); err != nil {
		return false, err
	}
	err := tx.QueryRowContext(ctx, `SELECT v.id, v.number, v.body FROM questions q JOIN question_versions v ON v.id = q.version_id
		WHERE q.id = ?`, questionID).Scan(&vid, &number, &body)
	if err != nil {
		return false, err
	}
	// Compare what each would store now: a body written by an older
	// build (fields since added or renamed) is no change in itself.
	cur, err := decodeQuestion(vid, body)
	if err != nil {
		return false, err
	}
	old, err := questionBody(cur)
	if err != nil {
		return false, err
	}
	next, err := questionBody(q)
	if err != nil {
		return false, err
	}
	if bytes.Equal([]byte(old), []byte(next)) {
		return false, nil
	}
	return true, newVersionTx(ctx, tx, questionID, number+1, q, now)
}

// placeQuestionsTx makes the set hold the questions of ids, in that order,
// and deletes the questions it held before that are now in no set and
// that no attempt refers to (their versions, cards and reviews with them).
func placeQuestionsTx(ctx context.Context, tx *sql.Tx, setID int64, ids []int64) error {
	before, err := queryAll(ctx, tx, scanInt64, "SELECT question_id FROM set_questions WHERE set_id = ?", setID)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM set_questions WHERE set_id = ?", setID); err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO set_questions (set_id, position, question_id) VALUES (?, ?, ?)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for pos, id := range ids {
		if _, err := stmt.ExecContext(ctx, setID, pos, id); err != nil {
			return err
		}
	}
	if err := countKindsTx(ctx, tx, setID); err != nil {
		return err
	}
	return dropOrphansTx(ctx, tx, before)
}

// dropOrphansTx deletes those of the questions ids that are in no set and
// that no attempt refers to.
//
// On PostgreSQL another server may at this moment put one of them in a
// set (the bank) or pin it in an attempt being started: its insert holds
// a key-share lock on the question, which the delete would wait for and
// then, the question's row itself unchanged, go ahead, its cascade taking
// the new reference with it. So each question is locked first against
// such inserts (forDelete), and the check runs after, seeing what they
// committed.
func dropOrphansTx(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	lock, err := tx.PrepareContext(ctx, "SELECT id FROM questions WHERE id = ?"+forDelete)
	if err != nil {
		return err
	}
	defer lock.Close()
	del, err := tx.PrepareContext(ctx, `DELETE FROM questions WHERE id = ?
		AND NOT EXISTS (SELECT 1 FROM set_questions WHERE question_id = ?)
		AND NOT EXISTS (SELECT 1 FROM attempt_questions WHERE question_id = ?)`)
	if err != nil {
		return err
	}
	defer del.Close()
	for _, id := range ids {
		var got int64
		if err := lock.QueryRowContext(ctx, id).Scan(&got); errors.Is(err, sql.ErrNoRows) {
			continue // gone already
		} else if err != nil {
			return err
		}
		if _, err := del.ExecContext(ctx, id, id, id); err != nil {
			return err
		}
	}
	return nil
}

// removedQuestionsTx returns the questions that the attempts meeting cond
// (SQL on attempts a) refer to and that are in no set any more: what
// deleting those attempts may leave unreferenced (see dropOrphansTx).
func removedQuestionsTx(ctx context.Context, tx *sql.Tx, cond string, args ...any) ([]int64, error) {
	return queryAll(ctx, tx, scanInt64, `SELECT DISTINCT aq.question_id FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id
		WHERE `+cond+` AND NOT EXISTS (SELECT 1 FROM set_questions sq WHERE sq.question_id = aq.question_id)`, args...)
}

// deleteWithAttempts runs query, a statement that deletes one row whose
// cascade deletes the attempts meeting cond (SQL on attempts a, with
// condArgs), and then the questions only those attempts referred to. A
// statement that deletes nothing gives questions.ErrNotFound.
func (s *Store) deleteWithAttempts(ctx context.Context, what, cond string, condArgs []any, query string, args ...any) error {
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		removed, err := removedQuestionsTx(ctx, tx, cond, condArgs...)
		if err != nil {
			return err
		}
		if err := execOne(ctx, tx, query, args...); err != nil {
			return err
		}
		return dropOrphansTx(ctx, tx, removed)
	})
	if err != nil {
		return fmt.Errorf("db: %s: %w", what, err)
	}
	return nil
}

// setQuestionIDsTx returns the ids of the set's questions, in order.
func setQuestionIDsTx(ctx context.Context, tx *sql.Tx, setID int64) ([]int64, error) {
	return queryAll(ctx, tx, scanInt64, "SELECT question_id FROM set_questions WHERE set_id = ? ORDER BY position", setID)
}

// StaleAttempt is an open attempt that shows some questions of its set as
// they were before an edit: it is marked against the versions it showed.
type StaleAttempt struct {
	AttemptID int64
	Learner   Learner
	// ClassName is the class of the assignment; "" for an attempt started
	// from the home page.
	ClassName string
	StartedAt time.Time
	// Changed counts the attempt's questions that were edited since it
	// started, Removed those taken out of the set.
	Changed, Removed int
}

// StaleAttempts lists the open attempts at the teacher's set (or a set of
// no teacher's) that show an earlier version of one of its questions, or
// a question since removed from it, oldest first: those an edit of the
// set left on the old version.
func (s *Store) StaleAttempts(ctx context.Context, teacherID, setID int64) ([]StaleAttempt, error) {
	return read(ctx, s, fmt.Sprintf("stale attempts at set %d", setID), func(tx *sql.Tx) ([]StaleAttempt, error) {
		if _, err := scanSet(tx.QueryRowContext(ctx, setSelect+" WHERE s.id = ? AND (s.owner_id = ? OR s.owner_id IS NULL AND s.learner_id IS NULL)", setID, teacherID)); err != nil {
			return nil, err
		}
		return queryAll(ctx, tx, func(row scanner) (StaleAttempt, error) {
			var a StaleAttempt
			err := row.Scan(&a.AttemptID, &a.StartedAt, &a.ClassName, &a.Changed, &a.Removed,
				&a.Learner.ID, &a.Learner.Name, &a.Learner.ResumeCode, &a.Learner.CreatedAt)
			a.StartedAt = a.StartedAt.UTC()
			return a, err
		}, `SELECT a.id, a.started_at, coalesce(c.name, ''),
				sum(CASE WHEN sq.question_id IS NOT NULL AND q.version_id <> aq.version_id THEN 1 ELSE 0 END),
				sum(CASE WHEN sq.question_id IS NULL THEN 1 ELSE 0 END),
				l.id, l.name, l.resume_code, l.created_at
			FROM attempts a JOIN attempt_questions aq ON aq.attempt_id = a.id
			JOIN questions q ON q.id = aq.question_id
			JOIN learners l ON l.id = a.learner_id
			LEFT JOIN set_questions sq ON sq.set_id = a.set_id AND sq.question_id = aq.question_id
			LEFT JOIN assignments g ON g.id = a.assignment_id LEFT JOIN classes c ON c.id = g.class_id
			WHERE a.set_id = ? AND a.finished_at IS NULL AND (sq.question_id IS NULL OR q.version_id <> aq.version_id)
			GROUP BY a.id, a.started_at, c.name, l.id, l.name, l.resume_code, l.created_at
			ORDER BY a.id`, setID)
	})
}
