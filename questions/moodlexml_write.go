package questions

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
)

// WriteMoodleXML writes the set as Moodle XML, as Moodle's own exporter
// lays it out, so that Moodle imports it and ReadMoodleXML reads back the
// same questions: every kind, with titles, IDs, tags, formats, weights,
// feedback of every kind, hints, options (KeepOrder, Numbering,
// CaseSensitive, Mark, Penalty, units, essay limits) and the images the
// texts show, embedded as base64 <file>s beside the texts that refer to
// them. Each question goes in its Category, or in a category named after
// the set; the set's description is that category's. A Cloze is written
// as a short answer whose text holds the blank, and any question asked in
// place keeps its blank as underscores, which both Moodle and
// ReadMoodleXML read as the place of the answer.
//
// What Moodle XML cannot hold is lost: the set's origin and where a
// generated question came from (Source). Weights that are not among
// Moodle's grades are written as they are; Moodle's import refuses them
// unless its "nearest grade" option is chosen.
//
// A question whose text shows an image the set does not carry makes
// WriteMoodleXML write nothing and return an error naming it.
func WriteMoodleXML(w io.Writer, s Set) error {
	mw := moodleWriter{media: map[string]Media{}}
	for _, m := range s.Media {
		mw.media[m.Hash] = m
	}
	b := &mw.b
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n")
	// The set is a category: the one named after it, where questions
	// without a category go, or else the one holding all the others. It
	// is written first, with the set's description.
	home := escapeCategory(s.Title)
	categoryOf := func(q Question) string {
		if q.Category == "" {
			return home
		}
		return q.Category
	}
	var paths []string
	for _, q := range s.Questions {
		paths = append(paths, categoryOf(q))
	}
	if !slices.Contains(paths, home) {
		home = commonCategory(paths)
	}
	category := "\x00"
	if home != "" && (len(paths) == 0 || paths[0] != home) {
		mw.category(home, s.Description)
		category = home
	}
	for i, q := range s.Questions {
		if c := categoryOf(q); c != category {
			info := ""
			if c == home {
				info = s.Description
			}
			mw.category(c, info)
			category = c
		}
		if err := mw.question(i+1, q); err != nil {
			mw.errs = append(mw.errs, fmt.Errorf("question %d (%s): %w", i+1, q.Name(), err))
		}
	}
	b.WriteString("</quiz>\n")
	if len(mw.errs) > 0 {
		return fmt.Errorf("questions: write moodle xml: %w", errors.Join(mw.errs...))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("questions: write moodle xml: %w", err)
	}
	return nil
}

type moodleWriter struct {
	b     strings.Builder
	media map[string]Media
	errs  []error
	// names maps an image to its file name in the question being written.
	names map[string]string
}

// moodleFormats are the names Moodle XML gives factdrill's formats.
var moodleFormats = map[Format]string{"": "plain_text", Plain: "plain_text", HTML: "html", Markdown: "markdown", Moodle: "moodle_auto_format"}

// cdata writes a text for a <text> element as Moodle's exporter does:
// as it is, or in CDATA when it holds markup.
func cdata(s string) string {
	s = validXMLChars(s)
	if !strings.ContainsAny(s, "<>&\"'") {
		return s
	}
	return "<![CDATA[" + strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") + "]]>"
}

func (mw *moodleWriter) line(indent int, s string) {
	mw.b.WriteString(strings.Repeat("  ", indent) + s + "\n")
}

// simple writes <name>value</name>.
func (mw *moodleWriter) simple(indent int, name, value string) {
	mw.line(indent, "<"+name+">"+escapeXMLText(value)+"</"+name+">")
}

// moodleNumber writes a setting as Moodle's exporter does ("1.0000000").
func moodleNumber(x float64) string { return strconv.FormatFloat(x, 'f', 7, 64) }

// moodleFraction writes an answer's grade in percent ("33.33333").
func moodleFraction(w float64) string { return strconv.FormatFloat(w, 'f', -1, 64) }

func (mw *moodleWriter) category(path, info string) {
	mw.b.WriteString("<!-- question: 0  -->\n")
	mw.line(1, `<question type="category">`)
	mw.line(2, "<category>")
	mw.line(3, "<text>"+cdata("$course$/"+path)+"</text>")
	mw.line(2, "</category>")
	mw.line(2, `<info format="moodle_auto_format">`)
	mw.line(3, "<text>"+cdata(info)+"</text>")
	mw.line(2, "</info>")
	mw.line(2, "<idnumber></idnumber>")
	mw.line(1, "</question>")
	mw.b.WriteString("\n")
}

// container writes a text element (<questiontext>, <feedback>…): its
// format, its text with images turned into @@PLUGINFILE@@ references, and
// the images as <file>s.
func (mw *moodleWriter) container(indent int, name string, format Format, text string) error {
	return mw.richElement(indent, name, format, text, nil)
}

// richElement writes an element holding a text in a format, with its
// images, then what inner writes.
func (mw *moodleWriter) richElement(indent int, name string, format Format, text string, inner func()) error {
	text, files, err := mw.files(text)
	if err != nil {
		return err
	}
	mw.line(indent, "<"+name+` format="`+moodleFormats[format]+`">`)
	mw.line(indent+1, "<text>"+cdata(text)+"</text>")
	mw.fileLines(indent+1, files)
	if inner != nil {
		inner()
	}
	mw.line(indent, "</"+name+">")
	return nil
}

// fileLines writes images as base64 <file> elements.
func (mw *moodleWriter) fileLines(indent int, files []Media) {
	for _, f := range files {
		mw.line(indent, `<file name="`+escapeXMLAttr(f.Name)+`" path="/" encoding="base64">`+base64.StdEncoding.EncodeToString(f.Data)+"</file>")
	}
}

// files turns the images a text shows into @@PLUGINFILE@@ references and
// returns the images to embed beside it.
func (mw *moodleWriter) files(text string) (string, []Media, error) {
	var files []Media
	for _, h := range MediaRefs(text) {
		m, ok := mw.media[h]
		if !ok {
			return "", nil, fmt.Errorf("its text shows image %s, which the set does not carry", h)
		}
		name, ok := mw.names[h]
		if !ok {
			name = mw.fileName(m)
			mw.names[h] = name
		}
		m.Name = name
		files = append(files, m)
		text = strings.ReplaceAll(text, MediaPath(h), "@@PLUGINFILE@@/"+url.PathEscape(name))
	}
	return text, files, nil
}

// fileName names an image within a question: its own name, made unique.
func (mw *moodleWriter) fileName(m Media) string {
	name := strings.NewReplacer("/", "_", `\`, "_").Replace(strings.TrimSpace(m.Name))
	if name == "" || name == "." || name == ".." {
		name = m.Hash[:16] + mediaExt(m.Type)
	}
	for _, used := range mw.names {
		if used == name {
			return m.Hash[:8] + "-" + name
		}
	}
	return name
}

// mediaExt is the usual file extension of an image type.
func mediaExt(typ string) string {
	switch typ {
	case "image/png":
		return ".png"
	case "image/jpeg":
		return ".jpg"
	case "image/gif":
		return ".gif"
	case "image/webp":
		return ".webp"
	case "image/svg+xml":
		return ".svg"
	}
	return path.Ext(typ)
}

// moodleTypes are the Moodle question types factdrill's kinds are
// written as.
var moodleTypes = map[Kind]string{
	MultipleChoice: "multichoice", TrueFalse: "truefalse", ShortAnswer: "shortanswer", Cloze: "shortanswer",
	Numerical: "numerical", Matching: "matching", Essay: "essay", Description: "description",
}

func (mw *moodleWriter) question(n int, q Question) error {
	typ, ok := moodleTypes[q.Kind]
	if !ok {
		return fmt.Errorf("unknown kind %q", q.Kind)
	}
	mw.names = map[string]string{}
	start := mw.b.Len()
	err := mw.writeQuestion(n, typ, q)
	if err != nil {
		s := mw.b.String()[:start]
		mw.b.Reset()
		mw.b.WriteString(s)
	}
	return err
}

func (mw *moodleWriter) writeQuestion(n int, typ string, q Question) error {
	f := q.Format
	var errs []error
	text := func(indent int, name, s string) { errs = append(errs, mw.container(indent, name, f, s)) }

	mw.b.WriteString(fmt.Sprintf("<!-- question: %d  -->\n", n))
	mw.line(1, `<question type="`+typ+`">`)
	mw.line(2, "<name>")
	mw.line(3, "<text>"+cdata(strings.Join(strings.Fields(q.Title), " "))+"</text>")
	mw.line(2, "</name>")
	text(2, "questiontext", q.Stem)
	text(2, "generalfeedback", q.Feedback)
	mark := q.Mark
	if mark == 0 && q.Kind != Description {
		mark = 1
	}
	mw.simple(2, "defaultgrade", moodleNumber(mark))
	if q.Penalty != nil {
		mw.simple(2, "penalty", moodleNumber(*q.Penalty/100)) // else Moodle's default
	}
	mw.simple(2, "hidden", "0")
	mw.simple(2, "idnumber", q.ID)

	// answer writes an answer: rich (a choice, in the question's format,
	// with its images) or plain (a short answer, a number, true or false).
	answer := func(fraction float64, rich bool, t, feedback string, extra func()) {
		format := Moodle
		if rich {
			format = f
		}
		mw.line(2, `<answer fraction="`+moodleFraction(fraction)+`" format="`+moodleFormats[format]+`">`)
		var files []Media
		if rich {
			var err error
			t, files, err = mw.files(t)
			errs = append(errs, err)
		}
		mw.line(3, "<text>"+cdata(t)+"</text>")
		mw.fileLines(3, files)
		text(3, "feedback", feedback)
		if extra != nil {
			extra()
		}
		mw.line(2, "</answer>")
	}
	combined := func() {
		text(2, "correctfeedback", q.CorrectFeedback)
		text(2, "partiallycorrectfeedback", q.PartialFeedback)
		text(2, "incorrectfeedback", q.IncorrectFeedback)
	}
	yesNo := map[bool]string{true: "true", false: "false"}

	switch q.Kind {
	case MultipleChoice:
		mw.simple(2, "single", yesNo[!q.Multiple])
		mw.simple(2, "shuffleanswers", yesNo[!q.KeepOrder])
		numbering := q.Numbering
		if numbering == "" {
			numbering = "abc"
		}
		mw.simple(2, "answernumbering", numbering)
		combined()
		for _, c := range q.Choices {
			answer(c.Weight, true, c.Text, c.Feedback, nil)
		}
	case TrueFalse:
		right := map[bool]float64{true: 100, false: 0}
		answer(right[q.Truth], false, "true", q.TrueFeedback, nil)
		answer(right[!q.Truth], false, "false", q.FalseFeedback, nil)
	case ShortAnswer, Cloze:
		mw.simple(2, "usecase", map[bool]string{true: "1", false: "0"}[q.CaseSensitive])
		for _, a := range q.Answers {
			answer(a.Weight, false, a.Text, a.Feedback, nil)
		}
	case Numerical:
		for _, num := range q.Numbers {
			value, tolerance := "*", "0"
			if !num.Any {
				value = strconv.FormatFloat(num.Value, 'f', -1, 64)
				tolerance = strconv.FormatFloat(num.Tolerance, 'f', -1, 64)
			}
			answer(num.Weight, false, value, num.Feedback, func() { mw.simple(3, "tolerance", tolerance) })
		}
		mw.units(q)
	case Matching:
		mw.simple(2, "shuffleanswers", yesNo[!q.KeepOrder])
		combined()
		for _, p := range q.Pairs {
			errs = append(errs, mw.richElement(2, "subquestion", f, p.Prompt, func() {
				mw.line(3, "<answer>")
				mw.line(4, "<text>"+cdata(p.Answer)+"</text>")
				mw.line(3, "</answer>")
			}))
		}
	case Essay:
		mw.simple(2, "responseformat", "editor")
		mw.simple(2, "responserequired", "1")
		mw.simple(2, "responsefieldlines", "15")
		mw.simple(2, "minwordlimit", wordLimit(q.MinWords))
		mw.simple(2, "maxwordlimit", wordLimit(q.MaxWords))
		mw.simple(2, "attachments", "0")
		mw.simple(2, "attachmentsrequired", "0")
		mw.simple(2, "maxbytes", "0")
		mw.simple(2, "filetypeslist", "")
		text(2, "graderinfo", q.GraderInfo)
		text(2, "responsetemplate", q.ResponseTemplate)
	}
	for _, h := range q.Hints {
		errs = append(errs, mw.richElement(2, "hint", f, h.Text, func() {
			if h.ShowNumCorrect {
				mw.line(3, "<shownumcorrect/>")
			}
			if h.ClearWrong {
				mw.line(3, "<clearwrong/>")
			}
		}))
	}
	if len(q.Tags) > 0 {
		mw.line(2, "<tags>")
		for _, t := range q.Tags {
			mw.line(3, "<tag><text>"+cdata(t)+"</text>")
			mw.line(3, "</tag>")
		}
		mw.line(2, "</tags>")
	}
	mw.line(1, "</question>")
	mw.b.WriteString("\n")
	return errors.Join(errs...)
}

func wordLimit(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// units writes a numerical question's units: none, optional (no penalty)
// or graded (a penalty for a missing or wrong unit).
func (mw *moodleWriter) units(q Question) {
	if len(q.Units) == 0 {
		return
	}
	mw.line(2, "<units>")
	for _, u := range q.Units {
		mw.line(3, "<unit>")
		mw.simple(4, "multiplier", strconv.FormatFloat(u.Multiplier, 'f', -1, 64))
		mw.simple(4, "unit_name", u.Name)
		mw.line(3, "</unit>")
	}
	mw.line(2, "</units>")
	grading, penalty := "0", 0.1
	if q.UnitPenalty > 0 {
		grading, penalty = "1", q.UnitPenalty/100
	}
	mw.simple(2, "unitgradingtype", grading)
	mw.simple(2, "unitpenalty", moodleNumber(penalty))
	mw.simple(2, "showunits", "0")
	mw.simple(2, "unitsleft", map[bool]string{true: "1", false: "0"}[q.UnitsLeft])
}
