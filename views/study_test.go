package views

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"factdrill/questions"
)

// TestCardFront_SpacesAroundBlank checks that a blank keeps the spaces
// written around it on the flashcard and in the quiz's stem, and that the
// answer filled in on the back stands apart from the words beside it (the
// tester saw "about_____" and "about 100metres.").
func TestCardFront_SpacesAroundBlank(t *testing.T) {
	cloze := func(stem string) questions.Question {
		return questions.Question{Kind: questions.ShortAnswer, Stem: stem, Answers: []questions.Choice{{Text: "100", Weight: 100}}}
	}
	// text is the stem as read, with the blank drawn as "[ ]".
	text := func(s *goquery.Selection) string {
		s.Find(".blank").ReplaceWithHtml("[ ]")
		s.Find("mark[hidden]").Remove()
		return strings.Join(strings.Fields(strings.ReplaceAll(s.Text(), "\n", " ")), " ")
	}
	for _, c := range []struct {
		stem, front, back string
	}{
		{"The pharos was about " + questions.Blank + " metres tall.", "The pharos was about [ ] metres tall.", "The pharos was about [ ]100 metres tall."},
		{questions.Blank + " metres was its height.", "[ ] metres was its height.", "[ ]100 metres was its height."},
		{"Its height in metres: " + questions.Blank + ".", "Its height in metres: [ ].", "Its height in metres: [ ]100."},
		{"Written tight: x" + questions.Blank + "y.", "Written tight: x[ ]y.", "Written tight: x[ ]100y."},
	} {
		q := cloze(c.stem)
		for _, side := range []struct {
			back bool
			want string
		}{{false, c.front}, {true, c.back}} {
			if got := text(render(t, cardFront(q, side.back)).Find(".card-stem")); got != side.want {
				t.Errorf("flashcard of %q (back: %v) reads %q, want %q", c.stem, side.back, got, side.want)
			}
		}
		if got := text(render(t, stem(q)).Find("#stem")); got != c.front {
			t.Errorf("quiz stem of %q reads %q, want %q", c.stem, got, c.front)
		}
	}
}
