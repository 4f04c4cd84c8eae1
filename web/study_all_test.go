package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"factdrill/questions"
)

// TestStudy_AcrossSets follows "Study now": the home page counts the
// cards due in the learner's sets, and /study takes them from both sets
// in one session, each answer counted in its set.
func TestStudy_AcrossSets(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	if r := b.get("/"); strings.Contains(r.body, `data-testid="study-now"`) {
		t.Error("a visitor's home page offers Study now")
	}
	other, err := e.store.CreateSet(context.Background(), questions.Set{Title: "Rivers", Questions: []questions.Question{
		{Kind: questions.ShortAnswer, Stem: "River of Paris?", Answers: []questions.Choice{{Text: "Seine", Weight: 100}}},
		{Kind: questions.ShortAnswer, Stem: "River of Rome?", Answers: []questions.Choice{{Text: "Tiber", Weight: 100}}},
	}}, "")
	if err != nil {
		t.Fatal(err)
	}
	// One answer in each set makes both the learner's.
	b.answer(b.studyPage(e.studyPath("")), "4")
	st := b.studyPage(fmt.Sprintf("/sets/%d/study", other))
	if r := b.post(fmt.Sprintf("/sets/%d/study", other), url.Values{"card": {strconv.FormatInt(st.card, 10)}, "reps": {"0"}, "rating": {"4"}}); r.status != http.StatusSeeOther {
		t.Fatalf("answer in Rivers = %d", r.status)
	}
	home := parseHTML(t, b.get("/").body)
	if got := home.Find(`[data-testid="study-now-count"]`).Text(); got != "6" {
		t.Fatalf("home page count = %q, want 6 (5 new in Capitals, 1 in Rivers)", got)
	}
	if href := home.Find(`[data-testid="study-now-link"]`).AttrOr("href", ""); href != "/study" {
		t.Errorf("Study now links to %q", href)
	}

	// Capitals comes first (by title), then Rivers.
	var fromSets []string
	for range 6 {
		r := b.get("/study")
		page := parseHTML(t, r.body)
		all := parseStudy(t, r.body)
		if all.side != "front" {
			t.Fatalf("Study now shows %q after %v", all.side, fromSets)
		}
		set := page.Find(`[data-testid="card-set"]`).Text()
		fromSets = append(fromSets, set)
		form := formOf(t, r.body, `form[data-testid="ratings"]`)
		form.Set("rating", "4")
		if a := b.post("/study", form); a.status != http.StatusSeeOther || !strings.HasPrefix(a.location, "/study") {
			t.Fatalf("answer in Study now = %d to %q", a.status, a.location)
		}
	}
	if want := "Capitals Capitals Capitals Capitals Capitals Rivers"; strings.Join(fromSets, " ") != want {
		t.Errorf("cards came from %v, want %s", fromSets, want)
	}
	done := b.get("/study")
	mustContain(t, "done", done.body, "All caught up", "every card due in your sets")
	home = parseHTML(t, b.get("/").body)
	if got := home.Find(`[data-testid="study-now"] h2`).Text(); !strings.Contains(got, "Nothing to study") {
		t.Errorf("home page after studying everything says %q", got)
	}
	lid, _ := e.learnerID(b)
	stats, err := e.store.StudyStats(context.Background(), lid, other, 7)
	if err != nil || stats.Reviews != 2 {
		t.Errorf("answers counted in Rivers = %d, %v; want 2", stats.Reviews, err)
	}

	// Undo in Study now takes back the last answer, once.
	undo := formOf(t, done.body, "form.undo-form")
	if r := b.post("/study/undo", undo); !strings.Contains(r.location, "notice=undone") {
		t.Fatalf("undo in Study now went to %q", r.location)
	}
	if r := b.post("/study/undo", undo); !strings.Contains(r.location, "nothing-to-undo") {
		t.Errorf("the same undo again went to %q, want nothing-to-undo", r.location)
	}
}

// TestStudy_SetLimits sets a set's own limits from its study page.
func TestStudy_SetLimits(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	b.answer(b.studyPage(e.studyPath("")), "3")
	page := e.studyPath("") + "/limits"
	r := b.get(page)
	mustContain(t, "limits form", r.body, `name="new_per_day" value="20"`, `name="reviews_per_day" value="200"`, "20 new cards and 200 reviews a day")
	if r := b.post(page, url.Values{"new_per_day": {"many"}, "reviews_per_day": {"50"}}); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "Type a whole number") || !strings.Contains(r.body, `value="many"`) {
		t.Fatalf("bad limits = %d\n%s", r.status, r.body)
	}
	if r := b.post(page, url.Values{"new_per_day": {"2"}, "reviews_per_day": {"50"}}); r.status != http.StatusSeeOther {
		t.Fatalf("save limits = %d", r.status)
	}
	if st := b.studyPage(e.studyPath("")); st.counts["new"] != "1" {
		t.Errorf("new cards with a limit of 2 (1 used) = %s, want 1", st.counts["new"])
	}
	mustContain(t, "own limits", b.get(page).body, `data-testid="usual-limits"`)
	b.post(page, url.Values{"usual": {"1"}})
	if st := b.studyPage(e.studyPath("")); st.counts["new"] != "5" {
		t.Errorf("new cards back on the usual limits = %s, want 5", st.counts["new"])
	}
}

// TestStudy_AcrossSetsOwnDeck checks that a deck the learner imported is
// one of their sets for Study now and the home page's count, from the
// moment it is imported (before any answer in it).
func TestStudy_AcrossSetsOwnDeck(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	b.answer(b.studyPage(e.studyPath("")), "4")
	data, _ := imageDeck(t)
	deck := b.importDeck("flags.apkg", data, false)
	home := parseHTML(t, b.get("/").body)
	if got := home.Find(`[data-testid="study-now-count"]`).Text(); got != "7" {
		t.Fatalf("home page count = %q, want 7 (5 new in Capitals, 2 in the deck)", got)
	}
	var fromDeck int
	for range 7 {
		r := b.get("/study")
		if st := parseStudy(t, r.body); st.side != "front" {
			t.Fatalf("Study now shows %q", st.side)
		}
		if parseHTML(t, r.body).Find(`[data-testid="card-set"]`).Text() == "Flags" {
			fromDeck++
		}
		form := formOf(t, r.body, `form[data-testid="ratings"]`)
		form.Set("rating", "4")
		if a := b.post("/study", form); a.status != http.StatusSeeOther {
			t.Fatalf("answer in Study now = %d", a.status)
		}
	}
	if fromDeck != 2 {
		t.Errorf("Study now gave %d cards of the deck, want 2", fromDeck)
	}
	lid, _ := e.learnerID(b)
	if stats, err := e.store.StudyStats(context.Background(), lid, deck, 7); err != nil || stats.Reviews != 2 {
		t.Errorf("answers counted in the deck = %d, %v; want 2", stats.Reviews, err)
	}
}
