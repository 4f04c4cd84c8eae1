package quiz

import (
	"strconv"
	"strings"

	"factdrill/questions"
)

// AnswerText describes an answer in words, for result pages and score
// exports: the options picked, "True", the text typed, or each prompt with
// the answer matched to it. An empty answer gives "".
func AnswerText(q questions.Question, a Answer) string {
	switch q.Kind {
	case questions.MultipleChoice:
		var picked []string
		for _, i := range a.Choices {
			if i >= 0 && i < len(q.Choices) {
				picked = append(picked, q.Choices[i].Text)
			}
		}
		return strings.Join(picked, "; ")
	case questions.TrueFalse:
		if a.True == nil {
			return ""
		}
		return boolText(*a.True)
	case questions.Matching:
		var parts []string
		for i, p := range q.Prompts() {
			if i < len(a.Matches) && a.Matches[i] != "" {
				parts = append(parts, p.Prompt+" → "+a.Matches[i])
			}
		}
		return strings.Join(parts, "; ")
	}
	return strings.TrimSpace(a.Text)
}

// RightAnswerText describes the right answer in words: the options worth
// full marks (or, for multiple answers, every option with a positive
// weight), the truth, the accepted answers worth 100%, or the pairs.
func RightAnswerText(q questions.Question) string {
	var parts []string
	switch q.Kind {
	case questions.MultipleChoice:
		for _, i := range q.RightChoices() {
			if q.Multiple || q.Choices[i].Weight >= 100 {
				parts = append(parts, q.Choices[i].Text)
			}
		}
	case questions.TrueFalse:
		return boolText(q.Truth)
	case questions.ShortAnswer, questions.Cloze:
		for _, c := range q.Answers {
			if c.Weight >= 100 {
				parts = append(parts, c.Text)
			}
		}
		return strings.Join(parts, " or ")
	case questions.Numerical:
		for _, n := range q.Numbers {
			if n.Weight >= 100 && !n.Any {
				s := strconv.FormatFloat(n.Value, 'g', -1, 64)
				if n.Tolerance > 0 {
					s += " ± " + strconv.FormatFloat(n.Tolerance, 'g', -1, 64)
				}
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, " or ")
	case questions.Matching:
		for _, p := range q.Prompts() {
			parts = append(parts, p.Prompt+" → "+p.Answer)
		}
	}
	return strings.Join(parts, "; ")
}

func boolText(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
