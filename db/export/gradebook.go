package export

import (
	"fmt"
	"io"
	"strconv"

	"factdrill/db"
)

// The gradebook files: a class's best scores in the shapes the grade
// imports of Moodle and Canvas read, so that a teacher uploads them
// without retyping a mark. Each is one class (a course in either), one row
// per student, one column per assigned set with the best finished score in
// percent, empty where there is none.
//
// Moodle's grade import (Grades > Import > CSV file) maps one column to
// its users by ID number, email, username or user id, and aborts the whole
// import at a row whose user it cannot find: the file is written for one
// way of mapping (MoodleByIDNumber or MoodleByEmail), that column first,
// and students without a value for it are left out (see MoodleLeftOut).
// Each set's column maps to a grade item, or makes a new one named by the
// column's header, out of 100.
//
// Canvas's gradebook import reads the columns of its own export: Student,
// ID, SIS User ID, SIS Login ID and Section, then one column per
// assignment; a row "Points Possible" under the header gives each
// assignment's points, and a column whose header names no assignment
// makes a new one. It matches students by ID (Canvas's own, which we do
// not know), SIS User ID (the school id here) or SIS Login ID (the email
// here), and shows whom it could not match before anything is saved: every
// student is written.

// MoodleMapping is the user field a Moodle file is mapped by.
type MoodleMapping string

// The user fields a Moodle file may be mapped by.
const (
	MoodleByIDNumber MoodleMapping = "idnumber"
	MoodleByEmail    MoodleMapping = "email"
)

// Header names of the gradebook files.
const (
	moodleIDNumber = "ID number"
	moodleEmail    = "Email address"
	moodleName     = "Full name"
	canvasPoints   = "Points Possible"
)

// CanvasHeader is the start of Canvas's gradebook header, column by column.
var CanvasHeader = []string{"Student", "ID", "SIS User ID", "SIS Login ID", "Section"}

// setColumn is a set's column in a gradebook: the set, and a title no other
// column of the file has.
type setColumn struct {
	setID int64
	title string
}

// setColumns returns a column for each set assigned in the classes, in the
// order first assigned; a title met twice gets " (2)", and so on.
func setColumns(classes []db.ClassResults) ([]setColumn, map[int64]int) {
	var cols []setColumn
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
			cols = append(cols, setColumn{a.SetID, title})
		}
	}
	return cols, colOf
}

// bestScores returns a student's best score in each column, "" for none.
func bestScores(c db.ClassResults, st db.StudentResults, cols []setColumn, colOf map[int64]int, notePending bool) []cell {
	scores := make([]cell, len(cols))
	for i := range scores {
		scores[i] = number("")
	}
	for i, a := range c.Assignments {
		switch cell := st.Cells[i]; {
		case cell.Best >= 0 && cell.BestPending && notePending:
			// A provisional score: a gradebook should not take it for a
			// final one.
			scores[colOf[a.SetID]] = text(strconv.Itoa(cell.Best) + " (needs grading)")
		case cell.Best >= 0:
			scores[colOf[a.SetID]] = number(strconv.Itoa(cell.Best))
		}
	}
	return scores
}

// moodleKey is the value of a student's row in the mapped column.
func moodleKey(l db.Learner, by MoodleMapping) string {
	if by == MoodleByEmail {
		return l.Email
	}
	return l.SchoolID
}

// MoodleLeftOut returns the students of the class a Moodle file mapped by
// by leaves out: those without the value it maps on.
func MoodleLeftOut(c db.ClassResults, by MoodleMapping) []db.Learner {
	var out []db.Learner
	for _, st := range c.Students {
		if moodleKey(st.Learner, by) == "" {
			out = append(out, st.Learner)
		}
	}
	return out
}

// Moodle writes the class's gradebook for Moodle's CSV grade import,
// mapped by the ID number or the email: the mapped column first, then the
// other and the student's name, then one column per set.
func Moodle(w io.Writer, c db.ClassResults, by MoodleMapping) error {
	if by != MoodleByIDNumber && by != MoodleByEmail {
		return fmt.Errorf("export: moodle: no mapping %q", by)
	}
	cols, colOf := setColumns([]db.ClassResults{c})
	header := []cell{text(moodleIDNumber), text(moodleEmail), text(moodleName)}
	if by == MoodleByEmail {
		header[0], header[1] = header[1], header[0]
	}
	for _, col := range cols {
		header = append(header, text(col.title))
	}
	rows := [][]cell{header}
	for _, st := range c.Students {
		l := st.Learner
		key := moodleKey(l, by)
		if key == "" {
			continue
		}
		other := l.Email
		if by == MoodleByEmail {
			other = l.SchoolID
		}
		row := []cell{text(key), text(other), text(l.DisplayName())}
		rows = append(rows, append(row, bestScores(c, st, cols, colOf, false)...))
	}
	return writeRows(w, rows)
}

// Canvas writes the class's gradebook for Canvas's gradebook import: its
// five student columns (the class's name as the section), a "Points
// Possible" row of 100 for each set, then one row per student.
func Canvas(w io.Writer, c db.ClassResults) error {
	cols, colOf := setColumns([]db.ClassResults{c})
	header := make([]cell, 0, len(CanvasHeader)+len(cols))
	for _, h := range CanvasHeader {
		header = append(header, text(h))
	}
	points := []cell{text(canvasPoints), text(""), text(""), text(""), text("")}
	for _, col := range cols {
		header = append(header, text(col.title))
		points = append(points, number("100"))
	}
	rows := [][]cell{header, points}
	for _, st := range c.Students {
		l := st.Learner
		row := []cell{text(l.DisplayName()), text(""), text(l.SchoolID), text(l.Email), text(c.Class.Name)}
		rows = append(rows, append(row, bestScores(c, st, cols, colOf, false)...))
	}
	return writeRows(w, rows)
}
