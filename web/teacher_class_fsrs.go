package web

import (
	"fmt"
	"net/http"

	"factdrill/views"
)

// classMemoryShow is a class's memory model: the FSRS-6 weights fitted to
// its members' pooled flashcard answers, for those with too few of their
// own.
func (s *Server) classMemoryShow(w http.ResponseWriter, r *http.Request, id int64) error {
	ctx, tc := r.Context(), teacherOf(r)
	c, err := s.store.Class(ctx, tc.ID, id)
	if err != nil {
		return err
	}
	f, err := s.store.ClassFit(ctx, tc.ID, id)
	if err != nil {
		return err
	}
	m := views.ClassMemoryPage{
		TeacherPage: s.tpage(r, "Memory model of "+c.Name, ""), ClassID: c.ID, ClassName: c.Name, Members: c.Members,
		HasWeights: f.Weights != nil, Requested: f.Requested, Learners: f.Learners, Last: fitSummary(f.Last), Weights: weightRows(f.Weights),
	}
	s.render(w, r, views.ClassMemoryView(m))
	return nil
}

// classMemoryFit asks for the class's weights to be fitted to its members'
// pooled answers; the background work does it within a minute.
func (s *Server) classMemoryFit(w http.ResponseWriter, r *http.Request, id int64) error {
	if err := s.store.RequestClassFit(r.Context(), teacherOf(r).ID, id); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d/fsrs?notice=class-fit-requested", id))
	return nil
}

// classMemoryReset stops the class's weights being used: its members
// without weights of their own go back to the defaults.
func (s *Server) classMemoryReset(w http.ResponseWriter, r *http.Request, id int64) error {
	if err := s.store.ResetClassFit(r.Context(), teacherOf(r).ID, id); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/classes/%d/fsrs?notice=class-fsrs-reset", id))
	return nil
}
