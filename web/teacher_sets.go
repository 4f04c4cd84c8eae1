package web

import (
	"fmt"
	"net/http"

	"factdrill/quiz"
	"factdrill/views"
)

// teacherSetShow is a set seen by a teacher: every question with its
// answer and source.
func (t *teacherSite) teacherSetShow(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	info, qs, err := t.store.TeacherSet(r.Context(), tc.ID, id)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	m := views.TeacherSetPage{TeacherPage: t.tpage(r, tc, info.Title, ""), Set: setRow(info), Description: info.Description}
	for i, q := range qs {
		m.Questions = append(m.Questions, views.TeacherQuestion{Number: i + 1, Question: q.Question, Right: quiz.RightAnswerText(q.Question)})
		if q.Source != nil {
			m.Generated++
		}
	}
	t.render(w, r, views.TeacherSetView(m))
}

func (t *teacherSite) setPublish(w http.ResponseWriter, r *http.Request) { t.setPublished(w, r, true) }
func (t *teacherSite) setUnpublish(w http.ResponseWriter, r *http.Request) {
	t.setPublished(w, r, false)
}

func (t *teacherSite) setPublished(w http.ResponseWriter, r *http.Request, published bool) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	if err := t.store.SetPublished(r.Context(), tc.ID, id, published); err != nil {
		t.fail(w, r, err)
		return
	}
	notice := "published"
	if !published {
		notice = "unpublished"
	}
	redirect(w, r, fmt.Sprintf("/teacher/sets/%d?notice=%s", id, notice))
}

// setDelete deletes a set with its results.
func (t *teacherSite) setDelete(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	if err := t.store.DeleteSet(r.Context(), tc.ID, id); err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, "/teacher?notice=deleted")
}
