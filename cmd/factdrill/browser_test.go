package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"factdrill/questions"
)

// Browser tests drive Debian's chromium through chromedp against the real
// server. Without chromium they are skipped, unless FACTDRILL_E2E=1 (set by
// `make e2e` and CI) makes a missing browser a failure.

func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("FACTDRILL_CHROMIUM"), "/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("FACTDRILL_E2E") == "1" {
		t.Fatal("FACTDRILL_E2E=1 but no chromium found; install Debian's chromium package (see README)")
	}
	t.Skip("no chromium found; install it and run `make e2e` for the browser tests")
	return ""
}

// newBrowser starts a headless chromium for the test and returns the
// context of its first tab. A watchdog ends it if the test hangs: a deadline
// on the first context would kill the browser midway instead.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.NoSandbox,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1100, 900),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		cancelAlloc()
		t.Fatalf("start chromium: %v", err)
	}
	watchdog := time.AfterFunc(4*time.Minute, func() {
		t.Error("browser test took over 4 minutes; stopping the browser")
		cancelAlloc()
	})
	t.Cleanup(func() {
		watchdog.Stop()
		cancel()
		cancelAlloc()
	})
	return ctx
}

// tab wraps one browser tab with the steps the journeys use; each step
// fails the test with what it was doing.
type tab struct {
	t   *testing.T
	ctx context.Context
}

func (b tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

func (b tab) open(url string) { b.t.Helper(); b.do("open "+url, chromedp.Navigate(url)) }

// click clicks the element and waits for the page it loads.
func (b tab) click(sel string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))); err != nil {
		b.t.Fatalf("click %s: %v", sel, err)
	}
}

// press types keys into the element and waits for the page they load
// (Enter in a form submits it).
func (b tab) press(sel, keys string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.SendKeys(chromedp.CSS(sel), keys))); err != nil {
		b.t.Fatalf("type %q into %s: %v", keys, sel, err)
	}
}

func (b tab) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func (b tab) value(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("value of %s: %v", sel, err)
	}
	return s
}

func (b tab) eval(js string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		b.t.Fatalf("evaluate %s: %v", js, err)
	}
	return s
}

func (b tab) location() string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

func (b tab) has(sel string) bool {
	b.t.Helper()
	return b.eval(fmt.Sprintf("document.querySelector(%q) ? 'yes' : 'no'", sel)) == "yes"
}

// screenshot saves the whole page as NAME.png in the screenshot folder:
// FACTDRILL_SCREENSHOTS, or .e2e/ at the top of the repository.
func (b tab) screenshot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	dir := os.Getenv("FACTDRILL_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join("..", "..", ".e2e")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot: %s", path)
}

func contains(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Fatalf("%s: %q does not contain %q", what, got, w)
		}
	}
}

// answer fills in question q on the page, right or wrong on purpose, and
// returns the CSS selector of a text field it typed into ("" if none).
func answer(b tab, q questions.Question, right bool) string {
	b.t.Helper()
	switch q.Kind {
	case questions.MultipleChoice:
		for i, c := range q.Choices {
			if (c.Weight > 0) == right {
				// By the option's own index: the page shows the options in
				// the attempt's shuffled order.
				b.do("pick an option", chromedp.Click(chromedp.CSS(fmt.Sprintf(`.options input[value="%d"]`, i))))
				if !q.Multiple || !right {
					break
				}
			}
		}
	case questions.TrueFalse:
		v := q.Truth == right
		b.do("pick true/false", chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="truth"][value="%t"]`, v))))
	case questions.ShortAnswer, questions.Cloze, questions.Numerical, questions.Essay:
		text := "no idea at all"
		if right {
			switch {
			case q.Kind == questions.Numerical:
				text = strconv.FormatFloat(q.Numbers[0].Value, 'g', -1, 64)
			case q.Kind != questions.Essay:
				text = strings.ReplaceAll(q.Answers[0].Text, "*", "")
			}
		}
		b.eval(`document.querySelector("#answer").value = ""`)
		b.do("type the answer", chromedp.SendKeys(chromedp.CSS("#answer"), text))
		return "#answer"
	case questions.Matching:
		for i, p := range q.Prompts() {
			v := p.Answer
			if !right {
				v = ""
			}
			b.do("match", chromedp.SetValue(chromedp.CSS(fmt.Sprintf("#match%d", i)), v))
		}
	}
	return ""
}

// TestBrowser_StudentJourney walks the student's journey of the foundation
// issue in a real browser: the set list, a quiz answered one question a
// page with a change of answer, the tab closed and the attempt resumed, the
// result with source sentences, a display name, and the resume code used
// on a second device.
func TestBrowser_StudentJourney(t *testing.T) {
	ctx := newBrowser(t)
	srv := startServer(t, tempDB(t))

	store, info := seedSetOf(t, srv.DB)
	_, qs, err := store.PublishedSet(context.Background(), info.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := len(qs)

	// 1. The home page lists the set: title, size and origin. The quiz runs
	// in a tab of its own, so that closing it is closing a real tab.
	firstTab, closeFirst := chromedp.NewContext(ctx)
	defer closeFirst()
	b := tab{t, firstTab}
	b.open(srv.URL + "/")
	contains(t, "set list", b.text(`[data-testid="sets"]`), "Workers' Opposition", fmt.Sprintf("%d questions", n), "generated from workers-opposition.txt")

	// 2. Open the set and start a quiz.
	b.click(`ul.sets a`)
	b.click(`form[action$="/attempts"] button`)

	// 3. One question a page; odd-numbered questions answered right, but
	// question 3 wrong at first: from question 5 the learner goes back and
	// corrects it, finding the first answer kept.
	right := func(i int) bool { return i%2 == 1 }
	const resumeAt = 6
	if n < resumeAt+1 {
		t.Fatalf("the built-in set has %d questions; the journey needs at least %d", n, resumeAt+1)
	}
	for i := 1; i <= n; i++ {
		contains(t, "progress", b.text(`[data-testid="progress"]`), fmt.Sprintf("Question %d of %d", i, n))
		q := qs[i-1].Question
		if kind := b.eval(`document.querySelector('[data-testid="question"]').dataset.kind`); kind != string(q.Kind) {
			t.Fatalf("question %d shows kind %q, want %q", i, kind, q.Kind)
		}
		field := answer(b, q, right(i) && i != 3)
		if i == 3 {
			b.screenshot("question-page")
		}
		switch {
		case i == n:
			b.click(`[data-testid="finish"]`)
		case field != "":
			// Enter in the field saves and moves on, as a keyboard user
			// would do it.
			b.press(field, "\r")
		default:
			b.click(`[data-testid="next"]`)
		}
		if i == 4 {
			b.click(`[data-testid="prev"]`) // back to 4
			b.click(`[data-testid="prev"]`) // back to 3
			contains(t, "back at question 3", b.text(`[data-testid="progress"]`), "Question 3 of")
			if q3 := qs[2].Question; b.has("#answer") && q3.Kind != questions.Essay {
				if v := b.value("#answer"); v != "no idea at all" {
					t.Fatalf("question 3 shows %q after going back, want the answer typed before", v)
				}
			}
			answer(b, qs[2].Question, true)
			b.click(`[data-testid="next"]`) // to 4, answered already
			b.click(`[data-testid="next"]`) // to 5
		}
		if i == resumeAt {
			// 4. Close the tab and come back in a new one: the home page
			// offers to continue where the attempt was.
			where := b.location()
			closeFirst()
			tabCtx, closeTab := chromedp.NewContext(ctx)
			defer closeTab()
			b = tab{t, tabCtx}
			b.open(srv.URL + "/")
			contains(t, "home after closing the tab", b.text("main"), "Pick up where you left off", fmt.Sprintf("question %d of %d", i+1, n))
			b.click(`main .card a`)
			if got := b.location(); got != where {
				t.Fatalf("resumed at %s, want %s", got, where)
			}
		}
	}

	// 5. Finish: the score, and for each question the answer given, the
	// right answer and the source sentence.
	b.click(`[data-testid="confirm-finish"]`)
	graded, wantRight := 0, 0
	for i, q := range qs {
		if q.Kind.Graded() {
			graded++
			if right(i+1) || i+1 == 3 {
				wantRight++
			}
		}
	}
	contains(t, "score", b.text(`[data-testid="score"]`), fmt.Sprintf("%d of %d right", wantRight, graded))
	items := b.eval(`String(document.querySelectorAll('[data-testid="result-item"]').length)`)
	sources := b.eval(`String(document.querySelectorAll('[data-testid="source"]').length)`)
	if items != strconv.Itoa(n) || sources != strconv.Itoa(n) {
		t.Fatalf("result shows %s items and %s source sentences, want %d of each", items, sources, n)
	}
	first := b.text(`[data-testid="result-item"]`)
	contains(t, "first result", first, "Your answer", "Right answer", qs[0].Source.Sentence[:40])
	b.screenshot("result-page")

	// 6. A display name and a resume code, used on a second device.
	b.open(srv.URL + "/me")
	b.do("type a name", chromedp.SendKeys(chromedp.CSS("#name"), "Ada Lovelace"))
	b.click(`form[action="/me/name"] button`)
	contains(t, "after saving the name", b.text("main"), "Your name is saved.")
	code := b.text(`[data-testid="resume-code"]`)
	if !regexp.MustCompile(`^[0-9A-Z]{4}-[0-9A-Z]{4}$`).MatchString(code) {
		t.Fatalf("resume code %q is not of the form ABCD-1234", code)
	}
	other, closeOther := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer closeOther()
	d := tab{t, other}
	d.open(srv.URL + "/me")
	if d.has(`[data-testid="resume-code"]`) {
		t.Fatal("a fresh browser already has a learner")
	}
	d.open(srv.URL + "/resume")
	d.do("type the code", chromedp.SendKeys(chromedp.CSS("#code"), strings.ToLower(code)))
	d.click(`form[action="/resume"] button`)
	d.open(srv.URL + "/me")
	contains(t, "second device", d.text("main"), "Workers' Opposition")
	if v := d.value("#name"); v != "Ada Lovelace" {
		t.Fatalf("second device shows name %q, want Ada Lovelace", v)
	}
	contains(t, "second device code", d.text(`[data-testid="resume-code"]`), code)
}

// TestBrowser_PhoneLayout checks that the question page fits a phone's
// width without sideways scrolling.
func TestBrowser_PhoneLayout(t *testing.T) {
	ctx := newBrowser(t)
	srv := startServer(t, tempDB(t))
	b := tab{t, ctx}
	b.do("phone viewport", chromedp.EmulateViewport(375, 740, chromedp.EmulateScale(2)))
	b.open(srv.URL + "/")
	b.click(`ul.sets a`)
	b.click(`form[action$="/attempts"] button`)
	if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "375" {
		t.Fatalf("question page is %spx wide on a 375px phone, want no sideways scrolling", w)
	}
	b.screenshot("question-page-phone")
}
