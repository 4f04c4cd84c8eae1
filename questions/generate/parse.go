package generate

import (
	"strings"

	"factdrill/questions/generate/prose"
)

// A clause is one statement the generator can ask about: a sentence, a
// part of one cut at a colon, a semicolon or ", but", or a statement
// rebuilt from an appositive or a relative clause ("Aleksei Kiselyov, chair
// of the Miners' Union" gives "Aleksei Kiselyov was chair of the Miners'
// Union."). Its parse is shallow: fronted adverbials, subject, verb group,
// and the rest.
type clause struct {
	sent    *sentence
	text    string
	toks    []prose.Token
	ments   []mention
	derived bool    // rebuilt, not as written
	swapped *entity // the entity written in place of a leading pronoun
	role    *roleFact

	// base is the offset in text of the tokens' byte offsets: 0, or the
	// clause's offset in its sentence when it shares the sentence's
	// tokens (see subClause).
	base int
	lead int // first token after discourse connectives
	advs []adverbial
	subj [2]int
	pre  [2]int // adverbs between subject and verb ("nevertheless")
	verb [2]int
	main int // the main verb, or -1 for a bare "be" or "have"
	neg  bool
	end  int // last token before final punctuation
	ok   bool
	// flat marks a clause the parse could not read: it stands whole, for a
	// cloze or a true statement, but no question is built from its parts.
	flat bool
	// definite marks a definition that names one thing ("X is the process
	// by which ..."): another term in its place is false.
	definite bool
	// lower and midCap count the document's words written in lower case
	// and with a capital inside a sentence (see docStats): a first word
	// written so at least as often is a name, and keeps its capital in a
	// question ("How many years did Coulomb spend ...?" in a text that
	// also names the unit, the coulomb).
	lower, midCap map[string]int
	// sup caches singlesOut, for the span lead..end it was read in.
	sup struct {
		known, yes bool
		lead, end  int
	}
}

// An adverbial is a phrase fronted before the subject: "On December 30,
// 1920", "According to Aleksei Kiselyov", "After allying himself with ...".
type adverbial struct {
	a, b int
	kind advKind
	ment int // the date or place mention it holds, or -1
}

type advKind uint8

const (
	advOther advKind = iota
	advDate
	advAccording
)

// A roleFact is what an appositive says about a person: "Yury Lutovinov,
// secretary of the VTsSPS" gives person Yury Lutovinov, role "secretary of
// the VTsSPS".
type roleFact struct {
	person mention // in the sentence's tokens
	role   string
	// unique roles are held by one person ("chair of the union", "the
	// leader"): naming someone else contradicts the text.
	unique bool
	// possessor is the entity in a role like "Robert's son", for asking
	// "Whose son was Bohemond?".
	possessor *entity
	possText  string
	noun      string // the role noun ("son")
}

// newClause tokenizes text and finds its mentions, linking names to the
// document's entities.
func (d *document) newClause(s *sentence, text string, derived bool) *clause {
	return d.clauseOf(s, text, derived, nil, 0)
}

// subClause is the clause of sentence s that spans its tokens seg, as
// written: it shares the sentence's tokens, whose offsets then count
// from the sentence's start (base is the clause's offset in it).
func (d *document) subClause(s *sentence, seg [2]int) *clause {
	base := s.toks[seg[0]].Start
	text := s.text[base:s.toks[seg[1]-1].End]
	return d.clauseOf(s, text, false, s.toks[seg[0]:seg[1]:seg[1]], base)
}

// clauseOf builds a clause from its text, with the tokens already cut
// when toks is not nil.
func (d *document) clauseOf(s *sentence, text string, derived bool, toks []prose.Token, base int) *clause {
	c := &clause{sent: s, text: text, derived: derived, main: -1, base: base, lower: d.stats.lowMid, midCap: d.stats.capMid}
	if !derived && text == s.text {
		c.toks, c.ments = s.toks, s.ments
	} else {
		c.toks = toks
		if c.toks == nil {
			c.toks = prose.Tokenize(text)
		}
		c.ments = findMentions(c.toks, &d.stats)
		for k := range c.ments {
			m := &c.ments[k]
			if m.typ != eNone {
				continue
			}
			m.typ = eName
			if e := d.byKey[nameKey(m.text)]; e != nil {
				m.ent = e.root()
				m.typ = m.ent.typ
			}
		}
		markCoordinations(c.toks, c.ments)
	}
	c.parse()
	if !c.ok {
		c.flat = true
		c.subj = [2]int{c.lead, c.lead}
		c.verb = [2]int{c.end, c.end}
		c.advs = nil
	}
	return c
}

// mentionAt returns the index of the mention starting at token i, or -1.
func (c *clause) mentionAt(i int) int {
	for k, m := range c.ments {
		if m.a == i {
			return k
		}
		if m.a > i {
			break
		}
	}
	return -1
}

// mentionIn returns the index of the mention spanning exactly [a, b),
// allowing a leading "the", or -1.
func (c *clause) mentionIn(a, b int) int {
	for k, m := range c.ments {
		if m.b == b && (m.a == a || m.a == a+1 && c.toks[a].Lower == "the") {
			return k
		}
	}
	return -1
}

// connectiveWords and temporalWords are the connectives split into
// words, once.
var connectiveWords, temporalWords = splitAll(connectives), splitAll(temporalConnectives)

func splitAll(list []string) [][]string {
	out := make([][]string, len(list))
	for i, c := range list {
		out[i] = strings.Fields(c)
	}
	return out
}

// skipConnectives returns the first token after discourse connectives and
// their comma: "Moreover, ...", "At the same time, ...", "And ...".
func skipConnectives(t []prose.Token, i int) int {
	return skipWords(t, i, connectives, connectiveWords)
}

// skipWords steps over any of the phrases (and a comma after each) from
// t[i]; a one-word phrase without a comma is stepped over only when it is
// not the start of a noun phrase ("Later, ..." but not "Later events").
func skipWords(t []prose.Token, i int, list []string, words [][]string) int {
	for changed := true; changed; {
		changed = false
		for ci, c := range list {
			w := words[ci]
			if i+len(w) > len(t) {
				continue
			}
			match := true
			for k, x := range w {
				if t[i+k].Lower != x {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			j := i + len(w)
			if j < len(t) && t[j].Text == "," {
				j++
			} else if len(w) == 1 && (c == "later" || c == "then" || c == "still" || c == "yet" || c == "so" || c == "also" || c == "first" || c == "once" || c == "soon") {
				if j >= len(t) || !(determinerList.has(t[j].Lower) || subjectList.has(t[j].Lower) || t[j].Cap) {
					continue // "Later events ...", "Soon after ..."
				}
			}
			if j < len(t) {
				i, changed = j, true
			}
			break
		}
	}
	return i
}

// parse finds the clause's fronted adverbials, subject and verb group;
// ok says whether it found them.
func (c *clause) parse() {
	t := c.toks
	c.end = len(t)
	for c.end > 0 && (t[c.end-1].Text == "." || t[c.end-1].Text == "!" || t[c.end-1].Text == "?") {
		c.end--
	}
	c.lead = skipConnectives(t, 0)
	i := c.parseAdverbials(c.lead)
	j, ok := c.parseSubject(i)
	if !ok {
		return
	}
	c.parseVerbGroup(j)
	c.ok = true
}

// parseAdverbials records the phrases fronted before the subject, from
// token i: dates ("On December 30, 1920,"), attributions ("According to
// ..."), subordinate and participle clauses set off by a comma. It
// returns where the subject starts.
func (c *clause) parseAdverbials(i int) int {
	t := c.toks
	n := c.end
	for i < n {
		if t[i].Text == "," {
			i++
			continue
		}
		if j := skipWords(t, i, temporalConnectives, temporalWords); j > i {
			c.advs = append(c.advs, adverbial{a: i, b: j, kind: advOther, ment: -1})
			i = j
			continue
		}
		// A date, alone or after a preposition: "On December 30, 1920, ...",
		// "in 1081 he led ...".
		p := i
		if prepositionList.has(t[i].Lower) && i+1 < n {
			p = i + 1
			if t[p].Lower == "the" && p+1 < n && c.mentionAt(p) < 0 {
				p++
			}
		}
		if k := c.mentionAt(p); k >= 0 && c.ments[k].typ == eDate && (p > i || c.ments[k].b < n && t[c.ments[k].b].Text == ",") {
			e := c.ments[k].b
			c.advs = append(c.advs, adverbial{a: i, b: e, kind: advDate, ment: k})
			i = e
			continue
		}
		lw := t[i].Lower
		// "Immediately before the battle, ...": an adverb opening a phrase.
		if strings.HasSuffix(lw, "ly") && i+1 < n && (prepositionList.has(t[i+1].Lower) || subordinatorList.has(t[i+1].Lower)) && !t[i+1].Cap {
			i++
			lw = t[i].Lower
		}
		if prepositionList.has(lw) && !subordinatorList.has(lw) {
			// "in his speech he insisted ...": a short phrase, then a pronoun.
			k := i + 1
			for k < n && k < i+6 && t[k].IsWord() && !subjectList.has(t[k].Lower) && !finiteAt(t, k) {
				k++
			}
			if k < n && k > i+1 && subjectList.has(t[k].Lower) && t[k].Lower != "it" && k+1 < n && finiteAt(t, k+1) {
				c.advs = append(c.advs, adverbial{a: i, b: k, kind: advOther, ment: -1})
				i = k
				continue
			}
		}
		participle := !t[i].Cap || i == c.lead
		participle = participle && (strings.HasSuffix(lw, "ing") && len(lw) > 5 || strings.HasSuffix(lw, "ed") && len(lw) > 3 && isParticiple(lw))
		if prepositionList.has(lw) || subordinatorList.has(lw) || lw == "according" || lw == "having" || lw == "despite" || participle {
			k := topComma(t, i, n)
			if k < 0 || k-i > 30 || participle && k-i > 20 {
				break
			}
			if !subordinatorList.has(lw) && lw != "having" && containsFinite(t, i+1, k) {
				break
			}
			kind := advOther
			if lw == "according" {
				kind = advAccording
			}
			c.advs = append(c.advs, adverbial{a: i, b: k, kind: kind, ment: -1})
			i = k + 1
			continue
		}
		break
	}
	return i
}

// parseSubject reads the subject from token s0 to the first finite verb,
// stepping over brackets and over relative clauses and appositives set off
// by commas. It returns where the verb starts, and false when the
// subject is too deep or too long to read.
func (c *clause) parseSubject(s0 int) (int, bool) {
	t := c.toks
	n := c.end
	j := s0
	inQuote := false
	skipped := 0
	for j < n {
		if j > s0 && finiteAt(t, j) && !isNamingParticiple(t, j) {
			break
		}
		if j > s0 && t[j].Is("who", "which", "that", "whom", "whose") {
			return 0, false // a relative clause inside the subject: too deep
		}
		switch t[j].Text {
		case "(":
			j = closeBracket(t, j, n)
			continue
		case ",":
			if j+1 < n && (t[j+1].Is("which", "who", "whom", "whose", "where") || isRoleStart(t, j+1)) {
				k := topComma(t, j+1, n)
				if k < 0 {
					return 0, false
				}
				skipped += k + 1 - j
				j = k + 1
				continue
			}
			return 0, false
		case ":", ";", "—", "–", "-":
			return 0, false
		case `"`:
			// A quotation may name the subject ("The "Workers' Opposition""),
			// but a subject does not run into a quoted speech.
			if !inQuote && j > s0 && !strings.Contains(textOf(t, [2]int{j, min(n, j+6)})[1:], `"`) {
				return 0, false
			}
			inQuote = !inQuote
		}
		j++
	}
	if j >= n || j == s0 || j-s0-skipped > 20 || onlyAdverbs(t, s0, j) {
		return 0, false
	}
	se := j
	for se > s0+1 && midAdverbList.has(t[se-1].Lower) && !(se == s0+2 && determinerList.has(t[s0].Lower)) {
		se--
	}
	c.subj = [2]int{s0, se}
	c.pre = [2]int{se, j}
	return j, true
}

// parseVerbGroup reads the verb group from token j: auxiliaries, negation
// and adverbs, then the main verb.
func (c *clause) parseVerbGroup(j int) {
	t := c.toks
	n := c.end
	k := j
	if auxiliaryList.has(t[k].Lower) {
		aux := t[k].Lower
		k++
		for k < n {
			w := t[k].Lower
			switch {
			case negationList.has(w):
				c.neg = true
				k++
				continue
			case w == "be" || w == "been" || w == "being" || w == "have" || w == "had" && k == j+1 && (modalList.has(aux)):
				aux = w
				k++
				continue
			case midAdverbList.has(w) && !isVerbForm(w):
				k++
				continue
			}
			if modalList.has(aux) || aux == "do" || aux == "does" || aux == "did" {
				if isVerbBase(w) || isVerbBase(strings.TrimPrefix(w, "co-")) {
					c.main = k
					k++
				}
			} else if isParticiple(w) || strings.HasSuffix(w, "ing") && len(w) > 4 || participleList.has(w) != "" {
				c.main = k
				k++
			}
			break
		}
		// A lone aux with adverbs after it: give the adverbs back to the rest.
		if c.main < 0 {
			k = j + 1
		}
	} else {
		c.main = k
		k++
	}
	c.verb = [2]int{j, k}
}

// onlyAdverbs reports whether t[a:b] holds adverbs and negations only:
// no subject.
func onlyAdverbs(t []prose.Token, a, b int) bool {
	for k := a; k < b; k++ {
		if !midAdverbList.has(t[k].Lower) && !negationList.has(t[k].Lower) {
			return false
		}
	}
	return true
}

// isNamingParticiple reports whether an -ed word introduces a name rather
// than being the verb: "a Norman named Oursel".
func isNamingParticiple(t []prose.Token, j int) bool {
	switch t[j].Lower {
	case "named", "called", "nicknamed", "titled", "entitled", "dubbed", "known":
		return j+1 < len(t) && (t[j+1].Cap || t[j+1].Lower == "as")
	}
	return false
}

// isRoleStart reports whether an appositive describing a person starts at
// toks[i]: "chair of ...", "a key founding member ...", "Robert's son",
// "one of the most prominent ...".
func isRoleStart(t []prose.Token, i int) bool {
	if i >= len(t) {
		return false
	}
	k := i
	if t[k].Lower == "one" && k+1 < len(t) && t[k+1].Lower == "of" {
		k += 2
	}
	if k < len(t) && (t[k].Lower == "a" || t[k].Lower == "an" || t[k].Lower == "the") {
		k++
	}
	// "Robert's son"
	for j := k; j < len(t) && j < k+4 && t[j].Cap && t[j].IsWord(); j++ {
		if j+1 < len(t) && t[j+1].Text == "'s" {
			k = j + 2
			break
		}
	}
	for s := 0; s < 5 && k < len(t); s++ {
		w := t[k]
		if roleNounList.has(w.Lower) || roleNounList.has(strings.TrimSuffix(w.Lower, "s")) {
			return true
		}
		if !w.IsWord() || functionList.has(w.Lower) && !w.Is("most", "other", "first", "second", "third", "former", "last", "next", "only") || finiteAt(t, k) {
			return false
		}
		k++
	}
	return false
}

// topComma returns the index of the next comma at bracket depth 0 in
// t[i:n], or -1.
func topComma(t []prose.Token, i, n int) int {
	return scanBrackets(t, i, n, func(k, depth int) bool { return depth <= 0 && t[k].Text == "," })
}

// closeBracket returns the index after the bracket that closes the one
// at t[i], or n.
func closeBracket(t []prose.Token, i, n int) int {
	k := scanBrackets(t, i, n, func(k, depth int) bool { return depth == 0 && (t[k].Text == ")" || t[k].Text == "]") })
	if k < 0 {
		return n
	}
	return k + 1
}

// scanBrackets returns the first k in [i, n) at which stop(k, depth)
// holds, depth being the bracket depth after t[k], or -1.
func scanBrackets(t []prose.Token, i, n int, stop func(k, depth int) bool) int {
	depth := 0
	for k := i; k < n; k++ {
		switch t[k].Text {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
		}
		if stop(k, depth) {
			return k
		}
	}
	return -1
}

func containsFinite(t []prose.Token, a, b int) bool {
	for k := a; k < b; k++ {
		if finiteAt(t, k) && !isNamingParticiple(t, k) {
			return true
		}
	}
	return false
}

// subjectMention returns the mention the subject consists of, or -1: the
// mention alone ("Kollontai", "the Normans"), or at the end of a
// describing phrase ("A Norman named Oursel", "the Byzantine general
// Alexius Komnenos").
func (c *clause) subjectMention() int {
	if !c.ok {
		return -1
	}
	a, b := c.subj[0], c.subj[1]
	// "Robert Guiscard, an other Norman adventurer ...,": an appositive
	// after the subject describes it.
	if k := topComma(c.toks, a, b); k > a {
		b = k
	}
	// "The Normans (Norman: Nourmands; ...)": a bracket after the subject
	// glosses it.
	if b > a && c.toks[b-1].Text == ")" {
		for k := a; k < b; k++ {
			if c.toks[k].Text == "(" && closeBracket(c.toks, k, b) == b {
				b = k
				break
			}
		}
	}
	if k := c.mentionIn(a, b); k >= 0 {
		return k
	}
	for k, m := range c.ments {
		if m.b != b || m.a <= a {
			continue
		}
		// Everything before it must describe it: determiners, adjectives,
		// nouns, "named".
		for i := a; i < m.a; i++ {
			w := c.toks[i]
			if !w.IsWord() || w.Cap && i > a && !nationalityList.has(w.Lower) || subjectList.has(w.Lower) || w.Lower == "and" || w.Lower == "of" {
				return -1
			}
		}
		prev := c.toks[m.a-1].Lower
		if prev == "named" || prev == "called" || roleNounList.has(prev) {
			return k
		}
		return -1
	}
	return -1
}

// truncate returns where a question built from t[a:n] should stop: before
// a colon, a dash, a relative or subordinate clause, a participle clause,
// a second main clause, or (in a question) a second item after ", and".
func truncate(t []prose.Token, a, n int) int { return cut(t, a, n, true) }

// truncateStatement is truncate for a statement or a cloze, which keep a
// list whole: "by Robert Griesemer, Rob Pike, and Ken Thompson".
func truncateStatement(t []prose.Token, a, n int) int { return cut(t, a, n, false) }

// opensAfterComma reports a word that, after a comma, opens a clause or
// a phrase of its own, where cut ends a stem. One switch: cut asks it
// after every comma of every clause.
func opensAfterComma(w string) bool {
	switch w {
	case "which", "who", "whom", "whose", "where", "when", "while", "whereas", "but", "although",
		"though", "as", "because", "since", "thus", "thereby", "including", "until", "after", "before", "if", "so":
		return true
	}
	return false
}

func cut(t []prose.Token, a, n int, question bool) int {
	depth := 0
	quote := false
	for k := a; k < n; k++ {
		w := t[k]
		switch w.Text {
		case "(":
			depth++
			continue
		case ")":
			if depth > 0 {
				depth--
			}
			continue
		case `"`:
			quote = !quote
			continue
		}
		if depth > 0 || quote {
			continue
		}
		switch w.Text {
		case ":", ";", "—", "–", "-":
			if w.Text != "—" && hyphenAt(t, k) {
				continue // "10-floor", "1914–18": a hyphen, not a dash
			}
			return k
		case ",":
			if k+1 >= n {
				return k
			}
			x := t[k+1]
			switch {
			case opensAfterComma(x.Lower):
				return k
			case strings.HasSuffix(x.Lower, "ing") && len(x.Lower) > 4 && !x.Cap:
				return k
			case midAdverbList.has(x.Lower) && k+2 < n && strings.HasSuffix(t[k+2].Lower, "ing"):
				return k
			case x.Is("and", "or") && !pairedBefore(t, 0, k) && (question || k+2 < n && (subjectList.has(t[k+2].Lower) || containsFinite(t, k+2, min(n, k+6)))):
				// A second item or clause: a question asks about one.
				return k
			case prepositionList.has(x.Lower) && k+2 < n && t[k+2].Is("what", "which", "whom"):
				return k // ", in what was then the Kingdom of Poland"
			case x.Is("a", "an", "the"):
				// ", an event which resulted in ...": a comment on the clause.
				for j := k + 2; j < n && j < k+6; j++ {
					if t[j].Is("which", "that", "who") {
						return k
					}
				}
			}
		}
		if (w.Lower == "who" || w.Lower == "which" || w.Lower == "where") && k > a && t[k-1].Text != "," && k+1 < n && finiteAt(t, k+1) {
			if prepositionList.has(t[k-1].Lower) {
				// ", one of which was ...": the phrase before "of which"
				// means nothing without the rest.
				for j := k - 1; j >= a; j-- {
					if t[j].Text == "," {
						return j
					}
				}
			}
			return k
		}
	}
	return n
}

// hyphenAt reports whether token k touches the tokens on both sides, as
// a hyphen inside a word does.
func hyphenAt(t []prose.Token, k int) bool {
	return k > 0 && k+1 < len(t) && t[k-1].End == t[k].Start && t[k].End == t[k+1].Start
}

// pairedBefore reports whether t[a:k] opens a pair that needs its "and":
// "both ... and", "either ... or", "between ... and".
func pairedBefore(t []prose.Token, a, k int) bool {
	for i := a; i < k; i++ {
		if t[i].Is("both", "either", "neither", "between") {
			return true
		}
	}
	return false
}

// textOf joins the tokens of the given ranges of t, with the document's
// spacing inside a range and a single space between ranges.
func textOf(t []prose.Token, ranges ...[2]int) string {
	var b strings.Builder
	b.Grow(spanLen(t, ranges))
	prevEnd := -1
	for _, r := range ranges {
		for k := r[0]; k < r[1]; k++ {
			w := t[k]
			if b.Len() > 0 {
				switch {
				case k == r[0] || prevEnd < 0:
					if !glued(w.Text) {
						b.WriteByte(' ')
					}
				case w.Start > prevEnd:
					b.WriteByte(' ')
				}
			}
			b.WriteString(w.Text)
			prevEnd = w.End
		}
		prevEnd = -1
	}
	return tidyText(b.String())
}

// spanLen bounds the length of the ranges' text, a space after each
// token, so that a builder allocates once.
func spanLen(t []prose.Token, ranges [][2]int) int {
	n := 0
	for _, r := range ranges {
		for k := r[0]; k < r[1]; k++ {
			n += len(t[k].Text) + 1
		}
	}
	return n
}

func glued(s string) bool {
	return s == "," || s == "." || s == ")" || s == "'s" || s == ";" || s == ":" || s == "?" || s == "!"
}

// tidyText fixes what cutting a sentence leaves behind: doubled or dangling
// commas, spaces before punctuation, empty brackets.
func tidyText(s string) string {
	if !untidy(s) {
		return strings.TrimSpace(s)
	}
	for _, f := range [][2]string{{" ,", ","}, {",,", ","}, {", ,", ","}, {" .", "."}, {"()", ""}, {"( ", "("}, {" )", ")"}, {"  ", " "}, {", ?", "?"}, {" ?", "?"}, {",?", "?"}, {",.", "."}} {
		for strings.Contains(s, f[0]) {
			s = strings.ReplaceAll(s, f[0], f[1])
		}
	}
	return strings.TrimSpace(s)
}

// doubleSpace reports whether s has two spaces in a row: strings.Contains
// would stop at every space, and a stem has one between every two words.
func doubleSpace(s string) bool {
	for i := 1; i < len(s); i += 2 {
		if s[i] == ' ' && (s[i-1] == ' ' || i+1 < len(s) && s[i+1] == ' ') {
			return true
		}
	}
	return false
}

// untidy reports whether s has something tidyText fixes: " ,", ",,", " .",
// "(", "  ", "?" or ",.". Every stem goes through here.
func untidy(s string) bool {
	// Each mark is looked for with a scan of its own: "(" and "?" with
	// IndexByte, which reads many bytes at a time; two spaces with
	// doubleSpace, which reads every other byte; a comma or a full stop
	// after a space or a comma where one of the few commas and stops is.
	if strings.IndexByte(s, '(') >= 0 || strings.IndexByte(s, '?') >= 0 || doubleSpace(s) {
		return true
	}
	return markAfterSpace(s, ',') || markAfterSpace(s, '.')
}

// markAfterSpace reports whether mark follows a space or a comma in s.
func markAfterSpace(s string, mark byte) bool {
	for i := 0; ; {
		k := strings.IndexByte(s[i:], mark)
		if k < 0 {
			return false
		}
		if j := i + k; j > 0 && (s[j-1] == ' ' || s[j-1] == ',') {
			return true
		}
		i += k + 1
	}
}

// capitalize upper-cases the first letter of s.
func capitalize(s string) string {
	for i, r := range s {
		if r >= 'a' && r <= 'z' {
			return s[:i] + string(r-32) + s[i+1:]
		}
		if r != '"' && r != '\'' && r != '(' {
			return s
		}
	}
	return s
}

// subjectText is the subject as a question writes it, inside the
// question: without its appositives, and with the first word lower-cased
// when it is not a name ("The Normans" -> "the Normans").
func (c *clause) subjectText() string {
	a, b := c.subj[0], c.subj[1]
	// "Julius Caesar, a Roman general and statesman," is "Julius Caesar" in
	// a question.
	var ranges [][2]int
	x := a
	for k := a; k < b; k++ {
		if c.toks[k].Text == "," {
			e := topComma(c.toks, k+1, b)
			if e < 0 {
				e = b
			}
			ranges = append(ranges, [2]int{x, k})
			x = e + 1
			k = e
		}
	}
	if x < b {
		ranges = append(ranges, [2]int{x, b})
	}
	s := textOf(c.toks, ranges...)
	first := c.toks[a]
	if first.Cap && (functionList.has(first.Lower) || determinerList.has(first.Lower)) && first.Text != "I" {
		s = first.Lower + s[len(first.Text):]
	} else if first.Cap && c.mentionAt(a) < 0 && !first.AllCaps() && a == c.lead && (c.lower[first.Lower] > c.midCap[first.Lower] || c.midCap[first.Lower] == 0) {
		s = strings.ToLower(s[:len(first.Text)]) + s[len(first.Text):]
	}
	return s
}
