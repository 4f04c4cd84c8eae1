package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"factdrill/questions"
)

// FolderFile is a question file imported from the folder that
// `serve -questions DIR` watches.
type FolderFile struct {
	Path  string
	Hash  string // SHA-256 of the content imported, hex
	SetID int64  // 0 once the set has been deleted
}

// FolderFileByPath returns what was last imported from path, or
// questions.ErrNotFound.
func (s *Store) FolderFileByPath(ctx context.Context, path string) (FolderFile, error) {
	f := FolderFile{Path: path}
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var set sql.NullInt64
		err := tx.QueryRowContext(ctx, "SELECT hash, set_id FROM folder_files WHERE path = ?", path).Scan(&f.Hash, &set)
		if errors.Is(err, sql.ErrNoRows) {
			return questions.ErrNotFound
		}
		f.SetID = set.Int64
		return err
	})
	if err != nil {
		return FolderFile{}, fmt.Errorf("db: folder file %s: %w", path, err)
	}
	return f, nil
}

// ImportFolderFile stores the set read from the file at path, whose
// content has the given hash, in one transaction: the first import makes a
// published set of no teacher's, and a later one rewrites that set, its
// questions matched by position so that answers to questions that stay
// stay too. It reports the set's id and whether it is new.
func (s *Store) ImportFolderFile(ctx context.Context, path, hash string, set questions.Set) (int64, bool, error) {
	now := s.now()
	if err := set.Validate(); err != nil {
		return 0, false, fmt.Errorf("db: import %s: %w", path, invalidSet(err))
	}
	var (
		id      int64
		created bool
	)
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		// The file's row is made if missing and locked: servers that
		// start together on one folder import each file once, the second
		// finding the set the first made.
		if _, err := tx.ExecContext(ctx, "INSERT INTO folder_files (path, hash, imported_at) VALUES (?, '', ?) ON CONFLICT (path) DO NOTHING",
			path, now.UTC()); err != nil {
			return err
		}
		var cur sql.NullInt64
		if err := tx.QueryRowContext(ctx, "SELECT set_id FROM folder_files WHERE path = ?"+forUpdate, path).Scan(&cur); err != nil {
			return err
		}
		if cur.Valid {
			id = cur.Int64
			stored, err := setQuestions(ctx, tx, id)
			if err != nil {
				return err
			}
			qs := make([]StoredQuestion, len(set.Questions))
			for i, q := range set.Questions {
				qs[i].Question = q
				if i < len(stored) {
					qs[i].ID = stored[i].ID
				}
			}
			if _, err := tx.ExecContext(ctx, "UPDATE sets SET title = ?, description = ?, origin = ?, updated_at = ? WHERE id = ?",
				questions.ShortTitle(set.Title), set.Description, questions.Shorten(set.Origin, maxOrigin), now.UTC(), id); err != nil {
				return err
			}
			if _, err := replaceQuestions(ctx, tx, id, nil, qs, now); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM set_warnings WHERE set_id = ?", id); err != nil {
				return err
			}
		} else {
			err := tx.QueryRowContext(ctx, `INSERT INTO sets (title, description, origin, published, created_at, updated_at)
				VALUES (?, ?, ?, 1, ?, ?) RETURNING id`, questions.ShortTitle(set.Title), set.Description, questions.Shorten(set.Origin, maxOrigin), now.UTC(), now.UTC()).Scan(&id)
			if err != nil {
				return err
			}
			created = true
			if err := insertQuestions(ctx, tx, id, nil, set.Questions, now); err != nil {
				return err
			}
		}
		if err := putImported(ctx, tx, id, set, now); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO folder_files (path, hash, set_id, imported_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (path) DO UPDATE SET hash = excluded.hash, set_id = excluded.set_id, imported_at = excluded.imported_at`,
			path, hash, id, now.UTC())
		return err
	})
	if err != nil {
		return 0, false, fmt.Errorf("db: import %s: %w", path, err)
	}
	return id, created, nil
}
