package quiz

import "math"

// This file turns a raw interval into whole days: rounding, the minimum and
// maximum interval, and fuzz (SPEC §7), the way Anki's fuzz.rs does.

// fsrsFuzzRanges widen the fuzz as the interval grows: 15 % of the days
// between 2.5 and 7, 10 % of those between 7 and 20, 5 % of the rest.
var fsrsFuzzRanges = [...]struct{ start, end, factor float64 }{
	{2.5, 7, 0.15},
	{7, 20, 0.10},
	{20, math.Inf(1), 0.05},
}

// fsrsNoFuzz is the fuzz factor that turns fuzz off.
const fsrsNoFuzz = -1

// fsrsDays rounds the raw interval raw (in days) to a whole number of days
// between minimum and maximum; with a fuzz factor u in [0, 1), it picks the
// day at u within the fuzz range instead. minimum is raised to 1 and lowered
// to maximum, so maximum always wins.
func fsrsDays(raw float64, minimum, maximum int, u float64) int {
	maximum = max(maximum, 1)
	minimum = min(max(minimum, 1), maximum)
	if u < 0 {
		return min(max(fsrsRound(raw), minimum), maximum)
	}
	lower, upper := fsrsFuzzBounds(raw, minimum, maximum)
	return int(math.Floor(float64(lower) + u*float64(upper-lower+1)))
}

// fsrsFuzzBounds is the range of days a fuzzed interval may take, within
// [minimum, maximum]. Intervals under 2.5 days are not fuzzed. When the range
// collapses to one day it is widened to two, if maximum allows.
func fsrsFuzzBounds(raw float64, minimum, maximum int) (lower, upper int) {
	ivl := fsrsClamp(raw, float64(minimum), float64(maximum))
	delta := 0.0
	if ivl >= 2.5 {
		delta = 1
		for _, r := range fsrsFuzzRanges {
			delta += r.factor * max(min(ivl, r.end)-r.start, 0)
		}
	}
	lower = min(max(fsrsRound(ivl-delta), minimum), maximum)
	upper = min(max(fsrsRound(ivl+delta), minimum), maximum)
	if upper == lower && upper > 2 && upper < maximum {
		upper = lower + 1
	}
	return lower, upper
}

// fsrsFuzzFactor is the fuzz factor, in [0, 1), for a card with the given id
// that has been reviewed reps times. Like Anki, it is a pure function of the
// card and its review count, so Preview and Next agree, a replayed log gives
// the same intervals, and two siblings reviewed together still spread out.
// Anki adds the id and the count; hashing them instead keeps neighbouring
// ids (as SQLite hands out) from sharing a sequence.
func fsrsFuzzFactor(cardID int64, reps int) float64 {
	x := fsrsSplitMix(fsrsSplitMix(uint64(cardID)) + uint64(reps))
	return float64(x>>11) / (1 << 53)
}

// fsrsSplitMix is the SplitMix64 finaliser, a fast well-mixing hash of x.
func fsrsSplitMix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// fsrsRound rounds half away from zero to an int, saturating far beyond any
// interval.
func fsrsRound(x float64) int {
	const limit = 1 << 40
	return int(fsrsClamp(math.Round(x), -limit, limit))
}
