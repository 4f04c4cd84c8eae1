package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// fastForgetter is the memory of a learner who forgets faster than FSRS's
// median learner (quiz's simulated learner).
var fastForgetter = []float64{
	0.1, 0.8, 1.8, 6, 6.8, 0.7, 2.6, 0.02, 1.6, 0.2, 0.9, 1.3, 0.08, 0.22, 1.8,
	0.5, 1.7, 0.6, 0.2, 0.1, 0.25,
}

// wordSet is a set of n short-answer flashcards.
func wordSet(n int) questions.Set {
	set := questions.Set{Title: "Words"}
	for i := range n {
		set.Questions = append(set.Questions, questions.Question{Kind: questions.ShortAnswer,
			Stem: fmt.Sprintf("Word %d?", i+1), Answers: []questions.Choice{{Text: fmt.Sprintf("w%d", i+1), Weight: 100}}})
	}
	return set
}

// simulateStudy writes days of study of the set's cards to the learner's
// log from start, in one transaction through reviewTx (the store's own
// answer, with the learner's scheduler as it is), as a learner whose
// memory follows the weights truth: every day at 10:00, 20 new cards are
// introduced and every review card due is answered, recalled with the
// chance truth gives and rated Good, now and then Hard or Easy, when
// recalled; a new or forgotten card is answered at each of its steps that
// day, passed four times in five. It returns the time of the last answer.
func simulateStudy(t *testing.T, s *Store, learnerID, setID int64, start time.Time, days int, truth []float64, seed uint64) time.Time {
	t.Helper()
	ctx := context.Background()
	cfg := quiz.DefaultSchedulerConfig()
	cfg.Weights = truth
	mind, err := quiz.NewScheduler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(seed, 2))
	recalled := func(p float64) quiz.Rating {
		if rng.Float64() >= p {
			return quiz.RatingAgain
		}
		return []quiz.Rating{quiz.RatingHard, quiz.RatingGood, quiz.RatingGood, quiz.RatingGood, quiz.RatingGood, quiz.RatingGood, quiz.RatingEasy}[rng.IntN(7)]
	}
	last := start
	err = s.inWrite(ctx, func(tx *sql.Tx) error {
		sched, err := schedulerTx(ctx, tx, learnerID)
		if err != nil {
			return err
		}
		cards, err := setCardsTx(ctx, tx, learnerID, setID)
		if err != nil {
			return err
		}
		memory := map[int64]quiz.Card{}
		for _, c := range cards {
			if c.Card.State != quiz.StateNew {
				if memory[c.Question.ID], err = replayTx(ctx, tx, mind, learnerID, c.Question.ID); err != nil {
					return err
				}
			}
		}
		answer := func(i int, r quiz.Rating, at time.Time) error {
			qid := cards[i].Question.ID
			res, err := reviewTx(ctx, tx, review{learnerID: learnerID, questionID: qid, rating: r, at: at,
				taken: time.Duration(3+rng.IntN(10)) * time.Second, source: sourceStudy, reps: -1})
			cards[i].Card = res.Card
			memory[qid] = mind.Next(memory[qid], r, at, qid)
			if at.After(last) {
				last = at
			}
			return err
		}
		// steps answers a card in learning or relearning at each step due
		// that day.
		steps := func(i int, at time.Time) error {
			for k := 0; k < 6 && cards[i].Card.State != quiz.StateReview && cards[i].Card.ScheduledDays == 0; k++ {
				if due := cards[i].Card.Due; due.After(at) {
					at = due
				}
				if err := answer(i, recalled(0.8), at); err != nil {
					return err
				}
			}
			return nil
		}
		for d := range days {
			now := start.Add(time.Duration(d) * 24 * time.Hour)
			introduced := 0
			for i := range cards {
				c := cards[i].Card
				switch {
				case c.State == quiz.StateNew && introduced < 20:
					introduced++
					if err := answer(i, recalled(0.8), now); err != nil {
						return err
					}
				case c.State != quiz.StateNew && sched.IsDue(c, now):
					if err := answer(i, recalled(mind.Retrievability(memory[cards[i].Question.ID], now)), now); err != nil {
						return err
					}
				default:
					continue
				}
				if err := steps(i, now); err != nil {
					return err
				}
				now = now.Add(20 * time.Second)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return last
}

// fitEnv is a learner who studied a set of 100 cards for 250 days as a fast
// forgetter, scheduled with the default weights.
type fitEnv struct {
	t       *testing.T
	s       *Store
	ctx     context.Context
	setID   int64
	learner int64
	now     time.Time
}

func newFitEnv(t *testing.T) *fitEnv {
	t.Helper()
	s := openStore(t)
	ctx := context.Background()
	setID, err := s.CreateSet(ctx, wordSet(100), "")
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	now := simulateStudy(t, s, l.ID, setID, t0, 250, fastForgetter, 1)
	return &fitEnv{t: t, s: s, ctx: ctx, setID: setID, learner: l.ID, now: now}
}

func (e *fitEnv) state() FSRSState {
	e.t.Helper()
	f, err := at(e.s, e.now).FSRSState(e.ctx, e.learner)
	if err != nil {
		e.t.Fatal(err)
	}
	return f
}

func (e *fitEnv) fitDue() (FitReport, bool) {
	e.t.Helper()
	r, ok, err := at(e.s, e.now).FitDue(e.ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	return r, ok
}

// intervals are the intervals the four buttons give a review card of the
// learner's, with their scheduler as it is.
func (e *fitEnv) intervals() (qid int64, days [4]int, model string) {
	e.t.Helper()
	st, err := at(e.s, e.now).StudySettings(e.ctx, e.learner)
	if err != nil {
		e.t.Fatal(err)
	}
	sched, err := st.Scheduler()
	if err != nil {
		e.t.Fatal(err)
	}
	if err := e.s.read.QueryRow("SELECT question_id FROM cards WHERE learner_id = ? AND state = 2 ORDER BY question_id LIMIT 1", e.learner).Scan(&qid); err != nil {
		e.t.Fatal(err)
	}
	c, err := at(e.s, e.now).RebuildCard(e.ctx, e.learner, qid)
	if err != nil {
		e.t.Fatal(err)
	}
	for i, next := range sched.Preview(c, c.Due, qid) {
		days[i] = next.ScheduledDays
	}
	return qid, days, c.Model
}

// TestStore_FitLearner follows a learner's weights: fitted in the
// background once they have enough answers, adopted because they predict
// the learner better, changing the intervals of their cards; not fitted
// again until enough new answers; back to the defaults on request, and
// fitted again when asked.
func TestStore_FitLearner(t *testing.T) {
	e := newFitEnv(t)
	before := e.state()
	var logged int
	if err := e.s.read.QueryRow("SELECT count(*) FROM reviews WHERE learner_id = ?", e.learner).Scan(&logged); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d answers in 250 days", logged)
	if before.From != WeightsDefault || before.Weights != nil || before.Reviews != logged || before.Last.Valid {
		t.Fatalf("before any fit: from %s, weights %v, reviews %d (log %d), last %+v; want the defaults and the count",
			before.From, before.Weights, before.Reviews, logged, before.Last)
	}
	if logged < quiz.MinFitReviews {
		t.Fatalf("the simulation made %d answers, want at least %d", logged, quiz.MinFitReviews)
	}
	_, defaultDays, defaultModel := e.intervals()

	r, ok := e.fitDue()
	if !ok || r.Learner != e.learner || !r.Fit.Adopted {
		t.Fatalf("FitDue = %v, %v; want learner %d's fit adopted", r, ok, e.learner)
	}
	t.Log(r)
	after := e.state()
	if after.From != WeightsOwn || !slices.Equal(after.Weights, r.Fit.Fitted) || !after.Last.Adopted ||
		after.Last.After.LogLoss != r.Fit.After.LogLoss || after.Last.Before.LogLoss != r.Fit.Before.LogLoss || after.Last.Reviews != logged {
		t.Fatalf("after the fit: %+v; want the fitted weights in use, with the fit's figures", after)
	}
	if !(after.Last.After.LogLoss < after.Last.Before.LogLoss) {
		t.Errorf("adopted a fit with log loss %.5f, not below %.5f", after.Last.After.LogLoss, after.Last.Before.LogLoss)
	}
	if len(after.Workload) != 4 || after.Workload[2].DesiredRetention != 0.9 || !(after.Workload[3].ReviewsPerDay > after.Workload[0].ReviewsPerDay) {
		t.Errorf("workload after the fit = %+v; want 4 levels, more reviews at 95%% than at 80%%", after.Workload)
	}

	// The learner's cards are scheduled by their own weights now: a card
	// rebuilt from its log gets other intervals.
	qid, fittedDays, fittedModel := e.intervals()
	t.Logf("card %d: intervals %v with the defaults (%s), %v fitted (%s)", qid, defaultDays, defaultModel, fittedDays, fittedModel)
	if fittedModel == defaultModel || fittedModel == quiz.FSRSModel {
		t.Errorf("the card was rebuilt with model %q, want the fitted weights'", fittedModel)
	}
	if fittedDays == defaultDays {
		t.Errorf("card %d: the fitted weights give the intervals %v, the same as the defaults", qid, fittedDays)
	}

	if r, ok := e.fitDue(); ok {
		t.Fatalf("FitDue right after a fit = %v, want nothing due", r)
	}
	// A week later, with new answers, the learner is due again.
	e.now = simulateStudy(t, e.s, e.learner, e.setID, e.now.Add(24*time.Hour), 8, fastForgetter, 2)
	if r, ok := e.fitDue(); !ok || r.Learner != e.learner {
		t.Fatalf("FitDue a week and some answers later = %v, %v; want learner %d", r, ok, e.learner)
	}

	// Back to the defaults: no fit is adopted until the learner asks.
	if err := e.s.ResetFSRS(e.ctx, e.learner); err != nil {
		t.Fatal(err)
	}
	if f := e.state(); f.From != WeightsDefault || f.Weights != nil || f.Auto {
		t.Fatalf("after going back to the defaults: %+v", f)
	}
	e.now = e.now.Add(30 * 24 * time.Hour)
	e.now = simulateStudy(t, e.s, e.learner, e.setID, e.now, 3, fastForgetter, 3)
	if r, ok := e.fitDue(); ok {
		t.Fatalf("FitDue for a learner on the defaults by choice = %v, want nothing", r)
	}
	if err := at(e.s, e.now).RequestFit(e.ctx, e.learner); err != nil {
		t.Fatal(err)
	}
	if f := e.state(); !f.Requested || !f.Auto {
		t.Fatalf("after asking for a fit: %+v", f)
	}
	if r, ok := e.fitDue(); !ok || !r.Fit.Adopted {
		t.Fatalf("FitDue after a request = %v, %v; want an adopted fit", r, ok)
	}
	if f := e.state(); f.From != WeightsOwn || f.Requested {
		t.Fatalf("after the requested fit: %+v", f)
	}
}

// TestStore_FitLearnerWorse gives the learner weights that predict their
// log better than the product's fit can: the fit runs, is worse, and is
// not adopted; the weights in use stay.
func TestStore_FitLearnerWorse(t *testing.T) {
	e := newFitEnv(t)
	var h quiz.ReviewHistory
	err := e.s.inRead(e.ctx, func(tx *sql.Tx) error {
		st, err := studySettingsTx(e.ctx, tx, e.learner)
		if err != nil {
			return err
		}
		h, err = learnerHistoryTx(e.ctx, tx, e.learner, st)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	opt := quiz.DefaultOptimizeOptions(h)
	opt.Gamma, opt.Epochs = 0.1, 20
	hard, err := quiz.Optimize(e.ctx, h, opt)
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := json.Marshal(hard.Weights)
	if _, err := e.s.write.Exec("UPDATE study_learners SET weights = ? WHERE learner_id = ?", string(stored), e.learner); err != nil {
		t.Fatal(err)
	}
	r, err := at(e.s, e.now).FitLearner(e.ctx, e.learner)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r)
	if !(r.Fit.After.LogLoss > r.Fit.Before.LogLoss) {
		t.Fatalf("the fit's log loss %.6f is not above the weights in use (%.6f): the test needs a worse fit", r.Fit.After.LogLoss, r.Fit.Before.LogLoss)
	}
	f := e.state()
	if r.Fit.Adopted || f.Last.Adopted || !slices.Equal(f.Weights, hard.Weights) || f.From != WeightsOwn {
		t.Fatalf("a worse fit: report adopted %v, state %+v; want the weights in use kept", r.Fit.Adopted, f)
	}
	if !f.Last.Valid || f.Last.After.LogLoss != r.Fit.After.LogLoss || !slices.Equal(f.Last.Fitted, r.Fit.Fitted) {
		t.Errorf("the page's last fit = %+v, want the rejected fit's figures", f.Last)
	}
}

// TestStore_FitReadsAnkiHistory checks the optimiser's input holds answers
// imported from Anki with a deck (ImportDeck, source 'anki'), and that the
// learner's count of answers, which fitting waits for, counts them.
func TestStore_FitReadsAnkiHistory(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	setID, err := s.CreateSet(ctx, wordSet(3), "")
	if err != nil {
		t.Fatal(err)
	}
	_, qs, err := s.PublishedSet(ctx, setID)
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// One card studied here, two of a deck with an Anki history.
	if _, err := s.Review(ctx, ReviewInput{LearnerID: l.ID, SetID: setID, QuestionID: qs[0].ID, Rating: quiz.RatingGood, Reps: -1, Taken: -1}); err != nil {
		t.Fatal(err)
	}
	anki := []struct {
		q      int
		rating quiz.Rating
		at     time.Time
	}{
		{0, quiz.RatingGood, t0.Add(-30 * 24 * time.Hour)},
		{0, quiz.RatingAgain, t0.Add(-20 * 24 * time.Hour)},
		{0, quiz.RatingGood, t0.Add(-19 * 24 * time.Hour)},
		{1, quiz.RatingEasy, t0.Add(-10 * 24 * time.Hour)},
	}
	var history []DeckReview
	for _, a := range anki {
		history = append(history, DeckReview{Question: a.q, Time: a.at, Rating: a.rating, Taken: 8 * time.Second})
	}
	if _, err := s.ImportDeck(ctx, l.ID, wordSet(2), history); err != nil {
		t.Fatal(err)
	}
	if f, err := s.FSRSState(ctx, l.ID); err != nil || f.Reviews != 5 {
		t.Fatalf("FSRSState after the import = %d reviews, %v; want 5 (1 here, 4 from Anki)", f.Reviews, err)
	}
	var h quiz.ReviewHistory
	err = s.inRead(ctx, func(tx *sql.Tx) error {
		st, err := studySettingsTx(ctx, tx, l.ID)
		if err != nil {
			return err
		}
		h, err = learnerHistoryTx(ctx, tx, l.ID, st)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(h.Cards)
	// Cards in the order of their first answer; days are counted from
	// 1970 at the 4 AM rollover, in UTC.
	day := func(at time.Time) int { return int(at.Add(-4*time.Hour).Unix() / 86400) }
	want := fmt.Sprint([]quiz.CardHistory{
		{{Day: day(anki[0].at), Rating: quiz.RatingGood, Seq: anki[0].at.UnixMilli(), Taken: 8 * time.Second},
			{Day: day(anki[1].at), Rating: quiz.RatingAgain, Seq: anki[1].at.UnixMilli(), Taken: 8 * time.Second},
			{Day: day(anki[2].at), Rating: quiz.RatingGood, Seq: anki[2].at.UnixMilli(), Taken: 8 * time.Second}},
		{{Day: day(anki[3].at), Rating: quiz.RatingEasy, Seq: anki[3].at.UnixMilli(), Taken: 8 * time.Second}},
		{{Day: day(t0), Rating: quiz.RatingGood, Seq: t0.UnixMilli()}},
	})
	if got != want {
		t.Fatalf("the optimiser's history = %s\nwant %s", got, want)
	}
}

// TestStore_FitClaims checks that a fit another server holds is left to
// it until its claim runs out, and that the command line's fit of that
// learner is refused meanwhile.
func TestStore_FitClaims(t *testing.T) {
	e := newFitEnv(t)
	if _, err := e.s.write.Exec("UPDATE study_learners SET claimed_by = 'other', claimed_until = ? WHERE learner_id = ?",
		e.now.Add(time.Minute).UTC(), e.learner); err != nil {
		t.Fatal(err)
	}
	if r, ok := e.fitDue(); ok {
		t.Fatalf("FitDue while another server holds the learner = %v, want nothing", r)
	}
	if _, err := at(e.s, e.now).FitLearner(e.ctx, e.learner); !errors.Is(err, questions.ErrConflict) {
		t.Fatalf("FitLearner while another server holds the learner = %v, want questions.ErrConflict", err)
	}
	if _, err := at(e.s, e.now).FitLearner(e.ctx, 999); !errors.Is(err, questions.ErrNotFound) {
		t.Fatalf("FitLearner(999) = %v, want questions.ErrNotFound", err)
	}
	// The other server stopped: its claim runs out, and this one fits.
	e.now = e.now.Add(2 * time.Minute)
	if r, ok := e.fitDue(); !ok || r.Learner != e.learner {
		t.Fatalf("FitDue once the claim ran out = %v, %v; want learner %d", r, ok, e.learner)
	}
	var by sql.NullString
	if err := e.s.read.QueryRow("SELECT claimed_by FROM study_learners WHERE learner_id = ?", e.learner).Scan(&by); err != nil || by.Valid {
		t.Fatalf("claim after the fit = %v, %v; want it released", by, err)
	}
}

// TestStore_FitClass fits a class's pooled answers at its teacher's
// request: its members without weights of their own are scheduled with
// the class's, members with their own keep theirs, and a member who chose
// the defaults keeps the defaults.
func TestStore_FitClass(t *testing.T) {
	e := newFitEnv(t)
	teacher, err := e.s.CreateTeacher(e.ctx, "Ms Class", "a long enough password")
	if err != nil {
		t.Fatal(err)
	}
	other, err := e.s.CreateTeacher(e.ctx, "Mr Other", "a long enough password")
	if err != nil {
		t.Fatal(err)
	}
	class, err := e.s.CreateClass(e.ctx, teacher.ID, "Year 9")
	if err != nil {
		t.Fatal(err)
	}
	newcomer, err := e.s.CreateLearner(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	chooser, err := e.s.CreateLearner(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range []int64{e.learner, newcomer.ID, chooser.ID} {
		if _, err := e.s.JoinClass(e.ctx, l, class.JoinCode, fmt.Sprintf("Student %d", l)); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.s.ResetFSRS(e.ctx, chooser.ID); err != nil {
		t.Fatal(err)
	}
	// The learner is fitted first (they are due), then the class.
	if err := at(e.s, e.now).RequestClassFit(e.ctx, other.ID, class.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Fatalf("another teacher's request = %v, want questions.ErrNotFound", err)
	}
	if err := at(e.s, e.now).RequestClassFit(e.ctx, teacher.ID, class.ID); err != nil {
		t.Fatal(err)
	}
	if c, err := e.s.ClassFit(e.ctx, teacher.ID, class.ID); err != nil || !c.Requested {
		t.Fatalf("ClassFit after the request = %+v, %v; want it requested", c, err)
	}
	reports, err := at(e.s, e.now).FitAll(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 2 || reports[0].Learner != e.learner || reports[1].Class != class.ID {
		t.Fatalf("FitAll = %v, want the learner then the class", reports)
	}
	cr := reports[1]
	t.Log(cr)
	if !cr.Fit.Adopted || cr.Learners != 1 || cr.Reviews != reports[0].Reviews {
		t.Fatalf("class fit = %+v; want the one studying member's answers, adopted", cr)
	}
	c, err := e.s.ClassFit(e.ctx, teacher.ID, class.ID)
	if err != nil || !slices.Equal(c.Weights, cr.Fit.Weights) || c.Requested || c.Learners != 1 || !c.Last.Adopted {
		t.Fatalf("ClassFit = %+v, %v; want the adopted weights", c, err)
	}
	for _, tt := range []struct {
		who     int64
		from    WeightsFrom
		weights []float64
	}{
		{newcomer.ID, WeightsClass, cr.Fit.Weights},
		{e.learner, WeightsOwn, reports[0].Fit.Weights},
		{chooser.ID, WeightsDefault, nil},
	} {
		f, err := e.s.FSRSState(e.ctx, tt.who)
		if err != nil || f.From != tt.from || !slices.Equal(f.Weights, tt.weights) {
			t.Errorf("learner %d: from %s, weights %v, %v; want %s %v", tt.who, f.From, f.Weights, err, tt.from, tt.weights)
		}
		if tt.from == WeightsClass && f.Class != "Year 9" {
			t.Errorf("learner %d's weights come from class %q, want Year 9", tt.who, f.Class)
		}
	}
	if err := e.s.ResetClassFit(e.ctx, teacher.ID, class.ID); err != nil {
		t.Fatal(err)
	}
	if f, _ := e.s.FSRSState(e.ctx, newcomer.ID); f.From != WeightsDefault {
		t.Errorf("after the class's weights were removed, the newcomer's come from %s, want the defaults", f.From)
	}
	if _, err := at(e.s, e.now).FitClass(e.ctx, 999); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("FitClass(999) = %v, want questions.ErrNotFound", err)
	}
}
