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
// is not given (key.csv), and the judge's ratings (ratings.csv) of the
// current round; each earlier round keeps its three files in a folder of
// its own (round1/).
const judgingDir = "testdata/judging"

// A judgingRound is one blind judgement: its folder and its name in
// QUALITY.md.
type judgingRound struct {
	name, dir string
}

// judgingRounds are the judgements QUALITY.md reports side by side, the
// first first. Round 1 judged the first generator on 26 documents of the
// report half; round 2 judges the generator as it now is on documents
// of the report half that round 1 did not use.
var judgingRounds = []judgingRound{
	{"round 1", filepath.Join(judgingDir, "round1")},
	{"round 2", judgingDir},
}

// Judging sizes of the current round: documents of the report half,
// human questions from each, and the kinds drawn from each document's
// set, in order, so that every kind is judged often enough to be
// measured (short answers and true/false statements are fewer in a set
// than they are here).
const (
	judgedDocs   = 24
	humansPerDoc = 2
	judgingSalt  = "factdrill-judging-2"
)

var judgedKinds = []questions.Kind{questions.MultipleChoice, questions.Cloze, questions.ShortAnswer, questions.TrueFalse,
	questions.MultipleChoice, questions.Cloze, questions.ShortAnswer}

// TestJudgingSheet writes, with -judging.write, the sheet for a blind
// judgement: items the generator writes (with default options, as a
// teacher gets them) from documents of the report half that no earlier
// round judged (by id or by title: the CMU set has some articles twice)
// and with three questions people wrote or more, mixed with questions
// people wrote about the same documents, shuffled
// under opaque ids, each with its passage; and, apart, the key.
func TestJudgingSheet(t *testing.T) {
	if !*writeJudging {
		t.Skip("run with -judging.write to write the judging sheet")
	}
	all := loadDevSet(t)
	judged := judgedBefore(t, all)
	var chosen []quality.Document
	for _, d := range quality.Split(all, quality.Reporting) {
		if judged[d.ID] || judged["title:"+strings.ToLower(d.Title)] || len(quality.Answerable(d)) < 3 {
			continue
		}
		judged["title:"+strings.ToLower(d.Title)] = true // one version of an article
		chosen = append(chosen, d)
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
		entries = append(entries, humanForJudging(d, text)...)
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

// judgedBefore returns the ids of the documents earlier rounds judged,
// and their titles (as "title:" and the title in lower case).
func judgedBefore(t *testing.T, all []quality.Document) map[string]bool {
	t.Helper()
	titles := map[string]string{}
	for _, d := range all {
		titles[d.ID] = d.Title
	}
	out := map[string]bool{}
	for _, r := range judgingRounds[:len(judgingRounds)-1] {
		f, err := os.Open(filepath.Join(r.dir, "key.csv"))
		if err != nil {
			t.Fatal(err)
		}
		key, err := quality.ReadKey(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range key {
			out[k.Doc] = true
			if title, ok := titles[k.Doc]; ok {
				out["title:"+strings.ToLower(title)] = true
			}
		}
	}
	return out
}

// pickForJudging draws items from a set, kinds in the order of
// judgedKinds, the i-th draw of a kind taken a fraction of the way down
// the document.
func pickForJudging(qs []questions.Question) []questions.Question {
	byKind := map[questions.Kind][]questions.Question{}
	for _, q := range qs {
		byKind[q.Kind] = append(byKind[q.Kind], q)
	}
	draws := map[questions.Kind]int{}
	for _, k := range judgedKinds {
		draws[k]++
	}
	used := map[questions.Kind]int{}
	var out []questions.Question
	for _, k := range judgedKinds {
		list := byKind[k]
		i, n := used[k], draws[k]
		used[k]++
		if at := (2*i + 1) * len(list) / (2 * n); at < len(list) {
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

// TestJudgement merges each round's ratings with its key and reports
// acceptability by kind and by rubric point. It skips until a judge has
// rated some round.
func TestJudgement(t *testing.T) {
	tallies := readJudgements(t)
	if len(tallies) == 0 {
		t.Skip("no ratings yet")
	}
	var b strings.Builder
	if err := quality.WriteRounds(&b, kindNames(), tallies); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	for _, r := range tallies {
		if len(r.Tally.Unknown) > 0 {
			t.Errorf("%s: ratings for ids the key does not hold: %v", r.Name, r.Tally.Unknown)
		}
	}
}

// readJudgements reads the key of every round, and its ratings where a
// judge wrote them.
func readJudgements(t *testing.T) []quality.Round {
	t.Helper()
	var out []quality.Round
	for _, r := range judgingRounds {
		kf, err := os.Open(filepath.Join(r.dir, "key.csv"))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		key, err := quality.ReadKey(kf)
		kf.Close()
		if err != nil {
			t.Fatal(err)
		}
		round := quality.Round{Name: r.name, Key: key}
		rf, err := os.Open(filepath.Join(r.dir, "ratings.csv"))
		switch {
		case os.IsNotExist(err):
		case err != nil:
			t.Fatal(err)
		default:
			ratings, err := quality.ReadRatings(rf)
			rf.Close()
			if err != nil {
				t.Fatalf("%s: %v", r.name, err)
			}
			round.Rated = true
			round.Tally = quality.Count(key, ratings)
		}
		out = append(out, round)
	}
	return out
}

// kindNames are the generated kinds as the reports name them.
func kindNames() []string {
	var out []string
	for _, k := range GeneratedKinds {
		out = append(out, string(k))
	}
	return out
}
