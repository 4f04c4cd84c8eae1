package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"factdrill/questions"
	"factdrill/views"
)

// The question editor's form: every field of a question as text, and back.
// Reading it parses what must be numbers (weights, tolerances, marks, word
// limits) and says which could not be read; the question is then checked
// by questions.Question.Validate, whose messages are the file readers'.

// blankRows is how many empty rows the editor offers for more options,
// answers, numbers or pairs.
const blankRows = 2

// fmtNum writes a number as the editor shows it: as short as it reads.
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// questionFormOf is the editor's form for q, with extra blank rows.
func questionFormOf(q questions.Question, extra int) views.QuestionForm {
	f := views.QuestionForm{Kind: q.Kind, Title: q.Title, Stem: q.Stem, Format: string(q.Format), Feedback: q.Feedback,
		Tags: strings.Join(q.Tags, ", "), Numbering: q.Numbering, Multiple: q.Multiple, KeepOrder: q.KeepOrder,
		CaseSensitive: q.CaseSensitive, Truth: q.Truth, UnitsLeft: q.UnitsLeft, TrueFeedback: q.TrueFeedback,
		FalseFeedback: q.FalseFeedback, CorrectFeedback: q.CorrectFeedback, PartialFeedback: q.PartialFeedback,
		IncorrectFeedback: q.IncorrectFeedback, ResponseTemplate: q.ResponseTemplate, GraderInfo: q.GraderInfo}
	if q.Mark != 0 {
		f.Mark = fmtNum(q.Mark)
	}
	if q.UnitPenalty != 0 {
		f.UnitPenalty = fmtNum(q.UnitPenalty)
	}
	if q.MinWords != 0 {
		f.MinWords = strconv.Itoa(q.MinWords)
	}
	if q.MaxWords != 0 {
		f.MaxWords = strconv.Itoa(q.MaxWords)
	}
	answers := q.Answers
	if q.Kind == questions.MultipleChoice {
		answers = q.Choices
	}
	for _, a := range answers {
		f.Answers = append(f.Answers, views.AnswerRow{Text: a.Text, Weight: fmtNum(a.Weight), Feedback: a.Feedback})
	}
	for _, n := range q.Numbers {
		row := views.NumberRow{Value: fmtNum(n.Value), Tolerance: fmtNum(n.Tolerance), Weight: fmtNum(n.Weight), Feedback: n.Feedback}
		if n.Any {
			row.Value, row.Tolerance = "*", ""
		}
		f.Numbers = append(f.Numbers, row)
	}
	for _, p := range q.Pairs {
		f.Pairs = append(f.Pairs, views.PairRow{Prompt: p.Prompt, Answer: p.Answer})
	}
	for _, u := range q.Units {
		f.Units = append(f.Units, views.UnitRow{Name: u.Name, Multiplier: fmtNum(u.Multiplier)})
	}
	return withBlankRows(f, extra)
}

// withBlankRows adds n empty rows to each list the form's kind has.
func withBlankRows(f views.QuestionForm, n int) views.QuestionForm {
	for range n {
		switch f.Kind {
		case questions.MultipleChoice, questions.ShortAnswer, questions.Cloze:
			f.Answers = append(f.Answers, views.AnswerRow{})
		case questions.Numerical:
			f.Numbers = append(f.Numbers, views.NumberRow{})
		case questions.Matching:
			f.Pairs = append(f.Pairs, views.PairRow{})
		}
	}
	if f.Kind == questions.Numerical && len(f.Units) == 0 {
		f.Units = append(f.Units, views.UnitRow{})
	}
	return f
}

// readQuestionForm reads the editor's posted fields, as typed.
func readQuestionForm(v url.Values, kind questions.Kind) views.QuestionForm {
	text := func(k string) string { return strings.ReplaceAll(strings.TrimSpace(v.Get(k)), "\r\n", "\n") }
	on := func(k string) bool { return v.Get(k) == "1" }
	f := views.QuestionForm{Kind: kind, Title: text("title"), Stem: text("stem"), Format: text("format"), Feedback: text("feedback"),
		Tags: text("tags"), Mark: text("mark"), Numbering: text("numbering"), Multiple: on("multiple"), KeepOrder: on("keep_order"),
		CaseSensitive: on("case_sensitive"), Truth: v.Get("truth") == "true", UnitsLeft: on("units_left"),
		UnitPenalty: text("unit_penalty"), TrueFeedback: text("true_feedback"), FalseFeedback: text("false_feedback"),
		CorrectFeedback: text("correct_feedback"), PartialFeedback: text("partial_feedback"), IncorrectFeedback: text("incorrect_feedback"),
		MinWords: text("min_words"), MaxWords: text("max_words"), ResponseTemplate: text("response_template"), GraderInfo: text("grader_info")}
	col := func(k string, i int) string {
		if vs := v[k]; i < len(vs) {
			return strings.TrimSpace(vs[i])
		}
		return ""
	}
	for i := range v["answer-text"] {
		f.Answers = append(f.Answers, views.AnswerRow{Text: col("answer-text", i), Weight: col("answer-weight", i), Feedback: col("answer-feedback", i)})
	}
	for i := range v["number-value"] {
		f.Numbers = append(f.Numbers, views.NumberRow{Value: col("number-value", i), Tolerance: col("number-tolerance", i),
			Weight: col("number-weight", i), Feedback: col("number-feedback", i)})
	}
	for i := range v["pair-answer"] {
		f.Pairs = append(f.Pairs, views.PairRow{Prompt: col("pair-prompt", i), Answer: col("pair-answer", i)})
	}
	for i := range v["unit-name"] {
		f.Units = append(f.Units, views.UnitRow{Name: col("unit-name", i), Multiplier: col("unit-multiplier", i)})
	}
	return f
}

// numbers reads the numbers of a form, recording in bad (by field id) and
// problems what cannot be read.
type numbers struct {
	bad      map[string]bool
	problems []string
}

// read parses s as a number (a decimal comma is fine); "" is def.
func (n *numbers) read(s string, def float64, id, what string) float64 {
	if s == "" {
		return def
	}
	v, err := parseNumber(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if err != nil {
		n.bad[id] = true
		n.problems = append(n.problems, fmt.Sprintf("%s: %q is not a number.", what, s))
	}
	return v
}

// readInt parses s as a whole number of 0 or more; "" is 0.
func (n *numbers) readInt(s, id, what string) int {
	if s == "" {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		n.bad[id] = true
		n.problems = append(n.problems, fmt.Sprintf("%s: %q is not a whole number.", what, s))
	}
	return v
}

// question makes the question the form describes, on base (a stored
// question, whose fields the editor does not show, such as its source,
// hints and penalty, are kept). It returns the fields that could not be
// read and what was wrong with them; the question is not validated here.
func formQuestion(f views.QuestionForm, base questions.Question) (questions.Question, map[string]bool, []string) {
	n := &numbers{bad: map[string]bool{}}
	q := base
	q.Kind, q.Title, q.Stem, q.Format, q.Feedback = f.Kind, f.Title, f.Stem, questions.Format(f.Format), f.Feedback
	if q.Format == questions.Plain {
		q.Format = ""
	}
	q.Tags = nil
	for _, t := range strings.Split(f.Tags, ",") {
		if t = strings.TrimSpace(t); t != "" {
			q.Tags = append(q.Tags, t)
		}
	}
	q.Mark = n.read(f.Mark, 0, "q-mark", "Mark")
	q.Numbering, q.Multiple, q.KeepOrder, q.CaseSensitive = f.Numbering, f.Multiple, f.KeepOrder, f.CaseSensitive
	if q.Numbering == "abc" {
		q.Numbering = ""
	}
	q.Truth, q.TrueFeedback, q.FalseFeedback = f.Truth, f.TrueFeedback, f.FalseFeedback
	q.CorrectFeedback, q.PartialFeedback, q.IncorrectFeedback = f.CorrectFeedback, f.PartialFeedback, f.IncorrectFeedback
	q.ResponseTemplate, q.GraderInfo = f.ResponseTemplate, f.GraderInfo
	q.MinWords = n.readInt(f.MinWords, "q-min-words", "At least (words)")
	q.MaxWords = n.readInt(f.MaxWords, "q-max-words", "At most (words)")
	q.UnitPenalty = n.read(f.UnitPenalty, 0, "q-unit-penalty", "Unit penalty")
	q.UnitsLeft = f.UnitsLeft

	var answers []questions.Choice
	what := "Answer"
	if f.Kind == questions.MultipleChoice {
		what = "Option"
	}
	for i, a := range f.Answers {
		if a.Text == "" && a.Weight == "" && a.Feedback == "" {
			continue
		}
		w := n.read(a.Weight, 0, fmt.Sprintf("answer-weight-%d", i), fmt.Sprintf("%s %d, weight", what, i+1))
		answers = append(answers, questions.Choice{Text: a.Text, Weight: w, Feedback: a.Feedback})
	}
	q.Choices, q.Answers = nil, nil
	switch f.Kind {
	case questions.MultipleChoice:
		q.Choices = answers
	case questions.ShortAnswer, questions.Cloze:
		q.Answers = answers
	}
	q.Numbers = nil
	for i, r := range f.Numbers {
		if r.Value == "" && r.Tolerance == "" && r.Weight == "" && r.Feedback == "" {
			continue
		}
		num := questions.Number{Feedback: r.Feedback}
		num.Weight = n.read(r.Weight, 0, fmt.Sprintf("number-weight-%d", i), fmt.Sprintf("Number %d, weight", i+1))
		if r.Value == "*" {
			num.Any = true
		} else {
			num.Value = n.read(r.Value, 0, fmt.Sprintf("number-value-%d", i), fmt.Sprintf("Number %d", i+1))
			num.Tolerance = n.read(r.Tolerance, 0, fmt.Sprintf("number-tolerance-%d", i), fmt.Sprintf("Number %d, tolerance", i+1))
		}
		q.Numbers = append(q.Numbers, num)
	}
	q.Pairs = nil
	for _, p := range f.Pairs {
		if p.Prompt == "" && p.Answer == "" {
			continue
		}
		q.Pairs = append(q.Pairs, questions.Pair{Prompt: p.Prompt, Answer: p.Answer})
	}
	q.Units = nil
	for i, u := range f.Units {
		if u.Name == "" && u.Multiplier == "" {
			continue
		}
		q.Units = append(q.Units, questions.Unit{Name: u.Name,
			Multiplier: n.read(u.Multiplier, 1, fmt.Sprintf("unit-multiplier-%d", i), fmt.Sprintf("Unit %d, multiplier", i+1))})
	}
	return q, n.bad, n.problems
}

// validationProblems are a question's problems as Validate words them,
// one a sentence.
func validationProblems(q questions.Question) []string {
	err := q.Validate()
	if err == nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(err.Error(), "\n") {
		out = append(out, questions.Sentence(line))
	}
	return out
}
