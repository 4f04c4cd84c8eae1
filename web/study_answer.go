package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
)

// studyAnswer records a flashcard answer (Again, Hard, Good or Easy) and
// sends the browser back to the study page for the next card, once the
// answer is committed. With setID 0 (studying all the learner's sets) the
// form says which set the card was studied in. The form carries the card, its number of answers
// when shown (so a second tab or a double click does not answer twice),
// the time it was shown, and the browser's time zone for a learner who has
// not chosen one. Its fields are the page's, not typed: one that does not
// read is a bad request.
func (s *Server) studyAnswer(w http.ResponseWriter, r *http.Request, setID int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	mode, way := studyMode(f.Get("mode")), string(quiz.ParseWay(f.Get("way")))
	page := setID
	if setID == 0 {
		if setID, err = strconv.ParseInt(f.Get("set"), 10, 64); err != nil || setID <= 0 {
			return badRequest("The answer does not say which set the card is from.")
		}
	}
	rating, err := quiz.ParseRating(f.Get("rating"))
	if err != nil {
		return badRequest("Answer with Again, Hard, Good or Easy.")
	}
	card, err := formCard(f.Get("card"))
	if err != nil {
		return err
	}
	reps := -1
	if v := f.Get("reps"); v != "" {
		if reps, err = strconv.Atoi(v); err != nil || reps < 0 {
			return badRequest("The answer's card state is not a number.")
		}
	}
	taken := time.Duration(-1)
	if ms, err := strconv.ParseInt(f.Get("shown"), 10, 64); err == nil {
		if d := s.now().Sub(time.UnixMilli(ms)); d >= 0 && d < 24*time.Hour {
			taken = d
		}
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		return err
	}
	res, err := s.store.Review(r.Context(), db.ReviewInput{
		LearnerID: l.ID, SetID: setID, QuestionID: card, Rating: rating,
		Reps: reps, Taken: taken, TimeZone: f.Get("tz"),
	})
	switch {
	case errors.Is(err, questions.ErrConflict):
		redirect(w, r, studyURL(page, mode, "answered", "way", way))
	case err != nil:
		return err
	case res.Leech:
		redirect(w, r, studyURL(page, mode, "leech", "way", way))
	default:
		redirect(w, r, studyURL(page, mode, "", "way", way))
	}
	return nil
}

// studyAllAnswer is studyAnswer for "Study now".
func (s *Server) studyAllAnswer(w http.ResponseWriter, r *http.Request) error {
	return s.studyAnswer(w, r, 0)
}

// formCard reads the card a study form is about: a question id.
func formCard(v string) (int64, error) {
	card, err := strconv.ParseInt(v, 10, 64)
	if err != nil || card <= 0 {
		return 0, badRequest("The request does not say which card it is about.")
	}
	return card, nil
}
