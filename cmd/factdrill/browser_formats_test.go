package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"factdrill/questions"
	"factdrill/questions/apkg"
)

// fetch fetches an address of the site from the page, with its cookies,
// and returns the body as text.
func (b tab) fetch(url string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`fetch(`+strconv.Quote(url)+`).then(r => r.ok ? r.text() : "HTTP " + r.status)`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("fetch %s: %v", url, err)
	}
	return s
}

// gaugePNG draws a pressure gauge, a picture a physics question might
// show: a dial with a needle at the given fraction of its scale.
func gaugePNG(t *testing.T, needle float64) []byte {
	t.Helper()
	const w, h = 240, 160
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	cx, cy, r := 120.0, 140.0, 110.0
	for x := range w {
		for y := range h {
			dx, dy := float64(x)-cx, float64(y)-cy
			d := math.Hypot(dx, dy)
			c := color.RGBA{251, 250, 247, 255}
			switch {
			case d > r-6 && d < r && dy <= 0:
				c = color.RGBA{31, 95, 174, 255} // the dial's rim
			case d < r-6 && dy <= 0:
				c = color.RGBA{231, 238, 248, 255}
			}
			// The needle: points near the line from the centre at its angle.
			a := math.Pi * (1 - needle)
			nx, ny := math.Cos(a), -math.Sin(a)
			along := dx*nx + dy*ny
			across := math.Abs(dx*ny - dy*nx)
			if along > 0 && along < r-14 && across < 2.5 {
				c = color.RGBA{161, 38, 38, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// moodleBank is a Moodle XML bank as a teacher exports it from Moodle: two
// questions showing images, one without, a calculated question factdrill
// has no kind for, and an audio file it cannot play.
func moodleBank(t *testing.T) []byte {
	t.Helper()
	file := func(name string, data []byte) string {
		return `<file name="` + name + `" path="/" encoding="base64">` + base64.StdEncoding.EncodeToString(data) + `</file>`
	}
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Physics: pressure</text></category></question>
  <question type="truefalse">
    <name><text>High reading</text></name>
    <questiontext format="html"><text><![CDATA[<p>The needle of this gauge is past the middle of its scale.</p><p><img src="@@PLUGINFILE@@/gauge-high.png" alt="A pressure gauge whose needle points three quarters of the way round"></p>]]></text>
      ` + file("gauge-high.png", gaugePNG(t, 0.75)) + `
    </questiontext>
    <answer fraction="100"><text>true</text><feedback><text>Right: three quarters.</text></feedback></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="multichoice">
    <name><text>Reading</text></name>
    <questiontext format="html"><text><![CDATA[<p>Full scale is 4 bar. What does this gauge read?</p><img src="@@PLUGINFILE@@/gauge-low.png" alt="A pressure gauge whose needle points a quarter of the way round">]]></text>
      ` + file("gauge-low.png", gaugePNG(t, 0.25)) + `
    </questiontext>
    <single>true</single><shuffleanswers>1</shuffleanswers><answernumbering>abc</answernumbering>
    <answer fraction="100"><text>1 bar</text></answer>
    <answer fraction="0"><text>2 bar</text></answer>
    <answer fraction="0"><text>3 bar</text></answer>
  </question>
  <question type="shortanswer">
    <name><text>Unit</text></name>
    <questiontext format="html"><text>What is the SI unit of pressure?</text></questiontext>
    <answer fraction="100"><text>pascal</text></answer>
    <answer fraction="100"><text>Pa</text></answer>
  </question>
  <question type="calculated">
    <name><text>Force</text></name>
    <questiontext format="html"><text>A force of {f} N acts on {a} m². What is the pressure?</text></questiontext>
  </question>
  <question type="description">
    <name><text>Listen</text></name>
    <questiontext format="html"><text><![CDATA[<p>Listen: <a href="@@PLUGINFILE@@/hiss.mp3">the valve</a></p>]]></text>
      ` + file("hiss.mp3", []byte("ID3\x03\x00\x00\x00\x00\x00\x00 not really sound")) + `
    </questiontext>
  </question>
</quiz>
`)
}

// TestBrowser_Formats walks issue 13's journey in a real browser: a
// teacher uploads a Moodle XML bank with images and reviews what it left
// out, uploads a PDF chapter and generates questions from it; a student
// imports an Anki deck with images into their own study and studies it.
// Screenshots at desktop and phone widths.
func TestBrowser_Formats(t *testing.T) {
	ctx := newBrowser(t)
	path := tempDB(t)
	if err := run(context.Background(), []string{"teacher", "add", "-db", path, "Rivera"}, noenv, strings.NewReader(testPassword+"\n"), os.Stdout, os.Stderr); err != nil {
		t.Fatal(err)
	}
	srv, _ := startServerArgs(t, path)
	b := tab{t, ctx}
	b.open(srv.URL + "/login")
	b.do("log in", chromedp.SendKeys(chromedp.CSS("#name"), "Rivera"), chromedp.SendKeys(chromedp.CSS("#password"), testPassword))
	b.click(`[data-testid="login-form"] button`)

	// 1. The upload page names the formats, and offers samples.
	dir := t.TempDir()
	bank := filepath.Join(dir, "pressure.xml")
	if err := os.WriteFile(bank, moodleBank(t), 0o644); err != nil {
		t.Fatal(err)
	}
	b.open(srv.URL + "/teacher/sets/new")
	contains(t, "upload card", b.text(`[data-testid="upload-form"]`), "Question file")
	contains(t, "upload page", b.text("main"), "Moodle XML", "Anki deck (.apkg)", "PDF")
	for _, sample := range []string{"questions.gift", "questions.csv"} {
		if got := b.fetch("/static/samples/" + sample); !strings.Contains(got, "Paris") {
			t.Fatalf("the sample %s is %q", sample, got)
		}
	}
	b.screenshot("formats-new-set")

	// 2. The Moodle bank: its images shown with their alt text, what was
	// left out listed at its line.
	b.do("choose the bank", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{bank}))
	b.click(`[data-testid="upload"]`)
	contains(t, "uploaded bank", b.text("main"), "Physics: pressure", "4 questions", "What is the SI unit of pressure?")
	warnings := b.text(`[data-testid="import-warnings"]`)
	contains(t, "warnings", warnings, "pressure.xml:", "calculated", "hiss.mp3")
	b.waitFor("the images to load", `Array.from(document.querySelectorAll("main img")).length == 2 &&
		Array.from(document.querySelectorAll("main img")).every(i => i.complete && i.naturalWidth == 240)`)
	alts := b.eval(`Array.from(document.querySelectorAll("main img")).map(i => i.alt).join(" | ")`)
	contains(t, "alt texts", alts, "three quarters of the way round", "a quarter of the way round")
	if src := b.eval(`document.querySelector("main img").getAttribute("src")`); !strings.HasPrefix(src, "/media/") || len(src) != len("/media/")+64 {
		t.Fatalf("an image's address is %q, want /media/HASH", src)
	}
	b.screenshot("formats-moodle-bank")
	bankURL := strings.Split(b.location(), "?")[0]
	b.click(`[data-testid="publish"]`)
	b.do("phone viewport", chromedp.EmulateViewport(390, 800, chromedp.EmulateScale(2)))
	b.open(bankURL)
	if w := b.eval(`String(document.documentElement.scrollWidth)`); w != "390" {
		t.Errorf("the set page with images is %spx wide on a 390px phone, want no sideways scrolling", w)
	}
	b.screenshot("formats-moodle-bank-phone")
	b.open(srv.URL + "/teacher/sets/new")
	b.screenshot("formats-new-set-phone")
	b.do("desktop viewport", chromedp.EmulateViewport(1100, 900))

	// 3. In the editor, the teacher adds a picture to the third question,
	// described for those who cannot see it.
	b.open(bankURL + "/edit")
	img := filepath.Join(dir, "gauge.png")
	if err := os.WriteFile(img, gaugePNG(t, 0.5), 0o644); err != nil {
		t.Fatal(err)
	}
	third := `[data-testid="edit-item"]:nth-of-type(3) `
	b.do("open the image control", chromedp.Click(chromedp.CSS(third+`[data-testid="image-open"]`)))
	b.do("choose the picture", chromedp.SetUploadFiles(chromedp.CSS(third+`input[name="image"]`), []string{img}),
		chromedp.SendKeys(chromedp.CSS(third+`input[name="alt"]`), "A pressure gauge, needle straight up"))
	b.screenshot("formats-editor-image")
	b.click(third + `[data-testid="image-add"]`)
	contains(t, "after adding the picture", b.text("main"), "The image is added")
	if alt := b.eval(`document.querySelector('` + third + `.image-thumbs img').alt`); alt != "A pressure gauge, needle straight up" {
		t.Fatalf("the third question's thumbnail has alt %q", alt)
	}
	b.open(bankURL)
	b.waitFor("three pictures", `Array.from(document.querySelectorAll("main img")).filter(i => i.complete && i.naturalWidth == 240).length == 3`)

	// 4. The exports carry the images back out.
	b.open(bankURL)
	got := b.fetch(b.eval(`document.querySelector('[data-testid="export-moodlexml"]').href`))
	if n := strings.Count(got, `encoding="base64"`); n != 3 {
		t.Errorf("the Moodle XML export embeds %d files, want the 3 images", n)
	}

	// 5. A PDF chapter: questions generated from its text layer.
	b.open(srv.URL + "/teacher/sets/new")
	pdf, err := filepath.Abs("../../questions/document/testdata/chapter.pdf")
	if err != nil {
		t.Fatal(err)
	}
	b.do("choose the PDF", chromedp.SetUploadFiles(chromedp.CSS("#document"), []string{pdf}), chromedp.SetValue(chromedp.CSS("#count"), "8"))
	b.click(`[data-testid="generate"]`)
	// The progress page reloads itself until the editor opens; a look
	// at the address while it reloads may fail, and is tried again.
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		loc, err := chromedp.Run(b.ctx, chromedp.Location())
		if err == nil && strings.Contains(loc, "/edit") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("generation from the PDF did not finish in 60s; the page is %s (%v)", loc, err)
		}
	}
	b.do("wait for the editor", chromedp.WaitVisible(chromedp.CSS(`[data-testid="save-publish"]`)))
	b.waitFor("the editor to load", `document.readyState === "complete"`)
	items := b.eval(`String(document.querySelectorAll('[data-testid="edit-item"]').length)`)
	if items == "0" {
		t.Fatal("no question was generated from the PDF")
	}
	sources := b.text(`[data-testid="edit-item"] blockquote.source`)
	if strings.Contains(sources, "%PDF") || strings.TrimSpace(sources) == "" {
		t.Fatalf("the first question's source is %q, want a sentence of the chapter", sources)
	}
	b.screenshot("formats-generated-from-pdf")
	b.click(`[data-testid="save-publish"]`)
	contains(t, "generated set", b.text("main"), "generated from chapter.pdf", "published", "left out of the text to generate from")

	// 6. A scanned PDF is refused beside the field, with the reason.
	b.open(srv.URL + "/teacher/sets/new")
	scan, err := filepath.Abs("../../questions/document/testdata/scanned.pdf")
	if err != nil {
		t.Fatal(err)
	}
	b.do("choose the scan", chromedp.SetUploadFiles(chromedp.CSS("#document"), []string{scan}))
	b.click(`[data-testid="generate"]`)
	contains(t, "scanned PDF", b.text(`#document-error`), "no text layer", "text recognition (OCR)")
	b.screenshot("formats-scanned-pdf")

	// 7. A student, in a browser of their own, imports an Anki deck with
	// pictures and studies it (the review history is tested in web).
	deckFile := filepath.Join(dir, "gauges.apkg")
	if err := os.WriteFile(deckFile, gaugeDeck(t), 0o644); err != nil {
		t.Fatal(err)
	}
	other, closeOther := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer closeOther()
	st := tab{t, other}
	st.open(srv.URL + "/")
	st.click(`[data-testid="import-deck"]`)
	st.screenshot("formats-deck-import")
	st.do("choose the deck", chromedp.SetUploadFiles(chromedp.CSS("#deck"), []string{deckFile}))
	if checked := st.eval(`String(document.querySelector('[data-testid="deck-history"]').checked)`); checked != "true" {
		t.Fatalf("the review history box is %s by default, want ticked", checked)
	}
	st.click(`[data-testid="deck-import"]`)
	contains(t, "the deck's page", st.text("main"), "Your deck is imported", "Gauges", "3 cards", "seen by you alone")
	st.screenshot("formats-deck")
	st.click(`[data-testid="study-flashcards"]`)
	st.waitFor("the card's picture", `(function () { var i = document.querySelector("#study img");
		return !!i && i.complete && i.naturalWidth == 240 && i.alt.indexOf("gauge") >= 0; })()`)
	st.screenshot("formats-deck-card")
	st.key(" ")
	st.waitFor("the answer", `document.getElementById("study").dataset.side === "back"`)
	st.screenshot("formats-deck-card-back")
	st.key("3")
	st.waitFor("the next card", `document.getElementById("study").dataset.side === "front"`)
	st.do("phone viewport", chromedp.EmulateViewport(390, 800, chromedp.EmulateScale(2)))
	st.open(st.location())
	if w := st.eval(`String(document.documentElement.scrollWidth)`); w != "390" {
		t.Errorf("the deck's study page is %spx wide on a 390px phone, want no sideways scrolling", w)
	}
	st.screenshot("formats-deck-card-phone")
	st.open(srv.URL + "/")
	contains(t, "the student's home", st.text(`[data-testid="decks"]`), "Gauges", "3 cards")
	st.screenshot("formats-home-decks-phone")
	// The deck is the student's alone: not on the teacher's dashboard.
	b.open(srv.URL + "/teacher")
	if strings.Contains(b.text("main"), "Gauges") {
		t.Error("the teacher's dashboard shows the student's deck")
	}
}

// gaugeDeck is an Anki package of three cards showing gauges, as a student
// brings from Anki, written by factdrill's own writer (which Anki reads).
func gaugeDeck(t *testing.T) []byte {
	t.Helper()
	var set questions.Set
	set.Title = "Gauges"
	for i, reading := range []string{"1 bar", "2 bar", "3 bar"} {
		m, err := questions.NewMedia(fmt.Sprintf("gauge%d.png", i), gaugePNG(t, float64(i+1)/4))
		if err != nil {
			t.Fatal(err)
		}
		set.Media = append(set.Media, m)
		set.Questions = append(set.Questions, questions.Question{Kind: questions.ShortAnswer, Format: questions.HTML,
			Stem:    `What does this 4-bar gauge read? <img src="` + questions.MediaPath(m.Hash) + `" alt="A pressure gauge, needle at ` + reading + `">`,
			Answers: []questions.Choice{{Text: reading, Weight: 100}}})
	}
	var buf bytes.Buffer
	if _, err := apkg.Write(context.Background(), &buf, set, time.Now()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
