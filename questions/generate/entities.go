package generate

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdrill/questions/generate/prose"
)

// etype is the type of a fact's key. Distractors share their key's type.
type etype uint8

const (
	eNone   etype = iota
	ePerson       // "Yuri Lutovinov", "King Charles III"
	eGroup        // a people or a faction named in the plural: "the Normans"
	eOrg          // "the Central Committee", "RCP"
	ePlace        // "Moscow Oblast", "France"
	eEvent        // "the Battle of Hastings", "the 9th Congress of ..."
	eWork         // "the Letter of the 22"
	eName         // a proper name of unknown type
	eTerm         // a term a sentence defines: "photosynthesis"
	eDate
	eNumber
	eConcept // a noun phrase a clause states something of: "the stroma", "alternating current"
	nTypes
)

var typeNames = [...]string{"none", "person", "group", "organisation", "place", "event", "work", "name", "term", "date", "number", "concept"}

func (t etype) String() string { return typeNames[t] }

// A mention is a span of a sentence that names an entity, a date or a
// quantity.
type mention struct {
	typ  etype
	a, b int    // token range
	text string // as written
	ent  *entity
	date dateVal
	num  numVal
	// open marks a bound or an estimate ("by March 1920", "more than 300"):
	// other values would be right too.
	open bool
	// coord marks a member of a coordination ("Trotsky and Zinoviev"):
	// its partner is right too.
	coord bool
	poss  bool // followed by "'s"
	the   bool // preceded by "the"
}

// keyable reports whether a question may ask for the mention.
func (m mention) keyable() bool {
	switch m.typ {
	case eNone:
		return false
	case eNumber:
		return m.num.unit != "" || m.num.prefix != "" || m.num.suffix != "" || m.num.bare
	}
	// An initial ("Y." of "Y. pestis") is half a name.
	return len([]rune(strings.TrimSuffix(m.text, "."))) > 1
}

// An entity is a named thing of the document, with all the ways it is
// written.
type entity struct {
	id     int
	typ    etype
	forms  []string // distinct forms as written, first seen first
	counts []int    // mentions of each form
	core   []string // tokens of the fullest form, without titles
	count  int
	first  int // index of the first sentence naming it
	votes  [nTypes]float64
	merged *entity // set when merged into another entity
	disp   string  // display, once the forms are known
	key    string  // "e:" and the display, the entity's answer key (see answerKey)
	norms  []string
	// optionForms caches the entity as an option: its text (the display,
	// or the short form), normalised, and in lower case; see asOption.
	optionForms [2]*optionText
}

// optionText is an entity written as an option, with the forms the
// distractor checks compare.
type optionText struct {
	text, norm, lower string
	place             int     // its kind of place (see placeKind)
	kind              kindSig // its kind within its type (see sameKind)
}

// asOption returns the entity as an option: its display, or its short
// form when short is set, computed once.
func (e *entity) asOption(short bool) *optionText {
	i := 0
	if short {
		i = 1
	}
	if e.optionForms[i] == nil {
		text := e.display()
		if short {
			text = e.short()
		}
		e.optionForms[i] = &optionText{text: text, norm: prose.Normalize(text), lower: strings.ToLower(text), place: placeKind(e.display()), kind: kindOf(text)}
	}
	return e.optionForms[i]
}

// root follows merges to the entity that stands for all its variants.
func (e *entity) root() *entity {
	for e.merged != nil {
		e = e.merged
	}
	return e
}

// display is the fullest common form of the name: the most frequent among
// the forms with the most words.
func (e *entity) display() string {
	if e.disp != "" {
		return e.disp
	}
	best, bw, bc := "", 0, 0
	for i, f := range e.forms {
		w := wordCount(f)
		if w > bw || w == bw && e.counts[i] > bc {
			best, bw, bc = f, w, e.counts[i]
		}
	}
	e.disp = best
	return best
}

// gender says whether a person's name or title is a woman's ('f') or a
// man's ('m'), or 0 when the lists do not tell.
func (e *entity) gender() byte {
	g := byte(0)
	for _, f := range e.forms {
		w := strings.Fields(strings.ToLower(f))
		if len(w) == 0 {
			continue
		}
		switch {
		case femaleNameList.has(w[0]):
			return 'f'
		case maleTitleList.has(w[0]) || firstNameList.has(w[0]) && len(w) > 1:
			g = 'm'
		}
	}
	return g
}

// normForms are the entity's forms, normalised, once.
func (e *entity) normForms() []string {
	if e.norms == nil {
		for _, f := range e.forms {
			e.norms = append(e.norms, prose.Normalize(f))
		}
	}
	return e.norms
}

// short is the form a second mention uses: the surname of a person, else
// the display form.
func (e *entity) short() string {
	d := e.display()
	if e.typ != ePerson || fieldsUpTo(d, 2) < 2 {
		return d
	}
	last := lastField(d)
	if !isRomanWord(last) && !strings.Contains(d, " the ") && !strings.Contains(d, " of ") && !lowerIn(personTitles, firstField(d)) {
		return last
	}
	return d
}

func isRomanWord(w string) bool { return prose.Token{Text: w}.Roman() }

// docStats counts how each word is written away from the start of a
// sentence, to tell a name ("Kollontai co-signed") from a capitalised
// common word ("Moreover, ...").
type docStats struct {
	capMid map[string]int
	lowMid map[string]int
}

func collectStats(sents []*sentence) docStats {
	st := docStats{capMid: map[string]int{}, lowMid: map[string]int{}}
	for _, s := range sents {
		for i, t := range s.toks {
			if i == 0 || !t.IsWord() || sentenceStartAt(s.toks, i) {
				continue
			}
			if t.Cap {
				st.capMid[t.Lower]++
			} else {
				st.lowMid[t.Lower]++
			}
		}
	}
	return st
}

// sentenceStartAt reports whether toks[i] begins a sentence or a quotation,
// where capitals say nothing.
func sentenceStartAt(toks []prose.Token, i int) bool {
	if i == 0 {
		return true
	}
	p := toks[i-1].Text
	if p == `"` || p == "'" || p == ":" || p == "(" {
		return i == 1 || toks[i-2].Text == ":" || p == ":"
	}
	return false
}

// findMentions finds the dates, quantities and names of a sentence.
func findMentions(toks []prose.Token, st *docStats) []mention {
	// The mentions are gathered on the stack and copied once to the
	// heap at their number, not grown there one append at a time.
	var buf [16]mention
	out := buf[:0]
	for i := 0; i < len(toks); {
		if end, d, ok := scanDate(toks, i); ok {
			m := mention{typ: eDate, a: i, b: end, date: d}
			if i > 0 && (openDatePrepList.has(toks[i-1].Lower) || toks[i-1].Lower == "the" && i > 1 && openDatePrepList.has(toks[i-2].Lower)) {
				m.open = true
			}
			if d.kind == dRange || d.kind == dMonthDay {
				m.open = true
			}
			if end < len(toks) && (toks[end].Lower == "to" || toks[end].Text == "–" || toks[end].Text == "-") {
				m.open = true
			}
			out = append(out, m)
			i = end
			continue
		}
		if end, v, ok := scanNumber(toks, i); ok {
			m := mention{typ: eNumber, a: i, b: end, num: v}
			if i > 0 && approximatorList.has(toks[i-1].Lower) || i > 1 && toks[i-1].Lower == "than" || i > 1 && toks[i-2].Lower == "up" {
				m.open = true
			}
			if i > 1 && (toks[i-1].Text == "–" || toks[i-1].Text == "-") && toks[i-2].Kind == prose.Number {
				m.open = true // the end of a range, "10–15%": half a fact
			}
			out = append(out, m)
			i = end
			continue
		}
		if end, ok := scanName(toks, i, st); ok {
			out = splitName(out, toks, i, end)
			i = end
			continue
		}
		i++
	}
	for k := range out {
		m := &out[k]
		m.text = joinSpan(toks, m.a, m.b)
		m.poss = m.b < len(toks) && toks[m.b].Text == "'s"
		m.the = m.a > 0 && toks[m.a-1].Lower == "the"
	}
	markCoordinations(toks, out)
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

func joinSpan(toks []prose.Token, a, b int) string {
	var sb strings.Builder
	sb.Grow(spanLen(toks, [][2]int{{a, b}}))
	for i := a; i < b; i++ {
		if i > a && toks[i].Start > toks[i-1].End {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].Text)
	}
	return sb.String()
}

// noGaps reports whether the tokens are written together, no space
// between any two of them.
func noGaps(toks []prose.Token) bool {
	for i := 1; i < len(toks); i++ {
		if toks[i].Start > toks[i-1].End {
			return false
		}
	}
	return true
}

// nameConnectors join the parts of a name: "Battle of Hastings", "Roussel de
// Bailleul", "William the Conqueror".
var nameConnectors = prose.WordSet(`of de du des la le van von der den da di del al bin ibn y the`)

// scanName reads a run of capitalised words, with connectors between them,
// starting at toks[i].
func scanName(toks []prose.Token, i int, st *docStats) (int, bool) {
	t := toks[i]
	if !startsName(toks, i, st) {
		return 0, false
	}
	j := i + 1 // after a word, or an ordinal: "9th Congress"
	for j < len(toks) {
		u := toks[j]
		if u.IsWord() && (u.Cap || u.AllCaps()) && !(u.Text == "I" && !toks[j-1].Cap) && !(functionList.has(u.Lower) && !nameConnectors[u.Lower]) {
			if _, isMonth := monthList.get(u.Lower); isMonth && j+1 < len(toks) && toks[j+1].Kind == prose.Number {
				break
			}
			j++
			continue
		}
		if u.IsWord() && (strings.HasPrefix(u.Text, "d'") || strings.HasPrefix(u.Text, "l'")) && len(u.Text) > 2 && isUpperWord(u.Text[2:]) ||
			u.IsWord() && (strings.HasPrefix(u.Text, "al-") || strings.HasPrefix(u.Text, "el-") || strings.HasPrefix(u.Text, "ad-")) && len(u.Text) > 3 && isUpperWord(u.Text[3:]) {
			j++ // "Pierre d'Aulps"
			continue
		}
		if nickname(toks, j) {
			j += 3 // William "Duff" Armstrong
			continue
		}
		if u.IsWord() && nameConnectors[u.Lower] && j+1 < len(toks) {
			k := j + 1
			if u.Lower != "the" && toks[k].Lower == "the" && k+1 < len(toks) {
				k++
			}
			next := toks[k]
			if next.IsWord() && next.Cap && !startsSentenceWord(next) || next.Kind == prose.Number && u.Lower == "the" && k > j+1 {
				if u.Lower == "the" && !isEpithetStart(toks, i, j) {
					break
				}
				j = k + 1
				continue
			}
			// "Letter of the 22": a number closing a name.
			if u.Lower == "of" && k > j+1 && next.Kind == prose.Number && k+1 <= len(toks) && (k+1 == len(toks) || !toks[k+1].IsWord() || toks[k+1].Cap) {
				j = k + 1
				continue
			}
		}
		break
	}
	// A name never ends with a connector.
	for j > i+1 && nameConnectors[toks[j-1].Lower] {
		j--
	}
	if t.Kind == prose.Number && j == i+1 {
		return 0, false
	}
	// A lone nationality or a lone title is an adjective or a word, not a
	// name; so is a compound ending in lower case ("Norse-speaking").
	if j == i+1 && (nationalityList.has(t.Lower) && !nationalityNoun(toks, i) || personTitleList.has(t.Lower) || t.Text == "I") {
		return 0, false
	}
	if j == i+1 {
		// "X-ray", "U-boat": one capital letter and a word is a term.
		if h := strings.LastIndexByte(t.Text, '-'); h > 1 && h+1 < len(t.Text) && !isUpperWord(t.Text[h+1:]) {
			return 0, false
		}
	}
	return j, true
}

// nickname reports a nickname in quotation marks at toks[j] between two
// words of a name: William "Duff" Armstrong.
func nickname(toks []prose.Token, j int) bool {
	if j+3 >= len(toks) || !isQuote(toks[j].Text) || !isQuote(toks[j+2].Text) {
		return false
	}
	n, after := toks[j+1], toks[j+3]
	return n.IsWord() && n.Cap && !functionList.has(n.Lower) && after.IsWord() && after.Cap && !functionList.has(after.Lower) &&
		toks[j].End == n.Start && n.End == toks[j+2].Start
}

// isQuote reports a double quotation mark, straight or curly.
func isQuote(s string) bool { return s == `"` || s == "“" || s == "”" }

// nationalityNoun reports whether a nationality word standing alone at
// toks[i] is a noun, a people or a language, rather than an adjective
// whose noun follows: "built by the Dutch in 1624", "he studied German,
// arithmetic and religion", not "the Russian biologist", "a Jewish
// minority". It must come after "the", a preposition or a verb, and no
// word it could describe may follow, nor "and" and such a word.
func nationalityNoun(toks []prose.Token, i int) bool {
	if i == 0 || sentenceStartAt(toks, i) {
		return false
	}
	if i+1 < len(toks) {
		n := toks[i+1]
		if n.IsWord() && !functionList.has(n.Lower) && !prepositionList.has(n.Lower) || n.Text == "'s" || n.Text == "-" {
			return false
		}
		// "the French and British war", "the Arabic and modern name":
		// adjectives sharing the noun after the second.
		if n.Is("and", "or") && i+2 < len(toks) {
			m := toks[i+2]
			if m.IsWord() && !m.Cap && !functionList.has(m.Lower) {
				return false
			}
			if nationalityList.has(m.Lower) && i+3 < len(toks) && toks[i+3].IsWord() && !toks[i+3].Cap && !functionList.has(toks[i+3].Lower) && !prepositionList.has(toks[i+3].Lower) {
				return false
			}
		}
	}
	p := toks[i-1]
	return p.Lower == "the" || prepositionList.has(p.Lower) && p.Lower != "of" || isVerbForm(p.Lower) && !auxiliaryList.has(p.Lower)
}

func startsSentenceWord(t prose.Token) bool { return functionList.has(t.Lower) && t.Lower != "the" }

// isEpithetStart reports whether a "the" at toks[j] continues a person's
// name ("William the Conqueror") rather than starting a new phrase.
func isEpithetStart(toks []prose.Token, i, j int) bool {
	return j == i+1 && firstNameList.has(toks[i].Lower) || j == i+2 && personTitleList.has(toks[i].Lower)
}

// startsName reports whether toks[i] can begin a name.
func startsName(toks []prose.Token, i int, st *docStats) bool {
	t := toks[i]
	if t.Kind == prose.Number {
		_, ok := ordinalNumber(t)
		return ok && i+1 < len(toks) && toks[i+1].Cap && toks[i+1].IsWord() && !functionList.has(toks[i+1].Lower)
	}
	if !t.IsWord() || !t.Cap {
		return false
	}
	if !sentenceStartAt(toks, i) {
		return t.Text != "I"
	}
	// At the start of a sentence a capital proves nothing: the word must be
	// known as a name, or seen capitalised elsewhere and never in lower case.
	if functionList.has(t.Lower) || midAdverbList.has(t.Lower) {
		return false
	}
	if personTitleList.has(t.Lower) || firstNameList.has(t.Lower) || countryList.has(t.Lower) || t.AllCaps() {
		return true
	}
	nextCap := i+1 < len(toks) && toks[i+1].Cap && toks[i+1].IsWord()
	if st.lowMid[t.Lower] > 0 && !(nextCap && st.capMid[t.Lower] > st.lowMid[t.Lower]) {
		return false
	}
	if st.capMid[t.Lower] > 0 {
		return true
	}
	if isVerbForm(t.Lower) || isVerbBase(t.Lower) || strings.HasSuffix(t.Lower, "ly") {
		return false
	}
	// An unknown word followed by another capitalised word or a verb is
	// taken to be a name: "Raimbaud led ...".
	if i+1 < len(toks) && (toks[i+1].Cap || toks[i+1].Text == "'s" || finiteAt(toks, i+1)) {
		return true
	}
	// "Roussel de Bailleul ..."
	if i+2 < len(toks) && nameConnectors[toks[i+1].Lower] && toks[i+1].Lower != "the" && toks[i+1].Lower != "of" && toks[i+2].Cap {
		return true
	}
	return false
}

// splitName splits "King Charles III of West Francia" into the person and
// the place: a ruler's territory is not part of the name a question asks
// for. Other "X of Y" names ("Battle of Hastings", "Robert of Jumièges")
// stay whole. The mentions are appended to out.
func splitName(out []mention, toks []prose.Token, a, b int) []mention {
	for k := a + 1; k < b-1; k++ {
		if toks[k].Lower != "of" {
			continue
		}
		if personTitleList.has(toks[a].Lower) && k-a >= 2 || toks[k-1].Roman() && k-a >= 2 {
			// "King Malcolm III of Scotland", "Richard I of Normandy"
			m1 := mention{a: a, b: k}
			p := k + 1
			if toks[p].Lower == "the" {
				p++
			}
			if p < b {
				return append(out, m1, mention{a: p, b: b})
			}
			return append(out, m1)
		}
		if k == a+1 && strings.HasSuffix(toks[a].Lower, "s") && !orgKeywordList.has(toks[a].Lower) && !placeKeywordList.has(toks[a].Lower) && !eventKeywordList.has(toks[a].Lower) && !workKeywordList.has(toks[a].Lower) {
			// "Normans of Italy", "Franks of the Carolingian dynasty": a people
			// and where they lived.
			p := k + 1
			if toks[p].Lower == "the" {
				p++
			}
			return append(out, mention{a: a, b: k}, mention{a: p, b: b})
		}
		if personTitleList.has(toks[a].Lower) && k == a+1 {
			// "Count of Boulogne": a title, not a name.
			return out
		}
		break
	}
	return append(out, mention{a: a, b: b})
}

// markCoordinations flags names joined in a list: "Trotsky and Zinoviev",
// "Denmark, Iceland and Norway". Commas alone do not make a list ("at the
// invitation of Harthacnut, Edward returned"): one "and" or "or" must join
// its last two members.
func markCoordinations(toks []prose.Token, ms []mention) {
	for k := range ms {
		ms[k].coord = false
	}
	start := 0
	hasAnd := false
	flush := func(end int) {
		if hasAnd && end > start {
			for k := start; k <= end; k++ {
				ms[k].coord = true
			}
		}
	}
	for k := 0; k+1 < len(ms); k++ {
		x, y := ms[k], ms[k+1]
		gap := y.a - x.b
		joined := false
		if gap >= 1 && gap <= 2 && !x.poss && !y.poss && (x.typ == y.typ || x.typ == eNone && y.typ == eNone) {
			g := toks[x.b:y.a]
			switch {
			case len(g) == 1 && g[0].Text == ",":
				joined = true
			case len(g) == 1 && g[0].Is("and", "or", "nor"), len(g) == 2 && g[0].Text == "," && g[1].Is("and", "or"):
				joined, hasAnd = true, true
			}
		}
		if !joined {
			flush(k)
			start, hasAnd = k+1, false
			continue
		}
		if hasAnd {
			// The list ends at its "and".
			if g := toks[x.b:y.a]; g[len(g)-1].Is("and", "or", "nor") {
				flush(k + 1)
				start, hasAnd = k+2, false
				k++
			}
		}
	}
	flush(len(ms) - 1)
}

// nameKey is how names are compared: lower case, no leading "the", no
// possessive, no titles.
func nameKey(s string) string {
	low := strings.ToLower(s)
	if singleSpaced(low) {
		return nameKeySpaced(low)
	}
	f := strings.Fields(low)
	for len(f) > 1 && (f[0] == "the" || personTitleList.has(f[0])) {
		f = f[1:]
	}
	if n := len(f); n > 0 {
		f[n-1] = strings.TrimSuffix(strings.TrimSuffix(f[n-1], "'s"), "'")
	}
	return strings.Join(f, " ")
}

// nameKeySpaced is nameKey of a name already in lower case whose words
// are cut by single spaces: the key is then a part of it, found without
// cutting it into words (this runs for every mention and name looked up).
func nameKeySpaced(low string) string {
	for {
		sp := strings.IndexByte(low, ' ')
		if sp < 0 || low[:sp] != "the" && !personTitleList.has(low[:sp]) {
			break
		}
		low = low[sp+1:]
	}
	return strings.TrimSuffix(strings.TrimSuffix(low, "'s"), "'")
}

// singleSpaced reports whether s is ASCII with no space at either end, no
// two spaces together and no white space but the space: its words are
// what strings.Fields would cut, joined by the spaces between them.
func singleSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// vote adds the evidence of one mention to its entity's type votes: the
// words of the name (titles, keywords, given names, endings), then the
// words around it.
func vote(e *entity, toks []prose.Token, m mention) {
	v := &e.votes
	words := toks[m.a:m.b]
	first, last := words[0], words[len(words)-1]
	head := last
	// "World War I": the keyword comes before a numeral.
	for k := len(words) - 1; k > 0 && (words[k].Roman() || words[k].Kind == prose.Number); k-- {
		head = words[k-1]
	}
	for k, w := range words {
		if k > 0 && (w.Lower == "of" || w.Lower == "de") {
			head = words[k-1]
			break
		}
	}
	n := len(words)
	hasKeyword := orgKeywordList.has(head.Lower) || placeKeywordList.has(head.Lower) || eventKeywordList.has(head.Lower) || workKeywordList.has(head.Lower)
	if personTitleList.has(first.Lower) && n > 1 && !orgKeywordList.has(head.Lower) && !placeKeywordList.has(head.Lower) {
		v[ePerson] += 3
	}
	if firstNameList.has(first.Lower) && n <= 4 && !hasKeyword {
		v[ePerson] += 2
		if n == 1 {
			v[ePerson] -= 0.5
		}
	}
	if last.Roman() && n > 1 && !eventKeywordList.has(head.Lower) {
		v[ePerson] += 2
	}
	for k := 1; k+1 < n; k++ {
		if words[k].Lower == "the" && words[k+1].Cap && !hasKeyword {
			v[ePerson] += 2 // an epithet: "Cnut the Great"
		}
	}
	switch {
	case eventKeywordList.has(head.Lower) && (first.Kind == prose.Number || ordinalList.has(first.Lower) > 0 || head.Lower != "congress" && head.Lower != "council" && head.Lower != "conference"):
		v[eEvent] += 3
	case orgKeywordList.has(head.Lower):
		v[eOrg] += 3
	case placeKeywordList.has(head.Lower):
		v[ePlace] += 3
	case workKeywordList.has(head.Lower):
		v[eWork] += 2.5
	}
	// The countries are single words: a name of one word is looked up by
	// its lower case, one of words with a space between them is none, and
	// only words written together are joined to look them up.
	if n == 1 && countryList.has(first.Lower) || n > 1 && noGaps(words) && lowerIn(countries, m.textFrom(toks)) {
		v[ePlace] += 3
	}
	if n == 1 && first.AllCaps() {
		v[eOrg] += 1
	}
	if n >= 1 && !hasKeyword && len(last.Lower) >= 5 && !last.AllCaps() {
		for _, suf := range surnameSuffixes {
			if strings.HasSuffix(last.Lower, suf) && len(last.Lower) > len(suf)+2 {
				v[ePerson] += 1
				break
			}
		}
	}
	if n == 1 && !first.AllCaps() && isPluralName(first.Lower) {
		v[eGroup] += 1
		if m.a > 0 && toks[m.a-1].Lower == "the" {
			v[eGroup] += 0.5
		}
		for _, suf := range demonymSuffixes {
			if strings.HasSuffix(first.Lower, suf) {
				v[eGroup] += 0.5
				break
			}
		}
	}
	if n >= 2 && n <= 3 && !hasKeyword && isPluralName(last.Lower) && !last.AllCaps() {
		v[eGroup] += 1.2 // "Seljuk Turks", "Orkney Vikings"
	}
	if n >= 2 && n <= 3 && !hasKeyword && !first.AllCaps() {
		v[eName] += 0.5 // two or three capitalised words: often a person
		v[ePerson] += 0.4
	}
	voteContext(&e.votes, toks, m, hasKeyword)
}

// voteContext adds the evidence of the words around a name: a
// preposition of place, "named", a role noun, a verb only people do.
func voteContext(v *[nTypes]float64, toks []prose.Token, m mention, hasKeyword bool) {
	words := toks[m.a:m.b]
	first, last := words[0], words[len(words)-1]
	n := len(words)
	prev, prev2 := "", ""
	if m.a > 0 {
		prev = toks[m.a-1].Lower
	}
	if m.a > 1 {
		prev2 = toks[m.a-2].Lower
	}
	switch prev {
	case "in", "at", "near", "into", "across", "throughout", "towards", "toward", "from":
		if !hasKeyword {
			v[ePlace] += 0.6
		}
	case "by":
		if prev2 != "" && isParticiple(prev2) && !hasKeyword && n <= 3 {
			v[ePerson] += 0.6
		}
	case "named", "called":
		if prev2 != "so" && prev2 != "so-" {
			v[ePerson] += 2
		}
	}
	if roleNounList.has(prev) && !personTitleList.has(first.Lower) && !hasKeyword {
		v[ePerson] += 1.5 // "their leader Rollo", "the Byzantine general Alexius Komnenos"
	}
	if m.b < len(toks) {
		next := toks[m.b]
		switch {
		case next.Text == "'s" && m.b+1 < len(toks) && roleNounList.has(toks[m.b+1].Lower):
			v[ePerson] += 1.5
		case next.Text == "," && m.b+1 < len(toks) && roleNounList.has(toks[m.b+1].Lower):
			v[ePerson] += 1.5
		case next.Text == "," && m.b+2 < len(toks) && (toks[m.b+1].Lower == "a" || toks[m.b+1].Lower == "the") && roleNounList.has(toks[m.b+2].Lower):
			v[ePerson] += 1
		}
		k := m.b
		for k < len(toks) && midAdverbList.has(toks[k].Lower) {
			k++
		}
		if k < len(toks) && humanVerbList.has(toks[k].Lower) && !hasKeyword {
			if n == 1 && strings.HasSuffix(first.Lower, "s") {
				v[eGroup] += 0.5
			} else {
				v[ePerson] += 1
			}
		}
		if k < len(toks) && (toks[k].Lower == "who" || toks[k].Text == "," && k+1 < len(toks) && toks[k+1].Lower == "who") && !hasKeyword && !isPluralName(last.Lower) {
			v[ePerson] += 1
		}
	}
}

// isPluralName reports whether a capitalised word looks like a plural
// ("Normans", "Danes"), not a name ending in s ("Tarsus", "Paris").
func isPluralName(w string) bool {
	return pluralNoun(w) && !strings.HasSuffix(w, "os") && !strings.HasSuffix(w, "as") && !countryList.has(w)
}

func (m mention) textFrom(toks []prose.Token) string { return joinSpan(toks, m.a, m.b) }

// decideType picks an entity's type from its votes.
func decideType(e *entity) etype {
	best, bv := eName, 0.99
	for t := ePerson; t < eTerm; t++ {
		if e.votes[t] > bv {
			best, bv = t, e.votes[t]
		}
	}
	return best
}

// isUpperWord reports whether a word starts with a capital letter.
func isUpperWord(w string) bool { return w != "" && unicode.IsUpper(prose.FirstRune(w)) }
