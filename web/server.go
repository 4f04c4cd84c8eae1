// Package web is factdrill's HTTP side: routes, one handler a file grouped
// by resource, server-side sessions, cross-origin protection, middleware and
// error pages. Handlers read and change data through the db.Store, apply the
// rules of package quiz, and render pages from package views.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/gorilla/sessions"

	"factdrill/db"
)

// Config is what the web layer needs to know from the command line.
type Config struct {
	// SecureCookies marks cookies Secure; set it when the site is served
	// over TLS (directly or behind a proxy).
	SecureCookies bool
	// SessionTTL is how long a learner's session lasts without use.
	SessionTTL time.Duration
	// MaxBodyBytes caps a request body (forms; uploads have their own cap).
	MaxBodyBytes int64
}

// DefaultConfig returns the settings `factdrill serve` uses unless told
// otherwise.
func DefaultConfig() Config {
	return Config{SessionTTL: 180 * 24 * time.Hour, MaxBodyBytes: 1 << 20}
}

// Server serves factdrill's pages.
type Server struct {
	store   *db.Store
	log     *slog.Logger
	cfg     Config
	now     func() time.Time
	cookies *sessions.CookieStore
	// verified remembers session cookies already checked.
	verified *verifiedCookies
	// resumeLimit slows the guessing of resume codes.
	resumeLimit *rateLimiter
}

// New returns a server on store. The server keeps the store's clock (see
// db.Store.SetClock), so that pages, limits and data agree on the time.
func New(ctx context.Context, store *db.Store, log *slog.Logger, cfg Config) (*Server, error) {
	now := store.Now
	cookies, err := newCookieStore(ctx, store, cfg)
	if err != nil {
		return nil, err
	}
	return &Server{
		store:       store,
		log:         log,
		cfg:         cfg,
		now:         now,
		cookies:     cookies,
		verified:    &verifiedCookies{now: now},
		resumeLimit: newRateLimiter(10, time.Minute, now),
	}, nil
}

// Handler returns the whole site: every route behind the middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.home)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /static/", staticHandler())

	mux.HandleFunc("GET /sets/{id}", s.setShow)
	mux.HandleFunc("POST /sets/{id}/attempts", s.attemptStart)

	mux.HandleFunc("GET /attempts/{id}", s.attemptShow)
	mux.HandleFunc("GET /attempts/{id}/questions/{n}", s.attemptQuestion)
	mux.HandleFunc("POST /attempts/{id}/questions/{n}", s.attemptAnswer)
	mux.HandleFunc("GET /attempts/{id}/finish", s.attemptFinishConfirm)
	mux.HandleFunc("POST /attempts/{id}/finish", s.attemptFinish)
	mux.HandleFunc("GET /attempts/{id}/result", s.attemptResult)

	mux.HandleFunc("GET /me", s.meShow)
	mux.HandleFunc("POST /me/name", s.meName)
	mux.HandleFunc("GET /resume", s.resumeShow)
	mux.HandleFunc("POST /resume", s.resume)
	s.teacherRoutes(mux)
	s.studyRoutes(mux)

	mux.HandleFunc("/", s.notFound)

	var h http.Handler = mux
	h = http.NewCrossOriginProtection().Handler(h)
	h = s.limitBody(h)
	h = securityHeaders(h)
	h = s.recoverPanic(h)
	h = s.logRequests(h)
	return h
}

// HTTPServer wraps the handler in an http.Server with timeouts, so that a
// slow or stalled client cannot hold a connection for ever.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if _, err := s.store.PublishedSets(r.Context()); err != nil {
		s.log.Error("health check", "err", err)
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("ok\n"))
}
