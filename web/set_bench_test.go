package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"factdrill/db"
	"factdrill/questions"
)

// benchSet is a set of n multiple-choice questions of one shape.
func benchSet(n int) questions.Set {
	set := questions.Set{Title: fmt.Sprintf("Bench %d", n)}
	for i := range n {
		set.Questions = append(set.Questions, questions.Question{Kind: questions.MultipleChoice,
			Stem:    fmt.Sprintf("In which year did event number %d of the chronicle happen?", i),
			Choices: []questions.Choice{{Text: fmt.Sprint(1700 + i%50), Weight: 100}, {Text: "1066"}, {Text: "1492"}, {Text: "1917"}}})
	}
	return set
}

// setBench is a server with a public set and a teacher's set of n
// questions, and a teacher logged in.
func setBench(b *testing.B, n int) (h http.Handler, teacher string, public, own int64) {
	b.Helper()
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	if public, err = store.CreateSet(ctx, benchSet(n), ""); err != nil {
		b.Fatal(err)
	}
	tc, err := store.CreateTeacher(ctx, "Bench", testPassword)
	if err != nil {
		b.Fatal(err)
	}
	if own, err = store.CreateDraftSet(ctx, tc.ID, benchSet(n)); err != nil {
		b.Fatal(err)
	}
	s, err := New(ctx, store, slog.New(slog.NewTextHandler(io.Discard, nil)), DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	h = s.Handler()
	form := url.Values{"name": {"Bench"}, "password": {testPassword}}
	req := httptest.NewRequest("POST", "/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther {
		b.Fatalf("login = %d", rec.Code)
	}
	// Every cookie the login set (the teacher's session among them).
	var cookies []string
	for _, c := range rec.Result().Cookies() {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	return h, strings.Join(cookies, "; "), public, own
}

// BenchmarkSetPage is GET of a set's pages at 20 and 5,000 questions, in
// process: the student's set page (counts by kind), the teacher's set page
// (a page of up to 50 questions), its last page, a search in the set for
// a rare word (one question of 5,000 has it) and a search of the bank for
// a word every question has (the worst case: every question matches).
func BenchmarkSetPage(b *testing.B) {
	for _, n := range []int{20, 5000} {
		h, teacher, public, own := setBench(b, n)
		for _, p := range []struct{ name, path, cookie string }{
			{"student", fmt.Sprintf("/sets/%d", public), ""},
			{"teacher", fmt.Sprintf("/teacher/sets/%d", own), teacher},
			{"teacher-last", fmt.Sprintf("/teacher/sets/%d?page=%d", own, (n+49)/50), teacher},
			{"search-rare", fmt.Sprintf("/teacher/sets/%d?q=4321", own), teacher},
			{"bank-all-match", "/teacher/bank?q=chronicle", teacher},
		} {
			b.Run(fmt.Sprintf("%s/%d", p.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					req := httptest.NewRequest("GET", p.path, nil)
					if p.cookie != "" {
						req.Header.Set("Cookie", p.cookie)
					}
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, req)
					if rec.Code != http.StatusOK {
						b.Fatalf("%s = %d", p.path, rec.Code)
					}
				}
			})
		}
	}
}
