package db

import (
	"context"
	"errors"
	"slices"
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

// TestStore_StudyOwnDeck checks that a deck of the learner's own (an
// imported one, sets.learner_id) is one of the sets studied across sets,
// counted on the home page and in the statistics, before any answer in
// it; and that another learner's deck is not.
func TestStore_StudyOwnDeck(t *testing.T) {
	e := newCardEnv(t)
	deck, err := at(e.s, t0).ImportDeck(e.ctx, e.learner, deckSet, nil)
	if err != nil {
		t.Fatal(err)
	}
	stranger, err := e.s.CreateLearner(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := at(e.s, t0).ImportDeck(e.ctx, stranger.ID, wordSet(4), nil); err != nil {
		t.Fatal(err)
	}
	st, err := at(e.s, t0).Study(e.ctx, e.learner, 0, quiz.StudyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// Only the deck: the learner has not answered in Rivers yet.
	if st.Sets != 1 || st.Cards != 3 || st.Queue.Counts.New != 3 || st.Card == nil || st.CardSet.ID != deck {
		t.Fatalf("across sets with an own deck: %d sets, %d cards, counts %+v, card from set %d; want the deck's 3 new cards",
			st.Sets, st.Cards, st.Queue.Counts, st.CardSet.ID)
	}
	due, err := at(e.s, t0).StudyDue(e.ctx, e.learner)
	if err != nil || due.Sets != 1 || due.New != 3 {
		t.Fatalf("StudyDue = %+v, %v; want 3 new cards in 1 set", due, err)
	}
	stats, err := at(e.s, t0).StudyStats(e.ctx, e.learner, 0, 30)
	if err != nil || stats.States.New != 3 {
		t.Fatalf("StudyStats new cards = %+v, %v; want the deck's 3", stats.States, err)
	}

	// With an answer in Rivers both sets are studied, the deck's cards
	// and Rivers' alike.
	e.review(e.qids[0], quiz.RatingGood, t0)
	st, err = at(e.s, t0).Study(e.ctx, e.learner, 0, quiz.StudyOptions{})
	if err != nil || st.Sets != 2 || st.Cards != 7 {
		t.Fatalf("across Rivers and the deck: %d sets, %d cards (%v); want 2 sets, 7 cards", st.Sets, st.Cards, err)
	}
	if err := e.s.DeleteDeck(e.ctx, e.learner, deck); err != nil {
		t.Fatal(err)
	}
	if st, err := at(e.s, t0).Study(e.ctx, e.learner, 0, quiz.StudyOptions{}); err != nil || st.Sets != 1 || st.Cards != 4 {
		t.Fatalf("after deleting the deck: %d sets, %d cards (%v); want Rivers' 4", st.Sets, st.Cards, err)
	}
}

// TestStore_ImportDeckTotals checks that a deck's history, which the
// import writes to the log without Review, shows in the learner's totals
// (statistics, the count of answers the fitting waits for) even when the
// totals were already kept, and leaves them with the deck when it is
// deleted.
func TestStore_ImportDeckTotals(t *testing.T) {
	e := newCardEnv(t)
	e.review(e.qids[0], quiz.RatingGood, t0.Add(-time.Hour))
	before, err := at(e.s, t0).StudyStats(e.ctx, e.learner, 0, 30)
	if err != nil || before.Reviews != 1 {
		t.Fatalf("before the import: %d answers (%v), want 1", before.Reviews, err)
	}
	day := 24 * time.Hour
	history := []DeckReview{
		{Question: 0, Time: t0.Add(-3 * day), Rating: quiz.RatingGood, Taken: 4 * time.Second},
		{Question: 1, Time: t0.Add(-3 * day), Rating: quiz.RatingAgain, Taken: 6 * time.Second},
		{Question: 1, Time: t0.Add(-2 * day), Rating: quiz.RatingGood, Taken: 3 * time.Second},
		{Question: 0, Time: t0.Add(-1 * day), Rating: quiz.RatingEasy, Taken: -1},
	}
	deck, err := at(e.s, t0).ImportDeck(e.ctx, e.learner, deckSet, history)
	if err != nil {
		t.Fatal(err)
	}
	all, err := at(e.s, t0).StudyStats(e.ctx, e.learner, 0, 30)
	if err != nil {
		t.Fatal(err)
	}
	if all.Reviews != 5 {
		t.Errorf("after the import: %d answers in all sets, want 5 (1 here, 4 from Anki)", all.Reviews)
	}
	own, err := at(e.s, t0).StudyStats(e.ctx, e.learner, deck, 30)
	if err != nil {
		t.Fatal(err)
	}
	var perDay int
	for _, d := range own.Days {
		perDay += d.Reviews
	}
	if own.Reviews != 4 || perDay != 4 {
		t.Errorf("the deck's statistics: %d answers, %d by day; want 4 and 4", own.Reviews, perDay)
	}
	if !slices.ContainsFunc(all.Sets, func(s SetInfo) bool { return s.ID == deck }) {
		t.Errorf("the statistics' sets %+v leave out the deck %d", all.Sets, deck)
	}
	fs, err := e.s.FSRSState(e.ctx, e.learner)
	if err != nil || fs.Reviews != 5 {
		t.Errorf("FSRSState.Reviews = %d (%v), want 5: the fitting counts the imported answers", fs.Reviews, err)
	}

	if err := e.s.DeleteDeck(e.ctx, e.learner, deck); err != nil {
		t.Fatal(err)
	}
	after, err := at(e.s, t0).StudyStats(e.ctx, e.learner, 0, 30)
	if err != nil || after.Reviews != 1 {
		t.Errorf("after deleting the deck: %d answers (%v), want 1", after.Reviews, err)
	}
	if fs, err := e.s.FSRSState(e.ctx, e.learner); err != nil || fs.Reviews != 1 {
		t.Errorf("FSRSState.Reviews after the delete = %d (%v), want 1", fs.Reviews, err)
	}
}

// TestStore_MergeLearnersTotals checks that merging two learners (which
// moves answers around Review) leaves the kept learner's totals and count
// of answers those of both logs.
func TestStore_MergeLearnersTotals(t *testing.T) {
	w := newMergeWorld(t)
	s, ctx := w.s, w.ctx
	day := 24 * time.Hour
	// The set is assigned as a quiz neither took: its teacher opens the
	// flashcards to the class first.
	if err := s.SetAssignmentFlashcards(ctx, w.a.ID, w.assign, true); err != nil {
		t.Fatal(err)
	}
	w.review(t, w.la, w.qids[1], quiz.RatingGood, t0)
	w.review(t, w.lb, w.qids[1], quiz.RatingAgain, t0.Add(day))
	w.review(t, w.lb, w.qids[2], quiz.RatingEasy, t0.Add(day))
	// The kept learner's totals are built before the merge.
	if st, err := at(s, t0.Add(2*day)).StudyStats(ctx, w.la.ID, 0, 30); err != nil || st.Reviews != 1 {
		t.Fatalf("before the merge: %d answers (%v), want 1", st.Reviews, err)
	}
	if _, err := at(s, t0.Add(2*day)).MergeLearners(ctx, w.a.ID, w.ca.ID, w.la.ID, w.lb.ID); err != nil {
		t.Fatal(err)
	}
	st, err := at(s, t0.Add(2*day)).StudyStats(ctx, w.la.ID, 0, 30)
	if err != nil || st.Reviews != 3 || st.ReviewsToday != 0 {
		t.Errorf("after the merge: %d answers (%v), want 3", st.Reviews, err)
	}
	if f, err := s.FSRSState(ctx, w.la.ID); err != nil || f.Reviews != 3 {
		t.Errorf("FSRSState.Reviews after the merge = %d (%v), want 3", f.Reviews, err)
	}
}
