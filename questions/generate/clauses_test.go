package generate

import (
	"reflect"
	"testing"

	"factdrill/questions/generate/prose"
)

// parseTests are sentences and the parts parse finds: the subject, the
// verb group and the fronted phrases; "" subject when it cannot read one.
var parseTests = []struct {
	name, sentence string
	subject, verb  string
	fronted        int
}{
	{"Plain", "The Normans conquered England in 1066.", "The Normans", "conquered", 0},
	{"DateFirst", "On December 30, 1920, leaders of intra-party groups spoke at a meeting.", "leaders of intra-party groups", "spoke", 1},
	{"According", "According to Kiselyov, serious disagreements emerged at the beginning of 1920.", "serious disagreements", "emerged", 1},
	{"Auxiliaries", "The theses had not been accepted by the congress.", "The theses", "had not been accepted", 0},
	{"Appositive", "Aleksei Kiselyov, chair of the Miners' Union, signed the theses.", "Aleksei Kiselyov, chair of the Miners' Union,", "signed", 0},
	{"Connective", "Moreover, the party met again.", "the party", "met", 0},
	{"Bracket", "The Normans (Norman: Nourmands) gave their name to Normandy.", "The Normans (Norman: Nourmands)", "gave", 0},
	{"RelativeInSubject", "The man who led them died in 1920.", "", "", 0},
	{"NoVerb", "A kangaroo in motion.", "", "", 0},
}

func TestClause_Parse(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyzed(t, tt.sentence)
			c := d.sents[0].clauses[0]
			if tt.subject == "" {
				if c.ok || !c.flat {
					t.Errorf("parse(%q) read subject %q, want none (a flat clause)", tt.sentence, textOf(c.toks, c.subj))
				}
				return
			}
			if !c.ok {
				t.Fatalf("parse(%q) read nothing, want subject %q", tt.sentence, tt.subject)
			}
			if got := textOf(c.toks, c.subj); got != tt.subject {
				t.Errorf("subject of %q = %q, want %q", tt.sentence, got, tt.subject)
			}
			if got := textOf(c.toks, c.verb); got != tt.verb {
				t.Errorf("verb of %q = %q, want %q", tt.sentence, got, tt.verb)
			}
			if len(c.advs) != tt.fronted {
				t.Errorf("%q has %d fronted phrases, want %d", tt.sentence, len(c.advs), tt.fronted)
			}
		})
	}
}

func TestClauseSpans(t *testing.T) {
	for _, tt := range []struct {
		sentence string
		want     []string
	}{
		{"The party met in 1920; it voted in 1921.", []string{"The party met in 1920", "it voted in 1921."}},
		{"Kollontai wrote the pamphlet, but Lenin rejected it.", []string{"Kollontai wrote the pamphlet", "Lenin rejected it."}},
		{"The committee opposed Kopylov and called for a conference.", []string{"The committee opposed Kopylov and called for a conference."}},
		{"He said: the party is one.", []string{"He said", "the party is one."}},
	} {
		d := analyzed(t, tt.sentence)
		s := d.sents[0]
		var got []string
		for _, sp := range clauseSpans(s.toks) {
			got = append(got, s.text[s.toks[sp[0]].Start:s.toks[sp[1]-1].End])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("clauseSpans(%q) = %q, want %q", tt.sentence, got, tt.want)
		}
	}
}

// statementTests are sentences and the statement and cloze the first
// clause makes of them: connectives dropped, trailing comments cut,
// qualifiers kept.
var statementTests = []struct {
	sentence, key, statement, cloze string
}{
	{"However, the Normans conquered England in 1066, which changed its history.", "1066",
		"The Normans conquered England in 1066.", "The Normans conquered England in _____."},
	{"Initially the Normans kept a distinct culture in Italy.", "Italy",
		"Initially the Normans kept a distinct culture in Italy.", "Initially the Normans kept a distinct culture in _____."},
	{"The gas occupies 22.4 litres at the same temperature and pressure.", "22.4",
		"The gas occupies 22.4 litres at the same temperature and pressure.", "The gas occupies _____ litres at the same temperature and pressure."},
	{"Larger kingdoms were formed in West Africa in 1076, one of which was Ghana.", "1076",
		"Larger kingdoms were formed in West Africa in 1076.", "Larger kingdoms were formed in West Africa in _____."},
	{"The clinical section is located in a 10-floor building with 700 beds.", "700",
		"The clinical section is located in a 10-floor building with 700 beds.", "The clinical section is located in a 10-floor building with _____ beds."},
}

func TestClause_StatementAndCloze(t *testing.T) {
	for _, tt := range statementTests {
		d := analyzed(t, tt.sentence)
		c := d.sents[0].clauses[0]
		if got := c.statement(-1, ""); got != tt.statement {
			t.Errorf("statement of %q = %q, want %q", tt.sentence, got, tt.statement)
		}
		k := -1
		for i, m := range c.ments {
			if m.text == tt.key {
				k = i
			}
		}
		if k < 0 {
			t.Errorf("%q: no mention %q among %v", tt.sentence, tt.key, c.ments)
			continue
		}
		if got := c.clozeStem(k); got != tt.cloze {
			t.Errorf("cloze of %q for %q = %q, want %q", tt.sentence, tt.key, got, tt.cloze)
		}
	}
}

func TestResolvePronoun(t *testing.T) {
	d := analyzed(t, "In 1041 Edward the Confessor returned from exile. He appointed Robert archbishop in 1051. "+
		"Emma of Normandy married Ethelred. She ruled after him. "+
		"Zbyslava Kowal met Ruric Sventa. She ruled after him.")
	firstClauses(t, d, map[int]string{
		1: "Edward the Confessor appointed Robert archbishop in 1051.", // he: the last person named
		3: "Emma of Normandy ruled after him.",                         // she: a name the lists know as a woman's
		5: "She ruled after him.",                                      // she: no name known as a woman's
	})
}

// firstClauses checks how the first clause of sentences of d reads, by
// sentence index.
func firstClauses(t *testing.T, d *document, want map[int]string) {
	t.Helper()
	for i, w := range want {
		if got := d.sents[i].clauses[0].text; got != w {
			t.Errorf("sentence %d reads %q, want %q", i, got, w)
		}
	}
}

// TestResolvePronoun_Topic: in a text about a person, "he" goes on about
// the person the sentence before had for its subject, however many
// others it named after the verb, and a surname read as a people
// ("Adams") leaves "he" to the topic.
func TestResolvePronoun_Topic(t *testing.T) {
	d := analyzed(t, "Tomas Varga\n\nTomas Varga was a Morland judge. "+
		"He was defeated in 1888 by William Harris, against whom he ran again in 1892. He won the election of 1896. "+
		"William Harris defeated Varga in 1900. He left the town in 1901.")
	firstClauses(t, d, map[int]string{
		3: "Tomas Varga won the election of 1896.", // Harris was named after the verb
		5: "William Harris left the town in 1901.", // the subject before is another person
	})
	for i, want := range map[int]bool{2: true, 4: false} {
		if got := d.aboutTopic(d.sents[i].clauses[0]); got != want {
			t.Errorf("sentence %d is about the topic: %v, want %v", i, got, want)
		}
	}
	d = analyzed(t, "John Adams\n\nJohn Adams was the second president. Adams stayed in his home town. He wanted to stay out of the game.")
	if got, want := d.sents[3].clauses[0].text, "Adams wanted to stay out of the game."; got != want {
		t.Errorf("after a surname read as a people, the sentence reads %q, want %q", got, want)
	}
}

// TestRelativeClauses checks which noun a ", which" clause or an
// appositive is read of:
// the one before the comma, but not a name after "by", which belongs to
// a larger phrase ("the portrait ... by Leonardo da Vinci, which was
// purchased ...").
func TestRelativeClauses(t *testing.T) {
	for _, tt := range []struct {
		sentence, want, not string
	}{
		{"In 1882 Tesla worked for the Continental Edison Company, which was based in Paris.", "The Continental Edison Company was based in Paris.", ""},
		{"The family sold the portrait Ginevra de' Benci by Leonardo da Vinci, which was purchased by the National Gallery of Art in 1967.", "", "Leonardo da Vinci was purchased by the National Gallery of Art in 1967."},
		// A plural verb is not said of one name before the comma.
		{"Grant wrote several articles for The Century Magazine, which were warmly received by readers.", "", "The Century Magazine were warmly received by readers."},
		// "X, the Y" in a list is its next member, not what X is.
		{"Upon his return he was employed at La Rochelle, the Isle of Aix and Cherbourg.", "", "La Rochelle was the Isle of Aix and Cherbourg."},
		{"Doctor Who appeared in the video game Rock Band, the soap opera EastEnders, the comedy show Robot Chicken and the game RuneScape.", "", "Rock Band is the soap opera EastEnders."},
		{"Doctor Who appeared in the video game Rock Band, the soap opera EastEnders, the comedy show Robot Chicken and the game RuneScape.", "", "Rock Band was the soap opera EastEnders."},
		// "the second of four children" is said of the person born there.
		{"Roosevelt was born in the Gramercy section of New York City, the second of four children of Theodore Roosevelt (1831–1877) and Mittie Bulloch.", "", "New York City was the second of four children of Theodore Roosevelt."},
		{"Roosevelt was born in the Gramercy section of New York City, the second of four children of Theodore Roosevelt (1831–1877) and Mittie Bulloch.", "", "New York City is the second of four children of Theodore Roosevelt."},
		// Roles that run into the next name are that name's.
		{"Its alumni include the writer Saul Bellow, political philosopher, literary critic and author Allan Bloom, and Susan Sontag.", "", "Saul Bellow was political philosopher."},
		{"Its alumni include the writer Saul Bellow, political philosopher, literary critic and author Allan Bloom, and Susan Sontag.", "", "Saul Bellow is political philosopher."},
		// A plural role after a list is one of the list's: "one of the
		// official languages", never "an official languages"; a single
		// role keeps its article.
		{"Mandarin is beginning to sit beside English and Standard Cantonese, the official languages.", "Standard Cantonese is one of the official languages.", "Standard Cantonese is an official languages."},
		{"The city fell to Alexius Komnenos, the Byzantine general.", "Alexius Komnenos was a Byzantine general.", "Alexius Komnenos was one of the Byzantine general."},
		// An appositive that describes stays.
		{"The Normans settled in Normandy, a region in France. Normandy is rich.", "Normandy is a region in France.", ""},
	} {
		d := analyzed(t, tt.sentence)
		var got []string
		for _, c := range d.sents[0].clauses {
			got = append(got, c.text)
		}
		if tt.want != "" && !containsString(got, tt.want) {
			t.Errorf("clauses of %q = %q, want %q among them", tt.sentence, got, tt.want)
		}
		if tt.not != "" && containsString(got, tt.not) {
			t.Errorf("clauses of %q = %q, want no %q", tt.sentence, got, tt.not)
		}
	}
}

// TestResolveIt: an "it" that opens a sentence stands for a topic that is
// no person when the sentence before had the topic for its subject, and
// only then; the "it" of "it is thought that" stands for nothing.
func TestResolveIt(t *testing.T) {
	text := "Morland\n\nMorland is a small country in the Alps. It joined the Varga League in 1921. " +
		"It is thought that few people lived there. The Varga League met in Halden. It voted in 1930. " +
		"Morland has a king. In 1950, it adopted a constitution. " +
		"Morland lost the war. After the defeat of Varga, it lost its colonies."
	d := analyzed(t, text)
	if d.topic == nil || d.topic.display() != "Morland" {
		t.Fatalf("topic %v, want Morland", d.topic)
	}
	firstClauses(t, d, map[int]string{
		2: "Morland joined the Varga League in 1921.",
		3: "It is thought that few people lived there.", // a dummy it
		5: "It voted in 1930.",                          // the sentence before was about another thing
		7: "In 1950, Morland adopted a constitution.",
		9: "After the defeat of Varga, it lost its colonies.", // Varga may be what it is
	})
}

// TestResolveIt_Thing: an "it" after a sentence that says what a named
// thing is stands for that thing; after one where the thing does
// something, or where the topic is done something to by another, it
// stays.
func TestResolveIt_Thing(t *testing.T) {
	text := "Morland\n\nMorland is a small country in the Alps. " +
		"The Varga Council is the highest court of Morland. It met in Halden in 1921. " +
		"The Varga Council compiled the laws of the kingdom. It was divided into nine books. " +
		"Morland is served by the Halden Railway. It is the longest railway in the Alps."
	d := analyzed(t, text)
	firstClauses(t, d, map[int]string{
		3: "The Varga Council met in Halden in 1921.",
		5: "It was divided into nine books.",
		7: "It is the longest railway in the Alps.",
	})
}

func TestDummyIt(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"It is thought that few people lived in the valley.", true},
		{"It is possible for proplastids to develop into chromoplasts.", true},
		{"It was not until 1517 that the theses were printed.", true},
		{"It is likely that the harbour was built later.", true},
		// The clause is cut away: what is agreed?
		{"It is generally agreed within the _____.", false},
		// A raised subject: it is something.
		{"It is believed to have been built by the Romans.", false},
		{"It was not until _____ that Congress.", false},
		{"It joined the league in 1921.", false},
	} {
		toks := prose.Tokenize(tt.text)
		if got := dummyIt(toks, 0); got != tt.want {
			t.Errorf("dummyIt(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}
