package generate

import (
	"testing"
)

// TestKeepRecall9 runs the keep checks on answers that the filler and
// needs-context rules turned away wrongly, beside the ones they still
// turn away.
func TestKeepRecall9(t *testing.T) {
	d := analyzed(t, "Luther\n\nMartin Luther was a monk. Luther taught in Wittenberg. Luther wrote hymns.")
	typed := func(it item, ty etype) item { it.typ, it.confident = ty, true; return it }
	tests := []struct {
		name string
		it   item
		want string
	}{
		{"a word with a learned ending", typed(cloze("Luther put religious instruction in the form of the _____.", "catechism"), eConcept), ""},
		{"a learned plural", typed(cloze("Proplastids may develop straight into _____.", "chromoplasts"), eConcept), ""},
		{"a trade", typed(cloze("In Maribor Luther worked as a _____ for 60 florins a month.", "draftsman"), eConcept), ""},
		{"a plain short word", typed(cloze("Luther wrote about _____ in his letters.", "prey"), eConcept), CheckFiller},
		{"a plain plural", typed(cloze("Luther kept _____ in his garden.", "birds"), eConcept), CheckFiller},
		{"that after a verb of thinking", typed(cloze("Luther believed that damage to the church was caused by _____.", "nepotism"), eConcept), ""},
		{"he after a name born", typed(cloze("Though Chopin was born near Warsaw, he moved to the city when he was _____ months old.", "seven"), eNumber), ""},
		{"he after a name that writes", typed(cloze("Al-Biruni wrote a work in which he detailed the properties of _____.", "medicinal drugs"), eConcept), ""},
		{"he after a place", typed(cloze("When Germany began _____ he wrote several notes.", "submarine warfare"), eConcept), CheckNeedsContext},
		{"those of", typed(cloze("Beetles have _____ similar to those of grasshoppers.", "chewing mouthparts"), eConcept), ""},
		{"those at the start", typed(cloze("Those of Luther were printed in _____.", "Wittenberg"), ePlace), CheckNeedsContext},
		{"a plural with no s", typed(cloze("The _____ gives many red algae their red colour.", "phycoerythrin pigment"), eConcept), ""},
		{"the same as said", typed(cloze("Simon gave states the same amount of oil for 1974 that each had used in _____.", "1972"), eDate), ""},
		{"the same with a comma", typed(cloze("The same report, Luther said, was printed in _____ as a pamphlet.", "Wittenberg"), ePlace), CheckNeedsContext},
		{"that as a determiner", typed(cloze("In 1517 _____ rejected that claim to the bishop.", "Martin Luther"), ePerson), CheckNeedsContext},
	}
	for _, tt := range tests {
		it := tt.it
		if got := d.keep(&it, false, map[string]*stemInfo{}); got != tt.want {
			t.Errorf("%s: keep(%q) = %q, want %q", tt.name, it.q.Stem, got, tt.want)
		}
	}
}

func TestLearnedWord(t *testing.T) {
	for _, tt := range []struct {
		w    string
		want bool
	}{
		{"catechism", true}, {"telepathy", true}, {"bigamy", true}, {"chromoplasts", true},
		{"draftsman", true}, {"ribosomes", true}, {"ism", false}, {"prism", false}, {"faith", false},
		{"birds", false}, {"someone", false},
	} {
		if got := learnedWord(tt.w); got != tt.want {
			t.Errorf("learnedWord(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

// TestSurnameInS checks that a surname ending in "s", which reads like a
// people's plural, is the person whose name ends in it, while a people
// stays a people.
func TestSurnameInS(t *testing.T) {
	d := analyzed(t, "John Adams\n\nJohn Adams was the second president. Adams was born in Braintree. The Normans invaded England. Adams died in 1826. The Twelve Cellists of the Berlin Philharmonic played. Cellists use an endpin.")
	for _, tt := range []struct {
		name string
		want etype
	}{
		{"Adams", ePerson},
		{"Normans", eGroup},
		{"Cellists", eGroup},
	} {
		e := d.byKey[nameKey(tt.name)]
		if e == nil {
			t.Fatalf("%s: no entity", tt.name)
		}
		if got := e.root().typ; got != tt.want {
			t.Errorf("%s: type %v, want %v", tt.name, got, tt.want)
		}
	}
}
