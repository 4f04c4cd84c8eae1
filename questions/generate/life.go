package generate

import (
	"strings"

	"factdrill/questions/generate/prose"
)

// lifeClauses turns the dates in brackets after the name of the topic, a
// person, into the statements they make, which the sentence leaves unsaid
// and people ask about: "Michael Faraday, FRS (22 September 1791 – 25 August 1867) was
// ..." says "Michael Faraday was born on 22 September 1791." and "Michael
// Faraday died on 25 August 1867."; "(born June 14, 1736, Angoulême -
// died August 23, 1806, Paris)" the same. Only a day, a month or a year
// is read: a range or an estimate ("c. 1450") says no date of birth.
func (d *document) lifeClauses(s *sentence) {
	// The lead paragraph gives them; brackets further on date terms of
	// office, works and relatives ("Grover Cleveland (1893-1897)" in a
	// paper's title).
	if d.topic == nil || d.topic.typ != ePerson || s.prose != 0 {
		return
	}
	t := s.toks
	for _, m := range s.ments {
		// The topic's dates only: another person's are side matter ("his
		// wife Sarah Barnard (1800–1879)"), and a name read as a person's
		// may be a work's ("The Winning of the West (1889–1896)").
		if m.typ != ePerson || m.ent == nil || m.poss || m.ent.root() != d.topic.root() {
			continue
		}
		open := lifeBracket(t, m.b)
		if open < 0 {
			continue
		}
		end := closeBracket(t, open, len(t))
		var dates []mention
		for _, x := range s.ments {
			if x.typ == eDate && x.a > open && x.b < end {
				dates = append(dates, x)
			}
		}
		// "(1187–1241)" is read as one range of years.
		if len(dates) == 1 && dates[0].date.kind == dRange && dates[0].b-dates[0].a == 3 && !hasWord(t, open+1, dates[0].a, "reigned", "r.", "ruled", "fl.", "c.", "circa") {
			r := dates[0]
			// Whole years, the second later: not "(1525–32)".
			if y0, y1 := t[r.a], t[r.a+2]; y0.Kind == prose.Number && y1.Kind == prose.Number && len(y0.Text) == len(y1.Text) && y0.Text < y1.Text {
				for _, x := range []string{" was born in " + t[r.a].Text, " died in " + t[r.a+2].Text} {
					d.addLifeClause(s, m, x)
				}
			}
			continue
		}
		born, died := -1, -1
		switch {
		case len(dates) == 2 && (hasWord(t, dates[0].b, dates[1].a, "died", "d.") || dashBetween(t, dates[0].b, dates[1].a)):
			born, died = 0, 1
			if hasWord(t, open+1, dates[0].a, "died", "d.") {
				return // "(died 1867 ...)": no birth
			}
		case len(dates) == 1 && hasWord(t, open+1, dates[0].a, "born", "b."):
			born = 0
		case len(dates) == 1 && hasWord(t, open+1, dates[0].a, "died", "d."):
			died = 0
		default:
			continue
		}
		for _, f := range []struct {
			i    int
			verb string
		}{{born, "was born"}, {died, "died"}} {
			i, verb := f.i, f.verb
			if i < 0 {
				continue
			}
			prep := lifePreposition(dates[i].date)
			if prep == "" {
				continue
			}
			d.addLifeClause(s, m, " "+verb+" "+prep+" "+dates[i].text)
		}
	}
}

// addLifeClause adds the statement that person m of s then what (" was
// born in 1791").
func (d *document) addLifeClause(s *sentence, m mention, what string) {
	c := d.newClause(s, m.text+what+".", true)
	// The date is asked for, never the person: "Who died on February
	// 3?" has many answers.
	c.swapped = m.ent
	if c.ok {
		s.clauses = append(s.clauses, c)
	}
}

// lifeBracket is the opening bracket of a person's dates right after the
// name at t[b], past a comma and honours or "Jr." after it ("Michael
// Faraday, FRS (1791 – 1867)"), or -1.
func lifeBracket(t []prose.Token, b int) int {
	for k := b; k < len(t) && k < b+4; k++ {
		switch {
		case t[k].Text == "(":
			return k
		case t[k].Text == "," || t[k].Lower == "jr." || t[k].IsWord() && isUpperWord(t[k].Text) && strings.ToUpper(t[k].Text) == t[k].Text:
			// "FRS", "KBE", "Jr.", not "Sr." (the father)
		default:
			return -1
		}
	}
	return -1
}

// lifePreposition is the preposition a date of birth takes: "on" a day,
// "in" a month or a year, "" for any other kind of date.
func lifePreposition(v dateVal) string {
	switch v.kind {
	case dFull:
		return "on"
	case dMonthYear, dYear:
		return "in"
	}
	return ""
}

// hasWord reports whether t[a:b] holds one of the words.
func hasWord(t []prose.Token, a, b int, words ...string) bool {
	for k := max(a, 0); k < b && k < len(t); k++ {
		for _, w := range words {
			if t[k].Lower == w {
				return true
			}
		}
	}
	return false
}

// dashBetween reports whether t[a:b] is a dash or a hyphen between two
// dates, nothing else but spaces and commas.
func dashBetween(t []prose.Token, a, b int) bool {
	dash := false
	for k := a; k < b; k++ {
		switch t[k].Text {
		case "–", "—", "-", "−":
			dash = true
		case ",":
		default:
			if !(t[k].IsWord() && t[k].Cap) { // a place of birth: "Angoulême, France"
				return false
			}
		}
	}
	return dash
}
