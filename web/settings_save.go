package web

import (
	"net/http"
	"net/url"

	"factdrill/views"
)

// settingsSave checks and stores the learner's study settings. A field
// typed wrong re-renders the form with what was typed and a message next
// to the field; saved settings redirect back to the form (or to the set
// being studied).
func (s *Server) settingsSave(w http.ResponseWriter, r *http.Request) error {
	f, err := readSettingsForm(r)
	if err != nil {
		return err
	}
	st, errs := f.check()
	if len(errs) > 0 {
		m := views.SettingsPage{
			Page:      s.page(r, "Study settings", "settings"),
			Retention: f.Retention, NewPerDay: f.NewPerDay, TimeZone: f.TimeZone, RolloverHour: f.RolloverHour,
			ReviewsPerDay: f.ReviewsPerDay, NewAllPerDay: f.NewAllPerDay, ReviewsAllPerDay: f.ReviewsAllPerDay,
			Errors: errs,
		}
		stored, err := s.store.StudySettings(r.Context(), learnerOf(r).ID)
		if err != nil {
			return err
		}
		if err := s.settingsMemory(r.Context(), learnerOf(r).ID, stored.DesiredRetention, stored.NewPerDay, &m); err != nil {
			return err
		}
		s.renderStatus(w, r, http.StatusUnprocessableEntity, views.SettingsView(s.settingsPage(m, f.Back)))
		return nil
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		return err
	}
	if err := s.store.SaveStudySettings(r.Context(), l.ID, st); err != nil {
		return err
	}
	q := url.Values{"notice": {"saved"}}
	if f.Back != "" {
		q.Set("back", f.Back)
	}
	redirect(w, r, "/settings?"+q.Encode())
	return nil
}
