package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"factdrill/quiz"
)

// This file keeps the totals of each learner's answers that the study
// queue and the statistics page read instead of the log: answers, time,
// new cards introduced and review cards answered per learner day and set
// (study_days), true retention by card age (study_retention), the count
// of answers and the version of the learner's study state
// (study_learners). Every answer adds to them and every undo takes off
// what its answer added, in the answer's transaction. Totals of answers
// from before they existed (or imported) are rebuilt from the log, once,
// when first needed.

// retentionBucket is the min_days of the retention bucket of a card of
// age days.
func retentionBucket(age int) int {
	b := retentionAges[0].MinDays
	for _, r := range retentionAges {
		if age >= r.MinDays {
			b = r.MinDays
		}
	}
	return b
}

// tally is what one answer adds to (or, with sign -1, takes off) the
// totals.
type tally struct {
	learnerID, setID int64
	day              int
	takenMS          int64
	introduced       bool // a new card's first answer
	reviewed         bool // an answer to a review card
	// age is the card's age in days, for retention; passed whether the
	// answer was not Again. Only for reviewed.
	age    int
	passed bool
}

// addTallyTx adds t to the totals, sign times (1 or -1), and returns the
// learner's study version it moved on to.
func addTallyTx(ctx context.Context, tx *sql.Tx, t tally, sign int) (version int64, err error) {
	if t.setID != 0 {
		_, err := tx.ExecContext(ctx, `INSERT INTO study_days (learner_id, set_id, day, answers, taken_ms, introduced, reviewed)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (learner_id, set_id, day) DO UPDATE SET answers = study_days.answers + excluded.answers,
				taken_ms = study_days.taken_ms + excluded.taken_ms, introduced = study_days.introduced + excluded.introduced,
				reviewed = study_days.reviewed + excluded.reviewed`,
			t.learnerID, t.setID, t.day, sign, int64(sign)*t.takenMS, sign*boolInt(t.introduced), sign*boolInt(t.reviewed))
		if err != nil {
			return 0, err
		}
		if t.reviewed {
			_, err := tx.ExecContext(ctx, `INSERT INTO study_retention (learner_id, set_id, min_days, reviews, passed) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (learner_id, set_id, min_days) DO UPDATE SET reviews = study_retention.reviews + excluded.reviews,
					passed = study_retention.passed + excluded.passed`,
				t.learnerID, t.setID, retentionBucket(t.age), sign, sign*boolInt(t.passed))
			if err != nil {
				return 0, err
			}
		}
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO study_learners (learner_id, reviews, version) VALUES (?, ?, 1)
		ON CONFLICT (learner_id) DO UPDATE SET reviews = study_learners.reviews + excluded.reviews, version = study_learners.version + 1
		RETURNING version`, t.learnerID, max(sign, 0)).Scan(&version)
	if err != nil || sign > 0 {
		return version, err
	}
	_, err = tx.ExecContext(ctx, "UPDATE study_learners SET reviews = reviews - 1 WHERE learner_id = ? AND reviews > 0", t.learnerID)
	return version, err
}

// bumpStudyTx moves the learner's study version on, after a change to
// their cards, settings or limits that no answer made.
func bumpStudyTx(ctx context.Context, tx *sql.Tx, learnerID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO study_learners (learner_id, version) SELECT id, 1 FROM learners WHERE id = ?
		ON CONFLICT (learner_id) DO UPDATE SET version = study_learners.version + 1`, learnerID)
	return err
}

// countAnswerTx adds the answer reviewID, given to a card that was before
// the answer, to the totals, in the set the answer was given in; it
// returns what it added and the learner's new study version.
func countAnswerTx(ctx context.Context, tx *sql.Tx, sched *quiz.Scheduler, r review, reviewID int64, before quiz.Card) (tally, int64, error) {
	setID := r.setID
	if setID == 0 && r.attemptID != 0 {
		if err := tx.QueryRowContext(ctx, "SELECT set_id FROM attempts WHERE id = ?", r.attemptID).Scan(&setID); err != nil {
			return tally{}, 0, err
		}
	}
	t, err := answerTallyTx(ctx, tx, sched, r.learnerID, setID, r.questionID, r.rating, r.at, r.taken, before.State)
	if err != nil {
		return tally{}, 0, err
	}
	if setID != 0 {
		if _, err := tx.ExecContext(ctx, "INSERT INTO review_sets (review_id, set_id) VALUES (?, ?)", reviewID, setID); err != nil {
			return tally{}, 0, err
		}
	}
	version, err := addTallyTx(ctx, tx, t, 1)
	return t, version, err
}

// answerTallyTx is what an answer adds to the totals; a review card's age
// comes from the first answer in its log.
func answerTallyTx(ctx context.Context, tx *sql.Tx, sched *quiz.Scheduler, learnerID, setID, questionID int64, rating quiz.Rating,
	at time.Time, taken time.Duration, before quiz.State) (tally, error) {
	t := tally{learnerID: learnerID, setID: setID, day: sched.Day(at), introduced: before == quiz.StateNew, reviewed: before == quiz.StateReview}
	if taken > 0 {
		t.takenMS = quiz.Taken(taken).Milliseconds()
	}
	if t.reviewed {
		var first time.Time
		err := tx.QueryRowContext(ctx, "SELECT reviewed_at FROM reviews WHERE learner_id = ? AND question_id = ? ORDER BY id LIMIT 1",
			learnerID, questionID).Scan(&first)
		if err != nil {
			return tally{}, err
		}
		t.age, t.passed = t.day-sched.Day(first), rating != quiz.RatingAgain
	}
	return t, nil
}

// uncountAnswerTx takes the answer reviewID off the totals, before it is
// deleted.
func uncountAnswerTx(ctx context.Context, tx *sql.Tx, sched *quiz.Scheduler, learnerID, reviewID int64) error {
	var (
		questionID, takenMS, setID int64
		rating                     quiz.Rating
		at                         time.Time
		before                     quiz.State
	)
	err := tx.QueryRowContext(ctx, `SELECT r.question_id, r.rating, r.reviewed_at, coalesce(r.taken_ms, -1), r.state_before, coalesce(s.set_id, 0)
		FROM reviews r LEFT JOIN review_sets s ON s.review_id = r.id WHERE r.id = ?`, reviewID).
		Scan(&questionID, &rating, &at, &takenMS, &before, &setID)
	if err != nil {
		return err
	}
	t, err := answerTallyTx(ctx, tx, sched, learnerID, setID, questionID, rating, at, time.Duration(takenMS)*time.Millisecond, before)
	if err != nil {
		return err
	}
	_, err = addTallyTx(ctx, tx, t, -1)
	return err
}

// logChangedTx is what a change to the learner's log that did not go
// through reviewTx and UndoReview (a deck imported with its history or
// deleted with it, a merge of two learners) calls in its transaction: the
// learner's count of answers is set from the log, so that they are fitted
// as soon as they have enough, and their totals are rebuilt from the log
// when next needed.
func logChangedTx(ctx context.Context, tx *sql.Tx, learnerID int64) error {
	if err := recountReviewsTx(ctx, tx, learnerID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "UPDATE study_learners SET totals = 0, version = version + 1 WHERE learner_id = ?", learnerID)
	return err
}

// ensureTotals rebuilds the learner's totals from their log if they do not
// hold all of it (see study_learners.totals). It is cheap when they do.
func (s *Store) ensureTotals(ctx context.Context, learnerID int64) error {
	if learnerID == 0 {
		return nil
	}
	var built sql.NullInt64
	err := s.read.QueryRowContext(ctx, "SELECT totals FROM study_learners WHERE learner_id = ?", learnerID).Scan(&built)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && built.Int64 == 1) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("db: totals of learner %d: %w", learnerID, err)
	}
	err = s.inWriteKeep(ctx, func(tx *sql.Tx) error { return rebuildTotalsTx(ctx, tx, learnerID) })
	if err != nil {
		return fmt.Errorf("db: rebuild the totals of learner %d: %w", learnerID, err)
	}
	return nil
}

// rebuildTotalsTx computes the learner's totals from their whole log. An
// answer with no set of its own (given before sets were noted, or
// imported) counts in its quiz's set, or else in the first set (by id)
// that holds its question; an answer whose question is in no set counts
// only in the learner's count of answers.
//
// The learner is locked first (see lockLearnerTx): on PostgreSQL an answer
// on another server would otherwise add to totals this is about to write
// over, from a log read without it.
func rebuildTotalsTx(ctx context.Context, tx *sql.Tx, learnerID int64) error {
	if err := lockLearnerTx(ctx, tx, learnerID); err != nil {
		return err
	}
	sched, err := schedulerTx(ctx, tx, learnerID)
	if err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT r.question_id, r.rating, r.reviewed_at, coalesce(r.taken_ms, 0), r.state_before,
			coalesce(rs.set_id, a.set_id, (SELECT min(sq.set_id) FROM set_questions sq WHERE sq.question_id = r.question_id), 0)
		FROM reviews r LEFT JOIN review_sets rs ON rs.review_id = r.id LEFT JOIN attempts a ON a.id = r.attempt_id
		WHERE r.learner_id = ? ORDER BY r.id`, learnerID)
	if err != nil {
		return err
	}
	defer rows.Close()
	type dayKey struct {
		set int64
		day int
	}
	type dayTotal struct{ answers, takenMS, introduced, reviewed int64 }
	type retKey struct {
		set  int64
		days int
	}
	days := map[dayKey]*dayTotal{}
	ret := map[retKey]*[2]int64{}
	first := map[int64]int{} // question → day of its first answer
	n := 0
	for rows.Next() {
		var (
			qid, takenMS, setID int64
			rating              quiz.Rating
			at                  time.Time
			before              quiz.State
		)
		if err := rows.Scan(&qid, &rating, &at, &takenMS, &before, &setID); err != nil {
			return err
		}
		n++
		day := sched.Day(at)
		f, seen := first[qid]
		if !seen {
			first[qid], f = day, day
		}
		if setID == 0 {
			continue
		}
		k := dayKey{setID, day}
		d := days[k]
		if d == nil {
			d = &dayTotal{}
			days[k] = d
		}
		d.answers++
		d.takenMS += min(takenMS, quiz.MaxTaken.Milliseconds())
		if before == quiz.StateNew {
			d.introduced++
		}
		if before == quiz.StateReview {
			d.reviewed++
			rk := retKey{setID, retentionBucket(day - f)}
			r := ret[rk]
			if r == nil {
				r = &[2]int64{}
				ret[rk] = r
			}
			r[0]++
			if rating != quiz.RatingAgain {
				r[1]++
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	for _, q := range []string{"DELETE FROM study_days WHERE learner_id = ?", "DELETE FROM study_retention WHERE learner_id = ?"} {
		if _, err := tx.ExecContext(ctx, q, learnerID); err != nil {
			return err
		}
	}
	for k, d := range days {
		if _, err := tx.ExecContext(ctx, `INSERT INTO study_days (learner_id, set_id, day, answers, taken_ms, introduced, reviewed)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, learnerID, k.set, k.day, d.answers, d.takenMS, d.introduced, d.reviewed); err != nil {
			return err
		}
	}
	for k, r := range ret {
		if _, err := tx.ExecContext(ctx, `INSERT INTO study_retention (learner_id, set_id, min_days, reviews, passed) VALUES (?, ?, ?, ?, ?)`,
			learnerID, k.set, k.days, r[0], r[1]); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO study_learners (learner_id, reviews, version, totals) VALUES (?, ?, 1, 1)
		ON CONFLICT (learner_id) DO UPDATE SET reviews = excluded.reviews, version = study_learners.version + 1, totals = 1`, learnerID, n)
	return err
}
