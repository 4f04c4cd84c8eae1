package questions

import (
	"io"
	"strings"
)

// Reading Aiken, Moodle's one-right-answer multiple-choice format:
//
//	What is the capital of France?
//	A) Lyon
//	B. Paris
//	ANSWER: B
//
// The reader follows Moodle's importer (question/format/aiken/format.php): a
// question is one line of text, then its options, each a capital letter, )
// or . and the option's text, then ANSWER: and the right option's letter.
// Lines shorter than two characters (blank, or a stray "-") are ignored, as
// Moodle ignores them. As in Moodle, an option before any question, an
// ANSWER: line before any question, and a question left without its ANSWER:
// line are errors; so is a question on two lines, since its second line
// reads as a new question. Beyond Moodle, the options must be lettered in
// order and the answer must name one of them, and "Answer:" is taken in any
// case. Texts are plain text.

// ReadAiken reads an Aiken file; name is used in error messages and for the
// set's title. See Read for what is returned.
func ReadAiken(name string, r io.Reader) (Set, error) {
	data, err := readAll(name, r)
	if err != nil {
		return Set{}, err
	}
	return readAiken(name, data)
}

// isAikenOption reports whether a trimmed line is an option: "A) text" or
// "A. text".
func isAikenOption(line string) bool {
	return len(line) >= 2 && line[0] >= 'A' && line[0] <= 'Z' && (line[1] == ')' || line[1] == '.')
}

// isAikenAnswer reports whether a trimmed line is an ANSWER: line.
func isAikenAnswer(line string) bool {
	key, _, ok := strings.Cut(line, ":")
	return ok && strings.EqualFold(strings.TrimRight(key, " \t"), "answer")
}

func readAiken(name string, data []byte) (Set, error) {
	src, err := newSource(name, data)
	if err != nil {
		return Set{}, err
	}
	type open struct {
		q      Question
		off    int
		line   int
		broken bool
	}
	var (
		qs  []Question
		cur *open
	)
	for i, start := range src.lines {
		end := len(src.text)
		if i+1 < len(src.lines) {
			end = src.lines[i+1] - 1
		}
		raw := src.text[start:end]
		line := strings.TrimSpace(raw)
		if len(line) < 2 {
			continue // as Moodle does: blank lines and stray characters
		}
		off := start + strings.Index(raw, line)
		switch {
		case isAikenOption(line):
			if cur == nil {
				src.errorf(off, "an option with no question before it; expected the question's text on the line above its options")
				continue
			}
			want := byte('A' + len(cur.q.Choices))
			if line[0] != want {
				src.errorf(off, "expected option %c) here, found %s; options are lettered A, B, C … in order", want, line[:2])
				cur.broken = true
			}
			cur.q.Choices = append(cur.q.Choices, Choice{Text: strings.TrimSpace(line[2:])})
		case isAikenAnswer(line):
			if cur == nil {
				src.errorf(off, "an ANSWER: line with no question before it")
				continue
			}
			_, letter, _ := strings.Cut(line, ":")
			letter = strings.TrimRight(strings.TrimSpace(letter), ").")
			n := len(cur.q.Choices)
			switch {
			case len(letter) != 1 || !isLetter(letter[0]):
				src.errorf(off, "expected one letter after ANSWER:, such as ANSWER: B; found %q", excerpt(line))
			case int(upper(letter[0])-'A') >= n:
				if n == 0 {
					src.errorf(off, "ANSWER: %s names no option: the question on line %d has none", letter, cur.line)
				} else {
					src.errorf(off, "ANSWER: %s names no option; the options go from A to %c", letter, 'A'+n-1)
				}
			case !cur.broken:
				cur.q.Choices[upper(letter[0])-'A'].Weight = 100
				if len(qs) == MaxQuestions {
					src.errorf(cur.off, "the file has more than %d questions; the limit is %d", MaxQuestions, MaxQuestions)
					return src.result(nil)
				}
				if src.validate(cur.q, cur.off) {
					qs = append(qs, cur.q)
				}
			}
			cur = nil
		default:
			if cur != nil {
				hint := ""
				if len(line) >= 2 && line[0] >= 'a' && line[0] <= 'z' && (line[1] == ')' || line[1] == '.') {
					hint = "; options start with a capital letter, as " + string(upper(line[0])) + line[1:2]
				}
				if len(cur.q.Choices) == 0 {
					src.errorf(off, "the question on line %d has no options: a question is one line, then its options A) B) …, then ANSWER: and a letter%s", cur.line, hint)
				} else {
					src.errorf(off, "the question on line %d has no ANSWER: line; expected ANSWER: and the letter of the right option after its options%s", cur.line, hint)
				}
			}
			lineNo, _ := src.pos(off)
			cur = &open{q: Question{Kind: MultipleChoice, Stem: line}, off: off, line: lineNo}
		}
		if src.full {
			break
		}
	}
	if cur != nil {
		src.errorf(len(src.text), "the question on line %d has no ANSWER: line; expected ANSWER: and the letter of the right option", cur.line)
	}
	return src.result(qs)
}

func isLetter(c byte) bool { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') }

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}
