package generate

import (
	"fmt"
	"strings"
	"testing"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// TestKeep runs the keep checks on items of the kinds the first blind
// judgement failed, and on their sound counterparts.
func TestKeep(t *testing.T) {
	d := analyzed(t, "Pharmacy\n\nThe word pharmacy comes from pharma. Pharmacists sell medicines. Medicines are made in Europe.")
	person := func(it item) item { it.typ, it.confident = ePerson, true; return it }
	typed := func(it item, ty etype) item { it.typ, it.confident = ty, true; return it }
	withCut := func(it item, before, cut string) item { it.before, it.cut = before, cut; return it }
	short := func(stem, key string, ty etype) item {
		it := typed(cloze(stem, key), ty)
		it.q.Kind = questions.ShortAnswer
		return it
	}
	tests := []struct {
		name string
		it   item
		want string
	}{
		{"whole stem", typed(cloze("The Swahili built the port of _____ in the 12th century.", "Mombasa"), ePlace), ""},
		{"list cut off", withCut(typed(cloze("Ancient ports on the coast of _____ include those of Malindi, Mombasa, Kilifi.", "Kenya"), ePlace), "", ","), CheckBroken},
		{"not only without but", typed(cloze("The Normans were not only warriors in _____.", "Italy"), ePlace), CheckBroken},
		{"head of the phrase cut", withCut(typed(cloze("To Mombasa, the Portuguese held _____.", "Malindi"), ePlace), "addition", ""), CheckBroken},
		{"starts mid phrase", withCut(typed(cloze("The port was held by _____ in 1498.", "Portugal"), ePlace), "of", ""), CheckBroken},
		{"who for a work", short("Who was the only script ready to go?", "The Mutants", eWork), CheckWrongWh},
		{"who for a person", short("Who commissioned the first serial in 1963?", "Sydney Newman", ePerson), ""},
		{"past after did", short("In what year did the show saw its end?", "1989", eDate), CheckWrongWh},
		{"past after and", short("When did Tesla leave Graz and broke with his family?", "December 1878", eDate), CheckWrongWh},
		{"regular past after and", short("In what year did Heine complete and published the poems?", "1827", eDate), CheckWrongWh},
		{"has after and", short("In what year did the line begin operation and currently has 40 stations?", "1995", eDate), CheckWrongWh},
		{"base form after and", short("In what year did Heine complete and publish the poems?", "1827", eDate), ""},
		{"was with a past form", short("In what year was fell noticeably the audience?", "1985", eDate), CheckWrongWh},
		{"he with no one named", typed(cloze("In 1081 he led an army against _____.", "Durazzo"), ePlace), CheckNeedsContext},
		{"her as an object", typed(cloze("Temüjin rescued her with the help of _____.", "Jamukha"), ePerson), CheckNeedsContext},
		{"his owned later", typed(cloze("In his Gettysburg Address Lincoln named _____ as the birth year.", "1776"), eDate), ""},
		{"that conjecture", typed(cloze("In 1994 _____ proved that conjecture.", "Andrew Wiles"), ePerson), CheckNeedsContext},
		{"that before a verb", typed(cloze("The _____ is a wind that blows from the south.", "khamsin"), eTerm), ""},
		{"this is accomplished", typed(cloze("This is accomplished by _____ in the leaves.", "chlorophyll"), eTerm), CheckNeedsContext},
		{"these two", typed(cloze("Karl Kautsky attended these two presentations in _____.", "1900"), eDate), CheckNeedsContext},
		{"the next", typed(cloze("The next was written by _____ in 1963.", "Terry Nation"), ePerson), CheckNeedsContext},
		{"the next two millennia", typed(cloze("Menes founded a kingdom in _____ that ruled for the next two millennia.", "Egypt"), ePlace), ""},
		{"count in the stem", typed(cloze("The mandible has _____ kinds of teeth, incisors, canines, premolars and molars.", "four"), eNumber), CheckGivenAway},
		{"partner names the key", typed(cloze("Leopards are stable in Eastern and _____.", "Southern Africa"), ePlace), CheckGivenAway},
		{"one option in figures", person(mc("How many releases came out since 2005?", "Six", "twelve", "five", "seven")), CheckGivenAway},
		{"generic blank", typed(cloze("New techniques allowed mixing of the _____ on tape.", "music"), eConcept), CheckFiller},
		{"continent", typed(cloze("Medicines are made in _____ from plants.", "Europe"), ePlace), CheckFiller},
		{"two letters", typed(cloze("The scan is called _____ in hospitals.", "CT"), eName), CheckFiller},
		{"citation left", typed(cloze("The port was built by _____ in 1498.[12]", "Portugal"), ePlace), CheckResidue},
		{"an event offered as a person", person(mc("Who hosted the concert in 2006?", "David Tennant", "Ben Foster", "Day of the Daleks", "Murray Gold")), CheckDistractorType},
		{"a country offered as a person", person(mc("Who hosted the concert in 2006?", "David Tennant", "Ben Foster", "Swaziland", "Murray Gold")), CheckDistractorType},
		{"a title for a person", person(mc("Who went against Jefferson and Burr in 1800?", "Charles Pinckney", "John Ferling", "Chief Justice", "John Marshall")), CheckDistractorType},
		{"a building asked for as a person", person(mc("Who was Lincoln's official in 1861?", "White House", "Simon Cameron", "David Davis", "Samuel Miller")), CheckDistractorType},
		{"a people for a person", person(mc("Who charged up Kettle Hill in 1898?", "Roosevelt", "Americans", "Hanna", "Taft")), CheckDistractorType},
		{"a country for an organisation", typed(mc("What ranks China as the top duck market?", "FAO", "RSPCA", "UK", "WWF"), eOrg), CheckDistractorType},
		{"an event for an organisation", typed(mc("What signed conventions in the 1980s?", "British Government", "United States Department of Agriculture", "Berne Convention", "National Trust"), eOrg), CheckDistractorType},
		{"people for a person", person(mc("Who hosted the concert in 2006?", "David Tennant", "Ben Foster", "Freema Agyeman", "Murray Gold")), ""},
		{"a false swap of common nouns", typed(falseStatement("The result is the method of request.", "primary difference", "result", true), eConcept), CheckNotContradicted},
		{"both before a plural", typed(cloze("In 1853, both men joined the _____.", "Republican Party"), eOrg), ""},
		{"for a while", typed(cloze("For a while Egypt and Syria formed the _____.", "United Arab Republic"), eOrg), ""},
		{"a place and its state", withCut(typed(cloze("_____ was the oldest of three brothers, born on October 30, 1735, in Braintree, Massachusetts.", "John Adams"), ePerson), "", ","), ""},
		{"this as a pronoun", typed(cloze("Cygnets do this from a _____ onwards.", "young age"), eConcept), CheckNeedsContext},
		{"see", typed(cloze("See the famous swan-related operas _____ and Parsifal.", "Lohengrin"), eWork), CheckBroken},
		{"the same what", typed(cloze("The film is derived from the _____.", "same ancient sources"), eConcept), CheckFiller},
		{"a common format", typed(cloze("Reconstructions have been released as special features on _____.", "DVD"), eName), CheckFiller},
		{"a hedge on a common word", typed(cloze("Even large pythons are _____ for leopards.", "potential prey"), eConcept), CheckFiller},
		{"one common word", typed(cloze("Tigers have been observed feeding on _____ together.", "prey"), eConcept), CheckFiller},
		{"another script", typed(cloze("From 1983 to 2007, no _____ tigers were sighted. 绝迹24年", "South China"), ePlace), CheckResidue},
		{"a list of things cut off", withCut(typed(cloze("A violin consists of a _____, maple ribs and back, two endblocks, a neck, four strings.", "spruce top"), eConcept), "", ","), CheckBroken},
		{"a verb the inversion left", short("In what year was the theater built and is at Olive Avenue?", "1939", eDate), CheckWrongWh},
		{"nothing reported", short("When did Lincoln explain?", "August 22, 1862", eDate), CheckWrongWh},
		{"whose his", typed(cloze("Upon receiving word of his death, his son, _____, telegraphed his siblings.", "Archie"), ePerson), CheckNeedsContext},
		{"a relative without its head's verb", typed(cloze("The Norwegian authorities, whose original plans to kill _____ wolves were scaled down.", "20"), eNumber), CheckBroken},
		{"a plain noun pointing back", typed(cloze("The _____ are otherwise nearly identical.", "instruments"), eConcept), CheckFiller},
		{"read past the noun", typed(cloze("Valve 1 increases the _____ to lower the pitch.", "tubing length enough"), eConcept), CheckFiller},
		{"a kind of telling", typed(cloze("A _____ says that quacks do not echo.", "common urban legend"), eConcept), CheckFiller},
		{"read into a participle", typed(cloze("Tigers have been studied in the _____ a variety of techniques.", "wild using"), eConcept), CheckFiller},
		{"he beside a blank on a year", typed(cloze("Two years later, in _____, he began his experiments on induction.", "1831"), eDate), CheckNeedsContext},
		{"he after a blank on a person", person(cloze("In 1831 _____ said he began his experiments on induction.", "Faraday")), ""},
		{"a citation", typed(cloze("Cited in Seifer, The Life and _____, 1996.", "Times of Nikola Tesla"), eWork), CheckResidue},
		{"two texts run together", typed(cloze("Nearly 80% of the rainfall of _____ mm falls in May. caused by the city's expansion.", "1,854"), eNumber), CheckBroken},
		{"who for a work with the", func() item {
			it := short("Who sold over 300,000 copies in 1885?", "Memoirs", ePerson)
			it.answers = []string{"Memoirs", "the Memoirs"}
			return it
		}(), CheckWrongWh},
		{"figures in a row", short("What did plague epidemics ravage in 1563 1603 1636?", "London", ePlace), CheckWrongWh},
		{"his in a question", short("In what year is his method described in the Jade Mirror?", "1303", eDate), CheckNeedsContext},
		{"her of the one asked for", person(short("Who co-signed the Letter of the 22 with her best friend Zoya?", "Kollontai", ePerson)), ""},
		{"a verb first", typed(falseStatement("Is pronounced like the o in horse in 1990.", "1990", "1991", true), eDate), CheckBroken},
		{"a range end swapped", typed(falseStatement("The population has dwindled to between 470,000 and 350,000 individuals.", "690,000", "350,000", true), eNumber), CheckGivenAway},
		{"nine eleven", typed(falseStatement("Following the 9/ 13 attacks, Abu Hamza was arrested.", "11", "13", true), eNumber), CheckBroken},
		{"the following", typed(cloze("Fillmore appointed the following Justices to the _____.", "Supreme Court"), eOrg), CheckBroken},
		{"a glued caption", typed(cloze("Coolidge's official _____ portraitWhile he was not an isolationist, Coolidge stayed home.", "White House"), eOrg), CheckResidue},
		{"a list not cut", typed(cloze("The dynasty acquired land in _____, Moravia, Silesia.", "Lower Austria"), ePlace), CheckBroken},
		{"one of a list", typed(cloze("The trumpet is used in ska, jazz, _____, Blues and pop since 1950.", "Rock"), eName), CheckGivenAway},
		{"a key cut from its numeral", typed(mc("In August 1914, when _____ I broke out, Romania declared neutrality.", "World War", "Treaty of Bucharest", "Treaty of Trianon", "Peace of Paris"), eEvent), CheckBroken},
		{"who for a name that counts", short("Who did Wilson intend as a means toward ending the war?", "Fourteen Points", eGroup), CheckWrongWh},
		{"who for walls", short("Who were built between 1684 and 1687 by the viceroy?", "Lima City Walls", eGroup), CheckWrongWh},
		{"were build", short("Who were build between 1684 and 1687 by the viceroy?", "Spaniards", eGroup), CheckWrongWh},
		{"a nationality for a place", typed(mc("Lincoln is the capital of _____ since 1869.", "Nebraska", "Cemetery", "French", "Ohio"), ePlace), CheckDistractorType},
		{"a caption", short("When is Coolidge shown above holding a ceremonial hat?", "October 22, 1924", eDate), CheckResidue},
		{"no main clause", typed(cloze("Occurring on the flag of Laos till it became a republic in _____.", "1975"), eDate), CheckBroken},
		{"a main clause after a relative", typed(cloze("The man who led the army was defeated in _____.", "1066"), eDate), ""},
		{"one end of a range", typed(cloze("Males weigh 37 to _____ kg.", "90"), eNumber), CheckGivenAway},
		{"an option in lower case", typed(mc("_____ is a test of self awareness.", "mirror self recognition", "Elephants", "rogue elephant", "lions"), eTerm), CheckGivenAway},
		{"stacked dates", short("What authorised a cull of wolves in 2000 in 2001?", "Norwegian Government", eOrg), CheckWrongWh},
		{"a self-reference", typed(cloze("The ducks are listed in full in the _____ article.", "Anatidae"), eName), CheckResidue},
		{"a plain adjective", typed(cloze("Both male and female African elephants have _____.", "long tusks"), eConcept), CheckFiller},
		{"read across a verb", typed(cloze("In Central Africa, the prevalence of _____ surveys difficult.", "forest makes population"), eConcept), CheckFiller},
		{"a term of two words", typed(cloze("Cellists play as soloists and in _____.", "chamber music"), eConcept), ""},
		{"them after one person", typed(falseStatement("Aleksei Kiselyov saw them as the main reason for the policy in 1920.", "1920", "1921", true), eDate), CheckNeedsContext},
		{"them after a plural", typed(cloze("The wolves hunt deer and kill them in _____.", "1990"), eDate), ""},
		{"the noun of the sentence before", typed(cloze("The calf died of infection _____ days later.", "four"), eNumber), CheckNeedsContext},
		{"the title's noun", typed(cloze("The pharmacy sold medicines in _____.", "1920"), eDate), ""},
		{"nonetheless", typed(falseStatement("Kollontai nonetheless took the floor in 1921.", "1921", "1922", true), eDate), CheckNeedsContext},
		{"instead of", typed(cloze("Pharmacists sold medicines instead of herbs in _____.", "1920"), eDate), ""},
		{"years inside the decade", typed(mc("The band's albums between 1981 and 1988 defined the _____.", "1980s", "1960s", "1970s", "1990s"), eDate), CheckGivenAway},
		{"years outside the century", typed(cloze("The castle, rebuilt in 1652, dates from the _____.", "12th century"), eDate), ""},
		{"a subject cut from its list", typed(cloze("Schaanwald, are served by a train running between _____ and Buchs.", "Feldkirch"), ePlace), CheckBroken},
		{"a blank cut from its list", typed(mc("_____, and ended with the Great Plague of London in 1665.", "1636", "1655", "1664", "1638"), eDate), CheckBroken},
		{"a subject after a fronted phrase", typed(cloze("In 1850, Fillmore signed the Compromise in _____.", "Washington"), ePlace), ""},
		{"a figure lost", typed(mc("Lima has a population of _____, and a population density of as of 2007.", "7,605,743", "6,084,594", "9,126,892", "5,704,307"), eNumber), CheckBroken},
		{"the college", typed(cloze("In 1916 the college moved to a site north of _____.", "Tower District"), ePlace), CheckNeedsContext},
		{"an before the blank", typed(cloze("Chloroplasts replaced the wall with an _____.", "intermembrane space"), eConcept), CheckGivenAway},
		{"the date of an anecdote", typed(mc("In _____, a duck in Tallahassee survived a gunshot wound.", "2007", "2004", "2002", "2009"), eDate), CheckSideFact},
		{"the year of an anecdote asked", typed(mc("In what year did a farmer spot a tiger near Jakarta?", "2007", "2004", "2002", "2009"), eDate), CheckSideFact},
		{"the date of a named event", typed(cloze("In _____, a Portuguese fleet reached Mombasa.", "1498"), eDate), ""},
		{"a count broken down after it", typed(cloze("Fresno has _____ large public parks, two in the city limits and one in county land.", "three"), eNumber), CheckGivenAway},
		{"a count and one figure after it", typed(cloze("Fresno has _____ large public parks, the largest of 300 acres.", "three"), eNumber), ""},
		{"a word of the term in the stem", typed(cloze("The _____ is a trumpet that has a slide instead of valves.", "modern slide trumpet"), eConcept), CheckGivenAway},
		{"the head of the term in the stem", typed(cloze("Though used as an accompaniment instrument, the violin is popular as a _____.", "solo instrument"), eConcept), ""},
		{"a word of the title in the stem", typed(cloze("Most pharmacy chains sell _____ as well.", "pharmacy products"), eConcept), ""},
		{"a long plain plural", typed(cloze("In recent years, _____ have stressed the use of republican values.", "historians"), eConcept), CheckFiller},
		{"a long word of the subject", typed(cloze("Chloroplasts carry out _____ in the leaves of plants.", "photosynthesis"), eConcept), ""},
		{"a heading glued", typed(mc("Lincoln (2008) _____ is expected to play Lincoln in the film.", "Liam Neeson", "Sam Waterston", "Gregory Peck", "Henry Fonda"), ePerson), CheckBroken},
		{"an author and year", typed(cloze("Gasquet (1908) claimed that the name first appeared in _____.", "1631"), eDate), ""},
		{"otherwise", typed(cloze("Otherwise the _____ surrounds the state on every side.", "Austria"), ePlace), CheckNeedsContext},
		{"words of another script taken out", typed(cloze("The verb is replaced by in _____ and or in humble speech.", "honorific speech"), eConcept), CheckBroken},
		{"a name taken out before a conjunction", typed(cloze("The name is realized as and in the _____ stage of the language.", "Demotic"), eName), CheckBroken},
		{"he after a place", typed(cloze("At Nuremberg in _____ he published a collection of observations.", "1733"), eDate), CheckNeedsContext},
		{"he after a blank on a place", person(cloze("At _____ in 1733 he published a collection of observations.", "Nuremberg")), CheckNeedsContext},
		{"he after a place of two words", typed(cloze("In New York he founded a laboratory in _____.", "1889"), eDate), CheckNeedsContext},
		{"he after a person and a place", typed(cloze("In Paris, Kallman and his brother founded a laboratory in _____.", "1889"), eDate), ""},
		{"he after a month", typed(cloze("In June 1775, he nominated George Washington as _____.", "commander-in-chief"), eConcept), CheckNeedsContext},
		{"they after a blank on a year", typed(cloze("In _____ they captured the castle from the Portuguese.", "1637"), eDate), CheckNeedsContext},
		{"and after to", short("When did awareness begin to take root and forced people to rethink?", "1950s", eDate), CheckWrongWh},
		{"a perfect asked for its year", short("In what year have the animals been blamed for the deaths of 2,200 sheep?", "2003", eDate), CheckWrongWh},
		{"a past after to is a verb's", short("In what year did Adams decide to return to Boston?", "1788", eDate), ""},
		{"a demonym of the key", typed(mc("In _____, in 2001, the Norwegian Government authorised a wolf cull.", "Norway", "Sweden", "Finland", "Russia"), ePlace), CheckGivenAway},
		{"an adjective of the name", person(cloze("The galvanic response was advocated by _____.", "Luigi Galvani")), CheckGivenAway},
		{"another name", typed(cloze("The Swedish Government authorised a cull in _____.", "Norway"), ePlace), ""},
		{"a share past the whole", typed(falseStatement("According to the 2000 census, 264% of the population is Christian.", "87.9%", "264%", true), eNumber), CheckNotContradicted},
		{"who is a name from a list", person(short("Who was popular singer Leila Mourad?", "Dawoud Husni", ePerson)), CheckWrongWh},
		{"who is a bare noun", person(short("Who is American writer?", "Studs Terkel", ePerson)), CheckWrongWh},
		{"who is someone's", person(short("Who was Kublai's mother?", "Sorghaghtani", ePerson)), ""},
		{"what is placed", typed(short("What is based at Victoria Palace?", "Romanian Government", eOrg), eOrg), ""},
		{"where beside its place", typed(short("Where was Celsius born in Uppsala?", "Sweden", ePlace), ePlace), CheckWrongWh},
		{"where and a month", typed(short("Where did Fillmore move in June 1858?", "Buffalo", ePlace), ePlace), ""},
		{"a past form first", typed(cloze("Withdrew from the Senate the treaty of annexation of _____.", "Hawaii"), ePlace), CheckBroken},
		{"an adverb and a participle first", typed(cloze("Rather held in place by the _____ of the strings.", "tension"), eConcept), CheckBroken},
		{"a participle and its subject", typed(cloze("Founded in 1890, the university moved to _____ in 1892.", "Chicago"), ePlace), ""},
		{"a question without its object", typed(short("When did the Dalai Lama preach a ruling against using?", "January 2006", eDate), eDate), CheckBroken},
		{"them after a year asked for", short("In what year did Wilson win them over by promising independence?", "1917", eDate), CheckNeedsContext},
		{"them after one person blank", person(cloze("In 1917 _____ won them over by promising independence.", "Wilson")), CheckNeedsContext},
		{"them after two people", person(cloze("In 1887 _____ set up a laboratory for them in Manhattan.", "Peck and Brown")), ""},
		{"who for a park", short("Who is home to the largest fountain complex in the world?", "Park of the Reserve", ePerson), CheckWrongWh},
		{"who for a system", short("Who is found in academic use in the United States?", "Wade-Giles", ePerson), CheckWrongWh},
		{"who for a kind of people", func() item {
			it := short("Who sided with Pinchot?", "Conservationists", eGroup)
			it.source = "Conservationists sided with Pinchot."
			return it
		}(), CheckWrongWh},
		{"who for a named people", func() item {
			it := short("Who conquered Sicily in 1061?", "Normans", eGroup)
			it.source = "The Normans conquered Sicily in 1061."
			return it
		}(), ""},
		{"a passive read as active", short("In what year did the treatise publish by Ricordi?", "1934", eDate), CheckWrongWh},
		{"a country with the article against ones without", typed(mc("Fox hunting originated in the _____ in the 16th century.", "United Kingdom", "Canada", "France", "Ireland"), ePlace), CheckDistractorType},
		{"countries without the article", typed(mc("Fox hunting originated in _____ in the 16th century.", "England", "Canada", "France", "Ireland"), ePlace), ""},
		{"who is one of a kind", person(short("Who became an Episcopal priest?", "Absalom Jones", ePerson)), CheckWeakShort},
		{"who was born in a city", person(short("Who was born in Warsaw?", "Nathan Alterman", ePerson)), CheckWeakShort},
		{"who is someone named", person(short("Who is analytic philosopher and Professor of Literature Richard Rorty?", "Susan Sontag", ePerson)), CheckWrongWh},
		{"a verb without its object", short("In what year did Genghis besiege?", "1215", eDate), CheckWrongWh},
		{"it at a blank on a year", typed(cloze("In _____ it purchased the shell of a building.", "1769"), eDate), CheckNeedsContext},
		{"days later", typed(cloze("_____ days later, the FBI ordered the custodian to seize the belongings.", "Two"), eNumber), CheckNeedsContext},
		{"years later", typed(cloze("Two years later the FBI seized the belongings in _____.", "New York"), ePlace), CheckNeedsContext},
		{"his relation to someone else", person(cloze("_____ became his bitter foe in 1896.", "John P. Altgeld")), CheckNeedsContext},
		{"his own relation", person(cloze("_____ became the bitter foe of Cleveland in 1896.", "John P. Altgeld")), ""},
		{"another root of the key", typed(cloze("Egypt is mostly Muslim, with most adherents of the Sunni branch of _____.", "Islam"), eConcept), CheckGivenAway},
		{"a place qualifying a noun", typed(cloze("Wilson had his faith in the _____ government restored.", "United States"), ePlace), CheckFiller},
		{"a place as the object", typed(cloze("Wilson restored his faith in the _____ in 1918.", "United States"), ePlace), ""},
		{"a body that reports a figure", typed(short("What reports that China is the top duck market?", "FAO", eOrg), eOrg), CheckSideFact},
		{"the year of a share", typed(mc("Over 10% of Swedish pupils were enrolled in private schools in _____.", "2008", "2012", "1996", "2006"), eDate), CheckSideFact},
		{"as of a date", typed(mc("As of _____, there are 88 private schools in New Zealand.", "April 2014", "August 1992", "July 2014", "January 2014"), eDate), CheckSideFact},
		{"the year of an event", typed(mc("Tesla moved to Colorado Springs in _____.", "1899", "1901", "1895", "1897"), eDate), ""},
		{"in response", typed(cloze("In response, the university became a sponsor of a project for _____.", "Hyde Park"), ePlace), CheckNeedsContext},
		{"in response to", typed(cloze("In response to the riots, the university sponsored a project for _____.", "Hyde Park"), ePlace), ""},
		{"a chart not shown", typed(mc("Notes in parentheses are the sixth overtone, at _____ times the fundamental.", "seven", "nine", "eleven", "fourteen"), eNumber), CheckNeedsContext},
		{"a list of names cut off", typed(falseStatement("The university contains a library system, the University of Chicago Press, the University of Chicago Laboratory Schools.", "", "", true), eOrg), CheckBroken},
		{"their with a thing asked for", typed(short("What is thought to be inherited from their ancestor?", "DNA", eConcept), eConcept), CheckNeedsContext},
		{"a titled key among plain names", person(mc("In 1857 Douglas broke with _____.", "President Buchanan", "Horace Greeley", "William H. Seward", "James A. Barret")), CheckDistractorType},
		{"a woman among men", person(mc("Cleveland paid child support in 1874 to _____.", "Maria Crofts Halpin", "James G. Blaine", "Theodore Roosevelt", "James Buchanan")), CheckDistractorType},
		{"a treaty for a war", typed(mc("In 1973 Egypt and Syria launched the _____.", "October War", "Cold War", "Suez Crisis", "Anglo-Egyptian Treaty"), eEvent), CheckDistractorType},
		{"a phrase read into its verb", typed(cloze("The bore is larger just before the flare of the _____.", "bell begins"), eConcept), CheckFiller},
		{"a phrase ending in a plural", typed(cloze("Trumpet bores widen just before the _____.", "flared bells"), eConcept), ""},
		{"a photo not shown", typed(cloze("_____'s specimen was the reverse pairing, the one in the black and white photo.", "Hamburg Zoo"), eOrg), CheckNeedsContext},
		{"another than which", typed(short("When did an attack on another Indian village occur?", "October 1999", eDate), eDate), CheckNeedsContext},
		{"both of whom", person(short("Who had been corresponding with both?", "Benjamin Rush", ePerson)), CheckNeedsContext},
		{"both named", person(short("Who had been corresponding with both Adams and Jefferson?", "Benjamin Rush", ePerson)), ""},
		{"a second clause taken along", typed(short("How many members are elected from the Oberland and ten members are elected from the Unterland?", "Fifteen", eNumber), eNumber), CheckWrongWh},
		{"a rate per a round number", typed(mc("The infant mortality rate is 4.64 deaths per _____ live births.", "1,000", "2,000", "3,000", "1,300"), eNumber), CheckGivenAway},
		{"the year of a reported figure", typed(mc("FAO reports that China is the top duck market in _____.", "2004", "2002", "2007", "1999"), eDate), CheckSideFact},
		{"games for a war", typed(mc("When the _____ broke out in 1866, Prussia accused Liechtenstein.", "Austro-Prussian War", "World War", "Winter Olympics", "Cold War"), eEvent), CheckDistractorType},
		{"a body of states for a people", typed(mc("The first contact between the _____ and Europeans occurred in 1482.", "Fantes", "Danes", "Commonwealth of Nations", "Akans"), eGroup), CheckDistractorType},
		{"peoples for a people", typed(mc("The first contact between the _____ and Europeans occurred in 1482.", "Fantes", "Danes", "Ewes", "Akans"), eGroup), ""},
		{"a page left from a footnote", typed(cloze("McCoy, 360 _____ eventually approved joining the Court in 1926.", "The Senate"), eOrg), CheckResidue},
		{"a list after where", typed(short("Where did Cleveland send in federal troops, Illinois and 20 other rail centers?", "Chicago", ePlace), ePlace), CheckWrongWh},
		{"a state qualifying an election", typed(cloze("During the _____ election of 1910, the Democrats took control.", "New Jersey"), eName), CheckFiller},
		{"a name cut at its and", typed(cloze("The _____ and Electronics Engineers (IEEE) created an award.", "Institute of Electrical"), eOrg), CheckBroken},
		{"a fraction cut", typed(mc("Violins smaller than 1/ _____ size are rare.", "2", "3", "4", "6"), eNumber), CheckBroken},
		{"a people for a city", typed(mc("Lima competed with the city of _____ in 1700.", "Buenos Aires", "Spaniards", "Cusco", "Quito"), ePlace), CheckDistractorType},
		{"who for a language", typed(short("Who was traditionally spoken around the town of Barawa?", "Chimwiini", eGroup), eGroup), CheckWrongWh},
		{"a question with a but", short("In what year was Zia-ul-Haq killed but Islamization remains important?", "1988", eDate), CheckWrongWh},
		{"a question cut in a list", person(short("Who promoted commercial, scientific?", "Kublai Khan", ePerson)), CheckWrongWh},
		{"its after who", typed(short("Who brought one of its earliest implementations about in 1919?", "Egyptians", eGroup), eGroup), CheckNeedsContext},
		{"the following day", typed(cloze("The following day, a second service was held in _____.", "New York City"), ePlace), CheckNeedsContext},
		{"the following year named", typed(cloze("In the following decades the city grew in _____.", "Nebraska"), ePlace), ""},
		{"an example of what", typed(cloze("An example would be the broadcast of a _____ comedy album.", "George Carlin"), ePerson), CheckNeedsContext},
		{"a count of the names after", typed(mc("Tesla partnered with _____ businessmen in 1886, Robert Lane and Benjamin Vail.", "two", "three", "four", "six"), eNumber), CheckGivenAway},
		{"another of a kind", typed(cloze("Apicomplexans are another group of _____.", "chromalveolates"), eTerm), ""},
		{"a name qualifying an organisation", typed(cloze("The path of violence was taken up by the _____ organization in 1981.", "Egyptian Islamic Jihad"), eName), ""},
		{"the year of an event with a share", typed(short("When did OPEC raise the posted price of oil by 70%?", "October 16, 1973", eDate), eDate), ""},
		{"one example of a kind", typed(cloze("Compact trucks were introduced, such as the _____ and the Datsun Truck.", "Toyota Hilux"), eName), CheckSecondRightAnswer},
		{"one of the examples including", typed(cloze("Islam spread to towns including _____ in the 9th century.", "Mombasa"), ePlace), CheckSecondRightAnswer},
		{"the group with nothing said", typed(short("What has reported ethnic cleansing by the group on a historic scale?", "Amnesty International", eOrg), eOrg), CheckNeedsContext},
		{"the group named", typed(short("What has reported ethnic cleansing by the group ISIL in 2014?", "Amnesty International", eOrg), eOrg), ""},
		{"members of what", person(short("Who jailed thousands of members for several years?", "Nasser", ePerson)), CheckNeedsContext},
		{"the cycle", typed(mc("One out of every _____ molecules produced leaves the cycle.", "six", "three", "five", "eight"), eNumber), CheckNeedsContext},
		{"the area asked for", typed(cloze("Much of the area was united under the Empire of Ashanti by the _____.", "16th century"), eDate), CheckNeedsContext},
		{"two of phrases without and", person(short("Who was the Prince of Wallachia, of Transylvania?", "Michael the Brave", ePerson)), CheckWrongWh},
		{"two verbs after to without and", typed(short("What gained the power to prescribe a uniform system of accounting, require reports?", "ICC", eOrg), eOrg), CheckWrongWh},
		{"a place after its city", typed(short("When did Lincoln move to Springfield, Illinois?", "1837", eDate), eDate), ""},
		{"a participle read as the verb", short("Who found in the Indus Valley suggest that the elephant was tamed?", "Seals", eGroup), CheckWrongWh},
		{"a decade beside the next", typed(cloze("After the cultured pearl came in the _____ and 1930s, the pearling industry faltered.", "1920s"), eDate), CheckGivenAway},
		{"a figure cut from its list", typed(mc("The affiliation for most of the remainder is Islam - _____, undeclared.", "4.8%", "7%", "10%", "4%"), eNumber), CheckBroken},
		{"similar to what", typed(cloze("A similar hybrid in Berlin Zoo was a cross between a _____ and a female puma.", "male leopard"), eConcept), CheckNeedsContext},
		{"similar to something named", typed(cloze("A hybrid similar to the one in Hamburg was bred in _____.", "Berlin"), ePlace), ""},
		{"figures set off by dashes", typed(mc("The affiliation is Islam - 4.8%, undeclared - _____ and no religion.", "4.1%", "2%", "3%", "5%"), eNumber), CheckBroken},
		{"acts for a party", typed(mc("The death of Washington in 1799 weakened the _____.", "Federalists", "Sedition Acts", "Republicans", "Whigs"), eGroup), CheckDistractorType},
		{"a railroad for a person", person(mc("Grant was selected by Western Theater commander _____ in 1861.", "John C. Frémont", "Claiborne Jackson", "St. Joseph Railroad", "Gideon J. Pillow")), CheckDistractorType},
		{"a party and a company for a navy", typed(mc("Cleveland's administration modernized the _____ in 1890.", "United States Navy", "Democratic Party", "Sugar Trust", "Royal Navy"), eOrg), CheckDistractorType},
		{"colleges for a college", typed(mc("In 1896, the university affiliated with _____ in Mount Carroll.", "Shimer College", "Stetson University", "Butler University", "Kalamazoo College"), eOrg), ""},
		{"the end of a list first", typed(mc("1636, and ended with the Great Plague of London in _____.", "1665", "1664", "1671", "1667"), eDate), CheckBroken},
		{"the conflict", person(short("Who escaped during the conflict?", "Jamukha", ePerson)), CheckNeedsContext},
		{"a relative clause cut before its verb", withSource(typed(cloze("Fillmore refused to join the new Republican Party, where many former _____.", "Whigs"), eGroup),
			"Fillmore refused to join the new Republican Party, where many former Whigs, including Abraham Lincoln, had found refuge."), CheckBroken},
		{"a relative clause with its verb", withSource(typed(cloze("Fillmore refused to join the new party, where many former _____ had found refuge.", "Whigs"), eGroup),
			"Fillmore refused to join the new party, where many former Whigs had found refuge."), ""},
		{"a restrictive clause cut", withSource(truth("Bucharest is the only city in Romania."),
			"Bucharest is the only city in Romania which has an underground railway system."), CheckBroken},
		{"a clause set off by a comma cut", withSource(truth("Bucharest is the largest city in Romania."),
			"Bucharest is the largest city in Romania, which it has been since 1862."), ""},
		{"an and left before its comma", withSource(short("In what year does Warsaw lead the region in foreign investment and, GDP growth met expectations?", "2006", eDate),
			"Warsaw leads the region in foreign investment and in 2006, GDP growth met expectations."), CheckBroken},
		{"a possessive left on a plural", short("In what year did the British Government sign conventions's and 1990's?", "1980", eDate), CheckBroken},
		{"a comma splice in a question", short("In what year was King Michael forced to abdicate and leave the country, Romania was proclaimed a republic?", "1947", eDate), CheckWrongWh},
		{"another year after an and", short("In what year was a civic water supply system introduced and electricity supply launched in 1878?", "1874", eDate), CheckWrongWh},
		{"a sentence announcing a list", withSource(short("How many subsequent reports were published in the following years?", "Four", eNumber),
			"Four subsequent reports were published in the following years:"), CheckNeedsContext},
		{"a caption", withSource(person(short("Who was national poet of Romania and Moldova?", "Mihai Eminescu", ePerson)),
			"Mihai Eminescu, national poet of Romania and Moldova"), CheckSideFact},
		{"organisations for a religion", typed(mc("What is the predominant religion of Dhaka's people?", "Islam", "Durga Puja", "Bangladesh Betar", "Bangladesh Television"), eConcept), CheckDistractorType},
		{"religions for a religion", typed(mc("What is the predominant religion of Dhaka's people?", "Islam", "Hinduism", "Buddhism", "Christianity"), eConcept), ""},
		{"a broadcaster swapped for a religion", falseStatement("Bangladesh Television is the predominant religion of Dhaka's people.", "Islam", "Bangladesh Television", false), CheckDistractorType},
		{"a sect that names the religion", typed(cloze("Most of Dhaka's people belong to the Sunni sect of _____.", "Islam"), eConcept), CheckGivenAway},
		{"one of several colleagues", person(short("Who was Luther's colleague?", "Andreas Karlstadt", ePerson)), CheckSecondRightAnswer},
		{"one of several friends", person(short("Who was Rush's former friend?", "Thomas Jefferson", ePerson)), CheckSecondRightAnswer},
		{"one wife", person(short("Who was Luther's wife?", "Katharina von Bora", ePerson)), ""},
		{"the part of a thing", typed(cloze("The _____ generally takes no part in rearing them.", "father of the cubs"), eConcept), CheckSecondRightAnswer},
		{"a property of a thing", typed(cloze("The sound post is kept in place by the _____ and strings.", "tensions of the bridge"), eConcept), CheckSecondRightAnswer},
		{"a named thing with of", typed(cloze("The American Revolutionary War ended with the _____ in 1783.", "Treaty of Paris"), eName), ""},
		{"a count after an article", typed(mc("A _____ states have legal holidays on Presidents' Day.", "dozen", "fifteen", "eighteen", "ten"), eNumber), CheckGivenAway},
		{"a clean part of a sentence with a caption glued on", withSource(truth("White House was Coolidge's official."),
			"Coolidge's official White House portraitWhile he was not an isolationist, Coolidge was reluctant to enter foreign alliances."), CheckResidue},
		{"a sentence split at a time", truth("00 p.m. can be either saa moja jioni or saa moja usiku."), CheckBroken},
		{"the end of a programme's name", typed(cloze("The Programme for _____, coordinated by the OECD, ranks the country's education 10th.", "International Student Assessment"), eOrg), CheckSideFact},
		{"a city after its university", typed(cloze("Hutchins taught at the University of _____ for twenty years.", "Chicago"), ePlace), ""},
		{"two sentences run together", typed(cloze("Bran Castle is situated in the centre of present-day Romania.The first attestation is from _____.", "1377"), eDate), CheckResidue},
		{"an abbreviation before a name", typed(cloze("The U.S. Navy was modernized in the _____.", "1880s"), eDate), ""},
		{"a doubled article", typed(mc("The The Egyptian Organization for Human Rights was founded in _____.", "1985", "1980", "1990", "1975"), eDate), CheckBroken},
		{"a city for a person", person(mc("In 1857-58, Douglas broke with _____.", "President Buchanan", "St. Louis", "Lieutenant David H. Todd", "Major Isaiah Stillman")), CheckDistractorType},
		{"a title and surname among titled full names", person(mc("In 1857-58, Douglas broke with _____.", "President Buchanan", "Senator Horace Greeley", "Lieutenant David H. Todd", "Major Isaiah Stillman")), CheckGivenAway},
		{"full names all", person(mc("In 1857-58, Douglas broke with _____.", "James Buchanan", "Horace Greeley", "William H. Seward", "James A. Barret")), ""},
		{"the park grounds", short("In what year was a zoological garden established on the park grounds?", "1927", eDate), CheckNeedsContext},
		{"the building named", short("In what year was the building of the Royal Castle completed?", "1619", eDate), ""},
		{"a false as-of date", typed(falseStatement("As of 2012, the logo of the Third Doctor is the primary logo.", "2014", "2012", true), eDate), CheckNotContradicted},
		{"a false year of a count", typed(falseStatement("Over 10% of Swedish pupils were enrolled in private schools in 2006.", "2008", "2006", true), eDate), CheckSideFact},
		{"a false year of an event", typed(falseStatement("Tesla moved to Paris in 1885.", "1884", "1885", true), eDate), ""},
		{"a condition without its consequence", person(short("Who argues that if a person violates a law in order to create a test case?", "Michael Bayles", ePerson)), CheckBroken},
		{"a condition at the end", typed(cloze("In Romania a new prime minister is appointed if no party holds _____ of the seats.", "50%"), eNumber), ""},
		{"a place for a rule's namesake", typed(mc("Wolf size increases with latitude as predicted by _____'s Rule.", "Bergmann", "Alaska", "Odin", "Asena"), eName), CheckDistractorType},
		{"a person for a place the gazetteer knows", typed(mc("The heaviest wild wolf was killed in _____ in 1939.", "Alaska", "Bergmann", "Montana", "Idaho"), ePlace), CheckDistractorType},
		{"places for a place the gazetteer knows", typed(mc("The heaviest wild wolf was killed in _____ in 1939.", "Alaska", "Wyoming", "Montana", "Idaho"), ePlace), ""},
		{"an initial for a person", person(mc("Who argued against bicameral legislatures?", "Turgot", "Price", "Thompson", "C.")), CheckDistractorType},
		{"a name cut at an initial", person(mc("After the battle Union general _____ retreated to Chattanooga.", "William S. Rosecrans", "George H. Thomas", "William F.", "John C. Pemberton")), CheckDistractorType},
		{"a body of no kind for a school", typed(mc("In 1879, Wilson attended law school at _____ for one year.", "University of Virginia", "Davidson College", "Secret Service", "Princeton University"), eOrg), CheckDistractorType},
		{"schools for a school", typed(mc("In 1879, Wilson attended law school at _____ for one year.", "University of Virginia", "Davidson College", "Johns Hopkins University", "Princeton University"), eOrg), ""},
		{"also in a question", person(mc("Who was also involved in the scandal?", "Henry Wilson", "John D. Sanborn", "William W. Belknap", "James Fisk")), CheckSecondRightAnswer},
		{"also in a question for a year", typed(mc("In what year did Grant also sign the bill into law?", "1870", "1869", "1871", "1872"), eDate), ""},
		{"a first name alone in a question", typed(mc("When did Robert die in Manchester Vermont?", "1926", "1920", "1930", "1918"), eDate), CheckNeedsContext},
		{"the key written another way", typed(mc("In the 1976 _____, the gymnast Nadia Comaneci scored a perfect ten.", "Summer Olympics", "Summer Olympic Games", "George Enescu Festival", "Medieval Festival"), eEvent), CheckDistractorType},
		{"a long short answer", short("When did thousands of immigrants come to the city, many French, Italians and Germans, who adapted to the society?", "1900s", eDate), CheckWeakShort},
	}
	for _, tt := range tests {
		it := tt.it
		if got := d.keep(&it, residue(it.q.Stem) || residue(it.source), map[string]*stemInfo{}); got != tt.want {
			t.Errorf("%s: keep(%q) = %q, want %q", tt.name, it.q.Stem, got, tt.want)
		}
	}
}

// TestQuestionRunOn checks the questions that took along a second clause
// of their sentence, and sound ones like them.
func TestQuestionRunOn(t *testing.T) {
	for q, want := range map[string]bool{
		"Who invaded which in either 271 or 275 the Roman army left Dacia?":                                     true,
		"In what year was King Michael forced to abdicate, Romania was proclaimed a republic?":                  true,
		"When was a water supply introduced and electricity supply launched in 1878?":                           true,
		"In what year did Edison, who was born in 1847, open a plant?":                                          false,
		"Who founded the city, the Normans or the Franks?":                                                      false,
		"In which year was the treaty of Paris signed?":                                                         false,
		"When did Tesla leave Graz, Austria, for Prague?":                                                       false,
		"What does Egypt border to the west, Sudan to the south?":                                               true,
		"Where are the Headquarters located and the Secretary General has been an Egyptian?":                    true,
		"Where are the Headquarters located and the Secretary General of the Arab League has been an Egyptian?": true,
		"Who did Grant send to the west, and to the south?":                                                     false,
		"When did the Normans and the Franks sign the treaty?":                                                  false,
	} {
		if got := questionRunOn(prose.Tokenize(q)); got != want {
			t.Errorf("questionRunOn(%q) = %v, want %v", q, got, want)
		}
	}
}

// withSource gives an item the sentence it was cut from.
func withSource(it item, source string) item {
	it.source = source
	return it
}

// truth is a true statement.
func truth(stem string) item {
	return item{q: questions.Question{Kind: questions.TrueFalse, Stem: stem, Truth: true}, source: lintSource}
}

// TestKeepHeNeedsPerson checks that a "he" or "she" needs a person named
// before it in the stem: a place, an organisation or a capitalised first
// word is no one it could stand for.
func TestKeepHeNeedsPerson(t *testing.T) {
	d := analyzed(t, "Inventors\n\nThe Franklin Institute is a museum in Philadelphia. Philadelphia is a city of Pennsylvania. Edison met Tesla in Philadelphia. Edison lectured at the Franklin Institute.")
	typed := func(it item, ty etype) item { it.typ, it.confident = ty, true; return it }
	tests := []struct {
		name string
		it   item
		want string
	}{
		{"after a sentence's first word and places", typed(cloze("Addressing the _____ in Philadelphia, he described its principles.", "Franklin Institute"), eOrg), CheckNeedsContext},
		{"after an organisation", typed(cloze("At the Franklin Institute he lectured in _____.", "Philadelphia"), ePlace), CheckNeedsContext},
		{"after a person", typed(cloze("In Philadelphia Edison said he had lectured at the _____.", "Franklin Institute"), eOrg), ""},
		{"the blank is the person", typed(cloze("In Philadelphia _____ said he had lectured there.", "Edison"), ePerson), ""},
	}
	for _, tt := range tests {
		it := tt.it
		if got := d.keep(&it, residue(it.q.Stem) || residue(it.source), map[string]*stemInfo{}); got != tt.want {
			t.Errorf("%s: keep(%q) = %q, want %q", tt.name, it.q.Stem, got, tt.want)
		}
	}
}

// TestKeepBareKind checks "the war" and "the treaty" against how many
// of each the document names.
func TestKeepBareKind(t *testing.T) {
	d := analyzed(t, "Ruritania\n\nRuritania fought in the Seven Weeks War in 1866. It fought again in the Great Northern War. The Treaty of Strelsau ended the fighting in 1867. The capital is Strelsau.")
	typed := func(it item, ty etype) item { it.typ, it.confident = ty, true; return it }
	tests := []struct {
		name string
		it   item
		want string
	}{
		{"the war of two", typed(cloze("During the war, Ruritania was the main source of grain for _____.", "Saxony"), ePlace), CheckNeedsContext},
		{"the war named", typed(cloze("During the war against Saxony, Ruritania sold grain to _____.", "Bavaria"), ePlace), ""},
		{"the treaty of one", typed(cloze("Ruritania signed the treaty at _____.", "Strelsau"), ePlace), ""},
		{"the war of two at the end", typed(cloze("Ruritania sold grain to _____ during the war.", "Saxony"), ePlace), CheckNeedsContext},
	}
	for _, tt := range tests {
		it := tt.it
		if got := d.keep(&it, false, map[string]*stemInfo{}); got != tt.want {
			t.Errorf("%s: keep(%q) = %q, want %q", tt.name, it.q.Stem, got, tt.want)
		}
	}
}

// TestPlaceKind checks the kinds of place a distractor must share with
// its key: the lexicon's list of countries holds cities and regions too.
func TestPlaceKind(t *testing.T) {
	for name, want := range map[string]int{
		"Italy": placeCountry, "United Kingdom": placeCountry, "United States": placeCountry, "Kingdom of Ghana": placeCountry,
		"London": placeCity, "Edinburgh": placeCity, "Uppsala": placeCity,
		"Antarctica": placeRegion, "East Africa": placeRegion, "Sicily": placeRegion, "Hampshire County": placeRegion,
		"Lake Nasser": placeFeature, "Tower of London": placeSite,
	} {
		if got := placeKind(name); got != want {
			t.Errorf("placeKind(%q) = %d, want %d", name, got, want)
		}
	}
}

// TestKeepWhoForCommonNoun checks that "who" never asks for a word the
// text writes in lower case: a common noun that started its sentence.
func TestKeepWhoForCommonNoun(t *testing.T) {
	d := analyzed(t, "Violin\n\nFingerboards are dressed to a transverse curve. The fingerboard is made of ebony. A fingerboard wears in time. Menuhin played the violin. The violinist Menuhin was born in New York.")
	for _, tt := range []struct {
		stem, key string
		want      string
	}{
		{"Who are dressed to a particular transverse curve?", "Fingerboards", CheckWrongWh},
		{"Who played the violin in New York?", "Menuhin", ""},
	} {
		it := cloze(tt.stem, tt.key)
		it.q.Kind = questions.ShortAnswer
		it.typ, it.confident = ePerson, true
		if got := d.keep(&it, false, map[string]*stemInfo{}); got != tt.want {
			t.Errorf("keep(%q) = %q, want %q", tt.stem, got, tt.want)
		}
	}
}

// TestBareDefinite checks which "the area", "the group" lean on text not
// shown: not those that name the kind of thing the document is about.
func TestBareDefinite(t *testing.T) {
	place := analyzed(t, "Ghana\n\nGhana is a country in West Africa. Ghana became independent in 1957. Accra is the capital of Ghana.")
	other := analyzed(t, "Pharmacy\n\nThe word pharmacy comes from pharma. Pharmacists sell medicines. Medicines are made in Europe.")
	stem := prose.Tokenize("Much of the area was united under the Empire of Ashanti by the Blank.")
	if place.topic == nil || place.topic.typ != ePlace {
		t.Fatalf("the topic of the text on Ghana is %v, want a place", place.topic)
	}
	if place.bareDefinite(stem) {
		t.Errorf("in a text about a place, %q leans on text not shown; want the area read as the place", "the area")
	}
	if !other.bareDefinite(stem) {
		t.Errorf("in a text about pharmacy, %q does not lean on text not shown; want it to", "the area")
	}
}

// TestSameKind checks the kinds a distractor is chosen to share with its
// key, within the key's type.
func TestSameKind(t *testing.T) {
	for _, tt := range []struct {
		typ      etype
		key, opt string
		want     bool
	}{
		{ePerson, "Maria Crofts Halpin", "Senator James G. Blaine", false},
		{ePerson, "Maria Crofts Halpin", "Margaret Todd", true},
		{ePerson, "President Buchanan", "Horace Greeley", false},
		{eOrg, "United States Navy", "Democratic Party", false},
		{eOrg, "United States Navy", "Royal Navy", true},
		{eOrg, "Shimer College", "Stetson University", true},
		{eEvent, "October War", "Anglo-Egyptian Treaty", false},
		{eEvent, "Austro-Prussian War", "Winter Olympics", false},
		{eEvent, "Austro-Prussian War", "Crimean War", true},
		{ePlace, "United Kingdom", "Canada", false},
		{ePlace, "France", "Canada", true},
	} {
		if got := sameKind(tt.typ, strings.Fields(tt.key), strings.Fields(tt.opt)); got != tt.want {
			t.Errorf("sameKind(%v, %q, %q) = %v, want %v", tt.typ, tt.key, tt.opt, got, tt.want)
		}
	}
}

// TestKeepLeansOnSeries checks the stems that lean on a place, a series
// or a count the sentence before gave, and sound ones like them.
func TestKeepLeansOnSeries(t *testing.T) {
	for _, tt := range []struct {
		stem string
		want bool
	}{
		{"There Coulomb studied at the prestigious Blank.", true},
		{"There, the army waited for Blank.", true},
		{"There are seven species of swan in Blank.", false},
		{"There remain two copies in Blank.", false},
		{"The last amendment was in Blank.", true},
		{"The last confirmed specimen was sighted in Blank.", true},
		{"The last emperor of China died in Blank.", false},
		{"In what year did the last plague outbreak ravage Oslo?", false},
		{"The last two decades saw growth in Blank.", false},
	} {
		if got := leansOnContext(prose.Tokenize(tt.stem), false, false, false); got != tt.want {
			t.Errorf("leansOnContext(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
	for _, tt := range []struct {
		stem string
		want bool
	}{
		{"About 2,000 are killed yearly for a Blank bounty.", true},
		{"Three were hanged in Blank.", true},
		{"More than 300 have been found in Blank.", true},
		{"About 2,000 wolves are killed yearly for a Blank bounty.", false},
		{"One is kept in Blank.", false},
		{"Three sets of these hybrids were bred in Blank.", false},
		{"In 1990 three were hanged in Blank.", false},
	} {
		if got := countSubject(prose.Tokenize(tt.stem)); got != tt.want {
			t.Errorf("countSubject(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
}

// TestNameSplit checks blanks on a piece of a longer name, and blanks on
// whole names beside others.
func TestNameSplit(t *testing.T) {
	for _, tt := range []struct {
		stem, key, source string
		want              bool
	}{
		{"Tesla was honoured at the Blank et Mesures in 1960.", "Conférence Générale des Poids", "", true},
		{"The Church's Blank of Church and Society called for abstinence.", "General Board", "", true},
		{"Lake Blank extends through eastern Ghana.", "Volta", "", false},
		{"Blank was honoured in 1960.", "Conférence Générale des Poids", "The Conférence Générale des Poids et Mesures was honoured in 1960.", true},
		{"Blank was honoured at the Conférence in 1960.", "Tesla", "Tesla was honoured at the Conférence des Poids et Mesures in 1960.", false},
		{"During one debate, Blank of Mississippi pulled a pistol.", "Senator Henry S. Foote", "", false},
		{"Hutchins taught at the University of Blank.", "Chicago", "", false},
		{"The Blank of Paris ended the war.", "treaty", "", false},
		{"The river was called Blank by the Portuguese.", "Volta", "The river was called Volta by the Portuguese.", false},
	} {
		if got := nameSplit(prose.Tokenize(tt.stem), tt.key, tt.source); got != tt.want {
			t.Errorf("nameSplit(%q, %q) = %v, want %v", tt.stem, tt.key, got, tt.want)
		}
	}
}

// TestKeepWave8 runs keep on items of the kinds the fifth tuning round
// pointed at: a compound cut at its hyphen, "the forest" with nothing to
// say which, a count with no noun for its subject.
func TestKeepWave8(t *testing.T) {
	d := analyzed(t, "Civil disobedience\n\nCivil disobedience is the refusal to obey laws. Thoreau wrote on civil disobedience. Gandhi led campaigns of civil disobedience in India. Courts have judged civil disobedience in many ways.")
	typed := func(it item, ty etype) item { it.typ, it.confident = ty, true; return it }
	for _, tt := range []struct {
		name string
		it   item
		want string
	}{
		{"a compound cut at its hyphen", typed(mc("The territory was gained by the U.S.- _____.", "Mexican War", "Civil War", "Boer War", "Crimean War"), eEvent), CheckBroken},
		{"the forest", typed(cloze("Within the forest there are _____ cycling trails.", "three"), eNumber), CheckNeedsContext},
		{"the forest named", typed(cloze("Within the forest of Kampinos there are _____ cycling trails.", "three"), eNumber), ""},
		{"a count for a subject", typed(cloze("About 2,000 are killed yearly for a _____ bounty.", "$40"), eNumber), CheckNeedsContext},
		{"a word on a vague noun", typed(cloze("Gandhi's campaigns reflect the _____ of India.", "turbulent history"), eConcept), CheckFiller},
		{"a word on a noun of the subject", typed(cloze("Gandhi's campaigns were modelled on _____.", "colonial courts"), eConcept), ""},
		{"the other half of a pair", typed(cloze("In India, _____ draw more attention than smaller protests.", "large protests"), eConcept), CheckGivenAway},
		{"a head shown without a pair", typed(cloze("In India, protests were called _____.", "satyagraha protests"), eConcept), ""},
	} {
		it := tt.it
		if got := d.keep(&it, false, map[string]*stemInfo{}); got != tt.want {
			t.Errorf("%s: keep(%q) = %q, want %q", tt.name, it.q.Stem, got, tt.want)
		}
	}
}

// TestKeepTune5Rules checks the rules taken from the fifth tuning round's
// failed items, each on a stem that fails it and one that does not.
func TestKeepTune5Rules(t *testing.T) {
	tok := prose.Tokenize
	for _, tt := range []struct {
		name string
		got  bool
		want bool
	}{
		{"an article before a past form", articleBeforeVerb(tok("Ghana is a divided into Blank regions.")), true},
		{"an article before its noun", articleBeforeVerb(tok("Ghana is a country divided into Blank regions.")), false},
		{"an article before a hundred", articleBeforeVerb(tok("A hundred in Blank were killed.")), false},
		{"a fronted phrase left", frontedPhraseLeft(tok("In what year was General Conference the ordination order of transitional deacon abolished?")), true},
		{"a fronted phrase with a quantifier", frontedPhraseLeft(tok("In what year were Republican Convention most of the delegates selected?")), true},
		{"a name and its complement", frontedPhraseLeft(tok("In what year was General Motors the largest company?")), false},
		{"a passive with its subject", frontedPhraseLeft(tok("In what year was the ordination order abolished?")), false},
		{"also after a blank", alsoAfterBlank(tok("Blank are also made from other materials.")), true},
		{"also after the blank", alsoAfterBlank(tok("The Blank is also the source of the word for fox in Welsh.")), false},
		{"also after a name", alsoAfterBlank(tok("Bows are also made from Blank.")), false},
		{"double stopping", countNamed(tok("Double stopping is when Blank separate strings are stopped."), "two"), true},
		{"a trio", countNamed(tok("The trio had Blank members."), "3"), true},
		{"no count named", countNamed(tok("The violin has Blank strings."), "four"), false},
		{"a sum in the stem", sumInStem(tok("Money is wagered on the front 9, back 9, and total Blank holes."), "18"), true},
		{"a gapped list cut", gappedListEnd(tok("Romania joined NATO on April 29, 2004, the European Union (EU) on January 1, 2007.")), true},
		{"a gapped list with its and", gappedListEnd(tok("Romania joined NATO on April 29, 2004, and the European Union (EU) on January 1, 2007.")), false},
		{"a change since", gappedListEnd(tok("Whites were 30.0% of the population in 2010, down from 72.6% in 1970.")), false},
		{"a date and a clause", gappedListEnd(tok("On April 29, 2004, Romania joined NATO in Blank.")), false},
		{"a suffix after the blank", suffixAfterBlank(tok("Hopes rose when Blank, Sr., a Senator, split from the party.")), true},
		{"a name after the blank", suffixAfterBlank(tok("Hopes rose when Blank, Smith and Jones split from the party.")), false},
		{"a friend of no one named", relationWithoutOther(tok("Who would become a life-long friend?"), true), true},
		{"a blank ally", relationWithoutOther(tok("Blank was a close ally."), true), true},
		{"a friend of someone named", relationWithoutOther(tok("Who would become a life-long friend of Coolidge?"), true), false},
		{"a role, not a relation", relationWithoutOther(tok("Who became a senator?"), true), false},
		{"again", againWhen(tok("When did poaching again become a problem?")), true},
		{"again after a year", againWhen(tok("McCall and Coolidge were both reelected in 1916 and again in Blank.")), false},
		{"no again", againWhen(tok("When did poaching become a problem?")), false},
		{"all of a count", allOfCount(tok("The bow is held with all Blank fingers of the right hand.")), true},
		{"all before the count's noun", allOfCount(tok("Blank of all fingers are curved.")), false},
		{"a count without all", allOfCount(tok("The bow is held with Blank fingers of the right hand.")), false},
		{"no sum in the stem", sumInStem(tok("Money is wagered on the front 9, back 9, and total Blank holes."), "20"), false},
		{"the size of a ranking", rankingSize(tok("Sawiris is one of the world's wealthiest Blank people."), &item{typ: eNumber}), true},
		{"a street bounding a neighbourhood", rankingSize(tok("Sunnyside is on Fresno's southeast side, bounded by Blank to the West."), &item{typ: ePlace}), true},
		{"a verb in -est", rankingSize(tok("Elephants only digest Blank of what they eat."), &item{typ: eNumber}), false},
		{"a count after a plain word", rankingSize(tok("The forest has Blank trails."), &item{typ: eNumber}), false},
		{"a count of papers", sourceCount(tok("One survey of nearly Blank research papers found that leopards eat deer.")), true},
		{"a count of volumes", sourceCount(tok("The encyclopedia ran to Blank volumes.")), true},
		{"a count of men", sourceCount(tok("Grant led Blank men into Virginia.")), false},
		{"won what", winWithoutWhat(tok("Who won by a very narrow margin?")), true},
		{"won nothing named", winWithoutWhat(tok("Who won?")), true},
		{"won the election", winWithoutWhat(tok("Who won the 1880 election?")), false},
		{"won in a state", winWithoutWhat(tok("Who won in Ohio by a narrow margin?")), false},
		{"a country after the blank", placeAfterBlank("Tesla's ashes were taken to _____, Yugoslavia in 1957."), true},
		{"a state after the blank", placeAfterBlank("Lincoln was born near _____, Kentucky."), true},
		{"a clause after the blank", placeAfterBlank("Tesla moved to _____, where he worked for Edison."), false},
		{"a page left in", pageReference("Muhammad Shamsul Huq, Higher Education in Bangladesh, page 181, UNESCO, _____ Dhaka's campuses are hotbeds."), true},
		{"pages left in", pageReference("Smith 1999, pp. 12-15, says that _____ won."), true},
		{"a detail of an example", exampleBlank(tok("Composers used mutes, for example at the end of Berio's Sequenza VIII for Blank.")), true},
		{"an example after a semicolon", exampleBlank(tok("Composers used mutes, for example Berio; they were made in Blank.")), false},
		{"part of a common whole", partOfBlank(tok("Cellos are part of the Blank."), "standard symphony orchestra"), true},
		{"member of a named body", partOfBlank(tok("Ghana is a member of the Blank."), "Commonwealth of Nations"), false},
		{"a capital gives its country", capitalInStem(tok("The faculty in Paris reported to the king of Blank."), "France"), true},
		{"London gives the United Kingdom", capitalInStem(tok("The talks in London ended the war with the Blank."), "United Kingdom"), true},
		{"another country's capital", capitalInStem(tok("The faculty in Paris reported to the king of Blank."), "Spain"), false},
		{"a dated heading run on", datedHeading("First Debate with _____ at Ottawa, Illinois, August 21, 1858 Lincoln countered that he was not."), true},
		{"a date and its comma", datedHeading("On August 21, 1858, Lincoln met _____ at Ottawa."), false},
		{"a place and a year", datedHeading("He was born in Ottawa, 1858 Census records say _____."), false},
		{"a page of a book", pageReference("The first page of the book names _____."), false},
		{"a sentence after a numeral", sentenceAfterStop("The order was instituted on _____ by King Christian V. The collar of the order consists of elephants."), true},
		{"a sentence after a note", sentenceAfterStop("The most common is a _____ in B. The predecessors to trumpets did not have valves."), true},
		{"a title's abbreviation", sentenceAfterStop("The prize went to Dr. The Hon. _____ Smith."), false},
		{"initials", sentenceAfterStop("The order was founded by John F. Kennedy in _____."), false},
		{"an object it after a name", objectItWithoutReferent(tok("In what year did the U.S. Supreme Court declare it unconstitutional?")), true},
		{"an object it after a noun", objectItWithoutReferent(tok("In what year did Congress pass the act and the president sign it?")), false},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	for _, tt := range []struct {
		stem      string
		timeBlank bool
		want      bool
	}{
		{"The city then measured 19 by Blank kilometres.", true, true},
		{"In 1608 the city then measured 19 by Blank kilometres.", true, false},
		{"Lincoln then threw his energies into passage of the Blank.", false, false},
		{"When was the World War I veterans' Bonus Bill passed over his veto?", false, true},
		{"When did the Civil War end his career?", false, true},
		{"When did Grant end his career?", false, false},
		{"When did Henry VIII end his marriage?", false, false},
		{"Sixteen months before his death, his son won in Blank.", false, true},
		{"Soon afterward, Liechtenstein joined the Blank.", false, true},
		{"Liechtenstein joined the Blank soon after the war of 1866.", false, false},
	} {
		if got := leansOnContext(tok(tt.stem), false, false, tt.timeBlank) || pointsBack(tok(tt.stem)); got != tt.want {
			t.Errorf("leansOnContext or pointsBack(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
	d := analyzed(t, "Roosevelt\n\nRoosevelt fought in the Spanish-American War. He spoke against the Russo-Japanese War. He backed World War I. Luther wrote a hymn.")
	for _, tt := range []struct {
		stem string
		want bool
	}{
		{"When the U.S. entered the war in Blank, Roosevelt raised a division.", true},
		{"The war in Cuba ended in Blank.", false},
	} {
		if got := d.bareKind(tok(tt.stem)); got != tt.want {
			t.Errorf("bareKind(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
	for _, tt := range []struct {
		stem string
		want bool
	}{
		{"In what year was the hymn used in Halle?", true},
		{"How many years did Coulomb spend directing the work?", true},
		{"In what year was the hymn of the Reformation sung?", false},
	} {
		if got := d.bareDefinite(tok(tt.stem)); got != tt.want {
			t.Errorf("bareDefinite(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
}

// TestCaptionsAndReferences checks captions written with a participle,
// a book's reference and a library's count, against sentences like them.
func TestCaptionsAndReferences(t *testing.T) {
	tok := prose.Tokenize
	for _, tt := range []struct {
		name string
		got  bool
		want bool
	}{
		{"a monastery built", participleCaption(tok("Voroneţ Monastery built in 1488 by Stephen III after his victory at the Blank.")), true},
		{"a cover based on art", participleCaption(tok("Elephants on the embossed cover of the original Blank edition, based on art by John Lockwood Kipling.")), true},
		{"a participle and a verb", participleCaption(tok("The Colosseum, built in 80 by Vespasian, stands in Blank.")), false},
		{"a passive", participleCaption(tok("The monastery was built in 1488 by Blank.")), false},
		{"a verb of its own", participleCaption(tok("Stephen built the monastery in Blank.")), false},
		{"authors at the end", authorCitation("Males weigh around _____ kg, Sunquist, Mel and Fiona Sunquist."), true},
		{"authors with an ampersand", authorCitation("The Moche depicted trumpets going back to _____ Berrin, Katherine & Larco Museum."), true},
		{"a list of surnames", authorCitation("The campaign was led by Grant, Sherman and Sheridan in _____."), false},
		{"a surname and a place", authorCitation("Born in Smiljan, Lika and raised in _____."), false},
		{"played by, a caption", participleCaption(tok("Davidov Stradivarius, played by Jacqueline du Pré, currently played by Blank.")), true},
		{"played in, a verb", participleCaption(tok("Yo-Yo Ma played in Blank.")), false},
		{"a stem cut after a preposition", endsInPreposition(tok("Blank were considered by Western governments bulwarks against.")), true},
		{"a stem ending in a noun", endsInPreposition(tok("Blank were considered bulwarks against communism.")), false},
		{"an article before a preposition", articleBeforeVerb(tok("The in Blank are few in number.")), true},
		{"a parenthesis closed before it opens", unbalanced("Dane died when Nikola was five) and _____ sisters (Milka."), true},
		{"a parenthesis in order", unbalanced("Dane (his brother) died when Nikola was _____."), false},
		{"a book's reference", bibliography(`Margaret Cheney, Robert Uth, and Jim Glenn, "Tesla, Master of Lightning", published by Barnes & Noble, _____.`), true},
		{"a mascot", namesake(tok("The Blank mascot is a white elephant.")), true},
		{"a hall named after him", namesake(tok("A recently built hall of accommodation at Blank is named after Faraday.")), true},
		{"a unit in his honour", namesake(tok("The unit was named in Tesla's honour at the Blank in 1960.")), true},
		{"an emblem of an empire", namesake(tok("After the victory over Blank, war elephants were used as an emblem of the empire.")), false},
		{"a club emblem", namesake(tok("The Blank uses a swan as its club emblem.")), true},
		{"also first", pointsBack(tok("Also in the Tower District is Blank 2nd Space Theatre.")), true},
		{"named themselves after", namesake(tok("During the Blank the Americans named themselves the Abraham Lincoln Brigade after Lincoln.")), true},
		{"a park honors", namesake(tok("Grant Park in Blank honors Grant.")), true},
		{"a name given", namesake(tok("The river was named Volta by the Portuguese in Blank.")), false},
		{"a book reprinted", bibliography("Life of Abraham Lincoln, Colonel Ward H. Lamon, 1872 - portions reprinted in _____."), true},
		{"a book published", bibliography("His lectures were published by Oxford University Press in _____."), false},
		{"a library's volumes", sourceCount(tok("The library holds more than 3,500 volumes in Blank languages.")), true},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

// TestSiblingNear checks that a part of a body is turned away when its
// paragraph names another part of the same body, and only then.
func TestSiblingNear(t *testing.T) {
	d := analyzed(t, "The BBC made the series for many years. "+
		"Many serials are available from BBC Video on DVD. "+
		"BBC Worldwide continues to release serials on DVD. "+
		"European Union law applies in the state. "+
		"The European Economic Area was joined in 1995.")
	for _, tt := range []struct {
		key, source string
		want        bool
	}{
		{"BBC Worldwide", "BBC Worldwide continues to release serials on DVD.", true},
		{"European Economic Area", "The European Economic Area was joined in 1995.", false},
	} {
		if got := d.siblingNear(&item{key: tt.key, source: tt.source}); got != tt.want {
			t.Errorf("siblingNear(%q) = %v, want %v", tt.key, got, tt.want)
		}
	}
}

// TestTeamNamesake checks that a team named after the document's topic is
// side trivia, and that a name merely holding the topic's plural is not.
func TestTeamNamesake(t *testing.T) {
	d := analyzed(t, "Leopard\n\nThe leopard is a cat. Leopards hunt deer at night.")
	tok := prose.Tokenize
	for _, tt := range []struct {
		stem string
		want bool
	}{
		{"What has featured the Otahuhu Leopards and then the Tamaki Leopards?", true},
		{"The Blank has featured the Otahuhu Leopards.", true},
		{"Leopards hunt Blank at night.", false},
		{"Asian leopards are also called Indian Leopards by Blank.", false},
		{"The Leopards Guide was written in Blank.", false},
	} {
		if got := d.teamNamesake(tok(tt.stem)); got != tt.want {
			t.Errorf("teamNamesake(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
}

// TestHomeOfPerson checks that the place a life is set in, named most and
// often, is a guess in a text on a person, and that another place, or the
// same place in a text on a thing, is not.
func TestHomeOfPerson(t *testing.T) {
	var b strings.Builder
	for i := range 16 {
		fmt.Fprintf(&b, "In %d John Smith worked in Ohio for the firm. ", 1850+i)
	}
	b.WriteString("Smith visited Kentucky once.")
	life := analyzed(t, "John Smith\n\n"+b.String())
	thing := analyzed(t, "Tiger\n\n"+strings.ReplaceAll(b.String(), "John Smith", "The tiger"))
	for _, tt := range []struct {
		d    *document
		key  string
		want bool
	}{
		{life, "Ohio", true},
		{life, "Kentucky", false},
		{thing, "Ohio", false},
	} {
		if got := tt.d.homeOfPerson(tt.key); got != tt.want {
			t.Errorf("homeOfPerson(%q) in %q = %v, want %v", tt.key, tt.d.title, got, tt.want)
		}
	}
}

// TestSubjectCut checks that only a verb among a stem's first four words
// after "and" or "or", or an auxiliary after a comma, marks a subject cut
// from the head of its list.
func TestSubjectCut(t *testing.T) {
	for _, c := range []struct {
		stem string
		want bool
	}{
		{"Smith and was elected in _____.", true},
		{"Jones or was named _____.", true},
		{"Parks, were opened in _____.", true},
		{"The castle, rebuilt in 1652, dates from _____.", false},
		{"The old stone castle on the hill was built in _____.", false},
		{"Smith and Jones and Brown and Green were elected in _____.", false},
		{"", false},
	} {
		if got := subjectCut(prose.Tokenize(c.stem)); got != c.want {
			t.Errorf("subjectCut(%q) = %v, want %v", c.stem, got, c.want)
		}
	}
}

// TestKeyWordVariant: a stem that writes a word of the key in another
// form gives it away; the same word in a common noun or in another name
// does not.
func TestKeyWordVariant(t *testing.T) {
	cases := []struct {
		stem, key string
		want      bool
	}{
		{"The 1912 _____ represented the first extensive use of the Presidential Primary.", "Primaries", true},
		{"The South American Black-necked Swan has a _____.", "black neck", true},
		{"He trespassed on _____ property, saying the members of the Navy broke the law.", "U.S. Navy", true},
		// Sound: a common noun, another army, a head that is not the key's.
		{"When the two political parties formed, Adams joined the _____.", "Federalist Party", false},
		{"Hooker, with the Army of the Potomac, was engaged before Thomas launched the _____.", "Army of the Cumberland", false},
		{"The university also operates the _____, the largest university press in the country.", "University of Chicago Press", false},
		{"The Institute for the Study of Conflicts opened at the _____.", "Harris School of Public Policy Studies", false},
		{"The South American swan has a _____.", "black neck", false},
	}
	for _, tc := range cases {
		toks := prose.Tokenize(strings.Replace(tc.stem, questions.Blank, blankWord, 1))
		if got := keyWordVariant(toks, tc.key); got != tc.want {
			t.Errorf("keyWordVariant(%q, %q) = %v, want %v", tc.stem, tc.key, got, tc.want)
		}
	}
}

// TestNameFragment: a blank that is a piece of a title or a maker before
// a model number is trivia of a name; a name in a sentence like it is
// not.
func TestNameFragment(t *testing.T) {
	cases := []struct {
		stem, key string
		typ       etype
		want      bool
	}{
		{"In Buffy the _____, the first watchers spoke Swahili.", "Vampire Slayer", eWork, true},
		{"In _____ the Vampire Slayer, the first watchers spoke Swahili.", "Buffy", eWork, true},
		{"The most important are Tchaikovsky's _____ on a Rococo Theme and Bloch's Schelomo.", "Variations", eWork, true},
		{"Both makers introduced larger cars such as the Mazda 616 and _____ 810.", "Datsun", eOrg, true},
		{"Luther's boldest assertion in the debate was that _____ 16.", "Matthew", ePerson, false},
		// Sound: a name in a sentence, a people after a name and "the".
		{"The form of Islam the _____ brought to Egypt was Sunni.", "Arabs", eGroup, false},
		{"In _____ the Ottoman Empire ruled for centuries.", "Egypt", ePlace, false},
		{"Tchaikovsky wrote his _____ on a theme of his own.", "Variations", eWork, false},
		{"The company built _____ in 1911.", "Detroit", ePlace, false},
	}
	for _, tc := range cases {
		toks := prose.Tokenize(strings.Replace(tc.stem, questions.Blank, blankWord, 1))
		it := &item{key: tc.key, typ: tc.typ}
		if got := nameFragment(toks, it); got != tc.want {
			t.Errorf("nameFragment(%q, %q) = %v, want %v", tc.stem, tc.key, got, tc.want)
		}
	}
}

// TestListOfNamesEnd: a blank closing a list of four or more names is
// one member of a catalogue; a blank after a pair, or after a list of
// common words, is not this check's.
func TestListOfNamesEnd(t *testing.T) {
	cases := []struct {
		stem string
		want bool
	}{
		{"Networks such as Ekushey Television, Channel I, ATN Bangla, RTV, NTV and _____ are popular.", true},
		{"Romanian is related to Italian, French, Spanish, Portuguese and _____.", true},
		{"Romanian is related to Italian and _____.", false},
		{"The treaty was signed by France, Spain and _____.", false},
		{"Farmers grow wheat, barley, oats, rye and _____.", false},
	}
	for _, tc := range cases {
		toks := prose.Tokenize(strings.Replace(tc.stem, questions.Blank, blankWord, 1))
		if got := listOfNamesEnd(toks); got != tc.want {
			t.Errorf("listOfNamesEnd(%q) = %v, want %v", tc.stem, got, tc.want)
		}
	}
}

// TestPopCulture_TelevisionShow: in a document on a language or a place,
// a television show or a sitcom is popular culture, side matter; the
// words "series" or "television" alone are not.
func TestPopCulture_TelevisionShow(t *testing.T) {
	lang := analyzed(t, "Swahili language\n\nSwahili is a Bantu language. The band took its name from the Swahili word for doctor, as did the 1960s US television show Daktari.")
	cases := []struct {
		d    *document
		stem string
		want bool
	}{
		{lang, "The band took its name from the word for doctor, as did the _____ US television show Daktari.", true},
		{lang, "The band took its name from the word for doctor, as did the _____ sitcom Daktari.", true},
		{lang, "Swahili is spoken on _____ and in the press.", false},
		{lang, "The _____ series of reforms changed the language.", false},
	}
	for _, tc := range cases {
		toks := prose.Tokenize(strings.Replace(tc.stem, questions.Blank, blankWord, 1))
		if got := tc.d.popCulture(toks); got != tc.want {
			t.Errorf("popCulture(%q) = %v, want %v", tc.stem, got, tc.want)
		}
	}
}

// TestAdjectiveKey: a capitalised adjective before its noun is a minor
// word of the sentence; a name in -al is not an adjective.
func TestAdjectiveKey(t *testing.T) {
	cases := []struct {
		stem, key string
		typ       etype
		want      bool
	}{
		{"Wilson was kept out of the presence of his cabinet or _____ visitors to the White House.", "Congressional", eName, true},
		{"The 1912 primaries were the first _____ primaries held in many states.", "Presidential", eName, true},
		{"In most cases _____ tigers prey on sloth bears.", "Bengal", eName, false},
		{"The remains show a mixture of early modern human and _____ features.", "Neanderthal", eName, false},
		{"The bill was passed by the _____ in 1913.", "Congressional", eName, false},
	}
	for _, tc := range cases {
		toks := prose.Tokenize(strings.Replace(tc.stem, questions.Blank, blankWord, 1))
		if got := adjectiveKey(toks, &item{key: tc.key, typ: tc.typ}); got != tc.want {
			t.Errorf("adjectiveKey(%q, %q) = %v, want %v", tc.stem, tc.key, got, tc.want)
		}
	}
}

// TestFiller_StandingWord: a word of standing on a plain noun ("the
// predominant theory", "the main impediment") is a guess the sentence
// makes; a term made with a like word ("popular music", "general
// election") and a noun with a word of what it is are not.
func TestFiller_StandingWord(t *testing.T) {
	d := analyzed(t, "Chloroplast\n\nThe chloroplast is an organelle. Most cpDNA is circular.")
	cases := []struct {
		stem, key string
		want      bool
	}{
		{"The _____ continues to hold that most cpDNA is circular.", "predominant theory", true},
		{"Corruption is blamed as the _____ to feeling the benefits of the wealth.", "main impediment", true},
		{"Up to the 1970s, most types of _____ used bowed strings.", "popular music", false},
		{"The party won only 100,000 votes in the _____.", "general election", false},
		{"The cells hold their pigments in _____.", "circular membranes", false},
	}
	for _, tc := range cases {
		it := &item{q: questions.Question{Kind: questions.Cloze, Stem: tc.stem}, key: tc.key, typ: eConcept}
		if got := d.filler(it); got != tc.want {
			t.Errorf("filler(%q, %q) = %v, want %v", tc.stem, tc.key, got, tc.want)
		}
	}
}

// TestReportDate: the date a finding was reported is a citation's; the
// date of an event that was reported on is not this check's.
func TestReportDate(t *testing.T) {
	cases := []struct {
		stem string
		want bool
	}{
		{"Xinhua reported in _____ that 86 percent of people spoke a Chinese variant.", true},
		{"When did Xinhua report that 86 percent of people spoke a Chinese variant?", true},
		{"The treaty was signed in _____ and reported in the press.", false},
		{"When did the government announce the reform of the currency?", false},
	}
	for _, tc := range cases {
		toks := prose.Tokenize(strings.Replace(tc.stem, questions.Blank, blankWord, 1))
		if got := reportDate(toks); got != tc.want {
			t.Errorf("reportDate(%q) = %v, want %v", tc.stem, got, tc.want)
		}
	}
}
