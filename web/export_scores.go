package web

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"

	"factdrill/db"
	"factdrill/db/export"
)

func (t *teacherSite) exportClassScores(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	res, err := t.store.ClassResults(r.Context(), tc.ID, id)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	t.sendCSV(w, r, fileName(res.Class.Name)+"-scores.csv", func(w io.Writer) error { return export.Scores(w, []db.ClassResults{res}) })
}

func (t *teacherSite) exportAllScores(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	res, err := t.store.AllClassResults(r.Context(), tc.ID, "")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	t.sendCSV(w, r, "scores.csv", func(w io.Writer) error { return export.Scores(w, res) })
}

func (t *teacherSite) exportClassAnswers(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	c, attempts, err := t.store.ClassAttempts(r.Context(), tc.ID, id, 0)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	t.sendCSV(w, r, fileName(c.Name)+"-answers.csv", func(w io.Writer) error { return export.Answers(w, attempts) })
}

func (t *teacherSite) sendCSV(w http.ResponseWriter, r *http.Request, name string, write func(io.Writer) error) {
	var buf bytes.Buffer
	buf.WriteString(export.BOM)
	if err := write(&buf); err != nil {
		t.fail(w, r, err)
		return
	}
	download(w, "text/csv; charset=utf-8", name, buf.Bytes())
}

// download sends body as a file to save.
func download(w http.ResponseWriter, ctype, name string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, name))
	h.Set("Cache-Control", "no-store")
	w.Write(body)
}

// fileName makes a safe file name from a title: letters, digits and
// dashes.
func fileName(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		return "set"
	}
	return name
}
