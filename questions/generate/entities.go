package generate

import (
	"strings"
	"unicode"
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
	nTypes
)

var typeNames = [...]string{"none", "person", "group", "organisation", "place", "event", "work", "name", "term", "date", "number"}

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
		return m.num.unit != "" || m.num.prefix != "" || m.num.suffix != ""
	}
	return true
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
	norms  []string
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
		w := len(strings.Fields(f))
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
		case femaleNames[w[0]]:
			return 'f'
		case maleTitles[w[0]] || firstNames[w[0]] && len(w) > 1:
			g = 'm'
		}
	}
	return g
}

// normForms are the entity's forms, normalised, once.
func (e *entity) normForms() []string {
	if e.norms == nil {
		for _, f := range e.forms {
			e.norms = append(e.norms, normalize(f))
		}
	}
	return e.norms
}

// short is the form a second mention uses: the surname of a person, else
// the display form.
func (e *entity) short() string {
	d := e.display()
	f := strings.Fields(d)
	if e.typ == ePerson && len(f) >= 2 {
		last := f[len(f)-1]
		if !isRomanWord(last) && !strings.Contains(d, " the ") && !strings.Contains(d, " of ") && !personTitles[strings.ToLower(f[0])] {
			return last
		}
	}
	return d
}

func isRomanWord(w string) bool { return token{text: w}.roman() }

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
			if i == 0 || !t.isWord() || sentenceStartAt(s.toks, i) {
				continue
			}
			if t.cap {
				st.capMid[t.lower]++
			} else {
				st.lowMid[t.lower]++
			}
		}
	}
	return st
}

// sentenceStartAt reports whether toks[i] begins a sentence or a quotation,
// where capitals say nothing.
func sentenceStartAt(toks []token, i int) bool {
	if i == 0 {
		return true
	}
	p := toks[i-1].text
	if p == `"` || p == "'" || p == ":" || p == "(" {
		return i == 1 || toks[i-2].text == ":" || p == ":"
	}
	return false
}

// findMentions finds the dates, quantities and names of a sentence.
func findMentions(toks []token, st *docStats) []mention {
	var out []mention
	for i := 0; i < len(toks); {
		if end, d, ok := scanDate(toks, i); ok {
			m := mention{typ: eDate, a: i, b: end, date: d}
			if i > 0 && (openDatePreps[toks[i-1].lower] || toks[i-1].lower == "the" && i > 1 && openDatePreps[toks[i-2].lower]) {
				m.open = true
			}
			if d.kind == dRange || d.kind == dMonthDay {
				m.open = true
			}
			if end < len(toks) && (toks[end].lower == "to" || toks[end].text == "–" || toks[end].text == "-") {
				m.open = true
			}
			out = append(out, m)
			i = end
			continue
		}
		if end, v, ok := scanNumber(toks, i); ok {
			m := mention{typ: eNumber, a: i, b: end, num: v}
			if i > 0 && approximators[toks[i-1].lower] || i > 1 && toks[i-1].lower == "than" || i > 1 && toks[i-2].lower == "up" {
				m.open = true
			}
			out = append(out, m)
			i = end
			continue
		}
		if end, ok := scanName(toks, i, st); ok {
			out = append(out, splitName(toks, i, end)...)
			i = end
			continue
		}
		i++
	}
	for k := range out {
		m := &out[k]
		m.text = joinSpan(toks, m.a, m.b)
		m.poss = m.b < len(toks) && toks[m.b].text == "'s"
		m.the = m.a > 0 && toks[m.a-1].lower == "the"
	}
	markCoordinations(toks, out)
	return out
}

func joinSpan(toks []token, a, b int) string {
	var sb strings.Builder
	for i := a; i < b; i++ {
		if i > a && toks[i].start > toks[i-1].end {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].text)
	}
	return sb.String()
}

// nameConnectors join the parts of a name: "Battle of Hastings", "Roussel de
// Bailleul", "William the Conqueror".
var nameConnectors = wordSet(`of de du des la le van von der den da di del al bin ibn y the`)

// scanName reads a run of capitalised words, with connectors between them,
// starting at toks[i].
func scanName(toks []token, i int, st *docStats) (int, bool) {
	t := toks[i]
	if !startsName(toks, i, st) {
		return 0, false
	}
	j := i + 1 // after a word, or an ordinal: "9th Congress"
	for j < len(toks) {
		u := toks[j]
		if u.isWord() && (u.cap || u.allCaps()) && !(u.text == "I" && !toks[j-1].cap) {
			if _, isMonth := months[u.lower]; isMonth && j+1 < len(toks) && toks[j+1].kind == tNum {
				break
			}
			j++
			continue
		}
		if u.isWord() && (strings.HasPrefix(u.text, "d'") || strings.HasPrefix(u.text, "l'")) && len(u.text) > 2 && isUpperWord(u.text[2:]) {
			j++ // "Pierre d'Aulps"
			continue
		}
		if u.isWord() && nameConnectors[u.lower] && j+1 < len(toks) {
			k := j + 1
			if u.lower != "the" && toks[k].lower == "the" && k+1 < len(toks) {
				k++
			}
			next := toks[k]
			if next.isWord() && next.cap && !startsSentenceWord(next) || next.kind == tNum && u.lower == "the" && k > j+1 {
				if u.lower == "the" && !isEpithetStart(toks, i, j) {
					break
				}
				j = k + 1
				continue
			}
			// "Letter of the 22": a number closing a name.
			if u.lower == "of" && k > j+1 && next.kind == tNum && k+1 <= len(toks) && (k+1 == len(toks) || !toks[k+1].isWord() || toks[k+1].cap) {
				j = k + 1
				continue
			}
		}
		break
	}
	// A name never ends with a connector.
	for j > i+1 && nameConnectors[toks[j-1].lower] {
		j--
	}
	if t.kind == tNum && j == i+1 {
		return 0, false
	}
	// A lone nationality or a lone title is an adjective or a word, not a
	// name; so is a compound ending in lower case ("Norse-speaking").
	if j == i+1 && (nationalities[t.lower] || personTitles[t.lower] || t.text == "I") {
		return 0, false
	}
	if j == i+1 {
		if h := strings.LastIndexByte(t.text, '-'); h > 0 && h+1 < len(t.text) && !isUpperWord(t.text[h+1:]) {
			return 0, false
		}
	}
	return j, true
}

func startsSentenceWord(t token) bool { return functionWords[t.lower] && t.lower != "the" }

// isEpithetStart reports whether a "the" at toks[j] continues a person's
// name ("William the Conqueror") rather than starting a new phrase.
func isEpithetStart(toks []token, i, j int) bool {
	return j == i+1 && firstNames[toks[i].lower] || j == i+2 && personTitles[toks[i].lower]
}

// startsName reports whether toks[i] can begin a name.
func startsName(toks []token, i int, st *docStats) bool {
	t := toks[i]
	if t.kind == tNum {
		_, ok := ordinalNumber(t)
		return ok && i+1 < len(toks) && toks[i+1].cap && toks[i+1].isWord() && !functionWords[toks[i+1].lower]
	}
	if !t.isWord() || !t.cap {
		return false
	}
	if !sentenceStartAt(toks, i) {
		return t.text != "I"
	}
	// At the start of a sentence a capital proves nothing: the word must be
	// known as a name, or seen capitalised elsewhere and never in lower case.
	if functionWords[t.lower] || midAdverbs[t.lower] {
		return false
	}
	if personTitles[t.lower] || firstNames[t.lower] || countries[t.lower] || t.allCaps() {
		return true
	}
	nextCap := i+1 < len(toks) && toks[i+1].cap && toks[i+1].isWord()
	if st.lowMid[t.lower] > 0 && !(nextCap && st.capMid[t.lower] > st.lowMid[t.lower]) {
		return false
	}
	if st.capMid[t.lower] > 0 {
		return true
	}
	if isVerbForm(t.lower) || isVerbBase(t.lower) || strings.HasSuffix(t.lower, "ly") {
		return false
	}
	// An unknown word followed by another capitalised word or a verb is
	// taken to be a name: "Raimbaud led ...".
	if i+1 < len(toks) && (toks[i+1].cap || toks[i+1].text == "'s" || finiteAt(toks, i+1)) {
		return true
	}
	// "Roussel de Bailleul ..."
	if i+2 < len(toks) && nameConnectors[toks[i+1].lower] && toks[i+1].lower != "the" && toks[i+1].lower != "of" && toks[i+2].cap {
		return true
	}
	return false
}

// splitName splits "King Charles III of West Francia" into the person and
// the place: a ruler's territory is not part of the name a question asks
// for. Other "X of Y" names ("Battle of Hastings", "Robert of Jumièges")
// stay whole.
func splitName(toks []token, a, b int) []mention {
	for k := a + 1; k < b-1; k++ {
		if toks[k].lower != "of" {
			continue
		}
		if personTitles[toks[a].lower] && k-a >= 2 || toks[k-1].roman() && k-a >= 2 {
			// "King Malcolm III of Scotland", "Richard I of Normandy"
			m1 := mention{a: a, b: k}
			p := k + 1
			if toks[p].lower == "the" {
				p++
			}
			if p < b {
				return []mention{m1, {a: p, b: b}}
			}
			return []mention{m1}
		}
		if k == a+1 && strings.HasSuffix(toks[a].lower, "s") && !orgKeywords[toks[a].lower] && !placeKeywords[toks[a].lower] && !eventKeywords[toks[a].lower] && !workKeywords[toks[a].lower] {
			// "Normans of Italy", "Franks of the Carolingian dynasty": a people
			// and where they lived.
			p := k + 1
			if toks[p].lower == "the" {
				p++
			}
			return []mention{{a: a, b: k}, {a: p, b: b}}
		}
		if personTitles[toks[a].lower] && k == a+1 {
			// "Count of Boulogne": a title, not a name.
			return nil
		}
		break
	}
	return []mention{{a: a, b: b}}
}

// markCoordinations flags names joined in a list: "Trotsky and Zinoviev",
// "Denmark, Iceland and Norway". Commas alone do not make a list ("at the
// invitation of Harthacnut, Edward returned"): one "and" or "or" must join
// its last two members.
func markCoordinations(toks []token, ms []mention) {
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
			case len(g) == 1 && g[0].text == ",":
				joined = true
			case len(g) == 1 && g[0].is("and", "or", "nor"), len(g) == 2 && g[0].text == "," && g[1].is("and", "or"):
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
			if g := toks[x.b:y.a]; g[len(g)-1].is("and", "or", "nor") {
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
	f := strings.Fields(strings.ToLower(s))
	for len(f) > 1 && (f[0] == "the" || personTitles[f[0]]) {
		f = f[1:]
	}
	if n := len(f); n > 0 {
		f[n-1] = strings.TrimSuffix(strings.TrimSuffix(f[n-1], "'s"), "'")
	}
	return strings.Join(f, " ")
}

// vote adds the evidence of one mention to its entity's type votes.
func vote(e *entity, toks []token, m mention) {
	v := &e.votes
	words := toks[m.a:m.b]
	first, last := words[0], words[len(words)-1]
	head := last
	// "World War I": the keyword comes before a numeral.
	for k := len(words) - 1; k > 0 && (words[k].roman() || words[k].kind == tNum); k-- {
		head = words[k-1]
	}
	for k, w := range words {
		if k > 0 && (w.lower == "of" || w.lower == "de") {
			head = words[k-1]
			break
		}
	}
	n := len(words)
	hasKeyword := orgKeywords[head.lower] || placeKeywords[head.lower] || eventKeywords[head.lower] || workKeywords[head.lower]
	if personTitles[first.lower] && n > 1 && !orgKeywords[head.lower] && !placeKeywords[head.lower] {
		v[ePerson] += 3
	}
	if firstNames[first.lower] && n <= 4 && !hasKeyword {
		v[ePerson] += 2
		if n == 1 {
			v[ePerson] -= 0.5
		}
	}
	if last.roman() && n > 1 && !eventKeywords[head.lower] {
		v[ePerson] += 2
	}
	for k := 1; k+1 < n; k++ {
		if words[k].lower == "the" && words[k+1].cap && !hasKeyword {
			v[ePerson] += 2 // an epithet: "Cnut the Great"
		}
	}
	switch {
	case eventKeywords[head.lower] && (first.kind == tNum || ordinalWords[first.lower] > 0 || head.lower != "congress" && head.lower != "council" && head.lower != "conference"):
		v[eEvent] += 3
	case orgKeywords[head.lower]:
		v[eOrg] += 3
	case placeKeywords[head.lower]:
		v[ePlace] += 3
	case workKeywords[head.lower]:
		v[eWork] += 2.5
	}
	if countries[strings.ToLower(m.textFrom(toks))] {
		v[ePlace] += 3
	}
	if n == 1 && first.allCaps() {
		v[eOrg] += 1
	}
	if n >= 1 && !hasKeyword && len(last.lower) >= 5 && !last.allCaps() {
		for _, suf := range surnameSuffixes {
			if strings.HasSuffix(last.lower, suf) && len(last.lower) > len(suf)+2 {
				v[ePerson] += 1
				break
			}
		}
	}
	if n == 1 && !first.allCaps() && isPluralName(first.lower) {
		v[eGroup] += 1
		if m.a > 0 && toks[m.a-1].lower == "the" {
			v[eGroup] += 0.5
		}
		for _, suf := range demonymSuffixes {
			if strings.HasSuffix(first.lower, suf) {
				v[eGroup] += 0.5
				break
			}
		}
	}
	// Context.
	prev, prev2 := "", ""
	if m.a > 0 {
		prev = toks[m.a-1].lower
	}
	if m.a > 1 {
		prev2 = toks[m.a-2].lower
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
	if roleNouns[prev] && !personTitles[first.lower] && !hasKeyword {
		v[ePerson] += 1.5 // "their leader Rollo", "the Byzantine general Alexius Komnenos"
	}
	if m.b < len(toks) {
		next := toks[m.b]
		switch {
		case next.text == "'s" && m.b+1 < len(toks) && roleNouns[toks[m.b+1].lower]:
			v[ePerson] += 1.5
		case next.text == "," && m.b+1 < len(toks) && roleNouns[toks[m.b+1].lower]:
			v[ePerson] += 1.5
		case next.text == "," && m.b+2 < len(toks) && (toks[m.b+1].lower == "a" || toks[m.b+1].lower == "the") && roleNouns[toks[m.b+2].lower]:
			v[ePerson] += 1
		}
		k := m.b
		for k < len(toks) && midAdverbs[toks[k].lower] {
			k++
		}
		if k < len(toks) && humanVerbs[toks[k].lower] && !hasKeyword {
			if n == 1 && strings.HasSuffix(first.lower, "s") {
				v[eGroup] += 0.5
			} else {
				v[ePerson] += 1
			}
		}
		if k < len(toks) && (toks[k].lower == "who" || toks[k].text == "," && k+1 < len(toks) && toks[k+1].lower == "who") && !hasKeyword && !isPluralName(last.lower) {
			v[ePerson] += 1
		}
	}
	if n >= 2 && n <= 3 && !hasKeyword && isPluralName(last.lower) && !last.allCaps() {
		v[eGroup] += 1.2 // "Seljuk Turks", "Orkney Vikings"
	}
	if n >= 2 && n <= 3 && !hasKeyword && !first.allCaps() {
		v[eName] += 0.5 // two or three capitalised words: often a person
		v[ePerson] += 0.4
	}
}

// isPluralName reports whether a capitalised word looks like a plural
// ("Normans", "Danes"), not a name ending in s ("Tarsus", "Paris").
func isPluralName(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "os") && !strings.HasSuffix(w, "as") && !countries[w]
}

func (m mention) textFrom(toks []token) string { return joinSpan(toks, m.a, m.b) }

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
func isUpperWord(w string) bool { return w != "" && unicode.IsUpper(firstRune(w)) }
