package prose

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// A Block is a paragraph of the cleaned document: a heading, a list item, a
// caption or a run of prose. Blocks are sentence boundaries.
type Block struct {
	Text    string
	Heading bool
}

// charFixes straightens typography so that the same name is spelt the same
// way everywhere: curly quotes, non-breaking and zero-width spaces, ellipses.
var charFixes = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u00ab", `"`, "\u00bb", `"`, "\u2033", `"`,
	"\u00a0", " ", "\u2007", " ", "\u202f", " ", "\u2009", " ", "\u200a", " ", "\u3000", " ",
	"\u200b", "", "\u200c", "", "\u200d", "", "\ufeff", "", "\u00ad", "", "\u2060", "",
	"\u2026", "...", "\t", " ", "\u2028", "\n", "\u2029", "\n\n", "\r\n", "\n", "\r", "\n",
)

// Clean turns raw text, Markdown or HTML into blocks of plain text, in
// Unicode's composed form (NFC), so that "é" is one character however it
// was typed.
func Clean(raw string) []Block {
	raw = strings.ToValidUTF8(raw, "")
	raw = norm.NFC.String(raw)
	raw = charFixes.Replace(raw)
	if looksLikeHTML(raw) {
		raw = htmlToText(raw)
	}
	raw = stripWikiMarkup(raw)
	lines := markdownLines(raw)
	blocks := buildBlocks(lines)
	for i := range blocks {
		blocks[i].Text = pageName(blocks[i])
	}
	return blocks
}

// pageName writes a heading that is a wiki page's name with spaces for
// its underscores: "Charles-Augustin_de_Coulomb" is the title
// "Charles-Augustin de Coulomb".
func pageName(b Block) string {
	t := b.Text
	if !b.Heading || !strings.Contains(t, "_") || strings.ContainsAny(t, " /.:") {
		return t
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-' && r != ',' && r != '(' && r != ')' && r != '\'' {
			return t
		}
	}
	return strings.Trim(strings.ReplaceAll(t, "_", " "), " ")
}

// looksLikeHTML reports whether the text is markup pasted from a web page
// rather than prose that merely mentions a tag.
func looksLikeHTML(s string) bool {
	if strings.IndexByte(s, '<') < 0 {
		return false // no tag, and no copy of a long text to look for one
	}
	low := ToLower(s)
	n := 0
	for _, t := range []string{"<p>", "<p ", "<div", "<br", "<html", "<body", "<li>", "<h1", "<h2", "<h3", "<span", "<table", "<a href"} {
		n += strings.Count(low, t)
		if n >= 2 {
			return true
		}
	}
	return false
}

// blockTags end a paragraph.
var blockTags = WordSet(`p div br li ul ol tr td th section article header main blockquote pre dl dt dd
	form hr title`)

// skippedTags hold no sentences a question may come from: code, data
// tables, captions, navigation, asides, citation marks.
var skippedTags = WordSet(`script style noscript template table figure figcaption caption nav footer aside
	svg math button select textarea`)

// skippedClasses mark the same in a page's classes (Wikipedia's among
// them): citation marks and lists, navigation boxes, image captions,
// notes about the article itself.
var skippedClasses = []string{"reference", "reflist", "navbox", "mw-editsection", "noprint", "thumbcaption",
	"hatnote", "metadata", "sistersitebox", "infobox", "toc", "catlinks", "mw-jump"}

// htmlToText reads HTML with a real tokenizer (attributes may hold ">"),
// keeps the text of the elements that hold prose, paragraph breaks and
// list items, and marks headings the way Markdown does, so the Markdown
// pass finishes the job.
func htmlToText(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip, skipDepth := "", 0 // the element being skipped, and how deep in it
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // io.EOF: the tokenizer reads from a string
		}
		switch tt {
		case html.TextToken:
			if skip == "" {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			nameB, hasAttr := z.TagName()
			name := string(nameB)
			if skip != "" {
				if name == skip && tt == html.StartTagToken {
					skipDepth++
				} else if name == skip && tt == html.EndTagToken {
					if skipDepth--; skipDepth == 0 {
						skip = ""
					}
				}
				continue
			}
			if tt == html.StartTagToken && (skippedTags[name] || hasAttr && skippedClass(z)) {
				skip, skipDepth = name, 1
				continue
			}
			writeTagBreak(&b, name, tt == html.EndTagToken)
		}
	}
	return b.String()
}

// skippedClass reads a start tag's attributes and reports whether its
// class is one of skippedClasses.
func skippedClass(z *html.Tokenizer) bool {
	for {
		key, val, more := z.TagAttr()
		if string(key) == "class" {
			v := string(val)
			for _, c := range skippedClasses {
				if strings.Contains(v, c) {
					return true
				}
			}
		}
		if !more {
			return false
		}
	}
}

// writeTagBreak writes what a tag means for the text: a heading's mark, a
// list item's bullet, a line or paragraph break.
func writeTagBreak(b *strings.Builder, name string, closing bool) {
	switch {
	case len(name) == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6':
		if closing {
			b.WriteString("\n\n")
		} else {
			b.WriteString("\n\n# ")
		}
	case name == "li" && !closing:
		b.WriteString("\n- ")
	case name == "br":
		b.WriteString("\n")
	case blockTags[name]:
		b.WriteString("\n\n")
	}
}

// stripWikiMarkup removes reference tags and templates that survive a copy
// from a wiki's source: <ref>...</ref>, stray "/ref>", {{cite ...}}.
func stripWikiMarkup(s string) string {
	if !strings.Contains(s, "ref") && !strings.Contains(s, "{{") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<ref"):
			end := strings.IndexByte(rest, '>')
			if end < 0 {
				i = len(s)
				continue
			}
			if rest[end-1] == '/' {
				i += end + 1
				continue
			}
			if k := strings.Index(rest, "</ref>"); k >= 0 {
				i += k + len("</ref>")
			} else {
				i += end + 1
			}
			continue
		case strings.HasPrefix(rest, "</ref>"):
			i += len("</ref>")
			continue
		case strings.HasPrefix(rest, "/ref>"):
			i += len("/ref>")
			continue
		case strings.HasPrefix(rest, "{{"):
			if k := strings.Index(rest, "}}"); k >= 0 {
				i += k + 2
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// A line is one line of the document after Markdown is reduced to text.
type line struct {
	text    string
	heading bool // a Markdown or underlined heading
	item    bool // a list item: a block of its own
	blank   bool
}

// markdownLines strips Markdown syntax line by line: headings, lists, block
// quotes, fences, tables, link definitions; inline emphasis, code and links.
func markdownLines(s string) []line {
	raw := strings.Split(s, "\n")
	var out []line
	fence := false
	for i := 0; i < len(raw); i++ {
		l := strings.TrimRight(raw[i], " ")
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			out = append(out, line{blank: true})
			continue
		}
		if fence || t == "" {
			out = append(out, line{blank: true})
			continue
		}
		// Setext heading: a line underlined with === or ---.
		if i+1 < len(raw) && isRule(strings.TrimSpace(raw[i+1]), true) && !isListItem(t) {
			out = append(out, line{text: inlineMarkdown(t), heading: true})
			i++
			continue
		}
		if isRule(t, false) {
			out = append(out, line{blank: true})
			continue
		}
		for strings.HasPrefix(t, ">") {
			t = strings.TrimSpace(t[1:])
		}
		if strings.HasPrefix(t, "#") {
			h := strings.TrimLeft(t, "#")
			if len(t)-len(h) <= 6 && (h == "" || h[0] == ' ') {
				h = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(h), "#"))
				out = append(out, line{text: inlineMarkdown(h), heading: true})
				continue
			}
		}
		if strings.HasPrefix(t, "|") {
			// Tables hold data, not sentences.
			out = append(out, line{blank: true})
			continue
		}
		if isLinkDefinition(t) {
			continue
		}
		item := false
		if rest, ok := cutListMarker(t); ok {
			t, item = rest, true
		}
		out = append(out, line{text: inlineMarkdown(stripCitations(t)), item: item})
	}
	return out
}

// isRule reports whether t is a horizontal rule, or with underline set a
// setext heading underline.
func isRule(t string, underline bool) bool {
	if len(t) < 3 {
		return false
	}
	chars := "-*_"
	if underline {
		chars = "=-"
	}
	c := t[0]
	if !strings.ContainsRune(chars, rune(c)) {
		return false
	}
	for i := 0; i < len(t); i++ {
		if t[i] != c && !(t[i] == ' ' && !underline) {
			return false
		}
	}
	return true
}

func isListItem(t string) bool { _, ok := cutListMarker(t); return ok }

// cutListMarker removes a bullet ("- ", "* ", "+ ", "• ") or number ("1. ",
// "2) ") from the start of a line.
func cutListMarker(t string) (string, bool) {
	for _, m := range []string{"- ", "* ", "+ ", "• ", "· "} {
		if strings.HasPrefix(t, m) {
			return strings.TrimSpace(t[len(m):]), true
		}
	}
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
		return strings.TrimSpace(t[i+2:]), true
	}
	return t, false
}

func isLinkDefinition(t string) bool {
	if !strings.HasPrefix(t, "[") {
		return false
	}
	k := strings.Index(t, "]:")
	return k > 0 && !strings.Contains(t[:k], " ")
}

// inlineMarkdown removes images, keeps link text, and drops emphasis and
// code markers.
func inlineMarkdown(s string) string {
	if !strings.ContainsAny(s, "*_`[!<") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			if end, _, ok := linkAt(s, i+1); ok {
				i = end
				continue
			}
		case c == '[':
			if end, text, ok := linkAt(s, i); ok {
				b.WriteString(text)
				i = end
				continue
			}
		case c == '`':
			i++
			continue
		case c == '*' || c == '_':
			// Emphasis markers sit at word edges; an underscore inside a
			// word (snake_case) stays.
			prevWord := i > 0 && isWordByte(s[i-1])
			nextWord := i+1 < len(s) && isWordByte(s[i+1])
			if c == '_' && prevWord && nextWord {
				break
			}
			if c == '*' && i+1 < len(s) && s[i+1] == ' ' && (i == 0 || s[i-1] == ' ') {
				break // a lone asterisk
			}
			i++
			continue
		case c == '<':
			// Autolinks and inline tags.
			if end := strings.IndexByte(s[i:], '>'); end > 0 && !strings.Contains(s[i:i+end], " ") || end > 0 && strings.HasPrefix(s[i+1:], "/") {
				i += end + 1
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// linkAt parses a Markdown link "[text](url)" or "[text][ref]" at s[i].
func linkAt(s string, i int) (end int, text string, ok bool) {
	close := strings.IndexByte(s[i:], ']')
	if close < 0 {
		return 0, "", false
	}
	close += i
	text = s[i+1 : close]
	if close+1 < len(s) && (s[close+1] == '(' || s[close+1] == '[') {
		want := byte(')')
		if s[close+1] == '[' {
			want = ']'
		}
		if k := strings.IndexByte(s[close+1:], want); k >= 0 {
			return close + 1 + k + 1, text, true
		}
	}
	return 0, "", false
}

// buildBlocks groups lines into blocks. Blank lines, headings and list items
// end a block. In a hard-wrapped document (lines broken at a fixed width)
// the lines of a paragraph are joined; otherwise a line break ends a
// paragraph (a pasted list of captions), unless the next line plainly
// continues the sentence (it starts in lower case).
func buildBlocks(lines []line) []Block {
	wrapped := isHardWrapped(lines)
	var out []Block
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			if t := tidy(strings.Join(cur, " ")); t != "" {
				out = append(out, Block{Text: t})
			}
		}
		cur = cur[:0]
	}
	for _, l := range lines {
		switch {
		case l.blank:
			flush()
		case l.heading:
			flush()
			if t := tidy(l.text); t != "" {
				out = append(out, Block{Text: t, Heading: true})
			}
		case l.item:
			flush()
			cur = append(cur, l.text)
		default:
			if !wrapped && !continuesLine(l.text) {
				flush()
			}
			cur = append(cur, l.text)
		}
	}
	flush()
	for i := range out {
		if !out[i].Heading && looksLikeHeading(out[i].Text, i == 0, i+1 < len(out)) {
			out[i].Heading = true
		}
	}
	return out
}

// continuesLine reports whether a line starts in the middle of a sentence.
func continuesLine(t string) bool {
	r := FirstRune(strings.TrimLeft(t, `"'(`))
	return unicode.IsLower(r)
}

// isHardWrapped reports whether the text's lines were broken at a fixed
// width: no line is much longer than the rest, and most lines inside
// paragraphs are long and run on into the next without final punctuation.
func isHardWrapped(lines []line) bool {
	var long, text, runOn int
	for i, l := range lines {
		if l.blank || l.heading {
			continue
		}
		text++
		n := utf8.RuneCountInString(l.text)
		if n > 100 {
			long++
		}
		if n >= 40 && i+1 < len(lines) && !lines[i+1].blank && !lines[i+1].item && !lines[i+1].heading && !endsSentence(l.text) {
			runOn++
		}
	}
	return text >= 2 && long*20 <= text && runOn >= 2 && runOn*2 >= text-countParagraphs(lines)
}

// countParagraphs counts runs of text lines between blank lines.
func countParagraphs(lines []line) int {
	n, in := 0, false
	for _, l := range lines {
		switch {
		case l.blank || l.heading:
			in = false
		case !in:
			n++
			in = true
		}
	}
	return n
}

func endsSentence(t string) bool {
	t = strings.TrimRight(t, `"')]`)
	return t != "" && strings.ContainsRune(".!?:;", rune(t[len(t)-1]))
}

// looksLikeHeading tells a title ("Workers' Opposition", "Early life") from
// a caption or a sentence: short, without final punctuation, title-cased or
// very short.
func looksLikeHeading(t string, first, more bool) bool {
	if endsSentence(t) || strings.HasSuffix(t, ",") {
		return false
	}
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > 12 {
		return false
	}
	caps, content := 0, 0
	for _, w := range words {
		lw := strings.ToLower(w)
		if FunctionWords[lw] && !unicode.IsUpper(FirstRune(w)) {
			continue
		}
		content++
		if unicode.IsUpper(FirstRune(w)) || unicode.IsDigit(FirstRune(w)) {
			caps++
		}
	}
	return len(words) <= 5 || caps*10 >= content*7 || first && more && len(words) <= 8
}

func FirstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// authorYear matches a citation left in the text as author, year and
// page or chapter: "Ferling (1992) p 311", "Ferling (1992) ch 16, p 333.",
// "Dalton, (2002) p. 507". Without a page it stays: "Gasquet (1908)
// claimed ..." is prose.
var authorYear = regexp.MustCompile(`\b[A-Z][\p{L}'-]+(?: (?:and|&) [A-Z][\p{L}'-]+)?(?: et al\.)?,? \((?:1[5-9]|20)\d\d[a-z]?\)(?:,? (?:p|pp|ch|chap|chapter)\.? ?\d+(?:[-–]\d+)?)+\.?`)

// pagesAfterStop are the pages of a citation left after a sentence's stop
// (".:43, 301 On one occasion"), which also hide the sentence's end.
var pagesAfterStop = regexp.MustCompile(`([.!?"])\s*:\d+(?:[–-]\d+)?(?:, ?\d+(?:[–-]\d+)?)*`)

// linkTail is the text of a link left at the end of a sentence by a page
// saved as text: set off by two spaces before it and a space before the
// stop ("from a certain standard pressure  History of the Celsius
// temperature scale ."). The stop ends the sentence; the link goes.
var linkTail = regexp.MustCompile(`(\S) {2,}[A-Z][^.!?\n]{0,100}? +\.( |$)`)

// runInHeading is a section heading left between two sentences, set off
// by two spaces on each side and without a stop of its own ("a problem.
// Church Building Regulations Eased  In addition, ..."): it would start
// the next sentence.
var runInHeading = regexp.MustCompile(`([.!?]["”)]?) {2,}[^ .!?\n][^.!?\n]{0,80}? {2,}([A-Z"“])`)

// cutRunIns drops link texts and headings run into a paragraph's prose
// (see linkTail and runInHeading); two spaces are what mark them.
func cutRunIns(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	s = runInHeading.ReplaceAllStringFunc(s, func(m string) string {
		sub := runInHeading.FindStringSubmatch(m)
		if strings.Count(strings.TrimSpace(m[len(sub[1]):len(m)-len(sub[2])]), " ") > 12 {
			return m // too long for a heading
		}
		return sub[1] + " " + sub[2]
	})
	return linkTail.ReplaceAllStringFunc(s, func(m string) string {
		sub := linkTail.FindStringSubmatch(m)
		if sub[1] == "," || sub[1] == ";" || sub[1] == ":" {
			return "." + sub[2]
		}
		return sub[1] + "." + sub[2]
	})
}

// hasYearBracket reports "(1" or "(2", which every expression here that
// matches a bracketed year needs: a cheap test that spares most sentences
// the expression.
func hasYearBracket(s string) bool {
	return strings.Contains(s, "(1") || strings.Contains(s, "(2")
}

// tidy removes citation markers and link texts run into the prose, and
// fixes the spacing of punctuation.
func tidy(s string) string {
	s = cutRunIns(stripCitations(s))
	if strings.Contains(s, ":") {
		s = pagesAfterStop.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, ") ") && hasYearBracket(s) {
		s = authorYear.ReplaceAllString(s, "")
	}
	out := collapseSpaces(s)
	if strings.Contains(out, "( ") || strings.Contains(out, "[ ") {
		out = strings.NewReplacer("( ", "(", "[ ", "[").Replace(out)
	}
	return strings.TrimSpace(out)
}

// collapseSpaces writes each run of white space in s as one space, none
// before a closing mark ("Lutovinov , secretary" -> "Lutovinov,
// secretary") or at the start.
func collapseSpaces(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		// ASCII, most of the text, is read and written without decoding,
		// and told a space by a table.
		if c := s[i]; c < utf8.RuneSelf && !asciiSpace[c] && !space {
			b.WriteByte(c)
			i++
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			switch {
			case strings.ContainsRune(",.;:!?)]", r):
				// "Lutovinov , secretary" -> "Lutovinov, secretary"
			default:
				b.WriteByte(' ')
			}
			space = false
		}
		if r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports.
var asciiSpace = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsSpace(rune(c))
	}
	return t
}()

// stripCitations removes bracketed reference markers: "[4]", "[12][13]",
// "[a]", "[citation needed]", "[note 2]", "[when?]", "[edit]".
func stripCitations(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '[' {
			end := strings.IndexByte(s[i:], ']')
			if end > 0 && isCitation(s[i+1:i+end]) {
				i += end + 1
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isCitation(c string) bool {
	c = strings.TrimSpace(strings.ToLower(c))
	if c == "" || len(c) > 40 {
		return false
	}
	if strings.HasSuffix(c, "?") || strings.HasSuffix(c, "needed") || c == "edit" || c == "citation" {
		return true
	}
	if len(c) == 1 && c[0] >= 'a' && c[0] <= 'z' {
		return true
	}
	c = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(c, "note "), "nb "), "n ")
	for _, r := range c {
		if !(r >= '0' && r <= '9' || r == ',' || r == ' ' || r == '-' || r == ':' || r == 'p' || r == '.') {
			return false
		}
	}
	return c[0] >= '0' && c[0] <= '9'
}
