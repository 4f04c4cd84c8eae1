package generate

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"
	"strings"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// A candidate is an item before selection, with what ranking needs.
type candidate struct {
	item
	sent   *sentence
	group  string  // the fact asked about: candidates of a group ask the same thing
	answer string  // the answer (answerKey), "" for a true statement
	ent    *entity // the entity asked about, if any
	score  float64
	order  int  // position among candidates, for stable ties
	short  bool // a cut stem, in place of the whole one (see shortStem)
}

// keepPerSentence is how many checked items of each kind a sentence keeps
// for selection, which takes at most three from one sentence: the rest
// are let go at once, so that memory grows with the document, not with
// the number of facts in it.
const keepPerSentence = 3

// candidates writes every item the document supports, of the allowed
// kinds, checks each (counting the rejected in rep) and returns the best
// of each sentence. It stops with ctx's error when ctx is done.
func (d *document) candidates(ctx context.Context, kinds map[questions.Kind]bool, rep *Report, progress func(done, total int)) ([]*candidate, error) {
	p := d.buildPools()
	var out, sent []*candidate
	order := 0
	add := func(c *candidate) {
		c.order = order
		order++
		sent = append(sent, c)
	}
	cache := map[string]*stemInfo{}
	nextSentence(cache)
	step := max(1, len(d.sents)/50)
	for si, s := range d.sents {
		if si%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if progress != nil && si%step == 0 {
			progress(len(d.sents)+2*si, len(d.sents)*3)
		}
		if s.heading || s.long {
			continue
		}
		sent = sent[:0]
		d.sentenceCandidates(p, s, kinds, add)
		rep.Candidates += len(sent)
		kept := d.checkSentence(sent, cache, rep)
		if debugSentence != nil {
			debugSentence(sent, kept)
		}
		out = append(out, kept...)
		nextSentence(cache) // stems of one sentence never come back
	}
	return out, nil
}

// lintPerSentence is how many of a sentence's candidates of each kind are
// checked, best first: a sentence dense with figures writes dozens, and
// checking them all would cost time in proportion to their number times
// the sentence's length.
const lintPerSentence = 5

// checkSentence lints a sentence's candidates, best first, and keeps the
// first keepPerSentence of each kind that pass, in order of score.
func (d *document) checkSentence(cands []*candidate, cache map[string]*stemInfo, rep *Report) []*candidate {
	sortByScore(cands)
	var kept []*candidate
	type slot struct {
		kind  questions.Kind
		short bool // cut stems have slots of their own
	}
	tried := map[slot]int{}
	passed := map[slot]int{}
	var src *sentence // whose residue keep reads (see sentence.dirty)
	if len(cands) > 0 {
		src = cands[0].sent
	}
	for _, c := range cands {
		// Best first: once a kind has keepPerSentence items, the rest of
		// it would be let go unchecked anyway.
		sl := slot{c.q.Kind, c.short}
		if tried[sl] >= lintPerSentence || passed[sl] >= keepPerSentence || c.short && tried[sl] >= shortPerSentence {
			continue
		}
		tried[sl]++
		check := lintCached(&c.item, cache)
		if check == "" && namesAmbiguously(c.q.Stem, d.shared) {
			check = CheckAmbiguousName
		}
		leans := leansInLint
		if check == "" {
			var tail bool
			check, tail = d.keepFrom(&c.item, src, cache, false)
			leans = leansInHead
			if tail {
				leans = leansInTail
			}
		}
		if check == CheckNeedsContext {
			check = d.lead(c, src, cache, leans)
		}
		if check != "" {
			rep.Rejected[check]++
			if debugLint != nil {
				debugLint(c, check)
			}
			continue
		}
		passed[sl]++
		kept = append(kept, c)
	}
	return kept
}

// Where the checks found that an item needs context: lint, keep up to
// cutCheck, or keep after it. Led, the item passes again what it passed
// before that check (led only lifts checks), so lead runs from there.
const (
	leansInLint = iota
	leansInHead
	leansInTail
)

// lead shows c after the sentence before it (see leadIn) when c leans on
// that sentence and passes every other check: it returns "" when c is
// kept so, and CheckNeedsContext when it is not. leans says which checks
// found it needs context.
func (d *document) lead(c *candidate, src *sentence, cache map[string]*stemInfo, leans int) string {
	ctx := d.leadIn(c, stemOf(c.checkStem(), cache).toks)
	if ctx == "" {
		return CheckNeedsContext
	}
	c.led = true
	check := ""
	if leans == leansInLint {
		check = lintCached(&c.item, cache)
		if check == "" && namesAmbiguously(c.q.Stem, d.shared) {
			check = CheckAmbiguousName
		}
	}
	if check == "" {
		check, _ = d.keepFrom(&c.item, src, cache, leans == leansInTail)
	}
	if check != "" {
		c.led = false
		return CheckNeedsContext
	}
	c.q.Stem = ctx + " " + c.q.Stem
	return ""
}

// factsPerSentence is how many of a sentence's answers items are written
// for, the most important first.
const factsPerSentence = 6

// A fact is an answer a clause offers, with its importance.
type fact struct {
	c     *clause
	k     int
	score float64
}

// sentenceCandidates writes the items of one sentence.
func (d *document) sentenceCandidates(p *pools, s *sentence, kinds map[questions.Kind]bool, add func(*candidate)) {
	var facts []fact
	{
		srcPlain := prose.Plain(s.text)
		for ci, c := range s.clauses {
			if !c.ok && !c.flat {
				continue
			}
			// The clause's answers and their importance, read once for the
			// true statement and the items that ask for them.
			first := len(facts)
			for k := range c.ments {
				if d.askable(c, k) {
					facts = append(facts, fact{c, k, d.importance(c, k)})
				}
			}
			stmt := ""
			if kinds[questions.TrueFalse] && c.ok { // a statement the parse could read
				stmt = c.statement(-1, "")
			}
			if stmt != "" {
				n, best := 0, math.Inf(-1)
				for _, m := range c.ments {
					if m.keyable() {
						n++
					}
				}
				for _, f := range facts[first:] {
					best = math.Max(best, f.score)
				}
				if n > 0 {
					pen := 0.0
					if c.subjectMention() < 0 && c.subj[1] > c.subj[0] && c.toks[c.subj[0]].Is("the", "this", "that") {
						pen = 1.0 // "The resolution proposed ...": which one?
					}
					if math.IsInf(best, -1) {
						best = -2
					}
					add(&candidate{
						item:  item{q: questions.Question{Kind: questions.TrueFalse, Stem: stmt, Truth: true}, source: s.text, srcPlain: srcPlain, before: c.before(), cut: c.cutAt(-1)},
						sent:  s,
						group: strconv.Itoa(s.idx) + ":tf:" + strconv.Itoa(ci),
						score: best - 0.3 - lengthPenalty(stmt) - pen,
					})
				}
			}
		}
		// Items for the sentence's most important answers only: a clause
		// naming a dozen figures would write dozens of items that the
		// checks and the selection then throw away.
		sort.SliceStable(facts, func(i, j int) bool { return facts[i].score > facts[j].score })
		for _, f := range facts[:min(len(facts), factsPerSentence)] {
			d.keyCandidates(p, f, kinds, srcPlain, add)
		}
	}
}

// askable reports whether an item may ask for mention k of clause c.
func (d *document) askable(c *clause, k int) bool {
	m := c.ments[k]
	switch {
	case !m.keyable() || m.typ == eName && m.ent == nil || c.aside(m) || c.indefiniteSubject(k) || keywordOnly(m) || m.ent != nil && d.ambiguousName(m.ent):
		return false
	case c.swapped != nil && m.ent == c.swapped:
		return false // the name stands for a pronoun: not in the source
	case d.isTopic(m):
		return false // what the whole text is about: every line gives it away
	case c.inTitle(k):
		return false // "Duke William II of _____": a title, not a fact
	case c.vaguePlace(k):
		return false // "an impact on medieval _____": many places fit
	case m.coord && c.coordinated(m.typ) >= 3:
		return false // one of a list of three or more: found by elimination, not known
	}
	return true
}

// coordinated counts the clause's list members of a type.
func (c *clause) coordinated(t etype) int {
	n := 0
	for _, m := range c.ments {
		if m.coord && m.typ == t {
			n++
		}
	}
	return n
}

// keyCandidates writes the items that ask for fact f (mention f.k of
// clause f.c, with its importance f.score): a
// cloze, a multiple choice, a short answer and a false statement.
func (d *document) keyCandidates(p *pools, f fact, kinds map[questions.Kind]bool, srcPlain string, add func(*candidate)) {
	c, k := f.c, f.k
	s := c.sent
	m := c.ments[k]
	group := strconv.Itoa(s.idx) + ":" + prose.Normalize(m.text)
	base := f.score
	if c.derived {
		base -= 0.2
	}
	if c.causal() {
		base += 0.4 // a cause or a consequence: what a teacher asks about
	}

	answers := acceptedAnswers(m, d)
	wh := c.whQuestion(k)
	cloze := c.clozeStem(k)
	seed := hashString(group)
	// The distractors, found only for the kinds that use them: a search
	// of the document's pools is the dearest step of an item.
	var ds []string
	found := false
	distractors := func() []string {
		if !found && m.typ != eName {
			ds = d.distractors(p, m, s, seed)
		}
		found = true
		return ds
	}
	before, cut := c.before(), c.cutAt(k)
	confident := m.ent == nil || m.ent.typeConfident()
	mk := func(kind questions.Kind, stem string, bonus float64) *candidate {
		it := item{q: questions.Question{Kind: kind, Stem: stem}, key: m.text, answers: answers, source: s.text, srcPlain: srcPlain,
			typ: m.typ, confident: confident}
		if !strings.HasSuffix(stem, "?") {
			it.before, it.cut = before, cut // a wh-question is rebuilt, not cut
		}
		return &candidate{
			item:   it,
			sent:   s,
			group:  group,
			ent:    m.ent,
			answer: answerKey(m),
			score:  base + bonus - lengthPenalty(stem),
		}
	}
	// "20th century" for "the first half of the 20th century" is not
	// what the text says, not even for half the mark: a reader of the
	// key takes it for a second answer (tuning judgement).
	accepted := weighted(answers)
	// The cut stem, shared by the cloze and a multiple choice in its words.
	var short, shortBefore, shortCut string
	if cloze != "" {
		short, shortBefore, shortCut = d.shortStem(c, k)
	}
	if kinds[questions.Cloze] && cloze != "" {
		cd := mk(questions.Cloze, cloze, 0)
		cd.q.Answers = accepted
		add(cd)
		if short != "" && short != cloze {
			cd := mk(questions.Cloze, short, -shortPenalty)
			cd.before, cd.cut, cd.short = shortBefore, shortCut, true
			cd.q.Answers = accepted
			add(cd)
		}
	}
	if kinds[questions.ShortAnswer] && wh != "" {
		cd := mk(questions.ShortAnswer, wh, 0.5)
		cd.q.Answers = accepted
		add(cd)
	}
	if kinds[questions.MultipleChoice] && m.typ != eName && m.typ != eConcept && (m.ent == nil || m.ent.typeConfident()) && !m.open && !m.coord && c.choiceSafe(k) {
		// A date asked with a question is a short answer first: a
		// learner recalls a year as readily as picks it, and the set
		// needs short answers more than it needs another choice of
		// years.
		stem, bonus := wh, 0.6
		if m.typ == eDate {
			bonus = 0.45
		}
		if stem == "" {
			stem, bonus = cloze, 0.3
		}
		if stem != "" && !(m.typ == ePerson && mentionsFemale(stem)) {
			cd := mk(questions.MultipleChoice, stem, bonus)
			cd.distractors = distractors()
			cd.q.Choices = shuffledChoices(m.text, cd.distractors, seed)
			add(cd)
			if stem == cloze && short != "" && short != cloze {
				sd := mk(questions.MultipleChoice, short, bonus-shortPenalty)
				sd.before, sd.cut, sd.short = shortBefore, shortCut, true
				sd.distractors, sd.q.Choices = cd.distractors, cd.q.Choices
				add(sd)
			}
		}
	}
	if kinds[questions.TrueFalse] && !m.open && !m.coord {
		contradicted := m.typ == eDate && m.date.kind != dMonthDay && m.date.kind != dRange ||
			m.typ == eNumber ||
			m.typ == eTerm && c.definite ||
			c.role != nil && c.role.unique && m.ent == c.role.person.ent && k == c.subjectMention()
		if contradicted && len(distractors()) > 0 {
			swap := ds[int(seed/7)%len(ds)]
			if stmt := c.statement(k, swap); stmt != "" {
				cd := mk(questions.TrueFalse, stmt, 0.1)
				cd.key = ""
				cd.answers = nil
				cd.swapFrom, cd.swapTo, cd.contradicted = m.text, swap, true
				cd.q.Feedback = fmt.Sprintf("False: the text gives %s, not %s.", m.text, swap)
				add(cd)
			}
		}
	}
}

// inTitle reports whether mention k is the territory of a person's title:
// "Normandy" in "Duke William II of Normandy".
func (c *clause) inTitle(k int) bool {
	m := c.ments[k]
	if m.typ != ePlace && m.typ != eName || m.a < 2 || c.toks[m.a-1].Lower != "of" {
		return false
	}
	for _, o := range c.ments {
		if o.b == m.a-1 && o.typ == ePerson {
			return true
		}
	}
	return false
}

// vaguePlace reports whether a place is the object of a relation many
// places could stand in ("an impact on medieval Europe", "in contact with
// England"), so that the text alone does not make it the only answer.
func (c *clause) vaguePlace(k int) bool {
	m := c.ments[k]
	if m.typ != ePlace && m.typ != eName {
		return false
	}
	// Look back over modifiers and a coordination ("on medieval Europe
	// and even the Near East") for the preposition.
	for p := m.a - 1; p >= 0 && p >= m.a-7; p-- {
		w := c.toks[p]
		if w.Is("on", "upon", "with", "toward", "towards", "against", "over", "across", "throughout") {
			return true
		}
		if !w.IsWord() || prepositionList.has(w.Lower) {
			return false
		}
	}
	return false
}

// causalWords mark a clause that states a cause or a consequence.
var causalWords = prose.WordSet(`led caused resulted because due consequence consequently therefore
	triggered provoked forced prompted`)

// causal reports whether the clause says what caused what.
func (c *clause) causal() bool {
	for _, t := range c.toks[c.lead:c.end] {
		if causalList.has(t.Lower) {
			return true
		}
	}
	return false
}

// keywordOnly reports whether a name is a bare keyword ("the Duchy",
// "the Party"): a word, not a fact.
func keywordOnly(m mention) bool {
	if strings.Contains(m.text, " ") || m.typ == eDate || m.typ == eNumber {
		return false
	}
	w := strings.ToLower(m.text)
	return orgKeywordList.has(w) || placeKeywordList.has(w) || eventKeywordList.has(w) || workKeywordList.has(w)
}

// choiceSafe reports whether other entities of the key's type are surely
// wrong answers. For a person, a date or a number they are: the text names
// who did what and when. For a group, a place or an organisation the
// statement must be pinned down by a date ("in 1072"), or be a movement to
// a place ("retreat to Italy"); "an impact on medieval Europe" would be
// true of France as well.
func (c *clause) choiceSafe(k int) bool {
	m := c.ments[k]
	switch m.typ {
	case ePerson, eDate, eNumber, eTerm:
		return true
	}
	for _, o := range c.ments {
		if o.typ == eDate && !o.open {
			return true
		}
	}
	if c.role != nil && c.role.unique {
		return true
	}
	if m.typ == ePlace {
		p := m.a - 1
		if p >= 0 && c.toks[p].Lower == "the" {
			p--
		}
		if p >= 1 && c.toks[p].Is("to", "into", "from") {
			for j := p - 1; j >= 0 && j >= p-3; j-- {
				w := c.toks[j].Lower
				if b, ok := pastLemma(w); ok {
					w = b
				} else if b, ok := sLemma(w); ok {
					w = b
				}
				if motionVerbs[w] {
					return true
				}
			}
		}
	}
	return false
}

// aside reports whether a mention sits inside brackets or a quotation, or
// is glossed by a short bracket after it ("RCP (b)"): asides are not what
// a sentence is about, and a quotation must not be rewritten.
func (c *clause) aside(m mention) bool {
	if quotedName(c.toks, m) {
		return false
	}
	depth, quote := 0, false
	for i := 0; i < m.a; i++ {
		switch c.toks[i].Text {
		case "(", "[":
			depth++
		case ")", "]":
			if depth > 0 {
				depth--
			}
		case `"`:
			quote = !quote
		case "'":
			// A single quote opens a quotation when a word follows it
			// directly and a space comes before it.
			if i+1 < len(c.toks) && c.toks[i+1].Start == c.toks[i].End && (i == 0 || c.toks[i-1].End < c.toks[i].Start) {
				quote = !quote
			} else if quote {
				quote = false
			}
		}
	}
	if depth > 0 || quote {
		return true
	}
	// Between dashes: "Normans—formerly of Oursel—led by".
	dashes := 0
	for i := 0; i < m.a; i++ {
		if c.toks[i].Text == "—" {
			dashes++
		}
	}
	if dashes%2 == 1 {
		return true
	}
	return m.b+2 < len(c.toks) && c.toks[m.b].Text == "(" && closeBracket(c.toks, m.b, len(c.toks))-m.b <= 5
}

// indefiniteSubject reports whether mention k is the subject of "X was a
// Y" or "X was one of the Ys": others may be Ys too, so asking who was one
// has more than one right answer.
func (c *clause) indefiniteSubject(k int) bool {
	if c.subjectMention() != k || c.main >= 0 || !beFormList.has(c.toks[c.verb[0]].Lower) || c.ments[k].typ == eTerm {
		return false
	}
	v := c.verb[1]
	return v < c.end && (c.toks[v].Is("a", "an", "among", "another") || c.toks[v].Lower == "one" && v+1 < c.end && c.toks[v+1].Lower == "of")
}

func lengthPenalty(stem string) float64 {
	n := prose.WordCount(stem)
	if n <= 28 {
		return 0
	}
	return 0.04 * float64(n-28)
}

// mentionsFemale reports whether a stem says "she" or "her": distractors
// would then have to be women, which the generator cannot tell.
func mentionsFemale(s string) bool {
	for w := range strings.FieldsSeq(strings.ToLower(s)) {
		w = strings.Trim(w, `",.;:'()`)
		if w == "she" || w == "her" || w == "herself" || w == "hers" {
			return true
		}
	}
	return false
}

// statement is the clause as a true/false statement: from the first word
// after any connective, cut before trailing subordinate material, with
// mention k replaced by swap when k >= 0.
func (c *clause) statement(k int, swap string) string {
	t := c.toks
	a := c.lead
	if a >= c.end {
		return ""
	}
	end := c.stemEnd(k)
	var text string
	var before, after [4][2]int
	if k >= 0 {
		m := c.ments[k]
		if m.a < a || m.b > end {
			return ""
		}
		text = joinWith(t, c.spans(before[:0], a, m.a), swap, c.spans(after[:0], m.b, end))
	} else {
		text = textOf(t, c.spans(before[:0], a, end)...)
	}
	return finishSentence(text)
}

// before is the lower-case token before the clause's first stem word in
// its sentence, or "" when the stem starts the sentence.
func (c *clause) before() string {
	if c.lead == 0 {
		return ""
	}
	return c.toks[c.lead-1].Lower
}

// cutAt is the token a stem asking for mention k (or a statement, k < 0)
// is cut at, or "" when it runs to the clause's end.
func (c *clause) cutAt(k int) string {
	e := c.stemEnd(k)
	if e >= c.end || e >= len(c.toks) {
		return ""
	}
	return c.toks[e].Text
}

// stemEnd cuts a long clause after the part that matters: before a
// trailing subordinate or participle clause, once the key is behind.
func (c *clause) stemEnd(k int) int {
	from := c.verb[1]
	if c.flat {
		from = c.lead // no verb read: cut from the start
	}
	if k >= 0 && c.ments[k].b > from {
		from = c.ments[k].b
	}
	cut := truncateStatement(c.toks, from, c.end)
	if cut < c.end && c.toks[cut].Text == "(" {
		return c.end
	}
	return cut
}

// clozeStem is the clause with mention k blanked out.
func (c *clause) clozeStem(k int) string {
	m := c.ments[k]
	if m.a < c.lead {
		return ""
	}
	end := c.stemEnd(k)
	if m.b > end {
		return ""
	}
	var before, after [4][2]int
	text := joinWith(c.toks, c.spans(before[:0], c.lead, m.a), questions.Blank, c.spans(after[:0], m.b, end))
	words := prose.WordCount(text)
	if words < 6 {
		return ""
	}
	return finishSentence(text)
}

// spans covers t[a:b] without bracketed asides of two words or more
// ("(Norman: Nourmands; French: Normands)", "(see Old English)"): a stem
// reads better without them. A short gloss ("RCP (b)") stays. The spans
// are appended to out, so that a caller can keep them on its stack.
func (c *clause) spans(out [][2]int, a, b int) [][2]int {
	x := a
	for k := a; k < b; k++ {
		if c.toks[k].Text != "(" {
			continue
		}
		e := closeBracket(c.toks, k, b)
		if e-k-2 >= 2 && e <= b {
			if k > x {
				out = append(out, [2]int{x, k})
			}
			x = e
			k = e - 1
		}
	}
	if x < b {
		out = append(out, [2]int{x, b})
	}
	return out
}

// joinWith joins token ranges with a middle string between them.
func joinWith(t []prose.Token, before [][2]int, middle string, after [][2]int) string {
	b := textOf(t, before...)
	a := textOf(t, after...)
	sep := " "
	if strings.HasSuffix(b, `"`) && strings.Count(b, `"`)%2 == 1 {
		sep = "" // an opening quote: `the nickname "_____."`
	}
	out := strings.TrimSpace(b + sep + middle)
	if a != "" {
		if first, _, _ := outerWords(a); glued(first) || strings.HasPrefix(a, "'s") || strings.HasPrefix(a, ",") || sep == "" && strings.HasPrefix(a, `"`) {
			out += a
		} else {
			out += " " + a
		}
	}
	return out
}

// finishSentence capitalises a statement and ends it with a full stop.
func finishSentence(s string) string {
	s = tidyText(s)
	s = strings.TrimRight(s, " ,;:-—–")
	if s == "" {
		return ""
	}
	s = capitalize(s)
	last := s[len(s)-1]
	switch {
	case last == '.' || last == '!' || last == '?':
	case (last == '"' || last == '\'' || last == ')') && len(s) > 1 && strings.ContainsRune(".!?", rune(s[len(s)-2])):
	default:
		s += "."
	}
	return s
}

// acceptedAnswers lists the forms of an answer a learner may type: a
// person's full name and surname, a date in both day orders, a number
// with or without separators.
func acceptedAnswers(m mention, d *document) []string {
	out := []string{m.text}
	saint := m.typ == ePerson && (strings.HasPrefix(m.text, "St. ") || strings.HasPrefix(m.text, "Saint "))
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && !contains(out, s) && !d.commonWordForm(s, m) && !(saint && !saintForm(s, m.text)) && !headAlone(s, m) {
			out = append(out, s)
		}
	}
	// Not a plural named more narrowly: "Hui Muslims" are some of the
	// "Muslims" the text speaks of (tuning judgement), whatever type the
	// names were given.
	plural := pluralWord(m.text)
	narrower := func(f string) bool {
		if !plural || len(f) <= len(m.text) || f[len(f)-len(m.text)-1] != ' ' || !strings.HasSuffix(f, m.text) {
			return false
		}
		// One word put before, neither an article nor a given name or a
		// title ("Samuel Gompers" is no narrower "Gompers").
		q := f[:len(f)-len(m.text)-1]
		return !strings.Contains(q, " ") && !strings.EqualFold(q, "the") && !lowerIn(firstNames, q) && !lowerIn(personTitles, q)
	}
	switch m.typ {
	case ePerson:
		if m.ent != nil {
			full := strings.Fields(stripTitle(m.ent.display()))
			for _, f := range m.ent.forms {
				if narrower(f) {
					continue
				}
				// A given name alone ("Adam" for Adam Smith) names
				// anyone who bears it: no answer to "who".
				if len(full) > 1 && f == full[0] && lowerIn(firstNames, f) {
					continue
				}
				add(f)
			}
			if !narrower(stripTitle(m.ent.display())) {
				add(stripTitle(m.ent.display()))
			}
			if sh := m.ent.short(); !d.sharedSurname(m.ent, sh) && !d.familyNameFirst(full) {
				add(sh)
			}
		}
		add(stripTitle(m.text))
	case eDate:
		if m.date.kind == dFull {
			dd := m.date
			dd.dayFirst = !dd.dayFirst
			add(dd.format())
		}
		if m.date.kind == dCentury && !m.date.plural {
			add("the " + m.text)
		}
	case eNumber:
		add(strings.ReplaceAll(m.text, ",", ""))
		if m.num.words {
			add(fmt.Sprint(int(m.num.value)))
		}
	default:
		if m.ent != nil {
			for _, f := range m.ent.forms {
				if !narrower(f) {
					add(f)
				}
			}
			// "the Central Committee of the RCP" names the "Central
			// Committee" too.
			for _, f := range d.longerForms(m.ent) {
				if !narrower(f) {
					add(f)
				}
			}
		}
		if m.the {
			add("the " + m.text)
		}
	}
	return out
}

// nameFirstHeads open a place's name whose last word names it alone:
// "Volta" is Lake Volta, "Sumter" Fort Sumter.
var nameFirstHeads = map[string]bool{"lake": true, "mount": true, "mt.": true, "fort": true, "river": true, "cape": true,
	"port": true, "isle": true, "saint": true, "st.": true, "san": true, "santa": true, "el": true, "la": true}

// headAlone reports a form of one word that is the last word of a
// longer name other than a person's, or a title: "Reserve" for the
// Federal Reserve, "Planet" for Animal Planet, "Creed" for the
// Chalcedonian Creed, "President" for Vice President, "Justice" for
// Chief Justice. A reader who knew nothing would type it.
func headAlone(form string, m mention) bool {
	if form == m.text || strings.ContainsRune(form, ' ') {
		return false
	}
	if m.typ == ePerson {
		// A person's surname names the person ("Major" of John Major);
		// a post's last word does not ("President" of Vice President).
		return lowerIn(personTitles, form) && bareTitle(m.text)
	}
	if lowerIn(personTitles, form) {
		return true
	}
	key := strings.TrimPrefix(m.text, "the ")
	sp := strings.LastIndexByte(key, ' ')
	if sp < 0 || key[sp+1:] != form {
		return false
	}
	first, _, _ := strings.Cut(key, " ")
	return !lowerIn(nameFirstHeads, first)
}

// titleWords qualify a title: "Vice President", "Deputy Prime Minister".
var titleWords = prose.WordSet(`vice deputy assistant associate attorney secretary prime first high`)

// bareTitle reports a name made of a title's words only: "Vice
// President", "Chief Justice", a post rather than a person's name.
func bareTitle(name string) bool {
	for w := range strings.FieldsSeq(strings.ToLower(name)) {
		if !personTitleList.has(w) && !titleWords[w] {
			return false
		}
	}
	return true
}

// saintForm reports whether a form may name the saint the key names:
// the saint's name with or without the title, no other name ("Peter" for
// St. Peter; not "Peter A. Schlesinger", a man the text names too, whom
// the reading merged with him).
func saintForm(form, key string) bool {
	name := strings.TrimPrefix(strings.TrimPrefix(key, "St. "), "Saint ")
	form = strings.TrimPrefix(strings.TrimPrefix(form, "St. "), "Saint ")
	return form == name
}

// commonWordForm reports a form of one word, other than the key as
// written, that the document also writes in lower case or that names a
// kind of thing: "House" for the White House, "Children" for Children of
// Earth, "Great" for Stephen the Great. As an accepted answer it would pass a reader who knew nothing.
func (d *document) commonWordForm(form string, m mention) bool {
	if form == m.text || strings.ContainsRune(form, ' ') {
		return false
	}
	lw := strings.ToLower(form)
	if nameHeads[lw] || functionList.has(lw) {
		return true
	}
	// A person's surname may be a common word ("Early" of Jubal A.
	// Early), but not a word of an epithet ("Great" of Stephen the Great).
	if m.typ == ePerson && !strings.Contains(m.text, " the ") {
		return false
	}
	return d.stats.lowMid[lw] > 0
}

// longerForms are the names of other entities that are this one's name
// with a complement: "Central Committee of the RCP" for "Central
// Committee".
func (d *document) longerForms(e *entity) []string {
	var out []string
	for _, o := range d.longer[e.display()] {
		if o != e && o.typ == e.typ {
			out = append(out, o.display())
		}
	}
	return out
}

func stripTitle(s string) string {
	if first := firstField(s); first == "" || !lowerIn(personTitles, first) {
		return s
	}
	f := strings.Fields(s)
	if len(f) > 1 {
		return strings.Join(f[1:], " ")
	}
	return s
}

// familyNameFirst reports a name of two words whose first word, not a
// given name, opens another person's name of the document ("Shi Tianze"
// beside "Shi Tianxiang", "Liu Heima" beside "Liu Ni"): a family name
// written first, as in Chinese, so that the last word alone is a given
// name and no answer ("Heima" for "Liu Heima").
func (d *document) familyNameFirst(full []string) bool {
	if len(full) != 2 || lowerIn(firstNames, full[0]) {
		return false
	}
	for _, e := range d.ents {
		if e.typ != ePerson && e.typ != eName || e.merged != nil {
			continue
		}
		f := strings.Fields(e.display())
		if len(f) == 2 && f[0] == full[0] && f[1] != full[1] {
			return true
		}
	}
	return false
}

// sharedSurname reports whether another person of the document has the
// same surname, so that the surname alone would be ambiguous.
func (d *document) sharedSurname(e *entity, surname string) bool {
	n := d.shortNames[surname]
	if e.merged == nil && e.typ == ePerson && e.short() == surname {
		n--
	}
	return n > 0
}

func weighted(answers []string) []questions.Choice {
	out := make([]questions.Choice, len(answers))
	for i, a := range answers {
		out[i] = questions.Choice{Text: a, Weight: 100}
	}
	return out
}

// shuffledChoices puts the key among the distractors at a place that
// depends only on the question, so the same document gives the same set.
func shuffledChoices(key string, ds []string, seed uint32) []questions.Choice {
	if len(ds) > 3 {
		ds = ds[:3]
	}
	n := len(ds) + 1
	at := int(seed % uint32(n))
	out := make([]questions.Choice, 0, n)
	j := 0
	for i := 0; i < n; i++ {
		if i == at {
			out = append(out, questions.Choice{Text: key, Weight: 100})
			continue
		}
		out = append(out, questions.Choice{Text: ds[j]})
		j++
	}
	return out
}

func hashString(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}
