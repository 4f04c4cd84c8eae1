package quiz

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"factdrill/questions"
)

// ItemAnswer is one answer to one question of a set in one attempt, as item
// analysis reads it.
type ItemAnswer struct {
	// Question is the question's index in the set.
	Question int
	Answered bool
	Answer   Answer
	// Fraction is the share of the mark earned (see Grade).
	Fraction float64
}

// MinItemResponses is the number of attempts a question needs before item
// analysis flags it: below it, a share or a correlation says more about
// chance than about the question.
const MinItemResponses = 5

// Thresholds for the notes on difficulty.
const (
	HardFacility = 0.3
	EasyFacility = 0.95
)

// Flag is something item analysis found wrong, or worth a look, in a
// question.
type Flag string

// The flags. FlagNegative and FlagDistractor mark a question that misleads:
// students who do well on the rest of the quiz do worse on it, or a wrong
// option draws more students than the right one.
const (
	FlagNegative   Flag = "negative discrimination"
	FlagDistractor Flag = "a distractor chosen more than the key"
	FlagHard       Flag = "very hard"
	FlagEasy       Flag = "very easy"
)

// OptionCount is how often one option (or one typed answer) was chosen.
type OptionCount struct {
	Text  string
	Key   bool // a right option (positive weight), or a right answer
	Count int
}

// ItemStats is item analysis of one question.
type ItemStats struct {
	// Question is the question's index in the set.
	Question int
	Kind     questions.Kind
	// Generated is true for a question made from a document.
	Generated bool
	// N is the number of attempts that asked the question; Answered those
	// that answered it.
	N, Answered int
	// Facility is the mean share of the mark earned, unanswered counting
	// 0: the share answering right.
	Facility float64
	// Discrimination is the corrected item-total correlation: the Pearson
	// correlation between the question's mark and the mean mark of the
	// other graded questions of the same attempt. It is NaN when it cannot
	// be computed (fewer than 3 attempts, or no spread in either).
	Discrimination float64
	// Options counts each option of a multiple-choice or true/false
	// question, in their order; for typed answers, the most common
	// answers, most chosen first. Blank counts the attempts that gave no
	// answer.
	Options []OptionCount
	Blank   int
	Flags   []Flag
}

// Misleads reports whether the question is flagged as misleading.
func (s ItemStats) Misleads() bool {
	return slices.Contains(s.Flags, FlagNegative) || slices.Contains(s.Flags, FlagDistractor)
}

// maxTypedAnswers bounds the typed answers listed for a question.
const maxTypedAnswers = 5

// AnalyzeItems computes item statistics for every graded question of qs
// from the answers of finished attempts, one slice per attempt holding an
// ItemAnswer for each question the attempt asked. Attempts may ask
// different questions (drawn at random); each question is analysed over
// the attempts that asked it. Questions no attempt asked get N 0.
func AnalyzeItems(qs []questions.Question, attempts [][]ItemAnswer) []ItemStats {
	type obs struct{ item, rest float64 }
	per := make([][]obs, len(qs))
	stats := make([]ItemStats, len(qs))
	typed := make([]map[string]*OptionCount, len(qs))
	for i, q := range qs {
		stats[i] = ItemStats{Question: i, Kind: q.Kind, Generated: q.Source != nil, Discrimination: math.NaN()}
		switch q.Kind {
		case questions.MultipleChoice:
			for _, c := range q.Choices {
				stats[i].Options = append(stats[i].Options, OptionCount{Text: c.Text, Key: c.Weight > 0})
			}
		case questions.TrueFalse:
			stats[i].Options = []OptionCount{{Text: "True", Key: q.Truth}, {Text: "False", Key: !q.Truth}}
		case questions.ShortAnswer, questions.Cloze, questions.Numerical:
			typed[i] = map[string]*OptionCount{}
		}
	}
	for _, att := range attempts {
		var sum float64
		var graded int
		for _, a := range att {
			if a.Question < 0 || a.Question >= len(qs) || !qs[a.Question].Kind.Graded() {
				continue
			}
			sum += a.Fraction
			graded++
		}
		for _, a := range att {
			if a.Question < 0 || a.Question >= len(qs) || !qs[a.Question].Kind.Graded() {
				continue
			}
			st := &stats[a.Question]
			st.N++
			if graded > 1 {
				per[a.Question] = append(per[a.Question], obs{a.Fraction, (sum - a.Fraction) / float64(graded-1)})
			}
			st.Facility += math.Max(0, a.Fraction)
			if !a.Answered || a.Answer.Empty() {
				st.Blank++
				continue
			}
			st.Answered++
			countOption(qs[a.Question], st, typed[a.Question], a)
		}
	}
	for i, q := range qs {
		st := &stats[i]
		if !q.Kind.Graded() {
			continue
		}
		if st.N > 0 {
			st.Facility /= float64(st.N)
		}
		if len(per[i]) >= 3 {
			xs, ys := make([]float64, len(per[i])), make([]float64, len(per[i]))
			for k, o := range per[i] {
				xs[k], ys[k] = o.item, o.rest
			}
			st.Discrimination = pearson(xs, ys)
		}
		if typed[i] != nil {
			for _, c := range typed[i] {
				st.Options = append(st.Options, *c)
			}
			slices.SortFunc(st.Options, func(a, b OptionCount) int {
				return cmp.Or(cmp.Compare(b.Count, a.Count), compareBool(b.Key, a.Key), strings.Compare(a.Text, b.Text))
			})
			st.Options = st.Options[:min(len(st.Options), maxTypedAnswers)]
		}
		st.Flags = flags(q, *st)
	}
	return stats
}

// countOption counts the answer a toward the options of q.
func countOption(q questions.Question, st *ItemStats, typed map[string]*OptionCount, a ItemAnswer) {
	switch q.Kind {
	case questions.MultipleChoice:
		for _, c := range a.Answer.Choices {
			if c >= 0 && c < len(st.Options) {
				st.Options[c].Count++
			}
		}
	case questions.TrueFalse:
		if a.Answer.True != nil {
			if *a.Answer.True {
				st.Options[0].Count++
			} else {
				st.Options[1].Count++
			}
		}
	default:
		if typed == nil {
			return
		}
		key := Normalize(a.Answer.Text)
		c := typed[key]
		if c == nil {
			c = &OptionCount{Text: strings.TrimSpace(a.Answer.Text), Key: a.Fraction >= 1-1e-9}
			typed[key] = c
		}
		c.Count++
	}
}

func flags(q questions.Question, st ItemStats) []Flag {
	if st.N < MinItemResponses {
		return nil
	}
	var fs []Flag
	if !math.IsNaN(st.Discrimination) && st.Discrimination < 0 {
		fs = append(fs, FlagNegative)
	}
	if (q.Kind == questions.MultipleChoice && !q.Multiple) || q.Kind == questions.TrueFalse {
		key, distractor := 0, 0
		for _, o := range st.Options {
			if o.Key {
				key = max(key, o.Count)
			} else {
				distractor = max(distractor, o.Count)
			}
		}
		if distractor > key {
			fs = append(fs, FlagDistractor)
		}
	}
	switch {
	case st.Facility < HardFacility:
		fs = append(fs, FlagHard)
	case st.Facility > EasyFacility:
		fs = append(fs, FlagEasy)
	}
	return fs
}

// pearson is the correlation of xs and ys, NaN when either has no spread.
func pearson(xs, ys []float64) float64 {
	n := float64(len(xs))
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx < 1e-12 || syy < 1e-12 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
