package generate

import (
	"strings"
	"unicode"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// The checks every item passes before it is kept. Report.Rejected counts
// the items each one turned away, by these names.
const (
	CheckKeyNotInSource      = "key-not-in-source"      // the answer is not in the source sentence
	CheckDistractorIsKey     = "distractor-is-key"      // a distractor equals, contains or is a variant of the key
	CheckDuplicateDistractor = "duplicate-distractor"   // two distractors are the same
	CheckSecondRightAnswer   = "second-right-answer"    // a distractor is named in the source sentence, or overlaps the key
	CheckTooFewDistractors   = "too-few-distractors"    // fewer than three distractors of the key's type
	CheckAnswerInStem        = "answer-in-stem"         // the stem gives the answer away
	CheckNoVerb              = "stem-without-verb"      // the stem is not a full clause
	CheckNeedsContext        = "needs-context"          // the stem leans on an earlier sentence ("This confrontation ...")
	CheckStemLength          = "stem-length"            // the stem is too short to say anything or too long to read
	CheckNotContradicted     = "false-not-contradicted" // a false statement the text does not plainly contradict
	CheckInvalid             = "invalid"                // questions.Question.Validate fails
	CheckDuplicate           = "duplicate"              // another kept item asks the same thing
	CheckAmbiguousName       = "ambiguous-name"         // the stem names someone by a surname two people share
)

// Checks lists the checks in the order they run.
var Checks = []string{CheckKeyNotInSource, CheckDistractorIsKey, CheckDuplicateDistractor, CheckSecondRightAnswer,
	CheckTooFewDistractors, CheckAnswerInStem, CheckNoVerb, CheckNeedsContext, CheckStemLength,
	CheckNotContradicted, CheckInvalid, CheckAmbiguousName, CheckDuplicate}

// An item is a question with what the checks need to judge it: the key as
// written, its accepted forms, the distractors, and the source sentence.
type item struct {
	q           questions.Question
	key         string   // the answer as written ("" for a true statement)
	answers     []string // every accepted form of the answer
	distractors []string
	source      string
	srcPlain    string // plain(source), computed once per sentence
	// For a false statement: the words swapped out and in, and whether
	// the text contradicts the swap (a date, a quantity, a role one person
	// holds).
	swapFrom, swapTo string
	contradicted     bool
	// What the keep checks read beyond the text: the key's type and
	// whether its entity's type is clear; the word before the stem's
	// first word in its sentence ("" when the stem starts the sentence);
	// the token the stem was cut at ("" when it runs to the clause's end).
	typ       etype
	confident bool
	before    string
	cut       string
	// led says the stem is shown after the sentence before it (see
	// leadIn), which resolves what it leans on: the checks for a stem
	// that needs context do not apply.
	led bool
	// checked is the stem as the checks read it, made from checkedOf (see
	// checkStem).
	checked, checkedOf string
}

// checkStem is the item's stem as the checks read it, its blank standing
// as blankWord so that it reads as a clause; made once for the stem, which
// lint, keep and lead all read.
func (it *item) checkStem() string {
	if it.checked == "" || it.checkedOf != it.q.Stem {
		it.checked = strings.ReplaceAll(it.q.Stem, questions.Blank, blankWord)
		it.checkedOf = it.q.Stem
	}
	return it.checked
}

// lint returns the first check the item fails, or "". The generator runs
// the same checks in two steps: lintCached on every candidate, and
// Validate, the dearest, only on those selection reaches.
func lint(it *item) string {
	if c := lintCached(it, map[string]*stemInfo{}); c != "" {
		return c
	}
	if it.q.Validate() != nil {
		return CheckInvalid
	}
	return ""
}

// stemInfo caches a stem's tokens and what the token checks found in
// them, which the cloze and the multiple choice of one fact share, and
// the keep checks read again.
type stemInfo struct {
	toks         []prose.Token
	hasVerb      bool
	needsContext bool
	residue      int8 // 0 unknown, 1 clean, 2 residue (see residue)
	// plain is the stem without its blank in plain form, for the check
	// that it gives no answer away; plainSet says it is made.
	plain    string
	plainSet bool
}

// stemTokens is the key of the cache's entry for no stem, whose toks are
// the storage the tokens of one sentence's stems share (a stem is a
// clause, never a lone NUL). candidates empties it for the next sentence
// (nextSentence), so that tokenizing stems, the commonest allocation of
// a set, reuses memory instead of asking for more; no stem's tokens may
// therefore be kept past its sentence. A cache without the entry gives
// each stem tokens of its own.
const stemTokens = "\x00"

// stemOf returns the stem's tokens and verdicts, from the cache when they
// are there.
func stemOf(stem string, cache map[string]*stemInfo) *stemInfo {
	if si := cache[stem]; si != nil && stem != stemTokens {
		return si
	}
	var toks []prose.Token
	if st := cache[stemTokens]; st != nil {
		n := len(st.toks)
		st.toks = prose.AppendTokens(st.toks, stem)
		toks = st.toks[n:len(st.toks):len(st.toks)]
	} else {
		toks = prose.Tokenize(stem)
	}
	verb := firstVerb(toks)
	si := &stemInfo{toks: toks, hasVerb: verb < len(toks), needsContext: needsContext(toks, verb)}
	if stem != stemTokens {
		cache[stem] = si
	}
	return si
}

// nextSentence empties a cache for the stems of the next sentence, and
// keeps the storage of their tokens (see stemTokens).
func nextSentence(cache map[string]*stemInfo) {
	st := cache[stemTokens]
	clear(cache)
	if st == nil {
		st = &stemInfo{}
	}
	st.toks = st.toks[:0]
	cache[stemTokens] = st
}

// lintCached is lint with a cache of the checks that read a stem's tokens.
func lintCached(it *item, cache map[string]*stemInfo) string {
	q := it.q
	src := it.srcPlain
	if src == "" {
		src = prose.Plain(it.source)
	}
	stem := it.checkStem()
	// The key is in the source sentence.
	var plainKey string // the key in plain form, made once for both checks
	if it.key != "" {
		plainKey = prose.Plain(it.key)
	}
	switch {
	case it.key != "" && !prose.ContainsWord(src, plainKey):
		return CheckKeyNotInSource
	case q.Kind == questions.TrueFalse && !q.Truth && !prose.ContainsWord(src, prose.Plain(it.swapFrom)):
		return CheckKeyNotInSource
	}
	// The distractors.
	ds := it.distractors
	if q.Kind == questions.TrueFalse && !q.Truth {
		ds = []string{it.swapTo}
	}
	seen := map[string]bool{}
	var keyBuf [8]string
	keys := keyBuf[:0] // the key's forms normalised once, not once per distractor
	if len(ds) > 0 {
		if it.key != "" {
			keys = append(keys, plainOrNormal(it.key, plainKey))
		}
		if it.swapFrom != "" {
			keys = append(keys, prose.Normalize(it.swapFrom))
		}
		for _, a := range it.answers {
			if a != "" {
				keys = append(keys, prose.Normalize(a))
			}
		}
	}
	for _, d := range ds {
		nd := prose.Plain(d)
		if nd == "" {
			return CheckTooFewDistractors
		}
		normD := plainOrNormal(d, nd)
		for _, na := range keys {
			if isAliasNorm(normD, na) {
				return CheckDistractorIsKey
			}
		}
		if seen[nd] {
			return CheckDuplicateDistractor
		}
		seen[nd] = true
		if prose.ContainsWord(src, nd) {
			return CheckSecondRightAnswer
		}
	}
	if q.Kind == questions.MultipleChoice && len(ds) < 3 {
		return CheckTooFewDistractors
	}
	// The stem does not give the answer away.
	var ns string     // the stem in plain form
	plainSet := false // made here, to keep in the cache
	if q.Kind != questions.TrueFalse {
		// The cloze and the multiple choice of a fact share their stem.
		if si := cache[stem]; si != nil && si.plainSet {
			ns = si.plain
		} else {
			ns = prose.Plain(strings.ReplaceAll(stem, blankWord, " "))
			plainSet = true
		}
		if shows(ns, it.key, plainKey, it.answers) {
			return CheckAnswerInStem
		}
	}
	si := stemOf(stem, cache)
	if plainSet && stem != stemTokens {
		si.plain, si.plainSet = ns, true
	}
	if !si.hasVerb {
		return CheckNoVerb
	}
	if si.needsContext && !it.led {
		return CheckNeedsContext
	}
	limit := 45
	if q.Kind == questions.TrueFalse {
		limit = 40
	}
	if n := prose.WordCount(stem); n < 4 || n > limit {
		return CheckStemLength
	}
	if q.Kind == questions.TrueFalse && !q.Truth && !it.contradicted {
		return CheckNotContradicted
	}
	return ""
}

// plainOrNormal is prose.Normalize(s) for s whose plain form is plain:
// without an apostrophe the two are the same, and plain is reused.
func plainOrNormal(s, plain string) string {
	if strings.IndexByte(s, '\'') < 0 {
		return plain
	}
	return prose.Normalize(s)
}

// blankWord stands for the blank while a stem is checked, so that the
// stem still reads as a clause.
const blankWord = "Blank"

// raisingVerbs take an infinitive and may not read as verbs themselves:
// "outbreaks seem to have begun" has its verb.
var raisingVerbs = prose.WordSet(`seem seems appear appears tend tends need needs want wants claim claims continue continues`)

// nameWords are the words of a name that would give it away on their own:
// "Lutovinov" for "Yuri Lutovinov", and each name of a hyphenated pair:
// "Wilson" for "Wilson-Gorman Tariff Act". They are appended to out, in
// plain form, so that a caller can keep them on its stack.
func nameWords(out []string, key string) []string {
	for w := range strings.FieldsFuncSeq(key, func(r rune) bool { return r == ' ' || r == '-' }) {
		if len(w) >= 3 && unicode.IsUpper(prose.FirstRune(w)) && !lowerIn(functionWords, w) && !lowerIn(personTitles, w) && !isRomanWord(w) {
			out = append(out, prose.Plain(w))
		}
	}
	return out
}

// nameHeads are the kinds of thing names end in (see nameWords).
var nameHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, set := range []map[string]bool{orgKeywords, placeKeywords, eventKeywords, prose.WordSet(`cup award awards prize trophy medal act games championship series house`)} {
		for w := range set {
			m[w] = true
		}
	}
	return m
}()

// firstVerb returns the index of a stem's first finite verb, or len(t)
// when it has none; "have" or "do" after "to" is an infinitive.
func firstVerb(t []prose.Token) int {
	for i := range t {
		// "The only President to have a wedding ...": an infinitive, not
		// the verb of a clause.
		if finiteAt(t, i) && !(i > 1 && t[i-1].Lower == "to" && !raisingVerbs[t[i-2].Lower]) {
			return i
		}
	}
	return len(t)
}

// needsContext reports whether a stem leans on text before it: it starts
// with a pronoun or a demonstrative ("This confrontation led to ..."), says
// "the first" without a noun, or points with "this", "these", "those",
// "such" or "them". verb is firstVerb(t), which needsContext would
// otherwise find again.
func needsContext(t []prose.Token, verb int) bool {
	i := 0
	for i < len(t) && (t[i].Text == `"` || t[i].Text == "'" || t[i].Text == blankWord) {
		i++
	}
	if i >= len(t) {
		return false
	}
	first := t[i].Lower
	// "It is thought that ...": an "it" that stands for nothing.
	if anaphoricList.has(first) && first != "both" && !(first == "it" && dummyIt(t, i)) {
		return true
	}
	// "Or, as stated in ...", "But in 1990 ...": an answer to the
	// sentence before.
	if first == "or" || first == "but" || first == "nor" {
		return true
	}
	// "First, Sherman took Atlanta.": a step of a sequence told before.
	if i+1 < len(t) && t[i+1].Text == "," && t[i].Is("first", "second", "third", "secondly", "thirdly") {
		return true
	}
	// "Which is located between ...": half of a relative clause.
	if (first == "which" || first == "who" || first == "whom" || first == "where") && t[len(t)-1].Text != "?" {
		return true
	}
	// "Meanwhile, they occupied ...", "In 1081 he led ...": a subject
	// pronoun before the verb, with no name before it to stand for.
	named := false
	for k := i; k < len(t) && (k < verb || k > verb && !finiteAt(t, k)); k++ {
		w := &t[k]
		if w.Cap && k > i && w.IsWord() || w.Text == blankWord {
			named = true
		}
		if !named && w.Is("he", "she", "they", "it", "we") && !(w.Lower == "it" && dummyIt(t, k)) {
			return true
		}
	}
	if first == "the" && i+2 < len(t) && (ordinalList.has(t[i+1].Lower) > 0 || t[i+1].Is("latter", "former", "same")) && (auxiliaryList.has(t[i+2].Lower) || finiteAt(t, i+2) || t[i+2].Text == ",") {
		return true
	}
	// "A third prefix is the _____.": one of a list given earlier.
	if first == "a" && i+2 < len(t) && ordinalList.has(t[i+1].Lower) > 1 && t[i+2].IsWord() && !t[i+2].Cap {
		return true
	}
	// "The third group consisted of ...": one of a list given earlier.
	if first == "the" && i+2 < len(t) && ordinalList.has(t[i+1].Lower) > 1 && t[i+2].IsWord() && !t[i+2].Cap {
		return true
	}
	quote := false
	for k := i; k < len(t); k++ {
		if t[k].Text == `"` {
			quote = !quote
			continue
		}
		if quote {
			continue
		}
		w := t[k].Lower
		switch w {
		case "this", "these", "those", "such", "that", "same", "the", "them", "him", "latter", "former", "one", "here", "there", "its", "their":
		default:
			continue // none of the words the checks below are for
		}
		if (w == "this" || w == "these") && k+2 < len(t) && t[k+1].Text == `"` {
			return true // this "gentlemen's agreement": which one?
		}
		if (w == "this" || w == "these" || w == "those" || w == "such") && k+1 < len(t) && t[k+1].IsWord() && !t[k+1].Cap && !functionList.has(t[k+1].Lower) &&
			!(w == "such" && (t[k+1].Lower == "as" || strings.ContainsRune(t[k+1].Text, '-'))) {
			return true
		}
		// "At that time": which time?
		if (w == "that" || w == "same") && k+1 < len(t) && t[k+1].Is("time", "point", "moment", "period", "year", "day", "stage", "date") {
			return true
		}
		// "At the time, Iran was ...": the time of the sentence before,
		// not "at the time of the war" or "by the time Lincoln took
		// office".
		if w == "the" && k > 0 && t[k-1].Is("at") && k+1 < len(t) && t[k+1].Is("time") && (k+2 >= len(t) || t[k+2].Kind == prose.Punct) {
			return true
		}
		// "_____ would be afraid of them": an object pronoun never stands
		// for the subject of its own clause, so a blank right before the
		// stem's verb owns no "them".
		from := 0
		if verb > 0 && verb < k && t[verb-1].Text == blankWord {
			from = verb
		}
		if (w == "them" || w == "him") && !ownerBefore(t[from:], k-from) || (w == "latter" || w == "former") && k > 0 && t[k-1].Lower == "the" {
			return true
		}
		// "When did this finally happen?": "this" standing alone, for
		// something said before.
		if w == "this" && k > i && (k+1 >= len(t) || t[k+1].Kind == prose.Punct && t[k+1].Text != `"` || auxiliaryList.has(t[k+1].Lower) || midAdverbList.has(t[k+1].Lower) || finiteAt(t, k+1)) {
			return true
		}
		// "Most of the remainder is ...", "Over the next decade, ...":
		// the rest of what, the decade after what? Before the verb the
		// stem names nothing they could count from; after it the
		// sentence often does ("of which 5% is private and the remainder
		// ...").
		if w == "the" && k < verb && k+1 < len(t) && (k+2 >= len(t) || t[k+2].Lower != "of") {
			if t[k+1].Is("remainder", "rest") {
				return true
			}
			if k+2 < len(t) && t[k+1].Is("next", "following", "preceding", "previous") && relativeTimes[t[k+2].Lower] && (k+3 >= len(t) || t[k+3].Lower != "of") {
				return true
			}
		}
		// "there" pointing at a place named before ("predominate there"),
		// not the "there" of "there were".
		if w == "one" && k > 0 && t[k-1].Lower == "the" && k+1 < len(t) && t[k+1].Is("that", "which", "who") {
			return true // "the one that contains ...": which one?
		}
		if w == "here" && k > i && !t[k].Cap {
			return true // "born here": where?
		}
		if w == "there" && k > i && locativeThere(t, k) {
			return true
		}
		// "its populations", "their castle" with nothing before to own them,
		// unless the owner follows in the same phrase: "At their Kuwait
		// meeting, OAPEC proclaimed ...".
		if (w == "its" || w == "their") && !ownerBefore(t, k) && !ownerAfterFronted(t, k) {
			return true
		}
	}
	return false
}

// relativeTimes are spans a stem may count from an event not shown: "the
// next decade", "the following year".
var relativeTimes = prose.WordSet(`day days week weeks month months year years decade decades century centuries`)

// locativeThere reports whether "there" at t[k] points at a place
// ("predominate there"), not the "there" of "there were" or "there
// already existed": a verb follows the existential one.
func locativeThere(t []prose.Token, k int) bool {
	j := k + 1
	for j < len(t) && midAdverbList.has(t[j].Lower) {
		j++
	}
	return j >= len(t) || !(auxiliaryList.has(t[j].Lower) || finiteAt(t, j))
}

// ownerAfterFronted reports whether a possessive in a phrase fronted
// before the subject is owned by that subject: "At their meeting, OAPEC
// proclaimed ...".
func ownerAfterFronted(t []prose.Token, k int) bool {
	for j := k + 1; j+1 < len(t) && j < k+8; j++ {
		if t[j].Text == "," {
			n := t[j+1]
			return n.Cap && n.IsWord() && !functionList.has(n.Lower) || n.Text == blankWord
		}
		if finiteAt(t, j) {
			return false
		}
	}
	return false
}

// ownerBefore reports whether a possessive at t[k] has a possible owner
// before it: a name, or a plural or collective noun.
func ownerBefore(t []prose.Token, k int) bool {
	for j := 0; j < k; j++ {
		w := t[j]
		if w.Text == blankWord {
			if j+1 < k && t[j+1].Text == "'s" {
				j++
				continue // "Before _____'s arrival, its ...": a person owns no "its"
			}
			return true // the answer itself
		}
		// "Which country lost its ...", not "In what year was its ...":
		// a question word after a preposition asks for a time or a
		// place, which owns nothing.
		if w.Is("who", "what", "which", "whose") && !(j > 0 && prepositionList.has(t[j-1].Lower)) {
			return true
		}
		if j+1 < k && t[j+1].Text == "'s" {
			continue // "Rollo's arrival, its populations": a person owns no "its"
		}
		if w.Cap && j > 0 && w.IsWord() || w.IsWord() && !w.Cap && !functionList.has(w.Lower) && (strings.HasSuffix(w.Lower, "s") || orgKeywordList.has(w.Lower)) {
			return true
		}
	}
	return false
}
