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
func (s *Server) upload(w http.ResponseWriter, r *http.Request) error {
	m := s.newSetPage(r)
	refuse := func(status int, msg string) error {
		m.UploadError = msg
		s.renderStatus(w, r, status, views.NewSetView(m))
		return nil
	}
	name, data, err := formFile(r, "file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("The file is larger than %d MB.", questions.MaxFileSize>>20))
	case errors.Is(err, http.ErrMissingFile) || (err == nil && len(data) == 0):
		return refuse(http.StatusUnprocessableEntity, "Choose a question file to upload.")
	case err != nil:
		return refuse(http.StatusBadRequest, "The upload could not be read; please try again.")
	}
	m.FileName = name
	if len(data) > questions.MaxFileSize {
		return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("%s is larger than %d MB.", name, questions.MaxFileSize>>20))
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
			return refuse(http.StatusUnprocessableEntity, fmt.Sprintf("%s was not imported: %s.", name, views.Plural(len(list), "problem")))
		}
		if questions.ErrorCode(err) != questions.CodeInvalid {
			return err
		}
		return refuse(http.StatusUnprocessableEntity, fmt.Sprintf("%s was not imported: %s", name, questions.ErrorMessage(err)))
	}
	id, err := s.store.CreateDraftSet(r.Context(), teacherOf(r).ID, set)
	if err != nil {
		return err
	}
	redirect(w, r, fmt.Sprintf("/teacher/sets/%d?notice=uploaded", id))
	return nil
}
