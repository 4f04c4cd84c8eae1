package generate

import "testing"

// questionTests are sentences, the answer asked for, and the question the
// templates must write for it ("" when none fits).
var questionTests = []struct {
	name, doc, key, want string
}{
	{"Subject", "Yuri Lutovinov formulated a number of provisions: in his speech he insisted on democracy.", "Yuri Lutovinov",
		"Who formulated a number of provisions?"},
	{"SubjectWithDate", "Alexandra Kollontai wrote the theses. Nonetheless, on 5 July 1921 Kollontai took the floor before the Third Congress of the Comintern, bitterly attacking the government.", "Kollontai",
		"Who took the floor before the Third Congress of the Comintern on 5 July 1921?"},
	{"When", "On December 30, 1920, leaders of intra-party groups spoke at an expanded meeting, where they outlined their platforms.", "December 30, 1920",
		"When did leaders of intra-party groups speak at an expanded meeting?"},
	{"InWhatYear", "In 1066, Duke William II of Normandy conquered England.", "1066",
		"In what year did Duke William II of Normandy conquer England?"},
	{"Where", "Ethelred fled to Normandy in 1013.", "Normandy",
		"Where did Ethelred flee in 1013?"},
	{"Object", "In 1066, Duke William II of Normandy conquered England.", "England",
		"What did Duke William II of Normandy conquer in 1066?"},
	{"Agent", "Roussel de Bailleul tried to carve out a state, but he was stopped by the Byzantine general Alexius Komnenos.", "Alexius Komnenos",
		"Who stopped Roussel de Bailleul?"},
	{"Whose", "Shlyapnikov's theses caused great concern within the Central Committee.", "Shlyapnikov",
		"Whose theses caused great concern within the Central Committee?"},
	{"Role", "Aleksei Kiselyov, chair of the Miners' Union, signed the theses.", "Aleksei Kiselyov",
		"Who was the chair of the Miners' Union?"},
	{"Kin", "This produced ties through the marriage of Emma, sister of Duke Richard II of Normandy, and King Ethelred II.", "Emma",
		"Who was the sister of Duke Richard II of Normandy?"},
	{"Possessor", "The Normans, under the command of Bohemond, Robert's son, landed in Valona in 1107.", "Robert",
		"Whose son was Bohemond?"},
	{"HowManySubject", "From 1073 to 1074, 8,000 of the 20,000 troops of the Armenian general Philaretus Brachamius were Normans.", "8,000",
		"How many of the 20,000 troops of the Armenian general Philaretus Brachamius were Normans from 1073 to 1074?"},
	{"HowManyObject", "In 1081 the Normans captured 300 ships near Valona.", "300",
		"How many ships did the Normans capture near Valona in 1081?"},
	{"Definition", "Photosynthesis is the process by which green plants convert light energy into chemical energy.", "photosynthesis",
		"What is the process by which green plants convert light energy into chemical energy?"},
	{"IndefiniteRole", "Yury Lutovinov, a key founding member of the Workers' Opposition, spoke.", "Yury Lutovinov", ""},
	{"Coordinated", "Trotsky and Zinoviev restrained Kollontai in February 1922.", "Trotsky", ""},
	{"YearOfAName", "The rights of Bahrain were set out in the 1820 Anglo-Bahraini Treaty.", "1820", ""},
	{"YearAfterBack", "Wolves were first spotted in the valley back in 1998.", "1998", ""},
	{"YearAfterOnly", "The Bucharest Metro was only opened in 1979.", "1979", ""},
	{"YearAfterFirst", "The Bucharest Metro was first opened in 1979.", "1979", "In what year was the Bucharest Metro first opened?"},
	{"NameFirst", "Charles-Augustin de Coulomb\n\nCoulomb spent eight years directing the work at Fort Bourbon. The coulomb is named after him. In 1785 Coulomb published a paper.", "eight",
		"How many years did Coulomb spend directing the work at Fort Bourbon?"},
	{"FrontedPlace", "In Assam, 239 people have been killed by elephants since 2001.", "239",
		"How many people have been killed by elephants since 2001 in Assam?"},
	{"FrontedCase", "In left-hand pizzicato, two fingers are put on the string.", "two",
		"How many fingers are put on the string in left-hand pizzicato?"},
	{"FrontedConnective", "In addition, two fingers are put on the string.", "two",
		"How many fingers are put on the string?"},
	{"AgentOfAPresent", "Often corruption is blamed by Egyptians as the main impediment to growth.", "Egyptians", ""},
	{"AgentAfterAnAdverb", "Often corruption was blamed by Egyptians as the main impediment to growth.", "Egyptians", ""},
	{"AgentOfAParticiple", "Leopards were kept in a menagerie established by King John at the Tower of London.", "King John", ""},
	{"DateBeforeARelative", "In 2007, George Pendle wrote The Remarkable Fillmore, a fake biography based on events that happened in Fillmore's life.", "George Pendle",
		"In 2007, who wrote The Remarkable Fillmore, a fake biography based on events that happened in Fillmore's life?"},
	{"DateSaidTwice", "In 1893, George Westinghouse won the bid to light the 1893 Exposition in Chicago with alternating current.", "George Westinghouse",
		"Who won the bid to light the 1893 Exposition in Chicago with alternating current?"},
	{"AppositiveClosed", "On June 2, 1886, Cleveland married Frances Folsom, the daughter of his former law partner, in the Blue Room.", "June 2, 1886",
		"When did Cleveland marry Frances Folsom, the daughter of his former law partner, in the Blue Room?"},
	{"AsideKept", "The initial expedition started, probably unwisely, on December 9, 1913, at the height of the rainy season.", "December 9, 1913",
		"When did the initial expedition start, probably unwisely, at the height of the rainy season?"},
	{"WhenClauseCut", "The oil crisis began in October 1973 when the members of the Organization of Arab Petroleum Exporting Countries proclaimed an embargo.", "October 1973",
		"When did the oil crisis begin?"},
	{"VerbTwice", "While the effect was marginal, an estimated 16,000 Muslim volunteers came from around the world came to fight in Afghanistan.", "Afghanistan", ""},
	{"PeopleAdjectiveCut", "In the late 1950s, up to 70% of consumer goods were manufactured in Peruvian, and primarily Limean, factories.", "late 1950s", ""},
	{"RoleOfTakesThe", "In 1812 Faraday attended lectures by Humphry Davy and John Tatum, founder of the City Philosophical Society.", "John Tatum",
		"Who was the founder of the City Philosophical Society?"},
	{"PlaceIsNoOne", "Massachusetts sent Adams to the first and second Continental Congresses in 1774.", "Massachusetts", ""},
	{"SecondOfTwoSubjects", "In the election of 1800 John Adams and his running mate, Charles Pinckney went against the Republican duo of Jefferson and Burr.", "Charles Pinckney", ""},
	{"QuotationStop", "Civil disobedience\n\nGandhi read Thoreau in jail. Thoreau also wrote of civil disobedience accomplishing \"peaceable revolution.\"", "Thoreau",
		"Who wrote of civil disobedience accomplishing \"peaceable revolution\"?"},
	{"ObjectOfAnInfinitive", "Hungary\n\nIn 1851 Kossuth wanted the United States to abandon its policy of neutrality.", "United States", ""},
	{"WhereBare", "Millard Fillmore\n\nFillmore was born in New York. Fillmore lived in Boston. After the election Fillmore returned to Boston.", "Boston", ""},
	{"ListItemParticiple", "Faraday\n\nFaraday built a pile with seven halfpence pieces, stacked with seven disks of zinc, and six pieces of paper moistened with salt water.", "six", ""},
	{"OpenDate", "By March 1920 the opposition took shape in the capital.", "March 1920", ""},
}

func TestWhQuestion(t *testing.T) {
	for _, tt := range questionTests {
		t.Run(tt.name, func(t *testing.T) {
			got := whQuestions(analyzed(t, tt.doc), tt.key)
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("questions for %q in %q = %q, want none", tt.key, tt.doc, got)
			case tt.want != "" && !containsString(got, tt.want):
				t.Errorf("questions for %q in %q = %q, want %q", tt.key, tt.doc, got, tt.want)
			}
		})
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// whQuestions are the questions the document's clauses ask for key.
func whQuestions(d *document, key string) []string {
	var out []string
	for _, s := range d.sents {
		for _, c := range s.clauses {
			for k, m := range c.ments {
				if q := c.whQuestion(k); m.text == key && q != "" {
					out = append(out, q)
				}
			}
		}
	}
	return out
}
