package generate

import "strings"

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
	return la == lb || len(la) >= 6 && editDistance(la, lb) <= 1 && la[0] == lb[0]
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
		return a[0] == b[0] && editDistance(a, b) <= 1
	}
	return false
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	var buf [2][64]int
	var prev, cur []int
	if len(rb) < 64 {
		prev, cur = buf[0][:len(rb)+1], buf[1][:len(rb)+1]
	} else {
		prev, cur = make([]int, len(rb)+1), make([]int, len(rb)+1)
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			c = min(c, prev[j]+1, cur[j-1]+1)
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
