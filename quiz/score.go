package quiz

import (
	"math"

	"factdrill/questions"
)

// Score is the result of a finished attempt, in marks: each question is
// worth its mark (Question.Mark, one when unset).
type Score struct {
	// Points is the sum of the questions' marks earned. Penalties of
	// single-answer multiple choice can make it negative; Percent does not
	// go below 0.
	Points float64
	// Max is the sum of the marks of the questions that count: graded
	// questions, and essays (marked by a person).
	Max float64
	// Right counts the questions answered fully right.
	Right int
	// Pending counts the answers waiting for a person's mark (essays not
	// marked yet): until there are none, the score is provisional, and
	// pages and exports say "needs grading".
	Pending int
}

// Percent is the score as a whole-number percentage of Max, rounded half
// up; an attempt with nothing graded scores 0.
func (s Score) Percent() int {
	if s.Max == 0 {
		return 0
	}
	return int(math.Floor(100*math.Max(0, s.Points)/s.Max + 0.5))
}

// NeedsGrading reports whether some answer still waits for a person's
// mark.
func (s Score) NeedsGrading() bool { return s.Pending > 0 }

// Add counts one question's grade, worth one mark, into the score.
// Unanswered questions are added with a zero Grade of their kind.
func (s *Score) Add(g Grade) { s.AddWeighted(g, 1) }

// AddWeighted counts one question's grade into the score, the question
// being worth weight marks. A pending grade counts in Max and in Pending,
// and earns nothing yet.
func (s *Score) AddWeighted(g Grade, weight float64) {
	switch {
	case g.Pending:
		s.Max += weight
		s.Pending++
	case g.Graded:
		s.Max += weight
		s.Points += weight * g.Fraction
		if g.Right() {
			s.Right++
		}
	}
}

// Weight is what a question is worth in a score: its Mark, or one mark.
func Weight(q questions.Question) float64 {
	if q.Mark > 0 {
		return q.Mark
	}
	return 1
}

// Manual is a mark given by a person rather than by grading: a teacher's
// mark (with a comment), or a learner's "I was right" in self-study.
type Manual struct {
	Fraction float64
	Comment  string
	// ByLearner is set for a learner's own claim to have been right.
	ByLearner bool
}

// Effective is the grade that counts for an answer: the automatic grade
// auto, unless a person marked it, whose mark then counts (Graded, with
// Manual set). Where a teacher marks essays (teacher: a class quiz), an
// essay answered and not marked yet is Pending, and one left blank earns
// nothing and waits for no one; elsewhere (self-study) an essay is left
// out of the score.
func Effective(q questions.Question, answered bool, auto Grade, manual *Manual, teacher bool) Grade {
	g := auto
	switch {
	case manual != nil && q.Kind != questions.Description:
		g.Fraction = math.Max(-1, math.Min(1, manual.Fraction))
		g.Graded, g.Pending, g.Manual = true, false, manual
	case q.Kind == questions.Essay && teacher && answered:
		g.Pending = true
	case q.Kind == questions.Essay && teacher:
		g.Graded = true
	}
	return g
}
