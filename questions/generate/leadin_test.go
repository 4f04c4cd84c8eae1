package generate

import (
	"context"
	"strings"
	"testing"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// moldavia is a paragraph whose second sentence leans on its first.
const moldavia = `Moldavia

Moldavia is a historical region of Eastern Europe. The principality of Moldavia was founded by Dragoș in 1346 on the land between the Carpathians and the Dniester.

The principality of Moldavia reached its most glorious period under the rule of Stephen the Great between 1457 and 1504. His rule of 47 years was unusually long, especially at that time. Stephen the Great won 46 of his 48 battles against the Ottomans and the Hungarians.

In 1538 the principality became a tributary state of the Ottoman Empire, and it kept its autonomy until 1812.`

// checked runs the pipeline on text at a budget of n and returns the
// candidates that passed the checks and those selected.
func checked(t *testing.T, text string, n int) (ok, picked []*candidate) {
	t.Helper()
	d := analyzed(t, text)
	all := map[questions.Kind]bool{}
	for _, k := range GeneratedKinds {
		all[k] = true
	}
	ok, picked, err := d.pick(context.Background(), all, GeneratedKinds, n, false, &Report{Rejected: map[string]int{}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return ok, picked
}

func TestLeadIn(t *testing.T) {
	ok, picked := checked(t, moldavia, 40)
	const lead = "The principality of Moldavia reached its most glorious period under the rule of Stephen the Great between 1457 and 1504. "
	var led []*candidate
	for _, c := range ok {
		if !c.led {
			if strings.HasPrefix(c.q.Stem, lead) {
				t.Errorf("an item not marked led has the lead-in: %q", c.q.Stem)
			}
			continue
		}
		if c.q.Kind == questions.TrueFalse {
			t.Errorf("a true/false statement has a lead-in: %q", c.q.Stem)
		}
		if !strings.Contains(c.q.Stem, "His rule of") {
			continue
		}
		led = append(led, c)
		if !strings.HasPrefix(c.q.Stem, lead+"His rule of") {
			t.Errorf("led item %q, want the sentence before, then its own", c.q.Stem)
		}
		if !strings.HasPrefix(c.sent.text, "His rule of") {
			t.Errorf("led item's sentence is %q, want the one it asks about", c.sent.text)
		}
	}
	if len(led) == 0 {
		t.Fatal(`no item of "His rule of 47 years ..." passed with the sentence before it`)
	}
	// The lead-in names Stephen the Great and the years of his rule: no
	// item of that sentence asking for them is in the set with a led item.
	for _, c := range picked {
		for _, p := range picked {
			if c.led && p.sent.idx == c.sent.idx-1 && reveals(c, p) {
				t.Errorf("%q shows the answer of %q (%s)", c.q.Stem, p.q.Stem, p.key)
			}
		}
	}
}

func TestLeadIn_None(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		// The sentence before names no one: "he" is still no one.
		{"he after an army", "Mongols\n\nThe Mongols invaded southern China with a force far greater than the one they sent west in 1256. He died in 1259 without a successor, and the war stopped."},
		// The sentence opens its paragraph: in one paragraph, as in
		// moldavia, its items are led (see TestLeadIn).
		{"first of its paragraph", "Moldavia\n\nThe principality of Moldavia reached its most glorious period under the rule of Stephen the Great between 1457 and 1504.\n\nHis rule of 47 years was unusually long, especially at that time."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ok, _ := checked(t, tc.text, 20)
			for _, c := range ok {
				if c.led {
					t.Errorf("led item %q", c.q.Stem)
				}
			}
		})
	}
}

func TestWithoutBrackets(t *testing.T) {
	for in, want := range map[string]string{
		"Kublai (1215–1294) moved the capital.":             "Kublai moved the capital.",
		"It was built (in stone) (and wood).":               "It was built.",
		"No brackets here.":                                 "No brackets here.",
		"The plastome (the (chloroplast) genome) is small.": "The plastome is small.",
	} {
		if got := withoutBrackets(in); got != want {
			t.Errorf("withoutBrackets(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShows(t *testing.T) {
	for _, tc := range []struct {
		text, key string
		answers   []string
		want      bool
	}{
		{"stephen the great ruled from 1457", "Stephen the Great", nil, true},
		{"the old ruler died", "Stephen the Great", nil, false},
		{"stephen ruled the land", "Stephen the Great", nil, true},
		{"the liechtenstein cup was won", "UEFA Cup", nil, false},
		{"he ruled for 47 years", "forty-seven", []string{"47"}, true},
	} {
		if got := shows(tc.text, tc.key, prose.Plain(tc.key), tc.answers); got != tc.want {
			t.Errorf("shows(%q, %q) = %v, want %v", tc.text, tc.key, got, tc.want)
		}
	}
}

func TestPersonPronoun(t *testing.T) {
	for stem, want := range map[string]bool{
		"His rule of _____ years was long.":     true,
		"She married _____ in 1880.":            true,
		"The rule of _____ was long.":           false,
		"The Hershey company makes _____.":      false,
		"It was given to him by _____ in 1901.": true,
	} {
		if got := personPronoun(prose.Tokenize(stem)); got != want {
			t.Errorf("personPronoun(%q) = %v, want %v", stem, got, want)
		}
	}
}

func TestPointsWithin(t *testing.T) {
	const lead = "The council of the town elected a new mayor and approved three treaties in 1850."
	for stem, want := range map[string]bool{
		"This treaty was signed in _____.":                true,
		"These treaties were signed in _____.":            true,
		"This agreement was signed in _____.":             false,
		"While this may be true, _____ disagreed.":        false,
		"The mayor was _____.":                            true,
		"The post is presently held by _____.":            false,
		"In 1851 the council met in _____.":               true,
		"The town's mayor, _____, resigned a year later.": true,
	} {
		if got := pointsWithin(prose.Tokenize(stem), prose.Tokenize(lead)); got != want {
			t.Errorf("pointsWithin(%q) = %v, want %v", stem, got, want)
		}
	}
}

func TestLeadOf(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		ok       bool
	}{
		{"The principality of Moldavia reached its most glorious period under the rule of Stephen the Great.", true},
		{"The principality reached its most glorious period under the rule of Stephen the Great.", false}, // which principality?
		{"Kublai (1215–1294) moved the capital of the empire to Khanbaliq in 1264.", true},
		{"Fuess, 328–329; Sobel, 248–249 The treaty was proclaimed one month into his term.", false},
		{"The urban area of Lima covers about.", false},
		{"About 2,000 are killed yearly for a bounty in the country.", false},
		{"He moved the capital of the empire to Khanbaliq in 1264.", false},
		{"The capital of the empire moved to Khanbaliq in 1264, after the war", false},
		{"Notable works include the following:", false},
	} {
		d, err := analyze(context.Background(), "Title\n\n"+tc.sentence, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		var s *sentence
		for _, x := range d.sents {
			if !x.heading {
				s = x
			}
		}
		if got := d.leadOf(s).ok; got != tc.ok {
			t.Errorf("leadOf(%q).ok = %v, want %v", tc.sentence, got, tc.ok)
		}
	}
}
