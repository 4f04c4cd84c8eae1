package questions

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
)

// FileError is one problem found in a question file, at a place a person can
// find in an editor: Line and Col count from 1, and Col counts characters, not
// bytes. A problem with the file as a whole (too big, empty) has Line 0.
type FileError struct {
	File string
	Line int
	Col  int
	Msg  string
}

// Error formats the problem as compilers do: "FILE:LINE:COL: message".
func (e FileError) Error() string {
	switch {
	case e.Line <= 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Col <= 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ErrorList is every problem found in a question file, in file order. The
// readers return one when they reject a file, so that a page can list each
// problem next to its line; use errors.As to get it back from an error.
type ErrorList []FileError

// Error prints one problem a line.
func (l ErrorList) Error() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// maxErrors bounds the problems reported for one file: a binary or badly
// mangled file would otherwise produce one per line.
const maxErrors = 100

// maxAnswers bounds the options, accepted answers or pairs of one question
// that readers take: no page can show more, and checking each against the
// others would let one line of a file cost minutes.
const maxAnswers = 1000

// source is a question file made ready for a reader: checked to be UTF-8
// text within MaxFileSize, its byte-order mark removed and its line endings
// turned into "\n". It turns offsets into lines and columns and collects the
// problems the reader finds.
type source struct {
	name  string
	text  string
	lines []int // offset at which each line starts
	errs  ErrorList
	full  bool // maxErrors reached; readers stop early

	// The last position pos computed, so that problems reported along one
	// long line do not count its characters from the start each time.
	lastOff, lastLine, lastCol int
}

// newSource checks data and prepares it for reading. A file that is not UTF-8
// text within MaxFileSize, or that holds nothing but white space, is refused
// with an ErrorList.
func newSource(name string, data []byte) (*source, error) {
	s := &source{name: name}
	switch {
	case len(data) > MaxFileSize:
		return nil, s.fatal("the file is %d bytes; the limit is %d bytes (%d MiB)", len(data), MaxFileSize, MaxFileSize>>20)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return nil, s.fatal("the file is UTF-16 text; save it as UTF-8 and upload it again")
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	s.text = normalizeNewlines(data)
	s.lines = lineStarts(s.text)

	if i := strings.IndexByte(s.text, 0); i >= 0 {
		s.errorf(i, "the file is not text (it holds a NUL byte here); expected a UTF-8 text file")
		return nil, s.errs
	}
	if !utf8.ValidString(s.text) {
		// Report the first bad byte of each line, so that a file in another
		// encoding gives one message a line rather than one a character.
		for off := 0; off < len(s.text) && !s.full; {
			r, size := utf8.DecodeRuneInString(s.text[off:])
			if r == utf8.RuneError && size == 1 {
				s.errorf(off, "invalid UTF-8 (byte 0x%02X); save the file as UTF-8", s.text[off])
				if nl := strings.IndexByte(s.text[off:], '\n'); nl >= 0 {
					off += nl + 1
					continue
				}
				break
			}
			off += size
		}
		return nil, s.errs
	}
	if strings.TrimSpace(s.text) == "" {
		return nil, s.fatal("the file is empty; expected questions")
	}
	return s, nil
}

// normalizeNewlines turns CRLF and lone CR line endings into LF.
func normalizeNewlines(data []byte) string {
	if bytes.IndexByte(data, '\r') < 0 {
		return string(data)
	}
	var b strings.Builder
	b.Grow(len(data))
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\r' {
			if i+1 < len(data) && data[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		b.WriteByte(c)
	}
	return b.String()
}

func lineStarts(text string) []int {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// pos returns the line and column (in characters) of a byte offset.
func (s *source) pos(off int) (line, col int) {
	off = max(0, min(off, len(s.text)))
	i, found := slices.BinarySearch(s.lines, off)
	if !found {
		i--
	}
	if s.lastLine == i+1 && s.lastOff <= off {
		col = s.lastCol + utf8.RuneCountInString(s.text[s.lastOff:off])
	} else {
		col = utf8.RuneCountInString(s.text[s.lines[i]:off]) + 1
	}
	s.lastOff, s.lastLine, s.lastCol = off, i+1, col
	return i + 1, col
}

// errorf records a problem at a byte offset.
func (s *source) errorf(off int, format string, args ...any) {
	if s.full {
		return
	}
	line, col := s.pos(off)
	s.errorAt(line, col, format, args...)
}

// errorAt records a problem at a line and column.
func (s *source) errorAt(line, col int, format string, args ...any) {
	if s.full {
		return
	}
	if len(s.errs) == maxErrors {
		s.errs = append(s.errs, FileError{File: s.name, Line: line, Msg: fmt.Sprintf("too many problems; stopped after %d", maxErrors)})
		s.full = true
		return
	}
	s.errs = append(s.errs, FileError{File: s.name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// fatal returns a problem with the file as a whole.
func (s *source) fatal(format string, args ...any) ErrorList {
	return ErrorList{{File: s.name, Msg: fmt.Sprintf(format, args...)}}
}

// validate runs Question.Validate and reports each of its problems at the
// question's offset.
func (s *source) validate(q Question, off int) bool {
	err := q.Validate()
	if err == nil {
		return true
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			s.errorf(off, "%s", e)
		}
	} else {
		s.errorf(off, "%s", err)
	}
	return false
}

// result turns what a reader found into its return values: the set when no
// problem was found, else the problems in file order.
func (s *source) result(qs []Question) (Set, error) {
	if len(s.errs) == 0 && len(qs) == 0 {
		s.errs = s.fatal("no questions found")
	}
	if len(s.errs) > 0 {
		sorted := s.errs
		if s.full {
			sorted = sorted[:len(sorted)-1] // "too many problems" stays last
		}
		slices.SortStableFunc(sorted, func(a, b FileError) int {
			return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		return Set{}, s.errs
	}
	return Set{Title: titleFromName(s.name), Origin: "imported from " + baseName(s.name), Questions: qs}, nil
}

// readAll reads r up to one byte beyond MaxFileSize, so that newSource can
// refuse a file that is too big without reading all of it.
func readAll(name string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("questions: read %s: %w", name, err)
	}
	return data, nil
}

// baseName is the last element of a file name, with either kind of slash.
func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// titleFromName makes a set title from a file name: "week_3.gift" gives
// "week 3".
func titleFromName(name string) string {
	base := baseName(name)
	title := strings.TrimSuffix(base, path.Ext(base))
	title = strings.Join(strings.Fields(strings.ReplaceAll(title, "_", " ")), " ")
	if title == "" {
		return "Imported questions"
	}
	return title
}
