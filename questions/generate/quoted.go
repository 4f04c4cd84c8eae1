package generate

import (
	"strings"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// quotedName reports whether mention m is a name set in double quotes and
// nothing else, after a word: "the period known as the "Roaring
// Twenties"", "the episode "Rose"". That is the name of a thing, not a
// quotation of someone's words (which a comma or a colon introduces:
// `he advised, "Resign."`), so it may be asked for like any other name.
func quotedName(t []prose.Token, m mention) bool {
	if m.typ == eNone || m.typ == eConcept || m.a < 2 || t[m.a-1].Text != `"` || !t[m.a-2].IsWord() {
		return false
	}
	quotes := 0
	for k := 0; k < m.a-1; k++ {
		if t[k].Text == `"` {
			quotes++
		}
	}
	if quotes%2 == 1 {
		return false // the quote before the name closes one
	}
	e := m.b
	if e < len(t) && (t[e].Text == "." || t[e].Text == ",") {
		e++
	}
	return e < len(t) && t[e].Text == `"`
}

// namingWords come before the name a sentence gives a thing: "Young swans
// are known as cygnets", "a structure called the stroma".
var namingWords = []string{"known as ", "called ", "termed ", "named ", "referred to as "}

// namedBlank reports whether a stem's blank is the name the sentence
// gives a thing, ending its phrase ("Young swans are known as _____."):
// the word is then the term the text teaches, however short and plain.
func namedBlank(stem string) bool {
	for _, w := range namingWords {
		for _, a := range []string{"", "the ", "a "} {
			// The name ends its phrase: not "known as the _____ of
			// Fresno's community", where the blank is a common noun.
			i := strings.Index(stem, w+a+questions.Blank)
			if i < 0 {
				continue
			}
			if rest := stem[i+len(w+a+questions.Blank):]; rest == "" || strings.ContainsAny(rest[:1], ".,;") {
				return true
			}
		}
	}
	return false
}
