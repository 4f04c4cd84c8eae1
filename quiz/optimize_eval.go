package quiz

import (
	"errors"
	"fmt"
	"math"
)

// This file scores a weight vector on a learner's review history, as
// fsrs-rs's FSRS::evaluate does, so that new weights can be adopted only
// when they predict the learner's own answers better than the current ones.

// ModelFit is how well a weight vector predicts a learner's answers.
// Lower is better for both measures.
type ModelFit struct {
	// LogLoss is the recency-weighted mean log loss of the predicted chance
	// of recall against what happened.
	LogLoss float64
	// RMSEBins is fsrs-rs's RMSE(bins): the items are binned by interval,
	// number of reviews and lapses, and the root mean square gap between
	// predicted and actual recall over the bins is weighted by each bin's
	// share of the items' weight.
	RMSEBins float64
	// Items is the number of answers predicted.
	Items int
}

// ErrNotEnoughReviews is returned when a review history holds too little to
// evaluate or fit weights: no answer given a day or more after the card's
// previous one, or too few to pre-train the initial stabilities.
var ErrNotEnoughReviews = errors.New("quiz: not enough reviews")

// EvaluateWeights scores the 21 FSRS-6 weights w on h as fsrs-rs's
// FSRS::evaluate does. Every answer given a day or more after the card's
// previous answer is predicted from the answers before it, in time order;
// the i-th of n predictions weighs 0.25 + 0.75·(i/(n-1))³, so recent
// answers count most. The weights are used as given, not clipped. It
// fails on an invalid history, weights that are not 21 finite numbers,
// ErrNotEnoughReviews with no prediction to make, and on a non-finite
// loss (weights far outside FSRS's ranges).
func EvaluateWeights(h ReviewHistory, w []float64) (ModelFit, error) {
	l, err := newOptLog(h)
	if err != nil {
		return ModelFit{}, err
	}
	wa, err := optWeights(w)
	if err != nil {
		return ModelFit{}, err
	}
	if len(l.items) == 0 {
		return ModelFit{}, fmt.Errorf("quiz: evaluate weights: %w: no answer a day or more after the card's previous one", ErrNotEnoughReviews)
	}
	fit := l.evaluate(newOptParams(&wa))
	if math.IsNaN(fit.LogLoss) || math.IsInf(fit.LogLoss, 0) || math.IsNaN(fit.RMSEBins) {
		return ModelFit{}, fmt.Errorf("quiz: evaluate weights: log loss is %v; the weights are outside FSRS's ranges", fit.LogLoss)
	}
	return fit, nil
}

// optWeights checks that w is 21 finite numbers.
func optWeights(w []float64) ([21]float64, error) {
	var a [21]float64
	if len(w) != len(a) {
		return a, fmt.Errorf("quiz: weights: got %d, want 21", len(w))
	}
	for i, v := range w {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return a, fmt.Errorf("quiz: weights: w%d is %v, want a finite number", i, v)
		}
	}
	copy(a[:], w)
	return a, nil
}

// predictions returns, for every answer in the log given a day or more
// after the card's previous one, the chance of recall the model predicted
// for it (indexed like l.rating; other entries are 0). Items are prefixes
// of their card's answers, so one pass over each card serves them all.
func (l *optLog) predictions(p *optParams) []float64 {
	pred := make([]float64, len(l.rating))
	var c optStep
	var s, d float64
	for i := range l.rating {
		if l.delta[i] == optFirst {
			s, d = p.first(l.rating[i], &c)
			continue
		}
		t := float64(l.delta[i])
		r, lb := 1.0, 0.0
		if t > 0 {
			r, lb = p.curve(t, s)
			pred[i] = r
		}
		s, d = p.stepAt(s, d, t, l.rating[i], r, lb, &c)
	}
	return pred
}

// optRecency is the weight fsrs-rs gives the i-th of n items in time order.
func optRecency(i, n int) float64 {
	x := float64(i) / float64(max(n-1, 1))
	return 0.25 + 0.75*x*x*x
}

// evaluate scores p on every item of the log.
func (l *optLog) evaluate(p *optParams) ModelFit {
	pred := l.predictions(p)
	type bin struct{ pred, act, n, weight float64 }
	bins := map[[3]int]*bin{}
	var loss, total float64
	for i, it := range l.items {
		q := pred[it.last()]
		wt := optRecency(i, len(l.items))
		y := 0.0
		if l.recalled(it) {
			y = 1
			loss -= wt * math.Log(q)
		} else {
			loss -= wt * math.Log(1-q)
		}
		total += wt
		k := l.bin(it)
		b := bins[k]
		if b == nil {
			b = &bin{}
			bins[k] = b
		}
		b.pred += q
		b.act += y
		b.n++
		b.weight += wt
	}
	var se, sw float64
	for _, b := range bins {
		gap := b.pred/b.n - b.act/b.n
		se += gap * gap * b.weight
		sw += b.weight
	}
	return ModelFit{LogLoss: loss / total, RMSEBins: math.Sqrt(se / sw), Items: len(l.items)}
}

// bin is fsrs-rs's RMSE bin of an item: its interval, its number of
// answers a day or more apart, and its lapses, each on a geometric scale.
func (l *optLog) bin(it optItem) [3]int {
	geo := func(x, base float64) float64 { return math.Pow(base, math.Floor(math.Log(x)/math.Log(base))) }
	lapses := 0
	for i := it.off; i < it.last(); i++ {
		if l.rating[i] == 1 && l.delta[i] > 0 {
			lapses++
		}
	}
	k := [3]int{
		int(math.Round(2.48 * geo(float64(l.delta[it.last()]), 3.62) * 100)),
		int(math.Round(1.99 * geo(float64(l.longTerm(it)+1), 1.89))),
		0,
	}
	if lapses > 0 {
		k[2] = int(math.Round(1.65 * geo(float64(lapses), 1.73)))
	}
	return k
}
