package web

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"factdrill/questions"
)

// TestQuestionImage adds images to a question through the editor's image
// control: checked, described, stored, shown; and refused with the reason,
// nothing stored, when they are not images or have no description.
func TestQuestionImage(t *testing.T) {
	w := newWorld(t)
	qid := w.questionA()
	editor := fmt.Sprintf("/teacher/sets/%d/edit", w.setA)
	action := fmt.Sprintf("/teacher/questions/%d/images", qid)
	add := func(b *browser, name string, data []byte, alt string) response {
		return b.upload(action, "image", name, data, url.Values{"alt": {alt}, "back": {editor + "#q0"}})
	}

	// The editor offers the control in each question, tied to its form.
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(w.tA.get(editor).body))
	if err != nil {
		t.Fatal(err)
	}
	ctl := doc.Find(`[data-testid="edit-item"]`).First().Find(`[data-testid="image-control"]`)
	form, _ := ctl.Find(`input[type="file"]`).Attr("form")
	if ctl.Length() != 1 || form == "" || doc.Find("form#"+form).AttrOr("action", "") != action {
		t.Fatalf("the first question's image control (%d) belongs to form %q, want one posting to %s", ctl.Length(), form, action)
	}
	if _, ok := ctl.Find(`input[name="alt"]`).Attr("required"); !ok {
		t.Error("the alt text is not required")
	}

	tables := []string{"media", "question_versions"}
	for _, c := range []struct {
		name, file, alt string
		data            []byte
		status          int
		want            string
	}{
		{"NoAlt", "red.png", "  ", testImage.Data, http.StatusUnprocessableEntity, "Describe the image"},
		{"NotAnImage", "red.png", "a page", []byte("<html><script>alert(1)</script></html>"), http.StatusUnprocessableEntity, "is not a PNG, JPEG, GIF, WebP or SVG image"},
		{"TooBig", "big.png", "big", append(bytes.Clone(testImage.Data), make([]byte, questions.MaxMediaBytes)...), http.StatusRequestEntityTooLarge, "larger than 5 MB"},
		{"BrokenSVG", "x.svg", "x", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><g>`), http.StatusUnprocessableEntity, "cannot be read"},
	} {
		before := rowCounts(t, w.store, tables...)
		r := add(w.tA, c.file, c.data, c.alt)
		if r.status != c.status || !strings.Contains(r.body, c.want) {
			t.Errorf("%s: %d, want %d saying %q\n%s", c.name, r.status, c.status, c.want, uploadError(r.body))
		}
		if after := rowCounts(t, w.store, tables...); jsonOf(after) != jsonOf(before) {
			t.Errorf("%s changed the store: %v, was %v", c.name, after, before)
		}
	}
	if r := add(w.tB, "red.png", testImage.Data, "red"); r.status != http.StatusNotFound {
		t.Errorf("teacher B adding to teacher A's question = %d, want 404", r.status)
	}

	// A PNG and an SVG with a script: both added, the SVG sanitised.
	r := add(w.tA, "red.png", testImage.Data, "A red rectangle")
	if r.status != http.StatusSeeOther || r.location != editor+"?notice=image-added#q0" {
		t.Fatalf("adding the image = %d to %q\n%s", r.status, r.location, r.body)
	}
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><script>alert(1)</script><rect width="4" height="4" onclick="alert(2)"/></svg>`)
	if r := add(w.tA, "sq.svg", svg, "A square"); r.status != http.StatusSeeOther {
		t.Fatalf("adding the SVG = %d\n%s", r.status, r.body)
	}
	_, qs, err := w.store.TeacherSet(t.Context(), w.teacherA.ID, w.setA)
	if err != nil {
		t.Fatal(err)
	}
	refs := questions.MediaRefs(qs[0].Stem)
	if qs[0].Format != questions.HTML || len(refs) != 2 || refs[0] != testImage.Hash {
		t.Fatalf("the question is now %q (%s), want HTML showing both images", qs[0].Stem, qs[0].Format)
	}
	if got := w.anon.get("/media/" + refs[1]); got.header.Get("Content-Type") != "image/svg+xml" || strings.Contains(got.body, "script") || strings.Contains(got.body, "onclick") {
		t.Errorf("the stored SVG is %q %s, want it sanitised", got.header.Get("Content-Type"), got.body)
	}
	page := w.tA.get(editor + "?notice=image-added")
	doc, err = goquery.NewDocumentFromReader(strings.NewReader(page.body))
	if err != nil {
		t.Fatal(err)
	}
	thumbs := doc.Find(`[data-testid="edit-item"]`).First().Find(".image-thumbs img")
	if thumbs.Length() != 2 || thumbs.First().AttrOr("alt", "") != "A red rectangle" {
		t.Errorf("the editor shows %d thumbnails, first alt %q; want 2, the first described", thumbs.Length(), thumbs.First().AttrOr("alt", ""))
	}
	mustContain(t, "the editor", page.body, "The image is added")
}
