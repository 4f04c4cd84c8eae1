package generate

import "testing"

// TestSaintForm checks which forms of a name may stand for the saint a
// key names: the saint's name with or without the title, no other man's.
func TestSaintForm(t *testing.T) {
	for _, tt := range []struct {
		form, key string
		want      bool
	}{
		{"Peter", "St. Peter", true},
		{"Saint Peter", "St. Peter", true},
		{"Peter A. Schlesinger", "St. Peter", false},
		{"Schlesinger", "St. Peter", false},
		{"St. Paul", "St. Peter", false},
	} {
		if got := saintForm(tt.form, tt.key); got != tt.want {
			t.Errorf("saintForm(%q, %q) = %v, want %v", tt.form, tt.key, got, tt.want)
		}
	}
}

// TestHeadAlone checks which one-word forms of a name are its last word
// alone, or a title, which no learner should be credited for.
func TestHeadAlone(t *testing.T) {
	for _, tt := range []struct {
		form, key string
		typ       etype
		want      bool
	}{
		{"Reserve", "Federal Reserve", eOrg, true},
		{"Planet", "Animal Planet", eOrg, true},
		{"President", "Vice President", eName, true},
		{"President", "Vice President", ePerson, true},
		{"Justice", "Chief Justice", ePerson, true},
		{"Volta", "Lake Volta", ePlace, false},
		{"Grant", "Ulysses S. Grant", ePerson, false},
		{"Major", "John Major", ePerson, false},
		{"Federal Reserve", "Federal Reserve", eOrg, false},
	} {
		if got := headAlone(tt.form, mention{text: tt.key, typ: tt.typ}); got != tt.want {
			t.Errorf("headAlone(%q, %q) = %v, want %v", tt.form, tt.key, got, tt.want)
		}
	}
}

// TestAcceptedAnswers_NoNarrowerForm: the answers a blank accepts are
// what the text says: not the last word of a name written family name
// first ("Heima" for "Liu Heima" beside "Liu Ni" and "Shi Tianze", "Shi
// Tianxiang"), nor a people named more narrowly ("Hui Muslims" for
// "Muslims"); a surname alone and a fuller name of a person still are.
func TestAcceptedAnswers_NoNarrowerForm(t *testing.T) {
	d := analyzed(t, "Two Han leaders, Shi Tianze and Liu Heima (Liu Ni), defected to the Mongols. "+
		"Liu Heima and Shi Tianxiang led armies against Western Xia. "+
		"The Hui Muslims built mosques in the capital. "+
		"The dynasty had increased the number of Muslims in China. "+
		"Samuel Gompers led the union. Gompers backed the strike.")
	cases := []struct {
		key        string
		sent       int
		want, deny []string
	}{
		{"Liu Heima", 1, []string{"Liu Heima"}, []string{"Heima"}},
		{"Muslims", 3, []string{"Muslims"}, []string{"Hui Muslims"}},
		{"Gompers", 5, []string{"Gompers", "Samuel Gompers"}, nil},
	}
	// The names as the tuning document gave them: "Hui Muslims" read as
	// a person whose surname is "Muslims".
	hui := &entity{typ: ePerson, forms: []string{"Hui Muslims", "Muslims"}, counts: []int{1, 2}}
	if got := acceptedAnswers(mention{typ: ePerson, text: "Muslims", ent: hui}, d); contains(got, "Hui Muslims") {
		t.Errorf("answers for \"Muslims\" of %q = %q, want no \"Hui Muslims\"", hui.forms, got)
	}
	for _, tc := range cases {
		var got []string
		for _, m := range d.sents[tc.sent].ments {
			if m.text == tc.key {
				got = acceptedAnswers(m, d)
			}
		}
		if got == nil {
			t.Errorf("no mention %q in %q", tc.key, d.sents[tc.sent].text)
			continue
		}
		for _, w := range tc.want {
			if !contains(got, w) {
				t.Errorf("answers for %q = %q, want %q among them", tc.key, got, w)
			}
		}
		for _, w := range tc.deny {
			if contains(got, w) {
				t.Errorf("answers for %q = %q, want no %q", tc.key, got, w)
			}
		}
	}
}
