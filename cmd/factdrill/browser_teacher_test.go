package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"factdrill/db"
	"factdrill/questions"
)

// teacherGIFT is the question file the teacher uploads in the journey.
const teacherGIFT = `// Week 3: revolutions
::Paris:: What is the capital of France? {=Paris ~Lyon ~Marseille}

::Year:: In which year did the storming of the Bastille take place? {#1789}

::Tsar:: The last tsar of Russia was Nicholas II. {T}
`

// TestBrowser_TeacherJourney walks the teacher's journey of the teachers
// issue in a real browser: first-run setup from the link serve prints,
// logging out and in, uploading a GIFT file, generating a set from a
// document and editing a question of it, making a class and assigning both
// sets; then a student, in a second browser context, joins with the code
// and takes the quiz; and the teacher sees the result and downloads the
// scores as CSV, whose rows the test checks.
func TestBrowser_TeacherJourney(t *testing.T) {
	ctx := newBrowser(t)
	srv, out := startServerArgs(t, tempDB(t))
	link := out.wait(t, setupLine)[1]
	b := tab{t, ctx}

	// 1. First-run setup: the link creates the first teacher.
	b.open(link)
	b.screenshot("teacher-setup")
	b.do("fill in the setup form",
		chromedp.SendKeys(chromedp.CSS("#name"), "Ms Rivera"),
		chromedp.SendKeys(chromedp.CSS("#password"), testPassword),
		chromedp.SendKeys(chromedp.CSS("#password2"), testPassword))
	b.click(`[data-testid="setup-form"] button`)
	contains(t, "dashboard after setup", b.text("main"), "Hello, Ms Rivera", "No classes yet")
	// The link works once.
	b.open(link)
	contains(t, "setup link used again", b.text("main"), "not valid")

	// 2. Log out, and log in again.
	b.open(srv.URL + "/teacher")
	b.click(`[data-testid="logout"]`)
	contains(t, "after logout", b.text("main"), "You are logged out", "Teacher login")
	b.open(srv.URL + "/teacher")
	if loc := b.location(); !strings.Contains(loc, "/login?next=") {
		t.Fatalf("a teacher page after logout is at %s, want the login page", loc)
	}
	b.do("type a wrong password", chromedp.SendKeys(chromedp.CSS("#name"), "Ms Rivera"), chromedp.SendKeys(chromedp.CSS("#password"), "not the password"))
	b.click(`[data-testid="login-form"] button`)
	contains(t, "wrong password", b.text("main"), "The name or the password is not right.")
	b.do("type the password", chromedp.SendKeys(chromedp.CSS("#password"), testPassword))
	b.screenshot("teacher-login")
	b.click(`[data-testid="login-form"] button`)
	contains(t, "dashboard after login", b.text("main"), "Hello, Ms Rivera")

	// 3. Upload a GIFT file; review it; publish it.
	gift := filepath.Join(t.TempDir(), "week3.gift")
	if err := os.WriteFile(gift, []byte(teacherGIFT), 0o644); err != nil {
		t.Fatal(err)
	}
	b.open(srv.URL + "/teacher/sets/new")
	b.screenshot("teacher-new-set")
	b.do("choose the file", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{gift}))
	b.click(`[data-testid="upload"]`)
	contains(t, "uploaded set", b.text("main"), "week3", "3 questions", "What is the capital of France?", "1789")
	b.click(`[data-testid="publish"]`)
	contains(t, "published", b.text(`[data-testid="state"]`), "published")
	giftSet := strings.Split(b.location(), "?")[0]

	// 4. Generate a set from a document: progress, then the questions for
	// review with their sources; one question edited, one dropped.
	b.open(srv.URL + "/teacher/sets/new")
	b.screenshot("teacher-new-set")
	doc := seedDocument
	b.do("paste the document", chromedp.SetValue(chromedp.CSS("#text"), doc), chromedp.SetValue(chromedp.CSS("#count"), "8"),
		chromedp.SendKeys(chromedp.CSS("#gen-title-input"), "Workers' Opposition"))
	b.click(`[data-testid="generate"]`)
	for deadline := time.Now().Add(60 * time.Second); !strings.Contains(b.location(), "/edit"); {
		if time.Now().After(deadline) {
			t.Fatalf("generation did not finish in 60s; the page is %s: %s", b.location(), b.text("main"))
		}
		time.Sleep(100 * time.Millisecond)
	}
	// The meta refresh has loaded the editor: wait until it is whole.
	b.do("wait for the editor", chromedp.WaitVisible(chromedp.CSS(`[data-testid="save-publish"]`)))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`)); err != nil {
		t.Fatalf("wait for the editor to load: %v", err)
	}
	items := b.eval(`String(document.querySelectorAll('[data-testid="edit-item"]').length)`)
	sources := b.eval(`String(document.querySelectorAll('[data-testid="edit-item"] blockquote.source').length)`)
	if items == "0" || items != sources {
		t.Fatalf("the editor shows %s questions and %s source sentences, want every question with its source", items, sources)
	}
	b.screenshot("teacher-review-generated")
	// The first multiple-choice question gets a new stem and a new
	// distractor; the last question is dropped.
	const newStem, newDistractor = "Whose theses worried the Central Committee?", "Leon Trotsky"
	mc := b.eval(`document.querySelector('input[name$="-kind"][value="multiple_choice"]').name.split('-')[0]`)
	b.do("edit a question and drop the last",
		chromedp.SetValue(chromedp.CSS("#"+mc+"-stem"), newStem),
		chromedp.Click(chromedp.CSS(`[data-testid="edit-item"]:last-of-type [data-testid="keep"]`)))
	// The wrong options are those whose radio is not checked.
	b.eval(`(function(){ var row = Array.from(document.querySelectorAll('#` + mc + ` .choice-row')).find(r => !r.querySelector('input[type=radio]').checked); row.querySelector('[data-testid=choice]').value = '` + newDistractor + `'; return 'ok'; })()`)
	b.click(`[data-testid="save-publish"]`)
	contains(t, "generated set after saving", b.text("main"), newStem, "published")
	if got := b.eval(`String(document.querySelectorAll('[data-testid="questions"] > li').length)`); got != fmt.Sprint(mustAtoi(t, items)-1) {
		t.Errorf("the generated set has %s questions after dropping one of %s", got, items)
	}
	genSet := strings.Split(b.location(), "?")[0]

	// 5. A class, with both sets assigned.
	b.open(srv.URL + "/teacher")
	b.do("name the class", chromedp.SendKeys(chromedp.CSS("#class-name"), "Year 9 History"))
	b.click(`[data-testid="create-class"]`)
	code := b.text(`[data-testid="join-code"]`)
	if !regexp.MustCompile(`^[0-9A-Z]{3}-[0-9A-Z]{3}$`).MatchString(code) {
		t.Fatalf("join code %q is not of the form ABC-123", code)
	}
	classURL := strings.Split(b.location(), "?")[0]
	for _, set := range []string{giftSet, genSet} {
		id := set[strings.LastIndex(set, "/")+1:]
		if got := b.eval(`document.querySelector('#set').value = '` + id + `'`); got != id {
			t.Fatalf("pick set %s in the list: got %q", id, got)
		}
		b.click(`[data-testid="assign"]`)
	}
	contains(t, "assignments", b.text(`[data-testid="assignments"]`), "week3", "Workers' Opposition")

	// 6. A student, in a browser context of their own, joins with the
	// code and takes the GIFT quiz, right on two questions of three.
	sctx, closeStudent := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer closeStudent()
	s := tab{t, sctx}
	s.open(srv.URL + "/join")
	s.do("type the code and a name", chromedp.SendKeys(chromedp.CSS("#code"), strings.ToLower(code)), chromedp.SendKeys(chromedp.CSS("#name"), "Ada Lovelace"))
	s.click(`[data-testid="join-form"] button`)
	contains(t, "student's class page", s.text("main"), "Year 9 History", "week3", "Workers' Opposition")
	s.screenshot("student-class")
	s.click(`[data-testid="class-sets"] li:first-child [data-testid="start-class-quiz"]`)
	contains(t, "question 1", s.text(`[data-testid="progress"]`), "Question 1 of 3")
	// Options are shuffled in each attempt: Paris is picked by its own
	// index, whatever its place on the page.
	s.do("pick Paris", chromedp.Click(chromedp.CSS(`.options input[value="0"]`)))
	s.click(`[data-testid="next"]`)
	s.do("type 1789", chromedp.SendKeys(chromedp.CSS("#answer"), "1789"))
	s.click(`[data-testid="next"]`)
	s.do("pick False", chromedp.Click(chromedp.CSS(`input[name="truth"][value="false"]`)))
	s.click(`[data-testid="finish"]`)
	s.click(`[data-testid="confirm-finish"]`)
	contains(t, "student's score", s.text(`[data-testid="score"]`), "67%", "2 of 3 right")

	// 7. The teacher sees the result, and downloads the scores.
	b.open(classURL)
	contains(t, "results", b.text(`[data-testid="results"]`), "Ada Lovelace", "67%")
	b.screenshot("teacher-class")
	dir := allowDownloads(t, ctx)
	b.do("download the scores", chromedp.Click(chromedp.CSS(`[data-testid="scores-csv"]`)))
	data := waitDownload(t, filepath.Join(dir, "*.csv"))
	if !strings.HasPrefix(string(data), "\uFEFF") {
		t.Errorf("the CSV does not start with a UTF-8 byte-order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("the download is not CSV: %v\n%s", err, data)
	}
	want := [][]string{
		{"Student", "Student ID", "School ID", "Email", "Class", "week3 (%)", "Workers' Opposition (%)"},
		{"Ada Lovelace", "1", "", "", "Year 9 History", "67", ""},
	}
	if fmt.Sprint(rows) != fmt.Sprint(want) {
		t.Fatalf("scores CSV = %q, want %q", rows, want)
	}

	// 8. Item analysis and the student's answers are there too.
	b.open(giftSet + "/items")
	contains(t, "item analysis", b.text("main"), "Item analysis", "1 finished attempt", "What is the capital of France?", "How often each answer was chosen")
	b.screenshot("teacher-items")
	b.open(classURL)
	b.click(`[data-testid="results"] tbody a`)
	contains(t, "student's answers", b.text("main"), "Ada Lovelace", "week3: 67%", "1789", "False")
	b.screenshot("teacher-student")

	store, err := db.Open(context.Background(), srv.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if n, _ := store.TeacherCount(context.Background()); n != 1 {
		t.Errorf("%d teachers, want 1", n)
	}
	id := genSet[strings.LastIndex(genSet, "/")+1:]
	_, qs, err := store.TeacherSet(context.Background(), 1, int64(mustAtoi(t, id)))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range qs {
		for _, c := range q.Choices {
			found = found || (q.Stem == newStem && c.Text == newDistractor && c.Weight <= 0)
		}
	}
	if !found {
		t.Errorf("the edited question with the distractor %q is not in the stored set", newDistractor)
	}
}

// TestBrowser_TeacherPhone checks that the teacher's class page, with its
// tables, fits a phone without the page scrolling sideways.
func TestBrowser_TeacherPhone(t *testing.T) {
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
	b.do("phone viewport", chromedp.EmulateViewport(375, 740, chromedp.EmulateScale(2)))
	b.open(srv.URL + "/login")
	b.do("log in", chromedp.SendKeys(chromedp.CSS("#name"), "Rivera"), chromedp.SendKeys(chromedp.CSS("#password"), testPassword))
	b.click(`[data-testid="login-form"] button`)
	b.do("name the class", chromedp.SendKeys(chromedp.CSS("#class-name"), "Year 9 History with a long name"))
	b.click(`[data-testid="create-class"]`)
	b.do("assign the built-in set", chromedp.WaitVisible(chromedp.CSS(`[data-testid="assign"]`)))
	b.click(`[data-testid="assign"]`)
	setURL := fmt.Sprintf("%s/teacher/sets/%d", srv.URL, setID)
	for _, page := range []string{b.location(), srv.URL + "/teacher", srv.URL + "/teacher/sets/new", setURL, setURL + "/edit", setURL + "/items"} {
		b.open(page)
		if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "375" {
			b.screenshot("teacher-phone-too-wide")
			t.Log(b.eval(`Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 376).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 12).join(' | ')`))
			t.Fatalf("%s is %spx wide on a 375px phone, want no sideways scrolling", page, w)
		}
	}
	b.open(srv.URL + "/teacher")
	b.screenshot("teacher-dashboard-phone")
	b.open(setURL + "/edit")
	b.screenshot("teacher-editor-phone")
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return n
}
