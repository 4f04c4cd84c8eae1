package questions

import (
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// CSV and TSV question files: a question a row, as spreadsheets and Quizlet
// export them.
//
// The delimiter is a tab for .tsv files; otherwise the reader takes the one of
// comma, semicolon and tab on which the rows agree. Fields may be quoted as
// spreadsheets do ("…", with "" for a quote), which lets them hold line breaks.
//
// The first row is a header when it names the columns: question, answer,
// choices, feedback and tags, in any order and case (term, front and prompt
// also name the question; definition and back the answer; options the
// choices; explanation the feedback). Without a header the columns are taken
// in that order, so that Quizlet's term-and-definition rows are questions and
// their answers. A header column with another name is an error, rather than
// data left behind unread.
//
// A row becomes:
//
//   - a short answer, when it has no choices: the answer cell lists the
//     accepted answers separated by |, each worth 100% ("no one | nobody");
//     a question whose text holds the blank _____ is a cloze;
//   - a multiple choice, when the choices cell lists the options separated by
//     | ("Lyon | Paris | Nice"): the answer names the right option, as written
//     or by its letter (B); several right options, separated by |, make a
//     multiple-answer question that shares 100% between them.
//
// In the answer and choices cells \| stands for a | inside an item and \\
// for \. Feedback is the question's general feedback; tags are separated by
// spaces or commas. Texts are plain text. The apostrophes CSVWriter puts
// before what could start a formula (UnneutraliseCSV) are taken out.

// ReadCSV reads a CSV or TSV file; a name ending in .tsv or .tab means tabs,
// any other name has its delimiter detected. name is used in error messages
// and for the set's title. See Read for what is returned.
func ReadCSV(name string, r io.Reader) (Set, error) {
	data, err := readAll(name, r)
	if err != nil {
		return Set{}, err
	}
	ext := strings.ToLower(path.Ext(baseName(name)))
	return readCSV(name, data, ext == ".tsv" || ext == ".tab")
}

// The columns of a CSV question file.
const (
	colQuestion = iota
	colAnswer
	colChoices
	colFeedback
	colTags
	numCols
)

var csvColumnNames = [numCols]string{"question", "answer", "choices", "feedback", "tags"}

// csvColumns maps the names a header may give a column to the column.
var csvColumns = map[string]int{
	"question": colQuestion, "questions": colQuestion, "question text": colQuestion,
	"term": colQuestion, "front": colQuestion, "prompt": colQuestion, "stem": colQuestion,
	"answer": colAnswer, "answers": colAnswer, "definition": colAnswer, "back": colAnswer,
	"correct answer": colAnswer, "correct answers": colAnswer, "right answer": colAnswer,
	"choices": colChoices, "choice": colChoices, "options": colChoices, "option": colChoices,
	"feedback": colFeedback, "explanation": colFeedback, "general feedback": colFeedback,
	"tags": colTags, "tag": colTags,
}

// columnName normalizes a header cell: lower case, one space between words.
func columnName(s string) string {
	s = strings.ToLower(strings.NewReplacer("_", " ", "-", " ").Replace(s))
	return strings.Join(strings.Fields(s), " ")
}

// readCSV reads CSV, or TSV when tabs is set.
func readCSV(name string, data []byte, tabs bool) (Set, error) {
	src, err := newSource(name, data)
	if err != nil {
		return Set{}, err
	}
	delim := byte('\t')
	if !tabs {
		d, ok := sniffDelimiter(src.text, ",;\t")
		if !ok {
			return Set{}, src.fatal("cannot find the column separator; expected a comma, semicolon or tab between each question and its answer")
		}
		delim = d
	}
	// A header, the questions the limit allows, and one to tell it is passed.
	rows, broken := splitRows(src.text, 0, delim, false, MaxQuestions+2)
	if broken >= 0 {
		src.errorf(broken, "this quoted field is never closed; expected a closing \" followed by the separator or the end of the line")
	}

	cols := [numCols]int{0, 1, 2, 3, 4}
	width := numCols
	tooWide := "a file without a header row may have (question, answer, choices, feedback, tags)"
	if len(rows) > 0 && isCSVHeader(rows[0]) {
		cols, width = csvHeader(src, rows[0])
		if len(src.errs) > 0 {
			return src.result(nil) // every row would be misread
		}
		tooWide = "the header row names"
		rows = rows[1:]
	}

	var qs []Question
	for _, r := range rows {
		if src.full {
			break
		}
		if r.wide {
			src.errorf(r.off, "this row has more than %d columns; expected %d at most", maxFields, width)
			continue
		}
		for i := width; i < len(r.fields); i++ {
			if r.cell(i) != "" {
				src.errorf(r.at(i), "this row has more columns than the %d that %s; expected no cell here", width, tooWide)
				break
			}
		}
		if len(qs) == MaxQuestions {
			src.errorf(r.off, "the file has more than %d questions; the limit is %d", MaxQuestions, MaxQuestions)
			break
		}
		if q, ok := csvQuestion(src, r, cols); ok && src.validate(q, r.off) {
			qs = append(qs, q)
		}
	}
	return src.result(qs)
}

// isCSVHeader reports whether a row names columns: its first cell names the
// question column, or every cell names a column.
func isCSVHeader(r row) bool {
	if c, ok := csvColumns[columnName(r.cell(0))]; ok && c == colQuestion {
		return true
	}
	named := 0
	for i := range r.fields {
		if r.cell(i) == "" {
			continue
		}
		if _, ok := csvColumns[columnName(r.cell(i))]; !ok {
			return false
		}
		named++
	}
	return named >= 2
}

// csvHeader reads a header row into the index of each column (-1 when the
// header has none) and the number of columns it names.
func csvHeader(src *source, r row) (cols [numCols]int, width int) {
	for i := range cols {
		cols[i] = -1
	}
	for i := range r.fields {
		name := columnName(r.cell(i))
		if name == "" {
			continue
		}
		c, ok := csvColumns[name]
		switch {
		case !ok:
			src.errorf(r.at(i), "unknown column %q; the columns are question, answer, choices, feedback and tags", r.cell(i))
		case cols[c] >= 0:
			src.errorf(r.at(i), "a second %s column (%q)", csvColumnNames[c], r.cell(i))
		default:
			cols[c] = i
		}
		width = i + 1
	}
	for _, c := range []int{colQuestion, colAnswer} {
		if cols[c] < 0 {
			src.errorf(r.off, "the header row names no %s column", csvColumnNames[c])
		}
	}
	return cols, width
}

// csvQuestion makes the question of a row.
func csvQuestion(src *source, r row, cols [numCols]int) (Question, bool) {
	cell := func(col int) string { return strings.TrimSpace(UnneutraliseCSV(r.cell(cols[col]))) }
	q := Question{
		Stem:     cell(colQuestion),
		Feedback: cell(colFeedback),
		Tags:     splitTags(cell(colTags)),
	}
	answers := splitList(cell(colAnswer))
	choices := splitList(cell(colChoices))
	for _, list := range []struct {
		items []string
		col   int
	}{{answers, colAnswer}, {choices, colChoices}} {
		if len(list.items) > maxAnswers {
			src.errorf(r.at(cols[list.col]), "this cell lists more than %d %ss; the limit is %d", maxAnswers, csvColumnNames[list.col], maxAnswers)
			return q, false
		}
	}
	if len(choices) == 0 {
		q.Kind = ShortAnswer
		if q.InPlace() {
			q.Kind = Cloze
		}
		for _, a := range answers {
			q.Answers = append(q.Answers, Choice{Text: a, Weight: 100})
		}
		return q, true
	}
	q.Kind = MultipleChoice
	for _, c := range choices {
		q.Choices = append(q.Choices, Choice{Text: c})
	}
	index := make(map[string]int, len(choices))
	for i := len(choices) - 1; i >= 0; i-- {
		index[choices[i]] = i
	}
	var right []int
	for _, a := range answers {
		i := choiceIndex(index, len(choices), a)
		if i < 0 {
			src.errorf(r.at(cols[colAnswer]), "the answer %q is not one of the choices; name the right choice as written, or by its letter (A, B …)", excerpt(a))
			return q, false
		}
		if !containsInt(right, i) {
			right = append(right, i)
		}
	}
	q.Multiple = len(right) > 1
	for _, i := range right {
		q.Choices[i].Weight = 100 / float64(len(right))
	}
	return q, true
}

// choiceIndex finds an answer among n choices, as written (index maps each
// choice to its first place) or by letter.
func choiceIndex(index map[string]int, n int, answer string) int {
	if i, ok := index[answer]; ok {
		return i
	}
	if len(answer) == 1 && isLetter(answer[0]) {
		if i := int(upper(answer[0]) - 'A'); i < n {
			return i
		}
	}
	return -1
}

func containsInt(list []int, n int) bool {
	for _, v := range list {
		if v == n {
			return true
		}
	}
	return false
}

// WriteCSV writes the set as CSV that ReadCSV reads back and spreadsheets
// open: a header row, then a question a row. Short answers, clozes and
// multiple choice keep their meaning, with only their full-credit answers.
// Kinds CSV cannot hold become rows a person can still study: true/false a
// multiple choice of True and False, numerical a short answer of its number,
// matching a row per pair. Essays and descriptions, which have no answer,
// are left out (LeftOutOfCards says which: CSV has no comments to say it
// in the file). Titles, IDs, categories, per-answer feedback and partial
// credit are not kept. It writes through CSVWriter, so a cell that could
// start a formula gets an apostrophe, which ReadCSV takes out again.
func WriteCSV(w io.Writer, s Set) error {
	type csvRow struct{ question, answer, choices, feedback, tags string }
	var rows []csvRow
	var hasChoices, hasFeedback, hasTags bool
	for _, q := range s.Questions {
		base := csvRow{feedback: q.Feedback, tags: joinTags(q.Tags, ",")}
		hasFeedback = hasFeedback || q.Feedback != ""
		hasTags = hasTags || base.tags != ""
		for _, c := range flashcards(q) {
			r := base
			r.question, r.answer = c.front, joinList(c.answers)
			if c.choices != nil {
				r.choices = joinList(c.choices)
				hasChoices = true
			}
			rows = append(rows, r)
		}
	}
	cw := NewCSVWriter(w)
	header := []string{"question", "answer"}
	if hasChoices {
		header = append(header, "choices")
	}
	if hasFeedback {
		header = append(header, "feedback")
	}
	if hasTags {
		header = append(header, "tags")
	}
	if err := cw.WriteText(header...); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{r.question, r.answer}
		if hasChoices {
			rec = append(rec, r.choices)
		}
		if hasFeedback {
			rec = append(rec, r.feedback)
		}
		if hasTags {
			rec = append(rec, r.tags)
		}
		if err := cw.WriteText(rec...); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// flashcard is a question as the card-like formats (CSV, Anki) hold it: a
// front, its right answers, and for a multiple choice every option.
type flashcard struct {
	front   string
	answers []string
	choices []string
	cloze   bool
}

// flashcards turns a question into the cards that hold it best; see WriteCSV
// and WriteAnki.
func flashcards(q Question) []flashcard {
	full := func(w float64) bool { return w >= 100-weightSlack }
	switch q.Kind {
	case ShortAnswer, Cloze:
		c := flashcard{front: q.Stem, cloze: q.Kind == Cloze}
		for _, a := range q.Answers {
			if full(a.Weight) {
				c.answers = append(c.answers, a.Text)
			}
		}
		return []flashcard{c}
	case MultipleChoice:
		c := flashcard{front: q.Stem}
		for _, o := range q.Choices {
			c.choices = append(c.choices, o.Text)
			if (q.Multiple && o.Weight > 0) || (!q.Multiple && full(o.Weight)) {
				c.answers = append(c.answers, o.Text)
			}
		}
		return []flashcard{c}
	case TrueFalse:
		return []flashcard{{front: q.Stem, answers: []string{truthWord(q.Truth)}, choices: []string{"True", "False"}}}
	case Numerical:
		c := flashcard{front: q.Stem}
		for _, n := range q.Numbers {
			if !n.Any && full(n.Weight) {
				c.answers = append(c.answers, strconv.FormatFloat(n.Value, 'g', -1, 64))
			}
		}
		return []flashcard{c}
	case Matching:
		var cards []flashcard
		for _, p := range q.Prompts() {
			cards = append(cards, flashcard{front: p.Prompt, answers: []string{p.Answer}})
		}
		return cards
	}
	return nil // essays and descriptions have no answer to learn
}

// LeftOutOfCards says which questions of s the card-like formats (CSV and
// Anki text, and Anki packages) leave out and why, one line each, as
// "question 7 (essay) “Describe a capital you know.”: an essay has no
// answer to learn", so that an export never drops a question silently.
func LeftOutOfCards(s Set) []string {
	var out []string
	for i, q := range s.Questions {
		if why := LeftOutOfCard(i+1, q); why != "" {
			out = append(out, why)
		}
	}
	return out
}

// LeftOutOfCard is LeftOutOfCards for one question, numbered n in its set:
// the line saying why the card formats leave it out, or "" when they keep it.
func LeftOutOfCard(n int, q Question) string {
	if q.Kind != Essay && q.Kind != Description {
		return ""
	}
	why := "an essay has no answer to learn"
	if q.Kind == Description {
		why = "a description asks nothing"
	}
	return fmt.Sprintf("question %d (%s) “%s”: %s", n, q.Kind.Label(), q.Name(), why)
}

func truthWord(t bool) string {
	if t {
		return "True"
	}
	return "False"
}
