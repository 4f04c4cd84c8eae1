package web

import (
	"embed"
	"net/http"

	"factdrill/questions"
)

// samples are the question files teachers download from the upload page
// to see a format's shape: sample.gift (a question of every kind) and
// sample.csv (one question a row).
//
//go:embed samples/sample.gift samples/sample.csv
var samples embed.FS

// sampleFile downloads a sample question file.
func (s *Server) sampleFile(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	data, err := samples.ReadFile("samples/" + name)
	if err != nil {
		return questions.ErrNotFound
	}
	ctype := "text/plain; charset=utf-8"
	if name == "sample.csv" {
		ctype = "text/csv; charset=utf-8"
	}
	download(w, ctype, name, data)
	return nil
}
