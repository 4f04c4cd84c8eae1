// Package apkg reads and writes Anki's deck packages (.apkg, and whole
// collections as .colpkg or a bare .anki2 file) as factdrill question sets.
//
// Reading turns each card Anki made into questions the way the questions
// package reads Anki's plain-text notes, so that a deck exported either way
// gives the same questions:
//
//   - a card of a standard note type (Basic, Basic (and reversed card),
//     Basic (type in the answer), …) is a short answer: its front, as the
//     card's front template shows it, asks; the answer is the field the
//     template types in ({{type:Field}}), else the first field the back
//     template adds; further fields the back adds are the feedback;
//   - a card of a cloze note type is a cloze question for its deletion
//     number: {{cN::answer::hint}} becomes the blank (the hint after it in
//     parentheses), the other deletions show their answers, and the fields
//     the back adds (Back Extra) are the feedback. A number used in two
//     places gives a question for each place, as the text reader does.
//
// Note-type and field names are the user's to change, so nothing is decided
// by name: only by the note type's kind (standard or cloze) and what its
// templates show. What does not map (image occlusion, nested deletions,
// cards whose answer has no text, sounds, media that is not an image) is
// left out and said in Deck.Skipped, never dropped silently.
//
// Images a card shows become questions.Media, referred to from the HTML text
// by questions.MediaPath. The deck's review history comes back as Reviews,
// each tied to the question its card became, so that a learner's scheduler
// can start from it.
//
// A package is untrusted input: its zip is checked against limits on
// entries, sizes and compression ratio before anything is decompressed, its
// SQLite collection is copied to a temporary file, opened read-only with
// tight limits and checked with PRAGMA quick_check, and a package that fails
// any check is refused whole with a message for the user.
package apkg

import (
	"time"

	"factdrill/questions"
)

// Deck is what a package holds, as factdrill reads it.
type Deck struct {
	// Set holds the questions, in the order of the notes and then of their
	// cards, and the images they show. Its Title is the deck's name when
	// every card is in one deck (or its subdecks), else the file's name.
	Set questions.Set
	// Reviews is the deck's review history, oldest first, for the cards
	// that became questions.
	Reviews []Review
	// Skipped says, one line each, what the reader left out and why: notes
	// and cards that do not map, sounds, files that are not images.
	Skipped []string
}

// Review is one answer given in Anki (a row of its revlog), tied to the
// question the card became.
type Review struct {
	// Question is the index of the question in Deck.Set.Questions. A card
	// whose deletion is used in two places became two questions; its
	// reviews are given for each.
	Question int
	// CardID is Anki's id of the card reviewed.
	CardID int64
	// Time is when the answer was given (Anki's revlog id, in ms), in UTC.
	Time time.Time
	// Rating is the button pressed: 1 Again, 2 Hard, 3 Good, 4 Easy, or 0
	// when the card was rescheduled by hand rather than answered.
	Rating int
	// Kind says what sort of review it was.
	Kind ReviewKind
	// Interval is the interval the answer gave the card; LastInterval the
	// one it had before. Anki counts review intervals in days and learning
	// steps in seconds; both are durations here.
	Interval, LastInterval time.Duration
	// Ease is the ease factor after the answer, in permille (2500 is
	// 250%); 0 in learning, or the FSRS difficulty in newer collections.
	Ease int
	// Taken is how long the learner took to answer (Anki caps it, at 60 s
	// by default).
	Taken time.Duration
}

// ReviewKind is the kind of a review, as Anki's revlog type says.
type ReviewKind int

// The kinds of review, numbered as in Anki's revlog.
const (
	KindLearn       ReviewKind = 0 // a new card, or one in its learning steps
	KindReview      ReviewKind = 1 // a review of a learnt card
	KindRelearn     ReviewKind = 2 // a lapsed card in its relearning steps
	KindFiltered    ReviewKind = 3 // a review in a filtered ("cram") deck
	KindManual      ReviewKind = 4 // rescheduled by hand; no answer was given
	KindRescheduled ReviewKind = 5 // rescheduled in bulk (FSRS); no answer
)

// Answered reports whether the review was an answer to the card, as
// opposed to a change of its schedule made without showing it.
func (k ReviewKind) Answered() bool { return k <= KindFiltered }
