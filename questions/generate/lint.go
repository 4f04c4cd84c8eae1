package generate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"factdrill/questions"
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
}

// lint returns the first check the item fails, or "".
func lint(it *item) string { return lintCached(it, nil) }

// stemVerdict caches what the token checks found in a stem, which the
// cloze and the multiple choice of one fact share.
type stemVerdict uint8

const (
	stemChecked stemVerdict = 1 << iota
	stemHasVerb
	stemNeedsContext
)

// lintCached is lint with a cache of the checks that read a stem's tokens.
func lintCached(it *item, cache map[string]stemVerdict) string {
	q := it.q
	src := it.srcPlain
	if src == "" {
		src = plain(it.source)
	}
	stem := q.Stem
	if q.Kind == questions.Cloze || q.InPlace() {
		stem = strings.ReplaceAll(stem, questions.Blank, blankWord)
	}
	// The key is in the source sentence.
	switch {
	case it.key != "" && !containsWord(src, plain(it.key)):
		return CheckKeyNotInSource
	case q.Kind == questions.TrueFalse && !q.Truth && !containsWord(src, plain(it.swapFrom)):
		return CheckKeyNotInSource
	}
	// The distractors.
	ds := it.distractors
	if q.Kind == questions.TrueFalse && !q.Truth {
		ds = []string{it.swapTo}
	}
	seen := map[string]bool{}
	for _, d := range ds {
		nd := plain(d)
		if nd == "" {
			return CheckTooFewDistractors
		}
		for _, a := range append([]string{it.key, it.swapFrom}, it.answers...) {
			if a != "" && isAlias(d, a) {
				return CheckDistractorIsKey
			}
		}
		if seen[nd] {
			return CheckDuplicateDistractor
		}
		seen[nd] = true
		if containsWord(src, nd) {
			return CheckSecondRightAnswer
		}
	}
	if q.Kind == questions.MultipleChoice && len(ds) < 3 {
		return CheckTooFewDistractors
	}
	// The stem does not give the answer away.
	if q.Kind != questions.TrueFalse {
		ns := plain(strings.ReplaceAll(stem, blankWord, " "))
		for _, a := range append([]string{it.key}, it.answers...) {
			if a != "" && containsWord(ns, plain(a)) {
				return CheckAnswerInStem
			}
		}
		for _, w := range nameWords(it.key) {
			if containsWord(ns, w) {
				return CheckAnswerInStem
			}
		}
	}
	v := cache[stem]
	if v == 0 {
		v = stemChecked
		toks := tokenize(stem)
		if hasVerb(toks) {
			v |= stemHasVerb
		}
		if needsContext(toks) {
			v |= stemNeedsContext
		}
		if cache != nil {
			cache[stem] = v
		}
	}
	if v&stemHasVerb == 0 {
		return CheckNoVerb
	}
	if v&stemNeedsContext != 0 {
		return CheckNeedsContext
	}
	limit := 45
	if q.Kind == questions.TrueFalse {
		limit = 40
	}
	if n := wordCount(stem); n < 4 || n > limit {
		return CheckStemLength
	}
	if q.Kind == questions.TrueFalse && !q.Truth && !it.contradicted {
		return CheckNotContradicted
	}
	if q.Validate() != nil {
		return CheckInvalid
	}
	return ""
}

// blankWord stands for the blank while a stem is checked, so that the
// stem still reads as a clause.
const blankWord = "Blank"

// nameWords are the words of a name that would give it away on their own:
// "Lutovinov" for "Yuri Lutovinov".
func nameWords(key string) []string {
	var out []string
	for _, w := range strings.Fields(key) {
		if len(w) >= 3 && unicode.IsUpper(firstRune(w)) && !functionWords[strings.ToLower(w)] && !personTitles[strings.ToLower(w)] && !isRomanWord(w) {
			out = append(out, plain(w))
		}
	}
	return out
}

// hasVerb reports whether a stem has a finite verb.
func hasVerb(t []token) bool {
	for i := range t {
		if finiteAt(t, i) {
			return true
		}
	}
	return false
}

// needsContext reports whether a stem leans on text before it: it starts
// with a pronoun or a demonstrative ("This confrontation led to ..."), says
// "the first" without a noun, or points with "this", "these", "those",
// "such" or "them".
func needsContext(t []token) bool {
	i := 0
	for i < len(t) && (t[i].text == `"` || t[i].text == "'" || t[i].text == blankWord) {
		i++
	}
	if i >= len(t) {
		return false
	}
	first := t[i].lower
	if anaphoricStarts[first] && first != "both" {
		return true
	}
	// "Meanwhile, they occupied ...", "In 1081 he led ...": a subject
	// pronoun before the verb, with no name before it to stand for.
	named := false
	for k := i; k < len(t) && !finiteAt(t, k); k++ {
		w := t[k]
		if w.cap && k > i && w.isWord() || w.text == blankWord {
			named = true
		}
		if !named && w.is("he", "she", "they", "it", "we") {
			return true
		}
	}
	if first == "the" && i+2 < len(t) && (ordinalWords[t[i+1].lower] > 0 || t[i+1].is("latter", "former", "same")) && (auxiliaries[t[i+2].lower] || finiteAt(t, i+2) || t[i+2].text == ",") {
		return true
	}
	// "The third group consisted of ...": one of a list given earlier.
	if first == "the" && i+2 < len(t) && ordinalWords[t[i+1].lower] > 1 && t[i+2].isWord() && !t[i+2].cap {
		return true
	}
	quote := false
	for k := i; k < len(t); k++ {
		if t[k].text == `"` {
			quote = !quote
			continue
		}
		if quote {
			continue
		}
		w := t[k].lower
		if (w == "this" || w == "these" || w == "those" || w == "such") && k+1 < len(t) && t[k+1].isWord() && !t[k+1].cap && !functionWords[t[k+1].lower] {
			return true
		}
		// "At that time": which time?
		if (w == "that" || w == "same") && k+1 < len(t) && t[k+1].is("time", "point", "moment", "period", "year", "day", "stage", "date") {
			return true
		}
		if w == "them" && !ownerBefore(t, k) || (w == "latter" || w == "former") && k > 0 && t[k-1].lower == "the" {
			return true
		}
		// "there" pointing at a place named before ("predominate there"),
		// not the "there" of "there were".
		if w == "there" && k > i && (k+1 >= len(t) || !auxiliaries[t[k+1].lower]) {
			return true
		}
		// "its populations", "their castle" with nothing before to own them.
		if (w == "its" || w == "their") && !ownerBefore(t, k) {
			return true
		}
	}
	return false
}

// plain is normalize without possessives, for finding a name in a text
// that writes "Shlyapnikov's".
func plain(s string) string {
	s = strings.ReplaceAll(s, "'s ", " ")
	s = strings.TrimSuffix(s, "'s")
	s = strings.ReplaceAll(s, "'s,", ",")
	s = strings.ReplaceAll(s, "'s.", ".")
	s = strings.ReplaceAll(s, "' ", " ")
	return normalize(s)
}

// normalize is SQuAD's answer normalisation: lower case, no punctuation,
// no articles, single spaces. Hyphens, dashes and slashes separate words.
func normalize(s string) string {
	b := make([]byte, 0, len(s))
	word := 0 // start of the current word in b
	end := func() {
		w := b[word:]
		if len(w) > 0 && (string(w) == "a" || string(w) == "an" || string(w) == "the") {
			b = b[:word]
			if len(b) > 0 {
				b = b[:len(b)-1] // the space before it
			}
		}
		word = len(b)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '/':
				end()
				continue
			default:
				continue // punctuation
			}
			if len(b) > 0 && len(b) == word {
				b = append(b, ' ')
				word = len(b)
			}
			b = append(b, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(b) > 0 && len(b) == word {
				b = append(b, ' ')
				word = len(b)
			}
			b = utf8.AppendRune(b, unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '–' || r == '—':
			end()
		}
	}
	end()
	return string(b)
}

// containsWord reports whether needle occurs in hay at word boundaries.
func containsWord(hay, needle string) bool {
	if needle == "" {
		return false
	}
	for i := 0; ; {
		k := strings.Index(hay[i:], needle)
		if k < 0 {
			return false
		}
		k += i
		before := k == 0 || !isWordRune(lastRune(hay[:k]))
		after := k+len(needle) == len(hay) || !isWordRune(firstRune(hay[k+len(needle):]))
		if before && after {
			return true
		}
		i = k + 1
		if i >= len(hay) {
			return false
		}
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] < 0x80 || s[i] >= 0xC0 {
			r := []rune(s[i:])
			return r[0]
		}
	}
	return 0
}

// ownerBefore reports whether a possessive at t[k] has a possible owner
// before it: a name, or a plural or collective noun.
func ownerBefore(t []token, k int) bool {
	for j := 0; j < k; j++ {
		w := t[j]
		if w.text == blankWord {
			if j+1 < k && t[j+1].text == "'s" {
				j++
				continue // "Before _____'s arrival, its ...": a person owns no "its"
			}
			return true // the answer itself
		}
		if w.is("who", "what", "which", "whose") {
			return true
		}
		if j+1 < k && t[j+1].text == "'s" {
			continue // "Rollo's arrival, its populations": a person owns no "its"
		}
		if w.cap && j > 0 && w.isWord() || w.isWord() && !w.cap && !functionWords[w.lower] && (strings.HasSuffix(w.lower, "s") || orgKeywords[w.lower]) {
			return true
		}
	}
	return false
}
