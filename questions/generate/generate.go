// Package generate writes questions from a document's facts: the questions
// a teacher would keep.
//
// A document (plain text, Markdown, or HTML pasted from a web page) is
// cleaned and cut into sentences by the prose package, which leaves out
// what is not prose (captions, tables, citations, formulas, the sections
// after the article). The generator then reads it for facts: people (with
// the variants of their names merged), organisations, places, dates in
// their common forms, quantities, terms the text defines, the noun phrases
// clauses speak of, roles given in appositives, and what each clause says
// about them. The document's topic (its title's entity, or its most named
// one) is never an answer, and he or she with no one else in view stands
// for a person topic. From each fact it writes items of four kinds: cloze,
// multiple choice with distractors of the key's type and form from the
// document, true/false (false statements only where the text contradicts
// them) and short-answer wh-questions. Every item is checked before it is
// kept (see Checks): first for what a rule sees in its parts (lint.go),
// then read whole as a teacher would read it, point by point of
// RUBRIC.md (keep.go: a stem cut and left broken, words leaning on text
// not shown, an answer the stem or the options give away, a blank on a
// word anyone could guess, options of another type than the key, markup
// left over). An item whose stem leans on the sentence just before it
// ("At the time, Panama was a province of _____.") is shown after that
// sentence when it holds what the stem points at (see leadIn), instead of
// being turned away. Items are then ranked by how likely people are to ask about
// their answer (a logistic model fitted on the development set's tuning
// half, see features.go) and by how worth asking they are (see worth in
// select.go: the lead and the topic for, side matter and what a rule sees
// of a judge's reasons against), and picked so that a set asks for each
// answer once, spreads over the paragraphs and mixes the kinds; a
// sentence gives no two items that show each other's answers. A set of
// the default size keeps only the items ranked sure enough. Each item keeps the
// sentence it came from.
//
// The reading is rule-based and uses the standard library and
// golang.org/x/net/html and x/text only: capitalised sequences with small
// gazetteers for names, scanners for dates and numbers, verb forms and a
// list of frequent verbs for clauses. When a rule is not sure, the
// generator leaves the fact alone. Time and memory grow in proportion to
// the document (a sentence too long to ask about is only read for names),
// and GenerateContext stops when its context is done. The same document
// and options always give the same set. The quality subpackage measures
// the generator against the questions people wrote.
package generate

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// Options say what set to write.
type Options struct {
	// N caps the number of questions; 0 chooses a number that fits the
	// document's length (about one per 32 words, fewer per word in long
	// documents) and keeps only the items the generator is surest of.
	N int
	// Kinds are the kinds of question to write, among MultipleChoice,
	// TrueFalse, ShortAnswer and Cloze; nil means all four.
	Kinds []questions.Kind
	// Title names the set; empty uses the document's first heading.
	Title string
	// Origin says where the set came from ("generated from notes.txt").
	Origin string
	// Progress, when set, is called as the work advances with done out of
	// total steps (three per sentence: reading, writing items, checking
	// them), ending with done == total. It is called from the generating
	// goroutine, about 150 times whatever the document's length.
	Progress func(done, total int)
}

// GeneratedKinds are the kinds of question the generator writes.
var GeneratedKinds = []questions.Kind{questions.MultipleChoice, questions.TrueFalse, questions.ShortAnswer, questions.Cloze}

// Report tells how a set was made, for tests and for a teacher's preview.
type Report struct {
	Sentences  int                    // sentences in the cleaned document, headings included
	Candidates int                    // items written before the checks
	Rejected   map[string]int         // items turned away, by check name (see Checks)
	Kinds      map[questions.Kind]int // kept items of each kind
}

// Errors for documents that give nothing to ask.
var (
	ErrNoText      = errors.New("generate: the document has no text")
	ErrNoQuestions = errors.New("generate: no question could be written from the document")
	ErrKind        = errors.New("generate: only multiple choice, true/false, short answer and cloze questions can be generated")
)

// Generate writes a question set from a document. It fails with ErrNoText
// for an empty document and ErrNoQuestions when no fact could be asked
// about.
func Generate(text string, opt Options) (questions.Set, error) {
	set, _, err := GenerateWithReport(text, opt)
	return set, err
}

// GenerateWithReport is Generate, also reporting how many items were
// considered and why the rejected ones were turned away.
func GenerateWithReport(text string, opt Options) (questions.Set, Report, error) {
	return GenerateContext(context.Background(), text, opt)
}

// GenerateContext is GenerateWithReport under a context: when ctx is
// done, generation stops soon and returns ctx's error.
func GenerateContext(ctx context.Context, text string, opt Options) (questions.Set, Report, error) {
	rep := Report{Rejected: map[string]int{}, Kinds: map[questions.Kind]int{}}
	kinds := opt.Kinds
	if len(kinds) == 0 {
		kinds = GeneratedKinds
	}
	allowed := map[questions.Kind]bool{}
	for _, k := range kinds {
		if _, ok := kindShare[k]; !ok {
			return questions.Set{}, rep, ErrKind
		}
		allowed[k] = true
	}
	if strings.TrimSpace(text) == "" {
		return questions.Set{}, rep, ErrNoText
	}
	d, err := analyze(ctx, text, opt.Title, opt.Progress)
	if err != nil {
		return questions.Set{}, rep, err
	}
	rep.Sentences = len(d.sents)
	if len(d.sents) == 0 {
		return questions.Set{}, rep, ErrNoText
	}
	if err := d.buildClauses(ctx); err != nil {
		return questions.Set{}, rep, err
	}
	d.indexNames()
	d.countAnswers()
	n, sure := opt.N, opt.N <= 0
	if sure {
		n = defaultCount(d.words)
	}
	_, picked, err := d.pick(ctx, allowed, kinds, n, sure, &rep, opt.Progress)
	if err != nil {
		return questions.Set{}, rep, err
	}
	if len(picked) == 0 {
		return questions.Set{}, rep, ErrNoQuestions
	}
	set := questions.Set{Title: opt.Title, Origin: opt.Origin}
	if set.Title == "" {
		set.Title = d.title
	}
	if set.Title == "" {
		set.Title = "Questions"
	}
	for _, c := range picked {
		q := c.q
		q.Source = &questions.Source{Sentence: c.sent.text, Index: c.sent.idx, Offset: c.sent.off}
		set.Questions = append(set.Questions, q)
		rep.Kinds[q.Kind]++
	}
	if opt.Progress != nil {
		opt.Progress(3*len(d.sents), 3*len(d.sents))
	}
	return set, rep, nil
}

// pick writes and checks the document's candidates of the allowed kinds,
// drops duplicates, ranks them, and selects n (the surest, when sure):
// ok are the candidates that passed, picked those selected.
func (d *document) pick(ctx context.Context, allowed map[questions.Kind]bool, kinds []questions.Kind, n int, sure bool,
	rep *Report, progress func(done, total int)) (ok, picked []*candidate, err error) {
	ok, err = d.candidates(ctx, allowed, rep, progress)
	if err != nil {
		return nil, nil, err
	}
	// Of items with the same words, keep the better one.
	ok = dedupe(ok, map[string]bool{}, rep.Rejected)

	// Ranked by how worth asking each item is, beyond its answer's
	// importance (see worth); a set of the default size keeps the surest.
	for _, c := range ok {
		c.score += d.worth(c)
	}
	paraWords := map[int]int{}
	for _, s := range d.sents {
		if !s.heading {
			paraWords[s.block] += prose.WordCount(s.text)
		}
	}
	return ok, selectItems(ok, n, kinds, paraWords, sure, rep.Rejected), nil
}

// debugLint, when set by a test, sees every rejected candidate;
// debugSentence sees each sentence's candidates as written and those
// that passed the checks.
var (
	debugLint     func(c *candidate, check string)
	debugSentence func(written, kept []*candidate)
)

// maxSameAnswer bounds the kept items one item with the same answer is
// compared with.
const maxSameAnswer = 16

// dedupe drops items whose stem (normalised) another better item already
// has, and items that ask for the same answer in nearly the same words.
func dedupe(cands []*candidate, stems map[string]bool, rejected map[string]int) []*candidate {
	best := make([]*candidate, len(cands))
	copy(best, cands)
	sortByScore(best)
	type seen struct {
		words map[string]bool
		key   string
		kind  questions.Kind
		group string
	}
	byKey := map[string][]seen{}
	keep := map[*candidate]bool{}
	for _, c := range best {
		ns := prose.Normalize(c.q.Stem) + "|" + string(c.q.Kind)
		if stems[ns] {
			rejected[CheckDuplicate]++
			continue
		}
		key := prose.Normalize(c.key)
		if c.key == "" {
			key = "tf:" + prose.Normalize(c.swapFrom)
		}
		w := contentWords(c.q.Stem)
		dup := false
		// Compare with the last few items of the same answer only: a
		// table that repeats one year a thousand times must not cost a
		// million comparisons.
		prev := byKey[key]
		if len(prev) > maxSameAnswer {
			prev = prev[len(prev)-maxSameAnswer:]
		}
		for _, o := range prev {
			// A cut stem stands in for its whole one (see shortStem), so
			// is no copy of it.
			if o.kind == c.q.Kind && jaccard(o.words, w) >= 0.6 && c.group != "" && !(c.short && o.group == c.group) {
				dup = true
				break
			}
		}
		if dup && key != "tf:" {
			rejected[CheckDuplicate]++
			continue
		}
		stems[ns] = true
		byKey[key] = append(byKey[key], seen{w, key, c.q.Kind, c.group})
		keep[c] = true
	}
	var out []*candidate
	for _, c := range cands {
		if keep[c] {
			out = append(out, c)
		}
	}
	return out
}

func sortByScore(cs []*candidate) {
	// slices' stable sort is sort.SliceStable's (the same blocks and
	// merges) without swapping through reflection, which cost more than
	// the comparisons over a whole document's candidates.
	slices.SortStableFunc(cs, func(a, b *candidate) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.order, b.order)
	})
}

func contentWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(prose.Normalize(strings.ReplaceAll(s, questions.Blank, " "))) {
		if !functionList.has(w) {
			m[w] = true
		}
	}
	return m
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for w := range a {
		if b[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}
