package quality

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Figures are what a run of the generator over one half of the
// development set measured.
type Figures struct {
	Half       string // "report" or "tuning"
	Documents  int
	Words      int
	Budget     int   // items allowed: one per 40 words of each document
	Generated  Score // the generator's items against the human questions
	Floor      Score // the naive floor's, at the same budget
	Items      int   // items the generator wrote
	Candidates int   // items it considered before its checks
	Kinds      map[string]int
	Rejected   map[string]int // candidates turned away, by check
	// Seconds is the time the generator took over the half, on one core.
	Seconds float64
	// TopicQuestions are the human questions whose answer is the
	// document's topic, which the generator never asks for by design;
	// GeneratedOff and FloorOff score both on the other questions.
	TopicQuestions         int
	GeneratedOff, FloorOff Score
	// FloorSame is the naive floor's with as many items as the generator
	// wrote for each document, not the whole budget: the two compared
	// item for item.
	FloorSame Score
}

// RecallRatio is the generator's recall over the floor's.
func (f Figures) RecallRatio() float64 {
	if f.Floor.Recall() == 0 {
		return 0
	}
	return f.Generated.Recall() / f.Floor.Recall()
}

// ItemsPer100Words is the density of the set.
func (f Figures) ItemsPer100Words() float64 { return 100 * ratio(f.Items, f.Words) }

// KindShare is the share of the items of one kind.
func (f Figures) KindShare(kind string) float64 { return ratio(f.Kinds[kind], f.Items) }

// WriteMarkdown writes the figures as the body of QUALITY.md's measured
// section.
func (f Figures) WriteMarkdown(w io.Writer, kinds []string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents of the %s half, %d words; budget one item per 40 words (%d items).\n\n", f.Documents, f.Half, f.Words, f.Budget)
	fmt.Fprintf(&b, "| measure | generator | naive floor |\n|---|---:|---:|\n")
	fmt.Fprintf(&b, "| answer recall (human questions with a fact for an answer, token F1 >= %.1f) | %d/%d = %.1f%% | %d/%d = %.1f%% |\n",
		MatchF1, f.Generated.Hit, f.Generated.Questions, 100*f.Generated.Recall(), f.Floor.Hit, f.Floor.Questions, 100*f.Floor.Recall())
	fmt.Fprintf(&b, "| answer precision (items whose answer people asked about) | %d/%d = %.1f%% | %d/%d = %.1f%% |\n",
		f.Generated.Precise, f.Generated.Items, 100*f.Generated.Precision(), f.Floor.Precise, f.Floor.Items, 100*f.Floor.Precision())
	fmt.Fprintf(&b, "| items | %d | %d |\n", f.Items, f.Floor.Items)
	fmt.Fprintf(&b, "\nRecall against the floor: **%.2fx** (target 1.3x). Items per 100 words: %.2f.\n\n", f.RecallRatio(), f.ItemsPer100Words())
	if f.FloorSame.Items > 0 {
		fmt.Fprintf(&b, "The generator writes fewer items than the budget: it leaves out what its checks turn away. Given as many items as the generator wrote for each document (%d), the floor answers %d/%d = %.1f%%: item for item, the generator's recall is %.2fx the floor's. The target is measured at the whole budget, above.\n\n",
			f.FloorSame.Items, f.FloorSame.Hit, f.FloorSame.Questions, 100*f.FloorSame.Recall(), ratio(f.Generated.Hit, f.FloorSame.Hit))
	}
	if f.TopicQuestions > 0 {
		fmt.Fprintf(&b, "Of the human questions, %d (%.1f%%) have the document's topic for an answer (Nikola Tesla, in an article on him), which the generator never asks for by design and the floor, which starts with the title, mostly answers. On the other questions, recall is %.1f%% against the floor's %.1f%% (%.2fx).\n\n",
			f.TopicQuestions, 100*ratio(f.TopicQuestions, f.Generated.Questions),
			100*f.GeneratedOff.Recall(), 100*f.FloorOff.Recall(), ratio(f.GeneratedOff.Hit, f.FloorOff.Hit))
	}
	fmt.Fprintf(&b, "Kind mix: ")
	var mix []string
	for _, k := range kinds {
		mix = append(mix, fmt.Sprintf("%s %d (%.0f%%)", strings.ReplaceAll(k, "_", " "), f.Kinds[k], 100*f.KindShare(k)))
	}
	b.WriteString(strings.Join(mix, ", ") + ".\n\n")
	fmt.Fprintf(&b, "Candidates considered: %d. Rejected, by check:\n\n| check | rejected |\n|---|---:|\n", f.Candidates)
	checks := make([]string, 0, len(f.Rejected))
	for c := range f.Rejected {
		checks = append(checks, c)
	}
	sort.Slice(checks, func(i, j int) bool {
		if f.Rejected[checks[i]] != f.Rejected[checks[j]] {
			return f.Rejected[checks[i]] > f.Rejected[checks[j]]
		}
		return checks[i] < checks[j]
	})
	for _, c := range checks {
		fmt.Fprintf(&b, "| %s | %d |\n", c, f.Rejected[c])
	}
	_, err := io.WriteString(w, b.String())
	return err
}
