package questions

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// WriteQTI writes the set as a QTI 1.2 package that Canvas's quiz importer
// accepts, laid out as Canvas exports quizzes: imsmanifest.xml, a folder a
// quiz holding its QTI file and assessment_meta.xml, and the images the
// questions show under "Uploaded Media/", referred to as
// $IMS-CC-FILEBASE$/Uploaded%20Media/name. A set whose questions are in
// several categories is written as one quiz a category; a set in one is
// one quiz named as the set.
//
// Each kind is written as the Canvas question type ReadQTI reads back as
// the same question: multiple choice (with its weights), multiple answers
// (Canvas grades the right options all together), true/false, short
// answer (a Cloze is a short answer whose text keeps the blank as
// underscores, as a multiple choice asked in place keeps it), numerical
// (each number with its tolerance), matching, essay, and text only for a
// description. Points possible is the Mark; feedback is Canvas's general,
// right, wrong and per-answer feedback; KeepOrder is the choice list's
// shuffle attribute and the quiz's "shuffle answers".
//
// What QTI cannot hold is lost: tags, IDs, hints, penalties, option
// numbering, units, essay word limits, template and grader information,
// and the weights of a multiple-answer question, which Canvas grades by
// its own rule (ReadQTI reads each right option as an equal share, each
// wrong one as taking a share away). Canvas also ignores the feedback for
// a partly right answer, which the package carries for ReadQTI.
//
// A question whose text shows an image the set does not carry makes
// WriteQTI write nothing and return an error naming it.
func WriteQTI(w io.Writer, s Set) error {
	qw := &qtiWriter{media: map[string]Media{}, names: map[string]string{}, used: map[string]bool{}}
	for _, m := range s.Media {
		qw.media[m.Hash] = m
	}
	type quiz struct {
		title, ident string
		qs           []int
	}
	var quizzes []*quiz
	byTitle := map[string]*quiz{}
	for i, q := range s.Questions {
		t := q.Category
		if t == "" {
			t = s.Title
		}
		qz := byTitle[t]
		if qz == nil {
			qz = &quiz{title: t, ident: qtiIdent("g", t)}
			byTitle[t] = qz
			quizzes = append(quizzes, qz)
		}
		qz.qs = append(qz.qs, i)
	}
	if len(quizzes) == 1 {
		// A set in one category is one quiz, named as the set.
		quizzes[0].title = s.Title
		quizzes[0].ident = qtiIdent("g", s.Title)
	}
	var errs []error
	type file struct {
		name string
		data []byte
	}
	var files []file
	for _, qz := range quizzes {
		var qs []Question
		for _, i := range qz.qs {
			qs = append(qs, s.Questions[i])
		}
		doc, err := qw.assessment(qz.ident, qz.title, qz.qs, qs)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		desc := ""
		if qz.title == s.Title {
			desc = s.Description
		}
		files = append(files, file{qz.ident + "/" + qz.ident + ".xml", doc},
			file{qz.ident + "/assessment_meta.xml", qtiMeta(qz.ident, qz.title, desc, qs)})
	}
	if len(errs) > 0 {
		return fmt.Errorf("questions: write qti: %w", errors.Join(errs...))
	}
	var idents []string
	for _, qz := range quizzes {
		idents = append(idents, qz.ident)
	}
	files = append([]file{{"imsmanifest.xml", qtiManifest(s.Title, idents, qw.files)}}, files...)
	for _, name := range qw.files {
		files = append(files, file{name, qw.data[name]})
	}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: qtiTime})
		if err == nil {
			_, err = fw.Write(f.data)
		}
		if err != nil {
			return fmt.Errorf("questions: write qti: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("questions: write qti: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("questions: write qti: %w", err)
	}
	return nil
}

// qtiTime dates the files of a package, so that the same set gives the
// same bytes.
var qtiTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// qtiIdent makes an ident from a text, as Canvas's (a letter and 32 hex
// digits), the same for the same text.
func qtiIdent(prefix, text string) string {
	sum := sha256.Sum256([]byte(text))
	return prefix + hex.EncodeToString(sum[:16])
}

// qtiWriter carries the images of a package across its quizzes.
type qtiWriter struct {
	media map[string]Media
	names map[string]string // image hash → file in the package
	used  map[string]bool   // files in the package
	files []string          // image files, in order
	data  map[string][]byte
}

// xmlBuilder writes indented XML.
type xmlBuilder struct {
	b     strings.Builder
	depth int
}

func (x *xmlBuilder) open(name string, attrs ...string) {
	x.b.WriteString(strings.Repeat("  ", x.depth) + "<" + name + qtiAttrs(attrs) + ">\n")
	x.depth++
}

func (x *xmlBuilder) close(name string) {
	x.depth--
	x.b.WriteString(strings.Repeat("  ", x.depth) + "</" + name + ">\n")
}

func (x *xmlBuilder) leaf(name, text string, attrs ...string) {
	x.b.WriteString(strings.Repeat("  ", x.depth) + "<" + name + qtiAttrs(attrs) + ">" + escapeXMLText(text) + "</" + name + ">\n")
}

func (x *xmlBuilder) empty(name string, attrs ...string) {
	x.b.WriteString(strings.Repeat("  ", x.depth) + "<" + name + qtiAttrs(attrs) + "/>\n")
}

func qtiAttrs(kv []string) string {
	var b strings.Builder
	for i := 0; i+1 < len(kv); i += 2 {
		b.WriteString(" " + kv[i] + `="` + escapeXMLAttr(kv[i+1]) + `"`)
	}
	return b.String()
}

// field writes a qtimetadatafield.
func (x *xmlBuilder) field(label, entry string) {
	x.open("qtimetadatafield")
	x.leaf("fieldlabel", label)
	x.leaf("fieldentry", entry)
	x.close("qtimetadatafield")
}

// text turns a question's text into package form: its images as files of
// the package.
func (qw *qtiWriter) text(s string) (string, error) {
	for _, h := range MediaRefs(s) {
		m, ok := qw.media[h]
		if !ok {
			return "", fmt.Errorf("its text shows image %s, which the set does not carry", h)
		}
		name, ok := qw.names[h]
		if !ok {
			base := strings.NewReplacer("/", "_", `\`, "_").Replace(strings.TrimSpace(m.Name))
			if base == "" || base == "." || base == ".." {
				base = h[:16] + mediaExt(m.Type)
			}
			name = "Uploaded Media/" + base
			if qw.used[name] {
				name = "Uploaded Media/" + h[:8] + "-" + base
			}
			qw.used[name], qw.names[h] = true, name
			qw.files = append(qw.files, name)
			if qw.data == nil {
				qw.data = map[string][]byte{}
			}
			qw.data[name] = m.Data
		}
		s = strings.ReplaceAll(s, MediaPath(h), "$IMS-CC-FILEBASE$/"+strings.ReplaceAll(url.PathEscape(name), "%2F", "/"))
	}
	return s, nil
}

// material writes a text in the question's format.
func (qw *qtiWriter) material(x *xmlBuilder, s string, f Format) error {
	s, err := qw.text(s)
	if err != nil {
		return err
	}
	typ := "text/plain"
	if f == HTML {
		typ = "text/html"
	}
	x.open("material")
	x.leaf("mattext", s, "texttype", typ)
	x.close("material")
	return nil
}

// qtiTypes are the Canvas question types the kinds are written as.
var qtiTypes = map[Kind]string{
	MultipleChoice: "multiple_choice_question", TrueFalse: "true_false_question",
	ShortAnswer: "short_answer_question", Cloze: "short_answer_question",
	Numerical: "numerical_question", Matching: "matching_question",
	Essay: "essay_question", Description: "text_only_question",
}

// assessment writes one quiz's QTI document.
func (qw *qtiWriter) assessment(ident, title string, index []int, qs []Question) ([]byte, error) {
	x := &xmlBuilder{}
	x.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.open("questestinterop", "xmlns", "http://www.imsglobal.org/xsd/ims_qtiasiv1p2",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd")
	x.open("assessment", "ident", ident, "title", title)
	x.open("qtimetadata")
	x.field("cc_maxattempts", "1")
	x.close("qtimetadata")
	x.open("section", "ident", "root_section")
	var errs []error
	for i, q := range qs {
		if err := qw.item(x, fmt.Sprintf("%s_%d", ident, i+1), q); err != nil {
			errs = append(errs, fmt.Errorf("question %d (%s): %w", index[i]+1, q.Name(), err))
		}
	}
	x.close("section")
	x.close("assessment")
	x.close("questestinterop")
	return []byte(x.b.String()), errors.Join(errs...)
}

// qtiFeedback is an itemfeedback to write: its ident and text.
type qtiFeedback struct{ ident, text string }

// item writes one question as a Canvas item.
func (qw *qtiWriter) item(x *xmlBuilder, ident string, q Question) error {
	typ, ok := qtiTypes[q.Kind]
	if !ok {
		return fmt.Errorf("unknown kind %q", q.Kind)
	}
	if q.Kind == MultipleChoice && q.Multiple {
		typ = "multiple_answers_question"
	}
	f := q.Format
	var errs []error
	mat := func(s string) { errs = append(errs, qw.material(x, s, f)) }
	title := strings.Join(strings.Fields(q.Title), " ")
	points := q.Mark
	if points == 0 && q.Kind != Description {
		points = 1
	}
	type label struct{ id, text string }
	var labels []label
	switch q.Kind {
	case MultipleChoice:
		for i, c := range q.Choices {
			labels = append(labels, label{strconv.Itoa(1001 + i), c.Text})
		}
	case TrueFalse:
		labels = []label{{"1001", "True"}, {"1002", "False"}}
	case Matching:
		for i, a := range q.MatchAnswers() {
			labels = append(labels, label{strconv.Itoa(1001 + i), a})
		}
	}
	var ids []string
	for _, l := range labels {
		ids = append(ids, l.id)
	}

	x.open("item", "ident", ident, "title", title)
	x.open("itemmetadata")
	x.open("qtimetadata")
	x.field("question_type", typ)
	x.field("points_possible", strconv.FormatFloat(points, 'f', -1, 64))
	x.field("original_answer_ids", strings.Join(ids, ","))
	x.field("assessment_question_identifierref", ident+"_aq")
	if q.Kind == MultipleChoice && q.Multiple && !qtiCanvasWeights(q.Choices) {
		var ws []string
		for i, c := range q.Choices {
			ws = append(ws, labels[i].id+":"+strconv.FormatFloat(c.Weight, 'f', -1, 64))
		}
		x.field(qtiWeightsField, strings.Join(ws, ","))
	}
	x.close("qtimetadata")
	x.close("itemmetadata")

	x.open("presentation")
	mat(q.Stem)
	shuffle := map[bool]string{true: "No", false: "Yes"}[q.KeepOrder]
	choiceList := func(resp, card string, prompt *string, plain bool) {
		x.open("response_lid", "ident", resp, "rcardinality", card)
		if prompt != nil {
			mat(*prompt)
		}
		x.open("render_choice", "shuffle", shuffle)
		for _, l := range labels {
			x.open("response_label", "ident", l.id)
			if plain {
				errs = append(errs, qw.material(x, l.text, Plain))
			} else {
				mat(l.text)
			}
			x.close("response_label")
		}
		x.close("render_choice")
		x.close("response_lid")
	}
	typed := func(fibtype string) {
		x.open("response_str", "ident", "response1", "rcardinality", "Single")
		if fibtype != "" {
			x.open("render_fib", "fibtype", fibtype)
		} else {
			x.open("render_fib")
		}
		x.empty("response_label", "ident", "answer1", "rshuffle", "No")
		x.close("render_fib")
		x.close("response_str")
	}
	switch q.Kind {
	case MultipleChoice:
		choiceList("response1", map[bool]string{true: "Multiple", false: "Single"}[q.Multiple], nil, false)
	case TrueFalse:
		choiceList("response1", "Single", nil, true)
	case ShortAnswer, Cloze, Essay:
		typed("")
	case Numerical:
		typed("Decimal")
	case Matching:
		for i, p := range q.Prompts() {
			choiceList(fmt.Sprintf("response_%d", 2001+i), "Single", &p.Prompt, true)
		}
	}
	x.close("presentation")

	// Response processing, as Canvas writes it: general feedback, each
	// answer's feedback, the scores, then the feedback for a wrong answer.
	var fbs []qtiFeedback
	show := func(id, text string) {
		if text != "" {
			x.empty("displayfeedback", "feedbacktype", "Response", "linkrefid", id)
			fbs = append(fbs, qtiFeedback{id, text})
		}
	}
	cond := func(cont string, body func()) {
		x.open("respcondition", "continue", cont)
		body()
		x.close("respcondition")
	}
	varequal := func(resp, value string, cased bool) {
		if cased {
			x.leaf("varequal", value, "respident", resp, "case", "Yes")
		} else {
			x.leaf("varequal", value, "respident", resp)
		}
	}
	setScore := func(action string, w float64) {
		x.leaf("setvar", strconv.FormatFloat(w, 'f', -1, 64), "action", action, "varname", "SCORE")
	}
	if q.Kind != Description {
		x.open("resprocessing")
		x.open("outcomes")
		x.empty("decvar", "maxvalue", "100", "minvalue", "0", "varname", "SCORE", "vartype", "Decimal")
		x.close("outcomes")
		if q.Feedback != "" {
			cond("Yes", func() {
				x.open("conditionvar")
				x.empty("other")
				x.close("conditionvar")
				show(qtiGeneralFeedback, q.Feedback)
			})
		}
		answerFeedback := func(resp, value, id, text string) {
			if text == "" {
				return
			}
			cond("Yes", func() {
				x.open("conditionvar")
				varequal(resp, value, q.CaseSensitive)
				x.close("conditionvar")
				show(id, text)
			})
		}
		switch q.Kind {
		case MultipleChoice:
			for i, c := range q.Choices {
				answerFeedback("response1", labels[i].id, labels[i].id+"_fb", c.Feedback)
			}
			if q.Multiple {
				cond("No", func() {
					x.open("conditionvar")
					x.open("and")
					for i, c := range q.Choices {
						if c.Weight > 0 {
							varequal("response1", labels[i].id, false)
						}
					}
					for i, c := range q.Choices {
						if c.Weight <= 0 {
							x.open("not")
							varequal("response1", labels[i].id, false)
							x.close("not")
						}
					}
					x.close("and")
					x.close("conditionvar")
					setScore("Set", 100)
					show(qtiCorrectFeedback, q.CorrectFeedback)
				})
			} else {
				for i, c := range q.Choices {
					if c.Weight == 0 {
						continue
					}
					cond("No", func() {
						x.open("conditionvar")
						varequal("response1", labels[i].id, false)
						x.close("conditionvar")
						setScore("Set", c.Weight)
						if c.Weight >= 100 {
							show(qtiCorrectFeedback, q.CorrectFeedback)
						}
					})
				}
			}
			qw.otherwise(x, cond, show, q.IncorrectFeedback)
		case TrueFalse:
			answerFeedback("response1", "1001", "1001_fb", q.TrueFeedback)
			answerFeedback("response1", "1002", "1002_fb", q.FalseFeedback)
			right := map[bool]string{true: "1001", false: "1002"}[q.Truth]
			cond("No", func() {
				x.open("conditionvar")
				varequal("response1", right, false)
				x.close("conditionvar")
				setScore("Set", 100)
			})
		case ShortAnswer, Cloze:
			wrong := ""
			for i, a := range q.Answers {
				if a.Text == "*" {
					continue
				}
				answerFeedback("response1", a.Text, strconv.Itoa(3001+i)+"_fb", a.Feedback)
			}
			for _, w := range qtiWeights(q.Answers) {
				cond("No", func() {
					x.open("conditionvar")
					for _, a := range q.Answers {
						if a.Weight == w && a.Text != "*" {
							varequal("response1", a.Text, q.CaseSensitive)
						}
					}
					x.close("conditionvar")
					setScore("Set", w)
				})
			}
			for _, a := range q.Answers {
				switch {
				case a.Text != "*":
				case a.Weight == 0:
					wrong = joinFeedback(wrong, a.Feedback, f)
				default:
					cond("No", func() {
						x.open("conditionvar")
						x.empty("other")
						x.close("conditionvar")
						setScore("Set", a.Weight)
						show(fmt.Sprintf("any_%v_fb", a.Weight), a.Feedback)
					})
				}
			}
			qw.otherwise(x, cond, show, wrong)
		case Numerical:
			wrong := ""
			for i, n := range q.Numbers {
				switch {
				case n.Any && n.Weight == 0:
					wrong = joinFeedback(wrong, n.Feedback, f)
				case n.Any:
					cond("No", func() {
						x.open("conditionvar")
						x.empty("other")
						x.close("conditionvar")
						setScore("Set", n.Weight)
						show(strconv.Itoa(4001+i)+"_fb", n.Feedback)
					})
				default:
					cond("No", func() {
						v := strconv.FormatFloat(n.Value, 'f', -1, 64)
						x.open("conditionvar")
						x.open("or")
						x.leaf("varequal", v, "respident", "response1")
						x.open("and")
						x.leaf("vargte", strconv.FormatFloat(n.Value-n.Tolerance, 'f', -1, 64), "respident", "response1")
						x.leaf("varlte", strconv.FormatFloat(n.Value+n.Tolerance, 'f', -1, 64), "respident", "response1")
						x.close("and")
						x.close("or")
						x.close("conditionvar")
						setScore("Set", n.Weight)
						show(strconv.Itoa(4001+i)+"_fb", n.Feedback)
					})
				}
			}
			qw.otherwise(x, cond, show, wrong)
		case Matching:
			prompts := q.Prompts()
			for i, p := range prompts {
				answer := ""
				for _, l := range labels {
					if l.text == p.Answer {
						answer = l.id
					}
				}
				cond("No", func() {
					x.open("conditionvar")
					varequal(fmt.Sprintf("response_%d", 2001+i), answer, false)
					x.close("conditionvar")
					setScore("Add", roundWeight(100/float64(len(prompts))))
				})
			}
		case Essay:
			cond("No", func() {
				x.open("conditionvar")
				x.empty("other")
				x.close("conditionvar")
			})
		}
		x.close("resprocessing")
	} else if q.Feedback != "" {
		fbs = append(fbs, qtiFeedback{qtiGeneralFeedback, q.Feedback})
	}
	if q.Kind == Matching || q.Kind == MultipleChoice {
		for _, fb := range []qtiFeedback{{qtiCorrectFeedback, q.CorrectFeedback}, {qtiIncorrectFeedback, q.IncorrectFeedback}, {qtiPartialFeedback, q.PartialFeedback}} {
			if fb.text != "" && !qtiHasFeedback(fbs, fb.ident) {
				fbs = append(fbs, fb)
			}
		}
	}
	for _, fb := range fbs {
		x.open("itemfeedback", "ident", fb.ident)
		x.open("flow_mat")
		mat(fb.text)
		x.close("flow_mat")
		x.close("itemfeedback")
	}
	x.close("item")
	return errors.Join(errs...)
}

func qtiHasFeedback(fbs []qtiFeedback, ident string) bool {
	for _, f := range fbs {
		if f.ident == ident {
			return true
		}
	}
	return false
}

// otherwise writes Canvas's feedback for a wrong answer.
func (qw *qtiWriter) otherwise(x *xmlBuilder, cond func(string, func()), show func(string, string), text string) {
	if text == "" {
		return
	}
	cond("Yes", func() {
		x.open("conditionvar")
		x.empty("other")
		x.close("conditionvar")
		show(qtiIncorrectFeedback, text)
	})
}

// qtiWeights returns the distinct non-zero weights of accepted answers,
// highest first, so that an answer earns the best weight that lists it.
func qtiWeights(answers []Choice) []float64 {
	var ws []float64
	for _, a := range answers {
		if a.Text != "*" && a.Weight != 0 && !containsFloat(ws, a.Weight) {
			ws = append(ws, a.Weight)
		}
	}
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && ws[j] > ws[j-1]; j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
	return ws
}

func containsFloat(list []float64, x float64) bool {
	for _, v := range list {
		if v == x {
			return true
		}
	}
	return false
}

// qtiMeta writes Canvas's assessment_meta.xml for a quiz.
func qtiMeta(ident, title, description string, qs []Question) []byte {
	points := 0.0
	shuffle := false
	for _, q := range qs {
		switch {
		case q.Kind == Description:
		case q.Mark == 0:
			points++
		default:
			points += q.Mark
		}
		if (q.Kind == MultipleChoice || q.Kind == Matching) && !q.KeepOrder {
			shuffle = true
		}
	}
	x := &xmlBuilder{}
	x.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.open("quiz", "identifier", ident, "xmlns", "http://canvas.instructure.com/xsd/cccv1p0",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://canvas.instructure.com/xsd/cccv1p0 http://canvas.instructure.com/xsd/cccv1p0.xsd")
	x.leaf("title", title)
	desc := ""
	if description != "" {
		desc = "<p>" + strings.ReplaceAll(escapeXMLText(description), "\n", "<br>") + "</p>"
	}
	x.leaf("description", desc)
	x.leaf("shuffle_answers", strconv.FormatBool(shuffle))
	x.leaf("scoring_policy", "keep_highest")
	x.leaf("quiz_type", "assignment")
	x.leaf("points_possible", strconv.FormatFloat(points, 'f', -1, 64))
	x.leaf("show_correct_answers", "true")
	x.leaf("allowed_attempts", "1")
	x.leaf("one_question_at_a_time", "false")
	x.leaf("cant_go_back", "false")
	x.leaf("available", "false")
	x.close("quiz")
	return []byte(x.b.String())
}

// qtiManifest writes the package's imsmanifest.xml.
func qtiManifest(title string, quizzes, images []string) []byte {
	x := &xmlBuilder{}
	x.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.open("manifest", "identifier", qtiIdent("m", title), "xmlns", "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
		"xmlns:imsmd", "http://www.imsglobal.org/xsd/imsmd_v1p2")
	x.open("metadata")
	x.leaf("schema", "IMS Content")
	x.leaf("schemaversion", "1.1.3")
	x.open("imsmd:lom")
	x.open("imsmd:general")
	x.open("imsmd:title")
	x.leaf("imsmd:string", title)
	x.close("imsmd:title")
	x.close("imsmd:general")
	x.close("imsmd:lom")
	x.close("metadata")
	x.empty("organizations")
	x.open("resources")
	for _, id := range quizzes {
		x.open("resource", "identifier", id, "type", "imsqti_xmlv1p2")
		x.empty("file", "href", id+"/"+id+".xml")
		x.empty("dependency", "identifierref", id+"_meta")
		x.close("resource")
		x.open("resource", "identifier", id+"_meta", "type", "associatedcontent/imscc_xmlv1p1/learning-application-resource", "href", id+"/assessment_meta.xml")
		x.empty("file", "href", id+"/assessment_meta.xml")
		x.close("resource")
	}
	for _, f := range images {
		x.open("resource", "identifier", qtiIdent("f", f), "type", "webcontent", "href", f)
		x.empty("file", "href", f)
		x.close("resource")
	}
	x.close("resources")
	x.close("manifest")
	return []byte(x.b.String())
}

// qtiCanvasWeights reports whether a multiple-answer question's weights
// are those ReadQTI gives Canvas's: each right option an equal share of
// 100%, each wrong one that share taken away.
func qtiCanvasWeights(choices []Choice) bool {
	right := 0
	for _, c := range choices {
		if c.Weight > 0 {
			right++
		}
	}
	if right == 0 {
		return false
	}
	share := roundWeight(100 / float64(right))
	for _, c := range choices {
		if (c.Weight > 0 && c.Weight != share) || (c.Weight <= 0 && c.Weight != -share) {
			return false
		}
	}
	return true
}
