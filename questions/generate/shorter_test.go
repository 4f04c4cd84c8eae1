package generate

import (
	"testing"

	"factdrill/questions"
)

// shortStemOf is the cut stem for the mention written key in the first
// clause of text, or "" when there is none.
func shortStemOf(t *testing.T, text, key string) string {
	t.Helper()
	d := analyzed(t, text)
	for _, s := range d.sents {
		for _, c := range s.clauses {
			for k, m := range c.ments {
				if m.text == key {
					st, _, _ := d.shortStem(c, k)
					return st
				}
			}
		}
	}
	t.Fatalf("no mention %q in %q", key, text)
	return ""
}

func TestShortStem(t *testing.T) {
	for _, tt := range []struct {
		name, text, key, want string
	}{
		{"SecondClause", "Halden lies on the banks of the Varrow River and its harbour was built by Tomas Varga.", "Varrow River",
			"Halden lies on the banks of the _____."},
		{"SecondPredicate", "Halden lies in the centre of the Varrow Valley and is the largest town in the Greyfen Basin.", "Greyfen Basin",
			"Halden is the largest town in the _____."},
		{"FirstPredicate", "Halden lies in the centre of the Varrow Valley and is the largest town in the Greyfen Basin.", "Varrow Valley",
			"Halden lies in the centre of the _____."},
		{"FrontedDate", "After the partition of Morland in 1795, the town of Halden was given to the Kingdom of Prussia.", "Kingdom of Prussia",
			"The town of Halden was given to the _____."},
		// Whose claim it is stays: no cut.
		{"According", "According to Tomas Varga, the plague reached the town of Halden in 1347.", "1347", ""},
		// Nothing else to leave out: the whole stem serves.
		{"Alone", "The town of Halden was given to the Kingdom of Prussia.", "Kingdom of Prussia", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := shortStemOf(t, tt.text, tt.key); got != tt.want {
				t.Errorf("short stem for %q in %q = %q, want %q", tt.key, tt.text, got, tt.want)
			}
		})
	}
}

// TestSelectItems_ShortStems: two items of one sentence that show each
// other's answers both make the set when one has a cut stem that leaves
// the other's answer out, and the cut stem is used only then.
func TestSelectItems_ShortStems(t *testing.T) {
	s := &sentence{idx: 0}
	mk := func(stem, key string, score float64, short bool) *candidate {
		return &candidate{
			item:  item{q: questions.Question{Kind: questions.Cloze, Stem: stem, Answers: []questions.Choice{{Text: key, Weight: 100}}}, key: key},
			sent:  s,
			group: "0:" + key,
			score: score,
			short: short,
		}
	}
	whole := mk("Halden lies in the centre of the _____ and is the largest town in the Greyfen Basin.", "Varrow Valley", 2, false)
	cut := mk("Halden lies in the centre of the _____.", "Varrow Valley", 1.5, true)
	other := mk("Halden lies in the centre of the Varrow Valley and is the largest town in the _____.", "Greyfen Basin", 1.2, false)
	year := mk("Halden is the largest town in the _____.", "Greyfen Basin", 1, true)
	year.group = other.group
	cands := []*candidate{whole, cut, other, year}
	for i, c := range cands {
		c.order = i
	}
	got := selectItems(cands, 5, []questions.Kind{questions.Cloze}, map[int]int{0: 20}, false, map[string]int{})
	if len(got) != 2 || got[0] != cut || got[1] != year {
		var stems []string
		for _, c := range got {
			stems = append(stems, c.q.Stem)
		}
		t.Errorf("picked %q, want the two cut stems", stems)
	}
	// Alone, the whole stem is picked.
	got = selectItems([]*candidate{whole, cut}, 5, []questions.Kind{questions.Cloze}, map[int]int{0: 20}, false, map[string]int{})
	if len(got) != 1 || got[0] != whole {
		t.Errorf("picked %d items, want the whole stem alone", len(got))
	}
}
