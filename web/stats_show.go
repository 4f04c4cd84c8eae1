package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
	"factdrill/views"
)

// statsWeeks is how far back the review calendar goes.
const statsWeeks = 26

// statsShow is the learner's statistics page, for all sets or one
// (?set=ID): reviews per day, cards due, true retention and cards by state.
func (s *Server) statsShow(w http.ResponseWriter, r *http.Request) error {
	l := learnerOf(r)
	m := views.StatsPage{Page: s.page(r, "Your statistics", "stats"), Known: l.ID != 0}
	if v := r.URL.Query().Get("set"); v != "" && v != "0" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 0 {
			return questions.ErrNotFound
		}
		m.SetID = id
	}
	if m.Known {
		st, err := s.store.StudyStats(r.Context(), l.ID, m.SetID, statsWeeks*7)
		if err != nil {
			return err
		}
		statsPage(&m, st)
	}
	s.render(w, r, views.StatsView(m))
	return nil
}

// statsPage turns the figures into the page's charts and words.
func statsPage(m *views.StatsPage, st db.StudyStats) {
	for _, set := range st.Sets {
		m.Sets = append(m.Sets, setCard(set))
	}
	m.Reviews, m.ReviewsToday, m.Streak = st.Reviews, st.ReviewsToday, st.Streak
	m.TimeToday = "nothing yet today"
	if st.ReviewsToday > 0 {
		m.TimeToday = "in " + durationText(st.TimeToday)
	}
	m.Desired = percent(st.Settings.DesiredRetention)

	// The calendar, and its busiest day in words.
	var total, active int
	busiest := -1
	for i, d := range st.Days {
		day := views.HeatDay{
			Date:    d.Date.Format("2006-01-02"),
			Label:   d.Date.Format("Mon 2 Jan 2006"),
			Weekday: (int(d.Date.Weekday()) + 6) % 7,
			Reviews: d.Reviews,
			Today:   d.Day == st.Today,
		}
		if d.Date.Day() == 1 || i == 0 {
			day.Month = d.Date.Format("Jan")
		}
		m.Calendar.Days = append(m.Calendar.Days, day)
		total += d.Reviews
		if d.Reviews > 0 {
			active++
			if busiest < 0 || d.Reviews > st.Days[busiest].Reviews {
				busiest = i
			}
		}
	}
	m.Calendar.Summary = fmt.Sprintf("%s on %s in the last %d weeks.", views.Plural(total, "answer"), views.Plural(active, "day"), statsWeeks)
	if busiest >= 0 {
		m.Calendar.Summary += fmt.Sprintf(" The busiest day was %s, with %s.", m.Calendar.Days[busiest].Label, views.Plural(st.Days[busiest].Reviews, "answer"))
	}

	// Cards due in the next 30 days.
	due := views.BarChart{Title: "Cards due in the next 30 days", Unit: ""}
	dueTotal := 0
	for i, n := range st.Due {
		date := time.Unix(int64(st.Today+i)*86400, 0).UTC()
		label := date.Format("2 Jan")
		switch i {
		case 0:
			label = "Today"
		case 1:
			label = "Tomorrow"
		}
		b := views.Bar{Label: label, Value: float64(n), Text: views.Plural(n, "card")}
		if i == 0 {
			b.Class = "today"
		}
		due.Bars = append(due.Bars, b)
		dueTotal += n
	}
	due.Summary = fmt.Sprintf("%s due in the next 30 days, %d of them today (overdue cards included).", views.Plural(dueTotal, "card"), st.Due[0])
	due.Desc = due.Summary
	m.Due = due

	// True retention by card age.
	ret := views.BarChart{
		Title: "True retention by card age", Unit: "%", Max: 100,
		Target: st.Settings.DesiredRetention * 100, TargetLabel: "aim " + m.Desired,
	}
	var reviews, passed int
	for _, b := range st.Retention {
		bar := views.Bar{Label: b.Label, Axis: retentionAxis[b.MinDays], Value: b.Rate() * 100}
		switch {
		case b.Reviews == 0:
			bar.Class, bar.Text = "empty", "no review answers yet"
		default:
			bar.Text = fmt.Sprintf("%s of %d", percent(b.Rate()), b.Reviews)
			if b.Rate() < st.Settings.DesiredRetention-0.05 {
				bar.Class = "weak"
			}
		}
		ret.Bars = append(ret.Bars, bar)
		reviews += b.Reviews
		passed += b.Passed
	}
	if reviews > 0 {
		m.RetentionAll = percent(float64(passed) / float64(reviews))
		ret.Summary = fmt.Sprintf("Of %s, you remembered %s (%d); you aim at %s.", views.Plural(reviews, "review answer"), m.RetentionAll, passed, m.Desired)
	} else {
		ret.Summary = "No review answers yet: retention counts answers to cards you have already learned, from their first interval on."
	}
	ret.Desc = ret.Summary
	m.Retention = ret

	sc := st.States
	m.States = []views.StateSlice{
		{Name: "New", Class: "new", Count: sc.New, Note: "not studied yet"},
		{Name: "Learning", Class: "learning", Count: sc.Learning, Note: "in the first steps"},
		{Name: "Relearning", Class: "relearning", Count: sc.Relearning, Note: "forgotten, being learned again"},
		{Name: "Young", Class: "young", Count: sc.Young, Note: fmt.Sprintf("intervals under %d days", quiz.MatureDays)},
		{Name: "Mature", Class: "mature", Count: sc.Mature, Note: fmt.Sprintf("intervals of %d days or more", quiz.MatureDays)},
		{Name: "Suspended", Class: "suspended", Count: sc.Suspended, Note: "set aside by you"},
	}
}

// retentionAxis labels the retention chart's bars on two short lines, by
// the first day of each age bucket.
var retentionAxis = map[int][]string{
	0:   {"first", "week"},
	7:   {"1–4", "weeks"},
	28:  {"1–3", "months"},
	91:  {"3–12", "months"},
	365: {"over a", "year"},
}

func percent(v float64) string { return strconv.Itoa(int(v*100+0.5)) + "%" }

// durationText is a study time in words: "under a minute", "4 minutes",
// "1 h 20 min".
func durationText(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "under a minute"
	case d < time.Hour:
		return views.Plural(int(d.Round(time.Minute)/time.Minute), "minute")
	}
	d = d.Round(time.Minute)
	return fmt.Sprintf("%d h %02d min", int(d/time.Hour), int(d%time.Hour/time.Minute))
}
