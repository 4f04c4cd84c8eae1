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
