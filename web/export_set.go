package web

import (
	"bytes"
	"net/http"

	"factdrill/db"
	"factdrill/questions/formats"
)

// exportSet downloads a set as a question file of any format package
// formats writes but JSON: GIFT, Moodle XML, Canvas QTI, an Anki package,
// CSV or Anki text. The formats that carry images get the set's from the
// store; what the card formats leave out the set's page says beside the
// links (and Anki text in comment lines).
func (s *Server) exportSet(w http.ResponseWriter, r *http.Request, id int64) error {
	f, ok := formats.Lookup(r.URL.Query().Get("format"))
	if !ok || f.Name == "json" {
		return badRequest("Export as gift, moodlexml, qti, apkg, csv or anki.")
	}
	info, qs, err := s.store.TeacherSet(r.Context(), teacherOf(r).ID, id)
	if err != nil {
		return err
	}
	set := db.AsSet(info, qs)
	if f.Media {
		if set, err = s.store.WithMedia(r.Context(), set); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if _, err := f.Write(r.Context(), &buf, set, s.store.Now()); err != nil {
		return err
	}
	download(w, f.ContentType, fileName(info.Title)+"."+f.Ext, buf.Bytes())
	return nil
}
