package db

import (
	"cmp"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// This file fits FSRS-6 weights to learners' review logs and stores them:
// the state the settings page shows, the learner's choices (fit now, back
// to the defaults), a teacher's fit for a class, and the background work
// that any number of servers may share. quiz decides (FitWeights: fit,
// and adopt only what predicts the log better; FitDue: when); the store
// reads the log in one transaction, fits outside any, and stores the
// outcome in another while it still holds its claim on the row.

// fitLease is how long a claim on a fit lasts: far longer than a fit takes
// (about a second for 100,000 answers), so that only a server that stopped
// mid-fit loses it.
const fitLease = 10 * time.Minute

// weightsMemo holds the weights decoded from their stored JSON: the study
// page reads a learner's weights on every card.
var weightsMemo sync.Map // JSON → []float64

// parseWeights decodes stored weights: 21 finite numbers.
func parseWeights(s string) ([]float64, error) {
	if w, ok := weightsMemo.Load(s); ok {
		return w.([]float64), nil
	}
	var w []float64
	if err := json.Unmarshal([]byte(s), &w); err != nil {
		return nil, fmt.Errorf("stored weights: %w", err)
	}
	if len(w) != 21 {
		return nil, fmt.Errorf("stored weights: got %d, want 21", len(w))
	}
	weightsMemo.Store(s, w)
	return w, nil
}

func formatWeights(w []float64) (string, error) {
	b, err := json.Marshal(w)
	return string(b), err
}

func recountReviewsTx(ctx context.Context, tx *sql.Tx, learnerID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO study_learners (learner_id, reviews)
		SELECT id, (SELECT count(*) FROM reviews WHERE learner_id = ?) FROM learners WHERE id = ?
		ON CONFLICT (learner_id) DO UPDATE SET reviews = excluded.reviews`, learnerID, learnerID)
	return err
}

// FitInfo is the last fit of a learner's or a class's weights.
type FitInfo struct {
	// At is when it ran; zero if it never did.
	At time.Time
	// Reviews and Items are the answers it read and the items (answers
	// a day or more after the one before) it predicted.
	Reviews, Items int
	// Before and After are the log loss and RMSE(bins) of the weights in
	// use before the fit and of the fit, on the same log. Valid is false
	// when nothing was fitted (Note says why).
	Before, After quiz.ModelFit
	Valid         bool
	// Fitted are the fitted weights; Adopted whether they replaced the
	// weights in use.
	Fitted  []float64
	Adopted bool
	// Note says why nothing was fitted, for the learner: "" otherwise.
	Note string
}

// FSRSState is what the settings page shows of a learner's weights.
type FSRSState struct {
	// Weights are the weights in use (nil: the defaults), From whose they
	// are, and Class the name of the class they come from if theirs.
	Weights []float64
	From    WeightsFrom
	Class   string
	// Auto is false once the learner went back to the defaults.
	Auto bool
	// Reviews counts the answers in the learner's log.
	Reviews int
	Last    FitInfo
	// Requested is true while a fit the learner asked for waits.
	Requested bool
	// Workload is the simulated trade-off of desired retention with the
	// weights in use, as the last fit left it; nil if there was none.
	Workload []quiz.Workload
}

// FSRSState returns the state of the learner's weights (learner 0, a
// visitor, has the defaults and nothing else).
func (s *Store) FSRSState(ctx context.Context, learnerID int64) (FSRSState, error) {
	return read(ctx, s, fmt.Sprintf("fsrs state of learner %d", learnerID), func(tx *sql.Tx) (FSRSState, error) {
		st, err := studySettingsTx(ctx, tx, learnerID)
		if err != nil {
			return FSRSState{}, err
		}
		f := FSRSState{Weights: st.Weights, From: st.From, Auto: true}
		if st.From == WeightsClass {
			err := tx.QueryRowContext(ctx, `SELECT k.name FROM class_members m JOIN fsrs_classes c ON c.class_id = m.class_id
				JOIN classes k ON k.id = c.class_id WHERE m.learner_id = ? AND c.weights IS NOT NULL
				ORDER BY m.class_id LIMIT 1`, learnerID).Scan(&f.Class)
			if err != nil {
				return FSRSState{}, err
			}
		}
		var (
			auto      int
			requested sql.NullTime
			workload  sql.NullString
		)
		row := tx.QueryRowContext(ctx, `SELECT auto, reviews, requested_at, workload, `+fitColumns+` FROM study_learners WHERE learner_id = ?`, learnerID)
		err = scanFit(row, &f.Last, &auto, &f.Reviews, &requested, &workload)
		if errors.Is(err, sql.ErrNoRows) {
			return f, nil
		}
		if err != nil {
			return FSRSState{}, err
		}
		f.Auto, f.Requested = auto == 1, requested.Valid
		if workload.Valid {
			if err := json.Unmarshal([]byte(workload.String), &f.Workload); err != nil {
				return FSRSState{}, fmt.Errorf("stored workload: %w", err)
			}
		}
		return f, nil
	})
}

const fitColumns = "fitted_at, fit_reviews, fit_items, loss_before, loss_after, rmse_before, rmse_after, fitted, adopted, note"

// scanFit reads fitColumns, after the columns of head.
func scanFit(row scanner, f *FitInfo, head ...any) error {
	var (
		at                         sql.NullTime
		lossB, lossA, rmseB, rmseA sql.NullFloat64
		fitted                     sql.NullString
		adopted                    int
	)
	err := row.Scan(append(head, &at, &f.Reviews, &f.Items, &lossB, &lossA, &rmseB, &rmseA, &fitted, &adopted, &f.Note)...)
	if err != nil {
		return err
	}
	f.At, f.Adopted, f.Valid = timeOf(at), adopted == 1, lossA.Valid
	f.Before = quiz.ModelFit{LogLoss: lossB.Float64, RMSEBins: rmseB.Float64, Items: f.Items}
	f.After = quiz.ModelFit{LogLoss: lossA.Float64, RMSEBins: rmseA.Float64, Items: f.Items}
	if fitted.Valid {
		if f.Fitted, err = parseWeights(fitted.String); err != nil {
			return err
		}
		f.Fitted = slices.Clone(f.Fitted)
	}
	return nil
}

// RequestFit asks for the learner's weights to be fitted now, by whichever
// server's background work comes first, and lets fits be adopted again if
// the learner had gone back to the defaults.
func (s *Store) RequestFit(ctx context.Context, learnerID int64) error {
	now := s.now()
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		if err := recountReviewsTx(ctx, tx, learnerID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE study_learners SET auto = 1, requested_at = ?, version = version + 1 WHERE learner_id = ?", now.UTC(), learnerID)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: request a fit for learner %d: %w", learnerID, err)
	}
	return nil
}

// ResetFSRS puts the learner back on the default weights, and stops their
// fits being adopted until they ask for one (RequestFit). Their class's
// weights no longer apply either: the defaults are what they chose.
func (s *Store) ResetFSRS(ctx context.Context, learnerID int64) error {
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		if err := recountReviewsTx(ctx, tx, learnerID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE study_learners SET auto = 0, weights = NULL, adopted = 0, workload = NULL, requested_at = NULL,
			version = version + 1 WHERE learner_id = ?`, learnerID)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: reset the weights of learner %d: %w", learnerID, err)
	}
	return nil
}

// FitReport is what one fit did, for logs and the command line.
type FitReport struct {
	// Learner or Class is the one fitted (the other is 0).
	Learner, Class int64
	// Reviews is the answers read (for a class, of Learners members).
	Reviews, Learners int
	// Fit is quiz's decision; Fit.Weights is nil when nothing was fitted,
	// and Note says why.
	Fit  quiz.Fit
	Note string
}

// String is a one-line account of the fit.
func (r FitReport) String() string {
	who := fmt.Sprintf("learner %d", r.Learner)
	if r.Class != 0 {
		who = fmt.Sprintf("class %d (%d learners)", r.Class, r.Learners)
	}
	if r.Fit.Weights == nil {
		return fmt.Sprintf("%s: %d answers: %s", who, r.Reviews, r.Note)
	}
	verdict := "kept the weights in use"
	if r.Fit.Adopted {
		verdict = "adopted"
	}
	return fmt.Sprintf("%s: %d answers, %d items: log loss %.4f before, %.4f fitted: %s",
		who, r.Reviews, r.Fit.After.Items, r.Fit.Before.LogLoss, r.Fit.After.LogLoss, verdict)
}

// newWorkerID names a process in the claims it makes.
func newWorkerID() string {
	var b [6]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// worker is this process's name in claims.
var worker = newWorkerID()

// FitDue fits the weights of one learner or class that is due (see
// quiz.FitDue, or asked for a fit), claiming it so that no other server
// fits it at the same time. ok is false when none is due.
func (s *Store) FitDue(ctx context.Context) (r FitReport, ok bool, err error) {
	now := s.now()
	var learner, class int64
	err = s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `UPDATE study_learners SET claimed_by = ?, claimed_until = ?
			WHERE learner_id = (SELECT learner_id FROM study_learners
				WHERE (claimed_until IS NULL OR claimed_until < ?) AND (requested_at IS NOT NULL OR (auto = 1 AND reviews >= ?
					AND (fitted_at IS NULL OR reviews >= fit_reviews + ? OR (reviews > fit_reviews AND fitted_at <= ?))))
				ORDER BY CASE WHEN requested_at IS NULL THEN 1 ELSE 0 END, learner_id LIMIT 1)
			AND (claimed_until IS NULL OR claimed_until < ?)
			RETURNING learner_id`,
			worker, now.Add(fitLease).UTC(), now.UTC(), quiz.MinFitReviews, quiz.RefitReviews, now.Add(-quiz.RefitAge).UTC(), now.UTC()).Scan(&learner)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		err = tx.QueryRowContext(ctx, `UPDATE fsrs_classes SET claimed_by = ?, claimed_until = ?
			WHERE class_id = (SELECT class_id FROM fsrs_classes WHERE requested_at IS NOT NULL AND (claimed_until IS NULL OR claimed_until < ?)
				ORDER BY requested_at, class_id LIMIT 1)
			AND (claimed_until IS NULL OR claimed_until < ?)
			RETURNING class_id`, worker, now.Add(fitLease).UTC(), now.UTC(), now.UTC()).Scan(&class)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	switch {
	case err != nil:
		return FitReport{}, false, fmt.Errorf("db: claim a due fit: %w", err)
	case learner != 0:
		r, err = s.fitLearnerClaimed(ctx, learner)
	case class != 0:
		r, err = s.fitClassClaimed(ctx, class)
	default:
		return FitReport{}, false, nil
	}
	return r, true, err
}

// FitLearner fits the learner's weights now, due or not, as the command
// line asks: with too few answers, the report's note says so and nothing
// changes. A learner whose fit another server holds gives
// questions.ErrConflict.
func (s *Store) FitLearner(ctx context.Context, learnerID int64) (FitReport, error) {
	now := s.now()
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		if err := recountReviewsTx(ctx, tx, learnerID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE study_learners SET claimed_by = ?, claimed_until = ?
			WHERE learner_id = ? AND (claimed_until IS NULL OR claimed_until < ?)`, worker, now.Add(fitLease).UTC(), learnerID, now.UTC())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			if err == nil {
				var one int
				err = tx.QueryRowContext(ctx, "SELECT 1 FROM learners WHERE id = ?", learnerID).Scan(&one)
				if errors.Is(err, sql.ErrNoRows) {
					return questions.ErrNotFound
				}
			}
			return cmp.Or(err, conflict("learner %d's weights are being fitted by another server", learnerID))
		}
		return nil
	})
	if err != nil {
		return FitReport{}, fmt.Errorf("db: fit learner %d: %w", learnerID, err)
	}
	return s.fitLearnerClaimed(ctx, learnerID)
}

// fitLearnerClaimed fits a learner whose row this process has claimed, and
// stores the outcome, releasing the claim.
func (s *Store) fitLearnerClaimed(ctx context.Context, learnerID int64) (FitReport, error) {
	r := FitReport{Learner: learnerID}
	var (
		st StudySettings
		h  quiz.ReviewHistory
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		if st, err = studySettingsTx(ctx, tx, learnerID); err != nil {
			return err
		}
		h, err = learnerHistoryTx(ctx, tx, learnerID, st)
		return err
	})
	if err != nil {
		return r, s.releaseFit(ctx, "study_learners", "learner_id", learnerID, fmt.Errorf("db: read the log of learner %d: %w", learnerID, err))
	}
	r.Reviews = h.Reviews()
	fit, err := quiz.FitWeights(ctx, h, st.Weights)
	var workload []quiz.Workload
	switch {
	case errors.Is(err, quiz.ErrCannotFit):
		r.Note = fmt.Sprintf("too few answers a day or more apart to fit (%d answers so far)", r.Reviews)
	case err != nil:
		return r, s.releaseFit(ctx, "study_learners", "learner_id", learnerID, fmt.Errorf("db: fit learner %d: %w", learnerID, err))
	default:
		r.Fit = fit
		cfg := quiz.WorkloadConfigFromHistory(h)
		cfg.NewPerDay = max(st.NewPerDay, 1)
		if workload, err = quiz.SimulateWorkload(fit.Weights, cfg, quiz.RetentionLevels()); err != nil {
			return r, s.releaseFit(ctx, "study_learners", "learner_id", learnerID, fmt.Errorf("db: simulate the workload of learner %d: %w", learnerID, err))
		}
	}
	now := s.now()
	err = s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		// The weights in use may have changed while fitting (the learner
		// went back to the defaults, or a class was fitted): then the fit
		// compared against what is no longer there, and is asked for again.
		cur, err := studySettingsTx(ctx, tx, learnerID)
		if err != nil {
			return err
		}
		if cur.weightsKey != st.weightsKey || cur.From != st.From {
			_, err := tx.ExecContext(ctx, `UPDATE study_learners SET claimed_by = NULL, claimed_until = NULL, requested_at = ?
				WHERE learner_id = ? AND claimed_by = ?`, now.UTC(), learnerID, worker)
			return err
		}
		var wl any
		if workload != nil {
			b, err := json.Marshal(workload)
			if err != nil {
				return err
			}
			wl = string(b)
		}
		return finishFitTx(ctx, tx, "study_learners", "learner_id", learnerID, r, now,
			"reviews = ?, workload = coalesce(?, workload), version = version + 1", r.Reviews, wl)
	})
	if err != nil {
		return r, fmt.Errorf("db: store the fit of learner %d: %w", learnerID, err)
	}
	return r, nil
}

// finishFitTx stores the fit r made at now in the row id of table
// (study_learners or fsrs_classes, whose key column is key): the fit's
// figures, the weights if adopted, and the columns of set with args; it
// clears the request and releases the claim. It changes nothing if this
// process no longer holds the claim.
func finishFitTx(ctx context.Context, tx *sql.Tx, table, key string, id int64, r FitReport, now time.Time, set string, args ...any) error {
	vals := []any{now.UTC(), r.Reviews, 0, nil, nil, nil, nil, nil, 0, r.Note, nil}
	if f := r.Fit; f.Weights != nil {
		fitted, err := formatWeights(f.Fitted)
		if err != nil {
			return err
		}
		vals = []any{now.UTC(), r.Reviews, f.After.Items, f.Before.LogLoss, f.After.LogLoss, f.Before.RMSEBins, f.After.RMSEBins, fitted, 0, "", nil}
		if f.Adopted {
			vals[8], vals[10] = 1, fitted
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE `+table+` SET `+set+`, fitted_at = ?, fit_reviews = ?, fit_items = ?, loss_before = ?,
		loss_after = ?, rmse_before = ?, rmse_after = ?, fitted = ?, adopted = ?, note = ?, weights = coalesce(?, weights),
		requested_at = NULL, claimed_by = NULL, claimed_until = NULL
		WHERE `+key+` = ? AND claimed_by = ?`, slices.Concat(args, vals, []any{id, worker})...)
	return err
}

// releaseFit gives up this process's claim on a row after a failed fit,
// noting the time (and, for a learner, their count of answers) so that
// the row waits for its next turn instead of failing again at once, and
// returns cause.
func (s *Store) releaseFit(ctx context.Context, table, key string, id int64, cause error) error {
	now := s.now()
	set := ""
	if table == "study_learners" {
		set = "fit_reviews = reviews, "
	}
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE `+table+` SET `+set+`fitted_at = ?, note = ?, requested_at = NULL, claimed_by = NULL, claimed_until = NULL
			WHERE `+key+` = ? AND claimed_by = ?`, now.UTC(), "the last fit failed", id, worker)
		return err
	})
	return errors.Join(cause, err)
}

// learnerHistoryTx reads the learner's whole review log as the optimiser
// takes it: every answer, whatever its source (flashcards, quizzes, an
// imported Anki history), on the learner's calendar.
func learnerHistoryTx(ctx context.Context, tx *sql.Tx, learnerID int64, st StudySettings) (quiz.ReviewHistory, error) {
	rows, err := tx.QueryContext(ctx, `SELECT question_id, rating, reviewed_at, coalesce(taken_ms, 0)
		FROM reviews WHERE learner_id = ? ORDER BY question_id, id`, learnerID)
	if err != nil {
		return quiz.ReviewHistory{}, err
	}
	defer rows.Close()
	var (
		cards [][]quiz.TimedReview
		last  int64 = -1
	)
	for rows.Next() {
		var (
			qid   int64
			r     quiz.TimedReview
			taken int64
		)
		if err := rows.Scan(&qid, &r.Rating, &r.Time, &taken); err != nil {
			return quiz.ReviewHistory{}, err
		}
		r.Taken = time.Duration(taken) * time.Millisecond
		if qid != last {
			cards, last = append(cards, nil), qid
		}
		cards[len(cards)-1] = append(cards[len(cards)-1], r)
	}
	if err := rows.Err(); err != nil {
		return quiz.ReviewHistory{}, err
	}
	return quiz.NewReviewHistory(cards, st.Location(), st.RolloverHour)
}

// ClassFit is what a class's page shows of its weights.
type ClassFit struct {
	// Weights are the class's adopted weights; nil for none.
	Weights []float64
	// Learners is the members whose answers the last fit pooled.
	Learners  int
	Last      FitInfo
	Requested bool
}

// ClassFit returns the state of the class's weights; the class must be
// the teacher's (questions.ErrNotFound otherwise).
func (s *Store) ClassFit(ctx context.Context, teacherID, classID int64) (ClassFit, error) {
	return read(ctx, s, fmt.Sprintf("fit of class %d", classID), func(tx *sql.Tx) (ClassFit, error) {
		if _, err := teacherClassTx(ctx, tx, teacherID, classID); err != nil {
			return ClassFit{}, err
		}
		var (
			c         ClassFit
			weights   sql.NullString
			requested sql.NullTime
		)
		err := scanFit(tx.QueryRowContext(ctx, `SELECT weights, learners, requested_at, `+fitColumns+` FROM fsrs_classes WHERE class_id = ?`, classID),
			&c.Last, &weights, &c.Learners, &requested)
		if errors.Is(err, sql.ErrNoRows) {
			return ClassFit{}, nil
		}
		if err != nil {
			return ClassFit{}, err
		}
		c.Requested = requested.Valid
		if weights.Valid {
			w, err := parseWeights(weights.String)
			if err != nil {
				return ClassFit{}, err
			}
			c.Weights = slices.Clone(w)
		}
		return c, nil
	})
}

// teacherClassTx checks that the teacher teaches the class (its owner or
// a co-teacher, see taughtClass): questions.ErrNotFound if not.
func teacherClassTx(ctx context.Context, tx *sql.Tx, teacherID, classID int64) (int64, error) {
	c, err := taughtClass(ctx, tx, teacherID, classID)
	return c.ID, err
}

// RequestClassFit asks for the class's weights to be fitted to its
// members' pooled answers, by whichever server's background work comes
// first. The teacher must teach the class (its owner or a co-teacher).
func (s *Store) RequestClassFit(ctx context.Context, teacherID, classID int64) error {
	now := s.now()
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		if _, err := teacherClassTx(ctx, tx, teacherID, classID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO fsrs_classes (class_id, requested_at) VALUES (?, ?)
			ON CONFLICT (class_id) DO UPDATE SET requested_at = excluded.requested_at`, classID, now.UTC())
		return err
	})
	if err != nil {
		return fmt.Errorf("db: request a fit for class %d: %w", classID, err)
	}
	return nil
}

// ResetClassFit removes the class's weights: its members without weights
// of their own go back to the defaults. The teacher must teach the class (its owner or a co-teacher).
func (s *Store) ResetClassFit(ctx context.Context, teacherID, classID int64) error {
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		if _, err := teacherClassTx(ctx, tx, teacherID, classID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE fsrs_classes SET weights = NULL, adopted = 0, requested_at = NULL WHERE class_id = ?", classID); err != nil {
			return err
		}
		return bumpClassTx(ctx, tx, classID)
	})
	if err != nil {
		return fmt.Errorf("db: reset the weights of class %d: %w", classID, err)
	}
	return nil
}

// FitClass fits the class's weights now, as the command line asks. A
// class whose fit another server holds gives questions.ErrConflict; a
// missing class questions.ErrNotFound.
func (s *Store) FitClass(ctx context.Context, classID int64) (FitReport, error) {
	now := s.now()
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		var one int
		if err := tx.QueryRowContext(ctx, "SELECT 1 FROM classes WHERE id = ?", classID).Scan(&one); errors.Is(err, sql.ErrNoRows) {
			return questions.ErrNotFound
		} else if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO fsrs_classes (class_id, claimed_by, claimed_until) VALUES (?, ?, ?)
			ON CONFLICT (class_id) DO UPDATE SET claimed_by = excluded.claimed_by, claimed_until = excluded.claimed_until
			WHERE fsrs_classes.claimed_until IS NULL OR fsrs_classes.claimed_until < ?`, classID, worker, now.Add(fitLease).UTC(), now.UTC())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmp.Or(err, conflict("class %d's weights are being fitted by another server", classID))
		}
		return nil
	})
	if err != nil {
		return FitReport{}, fmt.Errorf("db: fit class %d: %w", classID, err)
	}
	return s.fitClassClaimed(ctx, classID)
}

// fitClassClaimed fits a class whose row this process has claimed to its
// members' pooled answers, each member's on their own calendar, and stores
// the outcome, releasing the claim. The weights to beat are the class's
// own, or the defaults.
func (s *Store) fitClassClaimed(ctx context.Context, classID int64) (FitReport, error) {
	r := FitReport{Class: classID}
	var (
		h       quiz.ReviewHistory
		current []float64
		key     sql.NullString
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "SELECT weights FROM fsrs_classes WHERE class_id = ?", classID).Scan(&key); err != nil {
			return err
		}
		if key.Valid {
			w, err := parseWeights(key.String)
			if err != nil {
				return err
			}
			current = w
		}
		members, err := queryAll(ctx, tx, scanInt64, "SELECT learner_id FROM class_members WHERE class_id = ? ORDER BY learner_id", classID)
		if err != nil {
			return err
		}
		for _, id := range members {
			st, err := studySettingsTx(ctx, tx, id)
			if err != nil {
				return err
			}
			lh, err := learnerHistoryTx(ctx, tx, id, st)
			if err != nil {
				return err
			}
			if len(lh.Cards) > 0 {
				r.Learners++
			}
			h.Cards = append(h.Cards, lh.Cards...)
		}
		return nil
	})
	if err != nil {
		return r, s.releaseFit(ctx, "fsrs_classes", "class_id", classID, fmt.Errorf("db: read the log of class %d: %w", classID, err))
	}
	r.Reviews = h.Reviews()
	fit, err := quiz.FitWeights(ctx, h, current)
	switch {
	case errors.Is(err, quiz.ErrCannotFit):
		r.Note = fmt.Sprintf("too few answers a day or more apart to fit (%d answers from %d learners so far)", r.Reviews, r.Learners)
	case err != nil:
		return r, s.releaseFit(ctx, "fsrs_classes", "class_id", classID, fmt.Errorf("db: fit class %d: %w", classID, err))
	default:
		r.Fit = fit
	}
	now := s.now()
	err = s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		if err := finishFitTx(ctx, tx, "fsrs_classes", "class_id", classID, r, now, "learners = ?", r.Learners); err != nil {
			return err
		}
		return bumpClassTx(ctx, tx, classID)
	})
	if err != nil {
		return r, fmt.Errorf("db: store the fit of class %d: %w", classID, err)
	}
	return r, nil
}

// FitCandidates lists, for the command line's fit of everyone, the
// learners with enough answers for a fit who have not chosen the
// defaults, and the classes that have weights or asked for them.
func (s *Store) FitCandidates(ctx context.Context) (learners, classes []int64, err error) {
	err = s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		if learners, err = queryAll(ctx, tx, scanInt64, "SELECT learner_id FROM study_learners WHERE auto = 1 AND reviews >= ? ORDER BY learner_id",
			quiz.MinFitReviews); err != nil {
			return err
		}
		classes, err = queryAll(ctx, tx, scanInt64, "SELECT class_id FROM fsrs_classes WHERE weights IS NOT NULL OR requested_at IS NOT NULL ORDER BY class_id")
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("db: list what to fit: %w", err)
	}
	return learners, classes, nil
}

// FitAll fits every learner and class that is due, one after another,
// until none is left or ctx ends; it returns what it did.
func (s *Store) FitAll(ctx context.Context) ([]FitReport, error) {
	var out []FitReport
	for ctx.Err() == nil {
		r, ok, err := s.FitDue(ctx)
		if err != nil {
			return out, err
		}
		if !ok {
			return out, nil
		}
		out = append(out, r)
	}
	return out, ctx.Err()
}

// bumpClassTx moves the study version of every member of the class on:
// the weights of the class are theirs unless they have their own.
func bumpClassTx(ctx context.Context, tx *sql.Tx, classID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO study_learners (learner_id, version) SELECT learner_id, 1 FROM class_members WHERE class_id = ?
		ON CONFLICT (learner_id) DO UPDATE SET version = study_learners.version + 1`, classID)
	return err
}
