package generate

import (
	"math"
	"sort"

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

// defaultCount is the set size that fits a document of the given length:
// about one item per 28 words for a page or two, growing more slowly after.
func defaultCount(words int) int {
	n := int(math.Round(float64(words) / 24))
	if n > 40 {
		n = 40 + (words-40*24)/150
	}
	return min(max(n, 3), 400)
}

// selectItems ranks the checked candidates and picks n: the best first,
// no two asking the same thing, spread over the document, in the kind mix
// asked for. The result is in document order.
//
// The spread follows the paragraphs: each gets a share of the set in
// proportion to its words (paraWords, by block), as a reader's questions
// would; a pass that loosens the limits lets the share be passed.
func selectItems(cands []*candidate, n int, kinds []questions.Kind, paraWords map[int]int, rejected map[string]int) []*candidate {
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
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
	for _, c := range cands {
		byKind[c.q.Kind] = append(byKind[c.q.Kind], c)
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
			if !conflicts(c, bySentence[c.sent.idx]) {
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
				eff := c.score - 0.75*float64(perKind[k])/float64(max(1, quota[k]))
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
	sort.SliceStable(picked, func(i, j int) bool {
		if picked[i].sent.idx != picked[j].sent.idx {
			return picked[i].sent.idx < picked[j].sent.idx
		}
		return picked[i].order < picked[j].order
	})
	return picked
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
	for _, w := range nameWords(b.key) {
		if prose.ContainsWord(stem, w) {
			return true
		}
	}
	return false
}
