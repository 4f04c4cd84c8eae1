package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"factdrill/db"
	"factdrill/quiz"
)

// key presses keys on whatever has the focus, as a keyboard would.
func (b tab) key(keys string) {
	b.t.Helper()
	b.do("press "+strconv.Quote(keys), chromedp.KeyEvent(keys))
}

// waitFor waits until the JavaScript expression is true.
func (b tab) waitFor(what, expr string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		b.t.Fatalf("wait for %s (%s): %v", what, expr, err)
	}
}

// darkMode makes the page prefer a dark colour scheme, or not.
func (b tab) darkMode(on bool) {
	b.t.Helper()
	v := "light"
	if on {
		v = "dark"
	}
	b.do("colour scheme "+v, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v}},
		})
		return err
	}))
}

func (b tab) studyAttr(name string) string {
	b.t.Helper()
	return b.eval(fmt.Sprintf(`document.getElementById("study").dataset.%s || ""`, name))
}

// TestBrowser_Flashcards studies the built-in set with the keyboard alone:
// Space shows the answer, 1-4 and Space answer, U undoes. Each answer is
// sent without a page reload, and the intervals on the four buttons are
// checked against the scheduler for the learner's card at that moment.
// Then it looks at the end of the day's cards, the statistics and the
// settings, in light and dark mode and on a phone, with screenshots.
func TestBrowser_Flashcards(t *testing.T) {
	ctx := newBrowser(t)
	srv := startServer(t, tempDB(t))
	store, info := seedSetOf(t, srv.DB)
	b := tab{t, ctx}
	b.open(fmt.Sprintf("%s/sets/%d", srv.URL, info.ID))
	b.click(`[data-testid="study-flashcards"]`)
	b.eval(`window.__sameDocument = "yes"`)
	if n := b.text(`[data-testid="count-new"] strong`); n != strconv.Itoa(min(20, info.Questions)) {
		t.Fatalf("the study page counts %s new cards, want %d", n, min(20, info.Questions))
	}
	b.screenshot("flashcard-front")

	// The learner is made by the first answer; the fresh database has no
	// other, so it is learner 1.
	const learner = int64(1)
	learnerKnown := false
	wantIntervals := func(card int64) {
		t.Helper()
		st := db.DefaultStudySettings()
		c := quiz.Card{}
		if learnerKnown {
			var err error
			if st, err = store.StudySettings(context.Background(), learner); err != nil {
				t.Fatal(err)
			}
			sc, err := store.Card(context.Background(), learner, card)
			if err != nil {
				t.Fatal(err)
			}
			c = sc.Card
		}
		sched, err := st.Scheduler()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		if err := json.Unmarshal([]byte(b.eval(`JSON.stringify([1,2,3,4].map(function (n) {
			return document.querySelector('[data-testid="interval-' + n + '"]').textContent; }))`)), &got); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		for i, next := range sched.Preview(c, now, card) {
			if want := quiz.IntervalLabel(next, now); got[i] != want {
				t.Errorf("card %d (%v, step %d): button %d shows %q, want %q", card, c.State, c.Step, i+1, got[i], want)
			}
		}
	}

	type step struct {
		key    string
		rating quiz.Rating
		from   string // the queue the card comes from
	}
	steps := []step{
		{"3", quiz.RatingGood, "new"},
		{"1", quiz.RatingAgain, "new"},
		{" ", quiz.RatingGood, "new"},      // Space once the answer shows is Good
		{"4", quiz.RatingEasy, "learning"}, // the card answered Again, learned ahead
		{"2", quiz.RatingHard, "learning"},
	}
	var cards []int64
	for i, s := range steps {
		card, err := strconv.ParseInt(b.studyAttr("card"), 10, 64)
		if err != nil || b.studyAttr("side") != "front" {
			t.Fatalf("step %d: the page shows card %q, side %q; want a card's front", i+1, b.studyAttr("card"), b.studyAttr("side"))
		}
		if from := b.eval(`(document.querySelector('.study-counts .current') || {}).dataset.testid || ""`); from != "count-"+s.from {
			t.Errorf("step %d: the current queue is %q, want count-%s", i+1, from, s.from)
		}
		if b.has(`[data-testid="ratings"]:not([hidden])`) {
			t.Fatalf("step %d: the answer buttons show before the answer", i+1)
		}
		b.key(" ")
		b.waitFor("the answer", `document.getElementById("study").dataset.side === "back"`)
		if f := b.eval(`document.activeElement.value || ""`); f != "3" {
			t.Errorf("step %d: focus is on %q after showing the answer, want the Good button", i+1, f)
		}
		wantIntervals(card)
		if i == 0 {
			b.screenshot("flashcard-back")
		}
		b.key(s.key)
		b.waitFor("the next card", fmt.Sprintf(`document.body.dataset.swaps === "%d"`, i+1))
		log, err := store.ReviewLog(context.Background(), learner, card)
		if err != nil || len(log) == 0 || log[len(log)-1].Rating != s.rating || log[len(log)-1].Source != "study" {
			t.Fatalf("step %d: log of card %d = %+v, %v; want its last answer %v", i+1, card, log, err, s.rating)
		}
		cards = append(cards, card)
		if i == 0 {
			// Three new cards a day, so that the learning cards come back
			// within the session (learned ahead, being due in minutes).
			learnerKnown = true
			st, err := store.StudySettings(context.Background(), learner)
			if err != nil {
				t.Fatal(err)
			}
			st.NewPerDay = 3
			if err := store.SaveStudySettings(context.Background(), learner, st); err != nil {
				t.Fatal(err)
			}
		}
	}
	if cards[3] != cards[1] {
		t.Errorf("the fourth card is %d, want %d, the one answered Again", cards[3], cards[1])
	}

	// U takes the last answer back: the same card, as it was.
	b.key("u")
	b.waitFor("the undone card", fmt.Sprintf(`document.body.dataset.swaps === "%d"`, len(steps)+1))
	if got := b.studyAttr("card"); got != strconv.FormatInt(cards[4], 10) {
		t.Fatalf("after undo the page shows card %s, want %d", got, cards[4])
	}
	contains(t, "after undo", b.text(".study-message"), "undone")
	if log, _ := store.ReviewLog(context.Background(), learner, cards[4]); len(log) != 1 {
		t.Fatalf("after undo card %d has %d answers, want 1", cards[4], len(log))
	}
	if b.eval(`window.__sameDocument || "reloaded"`) != "yes" {
		t.Fatal("the page reloaded while studying; answers should be sent in place")
	}

	// Answer what is left Easy, by keys: the day's cards end.
	for i := 0; b.studyAttr("side") == "front"; i++ {
		if i > 5 {
			t.Fatal("the session does not end")
		}
		b.key(" ")
		b.waitFor("the answer", `document.getElementById("study").dataset.side === "back"`)
		n := b.eval(`document.body.dataset.swaps`)
		b.key("4")
		b.waitFor("the next card", fmt.Sprintf(`document.body.dataset.swaps !== %q`, n))
	}
	contains(t, "done", b.text(`[data-testid="done"]`), "All caught up", "The next card is due", "wait for tomorrow")
	b.screenshot("study-done")

	// The same in dark mode and on a phone, without sideways scrolling.
	b.open(fmt.Sprintf("%s/sets/%d/study?mode=more", srv.URL, info.ID))
	b.key(" ")
	b.waitFor("the answer", `document.getElementById("study").dataset.side === "back"`)
	b.darkMode(true)
	b.screenshot("flashcard-back-dark")
	b.darkMode(false)
	b.do("phone viewport", chromedp.EmulateViewport(375, 740, chromedp.EmulateScale(2)))
	for _, p := range []struct{ name, path string }{
		{"flashcard-phone", fmt.Sprintf("/sets/%d/study?mode=more", info.ID)},
		{"stats-phone", "/stats"},
		{"settings-phone", "/settings"},
	} {
		b.open(srv.URL + p.path)
		if p.name == "flashcard-phone" {
			b.key(" ")
			b.waitFor("the answer", `document.getElementById("study").dataset.side === "back"`)
		}
		if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "375" {
			t.Errorf("%s is %spx wide on a 375px phone, want no sideways scrolling", p.path, w)
		}
		b.screenshot(p.name)
	}
	b.do("desktop viewport", chromedp.EmulateViewport(1100, 900))

	// The statistics draw their charts as SVG images with text beside.
	b.open(srv.URL + "/stats")
	contains(t, "stats", b.text("main"), "Reviews per day", "Due in the next 30 days", "True retention by card age", "Cards by state")
	for _, id := range []string{"heatmap", "due", "retention", "states"} {
		if !b.has(fmt.Sprintf(`svg[data-testid=%q][role="img"] title`, id)) {
			t.Errorf("the %s chart is missing or has no title", id)
		}
	}
	b.screenshot("stats")
	b.darkMode(true)
	b.screenshot("stats-dark")
	b.darkMode(false)

	// Settings: a wrong value is answered next to its field.
	b.open(srv.URL + "/settings")
	b.do("clear retention", chromedp.SetValue(chromedp.CSS("#retention"), ""))
	b.do("type retention", chromedp.SendKeys(chromedp.CSS("#retention"), "50"))
	b.click(`[data-testid="save-settings"]`)
	contains(t, "settings error", b.text("#retention-error"), "from 70% to 99%")
	b.screenshot("settings-error")
}
