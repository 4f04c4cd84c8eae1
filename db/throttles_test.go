package db

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"factdrill/questions"
)

func TestLimit_Wait(t *testing.T) {
	at := func(secs ...int) []time.Time {
		var out []time.Time
		for _, s := range secs {
			out = append(out, t0.Add(time.Duration(s)*time.Second))
		}
		return out
	}
	backoff := Limit{Free: 3, Period: 15 * time.Minute, Backoff: true, MaxWait: 5 * time.Minute}
	window := Limit{Free: 3, Period: time.Minute}
	cases := []struct {
		name  string
		l     Limit
		tries []time.Time
		now   time.Time
		want  time.Duration
	}{
		{"BackoffRoom", backoff, at(0, 1), t0.Add(2 * time.Second), 0},
		{"BackoffFirst", backoff, at(0, 1, 2), t0.Add(2 * time.Second), time.Second},
		{"BackoffPassed", backoff, at(0, 1, 2), t0.Add(3 * time.Second), 0},
		{"BackoffDoubles", backoff, at(0, 1, 2, 10, 20), t0.Add(20 * time.Second), 4 * time.Second},
		{"BackoffCapped", backoff, at(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), t0.Add(12 * time.Second), 5 * time.Minute},
		{"WindowRoom", window, at(0, 10), t0.Add(20 * time.Second), 0},
		{"WindowFull", window, at(0, 10, 20), t0.Add(30 * time.Second), 30 * time.Second},
	}
	for _, c := range cases {
		if got := c.l.wait(c.tries, c.now); got != c.want {
			t.Errorf("%s: wait = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestStore_TakeAtOnce checks that tries taken at once never pass a limit
// together: each is counted in the transaction that checks it.
func TestStore_TakeAtOnce(t *testing.T) {
	s := openStore(t)
	l := Limit{Kind: "test", Key: LimitKey("10.0.0.1"), Free: 5, Period: time.Minute}
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		passed int
	)
	for range 40 {
		wg.Go(func() {
			_, wait, err := s.Take(context.Background(), l)
			if err != nil {
				t.Error(err)
			}
			if wait == 0 {
				mu.Lock()
				passed++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if passed != 5 {
		t.Errorf("%d of 40 tries at once passed a limit of 5", passed)
	}
}

func TestStore_TakeReleaseForget(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	l := Limit{Kind: "test", Key: LimitKey("a", "b"), Free: 2, Period: time.Minute}
	other := Limit{Kind: "test", Key: LimitKey("a\x00b"), Free: 2, Period: time.Minute}
	for range 2 {
		tries, wait, err := s.Take(ctx, l)
		if err != nil || wait != 0 {
			t.Fatalf("Take = %v, %v", wait, err)
		}
		// A right try is taken back: it does not count.
		if err := s.Release(ctx, tries); err != nil {
			t.Fatal(err)
		}
	}
	s.Take(ctx, l)
	s.Take(ctx, l)
	if _, wait, _ := s.Take(ctx, l); wait != time.Minute {
		t.Errorf("a third try within the minute waits %v, want 1m", wait)
	}
	if _, wait, _ := s.Take(ctx, other); wait != 0 {
		t.Errorf("another key waits %v, want 0", wait)
	}
	if err := s.Forget(ctx, l); err != nil {
		t.Fatal(err)
	}
	if _, wait, _ := s.Take(ctx, l); wait != 0 {
		t.Errorf("after Forget a try waits %v, want 0", wait)
	}
	at(s, t0.Add(time.Hour))
	if n, err := s.DeleteOldTries(ctx, t0.Add(time.Minute)); err != nil || n != 2 {
		t.Errorf("DeleteOldTries = %d, %v; want 2", n, err)
	}
}

// TestStore_AuthenticateBudget checks that a password check of a real name
// and of an unknown one go through the same budget (so that they take
// the same time, whatever else the server does), that a full budget
// refuses both as busy, and that a password too long for any teacher is
// refused before either.
func TestStore_AuthenticateBudget(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	rivera, err := s.CreateTeacher(ctx, "Rivera", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.CreateTeacher(ctx, "Second", "correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	token, err := s.CreateResetLink(ctx, rivera.ID, other.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.SetHashBudget(1, 20*time.Millisecond)
	s.hashes <- struct{}{} // the one slot is taken
	long := strings.Repeat("x", MaxPasswordLen+1)
	for _, c := range []struct {
		name, password string
		want           error
	}{
		{"Rivera", "correct horse battery", questions.ErrUnavailable},
		{"Nobody", "correct horse battery", questions.ErrUnavailable},
		{"Rivera", long, questions.ErrUnauthorized},
		{"Nobody", long, questions.ErrUnauthorized},
	} {
		if _, err := s.Authenticate(ctx, c.name, c.password); !errors.Is(err, c.want) {
			t.Errorf("Authenticate(%s, %d characters) with the budget full: %v, want %v", c.name, len(c.password), err, c.want)
		}
	}
	if _, err := s.CreateTeacher(ctx, "Okafor", "correct horse battery"); !errors.Is(err, questions.ErrUnavailable) {
		t.Errorf("CreateTeacher with the budget full: %v, want busy", err)
	}
	if _, err := s.ResetPassword(ctx, token, "a brand new password"); !errors.Is(err, questions.ErrUnavailable) {
		t.Errorf("ResetPassword with the budget full: %v, want busy", err)
	}
	<-s.hashes
	if _, err := s.ResetPassword(ctx, token, "a brand new password"); err != nil {
		t.Errorf("ResetPassword with room (the link unspent by the busy try): %v", err)
	}
	if _, err := s.Authenticate(ctx, "Rivera", "correct horse battery"); err != nil {
		t.Errorf("Authenticate with room: %v", err)
	}
}

// BenchmarkAuthenticate measures a refused login for a real name and for
// an unknown one: the two must cost the same (item 9 of issue 14).
func BenchmarkAuthenticate(b *testing.B) {
	s, err := Open(context.Background(), b.TempDir()+"/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	s.CreateTeacher(ctx, "Rivera", "correct horse battery")
	for _, c := range []struct{ name, password string }{
		{"Rivera", "a wrong password"}, {"Nobody", "a wrong password"},
		{"Rivera", strings.Repeat("x", 300)}, {"Nobody", strings.Repeat("x", 300)},
	} {
		b.Run(c.name+"/"+map[bool]string{true: "long", false: "short"}[len(c.password) > 100], func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Authenticate(ctx, c.name, c.password); !errors.Is(err, questions.ErrUnauthorized) {
					b.Fatal(err)
				}
			}
		})
	}
}
