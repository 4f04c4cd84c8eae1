package web

import (
	"bytes"
	"io"
	"net/http"

	"factdrill/db"
	"factdrill/questions"
)

// setFormats are the formats a set is exported in: the writer, the file
// extension and the content type.
var setFormats = map[string]struct {
	write func(io.Writer, questions.Set) error
	ext   string
	ctype string
}{
	"gift": {questions.WriteGIFT, "gift", "text/plain; charset=utf-8"},
	"csv":  {questions.WriteCSV, "csv", "text/csv; charset=utf-8"},
	"anki": {questions.WriteAnki, "txt", "text/plain; charset=utf-8"},
}

// exportSet downloads a set as GIFT, CSV or Anki text.
func (t *teacherSite) exportSet(w http.ResponseWriter, r *http.Request) {
	tc, ok := t.requireTeacher(w, r)
	if !ok {
		return
	}
	id, err := pathID(r, "id")
	if err != nil {
		t.fail(w, r, err)
		return
	}
	f, ok := setFormats[r.URL.Query().Get("format")]
	if !ok {
		t.fail(w, r, badRequest("Export as gift, csv or anki."))
		return
	}
	info, qs, err := t.store.TeacherSet(r.Context(), tc.ID, id)
	if err != nil {
		t.fail(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := f.write(&buf, db.AsSet(info, qs)); err != nil {
		t.fail(w, r, err)
		return
	}
	download(w, f.ctype, fileName(info.Title)+"."+f.ext, buf.Bytes())
}
