package generate

import (
	"testing"

	"factdrill/questions/generate/prose"
)

// scanNumberTests are quantities, what scanNumber reads in them, and how
// format writes another value the same way.
var scanNumberTests = []struct {
	text  string
	value float64
	unit  string
	other float64
	want  string // format(other)
}{
	{"185 votes against 49", 185, "votes", 222, "222"},
	{"30,000 armed men", 30000, "men", 45000, "45,000"},
	{"two ships", 2, "ships", 3, "three"},
	{"twenty-five delegates", 0, "", 0, ""}, // one word, not two: read no further
	{"$2 per day", 2, "", 4, "$4"},
	{"15 percent of the vote", 15, "", 20, "20 percent"},
	{"3.5 million people", 3.5e6, "people", 5e6, "5 million"},
	{"12 %", 12, "", 24, "24%"},
	{"1916 married", 0, "", 0, ""},
	{"10th Congress", 0, "", 0, ""},
}

func TestScanNumber(t *testing.T) {
	for _, tt := range scanNumberTests {
		toks := prose.Tokenize(tt.text)
		_, v, ok := scanNumber(toks, 0)
		if tt.want == "" {
			if ok && v.unit != "" {
				t.Errorf("scanNumber(%q) = %v with unit %q, want no counted quantity", tt.text, v.value, v.unit)
			}
			continue
		}
		if !ok || v.value != tt.value || v.unit != tt.unit {
			t.Errorf("scanNumber(%q) = %v, %v unit %q; want %v unit %q", tt.text, ok, v.value, v.unit, tt.value, tt.unit)
			continue
		}
		if got := v.format(tt.other); got != tt.want {
			t.Errorf("format(%v) written like %q = %q, want %q", tt.other, tt.text, got, tt.want)
		}
	}
}

func TestNumberInWords(t *testing.T) {
	for n, want := range map[int]string{0: "zero", 7: "seven", 19: "nineteen", 40: "forty", 42: "forty-two"} {
		if got := numberInWords(n); got != want {
			t.Errorf("numberInWords(%d) = %q, want %q", n, got, want)
		}
	}
	if got := groupThousands("1234567"); got != "1,234,567" {
		t.Errorf("groupThousands = %q, want 1,234,567", got)
	}
}

// TestNumberDistractors_Decimals checks that a key written with decimals
// gets options with as many: "41.8%" among "31.4%", not among "31%".
func TestNumberDistractors_Decimals(t *testing.T) {
	d := analyzed(t, "Wilson won with just 41.8% of the votes in 1912. The price rose to $5.11 a barrel.")
	for _, key := range []string{"41.8%", "$5.11"} {
		found := false
		for _, s := range d.sents {
			for _, m := range s.ments {
				if m.text != key {
					continue
				}
				found = true
				ds := numberDistractors(m, s, 7, nil)
				if len(ds) < 3 {
					t.Errorf("distractors of %q = %q, want three", key, ds)
				}
				for _, o := range ds {
					if decimalPlaces(o) != decimalPlaces(key) {
						t.Errorf("distractor %q of %q has %d decimal places, want %d", o, key, decimalPlaces(o), decimalPlaces(key))
					}
				}
			}
		}
		if !found {
			t.Errorf("no mention %q", key)
		}
	}
}

// TestScanNumber_Bare: a figure that ends its sentence with no noun after
// it is a quantity (the noun it counts came before), unless it is written
// in words or is a year.
func TestScanNumber_Bare(t *testing.T) {
	cases := []struct {
		text string
		at   int
		bare bool
	}{
		{"Fresno had a population of 494,665.", 5, true},
		{"The average household size was 3.07.", 5, true},
		{"Only 420,000; the rest had fled.", 1, true},
		{"The city was founded in 1872.", 5, false}, // a year
		{"The survivors numbered three.", 3, false}, // in words: "three" alone says too little
		{"It lasted 12 or 13 days.", 2, false},      // not the end of the sentence
		// The phrase ends though the sentence goes on.
		{"The herd is estimated at around 60,000, a tenth of the total.", 6, true},
		{"Cows calve first at around age 13 in the wild.", 6, true},
		{"The song charted at number 228 of the list.", 5, true},
		{"The herd grew to about 600, and then fell.", 5, false}, // no separator: a count of what?
		{"Victims were children under the age of 12, with most alone.", 7, true},
		// A total of nothing named: "lists a total of _____" asks a
		// count of things the stem never says.
		{"The Ethnologue lists a total of 14.", 6, false},
		{"The Ethnologue lists a number of 14.", 6, true},
	}
	for _, tc := range cases {
		toks := prose.Tokenize(tc.text)
		_, v, ok := scanNumber(toks, tc.at)
		if got := ok && v.bare; got != tc.bare {
			t.Errorf("scanNumber(%q at %q): bare %v, want %v", tc.text, toks[tc.at].Text, got, tc.bare)
		}
		if ok && v.bare && !(mention{typ: eNumber, num: v, text: toks[tc.at].Text}).keyable() {
			t.Errorf("%q: a bare figure is not keyable, want keyable", tc.text)
		}
	}
}

// TestNearDecimals checks that a figure with decimals gets options near
// it first, on either side, whatever the seed.
func TestNearDecimals(t *testing.T) {
	for seed := uint32(0); seed < 4; seed++ {
		got := nearDecimals(79.68, 2, seed)
		if len(got) < 3 {
			t.Fatalf("nearDecimals(79.68, 2, %d) = %v, want 3 options or more", seed, got)
		}
		below, above := false, false
		for _, y := range got[:2] {
			if y < 79.68*0.8 || y > 79.68*1.2 {
				t.Errorf("nearDecimals(79.68, 2, %d) = %v: %v is one of the first two, want within a fifth of the key", seed, got, y)
			}
			below, above = below || y < 79.68, above || y > 79.68
		}
		if !below || !above {
			t.Errorf("nearDecimals(79.68, 2, %d) = %v, want one of the first two on each side", seed, got)
		}
	}
}
