package generate

import (
	"strings"

	"factdrill/questions/generate/prose"
)

// isVerbBase reports whether w is a verb's base form the lexicon knows.
func isVerbBase(w string) bool {
	if regularList.has(w) {
		return true
	}
	_, ok := irregularList.get(w)
	return ok
}

// edLemma returns the base of a regular past form ("believed" -> "believe",
// "stopped" -> "stop", "carried" -> "carry") when the lexicon knows it.
func edLemma(w string) (string, bool) {
	if !strings.HasSuffix(w, "ed") || len(w) < 4 {
		return "", false
	}
	stem := w[:len(w)-2]
	// The candidates live on the stack: this runs for most words ending
	// in "-ed" of every sentence checked.
	var buf [4]string
	cands := buf[:0]
	if strings.HasSuffix(w, "ied") {
		cands = append(cands, w[:len(w)-3]+"y")
	}
	cands = append(cands, w[:len(w)-1], stem)
	if n := len(stem); n >= 3 && stem[n-1] == stem[n-2] {
		cands = append(cands, stem[:n-1])
	}
	if strings.HasSuffix(stem, "ck") {
		cands = append(cands, stem[:len(stem)-1])
	}
	for _, c := range cands {
		if isVerbBase(c) {
			return c, true
		}
	}
	// Prefixed verbs: "co-signed", "re-elected".
	if k := strings.IndexByte(w, '-'); k > 0 {
		if b, ok := edLemma(w[k+1:]); ok {
			return w[:k+1] + b, true
		}
	}
	return "", false
}

// sLemma returns the base of a present third-person form ("comes" ->
// "come", "studies" -> "study", "goes" -> "go").
func sLemma(w string) (string, bool) {
	if !strings.HasSuffix(w, "s") || len(w) < 3 || strings.HasSuffix(w, "ss") {
		return "", false
	}
	switch w {
	case "is", "has", "does", "was":
		return "", false
	}
	// The bases are tried in this order: "runs", "carries", "watches".
	if c := w[:len(w)-1]; isVerbBase(c) {
		return c, true
	}
	if strings.HasSuffix(w, "ies") {
		if c := w[:len(w)-3] + "y"; isVerbBase(c) {
			return c, true
		}
	}
	if strings.HasSuffix(w, "es") {
		if c := w[:len(w)-2]; isVerbBase(c) {
			return c, true
		}
	}
	return "", false
}

// pastLemma returns the base of a past-tense form, regular or irregular.
func pastLemma(w string) (string, bool) {
	if b, ok := pastList.get(w); ok {
		return b, true
	}
	return edLemma(w)
}

// isVerbForm reports whether w looks like an inflected verb: a known past
// form, an -ing form, or a participle.
func isVerbForm(w string) bool {
	if auxiliaryList.has(w) {
		return true
	}
	if _, ok := pastList.get(w); ok && !ambiguousList.has(w) {
		return true
	}
	if _, ok := participleList.get(w); ok && !ambiguousList.has(w) {
		return true
	}
	if strings.HasSuffix(w, "ing") && len(w) > 5 {
		return true
	}
	if _, ok := edLemma(w); ok {
		return true
	}
	return false
}

// pastFromParticiple writes the past tense of a verb given its participle, for
// turning "was restrained by X" into "Who restrained ...?".
func pastFromParticiple(w string) (string, bool) {
	if b, ok := participleList.get(w); ok {
		return irregularList.has(b)[0], true
	}
	if _, ok := edLemma(w); ok {
		return w, true
	}
	return "", false
}

// isParticiple reports whether w is a past participle.
func isParticiple(w string) bool {
	if _, ok := participleList.get(w); ok {
		return true
	}
	if w == "born" {
		return true
	}
	_, ok := edLemma(w)
	return ok || strings.HasSuffix(w, "ed") && len(w) > 3
}

// finiteAt reports whether toks[i] is a finite verb, judging by its form
// and the word before it: "organized" after "an" is an adjective, after
// a name it is a verb.
func finiteAt(toks []prose.Token, i int) bool {
	t := toks[i]
	if !t.IsWord() {
		return false
	}
	w := t.Lower
	if t.Cap && i > 0 {
		return false // a name, or a title
	}
	switch w {
	case "be", "been", "being", "having":
		return false
	}
	if auxiliaryList.has(w) {
		return true
	}
	if isNamingParticiple(toks, i) {
		return false
	}
	prev := ""
	if i > 0 {
		prev = toks[i-1].Lower
	}
	// Asked only of the words that may be verbs by their form: two map
	// lookups for every word of every stem otherwise.
	afterModifier := func() bool {
		return determinerList.has(prev) || prepositionList.has(prev) || prev == "and" || prev == "or" || prev == "very" || prev == "most" || prev == "more"
	}
	if _, ok := pastList.get(w); ok {
		if ambiguousList.has(w) {
			// "found", "left", "saw": a verb only right after a subject word.
			return i > 0 && !afterModifier() && (toks[i-1].Cap || subjectList.has(prev) || prev == "who" || prev == "which")
		}
		return !afterModifier() || prev == "and" && i > 1
	}
	if strings.HasSuffix(w, "ed") && len(w) >= 4 {
		if afterModifier() && prev != "and" {
			return false
		}
		if _, ok := edLemma(w); ok {
			return true
		}
		if len(w) == 4 {
			return false // "need", "seed": not a past form
		}
		// An unknown -ed word after a name or a pronoun is still a verb; so
		// is one after a noun when an object or a preposition follows.
		if i > 0 && (toks[i-1].Cap || subjectList.has(prev) || prev == "who" || prev == "which" || midAdverbList.has(prev)) {
			return true
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].Lower
		}
		return i > 0 && toks[i-1].IsWord() && !functionList.has(prev) && (determinerList.has(next) || prepositionList.has(next) || next == "that" || objectList.has(next))
	}
	if _, ok := sLemma(w); ok && i > 0 && !afterModifier() && !nationalityList.has(prev) {
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].Lower
		}
		if auxiliaryList.has(next) {
			return false // "The Albanian forces could ...": a noun
		}
		// "comes from", "lies in", "includes the": a verb; "votes cast" is not.
		return determinerList.has(next) || prepositionList.has(next) || next == "that" || toks[i-1].Cap || toks[i-1].Text == `"` || subjectList.has(prev) || prev == "who" || prev == "which"
	}
	return false
}
