package quiz

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// optSimulate returns a simulated learner's review history of about n
// answers: cards introduced over 300 days and reviewed until day 365,
// each due when the default weights predict 90 % recall (sometimes a few
// days late), recalled with the chance the learner's true weights truth
// give, and looked at again the same day after a lapse.
func optSimulate(seed uint64, n int, truth [21]float64) ReviewHistory {
	rng := rand.New(rand.NewPCG(seed, 1))
	sched, gt := newOptParams(&fsrsDefaultWeights), newOptParams(&truth)
	var h ReviewHistory
	var c optStep
	for total := 0; total < n; {
		day := rng.IntN(300)
		g := int8(1 + rng.IntN(4))
		card := CardHistory{{Day: day, Rating: Rating(g)}}
		ss, sd := sched.first(g, &c)
		ts, td := gt.first(g, &c)
		for {
			ivl := max(1, int(math.Round(ss)))
			if rng.Float64() < 0.2 {
				ivl += 1 + rng.IntN(3)
			}
			if day+ivl > 364 {
				break
			}
			day += ivl
			r, _ := gt.curve(float64(ivl), ts)
			g = 1
			if rng.Float64() < r {
				g = int8([]int{2, 3, 3, 3, 3, 3, 3, 3, 3, 4}[rng.IntN(10)])
			}
			card = append(card, DayReview{Day: day, Rating: Rating(g)})
			ss, sd = sched.step(ss, sd, float64(ivl), g, &c)
			ts, td = gt.step(ts, td, float64(ivl), g, &c)
			if g == 1 {
				card = append(card, DayReview{Day: day, Rating: RatingGood})
				ss, sd = sched.step(ss, sd, 0, 3, &c)
				ts, td = gt.step(ts, td, 0, 3, &c)
			}
		}
		if total+len(card) > n {
			card = card[:n-total]
		}
		total += len(card)
		h.Cards = append(h.Cards, card)
	}
	return h
}

// optTruth is a simulated learner who forgets faster than the median one.
var optTruth = [21]float64{
	0.1, 0.8, 1.8, 6, 6.8, 0.7, 2.6, 0.02, 1.6, 0.2, 0.9, 1.3, 0.08, 0.22, 1.8,
	0.5, 1.7, 0.6, 0.2, 0.1, 0.25,
}

// TestOptimize_SimulatedLearner fits a simulated learner who forgets
// faster than the median: the fit predicts their answers better than the
// defaults and about as well as their true weights, and a scheduler with
// the fitted weights gives shorter intervals than the default one.
func TestOptimize_SimulatedLearner(t *testing.T) {
	h := optSimulate(7, 20_000, optTruth)
	res, err := Optimize(context.Background(), h, DefaultOptimizeOptions(h))
	if err != nil {
		t.Fatal(err)
	}
	fits := map[string]float64{}
	for name, w := range map[string][]float64{"fitted": res.Weights, "default": DefaultWeights(), "truth": optTruth[:]} {
		fit, err := EvaluateWeights(h, w)
		if err != nil {
			t.Fatal(err)
		}
		fits[name] = fit.LogLoss
	}
	t.Logf("log loss: fitted %.5f, true weights %.5f, defaults %.5f", fits["fitted"], fits["truth"], fits["default"])
	if !(fits["fitted"] < fits["default"]) {
		t.Errorf("fitted log loss %.5f, want below the defaults' %.5f", fits["fitted"], fits["default"])
	}
	if fits["fitted"] > fits["truth"]*1.005 {
		t.Errorf("fitted log loss %.5f, want within 0.5 %% of the true weights' %.5f", fits["fitted"], fits["truth"])
	}

	interval := func(w []float64) int {
		now := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
		cfg := DefaultSchedulerConfig()
		cfg.Weights, cfg.Fuzz = w, false
		s, err := NewScheduler(cfg)
		if err != nil {
			t.Fatal(err)
		}
		var c Card
		for _, r := range []Rating{RatingGood, RatingGood, RatingGood} {
			c = s.Next(c, r, now, 1)
			now = c.Due
		}
		return c.ScheduledDays
	}
	fitted, def := interval(res.Weights), interval(DefaultWeights())
	t.Logf("interval after Good, Good, Good: fitted %d days, defaults %d", fitted, def)
	if !(fitted < def) {
		t.Errorf("interval after Good, Good, Good: fitted weights %d days, want fewer than the defaults' %d", fitted, def)
	}
}
