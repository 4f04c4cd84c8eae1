package web

import (
	"errors"
	"net/http"

	"factdrill/questions"
	"factdrill/views"
)

// setShow is a set's page: what it holds, and the learner's attempts at it.
// It reads the set's counts by kind, not its questions, so that its cost
// does not grow with the set.
func (s *Server) setShow(w http.ResponseWriter, r *http.Request, id int64) error {
	ctx := r.Context()
	info, counts, err := s.store.PublishedSetKinds(ctx, id)
	if errors.Is(err, questions.ErrNotFound) && learnerOf(r).ID != 0 {
		// A deck of the learner's own has its page here too.
		return s.deckShow(w, r, id)
	}
	if err != nil {
		return err
	}
	m := views.SetPage{Page: s.page(r, info.Title, "sets"), Set: setCard(info), Description: info.Description}
	for _, k := range questions.Kinds {
		if counts[k] > 0 {
			m.Kinds = append(m.Kinds, views.KindCount{Kind: k, Count: counts[k]})
		}
	}
	if l := learnerOf(r); l.ID != 0 {
		attempts, err := s.store.LearnerAttempts(ctx, l.ID)
		if err != nil {
			return err
		}
		for _, a := range attempts {
			if a.SetID != id {
				continue
			}
			c := attemptCard(a)
			if !a.Finished() && m.Open == nil {
				m.Open = &c
			} else if a.Finished() {
				m.Past = append(m.Past, c)
			}
		}
	}
	s.render(w, r, views.SetView(m))
	return nil
}
