package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"
)

// learnerCount counts the learners in the store.
func (e *env) learnerCount() int {
	e.t.Helper()
	var n int
	for id := int64(1); ; id++ {
		if _, err := e.store.Learner(context.Background(), id); err != nil {
			return n
		}
		n++
	}
}

// TestAnonymousFlood checks that cookie-less clients cannot grow the
// database without bound: past the limit of new learners an address may
// make, a first action is refused with 429 and makes nothing (on main,
// every cookie-less POST made a learner, a session and an attempt), while
// another address is not slowed.
func TestAnonymousFlood(t *testing.T) {
	e := newEnv(t)
	path := fmt.Sprintf("/sets/%d/attempts", e.setID)
	counts := map[int]int{}
	for range newLearnersLimit.burst + 80 {
		counts[e.postFrom("10.9.0.1", path, nil)]++
	}
	if counts[http.StatusSeeOther] != newLearnersLimit.burst || counts[http.StatusTooManyRequests] != 80 {
		t.Errorf("%d cookie-less attempts from one address: %v, want %d started and 80 refused with 429",
			newLearnersLimit.burst+80, counts, newLearnersLimit.burst)
	}
	if n := e.learnerCount(); n != newLearnersLimit.burst {
		t.Errorf("%d learners made, want %d", n, newLearnersLimit.burst)
	}
	if code := e.postFrom("10.9.0.2", path, nil); code != http.StatusSeeOther {
		t.Errorf("another address = %d, want 303", code)
	}
	// An IPv6 client is one /64.
	for i := range newLearnersLimit.burst {
		e.postFrom(fmt.Sprintf("[2001:db8:1:2::%x]", i+1), "/me/name", url.Values{"name": {"Zoya"}})
	}
	if code := e.postFrom("[2001:db8:1:2:ffff::1]", "/me/name", url.Values{"name": {"Zoya"}}); code != http.StatusTooManyRequests {
		t.Errorf("a new learner from a /64 past its limit = %d, want 429", code)
	}
}

// TestAnonymousDeckImports checks that Anki decks, each up to
// formats.MaxSize with its images, cannot be imported without bound from
// one address: past decksLimit a try is refused with 429 before its body
// is read (on main, every POST /decks/import was read and stored).
func TestAnonymousDeckImports(t *testing.T) {
	e := newEnv(t)
	counts := map[int]int{}
	for range decksLimit.burst + 5 {
		counts[e.postFrom("10.9.0.3", "/decks/import", nil)]++
	}
	if counts[http.StatusUnprocessableEntity] != decksLimit.burst || counts[http.StatusTooManyRequests] != 5 {
		t.Errorf("%d deck imports without a file from one address: %v, want %d read (422) and 5 refused with 429",
			decksLimit.burst+5, counts, decksLimit.burst)
	}
	if code := e.postFrom("10.9.0.4", "/decks/import", nil); code != http.StatusUnprocessableEntity {
		t.Errorf("another address = %d, want 422", code)
	}
}
