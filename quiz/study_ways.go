package quiz

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"factdrill/questions"
)

// This file holds the ways to study a card besides turning it over: typing
// the answer, choosing it among a few (while the card is new, as Quizlet's
// Learn mode does), and seeing it the other way round (the answer first).
// Whatever the way, an answer is a review of the same card: the learner's
// rating (which the way suggests) is what the scheduler sees, once per
// showing, as for any flashcard answer.

// Way is a way to study a session's cards. The values are sent in links
// and forms, so they never change.
type Way string

// The ways to study.
const (
	// WayFlip shows the front, then the back, and the learner rates how
	// well they knew it.
	WayFlip Way = ""
	// WayType asks the learner to type the answer, which is graded by the
	// quiz's rules; the rating is suggested from the grade and the time.
	WayType Way = "type"
	// WayLearn asks a new or learning card as a choice among a few
	// answers, and a card already learned as typing (Quizlet's Learn).
	WayLearn Way = "learn"
	// WayReverse shows a definition-style card's answer and asks for what
	// it answers.
	WayReverse Way = "reverse"
)

// ParseWay returns the way named s, or WayFlip for anything else.
func ParseWay(s string) Way {
	switch w := Way(s); w {
	case WayType, WayLearn, WayReverse:
		return w
	}
	return WayFlip
}

// Ask is how one card is asked.
type Ask string

// How a card is asked.
const (
	AskFlip    Ask = "flip"
	AskType    Ask = "type"
	AskChoice  Ask = "choice"
	AskReverse Ask = "reverse"
)

// Typeable reports whether q's answer can be typed and graded: short
// answers, fill-in-the-blanks and numbers.
func Typeable(q questions.Question) bool {
	switch q.Kind {
	case questions.ShortAnswer, questions.Cloze:
		return RightAnswerText(q) != ""
	case questions.Numerical:
		return RightAnswerText(q) != ""
	}
	return false
}

// Reversible reports whether q is definition-style: a stem that describes
// one answer, a term, which can be shown first to recall what it means (a
// short answer, a fill-in-the-blank, or a multiple choice with one right
// option, whose answer is a few words).
func Reversible(q questions.Question) bool {
	if strings.TrimSpace(q.Stem) == "" || q.Format == questions.HTML {
		return false
	}
	var answer string
	switch q.Kind {
	case questions.ShortAnswer, questions.Cloze:
		right := 0
		for _, a := range q.Answers {
			if a.Weight >= 100 {
				right++
				answer = a.Text
			}
		}
		if right != 1 || strings.ContainsAny(answer, "*") {
			return false
		}
	case questions.MultipleChoice:
		r := q.RightChoices()
		if q.Multiple || len(r) != 1 {
			return false
		}
		answer = q.Choices[r[0]].Text
	default:
		return false
	}
	return answer != "" && len(strings.Fields(answer)) <= 6
}

// AskFor says how a card in state state is asked in way w.
func AskFor(w Way, q questions.Question, state State) Ask {
	switch w {
	case WayType:
		if Typeable(q) {
			return AskType
		}
	case WayLearn:
		if state == StateNew || state == StateLearning || state == StateRelearning {
			if q.Kind == questions.MultipleChoice || q.Kind == questions.TrueFalse || Typeable(q) {
				return AskChoice
			}
		}
		if Typeable(q) {
			return AskType
		}
	case WayReverse:
		if Reversible(q) {
			return AskReverse
		}
	}
	return AskFlip
}

// Choices returns the options of a card asked as a choice, and which of
// them are right: a multiple choice's own options, true and false, or
// the card's right answer among up to three others' right answers from
// pool (other cards of its set). The order is shuffled by seed (the card
// and its number of answers), so the same showing always has the same
// order; a multiple choice keeps its own order when the question says so.
func Choices(q questions.Question, pool []string, seed uint64) (options []string, right []bool) {
	switch q.Kind {
	case questions.MultipleChoice:
		for i, c := range q.Choices {
			options = append(options, c.Text)
			right = append(right, q.Choices[i].Weight >= 100 || (q.Multiple && q.Choices[i].Weight > 0))
		}
		if q.KeepOrder {
			return options, right
		}
	case questions.TrueFalse:
		return []string{"True", "False"}, []bool{q.Truth, !q.Truth}
	default:
		answer := RightAnswerText(q)
		if q.Kind == questions.ShortAnswer || q.Kind == questions.Cloze {
			for _, a := range q.Answers {
				if a.Weight >= 100 {
					answer = a.Text // the first right answer, not all of them
					break
				}
			}
		}
		options, right = []string{answer}, []bool{true}
		seen := map[string]bool{Normalize(answer): true}
		for _, p := range pool {
			if k := Normalize(p); p != "" && !seen[k] && len(options) < 4 {
				seen[k] = true
				options, right = append(options, p), append(right, false)
			}
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	rng.Shuffle(len(options), func(i, j int) {
		options[i], options[j] = options[j], options[i]
		right[i], right[j] = right[j], right[i]
	})
	return options, right
}

// SuggestRating is the rating a typed or chosen answer suggests: Again
// for a wrong answer, Hard for a partly right one or a right one that took
// long (over SlowAnswer), Easy for a right answer typed within QuickAnswer,
// Good otherwise. A right choice among a few is recognition, easier than
// recall: it suggests Good at most.
func SuggestRating(g Grade, taken time.Duration, chosen bool) Rating {
	switch {
	case !g.Graded || g.Fraction <= 0:
		return RatingAgain
	case !g.Right():
		return RatingHard
	case taken > SlowAnswer:
		return RatingHard
	case !chosen && taken >= 0 && taken <= QuickAnswer:
		return RatingEasy
	}
	return RatingGood
}

// The times that make a right answer Easy or Hard (see SuggestRating).
const (
	QuickAnswer = 5 * time.Second
	SlowAnswer  = 30 * time.Second
)

// Practice picks up to n cards for a practice test from items (a learner's
// studied cards): the cards due now first, soonest due first, then the
// weakest, least likely to be recalled now. New and suspended cards are
// left out: a test asks what was learned.
func (s *Scheduler) Practice(items []StudyItem, now time.Time, n int) []StudyItem {
	type weak struct {
		it StudyItem
		r  float64
	}
	var due, rest []weak
	for _, it := range items {
		switch {
		case it.Suspended || it.Card.State == StateNew:
		case s.IsDue(it.Card, now):
			due = append(due, weak{it, 0})
		default:
			rest = append(rest, weak{it, s.Retrievability(it.Card, now)})
		}
	}
	slices.SortStableFunc(due, func(a, b weak) int {
		return cmp.Or(a.it.Card.Due.Compare(b.it.Card.Due), cmp.Compare(a.it.ID, b.it.ID))
	})
	slices.SortStableFunc(rest, func(a, b weak) int { return cmp.Or(cmp.Compare(a.r, b.r), cmp.Compare(a.it.ID, b.it.ID)) })
	var out []StudyItem
	for _, w := range append(due, rest...) {
		if len(out) == n {
			break
		}
		out = append(out, w.it)
	}
	return out
}

// Testable reports whether a card can be in a practice test, which grades
// every answer: typed (see Typeable), or chosen (multiple choice, true or
// false).
func Testable(q questions.Question) bool {
	return Typeable(q) || q.Kind == questions.MultipleChoice || q.Kind == questions.TrueFalse
}

// TestRating is the rating a practice test's answer gives its card: Good
// for a right answer, Hard for a partly right one, Again otherwise (as a
// quiz answer reviews a card, with partial credit as Hard).
func TestRating(g Grade) Rating {
	switch {
	case g.Right():
		return RatingGood
	case g.Graded && g.Fraction > 0:
		return RatingHard
	}
	return RatingAgain
}
