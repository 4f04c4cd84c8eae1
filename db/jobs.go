package db

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"factdrill/questions"
)

// JobStatus is where a job stands.
type JobStatus string

// The statuses of a job: queued until a server claims it, running while
// one does, then done, failed or cancelled.
const (
	JobQueued    JobStatus = "queued"
	JobRunning   JobStatus = "running"
	JobDone      JobStatus = "done"
	JobFailed    JobStatus = "failed"
	JobCancelled JobStatus = "cancelled"
)

// Ended reports whether a job in this status will change no more.
func (st JobStatus) Ended() bool { return st == JobDone || st == JobFailed || st == JobCancelled }

// Job is a background job of a teacher's: a generation from a document.
type Job struct {
	ID      int64
	OwnerID int64
	Kind    string
	Status  JobStatus
	// Input is the document; empty once the job has ended.
	Input string
	// Params is the JSON of the job's options.
	Params []byte
	// Done out of Total steps, as of the last heartbeat.
	Done, Total int
	// ResultSetID is the draft set a finished job made; 0 for none (or
	// deleted since).
	ResultSetID int64
	// Error is what the teacher is told of a failed job.
	Error string
	// Claims counts the servers that took the job; ClaimedBy is the last.
	Claims    int
	ClaimedBy string
	// Ahead counts the queued jobs before this one (for a queued job).
	Ahead      int
	CreatedAt  time.Time
	StartedAt  time.Time
	Deadline   time.Time
	Heartbeat  time.Time
	FinishedAt time.Time
}

// JobLimits bound the jobs queued or running at once: per teacher and in
// all, so that a few teachers cannot fill the server's memory or hold
// everyone else's documents back for long.
type JobLimits struct {
	PerOwner, Total int
}

// JobClaim says how a server runs the jobs it claims: for at most Run
// each, writing a heartbeat more often than Stale, after which a running
// job's server is taken for dead and the job is claimed again, unless it
// was claimed MaxClaims times already (it stopped every server that ran
// it), when it fails.
type JobClaim struct {
	Worker    string
	Run       time.Duration
	Stale     time.Duration
	MaxClaims int
}

// errJobLost is the answer to a server whose job is no longer its own:
// cancelled by its teacher, or claimed by another server after a stale
// heartbeat.
var errJobLost = questions.Errorf(questions.CodeConflict, "the job is no longer this server's: it was cancelled or taken over")

// EnqueueJob queues a job of the teacher's and returns its id. A teacher
// with PerOwner jobs queued or running already, or a server with Total,
// gives a questions.CodeUnavailable error saying so: nothing is queued.
func (s *Store) EnqueueJob(ctx context.Context, ownerID int64, kind, input string, params []byte, lim JobLimits) (int64, error) {
	now := s.now()
	var id int64
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		// Jobs queued at once (on several servers) take turns between the
		// count and the insert, so that the limits hold.
		if err := s.lockNames(ctx, tx, "job queue"); err != nil {
			return err
		}
		var mine, all int
		err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(CASE WHEN owner_id = ? THEN 1 ELSE 0 END), 0)
			FROM jobs WHERE status IN ('queued', 'running')`, ownerID).Scan(&all, &mine)
		if err != nil {
			return err
		}
		switch {
		case mine >= lim.PerOwner:
			return questions.Errorf(questions.CodeUnavailable, "you have %d documents being read already: wait for one of them to finish, then try again", mine)
		case all >= lim.Total:
			return questions.Errorf(questions.CodeUnavailable, "the server is busy reading other teachers' documents: please try again in a minute")
		}
		return tx.QueryRowContext(ctx, `INSERT INTO jobs (owner_id, kind, status, input, params, created_at)
			VALUES (?, ?, 'queued', ?, ?, ?) RETURNING id`, ownerID, kind, input, string(params), now.UTC()).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("db: queue a %s job: %w", kind, err)
	}
	return id, nil
}

const jobColumns = `id, owner_id, kind, status, input, params, done, total, coalesce(result_set_id, 0), error, claims,
	coalesce(claimed_by, ''), created_at, started_at, deadline, heartbeat_at, finished_at`

func scanJob(row scanner) (Job, error) {
	var (
		j                                      Job
		params                                 string
		started, deadline, heartbeat, finished sql.NullTime
	)
	err := row.Scan(&j.ID, &j.OwnerID, &j.Kind, &j.Status, &j.Input, &params, &j.Done, &j.Total, &j.ResultSetID, &j.Error,
		&j.Claims, &j.ClaimedBy, &j.CreatedAt, &started, &deadline, &heartbeat, &finished)
	if errors.Is(err, sql.ErrNoRows) {
		return Job{}, questions.ErrNotFound
	}
	j.Params = []byte(params)
	j.CreatedAt = j.CreatedAt.UTC()
	j.StartedAt, j.Deadline, j.Heartbeat, j.FinishedAt = timeOf(started), timeOf(deadline), timeOf(heartbeat), timeOf(finished)
	return j, err
}

// Job returns the teacher's job with its progress, without its input; a
// job of another teacher's is not found.
func (s *Store) Job(ctx context.Context, ownerID, id int64) (Job, error) {
	return read(ctx, s, fmt.Sprintf("job %d", id), func(tx *sql.Tx) (Job, error) {
		j, err := scanJob(tx.QueryRowContext(ctx, "SELECT "+jobColumns+" FROM jobs WHERE id = ? AND owner_id = ?", id, ownerID))
		if err != nil {
			return Job{}, err
		}
		j.Input = ""
		if j.Status == JobQueued {
			err = tx.QueryRowContext(ctx, "SELECT count(*) FROM jobs WHERE status = 'queued' AND id < ?", id).Scan(&j.Ahead)
		}
		return j, err
	})
}

// FailedInputKept is how long the document of a failed job is kept, so
// that its teacher can try again without pasting it anew (see
// FailedJobInput); other jobs drop their document when they end. The
// server's hourly sweep deletes ended jobs, the document with the row,
// once they are this old (DeleteEndedJobs).
const FailedInputKept = 24 * time.Hour

// FailedJobInput is the document of the teacher's job if it failed less
// than FailedInputKept ago; "" for any other job, and for another
// teacher's.
func (s *Store) FailedJobInput(ctx context.Context, ownerID, id int64) (string, error) {
	since := s.now().Add(-FailedInputKept).UTC()
	return read(ctx, s, fmt.Sprintf("job %d input", id), func(tx *sql.Tx) (string, error) {
		var input string
		err := tx.QueryRowContext(ctx, "SELECT input FROM jobs WHERE id = ? AND owner_id = ? AND status = 'failed' AND finished_at >= ?",
			id, ownerID, since).Scan(&input)
		if errors.Is(err, sql.ErrNoRows) {
			return "", nil
		}
		return input, err
	})
}

// ClaimJob takes the oldest job that is queued, or running on a server
// whose heartbeat went stale, for c.Worker to run, with a deadline of
// c.Run from now: ok is false when there is none. The claim is an UPDATE
// that checks the job's state and counts the rows it changed, so of
// servers claiming at once only one gets a job. A stale job claimed
// c.MaxClaims times already fails instead.
func (s *Store) ClaimJob(ctx context.Context, c JobClaim) (j Job, ok bool, err error) {
	now := s.now()
	staleBefore := now.Add(-c.Stale).UTC()
	// Look first, so that an idle server polling for work writes nothing.
	id, err := read(ctx, s, "find a job", func(tx *sql.Tx) (int64, error) {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM jobs WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < ?)
			ORDER BY id LIMIT 1`, staleBefore).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, nil
		}
		return id, err
	})
	if err != nil || id == 0 {
		return Job{}, false, err
	}
	err = s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE jobs SET status = 'failed', finished_at = ?, input = '',
			error = 'The document stopped the server reading it, more than once, so it was not tried again.'
			WHERE id = ? AND status = 'running' AND heartbeat_at < ? AND claims >= ?`, now.UTC(), id, staleBefore, c.MaxClaims)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			return err
		}
		res, err = tx.ExecContext(ctx, `UPDATE jobs SET status = 'running', claimed_by = ?, claims = claims + 1,
			started_at = ?, deadline = ?, heartbeat_at = ?
			WHERE id = ? AND (status = 'queued' OR (status = 'running' AND heartbeat_at < ?))`,
			c.Worker, now.UTC(), now.Add(c.Run).UTC(), now.UTC(), id, staleBefore)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err // another server was first
		}
		j, err = scanJob(tx.QueryRowContext(ctx, "SELECT "+jobColumns+" FROM jobs WHERE id = ?", id))
		ok = err == nil
		return err
	})
	if err != nil {
		return Job{}, false, fmt.Errorf("db: claim job %d: %w", id, err)
	}
	return j, ok, nil
}

// changeJob runs one UPDATE of a job that c.Worker runs: a job that is no
// longer running as the worker's (cancelled, or taken over) gives
// errJobLost.
func (s *Store) changeJob(ctx context.Context, what string, id int64, query string, args ...any) error {
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmp.Or(err, errJobLost)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("db: %s job %d: %w", what, id, err)
	}
	return nil
}

// BeatJob writes a running job's heartbeat and progress. A job that is no
// longer the worker's gives an error matching questions.ErrConflict: the
// worker should stop it.
func (s *Store) BeatJob(ctx context.Context, id int64, worker string, done, total int) error {
	return s.changeJob(ctx, "beat", id, `UPDATE jobs SET heartbeat_at = ?, done = ?, total = ?
		WHERE id = ? AND claimed_by = ? AND status = 'running'`, s.now().UTC(), done, total, id, worker)
}

// FailJob ends a running job of the worker's as failed, with what the
// teacher is told; its document is kept for FailedInputKept.
func (s *Store) FailJob(ctx context.Context, id int64, worker, message string) error {
	return s.changeJob(ctx, "fail", id, `UPDATE jobs SET status = 'failed', error = ?, finished_at = ?
		WHERE id = ? AND claimed_by = ? AND status = 'running'`, message, s.now().UTC(), id, worker)
}

// ReleaseJob puts a running job of the worker's back in the queue, not
// counting the claim: its server is stopping, through no fault of the job.
func (s *Store) ReleaseJob(ctx context.Context, id int64, worker string) error {
	return s.changeJob(ctx, "release", id, `UPDATE jobs SET status = 'queued', claimed_by = NULL, heartbeat_at = NULL,
		deadline = NULL, claims = CASE WHEN claims > 0 THEN claims - 1 ELSE 0 END WHERE id = ? AND claimed_by = ? AND status = 'running'`, id, worker)
}

// FinishJob stores the set a job of the worker's made, as a draft of the
// job's teacher, and ends the job as done, in one transaction: a job
// cancelled meanwhile stores nothing (an error matching
// questions.ErrConflict), and no job stores its set twice.
func (s *Store) FinishJob(ctx context.Context, id int64, worker string, set questions.Set) (int64, error) {
	now := s.now()
	if err := set.Validate(); err != nil {
		return 0, fmt.Errorf("db: finish job %d: %w", id, invalidSet(err))
	}
	var setID int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		var owner int64
		// The job's row is locked: a cancel at this moment either comes
		// first (and nothing is stored) or waits for the job to be done.
		err := tx.QueryRowContext(ctx, "SELECT owner_id FROM jobs WHERE id = ? AND claimed_by = ? AND status = 'running'"+forUpdate, id, worker).Scan(&owner)
		if errors.Is(err, sql.ErrNoRows) {
			return errJobLost
		} else if err != nil {
			return err
		}
		if setID, err = createSetTx(ctx, tx, set, nil, owner, false, now); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE jobs SET status = 'done', result_set_id = ?, finished_at = ?, input = '', done = total
			WHERE id = ?`, setID, now.UTC(), id)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("db: finish job %d: %w", id, err)
	}
	return setID, nil
}

// CancelJob cancels the teacher's job if it has not ended: a queued job
// is never run, a running one is stopped by its server at its next
// heartbeat. A job that has ended already is left as it is, and cancelled
// is false: the teacher asked too late.
func (s *Store) CancelJob(ctx context.Context, ownerID, id int64) (cancelled bool, err error) {
	now := s.now()
	err = s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		cancelled = false // a retried transaction starts afresh
		res, err := tx.ExecContext(ctx, `UPDATE jobs SET status = 'cancelled', finished_at = ?, input = ''
			WHERE id = ? AND owner_id = ? AND status IN ('queued', 'running')`, now.UTC(), id, ownerID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			cancelled = err == nil
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM jobs WHERE id = ? AND owner_id = ?", id, ownerID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return questions.ErrNotFound
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("db: cancel job %d: %w", id, err)
	}
	return cancelled, nil
}

// DeleteEndedJobs deletes the jobs that ended before a time, and returns
// how many.
func (s *Store) DeleteEndedJobs(ctx context.Context, before time.Time) (int64, error) {
	return s.deleteRows(ctx, s.inWriteKeep, "delete ended jobs",
		"DELETE FROM jobs WHERE status IN ('done', 'failed', 'cancelled') AND finished_at < ?", before.UTC())
}
