package prose

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What a pasted article holds besides its prose: notes about the article
// itself, citations left in the text, the sections at its end (references,
// "See also"), tables of figures and formulas flattened into words. No
// question may come from them, and their names must not become anyone's
// distractors, so Sentences leaves them out.

// backMatter are the headings of the sections after an article's prose.
var backMatter = WordSet(`references see_also external_links further_reading notes bibliography sources
	citations footnotes works_cited literature notes_and_references references_and_notes
	selected_bibliography gallery`)

// isBackMatter reports whether a heading opens an article's back matter.
func isBackMatter(heading string) bool {
	return backMatter[Normalize(heading)]
}

// hatnotes start the notes an encyclopedia puts about an article itself.
var hatnotes = []string{"for other uses", "this article is about", "main article", "see also", "further information",
	"not to be confused", "wikimedia commons", "wikiquote has", "wiktionary has", "redirects here"}

// citationMarks are written in citations and almost never in prose.
var citationMarks = []string{"url accessed", "retrieved on", "accessed on", "isbn", "issn", "doi:",
	"http://", "https://", "www.", " pp.", " vol.", "(ed.)", " eds.", "archived from", "original on"}

// isJunk reports whether a sentence is a hatnote, a citation, a row of
// figures or a formula rather than prose. It lowers s once for both
// uses, as Sentences does.
func isJunk(s string) bool {
	low := ToLower(s)
	return isJunkTokens(s, low, appendTokens(nil, s, low))
}

// isJunkTokens is isJunk for a sentence already lowered (low) and cut
// into tokens.
func isJunkTokens(s, low string, toks []Token) bool {
	// The marks are looked for only where the sentence has every pair of
	// bytes they are made of: most sentences have none of them.
	var pairs pairSet
	pairs.add(low)
	if strings.HasPrefix(low, ":") || pairs.contains(low, "(disambiguation)") {
		return true
	}
	for _, h := range hatnotes {
		if strings.HasPrefix(low, h) {
			return true
		}
	}
	for _, m := range citationMarks {
		if pairs.contains(low, m) {
			return true
		}
	}
	return looksLikeCitation(s, toks) || looksLikeCaption(low, &pairs) || looksLikeListEntry(s, low) || looksLikeTable(toks) || looksLikeFormula(toks)
}

// A pairSet holds a bit for each pair of adjacent bytes of a text (a
// hash of them, 4096 in all): a string with a pair whose bit is not set
// is surely not in the text.
type pairSet [64]uint64

// pairBit is where the pair of bytes a, b is in a pairSet.
func pairBit(a, b byte) uint32 {
	return (uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 20
}

// add sets the bits of the pairs of s.
func (p *pairSet) add(s string) {
	for i := 0; i+1 < len(s); i++ {
		b := pairBit(s[i], s[i+1])
		p[b>>6] |= 1 << (b & 63)
	}
}

// contains is strings.Contains(s, sub) for the s whose pairs p holds.
func (p *pairSet) contains(s, sub string) bool {
	for i := 0; i+1 < len(sub); i++ {
		if b := pairBit(sub[i], sub[i+1]); p[b>>6]&(1<<(b&63)) == 0 {
			return false
		}
	}
	return strings.Contains(s, sub)
}

// containsAny is containsAny(s, words...) for the s whose pairs p holds.
func (p *pairSet) containsAny(s string, words ...string) bool {
	for _, w := range words {
		if p.contains(s, w) {
			return true
		}
	}
	return false
}

// captionMarks are written under pictures and almost never in prose.
var captionMarks = []string{"oil on canvas", "(left)", "(right)", "(center)", "(centre)", "(pictured)", "left to right",
	"pictured here", "pictured above", "pictured below", "shown here", "shown above", "shown below"}

// captionStarts begin a caption: "Official portrait of ...", "Portrait
// of ...", "Photograph of ...".
var captionStarts = regexp.MustCompile(`^(?:(?:an? |the )?(?:official |formal |early |late )*(?:[a-z]+ ){0,3}(?:portrait|photograph|photo|painting|engraving|drawing|bust|statue) of )`)

// looksLikeCaption reports a picture's caption kept among the prose (low
// is the sentence in lower case, pairs its pairs of bytes): its marks, a
// portrait's title, or a picture and where someone is in it.
func looksLikeCaption(low string, pairs *pairSet) bool {
	for _, m := range captionMarks {
		if pairs.contains(low, m) {
			return true
		}
	}
	if pairs.containsAny(low, " is ", " are ") && pairs.containsAny(low, "painting", "photograph", "photo", "picture", "image", "portrait", "mural") && posed.MatchString(low) {
		return true
	}
	if !strings.Contains(low, " of ") || !pairs.containsAny(low, "portrait", "photo", "painting", "engraving", "drawing", "bust", "statue") {
		return false
	}
	return captionStarts.MatchString(low) && !strings.Contains(low, " was ") && !strings.Contains(low, " is ")
}

// posed is how a caption says where someone stands in a picture, in the
// present: "John Adams is standing in the center of the painting".
var posed = regexp.MustCompile(`\b(?:is|are) (?:standing|seated|sitting|shown|depicted|pictured|seen|visible)\b`)

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// Shapes of a list entry or a citation that reads like a sentence: a
// disambiguation page's line ("Nassau (steamboat), a steamboat ..."), a
// work with its editor and year ("On the Forces of Nature, edited by W.
// Crookes, Chatto & Windus, 1873"), a film or book with its year in
// front ("(1999) Chronicles ..."), a claim ending in its source
// ("...: Korda, (2004)"), a journal's pages and year (", 229-269, 1784"),
// a reference's year and title closing a sentence ("..., Derek Nurse &
// Thomas Spear (1985) The Swahili."), a filmography's line ("Rough Riders
// (1997) in which he was played by ..."), a publisher and its city glued
// to the next sentence ("University Of Chicago Press, Chicago the Amur
// tiger ...") and a note of when a web page was read ("... Retrieved
// January 2007.").
var (
	listEntry   = regexp.MustCompile(`^[A-Z][^,()]{0,60} \([a-z][a-z ,.'-]*\), (?:an?|the) `)
	editedWork  = regexp.MustCompile(`(?i)\b(?:edited|translated|compiled|illustrated|revised) by\b.*(?:1[5-9]|20)\d\d[).]*$`)
	yearFirst   = regexp.MustCompile(`^\((?:1[5-9]|20)\d\d\) `)
	sourceAtEnd = regexp.MustCompile(`[A-Z][\p{L}'-]+, \((?:1[5-9]|20)\d\d\)\.?$`)
	pagesYear   = regexp.MustCompile(`, \d+[–-]\d+, (?:1[5-9]|20)\d\d\b`)
	referTo     = regexp.MustCompile(`(?i)\b(?:may|can|might) (?:also )?refer to:?$`)
	titleAtEnd  = regexp.MustCompile(`\((?:1[5-9]|20)\d\d\) (?:[A-Z][\p{L}'-]*:? ){0,5}[A-Z][\p{L}'-]*\.?$`)
	workInWhich = regexp.MustCompile(`^[A-Z][\p{L}'-]*(?: (?:[A-Z][\p{L}'-]*|the|and|of|a|an|in|on|to|for)){0,8} \((?:1[5-9]|20)\d\d\),? (?:in which|where|with|starring) `)
	publisherAt = regexp.MustCompile(`^(?:[A-Z][\p{L}'-]+ ){1,6}(?:Press|Publishers|Publishing|Books), (?:[A-Z][\p{L}'-]+ ){1,3}[a-z]`)
	retrieved   = regexp.MustCompile(`. Retrieved (?:on )?(?:\d|[A-Z][a-z]+ \d)`)
)

// looksLikeListEntry reports the shapes above (low is the sentence in
// lower case). Each pattern runs only on a sentence that has the words it
// needs: most sentences have none.
func looksLikeListEntry(s, low string) bool {
	return strings.Contains(s, "), ") && listEntry.MatchString(s) ||
		strings.Contains(low, "ed by ") && editedBy(low) && editedWork.MatchString(s) ||
		strings.HasPrefix(s, "(") && yearFirst.MatchString(s) ||
		strings.HasSuffix(strings.TrimSuffix(s, "."), ")") && sourceAtEnd.MatchString(s) ||
		strings.Contains(low, "refer to") && referTo.MatchString(s) ||
		digitRange(s) && strings.Contains(s, ", ") && pagesYear.MatchString(s) ||
		strings.Contains(s, ") ") && hasYearBracket(s) && (titleAtEnd.MatchString(s) || workInWhich.MatchString(s)) ||
		strings.Contains(s, "Retrieved") && retrieved.MatchString(s) ||
		containsAny(s, "Press, ", "Publishers, ", "Publishing, ", "Books, ") && publisherAt.MatchString(s)
}

// digitRange reports whether s has a digit, a hyphen or an en dash, and a
// digit, as pagesYear needs ("229-269").
func digitRange(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			continue
		}
		switch {
		case s[i+1] == '-' && isDigitAt(s, i+2):
			return true
		case strings.HasPrefix(s[i+1:], "–") && isDigitAt(s, i+1+len("–")):
			return true
		}
	}
	return false
}

// isDigitAt reports an ASCII digit at s[i].
func isDigitAt(s string, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

// editedBy reports whether a sentence in lower case may hold what
// editedWork's case-blind match needs ("edited by", "translated by" ...),
// or a long s, which it matches as an s.
func editedBy(low string) bool {
	return containsAny(low, "edited by", "translated by", "compiled by", "illustrated by", "revised by", "ſ")
}

// looksLikeCitation reports the shapes of a reference: "Benson,
// Elizabeth, The Mochica: ...", `Steve Dow: "An industry ..."`, "...
// Praeger Press.".
func looksLikeCitation(s string, t []Token) bool {
	// "Page 1050." left from a printed source; "..., Jackson, John G.
	// Introduction to ..., 2001."
	if len(t) >= 2 && t[0].Text == "Page" && t[1].Kind == Number || hasYear(t) && strings.Contains(s, ". ") && surnameGivenInitial.MatchString(s) {
		return true
	}
	// "Surname, Given name, Title: ..." or "... , 1972."
	if len(t) >= 4 && t[0].Cap && t[0].IsWord() && !FunctionWords[t[0].Lower] && t[1].Text == "," && t[2].Cap && t[2].IsWord() &&
		(strings.Contains(s, ":") || hasYear(t)) {
		return true
	}
	// `Author Name: "Title"`: only capitalised words before the colon.
	if k := strings.Index(s, `: "`); k > 0 {
		words := strings.Fields(s[:k])
		caps := true
		for _, w := range words {
			caps = caps && unicode.IsUpper(FirstRune(w))
		}
		if caps && len(words) <= 4 {
			return true
		}
	}
	// "New York: Praeger Press."
	for i := 1; i+1 < len(t); i++ {
		if (t[i].Text == "Press" || t[i].Text == "Publishers" || t[i].Text == "Publishing") && (t[i+1].Text == "." || t[i+1].Text == ",") {
			for j := max(0, i-4); j < i; j++ {
				if t[j].Text == ":" {
					return true
				}
			}
		}
	}
	return false
}

// surnameGivenInitial is how a bibliography names an author: "Jackson,
// John G."
var surnameGivenInitial = regexp.MustCompile(`\b[A-Z][a-z]+, [A-Z][a-z]+ [A-Z]\. `)

func hasYear(t []Token) bool {
	for _, x := range t {
		if x.Kind == Number && len(x.Text) == 4 && (x.Text[0] == '1' || x.Text[0] == '2') && strings.Trim(x.Text, "0123456789") == "" {
			return true
		}
	}
	return false
}

// looksLikeTable reports a row of figures: five numbers or more, making
// up three words in five.
func looksLikeTable(t []Token) bool {
	nums, words := 0, 0
	for _, x := range t {
		switch x.Kind {
		case Number:
			nums++
		case Word:
			words++
		}
	}
	return nums >= 5 && nums*5 >= (nums+words)*3
}

// mathSymbols appear in formulas.
const mathSymbols = "+=−×÷±→⇌^<>≤≥"

// looksLikeFormula reports a formula flattened into words ("2H + and SO 4
// 2−"): a mathematical sign, and many tokens of one or two characters
// that are not words.
func looksLikeFormula(t []Token) bool {
	// Most sentences have no sign: the short tokens are counted only in
	// those that have one.
	signs := false
	for _, x := range t {
		if hasMathSymbol(x.Text) {
			signs = true
			break
		}
	}
	if !signs {
		return false
	}
	short := 0
	for _, x := range t {
		if len([]rune(x.Text)) <= 2 && !strings.Contains(",.;:()\"'", x.Text) && !shortWords[x.Lower] {
			short++
		}
	}
	return short*10 >= len(t)*3
}

// hasMathSymbol is strings.ContainsAny(s, mathSymbols), reading ASCII
// without decoding it.
func hasMathSymbol(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return strings.ContainsAny(s[i:], mathSymbols)
		case c == '+' || c == '=' || c == '^' || c == '<' || c == '>':
			return true
		}
	}
	return false
}

// shortWords are the words of one or two letters prose is made of.
var shortWords = WordSet(`a i an as at be by do he if in is it me my no of on or so to up us we`)

// residueStarters are words that begin a sentence, after which a number
// at a sentence's start is a citation's page left behind: "121,154 He
// lived ...", "1972 They placed ...".
var residueStarters = WordSet(`the he she they it in a an his her its their this these there on at by for`)

// pageResidue is a citation's author and pages left at a sentence's
// start by a page that cited in the text: "Barry, 372–374 When ...",
// "2003, p. 99 The ...", "Brands T. R. p. 49–50 He ...". An author's
// comma and a page range, or a "p.", must be there, and a capital after.
var pageResidue = regexp.MustCompile(`^(?:[A-Z][\p{L}'-]+(?: [A-Z]\.)*, \d+[–-]\d+|(?:[A-Z][\p{L}'-]+(?: [A-Z]\.)*,? |(?:1[5-9]|20)\d\d, )?pp?\. ?\d+(?:[–-]\d+)?)(?:, ?\d+(?:[–-]\d+)?)* [A-Z]`)

// trimResidue returns how many bytes of leading residue a sentence has.
func trimResidue(s string) int {
	if strings.ContainsAny(s[:min(len(s), 40)], "0123456789") {
		if m := pageResidue.FindString(s); m != "" {
			return len(m) - 1
		}
	}
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0
	}
	t := Tokenize(s[:min(len(s), 40)])
	if len(t) >= 3 && t[0].Kind == Number && t[1].Cap && residueStarters[t[1].Lower] {
		return t[1].Start
	}
	return 0
}
