package web

import (
	"fmt"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/quiz"
	"factdrill/views"
)

// gradingShow is the per-question grading view: one answer to the
// question at a time (?n=, from 0; or ?attempt=&pos= for one answer), in
// the finished attempts of the teacher's classes, with its mark and
// comment.
func (s *Server) gradingShow(w http.ResponseWriter, r *http.Request, id int64) error {
	qid, err := pathID(r, "question")
	if err != nil {
		return err
	}
	m, err := s.gradingModel(r, id, qid)
	if err != nil {
		return err
	}
	s.render(w, r, views.GradingView(m))
	return nil
}

// gradingModel reads the answers to the question and builds the view of
// the one the query names.
func (s *Server) gradingModel(r *http.Request, setID, qid int64) (views.GradingPage, error) {
	ctx := r.Context()
	info, _, err := s.store.TeacherSet(ctx, teacherOf(r).ID, setID)
	if err != nil {
		return views.GradingPage{}, err
	}
	q, items, err := s.store.Grading(ctx, teacherOf(r).ID, setID, qid)
	if err != nil {
		return views.GradingPage{}, err
	}
	m := views.GradingPage{TeacherPage: s.tpage(r, fmt.Sprintf("Marking question %d", q.Position+1), ""),
		SetID: setID, SetTitle: info.Title, QuestionID: qid, Number: q.Position + 1, Question: q.Question, Count: len(items),
		Errors: views.FieldErrors{}}
	query := r.URL.Query()
	n, _ := strconv.Atoi(query.Get("n"))
	if a, err := strconv.ParseInt(query.Get("attempt"), 10, 64); err == nil {
		pos, _ := strconv.Atoi(query.Get("pos"))
		for i, it := range items {
			if it.Attempt.ID == a && it.Response.Position == pos {
				n = i
			}
		}
	}
	m.Index = min(max(n, 0), max(len(items)-1, 0))
	for _, it := range items {
		if it.Response.Grade().Pending {
			m.Pending++
		}
	}
	if len(items) == 0 {
		return m, nil
	}
	it := items[m.Index]
	m.Item = gradingItem(it)
	if it.Response.Manual != nil && !it.Response.Manual.ByLearner {
		m.Mark, m.Comment = marksText(it.Response.Manual.Fraction*m.Item.Weight), it.Response.Manual.Comment
	}
	if m.Index > 0 {
		m.PrevURL = views.GradingURL(setID, qid, m.Index-1)
	}
	if m.Index+1 < len(items) {
		m.NextURL = views.GradingURL(setID, qid, m.Index+1)
	}
	if k := nextPending(items, m.Index); k >= 0 {
		m.NextPendingURL = views.GradingURL(setID, qid, k)
	}
	return m, nil
}

// gradingItem is an answer as the grading view shows it.
func gradingItem(it db.GradingItem) views.GradingItem {
	resp := it.Response
	q := resp.Question.Question
	g := resp.Grade()
	v := views.GradingItem{
		AttemptID: it.Attempt.ID, Position: resp.Position, Student: it.Learner.DisplayName(), ClassName: it.ClassName,
		Finished: it.Attempt.FinishedAt, Question: q, Given: quiz.AnswerText(q, resp.Answer), Answered: resp.Answered,
		Shown:  shownOptions(q, resp.Options, resp.Answer),
		Weight: quiz.Weight(q), Auto: g.Fraction * quiz.Weight(q), Pending: g.Pending, Marked: g.Manual != nil,
	}
	if q.Kind.Graded() {
		v.Right = quiz.RightAnswerText(q)
	}
	if g.Manual != nil {
		v.Marker = "you"
		if g.Manual.ByLearner {
			v.Marker = "the student, who said they were right"
		}
	}
	return v
}

// nextPending is the first answer after index i (wrapping round) that
// waits for a mark, -1 for none.
func nextPending(items []db.GradingItem, i int) int {
	for k := 1; k < len(items); k++ {
		j := (i + k) % len(items)
		if items[j].Response.Grade().Pending {
			return j
		}
	}
	return -1
}

// marksText writes a mark as the form shows it.
func marksText(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) }

// gradingSave saves the mark and comment of one answer and goes on: to
// the next answer, or the next one waiting for a mark. An empty mark gives
// the answer back to automatic grading.
func (s *Server) gradingSave(w http.ResponseWriter, r *http.Request, id int64) error {
	qid, err := pathID(r, "question")
	if err != nil {
		return err
	}
	f, err := postForm(r)
	if err != nil {
		return err
	}
	ctx, tc := r.Context(), teacherOf(r)
	_, items, err := s.store.Grading(ctx, tc.ID, id, qid)
	if err != nil {
		return err
	}
	attemptID, _ := strconv.ParseInt(f.Get("attempt"), 10, 64)
	pos, _ := strconv.Atoi(f.Get("position"))
	index := -1
	for i, it := range items {
		if it.Attempt.ID == attemptID && it.Response.Position == pos {
			index = i
		}
	}
	if index < 0 {
		return questions.ErrNotFound
	}
	weight := quiz.Weight(items[index].Response.Question.Question)
	mark, comment := strings.TrimSpace(f.Get("mark")), strings.TrimSpace(strings.ReplaceAll(f.Get("comment"), "\r\n", "\n"))
	errs := views.FieldErrors{}
	var manual *quiz.Manual
	if mark != "" {
		x, err := strconv.ParseFloat(strings.ReplaceAll(mark, ",", "."), 64)
		switch {
		case err != nil || math.IsNaN(x):
			errs["mark"] = fmt.Sprintf("“%s” is not a number.", mark)
		case x < 0 || x > weight:
			errs["mark"] = fmt.Sprintf("A mark is between 0 and %s.", marksText(weight))
		default:
			manual = &quiz.Manual{Fraction: x / weight, Comment: comment}
		}
	} else if comment != "" {
		errs["mark"] = "Give a mark with the comment (empty gives the answer back to automatic grading)."
	}
	if !utf8.ValidString(comment) || len(comment) > db.MaxCommentLen {
		errs["comment"] = fmt.Sprintf("The comment is longer than %d characters.", db.MaxCommentLen)
	}
	if len(errs) > 0 {
		q := r.URL.Query()
		q.Set("n", strconv.Itoa(index))
		r.URL.RawQuery = q.Encode()
		m, err := s.gradingModel(r, id, qid)
		if err != nil {
			return err
		}
		m.Mark, m.Comment, m.Errors = mark, comment, errs
		m.Errors[""] = "Nothing was saved: see the message below."
		s.renderStatus(w, r, http.StatusUnprocessableEntity, views.GradingView(m))
		return nil
	}
	if err := s.store.SetMark(ctx, tc.ID, attemptID, pos, manual); err != nil {
		return err
	}
	next := min(index+1, len(items)-1)
	if f.Get("go") == "pending" {
		// The answer just marked no longer waits; look from it.
		items[index].Response.Manual = manual
		if k := nextPending(items, index); k >= 0 {
			next = k
		}
	}
	redirect(w, r, views.GradingURL(id, qid, next)+"&notice=marked")
	return nil
}

// regradeShow is the regrade's dry run: for each question that finished
// attempts show in an older version, how many answers move and how many
// marks change; and the regrades done.
func (s *Server) regradeShow(w http.ResponseWriter, r *http.Request, id int64) error {
	ctx, tc := r.Context(), teacherOf(r)
	info, qs, err := s.ownSet(r, id)
	if err != nil {
		return err
	}
	items, err := s.store.RegradePreview(ctx, tc.ID, id)
	if err != nil {
		return err
	}
	logs, err := s.store.RegradeLogs(ctx, tc.ID, id, 20)
	if err != nil {
		return err
	}
	m := views.RegradePage{TeacherPage: s.tpage(r, "Regrade "+info.Title, ""), SetID: id, SetTitle: info.Title}
	for _, it := range items {
		row := views.RegradeRow{Number: it.Number, Name: stemText(it.Question.Question), Version: it.Question.Version,
			Responses: it.Responses, Attempts: it.Attempts, Changed: it.Changed}
		for _, mk := range it.Marks {
			row.Marks = append(row.Marks, views.RegradeMarkRow{Student: cmpName(mk.Learner), Answer: mk.Answer,
				Old: percentText(mk.Old), New: percentText(mk.New)})
		}
		m.Items = append(m.Items, row)
	}
	number := map[int64]int{}
	for i, q := range qs {
		number[q.ID] = i + 1
	}
	for _, l := range logs {
		m.History = append(m.History, views.RegradeLogRow{Number: number[l.QuestionID], Reason: l.Reason, At: l.At, Moved: l.Moved, Changed: l.Changed})
	}
	s.render(w, r, views.RegradeView(m))
	return nil
}

func cmpName(name string) string {
	if name == "" {
		return "(no name)"
	}
	return name
}

func percentText(f float64) string { return strconv.Itoa(int(math.Round(100*f))) + "%" }

// regradeApply regrades every question of the set that finished attempts
// show in an older version, in one transaction, with a log.
func (s *Server) regradeApply(w http.ResponseWriter, r *http.Request, id int64) error {
	if _, err := s.store.Regrade(r.Context(), teacherOf(r).ID, id, nil); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/sets/%d/regrade?notice=regraded", id))
	return nil
}

// acceptAnswer accepts a common wrong answer of item analysis as right:
// the question gets a new version with it, and is regraded at once.
func (s *Server) acceptAnswer(w http.ResponseWriter, r *http.Request, id int64) error {
	qid, err := pathID(r, "question")
	if err != nil {
		return err
	}
	f, err := postForm(r)
	if err != nil {
		return err
	}
	if _, err := s.store.AcceptAnswer(r.Context(), teacherOf(r).ID, id, qid, f.Get("text")); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/sets/%d/items?notice=accepted", id))
	return nil
}

// setQuizOptions sets how the set is marked and shown in quizzes: its
// spelling tolerance and whether options keep their written order.
func (s *Server) setQuizOptions(w http.ResponseWriter, r *http.Request, id int64) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	spelling, err := strconv.Atoi(f.Get("spelling"))
	if err != nil {
		return badRequest("Choose a spelling tolerance from the list.")
	}
	if err := s.store.SetQuizOptions(r.Context(), teacherOf(r).ID, id, spelling, f.Get("keep_option_order") == "1"); err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/sets/%d?notice=options-saved", id))
	return nil
}

// shownOptions are a multiple-choice or matching question's options in
// the order the attempt showed them (order, as stored with it), with the
// student's choices and the right ones; nil for other kinds.
func shownOptions(q questions.Question, order quiz.Options, a quiz.Answer) []views.ShownOption {
	var out []views.ShownOption
	switch q.Kind {
	case questions.MultipleChoice:
		for _, k := range quiz.ChoicesShown(q, order) {
			out = append(out, views.ShownOption{Text: q.Choices[k].Text, Chosen: slices.Contains(a.Choices, k), Right: q.Choices[k].Weight > 0})
		}
	case questions.Matching:
		right := map[string]bool{}
		for _, p := range q.Prompts() {
			right[p.Answer] = true
		}
		for _, t := range quiz.MatchAnswersShown(q, order) {
			out = append(out, views.ShownOption{Text: t, Chosen: slices.Contains(a.Matches, t), Right: right[t]})
		}
	}
	return out
}
