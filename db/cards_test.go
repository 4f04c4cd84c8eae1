package db

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// cardSet has four flashcards and an essay, which is not one.
var cardSet = questions.Set{
	Title: "Rivers",
	Questions: []questions.Question{
		{Kind: questions.ShortAnswer, Stem: "Longest river in France?", Answers: []questions.Choice{{Text: "Loire", Weight: 100}}},
		{Kind: questions.Essay, Stem: "Describe a river."},
		{Kind: questions.TrueFalse, Stem: "The Danube flows into the Black Sea.", Truth: true},
		{Kind: questions.MultipleChoice, Stem: "River of Rome?", Choices: []questions.Choice{{Text: "Tiber", Weight: 100}, {Text: "Po"}}},
		{Kind: questions.Cloze, Stem: "The " + questions.Blank + " flows through Cairo.", Answers: []questions.Choice{{Text: "Nile", Weight: 100}},
			Source: &questions.Source{Sentence: "The Nile flows through Cairo.", Index: 2}},
	},
}

type cardEnv struct {
	t       *testing.T
	s       *Store
	ctx     context.Context
	setID   int64
	learner int64
	qids    []int64 // the set's question ids, in order
}

func newCardEnv(t *testing.T) *cardEnv {
	t.Helper()
	s := openStore(t)
	ctx := context.Background()
	setID, err := at(s, t0).CreateSet(ctx, cardSet, "")
	if err != nil {
		t.Fatal(err)
	}
	l, err := at(s, t0).CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, qs, err := s.PublishedSet(ctx, setID)
	if err != nil {
		t.Fatal(err)
	}
	e := &cardEnv{t: t, s: s, ctx: ctx, setID: setID, learner: l.ID}
	for _, q := range qs {
		e.qids = append(e.qids, q.ID)
	}
	return e
}

func (e *cardEnv) study(now time.Time, opt quiz.StudyOptions) Study {
	e.t.Helper()
	st, err := at(e.s, now).Study(e.ctx, e.learner, e.setID, opt)
	if err != nil {
		e.t.Fatalf("Study at %v: %v", now, err)
	}
	return st
}

func (e *cardEnv) review(qid int64, r quiz.Rating, now time.Time) quiz.Reviewed {
	e.t.Helper()
	res, err := at(e.s, now).Review(e.ctx, ReviewInput{LearnerID: e.learner, SetID: e.setID, QuestionID: qid, Rating: r, Reps: -1, Taken: 5 * time.Second})
	if err != nil {
		e.t.Fatalf("Review(card %d, %v) at %v: %v", qid, r, now, err)
	}
	return res
}

func (e *cardEnv) card(qid int64) StudyCard {
	e.t.Helper()
	c, err := e.s.Card(e.ctx, e.learner, qid)
	if err != nil {
		e.t.Fatalf("Card(%d): %v", qid, err)
	}
	return c
}

func defaultScheduler(t *testing.T) *quiz.Scheduler {
	t.Helper()
	s, err := DefaultStudySettings().Scheduler()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sameCard(a, b quiz.Card) bool {
	return a.State == b.State && a.Step == b.Step && a.Stability == b.Stability && a.Difficulty == b.Difficulty &&
		a.Due.Equal(b.Due) && a.LastReview.Equal(b.LastReview) && a.Reps == b.Reps && a.Lapses == b.Lapses &&
		a.ScheduledDays == b.ScheduledDays && a.Model == b.Model
}

func TestStore_StudyVisitor(t *testing.T) {
	e := newCardEnv(t)
	st, err := at(e.s, t0).Study(e.ctx, 0, e.setID, quiz.StudyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Cards != 4 || st.Queue.Counts != (quiz.StudyCounts{New: 4}) || st.Settings.Saved || st.UndoID != 0 {
		t.Fatalf("Study(visitor) = %d cards, counts %+v, saved %v, undo %v; want 4 new cards with the defaults",
			st.Cards, st.Queue.Counts, st.Settings.Saved, st.UndoID)
	}
	if st.Card == nil || st.Card.Question.ID != e.qids[0] || st.From != quiz.QueueNew || st.Card.Question.Stem != "Longest river in France?" {
		t.Fatalf("Study(visitor) shows %+v from %v, want the first question, new", st.Card, st.From)
	}
	t.Run("questions.ErrNotFound", func(t *testing.T) {
		if _, err := at(e.s, t0).Study(e.ctx, 0, 999, quiz.StudyOptions{}); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("Study(set 999) = %v, want questions.ErrNotFound", err)
		}
		if _, err := at(e.s, t0).Study(e.ctx, 0, e.setID, quiz.StudyOptions{CardID: e.qids[1]}); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("Study(card = the essay) = %v, want questions.ErrNotFound", err)
		}
	})
}

// TestStore_Review answers cards and checks each stored card against the
// scheduler, and the log against the answers.
func TestStore_Review(t *testing.T) {
	e := newCardEnv(t)
	sched := defaultScheduler(t)
	now := t0
	var want quiz.Card
	for i, r := range []quiz.Rating{quiz.RatingGood, quiz.RatingGood, quiz.RatingHard, quiz.RatingAgain, quiz.RatingGood, quiz.RatingEasy} {
		res := e.review(e.qids[0], r, now)
		want = sched.Next(want, r, now, e.qids[0])
		if !sameCard(res.Card, want) || !sameCard(e.card(e.qids[0]).Card, want) {
			t.Fatalf("answer %d (%v): got %+v, stored %+v, want %+v", i+1, r, res.Card, e.card(e.qids[0]).Card, want)
		}
		now = want.Due.Add(time.Hour)
	}
	if want.Model != quiz.FSRSModel || want.Lapses != 1 {
		t.Fatalf("card after the answers = %+v, want model %s and one lapse", want, quiz.FSRSModel)
	}
	log, err := e.s.ReviewLog(e.ctx, e.learner, e.qids[0])
	if err != nil || len(log) != 6 || log[0].StateBefore != quiz.StateNew || log[3].Rating != quiz.RatingAgain ||
		log[0].Source != "study" || log[0].Taken != 5*time.Second {
		t.Fatalf("ReviewLog = %+v, %v; want the 6 answers", log, err)
	}

	t.Run("ErrConflictWhenAnsweredSince", func(t *testing.T) {
		in := ReviewInput{LearnerID: e.learner, SetID: e.setID, QuestionID: e.qids[0], Rating: quiz.RatingGood, Reps: 5}
		if _, err := at(e.s, now).Review(e.ctx, in); !errors.Is(err, questions.ErrConflict) {
			t.Fatalf("Review with reps 5 of a card answered 6 times = %v, want questions.ErrConflict", err)
		}
		if log, _ := e.s.ReviewLog(e.ctx, e.learner, e.qids[0]); len(log) != 6 {
			t.Fatalf("a refused answer left %d log entries, want 6", len(log))
		}
	})
	t.Run("questions.ErrNotFound", func(t *testing.T) {
		other, _ := at(e.s, t0).CreateSet(e.ctx, testSet, "")
		for _, in := range []ReviewInput{
			{LearnerID: e.learner, SetID: e.setID, QuestionID: e.qids[1], Rating: quiz.RatingGood, Reps: -1}, // essay
			{LearnerID: e.learner, SetID: other, QuestionID: e.qids[0], Rating: quiz.RatingGood, Reps: -1},   // wrong set
			{LearnerID: e.learner, SetID: e.setID, QuestionID: 9999, Rating: quiz.RatingGood, Reps: -1},
		} {
			if _, err := at(e.s, now).Review(e.ctx, in); !errors.Is(err, questions.ErrNotFound) {
				t.Errorf("Review(%+v) = %v, want questions.ErrNotFound", in, err)
			}
		}
	})
	t.Run("TakenCapped", func(t *testing.T) {
		in := ReviewInput{LearnerID: e.learner, SetID: e.setID, QuestionID: e.qids[2], Rating: quiz.RatingGood, Reps: 0, Taken: time.Hour}
		if _, err := at(e.s, now).Review(e.ctx, in); err != nil {
			t.Fatal(err)
		}
		if log, _ := e.s.ReviewLog(e.ctx, e.learner, e.qids[2]); len(log) != 1 || log[0].Taken != time.Minute {
			t.Fatalf("an answer that took an hour is logged as %+v, want a minute", log)
		}
	})
}

// TestStore_RebuildCard rebuilds cards from their logs, flashcard and quiz
// answers mixed over weeks and a change of time zone, and checks the result
// is the card stored; then a card stamped with another model is rebuilt by
// its next review.
func TestStore_RebuildCard(t *testing.T) {
	e := newCardEnv(t)
	ctx := e.ctx
	ratings := []quiz.Rating{quiz.RatingAgain, quiz.RatingGood, quiz.RatingGood, quiz.RatingGood, quiz.RatingAgain, quiz.RatingGood, quiz.RatingHard, quiz.RatingEasy}
	now := t0
	st := DefaultStudySettings()
	st.TimeZone, st.RolloverHour = "Asia/Tokyo", 2
	if err := at(e.s, now).SaveStudySettings(ctx, e.learner, st); err != nil {
		t.Fatal(err)
	}
	for i, r := range ratings {
		for _, qid := range []int64{e.qids[0], e.qids[3]} {
			e.review(qid, r, now)
		}
		if i == 2 {
			// A quiz answer in between, right: Good for the first card.
			a, err := at(e.s, now).StartAttempt(ctx, e.learner, e.setID)
			if err != nil {
				t.Fatal(err)
			}
			if err := at(e.s, now.Add(time.Minute)).SaveAnswer(ctx, e.learner, a.ID, 0, quiz.Answer{Text: "loire"}, 1); err != nil {
				t.Fatal(err)
			}
		}
		now = e.card(e.qids[0]).Card.Due.Add(3 * time.Hour)
	}
	for _, qid := range []int64{e.qids[0], e.qids[3]} {
		stored := e.card(qid).Card
		rebuilt, err := e.s.RebuildCard(ctx, e.learner, qid)
		if err != nil {
			t.Fatal(err)
		}
		if !sameCard(rebuilt, stored) {
			t.Errorf("card %d rebuilt from its log = %+v, want the stored %+v", qid, rebuilt, stored)
		}
		if again := e.card(qid).Card; !sameCard(again, stored) {
			t.Errorf("card %d after RebuildCard = %+v, want it unchanged %+v", qid, again, stored)
		}
	}
	if log, _ := e.s.ReviewLog(ctx, e.learner, e.qids[0]); len(log) != len(ratings)+1 || log[3].Source != "quiz" {
		t.Fatalf("log of card 1 = %+v, want %d answers with the quiz answer fourth", log, len(ratings)+1)
	}
	if _, err := e.s.RebuildCard(ctx, e.learner, e.qids[2]); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("RebuildCard of a card never studied = %v, want questions.ErrNotFound", err)
	}

	t.Run("AdoptsTheCurrentModel", func(t *testing.T) {
		qid := e.qids[0]
		good := e.card(qid).Card
		// A card computed by an older model: other memory state, other stamp.
		if _, err := e.s.write.Exec("UPDATE cards SET stability = 1.5, difficulty = 9, model = 'fsrs-5' WHERE question_id = ?", qid); err != nil {
			t.Fatal(err)
		}
		sched, _ := st.Scheduler()
		want := sched.Next(good, quiz.RatingGood, now, qid)
		got := e.review(qid, quiz.RatingGood, now).Card
		if !sameCard(got, want) || got.Model != quiz.FSRSModel {
			t.Fatalf("review of a card of model fsrs-5 = %+v, want %+v (rebuilt from the log, then answered)", got, want)
		}
	})
}

func TestStore_UndoReview(t *testing.T) {
	e := newCardEnv(t)
	now := t0
	if _, err := at(e.s, now).UndoReview(e.ctx, e.learner, e.setID, 1); !errors.Is(err, questions.ErrNotFound) {
		t.Fatalf("UndoReview with no answers = %v, want questions.ErrNotFound", err)
	}
	// A new card answered and taken back is new again, with no log.
	e.review(e.qids[0], quiz.RatingGood, now)
	st := e.study(now, quiz.StudyOptions{})
	if st.UndoID == 0 || st.Queue.Counts.New != 3 {
		t.Fatalf("after one answer: undo %d, counts %+v; want undo offered and 3 new", st.UndoID, st.Queue.Counts)
	}
	if _, err := at(e.s, now).UndoReview(e.ctx, e.learner, e.setID, st.UndoID+1); !errors.Is(err, questions.ErrNotFound) {
		t.Fatalf("UndoReview of an answer that is not the last = %v, want questions.ErrNotFound", err)
	}
	qid, err := at(e.s, now.Add(time.Second)).UndoReview(e.ctx, e.learner, e.setID, st.UndoID)
	if err != nil || qid != e.qids[0] {
		t.Fatalf("UndoReview = %d, %v; want card %d", qid, err, e.qids[0])
	}
	if c := e.card(e.qids[0]); !sameCard(c.Card, quiz.Card{}) {
		t.Fatalf("card after undoing its first answer = %+v, want a new card", c.Card)
	}
	if log, _ := e.s.ReviewLog(e.ctx, e.learner, e.qids[0]); len(log) != 0 {
		t.Fatalf("log after undo = %+v, want it empty", log)
	}
	if st := e.study(now, quiz.StudyOptions{}); st.Queue.Counts.New != 4 || st.UndoID != 0 {
		t.Fatalf("after undo: counts %+v, undo %d; want 4 new and nothing to undo", st.Queue.Counts, st.UndoID)
	}

	// A review card taken back returns exactly to what it was.
	e.review(e.qids[0], quiz.RatingEasy, now)
	now = e.card(e.qids[0]).Card.Due.Add(time.Hour)
	before := e.card(e.qids[0]).Card
	e.review(e.qids[0], quiz.RatingAgain, now)
	last := e.study(now, quiz.StudyOptions{}).UndoID
	if _, err := at(e.s, now).UndoReview(e.ctx, e.learner, e.setID, last); err != nil {
		t.Fatal(err)
	}
	if after := e.card(e.qids[0]).Card; !sameCard(after, before) {
		t.Fatalf("card after undo = %+v, want %+v", after, before)
	}

	t.Run("Idempotent", func(t *testing.T) {
		// Two answers; the same undo twice takes back only the second.
		e.review(e.qids[2], quiz.RatingGood, now)
		first := e.card(e.qids[2]).Card
		e.review(e.qids[3], quiz.RatingGood, now)
		id := e.study(now, quiz.StudyOptions{}).UndoID
		if _, err := at(e.s, now).UndoReview(e.ctx, e.learner, e.setID, id); err != nil {
			t.Fatal(err)
		}
		if _, err := at(e.s, now).UndoReview(e.ctx, e.learner, e.setID, id); !errors.Is(err, questions.ErrNotFound) {
			t.Fatalf("the same undo again = %v, want questions.ErrNotFound", err)
		}
		if got := e.card(e.qids[2]).Card; !sameCard(got, first) {
			t.Fatalf("the first answer's card after a repeated undo = %+v, want it kept (%+v)", got, first)
		}
	})
	t.Run("NotAQuizAnswer", func(t *testing.T) {
		a, _ := at(e.s, now).StartAttempt(e.ctx, e.learner, e.setID)
		if err := at(e.s, now).SaveAnswer(e.ctx, e.learner, a.ID, 2, quiz.Answer{True: truth(true)}, 3); err != nil {
			t.Fatal(err)
		}
		if id := e.study(now, quiz.StudyOptions{}).UndoID; id != 0 {
			t.Fatalf("after a quiz answer, undo is offered for answer %d", id)
		}
		var last int64
		if err := e.s.read.QueryRow("SELECT max(id) FROM reviews").Scan(&last); err != nil {
			t.Fatal(err)
		}
		if _, err := at(e.s, now).UndoReview(e.ctx, e.learner, e.setID, last); !errors.Is(err, questions.ErrNotFound) {
			t.Fatalf("UndoReview of a quiz answer = %v, want questions.ErrNotFound", err)
		}
	})
	t.Run("NotYesterdays", func(t *testing.T) {
		e.review(e.qids[3], quiz.RatingGood, now.Add(time.Minute))
		id := e.study(now.Add(time.Minute), quiz.StudyOptions{}).UndoID
		if id == 0 {
			t.Fatal("no undo offered right after an answer")
		}
		if _, err := at(e.s, now.Add(24*time.Hour)).UndoReview(e.ctx, e.learner, e.setID, id); !errors.Is(err, questions.ErrNotFound) {
			t.Fatalf("UndoReview a day later = %v, want questions.ErrNotFound", err)
		}
	})
}

// TestStore_QuizAnswerIsReview checks the hook in SaveAnswer: the first
// answer to each flashcard question of an attempt reviews the card.
func TestStore_QuizAnswerIsReview(t *testing.T) {
	e := newCardEnv(t)
	sched := defaultScheduler(t)
	a, err := at(e.s, t0).StartAttempt(e.ctx, e.learner, e.setID)
	if err != nil {
		t.Fatal(err)
	}
	answers := []struct {
		pos    int
		answer quiz.Answer
	}{
		{0, quiz.Answer{Text: "Seine"}},         // wrong: Again
		{0, quiz.Answer{Text: "Loire"}},         // changed: not a second review
		{1, quiz.Answer{Text: "Long and wet."}}, // essay: no card
		{2, quiz.Answer{True: truth(true)}},     // right: Good
		{3, quiz.Answer{}},                      // empty: nothing
		{4, quiz.Answer{Text: " nile "}},        // right: Good
	}
	for i, an := range answers {
		if err := at(e.s, t0.Add(time.Duration(i)*time.Minute)).SaveAnswer(e.ctx, e.learner, a.ID, an.pos, an.answer, an.pos); err != nil {
			t.Fatal(err)
		}
	}
	wantRating := map[int]quiz.Rating{0: quiz.RatingAgain, 2: quiz.RatingGood, 4: quiz.RatingGood}
	for pos, qid := range e.qids {
		log, err := e.s.ReviewLog(e.ctx, e.learner, qid)
		if err != nil {
			t.Fatal(err)
		}
		r, reviewed := wantRating[pos]
		if !reviewed {
			if len(log) != 0 {
				t.Errorf("question %d: log %+v, want no review", pos, log)
			}
			continue
		}
		if len(log) != 1 || log[0].Rating != r || log[0].Source != "quiz" || log[0].AttemptID != a.ID || log[0].Taken >= 0 {
			t.Errorf("question %d: log %+v, want one quiz review rated %v", pos, log, r)
			continue
		}
		want := sched.Next(quiz.Card{}, r, log[0].At, qid)
		if got := e.card(qid).Card; !sameCard(got, want) {
			t.Errorf("question %d: card %+v, want %+v", pos, got, want)
		}
	}
	// A second attempt reviews the cards again.
	at(e.s, t0.Add(time.Hour)).FinishAttempt(e.ctx, e.learner, a.ID)
	b, _ := at(e.s, t0.Add(2*time.Hour)).StartAttempt(e.ctx, e.learner, e.setID)
	if err := at(e.s, t0.Add(2*time.Hour)).SaveAnswer(e.ctx, e.learner, b.ID, 0, quiz.Answer{Text: "Loire"}, 1); err != nil {
		t.Fatal(err)
	}
	if log, _ := e.s.ReviewLog(e.ctx, e.learner, e.qids[0]); len(log) != 2 || log[1].Rating != quiz.RatingGood {
		t.Fatalf("log after a second attempt = %+v, want a second review, Good", log)
	}
	// Quiz answers introduce new cards: three of four are studied now.
	if st := e.study(t0.Add(2*time.Hour), quiz.StudyOptions{}); st.Queue.Counts.New != 1 {
		t.Fatalf("after the quiz the set has %+v, want 1 new card", st.Queue.Counts)
	}
}

func TestStore_NewCardsPerDay(t *testing.T) {
	e := newCardEnv(t)
	st := DefaultStudySettings()
	st.NewPerDay, st.TimeZone, st.RolloverHour = 2, "America/New_York", 4
	if err := at(e.s, t0).SaveStudySettings(e.ctx, e.learner, st); err != nil {
		t.Fatal(err)
	}
	// 20:00 in New York on 28 November is 01:00 UTC on the 29th.
	evening := time.Date(2026, 11, 29, 1, 0, 0, 0, time.UTC)
	s := e.study(evening, quiz.StudyOptions{})
	if s.Queue.Counts.New != 2 || s.Queue.NewLater != 2 {
		t.Fatalf("counts = %+v, later %d; want 2 new now and 2 later", s.Queue.Counts, s.Queue.NewLater)
	}
	e.review(e.qids[0], quiz.RatingEasy, evening)
	e.review(e.qids[2], quiz.RatingEasy, evening)
	s = e.study(evening.Add(time.Minute), quiz.StudyOptions{})
	if s.Queue.Counts.New != 0 || s.Card != nil || s.Queue.NewLater != 2 {
		t.Fatalf("after 2 new cards: counts %+v, card %v; want none left today", s.Queue.Counts, s.Card)
	}
	// 03:00 in New York is still the same learner day; 04:00 is the next.
	if s := e.study(time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC), quiz.StudyOptions{}); s.Queue.Counts.New != 0 {
		t.Fatalf("at 03:00 local: %+v, want still no new cards", s.Queue.Counts)
	}
	s = e.study(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC), quiz.StudyOptions{})
	if s.Queue.Counts.New != 2 || s.Card == nil || s.Card.Question.ID != e.qids[3] {
		t.Fatalf("at 04:00 local: %+v showing %v, want 2 new cards from the fourth question", s.Queue.Counts, s.Card)
	}
	t.Run("Ahead", func(t *testing.T) {
		s := e.study(evening.Add(time.Minute), quiz.StudyOptions{Ahead: true})
		if s.Card == nil || s.From != quiz.QueueAhead || s.Card.Question.ID != e.qids[0] {
			t.Fatalf("studying ahead shows %v from %v, want the first card, due soonest", s.Card, s.From)
		}
	})
	t.Run("MoreNew", func(t *testing.T) {
		s := e.study(evening.Add(time.Minute), quiz.StudyOptions{MoreNew: true})
		if s.Card == nil || s.From != quiz.QueueNew || s.Card.Question.ID != e.qids[3] || s.Queue.Counts.New != 2 {
			t.Fatalf("learning more new cards shows %v from %v with counts %+v, want the 2 new cards left", s.Card, s.From, s.Queue.Counts)
		}
	})
}

// withVersion is st with its study version v, for comparing settings.
func withVersion(st StudySettings, v int64) StudySettings {
	st.version = v
	return st
}

func TestStore_StudySettings(t *testing.T) {
	e := newCardEnv(t)
	st, err := e.s.StudySettings(e.ctx, e.learner)
	if err != nil || !reflect.DeepEqual(st, DefaultStudySettings()) {
		t.Fatalf("StudySettings of a new learner = %+v, %v; want the defaults", st, err)
	}
	// The browser's zone is adopted by the first answer...
	in := ReviewInput{LearnerID: e.learner, SetID: e.setID, QuestionID: e.qids[0], Rating: quiz.RatingGood, Reps: -1, TimeZone: "Europe/Paris"}
	if _, err := at(e.s, t0).Review(e.ctx, in); err != nil {
		t.Fatal(err)
	}
	if st, _ := e.s.StudySettings(e.ctx, e.learner); !st.Saved || st.TimeZone != "Europe/Paris" || st.NewPerDay != 20 {
		t.Fatalf("settings after an answer from Paris = %+v, want the defaults in Europe/Paris", st)
	}
	// ...but never overrides a choice.
	want := StudySettings{DesiredRetention: 0.85, NewPerDay: 5, ReviewsPerDay: 100, NewAllPerDay: 0, ReviewsAllPerDay: 1000,
		TimeZone: "Asia/Kolkata", RolloverHour: 0, Saved: true, From: WeightsDefault, totals: true}
	if err := at(e.s, t0).SaveStudySettings(e.ctx, e.learner, want); err != nil {
		t.Fatal(err)
	}
	in.TimeZone, in.QuestionID = "Europe/Paris", e.qids[2]
	at(e.s, t0).Review(e.ctx, in)
	if got, _ := e.s.StudySettings(e.ctx, e.learner); got.version == 0 || !reflect.DeepEqual(withVersion(got, 0), want) {
		t.Fatalf("StudySettings = %+v, want %+v", got, want)
	}

	t.Run("ErrInvalid", func(t *testing.T) {
		for _, bad := range []StudySettings{
			{DesiredRetention: 0.5, NewPerDay: 20, TimeZone: "UTC", RolloverHour: 4},
			{DesiredRetention: 0.9, NewPerDay: -1, TimeZone: "UTC", RolloverHour: 4},
			{DesiredRetention: 0.9, NewPerDay: 20, TimeZone: "Mars/Olympus", RolloverHour: 4},
			{DesiredRetention: 0.9, NewPerDay: 20, TimeZone: "UTC", RolloverHour: 24},
		} {
			if err := at(e.s, t0).SaveStudySettings(e.ctx, e.learner, bad); !errors.Is(err, questions.ErrInvalid) {
				t.Errorf("SaveStudySettings(%+v) = %v, want questions.ErrInvalid", bad, err)
			}
			if len(bad.Problems()) != 1 {
				t.Errorf("Problems(%+v) = %v, want one", bad, bad.Problems())
			}
		}
		if err := at(e.s, t0).SaveStudySettings(e.ctx, 999, DefaultStudySettings()); !errors.Is(err, questions.ErrNotFound) {
			t.Errorf("SaveStudySettings(learner 999) = %v, want questions.ErrNotFound", err)
		}
	})
}

func TestStore_SuspendCard(t *testing.T) {
	e := newCardEnv(t)
	e.review(e.qids[0], quiz.RatingAgain, t0)
	for _, qid := range []int64{e.qids[0], e.qids[2]} {
		if err := e.s.SuspendCard(e.ctx, e.learner, e.setID, qid, true); err != nil {
			t.Fatal(err)
		}
	}
	s := e.study(t0.Add(time.Hour), quiz.StudyOptions{})
	if s.Suspended != 2 || s.Queue.Counts != (quiz.StudyCounts{New: 2}) || s.Card.Question.ID != e.qids[3] {
		t.Fatalf("with 2 cards suspended: %d suspended, counts %+v, card %d; want 2 new from the fourth question",
			s.Suspended, s.Queue.Counts, s.Card.Question.ID)
	}
	if c := e.card(e.qids[0]); !c.Suspended || c.Card.Reps != 1 {
		t.Fatalf("suspended card = %+v, want its schedule kept", c)
	}
	if err := e.s.SuspendCard(e.ctx, e.learner, e.setID, e.qids[1], true); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("SuspendCard(essay) = %v, want questions.ErrNotFound", err)
	}
	if n, err := e.s.UnsuspendAll(e.ctx, e.learner, e.setID); err != nil || n != 2 {
		t.Fatalf("UnsuspendAll = %d, %v; want 2", n, err)
	}
	if s := e.study(t0.Add(time.Hour), quiz.StudyOptions{}); s.Suspended != 0 || s.Queue.Counts != (quiz.StudyCounts{New: 3, Learning: 1}) {
		t.Fatalf("after UnsuspendAll: %d suspended, counts %+v", s.Suspended, s.Queue.Counts)
	}
}

func TestStore_StudyStats(t *testing.T) {
	e := newCardEnv(t)
	// Three days of study ending today (t0 is 10:00 UTC, after the 4 AM
	// rollover): card 1 each day, card 3 forgotten on its first review.
	day := 24 * time.Hour
	e.review(e.qids[0], quiz.RatingEasy, t0.Add(-2*day))
	e.review(e.qids[2], quiz.RatingEasy, t0.Add(-2*day))
	e.review(e.qids[0], quiz.RatingGood, t0.Add(-day))
	e.review(e.qids[0], quiz.RatingGood, t0)
	e.review(e.qids[2], quiz.RatingAgain, t0)
	if err := e.s.SuspendCard(e.ctx, e.learner, e.setID, e.qids[4], true); err != nil {
		t.Fatal(err)
	}
	st, err := at(e.s, t0.Add(time.Minute)).StudyStats(e.ctx, e.learner, 0, 7)
	if err != nil {
		t.Fatal(err)
	}
	var perDay []int
	for _, d := range st.Days {
		perDay = append(perDay, d.Reviews)
	}
	if want := []int{0, 0, 0, 0, 2, 1, 2}; !equalInts(perDay, want) {
		t.Errorf("reviews per day = %v, want %v", perDay, want)
	}
	if last := st.Days[6].Date; last.Format("2006-01-02") != "2026-11-29" {
		t.Errorf("last day of the calendar = %v, want 2026-11-29", last)
	}
	if st.Reviews != 5 || st.ReviewsToday != 2 || st.TimeToday != 10*time.Second || st.Streak != 3 {
		t.Errorf("reviews %d, today %d in %v, streak %d; want 5, 2 in 10s, 3", st.Reviews, st.ReviewsToday, st.TimeToday, st.Streak)
	}
	// Review answers: card 1 on days 1 and 2 passed; card 3 on day 2 failed.
	if b := st.Retention[0]; b.Reviews != 3 || b.Passed != 2 {
		t.Errorf("retention in the first week = %+v, want 2 of 3", b)
	}
	want := StateCounts{New: 1, Young: 1, Relearning: 1, Suspended: 1}
	if e.card(e.qids[0]).Card.ScheduledDays >= quiz.MatureDays {
		want.Young, want.Mature = 0, 1
	}
	if st.States != want {
		t.Errorf("states = %+v, want %+v", st.States, want)
	}
	due := 0
	for _, n := range st.Due {
		due += n
	}
	if due != 2 || st.Due[0] != 1 {
		t.Errorf("due = %v, want 2 cards, one of them today (the relearning one)", st.Due)
	}
	if len(st.Sets) != 1 || st.Sets[0].ID != e.setID {
		t.Errorf("sets studied = %+v, want the one set", st.Sets)
	}
	if other, err := at(e.s, t0).StudyStats(e.ctx, e.learner, 999, 7); err != nil || other.Reviews != 0 {
		t.Errorf("stats of another set = %d reviews, %v; want none", other.Reviews, err)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestStore_StudyTotals checks that the totals the statistics read agree
// with the log: kept answer by answer (undo included), and rebuilt from
// the log for a learner whose answers came before the totals did.
func TestStore_StudyTotals(t *testing.T) {
	e := newCardEnv(t)
	day := 24 * time.Hour
	now := t0.Add(-20 * day)
	for d := range 20 {
		at := now.Add(time.Duration(d) * day)
		for i, qid := range []int64{e.qids[0], e.qids[2], e.qids[3], e.qids[4]} {
			c := e.card(qid).Card
			if c.State != quiz.StateNew && !defaultScheduler(t).IsDue(c, at) {
				continue
			}
			r := quiz.RatingGood
			if (d+i)%5 == 0 {
				r = quiz.RatingAgain
			}
			e.review(qid, r, at.Add(time.Duration(i)*time.Minute))
		}
	}
	// An answer taken back leaves no trace in the totals.
	e.review(e.qids[0], quiz.RatingHard, t0)
	if _, err := at(e.s, t0).UndoReview(e.ctx, e.learner, e.setID, e.study(t0, quiz.StudyOptions{}).UndoID); err != nil {
		t.Fatal(err)
	}
	kept, err := at(e.s, t0).StudyStats(e.ctx, e.learner, 0, 30)
	if err != nil {
		t.Fatal(err)
	}
	var logged int
	if err := e.s.read.QueryRow("SELECT count(*) FROM reviews WHERE learner_id = ?", e.learner).Scan(&logged); err != nil {
		t.Fatal(err)
	}
	if kept.Reviews != logged || kept.Retention[0].Reviews+kept.Retention[1].Reviews == 0 {
		t.Fatalf("kept totals: %d answers (log %d), retention %+v", kept.Reviews, logged, kept.Retention)
	}
	// As if the answers came before the totals: no totals, no sets.
	for _, q := range []string{"DELETE FROM study_days", "DELETE FROM study_retention", "DELETE FROM review_sets", "UPDATE study_learners SET totals = 0"} {
		if _, err := e.s.write.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	rebuilt, err := at(e.s, t0).StudyStats(e.ctx, e.learner, 0, 30)
	if err != nil {
		t.Fatal(err)
	}
	rebuilt.Settings.version, kept.Settings.version = 0, 0 // a rebuild moves the version on
	if !reflect.DeepEqual(rebuilt, kept) {
		t.Fatalf("rebuilt from the log:\n%+v\nkept answer by answer:\n%+v", rebuilt, kept)
	}
}
