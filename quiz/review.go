package quiz

import (
	"time"

	"factdrill/questions"
)

// This file holds the rules of a review beyond the scheduler's arithmetic:
// when a quiz answer counts as one, how long an answer is recorded as
// taking, leeches, when a card must be rebuilt from its log, and which
// answer may be undone. The store reads the facts (a card, its log, the
// last answer) and stores what these functions decide.

// MatureDays is the interval from which a review card counts as mature,
// as in Anki; younger review cards are young.
const MatureDays = 21

// MaxTaken caps the time an answer is recorded as taking, as Anki does: a
// learner who walked away did not think for an hour.
const MaxTaken = time.Minute

// Taken is the time an answer is recorded as taking: d, at most MaxTaken.
// A negative d (unknown) stays negative.
func Taken(d time.Duration) time.Duration { return min(d, MaxTaken) }

// QuizRating says whether an answer given in a quiz reviews the learner's
// flashcard for the question, and with which rating: Good when fully
// right, Again otherwise (partial credit is not recall). Only the first
// answer to a question in an attempt counts (first): it is the act of
// recall; changing it after second thoughts is not another one, and
// replacing the review would mean rewinding any review since. Questions
// that are not flashcards (essays, descriptions) never review.
func QuizRating(k questions.Kind, g Grade, first bool) (Rating, bool) {
	switch {
	case !first || !IsCard(k) || !g.Graded:
		return 0, false
	case g.Right():
		return RatingGood, true
	}
	return RatingAgain, true
}

// Reviewed is what one answer made of a card.
type Reviewed struct {
	Card Card
	// Leech is true when this answer made the card a leech (see IsLeech):
	// the learner is told, and nothing is suspended behind their back.
	Leech bool
}

// Review is Next with the leech rule: the card after the learner rated it
// r at now, and whether that answer made it a leech.
func (s *Scheduler) Review(c Card, r Rating, now time.Time, cardID int64) Reviewed {
	next := s.Next(c, r, now, cardID)
	return Reviewed{Card: next, Leech: next.Lapses > c.Lapses && s.IsLeech(next.Lapses)}
}

// Stale reports whether another model computed the card's memory state:
// it is rebuilt from its log (Replay) before its next review, so that new
// weights are adopted card by card.
func (s *Scheduler) Stale(c Card) bool { return c.State != StateNew && c.Model != s.Model() }

// Leech reports whether the card is a leech: forgotten at least the leech
// threshold of times.
func (s *Scheduler) Leech(c Card) bool {
	th := s.cfg.LeechThreshold
	return th > 0 && c.Lapses >= th
}

// Undoable reports whether the learner's last answer in a set, given at
// at, may be taken back at now: a flashcard answer (not one from a quiz)
// given the same learner day.
func (s *Scheduler) Undoable(fromQuiz bool, at, now time.Time) bool {
	return !fromQuiz && s.Day(at) == s.Day(now)
}

// Regrade is the grade of an answer whose mark was stored: its feedback as
// grading gives it now, its fraction as stored, which is what counted.
func Regrade(q questions.Question, a Answer, fraction float64) Grade {
	g := GradeAnswer(q, a)
	g.Fraction = fraction
	return g
}
