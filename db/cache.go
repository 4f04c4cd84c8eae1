package db

import (
	"sync"
	"sync/atomic"
	"time"

	"factdrill/quiz"
)

// cache keeps what the busiest pages read, so that serving them needs no
// SQL: live learner sessions, and the questions and answers of attempts in
// progress. It is a cache of committed data only, and it is correct without
// the cooperation of the code that writes: every committed write bumps a
// generation that empties it (see Store.inWrite). Two writes made all the
// time are the exceptions: a quiz answer bumps only its attempt's version
// and writes its change through to the attempt's entry, and a flashcard
// answer (Store.Review) changes nothing the cache holds (cards, the review
// log, study settings), so it leaves the cache alone.
//
// An entry is filled from a snapshot read after the generation and version
// were noted, and kept only if neither changed meanwhile; so a fill that
// raced a write is dropped rather than kept stale. The cache assumes it is
// the only process writing the database file, as a factdrill server on
// SQLite is. Servers sharing a PostgreSQL database either turn it off or
// empty each other's through LISTEN/NOTIFY (see cacheMode).
type cache struct {
	gen atomic.Uint64
	// off makes every lookup miss and every fill a no-op.
	off bool

	mu         sync.Mutex
	sessions   map[string]sessionEntry
	attempts   map[int64]*attemptEntry
	attemptVer map[int64]uint64
}

// maxEntries bounds each map; past it the map starts afresh, which costs a
// few reads and keeps memory flat however many learners come and go.
const maxEntries = 50000

type sessionEntry struct {
	gen      uint64
	sess     Session
	lastSeen time.Time
	// The teacher's login, if there is one: when a request last came,
	// how long it may idle, and when it ends whatever happens.
	teacherSeen, teacherEnds time.Time
	teacherIdle              time.Duration
}

// attemptEntry is an attempt as its question pages show it.
type attemptEntry struct {
	gen, ver  uint64
	attempt   Attempt
	responses []Response // by position, answered or not
}

func newCache() *cache {
	return &cache{
		sessions:   map[string]sessionEntry{},
		attempts:   map[int64]*attemptEntry{},
		attemptVer: map[int64]uint64{},
	}
}

// bump empties the cache after a committed write.
func (c *cache) bump() {
	c.mu.Lock()
	c.gen.Add(1)
	clear(c.sessions)
	clear(c.attempts)
	c.mu.Unlock()
}

// current is the generation that copies made now are kept with (the
// study queue's, see cards_study.go). While the cache is off, other
// servers write the database unseen: every call then moves the generation
// on, so that no copy one page made is used by the next.
func (c *cache) current() uint64 {
	c.mu.Lock()
	off := c.off
	c.mu.Unlock()
	if off {
		return c.gen.Add(1)
	}
	return c.gen.Load()
}

// setOff turns the cache off (every lookup misses) or on again, empty.
func (c *cache) setOff(off bool) {
	c.mu.Lock()
	c.off = off
	c.mu.Unlock()
	c.bump()
}

func (c *cache) session(tokenHash string) (sessionEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.sessions[tokenHash]
	return e, ok && !c.off && e.gen == c.gen.Load()
}

func (c *cache) putSession(tokenHash string, e sessionEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.off || e.gen != c.gen.Load() {
		return
	}
	if len(c.sessions) >= maxEntries {
		clear(c.sessions)
	}
	c.sessions[tokenHash] = e
}

// versions notes the generation and the attempt's version before a fill.
func (c *cache) versions(attemptID int64) (gen, ver uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen.Load(), c.attemptVer[attemptID]
}

// attempt returns a copy-safe view of the cached attempt: callers must not
// change the slices of the entry.
func (c *cache) attempt(id int64) (*attemptEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.attempts[id]
	if !ok || e.gen != c.gen.Load() || e.ver != c.attemptVer[id] {
		return nil, false
	}
	return e, true
}

func (c *cache) putAttempt(e *attemptEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id := e.attempt.ID
	if c.off || e.gen != c.gen.Load() || e.ver != c.attemptVer[id] {
		return
	}
	if len(c.attempts) >= maxEntries {
		clear(c.attempts)
		clear(c.attemptVer)
	}
	c.attempts[id] = e
}

// forget drops the attempt's entry after another server changed it.
func (c *cache) forget(attemptID int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.attemptVer[attemptID]++
	delete(c.attempts, attemptID)
}

// answered applies a committed change to an attempt: the version moves on,
// and a valid entry is replaced by a copy with the change, so readers that
// hold the old entry keep a consistent one.
func (c *cache) answered(ch answerChange) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id := ch.attemptID
	old, ok := c.attempts[id]
	valid := ok && old.gen == c.gen.Load() && old.ver == c.attemptVer[id]
	c.attemptVer[id]++
	if !valid {
		delete(c.attempts, id)
		return
	}
	e := &attemptEntry{gen: old.gen, ver: c.attemptVer[id], attempt: old.attempt}
	e.responses = append([]Response(nil), old.responses...)
	e.attempt.Position = ch.next
	if ch.pos >= 0 && ch.pos < len(e.responses) && ch.write {
		r := &e.responses[ch.pos]
		if ch.answer.Empty() {
			r.Answered, r.Answer, r.Fraction, r.AnsweredAt = false, quiz.Answer{}, 0, time.Time{}
		} else {
			r.Answered, r.Answer, r.Fraction, r.AnsweredAt = true, ch.answer, ch.grade.Fraction, ch.at
		}
	}
	e.attempt.Answered = 0
	for _, r := range e.responses {
		if r.Answered {
			e.attempt.Answered++
		}
	}
	c.attempts[id] = e
}

// answerChange is what SaveAnswer committed to an attempt.
type answerChange struct {
	attemptID int64
	pos, next int
	// write is false when the answer was not stored (the first answer of a
	// question stands in an attempt with feedback during it).
	write  bool
	answer quiz.Answer
	grade  quiz.Grade
	at     time.Time
}
