package quiz

import (
	"testing"
	"time"

	"factdrill/questions"
)

var quizRatingTests = []struct {
	name   string
	kind   questions.Kind
	grade  Grade
	first  bool
	want   Rating
	review bool
}{
	{"RightFirstAnswer", questions.ShortAnswer, Grade{Graded: true, Fraction: 1}, true, RatingGood, true},
	{"WrongFirstAnswer", questions.MultipleChoice, Grade{Graded: true}, true, RatingAgain, true},
	{"PartialCreditIsNotRecall", questions.Matching, Grade{Graded: true, Fraction: 0.5}, true, RatingAgain, true},
	{"SecondAnswerDoesNotReview", questions.ShortAnswer, Grade{Graded: true, Fraction: 1}, false, 0, false},
	{"EssayIsNoCard", questions.Essay, Grade{}, true, 0, false},
	{"DescriptionIsNoCard", questions.Description, Grade{}, true, 0, false},
}

func TestQuizRating(t *testing.T) {
	for _, c := range quizRatingTests {
		t.Run(c.name, func(t *testing.T) {
			got, ok := QuizRating(c.kind, c.grade, c.first)
			if got != c.want || ok != c.review {
				t.Errorf("QuizRating(%s, %+v, first %v) = %v, %v; want %v, %v", c.kind, c.grade, c.first, got, ok, c.want, c.review)
			}
		})
	}
}

func TestScheduler_Plan(t *testing.T) {
	s, err := NewScheduler(DefaultSchedulerConfig())
	if err != nil {
		t.Fatal(err)
	}
	items := []StudyItem{{ID: 1}, {ID: 2}, {ID: 3, Card: reviewCard(studyNow.Add(72 * time.Hour))}}
	for _, c := range []struct {
		name                  string
		newPerDay, introduced int
		opt                   StudyOptions
		wantNext              int
		wantFrom              Queue
		wantNew               int
		wantOK                bool
	}{
		{"LimitLessIntroduced", 2, 1, StudyOptions{}, 0, QueueNew, 1, true},
		{"LimitReached", 2, 2, StudyOptions{}, -1, QueueNone, 0, true},
		{"MoreNewLiftsTheLimit", 2, 2, StudyOptions{MoreNew: true}, 0, QueueNew, 2, true},
		{"CardAskedForOutOfTurn", 2, 0, StudyOptions{CardID: 3}, 2, QueueAhead, 2, true},
		{"CardAskedForIsNext", 2, 0, StudyOptions{CardID: 1}, 0, QueueNew, 2, true},
		{"CardNotInTheSet", 2, 0, StudyOptions{CardID: 9}, 0, QueueNew, 2, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			q, ok := s.Plan(items, studyNow, c.newPerDay, c.introduced, c.opt)
			if ok != c.wantOK || (ok && (q.Next != c.wantNext || q.From != c.wantFrom)) || q.Counts.New != c.wantNew {
				t.Errorf("Plan = next %d from %v, %d new, ok %v; want next %d from %v, %d new, ok %v",
					q.Next, q.From, q.Counts.New, ok, c.wantNext, c.wantFrom, c.wantNew, c.wantOK)
			}
		})
	}
}

func TestScheduler_ReviewLeech(t *testing.T) {
	s, err := NewScheduler(DefaultSchedulerConfig())
	if err != nil {
		t.Fatal(err)
	}
	// A review card with 7 lapses: forgetting it once more makes it a
	// leech; remembering it does not; the next lapse, the 9th, is not
	// flagged again (the 12th is).
	c := reviewCard(studyNow)
	c.Lapses, c.Model = 7, s.Model()
	if got := s.Review(c, RatingAgain, studyNow, 1); !got.Leech || got.Card.Lapses != 8 || !s.Leech(got.Card) {
		t.Errorf("8th lapse = %+v, leech %v; want a leech", got.Card, got.Leech)
	}
	if got := s.Review(c, RatingGood, studyNow, 1); got.Leech || s.Leech(got.Card) {
		t.Errorf("a right answer at 7 lapses = leech %v; want none", got.Leech)
	}
	c.Lapses = 8
	if got := s.Review(c, RatingAgain, studyNow, 1); got.Leech || !s.Leech(got.Card) {
		t.Errorf("9th lapse = flagged %v, leech card %v; want a leech card not flagged again", got.Leech, s.Leech(got.Card))
	}
	if s.Stale(c) || !s.Stale(Card{State: StateReview, Model: "fsrs-4.5"}) || s.Stale(Card{}) {
		t.Error("Stale: want true only for a studied card of another model")
	}
}

func TestScheduler_Undoable(t *testing.T) {
	s, err := NewScheduler(DefaultSchedulerConfig())
	if err != nil {
		t.Fatal(err)
	}
	earlier := studyNow.Add(-time.Hour)                       // 08:00, the same learner day
	yesterday := time.Date(2026, 5, 10, 3, 0, 0, 0, time.UTC) // before the 04:00 rollover
	for _, c := range []struct {
		name     string
		fromQuiz bool
		at       time.Time
		want     bool
	}{
		{"FlashcardToday", false, earlier, true},
		{"QuizAnswer", true, earlier, false},
		{"BeforeTheRollover", false, yesterday, false},
	} {
		if got := s.Undoable(c.fromQuiz, c.at, studyNow); got != c.want {
			t.Errorf("%s: Undoable = %v, want %v", c.name, got, c.want)
		}
	}
	if got := Taken(time.Hour); got != MaxTaken {
		t.Errorf("Taken(1h) = %v, want %v", got, MaxTaken)
	}
	if got := Taken(-1); got >= 0 {
		t.Errorf("Taken(unknown) = %v, want it still unknown (negative)", got)
	}
}
