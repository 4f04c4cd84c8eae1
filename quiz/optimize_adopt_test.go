package quiz

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

var fitDueTests = []struct {
	name                string
	reviews, fitReviews int
	fittedAt            time.Time
	want                bool
}{
	{"too few answers", MinFitReviews - 1, 0, time.Time{}, false},
	{"enough, never fitted", MinFitReviews, 0, time.Time{}, true},
	{"fitted, few new answers", 1000, 900, fitDueNow.Add(-time.Hour), false},
	{"fitted, enough new answers", 1000, 1000 - RefitReviews, fitDueNow.Add(-time.Hour), true},
	{"a week on, a new answer", 1000, 999, fitDueNow.Add(-RefitAge), true},
	{"a week on, no new answer", 1000, 1000, fitDueNow.Add(-RefitAge), false},
	{"almost a week on", 1000, 999, fitDueNow.Add(-RefitAge + time.Second), false},
}

var fitDueNow = time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)

func TestFitDue(t *testing.T) {
	for _, tt := range fitDueTests {
		if got := FitDue(tt.reviews, tt.fitReviews, tt.fittedAt, fitDueNow); got != tt.want {
			t.Errorf("%s: FitDue(%d, %d, %v) = %v, want %v", tt.name, tt.reviews, tt.fitReviews, tt.fittedAt, got, tt.want)
		}
	}
}

// TestFitWeights_Adopts fits a learner who forgets faster than the median
// one, scheduled until now with the defaults: the fit predicts them
// better, so it is adopted.
func TestFitWeights_Adopts(t *testing.T) {
	h := optSimulate(11, 3000, optTruth)
	f, err := FitWeights(context.Background(), h, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("log loss: defaults %.5f, fit %.5f", f.Before.LogLoss, f.After.LogLoss)
	if !f.Adopted || !(f.After.LogLoss < f.Before.LogLoss) || !slices.Equal(f.Weights, f.Fitted) {
		t.Fatalf("fit of a fast forgetter: adopted %v, log loss %.5f → %.5f; want adopted with a lower loss", f.Adopted, f.Before.LogLoss, f.After.LogLoss)
	}
	if want, _ := EvaluateWeights(h, DefaultWeights()); f.Before.LogLoss != want.LogLoss || f.Before.Items != want.Items {
		t.Errorf("Before = %+v, want the defaults' fit %+v", f.Before, want)
	}
}

// TestFitWeights_KeepsBetter gives the learner weights that already
// predict them better than a fit with the product's settings can (fitted
// harder: no pull toward the start, more epochs): the new fit is worse on
// their log and is not adopted.
func TestFitWeights_KeepsBetter(t *testing.T) {
	h := optSimulate(11, 3000, optTruth)
	opt := DefaultOptimizeOptions(h)
	opt.Gamma, opt.Epochs = 0, 40
	hard, err := Optimize(context.Background(), h, opt)
	if err != nil {
		t.Fatal(err)
	}
	f, err := FitWeights(context.Background(), h, hard.Weights)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("log loss: current %.6f, new fit %.6f", f.Before.LogLoss, f.After.LogLoss)
	if !(f.After.LogLoss > f.Before.LogLoss) {
		t.Fatalf("the new fit (%.6f) is not worse than the current weights (%.6f): the test needs a worse fit", f.After.LogLoss, f.Before.LogLoss)
	}
	if f.Adopted || !slices.Equal(f.Weights, hard.Weights) {
		t.Fatalf("a worse fit: adopted %v, weights %v; want the current weights kept", f.Adopted, f.Weights)
	}
}

func TestFitWeights_TooFew(t *testing.T) {
	h := optSimulate(3, 40, optTruth)
	if _, err := FitWeights(context.Background(), h, nil); !errors.Is(err, ErrCannotFit) {
		t.Fatalf("FitWeights on 40 answers = %v, want ErrCannotFit", err)
	}
	bad := ReviewHistory{Cards: []CardHistory{{{Day: 1, Rating: 5}}}}
	if _, err := FitWeights(context.Background(), bad, nil); err == nil || errors.Is(err, ErrCannotFit) {
		t.Fatalf("FitWeights on a rating of 5 = %v, want an invalid-history error", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := FitWeights(ctx, optSimulate(11, 3000, optTruth), nil); !errors.Is(err, context.Canceled) {
		t.Fatalf("FitWeights with a cancelled context = %v, want context.Canceled", err)
	}
}
