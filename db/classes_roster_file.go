package db

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// A roster file is a CSV (or semicolon- or tab-separated) file of
// students, one a row: a name and, optionally, a school id and an email.
// A header row names the columns, in any order and case, by the names
// school exports use (RosterTemplate's, Moodle's "First name", "Surname",
// "ID number" and "Email address", Canvas's "Student" and "SIS User ID",
// and the like); other columns are left alone. Without a header the
// columns are name, school id and email, in that order.

// RosterTemplate is the roster file teachers download to fill in.
const RosterTemplate = "Name,School ID,Email\r\n" +
	"Ana Lima,S1001,ana.lima@example.org\r\n" +
	"Tomás Ferreira,S1002,\r\n" +
	"Kiri Walker,,kiri.walker@example.org\r\n"

// MaxRosterFile bounds the size of a roster file: room for MaxRoster
// students, within the body limit of a form.
const MaxRosterFile = 512 << 10

// rosterColumns are the header names each column of a roster goes by, in
// lower case, the preferred first: where a file has two of them (Canvas's
// "ID" and "SIS User ID"), the earlier in this list wins.
var rosterColumns = []struct {
	field string
	names []string
}{
	{RosterName, []string{"name", "full name", "student name", "student", "display name"}},
	{"first", []string{"first name", "firstname", "given name", "first"}},
	{"last", []string{"last name", "lastname", "surname", "family name", "last"}},
	{RosterSchoolID, []string{"school id", "school_id", "id number", "idnumber", "student id", "student number", "sis user id", "sis id", "id"}},
	{RosterEmail, []string{"email", "email address", "e-mail", "e-mail address", "mail"}},
}

// ReadRoster reads a roster file. A file with any problem is refused
// whole with a RosterError, each problem at its line; the entries' own
// checks (RosterEntry.Clean, and the class's, in AddToRoster) come after.
func ReadRoster(data []byte) ([]RosterEntry, error) {
	switch {
	case len(data) > MaxRosterFile:
		return nil, RosterError{{Message: fmt.Sprintf("The file is larger than %d KiB.", MaxRosterFile>>10)}}
	case !utf8.Valid(data):
		return nil, RosterError{{Line: badUTF8Line(data), Message: "The file is not UTF-8 text: save it from the spreadsheet as \"CSV UTF-8\"."}}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = rosterDelimiter(data)
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var (
		out    []RosterEntry
		probs  RosterError
		col    map[string]int
		header = true
	)
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				probs = append(probs, RosterProblem{Line: pe.Line, Message: csvProblem(pe)})
			} else {
				probs = append(probs, RosterProblem{Message: err.Error()})
			}
			break
		}
		line, _ := r.FieldPos(0)
		if blankRecord(rec) {
			continue
		}
		if header {
			header = false
			if col = rosterHeader(rec); col != nil {
				if _, ok := col[RosterName]; !ok && (col["first"] < 0 && col["last"] < 0) {
					probs = append(probs, RosterProblem{Line: line, Message: "The header names no column for the students' names: call it \"Name\"."})
					break
				}
				continue
			}
			col = map[string]int{RosterName: 0, RosterSchoolID: 1, RosterEmail: 2, "first": -1, "last": -1}
		}
		cell := func(f string) string {
			i, ok := col[f]
			if !ok || i < 0 || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		name := cell(RosterName)
		if name == "" {
			name = strings.TrimSpace(cell("first") + " " + cell("last"))
		}
		out = append(out, RosterEntry{Name: name, SchoolID: cell(RosterSchoolID), Email: cell(RosterEmail), Line: line})
	}
	if len(probs) == 0 && len(out) == 0 {
		probs = append(probs, RosterProblem{Message: "The file has no students."})
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return out, nil
}

// rosterHeader reads a first row as a header: the index of each field's
// column (-1 for "first" and "last" when missing), or nil when the row is
// no header (it names no column we know).
func rosterHeader(rec []string) map[string]int {
	col := map[string]int{"first": -1, "last": -1}
	found := false
	for _, c := range rosterColumns {
		best := len(c.names)
		for i, h := range rec {
			h = strings.ToLower(strings.Join(strings.Fields(h), " "))
			if k := slices.Index(c.names, h); k >= 0 && k < best {
				best, col[c.field], found = k, i, true
			}
		}
	}
	if !found {
		return nil
	}
	return col
}

// rosterDelimiter guesses the file's delimiter from its first line: the
// one of comma, semicolon and tab it has most of (comma when none).
func rosterDelimiter(data []byte) rune {
	first, _, _ := bytes.Cut(data, []byte("\n"))
	best, n := ',', bytes.Count(first, []byte(","))
	for _, d := range []rune{';', '\t'} {
		if k := bytes.Count(first, []byte(string(d))); k > n {
			best, n = d, k
		}
	}
	return best
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvProblem says in words what the CSV reader found wrong.
func csvProblem(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrQuote), errors.Is(pe.Err, csv.ErrBareQuote):
		return fmt.Sprintf("A quote (\") at column %d is not where CSV allows one: put the whole field in quotes and double the quotes inside it.", pe.Column)
	}
	return fmt.Sprintf("The row cannot be read as CSV (%v).", pe.Err)
}

// badUTF8Line is the line of the first byte that is not UTF-8.
func badUTF8Line(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return line
}
