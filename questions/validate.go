package questions

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Limits on what a set may hold, so that a file cannot exhaust memory or a
// page. Readers refuse input beyond them.
const (
	MaxQuestions = 5000     // questions in one set
	MaxTextLen   = 20000    // bytes in one stem, choice or feedback
	MaxFileSize  = 10 << 20 // bytes in one question file
)

// weightSlack is how far weights may miss 100% and still count: Moodle's
// GIFT weights are written with a few decimals (33.33333).
const weightSlack = 0.01

// Validate reports every problem of the question as one error, or nil when
// the question can be asked and graded. Messages say what is wrong and what
// was expected, in words a teacher can act on.
func (q Question) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	if !q.Kind.Valid() {
		bad("unknown kind %q (want one of %s)", q.Kind, kindList())
		return errors.Join(errs...)
	}
	if strings.TrimSpace(q.Stem) == "" {
		bad("%s question has no text", q.Kind.Label())
	}
	if n := strings.Count(q.Stem, Blank); n > 1 {
		bad("the text has %d blanks (%s); a question can have at most one", n, Blank)
	}
	switch q.Format {
	case "", Plain, HTML, Markdown, Moodle:
	default:
		bad("unknown text format %q (want plain, html, markdown or moodle)", q.Format)
	}
	for _, t := range q.texts() {
		if len(t) > MaxTextLen {
			bad("a text is %d bytes long; the limit is %d", len(t), MaxTextLen)
			break
		}
	}

	validateOptions(q, bad)

	switch q.Kind {
	case MultipleChoice:
		validateChoices(q, bad)
	case ShortAnswer, Cloze:
		if q.Kind == Cloze && !q.InPlace() {
			bad("cloze question has no blank (%s) in its text", Blank)
		}
		if len(q.Answers) == 0 {
			bad("%s question has no accepted answer", q.Kind.Label())
		}
		best := math.Inf(-1)
		for i, a := range q.Answers {
			if strings.TrimSpace(a.Text) == "" {
				bad("accepted answer %d is empty", i+1)
			}
			checkWeight(a.Weight, fmt.Sprintf("accepted answer %q", a.Text), bad)
			best = math.Max(best, a.Weight)
		}
		if len(q.Answers) > 0 && best < 100-weightSlack {
			bad("no accepted answer is worth 100%% (the best is %s%%)", fmtWeight(best))
		}
	case Numerical:
		if len(q.Numbers) == 0 {
			bad("numerical question has no accepted number")
		}
		best := math.Inf(-1)
		for _, n := range q.Numbers {
			if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) || math.IsNaN(n.Tolerance) || math.IsInf(n.Tolerance, 0) {
				bad("number %v±%v is not a finite number", n.Value, n.Tolerance)
			}
			if n.Tolerance < 0 {
				bad("number %v has a negative tolerance %v", n.Value, n.Tolerance)
			}
			checkWeight(n.Weight, fmt.Sprintf("number %v", n.Value), bad)
			best = math.Max(best, n.Weight)
		}
		if len(q.Numbers) > 0 && best < 100-weightSlack {
			bad("no accepted number is worth 100%% (the best is %s%%)", fmtWeight(best))
		}
	case Matching:
		prompts := q.Prompts()
		if len(prompts) < 2 {
			bad("matching question has %d prompts; it needs at least 2", len(prompts))
		}
		seen := map[string]bool{}
		for _, p := range q.Pairs {
			if strings.TrimSpace(p.Answer) == "" {
				bad("matching prompt %q has no answer", p.Prompt)
			}
			if p.Prompt == "" {
				continue
			}
			if seen[p.Prompt] {
				bad("matching prompt %q appears twice", p.Prompt)
			}
			seen[p.Prompt] = true
		}
	case TrueFalse, Essay, Description:
		// The stem is all they need.
	}
	return errors.Join(errs...)
}

// validateOptions checks the fields that Moodle XML and QTI carry beyond
// the answers.
func validateOptions(q Question, bad func(string, ...any)) {
	if q.Numbering != "" && !contains(Numberings, q.Numbering) {
		bad("unknown option numbering %q (want one of %s)", q.Numbering, strings.Join(Numberings, ", "))
	}
	if math.IsNaN(q.Mark) || math.IsInf(q.Mark, 0) || q.Mark < 0 {
		bad("the mark %v is not a number of marks of 0 or more", q.Mark)
	}
	if p := q.Penalty; p != nil && (math.IsNaN(*p) || *p < 0 || *p > 100) {
		bad("the penalty %v%% is not between 0%% and 100%%", *p)
	}
	if q.Kind != MultipleChoice && q.Kind != Matching &&
		(q.CorrectFeedback != "" || q.PartialFeedback != "" || q.IncorrectFeedback != "") {
		bad("feedback for right, partly right and wrong answers is for multiple choice and matching questions; a %s question has feedback on each answer", q.Kind.Label())
	}
	if len(q.Units) > 0 && q.Kind != Numerical {
		bad("a %s question cannot have units", q.Kind.Label())
	}
	seen := map[string]bool{}
	for _, u := range q.Units {
		if strings.TrimSpace(u.Name) == "" {
			bad("a unit has no name")
		} else if seen[u.Name] {
			bad("unit %q appears twice", u.Name)
		}
		seen[u.Name] = true
		if math.IsNaN(u.Multiplier) || math.IsInf(u.Multiplier, 0) || u.Multiplier <= 0 {
			bad("unit %q has multiplier %v; it must be a number above 0", u.Name, u.Multiplier)
		}
	}
	if math.IsNaN(q.UnitPenalty) || q.UnitPenalty < 0 || q.UnitPenalty > 100 {
		bad("the unit penalty %v%% is not between 0%% and 100%%", q.UnitPenalty)
	}
	if q.MinWords < 0 || q.MaxWords < 0 {
		bad("word limits cannot be negative")
	}
	if q.MaxWords > 0 && q.MinWords > q.MaxWords {
		bad("the essay's word limits are reversed: at least %d and at most %d", q.MinWords, q.MaxWords)
	}
}

func validateChoices(q Question, bad func(string, ...any)) {
	if len(q.Choices) < 2 {
		bad("multiple choice question has %d options; it needs at least 2", len(q.Choices))
	}
	seen := map[string]bool{}
	var best, positive float64
	best = math.Inf(-1)
	for i, c := range q.Choices {
		if strings.TrimSpace(c.Text) == "" {
			bad("option %d is empty", i+1)
		}
		if seen[c.Text] {
			bad("option %q appears twice", c.Text)
		}
		seen[c.Text] = true
		checkWeight(c.Weight, fmt.Sprintf("option %q", c.Text), bad)
		best = math.Max(best, c.Weight)
		if c.Weight > 0 {
			positive += c.Weight
		}
	}
	if len(q.Choices) == 0 {
		return
	}
	switch {
	case best <= 0:
		bad("multiple choice question has no right option (no option has a positive weight)")
	case q.Multiple && math.Abs(positive-100) > weightSlack:
		bad("the right options' weights add up to %s%%; they must add up to 100%%", fmtWeight(positive))
	case !q.Multiple && best < 100-weightSlack:
		bad("no option is worth 100%% (the best is %s%%); mark one right with = or make the question multiple-answer", fmtWeight(best))
	}
}

func checkWeight(w float64, what string, bad func(string, ...any)) {
	if math.IsNaN(w) || w < -100-weightSlack || w > 100+weightSlack {
		bad("%s has weight %s%%; weights go from -100%% to 100%%", what, fmtWeight(w))
	}
}

func fmtWeight(w float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.5f", w), "0"), ".")
}

func kindList() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// texts returns every text of the question a person reads.
func (q Question) texts() []string {
	t := []string{q.Title, q.Stem, q.Feedback, q.TrueFeedback, q.FalseFeedback,
		q.CorrectFeedback, q.PartialFeedback, q.IncorrectFeedback, q.ResponseTemplate, q.GraderInfo}
	for _, h := range q.Hints {
		t = append(t, h.Text)
	}
	for _, c := range q.Choices {
		t = append(t, c.Text, c.Feedback)
	}
	for _, c := range q.Answers {
		t = append(t, c.Text, c.Feedback)
	}
	for _, n := range q.Numbers {
		t = append(t, n.Feedback)
	}
	for _, p := range q.Pairs {
		t = append(t, p.Prompt, p.Answer)
	}
	return t
}

// Validate checks every question of the set and the set's own fields. The
// error names each failing question by its number and name.
func (s Set) Validate() error {
	var errs []error
	if strings.TrimSpace(s.Title) == "" {
		errs = append(errs, errors.New("the set has no title"))
	}
	if len(s.Questions) == 0 {
		errs = append(errs, errors.New("the set has no questions"))
	}
	if len(s.Questions) > MaxQuestions {
		errs = append(errs, fmt.Errorf("the set has %d questions; the limit is %d", len(s.Questions), MaxQuestions))
	}
	for i, q := range s.Questions {
		if err := q.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("question %d (%s): %w", i+1, q.Name(), err))
		}
	}
	return errors.Join(errs...)
}
