package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

// attemptQuestion shows question n (counting from 1) of an attempt, with
// the answer already given, if any.
func (s *Server) attemptQuestion(w http.ResponseWriter, r *http.Request) {
	id, n, err := attemptPosition(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lid, err := s.learnerID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	st, err := s.store.AttemptQuestion(r.Context(), lid, id, n-1)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if st.Attempt.Finished() {
		redirect(w, r, fmt.Sprintf("/attempts/%d/result?notice=finished", id))
		return
	}
	if st.Attempt.Feedback == db.FeedbackDuring && st.Response.Answered {
		// Checked already: the answer stands (web/class_feedback.go).
		redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d/feedback", id, n))
		return
	}
	s.render(w, r, views.QuestionView(questionPage(r, st, "")))
}

func questionPage(r *http.Request, st db.Step, errMsg string) views.QuestionPage {
	a, q := st.Attempt, st.Response.Question.Question
	return views.QuestionPage{
		Page:         views.Page{Title: fmt.Sprintf("Question %d of %d", st.Response.Position+1, a.Count), Notice: noticeText(r.URL.Query().Get("notice"))},
		AttemptID:    a.ID,
		SetTitle:     a.SetTitle,
		Number:       st.Response.Position + 1,
		Count:        a.Count,
		Answered:     st.Answered,
		Question:     q,
		Answer:       st.Response.Answer,
		MatchOptions: matchOptions(q),
		Error:        errMsg,
	}
}

// matchOptions lists a matching question's answers sorted, so that their
// order gives nothing away.
func matchOptions(q questions.Question) []string {
	if q.Kind != questions.Matching {
		return nil
	}
	opts := q.MatchAnswers()
	slices.Sort(opts)
	return opts
}

// attemptPosition reads the attempt id and the 1-based question number.
func attemptPosition(r *http.Request) (int64, int, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return 0, 0, err
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 {
		return 0, 0, questions.ErrNotFound
	}
	return id, n, nil
}
