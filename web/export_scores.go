package web

import (
	"bytes"
	"io"
	"net/http"

	"factdrill/db"
	"factdrill/db/export"
)

// exportClassScores downloads a class's gradebook (see package export).
func (s *Server) exportClassScores(w http.ResponseWriter, r *http.Request, id int64) error {
	res, err := s.store.ClassResults(r.Context(), teacherOf(r).ID, id)
	if err != nil {
		return err
	}
	return sendCSV(w, fileName(res.Class.Name)+"-scores.csv", func(w io.Writer) error { return export.Scores(w, []db.ClassResults{res}) })
}

// exportAllScores downloads the gradebook of all the teacher's classes.
func (s *Server) exportAllScores(w http.ResponseWriter, r *http.Request) error {
	res, err := s.store.AllClassResults(r.Context(), teacherOf(r).ID, "")
	if err != nil {
		return err
	}
	return sendCSV(w, "scores.csv", func(w io.Writer) error { return export.Scores(w, res) })
}

// exportClassAnswers downloads every answer given in a class.
func (s *Server) exportClassAnswers(w http.ResponseWriter, r *http.Request, id int64) error {
	c, attempts, err := s.store.ClassAttempts(r.Context(), teacherOf(r).ID, id, 0)
	if err != nil {
		return err
	}
	return sendCSV(w, fileName(c.Name)+"-answers.csv", func(w io.Writer) error { return export.Answers(w, attempts) })
}

// sendCSV downloads what write writes, after a byte-order mark.
func sendCSV(w http.ResponseWriter, name string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	buf.WriteString(export.BOM)
	if err := write(&buf); err != nil {
		return err
	}
	download(w, "text/csv; charset=utf-8", name, buf.Bytes())
	return nil
}
