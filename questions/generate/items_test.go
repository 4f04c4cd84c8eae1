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
