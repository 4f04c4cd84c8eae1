package quiz

import (
	"slices"
	"testing"
	"time"

	"factdrill/questions"
)

var (
	wayShort    = questions.Question{Kind: questions.ShortAnswer, Stem: "The largest planet?", Answers: []questions.Choice{{Text: "Jupiter", Weight: 100}}}
	wayNumber   = questions.Question{Kind: questions.Numerical, Stem: "Planets in the solar system?", Numbers: []questions.Number{{Value: 8, Weight: 100}}}
	wayChoice   = questions.Question{Kind: questions.MultipleChoice, Stem: "Red planet?", Choices: []questions.Choice{{Text: "Mars", Weight: 100}, {Text: "Venus"}, {Text: "Saturn"}}}
	wayMatching = questions.Question{Kind: questions.Matching, Stem: "Match.", Pairs: []questions.Pair{{Prompt: "a", Answer: "b"}, {Prompt: "c", Answer: "d"}}}
	wayLong     = questions.Question{Kind: questions.ShortAnswer, Stem: "Why?", Answers: []questions.Choice{{Text: "because the orbit of the planet is longer than one year", Weight: 100}}}
)

func TestAskFor(t *testing.T) {
	for _, tt := range []struct {
		way   Way
		q     questions.Question
		state State
		want  Ask
	}{
		{WayFlip, wayShort, StateReview, AskFlip},
		{WayType, wayShort, StateNew, AskType},
		{WayType, wayNumber, StateReview, AskType},
		{WayType, wayChoice, StateReview, AskFlip},
		{WayLearn, wayShort, StateNew, AskChoice},
		{WayLearn, wayShort, StateLearning, AskChoice},
		{WayLearn, wayShort, StateReview, AskType},
		{WayLearn, wayChoice, StateReview, AskFlip},
		{WayLearn, wayMatching, StateNew, AskFlip},
		{WayReverse, wayShort, StateReview, AskReverse},
		{WayReverse, wayChoice, StateNew, AskReverse},
		{WayReverse, wayLong, StateNew, AskFlip},
		{WayReverse, wayNumber, StateNew, AskFlip},
	} {
		if got := AskFor(tt.way, tt.q, tt.state); got != tt.want {
			t.Errorf("AskFor(%q, %s, %v) = %q, want %q", tt.way, tt.q.Kind, tt.state, got, tt.want)
		}
	}
	if ParseWay("type") != WayType || ParseWay("nonsense") != WayFlip {
		t.Error("ParseWay does not keep only the ways it knows")
	}
}

func TestChoices(t *testing.T) {
	opts, right := Choices(wayShort, []string{"Saturn", "jupiter", "Mars", "", "Venus", "Pluto"}, 7)
	if len(opts) != 4 || len(right) != 4 {
		t.Fatalf("Choices = %v %v, want 4 options", opts, right)
	}
	n := 0
	for i, o := range opts {
		if right[i] {
			n++
			if o != "Jupiter" {
				t.Errorf("the right option is %q, want Jupiter", o)
			}
		}
		if o == "jupiter" || o == "" {
			t.Errorf("options %v repeat the answer or are empty", opts)
		}
	}
	if n != 1 {
		t.Errorf("options %v have %d right, want 1", opts, n)
	}
	again, _ := Choices(wayShort, []string{"Saturn", "jupiter", "Mars", "", "Venus", "Pluto"}, 7)
	if !slices.Equal(opts, again) {
		t.Errorf("the same seed gave %v then %v", opts, again)
	}
	if opts, right := Choices(wayChoice, nil, 1); len(opts) != 3 || right[slices.Index(opts, "Mars")] != true {
		t.Errorf("a multiple choice's options = %v %v", opts, right)
	}
	if opts, right := Choices(questions.Question{Kind: questions.TrueFalse, Truth: false}, nil, 1); !slices.Equal(opts, []string{"True", "False"}) || right[0] || !right[1] {
		t.Errorf("true/false options = %v %v", opts, right)
	}
}

func TestSuggestRating(t *testing.T) {
	right := GradeAnswer(wayShort, Answer{Text: "jupiter"})
	wrong := GradeAnswer(wayShort, Answer{Text: "Saturn"})
	for _, tt := range []struct {
		g      Grade
		taken  time.Duration
		chosen bool
		want   Rating
	}{
		{wrong, time.Second, false, RatingAgain},
		{right, 3 * time.Second, false, RatingEasy},
		{right, 3 * time.Second, true, RatingGood},
		{right, 12 * time.Second, false, RatingGood},
		{right, 45 * time.Second, false, RatingHard},
		{Grade{Graded: true, Fraction: 0.5}, time.Second, false, RatingHard},
		{right, -1, false, RatingGood},
	} {
		if got := SuggestRating(tt.g, tt.taken, tt.chosen); got != tt.want {
			t.Errorf("SuggestRating(%+v, %v, chosen %v) = %v, want %v", tt.g, tt.taken, tt.chosen, got, tt.want)
		}
	}
}

func TestScheduler_Practice(t *testing.T) {
	s := fsrsScheduler(t, DefaultSchedulerConfig())
	strong := Card{State: StateReview, Stability: 100, Difficulty: 5, Due: studyNow.Add(90 * 24 * time.Hour), LastReview: studyNow.Add(-24 * time.Hour), ScheduledDays: 90, Reps: 4}
	weak := Card{State: StateReview, Stability: 3, Difficulty: 8, Due: studyNow.Add(2 * 24 * time.Hour), LastReview: studyNow.Add(-2 * 24 * time.Hour), ScheduledDays: 4, Reps: 4}
	items := []StudyItem{
		{ID: 1, Card: strong},
		{ID: 2},
		{ID: 3, Card: reviewCard(studyNow.Add(-time.Hour))},
		{ID: 4, Card: weak},
		{ID: 5, Card: learning(-time.Minute)},
		{ID: 6, Card: weak, Suspended: true},
	}
	var got []int64
	for _, it := range s.Practice(items, studyNow, 3) {
		got = append(got, it.ID)
	}
	if want := []int64{3, 5, 4}; !slices.Equal(got, want) {
		t.Errorf("practice cards = %v, want %v (due soonest first, then the weakest)", got, want)
	}
	if n := len(s.Practice(items, studyNow, 10)); n != 4 {
		t.Errorf("practice of 10 from 4 studied cards = %d cards", n)
	}
}

func TestTestRating(t *testing.T) {
	for _, tt := range []struct {
		g    Grade
		want Rating
	}{
		{Grade{Graded: true, Fraction: 1}, RatingGood},
		{Grade{Graded: true, Fraction: 0.5}, RatingHard},
		{Grade{Graded: true, Fraction: 0}, RatingAgain},
		{Grade{Graded: false}, RatingAgain},
	} {
		if got := TestRating(tt.g); got != tt.want {
			t.Errorf("TestRating(%+v) = %v, want %v", tt.g, got, tt.want)
		}
	}
	if !Testable(wayShort) || !Testable(wayChoice) || Testable(wayMatching) {
		t.Error("Testable: short answers and choices can be tested, matching cannot")
	}
}
