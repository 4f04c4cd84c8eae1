package questions

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Reading Moodle XML, the format Moodle's question bank exports: a <quiz>
// of <question type="…"> elements, categories given by <question
// type="category"> elements before the questions they hold, texts in
// <text> elements with a format attribute, and files (images) embedded as
// base64 <file> elements beside the text that refers to them as
// @@PLUGINFILE@@/name.
//
// What maps, and how:
//
//   - multichoice (single and multiple, with Moodle's fractions as weights),
//     truefalse, shortanswer (usecase as CaseSensitive), numerical (with
//     tolerances, "*" answers and units), matching, essay and description
//     become the kinds of the same names;
//   - a short answer, multiple choice or numerical whose text holds one run
//     of five or more underscores is asked in place, the run becoming the
//     Blank; a short answer so asked is a Cloze;
//   - cloze (multianswer) questions become one question a gap, each asked
//     in place with the other gaps shown as "…": a SHORTANSWER gap a Cloze,
//     a MULTICHOICE gap a multiple choice, MULTIRESPONSE a multiple-answer
//     one, NUMERICAL a numerical. Each part is worth the gap's weight, so the
//     parts together are worth what the question was. One gap gives one
//     question with no warning; more give a warning saying so;
//   - gapselect and ddwtos (select or drag the missing words) are split the
//     same way: each gap is a multiple choice of the choices of its group,
//     worth its share of the question's mark;
//   - ordering becomes a matching question: for each position, the item
//     that goes there, which grades as Moodle's "absolute position" does;
//   - categories: each question's Category is its category path without
//     Moodle's context prefix ($course$/top/…). A file with one category
//     takes its last name as the set's title (unless it is Moodle's
//     "Default for …") and its description as the set's; otherwise the set
//     is named after the file. Importers may split a set by Category.
//   - images embedded as <file> (and Moodle 1.9's <image_base64>) become the
//     set's Media, and their @@PLUGINFILE@@ references point to them;
//   - options: shuffleanswers (KeepOrder), single, answernumbering,
//     penalty, defaultgrade (Mark), idnumber (ID), tags, general, per-answer
//     and combined feedback, hints, essay word limits, response template
//     and grader information.
//
// What does not map is left out and reported in Set.Warnings, one line a
// thing at its line: question types factdrill does not have (calculated,
// drag and drop onto an image or with markers, random…), files that are not
// images (audio, video, documents), essay attachments and response formats,
// settings of the question with no equivalent. Display settings factdrill
// lays out itself are read quietly: showstandardinstruction,
// shownumcorrect, showgrading, layouttype, numberingstyle,
// responsefieldlines, and a repeated element (Moodle reads the first).
//
// Errors refuse the file, as Moodle's importer does: XML that is not well
// formed, a grade that is not one of Moodle's (Moodle's default "error if
// grade not listed"), a cloze without valid gaps, and any question that
// fails Validate.

// MaxPackageSize is the largest file that may carry images: a Moodle XML
// file (images in base64) or a QTI package.
const MaxPackageSize = 64 << 20

// ReadMoodleXML reads a Moodle XML file; name is used in messages and for
// the set's title. See Read for what is returned, and the notes above for
// what maps and what is reported in Set.Warnings.
func ReadMoodleXML(name string, r io.Reader) (Set, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxPackageSize+1))
	if err != nil {
		return Set{}, fmt.Errorf("questions: read %s: %w", name, err)
	}
	return readMoodleXML(name, data)
}

// moodleGrades are the fractions, in percent, Moodle accepts for an
// answer (question_bank::fraction_options_full), positive ones; their
// negatives and 0 are accepted too.
var moodleGrades = []float64{100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333,
	30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0}

// moodleGrade reports whether w is one of Moodle's grades, within its
// tolerance (0.00001 as a fraction).
func moodleGrade(w float64) bool {
	for _, g := range moodleGrades {
		if math.Abs(math.Abs(w)-g) < 0.001 {
			return true
		}
	}
	return false
}

func moodleGradeList() string {
	s := make([]string, 0, len(moodleGrades))
	for _, g := range moodleGrades[:len(moodleGrades)-1] {
		s = append(s, fmtWeight(g)+"%")
	}
	return strings.Join(s, ", ")
}

// moodleReader collects what a Moodle XML file holds.
type moodleReader struct {
	name  string
	errs  ErrorList
	warns ErrorList
	qs    []Question
	media mediaSet

	category   string           // the current category path
	categories []moodleCategory // in the order met
}

// moodleCategory is a category as the file describes it.
type moodleCategory struct {
	path, info string
	line       int
}

func (r *moodleReader) errorAt(line int, format string, args ...any) {
	if len(r.errs) <= maxErrors {
		r.errs = append(r.errs, FileError{File: r.name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
}

func (r *moodleReader) warnAt(line int, format string, args ...any) {
	r.warns = append(r.warns, FileError{File: r.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func readMoodleXML(name string, data []byte) (Set, error) {
	if len(data) > MaxPackageSize {
		return Set{}, ErrorList{{File: name, Msg: fmt.Sprintf("the file is %d bytes; the limit is %d bytes (%d MiB)", len(data), MaxPackageSize, MaxPackageSize>>20)}}
	}
	root, err := parseXML(name, data)
	if err != nil {
		return Set{}, err
	}
	r := &moodleReader{name: name, media: newMediaSet()}
	switch root.Name.Local {
	case "quiz":
		for _, n := range root.elems() {
			if len(r.errs) > maxErrors {
				break
			}
			if n.Name.Local != "question" {
				r.warnAt(n.Line, "<%s> is not a Moodle question and was left out", n.Name.Local)
				continue
			}
			r.question(n)
		}
	case "question":
		// Moodle's own tests give single questions without <quiz>.
		r.question(root)
	default:
		return Set{}, ErrorList{{File: name, Line: root.Line, Msg: fmt.Sprintf("this is not a Moodle XML file: its root element is <%s>, not <quiz>", root.Name.Local)}}
	}
	return r.result()
}

// result turns what was read into Read's return values.
func (r *moodleReader) result() (Set, error) {
	if errs := refusal(r.name, r.errs, r.warns, len(r.qs)); errs != nil {
		return Set{}, errs
	}
	set := Set{Title: titleFromName(r.name), Origin: "imported from " + baseName(r.name), Questions: r.qs, Media: r.media.list}
	// The set is the category all the questions are in: its name is the
	// title (unless it is Moodle's "Default for …"), its description the
	// set's. Questions directly in a category named as the set have no
	// category of their own; the writer puts them back there.
	var paths []string
	for _, q := range r.qs {
		paths = append(paths, q.Category)
	}
	home := commonCategory(paths)
	if t := lastCategoryName(home); t != "" && !strings.HasPrefix(t, "Default for ") {
		set.Title = t
	}
	for i := range set.Questions {
		if set.Questions[i].Category == escapeCategory(set.Title) {
			set.Questions[i].Category = ""
		}
	}
	for _, c := range r.categories {
		switch {
		case c.path == home && home != "":
			set.Description = c.info
		case c.info != "":
			r.warnAt(c.line, "the description of category %q is not kept", c.path)
		}
	}
	sortFileErrors(r.warns)
	set.Warnings = r.warns
	return set, nil
}

// refusal returns the errors that refuse a file, or nil: the errors
// found, or, when there are none but no question could be read either,
// the warnings that say why; too many questions is an error too.
func refusal(name string, errs, warns ErrorList, questions int) ErrorList {
	if questions > MaxQuestions {
		errs = append(errs, FileError{File: name, Msg: fmt.Sprintf("the file has %d questions; the limit is %d", questions, MaxQuestions)})
	}
	if len(errs) == 0 && questions == 0 {
		errs = append(slices.Clone(warns), FileError{File: name, Msg: "no question could be imported"})
	}
	if len(errs) == 0 {
		return nil
	}
	if len(errs) > maxErrors {
		errs = append(errs[:maxErrors], FileError{File: name, Msg: fmt.Sprintf("too many problems; stopped after %d", maxErrors)})
	}
	sortFileErrors(errs)
	return errs
}

// sortFileErrors orders problems by file (the files of a package), then
// line.
func sortFileErrors(l ErrorList) {
	slices.SortStableFunc(l, func(a, b FileError) int {
		if a.File != b.File {
			return strings.Compare(a.File, b.File)
		}
		return a.Line - b.Line
	})
}

// question reads one <question> element.
func (r *moodleReader) question(n *xmlNode) {
	typ := strings.TrimSpace(n.attr("type"))
	if typ == "category" {
		r.readCategory(n)
		return
	}
	q := newMoodleQuestion(r, n)
	var parts func() []Question
	switch typ {
	case "multichoice":
		parts = q.multichoice()
	case "truefalse":
		parts = q.truefalse()
	case "shortanswer":
		parts = q.shortanswer()
	case "numerical":
		parts = q.numerical()
	case "matching", "match":
		parts = q.matching()
	case "essay":
		parts = q.essay()
	case "description":
		parts = q.description()
	case "cloze", "multianswer":
		parts = q.cloze()
	case "gapselect", "ddwtos":
		parts = q.gaps(typ)
	case "ordering":
		parts = q.ordering()
	case "":
		r.errorAt(n.Line, "this <question> has no type attribute; expected type=\"multichoice\", \"truefalse\" …")
		return
	default:
		r.warnAt(n.Line, "%s: %s questions are not supported; the question was left out", q.label(), moodleTypeName(typ))
		return
	}
	if q.failed {
		return
	}
	q.finish(parts)
}

// moodleTypeName says a question type factdrill does not have in words.
func moodleTypeName(typ string) string {
	names := map[string]string{
		"calculated":       "calculated (calculated)",
		"calculatedsimple": "simple calculated (calculatedsimple)",
		"calculatedmulti":  "calculated multichoice (calculatedmulti)",
		"ddimageortext":    "drag and drop onto image (ddimageortext)",
		"ddmarker":         "drag and drop markers (ddmarker)",
		"randomsamatch":    "random short-answer matching (randomsamatch)",
		"random":           "random (random)",
	}
	if s, ok := names[typ]; ok {
		return s
	}
	return fmt.Sprintf("%q", typ)
}

// readCategory reads a <question type="category"> element.
func (r *moodleReader) readCategory(n *xmlNode) {
	c := n.child("category")
	raw := c.child("text").text()
	if c.child("text") == nil {
		raw = c.text() // very old files
	}
	path := categoryPath(raw)
	r.category = path
	info := strings.TrimSpace(n.child("info").child("text").text())
	if strings.TrimSpace(n.child("info").attr("format")) == "html" {
		info = htmlText(info, HTML) // a set's description is plain text
	}
	if id := strings.TrimSpace(n.child("idnumber").text()); id != "" {
		r.warnAt(n.Line, "the ID number %q of category %q is not kept", id, path)
	}
	for i := range r.categories {
		if r.categories[i].path == path {
			if info != "" {
				r.categories[i].info = info
			}
			return
		}
	}
	r.categories = append(r.categories, moodleCategory{path: path, info: info, line: n.Line})
}

// categoryPath turns a Moodle category ("$course$/top/Unit 1/Week 2") into
// factdrill's ("Unit 1/Week 2"): the context and the top category go.
// Slashes inside a name stay doubled, as Moodle writes them.
func categoryPath(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "$") {
		if i := strings.Index(s[1:], "$"); i >= 0 {
			s = strings.TrimPrefix(s[i+2:], "/")
		}
	}
	if s == "top" {
		return ""
	}
	return strings.TrimPrefix(s, "top/")
}

// escapeCategory writes a name as a category path does: "/" doubled.
func escapeCategory(name string) string { return strings.ReplaceAll(name, "/", "//") }

// commonCategory returns the deepest category that holds every path given
// (a path holds itself), or "".
func commonCategory(paths []string) string {
	var common []string
	for i, p := range paths {
		segs := categorySegments(p)
		if i == 0 {
			common = segs
			continue
		}
		n := 0
		for n < len(common) && n < len(segs) && common[n] == segs[n] {
			n++
		}
		common = common[:n]
	}
	return strings.Join(common, "/")
}

// categorySegments splits a category path at single slashes, keeping
// doubled ones inside the names.
func categorySegments(path string) []string {
	if path == "" {
		return nil
	}
	var segs []string
	start := 0
	for i := 0; i < len(path); i++ {
		if path[i] != '/' {
			continue
		}
		if i+1 < len(path) && path[i+1] == '/' {
			i++
			continue
		}
		segs = append(segs, path[start:i])
		start = i + 1
	}
	return append(segs, path[start:])
}

// lastCategoryName is the last name of a category path, undoubling its
// slashes.
func lastCategoryName(path string) string {
	segs := categorySegments(path)
	if len(segs) == 0 {
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(segs[len(segs)-1], "//", "/"))
}

// parseMoodleNumber reads a number as Moodle writes it ("1.0000000",
// "0,5").
func parseMoodleNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	x, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	return x, true
}
