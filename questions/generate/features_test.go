package generate

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"

	"factdrill/questions/generate/quality"
)

// TestTrainImportance fits importanceWeights on the tuning half of the
// development set and prints them: for every answer a clause offers (as
// the generator would ask it), whether people asked about it (token F1
// >= 0.5 with a human answer of the document). It runs only when
// FACTDRILL_TRAIN=1 and the development set is here.
func TestTrainImportance(t *testing.T) {
	if os.Getenv("FACTDRILL_TRAIN") == "" {
		t.Skip("set FACTDRILL_TRAIN=1 to fit the importance weights on the development set's tuning half")
	}
	docs := loadDevSet(t)
	var xs [][nFeatures]float64
	var ys, ws []float64
	for _, doc := range quality.Split(docs, quality.Tuning) {
		if !strings.HasPrefix(doc.ID, "squad/") {
			// CMU articles have a dozen questions for thousands of words:
			// too few to say which answers people pick.
			continue
		}
		var golds []quality.Answers
		for _, h := range quality.Answerable(doc) {
			golds = append(golds, quality.NewAnswers(h.Answers))
		}
		d := analyzed(t, doc.Text)
		keys := map[string]int{} // examples of each answer
		var exampleKeys []string
		for _, s := range d.sents {
			if s.heading || s.long {
				continue
			}
			for _, c := range s.clauses {
				if !c.ok && !c.flat {
					continue
				}
				for k := range c.ments {
					if !d.askable(c, k) {
						continue
					}
					key := answerKey(c.ments[k])
					keys[key]++
					exampleKeys = append(exampleKeys, key)
					answers := acceptedAnswers(c.ments[k], d)
					y := 0.0
					for _, g := range golds {
						if g.Match(answers) {
							y = 1
							break
						}
					}
					xs = append(xs, d.features(c, k))
					ys = append(ys, y)
				}
			}
		}
		// Each answer weighs one in all, however often it is named: the
		// set asks for an answer once.
		for _, key := range exampleKeys {
			ws = append(ws, 1/float64(keys[key]))
		}
	}
	w := fitLogistic(xs, ys, ws, 400, 0.01)
	pos := 0.0
	for _, y := range ys {
		pos += y
	}
	t.Logf("%d answers, %.1f%% asked about; AUC %.3f", len(ys), 100*pos/float64(len(ys)), auc(xs, ys, ws, w))
	var b strings.Builder
	b.WriteString("var importanceWeights = [nFeatures]float64{\n")
	for i, x := range w {
		fmt.Fprintf(&b, "\t%.3f, // %s\n", x, featureNames[i])
	}
	b.WriteString("}\n")
	t.Log("\n" + b.String())
}

// fitLogistic fits a logistic regression on weighted examples by
// full-batch gradient descent with AdaGrad steps and an L2 penalty
// lambda.
func fitLogistic(xs [][nFeatures]float64, ys, ws []float64, iters int, lambda float64) [nFeatures]float64 {
	var w, g2 [nFeatures]float64
	n := 0.0
	for _, x := range ws {
		n += x
	}
	for it := 0; it < iters; it++ {
		var grad [nFeatures]float64
		for i, x := range xs {
			z := 0.0
			for j := range w {
				z += w[j] * x[j]
			}
			p := 1 / (1 + math.Exp(-z))
			for j := range w {
				grad[j] += ws[i] * (p - ys[i]) * x[j]
			}
		}
		for j := range w {
			g := grad[j]/n + lambda*w[j]*b2f(j != fBias)
			g2[j] += g * g
			w[j] -= 0.5 * g / (math.Sqrt(g2[j]) + 1e-8)
		}
	}
	return w
}

// auc is the weighted area under the ROC curve of the fitted scores: the
// chance that an answer people asked about ranks above one they did not.
func auc(xs [][nFeatures]float64, ys, ws []float64, w [nFeatures]float64) float64 {
	idx := make([]int, len(xs))
	score := make([]float64, len(xs))
	for i, x := range xs {
		idx[i] = i
		for j := range w {
			score[i] += w[j] * x[j]
		}
	}
	sort.Slice(idx, func(a, b int) bool { return score[idx[a]] < score[idx[b]] })
	var neg, area, pos float64
	for _, i := range idx {
		if ys[i] > 0 {
			area += ws[i] * neg
			pos += ws[i]
		} else {
			neg += ws[i]
		}
	}
	return area / (pos * neg)
}
