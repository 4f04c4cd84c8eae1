package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"factdrill/db"
	"factdrill/views"
)

// settingsShow is the learner's study settings form. A visitor not known
// yet sees the defaults; saving makes them a learner.
func (s *Server) settingsShow(w http.ResponseWriter, r *http.Request) error {
	st, err := s.store.StudySettings(r.Context(), learnerOf(r).ID)
	if err != nil {
		return err
	}
	m := views.SettingsPage{
		Page:         s.page(r, "Study settings", "settings"),
		Retention:    strconv.FormatFloat(st.DesiredRetention*100, 'f', -1, 64),
		NewPerDay:    strconv.Itoa(st.NewPerDay),
		TimeZone:     st.TimeZone,
		RolloverHour: strconv.Itoa(st.RolloverHour),
	}
	if r.URL.Query().Get("notice") == "saved" {
		m.Page.Notice = studyNotices["saved"]
	}
	s.render(w, r, views.SettingsView(s.settingsPage(m, r.URL.Query().Get("back"))))
	return nil
}

// settingsPage fills in what the form shows around the values: the zone
// list, the time in the chosen zone, and the way back to studying.
func (s *Server) settingsPage(m views.SettingsPage, back string) views.SettingsPage {
	now := s.now()
	m.Zones = zoneGroups(m.TimeZone, now)
	if loc, ok := db.TimeZone(m.TimeZone); ok {
		m.Now = now.In(loc).Format("Monday 15:04")
	}
	if id, err := strconv.ParseInt(back, 10, 64); err == nil && id > 0 {
		m.Back = fmt.Sprintf("/sets/%d/study", id)
	}
	if m.Errors == nil {
		m.Errors = map[string]string{}
	}
	return m
}

// zoneGroups lists the time zones by region, each labelled with its city
// and its offset from UTC at now; current is added if it is not listed.
func zoneGroups(current string, now time.Time) []views.ZoneGroup {
	names := settingsZones
	if current != "" && current != "UTC" && !slices.Contains(names, current) && db.ValidTimeZone(current) {
		names = append(slices.Clone(names), current)
		slices.Sort(names)
	}
	labels := zoneLabels(now)
	groups := []views.ZoneGroup{{Region: "Universal", Zones: []views.Zone{{Name: "UTC", Label: "UTC (Coordinated Universal Time)"}}}}
	for _, name := range names {
		region, city, ok := strings.Cut(name, "/")
		if !ok {
			region, city = "Other", name
		}
		if last := &groups[len(groups)-1]; last.Region != region {
			groups = append(groups, views.ZoneGroup{Region: region})
		}
		g := &groups[len(groups)-1]
		label, ok := labels[name]
		if !ok {
			label = zoneLabel(name, city, now)
		}
		g.Zones = append(g.Zones, views.Zone{Name: name, Label: label})
	}
	return groups
}

// listedLabels keeps the labels of the listed zones for a quarter of an
// hour: a label carries the zone's offset, which changes only at a
// daylight-saving transition, always on a quarter hour. Working out 400
// offsets made the settings page the slowest of the site.
var listedLabels struct {
	sync.Mutex
	at     time.Time
	labels map[string]string
}

// zoneLabels returns the labels of the listed zones at now.
func zoneLabels(now time.Time) map[string]string {
	at := now.UTC().Truncate(15 * time.Minute)
	listedLabels.Lock()
	defer listedLabels.Unlock()
	if listedLabels.labels == nil || !listedLabels.at.Equal(at) {
		labels := make(map[string]string, len(settingsZones))
		for _, name := range settingsZones {
			_, city, ok := strings.Cut(name, "/")
			if !ok {
				city = name
			}
			labels[name] = zoneLabel(name, city, at)
		}
		listedLabels.at, listedLabels.labels = at, labels
	}
	return listedLabels.labels
}

// zoneLabel is "New York (UTC−05:00)", or "Argentina / Buenos Aires (…)".
func zoneLabel(name, city string, now time.Time) string {
	city = strings.ReplaceAll(strings.ReplaceAll(city, "_", " "), "/", " / ")
	// The zones loaded once, not from the zone files at each page.
	loc, ok := db.TimeZone(name)
	if !ok {
		return city
	}
	_, off := now.In(loc).Zone()
	sign := "+"
	if off < 0 {
		sign, off = "−", -off
	}
	return fmt.Sprintf("%s (UTC%s%02d:%02d)", city, sign, off/3600, off%3600/60)
}
