package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"factdrill/questions"
)

// CreateDraftSet validates set and stores it as the teacher's, not yet
// published: what an upload or a generation makes for review.
func (s *Store) CreateDraftSet(ctx context.Context, teacherID int64, set questions.Set) (int64, error) {
	return s.createSet(ctx, set, nil, teacherID, false)
}

// TeacherSets lists the teacher's own sets, newest first.
func (s *Store) TeacherSets(ctx context.Context, teacherID int64) ([]SetInfo, error) {
	return s.listSets(ctx, " WHERE s.owner_id = ? ORDER BY s.id DESC", teacherID)
}

// AssignableSets lists the sets a teacher may give a class: their own and
// the published sets that belong to no teacher.
func (s *Store) AssignableSets(ctx context.Context, teacherID int64) ([]SetInfo, error) {
	return s.listSets(ctx, " WHERE s.owner_id = ? OR (s.owner_id IS NULL AND s.published = 1) ORDER BY s.owner_id IS NULL, s.title", teacherID)
}

func (s *Store) listSets(ctx context.Context, where string, args ...any) ([]SetInfo, error) {
	var sets []SetInfo
	err := s.inRead(ctx, func(tx *sql.Tx) error {
		var err error
		sets, err = queryAll(ctx, tx, scanSet, setSelect+where, args...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("db: list sets: %w", err)
	}
	return sets, nil
}

// TeacherSet returns a set the teacher may see in full: one of their own,
// or one that belongs to no teacher. Another teacher's set gives
// questions.ErrNotFound, as a missing one does.
func (s *Store) TeacherSet(ctx context.Context, teacherID, id int64) (SetInfo, []StoredQuestion, error) {
	return s.setWhere(ctx, id, " AND (s.owner_id = ? OR s.owner_id IS NULL)", teacherID)
}

// ownSet checks, in tx, that the set belongs to the teacher.
func ownSet(ctx context.Context, tx *sql.Tx, teacherID, id int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sets WHERE id = ? AND owner_id = ?", id, teacherID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return questions.ErrNotFound
	}
	return nil
}

// SetEdit is a teacher's change to a set: its title and description, its
// questions as they now stand, and whether it is published.
type SetEdit struct {
	Title       string
	Description string
	// Questions are the set's questions in their new order. A question
	// whose ID is a stored question's of the set replaces it, keeping the
	// answers already given to it; ID 0 adds a question; stored questions
	// left out are deleted with their answers.
	Questions []StoredQuestion
	Publish   bool
}

// UpdateSet replaces the teacher's set with edit, in one transaction.
func (s *Store) UpdateSet(ctx context.Context, teacherID, id int64, edit SetEdit) error {
	now := s.now()
	set := questions.Set{Title: edit.Title, Description: edit.Description}
	for _, q := range edit.Questions {
		set.Questions = append(set.Questions, q.Question)
	}
	if err := set.Validate(); err != nil {
		return fmt.Errorf("db: update set %d: %w", id, invalidSet(err))
	}
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE sets SET title = ?, description = ?, published = ?, updated_at = ? WHERE id = ?",
			questions.ShortTitle(edit.Title), edit.Description, edit.Publish, now.UTC(), id); err != nil {
			return err
		}
		return replaceQuestions(ctx, tx, id, edit.Questions)
	})
	if err != nil {
		return fmt.Errorf("db: update set %d: %w", id, err)
	}
	return nil
}

// replaceQuestions makes the set's questions qs, in that order: those with
// the id of a stored question of the set rewrite it, the others are added,
// and stored questions not in qs are deleted.
func replaceQuestions(ctx context.Context, tx *sql.Tx, setID int64, qs []StoredQuestion) error {
	ids, err := queryAll(ctx, tx, scanInt64, "SELECT id FROM questions WHERE set_id = ?", setID)
	if err != nil {
		return err
	}
	stored := map[int64]bool{}
	for _, id := range ids {
		stored[id] = true
	}
	kept := map[int64]bool{}
	for _, q := range qs {
		if stored[q.ID] {
			kept[q.ID] = true
		}
	}
	for id := range stored {
		if !kept[id] {
			if _, err := tx.ExecContext(ctx, "DELETE FROM questions WHERE id = ?", id); err != nil {
				return err
			}
		}
	}
	// Positions are unique in a set: move the kept questions out of the
	// way before giving each its new place.
	if _, err := tx.ExecContext(ctx, "UPDATE questions SET position = -1 - position WHERE set_id = ?", setID); err != nil {
		return err
	}
	for i, q := range qs {
		body, err := json.Marshal(q.Question)
		if err != nil {
			return err
		}
		if kept[q.ID] {
			_, err = tx.ExecContext(ctx, "UPDATE questions SET position = ?, kind = ?, body = ? WHERE id = ?", i, string(q.Kind), string(body), q.ID)
		} else {
			_, err = tx.ExecContext(ctx, "INSERT INTO questions (set_id, position, kind, body) VALUES (?, ?, ?, ?)", setID, i, string(q.Kind), string(body))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// SetPublished publishes or unpublishes the teacher's set. An unpublished
// set cannot be started, even by a class it is assigned to.
func (s *Store) SetPublished(ctx context.Context, teacherID, id int64, published bool) error {
	now := s.now()
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE sets SET published = ?, updated_at = ? WHERE id = ?", published, now.UTC(), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: publish set %d: %w", id, err)
	}
	return nil
}

// DeleteSet deletes the teacher's set with its assignments, attempts and
// answers.
func (s *Store) DeleteSet(ctx context.Context, teacherID, id int64) error {
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM sets WHERE id = ?", id)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: delete set %d: %w", id, err)
	}
	return nil
}
