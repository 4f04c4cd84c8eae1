package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

// Writing questions in the app, one at a time (see db's authoring): the
// editor of a new or stored question, and the actions on a question of a
// set (duplicate, remove, move), and the teacher's question bank.

// setPageSize is how many questions a page of a set lists.
const setPageSize = 50

// questionAt is the set page that shows the question at position pos,
// with the question in view.
func questionAt(setID int64, pos int, qid int64, notice string) string {
	u := fmt.Sprintf("/teacher/sets/%d?notice=%s", setID, notice)
	if page := pos/setPageSize + 1; page > 1 {
		u += "&page=" + strconv.Itoa(page)
	}
	return u + fmt.Sprintf("#q%d", qid)
}

// questionNew is the editor of a new question of the kind asked for.
func (s *Server) questionNew(w http.ResponseWriter, r *http.Request, id int64) error {
	kind := questions.Kind(r.URL.Query().Get("kind"))
	if !kind.Valid() {
		kind = questions.MultipleChoice
	}
	pos, err := strconv.Atoi(r.URL.Query().Get("at"))
	if err != nil {
		pos = -1
	}
	info, _, _, err := s.store.SetQuestionsPage(r.Context(), teacherOf(r).ID, id, "", db.Page{Size: 1})
	if err != nil {
		return err
	}
	if info.OwnerID != teacherOf(r).ID {
		return questions.ErrNotFound
	}
	base := questions.Question{Kind: kind}
	if kind == questions.MultipleChoice {
		base.Choices = []questions.Choice{{Weight: 100}, {}}
	}
	m := views.QuestionEditPage{TeacherPage: s.tpage(r, "New question", ""), SetID: id, SetTitle: info.Title, Position: pos,
		Form: questionFormOf(base, blankRows)}
	s.render(w, r, views.QuestionEditView(m))
	return nil
}

// questionEdit is the editor of a question of the set, with where the
// question is used.
func (s *Server) questionEdit(w http.ResponseWriter, r *http.Request, id int64) error {
	qid, err := pathID(r, "question")
	if err != nil {
		return err
	}
	m, _, err := s.questionModel(r, id, qid)
	if err != nil {
		return err
	}
	m.Form = questionFormOf(m.stored, blankRows)
	s.render(w, r, views.QuestionEditView(m.QuestionEditPage))
	return nil
}

// editorPage is the question editor with the question it was opened on.
type editorPage struct {
	views.QuestionEditPage
	stored questions.Question
}

func (s *Server) questionModel(r *http.Request, setID, qid int64) (editorPage, db.StoredQuestion, error) {
	q, use, err := s.store.SetQuestion(r.Context(), teacherOf(r).ID, setID, qid)
	if err != nil {
		return editorPage{}, q, err
	}
	m := views.QuestionEditPage{TeacherPage: s.tpage(r, "Edit a question", ""), SetID: setID, QuestionID: qid,
		Position: q.Position, Version: q.Version, Attempts: use.Attempts, Open: use.Open}
	for _, set := range use.Sets {
		m.Sets = append(m.Sets, views.SetLink{ID: set.ID, Title: set.Title, This: set.ID == setID})
		if set.ID == setID {
			m.SetTitle = set.Title
		}
	}
	return editorPage{QuestionEditPage: m, stored: q.Question}, q, nil
}

// questionFromRequest reads the editor's form into a question on base. It
// returns the form as typed, the question, and what stops it from being
// saved (fields that are not numbers, then the readers' checks); more is
// true when the teacher asked for more rows rather than to save.
func questionFromRequest(r *http.Request, base questions.Question) (views.QuestionForm, questions.Question, map[string]bool, []string, bool, error) {
	v, err := postForm(r)
	if err != nil {
		return views.QuestionForm{}, base, nil, nil, false, err
	}
	f := readQuestionForm(v, base.Kind)
	q, bad, problems := formQuestion(f, base)
	if len(problems) == 0 {
		problems = validationProblems(q)
	}
	return f, q, bad, problems, v.Get("more") == "1", nil
}

// questionCreate adds the question written in the editor to the set.
func (s *Server) questionCreate(w http.ResponseWriter, r *http.Request, id int64) error {
	v, err := postForm(r)
	if err != nil {
		return err
	}
	kind := questions.Kind(v.Get("kind"))
	if !kind.Valid() {
		return badRequest("Choose the kind of question to write.")
	}
	pos, err := strconv.Atoi(v.Get("position"))
	if err != nil {
		pos = -1
	}
	f, q, bad, problems, more, err := questionFromRequest(r, questions.Question{Kind: kind})
	if err != nil {
		return err
	}
	again := func(status int, problems []string) error {
		info, _, _, err := s.store.SetQuestionsPage(r.Context(), teacherOf(r).ID, id, "", db.Page{Size: 1})
		if err != nil {
			return err
		}
		m := views.QuestionEditPage{TeacherPage: s.tpage(r, "New question", ""), SetID: id, SetTitle: info.Title, Position: pos,
			Form: f, Problems: problems, Bad: bad}
		if more {
			m.Form = withBlankRows(f, 3)
		}
		s.renderStatus(w, r, status, views.QuestionEditView(m))
		return nil
	}
	if more {
		return again(http.StatusOK, nil)
	}
	if len(problems) > 0 {
		return again(http.StatusUnprocessableEntity, problems)
	}
	qid, err := s.store.AddQuestion(r.Context(), teacherOf(r).ID, id, q, pos)
	if questions.ErrorCode(err) == questions.CodeInvalid {
		return again(http.StatusUnprocessableEntity, []string{questions.ErrorMessage(err)})
	}
	if err != nil {
		return err
	}
	placed, _, err := s.store.SetQuestion(r.Context(), teacherOf(r).ID, id, qid)
	if err != nil {
		return err
	}
	redirect(w, r, questionAt(id, placed.Position, qid, "question-added"))
	return nil
}

// questionSave saves the question edited: a new version if it changed.
func (s *Server) questionSave(w http.ResponseWriter, r *http.Request, id int64) error {
	qid, err := pathID(r, "question")
	if err != nil {
		return err
	}
	m, stored, err := s.questionModel(r, id, qid)
	if err != nil {
		return err
	}
	f, q, bad, problems, more, err := questionFromRequest(r, m.stored)
	if err != nil {
		return err
	}
	again := func(status int, problems []string) error {
		m.Form, m.Problems, m.Bad = f, problems, bad
		if more {
			m.Form = withBlankRows(f, 3)
		}
		s.renderStatus(w, r, status, views.QuestionEditView(m.QuestionEditPage))
		return nil
	}
	if more {
		return again(http.StatusOK, nil)
	}
	if len(problems) > 0 {
		return again(http.StatusUnprocessableEntity, problems)
	}
	revised, err := s.store.UpdateQuestion(r.Context(), teacherOf(r).ID, id, qid, q)
	if questions.ErrorCode(err) == questions.CodeInvalid {
		return again(http.StatusUnprocessableEntity, []string{questions.ErrorMessage(err)})
	}
	if err != nil {
		return err
	}
	notice := "question-unchanged"
	if revised {
		notice = "question-saved"
	}
	redirect(w, r, questionAt(id, stored.Position, qid, notice))
	return nil
}

// questionAction runs an action on a question of the set and goes back to
// the set's page where the question (or its copy) is.
func (s *Server) questionAction(act func(r *http.Request, teacherID, setID, qid int64) (int64, error), notice string) handler {
	return withID(func(w http.ResponseWriter, r *http.Request, id int64) error {
		qid, err := pathID(r, "question")
		if err != nil {
			return err
		}
		tc := teacherOf(r)
		shown, err := act(r, tc.ID, id, qid)
		if err != nil {
			return err
		}
		pos := 0
		if q, _, err := s.store.SetQuestion(r.Context(), tc.ID, id, shown); err == nil {
			pos = q.Position
		} else if !errors.Is(err, questions.ErrNotFound) {
			return err
		}
		redirect(w, r, questionAt(id, pos, shown, notice))
		return nil
	})
}

func (s *Server) questionDuplicate() handler {
	return s.questionAction(func(r *http.Request, tid, sid, qid int64) (int64, error) {
		return s.store.DuplicateQuestion(r.Context(), tid, sid, qid)
	}, "question-copied")
}

func (s *Server) questionRemove() handler {
	return s.questionAction(func(r *http.Request, tid, sid, qid int64) (int64, error) {
		return qid, s.store.RemoveQuestion(r.Context(), tid, sid, qid)
	}, "question-removed")
}

// questionMove moves a question: to a position (to, from 1), or one place
// up or down (dir).
func (s *Server) questionMove() handler {
	return s.questionAction(func(r *http.Request, tid, sid, qid int64) (int64, error) {
		f, err := postForm(r)
		if err != nil {
			return 0, err
		}
		q, _, err := s.store.SetQuestion(r.Context(), tid, sid, qid)
		if err != nil {
			return 0, err
		}
		to := q.Position
		switch f.Get("dir") {
		case "up":
			to--
		case "down":
			to++
		default:
			n, err := strconv.Atoi(f.Get("to"))
			if err != nil {
				return 0, badRequest("Type the number of the place to move the question to.")
			}
			to = n - 1
		}
		return qid, s.store.MoveQuestion(r.Context(), tid, sid, qid, to)
	}, "question-moved")
}

// bankPageSize is how many questions a page of the bank lists.
const bankPageSize = 25

// bankShow is the teacher's question bank: every question of theirs, found
// by its words, with the sets it is in, and a way to put it in another.
func (s *Server) bankShow(w http.ResponseWriter, r *http.Request) error {
	ctx, tc := r.Context(), teacherOf(r)
	query := r.URL.Query()
	page, _ := strconv.Atoi(query.Get("page"))
	search := query.Get("q")
	pager := views.NewPager(page, bankPageSize, 0, "/teacher/bank", query)
	qs, total, err := s.store.BankQuestions(ctx, tc.ID, search, db.Page{Offset: (max(page, 1) - 1) * bankPageSize, Size: bankPageSize})
	if err != nil {
		return err
	}
	sets, err := s.store.TeacherSets(ctx, tc.ID)
	if err != nil {
		return err
	}
	m := views.BankPage{TeacherPage: s.tpage(r, "Question bank", "bank"), Search: search, Indexed: s.store.SearchIndexed(),
		Pager: views.NewPager(pager.Page, bankPageSize, total, "/teacher/bank", query)}
	for _, set := range sets {
		m.Sets = append(m.Sets, views.SetLink{ID: set.ID, Title: set.Title})
	}
	for _, q := range qs {
		b := views.BankItem{ID: q.ID, Question: q.Question, Version: q.Version}
		for _, set := range q.Sets {
			b.Sets = append(b.Sets, views.SetLink{ID: set.ID, Title: set.Title})
		}
		m.Questions = append(m.Questions, b)
	}
	s.render(w, r, views.BankView(m))
	return nil
}

// questionReuse puts a question of the teacher's bank into one of their
// sets, at its end.
func (s *Server) questionReuse(w http.ResponseWriter, r *http.Request) error {
	f, err := postForm(r)
	if err != nil {
		return err
	}
	qid, err1 := strconv.ParseInt(f.Get("question"), 10, 64)
	setID, err2 := strconv.ParseInt(f.Get("set"), 10, 64)
	if err1 != nil || err2 != nil {
		return badRequest("Choose a question and the set to put it in.")
	}
	if err := s.store.ReuseQuestion(r.Context(), teacherOf(r).ID, setID, qid); err != nil {
		return err
	}
	back := "/teacher/bank?notice=question-reused"
	if q := f.Get("back"); q != "" {
		back += "&q=" + url.QueryEscape(q)
	}
	redirect(w, r, back)
	return nil
}
