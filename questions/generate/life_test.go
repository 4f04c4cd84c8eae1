package generate

import (
	"strings"
	"testing"
)

// TestLifeClauses: the dates in brackets after the name of a document's
// topic say when the person was born and died; other brackets, and other
// people's dates, say nothing to ask.
func TestLifeClauses(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"Range", "Tomas Varga (12 March 1801 – 3 June 1870) was a Morland painter.",
			[]string{"Tomas Varga was born on 12 March 1801.", "Tomas Varga died on 3 June 1870."}},
		{"BornDied", "Tomas Varga, RA (born June 14, 1736, Halden - died August 23, 1806, Varrow) was a Morland painter.",
			[]string{"Tomas Varga was born on June 14, 1736.", "Tomas Varga died on August 23, 1806."}},
		{"Years", "Tomas Varga (1187–1241) ruled the east.",
			[]string{"Tomas Varga was born in 1187.", "Tomas Varga died in 1241."}},
		{"ShortYear", "Tomas Varga (1525–32) ruled the east.", nil},
		// Another person's dates are side matter.
		{"NotTopic", "Tomas Varga married Ilse Brandt (1800–1879) in 1820.", nil},
		{"BornOnly", "Tomas Varga (born 1950) is a Morland painter.", []string{"Tomas Varga was born in 1950."}},
		{"Reign", "King Tomas Varga (reigned 1801–1820) built the palace.", nil},
		{"NoDates", "Tomas Varga (a painter from Halden) built the palace.", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := analyzed(t, "Tomas Varga\n\n"+tt.text)
			var got []string
			for _, c := range d.sents[1].clauses {
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
