package generate

import (
	"factdrill/questions/generate/prose"
	"strings"
)

// mergeVariants joins the entities that name the same person: "Yuri
// Lutovinov", "Yury Lutovinov" and "Lutovinov"; "Aleksei Semyonovich
// Kiselyov" and "Aleksei Kiselyov". Two people who only share a surname
// ("Isaac Komnenos", "Alexius Komnenos") stay apart, and a lone surname
// that could be either of them is left alone.
func mergeVariants(ents []*entity) {
	var people []*entity
	for _, e := range ents {
		if e.typ == ePerson && len(e.core) >= 2 {
			people = append(people, e)
		}
	}
	// Full names first: same surname, same or similar given name.
	for i, a := range people {
		for _, b := range people[i+1:] {
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
	for _, e := range ents {
		if len(e.core) != 1 || e.merged != nil || (e.typ != ePerson && e.typ != eName) {
			continue
		}
		w := e.core[0]
		var match *entity
		ambiguous := false
		for _, p := range people {
			r := p.root()
			if r == e || r == match {
				continue
			}
			last := p.core[len(p.core)-1]
			if last == w || p.core[0] == w && firstNames[w] {
				if match != nil {
					ambiguous = true
					break
				}
				match = r
			}
		}
		if match != nil && !ambiguous {
			join(match, e)
		}
	}
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
	return la == lb || len(la) >= 6 && prose.EditDistance(la, lb) <= 1 && la[0] == lb[0]
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
		return a[0] == b[0] && prose.EditDistance(a, b) <= 1
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

// sharedSurnames maps each surname two or more people of the document
// share to their full names ("Curie": "Marie Curie", "Pierre Curie").
func (d *document) sharedSurnames() map[string][]string {
	by := map[string][]string{}
	for _, e := range d.ents {
		if e.merged == nil && e.typ == ePerson {
			if sh, full := e.short(), e.display(); sh != full {
				by[sh] = append(by[sh], full)
			}
		}
	}
	for sh, names := range by {
		if len(names) < 2 {
			delete(by, sh)
		}
	}
	return by
}

// namesAmbiguously reports whether the stem names a person by a surname
// others share, without the full name that would tell who is meant:
// "Where was Curie born?" in a text about Marie and Pierre Curie.
func namesAmbiguously(stem string, shared map[string][]string) bool {
	for sh, names := range shared {
		if !prose.ContainsWord(stem, sh) {
			continue
		}
		rest := stem
		for _, n := range names {
			rest = strings.ReplaceAll(rest, n, "")
		}
		if prose.ContainsWord(rest, sh) {
			return true
		}
	}
	return false
}
