package quiz

import "fmt"

// MergeCards decides what becomes of two learners' cards for one question
// when a teacher merges the two learners into one: both logs are one log
// now, in the order the answers were given (logs, oldest first), and the
// card is what that log gives when replayed answer by answer, as if one
// learner had given every answer. Neither card is kept as it was: each was
// computed from half of the learner's answers.
//
// It returns the card after the whole log and, for each entry, the card
// as it was before that answer: what the log records beside each answer so
// that Undo restores the card as the merged log built it.
func (s *Scheduler) MergeCards(cardID int64, logs []ReviewLog) (before []Card, after Card, err error) {
	before = make([]Card, len(logs))
	for i, l := range logs {
		if !l.Rating.valid() {
			return nil, Card{}, fmt.Errorf("quiz: merge card %d: review %d: invalid rating %d", cardID, i+1, l.Rating)
		}
		before[i] = after
		after = s.Review(after, l.Rating, l.Time, cardID).Card
	}
	return before, after, nil
}
