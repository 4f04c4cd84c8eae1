package web

import (
	"net/http"
	"strconv"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sets, err := s.store.PublishedSets(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	l, ok, err := s.learner(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	m := views.HomePage{Page: s.page(r, "Study sets", "sets", l)}
	for _, set := range sets {
		m.Sets = append(m.Sets, setCard(set))
	}
	if ok {
		attempts, err := s.store.LearnerAttempts(ctx, l.ID)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, a := range attempts {
			if !a.Finished() {
				m.Open = append(m.Open, attemptCard(a))
			}
		}
	}
	s.render(w, r, views.Home(m))
}

// page fills in what every page shows about the visitor.
func (s *Server) page(r *http.Request, title, section string, l db.Learner) views.Page {
	p := views.Page{Title: title, Section: section, Notice: noticeText(r.URL.Query().Get("notice"))}
	p.Learner = l.Name
	return p
}

// notices are the one-off messages a redirect can ask the next page to
// show; only these keys are shown, so a link cannot put words in our mouth.
var notices = map[string]string{
	"name-saved": "Your name is saved.",
	"resumed":    "Welcome back: your progress is on this device now.",
	"finished":   "This quiz is already finished; here is your result.",
}

func noticeText(key string) string { return notices[key] }

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

// pathID reads a positive integer path value, or fails with 404.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, questions.ErrNotFound
	}
	return id, nil
}
