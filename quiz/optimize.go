package quiz

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// This file is the FSRS-6 optimiser: it fits a learner's 21 weights to
// their review history as fsrs-rs 6.5.0's compute_parameters does, so that
// their cards are scheduled by their own memory rather than the median
// learner's. The stages: the items and the outlier filter
// (optimize_history.go, optimize_pretrain.go), the pre-training of the
// initial stabilities (optimize_pretrain.go), then Adam on the recency-
// weighted log loss with an L2 pull toward the starting weights
// (optimize_grad.go), the weights clipped to their ranges after every
// step, for a few epochs over shuffled batches of cards; the weights with
// the least training loss win. Where this differs from fsrs-rs: the
// arithmetic is float64 (fsrs-rs's is float32), the shuffle is Go's PCG
// (fsrs-rs's is Rust's ChaCha), and a final polish on the whole training
// set takes the same objective to its minimum (see optTrain for why).
// On the reference learners (testdata/optimizer) the result predicts as
// well as fsrs-rs's, and does not depend on the shuffle.

// MinOptimizeItems is fsrs-rs's minimum of training items (answers given a
// day or more after the card's previous one that survive the outlier
// filter): with fewer, Optimize only pre-trains the initial stabilities
// w0–w3 and keeps the default weights for the rest (with fewer than 8, it
// returns the defaults). The product may well ask for more reviews before
// offering optimisation; this is the floor below which training cannot run.
const MinOptimizeItems = 64

// optMinPretrainItems is the fewest training items fsrs-rs pre-trains on.
const optMinPretrainItems = 8

// OptimizeOptions are the optimiser's settings. Start from
// DefaultOptimizeOptions, which are fsrs-rs's.
type OptimizeOptions struct {
	// ShortTerm fits the same-day weights w17–w19 and lets gradient
	// descent move the initial stabilities w0–w3 (fsrs-rs's
	// enable_short_term). Off, w17–w19 are 0 and w0–w3 keep their
	// pre-trained values: without same-day answers nothing informs them.
	ShortTerm bool
	// RelearningSteps is the number of relearning steps the learner's
	// scheduler uses; with more than one, w17 and w18 are capped so that
	// passing the steps cannot undo a lapse.
	RelearningSteps int
	// Epochs is the number of passes over the training items; 0 returns
	// the pre-trained starting point.
	Epochs int
	// BatchSize is the number of items per gradient step.
	BatchSize int
	// LearningRate is Adam's step size at the start; it decays to 0 along
	// a cosine over the whole run.
	LearningRate float64
	// MaxAnswers leaves items with more answers than this out of training.
	MaxAnswers int
	// Gamma scales the L2 pull toward the starting weights.
	Gamma float64
	// Seed seeds the shuffling of the batches; the same history, options
	// and seed always give the same weights.
	Seed uint64
}

// DefaultOptimizeOptions returns fsrs-rs's settings for h: 5 epochs of
// batches of 512, learning rate 0.04, items of up to 256 answers, gamma 1,
// seed 2023, one relearning step, and ShortTerm on when h has same-day
// answers (the only answers that inform the same-day weights).
func DefaultOptimizeOptions(h ReviewHistory) OptimizeOptions {
	return OptimizeOptions{
		ShortTerm:       h.hasSameDay(),
		RelearningSteps: 1,
		Epochs:          5,
		BatchSize:       512,
		LearningRate:    0.04,
		MaxAnswers:      256,
		Gamma:           1,
		Seed:            2023,
	}
}

func (o OptimizeOptions) validate() error {
	var errs []error
	if o.RelearningSteps < 0 {
		errs = append(errs, fmt.Errorf("relearning steps is %d, want 0 or more", o.RelearningSteps))
	}
	if o.Epochs < 0 {
		errs = append(errs, fmt.Errorf("epochs is %d, want 0 or more", o.Epochs))
	}
	if o.BatchSize < 1 {
		errs = append(errs, fmt.Errorf("batch size is %d, want 1 or more", o.BatchSize))
	}
	if !(o.LearningRate > 0) || math.IsInf(o.LearningRate, 0) {
		errs = append(errs, fmt.Errorf("learning rate is %v, want a positive number", o.LearningRate))
	}
	if o.MaxAnswers < 2 {
		errs = append(errs, fmt.Errorf("max answers is %d, want 2 or more", o.MaxAnswers))
	}
	if !(o.Gamma >= 0) || math.IsInf(o.Gamma, 0) {
		errs = append(errs, fmt.Errorf("gamma is %v, want 0 or a positive number", o.Gamma))
	}
	if len(errs) > 0 {
		return fmt.Errorf("quiz: optimize: %w", errors.Join(errs...))
	}
	return nil
}

// OptimizeResult is what Optimize found.
type OptimizeResult struct {
	// Weights are the 21 fitted FSRS-6 weights, inside fsrs-rs's ranges.
	Weights []float64
	// Trained reports whether gradient descent ran. When it did not, there
	// were too few items (see MinOptimizeItems) and Weights are the
	// defaults or the pre-trained initial stabilities over the defaults.
	Trained bool
	// Items is the number of items in the history; TrainItems the number
	// trained on, after the outlier filter and MaxAnswers.
	Items, TrainItems int
}

// CanOptimize reports whether Optimize trains on h rather than falling
// back to the defaults or the pre-training alone: at least
// MinOptimizeItems items survive the outlier filter, and some of them
// follow more than one interval of a day or more. It fails only on an
// invalid history.
func CanOptimize(h ReviewHistory) (bool, error) {
	l, err := newOptLog(h)
	if err != nil {
		return false, err
	}
	sp := l.split()
	return len(sp.train) >= MinOptimizeItems && len(sp.train) > len(sp.init) && len(sp.init) > 0, nil
}

// Optimize fits FSRS-6 weights to a learner's review history as fsrs-rs
// 6.5.0 does (see the file comment). With too little data it returns the
// defaults or the pre-training alone (see MinOptimizeItems and Trained).
// It checks ctx between gradient steps, and fails on an invalid history
// or options and with ctx's error. To adopt the result, compare it with
// the current weights by EvaluateWeights on the same history: the fit
// minimises a regularised loss on filtered items, so on a learner's whole
// log it can, rarely, predict worse than what they have.
func Optimize(ctx context.Context, h ReviewHistory, opt OptimizeOptions) (OptimizeResult, error) {
	if err := opt.validate(); err != nil {
		return OptimizeResult{}, err
	}
	l, err := newOptLog(h)
	if err != nil {
		return OptimizeResult{}, err
	}
	sp := l.split()
	res := OptimizeResult{Items: len(l.items)}
	// Every result is clipped, even the fallbacks fsrs-rs returns as they
	// are: with several relearning steps the default w17 can exceed its cap.
	done := func(w [21]float64) (OptimizeResult, error) {
		optClip(&w, opt.RelearningSteps, opt.ShortTerm)
		res.Weights = w[:]
		return res, nil
	}
	if len(sp.train) < optMinPretrainItems {
		return done(fsrsDefaultWeights)
	}
	s0, counts, err := l.pretrain(sp)
	if err != nil {
		return OptimizeResult{}, fmt.Errorf("quiz: optimize: pre-train initial stabilities: %w", err)
	}
	init := fsrsDefaultWeights
	copy(init[:4], s0[:])
	if len(sp.train) == len(sp.init) || len(sp.train) < MinOptimizeItems {
		return done(init)
	}
	if !opt.ShortTerm {
		init[17], init[18], init[19] = 0, 0, 0
	}

	items := make([]optWeighted, 0, len(sp.train))
	for i, it := range sp.train {
		if int(it.n) <= opt.MaxAnswers {
			items = append(items, optWeighted{it, optRecency(i, len(sp.train))})
		}
	}
	res.TrainItems = len(items)
	w := init
	if len(items) > 0 {
		if w, err = optTrain(ctx, l, items, init, opt); err != nil {
			return OptimizeResult{}, err
		}
		res.Trained = opt.Epochs > 0
	}

	// fsrs-rs smooths the trained initial stabilities as it did the
	// pre-trained ones, so that they rise with the rating.
	var s [5]float64
	var has [5]bool
	for g := 1; g <= 4; g++ {
		s[g], has[g] = w[g-1], true
	}
	filled, err := optSmoothAndFill(s, has, counts)
	if err != nil {
		return OptimizeResult{}, fmt.Errorf("quiz: optimize: %w", err)
	}
	copy(w[:4], filled[:])
	return done(w)
}

// optTrain runs Adam from init over the items and returns the weights
// with the least training loss it met (init if none beats it). It has two
// stages:
//
//   - fsrs-rs's: opt.Epochs passes over batches of whole cards (as fsrs-rs
//     batches when it knows the cards: a card's items share one run of the
//     model), shuffled every epoch, with the learning rate annealed along
//     a cosine, the weights clipped after every step, and the training loss
//     measured after every epoch.
//   - a polish, which fsrs-rs has not: optPolishSteps steps on the whole
//     training set at once, the learning rate annealed from
//     optPolishRate. fsrs-rs's few noisy steps (25 on a few thousand
//     items) stop wherever the batch order leaves them; on the reference
//     learners, the log loss after them varies by up to 1.4 % with the
//     shuffle's seed, and is often worse than the defaults'. The polish
//     takes the same objective to its minimum, whatever the seed.
func optTrain(ctx context.Context, l *optLog, items []optWeighted, init [21]float64, opt OptimizeOptions) ([21]float64, error) {
	batches := optCardBatches(items, opt.BatchSize)
	all := newOptBatch(items)
	total := float64(len(items))
	steps := float64((len(items)/opt.BatchSize + 1) * opt.Epochs)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	order := make([]int, len(batches))

	w, best := init, init
	bestLoss := math.Inf(1)
	var adam optAdam
	var sc optScratch
	// descend takes one Adam step on batch b at learning rate lr and
	// returns the training loss per item before it (its log loss plus its
	// share of the L2 penalty, as fsrs-rs adds the penalty once per batch
	// in proportion to its size).
	descend := func(b *optBatch, lr float64) (float64, error) {
		if err := ctx.Err(); err != nil {
			return 0, fmt.Errorf("quiz: optimize: %w", err)
		}
		var grad [21]float64
		loss := newOptParams(&w).lossGrad(l, b, &grad, &sc)
		loss += optPenalty(&w, &init, opt.Gamma*float64(b.items)/total, &grad)
		if !opt.ShortTerm {
			for _, i := range [...]int{0, 1, 2, 3, 17, 18, 19} {
				grad[i] = 0
			}
		}
		adam.step(&w, &grad, lr)
		optClip(&w, opt.RelearningSteps, opt.ShortTerm)
		return loss / float64(b.items), nil
	}
	objective := func() float64 {
		return (newOptParams(&w).lossGrad(l, all, nil, nil) + optPenalty(&w, &init, opt.Gamma, nil)) / total
	}

	k := 0
	for range opt.Epochs {
		for i := range order {
			order[i] = i
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, bi := range order {
			lr := opt.LearningRate * (1 + math.Cos(math.Pi*float64(k)/steps)) / 2
			k++
			if _, err := descend(batches[bi], lr); err != nil {
				return w, err
			}
		}
		if loss := objective(); loss < bestLoss {
			best, bestLoss = w, loss
		}
	}
	if opt.Epochs == 0 {
		return best, nil
	}

	w, adam = best, optAdam{}
	for k := range optPolishSteps {
		lr := optPolishRate * (1 + math.Cos(math.Pi*float64(k)/float64(optPolishSteps))) / 2
		before := w
		loss, err := descend(all, lr)
		if err != nil {
			return w, err
		}
		if loss < bestLoss {
			best, bestLoss = before, loss
		}
	}
	if loss := objective(); loss < bestLoss {
		best = w
	}
	return best, nil
}

// The polish stage of optTrain: its number of full-set steps and its
// starting learning rate. On the reference learners 50 steps bring the log
// loss within 1e-4 of the polish's limit.
var (
	optPolishSteps = 50
	optPolishRate  = 0.02
)

// optCardBatches cuts the items into batches of whole cards, as fsrs-rs
// does when it knows the cards: cards ordered by their number of answers,
// each batch filled with cards until one more would take it past size
// items.
func optCardBatches(items []optWeighted, size int) []*optBatch {
	var cards [][]optWeighted
	at := map[int32]int{}
	for _, it := range items {
		i, ok := at[it.off]
		if !ok {
			i = len(cards)
			at[it.off] = i
			cards = append(cards, nil)
		}
		cards[i] = append(cards[i], it)
	}
	longest := func(c []optWeighted) int32 {
		n := int32(0)
		for _, it := range c {
			n = max(n, it.n)
		}
		return n
	}
	slices.SortStableFunc(cards, func(a, b []optWeighted) int { return cmp.Compare(longest(a), longest(b)) })
	var batches []*optBatch
	var cur []optWeighted
	for _, c := range cards {
		if len(cur) > 0 && len(cur)+len(c) > size {
			batches = append(batches, newOptBatch(cur))
			cur = nil
		}
		cur = append(cur, c...)
	}
	if len(cur) > 0 {
		batches = append(batches, newOptBatch(cur))
	}
	return batches
}

// optAdam is the Adam optimiser's state: the moving averages of the
// gradient and of its square, and the step count for their bias
// correction.
type optAdam struct {
	m, v [21]float64
	t    int
}

// step moves w against grad by Adam with learning rate lr. A gradient
// that is not finite (which a pathological history could give) counts as
// 0, so the weights never become NaN.
func (a *optAdam) step(w, grad *[21]float64, lr float64) {
	const beta1, beta2, eps = 0.9, 0.999, 1e-8
	a.t++
	c1 := 1 - math.Pow(beta1, float64(a.t))
	c2 := 1 - math.Pow(beta2, float64(a.t))
	for i, g := range grad {
		if math.IsNaN(g) || math.IsInf(g, 0) {
			g = 0
		}
		a.m[i] = beta1*a.m[i] + (1-beta1)*g
		a.v[i] = beta2*a.v[i] + (1-beta2)*g*g
		w[i] -= lr * (a.m[i] / c1) / (math.Sqrt(a.v[i]/c2) + eps)
	}
}

// optClip brings every weight into fsrs-rs's range for it (the ranges the
// scheduler clips to too). With more than one relearning step, w17 and w18
// are capped so that a lapse followed by passing every relearning step
// leaves stability no higher than before; without ShortTerm, w19 may be 0.
func optClip(w *[21]float64, relearningSteps int, shortTerm bool) {
	bounds := fsrsWeightRange
	if !shortTerm {
		bounds[19][0] = 0
	}
	for i := range w {
		w[i] = min(max(w[i], bounds[i][0]), bounds[i][1])
	}
	// fsrs-rs computes the cap before clipping w11, w13 and w14, which can
	// take the logarithm of a negative number; after is the same whenever
	// that is defined.
	ceiling := 2.0
	if relearningSteps > 1 {
		c := -(math.Log(w[11]) + math.Log(math.Pow(2, w[13])-1) + w[14]*0.3) / float64(relearningSteps)
		ceiling = min(math.Sqrt(max(c, 0.01)), 2)
	}
	w[17], w[18] = min(w[17], ceiling), min(w[18], ceiling)
}

// hasSameDay reports whether any card has two answers on one day.
func (h ReviewHistory) hasSameDay() bool {
	for _, c := range h.Cards {
		for j := 1; j < len(c); j++ {
			if c[j].Day == c[j-1].Day {
				return true
			}
		}
	}
	return false
}
