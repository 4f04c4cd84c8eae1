package web

import (
	"context"
	"sync"
	"time"
)

// limiter bounds how often a key (a client's address) may try something:
// a number of tries in a sliding period. Take is meant to be called before
// the work it limits, so that tries made at once cannot all slip past the
// limit while the first is still being checked; Full lets a caller count
// only the tries that fail (a right join code is never slowed). The
// methods take a context and return an error so that an implementation
// on the database can hold a limit across servers; window, the one here,
// keeps the tries in memory, for one server.
type limiter interface {
	// Take counts a try for key now and reports whether it was within
	// the limit; a try beyond it is not counted.
	Take(ctx context.Context, key string) (bool, error)
	// Full reports whether key has no try left now, taking none.
	Full(ctx context.Context, key string) (bool, error)
}

// window is a limiter in memory: at most limit tries per key in any
// period of per.
type window struct {
	mu    sync.Mutex
	limit int
	per   time.Duration
	now   func() time.Time
	tries map[string][]time.Time
}

func newWindow(limit int, per time.Duration, now func() time.Time) *window {
	return &window{limit: limit, per: per, now: now, tries: map[string][]time.Time{}}
}

func (w *window) Take(_ context.Context, key string) (bool, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	recent := w.recent(key)
	if len(recent) >= w.limit {
		return false, nil
	}
	w.tries[key] = append(recent, w.now())
	return true, nil
}

func (w *window) Full(_ context.Context, key string) (bool, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.recent(key)) >= w.limit, nil
}

// recent drops key's tries older than the period and returns the others;
// the caller holds mu. Past 10,000 keys, keys with no recent try are
// forgotten, so that the map stays small.
func (w *window) recent(key string) []time.Time {
	now := w.now()
	if len(w.tries) > 10000 {
		for k, ts := range w.tries {
			if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= w.per {
				delete(w.tries, k)
			}
		}
	}
	kept := w.tries[key][:0]
	for _, t := range w.tries[key] {
		if now.Sub(t) < w.per {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		delete(w.tries, key)
		return nil
	}
	w.tries[key] = kept
	return kept
}
