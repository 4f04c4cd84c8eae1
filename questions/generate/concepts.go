package generate

import (
	"strings"

	"factdrill/questions/generate/prose"
)

// Concepts are the noun phrases a clause says something of, named by
// common words rather than capitals: "the stroma", "alternating current",
// "a marsupial". People ask about them as often as about names, so a
// clause offers its subject, its object and the objects of its
// prepositions as answers, when they are plain noun phrases.

// vagueNouns head noun phrases that say too little to be asked for: "a
// number of", "the way", "this time".
var vagueNouns = prose.WordSet(`way ways time times part parts number numbers lot lots kind kinds type types
	form forms use uses thing things case cases fact facts order addition result results example examples
	end place places one ones people person year years day days period periods other others
	member members group groups variety range series set sets amount amounts level levels area areas
	side sides point points term terms name names role roles work works rest majority minority
	instance instances manner means sort sorts aspect aspects feature features matter matters
	reason reasons purpose purposes effect effects country countries city cities town towns village
	villages nation nations region regions movement movements
	idea ideas thing situation course half total some many most all first second third last next`)

// adjectiveEndings mark a word that describes rather than names: a noun
// phrase does not end with one.
var adjectiveEndings = []string{"ly", "ous", "ive", "able", "ible", "ful", "less", "ish", "ary", "ical", "est"}

// particles complete a verb ("take up", "set out") and start no noun
// phrase.
var particles = prose.WordSet(`up out off down away back around forth`)

// conceptPreps are the prepositions whose object is offered as an answer.
var conceptPreps = prose.WordSet(`of in on at by from with into as for through during between among within
	without under over against towards toward across`)

// addConcepts adds the clause's plain noun phrases as concept mentions.
func (d *document) addConcepts(c *clause) {
	if !c.ok {
		return
	}
	t := c.toks
	var found [][2]int
	add := func(a, b int) {
		if !d.keyTerm(t, [2]int{a, b}) {
			return
		}
		if n := len(found); n == 0 || a >= found[n-1][1] {
			found = append(found, [2]int{a, b})
		}
	}
	// The subject, when it is a plain noun phrase and nothing else. A
	// subject of one word may have a capital only because it starts the
	// sentence ("Tusks are used to dig for water"): read it in lower case
	// when the document writes it so elsewhere and never with a capital
	// inside a sentence (see wholeSubject).
	i := c.subj[0]
	for i < c.subj[1] && t[i].Is("the", "a", "an") {
		i++
	}
	lowered := i < c.subj[1] && t[i].Cap && sentenceStartAt(t, i) && d.freq[t[i].Lower] > 0 && d.stats.capMid[t[i].Lower] == 0 &&
		wholeSubject(t, c, i)
	if lowered {
		t[i].Cap = false
	}
	if a, b := nounPhrase(t, c.subj[0], c.subj[1]); b == c.subj[1] && a < b {
		add(a, b)
	}
	if lowered {
		t[i].Cap = true
	}
	// The object, and the objects of prepositions after the verb.
	if a, b := nounPhrase(t, c.verb[1], c.end); a < b {
		add(a, b)
	}
	depth := 0
	for i := c.verb[1]; i < c.end; i++ {
		switch t[i].Text {
		case "(", "[":
			depth++
		case ")", "]":
			depth = max(0, depth-1)
		}
		if depth == 0 && conceptPreps[t[i].Lower] && !t[i].Cap && !(t[i].Lower == "as" && i+1 < c.end && t[i+1].Is("well", "much", "many", "long", "soon", "far")) {
			if a, b := nounPhrase(t, i+1, c.end); a < b {
				add(a, b)
			}
		}
	}
	if len(found) == 0 {
		return
	}
	ms := make([]mention, 0, len(c.ments)+len(found))
	fi := 0
	for _, m := range c.ments {
		for fi < len(found) && found[fi][1] <= m.a {
			ms = append(ms, d.concept(c, found[fi]))
			fi++
		}
		for fi < len(found) && found[fi][0] < m.b {
			fi++ // overlaps a name, a date or a term: that is the answer
		}
		ms = append(ms, m)
	}
	for ; fi < len(found); fi++ {
		ms = append(ms, d.concept(c, found[fi]))
	}
	c.ments = ms
}

// wholeSubject reports whether the one word at t[i] is the whole subject
// of c and its verb is read right: a subject of more words that starts a
// sentence is most often a kind qualified by an adjective ("Large males
// can weigh ...", "Healthy animals may also succumb ..."), which many
// other words would complete as truly, and a noun read as the verb
// ("Price controls exacerbated ...": "controls" is no verb there) is
// followed by another verb.
func wholeSubject(t []prose.Token, c *clause, i int) bool {
	if c.subj[1] != i+1 || c.verb[0] != i+1 {
		return false
	}
	v := c.verb[1]
	return v >= c.end || !isVerbForm(t[v].Lower) && !strings.HasSuffix(t[v].Lower, "ed") && !t[v].Is("or", "and")
}

// keyTerm reports whether a noun phrase names something the document
// comes back to: one of its words is used elsewhere too ("cholera" named
// twice is a disease the document is about; on the tuning half, asking
// for such words answered more human questions, at the same precision,
// than asking only for words named three times).
func (d *document) keyTerm(t []prose.Token, span [2]int) bool {
	const need = 2
	for _, w := range t[span[0]:span[1]] {
		if !functionList.has(w.Lower) && d.freq[w.Lower] >= need {
			return true
		}
	}
	return false
}

// concept makes the mention of a noun phrase and records it.
func (d *document) concept(c *clause, span [2]int) mention {
	text := textOf(c.toks, span)
	d.concepts = append(d.concepts, termRef{text: text, sent: c.sent.idx})
	return mention{typ: eConcept, a: span[0], b: span[1], text: text}
}

// nounPhrase finds a plain noun phrase starting at t[i] (after any
// article): one to three lower-case content words, optionally followed by
// "of" and another such phrase, four words at most, ending in a noun. It returns the span of
// the words without the article, or a >= b when there is none.
func nounPhrase(t []prose.Token, i, end int) (a, b int) {
	for i < end && t[i].Is("the", "a", "an") {
		i++
	}
	j := i
	for j < end && j < i+3 && plainWord(t[j]) {
		j++
	}
	if j == i || !headNoun(t[j-1].Lower) {
		return i, i
	}
	// "the formation of chloroplasts"
	if j+1 < end && t[j].Lower == "of" {
		k := j + 1
		for k < end && t[k].Is("the", "a", "an") {
			k++
		}
		e := k
		for e < end && e < k+2 && plainWord(t[e]) {
			e++
		}
		if e > k && headNoun(t[e-1].Lower) && e-i <= 4 {
			j = e
		}
	}
	if j < end && (t[j].Text == "'s" || t[j].Cap && t[j].IsWord()) {
		return i, i // part of a longer name or a possessive
	}
	return i, j
}

// plainWord reports whether a token can be a word of a plain noun phrase:
// a lower-case word that is not a function word or a verb.
func plainWord(t prose.Token) bool {
	if !t.IsWord() || t.Cap || functionList.has(t.Lower) || prepositionList.has(t.Lower) || midAdverbList.has(t.Lower) || particleList.has(t.Lower) || len(t.Lower) < 2 {
		return false
	}
	w := t.Lower
	if auxiliaryList.has(w) || isVerbForm(w) && !strings.HasSuffix(w, "ing") {
		return false
	}
	return !(strings.HasSuffix(w, "ly") && len(w) > 4)
}

// headNoun reports whether a word can end a noun phrase that is worth
// asking for.
func headNoun(w string) bool {
	if vagueNouns[w] || len(w) < 3 || strings.HasSuffix(w, "ing") && len(w) > 5 {
		return false
	}
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			return false
		}
	}
	return !isVerbBase(w) || nounLike(w)
}

// nounLike reports whether a word that is also a verb's base is used as
// a noun often enough to end a noun phrase ("control", "process").
func nounLike(w string) bool {
	return strings.HasSuffix(w, "tion") || strings.HasSuffix(w, "ment") || strings.HasSuffix(w, "ance") || strings.HasSuffix(w, "ence")
}
