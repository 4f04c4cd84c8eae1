package web

import (
	"net/http"

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
		due, err := s.store.StudyDue(ctx, l.ID)
		if err != nil {
			return err
		}
		if due.Sets > 0 {
			m.Study = &views.StudyDue{Counts: due.StudyCounts, Sets: due.Sets}
		}
		decks, err := s.store.LearnerDecks(ctx, l.ID)
		if err != nil {
			return err
		}
		for _, d := range decks {
			m.Decks = append(m.Decks, setCard(d))
		}
		if m.Classes, err = s.homeClasses(r, l.ID); err != nil {
			return err
		}
	}
	s.render(w, r, views.Home(m))
	return nil
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

// homeClasses are the learner's classes with their assignments, for the
// home page.
func (s *Server) homeClasses(r *http.Request, learnerID int64) ([]views.HomeClass, error) {
	ctx := r.Context()
	classes, err := s.store.LearnerClasses(ctx, learnerID)
	if err != nil || len(classes) == 0 {
		return nil, err
	}
	as, err := s.store.LearnerAssignments(ctx, learnerID, 0)
	if err != nil {
		return nil, err
	}
	out := make([]views.HomeClass, len(classes))
	at := map[int64]int{}
	for i, c := range classes {
		out[i] = views.HomeClass{ID: c.ID, Name: c.Name}
		at[c.ID] = i
	}
	for _, a := range as {
		if i, ok := at[a.ClassID]; ok {
			out[i].Assignments = append(out[i].Assignments, studentAssignment(a, s.now()))
		}
	}
	return out, nil
}
