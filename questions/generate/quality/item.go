package quality

import (
	"fmt"
	"strings"

	"factdrill/questions"
)

// Item writes a question as a reader sees it: its kind, the stem, the
// options with the right one marked, the accepted answers or the truth,
// and the sentence it came from. Golden files and judging sheets use it.
func Item(q questions.Question) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", q.Kind.Label(), q.Stem)
	switch q.Kind {
	case questions.MultipleChoice:
		for i, c := range q.Choices {
			mark := " "
			if c.Weight > 0 {
				mark = "*"
			}
			fmt.Fprintf(&b, "  %s %c) %s\n", mark, 'a'+i, c.Text)
		}
	case questions.TrueFalse:
		fmt.Fprintf(&b, "  answer: %s\n", map[bool]string{true: "true", false: "false"}[q.Truth])
	default:
		var as []string
		for _, a := range q.Answers {
			t := a.Text
			if a.Weight < 100 {
				t += fmt.Sprintf(" (%g%%)", a.Weight)
			}
			as = append(as, t)
		}
		fmt.Fprintf(&b, "  answer: %s\n", strings.Join(as, " | "))
	}
	if q.Feedback != "" {
		fmt.Fprintf(&b, "  feedback: %s\n", q.Feedback)
	}
	if q.Source != nil {
		fmt.Fprintf(&b, "  source (sentence %d): %s\n", q.Source.Index, q.Source.Sentence)
	}
	return b.String()
}
