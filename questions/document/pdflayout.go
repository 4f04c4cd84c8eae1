package document

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// From characters to text: characters drawn one after another on a
// baseline become spans (a line, or the part of a line in one column);
// running headers, footers and page numbers are dropped; each page's spans
// are put in reading order by cutting the page at its widest white gaps,
// columns first (the XY-cut); lines then join into paragraphs, with
// headings told by their size and words hyphenated at line ends joined.

type span struct {
	text      string
	x0, x1, y float64
	size      float64
	page      int
	chars     int
	cellX     []float64 // where the pieces joined across wide gaps start
	table     bool      // a row of a table
}

func readPDF(name string, data []byte) (Document, error) {
	f, err := openPDF(data)
	if err != nil {
		return Document{}, fail(name, "%v", err)
	}
	if f.trailerRef("/Encrypt") != nil {
		return Document{}, fail(name, "the PDF is encrypted; save it without a password and upload it again")
	}
	pages, err := f.pages()
	if err != nil {
		return Document{}, fail(name, "%v", err)
	}
	if len(pages) == 0 {
		return Document{}, fail(name, "the PDF has no pages")
	}
	var d Document
	var all [][]span
	chars, blank, images := 0, 0, 0
	for i, p := range pages {
		spans := pageSpans(p, i)
		for _, c := range p.chars {
			chars++
			if strings.TrimSpace(c.text) == "" {
				blank++
			}
		}
		if len(spans) == 0 && p.images > 0 {
			images++
		}
		all = append(all, spans)
	}
	switch {
	case chars == 0 && images > 0:
		what := fmt.Sprintf("its %d pages are pictures", len(pages))
		if len(pages) == 1 {
			what = "its page is a picture"
		}
		return Document{}, fail(name, "the PDF has no text layer: %s of text, as a scanner makes; run it through text recognition (OCR) first", what)
	case chars == 0:
		return Document{}, fail(name, "the PDF has no text")
	case blank > chars*9/10:
		return Document{}, fail(name, "the PDF's fonts do not say which letters they draw, so its text cannot be read; export it again with fonts embedded as text, or upload the text")
	}
	if images > 0 {
		d.Notes = append(d.Notes, fmt.Sprintf("%d pages have no text layer (scanned pages?) and were left out", images))
	}
	if unmapped := f.unmappedFonts(); unmapped > 0 {
		d.Notes = append(d.Notes, fmt.Sprintf("%d fonts do not say which letters they draw (often those of formulas); their characters are missing", unmapped))
	}
	removed := dropRunning(all, pages)
	if removed > 0 {
		d.Notes = append(d.Notes, fmt.Sprintf("%d running headers, footers and page numbers left out", removed))
	}
	body := bodySize(all)
	var lines []span
	for _, spans := range all {
		lines = append(lines, joinLines(xyCut(spans, body))...)
	}
	d.Blocks = paragraphs(lines, body)
	d.noteCounts()
	return d, nil
}

// pageSpans groups a page's characters, in drawing order, into spans.
func pageSpans(p *page, n int) []span {
	var out []span
	var cur *span
	var last char
	for _, c := range p.chars {
		if c.text == "" || c.size <= 0 {
			continue
		}
		if cur != nil {
			// A footnote mark: a small raised digit after the text.
			if c.size < last.size*0.8 && c.y > last.y+0.15*last.size && isDigits(c.text) {
				continue
			}
			gap := c.x - (last.x + last.w)
			if math.Abs(c.y-cur.y) < 0.4*cur.size && gap > -cur.size && gap < 1.0*cur.size {
				if (gap > 0.18*cur.size || last.spaceAfter) && !strings.HasSuffix(cur.text, " ") && c.text != " " {
					cur.text += " "
				}
				cur.text += c.text
				cur.x1 = max(cur.x1, c.x+c.w)
				cur.size = max(cur.size, c.size)
				cur.chars++
				last = c
				continue
			}
			out = append(out, *cur)
		}
		cur = &span{text: c.text, x0: c.x, x1: c.x + c.w, y: c.y, size: c.size, page: n, chars: 1}
		last = c
	}
	if cur != nil {
		out = append(out, *cur)
	}
	kept := out[:0]
	for _, s := range out {
		s.text = ligatures.Replace(s.text)
		if s.text = strings.TrimSpace(strings.Join(strings.Fields(s.text), " ")); s.text != "" {
			kept = append(kept, s)
		}
	}
	return kept
}

// ligatures are glyphs fonts draw for letter pairs; the text has the
// letters.
var ligatures = strings.NewReplacer("ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st")

func isDigits(s string) bool {
	return s != "" && strings.TrimFunc(s, unicode.IsDigit) == ""
}

var pageNumberRE = regexp.MustCompile(`(?i)^(page|p\.|seite|pagina|página)?\s*[-–—]?\s*([0-9]+|[ivxlcdm]+)\s*[-–—]?\s*((of|/|de|von)\s*[0-9]+)?$`)

// dropRunning removes the spans in the top and bottom tenth of each page
// that repeat on other pages (digits aside), and page numbers there.
func dropRunning(all [][]span, pages []*page) int {
	band := func(s span, p *page) int {
		switch {
		case s.y > p.height*0.9:
			return 1
		case s.y < p.height*0.1:
			return -1
		}
		return 0
	}
	norm := func(s string) string {
		return strings.ToLower(strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return '#'
			}
			return r
		}, s))
	}
	count := map[string]int{}
	for i, spans := range all {
		seen := map[string]bool{}
		for _, s := range spans {
			if b := band(s, pages[i]); b != 0 {
				k := fmt.Sprint(b, norm(s.text))
				if !seen[k] {
					seen[k] = true
					count[k]++
				}
			}
		}
	}
	removed := 0
	for i, spans := range all {
		kept := spans[:0]
		for _, s := range spans {
			b := band(s, pages[i])
			if b != 0 && (pageNumberRE.MatchString(s.text) || len(all) > 1 && count[fmt.Sprint(b, norm(s.text))] >= max(2, (len(all)+1)/2)) {
				removed++
				continue
			}
			kept = append(kept, s)
		}
		all[i] = kept
	}
	return removed
}

// bodySize is the size most of the text is set in.
func bodySize(all [][]span) float64 {
	weight := map[float64]int{}
	for _, spans := range all {
		for _, s := range spans {
			weight[math.Round(s.size*2)/2] += s.chars
		}
	}
	best, bw := 10.0, -1
	for size, w := range weight {
		if w > bw || w == bw && size < best {
			best, bw = size, w
		}
	}
	return best
}

// xyCut orders a page's spans for reading: split at a vertical white gap
// (columns, left to right) when there is one, else at horizontal gaps (top
// to bottom), recursively.
func xyCut(spans []span, body float64) []span {
	if len(spans) <= 1 || len(spans) > 20000 {
		return spans
	}
	if groups := splitX(spans, body); len(groups) > 1 {
		var out []span
		for _, g := range groups {
			out = append(out, xyCut(g, body)...)
		}
		return out
	}
	groups := splitY(spans, body)
	if len(groups) == 1 {
		g := slices.Clone(spans)
		slices.SortStableFunc(g, func(a, b span) int {
			if math.Abs(a.y-b.y) < 0.4*min(a.size, b.size) {
				return cmp.Compare(a.x0, b.x0)
			}
			return cmp.Compare(b.y, a.y)
		})
		return g
	}
	var out []span
	for _, g := range groups {
		out = append(out, xyCut(g, body)...)
	}
	return out
}

// splitX splits spans into columns at vertical white gaps, keeping only
// splits that leave each column wide enough to hold text (a column of
// bullets is not one).
func splitX(spans []span, body float64) [][]span {
	s := slices.Clone(spans)
	slices.SortFunc(s, func(a, b span) int { return cmp.Compare(a.x0, b.x0) })
	var groups [][]span
	start, right := 0, s[0].x1
	minGap, minWidth := 0.8*body, 5*body
	for i := 1; i <= len(s); i++ {
		if i == len(s) || s[i].x0-right > minGap {
			g := s[start:i]
			if len(groups) > 0 && (width(g) < minWidth || width(groups[len(groups)-1]) < minWidth) {
				groups[len(groups)-1] = append(groups[len(groups)-1], g...)
			} else {
				groups = append(groups, slices.Clone(g))
			}
			start = i
		}
		if i < len(s) {
			right = max(right, s[i].x1)
		}
	}
	return groups
}

func width(g []span) float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range g {
		lo, hi = min(lo, s.x0), max(hi, s.x1)
	}
	return hi - lo
}

// splitY splits spans at horizontal white gaps, top to bottom.
func splitY(spans []span, body float64) [][]span {
	s := slices.Clone(spans)
	slices.SortFunc(s, func(a, b span) int { return cmp.Compare(b.y+0.8*b.size, a.y+0.8*a.size) })
	var groups [][]span
	start, bottom := 0, s[0].y-0.25*s[0].size
	for i := 1; i <= len(s); i++ {
		if i == len(s) || s[i].y+0.8*s[i].size < bottom-0.1*body {
			groups = append(groups, s[start:i])
			start = i
		}
		if i < len(s) {
			bottom = min(bottom, s[i].y-0.25*s[i].size)
		}
	}
	return groups
}

// joinLines joins the spans of one baseline that follow each other.
func joinLines(spans []span) []span {
	var out []span
	for _, s := range spans {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if math.Abs(p.y-s.y) < 0.4*min(p.size, s.size) && s.x0 >= p.x1-0.5*p.size && s.x0-p.x1 < 3*p.size {
				if s.x0-p.x1 > 1.5*p.size {
					if p.cellX == nil {
						p.cellX = []float64{p.x0}
					}
					p.cellX = append(p.cellX, s.x0)
				}
				p.text += " " + s.text
				p.x1, p.size, p.chars = s.x1, max(p.size, s.size), p.chars+s.chars
				continue
			}
		}
		out = append(out, s)
	}
	// A table row is a line of pieces whose starts line up with the pieces
	// of the line before or after it; a justified line's wide gaps do not.
	aligned := func(a, b span) bool {
		n := 0
		for _, x := range a.cellX[1:] {
			for _, y := range b.cellX[1:] {
				if math.Abs(x-y) < 2 {
					n++
				}
			}
		}
		return n > 0
	}
	for i := range out {
		if len(out[i].cellX) < 2 {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(out) && len(out[j].cellX) >= 2 && aligned(out[i], out[j]) {
				out[i].table = true
			}
		}
	}
	return out
}

var (
	bulletRE  = regexp.MustCompile(`^[•▪◦·●○■□➢►–\p{Co}-]\s*`)
	captionRE = regexp.MustCompile(`^(Table|Figure|Fig\.|Chart|Map|Plate)\s+[0-9IVX]+[.:]`)
)

// paragraphs joins lines into blocks.
func paragraphs(lines []span, body float64) []Block {
	headingSizes := map[float64]bool{}
	for _, l := range lines {
		if l.size >= body*1.15 {
			headingSizes[math.Round(l.size*2)/2] = true
		}
	}
	sizes := make([]float64, 0, len(headingSizes))
	for s := range headingSizes {
		sizes = append(sizes, s)
	}
	slices.SortFunc(sizes, func(a, b float64) int { return cmp.Compare(b, a) })

	compounds := hyphenated(lines)
	var blocks []Block
	var cur []span
	flush := func() {
		if len(cur) == 0 {
			return
		}
		text := cur[0].text
		for i := 1; i < len(cur); i++ {
			text = joinHyphen(text, cur[i].text, compounds)
		}
		b := Block{Kind: Paragraph, Text: text}
		size := cur[0].size
		switch {
		case len(cur) == 1 && cur[0].table:
			b.Kind = Table
		case size >= body*1.15 && len(text) < 200:
			b.Kind, b.Level = Heading, slices.Index(sizes, math.Round(size*2)/2)+1
		case size <= body*0.9 && (isDigits(firstWord(text)) || strings.HasPrefix(text, "*") || strings.HasPrefix(text, "†")) || firstDigitsRaised(text):
			b.Kind = Footnote
		case captionRE.MatchString(text):
			b.Kind = Caption
		case bulletRE.MatchString(text):
			b.Kind, b.Text = ListItem, bulletRE.ReplaceAllString(text, "")
		}
		blocks = append(blocks, b)
		cur = nil
	}
	pitch := linePitch(lines, body)
	right := 0.0 // the right edge of the current block's lines
	for _, l := range lines {
		if n := len(cur); n > 0 {
			p := cur[n-1]
			gap := p.y - l.y
			sameColumn := p.page == l.page && gap > -0.5*p.size && math.Abs(l.x0-p.x0) < 10*p.size
			short := p.x1 < right-2.5*p.size && !continues(p.text)
			newBlock := !sameColumn && !continues(p.text) ||
				sameColumn && (gap > 1.25*pitch*p.size/body || short) ||
				math.Abs(l.size-p.size) > 0.12*p.size ||
				l.table || p.table ||
				bulletRE.MatchString(l.text) || captionRE.MatchString(l.text)
			if newBlock {
				flush()
				right = 0
			}
		}
		cur = append(cur, l)
		right = max(right, l.x1)
	}
	flush()
	return blocks
}

// linePitch is the usual distance between the baselines of body lines.
func linePitch(lines []span, body float64) float64 {
	count := map[float64]int{}
	for i := 1; i < len(lines); i++ {
		p, l := lines[i-1], lines[i]
		if gap := p.y - l.y; p.page == l.page && gap > 0.8*body && gap < 2.5*body && math.Abs(p.size-body) < 0.5 {
			count[math.Round(gap*2)/2]++
		}
	}
	best, n := 1.2*body, 0
	for g, c := range count {
		if c > n || c == n && g < best {
			best, n = g, c
		}
	}
	return best
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return strings.TrimRight(w, ".)")
}

// firstDigitsRaised reports a footnote whose number is glued to its text
// ("1Silt loads were …").
func firstDigitsRaised(s string) bool {
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) })
	if i <= 0 || i > 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

// continues reports whether a line reads on into the next: it does not end
// a sentence.
func continues(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && !strings.ContainsAny(s[len(s)-1:], ".!?:")
}

// hyphenated collects the words written with a hyphen inside a line, so
// that a compound split at its hyphen keeps it.
func hyphenated(lines []span) map[string]bool {
	out := map[string]bool{}
	for _, l := range lines {
		for _, w := range strings.Fields(l.text) {
			w = strings.ToLower(strings.Trim(w, ".,;:!?()\"'“”‘’"))
			if i := strings.IndexByte(w, '-'); i > 0 && i < len(w)-1 {
				out[w] = true
			}
		}
	}
	return out
}

// joinHyphen joins a line to the text before it: a word broken with a
// hyphen at the line's end is made whole again, unless the document writes
// it with a hyphen elsewhere.
func joinHyphen(text, next string, compounds map[string]bool) string {
	trimmed := strings.TrimRight(text, "-\u00ad")
	if len(trimmed) == len(text) || len(text)-len(trimmed) > 3 {
		return text + " " + next
	}
	last, _ := utf8.DecodeLastRuneInString(trimmed)
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLetter(last) || !unicode.IsLower(first) {
		return text + " " + next
	}
	head := trimmed[strings.LastIndexByte(trimmed, ' ')+1:]
	tail, _, _ := strings.Cut(next, " ")
	compound := strings.ToLower(strings.Trim(head+"-"+tail, ".,;:!?()\"'“”‘’"))
	if compounds[compound] {
		return trimmed + "-" + next
	}
	return trimmed + next
}
