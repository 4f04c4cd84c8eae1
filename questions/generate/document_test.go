package generate

import (
	"strings"
	"testing"
)

func TestAnalyze_Title(t *testing.T) {
	d := analyze("Workers' Opposition\n\nThe faction formed in 1920.\n\nEarly years\n\nIt grew.", nil)
	if d.title != "Workers' Opposition" {
		t.Errorf("title = %q, want %q", d.title, "Workers' Opposition")
	}
}

func TestAnalyze_Seed(t *testing.T) {
	d := analyze(seedText(t), nil)
	if len(d.sents) != 23 {
		t.Errorf("the seed has %d sentences, want 23", len(d.sents))
	}
	for _, s := range d.sents {
		if strings.Contains(s.text, "[4]") || strings.Contains(s.text, "\u201c") || strings.Contains(s.text, " ,") {
			t.Errorf("sentence %d %q still has a citation, a curly quote or a space before a comma", s.idx, s.text)
		}
	}
}
