package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"factdrill/db"
)

// hostileName is issue 14's display name, which a semicolon-locale
// spreadsheet split into a formula cell.
const hostileName = "Bob;=cmd|' /C calc'!A0;x"

func TestScores(t *testing.T) {
	a := db.Assignment{SetID: 7, SetTitle: "Capitals"}
	b := db.Assignment{SetID: 8, SetTitle: "Capitals"} // same title, another set
	classes := []db.ClassResults{{
		Class:       db.Class{Name: "7B"},
		Assignments: []db.Assignment{a, b},
		Students: []db.StudentResults{
			{Learner: db.Learner{ID: 1, Name: "=HYPERLINK(\"http://evil\")"}, Cells: []db.ResultCell{{Best: 50}, {Best: -1}}},
			{Learner: db.Learner{ID: 2, Name: "Zoë", SchoolID: "S-2", Email: "zoe@example.org"}, Cells: []db.ResultCell{{Best: -1}, {Best: 100}}},
			{Learner: db.Learner{ID: 3, Name: hostileName}, Cells: []db.ResultCell{{Best: 0}, {Best: -1}}},
		},
	}}
	var out bytes.Buffer
	if err := Scores(&out, classes); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\r\n") || strings.HasPrefix(out.String(), BOM) {
		t.Errorf("scores = %q, want CRLF line ends and no byte-order mark (the caller adds it)", out.String())
	}
	if !strings.Contains(out.String(), "\"Bob;'=cmd|' /C calc'!A0;x\"") {
		t.Errorf("scores = %q, want the hostile name quoted and neutralised after its semicolon", out.String())
	}
	// Read as a semicolon locale reads it, no part starts a formula.
	semi := csv.NewReader(strings.NewReader(out.String()))
	semi.Comma, semi.LazyQuotes, semi.FieldsPerRecord = ';', true, -1
	cells, err := semi.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range cells {
		for _, c := range row {
			for _, part := range strings.Split(c, ",") {
				if p := strings.TrimLeft(part, ` "`); p != "" && strings.ContainsRune("=+-@", rune(p[0])) {
					t.Errorf("read with semicolons, cell %q has a part %q that starts a formula", c, part)
				}
			}
		}
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Student", "Student ID", "School ID", "Email", "Class", "Capitals (%)", "Capitals (2) (%)"},
		{"'=HYPERLINK(\"http://evil\")", "1", "", "", "7B", "50", ""},
		{"Zoë", "2", "S-2", "zoe@example.org", "7B", "", "100"},
		{"Bob;'=cmd|' /C calc'!A0;x", "3", "", "", "7B", "0", ""},
	}
	if got, wantS := strings.Join(flat(rows), "|"), strings.Join(flat(want), "|"); got != wantS {
		t.Errorf("scores = %q, want %q", rows, want)
	}
}

func flat(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, ","))
	}
	return out
}
