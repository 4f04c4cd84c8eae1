package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"factdrill/db"
	"factdrill/questions"
)

// studyWaysSets are two sets of short answers: Study now takes cards from
// both.
var studyWaysSets = []questions.Set{
	{Title: "Capitals", Questions: []questions.Question{
		shortAnswer("Capital of France?", "Paris"), shortAnswer("Capital of Japan?", "Tokyo"),
		shortAnswer("Capital of Italy?", "Rome"), shortAnswer("Capital of Spain?", "Madrid"),
		shortAnswer("Capital of Peru?", "Lima"), shortAnswer("Capital of Kenya?", "Nairobi"),
	}},
	{Title: "Rivers", Questions: []questions.Question{
		shortAnswer("River of Egypt?", "Nile"), shortAnswer("River of Paris?", "Seine"),
		shortAnswer("River of London?", "Thames"), shortAnswer("River of Rome?", "Tiber"),
	}},
}

func shortAnswer(stem, answer string) questions.Question {
	return questions.Question{Kind: questions.ShortAnswer, Stem: stem, Answers: []questions.Choice{{Text: answer, Weight: 100}}}
}

// TestBrowser_StudyWays studies two sets in each way with the keyboard:
// typed answers in one set and then in Study now across both (the home
// page counting what is due), Learn's choices, reversed cards and a timed
// practice test, each answer logged once; then the settings page after
// the learner's weights are fitted to a long history. Screenshots at
// desktop and phone widths.
func TestBrowser_StudyWays(t *testing.T) {
	ctx := newBrowser(t)
	srv := startServer(t, tempDB(t))
	store, _ := seedSetOf(t, srv.DB)
	bg := context.Background()
	answers := map[int64]string{} // card → its answer
	var setIDs []int64
	for _, set := range studyWaysSets {
		id, err := store.CreateSet(bg, set, "")
		if err != nil {
			t.Fatal(err)
		}
		_, qs, err := store.PublishedSet(bg, id)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			answers[q.ID] = q.Question.Answers[0].Text
		}
		setIDs = append(setIDs, id)
	}
	const learner = int64(1) // made by the first answer in a fresh database
	b := tab{t, ctx}
	card := func() int64 {
		t.Helper()
		id, err := strconv.ParseInt(b.studyAttr("card"), 10, 64)
		if err != nil || b.studyAttr("side") != "front" {
			t.Fatalf("the page shows card %q, side %q; want a card's front", b.studyAttr("card"), b.studyAttr("side"))
		}
		return id
	}
	swaps := func() int {
		n, _ := strconv.Atoi(b.eval(`document.body.dataset.swaps || "0"`))
		return n
	}
	waitSwap := func(what string, from int) {
		t.Helper()
		b.waitFor(what, fmt.Sprintf(`Number(document.body.dataset.swaps || "0") > %d && !document.getElementById("study").hasAttribute("aria-busy")`, from))
	}
	logged := func(card int64) int {
		t.Helper()
		log, err := store.ReviewLog(bg, learner, card)
		if err != nil {
			t.Fatal(err)
		}
		return len(log)
	}
	// typeCard types the answer (or a wrong one) and Enter, checks the
	// verdict, and takes the suggested rating with Enter; it returns the
	// card's set as the page named it.
	typeCard := func(right bool, shot string) string {
		t.Helper()
		id := card()
		set := ""
		if b.has(`[data-testid="card-set"]`) {
			set = b.text(`[data-testid="card-set"]`)
		}
		before := logged(id)
		typed, verdict := answers[id], "right"
		if !right {
			typed, verdict = "Amazon", "wrong"
		}
		n := swaps()
		b.do("type the answer", chromedp.SendKeys(chromedp.CSS("#typed"), typed+"\r"))
		waitSwap("the checked answer", n)
		if got := b.eval(`document.querySelector('[data-testid="verdict"]').dataset.verdict`); got != verdict {
			t.Fatalf("card %d typed %q: verdict %q, want %q", id, typed, got, verdict)
		}
		if f := b.eval(`document.activeElement.classList.contains("suggested") ? "suggested" : document.activeElement.outerHTML`); f != "suggested" {
			t.Errorf("after checking, the focus is on %s, want the suggested rating", f)
		}
		if shot != "" {
			b.screenshot(shot)
		}
		n = swaps()
		b.key("\r")
		waitSwap("the next card", n)
		if got := logged(id); got != before+1 {
			t.Fatalf("card %d has %d answers after a typed one, want %d", id, got, before+1)
		}
		return set
	}

	// 1. Type the answer in Capitals, and a wrong one in Rivers: both
	// sets are now the learner's.
	b.open(fmt.Sprintf("%s/sets/%d/study?way=type", srv.URL, setIDs[0]))
	if !b.has(`[data-testid="way-type"][aria-current="page"]`) {
		t.Error("the way picker does not mark Type")
	}
	typeCard(true, "study-type-checked")
	b.open(fmt.Sprintf("%s/sets/%d/study?way=type", srv.URL, setIDs[1]))
	typeCard(false, "")

	// 2. The home page counts what is due in both; Study now takes it.
	b.open(srv.URL + "/")
	due, err := store.StudyDue(bg, learner)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.text(`[data-testid="study-now-count"]`); got != strconv.Itoa(due.Total()) || due.Sets != 2 {
		t.Fatalf("home page counts %s to study in %d sets, want %d in 2", got, due.Sets, due.Total())
	}
	b.screenshot("home-study-now")
	b.click(`[data-testid="study-now-link"]`)
	b.click(`[data-testid="way-type"]`)
	seen := map[string]bool{}
	for i := 0; i < 8 && !(seen["Capitals"] && seen["Rivers"]); i++ {
		seen[typeCard(true, "")] = true
	}
	if !seen["Capitals"] || !seen["Rivers"] {
		t.Fatalf("Study now took cards from %v, want both Capitals and Rivers", seen)
	}

	// 3. Learn: the card is a choice; its number key picks it.
	b.open(srv.URL + "/study?way=learn")
	id := card()
	pick := b.eval(fmt.Sprintf(`String([...document.querySelectorAll("button.choice")].findIndex(function (b) {
		return b.querySelector("span").textContent.trim() === %q; }) + 1)`, answers[id]))
	if pick == "0" {
		t.Fatalf("Learn shows no choice %q for card %d", answers[id], id)
	}
	b.screenshot("study-learn")
	before, n := logged(id), swaps()
	b.key(pick)
	waitSwap("the checked choice", n)
	if got := b.eval(`document.querySelector('[data-testid="verdict"]').dataset.verdict`); got != "right" {
		t.Fatalf("choice %s of card %d: verdict %q, want right", pick, id, got)
	}
	n = swaps()
	b.key("\r")
	waitSwap("the next card", n)
	if got := logged(id); got != before+1 {
		t.Fatalf("card %d has %d answers after a choice, want %d", id, got, before+1)
	}

	// 4. Reverse: the answer first; Space shows what it answers.
	b.open(srv.URL + "/study?way=reverse")
	id = card()
	if got := strings.TrimSpace(b.text(`[data-testid="reversed"]`)); got != answers[id] {
		t.Fatalf("the reversed front shows %q, want %q", got, answers[id])
	}
	b.key(" ")
	b.waitFor("the back", `document.getElementById("study").dataset.side === "back"`)
	contains(t, "reversed back", strings.ToLower(b.text(`[data-testid="back"]`)), "it answers", "?")
	b.screenshot("study-reverse")
	before, n = logged(id), swaps()
	b.key("3")
	waitSwap("the next card", n)
	if got := logged(id); got != before+1 {
		t.Fatalf("card %d has %d answers after a reversed one, want %d", id, got, before+1)
	}

	// 5. A practice test of all sets: every item answered, handed in;
	// each counts once as a review of its card.
	b.open(srv.URL + "/study")
	b.click(`[data-testid="practice-test"]`)
	items, err := strconv.Atoi(b.eval(`String(document.querySelectorAll('[data-testid="practice-item"]').length)`))
	if err != nil || items == 0 {
		t.Fatalf("the practice test has %d items (%v)", items, err)
	}
	counts := map[int64]int{}
	for i := range items {
		hidden := fmt.Sprintf(`document.querySelectorAll('[data-testid="practice-item"]')[%d].querySelector('input[name^="c"]')`, i)
		cid, _ := strconv.ParseInt(b.eval(hidden+".value"), 10, 64)
		field := "#a" + strings.TrimPrefix(b.eval(hidden+".name"), "c")
		counts[cid] = logged(cid)
		b.do("answer item "+field, chromedp.SendKeys(chromedp.CSS(field), answers[cid]))
	}
	b.screenshot("practice-test")
	b.click(`[data-testid="practice-submit"]`)
	contains(t, "practice score", b.text(`[data-testid="practice-score"]`), fmt.Sprintf("%d", items))
	for cid, was := range counts {
		if got := logged(cid); got != was+1 {
			t.Errorf("card %d has %d answers after the test, want %d", cid, got, was+1)
		}
	}
	b.screenshot("practice-result")

	// 6. On a phone: each way without sideways scrolling.
	b.do("phone viewport", chromedp.EmulateViewport(375, 740, chromedp.EmulateScale(2)))
	for _, p := range []struct{ name, path string }{
		{"study-type-phone", "/study?way=type&mode=more"},
		{"study-learn-phone", "/study?way=learn&mode=more"},
		{"practice-phone", "/study/test"},
		{"history-phone", "/stats/history"},
	} {
		b.open(srv.URL + p.path)
		if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "375" {
			t.Errorf("%s is %spx wide on a 375px phone, want no sideways scrolling", p.path, w)
		}
		b.screenshot(p.name)
	}
	b.do("desktop viewport", chromedp.EmulateViewport(1100, 900))

	// 7. The settings after a fit to a long history (studied through the
	// store, as if over 150 days).
	studyHistory(t, store, learner, 40, time.Now().Add(-150*24*time.Hour), 150)
	r, err := store.FitLearner(bg, learner)
	if err != nil || r.Fit.Weights == nil {
		t.Fatalf("FitLearner = %v, %v; want a fit", r, err)
	}
	t.Log(r)
	f, err := store.FSRSState(bg, learner)
	if err != nil {
		t.Fatal(err)
	}
	b.open(srv.URL + "/settings")
	for _, id := range []string{"loss-before", "loss-after"} {
		if got := b.text(fmt.Sprintf(`[data-testid=%q]`, id)); got == "" || !strings.ContainsAny(got, "0123456789") {
			t.Errorf("settings %s = %q, want a figure", id, got)
		}
	}
	verdict := b.text(`[data-testid="fit-verdict"]`)
	if f.Last.Adopted != strings.HasPrefix(verdict, "Adopted") {
		t.Errorf("settings verdict %q, the store says adopted %v", verdict, f.Last.Adopted)
	}
	b.screenshot("settings-fitted")
	b.do("phone viewport", chromedp.EmulateViewport(375, 740, chromedp.EmulateScale(2)))
	b.open(srv.URL + "/settings")
	if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "375" {
		t.Errorf("/settings is %spx wide on a 375px phone", w)
	}
	b.screenshot("settings-fitted-phone")
	b.do("desktop viewport", chromedp.EmulateViewport(1100, 900))
	if f.Last.Adopted {
		contains(t, "fitted weights", b.text(`[data-testid="memory-from"]`), "fitted to your own answers")
		b.click(`[data-testid="fsrs-reset"]`)
		contains(t, "after reset", b.text(`[data-testid="memory-from"]`), "default weights")
		if f, err := store.FSRSState(bg, learner); err != nil || f.From == db.WeightsOwn {
			t.Errorf("after Back to defaults the learner's weights are %v (%v)", f.From, err)
		}
	}
}
