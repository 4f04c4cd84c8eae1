package db

import (
	"context"
	"database/sql"
	"fmt"
	"math"

	"factdrill/questions"
	"factdrill/quiz"
)

// Marks given by people: a teacher's mark and comment on any answer of a
// finished attempt in their classes (essays wait for one), and a
// learner's "I was right" in self-study. A person's mark counts instead of
// grading's (quiz.Effective); the attempt's score is stored again in the
// same transaction.

// GradingItem is one answer to a question, as the teacher's grading view
// shows it: whose, in which class and attempt, and the answer with its
// marks.
type GradingItem struct {
	Attempt   Attempt
	Learner   Learner
	ClassName string
	Response  Response
}

// Grading returns every answer to the question of the teacher's set (one
// of their own, or of no teacher's) in the finished attempts of the
// teacher's classes, by student name and then attempt, with the question
// as the set now has it. A question not in the set gives
// questions.ErrNotFound.
func (s *Store) Grading(ctx context.Context, teacherID, setID, questionID int64) (StoredQuestion, []GradingItem, error) {
	var (
		q     StoredQuestion
		items []GradingItem
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		if _, err := scanSet(tx.QueryRowContext(ctx, setSelect+" WHERE s.id = ? AND (s.owner_id = ? OR s.owner_id IS NULL)", setID, teacherID)); err != nil {
			return err
		}
		qs, err := setQuestions(ctx, tx, setID)
		if err != nil {
			return err
		}
		found := false
		for _, sq := range qs {
			if sq.ID == questionID {
				q, found = sq, true
			}
		}
		if !found {
			return questions.ErrNotFound
		}
		type ref struct {
			attemptID int64
			pos       int
			class     string
		}
		refs, err := queryAll(ctx, tx, func(row scanner) (ref, error) {
			var r ref
			err := row.Scan(&r.attemptID, &r.pos, &r.class)
			return r, err
		}, `SELECT a.id, aq.position, c.name FROM attempts a JOIN attempt_questions aq ON aq.attempt_id = a.id
			JOIN assignments g ON g.id = a.assignment_id JOIN classes c ON c.id = g.class_id JOIN learners l ON l.id = a.learner_id
			WHERE a.set_id = ? AND aq.question_id = ? AND `+teaches+` AND a.finished_at IS NOT NULL
			ORDER BY l.name = '', lower(l.name), l.id, a.id`, setID, questionID, teacherID)
		if err != nil {
			return err
		}
		for _, r := range refs {
			it := GradingItem{ClassName: r.class}
			if it.Attempt, err = scanAttempt(tx.QueryRowContext(ctx, attemptSelect+" WHERE a.id = ?", r.attemptID)); err != nil {
				return err
			}
			if it.Learner, err = scanLearner(tx.QueryRowContext(ctx, learnerSelect+" WHERE id = ?", it.Attempt.LearnerID)); err != nil {
				return err
			}
			if it.Response, err = s.responseTx(ctx, tx, it.Attempt, r.pos); err != nil {
				return err
			}
			items = append(items, it)
		}
		return nil
	})
	if err != nil {
		return StoredQuestion{}, nil, fmt.Errorf("db: grading of question %d: %w", questionID, err)
	}
	return q, items, nil
}

// responseTx reads the attempt's question at pos with its answer.
func (s *Store) responseTx(ctx context.Context, tx *sql.Tx, a Attempt, pos int) (Response, error) {
	it, err := attemptItemAt(ctx, tx, a.ID, pos)
	if err != nil {
		return Response{}, err
	}
	ver, err := s.version(ctx, tx, it.versionID)
	if err != nil {
		return Response{}, err
	}
	return it.response(a, pos, ver), nil
}

// MaxCommentLen bounds a teacher's comment on an answer.
const MaxCommentLen = 5000

// SetMark gives the answer at position pos of a finished attempt in the
// teacher's classes a teacher's mark, a fraction of the question's mark
// from -1 to 1, with a comment; nil takes the teacher's mark away, and
// grading's counts again. The attempt's score is stored again.
func (s *Store) SetMark(ctx context.Context, teacherID, attemptID int64, pos int, m *quiz.Manual) error {
	now := s.now()
	if m != nil && (math.IsNaN(m.Fraction) || m.Fraction < -1 || m.Fraction > 1 || len(m.Comment) > MaxCommentLen) {
		return fmt.Errorf("db: mark: %w", invalid("a mark is between 0 and the question's mark, and a comment at most %d characters", MaxCommentLen))
	}
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM attempts a JOIN assignments g ON g.id = a.assignment_id
			JOIN classes c ON c.id = g.class_id WHERE a.id = ? AND `+teaches+` AND a.finished_at IS NOT NULL`, attemptID, teacherID).Scan(&n)
		if err != nil {
			return err
		}
		if n == 0 {
			return questions.ErrNotFound
		}
		if err := s.untallyTx(ctx, tx, attemptID); err != nil {
			return err
		}
		var res sql.Result
		if m == nil {
			res, err = tx.ExecContext(ctx, `UPDATE responses SET manual_fraction = NULL, comment = '', marked_by = NULL, marked_at = NULL, claimed = 0
				WHERE attempt_id = ? AND position = ?`, attemptID, pos)
		} else {
			res, err = tx.ExecContext(ctx, `UPDATE responses SET manual_fraction = ?, comment = ?, marked_by = ?, marked_at = ?, claimed = 0
				WHERE attempt_id = ? AND position = ?`, m.Fraction, m.Comment, teacherID, now.UTC(), attemptID, pos)
		}
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err == nil {
				err = invalid("this question was not answered: there is nothing to mark")
			}
			return err
		}
		return s.rescoreTx(ctx, tx, attemptID)
	})
	if err != nil {
		return fmt.Errorf("db: mark attempt %d question %d: %w", attemptID, pos, err)
	}
	return nil
}

// ClaimRight records the learner's "I was right" for the answer at
// position pos of their finished self-study attempt (one made outside a
// class): the answer counts as right, marked as the learner's own claim,
// and the attempt's score is stored again. When the answer's flashcard
// review is the card's latest, it is made a Good one and the card rebuilt
// from its log. An answer already right, an essay, or an attempt made for
// a class gives an invalid-input error.
func (s *Store) ClaimRight(ctx context.Context, learnerID, attemptID int64, pos int) error {
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		a, err := attemptTx(ctx, tx, learnerID, attemptID)
		if err != nil {
			return err
		}
		if !a.SelfStudy() || !a.Finished() {
			return invalid("only your own practice quizzes, once finished, take “I was right”")
		}
		r, err := s.responseTx(ctx, tx, a, pos)
		if err != nil {
			return err
		}
		if !r.Answered || !r.Question.Kind.Graded() || r.Grade().Right() {
			return invalid("there is nothing to claim here: the answer is already right, or not one grading marks")
		}
		if err := s.untallyTx(ctx, tx, attemptID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE responses SET manual_fraction = 1, comment = '', marked_by = NULL, marked_at = NULL, claimed = 1
			WHERE attempt_id = ? AND position = ?`, attemptID, pos); err != nil {
			return err
		}
		if err := s.rescoreTx(ctx, tx, attemptID); err != nil {
			return err
		}
		return rerateClaimTx(ctx, tx, learnerID, attemptID, r.Question.ID)
	})
	if err != nil {
		return fmt.Errorf("db: claim attempt %d question %d: %w", attemptID, pos, err)
	}
	return nil
}

// rerateClaimTx makes the review a claimed answer gave the learner's card
// a Good one, when it is the card's latest review (later ones were given
// knowing the first; the log stays as it was then), and rebuilds the card
// from its log.
func rerateClaimTx(ctx context.Context, tx *sql.Tx, learnerID, attemptID, questionID int64) error {
	var id, latest int64
	err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT id FROM reviews WHERE attempt_id = ? AND question_id = ?), 0),
		coalesce((SELECT max(id) FROM reviews WHERE learner_id = ? AND question_id = ?), 0)`,
		attemptID, questionID, learnerID, questionID).Scan(&id, &latest)
	if err != nil || id == 0 || id != latest {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE reviews SET rating = ? WHERE id = ?", int(quiz.RatingGood), id); err != nil {
		return err
	}
	sched, err := schedulerTx(ctx, tx, learnerID)
	if err != nil {
		return err
	}
	c, err := replayTx(ctx, tx, sched, learnerID, questionID)
	if err != nil {
		return err
	}
	return putCardTx(ctx, tx, learnerID, questionID, c)
}

// PendingMarks counts, for each question of the teacher's set, the
// answers in finished attempts of the teacher's classes that wait for a
// mark (essays not marked yet).
func (s *Store) PendingMarks(ctx context.Context, teacherID, setID int64) (map[int64]int, error) {
	return read(ctx, s, fmt.Sprintf("pending marks of set %d", setID), func(tx *sql.Tx) (map[int64]int, error) {
		out := map[int64]int{}
		_, err := queryAll(ctx, tx, func(row scanner) (int64, error) {
			var (
				qid int64
				n   int
			)
			err := row.Scan(&qid, &n)
			out[qid] = n
			return qid, err
		}, `SELECT r.question_id, count(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id
			JOIN question_versions v ON v.id = r.version_id JOIN assignments g ON g.id = a.assignment_id
			JOIN classes c ON c.id = g.class_id
			WHERE a.set_id = ? AND `+teaches+` AND a.finished_at IS NOT NULL AND a.pending > 0
				AND v.kind = 'essay' AND r.manual_fraction IS NULL
			GROUP BY r.question_id`, setID, teacherID)
		return out, err
	})
}
