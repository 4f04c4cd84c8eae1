package generate

import (
	"strconv"
	"strings"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// oneOfAKind are nouns that point at one thing without a word before them
// to say which: "the government", "the war" in a text about a country.
var oneOfAKind = prose.WordSet(`world earth sun moon sky sea ocean government country nation state city
	capital public people population war army navy military president king queen emperor pope church
	university economy west east north south century decade time past present future environment wild
	law constitution parliament senate congress court press media internet species genus family body
	language religion mouth head eye ear nose skin tail neck body heart brain blood`)

// placeParts are parts of a place a text about it has many of, and the
// like of a show or a band: however often "the neighborhood" or "the
// character" comes back, it is another one each time.
var placeParts = prose.WordSet(`neighborhood neighbourhood district quarter suburb street road avenue
	square tract subdivision block ward borough village town station building campus
	character episode story scene season song track chapter player match game candidate`)

// selfNaming words make a noun phrase pick out its thing by themselves:
// "the first trains", "the largest fountain complex", "the same year".
var selfNaming = prose.WordSet(`first second third last next only same whole entire latter former
	following previous original most main`)

// unsaidReferent reports a definite noun phrase of a short answer or a
// true/false statement that points back at a thing the item does not
// name: "the new team", "the final plan", "the subdivision", "the
// neighborhood", or "that document" opening a clause. A learner reading
// the item cannot tell which of the document's things it means. The
// phrase passes when a name, "of" or a relative clause follows to say
// which, when a word in it picks one out ("the first", "the largest"),
// when its noun is the document's subject or of its kind, is one of a
// kind ("the government"), is plural (a kind, not one thing), or comes
// back so often in the document (four times or more) that the document
// has one such thing the learner knows (not a part of a place: see
// placeParts).
func (d *document) unsaidReferent(t []prose.Token) bool {
	quoted := false
	for i := 0; i+1 < len(t); i++ {
		w := t[i]
		if isQuote(w.Text) {
			quoted = !quoted // words quoted are the source's, not the item's
		}
		if quoted {
			continue
		}
		demonstrative := w.Is("that", "this") && (i == 0 || t[i-1].Text == "," || t[i-1].Is("although", "while", "when", "because", "since", "if", "though"))
		if w.Lower != "the" && !demonstrative {
			continue
		}
		j := i + 1
		named := false
		for ; j < len(t) && t[j].IsWord() && !t[j].Cap && !functionList.has(t[j].Lower) && !prepositionList.has(t[j].Lower) && t[j].Text != blankWord; j++ {
			if selfNaming[t[j].Lower] || ordinalList.has(t[j].Lower) > 0 || strings.HasSuffix(t[j].Lower, "est") && len(t[j].Lower) > 5 {
				named = true
			}
		}
		if j == i+1 || named {
			continue
		}
		if j < len(t) && (t[j].Cap && t[j].IsWord() || t[j].Is("of", "that", "which", "who", "whom", "whose", "called", "named", "known", "where", "'s")) {
			continue
		}
		head := t[j-1].Lower
		if j-i > 2 && isVerbForm(head) {
			// "When did the final plan pass ...?": the verb ends the run.
			head = t[j-2].Lower
		}
		if strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") || strings.HasSuffix(head, "ing") || strings.HasSuffix(head, "ly") {
			continue
		}
		if demonstrative && (j >= len(t) || !auxiliaryList.has(t[j].Lower) && !finiteAt(t, j)) {
			continue // "that" as a conjunction: "said that the ..."
		}
		if oneOfAKind[head] || d.topicWords[head] || d.topicKind(head) || d.freq[head] >= 4 && !placeParts[head] {
			continue
		}
		return true
	}
	return false
}

// namedOnce reports a person the document names once only, asked for by
// a short answer: a source quoted, a critic, a team's owner, the writer
// of an essay on the subject. One mention makes a side figure, and the
// tuning judge failed such questions as side trivia ("Who offers some
// context based on Coolidge's sense of federalism?"). A person the text
// names once as the subject of a statement of its own is as much aside
// ("Augustin Danyzy was a mathematician.": twice named, the second time
// for what he directed, is no more), and so is one named twice and asked
// for what a relative clause says of him ("Who had first hand experience
// with many man-eating leopards?").
func (d *document) namedOnce(it *item, t []prose.Token) bool {
	name, most := it.key, 1
	if it.q.Kind == questions.TrueFalse {
		most = 2 // "the mathematician Augustin Danyzy" and his one act: still a side figure
		i := 0
		for i < len(t) && t[i].Cap && t[i].IsWord() {
			i++
		}
		if i < 1 || i+1 >= len(t) || !t[i].Is("was", "is") || !t[i+1].Is("a", "an", "the") {
			return false
		}
		name = textOf(t, [2]int{0, i})
	} else if it.typ != ePerson {
		return false
	} else if strings.Contains(it.source, it.key+", who ") {
		// "Kenneth Anderson, who had first hand experience with ...":
		// what a relative clause tells of a person named in passing.
		most = 2
	}
	e := d.byKey[nameKey(name)]
	return e != nil && e.root().typ == ePerson && e.root().count <= most
}

// attributionVerbs say who said or judged something, not what happened.
var attributionVerbs = prose.WordSet(`offers offered refers referred describes described argues argued
	writes notes noted comments commented claims claimed suggests suggested believes believed contends
	contended states observes observed calls considers considered estimates estimated reports asserts
	asserted credits credited says praised criticized criticised quoted quotes`)

// sideAsk reports a short answer that asks for a side figure: who
// offered a comment, argued a view or coined a name ("Who referred to
// the sounding point as the "Kreisler highway"?"): the judge wants the
// view, not its author. And "Who was born on December 21?", a birth with
// nothing but a date to it, fits everyone born then.
func sideAsk(t []prose.Token) bool {
	if len(t) < 3 || !t[0].Is("who") {
		return false
	}
	if attributionVerbs[t[1].Lower] || t[1].Is("has", "have", "had") && len(t) > 3 && attributionVerbs[t[2].Lower] {
		return true
	}
	if !t[1].Is("was", "were") || !t[2].Is("born") || len(t) < 5 || prose.WordCount(textOf(t, [2]int{0, len(t)})) > 8 {
		return false
	}
	return t[3].Is("on") || t[3].Is("in") && (t[4].Kind == prose.Number || monthList.has(t[4].Lower) > 0)
}

// personListEnd reports a question that ends in two people set off by a
// comma ("Who solicited the approval of Luther, Melanchthon?"): a list cut
// before its "and", not a town and its state.
func (d *document) personListEnd(t []prose.Token) bool {
	n := len(t)
	if n < 5 || t[n-1].Text != "?" || !t[n-2].Cap || !t[n-2].IsWord() || t[n-3].Text != "," || !t[n-4].Cap || !t[n-4].IsWord() {
		return false
	}
	a, b := d.byKey[nameKey(t[n-4].Text)], d.byKey[nameKey(t[n-2].Text)]
	return a != nil && b != nil && a.root().typ == ePerson && b.root().typ == ePerson
}

// alsoAsked reports a short answer that keeps "also" ("What does the
// university also operate?", "Who was also involved in the scandal?"):
// the text names others that fit as well.
func alsoAsked(t []prose.Token) bool {
	for _, w := range t {
		if w.Is("also") {
			return true
		}
	}
	return false
}

// leansOnText reports a short answer or statement whose words only the
// passage around it makes clear: a comparison with nothing to compare
// with ("Who was much more committed to Islamism?"), "a new" or
// "another" thing after an earlier one the item does not show ("When did
// a new investigation begin?"), and a person called by a first name alone
// ("When did Robert die in Manchester Vermont?": which Robert?).
func leansOnText(t []prose.Token) bool {
	for i, w := range t {
		switch {
		case w.Is("more", "less", "fewer") && i+1 < len(t) && t[i+1].IsWord() && !(i > 0 && t[i-1].Is("no", "any", "once", "the", "or", "and", "much")) || w.Is("much") && i+1 < len(t) && t[i+1].Is("more", "less"):
			if !hasWordAfter(t, i, "than") && !(i+1 < len(t) && t[i+1].Is("than")) {
				return true
			}
		case w.Is("another") && i+1 < len(t) && t[i+1].IsWord() && !t[i+1].Cap:
			return true
		case w.Is("a") && i+1 < len(t) && t[i+1].Is("new", "second", "third", "further"):
			return true
		case w.Cap && w.IsWord() && firstNameList.has(w.Lower) && !(i > 0 && t[i-1].Cap && t[i-1].IsWord()) && !(i+1 < len(t) && t[i+1].Cap && t[i+1].IsWord()):
			if i == 0 && len(t) > 1 && !auxiliaryList.has(t[1].Lower) && !finiteAt(t, 1) {
				continue // a sentence's first word may be capitalised for its place
			}
			if p := i - 1; p >= 0 && t[p].IsWord() && !t[p].Cap && !functionList.has(t[p].Lower) && !prepositionList.has(t[p].Lower) && !auxiliaryList.has(t[p].Lower) && !finiteAt(t, p) {
				continue // "his son Robert", "her best friend Zoya": the noun says who
			}
			return true
		}
	}
	return false
}

// clozeLeansOnText reports the marks of leansOnText a cloze or a
// multiple choice shows too, narrower since a blank's sentence often
// compares in passing: a comparison that ends its clause with nothing to
// compare with ("In the _____ session, Coolidge was more outspoken.",
// not the adverb of "More recently, ..."),
// and "a new" or "another" thing in the subject, after an earlier one
// the item does not show ("A new constitution was promulgated in
// _____.", "When was a new law approved ...?").
func clozeLeansOnText(t []prose.Token) bool {
	than := false
	for _, w := range t {
		than = than || w.Is("than")
	}
	// The subject: before the first verb of a statement, and of a
	// question right after its auxiliary ("When was a new law ...?").
	start, verb := 0, firstVerb(t)
	if len(t) > 0 && t[len(t)-1].Text == "?" {
		start = 2
		for start < len(t) && !(auxiliaryList.has(t[start-1].Lower) || t[start-1].Is("did", "does", "do")) {
			start++
		}
		verb = start + 1
	}
	// Only a thing said to have been new: "a new prime minister is
	// appointed if ..." speaks of every one.
	past := verb < len(t) && (t[verb].Is("was", "were", "had") || strings.HasSuffix(t[verb].Lower, "ed") || pastList.has(t[verb].Lower) != "") ||
		start > 0 && t[start-1].Is("was", "were", "had", "did")
	for i, w := range t {
		if w.Is("more", "less") && !than && i+2 < len(t) && t[i+1].IsWord() && !t[i+1].Cap && !functionList.has(t[i+1].Lower) && !strings.HasSuffix(t[i+1].Lower, "ly") && t[i+2].Kind == prose.Punct &&
			!(i > 0 && t[i-1].Is("no", "any", "once", "the", "or", "and")) {
			return true
		}
		if past && i >= start && i < verb && (w.Is("another") && i+1 < len(t) && t[i+1].IsWord() && !t[i+1].Cap ||
			w.Is("a") && i+2 < len(t) && t[i+1].Is("new", "further") && t[i+2].Text != blankWord) {
			return true
		}
	}
	return false
}

// topicByTitle reports a person key that is the document's topic named by
// a title ("President-elect Lincoln" in an article on Abraham Lincoln):
// the topic is never the answer, and the title hides it from the topic
// check.
func (d *document) topicByTitle(key string) bool {
	if d.topic == nil || d.topic.root().typ != ePerson {
		return false
	}
	f := strings.Fields(strings.ToLower(key))
	if len(f) < 2 || !d.topicWords[f[len(f)-1]] {
		return false
	}
	for _, w := range f[:len(f)-1] {
		if !personTitleList.has(w) && !strings.HasPrefix(w, "president") && !strings.HasSuffix(w, "-elect") {
			return false
		}
	}
	return true
}

// swapInAside reports a false statement whose swapped words sit in an
// aside set off by commas ("Grant Avenue, a seven block long, north-south
// street in the Bronx, is named after Grant."): the statement then turns
// on a detail said in passing, not on what the sentence says.
func swapInAside(stem, swap string) bool {
	i := strings.Index(stem, swap)
	if swap == "" || i < 0 {
		return false
	}
	open := strings.LastIndex(stem[:i], ", ")
	if open < 0 || strings.Contains(stem[open+2:i], ",") {
		return false
	}
	after := stem[open+2:]
	if !strings.HasPrefix(after, "a ") && !strings.HasPrefix(after, "an ") {
		return false
	}
	return strings.Contains(stem[i+len(swap):], ",")
}

// resolveFlat is resolvePronoun for a clause the parse could not read
// (see clause.flat), which stands whole for a cloze or a true statement:
// "His father, Milutin Tesla, was a Serbian Orthodox priest." after a
// sentence about Tesla becomes "Tesla's father, Milutin Tesla, was ...".
// Only a person's "he", "she", "his" or "her" as the clause's first word
// is rewritten: there it can only be the subject or its owner, whatever
// the parse missed after it. Without the parse to show whom the
// sentence before was about, only the person the document is about is
// sure enough: "Historian Allan Nevins argues that Lincoln made three
// miscalculations. He "temporarily underrated ..."" is Lincoln's.
func (d *document) resolveFlat(c *clause, an *antecedent) *clause {
	if !c.flat || an == nil || !d.isTopicEntity(an.ent) || an.ent.typ != ePerson || len(c.toks) < 3 || c.toks[0].Start != c.base {
		return nil
	}
	w := c.toks[0]
	if !genderFits(w.Lower, an.ent) {
		return nil
	}
	var name string
	switch w.Lower {
	case "he", "she":
		name = an.text
	case "his", "her":
		// "Her" may be an object ("Her, he never met"): a possessive
		// owns the word after it.
		if n := c.toks[1]; !n.IsWord() || functionList.has(n.Lower) {
			return nil
		}
		name = possessive(an.text)
	default:
		return nil
	}
	r := d.newClause(c.sent, capitalize(name)+c.text[w.End-c.base:], true)
	r.swapped = an.ent
	an.ent.count++
	return r
}

// resolveItSubject rewrites a clause of sentence i whose subject is "it"
// (not the "it" of "it is thought that") with the subject of the
// sentence before in the same paragraph, when that sentence said what
// its subject is or what was done to it, and the subject is one thing a
// learner can tell by its words: "The Asian elephant is smaller than
// the African. It has smaller ears" asks about the Asian elephant,
// "Liechtenstein's current constitution was adopted in October 1921. It
// established ..." about the constitution. resolveIt does the same for
// the topic and named things; this is for the rest.
//
// A sentence where the subject does something ("In 1973, Egypt launched
// the October War. It was an attempt ...") or is the doer's object
// ("Lima is served by the airport. It is the largest ...") goes on as
// often about what it names after the verb, and is left alone; so is a
// subject that is a person or a people, plural, several things, itself a
// pronoun, or a phrase with a preposition, whose "it" may be the thing
// after it ("The significance of the biodiversity of the Danube Delta
// has been recognised. It was declared a Biosphere Reserve" is the
// delta's); and a sentence before of two clauses ("..., but ..."), whose
// "it" may be the second's.
func (d *document) resolveItSubject(c *clause, i int) *clause {
	if !c.ok || c.subj[1] != c.subj[0]+1 {
		return nil
	}
	a := c.subj[0]
	if w := c.toks[a]; w.Lower != "it" || dummyIt(c.toks, a) || a != c.lead && a != 0 {
		return nil
	}
	for _, m := range c.ments {
		if m.b <= a && m.typ != eDate && m.typ != eNumber {
			return nil // "In the aftermath of Germany's defeat, it was ...": the name may be what it stands for
		}
	}
	prev := d.sentenceBefore(i)
	if prev == nil || len(prev.clauses) == 0 {
		return nil
	}
	if len(clauseSpans(prev.toks)) > 1 {
		return nil // "The first measure was X, but Y was ...": the "it" may be Y
	}
	for _, w := range prev.toks {
		if w.Text == "–" || w.Text == "—" {
			return nil // "The first measure was X – but Y": as with "but"
		}
	}
	p := prev.clauses[0]
	np := subjectThing(p)
	if np == "" || d.unsaidReferent(prose.Tokenize(np)) {
		return nil
	}
	w := c.toks[a]
	if a == c.lead || a == 0 {
		np = capitalize(np)
	} else if strings.HasPrefix(np, "The ") {
		np = "the " + np[4:]
	}
	r := d.newClause(c.sent, c.text[:w.Start-c.base]+np+c.text[w.End-c.base:], true)
	if !r.ok {
		return nil
	}
	// The words put in are the sentence before's, not this one's: they
	// are no answer here (see swapped).
	if k := r.subjectMention(); k >= 0 && r.ments[k].ent != nil {
		r.swapped = r.ments[k].ent
	}
	return r
}

// subjectThing returns clause p's subject as written when it is one
// thing an "it" after it may stand for (see resolveItSubject), or "".
func subjectThing(p *clause) string {
	if !p.ok || p.flat || p.verb[1] <= p.verb[0] || p.subj[1] <= p.subj[0] || p.subj[1]-p.subj[0] > 8 {
		return ""
	}
	// Said what it is, or what was done to it, not by whom.
	be := false
	for k := p.verb[0]; k < p.verb[1]; k++ {
		be = be || beFormList.has(p.toks[k].Lower) || p.toks[k].Is("been", "be")
	}
	if v := p.verb[1]; !be || v < len(p.toks) && p.toks[v].Is("by") || passiveAt(p.toks, v-1) {
		return ""
	}
	t := p.toks[p.subj[0]:p.subj[1]]
	first := t[0]
	if !first.Is("the") && !(first.Cap && first.IsWord() && !functionList.has(first.Lower) && !subjectList.has(first.Lower)) {
		return "" // "An elephant", "This system", "Its source": not one thing named
	}
	for k, w := range t {
		if !w.IsWord() && w.Text != "'s" && w.Text != "-" {
			return "" // an aside, a list, a bracket
		}
		// "The sound inventory of Japanese is small. It is a mora-timed
		// language": the "it" may be the thing after "of" or "for".
		if w.Is("and", "or", "nor") || prepositionList.has(w.Lower) && !(k > 0 && t[k-1].Cap && k+1 < len(t) && t[k+1].Cap) {
			return ""
		}
		// "World Factbook area rank order Egypt": words run together
		// from a lost line, not a name.
		if k > 0 && w.Cap && t[k-1].IsWord() && !t[k-1].Cap && !functionList.has(t[k-1].Lower) {
			return ""
		}
	}
	for _, m := range p.ments {
		if m.a < p.subj[1] && m.b > p.subj[0] && (m.typ == ePerson || m.typ == eGroup) {
			return ""
		}
	}
	head := t[len(t)-1]
	if head.Text == "'s" || roleNounList.has(head.Lower) || personTitleList.has(head.Lower) {
		return ""
	}
	if plainPlural(head.Lower) {
		return "" // plural: "they", not "it"
	}
	return textOf(p.toks, p.subj)
}

// resolveThis rewrites "this N" in clause c of sentence i with the name
// the sentence before, in the same paragraph, gave the one thing it
// called an N: "In his Allahabad Address on 29 December 1930, Iqbal
// outlined a vision ... This address later inspired the Pakistan
// movement." asks about the Allahabad Address. It is left alone when
// the sentence before names no such thing or several ("the Sahara
// Desert and the Libyan Desert. These deserts ..."), for "these" (a
// plural may gather more than was named), and after a comma ("The
// Central Highway, this highway connects ...": already named). The name
// put in is the sentence before's, no answer here (see swapped).
func (d *document) resolveThis(c *clause, i int) *clause {
	prev := d.sentenceBefore(i)
	if prev == nil || c.swapped != nil {
		return nil
	}
	t := c.toks
	for k := 0; k+1 < len(t); k++ {
		w, n := t[k], t[k+1]
		if !w.Is("this") || !n.IsWord() || n.Cap || functionList.has(n.Lower) || k > 0 && t[k-1].Text == "," {
			continue
		}
		// The noun ends its phrase: "this act", not "this act's author"
		// or "this highway system".
		if j := k + 2; j < len(t) && t[j].IsWord() && !t[j].Cap && !functionList.has(t[j].Lower) && !prepositionList.has(t[j].Lower) &&
			!auxiliaryList.has(t[j].Lower) && !finiteAt(t, j) && !strings.HasSuffix(t[j].Lower, "ly") || j < len(t) && t[j].Text == "'s" {
			return nil
		}
		var named *mention
		for x := range prev.ments {
			m := &prev.ments[x]
			switch m.typ {
			case eOrg, eEvent, eWork, eTerm, ePlace, eName:
			default:
				continue
			}
			if !strings.EqualFold(m.text[strings.LastIndexByte(m.text, ' ')+1:], n.Text) {
				continue
			}
			if named != nil && named.ent != m.ent || m.ent == nil {
				return nil
			}
			named = m
		}
		if named == nil {
			return nil
		}
		name := named.text
		if !strings.HasPrefix(name, "The ") && !strings.HasPrefix(name, "the ") {
			name = "the " + name
		}
		if k == 0 || k == c.lead {
			name = capitalize(name)
		} else if strings.HasPrefix(name, "The ") {
			name = "the " + name[4:]
		}
		r := d.newClause(c.sent, c.text[:w.Start-c.base]+name+c.text[n.End-c.base:], true)
		if !r.ok && !c.flat {
			return nil
		}
		r.swapped = named.ent
		return r
	}
	return nil
}

// resolveYear rewrites "that year", "the same year" or "the following
// year" in clause c of sentence i with the year the sentence before, in
// the same paragraph, gave: "In 1879 Tesla returned to Gospić. During
// that year, Tesla taught a large class ..." says "During 1879, Tesla
// taught ...", and "the following year" says the year after. It is left
// alone when the sentence before gives no year or two, when it gives a
// span ("1910–1912"), and when the clause names a date before the phrase,
// which the phrase may go back to instead. Only a sentence's first clause
// is rewritten: "A constitution was promulgated in 1992, and Rawlings was
// elected in the elections of that year" means 1992.
func (d *document) resolveYear(c *clause, i int) *clause {
	prev := d.sentenceBefore(i)
	if prev == nil || c.swapped != nil {
		return nil
	}
	t := c.toks
	for k := 0; k+1 < len(t); k++ {
		var n, next int // the phrase's length, and 1 for the year after
		switch {
		case t[k].Is("that") && t[k+1].Is("year"):
			n = 2
		case t[k].Is("that", "the") && t[k+1].Is("same") && k+2 < len(t) && t[k+2].Is("year"):
			n = 3
		case t[k].Is("the") && t[k+1].Is("following", "next") && k+2 < len(t) && t[k+2].Is("year"):
			n, next = 3, 1
		default:
			continue
		}
		if k+n < len(t) && (t[k+n].IsWord() && !t[k+n].Cap && !functionList.has(t[k+n].Lower) && !finiteAt(t, k+n) || t[k+n].Text == "'s") {
			return nil // "that year's harvest", "the following year saw"
		}
		for _, m := range c.ments {
			if m.a < k && m.typ == eDate {
				return nil
			}
		}
		year := 0
		for _, m := range prev.ments {
			if m.typ != eDate {
				continue
			}
			if m.date.kind == dRange || m.date.kind == dDecade || m.date.kind == dCentury || m.date.year == 0 || year != 0 && m.date.year != year {
				return nil
			}
			year = m.date.year
		}
		if year <= 0 {
			return nil
		}
		y := strconv.Itoa(year + next)
		if k == 0 || !prepositionList.has(t[k-1].Lower) && !t[k-1].Is("later", "earlier") {
			y = "in " + y // "That same year, Luther ...": when
		}
		if k == 0 || k == c.lead {
			y = capitalize(y)
		}
		r := d.newClause(c.sent, c.text[:t[k].Start-c.base]+y+c.text[t[k+n-1].End-c.base:], true)
		if !r.ok && !c.flat {
			return nil
		}
		return r
	}
	return nil
}

// sentenceBefore returns the sentence before sentence i when a word of
// sentence i may point back at it: in the same paragraph, read, and no
// heading; nil otherwise.
func (d *document) sentenceBefore(i int) *sentence {
	if i == 0 {
		return nil
	}
	prev := d.sents[i-1]
	if prev.heading || prev.long || prev.block != d.sents[i].block {
		return nil
	}
	return prev
}

// topicOpens reports whether sentence prev, in a text about a person,
// opens with that person's name as its subject, however written: "Tesla
// was good friends with Robert Underwood Johnson.", "John Adams, Jr.
// (October 30, 1735 – July 4, 1826) was the second President ...", or
// with the name's possessive when it names no one else ("Faraday's
// earliest chemical work was as an assistant." but not "Lincoln's
// opponent was Douglas."). A "he" or "his" opening the next sentence
// then goes on about that person, as resolvePronoun does when the parse
// links the name to the topic; this reads the name by its words, for the
// lead sentence with its dates and the names written otherwise than the
// title.
func (d *document) topicOpens(prev *sentence) bool {
	if prev == nil || d.topic == nil || d.topic.root().typ != ePerson {
		return false
	}
	surname := strings.ToLower(lastField(d.topic.short()))
	t := prev.toks
	k := 0
	// The name's words, with particles ("Charles Augustin de Coulomb")
	// and initials' stops.
	for k < len(t) && (t[k].Cap && t[k].IsWord() || k > 0 && nameParticles[t[k].Lower] || t[k].Text == ".") {
		k++
	}
	if k == 0 || k >= len(t) || t[k-1].Lower != surname {
		return false
	}
	// Another person named after the name, in the possessive's sentence
	// or in an aside before the verb, may be whom "he" means.
	other := func(from, to int) bool {
		for _, m := range prev.ments {
			if m.a >= from && m.a < to && m.typ == ePerson && m.ent != nil && m.ent.root() != d.topic.root() {
				return true
			}
		}
		return false
	}
	switch {
	case t[k].Text == "'s":
		return !other(k, len(t))
	case t[k].Text == "," || t[k].Text == "(":
		// "John Adams, Jr. (...) was": the aside runs to the verb.
		j := k
		for j < len(t) && !finiteAt(t, j) {
			j++
		}
		return j < len(t) && !other(k, j)
	}
	return auxiliaryList.has(t[k].Lower) || finiteAt(t, k)
}
