package generate

import (
	"strings"
	"testing"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// TestUnsaidReferent checks definite phrases that point back at a thing
// the stem does not name, and sound ones like them.
func TestUnsaidReferent(t *testing.T) {
	d := analyzed(t, "Pacific Railway\n\nThe railway was built in 1869. The railway ran west. The railway crossed the plains. The railway made money. A bill passed. Its plan was cheap. The governor signed a treaty. The station was new. The station burned. The station was rebuilt. The station closed.")
	for stem, want := range map[string]bool{
		"Who owned the controlling interest in the new team?":           true,
		"When did the final plan pass despite opposition by bankers?":   true,
		"The neighborhood is considered the center of the community.":   true,
		"Although that document was drafted by Jefferson, Adams spoke.": true,
		"When was the treaty signed?":                                   true,
		"When was the railway completed?":                               false, // the title's word
		"When was the station rebuilt?":                                 true,  // one of many however often named
		"In what year did the character first appear?":                  true,
		"Who led the government in 1870?":                               false, // one of a kind
		"When was the treaty of Paris signed?":                          false, // "of" says which
		"Who built the largest fountain complex in the world?":          false, // picks itself out
		"When did the first trains run?":                                false,
		"Who was governor of the Treaty Ports?":                         false,
		"The strings are sounded by plucking.":                          false, // plural: a kind
		"Who signed the treaty Jay negotiated?":                         false, // a name follows
		"He said that the treaty was signed.":                           true,
		"He said that treaties were signed.":                            false, // "that" a conjunction
		`Adams said "the line was hostile".`:                            false, // quoted
		"How many pairs of appendages are found around the mouth?":      false,
	} {
		if got := d.unsaidReferent(prose.Tokenize(stem)); got != want {
			t.Errorf("unsaidReferent(%q) = %v, want %v", stem, got, want)
		}
	}
}

// TestBrokenStatement checks true/false statements put together wrongly
// (brokenStem's marks, which every kind is read for, and brokenStatement's),
// and sound ones like them.
func TestBrokenStatement(t *testing.T) {
	falseWith := func(stem, swap string) item {
		it := truth(stem)
		it.q.Truth, it.swapTo = false, swap
		return it
	}
	for _, tt := range []struct {
		it   item
		want bool
	}{
		{truth("Now and are distinct."), true},
		{truth("Adams was unaware that Jefferson, his great political rival."), true},
		{truth("Grant Avenue is a seven block long."), true},
		{falseWith("They are the other one wealthy districts of Lima.", "one"), true},
		{truth("Adams was unaware that Jefferson had died."), false},
		{truth("The bridge is a mile long."), false},
		{truth("The avenue is seven blocks long."), false},
		{truth("Cats and dogs are distinct."), false},
		{falseWith("They are the other one wealthy district of Lima.", "one"), false},
		{falseWith("He was the elder of one children of John and Victoria.", "one"), true},
		{falseWith("They are the other three wealthy districts of Lima.", "three"), false},
	} {
		toks := prose.Tokenize(tt.it.q.Stem)
		if got := brokenStem(toks, &tt.it) || brokenStatement(toks, &tt.it); got != tt.want {
			t.Errorf("brokenStem or brokenStatement(%q) = %v, want %v", tt.it.q.Stem, got, tt.want)
		}
	}
}

// TestReferenceEntry checks reference-list entries run into a sentence.
func TestReferenceEntry(t *testing.T) {
	for s, want := range map[string]bool{
		"He was overthrown by a coup Interview with Stockwell (Adam Curtis, BBC Two, 22 June 1992) On the coup: Gaines, Kevin (2006) Africans in Ghana.": true,
		"Gaines, Kevin (2006) American Africans in Ghana.": true,
		"In Accra (the capital), Nkrumah spoke in 1957.":   false,
		"Kufuor, the president (2001), spoke.":             false,
	} {
		if got := residue(s); got != want {
			t.Errorf("residue(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSideAsk checks short answers that ask who commented, and sound
// questions like them.
func TestSideAsk(t *testing.T) {
	for q, want := range map[string]bool{
		"Who offers some context based on Coolidge's sense of federalism?":                      true,
		"Who referred to the sounding point as the Kreisler highway?":                           true,
		"Who writes that Luther had no intention of confronting the church?":                    true,
		"Who has argued that the war was lost?":                                                 true,
		"Who was born on December 21?":                                                          true,
		"Who wrote the Declaration of Independence?":                                            false,
		"Who founded the Uppsala Astronomical Observatory?":                                     false,
		"Who was born in Smiljan to a Serbian Orthodox priest and a mother who invented tools?": false,
	} {
		if got := sideAsk(prose.Tokenize(q)); got != want {
			t.Errorf("sideAsk(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestNamedOnce checks that a person the document names once is a side
// figure to a short answer or a statement, and one it names again is not.
func TestNamedOnce(t *testing.T) {
	d := analyzed(t, "Celsius\n\nAnders Celsius was born in Uppsala. Celsius taught astronomy. The academy was directed by the mathematician Augustin Danyzy. Carl Linnaeus reversed the scale. Linnaeus was a botanist. Celsius died in 1744.")
	short := func(key string) item {
		return item{q: questions.Question{Kind: questions.ShortAnswer, Stem: "Who directed the academy?"}, key: key, typ: ePerson}
	}
	relative := short("Carl Linnaeus")
	relative.source = "The scale was reversed by Carl Linnaeus, who was a botanist."
	for _, tt := range []struct {
		it   item
		want bool
	}{
		{relative, true}, // twice named, and asked for what a relative clause says of him
		{short("Augustin Danyzy"), true},
		{short("Carl Linnaeus"), false},
		{truth("Augustin Danyzy was a mathematician."), true},
		{truth("Linnaeus was a botanist."), true}, // named twice
		{truth("Anders Celsius was an astronomer."), false},
		{truth("The academy was directed by Augustin Danyzy."), false},
	} {
		if got := d.namedOnce(&tt.it, prose.Tokenize(tt.it.q.Stem)); got != tt.want {
			t.Errorf("namedOnce(%q, %q) = %v, want %v", tt.it.q.Stem, tt.it.key, got, tt.want)
		}
	}
}

// TestSecondAnswer checks short answers that say others fit as well.
func TestSecondAnswer(t *testing.T) {
	d := analyzed(t, "Reformation\n\nMartin Luther taught at Wittenberg. Philip Melanchthon taught with Luther. Melanchthon wrote a confession. Philip of Hesse married twice. Springfield is in Illinois.")
	for q, want := range map[string]bool{
		"Who solicited the approval of Luther, Melanchthon?": true,
		"Who was born in Springfield, Illinois?":             false,
		"What does the university also operate?":             true,
		"What does the university operate?":                  false,
	} {
		toks := prose.Tokenize(q)
		if got := alsoAsked(toks) || d.personListEnd(toks); got != want {
			t.Errorf("second answer for %q = %v, want %v", q, got, want)
		}
	}
}

// TestLeansOnText checks comparisons, "a new" things and first names the
// item does not explain, and sound items like them.
func TestLeansOnText(t *testing.T) {
	for q, want := range map[string]bool{
		"Who was much more committed to Islamism?":                  true,
		"When did a new investigation begin?":                       true,
		"Who signed another treaty in 1802?":                        true,
		"When did Robert die in Manchester Vermont?":                true,
		"Who won by more than 50,000 votes?":                        false,
		"Who was more popular than Adams?":                          false,
		"When did Wilson's first wife Ellen die?":                   false,
		"When did Robert Todd Lincoln die?":                         false,
		"Who led the Reformation in Wittenberg?":                    false,
		"Mary Todd Lincoln was born in Kentucky.":                   false,
		"When did the treaty become effective once more in Europe?": false,
	} {
		if got := leansOnText(prose.Tokenize(q)); got != want {
			t.Errorf("leansOnText(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestClozeLeansOnText checks the marks of leansOnText a blank's stem
// shows too, and the comparisons in passing it lets be.
func TestClozeLeansOnText(t *testing.T) {
	for q, want := range map[string]bool{
		"In the Blank session, Coolidge was more outspoken.":           true,
		"The Blank session was less eventful.":                         true,
		"A new constitution was promulgated in Blank.":                 true,
		"When was a new law approved by the Blank?":                    true,
		"Another expedition reached Blank.":                            true,
		"In Romania a new prime minister is appointed in Blank.":       false,
		"When did another survey find Blank species?":                  true,
		"Hybrids are much more unlikely in Blank.":                     false,
		"White wolves are more common in areas with Blank.":            false,
		"The Blank session was more eventful than the first.":          false,
		"La Follette split from the party to form a new Blank.":        false,
		"Lincoln was seven when the family made a new start in Blank.": false,
		"In what year did the company open another factory in Ohio?":   false,
		"Blank is more popular.":                                       true,
		"More recently, campuses opened in Blank.":                     false,
		"The party won once more in Blank.":                            false,
	} {
		if got := clozeLeansOnText(prose.Tokenize(q)); got != want {
			t.Errorf("clozeLeansOnText(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestTopicByTitle checks that the person topic named with a title is
// the topic, and a relative who shares the surname is not.
func TestTopicByTitle(t *testing.T) {
	d := analyzed(t, "Abraham Lincoln\n\nAbraham Lincoln was born in Kentucky. Lincoln moved to Illinois. President-elect Lincoln evaded assassins. Thomas Lincoln was his father. Lincoln won in 1860.")
	for key, want := range map[string]bool{
		"President-elect Lincoln": true,
		"President Lincoln":       true,
		"Thomas Lincoln":          false,
		"Stephen Douglas":         false,
	} {
		if got := d.topicByTitle(key); got != want {
			t.Errorf("topicByTitle(%q) = %v, want %v", key, got, want)
		}
	}
}

// TestSwapInAside checks false statements that turn on a detail of an
// aside, and ones that turn on the main claim.
func TestSwapInAside(t *testing.T) {
	for _, tt := range []struct {
		stem, swap string
		want       bool
	}{
		{"Grant Avenue, a seven block long, north-south street in the Bronx, is named after Grant.", "seven", true},
		{"Grant Avenue, a long street in the Bronx, was named in 1905.", "1905", false},
		{"In 1885 Tesla moved to Paris, France, to work as an engineer.", "1885", false},
		{"Coolidge married Grace Goodhue, a schoolteacher born in 1879, in 1905.", "1879", true},
	} {
		if got := swapInAside(tt.stem, tt.swap); got != tt.want {
			t.Errorf("swapInAside(%q, %q) = %v, want %v", tt.stem, tt.swap, got, tt.want)
		}
	}
}

// TestResolveFlat checks that a sentence the parse cannot read, opening
// with "his" or "he", names the person the document is about when the
// sentence before is about that person, and is left alone when it may
// mean someone else.
func TestResolveFlat(t *testing.T) {
	tests := []struct {
		name, doc, sent string
		want            string // the clause's text, "" for left unresolved
	}{
		{"a possessive after a sentence about the topic", "Nikola Tesla\n\nNikola Tesla was an inventor. He was born in Smiljan. Tesla was born in 1856. His father, Milutin Tesla, was a Serbian Orthodox priest.",
			"His father", "Tesla's father, Milutin Tesla, was a Serbian Orthodox priest."},
		{"another person's subject before", "Abraham Lincoln\n\nAbraham Lincoln was a lawyer. He was elected in 1860. Historian Allan Nevins argues that Lincoln erred. His father, Thomas, was a farmer, a carpenter.",
			"His father", ""},
		{"she for a man", "Nikola Tesla\n\nNikola Tesla was an inventor. He was born in Smiljan. Tesla was born in 1856. Her father, Milutin Tesla, was a Serbian Orthodox priest.",
			"Her father", ""},
	}
	for _, tt := range tests {
		checkResolved(t, tt.name, tt.doc, tt.sent, tt.want)
	}
}

// TestResolveItSubject checks that "it" opening a sentence names the
// subject of the sentence before when that sentence said what its
// subject is, and is left alone when "it" may be something else.
func TestResolveItSubject(t *testing.T) {
	tests := []struct {
		name, doc, sent string
		want            string // the clause's text, "" for left unresolved
	}{
		{"a thing described", "Elephants\n\nThe Asian elephant is smaller than the African. It has smaller ears.",
			"It has", "The Asian elephant has smaller ears."},
		{"a thing done to", "Liechtenstein\n\nLiechtenstein's current constitution was adopted in October 1921. It established a monarchy.",
			"It established", "Liechtenstein's current constitution established a monarchy."},
		{"the subject did something", "Wars of the Middle East\n\nIn 1973, Egypt launched the October War. It was an attempt to take back the Sinai.",
			"It was", ""},
		{"a part of what of names", "Romania\n\nThe significance of the Danube Delta has been recognised. It was declared a reserve in 1990.",
			"It was", ""},
		{"the doer of a passive", "Lima\n\nLima is served by the Jorge Chavez airport. It is the largest airport of the country.",
			"It is", ""},
		{"a plural", "Elephants\n\nThe tusks are long. It is used for digging.",
			"It is", ""},
		{"a second clause", "Warsaw\n\nThe first measure was the enlargement of the city, but the registration was kept. It bolstered a conviction.",
			"It bolstered", ""},
		{"a dummy it", "Beetles\n\nThe death watch beetle is a pest. It is thought that the pest arrives with the timber.",
			"It is", ""},
		{"a new paragraph", "Elephants\n\nThe Asian elephant is smaller than the African.\n\nIt has smaller ears.",
			"It has", ""},
	}
	for _, tt := range tests {
		checkResolved(t, tt.name, tt.doc, tt.sent, tt.want)
	}
}

// checkResolved checks the clause the sentence of doc starting with sent
// was rewritten to: want, or none when want is "".
func checkResolved(t *testing.T, name, doc, sent, want string) {
	t.Helper()
	d := analyzed(t, doc)
	var got *clause
	for _, s := range d.sents {
		for _, c := range s.clauses {
			if strings.HasPrefix(s.text, sent) && c.derived && c.text != s.text {
				got = c
			}
		}
	}
	switch {
	case want == "" && got != nil:
		t.Errorf("%s: got %q, want it unresolved", name, got.text)
	case want != "" && got == nil:
		t.Errorf("%s: unresolved, want %q", name, want)
	case got != nil && got.text != want:
		t.Errorf("%s: got %q, want %q", name, got.text, want)
	}
}

// TestResolveThis checks that "this N" names the one thing the sentence
// before called an N, and is left alone where that is not sure.
func TestResolveThis(t *testing.T) {
	for _, tt := range []struct{ name, doc, sent, want string }{
		{"one address named", "Muhammad Iqbal\n\nIn his Allahabad Address in 1930, Iqbal outlined a vision of a state. This address later inspired the Pakistan movement.",
			"This address", "The Allahabad Address later inspired the Pakistan movement."},
		{"inside the clause", "Abraham Lincoln\n\nIn 1860, the Illinois Republican State Convention was held in Decatur. At this convention, Lincoln received his first endorsement.",
			"At this", "At the Illinois Republican State Convention, Lincoln received his first endorsement."},
		{"two deserts", "Egypt\n\nEgypt includes parts of the Sahara Desert and of the Libyan Desert. This desert was called the red land.",
			"This desert", ""},
		{"nothing of the kind named", "Egypt\n\nEgypt includes parts of the Sahara Desert. This region was called the red land.",
			"This region", ""},
		{"a compound noun", "Lima\n\nLima has the Central Highway. This highway system connects the districts.",
			"This highway", ""},
		{"a new paragraph", "Muhammad Iqbal\n\nIn his Allahabad Address in 1930, Iqbal outlined a vision of a state.\n\nThis address later inspired the Pakistan movement.",
			"This address", ""},
	} {
		checkResolved(t, tt.name, tt.doc, tt.sent, tt.want)
	}
}

// TestResolveYear checks that "that year" and "the following year" take
// the one year the sentence before gives, and are left alone where the
// year is not sure.
func TestResolveYear(t *testing.T) {
	for _, tt := range []struct{ name, doc, sent, want string }{
		{"that year", "Boston Police Strike\n\nIn 1919 Police Commissioner Edwin Curtis issued a statement. In August of that year, the American Federation of Labor issued a charter to the union.",
			"In August", "In August of 1919, the American Federation of Labor issued a charter to the union."},
		{"the same year, fronted", "Nikola Tesla\n\nIn 1882 Tesla moved to Paris. In the same year, Tesla conceived the induction motor.",
			"In the same", "In 1882, Tesla conceived the induction motor."},
		{"the following year", "Nikola Tesla\n\nIn 1882 Tesla moved to Paris. The following year, Tesla returned to Strasbourg.",
			"The following", "In 1883, Tesla returned to Strasbourg."},
		{"two years before", "Nikola Tesla\n\nTesla moved to Paris in 1882 and to Strasbourg in 1883. That year, Tesla built a motor.",
			"That year", ""},
		{"a date in the clause first", "Nikola Tesla\n\nIn 1882 Tesla moved to Paris. In 1884, the company of that year was sold.",
			"In 1884", ""},
		{"a second clause", "Ghana\n\nThe coup came in 1981. A constitution was promulgated in 1992, and Rawlings was elected in the elections of that year.",
			"A constitution", ""},
		{"the year's noun", "Nikola Tesla\n\nIn 1882 Tesla moved to Paris. That year's work was slow.",
			"That year", ""},
	} {
		checkResolved(t, tt.name, tt.doc, tt.sent, tt.want)
	}
}

// TestTopicOpens checks which sentences open with the person the text is
// about as their subject, however the name is written, so that a "he"
// after them is that person; and which may leave "he" to someone else.
func TestTopicOpens(t *testing.T) {
	d := analyzed(t, "Nikola Tesla\n\nNikola Tesla was an inventor. He was born in Smiljan. Tesla was born in 1856. Tesla died in 1943. Robert Johnson was an editor.")
	for _, tt := range []struct {
		sent string
		want bool
	}{
		{"Tesla was good friends with Robert Johnson.", true},
		{"Dr. Nikola Tesla (born 10 July 1856 in Smiljan) was a physicist.", true},
		{"Nikola Tesla, Jr. (1856–1943) was a physicist.", true},
		{"Tesla's earliest work was on motors.", true},
		{"Tesla's friend was Robert Johnson.", false},          // the possessive beside another person
		{"Tesla, with Robert Johnson, was in Paris.", false},   // another person in the aside
		{"Robert Johnson was good friends with Tesla.", false}, // another subject
		{"In 1882 Tesla moved to Paris.", false},               // not the sentence's opening
		{"Tesla Motors was founded in 2003.", false},           // a name ending elsewhere
	} {
		s := &sentence{text: tt.sent, toks: prose.Tokenize(tt.sent)}
		s.ments = findMentions(s.toks, &d.stats)
		for k := range s.ments {
			if e := d.byKey[nameKey(s.ments[k].text)]; e != nil {
				s.ments[k].ent, s.ments[k].typ = e.root(), e.root().typ
			}
		}
		if got := d.topicOpens(s); got != tt.want {
			t.Errorf("topicOpens(%q) = %v, want %v", tt.sent, got, tt.want)
		}
	}
}
