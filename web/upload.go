package web

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"net/http"

	"factdrill/questions"
	"factdrill/questions/formats"
	"factdrill/views"
)

// maxProblemsShown bounds the problems listed for a rejected file; the
// reader stops at 100 anyway.
const maxProblemsShown = 100

// upload reads a question file (GIFT, Aiken, CSV/TSV, Anki text, Moodle
// XML, a QTI package or an Anki package; see package formats) and stores
// it as a draft set of the teacher's, with the images it carries and what
// its reader left out, which the set's page lists for review. A file with
// any problem is refused whole, its problems listed by line, and nothing
// is stored.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) error {
	m := s.newSetPage(r)
	refuse := func(status int, msg string) error {
		m.UploadError = msg
		s.renderStatus(w, r, status, views.NewSetView(m))
		return nil
	}
	name, f, size, err := formUpload(r, "file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("The file is larger than %d MB.", formats.MaxSize>>20))
	case errors.Is(err, http.ErrMissingFile):
		return refuse(http.StatusUnprocessableEntity, "Choose a question file to upload.")
	case err != nil:
		return refuse(http.StatusBadRequest, "The upload could not be read; please try again.")
	}
	defer f.Close()
	m.FileName = name
	switch {
	case size == 0:
		return refuse(http.StatusUnprocessableEntity, fmt.Sprintf("%s is empty. Choose a question file to upload.", name))
	case size > formats.MaxSize:
		return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("%s is larger than %d MB.", name, formats.MaxSize>>20))
	}
	// The same file again from the same teacher within seconds (a double
	// click) goes to the set the first made.
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return refuse(http.StatusBadRequest, "The upload could not be read; please try again.")
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("web: upload: rewind: %w", err)
	}
	first, end := s.recent.begin(r.Context(), teacherOf(r).ID, [sha256.Size]byte(h.Sum(nil)), s.now())
	if first != "" {
		redirect(w, r, first)
		return nil
	}
	to := ""
	defer func() { end(to) }()
	set, err := formats.Read(r.Context(), name, f, size)
	if err != nil {
		var list questions.ErrorList
		if !errors.As(err, &list) {
			if questions.ErrorCode(err) != questions.CodeInvalid {
				return err
			}
			return refuse(http.StatusUnprocessableEntity, fmt.Sprintf("%s was not imported: %s", name, questions.ErrorMessage(err)))
		}
		m.FileProblems = fileProblems(list)
		if size > questions.MaxFileSize && len(list) == 1 {
			// A text format's own, smaller limit.
			return refuse(http.StatusRequestEntityTooLarge, fmt.Sprintf("%s was not imported: it is larger than %d MB, the limit for question files without images.", name, questions.MaxFileSize>>20))
		}
		return refuse(http.StatusUnprocessableEntity, fmt.Sprintf("%s was not imported: %s.", name, views.Plural(len(list), "problem")))
	}
	id, err := s.store.CreateDraftSet(r.Context(), teacherOf(r).ID, set)
	if err != nil {
		return err
	}
	notice := "uploaded"
	if len(set.Warnings) > 0 {
		notice = "uploaded-warnings"
	}
	to = fmt.Sprintf("/teacher/sets/%d?notice=%s", id, notice)
	redirect(w, r, to)
	return nil
}

// fileProblems lists a file's problems (or warnings) as pages show them,
// each at FILE:LINE:COL.
func fileProblems(list questions.ErrorList) []views.FileProblem {
	var out []views.FileProblem
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
		out = append(out, views.FileProblem{Where: where, Msg: p.Msg})
	}
	return out
}
