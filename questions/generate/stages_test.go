package generate

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"factdrill/questions"
	"factdrill/questions/generate/quality"
)

// TestTuneStages tells, on the tuning half only, where the answerable
// human questions are lost on the way from the text to the set at the
// budget: answer in the cleaned text, found as a mention, offered by a
// clause as an askable fact, written as a candidate, passing the checks,
// selected. It runs when QUALITY_STAGES is set; QUALITY_STAGES=STAGE
// logs the questions lost at that stage (text, mention, fact, candidate,
// check, select).
func TestTuneStages(t *testing.T) {
	show := os.Getenv("QUALITY_STAGES")
	if show == "" {
		t.Skip("set QUALITY_STAGES=1 to count where answers people asked about are lost (tuning half)")
	}
	docs := quality.Split(loadDevSet(t), quality.Tuning)
	stages := []string{"text", "mention", "fact", "candidate", "check", "select"}
	reached := map[string]int{}
	total := 0
	var lost []string
	var shortN [3]int
	var shortEx []string
	var fill [5]int // readable sentences, with a checked item, with a picked item; items picked; budget
	lostAt := map[string]int{}
	shortRej := map[string]int{}
	defer func() { debugLint, debugSentence = nil, nil }()
	debugLint = func(c *candidate, check string) {
		if c.short {
			shortRej[check]++
		}
	}
	all := map[questions.Kind]bool{}
	for _, k := range GeneratedKinds {
		all[k] = true
	}
	for _, doc := range docs {
		ctx := context.Background()
		d := analyzed(t, doc.Text)
		normText := " " + quality.NormalizeAnswer(d.text) + " "
		var ments, facts, cands, passed []string
		for _, s := range d.sents {
			for _, m := range s.ments {
				ments = append(ments, m.text)
			}
			for _, c := range s.clauses {
				for k, m := range c.ments {
					ments = append(ments, m.text)
					if (c.ok || c.flat) && d.askable(c, k) {
						facts = append(facts, m.text)
					}
				}
			}
		}
		// The pipeline itself, as Generate runs it at the budget, watched
		// sentence by sentence.
		debugSentence = func(written, kept []*candidate) {
			for _, c := range written {
				if c.short {
					shortN[0]++
				}
				if c.key != "" {
					cands = append(cands, c.key)
				}
			}
			for _, c := range kept {
				if c.short {
					shortN[1]++
					if len(shortEx) < 40 && show == "short" {
						shortEx = append(shortEx, c.q.Stem+" ["+c.key+"]")
					}
				}
				passed = append(passed, itemAnswers(c.q)...)
			}
		}
		rep := &Report{Rejected: map[string]int{}}
		ok, picked, err := d.pick(ctx, all, GeneratedKinds, doc.Budget(), false, rep, nil)
		if err != nil {
			t.Fatal(err)
		}
		var sel []string
		bySent := map[int][]*candidate{}
		for _, c := range picked {
			if c.short {
				shortN[2]++
			}
			sel = append(sel, itemAnswers(c.q)...)
			bySent[c.sent.idx] = append(bySent[c.sent.idx], c)
		}
		// How the set fills: a sentence mostly gives one item, since a
		// second one's stem would show the first one's answer.
		withOK := map[int]bool{}
		for _, c := range ok {
			withOK[c.sent.idx] = true
		}
		for _, st := range d.sents {
			if !st.heading && !st.long {
				fill[0]++
			}
		}
		fill[1] += len(withOK)
		fill[2] += len(bySent)
		fill[3] += len(picked)
		fill[4] += doc.Budget()
		asked := func(c *candidate) bool {
			for _, h := range quality.Answerable(doc) {
				if quality.NewAnswers(quality.FactAnswers(h)).Match(itemAnswers(c.q)) {
					return true
				}
			}
			return false
		}
		for _, h := range quality.Answerable(doc) {
			total++
			a := quality.NewAnswers(quality.FactAnswers(h))
			in := false
			for _, x := range quality.FactAnswers(h) {
				if n := quality.NormalizeAnswer(x); n != "" && strings.Contains(normText, " "+n+" ") {
					in = true
				}
			}
			got := []bool{in, a.Match(ments), a.Match(facts), a.Match(cands), a.Match(passed), a.Match(sel)}
			if got[4] && !got[5] {
				// Lost at selection: to an item of the same sentence that
				// the human question's item would give away, or the other
				// way round?
				why := "other"
			find:
				for _, c := range ok {
					if c.key == "" || !a.Match(itemAnswers(c.q)) {
						continue
					}
					for _, p := range bySent[c.sent.idx] {
						if conflicts(c, []*candidate{p}) {
							why = "conflict, the picked item's answer not asked"
							if asked(p) {
								why = "conflict, the picked item's answer asked too"
							}
							break find
						}
					}
				}
				lostAt[why]++
			}
			for i, g := range got {
				if !g {
					if show == stages[i] {
						lost = append(lost, fmt.Sprintf("%s: %s -> %s", doc.ID, h.Question, strings.Join(quality.FactAnswers(h), " | ")))
						if show == "select" {
							for _, c := range ok {
								if c.key == "" || !a.Match(itemAnswers(c.q)) {
									continue
								}
								for _, p := range bySent[c.sent.idx] {
									if conflicts(c, []*candidate{p}) {
										// The kinds, whether each stem shows the other's answer,
										// the answers' types and whether people asked the picked one.
										lost = append(lost, fmt.Sprintf("\t%s %v%v %s %s [%s]\n\t  vs %s %s %s [%s] asked=%v", c.q.Kind, reveals(c, p), reveals(p, c), c.typ, c.q.Stem, c.key, p.q.Kind, p.typ, p.q.Stem, p.key, asked(p)))
									}
								}
								break
							}
						}
					}
					break
				}
				reached[stages[i]]++
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d answerable questions\n", total)
	for _, s := range stages {
		fmt.Fprintf(&b, "%-10s %d\n", s, reached[s])
	}
	fmt.Fprintf(&b, "sentences: %d readable, %d with an item that passed the checks, %d with a picked item; %d items picked of a budget of %d\n",
		fill[0], fill[1], fill[2], fill[3], fill[4])
	fmt.Fprintf(&b, "lost at selection: %v\n", lostAt)
	fmt.Fprintf(&b, "short stems: %d written, %d pass, %d picked; rejected %v\n%s\n", shortN[0], shortN[1], shortN[2], shortRej, strings.Join(shortEx, "\n"))
	sort.Strings(lost)
	b.WriteString(strings.Join(lost, "\n"))
	t.Log(b.String())
}
