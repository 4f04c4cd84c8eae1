package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"factdrill/db"
)

func TestScores(t *testing.T) {
	a := db.Assignment{SetID: 7, SetTitle: "Capitals"}
	b := db.Assignment{SetID: 8, SetTitle: "Capitals"} // same title, another set
	classes := []db.ClassResults{{
		Class:       db.Class{Name: "7B"},
		Assignments: []db.Assignment{a, b},
		Students: []db.StudentResults{
			{Learner: db.Learner{ID: 1, Name: "=HYPERLINK(\"http://evil\")"}, Cells: []db.ResultCell{{Best: 50}, {Best: -1}}},
			{Learner: db.Learner{ID: 2, Name: "Zoë", SchoolID: "S-2", Email: "zoe@example.org"}, Cells: []db.ResultCell{{Best: -1}, {Best: 100}}},
		},
	}}
	var out bytes.Buffer
	if err := Scores(&out, classes); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\r\n") || strings.HasPrefix(out.String(), BOM) {
		t.Errorf("scores = %q, want CRLF line ends and no byte-order mark (the caller adds it)", out.String())
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Student", "Student ID", "School ID", "Email", "Class", "Capitals (%)", "Capitals (2) (%)"},
		{"'=HYPERLINK(\"http://evil\")", "1", "", "", "7B", "50", ""},
		{"Zoë", "2", "S-2", "zoe@example.org", "7B", "", "100"},
	}
	if got, wantS := strings.Join(flat(rows), "|"), strings.Join(flat(want), "|"); got != wantS {
		t.Errorf("scores = %q, want %q", rows, want)
	}
}

var neutraliseTests = []struct{ in, want string }{
	{"=1+1", "'=1+1"},
	{"+33 6", "'+33 6"},
	{"-5", "'-5"},
	{"@SUM(A1)", "'@SUM(A1)"},
	{"\tindented", "'\tindented"},
	{"Ada", "Ada"},
	{"", ""},
}

func TestNeutralise(t *testing.T) {
	for _, c := range neutraliseTests {
		if got := neutralise(c.in); got != c.want {
			t.Errorf("neutralise(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func flat(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, ","))
	}
	return out
}
