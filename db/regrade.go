package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// Regrading moves the finished attempts at a set's questions from the
// versions they showed to the questions' current versions: each answer is
// carried over (an option picked is found again by its text,
// quiz.CarryAnswer) and graded again by the set's rules, in one
// transaction, with a log of every mark before and after (regrades,
// regrade_marks). A mark a person gave still counts over grading's. Open
// attempts keep what they show until they are finished; a later regrade
// takes them.

// RegradeItem is what regrading one question of a set does: the question
// as the set now has it, its place in the set (from 1), how many answers
// (in how many attempts) move to its current version, and how many of
// their marks change, with each mark that changes.
type RegradeItem struct {
	Question  StoredQuestion
	Number    int
	Responses int
	Attempts  int
	Changed   int
	Marks     []RegradeMark
}

// RegradeMark is one answer whose mark a regrade changes: whose, what
// they answered, and its mark (the share of the question's mark) before
// and after.
type RegradeMark struct {
	AttemptID int64
	Learner   string
	Answer    string
	Old, New  float64
}

// regradeStep is one question of one finished attempt moving to the
// current version.
type regradeStep struct {
	questionID, attemptID int64
	pos                   int
	fromVersion           int64
	toVersion             int64
	options               quiz.Options
	answered              bool
	answer                quiz.Answer
	auto                  float64 // grading's mark, on the current version
	old, new              float64 // the marks that count, before and after
}

// RegradePreview is the dry run of Regrade: for each question of the
// teacher's set that finished attempts show in an older version, what
// regrading it would change. Nothing is written.
func (s *Store) RegradePreview(ctx context.Context, teacherID, setID int64) ([]RegradeItem, error) {
	var items []RegradeItem
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		if err := seeOwnSet(ctx, tx, teacherID, setID); err != nil {
			return err
		}
		var err error
		items, _, err = s.regradePlanTx(ctx, tx, setID, nil)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("db: regrade preview of set %d: %w", setID, err)
	}
	return items, nil
}

// Regrade moves the finished attempts at the teacher's set to the current
// versions of the questions whose ids are given (all the set's questions
// for none), grades their answers again, and stores the new marks and
// scores, in one transaction, with a log. It returns what it did.
func (s *Store) Regrade(ctx context.Context, teacherID, setID int64, questionIDs []int64) ([]RegradeItem, error) {
	var items []RegradeItem
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, setID); err != nil {
			return err
		}
		var err error
		items, err = s.regradeTx(ctx, tx, teacherID, setID, questionIDs, "")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("db: regrade set %d: %w", setID, err)
	}
	return items, nil
}

// regradeTx applies the regrade of the set's questions questionIDs (all
// for none), logged with reason.
func (s *Store) regradeTx(ctx context.Context, tx *sql.Tx, teacherID, setID int64, questionIDs []int64, reason string) ([]RegradeItem, error) {
	now := s.now()
	// The attempts at the set's questions are locked before the plan
	// reads their answers: an answer saved meanwhile on another server
	// (which locks its attempt first) is then either read here, or made
	// after the regrade, never written over by it.
	if _, err := queryAll(ctx, tx, scanInt64, `SELECT a.id FROM attempts a WHERE a.id IN (SELECT aq.attempt_id FROM attempt_questions aq
		JOIN set_questions sq ON sq.question_id = aq.question_id WHERE sq.set_id = ?) ORDER BY a.id`+forUpdate, setID); err != nil {
		return nil, err
	}
	items, steps, err := s.regradePlanTx(ctx, tx, setID, questionIDs)
	if err != nil {
		return nil, err
	}
	logs := map[int64]int64{} // question → its regrades row
	for _, it := range items {
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO regrades (question_id, version_id, teacher_id, reason, created_at) VALUES (?, ?, ?, ?, ?)
			RETURNING id`, it.Question.ID, it.Question.VersionID, teacherID, reason, now.UTC()).Scan(&id); err != nil {
			return nil, err
		}
		logs[it.Question.ID] = id
	}
	rescore := map[int64]bool{}
	for _, st := range steps {
		if st.answered && !rescore[st.attemptID] {
			// Its marks change: out of its item sums until rescoreTx.
			if err := s.untallyTx(ctx, tx, st.attemptID); err != nil {
				return nil, err
			}
			rescore[st.attemptID] = true
		}
	}
	for _, st := range steps {
		order, err := encodeOptions(st.options)
		if err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE attempt_questions SET version_id = ?, option_order = ? WHERE attempt_id = ? AND position = ?",
			st.toVersion, order, st.attemptID, st.pos); err != nil {
			return nil, err
		}
		if !st.answered {
			continue
		}
		js, err := json.Marshal(st.answer)
		if err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE responses SET version_id = ?, answer = ?, fraction = ? WHERE attempt_id = ? AND position = ?",
			st.toVersion, string(js), st.auto, st.attemptID, st.pos); err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO regrade_marks (regrade_id, attempt_id, position, from_version, old_fraction, new_fraction)
			VALUES (?, ?, ?, ?, ?, ?)`, logs[st.questionID], st.attemptID, st.pos, st.fromVersion, st.old, st.new); err != nil {
			return nil, err
		}
		rescore[st.attemptID] = true
	}
	for id := range rescore {
		if err := s.rescoreTx(ctx, tx, id); err != nil {
			return nil, err
		}
	}
	return items, nil
}

// regradePlanTx works out, without writing, what regrading the set's
// questions questionIDs (all for none) does: an item per question with
// something to move, and each step.
func (s *Store) regradePlanTx(ctx context.Context, tx *sql.Tx, setID int64, questionIDs []int64) ([]RegradeItem, []regradeStep, error) {
	qs, err := setQuestions(ctx, tx, setID)
	if err != nil {
		return nil, nil, err
	}
	var (
		items []RegradeItem
		steps []regradeStep
	)
	for i, q := range qs {
		if len(questionIDs) > 0 && !slices.Contains(questionIDs, q.ID) {
			continue
		}
		type ref struct {
			attemptID int64
			pos       int
			learner   string
		}
		refs, err := queryAll(ctx, tx, func(row scanner) (ref, error) {
			var r ref
			err := row.Scan(&r.attemptID, &r.pos, &r.learner)
			return r, err
		}, `SELECT a.id, aq.position, coalesce(l.name, '') FROM attempt_questions aq JOIN attempts a ON a.id = aq.attempt_id
			JOIN learners l ON l.id = a.learner_id
			WHERE aq.question_id = ? AND a.set_id = ? AND a.finished_at IS NOT NULL AND aq.version_id <> ? ORDER BY a.id, aq.position`,
			q.ID, setID, q.VersionID)
		if err != nil {
			return nil, nil, err
		}
		if len(refs) == 0 {
			continue
		}
		it := RegradeItem{Question: q, Number: i + 1}
		attempts := map[int64]bool{}
		for _, r := range refs {
			a, err := scanAttempt(tx.QueryRowContext(ctx, attemptSelect+" WHERE a.id = ?", r.attemptID))
			if err != nil {
				return nil, nil, err
			}
			resp, err := s.responseTx(ctx, tx, a, r.pos)
			if err != nil {
				return nil, nil, err
			}
			st := regradeStep{questionID: q.ID, attemptID: a.ID, pos: r.pos, fromVersion: resp.Question.VersionID, toVersion: q.VersionID,
				options: quiz.CarryOrder(resp.Question.Question, q.Question, resp.Options), answered: resp.Answered}
			attempts[a.ID] = true
			if resp.Answered {
				st.answer = quiz.CarryAnswer(resp.Question.Question, q.Question, resp.Answer)
				g := quiz.GradeWith(q.Question, st.answer, a.Rules)
				st.auto = g.Fraction
				st.old = resp.Grade().Fraction
				st.new = quiz.Effective(q.Question, true, g, resp.Manual, resp.TeacherMarks).Fraction
				it.Responses++
				if math.Abs(st.new-st.old) > 1e-9 {
					it.Changed++
					it.Marks = append(it.Marks, RegradeMark{AttemptID: a.ID, Learner: r.learner,
						Answer: quiz.AnswerText(q.Question, st.answer), Old: st.old, New: st.new})
				}
			}
			steps = append(steps, st)
		}
		it.Attempts = len(attempts)
		items = append(items, it)
	}
	return items, steps, nil
}

// AcceptAnswer accepts text as a right answer of the short-answer or cloze
// question of the teacher's set (item analysis's "accept" on a common
// wrong answer): the question gets a new version with the answer added,
// worth its whole mark, and its finished attempts are regraded, in one
// transaction. It returns what the regrade did.
func (s *Store) AcceptAnswer(ctx context.Context, teacherID, setID, questionID int64, text string) (RegradeItem, error) {
	now := s.now()
	text = strings.TrimSpace(text)
	var item RegradeItem
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, setID); err != nil {
			return err
		}
		qs, err := setQuestions(ctx, tx, setID)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(qs, func(q StoredQuestion) bool { return q.ID == questionID })
		if i < 0 {
			return questions.ErrNotFound
		}
		q := qs[i].Question
		if q.Kind != questions.ShortAnswer && q.Kind != questions.Cloze {
			return invalid("only short answers and clozes take another accepted answer")
		}
		if text == "" || len(text) > 1000 {
			return invalid("an accepted answer has between 1 and 1000 characters")
		}
		for k, a := range q.Answers {
			if quiz.Normalize(a.Text) == quiz.Normalize(text) {
				if a.Weight >= 100 {
					return invalid("“%s” is accepted already", text)
				}
				q.Answers = slices.Delete(slices.Clone(q.Answers), k, k+1)
				break
			}
		}
		q.Answers = append(slices.Clone(q.Answers), questions.Choice{Text: text, Weight: 100})
		if err := q.Validate(); err != nil {
			return invalidSet(err)
		}
		if _, err := reviseQuestionTx(ctx, tx, questionID, q, now); err != nil {
			return err
		}
		items, err := s.regradeTx(ctx, tx, teacherID, setID, []int64{questionID}, "accepted “"+text+"”")
		if err != nil {
			return err
		}
		if len(items) > 0 {
			item = items[0]
		}
		return nil
	})
	if err != nil {
		return RegradeItem{}, fmt.Errorf("db: accept an answer to question %d: %w", questionID, err)
	}
	return item, nil
}

// RegradeLog is one regrade of a question of a set, as its history shows
// it: which question, why, when, how many answers it moved and how many
// marks it changed.
type RegradeLog struct {
	QuestionID     int64
	Reason         string
	At             time.Time
	Moved, Changed int
}

// RegradeLogs returns the latest regrades of the teacher's set, newest
// first, at most limit of them.
func (s *Store) RegradeLogs(ctx context.Context, teacherID, setID int64, limit int) ([]RegradeLog, error) {
	return read(ctx, s, fmt.Sprintf("regrades of set %d", setID), func(tx *sql.Tx) ([]RegradeLog, error) {
		if err := seeOwnSet(ctx, tx, teacherID, setID); err != nil {
			return nil, err
		}
		return queryAll(ctx, tx, func(row scanner) (RegradeLog, error) {
			var l RegradeLog
			err := row.Scan(&l.QuestionID, &l.Reason, &l.At, &l.Moved, &l.Changed)
			l.At = l.At.UTC()
			return l, err
		}, `SELECT r.question_id, r.reason, r.created_at, count(m.attempt_id),
				coalesce(sum(CASE WHEN abs(m.old_fraction - m.new_fraction) > 0.000000001 THEN 1 ELSE 0 END), 0)
			FROM regrades r JOIN set_questions sq ON sq.question_id = r.question_id AND sq.set_id = ?
			LEFT JOIN regrade_marks m ON m.regrade_id = r.id
			GROUP BY r.id, r.question_id, r.reason, r.created_at ORDER BY r.id DESC LIMIT ?`, setID, limit)
	})
}

// RegradeCount counts the questions of finished attempts at the set (one
// of the teacher's own) that show a version older than the set's: what a
// regrade would move. It is one indexed count, cheap enough for the set's
// page; RegradePreview says what the regrade would change.
func (s *Store) RegradeCount(ctx context.Context, teacherID, setID int64) (int, error) {
	return read(ctx, s, fmt.Sprintf("regrade count of set %d", setID), func(tx *sql.Tx) (int, error) {
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM attempts a JOIN attempt_questions aq ON aq.attempt_id = a.id
			JOIN set_questions sq ON sq.set_id = a.set_id AND sq.question_id = aq.question_id JOIN questions q ON q.id = aq.question_id
			JOIN sets s ON s.id = a.set_id
			WHERE a.set_id = ? AND s.owner_id = ? AND a.finished_at IS NOT NULL AND aq.version_id <> q.version_id`, setID, teacherID).Scan(&n)
		return n, err
	})
}
