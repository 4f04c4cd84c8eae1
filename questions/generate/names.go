package generate

import (
	"iter"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"factdrill/questions/generate/prose"
)

// mergeVariants joins the entities that name the same person: "Yuri
// Lutovinov", "Yury Lutovinov" and "Lutovinov"; "Aleksei Semyonovich
// Kiselyov" and "Aleksei Kiselyov". Two people who only share a surname
// ("Isaac Komnenos", "Alexius Komnenos") stay apart, and a lone surname
// that could be either of them is left alone.
//
// A single name that is a word of the topic's name ("Tesla" in a text
// about Nikola Tesla) is the topic, whoever else shares it: a text about
// a person calls them by their surname.
func mergeVariants(ents []*entity, topic *entity) {
	var people []*entity
	for _, e := range ents {
		if e.typ == ePerson && len(e.core) >= 2 {
			people = append(people, e)
		}
	}
	// Full names first: same surname, same or similar given name. Only
	// people whose surnames share a spelling key can match, so each is
	// compared with a few others rather than with everyone.
	for i, j := range surnamePairs(people) {
		for _, k := range j {
			a, b := people[i], people[k]
			ra, rb := a.root(), b.root()
			if ra == rb || !sameSurname(a.core, b.core) {
				continue
			}
			if similarGiven(a.core[0], b.core[0]) {
				join(ra, rb)
			}
		}
	}
	// Then single names: a surname or given name that fits exactly one
	// person.
	byWord := map[string][]int{}
	for i, p := range people {
		last := surnameOf(p.core)
		byWord[last] = append(byWord[last], i)
		if first := p.core[0]; first != last && firstNameList.has(first) {
			byWord[first] = append(byWord[first], i)
		}
	}
	for _, e := range ents {
		// A surname ending in "s" ("Adams") reads as a people's plural
		// and is typed a group; it is the person it names when a person's
		// name ends in it.
		if len(e.core) != 1 || e.merged != nil || (e.typ != ePerson && e.typ != eName && e.typ != eGroup) {
			continue
		}
		if topic != nil && topic != e && len(topic.core) >= 2 && (e.core[0] == topic.core[0] || e.core[0] == topic.core[len(topic.core)-1]) {
			join(topic.root(), e)
			continue
		}
		var match *entity
		ambiguous := false
		for _, i := range byWord[e.core[0]] {
			// "Cellists" is no surname of "Twelve Cellists of the Berlin
			// Philharmonic": a people merges only with a name it ends.
			if e.typ == eGroup && !strings.EqualFold(people[i].core[len(people[i].core)-1], e.core[0]) {
				continue
			}
			r := people[i].root()
			if r == e || r == match {
				continue
			}
			if match != nil {
				ambiguous = true
				break
			}
			match = r
		}
		if match != nil && !ambiguous {
			join(match, e)
		}
	}
}

// surnameOf returns the surname among a person's name words: the last,
// or the last before an "of" ("John P. Altgeld of Illinois" is Altgeld,
// and "Illinois" alone is the state, not him).
func surnameOf(core []string) string {
	for i := 1; i < len(core); i++ {
		if strings.EqualFold(core[i], "of") {
			return core[i-1]
		}
	}
	return core[len(core)-1]
}

// maxSurnameBucket bounds the people compared under one spelling key: a
// document naming hundreds of Smiths merges the first ones only, rather
// than comparing every pair.
const maxSurnameBucket = 64

// surnamePairs returns, for each person i, the later people j (in order)
// whose surname could be the same as i's: equal, or one edit apart (a
// deleted, added or changed letter). Two such surnames share a spelling
// key: the surname itself or the surname with one letter left out.
func surnamePairs(people []*entity) [][]int {
	buckets := map[string][]int{}
	for i, p := range people {
		last := p.core[len(p.core)-1]
		for _, k := range spellingKeys(last) {
			if b := buckets[k]; len(b) < maxSurnameBucket {
				buckets[k] = append(b, i)
			}
		}
	}
	out := make([][]int, len(people))
	for i, p := range people {
		seen := map[int]bool{}
		for _, k := range spellingKeys(p.core[len(p.core)-1]) {
			for _, j := range buckets[k] {
				if j > i && !seen[j] {
					seen[j] = true
					out[i] = append(out[i], j)
				}
			}
		}
		sort.Ints(out[i])
	}
	return out
}

// spellingKeys are a word and, when it is long enough to have spelling
// variants (see sameSurname), the word with each one letter left out.
func spellingKeys(w string) []string {
	keys := []string{w}
	if len(w) < 5 {
		return keys
	}
	rs := []rune(w)
	for i := range rs {
		keys = append(keys, string(rs[:i])+string(rs[i+1:]))
	}
	return keys
}

// join merges b into a.
func join(a, b *entity) {
	if a == b {
		return
	}
	if len(b.core) > len(a.core) {
		a.core = b.core
	}
	for i, f := range b.forms {
		found := false
		for j, g := range a.forms {
			if g == f {
				a.counts[j] += b.counts[i]
				found = true
			}
		}
		if !found {
			a.forms = append(a.forms, f)
			a.counts = append(a.counts, b.counts[i])
		}
	}
	a.count += b.count
	if b.first < a.first {
		a.first = b.first
	}
	for t := range a.votes {
		a.votes[t] += b.votes[t]
	}
	b.merged = a
}

func sameSurname(a, b []string) bool {
	la, lb := a[len(a)-1], b[len(b)-1]
	if isRomanWord(la) || isRomanWord(lb) {
		return false // regnal names: "Richard I" and "Richard II" differ
	}
	return la == lb || len(la) >= 6 && prose.WithinEdits(la, lb, 1) && la[0] == lb[0]
}

// similarGiven reports whether two given names are the same name spelt two
// ways ("Yuri", "Yury"), or a name and its initial.
func similarGiven(a, b string) bool {
	a, b = strings.TrimSuffix(a, "."), strings.TrimSuffix(b, ".")
	switch {
	case a == b:
		return true
	case len(a) == 1 || len(b) == 1:
		return a[0] == b[0]
	case len(a) >= 4 && len(b) >= 4:
		return a[0] == b[0] && prose.WithinEdits(a, b, 1)
	}
	return false
}

// birthNameWords introduce another name of the person just named, in
// parentheses: "Marie Curie (born Maria Salomea Skłodowska; …)".
var birthNameWords = map[string]bool{"born": true, "née": true, "nee": true, "formerly": true}

// mergeBirthNames joins a person and the other name given for them in the
// parentheses right after their name, so that neither is offered as a
// distractor for the other.
func mergeBirthNames(sents []*sentence) {
	for _, s := range sents {
		for i, m := range s.ments {
			if m.ent == nil || m.ent.root().typ != ePerson {
				continue
			}
			k := m.b
			if k+1 >= len(s.toks) || s.toks[k].Text != "(" || !birthNameWords[s.toks[k+1].Lower] {
				continue
			}
			for _, n := range s.ments[i+1:] {
				if n.a > k+3 {
					break
				}
				if n.a == k+2 && n.ent != nil && (n.ent.root().typ == ePerson || n.ent.root().typ == eName) {
					// The name in use stays the person's name, as shown
					// and as shortened to a surname; the other becomes one
					// of their forms, which no distractor may be.
					a := m.ent.root()
					core, disp := a.core, a.display()
					join(a, n.ent.root())
					a.core, a.disp = core, disp
				}
			}
		}
	}
}

// indexNames builds the document's lookups of names (see document). It
// runs after the clauses are read, since reading them may settle a
// name's type.
func (d *document) indexNames() {
	d.nameWords = map[string]bool{}
	d.shortNames = map[string]int{}
	d.longer = map[string][]*entity{}
	d.kindNames = map[string]int{}
	full := map[string][]string{}
	for _, e := range d.ents {
		if e.merged != nil {
			continue
		}
		for _, w := range e.core {
			if lw := strings.ToLower(w); kindNounList.has(lw) {
				d.kindNames[lw]++
				break
			}
		}
		if n := len(e.core); n > 1 {
			d.nameWords[e.core[0]] = true
			d.nameWords[e.core[n-1]] = true
		}
		if e.typ == ePerson {
			sh, name := e.short(), e.display()
			d.shortNames[sh]++
			// The topic's surname is the topic's in a stem: "Tesla" in a
			// text about Nikola Tesla is Nikola, whoever else shares it.
			if sh != name && e != d.topic {
				full[sh] = append(full[sh], name)
			}
		}
		name := e.display()
		for i := 1; i < len(name); i++ {
			if strings.HasPrefix(name[i:], " of ") || strings.HasPrefix(name[i:], " (") {
				d.longer[name[:i]] = append(d.longer[name[:i]], e)
			}
		}
	}
	shared := map[string][]string{}
	for sh, names := range full {
		// A word of the title is the topic's, whatever else bears it:
		// "Adams" in a text titled John Adams, "Liechtenstein" in one on
		// the country, however many castles and museums share it.
		if len(names) >= 2 && !(d.topic != nil && d.topic.typ == ePerson && d.topic.short() == sh) && !d.topicWords[prose.Normalize(sh)] {
			shared[sh] = names
		}
	}
	d.shared = newSurnames(shared)
}

// letterRuns yields the runs of letters and digits of s, in order: the
// words strings.FieldsFunc would cut at every other rune, read in place
// (this runs for every item checked).
func letterRuns(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i, size := 0, 1; i < len(s); i += size {
			var in bool
			if c := s[i]; c < utf8.RuneSelf {
				in, size = isAlnum(c), 1
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(s[i:])
				in = unicode.IsLetter(r) || unicode.IsDigit(r)
			}
			switch {
			case in && start < 0:
				start = i
			case !in && start >= 0:
				if !yield(s[start:i]) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}

// A surnames is the document's shared surnames (see document.shared),
// with the first bytes they start with: most words of a stem start with
// none of them, and are passed over without hashing them to look them up.
type surnames struct {
	names  map[string][]string
	starts [256]bool
}

// newSurnames indexes the shared surnames m.
func newSurnames(m map[string][]string) *surnames {
	s := &surnames{names: m}
	for n := range m {
		if n != "" {
			s.starts[n[0]] = true
		}
	}
	return s
}

// namesAmbiguously reports whether the stem names a person by a surname
// others share, without the full name that would tell who is meant:
// "Where was Curie born?" in a text about Marie and Pierre Curie.
func namesAmbiguously(stem string, shared *surnames) bool {
	if shared == nil || len(shared.names) == 0 {
		return false
	}
	// An ASCII stem (most are) is read a byte at a time, stopping only at
	// a word that starts with a surname's first byte.
	for i := 0; i < len(stem); i++ {
		c := stem[i]
		if c >= utf8.RuneSelf {
			return shared.anyAmbiguous(stem)
		}
		if !shared.starts[c] || !isAlnum(c) || i > 0 && isAlnum(stem[i-1]) {
			continue
		}
		j := i + 1
		for j < len(stem) && isAlnum(stem[j]) {
			j++
		}
		if j < len(stem) && stem[j] >= utf8.RuneSelf {
			return shared.anyAmbiguous(stem)
		}
		if shared.ambiguous(stem, stem[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// isAlnum reports an ASCII letter or digit.
func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// anyAmbiguous is namesAmbiguously for any stem, ASCII or not.
func (shared *surnames) anyAmbiguous(stem string) bool {
	for w := range letterRuns(stem) {
		if shared.starts[w[0]] && shared.ambiguous(stem, w) {
			return true
		}
	}
	return false
}

// ambiguous reports whether the word w of the stem is a shared surname
// that stands alone, outside every full name that bears it.
func (shared *surnames) ambiguous(stem, w string) bool {
	names, ok := shared.names[w]
	if !ok {
		return false
	}
	rest := stem
	for _, n := range names {
		rest = strings.ReplaceAll(rest, n, "")
	}
	return prose.ContainsWord(rest, w)
}
