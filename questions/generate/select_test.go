package generate

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

func TestUnresolvedWord(t *testing.T) {
	for _, tt := range []struct {
		stem string
		want bool
	}{
		{"At Nuremberg in 1733 he published a collection of _____ observations.", true},
		{"Wilson had his faith in the government restored.", false},
		{"When did Wilson finally announce his support of the amendment?", false},
		{"In what year did Wilson win them over?", true},
		{"Many domestic breeds are larger than their wild ancestor.", false},
		{"What is thought to be inherited from their ancestor?", true},
		{"In what year was its existence first proved?", true},
		{"The bore is a series of tapers, larger at its end.", false},
		{"Who had been corresponding with both?", true},
		{"Both Adams and Jefferson died in _____.", false},
		{"This proposal was adopted in _____.", true},
		{"Wilson had to find a middle ground between those who supported the plan and those who opposed it.", false},
		{"Tesla moved to New York in _____.", false},
		{"Vetoing a bill to appropriate _____ for farmers in Texas, he wrote.", true},
	} {
		if got := unresolvedWord(prose.Tokenize(tt.stem)); got != tt.want {
			t.Errorf("unresolvedWord(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
}

func TestCountsAt(t *testing.T) {
	for _, tt := range []struct {
		stem string
		want bool
	}{
		{"as of _____, there are 88 private schools in new zealand.", true},
		{"over 10% of swedish pupils were enrolled in private schools in _____.", true},
		{"in _____, the country had a total population of approximately 1,000,000.", true},
		{"in _____, the city was founded by 300 settlers.", false},
		{"the treaty was signed in _____.", false},
		{"when did opec raise the posted price of oil by 70%?", false},
	} {
		if got := countsAt(tt.stem); got != tt.want {
			t.Errorf("countsAt(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
}

func TestSharesTopic(t *testing.T) {
	d := analyzed(t, "Islamism\n\nIslamism is a set of ideologies. Sudan had an Islamist regime under Hassan al-Turabi in 1989.")
	for _, tt := range []struct {
		key  string
		want bool
	}{
		{"Islamist", true},
		{"Islamism", true},
		{"Hassan al-Turabi", false},
		{"Sudan", false},
		{"1989", false},
	} {
		if got := d.sharesTopic(tt.key); got != tt.want {
			t.Errorf("sharesTopic(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

func TestAnalyze_SideMatterAndLead(t *testing.T) {
	d := analyzed(t, "Fox\n\nThe fox is a mammal. It hunts at night.\n\nFoxes live in dens.\n\nHabitat\n\nFoxes live in forests.\n\nIn popular culture\n\nA fox appears in the film Fantastic Mr. Fox by Wes Anderson.")
	want := map[string][2]any{ // prose paragraph, side matter
		"The fox is a mammal.":   {0, false},
		"It hunts at night.":     {0, false},
		"Foxes live in dens.":    {1, false},
		"Foxes live in forests.": {2, false},
		"A fox appears in the film Fantastic Mr. Fox by Wes Anderson.": {3, true},
	}
	for _, s := range d.sents {
		w, ok := want[s.text]
		if !ok {
			continue
		}
		delete(want, s.text)
		if s.prose != w[0].(int) || s.side != w[1].(bool) {
			t.Errorf("%q: prose paragraph %d, side %v; want %d, %v", s.text, s.prose, s.side, w[0], w[1])
		}
	}
	if len(want) > 0 {
		t.Errorf("sentences not found: %v", want)
	}
}

// TestGenerate_DefaultSetIsSurer checks that the default set keeps fewer
// items than the document supports, leaving out those of side matter, and
// that a set asked for by size is filled.
func TestGenerate_DefaultSetIsSurer(t *testing.T) {
	doc := "Grover Cleveland\n\n" +
		"Grover Cleveland was the 22nd and 24th President of the United States. He was born in Caldwell, New Jersey, in 1837. " +
		"Cleveland was elected mayor of Buffalo in 1881. He became Governor of New York in 1883. " +
		"Cleveland won the presidential election of 1884 against James G. Blaine. " +
		"He lost the election of 1888 to Benjamin Harrison. Cleveland defeated Harrison in 1892. " +
		"During his second term the Panic of 1893 struck the economy. Cleveland married Frances Folsom in 1886. " +
		"He vetoed 414 bills in his first term. Cleveland died in Princeton, New Jersey, in 1908.\n\n" +
		"In popular culture\n\n" +
		"Cleveland appears on the $1,000 bill printed by the Treasury in 1928. " +
		"The actor Richard Kiley played Cleveland in a film of 1962. " +
		"A song by Ray Davies about Cleveland came out in 1971."
	all, _, err := GenerateWithReport(doc, Options{N: 100})
	if err != nil {
		t.Fatal(err)
	}
	def, err := Generate(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(def.Questions) >= len(all.Questions) {
		t.Errorf("the default set has %d items, the document supports %d: want fewer", len(def.Questions), len(all.Questions))
	}
	for _, q := range def.Questions {
		if q.Source.Index >= 14 { // the sentences under "In popular culture"
			t.Errorf("the default set asks about side matter: %q", q.Stem)
		}
	}
	if err := def.Validate(); err != nil {
		t.Error(err)
	}
}

// TestSelectItems_MovesAnswers checks that a sentence whose only answer
// another sentence asks for gets it, when the other sentence can ask for
// something else: two answers asked instead of one.
func TestSelectItems_MovesAnswers(t *testing.T) {
	s1, s2 := &sentence{idx: 0, block: 0}, &sentence{idx: 1, block: 1}
	cloze := func(s *sentence, stem, key, answer string, score float64, order int) *candidate {
		q := questions.Question{Kind: questions.Cloze, Stem: stem, Answers: []questions.Choice{{Text: key, Weight: 100}}}
		return &candidate{item: item{q: q, key: key}, sent: s, group: fmt.Sprintf("%d:%s", s.idx, answer), answer: answer, score: score, order: order}
	}
	cands := []*candidate{
		cloze(s1, "The treaty was signed in "+questions.Blank+" by Beta.", "Paris", "paris", 3, 0),
		cloze(s1, "The treaty was signed in Paris by "+questions.Blank+".", "Beta", "beta", 1, 1),
		cloze(s2, "The court moved to "+questions.Blank+".", "Paris", "paris", 2, 2),
	}
	want := []string{cands[1].q.Stem, cands[2].q.Stem}
	var got []string
	for _, c := range selectItems(cands, 10, []questions.Kind{questions.Cloze}, map[int]int{0: 10, 1: 10}, false, map[string]int{}) {
		got = append(got, c.q.Stem)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("picked %q, want %q", got, want)
	}
}

func TestStemShapes(t *testing.T) {
	for _, tt := range []struct {
		stem        string
		typ         etype
		who, page   bool
		twoSentence bool
	}{
		{"Who is home to the largest fountain complex in the world?", ePlace, true, false, false},
		{"Who decided to convene an extraordinary party conference?", eOrg, false, false, false},
		{"Who reared a zoo-born tigress named Tara?", ePerson, false, false, false},
		{"Who originated near the equator?", eGroup, false, false, false},
		{"Here are a few examples of _____ and Wade-Giles, for comparison.", eName, false, true, false},
		{"The Palace is the seat of the parliament. Built in _____.", eDate, false, false, true},
		{"Who referred to the sounding point as the highway, said Dr. Suzuki?", ePerson, false, false, false},
		{"The ship sailed from St. Louis in _____.", eDate, false, false, false},
		{"As of _____, there are 88 private schools in New Zealand.", eDate, false, false, false},
	} {
		if got := whoForNoOne(prose.Tokenize(tt.stem), tt.typ); got != tt.who {
			t.Errorf("whoForNoOne(%q) = %v, want %v", tt.stem, got, tt.who)
		}
		if got := pointsAtPage(strings.ToLower(tt.stem)); got != tt.page {
			t.Errorf("pointsAtPage(%q) = %v, want %v", tt.stem, got, tt.page)
		}
		if got := twoSentences(prose.Tokenize(tt.stem)); got != tt.twoSentence {
			t.Errorf("twoSentences(%q) = %v, want %v", tt.stem, got, tt.twoSentence)
		}
	}
}

func TestIsSideHeading(t *testing.T) {
	for _, tt := range []struct {
		h    string
		want bool
	}{
		{"In popular culture", true},
		{"Trivia", true},
		{"Wolves in fiction", true},
		{"Elephants in Kerala culture", true},
		{"List of fictional ducks", true},
		{"Early life", false},
		{"Culture of Egypt", false},
		{"Egyptian culture", false},
		{"Habitat", false},
	} {
		if got := isSideHeading(tt.h); got != tt.want {
			t.Errorf("isSideHeading(%q) = %v, want %v", tt.h, got, tt.want)
		}
	}
}

// TestSelectItems_FewSureTopsUpToAQuiz checks that a default set with
// fewer sure items than a quiz wants is made up to minSure with the best
// of the others, not to the whole size asked: one item more or less among
// the sure ones must not double the set.
func TestSelectItems_FewSureTopsUpToAQuiz(t *testing.T) {
	var cands []*candidate
	paraWords := map[int]int{}
	for i := range 40 {
		s := &sentence{idx: i, block: i}
		paraWords[i] = 20
		score := -1 - float64(i)/100 // unsure
		if i < minSure-5 {
			score = 1 // sure
		}
		answer := fmt.Sprintf("answer%d", i)
		q := questions.Question{Kind: questions.Cloze, Stem: "It was " + questions.Blank + ".", Answers: []questions.Choice{{Text: answer, Weight: 100}}}
		cands = append(cands, &candidate{item: item{q: q, key: answer}, sent: s, group: answer, answer: answer, score: score, order: i})
	}
	got := selectItems(cands, 38, []questions.Kind{questions.Cloze}, paraWords, true, map[string]int{})
	if len(got) != minSure {
		t.Fatalf("picked %d items, want %d (minSure)", len(got), minSure)
	}
	sure := 0
	for _, c := range got {
		if c.score > 0 {
			sure++
		}
	}
	if sure != minSure-5 {
		t.Errorf("picked %d sure items, want all %d", sure, minSure-5)
	}
}

// TestSelectItems_NameBeforeDate: of a date and a person in one clause,
// whose items show each other's answer, the person is asked when the
// two score about alike; a date item with no such rival keeps its place.
func TestSelectItems_NameBeforeDate(t *testing.T) {
	for _, tt := range []struct {
		name     string
		otherTyp etype
		want     string
	}{
		{"Person", ePerson, "Tomas Varga"},
		{"Place", ePlace, "1882"},
		{"UnknownName", eName, "1882"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := &sentence{idx: 0}
			mk := func(stem, key string, typ etype, score float64) *candidate {
				c := &candidate{
					item:  item{q: questions.Question{Kind: questions.Cloze, Stem: stem, Answers: []questions.Choice{{Text: key, Weight: 100}}}, key: key},
					sent:  s,
					group: "0:" + key,
					score: score,
				}
				c.typ = typ
				return c
			}
			date := mk("In _____, Tomas Varga founded the Halden Society.", "1882", eDate, 1.5)
			other := mk("In 1882, _____ founded the Halden Society.", "Tomas Varga", tt.otherTyp, 1)
			date.order, other.order = 0, 1
			got := selectItems([]*candidate{date, other}, 2, []questions.Kind{questions.Cloze}, map[int]int{0: 20}, false, map[string]int{})
			if len(got) != 1 || got[0].key != tt.want {
				var keys []string
				for _, c := range got {
					keys = append(keys, c.key)
				}
				t.Errorf("picked %q, want only %q", keys, tt.want)
			}
		})
	}
}
