package generate

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// The last checks an item passes: would a teacher keep it? They read the
// finished item as a learner would, point by point of RUBRIC.md, and
// catch what the first blind judgement failed that the checks in lint.go
// let through: stems cut from a sentence and left broken (point 1), words
// that lean on text not shown (2), answers the stem or the options give
// away (5), options of another type than the key (6), and blanks on words
// anyone could guess, or on leftover markup (8).
const (
	CheckBroken         = "broken-stem"          // a list, a pair or a phrase cut off by the cutting down
	CheckWrongWh        = "wrong-question-word"  // "Who" for a thing, a garbled question
	CheckGivenAway      = "given-away"           // countable in the stem, an odd option out, a blank its neighbour names
	CheckFiller         = "filler-answer"        // a word anyone could guess: "music", "Europe"
	CheckResidue        = "markup-residue"       // citation marks, markup or a formula in the stem
	CheckDistractorType = "distractor-type"      // an option that is not of the key's type or form
	CheckWeakShort      = "short-answer-unclear" // a short answer whose question is too loose to mark
	CheckSideFact       = "side-fact"            // who reported a figure, the year it was counted: a citation in prose
)

// keepChecks are the checks of keep, in the order they run.
var keepChecks = []string{CheckResidue, CheckBroken, CheckWrongWh, CheckNeedsContext, CheckGivenAway, CheckFiller, CheckDistractorType, CheckWeakShort, CheckSideFact}

func init() {
	Checks = append(Checks, keepChecks...)
}

// keep returns the first of the keep checks the item fails, or "". The
// document tells how common a word of the answer is in it; dirty says
// whether the item's sentence has residue (see residue); cache holds the
// stems lint tokenized.
func (d *document) keep(it *item, dirty bool, cache map[string]*stemInfo) string {
	src := &sentence{text: it.source, dirt: 1}
	if dirty {
		src.dirt = 2
	}
	c, _ := d.keepFrom(it, src, cache, false)
	return c
}

// keepFrom is keep for an item of sentence src, whose residue is read
// only when an item of it comes this far, and once; tail says whether the
// check it returns comes after cutCheck. An item that passed the checks up to and with cutCheck
// unled passes them led as well (led only lifts checks), so lead runs
// again, with skipHead, only the checks after them.
func (d *document) keepFrom(it *item, src *sentence, cache map[string]*stemInfo, skipHead bool) (check string, tail bool) {
	stem := it.checkStem()
	si := stemOf(stem, cache)
	toks := si.toks
	if !skipHead {
		if c := d.keepHead(it, src, stem, si); c != "" {
			return c, false
		}
	}
	return d.keepTail(it, stem, toks), true
}

// keepHead are the checks of keep up to and with cutCheck: residue,
// broken stems, wrong question words, side facts of a stem's form.
func (d *document) keepHead(it *item, src *sentence, stem string, si *stemInfo) string {
	q := it.q
	toks := si.toks
	if si.residue == 0 {
		si.residue = 1
		if src.dirty() && residue(stem) || unbalanced(stem) {
			si.residue = 2
		}
	}
	switch {
	case si.residue == 2 || src.dirty() && src.glued(it.source) || pageReference(stem) || datedHeading(stem):
		return CheckResidue
	case strings.Contains(q.Stem, "- "+questions.Blank) || strings.Contains(q.Stem, "-"+questions.Blank):
		// "the territory gained by the U.S.- _____": a compound whose
		// other half the blank took; the stem reads broken.
		return CheckBroken
	case brokenStem(toks, it) || suffixAfterBlank(toks) || gappedListEnd(toks):
		return CheckBroken
	case q.Kind == questions.ShortAnswer || q.Kind == questions.MultipleChoice && strings.HasSuffix(stem, "?"):
		if wrongWh(toks, it) || d.whoForCommonNoun(toks, it.key) {
			return CheckWrongWh
		}
		if winWithoutWhat(toks) {
			return CheckWeakShort
		}
		// "Who was also involved in the scandal?": others were too (a
		// date or a count "also" asked for is still one).
		if q.Kind == questions.MultipleChoice && it.typ != eDate && it.typ != eNumber && alsoAsked(toks) {
			return CheckSecondRightAnswer
		}
		if q.Kind == questions.MultipleChoice && !clearQuestion(toks, it) {
			return CheckWeakShort
		}
	case !mainClause(toks) || q.Kind == questions.TrueFalse && brokenStatement(toks, it):
		return CheckBroken
	}
	if articleBeforeVerb(toks) || frontedPhraseLeft(toks) || sentenceAfterStop(q.Stem) || endsInPreposition(toks) {
		return CheckBroken
	}
	if participleCaption(toks) || bibliography(q.Stem) || authorCitation(q.Stem) || namesake(toks) || d.teamNamesake(toks) {
		return CheckSideFact
	}
	return d.cutCheck(it, toks)
}

// keepTail are the checks of keep after cutCheck.
func (d *document) keepTail(it *item, stem string, toks []prose.Token) string {
	q := it.q
	// An aside is one in a statement as in a blank.
	if q.Kind == questions.TrueFalse && d.popCulture(toks) {
		return CheckSideFact
	}
	plural := it.typ == eGroup || strings.Contains(it.key, " and ") || pluralWord(it.key)
	if !it.led && leansOnContext(toks, it.typ == ePerson || it.typ == eGroup, plural, it.typ == eDate || it.typ == eNumber) || !it.led && d.heWithoutPerson(toks, it.typ == ePerson) {
		return CheckNeedsContext
	}
	if announcesList(it.source) || !it.led && (relationToOther(toks, it.typ == ePerson) || relationWithoutOther(toks, it.typ == ePerson) || it.typ == eDate && q.Kind != questions.TrueFalse && againWhen(toks) || countSubject(toks) || objectItWithoutReferent(toks)) {
		return CheckNeedsContext
	}
	if caption(it.source) || (q.Kind == questions.ShortAnswer || q.Kind == questions.TrueFalse) && d.namedOnce(it, toks) || q.Kind == questions.ShortAnswer && sideAsk(toks) {
		return CheckSideFact
	}
	if q.Kind != questions.TrueFalse {
		if givenAway(toks, it) || nameSplit(toks, it.key, it.source) || headInStem(toks, it) || it.typ == ePlace && capitalInStem(toks, it.key) || d.termWordInStem(toks, it) || it.typ != eDate && it.typ != eNumber && impliedBy(toks, it.key) || it.typ == ePerson && d.topicByTitle(it.key) {
			return CheckGivenAway
		}
		if d.filler(it) || attributivePlace(toks, it.typ) || adjectiveKey(toks, it) || commonFormat(it.key) || it.typ == ePlace && d.homeOfPerson(it.key) {
			return CheckFiller
		}
		if sideFact(toks, it) || nameTail(toks, it) || nameFragment(toks, it) || it.typ == eDate && (anecdoteDate(toks) || reportDate(toks)) {
			return CheckSideFact
		}
		if it.typ == eNumber && sourceCount(toks) || rankingSize(toks, it) {
			return CheckSideFact
		}
		if it.typ == eNumber && (countNamed(toks, it.key) || sumInStem(toks, it.key) || allOfCount(toks)) {
			return CheckGivenAway
		}
		if d.popCulture(toks) {
			return CheckSideFact
		}
		if (it.typ == eOrg || it.typ == eName || it.typ == eWork) && d.siblingNear(it) || exampleBlank(toks) || oneOfMany(toks) || it.typ == eConcept && partOfPhrase(it.key) || alsoAfterBlank(toks) || it.typ == eConcept && partOfBlank(toks, it.key) {
			return CheckSecondRightAnswer
		}
	}
	// A false statement that moves one end of a range ("between 470,000
	// and 350,000"), or a figure of "9/11".
	if (it.typ == eDate || it.typ == eNumber) && numberSlashed(stem, it) {
		return CheckBroken
	}
	// "264% of the population": a share past the whole is false by
	// arithmetic, not by the text.
	if q.Kind == questions.TrueFalse && !q.Truth && overWhole(it.swapTo) {
		return CheckNotContradicted
	}
	if q.Kind == questions.TrueFalse && !q.Truth && swapInAside(stem, it.swapTo) {
		return CheckSideFact
	}
	// "As of 2012, the logo ... is the primary logo": the text gives the
	// state as of 2014 and says nothing of 2012. And the year of a count
	// ("were enrolled in private schools in 2006") is as much side matter
	// in a false statement as in a blank.
	if q.Kind == questions.TrueFalse && !q.Truth && it.typ == eDate && it.swapTo != "" {
		bt := prose.Tokenize(strings.Replace(stem, it.swapTo, blankWord, 1))
		for i := 2; i < len(bt); i++ {
			if bt[i].Text == blankWord && bt[i-2].Is("as") && bt[i-1].Is("of") {
				return CheckNotContradicted
			}
		}
		if sideFact(bt, it) {
			return CheckSideFact
		}
	}
	if q.Kind == questions.TrueFalse && !q.Truth && it.typ == eNumber && it.swapTo != "" {
		if rangeEnd(prose.Tokenize(strings.Replace(stem, it.swapTo, blankWord, 1))) {
			return CheckGivenAway
		}
	}
	// A false statement that swaps one common noun phrase for another
	// ("The result is the method ...") is false by the words, not by a
	// fact the text gives.
	if q.Kind == questions.TrueFalse && !q.Truth && (it.typ == eTerm || it.typ == eConcept) && !unicode.IsUpper(prose.FirstRune(it.swapTo)) {
		return CheckNotContradicted
	}
	if q.Kind == questions.MultipleChoice && it.typ == eNumber && articleBeforeBlank(toks) || q.Kind == questions.Cloze && anBeforeBlank(toks) || it.typ == eNumber && countSplit(toks) {
		return CheckGivenAway
	}
	if q.Kind == questions.MultipleChoice && !distractorsFit(it) || q.Kind == questions.TrueFalse && it.swapTo != "" && religionMismatch(it.swapFrom, it.swapTo) {
		return CheckDistractorType
	}
	if q.Kind == questions.MultipleChoice && it.typ == ePerson && nameLengthOdd(it.key, it.distractors) {
		return CheckGivenAway
	}
	if q.Kind == questions.ShortAnswer && !clearShortAnswer(toks, it) {
		return CheckWeakShort
	}
	if q.Kind == questions.ShortAnswer && (alsoAsked(toks) || d.personListEnd(toks)) {
		return CheckSecondRightAnswer
	}
	if !it.led && (d.unknownReferent(toks) || pointsBack(toks) || d.bareDefinite(toks) || d.bareKind(toks)) {
		return CheckNeedsContext
	}
	if !it.led && (q.Kind == questions.Cloze || q.Kind == questions.MultipleChoice) && clozeLeansOnText(toks) {
		return CheckNeedsContext
	}
	// A multiple-choice question is a short answer with options: what
	// leans on the text for one does for the other ("When did Robert die
	// in Manchester Vermont?").
	if !it.led && ((q.Kind == questions.ShortAnswer || q.Kind == questions.TrueFalse) && (d.unsaidReferent(toks) || leansOnText(toks)) || q.Kind == questions.MultipleChoice && strings.HasSuffix(q.Stem, "?") && leansOnText(toks)) {
		return CheckNeedsContext
	}
	return ""
}

// measureAdjectives end a phrase of size: "nine blocks long".
var measureAdjectives = prose.WordSet(`long wide high tall deep old thick broad`)

// brokenStatement reports the marks of a true/false statement put
// together wrongly, beyond brokenStem's: "that" followed by no verb
// ("Adams was unaware that Jefferson, his great political rival."); an "a" phrase of size cut from its noun
// ("Grant Avenue is a seven block long."); a false number of one before
// a plural ("the other one wealthy districts").
func brokenStatement(t []prose.Token, it *item) bool {
	for i := 1; i+1 < len(t); i++ {
		if !t[i].Is("that") || !(isVerbForm(t[i-1].Lower) || strings.HasSuffix(t[i-1].Lower, "aware") || t[i-1].Is("unaware", "aware", "sure", "certain", "believed", "said")) {
			continue
		}
		if !containsFinite(t, i+1, len(t)) {
			return true
		}
	}
	n := contentEnd(t)
	if n >= 3 && measureAdjectives[t[n-1].Lower] && t[n-2].IsWord() && !t[n-2].Is("years", "feet", "metres", "meters", "miles", "inches", "km", "m") {
		number := false
		for i := n - 2; i >= 0 && i >= n-6; i-- {
			number = number || t[i].Kind == prose.Number || numberWordList.has(t[i].Lower) > 0
			if t[i].Is("a", "an") && number {
				return true
			}
		}
	}
	if !it.q.Truth && (it.swapTo == "one" || it.swapTo == "One" || it.swapTo == "1") {
		for i := 0; i+2 < len(t); i++ {
			if t[i].Text == it.swapTo && t[i+1].IsWord() {
				nx := t[i+1].Lower
				if t[i+2].IsWord() && !t[i+2].Cap && !functionList.has(t[i+2].Lower) && !prepositionList.has(t[i+2].Lower) {
					nx = t[i+2].Lower // "one wealthy districts"
				}
				if strings.HasSuffix(nx, "s") && !strings.HasSuffix(nx, "ss") || nx == "children" || nx == "people" || nx == "men" || nx == "women" {
					return true
				}
			}
		}
	}
	return false
}

// relationToOther reports "_____ became his bitter foe": a person
// blanked as the subject of a relation to a "his" or "her" who is
// someone else, not shown.
func relationToOther(t []prose.Token, personBlank bool) bool {
	if !personBlank || len(t) < 4 || t[0].Text != blankWord {
		return false
	}
	i := 1
	if !t[i].Is("became", "becomes", "was", "is", "remained") {
		return false
	}
	i++
	if !t[i].Is("his", "her") {
		return false
	}
	for i++; i < len(t) && t[i].IsWord() && !t[i].Cap; i++ {
		if roleNounList.has(t[i].Lower) || t[i].Is("foe", "enemy", "opponent", "rival", "adversary") {
			return true
		}
	}
	return false
}

// gappedListEnd reports a stem that ends in an item of a list whose verb
// the first item gave ("joined NATO on March 29, 2004, the European Union
// on January 1, 2007."): the list was cut before its "and", and the stem
// reads as two clauses run together.
func gappedListEnd(t []prose.Token) bool {
	n := contentEnd(t)
	j := -1 // the last item's preposition
	for i := n - 1; i > 0; i-- {
		if finiteAt(t, i) || t[i].Is("and", "or") {
			return false
		}
		if t[i].Is("on", "in", "at") {
			j = i
			break
		}
	}
	if j < 0 || j+1 >= n || !(monthList.has(t[j+1].Lower) > 0 || t[j+1].Kind == prose.Number || t[j+1].Text == blankWord) {
		return false
	}
	c := -1 // the comma before the last item
	for i := j - 1; i > 0; i-- {
		if finiteAt(t, i) || t[i].Is("and", "or") {
			return false
		}
		if t[i].Text == "," {
			c = i
			break
		}
	}
	if c < 1 || c+1 == j || !(t[c-1].Kind == prose.Number || t[c-1].Text == blankWord) {
		return false
	}
	// The item is a noun phrase: "the European Union (EU)", not "up
	// from fewer than 200", "with a special", "concluding the campaign".
	if f := t[c+1]; !(f.Is("the", "a", "an") || f.Cap && f.IsWord() && !functionList.has(f.Lower)) {
		return false
	}
	for i := c + 2; i < j; i++ {
		if prepositionList.has(t[i].Lower) && !t[i].Is("of") || t[i].Kind == prose.Punct && t[i].Text != "(" && t[i].Text != ")" {
			return false
		}
	}
	for k := c - 2; k >= 0 && k >= c-6; k-- {
		if t[k].Lower == t[j].Lower {
			return true
		}
	}
	return false
}

// siblingNear reports a key of a name of many words that the sentence
// or its neighbours in the paragraph name a sibling of: another name with
// the same first word, a body the document names on its own ("BBC
// Worldwide" beside "BBC Video", in a text that names the BBC), which would
// fit the blank as well when the two do alike ("_____ continues to
// release serials on DVD" after "serials are available from BBC Video").
func (d *document) siblingNear(it *item) bool {
	key := strings.TrimPrefix(it.key, "the ")
	first, _, ok := strings.Cut(key, " ")
	if !ok || !unicode.IsUpper(prose.FirstRune(first)) || lowerIn(functionWords, first) || lowerIn(nameHeads, first) {
		return false
	}
	// The first word names the parent body on its own ("the BBC"), so
	// the two are parts of one, not names that only start alike
	// ("European Union", "European Economic Area").
	if e := d.byKey[nameKey(first)]; e == nil || e.root().typ != eOrg {
		return false
	}
	at := -1
	for i, s := range d.sents {
		if s.text == it.source {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	for i := max(at-1, 0); i <= at+1 && i < len(d.sents); i++ {
		s := d.sents[i]
		if s.block != d.sents[at].block {
			continue
		}
		for _, m := range s.ments {
			t := strings.TrimPrefix(m.text, "the ")
			if f, _, ok := strings.Cut(t, " "); ok && f == first && !isAlias(t, key) && (m.typ == eOrg || m.typ == eName || m.typ == eWork) {
				return true
			}
		}
	}
	return false
}

// homeOfPerson reports a key that is the place a life is set in: in a
// text on a person (a title of two words or more), the place it names
// most, fifteen times or more ("the
// United States" in a life of Coolidge). A reader names it without the
// text: "During Coolidge's presidency the _____ experienced the Roaring
// Twenties."
func (d *document) homeOfPerson(key string) bool {
	// A person's name of two words or more: "Tiger" taken for a name is
	// no life.
	if d.topic == nil || d.topic.root().typ != ePerson || !strings.Contains(strings.TrimSpace(d.title), " ") {
		return false
	}
	var home *entity
	for _, e := range d.ents {
		if e.merged == nil && e.typ == ePlace && (home == nil || e.count > home.count) {
			home = e
		}
	}
	return home != nil && home.count >= 15 && isAlias(home.disp, strings.TrimPrefix(key, "the "))
}

// commonFormats are the formats anything is released on: "released ...
// as special features on _____" is answered "DVD" without the text.
var commonFormats = prose.WordSet(`dvd dvds vhs cd cds blu-ray`)

// commonFormat reports a key that is one of commonFormats.
func commonFormat(key string) bool {
	return lowerIn(commonFormats, strings.TrimSpace(key))
}

// suffixAfterBlank reports a blank whose name's suffix the stem kept
// ("when _____, Sr., a Republican Senator"): the key is half the name.
func suffixAfterBlank(t []prose.Token) bool {
	for i := 0; i+2 < len(t); i++ {
		if t[i].Text == blankWord && t[i+1].Text == "," && t[i+2].Is("sr", "jr", "sr.", "jr.") {
			return true
		}
	}
	return false
}

// relationWithoutOther reports "Who would become a life-long friend?",
// "_____ was a close ally.": a person asked for as the one who stood in a
// relation to someone the stem does not name.
func relationWithoutOther(t []prose.Token, personBlank bool) bool {
	if !personBlank || len(t) < 4 || !(t[0].Text == blankWord || t[0].Is("who")) {
		return false
	}
	i := 1
	for i < len(t) && t[i].Is("would", "later", "soon", "eventually", "also", "then") {
		i++
	}
	if i >= len(t) || !t[i].Is("became", "become", "becomes", "was", "is", "remained") {
		return false
	}
	if i++; i >= len(t) || !t[i].Is("a", "an") {
		return false
	}
	for i++; i < len(t) && t[i].IsWord() && !t[i].Cap; i++ {
		if manyRelations[t[i].Lower] || t[i].Is("foe", "enemy", "adversary", "mentor", "confidant", "protege", "protégé") {
			return i+1 == len(t) || t[i+1].Text == "." || t[i+1].Text == "?"
		}
	}
	return false
}

// againWhen reports a date asked of what happened "again" ("When did
// poaching again become a problem?") with no year in the stem: the stem
// does not say which time came before, and so which time is asked for;
// "reelected in 1916 and again in _____" says.
func againWhen(t []prose.Token) bool {
	for i, w := range t {
		if w.Is("again") && !(i > 0 && t[i-1].Is("once")) {
			return !hasYear(t)
		}
	}
	return false
}

// impliedPairs are words of a stem that name the answer by another
// root: "Muslim" in a stem asking for "Islam".
var impliedPairs = map[string][]string{
	"islam":        {"muslim", "muslims", "islamic", "sunni", "shia", "shiite", "mosque", "mosques", "quran"},
	"christianity": {"christian", "christians", "church", "churches", "catholic", "catholics", "protestant", "protestants"},
	"judaism":      {"jewish", "jews", "jew"},
	"buddhism":     {"buddhist", "buddhists"},
	"hinduism":     {"hindu", "hindus"},
	"christians":   {"church", "churches", "christianity"},
	"jews":         {"synagogue", "synagogues", "judaism"},
	"muslims":      {"mosque", "mosques", "islam"},
}

// manyRelations are what a person has more than one of, often.
var manyRelations = prose.WordSet(`colleague colleagues friend friends ally allies associate associates student students
	pupil pupils disciple disciples follower followers supporter supporters rival rivals opponent opponents brother brothers
	sister sisters son sons daughter daughters cousin cousins companion companions contemporary contemporaries
	partner partners teacher teachers advisor adviser advisers advisors aide aides`)

// oneOfMany reports "Who was Luther's colleague?": a question that asks
// for one of what a person may have several of, and says nothing to pick
// which.
func oneOfMany(t []prose.Token) bool {
	n := contentEnd(t)
	// "Luther's colleague", "Rush's former friend".
	poss := n >= 4 && t[n-2].Text == "'s" || n >= 5 && t[n-3].Text == "'s" && !t[n-2].Cap
	return n <= 7 && poss && t[0].Is("who", "whom") && manyRelations[t[n-1].Lower]
}

// religions are answers only another religion may be offered for, and
// that are offered for nothing else: "Bangladesh Television" is no
// religion, and "Islam" no broadcaster.
var religions = prose.WordSet(`islam christianity judaism buddhism hinduism sikhism jainism zoroastrianism shinto shintoism
	taoism confucianism catholicism protestantism animism atheism bahaism`)

// religionMismatch reports an option that is a religion offered for an
// answer that is not, or the reverse.
func religionMismatch(key, opt string) bool {
	return lowerIn(religions, strings.TrimPrefix(key, "the ")) != lowerIn(religions, strings.TrimPrefix(opt, "the "))
}

// nameTail reports a blank on the end of a name whose start the stem
// shows: "The Programme for _____, coordinated by the OECD, ..." asks
// what a programme is called, not a fact of the document. A place after
// "of" ("the University of _____") or a person is a fact in its own right.
func nameTail(t []prose.Token, it *item) bool {
	if it.typ == ePlace || it.typ == ePerson || !strings.Contains(it.key, " ") || !unicode.IsUpper(prose.FirstRune(it.key)) {
		return false
	}
	for i := 2; i < len(t); i++ {
		if t[i].Text == blankWord && t[i-1].Is("for", "of", "on") && t[i-2].Cap && !functionList.has(t[i-2].Lower) {
			return true
		}
	}
	return false
}

// adjectiveKey reports a key of one capitalised adjective in -ional,
// -ial, -eral or -oral before the noun it describes ("his cabinet or _____ visitors" for
// "Congressional"): a minor adjective, not a fact (tuning judgement).
func adjectiveKey(t []prose.Token, it *item) bool {
	k := it.key
	if it.typ == ePlace || it.typ == ePerson || strings.Contains(k, " ") || len(k) < 6 || !unicode.IsUpper(prose.FirstRune(k)) {
		return false
	}
	// Endings of adjectives only: not "Bengal", "Neanderthal".
	if !strings.HasSuffix(k, "ional") && !strings.HasSuffix(k, "ial") && !strings.HasSuffix(k, "eral") && !strings.HasSuffix(k, "oral") {
		return false
	}
	for i, w := range t {
		if w.Text == blankWord && i+1 < len(t) && t[i+1].Kind == prose.Word && !t[i+1].Cap && !functionList.has(t[i+1].Lower) && !isVerbForm(t[i+1].Lower) {
			return true
		}
	}
	return false
}

// reportDate reports a date that is only when a finding was reported
// ("Xinhua reported in _____ that 86 percent ..."; "When did Xinhua
// report that ...?"): the date of a citation, not of the fact (tuning
// judgement).
func reportDate(t []prose.Token) bool {
	for i, w := range t {
		if !w.Is("reported", "report", "announced", "stated", "estimated", "wrote", "noted") {
			continue
		}
		if i+3 < len(t) && t[i+1].Is("in", "on") && t[i+2].Text == blankWord && t[i+3].Is("that") {
			return true
		}
		if i+1 < len(t) && t[i+1].Is("that") && i > 1 && t[0].Is("when") {
			return true
		}
	}
	return false
}

// nameFragment reports a blank that is a piece of a longer name rather
// than a fact: the tail of a title after "the" ("In Buffy the _____"),
// its head before it ("In _____ the Vampire Slayer,"), the head of a
// title that goes on ("Tchaikovsky's _____ on a Rococo Theme"), or a
// maker before a model number after another model ("the Mazda 616 and
// _____ 810"): trivia of a name, not what a teacher asks (tuning
// judgements).
func nameFragment(t []prose.Token, it *item) bool {
	if it.typ == eDate || it.typ == eNumber {
		return false
	}
	for i, w := range t {
		if w.Text != blankWord {
			continue
		}
		if i >= 2 && t[i-1].Text == "the" && strings.Contains(it.key, " ") && t[i-2].Cap && t[i-2].Kind == prose.Word && !functionList.has(t[i-2].Lower) && i-2 > 0 && !t[i-3].Is(".", ",", ";", ":") {
			return true
		}
		if i+3 < len(t) && t[i+1].Text == "the" && t[i+2].Cap && t[i+2].Kind == prose.Word {
			j := i + 2
			for j < len(t) && t[j].Cap && t[j].Kind == prose.Word {
				j++
			}
			if j-i >= 4 && j < len(t) && t[j].Is(",", ".") {
				return true // "In _____ the Vampire Slayer, ..."
			}
		}
		if i+3 < len(t) && t[i+1].Is("on", "of", "in", "for") && t[i+2].Is("a", "an", "the") && t[i+3].Cap && i > 0 && t[i-1].Text == "'s" {
			return true
		}
		if i+1 < len(t) && t[i+1].Kind == prose.Number && !strings.ContainsAny(t[i+1].Text, ",.") && len(t[i+1].Text) <= 3 && modelBefore(t[:i]) {
			return true
		}
	}
	return false
}

// modelBefore reports a capitalised word followed by a short number in
// t: another model of a list ("the Mazda 616"), so that a blank before a
// number is a maker too; alone, "in _____ 5" may be a chapter a reader
// should know.
func modelBefore(t []prose.Token) bool {
	for i := 0; i+1 < len(t); i++ {
		if t[i].Cap && t[i].Kind == prose.Word && t[i+1].Kind == prose.Number && len(t[i+1].Text) <= 3 && !strings.ContainsAny(t[i+1].Text, ",.") {
			return true
		}
	}
	return false
}

// sameStart reports whether two names start alike, past an article: the
// cheap test before nameCore, which builds a string.
func sameStart(a, b string) bool {
	a, b = strings.TrimPrefix(a, "the "), strings.TrimPrefix(b, "the ")
	return len(a) >= 4 && len(b) >= 4 && strings.EqualFold(a[:4], b[:4])
}

// nameCore is a name without its article, plural endings and the words
// a name may be written with or without: "Summer Olympic Games" and
// "the Summer Olympics" have the same core.
func nameCore(name string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(strings.ToLower(name)) {
		if w == "the" || w == "games" || w == "of" {
			continue
		}
		b.WriteString(strings.TrimSuffix(w, "s"))
		b.WriteByte(' ')
	}
	return b.String()
}

// nameLengthOdd reports a person key named otherwise than every option:
// "President Buchanan" (a title and a surname) among "Horace Greeley" and
// "William H. Seward" (given names and surnames), or the reverse.
func nameLengthOdd(key string, ds []string) bool {
	if len(ds) == 0 {
		return false
	}
	k := personNameWords(key) == 1
	for _, d := range ds {
		if personNameWords(d) == 1 == k {
			return false
		}
	}
	return true
}

// personNameWords counts the words of a person's name past its titles.
func personNameWords(name string) int {
	n := 0
	for w := range strings.FieldsSeq(name) {
		if !lowerIn(personTitles, strings.Trim(w, ".,")) {
			n++
		}
	}
	return n
}

// articleBeforeBlank reports "A _____ states have ...": only "dozen"
// reads after the "a", not "fifteen" or "ten".
func articleBeforeBlank(t []prose.Token) bool {
	for i := 1; i < len(t); i++ {
		if t[i].Text == blankWord && t[i-1].Is("a", "an") {
			return true
		}
	}
	return false
}

// countSplit reports a count the stem breaks down after it: "Fresno has
// _____ large parks, two in the city and one in the county" adds up to
// its answer.
func countSplit(t []prose.Token) bool {
	for i, w := range t {
		if w.Text != blankWord {
			continue
		}
		comma, parts := false, 0
		for _, x := range t[i+1:] {
			comma = comma || x.Text == ","
			if comma && (x.Kind == prose.Number || numberWordList.has(x.Lower) > 0 || x.Is("one")) {
				parts++
			}
		}
		return parts >= 2
	}
	return false
}

// anBeforeBlank reports "replaced it with an _____": the "an" tells the
// answer starts with a vowel, which a blank's other candidates may not.
func anBeforeBlank(t []prose.Token) bool {
	for i := 1; i < len(t); i++ {
		if t[i].Text == blankWord && t[i-1].Is("an") {
			return true
		}
	}
	return false
}

// partOfPhrase reports a key that names a part or a property of a
// common thing, "the father of the cubs", "tensions of the bridge",
// "segments of the population": as a blank it leaves too much open (what
// else takes no part in rearing them, keeps the post in place, speaks
// Sylheti?), and a judge reads it as a phrase cut in two.
func partOfPhrase(key string) bool {
	ws := strings.Fields(strings.TrimPrefix(key, "the "))
	if len(ws) < 3 || ws[1] != "of" {
		return false
	}
	for _, w := range ws {
		if unicode.IsUpper(prose.FirstRune(w)) {
			return false // "the Battle of Hastings", "the abolition of Slavery Act"
		}
	}
	return true
}

// impliedBy reports a stem word that names the key by another root.
func impliedBy(t []prose.Token, key string) bool {
	ws := lowerIn(impliedPairs, strings.TrimPrefix(key, "the "))
	for _, w := range t {
		if containsFold(ws, w.Lower) {
			return true
		}
	}
	return false
}

// attributivePlace reports a place blanked where it only qualifies the
// noun after it: "his faith in the _____ government", "the _____ Navy".
// Any reader fills it from the topic.
func attributivePlace(t []prose.Token, typ etype) bool {
	if typ != ePlace && typ != eName {
		return false
	}
	for i := 0; i+1 < len(t); i++ {
		if t[i].Text == blankWord && i > 0 && t[i-1].Lower == "the" {
			return stateNouns[t[i+1].Lower]
		}
	}
	return false
}

// exampleBlank reports a blank on one example of a kind: "such as the
// _____ and the Datsun Truck", "including _____". Any other example the
// text gives fills it as truly.
func exampleBlank(t []prose.Token) bool {
	for i, w := range t {
		if w.Text != blankWord {
			continue
		}
		j := i - 1
		if j >= 0 && t[j].Is("the", "a", "an") {
			j--
		}
		if j >= 0 && t[j].Is("including", "like", "e.g.") || j >= 1 && t[j].Is("as") && t[j-1].Is("such") {
			return true
		}
		// "for example at the end of Luciano Berio's Sequenza VIII for
		// _____": the blank is a detail of one example among others.
		for k := i - 1; k > 0 && t[k].Text != ";"; k-- {
			if t[k].Is("example", "instance") && t[k-1].Is("for") {
				return true
			}
		}
	}
	return false
}

// partOfBlank reports a blank on a common noun phrase that the subject
// is part of ("Cellos are part of the _____." for "standard symphony
// orchestra"): many wholes fit, "orchestra" alone among them.
func partOfBlank(t []prose.Token, key string) bool {
	if unicode.IsUpper(prose.FirstRune(key)) {
		return false
	}
	for i, w := range t {
		if w.Text != blankWord {
			continue
		}
		j := i - 1
		if j >= 0 && t[j].Is("the", "a", "an") {
			j--
		}
		if j >= 1 && t[j].Is("of") && t[j-1].Is("part", "parts", "member", "members", "component", "components") {
			return true
		}
	}
	return false
}

// capitals are countries' capitals and the countries they give away: "a
// report to the king of _____" after "the medical faculty in Paris".
var capitals = map[string]string{
	"paris": "france", "london": "england", "rome": "italy", "berlin": "germany", "madrid": "spain",
	"vienna": "austria", "moscow": "russia", "beijing": "china", "tokyo": "japan", "cairo": "egypt",
	"lisbon": "portugal", "athens": "greece", "warsaw": "poland", "budapest": "hungary", "stockholm": "sweden",
	"dublin": "ireland", "amsterdam": "netherlands", "brussels": "belgium", "copenhagen": "denmark",
	"oslo": "norway", "bucharest": "romania", "belgrade": "serbia", "ottawa": "canada", "edinburgh": "scotland",
	"baghdad": "iraq", "tehran": "iran", "delhi": "india", "new delhi": "india", "dhaka": "bangladesh",
	"accra": "ghana", "nairobi": "kenya", "lima": "peru", "doha": "qatar", "vaduz": "liechtenstein",
	"prague": "czech republic", "bern": "switzerland", "helsinki": "finland", "ankara": "turkey",
}

// capitalInStem reports a country asked for whose capital the stem names.
func capitalInStem(t []prose.Token, key string) bool {
	k := strings.ToLower(strings.TrimPrefix(key, "the "))
	if k == "united kingdom" || k == "britain" || k == "great britain" {
		k = "england"
	}
	for _, w := range t {
		if w.Cap && capitals[w.Lower] == k {
			return true
		}
	}
	return false
}

// stateNouns are what a place's name qualifies when the place is only a
// label: "the _____ government", "the _____ election".
var stateNouns = prose.WordSet(`government governments election elections army navy legislature economy people
	population state capital border coast president senate congress parliament constitution military
	authorities administration court courts police`)

// anecdoteDate reports a date asked of a one-off story, a clause whose
// subject is "a" or "an" something no one named: "In _____, a duck in
// Tallahassee survived a gunshot", "In what year did a farmer spot a
// tiger?". What happened once to someone unnamed is trivia; its date
// the more so.
func anecdoteDate(t []prose.Token) bool {
	i := 0
	switch {
	case len(t) > 2 && t[0].Is("in", "on") && t[1].Text == blankWord:
		i = 2
	case len(t) > 4 && t[0].Is("in") && t[1].Is("what") && t[2].Is("year", "month") && t[3].Is("did"):
		i = 4
	case len(t) > 2 && t[0].Is("when") && t[1].Is("did"):
		i = 2
	default:
		return false
	}
	if i < len(t) && t[i].Text == "," {
		i++
	}
	return i+1 < len(t) && t[i].Is("a", "an") && !t[i+1].Cap
}

// sideFact reports an item that asks for the source of a figure or the
// date it was counted on: "_____ reports that China is the top duck
// market" (a body that reports; what a person noted is the person's),
// "As of _____, there are 88 private schools", "Over 10% of pupils were
// enrolled in private schools in _____".
func sideFact(t []prose.Token, it *item) bool {
	for i, w := range t {
		blankish := w.Text == blankWord || i == 0 && w.Is("who", "what")
		if blankish && it.typ != ePerson && i+2 < len(t) && reportVerbs[t[i+1].Lower] && t[i+2].Lower == "that" {
			return true
		}
		if w.Text == blankWord && i >= 2 && t[i-2].Is("according", "as") && t[i-1].Is("to", "of") {
			return true
		}
	}
	if it.typ != eDate {
		return false
	}
	for i, w := range t {
		// The year a body reported a figure for: "FAO reports that China
		// is the top duck market in _____".
		if figureReports[w.Lower] && i+1 < len(t) && t[i+1].Lower == "that" {
			return true
		}
		// The year of a count: a population, a census, "there are",
		// pupils enrolled (a share in an event, "raised the price by
		// 70%", is the event's).
		if countWords[w.Lower] || w.Lower == "there" && i+1 < len(t) && beFormList.has(t[i+1].Lower) {
			return true
		}
	}
	return false
}

var (
	reportVerbs   = prose.WordSet(`reports reported notes noted estimates estimated states stated`)
	figureReports = prose.WordSet(`reports reported estimates estimated`)
	countWords    = prose.WordSet(`enrolled employed population census survey statistics estimate median average`)
)

// residue reports markup, citation or formula text a cleaner let through:
// "[12]", "^", braces, a pipe, an address, "et al.", "ISBN". A stem is
// cut from its sentence, so a clean sentence gives clean stems: the
// generator reads each sentence once and a stem only when its sentence
// has some.
func residue(s string) bool {
	if strings.ContainsAny(s, "^{}|<>=\\_*#~") {
		return true
	}
	if residueWord(s) {
		return true
	}
	// Words in another script than the text's ("绝迹24年"): left over
	// from a reference. ASCII has none.
	foreign := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			for _, r := range s[i:] {
				if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin, unicode.Greek) {
					foreign++
				}
			}
			break
		}
	}
	if foreign >= 2 {
		return true
	}
	// "portraitWhile he was ...": a caption glued to the next sentence.
	if gluedSource(s) {
		return true
	}
	// "McCoy, 360 The Senate ...": an author and a page left from a
	// footnote, run into the next sentence.
	if pageCitation(s) || referenceIn(s) {
		return true
	}
	// "... of present-day Romania.The first documentary attestation ...":
	// two sentences the cleaner ran together.
	if runTogether(s) {
		return true
	}
	// "[12]", "[a]", "[citation]": a bracket of its own kind never
	// belongs in prose a learner reads.
	if strings.ContainsAny(s, "[]") {
		return true
	}
	return false
}

// runTogether finds a full stop between a word and the next sentence's
// first with no space: "Romania.The". Abbreviations ("U.S.", "e.g.") and
// names ("Node.js") have no lower-case pair before a capital and a
// lower-case letter after the stop. It is the regular expression
// \p{Ll}\p{Ll}\.\p{Lu}\p{Ll} scanned by hand: the expression ran at every
// position of every sentence, a tenth of the generator's time.
func runTogether(s string) bool {
	for i := strings.IndexByte(s, '.'); i >= 0; {
		if i >= 2 {
			r1, n1 := utf8.DecodeLastRuneInString(s[:i])
			r0, _ := utf8.DecodeLastRuneInString(s[:i-n1])
			r2, n2 := utf8.DecodeRuneInString(s[i+1:])
			r3, _ := utf8.DecodeRuneInString(s[i+1+n2:])
			if unicode.IsLower(r0) && unicode.IsLower(r1) && unicode.IsUpper(r2) && unicode.IsLower(r3) {
				return true
			}
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// gluedSource reports a sentence with a caption glued to it ("Coolidge's
// official White House portraitWhile he was ..."): no part of it can be
// trusted to be a clause, even a part that reads clean ("White House was
// Coolidge's official.").
func gluedSource(s string) bool {
	// gluedWords starts its count again at every space, so it reads the
	// whole sentence as it would each of its words, without cutting it
	// into words first.
	return gluedWords(s)
}

// gluedWords reports a word that is two run together, a lower-case run of
// three letters or more and then a capital: "portraitWhile". Names like
// "McCoy" or "iPhone" have a shorter run before their capital.
func gluedWords(f string) bool {
	lower := 0
	for _, r := range f {
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r):
			if lower >= 3 {
				return true
			}
			lower = 0
		default:
			lower = 0
		}
	}
	return false
}

// unbalanced reports a bracket or a quotation mark without its partner,
// as cutting a sentence down can leave.
func unbalanced(s string) bool {
	if strings.Count(s, "(") != strings.Count(s, ")") || strings.Count(s, `"`)%2 == 1 {
		return true
	}
	// "... when Nikola was five) and _____ sisters (Milka.": as many of
	// each, the closing one first.
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth < 0 {
				return true
			}
		}
	}
	return false
}

// residueWords mark a citation, an address or a pointer to elsewhere.
var residueWords = []string{"http", "www.", "isbn", "doi:", "et al", "retrieved", "citation needed", "pp.", " ibid", "[edit]", "op. cit",
	" article", "wikipedia", "this page", "see below", "see above", "listed below", "listed in full", "cited in", "quoted in", " vol.", " ed.",
	"shown above", "shown below", "shown here", "pictured", "(left)", "(right)", "(center)", "(centre)", "at left", "at right", " feat.", "(link)"}

// residueWord reports whether s, lower-cased, contains one of
// residueWords. An ASCII sentence (most are) is searched in one pass in
// place, trying at each byte only the words that begin with it, instead
// of a lower-case copy searched once per word.
func residueWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			low := strings.ToLower(s)
			for _, w := range residueWords {
				if strings.Contains(low, w) {
					return true
				}
			}
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		for _, w := range residueByFirst[asciiLower(s[i])] {
			if hasLowerPrefix(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// residueByFirst are residueWords by their first byte.
var residueByFirst = func() (by [256][]string) {
	for _, w := range residueWords {
		by[w[0]] = append(by[w[0]], w)
	}
	return by
}()

// ascii reports whether s is ASCII throughout.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// asciiLower lower-cases an ASCII letter.
func asciiLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasLowerPrefix reports whether ASCII s, lower-cased, begins with the
// lower-case ASCII word w.
func hasLowerPrefix(s, w string) bool {
	if len(s) < len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if asciiLower(s[k]) != w[k] {
			return false
		}
	}
	return true
}

// pairedWords are words whose partner must follow in the stem: "not
// only ... but", "both ... and", "either ... or", "neither ... nor",
// "between ... and".
var pairedWords = map[string][]string{
	"both": {"and"}, "either": {"or"}, "neither": {"nor"}, "between": {"and"}, "whether": {"or", "not"},
}

// subjectCut reports a stem whose subject ends in "and", "or" or a
// comma, the tail of a list cut from its head: "Schaanwald, are served by
// ...", "_____, and ended with ...", "Now and are distinct." (where the
// cleaner took out words of another script).
func subjectCut(t []prose.Token) bool {
	// Only a verb among the first four words can say so, and the first
	// verb decides: the scan stops there.
	for i, w := range t[:min(len(t), 4)] {
		if finiteAt(t, i) || auxiliaryList.has(w.Lower) {
			// After a comma, only an auxiliary: "The castle, rebuilt in
			// 1652, dates from ..." has a participle there.
			return i > 0 && i <= 3 && (t[i-1].Is("and", "or") || t[i-1].Text == "," && auxiliaryList.has(w.Lower))
		}
	}
	return false
}

// brokenStem reports a stem that the cutting down left broken: a list
// that stops without its "and", a pair without its partner, a phrase
// whose head was cut away ("To Mombasa, ..." from "In addition to
// Mombasa, ..."), a stem that stops at a colon or in the middle of a
// title, a subject cut from the head of its list (subjectCut).
func brokenStem(t []prose.Token, it *item) bool {
	if len(t) == 0 || subjectCut(t) {
		return true
	}
	// "not only" wants its "but".
	for i := 0; i+1 < len(t); i++ {
		if t[i].Lower == "not" && t[i+1].Lower == "only" && !hasWordAfter(t, i+2, "but") {
			return true
		}
		// "both" wants its "and" before a name ("both South and ..."),
		// not before a plural ("both men").
		bothAlone := t[i].Lower == "both" && (hasWordAfter(t, 0, "and") || !(t[i+1].Cap || t[i+1].Text == blankWord))
		if ws, ok := pairedList.get(t[i].Lower); ok && !bothAlone {
			found := false
			for _, w := range ws {
				if hasWordAfter(t, i+1, w) {
					found = true
				}
			}
			if t[i].Lower == "whether" || t[i].Lower == "between" && i+1 < len(t) && (t[i+1].Is("the", "them", "us", "these", "those") || !t[i+1].Cap && t[i+1].Kind != prose.Number) {
				found = true // "whether he went" and "between the parties" stand alone
			}
			if !found {
				return true
			}
		}
	}
	// A stem that starts with the object of a preposition it lost.
	if it.before != "" && prepositionList.has(t[0].Lower) && !t[0].Is("in", "on", "at", "during", "after", "before", "since", "from", "for", "with", "by", "under", "following", "despite", "unlike", "like", "among", "through", "throughout", "as", "upon", "over", "within", "without", "against", "until", "toward", "towards", "across", "beyond", "near") {
		return true
	}
	if it.before != "" && !connectiveWord(it.before) {
		return true // the stem starts in the middle of a phrase
	}
	// "Lincoln (2008) _____ is expected to play ...": a heading with its
	// year glued to the sentence after it, where a name or the blank
	// follows the bracket, not a verb ("Gasquet (1908) claimed").
	for i := 0; i+4 < len(t); i++ {
		if t[i].Text == "(" && t[i+1].Kind == prose.Number && len(t[i+1].Text) == 4 && t[i+2].Text == ")" &&
			(t[i+3].Text == blankWord || t[i+3].Cap && t[i+3].IsWord() && t[i+4].Cap && t[i+4].IsWord()) {
			return true
		}
	}
	// "a population density of as of 2007", "a density of , and": a
	// figure the source lost; "is realized as and in", "replaced by in
	// _____ and or in": words of another script the cleaner took out.
	for i := 0; i+1 < len(t); i++ {
		// One switch on the word: most words are none of these.
		switch t[i].Lower {
		case "of":
			if t[i+1].Is("of", "and", "or") || t[i+1].Text == "," || t[i+1].Text == "." || t[i+1].Is("as") && i+2 < len(t) && t[i+2].Is("of") {
				return true
			}
		case "by":
			if t[i+1].Is("and", "or", "in") {
				return true
			}
		case "as", "from", "with", "and", "or":
			if t[i+1].Is("and", "or") {
				return true
			}
		}
	}
	// "... September. caused by ...": two pieces of text run together.
	for i := 1; i+1 < len(t); i++ {
		if t[i].Text == "." && t[i+1].IsWord() && !t[i+1].Cap {
			return true
		}
	}
	// "The The Egyptian Organization ...": a word doubled where an
	// article of the text met one of the name's.
	for i := 0; i+1 < len(t); i++ {
		if t[i].IsWord() && t[i].Lower == t[i+1].Lower && functionList.has(t[i].Lower) {
			return true
		}
	}
	// "00 p.m. can be either ...": a sentence split at the colon of a
	// time ("7:00 p.m."); no figure is written with a leading zero.
	if t[0].Kind == prose.Number && len(t[0].Text) > 1 && t[0].Text[0] == '0' && !strings.Contains(t[0].Text, ".") {
		return true
	}
	// "1636, and ended with the Great Plague ...": a stem that starts
	// with the end of a list or a range cut before it.
	if len(t) > 2 && t[0].Kind == prose.Number && t[1].Text == "," {
		return true
	}
	// A statement that starts with its verb has lost its subject: "Is
	// pronounced like the 'o' in ...".
	if t[len(t)-1].Text != "?" && (auxiliaryList.has(t[0].Lower) || beFormList.has(t[0].Lower)) {
		return true
	}
	// "Withdrew from the Senate the treaty ...", "Rather held in place by
	// the _____": a past form first, after an adverb at most, and no
	// comma after which a subject could come ("Founded in 1890, the
	// college ...").
	if k := 0; len(t) > 3 && t[len(t)-1].Text != "?" && !hasWordAfter(t, 0, ",") {
		if strings.HasSuffix(t[0].Lower, "ly") || t[0].Is("rather", "also", "then", "later", "thus") {
			k = 1
		}
		if _, past := pastLemma(t[k].Lower); past && (prepositionList.has(t[k+1].Lower) || determinerList.has(t[k+1].Lower)) {
			return true
		}
	}
	// "... preach a ruling against using?": the question lost its object.
	if n := len(t); n >= 3 && t[n-1].Text == "?" && (prepositionList.has(t[n-2].Lower) && !t[n-2].Is("about", "for", "from", "of", "to", "with", "on", "in", "at") || strings.HasSuffix(t[n-2].Lower, "ing") && prepositionList.has(t[n-3].Lower)) {
		return true
	}
	for i := 0; i+2 < len(t); i++ {
		// "The _____ and Electronics Engineers (IEEE)": the name ("Institute
		// of Electrical and Electronics Engineers") cut at its "and".
		if t[i].Text == blankWord && t[i+1].Lower == "and" && t[i+2].Cap && strings.Contains(it.key, " of ") && !strings.Contains(it.key, " of the ") {
			return true
		}
	}
	for i := 1; i < len(t); i++ {
		// "smaller than 1/ _____ size": a fraction cut in two.
		if t[i].Text == blankWord && t[i-1].Text == "/" || t[i-1].Text == blankWord && t[i].Text == "/" {
			return true
		}
	}
	// "when _____ I broke out": the key was cut from its numeral.
	for i := 0; i+1 < len(t); i++ {
		if t[i].Text == blankWord && t[i+1].Cap && t[i+1].Roman() && t[i+1].Text != "I'm" {
			return true
		}
	}
	// "See the operas ...": a pointer to read on, not a statement.
	if t[0].Is("see", "cf", "compare") {
		return true
	}
	// The cut left a colon or a list behind.
	// "appointed the following Justices to ...": the list was cut away.
	for i := 0; i+1 < len(t); i++ {
		if t[i].Lower == "following" && i > 0 && t[i-1].Lower == "the" && !timeNouns[t[i+1].Lower] {
			return true
		}
	}
	// A list that stops without its "and", cut here or so written.
	if endsInList(t) {
		return true
	}
	// "Islam - 4.8%, undeclared - _____ and no religion": a list of
	// figures set off by dashes, cut somewhere.
	dashes, shares := 0, 0
	for _, w := range t {
		switch w.Text {
		case "-", "–":
			dashes++
		case "%":
			shares++
		}
	}
	if dashes >= 2 && shares > 0 {
		return true
	}
	// "Islam - _____, undeclared.": a blank in a list of figures whose
	// rest was cut away.
	if n := contentEnd(t); n >= 3 && n < len(t) && t[n-2].Text == "," && t[n-3].Text == blankWord && t[n-1].IsWord() && !t[n-1].Cap {
		return true
	}
	switch it.cut {
	case ":":
		// "... there is the inscription:" announces what was cut.
		if n := len(t) - 1; n > 0 {
			last := t[n-1]
			if t[n].Kind == prose.Punct && (finiteAt(t, n-1) || last.Is("following", "inscription", "include", "includes", "included", "namely", "are", "were", "is", "was")) {
				return true
			}
		}
	}
	for i, w := range t {
		if (w.Text == ":" || w.Text == ";") && !(w.Text == ":" && i > 0 && i+1 < len(t) && t[i-1].Kind == prose.Number && t[i+1].Kind == prose.Number) {
			return true // not the colon of a time, "7:22"
		}
	}
	if relativeWithoutVerb(t) {
		return true
	}
	// "Who argues that if a person violates a law ...?": a condition
	// whose consequence the cut left behind (an "if" that opens the stem
	// or a "that" clause and no comma after it).
	for i, w := range t {
		if w.Lower == "if" && (i == 0 || t[i-1].Lower == "that") && !hasWordAfter(t, i+1, ",") {
			return true
		}
	}
	for i := 0; i+1 < len(t); i++ {
		// "in foreign investment and, GDP growth ...": the words between
		// the "and" and its comma were cut out (the sentence had none).
		if t[i+1].Text == "," && t[i].Is("and", "or") && !strings.Contains(it.source, t[i].Text+",") {
			return true
		}
		// "conventions's": a possessive left on a plural when the figure
		// it belonged to ("the 1980's") was taken out.
		if t[i+1].Text == "'s" && !t[i].Cap && t[i].IsWord() && strings.HasSuffix(t[i].Lower, "s") {
			return true
		}
	}
	if restrictiveCut(t, it) {
		return true
	}
	// A dangling end: "such as", "including", "as well as", "and".
	n := contentEnd(t)
	if n > 0 && (t[n-1].Is("and", "or", "including", "such", "as", "than", "of", "the", "a", "an", "with", "by", "to", "whose", "which", "that", "who", "plus", "minus", "between", "from")) {
		return true
	}
	return false
}

// announcesList reports a sentence that ends in a colon: "Four subsequent
// reports were published in the following years:" is about the list after
// it, which no item shows.
func announcesList(source string) bool {
	return strings.HasSuffix(strings.TrimSpace(source), ":")
}

// caption reports a sentence with no finite verb and no full stop, as
// captions are written: "Mihai Eminescu, national poet of Romania and
// Moldova".
func caption(source string) bool {
	s := strings.TrimSpace(source)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?\"”)") {
		return false
	}
	t := prose.Tokenize(s)
	return !containsFinite(t, 0, len(t))
}

// endsInPreposition reports a stem cut after a preposition, its object
// lost: "_____ were considered by Western governments bulwarks
// against.".
func endsInPreposition(t []prose.Token) bool {
	n := len(t)
	return n >= 3 && t[n-1].Text == "." && t[n-2].Is("against", "of", "with", "from", "into", "by", "for", "to", "at", "the", "a", "an") && !t[n-2].Cap
}

// authorCitation reports a reference's authors left at a stem's end or
// inside it: "..., Sunquist, Mel and Fiona Sunquist." (the surname
// again after the given names), "Berrin, Katherine & Larco Museum".
func authorCitation(stem string) bool {
	// "Berrin, Katherine & Larco": a surname, a comma, a given name and
	// an ampersand.
	for rest := stem; ; {
		i := strings.Index(rest, " & ")
		if i < 0 {
			break
		}
		before := rest[:i]
		given := before[strings.LastIndexByte(before, ' ')+1:]
		if head, ok := strings.CutSuffix(before[:len(before)-len(given)], ", "); ok && isUpperWord(given) {
			if surname := head[strings.LastIndexByte(head, ' ')+1:]; len(surname) > 1 && isUpperWord(surname) {
				return true
			}
		}
		rest = rest[i+3:]
	}
	// "Sunquist, Mel and Fiona Sunquist.": the surname ends the stem and
	// stands before a comma, given names and "and" earlier.
	body := strings.TrimSuffix(stem, ".")
	surname := body[strings.LastIndexByte(body, ' ')+1:]
	if len(surname) < 2 || !isUpperWord(surname) {
		return false
	}
	i := strings.Index(body, " "+surname+", ")
	if i < 0 {
		return false
	}
	f := strings.Fields(body[i+len(surname)+3:])
	return len(f) == 4 && isUpperWord(f[0]) && f[1] == "and" && isUpperWord(f[2]) && f[3] == surname
}

// sentenceStarts begin a sentence after a full stop the splitter took
// for an initial's or a numeral's: "... by King Christian V. The collar
// of the order consists of ...".
var sentenceStarts = prose.WordSet(`The A An In It He She They This These His Her Its On At After During`)

// sentenceAfterStop reports a stem that runs two sentences together: a
// full stop after a word that is no title's abbreviation, then a word
// that starts a sentence ("The most common is a _____ in B. The
// predecessors to trumpets did not have valves."). It is a broken stem
// even where the stop follows a capital, which select's twoSentences
// leaves alone.
func sentenceAfterStop(stem string) bool {
	for i := 0; ; {
		j := strings.Index(stem[i:], ". ")
		if j < 0 {
			return false
		}
		j += i
		i = j + 2
		k := j
		for k > 0 && asciiLetter(stem[k-1]) {
			k--
		}
		if k == j || lowerIn(titleAbbrevs, stem[k:j]) || k > 0 && stem[k-1] == '.' {
			continue // "U.S. The", "Dr. The": an abbreviation
		}
		rest := stem[i:]
		if sp := strings.IndexByte(rest, ' '); sp > 0 && sentenceStarts[rest[:sp]] {
			return true
		}
	}
}

// objectItWithoutReferent reports a question whose "it" or "them" is the
// object of its verb when only a name stands before it, the subject: "In
// what year did the U.S. Supreme Court declare it unconstitutional?" (an
// object is not its own subject, so it stands for what the sentence
// before named).
func objectItWithoutReferent(t []prose.Token) bool {
	if len(t) < 5 || t[len(t)-1].Text != "?" {
		return false
	}
	k := 0
	for k < len(t) && !t[k].Is("did", "does", "do") {
		k++
	}
	j := k + 1
	for j < len(t) && (t[j].Is("the", "a", "an") || t[j].Cap || t[j].Text == "." || t[j].Text == "'s") {
		j++
	}
	return k < len(t) && j > k+1 && j+1 < len(t) && t[j].IsWord() && !t[j].Cap && t[j+1].Is("it", "them") && !t[j+1].Cap
}

// namesake reports a stem on what was named after someone or took an
// animal for its mascot: "The _____ mascot is a white elephant.", "A
// recently built hall of accommodation at _____ is named after
// Faraday.", "Counties in _____ U.S. states are named after Lincoln."
// Judges failed a tank named after Grant and sports teams named after
// leopards as side trivia, not facts of the text's subject.
func namesake(t []prose.Token) bool {
	for i, w := range t {
		switch w.Lower {
		case "mascot", "mascots", "memorialized", "memorialised", "namesake":
			return true
		case "emblem":
			if i > 0 && t[i-1].Is("club", "team") {
				return true
			}
		case "honors", "honours":
			if i+1 < len(t) && t[i+1].Cap && t[i+1].IsWord() {
				return true // "Grant Park in _____ honors Grant."
			}
		case "named":
			// "named after", "named for", "named themselves the Abraham
			// Lincoln Brigade after Lincoln".
			if i+1 < len(t) && t[i+1].Is("for") {
				return true
			}
			for j := i + 1; j < len(t) && j <= i+6; j++ {
				if t[j].Is("after") {
					return true
				}
			}
		case "honor", "honour":
			if i > 0 && t[i-1].Is("in", "'s", "his", "her") {
				return true
			}
		}
	}
	return false
}

// teamNamesake reports a stem that names a team after the document's
// topic: "the Otahuhu Leopards and then the Tamaki Leopards" in a text on
// leopards is side trivia, as a mascot is. A team is "the" and a name
// that ends in the plural of the title's last word ("the Good Schools
// Guide", "called Indian Elephants" name none).
func (d *document) teamNamesake(t []prose.Token) bool {
	title := strings.Fields(strings.ToLower(d.title))
	if len(title) == 0 {
		return false
	}
	plural := title[len(title)-1] + "s"
	for i := 2; i < len(t); i++ {
		w := t[i]
		if !w.Cap || !w.IsWord() || w.Lower != plural || i+1 < len(t) && t[i+1].Cap && t[i+1].IsWord() {
			continue
		}
		j := i - 1
		for j > 0 && j > i-3 && t[j].Cap && t[j].IsWord() && !functionList.has(t[j].Lower) && !d.topicWords[t[j].Lower] {
			j--
		}
		if j < i-1 && t[j].Is("the") {
			return true
		}
	}
	return false
}

// madeParticiples are past forms of verbs that take an object: "built in
// 1488" with none is a participle, as captions are written, not a verb.
var madeParticiples = prose.WordSet(`built founded established painted designed written made taken drawn engraved
	published created erected constructed completed printed photographed based composed carved commissioned pictured`)

// byParticiples are past forms that may be verbs without an object,
// participles only before "by": "Davidov Stradivarius, played by
// Jacqueline du Pré, currently played by _____."
var byParticiples = prose.WordSet(`played owned held used led followed named known sung performed`)

// participleCaption reports a stem whose first verb is a participle of
// making with no object and no auxiliary, a caption's: "Voroneţ Monastery
// built in 1488 by Stephen III of Moldavia after his victory at the
// _____.", "Elephants on the cover of the original _____ edition, based
// on art by John Lockwood Kipling."
func participleCaption(t []prose.Token) bool {
	// Most stems have no such participle: look for one before asking
	// finiteAt of every word.
	any := false
	for _, w := range t {
		if madeParticipleList.has(w.Lower) || byParticipleList.has(w.Lower) {
			any = true
			break
		}
	}
	if !any {
		return false
	}
	caption := false
	for i, w := range t {
		if auxiliaryList.has(w.Lower) {
			return false
		}
		if madeParticipleList.has(w.Lower) || byParticipleList.has(w.Lower) && i+1 < len(t) && t[i+1].Is("by") {
			// "Voroneţ Monastery built in": the first verb a participle.
			if i > 0 && i+1 < len(t) && prepositionList.has(t[i+1].Lower) && !t[i+1].Is("up", "out") {
				caption = true
				continue
			}
			if !caption {
				return false
			}
			continue
		}
		if finiteAt(t, i) {
			return false // a verb of its own: "The Colosseum, built in 80, stands ..."
		}
	}
	return caption
}

// bibliography reports a stem that is a book's reference: "Margaret
// Cheney, Robert Uth, and Jim Glenn, "Tesla, Master of Lightning",
// published by Barnes & Noble, _____."
func bibliography(stem string) bool {
	// Every test but the last wants ", published by ": most stems are
	// scanned once for it, not three times.
	if !strings.Contains(stem, ", published by ") {
		return strings.Contains(stem, "reprinted in")
	}
	if strings.Contains(stem, "\", published by ") || strings.Contains(stem, "”, published by ") || strings.Contains(stem, "reprinted in") {
		return true
	}
	_, after, ok := strings.Cut(stem, ", published by ")
	return ok && strings.Count(after, ",") == 1 && strings.HasSuffix(after, ", "+questions.Blank+".")
}

// relativeWithoutVerb reports a stem whose last relative clause was cut
// before its verb: "..., where many former _____." (from "where many
// former Whigs, including Abraham Lincoln, had found refuge").
func relativeWithoutVerb(t []prose.Token) bool {
	for i := len(t) - 1; i > 0; i-- {
		switch t[i].Lower {
		case "where", "which", "who", "whom", "whose":
		default:
			continue
		}
		if prepositionList.has(t[i-1].Lower) && i+1 < len(t) && t[i+1].IsWord() && !t[i+1].Cap && !determinerList.has(t[i+1].Lower) {
			return false // "in which year ...": a question word
		}
		return !containsFinite(t, i+1, len(t))
	}
	return false
}

// restrictiveCut reports a statement that ends where its sentence goes on
// with a relative clause set off by no comma: "Bucharest is the only city
// in Romania." from "... the only city in Romania which has an
// underground railway system." Such a clause says which one is meant;
// without it the statement says something else, often false.
func restrictiveCut(t []prose.Token, it *item) bool {
	n := contentEnd(t)
	if n < 3 || it.source == "" || t[len(t)-1].Text == "?" {
		return false
	}
	word := func(k int) string {
		if t[k].Text == blankWord {
			return it.key
		}
		return t[k].Text
	}
	// Where the stem's last three words stand in the source, read without
	// building a string: the generator checks every item.
	src, last := it.source, word(n-1)
	for from := 0; from < len(src); {
		at := strings.Index(src[from:], last)
		if at < 0 {
			return false
		}
		at += from
		from = at + len(last)
		next := strings.TrimPrefix(src[from:], " ")
		sp := strings.IndexAny(next, " ,.;:")
		if sp < 0 || !lowerIn(relativeWords, next[:sp]) || next[sp] != ' ' {
			continue
		}
		before := strings.TrimSuffix(src[:at], " ")
		if w := word(n - 2); strings.HasSuffix(before, w) {
			before = strings.TrimSuffix(strings.TrimSuffix(before, w), " ")
			if strings.HasSuffix(before, word(n-3)) {
				return true
			}
		}
	}
	return false
}

// relativeWords start a relative clause.
var relativeWords = prose.WordSet(`which that who whom where`)

// connectiveWord reports whether a word that stood before the stem in
// its sentence is one a statement may start after: a comma, a
// conjunction, a connective.
func connectiveWord(w string) bool {
	switch w {
	case ",", ";", ":", "—", "(", "and", "but", "or", "so", "yet", "while", "whereas", "because", "although", "though", "since", "as", "when", "after", "before", "if", "that", "which", "who", "where", "then", "thus", "however", "also", "indeed", "moreover", "furthermore", "nevertheless", "nonetheless", "therefore", "hence", "instead", "meanwhile", "consequently", "accordingly", "likewise", "similarly", "additionally", "notably", "overall", "besides", "addition", "fact", "example", "instance", "result", "turn", "hand", "admittedly":
		return true
	}
	return false
}

func hasWordAfter(t []prose.Token, from int, w string) bool {
	for i := from; i < len(t); i++ {
		if t[i].Lower == w {
			return true
		}
	}
	return false
}

// contentEnd is the index after the stem's last token that is not
// punctuation.
func contentEnd(t []prose.Token) int {
	n := len(t)
	for n > 0 && t[n-1].Kind == prose.Punct {
		n--
	}
	return n
}

// endsInList reports whether a stem ends in the middle of a list: "...
// the ports of Malindi, Mombasa, Kilifi." has two commas between short
// items and no "and" after them.
func endsInList(t []prose.Token) bool {
	n := contentEnd(t)
	commas, run := 0, 0
	for i := n - 1; i >= 0; i-- {
		w := t[i]
		if w.Text == "," {
			if run == 0 || run > 6 {
				break
			}
			commas++
			run = 0
			continue
		}
		// An item is a few words, with no preposition or figure: "Malindi",
		// "a soundpost", "four strings". An "and" in the last item closes
		// the list; in an earlier one it is part of the item ("maple
		// ribs and back").
		if w.Is("and", "or", "nor") {
			if commas == 0 {
				return false
			}
			run++
			continue
		}
		if w.Lower == "of" && i > 0 && i+1 < n && t[i-1].Cap && t[i+1].Cap {
			run++ // "the University of Chicago Press": one name
			continue
		}
		if !w.IsWord() || prepositionList.has(w.Lower) || finiteAt(t, i) {
			break
		}
		run++
	}
	// Three items or more, and no "and" before the last: "Malindi,
	// Mombasa, Kilifi".
	return commas >= 2
}

// wrongWh reports a question whose question word does not fit its key
// ("Who" for a work or a species) or whose words were put together
// wrongly ("In what year was fell ...", "did ... saw ...").
func wrongWh(t []prose.Token, it *item) bool {
	if len(t) < 3 {
		return true
	}
	if t[0].Lower == "who" || t[0].Lower == "whom" || t[0].Lower == "whose" {
		switch it.typ {
		case ePerson:
			if !it.confident || strings.HasPrefix(it.key, "The ") || strings.HasPrefix(it.key, "the ") {
				return true
			}
			for _, a := range it.answers {
				if strings.HasPrefix(a, "the ") || strings.HasPrefix(a, "The ") {
					return true // "Who sold over 300,000 copies?": the Memoirs
				}
			}
		case eGroup, eOrg:
			// "Who did Wilson intend as a means toward peace?": the
			// Fourteen Points, a name that starts with a count, are no
			// people.
			if f := strings.Fields(strings.ToLower(it.key)); len(f) > 1 && (numberWordList.has(f[0]) > 0 || prose.FirstRune(f[0]) >= '0' && prose.FirstRune(f[0]) <= '9') {
				return true
			}
			// "Who were built ...?": the Lima City Walls are no people.
			for w := range strings.FieldsSeq(strings.ToLower(it.key)) {
				if siteHeads[w] || placeKeywordList.has(w) || nonPersonWords[w] && !orgKeywordList.has(w) {
					return true
				}
			}
		default:
			return true
		}
	}
	// After "did", "does" or "do" and its subject, the verb is in its
	// base form: a past form there, or after an "and" later on ("did
	// Tesla leave Graz and broke ..."), is two clauses run together; after
	// "was" or "were", a past form that is no participle ("was fell") is
	// too.
	for i := 0; i+1 < len(t); i++ {
		w := t[i].Lower
		if w == "did" || w == "does" || w == "do" {
			infinitive := false
			for j := i + 1; j < len(t); j++ {
				x := t[j]
				if x.Text == "," || subordinatorList.has(x.Lower) {
					break // what follows is another clause
				}
				// "did the awareness begin to take root and forced
				// ...": the "and" still joins the verb after "did".
				if x.Lower == "and" && inflectedAfter(t, j+1) {
					return true
				}
				infinitive = infinitive || x.Lower == "to"
				if !infinitive && !x.Cap && isPastForm(x.Lower) {
					return true
				}
			}
		}
		if beFormList.has(w) && isPastForm(t[i+1].Lower) {
			return true
		}
		// "were build": a base form where a participle belongs.
		if beFormList.has(w) && i > 0 {
			if _, base := irregularList.get(t[i+1].Lower); base {
				if _, part := participleList.get(t[i+1].Lower); !part {
					return true
				}
			}
		}
	}
	// "Who is home to the largest fountain complex?", "Who is found in
	// academic use?": what is a home or found in use is a place or a
	// thing, whatever the key's name looked like.
	if t[0].Is("who") && t[1].Is("is", "was", "are", "were") {
		k := 2
		if strings.HasSuffix(t[k].Lower, "ly") && len(t) > 3 {
			k++ // "Who was traditionally spoken ...?"
		}
		if thingPredicates[t[k].Lower] || t[k].Lower == "found" && len(t) > k+1 && t[k+1].Is("in", "on") {
			return true
		}
	}
	// "In what year was Zia-ul-Haq killed but Islamization remains ...?":
	// a second clause the question took along.
	for i := 2; i < len(t); i++ {
		if t[i].Lower == "but" && !(i > 1 && t[i-1].Is("all", "nothing", "anything", "everything")) {
			return true
		}
	}
	// "Who was the Prince of Wallachia, of Transylvania?", "What gained
	// the power to prescribe a system, require reports?": a list whose
	// "and" the question lost.
	if questionListCut(t) {
		return true
	}
	// "Who found in the Indus Valley suggest that ...?": a participle
	// read as the verb, the real verb left after it.
	if len(t) > 3 && t[0].Is("who", "what") && (isPastForm(t[1].Lower) || isParticiple(t[1].Lower)) {
		for i := 2; i+1 < len(t); i++ {
			if t[i].Is("suggest", "show", "indicate", "reveal", "prove", "confirm", "demonstrate", "imply") && t[i+1].Is("that") {
				return true
			}
		}
	}
	// "Who promoted commercial, scientific?": a list of qualities cut
	// before its noun.
	if n := len(t); n >= 5 && t[n-1].Text == "?" && t[n-3].Text == "," && !t[n-2].Cap && !t[n-4].Cap && t[n-2].IsWord() && t[n-4].IsWord() {
		return true
	}
	// "Who sided with Pinchot?" (Conservationists), "Who originated near
	// the equator?" (Africans, the elephants): a plural noun that is only
	// capitalised as the sentence's first word, or a people standing in
	// for the animals of that place, is no one to ask for by "who".
	if t[0].Is("who") && strings.HasPrefix(it.source, it.key) && genericPeople(it.key) {
		return true
	}
	// "In what year did the treatise publish by Ricordi?": a passive read
	// as an active verb.
	for i := 1; i+1 < len(t); i++ {
		if t[i+1].Lower == "by" && !t[i].Cap && isVerbBase(t[i].Lower) && didBefore(t, i) {
			return true
		}
	}
	// "Who is analytic philosopher and Professor ... Richard Rorty?": a
	// be-question that names its own answer at the end, with no article
	// or owner: the list of appositives was read the wrong way round.
	if t[0].Is("who") && t[1].Is("is", "was") && endsInName(t) && !hasDeterminer(t[2:]) {
		return true
	}
	// "How many members are elected from the Oberland and ten members
	// are elected from the Unterland?": a second clause the question
	// took along.
	for i := 2; i+3 < len(t); i++ {
		if t[i].Lower == "and" && (t[i+1].Kind == prose.Number || numberWordList.has(t[i+1].Lower) > 0) {
			for j := i + 2; j < len(t) && j <= i+4; j++ {
				if auxiliaryList.has(t[j].Lower) {
					return true
				}
				if !t[j].IsWord() || t[j].Cap {
					break
				}
			}
		}
	}
	// "In what year did Genghis besiege?": a verb that takes an object
	// left without it.
	if n := len(t); n >= 4 && t[n-1].Text == "?" && objectVerbs[t[n-2].Lower] && didBefore(t, n-2) {
		return true
	}
	// "Who was popular singer Leila Mourad?" (answered "Dawoud Husni"),
	// "Who is American writer?": a be-question whose complement has no
	// article, owner or preposition was cut from a list of appositives.
	if t[0].Is("who", "what") && t[1].Is("is", "was", "are", "were") && bareComplement(t[2:]) {
		return true
	}
	// "Where was Celsius born in Uppsala?": a place asked for beside the
	// place that answers it; what is left is the country around it.
	if t[0].Lower == "where" {
		// "Where did Cleveland send in federal troops, Illinois and 20
		// other rail centers?": the rest of the list the answer began.
		for i := 1; i+1 < len(t); i++ {
			if t[i].Text == "," && t[i+1].Cap && t[i+1].IsWord() {
				return true
			}
		}
		for i := 1; i+1 < len(t); i++ {
			if t[i].Is("in", "at", "near") && t[i+1].Cap && monthList.has(t[i+1].Lower) == 0 && !functionList.has(t[i+1].Lower) {
				return true
			}
		}
	}
	// "In what year have the animals been blamed ...?": a date asks for a
	// past event, not a perfect.
	if t[0].Lower == "when" && t[1].Is("has", "have") || len(t) > 3 && t[0].Lower == "in" && t[1].Lower == "what" && t[2].Lower == "year" && t[3].Is("has", "have") {
		return true
	}
	// "In what year was the theater built and is at ...": a second verb
	// the inversion left behind.
	for i := 2; i+1 < len(t); i++ {
		if t[i].Lower == "and" && auxiliaryList.has(t[i+1].Lower) && !t[i+1].Is("be", "been", "being", "having") {
			return true
		}
	}
	// A reporting verb with nothing reported: "When did Lincoln explain?".
	if n := len(t); n >= 2 && t[n-1].Text == "?" && reportingVerbs[t[n-2].Lower] {
		return true
	}
	// Figures in a row, "in 1563 1603 1636": a list that lost its commas.
	for i := 0; i+2 < len(t); i++ {
		if t[i].Kind == prose.Number && t[i+1].Kind == prose.Number && t[i+2].Kind == prose.Number {
			return true
		}
	}
	// Two places or times in a row, "in 2000 in 2001": extras stacked on
	// a question that had one already.
	for i := 0; i+3 < len(t); i++ {
		if t[i].Is("in", "on") && t[i+1].Kind == prose.Number && t[i+2].Is("in", "on") && t[i+3].Kind == prose.Number {
			return true
		}
	}
	if questionRunOn(t) {
		return true
	}
	// Two question words, or a question mark inside the question.
	for i := 1; i < len(t)-1; i++ {
		if t[i].Text == "?" {
			return true
		}
	}
	return false
}

// questionRunOn reports a question that took along a second clause of
// its sentence: "... leave the country, Romania was proclaimed a
// republic?" (a subject and its verb after a comma); "Who invaded which in
// either 271 ...?" (the relative pronoun of the sentence left as an
// object); "In what year was a water supply introduced and electricity
// supply launched in 1878?" (another year after an "and": which one is
// asked?).
func questionRunOn(t []prose.Token) bool {
	for i := 1; i+2 < len(t); i++ {
		if t[i].Text != "," {
			continue
		}
		j := i + 1
		if t[j].Is("the", "a", "an") {
			j++
		}
		if !t[j].Cap || t[j].Text == blankWord || functionList.has(t[j].Lower) {
			continue
		}
		for j < len(t) && t[j].Cap {
			j++
		}
		if j < len(t) && t[j].Is("was", "were", "is", "are", "had", "has", "became") {
			return true
		}
	}
	for i := 2; i+2 < len(t); i++ {
		if t[i].Text != "," {
			continue
		}
		// "What does Egypt border to the west, Sudan to the south?": a
		// second pair whose verb the sentence left out.
		j := i + 1
		for j < len(t) && t[j].Cap && t[j].Text != blankWord {
			j++
		}
		if j > i+1 && j+1 < len(t) && t[j].Lower == t[i-2].Lower && t[j+1].Lower == t[i-1].Lower && t[j].IsWord() {
			return true
		}
		if j > i+1 && j+2 < len(t) && i >= 3 && t[j].Lower == t[i-3].Lower && t[j+1].Lower == t[i-2].Lower && prepositionList.has(t[j].Lower) {
			return true
		}
	}
	// "Where are the Headquarters located and the Secretary General has
	// traditionally been an Egyptian?": a second subject and its verb.
	for i := 2; i+2 < len(t); i++ {
		if t[i].Lower != "and" || !t[i+1].Is("the", "a", "an", "its", "his", "her", "their") {
			continue
		}
		for j := i + 2; j < len(t) && j < i+11 && t[j].Text != ","; j++ {
			if t[j].Is("has", "have", "had", "is", "are", "was", "were") {
				return true
			}
		}
	}
	for i := 1; i+1 < len(t); i++ {
		if t[i].Lower == "which" && (isPastForm(t[i-1].Lower) || isParticiple(t[i-1].Lower)) && (prepositionList.has(t[i+1].Lower) || t[i+1].Kind == prose.Punct) {
			return true
		}
	}
	if len(t) > 3 && (t[0].Lower == "when" || t[0].Lower == "in" && t[1].Lower == "what" && t[2].Is("year", "decade", "century")) {
		and := false
		for _, w := range t[1:] {
			and = and || w.Lower == "and"
			if and && w.Kind == prose.Number && len(w.Text) == 4 && w.Text >= "1000" && w.Text <= "2099" {
				return true
			}
		}
	}
	return false
}

// whoForCommonNoun reports "Who are dressed to a transverse curve?"
// answered "Fingerboards": a word the text writes in lower case more
// often than with a capital is a common noun that started its sentence,
// no one "who" asks for.
func (d *document) whoForCommonNoun(t []prose.Token, key string) bool {
	if len(t) == 0 || !t[0].Is("who", "whom") || strings.Contains(strings.TrimSpace(key), " ") {
		return false
	}
	k := strings.ToLower(strings.TrimSpace(key))
	low := d.stats.lowMid[k] + d.stats.lowMid[strings.TrimSuffix(k, "s")]
	return low > 0 && low > d.stats.capMid[k]
}

// questionListCut reports a question whose last comma starts a short
// item of the same shape as the words before it, with no "and": two "of"
// phrases, two verbs after a "to".
func questionListCut(t []prose.Token) bool {
	n := len(t)
	if n < 5 || t[n-1].Text != "?" {
		return false
	}
	c := -1
	for i := n - 2; i > 0; i-- {
		if t[i].Text == "," {
			c = i
			break
		}
	}
	if c < 1 || n-1-(c+1) > 4 || n-1-(c+1) < 1 {
		return false
	}
	after := t[c+1 : n-1]
	for _, w := range after {
		if w.Is("and", "or", "but", "which", "who", "that") || !w.IsWord() {
			return false
		}
	}
	// Two names ("Louisiana, Arkansas") are left alone: a city and its
	// state ("Springfield, Illinois") have the same shape.
	first := after[0]
	switch {
	case prepositionList.has(first.Lower):
		for j := max(0, c-5); j < c; j++ {
			if t[j].Lower == first.Lower {
				return true
			}
		}
	case !first.Cap && (isVerbBase(first.Lower) || knownPast(first.Lower+"d") || knownPast(first.Lower+"ed")):
		for j := 0; j < c; j++ {
			if t[j].Lower == "to" && j+1 < c && t[j+1].IsWord() && !t[j+1].Cap && !functionList.has(t[j+1].Lower) && !determinerList.has(t[j+1].Lower) {
				return true
			}
		}
	}
	return false
}

// knownPast reports a regular past form the lexicon knows.
func knownPast(w string) bool {
	_, ok := edLemma(w)
	return ok
}

// thingPredicates follow "Who is" in a question only when its key is a
// place or a thing.
var thingPredicates = prose.WordSet(`home located situated used spoken built printed published headquartered based`)

// genericPeople reports a key of one plural word for a kind of people
// ("Conservationists", "Africans", "Sinologists") rather than a named
// group.
func genericPeople(key string) bool {
	if strings.Contains(key, " ") {
		return false
	}
	k := strings.ToLower(key)
	return strings.HasSuffix(k, "ists") || strings.HasSuffix(k, "ians") || strings.HasSuffix(k, "ans") || strings.HasSuffix(k, "ers")
}

// objectVerbs take an object a question must keep.
var objectVerbs = prose.WordSet(`besiege capture conquer attack defeat invade found establish publish build
	sign release buy sell purchase join visit meet take give make hold destroy describe name appoint
	replace succeed`)

// endsInName reports a question whose last two words before its mark
// are capitalised.
func endsInName(t []prose.Token) bool {
	n := len(t)
	return n >= 5 && t[n-1].Text == "?" && t[n-2].Cap && t[n-3].Cap && t[n-2].IsWord() && t[n-3].IsWord()
}

// hasDeterminer reports an article, a possessive or an owner's "'s".
func hasDeterminer(t []prose.Token) bool {
	for _, w := range t {
		if determinerList.has(w.Lower) || w.Text == "'s" || w.Text == "'" || w.Is("his", "her", "its", "their") {
			return true
		}
	}
	return false
}

// didBefore reports a "did", "does" or "do" before t[i] in the question.
func didBefore(t []prose.Token, i int) bool {
	for j := 0; j < i; j++ {
		if t[j].Is("did", "does", "do") {
			return true
		}
	}
	return false
}

// inflectedAfter reports a verb in the past or the third person at t[k],
// or after one adverb there: after "did" and an "and", the second verb the
// inversion left as it was ("did Heine complete and published", "did the
// line begin operation and currently has").
func inflectedAfter(t []prose.Token, k int) bool {
	if k+1 < len(t) && strings.HasSuffix(t[k].Lower, "ly") && len(t[k].Lower) > 4 {
		k++
	}
	if k >= len(t) || t[k].Cap {
		return false
	}
	w := t[k].Lower
	if _, ok := edLemma(w); ok {
		return true
	}
	return isPastForm(w) || thirdPersonAux[w]
}

// thirdPersonAux are the auxiliaries a subject agrees with.
var thirdPersonAux = prose.WordSet(`has is was were are does`)

// reportingVerbs take what is said as their object.
var reportingVerbs = prose.WordSet(`explain explained say said state stated write wrote note noted argue argued
	claim claimed declare declared add added reply replied remark remarked observe observed comment commented
	announce announced report reported conclude concluded suggest suggested`)

// isPastForm reports a word that is surely a verb in the past tense, not
// a participle: "saw", "broke", "fell" (a noun elsewhere, a verb in a
// question's verb phrase).
func isPastForm(w string) bool {
	if _, ok := pastList.get(w); !ok || ambiguousList.has(w) && !questionPasts[w] {
		return false
	}
	_, part := participleList.get(w)
	return !part
}

// bareComplement reports a question's rest after "is" or "was" made of
// names and nouns only: no article, no "'s", no preposition, no verb form.
func bareComplement(t []prose.Token) bool {
	n := 0
	for _, w := range t {
		if w.Text == "?" {
			break
		}
		if w.Text == "'s" || w.Text == "'" || determinerList.has(w.Lower) || prepositionList.has(w.Lower) || !w.IsWord() || !w.Cap && isVerbForm(w.Lower) {
			return false
		}
		n++
	}
	return n > 0
}

// overWhole reports a percentage over a hundred.
func overWhole(s string) bool {
	v, ok := strings.CutSuffix(strings.TrimSpace(s), "%")
	if !ok {
		v, ok = strings.CutSuffix(strings.TrimSpace(s), " percent")
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(v, ",", ""), 64)
	return ok && err == nil && f > 100
}

// pluralBefore reports whether something before t[k] may be what a
// "they" or "them" at t[k] stands for: the blank or the question word
// when the answer is plural (pluralBlank) and asked for as no time, a
// plural or collective noun ("the wolves", "the council"), a people
// ("the Normans"), or two names joined by "and". A blank on a year is no
// "they": "In _____ they captured".
func pluralBefore(t []prose.Token, k int, pluralBlank bool) bool {
	for j := 0; j < k; j++ {
		w := t[j]
		switch {
		case w.Text == blankWord:
			if pluralBlank {
				return true
			}
		case w.Is("who", "what", "which", "whose"):
			// "What is thought to be inherited from their ancestor?"
			// (DNA): the question word is a "they" only for a plural
			// answer.
			if !asksForTime(t, j) && pluralBlank {
				return true
			}
		case !w.IsWord() || functionList.has(w.Lower):
			if w.Lower == "and" && j > 0 && j+1 < k && t[j-1].Cap && t[j+1].Cap {
				return true
			}
		case orgKeywordList.has(w.Lower) || collectiveNouns[w.Lower] || unmarkedPlurals[w.Lower]:
			return true
		case strings.HasSuffix(w.Lower, "s") && !strings.HasSuffix(w.Lower, "ss") && len(w.Lower) > 3 && !(w.Cap && j > 0 && t[j-1].Cap):
			if _, verb := sLemma(w.Lower); !w.Cap && verb && finiteAt(t, j) {
				continue // "he rules them": a verb, not a plural
			}
			return true
		}
	}
	return false
}

// pluralWord reports a key whose last word is a plural noun: "wolves",
// "the Normans".
func pluralWord(key string) bool {
	k := strings.TrimSpace(key)
	w := k[strings.LastIndexByte(k, ' ')+1:]
	if ascii(w) {
		// Only the last two letters are read: lower those alone, with
		// no lower-cased copy of the word.
		n := len(w)
		if n <= 3 {
			return false
		}
		a, b := asciiLower(w[n-2]), asciiLower(w[n-1])
		return b == 's' && a != 's' && a != 'u' && a != 'i'
	}
	return pluralNoun(strings.ToLower(w))
}

// asksForTime reports a question word at t[j] that asks for a time ("In
// what year did Wilson win them over?"): no one a "they" or an "its"
// could stand for.
func asksForTime(t []prose.Token, j int) bool {
	return j+1 < len(t) && (timeNouns[t[j+1].Lower] || t[j+1].Is("date", "time", "age"))
}

// heWithoutPerson reports a "he" or "she" whose stem
// names no person it could stand for: the capitalised words before it
// are places, organisations or a sentence's first word ("Addressing the
// Franklin Institute in Philadelphia, he described ..."). A blank that
// asks for a person (personBlank) is one.
func (d *document) heWithoutPerson(t []prose.Token, personBlank bool) bool {
	// Most stems have no "he": look for one before looking up names.
	has := false
	for i, w := range t {
		if i > 0 || !w.Cap {
			switch w.Lower {
			case "he", "she", "himself", "herself":
				has = true
			}
		}
		if has {
			break
		}
	}
	if !has {
		return false
	}
	person := personBlank && len(t) > 0 && t[0].Is("who", "whom", "whose")
	for i := 0; i < len(t); i++ {
		w := t[i]
		switch {
		case w.Text == blankWord:
			if personBlank {
				person = true
			}
		case w.Cap && w.IsWord() && !functionList.has(w.Lower) && !anaphoricList.has(w.Lower) && monthList.has(w.Lower) == 0 && !(i == 0 && subjectList.has(w.Lower)):
			j := i
			for j+1 < len(t) && t[j+1].Cap && t[j+1].IsWord() && t[j+1].Text != blankWord {
				j++
			}
			if d.personName(t, i, j+1) || doesAsPerson(t, j+1) {
				person = true
			}
			i = j
		case i > 0 || !w.Cap:
			if w.Is("he", "she", "himself", "herself") && !person {
				return true
			}
		}
	}
	return false
}

// doesAsPerson reports a name's verb at t[k] that only people do ("Chopin
// was born", "Al-Biruni wrote"): its name is someone a "he" can be.
func doesAsPerson(t []prose.Token, k int) bool {
	if k < len(t) && t[k].Is("was", "were") {
		k++
		return k < len(t) && t[k].Is("born")
	}
	return k < len(t) && !t[k].Cap && humanVerbList.has(t[k].Lower) && !t[k].Is("found", "rule", "rules", "lead", "leads", "led", "lives", "serves", "serve", "served")
}

// personName reports whether the capitalised words t[a:b] may name a
// person: a name the document types as one, or a name of no clear type
// that starts with a given name or a title ("Philadelphia", read as a
// name of unknown type, is no one a "he" stands for).
func (d *document) personName(t []prose.Token, a, b int) bool {
	var words []string
	for _, w := range t[a:b] {
		words = append(words, w.Text)
	}
	e := d.byKey[nameKey(strings.Join(words, " "))]
	if e != nil {
		e = e.root()
	}
	if e != nil {
		return e.typ == ePerson || (e.typ == eName || e.typ == eNone) && lowerIn(firstNames, words[0])
	}
	if b-a > 1 && (lowerIn(firstNames, words[0]) || lowerIn(personTitles, words[0])) {
		return true
	}
	// "In Philadelphia Edison said ...": two names side by side.
	for _, w := range words {
		if e := d.byKey[nameKey(w)]; e != nil && e.root().typ == ePerson {
			return true
		}
	}
	return false
}

// collectiveNouns name many as one.
var collectiveNouns = prose.WordSet(`people family council committee government army navy team band crew police
	public staff class couple pair group herd pack flock colony population`)

// unknownReferent reports a stem whose subject is "the" and one plain
// noun the document hardly uses elsewhere ("The calf died ...", "The
// post is held by ...", "The movie was directed by ..."): which one was
// said in the sentence before. A noun the text keeps coming back to ("the
// embargo", "the parliament") or a word of the title ("the leopard") is
// one thing a reader knows.
func (d *document) unknownReferent(t []prose.Token) bool {
	if len(t) < 3 || t[0].Lower != "the" {
		return false
	}
	n := t[1]
	if n.Cap || !n.IsWord() || functionList.has(n.Lower) || d.topicWords[n.Lower] {
		return false
	}
	if !auxiliaryList.has(t[2].Lower) && !finiteAt(t, 2) {
		return false
	}
	return d.freq[n.Lower] < 3
}

// referringNouns name a thing of a kind the text has several of: "the
// group", "the cycle", "the service" stand for a name said before. ("The
// series", "the show", "the team" are left out: in the texts tuned on
// they are most often the document's own subject.)
var referringNouns = prose.WordSet(`group organization organisation movement company firm band area region
	site plate service cycle project programme program role event incident attack operation book film
	album song deal plan proposal scheme device machine members conflict dispute park grounds building facility premises
	college forest island village congregation amendment hymn poem essay speech letter work reserve movie`)

// bareDefinite reports "the group", "the cycle" with nothing after them
// to say which: not followed by "of", a name or a relative clause, and no
// word of the title ("the plate" in an article on plate tectonics).
func (d *document) bareDefinite(t []prose.Token) bool {
	for i := 1; i < len(t); i++ {
		w := t[i]
		if !referringNounList.has(w.Lower) || w.Cap || d.topicWords[w.Lower] || d.topicKind(w.Lower) {
			continue
		}
		if w.Lower == "members" {
			// "Who jailed thousands of members?": members of what?
			if (i+1 >= len(t) || !t[i+1].Is("of") && !(t[i+1].Cap && t[i+1].IsWord())) && t[i-1].Is("of", "many", "thousands", "hundreds", "some") {
				return true
			}
			continue
		}
		if t[i-1].Lower != "the" {
			continue
		}
		if i+1 < len(t) && (t[i+1].Is("of", "that", "which", "who", "whose", "called", "named", "known") || t[i+1].Cap && t[i+1].IsWord()) {
			continue
		}
		return true
	}
	return false
}

// kindNouns are the nouns of named things a text often has several of:
// "the war" in a text that names two wars says not which (bareKind).
var kindNouns = prose.WordSet(`war treaty battle election revolution siege campaign scandal expedition convention crisis uprising rebellion`)

// bareKind reports "the war", "the treaty" with nothing after them to say
// which, in a document that names two or more of the kind ("the Treaty
// of Paris", "the Treaty of Ghent"): the learner cannot tell which one.
func (d *document) bareKind(t []prose.Token) bool {
	for i := 1; i < len(t); i++ {
		w := t[i]
		if w.Cap || !kindNounList.has(w.Lower) || d.kindNames[w.Lower] < 2 || t[i-1].Lower != "the" || d.topicWords[w.Lower] {
			continue
		}
		if i+1 < len(t) && (t[i+1].Is("of", "that", "which", "whose", "called", "named", "known", "between", "against", "with") || t[i+1].Cap && t[i+1].IsWord()) {
			continue
		}
		// "the war in Vietnam" says which; "the war in _____" (a year)
		// does not.
		if i+2 < len(t) && t[i+1].Is("in") && t[i+2].Cap && t[i+2].IsWord() && t[i+2].Text != blankWord {
			continue
		}
		return true
	}
	return false
}

// topicKind reports a noun that names the kind of thing the document's
// topic is: "the group" in a text about a group is the topic.
func (d *document) topicKind(noun string) bool {
	if d.topic == nil {
		return false
	}
	switch d.topic.typ {
	case eGroup, eOrg:
		return noun == "group" || noun == "organization" || noun == "organisation" || noun == "movement" || noun == "company" || noun == "firm" || noun == "team" || noun == "band" || noun == "members"
	case eWork:
		return noun == "book" || noun == "film" || noun == "album" || noun == "song" || noun == "series" || noun == "show"
	case eEvent:
		return noun == "attack" || noun == "operation" || noun == "incident" || noun == "event"
	case ePlace:
		return noun == "area" || noun == "region" || noun == "island" || noun == "village"
	}
	return false
}

// backConnectives tie a clause to the one before it: "nonetheless" with
// what it concedes not shown.
var backConnectives = prose.WordSet(`nonetheless nevertheless therefore consequently hence likewise similarly
	furthermore moreover accordingly otherwise thus afterward afterwards thereafter meanwhile`)

// captionWords point at a picture in any use; captionNouns after "the"
// with nothing to say which.
var (
	captionWords = prose.WordSet(`parentheses pictured caption photo photograph`)
	captionNouns = prose.WordSet(`photo photograph picture image chart diagram figure painting illustration graph`)
)

// pointsBack reports a connective that answers a sentence the stem does
// not show, or an "instead" that is not "instead of".
func pointsBack(t []prose.Token) bool {
	// "Also in the Tower District is ...": also than what?
	if len(t) > 1 && t[0].Is("also") {
		return true
	}
	// "In response, the university became ...": in response to what?
	if len(t) > 2 && (t[0].Is("in") && t[1].Is("response", "return", "retaliation", "turn") || t[0].Is("as") && t[1].Is("a") && t[2].Is("result", "consequence")) {
		if !t[2].Is("to", "of") && !(len(t) > 3 && t[3].Is("of")) {
			return true
		}
	}
	for i, w := range t {
		// "Notes in parentheses are ...", "standing in the center of
		// the painting": a figure, a chart or a caption not shown.
		if captionWordList.has(w.Lower) || w.Lower == "the" && i+1 < len(t) && captionNouns[t[i+1].Lower] && (i+2 >= len(t) || !t[i+2].Is("of", "by", "that")) {
			return true
		}
		if backConnectiveList.has(w.Lower) || w.Lower == "instead" && (i+1 >= len(t) || t[i+1].Lower != "of") {
			return true
		}
	}
	return false
}

// placePrepositions are the prepositions a place's name follows.
var placePrepositions = prose.WordSet(`at in near from into throughout`)

// questionPasts are past forms that ambiguousPast holds but that, inside
// a question's verb phrase, can only be verbs.
var questionPasts = prose.WordSet(`saw fell felt wore`)

// leansOnContext reports words that point at text the stem does not show,
// beyond what needsContext finds at the stem's start: "he" with no one
// named before it, "that conjecture", "the next", "these two
// presentations", "this is accomplished". A blank stands for someone a
// pronoun may point back at only when it asks for a person or a people
// (personBlank); a "they" or "them" at a blank only when it asks for
// people, not one person (pluralBlank); an "it" never at a blank on a
// date or a number (timeBlank: "In _____ it purchased ..."). "Two days
// later" counts from a day the stem does not show.
func leansOnContext(t []prose.Token, personBlank, pluralBlank, timeBlank bool) bool {
	named := false
	question := len(t) > 0 && t[len(t)-1].Text == "?"
	// "Who co-signed the letter with her best friend?": her is whoever
	// the question asks for.
	named = question && t[0].Is("who", "whom", "whose") && personBlank
	place := false // inside a name that follows "at", "in", "near", ...
	for i, w := range t {
		// A name after "at", "in" or "near" is a place, no one "he"
		// could be: "At Nuremberg in _____ he published ...", unless a
		// verb follows it as its subject ("In Philadelphia Edison said").
		place = (w.Cap && w.IsWord() || w.Text == blankWord) && i > 0 && (placePrepositionList.has(t[i-1].Lower) || place && t[i-1].Cap) && !(i+1 < len(t) && finiteAt(t, i+1))
		// A month is no one "he" could be: "In June 1775, he nominated".
		if w.Text == blankWord && personBlank && !place || w.Text != blankWord && w.Cap && w.IsWord() && !functionList.has(w.Lower) && !anaphoricList.has(w.Lower) && monthList.has(w.Lower) == 0 && numberWordList.has(w.Lower) == 0 && !place && !thingName(t, i) {
			named = true
		}
		if w.Cap && i > 0 {
			continue // "IT", "US": a name, not a pronoun
		}
		switch w.Lower {
		case "he", "she", "hers", "himself", "herself":
			if !named {
				return true
			}
		case "him":
			// An object is someone other than the subject named before:
			// "Temüjin rescued him" names the one who rescued, not whom.
			return true
		case "his", "her":
			if w.Lower == "her" && (i+1 >= len(t) || !t[i+1].IsWord() || functionList.has(t[i+1].Lower) || prepositionList.has(t[i+1].Lower)) {
				return true // "rescued her with ...": her is an object
			}
			// "In his Gettysburg Address Lincoln ...": the owner may follow
			// in a statement; a question's owner comes first.
			if !named && (question || !nameAfter(t, i)) {
				return true
			}
		case "they", "them", "their", "themselves":
			// A person named before is no "they": "Kiselyov saw them as
			// the main reason" leans on what the sentence before named.
			if !pluralBefore(t, i, pluralBlank) && !ownerAfterFronted(t, i) {
				return true
			}
		case "it", "its":
			// "Who brought one of its earliest implementations about?":
			// the people asked for own no "its".
			if w.Lower == "its" && question && t[0].Is("who") && !named0(t, i) {
				return true
			}
			if !named && !ownerBefore(t, i) && !ownerAfterFronted(t, i) && !(w.Lower == "it" && i+1 < len(t) && dummyIt(t, i)) || timeBlank && !named && onlyBlankBefore(t, i) {
				return true
			}
		case "this", "these", "those":
			if i+1 < len(t) {
				n := t[i+1]
				// "mouthparts similar to those of grasshoppers": "those"
				// with its "of" says what it stands for.
				if w.Lower == "those" && n.Is("of") && i > 0 && t[i-1].Is("to", "than", "as", "with", "like") {
					continue
				}
				if auxiliaryList.has(n.Lower) || finiteAt(t, i+1) || numberWordList.has(n.Lower) > 0 || n.Kind == prose.Number || n.Kind == prose.Punct || prepositionList.has(n.Lower) {
					return true
				}
			} else {
				return true
			}
		case "that":
			// "that" as a determiner: after a preposition ("in that
			// direction"), or before a noun that ends a phrase ("proved
			// that conjecture.").
			// Not after a verb of thinking or telling: "believed that
			// damage to the skin was ..." opens a clause.
			if i+1 < len(t) && t[i+1].IsWord() && !t[i+1].Cap && !functionList.has(t[i+1].Lower) && !auxiliaryList.has(t[i+1].Lower) && !finiteAt(t, i+1) && !strings.HasSuffix(t[i+1].Lower, "ed") && !strings.HasSuffix(t[i+1].Lower, "s") && !(i+3 < len(t) && t[i+3].Is("which", "whom", "that", "who")) && !(i+2 < len(t) && t[i+2].Is("which", "whom", "that", "who")) && !(i > 0 && thatClauseVerbs[t[i-1].Lower]) {
				if i > 0 && prepositionList.has(t[i-1].Lower) && !t[i-1].Is("so", "such", "than", "now", "given", "except") {
					return true
				}
				if i+2 >= len(t) || t[i+2].Kind == prose.Punct || prepositionList.has(t[i+2].Lower) && !t[i+2].Is("of", "as") {
					return true
				}
			}
		case "following", "next":
			// "The following day, a second service was held": the day
			// after one the stem does not show.
			if i > 0 && t[i-1].Lower == "the" && i+1 < len(t) && t[i+1].Is("day", "year", "month", "week", "morning", "evening", "night", "spring", "summer", "autumn", "winter", "season") {
				return true
			}
			if w.Lower == "following" {
				continue
			}
			fallthrough
		case "previous", "preceding", "above", "aforementioned", "same", "latter", "former", "other":
			// "the next", "the same report", "the other two"; not "the next
			// two millennia", a span counted from what the stem says.
			if i > 0 && t[i-1].Lower == "the" && !(i+1 < len(t) && (numberWordList.has(t[i+1].Lower) > 0 || t[i+1].Kind == prose.Number || timeNouns[t[i+1].Lower])) {
				if w.Lower == "other" && !(i+1 < len(t) && (numberWordList.has(t[i+1].Lower) > 0 || t[i+1].Text == "." || t[i+1].Text == ",")) {
					continue // "the other side of the river" names its thing
				}
				// "the same amount of oil that each had consumed": the
				// stem says the same as what.
				if w.Lower == "same" && sameSaysAs(t, i) {
					continue
				}
				if w.Lower == "same" && i+1 < len(t) && t[i+1].Is("time", "as", "way", "name", "year", "day") {
					if t[i+1].Lower != "year" && t[i+1].Lower != "day" && t[i+1].Lower != "time" {
						continue // "the same as", "the same way"
					}
				}
				return true
			}
		case "two", "three", "four", "five", "six", "both":
			// "The two presentations", "the three men": which ones?
			if i == 1 && t[0].Lower == "the" && i+1 < len(t) && t[i+1].IsWord() && !t[i+1].Cap && strings.HasSuffix(t[i+1].Lower, "s") && !(i+2 < len(t) && t[i+2].Is("of", "that", "who", "which")) {
				return true
			}
			// "Who had been corresponding with both?": both of whom?
			if w.Lower == "both" && (i+1 >= len(t) || t[i+1].Kind == prose.Punct || t[i+1].Is("of") && i+2 < len(t) && t[i+2].Is("them", "these", "those")) {
				return true
			}
		case "similar":
			// "A similar hybrid in Berlin Zoo ...": similar to what?
			if i > 0 && t[i-1].Is("a", "the") && !hasWordAfter(t, i+1, "to") {
				return true
			}
		case "another":
			// "an attack on another Indian village": another than which?
			// "Apicomplexans are another group of _____" classes a thing.
			if !(i > 0 && (t[i-1].Is("one") || beFormList.has(t[i-1].Lower))) {
				return true
			}
		case "example", "examples":
			// "An example would be ...": of what?
			if i <= 1 && (i == 0 || t[0].Is("an", "another", "one")) && i+1 < len(t) && (auxiliaryList.has(t[i+1].Lower) || t[i+1].Is("include", "includes")) {
				return true
			}
		case "later", "earlier":
			if i > 0 && (timeNouns[t[i-1].Lower] || t[i-1].Text == blankWord) {
				return true
			}
		case "here", "there":
			if w.Lower == "here" && i > 0 {
				return true
			}
			// "There Coulomb studied at ...": there is a place the stem
			// does not show; "There are ..." only says that things are.
			if w.Lower == "there" && i == 0 && len(t) > 1 && !auxiliaryList.has(t[1].Lower) && !existentialVerbs[t[1].Lower] {
				return true
			}
		case "then":
			// "The city then measured 19 by _____ kilometres": a figure
			// or a date of a time the sentence before gave, unless the
			// stem has a year.
			if timeBlank && i > 0 && i+1 < len(t) && !t[i-1].Is("and", "since", "until", "by", "from", "only", "just", "but", "even") && t[i-1].Kind != prose.Punct && (auxiliaryList.has(t[i+1].Lower) || finiteAt(t, i+1)) && !hasYear(t) {
				return true
			}
		case "last":
			// "The last amendment was in _____.": the last of a series
			// the stem does not show; "the last emperor of China" says which.
			if i > 0 && t[i-1].Lower == "the" && i+1 < len(t) && t[i+1].IsWord() && !t[i+1].Cap && !timeNouns[t[i+1].Lower] && numberWordList.has(t[i+1].Lower) == 0 && !functionList.has(t[i+1].Lower) && !saysWhichSeries(t, i+1) {
				return true
			}
		}
	}
	return false
}

// thatClauseVerbs are verbs a "that" after opens a clause, not points
// back: "Tesla believed that damage to the skin ..." (not "proved that
// conjecture", whose verb takes a thing as well).
var thatClauseVerbs = prose.WordSet(`believed believes believe thought thinks think said says argued argues argue
	claimed claims claim stated states noted suggested suggests realized realised realizes realises
	concluded concludes feared fears hoped hopes felt feels insisted insists asserted asserts maintained maintains`)

// sameSaysAs reports a "same" at t[i] whose phrase goes on to an "as" or
// a "that" before any comma or verb: "the same amount of oil for 1974
// that each had consumed", not "the same day, he said that".
func sameSaysAs(t []prose.Token, i int) bool {
	for k := i + 2; k < len(t) && k <= i+8; k++ {
		if t[k].Is("as", "that") {
			return true
		}
		if t[k].Kind == prose.Punct || finiteAt(t, k) {
			return false
		}
	}
	return false
}

// unmarkedPlurals are plurals with no "s" a "they" may stand for: "giving
// many red algae their colour".
var unmarkedPlurals = prose.WordSet(`algae bacteria fungi larvae phenomena criteria children men women feet teeth
	mice geese cattle`)

// hasYear reports a year among the tokens: a number of four digits.
func hasYear(t []prose.Token) bool {
	for _, w := range t {
		if w.Kind == prose.Number && len(w.Text) == 4 && w.Text[0] >= '1' && w.Text[0] <= '2' {
			return true
		}
	}
	return false
}

// articleBeforeVerb reports "a" or "an" before a past form and a
// preposition, the noun the article wanted missing: "Ghana is a divided
// into ten regions" (a typo copied from the source).
func articleBeforeVerb(t []prose.Token) bool {
	for i := 0; i+2 < len(t); i++ {
		switch t[i].Lower { // one switch: most words are no article
		case "the":
			if !t[i+1].Cap && t[i+1].Is("in", "of", "on", "at", "by", "from", "with", "into") {
				return true
			}
			continue
		case "a", "an":
		default:
			continue
		}
		w := t[i+1].Lower
		// "The in _____ are few in number.": an article before a
		// preposition, its noun lost.
		if !t[i+1].Cap && t[i+1].Is("in", "of", "on", "at", "by", "from", "with", "into") {
			return true
		}
		if len(w) >= 6 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && w != "hundred" && w != "kindred" && prepositionList.has(t[i+2].Lower) && !t[i+2].Is("of") {
			return true
		}
	}
	return false
}

// frontedPhraseLeft reports a passive question that kept a phrase of
// the sentence's front without its preposition, before the subject: "In
// what year was General Conference the ordination order of transitional
// deacon abolished?" (from "At the 1996 General Conference, ..."), "In
// what year were Republican Convention most of the delegates selected?".
func frontedPhraseLeft(t []prose.Token) bool {
	if len(t) < 6 || t[len(t)-1].Text != "?" || !t[0].Is("in", "when") {
		return false
	}
	k := 0
	for k < len(t) && !t[k].Is("was", "were") {
		k++
	}
	if k >= 4 || k+2 >= len(t) || !t[k+1].Cap || !t[k+1].IsWord() || t[k+1].Is("the", "a", "an") {
		return false
	}
	j := k + 1
	for j < len(t) && t[j].Cap && t[j].IsWord() {
		j++
	}
	if j >= len(t) || !t[j].Is("the", "most", "many", "some", "all", "its", "his", "her", "their") {
		return false
	}
	last := t[len(t)-2].Lower
	return strings.HasSuffix(last, "ed") || knownPast(last)
}

// alsoAfterBlank reports a blank for a subject that "also" does what
// the stem says: "_____ are also made from other materials" fits
// whatever the sentence before named as well. ("The _____ is also the
// source of the word for fox in Welsh" two judges passed: a thing named
// with "the" is one.)
func alsoAfterBlank(t []prose.Token) bool {
	for i, w := range t {
		if w.Text != blankWord {
			continue
		}
		j := i + 1
		if j < len(t) && auxiliaryList.has(t[j].Lower) {
			j++
		}
		if j < len(t) && t[j].Is("also") && i == 0 {
			return true
		}
	}
	return false
}

// pairWords say a count in the word before the count: "double
// stopping" is two strings.
var pairWords = map[string]string{"double": "two", "twin": "two", "pair": "two", "dual": "two", "triple": "three", "trio": "three", "quadruple": "four", "quartet": "four"}

// countNamed reports a count the stem names in other words: "Double
// stopping is when _____ separate strings are stopped".
func countNamed(t []prose.Token, key string) bool {
	v, ok := smallCount(key)
	if !ok {
		return false
	}
	for _, w := range t {
		if n, ok := pairWords[w.Lower]; ok && numberWordList.has(n) == v {
			return true
		}
	}
	return false
}

// allOfCount reports a count blanked after "all": "held with all _____
// fingers of the right hand", "all _____ states" is the whole of a set a
// reader knows the size of without the text.
func allOfCount(t []prose.Token) bool {
	for i := 1; i+1 < len(t); i++ {
		if t[i].Text == blankWord && t[i-1].Is("all") && t[i+1].IsWord() {
			return true
		}
	}
	return false
}

// sumInStem reports a count the stem gives as the sum of two others:
// "the best score in the front 9, back 9, and total _____ holes" (18).
func sumInStem(t []prose.Token, key string) bool {
	v, ok := smallCount(key)
	if !ok || v < 2 || v > 1000 {
		return false
	}
	var ns []float64
	for _, w := range t {
		if n, ok := smallCount(w.Text); ok && n > 0 && n < v && w.Text != key {
			ns = append(ns, n)
		}
	}
	for i := range ns {
		for j := i + 1; j < len(ns); j++ {
			if ns[i]+ns[j] == v {
				return true
			}
		}
	}
	return false
}

// popCulture reports a stem on an album in a text whose topic is no
// person, band or work: "'The Bonny Swans' is a song from Loreena
// McKennitt's _____ album", "the White Stripes' fourth album was
// entitled Elephant": an aside in a text on swans or elephants, which
// judges failed three times. A singer's or a band's albums are the
// text's own matter.
func (d *document) popCulture(t []prose.Token) bool {
	if d.topic != nil {
		switch d.topic.root().typ {
		case ePerson, eGroup, eOrg, eWork:
			return false
		}
	}
	for i, w := range t {
		if w.Is("album", "albums", "sitcom", "sitcoms") || !w.Cap && screenWorks[w.Lower] {
			return true
		}
		// "the _____ US television show Daktari": a show's decade is
		// trivia of the show (tuning judgement).
		if w.Is("television", "tv") && i+1 < len(t) && t[i+1].Is("show", "shows", "series") {
			return true
		}
	}
	return false
}

// sourceCounts count the sources of a study, side matter of the finding:
// "One survey of nearly _____ research papers found ...".
var sourceCounts = prose.WordSet(`papers studies articles surveys respondents volumes editions copies pages`)

// libraryCounts make any count in their sentence a library's: "a
// collection of more than 3,500 volumes in _____ languages".
var libraryCounts = prose.WordSet(`volumes editions`)

// sourceCount reports a number blank before what counts a study's
// sources or a work's volumes.
func sourceCount(t []prose.Token) bool {
	for _, w := range t {
		if libraryCounts[w.Lower] {
			return true
		}
	}
	for i, w := range t {
		if w.Text != blankWord {
			continue
		}
		for j := i + 1; j < len(t) && j <= i+2; j++ {
			if sourceCounts[t[j].Lower] {
				return true
			}
			if !t[j].IsWord() || t[j].Cap {
				break
			}
		}
	}
	return false
}

// winWithoutWhat reports "Who won by a very narrow margin?": won or lost
// with nothing to say what.
func winWithoutWhat(t []prose.Token) bool {
	if len(t) < 3 || !t[0].Is("who") || !t[1].Is("won", "lost", "wins", "loses") {
		return false
	}
	if !(t[2].Text == "?" || prepositionList.has(t[2].Lower)) {
		return false
	}
	for _, w := range t[2:] {
		if w.Cap && w.IsWord() {
			return false
		}
	}
	return true
}

// datedHeading reports a heading or caption that ends in a full date and
// runs into the sentence after it with no stop: "First Debate with
// Douglas at Ottawa, Illinois, August 21, 1858 Lincoln countered that
// ...". In prose a comma follows the year of such a date.
func datedHeading(s string) bool {
	for i := 0; i+7 < len(s); i++ {
		// ", 1858 L": a comma, a year, a space and a capital.
		if s[i] != ',' || s[i+1] != ' ' || !isDigits(s[i+2:i+6]) || s[i+6] != ' ' || s[i+7] < 'A' || s[i+7] > 'Z' {
			continue
		}
		// The day before the comma, the month before it: "August 21".
		j := i
		for j > 0 && s[j-1] >= '0' && s[j-1] <= '9' {
			j--
		}
		if j == i || j < 2 || s[j-1] != ' ' {
			continue
		}
		k := j - 1
		for k > 0 && asciiLetter(s[k-1]) {
			k--
		}
		if lowerIn(months, s[k:j-1]) > 0 {
			return true
		}
	}
	return false
}

// isDigits reports whether s is ASCII digits only.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// pageReference reports a citation's page left in a stem: "Muhammad
// Shamsul Huq, Higher Education and Employment in Bangladesh, page 181,
// UNESCO, ...", "pp. 12-15", "p. 34".
func pageReference(s string) bool {
	for _, mark := range []string{", page ", " pp. ", "(p. ", ", p. "} {
		if i := strings.Index(s, mark); i >= 0 {
			if j := i + len(mark); j < len(s) && s[j] >= '0' && s[j] <= '9' {
				return true
			}
		}
	}
	return false
}

// existentialVerbs follow an existential "there": "There remain two
// copies".
var existentialVerbs = prose.WordSet(`seem seems seemed appear appears appeared remain remains remained exist exists existed
	lived lives live came come comes arose arise arises followed follows stood stands`)

// saysWhichSeries reports whether the words from i, the noun phrase
// after "the last", say what it is the last of: an "of", "to", "in" or a
// relative after the phrase ("the last emperor of China"), or a name
// anywhere after it ("the last plague outbreak ravage Oslo").
func saysWhichSeries(t []prose.Token, i int) bool {
	for j := i; j < len(t); j++ {
		if t[j].Cap && t[j].IsWord() && t[j].Text != blankWord {
			return true
		}
	}
	j := i
	for j < len(t) && j < i+3 && t[j].IsWord() && !auxiliaryList.has(t[j].Lower) && !functionList.has(t[j].Lower) && (j == i || !finiteAt(t, j)) {
		j++
	}
	return j < len(t) && t[j].Is("of", "to", "in", "on", "at", "for", "among", "who", "which", "that", "ever", "since", "before")
}

// countSubject reports a stem whose subject is a bare count, the noun it
// counts left in the sentence before: "About 2,000 are killed yearly
// for a _____ bounty." (2,000 what?).
func countSubject(t []prose.Token) bool {
	i := 0
	if len(t) > 0 && t[0].Is("about", "some", "nearly", "over", "around", "approximately", "almost", "roughly", "only", "perhaps", "fewer", "more", "up") {
		i++
		if i < len(t) && t[i].Is("than", "to") {
			i++
		}
	}
	if i+1 >= len(t) || !(t[i].Kind == prose.Number || numberWordList.has(t[i].Lower) > 0 && t[i].Lower != "one") {
		return false
	}
	if i+2 < len(t) && t[i+2].Is("of") {
		return false // "Three sets of these hybrids were bred": a noun
	}
	return auxiliaryList.has(t[i+1].Lower) || finiteAt(t, i+1)
}

// nameParticles join the words of a name in other languages: "the
// Conférence Générale des Poids et Mesures".
var nameParticles = prose.WordSet(`et de des du di da del della der von van y la le`)

// bodyHeads end the name of a body that an "of" phrase goes on naming:
// "the General Board of Church and Society".
var bodyHeads = prose.WordSet(`board council committee commission department ministry office bureau institute society
	association academy museum school college university foundation agency division conference congress`)

// nameSplit reports a blank on a piece of a name whose other piece the
// stem shows, or that the source sentence writes as a piece of a longer
// name: "at the _____ et Mesures" for "Conférence Générale des Poids",
// "_____ of Church and Society" for "General Board". The name was cut
// where the reading lost it: what the stem shows gives the rest away,
// and the key is not the name. ("Lake _____" for "Volta" two judges
// passed: a lake's name is its own.)
func nameSplit(t []prose.Token, key, source string) bool {
	if !unicode.IsUpper(prose.FirstRune(key)) {
		return false
	}
	// "_____ was honoured at the conference" for "Conférence Générale
	// des Poids", cut from "... des Poids et Mesures": the stem does not
	// show the rest of the name, but the key is a piece of it.
	if at := strings.Index(source, key); at > 0 {
		if after, ok := strings.CutPrefix(source[at+len(key):], " "); ok {
			if p, next, ok := strings.Cut(after, " "); ok && nameParticles[p] && unicode.IsUpper(prose.FirstRune(next)) {
				return true
			}
		}
	}
	last := strings.ToLower(key[strings.LastIndexByte(key, ' ')+1:])
	for i, w := range t {
		if w.Text != blankWord {
			continue
		}
		if i+2 < len(t) && t[i+2].Cap && t[i+2].IsWord() && (nameParticles[t[i+1].Lower] && !t[i+1].Cap || bodyHeads[last] && t[i+1].Is("of", "for", "on") && !functionList.has(t[i+2].Lower)) {
			return true
		}
	}
	return false
}

// thingName reports a capitalised word of a name that ends in a word of
// a thing's kind ("the World War I veterans' Bonus Bill", "the Civil
// War"): no one a "his" could stand for.
func thingName(t []prose.Token, i int) bool {
	last := ""
	for j := i; j < len(t) && t[j].Cap && t[j].IsWord() && t[j].Text != blankWord; j++ {
		if !t[j].Roman() {
			last = t[j].Lower
		}
	}
	return eventKeywordList.has(last) || workKeywordList.has(last) || orgKeywordList.has(last) || placeKeywordList.has(last)
}

// named0 reports a capitalised word (not the first) before t[k]: a name
// an "its" may belong to.
func named0(t []prose.Token, k int) bool {
	for j := 1; j < k; j++ {
		if t[j].Cap && t[j].IsWord() && !functionList.has(t[j].Lower) {
			return true
		}
	}
	return false
}

// onlyBlankBefore reports whether the blank is the only word before t[k]
// that could own or be an "it": "In _____ it purchased ...".
func onlyBlankBefore(t []prose.Token, k int) bool {
	blank := false
	for _, w := range t[:k] {
		switch {
		case w.Text == blankWord:
			blank = true
		case w.IsWord() && !functionList.has(w.Lower) && !prepositionList.has(w.Lower):
			return false
		}
	}
	return blank
}

// nameAfter reports a name after t[i] in the stem; the blank is none, for
// in "his son, _____" it names what is owned, not the owner.
func nameAfter(t []prose.Token, i int) bool {
	for _, w := range t[i+1:] {
		if w.Cap && w.IsWord() && !functionList.has(w.Lower) && w.Text != blankWord {
			return true
		}
	}
	return false
}

// timeNouns name spans of time: "the next two years" counts from what
// the stem says.
var timeNouns = prose.WordSet(`year years decade decades century centuries millennium millennia month months week weeks day days season seasons`)

// itIsDummy reports the "it" of "it is said that", "it was not until":
// a placeholder, not a pointer.
func itIsDummy(t []prose.Token, i int) bool {
	j := i + 1
	for j < len(t) && (auxiliaryList.has(t[j].Lower) || t[j].Is("not", "also", "often", "generally", "widely")) {
		j++
	}
	if j == i+1 || j >= len(t) {
		return false
	}
	return t[j].Is("that", "until", "possible", "likely", "unclear", "difficult", "necessary", "important", "estimated", "believed", "said", "thought", "known", "reported", "claimed", "argued", "suggested", "assumed", "expected", "agreed", "common", "customary", "clear", "true")
}

// termWordInStem reports a term of words in lower case one of whose
// modifiers the stem shows elsewhere: "The _____ is a B trumpet that has
// a slide instead of valves." for "modern slide trumpet". Its head names
// only a kind ("an accompaniment instrument" beside "solo instrument"),
// and a word of the title gives nothing away (every sentence has it).
func (d *document) termWordInStem(t []prose.Token, it *item) bool {
	if it.typ != eConcept && it.typ != eTerm {
		return false
	}
	// The words before the head, read in place (this runs for every
	// term asked for).
	head := strings.LastIndexByte(it.key, ' ')
	if head < 0 {
		return false
	}
	for w := range strings.FieldsSeq(it.key[:head]) {
		if len(w) < 4 || lowerIn(functionWords, w) || lowerIn(d.topicWords, w) {
			continue
		}
		for _, x := range t {
			if strings.EqualFold(x.Lower, w) {
				return true
			}
		}
	}
	return false
}

// givenAway reports an item whose key the stem or the options show: a
// number one can count in the stem, a blank whose partner across "and"
// names it ("Eastern and _____" for "Western"), an option out of form
// with the others.
func givenAway(t []prose.Token, it *item) bool {
	// "in the _____ and 1930s": a decade beside the next one.
	if it.typ == eDate && strings.HasSuffix(it.key, "s") {
		for i := 0; i+2 < len(t); i++ {
			a, b := t[i], t[i+2]
			if t[i+1].Is("and", "or", "to") && (a.Text == blankWord && strings.HasSuffix(b.Lower, "0s") || b.Text == blankWord && strings.HasSuffix(a.Lower, "0s")) {
				return true
			}
		}
	}
	// "4.64 deaths per _____ live births": a rate is given per a round
	// number anyone knows.
	for i := 1; i < len(t); i++ {
		if t[i].Text == blankWord && t[i-1].Lower == "per" && it.typ == eNumber {
			return true
		}
	}
	if it.typ == eNumber {
		if v, ok := smallCount(it.key); ok && v >= 2 && v <= 12 && trailingNames(t) == int(v) {
			return true // "partnered with _____ businessmen, Robert Lane and Benjamin Vail"
		}
		if v, ok := smallCount(it.key); ok && v <= 12 && listItems(t) >= 2 {
			return true // "five" beside a list of five
		}
		if rangeEnd(t) {
			return true // "weigh 37 to _____ kg": a guess from the other end
		}
	}
	// The blank's partner across a coordination shares a word with the
	// key, or both are points of the compass.
	for i, w := range t {
		if w.Text != blankWord {
			continue
		}
		var near []string
		if i >= 2 && t[i-1].Is("and", "or") {
			near = append(near, t[i-2].Lower)
		}
		if i+2 < len(t) && t[i+1].Is("and", "or") {
			near = append(near, t[i+2].Lower)
		}
		var keyBuf [8]string
		keyWords := appendFields(keyBuf[:0], strings.ToLower(it.key))
		for _, n := range near {
			if pairedDirections[n] {
				for _, k := range keyWords {
					if pairedDirections[k] {
						return true
					}
				}
			}
			for _, k := range keyWords {
				if k == n && !functionList.has(k) {
					return true
				}
			}
		}
	}
	// One item of a list of three or more ("ska, jazz, _____, Blues,
	// pop"): found by elimination, and the others fit as well.
	for i, w := range t {
		if w.Text == blankWord && i > 0 && t[i-1].Text == "," && i+1 < len(t) && (t[i+1].Text == "," || t[i+1].Is("and", "or")) {
			return true
		}
	}
	if listOfNamesEnd(t) {
		return true
	}
	if it.q.Kind == questions.MultipleChoice && oddOneOut(it.key, it.distractors) {
		return true
	}
	if it.typ == eDate && yearInSpan(t, it.key) {
		return true
	}
	return sharesStem(t, it.key) || keyWordVariant(t, it.key)
}

// keyWordVariant reports a stem that writes a word of the key in another
// form: singular for plural ("the Presidential Primary" beside
// "Primaries"), as part of a compound ("the Black-necked Swan has a
// _____" for "black neck"), or the head of the key's name alone after
// "the" ("members of the Navy" for "U.S. Navy"), which the check of
// words in the stem lets pass so that "the Liechtenstein Cup" may stand
// beside "UEFA Cup" (tuning judgements).
func keyWordVariant(t []prose.Token, key string) bool {
	// What each word of the key may match, decided once: the stem's
	// words are then read once for all of them.
	type keyWord struct {
		kw, ks string
		// Between names of a word or two only: "the two political
		// parties" says nothing of "the Federalist Party", nor "the
		// Study and Resolution" of "School of Public Policy Studies".
		plural bool
		// The key's head, capitalised, ending its phrase: not "the
		// Army of the Potomac" for "Army of the Cumberland", nor "the
		// University" for "University of Chicago Press".
		head bool
	}
	var keyBuf, lowerBuf [8]string
	words := appendFields(keyBuf[:0], key)
	// The key lowered once, not word by word: lowering makes and takes
	// no white space, so its words are the key's, lowered.
	lower := appendFields(lowerBuf[:0], prose.ToLower(key))
	var kwBuf [8]keyWord
	kws := kwBuf[:0]
	capital := false // a word the plural or the head may match
	for j, orig := range words {
		kw := strings.Trim(lower[j], ".,'’\"")
		if len(kw) < 4 || functionList.has(kw) {
			continue
		}
		name := unicode.IsUpper(prose.FirstRune(orig))
		ks := singularForm(kw)
		k := keyWord{kw: kw, ks: ks, plural: name && len(words) <= 2 && len(ks) >= 4, head: j == len(words)-1 && j > 0 && name && nameHeads[kw]}
		capital = capital || k.plural || k.head
		kws = append(kws, k)
	}
	if len(kws) == 0 {
		return false
	}
	for i := range t {
		w := &t[i]
		if w.Kind != prose.Word || w.Text == blankWord {
			continue
		}
		hyphen := strings.IndexByte(w.Lower, '-') >= 0
		if !hyphen && !(capital && w.Cap) {
			continue
		}
		for _, k := range kws {
			if w.Cap && k.plural && w.Lower != k.kw && singularForm(w.Lower) == k.ks {
				return true // "Primary" and "Primaries"
			}
			if hyphen {
				for part := range strings.SplitSeq(w.Lower, "-") {
					if rest, ok := strings.CutPrefix(part, k.kw); ok && (rest == "" || rest == "ed" || rest == "d") {
						return true // "Black-necked" and "neck"
					}
				}
			}
			if w.Cap && k.head && w.Lower == k.kw && i > 0 && t[i-1].Is("the") &&
				!(i+1 < len(t) && (t[i+1].Cap || t[i+1].Is("of"))) {
				return true // "the Navy" for "U.S. Navy"
			}
		}
	}
	return false
}

// singularForm strips a plural ending from a lower-case word: "primaries"
// to "primary", "swans" to "swan", "boxes" to "box"; other words are
// returned as they are.
func singularForm(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "sses")):
		return w[:len(w)-2]
	case pluralNoun(w):
		return w[:len(w)-1]
	}
	return w
}

// listOfNamesEnd reports a blank closing a list of four or more names
// ("Channel I, ATN Bangla, RTV, NTV and _____"): one member of a
// catalogue, found by elimination if at all, and a list no teacher asks
// a learner to complete (tuning judgement).
func listOfNamesEnd(t []prose.Token) bool {
	for i := 2; i < len(t); i++ {
		if t[i].Text != blankWord || !t[i-1].Is("and", "or") {
			continue
		}
		commas := 0
		for j := i - 2; j >= 0 && j >= i-16; j-- {
			if t[j].Text == "," {
				if j+1 >= len(t) || !t[j+1].Cap {
					break
				}
				commas++
				continue
			}
			if !t[j].Cap && t[j].Kind == prose.Word && !t[j].Is("of", "the", "de", "von") {
				break
			}
		}
		if commas >= 3 {
			return true
		}
	}
	return false
}

// sharesStem reports a stem word built on a word of a name the key is:
// "the Norwegian Government" beside "Norway", "galvanic" beside
// "Galvani", "Qatari" beside "Qatar". The stem spells the answer half out.
func sharesStem(t []prose.Token, key string) bool {
	for kw := range strings.FieldsSeq(key) {
		if !unicode.IsUpper(prose.FirstRune(kw)) || len(kw) < 4 || lowerIn(functionWords, kw) {
			continue
		}
		k := strings.ToLower(strings.Trim(kw, ".,'’"))
		need := max(4, len(k)-2)
		for _, w := range t {
			// A short name shares its start with common words
			// ("States", "stationed"): only a capitalised word counts.
			if w.Kind != prose.Word || w.Lower == k || len(w.Lower) < need || len(k) < 7 && !w.Cap {
				continue
			}
			n := 0
			for n < len(k) && n < len(w.Lower) && k[n] == w.Lower[n] {
				n++
			}
			if n >= need {
				return true
			}
		}
	}
	return false
}

// pageCitation reports an author's name, a comma and a page number before
// a capitalised word: "Fuess, 346 Former Brigadier General ...". It is the
// regular expression \b[A-Z][A-Za-z]+, \d{1,4} [A-Z_][a-z_] scanned by
// hand from each ", ", for speed.
func pageCitation(s string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], ", ")
		if j < 0 {
			return false
		}
		c := i + j // the comma
		i = c + 1
		q := c // the name's first letter
		for q > 0 && asciiLetter(s[q-1]) {
			q--
		}
		if c-q < 2 || s[q] < 'A' || s[q] > 'Z' || q > 0 && (s[q-1] == '_' || s[q-1] >= '0' && s[q-1] <= '9') {
			continue
		}
		k := c + 2 // after the page number
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		n := k - (c + 2)
		// A range of pages ("Chinard, John Adams, 58-60 the only fee")
		// is a citation whatever word follows it.
		pages := false
		if n >= 1 && n <= 4 && k+1 < len(s) && s[k] == '-' && s[k+1] >= '0' && s[k+1] <= '9' {
			m := k + 1
			for m < len(s) && s[m] >= '0' && s[m] <= '9' {
				m++
			}
			pages, k = m-k-1 <= 4, m
		}
		if n < 1 || n > 4 || k+2 >= len(s) || s[k] != ' ' {
			continue
		}
		if pages && asciiLetter(s[k+1]) || (s[k+1] >= 'A' && s[k+1] <= 'Z' || s[k+1] == '_') && (s[k+2] >= 'a' && s[k+2] <= 'z' || s[k+2] == '_') {
			return true
		}
	}
}

// asciiLetter reports an ASCII letter.
func asciiLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// referenceEntry is an entry of a reference list run into a sentence:
// "Gaines, Kevin (2006) American Africans in Ghana", "(Adam Curtis, BBC
// Two, 22 June 1992)".
var referenceEntry = regexp.MustCompile(`\b[A-Z][a-z]+, [A-Z][a-z]+(?: [A-Z]\.)* \((?:1[5-9]|20)\d\d\)|\([A-Z][a-z]+ [A-Z][a-z]+, [^()]{2,40}, \d{1,2} [A-Z][a-z]+ (?:1[5-9]|20)\d\d\)`)

// referenceIn reports a referenceEntry in s. Both of its forms close a
// parenthesis after a year from 1500 to 2099, which most sentences lack:
// they skip the regexp, dear on a long sentence.
func referenceIn(s string) bool {
	for i := 4; i < len(s); i++ {
		if s[i] == ')' && (s[i-4] == '1' && s[i-3] >= '5' || s[i-4] == '2' && s[i-3] == '0') && isDigits(s[i-4:i]) {
			return referenceEntry.MatchString(s)
		}
	}
	return false
}

var (
	decadeKey  = regexp.MustCompile(`\b(\d{3})0s\b`)
	centuryKey = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th) centur`)
)

// yearInSpan reports a key that is a decade or a century and a stem that
// names a year inside it: "between 1981 and 1988" tells "the 1980s".
func yearInSpan(t []prose.Token, key string) bool {
	lo, hi := 0, 0
	if m := decadeKey.FindStringSubmatch(key); m != nil {
		d, _ := strconv.Atoi(m[1])
		lo, hi = d*10, d*10+9
	} else if m := centuryKey.FindStringSubmatch(key); m != nil && !strings.Contains(strings.ToUpper(key), "BC") {
		c, _ := strconv.Atoi(m[1])
		lo, hi = (c-1)*100, c*100
	} else {
		return false
	}
	for _, w := range t {
		if w.Kind != prose.Number || len(w.Text) != 4 {
			continue
		}
		if y, err := strconv.Atoi(w.Text); err == nil && y >= lo && y <= hi {
			return true
		}
	}
	return false
}

// rangeEnd reports a blank that is one end of a range whose other end the
// stem gives: "37 to _____ kg", "between 8 and _____ weeks", "1–_____".
func rangeEnd(t []prose.Token) bool {
	number := func(w prose.Token) bool {
		return w.Kind == prose.Number || numberWordList.has(w.Lower) > 0 || w.Lower == "one"
	}
	for i, w := range t {
		if w.Text != blankWord {
			continue
		}
		if i >= 2 && t[i-1].Is("to", "and", "–", "-", "or") && number(t[i-2]) {
			return true
		}
		if i+2 < len(t) && t[i+1].Is("to", "and", "–", "-", "or") && number(t[i+2]) {
			return true
		}
	}
	return false
}

// numberSlashed reports a figure of the answer (or of a false statement's
// swap) written against a slash: "9/11", "1914/18".
func numberSlashed(stem string, it *item) bool {
	for _, x := range []string{it.key, it.swapTo} {
		if x == "" {
			continue
		}
		i := strings.Index(stem, x)
		if it.q.Kind != questions.TrueFalse {
			i = strings.Index(stem, questions.Blank)
			x = questions.Blank
		}
		if i < 0 {
			continue
		}
		if i > 0 && (stem[i-1] == '/' || i > 1 && stem[i-1] == ' ' && stem[i-2] == '/') || i+len(x) < len(stem) && stem[i+len(x)] == '/' {
			return true
		}
	}
	return false
}

// pairedDirections name directions and other paired words: "Eastern and _____" points at "Western".
var pairedDirections = prose.WordSet(`north south east west northern southern eastern western northeast northwest
	southeast southwest north-east north-west south-east south-west upper lower inner outer left right
	old new early late`)

// smallCount reads a count written in figures or words: "5", "five".
func smallCount(s string) (float64, bool) {
	w := strings.ToLower(strings.TrimSpace(s))
	if v, ok := numberWordList.get(w); ok {
		return v, true
	}
	if w == "one" {
		return 1, true
	}
	v := 0.0
	if w == "" {
		return 0, false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return 0, false
		}
		v = 10*v + float64(r-'0')
	}
	return v, true
}

// trailingNames counts the names of a list that ends the stem after a
// comma: "..., Robert Lane and Benjamin Vail." is two.
func trailingNames(t []prose.Token) int {
	n := contentEnd(t)
	items, run := 0, 0
	for i := n - 1; i >= 0; i-- {
		w := t[i]
		switch {
		case w.Cap && w.IsWord() && w.Text != blankWord:
			run++
		case w.Text == "," || w.Is("and", "or"):
			if run == 0 {
				return 0
			}
			items++
			run = 0
			if w.Text == "," && !(i+1 < n && t[i+1].Is("and")) && (i == 0 || !t[i-1].Cap) {
				return items // the comma that opened the list
			}
		default:
			return 0
		}
	}
	return 0
}

// listItems counts the separators of the longest list in a stem: ", " and
// "and" between items of a few words each.
func listItems(t []prose.Token) int {
	best, cur, run := 0, 0, 0
	for _, w := range t {
		switch {
		case w.Text == "," || w.Is("and", "or"):
			if run > 0 && run <= 4 {
				cur++
			} else {
				cur = 0
			}
			run = 0
		case w.Kind == prose.Punct || finiteAt([]prose.Token{w}, 0):
			cur, run = 0, 0
		default:
			run++
		}
		best = max(best, cur)
	}
	return best
}

// oddOneOut reports options of more than one form: the key capitalised
// and an option not, or the other way round; figures beside words; or a
// key twice as long as any other option.
func oddOneOut(key string, ds []string) bool {
	if len(ds) == 0 {
		return false
	}
	shape := func(s string) (upper, digit bool, words int) {
		r := prose.FirstRune(s)
		return unicode.IsUpper(r), unicode.IsDigit(r), wordCount(s)
	}
	ku, kd, kw := shape(key)
	sameUpper, sameDigit, maxW := 0, 0, 0
	for _, d := range ds {
		u, dg, w := shape(d)
		if u == ku {
			sameUpper++
		}
		if dg == kd {
			sameDigit++
		}
		maxW = max(maxW, w)
	}
	if sameUpper < len(ds) || sameDigit < len(ds) {
		return true
	}
	return kw >= 3 && kw >= 2*maxW
}

// genericNouns are nouns so common that a blank on them asks nothing a
// reader of any text could not guess.
var genericNouns = prose.WordSet(`thing things people person man men woman women time times year years day days way ways
	part parts place places area areas world life work group groups number numbers kind kinds type types form forms
	use uses system systems history classroom music theme season series name names word words fact facts case cases
	example examples point points end side sides home house family families water land birds animals plants food
	money power family city cities country countries state states government school schools book books film films
	show shows story stories game games team teams member members level levels role roles idea ideas problem problems
	process result results change changes order rest lot lots set sets size rate rates amount amounts period periods
	term terms field fields line lines range source sources product products service services market markets
	company companies model models project projects program programme programs programmes structure character characters
	version versions style styles study studies research data information question questions answer answers
	reason reasons effect effects development activity activities experience event events issue issues practice practices
	position positions market value values method methods material materials subject subjects interest interests
	list matter matters purpose purposes quality situation situations condition conditions building buildings room rooms
	body bodies head heads hand hands eye eyes face faces language languages culture society century centuries
	europe asia africa america americas world earth franchise male female males females young adult adults
	expression animal species individual individuals`)

// filler reports an answer anyone could guess: a generic noun ("the
// music", "franchise history", "birds"), a continent, a letter or two.
// plainPlural reports a word with a plural's "s" ("historians"), not the
// end of "analysis", "glass" or "fungus".
func plainPlural(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "us")
}

func (d *document) filler(it *item) bool {
	k := strings.TrimSpace(it.key)
	if k == "" {
		return false
	}
	if it.typ == eDate || it.typ == eNumber {
		return false
	}
	if len([]rune(strings.ReplaceAll(k, ".", ""))) <= 2 {
		return true // "CT", "UK": a guess from the letters
	}
	var wordBuf [8]string
	words := appendFields(wordBuf[:0], strings.ToLower(k))
	for len(words) > 1 && determinerList.has(words[0]) {
		words = words[1:]
	}
	if words[0] == "same" || words[0] == "other" || words[0] == "following" || words[0] == "latter" || words[0] == "former" {
		return true // "the same ancient sources": same as what?
	}
	// "Pythons are _____ for leopards." (potential prey): a hedge on a
	// plain noun is the noun, and the noun is a guess.
	if it.typ == eConcept && len(words) > 1 && (words[0] == "potential" || words[0] == "possible") {
		return true
	}
	// One lower-case word that is no term the text defines ("prey",
	// "captivity", "zoos") is a guess anyone can make; a long one is
	// more likely a word of the subject ("photosynthesis"), unless it is
	// a plain plural ("historians", "instruments").
	// A word made with a learned ending ("catechism", "telepathy",
	// "chromoplasts", "draftsman") is a term of its subject however short.
	if it.typ == eConcept && len(words) == 1 && (len(words[0]) < 10 || plainPlural(words[0])) && !unicode.IsUpper(prose.FirstRune(k)) && !namedBlank(it.q.Stem) && !learnedWord(words[0]) {
		return true
	}
	// "the predominant theory", "the current view": a word of standing
	// on a plain noun says which one only by the sentence around it, and
	// other words of standing fit as well (tuning judgement).
	if it.typ == eConcept && len(words) == 2 && standingWords[words[0]] && !unicode.IsUpper(prose.FirstRune(k)) {
		return true
	}
	// "turbulent history", "city population": a word on a vague noun;
	// the noun alone fits the blank as well, and the word is a guess.
	if it.typ == eConcept && !unicode.IsUpper(prose.FirstRune(k)) && (len(words) == 2 && vagueHeads[words[1]] || storyHeads[words[len(words)-1]]) {
		return true
	}
	// "The _____ are otherwise nearly identical": a plain noun as the
	// subject points back at the sentence before.
	if it.typ == eConcept && len(words) == 1 && strings.HasPrefix(it.q.Stem, "The "+questions.Blank) {
		return true
	}
	// A noun phrase read past its end: "tubing length enough", "the flare
	// of the bell begins" (a verb the text knows only as a verb), "wild
	// using" (a participle).
	if it.typ == eConcept && (trailingAdverbs[words[len(words)-1]] || len(words) > 1 && trailingParticiples[words[len(words)-1]]) {
		return true
	}
	if it.typ == eConcept && len(words) > 1 {
		if b, ok := sLemma(words[len(words)-1]); ok {
			if _, irregular := irregularList.get(b); irregular {
				return true
			}
		}
	}
	generic := 0
	for _, w := range words {
		if genericNouns[w] || functionList.has(w) {
			generic++
		}
	}
	if generic == len(words) {
		return true
	}
	// A phrase the text names in two sentences or more is one of its
	// terms ("main contractor"), not a description made up on the spot.
	if it.typ == eConcept && !unicode.IsUpper(prose.FirstRune(k)) && len(words) > 1 && d.answers[prose.Normalize(k)] < 2 && vaguePhrase(words) {
		return true
	}
	// A lower-case answer whose head noun runs through the document
	// ("the theme" where "theme" is in one sentence in ten) is the text's
	// furniture, not a fact of it.
	if it.typ == eConcept && !unicode.IsUpper(prose.FirstRune(k)) {
		head := words[len(words)-1]
		if len(words) == 1 && d.freq[head]*10 >= len(d.sents) && len(d.sents) >= 20 {
			return true
		}
	}
	return false
}

// learnedEndings end words of a learned field: "catechism", "telepathy",
// "bigamy", "chromoplast", "chlorophyll", "draftsman", "ribosome".
var learnedEndings = []string{"ism", "pathy", "gamy", "plast", "phyll", "osis", "itis", "ology", "ologies",
	"sman", "smen", "cyte", "phyte", "osome", "phobia", "ectomy", "emia", "archy", "cracy"}

// learnedWord reports a word with one of learnedEndings, in the singular
// or a plain plural, and something before the ending ("ism" alone is no
// term, nor is "prism").
func learnedWord(w string) bool {
	for _, s := range []string{w, strings.TrimSuffix(w, "s")} {
		for _, e := range learnedEndings {
			if n := len(s) - len(e); strings.HasSuffix(s, e) && (n >= 2 && e != "ism" || n >= 3) {
				return true
			}
		}
	}
	return false
}

// vagueHeads are nouns a word on them does not make a term: "the
// turbulent history of the city", "the wild population".
// standingWords say how widely something is held, not what it is.
// Not "popular" nor "general" nor "dominant", which make terms ("popular
// music", "general election", "dominant wolf").
var standingWords = prose.WordSet(`predominant prevailing current common main major usual principal
	leading typical accepted conventional`)

var vagueHeads = prose.WordSet(`history population populations number amount level rate size type kind form part side period role way`)

// contrastWords come in pairs a stem shows the other half of: "large"
// beside "smaller packs", "secondary" beside "primary chloroplasts".
var contrastWords = prose.WordSet(`large larger largest small smaller smallest big bigger little high higher low lower
	upper young younger old older adult male female wild domestic primary secondary early earlier late later
	long longer short shorter inner outer northern southern eastern western`)

// storyHeads name a kind of telling, not a fact: "A _____ says that
// quacks do not echo." for "common urban legend" ("myth" fits as well).
var storyHeads = prose.WordSet(`legend legends myth myths belief beliefs saying story stories rumor rumour anecdote`)

// rankingSize reports a count blank on the size of a ranking ("one of the
// world's wealthiest _____ people") or a street a neighbourhood is
// bounded by: side matter.
func rankingSize(t []prose.Token, it *item) bool {
	for i, w := range t {
		if w.Text != blankWord || i == 0 {
			continue
		}
		prev := t[i-1].Lower
		// "the world's wealthiest _____", "the top _____": a superlative
		// after "the" or an owner, not "digest _____".
		if it.typ == eNumber && i >= 2 && t[i-2].Is("the", "'s") && (len(prev) > 4 && strings.HasSuffix(prev, "est") || prev == "top") {
			return true
		}
		if it.typ == ePlace && i >= 2 && t[i-1].Is("by") && t[i-2].Is("bounded") {
			return true
		}
	}
	return false
}

// headInStem reports a lower-case phrase whose head the stem shows
// elsewhere with the other half of a pair ("_____ will more readily draw
// attention to themselves than will smaller packs" for "large packs"):
// the blank asks for the word before the head, which the contrast cues.
func headInStem(t []prose.Token, it *item) bool {
	if it.typ != eConcept || unicode.IsUpper(prose.FirstRune(it.key)) {
		return false
	}
	sp := strings.LastIndexByte(it.key, ' ')
	if sp < 0 {
		return false
	}
	head := strings.ToLower(it.key[sp+1:])
	if first, _, _ := strings.Cut(it.key, " "); len(head) < 4 || !lowerIn(contrastWords, first) {
		return false
	}
	for _, w := range t {
		if w.Lower == head || w.Lower == head+"s" || w.Lower+"s" == head {
			return true
		}
	}
	return false
}

// vaguePhrase reports a lower-case noun phrase no teacher would blank: a
// plain adjective on a noun ("the average male", "long tusks", "unusual
// signals"), or words read across a verb ("forest makes population").
func vaguePhrase(words []string) bool {
	if plainAdjectives[words[0]] {
		return true
	}
	for _, w := range words[:len(words)-1] {
		if _, ok := sLemma(w); ok && !strings.HasSuffix(w, "'s") && isVerbBase(strings.TrimSuffix(w, "s")) {
			return true
		}
	}
	return false
}

// plainAdjectives say how much, how usual, how good something is: a blank
// they start is guessed from the noun or filled by another of them. The
// ones that make terms ("main contractor", "large firms", "early music")
// are not here.
var plainAdjectives = prose.WordSet(`average normal modern long short unusual usual responsive various several
	certain particular typical new intricate important significant different similar great huge vast considerable
	entire whole full real true possible potential further additional good best bad worst own wide broad strong weak`)

// trailingAdverbs end no noun phrase: an answer ending in one was read too
// far.
var trailingAdverbs = prose.WordSet(`enough alone too also only again together instead there here then even still`)

// trailingParticiples end no noun phrase either: "Tigers have been
// studied in the wild using a variety of techniques" read as "wild
// using".
var trailingParticiples = prose.WordSet(`using including making being having taking giving becoming following according`)

// nonPersonWords mark a name that is no person's, offered as one: "Day
// of the Daleks", "Music of the Spheres", "Children of Earth", "Acetyl
// Chloride".
var nonPersonWords = prose.WordSet(`day days music children child earth war wars battle resurrection return revenge
	invasion attack night nights time times world worlds planet city house tower hall church cathedral bridge street
	building palace castle museum theatre theater school college university company corporation award prize festival
	act law treaty acid oxide chloride sulfate sulphate protein enzyme gene virus bacteria cell cells series season
	episode show film book album song programme program station network channel party council committee league
	association society club team union empire kingdom republic state island river lake mountain sea ocean
	valley park garden airport station center centre institute foundation fund railroad railway road line
	acts treaties wars battles`)

// distractorsFit reports whether every option is of the key's type and
// form: people offered for a person look like people's names (no "of
// the", no words of works, places or things), and have as many words as
// the key within reason.
func distractorsFit(it *item) bool {
	var keyBuf, dBuf [8]string
	keyWords := appendFields(keyBuf[:0], it.key)
	keyLower := map[string]bool{}
	for _, w := range keyWords {
		keyLower[strings.ToLower(strings.Trim(w, `.,'"`))] = true
	}
	if it.typ == ePerson && !personLike(keyWords, nil) {
		return false // "White House" asked for as a person
	}
	// "originated in the _____": Canada, France and Ireland do not take
	// the article the United Kingdom takes, and the reverse.
	articleCue := it.typ == ePlace && strings.Contains(it.q.Stem, questions.Blank)
	keyThe := articleCue && takesThe(it.key) // read only with articleCue
	keyLow := strings.ToLower(strings.TrimPrefix(it.key, "the "))
	keyNoPlace := it.typ != ePlace && !countryList.has(keyLow) && !worldCities[keyLow] && !usStates[keyLow]
	// "Dr. Nikola Tesla's ashes were taken to _____, Yugoslavia": the
	// country after the blank leaves options of that country only, and
	// "New York City, Yugoslavia" is none.
	if it.typ == ePlace && placeAfterBlank(it.q.Stem) {
		return false
	}
	keyGazetteer := it.typ == ePlace && (countryList.has(keyLow) || worldCities[keyLow] || usStates[keyLow])
	for _, d := range it.distractors {
		dw := appendFields(dBuf[:0], d)
		ld := strings.ToLower(d)
		// "C.", "William F.": an initial, or a name cut at one.
		if len(dw) == 1 && strings.HasSuffix(d, ".") && len(strings.Trim(d, ".")) <= 2 || it.typ == ePerson && len(dw) > 1 && len(strings.Trim(dw[len(dw)-1], ".")) == 1 {
			return false
		}
		// "Bergmann", "Odin" offered for Alaska; "French", "Arnold" for
		// Nebraska: a place the gazetteer knows wants places it knows.
		if keyGazetteer {
			lt := strings.TrimPrefix(ld, "the ")
			if !countryList.has(lt) && !worldCities[lt] && !usStates[lt] {
				return false
			}
		}
		if articleCue && takesThe(d) != keyThe || religionMismatch(it.key, d) {
			return false
		}
		// "St. Louis" or "Italy" offered for a person: a place by the
		// gazetteer, or by the "St." a person's name never starts with.
		if it.typ == ePerson && strings.HasPrefix(d, "St. ") && !strings.HasPrefix(it.key, "St. ") {
			return false
		}
		// "Alaska" offered for "Bergmann" ("_____'s Rule"): a place by the
		// gazetteer for a key that is none.
		if keyNoPlace && (countryList.has(ld) || worldCities[ld] || usStates[ld]) {
			return false
		}
		// "Summer Olympic Games" offered for "Summer Olympics": the same
		// name written another way is a second right answer.
		if sameStart(d, it.key) && nameCore(d) == nameCore(it.key) {
			return false
		}
		if fileExtensions[ld] || len(dw) == 1 && (genericNouns[ld] || orgKeywordList.has(ld) || eventKeywordList.has(ld) || workKeywordList.has(ld)) {
			return false // "JPG", "Trust": no name at all
		}
		for _, w := range dw {
			// An event or a work offered for a person, a place or an
			// organisation: "Berne Convention" for "British Government",
			// "Sedition Acts" for the Federalists. (For an event or a work
			// the words need not be lower-cased at all.)
			if it.typ == eEvent || it.typ == eWork {
				break
			}
			lw := strings.ToLower(strings.Trim(w, `.,'"`))
			one := strings.TrimSuffix(lw, "s")
			if (eventKeywordList.has(lw) || workKeywordList.has(lw) || moreEventWords[lw] || len(one) > 2 && (eventKeywordList.has(one) || workKeywordList.has(one))) && !keyLower[lw] {
				return false
			}
		}
		switch it.typ {
		case ePerson:
			if !personLike(dw, keyLower) {
				return false
			}
			// "President Buchanan" among plain names, or "Senator James
			// G. Blaine" against "Maria Crofts Halpin": a title or a
			// gender sets one option apart.
			if titled(keyWords) != titled(dw) || female(keyWords) != female(dw) {
				return false
			}
			if (len(keyWords) == 1) != (len(dw) == 1) {
				return false
			}
			// "Americans" offered for "Roosevelt": a people, not a person.
			if len(dw) == 1 && strings.HasSuffix(ld, "s") && !strings.HasSuffix(strings.ToLower(it.key), "s") {
				return false
			}
		case eOrg:
			if countryList.has(ld) || len(dw) == 1 && ld == "uk" || ld == "us" || ld == "usa" || ld == "eu" {
				return false // a country offered for an organisation
			}
			// "Democratic Party" and "Sugar Trust" offered for the United
			// States Navy: a party or a company is no armed force.
			// "Secret Service" and "Liberal Debating Society" offered for
			// the University of Virginia: a key of a kind wants options
			// of that kind, not names that say no kind.
			if kc, dc := orgClass(keyWords), orgClass(dw); kc != 0 && kc != dc {
				return false
			}
			if len(dw) > 2*len(keyWords)+2 || len(keyWords) > 2*len(dw)+2 {
				return false
			}
		case eGroup, ePlace, eEvent, eWork:
			if len(dw) > 2*len(keyWords)+2 || len(keyWords) > 2*len(dw)+2 {
				return false
			}
			// "Anglo-Egyptian Treaty" offered for the October War: a
			// document is no event; nor are the Winter Olympics a war.
			if it.typ == eEvent && (documentName(dw) != documentName(keyWords) || eventClass(dw) != eventClass(keyWords)) {
				return false
			}
			// "Commonwealth of Nations" offered for the Fantes: a body
			// of states is no people.
			if it.typ == eGroup {
				for _, w := range dw {
					if lw := strings.ToLower(w); stateHeads[lw] || orgKeywordList.has(lw) {
						return false
					}
				}
			}
			// "Cemetery", "French" offered for "Nebraska"; "Spaniards" for
			// Buenos Aires.
			if it.typ == ePlace && len(dw) == 1 && (nationalityList.has(ld) || siteHeads[ld] || placeKeywordList.has(ld) || personTitleList.has(ld) || demonymLike(ld)) {
				return false
			}
		}
	}
	return !nestedOptions(it.distractors)
}

// nestedOptions reports two options of which one holds the other's
// words: "vibrato" beside "well-developed vibrato technique" is one
// option offered twice, which leaves the key one of three and reads as
// careless.
func nestedOptions(opts []string) bool {
	for i, a := range opts {
		for j, b := range opts {
			if i != j && len(a) < len(b) && prose.ContainsWord(strings.ToLower(b), strings.ToLower(a)) {
				return true
			}
		}
	}
	return false
}

// placeAfterBlank reports a blank followed by a comma and a country or
// a state, which places what the blank holds.
func placeAfterBlank(stem string) bool {
	_, after, ok := strings.Cut(stem, questions.Blank+", ")
	if !ok {
		return false
	}
	for _, n := range []int{3, 2, 1} {
		f := strings.Fields(after)
		if len(f) < n {
			continue
		}
		name := strings.ToLower(strings.TrimRight(strings.Join(f[:n], " "), ".,;:"))
		if countryList.has(name) || usStates[name] {
			return true
		}
	}
	return false
}

// nameJoiners are the words that join the parts of a name of a thing, not
// of a person: "the", "of", "and".
var nameJoiners = prose.WordSet(`the of and`)

// personLike reports whether words read as a person's name: no words of
// works, places or things, no "of the", not a title alone ("Chief
// Justice"). Words the key has itself are allowed.
func personLike(words []string, keyLower map[string]bool) bool {
	titles := 0
	for _, w := range words {
		tw := strings.Trim(w, `.,'"`)
		if lowerIn(keyLower, tw) {
			continue
		}
		if lowerIn(nonPersonWords, tw) || lowerIn(nameJoiners, tw) {
			return false
		}
		if lowerIn(personTitles, tw) || lowerIn(roleNouns, tw) {
			titles++
		}
	}
	return titles < len(words)
}

// demonymLike reports a word shaped like a people's name: "Spaniards",
// "Normans".
func demonymLike(w string) bool {
	for _, suf := range []string{"ards", "ians", "ans", "ese", "ites"} {
		if strings.HasSuffix(w, suf) && !countryList.has(w) {
			return true
		}
	}
	return false
}

// titled reports a name that starts with a title: "President Buchanan".
func titled(words []string) bool {
	return len(words) > 1 && (lowerIn(personTitles, strings.Trim(words[0], ".,")) || lowerIn(roleNouns, words[0]))
}

// female reports a name whose first word is a woman's name or title.
func female(words []string) bool {
	return len(words) > 0 && lowerIn(femaleNames, strings.Trim(words[0], ".,"))
}

// documentName reports a name of a treaty, an act, an agreement: a text,
// where a war or a battle is an event.
func documentName(words []string) bool {
	for _, w := range words {
		if lowerIn(documentWords, w) {
			return true
		}
	}
	return false
}

// orgClass tells kinds of organisation apart by their names' words: an
// armed force, a party, a company, a school, a church, a body of
// government; 0 when the name says none of them.
func orgClass(words []string) int {
	for _, w := range words {
		tw := strings.Trim(w, ".,")
		for i, set := range orgClasses {
			if lowerIn(set, tw) {
				return i + 1
			}
		}
	}
	return 0
}

var orgClasses = []map[string]bool{
	prose.WordSet(`navy army marines corps regiment brigade division fleet militia guard`),
	prose.WordSet(`party`),
	prose.WordSet(`company co corporation corp inc ltd trust bank railroad railway airline airlines manufacturing`),
	prose.WordSet(`university college school academy institute seminary`),
	prose.WordSet(`church diocese synod mosque temple`),
	prose.WordSet(`congress senate parliament assembly court ministry department council committee commission cabinet legislature`),
	prose.WordSet(`museum library gallery archive archives`),
}

// eventClass tells fighting (a war, a battle) from games and festivals
// and from meetings and elections, by the name's words; 0 for none of
// them.
func eventClass(words []string) int {
	for _, w := range words {
		switch lw := strings.ToLower(w); {
		case fightWords[lw]:
			return 1
		case gameWords[lw]:
			return 2
		case meetingWords[lw]:
			return 3
		}
	}
	return 0
}

var (
	fightWords   = prose.WordSet(`war wars battle siege invasion revolution rebellion revolt uprising crisis campaign conquest coup mutiny massacre crusade insurrection`)
	gameWords    = prose.WordSet(`olympics olympic games championship championships cup tournament festival exhibition exposition fair`)
	meetingWords = prose.WordSet(`congress council conference summit election elections assembly convention`)
)

var documentWords = prose.WordSet(`treaty treaties act agreement accord accords pact convention declaration charter protocol`)

// takesThe reports a place name English writes with "the": "the United
// Kingdom", "the Netherlands", "the Republic of Peru", "the Balkans".
func takesThe(name string) bool {
	var buf [8]string
	w := appendFields(buf[:0], strings.ToLower(strings.TrimPrefix(name, "the ")))
	if len(w) == 0 {
		return false
	}
	last := w[len(w)-1]
	if len(w) > 1 && (w[0] == "united" || stateHeads[w[0]] || w[1] == "of" && (stateHeads[w[0]] || regionHeads[w[0]] || featureHeads[w[0]])) {
		return true
	}
	return len(w) == 1 && theCountries[last] || len(w) > 1 && featureHeads[last] && strings.HasSuffix(last, "s") || theRegions[last]
}

// theCountries and theRegions are names of one word written with "the".
var (
	theCountries = prose.WordSet(`netherlands bahamas philippines gambia maldives seychelles comoros`)
	theRegions   = prose.WordSet(`balkans alps andes pyrenees himalayas caucasus midwest levant sahara`)
)

// moreEventWords name events the lexicon's eventKeywords leave out.
var moreEventWords = prose.WordSet(`convention conventions exhibition exposition fair summit tournament championship`)

// fileExtensions are the names of image files left in a caption: "JPG".
var fileExtensions = prose.WordSet(`jpg jpeg png gif svg tif tiff bmp pdf`)

func containsFold(list []string, w string) bool {
	for _, x := range list {
		if strings.EqualFold(strings.Trim(x, `.,'"`), w) {
			return true
		}
	}
	return false
}

// clearShortAnswer reports a short-answer question a teacher could mark:
// short enough to read at once, one clause, asking for a name, a date or
// a number a learner can type.
func clearShortAnswer(t []prose.Token, it *item) bool {
	if !clearQuestion(t, it) {
		return false
	}
	switch it.typ {
	case ePerson, eDate, eNumber, ePlace, eOrg, eGroup, eEvent, eWork:
		return it.typ == eDate || it.typ == eNumber || it.confident
	}
	return false
}

// clearQuestion reports a question short enough to read at once and of
// one clause: 24 words at most, one comma at most.
func clearQuestion(t []prose.Token, it *item) bool {
	if prose.WordCount(it.q.Stem) > 24 {
		return false
	}
	if severalFit(t) {
		return false
	}
	commas := 0
	for _, w := range t {
		if w.Text == "," {
			commas++
		}
	}
	return commas <= 1
}

// severalFit reports a "who" question many people of a document answer:
// "Who became an Episcopal priest?", "Who was a mathematician?" (one of
// a kind, not the one), "Who was born in Warsaw?" (in an article on the
// city).
func severalFit(t []prose.Token) bool {
	if len(t) < 4 || !t[0].Is("who") {
		return false
	}
	i := 1
	if t[i].Is("also") {
		i++
	}
	if !t[i].Is("is", "was", "are", "were", "became", "becomes", "remained") {
		return false
	}
	return t[i+1].Is("a", "an", "one", "among") || t[i+1].Is("born") && t[i+2].Is("in", "at")
}

// mainClause reports whether a statement has a verb of its own, not only
// the verbs of clauses hung on it: "Occurring on the flag of Laos till it
// became a republic in 1975." has none. The first finite verb after a
// subordinating word belongs to the subordinate clause; a comma ends it.
// A stem in which no finite verb is read at all is left to lint's verb
// check, which reads verbs more widely.
func mainClause(t []prose.Token) bool {
	pending, seen := false, false
	whose := false // after "whose", the possessed noun may look like a verb: "whose plans"
	for i, w := range t {
		switch {
		case w.Text == ",":
			pending, whose = false, false
		case subordinatorList.has(w.Lower) && !(w.Lower == "while" && i > 0 && t[i-1].Lower == "a") && !(w.Lower == "that" && i+1 < len(t) && t[i+1].IsWord() && !t[i+1].Cap && !finiteAt(t, i+1)) && !(w.Lower == "as" || w.Lower == "since" || w.Lower == "after" || w.Lower == "before" || w.Lower == "until" || w.Lower == "once") || w.Is("till", "whom", "whose"):
			pending, whose = true, w.Lower == "whose"
		case finiteAt(t, i) && !(i > 0 && t[i-1].Lower == "to"):
			if whose && !auxiliaryList.has(w.Lower) && !strings.HasSuffix(w.Lower, "ed") {
				continue
			}
			if !pending {
				return true
			}
			pending, seen, whose = false, true, false
		}
	}
	// No finite verb read at all: the verb check in lint judges that.
	return !seen
}
