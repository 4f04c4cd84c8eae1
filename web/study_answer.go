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
// answer is committed. The form carries the card, its number of answers
// when shown (so a second tab or a double click does not answer twice),
// the time it was shown, and the browser's time zone for a learner who has
// not chosen one.
func (s *Server) studyAnswer(w http.ResponseWriter, r *http.Request) {
	setID, err := pathID(r, "id")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, err)
		return
	}
	f := r.PostForm
	mode := studyMode(f.Get("mode"))
	rating, err := quiz.ParseRating(f.Get("rating"))
	if err != nil {
		s.fail(w, r, badRequest("Answer with Again, Hard, Good or Easy."))
		return
	}
	card, err := strconv.ParseInt(f.Get("card"), 10, 64)
	if err != nil || card <= 0 {
		s.fail(w, r, badRequest("The answer does not say which card it is for."))
		return
	}
	reps := -1
	if v := f.Get("reps"); v != "" {
		if reps, err = strconv.Atoi(v); err != nil || reps < 0 {
			s.fail(w, r, badRequest("The answer's card state is not a number."))
			return
		}
	}
	now := s.now()
	taken := time.Duration(-1)
	if ms, err := strconv.ParseInt(f.Get("shown"), 10, 64); err == nil {
		if d := now.Sub(time.UnixMilli(ms)); d >= 0 && d < 24*time.Hour {
			taken = d
		}
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.store.Review(r.Context(), db.ReviewInput{
		LearnerID: l.ID, SetID: setID, QuestionID: card, Rating: rating,
		Reps: reps, Taken: taken, TimeZone: f.Get("tz"),
	})
	if errors.Is(err, questions.ErrConflict) {
		redirect(w, r, studyURL(setID, mode, "answered"))
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	notice := ""
	if res.Leech {
		notice = "leech"
	}
	redirect(w, r, studyURL(setID, mode, notice))
}
