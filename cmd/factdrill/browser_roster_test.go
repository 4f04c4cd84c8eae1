package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// rosterCSV is the roster the teacher uploads in the journey: Moodle's
// column names, semicolons, as a European spreadsheet saves them.
const rosterCSV = "First name;Surname;ID number;Email address\r\n" +
	"Ada;Lovelace;S1001;ada@example.org\r\n" +
	"Blaise;Pascal;S1002;\r\n" +
	"Émilie;du Châtelet;;emilie@example.org\r\n"

// TestBrowser_RosterJourney walks the roster issue's journey in a real
// browser: a teacher uploads a roster (first with a mistake, refused by
// line), prints the sign-in cards (the print stylesheet leaves only the
// cards), and assigns a quiz of one attempt; a student signs in with the
// code from their card on two browsers and is one learner on both (the
// second browser has no attempt left after the first used it); the
// teacher writes a question in the app into a set made from the sample
// GIFT file of the upload page, puts it in a second set from the question
// bank, and downloads the Moodle and Canvas gradebook files.
func TestBrowser_RosterJourney(t *testing.T) {
	ctx := newBrowser(t)
	srv, out := startServerArgs(t, tempDB(t))
	link := out.wait(t, setupLine)[1]
	b := tab{t, ctx}
	b.open(link)
	b.do("fill in the setup form",
		chromedp.SendKeys(chromedp.CSS("#name"), "Ms Rivera"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.SendKeys(chromedp.CSS("#password2"), testPassword))
	b.click(`[data-testid="setup-form"] button`)
	b.do("name the class", chromedp.SendKeys(chromedp.CSS("#class-name"), "Year 9 History"))
	b.click(`[data-testid="create-class"]`)
	classURL := strings.Split(b.location(), "?")[0]

	// 1. The roster: a mistake refused by line, nothing added; then the
	// fixed file.
	b.click(`[data-testid="roster-link"]`)
	bad := strings.Replace(rosterCSV, "emilie@example.org", "emilie@", 1)
	b.do("choose the roster with a mistake", chromedp.SetUploadFiles(chromedp.CSS("#roster-file"), []string{writeTemp(t, "year9.csv", bad)}))
	b.click(`[data-testid="upload"]`)
	contains(t, "refused roster", b.text(`[data-testid="roster-problems"]`), "Line 4, email", "Nothing was saved")
	b.screenshot("roster-refused")
	b.do("choose the roster", chromedp.SetUploadFiles(chromedp.CSS("#roster-file"), []string{writeTemp(t, "year9.csv", rosterCSV)}))
	b.click(`[data-testid="upload"]`)
	contains(t, "roster", b.text(`[data-testid="roster"]`), "Ada Lovelace", "S1001", "Émilie du Châtelet")
	b.screenshot("roster")
	phoneShot(b, "roster-phone")

	// 2. The sign-in cards, on screen and as printed.
	b.click(`[data-testid="print-cards"]`)
	codes := b.eval(`Array.from(document.querySelectorAll('[data-testid="signin-code"]')).map(e => e.textContent.trim()).join(',')`)
	cards := strings.Split(codes, ",")
	if len(cards) != 3 || !regexp.MustCompile(`^[0-9A-Z]{4}-[0-9A-Z]{4}$`).MatchString(cards[0]) {
		t.Fatalf("sign-in cards %q, want three codes", codes)
	}
	if !b.has(`[data-testid="print"]:not([hidden])`) {
		t.Error("the print button is not shown with script on")
	}
	b.screenshot("signin-sheet")
	b.media("print")
	if got := b.eval(`getComputedStyle(document.querySelector('.site-header')).display + ',' + getComputedStyle(document.querySelector('.no-print')).display`); got != "none,none" {
		t.Errorf("printed, the header and the page's text are %q, want both hidden", got)
	}
	if got := b.eval(`getComputedStyle(document.querySelector('.signin-cards')).gridTemplateColumns.split(' ').length + ''`); got != "3" {
		t.Errorf("printed, the cards are in %s columns, want 3", got)
	}
	b.screenshot("signin-sheet-print")
	b.media("")

	// 3. The built-in set, assigned for one attempt.
	b.open(classURL)
	b.do("one attempt", chromedp.SetValue(chromedp.CSS("#attempts"), "1"))
	b.click(`[data-testid="assign"]`)

	// 4. Ada signs in with her card on a laptop and on a phone.
	laptop := studentTab(t, ctx)
	phone := studentTab(t, ctx)
	for _, s := range []tab{laptop, phone} {
		s.open(srv.URL + "/resume")
		s.do("type the code", chromedp.SendKeys(chromedp.CSS("#code"), strings.ToLower(cards[0])))
		s.click(`[data-testid="signin"]`)
		s.open(srv.URL + "/me")
		if got := s.text(`[data-testid="resume-code"]`); got != cards[0] {
			t.Fatalf("a signed-in browser shows code %q, want Ada's %q", got, cards[0])
		}
		if got := s.value("#name"); got != "Ada Lovelace" {
			t.Fatalf("a signed-in browser is %q, want Ada Lovelace", got)
		}
	}
	laptop.open(srv.URL + "/")
	contains(t, "Ada's home", laptop.text(`[data-testid="home-classes"]`), "Year 9 History", "1 attempt left")
	laptop.screenshot("student-home-classes")
	phoneShot(laptop, "student-home-classes-phone")
	laptop.click(`[data-testid="home-assignment"] button`)
	attempt := regexp.MustCompile(`/attempts/\d+`).FindString(laptop.location())
	if attempt == "" {
		t.Fatalf("starting the quiz led to %s", laptop.location())
	}
	laptop.open(srv.URL + attempt + "/finish")
	laptop.click(`[data-testid="confirm-finish"]`)
	phone.open(srv.URL + "/")
	contains(t, "the phone after the laptop's attempt", phone.text(`[data-testid="home-classes"]`), "0 attempts left", "all attempts used")

	// 5. Writing in the app: the sample GIFT file from the upload page
	// makes a set; a question written in the editor joins it; the sample
	// CSV makes a second set, and the bank puts the question in it too.
	dir := allowDownloads(t, ctx)
	b.open(srv.URL + "/teacher/sets/new")
	b.do("download the sample GIFT file", chromedp.Click(chromedp.CSS(`[data-testid="sample-gift"]`)))
	gift := waitDownload(t, filepath.Join(dir, "sample.gift"))
	b.do("choose the sample", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{writeTemp(t, "sample.gift", string(gift))}))
	b.click(`[data-testid="upload"]`)
	contains(t, "the sample set", b.text("main"), "What is the capital of France?")
	firstSet := strings.Split(b.location(), "?")[0]
	b.do("pick multiple choice", chromedp.SetValue(chromedp.CSS("#new-kind"), "multiple_choice"))
	b.click(`[data-testid="new-question"]`)
	b.do("write the question",
		chromedp.SendKeys(chromedp.CSS("#q-stem"), "Which city was the capital of the Inca Empire?"),
		chromedp.SetValue(chromedp.CSS("#answer-text-0"), "Cusco"),
		chromedp.SetValue(chromedp.CSS("#answer-weight-0"), "100"),
		chromedp.SetValue(chromedp.CSS("#answer-feedback-0"), "Cusco was the Inca capital until 1533."),
		chromedp.SetValue(chromedp.CSS("#answer-text-1"), "Lima"),
		chromedp.SetValue(chromedp.CSS("#answer-weight-1"), "0"),
		chromedp.SetValue(chromedp.CSS("#answer-feedback-1"), "Lima was founded by the Spanish in 1535."),
		chromedp.SetValue(chromedp.CSS("#answer-text-2"), "Quito"),
		chromedp.SetValue(chromedp.CSS("#answer-weight-2"), "-25"))
	b.screenshot("question-editor")
	phoneShot(b, "question-editor-phone")
	b.click(`[data-testid="save-question"]`)
	contains(t, "the set with the question written", b.text("main"), "The question is added.", "Which city was the capital of the Inca Empire?", "Cusco")
	b.screenshot("set-with-written-question")
	b.open(srv.URL + "/teacher/sets/new")
	b.do("choose the sample CSV", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{writeTemp(t, "revision.csv", string(mustRead(t, "../../web/samples/sample.csv")))}))
	b.click(`[data-testid="upload"]`)
	secondSet := strings.Split(b.location(), "?")[0]
	b.open(srv.URL + "/teacher/bank?q=inca")
	if n := b.eval(`String(document.querySelectorAll('[data-testid="bank-item"]').length)`); n != "1" {
		t.Fatalf("the bank finds %s questions for inca, want 1", n)
	}
	b.do("pick the second set", chromedp.SetValue(chromedp.CSS(`[data-testid="reuse-set"]`), secondSet[strings.LastIndex(secondSet, "/")+1:]))
	b.screenshot("question-bank")
	phoneShot(b, "question-bank-phone")
	b.click(`[data-testid="reuse"]`)
	contains(t, "the bank after reuse", b.text(`[data-testid="bank-item"]`), "sample", "revision")
	b.open(secondSet)
	contains(t, "the second set", b.text(`[data-testid="questions"]`), "Which city was the capital of the Inca Empire?")
	b.click(`[data-testid="set-question"]:last-child [data-testid="edit-question"]`)
	contains(t, "where the question is used", b.text(`[data-testid="question-use"]`), "In 2 sets", "sample", "revision")
	b.screenshot("question-editor-use")
	b.open(firstSet)

	// 6. The gradebook files.
	b.open(classURL)
	contains(t, "class page", b.text(`[data-testid="students-card"]`), "3 students", "3 on the roster")
	b.screenshot("class-with-roster")
	// Who each Moodle file leaves out is named, linked to their page.
	b.do("open who is left out", chromedp.Click(chromedp.CSS(`[data-testid="no-school-id"] summary`), chromedp.NodeVisible))
	contains(t, "left out of the Moodle file by ID number", b.text(`[data-testid="no-school-id"]`), "leaves out 1 student without a school ID", "Émilie du Châtelet")
	b.screenshot("class-gradebook-left-out")
	for _, f := range []struct{ testid, file, first string }{
		{"moodle-idnumber", "year-9-history-moodle-idnumber.csv", "ID number"},
		{"canvas", "year-9-history-canvas.csv", "Student"},
	} {
		b.do("download "+f.testid, chromedp.Click(chromedp.CSS(`[data-testid="`+f.testid+`"]`)))
		rows := downloaded(t, filepath.Join(dir, f.file))
		if rows[0][0] != f.first {
			t.Errorf("%s starts %q, want %q", f.file, rows[0], f.first)
		}
		if f.testid == "moodle-idnumber" && (len(rows) != 3 || rows[1][0] != "S1001" || rows[1][len(rows[1])-1] != "0") {
			t.Errorf("Moodle file %q: want Ada (S1001, 0%%) and Blaise, and Émilie (no ID number) left out", rows)
		}
	}
}

// studentTab is a browser context of its own: another device.
func studentTab(t *testing.T, ctx context.Context) tab {
	t.Helper()
	c, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	return tab{t, c}
}

// phoneShot takes a screenshot of the page at a phone's width, and fails
// if the page scrolls sideways there.
func phoneShot(b tab, name string) {
	b.t.Helper()
	b.do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
	if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "390" {
		b.t.Errorf("%s is %spx wide on a 390px phone, want no sideways scrolling", name, w)
	}
	b.screenshot(name)
	b.do("desktop viewport", chromedp.EmulateViewport(1100, 900))
}

func writeTemp(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// allowDownloads lets the browser save downloads, into the folder it
// returns.
func allowDownloads(t *testing.T, ctx context.Context) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatalf("allow downloads: %v", err)
	}
	return dir
}

// waitDownload waits for the one downloaded file that matches pattern,
// and reads it.
func waitDownload(t *testing.T, pattern string) []byte {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		files, _ := filepath.Glob(pattern)
		if len(files) == 1 {
			if data, _ := os.ReadFile(files[0]); len(data) > 0 {
				return data
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("nothing like %s was downloaded in 15s (files: %v)", pattern, files)
		}
	}
}

// downloaded waits for a downloaded CSV file and reads its rows.
func downloaded(t *testing.T, path string) [][]string {
	t.Helper()
	data := waitDownload(t, path)
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil {
		t.Fatalf("%s is not CSV: %v\n%s", path, err, data)
	}
	return rows
}

// media emulates a CSS media type ("print"; "" for the screen again).
func (b tab) media(m string) {
	b.t.Helper()
	if _, err := chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: m}); err != nil {
		b.t.Fatalf("emulate media %q: %v", m, err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
