package generate

import (
	"fmt"
	"math"
	"os"
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
	var ys []float64
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
		for _, s := range d.sents {
			if s.heading || s.long {
				continue
			}
			for _, c := range s.clauses {
				if !c.ok {
					continue
				}
				for k := range c.ments {
					if !d.askable(c, k) {
						continue
					}
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
	}
	w := fitLogistic(xs, ys, 400, 0.01)
	pos := 0.0
	for _, y := range ys {
		pos += y
	}
	t.Logf("%d answers, %.1f%% asked about", len(ys), 100*pos/float64(len(ys)))
	var b strings.Builder
	b.WriteString("var importanceWeights = [nFeatures]float64{\n")
	for i, x := range w {
		fmt.Fprintf(&b, "\t%.3f, // %s\n", x, featureNames[i])
	}
	b.WriteString("}\n")
	t.Log("\n" + b.String())
}

// fitLogistic fits a logistic regression by full-batch gradient descent
// with AdaGrad steps and an L2 penalty lambda.
func fitLogistic(xs [][nFeatures]float64, ys []float64, iters int, lambda float64) [nFeatures]float64 {
	var w, g2 [nFeatures]float64
	n := float64(len(xs))
	for it := 0; it < iters; it++ {
		var grad [nFeatures]float64
		for i, x := range xs {
			z := 0.0
			for j := range w {
				z += w[j] * x[j]
			}
			p := 1 / (1 + math.Exp(-z))
			for j := range w {
				grad[j] += (p - ys[i]) * x[j]
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
