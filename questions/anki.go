package questions

import (
	"fmt"
	"html"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Anki's notes in plain text: what Anki exports as "Notes in Plain Text" and
// imports from .txt files.
//
// The file may open with Anki's headers, one a line: #separator: (Tab, Comma,
// Semicolon, Space, Pipe, Colon, or the character itself), #html: (true or
// false), #tags: (tags for every note), #columns: (column names), #deck: (the
// set's title here), #notetype:, and the 1-based #notetype column:, #deck
// column:, #tags column: and #guid column:. Other lines starting with # are
// comments. Without #separator: the delimiter is detected, without #html: a
// file is HTML when its fields look like it. Fields are quoted as in CSV.
//
// The columns that are not notetype, deck, tags or GUID are the note's
// fields, in order. Without a tags column, a third field column holds the
// tags, as Anki reads such files for two-field note types. Each note becomes
// questions by its note type (the notetype column or header; without one, a
// first field holding {{c1::…}} makes a cloze note):
//
//   - a Basic note (any note type but Cloze) is a short answer: the first
//     field asks, the second is the one accepted answer;
//   - a Cloze note gives a cloze question for each deletion number, in order:
//     {{c1::answer::hint}} becomes the blank (with the hint after it in
//     parentheses), the note's other deletions show their answers, and the
//     second field (Back Extra) is the feedback. A number used twice gives a
//     question for each place it is used.
//
// The deck column gives each question's Category, the GUID its ID (with
// -c1, -c2 … when a note gives several questions). In an HTML file questions
// keep their HTML (Format html), but the accepted answers, which a learner
// types, are made plain text.

// ReadAnki reads Anki's notes in plain text; name is used in error messages
// and for the set's title. See Read for what is returned.
func ReadAnki(name string, r io.Reader) (Set, error) {
	data, err := readAll(name, r)
	if err != nil {
		return Set{}, err
	}
	return readAnki(name, data)
}

// ankiHeaders are the #key:value lines at the top of an Anki text file.
type ankiHeaders struct {
	delim      byte
	html       int // -1 not given, 0 false, 1 true
	tags       []string
	columns    string
	deck       string
	notetype   string
	notetypeAt int // 1-based columns; 0 when there is none
	deckAt     int
	tagsAt     int
	guidAt     int
}

var ankiSeparators = map[string]byte{
	"comma": ',', "semicolon": ';', "tab": '\t', "space": ' ', "pipe": '|', "colon": ':',
}

// looksLikeAnkiHeader reports whether text opens with an Anki header line.
func looksLikeAnkiHeader(text string) bool {
	line, _, _ := strings.Cut(strings.TrimLeft(text, " \t\n"), "\n")
	if strings.HasPrefix(line, "tags:") {
		return true
	}
	key, _, ok := strings.Cut(strings.TrimPrefix(line, "#"), ":")
	if !ok || !strings.HasPrefix(line, "#") {
		return false
	}
	switch strings.ToLower(strings.TrimSpace(key)) {
	case "separator", "html", "tags", "columns", "notetype", "deck",
		"notetype column", "deck column", "tags column", "guid column", "if matches":
		return true
	}
	return false
}

// ankiHeader reads the header lines and returns the offset of the first
// line after them.
func ankiHeader(src *source) (h ankiHeaders, body int) {
	h.html = -1
	for i, start := range src.lines {
		end := len(src.text)
		if i+1 < len(src.lines) {
			end = src.lines[i+1] - 1
		}
		line := src.text[start:end]
		if i == 0 && strings.HasPrefix(line, "tags:") {
			h.tags = strings.Fields(line[len("tags:"):])
			continue
		}
		if !strings.HasPrefix(line, "#") {
			return h, start
		}
		key, value, ok := strings.Cut(line[1:], ":")
		if !ok {
			continue // a comment
		}
		value = strings.TrimSpace(value)
		column := func() int {
			n, err := strconv.Atoi(value)
			if err != nil || n < 1 {
				src.errorf(start, "#%s: expects a column number (1, 2, 3 …); found %q", key, value)
				return 0
			}
			return n
		}
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "separator":
			if d, ok := ankiSeparators[strings.ToLower(value)]; ok {
				h.delim = d
			} else if len(value) == 1 {
				h.delim = value[0]
			} else {
				src.errorf(start, "unknown separator %q; expected Tab, Comma, Semicolon, Space, Pipe, Colon or the character itself", value)
			}
		case "html":
			switch strings.ToLower(value) {
			case "true":
				h.html = 1
			case "false":
				h.html = 0
			default:
				src.errorf(start, "#html: expects true or false; found %q", value)
			}
		case "tags":
			h.tags = append(h.tags, strings.Fields(value)...)
		case "columns":
			h.columns = line[strings.IndexByte(line, ':')+1:]
		case "deck":
			h.deck = value
		case "notetype":
			h.notetype = value
		case "notetype column":
			h.notetypeAt = column()
		case "deck column":
			h.deckAt = column()
		case "tags column":
			h.tagsAt = column()
		case "guid column":
			h.guidAt = column()
		}
	}
	return h, len(src.text)
}

func readAnki(name string, data []byte) (Set, error) {
	src, err := newSource(name, data)
	if err != nil {
		return Set{}, err
	}
	h, body := ankiHeader(src)
	if h.delim == 0 {
		h.delim = '\t'
		if d, ok := sniffDelimiter(src.text[body:], "\t;,"); ok {
			h.delim = d
		}
	}
	rows, broken := splitRows(src.text, body, h.delim, true, MaxQuestions+1)
	if broken >= 0 {
		src.errorf(broken, "this quoted field is never closed; expected a closing \" followed by the separator or the end of the line")
	}
	if h.tagsAt == 0 && h.columns != "" {
		names, _ := splitRows(h.columns, 0, h.delim, false, 1)
		if len(names) == 1 {
			for i, f := range names[0].fields {
				if strings.EqualFold(strings.TrimSpace(f.text), "tags") {
					h.tagsAt = i + 1
				}
			}
		}
	}

	format := Format("")
	switch h.html {
	case 1:
		format = HTML
	case -1:
		if slices.ContainsFunc(rows, func(r row) bool {
			return slices.ContainsFunc(r.fields, func(f field) bool { return looksHTML(f.text) })
		}) {
			format = HTML
		}
	}

	var qs []Question
	for _, r := range rows {
		if src.full {
			break
		}
		for _, q := range ankiNote(src, h, r, format) {
			if len(qs) == MaxQuestions {
				src.errorf(r.off, "the file has more than %d questions; the limit is %d", MaxQuestions, MaxQuestions)
				return src.result(nil)
			}
			if src.validate(q, r.off) {
				qs = append(qs, q)
			}
		}
	}
	set, err := src.result(qs)
	if err == nil && h.deck != "" {
		set.Title = cleanLabel(h.deck)
	}
	return set, err
}

// ankiNote makes the questions of one note.
func ankiNote(src *source, h ankiHeaders, r row, format Format) []Question {
	var fields []string
	meta := func(i int) bool { return i == h.notetypeAt || i == h.deckAt || i == h.tagsAt || i == h.guidAt }
	tagsAt := h.tagsAt
	for i := range r.fields {
		if meta(i + 1) {
			continue
		}
		if len(fields) == 2 && tagsAt == 0 {
			tagsAt = i + 1 // a third field column holds the tags
			continue
		}
		fields = append(fields, r.cell(i))
	}
	fields = append(fields, "", "")
	cell := func(at int) string { return r.cell(at - 1) }

	base := Question{Format: format, Category: cleanLabel(cell(h.deckAt))}
	for _, t := range append(h.tags, strings.Fields(cell(tagsAt))...) {
		if t = tagWord(t, ""); !contains(base.Tags, t) {
			base.Tags = append(base.Tags, t)
		}
	}
	guid := cleanLabel(cell(h.guidAt))

	notetype := h.notetype
	if h.notetypeAt > 0 {
		notetype = cell(h.notetypeAt)
	}
	clozes := findClozes(fields[0])
	isCloze := strings.Contains(strings.ToLower(notetype), "cloze") || (notetype == "" && len(clozes) > 0)
	if !isCloze {
		q := base
		q.ID = guid
		q.Kind = ShortAnswer
		q.Stem = fields[0]
		if q.InPlace() {
			q.Kind = Cloze
		}
		if a := answerText(fields[1], format); a != "" {
			q.Answers = []Choice{{Text: a, Weight: 100}}
		}
		return []Question{q}
	}
	switch {
	case len(clozes) == 0:
		src.errorf(r.at(0), "this cloze note has no deletion; expected {{c1::answer}} in its text")
		return nil
	case len(fields[0]) > MaxTextLen:
		// Each deletion makes a question holding the whole text: refuse
		// before making them.
		src.errorf(r.at(0), "this note's text is %d bytes long; the limit is %d", len(fields[0]), MaxTextLen)
		return nil
	case len(clozes) > maxAnswers:
		src.errorf(r.at(0), "this note has %d deletions; the limit is %d", len(clozes), maxAnswers)
		return nil
	}

	order := make([]int, len(clozes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return clozes[a].n - clozes[b].n })
	var qs []Question
	for k, i := range order {
		c := clozes[i]
		var stem strings.Builder
		last := 0
		for j, o := range clozes {
			stem.WriteString(fields[0][last:o.start])
			if j == i {
				stem.WriteString(Blank)
				if o.hint != "" {
					stem.WriteString(" (" + o.hint + ")")
				}
			} else {
				stem.WriteString(o.answer)
			}
			last = o.end
		}
		stem.WriteString(fields[0][last:])

		q := base
		q.Tags = slices.Clone(base.Tags)
		q.Kind = Cloze
		q.Stem = strings.TrimSpace(stem.String())
		q.Feedback = fields[1]
		if a := answerText(c.answer, format); a != "" {
			q.Answers = []Choice{{Text: a, Weight: 100}}
		}
		q.ID = guid
		if guid != "" && len(clozes) > 1 {
			q.ID = fmt.Sprintf("%s-c%d", guid, c.n)
			if k > 0 && clozes[order[k-1]].n == c.n {
				q.ID = fmt.Sprintf("%s-%d", q.ID, k)
			}
		}
		qs = append(qs, q)
	}
	return qs
}

// cloze is one {{cN::answer::hint}} deletion, at [start, end) of its text.
type cloze struct {
	start, end   int
	n            int
	answer, hint string
}

// findClozes finds the deletions of a cloze note's text, as Anki's
// {{c(\d+)::(.*?)(::(.*?))?}} does.
func findClozes(s string) []cloze {
	var out []cloze
	for i := 0; ; {
		j := strings.Index(s[i:], "{{c")
		if j < 0 {
			return out
		}
		start := i + j
		k := start + 3
		for k < len(s) && s[k] >= '0' && s[k] <= '9' && k-start < 12 {
			k++
		}
		if k == start+3 || !strings.HasPrefix(s[k:], "::") {
			i = start + 3
			continue
		}
		end := strings.Index(s[k+2:], "}}")
		if end < 0 {
			return out // no deletion can close after here
		}
		end += k + 2
		n, _ := strconv.Atoi(s[start+3 : k])
		answer, hint, _ := strings.Cut(s[k+2:end], "::")
		out = append(out, cloze{start: start, end: end + 2, n: n, answer: answer, hint: strings.TrimSpace(hint)})
		i = end + 2
	}
}

// answerText is the text a learner types for an answer written in the file:
// in HTML, its tags dropped and its entities decoded.
func answerText(s string, format Format) string {
	if format != HTML {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c == '<' && i+1 < len(s) && (isLetter(s[i+1]) || s[i+1] == '/' || s[i+1] == '!') {
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				b.WriteString(s[i:])
				break
			}
			switch tag := strings.ToLower(s[i+1 : i+end]); {
			case strings.HasPrefix(tag, "br"), tag == "/div", tag == "/p", tag == "/li":
				b.WriteByte('\n')
			}
			i += end + 1
			continue
		}
		b.WriteByte(c)
		i++
	}
	return strings.TrimSpace(html.UnescapeString(strings.ReplaceAll(b.String(), "&nbsp;", " ")))
}

// looksHTML reports whether an Anki field holds HTML, as Anki guesses.
func looksHTML(s string) bool {
	l := strings.ToLower(s)
	for _, m := range []string{"<br", "<div", "<p>", "<b>", "<i>", "<u>", "<span", "<img", "<sub", "<sup", "<ul", "<ol", "</", "&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;"} {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// WriteAnki writes the set as Anki's notes in plain text, with its headers,
// for Anki to import and ReadAnki to read back: a Basic note (Front, Back)
// for a short answer with its first full-credit answer, a Cloze note (Text,
// Back Extra) for a cloze. Kinds Anki cannot hold become Basic notes a
// person can still study: a multiple choice shows its options on the front
// and its right ones on the back, true/false True or False, numerical its
// number, and matching gives a note per pair. Essays and descriptions,
// which have no answer, are left out, and comment lines after the headers
// say which (LeftOutOfCards). The file is HTML when a question is;
// then plain texts are escaped. Tags, categories (as decks) and IDs (as
// GUIDs) are kept; the set's title becomes #deck:.
func WriteAnki(w io.Writer, s Set) error {
	htmlFile, hasDeck, hasTags, hasGUID := false, false, false, false
	for _, q := range s.Questions {
		htmlFile = htmlFile || q.Format == HTML
		hasDeck = hasDeck || cleanLabel(q.Category) != ""
		hasTags = hasTags || joinTags(q.Tags, "") != ""
		hasGUID = hasGUID || cleanLabel(q.ID) != ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "#separator:tab\n#html:%t\n", htmlFile)
	if t := cleanLabel(s.Title); t != "" {
		fmt.Fprintf(&b, "#deck:%s\n", t)
	}
	col := 0
	next := func(name string) {
		col++
		fmt.Fprintf(&b, "#%s column:%d\n", name, col)
	}
	if hasGUID {
		next("guid")
	}
	next("notetype")
	if hasDeck {
		next("deck")
	}
	if hasTags {
		col += 2
		next("tags")
	}
	// Comment lines (# without a header's name) are skipped by Anki and
	// by ReadAnki alike.
	if left := LeftOutOfCards(s); len(left) > 0 {
		fmt.Fprintf(&b, "# factdrill left out %d of the set's questions, which Anki cannot hold as notes\n", len(left))
		for _, l := range left {
			b.WriteString("# " + strings.Join(strings.Fields(l), " ") + "\n")
		}
	}

	for _, q := range s.Questions {
		isHTML := q.Format == HTML
		text := func(s string) string { // a text of the question, as the file holds it
			if !htmlFile || isHTML {
				return s
			}
			return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
		}
		typed := func(s string) string { // an answer a learner types
			if !htmlFile {
				return s
			}
			return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
		}
		for _, c := range flashcards(q) {
			notetype, front, back := "Basic", text(c.front), ""
			switch {
			case q.Kind == ShortAnswer || q.Kind == Cloze:
				if len(c.answers) > 0 {
					back = typed(c.answers[0])
				}
				before, after, ok := strings.Cut(c.front, Blank)
				if c.cloze && ok && len(c.answers) > 0 && clozeSafe(before, after, c.answers[0]) {
					notetype = "Cloze"
					front = text(before) + "{{c1::" + typed(c.answers[0]) + "}}" + text(after)
					back = text(q.Feedback)
				}
			case c.choices != nil && q.Kind == MultipleChoice:
				sep := "\n"
				if htmlFile {
					sep = "<br>"
				}
				front += sep
				for i, o := range c.choices {
					front += sep + string(rune('A'+i%26)) + ") " + text(o)
				}
				back = text(strings.Join(c.answers, ", "))
			default:
				back = text(strings.Join(c.answers, ", "))
			}
			var rec []string
			if hasGUID {
				rec = append(rec, cleanLabel(q.ID))
			}
			rec = append(rec, notetype)
			if hasDeck {
				rec = append(rec, cleanLabel(q.Category))
			}
			rec = append(rec, front, back)
			if hasTags {
				rec = append(rec, joinTags(q.Tags, ""))
			}
			for i, f := range rec {
				if i > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(ankiField(f))
			}
			b.WriteByte('\n')
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("questions: write anki: %w", err)
	}
	return nil
}

// clozeSafe reports whether a cloze can be written as {{c1::answer}}: Anki
// has no escape for :: and }} in an answer, nor for a deletion in the text.
func clozeSafe(before, after, answer string) bool {
	return !strings.Contains(answer, "::") && !strings.Contains(answer, "}}") && !strings.HasSuffix(answer, "}") &&
		!strings.Contains(before+after, "{{c")
}

// ankiField quotes a field when it holds a tab, a line break or a quote, or
// starts with # (a comment to Anki).
func ankiField(s string) string {
	if strings.ContainsAny(s, "\t\n\"") || strings.HasPrefix(s, "#") || strings.TrimSpace(s) != s {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
