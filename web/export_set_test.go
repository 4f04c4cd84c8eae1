package web

import (
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

// TestScoresCSV checks the gradebook export: a header, a row per student,
// a column per assigned set, and names that a spreadsheet would run as
// formulas neutralised.
