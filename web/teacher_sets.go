package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/a-h/templ"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
	"factdrill/views"
)

// teacherSetShow is a set seen by a teacher: a page of its questions (those
// matching a search, if one is asked) with their answers and sources. It
// reads only the page's questions, so that a set of thousands costs what
// one of twenty does.
func (s *Server) teacherSetShow(w http.ResponseWriter, r *http.Request, id int64) error {
	m, err := s.teacherSetModel(r, id)
	if err != nil {
		return err
	}
	s.render(w, r, views.TeacherSetView(m))
	return nil
}

// teacherSetModel is the teacher's page of set id, at the page and search
// of r's query.
func (s *Server) teacherSetModel(r *http.Request, id int64) (views.TeacherSetPage, error) {
	query := r.URL.Query()
	page, _ := strconv.Atoi(query.Get("page"))
	search := query.Get("q")
	info, qs, total, err := s.store.SetQuestionsPage(r.Context(), teacherOf(r).ID, id, search,
		db.Page{Offset: (max(page, 1) - 1) * setPageSize, Size: setPageSize})
	if err != nil {
		return views.TeacherSetPage{}, err
	}
	ctx, tc := r.Context(), teacherOf(r)
	stale, err := s.store.StaleAttempts(ctx, tc.ID, id)
	if err != nil {
		return views.TeacherSetPage{}, err
	}
	pending, err := s.store.PendingMarks(ctx, tc.ID, id)
	if err != nil {
		return views.TeacherSetPage{}, err
	}
	warns, err := s.store.SetWarnings(ctx, id)
	if err != nil {
		return views.TeacherSetPage{}, err
	}
	cardless, err := s.store.SetQuestionsOfKinds(r.Context(), teacherOf(r).ID, id, questions.Essay, questions.Description)
	if err != nil {
		return views.TeacherSetPage{}, err
	}
	m := views.TeacherSetPage{TeacherPage: s.tpage(r, info.Title, ""), Set: setRow(info), Description: info.Description,
		Spelling: info.Spelling, KeepOptionOrder: info.KeepOptionOrder, Warnings: fileProblems(warns),
		Search: search, Indexed: s.store.SearchIndexed(), Pager: views.NewPager(page, setPageSize, total, setRow(info).URL(), query)}
	if info.OwnerID == tc.ID {
		if m.ToRegrade, err = s.store.RegradeCount(ctx, tc.ID, id); err != nil {
			return views.TeacherSetPage{}, err
		}
	}
	for _, q := range cardless {
		m.CardsLeaveOut = append(m.CardsLeaveOut, questions.LeftOutOfCard(q.Position+1, q.Question))
	}
	for _, a := range stale {
		m.Stale = append(m.Stale, views.StaleAttempt{Student: a.Learner.DisplayName(), Class: a.ClassName, Started: a.StartedAt,
			Changed: a.Changed, Removed: a.Removed})
	}
	for _, q := range qs {
		tq := views.TeacherQuestion{ID: q.ID, Number: q.Position + 1, Question: q.Question, Right: quiz.RightAnswerText(q.Question),
			Pending: pending[q.ID]}
		if q.Kind != questions.Description {
			tq.GradingURL = views.GradingURL(id, q.ID, 0)
		}
		m.Questions = append(m.Questions, tq)
	}
	return m, nil
}

func (s *Server) setPublish(w http.ResponseWriter, r *http.Request, id int64) error {
	return s.setPublished(w, r, id, true)
}

func (s *Server) setUnpublish(w http.ResponseWriter, r *http.Request, id int64) error {
	return s.setPublished(w, r, id, false)
}

func (s *Server) setPublished(w http.ResponseWriter, r *http.Request, id int64, published bool) error {
	if err := s.store.SetPublished(r.Context(), teacherOf(r).ID, id, published); err != nil {
		return err
	}
	notice := "published"
	if !published {
		notice = "unpublished"
	}
	redirect(w, r, fmt.Sprintf("/teacher/sets/%d?notice=%s", id, notice))
	return nil
}

// setDelete deletes a set with its results.
func (s *Server) setDelete(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	if f.Get("confirm") != "yes" {
		// The box is required in the page; this is for a browser that
		// does not check it, or a form sent another way.
		return s.invalid(w, r, func() (templ.Component, error) {
			m, err := s.teacherSetModel(r, id)
			m.DeleteError = errUnconfirmed
			return views.TeacherSetView(m), err
		})
	}
	if err := s.store.DeleteSet(r.Context(), teacherOf(r).ID, id); err != nil {
		return err
	}
	redirect(w, r, "/teacher?notice=deleted")
	return nil
}
