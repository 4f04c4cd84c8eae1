package web

import (
	"net/http"
	"strconv"
	"strings"

	"factdrill/db"
	"factdrill/views"
)

// studyLimitsShow is the form of the learner's own limits of a day's study
// in a set: new cards and reviews, in place of their limits for each set.
func (s *Server) studyLimitsShow(w http.ResponseWriter, r *http.Request, setID int64) error {
	m, l, err := s.limitsPage(r, setID)
	if err != nil {
		return err
	}
	m.NewPerDay, m.ReviewsPerDay = strconv.Itoa(l.Limits.NewPerDay), strconv.Itoa(l.Limits.ReviewsPerDay)
	s.render(w, r, views.StudyLimitsView(m))
	return nil
}

// limitsPage fills in what the limits form shows around its values.
func (s *Server) limitsPage(r *http.Request, setID int64) (views.StudyLimitsPage, db.SetStudyLimits, error) {
	l, err := s.store.StudyLimits(r.Context(), learnerOf(r).ID, setID)
	if err != nil {
		return views.StudyLimitsPage{}, l, err
	}
	return views.StudyLimitsPage{
		Page: s.page(r, "Limits: "+l.Set.Title, "sets"), SetID: setID, SetTitle: l.Set.Title, Own: l.Own,
		Usual:  views.Plural(l.Usual.NewPerDay, "new card") + " and " + views.Plural(l.Usual.ReviewsPerDay, "review") + " a day",
		Errors: map[string]string{},
	}, l, nil
}

// studyLimitsSave stores the learner's own limits in the set, or with
// usual=1 goes back to their limits for each set.
func (s *Server) studyLimitsSave(w http.ResponseWriter, r *http.Request, setID int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	var limits *db.SetLimits
	if f.Get("usual") != "1" {
		newPer, errN := strconv.Atoi(strings.TrimSpace(f.Get("new_per_day")))
		reviews, errR := strconv.Atoi(strings.TrimSpace(f.Get("reviews_per_day")))
		m, _, err := s.limitsPage(r, setID)
		if err != nil {
			return err
		}
		if errN != nil || newPer < 0 || newPer > db.MaxNewPerDay {
			m.Errors["new_per_day"] = "Type a whole number from 0 to " + strconv.Itoa(db.MaxNewPerDay) + "."
		}
		if errR != nil || reviews < 0 || reviews > db.MaxPerDay {
			m.Errors["reviews_per_day"] = "Type a whole number from 0 to " + strconv.Itoa(db.MaxPerDay) + "."
		}
		if len(m.Errors) > 0 {
			m.NewPerDay, m.ReviewsPerDay = f.Get("new_per_day"), f.Get("reviews_per_day")
			s.renderStatus(w, r, http.StatusUnprocessableEntity, views.StudyLimitsView(m))
			return nil
		}
		limits = &db.SetLimits{NewPerDay: newPer, ReviewsPerDay: reviews}
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		return err
	}
	if err := s.store.SetStudyLimits(r.Context(), l.ID, setID, limits); err != nil {
		return err
	}
	redirect(w, r, studyURL(setID, "", "limits-saved"))
	return nil
}
