package generate

import (
	"strings"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// A stem that leans on the sentence before it ("At the time, Panama was a
// province of _____.", "He then worked for _____.") is not lost: the item
// shows that sentence first, as a reading passage does, and the learner
// reads what the stem leans on. Only the sentence just before, in the same
// paragraph, and only one that stands alone itself and holds what the
// stem points at.

// Limits on a lead-in: its words, and the words of the lead-in and the
// stem together.
const (
	leadInWords = 35
	ledWords    = 70
)

// lead is what a sentence offers as the lead-in of the sentence after
// it, read once: the text without brackets, in plain form and in tokens,
// whether it names a person, and ok when it can lead at all.
type lead struct {
	text, plain string
	toks        []prose.Token
	words       int
	person      bool
	ok          bool
}

// leadOf reads sentence s as a lead-in (see leadIn), once per sentence.
func (d *document) leadOf(s *sentence) *lead {
	if s.lead != nil {
		return s.lead
	}
	l := &lead{}
	s.lead = l
	if s.heading || s.long || s.side || !strings.HasSuffix(strings.TrimSpace(s.text), ".") {
		return l
	}
	l.text = withoutBrackets(s.text)
	// The count of words first: it turns away most sentences, and costs
	// least.
	words := prose.WordCount(l.text)
	if words < 5 || words > leadInWords {
		return l
	}
	// residue covers gluedSource and referenceIn; a sentence without
	// brackets reuses what was read of it for its own items.
	if strings.ContainsAny(l.text, ":[]") || l.text == s.text && s.dirty() || l.text != s.text && residue(l.text) || unbalanced(l.text) ||
		authorCitation(l.text) || bibliography(l.text) || pageReference(l.text) {
		return l
	}
	l.words = words
	if l.text == s.text {
		l.toks = s.toks // the sentence's own tokens: nothing writes to them
	} else {
		l.toks = prose.Tokenize(l.text)
	}
	t := l.toks
	// It stands alone: nothing at its start points back, it has a verb,
	// it is not cut off ("The urban area of Lima covers about."), and it
	// cites no pages ("Fuess, 328–329; Sobel, 248–249 The treaty ...").
	if needsContext(t, firstVerb(t)) || countSubject(t) || pointsBack(t) || d.unknownReferent(t) || !containsFinite(t, 0, len(t)) ||
		endsInPreposition(t) || endsInAbout(t) || pageCitation(l.text) || pagesCited(t) {
		return l
	}
	l.plain = prose.Plain(l.text)
	l.person = mentionsPerson(s) || d.namesPerson(t)
	l.ok = true
	return l
}

// leadIn is the sentence to show before c's stem, or "" when there is
// none fit to show: c is a true/false statement (a statement after a
// sentence would leave the learner unsure which is to be judged), c's
// sentence opens its paragraph, the sentence before cannot lead (see
// leadOf), the two together are too long, the sentence before shows c's
// answer, or it does not hold what c's stem points at: a person for a
// "he", the noun of "this treaty" or of a bare "the post"; a "this"
// standing alone points at a whole thought, which a learner cannot be
// sure of.
func (d *document) leadIn(c *candidate, t []prose.Token) string {
	s := c.sent
	if c.q.Kind == questions.TrueFalse || s.para == 0 {
		return ""
	}
	// A sentence past the first of its paragraph has the sentence before
	// it in the same paragraph (see analyze).
	l := d.leadOf(d.sents[s.idx-1])
	// The stem's tokens bound its words from above: a stem of very many
	// tokens is turned away before its words are counted.
	if !l.ok || l.words+len(t) > 2*ledWords || l.words+prose.WordCount(c.q.Stem) > ledWords || shows(l.plain, c.key, prose.Plain(c.key), c.answers) {
		return ""
	}
	if personPronoun(t) && !l.person || !pointsWithin(t, l.toks) {
		return ""
	}
	return l.text
}

// pointsWithin reports whether what stem tokens t point at with a
// demonstrative or a bare definite is in the lead-in's tokens lt: "this
// treaty" needs a "treaty" there, a stem opening "The post ..." a
// "post"; a "this" or "these" with no noun after it points at no word.
func pointsWithin(t, lt []prose.Token) bool {
	for i, w := range t {
		det := w.Is("this", "these", "those")
		if !det && !(i == 0 && w.Is("the")) {
			continue
		}
		j := i + 1
		for j < len(t) && j < i+4 && plainWord(t[j]) {
			j++
		}
		if j == i+1 {
			if det {
				return false // "While this still may be true"
			}
			continue
		}
		if !hasWordOf(lt, t[j-1].Lower) {
			return false
		}
	}
	return true
}

// hasWordOf reports whether tokens t have the word w, or its singular or
// plural ("groups" for "group", "treaties" for "treaty").
func hasWordOf(t []prose.Token, w string) bool {
	ies := ""
	if strings.HasSuffix(w, "y") {
		ies = w[:len(w)-1] + "ies"
	}
	for _, x := range t {
		l := x.Lower
		if l == w || l == w+"s" || l+"s" == w || l == w+"es" || l+"es" == w || l == ies || strings.HasSuffix(l, "y") && l[:len(l)-1]+"ies" == w {
			return true
		}
	}
	return false
}

// endsInAbout reports a sentence whose figure the cleaning lost: "The
// urban area of Lima covers about."
func endsInAbout(t []prose.Token) bool {
	n := len(t)
	return n >= 2 && t[n-1].Text == "." && t[n-2].Is("about", "approximately", "around", "nearly", "some", "over")
}

// pagesCited reports a page reference left in a sentence: a name, a
// comma and a page or a range of pages ("Fuess, 328–329;"), which
// pageCitation misses when no capital follows.
func pagesCited(t []prose.Token) bool {
	for i := 0; i+2 < len(t); i++ {
		if t[i].Cap && t[i].IsWord() && t[i+1].Text == "," && t[i+2].Kind == prose.Number && !isYearLike(t[i+2].Text) {
			return true
		}
	}
	return false
}

// isYearLike reports a four-digit number from 1000 to 2099: "Paris,
// 1850" is a place and a year, not a page.
func isYearLike(s string) bool {
	return len(s) == 4 && isDigits(s) && (s[0] == '1' || s[0] == '2' && s[1] == '0')
}

// shows reports whether plain text holds an answer: the key (plainKey
// is its plain form), an accepted form of it, or a word of its name. The
// head of a name of many words ("Cup" of "UEFA Cup", "Empire" of "Holy
// Roman Empire") names a kind of thing, not the one asked for: "the
// Liechtenstein Cup" shows nothing of "UEFA Cup".
func shows(plain, key, plainKey string, answers []string) bool {
	if key != "" && prose.ContainsWord(plain, plainKey) {
		return true
	}
	for _, a := range answers {
		if a != "" && prose.ContainsWord(plain, prose.Plain(a)) {
			return true
		}
	}
	multi := strings.Contains(strings.TrimSpace(key), " ")
	var buf [8]string
	for _, w := range nameWords(buf[:0], key) {
		if multi && lowerIn(nameHeads, w) {
			continue
		}
		if prose.ContainsWord(plain, w) {
			return true
		}
	}
	return false
}

// personPronoun reports whether stem tokens say "he", "she", "his",
// "him", "her", "himself" or "herself".
func personPronoun(t []prose.Token) bool {
	for _, w := range t {
		switch w.Lower {
		case "he", "she", "his", "him", "her", "himself", "herself":
			return true
		}
	}
	return false
}

// mentionsPerson reports whether a sentence names a person by the
// entities found in it.
func mentionsPerson(s *sentence) bool {
	for _, m := range s.ments {
		if m.typ == ePerson || m.ent != nil && m.ent.root().typ == ePerson {
			return true
		}
	}
	return false
}

// namesPerson reports whether tokens name a person (see personName).
func (d *document) namesPerson(t []prose.Token) bool {
	for i := 0; i < len(t); i++ {
		if !t[i].Cap || !t[i].IsWord() || functionList.has(t[i].Lower) {
			continue
		}
		j := i
		for j+1 < len(t) && t[j+1].Cap && t[j+1].IsWord() {
			j++
		}
		if d.personName(t, i, j+1) {
			return true
		}
		i = j
	}
	return false
}

// withoutBrackets drops the bracketed asides of a sentence ("Kublai
// (1215–1294) moved ..."): a lead-in is read for its fact, not its
// asides.
func withoutBrackets(s string) string {
	if !strings.Contains(s, "(") {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	for _, p := range []string{" ,", " .", " ;"} {
		out = strings.ReplaceAll(out, p, p[1:])
	}
	return out
}
