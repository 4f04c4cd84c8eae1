package web

import (
	"bytes"
	"io"
	"net/http"

	"factdrill/db/export"
)

// exportMoodle downloads a class's scores for Moodle's CSV grade import,
// mapped by ID number (by=idnumber, the default) or email (by=email).
func (s *Server) exportMoodle(w http.ResponseWriter, r *http.Request, id int64) error {
	by := export.MoodleByIDNumber
	if r.URL.Query().Get("by") == string(export.MoodleByEmail) {
		by = export.MoodleByEmail
	}
	res, err := s.store.ClassResults(r.Context(), teacherOf(r).ID, id)
	if err != nil {
		return err
	}
	return sendImportCSV(w, fileName(res.Class.Name)+"-moodle-"+string(by)+".csv", func(w io.Writer) error { return export.Moodle(w, res, by) })
}

// exportCanvas downloads a class's scores for Canvas's gradebook import.
func (s *Server) exportCanvas(w http.ResponseWriter, r *http.Request, id int64) error {
	res, err := s.store.ClassResults(r.Context(), teacherOf(r).ID, id)
	if err != nil {
		return err
	}
	return sendImportCSV(w, fileName(res.Class.Name)+"-canvas.csv", func(w io.Writer) error { return export.Canvas(w, res) })
}

// sendImportCSV downloads a file for another system to import: unlike
// the files for spreadsheets, no byte-order mark, which an importer may
// read as part of the first header.
func sendImportCSV(w http.ResponseWriter, name string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	download(w, "text/csv; charset=utf-8", name, buf.Bytes())
	return nil
}
