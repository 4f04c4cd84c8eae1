package quiz

import "time"

// Review rules say what a student sees of a finished or running attempt,
// as Moodle's review options do, at three moments: during the attempt
// (when the quiz checks each answer as it is given), right after it
// (while the quiz is still open), and after the quiz closes. At each, the
// teacher decides whether the student sees their marks, the right
// answers, the question's feedback and the source sentence. Pages show
// only what Reveal allows; the right answers of a question never reach a
// page before.

// Moment is when a student looks at an attempt.
type Moment int

// The moments of the review rules.
const (
	During Moment = iota // the attempt is open
	After                // the attempt is finished and the quiz still open
	Closed               // the quiz's close date has passed
)

// Moments lists the moments, in order.
var Moments = []Moment{During, After, Closed}

// String names the moment as pages do.
func (m Moment) String() string {
	switch m {
	case During:
		return "during the attempt"
	case After:
		return "right after the attempt"
	}
	return "after the quiz closes"
}

// Reveal is what a student may see of their attempt at one moment.
type Reveal struct {
	// Mark is the score and whether each answer earned its mark.
	Mark bool
	// Right is the right answer of each question.
	Right bool
	// Feedback is what the question's author wrote for the answer, and
	// the teacher's comment.
	Feedback bool
	// Source is the sentence a generated question was made from.
	Source bool
}

// Any reports whether anything at all is revealed.
func (r Reveal) Any() bool { return r.Mark || r.Right || r.Feedback || r.Source }

// ReviewRules are an assignment's review options: a Reveal for each
// moment, four bits a moment (stored as one integer).
type ReviewRules uint16

// AllReview reveals everything at every moment: the rules of an attempt
// made outside a class, and the default of an assignment.
const AllReview ReviewRules = 0xfff

// At returns what the rules reveal at moment m.
func (r ReviewRules) At(m Moment) Reveal {
	b := uint(m) * 4
	return Reveal{Mark: r&(1<<b) != 0, Right: r&(1<<(b+1)) != 0, Feedback: r&(1<<(b+2)) != 0, Source: r&(1<<(b+3)) != 0}
}

// With returns the rules with what moment m reveals set to v.
func (r ReviewRules) With(m Moment, v Reveal) ReviewRules {
	b := uint(m) * 4
	r &^= 0xf << b
	for i, on := range []bool{v.Mark, v.Right, v.Feedback, v.Source} {
		if on {
			r |= 1 << (b + uint(i))
		}
	}
	return r
}

// MomentOf is the moment of an attempt at now: During while it is open,
// After once finished until the quiz closes (closes zero: never), Closed
// from then on.
func MomentOf(finished bool, closes, now time.Time) Moment {
	switch {
	case !finished:
		return During
	case !closes.IsZero() && !now.Before(closes):
		return Closed
	}
	return After
}
