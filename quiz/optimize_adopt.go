package quiz

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// This file holds the product's rules around the optimiser: when a
// learner's weights are fitted, and when a fit is adopted. The store reads
// a learner's log, calls FitWeights outside any transaction (it is the
// slow part), and stores what it decided.

// When a learner's weights are fitted. fsrs-rs trains on as few as
// MinOptimizeItems items, but a fit on a few dozen answers moves with
// every answer; a few hundred answers make a fit worth scheduling by
// (Anki's own advice is a thousand). After that, the weights are fitted
// again after every RefitReviews new answers, or once RefitAge has passed
// with at least one new answer, whichever comes first.
const (
	MinFitReviews = 400
	RefitReviews  = 250
	RefitAge      = 7 * 24 * time.Hour
)

// FitDue reports whether a learner with reviews answers in their log is
// due for a fit at now, when their last fit (fittedAt, zero for none) was
// made on fitReviews answers. The store's query of due learners asks the
// same in SQL; this is its statement.
func FitDue(reviews, fitReviews int, fittedAt, now time.Time) bool {
	switch {
	case reviews < MinFitReviews:
		return false
	case fittedAt.IsZero() || reviews >= fitReviews+RefitReviews:
		return true
	}
	return reviews > fitReviews && !now.Before(fittedAt.Add(RefitAge))
}

// Fit is what FitWeights decided.
type Fit struct {
	// Weights are the weights to schedule with from now on: the new fit
	// if it was adopted, the current weights otherwise.
	Weights []float64
	// Adopted reports whether the new fit replaced the current weights.
	Adopted bool
	// Fitted are the new fit's weights, adopted or not.
	Fitted []float64
	// Before is how well the current weights predict the history; After
	// how well the new fit does. Adopted means After.LogLoss is lower.
	Before, After ModelFit
	// Result is the optimiser's report (items trained on).
	Result OptimizeResult
}

// ErrCannotFit is returned by FitWeights when the history is too small
// for gradient descent (see CanOptimize): nothing is fitted or adopted.
var ErrCannotFit = errors.New("quiz: too few reviews a day or more apart to fit weights")

// FitWeights fits FSRS-6 weights to h (see Optimize) and adopts them only
// if they predict h better, by log loss, than the current weights (nil
// for the defaults) do: a fit is a minimum of a regularised loss on
// filtered items, and on the whole log it can predict worse than what the
// learner has; then the learner keeps what they have. It fails with
// ErrCannotFit when h is too small to train on, with ctx's error, and on
// an invalid history or current weights.
func FitWeights(ctx context.Context, h ReviewHistory, current []float64) (Fit, error) {
	if current == nil {
		current = DefaultWeights()
	}
	ok, err := CanOptimize(h)
	if err != nil {
		return Fit{}, err
	}
	if !ok {
		return Fit{}, ErrCannotFit
	}
	before, err := EvaluateWeights(h, current)
	if err != nil {
		return Fit{}, fmt.Errorf("quiz: fit weights: the current weights: %w", err)
	}
	res, err := Optimize(ctx, h, DefaultOptimizeOptions(h))
	if err != nil {
		return Fit{}, err
	}
	after, err := EvaluateWeights(h, res.Weights)
	if err != nil {
		return Fit{}, fmt.Errorf("quiz: fit weights: the new fit: %w", err)
	}
	f := Fit{Weights: slices.Clone(current), Fitted: res.Weights, Before: before, After: after, Result: res}
	if res.Trained && after.LogLoss < before.LogLoss {
		f.Weights, f.Adopted = slices.Clone(res.Weights), true
	}
	return f, nil
}
