package generate

import (
	"strings"
	"testing"
)

// TestLifeClauses: the dates in brackets after a person's name say when
// the person was born and died; other brackets say nothing of the kind.
func TestLifeClauses(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"Range", "Tomas Varga (12 March 1801 – 3 June 1870) was a Morland painter.",
			[]string{"Tomas Varga was born on 12 March 1801.", "Tomas Varga died on 3 June 1870."}},
		{"BornDied", "Tomas Varga, RA (born June 14, 1736, Halden - died August 23, 1806, Varrow) was a Morland painter.",
			[]string{"Tomas Varga was born on June 14, 1736.", "Tomas Varga died on August 23, 1806."}},
		{"Years", "Her son Ilse Varga (1187–1241) ruled the east.",
			[]string{"Ilse Varga was born in 1187.", "Ilse Varga died in 1241."}},
		{"BornOnly", "Tomas Varga (born 1950) is a Morland painter.", []string{"Tomas Varga was born in 1950."}},
		{"Reign", "King Tomas Varga (reigned 1801–1820) built the palace.", nil},
		{"NoDates", "Tomas Varga (a painter from Halden) built the palace.", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := analyzed(t, tt.text)
			var got []string
			for _, c := range d.sents[0].clauses {
				if c.derived && (strings.Contains(c.text, " born ") || strings.Contains(c.text, " died ")) {
					got = append(got, c.text)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("life clauses of %q = %q, want %q", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("life clauses of %q = %q, want %q", tt.text, got, tt.want)
				}
			}
		})
	}
}
