package web

import (
	"net/http"

	"factdrill/questions"
	"factdrill/views"
)

func (s *Server) setShow(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	info, qs, err := s.store.PublishedSet(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l, ok, err := s.learner(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m := views.SetPage{Page: s.page(r, info.Title, "sets", l), Set: setCard(info), Description: info.Description}
	counts := map[questions.Kind]int{}
	for _, q := range qs {
		counts[q.Kind]++
	}
	for _, k := range questions.Kinds {
		if counts[k] > 0 {
			m.Kinds = append(m.Kinds, views.KindCount{Kind: k, Count: counts[k]})
		}
	}
	if ok {
		attempts, err := s.store.LearnerAttempts(ctx, l.ID)
		if err != nil {
			s.fail(w, r, err)
			return
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
}
