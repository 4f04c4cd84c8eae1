package web

import (
	"fmt"
	"net/http"
	"net/url"
)

// studyRoutes adds the flashcard pages: studying a set, the learner's study
// settings and their statistics.
func (s *Server) studyRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /sets/{id}/study", s.studyShow)
	mux.HandleFunc("POST /sets/{id}/study", s.studyAnswer)
	mux.HandleFunc("POST /sets/{id}/study/undo", s.studyUndo)
	mux.HandleFunc("POST /sets/{id}/study/suspend", s.studySuspend)
	mux.HandleFunc("POST /sets/{id}/study/unsuspend", s.studyUnsuspend)
	mux.HandleFunc("GET /settings", s.settingsShow)
	mux.HandleFunc("POST /settings", s.settingsSave)
	mux.HandleFunc("GET /stats", s.statsShow)
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
		q.Set(kv[i], kv[i+1])
	}
	if mode != "" {
		q.Set("mode", mode)
	}
	if notice != "" {
		q.Set("notice", notice)
	}
	u := fmt.Sprintf("/sets/%d/study", setID)
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

// studyNotices are the one-off messages of the study pages, by the key a
// redirect passes; only these are shown.
var studyNotices = map[string]string{
	"undone":          "Your last answer is undone: here is the card again.",
	"nothing-to-undo": "There is no answer to undo: only flashcard answers given today can be taken back.",
	"answered":        "That card had already been answered (in another tab?), so the second answer was not counted.",
	"leech":           "You have forgotten that card many times, so it is marked as a leech. Try putting the answer in your own words, or suspend the card.",
	"suspended":       "The card is suspended: it will not come back until you restore it.",
	"restored":        "Your suspended cards are back in the set.",
	"saved":           "Your settings are saved.",
}
