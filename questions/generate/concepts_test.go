package generate

import "testing"

// conceptsOf lists the concept answers the clauses of a document offer.
func conceptsOf(t *testing.T, text string) []string {
	t.Helper()
	d := analyzed(t, text)
	var out []string
	for _, s := range d.sents {
		for _, c := range s.clauses {
			for _, m := range c.ments {
				if m.typ == eConcept {
					out = append(out, m.text)
				}
			}
		}
	}
	return out
}

func TestConcepts(t *testing.T) {
	cases := []struct {
		name, text string
		want, not  []string
	}{
		{"a subject capitalised at the start",
			"Diving ducks forage deep underwater. The smew is one of the diving ducks of the north.",
			[]string{"Diving ducks"}, nil},
		{"a capital the document keeps inside sentences",
			"Mallard ducks feed on the surface. The Mallard ducks of the lake feed at dusk.",
			nil, []string{"Mallard ducks"}},
		{"a word named twice",
			"The king died of cholera in 1832. Many of his soldiers had cholera.",
			[]string{"cholera"}, nil},
		{"a word named once",
			"The king died of cholera in 1832. Many of his soldiers were ill.",
			nil, []string{"cholera"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := conceptsOf(t, tc.text)
			for _, w := range tc.want {
				if !containsFold(got, w) {
					t.Errorf("concepts %q, want %q among them", got, w)
				}
			}
			for _, w := range tc.not {
				if containsFold(got, w) {
					t.Errorf("concepts %q, want no %q", got, w)
				}
			}
		})
	}
}
