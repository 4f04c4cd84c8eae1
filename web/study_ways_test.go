package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// TestStudy_Ways studies the test set in each way, without JavaScript:
// typing the answer (checked by the quiz's rules, the rating suggested
// from the grade and the time), choosing it while the card is new, and
// seeing a definition-style card the other way round. Each answer is one
// review of the card.
func TestStudy_Ways(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	ids := e.questionIDs()

	// Type: the cloze "The capital of Japan is ___." is the third card;
	// the first two (multiple choice, true/false) cannot be typed and are
	// turned over.
	st := b.studyPage(e.studyPath("way=type"))
	page := parseHTML(t, st.body)
	if page.Find(`[data-testid="way-type"][aria-current="page"]`).Length() != 1 {
		t.Error("the way picker does not mark Type")
	}
	if page.Find(`[data-testid="type-form"]`).Length() != 0 || page.Find(`[data-testid="show"]`).Length() != 1 {
		t.Errorf("a multiple choice in Type is not turned over")
	}
	b.answer(st, "3")
	b.answer(b.studyPage(e.studyPath("way=type")), "3")
	st = b.studyPage(e.studyPath("way=type"))
	if st.card != ids[2] {
		t.Fatalf("third card = %d, want the cloze %d", st.card, ids[2])
	}
	front := formOf(t, st.body, `form[data-testid="type-form"]`)
	e.clock.add(4 * time.Second)
	front.Set("typed", " tokyo ")
	back := b.get(e.studyPath(front.Encode()))
	page = parseHTML(t, back.body)
	if got := page.Find(`[data-testid="verdict"]`).AttrOr("data-verdict", ""); got != "right" {
		t.Fatalf("typed tokyo: verdict %q, want right\n%s", got, back.body)
	}
	if got := page.Find(`button.rate.suggested`).AttrOr("value", ""); got != "4" {
		t.Errorf("a right answer typed in 4s suggests %q, want 4 (Easy)", got)
	}
	if page.Find(`button.rate.suggested[autofocus]`).Length() != 1 {
		t.Error("the suggested answer is not the one focused")
	}
	rate := formOf(t, back.body, `form[data-testid="ratings"]`)
	if rate.Get("way") != "type" {
		t.Errorf("the answer form carries way %q", rate.Get("way"))
	}
	rate.Set("rating", "4")
	if r := b.post(e.studyPath(""), rate); r.status != http.StatusSeeOther || !strings.Contains(r.location, "way=type") {
		t.Fatalf("answer = %d to %q, want the Type way kept", r.status, r.location)
	}
	// A wrong answer suggests Again.
	st = b.studyPage(e.studyPath("way=type"))
	if st.card == ids[4] { // the numerical card can be typed too
		front = formOf(t, st.body, `form[data-testid="type-form"]`)
		front.Set("typed", "49")
		page = parseHTML(t, b.get(e.studyPath(front.Encode())).body)
		if got := page.Find(`button.rate.suggested`).AttrOr("value", ""); got != "1" {
			t.Errorf("a wrong number suggests %q, want 1 (Again)", got)
		}
	}

	// Learn: a new card is a choice among a few; choosing right suggests
	// Good.
	l := e.browser()
	st = l.studyPage(e.studyPath("way=learn"))
	page = parseHTML(t, st.body)
	picks := page.Find(`button.choice`)
	if picks.Length() != 3 {
		t.Fatalf("the first card in Learn has %d choices, want its 3 options", picks.Length())
	}
	right := -1
	picks.Each(func(i int, s *goquery.Selection) {
		if strings.Contains(s.Text(), "Paris") {
			right = i
		}
	})
	if right < 0 {
		t.Fatalf("no choice is Paris: %s", picks.Text())
	}
	front = formOf(t, st.body, `form[data-testid="choice-form"]`)
	front.Set("pick", picks.Eq(right).AttrOr("value", ""))
	page = parseHTML(t, l.get(e.studyPath(front.Encode())).body)
	if got := page.Find(`[data-testid="verdict"]`).AttrOr("data-verdict", ""); got != "right" {
		t.Errorf("choosing Paris: verdict %q, want right", got)
	}
	if got := page.Find(`button.rate.suggested`).AttrOr("value", ""); got != "3" {
		t.Errorf("a right choice suggests %q, want 3 (Good)", got)
	}
	if page.Find(`.results-choices li.right.picked`).Length() != 1 {
		t.Error("the back does not mark the right choice as picked")
	}
	// The cloze, new, is a choice among its answer and other cards'.
	for range 2 {
		l.answer(l.studyPage(e.studyPath("way=learn")), "3")
	}
	st = l.studyPage(e.studyPath("way=learn"))
	if st.card != ids[2] {
		t.Fatalf("third card in Learn = %d, want the cloze", st.card)
	}
	options := parseHTML(t, st.body).Find(`button.choice`)
	if options.Length() < 2 || !strings.Contains(options.Text(), "Tokyo") {
		t.Errorf("the cloze's choices = %q, want Tokyo among others", options.Text())
	}

	// Reverse: the cloze shows its answer first and asks what it answers.
	rv := e.browser()
	rv.answer(rv.studyPage(e.studyPath("way=reverse")), "3") // the multiple choice, reversed too
	rv.answer(rv.studyPage(e.studyPath("way=reverse")), "3") // true/false: turned over
	st = rv.studyPage(e.studyPath("way=reverse"))
	page = parseHTML(t, st.body)
	if got := strings.TrimSpace(page.Find(`[data-testid="reversed"]`).Text()); got != "Tokyo" {
		t.Fatalf("the reversed front shows %q, want Tokyo", got)
	}
	back = rv.get(e.studyPath(url.Values{"card": {page.Find(`#study`).AttrOr("data-card", "")}, "show": {"1"}, "way": {"reverse"}}.Encode()))
	mustContain(t, "reversed back", back.body, "It answers", "The capital of Japan is")
	lid, _ := e.learnerID(rv)
	if n := len(e.reviewLog(lid, ids[2])); n != 0 {
		t.Errorf("showing a reversed card logged %d answers", n)
	}
}

func (e *env) reviewLog(learnerID, questionID int64) []int {
	e.t.Helper()
	log, err := e.store.ReviewLog(context.Background(), learnerID, questionID)
	if err != nil {
		e.t.Fatal(err)
	}
	out := make([]int, len(log))
	for i, r := range log {
		out[i] = int(r.Rating)
	}
	return out
}
