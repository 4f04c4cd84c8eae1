package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
	"factdrill/views"
)

// maxAnswerLen caps typed answers; essays get more room.
const (
	maxAnswerLen = 2000
	maxEssayLen  = 50000
)

// attemptAnswer saves the answer to question n and moves where the button
// pressed says: the next or previous question, another one, or the finish
// page. The redirect is sent only after the answer is committed.
func (s *Server) attemptAnswer(w http.ResponseWriter, r *http.Request) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	st, id, n, err := s.attemptStep(r)
	if err != nil {
		return err
	}
	if st.Attempt.Finished() {
		redirect(w, r, fmt.Sprintf("/attempts/%d/result?notice=finished", id))
		return nil
	}
	answer, errs := answerFromForm(st.Response.Question.Question, f)
	// The flag is saved with the answer when the page showed its box
	// (flag-shown): unticked, a box sends nothing.
	flagShown, flag := f.Get("flag-shown") != "", f.Get("flag") != ""
	if flagShown {
		st.Response.Flagged = flag
	}
	if len(errs) > 0 {
		// Nothing is saved: the form comes back with what was typed.
		st.Response.Answer = answer
		s.renderStatus(w, r, http.StatusUnprocessableEntity, views.QuestionView(s.questionPage(r, st, errs)))
		return nil
	}
	nav, filter := f.Get("nav"), navFilter(r.URL.Query().Get("show"))
	if show, ok := strings.CutPrefix(nav, "show-"); ok {
		// Another list in the navigator: the same question, that list.
		nav, filter = "stay", navFilter(show)
	}
	next, finish := navigate(nav, n, st.Attempt.Count)
	if flagShown {
		err = s.store.SaveAnswerFlag(r.Context(), learnerOf(r).ID, id, n-1, answer, next-1, flag)
	} else {
		err = s.store.SaveAnswer(r.Context(), learnerOf(r).ID, id, n-1, answer, next-1)
	}
	switch {
	case errors.Is(err, questions.ErrConflict):
		// Finished in another tab, or submitted by its deadline: the
		// result says which.
		redirect(w, r, fmt.Sprintf("/attempts/%d/result", id))
	case errors.Is(err, questions.ErrUnavailable):
		// Not saved (the server's disk is full): the question again, with
		// what was typed, saying so.
		st.Response.Answer = answer
		w.Header().Set("Retry-After", strconv.Itoa(busyRetryAfter))
		s.renderStatus(w, r, http.StatusServiceUnavailable, views.QuestionView(s.questionPage(r, st, views.FieldErrors{"": notSaved(err)})))
	case err != nil:
		return err
	case st.Attempt.Feedback == db.FeedbackDuring && !answer.Empty() && (finish || next != n):
		// A class quiz with feedback during the attempt: see the answer
		// checked before going on (see attemptFeedback).
		redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d/feedback", id, n))
	case finish:
		redirect(w, r, fmt.Sprintf("/attempts/%d/finish", id))
	default:
		redirect(w, r, fmt.Sprintf("/attempts/%d/questions/%d", id, next)+views.Navigator{Filter: filter}.Query())
	}
	return nil
}

// notSaved is what a learner is told of an answer the server could not
// save: why, and that the answer is still in the form.
func notSaved(err error) string {
	why := questions.ErrorMessage(err)
	if errors.Is(err, db.ErrDiskFull) {
		why = "The server's disk is full."
	}
	return "Your answer was not saved. " + why + " It is still in the form below: try saving it again in a few minutes, or tell your teacher."
}

// navigate reads the button pressed on question n of count: the question
// to go to next, or whether to finish.
func navigate(nav string, n, count int) (next int, finish bool) {
	switch {
	case nav == "prev":
		return max(n-1, 1), false
	case nav == "finish":
		return n, true
	case nav == "stay":
		// The timer saves what is on the page just before the deadline.
		return n, false
	case strings.HasPrefix(nav, "goto-"):
		if k, err := strconv.Atoi(strings.TrimPrefix(nav, "goto-")); err == nil && k >= 1 && k <= count {
			return k, false
		}
		return n, false
	}
	return min(n+1, count), false // "next", or Enter in a text field
}

// answerFromForm reads the answer fields the question page posts for q's
// kind: the question page's form. Out-of-range choices are dropped; text
// that is too long, or not text, is a problem of the "text" field that the
// learner can fix (the answer is returned for the form).
func answerFromForm(q questions.Question, f map[string][]string) (quiz.Answer, views.FieldErrors) {
	var a quiz.Answer
	get := func(k string) string {
		if v := f[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	switch q.Kind {
	case questions.MultipleChoice:
		for _, v := range f["choice"] {
			i, err := strconv.Atoi(v)
			if err != nil || i < 0 || i >= len(q.Choices) {
				continue
			}
			a.Choices = append(a.Choices, i)
			if !q.Multiple {
				break
			}
		}
	case questions.TrueFalse:
		switch get("truth") {
		case "true":
			t := true
			a.True = &t
		case "false":
			f := false
			a.True = &f
		}
	case questions.ShortAnswer, questions.Cloze, questions.Numerical, questions.Essay:
		a.Text = get("text")
		limit := maxAnswerLen
		if q.Kind == questions.Essay {
			limit = maxEssayLen
		}
		if !utf8.ValidString(a.Text) {
			return quiz.Answer{}, views.FieldErrors{"text": "The answer is not valid text."}
		}
		if utf8.RuneCountInString(a.Text) > limit {
			return a, views.FieldErrors{"text": fmt.Sprintf("Your answer is longer than %d characters; please shorten it.", limit)}
		}
		if msg := quiz.NumberProblem(q, a.Text); msg != "" {
			return a, views.FieldErrors{"text": msg + " Nothing was saved."}
		}
	case questions.Matching:
		valid := map[string]bool{}
		for _, ans := range q.MatchAnswers() {
			valid[ans] = true
		}
		prompts := q.Prompts()
		a.Matches = make([]string, len(prompts))
		for i := range prompts {
			if v := get("match" + strconv.Itoa(i)); valid[v] {
				a.Matches[i] = v
			}
		}
	}
	return a, nil
}
