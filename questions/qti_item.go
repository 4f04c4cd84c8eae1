package questions

import (
	"encoding/base64"
	"fmt"
	"html"
	"math"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// qtiItem reads one QTI <item> into factdrill's questions.
type qtiItem struct {
	r     *qtiReader
	file  string // the document in the package, "" for a bare file
	label string // the document in messages
	n     *xmlNode
	group *qtiGroup

	meta      map[string]string
	html      bool // some text of the item is HTML: the question is HTML
	responses []*xmlNode
	conds     []*xmlNode          // respconditions, in order
	feedback  map[string]*xmlNode // itemfeedback by ident
	maxScore  float64             // the outcome's maxvalue, 0 when not given
	media     map[string]string   // image reference → media path, "" when left out
	notKept   []string
}

// qtiResponses are the elements that take an answer.
var qtiResponses = setOf("response_lid", "response_str", "response_num", "response_xy", "response_grp")

// The idents Canvas gives its item-wide feedback.
const (
	qtiGeneralFeedback   = "general_fb"
	qtiCorrectFeedback   = "correct_fb"
	qtiIncorrectFeedback = "general_incorrect_fb"
	qtiPartialFeedback   = "partial_fb" // factdrill's own; Canvas has none
)

func (r *qtiReader) readItem(file string, n *xmlNode, g *qtiGroup) {
	it := &qtiItem{r: r, file: file, label: r.label(file), n: n, group: g, meta: qtiMetadata(n),
		feedback: map[string]*xmlNode{}, media: map[string]string{}}
	it.html = qtiHasHTML(n)
	var walk func(*xmlNode)
	walk = func(x *xmlNode) {
		for _, k := range x.elems() {
			if qtiResponses[k.Name.Local] {
				it.responses = append(it.responses, k)
				continue
			}
			walk(k)
		}
	}
	walk(n.child("presentation"))
	for _, rp := range n.children("resprocessing") {
		if mv, ok := parseMoodleNumber(rp.child("outcomes").child("decvar").attr("maxvalue")); ok && mv > 0 {
			it.maxScore = mv
		}
		it.conds = append(it.conds, rp.children("respcondition")...)
	}
	for _, fb := range n.children("itemfeedback") {
		it.feedback[fb.attr("ident")] = fb
	}
	qs := it.questions()
	if len(it.notKept) > 0 {
		it.warn("not kept: %s", strings.Join(it.notKept, ", "))
	}
	for _, q := range qs {
		if err := q.Validate(); err != nil {
			msgs := []error{err}
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				msgs = j.Unwrap()
			}
			for _, e := range msgs {
				r.errorAt(it.label, n.Line, "%s: %s", it.name(), e)
			}
			continue
		}
		g.questions = append(g.questions, q)
	}
}

func (it *qtiItem) name() string {
	if t := strings.TrimSpace(it.n.attr("title")); t != "" {
		return fmt.Sprintf("item %q", t)
	}
	return fmt.Sprintf("item %q", it.n.attr("ident"))
}

func (it *qtiItem) warn(format string, args ...any) {
	it.r.warnAt(it.label, it.n.Line, "%s: %s", it.name(), fmt.Sprintf(format, args...))
}

// qtiHasHTML reports whether any text of an item is HTML.
func qtiHasHTML(n *xmlNode) bool {
	if n.Name.Local == "mattext" || n.Name.Local == "matemtext" {
		return strings.Contains(strings.ToLower(n.attr("texttype")), "html") || len(n.elems()) > 0
	}
	if n.Name.Local == "matimage" {
		return true
	}
	for _, k := range n.elems() {
		if qtiHasHTML(k) {
			return true
		}
	}
	return false
}

// text returns the text of the materials inside n (not those of its
// responses), in the question's format.
func (it *qtiItem) text(n *xmlNode) string {
	var parts []string
	var walk func(*xmlNode)
	walk = func(x *xmlNode) {
		for _, k := range x.elems() {
			switch {
			case qtiResponses[k.Name.Local]:
			case k.Name.Local == "material":
				if s := it.material(k); s != "" {
					parts = append(parts, s)
				}
			default:
				walk(k)
			}
		}
	}
	if n != nil && n.Name.Local == "material" {
		return it.material(n)
	}
	if n != nil {
		walk(n)
	}
	sep := "\n"
	if it.html {
		sep = "\n<br>\n"
	}
	return strings.Join(parts, sep)
}

// material converts one <material>.
func (it *qtiItem) material(m *xmlNode) string {
	var b strings.Builder
	for _, k := range m.elems() {
		switch k.Name.Local {
		case "mattext", "matemtext":
			isHTML := strings.Contains(strings.ToLower(k.attr("texttype")), "html") || len(k.elems()) > 0
			s := strings.TrimSpace(qtiMarkup(k))
			if !isHTML {
				s = strings.TrimSpace(k.text())
				if it.html {
					s = strings.ReplaceAll(html.EscapeString(s), "\n", "<br>\n")
				}
			}
			if it.html {
				s = strings.TrimSpace(it.images(s, k.Line))
			}
			b.WriteString(s)
		case "matimage":
			b.WriteString(it.images(`<img src="`+escapeXMLAttr(k.attr("uri"))+`" alt="`+escapeXMLAttr(k.attr("label"))+`">`, k.Line))
		case "mat_extension":
			it.notKept = appendOnce(it.notKept, "a material extension (such as MathML)")
		}
	}
	return b.String()
}

func appendOnce(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// prompt returns the text of a choice list's own materials (a matching
// prompt), not of its choices.
func (it *qtiItem) prompt(lid *xmlNode) string {
	var parts []string
	for _, m := range lid.children("material") {
		if s := it.material(m); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// qtiMarkup returns the HTML of a text element: escaped HTML comes as
// text, literal markup as child elements; both come back as HTML.
func qtiMarkup(n *xmlNode) string {
	var b strings.Builder
	for _, k := range n.Kids {
		if k.Name.Local == "" {
			b.WriteString(k.Text)
		} else {
			k.writeXML(&b)
		}
	}
	return b.String()
}

var (
	qtiImgRE      = regexp.MustCompile(`(?is)<img\b[^>]*>`)
	qtiAttrRE     = regexp.MustCompile(`(?is)\s([a-z_:][-a-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')`)
	qtiFileBaseRE = regexp.MustCompile(`^(?:\$IMS[-_]CC[-_]FILE[-_]?BASE\$|%24IMS[-_]CC[-_]FILE[-_]?BASE%24)/?`)
)

// images turns the images an HTML text shows into the set's Media:
// Canvas's equation images become their TeX, files of the package and
// images written into the text become media paths, and anything else
// (an image on another site, one the package does not hold) is left out
// with a warning.
func (it *qtiItem) images(s string, line int) string {
	return qtiImgRE.ReplaceAllStringFunc(s, func(tag string) string {
		attrs := map[string]string{}
		for _, m := range qtiAttrRE.FindAllStringSubmatch(tag, -1) {
			attrs[strings.ToLower(m[1])] = html.UnescapeString(m[3] + m[4])
		}
		if tex := attrs["data-equation-content"]; tex != "" {
			return `\(` + html.EscapeString(tex) + `\)`
		}
		src := attrs["src"]
		mp := it.image(src, line)
		if mp == "" {
			return ""
		}
		out := `<img src="` + mp + `"`
		if alt, ok := attrs["alt"]; ok {
			out += ` alt="` + html.EscapeString(alt) + `"`
		}
		for _, a := range []string{"width", "height"} {
			if v := attrs[a]; v != "" && strings.Trim(v, "0123456789.%px") == "" {
				out += " " + a + `="` + v + `"`
			}
		}
		return out + ">"
	})
}

// image returns the media path of an image reference, or "" (with a
// warning) when it cannot be had.
func (it *qtiItem) image(src string, line int) string {
	if mp, ok := it.media[src]; ok {
		return mp
	}
	it.media[src] = ""
	var data []byte
	name := src
	switch {
	case strings.HasPrefix(src, "data:"):
		meta, b64, ok := strings.Cut(strings.TrimPrefix(src, "data:"), ",")
		if !ok || !strings.HasSuffix(meta, ";base64") {
			it.warn("an image written into the text is not base64 data and was left out")
			return ""
		}
		if base64.StdEncoding.DecodedLen(len(b64)) > MaxMediaBytes {
			it.r.errorAt(it.label, line, "%s: an image written into the text is more than %d MB", it.name(), MaxMediaBytes>>20)
			return ""
		}
		var err error
		if data, err = base64.StdEncoding.DecodeString(stripSpace(b64, -1)); err != nil {
			it.warn("an image written into the text is not valid base64 and was left out")
			return ""
		}
		name = "image" + mediaExt(strings.TrimSuffix(meta, ";base64"))
	case it.r.pkg == nil:
		it.warn("image %q is not in this file (a bare QTI file carries no images; import the whole package) and was left out", src)
		return ""
	default:
		full, ok := it.findFile(src)
		if !ok {
			where := "the package does not hold it"
			if u, err := url.Parse(src); err == nil && u.Host != "" {
				where = "it is on another site"
			}
			it.warn("image %q was left out: %s", src, where)
			return ""
		}
		var err error
		if data, err = it.r.pkg.readFile(full, MaxMediaBytes); err != nil {
			it.r.errorAt(it.label, line, "%s: %v", it.name(), err)
			return ""
		}
		name = path.Base(full)
	}
	md, err := it.r.media.add(name, data)
	if err != nil {
		it.warn("%s; it was left out", err)
		return ""
	}
	it.media[src] = MediaPath(md.Hash)
	return it.media[src]
}

// findFile finds the file an image reference names: Canvas's
// $IMS-CC-FILEBASE$ (the package's top, or its web_resources folder), or a
// path relative to the document.
func (it *qtiItem) findFile(src string) (string, bool) {
	if u, err := url.Parse(src); err == nil && (u.Scheme != "" || u.Host != "" || strings.HasPrefix(src, "/")) {
		return "", false
	}
	ref := qtiFileBaseRE.ReplaceAllString(src, "")
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		ref = ref[:i]
	}
	if p, err := url.PathUnescape(ref); err == nil {
		ref = p
	}
	if unsafeZipName(ref) != "" {
		return "", false
	}
	for _, cand := range []string{path.Join(path.Dir(it.file), ref), ref, path.Join("web_resources", ref)} {
		if full, ok := it.r.pkg.find(cand); ok {
			return full, true
		}
	}
	return "", false
}

// feedbackText returns the text of an itemfeedback.
func (it *qtiItem) feedbackText(ident string) string {
	fb := it.feedback[ident]
	if fb == nil {
		return ""
	}
	return it.text(fb)
}

// scoreOf returns a respcondition's score, whether it sets one, and
// whether it adds to the score rather than setting it.
func scoreOf(c *xmlNode) (score float64, ok bool) {
	for _, s := range c.children("setvar") {
		if v, good := parseMoodleNumber(s.text()); good {
			if strings.EqualFold(s.attr("action"), "Subtract") {
				v = -v
			}
			score += v
			ok = true
		}
	}
	return score, ok
}

// linked returns the itemfeedback idents a respcondition shows.
func linked(c *xmlNode) []string {
	var out []string
	for _, d := range c.children("displayfeedback") {
		if id := d.attr("linkrefid"); id != "" {
			out = append(out, id)
		}
	}
	return out
}

// equals returns the values a condition accepts for a response (all
// responses when resp is ""): its varequals not under <not>.
func equals(c *xmlNode, resp string) []string {
	var out []string
	var walk func(*xmlNode, bool)
	walk = func(n *xmlNode, neg bool) {
		for _, k := range n.elems() {
			switch k.Name.Local {
			case "not":
				walk(k, !neg)
			case "and", "or":
				walk(k, neg)
			case "varequal":
				if !neg && (resp == "" || k.attr("respident") == resp) {
					out = append(out, strings.TrimSpace(k.text()))
				}
			}
		}
	}
	walk(c.child("conditionvar"), false)
	return out
}

// isOther reports whether a condition is only <other/>.
func isOther(c *xmlNode) bool {
	cv := c.child("conditionvar")
	return len(cv.elems()) == 1 && cv.has("other")
}

// caseSensitive reports whether a condition's varequals match case.
func caseSensitive(c *xmlNode) bool {
	found := false
	var walk func(*xmlNode)
	walk = func(n *xmlNode) {
		for _, k := range n.elems() {
			if k.Name.Local == "varequal" && strings.EqualFold(k.attr("case"), "Yes") {
				found = true
			}
			walk(k)
		}
	}
	walk(c.child("conditionvar"))
	return found
}

// percent turns a score into a weight: a share of the outcome's maximum,
// or of the best score when the outcome gives none.
func (it *qtiItem) percent(score, best float64) float64 {
	norm := it.maxScore
	if norm == 0 {
		norm = best
	}
	if norm <= 0 {
		return 0
	}
	return roundWeight(score / norm * 100)
}

// common fills the fields every question of the item has.
func (it *qtiItem) common() Question {
	graded := it.meta["question_type"] != "text_only_question" && len(it.responses) > 0
	q := Question{Title: strings.Join(strings.Fields(it.n.attr("title")), " "), Format: Plain}
	if it.html {
		q.Format = HTML
	}
	if p, ok := parseMoodleNumber(it.meta["points_possible"]); ok && p != 1 {
		switch {
		case p == 0 && graded:
			it.notKept = append(it.notKept, "0 points (every graded question is worth at least one)")
		case p == 0:
		default:
			q.Mark = p
		}
	}
	q.Feedback = it.feedbackText(qtiGeneralFeedback)
	if q.Feedback == "" {
		// Without Canvas's idents, feedback shown whatever the answer is
		// general feedback.
		for _, c := range it.conds {
			if _, scored := scoreOf(c); isOther(c) && !scored {
				for _, id := range linked(c) {
					if id != qtiIncorrectFeedback && id != qtiCorrectFeedback {
						q.Feedback = it.feedbackText(id)
					}
				}
				break
			}
		}
	}
	return q
}

// keepOrder tells whether a choice list keeps its order: its shuffle
// attribute, else the quiz's setting, else QTI's default (no shuffle).
func (it *qtiItem) keepOrder(lid *xmlNode) bool {
	rc := lid.child("render_choice")
	switch strings.ToLower(rc.attr("shuffle")) {
	case "yes":
		return false
	case "no":
		return true
	}
	if it.group.keepOrder != nil {
		return *it.group.keepOrder
	}
	return true
}

// labels returns the response_labels of a choice list, in order.
func labels(lid *xmlNode) []*xmlNode {
	var out []*xmlNode
	var walk func(*xmlNode)
	walk = func(n *xmlNode) {
		for _, k := range n.elems() {
			if k.Name.Local == "response_label" {
				out = append(out, k)
			} else {
				walk(k)
			}
		}
	}
	walk(lid)
	return out
}

// questions reads the item as the questions it becomes.
func (it *qtiItem) questions() []Question {
	typ := it.meta["question_type"]
	var lids, strs, others []*xmlNode
	for _, r := range it.responses {
		switch r.Name.Local {
		case "response_lid":
			lids = append(lids, r)
		case "response_str", "response_num":
			strs = append(strs, r)
		default:
			others = append(others, r)
		}
	}
	unsupported := map[string]string{
		"calculated_question": "formula (calculated)", "file_upload_question": "file upload",
		"hot_spot_question": "hot spot", "categorization_question": "categorization",
	}
	if what, ok := unsupported[typ]; ok {
		it.warn("%s questions are not supported; the question was left out", what)
		return nil
	}
	switch {
	case typ == "text_only_question" || (typ == "" && len(it.responses) == 0):
		q := it.common()
		q.Kind = Description
		q.Stem = it.text(it.n.child("presentation"))
		return []Question{q}
	case len(others) > 0:
		it.warn("answers by %s (hot spot, drawing or grouping) are not supported; the question was left out", others[0].Name.Local)
		return nil
	case typ == "essay_question":
		return it.essay()
	case typ == "fill_in_multiple_blanks_question":
		return it.blanks(lids, strs, false)
	case typ == "multiple_dropdowns_question":
		return it.blanks(lids, nil, true)
	case typ == "matching_question":
		return it.matching(lids)
	case typ == "numerical_question":
		return it.numerical(strs)
	case typ == "short_answer_question":
		return it.shortAnswer(strs)
	case len(lids) == 1 && strings.HasPrefix(lids[0].attr("ident"), "response_") && it.stemHasBlanks(lids):
		return it.blanks(lids, nil, true)
	case len(lids) == 1 && strings.EqualFold(lids[0].attr("rcardinality"), "Ordered"):
		return it.ordering(lids[0])
	case len(lids) == 1:
		return it.choice(lids[0], typ)
	case len(lids) > 1:
		if it.stemHasBlanks(lids) {
			return it.blanks(lids, nil, true)
		}
		return it.matching(lids)
	case len(strs) > 1:
		return it.blanks(nil, strs, false)
	case len(strs) == 1:
		if it.numericResponse(strs[0]) {
			return it.numerical(strs)
		}
		for _, c := range it.conds {
			if s, ok := scoreOf(c); ok && s > 0 && len(equals(c, "")) > 0 {
				return it.shortAnswer(strs)
			}
		}
		return it.essay()
	}
	it.warn("the item has no response factdrill can ask; it was left out")
	return nil
}

// stemHasBlanks reports whether the stem names every choice list as a
// blank, [name] for a list named response_name (Canvas's dropdowns).
func (it *qtiItem) stemHasBlanks(lids []*xmlNode) bool {
	stem := it.text(it.n.child("presentation"))
	for _, l := range lids {
		if !strings.Contains(stem, "["+strings.TrimPrefix(l.attr("ident"), "response_")+"]") {
			return false
		}
	}
	return true
}

// numericResponse reports whether a typed answer is a number.
func (it *qtiItem) numericResponse(r *xmlNode) bool {
	if r.Name.Local == "response_num" {
		return true
	}
	switch strings.ToLower(r.child("render_fib").attr("fibtype")) {
	case "decimal", "integer", "scientific":
		return true
	}
	for _, c := range it.conds {
		for _, op := range []string{"vargte", "vargt", "varlte", "varlt"} {
			if qtiFind(c.child("conditionvar"), op) != nil {
				return true
			}
		}
	}
	return false
}

// qtiFind returns the first element of that name inside n.
func qtiFind(n *xmlNode, name string) *xmlNode {
	for _, k := range n.elems() {
		if k.Name.Local == name {
			return k
		}
		if f := qtiFind(k, name); f != nil {
			return f
		}
	}
	return nil
}

// choice reads a multiple choice, multiple answers or true/false item.
func (it *qtiItem) choice(lid *xmlNode, typ string) []Question {
	q := it.common()
	q.Kind = MultipleChoice
	q.Stem = it.text(it.n.child("presentation"))
	q.Multiple = typ == "multiple_answers_question" || strings.EqualFold(lid.attr("rcardinality"), "Multiple")
	q.KeepOrder = it.keepOrder(lid)
	ls := labels(lid)
	ident := lid.attr("ident")
	score := map[string]float64{}
	best := 0.0
	var rights []string // the right labels of Canvas's all-or-nothing condition
	for _, c := range it.conds {
		s, ok := scoreOf(c)
		if !ok {
			continue
		}
		vals := equals(c, ident)
		if q.Multiple && len(vals) > 1 && s > 0 {
			rights = append(rights, vals...)
			continue
		}
		for _, v := range vals {
			if old, seen := score[v]; !seen || q.Multiple {
				score[v] = old + s
			} else {
				score[v] = math.Max(old, s)
			}
			best = math.Max(best, score[v])
		}
	}
	fb := it.labelFeedback(ident)
	exact := qtiExactWeights(it.meta[qtiWeightsField])
	var total float64
	if q.Multiple && len(rights) == 0 {
		for _, s := range score {
			total += math.Max(0, s)
		}
	}
	for _, l := range ls {
		id := l.attr("ident")
		c := Choice{Text: it.text(l), Feedback: fb[id]}
		w, hasExact := exact[id]
		switch {
		case hasExact:
			c.Weight = w
		case len(rights) > 0 && slices.Contains(rights, id):
			c.Weight = roundWeight(100 / float64(len(rights)))
		case len(rights) > 0:
			c.Weight = roundWeight(-100 / float64(len(rights)))
		case q.Multiple && total > 0:
			c.Weight = roundWeight(score[id] / total * 100)
		default:
			c.Weight = it.percent(score[id], best)
		}
		if strings.TrimSpace(c.Text) == "" && c.Weight <= 0 {
			continue // Canvas keeps empty answers; they are no option
		}
		q.Choices = append(q.Choices, c)
	}
	q.CorrectFeedback = it.feedbackText(qtiCorrectFeedback)
	q.IncorrectFeedback = it.feedbackText(qtiIncorrectFeedback)
	q.PartialFeedback = it.feedbackText(qtiPartialFeedback)
	if typ == "true_false_question" && len(q.Choices) == 2 {
		return []Question{it.trueFalse(q)}
	}
	q.Stem = qtiBlank(q.Stem)
	return []Question{q}
}

// trueFalse turns Canvas's true/false (two choices, True first) into a
// TrueFalse question, its right and wrong feedback joined to each side's.
func (it *qtiItem) trueFalse(q Question) Question {
	t, f := q.Choices[0], q.Choices[1]
	if strings.EqualFold(htmlText(t.Text, q.Format), "false") {
		t, f = f, t
	}
	q.Kind, q.Truth = TrueFalse, t.Weight > f.Weight
	q.TrueFeedback, q.FalseFeedback = t.Feedback, f.Feedback
	right, wrong := &q.TrueFeedback, &q.FalseFeedback
	if !q.Truth {
		right, wrong = wrong, right
	}
	*right = joinFeedback(*right, q.CorrectFeedback, q.Format)
	*wrong = joinFeedback(*wrong, q.IncorrectFeedback, q.Format)
	q.Choices, q.KeepOrder, q.CorrectFeedback, q.IncorrectFeedback, q.PartialFeedback = nil, false, "", "", ""
	return q
}

// joinFeedback joins two feedback texts.
func joinFeedback(a, b string, f Format) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case f == HTML:
		return a + "<br>\n" + b
	}
	return a + "\n" + b
}

// labelFeedback returns each label's own feedback, from conditions that
// test that one label and show a feedback that is not item-wide.
func (it *qtiItem) labelFeedback(ident string) map[string]string {
	out := map[string]string{}
	for _, c := range it.conds {
		vals := equals(c, ident)
		if len(vals) != 1 {
			continue
		}
		for _, id := range linked(c) {
			switch id {
			case qtiGeneralFeedback, qtiCorrectFeedback, qtiIncorrectFeedback, qtiPartialFeedback:
				continue
			}
			out[vals[0]] = joinFeedback(out[vals[0]], it.feedbackText(id), Plain)
		}
	}
	return out
}

// qtiBlank makes one run of five or more underscores the Blank, as the
// Moodle reader does, so that a question written in place comes back so.
func qtiBlank(stem string) string {
	if runs := blankRunRE.FindAllStringIndex(stem, -1); len(runs) == 1 {
		return stem[:runs[0][0]] + Blank + stem[runs[0][1]:]
	}
	return stem
}

// shortAnswer reads a fill-in-the-blank (short answer) item.
func (it *qtiItem) shortAnswer(strs []*xmlNode) []Question {
	q := it.common()
	q.Kind = ShortAnswer
	q.Stem = qtiBlank(it.text(it.n.child("presentation")))
	ident := ""
	if len(strs) > 0 {
		ident = strs[0].attr("ident")
	}
	q.Answers, q.CaseSensitive = it.typedAnswers(ident)
	q.Answers = it.foldFeedback(q.Answers, q.Format)
	if q.InPlace() {
		q.Kind = Cloze
	}
	return []Question{q}
}

// typedAnswers reads the accepted answers of a typed response, with their
// weights and feedback.
func (it *qtiItem) typedAnswers(ident string) ([]Choice, bool) {
	weights := map[string]float64{}
	var order []string
	best, cased := 0.0, false
	var other []Choice // scores for any other answer
	for _, c := range it.conds {
		s, ok := scoreOf(c)
		if !ok {
			continue
		}
		if isOther(c) && s != 0 {
			fb := ""
			for _, id := range linked(c) {
				fb = joinFeedback(fb, it.feedbackText(id), Plain)
			}
			other = append(other, Choice{Text: "*", Weight: s, Feedback: fb})
		}
		for _, v := range equals(c, ident) {
			if _, seen := weights[v]; !seen {
				order = append(order, v)
			}
			weights[v] = math.Max(weights[v], s)
			best = math.Max(best, s)
		}
		cased = cased || caseSensitive(c)
	}
	fb := it.labelFeedback(ident)
	var answers []Choice
	for _, v := range order {
		if v == "" {
			continue
		}
		answers = append(answers, Choice{Text: v, Weight: it.percent(weights[v], best), Feedback: fb[v]})
	}
	for _, o := range other {
		o.Weight = it.percent(o.Weight, best)
		answers = append(answers, o)
	}
	return answers, cased
}

// foldFeedback joins Canvas's right and wrong feedback to the accepted
// answers: the right feedback to each full-mark answer, the wrong one as
// the feedback of any other answer (*).
func (it *qtiItem) foldFeedback(answers []Choice, f Format) []Choice {
	right, wrong := it.feedbackText(qtiCorrectFeedback), it.feedbackText(qtiIncorrectFeedback)
	for i := range answers {
		if answers[i].Weight >= 100 {
			answers[i].Feedback = joinFeedback(answers[i].Feedback, right, f)
		}
	}
	if wrong != "" {
		for i := range answers {
			if answers[i].Text == "*" {
				answers[i].Feedback = joinFeedback(answers[i].Feedback, wrong, f)
				return answers
			}
		}
		answers = append(answers, Choice{Text: "*", Feedback: wrong})
	}
	return answers
}

// essay reads an essay item.
func (it *qtiItem) essay() []Question {
	q := it.common()
	q.Kind = Essay
	q.Stem = it.text(it.n.child("presentation"))
	return []Question{q}
}

// numerical reads a numerical item: exact answers, ranges, margins and
// precision become values with a tolerance.
func (it *qtiItem) numerical(strs []*xmlNode) []Question {
	q := it.common()
	q.Kind = Numerical
	q.Stem = qtiBlank(it.text(it.n.child("presentation")))
	best := 0.0
	type scored struct {
		c     *xmlNode
		score float64
	}
	var list []scored
	for _, c := range it.conds {
		if s, ok := scoreOf(c); ok {
			list = append(list, scored{c, s})
			best = math.Max(best, s)
		}
	}
	right := it.feedbackText(qtiCorrectFeedback)
	for _, sc := range list {
		n := Number{Weight: it.percent(sc.score, best)}
		for _, id := range linked(sc.c) {
			if id != qtiCorrectFeedback && id != qtiGeneralFeedback && id != qtiIncorrectFeedback {
				n.Feedback = joinFeedback(n.Feedback, it.feedbackText(id), q.Format)
			}
		}
		if isOther(sc.c) {
			n.Any = true
		} else if !it.numberOf(sc.c, &n) {
			continue
		}
		if n.Weight >= 100 {
			n.Feedback = joinFeedback(n.Feedback, right, q.Format)
		}
		q.Numbers = append(q.Numbers, n)
	}
	if wrong := it.feedbackText(qtiIncorrectFeedback); wrong != "" {
		q.Numbers = append(q.Numbers, Number{Any: true, Feedback: wrong})
	}
	return []Question{q}
}

// numberOf reads the number a condition accepts.
func (it *qtiItem) numberOf(c *xmlNode, n *Number) bool {
	cv := c.child("conditionvar")
	num := func(name string) (float64, bool) {
		e := qtiFind(cv, name)
		if e == nil {
			return 0, false
		}
		return parseMoodleNumber(e.text())
	}
	lo, hasLo := num("vargte")
	if !hasLo {
		lo, hasLo = num("vargt")
	}
	hi, hasHi := num("varlte")
	if !hasHi {
		hi, hasHi = num("varlt")
	}
	v, exact := num("varequal")
	switch {
	case exact && hasLo && hasHi:
		n.Value, n.Tolerance = v, roundTolerance(math.Max(v-lo, hi-v))
	case exact:
		n.Value = v
		eq := qtiFind(cv, "varequal")
		if m, ok := parseMoodleNumber(eq.attr("margin")); ok {
			if strings.EqualFold(eq.attr("margintype"), "percent") {
				m = math.Abs(v) * m / 100
			}
			n.Tolerance = roundTolerance(math.Abs(m))
		}
	case hasLo && hasHi:
		n.Value, n.Tolerance = roundTolerance((lo+hi)/2), roundTolerance((hi-lo)/2)
	default:
		it.notKept = appendOnce(it.notKept, "an answer that is not a number or a range")
		return false
	}
	return true
}

// roundTolerance drops the float noise of a subtraction (42.005 - 42).
func roundTolerance(x float64) float64 { return math.Round(x*1e9) / 1e9 }

// matching reads a matching item: a choice list a prompt.
func (it *qtiItem) matching(lids []*xmlNode) []Question {
	q := it.common()
	q.Kind = Matching
	q.Stem = it.text(it.n.child("presentation"))
	q.KeepOrder = it.keepOrder(lids[0])
	used := map[string]bool{}
	answerText := map[string]string{}
	var answerOrder []string
	for _, lid := range lids {
		for _, l := range labels(lid) {
			id := l.attr("ident")
			if _, ok := answerText[id]; !ok {
				answerText[id] = htmlText(it.text(l), q.Format)
				answerOrder = append(answerOrder, id)
			}
		}
	}
	feedback := false
	for _, lid := range lids {
		ident := lid.attr("ident")
		right := ""
		for _, c := range it.conds {
			if s, ok := scoreOf(c); ok && s > 0 {
				if v := equals(c, ident); len(v) > 0 {
					right = v[0]
					break
				}
			}
		}
		for _, c := range it.conds {
			if strings.Contains(strings.Join(linked(c), " "), strings.TrimPrefix(ident, "response_")+"_fb") {
				feedback = true
			}
		}
		prompt := it.prompt(lid)
		p := Pair{Prompt: prompt, Answer: answerText[right]}
		switch {
		case strings.TrimSpace(htmlText(prompt, q.Format)) == "" && !strings.Contains(prompt, "<img"):
			continue // Canvas keeps empty rows; their answer is a distractor
		case right == "":
			it.notKept = append(it.notKept, fmt.Sprintf("the prompt %q, which has no right answer", htmlText(prompt, q.Format)))
			continue
		case slices.Contains(q.Pairs, p):
			continue // the same row twice
		}
		used[p.Answer] = true
		q.Pairs = append(q.Pairs, p)
	}
	for _, id := range answerOrder {
		if t := answerText[id]; !used[t] && t != "" {
			used[t] = true
			q.Pairs = append(q.Pairs, Pair{Answer: t})
		}
	}
	if feedback {
		it.notKept = append(it.notKept, "the feedback for each wrong match")
	}
	q.CorrectFeedback = it.feedbackText(qtiCorrectFeedback)
	q.IncorrectFeedback = it.feedbackText(qtiIncorrectFeedback)
	q.PartialFeedback = it.feedbackText(qtiPartialFeedback)
	if prompts := q.Prompts(); len(prompts) == 1 {
		// One prompt to match is a choice among the answers.
		p := prompts[0]
		mc := q
		mc.Kind, mc.Pairs = MultipleChoice, nil
		mc.Stem = joinFeedback(q.Stem, p.Prompt, q.Format)
		for _, a := range q.MatchAnswers() {
			w := 0.0
			if a == p.Answer {
				w = 100
			}
			text := a
			if q.Format == HTML {
				text = html.EscapeString(a)
			}
			mc.Choices = append(mc.Choices, Choice{Text: text, Weight: w})
		}
		it.warn("a matching question with one prompt became a multiple choice among its answers")
		return []Question{mc}
	}
	return []Question{q}
}

// ordering reads an ordering item as a matching one, as Moodle's ordering
// is read: for each position, the item that goes there.
func (it *qtiItem) ordering(lid *xmlNode) []Question {
	q := it.common()
	q.Kind = Matching
	q.Stem = it.text(it.n.child("presentation"))
	text := map[string]string{}
	for _, l := range labels(lid) {
		text[l.attr("ident")] = htmlText(it.text(l), q.Format)
	}
	var order []string
	for _, c := range it.conds {
		if s, ok := scoreOf(c); ok && s > 0 {
			order = equals(c, lid.attr("ident"))
			break
		}
	}
	for k, id := range order {
		q.Pairs = append(q.Pairs, Pair{Prompt: fmt.Sprintf("Position %d", k+1), Answer: text[id]})
	}
	q.CorrectFeedback = it.feedbackText(qtiCorrectFeedback)
	it.warn("the ordering question became a matching question (the item for each position), graded by position")
	return []Question{q}
}

// blanks reads Canvas's fill in multiple blanks (typed) and multiple
// dropdowns (chosen): one question a blank, asked in place, each worth its
// share of the points.
func (it *qtiItem) blanks(lids, strs []*xmlNode, dropdown bool) []Question {
	base := it.common()
	stem := it.text(it.n.child("presentation"))
	resps := append(slices.Clone(lids), strs...)
	names := make([]string, len(resps))
	shares := make([]float64, len(resps))
	var total float64
	for i, r := range resps {
		names[i] = strings.TrimPrefix(r.attr("ident"), "response_")
		for _, c := range it.conds {
			if s, ok := scoreOf(c); ok && s > 0 && len(equals(c, r.attr("ident"))) > 0 {
				shares[i] = math.Max(shares[i], s)
			}
		}
		total += shares[i]
	}
	mark := base.Mark
	if mark == 0 {
		mark = 1
	}
	var parts []Question
	for i, r := range resps {
		q := base
		var b strings.Builder
		rest := stem
		placed := false
		for {
			open := strings.Index(rest, "[")
			if open < 0 {
				b.WriteString(rest)
				break
			}
			end := strings.Index(rest[open:], "]")
			if end < 0 {
				b.WriteString(rest)
				break
			}
			name := html.UnescapeString(rest[open+1 : open+end])
			b.WriteString(rest[:open])
			switch k := slices.Index(names, name); {
			case k == i && !placed:
				b.WriteString(Blank)
				placed = true
			case k >= 0:
				b.WriteString("…")
			default:
				b.WriteString(rest[open : open+end+1]) // brackets that are no blank
			}
			rest = rest[open+end+1:]
		}
		q.Stem = b.String()
		if !placed {
			q.Stem += " " + Blank
		}
		share := 1 / float64(len(resps))
		if total > 0 {
			share = shares[i] / total
		}
		if m := math.Round(mark*share*1e7) / 1e7; m == 1 {
			q.Mark = 0 // the default, one mark
		} else {
			q.Mark = m
		}
		if len(resps) > 1 && q.Title != "" {
			q.Title = fmt.Sprintf("%s (%d of %d)", q.Title, i+1, len(resps))
		}
		ident := r.attr("ident")
		fb := it.labelFeedback(ident)
		// New Quizzes marks blanks answered from a list (a dropdown, a
		// word bank) on their labels, and how typed ones are matched.
		chosen := dropdown
		for _, l := range labels(r) {
			switch t := l.attr("answer_type"); t {
			case "dropdown", "wordbank":
				chosen = true
			}
			switch a := l.attr("scoring_algorithm"); a {
			case "", "Equivalence", "TextEquivalence", "TextInChoices":
			default:
				it.notKept = appendOnce(it.notKept, "New Quizzes' "+a+" matching of a blank (answers are matched as written)")
			}
		}
		if r.Name.Local == "response_lid" {
			right := map[string]bool{}
			for _, c := range it.conds {
				if s, ok := scoreOf(c); ok && s > 0 {
					for _, v := range equals(c, ident) {
						right[v] = true
					}
				}
			}
			for _, l := range labels(r) {
				id := l.attr("ident")
				t := it.text(l)
				switch {
				case chosen:
					w := 0.0
					if right[id] {
						w = 100
					}
					q.Choices = append(q.Choices, Choice{Text: t, Weight: w, Feedback: fb[id]})
				default:
					// Every answer listed for a blank is accepted.
					q.Answers = append(q.Answers, Choice{Text: htmlText(t, q.Format), Weight: 100, Feedback: fb[id]})
				}
			}
		} else {
			q.Answers, q.CaseSensitive = it.typedAnswers(ident)
		}
		if chosen {
			q.Kind = MultipleChoice
			q.KeepOrder = it.keepOrder(r)
			q.CorrectFeedback = it.feedbackText(qtiCorrectFeedback)
			q.IncorrectFeedback = it.feedbackText(qtiIncorrectFeedback)
		} else {
			q.Kind = Cloze
			q.Answers = it.foldFeedback(q.Answers, q.Format)
		}
		parts = append(parts, q)
	}
	if len(parts) > 1 {
		it.warn("the question has %d blanks; factdrill asks one blank a question, so it became %d questions, each worth its share of the points", len(parts), len(parts))
	}
	return parts
}

// qtiWeightsField is factdrill's own metadata field that keeps the weights
// of a multiple-answer question, which Canvas grades by its own rule:
// "1001:50,1002:-25". Canvas ignores fields it does not know.
const qtiWeightsField = "factdrill_answer_weights"

func qtiExactWeights(s string) map[string]float64 {
	out := map[string]float64{}
	for _, part := range strings.Split(s, ",") {
		id, w, ok := strings.Cut(part, ":")
		if x, good := parseMoodleNumber(w); ok && good {
			out[strings.TrimSpace(id)] = x
		}
	}
	return out
}
