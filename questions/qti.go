package questions

import (
	"fmt"
	"io"
	"path"
	"strings"
)

// Reading IMS QTI 1.2, as Canvas exports a quiz ("Export quiz as QTI") or
// a course (a Common Cartridge, .imscc): a zip with an imsmanifest.xml, a
// folder per quiz holding its <questestinterop> and Canvas's
// assessment_meta.xml, question banks as <objectbank>s, and images as
// files of the zip. A bare <questestinterop> XML file is read too, without
// images.
//
// What maps, and how:
//
//   - Canvas's question types (the question_type of each item's metadata):
//     multiple choice, true/false, multiple answers (the right options
//     share 100%, each wrong one takes one right option's worth away, as
//     Canvas's partial credit does), short answer (fill in the blank),
//     numerical (exact answers, ranges, margins, precision), matching
//     (answers that match no prompt are distractors), essay, and text only
//     (a description);
//   - fill in multiple blanks and multiple dropdowns are split one blank a
//     question, asked in place (a short answer, or a multiple choice of
//     the blank's options), each worth its share of the points;
//   - items without Canvas's metadata are told by their responses: one
//     choice list is a multiple choice (several answers when its
//     cardinality is Multiple, an ordering when Ordered, which becomes a
//     matching question as Moodle's ordering does), several are matching
//     or dropdowns, typed answers a short answer, a numerical or an essay;
//   - points possible is the Mark; Canvas's feedback: general (neutral) is
//     the question's Feedback, each answer's is its feedback, right and
//     wrong feedback the combined feedback of multiple choice and matching
//     (for other kinds it joins the feedback of the right answers, and of
//     any other answer);
//   - a package with one quiz or bank takes its title and description;
//     with several, each question's Category is its quiz's or bank's
//     title. Images the texts show, found in the package, become the set's
//     Media; Canvas's equation images become \( TeX \).
//
// What does not map is left out and reported in Set.Warnings: formula
// (calculated), file upload, hot spot and categorization questions, quiz
// settings (time limit, attempts, dates, access code), random draws from
// question groups (every question of the group is imported), references
// to banks the package does not hold, images that are not in it.
//
// Errors refuse the file: a zip that is not a package or is hostile (see
// zipPackage), XML that is not well formed (some of Instructure's own
// fixtures are not; Canvas's own parser recovers, this one refuses, as
// guessing at broken markup could change an answer), and any question
// that fails Validate.

// ReadQTI reads a QTI package (zip) or a bare QTI XML file; name is used
// in messages and for the set's title. See Read for what is returned.
func ReadQTI(name string, r io.Reader) (Set, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxPackageSize+1))
	if err != nil {
		return Set{}, fmt.Errorf("questions: read %s: %w", name, err)
	}
	return readQTI(name, data)
}

// qtiReader collects what a QTI file or package holds.
type qtiReader struct {
	name   string
	pkg    *zipPackage // nil for a bare XML file
	errs   ErrorList
	warns  ErrorList
	media  mediaSet
	groups []qtiGroup
	// title is the package's title in its manifest.
	title string
}

// qtiGroup is a quiz or a question bank and the questions read from it.
type qtiGroup struct {
	title, description string
	questions          []Question
	keepOrder          *bool // from assessment_meta.xml's shuffle_answers
}

func (r *qtiReader) errorAt(file string, line int, format string, args ...any) {
	if len(r.errs) <= maxErrors {
		r.errs = append(r.errs, FileError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
}

func (r *qtiReader) warnAt(file string, line int, format string, args ...any) {
	r.warns = append(r.warns, FileError{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// label names a file of the package in messages: "quiz.zip/g1/g1.xml".
func (r *qtiReader) label(file string) string {
	if r.pkg == nil {
		return r.name
	}
	return r.name + "/" + file
}

func readQTI(name string, data []byte) (Set, error) {
	if len(data) > MaxPackageSize {
		return Set{}, ErrorList{{File: name, Msg: fmt.Sprintf("the file is %d bytes; the limit is %d bytes (%d MiB)", len(data), MaxPackageSize, MaxPackageSize>>20)}}
	}
	r := &qtiReader{name: name, media: newMediaSet()}
	if isZip(data) {
		pkg, err := openZip(name, data)
		if err != nil {
			return Set{}, err
		}
		r.pkg = pkg
		if err := r.readPackage(); err != nil {
			return Set{}, err
		}
	} else {
		root, err := parseXML(name, data)
		if err != nil {
			return Set{}, err
		}
		r.readDocument("", root, nil)
	}
	return r.result()
}

// readPackage reads the quizzes and banks a package's manifest names.
func (r *qtiReader) readPackage() error {
	manifest, ok := r.pkg.manifestName()
	if !ok {
		return ErrorList{{File: r.name, Msg: zipNotQTIPackage}}
	}
	data, err := r.pkg.readFile(manifest, maxZipFile)
	if err != nil {
		return ErrorList{{File: r.name, Msg: err.Error()}}
	}
	root, err := parseXML(r.label(manifest), data)
	if err != nil {
		return err
	}
	r.title = strings.TrimSpace(qtiFind(root.child("metadata"), "string").text())
	base := path.Dir(manifest)
	if base == "." {
		base = ""
	}
	resources := map[string]*xmlNode{}
	for _, res := range root.child("resources").children("resource") {
		resources[res.attr("identifier")] = res
	}
	var files []qtiFile
	seen := map[string]bool{}
	add := func(file, meta string) {
		full, ok := r.pkg.find(path.Join(base, file))
		if ok && !seen[full] {
			seen[full] = true
			files = append(files, qtiFile{name: full, meta: meta})
		}
	}
	for _, res := range root.child("resources").children("resource") {
		typ := res.attr("type")
		if !strings.HasPrefix(typ, "imsqti_xmlv1p2") {
			continue
		}
		meta := ""
		for _, dep := range res.children("dependency") {
			if d := resources[dep.attr("identifierref")]; d != nil && strings.HasSuffix(d.attr("href"), "assessment_meta.xml") {
				meta = d.attr("href")
			}
		}
		// A course cartridge holds each quiz twice: in the cartridge's
		// QTI profile, and in full, with Canvas's metadata, under
		// non_cc_assessments/. Canvas imports the full one; so does this.
		full := "non_cc_assessments/" + res.attr("identifier") + ".xml.qti"
		if _, ok := r.pkg.find(path.Join(base, full)); ok && strings.Contains(typ, "imscc") {
			add(full, meta)
			continue
		}
		href := res.attr("href")
		if href == "" {
			href = res.child("file").attr("href")
		}
		add(href, meta)
	}
	// Question banks are listed as associated content of the cartridge.
	for _, res := range root.child("resources").children("resource") {
		for _, f := range res.children("file") {
			if href := f.attr("href"); strings.HasPrefix(href, "non_cc_assessments/") && strings.HasSuffix(href, ".qti") {
				add(href, "")
			}
		}
	}
	if len(files) == 0 {
		return ErrorList{{File: r.name, Msg: zipNotQTIPackage}}
	}
	// Every file is expanded before any is parsed, so that a package
	// beyond the limits is refused before work is spent on it.
	docs := make([][]byte, len(files))
	for i, f := range files {
		if docs[i], err = r.pkg.readFile(f.name, maxZipFile); err != nil {
			return ErrorList{{File: r.name, Msg: err.Error()}}
		}
	}
	for i, f := range files {
		doc, err := parseXML(r.label(f.name), docs[i])
		if err != nil {
			return err
		}
		var meta *xmlNode
		if f.meta != "" {
			if m, ok := r.pkg.find(path.Join(base, f.meta)); ok {
				data, err := r.pkg.readFile(m, maxZipFile)
				if err != nil {
					return ErrorList{{File: r.name, Msg: err.Error()}}
				}
				if meta, err = parseXML(r.label(m), data); err != nil {
					return err
				}
			}
		}
		r.readDocument(f.name, doc, meta)
	}
	return nil
}

const zipNotQTIPackage = "the zip archive's imsmanifest.xml names no QTI assessment (imsqti_xmlv1p2); expected a quiz exported from Canvas as QTI"

// qtiFile is a QTI document of a package and its Canvas settings file.
type qtiFile struct{ name, meta string }

// readDocument reads a <questestinterop>: its assessments, banks, sections
// and items.
func (r *qtiReader) readDocument(file string, root *xmlNode, meta *xmlNode) {
	label := r.label(file)
	if root.Name.Local != "questestinterop" {
		r.errorAt(label, root.Line, "this is not a QTI file: its root element is <%s>, not <questestinterop>", root.Name.Local)
		return
	}
	for _, n := range root.elems() {
		switch n.Name.Local {
		case "assessment":
			g := qtiGroup{title: strings.TrimSpace(n.attr("title"))}
			r.readMeta(label, meta, &g)
			for _, s := range n.children("section") {
				r.readSection(file, s, &g)
			}
			r.groups = append(r.groups, g)
		case "objectbank":
			g := qtiGroup{title: qtiMetadata(n)["bank_title"]}
			if g.title == "" {
				g.title = strings.TrimSpace(n.attr("title"))
			}
			r.readSection(file, n, &g)
			r.groups = append(r.groups, g)
		case "section", "item":
			if len(r.groups) == 0 || r.groups[len(r.groups)-1].title != "" {
				r.groups = append(r.groups, qtiGroup{})
			}
			g := &r.groups[len(r.groups)-1]
			if n.Name.Local == "item" {
				r.readItem(file, n, g)
			} else {
				r.readSection(file, n, g)
			}
		case "qticomment", "qtimetadata":
		default:
			r.warnAt(label, n.Line, "<%s> is not a QTI assessment, bank, section or item and was left out", n.Name.Local)
		}
	}
}

// readSection reads the items of a section (or a bank), and the sections
// inside it. A section that draws some of its questions at random is a
// Canvas question group: all its questions are imported.
func (r *qtiReader) readSection(file string, s *xmlNode, g *qtiGroup) {
	label := r.label(file)
	sel := s.child("selection_ordering").child("selection")
	if n := strings.TrimSpace(sel.child("selection_number").text()); n != "" {
		items := len(s.children("item"))
		switch {
		case items > 0:
			r.warnAt(label, s.Line, "the question group %q asks %s of its %d questions at random; all of them were imported", s.attr("title"), n, items)
		case sel.has("sourcebank_ref"):
			r.warnAt(label, s.Line, "the question group %q draws %s questions from a question bank; it was left out (the bank's questions are imported when the package holds the bank)", s.attr("title"), n)
		}
	}
	for _, n := range s.elems() {
		switch n.Name.Local {
		case "item":
			r.readItem(file, n, g)
		case "section":
			r.readSection(file, n, g)
		case "bankentry_item", "itemref", "sectionref":
			r.warnAt(label, n.Line, "<%s> refers to a question kept elsewhere (a bank), not in this file; it was left out", n.Name.Local)
		}
	}
}

// readMeta reads Canvas's assessment_meta.xml: the quiz's description and
// whether it shuffles answers; quiz settings factdrill keeps elsewhere
// (on the assignment) are reported.
func (r *qtiReader) readMeta(label string, meta *xmlNode, g *qtiGroup) {
	if meta == nil {
		return
	}
	if t := strings.TrimSpace(meta.child("title").text()); t != "" {
		g.title = t
	}
	g.description = htmlText(meta.child("description").text(), HTML)
	if s := strings.TrimSpace(meta.child("shuffle_answers").text()); s != "" {
		keep := s != "true"
		g.keepOrder = &keep
	}
	var settings []string
	for _, s := range []struct{ elem, name string }{
		{"time_limit", "a time limit"}, {"due_at", "a due date"}, {"lock_at", "a close date"},
		{"unlock_at", "an open date"}, {"access_code", "an access code"},
	} {
		if strings.TrimSpace(meta.child(s.elem).text()) != "" || strings.TrimSpace(meta.child("assignment").child(s.elem).text()) != "" {
			settings = append(settings, s.name)
		}
	}
	if a := strings.TrimSpace(meta.child("allowed_attempts").text()); a != "" && a != "1" && a != "0" {
		settings = append(settings, "allowed attempts ("+a+")")
	}
	if len(settings) > 0 {
		r.warnAt(r.name, meta.Line, "quiz %q: its settings are not questions and were not imported: %s; set them when assigning the set", g.title, strings.Join(settings, ", "))
	}
}

// qtiMetadata reads the qtimetadata fields of an element (an item's are
// in its itemmetadata), the first value of each label.
func qtiMetadata(n *xmlNode) map[string]string {
	out := map[string]string{}
	var fields func(*xmlNode)
	fields = func(n *xmlNode) {
		for _, k := range n.elems() {
			switch k.Name.Local {
			case "qtimetadatafield":
				l := strings.TrimSpace(k.child("fieldlabel").text())
				if _, ok := out[l]; !ok && l != "" {
					out[l] = strings.TrimSpace(k.child("fieldentry").text())
				}
			case "qtimetadata", "itemmetadata":
				fields(k)
			}
		}
	}
	for _, k := range n.elems() {
		if k.Name.Local == "qtimetadata" || k.Name.Local == "itemmetadata" {
			fields(k)
		}
	}
	return out
}

// result turns what was read into Read's return values.
func (r *qtiReader) result() (Set, error) {
	var groups []qtiGroup
	total := 0
	for _, g := range r.groups {
		if len(g.questions) > 0 {
			groups = append(groups, g)
			total += len(g.questions)
		}
	}
	if errs := refusal(r.name, r.errs, r.warns, total); errs != nil {
		return Set{}, errs
	}
	set := Set{Title: titleFromName(r.name), Origin: "imported from " + baseName(r.name), Media: r.media.list}
	// One quiz or bank (or several of one name: a course's quiz and the
	// bank it draws from) names the set; several name categories.
	one := len(groups) > 0 && groups[0].title != ""
	for _, g := range groups {
		one = one && g.title == groups[0].title
	}
	if one {
		set.Title = groups[0].title
		for _, g := range groups {
			if g.description != "" {
				set.Description = g.description
			}
		}
	}
	if !one && r.title != "" {
		set.Title = r.title
		for _, g := range groups {
			if g.title == set.Title {
				set.Description = g.description
			}
		}
	}
	// A quiz named as the set holds the questions without a category;
	// the writer makes one quiz a category.
	for _, g := range groups {
		for _, q := range g.questions {
			if !one && g.title != set.Title {
				q.Category = g.title
			}
			set.Questions = append(set.Questions, q)
		}
	}
	sortFileErrors(r.warns)
	set.Warnings = r.warns
	return set, nil
}
