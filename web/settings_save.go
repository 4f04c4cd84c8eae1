package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"factdrill/db"
	"factdrill/views"
)

// settingsSave checks and stores the learner's study settings. A field
// typed wrong re-renders the form with what was typed and a message next
// to the field; saved settings redirect back to the form (or to the set
// being studied).
func (s *Server) settingsSave(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, err)
		return
	}
	f := r.PostForm
	m := views.SettingsPage{
		Retention:    strings.TrimSpace(f.Get("retention")),
		NewPerDay:    strings.TrimSpace(f.Get("new_per_day")),
		TimeZone:     strings.TrimSpace(f.Get("time_zone")),
		RolloverHour: strings.TrimSpace(f.Get("rollover_hour")),
		Errors:       map[string]string{},
	}
	st, errs := settingsFromForm(m)
	for field, msg := range st.Problems() {
		if _, typedWrong := errs[string(field)]; !typedWrong {
			errs[string(field)] = msg
		}
	}
	if len(errs) > 0 {
		l, _, err := s.learner(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		m.Page = s.page(r, "Study settings", "settings", l)
		m.Errors = errs
		s.renderStatus(w, r, http.StatusUnprocessableEntity, views.SettingsView(s.settingsPage(m, f.Get("back"))))
		return
	}
	l, err := s.ensureLearner(w, r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.store.SaveStudySettings(r.Context(), l.ID, st); err != nil {
		s.fail(w, r, err)
		return
	}
	q := url.Values{"notice": {"saved"}}
	if b := f.Get("back"); b != "" {
		q.Set("back", b)
	}
	redirect(w, r, "/settings?"+q.Encode())
}

// settingsFromForm reads the form's values, and says which cannot be read
// at all. Retention is typed in percent ("90" or "90%").
func settingsFromForm(m views.SettingsPage) (db.StudySettings, map[string]string) {
	errs := map[string]string{}
	st := db.StudySettings{TimeZone: m.TimeZone}
	ret, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(m.Retention, "%")), 64)
	if err != nil {
		errs[string(db.FieldRetention)] = "Type a percentage, such as 90."
	}
	st.DesiredRetention = ret / 100
	if st.NewPerDay, err = strconv.Atoi(m.NewPerDay); err != nil {
		errs[string(db.FieldNewPerDay)] = "Type a whole number, such as 20."
	}
	if st.RolloverHour, err = strconv.Atoi(m.RolloverHour); err != nil {
		errs[string(db.FieldRolloverHour)] = "Choose an hour from the list."
	}
	return st, errs
}
