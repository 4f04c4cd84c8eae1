package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"factdrill/questions"
)

// Images (questions.Media) are rows of the media table keyed by the
// SHA-256 of their bytes, so that an image carried by many questions,
// sets and files is stored once. Every import that brings images stores
// them in the transaction that stores its set; question text refers to
// them as /media/HASH, which is also where the server serves them.
//
// Images are kept while any question (in any version, since old attempts
// show the version they were asked in) or set description shows them;
// the sweep deletes the others a week after they were last stored (see
// DeleteUnusedMedia). They are served only to someone who knows their
// hash (see web's mediaShow).

// putMedia stores images in tx, each once: an image already stored only
// has its time renewed (created_at is when it was last stored, from which
// DeleteUnusedMedia counts its grace period: an image uploaded again for
// a question being written is not swept before the question is saved).
// Each is checked first (questions.Media.Check), so that nothing but an
// image whose name is its content's hash is ever served.
func putMedia(ctx context.Context, tx *sql.Tx, media []questions.Media, now time.Time) error {
	for _, m := range media {
		if err := m.Check(); err != nil {
			return invalid("%s", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO media (hash, type, size, data, created_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (hash) DO UPDATE SET created_at = excluded.created_at`, m.Hash, m.Type, len(m.Data), m.Data, now.UTC()); err != nil {
			return err
		}
	}
	return nil
}

// PutMedia stores an image (an upload from the question editor), or
// renews its time when it is stored already. An image that is not what
// questions.NewMedia makes is refused as invalid.
func (s *Store) PutMedia(ctx context.Context, m questions.Media) error {
	now := s.now()
	if err := s.inWriteKeep(ctx, func(tx *sql.Tx) error { return putMedia(ctx, tx, []questions.Media{m}, now) }); err != nil {
		return fmt.Errorf("db: put media %s: %w", m.Hash, err)
	}
	return nil
}

// Media returns the stored image with the given hash, or
// questions.ErrNotFound.
func (s *Store) Media(ctx context.Context, hash string) (questions.Media, error) {
	return read(ctx, s, "media "+hash, func(tx *sql.Tx) (questions.Media, error) {
		m := questions.Media{Hash: hash}
		err := tx.QueryRowContext(ctx, "SELECT type, data FROM media WHERE hash = ?", hash).Scan(&m.Type, &m.Data)
		if errors.Is(err, sql.ErrNoRows) {
			return m, questions.ErrNotFound
		}
		return m, err
	})
}

// WithMedia returns set with the images its questions show in its Media,
// read from the store in one snapshot, as the writers of formats that
// carry images (Moodle XML, QTI, .apkg) need them. An image a question
// shows that is not stored is an invalid-input error naming the question.
func (s *Store) WithMedia(ctx context.Context, set questions.Set) (questions.Set, error) {
	refs := set.MediaRefs()
	if len(refs) == 0 {
		return set, nil
	}
	media, err := read(ctx, s, "media of "+set.Title, func(tx *sql.Tx) ([]questions.Media, error) {
		out := make([]questions.Media, 0, len(refs))
		for _, h := range refs {
			m := questions.Media{Hash: h}
			err := tx.QueryRowContext(ctx, "SELECT type, data FROM media WHERE hash = ?", h).Scan(&m.Type, &m.Data)
			if errors.Is(err, sql.ErrNoRows) {
				return nil, invalid("%s shows an image (%s) that is not stored on this server; remove it from the question and try again",
					questionShowing(set, h), questions.MediaPath(h))
			}
			if err != nil {
				return nil, err
			}
			out = append(out, m)
		}
		return out, nil
	})
	if err != nil {
		return questions.Set{}, err
	}
	set.Media = media
	return set, nil
}

// questionShowing names the first question of set that shows the image.
func questionShowing(set questions.Set, hash string) string {
	for i, q := range set.Questions {
		one := questions.Set{Questions: []questions.Question{q}}
		for _, h := range one.MediaRefs() {
			if h == hash {
				return fmt.Sprintf("question %d (%s)", i+1, q.Name())
			}
		}
	}
	return "a question"
}

// putWarnings stores what the import of a set left out, in file order.
func putWarnings(ctx context.Context, tx *sql.Tx, setID int64, warns questions.ErrorList) error {
	for i, w := range warns {
		if _, err := tx.ExecContext(ctx, "INSERT INTO set_warnings (set_id, position, file, line, message) VALUES (?, ?, ?, ?, ?)",
			setID, i, w.File, w.Line, w.Msg); err != nil {
			return err
		}
	}
	return nil
}

// SetWarnings returns what the import that made the set could not carry
// over from its file, in file order; none for a set made otherwise. The
// caller has checked that whoever asks may see the set.
func (s *Store) SetWarnings(ctx context.Context, setID int64) (questions.ErrorList, error) {
	return read(ctx, s, fmt.Sprintf("warnings of set %d", setID), func(tx *sql.Tx) (questions.ErrorList, error) {
		return queryAll(ctx, tx, func(row scanner) (questions.FileError, error) {
			var w questions.FileError
			err := row.Scan(&w.File, &w.Line, &w.Msg)
			return w, err
		}, "SELECT file, line, message FROM set_warnings WHERE set_id = ? ORDER BY position", setID)
	})
}

// putImported stores, in the transaction that stores a set read from a
// file, the images its questions show and what the reader left out.
func putImported(ctx context.Context, tx *sql.Tx, setID int64, set questions.Set, now time.Time) error {
	if err := putMedia(ctx, tx, set.Media, now); err != nil {
		return err
	}
	return putWarnings(ctx, tx, setID, set.Warnings)
}

// AddQuestionImage stores the image (an upload from the question editor)
// and adds it to the end of the stem of the teacher's question, described
// by alt, as a new version of the question (see questions.Question's
// WithImage), in one transaction. A question that is not the teacher's
// gives questions.ErrNotFound; an empty alt, or a question asked in place
// (whose stem is shown around an answer box, not as rich text), an
// invalid-input error.
func (s *Store) AddQuestionImage(ctx context.Context, teacherID, questionID int64, m questions.Media, alt string) error {
	now := s.now()
	if strings.TrimSpace(alt) == "" {
		return fmt.Errorf("db: add image to question %d: %w", questionID, invalid("an image needs a description (alt text) for people who cannot see it"))
	}
	err := s.inWrite(ctx, func(tx *sql.Tx) error {
		// The question is locked before its body is read: an edit saved
		// meanwhile is not lost under the image.
		var owner sql.NullInt64
		err := tx.QueryRowContext(ctx, "SELECT owner_id FROM questions WHERE id = ?"+forUpdate, questionID).Scan(&owner)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && owner.Int64 != teacherID) {
			return questions.ErrNotFound
		}
		if err != nil {
			return err
		}
		q := StoredQuestion{ID: questionID}
		if err := questionBodyTx(ctx, tx, &q); err != nil {
			return err
		}
		if q.InPlace() {
			return invalid("this question is asked in place, around the answer box: an image cannot go in its text")
		}
		next := q.WithImage(m, alt)
		if err := next.Validate(); err != nil {
			return invalid("%s", err)
		}
		if err := putMedia(ctx, tx, []questions.Media{m}, now); err != nil {
			return err
		}
		_, err = reviseQuestionTx(ctx, tx, questionID, next, now)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: add image to question %d: %w", questionID, err)
	}
	return nil
}
