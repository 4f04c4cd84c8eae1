package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"factdrill/db"
	"factdrill/questions"
)

// jobEnv is a server whose generation work is replaced by work, with a
// teacher logged in on tc.
func jobEnv(t *testing.T, cfg JobConfig, work jobWork) (*env, *browser) {
	t.Helper()
	c := DefaultConfig()
	c.Jobs = cfg
	e := newEnvWith(t, c, func(s *Server) {
		if work != nil {
			s.jobs.work[jobGenerate] = work
		}
	})
	if _, err := e.store.CreateTeacher(context.Background(), "Rivera", testPassword); err != nil {
		t.Fatal(err)
	}
	tc := e.browser()
	tc.login("Rivera")
	return e, tc
}

// generateDoc posts the test document for generation and returns the
// job's page.
func (b *browser) generateDoc() string {
	b.e.t.Helper()
	r := b.upload("/teacher/sets/generate", "document", "", nil, url.Values{"text": {testDocument}, "count": {"5"}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/teacher/jobs/") {
		b.e.t.Fatalf("generate = %d to %q\n%s", r.status, r.location, r.body)
	}
	return r.location
}

// untilDone blocks until ctx is done: a job that never ends by itself.
func untilDone(ctx context.Context, j db.Job, progress func(done, total int)) (questions.Set, error) {
	progress(1, 10)
	<-ctx.Done()
	return questions.Set{}, ctx.Err()
}

// TestJob_Panic checks that a job that panics fails, with a message for
// the teacher, and that the server goes on serving (on main a panic in a
// generation took the whole server down).
func TestJob_Panic(t *testing.T) {
	e, tc := jobEnv(t, JobConfig{}, func(context.Context, db.Job, func(int, int)) (questions.Set, error) {
		var m map[string]int
		m["boom"]++ // a nil map: panics
		return questions.Set{}, nil
	})
	r := tc.waitJob(tc.generateDoc())
	if r.status != http.StatusOK {
		t.Fatalf("job page after a panic = %d", r.status)
	}
	mustContain(t, "job page", r.body, `data-testid="job-error"`, "server met an error")
	if r := e.browser().get("/healthz"); r.status != http.StatusOK {
		t.Fatalf("healthz after a job panicked = %d", r.status)
	}
	// The next job runs as usual.
	e.server.jobs.work[jobGenerate] = generateJob
	if r := tc.waitJob(tc.generateDoc()); r.status != http.StatusSeeOther || !strings.Contains(r.location, "/edit?notice=generated") {
		t.Fatalf("a job after the panic = %d to %q", r.status, r.location)
	}
}

// TestJob_Deadline checks that a job that runs past its deadline is
// stopped and fails, saying so.
func TestJob_Deadline(t *testing.T) {
	_, tc := jobEnv(t, JobConfig{Timeout: 100 * time.Millisecond}, untilDone)
	r := tc.waitJob(tc.generateDoc())
	mustContain(t, "job page", r.body, "took longer than", "nothing was saved")
}

// TestJob_Cancel checks that the teacher can cancel a running generation
// from its page: it stops, and stores nothing.
func TestJob_Cancel(t *testing.T) {
	e, tc := jobEnv(t, JobConfig{Beat: 20 * time.Millisecond}, untilDone)
	page := tc.generateDoc()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(tc.get(page).body, "step 1 of 10") {
		if time.Now().After(deadline) {
			t.Fatal("the job never showed its progress")
		}
		time.Sleep(10 * time.Millisecond)
	}
	mustContain(t, "running job", tc.get(page).body, `data-testid="job-cancel"`, `action="`+page+`/cancel"`)
	if r := tc.post(page+"/cancel", nil); r.status != http.StatusSeeOther || r.location != page {
		t.Fatalf("cancel = %d to %q", r.status, r.location)
	}
	r := tc.waitJob(page)
	mustContain(t, "cancelled job", r.body, "You cancelled this generation")
	if strings.Contains(r.body, "job-cancel") {
		t.Error("a cancelled job still offers to cancel")
	}
	// The worker let it go: the next job runs.
	e.server.jobs.work[jobGenerate] = generateJob
	done := tc.generateDoc()
	if r := tc.waitJob(done); r.status != http.StatusSeeOther {
		t.Fatalf("a job after the cancelled one = %d", r.status)
	}
	if n := countSets(t, e.store); n != 1 {
		t.Errorf("%d sets stored, want the second job's only", n)
	}

	// A cancel that comes after the job ended is too late, and says so:
	// the finished job's set, or the cancelled job's page.
	r = tc.post(done+"/cancel", nil)
	if r.status != http.StatusSeeOther || r.location != done+"?notice=too-late" {
		t.Fatalf("cancel of a finished job = %d to %q", r.status, r.location)
	}
	r = tc.get(r.location)
	if r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, "/edit?notice=generated-before-cancel") {
		t.Fatalf("the finished job's page after a late cancel = %d to %q", r.status, r.location)
	}
	mustContain(t, "set page after a late cancel", tc.get(r.location).body, "written before your cancel")
	r = tc.post(page+"/cancel", nil)
	if r.status != http.StatusSeeOther || r.location != page+"?notice=too-late" {
		t.Fatalf("a second cancel = %d to %q", r.status, r.location)
	}
	mustContain(t, "cancelled job's page after a late cancel", tc.get(r.location).body, "already ended", "You cancelled this generation")
	if n := countSets(t, e.store); n != 1 {
		t.Errorf("%d sets stored after the late cancels, want 1", n)
	}
}

// TestJob_QueueBounded checks the queue's bound: past it the teacher gets
// 503 with Retry-After, the form again with what they pasted, and a
// message saying to try later.
func TestJob_QueueBounded(t *testing.T) {
	_, tc := jobEnv(t, JobConfig{Workers: 1, PerTeacher: 2}, untilDone)
	tc.generateDoc()
	tc.generateDoc()
	r := tc.upload("/teacher/sets/generate", "document", "", nil, url.Values{"text": {testDocument}, "count": {"5"}, "title": {"Third"}})
	if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" {
		t.Fatalf("a third job = %d (Retry-After %q), want 503 with Retry-After", r.status, r.header.Get("Retry-After"))
	}
	mustContain(t, "busy form", r.body, "2 documents being read already", "Shlyapnikov", `value="Third"`)
}

// TestJob_SurvivesRestart checks that a job queued on a server that then
// stops is run by the next server on the database (on main, jobs lived in
// the server's memory and were lost), as is a job that was running when
// its server stopped, and one left running by a server that died, once
// its heartbeat is stale.
func TestJob_SurvivesRestart(t *testing.T) {
	ctx := context.Background()
	var dead int64
	cfg := DefaultConfig()
	cfg.Jobs.Workers = 1
	e := newEnvWith(t, cfg, func(s *Server) {
		s.jobs.work[jobGenerate] = untilDone
		teacher, err := s.store.CreateTeacher(ctx, "Rivera", testPassword)
		if err != nil {
			t.Fatal(err)
		}
		// A job a server that died had claimed.
		if dead, err = s.store.EnqueueJob(ctx, teacher.ID, jobGenerate, testDocument, []byte(`{"n":5}`), cfg.Jobs.limits()); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := s.store.ClaimJob(ctx, db.JobClaim{Worker: "dead", Run: time.Minute, Stale: 30 * time.Second, MaxClaims: 2}); !ok || err != nil {
			t.Fatalf("claim as the dead server: %v %v", ok, err)
		}
	})
	tc := e.browser()
	tc.login("Rivera")
	running := tc.generateDoc() // runs until its server stops
	queued := tc.generateDoc()

	// A restart, an hour later.
	e.stopServer()
	e.clock.add(time.Hour)
	s, err := New(ctx, e.store, slog.New(slog.NewTextHandler(io.Discard, nil)), DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	e.serve(s)
	for _, page := range []string{running, queued, fmt.Sprintf("/teacher/jobs/%d", dead)} {
		r := tc.waitJob(page)
		if r.status != http.StatusSeeOther || !strings.Contains(r.location, "/edit?notice=generated") {
			t.Errorf("job %s after the restart = %d to %q, want done", page, r.status, r.location)
		}
	}
	if n := countSets(t, e.store); n != 3 {
		t.Errorf("%d sets after the restart, want 3", n)
	}
}
