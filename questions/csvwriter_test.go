package questions

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"
)

// hostileName is issue 14's display name: a semicolon-locale spreadsheet
// split it into a formula cell.
const hostileName = "Bob;=cmd|' /C calc'!A0;x"

var neutraliseCSVTests = []struct{ in, want string }{
	{"Ada", "Ada"},
	{"", ""},
	{"=1+1", "'=1+1"},
	{"+33 6", "'+33 6"},
	{"-5", "'-5"},
	{"@SUM(A1)", "'@SUM(A1)"},
	{"\tindented", "'\tindented"},
	{"\r=x", "'\r'=x"},
	{"  =1", "'  =1"},
	{hostileName, "Bob;'=cmd|' /C calc'!A0;x"},
	{"a,+1", "a,'+1"},
	{"a\t-1", "a\t'-1"},
	{"a; @x", "a;' @x"},
	{"a - b", "a - b"},
	{"it's", "it's"},
	{"'=x", "''=x"},
	{"'plain", "'plain"},
	{"x;'y", "x;'y"},
	{"x;'=y", "x;''=y"},
	{"line\n=2", "line\n'=2"},
	{"a\r\n-b", "a\r\n'-b"},
}

func TestNeutraliseCSV(t *testing.T) {
	for _, tt := range neutraliseCSVTests {
		got := NeutraliseCSV(tt.in)
		if got != tt.want {
			t.Errorf("NeutraliseCSV(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back := UnneutraliseCSV(got); back != tt.in {
			t.Errorf("UnneutraliseCSV(%q) = %q, want %q back", got, back, tt.in)
		}
		checkNoFormula(t, got)
	}
}

// checkNoFormula fails if any part of the cell text s that a spreadsheet
// could take as the start of a cell (the start, or after a comma,
// semicolon, tab or line break) starts a formula once spaces are left out.
func checkNoFormula(t *testing.T, s string) {
	t.Helper()
	for i := 0; i <= len(s); i++ {
		if i > 0 && !strings.ContainsRune(",;\t\r\n", rune(s[i-1])) {
			continue
		}
		p := strings.TrimLeft(s[i:], " ")
		if p != "" && strings.ContainsRune("=+-@\r", rune(p[0])) {
			t.Errorf("%q has a part %q that starts a formula", s, p)
		}
	}
}

// FuzzNeutraliseCSV checks the two promises for any text: nothing that a
// spreadsheet splits off starts a formula, and reading back gives the
// text as it was.
func FuzzNeutraliseCSV(f *testing.F) {
	for _, tt := range neutraliseCSVTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NeutraliseCSV(s)
		if back := UnneutraliseCSV(n); back != s {
			t.Fatalf("UnneutraliseCSV(NeutraliseCSV(%q)) = %q", s, back)
		}
		checkNoFormula(t, n)
	})
}

func TestCSVWriter(t *testing.T) {
	var b bytes.Buffer
	w := NewCSVWriter(&b)
	w.Write(CSVText("Student"), CSVText("Score"), CSVText("When"))
	w.Write(CSVText(hostileName), CSVFigure("50"), CSVFigure("2026-11-29 10:00:00"))
	w.Write(CSVText(`say "hi"`), CSVFigure("=1+1"), CSVFigure(""))
	w.WriteText(" padded ", "tab\there", "line\nbreak")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "Student,Score,When\r\n" +
		"\"Bob;'=cmd|' /C calc'!A0;x\",50,2026-11-29 10:00:00\r\n" +
		"\"say \"\"hi\"\"\",'=1+1,\r\n" +
		"\" padded \",\"tab\there\",\"line\nbreak\"\r\n"
	if got := b.String(); got != want {
		t.Errorf("CSVWriter wrote\n%q\nwant\n%q", got, want)
	}
	// A comma-locale reader gets the cells back, the name whole.
	rows, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil || len(rows) != 4 || rows[1][0] != "Bob;'=cmd|' /C calc'!A0;x" || rows[3][1] != "tab\there" {
		t.Errorf("read back with commas: %q, %v", rows, err)
	}
	// A semicolon-locale reader keeps the quoted name in one cell too.
	r := csv.NewReader(strings.NewReader(b.String()))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = ';', true, -1
	rows, err = r.ReadAll()
	if err != nil || !strings.HasPrefix(rows[1][0], "Bob;'=cmd") {
		t.Errorf("read back with semicolons: %q, %v; want the name in its first cell", rows, err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestCSVWriter_Error(t *testing.T) {
	w := NewCSVWriter(failWriter{})
	w.WriteText("a")
	if err := w.Flush(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("Flush after a failed write = %v, want the write's error", err)
	}
}
