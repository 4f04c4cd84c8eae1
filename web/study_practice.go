package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
	"factdrill/views"
)

// A practice test has practiceCards cards, practiceTime each.
const (
	practiceCards = 10
	practiceTime  = 30 * time.Second
	// practiceGrace is how late a test may come in and still be on time:
	// the page submits itself when the time is up, and the network takes
	// its time.
	practiceGrace = 30 * time.Second
)

// practiceShow is a timed practice test of the learner's studied cards in
// a set (or, with id 0, in all their sets): the cards due, then the
// weakest, each to answer by typing or choosing.
func (s *Server) practiceShow(w http.ResponseWriter, r *http.Request, setID int64) error {
	cards, err := s.store.PracticeTest(r.Context(), learnerOf(r).ID, setID, practiceCards)
	if err != nil {
		return err
	}
	m := views.PracticePage{Page: s.page(r, "Practice test", "sets"), Action: practiceURL(setID), Back: studyBase(setID),
		Started: s.now().UnixMilli(), Seconds: int(practiceTime/time.Second) * len(cards)}
	for i, c := range cards {
		m.Items = append(m.Items, practiceItem(i, c))
	}
	s.render(w, r, views.PracticeView(m))
	return nil
}

// practiceAllShow is practiceShow of all the learner's sets.
func (s *Server) practiceAllShow(w http.ResponseWriter, r *http.Request) error {
	return s.practiceShow(w, r, 0)
}

func practiceURL(setID int64) string { return studyBase(setID) + "/test" }

// practiceItem is card c as the test's i-th question.
func practiceItem(i int, c db.StudyCard) views.PracticeItem {
	q := c.Question.Question
	it := views.PracticeItem{Index: i, CardID: c.Question.ID, SetID: c.Question.SetID, Reps: c.Card.Reps, Question: q,
		Typed: quiz.Typeable(q), Multiple: q.Kind == questions.MultipleChoice && q.Multiple}
	switch q.Kind {
	case questions.MultipleChoice:
		for _, ch := range q.Choices {
			it.Options = append(it.Options, ch.Text)
		}
	case questions.TrueFalse:
		it.Options = []string{"True", "False"}
	}
	return it
}

// practiceSave grades a practice test and records each answer as a
// review of its card (quiz.TestRating): right Good, partly right Hard,
// wrong or blank Again; a test that comes in after its time counts its
// right answers as Hard. A card answered since the test began is not
// counted again (posting the test twice counts it once). It shows the
// result.
func (s *Server) practiceSave(w http.ResponseWriter, r *http.Request, setID int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	if setID != 0 {
		if _, err := s.store.Study(r.Context(), learnerOf(r).ID, setID, quiz.StudyOptions{}); err != nil {
			return err
		}
	}
	n, err := strconv.Atoi(f.Get("n"))
	if err != nil || n < 0 || n > practiceCards {
		return badRequest("The test does not say how many questions it had.")
	}
	started, err := strconv.ParseInt(f.Get("started"), 10, 64)
	if err != nil {
		return badRequest("The test does not say when it began.")
	}
	now := s.now()
	elapsed := now.Sub(time.UnixMilli(started))
	late := elapsed > time.Duration(n)*practiceTime+practiceGrace
	l, err := s.ensureLearner(w, r)
	if err != nil {
		return err
	}
	m := views.PracticePage{Page: s.page(r, "Practice test: your result", "sets"), Action: practiceURL(setID), Back: studyBase(setID),
		Result: &views.PracticeResult{Late: late, Total: n}}
	for i := range n {
		key := func(k string) string { return fmt.Sprintf("%s%d", k, i) }
		cardID, err1 := strconv.ParseInt(f.Get(key("c")), 10, 64)
		set, err2 := strconv.ParseInt(f.Get(key("s")), 10, 64)
		reps, err3 := strconv.Atoi(f.Get(key("r")))
		if errors.Join(err1, err2, err3) != nil {
			return badRequest("A question of the test does not say which card it is.")
		}
		c, err := s.store.Card(r.Context(), l.ID, cardID)
		if err != nil {
			return err
		}
		item := practiceItem(i, c)
		g, given := gradePractice(item, f[key("a")])
		rating := quiz.TestRating(g)
		if late && rating == quiz.RatingGood {
			rating = quiz.RatingHard
		}
		res := views.PracticeAnswer{Stem: c.Question.Question.Stem, Format: c.Question.Question.Format, Given: given,
			Right: quiz.RightAnswerText(c.Question.Question), Verdict: verdict(g), Rating: rating.String()}
		_, err = s.store.Review(r.Context(), db.ReviewInput{LearnerID: l.ID, SetID: set, QuestionID: cardID, Rating: rating,
			Reps: reps, Taken: elapsed / time.Duration(max(n, 1))})
		switch {
		case errors.Is(err, questions.ErrConflict):
			res.Rating = ""
		case err != nil:
			return err
		}
		if g.Right() {
			m.Result.Right++
		}
		m.Result.Answers = append(m.Result.Answers, res)
	}
	s.render(w, r, views.PracticeView(m))
	return nil
}

// practiceAllSave is practiceSave of all the learner's sets.
func (s *Server) practiceAllSave(w http.ResponseWriter, r *http.Request) error {
	return s.practiceSave(w, r, 0)
}

// gradePractice grades the values posted for a test question and says
// what they were, in words.
func gradePractice(it views.PracticeItem, values []string) (quiz.Grade, string) {
	q := it.Question
	var a quiz.Answer
	var given []string
	switch {
	case it.Typed:
		if len(values) > 0 {
			a.Text = strings.TrimSpace(values[0])
			given = append(given, a.Text)
		}
	case q.Kind == questions.TrueFalse:
		if len(values) > 0 && (values[0] == "0" || values[0] == "1") {
			truth := values[0] == "0"
			a.True = &truth
			given = append(given, it.Options[map[bool]int{true: 0, false: 1}[truth]])
		}
	case q.Kind == questions.MultipleChoice:
		for _, v := range values {
			if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < len(q.Choices) {
				a.Choices = append(a.Choices, i)
				given = append(given, q.Choices[i].Text)
			}
		}
	}
	if a.Empty() {
		return quiz.Grade{Graded: true}, ""
	}
	return quiz.GradeAnswer(q, a), strings.Join(given, ", ")
}
