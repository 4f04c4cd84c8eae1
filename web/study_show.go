package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
	"factdrill/views"
)

// studyShow is the flashcard page of a set (or, with id 0, of all the
// learner's sets: "Study now"): the next card's front, or its back with
// ?show=1, or what is left to do when nothing is due. It changes nothing:
// a learner who never answered sees every card new.
func (s *Server) studyShow(w http.ResponseWriter, r *http.Request, id int64) error {
	q := r.URL.Query()
	mode, way := studyMode(q.Get("mode")), quiz.ParseWay(q.Get("way"))
	opt := quiz.StudyOptions{Ahead: mode == "ahead", MoreNew: mode == "more"}
	if way == quiz.WayLearn {
		opt.Pool = choicePool
	}
	if c := q.Get("card"); c != "" {
		var err error
		if opt.CardID, err = strconv.ParseInt(c, 10, 64); err != nil || opt.CardID <= 0 {
			return questions.ErrNotFound
		}
	}
	st, err := s.store.Study(r.Context(), learnerOf(r).ID, id, opt)
	if err != nil {
		return err
	}
	now := s.now()
	show := q.Get("show") == "1" && st.Card != nil
	shown := now
	if show {
		// The time taken counts from the front, which sent its time here.
		if ms, err := strconv.ParseInt(q.Get("shown"), 10, 64); err == nil {
			if t := time.UnixMilli(ms); !t.After(now) && now.Sub(t) < 24*time.Hour {
				shown = t
			}
		}
	}
	m := studyPage(st, mode, show, shown, now)
	m.Way = string(way)
	if st.Card != nil {
		askCard(&m, st, way, q, shown, now)
	}
	title := "Flashcards: " + st.Set.Title
	if id == 0 {
		title = "Study now: all your sets"
	} else if m.BackURL, m.BackTitle, err = s.setBack(r, st.Set); err != nil {
		return err
	}
	m.Page = s.page(r, title, "sets")
	m.Page.Notice = ""
	m.Message = studyNotices[q.Get("notice")]
	s.render(w, r, views.StudyView(m))
	return nil
}

// setBack is the page a learner studying the set's flashcards goes back
// to: the set's own page for a public set or the learner's deck, and for a
// teacher's set, which has no public page, the first of the learner's
// classes it is assigned to.
func (s *Server) setBack(r *http.Request, set db.SetInfo) (url, title string, err error) {
	url, title = fmt.Sprintf("/sets/%d", set.ID), set.Title
	if set.OwnerID == 0 {
		return url, title, nil
	}
	as, err := s.store.LearnerAssignments(r.Context(), learnerOf(r).ID, 0)
	if err != nil {
		return "", "", err
	}
	for _, a := range as {
		if a.SetID == set.ID {
			return fmt.Sprintf("/classes/%d", a.ClassID), a.ClassName, nil
		}
	}
	return url, title, nil
}

// choicePool is how many other cards of a set give the wrong options of a
// card asked as a choice.
const choicePool = 8

// askCard fills in how the card is asked in the way of studying: its
// options if it is a choice, and on the back the answer typed (typed) or
// chosen (pick), checked by the quiz's rules, with the rating it suggests.
func askCard(m *views.StudyPage, st db.Study, way quiz.Way, q url.Values, shown, now time.Time) {
	c := st.Card
	ask := quiz.AskFor(way, c.Question.Question, c.Card.State)
	m.Ask = string(ask)
	var right []bool
	if ask == quiz.AskChoice {
		var pool []string
		for _, p := range st.Pool {
			pool = append(pool, quiz.RightAnswerText(p))
		}
		var options []string
		options, right = quiz.Choices(c.Question.Question, pool, uint64(c.Question.ID)<<8+uint64(c.Card.Reps))
		for i, o := range options {
			m.Options = append(m.Options, views.StudyOption{Text: o, Right: right[i]})
		}
	}
	if !m.Show {
		return
	}
	taken := now.Sub(shown)
	switch {
	case ask == quiz.AskType && q.Has("typed"):
		typed := strings.TrimSpace(q.Get("typed"))
		g := quiz.GradeAnswer(c.Question.Question, quiz.Answer{Text: typed})
		m.Check = &views.StudyCheck{Given: typed, Verdict: verdict(g)}
		m.Suggested = int(quiz.SuggestRating(g, taken, false))
	case ask == quiz.AskChoice && q.Has("pick"):
		i, err := strconv.Atoi(q.Get("pick"))
		if err != nil || i < 0 || i >= len(m.Options) {
			return
		}
		m.Options[i].Picked = true
		g := quiz.Grade{Graded: true}
		if right[i] {
			g.Fraction = 1
		}
		m.Check = &views.StudyCheck{Given: m.Options[i].Text, Verdict: verdict(g)}
		m.Suggested = int(quiz.SuggestRating(g, taken, true))
	}
}

// verdict names a grade: "right", "partly" or "wrong".
func verdict(g quiz.Grade) string {
	switch {
	case g.Right():
		return "right"
	case g.Graded && g.Fraction > 0:
		return "partly"
	}
	return "wrong"
}

// studyMode keeps only the modes the study page knows: "ahead" (study
// cards before they are due) and "more" (new cards beyond today's limit).
func studyMode(v string) string {
	if v == "ahead" || v == "more" {
		return v
	}
	return ""
}

// studyURL is the study page of a set, with a mode and a notice key
// (either may be ""), and more name, value pairs.
func studyURL(setID int64, mode, notice string, kv ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			q.Set(kv[i], kv[i+1])
		}
	}
	if mode != "" {
		q.Set("mode", mode)
	}
	if notice != "" {
		q.Set("notice", notice)
	}
	u := studyBase(setID)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// studyBase is the study page of a set, or with 0 of all the learner's
// sets.
func studyBase(setID int64) string {
	if setID == 0 {
		return "/study"
	}
	return fmt.Sprintf("/sets/%d/study", setID)
}

// studyAllShow is "Study now": every card due in all the learner's sets.
func (s *Server) studyAllShow(w http.ResponseWriter, r *http.Request) error {
	return s.studyShow(w, r, 0)
}

// studyNotices are the one-off messages of the study pages, by the key a
// redirect passes; only these are shown.
var studyNotices = map[string]string{
	"undone":          "Your last answer is undone: here is the card again.",
	"nothing-to-undo": "There is no answer to undo: only your last flashcard answer, given today, can be taken back, once.",
	"answered":        "That card had already been answered (in another tab?), so the second answer was not counted.",
	"leech":           "You have forgotten that card many times, so it is marked as a leech. Try putting the answer in your own words, or suspend the card.",
	"suspended":       "The card is suspended: it will not come back until you restore it.",
	"restored":        "Your suspended cards are back in the set.",
	"saved":           "Your settings are saved.",
	"limits-saved":    "The limits of this set are saved.",
	"fit-requested":   "Your weights will be fitted to your answers within a minute.",
	"fsrs-reset":      "Your cards are scheduled with the default weights again.",
}

// studyPage builds the page from the study state: the card, its answer
// buttons with the interval each would give at now, or the end of the
// day's cards.
func studyPage(st db.Study, mode string, show bool, shown, now time.Time) views.StudyPage {
	m := views.StudyPage{
		SetID:         st.Set.ID,
		SetTitle:      st.Set.Title,
		Sets:          st.Sets,
		Counts:        st.Queue.Counts,
		Mode:          mode,
		Show:          show,
		ShownAt:       shown.UnixMilli(),
		UndoID:        st.UndoID,
		Suspended:     st.Suspended,
		TimeZoneSaved: st.Settings.Saved,
	}
	sched := st.Scheduler
	if st.Card == nil {
		m.Done = views.StudyDone{
			Empty:       st.Cards == 0 && st.Set.ID != 0,
			NextDue:     dueText(st.Queue.Available, now, st.Settings.Location()),
			NewLater:    st.Queue.NewLater,
			ReviewLater: st.Queue.ReviewLater,
			Ahead:       st.Queue.Ahead - st.Queue.NewLater,
		}
		return m
	}
	c, q := st.Card, st.Card.Question.Question
	m.From = st.From.String()
	m.CardSetID, m.CardSetTitle = st.CardSet.ID, st.CardSet.Title
	m.Card = &views.FlashCard{
		ID:       c.Question.ID,
		Reps:     c.Card.Reps,
		State:    c.Card.State.String(),
		Leech:    sched.Leech(c.Card),
		Question: q,
		Answer:   quiz.RightAnswerText(q),
		Feedback: backFeedback(q),
	}
	for i, next := range sched.Preview(c.Card, now, c.Question.ID) {
		r := quiz.Rating(i + 1)
		m.Buttons = append(m.Buttons, views.RatingButton{Rating: int(r), Name: r.String(), Interval: quiz.IntervalLabel(next, now)})
	}
	return m
}

// backFeedback is what the question's author wrote about the right answer,
// then about the question.
func backFeedback(q questions.Question) []string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	switch q.Kind {
	case questions.MultipleChoice:
		for _, c := range q.Choices {
			if c.Weight > 0 {
				add(c.Feedback)
			}
		}
	case questions.TrueFalse:
		if q.Truth {
			add(q.TrueFeedback)
		} else {
			add(q.FalseFeedback)
		}
	case questions.ShortAnswer, questions.Cloze:
		for _, c := range q.Answers {
			if c.Weight >= 100 {
				add(c.Feedback)
			}
		}
	case questions.Numerical:
		for _, n := range q.Numbers {
			if n.Weight >= 100 {
				add(n.Feedback)
			}
		}
	}
	add(q.Feedback)
	return out
}

// dueText says when a card falls due, in the learner's time zone: "in 8
// minutes, at 10:48", "tomorrow at 04:00", "on Thursday 3 December". It is
// "" for a zero time.
func dueText(at, now time.Time, loc *time.Location) string {
	if at.IsZero() {
		return ""
	}
	d := at.Sub(now)
	local, today := at.In(loc), now.In(loc)
	clock := local.Format("15:04")
	days := civilDays(local) - civilDays(today)
	switch {
	case d <= time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("in %d minutes, at %s", int(d.Round(time.Minute)/time.Minute), clock)
	case days == 0:
		h := int(d.Round(time.Hour) / time.Hour)
		if h == 1 {
			return "in about an hour, at " + clock
		}
		return fmt.Sprintf("in about %d hours, at %s", h, clock)
	case days == 1:
		return "tomorrow at " + clock
	case days < 7:
		return local.Format("on Monday at 15:04")
	}
	return local.Format("on Monday 2 January")
}

// civilDays is the number of the calendar day of t in its own location.
func civilDays(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}
