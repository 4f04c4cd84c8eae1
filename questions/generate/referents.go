package generate

import (
	"strings"

	"factdrill/questions/generate/prose"
)

// oneOfAKind are nouns that point at one thing without a word before them
// to say which: "the government", "the war" in a text about a country.
var oneOfAKind = prose.WordSet(`world earth sun moon sky sea ocean government country nation state city
	capital public people population war army navy military president king queen emperor pope church
	university economy west east north south century decade time past present future environment wild
	law constitution parliament senate congress court press media internet species genus family body
	language religion mouth head eye ear nose skin tail neck body heart brain blood`)

// selfNaming words make a noun phrase pick out its thing by themselves:
// "the first trains", "the largest fountain complex", "the same year".
var selfNaming = prose.WordSet(`first second third last next only same whole entire latter former
	following previous original most main`)

// unsaidReferent reports a definite noun phrase of a short answer or a
// true/false statement that points back at a thing the item does not
// name: "the new team", "the final plan", "the subdivision", "the
// neighborhood", or "that document" opening a clause. A learner reading
// the item cannot tell which of the document's things it means. The
// phrase passes when a name, "of" or a relative clause follows to say
// which, when a word in it picks one out ("the first", "the largest"),
// when its noun is the document's subject or of its kind, is one of a
// kind ("the government"), is plural (a kind, not one thing), or comes
// back so often in the document (four times or more) that the document
// has one such thing the learner knows.
func (d *document) unsaidReferent(t []prose.Token) bool {
	quoted := false
	for i := 0; i+1 < len(t); i++ {
		w := t[i]
		if w.Text == `"` || w.Text == "“" || w.Text == "”" {
			quoted = !quoted // words quoted are the source's, not the item's
		}
		if quoted {
			continue
		}
		demonstrative := w.Is("that", "this") && (i == 0 || t[i-1].Text == "," || t[i-1].Is("although", "while", "when", "because", "since", "if", "though"))
		if w.Lower != "the" && !demonstrative {
			continue
		}
		j := i + 1
		named := false
		for ; j < len(t) && t[j].IsWord() && !t[j].Cap && !functionWords[t[j].Lower] && !prepositions[t[j].Lower] && t[j].Text != blankWord; j++ {
			if selfNaming[t[j].Lower] || ordinalWords[t[j].Lower] > 0 || strings.HasSuffix(t[j].Lower, "est") && len(t[j].Lower) > 5 {
				named = true
			}
		}
		if j == i+1 || named {
			continue
		}
		if j < len(t) && (t[j].Cap && t[j].IsWord() || t[j].Is("of", "that", "which", "who", "whom", "whose", "called", "named", "known", "where", "'s")) {
			continue
		}
		head := t[j-1].Lower
		if j-i > 2 && isVerbForm(head) {
			// "When did the final plan pass ...?": the verb ends the run.
			head = t[j-2].Lower
		}
		if strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") || strings.HasSuffix(head, "ing") || strings.HasSuffix(head, "ly") {
			continue
		}
		if demonstrative && (j >= len(t) || !auxiliaries[t[j].Lower] && !finiteAt(t, j)) {
			continue // "that" as a conjunction: "said that the ..."
		}
		if oneOfAKind[head] || d.topicWords[head] || d.topicKind(head) || d.freq[head] >= 4 {
			continue
		}
		return true
	}
	return false
}
