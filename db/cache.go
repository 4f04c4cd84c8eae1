package db

import (
	"container/list"
	"reflect"
	"sync"
	"sync/atomic"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
)

// cache keeps what the busiest pages read, so that serving them needs
// little or no SQL: live learner sessions, the state of attempts in
// progress, and decoded question versions. It is bounded in bytes, not
// entries: each part forgets what was used longest ago once its budget
// is spent, however many learners come and go and however large their
// sets are.
//
// Question versions never change (a changed question is a new version),
// so the decoded versions are shared by every attempt that shows them and
// never need invalidating. An attempt's entry holds what is its own: the
// attempt, a bit per position for answered and for flagged (Marks), and
// the positions its pages have read (the question and version each
// shows, the answer given); never a copy of the set, and nothing that
// grows by a struct per question of a long attempt. (It did: a
// 5,000-question attempt's entry took ~1 MB, so 16 learners in such
// attempts overflowed the attempts' quarter of the budget, and pages
// asked for in turn each evicted the next one's entry and read 5,000
// rows again.)
//
// Sessions and attempts are a cache of committed data only, correct
// without the cooperation of the code that writes: every committed write
// bumps a generation that empties them (see Store.inWrite). Two writes
// made all the time are the exceptions: a quiz answer writes its change
// through to its attempt's entry, and a flashcard answer (Store.Review)
// changes nothing the cache holds (cards, the review log, study
// settings), so it leaves the cache alone.
//
// An entry is filled from a snapshot read after the generation was noted
// (and, for an attempt, after a fill ticket was taken), and kept only if
// no write committed meanwhile; so a fill that raced a write is dropped
// rather than kept stale. The cache assumes it is the only process
// writing the database, as a factdrill server on SQLite is; the versions
// part alone stays right with several. Servers sharing a PostgreSQL
// database either turn sessions and attempts off or empty each other's
// through LISTEN/NOTIFY (see cacheMode).
type cache struct {
	gen atomic.Uint64
	// off makes every lookup of a session or an attempt miss and every
	// fill of one a no-op.
	off bool

	mu       sync.Mutex
	sessions *lru[string, sessionEntry]
	attempts *lru[int64, *attemptEntry]
	versions *lru[int64, *version]
	// fills are the attempt fills in progress, by attempt: an answer to
	// the attempt makes them stale.
	fills map[int64][]*attemptFill
}

// cacheBudget is the bytes the cache may hold: half for question versions
// (shared by every attempt), a quarter each for attempts and sessions.
const cacheBudget = 64 << 20

type sessionEntry struct {
	gen      uint64
	sess     Session
	lastSeen time.Time
	// The teacher's login, if there is one: when a request last came,
	// how long it may idle, and when it ends whatever happens.
	teacherSeen, teacherEnds time.Time
	teacherIdle              time.Duration
}

// attemptEntry is an attempt as its question pages need it: the attempt,
// the marks of each position (answered, flagged), and the positions read
// so far. Its size does not grow with the attempt's length but with the
// positions its learner visits, and by at most maxEntryItems of them: a
// page reads the one position it shows, never the rest.
type attemptEntry struct {
	gen     uint64
	attempt Attempt
	marks   Marks
	items   map[int]attemptItem
}

// maxEntryItems bounds the positions an attempt's entry keeps: past it,
// the entry forgets them all and starts again (two navigator pages' worth
// is what a learner going back and forth uses).
const maxEntryItems = 100

// attemptItem is one position of an attempt: the question and the
// version it shows, the order of its options, whether it is flagged, and
// the answer given (none while !answered) with its marks.
type attemptItem struct {
	questionID, versionID int64
	options               quiz.Options
	flagged               bool
	answered              bool
	answer                quiz.Answer
	fraction              float64
	manual                *quiz.Manual
	at                    time.Time
}

// itemSize is what keeping it in an entry's items costs (see heldSize's
// count of a map).
func itemSize(it attemptItem) int {
	return int(reflect.TypeFor[int]().Size()+reflect.TypeFor[attemptItem]().Size()) + heldSize(reflect.ValueOf(it))
}

func newCache(budget int) *cache {
	return &cache{
		sessions: newLRU[string, sessionEntry](budget / 4),
		attempts: newLRU[int64, *attemptEntry](budget / 4),
		versions: newLRU[int64, *version](budget / 2),
		fills:    map[int64][]*attemptFill{},
	}
}

// bump empties the sessions and attempts after a committed write; the
// versions stay, since no write changes one.
func (c *cache) bump() {
	c.mu.Lock()
	c.gen.Add(1)
	c.sessions.clear()
	c.attempts.clear()
	c.mu.Unlock()
}

// bytes is what the cache holds, by its own count.
func (c *cache) bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sessions.used + c.attempts.used + c.versions.used
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

// setOff turns the cache of sessions and attempts off (every lookup
// misses) or on again, empty.
func (c *cache) setOff(off bool) {
	c.mu.Lock()
	c.off = off
	c.mu.Unlock()
	c.bump()
}

func (c *cache) session(tokenHash string) (sessionEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.sessions.get(tokenHash)
	return e, ok && !c.off && e.gen == c.gen.Load()
}

func (c *cache) putSession(tokenHash string, e sessionEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.off || e.gen != c.gen.Load() {
		return
	}
	c.sessions.put(tokenHash, e, len(tokenHash)+memSize(e))
}

// version is a decoded question version: its number and its question.
type version struct {
	number   int
	question questions.Question
}

// version returns the decoded question version, shared: callers must not
// change it.
func (c *cache) version(id int64) (*version, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.versions.get(id)
}

func (c *cache) putVersion(id int64, v *version) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.versions.put(id, v, memSize(*v))
}

// attemptFill is a fill of an attempt's entry in progress: the generation
// it started in, and whether an answer to the attempt committed since.
type attemptFill struct {
	id    int64
	gen   uint64
	stale bool
}

// startFill notes the generation before a fill of the attempt reads.
func (c *cache) startFill(id int64) *attemptFill {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := &attemptFill{id: id, gen: c.gen.Load()}
	c.fills[id] = append(c.fills[id], f)
	return f
}

// endFill removes the fill f from those in progress, and reports whether
// what it read may be kept: nothing was written meanwhile.
func (c *cache) endFill(f *attemptFill) bool {
	fs := c.fills[f.id]
	for i, g := range fs {
		if g == f {
			fs = append(fs[:i], fs[i+1:]...)
			break
		}
	}
	if len(fs) == 0 {
		delete(c.fills, f.id)
	} else {
		c.fills[f.id] = fs
	}
	return !c.off && !f.stale && f.gen == c.gen.Load()
}

// putAttempt ends the fill f with what it read, kept if nothing was
// written meanwhile. The entry is the cache's from then on.
func (c *cache) putAttempt(f *attemptFill, e *attemptEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.endFill(f) || e == nil {
		return
	}
	e.gen = f.gen
	c.attempts.put(f.id, e, memSize(*e))
}

// putItem ends the fill f of one position of a cached attempt. If nothing
// was written meanwhile, the position is kept and putItem returns the
// view of it; otherwise ok is false, and the caller reads the attempt
// afresh.
func (c *cache) putItem(f *attemptFill, pos int, it attemptItem) (v attemptView, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.endFill(f) {
		return attemptView{}, false
	}
	e, found := c.attempts.get(f.id)
	if !found || e.gen != f.gen {
		return attemptView{}, false
	}
	if _, had := e.items[pos]; !had {
		if len(e.items) >= maxEntryItems {
			clear(e.items)
			// Measured once the new position is in.
			defer func() { c.attempts.resize(f.id, memSize(*e)) }()
		} else {
			defer c.attempts.grow(f.id, itemSize(it))
		}
	}
	e.items[pos] = it
	return e.view(pos), true
}

// attemptView is what a question page needs of an attempt, out of the
// cache: the attempt, its marks (shared: they never change), and the item
// at a position, if the entry has it (hasItem).
type attemptView struct {
	attempt Attempt
	marks   Marks
	item    attemptItem
	hasItem bool
}

// inRange reports whether pos is a position of the attempt.
func (v attemptView) inRange(pos int) bool { return pos >= 0 && pos < v.marks.Len() }

// view is the attempt with the item at pos, if e has it.
func (e *attemptEntry) view(pos int) attemptView {
	it, ok := e.items[pos]
	return attemptView{attempt: e.attempt, marks: e.marks, item: it, hasItem: ok}
}

// attempt returns a view of the cached attempt at pos (see
// attemptEntry.view); found is false when the attempt is not cached.
func (c *cache) attempt(id int64, pos int) (v attemptView, found bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.attempts.get(id)
	if !ok || c.off || e.gen != c.gen.Load() {
		return attemptView{}, false
	}
	return e.view(pos), true
}

// forget drops the attempt's entry, and makes the fills of the attempt in
// progress stale, after another server changed it (see Store.listen).
func (c *cache) forget(attemptID int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range c.fills[attemptID] {
		f.stale = true
	}
	c.attempts.remove(attemptID)
}

// answered applies a committed answer to its attempt's entry, and makes
// the fills of the attempt in progress stale.
func (c *cache) answered(ch answerChange) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range c.fills[ch.attemptID] {
		f.stale = true
	}
	e, ok := c.attempts.get(ch.attemptID)
	if !ok || e.gen != c.gen.Load() {
		return
	}
	if ch.next >= 0 {
		e.attempt.Position = ch.next
	}
	if ch.pos < 0 || ch.pos >= e.marks.Len() {
		return
	}
	answered, flagged := e.marks.Answered(ch.pos), e.marks.Flagged(ch.pos)
	if ch.write {
		if answered {
			e.attempt.Answered--
		}
		answered = !ch.answer.Empty()
		if answered {
			e.attempt.Answered++
		}
	}
	if ch.flag != nil {
		flagged = *ch.flag
	}
	// The marks are replaced, not changed, as views share them; they
	// keep their size.
	e.marks = e.marks.with(ch.pos, answered, flagged)
	it, ok := e.items[ch.pos]
	if !ok {
		return
	}
	// Only the item changes size: the entry's moves by that difference.
	delta := -itemSize(it)
	if ch.write {
		it.answered, it.answer, it.fraction, it.at, it.manual = false, quiz.Answer{}, 0, time.Time{}, nil
		if answered {
			it.answered, it.answer, it.fraction, it.at = true, ch.answer, ch.grade.Fraction, ch.at
		}
	}
	it.flagged = flagged
	e.items[ch.pos] = it
	c.attempts.grow(ch.attemptID, delta+itemSize(it))
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
	// flag, when set, is the question's flag as the learner left it.
	flag *bool
}

// lru is a map bounded in bytes: past its budget it forgets the entries
// used longest ago. An entry larger than the whole budget is not kept.
// It is not safe for concurrent use; cache holds its lock around it.
type lru[K comparable, V any] struct {
	budget, used int
	order        *list.List // of *lruItem, the most recently used first
	items        map[K]*list.Element
}

type lruItem[K comparable, V any] struct {
	key  K
	val  V
	size int
}

// lruOverhead is what an entry costs beyond its key and value: its list
// element and its share of the map.
const lruOverhead = 112

func newLRU[K comparable, V any](budget int) *lru[K, V] {
	return &lru[K, V]{budget: budget, order: list.New(), items: map[K]*list.Element{}}
}

func (l *lru[K, V]) get(k K) (V, bool) {
	el, ok := l.items[k]
	if !ok {
		var zero V
		return zero, false
	}
	l.order.MoveToFront(el)
	return el.Value.(*lruItem[K, V]).val, true
}

func (l *lru[K, V]) put(k K, v V, size int) {
	l.remove(k)
	size += lruOverhead
	if size > l.budget {
		return
	}
	l.items[k] = l.order.PushFront(&lruItem[K, V]{key: k, val: v, size: size})
	l.used += size
	l.evict()
}

// resize records that the value under k now takes size bytes.
func (l *lru[K, V]) resize(k K, size int) {
	el, ok := l.items[k]
	if !ok {
		return
	}
	it := el.Value.(*lruItem[K, V])
	l.used += size + lruOverhead - it.size
	it.size = size + lruOverhead
	l.evict()
}

// grow records that the value under k now takes delta bytes more (or
// fewer, for a negative delta).
func (l *lru[K, V]) grow(k K, delta int) {
	el, ok := l.items[k]
	if !ok {
		return
	}
	it := el.Value.(*lruItem[K, V])
	it.size += delta
	l.used += delta
	l.evict()
}

func (l *lru[K, V]) remove(k K) {
	if el, ok := l.items[k]; ok {
		l.used -= el.Value.(*lruItem[K, V]).size
		l.order.Remove(el)
		delete(l.items, k)
	}
}

// evict forgets the entries used longest ago until the rest fit.
func (l *lru[K, V]) evict() {
	for l.used > l.budget {
		l.remove(l.order.Back().Value.(*lruItem[K, V]).key)
	}
}

func (l *lru[K, V]) clear() {
	l.order.Init()
	clear(l.items)
	l.used = 0
}

// memSize estimates the bytes v takes in memory: its own size and that of
// the strings, slices, maps and pointers it holds. Times count as their
// own size: a time's location is shared.
func memSize(v any) int {
	rv := reflect.ValueOf(v)
	return int(rv.Type().Size()) + heldSize(rv)
}

var timeType = reflect.TypeFor[time.Time]()

// heldSize is what v refers to beyond its own size.
func heldSize(v reflect.Value) int {
	switch v.Kind() {
	case reflect.String:
		return v.Len()
	case reflect.Slice:
		if v.IsNil() {
			return 0
		}
		n := v.Cap() * int(v.Type().Elem().Size())
		for i := range v.Len() {
			n += heldSize(v.Index(i))
		}
		return n
	case reflect.Array:
		n := 0
		for i := range v.Len() {
			n += heldSize(v.Index(i))
		}
		return n
	case reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		return int(v.Elem().Type().Size()) + heldSize(v.Elem())
	case reflect.Map:
		n := 0
		it := v.MapRange()
		for it.Next() {
			n += int(v.Type().Key().Size()+v.Type().Elem().Size()) + heldSize(it.Key()) + heldSize(it.Value())
		}
		return n
	case reflect.Struct:
		if v.Type() == timeType {
			return 0
		}
		n := 0
		for i := range v.NumField() {
			n += heldSize(v.Field(i))
		}
		return n
	}
	return 0
}
