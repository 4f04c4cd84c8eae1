package web

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestStudy_PracticeTest takes a timed practice test of the cards studied:
// the due and weakest cards, each answer graded and counted once as a
// review of its card, and a test handed in late counting right answers as
// Hard.
func TestStudy_PracticeTest(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	mustContain(t, "nothing studied", b.get(e.studyPath("")+"/test").body, "There is nothing to test yet")
	// Study the six cards (Easy), and come back when some are due.
	for range 6 {
		b.answer(b.studyPage(e.studyPath("")), "4")
	}
	e.clock.add(20 * 24 * time.Hour)
	b.get("/me") // keep the session
	r := b.get(e.studyPath("") + "/test")
	page := parseHTML(t, r.body)
	items := page.Find(`[data-testid="practice-item"]`)
	// The matching card cannot be graded by typing or choosing: 5 of 6.
	if items.Length() != 5 {
		t.Fatalf("the test has %d questions, want 5\n%s", items.Length(), r.body)
	}
	if got := page.Find(`[data-practice]`).AttrOr("data-seconds", ""); got != "150" {
		t.Errorf("the test allows %s seconds, want 150 (30 a question)", got)
	}
	form := formOf(t, r.body, `form[data-testid="practice"]`)
	ids := e.questionIDs()
	for i := range 5 {
		a := "a" + strconv.Itoa(i)
		switch form.Get("c" + strconv.Itoa(i)) {
		case itoa(ids[0]): // Capital of France? Lyon, Paris, Nice
			form.Set(a, "1")
		case itoa(ids[2]): // the cloze
			form.Set(a, "tokyo")
		case itoa(ids[4]): // the number
			form.Set(a, "52")
		}
	}
	lid, _ := e.learnerID(b)
	before := len(e.reviewLog(lid, ids[2]))
	res := b.post(e.studyPath("")+"/test", form)
	if res.status != http.StatusOK {
		t.Fatalf("hand in = %d\n%s", res.status, res.body)
	}
	result := parseHTML(t, res.body)
	if got := strings.Join(strings.Fields(result.Find(`[data-testid="practice-score"] .big`).Text()), " "); got != "2 of 5" {
		t.Errorf("score = %q, want 2 of 5 (Paris and Tokyo)\n%s", got, result.Find("ol.results").Text())
	}
	if log := e.reviewLog(lid, ids[2]); len(log) != before+1 || log[len(log)-1] != 3 {
		t.Errorf("the cloze's log after the test = %v, want one more answer, Good", log)
	}
	if log := e.reviewLog(lid, ids[4]); log[len(log)-1] != 1 {
		t.Errorf("the wrong number's last answer = %v, want Again", log)
	}
	// Handing the same test in again counts nothing more.
	again := parseHTML(t, b.post(e.studyPath("")+"/test", form).body)
	// It says so in words ("Counted as already counted" did not read).
	first := again.Find(`[data-testid="practice-answer"]`).First()
	if got := first.Find("dt").Last().Text() + ": " + first.Find("dd").Last().Text(); got != "Counted: no: it was counted when this test was first handed in" {
		t.Errorf("a second hand-in says %q, want that it was counted when first handed in", got)
	}
	if log := e.reviewLog(lid, ids[2]); len(log) != before+1 {
		t.Errorf("the cloze has %d answers after a second hand-in, want %d", len(log), before+1)
	}

	// Late: a fresh test handed in after its time.
	form = formOf(t, b.get(e.studyPath("")+"/test").body, `form[data-testid="practice"]`)
	e.clock.add(10 * time.Minute)
	mustContain(t, "late", b.post(e.studyPath("")+"/test", form).body, `data-testid="practice-late"`)

	// Study now has its test too, across sets.
	if r := b.get("/study/test"); r.status != http.StatusOK || !strings.Contains(r.body, `data-testid="practice"`) {
		t.Errorf("GET /study/test = %d", r.status)
	}
}
