package quiz

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// This file simulates a learner's workload at a desired retention, as
// Anki's "compute optimal retention" and fsrs-rs 6.5.0's simulator do: a
// deck of new cards introduced a few a day, each scheduled by the learner's
// own weights, recalled with the chance those weights predict, answered
// with the learner's usual buttons and taking their usual time. Higher
// retention means shorter intervals and more reviews; the trade-off lets a
// learner choose. Where the simulator differs from fsrs-rs: the day's
// reviews are taken day by day rather than from one priority queue (same
// order: reviews before new cards, easier cards first), and a same-day Hard
// never lowers stability, as in the scheduler.

// WorkloadConfig is the simulated deck and learner. Start from
// DefaultWorkloadConfig, or WorkloadConfigFromHistory for a learner's own
// buttons and times.
type WorkloadConfig struct {
	// DeckSize is the number of new cards; Days the days simulated.
	DeckSize, Days int
	// NewPerDay is the daily limit of new cards.
	NewPerDay int
	// MaxReviewsPerDay limits the day's reviews (new cards apart); the rest
	// wait for the next day. 0 means no limit.
	MaxReviewsPerDay int
	// MaxMinutesPerDay stops the day's study once it has taken this long;
	// 0 means no limit.
	MaxMinutesPerDay float64
	// MaximumInterval caps intervals, in days.
	MaximumInterval int
	// FirstRating is the chance of each rating (Again to Easy) on a card's
	// first answer; ReviewRating that of Hard, Good and Easy when a review
	// is recalled. Neither needs to sum to 1.
	FirstRating  [4]float64
	ReviewRating [3]float64
	// LearningSteps and RelearningSteps are the number of same-day steps a
	// new or forgotten card goes through.
	LearningSteps, RelearningSteps int
	// LearningTransitions[r-1] is the chance of each rating at a learning
	// step after rating r (Again, Hard or Good) at the step before;
	// RelearningTransitions the same for relearning steps.
	LearningTransitions, RelearningTransitions [3][4]float64
	// LearnTime, ReviewTime and RelearnTime are the time an answer of each
	// rating takes: on a new card or at a learning step, on a review, and
	// at a relearning step.
	LearnTime, ReviewTime, RelearnTime [4]time.Duration
	// Seed seeds the simulation; the same weights, configuration and seed
	// always give the same workload.
	Seed uint64
}

// DefaultWorkloadConfig returns fsrs-rs's simulator defaults, which are
// averages over Anki users (rating chances, step transitions, times), for
// a deck of 10,000 cards studied 20 new a day for a year, with no limit
// on reviews or time (a limit would hide the very workload the trade-off
// shows), two learning steps and one relearning step.
func DefaultWorkloadConfig() WorkloadConfig {
	secs := func(s ...float64) (d [4]time.Duration) {
		for i, v := range s {
			d[i] = time.Duration(v * float64(time.Second))
		}
		return d
	}
	return WorkloadConfig{
		DeckSize:        10_000,
		Days:            365,
		NewPerDay:       20,
		MaximumInterval: 36500,
		FirstRating:     [4]float64{0.24, 0.094, 0.495, 0.171},
		ReviewRating:    [3]float64{0.224, 0.631, 0.145},
		LearningSteps:   2,
		RelearningSteps: 1,
		LearningTransitions: [3][4]float64{
			{0.3686, 0.0628, 0.5108, 0.0577},
			{0.0442, 0.4553, 0.4457, 0.0549},
			{0.0519, 0.047, 0.8462, 0.055},
		},
		RelearningTransitions: [3][4]float64{
			{0.2157, 0.0643, 0.6595, 0.0604},
			{0.05, 0.4638, 0.4475, 0.0387},
			{0.1057, 0.1434, 0.7266, 0.0244},
		},
		LearnTime:   secs(19.58, 18.79, 13.78, 10.71),
		ReviewTime:  secs(19.38, 17.59, 12.38, 8.94),
		RelearnTime: secs(16.44, 15.25, 12.32, 8.03),
		Seed:        42,
	}
}

// WorkloadConfigFromHistory returns DefaultWorkloadConfig with the
// learner's own habits from h where h shows them: the chance of each first
// rating and of Hard, Good and Easy on a recalled review (the learner's
// counts, pulled toward the defaults as if the defaults had been seen
// optPrior more times), and the median time of each rating on first
// answers and learning steps, reviews, and relearning steps (when h has at
// least optMinTimes timed answers of that kind; Taken 0 means not timed).
// The deck, limits and step counts stay the defaults, for the caller to
// set from the learner's decks and scheduler.
func WorkloadConfigFromHistory(h ReviewHistory) WorkloadConfig {
	cfg := DefaultWorkloadConfig()
	var first [4]int
	var recalled [3]int
	var learn, review, relearn [4][]time.Duration
	for _, c := range h.Cards {
		seenLongTerm, lapsed := false, false
		for j, a := range c {
			if !a.Rating.valid() {
				continue
			}
			g := a.Rating - 1
			switch {
			case j == 0:
				first[g]++
				learn[g] = optAppendTaken(learn[g], a.Taken)
			case a.Day > c[j-1].Day:
				seenLongTerm, lapsed = true, a.Rating == RatingAgain
				if a.Rating > RatingAgain {
					recalled[g-1]++
				}
				review[g] = optAppendTaken(review[g], a.Taken)
			case !seenLongTerm:
				learn[g] = optAppendTaken(learn[g], a.Taken)
			case lapsed:
				relearn[g] = optAppendTaken(relearn[g], a.Taken)
			}
		}
	}
	optBlend(cfg.FirstRating[:], first[:])
	optBlend(cfg.ReviewRating[:], recalled[:])
	for g := range 4 {
		cfg.LearnTime[g] = optMedian(learn[g], cfg.LearnTime[g])
		cfg.ReviewTime[g] = optMedian(review[g], cfg.ReviewTime[g])
		cfg.RelearnTime[g] = optMedian(relearn[g], cfg.RelearnTime[g])
	}
	return cfg
}

// optPrior is how many answers the default rating chances count as when
// a learner's own are blended in; optMinTimes the fewest timed answers
// whose median replaces a default time.
const (
	optPrior    = 10
	optMinTimes = 5
)

// optAppendTaken appends d to ds if the answer was timed.
func optAppendTaken(ds []time.Duration, d time.Duration) []time.Duration {
	if d > 0 {
		ds = append(ds, d)
	}
	return ds
}

// optBlend replaces the chances ps by the counts, pulled toward ps as if
// ps had been seen optPrior times.
func optBlend(ps []float64, counts []int) {
	n, sum := 0, 0.0
	for i := range ps {
		n += counts[i]
		sum += ps[i]
	}
	for i := range ps {
		ps[i] = (float64(counts[i]) + optPrior*ps[i]/sum) / float64(n+optPrior)
	}
}

// optMedian is the median of ds, or def when ds has fewer than optMinTimes.
func optMedian(ds []time.Duration, def time.Duration) time.Duration {
	if len(ds) < optMinTimes {
		return def
	}
	slices.Sort(ds)
	if n := len(ds); n%2 == 0 {
		return (ds[n/2-1] + ds[n/2]) / 2
	}
	return ds[len(ds)/2]
}

// Workload is what studying at one desired retention costs and yields,
// averaged over the simulated days.
type Workload struct {
	DesiredRetention float64
	// ReviewsPerDay counts reviews of cards already learned (not first
	// answers or same-day steps); NewPerDay the cards introduced.
	ReviewsPerDay, NewPerDay float64
	// MinutesPerDay is the study time, every answer included.
	MinutesPerDay float64
	// Memorized is the number of cards the learner would recall on the
	// last day, the sum of every introduced card's chance of recall.
	Memorized float64
	// MinutesPerMemorized is the total study time per memorized card, the
	// measure Anki's optimal retention minimises.
	MinutesPerMemorized float64
}

// RetentionLevels returns the desired retentions the trade-off is shown
// at: 0.80, 0.85, 0.90 and 0.95.
func RetentionLevels() []float64 { return []float64{0.80, 0.85, 0.90, 0.95} }

// SimulateWorkload simulates cfg's deck studied with the 21 FSRS-6
// weights w at each desired retention in retentions (each between 0.7 and
// 0.99), and returns the workloads in the same order. Every level sees the
// same random draws, so differences between levels come from the
// retention, not from chance. Weights are clipped to their ranges. It
// fails on weights that are not 21 finite numbers, a retention out of
// range or an invalid configuration.
func SimulateWorkload(w []float64, cfg WorkloadConfig, retentions []float64) ([]Workload, error) {
	wa, err := optWeights(w)
	if err != nil {
		return nil, fmt.Errorf("quiz: simulate workload: %w", err)
	}
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	for _, r := range retentions {
		if !(r >= 0.7 && r <= 0.99) {
			return nil, fmt.Errorf("quiz: simulate workload: desired retention %v, want 0.7 to 0.99", r)
		}
	}
	optClip(&wa, max(cfg.RelearningSteps, 1), false)
	p := newOptParams(&wa)
	out := make([]Workload, len(retentions))
	for i, r := range retentions {
		out[i] = cfg.simulate(p, r)
	}
	return out, nil
}

func (c WorkloadConfig) validate() error {
	var errs []error
	for _, f := range []struct {
		name string
		v    int
		min  int
	}{
		{"deck size", c.DeckSize, 1}, {"days", c.Days, 1}, {"new cards per day", c.NewPerDay, 1},
		{"maximum reviews per day", c.MaxReviewsPerDay, 0}, {"maximum interval", c.MaximumInterval, 1},
		{"learning steps", c.LearningSteps, 0}, {"relearning steps", c.RelearningSteps, 0},
	} {
		if f.v < f.min {
			errs = append(errs, fmt.Errorf("%s is %d, want at least %d", f.name, f.v, f.min))
		}
	}
	if c.Days > 36500 {
		errs = append(errs, fmt.Errorf("days is %d, want at most 36500", c.Days))
	}
	if c.DeckSize > optMaxDeck {
		errs = append(errs, fmt.Errorf("deck size is %d, want at most %d", c.DeckSize, optMaxDeck))
	}
	if !(c.MaxMinutesPerDay >= 0) || math.IsInf(c.MaxMinutesPerDay, 0) {
		errs = append(errs, fmt.Errorf("maximum minutes per day is %v, want 0 (no limit) or more", c.MaxMinutesPerDay))
	}
	type chances struct {
		name string
		ps   []float64
	}
	all := []chances{{"first rating", c.FirstRating[:]}, {"review rating", c.ReviewRating[:]}}
	for i := range 3 {
		all = append(all,
			chances{fmt.Sprintf("learning transitions after %v", Rating(i+1)), c.LearningTransitions[i][:]},
			chances{fmt.Sprintf("relearning transitions after %v", Rating(i+1)), c.RelearningTransitions[i][:]})
	}
	for _, ch := range all {
		sum := 0.0
		for _, v := range ch.ps {
			if !(v >= 0) || math.IsInf(v, 0) {
				sum = math.NaN()
			}
			sum += v
		}
		if !(sum > 0) {
			errs = append(errs, fmt.Errorf("%s chances %v, want numbers of 0 or more, not all 0", ch.name, ch.ps))
		}
	}
	for _, d := range slices.Concat(c.LearnTime[:], c.ReviewTime[:], c.RelearnTime[:]) {
		if d < 0 {
			errs = append(errs, fmt.Errorf("an answer time is %v, want 0 or more", d))
			break
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("quiz: simulate workload: %w", errors.Join(errs...))
	}
	return nil
}

// optMaxDeck is the largest deck the simulator takes, which bounds its
// time and memory.
const optMaxDeck = 1_000_000

// simCard is a card in the simulation: its memory state and the day of
// its last answer.
type simCard struct {
	s, d float64
	last int
}

// simulate studies the deck at desired retention dr.
func (c WorkloadConfig) simulate(p *optParams, dr float64) Workload {
	rng := rand.New(rand.NewPCG(c.Seed, 0x5851f42d4c957f2d))
	pick := func(ps []float64) int {
		sum := 0.0
		for _, v := range ps {
			sum += v
		}
		x := rng.Float64() * sum
		for i, v := range ps {
			if x < v {
				return i
			}
			x -= v
		}
		return len(ps) - 1
	}
	seconds := func(d time.Duration) float64 { return d.Seconds() }
	maxSecs := c.MaxMinutesPerDay * 60
	// interval at which recall falls to dr: S·(dr^(1/decay) - 1)/f
	modifier := (math.Pow(dr, 1/p.decay) - 1) / p.factor
	interval := func(s float64) int {
		return int(min(max(math.Round(s*modifier), 1), float64(c.MaximumInterval)))
	}

	var step optStep
	// steps runs same-day learning or relearning steps from rating g (0
	// for a lapse, which starts at Again) and returns the state and time.
	steps := func(s, d float64, g int, n int, trans *[3][4]float64, times *[4]time.Duration) (float64, float64, float64) {
		secs := 0.0
		most := n
		if g > 2 {
			most = max(n-1, 0)
		}
		if g == 0 {
			g = 1
		}
		for k, run := 0, 0; k < 5 && run < most && g < 4; k++ {
			g = 1 + pick(trans[g-1][:])
			s, d = p.step(s, d, 0, int8(g), &step)
			secs += seconds(times[g-1])
			switch {
			case g > 2:
				run++
			case g == 1:
				run = 0
			}
		}
		return s, d, secs
	}

	cards := make([]simCard, 0, min(c.DeckSize, c.Days*min(c.NewPerDay, c.DeckSize)))
	due := make([][]int32, c.Days)
	reviews, learned := 0, 0
	totalSecs := 0.0
	next := 0 // the next new card
	// Reviews a limit put off wait in backlog, in the order they are taken:
	// easier cards first (fsrs-rs's default priority), then by age. A
	// card's difficulty does not change while it waits, so the backlog
	// stays sorted and each day's due cards are merged into it.
	before := func(a, b int32) int {
		return cmp.Or(cmp.Compare(int(cards[a].d*100), int(cards[b].d*100)), cmp.Compare(a, b))
	}
	var backlog, merged []int32
	for day := range c.Days {
		slices.SortFunc(due[day], before)
		merged = optMerge(merged[:0], backlog, due[day], before)
		backlog = backlog[:0]
		daySecs, dayReviews := 0.0, 0
		for bi, i := range merged {
			if (c.MaxReviewsPerDay > 0 && dayReviews >= c.MaxReviewsPerDay) || (maxSecs > 0 && daySecs > maxSecs) {
				backlog = append(backlog, merged[bi:]...)
				break
			}
			card := &cards[i]
			t := float64(day - card.last)
			r, _ := p.curve(t, card.s)
			g := 1
			if rng.Float64() < r {
				g = 2 + pick(c.ReviewRating[:])
			}
			s, d := p.step(card.s, card.d, t, int8(g), &step)
			secs := seconds(c.ReviewTime[g-1])
			if g == 1 {
				var more float64
				s, d, more = steps(s, d, 0, c.RelearningSteps, &c.RelearningTransitions, &c.RelearnTime)
				secs += more
			}
			card.s, card.d, card.last = s, d, day
			daySecs += secs
			dayReviews++
			if nd := day + interval(s); nd < c.Days {
				due[nd] = append(due[nd], i)
			}
		}
		due[day] = nil
		for n := 0; n < c.NewPerDay && next < c.DeckSize; n++ {
			if maxSecs > 0 && daySecs > maxSecs {
				break
			}
			g := 1 + pick(c.FirstRating[:])
			s, d := p.first(int8(g), &step)
			s, d, secs := steps(s, d, g, c.LearningSteps, &c.LearningTransitions, &c.LearnTime)
			daySecs += secs + seconds(c.LearnTime[g-1])
			cards = append(cards, simCard{s: s, d: d, last: day})
			if nd := day + interval(s); nd < c.Days {
				due[nd] = append(due[nd], int32(len(cards)-1))
			}
			next++
			learned++
		}
		reviews += dayReviews
		totalSecs += daySecs
	}

	memorized := 0.0
	for _, card := range cards {
		r, _ := p.curve(float64(c.Days-1-card.last), card.s)
		memorized += r
	}
	days := float64(c.Days)
	wl := Workload{
		DesiredRetention: dr,
		ReviewsPerDay:    float64(reviews) / days,
		NewPerDay:        float64(learned) / days,
		MinutesPerDay:    totalSecs / 60 / days,
		Memorized:        memorized,
	}
	if memorized > 0 {
		wl.MinutesPerMemorized = totalSecs / 60 / memorized
	}
	return wl
}

// optMerge appends to dst the sorted slices a and b merged in order.
func optMerge(dst, a, b []int32, cmp func(x, y int32) int) []int32 {
	for len(a) > 0 && len(b) > 0 {
		if cmp(a[0], b[0]) <= 0 {
			dst, a = append(dst, a[0]), a[1:]
		} else {
			dst, b = append(dst, b[0]), b[1:]
		}
	}
	return append(append(dst, a...), b...)
}
