package web

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestAdmit checks that the server serves at most MaxInFlight pages and
// actions at once: another waits its turn, and past AdmitWait gets 503
// with Retry-After, while the health check is never kept waiting.
func TestAdmit(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxInFlight, cfg.AdmitWait = 1, 100*time.Millisecond
	e := newEnvWith(t, cfg, nil)

	// A request whose body comes slowly holds the one turn.
	body, feed := io.Pipe()
	req, _ := http.NewRequest("POST", e.srv.URL+"/me/name", body)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	slow := make(chan int)
	go func() {
		resp, err := e.browser().c.Do(req)
		if err != nil {
			slow <- 0
			return
		}
		resp.Body.Close()
		slow <- resp.StatusCode
	}()
	feed.Write([]byte("name=Zo"))
	for len(e.server.inflight) == 0 { // the slow request is in
		time.Sleep(time.Millisecond)
	}

	r := e.browser().post("/me/name", url.Values{"name": {"Ann"}})
	if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" {
		t.Errorf("a request while the one turn is taken = %d (Retry-After %q), want 503 with Retry-After", r.status, r.header.Get("Retry-After"))
	}
	mustContain(t, "busy page", r.body, "too much to do")
	if r := e.browser().get("/healthz"); r.status != http.StatusOK {
		t.Errorf("healthz while the turn is taken = %d, want 200", r.status)
	}
	feed.Write([]byte(strings.Repeat("e", 3) + "ya"))
	feed.Close()
	if code := <-slow; code != http.StatusSeeOther {
		t.Errorf("the slow request = %d, want 303", code)
	}
	if r := e.browser().post("/me/name", url.Values{"name": {"Ann"}}); r.status != http.StatusSeeOther {
		t.Errorf("a request once the turn is free = %d, want 303", r.status)
	}
}

// TestAdmit_LargeUploads checks that at most MaxLargeUploads large
// uploads are read at once (each is held in memory whole: 16 Anki decks
// of 58 MB at once took the server to 498 MB before), while a small
// upload and a form are not kept waiting by them.
func TestAdmit_LargeUploads(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxLargeUploads, cfg.AdmitWait = 1, 100*time.Millisecond
	e := newEnvWith(t, cfg, nil)
	post := func(path string, length int64) *http.Request {
		r := httptest.NewRequest("POST", path, nil)
		r.ContentLength = length
		return r
	}
	release, err := e.server.admit(post("/decks/import", 50<<20))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path   string
		length int64
		busy   bool
	}{
		{"/decks/import", 50 << 20, true},
		{"/teacher/sets/generate", -1, true}, // a length not said
		{"/teacher/sets/upload", 200 << 10, false},
		{"/me/name", -1, false},
	} {
		rel, err := e.server.admit(post(c.path, c.length))
		if got := errors.Is(err, errBusy); got != c.busy {
			t.Errorf("admit %s of %d bytes while a large upload is read: %v, want busy %v", c.path, c.length, err, c.busy)
		}
		if err == nil {
			rel()
		}
	}
	release()
	rel, err := e.server.admit(post("/decks/import", 50<<20))
	if err != nil {
		t.Fatalf("a large upload once the other is read: %v, want it admitted", err)
	}
	rel()
	if n := len(e.server.inflight) + len(e.server.uploads); n != 0 {
		t.Errorf("%d turns held after every release, want 0", n)
	}
}
