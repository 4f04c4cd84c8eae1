package generate

import (
	"context"
	"reflect"
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
		{"TrailingPlace", "In 1882, Tomas Varga began working for the Halden Electric Company in Morland.", "1882",
			"In _____, Tomas Varga began working for the Halden Electric Company."},
		{"TrailingManner", "The whole estate of Tomas Varga was shipped to Halden in 80 trunks.", "Halden",
			"The whole estate of Tomas Varga was shipped to _____."},
		// The place completes the verb: "lived" alone says nothing.
		{"PlaceOfVerb", "In 1882, the engineer Tomas Varga lived in Morland.", "1882", ""},
		{"BornIn", "In 1882, the engineer Tomas Varga was born in Morland.", "1882", ""},
		{"AfterBlank", "Tomas Varga, the engineer, was born in 1882 in Morland.", "1882",
			"Tomas Varga, the engineer, was born in _____."},
		// The phrase is a clause: its verb says more than where.
		// A thing or a body, not a place or a time: "interest X in Y" needs it.
		{"TrailingThing", "In 1882, Tomas Varga tried to interest the Halden Navy in the Morland Company.", "1882", ""},
		{"TrailingClause", "In 1882, Tomas Varga built the Halden bridge while he lived in Morland.", "1882", ""},
		// Left out, the qualifier would make it false; the place says
		// where the thing of its own verb was, or what "present" means.
		{"Qualifier", "In 1882, Tomas Varga could not reach his old house in Morland without help.", "1882", ""},
		{"OwnVerb", "In 1882, Tomas Varga said that he did not believe in telepathy.", "1882", ""},
		{"Predicate", "During the 1880s, the plague was present in Morland.", "1880s", ""},
		{"FirstCount", "The college of Halden has fifteen fraternities and seven sororities.", "fifteen",
			"The college of Halden has _____ fraternities."},
		{"SecondCount", "The college of Halden has fifteen fraternities and seven sororities.", "seven",
			"The college of Halden has _____ sororities."},
		{"ListAfter", "The university of Halden has 18 research centres and 70 departments, faculties and institutes.", "18", ""},
		// One thing counted between two bounds: no count is true alone.
		{"Range", "The towers of Halden stand between 40 and 60 metres high.", "40", ""},
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

// TestSelectItems_ShortStemOfAnotherKind: a picked multiple choice with
// no cut stem of its own gives way to the cut cloze of its fact, so that
// an item of the same sentence it would give away can join the set.
func TestSelectItems_ShortStemOfAnotherKind(t *testing.T) {
	s := &sentence{idx: 0}
	mk := func(kind questions.Kind, stem, key string, score float64, short bool) *candidate {
		c := &candidate{
			item:  item{q: questions.Question{Kind: kind, Stem: stem}, key: key},
			sent:  s,
			group: "0:" + key,
			score: score,
			short: short,
		}
		if kind == questions.MultipleChoice {
			c.q.Choices = []questions.Choice{{Text: key, Weight: 100}, {Text: "Other Vale", Weight: 0}, {Text: "Lower Fen", Weight: 0}}
		} else {
			c.q.Answers = []questions.Choice{{Text: key, Weight: 100}}
		}
		return c
	}
	whole := mk(questions.MultipleChoice, "Halden lies in the centre of the _____ and is the largest town in the Greyfen Basin.", "Varrow Valley", 2, false)
	cut := mk(questions.Cloze, "Halden lies in the centre of the _____.", "Varrow Valley", 1.5, true)
	other := mk(questions.Cloze, "Halden lies in the centre of the Varrow Valley and is the largest town in the _____.", "Greyfen Basin", 1.2, false)
	otherCut := mk(questions.Cloze, "Halden is the largest town in the _____.", "Greyfen Basin", 1, true)
	cands := []*candidate{whole, cut, other, otherCut}
	for i, c := range cands {
		c.order = i
	}
	kinds := []questions.Kind{questions.MultipleChoice, questions.Cloze}
	got := selectItems(cands, 5, kinds, map[int]int{0: 20}, false, map[string]int{})
	if len(got) != 2 || got[0] != cut || got[1] != otherCut {
		var stems []string
		for _, c := range got {
			stems = append(stems, string(c.q.Kind)+": "+c.q.Stem)
		}
		t.Errorf("picked %q, want the two cut clozes", stems)
	}
	// A true/false statement asks for no answer: it never gives way to
	// a cloze.
	whole.q = questions.Question{Kind: questions.TrueFalse, Stem: "Halden lies in the centre of the Varrow Valley and is the largest town in the Greyfen Basin.", Truth: true}
	if q := shortened(otherCut, []*candidate{whole}, map[groupKind]*candidate{shortKey(cut): cut}, map[*candidate]bool{}); q != nil {
		t.Errorf("a true statement gave way to %v", q)
	}
}

// TestCandidates_ChoiceShortStem: a multiple choice asked with the
// cloze's words has the cloze's cut stem too, so that a sentence with
// two answers can give a multiple choice and another item.
func TestCandidates_ChoiceShortStem(t *testing.T) {
	d := analyzed(t, "Halden\n\nHalden was founded in 1850. Its harbour opened in 1871. Its school opened in 1885. "+
		"Its railway came in 1901. Tomas Varga became a member of the Greyfen Guild and joined the Varrow Society in 1892.")
	kinds := map[questions.Kind]bool{questions.MultipleChoice: true}
	cands, err := d.candidates(context.Background(), kinds, &Report{Rejected: map[string]int{}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var whole, cut *candidate
	for _, c := range cands {
		if c.key != "1892" {
			continue
		}
		if c.short {
			cut = c
		} else {
			whole = c
		}
	}
	if whole == nil || cut == nil {
		t.Fatalf("multiple choice for 1892: whole %v, cut %v; want both", whole != nil, cut != nil)
	}
	if want := "Tomas Varga joined the Varrow Society in _____."; cut.q.Stem != want {
		t.Errorf("cut stem %q, want %q", cut.q.Stem, want)
	}
	if !reflect.DeepEqual(cut.q.Choices, whole.q.Choices) {
		t.Errorf("cut stem's options %v, want the whole one's %v", cut.q.Choices, whole.q.Choices)
	}
}
