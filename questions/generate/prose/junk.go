package prose

import (
	"regexp"
	"strings"
	"unicode"
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
// figures or a formula rather than prose.
func isJunk(s string) bool { return isJunkTokens(s, Tokenize(s)) }

// isJunkTokens is isJunk for a sentence already cut into tokens.
func isJunkTokens(s string, toks []Token) bool {
	low := strings.ToLower(s)
	if strings.HasPrefix(low, ":") || strings.Contains(low, "(disambiguation)") {
		return true
	}
	for _, h := range hatnotes {
		if strings.HasPrefix(low, h) {
			return true
		}
	}
	for _, m := range citationMarks {
		if strings.Contains(low, m) {
			return true
		}
	}
	return looksLikeCitation(s, toks) || looksLikeTable(toks) || looksLikeFormula(toks)
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
	signs, short := 0, 0
	for _, x := range t {
		if strings.ContainsAny(x.Text, mathSymbols) {
			signs++
		}
		if len([]rune(x.Text)) <= 2 && !strings.Contains(",.;:()\"'", x.Text) && !shortWords[x.Lower] {
			short++
		}
	}
	return signs > 0 && short*10 >= len(t)*3
}

// shortWords are the words of one or two letters prose is made of.
var shortWords = WordSet(`a i an as at be by do he if in is it me my no of on or so to up us we`)

// residueStarters are words that begin a sentence, after which a number
// at a sentence's start is a citation's page left behind: "121,154 He
// lived ...", "1972 They placed ...".
var residueStarters = WordSet(`the he she they it in a an his her its their this these there on at by for`)

// trimResidue returns how many bytes of leading residue a sentence has.
func trimResidue(s string) int {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0
	}
	t := Tokenize(s[:min(len(s), 40)])
	if len(t) >= 3 && t[0].Kind == Number && t[1].Cap && residueStarters[t[1].Lower] {
		return t[1].Start
	}
	return 0
}
