package db

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// TestStore_MergeMovesEveryTable fails when a table refers to learners
// and MergeLearners does not know it: its rows would be deleted with the
// learner merged away instead of moving to the one kept.
func TestStore_MergeMovesEveryTable(t *testing.T) {
	sqliteOnly(t) // SQLite's catalog; TestSchemasAgree holds PostgreSQL's to it
	s := openStore(t)
	tables, err := queryAllRead(s, "SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range tables {
		refs, err := queryAllRead(s, "SELECT \"table\" FROM pragma_foreign_key_list(?)", table)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(refs, "learners") && !slices.Contains(learnerTables, table) {
			t.Errorf("table %s refers to learners, and MergeLearners does not move its rows: add it to mergeTx and learnerTables", table)
		}
	}
}

func queryAllRead(s *Store, query string, args ...any) ([]string, error) {
	ctx := context.Background()
	var out []string
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = queryAll(ctx, tx, func(row scanner) (string, error) {
			var v string
			return v, row.Scan(&v)
		}, query, args...)
		return err
	})
	return out, err
}

// mergeWorld is a class where one student joined twice: on a laptop
// (learner a) and on a phone (learner b), and did things on both.
type mergeWorld struct {
	*rosterWorld
	set    int64
	qids   []int64
	la, lb Learner
	assign int64
}

func newMergeWorld(t *testing.T) *mergeWorld {
	t.Helper()
	w := &mergeWorld{rosterWorld: newRosterWorld(t)}
	s, ctx := w.s, w.ctx
	var err error
	if w.set, err = s.CreateSet(ctx, testSet, ""); err != nil {
		t.Fatal(err)
	}
	_, qs, err := s.PublishedSet(ctx, w.set)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		w.qids = append(w.qids, q.ID)
	}
	if w.assign, err = s.Assign(ctx, w.a.ID, w.ca.ID, w.set, QuizSettings{MaxAttempts: 1, Feedback: FeedbackAfter}); err != nil {
		t.Fatal(err)
	}
	for _, l := range []*Learner{&w.la, &w.lb} {
		if *l, err = s.CreateLearner(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := s.JoinClass(ctx, l.ID, w.ca.JoinCode, "Bo Chen"); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

// quiz makes the learner take the class's quiz, answering the first
// question with choice.
func (w *mergeWorld) quiz(t *testing.T, l Learner, choice int, when time.Time) {
	t.Helper()
	a, err := at(w.s, when).StartClassAttempt(w.ctx, l.ID, w.assign)
	if err != nil {
		t.Fatal(err)
	}
	if err := at(w.s, when).SaveAnswer(w.ctx, l.ID, a.ID, 0, quiz.Answer{Choices: []int{choice}}, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := at(w.s, when.Add(time.Minute)).FinishAttempt(w.ctx, l.ID, a.ID); err != nil {
		t.Fatal(err)
	}
}

func (w *mergeWorld) review(t *testing.T, l Learner, qid int64, r quiz.Rating, when time.Time) {
	t.Helper()
	if _, err := at(w.s, when).Review(w.ctx, ReviewInput{LearnerID: l.ID, SetID: w.set, QuestionID: qid, Rating: r, Reps: -1, Taken: time.Second}); err != nil {
		t.Fatal(err)
	}
}

func TestStore_MergeLearners(t *testing.T) {
	w := newMergeWorld(t)
	s, ctx := w.s, w.ctx
	day := 24 * time.Hour
	// The laptop: a quiz (which reviews question 0), then flashcards.
	w.quiz(t, w.la, 1, t0)
	w.review(t, w.la, w.qids[1], quiz.RatingGood, t0.Add(day))
	// The phone: the quiz again (the limit of one attempt is per learner,
	// which is the bug merging mends), flashcards of the same and another
	// card, and its own settings.
	w.quiz(t, w.lb, 0, t0.Add(2*day))
	w.review(t, w.lb, w.qids[1], quiz.RatingAgain, t0.Add(3*day))
	w.review(t, w.lb, w.qids[2], quiz.RatingEasy, t0.Add(3*day))
	if err := s.SuspendCard(ctx, w.lb.ID, w.set, w.qids[2], true); err != nil {
		t.Fatal(err)
	}
	settings := DefaultStudySettings()
	settings.NewPerDay = 7
	if err := s.SaveStudySettings(ctx, w.lb.ID, settings); err != nil {
		t.Fatal(err)
	}
	phone, err := s.CreateSession(ctx, w.lb.ID, 30*day)
	if err != nil {
		t.Fatal(err)
	}

	before := map[int64]MergeResult{}
	for _, l := range []Learner{w.la, w.lb} {
		c, err := s.mergeCounts(l.ID)
		if err != nil {
			t.Fatal(err)
		}
		before[l.ID] = c
	}
	if c := before[w.la.ID]; c.Attempts != 1 || c.Responses != 1 || c.Reviews != 2 {
		t.Fatalf("the laptop's learner has %+v before, want 1 attempt, 1 answer, 2 reviews", c)
	}

	if _, err := s.MergeLearners(ctx, w.b.ID, w.ca.ID, w.la.ID, w.lb.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("teacher B merging in A's class = %v, want questions.ErrNotFound", err)
	}
	if _, err := s.MergeLearners(ctx, w.a.ID, w.ca.ID, w.la.ID, w.la.ID); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("merging a learner into themselves = %v, want questions.ErrInvalid", err)
	}
	res, err := at(s, t0.Add(4*day)).MergeLearners(ctx, w.a.ID, w.ca.ID, w.la.ID, w.lb.ID)
	if err != nil {
		t.Fatal(err)
	}
	after, err := s.mergeCounts(w.la.ID)
	if err != nil {
		t.Fatal(err)
	}
	sum := MergeResult{Attempts: before[w.la.ID].Attempts + before[w.lb.ID].Attempts,
		Responses: before[w.la.ID].Responses + before[w.lb.ID].Responses, Reviews: before[w.la.ID].Reviews + before[w.lb.ID].Reviews}
	if after != sum || res.Attempts != sum.Attempts || res.Responses != sum.Responses || res.Reviews != sum.Reviews {
		t.Errorf("after the merge: %+v (reported %+v); want the sum of both before, %+v", after, res, sum)
	}
	if res.Combined != 2 || res.Cards != 1 {
		t.Errorf("merge result %+v: want 2 cards combined (questions 0 and 1) and 1 moved (question 2)", res)
	}
	if _, err := s.Learner(ctx, w.lb.ID); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("the learner merged away = %v, want gone", err)
	}
	if n, _ := s.mergeCounts(w.lb.ID); n != (MergeResult{}) {
		t.Errorf("the learner merged away still has %+v", n)
	}

	// The card both had is the replay of both logs, in the order given.
	sched := defaultScheduler(t)
	want, err := sched.Replay(w.qids[1], []quiz.ReviewLog{{Rating: quiz.RatingGood, Time: t0.Add(day)}, {Rating: quiz.RatingAgain, Time: t0.Add(3 * day)}})
	if err != nil {
		t.Fatal(err)
	}
	if got := w.cardOf(t, w.la.ID, w.qids[1]); !sameCard(got.Card, want) {
		t.Errorf("merged card = %+v, want the replay of both logs %+v", got.Card, want)
	}
	// The phone's card moved, suspension and all; the phone's settings
	// came along, since the laptop had none; the phone's session is the
	// kept learner's now.
	if got := w.cardOf(t, w.la.ID, w.qids[2]); !got.Suspended || got.Card.Reps != 1 {
		t.Errorf("the phone's card after the merge = %+v, want it suspended with its answer", got)
	}
	if st, _ := s.StudySettings(ctx, w.la.ID); st.NewPerDay != 7 {
		t.Errorf("settings after the merge: %d new a day, want the phone's 7", st.NewPerDay)
	}
	if sess, err := s.Session(ctx, phone, day); err != nil || sess.Learner.ID != w.la.ID {
		t.Errorf("the phone's session = %+v, %v; want learner %d", sess.Learner, err, w.la.ID)
	}
	// The kept learner has used the quiz's one attempt twice now.
	if _, err := s.StartClassAttempt(ctx, w.la.ID, w.assign); !errors.Is(err, questions.ErrInvalid) {
		t.Errorf("a third attempt after the merge = %v, want the limit to hold", err)
	}
	// Each entry of the merged log records the card as the merged log
	// had it before the answer (what Undo restores): the phone's answer
	// was given to a new card, and is now given to the laptop's studied one.
	if got := w.cardOf(t, w.la.ID, w.qids[1]); got.Card.Reps != 2 {
		t.Fatalf("merged card has %d answers, want 2", got.Card.Reps)
	}
	log, err := s.ReviewLog(ctx, w.la.ID, w.qids[1])
	if err != nil || len(log) != 2 || log[1].StateBefore == quiz.StateNew {
		t.Errorf("merged log = %+v, %v; want two answers, the second given to a studied card", log, err)
	}

	entries, _, err := s.AuditLog(ctx, w.a.ID, Page{})
	if err != nil || len(entries) != 1 || entries[0].Action != AuditMerge || !strings.Contains(entries[0].Detail, "2 attempts") {
		t.Errorf("audit log = %+v, %v; want the merge", entries, err)
	}
}

func (w *mergeWorld) cardOf(t *testing.T, learnerID, qid int64) StudyCard {
	t.Helper()
	c, err := w.s.Card(w.ctx, learnerID, qid)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// mergeCounts counts a learner's attempts, answers and reviews.
func (s *Store) mergeCounts(learnerID int64) (MergeResult, error) {
	var c MergeResult
	err := s.inRead(context.Background(), func(tx *sql.Tx) error {
		var err error
		c, err = learnerCounts(context.Background(), tx, learnerID)
		return err
	})
	return c, err
}
