package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"factdrill/db"
	"factdrill/quiz"
)

// Score exports are CSV files a gradebook imports (RFC 4180: a header row,
// CRLF line ends, UTF-8). Downloads start with a UTF-8 byte-order mark, so
// that Excel reads names with accents right; the command line leaves it
// out. A text cell that a spreadsheet could run as a formula (one starting
// with =, +, -, @, a tab or a carriage return) gets a leading apostrophe,
// which spreadsheets show as text; cells that are numbers we computed are
// written as they are.

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

// WriteScoresCSV writes a gradebook of the classes: one row per student of
// each class (name, id, class), one column per set assigned to any of
// them, with the student's best finished score in percent; empty where
// there is none.
func WriteScoresCSV(w io.Writer, classes []db.ClassResults) error {
	type column struct {
		setID int64
		title string
	}
	var cols []column
	colOf := map[int64]int{}
	titles := map[string]int{}
	for _, c := range classes {
		for _, a := range c.Assignments {
			if _, ok := colOf[a.SetID]; ok {
				continue
			}
			title := a.SetTitle
			if titles[title]++; titles[title] > 1 {
				title = fmt.Sprintf("%s (%d)", title, titles[title])
			}
			colOf[a.SetID] = len(cols)
			cols = append(cols, column{a.SetID, title})
		}
	}
	header := []cell{text("Student"), text("Student ID"), text("Class")}
	for _, c := range cols {
		header = append(header, text(c.title+" (%)"))
	}
	rows := [][]cell{header}
	for _, c := range classes {
		for _, st := range c.Students {
			row := []cell{text(st.Learner.DisplayName()), number(strconv.FormatInt(st.Learner.ID, 10)), text(c.Class.Name)}
			scores := make([]cell, len(cols))
			for i := range scores {
				scores[i] = number("")
			}
			for i, a := range c.Assignments {
				if best := st.Cells[i].Best; best >= 0 {
					scores[colOf[a.SetID]] = number(strconv.Itoa(best))
				}
			}
			rows = append(rows, append(row, scores...))
		}
	}
	return writeRows(w, rows)
}

// WriteAnswersCSV writes the detailed export: one row per attempt and
// question, with the answer given, the right answer and the mark.
func WriteAnswersCSV(w io.Writer, attempts []db.AttemptDetail) error {
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

// utf8BOM starts the downloads (see above).
const utf8BOM = "\uFEFF"

func (t *teacherSite) exportClassScores(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	res, err := t.store.ClassResults(r.Context(), tc.ID, id)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	t.sendCSV(w, r, fileName(res.Class.Name)+"-scores.csv", func(w io.Writer) error { return WriteScoresCSV(w, []db.ClassResults{res}) })
}

func (t *teacherSite) exportAllScores(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	res, err := t.store.AllClassResults(r.Context(), tc.ID, "")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	t.sendCSV(w, r, "scores.csv", func(w io.Writer) error { return WriteScoresCSV(w, res) })
}

func (t *teacherSite) exportClassAnswers(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	c, attempts, err := t.store.ClassAttempts(r.Context(), tc.ID, id, 0)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	t.sendCSV(w, r, fileName(c.Name)+"-answers.csv", func(w io.Writer) error { return WriteAnswersCSV(w, attempts) })
}

func (t *teacherSite) sendCSV(w http.ResponseWriter, r *http.Request, name string, write func(io.Writer) error) {
	var buf bytes.Buffer
	buf.WriteString(utf8BOM)
	if err := write(&buf); err != nil {
		t.fail(w, r, err)
		return
	}
	download(w, "text/csv; charset=utf-8", name, buf.Bytes())
}

// download sends body as a file to save.
func download(w http.ResponseWriter, ctype, name string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	h.Set("Cache-Control", "no-store")
	w.Write(body)
}

// fileName makes a safe file name from a title: letters, digits and
// dashes.
func fileName(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		return "set"
	}
	return name
}
