package web

import (
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"factdrill/questions"
	"factdrill/views"
)

// contentSecurityPolicy allows only the site's own scripts, styles and
// images: no inline script or style, no framing, forms posting home only.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

// securityHeaderValues are set on every response. The keys are in
// canonical form and the value slices are shared, never changed: setting
// them costs no allocation.
var securityHeaderValues = map[string][]string{
	"Content-Security-Policy":    {contentSecurityPolicy},
	"X-Content-Type-Options":     {"nosniff"},
	"X-Frame-Options":            {"DENY"},
	"Referrer-Policy":            {"same-origin"},
	"Cross-Origin-Opener-Policy": {"same-origin"},
	"Permissions-Policy":         {"camera=(), microphone=(), geolocation=(), interest-cohort=()"},
}

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range securityHeaderValues {
			h[k] = v
		}
		if r.TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		next.ServeHTTP(w, r)
	})
}

// errBusy answers a request that waited too long for its turn.
var errBusy = questions.Errorf(questions.CodeUnavailable, "the server has too much to do right now, so nothing was done; please try again in a minute")

// admit waits for the request's turn: at most MaxInFlight pages and
// actions are served at once, so that a flood of requests queues here,
// cheaply, instead of sharing the cores among all of them, and the health
// check (which does not wait) and the requests already admitted stay
// fast. A large upload (see largeUpload) also waits for one of
// MaxLargeUploads turns, before its page turn, so that the files read at
// once, each held in memory whole as it is read, stay within the server's
// memory. A request that waits longer than AdmitWait in all gets errBusy.
// The caller calls release once done.
func (s *Server) admit(r *http.Request) (release func(), err error) {
	var t *time.Timer
	defer func() {
		if t != nil {
			t.Stop()
		}
	}()
	take := func(ch chan struct{}) error {
		select {
		case ch <- struct{}{}:
			return nil
		default:
		}
		if t == nil {
			t = time.NewTimer(s.cfg.AdmitWait)
		}
		select {
		case ch <- struct{}{}:
			return nil
		case <-t.C:
			return errBusy
		case <-r.Context().Done():
			return r.Context().Err()
		}
	}
	large := s.largeUpload(r)
	if large {
		if err := take(s.uploads); err != nil {
			return nil, err
		}
	}
	if err := take(s.inflight); err != nil {
		if large {
			<-s.uploads
		}
		return nil, err
	}
	return func() {
		<-s.inflight
		if large {
			<-s.uploads
		}
	}, nil
}

// largeUploadBytes is the size from which an upload counts as large: a
// question file or a document of text is smaller; a package that carries
// images, or a PDF, may be larger.
const largeUploadBytes = 4 << 20

// largeUpload reports whether r may send a body of largeUploadBytes or
// more: a route that takes more than forms do, with a body that large or
// of a length not said.
func (s *Server) largeUpload(r *http.Request) bool {
	return s.bodyLimit(r) > s.cfg.MaxBodyBytes && (r.ContentLength < 0 || r.ContentLength >= largeUploadBytes)
}

// limitBody caps what a handler can read from a request body: the form
// limit, or more on the upload routes (see bodyLimit).
func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.bodyLimit(r))
		}
		next.ServeHTTP(w, r)
	})
}

// recoverPanic turns a panicking handler into a logged 500 page instead of a
// dropped connection.
func (s *Server) recoverPanic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				s.renderError(w, r, http.StatusInternalServerError, "")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// logRequests writes one structured line per request. Successful requests
// log at debug level so that a busy server's log shows what needs a look.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		level := slog.LevelDebug
		switch {
		case rec.status >= 500:
			level = slog.LevelError
		case rec.status >= 400:
			level = slog.LevelInfo
		}
		s.log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"bytes", rec.bytes, "duration", time.Since(start).Round(time.Microsecond))
	})
}

func staticHandler() http.Handler {
	files := http.StripPrefix("/static/", http.FileServerFS(views.Static))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Asset URLs carry the release's digest, so they never change.
		if r.URL.Query().Get("v") != "" {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		files.ServeHTTP(w, r)
	})
}
