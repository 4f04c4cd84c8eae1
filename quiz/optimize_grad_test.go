package quiz

import (
	"math"
	"testing"
)

// TestOptimize_Gradient checks the hand-written backward pass against
// central finite differences of the training loss, on a learner with
// same-day answers (so the short-term weights w17–w19 have gradients) and
// on one with many lapses, at weights away from every bound.
func TestOptimize_Gradient(t *testing.T) {
	for _, d := range optRefDatasets(t) {
		if d.Name != "short_term" && d.Name != "fast_forgetter" {
			continue
		}
		t.Run(d.Name, func(t *testing.T) {
			l, err := newOptLog(d.history)
			if err != nil {
				t.Fatal(err)
			}
			items := make([]optWeighted, len(l.items))
			for i, it := range l.items {
				items[i] = optWeighted{it, optRecency(i, len(l.items))}
			}
			b := newOptBatch(items)
			w := [21]float64(DefaultWeights())
			// Off the defaults, so no weight sits where a branch turns.
			w[17], w[18], w[19], w[20] = 0.6, 0.2, 0.15, 0.25
			var grad [21]float64
			newOptParams(&w).lossGrad(l, b, &grad, &optScratch{})
			for i := range w {
				h := 1e-6 * max(1, math.Abs(w[i]))
				lo, hi := w, w
				lo[i] -= h
				hi[i] += h
				fl := newOptParams(&lo).lossGrad(l, b, nil, nil)
				fh := newOptParams(&hi).lossGrad(l, b, nil, nil)
				num := (fh - fl) / (2 * h)
				if diff := math.Abs(grad[i] - num); diff > 1e-4*max(1, math.Abs(num)) {
					t.Errorf("w%d: got gradient %.8g, want %.8g (finite differences)", i, grad[i], num)
				}
			}
		})
	}
}
