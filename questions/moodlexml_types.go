package questions

import (
	"math"
	"strconv"
	"strings"
)

// The question types of Moodle XML that map one to one. Each reads its
// elements, registers its texts, and returns the function that builds the
// question once the texts are converted.

func (m *moodleQuestion) format() string { return m.rich[0].t.format }

// one builds a single question from the common fields, asked in place when
// its text has a blank.
func (m *moodleQuestion) one(fill func(q *Question)) func() []Question {
	return func() []Question {
		q := m.q
		fill(&q)
		q.Stem = m.placeBlank(q.Stem)
		if q.Kind == ShortAnswer && q.InPlace() {
			q.Kind = Cloze
		}
		return []Question{q}
	}
}

func (m *moodleQuestion) multichoice() func() []Question {
	m.q.Kind = MultipleChoice
	m.q.Multiple = !m.flag("single", true)
	m.q.KeepOrder = !m.flag("shuffleanswers", false)
	if n := strings.TrimSpace(m.el("answernumbering").text()); n != "abc" {
		m.q.Numbering = n
	}
	answers := m.els("answer")
	choices := make([]Choice, len(answers))
	for i, a := range answers {
		t := m.readText(a, m.format())
		choices[i].Weight = m.fraction(a, answerName(t.text))
		m.richText(t, func(s string) { choices[i].Text = s })
		m.richText(m.readText(a.child("feedback"), m.format()), func(s string) { choices[i].Feedback = s })
	}
	m.readCombined(&m.q)
	return m.one(func(q *Question) {
		for _, c := range choices {
			if strings.TrimSpace(c.Text) != "" { // Moodle drops empty answers
				q.Choices = append(q.Choices, c)
			}
		}
	})
}

func (m *moodleQuestion) truefalse() func() []Question {
	m.q.Kind = TrueFalse
	first, guessed := true, false
	for _, a := range m.els("answer") {
		text := strings.TrimSpace(a.child("text").text())
		fraction, _ := parseMoodleNumber(a.attr("fraction"))
		fb := m.readText(a.child("feedback"), m.format())
		if text != "true" && text != "false" {
			// Old files named the answers in the teacher's language, true
			// first.
			guessed = true
			text = map[bool]string{true: "true", false: "false"}[first]
		}
		if text == "true" {
			m.q.Truth = fraction == 100
			m.richText(fb, func(s string) { m.q.TrueFeedback = s })
		} else {
			m.q.Truth = fraction != 100
			m.richText(fb, func(s string) { m.q.FalseFeedback = s })
		}
		first = false
	}
	if guessed {
		m.warn(m.n.Line, "the answers are not named true and false; the first was taken as true, as Moodle does")
	}
	return m.one(func(*Question) {})
}

func (m *moodleQuestion) shortanswer() func() []Question {
	m.q.Kind = ShortAnswer
	m.q.CaseSensitive = m.flag("usecase", false)
	answers := m.plainAnswers()
	return m.one(func(q *Question) { q.Answers = answers() })
}

// plainAnswers reads answers whose text is plain (short answers): the
// text, the grade and the feedback.
func (m *moodleQuestion) plainAnswers() func() []Choice {
	answers := m.els("answer")
	out := make([]Choice, len(answers))
	for i, a := range answers {
		out[i].Text = strings.TrimSpace(a.child("text").text())
		out[i].Weight = m.fraction(a, answerName(out[i].Text))
		m.richText(m.readText(a.child("feedback"), m.format()), func(s string) { out[i].Feedback = s })
	}
	return func() []Choice {
		var kept []Choice
		for _, c := range out {
			if c.Text != "" {
				kept = append(kept, c)
			}
		}
		return kept
	}
}

func (m *moodleQuestion) numerical() func() []Question {
	m.q.Kind = Numerical
	answers := m.els("answer")
	numbers := make([]Number, len(answers))
	for i, a := range answers {
		text := strings.TrimSpace(a.child("text").text())
		if a.child("text") == nil {
			text = strings.TrimSpace(a.text()) // Moodle 1.x
		}
		numbers[i].Weight = m.fraction(a, answerName(text))
		m.richText(m.readText(a.child("feedback"), m.format()), func(s string) { numbers[i].Feedback = s })
		if text == "" || text == "*" {
			numbers[i].Any = true
			continue
		}
		v, ok := parseMoodleNumber(text)
		if !ok {
			m.fail(a.Line, "answer %q is not a number (nor *, any other number)", text)
			continue
		}
		numbers[i].Value = v
		if t := strings.TrimSpace(a.child("tolerance").text()); t != "" {
			tol, ok := parseMoodleNumber(t)
			if !ok {
				m.fail(a.child("tolerance").Line, "the tolerance %q of answer %s is not a number", t, text)
			}
			numbers[i].Tolerance = math.Abs(tol)
		}
	}
	m.readUnits()
	return m.one(func(q *Question) { q.Numbers = numbers })
}

// readUnits reads a numerical question's units and how they are graded.
func (m *moodleQuestion) readUnits() {
	var units []Unit
	for _, u := range m.el("units").children("unit") {
		mult := 1.0
		if s := strings.TrimSpace(u.child("multiplier").text()); s != "" {
			x, ok := parseMoodleNumber(s)
			if !ok {
				m.fail(u.Line, "the multiplier %q of a unit is not a number", s)
			}
			mult = x
		}
		units = append(units, Unit{Name: strings.TrimSpace(u.child("unit_name").text()), Multiplier: mult})
	}
	grading := strings.TrimSpace(m.el("unitgradingtype").text())
	penalty, hasPenalty := m.number("unitpenalty")
	show := strings.TrimSpace(m.el("showunits").text())
	m.q.UnitsLeft = m.flag("unitsleft", false)
	if s := strings.TrimSpace(m.el("instructions").child("text").text()); s != "" {
		m.notKept = append(m.notKept, "the instructions about units")
	}
	if len(units) == 0 {
		return
	}
	if show == "3" {
		m.notKept = append(m.notKept, "units (Moodle does not use them for this question)")
		return
	}
	m.q.Units = units
	if grading == "1" || grading == "2" {
		if !hasPenalty {
			penalty = 0.1
		}
		m.q.UnitPenalty = math.Round(penalty*1e7) / 1e5
		if grading == "2" {
			m.notKept = append(m.notKept, "the unit penalty taken from the question's whole mark (it is taken from the mark earned)")
		}
	}
	if show == "1" || show == "2" {
		m.notKept = append(m.notKept, "units chosen from a list (they are typed)")
	}
}

func (m *moodleQuestion) matching() func() []Question {
	m.q.Kind = Matching
	m.q.KeepOrder = !m.flag("shuffleanswers", true)
	subs := m.els("subquestion")
	pairs := make([]Pair, len(subs))
	for i, sub := range subs {
		pairs[i].Answer = strings.TrimSpace(sub.child("answer").child("text").text())
		m.richText(m.readText(sub, m.format()), func(s string) { pairs[i].Prompt = s })
	}
	m.readCombined(&m.q)
	return m.one(func(q *Question) {
		for _, p := range pairs {
			if p.Prompt != "" || p.Answer != "" {
				q.Pairs = append(q.Pairs, p)
			}
		}
	})
}

func (m *moodleQuestion) essay() func() []Question {
	m.q.Kind = Essay
	if f := strings.TrimSpace(m.el("responseformat").text()); f == "noinline" {
		m.notKept = append(m.notKept, "answers given as files only (students type their answer)")
	}
	m.el("responserequired")
	if a := strings.TrimSpace(m.el("attachments").text()); a != "" && a != "0" {
		m.notKept = append(m.notKept, "file attachments")
	}
	for _, name := range []string{"attachmentsrequired", "maxbytes", "filetypeslist"} {
		m.el(name)
	}
	m.q.MinWords = m.wordLimit("minwordlimit")
	m.q.MaxWords = m.wordLimit("maxwordlimit")
	m.richText(m.readText(m.el("graderinfo"), m.format()), func(s string) { m.q.GraderInfo = s })
	m.richText(m.readText(m.el("responsetemplate"), m.format()), func(s string) { m.q.ResponseTemplate = s })
	return m.one(func(*Question) {})
}

func (m *moodleQuestion) wordLimit(name string) int {
	n := m.el(name)
	s := strings.TrimSpace(n.text())
	if s == "" {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		m.fail(n.Line, "<%s> %q is not a number of words", name, s)
		return 0
	}
	return v
}

func (m *moodleQuestion) description() func() []Question {
	m.q.Kind = Description
	m.q.Mark = 0
	return m.one(func(*Question) {})
}
