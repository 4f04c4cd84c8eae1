package web

import (
	"fmt"
	"net/http"
	"testing"
)

// TestStudy_BackLinkOfAssignedSet checks that the flashcards of a
// teacher's set, which has no public page, lead back to the class it was
// assigned to (the tester's link went to /sets/ID, a 404), and that a
// public set's lead back to its own page.
func TestStudy_BackLinkOfAssignedSet(t *testing.T) {
	w := newWorld(t)
	// Student A handed in the class attempt, so the flashcards are open.
	cases := []struct {
		name, path, want, title string
		b                       *browser
	}{
		{"assigned set", fmt.Sprintf("/sets/%d/study", w.setA), fmt.Sprintf("/classes/%d", w.classA.ID), w.classA.Name, w.sA},
		{"public set", fmt.Sprintf("/sets/%d/study", w.setID), fmt.Sprintf("/sets/%d", w.setID), testSet.Title, w.sA},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, path := range []string{c.path, c.path + "?show=1"} {
				r := c.b.get(path)
				if r.status != http.StatusOK {
					t.Fatalf("GET %s = %d, want 200", path, r.status)
				}
				link := parseHTML(t, r.body).Find(`[data-testid="study-back"]`)
				href, _ := link.Attr("href")
				if href != c.want || link.Text() != "← "+c.title {
					t.Errorf("GET %s: back link %q to %q, want %q to %q", path, link.Text(), href, "← "+c.title, c.want)
				}
				if got := c.b.get(href); got.status != http.StatusOK {
					t.Errorf("GET %s (the back link of %s) = %d, want 200", href, path, got.status)
				}
			}
		})
	}
}
