package generate

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

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
	fYear        // a date that is a year alone
	fFullDate    // a date with its day
	fFrequency   // log of the sentences naming the answer
	fFirst       // the first sentence naming the answer
	fParaFirst   // the paragraph's first sentence
	fParaPos     // place in the paragraph, 0 to 1
	fDocPos      // place in the document, 0 to 1
	fSubject     // the clause's subject
	fObject      // the object of its verb
	fFronted     // in a phrase before the subject
	fAfterIn     // after "in", "at" or "on"
	fAfterOf     // after "of"
	fAfterBy     // after "by"
	fWords       // words in the answer, up to 4, over 4
	fUnit        // a quantity with its unit
	fDerived     // from an appositive or a relative clause
	fLength      // words in the sentence over 40
	fList        // a member of a list
	fOpen        // a bound or an estimate
	fCapitals    // a name of two or more capitalised words
	fCrowded     // the clause names four or more things
	fDefinition  // the clause defines a term
	fNamed       // after "called", "named", "known as"
	fSuperlative // the clause says "first", "largest", "only" ...
	fPercent     // a share or a sum of money
	fQuoted      // in quotation marks
	fSentPos     // where in the sentence the answer starts, 0 to 1
	fDated       // the clause also gives a date
	fCopula      // the complement of "is", "was"
	fDescribed   // followed by a description: ", a ..." or a bracket
	fHeadFreq    // log of the uses of a concept's last word
	fConceptFreq // frequency, for a concept
	fNameFreq    // frequency, for a name
	fConceptLen  // words, for a concept
	fConceptSubj // a concept that is the subject
	fNamePara    // a name in a paragraph's first sentence
	fSpread      // log of the paragraphs naming the answer
	fTopicSent   // the sentence names the document's topic
	fNumWord     // a number written as a word ("three")
	fLead        // in the first two paragraphs of prose
	fSide        // under a heading of side matter
	nFeatures
)

// featureNames name the features for the trainer's report.
var featureNames = [nFeatures]string{"bias", "person", "group", "org", "place", "event", "work", "name", "term",
	"date", "number", "concept", "year", "full date", "frequency", "first", "paragraph first", "paragraph position",
	"document position", "subject", "object", "fronted", "after in", "after of", "after by", "words", "unit",
	"derived", "sentence length", "list", "open", "capitals", "crowded", "definition",
	"named", "superlative", "percent", "quoted", "sentence position", "dated", "copula", "described", "head frequency", "concept frequency", "name frequency", "concept words", "concept subject", "name paragraph first",
	"spread", "topic sentence", "number word", "lead", "side matter"}

// typeFeature maps a mention type to its feature.
var typeFeature = [nTypes]int{ePerson: fPerson, eGroup: fGroup, eOrg: fOrg, ePlace: fPlace, eEvent: fEvent,
	eWork: fWork, eName: fName, eTerm: fTerm, eDate: fDate, eNumber: fNumber, eConcept: fConcept}

// countAnswers counts, for every answer the clauses offer, the sentences
// that name it and the first of them.
func (d *document) countAnswers() {
	d.answers = map[string]int{}
	d.firstAnswer = map[string]int{}
	d.answerParas = map[string]int{}
	lastPara := map[string]int{}
	for _, s := range d.sents {
		seen := map[string]bool{}
		for _, m := range s.ments {
			if m.ent != nil && d.topic != nil && m.ent.root() == d.topic {
				s.topical = true
			}
		}
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
				if p, ok := lastPara[k]; !ok || p != s.block {
					d.answerParas[k]++
					lastPara[k] = s.block
				}
			}
		}
	}
}

// answerKey is how answers are told apart: the entity for a name, the
// normalised text for the rest.
func answerKey(m mention) string {
	if m.ent != nil {
		// Built once: the display never changes once read, and the key
		// is asked for every mention of every clause ranked.
		e := m.ent.root()
		if e.key == "" {
			e.key = "e:" + e.display()
		}
		return e.key
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
	f[fWords] = float64(fieldsUpTo(m.text, 4)) / 4
	f[fUnit] = b2f(m.typ == eNumber && m.num.unit != "")
	f[fDerived] = b2f(c.derived)
	f[fLength] = float64(len(t)) / 40
	f[fList] = b2f(m.coord)
	f[fOpen] = b2f(m.open)
	f[fCapitals] = b2f(m.ent != nil && strings.Contains(m.text, " "))
	f[fCrowded] = b2f(len(c.ments) >= 4)
	f[fDefinition] = b2f(c.definite || m.typ == eTerm)
	if p >= 0 {
		f[fNamed] = b2f(t[p].Is("called", "named", "known", "termed", "dubbed", "titled", "as") && (t[p].Lower != "as" || p > 0 && t[p-1].Is("known", "such", "regarded", "described")))
	}
	f[fSuperlative] = b2f(c.singlesOut())
	for i := c.lead; i < min(c.end, m.a); i++ {
		if t[i].Text == `"` {
			f[fQuoted] = 1 - f[fQuoted]
		}
	}
	f[fPercent] = b2f(m.typ == eNumber && (m.num.prefix != "" || strings.Contains(m.num.suffix, "%") || strings.Contains(m.num.suffix, "cent")))
	f[fSentPos] = float64(m.a) / float64(max(1, c.end))
	for _, o := range c.ments {
		if o.typ == eDate && o.a != m.a {
			f[fDated] = 1
		}
	}
	f[fCopula] = b2f(c.main < 0 && c.ok && beFormList.has(t[c.verb[0]].Lower) && f[fObject] == 1)
	if m.b+1 < len(t) {
		f[fDescribed] = b2f(t[m.b].Text == "(" || t[m.b].Text == "," && t[m.b+1].Is("a", "an", "the", "one"))
	}
	if m.typ == eConcept {
		f[fHeadFreq] = math.Log(float64(max(1, lowerIn(d.freq, lastField(m.text)))))
		f[fConceptFreq] = f[fFrequency]
		f[fConceptLen] = f[fWords]
		f[fConceptSubj] = f[fSubject]
	}
	if m.ent != nil {
		f[fNameFreq] = f[fFrequency]
		f[fNamePara] = f[fParaFirst]
	}
	f[fSpread] = math.Log(float64(max(1, d.answerParas[key])))
	f[fTopicSent] = b2f(s.topical)
	f[fNumWord] = b2f(m.typ == eNumber && m.text != "" && !unicode.IsDigit(prose.FirstRune(m.text)))
	f[fLead] = b2f(s.prose < 2)
	f[fSide] = b2f(s.side)
	return f
}

// superlatives mark a clause that singles something out, which people
// like to ask about: "the first", "the only", "the largest".
var superlatives = prose.WordSet(`first only largest biggest most least oldest newest highest lowest main
	major primary best worst last earliest latest smallest longest greatest`)

// singlesOut reports whether a word of the clause singles something out
// (see superlatives). It is read once per clause, not once for each of
// its mentions ranked; the answer is kept with the span it was read in.
func (c *clause) singlesOut() bool {
	if c.sup.known && c.sup.lead == c.lead && c.sup.end == c.end {
		return c.sup.yes
	}
	yes := false
	for i := c.lead; i < c.end; i++ {
		if x := c.toks[i]; superlativeList.has(x.Lower) || strings.HasSuffix(x.Lower, "est") && len(x.Lower) > 5 && !x.Cap {
			yes = true
			break
		}
	}
	c.sup.known, c.sup.yes, c.sup.lead, c.sup.end = true, yes, c.lead, c.end
	return yes
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
	0.076,  // person
	-0.207, // group
	-0.006, // org
	-0.271, // place
	-0.002, // event
	-0.058, // work
	-0.152, // name
	0.040,  // term
	0.543,  // date
	0.355,  // number
	-0.321, // concept
	-0.176, // year
	0.304,  // full date
	0.338,  // frequency
	-0.116, // first
	0.334,  // paragraph first
	-0.090, // paragraph position
	-0.278, // document position
	0.096,  // subject
	-0.071, // object
	0.044,  // fronted
	0.148,  // after in
	-0.027, // after of
	0.157,  // after by
	0.541,  // words
	0.248,  // unit
	0.064,  // derived
	-0.193, // sentence length
	-0.151, // list
	0.292,  // open
	0.592,  // capitals
	-0.184, // crowded
	0.029,  // definition
	0.156,  // named
	0.004,  // superlative
	0.107,  // percent
	0.005,  // quoted
	-0.128, // sentence position
	-0.046, // dated
	0.022,  // copula
	0.061,  // described
	0.494,  // head frequency
	-0.098, // concept frequency
	0.106,  // name frequency
	-0.088, // concept words
	-0.004, // concept subject
	-0.112, // name paragraph first
	0.407,  // spread
	0.253,  // topic sentence
	0.207,  // number word
	-0.099, // lead
	0.000,  // side matter
}

// fieldsUpTo counts the words of s as strings.Fields cuts them, up to n,
// without building them (features run for every mention of every clause).
func fieldsUpTo(s string, n int) int {
	k := 0
	for range strings.FieldsSeq(s) {
		if k++; k == n {
			break
		}
	}
	return k
}

// lastField is the last of the words strings.Fields cuts s into, or ""
// when it has none.
func lastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		s = s[i+n:]
	}
	return s
}

// firstField is the first of the words strings.Fields cuts s into, or ""
// when it has none.
func firstField(s string) string {
	for w := range strings.FieldsSeq(s) {
		return w
	}
	return ""
}

// wordCount is len(strings.Fields(s)) without making the slice.
func wordCount(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// appendFields appends the words strings.Fields cuts s into to dst, so
// that a caller can keep them in an array on its stack.
func appendFields(dst []string, s string) []string {
	for w := range strings.FieldsSeq(s) {
		dst = append(dst, w)
	}
	return dst
}
