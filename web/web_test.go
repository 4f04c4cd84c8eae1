package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"factdrill/db"
	"factdrill/internal/dbtest"
	"factdrill/questions"
)

var testSet = questions.Set{
	Title:  "Capitals",
	Origin: "written for the tests",
	Questions: []questions.Question{
		{Kind: questions.MultipleChoice, Stem: "Capital of France?", Choices: []questions.Choice{{Text: "Lyon"}, {Text: "Paris", Weight: 100}, {Text: "Nice"}}},
		{Kind: questions.TrueFalse, Stem: "Rome is the capital of Italy.", Truth: true},
		{Kind: questions.Cloze, Stem: "The capital of Japan is " + questions.Blank + ".", Answers: []questions.Choice{{Text: "Tokyo", Weight: 100}},
			Source: &questions.Source{Sentence: "Tokyo has been the capital of Japan since 1868.", Index: 4}},
		{Kind: questions.Matching, Stem: "Match the countries.", Pairs: []questions.Pair{{Prompt: "Canada", Answer: "Ottawa"}, {Prompt: "Peru", Answer: "Lima"}, {Answer: "Quito"}}},
		{Kind: questions.Numerical, Stem: "How many states has the U.S.?", Numbers: []questions.Number{{Value: 50, Weight: 100}}},
		{Kind: questions.MultipleChoice, Multiple: true, Stem: "Which are in Europe?", Choices: []questions.Choice{{Text: "Oslo", Weight: 50}, {Text: "Bern", Weight: 50}, {Text: "Lima", Weight: -100}}},
		{Kind: questions.Essay, Stem: "Describe a capital you know."},
	},
}

// clock is a settable clock for the server under test.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

type env struct {
	t     *testing.T
	store *db.Store
	srv   *httptest.Server
	clock *clock
	setID int64
	// server is the handler's server, for tests that look inside;
	// stopServer stops it and its background work.
	server     *Server
	stopServer func()
}

// TestMain runs the package's tests on SQLite, and on PostgreSQL too when
// there is a test database (see package dbtest).
func TestMain(m *testing.M) { dbtest.Main(m, "web") }

func newEnv(t *testing.T) *env {
	t.Helper()
	return newEnvWith(t, DefaultConfig(), nil)
}

// newEnvWith is newEnv with a configuration of its own, and prepare run
// on the server before its background work starts (nil for nothing).
func newEnvWith(t *testing.T, cfg Config, prepare func(*Server)) *env {
	t.Helper()
	ctx := context.Background()
	store, err := db.Open(ctx, dbtest.Source(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	clk := &clock{t: time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)}
	store.SetClock(clk.now)
	setID, err := store.CreateSet(ctx, testSet, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.PutMedia(ctx, testImage); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := New(ctx, store, log, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if prepare != nil {
		prepare(s)
	}
	e := &env{t: t, store: store, clock: clk, setID: setID}
	e.serve(s)
	return e
}

// serve makes s the server under test: its background work runs until
// the test ends (or stopServer), and its handler answers at e.srv.
func (e *env) serve(s *Server) {
	jobs, stop := context.WithCancel(context.Background())
	s.Start(jobs)
	e.server, e.srv = s, httptest.NewServer(s.Handler())
	srv := e.srv
	e.stopServer = func() { srv.Close(); stop(); s.Wait() }
	e.t.Cleanup(e.stopServer)
}

// browser is a client with its own cookies that does not follow
// redirects, so tests see each 303.
type browser struct {
	e *env
	c *http.Client
}

func (e *env) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{e: e, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

type response struct {
	status   int
	body     string
	location string
	header   http.Header
}

func (b *browser) do(req *http.Request) response {
	b.e.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.e.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, string(body), resp.Header.Get("Location"), resp.Header}
}

func (b *browser) get(path string) response {
	req, _ := http.NewRequest("GET", b.e.srv.URL+path, nil)
	return b.do(req)
}

func (b *browser) post(path string, form url.Values) response {
	req, _ := http.NewRequest("POST", b.e.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	// What a browser sends for a form on the same site.
	req.Header.Set("Origin", b.e.srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return b.do(req)
}

func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s: body does not contain %q\n%s", what, w, body)
		}
	}
}

func TestHome(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	r := b.get("/")
	if r.status != 200 {
		t.Fatalf("GET / = %d", r.status)
	}
	mustContain(t, "GET /", r.body, "Capitals", "7 questions", "written for the tests", fmt.Sprintf(`href="/sets/%d"`, e.setID))
	if c := r.header.Get("Set-Cookie"); c != "" {
		t.Errorf("GET / set a cookie %q; looking must not create a learner", c)
	}
}

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t)
	r := e.browser().get("/")
	for h, want := range map[string]string{
		"Content-Security-Policy": "frame-ancestors 'none'",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "same-origin",
		"X-Frame-Options":         "DENY",
	} {
		if got := r.header.Get(h); !strings.Contains(got, want) {
			t.Errorf("header %s = %q, want it to contain %q", h, got, want)
		}
	}
	if csp := r.header.Get("Content-Security-Policy"); strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q allows inline script or style", csp)
	}
	if strings.Contains(r.body, "<script>") || strings.Contains(r.body, "style=") {
		t.Errorf("page has inline script or style, which the CSP blocks")
	}
}

func TestErrorPages(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	for _, path := range []string{"/nope", "/sets/999", "/sets/abc", "/attempts/1/questions/1", "/attempts/1/result"} {
		r := b.get(path)
		if r.status != 404 {
			t.Errorf("GET %s = %d, want 404", path, r.status)
		}
		mustContain(t, "GET "+path, r.body, "Page not found", `href="/static/style.css`)
	}
}

func TestCrossOriginPostRejected(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	req, _ := http.NewRequest("POST", e.srv.URL+fmt.Sprintf("/sets/%d/attempts", e.setID), nil)
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	req.Header.Set("Origin", "https://evil.example")
	if r := b.do(req); r.status != http.StatusForbidden {
		t.Fatalf("cross-site POST = %d, want 403", r.status)
	}
}

func TestGetDoesNotChangeState(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	if r := b.get(fmt.Sprintf("/sets/%d/attempts", e.setID)); r.status != 404 && r.status != 405 {
		t.Fatalf("GET of the start-attempt action = %d, want 404 or 405", r.status)
	}
}

func TestHealthz(t *testing.T) {
	e := newEnv(t)
	r := e.browser().get("/healthz")
	if r.status != 200 || r.body != "ok\n" {
		t.Fatalf("GET /healthz = %d %q", r.status, r.body)
	}
}

func TestStatic(t *testing.T) {
	e := newEnv(t)
	r := e.browser().get("/static/style.css?v=1")
	if r.status != 200 || !strings.Contains(r.header.Get("Content-Type"), "text/css") || !strings.Contains(r.header.Get("Cache-Control"), "immutable") {
		t.Fatalf("GET style.css = %d %v", r.status, r.header)
	}
}

// startQuiz starts a quiz for b and returns the attempt's URL prefix.
func (b *browser) startQuiz() string {
	b.e.t.Helper()
	r := b.post(fmt.Sprintf("/sets/%d/attempts", b.e.setID), nil)
	if r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, "/questions/1") {
		b.e.t.Fatalf("start quiz = %d to %q, want 303 to question 1", r.status, r.location)
	}
	return strings.TrimSuffix(r.location, "/questions/1")
}

func TestQuizJourney(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	base := b.startQuiz()

	r := b.get(base + "/questions/1")
	mustContain(t, "question 1", r.body, "Question 1 of 7", "Capital of France?", `type="radio"`, `name="choice"`)

	answers := []struct {
		n    int
		form url.Values
	}{
		{1, url.Values{"choice": {"0"}, "nav": {"next"}}}, // wrong for now
		{2, url.Values{"truth": {"true"}, "nav": {"next"}}},
		{3, url.Values{"text": {" tokyo"}, "nav": {"next"}}},
		{4, url.Values{"match0": {"Ottawa"}, "match1": {"Quito"}, "nav": {"next"}}},
		{5, url.Values{"text": {"50"}, "nav": {"next"}}},
		{6, url.Values{"choice": {"0", "1"}, "nav": {"next"}}},
		{7, url.Values{"text": {"Paris, by the Seine."}, "nav": {"goto-1"}}},
		{1, url.Values{"choice": {"1"}, "nav": {"finish"}}}, // back to change the first
	}
	for _, a := range answers {
		r := b.post(fmt.Sprintf("%s/questions/%d", base, a.n), a.form)
		if r.status != http.StatusSeeOther {
			t.Fatalf("answer %d = %d, want 303\n%s", a.n, r.status, r.body)
		}
	}
	r = b.get(base + "/questions/3")
	mustContain(t, "question 3 again", r.body, `value=" tokyo"`, "Question 3 of 7", `class="blank-input"`)
	r = b.get(base + "/questions/4")
	mustContain(t, "matching", r.body, `<option value="Ottawa" selected>`, "Quito")

	r = b.get(base + "/finish")
	mustContain(t, "finish page", r.body, "answered all 7 questions")
	r = b.post(base+"/finish", nil)
	if r.status != http.StatusSeeOther || r.location != base+"/result" {
		t.Fatalf("finish = %d to %q", r.status, r.location)
	}
	r = b.get(base + "/result")
	// 5 right of 6 graded, matching half right: (1+1+1+0.5+1+1)/6 = 92%.
	mustContain(t, "result", r.body, "92%", "5 of 6 right", "Tokyo has been the capital of Japan since 1868.",
		"sentence 5", "Partly right (50%)", "no one marks a practice essay", "Canada → Ottawa; Peru → Quito")

	// The attempt is closed: answering again leads to the result.
	r = b.post(base+"/questions/1", url.Values{"choice": {"0"}})
	if r.status != http.StatusSeeOther || !strings.Contains(r.location, "/result") {
		t.Fatalf("answer after finishing = %d to %q, want a redirect to the result", r.status, r.location)
	}

	// Another learner cannot see it.
	other := e.browser()
	for _, p := range []string{base + "/result", base + "/questions/1", base + "/finish"} {
		if r := other.get(p); r.status != 404 {
			t.Errorf("another learner GET %s = %d, want 404", p, r.status)
		}
	}
	if r := other.post(base+"/questions/1", url.Values{"choice": {"0"}}); r.status != 404 {
		t.Errorf("another learner answering = %d, want 404", r.status)
	}
}

func TestQuizResume(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	base := b.startQuiz()
	b.post(base+"/questions/1", url.Values{"choice": {"1"}, "nav": {"next"}})
	b.post(base+"/questions/2", url.Values{"truth": {"false"}, "nav": {"next"}})

	// Coming back later: the home page and the set page offer to continue
	// at question 3, and starting again resumes the same attempt.
	e.clock.add(48 * time.Hour)
	r := b.get("/")
	mustContain(t, "home", r.body, "Pick up where you left off", "question 3 of 7", base+"/questions/3")
	r = b.get(fmt.Sprintf("/sets/%d", e.setID))
	mustContain(t, "set page", r.body, "Continue the quiz", "question 3 of 7")
	if r := b.post(fmt.Sprintf("/sets/%d/attempts", e.setID), nil); r.location != base+"/questions/3" {
		t.Fatalf("restart = %d to %q, want the attempt resumed at %s/questions/3", r.status, r.location, base)
	}
	if r := b.get(base); r.location != base+"/questions/3" {
		t.Fatalf("GET %s = %q, want a redirect to question 3", base, r.location)
	}
}

func TestNameAndResumeCode(t *testing.T) {
	e := newEnv(t)
	phone := e.browser()
	r := phone.post("/me/name", url.Values{"name": {"  Zoya  "}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save name = %d", r.status)
	}
	r = phone.get("/me")
	mustContain(t, "me", r.body, `value="Zoya"`, "Your sign-in code")
	i := strings.Index(r.body, `data-testid="resume-code">`)
	code := r.body[i+len(`data-testid="resume-code">`):]
	code = code[:strings.Index(code, "<")]
	base := phone.startQuiz()
	phone.post(base+"/questions/1", url.Values{"choice": {"1"}, "nav": {"next"}})

	laptop := e.browser()
	if r := laptop.post("/resume", url.Values{"code": {"WRONG-CODE"}}); r.status != http.StatusUnprocessableEntity {
		t.Fatalf("resume with a bad code = %d, want 422", r.status)
	}
	r = laptop.post("/resume", url.Values{"code": {strings.ToLower(code)}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("resume with %q = %d\n%s", code, r.status, r.body)
	}
	r = laptop.get(base + "/questions/1")
	mustContain(t, "laptop question 1", r.body, "Question 1 of 7", `value="1" checked`)
	mustContain(t, "laptop", laptop.get("/").body, "Zoya")

	t.Run("InvalidName", func(t *testing.T) {
		r := phone.post("/me/name", url.Values{"name": {strings.Repeat("x", 61)}})
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("long name = %d, want 422", r.status)
		}
		mustContain(t, "long name", r.body, "longer than 60 characters", `aria-invalid="true"`)
	})
	// A blank name is refused as the join form refuses it (the tester's
	// was saved, and the teacher saw "Learner 1"); the name stays.
	t.Run("BlankName", func(t *testing.T) {
		for _, blank := range []string{"", "   "} {
			r := phone.post("/me/name", url.Values{"name": {blank}})
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("name %q = %d, want 422", blank, r.status)
			}
			mustContain(t, "blank name", r.body, "Type your name", `aria-invalid="true"`, `aria-describedby="name-hint name-error"`, fmt.Sprintf(`value="%s"`, blank))
			mustContain(t, "me after a blank name", phone.get("/me").body, `value="Zoya"`)
		}
	})
}

func TestResumeRateLimited(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	var last int
	for i := 0; i < 11; i++ {
		last = b.post("/resume", url.Values{"code": {"AAAA-AAAA"}}).status
	}
	if last != http.StatusTooManyRequests {
		t.Fatalf("11th resume try in a minute = %d, want 429", last)
	}
	e.clock.add(time.Minute)
	if s := b.post("/resume", url.Values{"code": {"AAAA-AAAA"}}).status; s != http.StatusUnprocessableEntity {
		t.Fatalf("try after a minute = %d, want 422", s)
	}
}

func TestAnswerTooLong(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	base := b.startQuiz()
	r := b.post(base+"/questions/3", url.Values{"text": {strings.Repeat("a", 2001)}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("long answer = %d, want 422", r.status)
	}
	mustContain(t, "long answer", r.body, "longer than 2000 characters")
}

func TestBodyLimit(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	base := b.startQuiz()
	r := b.post(base+"/questions/3", url.Values{"text": {strings.Repeat("a", 2<<20)}})
	if r.status != http.StatusRequestEntityTooLarge {
		t.Fatalf("2 MB form = %d, want 413", r.status)
	}
}

func TestSessionExpires(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	base := b.startQuiz()
	e.clock.add(181 * 24 * time.Hour)
	if r := b.get(base + "/questions/1"); r.status != 404 {
		t.Fatalf("question after the session expired = %d, want 404", r.status)
	}
}

// parseHTML parses a page, to query it as a browser would.
func parseHTML(t *testing.T, body string) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse the page: %v", err)
	}
	return doc
}
