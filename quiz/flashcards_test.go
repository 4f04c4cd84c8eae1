package quiz

import "testing"

func TestQuizProgress_FlashcardsOpen(t *testing.T) {
	cases := []struct {
		name string
		p    QuizProgress
		want bool
	}{
		{"NotStarted", QuizProgress{}, false},
		{"Taking", QuizProgress{Used: 1, Open: true}, false},
		{"HandedInNoLimit", QuizProgress{Used: 1, Finished: 1}, true},
		{"RetakingNoLimit", QuizProgress{Used: 2, Finished: 1, Open: true}, false},
		{"AttemptsLeft", QuizProgress{MaxAttempts: 2, Used: 1, Finished: 1}, false},
		{"AllUsed", QuizProgress{MaxAttempts: 2, Used: 2, Finished: 2}, true},
		{"AllowedBefore", QuizProgress{FlashcardsAllowed: true}, true},
		{"AllowedWhileTaking", QuizProgress{Used: 1, Open: true, FlashcardsAllowed: true}, true},
	}
	for _, c := range cases {
		if got := c.p.FlashcardsOpen(); got != c.want {
			t.Errorf("%s: FlashcardsOpen(%+v) = %v, want %v", c.name, c.p, got, c.want)
		}
	}
}
