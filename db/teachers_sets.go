package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"factdrill/questions"
	"factdrill/quiz"
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
// or one that belongs to no teacher and is no learner's own deck. Another
// teacher's set, or a learner's deck, gives questions.ErrNotFound, as a
// missing one does.
func (s *Store) TeacherSet(ctx context.Context, teacherID, id int64) (SetInfo, []StoredQuestion, error) {
	return s.setWhere(ctx, id, " AND (s.owner_id = ? OR s.owner_id IS NULL AND s.learner_id IS NULL)", teacherID)
}

// ownSet checks, in a write transaction tx, that the set belongs to the
// teacher, and locks the set's row: two edits of one set at once (two
// tabs, two servers) take turns, the second starting from what the first
// committed.
func ownSet(ctx context.Context, tx *sql.Tx, teacherID, id int64) error {
	return checkOwnSet(ctx, tx, teacherID, id, forUpdate)
}

// seeOwnSet is ownSet for a read transaction: it locks nothing.
func seeOwnSet(ctx context.Context, tx *sql.Tx, teacherID, id int64) error {
	return checkOwnSet(ctx, tx, teacherID, id, "")
}

func checkOwnSet(ctx context.Context, tx *sql.Tx, teacherID, id int64, lock string) error {
	var got int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM sets WHERE id = ? AND owner_id = ?"+lock, id, teacherID).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return questions.ErrNotFound
	}
	return err
}

// SetEdit is a teacher's change to a set: its title and description, its
// questions as they now stand, and whether it is published.
type SetEdit struct {
	Title       string
	Description string
	// Questions are the set's questions in their new order. A question
	// whose ID is one of the set's keeps its identity (cards, reviews and
	// answers stay with it) and gets a new version if its content
	// changed; ID 0 adds a question; the set's questions left out leave
	// the set. Open attempts keep the versions they were started with
	// (see StaleAttempts).
	Questions []StoredQuestion
	Publish   bool
}

// SetChange says what saving an edit did to a set's questions.
type SetChange struct {
	// Revised counts the questions that got a new version, Added the new
	// questions, Removed those taken out of the set.
	Revised, Added, Removed int
}

// UpdateSet replaces the teacher's set with edit, in one transaction.
func (s *Store) UpdateSet(ctx context.Context, teacherID, id int64, edit SetEdit) (SetChange, error) {
	now := s.now()
	set := questions.Set{Title: edit.Title, Description: edit.Description}
	for _, q := range edit.Questions {
		set.Questions = append(set.Questions, q.Question)
	}
	if err := set.Validate(); err != nil {
		return SetChange{}, fmt.Errorf("db: update set %d: %w", id, invalidSet(err))
	}
	var ch SetChange
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE sets SET title = ?, description = ?, published = ?, updated_at = ? WHERE id = ?",
			questions.ShortTitle(edit.Title), edit.Description, boolInt(edit.Publish), now.UTC(), id); err != nil {
			return err
		}
		var err error
		ch, err = replaceQuestions(ctx, tx, id, teacherID, edit.Questions, now)
		return err
	})
	if err != nil {
		return SetChange{}, fmt.Errorf("db: update set %d: %w", id, err)
	}
	return ch, nil
}

// replaceQuestions makes the set's questions qs, in that order: those with
// the id of one of the set's questions revise it (a new version if it
// changed), the others are new questions of owner (nil for none), and the
// set's questions not in qs leave it.
func replaceQuestions(ctx context.Context, tx *sql.Tx, setID int64, owner any, qs []StoredQuestion, now time.Time) (SetChange, error) {
	var ch SetChange
	before, err := setQuestionIDsTx(ctx, tx, setID)
	if err != nil {
		return ch, err
	}
	inSet := map[int64]bool{}
	for _, id := range before {
		inSet[id] = true
	}
	ids := make([]int64, len(qs))
	for i, q := range qs {
		if !inSet[q.ID] {
			// New, or an id that is not this set's (nor used twice): a new
			// question, never a change to another set's.
			if ids[i], err = newQuestionTx(ctx, tx, owner, q.Question, now); err != nil {
				return ch, err
			}
			ch.Added++
			continue
		}
		delete(inSet, q.ID)
		ids[i] = q.ID
		revised, err := reviseQuestionTx(ctx, tx, q.ID, q.Question, now)
		if err != nil {
			return ch, err
		}
		if revised {
			ch.Revised++
		}
	}
	ch.Removed = len(inSet)
	return ch, placeQuestionsTx(ctx, tx, setID, ids)
}

// SetQuizOptions sets how the teacher's set is marked and shown in
// quizzes: its spelling tolerance (0 to quiz.MaxSpelling percent; it
// applies to answers given from now on, and to those a regrade grades
// again) and whether its questions keep their options in the written
// order (for attempts started from now on).
func (s *Store) SetQuizOptions(ctx context.Context, teacherID, id int64, spelling int, keepOptionOrder bool) error {
	if spelling < 0 || spelling > quiz.MaxSpelling {
		return fmt.Errorf("db: quiz options of set %d: %w", id, invalid("the spelling tolerance is between 0 and %d%%", quiz.MaxSpelling))
	}
	return s.changeOne(ctx, fmt.Sprintf("quiz options of set %d", id),
		"UPDATE sets SET spelling = ?, keep_option_order = ?, updated_at = ? WHERE id = ? AND owner_id = ?",
		spelling, boolInt(keepOptionOrder), s.now().UTC(), id, teacherID)
}

// SetPublished publishes or unpublishes the teacher's set. An unpublished
// set cannot be started, even by a class it is assigned to.
func (s *Store) SetPublished(ctx context.Context, teacherID, id int64, published bool) error {
	now := s.now()
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "UPDATE sets SET published = ?, updated_at = ? WHERE id = ?", boolInt(published), now.UTC(), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: publish set %d: %w", id, err)
	}
	return nil
}

// DeleteSet deletes the teacher's set with its assignments, attempts and
// answers, and its questions that are in no other set.
func (s *Store) DeleteSet(ctx context.Context, teacherID, id int64) error {
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		if err := ownSet(ctx, tx, teacherID, id); err != nil {
			return err
		}
		qids, err := setQuestionIDsTx(ctx, tx, id)
		if err != nil {
			return err
		}
		removed, err := removedQuestionsTx(ctx, tx, "a.set_id = ?", id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM sets WHERE id = ?", id); err != nil {
			return err
		}
		return dropOrphansTx(ctx, tx, append(qids, removed...))
	})
	if err != nil {
		return fmt.Errorf("db: delete set %d: %w", id, err)
	}
	return nil
}
