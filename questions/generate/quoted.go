package generate

import "factdrill/questions/generate/prose"

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
