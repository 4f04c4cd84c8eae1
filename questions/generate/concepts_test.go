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
			"Tusks are used to dig for water. The tusks of old males grow long. Some tusks break.",
			[]string{"Tusks"}, nil},
		{"a kind qualified at the start",
			"Large males can weigh six tonnes. The males of the herd are large. Old males are large too.",
			nil, []string{"Large males", "males"}},
		{"a noun read as the verb",
			"Price controls exacerbated the crisis. The price of oil rose. The price of gas fell.",
			nil, []string{"Price"}},
		{"a capital the document keeps inside sentences",
			"Mallard ducks feed on the surface. The Mallard ducks of the lake feed at dusk.",
			nil, []string{"Mallard ducks"}},
		{"a word named twice",
			"The king died of cholera in 1832. Many of his soldiers had cholera.",
			[]string{"cholera"}, nil},
		{"the object of a preposition in a clause the parse cannot read",
			"Wolves molt in dense forests. The forests are dark. Few forests are left. Old forests burn.",
			[]string{"dense forests"}, nil},
		{"a description in a clause the parse cannot read",
			"Wolves molt in smaller forests. The forests are dark. Few forests are left. Old forests burn.",
			nil, []string{"smaller forests"}},
		{"the same, named less often",
			"Wolves molt in dense forests. The forests are dark.",
			nil, []string{"dense forests"}},
		{"a phrase read past its end",
			"The parcel was kept in a refrigerator whilst presumed lost. The refrigerator was cold.",
			nil, []string{"refrigerator whilst"}},
		{"a participle after the noun",
			"His reputation grew among scholars impressed by his books. The scholars wrote.",
			[]string{"scholars"}, []string{"scholars impressed"}},
		{"a word named once, away from the verb",
			"The king died in 1832 of cholera. Many of his soldiers were ill.",
			nil, []string{"cholera"}},
		{"a term named once, the first phrase after the verb",
			"The king died of cholera in 1832. Many of his soldiers were ill.",
			[]string{"cholera"}, nil},
		{"a compound named once, the verb's object",
			"The old king caught yellow fever, and his son took the throne.",
			[]string{"yellow fever"}, nil},
		{"a definition's complement named once",
			"The Shoushi Li was a lunisolar calendar.",
			[]string{"lunisolar calendar"}, nil},
		{"a material named once",
			"The stick is made of brazilwood.",
			[]string{"brazilwood"}, nil},
		{"a relation named once",
			"Kublai depended on the cooperation of his subjects.",
			nil, []string{"cooperation"}},
		{"a judgement named once",
			"He did not take a firm stance against the thieves. The results were very similar.",
			nil, []string{"firm stance", "very similar"}},
		{"an abstract word named once",
			"Names with such characters are denied registration.",
			nil, []string{"registration"}},
		{"a compound ending in a verb's base",
			"The fur trade grew. Many men joined the fur trade in 1820.",
			[]string{"fur trade"}, nil},
		{"a verb after a plural",
			"The starch is stored as the pyrenoids mature. The pyrenoids mature fast.",
			nil, []string{"pyrenoids mature"}},
		{"a verb before its object",
			"Studies of the pandemic suggest a second agent. The pandemic spread.",
			nil, []string{"pandemic suggest"}},
		{"a complement of be without an article",
			"The debate was confrontational. The tree is evergreen.",
			nil, []string{"confrontational", "evergreen"}},
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

func TestPastParticiple(t *testing.T) {
	for w, want := range map[string]bool{"impressed": true, "presumed": true, "seed": false, "breed": false,
		"watershed": false, "bed": false, "red": false, "speed": false} {
		if got := pastParticiple(w); got != want {
			t.Errorf("pastParticiple(%q) = %v, want %v", w, got, want)
		}
	}
}
