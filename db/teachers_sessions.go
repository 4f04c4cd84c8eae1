package db

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"
)

// TeacherLogin says how long a teacher's login lasts: it ends after Idle
// without a request, and MaxAge after it began whatever happens.
type TeacherLogin struct {
	Idle   time.Duration
	MaxAge time.Duration
}

// CreateTeacherSession starts a new session in which the teacher is logged
// in, and returns its token. learnerID (0 for none) carries the browser's
// learner over into the new session; ttl is the learner part's lifetime,
// as for CreateSession.
func (s *Store) CreateTeacherSession(ctx context.Context, teacherID, learnerID int64, ttl time.Duration, login TeacherLogin) (string, error) {
	now := s.now()
	var b [32]byte
	rand.Read(b[:])
	token := hex.EncodeToString(b[:])
	var learner any
	if learnerID != 0 {
		learner = learnerID
	}
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, learner_id, created_at, last_seen_at, expires_at,
			teacher_id, teacher_seen_at, teacher_idle_seconds, teacher_ends_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			hashToken(token), learner, now.UTC(), now.UTC(), now.Add(max(ttl, login.MaxAge)).UTC(),
			teacherID, now.UTC(), int64(login.Idle/time.Second), now.Add(login.MaxAge).UTC())
		return err
	})
	if err != nil {
		return "", fmt.Errorf("db: create teacher session: %w", err)
	}
	return token, nil
}

// EndTeacherLogin logs the teacher out of the session of token, leaving
// its learner part, if any, as it was.
func (s *Store) EndTeacherLogin(ctx context.Context, token string) error {
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE sessions SET teacher_id = NULL, teacher_seen_at = NULL,
			teacher_idle_seconds = NULL, teacher_ends_at = NULL WHERE token_hash = ?`, hashToken(token))
		return err
	})
	if err != nil {
		return fmt.Errorf("db: end teacher login: %w", err)
	}
	return nil
}

// AttachLearner gives the session of token a learner, when a teacher's
// session without one starts a quiz: the same browser, the same session.
// A session that has expired, or that has a learner already, gives
// questions.ErrNotFound.
func (s *Store) AttachLearner(ctx context.Context, token string, learnerID int64) error {
	return s.changeOne(ctx, "attach learner", "UPDATE sessions SET learner_id = ? WHERE token_hash = ? AND learner_id IS NULL AND expires_at > ?",
		learnerID, hashToken(token), s.now().UTC())
}
