package generate

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
	"factdrill/questions/generate/quality"
)

var writeJudging = flag.Bool("judging.write", false, "write the current round's blind-judging sheet and its key from the report half into its folder under testdata/judging")

var tuneSheet = flag.String("judging.tune", "", "write a blind-judging sheet of the tuning half into this folder (outside the repository): items.md for a judge, key.csv apart")

var tuneOther = flag.Bool("judging.other", false, "with -judging.tune, take the tuning half's other documents: those earlier tuning sheets left out")

// judgingDir holds a folder for each blind judgement (round1/, round2/,
// ...), each with the sheet a judge rates (items.md), the key the judge is
// not given (key.csv), and, once rated, the judge's verdicts
// (ratings.csv).
const judgingDir = "testdata/judging"

// A judgingRound is one blind judgement: its name in QUALITY.md, its
// folder, the salt its sheet was shuffled with, and how many questions
// people wrote it takes from each document, at most.
type judgingRound struct {
	name, dir, salt string
	humans          int
	// rejudges, when set, are the folders of earlier rounds whose
	// documents this round takes again, with the generator as it now is
	// and a judge who did not rate them before: all of the first
	// folder's, then the second's in the report half's order until the
	// round has judgedDocs documents.
	rejudges []string
	// leaves, when set, are the folders of earlier rounds whose documents
	// this round leaves out of rejudges' later folders, and most, when
	// set, replaces judgedDocs as the most documents it takes.
	leaves []string
	most   int
}

// judgingRounds are the judgements QUALITY.md reports side by side, the
// first first; the last is the current one, whose sheet TestJudgingSheet
// writes. Round 1 judged the first generator on 26 documents of the
// report half; round 2 the second on 24 others; round 3 the generator as
// it now is on the documents of the report half neither used.
var judgingRounds = []judgingRound{
	{"round 1", filepath.Join(judgingDir, "round1"), "factdrill-judging-1", 2, nil, nil, 0},
	{"round 2", filepath.Join(judgingDir, "round2"), "factdrill-judging-2", 2, nil, nil, 0},
	// Round 3's documents have fewer questions people wrote (six none):
	// more from each keeps the people's share of the sheet near round
	// 2's, so that the generated items do not stand out by number.
	{"round 3", filepath.Join(judgingDir, "round3"), "factdrill-judging-3", 4, nil, nil, 0},
	// Rounds 1 to 3 used all 64 documents of the report half, and the
	// rest of the sources is sealed: round 4 takes round 1's documents
	// again, the ones judged longest ago and with the first generator,
	// rated by a judge who saw none of the earlier sheets.
	{"round 4", filepath.Join(judgingDir, "round4"), "factdrill-judging-4", 2, []string{filepath.Join(judgingDir, "round1")}, nil, 0},
	// Round 5 takes round 2's documents again, for the same reason: the
	// generator after the last pass, rated by a judge who saw none of the
	// earlier sheets.
	{"round 5", filepath.Join(judgingDir, "round5"), "factdrill-judging-5", 2, []string{filepath.Join(judgingDir, "round2")}, nil, 0},
	// Round 6 takes round 3's documents, which only round 3 judged, and
	// round 1's first ones in the report half's order until it has
	// judgedDocs: the generator after this session's passes, rated by a
	// judge who saw none of the earlier sheets. Three questions people
	// wrote from each, as round 3's have fewer.
	{"round 6", filepath.Join(judgingDir, "round6"), "factdrill-judging-6", 3,
		[]string{filepath.Join(judgingDir, "round3"), filepath.Join(judgingDir, "round1")}, nil, 0},
	// Round 7 takes round 2's documents, judged last in round 5, and the
	// 15 of round 1's that round 6 left, judged last in round 4: the
	// generator after the seventh session's passes, on 39 documents so
	// that one round measures more items, rated by two judges apart, each
	// of whom saw none of the earlier sheets.
	{"round 7", filepath.Join(judgingDir, "round7"), "factdrill-judging-7", 2,
		[]string{filepath.Join(judgingDir, "round2"), filepath.Join(judgingDir, "round1")},
		[]string{filepath.Join(judgingDir, "round6")}, 40},
	// Round 8 takes every document of the report half rounds 6 and 7
	// judged (round 7's, then round 6's, one version of an article: 56
	// documents): the generator after two more passes tuned on fresh
	// judgements of the tuning half, rated by two new judges apart.
	{"round 8", filepath.Join(judgingDir, "round8"), "factdrill-judging-8", 2,
		[]string{filepath.Join(judgingDir, "round7"), filepath.Join(judgingDir, "round6")}, nil, 64},
	// Round 9 takes round 8's documents again: the generator after the
	// eighth session's passes (lead-ins, concepts named once, cut stems
	// that leave another answer out), rated by two new judges apart.
	{"round 9", filepath.Join(judgingDir, "round9"), "factdrill-judging-9", 2,
		[]string{filepath.Join(judgingDir, "round8")}, nil, 64},
}

// currentRound is the judgement whose sheet is written now.
func currentRound() judgingRound { return judgingRounds[len(judgingRounds)-1] }

// judgedDocs is the most documents of the report half a round takes;
// judgedKinds are the kinds drawn from each document's set, in order, so
// that every kind is judged often enough to be measured (short answers
// and true/false statements are fewer in a set than they are here).
const judgedDocs = 24 // rounds 1 to 3; a round that rejudges takes its round's documents

var judgedKinds = []questions.Kind{questions.MultipleChoice, questions.Cloze, questions.ShortAnswer, questions.TrueFalse,
	questions.MultipleChoice, questions.Cloze, questions.ShortAnswer}

// TestJudgingSheet writes, with -judging.write, the sheet for a blind
// judgement: items the generator writes (with default options, as a
// teacher gets them) from the documents of the report half that no
// earlier round judged, one version of an article (the CMU set has some
// articles twice), mixed with questions people wrote about the same
// documents where they wrote any, shuffled under opaque ids, each with its
// passage; and, apart, the key.
//
// Rounds 1 and 2 took only documents with three human questions or more
// and none whose title an earlier round had judged; they used 50 of the
// report half's 64 documents, so round 3 takes the 14 left by id: the
// other CMU versions of judged articles among them are judged anew, with
// the generator as it now is. A round that rejudges an earlier round's
// documents takes all of them instead.
func TestJudgingSheet(t *testing.T) {
	if !*writeJudging {
		t.Skip("run with -judging.write to write the judging sheet")
	}
	all := loadDevSet(t)
	cur := currentRound()
	judged := judgedBefore(t)
	report := quality.Split(all, quality.Reporting)
	inRound := map[string]bool{}
	var chosen []quality.Document
	take := func(ok func(d quality.Document) bool, most int) {
		for _, d := range report {
			title := strings.ToLower(d.Title)
			if len(chosen) == most || !ok(d) || inRound[title] {
				continue
			}
			inRound[title] = true // one version of an article
			chosen = append(chosen, d)
		}
	}
	if len(cur.rejudges) == 0 {
		take(func(d quality.Document) bool { return !judged[d.ID] }, judgedDocs)
	}
	left := map[string]bool{}
	for _, dir := range cur.leaves {
		for id := range docsOf(t, dir) {
			left[id] = true
		}
	}
	for i, dir := range cur.rejudges {
		again := docsOf(t, dir)
		most := -1 // all of the first folder's
		if i > 0 {
			most = judgedDocs
			if cur.most > 0 {
				most = cur.most
			}
		}
		take(func(d quality.Document) bool { return again[d.ID] && (i == 0 || !left[d.ID]) }, most)
	}
	var entries []quality.Entry
	for _, d := range chosen {
		entries = append(entries, sheetEntries(t, d, cur.humans)...)
	}
	quality.Shuffle(entries, cur.salt)
	writeSheet(t, cur.dir, entries)
	gen := 0
	for _, e := range entries {
		if e.Generated {
			gen++
		}
	}
	t.Logf("%d documents, %d generated items, %d human questions", len(chosen), gen, len(entries)-gen)
}

// TestTuneSheet writes, with -judging.tune DIR, a sheet like
// TestJudgingSheet's from the tuning half: every other document with three
// human questions or more, one version of an article, two of their
// questions each (with -judging.other, the documents in between, which
// no earlier tuning sheet had). A judge's ratings of it are for tuning, item by item;
// they are never reported. The key goes beside the sheet: move it away
// before the judge starts.
func TestTuneSheet(t *testing.T) {
	if *tuneSheet == "" {
		t.Skip("run with -judging.tune DIR to write a sheet of the tuning half")
	}
	seen := map[string]bool{}
	var entries []quality.Entry
	docs := 0
	for i, d := range quality.Split(loadDevSet(t), quality.Tuning) {
		title := strings.ToLower(d.Title)
		if i%2 == 1 != *tuneOther || seen[title] || len(quality.Answerable(d)) < 3 || docs == judgedDocs {
			continue
		}
		seen[title] = true
		docs++
		entries = append(entries, sheetEntries(t, d, 2)...)
	}
	quality.Shuffle(entries, "factdrill-tuning-"+filepath.Base(*tuneSheet))
	writeSheet(t, *tuneSheet, entries)
	t.Logf("%d documents, %d entries", docs, len(entries))
}

// sheetEntries are a document's lines of a judging sheet: the items its
// default set offers for judging, each with its paragraph, and up to
// humans questions people wrote about it.
func sheetEntries(t *testing.T, d quality.Document, humans int) []quality.Entry {
	t.Helper()
	set, err := Generate(d.Text, Options{})
	if err != nil && !errors.Is(err, ErrNoQuestions) { // a list of meanings gives none, rightly
		t.Fatalf("%s: %v", d.ID, err)
	}
	text, _ := prose.Sentences(d.Text)
	var out []quality.Entry
	for _, q := range pickForJudging(set.Questions) {
		out = append(out, quality.Entry{Doc: d.ID, Title: d.Title, Context: paragraphAt(text, q.Source.Offset), Item: q, Generated: true})
	}
	return append(out, humanForJudging(d, text, humans)...)
}

// writeSheet writes a judging sheet and its key into dir.
func writeSheet(t *testing.T, dir string, entries []quality.Entry) {
	t.Helper()
	var sheet, key bytes.Buffer
	if err := quality.WriteSheet(&sheet, entries); err != nil {
		t.Fatal(err)
	}
	if err := quality.WriteKey(&key, entries); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"items.md": sheet.Bytes(), "key.csv": key.Bytes()} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// judgedBefore returns the ids of the documents earlier rounds judged.
func judgedBefore(t *testing.T) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, r := range judgingRounds[:len(judgingRounds)-1] {
		for id := range docsOf(t, r.dir) {
			out[id] = true
		}
	}
	return out
}

// docsOf returns the ids of the documents the round in dir judged, read
// from its key.
func docsOf(t *testing.T, dir string) map[string]bool {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "key.csv"))
	if err != nil {
		t.Fatal(err)
	}
	key, err := quality.ReadKey(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, k := range key {
		out[k.Doc] = true
	}
	return out
}

// pickForJudging draws items from a set, kinds in the order of
// judgedKinds, the i-th draw of a kind taken a fraction of the way down
// the document, no item twice.
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
	taken := map[questions.Kind]map[int]bool{}
	var out []questions.Question
	for _, k := range judgedKinds {
		list := byKind[k]
		i, n := used[k], draws[k]
		used[k]++
		if taken[k] == nil {
			taken[k] = map[int]bool{}
		}
		// A kind with fewer items than draws gives each item once: the
		// same item twice on a sheet would be judged, and counted, twice.
		at := (2*i + 1) * len(list) / (2 * n)
		for at < len(list) && taken[k][at] {
			at++
		}
		if at < len(list) {
			taken[k][at] = true
			out = append(out, list[at])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Source.Index < out[j].Source.Index })
	return out
}

// humanForJudging turns up to n questions people asked about a
// document into short-answer items, with the paragraph they were asked
// about (SQuAD's, or the one that holds the answer).
func humanForJudging(d quality.Document, text string, n int) []quality.Entry {
	hs := quality.Answerable(d)
	var out []quality.Entry
	for i := 0; i < len(hs) && len(out) < n; i += max(1, len(hs)/n) {
		h := hs[i]
		ctx := h.Context
		if ctx == "" {
			ctx = askedAbout(text, h)
			if ctx == "" {
				continue
			}
		}
		q := questions.Question{Kind: questions.ShortAnswer, Stem: h.Question}
		for _, a := range h.Answers {
			q.Answers = append(q.Answers, questions.Choice{Text: a, Weight: 100})
		}
		out = append(out, quality.Entry{Doc: d.ID, Title: d.Title, Context: ctx, Item: q})
	}
	return out
}

// askedAbout guesses the paragraph of text a question without one (the
// CMU set's) was asked about: of the paragraphs of a dozen words or more
// that hold one of its answers, the one sharing the most words of four
// letters or more with the question, the first on a tie; "" when no
// paragraph holds an answer. The first paragraph with the answer would
// often be the title alone, which no one can answer from.
func askedAbout(text string, h quality.Human) string {
	asked := map[string]bool{}
	for w := range letterRuns(strings.ToLower(h.Question)) {
		if len(w) >= 4 {
			asked[w] = true
		}
	}
	best, bestShared := "", -1
	for _, para := range strings.Split(text, "\n\n") {
		words := slices.Collect(letterRuns(strings.ToLower(para)))
		has := false
		for _, a := range h.Answers {
			has = has || strings.Contains(para, a)
		}
		if !has || len(words) < 12 {
			continue
		}
		shared, seen := 0, map[string]bool{}
		for _, w := range words {
			if asked[w] && !seen[w] {
				seen[w] = true
				shared++
			}
		}
		if shared > bestShared {
			best, bestShared = para, shared
		}
	}
	return best
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
		out = append(out, readRatings(t, r.name, key, filepath.Join(r.dir, "ratings.csv")))
		// A second judge, rating the same sheet apart, writes
		// ratings-b.csv; the round then has a column for each.
		switch _, err := os.Stat(filepath.Join(r.dir, "ratings-b.csv")); {
		case err == nil:
			out[len(out)-1].Name += ", judge A"
			out = append(out, readRatings(t, r.name+", judge B", key, filepath.Join(r.dir, "ratings-b.csv")))
		case !os.IsNotExist(err):
			t.Fatal(err)
		}
	}
	return out
}

// readRatings tallies a judge's ratings file against a round's key; a
// round not yet rated has no file.
func readRatings(t *testing.T, name string, key []quality.KeyRow, path string) quality.Round {
	t.Helper()
	round := quality.Round{Name: name, Key: key}
	rf, err := os.Open(path)
	switch {
	case os.IsNotExist(err):
	case err != nil:
		t.Fatal(err)
	default:
		ratings, err := quality.ReadRatings(rf)
		rf.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		round.Rated = true
		round.Tally = quality.Count(key, ratings)
	}
	return round
}

// kindNames are the generated kinds as the reports name them.
func kindNames() []string {
	var out []string
	for _, k := range GeneratedKinds {
		out = append(out, string(k))
	}
	return out
}

func TestAskedAbout(t *testing.T) {
	text := "Anders Celsius\n\n" +
		"Anders Celsius was a Swedish astronomer who was born in Uppsala in Sweden in the year 1701 and taught there.\n\n" +
		"Anders Celsius determined the dependence of the boiling of water on atmospheric pressure, in careful experiments of his own.\n\n" +
		"Nothing in this paragraph names the man at all, though it is long enough to count."
	cases := []struct {
		question, answer, want string
	}{
		{"Who determined the dependence of the boiling of water with atmospheric pressure?", "Anders Celsius", "Anders Celsius determined"},
		{"Where was the astronomer born?", "Uppsala", "Anders Celsius was a Swedish"},
		{"Who was the first king?", "Anders Celsius", "Anders Celsius was a Swedish"}, // a tie: the first
		{"What is the capital?", "Stockholm", ""},
	}
	for _, c := range cases {
		got := askedAbout(text, quality.Human{Question: c.question, Answers: []string{c.answer}})
		if !strings.HasPrefix(got, c.want) || c.want == "" && got != "" {
			t.Errorf("askedAbout(%q) = %q, want the paragraph starting %q", c.question, got, c.want)
		}
	}
}
