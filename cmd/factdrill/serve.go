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
	"runtime/debug"
	"time"

	"factdrill/db"
	"factdrill/questions"
	"factdrill/questions/generate"
	"factdrill/web"
)

//go:embed seed/workers-opposition.txt
var seedDocument string

// memoryLimit is the soft memory limit serve sets unless GOMEMLIMIT says
// otherwise.
const memoryLimit = 400 << 20

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
	if getenv("GOMEMLIMIT") == "" {
		// A soft limit: near it, the collector works harder instead of
		// letting the heap double (see the README's figures).
		debug.SetMemoryLimit(memoryLimit)
	}

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
	fmt.Fprintf(stdout, "factdrill: serving %s on http://%s/\n", db.Redacted(cfg.DB), ln.Addr())
	if err := teacherStart(ctx, store, *cfg, ln.Addr(), stdout, stderr); err != nil {
		ln.Close()
		return err
	}

	go sweep(ctx, store, log)
	go fitWeights(ctx, store, log, fitEvery)
	go submitOverdue(ctx, store, log, cfg.OverdueEvery)
	// Background jobs stop with the server: a job running then goes back
	// to the queue, for the next start.
	jobs, stopJobs := context.WithCancel(ctx)
	srv.Start(jobs)
	defer srv.Wait()
	defer stopJobs()
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
	srv.Wait()
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
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		for {
			n, err := store.SubmitOverdue(ctx, batch)
			if err != nil && ctx.Err() == nil {
				log.Warn("hand in overdue attempts", "err", err)
			}
			if n > 0 {
				log.Info("handed in overdue attempts", "count", n)
			}
			if err != nil || n < batch {
				break
			}
		}
	}
}

// Sweeping: what the database keeps only for a while.
const (
	sweepEvery = time.Hour
	// idleLearner is how long a learner who never answered anything is
	// kept after their last visit.
	idleLearner = 24 * time.Hour
	// keepEnded is how long ended jobs are kept (a failed one keeps its
	// document that long, for its teacher to try again); keepTries how
	// long the tries of the limits on guessing are (they count for 15
	// minutes at most).
	keepEnded = db.FailedInputKept
	keepTries = time.Hour
	// keepMedia is how long an image no question shows is kept after it
	// was last stored: time enough to upload a picture and then write the
	// question that shows it.
	keepMedia = 7 * 24 * time.Hour
)

// sweep deletes, at start and then once an hour, expired sessions,
// learners who never answered anything and have not been seen for a day
// (with their sessions), jobs that ended a day ago and tries of the
// limits on guessing older than an hour, and images no question shows
// that were last stored a week ago.
func sweep(ctx context.Context, store *db.Store, log *slog.Logger) {
	t := time.NewTicker(sweepEvery)
	defer t.Stop()
	for {
		now := store.Now()
		for what, do := range map[string]func() (int64, error){
			"expired sessions": func() (int64, error) { return store.DeleteExpiredSessions(ctx) },
			"idle learners":    func() (int64, error) { return store.DeleteIdleLearners(ctx, idleLearner) },
			"ended jobs":       func() (int64, error) { return store.DeleteEndedJobs(ctx, now.Add(-keepEnded)) },
			"old tries":        func() (int64, error) { return store.DeleteOldTries(ctx, now.Add(-keepTries)) },
			"unused images":    func() (int64, error) { return store.DeleteUnusedMedia(ctx, now.Add(-keepMedia)) },
		} {
			n, err := do()
			switch {
			case err != nil && ctx.Err() == nil:
				log.Warn("sweep", "what", what, "err", err)
			case n > 0:
				log.Info("swept", "what", what, "rows", n)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// fitEvery is how often the server looks for learners and classes due for
// a fit of their FSRS-6 weights.
const fitEvery = 30 * time.Second

// fitWeights fits, every interval, the learners and classes due for it
// (see db.Store.FitDue), one at a time: every server runs it, and the
// store's claims keep two from fitting the same one. A fit takes about a
// second for 100,000 answers, on one core.
func fitWeights(ctx context.Context, store *db.Store, log *slog.Logger, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			reports, err := store.FitAll(ctx)
			for _, r := range reports {
				log.Info("fitted FSRS weights", "fit", r.String())
			}
			if err != nil && ctx.Err() == nil {
				log.Warn("fit FSRS weights", "err", err)
			}
		}
	}
}
