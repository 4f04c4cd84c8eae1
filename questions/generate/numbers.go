package generate

import (
	"math"
	"strconv"
	"strings"

	"factdrill/questions/generate/prose"
)

// A numVal is a quantity: its value, how it was written, and the noun it
// counts ("185 votes": unit "votes").
type numVal struct {
	value   float64
	words   bool   // written in words ("two")
	grouped bool   // written with thousands separators ("30,000")
	prefix  string // currency sign
	suffix  string // "%", " percent", " million"
	unit    string
	// bare marks a figure written in digits that ends its sentence with
	// no noun after it, as the value of what comes before (see
	// bareBefore): "a population of 494,665.", "the average household
	// size was 3.07".
	bare bool
	// age marks a figure after "age", "aged" or "the age of": a
	// person's years, whose options stay within a life (see
	// numberDistractors).
	age bool
}

// scanNumber reads a quantity at toks[i]: digits or number words, with a
// currency sign, a scale word and a percent sign, followed by the noun it
// counts. Ordinals, years and numbers inside names are not quantities.
func scanNumber(toks []prose.Token, i int) (int, numVal, bool) {
	n := len(toks)
	var v numVal
	k := i
	if toks[k].Text == "$" || toks[k].Text == "£" || toks[k].Text == "€" {
		v.prefix = toks[k].Text
		k++
		if k >= n {
			return 0, v, false
		}
	}
	t := toks[k]
	switch {
	case t.Kind == prose.Number:
		if _, ok := ordinalNumber(t); ok {
			return 0, v, false
		}
		s := strings.ReplaceAll(t.Text, ",", "")
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, v, false
		}
		v.value, v.grouped = f, strings.Contains(t.Text, ",")
		v.age = k == i && afterAge(toks, i)
		k++
	case t.Kind == prose.Word && !t.Cap || t.Kind == prose.Word && i == 0:
		f, ok := numberWordList.get(t.Lower)
		if !ok || scaleWords[t.Lower] > 0 || strings.HasSuffix(t.Lower, "s") {
			return 0, v, false
		}
		if i > 0 && (toks[i-1].Lower == "the" || toks[i-1].Lower == "these" || toks[i-1].Lower == "those") {
			return 0, v, false // "the two" means both, not a count
		}
		v.value, v.words = f, true
		k++
		if k < n && numberWordList.has(toks[k].Lower) > 0 && numberWordList.has(toks[k].Lower) < 10 && f >= 20 {
			v.value += numberWordList.has(toks[k].Lower)
			k++
		}
	default:
		return 0, v, false
	}
	if k < n {
		if s, ok := scaleWords[toks[k].Lower]; ok {
			v.value *= s
			v.suffix = " " + toks[k].Lower
			k++
		}
	}
	if k < n && (toks[k].Text == "%" || toks[k].Lower == "percent") {
		if toks[k].Text == "%" {
			v.suffix += "%"
		} else {
			v.suffix += " percent"
		}
		return k + 1, v, true
	}
	if k+1 < n && toks[k].Lower == "per" && toks[k+1].Lower == "cent" {
		v.suffix += " per cent"
		return k + 2, v, true
	}
	if v.prefix != "" {
		return k, v, true
	}
	// The counted noun, after any adjectives: "30,000 men", "300 ships",
	// "8,000 of the 20,000 troops".
	u := k
	if u+2 < n && toks[u].Lower == "of" && toks[u+1].Lower == "the" && toks[u+2].Kind == prose.Number {
		u += 3
	}
	for j := 0; j < 3 && u < n; j++ {
		w := toks[u]
		if !w.IsWord() || w.Cap || functionList.has(w.Lower) {
			break
		}
		if u+1 < n && toks[u+1].IsWord() && !toks[u+1].Cap && !functionList.has(toks[u+1].Lower) && !isVerbForm(toks[u+1].Lower) && j < 2 {
			u++ // an adjective or noun modifier: "30,000 armed men"
			continue
		}
		if !isVerbForm(w.Lower) || strings.HasSuffix(w.Lower, "ing") {
			v.unit = w.Lower // not "in 1916 married": a year before its verb
		}
		break
	}
	if v.unit == "" {
		if v.words || k < n && !closesSentence(toks[k]) && !bareAfter(toks, i, k) || plainYear(toks[i], v) || i == 0 || !bareBefore[toks[i-1].Lower] {
			return 0, v, false
		}
		// "The Ethnologue lists a total of 14.": a total of nothing
		// named; "_____" asks a count whose things the stem never says.
		if afterTotal(toks, i) {
			return 0, v, false
		}
		v.bare = true
	}
	return k, v, true
}

// bareBefore are the words after which a figure ending its sentence is
// the value of what came before: "a population of 494,665", "the size
// was 3.07", "only 420,000", not "185 votes against 49".
var bareBefore = prose.WordSet(`of was is were are be numbered number numbers totalled totaled reached only about approximately nearly
	some around roughly age`)

// bareAfter reports whether the figure toks[i:k], with no noun after
// it, ends the phrase it is the value of even though the sentence goes
// on: before a comma when written with thousands separators ("is
// estimated to be around 60,000, about a tenth of ..."), and anywhere
// after "age", "age of" or "number" ("around age 13 they ...", "under
// the age of 12, with ...", "number 228 of the chart").
func bareAfter(toks []prose.Token, i, k int) bool {
	if i == 0 {
		return false
	}
	if toks[i-1].Is("number") || afterAge(toks, i) {
		return true
	}
	return toks[k].Text == "," && strings.Contains(toks[i].Text, ",")
}

// afterAge reports a figure that is an age: after "age", "aged" or "the
// age of" ("at the age of 56", "aged 12").
func afterAge(toks []prose.Token, i int) bool {
	return i > 0 && toks[i-1].Is("age", "aged", "ages") || i > 1 && toks[i-1].Lower == "of" && toks[i-2].Is("age", "ages")
}

// afterTotal reports a figure after "a total of" ("a total of 14"): a
// count that need not say of what.
func afterTotal(toks []prose.Token, i int) bool {
	return i > 1 && toks[i-1].Lower == "of" && toks[i-2].Lower == "total"
}

// closesSentence reports whether a token ends a sentence's statement.
func closesSentence(t prose.Token) bool { return t.Text == "." || t.Text == ";" || t.Text == "!" }

// plainYear reports whether a figure is a year written alone ("in 1945"):
// four digits without a separator between 1000 and 2100.
func plainYear(t prose.Token, v numVal) bool {
	return !v.grouped && v.value == math.Trunc(v.value) && v.value >= 1000 && v.value <= 2100 && len(t.Text) == 4
}

// format writes a number the way its key was written.
func (v numVal) format(x float64) string {
	return v.formatPlaces(x, -1)
}

// formatPlaces writes x as format does, with the given number of
// decimal places (-1: as few as it needs): "41.8%" against "52.0%", not
// "52%", so that no option stands out by its form.
func (v numVal) formatPlaces(x float64, places int) string {
	base := x
	if strings.HasPrefix(v.suffix, " million") {
		base = x / 1e6
	} else if strings.HasPrefix(v.suffix, " billion") {
		base = x / 1e9
	} else if strings.HasPrefix(v.suffix, " thousand") {
		base = x / 1e3
	} else if strings.HasPrefix(v.suffix, " hundred") {
		base = x / 100
	}
	var s string
	switch {
	case places > 0:
		s = strconv.FormatFloat(base, 'f', places, 64)
		if v.grouped || base >= 10000 {
			if k := strings.IndexByte(s, '.'); k >= 0 {
				s = groupThousands(s[:k]) + s[k:]
			}
		}
	case v.words && base == math.Trunc(base) && base < 100:
		s = numberInWords(int(base))
	case base == math.Trunc(base):
		s = strconv.FormatInt(int64(base), 10)
		if v.grouped || base >= 10000 {
			s = groupThousands(s)
		}
	default:
		s = strconv.FormatFloat(base, 'f', -1, 64)
	}
	return v.prefix + s + v.suffix
}

func groupThousands(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

func numberInWords(n int) string {
	small := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	if n < 20 {
		return small[n]
	}
	if n%10 == 0 {
		return tens[n/10]
	}
	return tens[n/10] + "-" + small[n%10]
}

// nearNumbers returns values near x, neither equal to it nor to each other,
// of the same grain (a round number stays round), in a fixed order.
// decimalPlaces counts the digits after the decimal point of a number as
// written: 2 for "$5.11", 0 for "1,000".
func decimalPlaces(text string) int {
	k := strings.IndexByte(text, '.')
	if k < 0 {
		return 0
	}
	n := 0
	for _, r := range text[k+1:] {
		if r < '0' || r > '9' {
			break
		}
		n++
	}
	return n
}

// nearDecimals are numbers near x at the given decimal places, for a key
// written with decimals.
func nearDecimals(x float64, places int, seed uint32) []float64 {
	unit := math.Pow(10, float64(places))
	// The nearest first, whatever the seed: a judge took 95.62 and 59.76
	// for a life expectancy of 79.68 for shuffled digits, no figure a
	// reader would weigh. The seed picks which side comes first.
	factors := []float64{0.85, 1.15, 0.8, 1.2, 0.75, 1.25, 0.7, 1.3}
	if seed%2 == 1 {
		factors = []float64{1.15, 0.85, 1.2, 0.8, 1.25, 0.75, 1.3, 0.7}
	}
	var out []float64
	seen := map[float64]bool{math.Round(x*unit) / unit: true}
	for _, f := range factors {
		y := math.Round(x*f*unit) / unit
		if y <= 0 || seen[y] {
			continue
		}
		seen[y] = true
		out = append(out, y)
	}
	return out
}

func nearNumbers(x float64, seed uint32) []float64 {
	if x <= 0 {
		return nil
	}
	grain := 1.0
	for g := 1.0; g <= x/10; g *= 10 {
		if math.Mod(x, g*10) == 0 {
			grain = g * 10
		}
	}
	if x < 20 && grain < 1 {
		grain = 1
	}
	factors := []float64{0.5, 0.75, 1.25, 1.5, 2, 0.8, 1.2, 3}
	var out []float64
	seen := map[float64]bool{x: true}
	// A round key keeps round distractors; when rounding makes them
	// collide, a finer grain is used.
	for g := grain; len(out) < 3 && g >= 1; g /= 10 {
		for j := range factors {
			f := factors[(int(seed)+j)%len(factors)]
			y := math.Round(x*f/g) * g
			if x < 20 {
				y = math.Round(x * f)
			}
			if y <= 0 || seen[y] {
				continue
			}
			seen[y] = true
			out = append(out, y)
		}
	}
	return out
}
