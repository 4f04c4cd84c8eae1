package web

import (
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
	return s.sendCSV(w, r, fileName(res.Class.Name)+"-scores.csv", func(w io.Writer) error { return export.Scores(w, []db.ClassResults{res}) })
}

// exportAllScores downloads the gradebook of all the teacher's classes.
func (s *Server) exportAllScores(w http.ResponseWriter, r *http.Request) error {
	res, err := s.store.AllClassResults(r.Context(), teacherOf(r).ID, "")
	if err != nil {
		return err
	}
	return s.sendCSV(w, r, "scores.csv", func(w io.Writer) error { return export.Scores(w, res) })
}

// exportClassAnswers downloads every answer given in a class, written as
// the store reads the attempts, a batch at a time: a class of 300 with
// thousands of attempts is never held whole.
func (s *Server) exportClassAnswers(w http.ResponseWriter, r *http.Request, id int64) error {
	tc := teacherOf(r)
	c, err := s.store.Class(r.Context(), tc.ID, id)
	if err != nil {
		return err
	}
	return s.sendCSV(w, r, fileName(c.Name)+"-answers.csv", func(w io.Writer) error {
		aw := export.NewAnswerWriter(w)
		if err := s.store.EachClassAttempt(r.Context(), tc.ID, id, aw.Write); err != nil {
			return err
		}
		return aw.Flush()
	})
}

// sendCSV downloads what write writes, after a byte-order mark, sending
// it as it is written (the CSV writer buffers a few KB): a large file is
// never held whole. An error once the download has begun cannot become an
// error page: it is logged and the connection cut, so that the browser
// reports a failed download instead of keeping a short file.
func (s *Server) sendCSV(w http.ResponseWriter, r *http.Request, name string, write func(io.Writer) error) error {
	downloadHeaders(w, "text/csv; charset=utf-8", name)
	_, err := io.WriteString(w, export.BOM)
	if err == nil {
		err = write(w)
	}
	if err != nil {
		s.log.Error("download cut short", "path", r.URL.Path, "err", err)
		panic(http.ErrAbortHandler)
	}
	return nil
}
