package quiz

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdrill/questions"
)

// Typed answers are compared fairly: beyond case, accents and punctuation
// (Normalize), an answer matches an accepted answer that says the same
// thing in another form:
//
//   - the same date in another order or month form ("30 Dec 1920",
//     "December 30, 1920", "1920-12-30", "30/12/1920");
//   - the same number, in digits or in English words ("21", "twenty-one",
//     "21.0");
//   - the same name in another romanisation of Russian (TranslitFold:
//     Riazanov and Ryazanov, Kiselyov and Kiselev), unless the question
//     is case-sensitive, where the exact form is the point;
//   - with the set's spelling tolerance, a few letters off (SpellingSlip),
//     never for numbers or answers of 4 letters or less.

// Rules are a set's grading rules beyond each question's own.
type Rules struct {
	// Spelling is the share of an accepted answer's letters, in percent,
	// that a typed answer may have wrong (edit distance) and still match;
	// 0 asks for the exact spelling.
	Spelling int
}

// MaxSpelling is the largest spelling tolerance a set may have.
const MaxSpelling = 50

// equivalent reports whether the answer given says what the accepted
// answer says, in another form; slip is true when it matched only
// through a spelling slip the rules allow. Dates and numbers are read
// from the texts as typed; names are compared normalised (normalize).
func equivalent(given, accepted string, caseSensitive bool, r Rules) (ok, slip bool) {
	if strings.TrimSpace(given) == "" || strings.TrimSpace(accepted) == "" || strings.Contains(accepted, "*") {
		return false, false
	}
	if sameDate(given, accepted) || sameNumber(given, accepted) {
		return true, false
	}
	if caseSensitive {
		return false, false
	}
	g, a := TranslitFold(Normalize(given)), TranslitFold(Normalize(accepted))
	if g == a {
		return true, false
	}
	return SpellingSlip(g, a, r.Spelling), true
}

// sameNumber reports whether two texts are both numbers (in digits or
// words) that may be equal: a reading of one is a reading of the other.
func sameNumber(a, b string) bool {
	for _, x := range numberReadings(a) {
		for _, y := range numberReadings(b) {
			if math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(y)) {
				return true
			}
		}
	}
	return false
}

// SpellingSlip reports whether the answer given is within tolerance
// percent of the accepted answer's length in edit distance (counted in
// letters). Answers of 4 letters or less, and any holding a digit, must
// be exact.
func SpellingSlip(given, accepted string, tolerance int) bool {
	n := utf8.RuneCountInString(accepted)
	if tolerance <= 0 || n <= 4 || strings.IndexFunc(given+accepted, unicode.IsDigit) >= 0 {
		return false
	}
	return editDistance(given, accepted)*100 <= tolerance*n
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// TranslitFold rewrites normalised text so that the common romanisations
// of a Russian name read alike: yo as e (Kiselyov, Kiselev; Gorbachyov),
// ya and yu as ia and iu (Ryazanov, Riazanov), ye as e at the start of a
// word or after a vowel (Yeltsin, Eltsin; Dostoyevsky), x as ks
// (Alexandr, Aleksandr), tch as ch (Tchaikovsky), tz as ts, a final iy,
// yy, ij or y as i (Yuriy, Yurii, Yuri; Tolstoy), and ii as i. It leaves
// other text alone: Lyon and Lion stay apart.
func TranslitFold(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = foldWord(w)
	}
	return strings.Join(words, " ")
}

func foldWord(w string) string {
	if strings.IndexFunc(w, func(r rune) bool { return r > unicode.MaxASCII }) >= 0 {
		return w
	}
	var b strings.Builder
	vowel := func(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		switch {
		case c == 'y' && next == 'o':
			b.WriteByte('e')
			i++
		case c == 'y' && (next == 'a' || next == 'u'):
			b.WriteByte('i')
		case c == 'y' && next == 'e' && (i == 0 || vowel(w[i-1])):
			// "ye" read as "e": the e is written next.
		case c == 'x':
			b.WriteString("ks")
		case c == 't' && next == 'c' && i+2 < len(w) && w[i+2] == 'h':
			// "tch" read as "ch".
		case c == 't' && next == 'z':
			b.WriteString("ts")
			i++
		default:
			b.WriteByte(c)
		}
	}
	out := b.String()
	for _, end := range []string{"iy", "yy", "ij"} {
		if strings.HasSuffix(out, end) && len(out) > len(end)+1 {
			out = out[:len(out)-len(end)] + "i"
		}
	}
	if strings.HasSuffix(out, "y") && len(out) > 2 && !vowel(out[len(out)-2]) {
		out = out[:len(out)-1] + "i"
	}
	return strings.ReplaceAll(out, "ii", "i")
}

// WordsNumber reads a whole number written in English words: "seven",
// "twenty-one", "one hundred and five", "two thousand three hundred",
// "a million". Text that is not one number in words gives false.
func WordsNumber(s string) (float64, bool) {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == ',' })
	if len(words) == 1 && words[0] == "zero" {
		return 0, true
	}
	// last is the kind of the word before: what may follow it.
	const (
		start = iota
		unit
		teen
		tens
		hundred
		scale
		and
	)
	var total, group, lastScale float64
	last := start
	for i, w := range words {
		v, small := smallNumbers[w]
		switch {
		case w == "a" && i == 0 && len(words) > 1:
			group, last = 1, unit
		case w == "and" && (last == hundred || last == scale) && i < len(words)-1:
			last = and
		case small && v >= 1 && v < 10 && (last == start || last == tens || last == hundred || last == scale || last == and):
			group += v
			last = unit
		case small && v >= 10 && v < 20 && (last == start || last == hundred || last == scale || last == and):
			group += v
			last = teen
		case small && v >= 20 && (last == start || last == hundred || last == scale || last == and):
			group += v
			last = tens
		case w == "hundred" && last == unit && group < 10:
			group *= 100
			last = hundred
		case scales[w] > 0 && (last == unit || last == teen || last == tens || last == hundred) && (lastScale == 0 || scales[w] < lastScale):
			total += group * scales[w]
			group, lastScale, last = 0, scales[w], scale
		default:
			return 0, false
		}
	}
	if last == start || last == and {
		return 0, false
	}
	return total + group, true
}

var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9}

var smallNumbers = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// date is a calendar date; day 0 is a month and year.
type date struct{ y, m, d int }

// sameDate reports whether two texts are dates and may be the same one: a
// numeric date whose day and month could be either way round matches
// either reading.
func sameDate(a, b string) bool {
	da, db := parseDate(a), parseDate(b)
	for _, x := range da {
		for _, y := range db {
			if x == y {
				return true
			}
		}
	}
	return false
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12, "sept": 9,
}

// monthOf reads a month's name, whole or cut to three letters or more.
func monthOf(w string) int {
	if m, ok := months[w]; ok {
		return m
	}
	if len(w) < 3 {
		return 0
	}
	for name, m := range months {
		if strings.HasPrefix(name, w) {
			return m
		}
	}
	return 0
}

// parseDate reads a date in a common form: day, month and year in any
// order with the month in words ("30 Dec 1920", "December 30th, 1920",
// "1920 December 30"), a month and year ("December 1920"), or numbers
// (1920-12-30, 30/12/1920, 30.12.1920, 12/30/1920: when day and month
// could be either way round, both readings). It returns the readings, none
// for text that is no date. The text is normalised (Normalize), so its
// separators are spaces.
func parseDate(s string) []date {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",./-", r) })
	if len(words) == 3 && allDigits(words) {
		return numericDate(words)
	}
	var (
		d    date
		nums []int
	)
	for _, w := range words {
		if w == "of" || w == "the" {
			continue
		}
		if m := monthOf(w); m != 0 && d.m == 0 {
			d.m = m
			continue
		}
		n, err := strconv.Atoi(strings.TrimRight(w, "stndrh"))
		if err != nil || n <= 0 || (w != strconv.Itoa(n) && !ordinal(w, n)) {
			return nil
		}
		nums = append(nums, n)
	}
	if d.m == 0 {
		return nil
	}
	switch len(nums) {
	case 1:
		d.y = nums[0]
	case 2:
		d.d, d.y = nums[0], nums[1]
		if nums[0] > 31 {
			d.d, d.y = nums[1], nums[0]
		}
		if d.d < 1 || d.d > daysIn(d.m, d.y) {
			return nil
		}
	default:
		return nil
	}
	if d.y < 100 {
		return nil
	}
	return []date{d}
}

func ordinal(w string, n int) bool {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return w == strconv.Itoa(n)+suffix
}

func allDigits(words []string) bool {
	for _, w := range words {
		if w == "" || strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			return false
		}
	}
	return true
}

// numericDate reads three numbers as a date: year first (1920 12 30), or
// year last with day and month either way round.
func numericDate(w []string) []date {
	n := make([]int, 3)
	for i := range w {
		n[i], _ = strconv.Atoi(w[i])
	}
	var out []date
	add := func(y, m, d int) {
		if y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(m, y) {
			out = append(out, date{y, m, d})
		}
	}
	if len(w[0]) == 4 {
		add(n[0], n[1], n[2])
		return out
	}
	if len(w[2]) == 4 {
		add(n[2], n[1], n[0])
		if n[0] != n[1] {
			add(n[2], n[0], n[1])
		}
	}
	return out
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// NumberProblem says why a numerical answer as typed is not a number, for
// the learner to correct before anything is saved; "" when it reads as one
// (in digits, or in words), with or without one of the question's units,
// or when it is empty.
func NumberProblem(q questions.Question, text string) string {
	text = strings.TrimSpace(text)
	if text == "" || q.Kind != questions.Numerical {
		return ""
	}
	if len(NumberReadings(text)) > 0 {
		return ""
	}
	if _, ok := WordsNumber(text); ok {
		return ""
	}
	if len(q.Units) > 0 {
		if r, _ := unitReadings(q, text); len(r) > 0 {
			return ""
		}
		var names []string
		for _, u := range q.Units {
			names = append(names, u.Name)
		}
		return fmt.Sprintf("“%s” is not a number. Type a number such as 1822 or 3.14, with one of the units %s if you like.", text, strings.Join(names, ", "))
	}
	return fmt.Sprintf("“%s” is not a number. Type a number such as 1822 or 3.14.", text)
}
