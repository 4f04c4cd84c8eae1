package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
)

// TestBrowser_EditDuringAttempt is issue 14's edit during an attempt, as
// the teacher sees it: a student has answered the first question of a
// class quiz; the teacher drops the second question in the editor and
// saves; the set's page then says which open attempt keeps the earlier
// version, on a desktop and on a phone.
func TestBrowser_EditDuringAttempt(t *testing.T) {
	ctx := newBrowser(t)
	path := tempDB(t)
	if err := run(context.Background(), []string{"teacher", "add", "-db", path, "Rivera"}, noenv, strings.NewReader(testPassword+"\n"), os.Stdout, os.Stderr); err != nil {
		t.Fatal(err)
	}
	setID := func() int64 {
		bg := context.Background()
		store, err := db.Open(bg, path)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		set, err := questions.Read("week3.gift", []byte(teacherGIFT))
		if err != nil {
			t.Fatal(err)
		}
		setID, err := store.CreateDraftSet(bg, 1, set)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.SetPublished(bg, 1, setID, true); err != nil {
			t.Fatal(err)
		}
		c, err := store.CreateClass(bg, 1, "Year 9")
		if err != nil {
			t.Fatal(err)
		}
		g, err := store.Assign(bg, 1, c.ID, setID, db.QuizSettings{Feedback: db.FeedbackAfter})
		if err != nil {
			t.Fatal(err)
		}
		l, err := store.CreateLearner(bg)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := store.JoinClass(bg, l.ID, c.JoinCode, "Dmitri Sokolov"); err != nil {
			t.Fatal(err)
		}
		a, err := store.StartClassAttempt(bg, l.ID, g)
		if err != nil {
			t.Fatal(err)
		}
		if err := store.SaveAnswer(bg, l.ID, a.ID, 0, quiz.Answer{Choices: []int{0}}, 1); err != nil {
			t.Fatal(err)
		}
		return setID
	}()
	srv, _ := startServerArgs(t, path)
	b := tab{t, ctx}
	b.open(srv.URL + "/login")
	b.do("log in", chromedp.SendKeys(chromedp.CSS("#name"), "Rivera"), chromedp.SendKeys(chromedp.CSS("#password"), testPassword))
	b.click(`[data-testid="login-form"] button`)
	setURL := fmt.Sprintf("%s/teacher/sets/%d", srv.URL, setID)
	b.open(setURL + "/edit")
	b.do("untick question 2", chromedp.Click(chromedp.CSS(`#q1 [data-testid="keep"]`)))
	b.click(`[data-testid="save-publish"]`)
	contains(t, "set page after saving", b.text("main"), "The set is published", "2 questions")
	contains(t, "stale attempts", b.text(`[data-testid="stale-attempts"]`),
		"1 open attempt keeps the earlier version", "Dmitri Sokolov", "Year 9", "1 question removed")
	b.screenshot("teacher-set-stale-attempts")
	b.do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
	b.open(setURL)
	if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "390" {
		t.Fatalf("the set page is %spx wide on a 390px phone, want no sideways scrolling", w)
	}
	b.screenshot("teacher-set-stale-attempts-phone")
}
