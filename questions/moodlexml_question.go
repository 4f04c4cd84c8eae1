package questions

import (
	"fmt"
	"html"
	"math"
	"regexp"
	"strings"
)

// moodleQuestion reads one Moodle question: the parts every type has, the
// texts to convert once the question's format is known, and what was left
// out.
type moodleQuestion struct {
	r    *moodleReader
	n    *xmlNode
	typ  string
	q    Question // the fields common to every part
	used map[string]bool

	rich   []richField
	files  []moodleFile      // every file of the question
	media  map[string]string // file path → media path, "" when left out
	failed bool
	// notKept lists settings with no equivalent, for one warning.
	notKept []string
}

// moodleText is a text as Moodle XML holds it: its format's name and the
// files embedded beside it.
type moodleText struct {
	text   string
	format string
	files  []moodleFile
	line   int
}

// richField is a text of the question, converted to the question's format
// once every text is read, then handed to set.
type richField struct {
	t   moodleText
	set func(string)
}

// moodleQuiet are elements read quietly: display settings factdrill lays
// out itself.
var moodleQuiet = setOf("showstandardinstruction", "shownumcorrect", "showgrading", "layouttype",
	"numberingstyle", "responsefieldlines", "correctresponsesfeedback")

func newMoodleQuestion(r *moodleReader, n *xmlNode) *moodleQuestion {
	m := &moodleQuestion{r: r, n: n, typ: strings.TrimSpace(n.attr("type")), used: map[string]bool{}, media: map[string]string{}}
	m.q.Title = strings.Join(strings.Fields(m.el("name").child("text").text()), " ")
	m.q.ID = strings.TrimSpace(m.el("idnumber").text())
	m.q.Category = r.category

	qt := m.readText(m.el("questiontext"), "html")
	if img := strings.TrimSpace(m.el("image").text()); img != "" {
		// Moodle 1.9 kept one picture beside the text.
		name := strings.NewReplacer("/", "_", `\`, "_").Replace(img)
		if b64 := m.el("image_base64"); strings.TrimSpace(b64.text()) != "" {
			f := moodleFile{path: "/", name: name, b64: b64.text(), line: b64.Line}
			qt.files = append(qt.files, f)
			m.files = append(m.files, f)
			qt.text += ` <img src="@@PLUGINFILE@@/` + name + `" />`
		} else {
			m.warn(m.el("image").Line, "%s %q is a file of the Moodle course, not of this file, and was left out", fileKind(img), img)
		}
	}
	m.richText(qt, func(s string) { m.q.Stem = s }) // first: readCombined and readHints take its format
	m.richText(m.readText(m.el("generalfeedback"), qt.format), func(s string) { m.q.Feedback = s })

	if x, ok := m.number("defaultgrade"); ok {
		m.q.Mark = x
	} else if !m.has("defaultgrade") {
		m.q.Mark = 1
	}
	if p, ok := m.number("penalty"); ok {
		if math.Abs(p-0.3333333) < 0.005 {
			p = 0.3333333 // old files rounded it
		}
		pct := math.Round(p*1e7) / 1e5
		m.q.Penalty = &pct
	}
	if h := strings.TrimSpace(m.el("hidden").text()); h != "" && h != "0" {
		m.notKept = append(m.notKept, "hidden in the question bank")
	}
	for _, list := range []string{"tags", "coursetags"} {
		for _, t := range m.el(list).children("tag") {
			if s := strings.TrimSpace(t.child("text").text()); s != "" && !contains(m.q.Tags, s) {
				m.q.Tags = append(m.q.Tags, s)
			}
		}
	}
	m.readHints()
	return m
}

// label names the question in messages: its name, or the start of its
// text.
func (m *moodleQuestion) label() string {
	if m.q.Title != "" {
		return fmt.Sprintf("%q", m.q.Title)
	}
	s := strings.Join(strings.Fields(m.n.child("questiontext").child("text").text()), " ")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return fmt.Sprintf("the question %q", s)
}

func (m *moodleQuestion) warn(line int, format string, args ...any) {
	m.r.warnAt(line, "%s: %s", m.label(), fmt.Sprintf(format, args...))
}

func (m *moodleQuestion) fail(line int, format string, args ...any) {
	m.r.errorAt(line, "%s: %s", m.label(), fmt.Sprintf(format, args...))
	m.failed = true
}

// el returns the question's first child element of that name, marking it
// read.
func (m *moodleQuestion) el(name string) *xmlNode {
	m.used[name] = true
	return m.n.child(name)
}

// els returns every child element of that name, marking them read.
func (m *moodleQuestion) els(name string) []*xmlNode {
	m.used[name] = true
	return m.n.children(name)
}

func (m *moodleQuestion) has(name string) bool { return m.n.has(name) }

// flag reads a yes/no setting as Moodle does: "false", "0" and "" are no,
// anything else yes; def when the element is missing.
func (m *moodleQuestion) flag(name string, def bool) bool {
	n := m.el(name)
	if n == nil {
		return def
	}
	return moodleTrue(n.text())
}

func moodleTrue(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && s != "0" && s != "false"
}

// number reads a numeric setting; a value that is no number is an error.
func (m *moodleQuestion) number(name string) (float64, bool) {
	n := m.el(name)
	if n == nil || strings.TrimSpace(n.text()) == "" {
		return 0, false
	}
	x, ok := parseMoodleNumber(n.text())
	if !ok {
		m.fail(n.Line, "<%s> %q is not a number", name, strings.TrimSpace(n.text()))
	}
	return x, ok
}

// readText reads a text container (<questiontext>, <feedback>, an
// <answer>…): its <text>, format and files.
func (m *moodleQuestion) readText(n *xmlNode, defFormat string) moodleText {
	t := moodleText{format: defFormat, line: n.line()}
	if n == nil {
		return t
	}
	if f := strings.TrimSpace(n.attr("format")); f != "" {
		t.format = f
	}
	t.text = strings.TrimSpace(n.child("text").text())
	for _, f := range n.children("file") {
		enc := strings.TrimSpace(f.attr("encoding"))
		mf := moodleFile{path: f.attr("path"), name: strings.TrimSpace(f.attr("name")), b64: f.text(), line: f.Line}
		if mf.path == "" {
			mf.path = "/"
		}
		if enc != "" && enc != "base64" {
			m.warn(f.Line, "%s %q is in the %q encoding, not base64, and was left out", fileKind(mf.name), mf.name, enc)
			continue
		}
		t.files = append(t.files, mf)
		m.files = append(m.files, mf)
	}
	return t
}

// richText registers a text to convert once the question's format is
// known.
func (m *moodleQuestion) richText(t moodleText, set func(string)) {
	m.rich = append(m.rich, richField{t: t, set: set})
}

// readHints reads Moodle's hints, in the current form or the 2.0 one.
func (m *moodleQuestion) readHints() {
	for _, h := range m.els("hint") {
		i := len(m.q.Hints)
		m.q.Hints = append(m.q.Hints, Hint{})
		def := m.rich[0].t.format
		t := m.readText(h, def)
		if old := h.child("hintcontent"); old != nil {
			t = m.readText(old, def)
			m.q.Hints[i].ShowNumCorrect = moodleTrue(h.child("statenumberofcorrectresponses").text())
			m.q.Hints[i].ClearWrong = moodleTrue(h.child("clearincorrectresponses").text())
		} else {
			m.q.Hints[i].ShowNumCorrect = h.has("shownumcorrect")
			m.q.Hints[i].ClearWrong = h.has("clearwrong")
		}
		m.richText(t, func(s string) { m.q.Hints[i].Text = s })
	}
}

// readCombined reads the feedback for right, partly right and wrong
// answers.
func (m *moodleQuestion) readCombined(q *Question) {
	def := m.rich[0].t.format
	m.richText(m.readText(m.el("correctfeedback"), def), func(s string) { q.CorrectFeedback = s })
	m.richText(m.readText(m.el("partiallycorrectfeedback"), def), func(s string) { q.PartialFeedback = s })
	m.richText(m.readText(m.el("incorrectfeedback"), def), func(s string) { q.IncorrectFeedback = s })
}

// fraction reads an answer's grade, in percent, checking it is one of
// Moodle's.
func (m *moodleQuestion) fraction(a *xmlNode, what string) float64 {
	s, ok := a.lookupAttr("fraction")
	if f := a.child("fraction"); f != nil && !ok {
		s, ok = f.text(), true // Moodle 1.x wrote it as an element, as a fraction of 1
		if x, good := parseMoodleNumber(s); good {
			s = fmt.Sprint(x * 100)
		}
	}
	if !ok || strings.TrimSpace(s) == "" {
		return 0
	}
	w, good := parseMoodleNumber(s)
	if !good {
		m.fail(a.Line, "the grade %q of %s is not a number", s, what)
		return 0
	}
	if !moodleGrade(w) {
		m.fail(a.Line, "the grade %s%% of %s is not one of Moodle's grades (%s, 0%% and the same negative); Moodle refuses it too",
			fmtWeight(w), what, moodleGradeList())
	}
	return w
}

// answerName names an answer in messages.
func answerName(text string) string {
	if text == "" {
		return "an empty answer"
	}
	return fmt.Sprintf("answer %q", excerpt(text))
}

// finish converts the question's texts, builds its parts, checks them and
// adds them to the set.
func (m *moodleQuestion) finish(build func() []Question) {
	format := m.decideFormat()
	for _, f := range m.rich {
		f.set(m.convert(f.t, format))
	}
	m.q.Format = format
	parts := build()
	if m.failed {
		return
	}
	for name := range m.unread() {
		m.notKept = append(m.notKept, "<"+name+">")
	}
	if len(m.notKept) > 0 {
		m.warn(m.n.Line, "not kept: %s", strings.Join(m.notKept, ", "))
	}
	for i := range parts {
		p := &parts[i]
		// One mark is the model's default, 0; a question Moodle marks
		// out of nothing counts one mark too.
		if p.Kind != Description && (p.Mark == 1 || p.Mark == 0) {
			if p.Mark == 0 && i == 0 {
				m.warn(m.n.Line, "the question is worth 0 marks in Moodle; here every graded question is worth at least one")
			}
			p.Mark = 0
		}
		if err := p.Validate(); err != nil {
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				for _, e := range j.Unwrap() {
					m.r.errorAt(m.n.Line, "%s: %s", m.label(), e)
				}
			} else {
				m.r.errorAt(m.n.Line, "%s: %s", m.label(), err)
			}
			continue
		}
		m.r.qs = append(m.r.qs, *p)
	}
}

// unread returns the question's elements that nothing read.
func (m *moodleQuestion) unread() map[string]bool {
	out := map[string]bool{}
	for _, k := range m.n.elems() {
		if !m.used[k.Name.Local] && !moodleQuiet[k.Name.Local] {
			out[k.Name.Local] = true
		}
	}
	return out
}

// textFormat is the format of one Moodle text. Moodle's auto-format (and
// the old wiki format) allows HTML; a text of that format holding markup is
// taken as HTML.
func textFormat(t moodleText) Format {
	switch t.format {
	case "html":
		return HTML
	case "plain_text":
		return Plain
	case "markdown":
		return Markdown
	case "moodle_auto_format", "wiki_like", "":
		if looksHTML(t.text) {
			return HTML
		}
		return Moodle
	}
	return HTML // Moodle assumes HTML for a format it does not know
}

// decideFormat picks the question's format: HTML if any text is HTML,
// otherwise the question text's.
func (m *moodleQuestion) decideFormat() Format {
	format := Moodle
	for i, f := range m.rich {
		if f.t.text == "" && i > 0 {
			continue
		}
		ff := textFormat(f.t)
		if ff == HTML {
			return HTML
		}
		if i == 0 {
			format = ff
		}
	}
	return format
}

// convert resolves a text's files and writes it in the question's format.
func (m *moodleQuestion) convert(t moodleText, format Format) string {
	s := t.text
	if strings.Contains(s, "@@PLUGINFILE@@") {
		s = pluginFileRE.ReplaceAllStringFunc(s, func(ref string) string {
			if mp := m.fileMedia(pluginPath(strings.TrimPrefix(ref, "@@PLUGINFILE@@")), t); mp != "" {
				return mp
			}
			return ref
		})
		s = strings.TrimSpace(dropPluginRefs(s))
	}
	if format == HTML && textFormat(moodleText{text: s, format: t.format}) != HTML {
		s = strings.ReplaceAll(html.EscapeString(s), "\n", "<br>\n")
	}
	return s
}

// fileMedia returns the media path of the embedded file at path, adding
// the image to the set, or "" when the file is left out (with a warning).
func (m *moodleQuestion) fileMedia(path string, t moodleText) string {
	if mp, ok := m.media[path]; ok {
		return mp
	}
	m.media[path] = ""
	var file *moodleFile
	for _, list := range [][]moodleFile{t.files, m.files} {
		for i := range list {
			if list[i].full() == path {
				file = &list[i]
				break
			}
		}
		if file != nil {
			break
		}
	}
	name := strings.TrimPrefix(path, "/")
	if file == nil {
		m.warn(t.line, "%s %q is referred to but not in the file, and was left out", fileKind(name), name)
		return ""
	}
	if SniffImage(file.head()) == "" && !strings.HasSuffix(strings.ToLower(file.name), ".svg") {
		m.warn(file.line, "%s", notAnImage(file.name))
		return ""
	}
	data, err := file.decode(MaxMediaBytes)
	if err != nil {
		m.fail(file.line, "%s", err)
		return ""
	}
	md, err := m.r.media.add(file.name, data)
	if err != nil {
		m.warn(file.line, "%s; it was left out", err)
		return ""
	}
	m.media[path] = MediaPath(md.Hash)
	return m.media[path]
}

// blankRunRE finds runs of underscores long enough to be read as the
// place of the answer.
var blankRunRE = regexp.MustCompile(`_{5,}`)

// placeBlank makes one run of five or more underscores in a stem the Blank,
// so that the question is asked in place. Several runs are shortened to
// four underscores instead (with a warning), as a question has one blank.
func (m *moodleQuestion) placeBlank(stem string) string {
	runs := blankRunRE.FindAllStringIndex(stem, -1)
	switch {
	case len(runs) == 1:
		return stem[:runs[0][0]] + Blank + stem[runs[0][1]:]
	case len(runs) > 1:
		m.warn(m.n.Line, "the text has %d runs of underscores; they were shortened to ____, as a question has one blank", len(runs))
		return blankRunRE.ReplaceAllString(stem, "____")
	}
	return stem
}
