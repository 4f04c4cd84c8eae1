package questions

import (
	"strings"
)

// Rows of fields, as spreadsheets and Anki write them: one row a line, fields
// separated by a delimiter, and a field that holds the delimiter, a quote or a
// line break quoted ("…", with "" for a quote), as RFC 4180 says.
//
// Files from Quizlet and hand-made ones do not always quote: a field that
// starts with a quote but does not end with one before the delimiter is read
// as written, quotes and all, provided it stays on its line. A quoted field
// left open across lines makes everything after it ambiguous, so it stops
// the reading with an error.

// field is one field of a row and the offset of its first byte.
type field struct {
	text string
	off  int
}

// row is one line (or more, with quoted line breaks) of fields.
type row struct {
	fields []field
	off    int
	// wide is set when the row has more than maxFields fields; those after
	// are not kept.
	wide bool
}

// maxFields bounds the fields kept of one row, so that a line of ten million
// commas costs no memory.
const maxFields = 256

// cell returns field i trimmed, or "" when the row has no field i.
func (r row) cell(i int) string {
	if i < 0 || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i].text)
}

// at returns the offset of field i, or of the row when it has no field i.
func (r row) at(i int) int {
	if i < 0 || i >= len(r.fields) {
		return r.off
	}
	return r.fields[i].off
}

// empty reports whether every field of the row is blank.
func (r row) empty() bool {
	for _, f := range r.fields {
		if strings.TrimSpace(f.text) != "" {
			return false
		}
	}
	return true
}

// splitRows cuts text, from offset from, into rows of fields separated by
// delim, leaving out rows whose fields are all blank. With comments, rows
// starting with # are skipped, as Anki does. At most limit rows are read when
// limit > 0. When a quoted field is left open across lines, broken is the
// offset of its opening quote and the rows before it are returned.
func splitRows(text string, from int, delim byte, comments bool, limit int) (rows []row, broken int) {
	i := from
	for i < len(text) && (limit <= 0 || len(rows) < limit) {
		if comments && text[i] == '#' {
			if nl := strings.IndexByte(text[i:], '\n'); nl >= 0 {
				i += nl + 1
				continue
			}
			break
		}
		r := row{off: i}
		for {
			f, next, end, ok := readField(text, i, delim)
			if !ok {
				return rows, i
			}
			if len(r.fields) < maxFields {
				r.fields = append(r.fields, f)
			} else {
				r.wide = true
			}
			i = next
			if end {
				break
			}
		}
		if !r.empty() {
			rows = append(rows, r)
		}
	}
	return rows, -1
}

// readField reads the field at i and returns it, the offset after it and its
// delimiter, and whether it ended its row. ok is false for a quoted field left
// open across lines.
func readField(text string, i int, delim byte) (f field, next int, endOfRow, ok bool) {
	f.off = i
	if i < len(text) && text[i] == '"' {
		var b strings.Builder
		j := i + 1
		for {
			k := strings.IndexByte(text[j:], '"')
			if k < 0 {
				j = len(text)
				break
			}
			b.WriteString(text[j : j+k])
			j += k
			if j+1 < len(text) && text[j+1] == '"' {
				b.WriteByte('"')
				j += 2
				continue
			}
			after := j + 1
			for after < len(text) && (text[after] == ' ' || text[after] == '\t') && text[after] != delim {
				after++
			}
			switch {
			case after == len(text):
				f.text = b.String()
				return f, after, true, true
			case text[after] == delim:
				f.text = b.String()
				return f, after + 1, false, true
			case text[after] == '\n':
				f.text = b.String()
				return f, after + 1, true, true
			}
			break // text after the closing quote: not a quoted field after all
		}
		if strings.IndexByte(text[i:j], '\n') >= 0 {
			return f, 0, false, false
		}
		// Read it as written, from the opening quote to the delimiter.
		end := j
		for end < len(text) && text[end] != delim && text[end] != '\n' {
			end++
		}
		f.text = text[i:end]
		return f, skipDelim(text, end), end == len(text) || text[end] == '\n', true
	}
	end := i
	for end < len(text) && text[end] != delim && text[end] != '\n' {
		end++
	}
	f.text = text[i:end]
	return f, skipDelim(text, end), end == len(text) || text[end] == '\n', true
}

func skipDelim(text string, end int) int {
	if end < len(text) {
		return end + 1
	}
	return end
}

// sniffLen is how much of a file DetectFormat and sniffDelimiter look at,
// and sniffRows how many rows sniffDelimiter splits.
const (
	sniffLen  = 64 << 10
	sniffRows = 50
)

// sniffDelimiter finds which of the candidate delimiters splits the start of
// text into rows of the same number of fields (two or more). The delimiter
// on which most rows agree wins. On a tie, a delimiter that mostly stands
// between two digits loses (a decimal comma, in a file of semicolons), then
// the earlier candidate wins.
func sniffDelimiter(text string, candidates string) (byte, bool) {
	if len(text) > sniffLen {
		text = text[:sniffLen]
	}
	var best byte
	bestScore, bestDecimal := 0, false
	for i := 0; i < len(candidates); i++ {
		d := candidates[i]
		rows, _ := splitRows(text, 0, d, true, sniffRows)
		counts := map[int]int{}
		for _, r := range rows {
			counts[len(r.fields)]++
		}
		score, mode := 0, 0
		for n, c := range counts {
			if n >= 2 && (c > score || (c == score && n > mode)) {
				score, mode = c, n
			}
		}
		decimal := decimalSeparator(text, d)
		if score > bestScore || (score == bestScore && score > 0 && bestDecimal && !decimal) {
			best, bestScore, bestDecimal = d, score, decimal
		}
	}
	return best, bestScore > 0
}

// decimalSeparator reports whether most occurrences of d in text stand
// between two digits, as a decimal comma does.
func decimalSeparator(text string, d byte) bool {
	between, all := 0, 0
	for i := 0; i < len(text); i++ {
		if text[i] != d {
			continue
		}
		all++
		if i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]) {
			between++
		}
	}
	return all > 0 && between*2 > all
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// splitList cuts a list cell at each | into trimmed, non-empty items; \|
// stands for | and \\ for \ inside an item. It stops after maxAnswers+1
// items, which is already too many.
func splitList(s string) []string {
	var items []string
	var b strings.Builder
	flush := func() {
		if t := strings.TrimSpace(b.String()); t != "" {
			items = append(items, t)
		}
		b.Reset()
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && (s[i+1] == '|' || s[i+1] == '\\'):
			i++
			b.WriteByte(s[i])
		case c == '|':
			flush()
			if len(items) > maxAnswers {
				return items
			}
		default:
			b.WriteByte(c)
		}
	}
	flush()
	return items
}

// joinList writes items as a list cell, escaping what splitList reads.
func joinList(items []string) string {
	esc := make([]string, len(items))
	for i, it := range items {
		esc[i] = strings.NewReplacer(`\`, `\\`, `|`, `\|`).Replace(it)
	}
	return strings.Join(esc, " | ")
}

// splitTags cuts a tags cell at white space and commas.
func splitTags(s string) []string {
	var tags []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
		if t = tagWord(t, ","); !contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags
}

// tagWord makes a tag one word for formats that separate tags by spaces, or
// by the other separators given.
func tagWord(t, separators string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || isControl(r) || strings.ContainsRune(separators, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(t))
}

// joinTags writes tags separated by spaces, each made one word.
func joinTags(tags []string, separators string) string {
	words := make([]string, 0, len(tags))
	for _, t := range tags {
		if t = tagWord(t, separators); t != "" && !contains(words, t) {
			words = append(words, t)
		}
	}
	return strings.Join(words, " ")
}
