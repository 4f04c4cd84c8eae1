package questions

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// CSVWriter is the one CSV writer of the project: sets (WriteCSV), score
// and answer exports and gradebooks all go through it, so that every CSV
// factdrill makes opens safely in any spreadsheet, whatever its locale.
//
// Rows end in CRLF (RFC 4180). A cell is quoted, with "" for a quote, when
// it holds a separator of any common locale (comma, semicolon, tab), a
// quote or a line break, or starts or ends with a space: a spreadsheet
// that splits on a semicolon or a tab then keeps it whole. A text cell
// that a spreadsheet could run as a formula gets an apostrophe, which
// spreadsheets show as text: where the cell starts with =, +, -, @, a tab
// or a carriage return (after spaces, or after apostrophes that would
// themselves be removed), and in the same way after each comma, semicolon,
// tab or line break inside it, where a spreadsheet that ignores the quotes
// would start a new cell or row. "Bob;=cmd" is written "Bob;'=cmd", quoted. Reading
// back with UnneutraliseCSV gives the text as it was.
//
// Errors are sticky: after one, writes do nothing and Flush returns it.
type CSVWriter struct {
	w   *bufio.Writer
	err error
}

// NewCSVWriter returns a writer of CSV rows to w; call Flush at the end.
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{w: bufio.NewWriter(w)} }

// CSVCell is one cell of a row: text, or a figure the program computed.
type CSVCell struct {
	s      string
	figure bool
}

// CSVText is a text cell: neutralised where a formula could start.
func CSVText(s string) CSVCell { return CSVCell{s: s} }

// CSVFigure is a cell the program computed: a number, a percentage, a date
// or a time ("12", "0.5", "2026-11-29 10:00:00"), written as it is so that
// spreadsheets read it as a figure. Anything else is written as text.
func CSVFigure(s string) CSVCell { return CSVCell{s: s, figure: isFigure(s)} }

// isFigure reports whether s is digits with the marks of decimals, dates
// and times, starting with a digit: nothing a spreadsheet runs.
func isFigure(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && !strings.ContainsRune(".:- ", rune(c)) {
			return false
		}
	}
	return true
}

// WriteText writes a row of text cells.
func (c *CSVWriter) WriteText(cells ...string) error {
	row := make([]CSVCell, len(cells))
	for i, s := range cells {
		row[i] = CSVText(s)
	}
	return c.Write(row...)
}

// Write writes one row.
func (c *CSVWriter) Write(cells ...CSVCell) error {
	if c.err != nil {
		return c.err
	}
	for i, cell := range cells {
		if i > 0 {
			c.w.WriteByte(',')
		}
		s := cell.s
		if !cell.figure {
			s = NeutraliseCSV(s)
		}
		if csvNeedsQuotes(s) {
			c.w.WriteByte('"')
			c.w.WriteString(strings.ReplaceAll(s, `"`, `""`))
			c.w.WriteByte('"')
		} else {
			c.w.WriteString(s)
		}
	}
	if _, err := c.w.WriteString("\r\n"); err != nil {
		c.err = fmt.Errorf("questions: write csv: %w", err)
	}
	return c.err
}

// Flush writes what is buffered and returns the first error of any write.
func (c *CSVWriter) Flush() error {
	if c.err != nil {
		return c.err
	}
	if err := c.w.Flush(); err != nil {
		c.err = fmt.Errorf("questions: write csv: %w", err)
	}
	return c.err
}

// csvSeparators are the cell separators of common locales: a spreadsheet
// may split on any of them. csvBreaks adds the line breaks, after which a
// reader that ignores quotes starts a new row.
const (
	csvSeparators = ",;\t"
	csvBreaks     = csvSeparators + "\r\n"
)

func csvNeedsQuotes(s string) bool {
	return strings.ContainsAny(s, csvBreaks+`"`) || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ")
}

// formulaStart reports whether a spreadsheet could read s, as the start of
// a cell, as a formula: after spaces, one of = + - @ tab CR, or an
// apostrophe before such a start (so that an apostrophe the writer adds
// can always be told from one that was there).
func formulaStart(s string) bool {
	t := strings.TrimLeft(s, " ")
	if t == "" {
		return false
	}
	return strings.IndexByte("=+-@\t\r", t[0]) >= 0 || (t[0] == '\'' && formulaStart(t[1:]))
}

// NeutraliseCSV puts an apostrophe where s, or a part of it after a
// separator, could start a formula (see CSVWriter).
func NeutraliseCSV(s string) string {
	var b strings.Builder
	if formulaStart(s) {
		b.WriteByte('\'')
	}
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if strings.IndexByte(csvBreaks, s[i]) >= 0 && formulaStart(s[i+1:]) {
			b.WriteByte('\'')
		}
	}
	return b.String()
}

// UnneutraliseCSV takes out the apostrophes NeutraliseCSV put in:
// UnneutraliseCSV(NeutraliseCSV(s)) == s for every s.
func UnneutraliseCSV(s string) string {
	var b strings.Builder
	i := 0
	if strings.HasPrefix(s, "'") && formulaStart(s[1:]) {
		i = 1
	}
	for i < len(s) {
		c := s[i]
		b.WriteByte(c)
		i++
		if strings.IndexByte(csvBreaks, c) >= 0 && i < len(s) && s[i] == '\'' && formulaStart(s[i+1:]) {
			i++
		}
	}
	return b.String()
}
