package quiz

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// This file is the study queue of several decks at once (a learner's
// "Study now" across their sets, or one set): Anki's order, with today's
// limits of new cards and reviews for each deck and for all of them
// together. A deck gives the queue only what it needs: its studied cards,
// its first new card, and how many new cards it has; so a queue costs
// what the learner has studied, not the size of the decks.

// StudyDeck is one deck (a set) of cards as the study queue sees it.
type StudyDeck struct {
	// Studied are the deck's cards that are not new, in any order;
	// suspended ones are never shown.
	Studied []StudyItem
	// New is the deck's first new card in the order cards are introduced;
	// nil when it has none. NewAvailable counts its new cards (not
	// suspended).
	New          *StudyItem
	NewAvailable int
	// NewLeft and ReviewLeft are the new cards and review cards today's
	// limits of the deck still allow.
	NewLeft, ReviewLeft int
}

// NoLimit is a limit that never binds.
const NoLimit = math.MaxInt32

// DeckQueue is where a learner stands in decks at one moment.
type DeckQueue struct {
	Counts StudyCounts
	// Deck is the index of the deck of the card to show, Card that card;
	// Deck is -1 when nothing is left to study.
	Deck int
	Card StudyItem
	// From is the queue Card comes from; QueueNone when there is none.
	From Queue
	// Available is, when nothing is left, the earliest moment a studied
	// card can be shown again (see StudyQueue.Available).
	Available time.Time
	// NewLater counts the new cards the limits hold back; ReviewLater the
	// review cards due that the limits hold back.
	NewLater, ReviewLater int
	// Ahead counts the cards that studying ahead would show: review cards
	// held back, studied cards not due yet, and new cards held back.
	Ahead int
}

// deckItem is a studied card with its deck.
type deckItem struct {
	deck int
	item StudyItem
}

// QueueDecks works out what to study in decks at now, with newLeft new
// cards and reviewLeft review cards left in today's limits for all decks
// together (NoLimit for none). Learning cards due now come first, from
// any deck, then review cards due today (each deck's up to its limit, and
// all of them up to reviewLeft, soonest due first), then new cards, deck
// by deck in the order given, each up to its limit and all up to
// newLeft; last the learning cards that fall due within LearnAhead. With
// ahead, once nothing is due, the queue goes on with the review cards the
// limits held back, then the studied cards due soonest, then new cards
// beyond the limits.
func (s *Scheduler) QueueDecks(decks []StudyDeck, now time.Time, newLeft, reviewLeft int, ahead bool) DeckQueue {
	q := DeckQueue{Deck: -1}
	cutoff := now.Add(LearnAhead)
	var learningNow, learningSoon, review, heldBack, notDue []deckItem
	newNow, newAvail := 0, 0
	for d, deck := range decks {
		var due []deckItem
		for _, it := range deck.Studied {
			c := it.Card
			switch {
			case it.Suspended || c.State == StateNew:
			case s.IsDue(c, now):
				if c.State == StateReview {
					due = append(due, deckItem{d, it})
				} else {
					learningNow = append(learningNow, deckItem{d, it})
				}
			case c.State != StateReview && c.ScheduledDays == 0 && !cutoff.Before(c.Due):
				learningSoon = append(learningSoon, deckItem{d, it})
			default:
				notDue = append(notDue, deckItem{d, it})
			}
		}
		slices.SortStableFunc(due, byDue)
		n := min(max(deck.ReviewLeft, 0), len(due))
		review, heldBack = append(review, due[:n]...), append(heldBack, due[n:]...)
		newNow += min(max(deck.NewLeft, 0), deck.NewAvailable)
		newAvail += deck.NewAvailable
	}
	for _, l := range [][]deckItem{learningNow, learningSoon, review, notDue} {
		slices.SortStableFunc(l, byDue)
	}
	if n := min(max(reviewLeft, 0), len(review)); n < len(review) {
		heldBack = append(heldBack, review[n:]...)
		review = review[:n]
		slices.SortStableFunc(heldBack, byDue)
	}
	slices.SortStableFunc(heldBack, byDue)
	newNow = min(newNow, max(newLeft, 0))

	q.Counts = StudyCounts{New: newNow, Learning: len(learningNow) + len(learningSoon), Review: len(review)}
	q.NewLater, q.ReviewLater = newAvail-newNow, len(heldBack)
	q.Ahead = q.ReviewLater + len(notDue) + q.NewLater

	pick := func(it deckItem, from Queue) {
		if it.deck >= 0 {
			q.Deck, q.Card, q.From = it.deck, it.item, from
		}
	}
	switch {
	case len(learningNow) > 0:
		pick(learningNow[0], QueueLearning)
	case len(review) > 0:
		pick(review[0], QueueReview)
	case newNow > 0:
		pick(s.firstNew(decks, true), QueueNew)
	case len(learningSoon) > 0:
		pick(learningSoon[0], QueueLearning)
	case ahead && len(heldBack) > 0:
		pick(heldBack[0], QueueAhead)
	case ahead && len(notDue) > 0:
		pick(notDue[0], QueueAhead)
	case ahead && q.NewLater > 0:
		pick(s.firstNew(decks, false), QueueAhead)
	}
	if q.Deck < 0 {
		for _, it := range notDue {
			if at := s.availableAt(it.item.Card); q.Available.IsZero() || at.Before(q.Available) {
				q.Available = at
			}
		}
	}
	return q
}

// firstNew is the first new card of the first deck that has one: with
// allowed, of the first deck whose limit allows one.
func (s *Scheduler) firstNew(decks []StudyDeck, allowed bool) deckItem {
	for d, deck := range decks {
		if deck.New != nil && deck.NewAvailable > 0 && (!allowed || deck.NewLeft > 0) {
			return deckItem{d, *deck.New}
		}
	}
	return deckItem{deck: -1}
}

func byDue(a, b deckItem) int {
	if c := a.item.Card.Due.Compare(b.item.Card.Due); c != 0 {
		return c
	}
	return cmp.Compare(a.item.ID, b.item.ID)
}
