package web

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"factdrill/questions"
	"factdrill/questions/apkg"
)

// testDeckSet is student A's own deck in the authorisation fixture.
var testDeckSet = questions.Set{Title: "Verbs", Questions: []questions.Question{
	{Kind: questions.ShortAnswer, Stem: "hablar", Answers: []questions.Choice{{Text: "to speak", Weight: 100}}},
}}

// testDeck is an Anki package of a deck with a review history.
func testDeck(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../questions/apkg/testdata/eikowagenknecht-srs-converter/mixed-legacy-2.apkg")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// imageDeck is an Anki package written by factdrill's own writer: cards
// showing images, as a student might bring from Anki.
func imageDeck(t *testing.T) ([]byte, questions.Set) {
	t.Helper()
	a, b := pngImage(30, 20, colorOf(200, 40, 40)), pngImage(20, 30, colorOf(40, 40, 200))
	set := questions.Set{Title: "Flags", Questions: []questions.Question{
		{Kind: questions.ShortAnswer, Format: questions.HTML, Stem: `Which colour is this? <img src="` + questions.MediaPath(a.Hash) + `" alt="a red rectangle">`,
			Answers: []questions.Choice{{Text: "red", Weight: 100}}},
		{Kind: questions.ShortAnswer, Format: questions.HTML, Stem: `And this? <img src="` + questions.MediaPath(b.Hash) + `">`,
			Answers: []questions.Choice{{Text: "blue", Weight: 100}}},
	}, Media: []questions.Media{a, b}}
	var buf bytes.Buffer
	if _, err := apkg.Write(context.Background(), &buf, set, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), set
}

var deckPath = regexp.MustCompile(`^/sets/(\d+)\?notice=deck-imported$`)

// importDeck imports a deck as the browser's learner and returns its id.
func (b *browser) importDeck(name string, data []byte, history bool) int64 {
	b.e.t.Helper()
	form := url.Values{}
	if history {
		form.Set("history", "1")
	}
	r := b.upload("/decks/import", "deck", name, data, form)
	m := deckPath.FindStringSubmatch(r.location)
	if r.status != http.StatusSeeOther || m == nil {
		b.e.t.Fatalf("import %s = %d to %q\n%s", name, r.status, r.location, r.body)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return id
}

// TestDecks_ImportAndStudy imports Anki decks as a student: one with
// images, studied with them shown; one with its review history, whose
// cards start from it. The deck is the student's alone.
func TestDecks_ImportAndStudy(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	s := w.anon // a visitor: the import makes them a learner

	data, set := imageDeck(t)
	id := s.importDeck("flags.apkg", data, true)
	page := s.get(fmt.Sprintf("/sets/%d?notice=deck-imported", id))
	mustContain(t, "the deck's page", page.body, "Flags", "2 cards", "Your deck is imported", "only you", "/study")
	home := s.get("/")
	mustContain(t, "home", home.body, `data-testid="decks"`, "Flags", fmt.Sprintf(`href="/sets/%d/study"`, id))

	// Studied with its images, shown from the store.
	study := s.get(fmt.Sprintf("/sets/%d/study", id))
	if study.status != http.StatusOK {
		t.Fatalf("study the deck = %d", study.status)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(study.body))
	if err != nil {
		t.Fatal(err)
	}
	img := doc.Find("main img")
	src, _ := img.Attr("src")
	alt, hasAlt := img.Attr("alt")
	if img.Length() != 1 || src != questions.MediaPath(set.Media[0].Hash) || !hasAlt || alt != "a red rectangle" {
		t.Errorf("the first card shows %d images, src %q alt %q; want the red one with its alt", img.Length(), src, alt)
	}
	if r := s.get(src); r.status != http.StatusOK || r.body != string(set.Media[0].Data) {
		t.Errorf("the card's image = %d, %d bytes; want the deck's", r.status, len(r.body))
	}

	// Nobody else sees it: another student, a teacher, the home page.
	for who, b := range map[string]*browser{"student B": w.sB, "teacher A": w.tA} {
		for _, p := range []string{fmt.Sprintf("/sets/%d", id), fmt.Sprintf("/sets/%d/study", id), fmt.Sprintf("/teacher/sets/%d", id), fmt.Sprintf("/teacher/sets/%d/export?format=gift", id)} {
			if r := b.get(p); r.status != http.StatusNotFound && r.status != http.StatusForbidden {
				t.Errorf("%s GET %s = %d, want 404", who, p, r.status)
			}
		}
		if strings.Contains(b.get("/").body, "Flags") {
			t.Errorf("%s's home page lists another learner's deck", who)
		}
	}

	// A deck with its history: the cards start from it.
	hid := s.importDeck("mixed.apkg", testDeck(t), true)
	deck, err := apkg.Read(ctx, "mixed.apkg", bytes.NewReader(testDeck(t)), int64(len(testDeck(t))))
	if err != nil {
		t.Fatal(err)
	}
	want := len(deckReviews(deck.Reviews))
	if want == 0 {
		t.Fatal("the fixture deck has no answered reviews")
	}
	var got int
	if err := rawDB(t, w.store).QueryRow(fmt.Sprintf("SELECT count(*) FROM reviews r JOIN set_questions sq ON sq.question_id = r.question_id WHERE sq.set_id = %d AND r.source = 'anki'", hid)).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("the deck's log has %d answers from Anki, want %d", got, want)
	}
	// The same deck without its history starts afresh.
	fresh := s.importDeck("mixed.apkg", testDeck(t), false)
	if err := rawDB(t, w.store).QueryRow(fmt.Sprintf("SELECT count(*) FROM reviews r JOIN set_questions sq ON sq.question_id = r.question_id WHERE sq.set_id = %d", fresh)).Scan(&got); err != nil || got != 0 {
		t.Errorf("a deck imported without its history has %d answers (%v), want 0", got, err)
	}

	// Deleting asks for the box to be ticked, then takes it all away.
	if r := s.post(fmt.Sprintf("/sets/%d/delete", hid), nil); r.status != http.StatusBadRequest {
		t.Errorf("delete without the box = %d, want 400", r.status)
	}
	if r := s.post(fmt.Sprintf("/sets/%d/delete", hid), url.Values{"confirm": {"yes"}}); r.status != http.StatusSeeOther || r.location != "/?notice=deck-deleted" {
		t.Errorf("delete = %d to %q", r.status, r.location)
	}
	if r := s.get(fmt.Sprintf("/sets/%d", hid)); r.status != http.StatusNotFound {
		t.Errorf("the deleted deck's page = %d, want 404", r.status)
	}
}

// TestDecks_ImportRefused sends packages that are not decks: each is
// refused with the reason, and nothing is stored, not even a learner.
func TestDecks_ImportRefused(t *testing.T) {
	w := newWorld(t)
	tables := []string{"sets", "questions", "media", "reviews", "learners"}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"notes.apkg", []byte("%PDF-1.4 a document"), "not an Anki package"},
		{"bomb.apkg", zipFiles(t, [2]string{"collection.anki2", strings.Repeat("\x00", 50<<20)}), "zip bomb"},
		{"slip.apkg", zipFiles(t, [2]string{"../../evil", "x"}), "points outside it"},
		{"empty.apkg", readTestFixture(t, "../questions/apkg/testdata/eikowagenknecht-srs-converter/empty-legacy-2.apkg"), "holds no cards"},
	} {
		before := rowCounts(t, w.store, tables...)
		r := w.anon.upload("/decks/import", "deck", c.name, c.data, url.Values{"history": {"1"}})
		doc, _ := goquery.NewDocumentFromReader(strings.NewReader(r.body))
		msg := doc.Find(`[data-testid="deck-error"]`).Text()
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(msg, c.want) || !strings.Contains(msg, "Nothing was saved") {
			t.Errorf("import %s = %d %q, want 422 saying %q", c.name, r.status, strings.Join(strings.Fields(msg), " "), c.want)
		}
		if after := rowCounts(t, w.store, tables...); jsonOf(after) != jsonOf(before) {
			t.Errorf("the refused %s changed the store: %v, was %v", c.name, after, before)
		}
	}
}

func readTestFixture(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// questionA is the first question of teacher A's set.
func (w *world) questionA() int64 {
	w.t.Helper()
	_, qs, err := w.store.TeacherSet(context.Background(), w.teacherA.ID, w.setA)
	if err != nil || len(qs) == 0 {
		w.t.Fatalf("teacher A's set: %d questions, %v", len(qs), err)
	}
	return qs[0].ID
}
