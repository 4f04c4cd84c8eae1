package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Limits on guessing (teacher logins, resume codes, join codes) are kept
// in the throttle_events table, so that they hold across every server on
// the database: a try is recorded in the same transaction that checks the
// limit, before the work it guards (a password check, a code lookup), so
// that tries made at once cannot all slip past a limit while the first
// is still being checked. A try that turns out right is taken back
// (Release), so that only wrong tries count.

// Limit is a bound on the tries of one kind kept under one key.
type Limit struct {
	// Kind names the limit ("login-pair", "resume").
	Kind string
	// Key is what the limit is kept per: an address, or a name and an
	// address (see LimitKey). It is stored hashed.
	Key string
	// Free is the number of tries allowed within Period.
	Free int
	// Period is how long a try counts.
	Period time.Duration
	// Backoff makes a try beyond Free wait from the last try: a second,
	// doubling with each try beyond, to at most MaxWait. Without it, a try
	// beyond Free waits until the oldest try within Period is Period old.
	Backoff bool
	MaxWait time.Duration
}

// LimitKey makes a limit's key of its parts (an address, a name): each
// part goes with its length, so that no two lists of parts give one key.
func LimitKey(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		fmt.Fprintf(&b, "%d:%s;", len(p), p)
	}
	return b.String()
}

func (l Limit) hashedKey() string {
	h := sha256.Sum256([]byte(l.Kind + "\x00" + l.Key))
	return hex.EncodeToString(h[:])
}

// wait is how long a try under l must wait at now, given the times of
// the tries within its period, oldest first; 0 for none.
func (l Limit) wait(tries []time.Time, now time.Time) time.Duration {
	n := len(tries)
	if n < l.Free {
		return 0
	}
	if !l.Backoff {
		return tries[n-l.Free].Add(l.Period).Sub(now)
	}
	backoff := l.MaxWait
	if shift := n - l.Free; shift < 30 {
		backoff = min(time.Second<<shift, l.MaxWait)
	}
	return max(0, tries[n-1].Add(backoff).Sub(now))
}

// Tries are the tries Take recorded, for Release to take back.
type Tries struct{ ids []int64 }

// Take checks each limit and, when every one has room, records a try
// under each, in one transaction. When one has no room, nothing is
// recorded and wait is how long until it has.
func (s *Store) Take(ctx context.Context, limits ...Limit) (t Tries, wait time.Duration, err error) {
	now := s.now()
	err = s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		// Tries at once (on several servers) under one key take turns
		// between the count and the insert, as SQLite's one writer makes
		// them: each counts the tries of those before it.
		keys := make([]string, len(limits))
		for i, l := range limits {
			keys[i] = "throttle " + l.hashedKey()
		}
		if err := s.lockNames(ctx, tx, keys...); err != nil {
			return err
		}
		for _, l := range limits {
			tries, err := triesTx(ctx, tx, l, now)
			if err != nil {
				return err
			}
			wait = max(wait, l.wait(tries, now))
		}
		if wait > 0 {
			return nil
		}
		for _, l := range limits {
			var id int64
			err := tx.QueryRowContext(ctx, "INSERT INTO throttle_events (kind, key, at) VALUES (?, ?, ?) RETURNING id",
				l.Kind, l.hashedKey(), now.UTC()).Scan(&id)
			if err != nil {
				return err
			}
			t.ids = append(t.ids, id)
		}
		return nil
	})
	if err != nil {
		return Tries{}, 0, fmt.Errorf("db: take a try: %w", err)
	}
	return t, wait, nil
}

// triesTx lists the times of the tries under l within its period, oldest
// first.
func triesTx(ctx context.Context, tx *sql.Tx, l Limit, now time.Time) ([]time.Time, error) {
	return queryAll(ctx, tx, func(row scanner) (time.Time, error) {
		var t time.Time
		err := row.Scan(&t)
		return t, err
	}, "SELECT at FROM throttle_events WHERE kind = ? AND key = ? AND at > ? ORDER BY at", l.Kind, l.hashedKey(), now.Add(-l.Period).UTC())
}

// Release takes back tries Take recorded: they turned out right.
func (s *Store) Release(ctx context.Context, t Tries) error {
	if len(t.ids) == 0 {
		return nil
	}
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		for _, id := range t.ids {
			if _, err := tx.ExecContext(ctx, "DELETE FROM throttle_events WHERE id = ?", id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("db: release tries: %w", err)
	}
	return nil
}

// Forget deletes every try under each limit: a teacher who got in is
// not slowed by the failures before.
func (s *Store) Forget(ctx context.Context, limits ...Limit) error {
	err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
		for _, l := range limits {
			if _, err := tx.ExecContext(ctx, "DELETE FROM throttle_events WHERE kind = ? AND key = ?", l.Kind, l.hashedKey()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("db: forget tries: %w", err)
	}
	return nil
}

// DeleteOldTries deletes the tries recorded before a time (older than any
// limit's period), and returns how many.
func (s *Store) DeleteOldTries(ctx context.Context, before time.Time) (int64, error) {
	return s.deleteRows(ctx, s.inWriteKeep, "delete old tries", "DELETE FROM throttle_events WHERE at < ?", before.UTC())
}
