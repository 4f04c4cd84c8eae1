package quiz

import (
	"cmp"
	"math"
	"slices"
)

// This file is the optimiser's first, deterministic stage, as fsrs-rs
// 6.5.0 runs it: the outlier filter, then the pre-training of the initial
// stabilities w0–w3 from the cards' first intervals.

// optSplit is what the outlier filter keeps of a log's items.
type optSplit struct {
	// init holds the items with a single answer a day or more after the
	// one before that survive: the pre-training's data.
	init []optItem
	// train holds every surviving item, in time order: the training set.
	train []optItem
	// removed[g] holds the first intervals removed for first rating g.
	removed [5][]int32
}

// split runs fsrs-rs's outlier filter. Items with a single long-term
// answer are grouped by first rating and by that answer's interval. In
// each rating, the smallest interval groups are dropped until at least 20
// items or 5 % are gone (the smallest first, then the shortest intervals);
// of the rest, groups of fewer than six items or intervals over 100 days
// (365 after Easy) are dropped too. Every item whose first rating and first
// long-term interval match a dropped group leaves the training set as well.
func (l *optLog) split() optSplit {
	type group struct {
		dt    int32
		items []optItem
	}
	var byRating [5]map[int32]*group
	for _, it := range l.items {
		if l.longTerm(it) != 1 {
			continue
		}
		g, dt := l.rating[it.off], l.delta[it.last()]
		if byRating[g] == nil {
			byRating[g] = map[int32]*group{}
		}
		grp := byRating[g][dt]
		if grp == nil {
			grp = &group{dt: dt}
			byRating[g][dt] = grp
		}
		grp.items = append(grp.items, it)
	}

	var sp optSplit
	for g := 1; g <= 4; g++ {
		var groups []*group
		total := 0
		for _, grp := range byRating[g] {
			groups = append(groups, grp)
			total += len(grp.items)
		}
		// Smallest groups first, and among equals the shortest interval.
		slices.SortFunc(groups, func(a, b *group) int {
			return cmp.Or(cmp.Compare(len(a.items), len(b.items)), cmp.Compare(a.dt, b.dt))
		})
		maxDT := int32(100)
		if g == 4 {
			maxDT = 365
		}
		removed := 0
		for _, grp := range groups {
			switch {
			case removed+len(grp.items) < max(20, total/20):
				removed += len(grp.items)
				sp.removed[g] = append(sp.removed[g], grp.dt)
			case len(grp.items) >= 6 && grp.dt <= maxDT:
				sp.init = append(sp.init, grp.items...)
			default:
				sp.removed[g] = append(sp.removed[g], grp.dt)
			}
		}
		slices.Sort(sp.removed[g])
	}
	for _, it := range l.items {
		first := l.firstLongTerm(it)
		if _, gone := slices.BinarySearch(sp.removed[l.rating[it.off]], l.delta[first]); !gone {
			sp.train = append(sp.train, it)
		}
	}
	return sp
}

// optInitMax is the largest initial stability the pre-training and the
// clamps allow, in days.
const optInitMax = 100

// pretrain estimates the initial stabilities w0–w3 as fsrs-rs does. For
// each first rating, the chance of recall at each first interval (Laplace
// smoothed toward the training set's recall rate) is fitted by the default
// forgetting curve, by a ternary search for the stability with the least
// log loss plus an L1 pull of 1/16 per day toward the default. Ratings
// without data are then filled in from the others (smoothAndFill).
// counts[g] is the number of items behind rating g's estimate. fsrs-rs
// searches in float64 and keeps float32 results; so does this.
func (l *optLog) pretrain(sp optSplit) (s0 [4]float64, counts [5]int, err error) {
	passed := 0
	for _, it := range sp.train {
		if l.recalled(it) {
			passed++
		}
	}
	var average float32
	if len(sp.train) > 0 {
		average = float32(passed) / float32(len(sp.train))
	}

	type point struct{ dt, recall, n float64 }
	var data [5][]point
	{
		type tally struct{ passed, n int }
		var byRating [5]map[int32]*tally
		for _, it := range sp.init {
			g, first := l.rating[it.off], l.firstLongTerm(it)
			if byRating[g] == nil {
				byRating[g] = map[int32]*tally{}
			}
			t := byRating[g][l.delta[first]]
			if t == nil {
				t = &tally{}
				byRating[g][l.delta[first]] = t
			}
			t.n++
			if l.rating[first] > 1 {
				t.passed++
			}
		}
		for g, m := range byRating {
			for dt, t := range m {
				data[g] = append(data[g], point{float64(dt), float64(t.passed) / float64(t.n), float64(t.n)})
				counts[g] += t.n
			}
			slices.SortFunc(data[g], func(a, b point) int { return cmp.Compare(a.dt, b.dt) })
		}
	}

	decay := -float64(float32(fsrsDefaultWeights[20]))
	factor := math.Pow(0.9, 1/decay) - 1
	var found [5]float32
	var has [5]bool
	for g := 1; g <= 4; g++ {
		if len(data[g]) == 0 {
			continue
		}
		for i := range data[g] {
			d := &data[g][i]
			d.recall = (d.recall*d.n + float64(average)) / (d.n + 1)
		}
		def := float64(float32(fsrsDefaultWeights[g-1]))
		loss := func(s float64) float64 {
			sum := 0.0
			for _, d := range data[g] {
				y := math.Pow(d.dt/s*factor+1, decay)
				sum += -(d.recall*math.Log(y) + (1-d.recall)*math.Log(1-y)) * d.n
			}
			return sum + math.Abs(s-def)/16
		}
		lo, hi, best := float64(float32(fsrsMinStability)), float64(optInitMax), def
		for i := 0; hi-lo > 0x1p-52 && i < 1000; i++ {
			m1, m2 := lo+(hi-lo)/3, hi-(hi-lo)/3
			if loss(m1) < loss(m2) {
				hi = m2
			} else {
				lo = m1
			}
			best = (hi + lo) / 2
		}
		found[g], has[g] = float32(best), true
	}
	s, err := optSmoothAndFill(found, has, counts)
	if err != nil {
		return s0, counts, err
	}
	for i, v := range s {
		s0[i] = float64(v)
	}
	return s0, counts, nil
}

// optSmoothAndFill is fsrs-rs's smooth_and_fill, in float32 as there for
// the pre-training (F float32) and in float64 for trained weights. It keeps
// the ratings with data (has, counts), makes the stabilities rise with the
// rating (where two are out of order, the one with fewer items takes the
// other's value), and fills in missing ratings from the others with
// fsrs-rs's fixed exponents, or scales the defaults when only one rating
// has data. It fails with ErrNotEnoughReviews when none has.
func optSmoothAndFill[F float32 | float64](s [5]F, has [5]bool, counts [5]int) ([4]F, error) {
	var out [4]F
	n := 0
	for g := 1; g <= 4; g++ {
		has[g] = has[g] && counts[g] > 0
		if has[g] {
			n++
		}
	}
	if n == 0 {
		return out, ErrNotEnoughReviews
	}
	for _, p := range [][2]int{{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}} {
		a, b := p[0], p[1]
		if has[a] && has[b] && s[a] > s[b] {
			if counts[a] > counts[b] {
				s[b] = s[a]
			} else {
				s[a] = s[b]
			}
		}
	}
	pow := func(x, y F) F { return F(math.Pow(float64(x), float64(y))) }
	w1, w2 := F(0.41), F(0.54)
	var def [5]F
	for g := 1; g <= 4; g++ {
		def[g] = F(float32(fsrsDefaultWeights[g-1]))
	}
	switch n {
	case 1:
		var k F
		for g := 1; g <= 4; g++ {
			if has[g] {
				k = s[g] / def[g]
			}
		}
		for g := 1; g <= 4; g++ {
			s[g] = def[g] * k
		}
		slices.Sort(s[1:])
	case 2:
		switch {
		case has[3] && has[4]:
			s[2] = pow(s[3], 1/(1-w2)) * pow(s[4], 1-1/(1-w2))
			s[1] = pow(s[2], 1/w1) * pow(s[3], 1-1/w1)
		case has[2] && has[4]:
			s[3] = pow(s[2], 1-w2) * pow(s[4], w2)
			s[1] = pow(s[2], 1/w1) * pow(s[3], 1-1/w1)
		case has[2] && has[3]:
			s[4] = pow(s[2], 1-1/w2) * pow(s[3], 1/w2)
			s[1] = pow(s[2], 1/w1) * pow(s[3], 1-1/w1)
		case has[1] && has[4]:
			k := F(math.FMA(float64(w1), float64(-w2), float64(w1+w2)))
			s[2] = pow(s[1], w1/k) * pow(s[4], 1-w1/k)
			s[3] = pow(s[1], 1-w2/k) * pow(s[4], w2/k)
		case has[1] && has[3]:
			s[2] = pow(s[1], w1) * pow(s[3], 1-w1)
			s[4] = pow(s[2], 1-1/w2) * pow(s[3], 1/w2)
		case has[1] && has[2]:
			s[3] = pow(s[1], 1-1/(1-w1)) * pow(s[2], 1/(1-w1))
			s[4] = pow(s[2], 1-1/w2) * pow(s[3], 1/w2)
		}
	case 3:
		switch {
		case !has[1]:
			s[1] = pow(s[2], 1/w1) * pow(s[3], 1-1/w1)
		case !has[2]:
			s[2] = pow(s[1], w1) * pow(s[3], 1-w1)
		case !has[3]:
			s[3] = pow(s[2], 1-w2) * pow(s[4], w2)
		case !has[4]:
			s[4] = pow(s[2], 1-1/w2) * pow(s[3], 1/w2)
		}
	}
	for g := 1; g <= 4; g++ {
		out[g-1] = min(max(s[g], F(float32(fsrsMinStability))), optInitMax)
	}
	return out, nil
}
