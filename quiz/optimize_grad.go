package quiz

import "math"

// This file is the optimiser's objective and its gradient, as fsrs-rs
// 6.5.0 trains: the weighted log loss of each item's prediction, clamped
// away from 0 and 1, plus an L2 pull toward the starting weights scaled by
// each weight's spread across the srs-benchmark's users.

// optStddev is each weight's standard deviation over the srs-benchmark's
// users, fsrs-rs's PARAMS_STDDEV: the L2 penalty measures a weight's move
// from its starting value in these units.
var optStddev = [21]float64{
	6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18,
	0.33, 0.3, 0.09, 0.16, 0.57, 0.25, 1.03, 0.31, 0.32, 0.14,
	0.27,
}

// Predictions are clamped to [optMinProb, optMaxProb] in training, so that
// one surprising answer cannot dominate the loss.
const (
	optMinProb = 1e-7
	optMaxProb = 1 - 1e-7
)

// lossGrad returns item it's log loss under p, times wt, and with gw
// non-nil adds the loss's gradient to gw. steps is scratch space; it is
// grown as needed and returned.
func (p *optParams) lossGrad(l *optLog, it optItem, wt float64, gw *[21]float64, steps []optStep) (float64, []optStep) {
	var rec []optStep
	if gw != nil {
		if cap(steps) < int(it.n) {
			steps = make([]optStep, it.n, 2*it.n)
		}
		rec = steps[:it.n-1]
	}
	s, _ := p.forward(l, it.off, it.n-1, rec)
	t := float64(l.delta[it.last()])
	r, b := p.curve(t, s)
	q := min(max(r, optMinProb), optMaxProb)
	var loss, dq float64
	if l.recalled(it) {
		loss, dq = -math.Log(q), -1/q
	} else {
		loss, dq = -math.Log(1-q), 1/(1-q)
	}
	if gw == nil || !(r > optMinProb && r < optMaxProb) {
		return wt * loss, steps
	}
	gs := p.curveBack(t, s, r, b, wt*dq, gw)
	gd := 0.0
	for i := len(rec) - 1; i >= 0; i-- {
		gs, gd = p.back(&rec[i], gs, gd, gw)
	}
	return wt * loss, steps
}

// optWeighted is a training item with its recency weight.
type optWeighted struct {
	optItem
	weight float64
}

// batchLossGrad returns the summed weighted log loss of the items under p
// and, with gw non-nil, adds its gradient to gw.
func (p *optParams) batchLossGrad(l *optLog, items []optWeighted, gw *[21]float64, steps []optStep) (float64, []optStep) {
	sum := 0.0
	for _, it := range items {
		var loss float64
		loss, steps = p.lossGrad(l, it.optItem, it.weight, gw, steps)
		sum += loss
	}
	return sum, steps
}

// optPenalty is the L2 penalty of w's move from init, in units of
// optStddev, times scale; with gw non-nil it adds the penalty's gradient.
func optPenalty(w, init *[21]float64, scale float64, gw *[21]float64) float64 {
	sum := 0.0
	for i := range w {
		z := (w[i] - init[i]) / optStddev[i]
		sum += z * z
		if gw != nil {
			gw[i] += 2 * z / optStddev[i] * scale
		}
	}
	return sum * scale
}
