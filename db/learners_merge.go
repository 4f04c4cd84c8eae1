package db

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"factdrill/quiz"
)

// A student who joined a class twice (two browsers, no sign-in code) is
// two learners; a teacher merges them into one. Everything the second
// learner had moves to the first in one transaction, logged in the audit
// log: attempts with their answers, the review log, cards, classes,
// settings the first had not chosen, and sessions, so that the browsers of
// the second are the first's from their next page on.
//
// Two cards for one question become one: the two review logs are one log,
// in the order the answers were given, and the card is rebuilt by
// replaying it (quiz.Scheduler.MergeCards), each entry's record of the
// card before it rewritten so that Undo stays right. A card suspended for
// either learner stays suspended. Attempts keep their own counts: a
// student who had used an attempt limit twice over has, after the merge,
// used it with both attempts.

// learnerTables are the tables with a learner_id that MergeLearners moves
// (TestStore_MergeMovesEveryTable checks that no table referring to
// learners is missing from it).
var learnerTables = []string{"sessions", "attempts", "reviews", "cards", "class_members", "study_settings", "sets",
	"study_learners", "study_days", "study_retention", "study_set_limits",
	"assignment_overrides"}

// MergeResult counts what a merge moved to the learner kept.
type MergeResult struct {
	Attempts, Responses, Reviews int
	// Cards counts the cards moved as they were; Combined those that both
	// learners had, rebuilt from the merged log.
	Cards, Combined int
}

// DuplicateMembers returns the members of a class the teacher teaches who
// share a name with another member, grouped by name: the students who may
// have joined twice, for the teacher to merge.
func (s *Store) DuplicateMembers(ctx context.Context, teacherID, classID int64) ([][]Member, error) {
	var groups [][]Member
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		if _, err := taughtClass(ctx, tx, teacherID, classID); err != nil {
			return err
		}
		ms, err := queryAll(ctx, tx, scanMember, memberSelect+" WHERE m.class_id = ? AND l.name <> '' ORDER BY l.id", classID)
		if err != nil {
			return err
		}
		byName := map[string][]Member{}
		var order []string
		for _, m := range ms {
			k := nameKey(m.Name)
			if len(byName[k]) == 0 {
				order = append(order, k)
			}
			byName[k] = append(byName[k], m)
		}
		sort.Strings(order)
		for _, k := range order {
			if len(byName[k]) > 1 {
				groups = append(groups, byName[k])
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("db: duplicates in class %d: %w", classID, err)
	}
	return groups, nil
}

// MergeLearners merges learner from into learner into: both must be
// members of a class the teacher teaches (else questions.ErrNotFound), and
// not the same learner. The merge is one transaction, logged; it checks
// that the attempts, answers and reviews of into afterwards are those of
// both before, and fails (changing nothing) if not.
func (s *Store) MergeLearners(ctx context.Context, teacherID, classID, into, from int64) (MergeResult, error) {
	now := s.now()
	var res MergeResult
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		c, err := taughtClass(ctx, tx, teacherID, classID)
		if err != nil {
			return err
		}
		if into == from {
			return invalid("choose two different students to merge")
		}
		var keep, gone Member
		for _, p := range []struct {
			id int64
			m  *Member
		}{{into, &keep}, {from, &gone}} {
			if *p.m, err = scanMember(tx.QueryRowContext(ctx, memberSelect+" WHERE m.class_id = ? AND m.learner_id = ?", classID, p.id)); err != nil {
				return err
			}
		}
		if err := lockMergedTx(ctx, tx, into, from); err != nil {
			return err
		}
		before, err := learnerCounts(ctx, tx, into, from)
		if err != nil {
			return err
		}
		if res, err = mergeTx(ctx, tx, keep.Learner, gone.Learner); err != nil {
			return err
		}
		after, err := learnerCounts(ctx, tx, into)
		if err != nil {
			return err
		}
		if after != before {
			return fmt.Errorf("merge of learner %d into %d: %+v afterwards, %+v before", from, into, after, before)
		}
		res.Attempts, res.Responses, res.Reviews = before.Attempts, before.Responses, before.Reviews
		return audit(ctx, tx, teacherID, AuditMerge,
			fmt.Sprintf("%s (learner %d) into %s (learner %d), class %s", gone.DisplayName(), gone.ID, keep.DisplayName(), keep.ID, c.Name),
			fmt.Sprintf("%d attempts, %d answers, %d reviews; %d cards moved, %d combined", res.Attempts, res.Responses, res.Reviews, res.Cards, res.Combined), now)
	})
	if err != nil {
		return MergeResult{}, fmt.Errorf("db: merge learner %d into %d: %w", from, into, err)
	}
	return res, nil
}

// lockMergedTx makes tx the one writer of both learners and their attempts
// until it ends. On PostgreSQL a learner's review, attempt start or answer
// on another server would otherwise land between the counts and the move,
// and go with the learner deleted (or fail the check of the counts):
// they lock the learner (lockLearnerTx) or the attempt (lockAttemptTx),
// and so wait for the merge, then find the learner gone or the attempt
// moved. Learners are locked in id order: two merges of one pair
// cannot deadlock.
func lockMergedTx(ctx context.Context, tx *sql.Tx, a, b int64) error {
	for _, id := range []int64{min(a, b), max(a, b)} {
		if err := lockLearnerTx(ctx, tx, id); err != nil {
			return err
		}
	}
	_, err := queryAll(ctx, tx, scanInt64, "SELECT id FROM attempts WHERE learner_id IN (?, ?) ORDER BY id"+forUpdate, a, b)
	return err
}

// learnerCounts sums the attempts, answers and reviews of the learners.
func learnerCounts(ctx context.Context, tx *sql.Tx, ids ...int64) (MergeResult, error) {
	var sum MergeResult
	for _, id := range ids {
		var c MergeResult
		err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM attempts WHERE learner_id = ?),
			(SELECT count(*) FROM responses r JOIN attempts a ON a.id = r.attempt_id WHERE a.learner_id = ?),
			(SELECT count(*) FROM reviews WHERE learner_id = ?)`, id, id, id).Scan(&c.Attempts, &c.Responses, &c.Reviews)
		if err != nil {
			return MergeResult{}, err
		}
		sum.Attempts += c.Attempts
		sum.Responses += c.Responses
		sum.Reviews += c.Reviews
	}
	return sum, nil
}

// mergeTx moves everything of gone to keep and deletes gone.
func mergeTx(ctx context.Context, tx *sql.Tx, keep, gone Learner) (MergeResult, error) {
	var res MergeResult
	exec := func(query string, args ...any) error {
		_, err := tx.ExecContext(ctx, query, args...)
		return err
	}
	// The questions both have a card for, before anything moves.
	both, err := queryAll(ctx, tx, scanInt64, `SELECT question_id FROM cards WHERE learner_id = ?
		AND question_id IN (SELECT question_id FROM cards WHERE learner_id = ?) ORDER BY question_id`, keep.ID, gone.ID)
	if err != nil {
		return res, err
	}
	steps := []struct {
		query string
		args  []any
	}{
		{"UPDATE attempts SET learner_id = ? WHERE learner_id = ?", []any{keep.ID, gone.ID}},
		{"UPDATE reviews SET learner_id = ? WHERE learner_id = ?", []any{keep.ID, gone.ID}},
		// Decks of the learner's own (imported from Anki) go with them.
		{"UPDATE sets SET learner_id = ? WHERE learner_id = ?", []any{keep.ID, gone.ID}},
		// A card both had stays suspended if either had suspended it.
		{`UPDATE cards SET suspended = 1 WHERE learner_id = ? AND question_id IN
			(SELECT question_id FROM cards WHERE learner_id = ? AND suspended = 1)`, []any{keep.ID, gone.ID}},
		{"DELETE FROM cards WHERE learner_id = ? AND question_id IN (SELECT question_id FROM cards WHERE learner_id = ?)", []any{gone.ID, keep.ID}},
	}
	for _, st := range steps {
		if err := exec(st.query, st.args...); err != nil {
			return res, err
		}
	}
	moved, err := tx.ExecContext(ctx, "UPDATE cards SET learner_id = ? WHERE learner_id = ?", keep.ID, gone.ID)
	if err != nil {
		return res, err
	}
	n, err := moved.RowsAffected()
	if err != nil {
		return res, err
	}
	res.Cards, res.Combined = int(n), len(both)
	if len(both) > 0 {
		sched, err := schedulerTx(ctx, tx, keep.ID)
		if err != nil {
			return res, err
		}
		for _, qid := range both {
			if err := replayMergedCard(ctx, tx, sched, keep.ID, qid); err != nil {
				return res, err
			}
		}
	}
	steps = []struct {
		query string
		args  []any
	}{
		{`INSERT INTO class_members (class_id, learner_id, joined_at, rostered)
			SELECT class_id, ?, joined_at, rostered FROM class_members WHERE learner_id = ?
			ON CONFLICT (class_id, learner_id) DO UPDATE SET
				rostered = CASE WHEN excluded.rostered = 1 THEN 1 ELSE class_members.rostered END,
				joined_at = CASE WHEN excluded.joined_at < class_members.joined_at THEN excluded.joined_at ELSE class_members.joined_at END`,
			[]any{keep.ID, gone.ID}},
		// Extra time or attempts given to either: the more generous of
		// each holds for the student kept.
		{`INSERT INTO assignment_overrides (assignment_id, learner_id, extra_time, extra_attempts)
			SELECT assignment_id, ?, extra_time, extra_attempts FROM assignment_overrides WHERE learner_id = ?
			ON CONFLICT (assignment_id, learner_id) DO UPDATE SET
				extra_time = CASE WHEN excluded.extra_time > assignment_overrides.extra_time THEN excluded.extra_time ELSE assignment_overrides.extra_time END,
				extra_attempts = CASE WHEN excluded.extra_attempts > assignment_overrides.extra_attempts
					THEN excluded.extra_attempts ELSE assignment_overrides.extra_attempts END`,
			[]any{keep.ID, gone.ID}},
		{"DELETE FROM assignment_overrides WHERE learner_id = ?", []any{gone.ID}},
		{`UPDATE study_settings SET learner_id = ? WHERE learner_id = ?
			AND NOT EXISTS (SELECT 1 FROM study_settings WHERE learner_id = ?)`, []any{keep.ID, gone.ID, keep.ID}},
		// The study state: gone's fitted weights and limits where keep has
		// none of their own; the totals are rebuilt from the merged log
		// (logChangedTx below), so gone's are dropped.
		{`UPDATE study_learners SET learner_id = ? WHERE learner_id = ?
			AND NOT EXISTS (SELECT 1 FROM study_learners WHERE learner_id = ?)`, []any{keep.ID, gone.ID, keep.ID}},
		{`UPDATE study_set_limits SET learner_id = ? WHERE learner_id = ?
			AND set_id NOT IN (SELECT set_id FROM study_set_limits WHERE learner_id = ?)`, []any{keep.ID, gone.ID, keep.ID}},
		{"DELETE FROM study_days WHERE learner_id = ?", []any{gone.ID}},
		{"DELETE FROM study_retention WHERE learner_id = ?", []any{gone.ID}},
		{"UPDATE sessions SET learner_id = ? WHERE learner_id = ?", []any{keep.ID, gone.ID}},
		{"UPDATE learners SET school_id = ?, email = ? WHERE id = ?", []any{cmpOr(keep.SchoolID, gone.SchoolID), cmpOr(keep.Email, gone.Email), keep.ID}},
		{"DELETE FROM learners WHERE id = ?", []any{gone.ID}},
	}
	for _, st := range steps {
		if err := exec(st.query, st.args...); err != nil {
			return res, err
		}
	}
	// The log moved around Review: keep's count of answers and totals are
	// made again from it (gone's went with gone).
	return res, logChangedTx(ctx, tx, keep.ID)
}

// replayMergedCard rebuilds the learner's card for a question from its
// (merged) log with quiz.Scheduler.MergeCards, and rewrites each entry's
// record of the card before it.
func replayMergedCard(ctx context.Context, tx *sql.Tx, sched *quiz.Scheduler, learnerID, questionID int64) error {
	type entry struct {
		id  int64
		log quiz.ReviewLog
	}
	entries, err := queryAll(ctx, tx, func(row scanner) (entry, error) {
		var e entry
		err := row.Scan(&e.id, &e.log.Rating, &e.log.Time)
		return e, err
	}, "SELECT id, rating, reviewed_at FROM reviews WHERE learner_id = ? AND question_id = ? ORDER BY id", learnerID, questionID)
	if err != nil || len(entries) == 0 {
		// No log: the card kept is the first learner's, as it was.
		return err
	}
	logs := make([]quiz.ReviewLog, len(entries))
	for i, e := range entries {
		logs[i] = e.log
	}
	befores, after, err := sched.MergeCards(questionID, logs)
	if err != nil {
		return err
	}
	for i, e := range entries {
		b := befores[i]
		next := after
		if i+1 < len(befores) {
			next = befores[i+1]
		}
		_, err := tx.ExecContext(ctx, `UPDATE reviews SET state_before = ?, step_before = ?, stability_before = ?, difficulty_before = ?,
			due_before = ?, last_review_before = ?, reps_before = ?, lapses_before = ?, scheduled_days_before = ?, model_before = ?,
			scheduled_days = ? WHERE id = ?`,
			int(b.State), b.Step, b.Stability, b.Difficulty, nullTime(b.Due), nullTime(b.LastReview), b.Reps, b.Lapses,
			b.ScheduledDays, b.Model, next.ScheduledDays, e.id)
		if err != nil {
			return err
		}
	}
	return putCardTx(ctx, tx, learnerID, questionID, after)
}
