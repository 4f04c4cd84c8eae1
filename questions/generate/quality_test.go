package generate

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"factdrill/questions"
	"factdrill/questions/generate/quality"
)

// squadParagraphs are the paragraphs of the SQuAD slice in testdata.
func squadParagraphs(t testing.TB) []string {
	t.Helper()
	docs, err := quality.LoadSQuAD("testdata/qg/squad2_dev_normans_20p.json")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range docs {
		out = append(out, strings.Split(d.Text, "\n\n")[1:]...) // after the title
	}
	return out
}

var (
	qualityOut  = flag.String("quality.out", "", "write the report half's figures into this QUALITY.md")
	qualityHalf = flag.String("quality.half", "report", "the half TestQuality measures: report or tuning")
)

// devSetDir finds the development set: $FACTDRILL_QG_DEV, else the shared
// folder beside the repository, else the workplace's shared folder.
func devSetDir() string {
	if d := os.Getenv("FACTDRILL_QG_DEV"); d != "" {
		return d
	}
	for _, d := range []string{"../../../shared/fixtures/qg/dev", "/work/shared/fixtures/qg/dev"} {
		if _, err := os.Stat(filepath.Join(d, "squad1.1_dev_38articles.json")); err == nil {
			return d
		}
	}
	return ""
}

// withoutTopic returns the document without the human questions whose
// answer is its topic (its title or the forms of the topic's name).
func withoutTopic(t *testing.T, doc quality.Document) quality.Document {
	d, err := analyze(context.Background(), doc.Text, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	forms := []string{doc.Title}
	if d.topic != nil {
		forms = append(forms, d.topic.forms...)
	}
	off := doc
	off.Questions = nil
	for _, h := range doc.Questions {
		if fa := quality.FactAnswers(h); len(fa) == 0 || !quality.NewAnswers(fa).Match(forms) {
			off.Questions = append(off.Questions, h)
		}
	}
	return off
}

// loadDevSet reads the development set, or skips the test when it is not
// here.
func loadDevSet(t *testing.T) []quality.Document {
	t.Helper()
	dir := devSetDir()
	if dir == "" {
		t.Skip("the development set is not here: set FACTDRILL_QG_DEV to its folder (shared/fixtures/qg/dev) to measure the generator")
	}
	docs, err := quality.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// itemAnswers are the answers an item states: the key of a multiple-choice
// question, the accepted answers of a short-answer or cloze question.
// True/false statements state no single answer.
func itemAnswers(q questions.Question) []string {
	var out []string
	switch q.Kind {
	case questions.MultipleChoice:
		for _, c := range q.Choices {
			if c.Weight > 0 {
				out = append(out, c.Text)
			}
		}
	case questions.ShortAnswer, questions.Cloze:
		for _, a := range q.Answers {
			if a.Weight >= 100 { // a half-credit answer is not the answer
				out = append(out, a.Text)
			}
		}
	}
	return out
}

// measure generates a set from each document at the budget of one item per
// 40 words and scores it, with the naive floor at the same budget.
func measure(t *testing.T, docs []quality.Document, half string, misses bool) quality.Figures {
	t.Helper()
	f := quality.Figures{Half: half, Documents: len(docs), Kinds: map[string]int{}, Rejected: map[string]int{}}
	for _, d := range docs {
		n := d.Budget()
		f.Words += d.Words()
		f.Budget += n
		start := time.Now()
		set, rep, err := GenerateWithReport(d.Text, Options{N: n})
		f.Seconds += time.Since(start).Seconds()
		if err != nil {
			t.Logf("%s: %v", d.ID, err)
		}
		var items [][]string
		for _, q := range set.Questions {
			items = append(items, itemAnswers(q))
		}
		f.Items += len(set.Questions)
		f.Candidates += rep.Candidates
		for k, c := range rep.Kinds {
			f.Kinds[string(k)] += c
		}
		for c, k := range rep.Rejected {
			f.Rejected[c] += k
		}
		f.Generated.Add(quality.Measure(d, items))
		var floor [][]string
		for _, a := range quality.NaiveFloor(d.Text, n) {
			floor = append(floor, []string{a})
		}
		f.Floor.Add(quality.Measure(d, floor))
		var same [][]string
		for _, a := range quality.NaiveFloor(d.Text, len(set.Questions)) {
			same = append(same, []string{a})
		}
		f.FloorSame.Add(quality.Measure(d, same))
		off := withoutTopic(t, d)
		f.TopicQuestions += len(quality.Answerable(d)) - len(quality.Answerable(off))
		f.GeneratedOff.Add(quality.Measure(off, items))
		f.FloorOff.Add(quality.Measure(off, floor))
		if misses {
			for _, h := range quality.Answerable(d) {
				hit := false
				for _, it := range items {
					if quality.Matches(it, h.Answers) {
						hit = true
						break
					}
				}
				if !hit {
					t.Logf("%s missed: %s -> %s", d.ID, h.Question, strings.Join(h.Answers, " | "))
				}
			}
		}
	}
	return f
}

// TestQuality measures the generator on the development set's report half
// (or, with -quality.half=tuning, its tuning half): answer recall against
// the naive floor at one item per 40 words, precision, density, kind mix
// and rejections. It skips when the development set is not there (a fresh
// clone without the shared folder). With -quality.out it writes the
// figures into QUALITY.md; QUALITY_MISSES=1 lists the human questions no
// item answers, on the tuning half only.
func TestQuality(t *testing.T) {
	docs := loadDevSet(t)
	half := quality.Reporting
	if *qualityHalf == "tuning" {
		half = quality.Tuning
	}
	part := quality.Split(docs, half)
	misses := half == quality.Tuning && os.Getenv("QUALITY_MISSES") != ""
	f := measure(t, part, *qualityHalf, misses)
	var b strings.Builder
	if err := f.WriteMarkdown(&b, kindNames()); err != nil {
		t.Fatal(err)
	}
	t.Logf("%s\ngeneration took %.1f s", b.String(), f.Seconds)
	if *qualityOut != "" {
		if err := writeQuality(t, *qualityOut, b.String()); err != nil {
			t.Fatal(err)
		}
	}
	// Thresholds a little under the measured figures of the report half
	// (recall 1.13x the floor, precision 1.35x the floor's, short answers
	// 5% and true/false 8% of the items, cloze 68%): they catch a
	// regression, not a change of a point. The tuning half measures
	// lower (1.06x): run with -quality.half=tuning to tune, not to pass.
	if r, want := f.RecallRatio(), recallFloor(half); r < want {
		t.Errorf("recall %.1f%% is %.2fx the naive floor's %.1f%%, want at least %.2fx", 100*f.Generated.Recall(), r, 100*f.Floor.Recall(), want)
	}
	if p, fp := f.Generated.Precision(), f.Floor.Precision(); p < 1.3*fp {
		t.Errorf("precision %.1f%%, want at least 1.3 times the floor's %.1f%%", 100*p, 100*fp)
	}
	// Every kind is offered; none crowds out the others.
	for _, k := range kindNames() {
		if sh := f.KindShare(k); sh < 0.04 || sh > 0.7 {
			t.Errorf("%s items are %.1f%% of the set, want 4%% to 70%%", k, 100*sh)
		}
	}
	if sh := f.KindShare(string(questions.MultipleChoice)); sh < 0.15 {
		t.Errorf("multiple-choice items are %.1f%% of the set, want at least 15%%", 100*sh)
	}
	if d := f.ItemsPer100Words(); d < 1.5 || d > 2.6 {
		t.Errorf("%.2f items per 100 words, want 1.5 to 2.6 (the budget is 2.5)", d)
	}
}

// recallFloor is the least recall against the naive floor TestQuality
// accepts on a half of the development set.
func recallFloor(half quality.Half) float64 {
	if half == quality.Tuning {
		return 1.03 // measured 1.058
	}
	return 1.10 // measured 1.131
}

// TestQuality_Sample measures the generator on the three articles copied
// into testdata/qg/dev-sample, so that a fresh clone checks the loaders,
// the scoring and the generator's figures end to end. Its thresholds are
// loose: three articles are too few for more.
func TestQuality_Sample(t *testing.T) {
	docs, err := quality.Load("testdata/qg/dev-sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("the sample has %d documents, want 3", len(docs))
	}
	for _, d := range docs {
		if quality.HalfOf(d) != quality.Tuning {
			t.Errorf("%s is in the report half; the sample must come from the tuning half", d.ID)
		}
	}
	f := measure(t, docs, "sample", false)
	t.Logf("sample: recall %.1f%%, floor %.1f%%, precision %.1f%%, %d items", 100*f.Generated.Recall(), 100*f.Floor.Recall(), 100*f.Generated.Precision(), f.Items)
	if f.Generated.Recall() < 0.2 || f.Generated.Precision() < 0.1 {
		t.Errorf("recall %.1f%%, precision %.1f%% on the sample, want at least 20%% and 10%%", 100*f.Generated.Recall(), 100*f.Generated.Precision())
	}
	if f.Generated.Questions < 100 {
		t.Errorf("the sample has %d answerable questions, want over 100", f.Generated.Questions)
	}
}

// writeQuality writes QUALITY.md: how the generator is measured, the
// figures of the report half, and the blind judgements, each round beside
// the others.
func writeQuality(t *testing.T, path, figures string) error {
	var b strings.Builder
	b.WriteString(qualityIntro)
	b.WriteString("\n## Answer recall against the naive floor\n\n")
	b.WriteString(figures)
	b.WriteString("\n## Blind judgement\n\n")
	b.WriteString(judgementIntro)
	if err := quality.WriteRounds(&b, kindNames(), readJudgements(t)); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

const qualityIntro = `# Question generator quality

Written by ` + "`make quality`" + ` (TestQuality in questions/generate). Do not edit by
hand.

The development set (shared/fixtures/qg/dev: 38 SQuAD 1.1 articles and the
CMU Question-Answer articles of 2008 and 2009, with the questions people
wrote about them) is split by a hash of each article's title into a tuning
half, on which the generator was tuned, and a report half, which was never
read item by item while tuning. Every figure here is from the report half.

Each article is generated at one item per 40 words. A human question counts
as answered when an item's answer (the key of a multiple-choice item, an
accepted answer of a short-answer or cloze item; a true/false statement has
no single answer and counts for nothing) matches one of its answers with
SQuAD's token F1 of 0.5 or more. Yes/no questions and unanswered ones are
left out. The naive floor takes the first capitalised phrases and numbers
of the text in order, as many as the generator's budget. Precision is the
share of answer-stating items whose answer some human question has.
`

const judgementIntro = `Generated items from documents of the report half, mixed with questions
people wrote about the same documents and shuffled, are rated against
questions/generate/RUBRIC.md by a judge who is not told which are which
and did not write the generator. Each round judges the generator as it
was when its sheet was written, and has its folder in questions/generate/testdata/judging/: round 1
(round1/) the first generator on 26 documents; round 2 (round2/) the
second, on 24 other documents of the report half; round 3 (round3/) the
third, on the documents of the report half neither used. The three
used all of the report half, so round 4 (round4/) judges the fourth
generator on round 1's documents again, round 5 (round5/) the fifth on
round 2's documents again, round 6 (round6/) the sixth on round 3's
documents, judged once before, and 11 of round 1's, and round 7 (round7/)
the seventh on round 2's documents and the 15 of round 1's that round 6
left (39 documents, each judged twice before), rated by two judges apart
(ratings.csv and ratings-b.csv), and round 8 (round8/) the eighth, after
two more passes tuned on fresh judgements of the tuning half only, on
every document rounds 6 and 7 judged (56 documents, one version of an
article), again by two judges apart, and round 9 (round9/) the ninth on
round 8's documents again, after passes that changed about one
default-set item in a hundred (a fifth of the sheet differs from round
8's: a changed set shifts which of its items are drawn), by two new
judges apart; each judge saw none of the earlier sheets. In each
folder, items.md is the sheet, key.csv says which items are generated
and of what kind, and ratings.csv holds the judge's verdicts once rated. Targets: 80%
of generated items acceptable, each kind 70%, no multiple-choice item with
two right options.

`

// TestTuneRejections tells, on the tuning half only, which checks turn
// away items whose answer a human question asks and the set at the budget
// does not answer: where recall is lost to the checks rather than to
// the reading. It runs when QUALITY_REJECTIONS is set, and logs each
// check's count with its first few items (QUALITY_REJECTIONS=all logs
// them all).
func TestTuneRejections(t *testing.T) {
	show := os.Getenv("QUALITY_REJECTIONS")
	if show == "" {
		t.Skip("set QUALITY_REJECTIONS=1 to list the checks that turn away answers people asked about (tuning half)")
	}
	docs := quality.Split(loadDevSet(t), quality.Tuning)
	type rejection struct {
		c     *candidate
		check string
	}
	counts := map[string]int{}
	examples := map[string][]string{}
	lost := 0
	defer func() { debugLint = nil }()
	for _, doc := range docs {
		var rejs []rejection
		debugLint = func(c *candidate, check string) { rejs = append(rejs, rejection{c, check}) }
		set, _, err := GenerateWithReport(doc.Text, Options{N: doc.Budget()})
		if err != nil {
			t.Logf("%s: %v", doc.ID, err)
		}
		var items [][]string
		for _, q := range set.Questions {
			items = append(items, itemAnswers(q))
		}
		for _, h := range quality.Answerable(doc) {
			if quality.Matches(flatten(items), h.Answers) {
				continue
			}
			a := quality.NewAnswers(quality.FactAnswers(h))
			seen := map[string]bool{}
			for _, r := range rejs {
				if r.c.key == "" || seen[r.check] || !a.Match([]string{r.c.key}) {
					continue
				}
				seen[r.check] = true
				counts[r.check]++
				if show == "all" || len(examples[r.check]) < 5 {
					examples[r.check] = append(examples[r.check], fmt.Sprintf("%s [%s] %s <- %s", r.c.q.Kind, r.c.key, r.c.q.Stem, h.Question))
				}
			}
			if len(seen) > 0 {
				lost++
			}
		}
	}
	checks := make([]string, 0, len(counts))
	for c := range counts {
		checks = append(checks, c)
	}
	sort.Slice(checks, func(i, j int) bool { return counts[checks[i]] > counts[checks[j]] })
	var b strings.Builder
	fmt.Fprintf(&b, "%d human questions the set misses have an item for their answer that a check turned away:\n", lost)
	for _, c := range checks {
		fmt.Fprintf(&b, "%s %d\n\t%s\n", c, counts[c], strings.Join(examples[c], "\n\t"))
	}
	t.Log(b.String())
}

// flatten joins the answers of all items into one list.
func flatten(items [][]string) []string {
	var out []string
	for _, it := range items {
		out = append(out, it...)
	}
	return out
}
