package db

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"factdrill/questions"
	"fmt"
	"time"
)

// Session is a server-side session: what the random id in the cookie
// stands for.
type Session struct {
	// LearnerID is the learner the session belongs to, 0 for none yet.
	LearnerID int64
	ExpiresAt time.Time
}

// touchEvery is how stale a session's last-seen time may get before a
// request writes a new one; it keeps reads from turning into writes.
const touchEvery = time.Hour

func hashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// CreateSession starts a session for the learner that lasts ttl from now,
// and returns its token: 256 random bits, base16.
func (s *Store) CreateSession(ctx context.Context, learnerID int64, ttl time.Duration) (string, error) {
	now := s.now()
	var b [32]byte
	rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, learner_id, created_at, last_seen_at, expires_at)
			VALUES (?, ?, ?, ?, ?)`, hashToken(token), learnerID, now.UTC(), now.UTC(), now.Add(ttl).UTC())
		return err
	})
	if err != nil {
		return "", fmt.Errorf("db: create session: %w", err)
	}
	return token, nil
}

// Session returns the live session for token. A session used after half
// its life has its expiry moved to ttl from now (a sliding expiry), at most
// once every touchEvery. An unknown or expired token gives questions.ErrNotFound.
func (s *Store) Session(ctx context.Context, token string, ttl time.Duration) (Session, error) {
	now := s.now()
	var (
		sess     Session
		lastSeen time.Time
		learner  sql.NullInt64
	)
	h := hashToken(token)
	var err error
	if e, ok := s.cache.session(h); ok {
		sess, lastSeen = e.sess, e.lastSeen
	} else {
		gen := s.cache.gen.Load()
		err = s.inRead(ctx, func(tx *sql.Tx) error {
			err := tx.QueryRowContext(ctx, "SELECT learner_id, expires_at, last_seen_at FROM sessions WHERE token_hash = ?", h).
				Scan(&learner, &sess.ExpiresAt, &lastSeen)
			if errors.Is(err, sql.ErrNoRows) {
				return questions.ErrNotFound
			}
			return err
		})
		sess.LearnerID = learner.Int64
		if err == nil {
			s.cache.putSession(h, sessionEntry{gen: gen, sess: sess, lastSeen: lastSeen})
		}
	}
	if err == nil && !now.Before(sess.ExpiresAt) {
		err = questions.ErrNotFound
	}
	if err != nil {
		return Session{}, fmt.Errorf("db: session: %w", err)
	}
	if now.Sub(lastSeen) >= touchEvery {
		sess.ExpiresAt = now.Add(ttl).UTC()
		err = s.inWrite(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?", now.UTC(), sess.ExpiresAt, h)
			return err
		})
		if err != nil {
			return Session{}, fmt.Errorf("db: session: %w", err)
		}
	}
	return sess, nil
}

// DeleteSession ends the session for token; ending an unknown session is
// not an error.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE token_hash = ?", hashToken(token))
		return err
	})
	if err != nil {
		return fmt.Errorf("db: delete session: %w", err)
	}
	return nil
}

// DeleteExpiredSessions removes sessions that expired before now and says
// how many went.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	now := s.now()
	var n int64
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM sessions WHERE expires_at <= ?", now.UTC())
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("db: delete expired sessions: %w", err)
	}
	return n, nil
}

// Setting returns the value stored under key, or questions.ErrNotFound.
func (s *Store) Setting(ctx context.Context, key string) ([]byte, error) {
	var v []byte
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return questions.ErrNotFound
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("db: setting %q: %w", key, err)
	}
	return v, nil
}

// SettingOrInit returns the value stored under key; if there is none yet it
// stores and returns init(). Two servers starting together agree on one
// value.
func (s *Store) SettingOrInit(ctx context.Context, key string, init func() []byte) ([]byte, error) {
	var v []byte
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		v = init()
		_, err = tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES (?, ?)", key, v)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("db: setting %q: %w", key, err)
	}
	return v, nil
}
