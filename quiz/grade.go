// Package quiz holds factdrill's learning rules, with no I/O: grading an
// answer to a question (answer matching and Moodle-style partial credit),
// scoring an attempt, the FSRS-6 spaced-repetition scheduler, the study
// queue of a set (Plan), when a quiz answer reviews a flashcard
// (QuizRating), leeches and undo (review.go), and item statistics.
//
// quiz decides; package db stores what it decided. The store reads the
// facts (cards, logs, settings) in a transaction, calls these pure
// functions, and writes their results in the same transaction; pages and
// exports call them to describe answers.
package quiz

import (
	"math"
	"strconv"
	"strings"

	"factdrill/questions"
)

// Answer is what a learner gave for one question. Which field is used
// depends on the question's kind:
//
//   - multiple choice: Choices, indexes into Question.Choices;
//   - true/false: True;
//   - short answer, cloze, numerical and essay: Text;
//   - matching: Matches, the answer picked for each prompt, in the order of
//     Question.Prompts ("" for none).
type Answer struct {
	Choices []int    `json:"choices,omitempty"`
	True    *bool    `json:"true,omitempty"`
	Text    string   `json:"text,omitempty"`
	Matches []string `json:"matches,omitempty"`
}

// Empty reports whether the learner gave no answer at all.
func (a Answer) Empty() bool {
	if len(a.Choices) > 0 || a.True != nil || strings.TrimSpace(a.Text) != "" {
		return false
	}
	for _, m := range a.Matches {
		if m != "" {
			return false
		}
	}
	return true
}

// Grade is the outcome of grading one answer.
type Grade struct {
	// Fraction is the share of the question's mark earned, from -1 to 1.
	// Only a single-answer multiple choice with a negative weight goes
	// below 0, as in Moodle.
	Fraction float64
	// Graded is false for essays and descriptions, which are left out of
	// the automatic score.
	Graded bool
	// Feedback is what the question's author wrote for the answer given.
	Feedback []string
	// Pending is set for an answer that waits for a person's mark (an
	// essay); Manual is the mark a person gave, which counts instead of
	// grading's (see Effective).
	Pending bool
	Manual  *Manual
}

// Right reports whether the answer earned the full mark.
func (g Grade) Right() bool { return g.Graded && g.Fraction >= 1-1e-9 }

// GradeAnswer grades a by Moodle's rules for q's kind:
//
//   - multiple choice, one answer: the chosen option's weight;
//   - multiple choice, several answers: the sum of the chosen options'
//     weights, kept between 0 and 1;
//   - true/false: 1 when the answer is the truth;
//   - short answer and cloze: the best weight among the accepted answers
//     that match after Normalize ("*" in an accepted answer matches any text);
//   - numerical: the best weight among the numbers the answer is within
//     tolerance of;
//   - matching: the share of prompts matched right.
func GradeAnswer(q questions.Question, a Answer) Grade { return GradeWith(q, a, Rules{}) }

// GradeWith is GradeAnswer under a set's rules. Typed answers also match
// an accepted answer they are equivalent to (see Rules and equivalent):
// the same date or number in another form, another romanisation of a
// name, or, within the set's spelling tolerance, a slip, which the
// feedback points out with the accepted spelling.
func GradeWith(q questions.Question, a Answer, r Rules) Grade {
	g := Grade{Graded: q.Kind.Graded()}
	switch q.Kind {
	case questions.MultipleChoice:
		var sum float64
		picked := map[int]bool{}
		for _, i := range a.Choices {
			if i < 0 || i >= len(q.Choices) || picked[i] {
				continue
			}
			if !q.Multiple && len(picked) == 1 {
				break
			}
			picked[i] = true
			sum += q.Choices[i].Weight / 100
			g.Feedback = appendNonEmpty(g.Feedback, q.Choices[i].Feedback)
		}
		if q.Multiple {
			sum = math.Max(0, sum)
		}
		g.Fraction = math.Min(1, sum)
	case questions.TrueFalse:
		if a.True != nil {
			if *a.True == q.Truth {
				g.Fraction = 1
			}
			if *a.True {
				g.Feedback = appendNonEmpty(g.Feedback, q.TrueFeedback)
			} else {
				g.Feedback = appendNonEmpty(g.Feedback, q.FalseFeedback)
			}
		}
	case questions.ShortAnswer, questions.Cloze:
		given := normalize(a.Text, q.CaseSensitive)
		best, bestSlip := -1, false
		for i, c := range q.Answers {
			if given == "" || (best >= 0 && c.Weight <= q.Answers[best].Weight) {
				continue
			}
			accepted := normalize(c.Text, q.CaseSensitive)
			if MatchText(given, accepted) {
				best, bestSlip = i, false
			} else if ok, slip := equivalent(a.Text, c.Text, q.CaseSensitive, r); ok {
				best, bestSlip = i, slip
			}
		}
		if best >= 0 {
			g.Fraction = math.Max(0, q.Answers[best].Weight/100)
			g.Feedback = appendNonEmpty(g.Feedback, q.Answers[best].Feedback)
			if bestSlip {
				g.Feedback = append(g.Feedback, "Accepted with a spelling slip: it is written “"+q.Answers[best].Text+"”.")
			}
		}
	case questions.Numerical:
		best := -1
		readings, unitRight := numberReadings(a.Text), true
		if len(q.Units) > 0 {
			readings, unitRight = unitReadings(q, a.Text)
		}
		for i, n := range q.Numbers {
			if n.Any {
				continue
			}
			// A little slack so that 0.1+0.2 style rounding never fails a
			// right answer at the edge of its tolerance.
			slack := 1e-9 * math.Max(1, math.Abs(n.Value))
			for _, x := range readings {
				if math.Abs(x-n.Value) <= n.Tolerance+slack && (best < 0 || n.Weight > q.Numbers[best].Weight) {
					best = i
				}
			}
		}
		if best < 0 && strings.TrimSpace(a.Text) != "" {
			// "Any other answer" (GIFT's ~#feedback, Moodle's *) carries
			// the feedback, and the weight, for every answer not matched.
			for i, n := range q.Numbers {
				if n.Any {
					best = i
					break
				}
			}
		}
		if best >= 0 {
			g.Fraction = math.Max(0, q.Numbers[best].Weight/100)
			if !unitRight && !q.Numbers[best].Any {
				g.Fraction *= 1 - q.UnitPenalty/100
			}
			g.Feedback = appendNonEmpty(g.Feedback, q.Numbers[best].Feedback)
		}
	case questions.Matching:
		prompts := q.Prompts()
		right := 0
		for i, p := range prompts {
			if i < len(a.Matches) && a.Matches[i] == p.Answer {
				right++
			}
		}
		if len(prompts) > 0 {
			g.Fraction = float64(right) / float64(len(prompts))
		}
	}
	if g.Graded {
		// Moodle's combined feedback, by how much of the mark was earned.
		switch {
		case g.Right():
			g.Feedback = appendNonEmpty(g.Feedback, q.CorrectFeedback)
		case g.Fraction > 0:
			g.Feedback = appendNonEmpty(g.Feedback, q.PartialFeedback)
		default:
			g.Feedback = appendNonEmpty(g.Feedback, q.IncorrectFeedback)
		}
		g.Feedback = appendNonEmpty(g.Feedback, q.Feedback)
	}
	return g
}

// unitReadings reads a numerical answer given with one of the question's
// units ("5 km", or "$ 5" when units go first), converted to the unit the
// question's numbers are in, and whether the unit was one of them. An
// answer without a known unit is read as a plain number, in the
// question's unit, and the unit counts as wrong: the question's
// UnitPenalty applies (none when units are optional).
func unitReadings(q questions.Question, text string) ([]float64, bool) {
	text = strings.TrimSpace(text)
	var match questions.Unit
	for _, u := range q.Units {
		has := strings.HasSuffix(text, u.Name)
		if q.UnitsLeft {
			has = strings.HasPrefix(text, u.Name)
		}
		if has && len(u.Name) > len(match.Name) {
			match = u
		}
	}
	if match.Name == "" || match.Multiplier == 0 {
		return numberReadings(text), false
	}
	num := strings.TrimSuffix(text, match.Name)
	if q.UnitsLeft {
		num = strings.TrimPrefix(text, match.Name)
	}
	readings := numberReadings(num)
	for i := range readings {
		readings[i] /= match.Multiplier
	}
	return readings, true
}

func appendNonEmpty(s []string, t string) []string {
	if strings.TrimSpace(t) == "" {
		return s
	}
	return append(s, t)
}

// MatchText reports whether the normalised answer matches the normalised
// pattern, where "*" in the pattern stands for any text, as in Moodle's
// short-answer questions.
func MatchText(answer, pattern string) bool {
	if !strings.Contains(pattern, "*") {
		return answer == pattern
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(answer, parts[0]) {
		return false
	}
	rest := answer[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return strings.HasSuffix(rest, last)
}

// Normalize prepares typed text for comparison: lower case, letters
// without diacritics, punctuation dropped, runs of space made one space.
// A "*" is kept, so that accepted answers may hold Moodle's wildcard.
// "  Lénine!" and "lenine" normalise to the same text.
func Normalize(s string) string { return normalize(s, false) }

// normalize is Normalize, keeping letter case when keepCase is set (for
// questions whose answers match only with the same case).
func normalize(s string, keepCase bool) string {
	var b strings.Builder
	space := false
	if !keepCase {
		s = strings.ToLower(s)
	}
	for _, r := range s {
		if f, ok := foldRune[r]; ok {
			r = f
		}
		switch {
		case r == '*' || isLetterOrDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r == '\'' || r == '’' || r == '.' || isMark(r):
			// Apostrophes, dots in abbreviations ("U.S.") and combining
			// marks join what is around them.
		default:
			space = true
		}
	}
	return b.String()
}

// NumberReadings reads a number as people type it: "1822", "-3.14",
// "3,14" (a decimal comma), "1 000" or "1,000.5" (grouping), "2.5e3". Text
// that is no number gives none. A single comma before exactly three digits
// ("3,143") could be either a decimal comma or a thousands separator; both
// readings are returned, the thousands one first, and grading takes the
// one that earns more.
func NumberReadings(s string) []float64 {
	s = strings.TrimSpace(s)
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "_", "").Replace(s)
	s = strings.Replace(s, "−", "-", 1) // a typographic minus
	if s == "" {
		return nil
	}
	var texts []string
	switch {
	case !strings.Contains(s, ","):
		texts = []string{s}
	case strings.Contains(s, ".") || strings.Count(s, ",") > 1:
		texts = []string{strings.ReplaceAll(s, ",", "")}
	case groupedByThousands(s):
		texts = []string{strings.ReplaceAll(s, ",", ""), strings.Replace(s, ",", ".", 1)}
	default:
		texts = []string{strings.Replace(s, ",", ".", 1)}
	}
	var out []float64
	for _, t := range texts {
		x, err := strconv.ParseFloat(t, 64)
		if err == nil && !math.IsNaN(x) && !math.IsInf(x, 0) {
			out = append(out, x)
		}
	}
	return out
}

// numberReadings is NumberReadings, or a number written in words
// ("twenty-one") when the text has no digits to read.
func numberReadings(s string) []float64 {
	if r := NumberReadings(s); len(r) > 0 {
		return r
	}
	if v, ok := WordsNumber(s); ok {
		return []float64{v}
	}
	return nil
}

// groupedByThousands reports whether a single comma in s may separate
// thousands ("1,000") rather than decimals ("3,14").
func groupedByThousands(s string) bool {
	i := strings.IndexByte(s, ',')
	head := strings.TrimLeft(s[:i], "+-")
	return len(s)-i-1 == 3 && head != "" && head != "0"
}
