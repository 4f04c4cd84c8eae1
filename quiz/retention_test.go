package quiz

import (
	"math"
	"slices"
	"testing"
	"time"
)

func TestSimulateWorkload_Tradeoff(t *testing.T) {
	cfg := DefaultWorkloadConfig()
	levels := RetentionLevels()
	got, err := SimulateWorkload(DefaultWeights(), cfg, levels)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(levels) {
		t.Fatalf("got %d workloads, want %d", len(got), len(levels))
	}
	for i, wl := range got {
		t.Logf("%.2f: %.1f reviews and %.1f minutes a day, %.0f cards memorized, %.2f minutes each", wl.DesiredRetention, wl.ReviewsPerDay, wl.MinutesPerDay, wl.Memorized, wl.MinutesPerMemorized)
		if wl.DesiredRetention != levels[i] {
			t.Errorf("workload %d: got retention %v, want %v", i, wl.DesiredRetention, levels[i])
		}
		if wl.NewPerDay != float64(cfg.NewPerDay) {
			t.Errorf("%.2f: got %v new cards a day, want %d", wl.DesiredRetention, wl.NewPerDay, cfg.NewPerDay)
		}
		if i == 0 {
			continue
		}
		prev := got[i-1]
		if !(wl.ReviewsPerDay > prev.ReviewsPerDay && wl.MinutesPerDay > prev.MinutesPerDay && wl.Memorized > prev.Memorized) {
			t.Errorf("%.2f over %.2f: got %+v after %+v, want more reviews, time and cards memorized", wl.DesiredRetention, prev.DesiredRetention, wl, prev)
		}
	}
	// 20 new cards a day at 90 %: Anki users see about 8 to 10 reviews per
	// new card a day by the end of a year; the year's average is lower.
	if r := got[2].ReviewsPerDay; r < 100 || r > 250 {
		t.Errorf("0.90: got %.1f reviews a day, want 100 to 250", r)
	}

	again, err := SimulateWorkload(DefaultWeights(), cfg, levels)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again, got) {
		t.Errorf("same seed: got %+v, want %+v", again, got)
	}
	cfg.Seed++
	other, err := SimulateWorkload(DefaultWeights(), cfg, levels[2:3])
	if err != nil {
		t.Fatal(err)
	}
	if other[0] == got[2] || math.Abs(other[0].ReviewsPerDay/got[2].ReviewsPerDay-1) > 0.03 {
		t.Errorf("another seed: got %+v, want a little different from %+v", other[0], got[2])
	}
}

// TestSimulateWorkload_Learner: a learner who forgets slowly needs fewer
// reviews than the median learner, one who forgets fast more.
func TestSimulateWorkload_Learner(t *testing.T) {
	reviews := func(w []float64) float64 {
		t.Helper()
		wl, err := SimulateWorkload(w, DefaultWorkloadConfig(), []float64{0.9})
		if err != nil {
			t.Fatal(err)
		}
		return wl[0].ReviewsPerDay
	}
	ds := optRefDatasets(t)
	slow, def, fast := reviews(ds[2].Parameters["groundTruth"]), reviews(DefaultWeights()), reviews(ds[1].Parameters["groundTruth"])
	t.Logf("reviews a day at 0.90: slow forgetter %.1f, median learner %.1f, fast forgetter %.1f", slow, def, fast)
	if !(slow < def && def < fast) {
		t.Errorf("got %.1f, %.1f, %.1f reviews a day; want them rising from the slow forgetter to the fast one", slow, def, fast)
	}
}

func TestSimulateWorkload_Limits(t *testing.T) {
	cfg := DefaultWorkloadConfig()
	cfg.MaxReviewsPerDay = 100
	got, err := SimulateWorkload(DefaultWeights(), cfg, []float64{0.95})
	if err != nil {
		t.Fatal(err)
	}
	if got[0].ReviewsPerDay > 100 {
		t.Errorf("review limit 100: got %.1f reviews a day", got[0].ReviewsPerDay)
	}
	cfg = DefaultWorkloadConfig()
	cfg.MaxMinutesPerDay = 30
	got, err = SimulateWorkload(DefaultWeights(), cfg, []float64{0.95})
	if err != nil {
		t.Fatal(err)
	}
	// A day stops once past its limit, so it may overrun by one card.
	if got[0].MinutesPerDay > 31 {
		t.Errorf("30 minutes a day: got %.1f minutes a day", got[0].MinutesPerDay)
	}
	if got[0].NewPerDay >= float64(cfg.NewPerDay) {
		t.Errorf("30 minutes a day at 0.95: got %.1f new cards a day, want fewer than %d (the time runs out)", got[0].NewPerDay, cfg.NewPerDay)
	}
}

func TestSimulateWorkload_Errors(t *testing.T) {
	ok := DefaultWorkloadConfig()
	tests := []struct {
		name string
		w    []float64
		cfg  func(*WorkloadConfig)
		dr   float64
	}{
		{"ShortWeights", DefaultWeights()[:17], nil, 0.9},
		{"InfiniteWeight", append(DefaultWeights()[:20], math.Inf(1)), nil, 0.9},
		{"RetentionLow", DefaultWeights(), nil, 0.5},
		{"RetentionOne", DefaultWeights(), nil, 1},
		{"NoDays", DefaultWeights(), func(c *WorkloadConfig) { c.Days = 0 }, 0.9},
		{"NoNewCards", DefaultWeights(), func(c *WorkloadConfig) { c.NewPerDay = 0 }, 0.9},
		{"HugeDeck", DefaultWeights(), func(c *WorkloadConfig) { c.DeckSize, c.NewPerDay = math.MaxInt, math.MaxInt }, 0.9},
		{"NegativeChance", DefaultWeights(), func(c *WorkloadConfig) { c.FirstRating[0] = -1 }, 0.9},
		{"NoReviewRating", DefaultWeights(), func(c *WorkloadConfig) { c.ReviewRating = [3]float64{} }, 0.9},
		{"NaNMinutes", DefaultWeights(), func(c *WorkloadConfig) { c.MaxMinutesPerDay = math.NaN() }, 0.9},
		{"NegativeTime", DefaultWeights(), func(c *WorkloadConfig) { c.ReviewTime[2] = -time.Second }, 0.9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := ok
			if tt.cfg != nil {
				tt.cfg(&cfg)
			}
			if got, err := SimulateWorkload(tt.w, cfg, []float64{tt.dr}); err == nil {
				t.Errorf("got %+v and no error, want an error", got)
			}
		})
	}
}

func TestWorkloadConfigFromHistory(t *testing.T) {
	var h ReviewHistory
	for i := range 40 {
		// Every card starts Good (8 s); the review three days later is
		// Easy (4 s) or, for every fourth card, Again (12 s) followed by a
		// relearning Good the same day (6 s).
		c := CardHistory{{Day: i, Rating: RatingGood, Taken: 8 * time.Second}}
		if i%4 == 0 {
			c = append(c, DayReview{Day: i + 3, Rating: RatingAgain, Taken: 12 * time.Second}, DayReview{Day: i + 3, Rating: RatingGood, Taken: 6 * time.Second})
		} else {
			c = append(c, DayReview{Day: i + 3, Rating: RatingEasy, Taken: 4 * time.Second})
		}
		h.Cards = append(h.Cards, c)
	}
	got := WorkloadConfigFromHistory(h)
	def := DefaultWorkloadConfig()
	// 40 Good first answers against the defaults counted 10 times.
	if want := (40 + 10*def.FirstRating[2]) / 50; math.Abs(got.FirstRating[2]-want) > 1e-12 {
		t.Errorf("chance of a first Good: got %v, want %v", got.FirstRating[2], want)
	}
	if want := (30 + 10*def.ReviewRating[2]) / 40; math.Abs(got.ReviewRating[2]-want) > 1e-12 {
		t.Errorf("chance of Easy on a recalled review: got %v, want %v", got.ReviewRating[2], want)
	}
	for _, c := range []struct {
		name      string
		got, want time.Duration
	}{
		{"first Good", got.LearnTime[2], 8 * time.Second},
		{"review Easy", got.ReviewTime[3], 4 * time.Second},
		{"review Again", got.ReviewTime[0], 12 * time.Second},
		{"relearning Good", got.RelearnTime[2], 6 * time.Second},
		{"review Hard (never seen)", got.ReviewTime[1], def.ReviewTime[1]},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
	if _, err := SimulateWorkload(DefaultWeights(), got, RetentionLevels()); err != nil {
		t.Errorf("simulate with the learner's habits: %v", err)
	}
}

func BenchmarkSimulateWorkload(b *testing.B) {
	w := optRefDatasets(b)[1].Parameters["fitted"]
	for b.Loop() {
		if _, err := SimulateWorkload(w, DefaultWorkloadConfig(), RetentionLevels()); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSimulateWorkload_WholeDeckAtOnce: a new-card limit above the deck's
// size introduces the whole deck on the first day.
func TestSimulateWorkload_WholeDeckAtOnce(t *testing.T) {
	cfg := DefaultWorkloadConfig()
	cfg.DeckSize, cfg.NewPerDay, cfg.Days = 300, math.MaxInt, 30
	got, err := SimulateWorkload(DefaultWeights(), cfg, []float64{0.9})
	if err != nil {
		t.Fatal(err)
	}
	if want := 300.0 / 30; got[0].NewPerDay != want {
		t.Errorf("got %v new cards a day, want %v (all 300 on day one)", got[0].NewPerDay, want)
	}
}
