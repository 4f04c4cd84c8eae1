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
	// Feedback is the assignment's feedback setting as it was when the
	// attempt started (FeedbackAfter or FeedbackDuring).
	Feedback string
	// Deadline is when the attempt is submitted with what was saved, if
	// still open (zero: none). FinishedBy says who submitted it:
	// FinishedByLearner or FinishedByDeadline.
	Deadline   time.Time
	FinishedBy string
	// Review is what the attempt's review rules show (everything for an
	// attempt outside a class); Closes is when its quiz closes (zero:
	// never), which decides the moment of the rules.
	Review quiz.ReviewRules
	Closes time.Time
	// Rules are the set's grading rules (its spelling tolerance).
	Rules quiz.Rules
}

// Who submitted an attempt.
const (
	FinishedByLearner  = "learner"
	FinishedByDeadline = "deadline"
)

// Finished reports whether the attempt has been handed in.
func (a Attempt) Finished() bool { return !a.FinishedAt.IsZero() }

// Overdue reports whether the attempt is open past its deadline at now:
// it takes no more answers, and is submitted when next touched (or by
// Store.SubmitOverdue).
func (a Attempt) Overdue(now time.Time) bool {
	return !a.Finished() && !a.Deadline.IsZero() && !now.Before(a.Deadline)
}

// Reveal is what the attempt's review rules let its learner see at now.
func (a Attempt) Reveal(now time.Time) quiz.Reveal {
	return a.Review.At(quiz.MomentOf(a.Finished(), a.Closes, now))
}

// SelfStudy reports whether the attempt was made outside a class, where
// the learner may say "I was right" (Store.ClaimRight).
func (a Attempt) SelfStudy() bool { return a.AssignmentID == 0 }

// Response is a question of an attempt with the answer given to it.
type Response struct {
	Position int
	Question StoredQuestion
	// Options is the order the attempt shows the question's options in
	// (nil: the page's own order; see quiz.OptionOrder).
	Options quiz.Options
	// Flagged is set when the learner flagged the question to come back
	// to.
	Flagged bool
	// Answered is false for a question not answered yet.
	Answered bool
	Answer   quiz.Answer
	// Fraction is the mark grading gave the answer, as stored: what
	// counts, even if the question was edited since, unless a person
	// marked it (Manual).
	Fraction   float64
	Manual     *quiz.Manual
	AnsweredAt time.Time
	// Rules are the set's grading rules the answer was graded by.
	Rules quiz.Rules
	// TeacherMarks is set in a class quiz, whose teacher marks its
	// essays: there an essay counts in the score (quiz.Effective).
	TeacherMarks bool
}

// Grade is the response's grade for pages and exports: the mark that
// counts (quiz.Effective: a person's, or the stored one), with the
// feedback that grading the answer gives; the zero grade of the
// question's kind when it is not answered.
func (r Response) Grade() quiz.Grade {
	q := r.Question.Question
	auto := quiz.Grade{Graded: q.Kind.Graded()}
	if r.Answered {
		auto = quiz.GradeWith(q, r.Answer, r.Rules)
		auto.Fraction = r.Fraction
	}
	return quiz.Effective(q, r.Answered, auto, r.Manual, r.TeacherMarks)
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
		// Two starts at once (a double click, two servers) find one open
		// attempt, not one each.
		if err := lockLearnerTx(ctx, tx, learnerID); err != nil {
			return err
		}
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
			id, err = s.startClassAttempt(ctx, tx, learnerID, g, now)
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
		id, err = s.insertAttemptTx(ctx, tx, newAttempt{learnerID: learnerID, setID: setID, questions: qs,
			shuffleOptions: true, feedback: FeedbackAfter, now: now})
		return err
	})
	if err != nil {
		return Attempt{}, fmt.Errorf("db: start attempt: %w", err)
	}
	return s.Attempt(ctx, learnerID, id)
}

// attemptSelect reads attempts. An attempt's questions are at positions
// 0 to n-1, so their count is the last position's plus one: one seek in
// the primary key, where count(*) read all 5,000 entries of a long
// attempt on every page that lists the learner's attempts.
const attemptSelect = `SELECT a.id, a.learner_id, a.set_id, s.title, a.position,
	(SELECT coalesce(max(q.position) + 1, 0) FROM attempt_questions q WHERE q.attempt_id = a.id),
	(SELECT count(*) FROM responses r WHERE r.attempt_id = a.id),
	a.started_at, a.finished_at, coalesce(a.score, 0), coalesce(a.max_score, 0), a.pending,
	coalesce(a.assignment_id, 0), a.feedback, a.deadline, a.finished_by,
	coalesce(asg.review_hide, 0), asg.closes_at, s.spelling
	FROM attempts a JOIN sets s ON s.id = a.set_id LEFT JOIN assignments asg ON asg.id = a.assignment_id`

func scanAttempt(row scanner) (Attempt, error) {
	var (
		a                          Attempt
		finished, deadline, closes sql.NullTime
		hide                       int64
	)
	err := row.Scan(&a.ID, &a.LearnerID, &a.SetID, &a.SetTitle, &a.Position, &a.Count, &a.Answered,
		&a.StartedAt, &finished, &a.Score.Points, &a.Score.Max, &a.Score.Pending, &a.AssignmentID, &a.Feedback,
		&deadline, &a.FinishedBy, &hide, &closes, &a.Rules.Spelling)
	if errors.Is(err, sql.ErrNoRows) {
		return Attempt{}, questions.ErrNotFound
	}
	a.StartedAt = a.StartedAt.UTC()
	a.FinishedAt, a.Deadline, a.Closes = timeOf(finished), timeOf(deadline), timeOf(closes)
	a.Review = quiz.AllReview &^ quiz.ReviewRules(hide)
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

// lockAttemptTx makes tx the one writer of the learner's attempt until it
// ends (see lockLearnerTx). Another learner's attempt gives ErrNotFound.
func lockAttemptTx(ctx context.Context, tx *sql.Tx, learnerID, attemptID int64) error {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM attempts WHERE id = ? AND learner_id = ?"+forUpdate, attemptID, learnerID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return questions.ErrNotFound
	}
	return err
}

// rightCount counts the attempt's answers that earned their whole mark,
// by a person's mark where there is one.
func rightCount(ctx context.Context, tx *sql.Tx, attemptID int64) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM responses r JOIN question_versions v ON v.id = r.version_id
		WHERE r.attempt_id = ? AND coalesce(r.manual_fraction, r.fraction) >= 0.999999999 AND v.kind <> 'description'
		AND (v.kind <> 'essay' OR r.manual_fraction IS NOT NULL)`, attemptID).Scan(&n)
	return n, err
}

// pinned is a question of an attempt as it is started: the question, the
// version it is shown in, and that version's kind.
type pinned struct {
	questionID, versionID int64
	kind                  questions.Kind
}

// setVersionsTx returns the set's questions in order, each with its
// current version: what an attempt started now shows.
func setVersionsTx(ctx context.Context, tx *sql.Tx, setID int64) ([]pinned, error) {
	return queryAll(ctx, tx, func(row scanner) (pinned, error) {
		var p pinned
		err := row.Scan(&p.questionID, &p.versionID, &p.kind)
		return p, err
	}, `SELECT sq.question_id, q.version_id, v.kind FROM set_questions sq JOIN questions q ON q.id = sq.question_id
		JOIN question_versions v ON v.id = q.version_id WHERE sq.set_id = ? ORDER BY sq.position`, setID)
}

// newAttempt is an attempt to start: whose, at which set (for which
// assignment, 0 for none), which questions in which order, whether their
// options are shuffled (unless the set or a question keeps them in
// order), its deadline (zero: none) and its feedback setting.
type newAttempt struct {
	learnerID, setID, assignmentID int64
	questions                      []pinned
	shuffleOptions                 bool
	deadline                       time.Time
	feedback                       string
	now                            time.Time
}

// insertAttemptTx starts the attempt n and returns its id. Each question
// is pinned at its version with the order of its options decided now
// (quiz.OptionOrder).
func (s *Store) insertAttemptTx(ctx context.Context, tx *sql.Tx, n newAttempt) (int64, error) {
	if len(n.questions) == 0 {
		return 0, invalid("the set has no questions")
	}
	var keep bool
	if err := tx.QueryRowContext(ctx, "SELECT keep_option_order FROM sets WHERE id = ?", n.setID).Scan(&keep); err != nil {
		return 0, err
	}
	var assignment any
	if n.assignmentID != 0 {
		assignment = n.assignmentID
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO attempts (learner_id, set_id, assignment_id, started_at, deadline, feedback)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`, n.learnerID, n.setID, assignment, n.now.UTC(), nullTime(n.deadline), n.feedback).Scan(&id)
	if err != nil {
		return 0, err
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO attempt_questions (attempt_id, position, question_id, version_id, option_order) VALUES (?, ?, ?, ?, ?)")
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for pos, q := range n.questions {
		order := ""
		if n.shuffleOptions && !keep && (q.kind == questions.MultipleChoice || q.kind == questions.Matching) {
			v, err := s.version(ctx, tx, q.versionID)
			if err != nil {
				return 0, err
			}
			if order, err = encodeOptions(quiz.OptionOrder(v.question, true, nil)); err != nil {
				return 0, err
			}
		}
		if _, err := stmt.ExecContext(ctx, id, pos, q.questionID, q.versionID, order); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// encodeOptions is an option order as attempt_questions stores it: JSON,
// or ” for none.
func encodeOptions(o quiz.Options) (string, error) {
	if o == nil {
		return "", nil
	}
	b, err := json.Marshal(o)
	return string(b), err
}

func decodeOptions(s string) (quiz.Options, error) {
	if s == "" {
		return nil, nil
	}
	var o quiz.Options
	err := json.Unmarshal([]byte(s), &o)
	return o, err
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
	// Marks say, for each position of the attempt, whether it has an
	// answer and whether it is flagged.
	Marks Marks
}

// AttemptQuestion returns the question at position pos of the learner's
// attempt, answered or not, as of one snapshot. It is what every question
// page reads, so it is served from the read cache when it can be; what it
// reads costs the same whatever the attempt's length (the attempt, its
// marks and the one position).
func (s *Store) AttemptQuestion(ctx context.Context, learnerID, attemptID int64, pos int) (Step, error) {
	st, err := s.attemptStep(ctx, learnerID, attemptID, pos)
	if err != nil {
		return Step{}, fmt.Errorf("db: attempt %d question %d: %w", attemptID, pos, err)
	}
	return st, nil
}

// attemptStep is AttemptQuestion: the attempt's state from the read cache
// (or read in one snapshot, and cached), the position from the attempt's
// entry (or read alone, and kept there), the question's version from the
// cache of versions (or read, and cached).
func (s *Store) attemptStep(ctx context.Context, learnerID, attemptID int64, pos int) (Step, error) {
	v, found := s.cache.attempt(attemptID, pos)
	if found && v.attempt.LearnerID == learnerID && v.inRange(pos) && !v.hasItem {
		// The attempt is cached but not this position: read it alone.
		f := s.cache.startFill(attemptID)
		var it attemptItem
		err := s.inRead(ctx, func(tx *sql.Tx) error {
			var err error
			it, err = attemptItemAt(ctx, tx, attemptID, pos)
			return err
		})
		if err != nil {
			s.cache.putAttempt(f, nil)
			return Step{}, err
		}
		// Kept only if no answer came meanwhile; else the whole attempt
		// is read again below, so that the page sees one snapshot.
		v, found = s.cache.putItem(f, pos, it)
	}
	if !found {
		f := s.cache.startFill(attemptID)
		var e *attemptEntry
		err := s.inRead(ctx, func(tx *sql.Tx) error {
			var err error
			e, err = readAttemptEntry(ctx, tx, attemptID, pos)
			return err
		})
		if err != nil {
			s.cache.putAttempt(f, nil)
			return Step{}, err
		}
		v = e.view(pos)
		s.cache.putAttempt(f, e)
	}
	if v.attempt.LearnerID != learnerID || !v.inRange(pos) || !v.hasItem {
		return Step{}, questions.ErrNotFound
	}
	ver, err := s.version(ctx, nil, v.item.versionID)
	if err != nil {
		return Step{}, err
	}
	return Step{Attempt: v.attempt, Response: v.item.response(v.attempt, pos, ver), Marks: v.marks}, nil
}

// response is the item at pos of attempt a, showing version ver.
func (it attemptItem) response(a Attempt, pos int, ver *version) Response {
	return Response{
		Position: pos,
		Question: StoredQuestion{ID: it.questionID, VersionID: it.versionID, Version: ver.number, SetID: a.SetID, Position: pos,
			Question: ver.question},
		Options: it.options, Flagged: it.flagged,
		Answered: it.answered, Answer: it.answer, Fraction: it.fraction, Manual: it.manual, AnsweredAt: it.at, Rules: a.Rules,
		TeacherMarks: !a.SelfStudy(),
	}
}

// readAttemptEntry reads the attempt, the marks of its positions and the
// item at pos (when pos is one of them): not the other positions, nor the
// questions.
func readAttemptEntry(ctx context.Context, tx *sql.Tx, attemptID int64, pos int) (*attemptEntry, error) {
	a, err := scanAttempt(tx.QueryRowContext(ctx, attemptSelect+" WHERE a.id = ?", attemptID))
	if err != nil {
		return nil, err
	}
	e := &attemptEntry{attempt: a, marks: newMarks(a.Count), items: map[int]attemptItem{}}
	for _, mark := range []struct {
		query string
		set   func(m Marks, pos int) Marks
	}{
		{"SELECT position FROM responses WHERE attempt_id = ?",
			func(m Marks, pos int) Marks { return m.with(pos, true, m.Flagged(pos)) }},
		{"SELECT position FROM attempt_questions WHERE attempt_id = ? AND flagged <> 0",
			func(m Marks, pos int) Marks { return m.with(pos, m.Answered(pos), true) }},
	} {
		ps, err := queryAll(ctx, tx, func(row scanner) (int, error) {
			var p int
			err := row.Scan(&p)
			return p, err
		}, mark.query, attemptID)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			e.marks = mark.set(e.marks, p)
		}
	}
	if pos >= 0 && pos < a.Count {
		it, err := attemptItemAt(ctx, tx, attemptID, pos)
		if err != nil {
			return nil, err
		}
		e.items[pos] = it
	}
	return e, nil
}

// attemptItemSelect reads positions of an attempt: the question and
// version each shows, its options' order and flag, and the answer given
// with its marks.
const attemptItemSelect = `SELECT aq.question_id, aq.version_id, aq.option_order, aq.flagged, r.answer, r.fraction, r.manual_fraction,
		r.comment, r.claimed, r.answered_at
	FROM attempt_questions aq LEFT JOIN responses r ON r.attempt_id = aq.attempt_id AND r.position = aq.position
	WHERE aq.attempt_id = ?`

func scanAttemptItem(row scanner) (attemptItem, error) {
	var (
		it       attemptItem
		order    string
		answer   sql.NullString
		fraction sql.NullFloat64
		manual   sql.NullFloat64
		comment  sql.NullString
		claimed  sql.NullBool
		at       sql.NullTime
	)
	if err := row.Scan(&it.questionID, &it.versionID, &order, &it.flagged, &answer, &fraction, &manual, &comment, &claimed, &at); err != nil {
		return it, err
	}
	var err error
	if it.options, err = decodeOptions(order); err != nil {
		return it, fmt.Errorf("option order of question %d: %w", it.questionID, err)
	}
	if answer.Valid {
		it.answered, it.fraction, it.at = true, fraction.Float64, timeOf(at)
		if err := json.Unmarshal([]byte(answer.String), &it.answer); err != nil {
			return it, fmt.Errorf("answer to question %d: %w", it.questionID, err)
		}
	}
	if manual.Valid {
		it.manual = &quiz.Manual{Fraction: manual.Float64, Comment: comment.String, ByLearner: claimed.Bool}
	}
	return it, nil
}

// attemptItems reads, in order, each position of the attempt.
func attemptItems(ctx context.Context, tx *sql.Tx, attemptID int64) ([]attemptItem, error) {
	items, err := queryAll(ctx, tx, scanAttemptItem, attemptItemSelect+" ORDER BY aq.position", attemptID)
	if err == nil && len(items) == 0 {
		err = questions.ErrNotFound
	}
	return items, err
}

// attemptItemAt reads the position pos of the attempt alone.
func attemptItemAt(ctx context.Context, tx *sql.Tx, attemptID int64, pos int) (attemptItem, error) {
	it, err := scanAttemptItem(tx.QueryRowContext(ctx, attemptItemSelect+" AND aq.position = ?", attemptID, pos))
	if errors.Is(err, sql.ErrNoRows) {
		err = questions.ErrNotFound
	}
	return it, err
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
// attempt gives ErrConflict; so does answering past the deadline, which
// submits the attempt with what was saved before it. In an attempt with
// feedback during it (FeedbackDuring), a question's first answer stands:
// later ones are not saved. The first answer to each question of an
// attempt is also a review of the learner's flashcard for it (see
// reviewQuizAnswer).
//
// The answer is graded (quiz.GradeWith, by the set's rules) before the
// transaction, on the version the attempt showed, as the read cache holds
// it; the transaction stores the mark, and checks that the attempt is
// still the learner's, open and within its deadline, so a cache a moment
// old cannot let an answer into a finished attempt.
func (s *Store) SaveAnswer(ctx context.Context, learnerID, attemptID int64, pos int, answer quiz.Answer, next int) error {
	return s.saveAnswer(ctx, learnerID, attemptID, pos, answer, next, nil)
}

// SaveAnswerFlag is SaveAnswer that also sets the question's flag, which
// marks it for the learner to come back to.
func (s *Store) SaveAnswerFlag(ctx context.Context, learnerID, attemptID int64, pos int, answer quiz.Answer, next int, flag bool) error {
	return s.saveAnswer(ctx, learnerID, attemptID, pos, answer, next, &flag)
}

func (s *Store) saveAnswer(ctx context.Context, learnerID, attemptID int64, pos int, answer quiz.Answer, next int, flag *bool) error {
	now := s.now()
	st, err := s.attemptStep(ctx, learnerID, attemptID, pos)
	if err == nil && st.Attempt.Finished() {
		err = conflict("the attempt is already finished")
	}
	if err != nil {
		return fmt.Errorf("db: save answer to attempt %d question %d: %w", attemptID, pos, err)
	}
	q := st.Response.Question
	ch := answerChange{
		attemptID: attemptID, pos: pos, next: min(max(next, 0), st.Attempt.Count-1), write: true,
		answer: answer, grade: quiz.GradeWith(q.Question, answer, st.Attempt.Rules), at: now.UTC(), flag: flag,
	}
	overdue := false
	err = s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		ch.write = true // again, if the transaction runs again
		res, err := tx.ExecContext(ctx, `UPDATE attempts SET position = ? WHERE id = ? AND learner_id = ? AND finished_at IS NULL
			AND (deadline IS NULL OR deadline > ?)`, ch.next, attemptID, learnerID, now.UTC())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err == nil {
				overdue = st.Attempt.Overdue(now)
				err = conflict("the attempt is already finished")
			}
			return err
		}
		if err := s.tell(ctx, tx, fmt.Sprintf("a%d", attemptID)); err != nil {
			return err
		}
		if flag != nil {
			if _, err := tx.ExecContext(ctx, "UPDATE attempt_questions SET flagged = ? WHERE attempt_id = ? AND position = ?",
				boolInt(*flag), attemptID, pos); err != nil {
				return err
			}
		}
		if st.Attempt.Feedback == FeedbackDuring {
			// With feedback during the attempt the learner has seen the
			// answer checked: the first answer stands.
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
				fraction = excluded.fraction, answered_at = excluded.answered_at,
				manual_fraction = NULL, comment = '', marked_by = NULL, marked_at = NULL, claimed = 0`,
			attemptID, pos, q.ID, q.VersionID, string(js), ch.grade.Fraction, ch.at)
		if err != nil {
			return err
		}
		// The answer is also a review of the learner's flashcard for the
		// question (see reviewQuizAnswer), in this transaction.
		return reviewQuizAnswer(ctx, tx, learnerID, attemptID, q.ID, q.Question, ch.grade, now)
	})
	if overdue {
		// Time is up: the attempt goes in with what was saved in time.
		if _, ferr := s.FinishAttempt(ctx, learnerID, attemptID); ferr != nil {
			err = errors.Join(err, ferr)
		}
	}
	if err != nil {
		return fmt.Errorf("db: save answer to attempt %d question %d: %w", attemptID, pos, err)
	}
	s.cache.answered(ch)
	return nil
}

// FinishAttempt hands the attempt in: it scores the answers given and
// closes the attempt to changes. An attempt past its deadline is submitted
// as at its deadline, by the deadline. Finishing twice returns the first
// result.
func (s *Store) FinishAttempt(ctx context.Context, learnerID, attemptID int64) (Attempt, error) {
	now := s.now()
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		// The attempt's row is locked before its answers are read: an
		// answer being saved meanwhile (which locks it too) is either
		// committed and counted, or refused once this commits.
		if err := lockAttemptTx(ctx, tx, learnerID, attemptID); err != nil {
			return err
		}
		a, err := attemptTx(ctx, tx, learnerID, attemptID)
		if err != nil || a.Finished() {
			return err
		}
		_, err = s.finishTx(ctx, tx, a, now)
		return err
	})
	if err != nil {
		return Attempt{}, fmt.Errorf("db: finish attempt %d: %w", attemptID, err)
	}
	return s.Attempt(ctx, learnerID, attemptID)
}

// finishTx closes the open attempt a and stores its score; it reports
// whether it did (another server, or another tab, may have just done it).
// Past its deadline, the attempt is finished at its deadline by the
// deadline; otherwise at now by its learner.
func (s *Store) finishTx(ctx context.Context, tx *sql.Tx, a Attempt, now time.Time) (bool, error) {
	score, err := s.scoreTx(ctx, tx, a)
	if err != nil {
		return false, err
	}
	at, by := now.UTC(), FinishedByLearner
	if a.Overdue(now) {
		at, by = a.Deadline, FinishedByDeadline
	}
	res, err := tx.ExecContext(ctx, `UPDATE attempts SET finished_at = ?, finished_by = ?, score = ?, max_score = ?, pending = ?
		WHERE id = ? AND finished_at IS NULL`, at, by, score.Points, score.Max, score.Pending, a.ID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil || n != 1 {
		return false, err
	}
	// Its answers count in its class's item analysis from now on.
	return true, s.tallyTx(ctx, tx, a.ID, 1)
}

// scoreTx adds up the marks of the attempt's answers by quiz's rules:
// each question worth its mark, a person's mark counting instead of the
// stored one, essays waiting for a mark pending.
func (s *Store) scoreTx(ctx context.Context, tx *sql.Tx, a Attempt) (quiz.Score, error) {
	rs, err := s.responses(ctx, tx, a)
	if err != nil {
		return quiz.Score{}, err
	}
	var score quiz.Score
	for _, r := range rs {
		score.AddWeighted(r.Grade(), quiz.Weight(r.Question.Question))
	}
	return score, nil
}

// rescoreTx stores the score of the finished attempt again, after a mark
// changed, and adds its answers back to its item sums: the change must
// have been made after untallyTx took them away. The attempt's row is
// locked before its marks are read: two marks given at once (on two
// servers) each change their own answer, and the later of the two scores
// the attempt with both.
func (s *Store) rescoreTx(ctx context.Context, tx *sql.Tx, attemptID int64) error {
	var id int64
	if err := tx.QueryRowContext(ctx, "SELECT id FROM attempts WHERE id = ?"+forUpdate, attemptID).Scan(&id); err != nil {
		return err
	}
	a, err := scanAttempt(tx.QueryRowContext(ctx, attemptSelect+" WHERE a.id = ?", attemptID))
	if err != nil || !a.Finished() {
		return err
	}
	score, err := s.scoreTx(ctx, tx, a)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE attempts SET score = ?, max_score = ?, pending = ? WHERE id = ?", score.Points, score.Max, score.Pending, a.ID); err != nil {
		return err
	}
	return s.tallyTx(ctx, tx, a.ID, 1)
}

// SubmitOverdue submits the open attempts past their deadline, with what
// was saved before it, up to limit of them, and returns how many it
// submitted. Any number of servers may run it at once: each attempt is
// finished by one UPDATE that checks it is still open, so none is
// submitted twice.
func (s *Store) SubmitOverdue(ctx context.Context, limit int) (int, error) {
	now := s.now()
	type due struct{ id, learner int64 }
	ids, err := read(ctx, s, "overdue attempts", func(tx *sql.Tx) ([]due, error) {
		return queryAll(ctx, tx, func(row scanner) (due, error) {
			var d due
			err := row.Scan(&d.id, &d.learner)
			return d, err
		}, "SELECT id, learner_id FROM attempts WHERE finished_at IS NULL AND deadline IS NOT NULL AND deadline <= ? ORDER BY deadline LIMIT ?",
			now.UTC(), limit)
	})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, d := range ids {
		var done bool
		err := s.inWrite(ctx, func(tx *sql.Tx) error {
			a, err := attemptTx(ctx, tx, d.learner, d.id)
			if err != nil || a.Finished() {
				return err
			}
			done, err = s.finishTx(ctx, tx, a, now)
			return err
		})
		if err != nil {
			return n, fmt.Errorf("db: submit overdue attempt %d: %w", d.id, err)
		}
		if done {
			n++
		}
	}
	return n, nil
}
