package web

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// rateLimiter allows each key (a client address) a number of tries per
// window; it slows guessing without locking anyone out for long.
type rateLimiter struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	now    func() time.Time
	tries  map[string][]time.Time
}

func newRateLimiter(limit int, window time.Duration, now func() time.Time) *rateLimiter {
	return &rateLimiter{limit: limit, window: window, now: now, tries: map[string][]time.Time{}}
}

// allow records a try for key and reports whether it is within the limit.
func (l *rateLimiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.tries) > 10000 {
		l.sweep(now)
	}
	recent := l.tries[key][:0]
	for _, t := range l.tries[key] {
		if now.Sub(t) < l.window {
			recent = append(recent, t)
		}
	}
	if len(recent) >= l.limit {
		l.tries[key] = recent
		return false
	}
	l.tries[key] = append(recent, now)
	return true
}

// sweep forgets keys with no try in the window, so the map stays small.
func (l *rateLimiter) sweep(now time.Time) {
	for k, ts := range l.tries {
		if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= l.window {
			delete(l.tries, k)
		}
	}
}

// clientKey is the address a request came from, without its port.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
