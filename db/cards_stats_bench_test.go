package db

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"factdrill/quiz"
)

// bigLog gives a learner a log of about n answers over two years, on a
// set of cards cards, through reviewTx in one transaction: each day some
// new cards and the cards due. It returns the store, learner and set.
func bigLog(tb testing.TB, cards, n int) (*Store, int64, int64) {
	tb.Helper()
	s := openStore(tb)
	ctx := context.Background()
	// Sets hold at most 5,000 questions: the cards come in sets of up to
	// that many.
	var setID int64
	for left := cards; left > 0; left -= 5000 {
		id, err := s.CreateSet(ctx, wordSet(min(left, 5000)), "")
		if err != nil {
			tb.Fatal(err)
		}
		if setID == 0 {
			setID = id
		}
	}
	l, err := s.CreateLearner(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(9, 9))
	start := t0.Add(-730 * 24 * time.Hour)
	err = s.inWrite(ctx, func(tx *sql.Tx) error {
		sched, err := schedulerTx(ctx, tx, l.ID)
		if err != nil {
			return err
		}
		var cs []StudyCard
		sets, err := queryAll(ctx, tx, scanInt64, "SELECT id FROM sets ORDER BY id")
		if err != nil {
			return err
		}
		for _, id := range sets {
			more, err := setCardsTx(ctx, tx, l.ID, id)
			if err != nil {
				return err
			}
			for i := range more {
				more[i].Question.SetID = id
			}
			cs = append(cs, more...)
		}
		done := 0
		perDay := max(1, cards/300)
		for d := 0; d < 730 && done < n; d++ {
			now := start.Add(time.Duration(d)*24*time.Hour + 9*time.Hour)
			fresh := 0
			for i := range cs {
				c := cs[i].Card
				if c.State == quiz.StateNew && fresh >= perDay || c.State != quiz.StateNew && !sched.IsDue(c, now) {
					continue
				}
				if c.State == quiz.StateNew {
					fresh++
				}
				r := quiz.RatingGood
				if rng.IntN(10) == 0 {
					r = quiz.RatingAgain
				}
				res, err := reviewTx(ctx, tx, review{learnerID: l.ID, questionID: cs[i].Question.ID, rating: r, at: now, taken: 5 * time.Second, source: sourceStudy, reps: -1, setID: cs[i].Question.SetID})
				if err != nil {
					return err
				}
				cs[i].Card = res.Card
				now = now.Add(10 * time.Second)
				if done++; done >= n {
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return s, l.ID, setID
}

func BenchmarkStudyStats(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("reviews=%d", n), func(b *testing.B) {
			s, learner, _ := bigLog(b, max(100, n/10), n)
			var count int
			s.read.QueryRow("SELECT count(*) FROM reviews").Scan(&count)
			b.Logf("%d answers in the log", count)
			ctx := context.Background()
			b.ResetTimer()
			for b.Loop() {
				if _, err := at(s, t0).StudyStats(ctx, learner, 0, 26*7); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
