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
func (s *Server) exportSet(w http.ResponseWriter, r *http.Request, id int64) error {
	f, ok := setFormats[r.URL.Query().Get("format")]
	if !ok {
		return badRequest("Export as gift, csv or anki.")
	}
	info, qs, err := s.store.TeacherSet(r.Context(), teacherOf(r).ID, id)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := f.write(&buf, db.AsSet(info, qs)); err != nil {
		return err
	}
	download(w, f.ctype, fileName(info.Title)+"."+f.ext, buf.Bytes())
	return nil
}
