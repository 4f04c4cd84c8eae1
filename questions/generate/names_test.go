package generate

import (
	"strings"
	"testing"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

const curies = `Marie Curie (born Maria Salomea Skłodowska; 7 November 1867 – 4 July 1934) was a Polish physicist and chemist who conducted pioneering research on radioactivity.

Her husband, Pierre Curie, was a co-winner of her first Nobel Prize. In 1906, Pierre Curie died in a Paris street accident.

Curie was born in Warsaw, in what was then the Kingdom of Poland. In 1891, aged 24, she followed her elder sister Bronisława to study in Paris.

Henri Becquerel shared the 1903 prize with the Curies. Albert Einstein met Marie Curie in 1911.`

// TestGenerate_OtherNames checks two ways a person is named twice: a birth
// name in parentheses is the same person, never a distractor for her, and
// a surname two people share never names one of them in a stem.
func TestGenerate_OtherNames(t *testing.T) {
	set, err := Generate(curies, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range set.Questions {
		if q.Kind == questions.MultipleChoice {
			var marie, maria bool
			for _, c := range q.Choices {
				marie = marie || c.Text == "Marie Curie"
				maria = maria || strings.Contains(c.Text, "Skłodowska")
			}
			if marie && maria {
				t.Errorf("%q offers Marie Curie and her birth name as two options", q.Stem)
			}
		}
		rest := strings.NewReplacer("Marie Curie", "", "Pierre Curie", "").Replace(q.Stem)
		if prose.ContainsWord(rest, "Curie") {
			t.Errorf("%q names a Curie by the surname alone", q.Stem)
		}
		for _, a := range q.Answers {
			if a.Text == "Curie" {
				t.Errorf("%q accepts the bare surname Curie, which names two people", q.Stem)
			}
		}
	}
	if len(set.Questions) == 0 {
		t.Fatal("no questions from the Curie text")
	}
}

func TestNamesAmbiguously(t *testing.T) {
	shared := newSurnames(map[string][]string{"Curie": {"Marie Curie", "Pierre Curie"}})
	for stem, want := range map[string]bool{
		"Where was Curie born?":                    true,
		"Where was Marie Curie born?":              false,
		"Who died in a Paris street accident?":     false,
		"Marie Curie met Curie's friend in Paris.": true,
		"The Curies shared the prize.":             false,
		"Où Curie est-elle née?":                   true,  // not ASCII: read rune by rune
		"Where was Curieé born?":                   false, // a longer word, not ASCII
		"1903: Curie, the prize":                   true,
		"McCurie and Curie2 met.":                  false,
	} {
		if got := namesAmbiguously(stem, shared); got != want {
			t.Errorf("namesAmbiguously(%q) = %v, want %v", stem, got, want)
		}
	}
}

// TestIndexNames_TitleWord checks that a surname in the title is the
// topic's in a stem, however many others bear it: "Adams" in a text
// titled John Adams is John Adams.
func TestIndexNames_TitleWord(t *testing.T) {
	d := analyzed(t, "John Adams\n\nJohn Adams was the second president. His cousin Samuel Adams led the protests. His son John Quincy Adams was president too. Adams was born in Braintree.")
	d.topic = nil // as when the title's entity was read as a group: the title's words still count
	d.indexNames()
	if names, ok := d.shared.names["Adams"]; ok {
		t.Errorf("the title's surname Adams counts as shared by %q; want it left to the topic", names)
	}
}

// TestMergeVariants_PlaceOfPerson checks that the place in "John P.
// Altgeld of Illinois" is not read as his surname: "Illinois" alone is
// the state, "Altgeld" alone is he.
func TestMergeVariants_PlaceOfPerson(t *testing.T) {
	altgeld := &entity{typ: ePerson, core: []string{"john", "p.", "altgeld", "of", "illinois"}, forms: []string{"John P. Altgeld of Illinois"}, counts: []int{1}}
	state := &entity{typ: eName, core: []string{"illinois"}, forms: []string{"Illinois"}, counts: []int{1}}
	surname := &entity{typ: eName, core: []string{"altgeld"}, forms: []string{"Altgeld"}, counts: []int{1}}
	mergeVariants([]*entity{altgeld, state, surname}, nil)
	if state.merged != nil {
		t.Errorf("Illinois is merged into %q, want it apart", state.root().forms)
	}
	if surname.root() != altgeld {
		t.Errorf("Altgeld is not merged into John P. Altgeld of Illinois")
	}
}
