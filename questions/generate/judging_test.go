package generate

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
	"factdrill/questions/generate/quality"
)

var writeJudging = flag.Bool("judging.write", false, "write the blind-judging sheet and its key from the report half into testdata/judging")

// judgingDir holds the sheet a judge rates (items.md), the key the judge
// is not given (key.csv), and the judge's ratings (ratings.csv).
const judgingDir = "testdata/judging"

// Judging sizes: documents of the report half, generated items and human
// questions from each.
const (
	judgedDocs    = 26
	judgedPerDoc  = 6
	humansPerDoc  = 2
	judgingSalt   = "factdrill-judging-1"
	cmuJudgedDocs = 5
)

// judgedKinds is the order in which a document's items are drawn, so
// that every kind is judged often enough to be measured.
var judgedKinds = []questions.Kind{questions.MultipleChoice, questions.Cloze, questions.ShortAnswer, questions.TrueFalse, questions.MultipleChoice, questions.Cloze}

// TestJudgingSheet writes, with -judging.write, the sheet for a blind
// judgement: items the generator writes (with default options, as a
// teacher gets them) from documents of the report half, mixed with
// questions people wrote about the same documents, shuffled under
// opaque ids, each with its passage; and, apart, the key.
func TestJudgingSheet(t *testing.T) {
	if !*writeJudging {
		t.Skip("run with -judging.write to write the judging sheet")
	}
	docs := quality.Split(loadDevSet(t), quality.Reporting)
	var chosen []quality.Document
	cmu := 0
	for _, d := range docs {
		switch {
		case strings.HasPrefix(d.ID, "squad/"):
			chosen = append(chosen, d)
		case cmu < cmuJudgedDocs && len(quality.Answerable(d)) >= 5:
			chosen = append(chosen, d)
			cmu++
		}
	}
	if len(chosen) > judgedDocs {
		chosen = chosen[:judgedDocs]
	}
	var entries []quality.Entry
	for _, d := range chosen {
		set, err := Generate(d.Text, Options{})
		if err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		text, _ := prose.Sentences(d.Text)
		for _, q := range pickForJudging(set.Questions) {
			entries = append(entries, quality.Entry{Doc: d.ID, Title: d.Title, Context: paragraphAt(text, q.Source.Offset), Item: q, Generated: true})
		}
		for _, h := range humanForJudging(d, text) {
			entries = append(entries, h)
		}
	}
	quality.Shuffle(entries, judgingSalt)
	var sheet, key bytes.Buffer
	if err := quality.WriteSheet(&sheet, entries); err != nil {
		t.Fatal(err)
	}
	if err := quality.WriteKey(&key, entries); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(judgingDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"items.md": sheet.Bytes(), "key.csv": key.Bytes()} {
		if err := os.WriteFile(filepath.Join(judgingDir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gen := 0
	for _, e := range entries {
		if e.Generated {
			gen++
		}
	}
	t.Logf("%d documents, %d generated items, %d human questions", len(chosen), gen, len(entries)-gen)
}

// pickForJudging draws judgedPerDoc items from a set, kinds in the order
// of judgedKinds, spread over the document.
func pickForJudging(qs []questions.Question) []questions.Question {
	byKind := map[questions.Kind][]questions.Question{}
	for _, q := range qs {
		byKind[q.Kind] = append(byKind[q.Kind], q)
	}
	used := map[questions.Kind]int{}
	var out []questions.Question
	for _, k := range judgedKinds {
		list := byKind[k]
		if len(list) == 0 {
			continue
		}
		// The i-th draw of a kind takes an item a fraction of the way
		// down the document.
		i := used[k]
		used[k]++
		n := 2
		if k == questions.ShortAnswer || k == questions.TrueFalse {
			n = 1
		}
		at := (2*i + 1) * len(list) / (2 * n)
		if at < len(list) && i < n {
			out = append(out, list[at])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Source.Index < out[j].Source.Index })
	return out
}

// humanForJudging turns up to humansPerDoc questions people asked about a
// document into short-answer items, with the paragraph they were asked
// about (SQuAD's, or the one that holds the answer).
func humanForJudging(d quality.Document, text string) []quality.Entry {
	hs := quality.Answerable(d)
	var out []quality.Entry
	for i := 0; i < len(hs) && len(out) < humansPerDoc; i += max(1, len(hs)/humansPerDoc) {
		h := hs[i]
		ctx := h.Context
		if ctx == "" {
			k := strings.Index(text, h.Answers[0])
			if k < 0 {
				continue
			}
			ctx = paragraphAt(text, k)
		}
		q := questions.Question{Kind: questions.ShortAnswer, Stem: h.Question}
		for _, a := range h.Answers {
			q.Answers = append(q.Answers, questions.Choice{Text: a, Weight: 100})
		}
		out = append(out, quality.Entry{Doc: d.ID, Title: d.Title, Context: ctx, Item: q})
	}
	return out
}

// paragraphAt returns the paragraph of the cleaned text that holds byte
// offset off.
func paragraphAt(text string, off int) string {
	start := strings.LastIndex(text[:off], "\n\n")
	if start < 0 {
		start = 0
	} else {
		start += 2
	}
	end := strings.Index(text[off:], "\n\n")
	if end < 0 {
		end = len(text)
	} else {
		end += off
	}
	return text[start:end]
}

// TestJudgement merges the judge's ratings (testdata/judging/ratings.csv)
// with the key and reports acceptability by kind and by rubric point. It
// skips until a judge has written the ratings.
func TestJudgement(t *testing.T) {
	tally, ok := readJudgement(t)
	if !ok {
		t.Skip("no ratings yet: " + filepath.Join(judgingDir, "ratings.csv"))
	}
	var b strings.Builder
	if err := tally.WriteMarkdown(&b, kindNames()); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if len(tally.Unknown) > 0 {
		t.Errorf("ratings for ids the key does not hold: %v", tally.Unknown)
	}
}

// readJudgement reads the key and the ratings, if a judge wrote them.
func readJudgement(t *testing.T) (quality.Tally, bool) {
	t.Helper()
	rf, err := os.Open(filepath.Join(judgingDir, "ratings.csv"))
	if os.IsNotExist(err) {
		return quality.Tally{}, false
	}
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	kf, err := os.Open(filepath.Join(judgingDir, "key.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer kf.Close()
	key, err := quality.ReadKey(kf)
	if err != nil {
		t.Fatal(err)
	}
	ratings, err := quality.ReadRatings(rf)
	if err != nil {
		t.Fatal(err)
	}
	return quality.Count(key, ratings), true
}

// kindNames are the generated kinds as the reports name them.
func kindNames() []string {
	var out []string
	for _, k := range GeneratedKinds {
		out = append(out, string(k))
	}
	return out
}
