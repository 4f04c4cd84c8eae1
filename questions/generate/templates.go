package generate

import (
	"strings"

	"factdrill/questions/generate/prose"
)

// The wh-question templates. Each turns a parsed clause and the mention it
// asks for into a question, or reports that it does not fit; a template
// that is not sure says no.

var beForms = prose.WordSet(`is are was were am`)

// kinNouns take "the" when a role is asked about: "the sister of X".
var kinNouns = prose.WordSet(`sister brother son daughter wife husband father mother uncle aunt nephew
	niece cousin grandson granddaughter grandfather grandmother half-brother half-sister heir widow`)

// motionVerbs take a "to/in/at" phrase that answers "Where?".
var motionVerbs = prose.WordSet(`flee move go return travel sail land arrive settle live die retreat withdraw
	emigrate escape stay remain base locate situate bury meet march ride come flee send exile
	reside sign establish found bear`)

// whQuestion returns the best question asking for mention k of clause c.
func (c *clause) whQuestion(k int) string {
	if !c.ok || c.neg {
		return ""
	}
	m := c.ments[k]
	if m.coord || m.open || c.swapped != nil && m.ent == c.swapped {
		return ""
	}
	for _, f := range []func(int) string{c.roleQuestion, c.subjectQ, c.whoseQ, c.whenQ, c.objectQ, c.whereQ, c.agentQ, c.howManyQ} {
		if q := f(k); q != "" {
			return q
		}
	}
	return ""
}

// extras returns the fronted adverbials a question keeps at its end: dates
// ("on 5 July 1921") and attributions ("according to ..."), but not the
// one being asked for.
func (c *clause) extras(skip int) string {
	var parts []string
	for i, a := range c.advs {
		if i == skip {
			continue
		}
		switch a.kind {
		case advDate:
			t := textOf(c.toks, [2]int{a.a, a.b})
			parts = append(parts, lowerFirstWord(t))
		case advAccording:
			parts = append(parts, ", "+lowerFirstWord(textOf(c.toks, [2]int{a.a, a.b})))
		case advOther:
			// "In Assam, 239 people have been killed ...": the place
			// qualifies what is asked; without it the question asks
			// about every place.
			if placePhrase(c.toks[a.a:a.b]) || framePhrase(c.toks[a.a:a.b]) {
				parts = append(parts, lowerFirstWord(textOf(c.toks, [2]int{a.a, a.b})))
			}
		}
	}
	return strings.Join(parts, " ")
}

// placePhrase reports a fronted phrase that names where: "In Assam",
// "In the Indian state of Jharkhand".
func placePhrase(t []prose.Token) bool {
	if len(t) < 2 || !t[0].Is("in", "within", "throughout", "across") {
		return false
	}
	for _, w := range t[1:] {
		if w.Is("his", "her", "its", "their") {
			return false // "At their Kuwait meeting": an occasion, not a place
		}
	}
	for _, w := range t[1:] {
		if w.Cap && w.IsWord() && !functionList.has(w.Lower) && monthList.has(w.Lower) == 0 {
			return true
		}
	}
	return false
}

// framePhrase reports a short fronted phrase that names the case a
// statement holds in: "In left-hand pizzicato, two fingers are put on the
// string", "In captivity, ...". Without it the question asks about every
// case ("How many fingers are put on the string?"). A connective ("In
// fact", "In addition") or a time ("In recent years") frames nothing.
func framePhrase(t []prose.Token) bool {
	if len(t) < 2 || len(t) > 4 || !t[0].Is("in") || frameless[t[1].Lower] {
		return false
	}
	for _, w := range t[1:] {
		if !w.IsWord() || w.Cap || subjectList.has(w.Lower) || w.Is("his", "her", "its", "their", "this", "that", "these", "those") || timeNouns[w.Lower] {
			return false
		}
	}
	last := t[len(t)-1].Lower
	return !functionList.has(last) && !strings.HasSuffix(last, "ly")
}

// frameless are the words after "in" of a connective or a time, not a
// case: "In addition", "In the meantime", "In recent years".
var frameless = prose.WordSet(`addition fact contrast particular general practice turn response meantime short total all return
	comparison other effect theory reality principle part sum brief conclusion summary order time recent later early late
	most many some any each both either the a an spite place lieu light view favour favor terms which what`)

func lowerFirstWord(s string) string {
	if s == "" {
		return s
	}
	w := strings.Fields(s)[0]
	if lowerIn(functionWords, w) {
		return strings.ToLower(w) + s[len(w):]
	}
	return s
}

// question assembles a question from its parts and tidies it.
func question(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if b.Len() > 0 && !strings.HasPrefix(p, ",") {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	q := strings.TrimRight(b.String(), " ,.;:")
	// "... accomplishing "peaceable revolution."?": the quotation's stop
	// goes with the sentence it ended.
	for _, end := range []string{`."`, ".”", `,"`, ",”"} {
		if strings.HasSuffix(q, end) {
			q = q[:len(q)-len(end)] + end[1:]
		}
	}
	q = tidyText(q + "?")
	if badQuestion(q) {
		return ""
	}
	return capitalize(q)
}

// badQuestion reports the marks of a question put together wrongly: an
// auxiliary followed by a conjunction or a comma ("did and end with"),
// two auxiliaries in a row.
//
// A question that ends with a preposition or a bare pronoun ("...
// bulwarks against?", "... in 1989 it?") was cut in the wrong place, and
// two past forms in a row ("Who led founded ...") were two clauses run
// together.
func badQuestion(q string) bool {
	t := prose.Tokenize(q)
	for i := 0; i+1 < len(t) && i < 5; i++ {
		if auxiliaryList.has(t[i].Lower) && (conjunctions[t[i+1].Lower] || t[i+1].Kind == prose.Punct || auxiliaryList.has(t[i+1].Lower) && !t[i+1].Is("been", "being", "be", "have")) {
			return true
		}
	}
	if n := len(t); n >= 3 {
		last := t[n-2] // before the question mark
		if prepositionList.has(last.Lower) && !last.Is("about", "for", "from", "with", "to", "of", "in", "on", "at") || last.Is("it", "them", "him", "her") && !t[n-3].Is("of", "in", "on", "at", "to", "with") {
			return true
		}
	}
	if n := len(t); n >= 3 {
		// "... manufactured in Peruvian?": an adjective of a people cut
		// from its noun ("in Peruvian, and primarily Limean, factories").
		last := t[n-2]
		if last.Cap && prepositionList.has(t[n-3].Lower) && !nationalityList.has(last.Lower) && (strings.HasSuffix(last.Lower, "ian") || strings.HasSuffix(last.Lower, "ean") || strings.HasSuffix(last.Lower, "ese")) {
			return true
		}
	}
	// "Where did ... volunteers come from around the world came to
	// fight?": the verb asked with "did" comes back in the past, two
	// clauses run together.
	for i := 0; i+1 < len(t); i++ {
		if !t[i].Is("did", "does", "do") {
			continue
		}
		for j := i + 1; j < len(t); j++ {
			b, ok := pastLemma(t[j].Lower)
			if !ok || t[j].Cap {
				continue
			}
			for k := i + 1; k < j; k++ {
				if t[k].Lower == b {
					return true
				}
			}
		}
		break
	}
	for i := 1; i+1 < len(t); i++ {
		if _, ok := pastList.get(t[i].Lower); ok && !t[i].Cap {
			if _, ok2 := pastList.get(t[i+1].Lower); ok2 && !t[i+1].Cap && !ambiguousList.has(t[i+1].Lower) {
				return true
			}
		}
	}
	return false
}

// subordinateBetween reports whether a subordinate clause opens between
// tokens a and b: "claim that the name first appeared in 1631" does not
// say when the claim was made.
func (c *clause) subordinateBetween(a, b int) bool {
	for i := a; i < b; i++ {
		if c.toks[i].Is("that", "which", "who", "whom", "when", "where", "because", "although", "while", "if", "whether") || finiteAt(c.toks, i) {
			return true
		}
	}
	return false
}

// restText is the rest of the clause after the verb group, cut before
// subordinate material, without the token ranges in drop.
func (c *clause) restText(from int, drop ...[2]int) (string, int) {
	cut := truncate(c.toks, from, c.end)
	var ranges [][2]int
	a := from
	for _, d := range drop {
		if d[0] < a || d[0] >= cut {
			continue
		}
		// Take a comma before a dropped phrase with it: ", in 1920,";
		// but keep it where it closes a phrase the text set off before
		// ("started, probably unwisely, on December 9, 1913, at ...").
		e := d[0]
		before := e > a && c.toks[e-1].Text == ","
		if before && commaCount(c.toks, a, e-1)%2 == 0 {
			e--
		}
		ranges = append(ranges, [2]int{a, e})
		a = d[1]
		if a < cut && c.toks[a].Text == "," && before {
			a++
		}
	}
	if a < cut {
		ranges = append(ranges, [2]int{a, cut})
	}
	var bare [][2]int
	for _, r := range ranges {
		bare = c.spans(bare, r[0], r[1])
	}
	ranges = bare
	// A question reads better without the commas that set off a phrase
	// in the middle of a sentence: "co-signed the letter, with her best
	// friend, as ..." keeps "with her best friend" without its commas;
	// "died in 1934, aged 66, at a sanatorium" drops "aged 66".
	var out [][2]int
	for _, r := range ranges {
		x := r[0]
		// A comma left in place opens a phrase ("Frances Folsom, the
		// daughter of his law partner, in the Blue Room"); the next one
		// closes it and stays.
		open := false
		for k := r[0]; k < r[1]; k++ {
			if c.toks[k].Text != "," || k+1 >= r[1] {
				continue
			}
			if open {
				open = false
				continue
			}
			open = true
			e := topComma(c.toks, k+1, r[1])
			if e < 0 && r[1] == cut && (cut == c.end || c.toks[cut].Text == ",") {
				e = r[1] // the phrase runs to where the question stops
			}
			next := c.toks[k+1]
			switch {
			case e > 0 && (strings.HasSuffix(next.Lower, "ed") || strings.HasSuffix(next.Lower, "ing") || next.Kind == prose.Number) && !next.Cap && e-k <= 6:
				out = append(out, [2]int{x, k})
				x = e + 1
				k = e
				open = false
			case e > 0 && prepositionList.has(next.Lower) && next.Lower != "as" && e-k <= 10:
				out = append(out, [2]int{x, k}, [2]int{k + 1, e})
				x = min(e+1, r[1])
				k = e
				open = false
			}
		}
		out = append(out, [2]int{x, r[1]})
	}
	return textOf(c.toks, out...), cut
}

// commaCount is the number of commas in t[a:b].
func commaCount(t []prose.Token, a, b int) int {
	n := 0
	for i := a; i < b; i++ {
		if t[i].Text == "," {
			n++
		}
	}
	return n
}

// ask assembles a question whose fronted adverbials (see extras) go at
// its end, or at its start where the end would hang them on a phrase the
// question describes ("Who wrote The Remarkable Millard Fillmore, a fake
// biography based on real events that happened in Fillmore's life in
// 2007?" puts 2007 in the life, not the writing). A date the question
// already shows is not said twice ("the 1893 World's Columbian Exposition
// ... in 1893").
func ask(extras string, parts ...string) string {
	if extras == "" {
		return question(parts...)
	}
	body := strings.Join(parts, " ")
	if f := strings.Fields(extras); len(f) == 2 && strings.Contains(body, f[1]) && f[1][0] >= '0' && f[1][0] <= '9' {
		return question(parts...)
	}
	for _, p := range parts[1:] {
		if strings.Contains(p, ", ") || containsAnyWord(p, "that", "which", "who", "whom", "whose") {
			first := strings.ToLower(parts[0][:1]) + parts[0][1:] // the wh-word
			return question(append([]string{strings.TrimPrefix(extras, ", ") + ","}, append([]string{first}, parts[1:]...)...)...)
		}
	}
	return question(append(parts, extras)...)
}

// containsAnyWord reports whether s has one of words as a whole word, in
// lower case.
func containsAnyWord(s string, words ...string) bool {
	for _, w := range words {
		for i := strings.Index(s, w); i >= 0; {
			end := i + len(w)
			if (i == 0 || s[i-1] == ' ') && (end == len(s) || s[end] == ' ' || s[end] == ',') {
				return true
			}
			j := strings.Index(s[i+1:], w)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return false
}

// subjectQ asks for the subject: "Who formulated a number of provisions
// ...?". A copula with an indefinite complement ("Who was a member of
// ...?") has many right answers and is refused.
func (c *clause) subjectQ(k int) string {
	if c.subjectMention() != k {
		return ""
	}
	m := c.ments[k]
	wh := "Who"
	switch m.typ {
	case ePerson, eGroup:
	case eOrg:
		// A committee decides (who), a university is founded (what); what
		// "is thought to be" is a thing.
		if !humanVerbList.has(c.toks[c.verb[1]-1].Lower) || c.verb[1]-c.verb[0] > 1 {
			wh = "What"
		}
	case eTerm:
		wh = "What"
	default:
		return ""
	}
	if m.poss {
		return ""
	}
	// "John Adams and his running mate, Charles Pinckney went against
	// ...": the name is one of two subjects, set off after "and".
	if m.a >= 2 && c.toks[m.a-1].Text == "," {
		for j := m.a - 2; j >= 0 && j >= m.a-6; j-- {
			if c.toks[j].Is("and", "or") {
				return ""
			}
		}
	}
	// "Who sent Adams to the Continental Congress?": Massachusetts is no
	// one, and "What" reads as a thing.
	if l := strings.ToLower(m.text); countryList.has(l) || usStates[l] || worldCities[l] {
		return ""
	}
	rest, _ := c.restText(c.verb[1])
	if c.main < 0 {
		r := strings.ToLower(rest)
		if strings.HasPrefix(r, "a ") || strings.HasPrefix(r, "an ") || strings.HasPrefix(r, "one of") || strings.HasPrefix(r, "among") || rest == "" {
			return ""
		}
	}
	if prose.WordCount(rest) < 2 {
		return ""
	}
	vg := textOf(c.toks, c.verb)
	return ask(c.extras(-1), wh, vg, rest)
}

// whoseQ asks for a possessor in the subject: "Whose theses caused great
// concern ...?".
func (c *clause) whoseQ(k int) string {
	m := c.ments[k]
	if !m.poss || m.typ != ePerson || m.a != c.subj[0] && !(m.a == c.subj[0]+1 && c.toks[c.subj[0]].Lower == "the") {
		return ""
	}
	if m.b+1 >= c.subj[1] {
		return ""
	}
	for i := m.b + 1; i < c.subj[1]; i++ {
		if c.toks[i].Cap || !c.toks[i].IsWord() {
			return ""
		}
	}
	noun := textOf(c.toks, [2]int{m.b + 1, c.subj[1]})
	rest, _ := c.restText(c.verb[1])
	if c.main < 0 {
		// "Zoya Shadurskaia was Kollontai's best friend" is handled by
		// roleQ; a bare copula here is too vague.
		return ""
	}
	return ask(c.extras(-1), "Whose", noun, textOf(c.toks, c.verb), rest)
}

// inverted writes the subject and verb group in question order: "did the
// Normans settle", "was the Duchy of Normandy established".
func (c *clause) inverted() string {
	t := c.toks
	v0, v1 := c.verb[0], c.verb[1]
	w := t[v0].Lower
	subj := c.subjectText()
	if s := strings.ToLower(subj); subjectList.has(s) || strings.HasPrefix(s, "there") || s == "this" || s == "these" {
		return ""
	}
	if first := t[c.subj[0]].Lower; prepositionList.has(first) || first == "out" {
		return "" // "out of 1,178,914 inhabitants 833,500 were ...": not a subject to invert
	}
	pre := textOf(t, c.pre)
	if auxiliaryList.has(w) && (v1-v0 > 1 || beFormList.has(w)) {
		return strings.Join(nonEmpty(w, subj, pre, textOf(t, [2]int{v0 + 1, v1})), " ")
	}
	if c.main != v0 {
		return ""
	}
	switch w {
	case "had":
		return strings.Join(nonEmpty("did", subj, pre, "have"), " ")
	case "has", "have":
		return ""
	}
	if b, ok := pastLemma(w); ok {
		return strings.Join(nonEmpty("did", subj, pre, b), " ")
	}
	if b, ok := sLemma(w); ok {
		return strings.Join(nonEmpty("does", subj, pre, b), " ")
	}
	return ""
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// whenQ asks for a date in a fronted adverbial ("On December 30, 1920,
// leaders ... spoke ...") or in a phrase after the verb ("... in 1066").
func (c *clause) whenQ(k int) string {
	m := c.ments[k]
	if m.typ != eDate || m.open {
		return ""
	}
	wh := "When"
	if m.date.kind == dYear {
		wh = "In what year"
	}
	inv := c.inverted()
	if inv == "" {
		return ""
	}
	for i, a := range c.advs {
		if a.kind == advDate && a.ment == k {
			rest, _ := c.restText(c.verb[1])
			if c.main < 0 && !startsWithPreposition(rest) {
				return ""
			}
			return ask(c.extras(i), wh, inv, rest)
		}
	}
	p := m.a - 1
	if p >= 0 && c.toks[p].Lower == "the" {
		p--
	}
	if p < c.verb[1] || !c.toks[p].Is("in", "on", "at", "during") || c.subordinateBetween(c.verb[1], p) {
		return ""
	}
	if dateModifies(c.toks, m.b, c.end) || focusBefore(c.toks, c.verb[0], p) {
		return ""
	}
	rest, cut := c.restText(c.verb[1], [2]int{p, m.b})
	if m.b > cut || prose.WordCount(rest) < 1 && c.main < 0 {
		return ""
	}
	rest = beforeTimeClause(rest)
	if c.main < 0 && !startsWithPreposition(rest) {
		return ""
	}
	return ask(c.extras(-1), wh, inv, rest)
}

// beforeTimeClause cuts a "when" or "while" clause off the rest of a
// question that asks when: "When did the oil crisis begin when the members
// ... proclaimed an embargo?" says the time twice.
func beforeTimeClause(rest string) string {
	for _, w := range []string{" when ", " while "} {
		if i := strings.Index(" "+rest, w); i >= 0 {
			rest = strings.TrimRight(rest[:max(i-1, 0)], " ,")
		}
	}
	return rest
}

// dateModifies reports a date that is part of a name or a noun phrase,
// not when something happened: "in violation of the 1820 Anglo-Bahraini
// Treaty", "in 1998 elections". The word after it, t[b], is a noun.
func dateModifies(t []prose.Token, b, end int) bool {
	if b >= end {
		return false
	}
	n := t[b]
	return n.IsWord() && (n.Cap || !functionList.has(n.Lower) && !prepositionList.has(n.Lower) && !strings.HasSuffix(n.Lower, "ly") && !strings.HasSuffix(n.Lower, "ing"))
}

// focusWords bind to the phrase after them; with the date asked for
// taken out, they dangle: "In what year were wolves first spotted in
// the area back?", "In what year was the metro only opened?".
var focusWords = prose.WordSet(`only back just not even already still since until till as first`)

// focusBefore reports a focus word in the verb group (from v0) or just
// before the date's preposition at t[p].
func focusBefore(t []prose.Token, v0, p int) bool {
	if p > 0 && focusWords[t[p-1].Lower] && !t[p-1].Is("first") {
		return true
	}
	for i := v0; i < p; i++ {
		if t[i].Is("only", "not", "even", "until", "till") {
			return true
		}
	}
	return false
}

func startsWithPreposition(s string) bool {
	f := strings.Fields(s)
	return len(f) > 0 && lowerIn(prepositions, f[0])
}

// objectQ asks for the object of the verb: "What did Duke William II of
// Normandy conquer in 1066?", "Who did Robert Guiscard drive out of
// southern Italy?".
func (c *clause) objectQ(k int) string {
	m := c.ments[k]
	if c.main < 0 || m.poss {
		return ""
	}
	v1 := c.verb[1]
	if !(m.a == v1 || m.a == v1+1 && c.toks[v1].Lower == "the") {
		return ""
	}
	if beFormList.has(c.toks[c.verb[0]].Lower) {
		return "" // a passive or a copula: not an object
	}
	wh := "What"
	switch m.typ {
	case ePerson, eGroup:
		wh = "Who"
	case eDate, eNumber, eName:
		return ""
	}
	// "conquered England killing King Harold II": the object must end the
	// verb phrase or be followed by a preposition or a comma.
	if m.b < c.end {
		n := c.toks[m.b]
		if !(n.Text == "," || prepositionList.has(n.Lower) || n.Lower == "and" || strings.HasSuffix(n.Lower, "ing") || n.Lower == "out" || n.Lower == "as") || n.Lower == "of" {
			return "" // "reduce the population of Seville": the object is the whole phrase
		}
		if n.Lower == "and" {
			return ""
		}
		// "wanted the United States to abandon its policies": the object
		// is the subject of what follows, not the thing wanted.
		if n.Lower == "to" && m.b+1 < c.end && isVerbBase(c.toks[m.b+1].Lower) {
			return ""
		}
	}
	inv := c.inverted()
	if inv == "" {
		return ""
	}
	rest, _ := c.restText(m.b)
	if strings.HasPrefix(rest, ",") {
		rest = ""
	}
	return ask(c.extras(-1), wh, inv, rest)
}

// whereQ asks for a place a verb of movement or position points to:
// "Where did Ethelred flee in 1013?".
func (c *clause) whereQ(k int) string {
	m := c.ments[k]
	if m.typ != ePlace || c.main < 0 {
		return ""
	}
	lemma := c.toks[c.main].Lower
	if b, ok := pastLemma(lemma); ok {
		lemma = b
	} else if b, ok := participleList.get(lemma); ok {
		lemma = b
	} else if b, ok := edLemma(lemma); ok {
		lemma = b
	}
	if !motionVerbs[lemma] {
		return ""
	}
	p := m.a - 1
	if p >= 0 && c.toks[p].Lower == "the" {
		p--
	}
	if p < c.verb[1] || !c.toks[p].Is("to", "in", "into", "at") {
		return ""
	}
	if m.b < c.end && c.toks[m.b].Lower == "of" {
		return ""
	}
	inv := c.inverted()
	if inv == "" {
		return ""
	}
	rest, cut := c.restText(c.verb[1], [2]int{p, m.b})
	if m.b > cut {
		return ""
	}
	// "Where did Fillmore return?": with nothing but the subject and the
	// verb, it asks about every return.
	extras := c.extras(-1)
	if rest == "" && extras == "" {
		return ""
	}
	return ask(extras, "Where", inv, rest)
}

// agentQ turns a passive round to ask for its agent: "he was stopped by
// the Byzantine general Alexius Komnenos" gives "Who stopped Roussel de
// Bailleul?".
func (c *clause) agentQ(k int) string {
	m := c.ments[k]
	if m.typ != ePerson && m.typ != eGroup || c.main < 0 || !beFormList.has(c.toks[c.verb[0]].Lower) {
		return ""
	}
	if c.verb[1]-c.verb[0] != 2 {
		return ""
	}
	// "Corruption is blamed by Egyptians" is no "Who blamed ...?": a
	// present passive would want a present verb.
	if !c.toks[c.verb[0]].Is("was", "were") {
		return ""
	}
	past, ok := pastFromParticiple(c.toks[c.main].Lower)
	if !ok {
		return ""
	}
	// "by" [the] [describing words] NAME
	by := -1
	for i := m.a - 1; i >= c.verb[1]; i-- {
		if c.toks[i].Lower == "by" {
			by = i
			break
		}
		w := c.toks[i]
		if !w.IsWord() || w.Cap && !nationalityList.has(w.Lower) || finiteAt(c.toks, i) {
			return ""
		}
	}
	if by < 0 || m.b < c.end && c.toks[m.b].Text != "," && c.toks[m.b].Text != "." && !prepositionList.has(c.toks[m.b].Lower) {
		return ""
	}
	// "were kept in a menagerie established by King John": the agent is
	// the participle's, not the verb's.
	for i := c.verb[1]; i < by; i++ {
		if _, ok := pastFromParticiple(c.toks[i].Lower); ok && !c.toks[i].Cap {
			return ""
		}
	}
	obj := c.subjectText()
	if s := strings.ToLower(obj); subjectList.has(s) || strings.HasPrefix(s, "there") {
		return ""
	}
	if f := c.toks[c.subj[0]].Lower; strings.HasSuffix(f, "ly") || frontAdverbs[f] {
		return "" // "Often corruption was blamed ...": the adverb is no object
	}
	rest, cut := c.restText(c.verb[1], [2]int{by, m.b})
	if m.b > cut {
		return ""
	}
	return ask(c.extras(-1), "Who", past, obj, rest)
}

// tokenBefore returns the token before c.toks[i] in its sentence, which
// for a clause cut from a longer sentence may come before the clause.
func (c *clause) tokenBefore(i int) (prose.Token, bool) {
	if i > 0 {
		return c.toks[i-1], true
	}
	if c.sent == nil || len(c.toks) == 0 {
		return prose.Token{}, false
	}
	st := c.sent.toks
	for k := 1; k < len(st); k++ {
		if st[k].Start == c.toks[0].Start && st[k].Text == c.toks[0].Text {
			return st[k-1], true
		}
	}
	return prose.Token{}, false
}

// frontAdverbs may stand before a subject: "Often corruption is ...".
var frontAdverbs = prose.WordSet(`often also usually sometimes then still soon later once now thus`)

// roleQuestion asks about a role fact: "Who was chair of the Miners'
// Union?" (the person) and "Whose best friend was Zoya Shadurskaia?" (the
// possessor).
func (c *clause) roleQuestion(k int) string {
	rf := c.role
	if rf == nil || !c.ok {
		return ""
	}
	m := c.ments[k]
	if m.ent == rf.person.ent && k == c.subjectMention() {
		r := strings.ToLower(rf.role)
		if strings.HasPrefix(r, "a ") || strings.HasPrefix(r, "an ") || strings.HasPrefix(r, "one of") {
			return ""
		}
		// "the Italo-Norman prince" fits many; "the duke of Antioch" and
		// "Robert's son" point at one.
		if strings.HasPrefix(r, "the ") && !strings.Contains(r, " of ") && rf.possessor == nil {
			return ""
		}
		role := rf.role
		if f := strings.Fields(r); kinNouns[f[0]] || len(f) > 2 && f[1] == "of" && !functionList.has(f[0]) && prose.FirstRune(rf.role) == prose.FirstRune(r) {
			role = "the " + role // "Who was the sister of Duke Richard II?", "the founder of the City Philosophical Society"
		}
		return question("Who", textOf(c.toks, c.verb), role)
	}
	if rf.possessor != nil && m.ent == rf.possessor && m.poss && rf.possessor.typ == ePerson {
		rest := strings.TrimSpace(strings.TrimPrefix(rf.role, rf.possText+"'s"))
		if rest == rf.role || rest == "" {
			return ""
		}
		return question("Whose", rest, textOf(c.toks, c.verb), rf.person.text)
	}
	return ""
}

// howManyQ asks for a quantity that opens the subject ("8,000 of the
// 20,000 troops ... were Normans" gives "How many of the 20,000 troops ...
// were Normans?") or that counts the object ("The Normans took 300 ships"
// gives "How many ships did the Normans take?").
func (c *clause) howManyQ(k int) string {
	m := c.ments[k]
	if m.typ != eNumber || m.open || m.num.unit == "" || m.num.prefix != "" || m.num.suffix != "" {
		return ""
	}
	t := c.toks
	if m.a == c.subj[0] {
		rest, _ := c.restText(c.verb[1])
		noun := textOf(t, [2]int{m.b, c.subj[1]})
		if noun == "" || prose.WordCount(rest) < 1 {
			return ""
		}
		// "..., and six pieces of paper moistened with salt water": the
		// last item of a list and a participle, no subject and its verb.
		if p, ok := c.tokenBefore(m.a); ok && (p.Is("and", "or") || p.Text == ",") && c.verb[1]-c.verb[0] == 1 && strings.HasSuffix(t[c.verb[0]].Lower, "ed") {
			return ""
		}
		return ask(c.extras(-1), "How many", noun, textOf(t, c.verb), rest)
	}
	if c.main < 0 || m.a != c.verb[1] || beFormList.has(t[c.verb[0]].Lower) {
		return ""
	}
	// The counted noun phrase: the unit and the words before it.
	e := m.b
	for e < c.end && t[e].IsWord() && !t[e].Cap && !functionList.has(t[e].Lower) && t[e-1].Lower != m.num.unit {
		e++
	}
	if e == m.b || t[e-1].Lower != m.num.unit {
		return ""
	}
	inv := c.inverted()
	if inv == "" {
		return ""
	}
	rest, _ := c.restText(e)
	return ask(c.extras(-1), "How many", textOf(t, [2]int{m.b, e}), inv, rest)
}
