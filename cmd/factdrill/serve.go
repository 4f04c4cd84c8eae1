package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/questions/generate"
	"factdrill/web"
)

//go:embed seed/workers-opposition.txt
var seedDocument string

// seedName is the builtin name of the set generated from the seed document.
const seedName = "seed"

func runServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, fs, err := flags("serve", getenv, stderr)
	if err != nil {
		return err
	}
	fs.StringVar(&cfg.Addr, "addr", envOr(getenv, "FACTDRILL_ADDR", "127.0.0.1:8080"), "`address` to listen on (env FACTDRILL_ADDR)")
	fs.BoolVar(&cfg.SecureCookies, "secure-cookies", getenv("FACTDRILL_SECURE_COOKIES") == "1", "mark cookies Secure, for a site served over TLS (env FACTDRILL_SECURE_COOKIES=1)")
	fs.DurationVar(&cfg.OverdueEvery, "overdue-every", 15*time.Second, "how often to hand in quiz attempts past their deadline")
	teacherFlags(fs, cfg, getenv)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "factdrill serve: unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	log := newLogger(*cfg, stderr)

	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := ensureSeedSet(ctx, store); err != nil {
		return err
	}

	wcfg := web.DefaultConfig()
	wcfg.SecureCookies = cfg.SecureCookies
	srv, err := web.New(ctx, store, log, wcfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	hs := srv.HTTPServer(cfg.Addr)
	fmt.Fprintf(stdout, "factdrill: serving %s on http://%s/\n", cfg.DB, ln.Addr())
	if err := teacherStart(ctx, store, *cfg, ln.Addr(), stdout, stderr); err != nil {
		ln.Close()
		return err
	}

	go sweepSessions(ctx, store, log)
	go submitOverdue(ctx, store, log, cfg.OverdueEvery)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Let requests in flight finish (their answers commit) before closing
	// the database.
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	fmt.Fprintln(stdout, "factdrill: stopped")
	return nil
}

// ensureSeedSet generates the built-in set from the seed document on first
// start; later starts find it in the database.
func ensureSeedSet(ctx context.Context, store *db.Store) error {
	if _, err := store.BuiltinSet(ctx, seedName); err == nil || !errors.Is(err, questions.ErrNotFound) {
		return err
	}
	set, err := seedSet()
	if err != nil {
		return err
	}
	_, err = store.CreateSet(ctx, set, seedName)
	return err
}

func seedSet() (questions.Set, error) {
	set, err := generate.Generate(seedDocument, generate.Options{
		Title:  "Workers' Opposition",
		Origin: "generated from workers-opposition.txt (Wikipedia)",
	})
	if err != nil {
		return questions.Set{}, fmt.Errorf("generate the built-in set: %w", err)
	}
	return set, nil
}

// submitOverdue hands in, every so often, the quiz attempts open past
// their deadline, with what was saved by then (Moodle's "open attempts are
// submitted automatically"). Any number of servers may run it on one
// database: each attempt is handed in once (db.Store.SubmitOverdue); and a
// page of an attempt past its deadline hands it in on the spot.
func submitOverdue(ctx context.Context, store *db.Store, log *slog.Logger, every time.Duration) {
	const batch = 200
	tick(ctx, every, func() {
		for {
			n, err := store.SubmitOverdue(ctx, batch)
			if err != nil && ctx.Err() == nil {
				log.Warn("hand in overdue attempts", "err", err)
			}
			if n > 0 {
				log.Info("handed in overdue attempts", "count", n)
			}
			if err != nil || n < batch {
				return
			}
		}
	})
}

// tick runs fn every so often until ctx ends.
func tick(ctx context.Context, every time.Duration, fn func()) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			fn()
		}
	}
}

// sweepSessions deletes expired sessions once an hour.
func sweepSessions(ctx context.Context, store *db.Store, log *slog.Logger) {
	tick(ctx, time.Hour, func() {
		if _, err := store.DeleteExpiredSessions(ctx); err != nil && ctx.Err() == nil {
			log.Warn("sweep sessions", "err", err)
		}
	})
}
