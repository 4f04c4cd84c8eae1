package quiz

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"factdrill/questions"
)

// ItemAnswer is one answer to one question of a set in one attempt, as item
// analysis reads it.
type ItemAnswer struct {
	// Question is the question's index in the set.
	Question int
	Answered bool
	Answer   Answer
	// Fraction is the share of the mark earned (see Grade).
	Fraction float64
}

// MinItemResponses is the number of attempts a question needs before item
// analysis flags it: below it, a share or a correlation says more about
// chance than about the question.
const MinItemResponses = 5

// Thresholds for the notes on difficulty.
const (
	HardFacility = 0.3
	EasyFacility = 0.95
)

// Flag is something item analysis found wrong, or worth a look, in a
// question.
type Flag string

// The flags. FlagNegative and FlagDistractor mark a question that misleads:
// students who do well on the rest of the quiz do worse on it, or a wrong
// option draws more students than the right one.
const (
	FlagNegative   Flag = "negative discrimination"
	FlagDistractor Flag = "a distractor chosen more than the key"
	FlagHard       Flag = "very hard"
	FlagEasy       Flag = "very easy"
)

// OptionCount is how often one option (or one typed answer) was chosen.
type OptionCount struct {
	Text  string
	Key   bool // a right option (positive weight), or a right answer
	Count int
}

// ItemStats is item analysis of one question.
type ItemStats struct {
	// Question is the question's index in the set.
	Question int
	Kind     questions.Kind
	// Generated is true for a question made from a document.
	Generated bool
	// N is the number of attempts that asked the question; Answered those
	// that answered it.
	N, Answered int
	// Facility is the mean share of the mark earned, unanswered counting
	// 0: the share answering right.
	Facility float64
	// Discrimination is the corrected item-total correlation: the Pearson
	// correlation between the question's mark and the mean mark of the
	// other graded questions of the same attempt. It is NaN when it cannot
	// be computed (fewer than 3 attempts, or no spread in either).
	Discrimination float64
	// Options counts each option of a multiple-choice or true/false
	// question, in their order; for typed answers, the most common
	// answers, most chosen first. Blank counts the attempts that gave no
	// answer.
	Options []OptionCount
	Blank   int
	Flags   []Flag
}

// Misleads reports whether the question is flagged as misleading.
func (s ItemStats) Misleads() bool {
	return slices.Contains(s.Flags, FlagNegative) || slices.Contains(s.Flags, FlagDistractor)
}

// maxTypedAnswers bounds the typed answers listed for a question.
const maxTypedAnswers = 5

// AnalyzeItems computes item statistics for every graded question of qs
// from the answers of finished attempts, one slice per attempt holding an
// ItemAnswer for each question the attempt asked. Attempts may ask
// different questions (drawn at random); each question is analysed over
// the attempts that asked it. Questions no attempt asked get N 0.
func AnalyzeItems(qs []questions.Question, attempts [][]ItemAnswer) []ItemStats {
	sums := make([]ItemSums, len(qs))
	for _, att := range attempts {
		for _, t := range TallyAttempt(qs, att) {
			sums[t.Question].Add(t, 1)
		}
	}
	return AnalyzeSums(qs, sums)
}

// ItemTally is what one finished attempt's answer to one question adds to
// the question's item analysis.
type ItemTally struct {
	// Question is the question's index in the set.
	Question int
	// Fraction is the mark; Rest the mean mark of the attempt's other
	// graded questions, when it has any (HasRest).
	Fraction, Rest float64
	HasRest        bool
	// Blank is set for no answer. Options are the keys of the options the
	// answer counts toward (see ItemSums.Options); Text is a typed answer
	// as given, Key whether it earned the whole mark.
	Blank   bool
	Options []string
	Text    string
	Key     bool
}

// TallyAttempt is what one finished attempt adds to item analysis: a
// tally for each answer to a graded question of qs.
func TallyAttempt(qs []questions.Question, att []ItemAnswer) []ItemTally {
	var sum float64
	var graded int
	for _, a := range att {
		if a.Question >= 0 && a.Question < len(qs) && qs[a.Question].Kind.Graded() {
			sum += a.Fraction
			graded++
		}
	}
	var out []ItemTally
	for _, a := range att {
		if a.Question < 0 || a.Question >= len(qs) || !qs[a.Question].Kind.Graded() {
			continue
		}
		t := ItemTally{Question: a.Question, Fraction: a.Fraction, HasRest: graded > 1}
		if t.HasRest {
			t.Rest = (sum - a.Fraction) / float64(graded-1)
		}
		if !a.Answered || a.Answer.Empty() {
			t.Blank = true
		} else {
			t.Options, t.Text, t.Key = optionKeys(qs[a.Question], a)
		}
		out = append(out, t)
	}
	return out
}

// optionKeys are the keys of the options answer a counts toward (see
// ItemSums.Options), with a typed answer's text and whether it is right.
func optionKeys(q questions.Question, a ItemAnswer) (keys []string, text string, key bool) {
	switch q.Kind {
	case questions.MultipleChoice:
		for _, c := range a.Answer.Choices {
			if c >= 0 && c < len(q.Choices) {
				keys = append(keys, strconv.Itoa(c))
			}
		}
	case questions.TrueFalse:
		if a.Answer.True != nil {
			keys = []string{strconv.FormatBool(*a.Answer.True)}
		}
	case questions.ShortAnswer, questions.Cloze, questions.Numerical:
		return []string{Normalize(a.Answer.Text)}, strings.TrimSpace(a.Answer.Text), a.Fraction >= 1-1e-9
	}
	return keys, "", false
}

// ItemSums are the sums item analysis of one question is computed from.
// They grow by one tally at a time and shrink the same way, so a store
// can keep them as attempts are finished and marked again, and add those
// of several classes.
type ItemSums struct {
	// N counts the tallies, Blank those without an answer; Facility sums
	// the marks, a negative one counting 0.
	N, Blank int
	Facility float64
	// Pairs counts the tallies with a rest of the quiz (HasRest), and X,
	// Y, XX, YY and XY sum over them the mark x and the rest y, x², y², xy.
	Pairs            int
	X, Y, XX, YY, XY float64
	// Options counts the answers by option: a choice's index ("0", "1"…),
	// "true" or "false", or a typed answer normalised (Normalize), with
	// the typed answer's text as first counted and whether it is right.
	Options map[string]OptionCount
}

// Add adds the tally t (sign 1) or takes it away (sign -1).
func (s *ItemSums) Add(t ItemTally, sign int) {
	f := float64(sign)
	s.N += sign
	s.Facility += f * math.Max(0, t.Fraction)
	if t.HasRest {
		s.Pairs += sign
		s.X += f * t.Fraction
		s.Y += f * t.Rest
		s.XX += f * t.Fraction * t.Fraction
		s.YY += f * t.Rest * t.Rest
		s.XY += f * t.Fraction * t.Rest
	}
	if t.Blank {
		s.Blank += sign
		return
	}
	if s.Options == nil {
		s.Options = map[string]OptionCount{}
	}
	for _, k := range t.Options {
		o, ok := s.Options[k]
		if !ok {
			o = OptionCount{Text: t.Text, Key: t.Key}
		}
		o.Count += sign
		if o.Count == 0 {
			delete(s.Options, k)
		} else {
			s.Options[k] = o
		}
	}
}

// AnalyzeSums computes item statistics for every graded question of qs
// from its sums (sums[i] for qs[i]).
func AnalyzeSums(qs []questions.Question, sums []ItemSums) []ItemStats {
	stats := make([]ItemStats, len(qs))
	for i, q := range qs {
		st := &stats[i]
		*st = ItemStats{Question: i, Kind: q.Kind, Generated: q.Source != nil, Discrimination: math.NaN()}
		var sm ItemSums
		if i < len(sums) {
			sm = sums[i]
		}
		switch q.Kind {
		case questions.MultipleChoice:
			for k, c := range q.Choices {
				st.Options = append(st.Options, OptionCount{Text: c.Text, Key: c.Weight > 0, Count: sm.Options[strconv.Itoa(k)].Count})
			}
		case questions.TrueFalse:
			st.Options = []OptionCount{{Text: "True", Key: q.Truth, Count: sm.Options["true"].Count},
				{Text: "False", Key: !q.Truth, Count: sm.Options["false"].Count}}
		case questions.ShortAnswer, questions.Cloze, questions.Numerical:
			for _, c := range sm.Options {
				st.Options = append(st.Options, c)
			}
			slices.SortFunc(st.Options, func(a, b OptionCount) int {
				return cmp.Or(cmp.Compare(b.Count, a.Count), compareBool(b.Key, a.Key), strings.Compare(a.Text, b.Text))
			})
			st.Options = st.Options[:min(len(st.Options), maxTypedAnswers)]
		}
		if !q.Kind.Graded() {
			continue
		}
		st.N, st.Blank, st.Answered = sm.N, sm.Blank, sm.N-sm.Blank
		if sm.N > 0 {
			st.Facility = sm.Facility / float64(sm.N)
		}
		if sm.Pairs >= 3 {
			st.Discrimination = pearsonOfSums(sm)
		}
		st.Flags = flags(q, *st)
	}
	return stats
}

func flags(q questions.Question, st ItemStats) []Flag {
	if st.N < MinItemResponses {
		return nil
	}
	var fs []Flag
	if !math.IsNaN(st.Discrimination) && st.Discrimination < 0 {
		fs = append(fs, FlagNegative)
	}
	if (q.Kind == questions.MultipleChoice && !q.Multiple) || q.Kind == questions.TrueFalse {
		key, distractor := 0, 0
		for _, o := range st.Options {
			if o.Key {
				key = max(key, o.Count)
			} else {
				distractor = max(distractor, o.Count)
			}
		}
		if distractor > key {
			fs = append(fs, FlagDistractor)
		}
	}
	switch {
	case st.Facility < HardFacility:
		fs = append(fs, FlagHard)
	case st.Facility > EasyFacility:
		fs = append(fs, FlagEasy)
	}
	return fs
}

// pearsonOfSums is the correlation of x and y from their sums, NaN when
// either has no spread. The sums of squares about the mean are taken
// from the raw sums (Σx² - (Σx)²/n), which loses a few digits on large n
// and can go a hair below 0: the spread test allows for both.
func pearsonOfSums(s ItemSums) float64 {
	n := float64(s.Pairs)
	sxx := s.XX - s.X*s.X/n
	syy := s.YY - s.Y*s.Y/n
	sxy := s.XY - s.X*s.Y/n
	if sxx < 1e-9 || syy < 1e-9 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
