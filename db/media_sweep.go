package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"factdrill/questions"
)

// DeleteUnusedMedia deletes the stored images that no question shows, in
// any version, and no set's description shows, and that nobody has
// stored (uploaded or imported) since before; it returns how many went.
// The grace period keeps an image a teacher has just uploaded for a
// question not yet saved.
//
// Finding out what is shown means reading every question's text, so that
// is done in a read transaction, which never holds up writers; the write
// transaction that deletes then looks again only at what was written
// since (question versions are never changed, only added, so new ones
// are those with a higher id; descriptions are few). An image stored
// again meanwhile has its time renewed by putMedia and is kept by the
// delete's own condition.
func (s *Store) DeleteUnusedMedia(ctx context.Context, before time.Time) (int64, error) {
	type scan struct {
		unused  []string
		lastVer int64
	}
	sc, err := read(ctx, s, "unused media", func(tx *sql.Tx) (scan, error) {
		var sc scan
		old, err := queryAll(ctx, tx, scanString, "SELECT hash FROM media WHERE created_at < ? ORDER BY hash", before.UTC())
		if err != nil || len(old) == 0 {
			return sc, err
		}
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM question_versions").Scan(&sc.lastVer); err != nil {
			return sc, err
		}
		shown, err := mediaShown(ctx, tx, "SELECT body FROM question_versions WHERE id <= ? AND body LIKE '%/media/%'", sc.lastVer)
		if err != nil {
			return sc, err
		}
		for _, h := range old {
			if !shown[h] {
				sc.unused = append(sc.unused, h)
			}
		}
		return sc, nil
	})
	if err != nil || len(sc.unused) == 0 {
		return 0, err
	}
	var total int64
	for len(sc.unused) > 0 {
		batch := sc.unused[:min(len(sc.unused), sweepBatch)]
		sc.unused = sc.unused[len(batch):]
		var deleted int64
		err := s.inWriteKeep(ctx, func(tx *sql.Tx) error {
			since, err := mediaShown(ctx, tx, "SELECT body FROM question_versions WHERE id > ? AND body LIKE '%/media/%'", sc.lastVer)
			if err != nil {
				return err
			}
			described, err := mediaShown(ctx, tx, "SELECT description FROM sets WHERE description LIKE '%/media/%'")
			if err != nil {
				return err
			}
			args := []any{before.UTC()}
			for _, h := range batch {
				if !since[h] && !described[h] {
					args = append(args, h)
				}
			}
			deleted = 0
			if len(args) == 1 {
				return nil
			}
			res, err := tx.ExecContext(ctx, "DELETE FROM media WHERE created_at < ? AND hash IN (?"+strings.Repeat(", ?", len(args)-2)+")", args...)
			if err != nil {
				return err
			}
			deleted, err = res.RowsAffected()
			return err
		})
		if err != nil {
			return total, fmt.Errorf("db: delete unused media: %w", err)
		}
		total += deleted
	}
	return total, nil
}

// mediaShown returns the hashes of the images the texts a query selects
// show.
func mediaShown(ctx context.Context, tx *sql.Tx, query string, args ...any) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var text string
		if err := rows.Scan(&text); err != nil {
			return nil, err
		}
		for _, h := range questions.MediaRefs(text) {
			out[h] = true
		}
	}
	return out, rows.Err()
}
