package web

import (
	"cmp"
	"net/http"
	"slices"
	"time"

	"factdrill/db"
	"factdrill/views"
)

func (s *Server) home(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	sets, err := s.store.PublishedSets(ctx)
	if err != nil {
		return err
	}
	m := views.HomePage{Page: s.page(r, "Study sets", "sets")}
	for _, set := range sets {
		m.Sets = append(m.Sets, setCard(set))
	}
	if l := learnerOf(r); l.ID != 0 {
		attempts, err := s.store.LearnerAttempts(ctx, l.ID)
		if err != nil {
			return err
		}
		for _, a := range attempts {
			if !a.Finished() {
				m.Open = append(m.Open, attemptCard(a))
			}
		}
		as, err := s.store.LearnerAssignments(ctx, l.ID, 0)
		if err != nil {
			return err
		}
		m.Due = dueQuizzes(as, s.now())
		decks, err := s.store.LearnerDecks(ctx, l.ID)
		if err != nil {
			return err
		}
		for _, d := range decks {
			m.Decks = append(m.Decks, setCard(d))
		}
	}
	s.render(w, r, views.Home(m))
	return nil
}

// dueQuizzes are the class quizzes with a due or close date still ahead
// that the learner has not finished and may still take, soonest first.
func dueQuizzes(as []db.LearnerAssignment, now time.Time) []views.StudentAssignment {
	var due []views.StudentAssignment
	for _, a := range as {
		by := cmp.Or(a.Due, a.Closes)
		if by.IsZero() || a.Finished > 0 || !a.Published || (!a.Closes.IsZero() && !now.Before(a.Closes)) {
			continue
		}
		due = append(due, studentAssignment(a, now))
	}
	slices.SortStableFunc(due, func(x, y views.StudentAssignment) int {
		return cmp.Or(x.Due, x.Closes).Compare(cmp.Or(y.Due, y.Closes))
	})
	return due
}

// page fills in what every student page shows: the title, the learner's
// name and the notice a redirect asked for.
func (s *Server) page(r *http.Request, title, section string) views.Page {
	return views.Page{Title: title, Section: section, Learner: learnerOf(r).Name, Notice: noticeText(r)}
}

// notices are the one-off messages a redirect can ask the next page to
// show; only these keys are shown, so a link cannot put words in our mouth.
var notices = map[string]string{
	"name-saved":    "Your name is saved.",
	"resumed":       "Welcome back: your progress is on this device now.",
	"finished":      "This quiz is already finished; here is your result.",
	"claimed":       "Noted: that answer counts as right, as you said.",
	"deck-imported": "Your deck is imported. Study its cards here; only you can see it.",
	"deck-deleted":  "The deck is deleted, with your progress in it.",
}

func noticeText(r *http.Request) string { return notices[r.URL.Query().Get("notice")] }

func setCard(s db.SetInfo) views.SetCard {
	return views.SetCard{ID: s.ID, Title: s.Title, Origin: s.Origin, Questions: s.Questions}
}

func attemptCard(a db.Attempt) views.AttemptCard {
	c := views.AttemptCard{
		ID: a.ID, SetID: a.SetID, SetTitle: a.SetTitle, Position: a.Position, Count: a.Count,
		Answered: a.Answered, Finished: a.Finished(), When: a.StartedAt,
	}
	if c.Finished {
		c.Percent = a.Score.Percent()
		c.When = a.FinishedAt
	}
	return c
}
