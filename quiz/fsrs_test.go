package quiz

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the day tests need real time zones on any machine
)

// fsrsAt parses a UTC time written "2006-01-02 15:04".
func fsrsAt(t testing.TB, s string) time.Time {
	t.Helper()
	at, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		t.Fatal(err)
	}
	return at
}

func fsrsScheduler(t testing.TB, cfg SchedulerConfig) *Scheduler {
	t.Helper()
	s, err := NewScheduler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func fsrsLocation(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// fsrsCanonical is SPEC §8.1 A, the interval history every FSRS library
// tests (py-fsrs test_review_card, ts-fsrs and go-fsrs): each answer comes
// exactly when the card falls due, from 2022-11-29 12:30 UTC.
var fsrsCanonical = []struct {
	r      Rating
	state  State
	step   int
	s, d   float64 // ts-fsrs's values, to 8 decimals
	days   int
	due    string
	lapses int
}{
	{RatingGood, StateLearning, 1, 2.3065, 2.11810397, 0, "2022-11-29 12:40", 0},
	{RatingGood, StateReview, 0, 2.3065, 2.11121424, 2, "2022-12-01 12:40", 0},
	{RatingGood, StateReview, 0, 10.97104786, 2.1043314, 11, "2022-12-12 12:40", 0},
	{RatingGood, StateReview, 0, 46.31685657, 2.09745544, 46, "2023-01-27 12:40", 0},
	{RatingGood, StateReview, 0, 162.99981459, 2.09058635, 163, "2023-07-09 12:40", 0},
	{RatingGood, StateReview, 0, 497.87655983, 2.08372413, 498, "2024-11-18 12:40", 0},
	{RatingAgain, StateRelearning, 0, 6.8904125, 7.38320232, 0, "2024-11-18 12:50", 1},
	{RatingAgain, StateRelearning, 0, 2.15459837, 9.12510476, 0, "2024-11-18 13:00", 1},
	{RatingGood, StateReview, 0, 2.15459837, 9.11120802, 2, "2024-11-20 13:00", 1},
	{RatingGood, StateReview, 0, 3.98312343, 9.09732518, 4, "2024-11-24 13:00", 1},
	{RatingGood, StateReview, 0, 7.23625465, 9.08345622, 7, "2024-12-01 13:00", 1},
	{RatingGood, StateReview, 0, 12.48304383, 9.06960113, 12, "2024-12-13 13:00", 1},
	{RatingGood, StateReview, 0, 20.77035737, 9.0557599, 21, "2025-01-03 13:00", 1},
}

// TestFSRS_UpstreamIntervalHistory checks SPEC §8.1 A: scheduled days 0, 2,
// 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21.
func TestFSRS_UpstreamIntervalHistory(t *testing.T) {
	s := fsrsScheduler(t, fsrsVectorConfig())
	var c Card
	at := fsrsAt(t, "2022-11-29 12:30")
	for i, want := range fsrsCanonical {
		c = s.Next(c, want.r, at, 1)
		if c.State != want.state || c.Step != want.step || c.ScheduledDays != want.days || c.Lapses != want.lapses {
			t.Errorf("review %d (%v): %v step %d, %d days, %d lapses; want %v step %d, %d days, %d lapses",
				i+1, want.r, c.State, c.Step, c.ScheduledDays, c.Lapses, want.state, want.step, want.days, want.lapses)
		}
		if !fsrsClose(c.Stability, want.s) || !fsrsClose(c.Difficulty, want.d) {
			t.Errorf("review %d (%v): S %.8f D %.8f, want S %.8f D %.8f", i+1, want.r, c.Stability, c.Difficulty, want.s, want.d)
		}
		if due := fsrsAt(t, want.due); !c.Due.Equal(due) {
			t.Errorf("review %d (%v): due %v, want %v", i+1, want.r, c.Due, due)
		}
		at = c.Due
	}
}

// TestFSRS_UpstreamMemoryState checks SPEC §8.1 B (fsrs-rs
// test_memory_state): Again, then Good five times, 0, 0, 1, 3, 8 and 21 days
// apart.
func TestFSRS_UpstreamMemoryState(t *testing.T) {
	ratings := []Rating{RatingAgain, RatingGood, RatingGood, RatingGood, RatingGood, RatingGood}
	offsets := []int{0, 0, 1, 3, 8, 21}
	wantS := []float64{0.212, 0.24668919, 2.02147724, 7.86369875, 21.91771334, 53.62690465}
	wantD := []float64{6.4133, 6.40211507, 6.39094132, 6.37977875, 6.36862734, 6.35748708}
	run := func(cfg SchedulerConfig) Card {
		s := fsrsScheduler(t, cfg)
		var c Card
		at := fsrsAt(t, "2022-11-29 12:30")
		for i, r := range ratings {
			at = at.AddDate(0, 0, offsets[i])
			c = s.Next(c, r, at, 1)
			if !cfg.LongTermOnly && (!fsrsClose(c.Stability, wantS[i]) || !fsrsClose(c.Difficulty, wantD[i])) {
				t.Errorf("review %d: S %.8f D %.8f, want S %.8f D %.8f", i+1, c.Stability, c.Difficulty, wantS[i], wantD[i])
			}
		}
		return c
	}

	c := run(fsrsVectorConfig())
	if math.Abs(c.Stability-53.62691) > 1e-4 || math.Abs(c.Difficulty-6.3574867) > 1e-4 {
		t.Errorf("short-term: final S %.6f D %.7f, want S 53.62691 D 6.3574867", c.Stability, c.Difficulty)
	}
	cfg := fsrsVectorConfig()
	cfg.LongTermOnly = true
	c = run(cfg)
	if math.Abs(c.Stability-53.335106) > 1e-4 || math.Abs(c.Difficulty-6.3574867) > 1e-4 {
		t.Errorf("long-term only: final S %.6f D %.7f, want S 53.335106 D 6.3574867", c.Stability, c.Difficulty)
	}
}

// TestFSRS_UpstreamFirstReview checks SPEC §8.1 C: a new card's first
// answer with each rating.
func TestFSRS_UpstreamFirstReview(t *testing.T) {
	s := fsrsScheduler(t, fsrsVectorConfig())
	now := fsrsAt(t, "2022-11-29 12:30")
	wantS := [4]float64{0.212, 1.2931, 2.3065, 8.2956}
	wantD := [4]float64{6.4133, 5.11217071, 2.11810397, 1}
	wantDays := [4]int{0, 0, 0, 8}
	wantState := [4]State{StateLearning, StateLearning, StateLearning, StateReview}
	for i, c := range s.Preview(Card{}, now, 1) {
		r := Rating(i + 1)
		if c.State != wantState[i] || c.ScheduledDays != wantDays[i] || !fsrsClose(c.Stability, wantS[i]) || !fsrsClose(c.Difficulty, wantD[i]) {
			t.Errorf("%v: %v, %d days, S %.8f D %.8f; want %v, %d days, S %v D %v",
				r, c.State, c.ScheduledDays, c.Stability, c.Difficulty, wantState[i], wantDays[i], wantS[i], wantD[i])
		}
	}
}

// TestFSRS_UpstreamLongTerm checks SPEC §8.1 D (go-fsrs
// TestLongTermScheduler): the canonical ratings without steps or same-day
// formula.
func TestFSRS_UpstreamLongTerm(t *testing.T) {
	wantDays := []int{3, 14, 57, 196, 586, 1559, 10, 1, 3, 5, 9, 15, 25}
	wantS := []float64{2.3065, 13.8269, 56.9567, 196.2353, 586.4835, 1559.3567, 9.8832, 1.3527, 2.392, 4.8562, 8.7624, 15.186, 25.1362}
	wantD := []float64{2.1181, 2.1112, 2.1043, 2.0975, 2.0906, 2.0837, 7.3832, 9.1251, 9.1112, 9.0973, 9.0835, 9.0696, 9.0558}
	cfg := fsrsVectorConfig()
	cfg.LongTermOnly = true
	s := fsrsScheduler(t, cfg)
	var c Card
	at := fsrsAt(t, "2022-11-29 12:30")
	for i, want := range fsrsCanonical {
		c = s.Next(c, want.r, at, 1)
		if c.State != StateReview || c.ScheduledDays != wantDays[i] {
			t.Errorf("review %d (%v): %v, %d days; want Review, %d days", i+1, want.r, c.State, c.ScheduledDays, wantDays[i])
		}
		if math.Abs(c.Stability-wantS[i]) > 5e-5 || math.Abs(c.Difficulty-wantD[i]) > 5e-5 {
			t.Errorf("review %d (%v): S %.4f D %.4f, want S %.4f D %.4f", i+1, want.r, c.Stability, c.Difficulty, wantS[i], wantD[i])
		}
		at = c.Due
	}
}

// TestFSRS_UpstreamRetrievability checks SPEC §8.1 E (go-fsrs
// TestGetRetrievability): R at each due time along Good, Good, Good.
func TestFSRS_UpstreamRetrievability(t *testing.T) {
	s := fsrsScheduler(t, fsrsVectorConfig())
	var c Card
	now := fsrsAt(t, "2022-11-29 12:30")
	if got := s.Retrievability(c, now); got != 0 {
		t.Errorf("new card: R %v, want 0", got)
	}
	for i, want := range []float64{1, 0.9095, 0.8998} {
		c = s.Next(c, RatingGood, now, 1)
		now = c.Due
		if got := s.Retrievability(c, now); math.Abs(got-want) > 5e-5 {
			t.Errorf("after Good %d, at due %v: R %.4f, want %.4f", i+1, now, got, want)
		}
	}
}

// fsrsStepTests are Anki's learning-step delays (steps.rs tests, SPEC §8.1
// G) for a card at step index step: Again, Hard and Good; good 0 means Good
// leaves the steps.
var fsrsStepTests = []struct {
	steps             []time.Duration
	step              int
	again, hard, good time.Duration
}{
	{[]time.Duration{10 * time.Minute}, 0, 600 * time.Second, 900 * time.Second, 0},
	{[]time.Duration{time.Minute, 10 * time.Minute}, 0, 60 * time.Second, 330 * time.Second, 600 * time.Second},
	{[]time.Duration{time.Minute, 10 * time.Minute}, 1, 60 * time.Second, 600 * time.Second, 0},
	{[]time.Duration{time.Minute, 10 * time.Minute, 100 * time.Minute}, 0, 60 * time.Second, 330 * time.Second, 600 * time.Second},
	{[]time.Duration{time.Minute, 10 * time.Minute, 100 * time.Minute}, 1, 60 * time.Second, 600 * time.Second, 6000 * time.Second},
	{[]time.Duration{time.Minute, 10 * time.Minute, 100 * time.Minute}, 2, 60 * time.Second, 6000 * time.Second, 0},
	// A lone step of 3 days: Hard is 1.5 times as long, but at most a day
	// more, so 4 days.
	{[]time.Duration{72 * time.Hour}, 0, 72 * time.Hour, 96 * time.Hour, 0},
}

// TestFSRS_LearningSteps checks each button's delay at each step, for new
// (learning) and forgotten (relearning) cards.
func TestFSRS_LearningSteps(t *testing.T) {
	now := fsrsAt(t, "2026-03-02 09:00")
	for _, tt := range fsrsStepTests {
		for _, state := range []State{StateLearning, StateRelearning} {
			cfg := fsrsVectorConfig()
			cfg.LearningSteps, cfg.RelearningSteps = tt.steps, tt.steps
			s := fsrsScheduler(t, cfg)
			c := Card{State: state, Step: tt.step, Stability: 3, Difficulty: 5, LastReview: now.Add(-time.Minute), Reps: 3}
			got := s.Preview(c, now, 1)
			check := func(r Rating, wantStep int, want time.Duration) {
				t.Helper()
				g := got[r-1]
				if g.State != state || g.Step != wantStep || g.Due.Sub(now) != want {
					t.Errorf("steps %v, %v at step %d, %v: %v step %d in %v; want %v step %d in %v",
						tt.steps, state, tt.step, r, g.State, g.Step, g.Due.Sub(now), state, wantStep, want)
				}
				if days := int(want / (24 * time.Hour)); g.ScheduledDays != days {
					t.Errorf("steps %v, %v at step %d, %v: %d scheduled days, want %d", tt.steps, state, tt.step, r, g.ScheduledDays, days)
				}
			}
			check(RatingAgain, 0, tt.again)
			check(RatingHard, tt.step, tt.hard)
			if tt.good != 0 {
				check(RatingGood, tt.step+1, tt.good)
			} else if got[RatingGood-1].State != StateReview {
				t.Errorf("steps %v, %v at last step %d: Good gives %v, want Review", tt.steps, state, tt.step, got[RatingGood-1].State)
			}
			if got[RatingEasy-1].State != StateReview {
				t.Errorf("steps %v, %v at step %d: Easy gives %v, want Review", tt.steps, state, tt.step, got[RatingEasy-1].State)
			}
		}
	}
}

// TestFSRS_StepsShrunk checks a card left on a step the configuration no
// longer has: it is treated as on the last step.
func TestFSRS_StepsShrunk(t *testing.T) {
	s := fsrsScheduler(t, fsrsVectorConfig())
	now := fsrsAt(t, "2026-03-02 09:00")
	c := Card{State: StateLearning, Step: 5, Stability: 2, Difficulty: 5, LastReview: now.Add(-time.Minute), Reps: 4}
	got := s.Preview(c, now, 1)
	if h := got[RatingHard-1]; h.Step != 1 || h.Due.Sub(now) != 10*time.Minute {
		t.Errorf("Hard at step 5 of 2: step %d in %v, want step 1 in 10m", h.Step, h.Due.Sub(now))
	}
	if g := got[RatingGood-1]; g.State != StateReview {
		t.Errorf("Good at step 5 of 2: %v, want Review", g.State)
	}
}

// TestFSRS_LapseCountsAndLeech answers Again to a review card until it is a
// leech: lapses grow only in review, and the threshold fires at 8, 12, 16.
func TestFSRS_LapseCountsAndLeech(t *testing.T) {
	s := fsrsScheduler(t, DefaultSchedulerConfig())
	now := fsrsAt(t, "2026-01-05 12:00")
	c := s.Next(Card{}, RatingEasy, now, 42)
	var leeches []int
	for range 17 {
		now = c.Due
		c = s.Next(c, RatingAgain, now, 42) // review → relearning: a lapse
		if c.State != StateRelearning {
			t.Fatalf("Again in review gives %v, want Relearning", c.State)
		}
		if s.IsLeech(c.Lapses) {
			leeches = append(leeches, c.Lapses)
		}
		now = c.Due
		c = s.Next(c, RatingAgain, now, 42) // again in relearning: no lapse
		c = s.Next(c, RatingEasy, now.Add(time.Minute), 42)
	}
	if c.Lapses != 17 {
		t.Errorf("lapses %d after 17 forgotten reviews, want 17", c.Lapses)
	}
	if want := []int{8, 12, 16}; !slices.Equal(leeches, want) {
		t.Errorf("leech at lapses %v, want %v", leeches, want)
	}
}

// fsrsLeechTests are Anki's leech_threshold_met tests (SPEC §8.1 H).
var fsrsLeechTests = []struct {
	threshold int
	leech     []int // lapses from 0 to 16 that are leeches
}{
	{8, []int{8, 12, 16}},
	{3, []int{3, 5, 7, 9, 11, 13, 15}},
	{1, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}},
	{0, nil},
}

func TestFSRS_IsLeech(t *testing.T) {
	for _, tt := range fsrsLeechTests {
		cfg := DefaultSchedulerConfig()
		cfg.LeechThreshold = tt.threshold
		s := fsrsScheduler(t, cfg)
		var got []int
		for lapses := 0; lapses <= 16; lapses++ {
			if s.IsLeech(lapses) {
				got = append(got, lapses)
			}
		}
		if !slices.Equal(got, tt.leech) {
			t.Errorf("threshold %d: leeches at %v, want %v", tt.threshold, got, tt.leech)
		}
	}
}

// fsrsAnkiFuzzTests are Anki's with_review_fuzz tests (fuzz.rs, SPEC §7):
// the interval picked at fuzz factors 0, 0.5 and 0.99.
var fsrsAnkiFuzzTests = []struct {
	ivl              float64
	minimum, maximum int
	want             [3]int
}{
	{1.0, 1, 1000, [3]int{1, 1, 1}},
	{2.49, 1, 1000, [3]int{2, 2, 2}},
	{2.5, 1, 1000, [3]int{2, 3, 4}},
	{7.0, 1, 1000, [3]int{5, 7, 9}},
	{17.0, 1, 1000, [3]int{14, 17, 20}},
	{37.0, 1, 1000, [3]int{33, 37, 41}},
	{2.0, 2, 1000, [3]int{2, 2, 2}},
	{2.0, 3, 1000, [3]int{3, 4, 4}},
	{2.0, 3, 3, [3]int{3, 3, 3}},
	{6.9, 3, 1000, [3]int{5, 7, 9}},
	{7.1, 3, 1000, [3]int{5, 7, 9}},
	{19.9, 3, 1000, [3]int{17, 20, 23}},
	{20.0, 3, 1000, [3]int{17, 20, 23}},
	{20.1, 3, 1000, [3]int{17, 20, 23}},
	{100.0, 101, 1000, [3]int{101, 105, 108}},
	{100.0, 1, 99, [3]int{92, 96, 99}},
	{100.0, 97, 103, [3]int{97, 100, 103}},
}

func TestFSRS_FuzzAnki(t *testing.T) {
	for _, tt := range fsrsAnkiFuzzTests {
		for i, u := range []float64{0, 0.5, 0.99} {
			if got := fsrsDays(tt.ivl, tt.minimum, tt.maximum, u); got != tt.want[i] {
				t.Errorf("fuzz(%v days, min %d, max %d, u %v) = %d, want %d", tt.ivl, tt.minimum, tt.maximum, u, got, tt.want[i])
			}
		}
	}
	// Without fuzz: rounded half away from zero, then kept within bounds.
	for _, tt := range []struct {
		ivl  float64
		want int
	}{{1.5, 2}, {0.1, 1}, {101, 100}, {2.5, 3}} {
		if got := fsrsDays(tt.ivl, 1, 100, fsrsNoFuzz); got != tt.want {
			t.Errorf("days(%v, 1, 100) without fuzz = %d, want %d", tt.ivl, got, tt.want)
		}
	}
}

// TestFSRS_FuzzSeededPerCard checks that fuzz depends only on the card and
// its review count: the same answer gives the same interval, different
// cards spread over the fuzz range.
func TestFSRS_FuzzSeededPerCard(t *testing.T) {
	s := fsrsScheduler(t, DefaultSchedulerConfig())
	now := fsrsAt(t, "2026-01-05 12:00")
	c := Card{State: StateReview, Stability: 100, Difficulty: 5, LastReview: now.AddDate(0, 0, -100), Reps: 7, ScheduledDays: 100}
	raw := s.rawInterval(s.Next(c, RatingGood, now, 1).Stability)
	lo, hi := fsrsFuzzBounds(raw, 1, 36500)
	seen := map[int]int{}
	var sumU float64
	const cards = 4000
	for id := int64(1); id <= cards; id++ {
		got := s.Next(c, RatingGood, now, id)
		if again := s.Next(c, RatingGood, now, id); again != got {
			t.Fatalf("card %d: two answers give %d and %d days", id, got.ScheduledDays, again.ScheduledDays)
		}
		if got.ScheduledDays < lo || got.ScheduledDays > hi {
			t.Errorf("card %d: %d days, outside the fuzz range [%d, %d] of %.2f days", id, got.ScheduledDays, lo, hi, raw)
		}
		seen[got.ScheduledDays]++
		sumU += fsrsFuzzFactor(id, c.Reps)
	}
	if len(seen) != hi-lo+1 {
		t.Errorf("%d cards used %d of the %d days in [%d, %d]: %v", cards, len(seen), hi-lo+1, lo, hi, seen)
	}
	if mean := sumU / cards; math.Abs(mean-0.5) > 0.02 {
		t.Errorf("mean fuzz factor over %d cards is %.3f, want about 0.5", cards, mean)
	}
	if a, b := fsrsFuzzFactor(1, 7), fsrsFuzzFactor(1, 8); a == b {
		t.Errorf("fuzz factor of card 1 is %v at 7 and 8 reviews, want them to differ", a)
	}
}

// TestFSRS_Ordering checks Hard < Good < Easy for review cards of every
// kind, with fuzz on, unless the maximum interval holds them equal, and
// Good < Easy when a learning card leaves its steps.
func TestFSRS_Ordering(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	now := fsrsAt(t, "2026-06-01 10:00")
	for _, maxIvl := range []int{36500, 365, 30, 2, 1} {
		cfg := DefaultSchedulerConfig()
		cfg.MaximumInterval = maxIvl
		s := fsrsScheduler(t, cfg)
		for range 2000 {
			c := Card{
				State:      StateReview,
				Stability:  math.Exp(rng.Float64()*math.Log(36500/0.001)) * 0.001,
				Difficulty: 1 + 9*rng.Float64(),
				LastReview: now.Add(-time.Duration(rng.IntN(3000*24)) * time.Hour),
				Reps:       rng.IntN(50) + 1,
			}
			id := rng.Int64()
			p := s.Preview(c, now, id)
			h, g, e := p[RatingHard-1].ScheduledDays, p[RatingGood-1].ScheduledDays, p[RatingEasy-1].ScheduledDays
			if !(1 <= h && fsrsOrdered(h, g, maxIvl) && fsrsOrdered(g, e, maxIvl) && e <= maxIvl) {
				t.Fatalf("max %d, S %.3f D %.2f, %d days since: Hard %d, Good %d, Easy %d; want 1 <= Hard < Good < Easy <= %d",
					maxIvl, c.Stability, c.Difficulty, s.elapsedDays(c.LastReview, now), h, g, e, maxIvl)
			}

			c.State, c.Step = StateLearning, 1
			p = s.Preview(c, now, id)
			if g, e := p[RatingGood-1].ScheduledDays, p[RatingEasy-1].ScheduledDays; !fsrsOrdered(g, e, maxIvl) {
				t.Fatalf("max %d, learning card S %.3f D %.2f: Good %d days, Easy %d; want Good < Easy", maxIvl, c.Stability, c.Difficulty, g, e)
			}
		}
	}
}

// fsrsOrdered reports a < b, or both held at the maximum interval.
func fsrsOrdered(a, b, maxIvl int) bool { return a < b || (a == maxIvl && b == maxIvl) }

// TestFSRS_MaximumInterval checks that no answer exceeds the maximum.
func TestFSRS_MaximumInterval(t *testing.T) {
	cfg := fsrsVectorConfig()
	cfg.MaximumInterval = 100
	s := fsrsScheduler(t, cfg)
	now := fsrsAt(t, "2026-06-01 10:00")
	c := Card{State: StateReview, Stability: 400, Difficulty: 1, LastReview: now.AddDate(0, 0, -100), ScheduledDays: 100, Reps: 5}
	p := s.Preview(c, now, 9)
	for r := RatingHard; r <= RatingEasy; r++ {
		if got := p[r-1]; got.ScheduledDays != 100 || !got.Due.Equal(now.AddDate(0, 0, 100)) {
			t.Errorf("%v: %d days, due %v; want 100 days, due %v", r, got.ScheduledDays, got.Due, now.AddDate(0, 0, 100))
		}
	}
}

// TestFSRS_NoRelearningSteps checks a lapse with no relearning steps: the
// card stays in review with a new interval in days.
func TestFSRS_NoRelearningSteps(t *testing.T) {
	cfg := fsrsVectorConfig()
	cfg.RelearningSteps = nil
	s := fsrsScheduler(t, cfg)
	now := fsrsAt(t, "2026-06-01 10:00")
	c := Card{State: StateReview, Stability: 20, Difficulty: 5, LastReview: now.AddDate(0, 0, -20), ScheduledDays: 20, Reps: 5, Lapses: 2}
	got := s.Next(c, RatingAgain, now, 1)
	if got.State != StateReview || got.Lapses != 3 || got.ScheduledDays < 1 || got.ScheduledDays >= 20 {
		t.Errorf("Again: %v, %d lapses, %d days; want Review, 3 lapses, 1 to 19 days", got.State, got.Lapses, got.ScheduledDays)
	}
}

// TestFSRS_Replay rebuilds a card from its log and checks it is the card
// the answers produced one by one, fuzz included.
func TestFSRS_Replay(t *testing.T) {
	s := fsrsScheduler(t, DefaultSchedulerConfig())
	var c Card
	var log []ReviewLog
	at := fsrsAt(t, "2022-11-29 12:30")
	for _, step := range fsrsCanonical {
		c = s.Next(c, step.r, at, 77)
		log = append(log, ReviewLog{Rating: step.r, Time: at})
		at = c.Due.Add(3 * time.Hour)
	}
	got, err := s.Replay(77, log)
	if err != nil {
		t.Fatal(err)
	}
	if got != c {
		t.Errorf("Replay = %+v, want %+v", got, c)
	}

	// Under other weights, the same log gives the other model's card.
	cfg := DefaultSchedulerConfig()
	cfg.Weights = DefaultWeights()
	cfg.Weights[8] = 2
	other := fsrsScheduler(t, cfg)
	got, err = other.Replay(77, log)
	if err != nil {
		t.Fatal(err)
	}
	if got.Model != other.Model() || got.Model == c.Model || got.Stability == c.Stability {
		t.Errorf("Replay under other weights: model %q S %v; want model %q and a stability other than %v", got.Model, got.Stability, other.Model(), c.Stability)
	}

	log[1].Rating = 0
	if _, err := s.Replay(77, log); err == nil || !strings.Contains(err.Error(), "review 2") {
		t.Errorf("Replay with a bad rating: error %v, want one naming review 2", err)
	}
	if got, err := s.Replay(77, nil); err != nil || got != (Card{}) {
		t.Errorf("Replay of no reviews = %+v, %v; want a new card", got, err)
	}
}

// TestFSRS_Day checks the learner's day in a time zone with a 4 AM
// rollover, across the 2026 spring clock change in New York.
func TestFSRS_Day(t *testing.T) {
	ny := fsrsLocation(t, "America/New_York")
	cfg := DefaultSchedulerConfig()
	cfg.Location = ny
	s := fsrsScheduler(t, cfg)
	local := func(s string) time.Time {
		at, err := time.ParseInLocation("2006-01-02 15:04", s, ny)
		if err != nil {
			t.Fatal(err)
		}
		return at
	}

	if a, b := s.Day(local("2026-03-07 03:59")), s.Day(local("2026-03-06 12:00")); a != b {
		t.Errorf("3:59 AM counts for day %d, want the day before (%d)", a, b)
	}
	if a, b := s.Day(local("2026-03-07 04:00")), s.Day(local("2026-03-06 12:00")); a != b+1 {
		t.Errorf("4:00 AM counts for day %d, want a new day (%d)", a, b+1)
	}

	// 11 PM to 3:30 AM is the same learner day: a same-day review.
	last, now := local("2026-03-07 23:00"), local("2026-03-08 03:30")
	if got := s.elapsedDays(last, now); got != 0 {
		t.Errorf("elapsed days from %v to %v with a 4 AM rollover: %d, want 0", last, now, got)
	}
	cfg.RolloverHour = 0
	if got := fsrsScheduler(t, cfg).elapsedDays(last, now); got != 1 {
		t.Errorf("elapsed days from %v to %v with a midnight rollover: %d, want 1", last, now, got)
	}

	// Days run from 4 AM to 4 AM; the one holding the clock change lasts
	// 23 hours.
	start, end := s.DayBounds(local("2026-03-08 12:00"))
	if want := local("2026-03-08 04:00").UTC(); !start.Equal(want) {
		t.Errorf("day of 2026-03-08 starts %v, want %v", start, want)
	}
	if want := local("2026-03-09 04:00").UTC(); !end.Equal(want) {
		t.Errorf("day of 2026-03-08 ends %v, want %v", end, want)
	}
	if start, end := s.DayBounds(local("2026-03-08 02:30")); end.Sub(start) != 23*time.Hour {
		t.Errorf("day holding the clock change: %v to %v, want 23 hours", start, end)
	}

	// A review card answered the day before keeps its time of day.
	c := s.Next(Card{State: StateReview, Stability: 1, Difficulty: 5, LastReview: local("2026-03-06 10:00"), ScheduledDays: 1, Reps: 3},
		RatingGood, local("2026-03-07 10:00"), 1)
	if want := local("2026-03-07 10:00").AddDate(0, 0, c.ScheduledDays).UTC(); !c.Due.Equal(want) {
		t.Errorf("due %v after %d days, want %v", c.Due, c.ScheduledDays, want)
	}
}

// TestFSRS_DayBoundsEverywhere checks Day, DayBounds and due dates agree
// through a year of clock changes, in zones with a one-hour change, a
// half-hour change (Lord Howe), a change at midnight (Santiago) and none.
func TestFSRS_DayBoundsEverywhere(t *testing.T) {
	zones := []string{"America/New_York", "Europe/London", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "UTC"}
	from := fsrsAt(t, "2026-01-01 00:00")
	for _, zone := range zones {
		for _, rollover := range []int{0, 1, 2, 3, 4, 23} {
			cfg := DefaultSchedulerConfig()
			cfg.Location = fsrsLocation(t, zone)
			cfg.RolloverHour = rollover
			s := fsrsScheduler(t, cfg)
			for at := from; at.Year() == 2026; at = at.Add(97 * time.Minute) {
				day := s.Day(at)
				start, end := s.DayBounds(at)
				if at.Before(start) || !at.Before(end) || s.Day(start) != day || s.Day(start.Add(-time.Second)) != day-1 ||
					s.Day(end) != day+1 || s.Day(end.Add(-time.Second)) != day {
					t.Fatalf("%s, rollover %d, at %v (day %d): bounds %v to %v (days %d, %d)",
						zone, rollover, at.In(cfg.Location), day, start.In(cfg.Location), end.In(cfg.Location), s.Day(start), s.Day(end))
				}
				for _, n := range []int{1, 30} {
					if due := s.addDays(at, n); s.Day(due) != day+n {
						t.Fatalf("%s, rollover %d: %d days after %v is %v, day %d; want day %d",
							zone, rollover, n, at.In(cfg.Location), due.In(cfg.Location), s.Day(due), day+n)
					}
				}
			}
		}
	}
}

// TestFSRS_IsDue checks when each kind of card shows.
func TestFSRS_IsDue(t *testing.T) {
	s := fsrsScheduler(t, DefaultSchedulerConfig()) // UTC, 4 AM rollover
	now := fsrsAt(t, "2026-05-10 09:00")
	for _, tt := range []struct {
		name string
		c    Card
		want bool
	}{
		{"New", Card{}, false},
		{"LearningLater", Card{State: StateLearning, Due: now.Add(time.Minute)}, false},
		{"LearningNow", Card{State: StateLearning, Due: now}, true},
		{"RelearningPast", Card{State: StateRelearning, Due: now.Add(-time.Hour)}, true},
		{"ReviewLaterToday", Card{State: StateReview, Due: fsrsAt(t, "2026-05-11 03:00"), ScheduledDays: 3}, true},
		{"ReviewTomorrow", Card{State: StateReview, Due: fsrsAt(t, "2026-05-11 04:00"), ScheduledDays: 3}, false},
		{"ReviewOverdue", Card{State: StateReview, Due: fsrsAt(t, "2026-04-01 20:00"), ScheduledDays: 3}, true},
		{"DayLongStepToday", Card{State: StateLearning, Due: fsrsAt(t, "2026-05-10 23:00"), ScheduledDays: 1}, true},
	} {
		if got := s.IsDue(tt.c, now); got != tt.want {
			t.Errorf("%s: IsDue(%v due %v) at %v = %v, want %v", tt.name, tt.c.State, tt.c.Due, now, got, tt.want)
		}
	}
}

// fsrsFormatTests are Anki's answer-button labels (timespan.rs).
var fsrsFormatTests = []struct {
	d    time.Duration
	want string
}{
	{0, "0s"},
	{30 * time.Second, "30s"},
	{70 * time.Second, "1m"},
	{time.Minute, "1m"},
	{330 * time.Second, "6m"},
	{10 * time.Minute, "10m"},
	{15 * time.Minute, "15m"},
	{time.Hour, "1h"},
	{90 * time.Minute, "1.5h"},
	{24 * time.Hour, "1d"},
	{2 * 24 * time.Hour, "2d"},
	{11 * 24 * time.Hour, "11d"},
	{30 * 24 * time.Hour, "30d"},
	{time.Duration(1.1 * 30.417 * 86400 * float64(time.Second)), "1.1mo"},
	{45 * 24 * time.Hour, "1.5mo"},
	{97 * 24 * time.Hour, "3.2mo"},
	{364 * 24 * time.Hour, "12mo"},
	{365 * 24 * time.Hour, "1y"},
	{400 * 24 * time.Hour, "1.1y"},
	{36500 * 24 * time.Hour, "100y"},
}

func TestFSRS_FormatInterval(t *testing.T) {
	for _, tt := range fsrsFormatTests {
		if got := FormatInterval(tt.d); got != tt.want {
			t.Errorf("FormatInterval(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// TestFSRS_IntervalLabel checks the four buttons of a new card and of a
// review card whose day spans a clock change.
func TestFSRS_IntervalLabel(t *testing.T) {
	s := fsrsScheduler(t, fsrsVectorConfig())
	now := fsrsAt(t, "2022-11-29 12:30")
	var got []string
	for _, next := range s.Preview(Card{}, now, 1) {
		got = append(got, IntervalLabel(next, now))
	}
	if want := "1m 6m 10m 8d"; strings.Join(got, " ") != want {
		t.Errorf("new card's buttons: %q, want %q", strings.Join(got, " "), want)
	}

	cfg := DefaultSchedulerConfig()
	cfg.Fuzz = false
	cfg.Location = fsrsLocation(t, "Europe/Paris")
	s = fsrsScheduler(t, cfg)
	now = fsrsAt(t, "2026-03-28 10:00") // the clocks go forward that night
	c := Card{State: StateReview, Stability: 0.5, Difficulty: 9, LastReview: now.AddDate(0, 0, -1), ScheduledDays: 1, Reps: 4}
	next := s.Next(c, RatingHard, now, 1)
	if next.ScheduledDays != 1 || next.Due.Sub(now) != 23*time.Hour {
		t.Fatalf("Hard: %d days, due in %v; want 1 day, due in 23h", next.ScheduledDays, next.Due.Sub(now))
	}
	if got := IntervalLabel(next, now); got != "1d" {
		t.Errorf("label of a 1-day interval over a clock change: %q, want \"1d\"", got)
	}
}

// fsrsConfigTests are configurations NewScheduler refuses, with a part of
// the error each should give.
var fsrsConfigTests = []struct {
	name   string
	change func(*SchedulerConfig)
	want   string
}{
	{"WeightsLength", func(c *SchedulerConfig) { c.Weights = []float64{1, 2, 3} }, "got 3 weights, want 21"},
	{"WeightNaN", func(c *SchedulerConfig) { c.Weights = DefaultWeights(); c.Weights[3] = math.NaN() }, "w3 is NaN"},
	{"RetentionZero", func(c *SchedulerConfig) { c.DesiredRetention = 0 }, "desired retention is 0"},
	{"RetentionOne", func(c *SchedulerConfig) { c.DesiredRetention = 1 }, "desired retention is 1"},
	{"MaximumInterval", func(c *SchedulerConfig) { c.MaximumInterval = 0 }, "maximum interval is 0 days"},
	{"LearningStep", func(c *SchedulerConfig) { c.LearningSteps = []time.Duration{time.Minute, 0} }, "learning step 2 is 0s"},
	{"RelearningStep", func(c *SchedulerConfig) { c.RelearningSteps = []time.Duration{-time.Minute} }, "relearning step 1 is -1m0s"},
	{"Rollover", func(c *SchedulerConfig) { c.RolloverHour = 24 }, "rollover hour is 24"},
	{"Leech", func(c *SchedulerConfig) { c.LeechThreshold = -1 }, "leech threshold is -1"},
}

func TestFSRS_NewSchedulerErrors(t *testing.T) {
	for _, tt := range fsrsConfigTests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultSchedulerConfig()
			tt.change(&cfg)
			_, err := NewScheduler(cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "quiz: ") {
				t.Errorf("NewScheduler: error %v, want one starting \"quiz: \" and holding %q", err, tt.want)
			}
		})
	}
	if _, err := NewScheduler(SchedulerConfig{}); err == nil {
		t.Error("NewScheduler(zero config): no error, want one")
	}
}

// TestFSRS_Weights checks migration of older weight vectors, clipping, and
// the model name stamped on cards.
func TestFSRS_Weights(t *testing.T) {
	fsrs5 := []float64{0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
		1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621}
	w, err := fsrsEffectiveWeights(fsrs5, 1, true)
	if err != nil {
		t.Fatal(err)
	}
	if w[18] != 0.6621 || w[19] != 0 || w[20] != 0.5 {
		t.Errorf("FSRS-5 weights: w18..w20 = %v, want [0.6621 0 0.5]", w[18:])
	}
	if w, _ := fsrsEffectiveWeights(fsrs5, 1, false); w[19] != 0.01 {
		t.Errorf("FSRS-5 weights with same-day reviews: w19 = %v, want the floor 0.01", w[19])
	}

	fsrs45 := fsrs5[:17]
	w, err = fsrsEffectiveWeights(fsrs45, 1, true)
	if err != nil {
		t.Fatal(err)
	}
	want4, want5, want6 := 7.1949+2*0.5345, math.Log(1+3*0.5345)/3, 1.4604+0.5
	if math.Abs(w[4]-want4) > 1e-12 || math.Abs(w[5]-want5) > 1e-12 || math.Abs(w[6]-want6) > 1e-12 || w[17] != 0 || w[20] != 0.5 {
		t.Errorf("FSRS-4.5 weights: w4..w6 = %v, w17 %v, w20 %v; want [%v %v %v], 0, 0.5", w[4:7], w[17], w[20], want4, want5, want6)
	}

	clipped := DefaultWeights()
	clipped[20], clipped[0] = 0, -1
	w, err = fsrsEffectiveWeights(clipped, 1, false)
	if err != nil {
		t.Fatal(err)
	}
	if w[20] != 0.1 || w[0] != 0.001 {
		t.Errorf("clipped: w0 %v, w20 %v; want 0.001, 0.1", w[0], w[20])
	}

	// Three relearning steps cap the same-day weights w17 and w18 at
	// sqrt(-(ln w11 + ln(2^w13 - 1) + 0.3 w14) / 3) = 0.49027 (SPEC §2).
	w, _ = fsrsEffectiveWeights(nil, 3, false)
	if math.Abs(w[17]-0.49027) > 1e-5 || w[18] != fsrsDefaultWeights[18] {
		t.Errorf("3 relearning steps: w17 %v w18 %v, want 0.49027 and %v", w[17], w[18], fsrsDefaultWeights[18])
	}

	def := fsrsScheduler(t, DefaultSchedulerConfig())
	if def.Model() != FSRSModel {
		t.Errorf("default model %q, want %q", def.Model(), FSRSModel)
	}
	cfg := DefaultSchedulerConfig()
	cfg.Weights = fsrs5
	m5 := fsrsScheduler(t, cfg).Model()
	if !strings.HasPrefix(m5, FSRSModel+"+") || len(m5) != len(FSRSModel)+9 || m5 != fsrsScheduler(t, cfg).Model() {
		t.Errorf("model for FSRS-5 weights %q, want a stable %q followed by 8 hex digits", m5, FSRSModel+"+")
	}
	cfg.LongTermOnly = true
	if m := fsrsScheduler(t, cfg).Model(); m == m5 {
		t.Errorf("long-term-only model %q, want it to differ from %q", m, m5)
	}
	if got := def.Config().Weights; len(got) != 21 || got[20] != 0.1542 {
		t.Errorf("Config().Weights = %v, want the 21 defaults", got)
	}
}

func TestFSRS_ParseRating(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Rating
	}{{"again", RatingAgain}, {"Hard", RatingHard}, {" GOOD ", RatingGood}, {"4", RatingEasy}, {"1", RatingAgain}} {
		if got, err := ParseRating(tt.in); got != tt.want || err != nil {
			t.Errorf("ParseRating(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "0", "5", "ok", "good!"} {
		if got, err := ParseRating(in); err == nil {
			t.Errorf("ParseRating(%q) = %v, want an error", in, got)
		}
	}
	if got := RatingEasy.String() + " " + Rating(9).String() + " " + StateRelearning.String() + " " + State(-1).String(); got != "Easy Rating(9) Relearning State(-1)" {
		t.Errorf("names: %q", got)
	}
}

// FuzzFSRS_Next answers stored cards of any shape and checks what every
// answer must give: a memory state within bounds, a due time after now, an
// interval within the maximum, and the buttons in order.
func FuzzFSRS_Next(f *testing.F) {
	f.Add(2.5, 5.0, int64(3*24*60), uint8(StateReview), 0, int64(1), 3, true, 36500)
	f.Add(0.0, 0.0, int64(0), uint8(StateNew), 0, int64(2), 0, false, 100)
	f.Add(0.3, 9.9, int64(5), uint8(StateLearning), 1, int64(-5), 2, true, 1)
	f.Add(1e9, -3.0, int64(-60), uint8(StateRelearning), 7, int64(9), 100, true, 3)
	f.Add(math.NaN(), math.Inf(1), int64(1e7), uint8(9), -2, int64(0), -1, true, 36500)
	f.Fuzz(func(t *testing.T, stability, difficulty float64, minutesSince int64, state uint8, step int, cardID int64, reps int, fuzz bool, maxIvl int) {
		if maxIvl < 1 || maxIvl > 36500 || minutesSince > 200*365*24*60 || minutesSince < -1e6 {
			t.Skip()
		}
		cfg := DefaultSchedulerConfig()
		cfg.Fuzz, cfg.MaximumInterval = fuzz, maxIvl
		s := fsrsScheduler(t, cfg)
		now := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)
		c := Card{State: State(state), Step: step, Stability: stability, Difficulty: difficulty,
			LastReview: now.Add(-time.Duration(minutesSince) * time.Minute), Reps: reps}
		p := s.Preview(c, now, cardID)
		for i, n := range p {
			r := Rating(i + 1)
			if !(n.Stability >= fsrsMinStability && n.Stability <= fsrsMaxStability && n.Difficulty >= 1 && n.Difficulty <= 10) {
				t.Fatalf("%+v, %v: S %v D %v out of bounds", c, r, n.Stability, n.Difficulty)
			}
			if !n.Due.After(now) || n.ScheduledDays > maxIvl || n.Reps != reps+1 || !n.LastReview.Equal(now) {
				t.Fatalf("%+v, %v: due %v, %d days, reps %d, last review %v", c, r, n.Due, n.ScheduledDays, n.Reps, n.LastReview)
			}
			if n.State == StateReview && n.ScheduledDays < 1 {
				t.Fatalf("%+v, %v: review card with %d days", c, r, n.ScheduledDays)
			}
			if n != s.Next(c, r, now, cardID) {
				t.Fatalf("%+v, %v: Next differs from Preview", c, r)
			}
		}
		if g, e := p[RatingGood-1], p[RatingEasy-1]; g.State == StateReview && !fsrsOrdered(g.ScheduledDays, e.ScheduledDays, maxIvl) {
			t.Fatalf("%+v: Good %d days, Easy %d", c, g.ScheduledDays, e.ScheduledDays)
		}
	})
}

// BenchmarkScheduler_Next measures one answer to a review card with the
// default configuration (fuzz on), in UTC and in a zone with clock changes.
func BenchmarkScheduler_Next(b *testing.B) {
	for _, zone := range []string{"UTC", "Europe/Paris"} {
		b.Run(zone, func(b *testing.B) {
			cfg := DefaultSchedulerConfig()
			cfg.Location = fsrsLocation(b, zone)
			s := fsrsScheduler(b, cfg)
			now := time.Date(2026, 7, 1, 12, 0, 0, 0, time.UTC)
			c := Card{State: StateReview, Stability: 12, Difficulty: 5.5, LastReview: now.AddDate(0, 0, -11), ScheduledDays: 11, Reps: 6, Model: FSRSModel}
			var sink Card
			for b.Loop() {
				sink = s.Next(c, RatingGood, now, 12345)
			}
			if sink.State != StateReview {
				b.Fatalf("state %v, want Review", sink.State)
			}
		})
	}
}
