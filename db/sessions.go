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

// Session is a server-side session: who the random id in the cookie
// stands for.
type Session struct {
	// Learner is the session's learner; the zero Learner (ID 0) for none
	// yet. Its CreatedAt is left out: every request reads the session, and
	// no page needs it.
	Learner Learner
	// Teacher is the teacher logged in on the session; the zero Teacher
	// (ID 0) for none. Its CreatedAt is left out too.
	Teacher   Teacher
	ExpiresAt time.Time
}

// LearnerID is the id of the session's learner, 0 for none.
func (s Session) LearnerID() int64 { return s.Learner.ID }

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

// Session returns the live session for token, with its learner and the
// teacher logged in on it, read from the read cache when it can be. A
// session used after touchEvery has its expiry moved to ttl from now (a
// sliding expiry). A teacher's login past its idle or absolute end is
// ended there and then (the session goes on without a teacher); a request
// moves the idle end on, writing at most once in a twentieth of the idle
// time. An unknown or expired token gives ErrNotFound.
func (s *Store) Session(ctx context.Context, token string, ttl time.Duration) (Session, error) {
	now := s.now()
	h := hashToken(token)
	e, ok := s.cache.session(h)
	var err error
	if !ok {
		e.gen = s.cache.gen.Load()
		if err = s.inRead(ctx, func(tx *sql.Tx) error { return sessionTx(ctx, tx, h, &e) }); err == nil {
			s.cache.putSession(h, e)
		}
	}
	if err == nil && !now.Before(e.sess.ExpiresAt) {
		err = questions.ErrNotFound
	}
	if err != nil {
		return Session{}, fmt.Errorf("db: session: %w", err)
	}
	sess := e.sess
	if sess.Teacher.ID != 0 {
		switch {
		case !now.Before(e.teacherEnds) || now.Sub(e.teacherSeen) >= e.teacherIdle:
			if err := s.EndTeacherLogin(ctx, token); err != nil {
				return Session{}, err
			}
			sess.Teacher = Teacher{}
		case now.Sub(e.teacherSeen) >= e.teacherIdle/20:
			err := s.inWrite(ctx, func(tx *sql.Tx) error {
				_, err := tx.ExecContext(ctx, "UPDATE sessions SET teacher_seen_at = ? WHERE token_hash = ? AND teacher_id = ?", now.UTC(), h, sess.Teacher.ID)
				return err
			})
			if err != nil {
				return Session{}, fmt.Errorf("db: session teacher: %w", err)
			}
		}
	}
	if now.Sub(e.lastSeen) >= touchEvery {
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

// sessionTx reads the session row under the token hash h, with its learner
// and teacher, into e.
func sessionTx(ctx context.Context, tx *sql.Tx, h string, e *sessionEntry) error {
	var (
		tSeen, tEnds sql.NullTime
		idle         int64
	)
	err := tx.QueryRowContext(ctx, `SELECT s.expires_at, s.last_seen_at,
			coalesce(l.id, 0), coalesce(l.name, ''), coalesce(l.resume_code, ''),
			coalesce(t.id, 0), coalesce(t.name, ''), coalesce(t.admin, 0),
			s.teacher_seen_at, coalesce(s.teacher_idle_seconds, 0), s.teacher_ends_at
		FROM sessions s LEFT JOIN learners l ON l.id = s.learner_id LEFT JOIN teachers t ON t.id = s.teacher_id AND t.disabled_at IS NULL
		WHERE s.token_hash = ?`, h).Scan(&e.sess.ExpiresAt, &e.lastSeen,
		&e.sess.Learner.ID, &e.sess.Learner.Name, &e.sess.Learner.ResumeCode,
		&e.sess.Teacher.ID, &e.sess.Teacher.Name, &e.sess.Teacher.Admin, &tSeen, &idle, &tEnds)
	if errors.Is(err, sql.ErrNoRows) {
		return questions.ErrNotFound
	}
	e.teacherSeen, e.teacherIdle, e.teacherEnds = timeOf(tSeen), time.Duration(idle)*time.Second, timeOf(tEnds)
	return err
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
	return s.deleteRows(ctx, s.inWrite, "delete expired sessions", "DELETE FROM sessions WHERE expires_at <= ?", s.now().UTC())
}

// SettingOrInit returns the value stored under key; if there is none yet it
// stores and returns init(). Two servers starting together agree on one
// value.
func (s *Store) SettingOrInit(ctx context.Context, key string, init func() []byte) ([]byte, error) {
	var v []byte
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		// The first server's value stands: a later insert, even one racing
		// it from another server, does nothing, and the read that follows
		// sees the value committed.
		if _, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", key, init()); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	})
	if err != nil {
		return nil, fmt.Errorf("db: setting %q: %w", key, err)
	}
	return v, nil
}
