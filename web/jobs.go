package web

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"factdrill/db"
	"factdrill/questions"
)

// Background jobs are rows of the database (see db.Store.ClaimJob): the
// request that makes one only queues it, and a fixed pool of workers in
// every server process claims and runs them, so that jobs survive a
// restart, any server may run any job, and a server never runs more jobs
// at once than it has workers. A job runs under a deadline, writes a
// heartbeat with its progress, stops when its teacher cancels it (seen at
// the next heartbeat), and a panic fails the job, not the server.

// JobConfig says how this server runs background jobs.
type JobConfig struct {
	// Workers is how many jobs this server runs at once.
	Workers int
	// Timeout is a job's deadline, from when a server claims it.
	Timeout time.Duration
	// PerTeacher and Queued cap the jobs queued or running at once, for
	// one teacher and in all; beyond them a new job is refused with 503.
	PerTeacher, Queued int
	// Beat is how often a running job writes its heartbeat and progress;
	// Stale how old a heartbeat may get before the job's server is taken
	// for dead and another claims the job.
	Beat, Stale time.Duration
	// Poll is how often an idle worker looks for jobs other servers
	// queued (a job queued here wakes a worker at once).
	Poll time.Duration
	// MaxClaims is how many times a job may be claimed (its servers died
	// running it) before it fails.
	MaxClaims int
}

// defaultJobConfig: one generation at a time per server, as the largest
// document takes up to 250 MB and ten seconds of a core (see
// BENCHMARKS.md): two at once could pass the server's memory budget, and
// would take every core of a small server from its pages. Two minutes is
// ample for any document.
var defaultJobConfig = JobConfig{Workers: 1, Timeout: 2 * time.Minute, PerTeacher: 3, Queued: 20,
	Beat: 2 * time.Second, Stale: 30 * time.Second, Poll: 2 * time.Second, MaxClaims: 2}

func (c JobConfig) limits() db.JobLimits {
	return db.JobLimits{PerOwner: c.PerTeacher, Total: c.Queued}
}

// The kinds of job, and the work of each.
const jobGenerate = "generate"

// jobWork does a job: it returns the set it made, calling progress as it
// goes, and stops when ctx is done.
type jobWork func(ctx context.Context, j db.Job, progress func(done, total int)) (questions.Set, error)

// busyRetryAfter is the Retry-After, in seconds, of a 503 for a full queue
// or a full budget.
const busyRetryAfter = 30

// jobRunner is this server's pool of job workers.
type jobRunner struct {
	store *db.Store
	log   *slog.Logger
	cfg   JobConfig
	// server names this server process in the jobs its workers claim.
	server string
	work   map[string]jobWork
	wake   chan struct{}
	wg     sync.WaitGroup
}

// Why a job's context ends, other than its server stopping.
var (
	errJobDeadline  = errors.New("web: the job ran past its deadline")
	errJobCancelled = errors.New("web: the job was cancelled, or taken over by another server")
)

// withDefaults is c with the defaults in the fields left zero.
func (c JobConfig) withDefaults() JobConfig {
	d := defaultJobConfig
	return JobConfig{Workers: cmp.Or(c.Workers, d.Workers), Timeout: cmp.Or(c.Timeout, d.Timeout),
		PerTeacher: cmp.Or(c.PerTeacher, d.PerTeacher), Queued: cmp.Or(c.Queued, d.Queued), Beat: cmp.Or(c.Beat, d.Beat),
		Stale: cmp.Or(c.Stale, d.Stale), Poll: cmp.Or(c.Poll, d.Poll), MaxClaims: cmp.Or(c.MaxClaims, d.MaxClaims)}
}

func newJobRunner(store *db.Store, log *slog.Logger, cfg JobConfig, work map[string]jobWork) *jobRunner {
	host, _ := os.Hostname()
	var b [4]byte
	rand.Read(b[:])
	return &jobRunner{store: store, log: log, cfg: cfg, work: work, wake: make(chan struct{}, 1),
		server: fmt.Sprintf("%s:%d:%s", host, os.Getpid(), hex.EncodeToString(b[:]))}
}

// start runs the workers until ctx is done; wait waits for them to have
// put back or finished their jobs.
func (jr *jobRunner) start(ctx context.Context) {
	for i := range jr.cfg.Workers {
		jr.wg.Go(func() { jr.loop(ctx, fmt.Sprintf("%s/%d", jr.server, i)) })
	}
}

func (jr *jobRunner) wait() { jr.wg.Wait() }

// poke wakes an idle worker: a job was queued.
func (jr *jobRunner) poke() {
	select {
	case jr.wake <- struct{}{}:
	default:
	}
}

// loop is one worker, named worker in the jobs it claims.
func (jr *jobRunner) loop(ctx context.Context, worker string) {
	poll := time.NewTicker(jr.cfg.Poll)
	defer poll.Stop()
	claim := db.JobClaim{Worker: worker, Run: jr.cfg.Timeout, Stale: jr.cfg.Stale, MaxClaims: jr.cfg.MaxClaims}
	for {
		j, ok, err := jr.store.ClaimJob(ctx, claim)
		if err != nil && ctx.Err() == nil {
			jr.log.Error("claim a job", "err", err)
		}
		if ok {
			jr.run(ctx, j, worker)
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-jr.wake:
		case <-poll.C:
		}
	}
}

// run does one claimed job and records how it ended. server is the
// server's life: when it ends first, the job goes back to the queue.
func (jr *jobRunner) run(server context.Context, j db.Job, worker string) {
	ctx, cancel := context.WithCancelCause(server)
	defer cancel(nil)
	ctx, stop := context.WithTimeoutCause(ctx, jr.cfg.Timeout, errJobDeadline)
	defer stop()

	var done, total atomic.Int64
	beats := make(chan struct{})
	go func() {
		defer close(beats)
		t := time.NewTicker(jr.cfg.Beat)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			err := jr.store.BeatJob(server, j.ID, worker, int(done.Load()), int(total.Load()))
			if errors.Is(err, questions.ErrConflict) {
				cancel(errJobCancelled)
				return
			}
			if err != nil && server.Err() == nil {
				jr.log.Warn("job heartbeat", "job", j.ID, "err", err)
			}
		}
	}()
	set, err := jr.do(ctx, j, func(d, t int) { done.Store(int64(d)); total.Store(int64(t)) })
	stop()
	<-beats

	// The outcome is written even as the server stops: a short context of
	// its own.
	rec, recDone := context.WithTimeout(context.WithoutCancel(server), 10*time.Second)
	defer recDone()
	cause := context.Cause(ctx)
	switch {
	case server.Err() != nil:
		err = jr.store.ReleaseJob(rec, j.ID, worker)
	case errors.Is(cause, errJobCancelled):
		return
	case err == nil:
		_, err = jr.store.FinishJob(rec, j.ID, worker, set)
	case errors.Is(cause, errJobDeadline):
		err = jr.store.FailJob(rec, j.ID, worker, fmt.Sprintf("Reading this document took longer than %s, so it was stopped and nothing was saved. "+
			"Try a shorter document, or split it in parts.", durationText(jr.cfg.Timeout)))
	default:
		msg, known := generateErrorText(err)
		var p *jobPanic
		if errors.As(err, &p) {
			jr.log.Error("job panicked", "job", j.ID, "kind", j.Kind, "panic", p.value, "stack", p.stack)
		} else if !known {
			jr.log.Error("job failed", "job", j.ID, "kind", j.Kind, "err", err)
		}
		err = jr.store.FailJob(rec, j.ID, worker, msg)
	}
	if err != nil && !errors.Is(err, questions.ErrConflict) {
		jr.log.Error("record a job's end", "job", j.ID, "err", err)
	}
}

// jobPanic is a job's panic, turned into its error.
type jobPanic struct {
	value any
	stack string
}

func (p *jobPanic) Error() string { return fmt.Sprintf("web: job panicked: %v", p.value) }

// do runs the job's work, turning a panic into an error.
func (jr *jobRunner) do(ctx context.Context, j db.Job, progress func(done, total int)) (set questions.Set, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &jobPanic{value: v, stack: string(debug.Stack())}
		}
	}()
	work, ok := jr.work[j.Kind]
	if !ok {
		return questions.Set{}, fmt.Errorf("web: job %d: unknown kind %q", j.ID, j.Kind)
	}
	return work(ctx, j, progress)
}
