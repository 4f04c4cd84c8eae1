package web

import (
	"errors"
	"net/http"
	"strconv"

	"factdrill/questions"
	"factdrill/quiz"
)

// studyUndo takes back the learner's last flashcard answer in the set and
// shows that card again. The form names the answer it takes back (review),
// so that posting it twice (a double click, a key held down, a retried
// request) takes back that answer once and nothing before it.
func (s *Server) studyUndo(w http.ResponseWriter, r *http.Request, setID int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	mode := studyMode(f.Get("mode"))
	lid := learnerOf(r).ID
	review, _ := strconv.ParseInt(f.Get("review"), 10, 64)
	if lid == 0 || review <= 0 {
		redirect(w, r, studyURL(setID, mode, "nothing-to-undo"))
		return nil
	}
	qid, err := s.store.UndoReview(r.Context(), lid, setID, review)
	switch {
	case errors.Is(err, questions.ErrNotFound) || errors.Is(err, questions.ErrConflict):
		redirect(w, r, studyURL(setID, mode, "nothing-to-undo"))
	case err != nil:
		return err
	default:
		redirect(w, r, studyURL(setID, mode, "undone", "card", strconv.FormatInt(qid, 10), "way", string(quiz.ParseWay(f.Get("way")))))
	}
	return nil
}

// studyAllUndo is studyUndo for "Study now": the last answer in any set.
func (s *Server) studyAllUndo(w http.ResponseWriter, r *http.Request) error {
	return s.studyUndo(w, r, 0)
}

// studySuspend takes the card shown out of the learner's study of the set,
// until they restore it. The form's back=all returns to "Study now".
func (s *Server) studySuspend(w http.ResponseWriter, r *http.Request, setID int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	card, err := formCard(f.Get("card"))
	if err != nil {
		return err
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		return err
	}
	if err := s.store.SuspendCard(r.Context(), l.ID, setID, card, true); err != nil {
		return err
	}
	if f.Get("back") == "all" {
		setID = 0
	}
	redirect(w, r, studyURL(setID, studyMode(f.Get("mode")), "suspended"))
	return nil
}

// studyUnsuspend puts every suspended card of the set back into study.
func (s *Server) studyUnsuspend(w http.ResponseWriter, r *http.Request, setID int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	if lid := learnerOf(r).ID; lid != 0 {
		if _, err := s.store.UnsuspendAll(r.Context(), lid, setID); err != nil {
			return err
		}
	}
	redirect(w, r, studyURL(setID, studyMode(f.Get("mode")), "restored"))
	return nil
}
