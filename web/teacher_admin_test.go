package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestAdmin_InviteDisableReset is the admin's work through HTTP: an
// invitation link made, shown once and used to make an account; the
// account disabled (its login refused and ended) and enabled; a password
// link that sets a new password; each in the audit log.
func TestAdmin_InviteDisableReset(t *testing.T) {
	w := newWorld(t)
	if r := w.tB.get("/teacher/admin"); r.status != http.StatusForbidden {
		t.Fatalf("the admins' page for a teacher who is no admin = %d, want 403", r.status)
	}
	home := w.tA.get("/teacher")
	mustContain(t, "the admin's navigation", home.body, `href="/teacher/admin"`)
	if strings.Contains(w.tB.get("/teacher").body, `href="/teacher/admin"`) {
		t.Error("a teacher who is no admin is offered the admins' page")
	}

	r := w.tA.post("/teacher/admin/invitations", url.Values{"note": {"Ms Okafor"}})
	if r.status != http.StatusOK {
		t.Fatalf("invite = %d\n%s", r.status, r.body)
	}
	link := strings.TrimSpace(doc(t, r).Find(`[data-testid="link"]`).Text())
	path := strings.TrimPrefix(link, w.srv.URL)
	if !strings.HasPrefix(path, "/invite/") {
		t.Fatalf("invitation link %q", link)
	}
	if strings.Contains(w.tA.get("/teacher/admin").body, path) {
		t.Error("the invitation link is shown again: it must be shown once")
	}
	okafor := w.browser()
	mustContain(t, "invitation page", okafor.get(path).body, "Ms Okafor")
	if r := okafor.post(path, url.Values{"name": {"Teacher B"}, "password": {testPassword}, "password2": {testPassword}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("accepting with a name taken = %d, want 422", r.status)
	}
	if r := okafor.post(path, url.Values{"name": {"Okafor"}, "password": {testPassword}, "password2": {testPassword}}); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/teacher") {
		t.Fatalf("accepting = %d to %q\n%s", r.status, r.location, r.body)
	}
	if r := okafor.get("/teacher"); r.status != http.StatusOK {
		t.Fatalf("the new teacher's dashboard = %d", r.status)
	}
	if r := w.browser().get(path); r.status != http.StatusNotFound {
		t.Errorf("the invitation once used = %d, want 404", r.status)
	}

	admin := doc(t, w.tA.get("/teacher/admin"))
	var okaforID string
	admin.Find(`[data-testid="teacher-row"]`).Each(func(_ int, s *goquery.Selection) {
		if strings.Contains(s.Find("th").Text(), "Okafor") {
			action, _ := s.Find(`form[action$="/disable"]`).Attr("action")
			okaforID = strings.TrimSuffix(strings.TrimPrefix(action, "/teacher/admin/teachers/"), "/disable")
		}
	})
	if okaforID == "" {
		t.Fatal("no disable button for Okafor")
	}
	if r := w.tA.post("/teacher/admin/teachers/"+okaforID+"/disable", nil); r.status != http.StatusSeeOther {
		t.Fatalf("disable = %d", r.status)
	}
	if r := okafor.get("/teacher"); r.status == http.StatusOK {
		t.Error("a disabled teacher's login goes on")
	}
	r = w.browser().post("/login", url.Values{"name": {"Okafor"}, "password": {testPassword}})
	if r.status != http.StatusForbidden {
		t.Errorf("a disabled teacher's login = %d, want 403", r.status)
	}
	mustContain(t, "a disabled teacher's login", r.body, "disabled")
	w.tA.post("/teacher/admin/teachers/"+okaforID+"/enable", nil)

	r = w.tA.post("/teacher/admin/teachers/"+okaforID+"/password-link", nil)
	reset := strings.TrimPrefix(strings.TrimSpace(doc(t, r).Find(`[data-testid="link"]`).Text()), w.srv.URL)
	if !strings.HasPrefix(reset, "/password/") {
		t.Fatalf("password link %q", reset)
	}
	if r := okafor.post(reset, url.Values{"password": {"a brand new password"}, "password2": {"a brand new password"}}); r.status != http.StatusSeeOther {
		t.Fatalf("new password = %d\n%s", r.status, r.body)
	}
	okafor = w.browser()
	if r := okafor.post("/login", url.Values{"name": {"Okafor"}, "password": {"a brand new password"}}); r.status != http.StatusSeeOther {
		t.Errorf("login with the new password = %d", r.status)
	}

	audit := texts(doc(t, w.tA.get("/teacher/admin")), `[data-testid="audit"] tbody td:nth-child(3) strong`)
	want := []string{"password reset", "password reset link", "enable", "disable", "invitation accepted", "invite"}
	if strings.Join(audit, "|") != strings.Join(want, "|") {
		t.Errorf("audit log actions = %q, want %q", audit, want)
	}
	// An admin cannot disable themselves: told on the page.
	r = w.tA.post("/teacher/admin/teachers/"+itoa(w.teacherA.ID)+"/disable", nil)
	if r.status != http.StatusUnprocessableEntity {
		t.Errorf("an admin disabling themselves = %d, want 422", r.status)
	}
	mustContain(t, "disabling oneself", r.body, "cannot disable your own account")
}
