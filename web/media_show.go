package web

import (
	"bytes"
	"net/http"
	"regexp"
	"time"

	"factdrill/questions"
)

// hashRE is a stored image's name: the SHA-256 of its bytes in lowercase
// hex.
var hashRE = regexp.MustCompile(`^[0-9a-f]{64}$`)

// mediaCSP is the policy an image is served under. A browser that opens
// an image by itself (not in an <img>) treats an SVG as a document; the
// sandbox gives it a unique origin with no scripts, on top of the
// sanitising every SVG went through on its way in.
const mediaCSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox"

// mediaShow serves a stored image, by its hash, to anyone who asks.
//
// The access rule: an image is as public as its hash is known. A hash is
// the SHA-256 of the image, 256 bits that cannot be guessed, and appears
// only in the pages of questions that show the image, so whoever can see
// such a question (a student of a class taking its quiz, a teacher
// reviewing a set, anyone on a public set) can load the image, and
// nobody else can find it, except someone who already holds the same
// file. Checking the sets that show an image on every request would cost
// a search through question texts for each picture on a page and would
// make images uncacheable, for no secret gained: a student who saw an
// image could save it anyway. The same holds for an image whose set was
// deleted: it is kept (another set may show it) and served to those who
// saw it.
//
// Stored images never change (the name is the content), so they are
// cached for a year, immutable, with the hash as ETag. The content type is
// the stored one, checked on the way in, never sniffed.
func (s *Server) mediaShow(w http.ResponseWriter, r *http.Request) error {
	hash := r.PathValue("hash")
	if !hashRE.MatchString(hash) {
		return questions.ErrNotFound
	}
	h := w.Header()
	etag := `"` + hash + `"`
	if r.Header.Get("If-None-Match") == etag {
		// The content of a hash cannot have changed: no need to read it.
		h.Set("ETag", etag)
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
		w.WriteHeader(http.StatusNotModified)
		return nil
	}
	m, err := s.store.Media(r.Context(), hash)
	if err != nil {
		return err
	}
	h.Set("Content-Type", m.Type)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", mediaCSP)
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(m.Data))
	return nil
}

// serve adapts a handler that needs no session (a stored image): it runs
// h and turns its error into the error page, without reading the
// browser's cookie.
func (s *Server) serve(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	})
}
