package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"factdrill/db"
)

// benchServer is a server on a fresh database with the test set and one
// learner who has answered a card; it returns the handler and the
// learner's cookie.
func benchServer(b *testing.B) (http.Handler, string, int64, []int64) {
	b.Helper()
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	clk := &clock{t: time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)}
	store.SetClock(clk.now)
	setID, err := store.CreateSet(ctx, testSet, "")
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(ctx, store, slog.New(slog.NewTextHandler(io.Discard, nil)), DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	_, qs, _ := store.PublishedSet(ctx, setID)
	var ids []int64
	for _, q := range qs {
		if q.Kind.Graded() {
			ids = append(ids, q.ID)
		}
	}
	form := url.Values{"card": {strconv.FormatInt(ids[0], 10)}, "rating": {"3"}}
	req := httptest.NewRequest("POST", "/sets/"+strconv.FormatInt(setID, 10)+"/study", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther {
		b.Fatalf("first answer = %d", rec.Code)
	}
	cookie := rec.Result().Cookies()[0]
	return h, cookie.Name + "=" + cookie.Value, setID, ids
}

// BenchmarkStudyPage is GET of the study page for a learner with a card
// in learning, in process (no network).
func BenchmarkStudyPage(b *testing.B) {
	h, cookie, setID, _ := benchServer(b)
	path := "/sets/" + strconv.FormatInt(setID, 10) + "/study"
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Cookie", cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("GET %s = %d", path, rec.Code)
		}
	}
}

// BenchmarkStudyAnswer is POST of a flashcard answer, committed (fsynced)
// before the 303, in process.
func BenchmarkStudyAnswer(b *testing.B) {
	h, cookie, setID, ids := benchServer(b)
	path := "/sets/" + strconv.FormatInt(setID, 10) + "/study"
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		form := url.Values{"card": {strconv.FormatInt(ids[i%len(ids)], 10)}, "rating": {strconv.Itoa(i%4 + 1)}}
		req := httptest.NewRequest("POST", path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Cookie", cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusSeeOther {
			b.Fatalf("POST %s = %d", path, rec.Code)
		}
	}
}
