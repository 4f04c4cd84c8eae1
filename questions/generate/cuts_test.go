package generate

import (
	"strings"
	"testing"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// TestCuts checks the rules of cuts.go on cases written for them, each
// with a sound sentence like it that must pass.
func TestCuts(t *testing.T) {
	tok := prose.Tokenize
	for _, tt := range []struct {
		name string
		got  bool
		want bool
	}{
		{"it after a fronted participle", pronounAfterFronted(tok("Largely restored in the Blank after the fire, it now houses a museum.")), true},
		{"he after a fronted participle", pronounAfterFronted(tok("Elected to the council in Blank, he served two terms.")), true},
		{"a name after a fronted participle", pronounAfterFronted(tok("Elected to the council in Blank, Brown served two terms.")), false},
		{"a finite verb before the comma", pronounAfterFronted(tok("Ended wars are recorded in Blank, they say.")), false},
		{"two contrasting halves cut", contrastCut("Three rival theories have been put forward.", "The origin of the rite is not known, but three rival theories have been put forward."), true},
		{"some of a group after a negation", contrastCut("Some farmers have managed by planting early.", "The crop was thought impossible to grow there and never tried, but some farmers have managed by planting early."), true},
		{"a whole subject after but", contrastCut("The committee approved the plan.", "The mayor did not sign, but the committee approved the plan."), false},
		{"a count after but with no negation", contrastCut("Three rival theories have been put forward.", "The origin of the rite is debated, but three rival theories have been put forward."), false},
		{"a relative clause left open", relativeWithMainVerb("Mary Jones headed the water board asked Smith for advice.", "In 1901 Mary Jones, who headed the water board asked Smith for advice."), true},
		{"a relative clause closed", relativeWithMainVerb("Mary Jones headed the water board.", "In 1901 the council hired Mary Jones, who headed the water board."), false},
		{"a relative clause kept whole", relativeWithMainVerb("In 1901 Mary Jones, who headed the water board asked Smith for advice.", "In 1901 Mary Jones, who headed the water board asked Smith for advice."), false},
		{"an apposition of the subject", appositiveOfObject("is the last of its line.", "Peru", "The Andean condor from Peru, the last of its line, is rarely seen."), true},
		{"an apposition of a place", appositiveOfObject("is the capital of the province.", "Cusco", "He was born in Cusco, the capital of the province, in 1890."), false},
		{"an apposition after of", appositiveOfObject("is the founder of the party.", "Brown", "The letters of Brown, the founder of the party, are kept in a museum."), false},
		{"a measure with no figure", lostMeasure(tok("The hills rise as high as above sea level.")), true},
		{"a measure with its figure", lostMeasure(tok("The hills rise as high as 300 metres above sea level.")), false},
		{"as well as", lostMeasure(tok("The hills are as well as the valleys in Blank.")), false},
		{"a participle with its agent", noMainVerb(tok("A reform movement inspired by the monks of Blank.")), true},
		{"a heading", noMainVerb(tok("Farm losses caused by Blank.")), true},
		{"a passive with its verb", noMainVerb(tok("The movement was inspired by the monks of Blank.")), false},
		{"a participle and a main verb", noMainVerb(tok("A movement inspired by the monks of Blank spread north.")), false},
		{"an entry of a list of kinds", noMainVerb(tok("Mute Swan, Cygnus olor of Europe, and introduced in Blank.")), true},
		{"a clause after and", noMainVerb(tok("Most birds migrate in spring, and returned in Blank.")), false},
		{"a place verb with by", noMainVerb(tok("The king stopped by the abbey of Blank.")), false},
		{"a seeming verb", noMainVerb(tok("Luther himself seemed saddened by the Blank.")), false},
		{"two modifiers of one noun", coordinatedModifier(tok("There are also bass and Blank clarinets."), "contra"), true},
		{"a noun before and", coordinatedModifier(tok("His cabinet or Blank visitors were kept out."), "other"), false},
		{"a count", coordinatedModifier(tok("The city has 130 wards and Blank districts."), "56"), false},
		{"a modifier of a name", coordinatedModifier(tok("There are also bass and Blank Clarinets."), "contra"), false},
		{"initials in the stem", initialsInStem(tok("A U.S. agency studied the weather of the western Blank."), "United States"), true},
		{"initials without stops", initialsInStem(tok("The UK delegation met the Blank."), "United Kingdom"), true},
		{"other initials", initialsInStem(tok("A U.S. agency studied the weather of the western Blank."), "United Kingdom"), false},
		{"a one-word key", initialsInStem(tok("A U.S. agency studied the weather of the Blank."), "Utah"), false},
		{"a second name past an apposition", secondObject("Ann Lee", "In 1901 Smith met Ann Lee, a banker, and city lawyer John Peck.", "Who did Smith meet in 1901?"), true},
		{"a second name after and", secondObject("Ann Lee", "In 1901 Smith met Ann Lee and John Peck.", "Who did Smith meet in 1901?"), true},
		{"a thing after and", secondObject("Ann Lee", "In 1901 Smith met Ann Lee and went home.", "Who did Smith meet in 1901?"), false},
		{"a name the stem gives", secondObject("Ann Lee", "In 1901 Smith met Ann Lee and John Peck.", "Who did Smith meet with John Peck?"), false},
		{"a past verb after did and", pastAfterDid(tok("When did Ann leave Leeds and closed all her shops?")), true},
		{"two base verbs after did", pastAfterDid(tok("When did Ann leave Leeds and close all her shops?")), false},
		{"a relative clause's verbs", pastAfterDid(tok("When did Ann write that law which banned dogs and allowed the cats?")), false},
		{"however at the end", laterHowever(tok("The country has no such law, however.")), true},
		{"however inside", laterHowever(tok("The country, however, has no such law.")), false},
		{"then before a question's verb", thenInQuestion(tok("What did the council then approve?")), true},
		{"then as at that time", thenInQuestion(tok("Who led the army then assembled near the river?")), false},
		{"and then", thenInQuestion(tok("What did the council approve and then repeal?")), false},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

// TestCutCheck checks how keep applies the rules of cuts.go to items of
// each kind.
func TestCutCheck(t *testing.T) {
	d := analyzed(t, "Choirs\n\nThe choir sings in the town hall. Choirs sing in Europe.")
	withSwap := func(it item, from, to string) item { it.swapFrom, it.swapTo = from, to; return it }
	tests := []struct {
		name string
		it   item
		want string
	}{
		{"a count cut from its contrast", withSource(mc("_____ rival theories have been put forward.", "three", "two", "four", "five"),
			"The origin of the rite is not known, but three rival theories have been put forward."), CheckNeedsContext},
		{"a false count cut from its contrast", withSource(withSwap(falseStatement("Four rival theories have been put forward.", "three", "four", true), "three", "four"),
			"The origin of the rite is not known, but three rival theories have been put forward."), CheckNeedsContext},
		{"a blank for a relative's antecedent", withSource(cloze("_____ headed the water board asked Smith for advice.", "Mary Jones"),
			"In 1901 Mary Jones, who headed the water board asked Smith for advice."), CheckBroken},
		{"a blank for the object before a subject's apposition", withSource(cloze("_____ is the last of its line.", "Peru"),
			"The Andean condor from Peru, the last of its line, is rarely seen."), CheckBroken},
		{"a coordinated modifier", cloze("There are also bass and _____ clarinets.", "contra"), CheckSecondRightAnswer},
		{"initials", cloze("A U.S. agency studied the weather of the western _____.", "United States"), CheckGivenAway},
		{"then in a question", withSource(short("What did the council then approve?", "budget"), "The council then approved the budget."), CheckNeedsContext},
		{"a film in a text on choirs", truth("The film was directed by Ann Lee in 1990."), CheckSideFact},
		{"a sound statement", truth("Choirs sang in Europe in 1990."), ""},
	}
	for _, tt := range tests {
		it := tt.it
		if got := d.keep(&it, false, map[string]*stemInfo{}); got != tt.want {
			t.Errorf("%s: keep(%q) = %q, want %q", tt.name, it.q.Stem, got, tt.want)
		}
	}
}

// short is a short-answer item.
func short(stem, key string) item {
	it := cloze(stem, key)
	it.q.Kind = questions.ShortAnswer
	return it
}

// TestWhoForPlace checks that a "who" question is turned away when the
// document calls its key a place, and kept when it calls it a person.
func TestWhoForPlace(t *testing.T) {
	d := analyzed(t, "Lima\n\nAnother rich district is Surco, which has many shops. Surco has more parks than most districts. "+
		"The town of Barranco is old. Chorrillos district is by the sea. Ana Ruiz, the mayor, lives in Chorrillos. "+
		"The mayor of the town is Luis Vega.")
	for _, tt := range []struct {
		stem, key string
		want      bool
	}{
		{"Who has more parks than most districts?", "Surco", true},
		{"Who is old?", "Barranco", true},
		{"Who is by the sea?", "Chorrillos", true},
		{"Who lives in Chorrillos?", "Ana Ruiz", false},
		{"Who is the mayor of the town?", "Luis Vega", false},
		{"What has more parks than most districts?", "Surco", false},
	} {
		if got := d.whoForPlace(prose.Tokenize(tt.stem), tt.key); got != tt.want {
			t.Errorf("whoForPlace(%q, %q) = %v, want %v", tt.stem, tt.key, got, tt.want)
		}
	}
}

// TestDoubleOrigin checks that a person given two places of origin is
// turned away, and a body named with two "of" phrases kept.
func TestDoubleOrigin(t *testing.T) {
	d := analyzed(t, "Elections\n\nThe candidates were Senator John Brown of Ohio, who was joined by Governor Mary Smith of Maine. "+
		"John Brown spoke often. The Court of Justice of Lima sits downtown.")
	for _, tt := range []struct {
		stem string
		want bool
	}{
		{"Who joined Senator John Brown of Ohio of Maine on the ticket?", true},
		{"Who joined Senator John Brown of Ohio on the ticket?", false},
		{"Who sits in the Court of Justice of Lima?", false},
	} {
		if got := d.doubleOrigin(prose.Tokenize(tt.stem)); got != tt.want {
			t.Errorf("doubleOrigin(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
}

func TestSplitOrdinalAndListCutShort(t *testing.T) {
	d := analyzed(t, "Violin\n\nThe violin has four strings.")
	for _, tt := range []struct {
		name string
		it   item
		want string
	}{
		{"ordinal written apart", withSource(cloze("The highest position, practically speaking, is _____ th position.", "15"), "The highest position, practically speaking, is 15 th position."), CheckBroken},
		{"ordinal whole", withSource(cloze("The highest position, practically speaking, is the _____ position.", "15th"), "The highest position, practically speaking, is the 15th position."), ""},
		{"list cut before its and", withSource(cloze("_____ argues that disobedience in opposition to the decisions of agencies such as trade unions, banks.", "Brownlee"),
			"Brownlee argues that disobedience in opposition to the decisions of agencies such as trade unions, banks, and private universities can be justified."), CheckBroken},
		{"list ends where the source ends it", withSource(cloze("_____ sold wool to merchants, weavers.", "Brownlee"), "Brownlee sold wool to merchants, weavers."), ""},
		{"litter of 3 4", withSource(cloze("The litter usually consists of around 3 4 cubs of about _____ kg each.", "1.5"), "The litter usually consists of around 3 4 cubs of about 1.5 kg each."), CheckBroken},
		{"range that lost its dash", withSource(cloze("A study of attacks in the 18th 19th centuries found that victims were children under _____.", "12"),
			"A study of attacks in the 18th 19th centuries found that victims were children under 12."), CheckBroken},
		{"numeric blank beside a number", withSource(cloze("During the trials his engines were tested at 100 _____ hp.", "5000"), "During the trials his engines were tested at 100 5000 hp."), CheckBroken},
		{"range with its dash", withSource(cloze("A study of attacks in the 18th–19th centuries found that victims were children under _____.", "12"),
			"A study of attacks in the 18th–19th centuries found that victims were children under 12."), ""},
		{"a date is no range", withSource(cloze("The page on _____ was retrieved March 7 2006 by the society.", "Roosevelt"), "The page on Roosevelt was retrieved March 7 2006 by the society."), ""},
		{"day blank before a year", withSource(cloze("The treaty was signed on July _____ 1921 in Riga.", "5"), "The treaty was signed on July 5 1921 in Riga."), ""},
		{"hyphen stranded by a cut bracket", withSource(cloze("_____ lived in Luna, a 180-foot -tall redwood, for two years.", "Hill"), "Hill lived in Luna, a 180-foot (55 m)-tall redwood, for two years."), CheckBroken},
		{"hyphen in its word", withSource(cloze("_____ lived in Luna, a 180-foot-tall redwood, for two years.", "Hill"), "Hill lived in Luna, a 180-foot-tall redwood, for two years."), ""},
		{"a year before a count", withSource(cloze("The network in Romania comprised in 2004 _____ km of track.", "22298"), "The network in Romania comprised in 2004 22298 km of track."), ""},
		{"a year before an ordinal", withSource(cloze("The 1983 20th anniversary special had its debut _____ days early.", "2"), "The 1983 20th anniversary special had its debut 2 days early."), ""},
		{"thousands set apart", withSource(cloze("The _____ had a capitalization of 162 584 million euros.", "Warsaw Stock Exchange"), "The Warsaw Stock Exchange had a capitalization of 162 584 million euros."), ""},
		{"a number of a compound", withSource(cloze("Each series had _____ 45-minute episodes.", "13"), "Each series had 13 45-minute episodes."), ""},
		{"a suffix written alone", withSource(cloze("The _____ would have received the modifier -s in Mongolian.", "word"), "The word would have received the modifier -s in Mongolian."), ""},
		{"a word lost after of", withSource(cloze("Under popular pressure the list of was extended from 92 in _____ to 983 in 2004.", "1951"), "Under popular pressure the list of was extended from 92 in 1951 to 983 in 2004."), CheckBroken},
		{"of before a noun", withSource(cloze("Under popular pressure the list of kanji was extended from 92 in _____ to 983 in 2004.", "1951"), "Under popular pressure the list of kanji was extended from 92 in 1951 to 983 in 2004."), ""},
		{"a predicate hung on a comma", withSource(cloze("Chinese characters were also used to write _____, were simplified.", "grammatical elements"), "Chinese characters were also used to write grammatical elements, were simplified."), CheckBroken},
		{"a relative before the predicate", withSource(cloze("The party, which was founded in _____, was dissolved in 1921.", "1920"), "The party, which was founded in 1920, was dissolved in 1921."), ""},
		{"an appositive before the predicate", withSource(cloze("The garden, designed by _____, was opened in 2002.", "Irena Bajerska"), "The garden, designed by Irena Bajerska, was opened in 2002."), ""},
		{"than before a verb", withSource(cloze("Both sexes have more areas of _____ than are found in other tigers.", "white"), "Both sexes have more areas of white than are found in other tigers."), ""},
		{"a key across two phrases", withSource(cloze("By the first of _____ army had removed Jackson from office.", "August the Union"), "By the first of August the Union army had removed Jackson from office."), CheckBroken},
		{"a key cut before its noun", withSource(cloze("Medicine was practised by the _____ court.", "Nestorian Christians of the Yuan"), "Medicine was practised by the Nestorian Christians of the Yuan court."), CheckBroken},
		{"a key whole before its verb", withSource(cloze("The _____ plays a role in preserving the culture.", "Historical Society of the Principality"), "The Historical Society of the Principality plays a role in preserving the culture."), ""},
		{"a name with the inside", withSource(cloze("In 1762 _____ took the throne of Russia.", "Catherine the Great"), "In 1762 Catherine the Great took the throne of Russia."), ""},
		{"quote marks run together", withSource(cloze("The _____ '' method is used to teach younger students.", "Breeze Eazy"), "The Breeze Eazy '' method is used to teach younger students."), CheckBroken},
		{"a clause after the comma", withSource(cloze("In 1900, _____ was born in Paris.", "Brownlee"), "In 1900, Brownlee was born in Paris and raised in Lyon."), ""},
	} {
		it := tt.it
		toks := prose.Tokenize(strings.Replace(it.q.Stem, questions.Blank, blankWord, 1))
		if got := d.cutCheck(&it, toks); got != tt.want {
			t.Errorf("%s: cutCheck(%q) = %q, want %q", tt.name, it.q.Stem, got, tt.want)
		}
	}
}

func TestNestedOptions(t *testing.T) {
	for _, tt := range []struct {
		opts []string
		want bool
	}{
		{[]string{"legato", "well-developed vibrato technique", "vibrato"}, true},
		{[]string{"legato", "spiccato", "vibrato"}, false},
		{[]string{"Paris", "Parisian Basin", "Lyon"}, false},
	} {
		if got := nestedOptions(tt.opts); got != tt.want {
			t.Errorf("nestedOptions(%q) = %v, want %v", tt.opts, got, tt.want)
		}
	}
}
