package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// postFrom posts a form to the server's handler as if from addr, without
// cookies: an attacker's request from anywhere.
func (e *env) postFrom(addr, path string, form url.Values) int {
	req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = addr + ":40000"
	rec := httptest.NewRecorder()
	e.server.Handler().ServeHTTP(rec, req)
	return rec.Code
}

// TestLoginThrottle_Parallel checks that the throttle counts a try before
// the password is checked: of 60 wrong passwords sent at once, only the 5
// the limit allows are checked, the others refused at once (on main all
// 60 were checked, and all counted only afterwards).
func TestLoginThrottle_Parallel(t *testing.T) {
	e := newEnv(t)
	e.store.CreateTeacher(context.Background(), "Rivera", testPassword)
	// The five checks the limit lets through run one at a time: on a busy
	// machine, let them wait for the hashing budget rather than be busy.
	e.store.SetHashBudget(1, time.Minute)
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		counts = map[int]int{}
	)
	for range 60 {
		wg.Go(func() {
			code := e.postFrom("10.1.1.1", "/login", url.Values{"name": {"Rivera"}, "password": {"a wrong password"}})
			mu.Lock()
			counts[code]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if counts[http.StatusUnauthorized] != 5 || counts[http.StatusTooManyRequests] != 55 {
		t.Errorf("60 wrong passwords at once: %v, want 5 checked (401) and 55 refused (429)", counts)
	}
}

// TestLoginThrottle_NoLockout checks that nobody can keep a chosen teacher
// out: failures for their name from many other addresses, or from their
// own address on another browser, do not slow the teacher down on their
// own browser, nor on a new browser at their own address (on main, 20
// failures from anywhere slowed the account everywhere).
func TestLoginThrottle_NoLockout(t *testing.T) {
	e := newEnv(t)
	e.store.CreateTeacher(context.Background(), "Rivera", testPassword)
	teacher := e.browser()
	teacher.login("Rivera") // this browser is now a known device
	teacher.post("/logout", nil)

	// More failures from elsewhere than main's limit per name (20) let
	// through before slowing the name everywhere.
	for i := range 25 {
		e.postFrom(fmt.Sprintf("10.2.0.%d", i), "/login", url.Values{"name": {"Rivera"}, "password": {"a wrong password"}})
	}
	fresh := e.browser() // a new browser at the teacher's own address
	fresh.login("Rivera")

	// Someone at the teacher's address (a pupil behind the school's
	// router) fails for their name: a new browser there is slowed, the
	// teacher's own is not.
	pupil := e.browser()
	for range 6 {
		pupil.post("/login", url.Values{"name": {"Rivera"}, "password": {"a wrong password"}})
	}
	if r := pupil.post("/login", url.Values{"name": {"Rivera"}, "password": {testPassword}}); r.status != http.StatusTooManyRequests {
		t.Errorf("a browser at the address after 6 failures = %d, want 429", r.status)
	}
	teacher.login("Rivera")
}

// TestLoginThrottle_AcrossServers checks that the limits hold across two
// servers on one database (on main they were each server's own).
func TestLoginThrottle_AcrossServers(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.store.CreateTeacher(ctx, "Rivera", testPassword)
	other, err := New(ctx, e.store, slog.New(slog.NewTextHandler(io.Discard, nil)), DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	first := e.server
	for i := range 5 {
		e.server = []*Server{first, other}[i%2]
		if code := e.postFrom("10.3.0.1", "/login", url.Values{"name": {"Rivera"}, "password": {"wrong"}}); code != http.StatusUnauthorized {
			t.Fatalf("failure %d = %d, want 401", i+1, code)
		}
	}
	for _, s := range []*Server{first, other} {
		e.server = s
		if code := e.postFrom("10.3.0.1", "/login", url.Values{"name": {"Rivera"}, "password": {testPassword}}); code != http.StatusTooManyRequests {
			t.Errorf("a sixth try on either server = %d, want 429", code)
		}
	}
	e.server = first
	for i := range 20 {
		e.server = []*Server{first, other}[i%2]
		e.postFrom("10.3.0.2", "/resume", url.Values{"code": {"0000-0000"}})
	}
	if code := e.postFrom("10.3.0.2", "/resume", url.Values{"code": {"0000-0000"}}); code != http.StatusTooManyRequests {
		t.Errorf("wrong resume codes spread over two servers: the 21st = %d, want 429", code)
	}
	e.server = first
}

// TestResumeLimitCountsWrongCodes checks that right resume codes are never
// slowed (on main, a school behind one address could resume 10 times a
// minute in all), while wrong ones are limited.
func TestResumeLimitCountsWrongCodes(t *testing.T) {
	e := newEnv(t)
	phone := e.browser()
	phone.post("/me/name", url.Values{"name": {"Zoya"}})
	code := phone.get("/me").body
	code = code[strings.Index(code, `data-testid="resume-code"`):]
	code = code[strings.Index(code, ">")+1:]
	code = code[:strings.Index(code, "<")]
	for i := range 25 {
		if r := e.browser().post("/resume", url.Values{"code": {code}}); r.status != http.StatusSeeOther {
			t.Fatalf("right resume code %d from one address = %d, want 303", i+1, r.status)
		}
	}
	b := e.browser()
	for i := range resumeTries {
		if r := b.post("/resume", url.Values{"code": {"ZZZZ-ZZZZ"}}); r.status != http.StatusUnprocessableEntity {
			t.Fatalf("wrong code %d = %d, want 422", i+1, r.status)
		}
	}
	r := b.post("/resume", url.Values{"code": {code}})
	if r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") == "" {
		t.Fatalf("a try after %d wrong codes = %d, want 429 with Retry-After", resumeTries, r.status)
	}
	e.clock.add(time.Minute)
	if r := b.post("/resume", url.Values{"code": {code}}); r.status != http.StatusSeeOther {
		t.Fatalf("a right code a minute later = %d, want 303", r.status)
	}
}
