package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"factdrill/db"
	"factdrill/questions"
)

// TestBrowser_TeacherFixes walks the tester's wave-7 findings on the
// teacher's side at a 390 px phone: a failed generation's page in the
// teacher's layout, with Try again keeping the text; an upload's button
// disabled once sent; the delete box on a set's page. Screenshots of each.
func TestBrowser_TeacherFixes(t *testing.T) {
	ctx := newBrowser(t)
	path := tempDB(t)
	if err := run(context.Background(), []string{"teacher", "add", "-db", path, "Rivera"}, noenv, strings.NewReader(testPassword+"\n"), os.Stdout, os.Stderr); err != nil {
		t.Fatal(err)
	}
	store, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	set, err := questions.Read("week3.gift", []byte(teacherGIFT))
	if err != nil {
		t.Fatal(err)
	}
	setID, err := store.CreateDraftSet(context.Background(), 1, set)
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := startServerArgs(t, path)
	b := tab{t, ctx}
	b.do("phone viewport", chromedp.EmulateViewport(390, 800, chromedp.EmulateScale(2)))
	b.open(srv.URL + "/login")
	b.do("log in", chromedp.SendKeys(chromedp.CSS("#name"), "Rivera"), chromedp.SendKeys(chromedp.CSS("#password"), testPassword))
	b.click(`[data-testid="login-form"] button`)
	fits := func(what string) {
		t.Helper()
		if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "390" {
			b.screenshot("qa1-too-wide")
			t.Fatalf("%s is %spx wide on a 390px phone", what, w)
		}
	}

	// 1. A generation that fails: the teacher's page says so, and Try
	// again brings the text back.
	b.open(srv.URL + "/teacher/sets/new")
	b.do("paste a text", chromedp.SendKeys(chromedp.CSS("#text"), "hello world"), chromedp.SendKeys(chromedp.CSS("#gen-title-input"), "Greetings"))
	b.click(`[data-testid="generate"]`)
	heading := ""
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		heading, _ = chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.querySelector("h1") ? document.querySelector("h1").textContent : ""`))
		if strings.Contains(heading, "could not be written") {
			break
		}
	}
	if !strings.Contains(heading, "could not be written") {
		t.Fatalf("the failed generation's heading is %q", heading)
	}
	if !b.has(`nav[aria-label="Teacher"]`) || !b.has("a.skip") {
		t.Fatal("the failed generation's page has no teacher navigation or skip link")
	}
	fits("the failed generation's page")
	b.screenshot("qa1-job-failed-phone")
	b.click(`[data-testid="job-retry"]`)
	if got := b.value("#text"); got != "hello world" {
		t.Fatalf("Try again's text is %q, want the text pasted", got)
	}
	if got := b.value("#gen-title-input"); got != "Greetings" {
		t.Fatalf("Try again's title is %q", got)
	}

	// 2. An upload's button is disabled once the form is sent (its reply
	// goes to a frame here, so that the page stays to be looked at; the
	// site's headers keep the frame from showing it).
	gift := filepath.Join(t.TempDir(), "good.gift")
	if err := os.WriteFile(gift, []byte(teacherGIFT), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do("choose the file", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{gift}))
	b.eval(`(function () { var f = document.createElement("iframe"); f.name = "sink"; document.body.appendChild(f);
		document.querySelector('[data-testid="upload-form"]').target = "sink"; return ""; })()`)
	b.do("send the upload", chromedp.Click(chromedp.CSS(`[data-testid="upload"]`), chromedp.NodeVisible))
	b.waitFor("the upload button to be disabled", `document.querySelector('[data-testid="upload"]').disabled`)

	// 3. A set's delete form asks with a box that needs no script.
	b.open(fmt.Sprintf("%s/teacher/sets/%d", srv.URL, setID))
	if !b.has(`[data-testid="delete-set"] input[name="confirm"][required]`) {
		t.Fatal("the set's delete form has no required box")
	}
	fits("the set's page")
	b.do("scroll to the delete box", chromedp.ScrollIntoView(chromedp.CSS(`[data-testid="delete-set"]`)))
	b.screenshot("qa1-set-delete-phone")
}
