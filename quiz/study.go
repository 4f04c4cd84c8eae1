package quiz

import (
	"slices"
	"time"

	"factdrill/questions"
)

// This file is the study queue: given one learner's cards of a set, which
// card to show next and how many of each kind are left today. It follows
// Anki's order: learning and relearning cards due now, then review cards
// due today, then new cards up to the daily limit, and last the learning
// cards that fall due within LearnAhead, so that a session does not stop
// for a card due in a few minutes.

// LearnAhead is how soon a learning card may be shown before it is due when
// nothing else is left to study: Anki's "learn ahead limit".
const LearnAhead = 20 * time.Minute

// IsCard reports whether questions of kind k are studied as flashcards:
// every kind with a right answer to show on the back. Essays have none
// (a person marks them) and descriptions ask nothing.
func IsCard(k questions.Kind) bool { return k.Graded() }

// StudyItem is one card of a set as the study queue sees it.
type StudyItem struct {
	// ID identifies the card; it orders cards that are due at the same
	// time.
	ID int64
	// Card is the learner's schedule for the card; the zero Card is a card
	// never studied.
	Card Card
	// Suspended cards are never shown.
	Suspended bool
}

// Queue names where the card being studied comes from. The values are
// sent in forms, so they never change.
type Queue int

// The queues, in the order they are studied.
const (
	// QueueNone: nothing to study.
	QueueNone Queue = 0
	// QueueLearning holds learning and relearning cards due now (or within
	// LearnAhead once nothing else is left).
	QueueLearning Queue = 1
	// QueueReview holds review cards due today.
	QueueReview Queue = 2
	// QueueNew holds cards never studied, within the daily limit.
	QueueNew Queue = 3
	// QueueAhead holds cards studied before they are due, or new cards
	// beyond the daily limit, when the learner asks to study ahead.
	QueueAhead Queue = 4
)

var queueNames = [...]string{"none", "learning", "review", "new", "ahead"}

// String returns "none", "learning", "review", "new" or "ahead".
func (q Queue) String() string {
	if q >= 0 && int(q) < len(queueNames) {
		return queueNames[q]
	}
	return "none"
}

// StudyCounts are the numbers shown above a flashcard: the cards left to
// study now in each queue, as Anki shows them in blue, red and green.
type StudyCounts struct {
	New, Learning, Review int
}

// Total is the number of cards left.
func (c StudyCounts) Total() int { return c.New + c.Learning + c.Review }

// StudyQueue is where a learner stands in a set at one moment.
type StudyQueue struct {
	Counts StudyCounts
	// Next is the index, in the items given to Scheduler.Queue, of the card
	// to show; -1 when nothing is left to study.
	Next int
	// From is the queue Next comes from; QueueNone when there is none.
	From Queue
	// Available is, when nothing is left, the earliest moment a studied
	// card can be shown again: a learning card LearnAhead before it is due,
	// a review card at the start of the learner's day it is due. It is zero
	// when no studied card remains (all are new or suspended).
	Available time.Time
	// NewLater counts the new cards the daily limit holds back.
	NewLater int
	// Ahead counts the cards that studying ahead would show: studied cards
	// not due yet, and new cards beyond the limit.
	Ahead int
}

// Queue works out what to study in a set at now: QueueDecks for one deck
// with no limit of reviews. items are the set's cards in the set's order,
// which is the order new cards are introduced in; newLeft is how many new
// cards today's limit still allows. With ahead, once nothing is due, the
// queue goes on with the studied cards due soonest, and then with new
// cards beyond the limit.
func (s *Scheduler) Queue(items []StudyItem, now time.Time, newLeft int, ahead bool) StudyQueue {
	deck := StudyDeck{NewLeft: newLeft, ReviewLeft: NoLimit}
	for i, it := range items {
		switch {
		case it.Card.State != StateNew:
			deck.Studied = append(deck.Studied, it)
		case !it.Suspended:
			if deck.New == nil {
				deck.New = &items[i]
			}
			deck.NewAvailable++
		}
	}
	dq := s.QueueDecks([]StudyDeck{deck}, now, NoLimit, NoLimit, ahead)
	q := StudyQueue{Counts: dq.Counts, Next: -1, From: dq.From, Available: dq.Available, NewLater: dq.NewLater, Ahead: dq.Ahead}
	if dq.Deck >= 0 {
		q.Next = slices.IndexFunc(items, func(it StudyItem) bool { return it.ID == dq.Card.ID })
	}
	return q
}

// StudyOptions say what the learner asked the study page for besides the
// next card.
type StudyOptions struct {
	// Ahead goes on, once nothing is due, with the cards due soonest and
	// then new cards beyond the daily limit (Anki's "review ahead").
	Ahead bool
	// MoreNew lifts today's limit of new cards (Anki's "increase today's
	// new card limit").
	MoreNew bool
	// CardID asks for one card by its id, whatever the queue says: after
	// an undo, the card undone comes back.
	CardID int64
	// Pool asks for up to this many other flashcards of the card's set
	// beside it, whose answers make the options of a choice (see Choices).
	Pool int
}

// Plan decides what to study in a set at now: the queue of items (see
// Queue), with today's new cards limited to newPerDay less the introduced
// ones already (unless opt.MoreNew), and, when opt.CardID names one of
// items, that card in place of the queue's next, counted in the queue it
// belongs to. ok is false when opt.CardID names none of items.
func (s *Scheduler) Plan(items []StudyItem, now time.Time, newPerDay, introduced int, opt StudyOptions) (q StudyQueue, ok bool) {
	newLeft := newPerDay - introduced
	if opt.MoreNew {
		newLeft = len(items)
	}
	q = s.Queue(items, now, newLeft, opt.Ahead)
	if opt.CardID == 0 {
		return q, true
	}
	i := slices.IndexFunc(items, func(it StudyItem) bool { return it.ID == opt.CardID })
	if i < 0 {
		return q, false
	}
	if i != q.Next {
		q.Next, q.From = i, s.QueueOf(items[i].Card, now)
	}
	return q, true
}

// QueueOf is the queue a card shown out of turn (after an undo, say) is
// counted in.
func (s *Scheduler) QueueOf(c Card, now time.Time) Queue {
	switch {
	case c.State == StateNew:
		return QueueNew
	case !s.IsDue(c, now.Add(LearnAhead)):
		return QueueAhead
	case c.State == StateReview:
		return QueueReview
	}
	return QueueLearning
}

// availableAt is the earliest moment a studied card that is not due can be
// shown without studying ahead.
func (s *Scheduler) availableAt(c Card) time.Time {
	if c.State == StateReview || c.ScheduledDays > 0 {
		start, _ := s.DayBounds(c.Due)
		return start
	}
	return c.Due.Add(-LearnAhead)
}
