package web

import (
	"fmt"
	"net/http"

	"factdrill/db"
	"factdrill/quiz"
	"factdrill/views"
)

// attemptResult shows a finished attempt: the score, and for each question
// the answer given, the right answer, feedback and the sentence it came
// from, as far as the attempt's review rules allow now. An attempt past
// its deadline is handed in first.
func (s *Server) attemptResult(w http.ResponseWriter, r *http.Request, id int64) error {
	ctx, l, now := r.Context(), learnerOf(r), s.now()
	a, rs, err := s.store.Responses(ctx, l.ID, id)
	if err != nil {
		return err
	}
	if a.Overdue(now) {
		return s.submitOverdue(w, r, id)
	}
	if !a.Finished() {
		redirect(w, r, fmt.Sprintf("/attempts/%d/finish", id))
		return nil
	}
	m := views.ResultPage{
		Page:      s.page(r, "Result: "+a.SetTitle, "sets"),
		AttemptID: a.ID, SetID: a.SetID, SetTitle: a.SetTitle, Score: a.Score, Finished: a.FinishedAt,
		TimeUp: a.FinishedBy == db.FinishedByDeadline, Reveal: a.Reveal(now), Later: a.Review.At(quiz.Closed), Closes: a.Closes,
	}
	switch {
	case a.SelfStudy():
		m.AgainURL = fmt.Sprintf("/sets/%d/attempts", a.SetID)
	default:
		la, err := s.store.LearnerAssignment(ctx, l.ID, a.AssignmentID)
		if err == nil && la.CanStart(now) {
			m.AgainURL = fmt.Sprintf("/assignments/%d/attempts", la.ID)
		}
	}
	for _, resp := range rs {
		it := resultItem(resp, m.Reveal)
		if a.SelfStudy() && resp.Answered && it.Grade.Graded && !it.Grade.Right() && resp.Question.Kind.Graded() {
			it.ClaimURL = fmt.Sprintf("/attempts/%d/questions/%d/claim", a.ID, resp.Position+1)
		}
		m.Items = append(m.Items, it)
	}
	s.render(w, r, views.ResultView(m))
	return nil
}

// resultItem is a response as result pages show it, with what reveal
// allows. The right answer is left out of the model, not only the page,
// when it may not be shown.
func resultItem(resp db.Response, reveal quiz.Reveal) views.ResultItem {
	q := resp.Question.Question
	it := views.ResultItem{
		Number:   resp.Position + 1,
		Question: q,
		Answered: resp.Answered,
		Given:    quiz.AnswerText(q, resp.Answer),
		Grade:    resp.Grade(),
		Reveal:   reveal,
	}
	if reveal.Right {
		it.Right = quiz.RightAnswerText(q)
	}
	if !reveal.Feedback {
		it.Grade.Feedback = nil
	}
	return it
}

// attemptFeedback shows, in an attempt whose assignment gives feedback
// during the attempt, the answer to question n checked, with what the
// review rules show during the attempt, before the student goes on. In
// any other attempt it leads back to the question.
func (s *Server) attemptFeedback(w http.ResponseWriter, r *http.Request) error {
	st, id, n, err := s.attemptStep(r)
	if err != nil {
		return err
	}
	a, now := st.Attempt, s.now()
	switch {
	case a.Overdue(now):
		return s.submitOverdue(w, r, id)
	case a.Finished():
		redirect(w, r, fmt.Sprintf("/attempts/%d/result", id))
		return nil
	case a.Feedback != db.FeedbackDuring || !st.Response.Answered:
		redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d", id, n))
		return nil
	}
	m := views.FeedbackPage{
		Page:      s.page(r, fmt.Sprintf("Question %d of %d", n, a.Count), "sets"),
		AttemptID: id, SetTitle: a.SetTitle, Count: a.Count,
		Item:    resultItem(st.Response, a.Reveal(now)),
		NextURL: fmt.Sprintf("/attempts/%d/questions/%d", id, n+1),
		Last:    n == a.Count,
		Timer:   views.Timer{Deadline: a.Deadline, Now: now},
	}
	if m.Last {
		m.NextURL = fmt.Sprintf("/attempts/%d/finish", id)
	}
	s.render(w, r, views.FeedbackView(m))
	return nil
}

// attemptClaim records the learner's "I was right" for question n of
// their finished self-study attempt, and shows the result again.
func (s *Server) attemptClaim(w http.ResponseWriter, r *http.Request) error {
	id, n, err := attemptPosition(r)
	if err != nil {
		return err
	}
	if err := s.store.ClaimRight(r.Context(), learnerOf(r).ID, id, n-1); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/attempts/%d/result?notice=claimed#q%d", id, n))
	return nil
}
