package quiz

import "math"

// Score is the result of a finished attempt.
type Score struct {
	// Points is the sum of the graded questions' fractions. Penalties of
	// single-answer multiple choice can make it negative; Percent does not
	// go below 0.
	Points float64
	// Max is the number of graded questions: each is worth one point.
	Max float64
	// Right counts the graded questions answered fully right.
	Right int
}

// Percent is the score as a whole-number percentage of Max, rounded half
// up; an attempt with nothing graded scores 0.
func (s Score) Percent() int {
	if s.Max == 0 {
		return 0
	}
	return int(math.Floor(100*math.Max(0, s.Points)/s.Max + 0.5))
}

// Add counts one question's grade into the score. Unanswered questions are
// added with a zero Grade of their kind.
func (s *Score) Add(g Grade) {
	if !g.Graded {
		return
	}
	s.Max++
	s.Points += g.Fraction
	if g.Right() {
		s.Right++
	}
}
