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

// notNouns are words a noun phrase read past its end picks up: "stored
// in a refrigerator whilst presumed dead", "travel through the ground
// farther", "a melting pot of cultures due to".
var notNouns = prose.WordSet(`whilst due far farther further thereby thus hence alike apart`)

// conceptPreps are the prepositions whose object is offered as an answer.
var conceptPreps = prose.WordSet(`of in on at by from with into as for through during between among within
	without under over against towards toward across`)

// addConcepts adds the clause's plain noun phrases as concept mentions.
func (d *document) addConcepts(c *clause) {
	t := c.toks
	var found [][2]int
	push := func(a, b int) {
		if n := len(found); n == 0 || a >= found[n-1][1] {
			found = append(found, [2]int{a, b})
		}
	}
	add := func(a, b int) {
		if d.keyTerm(t, [2]int{a, b}) {
			push(a, b)
		}
	}
	// A clause the parse could not read ("Leopards often hide their kills
	// in dense vegetation", with a verb it does not know) still stands
	// whole for a cloze: the objects of its prepositions are offered when
	// they name what the document keeps coming back to (a word of theirs
	// used flatNeed times), since without a parse the phrase's place in
	// the clause is less sure, and when they do not start with a word of
	// size, degree or order (see describes).
	if !c.ok {
		if c.flat {
			d.prepObjects(c, c.lead, func(a, b int) {
				if d.usedOften(t, [2]int{a, b}, flatNeed) && !describes(t[a].Lower) {
					add(a, b)
				}
			})
			d.addFound(c, found)
		}
		return
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
	// The object, and the objects of prepositions after the verb. The
	// first phrase after the verb (its object, or the object of the
	// preposition right after it: "contracted cholera", "died of a heart
	// attack") is offered even when the document names it once, when it
	// is a specific term and ends where the clause's phrase does (see
	// statedOnce).
	if a, b := nounPhrase(t, c.verb[1], c.end); a < b {
		if statedOnce(t, a, b, c.end) {
			push(a, b)
		} else {
			add(a, b)
		}
	} else if v := c.verb[1]; v+1 < c.end && conceptPreps[t[v].Lower] && !t[v].Is("as", "for") {
		if a, b := nounPhrase(t, v+1, c.end); a < b && statedOnce(t, a, b, c.end) {
			push(a, b)
		}
	}
	d.prepObjects(c, c.verb[1], add)
	d.addFound(c, found)
}

// prepObjects offers the plain noun phrases that follow a preposition in
// c from token from on, outside brackets.
func (d *document) prepObjects(c *clause, from int, add func(a, b int)) {
	t := c.toks
	depth := 0
	for i := from; i < c.end; i++ {
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
}

// addFound merges the noun phrases found, in order, into c's mentions; a
// phrase that overlaps a name, a date or a term gives way to it.
func (d *document) addFound(c *clause, found [][2]int) {
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
	return d.usedOften(t, span, 2)
}

// flatNeed is how often a word of a noun phrase in a clause the parse
// could not read is used in the document for the phrase to be offered:
// on the tuning half, four answered the most human questions (two or
// three added items no one asked about, five or six lost answers).
const flatNeed = 4

// usedOften reports whether a content word of the span is used at least
// need times in the document, in lower case.
func (d *document) usedOften(t []prose.Token, span [2]int, need int) bool {
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
	art := i < end && t[i].Is("the", "a", "an")
	for i < end && t[i].Is("the", "a", "an") {
		i++
	}
	j := i
	for j < end && j < i+3 && plainWord(t[j]) {
		j++
	}
	if j == i || !headNoun(t[j-1].Lower) && !(art && j-i >= 2 && compoundHead(t, j-1, end)) {
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
	if !t.IsWord() || t.Cap || functionList.has(t.Lower) || prepositionList.has(t.Lower) || midAdverbList.has(t.Lower) || particleList.has(t.Lower) || notNouns[t.Lower] || len(t.Lower) < 2 {
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
	if vagueNouns[w] || len(w) < 3 || strings.HasSuffix(w, "ing") && len(w) > 5 || pastParticiple(w) {
		return false
	}
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			return false
		}
	}
	return !isVerbBase(w) || nounLike(w)
}

// compoundHead reports whether the verb's base t[k] ends a compound noun
// begun after an article: "a heart attack", "the fur trade", "the sound
// post". It is read as the verb instead when a plural comes before it
// ("as the pyrenoids mature") or a word follows it that a verb takes and
// a noun does not ("let the viewer know that", "the industry include
// falls"): only the clause's end, a punctuation mark or a preposition
// other than "of" may follow ("the final judge of right and wrong", read
// on past "of", would cut the pair).
func compoundHead(t []prose.Token, k, end int) bool {
	w := t[k].Lower
	if !isVerbBase(w) || vagueNouns[w] || len(w) < 3 || strings.HasSuffix(w, "ing") || pastParticiple(w) {
		return false
	}
	if p := t[k-1].Lower; strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss") {
		return false
	}
	if k+1 < end && t[k+1].IsWord() {
		n := t[k+1].Lower
		return n != "to" && n != "of" && conceptPreps[n]
	}
	return true
}

// nounLike reports whether a word that is also a verb's base is used as
// a noun often enough to end a noun phrase ("control", "process").
func nounLike(w string) bool {
	return strings.HasSuffix(w, "tion") || strings.HasSuffix(w, "ment") || strings.HasSuffix(w, "ance") || strings.HasSuffix(w, "ence")
}

// pastParticiple reports a word with a participle's "-ed" ("impressed",
// "presumed"), which ends no noun phrase: "scholars impressed by his
// support" was read a word too far. Nouns in "-eed" ("seed", "breed") and
// "-shed" ("watershed") keep their place.
func pastParticiple(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && !strings.HasSuffix(w, "shed")
}

// describes reports a word of size, degree or order that makes the phrase
// it starts a description rather than a term: "a younger age", "the final
// weeks", "a single piece of wood", "one of the smaller subspecies"
// (tuning judgement of the phrases of clauses the parse could not read).
// "large" and "main" are left out: "large firms" and "main contractor"
// are terms of their documents.
func describes(w string) bool {
	return plainAdjectives[w] || degreeWords[w]
}

// degreeWords say how big, how much or in what order: see describes.
var degreeWords = prose.WordSet(`larger largest small smaller smallest big bigger biggest little great greater greatest
	high higher highest low lower lowest major minor single final previous mere constant varying future local few fewer least most
	oldest youngest younger older newest earliest latest longest shortest best worst finest finer closest strongest widest richest poorest`)

// statedOnce reports whether the noun phrase t[a:b], the first phrase
// after its clause's verb, is a term worth asking for even though the
// document names it only once: a clause that the parse reads says
// something of it ("Cleveland died of a heart attack", "Tesla contracted
// cholera", "An etioplast is a plastid"). Most phrases named once are
// filler ("the difference between", "a special flavor", "became
// problematic"), so it must be a term by its form:
//   - it ends where the phrase does: at the clause's end, a punctuation
//     mark, "and"/"or", or a preposition of place or time; a phrase that
//     goes on with "of", "to" or "between" is a relation ("the connection
//     between ...") whose head says little;
//   - after "be" it is a definition's complement, with "a" or "an";
//   - one word is a long, concrete one ("cholera", "sorghum"), without
//     an article "the" and not an abstract or descriptive word by its
//     ending ("-tion", "-ity", "-ent", "-al": "registration",
//     "simplicity", "indifferent");
//   - two words or more start with a noun or a classifying word, not a
//     word that grades or judges ("heart attack", "gene pool", not "a
//     firm stance", "very similar").
func statedOnce(t []prose.Token, a, b, end int) bool {
	if b < end && t[b].IsWord() && !t[b].Is("and", "or", "in", "at", "on", "during", "after", "before", "until", "since", "because", "when", "while", "which", "who", "where") {
		return false
	}
	p := a - 1 // the article or the preposition before the phrase
	for k := p; k >= 0 && k >= a-2; k-- {
		if beFormList.has(t[k].Lower) && !t[a-1].Is("a", "an") {
			return false
		}
	}
	for k := a; k < b; k++ {
		w := t[k].Lower
		if genericNouns[w] || vagueNouns[w] || strings.ContainsAny(w, "0123456789") || gradeWord(w) {
			return false
		}
	}
	if b-a == 1 {
		w := t[a].Lower
		if len([]rune(w)) < 7 || t[a-1].Lower == "the" {
			return false
		}
		for _, e := range abstractEndings {
			if strings.HasSuffix(w, e) {
				return false
			}
		}
	}
	return true
}

// abstractEndings mark a word that names a quality, an act or a state in
// general ("registration", "simplicity", "membership") or describes
// ("interdependent", "confrontational"): named once, it is filler.
var abstractEndings = []string{"tion", "sion", "ment", "ance", "ence", "ity", "ness", "ship", "ent", "ant", "ate", "al", "ic", "ism", "ure", "ing", "ed", "ous", "ive", "ful", "ble", "ary", "ory"}

// gradeWord reports a word that grades, judges or describes rather than
// classifies: "a special flavor", "a firm stance", "frequent flashbacks",
// "very similar".
func gradeWord(w string) bool {
	if describes(w) || gradeWords[w] {
		return true
	}
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			return true
		}
	}
	return strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ent") || strings.HasSuffix(w, "ant") || strings.HasSuffix(w, "ic") && !strings.HasSuffix(w, "ric")
}

// gradeWords are common adjectives of quality and manner that carry no
// ending marking them: see gradeWord.
var gradeWords = prose.WordSet(`very special unique peculiar firm careful angry extreme rare common general simple clear strict
	close direct deep rich poor dull bright fine free fair hard easy quick slow open public private real
	serious severe heavy light dark mild warm cold hot wet dry old young sudden strange odd proper`)
