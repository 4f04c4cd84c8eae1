package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// everyKind is a GIFT file with every kind of question a file can hold.
const everyKind = `// One question of each kind, as a teacher's GIFT file has them.
::Planets:: Which planet is the largest? {=Jupiter ~Mars ~Venus}

::Primes:: Which of these are prime numbers? {~%50%2 ~%50%3 ~%-100%4 ~%-100%9}

::Sunrise:: The sun rises in the east. {T}

::Hamlet:: Who wrote Hamlet? {=Shakespeare =William Shakespeare}

::Pi:: What is pi, to two decimals? {#3.14:0.005}

::Range:: Give a whole number from 1 to 5. {#1..5}

::Capitals:: Match each country with its capital. {
	=Canada -> Ottawa
	=Italy -> Rome
	=Japan -> Tokyo
}

::Paris:: The capital of France is {=Paris} on the Seine.

::Tomb:: Grant is {~buried =entombed ~living} in Grant's tomb.

::Book:: Describe a book you liked, and why. {}

::Note:: The next questions are about history.
`

// TestBrowser_EveryKind imports a GIFT file with every kind of question,
// takes it in the browser and checks each grade on the result page: exact,
// partial, within tolerance, in place, and the essay left for the teacher.
func TestBrowser_EveryKind(t *testing.T) {
	ctx := newBrowser(t)
	srv, setID, set := serveGIFT(t, "every-kind.gift", everyKind)

	b := tab{t, ctx}
	b.open(fmt.Sprintf("%s/sets/%d", srv.URL, setID))
	b.click(`form[action$="/attempts"] button`)

	steps := []struct {
		title string
		act   func()
	}{
		{"Planets", func() { b.do("pick Jupiter", chromedp.Click(chromedp.CSS(`.options input[value="0"]`))) }},
		{"Primes", func() { b.do("tick 2 only", chromedp.Click(chromedp.CSS(`.options input[value="0"]`))) }},
		{"Sunrise", func() { b.do("pick true", chromedp.Click(chromedp.CSS(`input[name="truth"][value="true"]`))) }},
		{"Hamlet", func() { b.do("type", chromedp.SendKeys(chromedp.CSS("#answer"), "william  SHAKESPEARE")) }},
		{"Pi", func() { b.do("type", chromedp.SendKeys(chromedp.CSS("#answer"), "3,143")) }},
		{"Range", func() { b.do("type", chromedp.SendKeys(chromedp.CSS("#answer"), "4")) }},
		{"Capitals", func() {
			b.do("match", chromedp.SetValue(chromedp.CSS("#match0"), "Ottawa"), chromedp.SetValue(chromedp.CSS("#match1"), "Tokyo"),
				chromedp.SetValue(chromedp.CSS("#match2"), "Tokyo"))
		}},
		{"Paris", func() {
			if !b.has(".in-place #answer") {
				t.Fatal("the missing-word question has no field in place")
			}
			b.do("type", chromedp.SendKeys(chromedp.CSS("#answer"), "paris"))
		}},
		{"Tomb", func() { b.do("pick entombed", chromedp.Click(chromedp.CSS(`.options input[value="1"]`))) }},
		{"Book", func() { b.do("type", chromedp.SendKeys(chromedp.CSS("#answer"), "Middlemarch, for its patience.")) }},
		{"Note", func() {}},
	}
	if len(steps) != len(set.Questions) {
		t.Fatalf("the file has %d questions, the test answers %d", len(set.Questions), len(steps))
	}
	for i, st := range steps {
		contains(t, st.title, b.text(`[data-testid="progress"]`), fmt.Sprintf("Question %d of %d", i+1, len(steps)))
		st.act()
		if i == len(steps)-1 {
			b.click(`[data-testid="finish"]`)
		} else {
			b.click(`[data-testid="next"]`)
		}
	}
	b.click(`[data-testid="confirm-finish"]`)
	b.screenshot("result-every-kind")

	verdicts := b.eval(`Array.from(document.querySelectorAll('[data-testid="result-item"] .verdict')).map(e => e.textContent.trim()).join("|")`)
	want := []string{
		"Right",              // Planets
		"Partly right (50%)", // Primes: one of two right options
		"Right",              // Sunrise
		"Right",              // Hamlet, after normalising case and spaces
		"Right",              // Pi, within tolerance, with a decimal comma
		"Right",              // Range 1..5
		"Partly right (67%)", // Capitals: two of three
		"Right",              // Paris, in place
		"Right",              // Tomb, missing word with options
		"not marked: no one marks a practice essay", // Book, an essay
		"not marked", // Note, a description
	}
	if got := strings.Split(verdicts, "|"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("verdicts:\n got %q\nwant %q", got, want)
	}
	// 8.17 of 9 graded questions.
	contains(t, "score", b.text(`[data-testid="score"]`), "91%", "7 of 9 right")
}
