package questions

import (
	"io"
	"strconv"
	"strings"
)

// Reading GIFT, Moodle's question format.
//
// The reader follows Moodle's importer (question/format/gift/format.php) in
// what a question means, and the GIFT documentation in what must be escaped:
//
//   - Questions are separated by blank lines. Lines whose first non-blank
//     characters are // are comments, wherever they are; [id:…] and [tag:…]
//     in a question's comments give its ID and Tags.
//   - "$CATEGORY: name" sets the Category of the questions after it; the rest
//     of its line is the name, and a blank line must follow.
//   - ::title:: may open a question, then a format tag ([html], [markdown],
//     [plain], [moodle]) may open its text. Without a tag the Format is "",
//     which GIFT calls Moodle's auto-format.
//   - The answer block { … } decides the kind, in Moodle's order: empty is an
//     essay; starting with # numerical; holding ~ multiple choice; holding =
//     and -> matching; T, TRUE, F or FALSE (case matters) true/false; any
//     other text short answer. No block at all makes a description.
//   - Text after the block makes a missing-word question: the block's place
//     in the stem becomes Blank. A short answer asked in place is a Cloze,
//     and so is one whose stem holds a Blank typed by its author.
//   - Multiple choice: = marks a right option (100%), ~ a wrong one (0%);
//     ~%50% and =%-33.3% give weights; ~= is =. As in Moodle, the question is
//     single-answer (radio buttons) when any option is marked =, otherwise
//     multiple-answer (checkboxes).
//   - True/false: {TRUE#a#b} shows a to a learner who answers wrongly and b to
//     one who answers rightly, as in Moodle.
//   - Numerical: {#3.14:0.01}, {#1..5} (read as 3±2, as Moodle does), or
//     several =%n%value:tolerance#feedback answers; ~#feedback is the answer
//     any other number gets (Number.Any).
//   - # starts an answer's feedback, #### the question's general feedback.
//   - \~ \= \# \{ \} \: \\ stand for the characters, \n for a new line; any
//     other backslash is kept (so LaTeX's \( \) survive).
//
// The reader is stricter than Moodle where Moodle would quietly read
// something other than what the author meant. Above all, as the GIFT
// documentation asks and the fixtures of other parsers expect, a control
// character that is text must be escaped: in question text ~ = # { } and a
// double colon (a single colon is fine, as in "Note: …"); inside an answer
// block, where : separates a number from its tolerance, : as well. Moodle
// takes "1+1=2 {T}" as written; here it is an error that says to write
// 1+1\=2. Also errors: a ::title left open, text before the first option or
// pair of a block, a $CATEGORY line running into a question, a third
// true/false feedback, and a ~ answer of a numerical block given a number.
// A file with any error gives no questions, and every error found.
//
// Texts are trimmed. Those without a format tag, or in [plain] or [moodle],
// have each line trimmed too, as Moodle does; [html] and [markdown] keep
// their lines as written, since there indentation can matter (<pre>, nested
// lists).

// ReadGIFT reads a GIFT file; name is used in error messages and for the
// set's title. See Read for what is returned.
func ReadGIFT(name string, r io.Reader) (Set, error) {
	data, err := readAll(name, r)
	if err != nil {
		return Set{}, err
	}
	return readGIFT(name, data)
}

func readGIFT(name string, data []byte) (Set, error) {
	src, err := newSource(name, data)
	if err != nil {
		return Set{}, err
	}
	var qs []Question
	for _, it := range parseGIFT(src) {
		if !it.isCategory {
			qs = append(qs, it.q)
		}
	}
	return src.result(qs)
}

// giftItem is what a GIFT block holds: a question, or a $CATEGORY line.
type giftItem struct {
	isCategory bool
	category   string
	q          Question
}

type giftParser struct {
	src *source
	// m is the file's text with every comment line, and the newline ending
	// it, overwritten by NUL bytes (which newSource refused in the input).
	// Offsets in m are offsets in the source.
	m        string
	category string
	count    int
	items    []giftItem
}

// parseGIFT reads every block of the file. Problems go to src; the items
// returned are the $CATEGORY lines and the questions that had none.
func parseGIFT(src *source) []giftItem {
	p := &giftParser{src: src}
	masked := []byte(src.text)
	nlines := len(src.lines)
	lineEnd := func(i int) int { // offset of the end of line i, before its \n
		if i+1 < nlines {
			return src.lines[i+1] - 1
		}
		return len(src.text)
	}
	isComment := make([]bool, nlines)
	for i := range nlines {
		line := strings.TrimLeft(src.text[src.lines[i]:lineEnd(i)], " \t\v\f")
		if strings.HasPrefix(line, "//") {
			isComment[i] = true
			end := min(lineEnd(i)+1, len(masked))
			for j := src.lines[i]; j < end; j++ {
				masked[j] = 0
			}
		}
	}
	p.m = string(masked)

	for i := 0; i < nlines && !src.full; {
		if isBlank(src.text[src.lines[i]:lineEnd(i)]) {
			i++
			continue
		}
		first := i
		var comments []string
		for ; i < nlines && !isBlank(src.text[src.lines[i]:lineEnd(i)]); i++ {
			if isComment[i] {
				comments = append(comments, src.text[src.lines[i]:lineEnd(i)])
			}
		}
		if !p.block(src.lines[first], lineEnd(i-1), comments) {
			break
		}
	}
	return p.items
}

func isBlank(line string) bool { return strings.Trim(line, " \t\v\f") == "" }

// trimSpaceNUL trims white space and the NUL bytes of masked comments.
func trimSpaceNUL(s string) string { return strings.Trim(s, " \t\n\v\f\x00") }

// isSpace reports white space, counting the NUL bytes of masked comments.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == 0
}

// isEscapable reports the characters a backslash escapes in GIFT.
func isEscapable(c byte) bool {
	switch c {
	case '\\', '~', '=', '#', '{', '}', ':', 'n':
		return true
	}
	return false
}

// trim narrows [a, b) to exclude white space at both ends.
func (p *giftParser) trim(a, b int) (int, int) {
	for a < b && isSpace(p.m[a]) {
		a++
	}
	for b > a && isSpace(p.m[b-1]) {
		b--
	}
	return a, b
}

// find returns the offset of the first unescaped c in [a, b), or -1.
func (p *giftParser) find(a, b int, c byte) int {
	for i := a; i < b; i++ {
		switch p.m[i] {
		case '\\':
			if i+1 < b && isEscapable(p.m[i+1]) {
				i++
			}
		case c:
			return i
		}
	}
	return -1
}

// findSeq returns the offset of the first unescaped seq in [a, b), or -1.
func (p *giftParser) findSeq(a, b int, seq string) int {
	for i := a; i < b; i++ {
		switch {
		case p.m[i] == '\\':
			if i+1 < b && isEscapable(p.m[i+1]) {
				i++
			}
		case strings.HasPrefix(p.m[i:b], seq):
			return i
		}
	}
	return -1
}

// block reads one block of non-blank lines, [a, b). It returns false when
// reading must stop.
func (p *giftParser) block(a, b int, comments []string) bool {
	s, e := p.trim(a, b)
	if s == e {
		return true // comments only
	}
	if strings.HasPrefix(p.m[s:e], "$CATEGORY:") {
		end := strings.IndexByte(p.m[s:e], '\n')
		if end < 0 {
			end = e
		} else {
			end += s
		}
		p.category = cleanLabel(p.m[s+len("$CATEGORY:") : end])
		p.items = append(p.items, giftItem{isCategory: true, category: p.category})
		if rest, _ := p.trim(end, e); rest < e {
			p.src.errorf(rest, "a $CATEGORY line must be followed by a blank line; expected a blank line before this question")
		}
		return true
	}
	p.count++
	if p.count > MaxQuestions {
		p.src.errorf(s, "the file has more than %d questions; the limit is %d", MaxQuestions, MaxQuestions)
		return false
	}
	p.question(s, e, comments)
	return true
}

// question reads the question in [s, e), trimmed and not empty.
func (p *giftParser) question(s, e int, comments []string) {
	errs := len(p.src.errs)
	q := Question{Category: p.category}
	parseGIFTComments(&q, comments)

	pos := s
	if strings.HasPrefix(p.m[s:e], "::") {
		end := p.findSeq(s+2, e, "::")
		if end < 0 {
			p.src.errorf(s, "the title is not closed; a title is written ::title::, with two colons on each side")
			return
		}
		q.Title = strings.Join(strings.Fields(p.text(s+2, end, false)), " ")
		pos = end + 2
	}
	q.Format, pos = p.formatTag(pos, e)
	keep := q.Format == HTML || q.Format == Markdown

	// The answer block is the first unescaped { and the } after it.
	open, close := -1, -1
	for i := pos; i < e && close < 0; i++ {
		switch c := p.m[i]; {
		case c == '\\' && i+1 < e && isEscapable(p.m[i+1]):
			i++
		case c == '{' && open < 0:
			open = i
		case c == '{':
			// Reported here once, whichever part of the block holds it.
			p.src.errorf(i, "unescaped { inside an answer block; write \\{ for a literal {")
		case c == '}' && open >= 0:
			close = i
		}
	}
	switch {
	case open < 0:
		p.checkText(pos, e, "the question text", true)
		q.Kind = Description
		q.Stem = p.text(pos, e, keep)
	case close < 0:
		line, col := p.src.pos(open)
		end := "the blank line that ends the question"
		if trimSpaceNUL(p.m[e:]) == "" {
			end = "the end of the file"
		}
		p.src.errorf(e, "the answer block opened at %d:%d is not closed; expected } before %s", line, col, end)
		return
	default:
		p.checkText(pos, open, "the question text", true)
		p.checkText(close+1, e, "the question text", true)
		stem := p.rawText(pos, open, keep)
		if close+1 < e {
			stem += Blank + p.rawText(close+1, e, keep)
		}
		q.Stem = trimText(stem)
		p.answers(&q, open+1, close, keep)
		if q.Kind == ShortAnswer && q.InPlace() {
			q.Kind = Cloze
		}
	}
	if len(p.src.errs) > errs || !p.src.validate(q, s) {
		return
	}
	p.items = append(p.items, giftItem{q: q})
}

// answers reads the answer block's content, [a, b), into q.
func (p *giftParser) answers(q *Question, a, b int, keep bool) {
	if g := p.findSeq(a, b, "####"); g >= 0 {
		p.checkText(g+4, b, "the general feedback", false)
		_, t := p.formatTag(g+4, b)
		q.Feedback = p.text(t, b, keep)
		b = g
	}
	a, b = p.trim(a, b)
	switch {
	case a == b:
		q.Kind = Essay
	case p.m[a] == '#':
		q.Kind = Numerical
		p.numerical(q, a+1, b, keep)
	case p.find(a, b, '~') >= 0:
		q.Kind = MultipleChoice
		p.multipleChoice(q, a, b, keep)
	case p.find(a, b, '=') >= 0 && strings.Contains(p.m[a:b], "->"):
		q.Kind = Matching
		p.matching(q, a, b, keep)
	default:
		word := b
		if h := p.find(a, b, '#'); h >= 0 {
			word = h
		}
		switch trimSpaceNUL(p.m[a:word]) {
		case "T", "TRUE":
			q.Kind, q.Truth = TrueFalse, true
			p.trueFalse(q, word, b, keep)
		case "F", "FALSE":
			q.Kind = TrueFalse
			p.trueFalse(q, word, b, keep)
		default:
			q.Kind = ShortAnswer
			p.shortAnswer(q, a, b, keep)
		}
	}
}

// giftPart is one answer of a block: its marker (= or ~, or 0 for text
// before the first marker), the marker's offset, and the text after it.
type giftPart struct {
	marker byte
	at     int
	a, b   int
}

// split cuts [a, b) at each unescaped marker. With tildeEquals, ~= counts as
// one = marker, as Moodle reads it.
func (p *giftParser) split(a, b int, markers string, tildeEquals bool) []giftPart {
	parts := []giftPart{{a: a}}
	tilde := -1 // offset of a ~ that may start ~=
	for i := a; i < b; i++ {
		c := p.m[i]
		if c == '\\' && i+1 < b && isEscapable(p.m[i+1]) {
			i++
			continue
		}
		if strings.IndexByte(markers, c) < 0 {
			continue
		}
		if tildeEquals && c == '~' && i+1 < b && p.m[i+1] == '=' {
			tilde = i
			continue // the = that follows starts the part
		}
		at := i
		if c == '=' && tilde == i-1 {
			at = tilde
		}
		parts[len(parts)-1].b = at
		parts = append(parts, giftPart{marker: c, at: at, a: i + 1})
	}
	parts[len(parts)-1].b = b
	return parts
}

// tooMany reports a block with more answers than a question may have.
func (p *giftParser) tooMany(parts []giftPart) bool {
	if len(parts) <= maxAnswers+1 {
		return false
	}
	p.src.errorf(parts[maxAnswers+1].at, "a question has more than %d answers; the limit is %d", maxAnswers, maxAnswers)
	return true
}

// lead checks the text before a block's first marker, which multiple choice
// and matching do not allow.
func (p *giftParser) lead(parts []giftPart, what string) []giftPart {
	s, e := p.trim(parts[0].a, parts[0].b)
	if s < e {
		at := e
		if len(parts) > 1 {
			at = parts[1].at
		}
		line, _ := p.src.pos(s)
		p.src.errorf(at, "the answer block begins with %q (line %d), which is not %s", excerpt(p.text(s, e, false)), line, what)
	}
	return parts[1:]
}

func (p *giftParser) multipleChoice(q *Question, a, b int, keep bool) {
	q.Multiple = true
	parts := p.split(a, b, "=~", true)
	if p.tooMany(parts) {
		return
	}
	for _, part := range p.lead(parts, "an option; put = before a right option or ~ before a wrong one") {
		right := part.marker == '='
		if right {
			q.Multiple = false
		}
		w, i, ok := p.weight(part.a, part.b)
		if !ok && right {
			w = 100
		}
		text, feedback := p.option(i, part.b, "an option", keep)
		q.Choices = append(q.Choices, Choice{Text: text, Weight: w, Feedback: feedback})
	}
}

func (p *giftParser) shortAnswer(q *Question, a, b int, keep bool) {
	parts := p.split(a, b, "=", false)
	if p.tooMany(parts) {
		return
	}
	if s, e := p.trim(parts[0].a, parts[0].b); s == e {
		parts = parts[1:] // Moodle takes text before the first = as an answer
	}
	for _, part := range parts {
		w, i, ok := p.weight(part.a, part.b)
		if !ok {
			w = 100
		}
		text, feedback := p.option(i, part.b, "an answer", keep)
		q.Answers = append(q.Answers, Choice{Text: text, Weight: w, Feedback: feedback})
	}
}

func (p *giftParser) matching(q *Question, a, b int, keep bool) {
	parts := p.split(a, b, "=", false)
	if p.tooMany(parts) {
		return
	}
	for _, part := range p.lead(parts, "a pair; write each pair as =prompt -> answer") {
		arrow := strings.Index(p.m[part.a:part.b], "->")
		if arrow < 0 {
			p.src.errorf(part.at, "a matching pair has no ->; expected =prompt -> answer")
			continue
		}
		arrow += part.a
		p.checkText(part.a, arrow, "a matching prompt", false)
		p.checkText(arrow+2, part.b, "a matching answer", false)
		_, i := p.formatTag(part.a, arrow)
		q.Pairs = append(q.Pairs, Pair{Prompt: p.text(i, arrow, keep), Answer: p.text(arrow+2, part.b, false)})
	}
}

func (p *giftParser) trueFalse(q *Question, a, b int, keep bool) {
	// a is at the first # (or b): the feedback for a wrong answer, then the
	// one for a right answer.
	var fb []string
	for a < b {
		next := p.find(a+1, b, '#')
		if next < 0 {
			next = b
		}
		if len(fb) == 2 {
			p.src.errorf(a, "a true/false question takes at most two feedbacks (#for a wrong answer#for a right answer); write \\# for a literal #")
			return
		}
		p.checkText(a+1, next, "feedback", false)
		_, i := p.formatTag(a+1, next)
		fb = append(fb, p.text(i, next, keep))
		a = next
	}
	fb = append(fb, "", "")
	if q.Truth {
		q.FalseFeedback, q.TrueFeedback = fb[0], fb[1]
	} else {
		q.TrueFeedback, q.FalseFeedback = fb[0], fb[1]
	}
}

func (p *giftParser) numerical(q *Question, a, b int, keep bool) {
	parts := p.split(a, b, "=~", false)
	if p.tooMany(parts) {
		return
	}
	if s, e := p.trim(parts[0].a, parts[0].b); s == e {
		parts = parts[1:] // {#=…} rather than {#3:2}
	} else {
		parts[0].marker, parts[0].at = '=', a-1
	}
	anyAt := -1
	for _, part := range parts {
		if anyAt >= 0 {
			p.src.errorf(part.at, "the ~ answer (any other number) must come last in a numerical question")
			return
		}
		hash := p.find(part.a, part.b, '#')
		end := part.b
		var feedback string
		if hash >= 0 {
			end = hash
			p.checkText(hash+1, part.b, "feedback", false)
			_, i := p.formatTag(hash+1, part.b)
			feedback = p.text(i, part.b, keep)
		}
		if part.marker == '~' {
			anyAt = part.at
			if s, e := p.trim(part.a, end); s < e {
				p.src.errorf(s, "in a numerical question ~ stands for any other number and takes no number or weight; expected ~#feedback")
				continue
			}
			q.Numbers = append(q.Numbers, Number{Any: true, Feedback: feedback})
			continue
		}
		w, i, ok := p.weight(part.a, end)
		if !ok {
			w = 100
		}
		n, ok := p.number(i, end)
		if !ok {
			continue
		}
		n.Weight, n.Feedback = w, feedback
		q.Numbers = append(q.Numbers, n)
	}
}

// number reads a numerical answer: 3.14, 3.14:0.01 or 3.1..3.2.
func (p *giftParser) number(a, b int) (Number, bool) {
	s, e := p.trim(a, b)
	spec := strings.ReplaceAll(p.m[s:e], "\x00", "")
	bad := func() (Number, bool) {
		if spec == "" {
			p.src.errorf(s, "expected a number, such as 1822, 3.14:0.01 or 1..5")
		} else {
			p.src.errorf(s, "expected a number, such as 1822, 3.14:0.01 or 1..5; found %q", excerpt(spec))
		}
		return Number{}, false
	}
	if i := strings.Index(spec, ".."); i > 0 {
		lo, okLo := parseGIFTNumber(strings.TrimSpace(spec[:i]))
		hi, okHi := parseGIFTNumber(strings.TrimSpace(spec[i+2:]))
		if !okLo || !okHi {
			return bad()
		}
		if lo > hi {
			p.src.errorf(s, "the range %s is backwards; write the smaller number first", excerpt(spec))
			return Number{}, false
		}
		// Moodle reads a range as its middle and half its width. Round away
		// the binary noise of that sum, to a digit more than was written.
		d := max(decimals(spec[:i]), decimals(spec[i+2:])) + 1
		return Number{Value: roundTo((lo+hi)/2, d), Tolerance: roundTo((hi-lo)/2, d)}, true
	}
	var n Number
	val, tol, hasTol := strings.Cut(spec, ":")
	var ok bool
	if n.Value, ok = parseGIFTNumber(strings.TrimSpace(val)); !ok {
		return bad()
	}
	if hasTol {
		if n.Tolerance, ok = parseGIFTNumber(strings.TrimSpace(tol)); !ok {
			return bad()
		}
	}
	return n, true
}

// parseGIFTNumber reads a decimal number with an optional sign and exponent;
// strconv alone would also take "Inf", "NaN", hexadecimal and underscores.
func parseGIFTNumber(s string) (float64, bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := i
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		}
		if i == exp {
			return 0, false
		}
	}
	if i != len(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// decimals counts the digits after the decimal point of a plain number.
func decimals(s string) int {
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, "eE") {
		return 15
	}
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(frac)
	}
	return 0
}

func roundTo(x float64, decimals int) float64 {
	if decimals > 15 {
		return x
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', decimals, 64), 64)
	if err != nil {
		return x
	}
	return r
}

// weight reads an optional %n% weight at the start of [a, b) and returns
// where the text after it begins.
func (p *giftParser) weight(a, b int) (w float64, next int, ok bool) {
	i, _ := p.trim(a, b)
	if i >= b || p.m[i] != '%' {
		return 0, i, false
	}
	end := strings.IndexByte(p.m[i+1:b], '%')
	if end < 0 {
		return 0, i, false
	}
	num := trimSpaceNUL(p.m[i+1 : i+1+end])
	if num == "" || strings.Trim(num, "+-.0123456789eE") != "" {
		return 0, i, false // a text that happens to start with %
	}
	w, ok = parseGIFTNumber(num)
	if !ok {
		p.src.errorf(i, "the weight %%%s%% is not a number; expected a percentage such as %%50%% or %%-33.333%%", num)
	}
	return w, i + end + 2, true
}

// option reads an answer's text and its #feedback from [a, b).
func (p *giftParser) option(a, b int, what string, keep bool) (text, feedback string) {
	_, a = p.formatTag(a, b)
	end := b
	if h := p.find(a, b, '#'); h >= 0 {
		end = h
		p.checkText(h+1, b, "feedback", false)
		_, f := p.formatTag(h+1, b)
		feedback = p.text(f, b, keep)
	}
	p.checkText(a, end, what, false)
	return p.text(a, end, keep), feedback
}

// formatTag reads an optional [html], [markdown], [plain] or [moodle] at the
// start of [a, b), after white space.
func (p *giftParser) formatTag(a, b int) (Format, int) {
	a, _ = p.trim(a, b)
	if a < b && p.m[a] == '[' {
		for _, f := range []Format{HTML, Markdown, Plain, Moodle} {
			if tag := "[" + string(f) + "]"; strings.HasPrefix(p.m[a:b], tag) {
				return f, a + len(tag)
			}
		}
	}
	return "", a
}

// checkText reports each unescaped control character in the text [a, b). In
// the question text (stem) a single colon is allowed.
func (p *giftParser) checkText(a, b int, where string, stem bool) {
	for i := a; i < b; i++ {
		c := p.m[i]
		switch {
		case c == '\\' && i+1 < b && isEscapable(p.m[i+1]):
			i++
		case c == ':' && stem && i+1 < b && p.m[i+1] == ':':
			p.src.errorf(i, "unescaped :: in the question text; a title is written ::title:: at the very start, and a literal colon \\:")
			i++
		case c == ':' && !stem:
			p.src.errorf(i, "unescaped : in %s; write \\: for a literal colon (inside { } a colon separates a number from its tolerance)", where)
		case c == '{' && stem:
			p.src.errorf(i, "a second answer block: a question has one; write \\{ for a literal {")
		case c == '}' && stem:
			p.src.errorf(i, "} without a matching {; write \\} for a literal }")
		case c == '=' || c == '~' || c == '#':
			p.src.errorf(i, "unescaped %c in %s; write \\%c for a literal %c", c, where, c, c)
		}
	}
}

// text decodes the GIFT text in [a, b) and trims it.
func (p *giftParser) text(a, b int, keepLines bool) string {
	return trimText(p.rawText(a, b, keepLines))
}

// rawText decodes the GIFT text in [a, b): escapes resolved and comment
// lines dropped; unless keepLines, each line is trimmed as Moodle does.
func (p *giftParser) rawText(a, b int, keepLines bool) string {
	buf := make([]byte, 0, b-a)
	lineStart := false
	for i := a; i < b; i++ {
		c := p.m[i]
		switch {
		case c == 0:
			continue
		case c == '\\' && i+1 < b && isEscapable(p.m[i+1]):
			i++
			if c = p.m[i]; c == 'n' {
				c = '\n'
			}
		case c == '\n':
			if !keepLines {
				for len(buf) > 0 && (buf[len(buf)-1] == ' ' || buf[len(buf)-1] == '\t') {
					buf = buf[:len(buf)-1]
				}
			}
			buf = append(buf, '\n')
			lineStart = true
			continue
		case lineStart && !keepLines && (c == ' ' || c == '\t'):
			continue
		}
		buf = append(buf, c)
		lineStart = false
	}
	return string(buf)
}

// trimText trims the white space GIFT (and Moodle's trim) ignores at the ends
// of a text.
func trimText(s string) string { return strings.Trim(s, " \t\n\v\f\r") }

// parseGIFTComments reads [id:…] and [tag:…] from a question's comment lines,
// as Moodle does; \] stands for ] inside them.
func parseGIFTComments(q *Question, comments []string) {
	for _, c := range comments {
		for {
			i := strings.IndexByte(c, '[')
			if i < 0 {
				break
			}
			c = c[i:]
			var key string
			switch {
			case strings.HasPrefix(c, "[id:"):
				key = "id"
			case strings.HasPrefix(c, "[tag:"):
				key = "tag"
			default:
				c = c[1:]
				continue
			}
			val, rest, ok := cutBracket(c[len(key)+2:])
			if !ok {
				break
			}
			c = rest
			if val = cleanLabel(val); val == "" {
				continue
			}
			switch {
			case key == "id" && q.ID == "":
				q.ID = val
			case key == "tag" && !contains(q.Tags, val):
				q.Tags = append(q.Tags, val)
			}
		}
	}
}

// cutBracket returns the text before the first unescaped ], unescaped.
func cutBracket(s string) (val, rest string, ok bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && (s[i+1] == ']' || s[i+1] == '\\'):
			i++
			b.WriteByte(s[i])
		case c == ']':
			return b.String(), s[i+1:], true
		default:
			b.WriteByte(c)
		}
	}
	return "", "", false
}

// cleanLabel makes an ID, tag or category name one trimmed line.
func cleanLabel(s string) string {
	if strings.ContainsFunc(s, isControl) {
		s = strings.Map(func(r rune) rune {
			if isControl(r) {
				return ' '
			}
			return r
		}, s)
	}
	return strings.TrimSpace(s)
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7F }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// excerpt shortens a text for an error message.
func excerpt(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}
