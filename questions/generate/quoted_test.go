package generate

import "testing"

func TestQuotedName(t *testing.T) {
	for _, tt := range []struct {
		text, name string
		want       bool
	}{
		{`The decade became known as the "Roaring Twenties."`, "Roaring Twenties", true},
		{`The show returned with the episode "Rose" on BBC One.`, "Rose", true},
		// Someone's words, introduced by a comma.
		{`Asked what to do, Varga had advised, "Resign Halden."`, "Resign Halden", false},
		// A name inside a longer quotation.
		{`Varga said "the Halden Company will fail" in 1920.`, "Halden Company", false},
	} {
		d := analyzed(t, tt.text)
		found := false
		for _, c := range d.sents[0].clauses {
			for _, m := range c.ments {
				if m.text == tt.name {
					found = true
					if got := quotedName(c.toks, m); got != tt.want {
						t.Errorf("quotedName(%q in %q) = %v, want %v", tt.name, tt.text, got, tt.want)
					}
				}
			}
		}
		if !found {
			t.Errorf("no mention %q in %q", tt.name, tt.text)
		}
	}
}

// TestClozeStem_OpeningQuote: a blank right after an opening quote takes
// no space before it.
func TestClozeStem_OpeningQuote(t *testing.T) {
	d := analyzed(t, `The decade of growth in Morland became known as the "Roaring Twenties."`)
	for _, c := range d.sents[0].clauses {
		for k, m := range c.ments {
			if m.text == "Roaring Twenties" {
				if got, want := c.clozeStem(k), `The decade of growth in Morland became known as the "_____."`; got != want {
					t.Errorf("cloze stem %q, want %q", got, want)
				}
				return
			}
		}
	}
	t.Error("no mention Roaring Twenties")
}

func TestJoinWith_Quotes(t *testing.T) {
	d := analyzed(t, `The remains of the king have been nicknamed "John of Halden" since 1900.`)
	for _, c := range d.sents[0].clauses {
		for k, m := range c.ments {
			if m.text == "John of Halden" {
				if got, want := c.clozeStem(k), `The remains of the king have been nicknamed "_____" since 1900.`; got != want {
					t.Errorf("cloze stem %q, want %q", got, want)
				}
				return
			}
		}
	}
	t.Error("no mention John of Halden")
}

func TestNamedBlank(t *testing.T) {
	for _, tt := range []struct {
		stem string
		want bool
	}{
		{"Young swans are known as _____.", true},
		{"Young swans are known as _____, from the Latin word for swan.", true},
		{"The jelly inside the chloroplast is called the _____.", true},
		// A common noun in a longer phrase is no name.
		{"The district is known as the _____ of the town's music scene.", false},
		{"The swans were seen near the _____.", false},
	} {
		if got := namedBlank(tt.stem); got != tt.want {
			t.Errorf("namedBlank(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
}
