package generate

import (
	"strconv"
	"strings"
	"testing"

	"factdrill/questions/generate/prose"
)

// scanDateCases are texts (after the word in brackets, which decides
// whether a short number is a year), the date scanDate reads at their
// first token as format writes it back, its kind and the tokens it takes;
// "-" where there is no date.
const scanDateCases = `
December 30, 1920, they spoke   | ()   | December 30, 1920 | full      | 4
5 July 1921 Kollontai           | ()   | 5 July 1921       | full      | 3
September 1920 the group        | ()   | September 1920    | monthyear | 2
July 5 the group                | ()   | July 5            | monthday  | 2
1066 England                    | ()   | 1066              | year      | 1
911 Rollo                       | (in) | 911               | year      | 1
911 Rollo                       | ()   | -                 |           | 0
753 BC Rome                     | (in) | 753 BC            | year      | 2
AD 80 the                       | ()   | AD 80             | year      | 2
1050s the                       | ()   | 1050s             | decade    | 1
10th century                    | ()   | 10th century      | century   | 2
10th and 11th centuries         | ()   | 10th and 11th centuries | century | 4
tenth century                   | (the) | 10th century     | century   | 2
the end of 1919                 | ()   | the end of 1919   | part      | 4
the first half of the 10th century | () | the first half of the 10th century | part | 7
early 1920                      | ()   | early 1920        | part      | 2
1038–40 the                     | ()   | 1038              | range     | 3
300 ships                       | (in) | -                 |           | 0
1916 married a lawyer           | (in) | 1916              | year      | 1
20th Century Fox                | ()   | -                 |           | 0
May the king                    | ()   | -                 |           | 0
14% from the chloroplast        | (–)  | -                 |           | 0
56 in the capital               | (aged) | -               |           | 0
18 °C in January                | (between) | -            |           | 0
1918 in the capital             | (between) | 1918         | year      | 1
`

var dateKinds = map[string]dateKind{"year": dYear, "monthyear": dMonthYear, "full": dFull, "monthday": dMonthDay,
	"decade": dDecade, "century": dCentury, "part": dPart, "range": dRange}

func TestScanDate(t *testing.T) {
	for _, line := range strings.Split(strings.TrimSpace(scanDateCases), "\n") {
		f := strings.Split(line, "|")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		text, prev, format, kind := f[0], strings.Trim(f[1], "()"), f[2], dateKinds[f[3]]
		want, _ := strconv.Atoi(f[4])
		toks := prose.Tokenize(prev + " " + text)
		i := 0
		if prev != "" {
			i = 1
		}
		end, d, ok := scanDate(toks, i)
		switch {
		case !ok && want != 0:
			t.Errorf("scanDate(%q after %q) found no date, want %q", text, prev, format)
		case ok && want == 0:
			t.Errorf("scanDate(%q after %q) = %q, want no date", text, prev, d.format())
		case ok && (d.kind != kind || d.format() != format || end-i != want):
			t.Errorf("scanDate(%q after %q) = kind %d %q over %d tokens, want kind %d %q over %d", text, prev, d.kind, d.format(), end-i, kind, format, want)
		}
	}
}

// TestScanDate_Age: a figure after "the age of" is an age, not a year,
// whatever "of" lets through ("the end of 1919").
func TestScanDate_Age(t *testing.T) {
	for _, tc := range []struct {
		text string
		at   int
		year bool
	}{
		{"He died at the age of 56 in the capital.", 6, false},
		{"He died at the end of 56 in the capital.", 6, true},
	} {
		toks := prose.Tokenize(tc.text)
		if _, _, ok := scanDate(toks, tc.at); ok != tc.year {
			t.Errorf("scanDate(%q at %q) = %v, want %v", tc.text, toks[tc.at].Text, ok, tc.year)
		}
	}
}

func TestDateVal_Overlaps(t *testing.T) {
	year := dateVal{kind: dYear, year: 1920}
	month := dateVal{kind: dMonthYear, year: 1920, month: 9}
	other := dateVal{kind: dMonthYear, year: 1920, month: 3}
	decade := dateVal{kind: dDecade, year: 1920}
	for _, tt := range []struct {
		a, b dateVal
		want bool
	}{
		{year, month, true},   // 1920 holds September 1920
		{month, other, false}, // two months of one year
		{decade, year, true},  // the 1920s hold 1920
		{decade, dateVal{kind: dYear, year: 1931}, false},
		{dateVal{kind: dCentury, century: 10}, dateVal{kind: dCentury, century: 11}, false},
	} {
		if got := overlaps(tt.a, tt.b); got != tt.want {
			t.Errorf("overlaps(%q, %q) = %v, want %v", tt.a.format(), tt.b.format(), got, tt.want)
		}
	}
}

func TestDateVal_ShiftedAndValid(t *testing.T) {
	d := dateVal{kind: dFull, year: 1920, month: 12, day: 30}
	if got := d.shifted(1).format(); got != "January 30, 1921" {
		t.Errorf("December 30, 1920 shifted a month = %q, want January 30, 1921", got)
	}
	if got := (dateVal{kind: dYear, year: 1, era: "AD"}).shifted(-1); got.year != -1 {
		t.Errorf("AD 1 shifted back a year = %d, want -1 (there is no year 0)", got.year)
	}
	if (dateVal{kind: dFull, year: 1920, month: 2, day: 30}).valid() {
		t.Errorf("30 February is valid, want not")
	}
	if (dateVal{kind: dCentury, century: 22}).valid() {
		t.Errorf("the 22nd century is valid, want not")
	}
	if got := (dateVal{kind: dYear, year: -753}).yearText(); got != "753 BC" {
		t.Errorf("yearText(-753) = %q, want 753 BC", got)
	}
}
