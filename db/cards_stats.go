package db

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
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
	if err := s.ensureTotals(ctx, learnerID); err != nil {
		return StudyStats{}, err
	}
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
		if err := reviewStatsTx(ctx, tx, learnerID, setID, &st); err != nil {
			return err
		}
		if err := cardStatsTx(ctx, tx, learnerID, setID, sched, &st, now); err != nil {
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

// reviewStatsTx reads the totals of the learner's answers (see
// cards_totals.go), never the log: the calendar, today's figures, the
// count of answers, the streak and true retention.
func reviewStatsTx(ctx context.Context, tx *sql.Tx, learnerID, setID int64, st *StudyStats) error {
	const inSet = " AND (? = 0 OR set_id = ?)"
	first := st.Days[0].Day
	rows, err := tx.QueryContext(ctx, `SELECT day, sum(answers), sum(taken_ms) FROM study_days
		WHERE learner_id = ? AND day >= ?`+inSet+` GROUP BY day`, learnerID, first, setID, setID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			day            int
			answers, taken int64
		)
		if err := rows.Scan(&day, &answers, &taken); err != nil {
			return err
		}
		if i := day - first; i >= 0 && i < len(st.Days) {
			st.Days[i].Reviews = int(answers)
		}
		if day == st.Today {
			st.ReviewsToday = int(answers)
			st.TimeToday = time.Duration(taken) * time.Millisecond
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(answers), 0) FROM study_days WHERE learner_id = ?`+inSet,
		learnerID, setID, setID).Scan(&st.Reviews); err != nil {
		return err
	}

	// The streak: days with answers, back from today (or yesterday).
	days, err := tx.QueryContext(ctx, `SELECT DISTINCT day FROM study_days WHERE learner_id = ? AND day <= ? AND answers > 0`+inSet+`
		ORDER BY day DESC`, learnerID, st.Today, setID, setID)
	if err != nil {
		return err
	}
	defer days.Close()
	want := st.Today
	for days.Next() {
		var d int
		if err := days.Scan(&d); err != nil {
			return err
		}
		if d == st.Today-1 && want == st.Today && st.Streak == 0 {
			want = d // nothing yet today: the streak runs to yesterday
		}
		if d != want {
			break
		}
		st.Streak++
		want--
	}
	if err := days.Err(); err != nil {
		return err
	}
	days.Close()

	st.Retention = append([]RetentionBucket(nil), retentionAges...)
	ret, err := tx.QueryContext(ctx, `SELECT min_days, sum(reviews), sum(passed) FROM study_retention WHERE learner_id = ?`+inSet+`
		GROUP BY min_days`, learnerID, setID, setID)
	if err != nil {
		return err
	}
	defer ret.Close()
	for ret.Next() {
		var minDays, reviews, passed int
		if err := ret.Scan(&minDays, &reviews, &passed); err != nil {
			return err
		}
		for i := range st.Retention {
			if st.Retention[i].MinDays == minDays {
				st.Retention[i].Reviews, st.Retention[i].Passed = reviews, passed
			}
		}
	}
	return ret.Err()
}

// cardStatsTx counts the learner's cards by state and by due day in one
// aggregate over their cards, and the new cards of their sets.
func cardStatsTx(ctx context.Context, tx *sql.Tx, learnerID, setID int64, sched *quiz.Scheduler, st *StudyStats, now time.Time) error {
	const horizon = 30
	st.Due = make([]int, horizon)
	// A card is due on day i if it falls due before the end of day i.
	leech := sched.Config().LeechThreshold
	if leech <= 0 {
		leech = math.MaxInt32
	}
	var bucket strings.Builder
	args := []any{quiz.MatureDays, leech}
	bucket.WriteString("CASE WHEN c.due IS NULL THEN -1")
	end := now
	for i := range horizon {
		_, end = sched.DayBounds(end)
		fmt.Fprintf(&bucket, " WHEN c.due < ? THEN %d", i)
		args = append(args, end.UTC())
	}
	bucket.WriteString(fmt.Sprintf(" ELSE %d END", horizon))
	args = append(args, learnerID, setID, setID)
	rows, err := tx.QueryContext(ctx, `SELECT c.state, c.suspended, CASE WHEN c.scheduled_days >= ? THEN 1 ELSE 0 END,
			CASE WHEN c.lapses >= ? THEN 1 ELSE 0 END, `+bucket.String()+`, count(*)
		FROM cards c JOIN questions q ON q.id = c.question_id JOIN question_versions v ON v.id = q.version_id
		WHERE c.learner_id = ? AND v.kind IN `+cardKindsSQL+`
		AND (? = 0 OR EXISTS (SELECT 1 FROM set_questions sq WHERE sq.set_id = ? AND sq.question_id = c.question_id))
		GROUP BY 1, 2, 3, 4, 5`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			state                      quiz.State
			suspended, mature, isLeech bool
			day, n                     int
		)
		if err := rows.Scan(&state, &suspended, &mature, &isLeech, &day, &n); err != nil {
			return err
		}
		if isLeech {
			st.States.Leeches += n
		}
		switch {
		case suspended:
			st.States.Suspended += n
			continue
		case state == quiz.StateNew:
			continue // counted with the questions never studied, below
		case state == quiz.StateLearning:
			st.States.Learning += n
		case state == quiz.StateRelearning:
			st.States.Relearning += n
		case mature:
			st.States.Mature += n
		default:
			st.States.Young += n
		}
		if day >= 0 && day < horizon {
			st.Due[day] += n
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	rows.Close()
	// New cards: the learner's sets' flashcards never studied.
	return tx.QueryRowContext(ctx, `SELECT count(DISTINCT q.id) FROM set_questions sq
		JOIN questions q ON q.id = sq.question_id JOIN question_versions v ON v.id = q.version_id
		WHERE sq.set_id IN (`+learnerSetsSQL+`) AND (? = 0 OR sq.set_id = ?) AND v.kind IN `+cardKindsSQL+`
		AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.learner_id = ? AND c.question_id = q.id AND (c.state <> 0 OR c.suspended = 1))`,
		learnerID, learnerID, learnerID, setID, setID, learnerID).Scan(&st.States.New)
}

// learnerSetsSQL selects the ids of a learner's sets (its three arguments
// are the learner's id): the sets they have answered in, the published
// sets assigned to their classes, and their own decks.
const learnerSetsSQL = `SELECT set_id FROM study_days WHERE learner_id = ?
	UNION SELECT g.set_id FROM assignments g JOIN class_members m ON m.class_id = g.class_id JOIN sets s ON s.id = g.set_id
		WHERE m.learner_id = ? AND s.published = 1
	UNION SELECT id FROM sets WHERE learner_id = ?`

// studiedSetsTx lists the sets the learner has answered in, by title.
func studiedSetsTx(ctx context.Context, tx *sql.Tx, learnerID int64) ([]SetInfo, error) {
	return queryAll(ctx, tx, scanSet, setSelect+` WHERE s.id IN (SELECT DISTINCT set_id FROM study_days WHERE learner_id = ?)
		ORDER BY s.title, s.id`, learnerID)
}
