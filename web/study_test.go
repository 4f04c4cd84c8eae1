package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"factdrill/db"
	"factdrill/quiz"
)

// studyPath is the study page of the test set.
func (e *env) studyPath(query string) string {
	p := fmt.Sprintf("/sets/%d/study", e.setID)
	if query != "" {
		p += "?" + query
	}
	return p
}

var (
	cardRe     = regexp.MustCompile(`data-card="(\d*)"`)
	sideRe     = regexp.MustCompile(`data-side="(\w+)"`)
	repsRe     = regexp.MustCompile(`name="reps" value="(\d+)"`)
	shownRe    = regexp.MustCompile(`name="shown" value="(\d+)"`)
	intervalRe = regexp.MustCompile(`data-testid="interval-(\d)">([^<]*)<`)
	countRe    = regexp.MustCompile(`data-testid="count-(\w+)"><strong>(\d+)</strong>`)
)

// studyState is what a study page shows, read from its HTML.
type studyState struct {
	card      int64
	side      string
	reps      string
	shown     string
	mode      string
	intervals map[string]string // rating → label
	counts    map[string]string // queue → count
	body      string
}

func (b *browser) studyPage(path string) studyState {
	b.e.t.Helper()
	r := b.get(path)
	if r.status != http.StatusOK {
		b.e.t.Fatalf("GET %s = %d\n%s", path, r.status, r.body)
	}
	return parseStudy(b.e.t, r.body)
}

func parseStudy(t *testing.T, body string) studyState {
	t.Helper()
	st := studyState{intervals: map[string]string{}, counts: map[string]string{}, body: body}
	if m := cardRe.FindStringSubmatch(body); m != nil && m[1] != "" {
		st.card, _ = strconv.ParseInt(m[1], 10, 64)
	}
	if m := sideRe.FindStringSubmatch(body); m != nil {
		st.side = m[1]
	}
	if m := repsRe.FindStringSubmatch(body); m != nil {
		st.reps = m[1]
	}
	if m := shownRe.FindStringSubmatch(body); m != nil {
		st.shown = m[1]
	}
	if i := strings.Index(body, `class="ratings"`); i >= 0 {
		if m := regexp.MustCompile(`name="mode" value="(\w*)"`).FindStringSubmatch(body[i:]); m != nil {
			st.mode = m[1]
		}
	}
	for _, m := range intervalRe.FindAllStringSubmatch(body, -1) {
		st.intervals[m[1]] = m[2]
	}
	for _, m := range countRe.FindAllStringSubmatch(body, -1) {
		st.counts[m[1]] = m[2]
	}
	return st
}

// answer rates the card the page shows and checks the 303 back.
func (b *browser) answer(st studyState, rating string) response {
	b.e.t.Helper()
	r := b.post(b.e.studyPath(""), url.Values{"card": {strconv.FormatInt(st.card, 10)}, "reps": {st.reps}, "shown": {st.shown}, "rating": {rating}, "mode": {st.mode}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, b.e.studyPath("")) {
		b.e.t.Fatalf("answer %s to card %d = %d to %q, want 303 to the study page\n%s", rating, st.card, r.status, r.location, r.body)
	}
	return r
}

// wantIntervals checks the labels on the buttons against the scheduler's
// preview of the learner's card at the clock's time.
func (e *env) wantIntervals(learnerID int64, st studyState) {
	e.t.Helper()
	c, err := e.store.Card(context.Background(), learnerID, st.card)
	if err != nil {
		e.t.Fatal(err)
	}
	sched, err := db.DefaultStudySettings().Scheduler()
	if err != nil {
		e.t.Fatal(err)
	}
	now := e.clock.now()
	for i, next := range sched.Preview(c.Card, now, st.card) {
		key := strconv.Itoa(i + 1)
		if want := quiz.IntervalLabel(next, now); st.intervals[key] != want {
			e.t.Errorf("card %d (%v): button %s shows %q, want %q", st.card, c.Card.State, key, st.intervals[key], want)
		}
	}
}

func (e *env) questionIDs() []int64 {
	e.t.Helper()
	_, qs, err := e.store.PublishedSet(context.Background(), e.setID)
	if err != nil {
		e.t.Fatal(err)
	}
	var ids []int64
	for _, q := range qs {
		ids = append(ids, q.ID)
	}
	return ids
}

func TestStudy_Visitor(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	r := b.get(e.studyPath(""))
	if r.status != http.StatusOK {
		t.Fatalf("GET study = %d", r.status)
	}
	if c := r.header.Get("Set-Cookie"); c != "" {
		t.Errorf("GET study set a cookie %q; looking must not create a learner", c)
	}
	st := parseStudy(t, r.body)
	ids := e.questionIDs()
	// Six flashcards: the essay is not one.
	if st.card != ids[0] || st.side != "front" || st.counts["new"] != "6" || st.counts["learning"] != "0" || st.counts["review"] != "0" {
		t.Fatalf("visitor's study page: card %d, side %s, counts %v; want the first card's front, 6 new", st.card, st.side, st.counts)
	}
	mustContain(t, "front", r.body, "Capital of France?", `class="card-options"`, "Show answer", `data-back data-testid="back" hidden`)
	if st.intervals["1"] != "1m" || st.intervals["2"] != "6m" || st.intervals["3"] != "10m" {
		t.Errorf("new card intervals = %v, want 1m, 6m, 10m", st.intervals)
	}
	e.wantIntervals(0, st)
	if strings.Contains(r.body, "style=") || strings.Contains(r.body, "<script>") {
		t.Error("the study page has inline style or script, which the CSP blocks")
	}

	back := b.studyPage(e.studyPath(fmt.Sprintf("card=%d&show=1&shown=%s", st.card, st.shown)))
	if back.side != "back" || back.shown != st.shown || back.card != st.card {
		t.Fatalf("back: side %s, shown %s, card %d; want the back of card %d shown at %s", back.side, back.shown, back.card, st.card, st.shown)
	}
	mustContain(t, "back", back.body, `data-testid="answer">Paris`, `class="right" data-right`)
	if strings.Contains(back.body, `data-testid="back" hidden`) {
		t.Error("the back is hidden on ?show=1")
	}

	t.Run("ErrNotFound", func(t *testing.T) {
		for _, p := range []string{"/sets/999/study", e.studyPath("card=abc"), e.studyPath(fmt.Sprintf("card=%d", ids[6]))} {
			if r := b.get(p); r.status != 404 {
				t.Errorf("GET %s = %d, want 404", p, r.status)
			}
		}
	})
}

// TestStudy_Journey studies the set without JavaScript: answers, the
// intervals on the buttons, a learning card coming back, undo, a stale
// answer, and the end of the day's cards.
func TestStudy_Journey(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	ids := e.questionIDs()

	st := b.studyPage(e.studyPath(""))
	start := st.shown
	e.clock.add(8 * time.Second)
	b.answer(st, "3") // Good: to the 10-minute step
	lid, err := b.e.learnerID(b)
	if err != nil {
		t.Fatal(err)
	}
	if log, _ := e.store.ReviewLog(context.Background(), lid, ids[0]); len(log) != 1 || log[0].Taken != 8*time.Second || log[0].Rating != quiz.RatingGood {
		t.Fatalf("log of card 1 = %+v, want one Good answer that took 8s (shown at %s)", log, start)
	}

	st = b.studyPage(e.studyPath(""))
	if st.card != ids[1] || st.counts["new"] != "5" || st.counts["learning"] != "1" {
		t.Fatalf("after one answer: card %d, counts %v; want card 2 with 5 new, 1 learning", st.card, st.counts)
	}
	e.wantIntervals(lid, st)
	mustContain(t, "undo offered", st.body, `data-testid="undo"`)

	// A second answer to the same showing (a double click) is not counted.
	b.answer(st, "1")
	if r := b.answer(st, "1"); !strings.Contains(r.location, "notice=answered") {
		t.Fatalf("second answer to the same showing went to %q, want notice=answered", r.location)
	}
	if log, _ := e.store.ReviewLog(context.Background(), lid, ids[1]); len(log) != 1 {
		t.Fatalf("card 2 has %d answers after a double submit, want 1", len(log))
	}

	// Undo brings card 2 back as it was.
	r := b.post(e.studyPath("")+"/undo", formOf(t, b.studyPage(e.studyPath("")).body, "form.undo-form"))
	if r.status != http.StatusSeeOther || !strings.Contains(r.location, fmt.Sprintf("card=%d", ids[1])) {
		t.Fatalf("undo = %d to %q, want 303 to card 2", r.status, r.location)
	}
	st = b.studyPage(r.location)
	if st.card != ids[1] || st.reps != "0" || st.counts["new"] != "5" {
		t.Fatalf("after undo: card %d reps %s counts %v; want card 2 new again", st.card, st.reps, st.counts)
	}
	mustContain(t, "undone", st.body, "Your last answer is undone")

	// Answer the other new cards Easy; the learning card then comes back
	// within the learn-ahead limit, and Good moves it to review.
	for range 5 {
		st = b.studyPage(e.studyPath(""))
		if st.card == ids[0] {
			t.Fatalf("the learning card came back before the new cards: %v", st.counts)
		}
		b.answer(st, "4")
	}
	st = b.studyPage(e.studyPath(""))
	if st.card != ids[0] || st.counts["learning"] != "1" || st.counts["new"] != "0" {
		t.Fatalf("after the new cards: card %d, counts %v; want the learning card 1", st.card, st.counts)
	}
	mustContain(t, "learning card", st.body, `aria-current="true" data-testid="count-learning"`)
	e.wantIntervals(lid, st)
	b.answer(st, "3")

	// Nothing is left: the page says when the next card is due.
	r = b.get(e.studyPath(""))
	st = parseStudy(t, r.body)
	if st.side != "done" {
		t.Fatalf("after every card: side %s (card %d), want done", st.side, st.card)
	}
	// The soonest card graduated from the 10-minute step with 2 days.
	mustContain(t, "done", r.body, "All caught up", `data-testid="next-due">The next card is due <strong>on Tuesday at 04:00</strong>`,
		`data-testid="study-ahead"`, "Study ahead (6)")

	// On Tuesday that card is due for review.
	e.clock.add(48 * time.Hour)
	st = b.studyPage(e.studyPath(""))
	if st.counts["review"] != "1" || st.side != "front" {
		t.Fatalf("two days later: counts %v, side %s; want a review due", st.counts, st.side)
	}
	mustContain(t, "review card", st.body, `aria-current="true" data-testid="count-review"`)
	e.wantIntervals(lid, st)
	b.answer(st, "3")

	// Studying ahead then shows the card due soonest, and keeps the mode.
	st = b.studyPage(e.studyPath("mode=ahead"))
	if st.side != "front" || st.card == 0 || st.mode != "ahead" {
		t.Fatalf("study ahead: side %s card %d mode %q, want a card, ahead", st.side, st.card, st.mode)
	}
	mustContain(t, "ahead", st.body, "Ahead of time")
	if r := b.answer(st, "3"); !strings.Contains(r.location, "mode=ahead") {
		t.Errorf("an answer while studying ahead goes to %q, want the mode kept", r.location)
	}
}

// learnerID returns the learner of the browser's session.
func (e *env) learnerID(b *browser) (int64, error) {
	u, _ := url.Parse(e.srv.URL)
	req, _ := http.NewRequest("GET", e.srv.URL+"/me", nil)
	for _, c := range b.c.Jar.Cookies(u) {
		req.AddCookie(c)
	}
	resp, err := b.c.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	// The learner is the newest one: tests make one browser learn at a time.
	var id int64
	for i := int64(1); i < 100; i++ {
		if _, err := e.store.Learner(context.Background(), i); err == nil {
			id = i
		}
	}
	if id == 0 {
		return 0, fmt.Errorf("no learner")
	}
	return id, nil
}

func TestStudy_BadAnswers(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	ids := e.questionIDs()
	for _, form := range []url.Values{
		{"card": {strconv.FormatInt(ids[0], 10)}, "rating": {"5"}},
		{"card": {"x"}, "rating": {"3"}},
		{"card": {strconv.FormatInt(ids[0], 10)}, "rating": {"3"}, "reps": {"-2"}},
	} {
		if r := b.post(e.studyPath(""), form); r.status != http.StatusBadRequest {
			t.Errorf("POST %v = %d, want 400", form, r.status)
		}
	}
	if r := b.post(e.studyPath(""), url.Values{"card": {strconv.FormatInt(ids[6], 10)}, "rating": {"3"}}); r.status != 404 {
		t.Errorf("answering the essay = %d, want 404", r.status)
	}
	if r := b.get(e.studyPath("") + "/undo"); r.status != 404 && r.status != 405 {
		t.Errorf("GET undo = %d, want 404 or 405", r.status)
	}
	if r := e.browser().post(e.studyPath("")+"/undo", nil); !strings.Contains(r.location, "nothing-to-undo") {
		t.Errorf("undo by a visitor goes to %q, want nothing-to-undo", r.location)
	}
}

func TestStudy_QuizAnswersAreReviews(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	base := b.startQuiz()
	b.post(base+"/questions/1", url.Values{"choice": {"1"}, "nav": {"next"}})    // right: Good
	b.post(base+"/questions/2", url.Values{"truth": {"false"}, "nav": {"next"}}) // wrong: Again
	b.post(base+"/questions/1", url.Values{"choice": {"0"}, "nav": {"next"}})    // changed: not counted
	st := b.studyPage(e.studyPath(""))
	if st.counts["new"] != "4" || st.counts["learning"] != "2" {
		t.Fatalf("after two quiz answers: counts %v, want 4 new, 2 learning", st.counts)
	}
	lid, _ := e.learnerID(b)
	ids := e.questionIDs()
	for i, want := range []quiz.Rating{quiz.RatingGood, quiz.RatingAgain} {
		log, err := e.store.ReviewLog(context.Background(), lid, ids[i])
		if err != nil || len(log) != 1 || log[0].Rating != want || log[0].Source != "quiz" {
			t.Errorf("question %d: log %+v, %v; want one quiz review rated %v", i+1, log, err, want)
		}
	}
}

func TestStudy_Suspend(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	st := b.studyPage(e.studyPath(""))
	r := b.post(e.studyPath("")+"/suspend", url.Values{"card": {strconv.FormatInt(st.card, 10)}})
	if r.status != http.StatusSeeOther || !strings.Contains(r.location, "notice=suspended") {
		t.Fatalf("suspend = %d to %q", r.status, r.location)
	}
	next := b.studyPage(r.location)
	if next.card == st.card || next.counts["new"] != "5" {
		t.Fatalf("after suspending card %d: card %d, counts %v; want another card, 5 new", st.card, next.card, next.counts)
	}
	mustContain(t, "suspended", next.body, "1 suspended card", "is suspended")
	b.post(e.studyPath("")+"/unsuspend", nil)
	if again := b.studyPage(e.studyPath("")); again.card != st.card || again.counts["new"] != "6" {
		t.Fatalf("after restoring: card %d, counts %v; want card %d back", again.card, again.counts, st.card)
	}
}

func TestSettings(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	r := b.get("/settings")
	mustContain(t, "defaults", r.body, `name="retention" value="90"`, `name="new_per_day" value="20"`,
		`<option value="UTC" selected>`, `<option value="4" selected>4:00</option>`, `<optgroup label="Europe">`, "Paris (UTC+01:00)")
	if c := r.header.Get("Set-Cookie"); c != "" {
		t.Errorf("GET /settings set a cookie")
	}

	r = b.post("/settings", url.Values{"retention": {"50"}, "new_per_day": {"lots"}, "time_zone": {"Mars/Olympus"}, "rollover_hour": {"4"}, "back": {strconv.FormatInt(e.setID, 10)}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid settings = %d, want 422", r.status)
	}
	page := parseHTML(t, r.body)
	for field, want := range map[string]string{
		"retention": "Choose a retention from 70% to 99%.", "new_per_day": "Type a whole number", "time_zone": "Choose a time zone",
	} {
		if got := page.Find("#" + field + "-error").Text(); !strings.HasPrefix(got, want) {
			t.Errorf("the message beside %s = %q, want %q", field, got, want)
		}
		if got := page.Find("#"+field).AttrOr("aria-invalid", ""); got != "true" {
			t.Errorf("%s aria-invalid = %q, want true", field, got)
		}
	}
	if page.Find("#rollover_hour-error").Length() != 0 || page.Find("#rollover_hour[aria-invalid]").Length() != 0 {
		t.Error("the valid rollover hour is marked wrong")
	}
	if got := page.Find("#retention").AttrOr("value", "") + "|" + page.Find("#new_per_day").AttrOr("value", ""); got != "50|lots" {
		t.Errorf("the values typed = %q, want them kept (50|lots)", got)
	}
	mustContain(t, "errors", r.body, "Back to studying")

	r = b.post("/settings", url.Values{"retention": {"85%"}, "new_per_day": {"7"}, "time_zone": {"America/New_York"}, "rollover_hour": {"3"}})
	if r.status != http.StatusSeeOther || r.location != "/settings?notice=saved" {
		t.Fatalf("valid settings = %d to %q", r.status, r.location)
	}
	r = b.get(r.location)
	mustContain(t, "saved", r.body, "Your settings are saved.", `name="retention" value="85"`, `name="new_per_day" value="7"`,
		`<option value="America/New_York" selected>`, `<option value="3" selected>`)

	// The limit applies: 7 new cards a day, of the set's 6.
	if st := b.studyPage(e.studyPath("")); st.counts["new"] != "6" {
		t.Fatalf("new cards = %s, want 6", st.counts["new"])
	}
	b.post("/settings", url.Values{"retention": {"85"}, "new_per_day": {"2"}, "time_zone": {"America/New_York"}, "rollover_hour": {"3"}})
	if st := b.studyPage(e.studyPath("")); st.counts["new"] != "2" {
		t.Fatalf("new cards with a limit of 2 = %s, want 2", st.counts["new"])
	}
}

// TestStudy_BrowserTimeZone checks the first answer adopts the browser's
// zone for a learner who has chosen none, so their day starts at 4 AM
// local time.
func TestStudy_BrowserTimeZone(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	st := b.studyPage(e.studyPath(""))
	mustContain(t, "tz field", st.body, `name="tz" value="" data-browser-tz`)
	b.post(e.studyPath(""), url.Values{"card": {strconv.FormatInt(st.card, 10)}, "reps": {"0"}, "rating": {"3"}, "tz": {"Asia/Tokyo"}})
	lid, _ := e.learnerID(b)
	if s, _ := e.store.StudySettings(context.Background(), lid); s.TimeZone != "Asia/Tokyo" {
		t.Fatalf("time zone after the first answer = %q, want Asia/Tokyo", s.TimeZone)
	}
	if st := b.studyPage(e.studyPath("")); strings.Contains(st.body, "data-browser-tz") {
		t.Error("the answer form still asks for the browser's zone once one is saved")
	}
}

func TestStats(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	mustContain(t, "visitor", b.get("/stats").body, "Nothing to count yet")

	for day := range 3 {
		for range 2 {
			st := b.studyPage(e.studyPath(""))
			if st.side != "front" {
				break
			}
			b.answer(st, "3")
		}
		e.clock.add(24 * time.Hour)
		_ = day
	}
	r := b.get("/stats")
	if r.status != 200 {
		t.Fatalf("GET /stats = %d", r.status)
	}
	mustContain(t, "stats", r.body,
		`role="img" aria-labelledby="heatmap-title heatmap-desc"`, `<title id="heatmap-title">Reviews per day</title>`,
		`data-testid="due"`, `data-testid="retention"`, `data-testid="states"`,
		"6 answers on 3 days in the last 26 weeks", `<th scope="row">Today</th>`, "First week", "aim 90%",
		`aria-current="page">Statistics</a>`)
	if strings.Contains(r.body, "style=") {
		t.Error("the stats page has inline style attributes, which the CSP blocks")
	}
	if n := strings.Count(r.body, "data-reviews="); n != 26*7 {
		t.Errorf("the calendar has %d days, want %d", n, 26*7)
	}
	if r := b.get("/stats?set=abc"); r.status != 404 {
		t.Errorf("GET /stats?set=abc = %d, want 404", r.status)
	}
}

func TestSetPageLinksFlashcards(t *testing.T) {
	e := newEnv(t)
	mustContain(t, "set page", e.browser().get(fmt.Sprintf("/sets/%d", e.setID)).body,
		fmt.Sprintf(`href="/sets/%d/study" data-testid="study-flashcards"`, e.setID))
}

func TestDueText(t *testing.T) {
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	paris, _ := time.LoadLocation("Europe/Paris")
	for _, tt := range []struct {
		at   time.Time
		want string
	}{
		{time.Time{}, ""},
		{now.Add(30 * time.Second), "now"},
		{now.Add(8 * time.Minute), "in 8 minutes, at 11:08"},
		{now.Add(3 * time.Hour), "in about 3 hours, at 14:00"},
		{time.Date(2026, 11, 30, 3, 0, 0, 0, time.UTC), "tomorrow at 04:00"},
		{time.Date(2026, 12, 2, 3, 0, 0, 0, time.UTC), "on Wednesday at 04:00"},
		{time.Date(2026, 12, 20, 3, 0, 0, 0, time.UTC), "on Sunday 20 December"},
	} {
		if got := dueText(tt.at, now, paris); got != tt.want {
			t.Errorf("dueText(%v) = %q, want %q", tt.at, got, tt.want)
		}
	}
}

// formOf returns the fields of the page's form matched by sel, as the
// browser would send them untouched (radio buttons and boxes only if
// checked).
func formOf(t *testing.T, body, sel string) url.Values {
	t.Helper()
	form := parseHTML(t, body).Find(sel)
	if form.Length() == 0 {
		t.Fatalf("the page has no form %s", sel)
	}
	return formValues(form)
}

// TestStudy_UndoTwice is issue 14's item 15: the Undo form posted twice
// (a double click, or a retry) took back two answers. The form names the
// answer it undoes, so the second post takes back nothing.
func TestStudy_UndoTwice(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	ids := e.questionIDs()
	b.answer(b.studyPage(e.studyPath("")), "3")
	st := b.studyPage(e.studyPath(""))
	b.answer(st, "3")
	page := b.studyPage(e.studyPath(""))
	undo := formOf(t, page.body, "form.undo-form")
	for i := range 2 {
		if r := b.post(e.studyPath("")+"/undo", undo); r.status != http.StatusSeeOther {
			t.Fatalf("undo %d = %d, want 303", i+1, r.status)
		}
	}
	lid, err := e.learnerID(b)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{1, 0} {
		if log, _ := e.store.ReviewLog(context.Background(), lid, ids[i]); len(log) != want {
			t.Errorf("card %d has %d answers after the undo form was posted twice, want %d", i+1, len(log), want)
		}
	}
	r := b.post(e.studyPath("")+"/undo", undo)
	if !strings.Contains(r.location, "nothing-to-undo") {
		t.Errorf("a third post of the same undo goes to %q, want nothing-to-undo", r.location)
	}
}
