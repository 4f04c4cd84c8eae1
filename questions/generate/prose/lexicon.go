package prose

import "strings"

// WordSet builds a set from space-separated lower-case words.
func WordSet(lists ...string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[strings.ReplaceAll(w, "_", " ")] = true
		}
	}
	return m
}

// abbreviations end with a period that does not end a sentence. Those in
// finalAbbrevs may also end one when a new sentence clearly starts after them.
var abbreviations = WordSet(`
	mr mrs ms dr prof sr jr st gen col lt capt sgt maj cmdr adm rev fr gov sen rep pres
	supt insp hon mt ft messrs mme mlle msgr
	vs etc e.g i.e cf al approx ca c fl b d r viz ibid op
	no nos vol vols pp p ch chap fig figs art sec ed eds trans repr
	inc ltd co corp bros dept univ assn est
	jan feb mar apr jun jul aug sep sept oct nov dec
	u.s u.k u.n u.s.a u.s.s.r a.d b.c a.m p.m ph.d m.a b.a
	ave blvd rd
`)

var finalAbbrevs = WordSet(`etc inc ltd co corp bros u.s u.k u.n u.s.a u.s.s.r a.d b.c a.m p.m al jr sr`)

// digitAbbrevs are abbreviations only when a number follows ("No. 5").
var digitAbbrevs = WordSet(`no nos vol vols pp p ch chap fig figs art sec`)

// sentenceStarters are capitalised words that begin most new sentences; after
// an ambiguous period they tip the balance towards a boundary.
var sentenceStarters = WordSet(`
	the a an in on at by for from with after before during since until although though
	when while as if he she it they we i you this these those there his her its their
	our my however but and yet so thus hence moreover meanwhile later then today
	many most some several all both each every no one another other such
`)

// FunctionWords are never the start of a name, even when capitalised:
// articles, pronouns, prepositions, conjunctions, auxiliaries and
// frequent adverbs. Read it; never change it.
var FunctionWords = WordSet(`the a an this that these those his her its their our my your some any no
		every each either neither several many much most more few all both another other such what
		which whose who whom where when why how whether and or but nor yet so if then than as because
		although though while whereas unless since until once after before during of in on at by for
		from with to into onto upon over under between among through throughout against within
		without toward towards across along around behind beyond despite except near via per about
		above below he she it they we i you him them us me himself herself itself themselves
		is are was were am be been being has have had do does did will would shall should can could
		may might must not there here also only even still already however moreover nonetheless
		nevertheless furthermore meanwhile subsequently consequently therefore thus hence besides
		indeed eventually ultimately finally later afterwards thereafter initially instead according
		following including despite unlike like one two three four five six seven eight nine ten
		first second third last next today yesterday tomorrow soon now often never always
		mr mrs ms some something nothing everything anything someone everyone nobody anyone
		earlier later further together elsewhere likewise otherwise instead perhaps almost
		whenever wherever whatever whoever none neither either`)
