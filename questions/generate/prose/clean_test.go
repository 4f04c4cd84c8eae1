package prose

import (
	"reflect"
	"strings"
	"testing"
)

// cleanTests are documents and the blocks Clean must make of them.
var cleanTests = []struct {
	name string
	doc  string
	want []Block
}{
	{"AttributeWithBracket", `<p title="a>b">The faction formed in 1920.</p><p>It grew.</p>`,
		[]Block{{Text: "The faction formed in 1920."}, {Text: "It grew."}}},
	{"Table", "<p>The vote was close.</p><table><tr><td>185</td><td>49</td></tr></table><p>It passed.</p>",
		[]Block{{Text: "The vote was close."}, {Text: "It passed."}}},
	{"Caption", `<p>Lenin spoke.</p><figure><img src="x.png"><figcaption>Lenin in 1920</figcaption></figure><p>He left.</p>`,
		[]Block{{Text: "Lenin spoke."}, {Text: "He left."}}},
	{"WikipediaClasses", `<div class="hatnote">For other uses, see X.</div><p>Kangaroos hop.<sup class="reference">[1]</sup></p><div class="thumb"><div class="thumbcaption">A kangaroo</div></div><ol class="references"><li>Dow, S. (2007).</li></ol>`,
		[]Block{{Text: "Kangaroos hop."}}},
	{"Subscripts", "<p>Sulfuric acid is H<sub>2</sub>SO<sub>4</sub>.</p><br><p>Water boils.</p>",
		[]Block{{Text: "Sulfuric acid is H2SO4."}, {Text: "Water boils."}}},
	{"Headings", "<h1>Workers&#39; Opposition</h1><p>The faction formed.</p><ul><li>Shlyapnikov led it.</li><li>Kollontai wrote.</li></ul>",
		[]Block{{Text: "Workers' Opposition", Heading: true}, {Text: "The faction formed."}, {Text: "Shlyapnikov led it."}, {Text: "Kollontai wrote."}}},
	{"NestedSkip", "<table><tr><td><table><tr><td>1</td></tr></table>2</td></tr></table><p>After.</p>",
		[]Block{{Text: "After."}}},
	{"LinkTail", "He gave a rule for the boiling point if the pressure deviates from a standard pressure  History of the Celsius scale .\n\nHe died in 1744.",
		[]Block{{Text: "He gave a rule for the boiling point if the pressure deviates from a standard pressure."}, {Text: "He died in 1744."}}},
	{"LinkTailAfterComma", "The claim is disputed by some scholars,  MathPages, .",
		[]Block{{Text: "The claim is disputed by some scholars."}}},
	{"RunInHeading", "Intolerance remains a problem.  Church Building Regulations Eased  In addition, repairs need a permit.",
		[]Block{{Text: "Intolerance remains a problem. In addition, repairs need a permit."}}},
	{"LinkInsideSentence", "It is known still today as  Pascal's theorem. The essay followed  The Naval War of 1812, via a reprint.",
		[]Block{{Text: "It is known still today as Pascal's theorem. The essay followed The Naval War of 1812, via a reprint."}}},
	{"PageName", "Charles-Augustin_de_Coulomb\n\nCoulomb was born in Angoulême.",
		[]Block{{Text: "Charles-Augustin de Coulomb", Heading: true}, {Text: "Coulomb was born in Angoulême."}}},
	{"NFC", "Jos\u0065\u0301 Mart\u0069\u0301 wrote.", []Block{{Text: "José Martí wrote."}}},
	{"PagesAfterStop", "He played billiards for 48 hours.:43, 301 On one occasion he worked for 84 hours.",
		[]Block{{Text: "He played billiards for 48 hours. On one occasion he worked for 84 hours."}}},
	{"AuthorYearPage", "Adams cast 31 votes.  Ferling (1992) p 311  His votes counted. Gasquet (1908) claimed it.",
		[]Block{{Text: "Adams cast 31 votes. His votes counted. Gasquet (1908) claimed it."}}},
	{"AuthorCommaYearPage", "Dalton, (2002) p. 507 Wilson's vice president spoke.",
		[]Block{{Text: "Wilson's vice president spoke."}}},
	{"MarkdownTable", "The vote was close.\n\n| for | against |\n|---|---|\n| 185 | 49 |\n\nIt passed.",
		[]Block{{Text: "The vote was close."}, {Text: "It passed."}}},
}

func TestClean(t *testing.T) {
	for _, tt := range cleanTests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.doc); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Clean(%q)\n got %+v\nwant %+v", tt.doc, got, tt.want)
			}
		})
	}
}

// junkTests are sentences Sentences leaves out, and prose it keeps.
var junkTests = []struct {
	s    string
	junk bool
}{
	{":For other uses, see kangaroo (disambiguation).", true},
	{"This article is about the marsupial.", true},
	{"The Kangaroo symbol URL accessed January 6, 2007.", true},
	{"Benson, Elizabeth, The Mochica: A Culture of Peru.", true},
	{`Steve Dow: "An industry that's under the gun".`, true},
	{"New York, NY: Praeger Press.", true},
	{"1360–63; 1374; 1400; 1438–39; 1456–57; 1464–66.", true},
	{"The electrolyte exists in the form 2H + and SO 4 2−.", true},
	{"Retrieved from https://example.org/page on 5 May 2010.", true},
	{"Page 1050. The name was chosen for the new nation.", true},
	{`The word "Ghana" means "Warrior King", Jackson, John G. Introduction to African Civilizations, 2001.`, true},
	{"Official White House portrait of Grover Cleveland, oil on canvas, painted in 1891 by Jonathan Eastman Johnson.", true},
	{"Portrait of the king in his robes, about 1600.", true},
	{"Nassau (steamboat), a steamboat placed in operation by Robert Fulton in 1814.", true},
	{"On the Various Forces in Nature, edited by W. Crookes, Chatto & Windus, 1873.", true},
	{"(1999) Chronicles the events of his presidency.", true},
	{"Historian Michael Korda explained his strategic genius: Korda, (2004)", true},
	{"Nassau may refer to:", true},
	{"In 1784 his Recherches sur la force de torsion, Histoire de l'Académie Royale des Sciences, 229-269, 1784 appeared.", true},
	{"The army lost 229-269 men in the battle of 1784.", false},
	{"Kangaroos are endemic to the continent of Australia.", false},
	{"A portrait of the king was painted in 1600.", false},
	{"Faraday's lectures, edited by Crookes, sold well in 1861 and were reprinted.", false},
	{"On 9 November 1940, the city was awarded the Virtuti Militari during the Siege of Warsaw (1939).", false},
	{"The Wind and the Lion (1975) starred Brian Keith.", false},
	{"The University of Chicago Press is the largest university press in the United States.", false},
	{"For the first time, the committee met in 1920.", false},
	{"The official record high temperature for Fresno is 115 °F (46.1 °C), set on July 8, 1905.", false},
	{"Meanwhile, Tesla moved to New York in 1884.", false},
	{"Close, Sandhill and Quayside contain buildings from the 15th–18th centuries.", false},
	{"Swahili speakers once lived as far north as Mogadishu, Derek Nurse & Thomas Spear (1985) The Swahili.", true},
	{"Rough Riders (1997) in which he was played by Tom Berenger.", true},
	{"Yale University Press, New Haven the Amur tiger has a thick coat.", true},
	{"Faraday entry at the 1911 Encyclopaedia Britannica hosted by LovetoKnow Retrieved January 2007.", true},
	{"The Bodleian Library was built in 1602.", false},
	{"The leopard is the pet in the film Bringing Up Baby (1938) where its misadventures create comedy.", false},
	{"Wood (2006) has maintained that Adams had become irrelevant.", false},
	{"The war ended with the Siege of Warsaw (1939).", false},
	{"Oxford University Press, the largest, printed it.", false},
	{"John Adams is standing in the center of the painting.", true},
	{"In the photograph the delegates are seated around a table.", true},
	{"The painting was shown at the Salon of 1824.", false},
	{"The Mona Lisa is a portrait painted by Leonardo.", false},
}

func TestIsJunk(t *testing.T) {
	for _, tt := range junkTests {
		if got := isJunk(tt.s); got != tt.junk {
			t.Errorf("isJunk(%q) = %v, want %v", tt.s, got, tt.junk)
		}
	}
}

func TestSentences_BackMatterAndResidue(t *testing.T) {
	doc := "Kangaroo\n\n121,154 He lived in a series of hotels. The kangaroo hops. Barry, 372–374 When it rains, it hops. 2003, p. 99 The joey grows. Brands T. R. p. 49–50 It eats grass. Meanwhile, 300 Marines landed. In 1914–1918 The war raged.\n\nSee also\n\nWallaby\n\nReferences\n\nDow, Steve (2007). Sydney Morning Herald."
	text, sents := Sentences(doc)
	var got []string
	for _, s := range sents {
		got = append(got, s.Text)
		if text[s.Offset:s.Offset+len(s.Text)] != s.Text {
			t.Errorf("sentence %q is not at offset %d", s.Text, s.Offset)
		}
	}
	want := []string{"Kangaroo", "He lived in a series of hotels.", "The kangaroo hops.", "When it rains, it hops.", "The joey grows.", "It eats grass.",
		"Meanwhile, 300 Marines landed.", "In 1914–1918 The war raged."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
	if !strings.Contains(text, "Wallaby") {
		t.Errorf("the cleaned text lost the back matter: %q", text)
	}
}
