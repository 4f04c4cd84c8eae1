package generate

import (
	"context"
	"strings"
	"testing"
)

func TestAnalyze_Title(t *testing.T) {
	d := analyzed(t, "Workers' Opposition\n\nThe faction formed in 1920.\n\nEarly years\n\nIt grew.")
	if d.title != "Workers' Opposition" {
		t.Errorf("title = %q, want %q", d.title, "Workers' Opposition")
	}
}

func TestAnalyze_Seed(t *testing.T) {
	d := analyzed(t, seedText(t))
	if len(d.sents) != 23 {
		t.Errorf("the seed has %d sentences, want 23", len(d.sents))
	}
	for _, s := range d.sents {
		if strings.Contains(s.text, "[4]") || strings.Contains(s.text, "\u201c") || strings.Contains(s.text, " ,") {
			t.Errorf("sentence %d %q still has a citation, a curly quote or a space before a comma", s.idx, s.text)
		}
	}
}

// analyzed reads a document as GenerateContext does before writing items:
// names, dates and quantities, then clauses and the lookups of names.
func analyzed(t testing.TB, doc string) *document {
	t.Helper()
	d, err := analyze(context.Background(), doc, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.buildClauses(context.Background()); err != nil {
		t.Fatal(err)
	}
	d.indexNames()
	d.countAnswers()
	return d
}

func TestAnalyze_Topic(t *testing.T) {
	cases := []struct {
		name, title, doc string
		want             string // the topic's display, "" for none
	}{
		{"the surname of a full-name title", "Pierre-Simon de Rameau",
			"Rameau was born in Dijon. Rameau studied law in Paris. He taught at the college. Rameau died in 1790.",
			"Rameau"},
		{"a surname named twice only", "Pierre-Simon de Rameau",
			"Rameau was born in Dijon. Rameau studied law in Paris. He taught at the college.",
			""},
		{"a topic read as a group that the text calls he", "",
			"Adams\n\nThe Adamses were elected in 1801. He served two terms. The Adamses farmed. He retired to his farm. The Adamses wrote letters.",
			"Adamses"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d, err := analyze(context.Background(), tc.doc, tc.title, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if d.topic != nil {
				got = d.topic.display()
			}
			if got != tc.want {
				t.Fatalf("topic %q, want %q", got, tc.want)
			}
			if got != "" && d.topic.typ != ePerson {
				t.Errorf("topic %q is a %v, want a person", got, d.topic.typ)
			}
		})
	}
}

// TestTopicPeople checks that the people of a place the document is about
// are the topic, and a word that merely starts like the title is not.
func TestTopicPeople(t *testing.T) {
	d := analyzed(t, "Qatar\n\nQatar is a country in the Middle East. Qatar borders Saudi Arabia. The Qataris fished for pearls. Qatar has oil. The Qatari region had a port at Doha. The Qatarwind is a dry wind.")
	for text, want := range map[string]bool{"Qatari": true, "Qataris": true, "Qatar": true, "Qatarwind": false, "Saudi Arabia": false} {
		if got := d.isTopic(mention{text: text}); got != want {
			t.Errorf("isTopic(%q) = %v, want %v", text, got, want)
		}
	}
}
