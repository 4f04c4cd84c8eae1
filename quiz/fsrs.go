package quiz

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// This file is the FSRS-6 scheduler: the card, the ratings, the state
// machine with learning and relearning steps, and the review log replay. It
// follows testdata/fsrs/SPEC.md and, where implementations differ (SPEC §9),
// Anki: Hard at a later learning step repeats that step, Easy on leaving
// the steps is at least a day longer than Good, the maximum interval is
// never exceeded, and days start at the learner's rollover hour.

// State is where a card stands in the scheduler. The values are stored, so
// they never change.
type State int

// The states of a card. Their names carry the type's because package quiz
// also grades quiz answers, where a bare New or Review would be ambiguous.
const (
	// StateNew is a card never reviewed.
	StateNew State = 0
	// StateLearning is a card going through the learning steps.
	StateLearning State = 1
	// StateReview is a card scheduled in whole days.
	StateReview State = 2
	// StateRelearning is a forgotten review card going through the
	// relearning steps.
	StateRelearning State = 3
)

var fsrsStateNames = [...]string{"New", "Learning", "Review", "Relearning"}

// String returns "New", "Learning", "Review" or "Relearning".
func (s State) String() string {
	if s >= 0 && int(s) < len(fsrsStateNames) {
		return fsrsStateNames[s]
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// Rating is a learner's answer to a flashcard: how well they recalled it.
// A quiz answer counts as a review too: right is Good, wrong is Again.
// The values are stored and are the keyboard shortcuts, so they never
// change.
type Rating int

// The four answer buttons.
const (
	// RatingAgain means the learner forgot.
	RatingAgain Rating = 1
	// RatingHard means recalled with serious difficulty.
	RatingHard Rating = 2
	// RatingGood means recalled after a hesitation.
	RatingGood Rating = 3
	// RatingEasy means recalled at once.
	RatingEasy Rating = 4
)

var fsrsRatingNames = [...]string{"", "Again", "Hard", "Good", "Easy"}

// String returns "Again", "Hard", "Good" or "Easy".
func (r Rating) String() string {
	if r.valid() {
		return fsrsRatingNames[r]
	}
	return "Rating(" + strconv.Itoa(int(r)) + ")"
}

func (r Rating) valid() bool { return r >= RatingAgain && r <= RatingEasy }

// ParseRating reads a rating as a form or the keyboard sends it: its name
// in any case ("good", "Good") or its number ("3").
func ParseRating(s string) (Rating, error) {
	t := strings.TrimSpace(s)
	if n, err := strconv.Atoi(t); err == nil && Rating(n).valid() {
		return Rating(n), nil
	}
	for r := RatingAgain; r <= RatingEasy; r++ {
		if strings.EqualFold(t, fsrsRatingNames[r]) {
			return r, nil
		}
	}
	return 0, fmt.Errorf("quiz: parse rating %q: want again, hard, good, easy or 1 to 4", s)
}

// Card is one learner's schedule for one flashcard. The zero Card is a new
// card. Times are in UTC.
type Card struct {
	State State
	// Step is the index of the current learning or relearning step; 0 in
	// the other states.
	Step int
	// Stability is the time in days at which the chance of recall falls to
	// 90 %; 0 for a new card.
	Stability float64
	// Difficulty is between 1 and 10; 0 for a new card.
	Difficulty float64
	// Due is when the card should be shown again. Review cards are due
	// from the start of the learner's day that holds Due (see IsDue).
	Due time.Time
	// LastReview is when the card was last answered.
	LastReview time.Time
	// Reps counts the answers, Lapses the times a review card was forgotten.
	Reps, Lapses int
	// ScheduledDays is the interval in days; 0 while the card is in steps
	// shorter than a day.
	ScheduledDays int
	// Model names the memory model and weights that computed Stability
	// and Difficulty (see Scheduler.Model).
	Model string
}

// ReviewLog is one entry of a card's review log: a rating and when it was
// given. The log is append-only; Replay rebuilds the card from it.
type ReviewLog struct {
	Rating Rating
	Time   time.Time
}

// SchedulerConfig is what a learner (or their preset) may tune. Start from
// DefaultSchedulerConfig; the zero value is not valid.
type SchedulerConfig struct {
	// Weights are the model's weights: 21 for FSRS-6, or 19 (FSRS-5) or
	// 17 (FSRS-4.5), which are migrated. Empty means DefaultWeights.
	// Weights outside their range are clipped, as FSRS implementations do.
	Weights []float64
	// DesiredRetention is the chance of recall intervals aim for, in (0, 1).
	DesiredRetention float64
	// MaximumInterval caps intervals, in days; it is never exceeded.
	MaximumInterval int
	// LearningSteps are the delays a new card goes through before its first
	// interval in days; empty sends it straight to review.
	LearningSteps []time.Duration
	// RelearningSteps are the delays a forgotten review card goes through;
	// empty reschedules it in days at once.
	RelearningSteps []time.Duration
	// LongTermOnly drops the steps and the same-day formula: every answer
	// schedules whole days (ts-fsrs's enable_short_term = false).
	LongTermOnly bool
	// Fuzz spreads review intervals of 3 days or more over a few days, so
	// cards learned together do not stay together.
	Fuzz bool
	// Location is the learner's time zone; nil means UTC.
	Location *time.Location
	// RolloverHour is the local hour, 0 to 23, at which the learner's day
	// starts: reviews before it count for the day before.
	RolloverHour int
	// LeechThreshold is the number of lapses that makes a card a leech;
	// 0 turns leech detection off.
	LeechThreshold int
}

// DefaultSchedulerConfig returns Anki's defaults: the FSRS-6 default
// weights, 90 % desired retention, a 36500-day maximum interval, learning
// steps of 1 and 10 minutes, a relearning step of 10 minutes, fuzz on, days
// starting at 4 AM UTC, and leeches at 8 lapses.
func DefaultSchedulerConfig() SchedulerConfig {
	return SchedulerConfig{
		DesiredRetention: 0.9,
		MaximumInterval:  36500,
		LearningSteps:    []time.Duration{time.Minute, 10 * time.Minute},
		RelearningSteps:  []time.Duration{10 * time.Minute},
		Fuzz:             true,
		Location:         time.UTC,
		RolloverHour:     4,
		LeechThreshold:   8,
	}
}

// Scheduler schedules cards with FSRS-6 for one configuration. It is
// immutable and safe for concurrent use.
type Scheduler struct {
	cfg                SchedulerConfig
	loc                *time.Location
	w                  [21]float64
	decay, factor      float64 // the forgetting curve's shape
	intervalModifier   float64 // raw interval = S × intervalModifier
	initDifficultyEasy float64 // D0 of Easy, unclamped: the mean-reversion target
	lapseDivisor       float64 // a lapse leaves S at most S / lapseDivisor
	model              string
}

// NewScheduler checks cfg and returns a scheduler for it. The error lists
// every setting that is out of range.
func NewScheduler(cfg SchedulerConfig) (*Scheduler, error) {
	var errs []error
	w, err := fsrsEffectiveWeights(cfg.Weights, len(cfg.RelearningSteps), cfg.LongTermOnly)
	if err != nil {
		errs = append(errs, err)
	}
	if !(cfg.DesiredRetention > 0 && cfg.DesiredRetention < 1) {
		errs = append(errs, fmt.Errorf("quiz: scheduler: desired retention is %v, want between 0 and 1", cfg.DesiredRetention))
	}
	if cfg.MaximumInterval < 1 {
		errs = append(errs, fmt.Errorf("quiz: scheduler: maximum interval is %d days, want at least 1", cfg.MaximumInterval))
	}
	for i, d := range cfg.LearningSteps {
		if d < time.Second {
			errs = append(errs, fmt.Errorf("quiz: scheduler: learning step %d is %v, want at least 1s", i+1, d))
		}
	}
	for i, d := range cfg.RelearningSteps {
		if d < time.Second {
			errs = append(errs, fmt.Errorf("quiz: scheduler: relearning step %d is %v, want at least 1s", i+1, d))
		}
	}
	if cfg.RolloverHour < 0 || cfg.RolloverHour > 23 {
		errs = append(errs, fmt.Errorf("quiz: scheduler: rollover hour is %d, want 0 to 23", cfg.RolloverHour))
	}
	if cfg.LeechThreshold < 0 {
		errs = append(errs, fmt.Errorf("quiz: scheduler: leech threshold is %d, want 0 (off) or more", cfg.LeechThreshold))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	cfg.Weights = w[:]
	cfg.LearningSteps = append([]time.Duration(nil), cfg.LearningSteps...)
	cfg.RelearningSteps = append([]time.Duration(nil), cfg.RelearningSteps...)
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	s := &Scheduler{cfg: cfg, loc: cfg.Location, w: w, model: fsrsModelName(w, cfg.LongTermOnly)}
	s.decay = -w[20]
	s.factor = math.Pow(0.9, 1/s.decay) - 1
	s.intervalModifier = (math.Pow(cfg.DesiredRetention, 1/s.decay) - 1) / s.factor
	s.initDifficultyEasy = s.initDifficulty(RatingEasy)
	s.lapseDivisor = 1
	if !cfg.LongTermOnly {
		s.lapseDivisor = math.Exp(w[17] * w[18])
	}
	return s, nil
}

// Config returns the scheduler's configuration, with the weights it uses
// (migrated and clipped) and the location it uses.
func (s *Scheduler) Config() SchedulerConfig {
	cfg := s.cfg
	cfg.Weights = append([]float64(nil), s.cfg.Weights...)
	cfg.LearningSteps = append([]time.Duration(nil), s.cfg.LearningSteps...)
	cfg.RelearningSteps = append([]time.Duration(nil), s.cfg.RelearningSteps...)
	return cfg
}

// Model names the memory model and weights the scheduler computes stability
// and difficulty with: FSRSModel ("fsrs-6") for the default weights,
// "fsrs-6+" and a hash of the weights otherwise. Next stamps it on every
// card; a card stamped otherwise can be rebuilt with Replay.
func (s *Scheduler) Model() string { return s.model }

// Next returns the card after the learner rated it r at now. cardID seeds
// the fuzz, with the card's review count, so the same answer always gives
// the same interval. Next panics if r is not one of the four ratings, which
// ParseRating guarantees.
func (s *Scheduler) Next(c Card, r Rating, now time.Time, cardID int64) Card {
	if !r.valid() {
		panic("quiz: scheduler: invalid rating " + strconv.Itoa(int(r)))
	}
	return s.Preview(c, now, cardID)[r-1]
}

// Preview returns what each answer button would make of the card at now,
// indexed by rating minus one: Preview(c, now, id)[RatingGood-1] is
// Next(c, RatingGood, now, id).
func (s *Scheduler) Preview(c Card, now time.Time, cardID int64) [4]Card {
	// A card with no memory state starts afresh, whatever its State says;
	// one out of bounds (stored by hand, say) is brought back within them.
	fresh := c.State == StateNew || !(c.Stability > 0) || !(c.Difficulty > 0)
	mem := fsrsMemory{
		s: fsrsClamp(c.Stability, fsrsMinStability, fsrsMaxStability),
		d: fsrsClamp(c.Difficulty, fsrsMinDiff, fsrsMaxDiff),
	}
	t := 0
	if !fresh {
		t = s.elapsedDays(c.LastReview, now)
	}
	u := float64(fsrsNoFuzz)
	if s.cfg.Fuzz {
		u = fsrsFuzzFactor(cardID, c.Reps)
	}

	var raw [4]float64 // each rating's raw interval in days
	var out [4]Card
	base := c
	base.Reps++
	base.LastReview = now.UTC()
	base.Model = s.model
	for i := range out {
		m := s.nextMemory(mem, fresh, t, Rating(i+1))
		out[i] = base
		out[i].Stability, out[i].Difficulty = m.s, m.d
		raw[i] = s.rawInterval(m.s)
	}

	switch {
	case s.cfg.LongTermOnly:
		s.longTermOnly(&out, raw, c.State, now, u)
	case c.State == StateReview:
		s.review(&out, raw, now, u)
	case c.State == StateRelearning:
		s.steps(&out, raw, StateRelearning, s.cfg.RelearningSteps, c.Step, now, u)
	default:
		step := c.Step
		if c.State == StateNew {
			step = 0
		}
		s.steps(&out, raw, StateLearning, s.cfg.LearningSteps, step, now, u)
	}
	return out
}

// steps schedules a card in learning or relearning, at step i of steps.
// Again goes back to the first step; Hard repeats the step (the first step
// gets a delay between Again's and Good's); Good moves to the next step or
// leaves the steps; Easy leaves them at once, at least a day after Good.
func (s *Scheduler) steps(out *[4]Card, raw [4]float64, state State, steps []time.Duration, i int, now time.Time, u float64) {
	maxIvl := s.cfg.MaximumInterval
	good := fsrsDays(raw[RatingGood-1], 1, maxIvl, u)
	easy := fsrsDays(raw[RatingEasy-1], good+1, maxIvl, u)
	if len(steps) == 0 {
		s.toReview(&out[RatingAgain-1], now, fsrsDays(raw[RatingAgain-1], 1, maxIvl, u))
		s.toReview(&out[RatingHard-1], now, fsrsDays(raw[RatingHard-1], 1, maxIvl, u))
		s.toReview(&out[RatingGood-1], now, good)
		s.toReview(&out[RatingEasy-1], now, easy)
		return
	}
	// A card whose step list has since shrunk is on the last step.
	i = min(max(i, 0), len(steps)-1)
	s.toStep(&out[RatingAgain-1], state, 0, now, steps[0])
	s.toStep(&out[RatingHard-1], state, i, now, fsrsHardDelay(steps, i))
	if i+1 < len(steps) {
		s.toStep(&out[RatingGood-1], state, i+1, now, steps[i+1])
	} else {
		s.toReview(&out[RatingGood-1], now, good)
	}
	s.toReview(&out[RatingEasy-1], now, easy)
}

// review schedules a review card. Again is a lapse: the card goes to the
// relearning steps, or straight to a new interval when there are none.
// Hard, Good and Easy get intervals in that strict order, each at least a
// day longer than the one before, unless the maximum interval stops it.
func (s *Scheduler) review(out *[4]Card, raw [4]float64, now time.Time, u float64) {
	maxIvl := s.cfg.MaximumInterval
	again := &out[RatingAgain-1]
	again.Lapses++
	if len(s.cfg.RelearningSteps) > 0 {
		s.toStep(again, StateRelearning, 0, now, s.cfg.RelearningSteps[0])
	} else {
		s.toReview(again, now, fsrsDays(raw[RatingAgain-1], 1, maxIvl, u))
	}
	hard := fsrsDays(raw[RatingHard-1], 1, maxIvl, u)
	good := fsrsDays(raw[RatingGood-1], hard+1, maxIvl, u)
	easy := fsrsDays(raw[RatingEasy-1], good+1, maxIvl, u)
	s.toReview(&out[RatingHard-1], now, hard)
	s.toReview(&out[RatingGood-1], now, good)
	s.toReview(&out[RatingEasy-1], now, easy)
}

// longTermOnly schedules every answer in whole days, with Again < Hard <
// Good < Easy, as ts-fsrs's long-term scheduler does (but never beyond the
// maximum interval).
func (s *Scheduler) longTermOnly(out *[4]Card, raw [4]float64, from State, now time.Time, u float64) {
	maxIvl := s.cfg.MaximumInterval
	if from == StateReview {
		out[RatingAgain-1].Lapses++
	}
	again := fsrsDays(min(raw[RatingAgain-1], raw[RatingHard-1]), 1, maxIvl, u)
	hard := fsrsDays(raw[RatingHard-1], again+1, maxIvl, u)
	good := fsrsDays(raw[RatingGood-1], hard+1, maxIvl, u)
	easy := fsrsDays(raw[RatingEasy-1], good+1, maxIvl, u)
	for i, days := range [4]int{again, hard, good, easy} {
		s.toReview(&out[i], now, days)
	}
}

// toReview makes c a review card due days learner days after now.
func (s *Scheduler) toReview(c *Card, now time.Time, days int) {
	c.State, c.Step, c.ScheduledDays = StateReview, 0, days
	c.Due = s.addDays(now, days)
}

// toStep puts c at step i of its steps, due delay after now. A delay of a
// day or more is counted in learner days, as Anki does, so the card comes
// back at the start of that day rather than at the time of day it was
// answered.
func (s *Scheduler) toStep(c *Card, state State, i int, now time.Time, delay time.Duration) {
	c.State, c.Step, c.ScheduledDays = state, i, 0
	if delay >= 24*time.Hour {
		c.ScheduledDays = fsrsRound(delay.Hours() / 24)
		c.Due = s.addDays(now, c.ScheduledDays)
		return
	}
	c.Due = now.Add(delay).UTC()
}

// fsrsHardDelay is Hard's delay at step i (Anki's steps.rs): the step
// itself, except on the first step, where it is halfway between the first
// two steps, or half as long again as a lone step (at most a day more).
// Delays over a day are rounded to whole days.
func fsrsHardDelay(steps []time.Duration, i int) time.Duration {
	if i > 0 {
		return steps[i]
	}
	var d time.Duration
	if len(steps) > 1 {
		d = (steps[0] + steps[1]) / 2
	} else {
		d = min(steps[0]*3/2, steps[0]+24*time.Hour)
	}
	if d > 24*time.Hour {
		d = d.Round(24 * time.Hour)
	}
	return d
}

// IsDue reports whether the card should be shown at now. A learning or
// relearning card is due once its due time has passed; a review card (or a
// step of a day or more) is due from the start of the learner's day that
// holds its due time, so all of a day's reviews are available in the
// morning. A new card is never due: the queue introduces new cards.
func (s *Scheduler) IsDue(c Card, now time.Time) bool {
	switch {
	case c.State == StateNew:
		return false
	case c.State == StateReview || c.ScheduledDays > 0:
		return s.Day(c.Due) <= s.Day(now)
	default:
		return !now.Before(c.Due)
	}
}

// Retrievability is the predicted chance, from 0 to 1, that the learner
// recalls the card at now, counting whole learner days since the last
// review as the model does; 0 for a new card.
func (s *Scheduler) Retrievability(c Card, now time.Time) float64 {
	if c.State == StateNew || c.Stability <= 0 {
		return 0
	}
	return s.retrievability(float64(s.elapsedDays(c.LastReview, now)), c.Stability)
}

// IsLeech reports whether a card that has just lapsed for the lapses-th
// time crosses the leech threshold: at the threshold and then every half
// threshold (rounded up), so with the default 8 at 8, 12, 16 and so on.
// Call it when Next raised Lapses; Anki then tags and suspends the card.
func (s *Scheduler) IsLeech(lapses int) bool {
	th := s.cfg.LeechThreshold
	if th <= 0 || lapses < th {
		return false
	}
	half := max((th+1)/2, 1)
	return (lapses-th)%half == 0
}

// Replay rebuilds a card from its review log, oldest entry first: the card
// Next would have produced answer by answer, starting from a new card. With
// the same configuration it reproduces the stored card; after the weights
// change it recomputes the memory state under the new model.
func (s *Scheduler) Replay(cardID int64, logs []ReviewLog) (Card, error) {
	var c Card
	for i, l := range logs {
		if !l.Rating.valid() {
			return Card{}, fmt.Errorf("quiz: replay card %d: review %d: invalid rating %d", cardID, i+1, l.Rating)
		}
		c = s.Next(c, l.Rating, l.Time, cardID)
	}
	return c, nil
}
