package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// TestSetEdit_ConflictKeepsTheEdits saves the editor, then sends the
// same page again with a change (Back, edit, save): the set changed since
// the page was drawn, so nothing is saved, and the editor comes back in
// the teacher's layout with what was typed, on the right question, and
// says what changed.
func TestSetEdit_ConflictKeepsTheEdits(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	editURL := fmt.Sprintf("/teacher/sets/%d/edit", w.setA)
	page := w.tA.get(editURL)
	form := formValues(doc(t, page).Find(`[data-testid="edit-form"]`))
	if form.Get("q1-id") == "" {
		t.Fatalf("the editor's form has no question ids: %v", form)
	}
	// The first save drops the first question.
	first := formValues(doc(t, page).Find(`[data-testid="edit-form"]`))
	first.Del("q0-keep")
	first.Set("publish", "1")
	if r := w.tA.post(editURL, first); r.status != http.StatusSeeOther {
		t.Fatalf("first save = %d, want 303", r.status)
	}
	// The old page again, with an edit to the second question.
	form.Set("q1-stem", "Rome is the capital of Italy, as ever.")
	form.Set("title", "Capitals, retitled")
	form.Set("publish", "1")
	r := w.tA.post(editURL, form)
	if r.status != http.StatusConflict {
		t.Fatalf("a save of a page drawn before the set changed = %d, want 409", r.status)
	}
	d := doc(t, r)
	if got := d.Find(`[data-testid="edit-error"]`).Text(); !strings.Contains(got, "it had 7 questions, it has 6 now") || !strings.Contains(got, "Nothing was saved") {
		t.Errorf("the conflict's message = %q, want what changed and that nothing was saved", got)
	}
	// The edit is on the question it was made to, now the first.
	if got := d.Find(`#q0-stem`).Text(); got != "Rome is the capital of Italy, as ever." {
		t.Errorf("the first question's text = %q, want the edit typed for it", got)
	}
	if got, _ := d.Find(`#title`).Attr("value"); got != "Capitals, retitled" {
		t.Errorf("title = %q, want the one typed", got)
	}
	if d.Find(`nav[aria-label="Teacher"]`).Length() != 1 {
		t.Error("the conflict's page has no teacher navigation")
	}
	_, qs, err := w.store.TeacherSet(ctx, w.teacherA.ID, w.setA)
	if err != nil || qs[0].Stem != "Rome is the capital of Italy." {
		t.Fatalf("the conflict saved something: first stem %q, %v", qs[0].Stem, err)
	}
	// The page that came back saves.
	again := formValues(d.Find(`[data-testid="edit-form"]`))
	again.Set("publish", "1")
	if r := w.tA.post(editURL, again); r.status != http.StatusSeeOther {
		t.Fatalf("saving the page the conflict gave = %d, want 303", r.status)
	}
	if _, qs, _ = w.store.TeacherSet(ctx, w.teacherA.ID, w.setA); qs[0].Stem != "Rome is the capital of Italy, as ever." {
		t.Errorf("after saving again the first stem = %q, want the edit", qs[0].Stem)
	}
}

// TestSetEdit_InvalidKeepsImagesAndLinksErrors refuses an emptied stem:
// the page that comes back keeps each question's image controls, and
// ties the problem to the field.
func TestSetEdit_InvalidKeepsImagesAndLinksErrors(t *testing.T) {
	w := newWorld(t)
	editURL := fmt.Sprintf("/teacher/sets/%d/edit", w.setA)
	page := doc(t, w.tA.get(editURL))
	images := page.Find(`input[type="file"]`).Length()
	if images == 0 {
		t.Fatal("the editor offers no image controls")
	}
	form := formValues(page.Find(`[data-testid="edit-form"]`))
	form.Set("q2-stem", "")
	r := w.tA.post(editURL, form)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("an emptied stem = %d, want 422", r.status)
	}
	d := doc(t, r)
	if got := d.Find(`input[type="file"]`).Length(); got != images {
		t.Errorf("image controls after the error = %d, want %d", got, images)
	}
	stem := d.Find("#q2-stem")
	if stem.AttrOr("aria-invalid", "") != "true" || stem.AttrOr("aria-describedby", "") != "q2-error" || d.Find("#q2-error").Length() != 1 {
		t.Errorf("the emptied stem is not tied to its error: aria-invalid %q, aria-describedby %q",
			stem.AttrOr("aria-invalid", ""), stem.AttrOr("aria-describedby", ""))
	}
}

// TestJob_FailedPageTriesAgain generates from a text too short to ask
// about: the job's page is a teacher page that says the generation
// failed, and "Try again" opens the form with the text, title and number
// of questions typed.
func TestJob_FailedPageTriesAgain(t *testing.T) {
	w := newWorld(t)
	r := w.tA.upload("/teacher/sets/generate", "document", "", nil, url.Values{"text": {"hello world"}, "title": {"Greetings"}, "count": {"7"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("generate = %d", r.status)
	}
	d := doc(t, w.tA.waitJob(r.location))
	if got := d.Find("h1").Text(); strings.Contains(got, "Generating") || !strings.Contains(got, "could not be written") {
		t.Errorf("the failed job's heading = %q, want it to say it failed", got)
	}
	if d.Find(`nav[aria-label="Teacher"]`).Length() != 1 || d.Find("a.skip").Length() != 1 || d.Find("footer").Length() != 1 {
		t.Error("the failed job's page lacks the teacher layout (navigation, skip link, footer)")
	}
	retry, ok := d.Find(`[data-testid="job-retry"]`).Attr("href")
	if !ok {
		t.Fatal("the failed job's page has no Try again")
	}
	f := doc(t, w.tA.get(retry)).Find(`[data-testid="generate-form"]`)
	if got := f.Find("#text").Text(); got != "hello world" {
		t.Errorf("Try again's text = %q, want the text pasted", got)
	}
	if got, _ := f.Find("#gen-title-input").Attr("value"); got != "Greetings" {
		t.Errorf("Try again's title = %q, want the one typed", got)
	}
	if got, _ := f.Find("#count").Attr("value"); got != "7" {
		t.Errorf("Try again's count = %q, want 7", got)
	}
	// Another teacher's job is not theirs to open.
	if r := w.tB.get(retry); r.status != http.StatusNotFound {
		t.Errorf("another teacher's Try again = %d, want 404", r.status)
	}
}

// TestTeacherErrorPages: an error on a teacher's page, for a teacher
// logged in, is in the teacher's layout with a way back to the
// dashboard; a student's error pages keep the student layout.
func TestTeacherErrorPages(t *testing.T) {
	w := newWorld(t)
	for _, path := range []string{"/teacher/sets/999", "/teacher/nowhere", fmt.Sprintf("/teacher/sets/%d", w.setB)} {
		r := w.tA.get(path)
		if r.status != http.StatusNotFound {
			t.Errorf("%s = %d, want 404", path, r.status)
			continue
		}
		d := doc(t, r)
		if d.Find(`nav[aria-label="Teacher"]`).Length() != 1 || d.Find(`a[href="/teacher"]:contains("Back to the dashboard")`).Length() != 1 {
			t.Errorf("%s: the error page is not in the teacher layout with a way back to the dashboard", path)
		}
		if strings.Contains(r.body, "Teachers: log in") || strings.Contains(r.body, "Back to the sets") {
			t.Errorf("%s: the teacher's error page has the student site's links", path)
		}
	}
	r := w.sA.get("/teacher/sets/999")
	if r.status != http.StatusForbidden || strings.Contains(r.body, `aria-label="Teacher"`) {
		t.Errorf("a student's /teacher page = %d, with the teacher's navigation: %v", r.status, strings.Contains(r.body, `aria-label="Teacher"`))
	}
	if r := w.tA.get("/sets/999"); r.status != http.StatusNotFound || strings.Contains(r.body, `aria-label="Teacher"`) {
		t.Errorf("a student page's error for a teacher = %d; want 404 in the student layout", r.status)
	}
}

// TestDelete_NeedsTheBox: deleting a set or a class asks, without
// script, for a required box; a post without it deletes nothing and
// shows the page again with the problem beside the box.
func TestDelete_NeedsTheBox(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	for _, c := range []struct{ page, form string }{
		{fmt.Sprintf("/teacher/sets/%d", w.setA), "delete-set"},
		{fmt.Sprintf("/teacher/classes/%d", w.classA.ID), "delete-class"},
	} {
		f := doc(t, w.tA.get(c.page)).Find(fmt.Sprintf(`[data-testid=%q]`, c.form))
		box := f.Find(`input[name="confirm"]`)
		if box.Length() != 1 || box.AttrOr("required", "-") == "-" {
			t.Fatalf("%s: the delete form has no required box", c.page)
		}
		action := f.AttrOr("action", "")
		r := w.tA.post(action, formValues(f)) // the box left unticked
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("%s without the box = %d, want 422", action, r.status)
		}
		d := doc(t, r)
		if d.Find(`[data-testid="confirm-error"]`).Length() != 1 || d.Find(`input[name="confirm"][aria-invalid="true"]`).Length() != 1 {
			t.Errorf("%s: the refused delete does not say why beside the box", action)
		}
	}
	if _, _, err := w.store.TeacherSet(ctx, w.teacherA.ID, w.setA); err != nil {
		t.Fatalf("the set is gone after a delete without the box: %v", err)
	}
	if _, err := w.store.ClassResults(ctx, w.teacherA.ID, w.classA.ID); err != nil {
		t.Fatalf("the class is gone after a delete without the box: %v", err)
	}
	yes := url.Values{"confirm": {"yes"}}
	if r := w.tA.post(fmt.Sprintf("/teacher/classes/%d/delete", w.classA.ID), yes); r.status != http.StatusSeeOther {
		t.Errorf("delete the class with the box = %d, want 303", r.status)
	}
	if r := w.tA.post(fmt.Sprintf("/teacher/sets/%d/delete", w.setA), yes); r.status != http.StatusSeeOther {
		t.Errorf("delete the set with the box = %d, want 303", r.status)
	}
	if _, _, err := w.store.TeacherSet(ctx, w.teacherA.ID, w.setA); err == nil {
		t.Error("the set is still there after a confirmed delete")
	}
}

// TestGenerate_FewerThanAsked: a document that gives fewer questions
// than asked says so on the review page, with the numbers and why.
func TestGenerate_FewerThanAsked(t *testing.T) {
	w := newWorld(t)
	r := w.tA.upload("/teacher/sets/generate", "document", "", nil, url.Values{"text": {testDocument}, "count": {"200"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("generate = %d", r.status)
	}
	done := w.tA.waitJob(r.location)
	if done.status != http.StatusSeeOther {
		t.Fatalf("the job ended with %d", done.status)
	}
	d := doc(t, w.tA.get(done.location))
	n := d.Find(`[data-testid="edit-item"]`).Length()
	got := d.Find(`[data-testid="notice"]`).Text()
	if n == 0 || n >= 200 || !strings.Contains(got, fmt.Sprintf("You asked for 200 questions; this document gave %d.", n)) || !strings.Contains(got, "states a fact") {
		t.Errorf("the review page's notice for %d of 200 questions = %q, want the numbers and why", n, got)
	}
}

// TestSetPage_SpellingHintIsGeneral: the spelling option's hint says what
// is always accepted in words that fit any set, not the seed's subject.
func TestSetPage_SpellingHintIsGeneral(t *testing.T) {
	w := newWorld(t)
	got := doc(t, w.tA.get(fmt.Sprintf("/teacher/sets/%d", w.setA))).Find(`[data-testid="spelling-hint"]`).Text()
	if got == "" || strings.Contains(got, "Russian") || !strings.Contains(got, "romanisation") {
		t.Errorf("spelling hint = %q, want the general rules (another romanisation of a name), not a subject's", got)
	}
}

// TestNewSet_OneSampleParagraph: the new-set page offers its samples
// once, and its way to write questions by hand is a link.
func TestNewSet_OneSampleParagraph(t *testing.T) {
	w := newWorld(t)
	d := doc(t, w.tA.get("/teacher/sets/new"))
	if n := d.Find(`[data-testid="samples"]`).Length(); n != 1 {
		t.Errorf("sample paragraphs = %d, want 1", n)
	}
	for _, sel := range []string{`[data-testid="sample-gift"]`, `[data-testid="sample-csv"]`} {
		href, _ := d.Find(sel).Attr("href")
		if r := w.tA.get(href); r.status != http.StatusOK || !strings.Contains(r.body, "?") {
			t.Errorf("sample %s = %d", href, r.status)
		}
	}
	if href, _ := d.Find(`[data-testid="write-here"]`).Attr("href"); href != "/teacher" {
		t.Errorf("the link to write questions by hand = %q, want the dashboard", href)
	}
}

// TestItems_AnsweredCountsNoBlanks: item analysis says how many of the
// students asked a question answered it, so that it agrees with the
// "no answer" row.
func TestItems_AnsweredCountsNoBlanks(t *testing.T) {
	w := newWorld(t)
	// Student A answered only the first question shown in the class
	// attempt, and left the others blank.
	d := doc(t, w.tA.get(fmt.Sprintf("/teacher/sets/%d/items", w.setA)))
	count := map[string]int{}
	d.Find(`[data-testid="item"]`).Each(func(_ int, s *goquery.Selection) {
		count[strings.TrimSpace(s.Find(`[data-testid="answered"]`).Text())]++
	})
	if count["1 of 1"] != 1 || count["0 of 1"] == 0 || len(count) != 2 {
		t.Errorf("answered, by how many questions say it = %v; want one \"1 of 1\", the others \"0 of 1\"", count)
	}
}

// TestUpload_TwiceMakesOneSet sends the same file twice at once, and once
// more a moment later, as a double click would: one set is made, and
// every reply leads to it. After the window the same file makes a new
// set (a teacher may want a copy).
func TestUpload_TwiceMakesOneSet(t *testing.T) {
	w := newWorld(t)
	before := countSets(t, w.store)
	var wg sync.WaitGroup
	got := make([]response, 2)
	for i := range got {
		wg.Go(func() { got[i] = w.tA.upload("/teacher/sets/upload", "file", "good.gift", []byte(testGIFT), nil) })
	}
	wg.Wait()
	again := w.tA.upload("/teacher/sets/upload", "file", "good.gift", []byte(testGIFT), nil)
	for i, r := range append(got, again) {
		if r.status != http.StatusSeeOther || r.location != got[0].location || !strings.HasPrefix(r.location, "/teacher/sets/") {
			t.Errorf("upload %d = %d to %q, want 303 to %q", i+1, r.status, r.location, got[0].location)
		}
	}
	if n := countSets(t, w.store); n != before+1 {
		t.Errorf("sets after a double upload = %d, want %d", n, before+1)
	}
	// Another teacher's identical file is theirs.
	if r := w.tB.upload("/teacher/sets/upload", "file", "good.gift", []byte(testGIFT), nil); r.status != http.StatusSeeOther || r.location == got[0].location {
		t.Errorf("another teacher's upload = %d to %q, want a set of their own", r.status, r.location)
	}
	w.clock.add(uploadTwiceWindow)
	if r := w.tA.upload("/teacher/sets/upload", "file", "good.gift", []byte(testGIFT), nil); r.status != http.StatusSeeOther || r.location == got[0].location {
		t.Errorf("the same file after the window = %d to %q, want a new set", r.status, r.location)
	}
}
