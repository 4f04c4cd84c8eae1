package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"factdrill/db"
	"factdrill/quiz"
)

// TestStats_History walks the review history page by page, following the
// "Older answers" links: every answer of the learner's once, newest
// first, no other learner's.
func TestStats_History(t *testing.T) {
	e := newEnv(t)
	if r := e.browser().get("/stats/history"); r.status != http.StatusOK || !strings.Contains(r.body, "No answers yet") {
		t.Fatalf("a visitor's history = %d", r.status)
	}
	b := e.browser()
	b.answer(b.studyPage(e.studyPath("")), "3")
	lid, err := e.learnerID(b)
	if err != nil {
		t.Fatal(err)
	}
	other := e.browser()
	other.answer(other.studyPage(e.studyPath("")), "3")
	// 120 more answers through the store, a minute apart.
	ctx := context.Background()
	st := b.studyPage(e.studyPath(""))
	start := time.Now().Add(-3 * time.Hour)
	for i := range 120 {
		e.store.SetClock(func() time.Time { return start.Add(time.Duration(i) * time.Minute) })
		if _, err := e.store.Review(ctx, db.ReviewInput{LearnerID: lid, SetID: e.setID, QuestionID: st.card, Rating: quiz.Rating(i%4 + 1), Reps: -1, Taken: time.Second}); err != nil {
			t.Fatal(err)
		}
	}
	e.store.SetClock(time.Now)

	seen := map[string]bool{}
	var order []string
	path, pages := "/stats/history", 0
	for path != "" {
		r := b.get(path)
		if r.status != http.StatusOK {
			t.Fatalf("GET %s = %d", path, r.status)
		}
		pages++
		doc := parseHTML(t, r.body)
		rows := doc.Find(`[data-testid="history"] tbody tr`)
		if path != "/stats/history" && doc.Find(`[data-testid="newest"]`).Length() != 1 {
			t.Errorf("page %d has no link back to the newest answers", pages)
		}
		for i := range rows.Length() {
			id := rows.Eq(i).AttrOr("data-testid", "")
			if seen[id] {
				t.Fatalf("%s shown twice (page %d)", id, pages)
			}
			seen[id] = true
			order = append(order, id)
		}
		path = doc.Find(`[data-testid="older"]`).AttrOr("href", "")
		if path != "" && rows.Length() != historyPageSize {
			t.Fatalf("page %d has %d answers and an older page", pages, rows.Length())
		}
	}
	log, err := e.store.ReviewHistory(ctx, lid, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 121 || len(log.Entries) != 121 || pages != 3 {
		t.Fatalf("walked %d answers in %d pages; the learner has %d; want 121 in 3", len(seen), pages, len(log.Entries))
	}
	for i, h := range log.Entries {
		if want := "answer-" + strconv.FormatInt(h.ID, 10); order[i] != want {
			t.Fatalf("row %d is %s, want %s (newest first)", i, order[i], want)
		}
	}
	if r := b.get("/stats/history?before=nonsense"); r.status != http.StatusNotFound {
		t.Errorf("a bad page = %d, want 404", r.status)
	}
	theirs := other.get("/stats/history?before=" + strconv.FormatInt(log.Entries[5].ID, 10))
	if theirs.status != http.StatusNotFound {
		t.Errorf("a page after another learner's answer = %d, want 404", theirs.status)
	}
}
