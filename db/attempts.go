package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// Attempt is one go at a set's quiz by one learner.
type Attempt struct {
	ID        int64
	LearnerID int64
	SetID     int64
	SetTitle  string
	// Position is the index of the question the learner is on.
	Position int
	// Count is the number of questions in the attempt.
	Count int
	// Answered is the number of questions answered so far.
	Answered   int
	StartedAt  time.Time
	FinishedAt time.Time // zero while the attempt is open
	// Score is filled in when the attempt is finished.
	Score quiz.Score
	// AssignmentID is the class assignment the attempt was made for; 0 for
	// an attempt started from the home page.
	AssignmentID int64
	// Feedback is the assignment's feedback setting ("after" or "during");
	// "" for an attempt without an assignment, which means "after".
	Feedback string
}

// Finished reports whether the attempt has been handed in.
func (a Attempt) Finished() bool { return !a.FinishedAt.IsZero() }

// Response is a question of an attempt with the answer given to it.
type Response struct {
	Position int
	Question StoredQuestion
	// Answered is false for a question not answered yet.
	Answered bool
	Answer   quiz.Answer
	// Fraction is the mark the answer earned when it was given, as
	// stored: what counts, even if the question was edited since.
	Fraction   float64
	AnsweredAt time.Time
}

// Grade is the response's grade for pages and exports: the stored mark,
// with the feedback that grading the answer gives (quiz.Regrade); the
// zero grade of the question's kind when it is not answered.
func (r Response) Grade() quiz.Grade {
	if !r.Answered {
		return quiz.Grade{Graded: r.Question.Kind.Graded()}
	}
	return quiz.Regrade(r.Question.Question, r.Answer, r.Fraction)
}

// StartAttempt returns the learner's open attempt at the set, or starts a
// new one with all the set's questions in order. A set that is not
// published gives questions.ErrNotFound. A set that belongs to a teacher is taken
// through a class: for a learner in a class it is assigned to, this is
// StartClassAttempt of that assignment; for anyone else, questions.ErrNotFound.
func (s *Store) StartAttempt(ctx context.Context, learnerID, setID int64) (Attempt, error) {
	now := s.now()
	var id int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id FROM attempts
			WHERE learner_id = ? AND set_id = ? AND assignment_id IS NULL AND finished_at IS NULL ORDER BY id DESC LIMIT 1`, learnerID, setID).Scan(&id)
		if err == nil || !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var owned bool
		err = tx.QueryRowContext(ctx, "SELECT owner_id IS NOT NULL FROM sets WHERE id = ?", setID).Scan(&owned)
		if errors.Is(err, sql.ErrNoRows) {
			return questions.ErrNotFound
		} else if err != nil {
			return err
		}
		if owned {
			// A teacher's set is taken through a class the learner is in,
			// by the settings of its assignment ("Try again" on a result).
			var g int64
			err := tx.QueryRowContext(ctx, `SELECT g.id FROM assignments g JOIN class_members m ON m.class_id = g.class_id
				WHERE g.set_id = ? AND m.learner_id = ? ORDER BY g.id LIMIT 1`, setID, learnerID).Scan(&g)
			if errors.Is(err, sql.ErrNoRows) {
				return questions.ErrNotFound
			} else if err != nil {
				return err
			}
			id, err = startClassAttempt(ctx, tx, learnerID, g, now)
			return err
		}
		var published bool
		err = tx.QueryRowContext(ctx, "SELECT published FROM sets WHERE id = ?", setID).Scan(&published)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && !published) {
			return questions.ErrNotFound
		} else if err != nil {
			return err
		}
		qs, err := setVersionsTx(ctx, tx, setID)
		if err != nil {
			return err
		}
		id, err = insertAttemptTx(ctx, tx, learnerID, setID, nil, qs, now)
		return err
	})
	if err != nil {
		return Attempt{}, fmt.Errorf("db: start attempt: %w", err)
	}
	return s.Attempt(ctx, learnerID, id)
}

const attemptSelect = `SELECT a.id, a.learner_id, a.set_id, s.title, a.position,
	(SELECT count(*) FROM attempt_questions q WHERE q.attempt_id = a.id),
	(SELECT count(*) FROM responses r WHERE r.attempt_id = a.id),
	a.started_at, a.finished_at, coalesce(a.score, 0), coalesce(a.max_score, 0),
	coalesce(a.assignment_id, 0), coalesce((SELECT g.feedback FROM assignments g WHERE g.id = a.assignment_id), '')
	FROM attempts a JOIN sets s ON s.id = a.set_id`

func scanAttempt(row scanner) (Attempt, error) {
	var (
		a        Attempt
		finished sql.NullTime
	)
	err := row.Scan(&a.ID, &a.LearnerID, &a.SetID, &a.SetTitle, &a.Position, &a.Count, &a.Answered,
		&a.StartedAt, &finished, &a.Score.Points, &a.Score.Max, &a.AssignmentID, &a.Feedback)
	if errors.Is(err, sql.ErrNoRows) {
		return Attempt{}, questions.ErrNotFound
	}
	a.StartedAt = a.StartedAt.UTC()
	a.FinishedAt = timeOf(finished)
	return a, err
}

func attemptTx(ctx context.Context, tx *sql.Tx, learnerID, id int64) (Attempt, error) {
	return scanAttempt(tx.QueryRowContext(ctx, attemptSelect+" WHERE a.id = ? AND a.learner_id = ?", id, learnerID))
}

// Attempt returns the learner's attempt with the given id. Another
// learner's attempt gives questions.ErrNotFound, as a missing one does.
func (s *Store) Attempt(ctx context.Context, learnerID, id int64) (Attempt, error) {
	var a Attempt
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = attemptTx(ctx, tx, learnerID, id)
		if err == nil && a.Finished() {
			a.Score.Right, err = rightCount(ctx, tx, id)
		}
		return err
	})
	if err != nil {
		return Attempt{}, fmt.Errorf("db: attempt %d: %w", id, err)
	}
	return a, nil
}

func rightCount(ctx context.Context, tx *sql.Tx, attemptID int64) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM responses r JOIN question_versions v ON v.id = r.version_id
		WHERE r.attempt_id = ? AND r.fraction >= 0.999999999 AND v.kind NOT IN ('essay', 'description')`, attemptID).Scan(&n)
	return n, err
}

// pinned is a question of an attempt as it is started: the question and
// the version it is shown in.
type pinned struct{ questionID, versionID int64 }

// setVersionsTx returns the set's questions in order, each with its
// current version: what an attempt started now shows.
func setVersionsTx(ctx context.Context, tx *sql.Tx, setID int64) ([]pinned, error) {
	return queryAll(ctx, tx, func(row scanner) (pinned, error) {
		var p pinned
		err := row.Scan(&p.questionID, &p.versionID)
		return p, err
	}, `SELECT sq.question_id, q.version_id FROM set_questions sq JOIN questions q ON q.id = sq.question_id
		WHERE sq.set_id = ? ORDER BY sq.position`, setID)
}

// insertAttemptTx starts the learner's attempt at the set (for the
// assignment, or nil) showing qs in that order, each at its version, and
// returns its id.
func insertAttemptTx(ctx context.Context, tx *sql.Tx, learnerID, setID int64, assignment any, qs []pinned, now time.Time) (int64, error) {
	if len(qs) == 0 {
		return 0, invalid("the set has no questions")
	}
	var id int64
	err := tx.QueryRowContext(ctx, "INSERT INTO attempts (learner_id, set_id, assignment_id, started_at) VALUES (?, ?, ?, ?) RETURNING id",
		learnerID, setID, assignment, now.UTC()).Scan(&id)
	if err != nil {
		return 0, err
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO attempt_questions (attempt_id, position, question_id, version_id) VALUES (?, ?, ?, ?)")
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for pos, q := range qs {
		if _, err := stmt.ExecContext(ctx, id, pos, q.questionID, q.versionID); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// LearnerAttempts lists the learner's attempts, newest first.
func (s *Store) LearnerAttempts(ctx context.Context, learnerID int64) ([]Attempt, error) {
	var as []Attempt
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		as, err = queryAll(ctx, tx, scanAttempt, attemptSelect+" WHERE a.learner_id = ? ORDER BY a.id DESC", learnerID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("db: attempts of learner %d: %w", learnerID, err)
	}
	return as, nil
}

// Step is one question of an attempt with what the question page shows
// around it.
type Step struct {
	Attempt  Attempt
	Response Response
	// Answered says, for each position of the attempt, whether it has an
	// answer.
	Answered []bool
}

// AttemptQuestion returns the question at position pos of the learner's
// attempt, answered or not, as of one snapshot. It is what every question
// page reads, so it is served from the read cache when it can be.
func (s *Store) AttemptQuestion(ctx context.Context, learnerID, attemptID int64, pos int) (Step, error) {
	st, err := s.attemptStep(ctx, learnerID, attemptID, pos, true)
	if err != nil {
		return Step{}, fmt.Errorf("db: attempt %d question %d: %w", attemptID, pos, err)
	}
	return st, nil
}

// attemptStep is AttemptQuestion: the attempt's state from the read cache
// (or read in one snapshot, and cached), the question's version from the
// cache of versions (or read, and cached). Without flags, Step.Answered
// is left nil.
func (s *Store) attemptStep(ctx context.Context, learnerID, attemptID int64, pos int, flags bool) (Step, error) {
	v, inRange, found := s.cache.attempt(attemptID, pos, flags)
	if !found {
		f := s.cache.startFill(attemptID)
		var e *attemptEntry
		err := s.inRead(ctx, func(tx *sql.Tx) error {
			var err error
			e, err = readAttemptEntry(ctx, tx, attemptID)
			return err
		})
		if err != nil {
			s.cache.putAttempt(f, nil)
			return Step{}, err
		}
		v, inRange = e.view(pos, flags)
		s.cache.putAttempt(f, e)
	}
	if v.attempt.LearnerID != learnerID || !inRange {
		return Step{}, questions.ErrNotFound
	}
	ver, err := s.version(ctx, nil, v.item.versionID)
	if err != nil {
		return Step{}, err
	}
	return Step{Attempt: v.attempt, Response: v.item.response(v.attempt, pos, ver), Answered: v.answered}, nil
}

// response is the item at pos of attempt a, showing version ver.
func (it attemptItem) response(a Attempt, pos int, ver *version) Response {
	return Response{
		Position: pos,
		Question: StoredQuestion{ID: it.questionID, VersionID: it.versionID, Version: ver.number, SetID: a.SetID, Position: pos,
			Question: ver.question},
		Answered: it.answered, Answer: it.answer, Fraction: it.fraction, AnsweredAt: it.at,
	}
}

// readAttemptEntry reads the attempt with, for each position, the
// question and version it shows and the answer given: not the questions.
func readAttemptEntry(ctx context.Context, tx *sql.Tx, attemptID int64) (*attemptEntry, error) {
	a, err := scanAttempt(tx.QueryRowContext(ctx, attemptSelect+" WHERE a.id = ?", attemptID))
	if err != nil {
		return nil, err
	}
	items, err := attemptItems(ctx, tx, attemptID)
	if err != nil {
		return nil, err
	}
	return &attemptEntry{attempt: a, items: items}, nil
}

// attemptItems reads, in order, each position of the attempt: the
// question and version it shows and the answer given.
func attemptItems(ctx context.Context, tx *sql.Tx, attemptID int64) ([]attemptItem, error) {
	items, err := queryAll(ctx, tx, func(row scanner) (attemptItem, error) {
		var (
			it       attemptItem
			answer   sql.NullString
			fraction sql.NullFloat64
			at       sql.NullTime
		)
		if err := row.Scan(&it.questionID, &it.versionID, &answer, &fraction, &at); err != nil {
			return it, err
		}
		if answer.Valid {
			it.answered, it.fraction, it.at = true, fraction.Float64, timeOf(at)
			if err := json.Unmarshal([]byte(answer.String), &it.answer); err != nil {
				return it, fmt.Errorf("answer to question %d: %w", it.questionID, err)
			}
		}
		return it, nil
	}, `SELECT aq.question_id, aq.version_id, r.answer, r.fraction, r.answered_at
		FROM attempt_questions aq LEFT JOIN responses r ON r.attempt_id = aq.attempt_id AND r.position = aq.position
		WHERE aq.attempt_id = ? ORDER BY aq.position`, attemptID)
	if err == nil && len(items) == 0 {
		err = questions.ErrNotFound
	}
	return items, err
}

// version returns a decoded question version from the cache of versions,
// or read (in tx, or in a read transaction of its own when tx is nil) and
// cached. It is shared: callers must not change it.
func (s *Store) version(ctx context.Context, tx *sql.Tx, id int64) (*version, error) {
	if v, ok := s.cache.version(id); ok {
		return v, nil
	}
	var (
		v    version
		body string
	)
	q := "SELECT number, body FROM question_versions WHERE id = ?"
	var err error
	if tx != nil {
		err = tx.QueryRowContext(ctx, q, id).Scan(&v.number, &body)
	} else {
		err = s.read.QueryRowContext(ctx, q, id).Scan(&v.number, &body)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, questions.ErrNotFound
	} else if err != nil {
		return nil, err
	}
	if v.question, err = decodeQuestion(id, body); err != nil {
		return nil, err
	}
	s.cache.putVersion(id, &v)
	return &v, nil
}

// responses returns every question of the attempt with its answer, each
// question in the version the attempt showed (decoded versions come from
// the cache of versions, shared by every attempt).
func (s *Store) responses(ctx context.Context, tx *sql.Tx, a Attempt) ([]Response, error) {
	items, err := attemptItems(ctx, tx, a.ID)
	if err != nil {
		return nil, err
	}
	out := make([]Response, len(items))
	for pos, it := range items {
		ver, err := s.version(ctx, tx, it.versionID)
		if err != nil {
			return nil, err
		}
		out[pos] = it.response(a, pos, ver)
	}
	return out, nil
}

// Responses returns every question of the learner's attempt with the
// answer given, in the order asked: what the result page shows.
func (s *Store) Responses(ctx context.Context, learnerID, attemptID int64) (Attempt, []Response, error) {
	var (
		a  Attempt
		rs []Response
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		if a, err = attemptTx(ctx, tx, learnerID, attemptID); err != nil {
			return err
		}
		if a.Finished() {
			if a.Score.Right, err = rightCount(ctx, tx, attemptID); err != nil {
				return err
			}
		}
		rs, err = s.responses(ctx, tx, a)
		return err
	})
	if err != nil {
		return Attempt{}, nil, fmt.Errorf("db: responses of attempt %d: %w", attemptID, err)
	}
	return a, rs, nil
}

// SaveAnswer records the learner's answer to the question at position pos
// of an open attempt, replacing any earlier answer to it, and moves the
// attempt to position next. It returns only once the answer is committed.
// An empty answer clears the question's response. Answering in a finished
// attempt gives ErrConflict. In an attempt with feedback during it
// (FeedbackDuring), a question's first answer stands: later ones are not
// saved. The first answer to each question of an attempt is also a review
// of the learner's flashcard for it (see reviewQuizAnswer).
//
// The answer is graded (quiz.GradeAnswer) before the transaction, on the
// attempt's question as the read cache holds it; the transaction stores
// the mark, and checks that the attempt is still the learner's and open,
// so a cache a moment old cannot let an answer into a finished attempt.
func (s *Store) SaveAnswer(ctx context.Context, learnerID, attemptID int64, pos int, answer quiz.Answer, next int) error {
	now := s.now()
	st, err := s.attemptStep(ctx, learnerID, attemptID, pos, false)
	if err == nil && st.Attempt.Finished() {
		err = conflict("the attempt is already finished")
	}
	if err != nil {
		return fmt.Errorf("db: save answer to attempt %d question %d: %w", attemptID, pos, err)
	}
	q := st.Response.Question
	ch := answerChange{
		attemptID: attemptID, pos: pos, next: min(max(next, 0), st.Attempt.Count-1), write: true,
		answer: answer, grade: quiz.GradeAnswer(q.Question, answer), at: now.UTC(),
	}
	err = s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE attempts SET position = ? WHERE id = ? AND learner_id = ? AND finished_at IS NULL",
			ch.next, attemptID, learnerID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err == nil {
				err = conflict("the attempt is already finished")
			}
			return err
		}
		if st.Attempt.Feedback == FeedbackDuring {
			// With feedback during the attempt the learner has seen the
			// right answer: the first answer stands.
			var checked bool
			if err := tx.QueryRowContext(ctx, "SELECT count(*) > 0 FROM responses WHERE attempt_id = ? AND position = ?", attemptID, pos).Scan(&checked); err != nil {
				return err
			}
			if checked {
				ch.write = false
				return nil
			}
		}
		if answer.Empty() {
			_, err := tx.ExecContext(ctx, "DELETE FROM responses WHERE attempt_id = ? AND position = ?", attemptID, pos)
			return err
		}
		js, err := json.Marshal(answer)
		if err != nil {
			return err
		}
		// The answer is graded against the version the attempt showed.
		_, err = tx.ExecContext(ctx, `INSERT INTO responses (attempt_id, position, question_id, version_id, answer, fraction, answered_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (attempt_id, position) DO UPDATE SET version_id = excluded.version_id, answer = excluded.answer,
				fraction = excluded.fraction, answered_at = excluded.answered_at`,
			attemptID, pos, q.ID, q.VersionID, string(js), ch.grade.Fraction, ch.at)
		if err != nil {
			return err
		}
		// The answer is also a review of the learner's flashcard for the
		// question (see reviewQuizAnswer), in this transaction.
		return reviewQuizAnswer(ctx, tx, learnerID, attemptID, q.ID, q.Question, ch.grade, now)
	})
	if err != nil {
		return fmt.Errorf("db: save answer to attempt %d question %d: %w", attemptID, pos, err)
	}
	s.cache.answered(ch)
	return nil
}

// FinishAttempt hands the attempt in: it scores the answers given and
// closes the attempt to changes. Finishing twice returns the first result.
func (s *Store) FinishAttempt(ctx context.Context, learnerID, attemptID int64) (Attempt, error) {
	now := s.now()
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		a, err := attemptTx(ctx, tx, learnerID, attemptID)
		if err != nil || a.Finished() {
			return err
		}
		rs, err := s.responses(ctx, tx, a)
		if err != nil {
			return err
		}
		// The marks were decided when each answer was graded; the score
		// adds them up by quiz's rules.
		var score quiz.Score
		for _, r := range rs {
			score.Add(quiz.Grade{Graded: r.Question.Kind.Graded(), Fraction: r.Fraction})
		}
		_, err = tx.ExecContext(ctx, "UPDATE attempts SET finished_at = ?, score = ?, max_score = ? WHERE id = ?",
			now.UTC(), score.Points, score.Max, attemptID)
		return err
	})
	if err != nil {
		return Attempt{}, fmt.Errorf("db: finish attempt %d: %w", attemptID, err)
	}
	return s.Attempt(ctx, learnerID, attemptID)
}
