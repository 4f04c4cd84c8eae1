package export

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"factdrill/db"
	"factdrill/questions"
)

// The gradebook files are checked by reading them back as each target
// reads them, with the rules its documentation and importer state: the
// header names, how rows map to users, what a grade cell may hold, and
// that no cell opens as a formula in a spreadsheet on the way.

// gradebookClass is a class of four students: one with both a school id
// and an email, one with an id only, one with an email only, and one
// with neither (who joined by themselves), whose name is a formula.
var gradebookClass = db.ClassResults{
	Class: db.Class{Name: "Year 8, set 2"},
	Assignments: []db.Assignment{
		{SetID: 7, SetTitle: "Capitals"},
		{SetID: 8, SetTitle: "Capitals"}, // same title, another set
		{SetID: 9, SetTitle: "+Rivers"},
	},
	Students: []db.StudentResults{
		{Learner: db.Learner{ID: 1, Name: "Ana Lima", SchoolID: "S1001", Email: "ana@example.org"}, Cells: cells(80, -1, 100)},
		{Learner: db.Learner{ID: 2, Name: "Bo Chen", SchoolID: "S1002"}, Cells: cells(-1, 45, 0)},
		{Learner: db.Learner{ID: 3, Name: "Kiri Walker", Email: "kiri@example.org"}, Cells: cells(67, -1, -1)},
		{Learner: db.Learner{ID: 4, Name: "=cmd|' /C calc'!A0"}, Cells: cells(12, 12, 12)},
	},
}

func cells(best ...int) []db.ResultCell {
	out := make([]db.ResultCell, len(best))
	for i, b := range best {
		out[i] = db.ResultCell{Best: b, Attempts: 1}
	}
	return out
}

// gradebookUser is a user of the target system, by the fields it maps on.
type gradebookUser struct{ idNumber, email string }

// targetUsers are the class's students as the school's Moodle or Canvas
// knows them: by school id and email, where the roster had them.
func targetUsers() []gradebookUser {
	var out []gradebookUser
	for _, st := range gradebookClass.Students {
		if st.Learner.SchoolID != "" || st.Learner.Email != "" {
			out = append(out, gradebookUser{st.Learner.SchoolID, st.Learner.Email})
		}
	}
	return out
}

// readBack parses a gradebook file as CSV, failing on anything a strict
// reader refuses, and checks that no text cell opens as a formula.
func readBack(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, data)
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("rows do not end in CRLF")
	}
	for i, row := range rows {
		for j, c := range row {
			if _, err := strconv.ParseFloat(c, 64); err == nil {
				continue
			}
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				t.Errorf("row %d, column %d: %q would open as a formula", i+1, j+1, c)
			}
		}
	}
	return rows
}

// gradeCell applies the targets' rule for a grade: empty (no grade), or a
// number between 0 and the most the item is worth.
func gradeCell(c string, most float64) error {
	if c == "" {
		return nil
	}
	v, err := strconv.ParseFloat(c, 64)
	if err != nil || v < 0 || v > most {
		return fmt.Errorf("%q is not a grade from 0 to %v", c, most)
	}
	return nil
}

// moodleImport imports a file as Moodle's CSV grade import does (grade/
// import/csv): the column named by the mapping maps each row to a user,
// every other column but the user fields maps to a grade item out of 100,
// and a row whose user is not found aborts the whole import. It returns
// the grades by user key and grade item.
func moodleImport(rows [][]string, mapFrom string, users []gradebookUser, byEmail bool) (map[string]map[string]string, error) {
	header := rows[0]
	key := slices.Index(header, mapFrom)
	if key < 0 {
		return nil, fmt.Errorf("no column %q to map users from (header %q)", mapFrom, header)
	}
	seen := map[string]bool{}
	for _, h := range header {
		if seen[h] {
			return nil, fmt.Errorf("two columns are called %q: the mapping page cannot tell them apart", h)
		}
		seen[h] = true
	}
	userFields := map[string]bool{moodleIDNumber: true, moodleEmail: true, moodleName: true}
	out := map[string]map[string]string{}
	for i, row := range rows[1:] {
		if len(row) <= 1 {
			continue // Moodle skips rows without data
		}
		v := strings.TrimSpace(row[key])
		found := false
		for _, u := range users {
			if (byEmail && u.email != "" && strings.EqualFold(u.email, v)) || (!byEmail && u.idNumber != "" && u.idNumber == v) {
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("row %d: user %q not found: Moodle aborts the import", i+2, v)
		}
		if out[v] != nil {
			return nil, fmt.Errorf("row %d: user %q twice", i+2, v)
		}
		out[v] = map[string]string{}
		for j, h := range header {
			if userFields[h] {
				continue
			}
			if err := gradeCell(row[j], 100); err != nil {
				return nil, fmt.Errorf("row %d, %s: %v", i+2, h, err)
			}
			out[v][h] = row[j]
		}
	}
	return out, nil
}

func TestMoodle(t *testing.T) {
	for _, tc := range []struct {
		by      MoodleMapping
		mapFrom string
		want    map[string]map[string]string
		leftOut []string
	}{
		{MoodleByIDNumber, moodleIDNumber, map[string]map[string]string{
			"S1001": {"Capitals": "80", "Capitals (2)": "", "+Rivers": "100"},
			"S1002": {"Capitals": "", "Capitals (2)": "45", "+Rivers": "0"},
		}, []string{"Kiri Walker", "=cmd|' /C calc'!A0"}},
		{MoodleByEmail, moodleEmail, map[string]map[string]string{
			"ana@example.org":  {"Capitals": "80", "Capitals (2)": "", "+Rivers": "100"},
			"kiri@example.org": {"Capitals": "67", "Capitals (2)": "", "+Rivers": ""},
		}, []string{"Bo Chen", "=cmd|' /C calc'!A0"}},
	} {
		t.Run(string(tc.by), func(t *testing.T) {
			var buf bytes.Buffer
			if err := Moodle(&buf, gradebookClass, tc.by); err != nil {
				t.Fatal(err)
			}
			rows := readBack(t, buf.Bytes())
			if rows[0][0] != tc.mapFrom {
				t.Errorf("first column %q, want the mapped column %q", rows[0][0], tc.mapFrom)
			}
			got, err := moodleImport(rows, tc.mapFrom, targetUsers(), tc.by == MoodleByEmail)
			if err != nil {
				t.Fatalf("Moodle's import: %v\n%s", err, buf.String())
			}
			// The item titles are read with their neutralising apostrophe;
			// check the grades under the titles as a spreadsheet shows them.
			for user, grades := range tc.want {
				for item, want := range grades {
					if g := got[user][shown(item)]; g != want {
						t.Errorf("%s, %s = %q, want %q", user, item, g, want)
					}
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("imported users %v, want %v", keys(got), keys(tc.want))
			}
			var left []string
			for _, l := range MoodleLeftOut(gradebookClass, tc.by) {
				left = append(left, l.DisplayName())
			}
			if !slices.Equal(left, tc.leftOut) {
				t.Errorf("MoodleLeftOut = %q, want %q", left, tc.leftOut)
			}
		})
	}
	if err := Moodle(&bytes.Buffer{}, gradebookClass, "username"); err == nil {
		t.Error("a Moodle file mapped by username was written; we know no usernames")
	}
}

// shown is a header as the file holds it: neutralised when it could open
// as a formula.
func shown(s string) string { return questions.NeutraliseCSV(s) }

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// canvasImport imports a file as Canvas's gradebook import does: its five
// student columns by name, a "Points Possible" row, and each student
// matched by SIS User ID or SIS Login ID (Canvas's own ID is blank);
// students it cannot match are listed for the teacher, not imported.
func canvasImport(rows [][]string, users []gradebookUser) (grades map[string]map[string]string, unmatched []string, err error) {
	header := rows[0]
	if len(header) < len(CanvasHeader) || !slices.Equal(header[:len(CanvasHeader)], CanvasHeader) {
		return nil, nil, fmt.Errorf("header %q does not start with Canvas's %q", header, CanvasHeader)
	}
	if len(rows) < 2 || !strings.Contains(rows[1][0], canvasPoints) {
		return nil, nil, fmt.Errorf("no %q row under the header", canvasPoints)
	}
	points := map[int]float64{}
	for j := len(CanvasHeader); j < len(header); j++ {
		p, err := strconv.ParseFloat(rows[1][j], 64)
		if err != nil || p <= 0 {
			return nil, nil, fmt.Errorf("points possible of %q: %q", header[j], rows[1][j])
		}
		points[j] = p
	}
	grades = map[string]map[string]string{}
	for i, row := range rows[2:] {
		if len(row) != len(header) {
			return nil, nil, fmt.Errorf("row %d has %d cells, the header %d", i+3, len(row), len(header))
		}
		sisUser, sisLogin := row[2], row[3]
		var key string
		for _, u := range users {
			if sisUser != "" && u.idNumber == sisUser || sisLogin != "" && strings.EqualFold(u.email, sisLogin) {
				key = cmpOr(u.idNumber, u.email)
			}
		}
		if key == "" {
			unmatched = append(unmatched, row[0])
			continue
		}
		grades[key] = map[string]string{}
		for j := len(CanvasHeader); j < len(header); j++ {
			if err := gradeCell(row[j], points[j]); err != nil {
				return nil, nil, fmt.Errorf("row %d, %s: %v", i+3, header[j], err)
			}
			grades[key][header[j]] = row[j]
		}
	}
	return grades, unmatched, nil
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func TestCanvas(t *testing.T) {
	var buf bytes.Buffer
	if err := Canvas(&buf, gradebookClass); err != nil {
		t.Fatal(err)
	}
	rows := readBack(t, buf.Bytes())
	got, unmatched, err := canvasImport(rows, targetUsers())
	if err != nil {
		t.Fatalf("Canvas's import: %v\n%s", err, buf.String())
	}
	want := map[string]map[string]string{
		"S1001":            {"Capitals": "80", "Capitals (2)": "", "+Rivers": "100"},
		"S1002":            {"Capitals": "", "Capitals (2)": "45", "+Rivers": "0"},
		"kiri@example.org": {"Capitals": "67", "Capitals (2)": "", "+Rivers": ""},
	}
	for user, grades := range want {
		for item, w := range grades {
			if g := got[user][shown(item)]; g != w {
				t.Errorf("%s, %s = %q, want %q", user, item, g, w)
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("imported %v, want %v", keys(got), keys(want))
	}
	if !slices.Equal(unmatched, []string{"'=cmd|' /C calc'!A0"}) {
		t.Errorf("unmatched students %q, want only the one with neither id nor email (neutralised)", unmatched)
	}
	if section := rows[2][4]; section != "Year 8, set 2" {
		t.Errorf("section = %q, want the class's name", section)
	}
}
