package questions

import (
	"fmt"
	"html"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The Moodle types with several gaps in one text (cloze, gapselect, ddwtos)
// and ordering, which factdrill asks in other ways: a gap a question, and
// ordering as matching.

// clozeGap is one embedded answer of a cloze text, as Moodle's importer
// reads it: {MARK:TYPE:alternative~alternative…}.
type clozeGap struct {
	start, end int // byte offsets of the gap in the text
	mark       float64
	typ        clozeType
	alts       []clozeAlt
}

// clozeAlt is one alternative of a gap: =answer, %50%answer or answer,
// with #feedback.
type clozeAlt struct {
	weight   float64 // percent
	specific bool    // written as %n%
	text     string  // as written, entities and escapes not yet undone
	feedback string
}

// clozeType is what a gap's type name says.
type clozeType struct {
	kind                             Kind // MultipleChoice, ShortAnswer or Numerical
	multiple, shuffle, caseSensitive bool
}

var clozeTypes = func() map[string]clozeType {
	m := map[string]clozeType{}
	add := func(t clozeType, names ...string) {
		for _, n := range names {
			m[n] = t
		}
	}
	add(clozeType{kind: Numerical}, "NUMERICAL", "NM")
	add(clozeType{kind: ShortAnswer}, "SHORTANSWER", "SA", "MW")
	add(clozeType{kind: ShortAnswer, caseSensitive: true}, "SHORTANSWER_C", "SAC", "MWC")
	add(clozeType{kind: MultipleChoice}, "MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH")
	add(clozeType{kind: MultipleChoice, shuffle: true}, "MULTICHOICE_S", "MCS", "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS")
	add(clozeType{kind: MultipleChoice, multiple: true}, "MULTIRESPONSE", "MR", "MULTIRESPONSE_H", "MRH")
	add(clozeType{kind: MultipleChoice, multiple: true, shuffle: true}, "MULTIRESPONSE_S", "MRS", "MULTIRESPONSE_HS", "MRHS")
	return m
}()

var (
	clozeStartRE    = regexp.MustCompile(`^\{([0-9]*):([A-Z_]+):`)
	clozeFractionRE = regexp.MustCompile(`^%(-?[0-9]+(?:[.,][0-9]*)?)%`)
	clozeNumberRE   = regexp.MustCompile(`^(-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?)(?::(-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?))?$`)
)

// findClozeGaps finds the gaps of a cloze text, left to right, as Moodle's
// importer does; text in braces that is not a gap stays text.
func findClozeGaps(s string) []clozeGap {
	var gaps []clozeGap
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		if g, ok := parseClozeGap(s, i); ok {
			gaps = append(gaps, g)
			i = g.end - 1
		}
	}
	return gaps
}

func parseClozeGap(s string, start int) (clozeGap, bool) {
	m := clozeStartRE.FindStringSubmatch(s[start:])
	if m == nil {
		return clozeGap{}, false
	}
	typ, ok := clozeTypes[m[2]]
	if !ok {
		return clozeGap{}, false
	}
	g := clozeGap{start: start, mark: 1, typ: typ}
	if m[1] != "" {
		g.mark, _ = strconv.ParseFloat(m[1], 64)
	}
	p := start + len(m[0])
	for {
		var a clozeAlt
		if p < len(s) && s[p] == '=' {
			a.weight = 100
			p++
		} else if f := clozeFractionRE.FindStringSubmatch(s[p:]); f != nil {
			a.weight, _ = strconv.ParseFloat(strings.Replace(f[1], ",", ".", 1), 64)
			a.specific = true
			p += len(f[0])
		}
		// The answer is at least one character, up to a ~, # or } that
		// is not escaped (\}) nor part of an entity (&#…).
		e := p + 1
		for e < len(s) && !(strings.IndexByte("~#}", s[e]) >= 0 && !clozeEscaped(s[:e])) {
			e++
		}
		if e >= len(s) {
			return clozeGap{}, false
		}
		a.text = s[p:e]
		p = e
		if s[p] == '#' {
			f := p + 1
			for f < len(s) && !((s[f] == '~' || s[f] == '}') && !strings.HasSuffix(s[:f], `\`)) {
				f++
			}
			if f >= len(s) {
				return clozeGap{}, false
			}
			a.feedback = s[p+1 : f]
			p = f
		}
		g.alts = append(g.alts, a)
		if s[p] == '}' {
			g.end = p + 1
			return g, true
		}
		p++ // past ~
	}
}

func clozeEscaped(before string) bool {
	return strings.HasSuffix(before, `\`) || strings.HasSuffix(before, "&") || strings.HasSuffix(before, "&amp;")
}

// clozeUnescape undoes what Moodle's editor and syntax add to an answer or
// feedback: HTML entities, \} and \#.
func clozeUnescape(s string) string {
	s = html.UnescapeString(s)
	return strings.NewReplacer(`\}`, "}", `\#`, "#").Replace(s)
}

// clozeProblems checks a gap as Moodle's importer does; the messages say
// what to fix.
func clozeProblems(g clozeGap) []string {
	var out []string
	count, full := 0, false
	for _, a := range g.alts {
		t := strings.TrimSpace(a.text)
		if t == "" {
			continue
		}
		count++
		if g.typ.kind == Numerical && t != "*" && !clozeNumberRE.MatchString(t) {
			out = append(out, fmt.Sprintf("%q is not a number (such as -1.234 or 3e8) nor * for any other answer", t))
		}
		if a.weight == 100 || (g.typ.multiple && a.weight > 0) {
			full = true
		}
	}
	switch {
	case g.typ.kind == MultipleChoice && count < 2:
		out = append(out, "a multiple-choice gap needs at least 2 choices")
	case count == 0:
		out = append(out, "the gap has no answer")
	}
	if !full {
		out = append(out, "no answer is worth 100%, so the gap cannot be answered fully right")
	}
	return out
}

// clozeMultiple shares a multiple-answer gap's marks as Moodle does: the
// right choices' weights are scaled to add up to 100%, and when none was
// written as %n% each wrong choice takes away one right choice's worth.
func clozeMultiple(alts []clozeAlt) {
	total, specific := 0.0, false
	for _, a := range alts {
		if a.weight > 0 {
			total += a.weight
		}
		specific = specific || a.specific
	}
	if total == 0 {
		return
	}
	for i := range alts {
		switch {
		case alts[i].weight > 0:
			alts[i].weight = roundWeight(alts[i].weight / total * 100)
		case !specific:
			alts[i].weight = roundWeight(-10000 / total)
		}
	}
}

// roundWeight rounds a weight to Moodle's seven significant decimals of a
// fraction.
func roundWeight(w float64) float64 { return math.Round(w*1e5) / 1e5 }

func (m *moodleQuestion) cloze() func() []Question {
	m.q.Kind = Cloze
	m.el("shuffleanswers") // Moodle ignores it here too: each gap's type says
	return func() []Question {
		text := m.q.Stem
		gaps := findClozeGaps(text)
		if len(gaps) == 0 {
			m.fail(m.n.Line, "the cloze question has no gaps; a gap is written as {1:SHORTANSWER:=answer} (or MULTICHOICE, NUMERICAL …)")
			return nil
		}
		for k, g := range gaps {
			for _, p := range clozeProblems(g) {
				m.fail(m.n.Line, "gap %d: %s", k+1, p)
			}
		}
		if m.failed {
			return nil
		}
		pieces := m.pieces(text, gapSpans(gaps))
		var parts []Question
		for k, g := range gaps {
			q := m.part(k, len(gaps), pieces)
			q.Mark = g.mark
			if g.typ.multiple {
				clozeMultiple(g.alts)
			}
			for _, a := range g.alts {
				t := strings.TrimSpace(clozeUnescape(a.text))
				if t == "" {
					continue
				}
				fb := strings.TrimSpace(clozeUnescape(a.feedback))
				switch g.typ.kind {
				case Numerical:
					n := Number{Weight: a.weight, Feedback: fb, Any: t == "*"}
					if nm := clozeNumberRE.FindStringSubmatch(strings.TrimSpace(a.text)); nm != nil {
						n.Value, _ = parseMoodleNumber(nm[1])
						n.Tolerance, _ = parseMoodleNumber(nm[2])
						n.Tolerance = math.Abs(n.Tolerance)
					}
					q.Numbers = append(q.Numbers, n)
				case ShortAnswer:
					q.Answers = append(q.Answers, Choice{Text: t, Weight: a.weight, Feedback: fb})
				case MultipleChoice:
					q.Choices = append(q.Choices, Choice{Text: t, Weight: a.weight, Feedback: fb})
				}
			}
			q.Kind = g.typ.kind
			if q.Kind == ShortAnswer {
				q.Kind = Cloze
			}
			q.Multiple = g.typ.multiple
			q.KeepOrder = q.Kind == MultipleChoice && !g.typ.shuffle
			q.CaseSensitive = g.typ.caseSensitive
			parts = append(parts, q)
		}
		if len(gaps) > 1 {
			m.warn(m.n.Line, "the cloze question has %d gaps; factdrill asks one gap a question, so it became %d questions, each worth its gap's weight", len(gaps), len(gaps))
		}
		return parts
	}
}

func gapSpans(gaps []clozeGap) [][2]int {
	spans := make([][2]int, len(gaps))
	for i, g := range gaps {
		spans[i] = [2]int{g.start, g.end}
	}
	return spans
}

// pieces cuts a text at its gaps; runs of underscores in what is left are
// shortened, as each part's gap is the one blank.
func (m *moodleQuestion) pieces(text string, spans [][2]int) []string {
	var pieces []string
	prev := 0
	for _, s := range spans {
		pieces = append(pieces, text[prev:s[0]])
		prev = s[1]
	}
	pieces = append(pieces, text[prev:])
	runs := 0
	for i, p := range pieces {
		runs += len(blankRunRE.FindAllStringIndex(p, -1))
		pieces[i] = blankRunRE.ReplaceAllString(p, "____")
	}
	if runs > 0 {
		m.warn(m.n.Line, "the text has runs of underscores besides its gaps; they were shortened to ____, as a question has one blank")
	}
	return pieces
}

// part starts the question for gap k of n: the common fields, and the text
// with gap k as the Blank and the others as "…".
func (m *moodleQuestion) part(k, n int, pieces []string) Question {
	q := m.q
	var b strings.Builder
	for i, p := range pieces {
		b.WriteString(p)
		switch {
		case i == len(pieces)-1:
		case i == k:
			b.WriteString(Blank)
		default:
			b.WriteString("…")
		}
	}
	q.Stem = b.String()
	if n > 1 {
		if q.Title != "" {
			q.Title = fmt.Sprintf("%s (%d of %d)", q.Title, k+1, n)
		}
		if q.ID != "" {
			q.ID = fmt.Sprintf("%s-%d", q.ID, k+1)
		}
	}
	q.Hints = slices.Clone(q.Hints)
	q.Tags = slices.Clone(q.Tags)
	return q
}

// gapChoice is a choice of a gapselect or ddwtos question.
type gapChoice struct {
	text, group string
}

var gapPlaceRE = regexp.MustCompile(`\[\[([0-9]+)\]\]`)

// gaps reads gapselect (select missing words) and ddwtos (drag and drop
// into text): each gap [[n]] is a multiple choice of the choices in choice
// n's group, choice n right.
func (m *moodleQuestion) gaps(typ string) func() []Question {
	m.q.Kind = MultipleChoice
	m.q.KeepOrder = !m.flag("shuffleanswers", true)
	var choices []gapChoice
	// Moodle's own ddwtos fixture holds <selectoption>s; read either.
	for _, e := range append(m.els("selectoption"), m.els("dragbox")...) {
		group := strings.TrimSpace(e.child("group").text())
		if group == "" {
			group = "1"
		}
		choices = append(choices, gapChoice{text: strings.TrimSpace(e.child("text").text()), group: group})
	}
	m.readCombined(&m.q)
	return func() []Question {
		text := m.q.Stem
		places := gapPlaceRE.FindAllStringSubmatchIndex(text, -1)
		if len(places) == 0 {
			m.fail(m.n.Line, "the text has no gaps; a gap is written [[1]], with the number of its right choice")
			return nil
		}
		spans := make([][2]int, len(places))
		for i, p := range places {
			spans[i] = [2]int{p[0], p[1]}
			if n, _ := strconv.Atoi(text[p[2]:p[3]]); n < 1 || n > len(choices) {
				m.fail(m.n.Line, "gap %s names choice %d, but there are %d choices", text[p[0]:p[1]], n, len(choices))
			}
		}
		if m.failed {
			return nil
		}
		pieces := m.pieces(text, spans)
		var parts []Question
		mark := m.q.Mark / float64(len(places))
		for k, p := range places {
			n, _ := strconv.Atoi(text[p[2]:p[3]])
			right := choices[n-1]
			q := m.part(k, len(places), pieces)
			q.Mark = math.Round(mark*1e7) / 1e7
			seen := map[string]bool{}
			for _, c := range choices {
				if c.group != right.group || seen[c.text] || c.text == "" {
					continue
				}
				seen[c.text] = true
				w := 0.0
				if c.text == right.text {
					w = 100
				}
				q.Choices = append(q.Choices, Choice{Text: c.text, Weight: w})
			}
			parts = append(parts, q)
		}
		if len(places) > 1 {
			m.warn(m.n.Line, "the %s question has %d gaps; factdrill asks one gap a question, so it became %d questions, each worth its share of the mark, and any choice may go in any gap", typ, len(places), len(places))
		}
		return parts
	}
}

// ordering reads an ordering question as a matching one: for each
// position, the item that goes there.
func (m *moodleQuestion) ordering() func() []Question {
	m.q.Kind = Matching
	type item struct {
		pos  float64
		text string
	}
	answers := m.els("answer")
	items := make([]item, len(answers))
	feedback := false
	for i, a := range answers {
		items[i].pos, _ = parseMoodleNumber(a.attr("fraction"))
		m.richText(m.readText(a, m.format()), func(s string) { items[i].text = s })
		feedback = feedback || strings.TrimSpace(a.child("feedback").child("text").text()) != ""
	}
	m.readCombined(&m.q)
	grading := strings.TrimSpace(m.el("gradingtype").text())
	if sel := strings.TrimSpace(m.el("selecttype").text()); sel != "" && sel != "ALL" {
		m.notKept = append(m.notKept, "showing a subset of the items ("+sel+"; all are shown)")
	}
	m.el("selectcount")
	if feedback {
		m.notKept = append(m.notKept, "the feedback on each item")
	}
	return func() []Question {
		q := m.q
		slices.SortStableFunc(items, func(a, b item) int {
			switch {
			case a.pos < b.pos:
				return -1
			case a.pos > b.pos:
				return 1
			}
			return 0
		})
		images := false
		for k, it := range items {
			images = images || strings.Contains(it.text, "<img")
			q.Pairs = append(q.Pairs, Pair{Prompt: fmt.Sprintf("Position %d", k+1), Answer: htmlText(it.text, q.Format)})
		}
		note := "graded by position"
		switch grading {
		case "ABSOLUTE_POSITION":
			note += ", as Moodle's \"absolute position\""
		case "":
		default:
			note += ", not by Moodle's " + grading
		}
		m.warn(m.n.Line, "the ordering question became a matching question (the item for each position), %s", note)
		if images {
			m.warn(m.n.Line, "images in the ordering items were left out; items are text")
		}
		return []Question{q}
	}
}

var htmlTagRE = regexp.MustCompile(`<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*>|<[^>]*>`)

// htmlBlocks are the elements that separate words.
var htmlBlocks = setOf("p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "pre")

// htmlText is the text of an HTML fragment (or the text itself in another
// format), on one line.
func htmlText(s string, f Format) string {
	if f == HTML {
		s = htmlTagRE.ReplaceAllStringFunc(s, func(tag string) string {
			if m := htmlTagRE.FindStringSubmatch(tag); htmlBlocks[strings.ToLower(m[2])] {
				return " "
			}
			return ""
		})
		s = html.UnescapeString(s)
	}
	return strings.Join(strings.Fields(s), " ")
}
