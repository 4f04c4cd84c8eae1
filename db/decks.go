package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// A deck is a set a learner owns (sets.learner_id): one they imported for
// their own study, such as an Anki package. It belongs to no teacher and
// is never published, so that no list or page of shared sets shows it;
// only its learner studies it, sees it and deletes it.

// sourceAnki is the review log's source for an answer given in Anki and
// brought with an imported deck.
const sourceAnki = "anki"

// DeckReview is an answer given to a card before the deck was imported
// (in Anki), to replay into the learner's schedule.
type DeckReview struct {
	// Question is the index of the question in the deck's set.
	Question int
	Time     time.Time
	Rating   quiz.Rating
	// Taken is how long the answer took; negative when unknown.
	Taken time.Duration
}

// ImportDeck stores set as a deck of the learner's own, with its images
// and what its reader left out, and replays the reviews (answers given
// before, in Anki) into the learner's cards for its questions, oldest
// first, each logged with source "anki", as if they had been given here:
// the cards' schedules start from that history. All in one transaction;
// a set that is not valid, or a review of no question of the set or with
// a rating out of 1-4, changes nothing. It returns the set's id.
func (s *Store) ImportDeck(ctx context.Context, learnerID int64, set questions.Set, reviews []DeckReview) (int64, error) {
	now := s.now()
	if err := set.Validate(); err != nil {
		return 0, fmt.Errorf("db: import deck: %w", invalidSet(err))
	}
	for _, r := range reviews {
		if r.Question < 0 || r.Question >= len(set.Questions) || r.Rating < quiz.RatingAgain || r.Rating > quiz.RatingEasy {
			return 0, fmt.Errorf("db: import deck: %w", invalid("a review of question %d rated %d is not an answer to one of the deck's cards", r.Question+1, r.Rating))
		}
	}
	reviews = slices.Clone(reviews)
	slices.SortStableFunc(reviews, func(a, b DeckReview) int { return a.Time.Compare(b.Time) })
	var id int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO sets (title, description, origin, published, learner_id, created_at, updated_at)
			VALUES (?, ?, ?, 0, ?, ?, ?) RETURNING id`, questions.ShortTitle(set.Title), set.Description, questions.Shorten(set.Origin, maxOrigin),
			learnerID, now.UTC(), now.UTC()).Scan(&id)
		if err != nil {
			return err
		}
		if err := insertQuestions(ctx, tx, id, nil, set.Questions, now); err != nil {
			return err
		}
		if err := putImported(ctx, tx, id, set, now); err != nil {
			return err
		}
		if len(reviews) == 0 {
			return nil
		}
		qids, err := setQuestionIDsTx(ctx, tx, id)
		if err != nil {
			return err
		}
		return replayDeckTx(ctx, tx, learnerID, qids, reviews)
	})
	if err != nil {
		return 0, fmt.Errorf("db: import deck %q: %w", set.Title, err)
	}
	return id, nil
}

// LearnerDecks lists the learner's own decks, newest first.
func (s *Store) LearnerDecks(ctx context.Context, learnerID int64) ([]SetInfo, error) {
	return s.listSets(ctx, " WHERE s.learner_id = ? ORDER BY s.id DESC", learnerID)
}

// LearnerDeck returns the learner's own deck with its questions;
// questions.ErrNotFound for any other set.
func (s *Store) LearnerDeck(ctx context.Context, learnerID, setID int64) (SetInfo, []StoredQuestion, error) {
	return s.setWhere(ctx, setID, " AND s.learner_id = ?", learnerID)
}

// DeleteDeck deletes the learner's own deck, with its questions, and so
// their cards and review log for them. Any other set gives
// questions.ErrNotFound.
func (s *Store) DeleteDeck(ctx context.Context, learnerID, setID int64) error {
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		qids, err := setQuestionIDsTx(ctx, tx, setID)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM sets WHERE id = ? AND learner_id = ?", setID, learnerID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err != nil {
				return err
			}
			return questions.ErrNotFound
		}
		return dropOrphansTx(ctx, tx, qids)
	})
	if err != nil {
		return fmt.Errorf("db: delete deck %d: %w", setID, err)
	}
	return nil
}

// replayDeckTx logs the reviews (oldest first) of the deck's questions qids
// and stores the cards they make: what reviewTx does answer by answer, with
// one scheduler and one prepared statement for the whole history, and each
// card written once, so that a history of tens of thousands of answers
// holds the writer for a moment, not for seconds. The questions are new:
// their cards start from nothing.
func replayDeckTx(ctx context.Context, tx *sql.Tx, learnerID int64, qids []int64, reviews []DeckReview) error {
	sched, err := schedulerTx(ctx, tx, learnerID)
	if err != nil {
		return err
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO reviews (learner_id, question_id, rating, reviewed_at, taken_ms, source,
			state_before, step_before, stability_before, difficulty_before, due_before, last_review_before,
			reps_before, lapses_before, scheduled_days_before, model_before, scheduled_days)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	cards := make(map[int]quiz.Card)
	for _, r := range reviews {
		before := cards[r.Question]
		qid := qids[r.Question]
		after := sched.Review(before, r.Rating, r.Time, qid).Card
		var taken any
		if r.Taken >= 0 {
			taken = quiz.Taken(r.Taken).Milliseconds()
		}
		if _, err := stmt.ExecContext(ctx, learnerID, qid, int(r.Rating), r.Time.UTC(), taken, sourceAnki,
			int(before.State), before.Step, before.Stability, before.Difficulty, nullTime(before.Due), nullTime(before.LastReview),
			before.Reps, before.Lapses, before.ScheduledDays, before.Model, after.ScheduledDays); err != nil {
			return err
		}
		cards[r.Question] = after
	}
	for i, c := range cards {
		if err := putCardTx(ctx, tx, learnerID, qids[i], c); err != nil {
			return err
		}
	}
	return nil
}
