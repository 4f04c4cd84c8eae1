package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"factdrill/quiz"
)

// StudyStats are the figures of a learner's statistics page, counted in
// the learner's days (their time zone and rollover hour).
type StudyStats struct {
	Settings StudySettings
	// Today is the learner's day number (see quiz.Scheduler.Day).
	Today int
	// Days holds the reviews of each of the last days, oldest first,
	// ending today.
	Days []DayReviews
	// Due[i] counts the cards due i days from today; overdue cards count
	// as due today.
	Due []int
	// Retention is true retention by card age: the share of answers to
	// review cards that were not Again.
	Retention []RetentionBucket
	States    StateCounts
	// Reviews counts every answer; ReviewsToday and TimeToday today's.
	Reviews, ReviewsToday int
	TimeToday             time.Duration
	// Streak is the number of days in a row, up to today (or yesterday if
	// nothing was studied yet today), with at least one answer.
	Streak int
	// Sets are the sets the learner has cards in, for choosing one.
	Sets []SetInfo
}

// DayReviews is one learner day of the review calendar.
type DayReviews struct {
	// Day is the learner's day number; Date its calendar date (at
	// midnight UTC, for printing).
	Day     int
	Date    time.Time
	Reviews int
}

// RetentionBucket is true retention for reviews of cards of one age: days
// since the card's first answer, from MinDays up to MaxDays (0: no limit).
type RetentionBucket struct {
	Label            string
	MinDays, MaxDays int
	Reviews, Passed  int
}

// Rate is the share of reviews passed, from 0 to 1; 0 with no reviews.
func (b RetentionBucket) Rate() float64 {
	if b.Reviews == 0 {
		return 0
	}
	return float64(b.Passed) / float64(b.Reviews)
}

// StateCounts are the learner's cards by where they stand. Young review
// cards have an interval under quiz.MatureDays; mature ones that or more
// (as in Anki). Suspended cards count only as suspended.
type StateCounts struct {
	New, Learning, Relearning, Young, Mature, Suspended int
	// Leeches are cards forgotten at least the leech threshold of times.
	Leeches int
}

// retentionAges are the card ages true retention is shown for.
var retentionAges = []RetentionBucket{
	{Label: "First week", MinDays: 0, MaxDays: 7},
	{Label: "1–4 weeks", MinDays: 7, MaxDays: 28},
	{Label: "1–3 months", MinDays: 28, MaxDays: 91},
	{Label: "3–12 months", MinDays: 91, MaxDays: 365},
	{Label: "Over a year", MinDays: 365},
}

// StudyStats returns the learner's statistics at now over the last days
// days, for one set or, with setID 0, for all of them.
func (s *Store) StudyStats(ctx context.Context, learnerID, setID int64, days int) (StudyStats, error) {
	now := s.now()
	var st StudyStats
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		if st.Settings, err = studySettingsTx(ctx, tx, learnerID); err != nil {
			return err
		}
		sched, err := st.Settings.Scheduler()
		if err != nil {
			return err
		}
		st.Today = sched.Day(now)
		first := st.Today - days + 1
		st.Days = make([]DayReviews, days)
		for i := range st.Days {
			d := first + i
			st.Days[i] = DayReviews{Day: d, Date: time.Unix(int64(d)*86400, 0).UTC()}
		}
		if err := reviewStatsTx(ctx, tx, learnerID, setID, sched, &st); err != nil {
			return err
		}
		if err := cardStatsTx(ctx, tx, learnerID, setID, sched, &st); err != nil {
			return err
		}
		st.Sets, err = studiedSetsTx(ctx, tx, learnerID)
		return err
	})
	if err != nil {
		return StudyStats{}, fmt.Errorf("db: study statistics of learner %d: %w", learnerID, err)
	}
	return st, nil
}

// reviewStatsTx reads the learner's whole log once: the calendar, today's
// figures, the streak and true retention.
func reviewStatsTx(ctx context.Context, tx *sql.Tx, learnerID, setID int64, sched *quiz.Scheduler, st *StudyStats) error {
	rows, err := tx.QueryContext(ctx, `SELECT r.question_id, r.rating, r.reviewed_at, coalesce(r.taken_ms, 0), r.state_before
		FROM reviews r WHERE r.learner_id = ?
		AND (? = 0 OR EXISTS (SELECT 1 FROM set_questions sq WHERE sq.set_id = ? AND sq.question_id = r.question_id))
		ORDER BY r.id`, learnerID, setID, setID)
	if err != nil {
		return err
	}
	defer rows.Close()
	st.Retention = append([]RetentionBucket(nil), retentionAges...)
	firstDay := map[int64]int{} // card → day of its first answer
	studied := map[int]bool{}
	first := st.Days[0].Day
	for rows.Next() {
		var (
			qid     int64
			rating  quiz.Rating
			at      time.Time
			takenMS int64
			before  quiz.State
		)
		if err := rows.Scan(&qid, &rating, &at, &takenMS, &before); err != nil {
			return err
		}
		day := sched.Day(at)
		st.Reviews++
		studied[day] = true
		if i := day - first; i >= 0 && i < len(st.Days) {
			st.Days[i].Reviews++
		}
		if day == st.Today {
			st.ReviewsToday++
			st.TimeToday += time.Duration(takenMS) * time.Millisecond
		}
		f, seen := firstDay[qid]
		if !seen {
			firstDay[qid], f = day, day
		}
		if before != quiz.StateReview {
			continue
		}
		age := day - f
		for i := range st.Retention {
			b := &st.Retention[i]
			if age >= b.MinDays && (b.MaxDays == 0 || age < b.MaxDays) {
				b.Reviews++
				if rating != quiz.RatingAgain {
					b.Passed++
				}
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	d := st.Today
	if !studied[d] {
		d--
	}
	for studied[d] {
		st.Streak++
		d--
	}
	return nil
}

// cardStatsTx counts the learner's cards by state and by due day, and the
// new cards of the sets they may study.
func cardStatsTx(ctx context.Context, tx *sql.Tx, learnerID, setID int64, sched *quiz.Scheduler, st *StudyStats) error {
	const horizon = 30
	st.Due = make([]int, horizon)
	rows, err := tx.QueryContext(ctx, `SELECT c.state, c.scheduled_days, c.lapses, c.suspended, c.due
		FROM cards c JOIN questions q ON q.id = c.question_id JOIN question_versions v ON v.id = q.version_id
		WHERE c.learner_id = ? AND v.kind IN `+cardKindsSQL+`
		AND (? = 0 OR EXISTS (SELECT 1 FROM set_questions sq WHERE sq.set_id = ? AND sq.question_id = c.question_id))`, learnerID, setID, setID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			state        quiz.State
			days, lapses int
			suspended    bool
			due          sql.NullTime
		)
		if err := rows.Scan(&state, &days, &lapses, &suspended, &due); err != nil {
			return err
		}
		if sched.Leech(quiz.Card{Lapses: lapses}) {
			st.States.Leeches++
		}
		switch {
		case suspended:
			st.States.Suspended++
			continue
		case state == quiz.StateNew:
			continue // counted with the questions never studied, below
		case state == quiz.StateLearning:
			st.States.Learning++
		case state == quiz.StateRelearning:
			st.States.Relearning++
		case days >= quiz.MatureDays:
			st.States.Mature++
		default:
			st.States.Young++
		}
		if due.Valid {
			if i := max(sched.Day(due.Time)-st.Today, 0); i < horizon {
				st.Due[i]++
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return tx.QueryRowContext(ctx, `SELECT count(DISTINCT q.id) FROM set_questions sq JOIN sets s ON s.id = sq.set_id
		JOIN questions q ON q.id = sq.question_id JOIN question_versions v ON v.id = q.version_id
		LEFT JOIN cards c ON c.learner_id = ? AND c.question_id = q.id
		WHERE v.kind IN `+cardKindsSQL+` AND (c.question_id IS NULL OR (c.state = 0 AND c.suspended = 0))
		AND (? = 0 OR sq.set_id = ?) AND (s.learner_id = ? OR s.published = 1 AND (s.owner_id IS NULL OR EXISTS (
			SELECT 1 FROM assignments g JOIN class_members m ON m.class_id = g.class_id WHERE g.set_id = s.id AND m.learner_id = ?)))`,
		learnerID, setID, setID, learnerID, learnerID).Scan(&st.States.New)
}

// studiedSetsTx lists the sets the learner has cards in, by title.
func studiedSetsTx(ctx context.Context, tx *sql.Tx, learnerID int64) ([]SetInfo, error) {
	return queryAll(ctx, tx, scanSet, setSelect+` WHERE s.id IN (SELECT sq.set_id FROM cards c JOIN set_questions sq ON sq.question_id = c.question_id
		WHERE c.learner_id = ?) ORDER BY s.title, s.id`, learnerID)
}
