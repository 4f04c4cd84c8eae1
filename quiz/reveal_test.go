package quiz

import (
	"testing"
	"time"
)

func TestReviewRules(t *testing.T) {
	r := ReviewRules(0).With(After, Reveal{Mark: true}).With(Closed, Reveal{Mark: true, Right: true, Feedback: true, Source: true})
	for _, tt := range []struct {
		m    Moment
		want Reveal
	}{
		{During, Reveal{}},
		{After, Reveal{Mark: true}},
		{Closed, Reveal{Mark: true, Right: true, Feedback: true, Source: true}},
	} {
		if got := r.At(tt.m); got != tt.want {
			t.Errorf("At(%s) = %+v, want %+v", tt.m, got, tt.want)
		}
	}
	if got := r.With(After, Reveal{}).At(After); got.Any() {
		t.Errorf("after clearing, At(After) = %+v", got)
	}
	for _, m := range Moments {
		if v := AllReview.At(m); !(v.Mark && v.Right && v.Feedback && v.Source) {
			t.Errorf("AllReview.At(%s) = %+v, want everything", m, v)
		}
	}
}

func TestMomentOf(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		finished bool
		closes   time.Time
		want     Moment
	}{
		{false, time.Time{}, During},
		{false, now.Add(-time.Hour), During},
		{true, time.Time{}, After},
		{true, now.Add(time.Hour), After},
		{true, now, Closed},
		{true, now.Add(-time.Hour), Closed},
	} {
		if got := MomentOf(tt.finished, tt.closes, now); got != tt.want {
			t.Errorf("MomentOf(%v, %v) = %s, want %s", tt.finished, tt.closes, got, tt.want)
		}
	}
}
