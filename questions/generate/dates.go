package generate

import (
	"fmt"
	"strconv"
	"strings"

	"factdrill/questions/generate/prose"
)

// dateKind is the form a date is written in; a distractor takes the same
// form as its key, so that the form gives nothing away.
type dateKind uint8

const (
	dYear      dateKind = iota + 1 // "1066", "911"
	dMonthYear                     // "September 1920"
	dFull                          // "December 30, 1920", "5 July 1921"
	dMonthDay                      // "5 July"
	dDecade                        // "the 1050s"
	dCentury                       // "the 10th century", "10th and 11th centuries"
	dPart                          // "the end of 1919", "early 1920"
	dRange                         // "1038–40"
)

// A dateVal is what a date mention says, enough to write a near date of the
// same form.
type dateVal struct {
	kind       dateKind
	year       int
	month, day int
	century    int
	part       string // "the end of", "early": dPart's lead
	inner      dateKind
	dayFirst   bool   // "5 July 1921" rather than "July 5, 1921"
	plural     bool   // "centuries"
	era        string // "BC", "AD", "BCE", "CE" when written; BC years are negative
}

// scanDate reads a date starting at toks[i]. It returns the end of the date
// and whether there was one.
func scanDate(toks []prose.Token, i int) (int, dateVal, bool) {
	n := len(toks)
	at := func(k int) string {
		if k < n {
			return toks[k].Lower
		}
		return ""
	}
	// "the end of 1919", "the first half of the 10th century"
	if at(i) == "the" {
		k := i + 1
		part := ""
		if (at(k) == "first" || at(k) == "second" || at(k) == "latter" || at(k) == "early" || at(k) == "late") && (at(k+1) == "half" || at(k+1) == "part" || at(k+1) == "years") {
			part = at(k) + " " + at(k+1)
			k += 2
		} else if datePartList.has(at(k)) {
			part = at(k)
			k++
		}
		if part != "" && at(k) == "of" {
			k++
			if at(k) == "the" {
				k++
			}
			if end, d, ok := scanCoreDate(toks, k); ok {
				return end, dateVal{kind: dPart, part: "the " + part + " of", inner: d.kind, year: d.year, month: d.month, century: d.century, dayFirst: d.dayFirst}, true
			}
		}
	}
	// "early 1920", "late 19th century", "mid-1920s"
	if dateModifierList.has(at(i)) {
		if end, d, ok := scanCoreDate(toks, i+1); ok && (d.kind == dYear && toks[i+1].Kind == prose.Number || d.kind == dCentury || d.kind == dDecade) {
			return end, dateVal{kind: dPart, part: at(i), inner: d.kind, year: d.year, century: d.century}, true
		}
	}
	if strings.HasPrefix(at(i), "mid-") && len(at(i)) > 4 {
		sub := prose.Tokenize(toks[i].Text[4:])
		if len(sub) == 1 {
			if _, d, ok := scanCoreDate(sub, 0); ok {
				return i + 1, dateVal{kind: dPart, part: "mid-", inner: d.kind, year: d.year, century: d.century}, true
			}
		}
	}
	return scanCoreDate(toks, i)
}

// scanCoreDate reads a date without a leading part: a day, month, year,
// decade or century.
func scanCoreDate(toks []prose.Token, i int) (int, dateVal, bool) {
	n := len(toks)
	if i >= n {
		return 0, dateVal{}, false
	}
	t := toks[i]
	// Month first: "December 30, 1920", "September 1920", "July 5".
	if m, ok := monthList.get(t.Lower); ok && t.Cap {
		if i+1 < n {
			if d, ok := dayNumber(toks[i+1]); ok {
				k := i + 2
				if k < n && toks[k].Text == "," {
					k++
				}
				if y, end, era, ok := yearAt(toks, k, true); ok {
					return end, dateVal{kind: dFull, year: y, month: m, day: d, era: era}, true
				}
				if m != 5 || toks[i+1].Kind == prose.Number {
					return i + 2, dateVal{kind: dMonthDay, month: m, day: d}, true
				}
			}
			if y, end, era, ok := yearAt(toks, i+1, true); ok {
				return end, dateVal{kind: dMonthYear, year: y, month: m, era: era}, true
			}
			if toks[i+1].Lower == "of" && i+2 < n {
				if y, ok := yearNumber(toks[i+2], true); ok {
					return i + 3, dateVal{kind: dMonthYear, year: y, month: m}, true
				}
			}
		}
		return 0, dateVal{}, false
	}
	if t.Text == "AD" || t.Text == "A.D." {
		if y, end, era, ok := yearAt(toks, i, false); ok {
			return end, dateVal{kind: dYear, year: y, era: era}, true
		}
	}
	if t.Kind != prose.Number {
		// "the tenth century"
		if o, ok := ordinalList.get(t.Lower); ok && i+1 < n && (toks[i+1].Lower == "century" || toks[i+1].Lower == "centuries") {
			return centuryEnd(toks, i+1, dateVal{kind: dCentury, century: o})
		}
		return 0, dateVal{}, false
	}
	// Day first: "5 July 1921", "5 July".
	if d, ok := dayNumber(t); ok && i+1 < n {
		if m, ok := monthList.get(toks[i+1].Lower); ok && toks[i+1].Cap {
			if y, end, era, ok := yearAt(toks, i+2, true); ok {
				return end, dateVal{kind: dFull, year: y, month: m, day: d, dayFirst: true, era: era}, true
			}
			return i + 2, dateVal{kind: dMonthDay, month: m, day: d, dayFirst: true}, true
		}
	}
	// Centuries: "10th century", "10th and 11th centuries".
	if o, ok := ordinalNumber(t); ok && i+1 < n {
		if toks[i+1].Lower == "century" || toks[i+1].Lower == "centuries" {
			return centuryEnd(toks, i+1, dateVal{kind: dCentury, century: o})
		}
		if (toks[i+1].Lower == "and" || toks[i+1].Lower == "or" || toks[i+1].Text == "–" || toks[i+1].Text == "-") && i+3 < n {
			if _, ok := ordinalNumber(toks[i+2]); ok && toks[i+3].Lower == "centuries" {
				return centuryEnd(toks, i+3, dateVal{kind: dCentury, century: o, plural: true})
			}
		}
	}
	// Decades: "1050s", "880s".
	if len(t.Text) >= 4 && strings.HasSuffix(t.Text, "0s") {
		if y, err := strconv.Atoi(t.Text[:len(t.Text)-1]); err == nil && y >= 100 && y < 2100 {
			return i + 1, dateVal{kind: dDecade, year: y}, true
		}
	}
	// Years, alone or as a range: "1066", "1038–40".
	prevWord := ""
	if i > 0 {
		prevWord = toks[i-1].Lower
	}
	strict := !(prevWord == "in" || prevWord == "by" || prevWord == "since" || prevWord == "until" ||
		prevWord == "from" || prevWord == "after" || prevWord == "before" || prevWord == "around" ||
		prevWord == "circa" || prevWord == "c." || prevWord == "year" || prevWord == "to" || prevWord == "of" ||
		prevWord == "and" || prevWord == "till" || prevWord == "between" || prevWord == "–")
	if !strict && prevWord == "–" && (i < 2 || len(toks[i-2].Text) != 4) {
		strict = true // "11–14%": a range of numbers, not of years
	}
	if i+1 < n && (toks[i+1].Text == "%" || toks[i+1].Is("percent", "per")) {
		return 0, dateVal{}, false
	}
	// "at the age of 56", "aged 12", "a total of 14", "18 °C": an age,
	// a count or a measure, not a year; read as one it took other "years" of the text for options
	// ("19" and "11" for Lincoln's age at death).
	if ageOrMeasure(toks, i) {
		return 0, dateVal{}, false
	}
	if y, end, era, ok := yearAt(toks, i, strict); ok {
		if era == "" && i+1 < n && !strict && toks[i+1].Kind == prose.Word && !toks[i+1].Cap && !functionList.has(toks[i+1].Lower) && !verbAt(toks, i+1) && !(y >= 1000 && len(toks[i].Text) == 4) {
			// "in 300 ships" is a number, not a year.
			return 0, dateVal{}, false
		}
		// "between 1268 and 1273": one span of time, which a question
		// asks for whole (either year alone is half of it).
		if prevWord == "between" && end+1 < n && toks[end].Lower == "and" {
			if y2, end2, _, ok := yearAt(toks, end+1, false); ok && y >= 1000 && y2 > y && y2-y < 300 && len(toks[end+1].Text) == 4 {
				return end2, dateVal{kind: dRange, year: y, era: era}, true
			}
		}
		if end+1 < n && (toks[end].Text == "–" || toks[end].Text == "-") && toks[end+1].Kind == prose.Number {
			if _, err := strconv.Atoi(toks[end+1].Text); err == nil && len(toks[end+1].Text) <= 4 {
				return end + 2, dateVal{kind: dRange, year: y, era: era}, true
			}
		}
		return end, dateVal{kind: dYear, year: y, era: era}, true
	}
	return 0, dateVal{}, false
}

// ageOrMeasure reports a figure that is an age ("the age of 56", "age
// 12", "aged 40"), a total ("a total of 14") or a temperature or angle
// ("18 °C", "29°").
func ageOrMeasure(toks []prose.Token, i int) bool {
	if i+1 < len(toks) && strings.HasPrefix(toks[i+1].Text, "°") {
		return true
	}
	return afterAge(toks, i) || afterTotal(toks, i)
}

// verbAt reports whether toks[i] is a verb: a form the lexicon knows, or
// a past form ending in -ed before an article, a pronoun or a
// preposition ("in 1916 married a lawyer").
func verbAt(toks []prose.Token, i int) bool {
	w := toks[i].Lower
	if isVerbForm(w) {
		return true
	}
	return strings.HasSuffix(w, "ed") && len(w) > 4 && i+1 < len(toks) && (determinerList.has(toks[i+1].Lower) || prepositionList.has(toks[i+1].Lower) || objectList.has(toks[i+1].Lower))
}

// yearAt reads a year at toks[k] with its era, if any: "1066", "753 BC",
// "AD 80". Without an era, strict limits years to four digits.
func yearAt(toks []prose.Token, k int, strict bool) (year, end int, era string, ok bool) {
	if k >= len(toks) {
		return 0, 0, "", false
	}
	if (toks[k].Text == "AD" || toks[k].Text == "A.D.") && k+1 < len(toks) {
		if y, ok := yearNumber(toks[k+1], false); ok || toks[k+1].Kind == prose.Number && len(toks[k+1].Text) == 1 {
			if !ok {
				y, _ = strconv.Atoi(toks[k+1].Text)
			}
			return y, k + 2, "AD", true
		}
		return 0, 0, "", false
	}
	if k+1 < len(toks) && (toks[k+1].Text == "BC" || toks[k+1].Text == "BCE" || toks[k+1].Text == "B.C." || toks[k+1].Text == "AD" || toks[k+1].Text == "CE") {
		if y, ok := yearNumber(toks[k], false); ok || toks[k].Kind == prose.Number && len(toks[k].Text) == 1 {
			if !ok {
				y, _ = strconv.Atoi(toks[k].Text)
			}
			era := strings.TrimSuffix(strings.ReplaceAll(toks[k+1].Text, ".", ""), "")
			if era == "BC" || era == "BCE" {
				y = -y
			}
			return y, k + 2, era, true
		}
	}
	if y, ok := yearNumber(toks[k], strict); ok {
		return y, k + 1, "", true
	}
	return 0, 0, "", false
}

func centuryEnd(toks []prose.Token, k int, d dateVal) (int, dateVal, bool) {
	d.plural = d.plural || toks[k].Lower == "centuries"
	if toks[k].Cap && k+1 < len(toks) && toks[k+1].Cap && toks[k+1].IsWord() {
		return 0, d, false // "20th Century Fox": a name, not a date
	}
	k++
	if k < len(toks) && (toks[k].Text == "BC" || toks[k].Text == "AD" || toks[k].Text == "BCE" || toks[k].Text == "CE") {
		k++
	}
	return k, d, true
}

// yearNumber reads a year. Strictly, only four-digit numbers from 1000 to
// 2100 count; otherwise (after "in", "by", ...) 1 to 2100.
func yearNumber(t prose.Token, strict bool) (int, bool) {
	if t.Kind != prose.Number || strings.ContainsAny(t.Text, ",.") {
		return 0, false
	}
	y, err := strconv.Atoi(t.Text)
	if err != nil {
		return 0, false
	}
	if strict {
		return y, len(t.Text) == 4 && y >= 1000 && y <= 2100
	}
	return y, y >= 1 && y <= 2100 && len(t.Text) >= 2
}

func dayNumber(t prose.Token) (int, bool) {
	s := strings.TrimRight(t.Lower, "stndrh")
	if t.Kind != prose.Number {
		return 0, false
	}
	d, err := strconv.Atoi(s)
	return d, err == nil && d >= 1 && d <= 31 && len(s) <= 2
}

// ordinalNumber reads "10th", "1st", "22nd".
func ordinalNumber(t prose.Token) (int, bool) {
	if t.Kind != prose.Number {
		return 0, false
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(t.Lower, suf) {
			v, err := strconv.Atoi(strings.TrimSuffix(t.Lower, suf))
			return v, err == nil
		}
	}
	return 0, false
}

// format writes a date in its own form.
func (d dateVal) format() string {
	switch d.kind {
	case dYear, dRange:
		return d.yearText()
	case dMonthYear:
		return monthNames[d.month] + " " + d.yearText()
	case dFull:
		if d.dayFirst {
			return fmt.Sprintf("%d %s %s", d.day, monthNames[d.month], d.yearText())
		}
		return fmt.Sprintf("%s %d, %s", monthNames[d.month], d.day, d.yearText())
	case dMonthDay:
		if d.dayFirst {
			return fmt.Sprintf("%d %s", d.day, monthNames[d.month])
		}
		return fmt.Sprintf("%s %d", monthNames[d.month], d.day)
	case dDecade:
		return fmt.Sprintf("%ds", d.year)
	case dCentury:
		if d.plural {
			return fmt.Sprintf("%s and %s centuries", ordinal(d.century), ordinal(d.century+1))
		}
		return ordinal(d.century) + " century"
	case dPart:
		inner := dateVal{kind: d.inner, year: d.year, month: d.month, century: d.century, dayFirst: d.dayFirst, era: d.era}
		in := inner.format()
		if d.inner == dCentury || d.inner == dDecade {
			if strings.HasPrefix(d.part, "the ") {
				in = "the " + in
			}
		}
		if d.part == "mid-" {
			return "mid-" + in
		}
		return d.part + " " + in
	}
	return ""
}

// yearText writes the year with its era as the text did: "753 BC",
// "AD 80", "1066".
func (d dateVal) yearText() string {
	y := d.year
	switch {
	case y < 0 && d.era == "BCE":
		return fmt.Sprintf("%d BCE", -y)
	case y < 0:
		return fmt.Sprintf("%d BC", -y)
	case d.era == "AD":
		return fmt.Sprintf("AD %d", y)
	case d.era == "CE":
		return fmt.Sprintf("%d CE", y)
	}
	return strconv.Itoa(y)
}

func ordinal(n int) string {
	suf := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suf = "st"
	case n%10 == 2:
		suf = "nd"
	case n%10 == 3:
		suf = "rd"
	}
	return strconv.Itoa(n) + suf
}

// ordinal position of a date on a time line, in months, for ordering and
// for measuring how near two dates are.
func (d dateVal) months() int {
	switch d.kind {
	case dCentury:
		return ((d.century-1)*100 + 50) * 12
	case dPart:
		if d.inner == dCentury {
			return ((d.century-1)*100 + 50) * 12
		}
	}
	m := d.month
	if m == 0 {
		m = 6
	}
	return d.year*12 + m - 1
}

// shifted returns the date moved by k steps of its own grain: years for
// years, months for months, centuries for centuries.
func (d dateVal) shifted(k int) dateVal {
	switch d.kind {
	case dYear, dRange:
		d.kind = dYear
		d.year += k
		if d.year == 0 {
			d.year += k // there is no year 0
		}
	case dMonthYear:
		d.year, d.month = addMonths(d.year, d.month, k*3)
	case dFull:
		d.year, d.month = addMonths(d.year, d.month, k)
	case dMonthDay:
		d.month = (d.month-1+k+120)%12 + 1
	case dDecade:
		d.year += 10 * k
	case dCentury:
		d.century += k
		if d.plural {
			d.century += k
		}
	case dPart:
		switch d.inner {
		case dCentury:
			d.century += k
		case dDecade:
			d.year += 10 * k // "the early 1910s", not "the early 1901s"
		default:
			d.year += k
		}
	}
	return d
}

// addMonths moves a year and month by k months.
func addMonths(year, month, k int) (int, int) {
	m := year*12 + month - 1 + k
	y := m / 12
	if m%12 < 0 {
		y--
	}
	return y, m - y*12 + 1
}

// valid reports whether a made-up date is a real one.
func (d dateVal) valid() bool {
	switch d.kind {
	case dCentury:
		return d.century >= 1 && d.century <= 21
	case dPart:
		if d.inner == dCentury {
			return d.century >= 1 && d.century <= 21
		}
	}
	if d.year < 0 && d.era == "" || d.year == 0 || d.year > 2100 {
		return false
	}
	return d.day == 0 || d.day <= 28 || d.month != 2
}
