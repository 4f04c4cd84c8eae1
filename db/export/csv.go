// Package export writes what the store holds as files other programs
// read: the score and answer CSVs a gradebook imports, and the gradebook
// files of Moodle's and Canvas's grade imports (gradebook.go). It reads nothing
// itself: callers pass what the store returned, so the web side's
// downloads and the scores command share one writer and neither imports
// the other. It lives under db because its inputs are db's result types.
//
// The files are CSV (RFC 4180: a header row, CRLF line ends, UTF-8).
// Downloads start with BOM, so that Excel reads names with accents right;
// the command line leaves it out. A text cell that a spreadsheet could run
// as a formula (one starting with =, +, -, @, a tab or a carriage return)
// gets a leading apostrophe, which spreadsheets show as text; cells that
// are numbers we computed are written as they are.
package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"factdrill/db"
	"factdrill/quiz"
)

// BOM is the UTF-8 byte-order mark downloads start with.
const BOM = "\uFEFF"

// cell is one CSV value: text is neutralised, a number is not.
type cell struct {
	s      string
	number bool
}

func text(s string) cell { return cell{s: s} }

func number(s string) cell { return cell{s: s, number: true} }

// neutralise makes text safe to open in a spreadsheet.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func writeRows(w io.Writer, rows [][]cell) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	for _, row := range rows {
		rec := make([]string, len(row))
		for i, c := range row {
			if c.number {
				rec[i] = c.s
			} else {
				rec[i] = neutralise(c.s)
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Scores writes a gradebook of the classes: one row per student of
// each class (name, id, school id and email when known, class), one
// column per set assigned to any of them, with the student's best finished
// score in percent; empty where there is none.
func Scores(w io.Writer, classes []db.ClassResults) error {
	cols, colOf := setColumns(classes)
	header := []cell{text("Student"), text("Student ID"), text("School ID"), text("Email"), text("Class")}
	for _, c := range cols {
		header = append(header, text(c.title+" (%)"))
	}
	rows := [][]cell{header}
	for _, c := range classes {
		for _, st := range c.Students {
			l := st.Learner
			row := []cell{text(l.DisplayName()), number(strconv.FormatInt(l.ID, 10)), text(l.SchoolID), text(l.Email), text(c.Class.Name)}
			rows = append(rows, append(row, bestScores(c, st, cols, colOf)...))
		}
	}
	return writeRows(w, rows)
}

// Answers writes the detailed export: one row per attempt and
// question, with the answer given, the right answer and the mark.
func Answers(w io.Writer, attempts []db.AttemptDetail) error {
	rows := [][]cell{{text("Class"), text("Student"), text("Student ID"), text("Set"), text("Attempt"), text("Started (UTC)"),
		text("Finished (UTC)"), text("Score (%)"), text("Question"), text("Question text"), text("Kind"), text("Answer"),
		text("Right answer"), text("Mark"), text("Right")}}
	for _, a := range attempts {
		finished, score := "", ""
		if a.Finished() {
			finished, score = a.FinishedAt.Format(time.DateTime), strconv.Itoa(a.Score.Percent())
		}
		for _, r := range a.Responses {
			q := r.Question.Question
			mark, right := "", ""
			if q.Kind.Graded() && a.Finished() {
				mark = strconv.FormatFloat(r.Fraction, 'f', -1, 64)
				right = "no"
				if r.Grade().Right() {
					right = "yes"
				}
			}
			rows = append(rows, []cell{text(a.ClassName), text(a.Learner.DisplayName()), number(strconv.FormatInt(a.LearnerID, 10)),
				text(a.SetTitle), number(strconv.FormatInt(a.ID, 10)), number(a.StartedAt.Format(time.DateTime)), number(finished),
				number(score), number(strconv.Itoa(r.Position + 1)), text(q.Name()), text(q.Kind.Label()),
				text(quiz.AnswerText(q, r.Answer)), text(quiz.RightAnswerText(q)), number(mark), text(right)})
		}
	}
	return writeRows(w, rows)
}
