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
// paragraph, and only one that stands alone itself.

// Limits on a lead-in: its words, and the words of the lead-in and the
// stem together.
const (
	leadInWords = 35
	ledWords    = 70
)

// leadIn is the sentence to show before c's stem, or "" when there is
// none fit to show: c is a true/false statement (a statement after a
// sentence would leave the learner unsure which is to be judged), c's
// sentence opens its paragraph, or the sentence before is a heading, too
// long, side matter, markup, a list's announcement, leans on text before
// it in turn, or shows c's answer.
func (d *document) leadIn(c *candidate) string {
	s := c.sent
	if c.q.Kind == questions.TrueFalse || s.para == 0 || s.idx == 0 || s.idx >= len(d.sents) {
		return ""
	}
	prev := d.sents[s.idx-1]
	if prev.block != s.block || prev.heading || prev.long || prev.side {
		return ""
	}
	text := withoutBrackets(prev.text)
	if !strings.HasSuffix(text, ".") || strings.ContainsAny(text, ":[]") || residue(text) || unbalanced(text) {
		return ""
	}
	n := prose.WordCount(text)
	if n < 5 || n > leadInWords || n+prose.WordCount(c.q.Stem) > ledWords {
		return ""
	}
	t := prose.Tokenize(text)
	if needsContext(t, firstVerb(t)) || !containsFinite(t, 0, len(t)) {
		return ""
	}
	if shows(prose.Plain(text), c.key, c.answers) {
		return ""
	}
	// "He died in _____ without a successor." after a sentence about an
	// army: the "he" is still no one.
	if personPronoun(c.q.Stem) && !mentionsPerson(prev) && !d.namesPerson(t) {
		return ""
	}
	return text
}

// personPronoun reports whether a stem says "he", "she", "his", "him" or
// "her".
func personPronoun(stem string) bool {
	for _, w := range prose.Tokenize(stem) {
		if w.Is("he", "she", "his", "him", "her", "himself", "herself") {
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

// shows reports whether plain text holds an answer: the key, an accepted
// form of it, or a word of its name (not the head of a name of many words:
// "the Liechtenstein Cup" shows nothing of "UEFA Cup").
func shows(plain, key string, answers []string) bool {
	if key != "" && prose.ContainsWord(plain, prose.Plain(key)) {
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
