package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// This file is the flashcard side of the store: each learner's FSRS-6
// schedule for each question (a card), the review log it is rebuilt from,
// the study queue of a set, undo and suspension. The rules are package
// quiz's (the queue, leeches, when a quiz answer reviews a card, what may be
// undone): the store reads the learner's settings and cards in one
// transaction, builds their scheduler, and stores what quiz decides.

// StudyCard is one learner's card for one question.
type StudyCard struct {
	Question StoredQuestion
	// Card is the schedule; the zero Card for a question never studied.
	Card      quiz.Card
	Suspended bool
}

// cardKindsSQL is the SQL list of the kinds studied as flashcards (see
// quiz.IsCard), built from the kind constants.
var cardKindsSQL = func() string {
	var ks []string
	for _, k := range questions.Kinds {
		if quiz.IsCard(k) {
			ks = append(ks, "'"+string(k)+"'")
		}
	}
	return "(" + strings.Join(ks, ", ") + ")"
}()

const cardColumns = "c.state, c.step, c.stability, c.difficulty, c.due, c.last_review, c.reps, c.lapses, c.scheduled_days, c.model, c.suspended"

// nullCard receives the columns of cardColumns from a LEFT JOIN, where a
// question never studied has NULLs.
type nullCard struct {
	state, step, reps, lapses, days, suspended sql.NullInt64
	stability, difficulty                      sql.NullFloat64
	due, last                                  sql.NullTime
	model                                      sql.NullString
}

func (n *nullCard) dest() []any {
	return []any{&n.state, &n.step, &n.stability, &n.difficulty, &n.due, &n.last, &n.reps, &n.lapses, &n.days, &n.model, &n.suspended}
}

func (n *nullCard) card() (quiz.Card, bool) {
	return quiz.Card{
		State:         quiz.State(n.state.Int64),
		Step:          int(n.step.Int64),
		Stability:     n.stability.Float64,
		Difficulty:    n.difficulty.Float64,
		Due:           timeOf(n.due),
		LastReview:    timeOf(n.last),
		Reps:          int(n.reps.Int64),
		Lapses:        int(n.lapses.Int64),
		ScheduledDays: int(n.days.Int64),
		Model:         n.model.String,
	}, n.suspended.Int64 != 0
}

// setCardsTx returns the learner's cards for the set's flashcards in the
// set's order, without the questions' bodies.
func setCardsTx(ctx context.Context, tx *sql.Tx, learnerID, setID int64) ([]StudyCard, error) {
	return queryAll(ctx, tx, func(row scanner) (StudyCard, error) {
		c := StudyCard{Question: StoredQuestion{SetID: setID}}
		var n nullCard
		err := row.Scan(append([]any{&c.Question.ID, &c.Question.Position}, n.dest()...)...)
		c.Card, c.Suspended = n.card()
		return c, err
	}, `SELECT sq.question_id, sq.position, `+cardColumns+`
		FROM set_questions sq JOIN questions q ON q.id = sq.question_id JOIN question_versions v ON v.id = q.version_id
		LEFT JOIN cards c ON c.learner_id = ? AND c.question_id = sq.question_id
		WHERE sq.set_id = ? AND v.kind IN `+cardKindsSQL+` ORDER BY sq.position`, learnerID, setID)
}

// questionBodyTx reads the current version of question q.ID into q; a
// question without a set (q.SetID 0) is given its first set's place.
func questionBodyTx(ctx context.Context, tx *sql.Tx, q *StoredQuestion) error {
	var body string
	err := tx.QueryRowContext(ctx, `SELECT v.id, v.number, v.body, coalesce(sq.set_id, 0), coalesce(sq.position, 0)
		FROM questions q JOIN question_versions v ON v.id = q.version_id
		LEFT JOIN set_questions sq ON sq.question_id = q.id AND (sq.set_id = ? OR ? = 0)
		WHERE q.id = ? ORDER BY sq.set_id LIMIT 1`, q.SetID, q.SetID, q.ID).Scan(&q.VersionID, &q.Version, &body, &q.SetID, &q.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return questions.ErrNotFound
	}
	if err != nil {
		return err
	}
	q.Question, err = decodeQuestion(q.VersionID, body)
	return err
}

// studyCardTx checks, in one query, that the learner may study the set
// (studySetsSQL) and that the question is one of its flashcards:
// questions.ErrNotFound if not; then that the set's assignments let the
// learner study it now (flashcardsOpenTx).
func studyCardTx(ctx context.Context, tx *sql.Tx, learnerID, setID, questionID int64) error {
	var kind string
	err := tx.QueryRowContext(ctx, `SELECT v.kind FROM sets s JOIN set_questions sq ON sq.set_id = s.id JOIN questions q ON q.id = sq.question_id
		JOIN question_versions v ON v.id = q.version_id WHERE s.id = ? AND sq.question_id = ? AND `+studySetsSQL, setID, questionID, learnerID, learnerID).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !quiz.IsCard(questions.Kind(kind))) {
		return questions.ErrNotFound
	}
	if err != nil {
		return err
	}
	return flashcardsOpenTx(ctx, tx, learnerID, setID)
}

// setCardTx checks that the question is one of the set's flashcards:
// questions.ErrNotFound if it is not in the set, or of a kind that makes
// no card.
func setCardTx(ctx context.Context, tx *sql.Tx, setID, questionID int64) error {
	var kind string
	err := tx.QueryRowContext(ctx, `SELECT v.kind FROM set_questions sq JOIN questions q ON q.id = sq.question_id
		JOIN question_versions v ON v.id = q.version_id WHERE sq.set_id = ? AND sq.question_id = ?`, setID, questionID).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !quiz.IsCard(questions.Kind(kind))) {
		return questions.ErrNotFound
	}
	return err
}

// lastReviewTx returns the id, question, source and time of the learner's
// latest answer; ok is false if there is none.
func lastReviewTx(ctx context.Context, tx *sql.Tx, learnerID int64) (id, questionID int64, source string, at time.Time, ok bool, err error) {
	err = tx.QueryRowContext(ctx, `SELECT id, question_id, source, reviewed_at FROM reviews
		WHERE learner_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1`, learnerID).Scan(&id, &questionID, &source, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, "", time.Time{}, false, nil
	}
	return id, questionID, source, at, err == nil, err
}

// Where an answer came from, as the log's source column says.
const (
	sourceStudy = "study"
	sourceQuiz  = "quiz"
)

// ReviewInput is a flashcard answer.
type ReviewInput struct {
	LearnerID, SetID, QuestionID int64
	Rating                       quiz.Rating
	// Reps is the card's number of answers when it was shown: an answer to
	// a card answered since (in another tab, or by a double click) gives
	// questions.ErrConflict. -1 skips the check.
	Reps int
	// Taken is the time from showing the card to the answer, capped at a
	// minute; negative when unknown.
	Taken time.Duration
	// TimeZone is the browser's time zone, saved as the learner's when
	// they have no settings yet, so that their days start at their own
	// rollover hour without a visit to the settings; "" for none.
	TimeZone string
}

// Review records the learner's answer to a flashcard of the set at now and
// reschedules the card, in one transaction. A question not among the
// set's flashcards gives questions.ErrNotFound.
func (s *Store) Review(ctx context.Context, in ReviewInput) (quiz.Reviewed, error) {
	now := s.now()
	var res answered
	// A flashcard answer writes cards, the review log, the totals and
	// perhaps study settings, none of which the read cache holds: it
	// leaves the cache be (see cache), so that the next card's request
	// finds its session there. Answers commit in groups (see
	// cards_batch.go).
	known, sched, version := s.decks.knownCard(s.cache.current(), in.LearnerID, in.SetID, in.QuestionID)
	err := s.inWriteBatch(ctx, func(tx *sql.Tx) error {
		if !known {
			if err := studyCardTx(ctx, tx, in.LearnerID, in.SetID, in.QuestionID); err != nil {
				return err
			}
		}
		if in.TimeZone != "" && ValidTimeZone(in.TimeZone) {
			if err := adoptTimeZoneTx(ctx, tx, in.LearnerID, in.TimeZone, now); err != nil {
				return err
			}
		}
		var err error
		res, err = reviewTx(ctx, tx, review{
			learnerID: in.LearnerID, questionID: in.QuestionID, rating: in.Rating, at: now,
			taken: in.Taken, source: sourceStudy, reps: in.Reps, setID: in.SetID, sched: sched, schedVersion: version,
		})
		return err
	})
	if err != nil {
		return quiz.Reviewed{}, fmt.Errorf("db: review card %d of learner %d: %w", in.QuestionID, in.LearnerID, err)
	}
	t := res.tally
	s.decks.answered(in.LearnerID, res.version-1, res.version, t.day, in.QuestionID, res.Card,
		lastAnswer{id: res.id, questionID: in.QuestionID, setID: in.SetID, source: sourceStudy, at: now.UTC()},
		dayTotals{introduced: boolInt(t.introduced), reviewed: boolInt(t.reviewed)})
	return res.Reviewed, nil
}

// adoptTimeZoneTx gives a learner without settings the defaults in zone.
func adoptTimeZoneTx(ctx context.Context, tx *sql.Tx, learnerID int64, zone string, now time.Time) error {
	st, err := studySettingsTx(ctx, tx, learnerID)
	if err != nil || st.Saved {
		return err
	}
	st.TimeZone = zone
	return saveStudySettingsTx(ctx, tx, learnerID, st, now)
}

// review is one answer to log.
type review struct {
	learnerID, questionID int64
	rating                quiz.Rating
	at                    time.Time
	taken                 time.Duration // negative: unknown
	source                string
	attemptID             int64 // 0: none
	reps                  int   // the card's reps the answer was given to; -1: any
	// setID is the set the answer was given in; 0 for a quiz answer,
	// which counts in its attempt's set.
	setID int64
	// sched is the learner's scheduler as of their study version
	// schedVersion, if known (nil otherwise): used if the version has not
	// moved on, which saves reading their settings.
	sched        *quiz.Scheduler
	schedVersion int64
}

// answered is what reviewTx stored: the answer's id, what it added to
// the totals, and the learner's study version after it.
type answered struct {
	quiz.Reviewed
	id      int64
	tally   tally
	version int64
}

// reviewTx applies an answer to the learner's card and appends it to the
// log and the totals. A card whose memory state another model computed
// (quiz's Stale) is first rebuilt from its log with the learner's
// scheduler, so a later model is adopted card by card as cards are
// reviewed.
func reviewTx(ctx context.Context, tx *sql.Tx, r review) (answered, error) {
	if err := lockLearnerTx(ctx, tx, r.learnerID); err != nil {
		return answered{}, err
	}
	sched := r.sched
	if sched != nil {
		var version int64
		err := tx.QueryRowContext(ctx, "SELECT version FROM study_learners WHERE learner_id = ?", r.learnerID).Scan(&version)
		if err != nil || version != r.schedVersion {
			sched = nil
		}
	}
	if sched == nil {
		var err error
		if sched, err = schedulerTx(ctx, tx, r.learnerID); err != nil {
			return answered{}, err
		}
	}
	before, _, err := cardTx(ctx, tx, r.learnerID, r.questionID)
	if err != nil {
		return answered{}, err
	}
	if r.reps >= 0 && before.Reps != r.reps {
		return answered{}, conflict("the card was answered since it was shown")
	}
	current := before
	if sched.Stale(before) {
		if current, err = replayTx(ctx, tx, sched, r.learnerID, r.questionID); err != nil {
			return answered{}, err
		}
	}
	res := sched.Review(current, r.rating, r.at, r.questionID)
	after := res.Card

	var taken, attempt any
	if r.taken >= 0 {
		taken = quiz.Taken(r.taken).Milliseconds()
	}
	if r.attemptID != 0 {
		attempt = r.attemptID
	}
	var id int64
	err = tx.QueryRowContext(ctx, `INSERT INTO reviews (learner_id, question_id, rating, reviewed_at, taken_ms, source, attempt_id,
			state_before, step_before, stability_before, difficulty_before, due_before, last_review_before,
			reps_before, lapses_before, scheduled_days_before, model_before, scheduled_days)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		r.learnerID, r.questionID, int(r.rating), r.at.UTC(), taken, r.source, attempt,
		int(before.State), before.Step, before.Stability, before.Difficulty, nullTime(before.Due), nullTime(before.LastReview),
		before.Reps, before.Lapses, before.ScheduledDays, before.Model, after.ScheduledDays).Scan(&id)
	if err != nil {
		return answered{}, err
	}
	if err := putCardTx(ctx, tx, r.learnerID, r.questionID, after); err != nil {
		return answered{}, err
	}
	t, version, err := countAnswerTx(ctx, tx, sched, r, id, before)
	if err != nil {
		return answered{}, err
	}
	return answered{Reviewed: res, id: id, tally: t, version: version}, nil
}

// cardTx returns the learner's card for the question: the zero card when
// there is no row.
func cardTx(ctx context.Context, tx *sql.Tx, learnerID, questionID int64) (quiz.Card, bool, error) {
	var n nullCard
	err := tx.QueryRowContext(ctx, "SELECT "+cardColumns+" FROM cards c WHERE c.learner_id = ? AND c.question_id = ?",
		learnerID, questionID).Scan(n.dest()...)
	if errors.Is(err, sql.ErrNoRows) {
		return quiz.Card{}, false, nil
	}
	if err != nil {
		return quiz.Card{}, false, err
	}
	c, suspended := n.card()
	return c, suspended, nil
}

// putCardTx writes the card's schedule, keeping its suspension.
func putCardTx(ctx context.Context, tx *sql.Tx, learnerID, questionID int64, c quiz.Card) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO cards (learner_id, question_id, state, step, stability, difficulty, due, last_review,
			reps, lapses, scheduled_days, model)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (learner_id, question_id) DO UPDATE SET state = excluded.state, step = excluded.step,
			stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
			last_review = excluded.last_review, reps = excluded.reps, lapses = excluded.lapses,
			scheduled_days = excluded.scheduled_days, model = excluded.model`,
		learnerID, questionID, int(c.State), c.Step, c.Stability, c.Difficulty, nullTime(c.Due), nullTime(c.LastReview),
		c.Reps, c.Lapses, c.ScheduledDays, c.Model)
	return err
}

// replayTx rebuilds a card from its log with sched.
func replayTx(ctx context.Context, tx *sql.Tx, sched *quiz.Scheduler, learnerID, questionID int64) (quiz.Card, error) {
	logs, err := queryAll(ctx, tx, func(row scanner) (quiz.ReviewLog, error) {
		var l quiz.ReviewLog
		err := row.Scan(&l.Rating, &l.Time)
		return l, err
	}, "SELECT rating, reviewed_at FROM reviews WHERE learner_id = ? AND question_id = ? ORDER BY id", learnerID, questionID)
	if err != nil {
		return quiz.Card{}, err
	}
	return sched.Replay(questionID, logs)
}

// reviewQuizAnswer stores what quiz.QuizRating decides of an answer given
// in a quiz, in the transaction that saves the answer: a review of the
// learner's card for the question, if the answer counts as one. The store
// tells it whether this is the attempt's first answer to the question.
func reviewQuizAnswer(ctx context.Context, tx *sql.Tx, learnerID, attemptID, questionID int64, q questions.Question, g quiz.Grade, now time.Time) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM reviews WHERE attempt_id = ? AND question_id = ?", attemptID, questionID).Scan(&n); err != nil {
		return err
	}
	rating, ok := quiz.QuizRating(q.Kind, g, n == 0)
	if !ok {
		return nil
	}
	_, err := reviewTx(ctx, tx, review{
		learnerID: learnerID, questionID: questionID, rating: rating, at: now,
		taken: -1, source: sourceQuiz, attemptID: attemptID, reps: -1,
	})
	return err
}

// UndoReview takes back the learner's answer reviewID, if it is still their
// last answer, a flashcard answer given today (the learner's day), and to
// a card of the set setID (with 0, of any set): the card returns to what
// it was before, and the answer leaves the log and the totals. It returns
// the question id of the card. Naming the answer makes undo idempotent: a
// form posted twice names an answer already taken back the second time,
// and takes back nothing more. With nothing to undo, or an answer that is
// not the last, it gives questions.ErrNotFound.
func (s *Store) UndoReview(ctx context.Context, learnerID, setID, reviewID int64) (int64, error) {
	now := s.now()
	var qid int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := lockLearnerTx(ctx, tx, learnerID); err != nil {
			return err
		}
		sched, err := schedulerTx(ctx, tx, learnerID)
		if err != nil {
			return err
		}
		id, questionID, source, at, ok, err := lastReviewTx(ctx, tx, learnerID)
		if err != nil {
			return err
		}
		if !ok || id != reviewID || !sched.Undoable(source == sourceQuiz, at, now) {
			return questions.ErrNotFound
		}
		if setID != 0 {
			var in int
			err := tx.QueryRowContext(ctx, "SELECT count(*) FROM set_questions WHERE set_id = ? AND question_id = ?", setID, questionID).Scan(&in)
			if err != nil || in == 0 {
				return cmp.Or(err, error(questions.ErrNotFound))
			}
		}
		var later int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM reviews WHERE learner_id = ? AND question_id = ? AND id > ?",
			learnerID, questionID, id).Scan(&later); err != nil {
			return err
		}
		if later > 0 {
			return conflict("the card was answered again since")
		}
		var (
			c        quiz.Card
			state    int
			due, lst sql.NullTime
		)
		err = tx.QueryRowContext(ctx, `SELECT state_before, step_before, stability_before, difficulty_before, due_before,
			last_review_before, reps_before, lapses_before, scheduled_days_before, model_before FROM reviews WHERE id = ?`, id).
			Scan(&state, &c.Step, &c.Stability, &c.Difficulty, &due, &lst, &c.Reps, &c.Lapses, &c.ScheduledDays, &c.Model)
		if err != nil {
			return err
		}
		c.State, c.Due, c.LastReview = quiz.State(state), timeOf(due), timeOf(lst)
		if err := uncountAnswerTx(ctx, tx, sched, learnerID, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM reviews WHERE id = ?", id); err != nil {
			return err
		}
		if c.State == quiz.StateNew && c.Reps == 0 {
			// Back to never studied: no row, unless it keeps a suspension.
			if _, err := tx.ExecContext(ctx, "DELETE FROM cards WHERE learner_id = ? AND question_id = ? AND suspended = 0",
				learnerID, questionID); err != nil {
				return err
			}
		}
		qid = questionID
		return putCardIfRowTx(ctx, tx, learnerID, questionID, c)
	})
	if err != nil {
		return 0, fmt.Errorf("db: undo in set %d: %w", setID, err)
	}
	return qid, nil
}

// putCardIfRowTx writes the card's schedule if the card has a row.
func putCardIfRowTx(ctx context.Context, tx *sql.Tx, learnerID, questionID int64, c quiz.Card) error {
	_, err := tx.ExecContext(ctx, `UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?,
		reps = ?, lapses = ?, scheduled_days = ?, model = ? WHERE learner_id = ? AND question_id = ?`,
		int(c.State), c.Step, c.Stability, c.Difficulty, nullTime(c.Due), nullTime(c.LastReview),
		c.Reps, c.Lapses, c.ScheduledDays, c.Model, learnerID, questionID)
	return err
}

// Card returns the learner's card for a question, with the question. A
// question never studied gives a new card (the zero quiz.Card); a missing
// question gives questions.ErrNotFound.
func (s *Store) Card(ctx context.Context, learnerID, questionID int64) (StudyCard, error) {
	c := StudyCard{Question: StoredQuestion{ID: questionID}}
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		if err := questionBodyTx(ctx, tx, &c.Question); err != nil {
			return err
		}
		var err error
		c.Card, c.Suspended, err = cardTx(ctx, tx, learnerID, questionID)
		return err
	})
	if err != nil {
		return StudyCard{}, fmt.Errorf("db: card %d of learner %d: %w", questionID, learnerID, err)
	}
	return c, nil
}

// Review is one entry of the review log.
type Review struct {
	ID     int64
	Rating quiz.Rating
	At     time.Time
	// Taken is the time the answer took; negative when unknown.
	Taken time.Duration
	// Source is "study" for a flashcard answer, "quiz" for a quiz answer,
	// "anki" for an answer given in Anki and imported with a deck.
	Source    string
	AttemptID int64
	// StateBefore is the card's state when it was answered.
	StateBefore quiz.State
}

// ReviewLog returns the log of the learner's card for a question, oldest
// first.
func (s *Store) ReviewLog(ctx context.Context, learnerID, questionID int64) ([]Review, error) {
	var out []Review
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryAll(ctx, tx, func(row scanner) (Review, error) {
			var (
				r     Review
				taken int64
			)
			err := row.Scan(&r.ID, &r.Rating, &r.At, &taken, &r.Source, &r.AttemptID, &r.StateBefore)
			r.At = r.At.UTC()
			r.Taken = time.Duration(taken) * time.Millisecond
			if taken < 0 {
				r.Taken = -1
			}
			return r, err
		}, `SELECT id, rating, reviewed_at, coalesce(taken_ms, -1), source, coalesce(attempt_id, 0), state_before
			FROM reviews WHERE learner_id = ? AND question_id = ? ORDER BY id`, learnerID, questionID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("db: review log of card %d of learner %d: %w", questionID, learnerID, err)
	}
	return out, nil
}

// RebuildCard replays the log of the learner's card for a question with
// their current scheduler and stores the result: the way to bring a card
// computed by an older model up to date (reviews do it by themselves). A
// card with no log gives questions.ErrNotFound.
func (s *Store) RebuildCard(ctx context.Context, learnerID, questionID int64) (quiz.Card, error) {
	var c quiz.Card
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := lockLearnerTx(ctx, tx, learnerID); err != nil {
			return err
		}
		sched, err := schedulerTx(ctx, tx, learnerID)
		if err != nil {
			return err
		}
		if c, err = replayTx(ctx, tx, sched, learnerID, questionID); err != nil {
			return err
		}
		if c.Reps == 0 {
			return questions.ErrNotFound
		}
		if err := putCardTx(ctx, tx, learnerID, questionID, c); err != nil {
			return err
		}
		return bumpStudyTx(ctx, tx, learnerID)
	})
	if err != nil {
		return quiz.Card{}, fmt.Errorf("db: rebuild card %d of learner %d: %w", questionID, learnerID, err)
	}
	return c, nil
}

// SuspendCard takes a flashcard of the set out of the learner's study
// (suspended true) or puts it back. Its schedule is kept.
func (s *Store) SuspendCard(ctx context.Context, learnerID, setID, questionID int64, suspended bool) error {
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := setCardTx(ctx, tx, setID, questionID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO cards (learner_id, question_id, state, suspended) VALUES (?, ?, 0, ?)
			ON CONFLICT (learner_id, question_id) DO UPDATE SET suspended = excluded.suspended`, learnerID, questionID, boolInt(suspended))
		if err != nil {
			return err
		}
		return bumpStudyTx(ctx, tx, learnerID)
	})
	if err != nil {
		return fmt.Errorf("db: suspend card %d of learner %d: %w", questionID, learnerID, err)
	}
	return nil
}

// UnsuspendAll puts every suspended card of the set back into the
// learner's study and returns how many there were.
func (s *Store) UnsuspendAll(ctx context.Context, learnerID, setID int64) (int, error) {
	var n int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE cards SET suspended = 0 WHERE learner_id = ? AND suspended = 1
			AND question_id IN (SELECT question_id FROM set_questions WHERE set_id = ?)`, learnerID, setID)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		return bumpStudyTx(ctx, tx, learnerID)
	})
	if err != nil {
		return 0, fmt.Errorf("db: unsuspend cards of set %d: %w", setID, err)
	}
	return int(n), nil
}
