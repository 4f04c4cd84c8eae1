package generate

import (
	"context"
	"strings"

	"factdrill/questions/generate/prose"
)

// An antecedent is what a pronoun may stand for: an entity and the words
// the text last used for it ("Edward the Confessor", "the Normans").
type antecedent struct {
	ent  *entity
	text string
}

// buildClauses cuts every sentence into the statements it makes, resolves
// a leading pronoun where the antecedent is plain, and adds the statements
// hidden in appositives and relative clauses.
//
// The antecedent of "he" or "she" is the last person who was the subject
// of a sentence, as long as no other person has been named since; in a
// text about a person, the topic, after a sentence that names no one
// else or has the topic for its subject, or when the last subject was a
// people or a place (a surname read as a people: "Adams"); "they"
// and "their" go to the last group or organisation in subject position;
// "their" or "its" in the first sentence after a heading that is a name go
// to that name; "it" opening a sentence goes to the topic, or to a named
// thing, that the sentence before in the same paragraph had for its
// subject (see topicSubject and thingSubject). Where the parse leaves a
// word unresolved, referents.go tries what the sentence before makes
// sure: the person's name opening it (topicOpens), a sentence the parse
// cannot read (resolveFlat), a described subject for "it"
// (resolveItSubject), the one thing of a kind for "this N" (resolveThis)
// and the one year for "that year" (resolveYear).
func (d *document) buildClauses(ctx context.Context) error {
	var focus *antecedent
	otherPerson := false // the sentence before names a person other than the topic
	// topicSubject: the sentence before has the person topic for its
	// subject, by name or as a pronoun resolved to it (see aboutTopic).
	topicSubject := false
	// itTopic is the topic as the sentence before named it as its
	// subject, when the topic is no person: an "it" that opens the next
	// sentence stands for it (see resolveIt).
	var itTopic *antecedent
	for i, s := range d.sents {
		if i%checkEvery == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if s.long {
			focus, topicSubject = nil, false // too long to read: what it is about is unknown
			continue
		}
		if s.heading {
			focus, itTopic, topicSubject = nil, nil, false
			if len(s.ments) == 1 && s.ments[0].ent != nil && s.ments[0].a == 0 && s.ments[0].b == len(s.toks) {
				focus = &antecedent{ent: s.ments[0].ent, text: s.ments[0].text}
			}
			continue
		}
		// In a text about a person, "he" or "she" with no one else named
		// in the sentence before, or after a sentence about the topic,
		// stands for the topic.
		topicAnte := (*antecedent)(nil)
		if d.topic != nil && d.topic.typ == ePerson && (!otherPerson || topicSubject) {
			topicAnte = &antecedent{ent: d.topic, text: d.topic.short()}
		}
		otherPerson = namesOtherPerson(s, d.topic)
		first := len(s.clauses)
		var inSentence, unknown *antecedent
		nextIt := (*antecedent)(nil)
		for ci, seg := range clauseSpans(s.toks) {
			c := d.subClause(s, seg)
			ante := focus
			if ci > 0 {
				ante = inSentence
				if ante == nil {
					if p := onlyPersonBefore(s, seg[0]); p != nil {
						ante = &antecedent{ent: p, text: p.display()}
					}
				}
			} else if a := c.subordinateSubject(); a != nil {
				ante = a
			}
			if ante == nil && ci == 0 {
				ante = topicAnte
			}
			// "Roussel de Bailleul tried ..., but he was stopped": a name
			// of unknown type that "he" refers back to is a person's.
			if ci > 0 && ante == nil && unknown != nil && c.ok && c.subj[1] == c.subj[0]+1 && c.toks[c.subj[0]].Is("he", "she") && unknown.ent.typ == eName {
				unknown.ent.typ = ePerson
				ante = unknown
			}
			r := d.resolvePronoun(c, ante)
			if r == nil && ci == 0 && d.topicOpens(d.sentenceBefore(i)) {
				r = d.resolvePronoun(c, &antecedent{ent: d.topic, text: d.topic.short()})
			}
			if r == nil && ci == 0 && ante != nil && ante.ent.typ != ePerson && ante.ent.typ != eName {
				// "Adams stayed in his home town. He wanted ...": a name
				// read as a people ("Adams") or a place is no one "he"
				// stands for; the person the text is about is. A name of
				// unknown type may be the person meant.
				r = d.resolvePronoun(c, topicAnte)
			}
			if r != nil {
				c = r
			} else if ci == 0 {
				if r := d.resolveIt(c, itTopic); r != nil {
					c = r
				} else if r := d.resolveItSubject(c, i); r != nil {
					c = r
				}
			}
			if r := d.resolveThis(c, i); r != nil {
				c = r
			} else if ci == 0 {
				if r := d.resolveYear(c, i); r != nil {
					c = r
				}
			}
			if ci == 0 {
				nextIt = d.topicSubject(c)
				if nextIt == nil {
					nextIt = thingSubject(c)
				}
			}
			if k := c.subjectMention(); ci == 0 && k >= 0 && c.ments[k].typ == eName && c.ments[k].ent != nil && !c.ments[k].coord {
				unknown = &antecedent{ent: c.ments[k].ent, text: c.ments[k].text}
			}
			if k := c.subjectMention(); k >= 0 && c.ments[k].ent != nil && !c.ments[k].coord {
				switch m := c.ments[k]; m.typ {
				case ePerson, eGroup, eOrg:
					if inSentence == nil {
						text := m.text
						if m.the {
							text = "the " + text
						}
						inSentence = &antecedent{ent: m.ent, text: text}
					}
				}
			}
			d.defineTerm(c)
			d.addConcepts(c)
			s.clauses = append(s.clauses, c)
		}
		itTopic = nextIt
		if itTopic != nil && !d.isTopicEntity(itTopic.ent) && i+1 < len(d.sents) && d.sents[i+1].block != s.block {
			itTopic = nil // a new paragraph may be about something else than the last thing named
		}
		topicSubject = first < len(s.clauses) && d.aboutTopic(s.clauses[first])
		d.roleClauses(s)
		d.lifeClauses(s)
		d.relativeClauses(s)
		if inSentence != nil {
			s.subject = inSentence.ent
			focus = inSentence
		} else if focus != nil {
			// Another person named, and "he" is no longer plain.
			for _, m := range s.ments {
				if m.ent != nil && m.ent != focus.ent && (m.typ == focus.ent.typ || m.typ == eName) {
					focus = nil
					break
				}
			}
		}
	}
	return nil
}

// isTopicEntity reports whether e is the document's topic.
func (d *document) isTopicEntity(e *entity) bool {
	return d.topic != nil && e != nil && e.root() == d.topic.root()
}

// aboutTopic reports whether clause c, the first of its sentence, has
// the person topic for its subject, by name or as a pronoun resolved to
// it. A "he" opening the next sentence goes on about the same person,
// however many others c names after its verb ("He was defeated in 1888
// by Benjamin Harrison. He was the only Democrat ..."). An unresolved
// "he" says nothing: it was left so because someone else may be meant.
func (d *document) aboutTopic(c *clause) bool {
	if d.topic == nil || d.topic.typ != ePerson || !c.ok {
		return false
	}
	root := d.topic.root()
	if c.swapped != nil {
		return c.swapped.root() == root
	}
	if k := c.subjectMention(); k >= 0 {
		m := c.ments[k]
		return m.ent != nil && m.ent.root() == root && !m.coord
	}
	return false
}

// namesOtherPerson reports whether a sentence names a person other than
// the topic.
func namesOtherPerson(s *sentence, topic *entity) bool {
	for _, m := range s.ments {
		if m.typ == ePerson && m.ent != nil && m.ent.root() != topic {
			return true
		}
	}
	return false
}

// subordinateSubject returns the person a fronted subordinate clause is
// about: in "When finally Edward the Confessor returned ..., he brought",
// "he" is Edward.
func (c *clause) subordinateSubject() *antecedent {
	for _, a := range c.advs {
		if !subordinatorList.has(c.toks[a.a].Lower) {
			continue
		}
		for _, m := range c.ments {
			if m.a > a.a && m.b < a.b && m.typ == ePerson && m.ent != nil && finiteAt(c.toks, m.b) {
				return &antecedent{ent: m.ent, text: m.text}
			}
		}
	}
	return nil
}

// clauseSpans cuts a sentence's tokens at colons, semicolons and ", but" /
// ", and" when both sides have a verb of their own.
func clauseSpans(t []prose.Token) [][2]int {
	var out [][2]int
	start := 0
	depth, quote := 0, false
	for k := 0; k < len(t); k++ {
		switch t[k].Text {
		case "(":
			depth++
		case ")":
			if depth > 0 {
				depth--
			}
		case `"`:
			quote = !quote
		}
		if depth > 0 || quote {
			continue
		}
		cut, next := -1, -1
		switch {
		case t[k].Text == ":" || t[k].Text == ";":
			cut, next = k, k+1
		case t[k].Text == "," && k+2 < len(t) && t[k+1].Is("but", "and", "yet") && !t[k+2].Is("also"):
			cut, next = k, k+2
		}
		if cut < 0 || next >= len(t) {
			continue
		}
		if containsFinite(t, start, cut) && containsFinite(t, next, len(t)) && hasSubjectBeforeVerb(t, next) {
			out = append(out, [2]int{start, cut})
			start = next
			k = next - 1
		}
	}
	if start < len(t) {
		out = append(out, [2]int{start, len(t)})
	}
	return out
}

// hasSubjectBeforeVerb reports whether the words from i on start a clause of
// their own (a subject, then a verb) rather than a second verb phrase of the
// same subject ("... and called for a conference").
func hasSubjectBeforeVerb(t []prose.Token, i int) bool {
	for k := i; k < len(t) && k < i+25; k++ {
		if finiteAt(t, k) && !isNamingParticiple(t, k) {
			if k == i || onlyAdverbs(t, i, k) {
				return false // "but never got on well": the same subject's verb
			}
			// "and under Richard I was forged into ...": a phrase, then the
			// verb of the first subject. A fronted phrase needs a comma or
			// a pronoun before the verb to have a subject of its own.
			if prepositionList.has(t[i].Lower) {
				for j := i; j < k; j++ {
					if t[j].Text == "," || subjectList.has(t[j].Lower) && !(t[j].Text == "I" && j > 0 && t[j-1].Cap) {
						return true
					}
				}
				return false
			}
			return true
		}
	}
	return false
}

// onlyPersonBefore returns the one person named in the sentence before
// token i, or nil when there are none or several.
func onlyPersonBefore(s *sentence, i int) *entity {
	var p *entity
	for _, m := range s.ments {
		if m.a >= i {
			break
		}
		if m.typ == ePerson && m.ent != nil {
			if p != nil && p != m.ent {
				return nil
			}
			p = m.ent
		}
	}
	return p
}

// resolvePronoun rewrites a clause whose subject is a pronoun ("he", "she",
// "they") or starts with a possessive ("His stay", "Their first public
// appearance") with the antecedent's name, when the antecedent fits.
func (d *document) resolvePronoun(c *clause, an *antecedent) *clause {
	if c.flat {
		return d.resolveFlat(c, an)
	}
	if !c.ok || an == nil {
		return nil
	}
	ante := an.ent
	a := c.subj[0]
	w := c.toks[a]
	var name string
	switch w.Lower {
	case "he", "she":
		if ante.typ != ePerson || c.subj[1] != a+1 || !genderFits(w.Lower, ante) {
			return nil
		}
		name = an.text
	case "his", "her":
		if ante.typ != ePerson || !genderFits(w.Lower, ante) {
			return nil
		}
		name = possessive(an.text)
	case "they", "their", "its":
		// "they" stands for a people, not an organisation: "they are
		// unable to return" after a sentence on the British Government
		// means the wolves.
		if ante.typ != eGroup && ante.typ != eOrg || w.Lower == "they" && (c.subj[1] != a+1 || ante.typ != eGroup) || w.Lower == "its" && ante.typ != eOrg {
			return nil
		}
		name = an.text
		if !strings.HasPrefix(name, "the ") && !ante.votesAcronym() && ante.typ != ePerson {
			name = "the " + name
		}
		if w.Lower != "they" {
			name = possessive(name)
		}
	default:
		return nil
	}
	if a == c.lead || a == 0 {
		name = capitalize(name)
	}
	text := c.text[:w.Start-c.base] + name + c.text[w.End-c.base:]
	r := d.newClause(c.sent, text, true)
	r.swapped = ante
	if !r.ok {
		return nil
	}
	ante.count++ // a pronoun is a mention too
	return r
}

// topicSubject is the antecedent an "it" in the next sentence stands
// for when clause c has the document's topic for its subject and the
// topic is no person or people: the topic as c names it ("the Black
// Death"); nil otherwise.
func (d *document) topicSubject(c *clause) *antecedent {
	k := c.subjectMention()
	if k < 0 || d.topic == nil || d.topic.typ == ePerson || d.topic.typ == eGroup {
		return nil
	}
	m := c.ments[k]
	if m.ent == nil || m.ent.root() != d.topic.root() || m.coord || m.poss || m.a != c.subj[0] && !(m.a == c.subj[0]+1 && m.the) {
		return nil
	}
	// "Lima is served by the Jorge Chavez International Airport. It is
	// the largest airport ...": after a passive, the doer is what "it"
	// goes on about as often as the topic.
	if v := c.verb[1]; v < len(c.toks) && c.toks[v].Lower == "by" || v > c.verb[0] && v < len(c.toks) && beFormList.has(c.toks[c.verb[0]].Lower) && passiveAt(c.toks, v-1) {
		return nil
	}
	return &antecedent{ent: d.topic, text: textOf(c.toks, [2]int{c.subj[0], m.b})}
}

// thingSubject is the antecedent an "it" opening the next sentence
// stands for when clause c, the first of its sentence, says what a named
// thing in the singular is (a place, an organisation, an event, a work,
// a term, a name of unknown type): "The Judicial Council is the highest
// court in the denomination. It consists of nine members." A sentence
// that describes its subject goes on about it; after one where the
// subject does something ("ENR compiled the data in nine segments. It
// was divided ...") the "it" is as often what was done to; nil
// otherwise.
func thingSubject(c *clause) *antecedent {
	k := c.subjectMention()
	if k < 0 || c.verb[1] <= c.verb[0] {
		return nil
	}
	if !beFormList.has(c.toks[c.verb[1]-1].Lower) || c.swapped != nil {
		return nil
	}
	m := c.ments[k]
	switch m.typ {
	case ePlace, eOrg, eEvent, eWork, eTerm, eName:
	default:
		return nil
	}
	if m.ent == nil || m.coord || m.poss || m.a != c.subj[0] && !(m.a == c.subj[0]+1 && m.the) || pluralName(m.text) {
		return nil
	}
	return &antecedent{ent: m.ent, text: textOf(c.toks, [2]int{c.subj[0], m.b})}
}

// passiveAt reports whether t[i] is a past participle with a "by" phrase
// after it, within a few words: "is served by", "was founded in 1535 by".
func passiveAt(t []prose.Token, i int) bool {
	w := t[i].Lower
	if !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "en") && !strings.HasSuffix(w, "wn") {
		return false
	}
	for k := i + 1; k < len(t) && k <= i+6; k++ {
		if t[k].Lower == "by" {
			return true
		}
		if t[k].Text == "," {
			return false
		}
	}
	return false
}

// pluralName reports whether a name ends in a plural word ("the Balkan
// States"), which "it" does not stand for; "Ross", "Genesis" and
// "Texas" are no plurals.
func pluralName(s string) bool {
	w := strings.ToLower(s[strings.LastIndexByte(s, ' ')+1:])
	return len(w) > 4 && plainPlural(w) && !strings.HasSuffix(w, "as")
}

// resolveIt rewrites a clause whose subject is "it", not the "it" of
// "it is possible that", with the topic the sentence before had for its
// subject (see topicSubject): "The Black Death reached Sicily in 1347. It
// was introduced in Norway in 1349" asks about the Black Death.
func (d *document) resolveIt(c *clause, an *antecedent) *clause {
	if !c.ok || an == nil || c.subj[1] != c.subj[0]+1 {
		return nil
	}
	a := c.subj[0]
	w := c.toks[a]
	if w.Lower != "it" || dummyIt(c.toks, a) {
		return nil
	}
	// "In the aftermath of Germany's defeat, it was ...": a name before
	// the "it" may be what it stands for.
	for _, m := range c.ments {
		if m.b <= a && m.typ != eDate && m.typ != eNumber {
			return nil
		}
	}
	name := an.text
	if a == c.lead || a == 0 {
		name = capitalize(name)
	} else if strings.HasPrefix(name, "The ") {
		name = "the " + name[4:]
	}
	text := c.text[:w.Start-c.base] + name + c.text[w.End-c.base:]
	r := d.newClause(c.sent, text, true)
	if !r.ok {
		return nil
	}
	r.swapped = an.ent
	an.ent.count++
	return r
}

// reportWords say who holds a claim in "it is thought that ...": the
// "it" stands for the clause after "that".
var reportWords = prose.WordSet(`estimated believed said thought known reported claimed argued suggested assumed
	expected agreed noted rumoured rumored alleged`)

// dummyIt reports whether the "it" at t[i] stands for nothing, the
// clause that follows being what is said: "It is thought that ...",
// "It is possible for proplastids to ...", "It was not until 1517 that
// ...". The clause must be there, so that a stem cut before it ("It is
// generally agreed within the _____.") or a raised subject ("It is
// believed to have been introduced ...": it is something) is no dummy.
func dummyIt(t []prose.Token, i int) bool {
	if !itIsDummy(t, i) {
		return false
	}
	j := i + 1
	for j < len(t) && (auxiliaryList.has(t[j].Lower) || t[j].Is("not", "also", "often", "generally", "widely")) {
		j++
	}
	w := t[j].Lower
	that := func(from int) bool { // a "that" with a clause after it
		for k := from; k+2 < len(t); k++ {
			if t[k].Lower == "that" {
				return containsFinite(t, k+1, len(t))
			}
		}
		return false
	}
	switch {
	case w == "that":
		return containsFinite(t, j+1, len(t))
	case reportWords[w] || w == "until":
		return that(j + 1)
	}
	// "possible that", "possible for X to", "difficult to"
	return j+2 < len(t) && (t[j+1].Is("for", "to", "whether", "if") || that(j+1))
}

// genderFits reports whether a pronoun may stand for a person whose name
// says a gender.
//
// "She" stands only for a person the lists know as a woman: texts name
// more men than women, so a name of unknown gender that "she" follows is
// more often someone else than that name.
func genderFits(pronoun string, e *entity) bool {
	switch e.gender() {
	case 'f':
		return pronoun == "she" || pronoun == "her"
	case 'm':
		return pronoun == "he" || pronoun == "his"
	}
	return pronoun == "he" || pronoun == "his"
}

// possessive writes the possessive of a name: "Kollontai's", "the
// Normans'".
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// votesAcronym reports whether the entity's name is an acronym, which takes
// no article.
func (e *entity) votesAcronym() bool {
	f := e.display()
	return !strings.Contains(f, " ") && (prose.Token{Text: f}).AllCaps()
}

// roleClauses turns appositives into statements: "Aleksei Kiselyov, chair
// of the Miners' Union" into "Aleksei Kiselyov was chair of the Miners'
// Union."; "Edgar's sister Margaret" into "Margaret was Edgar's sister.".
func (d *document) roleClauses(s *sentence) {
	t := s.toks
	n := len(t)
	for n > 0 && t[n-1].Text == "." {
		n--
	}
	verbless := !containsFinite(t, 0, n)
	be := "was"
	for _, w := range t {
		if w.Is("is", "are", "has", "have") {
			be = "is"
			break
		}
	}
	for _, m := range s.ments {
		if m.ent != nil && !m.poss && m.typ != ePerson && m.typ != eGroup {
			d.thingAppositive(s, m, n, be)
		}
		if m.typ != ePerson || m.ent == nil || m.poss {
			continue
		}
		// After the name: "X, chair of ...", or in a caption "X one of ...".
		// A name after "a" ("to win a Nobel Prize, the first person ...")
		// is not the one an appositive describes.
		if m.a > 0 && t[m.a-1].Is("a", "an") {
			continue
		}
		k := m.b
		if k < n && t[k].Text == "," {
			k++
		} else if !(verbless && m.a == 0) {
			k = -1
		}
		var roles [][2]int
		chainEnd := k
		for k >= 0 && k < n && isRoleStart(t, k) {
			end := roleEnd(t, k, n)
			roles = append(roles, splitRoles(t, k, end)...)
			chainEnd = end
			if end < n && t[end].Text == "," {
				k = end + 1
				continue
			}
			break
		}
		// "..., writer Saul Bellow, political philosopher, literary critic
		// and author of ... Allan Bloom, ...": roles that run into another
		// person's name are that person's, written before it.
		if !personWithin(s, m.b, chainEnd+1) {
			for _, r := range roles {
				d.addRole(s, m, t, r[0], r[1], be)
			}
		}
		// Before the name: "Edgar's sister Margaret", "the Byzantine duke of
		// Antioch, Isaac Komnenos".
		if start, ok := preRoleStart(s, m); ok {
			end := m.a
			if t[end-1].Text == "," {
				end--
			}
			d.addRole(s, m, t, start, end, be)
		}
	}
}

// personWithin reports a person named in s between tokens a and b who is
// not part of a role: not an owner ("Robert's son") nor the object of a
// preposition ("sister of Duke Richard II").
func personWithin(s *sentence, a, b int) bool {
	for _, o := range s.ments {
		if o.typ == ePerson && o.a > a && o.a < b && !o.poss && !prepositionList.has(s.toks[o.a-1].Lower) {
			return true
		}
	}
	return false
}

// placeNouns describe places; a statement about what a place is stays in
// the present ("Normandy is a region in France").
var placeNouns = prose.WordSet(`region city town village country province state capital port river island
	area district territory kingdom duchy county peninsula mountain lake valley`)

// thingAppositive turns "Normandy, a region in France" and "Dyrrachium—one
// of the most important naval bases of the Adriatic—" into statements.
func (d *document) thingAppositive(s *sentence, m mention, n int, be string) {
	t := s.toks
	k := m.b
	listed := m.a > 0 && t[m.a-1].Text == "," || m.a > 1 && t[m.a-1].Is("the", "a", "an") && t[m.a-2].Text == ","
	if k >= n || t[k].Text != "," && t[k].Text != "—" || m.coord || listed {
		return // "X, the Y" inside a list is its next member
	}
	dash := t[k].Text == "—"
	k++
	a := k
	if k+1 < n && t[k].Lower == "one" && t[k+1].Lower == "of" {
		k += 2
	}
	if k >= n || !t[k].Is("a", "an", "the") {
		return
	}
	end := a
	for end < n && t[end].Text != "," && t[end].Text != "—" && t[end].Text != "(" && t[end].Text != ";" {
		if finiteAt(t, end) || t[end].Is("which", "who", "that", "where") {
			return
		}
		end++
	}
	if dash && (end >= n || t[end].Text != "—") {
		return
	}
	if appositiveList(t, a, end, n) {
		return
	}
	if end-a < 2 || end-a > 12 {
		return
	}
	head := ""
	for j := a; j < end; j++ {
		if t[j].Is("of", "in", "on", "at", "near") {
			break
		}
		if t[j].IsWord() && !t[j].Cap {
			head = t[j].Lower
		}
	}
	if head == "" || roleNounList.has(head) || roleNounList.has(strings.TrimSuffix(head, "s")) {
		return // "the VTsSPS, a key founding member of ...": about a person
	}
	for j := a; j < end; j++ {
		if w := t[j].Lower; kinNouns[w] || kinNouns[strings.TrimSuffix(w, "s")] || w == "children" || w == "child" {
			// "born in New York City, the second of four children of
			// ...": about the person born there, not the place.
			return
		}
	}
	if placeNouns[strings.TrimSuffix(head, "s")] && m.typ == ePlace && !strings.HasPrefix(t[a].Lower, "one") {
		be = "is"
	}
	text := m.text + " " + be + " " + textOf(t, [2]int{a, end}) + "."
	c := d.newClause(s, text, true)
	s.clauses = append(s.clauses, c)
}

// appositiveList reports whether "X, the Y" with Y at t[a:end] is a list,
// not a thing said of X: "at La Rochelle, the Isle of Aix and Cherbourg"
// (an "and" before the last name), "the video game Rock Band, the soap
// opera EastEnders, the ..." (a further member after it, or a name that
// ends it right after a common noun: another thing, named).
func appositiveList(t []prose.Token, a, end, n int) bool {
	for j := a; j+1 < end; j++ {
		if t[j].Is("and", "or") && (t[j+1].Cap || t[j+1].Is("the", "a", "an")) {
			return true
		}
	}
	if end+1 < n && t[end].Text == "," && t[end+1].Is("the", "a", "an", "and", "or") {
		return true
	}
	last := end - 1
	for last > a && t[last].Cap {
		last--
	}
	return last < end-1 && last > a && t[last].IsWord() && !t[last].Cap && !functionList.has(t[last].Lower) && !prepositionList.has(t[last].Lower)
}

// roleEnd returns where an appositive starting at t[k] ends: at a comma, a
// bracket or the end of the sentence.
func roleEnd(t []prose.Token, k, n int) int {
	for e := k; e < n; e++ {
		switch t[e].Text {
		case ",", "(", ")", ";", ":", "—":
			return e
		}
		if finiteAt(t, e) {
			return k // a clause, not an appositive
		}
	}
	return n
}

// splitRoles splits coordinated roles: "chair of the Miners' Union and a
// signatory of the theses" into its two roles.
func splitRoles(t []prose.Token, a, b int) [][2]int {
	for k := a + 1; k+1 < b; k++ {
		if t[k].Lower == "and" && t[k+1].Is("a", "an", "the") && isRoleStart(t, k+1) {
			return append([][2]int{{a, k}}, splitRoles(t, k+1, b)...)
		}
	}
	if b > a {
		return [][2]int{{a, b}}
	}
	return nil
}

// preRoleStart finds a role written before a person's name: "his
// half-brother Harthacnut", "Edgar's sister Margaret", "the Byzantine
// general Alexius Komnenos" (the role noun right before the name), or "the
// Byzantine duke of Antioch, Isaac Komnenos" (a role with its complement,
// then a comma and the name ending the phrase).
func preRoleStart(s *sentence, m mention) (int, bool) {
	t := s.toks
	k := m.a - 1
	if k < 1 {
		return 0, false
	}
	comma := t[k].Text == ","
	if comma {
		if m.b < len(t) && t[m.b].Text != "." && t[m.b].Text != "," {
			return 0, false
		}
		k--
	} else if !roleNounList.has(t[k].Lower) || t[k].Cap {
		return 0, false
	}
	sawRole, sawOf := false, false
	for steps := 0; k >= 0 && steps < 8; steps, k = steps+1, k-1 {
		w := t[k]
		switch {
		case roleNounList.has(w.Lower) && !w.Cap:
			if sawRole && !sawOf {
				return 0, false
			}
			sawRole = true
		case w.Is("the", "a", "an", "his", "her", "their"):
			return k, sawRole && (comma == sawOf)
		case w.Text == "'s":
			return k - 1, sawRole && !comma && k > 0
		case w.Lower == "of":
			if sawRole || !comma {
				return 0, false
			}
			sawOf = true
		case w.IsWord() && !functionList.has(w.Lower) && !isVerbForm(w.Lower) && (!w.Cap || nationalityList.has(w.Lower) || isNameToken(s, k) && !sawRole):
			// adjectives, nationalities, the complement's name
		default:
			return 0, false
		}
	}
	return 0, false
}

func isNameToken(s *sentence, k int) bool {
	for _, m := range s.ments {
		if k >= m.a && k < m.b {
			return true
		}
	}
	return false
}

// addRole records a role fact and the statement it makes.
func (d *document) addRole(s *sentence, m mention, t []prose.Token, a, b int, be string) {
	for b > a && (t[b-1].Text == "," || t[b-1].Lower == "and") {
		b--
	}
	if b-a < 1 || b-a > 16 {
		return
	}
	rf := &roleFact{person: m}
	first := t[a]
	switch {
	case first.Is("his", "her"):
		p := onlyPersonBefore(s, a)
		if p == nil || p == m.ent {
			return
		}
		rf.possessor = p
		rf.possText = p.short()
		rf.role = rf.possText + "'s " + textOf(t, [2]int{a + 1, b})
	case first.Lower == "their":
		return
	default:
		rf.role = textOf(t, [2]int{a, b})
		if first.Cap && !first.Is("the", "a", "an") {
			if k := mentionEndingAt(s, a); k >= 0 && s.ments[k].poss {
				rf.possessor = s.ments[k].ent
				rf.possText = s.ments[k].text
			}
		}
	}
	if strings.HasPrefix(rf.role, "The ") || strings.HasPrefix(rf.role, "A ") || strings.HasPrefix(rf.role, "An ") {
		rf.role = strings.ToLower(rf.role[:1]) + rf.role[1:]
	}
	// The role noun and whether one person holds it.
	for k := a; k < b; k++ {
		if roleNounList.has(t[k].Lower) && !t[k].Cap {
			rf.noun = t[k].Lower
			break
		}
	}
	// "English and Standard Cantonese, the official languages": a plural
	// role said of each member of a list is one of them, "Standard
	// Cantonese is one of the official languages", not "an official
	// languages".
	plural := pluralNoun(roleHead(t, a, b))
	if plural && strings.HasPrefix(rf.role, "the ") && rf.possessor == nil {
		rf.role = "one of " + rf.role
	}
	// "the Byzantine general Alexius Komnenos" says he was a Byzantine
	// general, not the only one.
	if !plural && strings.HasPrefix(rf.role, "the ") && !strings.Contains(rf.role, " of ") && rf.possessor == nil {
		rest := rf.role[4:]
		art := "a "
		if strings.ContainsRune("aeiouAEIOU", rune(rest[0])) {
			art = "an "
		}
		rf.role = art + rest
	}
	if rf.noun == "" {
		return
	}
	bare := !first.Is("a", "an", "one") && !plural
	rf.unique = bare && uniqueRoleList.has(rf.noun) && (strings.Contains(rf.role, " of ") || rf.possessor != nil)
	text := m.text + " " + be + " " + rf.role + "."
	c := d.newClause(s, text, true)
	c.role = rf
	s.clauses = append(s.clauses, c)
}

// roleHead returns the head of the role at t[a:b]: its last lower-case
// word before a preposition ("languages" of "the official languages").
func roleHead(t []prose.Token, a, b int) string {
	head := ""
	for k := a; k < b && !prepositionList.has(t[k].Lower); k++ {
		if t[k].IsWord() && !t[k].Cap {
			head = t[k].Lower
		}
	}
	return head
}

// pluralNoun reports a regular plural: "languages", "generals", not
// "boss", "census" or "thesis".
func pluralNoun(w string) bool {
	return len(w) > 3 && plainPlural(w)
}

// mentionEndingAt returns the mention of s whose possessive "'s" is at
// token k+1 or that starts at k, or -1.
func mentionEndingAt(s *sentence, k int) int {
	for i, m := range s.ments {
		if m.a == k {
			return i
		}
	}
	return -1
}

// relativeClauses turns "David Riazanov and Mikhail Tomsky, who believed
// that ..." into "David Riazanov and Mikhail Tomsky believed that ...", and
// "The Duchy of Normandy, which began in 911 as a fiefdom," into "The Duchy
// of Normandy began in 911 as a fiefdom.".
func (d *document) relativeClauses(s *sentence) {
	t := s.toks
	for w := 1; w+1 < len(t); w++ {
		if t[w].Text != "," || !t[w+1].Is("who", "which") || w+2 >= len(t) || !finiteAt(t, w+2) {
			continue
		}
		// The noun phrase before the comma.
		start := -1
		var head *mention
		for k := range s.ments {
			m := &s.ments[k]
			if m.b == w && m.ent != nil {
				head = m
				start = m.a
			}
		}
		if head == nil {
			// "Shlyapnikov's supporters, who ..."
			k := w - 1
			for k > 0 && t[k].IsWord() && !t[k].Cap && !functionList.has(t[k].Lower) {
				k--
			}
			if k < w-1 && t[k].Text == "'s" {
				if i := mentionEndingAtPoss(s, k); i >= 0 && s.ments[i].ent != nil && s.ments[i].typ == ePerson {
					head = &s.ments[i]
					start = head.a
				}
			}
		}
		if head == nil {
			continue
		}
		isWho := t[w+1].Lower == "who"
		if isWho != (head.typ == ePerson || head.typ == eGroup) {
			continue
		}
		// "articles ... for The Century Magazine, which were warmly
		// received": a plural verb after one name is not said of it.
		if t[w+2].Is("were", "are", "have") && !head.coord && head.typ != eGroup && !strings.HasSuffix(head.text, "s") {
			continue
		}
		if head.coord {
			// Take in the whole list: "David Riazanov and Mikhail Tomsky".
			for k := len(s.ments) - 1; k >= 0; k-- {
				m := s.ments[k]
				if m.b <= start && m.coord && m.typ == head.typ && isListGap(t[m.b:start]) {
					start = m.a
				}
			}
		}
		if start > 0 && t[start-1].Lower == "the" {
			start--
		}
		if start > 0 && t[start-1].Is("and", "or", "nor") {
			continue // "Picardy or the Île-de-France, which were ...": half a list
		}
		if start > 0 && t[start-1].Lower == "by" {
			// "the portrait Ginevra de' Benci by Leonardo da Vinci, which
			// was purchased ...": the relative is the portrait's, not its
			// painter's.
			continue
		}
		end := topComma(t, w+2, len(t))
		if end < 0 {
			end = len(t)
			for end > 0 && t[end-1].Text == "." {
				end--
			}
		}
		if end-(w+2) < 3 {
			continue
		}
		text := capitalize(textOf(t, [2]int{start, w}, [2]int{w + 2, end})) + "."
		s.clauses = append(s.clauses, d.newClause(s, text, true))
	}
}

// mentionEndingAtPoss returns the mention whose "'s" is token k, or -1.
func mentionEndingAtPoss(s *sentence, k int) int {
	for i, m := range s.ments {
		if m.b == k && m.poss {
			return i
		}
	}
	return -1
}

// defineTerm finds a definition in a clause, "Photosynthesis is the
// process by which green plants convert light energy into chemical
// energy", and adds its term as a mention a question may ask for. The
// complement must define: a noun with a relative clause, an "of" phrase
// or a participle after it.
func (d *document) defineTerm(c *clause) {
	if !c.ok || c.main >= 0 || c.neg || c.derived && c.role != nil || !beFormList.has(c.toks[c.verb[0]].Lower) || len(c.advs) > 0 {
		return
	}
	t := c.toks
	a, b := c.subj[0], c.subj[1]
	if t[a].Is("a", "an", "the") {
		a++
	}
	if b-a < 1 || b-a > 3 || prepositionList.has(t[a].Lower) {
		return // "Inside cryptophyte chloroplasts is ...": a place, not a term
	}
	for i := a; i < b; i++ {
		w := t[i]
		if !w.IsWord() || functionList.has(w.Lower) || demonstrativeList.has(w.Lower) || i > a && w.Cap && c.mentionAt(i) < 0 && !c.inMention(i) {
			return
		}
	}
	for _, m := range c.ments {
		if m.a < b && m.b > a && m.typ != eName {
			return // a named thing: the other templates ask about it
		}
	}
	v := c.verb[1]
	if v >= c.end || !t[v].Is("a", "an", "the") {
		return
	}
	defining := false
	for i := v + 1; i < c.end && i < v+12; i++ {
		if t[i].Is("that", "which", "who", "whose", "where", "of", "for", "used") || i+1 < c.end && prepositionList.has(t[i].Lower) && t[i+1].Is("which", "whom") ||
			i > v+1 && !t[i].Cap && strings.HasSuffix(t[i].Lower, "ed") && isParticiple(t[i].Lower) && i+1 < c.end && prepositionList.has(t[i+1].Lower) {
			// "a lightweight thread managed by the runtime"
			defining = true
			break
		}
		if t[i].Text == "," {
			break
		}
	}
	if !defining {
		return
	}
	text := textOf(t, [2]int{a, b})
	if t[a].Cap && a == c.lead && d.stats.capMid[t[a].Lower] == 0 && !t[a].AllCaps() {
		// "Glucose is ...": a capital only because the sentence starts.
		text = strings.ToLower(text[:len(t[a].Text)]) + text[len(t[a].Text):]
	}
	m := mention{typ: eTerm, a: a, b: b, text: text}
	c.definite = t[v].Lower == "the"
	// Keep mentions in order, dropping names inside the term.
	var ms []mention
	for _, o := range c.ments {
		if o.b <= a || o.a >= b {
			ms = append(ms, o)
		}
	}
	at := 0
	for at < len(ms) && ms[at].a < a {
		at++
	}
	ms = append(ms[:at], append([]mention{m}, ms[at:]...)...)
	c.ments = ms
	d.terms = append(d.terms, termRef{text: text, sent: c.sent.idx})
}

// inMention reports whether token i of a clause is inside a mention.
func (c *clause) inMention(i int) bool {
	for _, m := range c.ments {
		if i >= m.a && i < m.b {
			return true
		}
	}
	return false
}
