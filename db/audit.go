package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// AuditEntry is one line of the audit log: what a teacher did to an
// account, a class or a learner, and when.
type AuditEntry struct {
	ID int64
	At time.Time
	// ActorID is the teacher who acted (0 when their account is gone);
	// Actor is their name as it was.
	ActorID int64
	Actor   string
	// Action says what was done ("invite", "disable", "merge learners"…),
	// Target to whom, Detail the rest, in words.
	Action, Target, Detail string
}

// The actions the audit log records.
const (
	AuditInvite         = "invite"
	AuditInviteAccepted = "invitation accepted"
	AuditDisable        = "disable"
	AuditEnable         = "enable"
	AuditResetLink      = "password reset link"
	AuditPasswordReset  = "password reset"
	AuditMakeAdmin      = "make admin"
	AuditRevokeAdmin    = "revoke admin"
	AuditMerge          = "merge learners"
	AuditShare          = "share class"
	AuditUnshare        = "unshare class"
)

// audit appends an entry to the log in tx, in the transaction of the
// change it records: the change and its entry commit together or not at
// all. actorID 0 is the command line.
func audit(ctx context.Context, tx *sql.Tx, actorID int64, action, target, detail string, now time.Time) error {
	actor := "factdrill (command line)"
	var id any
	if actorID != 0 {
		id = actorID
		if err := tx.QueryRowContext(ctx, "SELECT name FROM teachers WHERE id = ?", actorID).Scan(&actor); err != nil {
			return fmt.Errorf("audit: actor %d: %w", actorID, err)
		}
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
		now.UTC(), id, actor, action, target, detail)
	return err
}

// AuditLog returns a page of the audit log, newest first, and how many
// entries there are; only an admin may read it (anyone else:
// questions.ErrForbidden).
func (s *Store) AuditLog(ctx context.Context, adminID int64, page Page) ([]AuditEntry, int, error) {
	var (
		out   []AuditEntry
		total int
	)
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		if err := isAdmin(ctx, tx, adminID); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM audit_log").Scan(&total); err != nil {
			return err
		}
		lim, args := page.limit()
		var err error
		out, err = queryAll(ctx, tx, func(row scanner) (AuditEntry, error) {
			var (
				e     AuditEntry
				actor sql.NullInt64
			)
			err := row.Scan(&e.ID, &e.At, &actor, &e.Actor, &e.Action, &e.Target, &e.Detail)
			e.At, e.ActorID = e.At.UTC(), actor.Int64
			return e, err
		}, "SELECT id, at, actor_id, actor_name, action, target, detail FROM audit_log ORDER BY id DESC"+lim, args...)
		return err
	})
	if err != nil {
		return nil, 0, fmt.Errorf("db: audit log: %w", err)
	}
	return out, total, nil
}
