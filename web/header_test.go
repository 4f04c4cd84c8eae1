package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestHeaderNamesLearnerEverywhere checks that the header's last link
// names the learner on every student page: the tester saw their name on
// most pages but "Your progress" on the quiz's and the error pages.
func TestHeaderNamesLearnerEverywhere(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	if r := b.post("/me/name", url.Values{"name": {"Zoya"}}); r.status != http.StatusSeeOther {
		t.Fatalf("save name = %d", r.status)
	}
	base := b.startQuiz()
	pages := []struct {
		path   string
		status int
	}{
		{"/", 200}, {"/me", 200}, {base + "/questions/1", 200}, {base + "/finish", 200},
		{"/sets/999", 404}, {base + "/questions/99", 404},
	}
	for _, p := range pages {
		r := b.get(p.path)
		if r.status != p.status {
			t.Errorf("GET %s = %d, want %d", p.path, r.status, p.status)
			continue
		}
		if got := strings.TrimSpace(parseHTML(t, r.body).Find(`nav[aria-label="Main"] a`).Last().Text()); got != "Zoya" {
			t.Errorf("GET %s: the header's last link reads %q, want the learner's name", p.path, got)
		}
	}
}
