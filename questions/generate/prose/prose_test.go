package prose

import (
	"reflect"
	"strings"
	"testing"
)

// sentenceTests are documents and the sentences they must split into.
var sentenceTests = []struct {
	name string
	doc  string
	want []string
}{
	{"prose.Plain", "The party met. It voted.", []string{"The party met.", "It voted."}},
	{"Title", "St. Petersburg was the capital. Gen. Brusilov attacked.",
		[]string{"St. Petersburg was the capital.", "Gen. Brusilov attacked."}},
	{"Initials", "Aleksei S. Kiselyov spoke. J. R. R. Tolkien wrote.",
		[]string{"Aleksei S. Kiselyov spoke.", "J. R. R. Tolkien wrote."}},
	{"Acronym", "He moved to the U.S. in 1920. The U.S. Senate agreed.",
		[]string{"He moved to the U.S. in 1920.", "The U.S. Senate agreed."}},
	{"AcronymAtEnd", "He moved to the U.S. He stayed.", []string{"He moved to the U.S.", "He stayed."}},
	{"RegnalNumber", "The crown passed to Richard I. The barons rebelled.",
		[]string{"The crown passed to Richard I.", "The barons rebelled."}},
	{"Numbers", "The vote was 3.5 to 1. No. 5 was last.", []string{"The vote was 3.5 to 1.", "No. 5 was last."}},
	{"QuoteEndsSentence", `He insisted on "the cleansing of the party." The conference did not agree.`,
		[]string{`He insisted on "the cleansing of the party."`, "The conference did not agree."}},
	{"QuoteInside", `"Stop! Wait." he said. They waited.`, []string{`"Stop! Wait." he said.`, "They waited."}},
	{"Parenthesis", "The group (formed in 1920. It grew.) met. Then it split.",
		[]string{"The group (formed in 1920. It grew.) met.", "Then it split."}},
	{"Question", "Who spoke? Lenin did!", []string{"Who spoke?", "Lenin did!"}},
	{"LowerCaseAfter", "It was approx. five miles away.", []string{"It was approx. five miles away."}},
	{"Headings", "# Workers' Opposition\n\nThe faction formed in 1920.\n\n## Leaders\n\nShlyapnikov led it.",
		[]string{"Workers' Opposition", "The faction formed in 1920.", "Leaders", "Shlyapnikov led it."}},
	{"PlainHeading", "Workers' Opposition\n\nThe faction formed in 1920.", []string{"Workers' Opposition", "The faction formed in 1920."}},
	{"CRLF", "The faction formed.\r\n\r\nIt grew.\r\nIt split.\r\n", []string{"The faction formed.", "It grew.", "It split."}},
	{"Captions", "Yury Lutovinov, secretary of the VTsSPS\nAlexandra Kollontai one of the spokespersons.",
		[]string{"Yury Lutovinov, secretary of the VTsSPS", "Alexandra Kollontai one of the spokespersons."}},
	{"Citations", "[2] The group appeared in 1920.[4][5] It grew.[citation needed] It split.[a]",
		[]string{"The group appeared in 1920.", "It grew.", "It split."}},
	{"CurlyQuotes", "The Workers\u2019 Opposition said \u201cno.\u201d It left.",
		[]string{`The Workers' Opposition said "no."`, "It left."}},
	{"SpaceBeforeComma", "Yury Lutovinov , secretary of the VTsSPS , spoke .", []string{"Yury Lutovinov, secretary of the VTsSPS, spoke."}},
	{"HardWrapped", "The faction was formed in September 1920 by trade union leaders who\nwanted the unions to run the economy. It was banned in\n1921 by the Tenth Congress.\n",
		[]string{"The faction was formed in September 1920 by trade union leaders who wanted the unions to run the economy.", "It was banned in 1921 by the Tenth Congress."}},
	{"Markdown", "- **Shlyapnikov** led the [faction](https://example.org).\n- *Kollontai* wrote `the pamphlet`.\n\n![photo](x.png)",
		[]string{"Shlyapnikov led the faction.", "Kollontai wrote the pamphlet."}},
	{"HTML", "<html><body><h1>Workers&#39; Opposition</h1><p>The faction formed in 1920.<sup class=\"reference\">[4]</sup> It grew.</p><script>var x = 1;</script><p>It split &amp; died.</p></body></html>",
		[]string{"Workers' Opposition", "The faction formed in 1920.", "It grew.", "It split & died."}},
	{"WikiRefs", "The faction formed.<ref>Princeton University Press, 2003</ref> It grew./ref>", []string{"The faction formed.", "It grew."}},
}

func TestSentences(t *testing.T) {
	for _, tt := range sentenceTests {
		t.Run(tt.name, func(t *testing.T) {
			text, sents := Sentences(tt.doc)
			var got []string
			for _, s := range sents {
				got = append(got, s.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sentences of %q:\n got %q\nwant %q", tt.doc, got, tt.want)
			}
			for i, s := range sents {
				if text[s.Offset:s.Offset+len(s.Text)] != s.Text {
					t.Errorf("sentence %d %q is not at offset %d of the cleaned text", i, s.Text, s.Offset)
				}
				if want := strings.ToLower(s.Text); s.Lower != want {
					t.Errorf("sentence %d in lower case is %q, want %q", i, s.Lower, want)
				}
			}
		})
	}
}

func TestSentences_Headings(t *testing.T) {
	_, sents := Sentences("Workers' Opposition\n\nThe faction formed in 1920.\n\nEarly years\n\nIt grew.")
	var got []bool
	for _, s := range sents {
		got = append(got, s.Heading)
	}
	if want := []bool{true, false, true, false}; !reflect.DeepEqual(got, want) {
		t.Errorf("headings = %v, want %v", got, want)
	}
}
