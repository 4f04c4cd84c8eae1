package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"factdrill/questions"
)

// limiter bounds how often a key (a client's address) may do something.
// Take is meant to be called before the work it limits, so that tries
// made at once cannot all slip past the limit while the first is still
// being checked. It takes a context and returns an error so that an
// implementation on the database could hold a limit across servers (the
// limits on guessing are kept there: see db.Store.Take); bucket, the one
// here, keeps its counts in memory, for the limits where one server's own
// count is enough: the anonymous writes that could fill the database (see
// anonLimits).
type limiter interface {
	// Take counts a try for key now and reports whether it was within
	// the limit; a try beyond it is not counted.
	Take(ctx context.Context, key string) (bool, error)
}

// bucket is a limiter in memory: a token bucket per key, holding at most
// burst tries and gaining one every per/burst, so that burst tries may be
// made at once and burst in any period of per. It costs a few words per
// key, whatever the burst.
type bucket struct {
	mu    sync.Mutex
	burst float64
	every time.Duration // one try regained
	now   func() time.Time
	keys  map[string]*tokens
}

type tokens struct {
	n    float64
	last time.Time
}

// maxBucketKeys bounds the keys a bucket remembers: past it, the keys
// whose buckets are full again are forgotten.
const maxBucketKeys = 50000

func newBucket(burst int, per time.Duration, now func() time.Time) *bucket {
	return &bucket{burst: float64(burst), every: per / time.Duration(burst), now: now, keys: map[string]*tokens{}}
}

// level returns key's tokens at now, refilled; the caller holds mu.
func (b *bucket) level(key string, now time.Time) *tokens {
	t := b.keys[key]
	if t == nil {
		if len(b.keys) >= maxBucketKeys {
			for k, old := range b.keys {
				if old.n+float64(now.Sub(old.last))/float64(b.every) >= b.burst {
					delete(b.keys, k)
				}
			}
		}
		t = &tokens{n: b.burst, last: now}
		b.keys[key] = t
		return t
	}
	if d := now.Sub(t.last); d > 0 {
		t.n = min(b.burst, t.n+float64(d)/float64(b.every))
		t.last = now
	}
	return t
}

func (b *bucket) Take(_ context.Context, key string) (bool, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	t := b.level(key, b.now())
	if t.n < 1 {
		return false, nil
	}
	t.n--
	return true, nil
}

// Anonymous writes are limited per address: each makes rows (a learner, a
// session, an attempt) that anyone without an account can ask for, so
// that one client cannot grow the database without bound. The figures
// leave a school behind one address room for several classes at once
// (README says them); learners that never answer are swept (see
// db.Store.DeleteIdleLearners).
type anonLimits struct {
	// learners limits the learners made (a first action without a
	// cookie), attempts the quizzes started, profile the names and
	// settings saved, joins the classes joined, decks the Anki decks
	// imported (each up to formats.MaxSize, with its images).
	learners, attempts, profile, joins, decks limiter
}

// anonLimit is one limit's figures: burst at once, and as many again in
// each period.
type anonLimit struct {
	burst int
	per   time.Duration
}

var (
	newLearnersLimit = anonLimit{120, 10 * time.Minute}
	attemptsLimit    = anonLimit{600, 10 * time.Minute}
	profileLimit     = anonLimit{300, 10 * time.Minute}
	joinsLimit       = anonLimit{300, 10 * time.Minute}
	decksLimit       = anonLimit{40, time.Hour}
)

func newAnonLimits(now func() time.Time) anonLimits {
	b := func(l anonLimit) limiter { return newBucket(l.burst, l.per, now) }
	return anonLimits{learners: b(newLearnersLimit), attempts: b(attemptsLimit), profile: b(profileLimit), joins: b(joinsLimit), decks: b(decksLimit)}
}

// errTooManyWrites answers an address past an anonymous write limit.
var errTooManyWrites = questions.Errorf(questions.CodeTooMany,
	"too many requests came from your network in a short time, so this one was not done; please wait a minute and try again")

// limited runs h only when the request's address is within l.
func (s *Server) limited(l limiter, h handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		ok, err := l.Take(r.Context(), addressKey(r))
		if err != nil {
			return err
		}
		if !ok {
			return errTooManyWrites
		}
		return h(w, r)
	}
}

// addressKey is the client's address as limits key it: an IPv4 address
// whole, an IPv6 address by its /64 network, which one client usually
// has all of.
func addressKey(r *http.Request) string {
	host := clientKey(r)
	ip := net.ParseIP(host)
	if ip == nil || ip.To4() != nil {
		return host
	}
	return fmt.Sprintf("%s/64", ip.Mask(net.CIDRMask(64, 128)))
}
