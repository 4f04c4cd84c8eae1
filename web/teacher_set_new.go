package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"factdrill/questions"
	"factdrill/questions/formats"
	"factdrill/views"
)

// setNew offers the two ways to make a set: a question file or a document.
// With ?job=N, a generation of the teacher's that ended without a set,
// the generation form comes filled in with its title, number of questions
// and, for a failed one, the text pasted (kept for a day: see
// db.FailedInputKept), to try again.
func (s *Server) setNew(w http.ResponseWriter, r *http.Request) error {
	m := s.newSetPage(r)
	if v := r.URL.Query().Get("job"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return questions.ErrNotFound
		}
		if err := s.retryForm(r, id, &m); err != nil {
			return err
		}
	}
	s.render(w, r, views.NewSetView(m))
	return nil
}

// retryForm fills the generation form of m from the teacher's job id.
func (s *Server) retryForm(r *http.Request, id int64, m *views.NewSetPage) error {
	tc := teacherOf(r)
	j, err := s.store.Job(r.Context(), tc.ID, id)
	if err != nil {
		return err
	}
	var p generateParams
	if err := json.Unmarshal(j.Params, &p); err != nil {
		return fmt.Errorf("web: job %d: params: %w", j.ID, err)
	}
	m.GenTitle = p.Title
	if p.N > 0 {
		m.Count = strconv.Itoa(p.N)
	}
	if p.File == "" {
		m.Text, err = s.store.FailedJobInput(r.Context(), tc.ID, id)
	}
	return err
}

func (s *Server) newSetPage(r *http.Request) views.NewSetPage {
	return views.NewSetPage{TeacherPage: s.tpage(r, "New set", "new"), MaxMB: questions.MaxFileSize >> 20,
		MaxPackageMB: formats.MaxSize >> 20}
}

// uploadMemory is how much of a multipart form is kept in memory: a
// larger file waits in a temporary file, removed when the request ends.
const uploadMemory = 1 << 20

// formUpload opens the uploaded file of a multipart form field and
// returns its base name and size. The caller closes the file.
func formUpload(r *http.Request, field string) (string, multipart.File, int64, error) {
	if err := r.ParseMultipartForm(uploadMemory); err != nil {
		if errors.Is(err, http.ErrNotMultipart) {
			return "", nil, 0, http.ErrMissingFile
		}
		return "", nil, 0, err
	}
	f, h, err := r.FormFile(field)
	if err != nil {
		return "", nil, 0, err
	}
	name := h.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if name == "" {
		name = "upload"
	}
	return shortFileName(name), f, h.Size, nil
}

// maxFileName is the longest uploaded file name kept, in characters: a
// name is shown in messages and titles, and no file system keeps longer.
const maxFileName = 120

// shortFileName cuts a long file name, keeping its extension, which says
// how to read the file.
func shortFileName(name string) string {
	if utf8.RuneCountInString(name) <= maxFileName {
		return name
	}
	ext := path.Ext(name)
	if utf8.RuneCountInString(ext) > 16 {
		ext = ""
	}
	return questions.Shorten(strings.TrimSuffix(name, ext), maxFileName-utf8.RuneCountInString(ext)) + ext
}

// formFile reads the uploaded file of a multipart form field whole, up to
// one byte more than limit (so that the caller can refuse it then). It
// returns the file's base name.
func formFile(r *http.Request, field string, limit int64) (string, []byte, error) {
	name, f, _, err := formUpload(r, field)
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return "", nil, err
	}
	return name, data, nil
}
