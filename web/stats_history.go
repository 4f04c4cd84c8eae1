package web

import (
	"fmt"
	stdhtml "html"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
	"factdrill/views"
)

// historyPageSize is the answers on a page of the review history.
const historyPageSize = 50

// historyShow is the learner's review history, newest first, a page at a
// time (?before=ID, the last answer of the page before): each page reads
// its own answers only, however long the log.
func (s *Server) historyShow(w http.ResponseWriter, r *http.Request) error {
	l := learnerOf(r)
	m := views.HistoryPage{Page: s.page(r, "Your answers", "stats")}
	var before int64
	if v := r.URL.Query().Get("before"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return questions.ErrNotFound
		}
		before, m.Newest = id, true
	}
	if l.ID == 0 {
		if before != 0 {
			return questions.ErrNotFound
		}
		s.render(w, r, views.HistoryView(m))
		return nil
	}
	page, err := s.store.ReviewHistory(r.Context(), l.ID, before, historyPageSize)
	if err != nil {
		return err
	}
	st, err := s.store.StudySettings(r.Context(), l.ID)
	if err != nil {
		return err
	}
	tz, err := time.LoadLocation(st.TimeZone)
	if err != nil {
		tz = time.UTC // a zone this system does not know: times in UTC
	}
	for _, e := range page.Entries {
		m.Entries = append(m.Entries, historyRow(e, tz))
	}
	if page.Older != 0 {
		m.Older = "/stats/history?before=" + strconv.FormatInt(page.Older, 10)
	}
	s.render(w, r, views.HistoryView(m))
	return nil
}

// historyRow is an answer as the history shows it, its time in the
// learner's zone.
func historyRow(e db.HistoryEntry, tz *time.Location) views.HistoryRow {
	row := views.HistoryRow{ID: e.ID, When: e.At.In(tz).Format("2 Jan 2006 15:04"), Card: cardText(e.Question), Set: e.SetTitle, Taken: "–"}
	if e.Taken >= 0 {
		row.Taken = fmt.Sprintf("%.0f s", quiz.Taken(e.Taken).Seconds())
	}
	switch e.Source {
	case "quiz":
		row.Source = "in a quiz"
	case "anki":
		row.Source = "in Anki"
	}
	names := [...]string{"", "Again", "Hard", "Good", "Easy"}
	if e.Rating >= quiz.RatingAgain && e.Rating <= quiz.RatingEasy {
		row.Rating, row.RatingClass = names[e.Rating], "rating-"+strings.ToLower(names[e.Rating])
	}
	return row
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// cardText is a one-line text of the question: its name, without markup.
func cardText(q questions.Question) string {
	if q.Format == questions.HTML {
		q.Stem = stdhtml.UnescapeString(tagRE.ReplaceAllString(q.Stem, " "))
	}
	return q.Name()
}
