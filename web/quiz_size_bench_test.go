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
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"factdrill/db"
	"factdrill/questions"
)

// sizedQuiz is a server with a published set of n questions (multiple
// choice and short answers in turn) and an attempt at it started by a
// new learner: the handler, the learner's cookie and the attempt's URL
// prefix.
func sizedQuiz(b *testing.B, n int) (http.Handler, string, string, int64) {
	b.Helper()
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	clk := &clock{t: time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)}
	store.SetClock(clk.now)
	set := questions.Set{Title: fmt.Sprintf("%d questions", n)}
	for i := range n {
		q := questions.Question{Kind: questions.ShortAnswer, Stem: fmt.Sprintf("Question %d: which word?", i+1),
			Answers: []questions.Choice{{Text: fmt.Sprintf("word%d", i), Weight: 100}}}
		if i%2 == 0 {
			q = questions.Question{Kind: questions.MultipleChoice, Stem: fmt.Sprintf("Question %d: which one?", i+1),
				Choices: []questions.Choice{{Text: "this one", Weight: 100}, {Text: "that one"}, {Text: "the other"}, {Text: "none of these"}}}
		}
		set.Questions = append(set.Questions, q)
	}
	setID, err := store.CreateSet(ctx, set, "")
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(ctx, store, slog.New(slog.NewTextHandler(io.Discard, nil)), DefaultConfig())
	if err != nil {
		b.Fatal(err)
	}
	h := s.Handler()
	cookie, attempt := newAttempt(b, h, setID)
	return h, cookie, attempt, setID
}

// newAttempt starts an attempt at the set as a new learner, and returns
// the learner's cookie and the attempt's URL prefix.
func newAttempt(b *testing.B, h http.Handler, setID int64) (string, string) {
	b.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/sets/"+strconv.FormatInt(setID, 10)+"/attempts", nil))
	loc := rec.Header().Get("Location")
	if rec.Code != http.StatusSeeOther || !strings.HasSuffix(loc, "/questions/1") || len(rec.Result().Cookies()) == 0 {
		b.Fatalf("start attempt = %d to %q", rec.Code, loc)
	}
	c := rec.Result().Cookies()[0]
	return c.Name + "=" + c.Value, strings.TrimSuffix(loc, "/questions/1")
}

// BenchmarkQuizBySize is the question page and an answer to it, in
// process, in a quiz of 20 and of 5,000 questions: issue 17 asks that
// they cost the same whatever the size of the set.
func BenchmarkQuizBySize(b *testing.B) {
	for _, n := range []int{20, 5000} {
		h, cookie, base, _ := sizedQuiz(b, n)
		page := fmt.Sprintf("%s/questions/%d", base, n/2) // a short answer
		b.Run(fmt.Sprintf("page/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("GET", page, nil)
				req.Header.Set("Cookie", cookie)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("question page = %d", rec.Code)
				}
			}
		})
		b.Run(fmt.Sprintf("answer/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				form := url.Values{"text": {"answer " + strconv.Itoa(i)}, "nav": {"next"}}
				req := httptest.NewRequest("POST", page, strings.NewReader(form.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				req.Header.Set("Cookie", cookie)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != http.StatusSeeOther {
					b.Fatalf("answer = %d", rec.Code)
				}
			}
		})
	}
}

// BenchmarkQuizPageShared is the question page of a 5,000-question quiz
// asked for by 16 learners at once, each on their own attempt, in turn:
// what the size section's wrk run asks for. One learner's page must cost
// the same when the others' long attempts are live too.
func BenchmarkQuizPageShared(b *testing.B) {
	const learners = 16
	h, cookie, base, setID := sizedQuiz(b, 5000)
	type visitor struct{ cookie, page string }
	vs := []visitor{{cookie, base + "/questions/1"}}
	for len(vs) < learners {
		c, a := newAttempt(b, h, setID)
		vs = append(vs, visitor{c, a + "/questions/1"})
	}
	var next atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			v := vs[next.Add(1)%learners]
			req := httptest.NewRequest("GET", v.page, nil)
			req.Header.Set("Cookie", v.cookie)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Errorf("question page = %d", rec.Code)
				return
			}
		}
	})
}
