package prose

import "testing"

// normalizeTests follow SQuAD's normalisation.
var normalizeTests = [][2]string{
	{"The Normans", "normans"}, {"  the   Battle of Hastings.", "battle of hastings"}, {"Workers' Opposition", "workers opposition"},
	{"an apple a day", "apple day"}, {"Île-de-France", "île de france"}, {"30,000", "30000"}, {"Norse–Gaels", "norse gaels"},
	{"the end of the 1920s", "end of 1920s"}, {"Theatre", "theatre"},
}

func TestNormalize(t *testing.T) {
	for _, tt := range normalizeTests {
		if got := Normalize(tt[0]); got != tt[1] {
			t.Errorf("normalize(%q) = %q, want %q", tt[0], got, tt[1])
		}
	}
}
