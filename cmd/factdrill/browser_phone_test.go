package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"factdrill/db"
	"factdrill/questions"
)

// longWords is a GIFT file whose question, options and feedback hold
// words too long for a phone's line.
var longWords = fmt.Sprintf(`::Long:: What does %[1]s mean? {=%[2]s#See %[3]s ~%[1]s}
`, "Pneumonoultramicroscopicsilicovolcanoconiosis"+strings.Repeat("x", 30),
	"Supercalifragilisticexpialidocious"+strings.Repeat("z", 30),
	"example.org/"+strings.Repeat("a", 80))

// TestBrowser_LongWordsOnPhone checks that an unbroken word longer than a
// 390 px phone's line wraps inside its card on the question page, the
// result and the flashcard's back, instead of running past the card's
// edge and scrolling the page sideways (the tester's question did).
func TestBrowser_LongWordsOnPhone(t *testing.T) {
	ctx := newBrowser(t)
	srv, setID, _ := serveGIFT(t, "long.gift", longWords)
	b := tab{t, ctx}
	b.do("phone viewport", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)))
	// fits lists what sticks out: the page beyond the screen, or an
	// element beyond its card.
	fits := func(page string) {
		t.Helper()
		got := b.eval(`(() => {
			const out = [];
			if (document.documentElement.scrollWidth > window.innerWidth) out.push("page " + document.documentElement.scrollWidth + "px wide");
			for (const c of document.querySelectorAll(".card")) {
				const edge = c.getBoundingClientRect().right;
				for (const e of c.querySelectorAll("*")) {
					if (e.getBoundingClientRect().right > edge + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible") {
						out.push(e.tagName + "." + e.className + ": " + e.textContent.trim().slice(0, 30));
						break;
					}
				}
			}
			return out.join("; ");
		})()`)
		if got != "" {
			t.Errorf("%s at 390px: %s sticks out", page, got)
		}
		b.screenshot("long-words-" + page)
	}
	b.open(fmt.Sprintf("%s/sets/%d", srv.URL, setID))
	fits("set")
	b.click(`form[action$="/attempts"] button`)
	fits("question")
	b.do("pick the right option", chromedp.Click(chromedp.CSS(`.options input[value="0"]`)))
	b.click(`[data-testid="finish"]`)
	b.click(`[data-testid="confirm-finish"]`)
	fits("result")
	b.open(fmt.Sprintf("%s/sets/%d/study?show=1", srv.URL, setID))
	fits("flashcard-back")
}

// serveGIFT starts a server whose database holds the GIFT file's set,
// published, and returns it with the set's id and the set as read.
func serveGIFT(t *testing.T, name, gift string) (*testServer, int64, questions.Set) {
	t.Helper()
	path := tempDB(t)
	set, err := questions.Read(name, []byte(gift))
	if err != nil {
		t.Fatalf("read the GIFT file: %v", err)
	}
	store, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	setID, err := store.CreateSet(context.Background(), set, "")
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	return startServer(t, path), setID, set
}

// TestBrowser_FlaggedAndBlanks takes a quiz with a question flagged for
// review and a missing word, then studies its flashcards: the finish
// page names the flagged question with a link, and the card's back reads
// the filled answer apart from the words beside it.
func TestBrowser_FlaggedAndBlanks(t *testing.T) {
	ctx := newBrowser(t)
	srv, setID, _ := serveGIFT(t, "pharos.gift", `::Height:: The Pharos was about _____ metres tall. {=100}

::Builder:: Who designed the Pharos? {=Sostratus ~Euclid}
`)
	b := tab{t, ctx}
	b.open(fmt.Sprintf("%s/sets/%d", srv.URL, setID))
	b.click(`form[action$="/attempts"] button`)
	b.do("type 100", chromedp.SendKeys(chromedp.CSS("#answer"), "100"))
	b.do("flag it", chromedp.Click(chromedp.CSS(`.flag-toggle input`)))
	b.click(`[data-testid="next"]`)
	b.click(`[data-testid="finish"]`)
	contains(t, "finish page", b.text(`[data-testid="flagged"]`), "You flagged 1 question for review: 1")
	b.screenshot("finish-flagged")
	b.click(`[data-testid="flagged"] a`)
	contains(t, "the flagged question", b.text(`[data-testid="progress"]`), "Question 1 of 2")

	b.open(fmt.Sprintf("%s/sets/%d/study?card=1", srv.URL, setID))
	contains(t, "card front", b.eval(`document.querySelector(".card-stem").innerText`), "about  metres", "was about ")
	b.open(fmt.Sprintf("%s/sets/%d/study?card=1&show=1", srv.URL, setID))
	contains(t, "card back", b.eval(`document.querySelector(".card-stem").innerText`), "about 100 metres tall")
	b.screenshot("flashcard-back-blank")
}
