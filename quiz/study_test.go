package quiz

import (
	"testing"
	"time"
)

// studyNow is 09:00 UTC; with the default 4 AM rollover the learner's day
// runs from 04:00 today to 04:00 tomorrow.
var studyNow = time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)

func learning(due time.Duration) Card {
	return Card{State: StateLearning, Step: 1, Stability: 2, Difficulty: 5, Due: studyNow.Add(due), Reps: 1}
}

func reviewCard(due time.Time) Card {
	return Card{State: StateReview, Stability: 10, Difficulty: 5, Due: due, ScheduledDays: 5, Reps: 3}
}

// studyQueueTests each give a set's cards and what the queue makes of them.
var studyQueueTests = []struct {
	name      string
	items     []StudyItem
	newLeft   int
	ahead     bool
	wantNext  int64 // the ID of the card shown, 0 for none
	wantFrom  Queue
	want      StudyCounts
	wantLater int
	wantAhead int
	wantAvail time.Time
}{
	{
		name:     "LearningDueFirst",
		items:    []StudyItem{{ID: 1}, {ID: 2, Card: reviewCard(studyNow.Add(-48 * time.Hour))}, {ID: 3, Card: learning(-time.Minute)}},
		newLeft:  20,
		wantNext: 3, wantFrom: QueueLearning,
		want: StudyCounts{New: 1, Learning: 1, Review: 1},
	},
	{
		name: "OverdueReviewBeforeToday",
		items: []StudyItem{
			{ID: 1, Card: reviewCard(time.Date(2026, 5, 10, 20, 0, 0, 0, time.UTC))}, // later today: due
			{ID: 2, Card: reviewCard(time.Date(2026, 5, 2, 20, 0, 0, 0, time.UTC))},  // overdue
			{ID: 3, Card: reviewCard(time.Date(2026, 5, 11, 5, 0, 0, 0, time.UTC))},  // tomorrow
		},
		newLeft:  20,
		wantNext: 2, wantFrom: QueueReview,
		want:      StudyCounts{Review: 2},
		wantAhead: 1,
	},
	{
		name:     "NewInSetOrderWithinLimit",
		items:    []StudyItem{{ID: 7}, {ID: 3}, {ID: 5}, {ID: 9, Suspended: true}},
		newLeft:  2,
		wantNext: 7, wantFrom: QueueNew,
		want:      StudyCounts{New: 2},
		wantLater: 1, wantAhead: 1,
	},
	{
		name:     "NewBeforeLearningSoon",
		items:    []StudyItem{{ID: 1, Card: learning(10 * time.Minute)}, {ID: 2}},
		newLeft:  1,
		wantNext: 2, wantFrom: QueueNew,
		want: StudyCounts{New: 1, Learning: 1},
	},
	{
		name:     "LearnAheadWhenNothingElse",
		items:    []StudyItem{{ID: 1, Card: learning(15 * time.Minute)}, {ID: 2, Card: learning(5 * time.Minute)}, {ID: 3}},
		newLeft:  0,
		wantNext: 2, wantFrom: QueueLearning,
		want:      StudyCounts{Learning: 2},
		wantLater: 1, wantAhead: 1,
	},
	{
		name:      "NothingDue",
		items:     []StudyItem{{ID: 1, Card: learning(time.Hour)}, {ID: 2, Card: reviewCard(time.Date(2026, 5, 12, 9, 0, 0, 0, time.UTC))}, {ID: 3}},
		newLeft:   0,
		wantLater: 1, wantAhead: 3,
		wantAvail: studyNow.Add(40 * time.Minute),
	},
	{
		name:      "ReviewAvailableAtDayStart",
		items:     []StudyItem{{ID: 2, Card: reviewCard(time.Date(2026, 5, 12, 9, 0, 0, 0, time.UTC))}},
		newLeft:   20,
		wantAhead: 1,
		wantAvail: time.Date(2026, 5, 12, 4, 0, 0, 0, time.UTC),
	},
	{
		name:     "AheadTakesSoonestStudied",
		items:    []StudyItem{{ID: 1, Card: reviewCard(time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC))}, {ID: 2, Card: learning(2 * time.Hour)}, {ID: 3}},
		newLeft:  0,
		ahead:    true,
		wantNext: 2, wantFrom: QueueAhead,
		wantLater: 1, wantAhead: 3,
	},
	{
		name:     "AheadThenNewBeyondLimit",
		items:    []StudyItem{{ID: 1, Card: reviewCard(studyNow), Suspended: true}, {ID: 2}, {ID: 3}},
		newLeft:  1,
		ahead:    true,
		wantNext: 2, wantFrom: QueueNew,
		want:      StudyCounts{New: 1},
		wantLater: 1, wantAhead: 1,
	},
	{
		name:     "AheadNewOnceLimitReached",
		items:    []StudyItem{{ID: 2}, {ID: 3}},
		newLeft:  0,
		ahead:    true,
		wantNext: 2, wantFrom: QueueAhead,
		wantLater: 2, wantAhead: 2,
	},
	{
		name:  "AllSuspended",
		items: []StudyItem{{ID: 1, Suspended: true}, {ID: 2, Card: learning(0), Suspended: true}},
	},
}

func TestScheduler_Queue(t *testing.T) {
	s := fsrsScheduler(t, DefaultSchedulerConfig())
	for _, tt := range studyQueueTests {
		t.Run(tt.name, func(t *testing.T) {
			q := s.Queue(tt.items, studyNow, tt.newLeft, tt.ahead)
			var gotNext int64
			if q.Next >= 0 {
				gotNext = tt.items[q.Next].ID
			}
			if gotNext != tt.wantNext || q.From != tt.wantFrom {
				t.Errorf("next = card %d from %v, want card %d from %v", gotNext, q.From, tt.wantNext, tt.wantFrom)
			}
			if q.Counts != tt.want {
				t.Errorf("counts = %+v, want %+v", q.Counts, tt.want)
			}
			if q.NewLater != tt.wantLater || q.Ahead != tt.wantAhead {
				t.Errorf("new later = %d, ahead = %d; want %d and %d", q.NewLater, q.Ahead, tt.wantLater, tt.wantAhead)
			}
			if !q.Available.Equal(tt.wantAvail) {
				t.Errorf("available = %v, want %v", q.Available, tt.wantAvail)
			}
		})
	}
}

// TestScheduler_QueueSession studies a set of three new cards answering
// Good each time, as a learner would, moving the clock by the time each
// answer takes, and checks every card reaches review the same day.
func TestScheduler_QueueSession(t *testing.T) {
	s := fsrsScheduler(t, DefaultSchedulerConfig())
	items := []StudyItem{{ID: 1}, {ID: 2}, {ID: 3}}
	now := studyNow
	var shown []int64
	for range 20 {
		q := s.Queue(items, now, 3-countIntroduced(items), false)
		if q.Next < 0 {
			break
		}
		it := &items[q.Next]
		shown = append(shown, it.ID)
		it.Card = s.Next(it.Card, RatingGood, now, it.ID)
		now = now.Add(30 * time.Second)
	}
	// New 1, 2, 3 (to the 10-minute step); then each again, learned ahead.
	want := []int64{1, 2, 3, 1, 2, 3}
	if len(shown) != len(want) {
		t.Fatalf("cards shown = %v, want %v", shown, want)
	}
	for i := range want {
		if shown[i] != want[i] {
			t.Fatalf("cards shown = %v, want %v", shown, want)
		}
	}
	for _, it := range items {
		if it.Card.State != StateReview {
			t.Errorf("card %d ends in %v, want Review", it.ID, it.Card.State)
		}
	}
}

func countIntroduced(items []StudyItem) int {
	n := 0
	for _, it := range items {
		if it.Card.State != StateNew {
			n++
		}
	}
	return n
}

func TestQueue_String(t *testing.T) {
	for q, want := range map[Queue]string{QueueNone: "none", QueueLearning: "learning", QueueReview: "review", QueueNew: "new", QueueAhead: "ahead", Queue(9): "none"} {
		if got := q.String(); got != want {
			t.Errorf("Queue(%d).String() = %q, want %q", int(q), got, want)
		}
	}
}
