package db

import (
	"context"
	"testing"
	"time"

	"factdrill/quiz"
)

// TestStore_DeleteIdleLearners checks the sweep of anonymous learners:
// one who never answered and has not been seen for a day goes, with
// their session and empty attempt; one who answered a quiz question or a
// flashcard, joined a class, imported a deck of their own, was seen
// lately or is new stays.
func TestStore_DeleteIdleLearners(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	setID, err := s.CreateSet(ctx, testSet, "")
	if err != nil {
		t.Fatal(err)
	}
	_, qs, _ := s.PublishedSet(ctx, setID)
	learner := func() int64 {
		l, err := s.CreateLearner(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateSession(ctx, l.ID, 180*24*time.Hour); err != nil {
			t.Fatal(err)
		}
		return l.ID
	}
	idle := learner()
	emptyAttempt, err := s.StartAttempt(ctx, idle, setID)
	if err != nil {
		t.Fatal(err)
	}
	answered := learner()
	a, _ := s.StartAttempt(ctx, answered, setID)
	if err := s.SaveAnswer(ctx, answered, a.ID, 0, quiz.Answer{Choices: []int{1}}, 1); err != nil {
		t.Fatal(err)
	}
	studied := learner()
	if _, err := s.Review(ctx, ReviewInput{LearnerID: studied, SetID: setID, QuestionID: qs[0].ID, Rating: quiz.RatingGood, Reps: -1, Taken: -1}); err != nil {
		t.Fatal(err)
	}
	member := learner()
	tc, _ := s.CreateTeacher(ctx, "Rivera", "correct horse battery")
	class, _ := s.CreateClass(ctx, tc.ID, "Year 8")
	if _, err := s.JoinClass(ctx, member, class.JoinCode, "Zoya"); err != nil {
		t.Fatal(err)
	}
	deckOwner := learner()
	if _, err := s.ImportDeck(ctx, deckOwner, testSet, nil); err != nil {
		t.Fatal(err)
	}
	seen := learner()

	// Two days later, the one seen lately is seen again, and a new one
	// comes.
	at(s, t0.Add(48*time.Hour))
	if _, err := s.CreateSession(ctx, seen, time.Hour); err != nil {
		t.Fatal(err)
	}
	fresh := learner()
	n, err := s.DeleteIdleLearners(ctx, 24*time.Hour)
	if err != nil || n != 1 {
		t.Fatalf("DeleteIdleLearners = %d, %v; want 1", n, err)
	}
	if _, err := s.Learner(ctx, idle); err == nil {
		t.Error("the idle learner is still there")
	}
	var left int
	s.read.QueryRow("SELECT count(*) FROM sessions WHERE learner_id = ?", idle).Scan(&left)
	s.read.QueryRow("SELECT count(*) + ? FROM attempts WHERE id = ?", left, emptyAttempt.ID).Scan(&left)
	if left != 0 {
		t.Errorf("%d sessions and attempts of the idle learner are left", left)
	}
	for name, id := range map[string]int64{"answered": answered, "studied": studied, "member": member, "deck owner": deckOwner, "seen": seen, "fresh": fresh} {
		if _, err := s.Learner(ctx, id); err != nil {
			t.Errorf("the %s learner was swept: %v", name, err)
		}
	}
}
