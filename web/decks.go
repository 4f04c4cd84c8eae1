package web

import (
	"errors"
	"fmt"
	"net/http"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/questions/apkg"
	"factdrill/questions/formats"
	"factdrill/quiz"
	"factdrill/views"
)

// A learner's own decks: an Anki package imported into their own study, a
// set only they see (see db's decks.go), studied like any set.

// deckImportShow is the form to import an Anki deck.
func (s *Server) deckImportShow(w http.ResponseWriter, r *http.Request) error {
	s.render(w, r, views.DeckImportView(s.deckImportPage(r, true)))
	return nil
}

func (s *Server) deckImportPage(r *http.Request, history bool) views.DeckImportPage {
	return views.DeckImportPage{Page: s.page(r, "Import an Anki deck", "sets"), MaxMB: formats.MaxSize >> 20, History: history}
}

// deckImport reads an Anki package and stores it as a deck of the
// learner's own (a learner is made for a visitor not known yet), with its
// images and, when asked, the answers of its review history that were
// answers (apkg.ReviewKind.Answered), replayed into the learner's cards.
// A package that cannot be read is refused with the reason, and nothing
// is stored.
func (s *Server) deckImport(w http.ResponseWriter, r *http.Request) error {
	m := s.deckImportPage(r, true)
	refuse := func(status int, msg string, problems questions.ErrorList) error {
		m.Error, m.Problems = msg, fileProblems(problems)
		s.renderStatus(w, r, status, views.DeckImportView(m))
		return nil
	}
	name, f, size, err := formUpload(r, "deck")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig) || size > formats.MaxSize:
		return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("The deck is larger than %d MB.", formats.MaxSize>>20), nil)
	case errors.Is(err, http.ErrMissingFile):
		return refuse(http.StatusUnprocessableEntity, "Choose an Anki deck (.apkg) to import.", nil)
	case err != nil:
		return refuse(http.StatusBadRequest, "The upload could not be read; please try again.", nil)
	}
	defer f.Close()
	m.History = r.PostForm.Get("history") == "1"
	deck, err := apkg.Read(r.Context(), name, f, size)
	if err != nil {
		var list questions.ErrorList
		if !errors.As(err, &list) {
			return err
		}
		return refuse(http.StatusUnprocessableEntity, fmt.Sprintf("%s was not imported: %s.", name, views.Plural(len(list), "problem")), list)
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		return err
	}
	set := deck.Set
	set.Warnings = formats.Skipped(name, deck.Skipped)
	var reviews []db.DeckReview
	if m.History {
		reviews = deckReviews(deck.Reviews)
	}
	id, err := s.store.ImportDeck(r.Context(), l.ID, set, reviews)
	if err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/sets/%d?notice=deck-imported", id))
	return nil
}

// deckReviews are the answers of an Anki review history, for the
// learner's schedule: reviews that answered the card (not a reschedule by
// hand or in bulk), with the button pressed. A time taken of 0 is Anki's
// unknown.
func deckReviews(rs []apkg.Review) []db.DeckReview {
	var out []db.DeckReview
	for _, r := range rs {
		if !r.Kind.Answered() || r.Rating < int(quiz.RatingAgain) || r.Rating > int(quiz.RatingEasy) {
			continue
		}
		taken := r.Taken
		if taken <= 0 {
			taken = -1
		}
		out = append(out, db.DeckReview{Question: r.Question, Time: r.Time, Rating: quiz.Rating(r.Rating), Taken: taken})
	}
	return out
}

// deckShow is a learner's own deck, at the address of a set's page (see
// setShow): what it holds, what its import left out, and the ways to
// study or delete it. Anyone else's deck is not found.
func (s *Server) deckShow(w http.ResponseWriter, r *http.Request, id int64) error {
	info, qs, err := s.store.LearnerDeck(r.Context(), learnerOf(r).ID, id)
	if err != nil {
		return err
	}
	warns, err := s.store.SetWarnings(r.Context(), id)
	if err != nil {
		return err
	}
	m := views.DeckPage{Page: s.page(r, info.Title, "sets"), Set: setCard(info), Warnings: fileProblems(warns)}
	for _, q := range qs {
		if quiz.IsCard(q.Kind) {
			m.Cards++
		}
	}
	s.render(w, r, views.DeckView(m))
	return nil
}

// deckDelete deletes the learner's own deck, with their cards and answers
// in it, once the box saying so is ticked.
func (s *Server) deckDelete(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	if f.Get("confirm") != "yes" {
		return badRequest("Tick the box to say the deck and your progress in it are to be deleted.")
	}
	if err := s.store.DeleteDeck(r.Context(), learnerOf(r).ID, id); err != nil {
		return err
	}
	redirect(w, r, "/?notice=deck-deleted")
	return nil
}
