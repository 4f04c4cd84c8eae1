package quiz

import (
	"testing"
	"time"
)

func newItem(id int64) *StudyItem { return &StudyItem{ID: id} }

// queueDecksTests each give decks and today's limits for all of them, and
// what the queue makes of them.
var queueDecksTests = []struct {
	name                  string
	decks                 []StudyDeck
	newLeft, reviewLeft   int
	ahead                 bool
	wantDeck              int
	wantCard              int64
	wantFrom              Queue
	want                  StudyCounts
	wantNewLater, wantRev int
	wantAhead             int
}{
	{
		name: "LearningOfAnyDeckFirst",
		decks: []StudyDeck{
			{Studied: []StudyItem{{ID: 1, Card: reviewCard(studyNow.Add(-time.Hour))}}, New: newItem(2), NewAvailable: 5, NewLeft: 20, ReviewLeft: NoLimit},
			{Studied: []StudyItem{{ID: 3, Card: learning(-time.Minute)}}, ReviewLeft: NoLimit},
		},
		newLeft: NoLimit, reviewLeft: NoLimit,
		wantDeck: 1, wantCard: 3, wantFrom: QueueLearning,
		want: StudyCounts{New: 5, Learning: 1, Review: 1},
	},
	{
		name: "ReviewsSoonestAcrossDecks",
		decks: []StudyDeck{
			{Studied: []StudyItem{{ID: 1, Card: reviewCard(studyNow.Add(-time.Hour))}}, ReviewLeft: NoLimit},
			{Studied: []StudyItem{{ID: 2, Card: reviewCard(studyNow.Add(-48 * time.Hour))}}, ReviewLeft: NoLimit},
		},
		newLeft: NoLimit, reviewLeft: NoLimit,
		wantDeck: 1, wantCard: 2, wantFrom: QueueReview,
		want: StudyCounts{Review: 2},
	},
	{
		name: "ReviewLimitOfADeck",
		decks: []StudyDeck{
			{Studied: []StudyItem{{ID: 1, Card: reviewCard(studyNow.Add(-time.Hour))}, {ID: 2, Card: reviewCard(studyNow.Add(-2 * time.Hour))}}, ReviewLeft: 1},
			{Studied: []StudyItem{{ID: 3, Card: reviewCard(studyNow.Add(-time.Minute))}}, ReviewLeft: NoLimit},
		},
		newLeft: NoLimit, reviewLeft: NoLimit,
		wantDeck: 0, wantCard: 2, wantFrom: QueueReview,
		want:    StudyCounts{Review: 2},
		wantRev: 1, wantAhead: 1,
	},
	{
		name: "ReviewLimitOfAll",
		decks: []StudyDeck{
			{Studied: []StudyItem{{ID: 1, Card: reviewCard(studyNow.Add(-time.Hour))}, {ID: 2, Card: reviewCard(studyNow.Add(-2 * time.Hour))}}, ReviewLeft: NoLimit},
			{Studied: []StudyItem{{ID: 3, Card: reviewCard(studyNow.Add(-3 * time.Hour))}}, ReviewLeft: NoLimit},
		},
		newLeft: NoLimit, reviewLeft: 2,
		wantDeck: 1, wantCard: 3, wantFrom: QueueReview,
		want:    StudyCounts{Review: 2},
		wantRev: 1, wantAhead: 1,
	},
	{
		name: "NewDeckByDeckWithinLimits",
		decks: []StudyDeck{
			{New: newItem(1), NewAvailable: 3, NewLeft: 0, ReviewLeft: NoLimit},
			{New: newItem(2), NewAvailable: 3, NewLeft: 2, ReviewLeft: NoLimit},
			{New: newItem(3), NewAvailable: 4, NewLeft: 4, ReviewLeft: NoLimit},
		},
		newLeft: 5, reviewLeft: NoLimit,
		wantDeck: 1, wantCard: 2, wantFrom: QueueNew,
		want:         StudyCounts{New: 5},
		wantNewLater: 5, wantAhead: 5,
	},
	{
		name: "NewLimitOfAllReached",
		decks: []StudyDeck{
			{New: newItem(1), NewAvailable: 3, NewLeft: 3, ReviewLeft: NoLimit},
		},
		newLeft: 0, reviewLeft: NoLimit,
		wantDeck:     -1,
		wantNewLater: 3, wantAhead: 3,
	},
	{
		name: "AheadShowsHeldBackReviewsFirst",
		decks: []StudyDeck{
			{Studied: []StudyItem{
				{ID: 1, Card: reviewCard(studyNow.Add(-time.Hour))},
				{ID: 2, Card: reviewCard(time.Date(2026, 5, 12, 9, 0, 0, 0, time.UTC))},
			}, New: newItem(3), NewAvailable: 1, NewLeft: 0, ReviewLeft: 0},
		},
		newLeft: NoLimit, reviewLeft: NoLimit, ahead: true,
		wantDeck: 0, wantCard: 1, wantFrom: QueueAhead,
		wantNewLater: 1, wantRev: 1, wantAhead: 3,
	},
}

func TestScheduler_QueueDecks(t *testing.T) {
	s := fsrsScheduler(t, DefaultSchedulerConfig())
	for _, tt := range queueDecksTests {
		t.Run(tt.name, func(t *testing.T) {
			q := s.QueueDecks(tt.decks, studyNow, tt.newLeft, tt.reviewLeft, tt.ahead)
			var card int64
			if q.Deck >= 0 {
				card = q.Card.ID
			}
			if q.Deck != tt.wantDeck || card != tt.wantCard || q.From != tt.wantFrom {
				t.Errorf("next = deck %d card %d from %v, want deck %d card %d from %v", q.Deck, card, q.From, tt.wantDeck, tt.wantCard, tt.wantFrom)
			}
			if q.Counts != tt.want {
				t.Errorf("counts = %+v, want %+v", q.Counts, tt.want)
			}
			if q.NewLater != tt.wantNewLater || q.ReviewLater != tt.wantRev || q.Ahead != tt.wantAhead {
				t.Errorf("new later %d, reviews later %d, ahead %d; want %d, %d, %d", q.NewLater, q.ReviewLater, q.Ahead, tt.wantNewLater, tt.wantRev, tt.wantAhead)
			}
		})
	}
}
