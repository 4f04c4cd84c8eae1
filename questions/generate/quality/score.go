package quality

import (
	"strings"
	"unicode"
)

// MatchF1 is the token F1 at which a generated answer counts as the human
// answer: half the words in common, as the issue measuring the generator
// set it.
const MatchF1 = 0.5

// NormalizeAnswer is SQuAD's answer normalisation: lower case, no
// punctuation, no articles, single spaces. Punctuation is any Unicode
// punctuation or symbol, not only ASCII's, so that "“" goes too; dashes
// and slashes separate words ("Franco-Prussian" is two words).
func NormalizeAnswer(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.Is(unicode.Pd, r) || r == '/' {
			b.WriteByte(' ')
			continue
		}
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
	}
	f := strings.Fields(b.String())
	out := f[:0]
	for _, w := range f {
		if w != "a" && w != "an" && w != "the" {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// F1 is SQuAD's token F1 between a predicted and a gold answer, after
// normalisation: the harmonic mean of the shares of each side's words the
// other has (counting repeats).
func F1(pred, gold string) float64 {
	return tokenF1(strings.Fields(NormalizeAnswer(pred)), strings.Fields(NormalizeAnswer(gold)))
}

func tokenF1(p, g []string) float64 {
	if len(p) == 0 || len(g) == 0 {
		return 0
	}
	same := 0
	used := make([]bool, len(g))
	for _, w := range p {
		for j, x := range g {
			if !used[j] && x == w {
				used[j] = true
				same++
				break
			}
		}
	}
	if same == 0 {
		return 0
	}
	pr := float64(same) / float64(len(p))
	rc := float64(same) / float64(len(g))
	return 2 * pr * rc / (pr + rc)
}

// Matches reports whether any predicted answer matches any gold answer at
// MatchF1 or better.
func Matches(preds, golds []string) bool {
	return NewAnswers(golds).Match(preds)
}

// Answers are gold answers normalised once, for matching many
// predictions against them.
type Answers [][]string

// NewAnswers normalises gold answers.
func NewAnswers(golds []string) Answers {
	a := make(Answers, 0, len(golds))
	for _, g := range golds {
		if f := strings.Fields(NormalizeAnswer(g)); len(f) > 0 {
			a = append(a, f)
		}
	}
	return a
}

// Match reports whether any predicted answer matches one of the answers
// at MatchF1 or better.
func (a Answers) Match(preds []string) bool {
	for _, p := range preds {
		if a.MatchNormalized(strings.Fields(NormalizeAnswer(p))) {
			return true
		}
	}
	return false
}

// MatchNormalized is Match for one prediction already normalised and
// split into words.
func (a Answers) MatchNormalized(p []string) bool {
	for _, g := range a {
		if tokenF1(p, g) >= MatchF1 {
			return true
		}
	}
	return false
}

// FactAnswers are the answers of a human question that name a fact: not
// "yes" or "no" (a yes/no question has no answer an item could share),
// not empty.
func FactAnswers(h Human) []string {
	var out []string
	for _, a := range h.Answers {
		n := NormalizeAnswer(a)
		if n == "" {
			continue
		}
		first, _, _ := strings.Cut(n, " ")
		if first == "yes" || first == "no" {
			continue
		}
		out = append(out, a)
	}
	return out
}

// Answerable returns the document's questions that have a fact for an
// answer: the questions answer recall is measured on.
func Answerable(d Document) []Human {
	var out []Human
	for _, h := range d.Questions {
		if a := FactAnswers(h); len(a) > 0 {
			h.Answers = a
			out = append(out, h)
		}
	}
	return out
}

// Score is how a list of items' answers meets a document's human
// questions.
type Score struct {
	Questions int // answerable human questions
	Hit       int // of those, answered by some item
	Items     int // items that state an answer
	Precise   int // of those, whose answer some human question has
}

// Add adds another document's score.
func (s *Score) Add(o Score) {
	s.Questions += o.Questions
	s.Hit += o.Hit
	s.Items += o.Items
	s.Precise += o.Precise
}

// Recall is the share of human questions some item answers.
func (s Score) Recall() float64 { return ratio(s.Hit, s.Questions) }

// Precision is the share of answer-stating items whose answer people
// asked about.
func (s Score) Precision() float64 { return ratio(s.Precise, s.Items) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Measure scores items (each given by its accepted answers; an item with
// none, a true statement, counts in neither direction) against the
// answerable questions of a document.
func Measure(d Document, items [][]string) Score {
	hs := Answerable(d)
	golds := make([]Answers, len(hs))
	for i, h := range hs {
		golds[i] = NewAnswers(h.Answers)
	}
	preds := make([][][]string, len(items))
	for i, it := range items {
		for _, p := range it {
			preds[i] = append(preds[i], strings.Fields(NormalizeAnswer(p)))
		}
	}
	match := func(g Answers, it [][]string) bool {
		for _, p := range it {
			if g.MatchNormalized(p) {
				return true
			}
		}
		return false
	}
	s := Score{Questions: len(hs)}
	for _, g := range golds {
		for _, it := range preds {
			if match(g, it) {
				s.Hit++
				break
			}
		}
	}
	for _, it := range preds {
		if len(it) == 0 {
			continue
		}
		s.Items++
		for _, g := range golds {
			if match(g, it) {
				s.Precise++
				break
			}
		}
	}
	return s
}

// floorStops are the capitalised words that start sentences rather than
// names; the naive floor trims them from the front of a phrase.
var floorStops = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the a an in on at of for by to from with as after before during
		since until when while if but and or however although though this that these those there
		it its he his she her they their we our i you some many most one two all each every no
		such other another both according despite following unlike`) {
		floorStops[w] = true
	}
}

// NaiveFloor takes the first n distinct capitalised phrases and numbers
// of a text, in order: what a generator must beat to show it picks facts
// better than reading the text from the top. A phrase is a run of
// capitalised words with nothing between them but spaces; a number is a
// word that starts with a digit. Leading sentence words ("The", "In") are
// trimmed from a phrase.
func NaiveFloor(text string, n int) []string {
	var out []string
	seen := map[string]bool{}
	add := func(words []string) {
		for len(words) > 0 && floorStops[strings.ToLower(words[0])] {
			words = words[1:]
		}
		if len(words) == 0 || len(out) >= n {
			return
		}
		p := strings.Join(words, " ")
		k := NormalizeAnswer(p)
		if k == "" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, p)
	}
	var phrase []string
	flush := func() {
		add(phrase)
		phrase = phrase[:0]
	}
	for _, w := range splitWords(text) {
		if len(out) >= n {
			break
		}
		r := []rune(w.text)[0]
		switch {
		case unicode.IsDigit(r):
			flush()
			add([]string{w.text})
		case unicode.IsUpper(r) && w.joined:
			phrase = append(phrase, w.text)
		case unicode.IsUpper(r):
			flush()
			phrase = append(phrase, w.text)
		default:
			flush()
		}
	}
	flush()
	return out
}

// A floorWord is a word of a text, and whether only spaces separate it
// from the word before.
type floorWord struct {
	text   string
	joined bool
}

// splitWords cuts a text into words: letters and digits, with inner
// apostrophes, hyphens, commas and periods between digits kept.
func splitWords(text string) []floorWord {
	var out []floorWord
	rs := []rune(text)
	joined := false
	for i := 0; i < len(rs); {
		r := rs[i]
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if !unicode.IsSpace(r) || r == '\n' {
				joined = false
			}
			i++
			continue
		}
		j := i + 1
		for j < len(rs) {
			c := rs[j]
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				j++
				continue
			}
			if (c == '\'' || c == '-' || c == '.' || c == ',') && j+1 < len(rs) && (unicode.IsLetter(rs[j+1]) || unicode.IsDigit(rs[j+1])) {
				if (c == '.' || c == ',') && !(unicode.IsDigit(rs[j-1]) && unicode.IsDigit(rs[j+1])) {
					break
				}
				j++
				continue
			}
			break
		}
		out = append(out, floorWord{text: string(rs[i:j]), joined: joined})
		joined = true
		i = j
	}
	return out
}
