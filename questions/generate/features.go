package generate

import (
	"math"
	"strings"

	"factdrill/questions/generate/prose"
)

// How important a fact is, for ranking: the features of an answer in its
// clause, weighed by importanceWeights. The weights were fitted (logistic
// regression, see TestTrainImportance) on the tuning half of the
// development set: the chance that people asked about an answer, given
// its type, how often and where the document names it, and its place in
// the clause.

// Features of a candidate answer.
const (
	fBias = iota
	fPerson
	fGroup
	fOrg
	fPlace
	fEvent
	fWork
	fName
	fTerm
	fDate
	fNumber
	fConcept
	fYear       // a date that is a year alone
	fFullDate   // a date with its day
	fFrequency  // log of the sentences naming the answer
	fFirst      // the first sentence naming the answer
	fParaFirst  // the paragraph's first sentence
	fParaPos    // place in the paragraph, 0 to 1
	fDocPos     // place in the document, 0 to 1
	fSubject    // the clause's subject
	fObject     // the object of its verb
	fFronted    // in a phrase before the subject
	fAfterIn    // after "in", "at" or "on"
	fAfterOf    // after "of"
	fAfterBy    // after "by"
	fWords      // words in the answer, up to 4, over 4
	fUnit       // a quantity with its unit
	fDerived    // from an appositive or a relative clause
	fLength     // words in the sentence over 40
	fList       // a member of a list
	fOpen       // a bound or an estimate
	fCapitals   // a name of two or more capitalised words
	fCrowded    // the clause names four or more things
	fDefinition // the clause defines a term
	nFeatures
)

// featureNames name the features for the trainer's report.
var featureNames = [nFeatures]string{"bias", "person", "group", "org", "place", "event", "work", "name", "term",
	"date", "number", "concept", "year", "full date", "frequency", "first", "paragraph first", "paragraph position",
	"document position", "subject", "object", "fronted", "after in", "after of", "after by", "words", "unit",
	"derived", "sentence length", "list", "open", "capitals", "crowded", "definition"}

// typeFeature maps a mention type to its feature.
var typeFeature = [nTypes]int{ePerson: fPerson, eGroup: fGroup, eOrg: fOrg, ePlace: fPlace, eEvent: fEvent,
	eWork: fWork, eName: fName, eTerm: fTerm, eDate: fDate, eNumber: fNumber, eConcept: fConcept}

// countAnswers counts, for every answer the clauses offer, the sentences
// that name it and the first of them.
func (d *document) countAnswers() {
	d.answers = map[string]int{}
	d.firstAnswer = map[string]int{}
	for _, s := range d.sents {
		seen := map[string]bool{}
		for _, c := range s.clauses {
			for _, m := range c.ments {
				k := answerKey(m)
				if k == "" || seen[k] {
					continue
				}
				seen[k] = true
				if d.answers[k] == 0 {
					d.firstAnswer[k] = s.idx
				}
				d.answers[k]++
			}
		}
	}
}

// answerKey is how answers are told apart: the entity for a name, the
// normalised text for the rest.
func answerKey(m mention) string {
	if m.ent != nil {
		return "e:" + m.ent.root().display()
	}
	return prose.Normalize(m.text)
}

// features describes mention k of clause c for ranking.
func (d *document) features(c *clause, k int) [nFeatures]float64 {
	var f [nFeatures]float64
	m := c.ments[k]
	s := c.sent
	t := c.toks
	f[fBias] = 1
	f[typeFeature[m.typ]] = 1
	if m.typ == eDate {
		f[fYear] = b2f(m.date.kind == dYear)
		f[fFullDate] = b2f(m.date.kind == dFull)
	}
	key := answerKey(m)
	n := d.answers[key]
	if m.ent != nil {
		n = max(n, m.ent.root().count)
	}
	f[fFrequency] = math.Log(float64(max(1, n)))
	f[fFirst] = b2f(d.firstAnswer[key] == s.idx)
	f[fParaFirst] = b2f(s.para == 0)
	f[fParaPos] = float64(s.para) / float64(max(1, s.paraLen-1))
	f[fDocPos] = float64(s.idx) / float64(max(1, len(d.sents)-1))
	f[fSubject] = b2f(m.a >= c.subj[0] && m.b <= c.subj[1])
	f[fObject] = b2f(m.a == c.verb[1] || m.a == c.verb[1]+1 && t[c.verb[1]].Is("the", "a", "an"))
	for _, a := range c.advs {
		if m.a >= a.a && m.b <= a.b {
			f[fFronted] = 1
		}
	}
	p := m.a - 1
	if p >= 0 && t[p].Is("the", "a", "an") {
		p--
	}
	if p >= 0 {
		f[fAfterIn] = b2f(t[p].Is("in", "at", "on"))
		f[fAfterOf] = b2f(t[p].Lower == "of")
		f[fAfterBy] = b2f(t[p].Lower == "by")
	}
	f[fWords] = float64(min(4, len(strings.Fields(m.text)))) / 4
	f[fUnit] = b2f(m.typ == eNumber && m.num.unit != "")
	f[fDerived] = b2f(c.derived)
	f[fLength] = float64(len(t)) / 40
	f[fList] = b2f(m.coord)
	f[fOpen] = b2f(m.open)
	f[fCapitals] = b2f(m.ent != nil && strings.Contains(m.text, " "))
	f[fCrowded] = b2f(len(c.ments) >= 4)
	f[fDefinition] = b2f(c.definite || m.typ == eTerm)
	return f
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// importance is the fitted log-odds that people ask about the answer.
func (d *document) importance(c *clause, k int) float64 {
	f := d.features(c, k)
	x := 0.0
	for i, w := range importanceWeights {
		x += w * f[i]
	}
	return x
}

// importanceWeights are fitted by TestTrainImportance.
var importanceWeights = [nFeatures]float64{
	-0.291, // bias
	0.121,  // person
	-0.026, // group
	-0.142, // org
	-0.403, // place
	0.025,  // event
	-0.001, // work
	-0.194, // name
	0.042,  // term
	0.448,  // date
	0.368,  // number
	-0.258, // concept
	-0.043, // year
	0.214,  // full date
	0.863,  // frequency
	-0.259, // first
	0.282,  // paragraph first
	-0.120, // paragraph position
	-0.274, // document position
	0.141,  // subject
	-0.120, // object
	0.088,  // fronted
	0.091,  // after in
	0.019,  // after of
	0.167,  // after by
	0.741,  // words
	0.233,  // unit
	-0.017, // derived
	-0.152, // sentence length
	-0.256, // list
	0.248,  // open
	0.413,  // capitals
	-0.080, // crowded
	0.023,  // definition
}
