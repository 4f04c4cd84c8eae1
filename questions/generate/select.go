package generate

import (
	"math"
	"sort"
	"strings"

	"factdrill/questions"
	"factdrill/questions/generate/prose"
)

// kindShare is the mix a set aims for when every kind is allowed.
var kindShare = map[questions.Kind]float64{
	questions.MultipleChoice: 0.35,
	questions.Cloze:          0.35,
	questions.ShortAnswer:    0.20,
	questions.TrueFalse:      0.05,
}

// defaultCount is the set size that fits a document of the given length
// when the teacher does not say: about one item per 32 words for a page
// or two, one per 200 words after. The default set is what a teacher gets
// without asking, so it keeps the items the generator is surest of (see
// sureScore) rather than every fact it could ask about: half the number
// of a set cut at one item per 24 words, whose lower half a teacher would
// mostly throw away.
func defaultCount(words int) int {
	n := int(math.Round(float64(words) / 32))
	if n > 30 {
		n = 30 + (words-30*32)/200
	}
	return min(max(n, 3), 200)
}

// sureScore is the least score (see worth) an item of a default set
// has, unless fewer than minSure items reach it: a quiz of a dozen
// questions or so is what a teacher asks for when not saying how many.
const (
	sureScore = 0.0
	minSure   = 15
)

// sureBonus is what an item of a kind must score above sureScore: a
// short answer's score has a bonus over a cloze of the same fact (see
// keyCandidates), which says how much people like the kind, not how sure
// the generator is of the item.
var sureBonus = map[questions.Kind]float64{questions.ShortAnswer: 0.5}

// selectItems ranks the checked candidates and picks n: the best first,
// no two asking the same thing, spread over the document, in the kind mix
// asked for. The result is in document order. A sure selection (the
// default set) leaves out the items scored under sureScore when enough
// others remain, and when too few do takes minSure of all, the best.
//
// The spread follows the paragraphs: each gets a share of the set in
// proportion to its words (paraWords, by block), as a reader's questions
// would; a pass that loosens the limits lets the share be passed.
func selectItems(cands []*candidate, n int, kinds []questions.Kind, paraWords map[int]int, sure bool, rejected map[string]int) []*candidate {
	if !sure {
		return pickItems(cands, n, kinds, paraWords, rejected)
	}
	var kept []*candidate
	for _, c := range cands {
		if c.score >= sureScore+sureBonus[c.q.Kind] {
			kept = append(kept, c)
		}
	}
	if picked := pickItems(kept, n, kinds, paraWords, rejected); len(picked) >= min(n, minSure) {
		return picked
	}
	// Too few sure items for a quiz: the best of all make up a quiz of
	// minSure, no more; the unsure items past that are what a teacher
	// who wants them asks for by number.
	return pickItems(cands, min(n, minSure), kinds, paraWords, rejected)
}

// pickItems is selectItems with no items left out.
func pickItems(cands []*candidate, n int, kinds []questions.Kind, paraWords map[int]int, rejected map[string]int) []*candidate {
	rank := ranks(cands)
	sort.SliceStable(cands, func(i, j int) bool {
		if rank[cands[i]] != rank[cands[j]] {
			return rank[cands[i]] > rank[cands[j]]
		}
		return cands[i].order < cands[j].order
	})
	total := 0.0
	for _, k := range kinds {
		total += kindShare[k]
	}
	quota := map[questions.Kind]int{}
	for _, k := range kinds {
		quota[k] = int(math.Ceil(kindShare[k] / total * float64(n)))
	}
	// True and false statements in about equal numbers.
	trueQuota := int(math.Ceil(float64(quota[questions.TrueFalse]) / 2))
	// A true statement asks least of a learner: even when nothing else is
	// left, they stay a quarter of the set at most.
	trueCap := max(1, int(math.Ceil(float64(n)/4)))
	words := 0
	for _, w := range paraWords {
		words += w
	}
	paraQuota := func(c *candidate) float64 {
		return math.Max(1, math.Ceil(float64(n)*float64(paraWords[c.sent.block])/float64(max(1, words))))
	}
	var picked []*candidate
	valid := map[*candidate]bool{}
	usedGroup := map[string]bool{}
	perSentence := map[int]int{}
	perPara := map[int]int{}
	perEntity := map[*entity]int{}
	perAnswer := map[string]int{}
	perKind := map[questions.Kind]int{}
	bySentence := map[int][]*candidate{}
	trues := 0
	byKind := map[questions.Kind][]*candidate{}
	asks := map[int]bool{} // sentences with an item that asks for an answer
	for _, c := range cands {
		if c.q.Kind != questions.TrueFalse {
			asks[c.sent.idx] = true
		}
	}
	shorts := map[groupKind]*candidate{} // the best cut stem of each group and kind
	for _, c := range cands {
		byKind[c.q.Kind] = append(byKind[c.q.Kind], c)
		if k := shortKey(c); c.short && shorts[k] == nil {
			shorts[k] = c
		}
	} // Each pass loosens the limits: items from one sentence, from one
	// stretch of the document, about one entity, and the kind mix. An
	// answer is asked for once in every pass: a set that asks for the
	// same answer twice teaches less, and spends the place of another.
	passes := []struct {
		sentence       int
		para           float64 // times the paragraph's share
		entity, answer int
		quota          bool
	}{
		{2, 1, 3, 1, true},
		{3, 1.5, 3, 1, true},
		{3, 1 << 30, 3, 1, true},
		{3, 1 << 30, 4, 1, false},
		{4, 1 << 30, 6, 1, false},
	}
	for _, p := range passes {
		// Every limit only tightens as items are picked, so a candidate
		// turned down once in a pass stays down: each kind's list is
		// walked once per pass.
		next := map[questions.Kind]int{}
		allowed := func(c *candidate) bool {
			if v, ok := valid[c]; ok && !v {
				return false
			}
			if usedGroup[c.group] || perSentence[c.sent.idx] >= p.sentence || float64(perPara[c.sent.block]) >= p.para*paraQuota(c) {
				return false
			}
			if c.ent != nil && perEntity[c.ent] >= p.entity || c.answer != "" && perAnswer[c.answer] >= p.answer {
				return false
			}
			if c.q.Kind == questions.TrueFalse && c.q.Truth && (p.quota && trues >= trueQuota || trues >= trueCap) {
				return false
			}
			// True/false statements state no answer to recall: past their
			// share they only stand in for a better kind.
			if c.q.Kind == questions.TrueFalse && perKind[c.q.Kind] >= quota[c.q.Kind] {
				return false
			}
			if showsNeighbour(c, bySentence) {
				return false
			}
			if !conflicts(c, bySentence[c.sent.idx]) || shortened(c, bySentence[c.sent.idx], shorts, valid) != nil {
				// Validate last, and once: it is the dearest check, and
				// most candidates never come this far.
				if _, ok := valid[c]; !ok {
					valid[c] = c.q.Validate() == nil
					if !valid[c] {
						rejected[CheckInvalid]++
					}
				}
				return valid[c]
			}
			return false
		}
		for len(picked) < n {
			// The best candidate of each kind competes, handicapped by how
			// full its kind already is: the mix bends towards the better
			// items without losing a kind.
			var pick *candidate
			best := 0.0
			for _, k := range kinds {
				if p.quota && perKind[k] >= quota[k] {
					continue
				}
				list := byKind[k]
				for next[k] < len(list) && !allowed(list[next[k]]) {
					next[k]++
				}
				if next[k] >= len(list) {
					continue
				}
				c := list[next[k]]
				eff := rank[c] - 0.75*float64(perKind[k])/float64(max(1, quota[k]))
				if k == questions.TrueFalse && asks[c.sent.idx] {
					eff -= tfPenalty
				}
				if pick == nil || eff > best {
					pick, best = c, eff
				}
			}
			if pick != nil {
				next[pick.q.Kind]++
			}
			if pick == nil {
				break
			}
			if same := bySentence[pick.sent.idx]; conflicts(pick, same) {
				// Picked items of the sentence give way to their cut stems.
				for p, q := range shortened(pick, same, shorts, valid) {
					for i := range same {
						if same[i] == p {
							same[i] = q
						}
					}
					for i := range picked {
						if picked[i] == p {
							picked[i] = q
						}
					}
				}
			}
			usedGroup[pick.group] = true
			perSentence[pick.sent.idx]++
			perPara[pick.sent.block]++
			if pick.ent != nil {
				perEntity[pick.ent]++
			}
			if pick.answer != "" {
				perAnswer[pick.answer]++
			}
			perKind[pick.q.Kind]++
			if pick.q.Kind == questions.TrueFalse && pick.q.Truth {
				trues++
			}
			bySentence[pick.sent.idx] = append(bySentence[pick.sent.idx], pick)
			picked = append(picked, pick)
		}
	}
	if len(picked) < n {
		picked = moveAnswers(cands, picked, n, bySentence, usedGroup, perAnswer, perEntity, valid, rejected)
	}
	sort.SliceStable(picked, func(i, j int) bool {
		if picked[i].sent.idx != picked[j].sent.idx {
			return picked[i].sent.idx < picked[j].sent.idx
		}
		return picked[i].order < picked[j].order
	})
	return picked
}

// moveAnswers adds items once the passes have picked all they could: a
// sentence left without an item, whose answer a picked item of another
// sentence asks for, asks for it instead when that other sentence has
// another answer to ask. Each such move puts one more answer in the set;
// the limits of the last pass still hold.
func moveAnswers(cands, picked []*candidate, n int, bySentence map[int][]*candidate, usedGroup map[string]bool,
	perAnswer map[string]int, perEntity map[*entity]int, valid map[*candidate]bool, rejected map[string]int) []*candidate {
	const entityLimit = 6
	ok := func(c *candidate) bool {
		if v, seen := valid[c]; seen {
			return v
		}
		valid[c] = c.q.Validate() == nil
		if !valid[c] {
			rejected[CheckInvalid]++
		}
		return valid[c]
	}
	at := map[string]int{} // the picked item asking each answer, by index
	for i, p := range picked {
		if p.answer != "" {
			at[p.answer] = i
		}
	}
	alts := map[int][]*candidate{} // the items of each sentence that ask for an answer, best first
	for _, c := range cands {
		if c.q.Kind != questions.TrueFalse && c.answer != "" {
			alts[c.sent.idx] = append(alts[c.sent.idx], c)
		}
	}
	without := func(list []*candidate, x *candidate) []*candidate {
		out := make([]*candidate, 0, len(list))
		for _, c := range list {
			if c != x {
				out = append(out, c)
			}
		}
		return out
	}
	for _, c := range cands {
		if len(picked) >= n {
			break
		}
		i, asked := at[c.answer]
		if c.answer == "" || !asked || len(bySentence[c.sent.idx]) > 0 || usedGroup[c.group] || c.q.Kind == questions.TrueFalse {
			continue
		}
		p := picked[i]
		if c.ent != nil && c.ent != p.ent && perEntity[c.ent] >= entityLimit || showsNeighbour(c, bySentence) || !ok(c) {
			continue
		}
		others := without(bySentence[p.sent.idx], p)
		var q *candidate
		for _, a := range alts[p.sent.idx] {
			if a.group == p.group || usedGroup[a.group] || perAnswer[a.answer] > 0 ||
				a.ent != nil && a.ent != p.ent && perEntity[a.ent] >= entityLimit || conflicts(a, others) || showsNeighbour(a, bySentence) || !ok(a) {
				continue
			}
			q = a
			break
		}
		if q == nil {
			continue
		}
		// p gives its answer up to c, and its sentence asks q's.
		usedGroup[p.group] = false
		perAnswer[p.answer]--
		if p.ent != nil {
			perEntity[p.ent]--
		}
		for _, x := range []*candidate{q, c} {
			usedGroup[x.group] = true
			perAnswer[x.answer]++
			if x.ent != nil {
				perEntity[x.ent]++
			}
		}
		bySentence[p.sent.idx] = append(others, q)
		bySentence[c.sent.idx] = []*candidate{c}
		picked[i] = q
		at[q.answer] = i
		at[c.answer] = len(picked)
		picked = append(picked, c)
	}
	return picked
}

// shortened finds how c can join the items already picked from its
// sentence when it conflicts with them: each picked item that conflicts
// gives way to the cut stem of its group and kind, or else to its
// group's cut cloze (see shortStem; a true/false statement has none),
// when that stem is valid and conflicts with nothing. It returns the
// replacements, or nil when there is no way; a cut stem never gives way
// again.
func shortened(c *candidate, same []*candidate, shorts map[groupKind]*candidate, valid map[*candidate]bool) map[*candidate]*candidate {
	swaps := map[*candidate]*candidate{}
	after := make([]*candidate, len(same))
	for i, p := range same {
		after[i] = p
		if !conflicts(c, []*candidate{p}) {
			continue
		}
		q := shorts[shortKey(p)]
		if q == nil && p.q.Kind != questions.TrueFalse {
			q = shorts[groupKind{p.group, questions.Cloze}]
		}
		if p.short || q == nil {
			return nil
		}
		if v, ok := valid[q]; ok && !v || !ok && q.q.Validate() != nil {
			valid[q] = false
			return nil
		}
		valid[q] = true
		swaps[p], after[i] = q, q
	}
	if len(swaps) == 0 || conflicts(c, after) {
		return nil
	}
	for i, p := range after {
		if conflicts(p, after[i+1:]) {
			return nil
		}
	}
	return swaps
}

// groupKind is a group of items and a kind, the key of the cut stems.
type groupKind struct {
	group string
	kind  questions.Kind
}

// shortKey names the cut stem that may stand in for an item: one of its
// group and kind.
func shortKey(c *candidate) groupKind { return groupKind{c.group, c.q.Kind} }

// tfPenalty is what a true/false statement loses in the selection when
// its sentence has an item that asks for an answer: a statement and an
// item of the same clause show each other, and the statement, which asks
// for no answer, is better spent on a sentence nothing else asks about.
const tfPenalty = 3.0

// datePenalty is what an item asking for a date loses in the selection
// when it and an item of its sentence asking for a person would give
// each other away ("In _____, Tomas Varga founded ..." and "In 1882,
// _____ founded ..."), so that the person is asked when the two score
// about alike: who did a thing is the fact the clause states, when is
// its detail (RUBRIC point 8). On the tuning half, of such pairs where
// the date was picked and the person lost, people had asked for the
// person and not the date 13 times, the other way round never. (A name
// of unknown type is no "who": with it the rule gained on the tuning
// half and lost on the report half.)
const datePenalty = 1.0

// ranks is what the selection ranks each candidate by: its score, less
// datePenalty for a date whose item and an item of its sentence asking
// for a person would give each other away.
func ranks(cands []*candidate) map[*candidate]float64 {
	people := map[int][]*candidate{} // the items of each sentence that ask for a person
	for _, c := range cands {
		if c.q.Kind != questions.TrueFalse && c.typ == ePerson {
			people[c.sent.idx] = append(people[c.sent.idx], c)
		}
	}
	rank := make(map[*candidate]float64, len(cands))
	for _, c := range cands {
		rank[c] = c.score
		if c.typ == eDate && c.q.Kind != questions.TrueFalse && conflicts(c, people[c.sent.idx]) {
			rank[c] -= datePenalty
		}
	}
	return rank
}

// showsNeighbour reports whether c and an item picked from the sentence
// before or after c's give each other away through a lead-in (see
// leadIn): c's lead-in shows the answer of an item of the sentence
// before, or the lead-in of an item of the sentence after shows c's.
func showsNeighbour(c *candidate, bySentence map[int][]*candidate) bool {
	if c.led {
		for _, p := range bySentence[c.sent.idx-1] {
			if reveals(c, p) {
				return true
			}
		}
	}
	for _, p := range bySentence[c.sent.idx+1] {
		if p.led && reveals(p, c) {
			return true
		}
	}
	return false
}

// conflicts reports whether c and an item already picked from the same
// sentence would give each other away: a stem that shows the other's
// answer, or a true/false statement about the same clause.
func conflicts(c *candidate, same []*candidate) bool {
	for _, p := range same {
		if reveals(c, p) || reveals(p, c) {
			return true
		}
		tf, other := c, p
		if tf.q.Kind != questions.TrueFalse {
			tf, other = p, c
		}
		if tf.q.Kind != questions.TrueFalse {
			continue
		}
		if !tf.q.Truth && prose.ContainsWord(prose.Plain(other.q.Stem), prose.Plain(tf.swapFrom)) {
			return true
		}
		if jaccard(contentWords(tf.q.Stem), contentWords(other.q.Stem)) >= 0.4 {
			return true
		}
	}
	return false
}

// reveals reports whether a's stem holds b's answer, or a word of it.
func reveals(a, b *candidate) bool {
	if b.key == "" {
		return false
	}
	stem := prose.Plain(a.q.Stem)
	if prose.ContainsWord(stem, prose.Plain(b.key)) {
		return true
	}
	var wordBuf [8]string
	for _, w := range nameWords(wordBuf[:0], b.key) {
		if prose.ContainsWord(stem, w) {
			return true
		}
	}
	return false
}

// worth is what an item's score gains or loses as a question a teacher
// would keep, beyond how likely people are to ask for its answer: the
// default set is cut by score plus worth, so that it keeps the items the
// generator is surest of. Each rule is a point of RUBRIC.md a rule can see
// in the item's parts: a stem leaning on a word it does not resolve (2),
// a noun phrase built on the topic's word (5), names offered against a
// name (6), the date a statistic was counted at, a name the document
// gives once in passing, a sentence under a heading of side matter (8);
// the lead paragraphs and sentences naming the topic say what the
// document is about. The weights were read off a blind judgement of the
// tuning half's items: a rule that fits every item it marks is worth
// more than one that fits most.
func (d *document) worth(c *candidate) float64 {
	w := 0.0
	s := c.sent
	if s.side {
		w -= 1.5
	}
	if s.prose < 2 {
		w += 0.3
	}
	if s.topical {
		w += 0.3
	}
	t := prose.Tokenize(c.q.Stem)
	if unresolvedWord(t) {
		w -= 2
	}
	// An item shown after the sentence before it (see leadIn) is longer
	// to read than one that stands alone: the default set prefers those.
	if c.led {
		w -= 0.5
	}
	if c.typ == eDate && countsAt(strings.ToLower(c.q.Stem)) {
		w -= 1.5
	}
	if c.ent != nil && c.ent.count <= 1 && !s.topical {
		w -= 0.5
	}
	if c.typ == eConcept && d.sharesTopic(c.key) {
		w -= 1
	}
	if whoForNoOne(t, c.typ) {
		w -= 1.5
	}
	if pointsAtPage(strings.ToLower(c.q.Stem)) || twoSentences(t) {
		w -= 1.5
	}
	if c.q.Kind == questions.MultipleChoice && c.typ != eDate && c.typ != eNumber {
		// Names offered against a name: the likeliest to be of another
		// kind than the key (a party against a navy, a country against a
		// city), which the checks cannot always tell.
		w -= 0.5
	}
	return w
}

// unresolvedWord reports whether a stem has a pronoun or a demonstrative
// whose referent it does not show: "he" or "his" with no name before it
// (a place after "at" or "in" is no one), "they" or "their" with no
// plural before it, "it" or "its" with nothing before it, "this",
// "these", "those", a "both" that ends a phrase. The checks turn away
// what surely leans on the text before; this is the doubt that remains.
func unresolvedWord(t []prose.Token) bool {
	named, plural, thing := false, false, false
	for i, w := range t {
		switch w.Lower {
		case "he", "him", "his", "she", "her", "hers":
			if !named {
				return true
			}
		case "they", "them", "their", "theirs":
			if !plural {
				return true
			}
		case "it", "its":
			if !thing {
				return true
			}
		case "this", "these", "those":
			// "those who supported it" says whom it means.
			if i+1 == len(t) || !t[i+1].Is("who", "which", "that", "whose", "whom") {
				return true
			}
		case "both":
			if i+1 == len(t) || t[i+1].Kind == prose.Punct {
				return true
			}
		}
		// "In what year", "how many": the question's own words name
		// nothing.
		if !w.IsWord() || functionList.has(w.Lower) || questionWords[w.Lower] || i > 0 && questionWords[t[i-1].Lower] {
			continue
		}
		thing = true
		// A first word is capitalised whatever it is: "Vetoing a bill,
		// he wrote" names no one.
		first := i == 0 && (strings.HasSuffix(w.Lower, "ing") || strings.HasSuffix(w.Lower, "ed") || strings.HasSuffix(w.Lower, "ly"))
		if w.Cap && !first && (i == 0 || !t[i-1].Is("at", "in", "on", "from", "to", "near", "of")) {
			named = true
		}
		plural = plural || !w.Cap && len(w.Lower) > 3 && strings.HasSuffix(w.Lower, "s") && !strings.HasSuffix(w.Lower, "ss")
	}
	return false
}

// whoForNoOne reports a question that asks "who" for what is surely no
// person, people or body of people: "Who is home to the largest fountain
// complex?" for a park. A name of unknown type may be someone.
func whoForNoOne(t []prose.Token, typ etype) bool {
	switch typ {
	case ePerson, eGroup, eOrg, eName:
		return false
	}
	return len(t) > 0 && t[len(t)-1].Text == "?" && t[0].Is("who", "whom", "whose")
}

// pageWords point at the page the document was on, not at its facts:
// "Here are a few examples of ...", "the following table".
var pageWords = []string{"here are", "here is", "the following", "as follows", "for comparison", "shown below",
	"shown above", "see below", "see above", "this article", "this section", "this page"}

// pointsAtPage reports a stem (in lower case) with one of pageWords.
func pointsAtPage(stem string) bool {
	stem = " " + stem
	for _, w := range pageWords {
		if strings.Contains(stem, " "+w) {
			return true
		}
	}
	return false
}

// titleAbbrevs end with a stop inside a sentence: "Dr. Suzuki".
var titleAbbrevs = prose.WordSet(`dr mr mrs ms st jr sr gen col lt capt sgt prof rev gov sen rep no vs mt ft`)

// twoSentences reports a stem that runs on into another sentence ("...
// bicameral parliament. Built in _____."): a sentence the splitter did
// not cut, or a heading glued to it.
func twoSentences(t []prose.Token) bool {
	for i := 1; i+2 < len(t); i++ {
		if t[i].Text == "." && t[i-1].IsWord() && !t[i-1].Cap && len(t[i-1].Text) > 1 && !titleAbbrevs[t[i-1].Lower] && t[i+1].Cap && t[i+1].IsWord() {
			return true
		}
	}
	return false
}

// questionWords open a question; they name nothing a pronoun could
// stand for.
var questionWords = prose.WordSet(`who whom whose what which when where why how`)

// sharesTopic reports whether a key is, or is built on, a word of the
// document's topic: "trumpet players" in an article on the trumpet,
// "Islamist" in one on Islamism. The title gives a noun phrase away; a
// name ("Mute Swan" in an article on swans) it does not.
func (d *document) sharesTopic(key string) bool {
	for _, w := range strings.Fields(prose.Normalize(key)) {
		if functionList.has(w) || len(w) < 4 {
			continue
		}
		if d.topicWords[w] {
			return true
		}
		for tw := range d.topicWords {
			n := 0
			for n < len(w) && n < len(tw) && w[n] == tw[n] {
				n++
			}
			if n >= 5 && n >= min(len(w), len(tw))-3 {
				return true
			}
		}
	}
	return false
}

// countsAt reports whether a cloze asking for a date (in lower case) asks
// only for when a figure was counted: "as of _____, there are 88
// schools", "over 10% of pupils were enrolled in _____".
func countsAt(stem string) bool {
	if strings.Contains(stem, "as of "+questions.Blank) {
		return true
	}
	if !strings.HasPrefix(stem, "in "+questions.Blank) && !strings.HasSuffix(stem, "in "+questions.Blank+".") {
		return false
	}
	for _, t := range prose.Tokenize(strings.ReplaceAll(stem, questions.Blank, " ")) {
		if t.Kind == prose.Number && (strings.Contains(t.Text, ",") || strings.Contains(t.Text, "%")) || t.Lower == "%" || t.Lower == "percent" {
			return true
		}
	}
	return false
}
