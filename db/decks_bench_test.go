package db

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// BenchmarkStore_ImportDeck imports a deck of 1,000 cards with a history
// of 20 answers each (20,000 reviews replayed into the cards), as a
// student's years of Anki might be: the time of one import.
func BenchmarkStore_ImportDeck(b *testing.B) {
	const cards, answers = 1000, 20
	set := questions.Set{Title: "Vocabulary"}
	for i := range cards {
		set.Questions = append(set.Questions, questions.Question{Kind: questions.ShortAnswer, Stem: fmt.Sprintf("word %d", i),
			Answers: []questions.Choice{{Text: fmt.Sprintf("meaning %d", i), Weight: 100}}})
	}
	var reviews []DeckReview
	start := t0.Add(-400 * 24 * time.Hour)
	for i := range cards {
		at := start.Add(time.Duration(i) * time.Minute)
		for j := range answers {
			rating := quiz.RatingGood
			if j%7 == 3 {
				rating = quiz.RatingAgain
			}
			reviews = append(reviews, DeckReview{Question: i, Time: at, Rating: rating, Taken: 6 * time.Second})
			at = at.Add(time.Duration(1+j*j) * 24 * time.Hour / 4)
		}
	}
	s, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	at(s, t0)
	l, err := s.CreateLearner(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.ImportDeck(context.Background(), l.ID, set, reviews); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(reviews)), "reviews/op")
}
