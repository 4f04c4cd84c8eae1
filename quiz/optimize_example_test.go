package quiz_test

import (
	"context"
	"fmt"
	"time"

	"factdrill/quiz"
)

// A learner's answers, as the database holds them, become a review
// history; the optimiser fits weights to it, which are adopted only when
// they predict the learner's own answers better than the current ones; the
// workload simulator then shows what each desired retention would cost.
func ExampleOptimize() {
	// 400 cards, answered Good on their first day, then after growing
	// intervals (1 to 3 days, 4 to 7, 10 to 14, 25 to 31), each forgotten
	// one time in eight.
	start := time.Date(2024, 1, 8, 18, 0, 0, 0, time.UTC)
	var cards [][]quiz.TimedReview
	for i := range 400 {
		at := start.Add(time.Duration(i%200) * 24 * time.Hour)
		answers := []quiz.TimedReview{{ReviewLog: quiz.ReviewLog{Rating: quiz.RatingGood, Time: at}}}
		for k, days := range []int{1 + i%3, 4 + i%4, 10 + i%5, 25 + i%7} {
			r := quiz.RatingGood
			if (i+k*3)%8 == 0 {
				r = quiz.RatingAgain
			}
			at = at.AddDate(0, 0, days)
			answers = append(answers, quiz.TimedReview{ReviewLog: quiz.ReviewLog{Rating: r, Time: at}})
		}
		cards = append(cards, answers)
	}
	h, err := quiz.NewReviewHistory(cards, time.UTC, 4)
	if err != nil {
		panic(err)
	}
	if ok, err := quiz.CanOptimize(h); err != nil || !ok {
		panic("not enough reviews")
	}
	res, err := quiz.Optimize(context.Background(), h, quiz.DefaultOptimizeOptions(h))
	if err != nil {
		panic(err)
	}
	current, err := quiz.EvaluateWeights(h, quiz.DefaultWeights())
	if err != nil {
		panic(err)
	}
	fitted, err := quiz.EvaluateWeights(h, res.Weights)
	if err != nil {
		panic(err)
	}
	fmt.Println("trained:", res.Trained, "items:", res.Items)
	fmt.Println("adopt:", fitted.LogLoss < current.LogLoss)

	// The simulated deck is the learner's: its size and new cards a day.
	cfg := quiz.WorkloadConfigFromHistory(h)
	cfg.DeckSize, cfg.NewPerDay = 1000, 10
	levels, err := quiz.SimulateWorkload(res.Weights, cfg, quiz.RetentionLevels())
	if err != nil {
		panic(err)
	}
	for _, l := range levels {
		fmt.Printf("%.2f: %.0f min a day\n", l.DesiredRetention, l.MinutesPerDay)
	}
	// Output:
	// trained: true items: 1600
	// adopt: true
	// 0.80: 6 min a day
	// 0.85: 7 min a day
	// 0.90: 9 min a day
	// 0.95: 15 min a day
}
