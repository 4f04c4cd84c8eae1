package db

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"factdrill/questions"
)

var testClaim = JobClaim{Worker: "a", Run: time.Minute, Stale: 30 * time.Second, MaxClaims: 2}

func claimAs(c JobClaim, worker string) JobClaim { c.Worker = worker; return c }

// jobStore is a store with a teacher, and the teacher's id.
func jobStore(t *testing.T) (*Store, int64) {
	t.Helper()
	s := openStore(t)
	tc, err := s.CreateTeacher(context.Background(), "Rivera", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	return s, tc.ID
}

func mustEnqueue(t *testing.T, s *Store, owner int64) int64 {
	t.Helper()
	id, err := s.EnqueueJob(context.Background(), owner, "generate", "a document", []byte(`{"n":5}`), JobLimits{PerOwner: 10, Total: 10})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func jobStatus(t *testing.T, s *Store, owner, id int64) Job {
	t.Helper()
	j, err := s.Job(context.Background(), owner, id)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestStore_EnqueueJobLimits(t *testing.T) {
	s, owner := jobStore(t)
	ctx := context.Background()
	other, _ := s.CreateTeacher(ctx, "Okafor", "correct horse battery")
	lim := JobLimits{PerOwner: 2, Total: 3}
	for range 2 {
		if _, err := s.EnqueueJob(ctx, owner, "generate", "text", nil, lim); err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.EnqueueJob(ctx, owner, "generate", "text", nil, lim)
	if questions.ErrorCode(err) != questions.CodeUnavailable {
		t.Fatalf("a third job of one teacher: %v, want unavailable", err)
	}
	if _, err := s.EnqueueJob(ctx, other.ID, "generate", "text", nil, lim); err != nil {
		t.Fatalf("another teacher's first job: %v", err)
	}
	_, err = s.EnqueueJob(ctx, other.ID, "generate", "text", nil, lim)
	if questions.ErrorCode(err) != questions.CodeUnavailable || !errors.Is(err, questions.ErrUnavailable) {
		t.Fatalf("a fourth job in all: %v, want unavailable", err)
	}
	// An ended job no longer counts.
	j, _, _ := s.ClaimJob(ctx, testClaim)
	if err := s.FailJob(ctx, j.ID, "a", "no"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.EnqueueJob(ctx, other.ID, "generate", "text", nil, lim); err != nil {
		t.Fatalf("a job once another ended: %v", err)
	}
}

// TestStore_ClaimJobOnce checks that of workers claiming at once, each job
// goes to one of them.
func TestStore_ClaimJobOnce(t *testing.T) {
	s, owner := jobStore(t)
	const jobs, workers = 5, 8
	for range jobs {
		mustEnqueue(t, s, owner)
	}
	var (
		mu  sync.Mutex
		got = map[int64][]string{}
		wg  sync.WaitGroup
	)
	for w := range workers {
		wg.Go(func() {
			name := string(rune('a' + w))
			for range jobs {
				j, ok, err := s.ClaimJob(context.Background(), claimAs(testClaim, name))
				if err != nil {
					t.Error(err)
					return
				}
				if ok {
					mu.Lock()
					got[j.ID] = append(got[j.ID], name)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	if len(got) != jobs {
		t.Errorf("%d jobs claimed, want %d", len(got), jobs)
	}
	for id, by := range got {
		if len(by) != 1 {
			t.Errorf("job %d claimed by %v, want one worker", id, by)
		}
		if j := jobStatus(t, s, owner, id); j.Status != JobRunning || j.ClaimedBy != by[0] || j.Claims != 1 {
			t.Errorf("job %d = %s by %q (%d claims), want running by %q, claimed once", id, j.Status, j.ClaimedBy, j.Claims, by[0])
		}
	}
}

// TestStore_JobOfDeadServer checks that a job whose server stopped writing
// its heartbeat is claimed by another, that the first server can then
// neither write to it nor store its set, and that a job that outlived two
// servers fails.
func TestStore_JobOfDeadServer(t *testing.T) {
	s, owner := jobStore(t)
	ctx := context.Background()
	id := mustEnqueue(t, s, owner)
	if _, ok, _ := s.ClaimJob(ctx, claimAs(testClaim, "a")); !ok {
		t.Fatal("no job claimed")
	}
	// Within the heartbeat's life, nobody else takes it.
	at(s, t0.Add(20*time.Second))
	if err := s.BeatJob(ctx, id, "a", 3, 10); err != nil {
		t.Fatal(err)
	}
	at(s, t0.Add(45*time.Second))
	if _, ok, _ := s.ClaimJob(ctx, claimAs(testClaim, "b")); ok {
		t.Fatal("a job with a live heartbeat was claimed by another worker")
	}
	at(s, t0.Add(51*time.Second))
	j, ok, err := s.ClaimJob(ctx, claimAs(testClaim, "b"))
	if err != nil || !ok || j.ID != id || j.Claims != 2 || j.Input != "a document" {
		t.Fatalf("claim after a stale heartbeat = %+v, %v, %v; want job %d claimed twice, with its input", j, ok, err, id)
	}
	if err := s.BeatJob(ctx, id, "a", 4, 10); !errors.Is(err, questions.ErrConflict) {
		t.Errorf("the first server's heartbeat after the takeover: %v, want a conflict", err)
	}
	if _, err := s.FinishJob(ctx, id, "a", testSet); !errors.Is(err, questions.ErrConflict) {
		t.Errorf("the first server's finish after the takeover: %v, want a conflict", err)
	}
	if sets, _ := s.TeacherSets(ctx, owner); len(sets) != 0 {
		t.Errorf("the first server stored %d sets, want none", len(sets))
	}
	// The second server dies too: the job fails rather than stop a third.
	at(s, t0.Add(2*time.Minute))
	if _, ok, err := s.ClaimJob(ctx, claimAs(testClaim, "c")); ok || err != nil {
		t.Fatalf("claim of a job two servers died running = %v, %v; want none", ok, err)
	}
	if j := jobStatus(t, s, owner, id); j.Status != JobFailed || j.Error == "" {
		t.Errorf("the job is %s (%q), want failed with a reason", j.Status, j.Error)
	}
}

func TestStore_FinishJob(t *testing.T) {
	s, owner := jobStore(t)
	ctx := context.Background()
	id := mustEnqueue(t, s, owner)
	s.ClaimJob(ctx, testClaim)
	if err := s.BeatJob(ctx, id, "a", 7, 10); err != nil {
		t.Fatal(err)
	}
	if j := jobStatus(t, s, owner, id); j.Done != 7 || j.Total != 10 || j.Input != "" {
		t.Errorf("progress = %d of %d (input %q), want 7 of 10 and no input on the page", j.Done, j.Total, j.Input)
	}
	setID, err := s.FinishJob(ctx, id, "a", testSet)
	if err != nil {
		t.Fatal(err)
	}
	info, qs, err := s.TeacherSet(ctx, owner, setID)
	if err != nil || info.Published || len(qs) != len(testSet.Questions) {
		t.Fatalf("the job's set = %+v with %d questions (%v), want a draft of the teacher's", info, len(qs), err)
	}
	j := jobStatus(t, s, owner, id)
	if j.Status != JobDone || j.ResultSetID != setID || j.FinishedAt.IsZero() {
		t.Errorf("job = %+v, want done with set %d", j, setID)
	}
	if _, err := s.FinishJob(ctx, id, "a", testSet); !errors.Is(err, questions.ErrConflict) {
		t.Errorf("finishing a done job again: %v, want a conflict", err)
	}
	var input string
	s.read.QueryRow("SELECT input FROM jobs WHERE id = ?", id).Scan(&input)
	if input != "" {
		t.Errorf("a done job keeps its input (%d bytes), want it emptied", len(input))
	}
	if _, err := s.Job(ctx, owner+1, id); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("another teacher's view of the job: %v, want not found", err)
	}
	at(s, t0.Add(25*time.Hour))
	if n, err := s.DeleteEndedJobs(ctx, t0.Add(time.Hour)); err != nil || n != 1 {
		t.Errorf("DeleteEndedJobs = %d, %v; want 1", n, err)
	}
}

func TestStore_CancelJob(t *testing.T) {
	s, owner := jobStore(t)
	ctx := context.Background()
	queued, running := mustEnqueue(t, s, owner), mustEnqueue(t, s, owner)
	// Claim the first, then swap: the one left queued is cancelled first.
	s.ClaimJob(ctx, testClaim)
	queued, running = running, queued
	if cancelled, err := s.CancelJob(ctx, owner, queued); err != nil || !cancelled {
		t.Fatalf("cancel a queued job: %v, %v, want cancelled", cancelled, err)
	}
	if _, ok, _ := s.ClaimJob(ctx, claimAs(testClaim, "b")); ok {
		t.Error("a cancelled job was claimed")
	}
	if cancelled, err := s.CancelJob(ctx, owner, running); err != nil || !cancelled {
		t.Fatalf("cancel a running job: %v, %v, want cancelled", cancelled, err)
	}
	if err := s.BeatJob(ctx, running, "a", 1, 2); !errors.Is(err, questions.ErrConflict) {
		t.Errorf("heartbeat of a cancelled job: %v, want a conflict (the worker stops)", err)
	}
	if _, err := s.FinishJob(ctx, running, "a", testSet); !errors.Is(err, questions.ErrConflict) {
		t.Errorf("finish of a cancelled job: %v, want a conflict", err)
	}
	if sets, _ := s.TeacherSets(ctx, owner); len(sets) != 0 {
		t.Errorf("a cancelled job stored %d sets, want none", len(sets))
	}
	if _, err := s.CancelJob(ctx, owner+1, running); !errors.Is(err, questions.ErrNotFound) {
		t.Errorf("another teacher cancels: %v, want not found", err)
	}
	if cancelled, err := s.CancelJob(ctx, owner, running); err != nil || cancelled {
		t.Errorf("cancelling a cancelled job again: %v, %v, want nothing to happen (too late)", cancelled, err)
	}
}

func TestStore_ReleaseJob(t *testing.T) {
	s, owner := jobStore(t)
	ctx := context.Background()
	id := mustEnqueue(t, s, owner)
	s.ClaimJob(ctx, testClaim)
	if err := s.ReleaseJob(ctx, id, "a"); err != nil {
		t.Fatal(err)
	}
	if j := jobStatus(t, s, owner, id); j.Status != JobQueued || j.Claims != 0 {
		t.Errorf("released job = %s with %d claims, want queued with none", j.Status, j.Claims)
	}
	if j, ok, _ := s.ClaimJob(ctx, claimAs(testClaim, "b")); !ok || j.ID != id {
		t.Error("a released job was not claimed again")
	}
}

// TestStore_FailedJobKeepsItsInput: a failed job's document is there for
// its teacher to try again, for a day, and for no one else; the sweep of
// ended jobs a day old deletes it with its job.
func TestStore_FailedJobKeepsItsInput(t *testing.T) {
	s, owner := jobStore(t)
	ctx := context.Background()
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	at(s, t0)
	id := mustEnqueue(t, s, owner)
	if _, ok, err := s.ClaimJob(ctx, testClaim); !ok || err != nil {
		t.Fatalf("claim = %v, %v", ok, err)
	}
	if got, err := s.FailedJobInput(ctx, owner, id); got != "" || err != nil {
		t.Errorf("a running job's input for trying again = %q, %v; want none", got, err)
	}
	if err := s.FailJob(ctx, id, "a", "No question could be written."); err != nil {
		t.Fatal(err)
	}
	if got, err := s.FailedJobInput(ctx, owner, id); got != "a document" || err != nil {
		t.Errorf("the failed job's input = %q, %v; want its document", got, err)
	}
	if got, _ := s.FailedJobInput(ctx, owner+1, id); got != "" {
		t.Errorf("another teacher reads the failed job's input %q", got)
	}
	if j := jobStatus(t, s, owner, id); j.Input != "" {
		t.Errorf("the job's page gets its input %q, want none", j.Input)
	}
	at(s, t0.Add(FailedInputKept+time.Minute))
	if got, _ := s.FailedJobInput(ctx, owner, id); got != "" {
		t.Errorf("the failed job's input after a day = %q, want none", got)
	}
	if n, err := s.DeleteEndedJobs(ctx, s.now().Add(-FailedInputKept)); n != 1 || err != nil {
		t.Fatalf("the sweep of jobs ended a day ago = %d, %v; want the failed job", n, err)
	}
	var n int
	if err := s.read.QueryRow("SELECT count(*) FROM jobs WHERE input <> ''").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d documents kept after the sweep (%v), want none", n, err)
	}
}
