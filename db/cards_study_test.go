package db

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// TestStore_StudyAcrossSets studies all of a learner's sets at once: the
// sets they have answered in, each within its limits and all within the
// learner's; the cards come set by set, and a card answered in one set's
// session counts in that set.
func TestStore_StudyAcrossSets(t *testing.T) {
	e := newCardEnv(t)
	other, err := e.s.CreateSet(e.ctx, wordSet(6), "")
	if err != nil {
		t.Fatal(err)
	}
	untouched, err := e.s.CreateSet(e.ctx, wordSet(3), "")
	if err != nil {
		t.Fatal(err)
	}
	_, words, _ := e.s.PublishedSet(e.ctx, other)
	all := func(now time.Time, opt quiz.StudyOptions) Study {
		t.Helper()
		st, err := at(e.s, now).Study(e.ctx, e.learner, 0, opt)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	if st := all(t0, quiz.StudyOptions{}); st.Sets != 0 || st.Card != nil {
		t.Fatalf("before any answer: %d sets, card %v; want none", st.Sets, st.Card)
	}
	e.review(e.qids[0], quiz.RatingEasy, t0)
	if _, err := at(e.s, t0).Review(e.ctx, ReviewInput{LearnerID: e.learner, SetID: other, QuestionID: words[0].ID, Rating: quiz.RatingEasy, Reps: -1, Taken: -1}); err != nil {
		t.Fatal(err)
	}
	st := all(t0, quiz.StudyOptions{})
	// Rivers has 3 new cards left, Words 5; untouched is not the learner's.
	if st.Sets != 2 || st.Cards != 10 || st.Queue.Counts != (quiz.StudyCounts{New: 8}) {
		t.Fatalf("across sets: %d sets, %d cards, counts %+v; want 2 sets, 10 cards, 8 new", st.Sets, st.Cards, st.Queue.Counts)
	}
	// The sets come by title: Rivers, then Words.
	if st.Card == nil || st.Card.Question.ID != e.qids[2] || st.CardSet.ID != e.setID {
		t.Fatalf("first card across sets = %+v in set %d, want Rivers' next new card", st.Card, st.CardSet.ID)
	}
	_ = untouched

	// Limits: Rivers 1 new a day of its own, 3 new in all sets.
	if err := e.s.SetStudyLimits(e.ctx, e.learner, e.setID, &SetLimits{NewPerDay: 2, ReviewsPerDay: 10}); err != nil {
		t.Fatal(err)
	}
	if l, err := e.s.StudyLimits(e.ctx, e.learner, e.setID); err != nil || !l.Own || l.Limits.NewPerDay != 2 || l.Usual.NewPerDay != 20 {
		t.Fatalf("StudyLimits = %+v, %v", l, err)
	}
	settings := DefaultStudySettings()
	settings.NewAllPerDay = 3
	if err := e.s.SaveStudySettings(e.ctx, e.learner, settings); err != nil {
		t.Fatal(err)
	}
	// Today: one new in Rivers (1 left of 2), one in Words (19 left), 3 in
	// all, of which 2 are used: 1 left.
	if st := all(t0, quiz.StudyOptions{}); st.Queue.Counts.New != 1 || st.Queue.NewLater != 7 {
		t.Fatalf("with limits: counts %+v, new later %d; want 1 new, 7 held back", st.Queue.Counts, st.Queue.NewLater)
	}
	if st := all(t0, quiz.StudyOptions{MoreNew: true}); st.Queue.Counts.New != 8 {
		t.Fatalf("with more new cards: counts %+v, want 8 new", st.Queue.Counts)
	}
	one, err := at(e.s, t0).Study(e.ctx, e.learner, e.setID, quiz.StudyOptions{})
	if err != nil || one.Queue.Counts.New != 1 {
		t.Fatalf("Rivers alone: counts %+v, %v; want 1 new (its own limit of 2, one used)", one.Queue.Counts, err)
	}
	if err := e.s.SetStudyLimits(e.ctx, e.learner, e.setID, nil); err != nil {
		t.Fatal(err)
	}
	if l, _ := e.s.StudyLimits(e.ctx, e.learner, e.setID); l.Own {
		t.Error("the set's own limits are still there after going back to the learner's")
	}
	if err := e.s.SetStudyLimits(e.ctx, e.learner, e.setID, &SetLimits{NewPerDay: -1}); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("negative limits = %v, want questions.ErrInvalid", err)
	}

	// The next day the review cards come due, from both sets; the home
	// page's count agrees with the queue.
	later := t0.Add(30 * 24 * time.Hour)
	due, err := at(e.s, later).StudyDue(e.ctx, e.learner)
	if err != nil {
		t.Fatal(err)
	}
	if st := all(later, quiz.StudyOptions{}); due.StudyCounts != st.Queue.Counts || due.Review != 2 || due.Sets != 2 {
		t.Fatalf("StudyDue = %+v, queue counts %+v; want 2 reviews in 2 sets, as the queue says", due, st.Queue.Counts)
	}
}

// TestStore_StudySeesOtherWrites checks that the copies the study queue
// reads from never hide a change: a quiz answer, a suspension, an undo,
// settings, or an answer another server committed (here written straight
// to the database, as another process would).
func TestStore_StudySeesOtherWrites(t *testing.T) {
	e := newCardEnv(t)
	st := e.study(t0, quiz.StudyOptions{})
	if st.Queue.Counts.New != 4 {
		t.Fatalf("counts %+v, want 4 new", st.Queue.Counts)
	}
	// A quiz answer reviews card 3.
	a, err := at(e.s, t0).StartAttempt(e.ctx, e.learner, e.setID)
	if err != nil {
		t.Fatal(err)
	}
	if err := at(e.s, t0).SaveAnswer(e.ctx, e.learner, a.ID, 2, quiz.Answer{True: truth(true)}, 3); err != nil {
		t.Fatal(err)
	}
	if st := e.study(t0, quiz.StudyOptions{}); st.Queue.Counts != (quiz.StudyCounts{New: 3, Learning: 1}) {
		t.Fatalf("after a quiz answer: counts %+v, want 3 new and 1 learning", st.Queue.Counts)
	}
	// Another server answers card 1: its row and the learner's version
	// change in the database only.
	if _, err := e.s.write.Exec(`INSERT INTO cards (learner_id, question_id, state, step, stability, difficulty, due, last_review, reps, model)
		VALUES (?, ?, 2, 0, 10, 5, ?, ?, 1, 'fsrs-6')`, e.learner, e.qids[0], t0.Add(10*24*time.Hour), t0); err != nil {
		t.Fatal(err)
	}
	if _, err := e.s.write.Exec("UPDATE study_learners SET version = version + 1 WHERE learner_id = ?", e.learner); err != nil {
		t.Fatal(err)
	}
	if st := e.study(t0, quiz.StudyOptions{}); st.Queue.Counts != (quiz.StudyCounts{New: 2, Learning: 1}) {
		t.Fatalf("after another server's answer: counts %+v, want 2 new and 1 learning", st.Queue.Counts)
	}
	if err := e.s.SuspendCard(e.ctx, e.learner, e.setID, e.qids[3], true); err != nil {
		t.Fatal(err)
	}
	if st := e.study(t0, quiz.StudyOptions{}); st.Queue.Counts.New != 1 || st.Suspended != 1 {
		t.Fatalf("after a suspension: counts %+v, %d suspended", st.Queue.Counts, st.Suspended)
	}
}

// TestStore_ReviewBatched answers many cards at once from many learners:
// answers committed together are each acknowledged, one that fails (a
// card answered twice from the same showing) fails alone, and the log
// holds exactly the answers acknowledged.
func TestStore_ReviewBatched(t *testing.T) {
	e := newCardEnv(t)
	const learners = 24
	ids := make([]int64, learners)
	for i := range ids {
		l, err := e.s.CreateLearner(e.ctx)
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = l.ID
	}
	var wg sync.WaitGroup
	errs := make([]error, 2*learners)
	for i, id := range ids {
		for k := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Both answers are to card 1 as shown new (reps 0): one of
				// the two must be refused.
				_, errs[2*i+k] = e.s.Review(context.Background(), ReviewInput{LearnerID: id, SetID: e.setID, QuestionID: e.qids[0],
					Rating: quiz.RatingGood, Reps: 0, Taken: time.Second})
			}()
		}
	}
	wg.Wait()
	ok := 0
	for i := range ids {
		a, b := errs[2*i], errs[2*i+1]
		switch {
		case a == nil && b == nil, a != nil && b != nil:
			t.Errorf("learner %d: answers %v and %v; want exactly one refused", ids[i], a, b)
		case a != nil && !errors.Is(a, questions.ErrConflict), b != nil && !errors.Is(b, questions.ErrConflict):
			t.Errorf("learner %d: answers %v and %v; want the second refused as a conflict", ids[i], a, b)
		default:
			ok++
		}
	}
	var logged int
	if err := e.s.read.QueryRow("SELECT count(*) FROM reviews").Scan(&logged); err != nil {
		t.Fatal(err)
	}
	if logged != ok {
		t.Fatalf("%d answers in the log, %d acknowledged", logged, ok)
	}
}
