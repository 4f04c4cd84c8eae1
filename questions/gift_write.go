package questions

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteGIFT writes the set in GIFT, escaped so that ReadGIFT (and Moodle)
// read back the same questions: every kind the model has, with titles,
// formats, IDs and tags (in a comment before the question), categories
// ($CATEGORY lines), weights and feedback. What GIFT cannot hold is lost:
// the set's own title, description and origin, where a generated question
// came from (Source), white space at the ends of a text and inside a title,
// and what Moodle XML and QTI carry beyond GIFT (KeepOrder, Numbering,
// CaseSensitive, Mark, Penalty, combined feedback, hints, units, essay
// limits, images: WriteMoodleXML keeps them all);
// a short answer whose stem holds the blank reads back as the Cloze it is.
//
// A question GIFT cannot write faithfully makes WriteGIFT write nothing and
// return an error naming it: feedback on a description, -> in a matching
// prompt, -> in a short answer that has more than its one full-credit answer
// (GIFT would read a matching question), or a numerical question whose "any
// other number" answer is not a single one, last, worth 0%.
func WriteGIFT(w io.Writer, s Set) error {
	var b strings.Builder
	var errs []error
	category := ""
	for i, q := range s.Questions {
		if err := giftWritable(q); err != nil {
			errs = append(errs, fmt.Errorf("question %d (%s): %w", i+1, q.Name(), err))
			continue
		}
		if c := cleanLabel(q.Category); c != category {
			b.WriteString("$CATEGORY:")
			if c != "" {
				b.WriteString(" " + c)
			}
			b.WriteString("\n\n")
			category = c
		}
		writeGIFTQuestion(&b, q)
		b.WriteString("\n\n")
	}
	if len(errs) > 0 {
		return fmt.Errorf("questions: write gift: %w", errors.Join(errs...))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("questions: write gift: %w", err)
	}
	return nil
}

// giftWritable reports what GIFT cannot hold of a question.
func giftWritable(q Question) error {
	switch q.Kind {
	case Description:
		if q.Feedback != "" {
			return errors.New("GIFT cannot hold feedback on a description")
		}
	case ShortAnswer, Cloze:
		for _, a := range q.Answers {
			if (strings.Contains(a.Text, "->") || strings.Contains(a.Feedback, "->")) && !unmarkedAnswer(q) {
				return fmt.Errorf("GIFT cannot hold -> in a short answer with several answers (in %q); it would read as a matching question", excerpt(a.Text))
			}
		}
	case Matching:
		for _, p := range q.Pairs {
			if strings.Contains(p.Prompt, "->") {
				return fmt.Errorf("GIFT cannot hold -> in a matching prompt (%q)", excerpt(p.Prompt))
			}
		}
	case Numerical:
		for i, n := range q.Numbers {
			if n.Any && (i != len(q.Numbers)-1 || n.Weight != 0) {
				return errors.New("GIFT holds one answer for any other number, last and worth 0%")
			}
		}
	case MultipleChoice, TrueFalse, Essay:
	default:
		return fmt.Errorf("unknown kind %q", q.Kind)
	}
	return nil
}

func writeGIFTQuestion(b *strings.Builder, q Question) {
	var labels []string
	if id := cleanLabel(q.ID); id != "" {
		labels = append(labels, "[id:"+escapeLabel(id)+"]")
	}
	for _, t := range q.Tags {
		if t = cleanLabel(t); t != "" {
			labels = append(labels, "[tag:"+escapeLabel(t)+"]")
		}
	}
	if len(labels) > 0 {
		b.WriteString("// " + strings.Join(labels, " ") + "\n")
	}

	stem := trimText(q.Stem)
	var text string
	if q.Kind == Description {
		text = giftEscape(stem)
	} else if before, after, ok := strings.Cut(stem, Blank); ok && trimText(after) != "" {
		text = giftEscape(before) + giftBlock(q) + giftEscape(after)
	} else {
		text = giftEscape(stem) + giftBlock(q)
	}

	tag := ""
	if q.Format != "" {
		tag = "[" + string(q.Format) + "]"
	} else if hasFormatTag(text) {
		tag = "[plain]" // the same as no format, and keeps the text's own [html]
	}
	head := ""
	if title := strings.Join(strings.Fields(q.Title), " "); title != "" {
		head = "::" + giftEscape(title) + "::"
	} else if tag == "" && strings.HasPrefix(text, "//") {
		head = "::::" // an empty title, so that the line is not a comment
	}
	b.WriteString(head + tag + text)
}

// giftBlock writes a question's answer block.
func giftBlock(q Question) string {
	var b strings.Builder
	format := q.Format
	if format == "" {
		format = Plain
	}
	item := func(marker string, weight float64, defaultWeight float64, text, feedback string) {
		t := giftText(text, format)
		b.WriteString("\n\t" + marker)
		if weight != defaultWeight || strings.HasPrefix(t, "%") {
			b.WriteString("%" + strconv.FormatFloat(weight, 'f', -1, 64) + "%")
		}
		b.WriteString(t)
		if feedback = trimText(feedback); feedback != "" {
			b.WriteString("#" + giftText(feedback, format))
		}
	}
	general := func(indent bool) {
		if f := trimText(q.Feedback); f != "" {
			if indent {
				b.WriteString("\n\t")
			}
			b.WriteString("####" + giftText(f, format))
		}
	}

	b.WriteString("{")
	switch q.Kind {
	case Essay:
		general(false)
	case TrueFalse:
		// The first feedback is for a wrong answer, the second for a right one.
		word, wrong, right := "FALSE", q.TrueFeedback, q.FalseFeedback
		if q.Truth {
			word, wrong, right = "TRUE", q.FalseFeedback, q.TrueFeedback
		}
		b.WriteString(word)
		wrong, right = trimText(wrong), trimText(right)
		if wrong != "" || right != "" {
			b.WriteString("#" + giftText(wrong, format))
		}
		if right != "" {
			b.WriteString("#" + giftText(right, format))
		}
		general(false)
	case MultipleChoice:
		// A single-answer question needs one option marked =, and every
		// question a ~, or GIFT reads another kind.
		first := -1
		if !q.Multiple {
			best := 0
			for i, c := range q.Choices {
				if c.Weight > q.Choices[best].Weight {
					best = i
				}
				if first < 0 && c.Weight >= 100-weightSlack {
					first = i
				}
			}
			if first < 0 && len(q.Choices) > 0 {
				first = best
			}
		}
		for i, c := range q.Choices {
			if i == first {
				item("=", c.Weight, 100, c.Text, c.Feedback)
			} else {
				item("~", c.Weight, 0, c.Text, c.Feedback)
			}
		}
		general(true)
		b.WriteString("\n")
	case ShortAnswer, Cloze:
		if unmarkedAnswer(q) {
			// Without =, Moodle cannot take -> in the answer for a pair.
			item("", 100, 100, q.Answers[0].Text, q.Answers[0].Feedback)
		} else {
			for _, a := range q.Answers {
				item("=", a.Weight, 100, a.Text, a.Feedback)
			}
		}
		general(true)
		b.WriteString("\n")
	case Numerical:
		num := func(n Number) string {
			s := strconv.FormatFloat(n.Value, 'g', -1, 64)
			if n.Tolerance != 0 {
				s += ":" + strconv.FormatFloat(n.Tolerance, 'g', -1, 64)
			}
			return s
		}
		if len(q.Numbers) == 1 && !q.Numbers[0].Any && q.Numbers[0].Weight == 100 && trimText(q.Numbers[0].Feedback) == "" {
			b.WriteString("#" + num(q.Numbers[0]))
			general(false)
			break
		}
		b.WriteString("#")
		for _, n := range q.Numbers {
			b.WriteString("\n\t")
			if n.Any {
				b.WriteString("~")
			} else {
				b.WriteString("=")
				if n.Weight != 100 {
					b.WriteString("%" + strconv.FormatFloat(n.Weight, 'f', -1, 64) + "%")
				}
				b.WriteString(num(n))
			}
			if f := trimText(n.Feedback); f != "" {
				b.WriteString("#" + giftText(f, format))
			}
		}
		general(true)
		b.WriteString("\n")
	case Matching:
		for _, p := range q.Pairs {
			b.WriteString("\n\t=" + giftText(p.Prompt, format) + " -> " + giftEscape(trimText(p.Answer)))
		}
		general(true)
		b.WriteString("\n")
	}
	b.WriteString("}")
	return b.String()
}

// unmarkedAnswer reports whether a short answer has one full-credit answer
// that holds -> and can be written without =, as {answer}: GIFT reads a block
// holding = and -> as matching.
func unmarkedAnswer(q Question) bool {
	if len(q.Answers) != 1 || q.Answers[0].Weight != 100 {
		return false
	}
	a := q.Answers[0]
	if !strings.Contains(a.Text, "->") && !strings.Contains(a.Feedback, "->") {
		return false
	}
	t := giftEscape(trimText(a.Text))
	switch t {
	case "T", "TRUE", "F", "FALSE":
		return false
	}
	return t != "" && !strings.HasPrefix(t, "%") && !hasFormatTag(t)
}

// giftText escapes a text inside an answer block, where a leading [html]
// (or other format name) would be read as the text's format: then the
// question's own format goes first, which the reader drops.
func giftText(s string, format Format) string {
	t := giftEscape(trimText(s))
	if hasFormatTag(t) {
		t = "[" + string(format) + "]" + t
	}
	return t
}

// hasFormatTag reports whether a written text starts with a format tag.
func hasFormatTag(s string) bool {
	for _, f := range []Format{HTML, Markdown, Plain, Moodle} {
		if strings.HasPrefix(s, "["+string(f)+"]") {
			return true
		}
	}
	return false
}

var giftEscaper = strings.NewReplacer(
	`\`, `\\`, `~`, `\~`, `=`, `\=`, `#`, `\#`, `{`, `\{`, `}`, `\}`, `:`, `\:`,
	"\r\n", `\n`, "\r", `\n`, "\n", `\n`,
)

// giftEscape escapes GIFT's control characters and line breaks, as Moodle's
// exporter does.
func giftEscape(s string) string { return giftEscaper.Replace(s) }

// escapeLabel escapes an [id:…] or [tag:…] value.
func escapeLabel(s string) string {
	return strings.NewReplacer(`\`, `\\`, `]`, `\]`).Replace(s)
}
