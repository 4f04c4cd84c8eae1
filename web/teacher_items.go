package web

import (
	"cmp"
	"fmt"
	"math"
	"net/http"
	"slices"
	"strings"

	"factdrill/questions"
	"factdrill/quiz"
	"factdrill/views"
)

// teacherItems is item analysis of a set over the attempts made in the
// teacher's classes: facility, discrimination, how often each option was
// chosen, and flags on questions that mislead. Flagged questions come
// first, generated ones before the others, each with a link to edit it.
func (s *Server) teacherItems(w http.ResponseWriter, r *http.Request, id int64) error {
	tc := teacherOf(r)
	info, qs, sums, attempts, err := s.store.ItemSums(r.Context(), tc.ID, id)
	if err != nil {
		return err
	}
	set := make([]questions.Question, len(qs))
	for i, q := range qs {
		set[i] = q.Question
	}
	stats := quiz.AnalyzeSums(set, sums)
	m := views.ItemsPage{TeacherPage: s.tpage(r, "Item analysis: "+info.Title, ""), SetID: info.ID, SetTitle: info.Title,
		Attempts: attempts, MinN: quiz.MinItemResponses}
	for _, st := range stats {
		if st.N == 0 {
			continue
		}
		q := set[st.Question]
		row := views.ItemRow{Number: st.Question + 1, Name: stemText(q), Kind: q.Kind.Label(), Generated: st.Generated, N: st.N,
			Facility: int(math.Round(100 * st.Facility)), Discrimination: "—", Blank: st.Blank, Misleads: st.Misleads()}
		if !math.IsNaN(st.Discrimination) {
			row.Discrimination = fmt.Sprintf("%.2f", st.Discrimination)
		}
		if q.Source != nil {
			row.Source = q.Source.Sentence
		}
		if info.OwnerID == tc.ID {
			row.EditURL = fmt.Sprintf("/teacher/sets/%d/edit#q%d", info.ID, st.Question)
		}
		row.GradingURL = views.GradingURL(info.ID, qs[st.Question].ID, 0)
		if q.Kind == questions.ShortAnswer || q.Kind == questions.Cloze {
			for _, o := range st.Options {
				if !o.Key && o.Count > 0 {
					row.Wrong = append(row.Wrong, views.WrongAnswer{Text: o.Text, Count: o.Count})
				}
			}
			if info.OwnerID == tc.ID {
				row.AcceptURL = fmt.Sprintf("/teacher/sets/%d/questions/%d/accept", info.ID, qs[st.Question].ID)
			}
		}
		for _, o := range st.Options {
			row.Options = append(row.Options, views.ItemOption{Text: o.Text, Key: o.Key, Count: o.Count,
				Percent: int(math.Round(100 * float64(o.Count) / float64(max(st.N, 1))))})
		}
		for _, f := range st.Flags {
			row.Flags = append(row.Flags, string(f))
		}
		if row.Misleads {
			m.Flagged++
		}
		m.Items = append(m.Items, row)
	}
	slices.SortStableFunc(m.Items, func(a, b views.ItemRow) int {
		rank := func(r views.ItemRow) int {
			switch {
			case r.Misleads && r.Generated:
				return 0
			case r.Misleads:
				return 1
			}
			return 2
		}
		return cmp.Compare(rank(a), rank(b))
	})
	s.render(w, r, views.ItemsView(m))
	return nil
}

// stemText is a question's stem as one line of plain text, shortened, for
// tables and lists.
func stemText(q questions.Question) string {
	text := strings.Join(strings.Fields(q.Stem), " ")
	if r := []rune(text); len(r) > 200 {
		text = string(r[:199]) + "…"
	}
	if text == "" {
		return q.Name()
	}
	return text
}
