// Package prose reads a document as a teacher pastes it (plain text,
// Markdown, or HTML from a web page) into plain sentences and their words:
// cleaning (markup, citation marks, typography), paragraphs and headings,
// sentence boundaries, tokens, and the normalised form answers are
// compared in. It knows English only as far as its small closed lists
// (abbreviations, function words) take it, and nothing of questions.
package prose

// A Sentence is a sentence of a cleaned document.
type Sentence struct {
	Text    string  // as written, after cleaning
	Lower   string  // Text in lower case
	Offset  int     // byte offset in the cleaned text
	Block   int     // the paragraph it belongs to, from 0
	Heading bool    // the paragraph is a heading
	Tokens  []Token // the sentence's words, numbers and marks
}

// tokenBlock is how many tokens Sentences allocates at once.
const tokenBlock = 4096

// Sentences cleans a document and cuts it into sentences. It returns the
// cleaned text (paragraphs joined by blank lines), in which every
// sentence's Offset points at its Text, and the sentences in order.
//
// Sentences that are no prose are left out of the list, though not of
// the text: notes about the article, citations, rows of figures,
// formulas, and the sections after the prose (references, "See also").
// A page number left at a sentence's start is cut off.
func Sentences(raw string) (text string, sents []Sentence) {
	b := make([]byte, 0, len(raw)) // the cleaned text is seldom longer
	// The sentences' tokens are cut from large blocks, each sentence's
	// exactly as long as it needs: a token spans a byte at least, so a
	// sentence of n bytes fits in n. A sentence left out gives its room
	// to the next.
	var block []Token
	back := false
	for bi, blk := range Clean(raw) {
		if bi > 0 {
			b = append(b, "\n\n"...)
		}
		base := len(b)
		b = append(b, blk.Text...)
		// The back matter runs to the end: its lists of links look like
		// headings of their own.
		back = back || blk.Heading && isBackMatter(blk.Text)
		if back {
			continue
		}
		for _, sp := range SplitSentences(blk.Text) {
			t := blk.Text[sp[0]:sp[1]]
			cut := trimResidue(t)
			st := t[cut:]
			low := ToLower(st)
			if cap(block)-len(block) < len(st) {
				block = make([]Token, 0, max(tokenBlock, len(st)))
			}
			n := len(block)
			toks := appendTokens(block[n:n:n+len(st)], st, low)
			if isJunkTokens(st, low, toks) {
				continue
			}
			toks = toks[:len(toks):len(toks)]
			block = block[:n+len(toks)]
			sents = append(sents, Sentence{Text: st, Lower: low, Offset: base + sp[0] + cut, Block: bi, Heading: blk.Heading, Tokens: toks})
		}
	}
	return string(b), sents
}
