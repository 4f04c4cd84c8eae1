package web

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestFinishListsFlagged checks that the page that asks before handing in
// names the questions flagged for review, answered or not, with links to
// them, as it names the unanswered ones (the tester's flag went unmentioned).
func TestFinishListsFlagged(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	base := b.startQuiz()
	links := func(s *goquery.Selection) []string {
		var out []string
		s.Find("a").Each(func(_ int, a *goquery.Selection) {
			href, _ := a.Attr("href")
			out = append(out, a.Text()+" "+href)
		})
		return out
	}

	doc := parseHTML(t, b.get(base+"/finish").body)
	if n := doc.Find(`[data-testid="flagged"]`).Length(); n != 0 {
		t.Errorf("nothing flagged: %d flagged notices, want none", n)
	}

	b.post(base+"/questions/1", url.Values{"choice": {"1"}, "flag-shown": {"1"}, "flag": {"1"}, "nav": {"next"}})
	b.post(base+"/questions/3", url.Values{"flag-shown": {"1"}, "flag": {"1"}, "nav": {"next"}})
	r := b.get(base + "/finish")
	if r.status != http.StatusOK {
		t.Fatalf("GET %s/finish = %d", base, r.status)
	}
	doc = parseHTML(t, r.body)
	flagged := doc.Find(`[data-testid="flagged"]`)
	got, want := links(flagged), []string{"1 " + base + "/questions/1", "3 " + base + "/questions/3"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("flagged links = %q, want %q", got, want)
	}
	mustContain(t, "flagged notice", flagged.Text(), "You flagged 2 questions for review")
	if un := links(doc.Find(`[data-testid="unanswered"]`)); len(un) == 0 || un[0] != "2 "+base+"/questions/2" {
		t.Errorf("unanswered links = %q, want question 2 first", un)
	}
}
