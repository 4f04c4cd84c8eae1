package db

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"factdrill/quiz"
)

// BenchmarkReviewConcurrent is flashcard answers through Review, each
// acknowledged after its commit (synchronous=FULL), from one caller at a
// time and from many at once (as a server's requests are): answers that
// arrive together share a commit. It reports durable answers a second.
func BenchmarkReviewConcurrent(b *testing.B) {
	for _, callers := range []int{1, 32} {
		b.Run(fmt.Sprintf("callers=%d", callers), func(b *testing.B) {
			s := openStore(b)
			ctx := context.Background()
			setID, err := s.CreateSet(ctx, wordSet(50), "")
			if err != nil {
				b.Fatal(err)
			}
			_, qs, err := s.PublishedSet(ctx, setID)
			if err != nil {
				b.Fatal(err)
			}
			learners := make([]int64, 64)
			for i := range learners {
				l, err := s.CreateLearner(ctx)
				if err != nil {
					b.Fatal(err)
				}
				learners[i] = l.ID
			}
			var next atomic.Int64
			b.SetParallelism(max(1, callers/2)) // 2 cores: callers goroutines
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					i := next.Add(1)
					in := ReviewInput{LearnerID: learners[i%int64(len(learners))], SetID: setID, QuestionID: qs[(i/64)%int64(len(qs))].ID,
						Rating: quiz.Rating(i%4 + 1), Reps: -1, Taken: time.Second}
					if _, err := s.Review(ctx, in); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "answers/s")
		})
	}
}
