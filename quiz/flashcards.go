package quiz

// QuizProgress is a learner's progress with a quiz their class was
// assigned: what decides whether they may study the set's flashcards,
// which show every right answer.
type QuizProgress struct {
	// MaxAttempts is the attempts allowed, 0 for no limit; Used counts
	// the learner's attempts, Finished those handed in, and Open is true
	// while one is not.
	MaxAttempts, Used, Finished int
	Open                        bool
	// FlashcardsAllowed is the teacher's choice to open the flashcards
	// to the class before its students are done with the quiz.
	FlashcardsAllowed bool
}

// FlashcardsOpen reports whether the learner may study the flashcards of
// an assigned set: once they are done with its quiz (no attempt open, and
// every attempt allowed used, or, with no limit, one handed in), or
// before if their teacher allowed it. Before that the flashcards would
// give them the answers of the quiz they are still to take.
func (p QuizProgress) FlashcardsOpen() bool {
	switch {
	case p.FlashcardsAllowed:
		return true
	case p.Open:
		return false
	case p.MaxAttempts > 0:
		return p.Used >= p.MaxAttempts
	}
	return p.Finished > 0
}
