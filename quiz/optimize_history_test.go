package quiz

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestNewReviewHistory(t *testing.T) {
	ny := fsrsLocation(t, "America/New_York")
	at := func(s string) time.Time {
		t.Helper()
		v, err := time.ParseInLocation("2006-01-02 15:04", s, ny)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	review := func(r Rating, s string, taken time.Duration) TimedReview {
		return TimedReview{ReviewLog{Rating: r, Time: at(s)}, taken}
	}
	cards := [][]TimedReview{
		// Given out of order; 03:30 is before the 4 AM rollover, so it is
		// the same learner day as the answer the evening before.
		{review(RatingGood, "2024-03-10 03:30", 0), review(RatingAgain, "2024-03-09 22:00", 9*time.Second), review(RatingGood, "2024-03-12 09:00", 0)},
		{},
		// Introduced first, so it comes first.
		{review(RatingEasy, "2024-03-08 12:00", 0), review(RatingHard, "2024-03-12 08:00", 0)},
	}
	h, err := NewReviewHistory(cards, ny, 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Cards) != 2 {
		t.Fatalf("got %d cards, want 2 (the empty one dropped)", len(h.Cards))
	}
	s := fsrsScheduler(t, SchedulerConfig{DesiredRetention: 0.9, MaximumInterval: 36500, Location: ny, RolloverHour: 4})
	want := []CardHistory{
		{
			{Day: s.Day(at("2024-03-08 12:00")), Rating: RatingEasy, Seq: at("2024-03-08 12:00").UnixMilli()},
			{Day: s.Day(at("2024-03-12 08:00")), Rating: RatingHard, Seq: at("2024-03-12 08:00").UnixMilli()},
		},
		{
			{Day: s.Day(at("2024-03-09 22:00")), Rating: RatingAgain, Seq: at("2024-03-09 22:00").UnixMilli(), Taken: 9 * time.Second},
			{Day: s.Day(at("2024-03-10 03:30")), Rating: RatingGood, Seq: at("2024-03-10 03:30").UnixMilli()},
			{Day: s.Day(at("2024-03-12 09:00")), Rating: RatingGood, Seq: at("2024-03-12 09:00").UnixMilli()},
		},
	}
	for i := range want {
		for j := range want[i] {
			if got := h.Cards[i][j]; got != want[i][j] {
				t.Errorf("card %d answer %d: got %+v, want %+v", i, j, got, want[i][j])
			}
		}
	}
	if h.Cards[1][1].Day != h.Cards[1][0].Day {
		t.Errorf("03:30 before a 4 AM rollover: got day %d, want the day before, %d", h.Cards[1][1].Day, h.Cards[1][0].Day)
	}

	// Both cards have an item on 2024-03-12; the 08:00 answer comes first
	// although its card is second in the input.
	l, err := newOptLog(h)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.items) != 2 {
		t.Fatalf("got %d items, want 2", len(l.items))
	}
	if got := Rating(l.rating[l.items[0].last()]); got != RatingHard {
		t.Errorf("first item predicts %v, want the 08:00 Hard", got)
	}
	if got, want := l.items[1].n, int32(3); got != want {
		t.Errorf("second item holds %d answers, want %d (the same-day Good stays in its history)", got, want)
	}
}

func TestNewReviewHistory_Errors(t *testing.T) {
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		cards    [][]TimedReview
		rollover int
		want     string
	}{
		{"BadRating", [][]TimedReview{{{ReviewLog{Rating: 0, Time: now}, 0}}}, 4, "rating 0"},
		{"BadRollover", nil, 24, "rollover hour"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewReviewHistory(tt.cards, time.UTC, tt.rollover)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

// TestReviewHistory_HugeGaps: days far apart, even across the whole range
// of int, give the longest gap FSRS counts, not an overflow.
func TestReviewHistory_HugeGaps(t *testing.T) {
	h := ReviewHistory{Cards: []CardHistory{
		{{Day: math.MinInt, Rating: RatingGood}, {Day: math.MaxInt, Rating: RatingAgain}},
		{{Day: 0, Rating: RatingGood}, {Day: 3, Rating: RatingGood}},
	}}
	l, err := newOptLog(h)
	if err != nil {
		t.Fatal(err)
	}
	if got := l.delta[1]; got != optMaxDelta {
		t.Errorf("gap: got %d days, want %d", got, optMaxDelta)
	}
	fit, err := EvaluateWeights(h, DefaultWeights())
	if err != nil {
		t.Fatal(err)
	}
	if fit.Items != 2 || math.IsNaN(fit.LogLoss) {
		t.Errorf("got %+v, want 2 items and a log loss", fit)
	}
}
