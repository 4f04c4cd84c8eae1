package db

import (
	"errors"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// TestStore_ReviewHistory walks a learner's history page by page: every
// answer once, newest first, including answers imported with their own
// (older) times and an answer given between two pages.
func TestStore_ReviewHistory(t *testing.T) {
	e := newCardEnv(t)
	other, err := e.s.CreateLearner(e.ctx)
	if err != nil {
		t.Fatal(err)
	}
	cards := []int64{e.qids[0], e.qids[2], e.qids[3], e.qids[4]} // the set's flashcards
	for i := range 23 {
		e.review(cards[i%len(cards)], quiz.Rating(i%4+1), t0.Add(time.Duration(i)*time.Minute))
	}
	// Three answers at the same moment: pages cut between them still
	// show each once.
	for _, q := range cards[:3] {
		e.review(q, quiz.RatingGood, t0.Add(time.Hour))
	}
	if _, err := at(e.s, t0).Review(e.ctx, ReviewInput{LearnerID: other.ID, SetID: e.setID, QuestionID: e.qids[0], Rating: quiz.RatingGood, Reps: -1, Taken: -1}); err != nil {
		t.Fatal(err)
	}
	// A deck brings answers older than all of them, with later ids.
	day := 24 * time.Hour
	if _, err := at(e.s, t0).ImportDeck(e.ctx, e.learner, deckSet, []DeckReview{
		{Question: 0, Time: t0.Add(-3 * day), Rating: quiz.RatingGood, Taken: -1},
		{Question: 1, Time: t0.Add(-2 * day), Rating: quiz.RatingAgain, Taken: -1},
	}); err != nil {
		t.Fatal(err)
	}
	const want = 23 + 3 + 2
	seen := map[int64]bool{}
	var last HistoryEntry
	before, pages := int64(0), 0
	for {
		page, err := e.s.ReviewHistory(e.ctx, e.learner, before, 5)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, h := range page.Entries {
			if seen[h.ID] {
				t.Fatalf("answer %d shown twice", h.ID)
			}
			seen[h.ID] = true
			if last.ID != 0 && (h.At.After(last.At) || h.At.Equal(last.At) && h.ID > last.ID) {
				t.Errorf("answer %d at %v comes after %d at %v: want newest first", h.ID, h.At, last.ID, last.At)
			}
			if h.Question.Stem == "" || (h.Source != "anki" && h.SetTitle != "Rivers") {
				t.Errorf("answer %d: question %q in set %q from %s", h.ID, h.Question.Stem, h.SetTitle, h.Source)
			}
			last = h
		}
		if pages == 2 {
			// An answer given meanwhile is newer than the pages walked:
			// it shifts nothing.
			e.review(e.qids[4], quiz.RatingGood, t0.Add(2*time.Hour))
		}
		if page.Older == 0 {
			if len(page.Entries) == 0 {
				t.Error("the last page is empty")
			}
			break
		}
		if len(page.Entries) != 5 || pages > want {
			t.Fatalf("page %d has %d answers and goes on", pages, len(page.Entries))
		}
		before = page.Older
	}
	if len(seen) != want || pages != 6 {
		t.Errorf("walked %d answers in %d pages, want %d in 6", len(seen), pages, want)
	}
	if last.Source != "anki" || last.SetTitle != "" {
		t.Errorf("the oldest answer is %+v, want the deck's first (from Anki)", last)
	}
	page, err := e.s.ReviewHistory(e.ctx, other.ID, 0, 5)
	if err != nil || len(page.Entries) != 1 || page.Older != 0 {
		t.Errorf("the other learner's history = %+v, %v; want their one answer", page, err)
	}
	if _, err := e.s.ReviewHistory(e.ctx, other.ID, last.ID, 5); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("a page after another learner's answer: %v, want not found", err)
	}
}
