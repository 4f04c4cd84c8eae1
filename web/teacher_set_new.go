package web

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/views"
)

// setNew offers the two ways to make a set: a question file or a document.
func (t *teacherSite) setNew(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	t.render(w, r, views.NewSetView(t.newSetPage(r, tc)))
}

func (t *teacherSite) newSetPage(r *http.Request, tc db.Teacher) views.NewSetPage {
	return views.NewSetPage{TeacherPage: t.tpage(r, tc, "New set", "new"), MaxMB: questions.MaxFileSize >> 20, Count: defaultGenerateCount}
}

// formFile reads the uploaded file of a multipart form field, up to one
// byte more than a question file may have (the readers refuse it then).
// It returns the file's base name.
func formFile(r *http.Request, field string) (string, []byte, error) {
	if err := r.ParseMultipartForm(maxUploadBody); err != nil {
		if errors.Is(err, http.ErrNotMultipart) {
			return "", nil, http.ErrMissingFile
		}
		return "", nil, err
	}
	f, h, err := r.FormFile(field)
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, questions.MaxFileSize+1))
	if err != nil {
		return "", nil, err
	}
	name := h.Filename
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if name == "" {
		name = "upload"
	}
	return name, data, nil
}

func countNoun(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
