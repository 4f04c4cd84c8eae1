package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
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

// firstWrite is a writer that notes how many attempts its source had
// given out when the first bytes reached it.
type firstWrite struct {
	bytes.Buffer
	given *int
	at    int // -1 until the first write
}

func (w *firstWrite) Write(p []byte) (int, error) {
	if w.at < 0 {
		w.at = *w.given
	}
	return w.Buffer.Write(p)
}

// TestAnswerWriter_Streams writes the answers of 3,000 attempts of 5
// questions: the first bytes go out while the attempts are still being
// given (a few KB in, not at the end), and each attempt's question has
// its row exactly once.
func TestAnswerWriter_Streams(t *testing.T) {
	const attempts, perAttempt = 3000, 5
	given := 0
	out := &firstWrite{given: &given, at: -1}
	aw := NewAnswerWriter(out)
	q := questions.Question{Kind: questions.ShortAnswer, Stem: "Capital of Peru?", Answers: []questions.Choice{{Text: "Lima", Weight: 100}}}
	for i := range attempts {
		d := db.AttemptDetail{Attempt: db.Attempt{ID: int64(i + 1), LearnerID: 9, SetTitle: "Capitals"}, ClassName: "7B",
			Learner: db.Learner{ID: 9, Name: "Ana"}}
		for p := range perAttempt {
			d.Responses = append(d.Responses, db.Response{Position: p, Question: db.StoredQuestion{Question: q}, Answered: true,
				Answer: quiz.Answer{Text: "Lima"}, Fraction: 1})
		}
		given++
		if err := aw.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := aw.Flush(); err != nil {
		t.Fatal(err)
	}
	if out.at < 0 || out.at >= attempts/10 {
		t.Errorf("the first bytes went out after %d attempts of %d, want within the first tenth", out.at, attempts)
	}
	rows, err := csv.NewReader(&out.Buffer).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[[2]string]int{}
	for _, row := range rows[1:] {
		seen[[2]string{row[4], row[8]}]++
	}
	if len(rows) != 1+attempts*perAttempt || len(seen) != attempts*perAttempt {
		t.Errorf("%d rows, %d distinct attempt and question pairs; want a header and %d, each once", len(rows), len(seen), attempts*perAttempt)
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("attempt %s question %s has %d rows", k[0], k[1], n)
		}
	}
}

// TestAnswerWriter_Empty: no attempts give the header row alone.
func TestAnswerWriter_Empty(t *testing.T) {
	var out bytes.Buffer
	if err := NewAnswerWriter(&out).Flush(); err != nil {
		t.Fatal(err)
	}
	if rows, err := csv.NewReader(&out).ReadAll(); err != nil || len(rows) != 1 || rows[0][0] != "Class" {
		t.Errorf("answers of no attempt = %q, %v; want the header row", rows, err)
	}
}

// TestAnswerWriter_QuestionText checks that "Question text" is the
// question's text, not its GIFT title (the tester saw "Q3"), on one line
// and without HTML, and that the last column, "Question ID", names the
// question whatever place a shuffled quiz asked it in.
func TestAnswerWriter_QuestionText(t *testing.T) {
	tests := []struct {
		name string
		q    questions.Question
		want string
	}{
		{"titled", questions.Question{Kind: questions.ShortAnswer, Title: "Q3", Stem: "Who wrote\n  Hamlet?"}, "Who wrote Hamlet?"},
		{"html", questions.Question{Kind: questions.ShortAnswer, Title: "Q4", Format: questions.HTML,
			Stem: "<p>Who wrote <b>Hamlet</b> &amp; <i>Macbeth</i>?</p><p>One name.<br>Surname only.</p>"}, "Who wrote Hamlet & Macbeth? One name. Surname only."},
		{"markdown", questions.Question{Kind: questions.ShortAnswer, Format: questions.Markdown, Stem: "Is 3 < 4 *really*?"}, "Is 3 < 4 *really*?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			d := db.AttemptDetail{Attempt: db.Attempt{ID: 7, LearnerID: 9}, Learner: db.Learner{ID: 9, Name: "Ana"}}
			// Two attempts asked the question in different places.
			for i, pos := range []int{2, 0} {
				d.ID = int64(7 + i)
				d.Responses = []db.Response{{Position: pos, Question: db.StoredQuestion{ID: 42, Question: tt.q}}}
				if err := Answers(&out, []db.AttemptDetail{d}); err != nil {
					t.Fatal(err)
				}
			}
			rows, err := csv.NewReader(&out).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range rows {
				if row[0] == "Class" {
					if row[9] != "Question text" || row[len(row)-1] != "Question ID" {
						t.Errorf("header = %q, want \"Question text\" tenth and \"Question ID\" last", row)
					}
					continue
				}
				if row[9] != tt.want || row[len(row)-1] != "42" {
					t.Errorf("row = %q; want question text %q and question ID 42", row, tt.want)
				}
			}
		})
	}
}
