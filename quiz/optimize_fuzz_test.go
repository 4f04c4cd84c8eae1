package quiz

import (
	"context"
	"math/rand/v2"
	"testing"
)

// FuzzOptimize checks that whatever the review history, Optimize returns
// 21 finite weights inside fsrs-rs's ranges (or an error, for a history
// too thin to pre-train on). A history made from the raw bytes alone
// rarely has enough items to train on, so the fuzzer also steers a
// random learner: how many cards, how far apart and how lopsided the
// answers are, how often the same day, with how many relearning steps.
func FuzzOptimize(f *testing.F) {
	f.Add(uint64(1), uint16(300), uint8(0), uint8(0), uint8(1), []byte{})
	f.Add(uint64(2), uint16(400), uint8(255), uint8(40), uint8(3), []byte{3, 0, 3, 1, 1, 9})
	f.Add(uint64(3), uint16(200), uint8(7), uint8(200), uint8(0), []byte{1, 1, 1, 1, 4, 255, 4, 255})
	f.Add(uint64(4), uint16(600), uint8(128), uint8(128), uint8(2), []byte{2, 0, 2, 0, 2, 0})
	f.Fuzz(func(t *testing.T, seed uint64, cards uint16, spread, sameDay, relearning uint8, raw []byte) {
		h := optFuzzHistory(seed, int(cards%800), spread, sameDay, raw)
		opt := DefaultOptimizeOptions(h)
		opt.RelearningSteps = int(relearning % 4)
		res, err := Optimize(context.Background(), h, opt)
		if err != nil {
			return
		}
		optCheckFuzzClamped(t, res.Weights, opt)
		if res.Trained {
			if _, err := EvaluateWeights(h, res.Weights); err != nil {
				t.Errorf("evaluate the fitted weights: %v", err)
			}
		}
	})
}

// optFuzzHistory builds a history from the fuzzer's values: n random
// cards, then one more card per run of raw bytes, each pair a rating and
// a gap. The random cards are spaced like a scheduler's (a first interval
// set by the first rating, then growing), so that enough first intervals
// survive the outlier filter for training to run; spread sets how fast the
// intervals grow, how often one is wildly long (up to 300 years) and which
// button the learner leans on; sameDay/255 is the chance of a same-day
// answer.
func optFuzzHistory(seed uint64, n int, spread, sameDay uint8, raw []byte) ReviewHistory {
	rng := rand.New(rand.NewPCG(seed, uint64(spread)<<8|uint64(sameDay)))
	growth := 1 + float64(spread%64)/16
	wild := int(spread >> 6) // in 8: the chance of a wildly long interval
	lean := Rating(1 + spread%4)
	var h ReviewHistory
	for range n {
		day := rng.IntN(365)
		var c CardHistory
		ivl := 1.0
		for k := range 1 + rng.IntN(12) {
			r := Rating(1 + rng.IntN(4))
			if rng.IntN(3) == 0 {
				r = lean
			}
			c = append(c, DayReview{Day: day, Rating: r})
			if rng.IntN(256) < int(sameDay) {
				continue
			}
			switch {
			case k == 0:
				ivl = []float64{1, 1, 3, 8}[r-1]
			case r == RatingAgain:
				ivl = 1
			default:
				ivl *= growth
			}
			gap := max(1, int(ivl)+rng.IntN(3))
			if rng.IntN(8) < wild {
				gap = 1 + rng.IntN(110_000)
			}
			day += gap
		}
		h.Cards = append(h.Cards, c)
	}
	var c CardHistory
	day := 0
	for i := 0; i+1 < len(raw); i += 2 {
		if raw[i] == 0 && len(c) > 0 {
			h.Cards = append(h.Cards, c)
			c, day = nil, 0
		}
		day += int(raw[i+1]) * int(raw[i+1])
		c = append(c, DayReview{Day: day, Rating: Rating(1 + raw[i]%4)})
	}
	if len(c) > 0 {
		h.Cards = append(h.Cards, c)
	}
	return h
}

// optCheckFuzzClamped fails t unless w is inside the ranges optClip
// allows for opt.
func optCheckFuzzClamped(t *testing.T, w []float64, opt OptimizeOptions) {
	t.Helper()
	if len(w) != 21 {
		t.Fatalf("got %d weights, want 21", len(w))
	}
	clipped := [21]float64(w)
	optClip(&clipped, opt.RelearningSteps, opt.ShortTerm)
	for i, v := range w {
		if v != clipped[i] || v != v {
			t.Errorf("w%d: got %v, outside its range (clipped: %v)", i, v, clipped[i])
		}
	}
	optCheckClamped(t, w, opt.ShortTerm)
}
