package web

import (
	"strings"
	"sync"
	"time"
)

// loginThrottle slows password guessing without locking anyone out: each
// failed login makes the next try from the same place wait longer, up to a
// few minutes, and a success clears it. Failures are counted three ways:
//
//   - per account and address: after 5 failures, a wait of 1 s doubling to
//     at most 5 minutes;
//   - per account, from anywhere: after 20, the same backoff, so that a
//     spread-out attack slows down too, while the waits stay short enough
//     that the teacher is never locked out for long;
//   - per address, for any account: after 100, the same backoff. A school
//     behind one address has a lot of room before its logins slow down.
//
// Counts are forgotten 15 minutes after the last failure.
type loginThrottle struct {
	mu    sync.Mutex
	now   func() time.Time
	fails map[string]*failures
}

type failures struct {
	n    int
	last time.Time
}

const (
	throttleForget  = 15 * time.Minute
	throttleMaxWait = 5 * time.Minute
)

func newLoginThrottle(now func() time.Time) *loginThrottle {
	return &loginThrottle{now: now, fails: map[string]*failures{}}
}

// keys returns the three counters a login attempt touches, with the
// number of failures each allows before it slows down.
func throttleKeys(account, addr string) map[string]int {
	account = strings.ToLower(strings.Join(strings.Fields(account), " "))
	return map[string]int{
		"pair\x00" + account + "\x00" + addr: 5,
		"acct\x00" + account:                 20,
		"addr\x00" + addr:                    100,
	}
}

// wait returns how long a login for account from addr must wait before
// it is tried; 0 means now.
func (t *loginThrottle) wait(account, addr string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	var longest time.Duration
	for key, free := range throttleKeys(account, addr) {
		f := t.fails[key]
		if f == nil {
			continue
		}
		if now.Sub(f.last) >= throttleForget {
			delete(t.fails, key)
			continue
		}
		if f.n < free {
			continue
		}
		backoff := throttleMaxWait
		if shift := f.n - free; shift < 20 {
			backoff = min(time.Second<<shift, throttleMaxWait)
		}
		if w := f.last.Add(backoff).Sub(now); w > longest {
			longest = w
		}
	}
	return longest
}

// failed records a failed login.
func (t *loginThrottle) failed(account, addr string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	if len(t.fails) > 50000 {
		for k, f := range t.fails {
			if now.Sub(f.last) >= throttleForget {
				delete(t.fails, k)
			}
		}
	}
	for key := range throttleKeys(account, addr) {
		f := t.fails[key]
		if f == nil || now.Sub(f.last) >= throttleForget {
			f = &failures{}
			t.fails[key] = f
		}
		f.n++
		f.last = now
	}
}

// succeeded clears the account's failures from addr, and the account's own
// count: the teacher got in.
func (t *loginThrottle) succeeded(account, addr string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for key := range throttleKeys(account, addr) {
		if !strings.HasPrefix(key, "addr\x00") {
			delete(t.fails, key)
		}
	}
}
