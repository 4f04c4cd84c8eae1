// Package export writes what the store holds as files other programs
// read: the score and answer CSVs a gradebook imports, and the gradebook
// files of Moodle's and Canvas's grade imports (gradebook.go). It reads nothing
// itself: callers pass what the store returned, so the web side's
// downloads and the scores command share one writer and neither imports
// the other. It lives under db because its inputs are db's result types.
//
// The files are CSV written by questions.CSVWriter, the project's one CSV
// writer (RFC 4180: a header row, CRLF line ends, UTF-8; cells quoted when
// they hold a separator of any locale, and text neutralised wherever a
// formula could start; figures we computed are written as they are).
// Downloads start with BOM, so that Excel reads names with accents right;
// the command line leaves it out.
package export

import (
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
)

// BOM is the UTF-8 byte-order mark downloads start with.
const BOM = "\uFEFF"

// The cells of an export: text is neutralised, a figure we computed is
// not (see questions.CSVWriter).
var (
	text   = questions.CSVText
	number = questions.CSVFigure
)

type cell = questions.CSVCell

func writeRows(w io.Writer, rows [][]cell) error {
	cw := questions.NewCSVWriter(w)
	for _, row := range rows {
		if err := cw.Write(row...); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// Scores writes a gradebook of the classes: one row per student of
// each class (name, id, school id and email when known, class), one
// column per set assigned to any of them, with the student's best finished
// score in percent; empty where there is none, and followed by "(needs
// grading)" while an answer of that attempt waits for the teacher's mark.
func Scores(w io.Writer, classes []db.ClassResults) error {
	cols, colOf := setColumns(classes)
	header := []cell{text("Student"), text("Student ID"), text("School ID"), text("Email"), text("Class")}
	for _, c := range cols {
		header = append(header, text(c.title+" (%)"))
	}
	// Each row goes out as it is made (CSVWriter buffers a few KB).
	cw := questions.NewCSVWriter(w)
	cw.Write(header...)
	for _, c := range classes {
		for _, st := range c.Students {
			l := st.Learner
			row := []cell{text(l.DisplayName()), number(strconv.FormatInt(l.ID, 10)), text(l.SchoolID), text(l.Email), text(c.Class.Name)}
			if err := cw.Write(append(row, bestScores(c, st, cols, colOf, true)...)...); err != nil {
				return err
			}
		}
	}
	return cw.Flush()
}

// Answers writes the detailed export of the attempts (see AnswerWriter).
func Answers(w io.Writer, attempts []db.AttemptDetail) error {
	aw := NewAnswerWriter(w)
	for _, a := range attempts {
		if err := aw.Write(a); err != nil {
			return err
		}
	}
	return aw.Flush()
}

// AnswerWriter writes the detailed export an attempt at a time, so that a
// class's answers go out as the store reads them, never held whole: one
// row per attempt and question, with the answer given, the right answer
// and the mark that counts (a teacher's over grading's), "needs grading"
// where an answer waits for one, who marked it by hand, and the teacher's
// comment, then the question's id in the store, the same in every attempt
// whatever order a shuffled quiz asked it in (last, so that a reader of the
// columns before it still finds them where they were). "Question text" is
// the question's stem as plain text, not its title. The header row comes first, even with no attempt; Flush ends
// the file.
type AnswerWriter struct {
	cw     *questions.CSVWriter
	header bool
}

// NewAnswerWriter returns a writer of the answers export to w.
func NewAnswerWriter(w io.Writer) *AnswerWriter {
	return &AnswerWriter{cw: questions.NewCSVWriter(w)}
}

func (aw *AnswerWriter) writeHeader() {
	if !aw.header {
		aw.header = true
		aw.cw.Write(text("Class"), text("Student"), text("Student ID"), text("Set"), text("Attempt"), text("Started (UTC)"),
			text("Finished (UTC)"), text("Score (%)"), text("Question"), text("Question text"), text("Kind"), text("Answer"),
			text("Right answer"), text("Mark"), text("Right"), text("Marked by"), text("Comment"), text("Question ID"))
	}
}

// Write writes the rows of one attempt.
func (aw *AnswerWriter) Write(a db.AttemptDetail) error {
	aw.writeHeader()
	finished, score := "", ""
	if a.Finished() {
		finished, score = a.FinishedAt.Format(time.DateTime), strconv.Itoa(a.Score.Percent())
	}
	if a.Score.NeedsGrading() {
		score += " (needs grading)"
	}
	for _, r := range a.Responses {
		q := r.Question.Question
		g := r.Grade()
		mark, right, by, comment := "", "", "", ""
		switch {
		case !a.Finished():
		case g.Pending:
			right = "needs grading"
		case g.Graded:
			mark = strconv.FormatFloat(g.Fraction, 'f', -1, 64)
			right = "no"
			if g.Right() {
				right = "yes"
			}
		}
		if g.Manual != nil {
			by, comment = "teacher", g.Manual.Comment
			if g.Manual.ByLearner {
				by = "student (I was right)"
			}
		}
		if err := aw.cw.Write(text(a.ClassName), text(a.Learner.DisplayName()), number(strconv.FormatInt(a.LearnerID, 10)),
			text(a.SetTitle), number(strconv.FormatInt(a.ID, 10)), number(a.StartedAt.Format(time.DateTime)), number(finished),
			number(score), number(strconv.Itoa(r.Position+1)), text(plainText(q.Stem, q.Format)), text(q.Kind.Label()),
			text(quiz.AnswerText(q, r.Answer)), text(quiz.RightAnswerText(q)), number(mark), text(right), text(by), text(comment),
			number(strconv.FormatInt(r.Question.ID, 10))); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes what is buffered, the header row if nothing else was
// written, and returns the first error of any write.
func (aw *AnswerWriter) Flush() error {
	aw.writeHeader()
	return aw.cw.Flush()
}

// tag is an HTML tag, or a comment, as a stem written in HTML holds them;
// block is one that breaks the line, and so stands for a space.
var (
	tag   = regexp.MustCompile(`<!--[\s\S]*?-->|<[^>]*>`)
	block = regexp.MustCompile(`(?i)^</?(br|p|div|li|ul|ol|tr|td|th|h[1-6]|blockquote|pre|hr|img)\b`)
)

// plainText is a question's text on one line, as a spreadsheet cell shows
// it: the tags of an HTML stem dropped (a block's as a space) and its
// entities read, and every run of spaces and line breaks one space.
func plainText(s string, f questions.Format) string {
	if f == questions.HTML || f == questions.Moodle {
		s = html.UnescapeString(tag.ReplaceAllStringFunc(s, func(t string) string {
			if block.MatchString(t) {
				return " "
			}
			return ""
		}))
	}
	return strings.Join(strings.Fields(s), " ")
}
