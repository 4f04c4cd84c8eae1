package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"factdrill/questions"
	"factdrill/quiz"
)

// Item analysis is kept, not computed on demand: each assignment holds,
// per question, the sums quiz.ItemSums describes (tables item_totals and
// item_options), added to as each of its attempts is finished and taken
// from and added to again when a mark changes (a teacher's mark, a
// regrade: see untallyTx and rescoreTx). The analysis of a set adds up
// the rows of its assignments in the teacher's classes: a row per
// question and option, however many attempts there are. Reading every
// answer of 10,000 attempts took about a second.

// ItemSums returns what item analysis (quiz.AnalyzeSums) reads of a set
// the teacher may see the attempts at (their own, or a published set of
// no teacher's): the set, its questions, the sums of each question (in
// the questions' order) over the finished attempts at it in the teacher's
// classes, and how many attempts those are. A set the teacher may not
// see gives questions.ErrNotFound.
func (s *Store) ItemSums(ctx context.Context, teacherID, setID int64) (SetInfo, []StoredQuestion, []quiz.ItemSums, int, error) {
	if err := s.tallyAssignments(ctx, teacherID, setID); err != nil {
		return SetInfo{}, nil, nil, 0, fmt.Errorf("db: item sums of set %d: %w", setID, err)
	}
	var (
		info     SetInfo
		qs       []StoredQuestion
		sums     []quiz.ItemSums
		attempts int
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		if info, err = scanSet(tx.QueryRowContext(ctx, setSelect+" WHERE s.id = ? AND (s.owner_id = ? OR s.owner_id IS NULL AND s.learner_id IS NULL)", setID, teacherID)); err != nil {
			return err
		}
		if qs, err = setQuestions(ctx, tx, setID); err != nil {
			return err
		}
		index := make(map[int64]int, len(qs))
		for i, q := range qs {
			index[q.ID] = i
		}
		sums = make([]quiz.ItemSums, len(qs))
		err = tx.QueryRowContext(ctx, `SELECT count(*) FROM attempts a JOIN assignments g ON g.id = a.assignment_id
			JOIN classes c ON c.id = g.class_id WHERE g.set_id = ? AND `+teaches+` AND a.finished_at IS NOT NULL`, setID, teacherID).Scan(&attempts)
		if err != nil {
			return err
		}
		const mine = ` FROM assignments g JOIN classes c ON c.id = g.class_id WHERE g.set_id = ? AND ` + teaches
		rows, err := tx.QueryContext(ctx, `SELECT t.question_id, sum(t.n), sum(t.blank), sum(t.facility), sum(t.pairs),
			sum(t.x), sum(t.y), sum(t.xx), sum(t.yy), sum(t.xy)
			FROM item_totals t WHERE t.assignment_id IN (SELECT g.id`+mine+`) GROUP BY t.question_id`, setID, teacherID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				id int64
				m  quiz.ItemSums
			)
			if err := rows.Scan(&id, &m.N, &m.Blank, &m.Facility, &m.Pairs, &m.X, &m.Y, &m.XX, &m.YY, &m.XY); err != nil {
				return err
			}
			if i, ok := index[id]; ok {
				sums[i] = m
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		type option struct {
			question int64
			key      string
			count    quiz.OptionCount
		}
		opts, err := queryAll(ctx, tx, func(row scanner) (option, error) {
			var o option
			err := row.Scan(&o.question, &o.key, &o.count.Text, &o.count.Key, &o.count.Count)
			return o, err
		}, `SELECT o.question_id, o.option, min(o.text), max(o.is_key), sum(o.count)
			FROM item_options o WHERE o.assignment_id IN (SELECT g.id`+mine+`) GROUP BY o.question_id, o.option`, setID, teacherID)
		for _, o := range opts {
			i, ok := index[o.question]
			if !ok || o.count.Count <= 0 {
				continue
			}
			if sums[i].Options == nil {
				sums[i].Options = map[string]quiz.OptionCount{}
			}
			sums[i].Options[o.key] = o.count
		}
		return err
	})
	if err != nil {
		return SetInfo{}, nil, nil, 0, fmt.Errorf("db: item sums of set %d: %w", setID, err)
	}
	return info, qs, sums, attempts, nil
}

// tallyAssignments adds up, once, the finished attempts of the set's
// assignments in the teacher's classes made before their sums were kept
// (assignments.tallied 0, from before migration 0062).
func (s *Store) tallyAssignments(ctx context.Context, teacherID, setID int64) error {
	todo, err := read(ctx, s, "assignments to tally", func(tx *sql.Tx) ([]int64, error) {
		return queryAll(ctx, tx, scanInt64, `SELECT g.id FROM assignments g JOIN classes c ON c.id = g.class_id
			WHERE g.set_id = ? AND `+teaches+` AND g.tallied = 0`, setID, teacherID)
	})
	if err != nil || len(todo) == 0 {
		return err
	}
	return s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		for _, id := range todo {
			var tallied bool
			// Locked, so that an attempt finished meanwhile is either
			// read here or tallied by its finishing, not both.
			if err := tx.QueryRowContext(ctx, "SELECT tallied FROM assignments WHERE id = ?"+forUpdate, id).Scan(&tallied); err != nil {
				return err
			}
			if tallied {
				continue
			}
			attempts, err := queryAll(ctx, tx, scanInt64, "SELECT id FROM attempts WHERE assignment_id = ? AND finished_at IS NOT NULL ORDER BY id", id)
			if err != nil {
				return err
			}
			sums := map[int64]*quiz.ItemSums{}
			for _, a := range attempts {
				if err := s.attemptTalliesTx(ctx, tx, a, 1, sums); err != nil {
					return err
				}
			}
			if err := writeSumsTx(ctx, tx, id, sums); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "UPDATE assignments SET tallied = 1 WHERE id = ?", id); err != nil {
				return err
			}
		}
		return nil
	})
}

// tallyTx adds the finished attempt's answers to its assignment's item
// sums (sign 1), or takes them away (sign -1): an attempt is added when
// it is finished, and taken away before any change to its marks and
// added again after (rescoreTx). Attempts outside a class, and those of
// an assignment not tallied yet (see tallyAssignments), change nothing.
func (s *Store) tallyTx(ctx context.Context, tx *sql.Tx, attemptID int64, sign int) error {
	var (
		assignment sql.NullInt64
		tallied    sql.NullBool
		finished   sql.NullTime
	)
	err := tx.QueryRowContext(ctx, `SELECT a.assignment_id, g.tallied, a.finished_at FROM attempts a
		LEFT JOIN assignments g ON g.id = a.assignment_id WHERE a.id = ?`, attemptID).Scan(&assignment, &tallied, &finished)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil || !assignment.Valid || !tallied.Bool || !finished.Valid {
		return err
	}
	sums := map[int64]*quiz.ItemSums{}
	if err := s.attemptTalliesTx(ctx, tx, attemptID, sign, sums); err != nil {
		return err
	}
	return writeSumsTx(ctx, tx, assignment.Int64, sums)
}

// untallyTx takes the attempt's answers away from its item sums before a
// change to its marks, which rescoreTx adds back.
func (s *Store) untallyTx(ctx context.Context, tx *sql.Tx, attemptID int64) error {
	return s.tallyTx(ctx, tx, attemptID, -1)
}

// attemptTalliesTx adds the tallies of the attempt's answers (quiz.
// TallyAttempt, each question in the version the attempt showed), times
// sign, to sums by question.
func (s *Store) attemptTalliesTx(ctx context.Context, tx *sql.Tx, attemptID int64, sign int, sums map[int64]*quiz.ItemSums) error {
	type answer struct {
		questionID, versionID int64
		answer                sql.NullString
		fraction, manual      sql.NullFloat64
	}
	rows, err := queryAll(ctx, tx, func(row scanner) (answer, error) {
		var a answer
		err := row.Scan(&a.questionID, &a.versionID, &a.answer, &a.fraction, &a.manual)
		return a, err
	}, `SELECT aq.question_id, coalesce(r.version_id, aq.version_id), r.answer, r.fraction, r.manual_fraction
		FROM attempt_questions aq LEFT JOIN responses r ON r.attempt_id = aq.attempt_id AND r.position = aq.position
		WHERE aq.attempt_id = ? ORDER BY aq.position`, attemptID)
	if err != nil {
		return err
	}
	qs := make([]questions.Question, len(rows))
	att := make([]quiz.ItemAnswer, len(rows))
	for i, r := range rows {
		v, err := s.version(ctx, tx, r.versionID)
		if err != nil {
			return err
		}
		qs[i] = v.question
		a := quiz.ItemAnswer{Question: i}
		if r.answer.Valid {
			a.Answered, a.Fraction = true, r.fraction.Float64
			if r.manual.Valid {
				// A teacher's mark stands for the automatic one
				// (quiz.Effective).
				a.Fraction = max(-1, min(1, r.manual.Float64))
			}
			if err := json.Unmarshal([]byte(r.answer.String), &a.Answer); err != nil {
				return fmt.Errorf("answer in attempt %d to question %d: %w", attemptID, r.questionID, err)
			}
		}
		att[i] = a
	}
	for _, t := range quiz.TallyAttempt(qs, att) {
		id := rows[t.Question].questionID
		if sums[id] == nil {
			sums[id] = &quiz.ItemSums{}
		}
		sums[id].Add(t, sign)
	}
	return nil
}

// writeSumsTx adds sums, by question, to the assignment's item sums.
func writeSumsTx(ctx context.Context, tx *sql.Tx, assignmentID int64, sums map[int64]*quiz.ItemSums) error {
	ids := make([]int64, 0, len(sums))
	for id := range sums {
		ids = append(ids, id)
	}
	slices.Sort(ids) // the same order in every transaction: no deadlocks between them
	for _, id := range ids {
		m := sums[id]
		if _, err := tx.ExecContext(ctx, `INSERT INTO item_totals (assignment_id, question_id, n, blank, facility, pairs, x, y, xx, yy, xy)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (assignment_id, question_id) DO UPDATE SET n = item_totals.n + excluded.n, blank = item_totals.blank + excluded.blank,
				facility = item_totals.facility + excluded.facility, pairs = item_totals.pairs + excluded.pairs,
				x = item_totals.x + excluded.x, y = item_totals.y + excluded.y, xx = item_totals.xx + excluded.xx,
				yy = item_totals.yy + excluded.yy, xy = item_totals.xy + excluded.xy`,
			assignmentID, id, m.N, m.Blank, m.Facility, m.Pairs, m.X, m.Y, m.XX, m.YY, m.XY); err != nil {
			return err
		}
		keys := make([]string, 0, len(m.Options))
		for k := range m.Options {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		shrunk := false
		for _, k := range keys {
			o := m.Options[k]
			if _, err := tx.ExecContext(ctx, `INSERT INTO item_options (assignment_id, question_id, option, text, is_key, count) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (assignment_id, question_id, option) DO UPDATE SET count = item_options.count + excluded.count`,
				assignmentID, id, k, o.Text, boolInt(o.Key), o.Count); err != nil {
				return err
			}
			shrunk = shrunk || o.Count < 0
		}
		if !shrunk {
			continue
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM item_options WHERE assignment_id = ? AND question_id = ? AND count <= 0", assignmentID, id); err != nil {
			return err
		}
	}
	return nil
}
