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
