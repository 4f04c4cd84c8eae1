package web

import (
	"reflect"
	"testing"

	"factdrill/db"
	"factdrill/views"
)

func TestNavigatorOf(t *testing.T) {
	upTo := func(from, to int) []int {
		var ps []int
		for p := from; p <= to; p++ {
			ps = append(ps, p-1)
		}
		return ps
	}
	numbers := func(nav views.Navigator) []int {
		var ns []int
		for _, it := range nav.Items {
			ns = append(ns, it.Number)
		}
		return ns
	}
	for _, c := range []struct {
		name           string
		marks          db.Marks
		number         int
		filter         string
		want           views.Navigator // without its Items
		first, last, n int
	}{
		{"short quiz", db.NewMarks(7, upTo(1, 2), nil), 2, "",
			views.Navigator{From: 1, To: 7, Total: 7, NextUnanswered: 3, Unanswered: 5}, 1, 7, 7},
		{"wraps round", db.NewMarks(7, upTo(3, 7), nil), 7, "",
			views.Navigator{From: 1, To: 7, Total: 7, NextUnanswered: 1, Unanswered: 2}, 1, 7, 7},
		{"all answered", db.NewMarks(3, upTo(1, 3), nil), 3, "",
			views.Navigator{From: 1, To: 3, Total: 3}, 1, 3, 3},
		{"first page", db.NewMarks(120, nil, nil), 10, "",
			views.Navigator{From: 1, To: 50, Total: 120, Next: 51, NextUnanswered: 11, Unanswered: 120}, 1, 50, 50},
		{"middle page", db.NewMarks(120, nil, nil), 51, "",
			views.Navigator{From: 51, To: 100, Total: 120, Prev: 1, Next: 101, NextUnanswered: 52, Unanswered: 120}, 51, 100, 50},
		{"last page", db.NewMarks(120, upTo(1, 119), nil), 120, "",
			views.Navigator{From: 101, To: 120, Total: 120, Prev: 51, Unanswered: 1}, 101, 120, 20},
		{"unknown filter lists all", db.NewMarks(3, nil, nil), 1, "nonsense",
			views.Navigator{From: 1, To: 3, Total: 3, NextUnanswered: 2, Unanswered: 3}, 1, 3, 3},
		// 5,000 questions, the even ones answered: the unanswered are
		// 1, 3, 5...; question 2,001 is the 1,001st of them, on their
		// 21st page (1,001–1,050: questions 2,001 to 2,099).
		{"unanswered of 5,000", db.NewMarks(5000, evens(5000), nil), 2001, views.NavUnanswered,
			views.Navigator{Filter: views.NavUnanswered, From: 1001, To: 1050, Total: 2500, Prev: 1901, Next: 2101, NextUnanswered: 2003, Unanswered: 2500},
			2001, 2099, 50},
		// An answered question is not in the list: the page shown is
		// the one it would be on.
		{"unanswered, on an answered one", db.NewMarks(5000, evens(5000), nil), 2002, views.NavUnanswered,
			views.Navigator{Filter: views.NavUnanswered, From: 1001, To: 1050, Total: 2500, Prev: 1901, Next: 2101, NextUnanswered: 2003, Unanswered: 2500},
			2001, 2099, 50},
		{"flagged", db.NewMarks(200, nil, []int{4, 99, 150}), 1, views.NavFlagged,
			views.Navigator{Filter: views.NavFlagged, From: 1, To: 3, Total: 3, NextUnanswered: 2, Unanswered: 200, Flagged: 3}, 5, 151, 3},
		{"none flagged", db.NewMarks(200, nil, nil), 1, views.NavFlagged,
			views.Navigator{Filter: views.NavFlagged, NextUnanswered: 2, Unanswered: 200}, 0, 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := navigatorOf(c.marks, c.number, c.filter)
			ns := numbers(got)
			got.Items = nil
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("navigator = %+v, want %+v", got, c.want)
			}
			if len(ns) != c.n || (c.n > 0 && (ns[0] != c.first || ns[len(ns)-1] != c.last)) {
				t.Errorf("lists %d questions %v, want %d from %d to %d", len(ns), ns, c.n, c.first, c.last)
			}
		})
	}
}

// evens are the positions of the even-numbered questions of n.
func evens(n int) []int {
	var ps []int
	for p := 1; p < n; p += 2 {
		ps = append(ps, p)
	}
	return ps
}
