// Package web is factdrill's HTTP side. The site's map is one file,
// routes.go: every route with who may use it. Handlers, one a file
// grouped by resource (attempt_*.go, study_*.go, teacher_*.go), are
// func(w, r) error (given the path's id, read and checked, by withID where
// the route has one): Server.handle resolves the browser's session once
// into the request's context (learnerOf, teacherOf in session.go) and
// turns a returned error into its page, in one place (Server.fail).
// Forms are types that read and check themselves (forms.go), their
// problems shown beside their fields. Handlers read and change data
// through the db.Store, apply the rules of package quiz, and render pages
// from package views. Sessions are gorilla/sessions, kept in the database.
package web

import (
	"cmp"
	"context"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"github.com/gorilla/securecookie"

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
	// Jobs says how background jobs (generations) run.
	Jobs JobConfig
	// MaxInFlight is how many pages and actions are served at once;
	// more wait their turn, up to AdmitWait, then get 503 (see admit).
	// An answer spends most of its time waiting for its commit's fsync,
	// and answers waiting together share one: at 4 a core (8 on two),
	// durable answers fell from 4,842 to 1,286 a second under load.
	MaxInFlight int
	AdmitWait   time.Duration
	// MaxLargeUploads is how many large uploads (an Anki deck, a package
	// with images, a PDF) are read at once, one per two cores by default:
	// each takes about twice its size in memory while it is read. More
	// wait with the others (see admit).
	MaxLargeUploads int
}

// DefaultConfig returns the settings `factdrill serve` uses unless told
// otherwise.
func DefaultConfig() Config {
	return Config{SessionTTL: 180 * 24 * time.Hour, MaxBodyBytes: 1 << 20, Jobs: defaultJobConfig,
		MaxInFlight: max(32, 16*runtime.NumCPU()), AdmitWait: 10 * time.Second,
		MaxLargeUploads: max(1, runtime.NumCPU()/2)}
}

// Server serves factdrill's pages. What it keeps in memory (the limits on
// guessing, the generation jobs) is made once, in New.
type Server struct {
	store    *db.Store
	log      *slog.Logger
	cfg      Config
	now      func() time.Time
	sessions *sessionStore
	// deviceCodecs sign the device cookies of teachers' browsers (see
	// loginLimits).
	deviceCodecs []securecookie.Codec
	jobs         *jobRunner
	// anon limits the anonymous writes of each address.
	anon anonLimits
	// inflight holds a token for each page or action being served,
	// uploads one for each large upload (see admit).
	inflight, uploads chan struct{}
	// recent are the question files uploaded in the last seconds (see
	// recentUploads).
	recent recentUploads
}

// New returns a server on store. The server keeps the store's clock (see
// db.Store.SetClock), so that pages, limits and data agree on the time.
func New(ctx context.Context, store *db.Store, log *slog.Logger, cfg Config) (*Server, error) {
	sessions, err := newSessionStore(ctx, store, cfg)
	if err != nil {
		return nil, err
	}
	now := store.Now
	cfg.Jobs = cfg.Jobs.withDefaults()
	cfg.MaxInFlight = cmp.Or(cfg.MaxInFlight, DefaultConfig().MaxInFlight)
	cfg.AdmitWait = cmp.Or(cfg.AdmitWait, DefaultConfig().AdmitWait)
	cfg.MaxLargeUploads = cmp.Or(cfg.MaxLargeUploads, DefaultConfig().MaxLargeUploads)
	return &Server{
		store:        store,
		log:          log,
		cfg:          cfg,
		now:          now,
		sessions:     sessions,
		deviceCodecs: sessions.deviceCodecs(),
		anon:         newAnonLimits(now),
		inflight:     make(chan struct{}, cfg.MaxInFlight),
		uploads:      make(chan struct{}, cfg.MaxLargeUploads),
		jobs:         newJobRunner(store, log, cfg.Jobs, map[string]jobWork{jobGenerate: generateJob}),
	}, nil
}

// Start runs the server's background work until ctx is done: the workers
// that run generation jobs. Wait waits for them to have stopped (a job
// running when ctx ends goes back to the queue, for another server or the
// next start).
func (s *Server) Start(ctx context.Context) { s.jobs.start(ctx) }

// Wait waits for the background work Start began to stop.
func (s *Server) Wait() { s.jobs.wait() }

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
