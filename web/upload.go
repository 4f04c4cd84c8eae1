package web

import (
	"errors"
	"fmt"
	"net/http"

	"factdrill/questions"
	"factdrill/views"
)

// maxProblemsShown bounds the problems listed for a rejected file; the
// reader stops at 100 anyway.
const maxProblemsShown = 100

// upload reads a question file (GIFT, Aiken, CSV/TSV, Anki text) and
// stores it as a draft set of the teacher's. A file with any problem is
// refused whole, its problems listed by line, and nothing is stored.
func (t *teacherSite) upload(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	m := t.newSetPage(r, tc)
	refuse := func(status int, msg string) {
		m.UploadError = msg
		t.renderStatus(w, r, status, views.NewSetView(m))
	}
	name, data, err := formFile(r, "file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("The file is larger than %d MB.", questions.MaxFileSize>>20))
		return
	case errors.Is(err, http.ErrMissingFile) || (err == nil && len(data) == 0):
		refuse(http.StatusUnprocessableEntity, "Choose a question file to upload.")
		return
	case err != nil:
		refuse(http.StatusBadRequest, "The upload could not be read; please try again.")
		return
	}
	m.FileName = name
	if len(data) > questions.MaxFileSize {
		refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("%s is larger than %d MB.", name, questions.MaxFileSize>>20))
		return
	}
	set, err := questions.Read(name, data)
	if err != nil {
		var list questions.ErrorList
		if errors.As(err, &list) {
			for i, p := range list {
				if i == maxProblemsShown {
					break
				}
				where := p.File
				switch {
				case p.Line > 0 && p.Col > 0:
					where = fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
				case p.Line > 0:
					where = fmt.Sprintf("%s:%d", p.File, p.Line)
				}
				m.FileProblems = append(m.FileProblems, views.FileProblem{Where: where, Msg: p.Msg})
			}
			refuse(http.StatusUnprocessableEntity, fmt.Sprintf("%s was not imported: %s.", name, countNoun(len(list), "problem")))
			return
		}
		refuse(http.StatusUnprocessableEntity, fmt.Sprintf("%s was not imported: %v.", name, err))
		return
	}
	id, err := t.store.CreateDraftSet(r.Context(), tc.ID, set)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	redirect(w, r, fmt.Sprintf("/teacher/sets/%d?notice=uploaded", id))
}
