package generate

import (
	"context"
	"strings"

	"factdrill/questions/generate/prose"
)

// A sentence of the cleaned document.
type sentence struct {
	idx     int    // position in the document, from 0
	off     int    // byte offset in the cleaned text
	text    string // as written, after cleaning
	block   int    // the paragraph it belongs to
	heading bool
	para    int // position in its paragraph, from 0
	paraLen int // sentences in its paragraph
	// prose is the place of its paragraph among the paragraphs that are
	// not headings, from 0: the lead paragraphs say what the document is
	// about.
	prose int
	// side marks a sentence under a heading of side matter ("In popular
	// culture", "Trivia"), which a teacher seldom asks about.
	side bool
	// topical marks a sentence that names the document's topic (see
	// countAnswers).
	topical bool
	// long marks a sentence too long to ask about (see maxSentenceTokens):
	// its names count, but no item comes from it.
	long    bool
	lower   string // text in lower case, for distractors' checks
	toks    []prose.Token
	ments   []mention
	clauses []*clause
	// subject is the entity the sentence's main clause is about, for
	// resolving a pronoun at the start of the next sentence.
	subject *entity
	// dirt and glue cache what the residue checks find in text (see
	// dirty and glued): 0 not read yet, 1 no, 2 yes.
	dirt, glue int8
	// lead is the sentence read as a lead-in, once (see leadOf).
	lead *lead
}

// dirty reports whether the sentence has residue (see residue), read
// once, when an item of it or the sentence as a lead-in first asks.
func (s *sentence) dirty() bool {
	if s.dirt == 0 {
		s.dirt = 1
		if residue(s.text) {
			s.dirt = 2
		}
	}
	return s.dirt == 2
}

// glued reports whether source, the text of one of the sentence's items,
// has a caption glued to it or a reference run into it (gluedSource,
// referenceIn), read once for the sentence's own text.
func (s *sentence) glued(source string) bool {
	if source != s.text {
		return gluedSource(source) || referenceIn(source)
	}
	if s.glue == 0 {
		s.glue = 1
		if gluedSource(source) || referenceIn(source) {
			s.glue = 2
		}
	}
	return s.glue == 2
}

// A document is the cleaned text cut into sentences, with its entities.
type document struct {
	text  string
	sents []*sentence
	ents  []*entity
	byKey map[string]*entity
	stats docStats
	title string
	words int
	// topic is what the document is about: the name of its title, or a
	// name that takes a third of all mentions.
	topic *entity
	// topicWords are the words of the title (or the topic's name), with
	// their plurals: an answer made of them only is the topic.
	topicWords map[string]bool
	// terms are the terms the document defines, in order.
	terms []termRef
	// concepts are the noun phrases clauses speak of, in order (see
	// addConcepts); freq counts each lower-case word of the document.
	concepts []termRef
	freq     map[string]int
	// answers counts the sentences each answer (normalised) is named in,
	// and firstAnswer is the first of them (see countAnswers).
	answers     map[string]int
	firstAnswer map[string]int
	answerParas map[string]int // paragraphs naming each answer
	// placeByText remembers whoForPlace's reading of each key, which
	// would otherwise search the whole text again for every "who"
	// question asking for it.
	placeByText map[string]bool

	// Lookups built once the names and their types are settled (see
	// indexNames), so that no question compares one name with all others.
	nameWords  map[string]bool      // the first and last words of names of two words or more
	shortNames map[string]int       // how many people go by each short form of a name
	longer     map[string][]*entity // names that extend another: "Central Committee" -> "Central Committee of the RCP"
	shared     *surnames            // surnames two or more people share, with their full names
	// kindNames counts the names of each kind that kindNouns lists: two
	// for "war" in a text naming World War I and the Russian Civil War.
	kindNames map[string]int
}

// A termRef is a term defined in sentence sent.
type termRef struct {
	text string
	sent int
}

// maxSentenceTokens is the longest sentence the generator asks about. A
// longer one (a document pasted without full stops, a run-on list) would
// give stems no one reads, and reading it clause by clause costs time in
// proportion to the square of its length.
const maxSentenceTokens = 160

// checkEvery is how many sentences pass between two looks at the context.
const checkEvery = 64

// analyze cleans raw text, splits it into sentences and finds the names,
// dates and quantities in them. It stops with ctx's error when ctx is
// done.
func analyze(ctx context.Context, raw, title string, progress func(done, total int)) (*document, error) {
	d := &document{byKey: map[string]*entity{}, freq: map[string]int{}}
	text, sents := prose.Sentences(raw)
	d.text = text
	for i, ps := range sents {
		d.sents = append(d.sents, &sentence{idx: i, off: ps.Offset, text: ps.Text, block: ps.Block, heading: ps.Heading, toks: ps.Tokens})
		if ps.Heading && ps.Block == 0 {
			d.title = text[:ps.Offset+len(ps.Text)] // the whole first paragraph
		}
	}
	proseBlock, side := -1, false
	for i, s := range d.sents {
		if i > 0 && d.sents[i-1].block == s.block {
			s.para = d.sents[i-1].para + 1
		} else if !s.heading {
			proseBlock++
		}
		if s.heading {
			side = isSideHeading(s.text)
		}
		s.prose, s.side = max(0, proseBlock), side && !s.heading
		if i%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for _, t := range s.toks {
			if t.IsWord() && !t.Cap {
				d.freq[t.Lower]++
			}
		}
		s.long = len(s.toks) > maxSentenceTokens
		if !s.long {
			s.lower = sents[i].Lower
		}
		d.words += prose.WordCount(s.text)
	}
	for i := len(d.sents) - 1; i >= 0; i-- {
		s := d.sents[i]
		if s.paraLen = s.para + 1; i+1 < len(d.sents) && d.sents[i+1].block == s.block {
			s.paraLen = d.sents[i+1].paraLen
		}
	}
	d.stats = collectStats(d.sents)
	step := max(1, len(d.sents)/50)
	for i, s := range d.sents {
		if i%checkEvery == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		s.ments = findMentions(s.toks, &d.stats)
		for k := range s.ments {
			m := &s.ments[k]
			if m.typ != eNone {
				continue
			}
			key := nameKey(m.text)
			if key == "" {
				continue
			}
			e := d.byKey[key]
			if e == nil {
				e = &entity{id: len(d.ents), first: s.idx, core: strings.Fields(key)}
				d.byKey[key] = e
				d.ents = append(d.ents, e)
			}
			e.addForm(strings.TrimSuffix(m.text, "'s"))
			e.count++
			m.ent = e
			vote(e, s.toks, *m)
		}
		if progress != nil && i%step == 0 {
			progress(i, len(d.sents)*3)
		}
	}
	for _, e := range d.ents {
		e.typ = decideType(e)
	}
	d.setTopic(title)
	mergeVariants(d.ents, d.topic)
	mergeBirthNames(d.sents)
	for _, e := range d.ents {
		if r := e.root(); r != e && r.typ == eName {
			r.typ = decideType(r)
		}
	}
	d.propagateCoordinations()
	d.settleTopic()
	for _, s := range d.sents {
		for k := range s.ments {
			m := &s.ments[k]
			if m.ent != nil {
				m.ent = m.ent.root()
				m.typ = m.ent.typ
			}
		}
	}
	return d, nil
}

// sideHeadings head the sections of an article about its subject's echoes
// rather than the subject: its place in films and songs, lists of
// namesakes, trivia.
var sideHeadings = prose.WordSet(`in_popular_culture popular_culture in_culture cultural_references cultural_depictions
	in_fiction in_literature in_film in_media in_music in_art trivia namesakes honours honors awards
	eponyms depictions portrayals filmography discography gallery in_the_media references_in_popular_culture
	in_popular_media cultural_influence cultural_impact appearances_in_media notable_people notable_residents
	sister_cities twin_towns twin_towns_and_sister_cities`)

// sideTails end the headings of side matter about one thing: "Wolves in
// fiction", "Elephants in Kerala culture", "List of fictional ducks".
var sideTails = []string{" in fiction", " in popular culture", " in culture", " in literature", " in film", " in films",
	" in media", " in music", " in art", " in mythology", " in folklore", " in religion", " jokes", " joke"}

// isSideHeading reports whether a heading opens side matter.
func isSideHeading(h string) bool {
	n := prose.Normalize(h)
	if sideHeadings[n] || strings.HasPrefix(n, "list of ") || strings.Contains(n, " in ") && strings.HasSuffix(n, " culture") {
		return true
	}
	for _, t := range sideTails {
		if strings.HasSuffix(n, t) {
			return true
		}
	}
	return false
}

func (e *entity) addForm(f string) {
	for i, g := range e.forms {
		if g == f {
			e.counts[i]++
			return
		}
	}
	e.forms = append(e.forms, f)
	e.counts = append(e.counts, 1)
}

// propagateCoordinations gives a name of unknown type the type of the names
// it is listed with: in "Trotsky and Zinoviev" both are people if one is.
func (d *document) propagateCoordinations() {
	for pass := 0; pass < 2; pass++ {
		for _, s := range d.sents {
			for k := 0; k+1 < len(s.ments); k++ {
				x, y := s.ments[k], s.ments[k+1]
				if x.ent == nil || y.ent == nil {
					continue
				}
				gap := s.toks[x.b:y.a]
				if !isListGap(gap) {
					continue
				}
				a, b := x.ent.root(), y.ent.root()
				switch {
				case a.typ == eName && b.typ != eName && b.typ != eOrg:
					a.typ = b.typ
				case b.typ == eName && a.typ != eName && a.typ != eOrg:
					b.typ = a.typ
				}
			}
		}
	}
	for _, s := range d.sents {
		for k := range s.ments {
			m := &s.ments[k]
			if m.ent != nil {
				m.typ = m.ent.root().typ
			}
		}
		markCoordinations(s.toks, s.ments)
	}
}

// isListGap reports whether the tokens between two names join them in a
// list: ",", "and", "or", ", and", ", or".
func isListGap(gap []prose.Token) bool {
	switch len(gap) {
	case 1:
		return gap[0].Text == "," || gap[0].Lower == "and" || gap[0].Lower == "or"
	case 2:
		return gap[0].Text == "," && (gap[1].Lower == "and" || gap[1].Lower == "or")
	}
	return false
}

// setTopic finds what the document is about from its title (the
// teacher's, else the document's first heading): the entity the title
// names, and the title's words. settleTopic finishes the job.
func (d *document) setTopic(title string) {
	if title == "" {
		title = d.title
	}
	d.topicWords = map[string]bool{}
	for _, w := range strings.Fields(prose.Normalize(title)) {
		if !functionList.has(w) {
			d.topicWords[w] = true
			d.topicWords[w+"s"] = true
			d.topicWords[strings.TrimSuffix(w, "s")] = true
		}
	}
	if title == "" {
		return
	}
	d.topic = d.byKey[nameKey(title)]
	// A person's article titled with the full name ("Charles-Augustin de
	// Coulomb") that the text calls by the surname alone: the surname
	// named three times or more is the topic.
	if f := strings.Fields(title); d.topic == nil && len(f) >= 2 && isUpperWord(f[0]) && isUpperWord(f[len(f)-1]) && !strings.Contains(title, ",") {
		if e := d.byKey[nameKey(f[len(f)-1])]; e != nil && e.count >= 3 && e.typ == ePerson {
			d.topic = e
		}
	}
}

// settleTopic ends setTopic once names are merged: without a title that
// names an entity, the topic is a name used far more often than any
// other. A topic written as a name of unknown type (or read as a group)
// that the text calls "he" or "she" is a person.
func (d *document) settleTopic() {
	if d.topic == nil {
		d.topic = d.frequentName()
	}
	if d.topic == nil {
		return
	}
	d.topic = d.topic.root()
	for _, w := range strings.Fields(prose.Normalize(d.topic.display())) {
		if !functionList.has(w) {
			d.topicWords[w] = true
		}
	}
	// A group read from "the Adamses" or a title ("President Adams") is
	// no less a person when the text says "he".
	if d.topic.typ == eName || d.topic.typ == ePerson || d.topic.typ == eGroup {
		he, it := 0, 0
		for _, s := range d.sents {
			if len(s.toks) > 0 {
				switch s.toks[0].Lower {
				case "he", "his", "she", "her":
					he++
				case "it", "its":
					it++
				}
			}
		}
		if he >= 2 && he > it {
			d.topic.typ = ePerson
		}
	}
}

// frequentName returns a name mentioned far more often than any other,
// or nil.
func (d *document) frequentName() *entity {
	total := 0
	var best, second *entity
	for _, e := range d.ents {
		if e.merged != nil {
			continue
		}
		total += e.count
		switch {
		case best == nil || e.count > best.count:
			best, second = e, best
		case second == nil || e.count > second.count:
			second = e
		}
	}
	if best != nil && best.count >= 3 && (best.count*3 >= total || second == nil || best.count >= 2*second.count) {
		return best
	}
	return nil
}

// isTopic reports whether an answer is what the whole document is about:
// the topic's entity, or words of the title only ("California" in a text
// titled "Southern California"). Every sentence would give it away.
func (d *document) isTopic(m mention) bool {
	if d.topic != nil && m.ent != nil && m.ent.root() == d.topic {
		return true
	}
	n := 0
	for w := range strings.FieldsSeq(prose.Normalize(m.text)) {
		if functionList.has(w) {
			continue
		}
		if !d.topicWords[w] && !d.topicPeople(w) {
			return false
		}
		n++
	}
	return n > 0
}

// demonymEnds turn a place's name into its people's or its adjective:
// "Qatar" -> "Qatari", "Egypt" -> "Egyptians", "Japan" -> "Japanese".
var demonymEnds = []string{"i", "is", "ian", "ians", "an", "ans", "n", "ns", "ese", "ish", "ic"}

// topicPeople reports, in a text on a place, a word that is a word of
// the title with a demonym's end ("Egyptians" in a text on Egypt, "Romanians" in one on Romania):
// the topic's people, as much given away as the topic.
func (d *document) topicPeople(w string) bool {
	if d.topic == nil || d.topic.root().typ != ePlace {
		return false // "civilians" in a text on civil disobedience
	}
	for tw := range d.topicWords {
		if len(tw) < 4 || strings.HasSuffix(tw, "s") {
			continue
		}
		if demonymOf(w, tw) {
			return true
		}
		// "China" -> "Chin" + "ese"
		if last := tw[len(tw)-1]; (last == 'a' || last == 'e' || last == 'y') && demonymOf(w, tw[:len(tw)-1]) {
			return true
		}
	}
	return false
}

// demonymOf reports whether w is base with one of demonymEnds after it.
func demonymOf(w, base string) bool {
	rest, ok := strings.CutPrefix(w, base)
	if !ok || rest == "" {
		return false
	}
	for _, e := range demonymEnds {
		if rest == e {
			return true
		}
	}
	return false
}
