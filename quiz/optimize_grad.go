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

// optWeighted is a training item with its recency weight.
type optWeighted struct {
	optItem
	weight float64
}

// optBatch is a set of items grouped by card: an item is a prefix of its
// card's answers, so one run of the model over a card's longest item in
// the set serves all of its items there, forwards and backwards. The
// gradient is the same as item by item.
type optBatch struct {
	runs []optRun
	// weight holds, for each answer of each run, the weight of the item
	// that predicts it, or 0 when none in the set does.
	weight []float64
	items  int
}

// optRun is one card's answers rating[off:off+n] in a batch; its answers'
// item weights start at weight[w].
type optRun struct {
	off, n, w int32
}

func newOptBatch(items []optWeighted) *optBatch {
	b := &optBatch{items: len(items)}
	at := map[int32]int{} // a card's first answer → its run
	for _, it := range items {
		i, ok := at[it.off]
		if !ok {
			i = len(b.runs)
			at[it.off] = i
			b.runs = append(b.runs, optRun{off: it.off})
		}
		b.runs[i].n = max(b.runs[i].n, it.n)
	}
	for i := range b.runs {
		b.runs[i].w = int32(len(b.weight))
		b.weight = append(b.weight, make([]float64, b.runs[i].n)...)
	}
	for _, it := range items {
		r := b.runs[at[it.off]]
		b.weight[r.w+it.n-1] = it.weight
	}
	return b
}

// optScratch is memory a gradient computation reuses.
type optScratch struct {
	steps []optStep
	grad  []float64 // the loss's gradient with respect to each state
}

// lossGrad returns the batch's weighted log loss under p, each prediction
// clamped to [optMinProb, optMaxProb] as fsrs-rs trains (the gradient
// stops where the clamp bites), and with gw non-nil adds the loss's
// gradient to gw.
func (p *optParams) lossGrad(l *optLog, b *optBatch, gw *[21]float64, sc *optScratch) float64 {
	sum := 0.0
	var c optStep
	for _, run := range b.runs {
		var steps []optStep
		var gstate []float64
		if gw != nil {
			if cap(sc.steps) < int(run.n) {
				sc.steps = make([]optStep, run.n, 2*run.n)
				sc.grad = make([]float64, run.n, 2*run.n)
			}
			steps, gstate = sc.steps[:run.n], sc.grad[:run.n]
			clear(gstate)
		}
		rec := &c
		if steps != nil {
			rec = &steps[0]
		}
		s, d := p.first(l.rating[run.off], rec)
		wts := b.weight[run.w : run.w+run.n]
		for j := int32(1); j < run.n; j++ {
			i := run.off + j
			t := float64(l.delta[i])
			r, lb := 1.0, 0.0
			if t > 0 {
				r, lb = p.curve(t, s)
			}
			if wt := wts[j]; wt != 0 {
				q := min(max(r, optMinProb), optMaxProb)
				var dq float64
				if l.rating[i] > 1 {
					if q == r {
						sum -= wt * p.decay * lb // ln r, without another logarithm
					} else {
						sum -= wt * math.Log(q)
					}
					dq = -1 / q
				} else {
					sum -= wt * math.Log(1-q)
					dq = 1 / (1 - q)
				}
				if gw != nil && r > optMinProb && r < optMaxProb {
					gstate[j-1] = p.curveBack(t, s, r, lb, wt*dq, gw)
				}
			}
			if j == run.n-1 {
				break
			}
			if steps != nil {
				rec = &steps[j]
			}
			s, d = p.stepAt(s, d, t, l.rating[i], r, lb, rec)
		}
		if gw == nil {
			continue
		}
		gs, gd := 0.0, 0.0
		for k := run.n - 2; k >= 0; k-- {
			gs, gd = p.back(&steps[k], gs+gstate[k], gd, gw)
		}
	}
	return sum
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
