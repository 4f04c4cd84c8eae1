package web

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"factdrill/questions"
)

func TestExportSet(t *testing.T) {
	w := newWorld(t)
	for _, f := range []string{"gift", "csv", "anki"} {
		r := w.tA.get(fmt.Sprintf("/teacher/sets/%d/export?format=%s", w.setA, f))
		if r.status != http.StatusOK || !strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("export %s = %d %v", f, r.status, r.header)
		}
		if f == "gift" {
			set, err := questions.Read("capitals.gift", []byte(r.body))
			if err != nil || len(set.Questions) != len(testSet.Questions) {
				t.Errorf("the GIFT export reads back as %d questions, %v; want %d", len(set.Questions), err, len(testSet.Questions))
			}
		}
	}
	if r := w.tA.get(fmt.Sprintf("/teacher/sets/%d/export?format=docx", w.setA)); r.status != http.StatusBadRequest {
		t.Errorf("export as docx = %d, want 400", r.status)
	}
}

// hostileName is issue 14's display name, which a semicolon-locale
// spreadsheet split into a formula cell.
const hostileName = "Bob;=cmd|' /C calc'!A0;x"

// TestExportSet_Formulas exports a set whose texts a spreadsheet would run:
// the CSV quotes them and neutralises every place a formula could start,
// and reading the file back gives the texts as they were.
func TestExportSet_Formulas(t *testing.T) {
	w := newWorld(t)
	set := questions.Set{Title: "Formulas", Questions: []questions.Question{
		{Kind: questions.ShortAnswer, Stem: hostileName, Answers: []questions.Choice{{Text: "=1+1", Weight: 100}}, Feedback: "@SUM(A1)"},
		{Kind: questions.MultipleChoice, Stem: "-2+3?", Choices: []questions.Choice{{Text: "+1", Weight: 100}, {Text: "=HYPERLINK(\"x\")"}}},
	}}
	id, err := w.store.CreateDraftSet(context.Background(), w.teacherA.ID, set)
	if err != nil {
		t.Fatal(err)
	}
	r := w.tA.get(fmt.Sprintf("/teacher/sets/%d/export?format=csv", id))
	if r.status != http.StatusOK {
		t.Fatalf("export = %d", r.status)
	}
	mustContain(t, "set CSV", r.body, `"Bob;'=cmd|' /C calc'!A0;x",'=1+1`, "'-2+3?", "'@SUM(A1)")
	checkCSVCells(t, r.body)
	back, err := questions.ReadCSV("back.csv", strings.NewReader(r.body))
	if err != nil || len(back.Questions) != 2 || back.Questions[0].Stem != hostileName || back.Questions[0].Answers[0].Text != "=1+1" ||
		back.Questions[1].Choices[1].Text != `=HYPERLINK("x")` {
		t.Errorf("the export reads back as %+v, %v; want the texts as they were", back.Questions, err)
	}
}

// checkCSVCells reads body as CSV as a comma locale and as a semicolon
// locale does, and fails where a part of a cell that a spreadsheet could
// split off starts a formula.
func checkCSVCells(t *testing.T, body string) {
	t.Helper()
	for _, comma := range []rune{',', ';'} {
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF")))
		r.Comma, r.LazyQuotes, r.FieldsPerRecord = comma, true, -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("read with %q: %v", comma, err)
		}
		for _, row := range rows {
			for _, c := range row {
				for _, part := range strings.FieldsFunc(c, func(r rune) bool { return strings.ContainsRune(",;\t\n", r) }) {
					if p := strings.TrimLeft(part, ` "`); p != "" && strings.ContainsRune("=+-@", rune(p[0])) {
						t.Errorf("read with %q, cell %q has a part %q that starts a formula", comma, c, part)
					}
				}
			}
		}
	}
}

// TestScoresCSV checks the gradebook export: a header, a row per student,
// a column per assigned set, and names that a spreadsheet would run as
// formulas neutralised.
