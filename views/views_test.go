package views

import (
	"bytes"
	"context"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"factdrill/questions"
)

// render renders a component and parses it, to be queried by its
// data-testid hooks as a browser test would.
func render(t *testing.T, c templ.Component) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Render(context.Background(), &buf); err != nil {
		t.Fatalf("render: %v", err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

// byTestID finds the elements with the data-testid.
func byTestID(doc *goquery.Document, id string) *goquery.Selection {
	return doc.Find(`[data-testid="` + id + `"]`)
}

func TestQuestionView_FieldError(t *testing.T) {
	m := QuestionPage{
		Page: Page{Title: "Question 2 of 3"}, AttemptID: 7, SetTitle: "Capitals", Number: 2, Count: 3,
		Nav:      Navigator{Items: []NavItem{{Number: 1, Answered: true}, {Number: 2, Current: true}, {Number: 3}}, From: 1, To: 3, Total: 3},
		Question: questions.Question{Kind: questions.ShortAnswer, Stem: "Capital of Peru?"},
		Errors:   FieldErrors{"text": "Your answer is longer than 2000 characters; please shorten it."},
	}
	doc := render(t, QuestionView(m))
	if got := byTestID(doc, "progress").Text(); got != "Question 2 of 3" {
		t.Errorf("progress = %q, want %q", got, "Question 2 of 3")
	}
	if got := byTestID(doc, "question").AttrOr("data-kind", ""); got != "short_answer" {
		t.Errorf("question kind = %q, want short_answer", got)
	}
	msg := byTestID(doc, "text-error")
	if msg.Length() != 1 || msg.Text() != m.Errors["text"] {
		t.Fatalf("text-error = %d elements %q, want one with %q", msg.Length(), msg.Text(), m.Errors["text"])
	}
	input := doc.Find("#answer")
	if input.AttrOr("aria-invalid", "") != "true" || input.AttrOr("aria-describedby", "") != "stem text-error" {
		t.Errorf("answer input: aria-invalid %q, aria-describedby %q; want true and \"stem text-error\"",
			input.AttrOr("aria-invalid", ""), input.AttrOr("aria-describedby", ""))
	}
	if byTestID(doc, "prev").Length() != 1 || byTestID(doc, "next").Length() != 1 || byTestID(doc, "finish").Length() != 0 {
		t.Error("question 2 of 3 wants Previous and Next, no Finish")
	}
}

func TestQuestionView_NoErrorNoAria(t *testing.T) {
	m := QuestionPage{Number: 1, Count: 1, Nav: Navigator{Items: []NavItem{{Number: 1, Current: true}}, From: 1, To: 1, Total: 1},
		Question: questions.Question{Kind: questions.ShortAnswer, Stem: "Capital of Peru?"}}
	doc := render(t, QuestionView(m))
	if n := doc.Find(`[aria-invalid]`).Length(); n != 0 {
		t.Errorf("%d fields marked invalid on a page with no problem", n)
	}
	if byTestID(doc, "finish").Length() != 1 {
		t.Error("the last question wants a Finish button")
	}
}

func TestLoginView_Errors(t *testing.T) {
	doc := render(t, LoginView(LoginPage{Name: "Rivera", Errors: FieldErrors{"": "The name or the password is not right.", "password": "Type your password."}}))
	if got := byTestID(doc, "login-error").Text(); got != "The name or the password is not right." {
		t.Errorf("login-error = %q", got)
	}
	if got := byTestID(doc, "password-error").Text(); got != "Type your password." {
		t.Errorf("password-error = %q", got)
	}
	if got := byTestID(doc, "login-form").Find("#name").AttrOr("value", ""); got != "Rivera" {
		t.Errorf("the name typed = %q, want it kept", got)
	}
	if doc.Find("#name[aria-invalid]").Length() != 0 || doc.Find("#password[aria-invalid=true]").Length() != 1 {
		t.Error("want only the password marked invalid")
	}
}

func TestClassView_AssignErrors(t *testing.T) {
	m := ClassPage{Class: ClassRow{ID: 3, Name: "7B", JoinCode: "ABC-123"}, Rename: "7B", Sets: []SetOption{{ID: 1, Title: "Capitals"}},
		Errors: FieldErrors{"draw": "\"x\" is not a whole number."}}
	doc := render(t, ClassView(m))
	if got := byTestID(doc, "join-code").Text(); got != "ABC-123" {
		t.Errorf("join-code = %q", got)
	}
	form := byTestID(doc, "assign-form")
	if got := form.Find(`[data-testid="draw-error"]`).Text(); got != m.Errors["draw"] {
		t.Errorf("draw-error = %q, want %q", got, m.Errors["draw"])
	}
	if got := form.Find("#draw").AttrOr("aria-describedby", ""); got != "draw-hint draw-error" {
		t.Errorf("draw's aria-describedby = %q, want the hint and the error", got)
	}
	if byTestID(doc, "class-error").Length() != 0 {
		t.Error("a field's problem is shown as the form's")
	}
}

func TestStatsView(t *testing.T) {
	m := StatsPage{Page: Page{Title: "Your statistics"}, Known: true, Reviews: 12, ReviewsToday: 1, Streak: 2, Desired: "90%",
		Calendar: Heatmap{Summary: "12 answers on 2 days in the last 26 weeks."},
		States:   []StateSlice{{Name: "New", Class: "new", Count: 4}, {Name: "Young", Class: "young", Count: 1}}}
	doc := render(t, StatsView(m))
	tiles := byTestID(doc, "stat-tiles").Find("dd")
	if got := tiles.First().Text(); got != "1 card" {
		t.Errorf("today's tile = %q, want %q", got, "1 card")
	}
	if got := byTestID(doc, "calendar-summary").Text(); got != m.Calendar.Summary {
		t.Errorf("calendar summary = %q", got)
	}
	if n := byTestID(doc, "state-legend").Find("li").Length(); n != 2 {
		t.Errorf("state legend has %d states, want 2", n)
	}
	if got := byTestID(doc, "states").Find("desc").Text(); got != "5 cards: 4 new, 1 young." {
		t.Errorf("states chart description = %q", got)
	}
}
