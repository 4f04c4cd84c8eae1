package web

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

// editPageSize is how many questions a page of the set editor holds: a
// set of thousands is edited a page at a time, so that neither the page
// nor the form it posts grows with the set (a whole 5,000-question set did
// not fit the form's 1 MB).
const editPageSize = 50

// setEditShow is the set editor: the review step after an upload or a
// generation, and the way to correct a set later. It shows a page of the
// set's questions.
func (s *Server) setEditShow(w http.ResponseWriter, r *http.Request, id int64) error {
	tc := teacherOf(r)
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	info, qs, total, err := s.store.SetQuestionsPage(r.Context(), tc.ID, id, "", db.Page{Offset: (max(page, 1) - 1) * editPageSize, Size: editPageSize})
	if err != nil {
		return err
	}
	if info.OwnerID != tc.ID {
		return errSharedSet
	}
	m := views.SetEditPage{TeacherPage: s.tpage(r, "Edit "+info.Title, ""), SetID: info.ID, SetTitle: info.Title,
		Description: info.Description, Published: info.Published, Total: total,
		Pager: views.NewPager(page, editPageSize, total, fmt.Sprintf("/teacher/sets/%d/edit", info.ID), r.URL.Query())}
	if asked, _ := strconv.Atoi(r.URL.Query().Get("asked")); asked > total && r.URL.Query().Get("notice") == "generated" {
		m.Notice = fewerNotice(asked, total)
	}
	for _, q := range qs {
		it := editItem(q.Position, q.Question)
		it.ID, it.Image = q.ID, imageControl(id, page, q.Position, q)
		m.Items = append(m.Items, it)
	}
	s.render(w, r, views.SetEditView(m))
	return nil
}

// imageControl is the image control of the question at position i of the
// set, on page of the editor, which it comes back to.
func imageControl(setID int64, page, i int, q db.StoredQuestion) views.ImageControl {
	return views.NewImageControl(q.ID, q.Question, fmt.Sprintf("/teacher/sets/%d/edit?page=%d#q%d", setID, max(page, 1), i))
}

// errSharedSet refuses a change to a set of no teacher's.
var errSharedSet = questions.Errorf(questions.CodeForbidden, "%s", "This set is shared by the server: change its file in the questions folder instead.")

// ownSet reads the set of the path that the teacher may change: their own.
// A shared set (of no teacher's) is read-only, and another teacher's is
// not found.
func (s *Server) ownSet(r *http.Request, id int64) (db.SetInfo, []db.StoredQuestion, error) {
	tc := teacherOf(r)
	info, qs, err := s.store.TeacherSet(r.Context(), tc.ID, id)
	if err == nil && info.OwnerID != tc.ID {
		err = errSharedSet
	}
	return info, qs, err
}

func editItem(i int, q questions.Question) views.EditItem {
	it := views.EditItem{Index: i, Keep: true, Kind: q.Kind, Stem: q.Stem, Multiple: q.Multiple, Truth: q.Truth, Source: q.Source}
	for _, c := range q.Choices {
		it.Choices = append(it.Choices, views.EditChoice{Text: c.Text, Right: c.Weight > 0})
	}
	var lines []string
	for _, a := range q.Answers {
		lines = append(lines, a.Text)
	}
	it.Answers = strings.Join(lines, "\n")
	if len(q.Numbers) > 0 {
		it.Number = strconv.FormatFloat(q.Numbers[0].Value, 'g', -1, 64)
		it.Tolerance = strconv.FormatFloat(q.Numbers[0].Tolerance, 'g', -1, 64)
	}
	lines = nil
	for _, p := range q.Pairs {
		lines = append(lines, p.Prompt+" = "+p.Answer)
	}
	it.Pairs = strings.Join(lines, "\n")
	return it
}

// setEdit saves the editor's form: the questions ticked, as edited. A
// question that is not valid any more is shown again with what is wrong,
// and nothing is saved.
func (s *Server) setEdit(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	info, qs, err := s.ownSet(r, id)
	if err != nil {
		return err
	}
	page, _ := formInt(f, "page", 1, views.FieldErrors{})
	posted := postedIDs(f)
	if n, _ := formInt(f, "count", -1, views.FieldErrors{}); n != len(qs) || !samePlaces(posted, qs) {
		s.editConflict(w, r, info, qs, f, page, posted, n)
		return nil
	}
	pager := views.NewPager(page, editPageSize, len(qs), fmt.Sprintf("/teacher/sets/%d/edit", info.ID), nil)
	m := views.SetEditPage{TeacherPage: s.tpage(r, "Edit "+info.Title, ""), SetID: info.ID,
		SetTitle: f.Get("title"), Description: f.Get("description"), Published: info.Published, Errors: views.FieldErrors{},
		Total: len(qs), Pager: pager}
	edit := db.SetEdit{Title: strings.Join(strings.Fields(m.SetTitle), " "), Description: strings.TrimSpace(m.Description), Publish: f.Get("publish") == "1"}
	bad := 0
	for i, stored := range qs {
		if i < pager.Offset() || i >= pager.Offset()+pager.Size {
			// Not on the page posted: kept as it is.
			edit.Questions = append(edit.Questions, stored)
			continue
		}
		q, it := editedQuestion(i, i, stored.Question, f)
		it.ID, it.Image = stored.ID, imageControl(info.ID, page, i, stored)
		if it.Keep && it.Error == "" {
			if err := q.Validate(); err != nil {
				it.Error = questions.Sentence(strings.ReplaceAll(err.Error(), "\n", "; "))
			}
		}
		if it.Error != "" {
			bad++
		}
		m.Items = append(m.Items, it)
		if it.Keep {
			edit.Questions = append(edit.Questions, db.StoredQuestion{ID: stored.ID, Question: q})
		}
	}
	if edit.Title == "" || !utf8.ValidString(edit.Title) || utf8.RuneCountInString(edit.Title) > 200 {
		m.Errors["title"] = "The set needs a title of at most 200 characters."
	}
	if !utf8.ValidString(edit.Description) || utf8.RuneCountInString(edit.Description) > 500 {
		m.Errors["description"] = "The description is longer than 500 characters."
	}
	switch {
	case bad > 0:
		m.Errors[""] = fmt.Sprintf("%s to correct; nothing was saved.", views.Plural(bad, "question"))
	case len(m.Errors) > 0:
		m.Errors[""] = "Nothing was saved: see the messages below."
	case len(edit.Questions) == 0:
		m.Errors[""] = "Keep at least one question, or delete the set from its page."
	}
	if len(m.Errors) == 0 {
		_, err = s.store.UpdateSet(r.Context(), teacherOf(r).ID, info.ID, edit)
		if err := problem(m.Errors, "", err); err != nil {
			return err
		}
	}
	if len(m.Errors) > 0 {
		s.renderStatus(w, r, http.StatusUnprocessableEntity, views.SetEditView(m))
		return nil
	}
	notice := "saved"
	if edit.Publish {
		notice = "published"
	}
	redirect(w, r, fmt.Sprintf("/teacher/sets/%d?notice=%s", info.ID, notice))
	return nil
}

// postedIDs are the ids of the questions the editor's form was drawn with,
// by their place in the set (the fields "q{i}-id").
func postedIDs(f map[string][]string) map[int]int64 {
	ids := map[int]int64{}
	for k, v := range f {
		rest, ok := strings.CutPrefix(k, "q")
		if n, ok2 := strings.CutSuffix(rest, "-id"); ok && ok2 && len(v) > 0 {
			i, err1 := strconv.Atoi(n)
			id, err2 := strconv.ParseInt(v[0], 10, 64)
			if err1 == nil && err2 == nil && i >= 0 {
				ids[i] = id
			}
		}
	}
	return ids
}

// samePlaces reports whether every question posted is still at the place
// it had when the form was drawn: else the form's fields, which go by
// place, would edit other questions than those the teacher saw.
func samePlaces(posted map[int]int64, qs []db.StoredQuestion) bool {
	for i, id := range posted {
		if i >= len(qs) || qs[i].ID != id {
			return false
		}
	}
	return true
}

// editConflict answers an edit of a set that changed since the editor was
// drawn (a save from another tab, or the same form sent again after Back):
// nothing is saved, and the editor comes back, with status 409, showing
// the set as it is now with what the teacher typed put on the questions
// they typed it for, and a message saying what changed.
func (s *Server) editConflict(w http.ResponseWriter, r *http.Request, info db.SetInfo, qs []db.StoredQuestion, f url.Values, page int, posted map[int]int64, had int) {
	from := map[int64]int{}
	for i, id := range posted {
		from[id] = i
	}
	pager := views.NewPager(page, editPageSize, len(qs), fmt.Sprintf("/teacher/sets/%d/edit", info.ID), nil)
	m := views.SetEditPage{TeacherPage: s.tpage(r, "Edit "+info.Title, ""), SetID: info.ID,
		SetTitle: f.Get("title"), Description: f.Get("description"), Published: info.Published,
		Errors: views.FieldErrors{}, Total: len(qs), Pager: pager}
	inSet := map[int64]bool{}
	for _, q := range qs {
		inSet[q.ID] = true
	}
	for i := pager.Offset(); i < min(len(qs), pager.Offset()+pager.Size); i++ {
		it := editItem(i, qs[i].Question)
		if j, ok := from[qs[i].ID]; ok {
			_, it = editedQuestion(i, j, qs[i].Question, f)
		}
		it.ID, it.Image = qs[i].ID, imageControl(info.ID, page, i, qs[i])
		m.Items = append(m.Items, it)
	}
	msg := "This set was changed after this page was opened (by a save in another tab, or by this form sent before), so nothing was saved."
	if had >= 0 && had != len(qs) {
		msg = fmt.Sprintf("This set was changed after this page was opened: it had %s, it has %d now. Nothing was saved.", views.Plural(had, "question"), len(qs))
	}
	gone := 0
	for _, id := range posted {
		if !inSet[id] {
			gone++
		}
	}
	msg += " Below is the set as it is now, with your changes on the questions you made them to: check them, then save again."
	switch {
	case gone == 1:
		msg += " A question you had open is no longer in the set."
	case gone > 1:
		msg += fmt.Sprintf(" %d questions you had open are no longer in the set.", gone)
	}
	m.Errors[""] = msg
	s.renderStatus(w, r, http.StatusConflict, views.SetEditView(m))
}

// editedQuestion applies the editor's fields posted for the question at
// place from to the stored question q, now at place i; what the editor
// does not show (feedback, weights of options whose rightness did not
// change, the source) is kept.
func editedQuestion(i, from int, q questions.Question, f map[string][]string) (questions.Question, views.EditItem) {
	p := "q" + strconv.Itoa(from) + "-"
	get := func(k string) string {
		if v := f[p+k]; len(v) > 0 {
			return strings.ReplaceAll(v[0], "\r\n", "\n")
		}
		return ""
	}
	it := editItem(i, q)
	it.Keep = get("keep") == "1"
	it.Stem = strings.TrimSpace(get("stem"))
	q.Stem = it.Stem
	var texts []string
	switch q.Kind {
	case questions.MultipleChoice:
		texts = f[p+"choice"]
		right := map[int]bool{}
		for _, v := range f[p+"right"] {
			if n, err := strconv.Atoi(v); err == nil {
				right[n] = true
			}
		}
		if len(texts) != len(q.Choices) {
			it.Error = "The options of this question were not all sent; open the editor again."
			break
		}
		changed := false
		for k := range q.Choices {
			q.Choices[k].Text = strings.TrimSpace(texts[k])
			it.Choices[k] = views.EditChoice{Text: q.Choices[k].Text, Right: right[k]}
			changed = changed || (q.Choices[k].Weight > 0) != right[k]
		}
		if changed {
			reweigh(&q, right)
		}
	case questions.TrueFalse:
		q.Truth = get("truth") == "true"
		it.Truth = q.Truth
	case questions.ShortAnswer, questions.Cloze:
		it.Answers = get("answers")
		old := map[string]questions.Choice{}
		for _, a := range q.Answers {
			old[a.Text] = a
		}
		q.Answers = nil
		for line := range strings.Lines(it.Answers) {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			a, ok := old[line]
			if !ok {
				a = questions.Choice{Text: line, Weight: 100}
			}
			q.Answers = append(q.Answers, a)
			texts = append(texts, line)
		}
	case questions.Numerical:
		it.Number, it.Tolerance = get("number"), get("tolerance")
		v, err1 := parseNumber(it.Number)
		tol, err2 := parseNumber(it.Tolerance)
		if it.Tolerance == "" {
			tol, err2 = 0, nil
		}
		if err1 != nil || err2 != nil || tol < 0 {
			it.Error = "The answer and the tolerance must be numbers, such as 1917 or 0.5."
			break
		}
		if len(q.Numbers) == 0 {
			q.Numbers = []questions.Number{{Weight: 100}}
		}
		q.Numbers[0].Value, q.Numbers[0].Tolerance = v, tol
	case questions.Matching:
		it.Pairs = get("pairs")
		q.Pairs = nil
		for line := range strings.Lines(it.Pairs) {
			if strings.TrimSpace(line) == "" {
				continue
			}
			prompt, answer, ok := strings.Cut(line, "=")
			if !ok {
				prompt, answer = "", line
			}
			q.Pairs = append(q.Pairs, questions.Pair{Prompt: strings.TrimSpace(prompt), Answer: strings.TrimSpace(answer)})
			texts = append(texts, line)
		}
	}
	if !it.Keep {
		it.Error = "" // a question dropped needs no correcting
	} else if it.Error == "" {
		for _, s := range append(texts, q.Stem) {
			if !utf8.ValidString(s) {
				it.Error = "A text is not valid UTF-8."
			}
		}
	}
	return q, it
}

// reweigh gives a multiple-choice question new weights from the options
// marked right: the right ones share 100%, and in a question with several
// right answers the wrong ones share -100%, as Moodle's GIFT does.
func reweigh(q *questions.Question, right map[int]bool) {
	var n int
	for k := range q.Choices {
		if right[k] {
			n++
		}
	}
	for k := range q.Choices {
		switch {
		case right[k]:
			q.Choices[k].Weight = math.Round(100/float64(max(n, 1))*1e5) / 1e5
		case q.Multiple && n < len(q.Choices):
			q.Choices[k].Weight = -math.Round(100/float64(len(q.Choices)-n)*1e5) / 1e5
		default:
			q.Choices[k].Weight = 0
		}
	}
	if !q.Multiple && n > 1 {
		// One answer only: keep the first ticked as the key.
		first := true
		for k := range q.Choices {
			if right[k] && first {
				q.Choices[k].Weight = 100
				first = false
			} else if right[k] {
				q.Choices[k].Weight = 0
			}
		}
	}
}

// parseNumber reads a number as a teacher types it, with a decimal comma
// or point.
func parseNumber(s string) (float64, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	return v, nil
}
