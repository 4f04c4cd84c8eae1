package generate

import (
	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// Shorter stems. Two items of one sentence may not both be in a set when
// each stem shows the other's answer ("Fresno is in the center of the
// _____ and is the largest city in the Central Valley." beside "... of
// the San Joaquin Valley and is the largest city in the _____."). Many
// such pairs come apart when one stem leaves out the part of the sentence
// that holds the other answer: a fronted phrase ("After the Third
// Partition of Poland in 1795, ...") or what follows a break after the
// blank ("..., whom he later married on February 26, 1826"). The
// selection uses such a stem only in place of the whole one, when the two
// items would otherwise give each other away (see pickItems). A cloze
// and a multiple choice asked in the cloze's words have one; an item
// with none of its own kind (a multiple choice or a short answer asked
// as a question) gives way to its fact's cut cloze.

// shortPenalty is what a cut stem loses against the whole one: it says
// less of the sentence, so it is picked only where the whole one cannot
// be, and seldom in a default set.
const shortPenalty = 0.5

// shortPerSentence is how many cut stems of a sentence are checked, best
// first: they serve only where two items would give each other away, and
// checking each costs as much as any item.
var shortPerSentence = 3

// shortStem is a cloze stem for mention k of c that leaves out the other
// answers c offers (the topic, never asked for, is none) where the
// sentence allows: the fronted phrases before
// the subject when one holds another answer (but not "According to ...":
// the claim is someone's), a first predicate holding one when the blank
// is in the second, and the rest of the clause from the first break after
// the blank and the verb when another answer follows it. It
// returns the stem, the word before its start and the token it is cut at
// (for the keep checks), or "" when no cut leaves out another answer.
func (d *document) shortStem(c *clause, k int) (stem, before, cut string) {
	if !c.ok || c.flat || c.derived {
		return "", "", ""
	}
	m := c.ments[k]
	start, end := c.lead, c.stemEnd(k)
	if m.a < start || m.b > end {
		return "", "", ""
	}
	other := func(a, b int) bool { // another answer within t[a:b]
		for j, o := range c.ments {
			if j != k && o.keyable() && o.a >= a && o.b <= b && !d.isTopic(o) {
				return true
			}
		}
		return false
	}
	dropped := false
	if len(c.advs) > 0 && m.a >= c.subj[0] && c.subj[0] > start && other(start, c.subj[0]) {
		according := false
		for _, a := range c.advs {
			according = according || a.kind == advAccording
		}
		if !according && c.toks[c.subj[0]-1].Text == "," {
			start, dropped = c.subj[0], true
		}
	}
	// "Fresno is in the center of the San Joaquin Valley and is the
	// largest city in the _____": the subject with the second predicate.
	var skip [2]int
	if c.subj[1] > start && c.subj[1] < m.a {
		for i := m.a - 1; i > c.verb[1]; i-- {
			if c.toks[i].Is("and", "but") && c.toks[i-1].Text != "," && finiteAt(c.toks, i+1) && !pairedBefore(c.toks, c.lead, i) {
				if other(c.subj[1], i) {
					skip, dropped = [2]int{c.subj[1], i + 1}, true
				}
				break
			}
		}
	}
	// The first break after the blank and the verb with another answer
	// after it.
	if e := c.breakBetween(max(m.b, c.verb[1]), end); e >= 0 && other(e, end) {
		end, dropped = e, true
	} else if e := c.trailingPhrase(max(m.b, c.verb[1]), end); e >= 0 && other(e, end) && d.saysWhereOrWhen(c, k, e, end) {
		// "Tesla began working for the company in France": the place, the
		// time or the amount the clause ends on is said of a whole
		// statement, which stays true without it.
		end, dropped = e, true
	}
	// "There are fifteen fraternities and seven sororities": a count of
	// one thing beside a count of another, each true alone.
	var tailSkip [2]int
	if a, b := c.countConjunct(k); b > a && (b <= m.a && a >= max(start, skip[1]) || a >= m.b && b <= end) {
		if b <= m.a {
			skip = [2]int{a, b}
		} else {
			tailSkip = [2]int{a, b}
		}
		dropped = true
	}
	if !dropped {
		return "", "", ""
	}
	var headBuf, tailBuf [4][2]int
	head := c.spans(headBuf[:0], start, m.a)
	if skip[1] > skip[0] {
		head = c.spans(c.spans(headBuf[:0], start, skip[0]), skip[1], m.a)
	}
	tail := c.spans(tailBuf[:0], m.b, end)
	if tailSkip[1] > tailSkip[0] {
		tail = c.spans(c.spans(tailBuf[:0], m.b, tailSkip[0]), tailSkip[1], end)
	}
	text := joinWith(c.toks, head, questions.Blank, tail)
	if prose.WordCount(text) < 6 {
		return "", "", ""
	}
	if start > 0 {
		before = c.toks[start-1].Lower
	}
	if end < c.end && end < len(c.toks) {
		cut = c.toks[end].Text
	}
	return finishSentence(text), before, cut
}

// countConjunct is the span a stem for mention k, a count, may leave out
// when the count is one of two joined by "and", each with its own noun,
// and the other is an answer too: " and seven sororities" after
// "fifteen fraternities", or "fifteen fraternities and " before "seven
// sororities". Counts of different things are each true alone; a count
// of the same thing ("between 5 and 10 metres") has no noun of its own
// before "and"; a count in a longer list is left alone. It returns an
// empty span when there is none.
func (c *clause) countConjunct(k int) (int, int) {
	m := c.ments[k]
	if m.typ != eNumber {
		return 0, 0
	}
	t := c.toks
	noun := func(i int) bool { // a word of a count's noun: "academic majors"
		return i < len(t) && t[i].IsWord() && !t[i].Cap && !functionList.has(t[i].Lower) && !finiteAt(t, i)
	}
	count := func(a int) int { // the other count starting at a, or -1
		for j, o := range c.ments {
			if j != k && o.a == a && o.typ == eNumber && o.keyable() {
				return j
			}
		}
		return -1
	}
	// The blank first: "_____ fraternities and seven sororities".
	i := m.b
	for i < c.end && noun(i) {
		i++
	}
	if i > m.b && i+1 < c.end && t[i].Lower == "and" {
		if j := count(i + 1); j >= 0 {
			e := c.ments[j].b
			for e < c.end && noun(e) {
				e++
			}
			// "18 research centres and 70 departments, faculties and
			// institutes": the second count's noun runs on in a list.
			if e > c.ments[j].b && (e >= c.end || !t[e].Is(",", "and", "or")) {
				return i, e
			}
		}
	}
	// The blank second: "fifteen fraternities and _____ sororities".
	if m.a < 2 || t[m.a-1].Lower != "and" || !noun(m.b) {
		return 0, 0
	}
	for i = m.a - 2; i > c.lead && noun(i); i-- {
		for j, o := range c.ments {
			// "10 wards, 18 research centres and _____ departments": a
			// list before the count goes with it.
			if j != k && o.b == i && o.typ == eNumber && o.keyable() && (o.a == 0 || !t[o.a-1].Is(",", "and", "or")) {
				return o.a, m.a
			}
		}
	}
	return 0, 0
}

// saysWhereOrWhen reports whether every other answer within t[a:b] is a
// place (or a name of unknown type), a time, an amount or an event: what
// an adjunct phrase says of a statement. A thing ("interest the War Department in the device",
// "listening by putting trunks on the ground") completes its verb.
func (d *document) saysWhereOrWhen(c *clause, k, a, b int) bool {
	for j, o := range c.ments {
		if j == k || o.a < a || o.b > b || !o.keyable() || d.isTopic(o) {
			continue
		}
		switch o.typ {
		case ePlace, eDate, eNumber, eEvent, eName: // a name of unknown type is mostly a place
		default:
			return false
		}
	}
	return true
}

// adjunctPreps open a phrase that says where, when or how a thing was
// done, and may be left out of a statement that stays true: "was shipped
// to Belgrade in 80 trunks", "began working for the company in France".
// "to", "by", "of", "for" and "from" mostly complete the verb or the noun
// before them ("moved to", "was founded by", "the son of").
var adjunctPreps = prose.WordSet(`in at on during near`)

// trailingPhrase is where the last phrase of t[a:b] begins when it is an
// adjunct (see adjunctPreps) of the clause's own verb, which the
// statement stays true without: a plain noun phrase after it (no verb,
// break, second preposition or "without", which would drop a qualifier:
// "unable to return in Britain without help"), no verb between the
// clause's verb and it (then it is said of a verb of its own: "said that
// he did not believe in telepathy"), and an object or complement before
// it that is no verb, function word or word the place completes ("was
// present in", "was born in", "lived in"). It returns -1 when there is
// none.
func (c *clause) trailingPhrase(a, b int) int {
	t := c.toks
	for e := b - 1; e >= a && e > c.verb[1]; e-- {
		w := t[e]
		if !w.IsWord() && w.Kind != prose.Number || w.Is("not", "only", "except", "unless") {
			return -1 // a comma, a bracket, a quotation, a qualifier: not a plain phrase
		}
		if !prepositionList.has(w.Lower) {
			continue
		}
		if !adjunctPreps[w.Lower] || e+1 >= b || e-1 <= c.verb[1] || containsFinite(t, e+1, b) || containsFinite(t, c.verb[1], e) {
			return -1
		}
		p := t[e-1]
		if !p.IsWord() && p.Kind != prose.Number || functionList.has(p.Lower) || isVerbForm(p.Lower) || bornWords[p.Lower] {
			return -1
		}
		return e
	}
	return -1
}

// bornWords need the phrase after them to say anything: "born in".
var bornWords = prose.WordSet(`born died buried based located situated lived resided`)

// breakBetween is where a stem may end within t[a:b]: the first break a
// statement is cut at (see truncateStatement), or an "and" or "but" that
// opens a second predicate of the same subject ("... of the San Joaquin
// Valley and is the largest city ...") or a second clause ("and its
// harbour was built ..."); -1 when there is none.
func (c *clause) breakBetween(a, b int) int {
	t := c.toks
	if e := truncateStatement(t, a, b); e < b {
		return e
	}
	for i := a; i+1 < b; i++ {
		// "and is the largest town", "and its harbour was built"
		if t[i].Is("and", "but") && t[i-1].Text != "," && !pairedBefore(t, c.lead, i) &&
			(finiteAt(t, i+1) || t[i+1].Is("its", "his", "her", "their", "the", "he", "she", "it", "they") && containsFinite(t, i+2, min(b, i+6))) {
			return i
		}
	}
	return -1
}
