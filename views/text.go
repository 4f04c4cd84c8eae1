package views

import (
	"strconv"

	"github.com/a-h/templ"

	"factdrill/questions"
)

// Plural writes a count with its noun: "1 question", "12 questions". It is
// the one plural of the project: pages, handlers and commands use it.
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// rich renders a question text in its format as safe HTML.
func rich(s string, f questions.Format) templ.Component {
	return templ.Raw(RichText(s, f))
}
