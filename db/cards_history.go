package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// HistoryEntry is one answer of a learner's review history.
type HistoryEntry struct {
	ID         int64
	At         time.Time
	QuestionID int64
	// Question is the question's current version.
	Question questions.Question
	// SetTitle is the set the answer was given in (a quiz's set for a
	// quiz answer); "" when it is not known (an imported answer).
	SetTitle string
	Rating   quiz.Rating
	Source   string
	// Taken is how long the answer took; -1 when unknown.
	Taken time.Duration
}

// HistoryPage is a page of a learner's review history, newest first.
// Older is the cursor of the next page (ReviewHistory's before), 0 on the
// last page.
type HistoryPage struct {
	Entries []HistoryEntry
	Older   int64
}

// ReviewHistory returns up to n of the learner's answers, newest first
// (by time, then id), starting after the answer before (its id, from the
// last page's Older; 0 for the newest). Pages are cut by the answer, not
// by an offset, so each reads n rows whatever the log's size, and an
// answer given meanwhile shifts nothing: walking the pages shows each
// answer once. A before that is not one of the learner's answers gives
// questions.ErrNotFound.
func (s *Store) ReviewHistory(ctx context.Context, learnerID, before int64, n int) (HistoryPage, error) {
	type row struct {
		e       HistoryEntry
		version int64
	}
	var (
		page HistoryPage
		rows []row
	)
	n = max(n, 1)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		// The first page starts after a cursor later than every answer.
		at, id := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), int64(1)<<62
		if before != 0 {
			err := tx.QueryRowContext(ctx, "SELECT reviewed_at, id FROM reviews WHERE id = ? AND learner_id = ?", before, learnerID).Scan(&at, &id)
			if errors.Is(err, sql.ErrNoRows) {
				return questions.ErrNotFound
			}
			if err != nil {
				return err
			}
		}
		var err error
		rows, err = queryAll(ctx, tx, func(sc scanner) (row, error) {
			var (
				r     row
				taken int64
			)
			err := sc.Scan(&r.e.ID, &r.e.At, &r.e.QuestionID, &r.version, &r.e.Rating, &r.e.Source, &taken, &r.e.SetTitle)
			r.e.At, r.e.Taken = r.e.At.UTC(), time.Duration(taken)*time.Millisecond
			if taken < 0 {
				r.e.Taken = -1
			}
			return r, err
		}, `SELECT r.id, r.reviewed_at, r.question_id, q.version_id, r.rating, r.source, coalesce(r.taken_ms, -1), coalesce(st.title, '')
			FROM reviews r JOIN questions q ON q.id = r.question_id
			LEFT JOIN review_sets rs ON rs.review_id = r.id LEFT JOIN attempts a ON a.id = r.attempt_id
			LEFT JOIN sets st ON st.id = coalesce(rs.set_id, a.set_id)
			WHERE r.learner_id = ? AND (r.reviewed_at < ? OR (r.reviewed_at = ? AND r.id < ?))
			ORDER BY r.reviewed_at DESC, r.id DESC LIMIT ?`, learnerID, at.UTC(), at.UTC(), id, n+1)
		return err
	})
	if len(rows) > n {
		rows = rows[:n]
		page.Older = rows[n-1].e.ID
	}
	// The questions are decoded once the read is over (their copies are
	// kept: versions never change).
	for _, r := range rows {
		if err != nil {
			break
		}
		r.e.Question, err = s.cardVersion(ctx, r.version)
		page.Entries = append(page.Entries, r.e)
	}
	if err != nil {
		return HistoryPage{}, fmt.Errorf("db: review history of learner %d: %w", learnerID, err)
	}
	return page, nil
}
