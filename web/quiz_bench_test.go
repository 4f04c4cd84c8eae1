package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// benchAttempt starts a quiz for the bench server's learner and returns the
// attempt's URL prefix.
func benchAttempt(b *testing.B, h http.Handler, cookie string, setID int64) string {
	b.Helper()
	req := httptest.NewRequest("POST", "/sets/"+strconv.FormatInt(setID, 10)+"/attempts", nil)
	req.Header.Set("Cookie", cookie)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	loc := rec.Header().Get("Location")
	if rec.Code != http.StatusSeeOther || !strings.HasSuffix(loc, "/questions/1") {
		b.Fatalf("start attempt = %d to %q", rec.Code, loc)
	}
	return strings.TrimSuffix(loc, "/questions/1")
}

// BenchmarkQuestionPage is GET of a quiz question page, in process.
func BenchmarkQuestionPage(b *testing.B) {
	h, cookie, setID, _ := benchServer(b)
	base := benchAttempt(b, h, cookie, setID)
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest("GET", base+"/questions/3", nil)
		req.Header.Set("Cookie", cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("question page = %d", rec.Code)
		}
	}
}

// BenchmarkAnswerPost is POST of a quiz answer, committed (fsynced) before
// the redirect, in process and one at a time.
func BenchmarkAnswerPost(b *testing.B) {
	h, cookie, setID, _ := benchServer(b)
	base := benchAttempt(b, h, cookie, setID)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		form := url.Values{"text": {"answer " + strconv.Itoa(i)}, "nav": {"next"}}
		req := httptest.NewRequest("POST", base+"/questions/3", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Cookie", cookie)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusSeeOther {
			b.Fatalf("answer = %d", rec.Code)
		}
	}
}
