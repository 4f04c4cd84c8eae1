package quiz

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
)

// This file holds the FSRS-6 memory model: the weights, the forgetting curve
// and how stability (S) and difficulty (D) change after a rating. The
// formulas are those of testdata/fsrs/SPEC.md §2–§4; the state machine that
// turns them into due dates is in fsrs.go.

// FSRSModel names the memory model the default weights belong to. A card
// whose Model differs from its scheduler's (see Scheduler.Model) had its
// stability and difficulty computed by another model or other weights, and
// can be brought up to date by replaying its review log.
const FSRSModel = "fsrs-6"

// fsrsDefaultWeights are FSRS-6's 21 default weights, the per-parameter
// medians over the srs-benchmark users (SPEC §2).
var fsrsDefaultWeights = [21]float64{
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666,
	0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658,
	0.1542,
}

// fsrsWeightRange is the range every weight is clipped to, as fsrs-rs and
// ts-fsrs do (SPEC §2). The upper bounds of w17 and w18 and the lower bound
// of w19 depend on the configuration and are set in fsrsEffectiveWeights.
var fsrsWeightRange = [21][2]float64{
	{0.001, 100}, {0.001, 100}, {0.001, 100}, {0.001, 100},
	{1, 10}, {0.001, 4}, {0.001, 4}, {0.001, 0.75},
	{0, 4.5}, {0, 0.8}, {0.001, 3.5},
	{0.001, 5}, {0.001, 0.25}, {0.001, 0.9}, {0, 4},
	{0, 1}, {1, 6},
	{0, 2}, {0, 2}, {0.01, 0.8},
	{0.1, 0.8},
}

// Bounds of the memory state (SPEC §1).
const (
	fsrsMinStability = 0.001
	fsrsMaxStability = 36500
	fsrsMinDiff      = 1
	fsrsMaxDiff      = 10
)

// DefaultWeights returns a copy of FSRS-6's 21 default weights.
func DefaultWeights() []float64 {
	w := fsrsDefaultWeights
	return w[:]
}

// fsrsEffectiveWeights migrates older weight vectors to FSRS-6 (19 weights
// are FSRS-5, 17 are FSRS-4.5), rejects other lengths and non-finite values,
// and clips every weight to its range. relearningSteps and longTermOnly set
// the configuration-dependent bounds. An empty vector means the defaults.
func fsrsEffectiveWeights(in []float64, relearningSteps int, longTermOnly bool) ([21]float64, error) {
	var w [21]float64
	for i, v := range in {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return w, fmt.Errorf("quiz: scheduler: weight w%d is %v, want a finite number", i, v)
		}
	}
	switch len(in) {
	case 0:
		w = fsrsDefaultWeights
	case 21:
		copy(w[:], in)
	case 19: // FSRS-5: no same-day damping, the FSRS-4.5/5 decay of 0.5
		copy(w[:], in)
		w[19], w[20] = 0, 0.5
	case 17: // FSRS-4.5: D0 was parameterised differently, no same-day terms
		copy(w[:], in)
		w[4] = in[4] + 2*in[5]
		w[5] = math.Log(1+3*in[5]) / 3
		w[6] = in[6] + 0.5
		w[17], w[18], w[19], w[20] = 0, 0, 0, 0.5
	default:
		return w, fmt.Errorf("quiz: scheduler: got %d weights, want 21 (FSRS-6), 19 (FSRS-5) or 17 (FSRS-4.5)", len(in))
	}

	bounds := fsrsWeightRange
	if relearningSteps > 1 {
		// With several relearning steps, each same-day success multiplies
		// S; cap the same-day gain so that the steps cannot undo a lapse.
		c := -(math.Log(w[11]) + math.Log(math.Pow(2, w[13])-1) + 0.3*w[14]) / float64(relearningSteps)
		c = min(max(math.Sqrt(max(c, 0)), 0.01), 2)
		bounds[17][1], bounds[18][1] = c, c
	}
	if longTermOnly {
		bounds[19][0] = 0
	}
	for i := range w {
		w[i] = min(max(w[i], bounds[i][0]), bounds[i][1])
	}
	return w, nil
}

// fsrsModelName names the memory model of the weights w: FSRSModel for the
// defaults, otherwise FSRSModel, "+" and a hash of the weights (and of the
// long-term-only switch, which changes same-day updates), so that cards
// scheduled with other weights can be told apart.
func fsrsModelName(w [21]float64, longTermOnly bool) string {
	if w == fsrsDefaultWeights && !longTermOnly {
		return FSRSModel
	}
	h := fnv.New64a()
	var b [8]byte
	for _, v := range w {
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(v))
		h.Write(b[:])
	}
	if longTermOnly {
		h.Write([]byte("long-term-only"))
	}
	sum := h.Sum64()
	return fmt.Sprintf("%s+%08x", FSRSModel, uint32(sum>>32)^uint32(sum))
}

// fsrsMemory is a card's memory state: stability in days and difficulty.
type fsrsMemory struct {
	s, d float64
}

// retrievability is the forgetting curve: the probability of recall t days
// after the last review of a memory of stability s (SPEC §3).
func (s *Scheduler) retrievability(t, stability float64) float64 {
	return math.Pow(1+s.factor*t/stability, s.decay)
}

// rawInterval is the interval in days, before rounding, at which recall
// falls to the desired retention.
func (s *Scheduler) rawInterval(stability float64) float64 {
	return stability * s.intervalModifier
}

// initDifficulty is D0 for a first rating, not clamped.
func (s *Scheduler) initDifficulty(r Rating) float64 {
	return s.w[4] - math.Exp(s.w[5]*float64(r-1)) + 1
}

// nextMemory is the memory state after rating r, t whole days after the last
// review; fresh marks a card with no memory state yet (SPEC §4).
func (s *Scheduler) nextMemory(m fsrsMemory, fresh bool, t int, r Rating) fsrsMemory {
	w := &s.w
	if fresh {
		return fsrsMemory{
			s: fsrsClamp(w[r-1], fsrsMinStability, fsrsMaxStability),
			d: fsrsClamp(s.initDifficulty(r), fsrsMinDiff, fsrsMaxDiff),
		}
	}
	g := float64(r)

	// Difficulty: a step per grade, damped linearly as D nears 10, then
	// pulled a little toward the (unclamped) D0 of Easy.
	d := m.d + -w[6]*(g-3)*(10-m.d)/9
	d = w[7]*s.initDifficultyEasy + (1-w[7])*d

	var st float64
	switch {
	case t == 0 && !s.cfg.LongTermOnly:
		// Same-day review: the short-term formula; a pass never lowers S.
		inc := math.Exp(w[17]*(g-3+w[18])) * math.Pow(m.s, -w[19])
		if r >= RatingHard {
			inc = max(inc, 1)
		}
		st = m.s * inc
	case r == RatingAgain:
		rt := s.retrievability(float64(t), m.s)
		forget := w[11] * math.Pow(m.d, -w[12]) * (math.Pow(m.s+1, w[13]) - 1) * math.Exp(w[14]*(1-rt))
		// A lapse never leaves S higher than a same-day Again would.
		ceiling := m.s / s.lapseDivisor
		st = min(forget, ceiling)
	default:
		rt := s.retrievability(float64(t), m.s)
		hard, easy := 1.0, 1.0
		if r == RatingHard {
			hard = w[15]
		}
		if r == RatingEasy {
			easy = w[16]
		}
		st = m.s * (1 + math.Exp(w[8])*(11-m.d)*math.Pow(m.s, -w[9])*(math.Exp(w[10]*(1-rt))-1)*hard*easy)
	}
	return fsrsMemory{
		s: fsrsClamp(st, fsrsMinStability, fsrsMaxStability),
		d: fsrsClamp(d, fsrsMinDiff, fsrsMaxDiff),
	}
}

func fsrsClamp(v, lo, hi float64) float64 { return min(max(v, lo), hi) }
