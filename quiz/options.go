package quiz

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"

	"factdrill/questions"
)

// An attempt shows each multiple-choice question's options, and each
// matching question's answers, in an order of its own, decided when the
// attempt starts and stored with it, so that resuming, the result and the
// teacher's view show what the student saw. Answers are stored in the
// question's own indexes (Answer.Choices index Question.Choices), so
// grading never depends on the order shown.

// Shuffler is a source of shuffles: *rand.Rand, or nil for the global
// one.
type Shuffler interface {
	Shuffle(n int, swap func(i, j int))
}

// Options is what an attempt shows of a question's options: the
// question's options (multiple choice) or answers (matching, as
// Question.MatchAnswers lists them) by index, in the order shown.
type Options []int

// OptionOrder decides the order an attempt shows q's options in: shuffled
// when shuffle is set and q does not keep its order (KeepOrder), with
// options that refer to the others ("all of the above", "none of these",
// "both A and B") kept in their place. It returns nil for the order the
// page shows without one: the written order of a multiple choice, the
// alphabetical order of a matching question's answers (which gives
// nothing away), or the written order of a matching question that keeps
// its order.
func OptionOrder(q questions.Question, shuffle bool, rng Shuffler) Options {
	var texts []string
	switch q.Kind {
	case questions.MultipleChoice:
		for _, c := range q.Choices {
			texts = append(texts, c.Text)
		}
	case questions.Matching:
		texts = q.MatchAnswers()
	default:
		return nil
	}
	if !shuffle || q.KeepOrder || len(texts) < 2 {
		return nil
	}
	var free []int // the places whose options move
	for i, t := range texts {
		if q.Kind == questions.Matching || !FixedOption(t) {
			free = append(free, i)
		}
	}
	order := make(Options, len(texts))
	for i := range order {
		order[i] = i
	}
	moved := slices.Clone(free)
	swap := func(i, j int) { moved[i], moved[j] = moved[j], moved[i] }
	if rng == nil {
		rand.Shuffle(len(moved), swap)
	} else {
		rng.Shuffle(len(moved), swap)
	}
	for k, place := range free {
		order[place] = moved[k]
	}
	return order
}

// fixedOption matches an option that refers to the other options, and so
// must keep its place when they are shuffled.
var fixedOption = regexp.MustCompile(`^(all|none|both|neither|any|each|some)( of)? (the )?(above|below|these|those|others|previous|preceding|options|answers)\b|^(both|neither) \S+ (and|nor) \S+$|^[a-d1-4] (and )?[b-e2-5]( (and )?[c-e3-5])?$`)

// FixedOption reports whether an option's text refers to the other
// options ("All of the above", "None of these", "Both A and B", "A and
// B"): such an option keeps its place when options are shuffled.
func FixedOption(text string) bool {
	return fixedOption.MatchString(strings.TrimRight(Normalize(text), " "))
}

// Valid reports whether o is an order of n options: each index once.
func (o Options) Valid(n int) bool {
	if len(o) != n {
		return false
	}
	seen := make([]bool, n)
	for _, i := range o {
		if i < 0 || i >= n || seen[i] {
			return false
		}
		seen[i] = true
	}
	return true
}

// ChoicesShown returns the indexes of q's options in the order the
// attempt shows them: order when it is a valid order of q's options, the
// written order otherwise.
func ChoicesShown(q questions.Question, order Options) []int {
	if order.Valid(len(q.Choices)) {
		return order
	}
	out := make([]int, len(q.Choices))
	for i := range out {
		out[i] = i
	}
	return out
}

// MatchAnswersShown returns a matching question's answers in the order
// the attempt shows them in its drop-downs (see OptionOrder).
func MatchAnswersShown(q questions.Question, order Options) []string {
	answers := q.MatchAnswers()
	if order.Valid(len(answers)) {
		out := make([]string, len(order))
		for i, k := range order {
			out[i] = answers[k]
		}
		return out
	}
	if !q.KeepOrder {
		slices.Sort(answers)
	}
	return answers
}

// CarryOrder is the order to show the newer version of a question in, for
// an attempt that showed the older one in order: the options still there
// (by text) where they were, the new ones after. It is what an attempt
// moved to a newer version by a regrade shows.
func CarryOrder(older, newer questions.Question, order Options) Options {
	if order == nil {
		return nil
	}
	var oldTexts, newTexts []string
	switch older.Kind {
	case questions.MultipleChoice:
		for _, c := range older.Choices {
			oldTexts = append(oldTexts, c.Text)
		}
		for _, c := range newer.Choices {
			newTexts = append(newTexts, c.Text)
		}
	case questions.Matching:
		oldTexts, newTexts = older.MatchAnswers(), newer.MatchAnswers()
	default:
		return nil
	}
	if !order.Valid(len(oldTexts)) {
		return nil
	}
	var out Options
	used := make([]bool, len(newTexts))
	for _, k := range order {
		if j := slices.Index(newTexts, oldTexts[k]); j >= 0 && !used[j] {
			out = append(out, j)
			used[j] = true
		}
	}
	for j := range newTexts {
		if !used[j] {
			out = append(out, j)
		}
	}
	return out
}

// CarryAnswer is an answer given to the older version of a question, as
// an answer to the newer one: options picked are found again by their
// text (an option that is gone is no longer picked); other kinds of
// answer are texts, and carry over as they are.
func CarryAnswer(older, newer questions.Question, a Answer) Answer {
	if older.Kind != questions.MultipleChoice || newer.Kind != questions.MultipleChoice {
		return a
	}
	var picked []int
	for _, i := range a.Choices {
		if i < 0 || i >= len(older.Choices) {
			continue
		}
		if j := slices.IndexFunc(newer.Choices, func(c questions.Choice) bool { return c.Text == older.Choices[i].Text }); j >= 0 {
			picked = append(picked, j)
		}
	}
	a.Choices = picked
	return a
}
