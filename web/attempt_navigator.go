package web

import (
	"factdrill/db"
	"factdrill/views"
)

// navFilters are the navigator's lists by the name the page's address
// gives them (?show=).
var navFilters = map[string]db.MarkFilter{
	views.NavAll:        db.AllQuestions,
	views.NavUnanswered: db.Unanswered,
	views.NavFlagged:    db.Flagged,
}

// navFilter is the list named name in an address or a button ("all" and
// unknown names are the whole list).
func navFilter(name string) string {
	if _, ok := navFilters[name]; ok {
		return name
	}
	return views.NavAll
}

// navigatorOf is the question navigation of question number (from 1) of
// an attempt with marks m, listing what filter picks: the page of the
// list the question is on, or would be on were the filter to pick it. It
// reads the marks a word of 64 questions at a time and lists one page, so
// it costs the same whatever the attempt's length.
func navigatorOf(m db.Marks, number int, filter string) views.Navigator {
	f, ok := navFilters[filter]
	if !ok {
		filter, f = views.NavAll, db.AllQuestions
	}
	pos := number - 1
	nav := views.Navigator{Filter: filter, Total: m.Count(f), Unanswered: m.Count(db.Unanswered), Flagged: m.Count(db.Flagged)}
	if next := m.Next(db.Unanswered, pos); next >= 0 {
		nav.NextUnanswered = next + 1
	}
	if nav.Total == 0 {
		return nav
	}
	skip := min(m.Rank(f, pos), nav.Total-1) / views.NavPage * views.NavPage
	ps := m.Positions(f, skip, views.NavPage)
	for _, p := range ps {
		nav.Items = append(nav.Items, views.NavItem{Number: p + 1, Answered: m.Answered(p), Flagged: m.Flagged(p), Current: p == pos})
	}
	nav.From, nav.To = skip+1, skip+len(ps)
	if skip > 0 {
		nav.Prev = m.Positions(f, skip-views.NavPage, 1)[0] + 1
	}
	if nav.To < nav.Total {
		nav.Next = m.Positions(f, nav.To, 1)[0] + 1
	}
	return nav
}
