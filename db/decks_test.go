package db

import (
	"context"
	"errors"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// deckSet is a learner's imported deck of three cards.
var deckSet = questions.Set{
	Title:  "Spanish",
	Origin: "imported from spanish.apkg",
	Questions: []questions.Question{
		{Kind: questions.ShortAnswer, Stem: "perro", Answers: []questions.Choice{{Text: "dog", Weight: 100}}},
		{Kind: questions.ShortAnswer, Stem: "gato", Answers: []questions.Choice{{Text: "cat", Weight: 100}}},
		{Kind: questions.Cloze, Stem: "El " + questions.Blank + " duerme.", Answers: []questions.Choice{{Text: "perro", Weight: 100}}},
	},
}

func TestStore_ImportDeck(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	l, err := s.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tc := mustTeacher(t, s, "Rivera")
	day := 24 * time.Hour
	history := []DeckReview{
		// Out of order on purpose: the store replays them oldest first.
		{Question: 0, Time: t0.Add(-20 * day), Rating: quiz.RatingAgain, Taken: 9 * time.Second},
		{Question: 0, Time: t0.Add(-30 * day), Rating: quiz.RatingGood, Taken: 5 * time.Second},
		{Question: 0, Time: t0.Add(-19 * day), Rating: quiz.RatingGood, Taken: 4 * time.Minute},
		{Question: 2, Time: t0.Add(-10 * day), Rating: quiz.RatingEasy, Taken: -1},
	}
	id, err := s.ImportDeck(ctx, l.ID, deckSet, history)
	if err != nil {
		t.Fatal(err)
	}

	// The deck is the learner's, and nobody else's to see.
	decks, err := s.LearnerDecks(ctx, l.ID)
	if err != nil || len(decks) != 1 || decks[0].ID != id || decks[0].Questions != 3 || decks[0].Published {
		t.Fatalf("LearnerDecks = %+v, %v; want the unpublished deck of 3 questions", decks, err)
	}
	if decks, _ := s.LearnerDecks(ctx, other.ID); len(decks) != 0 {
		t.Errorf("another learner's decks = %+v, want none", decks)
	}
	if public, _ := s.PublishedSets(ctx); len(public) != 0 {
		t.Errorf("PublishedSets = %+v, want no learner's deck", public)
	}
	if _, _, err := s.TeacherSet(ctx, tc.ID, id); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("TeacherSet of a learner's deck: %v, want not found", err)
	}
	if sets, _ := s.AssignableSets(ctx, tc.ID); len(sets) != 0 {
		t.Errorf("AssignableSets = %+v, want no learner's deck", sets)
	}
	if _, err := s.Study(ctx, other.ID, id, quiz.StudyOptions{}); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("another learner studying the deck: %v, want not found", err)
	}
	if _, err := s.StartAttempt(ctx, l.ID, id); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("a quiz on a deck: %v, want not found (decks are studied as flashcards)", err)
	}

	// The history is the cards' log, replayed into their schedules.
	st, err := s.Study(ctx, l.ID, id, quiz.StudyOptions{})
	if err != nil || st.Cards != 3 {
		t.Fatalf("the deck studies as %d cards (%v), want 3", st.Cards, err)
	}
	_, qs, err := s.LearnerDeck(ctx, l.ID, id)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{3, 0, 1} {
		c, err := s.Card(ctx, l.ID, qs[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if c.Card.Reps != want {
			t.Errorf("card %d has %d answers, want %d from the history", i, c.Card.Reps, want)
		}
		log, err := s.ReviewLog(ctx, l.ID, c.Question.ID)
		if err != nil || len(log) != want {
			t.Fatalf("card %d's log = %+v (%v), want %d answers", i, log, err, want)
		}
		for j, r := range log {
			if r.Source != "anki" || (j > 0 && r.At.Before(log[j-1].At)) {
				t.Errorf("card %d's log entry %d = %+v, want source anki, oldest first", i, j, r)
			}
		}
		if want == 0 {
			continue
		}
		if c.Card.State == quiz.StateNew || !c.Card.Due.After(c.Card.LastReview) {
			t.Errorf("card %d after its history = %+v, want a scheduled card", i, c.Card)
		}
		rebuilt, err := s.RebuildCard(ctx, l.ID, c.Question.ID)
		if err != nil || rebuilt != c.Card {
			t.Errorf("card %d = %+v; replaying its log gives %+v (%v)", i, c.Card, rebuilt, err)
		}
	}
	first, _ := s.ReviewLog(ctx, l.ID, qs[0].ID)
	if first[0].Rating != quiz.RatingGood || !first[0].At.Equal(t0.Add(-30*day)) || first[0].Taken != 5*time.Second || first[2].Taken != time.Minute {
		t.Errorf("card 0's log = %+v, want Good 30 days ago first, times taken capped at a minute", first)
	}

	// Deleting the deck takes its cards and log with it.
	if err := s.DeleteDeck(ctx, other.ID, id); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("another learner deleting the deck: %v, want not found", err)
	}
	if err := s.DeleteDeck(ctx, l.ID, id); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"sets", "questions", "question_versions", "cards", "reviews"} {
		var n int
		s.read.QueryRow("SELECT count(*) FROM " + table).Scan(&n)
		if n != 0 {
			t.Errorf("%s has %d rows after the deck was deleted, want 0", table, n)
		}
	}
}

func TestStore_ImportDeckRefused(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	l, err := s.CreateLearner(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for name, reviews := range map[string][]DeckReview{
		"no such question": {{Question: 3, Time: t0, Rating: quiz.RatingGood}},
		"no rating":        {{Question: 0, Time: t0, Rating: 0}},
	} {
		if _, err := s.ImportDeck(ctx, l.ID, deckSet, reviews); questions.ErrorCode(err) != questions.CodeInvalid {
			t.Errorf("%s: ImportDeck error = %v, want invalid", name, err)
		}
	}
	if _, err := s.ImportDeck(ctx, l.ID, questions.Set{Title: "Empty"}, nil); questions.ErrorCode(err) != questions.CodeInvalid {
		t.Errorf("an empty deck: error = %v, want invalid", err)
	}
	for _, table := range []string{"sets", "questions", "reviews"} {
		var n int
		s.read.QueryRow("SELECT count(*) FROM " + table).Scan(&n)
		if n != 0 {
			t.Errorf("%s has %d rows after refused imports, want 0", table, n)
		}
	}
}
