package generate

import (
	"reflect"
	"slices"
	"sort"
	"testing"

	"factdrill/questions/generate/prose"
)

// mentionTests are sentences and the mentions of one type they must yield.
var mentionTests = []struct {
	name string
	doc  string
	typ  etype
	want []string
}{
	{"MonthYear", "The group appeared in September 1920 and split in February 1922.", eDate, []string{"September 1920", "February 1922"}},
	{"MonthDayYear", "On December 30, 1920, the leaders spoke.", eDate, []string{"December 30, 1920"}},
	{"DayMonthYear", "On 5 July 1921 Kollontai spoke.", eDate, []string{"5 July 1921"}},
	{"PartOfYear", "From the end of 1919 to the beginning of 1920, the group grew.", eDate, []string{"the end of 1919", "the beginning of 1920"}},
	{"Centuries", "They lived in the 10th and 11th centuries and wrote in the 9th century.", eDate, []string{"10th and 11th centuries", "9th century"}},
	{"Decade", "Settlers arrived in the 880s.", eDate, []string{"880s"}},
	{"ShortYear", "The duchy began in 911 as a fiefdom.", eDate, []string{"911"}},
	{"YearNotCount", "He sailed in 300 ships in 1081.", eDate, []string{"1081"}},
	{"Range", "They fought in the campaign of 1038–40.", eDate, []string{"1038–40"}},
	{"BetweenYears", "Kublai besieged the city between 1268 and 1273, and took it.", eDate, []string{"1268 and 1273"}},
	{"Quantity", "The resolution was adopted by a majority of 185 votes against 49.", eNumber, []string{"185"}},
	{"Grouped", "He led an army of 30,000 men in 300 ships.", eNumber, []string{"30,000", "300"}},
	{"Words", "The conference ended in two rooms.", eNumber, []string{"two"}},
	{"OfThe", "Then 8,000 of the 20,000 troops were Normans.", eNumber, []string{"8,000", "20,000"}},
	{"Percent", "Turnout was 45% in the north.", eNumber, []string{"45%"}},
	{"People", "Yuri Lutovinov and Aleksei Kiselyov met Lenin, who noted it.", ePerson, []string{"Yuri Lutovinov", "Aleksei Kiselyov", "Lenin"}},
	{"Titles", "King Charles III of West Francia met Duke William II.", ePerson, []string{"King Charles III", "Duke William II"}},
	{"Epithet", "William the Conqueror defeated Harold.", ePerson, []string{"William the Conqueror", "Harold"}},
	{"Connector", "Roussel de Bailleul said that Pierre d'Aulps had left.", ePerson, []string{"Roussel de Bailleul", "Pierre d'Aulps"}},
	{"Named", "A Norman named Oursel led a force.", ePerson, []string{"Oursel"}},
	{"Organisations", "The Central Committee of the RCP met the Miners' Union.", eOrg, []string{"Central Committee of the RCP", "Miners' Union"}},
	{"Places", "They fled from Moscow Oblast to France.", ePlace, []string{"Moscow Oblast", "France"}},
	{"Groups", "The Normans fought the Byzantines.", eGroup, []string{"Normans", "Byzantines"}},
	{"Events", "They met at the 9th Congress of the Russian Communist Party after the Battle of Hastings.", eEvent, []string{"9th Congress of the Russian Communist Party", "Battle of Hastings"}},
	{"NotNames", "Moreover, the Soviet government and the Norse-speaking class agreed.", ePerson, nil},
}

// TestMentions_Forms checks names whose form the capitals alone do not
// give: a nickname inside a name, a nationality standing as a noun, a
// term of one capital letter and a hyphen.
func TestMentions_Forms(t *testing.T) {
	cases := []struct {
		doc       string
		want, not []string
	}{
		{`In 1858 he defended William "Duff" Armstrong in court.`, []string{`William "Duff" Armstrong`}, []string{"William"}},
		{`The fort was built by the Dutch in 1624.`, []string{"Dutch"}, nil},
		{`In 1861 he studied German, arithmetic and religion.`, []string{"German"}, nil},
		{`Early X-ray imaging was slow.`, []string{"X-ray"}, nil},
		{`The Russian biologist spoke to a Jewish minority.`, nil, []string{"Russian", "Jewish"}},
		{`They stayed out of the French and British war.`, nil, []string{"French"}},
		{`Miṣr is the Arabic and modern name of Egypt.`, nil, []string{"Arabic"}},
		{`Moreover, the Norse-speaking class agreed.`, nil, []string{"Norse-speaking"}},
	}
	for _, tc := range cases {
		d := analyzed(t, tc.doc)
		var got []string
		for _, s := range d.sents {
			for _, m := range s.ments {
				got = append(got, m.text)
			}
		}
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("mentions of %q = %q, want %q among them", tc.doc, got, w)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(got, w) {
				t.Errorf("mentions of %q = %q, want no %q", tc.doc, got, w)
			}
		}
	}
}

func TestMentions(t *testing.T) {
	for _, tt := range mentionTests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyzed(t, tt.doc)
			var got []string
			for _, s := range d.sents {
				for _, m := range s.ments {
					if m.typ == tt.typ {
						got = append(got, m.text)
					}
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s mentions of %q = %q, want %q", typeNames[tt.typ], tt.doc, got, tt.want)
			}
		})
	}
}

// dateFormatTests check that a date is read and written back in its own
// form, and shifted by its own grain.
var dateFormatTests = []struct {
	text, same, next string
}{
	{"September 1920", "September 1920", "December 1920"},
	{"December 30, 1920", "December 30, 1920", "January 30, 1921"},
	{"5 July 1921", "5 July 1921", "5 August 1921"},
	{"1066", "1066", "1067"},
	{"the 1050s", "1050s", "1060s"},
	{"the 10th century", "10th century", "11th century"},
	{"the end of 1919", "the end of 1919", "the end of 1920"},
}

func TestDateFormat(t *testing.T) {
	for _, tt := range dateFormatTests {
		toks := prose.Tokenize("in " + tt.text)
		var st docStats
		ms := findMentions(toks, &st)
		if len(ms) != 1 || ms[0].typ != eDate {
			t.Errorf("mentions of %q = %v, want one date", tt.text, ms)
			continue
		}
		d := ms[0].date
		if got := d.format(); got != tt.same {
			t.Errorf("format(%q) = %q, want %q", tt.text, got, tt.same)
		}
		if got := d.shifted(1).format(); got != tt.next {
			t.Errorf("shifted(%q, 1) = %q, want %q", tt.text, got, tt.next)
		}
	}
}

func TestNearNumbers(t *testing.T) {
	for _, x := range []float64{185, 30000, 2, 49, 1000} {
		got := nearNumbers(x, 3)
		if len(got) < 3 {
			t.Errorf("nearNumbers(%v) = %v, want at least 3", x, got)
		}
		seen := map[float64]bool{x: true}
		for _, y := range got {
			if seen[y] || y <= 0 {
				t.Errorf("nearNumbers(%v) = %v: %v repeats the key or another value", x, got, y)
			}
			seen[y] = true
		}
	}
}

// TestNameVariants checks that the spellings and short forms of a name are
// one person: "Yuri Lutovinov", "Yury Lutovinov" and "Lutovinov".
func TestNameVariants(t *testing.T) {
	doc := "Yuri Lutovinov formulated the provisions. Lutovinov spoke first. " +
		"Yury Lutovinov, secretary of the VTsSPS, agreed. " +
		"According to Aleksei Semyonovich Kiselyov, the leaders disagreed. Aleksei Kiselyov, chair of the Miners' Union, signed. " +
		"Isaac Komnenos and Alexius Komnenos were brothers."
	d := analyzed(t, doc)
	forms := map[string][]string{}
	for _, s := range d.sents {
		for _, m := range s.ments {
			if m.typ == ePerson {
				forms[m.ent.display()] = appendOnce(forms[m.ent.display()], m.text)
			}
		}
	}
	want := map[string][]string{
		"Yuri Lutovinov":               {"Lutovinov", "Yuri Lutovinov", "Yury Lutovinov"},
		"Aleksei Semyonovich Kiselyov": {"Aleksei Kiselyov", "Aleksei Semyonovich Kiselyov"},
		"Isaac Komnenos":               {"Isaac Komnenos"},
		"Alexius Komnenos":             {"Alexius Komnenos"},
	}
	for k := range forms {
		sort.Strings(forms[k])
	}
	if !reflect.DeepEqual(forms, want) {
		t.Errorf("people of %q:\n got %q\nwant %q", doc, forms, want)
	}
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// TestNameVariants_Ambiguous checks that a surname two people share is not
// merged into either of them.
func TestNameVariants_Ambiguous(t *testing.T) {
	d := analyzed(t, "Isaac Komnenos ruled Antioch. Alexius Komnenos stopped him. Komnenos won.")
	for _, s := range d.sents {
		for _, m := range s.ments {
			if m.text == "Komnenos" && m.ent != nil && len(m.ent.core) > 1 {
				t.Errorf("Komnenos was merged into %q, want it left alone", m.ent.display())
			}
		}
	}
}

// TestIsAlias checks which two answers name one thing, so that neither is
// offered as the other's distractor.
func TestIsAlias(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Anne Storer", "Miss Storer", true},
		{"James Buchanan", "President Buchanan", true},
		{"Salai", "Salaino", true},
		{"Yuri Lutovinov", "Yury Lutovinov", true},
		{"King John", "King Henry", false},
		{"Senator Thomas Hart Benton", "Senator Stephen A. Douglas", false},
		{"Isaac Komnenos", "Alexius Komnenos", false},
		{"1940s", "1950s", false},
	}
	for _, tt := range tests {
		if got := isAlias(tt.a, tt.b); got != tt.want {
			t.Errorf("isAlias(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
